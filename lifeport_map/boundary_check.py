"""Checking a boundary file (GeoJSON) as a region's outline: WGS84 longitude/latitude, only
polygons, well-formed rings, valid (no self-intersection: refused, never repaired) and at the
region. Used when a boundary is imported (``boundaries.import_boundary``) and whenever a region
that stores one is read (``validate_regions``), so both refuse the same files with the same
line, column and field path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from lifeport_map.errors import YamlError
from lifeport_map.geojson_io import (
    MAX_SHOWN,
    JsonPath,
    Problem,
    geojson_error,
    geojson_errors,
    loads_geojson,
    read_geojson_text,
)
from lifeport_map.messages import Number, Text, msg
from lifeport_map.model import Region
from lifeport_map.text import excerpt


def rounded(value: Any) -> Any:
    """``value`` with every float rounded to 5 decimals (about a metre)."""
    if isinstance(value, float):
        return round(value, 5)
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


_WGS84_NAMES = (
    "urn:ogc:def:crs:OGC:1.3:CRS84",
    "urn:ogc:def:crs:OGC::CRS84",
    "urn:ogc:def:crs:EPSG::4326",
    "EPSG:4326",
    "CRS84",
)


def parse_boundary(text: str, *, source: str) -> dict[str, Any]:
    """Check GeoJSON text as a boundary; see :func:`boundary_collection`."""
    return boundary_collection(loads_geojson(text, source=source), source=source, text=text)


Located = tuple[JsonPath, Any]  # a geometry and the path to it in the file


def boundary_collection(data: Any, *, source: str, text: str | None = None) -> dict[str, Any]:
    """Check parsed GeoJSON and return it as one FeatureCollection of its polygons.

    Raises YamlError (invalid data, exit 1) naming the file, and, given the ``text`` it was
    parsed from, the line, column and field path of the offending value, with a hint, when the
    file is not GeoJSON, is not in WGS84 longitude/latitude, holds no polygon, holds other
    geometry types, or holds a malformed or invalid polygon.
    """
    from shapely.errors import ShapelyError
    from shapely.geometry import mapping
    from shapely.ops import unary_union

    def fail(path: JsonPath, code: str, message: Text, hint: Text) -> YamlError:
        return geojson_error(text, source, path, code, message, hint)

    if not isinstance(data, dict) or data.get("type") not in (
        "FeatureCollection",
        "Feature",
        "Polygon",
        "MultiPolygon",
    ):
        raise fail(
            ("type",) if isinstance(data, dict) and "type" in data else (),
            "boundary.not-geojson",
            msg("boundary.not-geojson"),
            msg("boundary.not-geojson/hint"),
        )
    crs = data.get("crs")
    if isinstance(crs, dict):
        properties = crs.get("properties")
        name = str(properties.get("name", "")) if isinstance(properties, dict) else ""
        if name and name not in _WGS84_NAMES:
            raise fail(
                ("crs", "properties", "name"),
                "boundary.not-wgs84",
                msg("boundary.not-wgs84", crs=excerpt(name)),
                msg("boundary.not-wgs84/hint"),
            )
    located = geometries(data, fail)
    if not located:
        raise fail(
            ("features",)
            if data["type"] == "FeatureCollection"
            else ("geometry",) * (data["type"] == "Feature"),
            "boundary.empty",
            msg("boundary.empty"),
            msg("boundary.empty/hint"),
        )
    found: list[Problem] = []  # every problem, in the order of the file
    uncounted = 0  # malformed positions beyond the first MAX_SHOWN problems: counted, not kept
    polygons: list[Any] = []
    for n, (where, geometry) in enumerate(located):
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            kind = (
                excerpt(geometry.get("type"))
                if isinstance(geometry, dict)
                else msg("boundary.not-polygon/not-an-object")
            )
            found.append(
                (
                    (*where, "type") if isinstance(geometry, dict) and "type" in geometry else where,
                    "boundary.not-polygon",
                    msg("boundary.not-polygon", kind=kind),
                    msg("boundary.not-polygon/hint"),
                )
            )
            continue
        problems = 0
        for path, message, hint in _coordinates_problems(geometry):
            problems += 1
            if len(found) < MAX_SHOWN:  # the rest are counted only (their message never made)
                found.append(((*where, "coordinates", *path), "boundary.malformed", message(), hint))
            else:
                uncounted += 1
        if problems:
            continue
        try:
            polygon = _shape(geometry)
        except (ValueError, TypeError, AttributeError, IndexError, KeyError, ShapelyError) as exc:
            found.append(
                (
                    (*where, "coordinates"),
                    "boundary.malformed",
                    msg("boundary.malformed", problem=excerpt(exc, 80)),
                    msg("boundary.malformed/hint"),
                )
            )
            continue
        polygons.append(polygon)
        # An invalid polygon is refused, never "repaired": buffer(0) or make_valid can keep
        # only a part of a self-intersecting ring (half the area of a bow tie).
        if not polygon.is_valid:
            from shapely.validation import explain_validity

            why = explain_validity(polygon)
            found.append(
                (
                    (*where, "coordinates", *_vertex_near(polygon, why)),
                    "boundary.invalid-polygon",
                    msg("boundary.invalid-polygon", n=n + 1, problem=_why_invalid(why)),
                    msg("boundary.invalid-polygon/hint"),
                )
            )
    if found:
        raise geojson_errors(text, source, found, total=len(found) + uncounted)
    try:
        merged = unary_union(polygons)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, ShapelyError) as exc:
        raise fail(
            (*located[0][0], "coordinates"),
            "boundary.malformed",
            msg("boundary.malformed", problem=excerpt(exc, 80)),
            msg("boundary.malformed/hint"),
        ) from None
    if merged.is_empty:
        raise fail(
            (*located[0][0], "coordinates"),
            "boundary.empty",
            msg("boundary.empty/polygons"),
            msg("boundary.check-the-file"),
        )
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": rounded(dict(mapping(merged)))}],
    }


# Why GEOS finds a polygon invalid (``explain_validity``: the reason, then the point in
# brackets), by the reason's English words: the catalogue's key of each.
_WHY_INVALID = {
    "Self-intersection": "geos.self-intersection",
    "Ring Self-intersection": "geos.ring-self-intersection",
    "Hole lies outside shell": "geos.hole-outside-shell",
    "Holes are nested": "geos.nested-holes",
    "Interior is disconnected": "geos.disconnected-interior",
    "Nested shells": "geos.nested-shells",
    "Duplicate Rings": "geos.duplicate-rings",
    "Too few distinct points in geometry component": "geos.too-few-points",
    "Invalid Coordinate": "geos.invalid-coordinate",
    "Ring is not closed": "geos.ring-not-closed",
    "Repeated Point": "geos.repeated-point",
}


def _why_invalid(why: str) -> Text:
    """GEOS's reason (``Self-intersection[5.9 51.85]``) as a message of the catalogue: in
    English GEOS's words, in Dutch the catalogue's, the point as GEOS gives it."""
    reason, bracket, rest = why.partition("[")
    key = _WHY_INVALID.get(reason.strip())
    if key is None:
        return msg("geos.other", problem=excerpt(why, 80))
    return msg(key, at=msg("geos.at", point=excerpt(bracket + rest, 60)) if bracket else "")


def geometries(data: dict[str, Any], fail: Any) -> list[Located]:
    """The file's geometries (those that are not null), each with its path in the file."""
    if data["type"] == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise fail(
                ("features",),
                "boundary.not-geojson",
                msg("boundary.not-geojson/features"),
                msg("boundary.check-the-file"),
            )
        if fail is not None:
            for i, feature in enumerate(features):
                if not isinstance(feature, dict):
                    raise fail(
                        ("features", i),
                        "boundary.not-geojson",
                        msg("boundary.not-geojson/feature"),
                        msg("boundary.not-geojson/feature-hint"),
                    )
        found: list[Located] = [
            (("features", i, "geometry"), f.get("geometry"))
            for i, f in enumerate(features)
            if isinstance(f, dict)
        ]
    elif data["type"] == "Feature":
        found = [(("geometry",), data.get("geometry"))]
    else:
        found = [((), data)]
    return [(where, g) for where, g in found if g]


def number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _coordinates_problems(geometry: dict[str, Any]) -> Iterator[tuple[JsonPath, Callable[[], Text], Text]]:
    """Every malformed part of a polygon's coordinates: its path below ``coordinates``, what is
    wrong (made when called: a file can have 600,000 wrong positions, of which the first 50 are
    shown) and a hint; nothing when every ring is a list of at least four positions of
    longitude and latitude in range."""
    coordinates = geometry.get("coordinates")
    polygons: list[tuple[JsonPath, Any]]
    if geometry.get("type") == "Polygon":
        polygons = [((), coordinates)]
    elif isinstance(coordinates, list):
        polygons = [((p,), polygon) for p, polygon in enumerate(coordinates)]
    else:
        polygons = [((), coordinates)]
    if all(_rings_fine(rings) for _, rings in polygons):
        return
    shape_hint, range_hint = msg("boundary.malformed/shape-hint"), msg("boundary.malformed/range-hint")

    def said(key: str) -> Callable[[], Text]:
        text = msg(key)
        return lambda: text

    no_rings, short, not_a_position, not_numbers, open_ring = (
        said(f"boundary.malformed/{key}") for key in ("rings", "ring", "position", "numbers", "not-closed")
    )

    def out_of_range(position: list[Any]) -> Callable[[], Text]:
        # the position as the file has it (a code, the same in each language)
        return lambda: msg("boundary.malformed/range", lon=f"{position[0]:g}", lat=f"{position[1]:g}")

    for where, rings in polygons:
        if not isinstance(rings, list) or not rings:
            yield where, no_rings, shape_hint
            continue
        for r, ring in enumerate(rings):
            if not isinstance(ring, list) or len(ring) < 4:
                yield (*where, r), short, shape_hint
                continue
            for k, position in enumerate(ring):
                at = (*where, r, k)
                if not isinstance(position, list) or not 2 <= len(position) <= 3:
                    yield at, not_a_position, shape_hint
                elif not all(number(v) for v in position):
                    yield at, not_numbers, shape_hint
                elif not (-180 <= position[0] <= 180 and -90 <= position[1] <= 90):
                    yield at, out_of_range(position), range_hint
            ends = [p[:2] if isinstance(p, list) else None for p in (ring[0], ring[-1])]
            if ends[0] != ends[1]:
                yield (*where, r, len(ring) - 1), open_ring, shape_hint


def _rings_fine(rings: Any) -> bool:
    """The quick check (in numpy) that :func:`_coordinates_problems` walks position by position
    only when it fails, to say where."""
    import numpy as np

    if not isinstance(rings, list) or not rings:
        return False
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return False
        try:
            positions = np.array(ring)
        except ValueError:  # positions of different lengths
            return False
        if positions.ndim != 2 or positions.shape[1] not in (2, 3) or positions.dtype.kind not in "iuf":
            return False
        lon, lat = positions[:, 0], positions[:, 1]
        if not (np.all((lon >= -180) & (lon <= 180)) and np.all((lat >= -90) & (lat <= 90))):
            return False
        if not np.array_equal(positions[0, :2], positions[-1, :2]):  # not closed
            return False
    return True


def _shape(geometry: dict[str, Any]) -> Any:
    from shapely.geometry import shape

    return shape(geometry)


def _vertex_near(polygon: Any, why: str) -> JsonPath:
    """The path (below ``coordinates``) of the vertex that starts the edge nearest to the point
    ``explain_validity`` names (``Self-intersection[5.9 51.85]``); () when it names none."""
    import numpy as np
    import shapely
    from shapely.geometry import Point

    match = re.search(r"\[(-?[0-9.eE+-]+) (-?[0-9.eE+-]+)\]", why)
    if match is None:
        return ()
    point = Point(float(match.group(1)), float(match.group(2)))
    multi = polygon.geom_type == "MultiPolygon"
    edges: list[tuple[float, JsonPath]] = []
    for p, part in enumerate(polygon.geoms if multi else [polygon]):
        for r, ring in enumerate([part.exterior, *part.interiors]):
            coords = np.asarray(ring.coords)
            lines = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
            distances = shapely.distance(lines, point)
            k = int(np.argmax(distances <= distances.min() + 1e-9))
            edges.append((float(distances[k]), ((p,) if multi else ()) + (r, k)))
    if not edges:
        return ()
    nearest = min(d for d, _ in edges)
    # the first edge through the point (two cross there; rounding must not decide which)
    return next(path for d, path in edges if d <= nearest + 1e-9)


NEAR_KM = 25.0  # how far an imported boundary may lie from its region's centre
REACH_KM = 250.0  # how far from its centre a region's boundary may reach (NL is 300 km long)


def _km_from(geometry: Any, lat: float, lon: float) -> float:
    """Distance in km from (lat, lon) to ``geometry`` (0 inside it), in a local equirectangular
    projection around that point (close enough at these distances)."""
    import shapely
    from shapely.geometry import Point

    scale = 111.195 * math.cos(math.radians(lat))
    local = shapely.transform(geometry, lambda xy: (xy - [lon, lat]) * [scale, 111.195])
    return float(local.distance(Point(0.0, 0.0)))


def _reach_km(geometry: Any, lat: float, lon: float) -> float:
    """The largest distance in km from (lat, lon) to a vertex of ``geometry`` (same local
    projection as :func:`_km_from`)."""
    import numpy as np
    import shapely

    scale = 111.195 * math.cos(math.radians(lat))
    xy = (shapely.get_coordinates(geometry) - [lon, lat]) * [scale, 111.195]
    return float(np.sqrt((xy**2).sum(axis=1)).max()) if len(xy) else 0.0


def near_the_centre(
    collection: dict[str, Any],
    centre: tuple[float, float],
    place: str,
    region_id: str,
    source: str,
    located: Located,
    text: str | None,
) -> None:
    """Refuse a boundary that does not lie at its region: swapped latitude and longitude
    (reported at the first position), or another region's file (at the first geometry); the map
    would zoom out to show it."""
    import shapely
    from shapely.geometry import shape

    lat, lon = centre
    geometry = shape(collection["features"][0]["geometry"])
    km = _km_from(geometry, lat, lon)
    reach = _reach_km(geometry, lat, lon)
    if km <= NEAR_KM and reach > REACH_KM:
        where, _first = located
        raise geojson_error(
            text,
            source,
            (*where, "coordinates"),
            "boundary.too-large",
            msg(
                "boundary.too-large/reach",
                km=Number(reach, 0),
                region=region_id,
                place=excerpt(place or f"{lat}, {lon}"),
                limit=Number(REACH_KM, 0),
            ),
            msg("boundary.too-large/reach-hint"),
        )
    if km <= NEAR_KM:
        return
    place = excerpt(place or f"{lat}, {lon}")
    swapped = shapely.transform(geometry, lambda xy: xy[:, ::-1])
    where, first = located
    if _km_from(swapped, lat, lon) <= NEAR_KM:
        raise geojson_error(
            text,
            source,
            (*where, "coordinates", *_first_position(first.get("coordinates"))),
            "boundary.swapped",
            msg("boundary.swapped", km=Number(km, 0), region=region_id, place=place),
            msg("boundary.swapped/hint"),
        )
    raise geojson_error(
        text,
        source,
        (*where, "coordinates"),
        "boundary.elsewhere",
        msg("boundary.elsewhere", km=Number(km, 0), region=region_id, place=place, limit=Number(NEAR_KM, 0)),
        msg("boundary.elsewhere/hint"),
    )


def _first_position(coordinates: Any) -> JsonPath:
    """The path of the first [longitude, latitude] in polygon coordinates."""
    path: list[str | int] = []
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        path.append(0)
        coordinates = coordinates[0]
    return tuple(path)


def check_boundary_file(
    path: Path, *, root: Path, region: Region, source: str | None = None, raw: bytes | None = None
) -> None:
    """Check a stored boundary file as ``import-boundary`` checked it (GeoJSON in WGS84,
    valid polygons, at the region): run whenever the region is read. Raises YamlError at the
    file's line, column and field (an ``io.*`` one for a file that may not be read)."""
    source = source or str(path)
    text = read_geojson_text(path, root=root, source=source, raw=raw, given_by="--regions")
    data = loads_geojson(text, source=source)
    collection = boundary_collection(data, source=source, text=text)
    located = geometries(data, None)[0]
    near_the_centre(collection, region.centre, region.centre_place, region.id, source, located, text)
