"""Build data/gazetteer/place-names.json.gz from the shipped gazetteer (data/gazetteer/places.json.gz).

Per country the gazetteer covers, the folded names whose most populous place of that name is
called so (``lifeport_map.gazetteer.place_names``): the names ``validate``'s municipality check
accepts as places. Every command runs that check, and reading this list (about 10 ms) instead of
the whole gazetteer (about 0.13 s) keeps it cheap. Derived data of the gazetteer (GeoNames, CC BY
4.0); rebuild it whenever the gazetteer changes (a test compares the two).
Run: python scripts/build_place_names.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lifeport_map.gazetteer import default_path, default_place_names_path, load_gazetteer, place_names


def main() -> int:
    names = place_names(load_gazetteer(default_path()))
    payload = {
        "attribution": "derived from data/gazetteer/places.json.gz (GeoNames, CC BY 4.0, "
        "https://www.geonames.org) by scripts/build_place_names.py",
        "countries": names,
    }
    out = default_place_names_path()
    with gzip.GzipFile(out, "wb", mtime=0) as fh:  # mtime=0: byte-identical rebuilds
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"wrote {sum(len(v) for v in names.values())} names to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
