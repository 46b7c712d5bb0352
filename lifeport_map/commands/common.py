"""What the command modules share: the typer app, the global options, output and failure.

cli.py and every module in ``commands`` import from here (never from each other), so the
command line has no import circles.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from lifeport_map import __version__
from lifeport_map.errors import FileErrors, LifeportError, RegistryError, YamlError
from lifeport_map.messages import msg

# The command line's own usage errors (an unknown option or command, a missing argument, a value
# of the wrong type) are made by click in English: each kind is recognised by its wording here
# and said again from the catalogue in the command's --lang. A message of another kind stays as
# click wrote it.
_CLICK_DETAILS = [
    (re.compile(r"(.*) is not one of (.*)\.", re.S), "cli.not-one-of", ("value", "choices")),
    (re.compile(r"(.*) is not a valid float(?: range)?\.", re.S), "cli.not-a-number", ("value",)),
    (re.compile(r"(.*) is not a valid integer(?: range)?\.", re.S), "cli.not-an-integer", ("value",)),
    (re.compile(r"(.*) is not in the range (.*)\.", re.S), "cli.not-in-range", ("value", "range")),
    # a yes/no environment variable (LIFEPORT_NO_CACHE=maybe); the first value click lists is ''
    (
        re.compile(r"(.*) is not a valid boolean\. Recognized values: (?:, )?(.*)", re.S),
        "cli.not-a-boolean",
        ("value", "choices"),
    ),
]
# The option's name as click gives it when the value came from the environment.
_CLICK_ENV_VAR = re.compile(r"(.+) \(env var: (.+)\)", re.S)
_CLICK_MESSAGES = [
    # a name in quotes may hold dots of its own: 'REGION...' of a command taking several
    (re.compile(r"Missing argument ('[^']*'|.+?)\.", re.S), "cli.missing-argument", ("name",)),
    (re.compile(r"Missing option (.+?)\.", re.S), "cli.missing-option", ("name",)),
    (re.compile(r"No such option: (\S+)", re.S), "cli.no-such-option", ("option",)),
    (re.compile(r"No such option '(.+?)'\.", re.S), "cli.no-such-option", ("option",)),  # click 8.5
    (re.compile(r"No such command (.+?)\.", re.S), "cli.no-such-command", ("command",)),
    (
        re.compile(r"Got unexpected extra (?:argument\(s\)|arguments?) \((.*)\)", re.S),
        "cli.extra-arguments",
        ("arguments",),
    ),
    (re.compile(r"Option (.+) requires an argument\.", re.S), "cli.needs-value", ("option",)),
    (re.compile(r"Option (.+) does not take a value\.", re.S), "cli.takes-no-value", ("option",)),
]
_CLICK_SUFFIXES = [
    (re.compile(r" Choose from:(.*)", re.S), "cli.choose-from", ""),
    (re.compile(r" \(Possible options: (.*)\)", re.S), "cli.possible-options", "options"),
    (re.compile(r" Did you mean (.*)\?", re.S), "cli.did-you-mean", "names"),
    (re.compile(r" \(Did you mean one of: (.*)\?\)", re.S), "cli.did-you-mean", "names"),  # click 8.5
]


def _click_detail(text: str, lang: str) -> str:
    for pattern, key, names in _CLICK_DETAILS:
        found = pattern.fullmatch(text)
        if found:
            return msg(key, **dict(zip(names, found.groups(), strict=True))).render(lang)
    return text


def click_message(text: str, lang: str) -> str:
    """Click's English message ``text`` in ``lang`` (unchanged for a kind not recognised)."""
    if lang == "en":
        return text
    invalid = re.fullmatch(r"Invalid value(?: for (.+?(?: \(env var: [^)]*\))?))?: (.*)", text, re.S)
    if invalid:
        name, detail = invalid.groups()
        detail = _click_detail(detail, lang)
        from_env = _CLICK_ENV_VAR.fullmatch(name or "")
        if from_env:
            name = msg("cli.from-env-var", name=from_env.group(1), variable=from_env.group(2)).render(lang)
        return (
            msg("cli.invalid-value-for", name=name, detail=detail)
            if name
            else msg("cli.invalid-value", detail=detail)
        ).render(lang)
    for pattern, key, names in _CLICK_MESSAGES:
        found = pattern.match(text)
        if not found:
            continue
        rest = text[found.end() :]
        said = msg(key, **dict(zip(names, found.groups(), strict=True))).render(lang)
        for suffix, suffix_key, param in _CLICK_SUFFIXES:
            tail = suffix.fullmatch(rest)
            if tail:
                if param:
                    return f"{said} {msg(suffix_key, **{param: tail.group(1)}).render(lang)}"
                return f"{said} {msg(suffix_key).render(lang)}{tail.group(1)}"
        if not rest:
            return said
    return text


def click_usage(usage: str, lang: str) -> str:
    """Click's usage line ("Usage: lifeport-map near [OPTIONS] ORIGIN") in ``lang``."""
    usage = usage.replace("Usage:", msg("cli.usage").render(lang), 1)
    usage = usage.replace("COMMAND [ARGS]...", msg("cli.command-args").render(lang))
    return usage.replace("[OPTIONS]", msg("cli.options").render(lang))


# The command line as the app received it, for ``_lang_of``.
_arguments: list[str] = []


def _lang_of(args: list[str]) -> str:
    """The --lang among ``args`` (the last, as the command's own --lang wins over the program's):
    click reports an unknown option, or shows the help, before any option is read."""
    found = ""
    for i, arg in enumerate(args):
        value = (
            arg.partition("=")[2]
            if arg.startswith("--lang=")
            else args[i + 1]
            if arg == "--lang" and i + 1 < len(args)
            else ""
        )
        if value in ("nl", "en"):
            found = value
    return found or current_lang()


# Click's UsageError (typer vendors click and exports only its BadParameter, a subclass).
_ClickUsageError: type[Exception] = typer.BadParameter.__mro__[1]


class _UsageError(typer.BadParameter):
    """A usage error of click, shown in the command's --lang and inert."""

    def __init__(self, error: Any) -> None:
        super().__init__(error.format_message(), ctx=error.ctx)
        self.exit_code = error.exit_code
        self.lang = _lang_of(_arguments)

    @classmethod
    def of(cls, error: Exception) -> Exception:
        """``error`` to be shown in the command's --lang (itself if it already is, or if it is
        click's way of showing the help of a command given without arguments)."""
        return error if isinstance(error, cls) or type(error).__name__ == "NoArgsIsHelpError" else cls(error)

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        from lifeport_map.render.safe import terminal

        lines = []
        if self.ctx is not None:
            lines.append(click_usage(self.ctx.get_usage(), self.lang))
            if self.ctx.command.get_help_option(self.ctx) is not None:
                command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
                lines.append(msg("cli.try-help", command=command).render(self.lang))
            lines.append("")
        said = click_message(self.message, self.lang)
        # Click lays out a list of choices on lines of their own, indented by a tab.
        said = "\n".join(terminal(line.replace("\t", "    ")) for line in said.split("\n"))
        lines.append(msg("cli.error", message=said).render(self.lang))
        (file or sys.stderr).write("\n".join(lines) + "\n")


# The exit code when the reader of standard output or standard error went away (``| head``):
# that of a Unix tool ended by SIGPIPE in the shell (128 + 13), so a pipeline reports it as it
# would for ``cat``, and no code of ours (1: invalid data) is taken for it. Nothing is said.
CLOSED_PIPE = 141


def closed_pipe(error: BaseException) -> bool:
    """Is ``error`` a write to a pipe whose reader has gone (EPIPE)?"""
    return isinstance(error, OSError) and error.errno == errno.EPIPE


class _Group(typer.core.TyperGroup):
    """The app's group: click's usage errors, wherever they arise, in the command's --lang; a
    closed pipe on standard output, wherever it arises (also --help), ends quietly with
    CLOSED_PIPE (click would exit 1)."""

    def main(self, args: Any = None, *rest: Any, **extra: Any) -> Any:
        _arguments[:] = list(args) if args is not None else sys.argv[1:]
        _language[0] = Lang.nl.value
        if _lang_of(_arguments) == Lang.nl.value:  # the help (and usage lines) in Dutch
            from lifeport_map.commands.help_nl import in_dutch

            in_dutch(self)
        return super().main(args, *rest, **extra)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _ClickUsageError as error:
            raise _UsageError.of(error) from None
        except OSError as error:
            if closed_pipe(error):
                raise typer.Exit(CLOSED_PIPE) from None
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _ClickUsageError as error:
            raise _UsageError.of(error) from None
        except OSError as error:
            if closed_pipe(error):
                raise typer.Exit(CLOSED_PIPE) from None
            raise


app = typer.Typer(
    cls=_Group,
    name="lifeport-map",
    help="Map and analyse the semiconductor value chain around Nijmegen (Lifeport) and the "
    "regions it is compared with.\n\nExample: lifeport-map coverage --region nijmegen",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# The program's own options that take a value: what follows one of them is its value, never
# the command's name (a test compares this with the group's options).
_PROGRAM_VALUE_OPTIONS = frozenset({"--registry", "--regions", "--lang"})
# What makes the program itself answer (its help, its version) before any command is chosen.
_PROGRAM_ANSWERS = frozenset({"-h", "--help", "--version"})


def command_of(args: list[str]) -> str | None:
    """The name of the command that ``args`` run, read as click reads the program's options
    before it; None where the program itself answers (``--help``, ``--version``) or no name is
    given."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _PROGRAM_ANSWERS or arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
        i += 2 if arg in _PROGRAM_VALUE_OPTIONS else 1
    return None


def build_only(name: str | None) -> None:
    """Let ``app`` build the click command of ``name`` alone, not of every command.

    typer builds every command's options (reading each function's signature and type hints)
    before it runs one, about 30 ms of a 0.25 s ``coverage``. A process runs one command, so
    the console entry point keeps the one it runs; a name that is no command keeps them all, so
    that click reports it (with its "did you mean") as before. Help and usage lines of the
    command are the same either way (a test compares them)."""
    if name is None:
        return
    from typer.main import get_command_name

    commands = [
        info
        for info in app.registered_commands
        if (info.name or (get_command_name(info.callback.__name__) if info.callback else "")) == name
    ]
    groups = [info for info in app.registered_groups if info.name == name]
    if len(commands) + len(groups) == 1:
        app.registered_commands[:] = commands
        app.registered_groups[:] = groups


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
        if shown and all(i.code.startswith("io.") for i in shown):  # not found, a folder, no permission
            key = key.replace("-invalid", "-unreadable")
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


def format_of_output(output: Path, given: str | None, suffixes: dict[str, str]) -> str:
    """The format to write ``output`` in: ``given`` (an explicit --format) if there is one,
    else the one its extension names in ``suffixes`` (case-insensitive); an extension no format
    handles, or none, is a usage error listing those that work."""
    if given is not None:
        return given
    named = suffixes.get(output.suffix.lower())
    if named is None:
        from lifeport_map.errors import UsageError
        from lifeport_map.text import excerpt

        raise UsageError(
            msg("usage.output-suffix", name=excerpt(output.name)),
            hint=msg("usage.output-suffix/hint", suffixes=", ".join(suffixes)),
        )
    return named


def refuse_input_as_output(ctx: typer.Context, output: Path) -> None:
    """Refuse (a usage error) an --output that would write over what the commands read: the
    registry, the claims file beside it, or anything in the regions folder (a region file, a
    boundary file, or a new file there that the next run would read as a region)."""
    from lifeport_map.claims import default_claims_path
    from lifeport_map.errors import UsageError
    from lifeport_map.paths import default_regions_dir, default_registry_path

    paths = _paths(ctx)
    registry = paths.registry or default_registry_path()
    regions = (paths.regions or default_regions_dir()).resolve()
    target = output.resolve()
    said: Any = None
    for path, key in ((registry, "registry"), (default_claims_path(registry), "claims")):
        if target == path.resolve() or (output.exists() and path.exists() and os.path.samefile(output, path)):
            said = msg("output.is-input", path=str(output), what=msg(f"output.is-input/{key}"))
    if said is None and (target == regions or regions in target.parents):
        said = msg("output.in-regions", path=str(output), folder=str(regions))
    if said is not None:
        _language[0] = _lang_of(_arguments)
        fail(UsageError(said, hint=msg("output.is-input/hint")))


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
            readable=False,
            help="Registry file (default: the shipped data/companies.yaml).",
            envvar="LIFEPORT_REGISTRY",
        ),
    ] = None,
    regions: Annotated[
        Path | None,
        typer.Option(
            "--regions",
            readable=False,
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
    lang: Annotated[
        Lang | None,
        typer.Option(help="Language of the help and of the command run (its own --lang wins): nl or en."),
    ] = None,
) -> None:
    """Map and analyse the semiconductor value chain around Nijmegen (Lifeport).

    Example: lifeport-map --registry my.yaml validate
    """
    ctx.obj = Paths(registry=registry, regions=regions, cache=not no_cache)
    _language[0] = (lang or Lang.nl).value
    if lang is not None:  # the default of every command's --lang
        ctx.default_map = _lang_defaults(ctx.command, lang.value)
    _check_environment()


def _lang_defaults(command: Any, lang: str) -> dict[str, Any]:
    """A click ``default_map`` giving every command under ``command`` the --lang ``lang``."""
    found: dict[str, Any] = {}
    for name, sub in getattr(command, "commands", {}).items():
        found[name] = {**_lang_defaults(sub, lang), "lang": lang}
    return found


def _check_environment() -> None:
    """Refuse, before any command runs, an environment variable's value the commands cannot use
    (in the --lang of the command line); not while --help is asked for."""
    if "--help" in _arguments or "-h" in _arguments:
        return
    from lifeport_map.registry import max_bytes

    try:
        max_bytes()
        if os.environ.get("SOURCE_DATE_EPOCH", "").strip():  # the maps' and the brief's date
            from lifeport_map.provenance import map_date

            map_date()
    except LifeportError as error:
        _language[0] = _lang_of(_arguments)
        fail(error)


def usage_first(check: Callable[[], object]) -> None:
    """Run ``check`` of option values (one that needs no file) before any file is looked for,
    so that a wrong value is a usage error (exit 2) even when a file is missing too (exit 3);
    its error is shown in the command line's --lang, which may follow the option."""
    try:
        check()
    except LifeportError as error:
        _language[0] = _lang_of(_arguments)
        fail(error)


def _check_year(value: int | None) -> int | None:
    if value is not None:
        from lifeport_map.analysis.coverage import check_year

        usage_first(lambda: check_year(value))
    return value


YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        callback=_check_year,
        help="Look at the chain in this year: as it was (sites by their since/until and events) "
        "before this year, as planned from it on (planned and under-construction sites count from "
        "their expected year). Sites without a start year count as the registry has them. "
        "From 1900 to 2100.",
    ),
]


def origin_finder(registry: Any) -> Callable[[str], object]:
    """What finds a claim's ``origin`` as ``near`` would (``claims.check_claims``' ``place``):
    coordinates and gazetteer places without the registry's graph, which is built (once) only
    for an origin that is neither: a site or region id, or a mistake to report."""
    from lifeport_map.analysis.near import found_without_registry, resolve_origin
    from lifeport_map.graph import as_graph

    graphs: list[Any] = []

    def place(query: str) -> object:
        if found_without_registry(query):
            return query
        if not graphs:
            graphs.append(as_graph(registry))
        return resolve_origin(graphs[0], query)

    return place
