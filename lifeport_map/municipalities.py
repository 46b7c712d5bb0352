"""The shipped Dutch municipality polygons (data/boundaries/gemeenten-nl.geojson, CBS 2025) and
how far a point lies outside the municipality it names: read by the validator
(coordinates.outside-municipality) and by the region outlines, below both.

Only Dutch municipality polygons are shipped: no Belgian or German municipality polygons with an
open licence were at hand (see data/README.md), so sites elsewhere are not checked against a
polygon. Their names are checked against the official lists shipped in data/municipalities/
(Statbel REFNIS for Belgium, Destatis AGS for Germany; scripts/build_municipalities.py).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from lifeport_map.countries import Banded, banded, in_banded, shipped_features
from lifeport_map.model import Region
from lifeport_map.text import fold

# How far outside its municipality a site may lie before validate warns, by coordinate precision
# (km). The polygons are generalised (about 100-300 m), and place-level coordinates are those
# of a town centre, which the gazetteer may put a little off; beyond this it is clearly outside.
OUTSIDE_TOLERANCE_KM = {"site": 1.0, "campus": 1.0, "place": 3.0}
DEFAULT_TOLERANCE_KM = 3.0
KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_EQUATOR = 111.320
# CBS tells apart municipalities of the same name with a province suffix: "Hengelo (O.)".
_SUFFIX = re.compile(r"\s*\([^)]*\)$")
# The countries whose full official municipality list is shipped, and where it comes from.
OFFICIAL_LISTS = {"NL": "CBS", "BE": "Statbel", "DE": "Destatis"}


@cache
def municipality_features() -> dict[str, dict[str, Any]]:
    """The shipped Dutch municipality polygons (CBS gemeenten 2025, generalised) by CBS code."""
    return {f["properties"]["code"]: f for f in shipped_features("gemeenten-nl.geojson")}


@cache
def official_municipalities(country: str) -> dict[str, str]:
    """Folded name -> official name of every municipality on ``country``'s shipped official list
    (empty for a country without one): NL the CBS names of the shipped polygons; BE Statbel's
    Dutch and French names; DE Destatis' names, also without the designation Destatis appends
    after a comma ("Marburg, Universitätsstadt" is also known as "Marburg")."""
    from lifeport_map.paths import data_dir

    names: dict[str, str] = {}
    if country == "NL":
        for feature in municipality_features().values():
            name = str(feature["properties"]["name"])
            names.setdefault(fold(name), name)
        return names
    path = data_dir() / "municipalities" / f"{country.lower()}.csv"
    if country not in OFFICIAL_LISTS or not path.is_file():
        return names
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)  # not DictReader: a third of the time at 10,000 rows
        header = next(rows, [])
        columns = [header.index(c) for c in (("name_nl", "name_fr") if country == "BE" else ("name",))]
        for row in rows:
            if country == "BE":
                for name in (row[columns[0]], row[columns[1]]):
                    names.setdefault(fold(name), name)
            else:
                name = row[columns[0]]
                names.setdefault(fold(name), name)
                names.setdefault(fold(name.split(",", 1)[0]), name)
    return names


@cache
def official_codes(country: str) -> dict[str, tuple[str, ...]]:
    """Official code -> the municipality's official names (folded) on ``country``'s shipped list
    (empty for a country without one): NL the CBS code and name (also without CBS's province
    suffix, "Hengelo (O.)" is also "Hengelo"); BE the NIS code with the Dutch and French names;
    DE the AGS with Destatis' name, also without its designation ("Marburg, Universitätsstadt")."""
    from lifeport_map.paths import data_dir

    codes: dict[str, tuple[str, ...]] = {}
    if country == "NL":
        for code, feature in municipality_features().items():
            name = str(feature["properties"]["name"])
            codes[code] = tuple(dict.fromkeys((fold(name), fold(_SUFFIX.sub("", name)))))
        return codes
    path = data_dir() / "municipalities" / f"{country.lower()}.csv"
    if country not in OFFICIAL_LISTS or not path.is_file():
        return codes
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, [])
        key = header.index("nis" if country == "BE" else "ags")
        columns = [header.index(c) for c in (("name_nl", "name_fr") if country == "BE" else ("name",))]
        for row in rows:
            names = [row[c] for c in columns]
            if country == "DE":
                names.append(names[0].split(",", 1)[0])
            codes[row[key]] = tuple(dict.fromkeys(fold(n) for n in names))
    return codes


@cache
def _smallest_area() -> float:
    """The area (square degrees) of the smallest shipped municipality polygon."""
    from shapely.geometry import shape

    return float(min(shape(f["geometry"]).area for f in municipality_features().values()))


def municipality_outline(codes: Iterable[str]) -> Any | None:
    """The union (a shapely geometry) of the shipped polygons of the municipality ``codes``, or
    None when a code is not shipped (a Belgian or German code, or an unknown one)."""
    shipped = municipality_features()
    wanted = sorted(set(codes))
    if not wanted or any(c not in shipped for c in wanted):
        return None
    from shapely.geometry import MultiPolygon, Polygon, shape
    from shapely.ops import unary_union

    union = unary_union([shape(shipped[c]["geometry"]) for c in wanted])
    # The shipped polygons are generalised, so neighbours do not always share their edges: the
    # union keeps the slit between Arnhem and Rheden as a hole, drawn as a stray line inside
    # the outline. A hole smaller than every municipality cannot be one left out of the list.
    smallest = _smallest_area()
    parts = [union] if isinstance(union, Polygon) else list(getattr(union, "geoms", []))
    if not any(Polygon(ring).area < smallest for part in parts for ring in part.interiors):
        return union
    kept = [
        Polygon(part.exterior, [ring for ring in part.interiors if Polygon(ring).area >= smallest])
        for part in parts
    ]
    return kept[0] if isinstance(union, Polygon) else MultiPolygon(kept)


def name_index(regions: Iterable[Region]) -> dict[str, str]:
    """Folded municipality name -> CBS code: the CBS names (also without a province suffix when
    that leaves the name unique) and the names and aliases the region files give the codes."""
    index: dict[str, str] = {}
    plain: dict[str, set[str]] = {}
    for code, feature in municipality_features().items():
        name = feature["properties"]["name"]
        index[fold(name)] = code
        plain.setdefault(fold(_SUFFIX.sub("", name)), set()).add(code)
    for name, codes in plain.items():
        if len(codes) == 1:
            index.setdefault(name, next(iter(codes)))
    for region in regions:
        for definition in region.definitions:
            for member in definition.municipalities:
                if member.code in municipality_features():
                    for name in (member.name, *member.aliases):
                        index.setdefault(fold(name), member.code)
    return index


def _km(lon: float, lat: float) -> tuple[float, float]:
    """A point in a plane of kilometres: east-west distances exact at the point's latitude."""
    return (lon * KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(lat)), lat * KM_PER_DEGREE_LAT)


@cache
def _shapes_km() -> dict[str, Any]:
    """Each shipped municipality polygon in the kilometre plane, prepared."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    def to_km(xy: Any) -> Any:
        x = xy[:, 0] * KM_PER_DEGREE_LON_EQUATOR * np.cos(np.radians(xy[:, 1]))
        return np.column_stack([x, xy[:, 1] * KM_PER_DEGREE_LAT])

    out = {}
    for code, feature in municipality_features().items():
        polygon = shapely.transform(shape(feature["geometry"]), to_km)
        shapely.prepare(polygon)
        out[code] = polygon
    return out


@cache
def _banded_municipality(code: str) -> Banded:
    return banded(municipality_features()[code]["geometry"])


def inside_municipality(code: str, lat: float, lon: float) -> bool:
    """Does (lat, lon) lie inside the polygon of municipality ``code``, in degrees and pure
    Python (``countries.in_banded``: no numpy or shapely to import)? A point inside lies within
    metres of the kilometre-plane polygon ``km_outside`` measures against (an edge of 10 km
    bends by about 3 m between the two planes), far below every ``OUTSIDE_TOLERANCE_KM``: so
    True settles "not outside", and False means "ask ``km_outside``"."""
    return in_banded(_banded_municipality(code), lat, lon)


def km_outside(code: str, lat: float, lon: float) -> float:
    """How far (km) the point lies outside municipality ``code``; 0.0 inside it."""
    from shapely.geometry import Point

    polygon = _shapes_km()[code]
    point = Point(*_km(lon, lat))
    return 0.0 if polygon.contains(point) else float(polygon.distance(point))


def municipality_at(lat: float, lon: float) -> str | None:
    """The code of the shipped municipality that contains the point, or None."""
    from shapely.geometry import Point

    point = Point(*_km(lon, lat))
    return next((code for code, polygon in sorted(_shapes_km().items()) if polygon.contains(point)), None)


def municipality_name(code: str) -> str:
    name: str = municipality_features()[code]["properties"]["name"]
    return name
