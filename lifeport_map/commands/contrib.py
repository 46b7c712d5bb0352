"""CLI commands for contributors: ``fmt``, ``add`` and ``diff``.

Each command calls one library function (``fmt.format_file``, ``add.add_site``,
``analysis.changes.registry_changes``) and renders its result; nothing here touches files.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lifeport_map.commands.common import Lang, LangOption, _out, _paths, app, fail, lang_option, origin_finder
from lifeport_map.errors import LifeportError, UsageError


class CheckFormat(StrEnum):
    text = "text"
    github = "github"


class ChangesFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def _registry_path(ctx: typer.Context) -> Path:
    from lifeport_map.registry import default_registry_path

    return _paths(ctx).registry or default_registry_path()


@app.command("fmt")
def fmt_command(
    ctx: typer.Context,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Change nothing; exit 1 and show what differs when the file is not in canonical form.",
        ),
    ] = False,
    report: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="How --check reports: text, or github (annotations)."),
    ] = CheckFormat.text,
    lang: LangOption = Lang.nl,
) -> None:
    """Rewrite the registry in canonical form: entries sorted by id, keys in schema order,
    consistent quoting; comments, blank lines and line endings are kept.

    The file is only replaced when the result reads back to the same data and passes every
    check; the write is atomic and keeps permissions, and is refused when the file changed on
    disk meanwhile or is a symbolic link.

    Example: lifeport-map fmt --check
    """
    from lifeport_map.fmt import format_file
    from lifeport_map.messages import msg
    from lifeport_map.render.contrib import format_annotations, format_report
    from lifeport_map.render.safe import terminal

    path = _registry_path(ctx)
    try:
        outcome = format_file(path, _paths(ctx).regions, check=check)
    except LifeportError as error:
        fail(error)
    for note in outcome.notes:
        sys.stderr.write(f"lifeport-map: {terminal(note.render(lang.value))}\n")
    shown = terminal(str(path))
    if not outcome.changed:
        sys.stderr.write(msg("fmt.canonical-already", path=shown).render(lang.value) + "\n")
        return
    if check:
        if report is CheckFormat.github:
            _out(format_annotations(str(path), outcome.differing_entries, lang.value))
        _out(
            format_report(
                str(path), outcome.out_of_order, outcome.differing_entries, outcome.diff, lang.value
            )
        )
        raise typer.Exit(1)
    parts = len(outcome.differing_entries)
    formatted = (
        msg("fmt.formatted.one", path=shown) if parts == 1 else msg("fmt.formatted", path=shown, parts=parts)
    )
    sys.stderr.write(formatted.render(lang.value) + "\n")


def _taxonomy(ctx: typer.Context) -> Any:
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.taxonomy import load_taxonomy

    try:
        return load_taxonomy(default_taxonomy_path())
    except LifeportError as error:
        fail(error)


def _given(field: str, option: Any, snippet: Any, taxonomy: Any) -> Any:
    """An option's value (else the snippet's), checked like an answer; None when neither."""
    from lifeport_map.add import AnswerError, parse_answer
    from lifeport_map.messages import msg

    if option is None or option == "":
        return snippet
    try:
        return parse_answer(field, str(option), taxonomy)
    except AnswerError as error:
        # a value that cannot be used is invalid data (exit 1), named by option and field
        flag, name = _OPTION_FIELDS.get(field, (field, field))
        raise LifeportError(
            msg("add.bad-option", option=flag, field=name, problem=error.text),
            hint=msg("add.bad-option/hint"),
        ) from None


# The option and the entry's field of each kind of answer, for error messages.
_OPTION_FIELDS = {
    "url": ("source-url", "sources[0].url"),
    "year": ("source-year", "sources[0].year"),
    "activities": ("activity", "activities"),
    "place": ("place", "location.place"),
    "municipality": ("municipality", "location.municipality"),
    "country": ("country", "location.country"),
}


def _prompt(label: str, default: str | None) -> str:
    """typer.prompt's question and answer ("Label [default]: ", asked again while empty); on a
    terminal the answer is read by ``_read_line``, so that a Ctrl-C acts wherever it lands."""
    if not sys.stdin.isatty():
        return str(typer.prompt(label, default=default) if default is not None else typer.prompt(label))
    question = f"{label} [{default}]: " if default is not None else f"{label}: "
    while True:
        answer = _read_line(question)
        if answer:
            return answer
        if default is not None:
            return default


def _read_line(question: str) -> str:
    """The line typed on the terminal after ``question``, without its line end.

    input() writes the question and then blocks in read(): a Ctrl-C arriving between the two
    set Python's flag but interrupted no system call, so it acted only after Enter. Here the
    signal's handler also writes to a pipe (signal.set_wakeup_fd) that select() waits on beside
    the terminal, so it raises KeyboardInterrupt wherever it lands. End of input: typer.Abort.
    """
    import select
    import signal

    read_end, write_end = os.pipe()
    try:
        os.set_blocking(write_end, False)
        previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
        try:
            sys.stdout.write(question)
            sys.stdout.flush()
            while True:  # a SIGINT during select() raises there (the handler runs at once)
                ready, _, _ = select.select([sys.stdin.fileno(), read_end], [], [])
                if read_end not in ready:
                    break
                if int(signal.SIGINT) in os.read(read_end, 64):  # it came before select() began
                    raise KeyboardInterrupt
            line = sys.stdin.readline()
        finally:
            signal.set_wakeup_fd(previous)
    finally:
        os.close(read_end)
        os.close(write_end)
    if not line:
        raise typer.Abort
    return line.rstrip("\r\n")


def _ask_until_valid(
    question: str,
    field: str,
    taxonomy: Any,
    lang: str,
    *,
    default: str | None = None,
    country: str | None = None,
) -> Any:
    """Ask ``question`` (a key of the catalogue: "add.ask.NAME") in ``lang`` until the answer
    can be used; each refusal says why, at once, in ``lang``."""
    from lifeport_map.add import AnswerError, parse_answer, place_suggestion
    from lifeport_map.messages import msg
    from lifeport_map.render.safe import terminal

    label = msg(f"add.ask.{question}").render(lang)
    refused: set[str] = set()
    while True:
        answer = _prompt(label, default)
        try:
            value = parse_answer(field, answer, taxonomy)
            if field in ("place", "municipality") and country and answer.strip() not in refused:
                close = place_suggestion(answer.strip(), country)
                if close is not None:
                    refused.add(answer.strip())
                    raise AnswerError(msg("answer.not-in-gazetteer", given=answer.strip(), close=close))
            return value
        except AnswerError as error:
            sys.stderr.write(f"  {terminal(error.text.render(lang))}\n")


def _ask_optional(question: str, lang: str) -> str | None:
    """Ask ``question`` (a key of the catalogue: "add.ask.NAME") in ``lang``; an empty answer
    is no answer (None)."""
    from lifeport_map.messages import msg

    label = msg(f"add.ask.{question}").render(lang)
    if sys.stdin.isatty():
        answer = _read_line(f"{label}: ")
    else:
        answer = str(typer.prompt(label, default="", show_default=False))
    return answer.strip() or None


@app.command("add")
def add_command(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Name of the site as people know it.")] = None,
    organisation: Annotated[str | None, typer.Option(help="Organisation the site belongs to.")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind of actor (taxonomy 'kinds').")] = None,
    activity: Annotated[
        list[str] | None,
        typer.Option("--activity", help="Activity at this site (repeatable; taxonomy 'activities')."),
    ] = None,
    place: Annotated[str | None, typer.Option(help="Town or city of the site.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code.")] = None,
    source_year_given: Annotated[
        str | None,
        typer.Option("--source-year", metavar="YEAR", help="Year the source's facts refer to."),
    ] = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", help="Public http(s) URL of the source.")
    ] = None,
    source_seed: Annotated[
        str | None, typer.Option("--source-seed", help="Seed document file name instead of a URL.")
    ] = None,
    source_title: Annotated[str | None, typer.Option("--source-title", help="Title of the source.")] = None,
    source_publisher: Annotated[
        str | None,
        typer.Option("--source-publisher", help="Who published the source (organisation, newspaper, ...)."),
    ] = None,
    site_id: Annotated[
        str | None, typer.Option("--id", help="Id of the new entry (default: organisation and place).")
    ] = None,
    municipality: Annotated[
        str | None, typer.Option(help="Municipality the place lies in (default: the place).")
    ] = None,
    address: Annotated[str | None, typer.Option(help="Street address, from a source.")] = None,
    phase: Annotated[
        list[str] | None,
        typer.Option("--phase", help="Phase served by a cross-cutting activity (repeatable)."),
    ] = None,
    status: Annotated[str, typer.Option(help="active, planned, under-construction or closed.")] = "active",
    since: Annotated[int | None, typer.Option(help="Year the site opened.")] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name of the site (repeatable).")
    ] = None,
    website: Annotated[str | None, typer.Option(help="Official website.")] = None,
    description: Annotated[str | None, typer.Option(help="What happens at the site.")] = None,
    notes: Annotated[str | None, typer.Option(help="Caveats for maintainers.")] = None,
    another_site: Annotated[
        bool,
        typer.Option(
            "--another-site",
            help="The organisation already has a site in this municipality and this is a different one.",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the entry and its checks; write nothing.")
    ] = False,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            readable=False,
            help="YAML snippet with the answers (name: ..., kind: ..., activity: [...], "
            "source-year: 2025); options given as well take precedence.",
        ),
    ] = None,
    interactive: Annotated[
        bool | None,
        typer.Option(
            "--interactive/--no-interactive",
            help="Ask for missing values (default: when a terminal is attached).",
        ),
    ] = None,
    lang: LangOption = Lang.nl,
) -> None:
    """Add a site to the registry: coordinates are looked up offline, the region is proposed,
    the entry is validated and inserted in canonical position.

    A taken id, or an organisation that already has a site in the same municipality, is
    refused with a pointer to the existing entry. Ctrl-C or end of input during the questions
    stops with nothing written (exit 1). When another program changes the file while the entry
    is added, the entry is checked and added again on the new content.

    Example: lifeport-map add --organisation Acme --place Nijmegen --source-year 2026
    """
    from lifeport_map.add import NewSite, add_site, read_snippet
    from lifeport_map.messages import msg
    from lifeport_map.render.contrib import added_report, entry_lines
    from lifeport_map.render.issues import as_text
    from lifeport_map.render.safe import terminal

    if interactive is None:
        interactive = sys.stdin.isatty()
    taxonomy = _taxonomy(ctx)
    try:
        snippet = read_snippet(from_file, taxonomy) if from_file is not None else {}
        # options (and snippet answers) are checked before any question is asked
        name = _given("name", name, snippet.get("name"), taxonomy)
        organisation = _given("organisation", organisation, snippet.get("organisation"), taxonomy)
        kind = _given("kind", kind, snippet.get("kind"), taxonomy)
        listed = activity or snippet.get("activity") or snippet.get("activities")
        activities = _given("activities", ",".join(listed) if listed else None, None, taxonomy) or []
        place = _given("place", place, snippet.get("place"), taxonomy)
        municipality = _given("municipality", municipality, snippet.get("municipality"), taxonomy)
        country = _given("country", country, snippet.get("country"), taxonomy)
        source_url = _given("url", source_url, snippet.get("source-url"), taxonomy)
        source_year = _given("year", source_year_given, snippet.get("source-year"), taxonomy)
        source_seed = source_seed or snippet.get("source-seed")
        source_title = source_title or snippet.get("source-title")
        source_publisher = source_publisher or snippet.get("source-publisher")
        site_id = site_id or snippet.get("id")
        address = address or snippet.get("address")
        website = website or snippet.get("website")
        description = description or snippet.get("description")
        notes = notes or snippet.get("notes")
        since = since or snippet.get("since")
        alias = alias or snippet.get("alias")
        phase = phase or snippet.get("phase")
    except LifeportError as error:
        fail(error)
    if interactive:
        try:
            said = lang.value
            name = name or _ask_until_valid("name", "name", taxonomy, said)
            organisation = organisation or _ask_until_valid("organisation", "organisation", taxonomy, said)
            kind = kind or _ask_until_valid("kind", "kind", taxonomy, said)
            activities = activities or _ask_until_valid("activities", "activities", taxonomy, said)
            country = country or _ask_until_valid("country", "country", taxonomy, said, default="NL")
            place = place or _ask_until_valid("place", "place", taxonomy, said, country=country)
            municipality = municipality or _ask_until_valid(
                "municipality", "municipality", taxonomy, said, default=place, country=country
            )
            if not source_url and not source_seed:
                source_url = _ask_until_valid("source-url", "url", taxonomy, said)
            if source_year is None:
                source_year = _ask_until_valid("source-year", "year", taxonomy, said)
            # CONTRIBUTING: every source has a title and a publisher (an empty answer skips)
            source_title = source_title or _ask_optional("source-title", said)
            source_publisher = source_publisher or _ask_optional("source-publisher", said)
        except (typer.Abort, KeyboardInterrupt):  # Ctrl-C in a prompt, or between two of them
            sys.stderr.write(f"\nlifeport-map: {msg('add.stopped').render(lang.value)}\n")
            raise typer.Exit(1) from None
    missing = [
        option
        for option, value in (
            ("--name", name),
            ("--organisation", organisation),
            ("--kind", kind),
            ("--activity", activities),
            ("--place", place),
            ("--country", country),
            ("--source-year", source_year),
        )
        if not value
    ]
    no_source = not (source_url or source_seed)
    try:
        if missing or no_source:
            options = ", ".join(missing)
            key = "add.missing/source" if no_source else "add.missing"
            raise UsageError(
                msg(key, options=options) if missing else msg("add.missing/source-only"),
                hint=msg("add.missing/hint"),
            )
        assert name and organisation and kind and place and country and source_year
        new = NewSite(
            name=name,
            organisation=organisation,
            kind=kind,
            activities=tuple(activities),
            place=place,
            country=country,
            source_year=source_year,
            municipality=municipality,
            id=site_id,
            phases=tuple(phase or ()),
            status=status,
            since=since,
            aliases=tuple(alias or ()),
            address=address,
            website=website,
            source_url=source_url,
            source_seed=source_seed,
            source_title=source_title,
            source_publisher=source_publisher,
            description=description,
            notes=notes,
        )
        outcome = add_site(
            _registry_path(ctx),
            new,
            regions_dir=_paths(ctx).regions,
            allow_same_organisation=another_site,
            dry_run=dry_run,
            lang=lang.value,
        )
    except LifeportError as error:
        fail(error)
    for note in outcome.notes:
        sys.stderr.write(f"lifeport-map: {terminal(note.render(lang.value))}\n")
    from lifeport_map.fmt import format_text

    entry_text = format_text("sites: []\n", extra_sites=[outcome.entry]).splitlines()[1:]
    _out(entry_lines(entry_text))
    place_found = outcome.place
    report = added_report(
        str(outcome.entry["id"]),
        str(outcome.path),
        outcome.line,
        written=not dry_run,
        place=(place_found.name, place_found.lat, place_found.lon) if place_found is not None else None,
        regions=outcome.regions,
        lang=lang.value,
    )
    sys.stderr.write(report + "\n")
    if outcome.warnings:
        sys.stderr.write(as_text(outcome.warnings, lang.value) + "\n")


def _claims_for(path: Path, registry: Any) -> Any:
    """The claims of ``path`` when they fit ``registry`` (None when there is no such file, or it
    names regions or sites the registry does not have: ``validate`` reports that)."""
    from lifeport_map.claims import load_claims
    from lifeport_map.errors import RegistryError

    if not path.exists():
        return None
    try:
        return load_claims(path, registry, place=origin_finder(registry))
    except RegistryError:
        return None


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="Older registry: a file or a git revision.")],
    new: Annotated[str, typer.Argument(help="Newer registry: a file or a git revision.")],
    report: Annotated[
        ChangesFormat,
        typer.Option("--format", "-f", help="text, markdown (for a pull-request comment) or json."),
    ] = ChangesFormat.text,
    lang: Annotated[
        Lang,
        lang_option(
            "Language of the report (text and markdown): nl or en. JSON keeps its English keys "
            "and ids; its claim findings follow the language."
        ),
    ] = Lang.nl,
) -> None:
    """What changed between two versions of the registry: sites added, removed, moved or
    changed, and each region's coverage per phase (gained or lost).

    A revision (HEAD~1, main, a commit) is read with 'git show REV:<registry path>'.

    Example: lifeport-map diff main HEAD --format markdown
    """
    from lifeport_map.analysis.changes import registry_changes
    from lifeport_map.claims import default_claims_path
    from lifeport_map.render.contrib import changes_json, changes_markdown, changes_text
    from lifeport_map.revisions import load_version

    registry_path = _registry_path(ctx)
    regions = _paths(ctx).regions
    try:
        before = load_version(old, registry_path=registry_path, regions_dir=regions)
        after = load_version(new, registry_path=registry_path, regions_dir=regions)
        claims = _claims_for(default_claims_path(registry_path), after.registry)
        changes = registry_changes(
            before.registry,
            after.registry,
            old_label=before.label,
            new_label=after.label,
            claims=claims,
            lang=lang.value,
        )
    except LifeportError as error:
        fail(error)
    if report is ChangesFormat.json:
        _out(changes_json(changes))
    elif report is ChangesFormat.markdown:
        _out(changes_markdown(changes, lang=lang.value, taxonomy=after.registry.taxonomy))
    else:
        _out(changes_text(changes, lang=lang.value, taxonomy=after.registry.taxonomy))
