"""Region outlines for maps, and importing official boundary files.

An outline is drawn from the region's definition: a stored boundary file (Eurostat GISCO NUTS
or CBS GeoJSON, imported with ``regions import-boundary``) is official; a radius definition is
an exact geodesic circle; a list of municipalities without a boundary file is drawn as a
buffered hull around its member sites and labelled approximate, because the tool ships no
municipal polygons.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lifeport_map.errors import UsageError
from lifeport_map.geo import boundary_path, region_sites, resolve_definition
from lifeport_map.model import Region, RegionDefinition, Registry

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
    kind: str  # boundary | radius | hull


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
    if boundary is not None and stored is not None and stored.is_file():
        from shapely.geometry import mapping

        from lifeport_map.geo import load_boundary

        geometry = dict(mapping(load_boundary(registry.regions_dir, boundary)))
        return Outline(region.id, chosen.id, _rounded(geometry), False, "boundary")
    if chosen.type == "radius" and chosen.radius_km:
        return Outline(
            region.id,
            chosen.id,
            geodesic_circle(region.centre[0], region.centre[1], chosen.radius_km),
            False,
            "radius",
        )
    members = region_sites(registry, region, chosen.id)
    points = sorted(
        {
            (s.location.lat, s.location.lon)
            for s in members
            if s.location.lat is not None and s.location.lon is not None
        }
    )
    return Outline(region.id, chosen.id, hull_outline(points, region.centre), True, "hull")


def _boundary_definition(region: Region) -> RegionDefinition | None:
    return next((d for d in region.definitions if d.type == "boundary"), None)


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 5)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


# --- importing an official boundary file -------------------------------------------------------

_WGS84_NAMES = (
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
    "CRS84",
)


def parse_boundary(text: str, *, source: str) -> dict[str, Any]:
    """Check a GeoJSON boundary file and return it as one FeatureCollection of its polygons.

    Raises UsageError naming the file and saying how to fix it when the file is not GeoJSON,
    is not in WGS84 longitude/latitude, holds no polygon, or holds other geometry types.
    """
    from shapely.geometry import mapping, shape
    from shapely.ops import unary_union

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{source}:{exc.lineno}:{exc.colno}: not a GeoJSON file ({exc.msg})",
            hint="download the GeoJSON variant of the boundary file "
            "(GISCO: format 'GeoJSON', projection 'EPSG:4326')",
        ) from None
    if not isinstance(data, dict) or data.get("type") not in (
        "FeatureCollection",
        "Feature",
        "Polygon",
        "MultiPolygon",
    ):
        raise UsageError(
            f"{source}: not a GeoJSON FeatureCollection, Feature or polygon",
            hint='give a GeoJSON file whose top level has "type": "FeatureCollection"',
        )
    crs = data.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", ""))
        if name and name not in _WGS84_NAMES:
            raise UsageError(
                f"{source}: coordinates are in {name}, not WGS84 longitude/latitude",
                hint="download the file in EPSG:4326 (GISCO offers 4326, 3035 "
                "and 3857; choose 4326) or reproject it first",
            )
    if data["type"] == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise UsageError(f"{source}: 'features' is not a list", hint="check the file")
        geometries = [f.get("geometry") for f in features if isinstance(f, dict)]
    elif data["type"] == "Feature":
        geometries = [data.get("geometry")]
    else:
        geometries = [data]
    geometries = [g for g in geometries if g]
    if not geometries:
        raise UsageError(
            f"{source}: the file holds no geometry",
            hint="download the boundary of the region itself, not an empty layer",
        )
    kinds = sorted({str(g.get("type")) for g in geometries if isinstance(g, dict)})
    wrong = [k for k in kinds if k not in ("Polygon", "MultiPolygon")]
    if wrong:
        raise UsageError(
            f"{source}: expected polygons, found {', '.join(wrong)}",
            hint="a region boundary must be a Polygon or MultiPolygon layer",
        )
    try:
        shapes = [shape(g) for g in geometries]
    except (ValueError, TypeError, AttributeError, IndexError) as exc:
        raise UsageError(
            f"{source}: a polygon is malformed ({exc})",
            hint="check the file in a GIS (QGIS: Vector > Check validity)",
        ) from None
    merged = unary_union([s if s.is_valid else s.buffer(0) for s in shapes])
    if merged.is_empty:
        raise UsageError(f"{source}: the polygons are empty", hint="check the file")
    minx, miny, maxx, maxy = merged.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise UsageError(
            f"{source}: coordinates are not longitude/latitude "
            f"(bounds {minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f})",
            hint="download the file in EPSG:4326 or reproject it first",
        )
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": _rounded(dict(mapping(merged)))}],
    }


def boundary_definition_lines(definition_id: str, relative_path: str, source: str, year: int) -> list[str]:
    from lifeport_map.yamlio import dump_block

    item = {
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
    return dump_block([item], indent=2)


def with_boundary_definition(region_text: str, definition_id: str, lines: list[str]) -> str:
    """The region file's text with the boundary definition added, or replaced if it exists.

    Works on the text so the rest of the file (comments, order, quoting) stays as written.
    """
    rows = region_text.splitlines()
    start = next((i for i, r in enumerate(rows) if r.startswith("definitions:")), None)
    if start is None:
        raise UsageError(
            "the region file has no 'definitions:' list", hint="add the region's definitions first"
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
    return "\n".join(rows) + "\n"


def import_boundary(
    boundary_file: Path, regions_dir: Path, region_id: str, *, definition_id: str = "boundary", year: int
) -> tuple[Path, Path]:
    """Validate ``boundary_file`` and store it for ``region_id``; returns the two written paths.

    Both files are prepared and checked in full before either is written, and each is written
    atomically, so a failure leaves the regions folder as it was.
    """
    from lifeport_map.errors import OutputError
    from lifeport_map.fileio import write_text_atomic
    from lifeport_map.schema import SLUG
    from lifeport_map.text import slugify

    if not SLUG.match(region_id):  # the id becomes two file names: keep both inside the folder
        raise UsageError(
            f"region id '{region_id}' is not an id",
            hint="give the region's id (lower-case letters, digits and hyphens), e.g. nijmegen",
        )
    region_file = regions_dir / f"{region_id}.yaml"
    if not region_file.is_file():
        known = ", ".join(sorted(p.stem for p in regions_dir.glob("*.yaml")))
        raise UsageError(f"no region file {region_file}", hint=f"known regions: {known}")
    if slugify(definition_id) != definition_id:
        raise UsageError(
            f"definition id '{definition_id}' is not a slug",
            hint="use lower-case letters, digits and hyphens, e.g. nuts3-nl226",
        )
    try:
        text = boundary_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{boundary_file}: file not found", hint="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(
            f"cannot read {boundary_file}: {exc}", hint="give a readable UTF-8 GeoJSON file"
        ) from None
    collection = parse_boundary(text, source=str(boundary_file))
    relative = f"{BOUNDARY_FOLDER}/{region_id}.geojson"
    region_text = region_file.read_text(encoding="utf-8")
    lines = boundary_definition_lines(definition_id, relative, str(boundary_file), year)
    new_region_text = with_boundary_definition(region_text, definition_id, lines)
    _check_region_text(new_region_text, region_file)
    geojson = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    folder = regions_dir / BOUNDARY_FOLDER
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create {folder}: {exc.strerror}", hint="check that the regions folder is writable"
        ) from None
    target = folder / f"{region_id}.geojson"
    write_text_atomic(target, geojson)
    write_text_atomic(region_file, new_region_text)
    return target, region_file


def _check_region_text(text: str, region_file: Path) -> None:
    """Parse the edited region file with the strict loader before anything is written."""
    import tempfile

    from lifeport_map.registry import default_taxonomy_path, read_regions
    from lifeport_map.taxonomy import load_taxonomy

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / region_file.name
        copy.write_text(text, encoding="utf-8")
        regions, issues = read_regions(Path(tmp), load_taxonomy(default_taxonomy_path()))
    errors = [i for i in issues if i.severity == "error"]
    if errors or region_file.stem not in regions:
        detail = errors[0].message if errors else "the region could not be read back"
        raise UsageError(
            f"{region_file}: adding the boundary definition would break the file ({detail})",
            hint="fix the region file by hand, then import again",
        )
