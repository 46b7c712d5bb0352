"""Loading the registry: the single way from YAML files to a :class:`Registry`.

``read_registry`` parses every file strictly, checks its structure against ``schema.py`` and
builds the records it can, returning them with every issue found; ``load_registry`` does the
same and also runs the semantic checks of ``validate.py``, raising :class:`RegistryError` when
any error remains. Nothing else in the package reads YAML.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifeport_map.errors import Issue, RegistryError, UsageError, YamlError
from lifeport_map.messages import msg
from lifeport_map.model import (
    Capacity,
    EmployeeFigure,
    Event,
    Facility,
    Location,
    Municipality,
    Region,
    RegionDefinition,
    RegionFigure,
    Registry,
    Relation,
    Site,
    SourceRef,
)
from lifeport_map.paths import data_dir as data_dir
from lifeport_map.paths import default_regions_dir as default_regions_dir
from lifeport_map.paths import default_registry_path as default_registry_path
from lifeport_map.paths import default_taxonomy_path as default_taxonomy_path
from lifeport_map.schema import DATE, REGION_FIELDS, REGISTRY_FIELDS, StructureChecker
from lifeport_map.taxonomy import Taxonomy, load_taxonomy
from lifeport_map.yamlio import MAX_BYTES, YMap, load_yaml, start_of, unpack

if TYPE_CHECKING:
    from lifeport_map.fileio import ReadOnce

# LIFEPORT_MAX_BYTES: a whole number of bytes, optionally followed by a unit (case-insensitive,
# a space allowed before it), from 1 byte to MAX_BYTES_LIMIT; empty or unset is the default.
SIZE_UNITS = {
    "": 1,
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "kib": 1 << 10,
    "mib": 1 << 20,
    "gib": 1 << 30,
}
MAX_BYTES_LIMIT = 16 << 30
_SIZE = re.compile(r"([0-9]+) ?([a-z]*)", re.IGNORECASE)


def parse_size(text: str) -> int | None:
    """The number of bytes ``text`` names ('67108864', '64MiB', '100 MB'), or None when it names
    none: another form, a unit not in SIZE_UNITS, zero, or more than MAX_BYTES_LIMIT."""
    found = _SIZE.fullmatch(text.strip())
    if found is None or found.group(2).lower() not in SIZE_UNITS:
        return None
    size = int(found.group(1)) * SIZE_UNITS[found.group(2).lower()]
    return size if 1 <= size <= MAX_BYTES_LIMIT else None


def max_bytes() -> int:
    """The most bytes a YAML file may have: LIFEPORT_MAX_BYTES (``parse_size``) or MAX_BYTES
    when it is unset or empty; a value it cannot use is a :class:`UsageError` naming it."""
    text = os.environ.get("LIFEPORT_MAX_BYTES", "")
    if not text:
        return MAX_BYTES
    size = parse_size(text)
    if size is None:
        from lifeport_map.text import excerpt

        raise UsageError(msg("env.max-bytes", value=excerpt(text)), hint=msg("env.max-bytes/hint"))
    return size


@dataclass(frozen=True, repr=False)
class ReadResult:
    """What ``read_registry`` found: the records it could build and every issue (its ``repr``
    counts them; ``issues`` and ``errors`` hold them)."""

    registry: Registry | None
    issues: list[Issue]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    def __repr__(self) -> str:
        errors = len(self.errors)
        return f"<ReadResult: {self.registry!r}, {errors} errors, {len(self.issues) - errors} warnings>"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v.strip())


def _maps(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def _source(raw: Any) -> SourceRef:
    raw = raw if isinstance(raw, dict) else {}
    return SourceRef(
        year=_int(raw.get("year")),
        url=_text(raw.get("url")),
        seed=_text(raw.get("seed")),
        title=_text(raw.get("title")),
        publisher=_text(raw.get("publisher")),
        note=_text(raw.get("note")),
    )


def _map(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _facility(raw: Any) -> Facility | None:
    """The facility of a structurally checked site; None without one or without a type."""
    if not isinstance(raw, dict) or _text(raw.get("type")) is None:
        return None
    cap = _map(raw.get("capacity"))
    capacity = None
    if cap is not None:
        value, unit, year = _number(cap.get("value")), _text(cap.get("unit")), _int(cap.get("year"))
        if value is not None and unit is not None and year is not None:
            capacity = Capacity(
                value=value,
                unit=unit,
                year=year,
                url=_text(cap.get("url")),
                seed=_text(cap.get("seed")),
                title=_text(cap.get("title")),
                publisher=_text(cap.get("publisher")),
                approximate=cap.get("approximate") is True,
                note=_text(cap.get("note")),
            )
    wafers = raw.get("wafer_mm")
    return Facility(
        type=raw["type"],
        wafer_mm=tuple(w for w in wafers if _int(w) is not None) if isinstance(wafers, list) else (),
        technologies=_texts(raw.get("technologies")),
        node_nm=_number(raw.get("node_nm")),
        capacity=capacity,
        cleanroom_m2=_number(raw.get("cleanroom_m2")),
        operator=_text(raw.get("operator")),
        source=_source(raw["source"]) if _map(raw.get("source")) is not None else None,
        note=_text(raw.get("note")),
    )


def _events(raw: Any) -> tuple[Event, ...]:
    return tuple(
        Event(
            date=e["date"],
            type=e["type"],
            note=_text(e.get("note")),
            url=_text(e.get("url")),
            seed=_text(e.get("seed")),
            title=_text(e.get("title")),
            publisher=_text(e.get("publisher")),
        )
        for e in _maps(raw)
        if isinstance(e.get("date"), str) and DATE.match(e["date"]) and _text(e.get("type"))
    )


def build_site(raw: dict[str, Any], taxonomy: Taxonomy, file: str) -> Site | None:
    """Build a site from a structurally checked mapping; None if it lacks an id."""
    site_id = _text(raw.get("id"))
    if site_id is None:
        return None
    loc = raw.get("location") if isinstance(raw.get("location"), dict) else {}
    assert isinstance(loc, dict)
    activities = tuple(a for a in _texts(raw.get("activities")) if a in taxonomy.activity_by_id)
    served = tuple(p for p in _texts(raw.get("phases")) if p in taxonomy.phase_ids)
    phases = {taxonomy.phase_of(a) for a in activities} | set(served)
    line, col = unpack(raw.start) if isinstance(raw, YMap) else (0, 0)
    return Site(
        id=site_id,
        name=_text(raw.get("name")) or site_id,
        organisation=_text(raw.get("organisation")) or "",
        kind=_text(raw.get("kind")) or "",
        activities=activities,
        phases=tuple(p for p in taxonomy.phase_ids if p in phases),
        served_phases=served,
        status=_text(raw.get("status")) or "active",
        location=Location(
            place=_text(loc.get("place")) or "",
            municipality=_text(loc.get("municipality")) or "",
            country=_text(loc.get("country")) or "",
            lat=_number(loc.get("lat")),
            lon=_number(loc.get("lon")),
            precision=_text(loc.get("precision")),
            address=_text(loc.get("address")),
            note=_text(loc.get("note")),
            campus=_text(loc.get("campus")),
            source=_source(loc["source"]) if _map(loc.get("source")) is not None else None,
        ),
        sources=tuple(_source(s) for s in _maps(raw.get("sources"))),
        aliases=_texts(raw.get("aliases")),
        since=_int(raw.get("since")),
        until=_int(raw.get("until")),
        website=_text(raw.get("website")),
        employees=tuple(
            EmployeeFigure(
                value=e["value"],
                year=e["year"],
                url=_text(e.get("url")),
                seed=_text(e.get("seed")),
                scope=_text(e.get("scope")),
                approximate=e.get("approximate") is True,
                note=_text(e.get("note")),
                max=_int(e.get("max")),
                title=_text(e.get("title")),
                publisher=_text(e.get("publisher")),
            )
            for e in _maps(raw.get("employees"))
            if _int(e.get("value")) is not None and _int(e.get("year")) is not None
        ),
        relations=tuple(
            Relation(type=r["type"], target=r["target"], note=_text(r.get("note")))
            for r in _maps(raw.get("relations"))
            if _text(r.get("type")) and _text(r.get("target"))
        ),
        description=_text(raw.get("description")),
        notes=_text(raw.get("notes")),
        checked=_text(raw.get("checked")),
        facility=_facility(raw.get("facility")),
        events=_events(raw.get("events")),
        file=file,
        line=line,
        col=col,
        raw=raw,
    )


def _plain_source(raw: dict[str, Any]) -> SourceRef:
    get = raw.get
    return SourceRef(
        get("year") or None,
        get("url") or None,
        get("seed") or None,
        get("title") or None,
        get("publisher") or None,
        get("note") or None,
    )


def _plain_number(value: Any) -> float | None:
    return None if value is None or value == "" else float(value)


def build_plain_site(raw: dict[str, Any], taxonomy: Taxonomy, file: str) -> Site:
    """``build_site`` for a site that ``schema.plain_checker`` accepted, in fewer steps: every
    field present there has its type and is valid, and an optional one is absent, or empty
    text, which ``build_site`` also reads as absent (``or None``: no valid text, year or list is
    falsy; an int or a number that may be 0 is tested against "" itself). A test compares the
    two on every site of the shipped and a realistic registry and on mutated ones."""
    get = raw.get
    loc = raw["location"]
    lget = loc.get
    activities = tuple(a for a in raw["activities"] if a in taxonomy.activity_by_id)
    served = tuple(p for p in get("phases") or () if p in taxonomy.phase_ids)
    phase_of = taxonomy.phase_of
    phases = {phase_of(a) for a in activities}.union(served)
    loc_source = lget("source")
    facility = get("facility")
    line, col = unpack(raw.start) if isinstance(raw, YMap) else (0, 0)
    return Site(
        id=raw["id"],
        name=raw["name"],
        organisation=raw["organisation"],
        kind=raw["kind"],
        activities=activities,
        phases=tuple(p for p in taxonomy.phase_ids if p in phases),
        served_phases=served,
        status=raw["status"],
        location=Location(
            place=loc["place"],
            municipality=loc["municipality"],
            country=loc["country"],
            lat=_plain_number(lget("lat")),
            lon=_plain_number(lget("lon")),
            precision=lget("precision") or None,
            address=lget("address") or None,
            note=lget("note") or None,
            campus=lget("campus") or None,
            source=_plain_source(loc_source) if loc_source else None,
        ),
        sources=tuple(map(_plain_source, raw["sources"])),
        aliases=tuple(get("aliases") or ()),
        since=get("since") or None,
        until=get("until") or None,
        website=get("website") or None,
        employees=tuple(
            EmployeeFigure(
                value=e["value"],
                year=e["year"],
                url=e.get("url") or None,
                seed=e.get("seed") or None,
                scope=e.get("scope") or None,
                approximate=e.get("approximate") is True,
                note=e.get("note") or None,
                max=None if (top := e.get("max")) == "" else top,
                title=e.get("title") or None,
                publisher=e.get("publisher") or None,
            )
            for e in get("employees") or ()
        ),
        relations=tuple(
            Relation(type=r["type"], target=r["target"], note=r.get("note") or None)
            for r in get("relations") or ()
        ),
        description=get("description") or None,
        notes=get("notes") or None,
        checked=get("checked") or None,
        facility=_facility(facility) if facility else None,
        events=tuple(
            Event(
                date=e["date"],
                type=e["type"],
                note=e.get("note") or None,
                url=e.get("url") or None,
                seed=e.get("seed") or None,
                title=e.get("title") or None,
                publisher=e.get("publisher") or None,
            )
            for e in get("events") or ()
        ),
        file=file,
        line=line,
        col=col,
        raw=raw,
    )


def build_region(raw: dict[str, Any], file: str) -> Region | None:
    region_id = _text(raw.get("id"))
    centre = raw.get("centre") if isinstance(raw.get("centre"), dict) else None
    if region_id is None or centre is None:
        return None
    definitions = []
    for d in _maps(raw.get("definitions")):
        if not _text(d.get("id")) or not _text(d.get("type")):
            continue
        definitions.append(
            RegionDefinition(
                id=d["id"],
                type=d["type"],
                name=dict(d["name"]) if isinstance(d.get("name"), dict) else {"en": d["id"]},
                source=_source(d.get("source")),
                municipalities=tuple(
                    Municipality(
                        code=str(m.get("code", "")),
                        name=m["name"],
                        aliases=_texts(m.get("aliases")),
                        code_unverified=m.get("code_unverified") is True,
                    )
                    for m in _maps(d.get("municipalities"))
                    if _text(m.get("name"))
                ),
                nuts3=_texts(d.get("nuts3")),
                radius_km=_number(d.get("radius_km")),
                boundary=_text(d.get("boundary")),
            )
        )
    figures = []
    for f in _maps(raw.get("figures")):
        if not (_text(f.get("id")) and _text(f.get("metric")) and _int(f.get("year"))):
            continue
        values = f.get("values") if isinstance(f.get("values"), dict) else {}
        assert isinstance(values, dict)
        figures.append(
            RegionFigure(
                id=f["id"],
                metric=f["metric"],
                label=dict(f["label"]) if isinstance(f.get("label"), dict) else {"en": f["id"]},
                scope=_text(f.get("scope")) or "",
                year=f["year"],
                source=_source(f.get("source")),
                scenario=_text(f.get("scenario")),
                breakdown=_text(f.get("breakdown")),
                value=_number(f.get("value")),
                values={k: float(v) for k, v in values.items() if _number(v) is not None},
                approximate=f.get("approximate") is True,
                note=_text(f.get("note")),
            )
        )
    lat, lon = _number(centre.get("lat")), _number(centre.get("lon"))
    return Region(
        id=region_id,
        name=dict(raw["name"]) if isinstance(raw.get("name"), dict) else {"en": region_id},
        country=_text(raw.get("country")) or "",
        centre_place=_text(centre.get("place")) or "",
        centre=(lat or 0.0, lon or 0.0),
        default_definition=_text(raw.get("default_definition")) or "",
        definitions=tuple(definitions),
        aliases=_texts(raw.get("aliases")),
        figures=tuple(figures),
        notes=_text(raw.get("notes")),
        file=file,
        raw=raw,
    )


def read_regions(
    regions_dir: Path, taxonomy: Taxonomy, *, root: Path | None = None
) -> tuple[dict[str, Region], list[Issue]]:
    """Read every ``*.yaml`` region file in ``regions_dir``. With ``root`` (the shipped data
    folder when the user named no regions folder), the folder must resolve inside it."""
    issues: list[Issue] = []
    regions: dict[str, Region] = {}
    if root is not None:
        from lifeport_map.fileio import check_inside

        try:
            check_inside(regions_dir, root)
        except YamlError as exc:
            return regions, [exc.issue]
    if not regions_dir.exists():
        issues.append(
            Issue(
                code="io.not-found",
                file=str(regions_dir),
                text=msg("io.not-found/regions"),
                help=msg("io.not-found/regions-hint"),
            )
        )
        return regions, issues
    if not regions_dir.is_dir():
        issues.append(
            Issue(
                code="io.not-a-directory",
                file=str(regions_dir),
                text=msg("io.not-a-directory/regions"),
                help=msg("io.not-a-directory/regions-hint"),
            )
        )
        return regions, issues
    try:  # glob() takes a folder it may not read for an empty one
        os.listdir(regions_dir)
    except OSError as exc:
        from lifeport_map.fileio import unreadable_issue

        issues.append(unreadable_issue(regions_dir, exc))
        return regions, issues
    paths = sorted(regions_dir.glob("*.yaml"))
    if not paths:
        issues.append(
            Issue(
                code="region.none",
                file=str(regions_dir),
                line=1,
                text=msg("region.none"),
                help=msg("region.none/hint"),
            )
        )
    from lifeport_map.fileio import folder_shared

    # One unit for readers: the region files and their boundary files are read under one
    # shared lock on the regions folder, which regions import-boundary holds exclusively while
    # it replaces a region file and its boundary file, so both are old or both new.
    with folder_shared(regions_dir):
        _read_region_files(paths, regions_dir, taxonomy, regions, issues)
    return regions, issues


def _read_region_files(
    paths: list[Path], regions_dir: Path, taxonomy: Taxonomy, regions: dict[str, Region], issues: list[Issue]
) -> None:
    for path in paths:
        try:
            doc = load_yaml(path, max_bytes=max_bytes(), root=regions_dir, given_by="--regions")
        except YamlError as exc:
            issues.append(exc.issue)
            continue
        issues.extend(doc.hidden_characters())
        checker = StructureChecker(taxonomy=taxonomy, file=str(path))
        if checker.check_mapping(doc.data, REGION_FIELDS, entry="", path="", where=(1, 1)):
            region = build_region(doc.data, str(path))
            if region is not None:
                if region.id != path.stem:
                    checker.add(
                        "region.id-mismatch",
                        msg("region.id-mismatch", id=region.id),
                        msg("region.id-mismatch/hint", id=region.id),
                        (1, 1),
                        region.id,
                        "id",
                    )
                if region.id in regions:
                    checker.add(
                        "region.duplicate-id",
                        msg("region.duplicate-id", id=region.id),
                        msg("region.duplicate-id/hint"),
                        (1, 1),
                        region.id,
                        "id",
                    )
                found, region = _with_boundary_files(region, regions_dir)
                regions[region.id] = region
                issues.extend(found)
        issues.extend(checker.issues)


def _with_boundary_files(region: Region, regions_dir: Path) -> tuple[list[Issue], Region]:
    """Refuse, before any command reads them, boundary files that are links leading out of
    the regions folder, FIFOs or devices (one stat each; the content is checked by validate),
    and read the others' bytes into their definitions (parsed only when used)."""
    import dataclasses
    from contextlib import suppress

    from lifeport_map.fileio import check_regular, read_bytes
    from lifeport_map.geo import boundary_path
    from lifeport_map.geojson_io import MAX_BOUNDARY_BYTES

    found = []
    definitions = list(region.definitions)
    for n, definition in enumerate(definitions):
        path = boundary_path(regions_dir, definition.boundary) if definition.type == "boundary" else None
        if path is not None and os.path.lexists(path):
            try:
                check_regular(path, regions_dir, given_by="--regions")
            except YamlError as exc:
                found.append(exc.issue)
                continue
            with suppress(YamlError):  # a file that cannot be read is reported where used
                raw = read_bytes(path, max_bytes=MAX_BOUNDARY_BYTES, root=regions_dir)
                definitions[n] = dataclasses.replace(definition, boundary_bytes=raw)
    return found, dataclasses.replace(region, definitions=tuple(definitions))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures.

    Loading creates millions of small containers; each automatic collection then walks the
    whole growing heap, which made loading grow faster than linearly. Nothing built here forms
    reference cycles, so pausing loses nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_registry(
    registry_path: Path | None = None,
    regions_dir: Path | None = None,
    taxonomy_path: Path | None = None,
    *,
    content: ReadOnce | None = None,
    given_by: str = "--registry",
) -> ReadResult:
    """Parse and structurally check the registry and regions, collecting every issue.
    ``content``: the registry file's bytes as the caller read them (``fileio.read_bytes`` with
    ``max_bytes()``), parsed instead of reading the file again. ``given_by``: the option or
    argument that named the registry file (``validate FILES``), for the hint of a missing one."""
    with paused_gc():
        return _read_registry(registry_path, regions_dir, taxonomy_path, content, given_by)


def read_for_analysis(
    registry_path: Path | None = None,
    regions_dir: Path | None = None,
    taxonomy_path: Path | None = None,
    *,
    content: ReadOnce | None = None,
) -> ReadResult:
    """``read_registry`` plus the errors of ``validate.check_for_analysis``: the semantic errors
    that silently change what an analysis counts (invisible characters and lookalike letters in
    names, places and municipalities; municipalities on no official list, with "did you mean";
    duplicate ids; unknown, repeated or circular relations; dates and phases that move a site),
    so every command refuses them, not only ``validate``. The others (coordinates against the
    gazetteer and the country polygons, likely duplicates, sources and URLs) cost more than a
    cold analysis or change no count, and stay in ``validate``."""
    result = read_registry(registry_path, regions_dir, taxonomy_path, content=content)
    if result.registry is None or result.errors:
        return result
    from lifeport_map.validate import check_for_analysis

    with paused_gc():
        found = check_for_analysis(result.registry)
    if not found:
        return result
    return ReadResult(registry=result.registry, issues=sorted([*result.issues, *found], key=Issue.sort_key))


def _read_registry(
    registry_path: Path | None,
    regions_dir: Path | None,
    taxonomy_path: Path | None,
    content: ReadOnce | None,
    given_by: str = "--registry",
) -> ReadResult:
    registry_path = registry_path or default_registry_path()
    # A folder the user named is theirs; the shipped one must not lead out of the data folder.
    regions_root = None if regions_dir else data_dir()
    regions_dir = regions_dir or default_regions_dir()
    taxonomy = load_taxonomy(taxonomy_path or default_taxonomy_path())
    issues: list[Issue] = []
    regions, region_issues = read_regions(regions_dir, taxonomy, root=regions_root)
    issues.extend(region_issues)
    if not any(i.code.startswith("io.") for i in region_issues):
        from lifeport_map.validate_regions import check_regions

        issues.extend(check_regions(regions, taxonomy, regions_dir))
    try:
        doc = load_yaml(registry_path, max_bytes=max_bytes(), given_by=given_by, content=content)
    except YamlError as exc:
        return ReadResult(registry=None, issues=[exc.issue, *issues])
    file = str(registry_path)
    issues.extend(doc.hidden_characters())
    data = doc.data
    # The text is not needed from here on: a file with one character beyond Latin-1 is held in
    # two bytes a character, 0.5 GB at 100,000 sites, which need not wait for the records.
    del doc
    checker = StructureChecker(taxonomy=taxonomy, file=file)
    sites: list[Site] = []
    if isinstance(data, dict):
        for key in data:
            if key != "sites":
                kpos = data.key_positions.get(key) if isinstance(data, YMap) else None
                checker.add(
                    "schema.unknown-field",
                    msg("schema.unknown-field/top", field=key),
                    msg("schema.unknown-field/top-hint"),
                    unpack(kpos) if kpos else (1, 1),
                    "",
                    key,
                )
        raw_sites = data.get("sites")
        if not isinstance(raw_sites, list):
            spos = data.key_positions.get("sites") if isinstance(data, YMap) else None
            checker.add(
                "schema.required",
                msg("schema.required/sites"),
                msg("schema.required/sites-hint"),
                unpack(spos) if spos else (1, 1),
                "",
                "sites",
            )
            raw_sites = []
        site_spec = REGISTRY_FIELDS[0].items
        assert site_spec is not None
        plainly_valid = checker.plain(site_spec.fields)
        for index, raw in enumerate(raw_sites):
            if plainly_valid(raw):  # nothing to report: the generic walk below would find nothing
                sites.append(build_plain_site(raw, taxonomy, file))
                continue
            pos = raw_sites.positions[index] if hasattr(raw_sites, "positions") else 0
            entry: str = (
                raw["id"] if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"sites[{index}]"
            )
            if checker.check_mapping(raw, site_spec.fields, entry=entry, path="", where=unpack(pos)):
                site = build_site(raw, taxonomy, file)
                if site is not None:
                    sites.append(site)
    elif data is not None:
        checker.add(
            "schema.type",
            msg("schema.type/registry"),
            msg("schema.type/registry-hint"),
            start_of(data) or (1, 1),
            "",
            "",
        )
    else:
        checker.add(
            "schema.required",
            msg("schema.required/empty-file"),
            msg("schema.required/empty-file-hint"),
            (1, 1),
            "",
            "sites",
        )
    issues = checker.issues + issues
    registry = Registry(
        sites=tuple(sites),
        regions=regions,
        taxonomy=taxonomy,
        registry_path=registry_path,
        regions_dir=regions_dir,
    )
    return ReadResult(registry=registry, issues=issues)


def forget_positions(registry: Registry) -> None:
    """Drop every site's parsed YAML (``Site.raw``) once no issue can be reported any more:
    only positions of issues are read from it, the records hold every value, and at 100,000
    sites it is about a gigabyte that building the graph can then reuse. The records stay as
    they are otherwise; ``Site.where`` then gives the entry's own line."""
    for site in registry.sites:
        object.__setattr__(site, "raw", None)


def check_registry(
    registry_path: Path | None = None,
    regions_dir: Path | None = None,
    taxonomy_path: Path | None = None,
    *,
    given_by: str = "--registry",
) -> ReadResult:
    """Read and run every check (structure and semantics); issues sorted by position.
    ``given_by``: the option or argument that named the registry file (see ``read_registry``)."""
    from lifeport_map.validate import validate

    result = read_registry(registry_path, regions_dir, taxonomy_path, given_by=given_by)
    issues = list(result.issues)
    if result.registry is not None:
        with paused_gc():
            issues.extend(validate(result.registry))
    issues.sort(key=Issue.sort_key)
    return ReadResult(registry=result.registry, issues=issues)


def load_registry(
    registry_path: Path | None = None,
    regions_dir: Path | None = None,
    taxonomy_path: Path | None = None,
    *,
    check: bool = True,
) -> Registry:
    """Load a valid registry or raise :class:`RegistryError` with every issue found.

    With ``check=False`` parsing, structure and the semantic errors that change what an analysis
    counts are checked (``read_for_analysis``: faster, for analyses that run right after
    ``validate``).
    """
    result = (
        check_registry(registry_path, regions_dir, taxonomy_path)
        if check
        else read_for_analysis(registry_path, regions_dir, taxonomy_path)
    )
    if result.errors or result.registry is None:
        raise RegistryError(result.issues)
    return result.registry
