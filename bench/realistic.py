"""Realistic benchmark registries: the shipped registry replicated to N sites.

Every entry keeps its real field sizes (descriptions, notes, sources, employee figures,
aliases, relations); copy k gets unique ids (``<id>-k``), names, organisations and aliases
(`` k`` appended), relations and campus references that point into the same copy, and
town-centre coordinates (precision: place) jittered by up to about a kilometre within the
place. The same N gives a byte-identical file.

Usage: python bench/realistic.py N OUT.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from lifeport_map.registry import default_registry_path
from lifeport_map.results import plain
from lifeport_map.yamlio import dump_block, load_yaml

JITTER_DEG = 0.008  # about 0.9 km north-south, 0.55 km east-west at 51 degrees north


def shipped_entries() -> list[dict[str, Any]]:
    data = plain(load_yaml(default_registry_path()).data)
    entries = data["sites"]
    assert isinstance(entries, list)
    return entries


def _copy(entry: dict[str, Any], k: int, rng: random.Random) -> dict[str, Any]:
    site = dict(entry)
    site["id"] = f"{entry['id']}-{k}"
    site["name"] = f"{entry['name']} {k}"
    site["organisation"] = f"{entry['organisation']} {k}"
    if entry.get("aliases"):
        site["aliases"] = [f"{a} {k}" for a in entry["aliases"]]
    if entry.get("relations"):
        site["relations"] = [{**r, "target": f"{r['target']}-{k}"} for r in entry["relations"]]
    location = dict(entry["location"])
    if location.get("campus"):  # the id of a campus entry: the one of this copy
        location["campus"] = f"{location['campus']}-{k}"
    # Only town-centre coordinates are moved: a building's (precision site or campus) may lie
    # near the edge of what validate accepts for its place (HZDR Rossendorf is 14 km from
    # Dresden, the limit is 15), and a jitter would push the copy over it.
    jitter = location.get("precision") == "place"
    if jitter and isinstance(location.get("lat"), float) and isinstance(location.get("lon"), float):
        location["lat"] = round(location["lat"] + rng.uniform(-JITTER_DEG, JITTER_DEG), 5)
        location["lon"] = round(location["lon"] + rng.uniform(-JITTER_DEG, JITTER_DEG), 5)
    site["location"] = location
    return site


def generate(n: int) -> str:
    """A registry of ``n`` sites made of whole copies of the shipped entries (the last copy
    partial), sorted by id as ``fmt`` would."""
    rng = random.Random(n)
    entries = shipped_entries()
    sites = [_copy(entries[i % len(entries)], i // len(entries), rng) for i in range(n)]
    ids = {s["id"] for s in sites}
    for site in sites:  # the last copy is partial: drop references to entries it lacks
        if site["location"].get("campus") and site["location"]["campus"] not in ids:
            del site["location"]["campus"]
        if site.get("relations"):
            site["relations"] = [r for r in site["relations"] if r["target"] in ids]
            if not site["relations"]:
                del site["relations"]
    sites.sort(key=lambda s: s["id"])
    header = "# Realistic benchmark registry: the shipped entries replicated; not real organisations.\n"
    return header + "\n".join(dump_block({"sites": sites})) + "\n"


def main() -> int:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.write_text(generate(n), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
