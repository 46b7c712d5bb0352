"""Region outlines for maps, and importing official boundary files.

An outline is drawn from the region's definition: a stored boundary file (Eurostat GISCO NUTS
or CBS GeoJSON, imported with ``regions import-boundary``) is official; a definition naming
NUTS-3 regions is the union of the shipped GISCO NUTS-3 polygons (data/boundaries/nuts3.geojson);
a list of Dutch municipalities is the union of the shipped CBS municipality polygons
(data/boundaries/gemeenten-nl.geojson); a radius definition is an exact geodesic circle. Only a
definition without any of these is drawn as a buffered hull around its member sites, labelled
approximate. The shipped country polygons
(Natural Earth) give the maps their context and let ``validate`` check a site's country.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lifeport_map.boundary_check import NEAR_KM as NEAR_KM
from lifeport_map.boundary_check import boundary_collection as boundary_collection
from lifeport_map.boundary_check import geometries, near_the_centre, number
from lifeport_map.boundary_check import parse_boundary as parse_boundary
from lifeport_map.boundary_check import rounded as _rounded
from lifeport_map.countries import COUNTRY_TOLERANCE_DEGREES as COUNTRY_TOLERANCE_DEGREES
from lifeport_map.countries import NUTS_CODE_CHANGES as NUTS_CODE_CHANGES
from lifeport_map.countries import countries_at as countries_at
from lifeport_map.countries import country_features as country_features
from lifeport_map.countries import nuts3_features as nuts3_features
from lifeport_map.errors import LifeportError, UsageError
from lifeport_map.geo import boundary_path, region_sites, resolve_definition
from lifeport_map.geojson_io import MAX_BOUNDARY_BYTES as MAX_BOUNDARY_BYTES
from lifeport_map.geojson_io import MAX_GEOJSON_DEPTH as MAX_GEOJSON_DEPTH
from lifeport_map.geojson_io import loads_geojson as loads_geojson
from lifeport_map.geojson_io import nested_deeper_than as nested_deeper_than
from lifeport_map.geojson_io import read_geojson as read_geojson
from lifeport_map.geojson_io import read_geojson_text
from lifeport_map.messages import Text, msg
from lifeport_map.model import Region, RegionDefinition, Registry
from lifeport_map.municipalities import municipality_outline
from lifeport_map.text import excerpt

HULL_BUFFER_KM = 3.0
KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_EQUATOR = 111.320
BOUNDARY_FOLDER = "boundaries"


@dataclass(frozen=True)
class Outline:
    """A region's outline as a GeoJSON geometry (lon/lat), and how much it can be trusted."""

    region: str
    definition: str
    geometry: dict[str, Any]
    approximate: bool
    kind: str  # boundary | nuts3 | municipalities | radius | hull
    sources: tuple[str, ...] = ()  # shipped polygons it is made of: gisco, cbs (for credits)


def nuts3_codes(codes: tuple[str, ...]) -> list[str] | None:
    """``codes`` in NUTS 2024, or None if one of them is not shipped."""
    shipped = nuts3_features()
    wanted = [NUTS_CODE_CHANGES.get(c, c) for c in codes]
    if not wanted or any(c not in shipped for c in wanted):
        return None
    return wanted


def nuts3_sources(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Where the shipped polygons of ``codes`` come from (gisco, or cbs for Twente), sorted."""
    shipped = nuts3_features()
    wanted = nuts3_codes(codes) or []
    return tuple(sorted({shipped[c]["properties"].get("source", "gisco") for c in wanted}))


def nuts3_outline(codes: tuple[str, ...]) -> dict[str, Any] | None:
    """The union of the shipped NUTS-3 polygons named by ``codes``, or None if one is missing."""
    shipped = nuts3_features()
    wanted = nuts3_codes(codes)
    if wanted is None:
        return None
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    union = unary_union([shape(shipped[c]["geometry"]) for c in wanted])
    geometry: dict[str, Any] = _rounded(dict(mapping(union)))
    return geometry


def _to_km(lon: float, lat: float, lat0: float) -> tuple[float, float]:
    return (lon * KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(lat0)), lat * KM_PER_DEGREE_LAT)


def geodesic_circle(lat: float, lon: float, radius_km: float, *, points: int = 72) -> dict[str, Any]:
    """A polygon whose vertices lie exactly ``radius_km`` from the centre on the ellipsoid."""
    from geographiclib.geodesic import Geodesic

    ring = []
    for i in range(points):
        result = Geodesic.WGS84.Direct(lat, lon, 360.0 * i / points, radius_km * 1000.0)
        ring.append([round(float(result["lon2"]), 5), round(float(result["lat2"]), 5)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def hull_outline(
    points: list[tuple[float, float]],
    centre: tuple[float, float],
    *,
    buffer_km: float = HULL_BUFFER_KM,
    segments: int = 32,
) -> dict[str, Any]:
    """A buffered convex hull around (lat, lon) points, or around the centre if there are none.

    The buffer is the convex hull of every point moved ``buffer_km`` in ``segments`` directions
    (the Minkowski sum of hull and circle), computed in a local km plane. Pure Python on purpose:
    importing shapely and numpy for this cost a tenth of a second on every map.
    """
    lat0 = centre[0]
    x_scale = KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(lat0))
    pool = points or [centre]
    circle = [
        (buffer_km * math.cos(2 * math.pi * i / segments), buffer_km * math.sin(2 * math.pi * i / segments))
        for i in range(segments)
    ]
    cloud = {(lon * x_scale + dx, lat * KM_PER_DEGREE_LAT + dy) for lat, lon in pool for dx, dy in circle}
    hull = _convex_hull(sorted(cloud))
    ring = [[round(x / x_scale, 5), round(y / KM_PER_DEGREE_LAT, 5)] for x, y in hull]
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def _convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain on sorted points; counter-clockwise, without the closing point."""

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for point in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    upper: list[tuple[float, float]] = []
    for point in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]


def region_outline(registry: Registry, region: Region, definition: str | None = None) -> Outline:
    """The outline to draw for ``region`` under ``definition`` (default: the region's own)."""
    chosen = resolve_definition(region, definition)
    boundary = chosen if chosen.type == "boundary" else _boundary_definition(region)
    stored = boundary_path(registry.regions_dir, boundary.boundary) if boundary else None
    if boundary is not None and stored is not None and os.path.lexists(stored):
        from shapely.geometry import mapping

        from lifeport_map.geo import load_boundary

        geometry = dict(mapping(load_boundary(registry.regions_dir, boundary)))
        return Outline(region.id, chosen.id, _rounded(geometry), False, "boundary")
    official = nuts3_outline(chosen.nuts3) if chosen.nuts3 else None
    if official is not None:
        return Outline(region.id, chosen.id, official, False, "nuts3", nuts3_sources(chosen.nuts3))
    members = municipality_outline(m.code for m in chosen.municipalities) if chosen.municipalities else None
    if members is not None:
        from shapely.geometry import mapping

        return Outline(
            region.id, chosen.id, _rounded(dict(mapping(members))), False, "municipalities", ("cbs",)
        )
    if chosen.type == "radius" and chosen.radius_km:
        return Outline(
            region.id,
            chosen.id,
            geodesic_circle(region.centre[0], region.centre[1], chosen.radius_km),
            False,
            "radius",
        )
    sites = region_sites(registry, region, chosen.id)
    points = sorted(
        {
            (s.location.lat, s.location.lon)
            for s in sites
            if s.location.lat is not None and s.location.lon is not None
        }
    )
    return Outline(region.id, chosen.id, hull_outline(points, region.centre), True, "hull")


def _boundary_definition(region: Region) -> RegionDefinition | None:
    return next((d for d in region.definitions if d.type == "boundary"), None)


# --- importing an official boundary file -------------------------------------------------------


def boundary_definition(definition_id: str, relative_path: str, source: str, year: int) -> dict[str, Any]:
    """The region-file entry of an imported boundary."""
    return {
        "id": definition_id,
        "type": "boundary",
        "name": {
            "nl": f"Officiële grens ({Path(source).name})",
            "en": f"Official boundary ({Path(source).name})",
        },
        "boundary": relative_path,
        "source": {
            "year": year,
            "note": f"imported with lifeport-map regions import-boundary from {Path(source).name}",
        },
    }


def boundary_definition_lines(definition_id: str, relative_path: str, source: str, year: int) -> list[str]:
    from lifeport_map.yamlio import dump_block

    return dump_block([boundary_definition(definition_id, relative_path, source, year)], indent=2)


def with_boundary_definition(region_text: str, definition_id: str, lines: list[str], region_file: str) -> str:
    """The region file's text with the boundary definition added, or replaced if it exists
    (the caller decides whether replacing is allowed).

    Works on the text so the rest of the file (comments, order, quoting, line endings) stays as
    written.
    """
    newline = "\r\n" if "\r\n" in region_text else "\n"
    rows = region_text.splitlines()
    start = next((i for i, r in enumerate(rows) if r.startswith("definitions:")), None)
    if start is None:
        raise LifeportError(  # invalid data (exit 1), not a usage error
            msg("boundary.no-definitions", file=region_file), hint=msg("boundary.no-definitions/hint")
        )
    end = next(
        (i for i in range(start + 1, len(rows)) if rows[i] and not rows[i].startswith((" ", "#"))), len(rows)
    )
    while end > start + 1 and not rows[end - 1].strip():
        end -= 1
    items = [i for i in range(start + 1, end) if rows[i].startswith("  - ")]
    replace: tuple[int, int] | None = None
    for n, first in enumerate(items):
        last = items[n + 1] if n + 1 < len(items) else end
        if any(
            rows[j].strip() in (f"- id: {definition_id}", f"id: {definition_id}") for j in range(first, last)
        ):
            replace = (first, last)
    if replace is not None:
        rows[replace[0] : replace[1]] = lines
    else:
        rows[end:end] = lines
    return newline.join(rows) + newline


def boundary_file_name(region_id: str, definition_id: str) -> str:
    """Where an imported boundary is stored, relative to the regions folder: one file per
    region and definition, so importing one definition never overwrites another's file."""
    return f"{BOUNDARY_FOLDER}/{region_id}-{definition_id}.geojson"


def import_boundary(
    boundary_file: Path,
    regions_dir: Path,
    region_id: str,
    *,
    definition_id: str = "boundary",
    year: int,
    replace: bool = False,
    root: Path | None = None,
) -> tuple[Path, Path, list[Text]]:
    """Validate ``boundary_file`` and store it for ``region_id``; returns the two written paths
    and the notes about what an earlier, interrupted run left and this one cleaned up (each in
    either language).

    The import adds a definition. An existing definition of the same id is replaced only with
    ``replace``, and a list of municipalities never. Both files are prepared and checked in full,
    written to temporary files and only then renamed into place, so a failure leaves every file
    as it was. With ``root`` (the data folder, when the user named no regions folder), the
    regions folder must resolve inside it.
    """
    from lifeport_map.fileio import check_inside, clean_up, make_folder, read_bytes, write_files_atomic
    from lifeport_map.registry import max_bytes
    from lifeport_map.schema import SLUG
    from lifeport_map.text import slugify
    from lifeport_map.yamlio import decode, parse

    if not SLUG.match(region_id):  # the id becomes two file names: keep both inside the folder
        raise UsageError(
            msg("boundary.bad-region-id", id=excerpt(region_id)), hint=msg("boundary.bad-region-id/hint")
        )
    if root is not None:
        check_inside(regions_dir, root)
    region_file = regions_dir / f"{region_id}.yaml"
    if not os.path.lexists(region_file):
        known = ", ".join(sorted(p.stem for p in regions_dir.glob("*.yaml")))
        raise UsageError(
            msg("boundary.no-region-file", file=str(region_file)),
            hint=msg("region.unknown/hint", regions=known),
        )
    if slugify(definition_id) != definition_id:
        raise UsageError(
            msg("boundary.bad-definition-id", id=excerpt(definition_id)),
            hint=msg("boundary.bad-definition-id/hint"),
        )
    cleaned = clean_up(region_file)  # what a killed run left; a write in place it began is completed
    original = read_bytes(
        region_file, max_bytes=max_bytes(), root=regions_dir, too_large="yaml.too-large", given_by="--regions"
    )
    region_text = decode(original, region_file)
    old_data = parse(region_text, region_file)
    relative = boundary_file_name(region_id, definition_id)
    _may_store(old_data, region_id, definition_id, relative, regions_dir, replace=replace)
    text = read_geojson_text(boundary_file, given_by="FILE")
    source = str(boundary_file)
    data = loads_geojson(text, source=source)
    collection = boundary_collection(data, source=source, text=text)
    centre = old_data.get("centre") if isinstance(old_data, dict) else None
    if isinstance(centre, dict) and all(number(centre.get(k)) for k in ("lat", "lon")):
        where = geometries(data, None)[0]
        place = str(centre.get("place") or "")
        latlon = (float(centre["lat"]), float(centre["lon"]))
        near_the_centre(collection, latlon, place, region_id, source, where, text)
    item = boundary_definition(definition_id, relative, str(boundary_file), year)
    lines = boundary_definition_lines(definition_id, relative, str(boundary_file), year)
    new_region_text = with_boundary_definition(region_text, definition_id, lines, str(region_file))
    _check_region_text(new_region_text, region_file, old_data, item)
    geojson = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    folder = regions_dir / BOUNDARY_FOLDER
    target = regions_dir / relative
    created = make_folder(folder)
    try:
        notes = write_files_atomic(
            [(target, geojson.encode("utf-8")), (region_file, new_region_text.encode("utf-8"))],
            expected={region_file: original},
        )
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return target, region_file, cleaned + notes


def _may_store(
    data: Any, region_id: str, definition_id: str, relative: str, regions_dir: Path, *, replace: bool
) -> None:
    """Refuse an import that would replace a definition or file without ``replace``, or that
    would replace a list of municipalities at all."""
    definitions = data.get("definitions") if isinstance(data, dict) else None
    if not isinstance(definitions, list):
        raise LifeportError(
            msg("boundary.no-definitions", file=str(regions_dir / (region_id + ".yaml"))),
            hint=msg("boundary.no-definitions/hint"),
        )
    existing = [d for d in definitions if isinstance(d, dict) and d.get("id") == definition_id]
    for definition in existing:
        kind = definition.get("type")
        if kind == "municipalities" or "municipalities" in definition:
            raise UsageError(
                msg("boundary.replaces-municipalities", definition=definition_id, region=region_id),
                hint=msg("boundary.replaces-municipalities/hint", suggestion=f"{definition_id}-boundary"),
            )
        if not replace:
            raise UsageError(
                msg(
                    "boundary.definition-exists",
                    region=region_id,
                    definition=definition_id,
                    kind=excerpt(kind),
                ),
                hint=msg("boundary.definition-exists/hint"),
            )
    users = [
        str(d.get("id"))
        for d in definitions
        if isinstance(d, dict) and d.get("boundary") == relative and d.get("id") != definition_id
    ]
    if users:
        raise UsageError(
            msg("boundary.file-in-use", file=relative, definition=excerpt(users[0])),
            hint=msg("boundary.file-in-use/hint"),
        )
    if os.path.lexists(regions_dir / relative) and not replace:
        raise UsageError(
            msg("boundary.file-exists", file=str(regions_dir / relative)),
            hint=msg("boundary.definition-exists/hint"),
        )


def _check_region_text(text: str, region_file: Path, old_data: Any, item: dict[str, Any]) -> None:
    """Before anything is written: the edited region file must pass the strict loader and hold
    exactly the old data plus the new definition (every other definition unchanged)."""
    import tempfile

    from lifeport_map.registry import default_taxonomy_path, read_regions
    from lifeport_map.taxonomy import load_taxonomy
    from lifeport_map.yamlio import parse

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / region_file.name
        copy.write_text(text, encoding="utf-8")
        regions, issues = read_regions(Path(tmp), load_taxonomy(default_taxonomy_path()))
    errors = [i for i in issues if i.severity == "error"]
    if errors or region_file.stem not in regions:
        first = errors[0] if errors else None
        problem: str | Text = msg("boundary.would-break/unreadable")
        if first is not None:
            problem = first.text if first.text is not None else excerpt(first.message, 120)
        raise LifeportError(
            msg("boundary.would-break", file=str(region_file), problem=problem),
            hint=msg("boundary.would-break/hint"),
        )
    new_data = parse(text, region_file)
    wanted = item["id"]

    def others(data: Any) -> list[Any]:
        return [d for d in data["definitions"] if not (isinstance(d, dict) and d.get("id") == wanted)]

    same_rest = {k: v for k, v in old_data.items() if k != "definitions"} == {
        k: v for k, v in new_data.items() if k != "definitions"
    }
    added = [d for d in new_data["definitions"] if isinstance(d, dict) and d.get("id") == wanted]
    if not (same_rest and others(old_data) == others(new_data) and added == [item]):
        raise LifeportError(
            msg("boundary.not-added", file=str(region_file)), hint=msg("boundary.not-added/hint")
        )
