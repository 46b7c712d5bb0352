"""Checks of the region files: pure functions from the regions (and the taxonomy) to Issues.

They run whenever the regions are read (``registry.read_registry``), not only in ``validate``,
so no command ever works from a region whose default definition is missing, whose definition
is empty, or whose boundary file cannot be used: it refuses with the same file:line:col and
hint. Besides each file on its own, the files are checked against each other: a municipality
code must name the same municipality everywhere, and two regions' default definitions may
share a municipality only when both say so (``overlaps:``), since every site there would be
counted twice when regions are compared.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from lifeport_map.errors import Issue, Severity
from lifeport_map.messages import Text, msg
from lifeport_map.model import Region, RegionDefinition, RegionFigure
from lifeport_map.taxonomy import Taxonomy
from lifeport_map.text import excerpt, fold, invisible_characters, mixed_script

CODE_PATTERNS = {
    "NL": re.compile(r"GM[0-9]{4}\Z"),
    "BE": re.compile(r"[0-9]{5}\Z"),
    "DE": re.compile(r"[0-9]{8}\Z"),
}


def region_issue(
    region: Region, field: str, code: str, message: Text, hint: Text, severity: Severity = "error"
) -> Issue:
    from lifeport_map.yamlio import position_at

    line, col = position_at(region.raw, field, (1, 1))
    return Issue(
        code=code,
        text=message,
        help=hint,
        file=region.file,
        line=line,
        col=col,
        entry=region.id,
        field=field,
        severity=severity,
    )


def _boundary_problems(
    regions_dir: Path, region: Region, definition: RegionDefinition, field: str
) -> Iterator[Issue]:
    """Check the boundary file as ``import-boundary`` does; a problem is an error at the line,
    column and field of the boundary file, whose message names the region file's line that
    refers to it. A refused file (a link leading out, a FIFO, a device) is not reported again:
    the reader already did (``registry._with_boundary_files``)."""
    from dataclasses import replace

    from lifeport_map.boundary_check import check_boundary_file
    from lifeport_map.errors import FileErrors, YamlError
    from lifeport_map.geo import boundary_path
    from lifeport_map.yamlio import position_at

    path = boundary_path(regions_dir, definition.boundary)
    if path is None:
        return
    try:
        check_boundary_file(path, root=regions_dir, region=region, raw=definition.boundary_bytes)
    except YamlError as exc:
        if not exc.issue.code.startswith("io."):
            line, _col = position_at(region.raw, field, (1, 1))
            where = {
                "definition": excerpt(definition.id),
                "file": f"{Path(region.file).name}:{line}",
            }
            issues = exc.issues if isinstance(exc, FileErrors) else [exc.issue]
            for issue in issues:
                problem = msg("region.boundary-problem", problem=issue.text or issue.message, **where)
                yield replace(issue, entry=region.id, text=problem, message="")
            if isinstance(exc, FileErrors) and exc.more:
                yield replace(
                    issues[-1],
                    code="boundary.more-errors",
                    text=msg("boundary.more-errors", more=exc.more, shown=len(issues), **where),
                    help=msg("boundary.more-errors/hint"),
                    message="",
                    hint="",
                )


def check_regions(regions: Mapping[str, Region], taxonomy: Taxonomy, regions_dir: Path) -> Iterator[Issue]:
    """Every problem of the region files, each on its own and against each other."""
    yield from _check_each_region(regions, taxonomy, regions_dir)
    yield from check_region_names(regions)
    yield from check_codes_across_files(regions)
    yield from check_overlaps(regions)


def _check_each_region(
    regions: Mapping[str, Region], taxonomy: Taxonomy, regions_dir: Path
) -> Iterator[Issue]:
    views = {v.id: {g.id for g, _ in v.groups} for v in taxonomy.views}
    all_aliases: dict[str, str] = {}
    for region in regions.values():
        ids = [d.id for d in region.definitions]
        if region.default_definition not in ids:
            yield region_issue(
                region,
                "default_definition",
                "region.unknown-definition",
                msg("region.unknown-definition", definition=excerpt(region.default_definition)),
                msg("use-one-of", values=", ".join(ids)),
            )
        for key in [region.id, *region.aliases, *region.name.values()]:
            other = all_aliases.get(fold(key))
            if other is not None and other != region.id:
                yield region_issue(
                    region,
                    "aliases",
                    "region.duplicate-alias",
                    msg("region.duplicate-alias", name=excerpt(key), other=excerpt(other)),
                    msg("region.duplicate-alias/hint"),
                )
            all_aliases[fold(key)] = region.id
        seen: set[str] = set()
        for i, definition in enumerate(region.definitions):
            field = f"definitions[{i}]"
            if definition.id in seen:
                yield region_issue(
                    region,
                    f"{field}.id",
                    "region.duplicate-definition",
                    msg("region.duplicate-definition", id=excerpt(definition.id)),
                    msg("region.duplicate-definition/hint"),
                )
            seen.add(definition.id)
            if definition.type == "municipalities" and not definition.municipalities:
                yield region_issue(
                    region,
                    field,
                    "region.no-municipalities",
                    msg("region.no-municipalities"),
                    msg("region.no-municipalities/hint"),
                )
            if definition.type == "radius" and definition.radius_km is None:
                yield region_issue(
                    region,
                    field,
                    "region.no-radius",
                    msg("region.no-radius"),
                    msg("region.no-radius/hint"),
                )
            if definition.type == "radius" and definition.radius_km is not None and definition.radius_km <= 0:
                yield region_issue(
                    region,
                    f"{field}.radius_km",
                    "region.empty-definition",
                    msg("region.empty-definition"),
                    msg("region.empty-definition/hint"),
                )
            if definition.type == "boundary":
                from lifeport_map.geo import boundary_path

                path = boundary_path(regions_dir, definition.boundary)
                if path is None and definition.boundary:
                    yield region_issue(
                        region,
                        f"{field}.boundary",
                        "region.boundary-outside",
                        msg("region.boundary-outside", file=excerpt(definition.boundary)),
                        msg("region.boundary-outside/hint"),
                    )
                elif path is None or not os.path.lexists(path):
                    yield region_issue(
                        region,
                        field,
                        "region.no-boundary",
                        msg("region.no-boundary", file=excerpt(definition.boundary)),
                        msg("region.no-boundary/hint"),
                    )
                else:
                    yield from _boundary_problems(regions_dir, region, definition, f"{field}.boundary")
            pattern = CODE_PATTERNS.get(region.country)
            codes: dict[str, int] = {}
            for j, m in enumerate(definition.municipalities):
                mfield = f"{field}.municipalities[{j}]"
                if pattern and not pattern.match(m.code):
                    yield region_issue(
                        region,
                        f"{mfield}.code",
                        "region.bad-code",
                        msg("region.bad-code", code=excerpt(m.code), country=excerpt(region.country)),
                        msg("region.bad-code/hint"),
                    )
                if m.code in codes:
                    yield region_issue(
                        region,
                        f"{mfield}.code",
                        "region.duplicate-code",
                        msg("region.duplicate-code", code=excerpt(m.code)),
                        msg("region.duplicate-code/hint"),
                    )
                codes[m.code] = j
        for i, figure in enumerate(region.figures):
            if figure.breakdown and figure.breakdown not in views:
                yield region_issue(
                    region,
                    f"figures[{i}].breakdown",
                    "figure.unknown-view",
                    msg("figure.unknown-view", view=excerpt(figure.breakdown)),
                    msg("use-one-of", values=", ".join(views)),
                )
            elif figure.breakdown:
                unknown = sorted(set(figure.values) - views[figure.breakdown])
                if unknown:
                    yield region_issue(
                        region,
                        f"figures[{i}].values",
                        "figure.unknown-group",
                        msg(
                            "figure.unknown-group", groups=", ".join(unknown), view=excerpt(figure.breakdown)
                        ),
                        msg("figure.unknown-group/hint", groups=", ".join(sorted(views[figure.breakdown]))),
                    )
            yield from _fractional_counts(region, i, figure)
            if figure.value is None and not figure.values:
                yield region_issue(
                    region,
                    f"figures[{i}]",
                    "figure.no-value",
                    msg("figure.no-value"),
                    msg("figure.no-value/hint"),
                )
            if not figure.source.url and not figure.source.seed:
                yield region_issue(
                    region,
                    f"figures[{i}].source",
                    "figure.no-source",
                    msg("figure.no-source"),
                    msg("source.no-reference/hint"),
                )


# Metrics that count people, organisations or wafers: a published figure of them is whole.
COUNT_METRICS = frozenset({"employees", "companies", "organisations", "wafer-starts-per-week"})


def _fractional_counts(region: Region, i: int, figure: RegionFigure) -> Iterator[Issue]:
    """A count written with a point: the Dutch 5.600 (five thousand six hundred) is 5.6 to YAML,
    and 1.000 is 1, so stats would compare the registry with a published 5.6 or 1 employees
    without a word. Read from the file's own values, where 1.000 is still a float."""
    raw = region.raw.get("figures") if isinstance(region.raw, dict) else None
    entry = raw[i] if isinstance(raw, list) and i < len(raw) and isinstance(raw[i], dict) else None
    if figure.metric not in COUNT_METRICS or entry is None:
        return
    from lifeport_map.schema import as_thousands

    given = entry.get("values")
    numbers = [("value", entry.get("value"))]
    numbers += [(f"values.{k}", v) for k, v in given.items()] if isinstance(given, dict) else []
    for name, number in numbers:
        if not isinstance(number, float):  # a whole number, none, or a type the schema refuses
            continue
        path = f"figures[{i}].{name}"
        thousands = as_thousands(float(number))
        yield region_issue(
            region,
            path,
            "figure.not-whole",
            msg("schema.type/whole", path=path),
            msg("schema.type/whole-thousands-hint", whole=thousands)
            if thousands
            else msg("schema.type/whole-hint"),
        )


def _region_texts(region: Region) -> Iterator[tuple[str, str]]:
    """(field, text) of every name a region file gives: the region's and its municipalities'."""
    for lang, text in region.name.items():
        yield f"name.{lang}", text
    for i, alias in enumerate(region.aliases):
        yield f"aliases[{i}]", alias
    for i, definition in enumerate(region.definitions):
        for j, municipality in enumerate(definition.municipalities):
            yield f"definitions[{i}].municipalities[{j}].name", municipality.name
            for k, alias in enumerate(municipality.aliases):
                yield f"definitions[{i}].municipalities[{j}].aliases[{k}]", alias


def check_region_names(regions: Mapping[str, Region]) -> Iterator[Issue]:
    """Region and municipality names decide membership: no invisible characters, no Greek or
    Cyrillic lookalikes among Latin letters."""
    for region in regions.values():
        for field, text in _region_texts(region):
            bad = invisible_characters(text)
            lookalikes = mixed_script(text)
            if bad and not field.startswith("name."):  # region names: the schema check reports them
                yield region_issue(
                    region,
                    field,
                    "name.invisible-character",
                    msg("name.invisible-character", field=field, characters=", ".join(bad)),
                    msg("name.invisible-character/hint"),
                )
            elif lookalikes:
                yield region_issue(
                    region,
                    field,
                    "name.mixed-script",
                    msg("name.mixed-script/region", field=field, characters=", ".join(lookalikes)),
                    msg("name.mixed-script/region-hint"),
                )


def _members(region: Region, definition: RegionDefinition) -> Iterator[tuple[int, str, str]]:
    for j, municipality in enumerate(definition.municipalities):
        yield j, municipality.code, municipality.name


def check_codes_across_files(regions: Mapping[str, Region]) -> Iterator[Issue]:
    """One official code, one municipality: a code listed under another name (or a name under
    another code) in any definition of any region file is an error at the later listing."""
    by_code: dict[tuple[str, str], tuple[str, Region, str]] = {}
    by_name: dict[tuple[str, str], tuple[str, Region, str]] = {}
    for region in sorted(regions.values(), key=lambda r: r.id):
        for i, definition in enumerate(region.definitions):
            for j, code, name in _members(region, definition):
                field = f"definitions[{i}].municipalities[{j}]"
                known_names = {fold(name)} | {fold(a) for a in definition.municipalities[j].aliases}
                listing = (name, region, field)
                first = by_code.setdefault((region.country, code), listing)
                if first is not listing and fold(first[0]) not in known_names:
                    yield region_issue(
                        region,
                        f"{field}.code",
                        "region.code-name-mismatch",
                        msg(
                            "region.code-name-mismatch",
                            code=excerpt(code),
                            first=excerpt(first[0]),
                            region=first[1].id,
                            field=first[2],
                            name=excerpt(name),
                        ),
                        msg("region.code-name-mismatch/hint"),
                    )
                named = by_name.setdefault((region.country, fold(name)), (code, region, field))
                if named[0] != code:
                    yield region_issue(
                        region,
                        f"{field}.code",
                        "region.code-name-mismatch",
                        msg(
                            "region.code-name-mismatch/name",
                            name=excerpt(name),
                            code=excerpt(code),
                            first=excerpt(named[0]),
                            region=named[1].id,
                            field=named[2],
                        ),
                        msg("region.code-name-mismatch/name-hint"),
                    )


def check_official_codes(regions: Mapping[str, Region]) -> Iterator[Issue]:
    """A listed municipality's code must be on its country's shipped official list (CBS, NIS,
    AGS: ``municipalities.official_codes``) under the name listed or one of its aliases. A wrong
    code draws another municipality's outline, and a wrong name is then taken for a
    municipality by the site checks. An error, a warning where the file marks the code
    ``code_unverified: true``. Only in ``validate``: the official lists are large to read."""
    from lifeport_map.municipalities import OFFICIAL_LISTS, official_codes

    for region in sorted(regions.values(), key=lambda r: r.id):
        listed = OFFICIAL_LISTS.get(region.country)
        pattern = CODE_PATTERNS.get(region.country)
        if listed is None or pattern is None:
            continue
        official = official_codes(region.country)
        if not official:
            continue
        for i, definition in enumerate(region.definitions):
            for j, m in enumerate(definition.municipalities):
                if not pattern.match(m.code):
                    continue  # region.bad-code
                field = f"definitions[{i}].municipalities[{j}].code"
                severity: Severity = "warning" if m.code_unverified else "error"
                names = official.get(m.code)
                if names is None:
                    yield region_issue(
                        region,
                        field,
                        "region.code-not-official",
                        msg(
                            "region.code-not-official",
                            code=excerpt(m.code),
                            name=excerpt(m.name),
                            official=listed,
                        ),
                        msg("region.code-not-official/hint", official=listed),
                        severity,
                    )
                elif not {fold(m.name), *(fold(a) for a in m.aliases)} & set(names):
                    found = _official_name(region.country, names[0])
                    yield region_issue(
                        region,
                        field,
                        "region.code-not-official",
                        msg(
                            "region.code-not-official/name",
                            code=excerpt(m.code),
                            name=excerpt(m.name),
                            official=listed,
                            found=excerpt(found),
                        ),
                        msg("region.code-not-official/name-hint", name=excerpt(m.name), found=excerpt(found)),
                        severity,
                    )


def _official_name(country: str, folded: str) -> str:
    """The official spelling of a folded official name."""
    from lifeport_map.municipalities import official_municipalities

    return official_municipalities(country).get(folded, folded)


def declared_overlaps(region: Region) -> frozenset[str]:
    """Regions that ``region``'s file says its default definition overlaps."""
    raw = region.raw.get("overlaps") if isinstance(region.raw, dict) else None
    return frozenset(r for r in raw if isinstance(r, str)) if isinstance(raw, list) else frozenset()


def check_overlaps(regions: Mapping[str, Region]) -> Iterator[Issue]:
    """Two regions whose default definitions share a municipality count its sites twice when
    they are compared; that is an error unless both region files list each other under
    ``overlaps:``. Listing a region that does not overlap is an error too (stale)."""
    owners: dict[tuple[str, str], list[tuple[Region, str]]] = {}
    defaults: dict[str, RegionDefinition] = {}
    for region in sorted(regions.values(), key=lambda r: r.id):
        index = next((i for i, d in enumerate(region.definitions) if d.id == region.default_definition), None)
        if index is None:
            continue  # reported as region.unknown-definition
        definition = region.definitions[index]
        defaults[region.id] = definition
        for j, code, name in _members(region, definition):
            key = (region.country, code or fold(name))
            owners.setdefault(key, []).append((region, f"definitions[{index}].municipalities[{j}]"))
    shared: dict[tuple[str, str], list[str]] = {}
    for (_country, code), holders in owners.items():
        for a in range(len(holders)):
            for b in range(a + 1, len(holders)):
                first, second = holders[a][0], holders[b][0]
                if first.id != second.id:
                    shared.setdefault((first.id, second.id), []).append(code)
                    if not (second.id in declared_overlaps(first) and first.id in declared_overlaps(second)):
                        yield region_issue(
                            second,
                            holders[b][1],
                            "region.overlap",
                            msg("region.overlap", code=excerpt(code), region=excerpt(first.id)),
                            msg("region.overlap/hint", first=first.id, second=second.id),
                        )
    for region in regions.values():
        for other in sorted(declared_overlaps(region)):
            pair = tuple(sorted((region.id, other)))
            if other not in regions or (pair[0], pair[1]) not in shared:
                yield region_issue(
                    region,
                    "overlaps",
                    "region.overlap-not-found",
                    msg("region.overlap-not-found", region=excerpt(other)),
                    msg("region.overlap-not-found/hint"),
                )
