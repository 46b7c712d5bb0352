"""What the command modules share: the typer app, the global options, output and failure.

cli.py and every module in ``commands`` import from here (never from each other), so the
command line has no import circles.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from lifeport_map import __version__
from lifeport_map.errors import FileErrors, LifeportError, RegistryError, YamlError

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
    cache: bool = True


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class IssueFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


# The --lang of the command being run, for its errors (``fail``): set by the option as it is
# read, back to Dutch, the default, at the start of every run (``main``).
_language = [Lang.nl.value]


def current_lang() -> str:
    """The language errors are shown in: the command's --lang, or Dutch before it is read."""
    return _language[0]


def _remember_lang(value: Lang | None) -> Lang | None:
    if value is not None:
        _language[0] = Lang(value).value
    return value


def lang_option(help: str) -> Any:
    """The --lang option of every command: ``help`` says what follows it; errors, warnings and
    hints always do."""
    return typer.Option(help=f"{help} Errors, warnings and hints follow it too.", callback=_remember_lang)


LangOption = Annotated[Lang, lang_option("Language of messages and hints: nl or en.")]


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def fail(error: LifeportError) -> NoReturn:
    """Print a domain error (no traceback) in the command's --lang and exit with its code."""
    from lifeport_map.messages import msg
    from lifeport_map.render.issues import as_text, summary
    from lifeport_map.render.safe import terminal

    lang = current_lang()
    if isinstance(error, RegistryError):
        shown = [i for i in error.issues if i.severity == "error"]
        sys.stderr.write(as_text(shown, lang) + "\n")
        key = "error.claims-invalid" if error.subject == "claims" else "error.registry-invalid"
        invalid = msg(key, summary=summary(error.issues, lang)).render(lang)
        sys.stderr.write(f"lifeport-map: {invalid}\n")
    elif isinstance(error, FileErrors):
        sys.stderr.write(as_text(error.issues, lang) + "\n")
        total = len(error.issues) + error.more
        file = terminal(error.issue.file)
        many = (
            msg("error.file-errors/first", total=total, file=file, shown=len(error.issues))
            if error.more
            else msg("error.file-errors", total=total, file=file)
        )
        sys.stderr.write(f"lifeport-map: {many.render(lang)}\n")
    elif isinstance(error, YamlError):
        sys.stderr.write(as_text([error.issue], lang) + "\n")
    else:
        message, hint = error.in_lang(lang)
        sys.stderr.write(f"lifeport-map: {msg('error.prefix').render(lang)}: {terminal(message)}\n")
        if hint:
            sys.stderr.write(f"    {msg('hint').render(lang)}: {terminal(hint)}\n")
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


def load_cached(ctx: typer.Context) -> Any:
    """The registry named by the global options, structure checked as ``load(ctx, check=False)``
    does, from the cache unless --no-cache (``registry_cache``), or exit with its problems."""
    from lifeport_map.registry_cache import load_registry_cached

    paths = _paths(ctx)
    try:
        return load_registry_cached(paths.registry, paths.regions, cache=paths.cache)
    except LifeportError as error:
        fail(error)


def load_graph(ctx: typer.Context) -> Any:
    """The graph of the registry named by the global options (from the cache unless
    --no-cache), or exit with the registry's problems."""
    from lifeport_map.cache import load_graph as cached_graph

    paths = _paths(ctx)
    try:
        return cached_graph(paths.registry, paths.regions, cache=paths.cache)
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read the registry afresh instead of reusing the graph cached for unchanged files "
            "(cache folder: LIFEPORT_CACHE_DIR, default ~/.cache/lifeport-map).",
            envvar="LIFEPORT_NO_CACHE",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Map and analyse the semiconductor value chain around Nijmegen (Lifeport).

    Example: lifeport-map --registry my.yaml validate
    """
    ctx.obj = Paths(registry=registry, regions=regions, cache=not no_cache)
    _language[0] = Lang.nl.value


YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        help="Look at the chain in this year: as it was (sites by their since/until and events) "
        "before this year, as planned from it on (planned and under-construction sites count from "
        "their expected year). Sites without a start year count as the registry has them. "
        "From 1900 to 2100.",
    ),
]
