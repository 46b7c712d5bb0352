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
from lifeport_map.model import Region, RegionDefinition
from lifeport_map.taxonomy import Taxonomy
from lifeport_map.text import excerpt, fold, invisible_characters, mixed_script

CODE_PATTERNS = {
    "NL": re.compile(r"GM[0-9]{4}\Z"),
    "BE": re.compile(r"[0-9]{5}\Z"),
    "DE": re.compile(r"[0-9]{8}\Z"),
}


def _region_issue(
    region: Region, field: str, code: str, message: str, hint: str, severity: Severity = "error"
) -> Issue:
    from lifeport_map.yamlio import position_at

    line, col = position_at(region.raw, field, (1, 1))
    return Issue(
        code=code,
        message=message,
        hint=hint,
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
            where = f"boundary of definition '{excerpt(definition.id)}', {Path(region.file).name}:{line}"
            issues = exc.issues if isinstance(exc, FileErrors) else [exc.issue]
            for issue in issues:
                yield replace(issue, entry=region.id, message=f"{issue.message} ({where})")
            if isinstance(exc, FileErrors) and exc.more:
                yield replace(
                    issues[-1],
                    code="boundary.more-errors",
                    message=f"{exc.more} more errors in this file are not shown (the first "
                    f"{len(issues)} are) ({where})",
                    hint="fix these, then run validate again",
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
            yield _region_issue(
                region,
                "default_definition",
                "region.unknown-definition",
                f"default definition '{excerpt(region.default_definition)}' is not defined",
                f"use one of: {', '.join(ids)}",
            )
        for key in [region.id, *region.aliases, *region.name.values()]:
            other = all_aliases.get(fold(key))
            if other is not None and other != region.id:
                yield _region_issue(
                    region,
                    "aliases",
                    "region.duplicate-alias",
                    f"'{excerpt(key)}' also names region '{excerpt(other)}'",
                    "a region name or alias must be unique",
                )
            all_aliases[fold(key)] = region.id
        seen: set[str] = set()
        for i, definition in enumerate(region.definitions):
            field = f"definitions[{i}]"
            if definition.id in seen:
                yield _region_issue(
                    region,
                    f"{field}.id",
                    "region.duplicate-definition",
                    f"definition id '{excerpt(definition.id)}' is used twice",
                    "give each definition its own id",
                )
            seen.add(definition.id)
            if definition.type == "municipalities" and not definition.municipalities:
                yield _region_issue(
                    region,
                    field,
                    "region.no-municipalities",
                    "a municipalities definition without municipalities",
                    "list the member municipalities with their codes",
                )
            if definition.type == "radius" and definition.radius_km is None:
                yield _region_issue(
                    region,
                    field,
                    "region.no-radius",
                    "a radius definition without radius_km",
                    "add 'radius_km:'",
                )
            if definition.type == "radius" and definition.radius_km is not None and definition.radius_km <= 0:
                yield _region_issue(
                    region,
                    f"{field}.radius_km",
                    "region.empty-definition",
                    "a radius of 0 km holds no site",
                    "give the radius in km, e.g. 'radius_km: 30'",
                )
            if definition.type == "boundary":
                from lifeport_map.geo import boundary_path

                path = boundary_path(regions_dir, definition.boundary)
                if path is None and definition.boundary:
                    yield _region_issue(
                        region,
                        f"{field}.boundary",
                        "region.boundary-outside",
                        f"boundary file '{excerpt(definition.boundary)}' is outside the regions folder",
                        "store it with 'lifeport-map regions import-boundary'",
                    )
                elif path is None or not os.path.lexists(path):
                    yield _region_issue(
                        region,
                        field,
                        "region.no-boundary",
                        f"boundary file '{excerpt(definition.boundary)}' not found",
                        "run 'lifeport-map regions import-boundary'",
                    )
                else:
                    yield from _boundary_problems(regions_dir, region, definition, f"{field}.boundary")
            pattern = CODE_PATTERNS.get(region.country)
            codes: dict[str, int] = {}
            for j, m in enumerate(definition.municipalities):
                mfield = f"{field}.municipalities[{j}]"
                if pattern and not pattern.match(m.code):
                    yield _region_issue(
                        region,
                        f"{mfield}.code",
                        "region.bad-code",
                        f"'{excerpt(m.code)}' is not a valid {excerpt(region.country)} municipality code",
                        "use GMxxxx (CBS), 5-digit NIS or 8-digit AGS codes",
                    )
                if m.code in codes:
                    yield _region_issue(
                        region,
                        f"{mfield}.code",
                        "region.duplicate-code",
                        f"municipality code {excerpt(m.code)} is listed twice",
                        "remove the repeated municipality",
                    )
                codes[m.code] = j
        for i, figure in enumerate(region.figures):
            if figure.breakdown and figure.breakdown not in views:
                yield _region_issue(
                    region,
                    f"figures[{i}].breakdown",
                    "figure.unknown-view",
                    f"breakdown '{excerpt(figure.breakdown)}' is not a taxonomy view",
                    f"use one of: {', '.join(views)}",
                )
            elif figure.breakdown:
                unknown = sorted(set(figure.values) - views[figure.breakdown])
                if unknown:
                    yield _region_issue(
                        region,
                        f"figures[{i}].values",
                        "figure.unknown-group",
                        f"unknown group(s) {', '.join(unknown)} for '{excerpt(figure.breakdown)}'",
                        f"use: {', '.join(sorted(views[figure.breakdown]))}",
                    )
            if figure.value is None and not figure.values:
                yield _region_issue(
                    region,
                    f"figures[{i}]",
                    "figure.no-value",
                    "figure has neither value nor values",
                    "add 'value:'",
                )
            if not figure.source.url and not figure.source.seed:
                yield _region_issue(
                    region,
                    f"figures[{i}].source",
                    "figure.no-source",
                    "figure has no source",
                    "add 'url:' or 'seed:'",
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
                yield _region_issue(
                    region,
                    field,
                    "name.invisible-character",
                    f"{field} contains invisible or control characters ({', '.join(bad)})",
                    "retype the text; copy-paste can bring zero-width or bidi characters",
                )
            elif lookalikes:
                yield _region_issue(
                    region,
                    field,
                    "name.mixed-script",
                    f"{field} mixes Latin letters with Greek or Cyrillic lookalikes "
                    f"({', '.join(lookalikes)})",
                    "retype the name in one script",
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
                    yield _region_issue(
                        region,
                        f"{field}.code",
                        "region.code-name-mismatch",
                        f"code {excerpt(code)} is '{excerpt(first[0])}' in {first[1].id} "
                        f"({first[2]}), but '{excerpt(name)}' here",
                        "a code names one municipality: check both against the official list "
                        "(CBS, NIS or AGS) and correct the wrong one",
                    )
                named = by_name.setdefault((region.country, fold(name)), (code, region, field))
                if named[0] != code:
                    yield _region_issue(
                        region,
                        f"{field}.code",
                        "region.code-name-mismatch",
                        f"'{excerpt(name)}' has code {excerpt(code)} here, but {excerpt(named[0])} in "
                        f"{named[1].id} ({named[2]})",
                        "a municipality has one official code: check both against the official list",
                    )


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
                        yield _region_issue(
                            second,
                            holders[b][1],
                            "region.overlap",
                            f"municipality {excerpt(code)} is also in the default definition of "
                            f"region '{excerpt(first.id)}': its sites would be counted in both",
                            "remove it from one of the two definitions, or, if the regions really "
                            f"overlap, add 'overlaps: [{first.id}]' to this file and "
                            f"'overlaps: [{second.id}]' to the other",
                        )
    for region in regions.values():
        for other in sorted(declared_overlaps(region)):
            pair = tuple(sorted((region.id, other)))
            if other not in regions or (pair[0], pair[1]) not in shared:
                yield _region_issue(
                    region,
                    "overlaps",
                    "region.overlap-not-found",
                    f"'overlaps' names '{excerpt(other)}', but the default definitions share no municipality",
                    "remove it from 'overlaps'",
                )
