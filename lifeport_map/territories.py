"""Which larger place's own territory a place of the gazetteer lies in: the data behind the maps'
rule that names a city once, not its districts (``gazetteer.district_of``).

GeoNames lists a city's districts as places of their own and the shipped extract has no feature
code to tell them from towns, but three official sources say where a city's territory ends: a
Dutch municipality's polygon (CBS) named after a place, a German city that is a NUTS-3 region of
its own (GISCO names it "Dresden, Kreisfreie Stadt" or "..., Stadtkreis"), and GeoNames' own
alternate names of a Belgian municipality's sections ("Leuven (Kessel-Lo)", "Brussel
(Oudergem)") and of a city's districts ("Berlin-Köpenick"). The same polygons also say when two
places lie in different municipalities (``place_areas``), so that neither is the other's district.
Computed once by ``scripts/build_territories.py`` into ``data/gazetteer/territories.json``; a
test keeps the two equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lifeport_map.gazetteer import CITIES_MIN_POPULATION, Place, distance_km, load_gazetteer
from lifeport_map.text import fold

# GISCO's names of the German NUTS-3 regions that are one city ("Dresden, Kreisfreie Stadt").
CITY_REGION = re.compile(r"^(?P<city>.+), (?:Kreisfreie Stadt|Stadtkreis)$")
# CBS tells apart municipalities of the same name with a province suffix: "Hengelo (O.)".
_PROVINCE = re.compile(r"\s*\([^)]*\)$")
# GeoNames' alternate name of a section of a municipality: "Municipality (Section)".
_SECTION = re.compile(r"^(?P<whole>.+) \((?P<part>[^()]+)\)$")
# A section's municipality is the most populous place of that name within this distance (km):
# "Essen (Oldenburg)" names a region, not the city of Oldenburg 60 km away.
SECTION_KM = 25.0


def territory_areas(
    municipalities: Iterable[dict[str, Any]], nuts3: Iterable[dict[str, Any]]
) -> list[tuple[str, str, str, Any]]:
    """(source, country, name of the place it is the territory of, GeoJSON geometry) of every
    Dutch municipality and every NUTS-3 region that is one city."""
    areas = [
        ("cbs", "NL", _PROVINCE.sub("", str(f["properties"]["name"])), f["geometry"]) for f in municipalities
    ]
    for feature in nuts3:
        found = CITY_REGION.match(str(feature["properties"]["name"]))
        if found:
            areas.append(("gisco", str(feature["properties"]["id"])[:2], found["city"], feature["geometry"]))
    return areas


def territories(
    places: Sequence[Place],
    names: Mapping[int, Iterable[str]],
    areas: Sequence[tuple[str, str, str, Any]],
) -> dict[int, tuple[int, str]]:
    """For each place (by GeoNames id) that lies in another place's territory: that place's id
    and the source that says so ("cbs", "gisco" or "geonames"). ``names``: each place's folded
    names (its own and GeoNames' alternates) by GeoNames id; ``areas``: ``territory_areas``. An
    area's place is the most populous place inside it (of its country) of the area's name; a
    section's municipality the most populous place of that name within SECTION_KM."""
    from shapely import STRtree, points
    from shapely.geometry import shape

    def called(place: Place) -> set[str]:
        return {fold(place.name), *names.get(place.geonameid, ())}

    found: dict[int, tuple[int, str]] = {}
    tree = STRtree(points([(p.lon, p.lat) for p in places]))
    for source, country, name, geometry in areas:
        polygon = shape(geometry)
        inside = [places[i] for i in sorted(tree.query(polygon, predicate="contains"))]
        inside = [p for p in inside if p.country == country]
        key = fold(name)
        named = [p for p in inside if key in called(p)]
        if not named:
            continue
        whole = max(named, key=lambda p: (p.population, -p.geonameid))
        for place in inside:
            if place is not whole:
                found.setdefault(place.geonameid, (whole.geonameid, source))
    by_name: dict[tuple[str, str], list[Place]] = {}
    for place in places:
        for key in called(place):
            by_name.setdefault((place.country, key), []).append(place)
    for place in places:
        own = called(place)
        for key in sorted(names.get(place.geonameid, ())):
            for whole_name, by_own_name in _wholes(key, own):
                wholes = [
                    q
                    for q in by_name.get((place.country, whole_name), ())
                    if q is not place
                    and distance_km(q, place) <= SECTION_KM
                    and (not by_own_name or fold(q.name.split(" (")[0]) == whole_name)
                ]
                if wholes:
                    whole = max(wholes, key=lambda p: (p.population, -p.geonameid))
                    found.setdefault(place.geonameid, (whole.geonameid, "geonames"))
    return dict(sorted(found.items()))


def _wholes(key: str, own: set[str]) -> list[tuple[str, bool]]:
    """The names of a larger whole that an alternate name ``key`` of a place called ``own``
    gives, each with whether it must be that whole's own name (not one of its alternates):
    "leuven (kessel-lo)" gives "leuven", "berlin-kopenick" and "berlin kopenick" give "berlin"
    (when "kessel-lo" or "kopenick" is one of the place's own names). Only GeoNames' own name of
    the whole counts before a hyphen or space: "Frankfurt-Offenbach", an alternate name of
    Offenbach am Main, names the airport's region, and Frankfurt's own name is "Frankfurt am
    Main"."""
    section = _SECTION.match(key)
    if section is not None:
        return [(section["whole"], False)] if section["part"] in own else []
    return [(key[:i], True) for i, ch in enumerate(key) if ch in "- " and i > 0 and key[i + 1 :] in own]


# The kinds of official area a place's ``place_areas`` names, in this order: its Dutch
# municipality (CBS code, "GM1916") and its NUTS-3 region ("BE241"). Each kind tiles its country
# with whole municipalities, so two places in different areas of one kind lie in different
# municipalities.
AREA_KINDS = ("municipality", "nuts3")


def place_areas(
    places: Sequence[Place], municipalities: Iterable[dict[str, Any]], nuts3: Iterable[dict[str, Any]]
) -> dict[int, tuple[str | None, ...]]:
    """For each place (by GeoNames id) that lies in one of the shipped official areas: the code
    of the area of each of AREA_KINDS it lies in, or None (a Dutch place's CBS municipality;
    its NUTS-3 region among the shipped ones, of its own country). A place in two generalised
    polygons of one kind (neighbours overlap by up to a few hundred metres) has None for it; a
    place outside every polygon (the outlines miss a little coast, and only 45 NUTS-3 regions
    are shipped) has no entry."""
    from shapely import STRtree, points
    from shapely.geometry import shape

    tree = STRtree(points([(p.lon, p.lat) for p in places]))
    found: dict[int, list[set[str]]] = {}
    kinds = [("municipality", "NL", str(f["properties"]["code"]), f["geometry"]) for f in municipalities]
    kinds += [
        ("nuts3", str(f["properties"]["id"])[:2], str(f["properties"]["id"]), f["geometry"]) for f in nuts3
    ]
    for kind, country, code, geometry in kinds:
        for i in tree.query(shape(geometry), predicate="contains"):
            place = places[int(i)]
            if place.country == country:
                sets = found.setdefault(place.geonameid, [set() for _ in AREA_KINDS])
                sets[AREA_KINDS.index(kind)].add(code)
    return {
        place: tuple(next(iter(codes)) if len(codes) == 1 else None for codes in sets)
        for place, sets in sorted(found.items())
    }


def shipped_areas() -> dict[int, tuple[str | None, ...]]:
    """``place_areas`` of the shipped gazetteer's places of at least CITIES_MIN_POPULATION
    inhabitants, from the shipped municipality and NUTS-3 polygons."""
    from lifeport_map.countries import shipped_features
    from lifeport_map.municipalities import municipality_features

    places = [p for p in load_gazetteer().places if p.population >= CITIES_MIN_POPULATION]
    return place_areas(places, municipality_features().values(), shipped_features("nuts3.geojson"))


def shipped_territories() -> dict[int, tuple[int, str]]:
    """``territories`` of the shipped gazetteer's places of at least CITIES_MIN_POPULATION
    inhabitants (the maps' city names), from the shipped municipality and NUTS-3 polygons."""
    from lifeport_map.countries import shipped_features
    from lifeport_map.municipalities import municipality_features

    gazetteer = load_gazetteer()
    names: dict[int, set[str]] = {}
    for key in gazetteer.folded_names():
        for place in gazetteer.lookup(key):
            names.setdefault(place.geonameid, set()).add(key)
    places = [p for p in gazetteer.places if p.population >= CITIES_MIN_POPULATION]
    areas = territory_areas(municipality_features().values(), shipped_features("nuts3.geojson"))
    return territories(places, names, areas)
