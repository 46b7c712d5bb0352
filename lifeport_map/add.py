"""Adding one site to the registry file, with the same guarantees as ``fmt``.

The new entry is built from what the contributor gives, with coordinates looked up offline at
place level (and a note saying so). It is refused when its id is taken or when the same
organisation (or name) already has a site in the same municipality, and otherwise inserted in
canonical position, checked by the full validator and written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lifeport_map.errors import ChangedOnDiskError, Issue, LifeportError, RegistryError
from lifeport_map.fmt import (
    FormatError,
    checked_for_edit,
    format_text,
    read_bytes,
    verify_output,
)
from lifeport_map.gazetteer import Gazetteer, Place
from lifeport_map.messages import Text, msg
from lifeport_map.model import Registry, Site
from lifeport_map.text import fold, fold_organisation, slugify
from lifeport_map.yamlio import decode, parse


class DuplicateEntryError(LifeportError):
    """The new entry's id is taken, or the site is probably in the registry already."""


@dataclass(frozen=True)
class NewSite:
    """What a contributor tells about a site; everything else is looked up or derived."""

    name: str
    organisation: str
    kind: str
    activities: tuple[str, ...]
    place: str
    country: str
    source_year: int
    municipality: str | None = None
    id: str | None = None
    phases: tuple[str, ...] = ()
    status: str = "active"
    since: int | None = None
    aliases: tuple[str, ...] = ()
    address: str | None = None
    website: str | None = None
    source_url: str | None = None
    source_seed: str | None = None
    source_title: str | None = None
    source_publisher: str | None = None
    description: str | None = None
    notes: str | None = None

    @property
    def site_id(self) -> str:
        return self.id or slugify(f"{self.organisation} {self.place}")


@dataclass(frozen=True)
class AddOutcome:
    path: Path
    entry: dict[str, Any]
    line: int  # where the entry starts in the written file
    place: Place | None  # the gazetteer place the coordinates come from
    regions: list[str]
    warnings: list[Any] = field(default_factory=list)
    written: bool = True
    notes: list[Text] = field(default_factory=list)  # an earlier, interrupted run cleaned up


def coordinates_note(place: Place) -> str:
    return (
        f"Approximate: coordinates of the place {place.name} (GeoNames {place.geonameid}), "
        "not of the site itself."
    )


def build_entry(new: NewSite, gazetteer: Gazetteer) -> tuple[dict[str, Any], Place | None]:
    """The registry entry for ``new``, in schema order, and the place its coordinates are of."""
    municipality = new.municipality or new.place
    location: dict[str, Any] = {}
    if new.address:
        location["address"] = new.address
    location.update(place=new.place, municipality=municipality, country=new.country)
    place = None
    if gazetteer.covers(new.country):
        place = gazetteer.best(new.place, new.country) or gazetteer.best(municipality, new.country)
    if place is not None:
        location.update(lat=place.lat, lon=place.lon, precision="place", note=coordinates_note(place))
    source: dict[str, Any] = {}
    if new.source_url:
        source["url"] = new.source_url
    if new.source_seed:
        source["seed"] = new.source_seed
    source["year"] = new.source_year
    if new.source_title:
        source["title"] = new.source_title
    if new.source_publisher:
        source["publisher"] = new.source_publisher
    entry: dict[str, Any] = {"id": new.site_id, "name": new.name}
    if new.aliases:
        entry["aliases"] = list(new.aliases)
    entry.update(organisation=new.organisation, kind=new.kind, activities=list(new.activities))
    if new.phases:
        entry["phases"] = list(new.phases)
    entry["status"] = new.status
    if new.since is not None:
        entry["since"] = new.since
    entry["location"] = location
    if new.website:
        entry["website"] = new.website
    entry["sources"] = [source]
    if new.description:
        entry["description"] = new.description
    if new.notes:
        entry["notes"] = new.notes
    return entry, place


def _where(site: Site) -> str:
    return f"{site.file}:{site.line}" if site.line else site.file


def find_duplicates(
    registry: Registry, entry: dict[str, Any], *, allow_same_organisation: bool = False
) -> None:
    """Raise :class:`DuplicateEntryError` pointing at the entry ``entry`` would duplicate."""
    wanted = str(entry["id"]).casefold()
    for site in registry.sites:
        if site.id.casefold() == wanted:
            raise DuplicateEntryError(
                msg("add.id-taken", id=str(entry["id"]), where=_where(site)), hint=msg("add.id-taken/hint")
            )
    if allow_same_organisation:
        return
    location = entry["location"]
    here = (location["country"], fold(location["municipality"]))
    organisation = fold_organisation(entry["organisation"])
    name = fold_organisation(entry["name"])
    for site in registry.sites:
        if (site.location.country, fold(site.location.municipality)) != here:
            continue
        same = {fold_organisation(site.organisation), fold_organisation(site.name)}
        if organisation in same or name in same:
            raise DuplicateEntryError(
                msg(
                    "add.same-organisation",
                    organisation=site.organisation,
                    municipality=site.location.municipality,
                    id=site.id,
                    where=_where(site),
                ),
                hint=msg("add.same-organisation/hint"),
            )


def _unwritten(issue: Issue, path: Path, lang: str) -> Issue:
    """An issue of the new entry, which is in no file yet: named by entry and field, with no
    line of a file that was never written (the file named with a note in ``lang``)."""
    if issue.file != str(path):
        return issue
    return replace(issue, file=msg("add.unwritten", path=str(path)).render(lang), line=0, col=0)


def add_site(
    path: Path,
    new: NewSite,
    *,
    regions_dir: Path | None = None,
    gazetteer: Gazetteer | None = None,
    allow_same_organisation: bool = False,
    dry_run: bool = False,
    lang: str = "en",
) -> AddOutcome:
    """Insert ``new`` into the registry file at ``path`` in canonical position.

    When another writer changes the file between reading and writing (two ``add`` at once),
    the whole edit is done once more on the new content: read, checked (duplicates too) and
    written only if the file is still as read. A second change in between is an error. An
    issue of the new entry names the file with a note in ``lang`` that the entry is not in it."""
    try:
        return _add_site_once(path, new, regions_dir, gazetteer, allow_same_organisation, dry_run, lang)
    except ChangedOnDiskError:
        pass
    try:
        return _add_site_once(path, new, regions_dir, gazetteer, allow_same_organisation, dry_run, lang)
    except ChangedOnDiskError as error:
        raise ChangedOnDiskError(
            msg("add.changed-twice", path=str(path)), hint=msg("add.changed-twice/hint")
        ) from error


def _add_site_once(
    path: Path,
    new: NewSite,
    regions_dir: Path | None,
    gazetteer: Gazetteer | None,
    allow_same_organisation: bool,
    dry_run: bool,
    lang: str,
) -> AddOutcome:
    from lifeport_map.fileio import clean_up, write_bytes_atomic
    from lifeport_map.gazetteer import load_gazetteer
    from lifeport_map.geo import regions_of
    from lifeport_map.registry import build_site

    # what a killed run left is dealt with first: a write in place it began is completed
    cleaned = [] if dry_run else clean_up(path)
    original = read_bytes(path)
    text = decode(original, path)
    registry, errors = checked_for_edit(path, regions_dir, regions=True)
    if errors:
        raise RegistryError(errors)
    if format_text(text, path=path) != text:
        raise FormatError(msg("add.not-canonical", path=str(path)), hint=msg("add.not-canonical/hint"))
    assert registry is not None  # it has no blocking errors
    entry, place = build_entry(new, gazetteer or load_gazetteer())
    find_duplicates(registry, entry, allow_same_organisation=allow_same_organisation)
    output = format_text(text, path=path, extra_sites=[entry]).encode("utf-8")
    data = parse(text.replace("\r\n", "\n"), path)
    try:
        checked = verify_output(path, output, regions_dir, {**data, "sites": [*data["sites"], entry]})
    except RegistryError as error:
        raise RegistryError([_unwritten(i, path, lang) for i in error.issues]) from None
    warnings = [_unwritten(i, path, lang) if dry_run else i for i in checked if i.entry == entry["id"]]
    site = build_site(entry, registry.taxonomy, str(path))
    assert site is not None
    regions = regions_of(registry, site)
    lines = output.decode("utf-8").replace("\r\n", "\n").split("\n")
    line = next(
        (i + 1 for i, text_line in enumerate(lines) if text_line.strip() == f"- id: {entry['id']}"), 0
    )
    notes = cleaned if dry_run else cleaned + write_bytes_atomic(path, output, expected=original)
    return AddOutcome(
        path=path,
        entry=entry,
        line=line,
        place=place,
        regions=regions,
        warnings=warnings,
        written=not dry_run,
        notes=notes,
    )


# --- answers: each checked as it is given -------------------------------------------------------


class AnswerError(ValueError):
    """An answer (to a question of ``add``, or an option) that cannot be used, and why: a
    message of the catalogue (``text``), shown in the command's language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.render("en"))
        self.text = text


# Keys of an ``add --from`` snippet: the long option names, and the field each answer is.
SNIPPET_KEYS = {
    "name": "name",
    "organisation": "organisation",
    "kind": "kind",
    "activity": "activities",
    "activities": "activities",
    "place": "place",
    "municipality": "municipality",
    "country": "country",
    "source-url": "url",
    "source-year": "year",
    "source-seed": "text",
    "source-title": "text",
    "source-publisher": "text",
    "id": "text",
    "address": "text",
    "website": "url",
    "description": "text",
    "notes": "text",
    "since": "year",
    "alias": "list",
    "phase": "list",
}


def read_snippet(path: Path, taxonomy: Any) -> dict[str, Any]:
    """The answers of an ``add --from`` YAML snippet (``name: ...``, ``source-year: 2025``),
    read with the strict loader and each checked like a typed answer."""
    from lifeport_map.text import excerpt
    from lifeport_map.yamlio import load_yaml, position_of

    data = load_yaml(path, given_by="--from").data
    if not isinstance(data, dict):
        raise LifeportError(
            msg("add.snippet-not-mapping", path=str(path)), hint=msg("add.snippet-not-mapping/hint")
        )
    answers: dict[str, Any] = {}
    for key, value in data.items():
        line, _ = position_of(data, key) or (0, 0)
        where = f"{path}:{line}"
        field = SNIPPET_KEYS.get(key)
        if field is None:
            raise LifeportError(
                msg("add.snippet-unknown", where=where, key=excerpt(key)),
                hint=msg("add.snippet-unknown/hint", keys=", ".join(SNIPPET_KEYS)),
            )
        try:
            if field == "list" or (field == "activities" and isinstance(value, list)):
                items = value if isinstance(value, list) else [value]
                answers[key] = [
                    parse_answer("activities" if field == "activities" else "text", str(v), taxonomy)
                    for v in items
                ]
                if field == "activities":
                    answers[key] = [a for group in answers[key] for a in group]
            else:
                answers[key] = parse_answer(field, str(value), taxonomy)
        except AnswerError as error:  # a value that cannot be used is invalid data (exit 1)
            raise LifeportError(
                msg("add.snippet-bad", where=where, key=key, problem=error.text),
                hint=msg("add.snippet-bad/hint"),
            ) from None
    return answers


def parse_answer(field: str, text: str, taxonomy: Any) -> Any:
    """The value of one answer for ``field``, or :class:`AnswerError` saying what is wrong, so
    a prompt can ask again at once ("last year" is not a year; "robot" is not a kind)."""
    import difflib

    from lifeport_map.schema import ISO_COUNTRIES, MAX_TEXT, MAX_YEAR, MIN_YEAR
    from lifeport_map.text import excerpt, invisible_characters, mixed_script
    from lifeport_map.validate import url_problem

    answer = text.strip()
    if not answer:
        raise AnswerError(msg("answer.needed"))
    hidden = invisible_characters(answer)
    if hidden:
        raise AnswerError(msg("answer.invisible", characters=", ".join(hidden)))
    if field == "year":
        if not answer.isdigit() or len(answer) != 4 or not MIN_YEAR <= int(answer) <= MAX_YEAR:
            raise AnswerError(msg("answer.not-a-year", given=excerpt(answer)))
        return int(answer)
    if field == "country":
        if answer.upper() not in ISO_COUNTRIES:
            raise AnswerError(msg("answer.not-a-country", given=excerpt(answer)))
        return answer.upper()
    if field in ("kind", "activities"):
        vocabulary = taxonomy.vocabulary("kinds" if field == "kind" else "activities")
        values = [v.strip() for v in answer.split(",") if v.strip()] if field == "activities" else [answer]
        for value in values:
            if value not in vocabulary:
                close = difflib.get_close_matches(value, list(vocabulary), n=1, cutoff=0.6)
                hint = (
                    msg("did-you-mean", name=close[0])
                    if close
                    else msg("answer.one-of", values=", ".join(vocabulary))
                )
                key = "answer.not-a-kind" if field == "kind" else "answer.not-an-activity"
                raise AnswerError(msg(key, value=excerpt(value), hint=hint))
        return values if field == "activities" else answer
    if field == "url":
        problem = url_problem(answer)
        if problem:
            raise AnswerError(msg("answer.url", problem=problem))
        return answer
    if len(answer) > MAX_TEXT:
        raise AnswerError(msg("answer.too-long", length=len(answer), limit=MAX_TEXT))
    lookalikes = mixed_script(answer)
    if lookalikes:
        raise AnswerError(msg("answer.mixed-script", characters=", ".join(lookalikes)))
    return answer


def place_suggestion(place: str, country: str, gazetteer: Gazetteer | None = None) -> str | None:
    """A gazetteer place close to ``place`` when ``place`` itself is not one ("Nimegen" ->
    "Nijmegen"); None when it is, or when nothing is close."""
    import difflib

    from lifeport_map.gazetteer import load_gazetteer

    gazetteer = gazetteer or load_gazetteer()
    if not gazetteer.covers(country):
        return None
    found = gazetteer.best(place, country)
    if found is not None:
        return found.name if fold(found.name) != fold(place) else None
    names = {fold(n): n for n in gazetteer.names(country)}
    close = difflib.get_close_matches(fold(place), list(names), n=1, cutoff=0.8)
    return names[close[0]] if close else None
