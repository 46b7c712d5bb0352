"""The ``lifeport-map`` command line: thin typer commands over the library.

Each command parses options, calls one library function, hands the result to a renderer and
turns a domain error into a clear message and an exit code: 0 ok, 1 invalid data, 2 usage
error, 3 I/O error. Only this module prints or exits.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from lifeport_map import __version__
from lifeport_map.errors import Issue, LifeportError, RegistryError, YamlError

app = typer.Typer(
    name="lifeport-map",
    help="Map and analyse the semiconductor value chain around Nijmegen (Lifeport) and the "
    "regions it is compared with.\n\nExample: lifeport-map coverage --region nijmegen",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Paths:
    registry: Path | None
    regions: Path | None


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class IssueFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def fail(error: LifeportError) -> NoReturn:
    """Print a domain error (no traceback) and exit with its code."""
    from lifeport_map.render.issues import as_text, summary
    from lifeport_map.render.safe import terminal

    if isinstance(error, RegistryError):
        shown = [i for i in error.issues if i.severity == "error"]
        sys.stderr.write(as_text(shown) + "\n")
        sys.stderr.write(f"lifeport-map: the registry is invalid: {summary(error.issues)}\n")
    elif isinstance(error, YamlError):
        sys.stderr.write(as_text([error.issue]) + "\n")
    else:
        sys.stderr.write(f"lifeport-map: error: {terminal(error.message)}\n")
        if error.hint:
            sys.stderr.write(f"    hint: {terminal(error.hint)}\n")
    raise typer.Exit(error.exit_code)


def _paths(ctx: typer.Context) -> Paths:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Paths) else Paths(None, None)


def load(ctx: typer.Context, *, check: bool = True) -> Any:
    """Load the registry named by the global options, or exit with its problems."""
    from lifeport_map.registry import load_registry

    paths = _paths(ctx)
    try:
        return load_registry(paths.registry, paths.regions, check=check)
    except LifeportError as error:
        fail(error)


def _version(value: bool) -> None:
    if value:
        _out(f"lifeport-map {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    ctx: typer.Context,
    registry: Annotated[
        Path | None,
        typer.Option(
            "--registry",
            help="Registry file (default: the shipped data/companies.yaml).",
            envvar="LIFEPORT_REGISTRY",
        ),
    ] = None,
    regions: Annotated[
        Path | None,
        typer.Option(
            "--regions",
            help="Folder of region files (default: the shipped data/regions/).",
            envvar="LIFEPORT_REGIONS",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Map and analyse the semiconductor value chain around Nijmegen (Lifeport).

    Example: lifeport-map --registry my.yaml validate
    """
    ctx.obj = Paths(registry=registry, regions=regions)


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
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
) -> None:
    """Check the registry and region files; report every problem in one run.

    Exit code 0: valid (warnings allowed), 1: invalid, 2: usage error, 3: file not readable.

    Example: lifeport-map validate --format github

    Example: lifeport-map validate data/companies.yaml my-draft.yaml
    """
    from lifeport_map.registry import check_registry
    from lifeport_map.render.issues import RENDERERS, summary

    paths = _paths(ctx)
    targets: list[Path | None] = list(dict.fromkeys(files)) if files else [paths.registry]
    issues: list[Issue] = []
    seen: set[Issue] = set()
    for target in targets:
        try:
            result = check_registry(target, paths.regions)
        except LifeportError as error:
            fail(error)
        for issue in result.issues:
            if issue not in seen:  # region-file issues repeat for every registry file
                seen.add(issue)
                issues.append(issue)
        if fmt is IssueFormat.text:
            sites = len(result.registry.sites) if result.registry else 0
            name = target or "the shipped registry"
            sys.stderr.write(f"{name}: {sites} sites checked, {summary(result.issues)}\n")
    if fmt is IssueFormat.github:
        issues = [_repository_relative(i) for i in issues]
    rendered = RENDERERS[fmt.value](issues)
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
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to this file instead of standard output."),
    ] = None,
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

            write_text_atomic(output, text)
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
        app()
    except SystemExit as exc:
        if isinstance(exc.code, int):
            code = exc.code
        elif exc.code is not None:
            sys.stderr.write(f"{exc.code}\n")
            code = 1
    except KeyboardInterrupt:
        sys.stderr.write("lifeport-map: interrupted\n")
        code = 130
    except Exception as exc:  # last line of defence against tracebacks
        if os.environ.get("LIFEPORT_DEBUG"):
            raise
        from lifeport_map.render.safe import terminal

        sys.stderr.write(
            f"lifeport-map: internal error: {terminal(type(exc).__name__)}: "
            f"{terminal(str(exc))}\n    hint: please report this with the command "
            "you ran; set LIFEPORT_DEBUG=1 for details\n"
        )
        code = 4
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1
    os._exit(code)


# Command groups register themselves on ``app`` when imported.
from lifeport_map.commands import analysis, contrib, maps  # noqa: E402, F401
