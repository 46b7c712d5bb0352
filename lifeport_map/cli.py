"""The ``lifeport-map`` command line: thin typer commands over the library.

Each command parses options, calls one library function, hands the result to a renderer and
turns a domain error into a clear message and an exit code: 0 ok, 1 invalid data, 2 usage
error, 3 I/O error. Only the command line (this module and ``commands``) prints or exits.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from lifeport_map.commands.common import (
    CLOSED_PIPE,
    IssueFormat,
    Lang,
    LangOption,
    _out,
    _paths,
    app,
    build_only,
    closed_pipe,
    command_of,
    current_lang,
    fail,
    origin_finder,
    refuse_input_as_output,
)
from lifeport_map.errors import Issue, LifeportError
from lifeport_map.messages import msg


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            readable=False,
            help="Registry files to check (default: --registry, or the shipped registry). "
            "Each is checked against the same region files.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        IssueFormat,
        typer.Option("--format", "-f", help="text (file:line:col), json, or github (annotations)."),
    ] = IssueFormat.text,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    lang: LangOption = Lang.nl,
) -> None:
    """Check the registry and region files; report every problem in one run.

    Exit code 0: valid (warnings allowed), 1: invalid, 2: usage error, 3: file not readable.

    Example: lifeport-map validate --format github

    Example: lifeport-map validate data/companies.yaml my-draft.yaml
    """
    from lifeport_map.registry import check_registry
    from lifeport_map.render.issues import RENDERERS, summary
    from lifeport_map.render.safe import terminal

    paths = _paths(ctx)
    targets: list[Path | None] = list(dict.fromkeys(files)) if files else [paths.registry]
    issues: list[Issue] = []
    seen: set[Issue] = set()
    for target in targets:
        try:
            result = check_registry(target, paths.regions, given_by="FILES" if files else "--registry")
        except LifeportError as error:
            fail(error)
        found = list(result.issues)
        if result.registry is not None and not result.errors:  # the claims file next to a valid registry
            from lifeport_map.claims import claims_issues, default_claims_path

            claims_path = default_claims_path(result.registry.registry_path)
            found += claims_issues(claims_path, result.registry, place=origin_finder(result.registry))
        for issue in found:
            if issue not in seen:  # region-file issues repeat for every registry file
                seen.add(issue)
                issues.append(issue)
        if fmt is IssueFormat.text:
            sites = len(result.registry.sites) if result.registry else 0
            name = terminal(str(target)) if target else msg("validate.shipped")
            checked = msg("validate.checked", name=name, sites=sites, summary=summary(found, lang.value))
            sys.stderr.write(checked.render(lang.value) + "\n")
    if fmt is IssueFormat.github:
        issues = [_repository_relative(i) for i in issues]
    rendered = RENDERERS[fmt.value](issues, lang.value)
    if rendered:
        _out(rendered)
    errors = [i for i in issues if i.severity == "error" or strict]
    if errors:
        io_only = all(isinstance(i, Issue) and i.code.startswith("io.") for i in errors)
        raise typer.Exit(3 if io_only else 1)


def _repository_relative(issue: Issue) -> Issue:
    """The issue with its file relative to the git repository holding it (GitHub attaches
    annotations to lines only for repository-relative paths); unchanged outside a repository."""
    from dataclasses import replace

    if not issue.file:
        return issue
    path = Path(issue.file).absolute()
    for folder in path.parents:
        if (folder / ".git").exists():
            return replace(issue, file=path.relative_to(folder).as_posix())
    return issue


@app.command()
def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", readable=False, help="Write the schema to this file instead of standard output."
        ),
    ] = None,
    lang: LangOption = Lang.nl,
) -> None:
    """Print the JSON Schema of the registry file, for editors and other tools.

    Example: lifeport-map schema --output schema/companies.schema.json
    """
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.schema import json_schema
    from lifeport_map.taxonomy import load_taxonomy

    try:
        text = (
            json.dumps(json_schema(load_taxonomy(default_taxonomy_path())), indent=2, ensure_ascii=False)
            + "\n"
        )
        if output is None:
            _out(text)
        else:
            from lifeport_map.fileio import write_text_atomic

            refuse_input_as_output(ctx, output)
            write_text_atomic(output, text, given_by="--output")
    except LifeportError as error:
        fail(error)


def run() -> None:
    """Console-script entry point: no traceback reaches the user unless LIFEPORT_DEBUG is set.

    A command is a short-lived process: the cyclic garbage collector is switched off (loading
    builds millions of acyclic objects, and collections would walk them again and again), and
    the process ends with ``os._exit`` once output is flushed, skipping the teardown of those
    objects, which on a large registry took longer than some commands themselves.
    """
    import gc

    gc.disable()
    code = 0
    try:
        build_only(command_of(sys.argv[1:]))
        app()
    except SystemExit as exc:
        if isinstance(exc.code, int):
            code = exc.code
        elif exc.code is not None:
            sys.stderr.write(f"{exc.code}\n")
            code = 1
    except KeyboardInterrupt:
        sys.stderr.write(f"lifeport-map: {msg('error.interrupted').render(current_lang())}\n")
        code = 130
    except Exception as exc:  # last line of defence against tracebacks
        if os.environ.get("LIFEPORT_DEBUG"):
            raise
        from lifeport_map.render.safe import terminal

        lang = current_lang()
        error = f"{type(exc).__name__}: {exc}"
        sys.stderr.write(
            f"lifeport-map: {terminal(msg('error.internal', error=error).render(lang))}\n"
            f"    {msg('hint').render(lang)}: {msg('error.internal/hint').render(lang)}\n"
        )
        code = 4
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError as error:  # what is still buffered cannot be written
        code = code or (CLOSED_PIPE if closed_pipe(error) else 3)
    os._exit(code)


# Command groups register themselves on ``app`` when imported.
from lifeport_map.commands import analysis, contrib, maps  # noqa: E402, F401

__all__ = ["app", "run"]
