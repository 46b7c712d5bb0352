"""How long a boundary file near the 32 MiB limit takes to be read, and to be refused with the
line, column and field of a problem near its end, or of every problem when each position is
wrong (issue 17: finding the places again in the text must stay fast on large files).

    .venv/bin/python bench/boundary_errors.py --results bench/results-boundaries.md
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lifeport_map.boundary_check import boundary_collection
from lifeport_map.errors import FileErrors, Issue, YamlError
from lifeport_map.geojson_io import loads_geojson

POINTS = 20_000  # per ring
FEATURES = 30  # about 30 MB with indent=1, under the 32 MiB limit


def square_ring(n: int, k: int) -> list[list[float]]:
    """A ring of ``n`` points around Nijmegen, a little different per feature ``k``."""
    ring = [
        [
            round(5.85 + (0.1 + k * 1e-4) * math.cos(2 * math.pi * i / n), 6),
            round(51.84 + 0.06 * math.sin(2 * math.pi * i / n), 6),
        ]
        for i in range(n)
    ]
    return [*ring, ring[0]]


def collection() -> dict[str, object]:
    features = [
        {
            "type": "Feature",
            "properties": {"k": k},
            "geometry": {"type": "Polygon", "coordinates": [square_ring(POINTS, k)]},
        }
        for k in range(FEATURES)
    ]
    return {"type": "FeatureCollection", "features": features}


def timed(action: Callable[[], object], repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            result = action()
        except YamlError as error:
            result = error
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", type=Path)
    args = parser.parse_args()
    data = collection()
    good = json.dumps(data, indent=1)
    last = good.rfind("51.")
    not_finite = good[:last] + "NaN" + good[last + 9 :]  # the last latitude
    ring = data["features"][-1]["geometry"]["coordinates"][0]  # type: ignore[index]
    ring[POINTS - 100], ring[POINTS - 50] = ring[POINTS - 50], ring[POINTS - 100]  # a crossing
    crossing = json.dumps(data, indent=1)
    rows = []

    def check(text: str) -> object:
        return boundary_collection(loads_geojson(text, source="big.geojson"), source="big.geojson", text=text)

    seconds, _ = timed(lambda: loads_geojson(good, source="big.geojson"), args.repeat)
    rows.append(f"| valid file: parse only | {len(good) / 1e6:.1f} MB | {seconds:.2f} s | accepted |")
    print(rows[-1], flush=True)
    every_nan = re.sub(r"51\.[0-9]+", "NaN", good)  # every latitude
    every_projected = re.sub(r"\b5\.([0-9]+)", r"15\1", good)  # every longitude in metres, not degrees
    cases = (
        ("valid file: parse and check", good),
        ("NaN in the last position", not_finite),
        ("self-intersection in the last feature", crossing),
        ("every latitude NaN (50 reported, the rest counted)", every_nan),
        ("every longitude out of range (50 reported, the rest counted)", every_projected),
    )
    for label, text in cases:
        seconds, result = timed(functools.partial(check, text), args.repeat)
        where = "accepted"
        if isinstance(result, YamlError):
            issue: Issue = result.issue
            where = f"{issue.line}:{issue.col} {issue.field}"
            if isinstance(result, FileErrors):
                where = f"{len(result.issues) + result.more:,} errors, the first at {where}"
        rows.append(f"| {label} | {len(text) / 1e6:.1f} MB | {seconds:.2f} s | {where} |")
        print(rows[-1], flush=True)
    if args.results:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        args.results.write_text(
            "# Boundary files near the size limit (bench/boundary_errors.py)\n\n"
            f"{FEATURES} polygons of {POINTS:,} points; median of {args.repeat}; {platform.system()}, "
            f"Python {platform.python_version()}, load average {load}.\n\n"
            "| file | size | time | reported at |\n|---|---|---|---|\n" + "\n".join(rows) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
