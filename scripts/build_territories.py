"""Build data/gazetteer/territories.json from the shipped gazetteer and boundaries.

For each of the gazetteer's places of at least ``CITIES_MIN_POPULATION`` inhabitants that lies in
another place's own territory (a Dutch municipality named after that place, CBS; a German city
that is a NUTS-3 region of its own, GISCO; a Belgian municipality of which GeoNames names it a
section), that place and the source (``lifeport_map.territories``); and for each of those places
that lies in a shipped official area, the codes of its Dutch municipality and NUTS-3 region
(``areas``: places in different ones are no districts of each other). The maps read it to tell a
city's districts from towns of their own (``gazetteer.district_of``). Derived data of GeoNames
(CC BY 4.0), CBS (CC BY 4.0) and Eurostat GISCO; rebuild it whenever the gazetteer or the
boundaries change (a test compares). Run: python scripts/build_territories.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lifeport_map.gazetteer import default_territories_path, load_gazetteer
from lifeport_map.territories import AREA_KINDS, shipped_areas, shipped_territories


def main() -> int:
    found = shipped_territories()
    areas = shipped_areas()
    name = {p.geonameid: p.name for p in load_gazetteer().places}
    payload = {
        "attribution": "derived from data/gazetteer/places.json.gz (GeoNames, CC BY 4.0), "
        "data/boundaries/gemeenten-nl.geojson (CBS, CC BY 4.0) and data/boundaries/nuts3.geojson "
        "(Eurostat GISCO) by scripts/build_territories.py",
        "columns": ["geonameid", "territory_of", "source", "name", "territory_name"],
        "places": [[p, whole, source, name[p], name[whole]] for p, (whole, source) in found.items()],
        "area_columns": ["geonameid", *AREA_KINDS],
        "areas": [[p, *codes] for p, codes in areas.items()],
    }
    out = default_territories_path()
    text = json.dumps(payload, ensure_ascii=False, indent=None, separators=(",", ":"))
    out.write_text(text.replace("],[", "],\n[") + "\n", encoding="utf-8")
    print(f"wrote {len(found)} places and the areas of {len(areas)} to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
