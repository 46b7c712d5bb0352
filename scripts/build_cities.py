"""Build data/gazetteer/cities.json.gz from the shipped gazetteer (data/gazetteer/places.json.gz).

The places with at least ``CITIES_MIN_POPULATION`` (5,000) inhabitants, in the gazetteer's order
and row form, without its name index: the city names the base maps and figures draw
(``lifeport_map.gazetteer.populated_places``). Every map reads them, and decoding this list
(about 5 ms) instead of the whole gazetteer (about 0.15 s) keeps that cheap. Derived data of the
gazetteer (GeoNames, CC BY 4.0); rebuild it whenever the gazetteer changes (a test compares the
two). Run: python scripts/build_cities.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lifeport_map.gazetteer import CITIES_MIN_POPULATION, _payload, default_cities_path, default_path


def main() -> int:
    gazetteer = _payload(default_path())
    places = [row for row in gazetteer["places"] if row[4] >= CITIES_MIN_POPULATION]
    payload = {
        "attribution": "derived from data/gazetteer/places.json.gz (GeoNames, CC BY 4.0, "
        "https://www.geonames.org) by scripts/build_cities.py",
        "columns": gazetteer["columns"],
        "min_population": CITIES_MIN_POPULATION,
        "places": places,
    }
    out = default_cities_path()
    with gzip.GzipFile(out, "wb", mtime=0) as fh:  # mtime=0: byte-identical rebuilds
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"wrote {len(places)} places to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
