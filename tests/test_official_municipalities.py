"""The official municipality lists shipped for Belgium (Statbel) and Germany (Destatis), and the
municipality check that reads them (location.unknown-municipality)."""

from __future__ import annotations

import csv
from pathlib import Path

from lifeport_map.municipalities import official_municipalities
from lifeport_map.paths import data_dir
from tests.conftest import MINI


def _rows(country: str) -> list[dict[str, str]]:
    with (data_dir() / "municipalities" / f"{country}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_belgian_list_is_statbels_565_municipalities_of_2025() -> None:
    rows = _rows("be")
    codes = [r["nis"] for r in rows]
    assert len(codes) == 565 == len(set(codes))  # Belgium has 565 municipalities since 2025-01-01
    assert all(len(c) == 5 and c.isdigit() for c in codes)
    by_code = {r["nis"]: (r["name_nl"], r["name_fr"]) for r in rows}
    assert by_code["25121"] == ("Ottignies-Louvain-la-Neuve", "Ottignies-Louvain-la-Neuve")
    assert by_code["24062"] == ("Leuven", "Louvain")


def test_the_german_list_holds_destatis_names_with_8_digit_codes() -> None:
    rows = _rows("de")
    codes = [r["ags"] for r in rows]
    assert len(codes) == len(set(codes)) and all(len(c) == 8 and c.isdigit() for c in codes)
    by_code = {r["ags"]: r["name"] for r in rows}
    assert by_code["06534014"] == "Marburg, Universitätsstadt"
    assert by_code["14612000"] == "Dresden, Stadt"
    assert not any("gemfr" in name for name in by_code.values())  # unincorporated areas left out


def test_names_match_in_both_languages_and_without_the_destatis_designation() -> None:
    be = official_municipalities("BE")
    assert be["ottignies-louvain-la-neuve"] == "Ottignies-Louvain-la-Neuve"
    assert (be["leuven"], be["louvain"]) == ("Leuven", "Louvain")  # Dutch and French names
    de = official_municipalities("DE")
    assert de["marburg"] == de["marburg, universitatsstadt"] == "Marburg, Universitätsstadt"
    assert de["freiberg"] == "Freiberg, Stadt, Universitätsstadt"
    assert official_municipalities("LU") == {}


def _municipality_issues(
    tmp_path: Path, place: str, municipality: str, country: str
) -> list[tuple[str, str]]:
    from lifeport_map.registry import check_registry

    text = (MINI / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "{place: Dresden, municipality: Dresden, country: DE}",
        f"{{place: {place}, municipality: {municipality}, country: {country}}}",
    )
    path = tmp_path / "companies.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_registry(path, MINI / "regions")
    return [
        (i.severity, i.message)
        for i in result.issues
        if i.code == "location.unknown-municipality" and i.entry == "gamma-dresden"
    ]


def test_official_names_outside_the_region_files_pass(tmp_path: Path) -> None:
    # Neither is on a region file's list, and the gazetteer knows them only as other places'
    # names ("Marburg an der Lahn"; Ottignies and Louvain-la-Neuve apart): before the official
    # lists were shipped, both were warnings.
    assert _municipality_issues(tmp_path, "Louvain-la-Neuve", "Ottignies-Louvain-la-Neuve", "BE") == []
    assert _municipality_issues(tmp_path, "Marburg", "Marburg", "DE") == []


def test_a_name_on_no_list_still_warns_and_names_the_official_list(tmp_path: Path) -> None:
    [(severity, message)] = _municipality_issues(tmp_path, "Qwxzplk", "Qwxzplk", "DE")
    assert severity == "warning"
    assert "not on the official Destatis list nor a region file's list" in message


def test_a_place_that_is_no_municipality_warns_where_there_is_an_official_list(tmp_path: Path) -> None:
    # Tessenderlo is a place of the gazetteer, but since 1 January 2025 part of the municipality
    # Tessenderlo-Ham (Statbel): once accepted without a word, as every gazetteer place was.
    [(severity, message)] = _municipality_issues(tmp_path, "Tessenderlo", "Tessenderlo", "BE")
    assert severity == "warning"
    assert "'Tessenderlo'" in message and "not on the official Statbel list" in message
    assert "merger" in message
    assert _municipality_issues(tmp_path, "Tessenderlo", "Tessenderlo-Ham", "BE") == []


def test_the_shipped_registry_has_only_official_municipalities_where_there_is_a_list() -> None:
    from lifeport_map.municipalities import OFFICIAL_LISTS
    from lifeport_map.registry import load_registry
    from lifeport_map.validate import unlisted_municipalities

    unlisted = unlisted_municipalities(load_registry(check=False))
    assert [s.id for s in unlisted if s.location.country in OFFICIAL_LISTS] == []
