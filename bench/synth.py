"""Deterministic synthetic registries for the benchmark: valid under the real schema, spread
over real places (from the shipped gazetteer), with real activities, kinds and relations.

Usage: python bench/synth.py N OUT.yaml  (same N -> byte-identical file)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from lifeport_map.gazetteer import load_gazetteer
from lifeport_map.registry import default_taxonomy_path
from lifeport_map.taxonomy import load_taxonomy
from lifeport_map.yamlio import dump_block

PLACES_PER_COUNTRY = {"NL": 400, "BE": 150, "DE": 250}
WORDS = (
    "Nano",
    "Wafer",
    "Photon",
    "Quantum",
    "Silicon",
    "Micro",
    "Litho",
    "Pack",
    "Test",
    "Chip",
    "Volt",
    "Opto",
    "Sensor",
    "Power",
    "Logic",
    "Mesa",
    "Delta",
    "Prime",
)
SUFFIX = (
    "Systems",
    "Technologies",
    "Devices",
    "Labs",
    "Engineering",
    "Semiconductors",
    "Instruments",
    "Solutions",
)


JITTER = 0.02  # degrees: a site lies within this of its place's centre


def _inland(place_country: str, lat: float, lon: float) -> bool:
    """Whether every point within the jitter of (lat, lon) lies in the place's own country, so
    that no synthetic site lands across a border (validate refuses that: coordinates.outside-country)."""
    from lifeport_map.countries import countries_at

    corners = [(lat + dy, lon + dx) for dy in (-JITTER, JITTER) for dx in (-JITTER, JITTER)]
    return all(inside == place_country for inside, _ in countries_at(corners))


def places() -> list[tuple[str, str, float, float]]:
    gazetteer = load_gazetteer()
    chosen = []
    for country, count in PLACES_PER_COUNTRY.items():
        # the most populous place of each name, so a look-up by name finds this very place
        seen: set[str] = set()
        ranked = sorted(
            (p for p in gazetteer.places if p.country == country), key=lambda p: (-p.population, p.geonameid)
        )
        for place in ranked:
            if place.name in seen or gazetteer.best(place.name, country) != place:
                continue
            if not _inland(country, place.lat, place.lon):
                continue
            seen.add(place.name)
            chosen.append((place.name, place.country, place.lat, place.lon))
            if len(seen) == count:
                break
    return chosen


def generate(n: int) -> str:
    rng = random.Random(n)
    taxonomy = load_taxonomy(default_taxonomy_path())
    activities = [a.id for a in taxonomy.activities if a.phase]
    kinds = [k.id for k in taxonomy.kinds]
    pool = places()
    width = len(str(n))
    sites = []
    for i in range(n):
        name, country, lat, lon = pool[rng.randrange(len(pool))]
        sid = f"site-{i:0{width}d}"
        org = f"{rng.choice(WORDS)}{rng.choice(WORDS).lower()} {rng.choice(SUFFIX)} {i}"
        site: dict[str, object] = {
            "id": sid,
            "name": f"{org} {name}",
            "organisation": org,
            "kind": rng.choice(kinds),
            "activities": sorted(set(rng.sample(activities, rng.randint(1, 3)))),
            "status": "active",
            "location": {
                "place": name,
                "municipality": name,
                "country": country,
                "lat": round(lat + rng.uniform(-JITTER, JITTER), 5),
                "lon": round(lon + rng.uniform(-JITTER, JITTER), 5),
                "precision": "place",
            },
            "website": f"https://example.org/{sid}",
        }
        if rng.random() < 0.3:
            site["employees"] = [
                {"value": rng.randint(5, 3000), "year": 2025, "url": f"https://example.org/{sid}/jobs"}
            ]
        if i and rng.random() < 0.2:
            site["relations"] = [{"type": "partner", "target": f"site-{rng.randrange(i):0{width}d}"}]
        site["sources"] = [{"url": f"https://example.org/{sid}", "year": 2025}]
        sites.append(site)
    header = "# Synthetic registry for benchmarks; not real organisations.\n"
    return header + "\n".join(dump_block({"sites": sites})) + "\n"


def main() -> int:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(generate(n), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
