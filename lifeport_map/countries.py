"""The shipped country polygons (data/boundaries/countries.geojson) and which country a point
lies in: read by the validator (coordinates.outside-country) and by the maps, below both.
"""

from __future__ import annotations

import itertools
import json
import math
from functools import cache
from typing import Any

# Simplified polygons and place-level coordinates: a site within this distance of its country
# (in degrees, about 3 km) is taken to be in it.
COUNTRY_TOLERANCE_DEGREES = 0.03


def shipped_features(name: str) -> list[dict[str, Any]]:
    from lifeport_map.paths import data_dir

    path = data_dir() / "boundaries" / name
    features: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return features


# NUTS 2024 recoded Zuid-Holland (NL33x became NL36x, same areas); region files may use either.
NUTS_CODE_CHANGES = {"NL332": "NL361", "NL333": "NL362", "NL33C": "NL366"}


@cache
def nuts3_features() -> dict[str, dict[str, Any]]:
    """The shipped NUTS-3 polygons (Eurostat GISCO, NUTS 2024, 1:10 million; Twente's is CBS's
    COROP polygon, property ``source``) by NUTS id."""
    return {f["properties"]["id"]: f for f in shipped_features("nuts3.geojson")}


@cache
def country_features() -> dict[str, dict[str, Any]]:
    """The shipped country polygons (Natural Earth 1:10 million, clipped to north-west Europe)
    by ISO 3166 alpha-2 code."""
    return {f["properties"]["iso"]: f for f in shipped_features("countries.geojson")}


@cache
def _country_shapes() -> dict[str, tuple[Any, Any]]:
    """Per country: its polygon, and the polygon grown by the tolerance (both prepared)."""
    import shapely
    from shapely.geometry import shape

    out = {}
    for iso, feature in country_features().items():
        polygon = shape(feature["geometry"])
        grown = polygon.buffer(COUNTRY_TOLERANCE_DEGREES)
        shapely.prepare(polygon)
        shapely.prepare(grown)
        out[iso] = (polygon, grown)
    return out


def countries_at(points: list[tuple[float, float]]) -> list[tuple[str | None, frozenset[str]]]:
    """For each (lat, lon): the shipped country that contains it (or None), and every country
    it lies in or within the tolerance of. Vectorised: 10,000 points take milliseconds."""
    import numpy as np
    import shapely

    lats = np.array([p[0] for p in points], dtype=float)
    lons = np.array([p[1] for p in points], dtype=float)
    inside: list[str | None] = [None] * len(points)
    near: list[set[str]] = [set() for _ in points]
    for iso, (polygon, grown) in sorted(_country_shapes().items()):
        for i in np.flatnonzero(shapely.contains_xy(grown, lons, lats)):
            near[i].add(iso)
        for i in np.flatnonzero(shapely.contains_xy(polygon, lons, lats)):
            inside[i] = iso
    return [(inside[i], frozenset(near[i])) for i in range(len(points))]


# The latitude bands of the pure-Python point-in-polygon test (``in_country``): each band lists
# the border edges that cross it, so a point is tested against a few edges, not all of them.
BAND_DEGREES = 0.1

Edge = tuple[float, float, float, float]  # lon, lat of one end; lon, lat of the other


Banded = tuple[tuple[float, float, float, float], dict[int, list[Edge]]]


@cache
def _banded_edges() -> dict[str, Banded]:
    """Per country: ``banded`` of its polygon."""
    return {iso: banded(feature["geometry"]) for iso, feature in country_features().items()}


def banded(geometry: dict[str, Any]) -> Banded:
    """A GeoJSON Polygon's or MultiPolygon's bounding box (west, south, east, north) and its
    border's edges (every ring of every polygon, holes included) by latitude band."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    bands: dict[int, list[Edge]] = {}
    lons: list[float] = []
    lats: list[float] = []
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in itertools.pairwise(ring):
                for band in range(
                    math.floor(min(y1, y2) / BAND_DEGREES), math.floor(max(y1, y2) / BAND_DEGREES) + 1
                ):
                    bands.setdefault(band, []).append((x1, y1, x2, y2))
            lons += [p[0] for p in ring]
            lats += [p[1] for p in ring]
    return (min(lons), min(lats), max(lons), max(lats)), bands


def in_banded(shape: Banded, lat: float, lon: float) -> bool:
    """Does (lat, lon) lie inside the polygon of ``shape`` (``banded``)? Even-odd ray casting
    in pure Python; a point on the border may come out either way."""
    (west, south, east, north), bands = shape
    if not (west <= lon <= east and south <= lat <= north):
        return False
    inside = False
    for x1, y1, x2, y2 in bands.get(math.floor(lat / BAND_DEGREES), ()):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def in_country(country: str | None, lat: float, lon: float) -> bool:
    """Does (lat, lon) lie inside the shipped polygon of ``country``? Even-odd ray casting in
    pure Python (no numpy or shapely to import): a point inside is certainly within the
    tolerance of ``countries_at`` too. False for a country not shipped; a point on the border
    may come out either way, which is why False means "ask ``countries_at``", never "outside"."""
    shape = _banded_edges().get(country or "")
    return shape is not None and in_banded(shape, lat, lon)
