"""Published figures next to registry sums, on the hand-made home region.

Pillar sums of the latest site-level figures of counted sites. Fabco (wafer fab and design:
productie and design) and Packco (assembly and back-end equipment: packaging-test and
equipment) work in two pillars each and no source splits their staff, so each counts in no
pillar, only in the total. Designco's only figure is Designco's worldwide 14,000
(organisation): listed apart, never added; Systemco's 2,700 (organisation, 2025) is newer than
its site figure 50 (2024), which still counts. So design = 0 (Designco, no site figure),
equipment = 0, productie = 0, packaging-test = 0, toepassingen = Systemco 50. Each site once:
Fabco 1000 + Packco 300 + Systemco 50 = 1350 against 2850 published (47.4 %); with the upper
end of Packco's range (300-400): 1450.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from lifeport_map import stats as stats_result
from tests.analysis_support import analysis_registry


def stats(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return stats_result(*args, **kwargs).to_json()


def figure(result: dict, figure_id: str) -> dict:
    return next(f for f in result["figures"] if f["id"] == figure_id)


def test_pillars_against_registry() -> None:
    result = stats(analysis_registry(), "nijmegen")
    pillars = figure(result, "employees-pillars-2026")
    groups = {g["group"]: (g["published"], g["registry"], g["difference"]) for g in pillars["groups"]}
    assert groups == {
        "design": (1200, 0, -1200),
        "equipment": (400, 0, -400),
        "productie": (900, 0, -900),
        "packaging-test": (250, 0, -250),
        "toepassingen": (100, 50, -50),
    }
    assert (pillars["published"], pillars["registry"], pillars["difference"]) == (2850, 1350, -1500)
    assert pillars["comparable"] is True
    counts = {g["group"]: (g["sites"], g["sites_with_figure"], g["shared"]) for g in pillars["groups"]}
    assert counts == {
        "design": (1, 0, 1),
        "equipment": (0, 0, 1),
        "productie": (0, 0, 1),
        "packaging-test": (0, 0, 1),
        "toepassingen": (1, 1, 0),
    }
    assert [(s["id"], s["employees"], s["groups"]) for s in pillars["shared_sites"]] == [
        ("fab-nijmegen", 1000, ["design", "productie"]),
        ("osat-duiven", 300, ["equipment", "packaging-test"]),
    ]
    assert (pillars["sites"], pillars["sites_with_figure"]) == (4, 3)
    assert pillars["registry_max"] == 1450
    assert pillars["share_of_published"] == 0.474


def test_scenario_is_shown_but_not_comparable() -> None:
    scenario = figure(stats(analysis_registry(), "nijmegen"), "employees-pillars-2034-growth")
    assert scenario["scenario"] == "growth"
    assert scenario["comparable"] is False
    assert scenario["difference"] == 1350 - 4000
    assert "share_of_published" not in scenario  # a scenario is no total to cover
    assert "scenario" in scenario["note"]


def test_figure_without_registry_counterpart() -> None:
    starts = figure(stats(analysis_registry(), "nijmegen"), "fab-wafer-starts")
    assert starts["published"] == 12000
    assert starts["registry"] is None and starts["difference"] is None
    assert starts["note"]


def test_caveat_and_registry_totals() -> None:
    result = stats(analysis_registry(), "nijmegen")
    assert result["registry"] == {
        "sites": 6,
        "sites_with_figure": 4,
        "sites_without_figure": 2,
        "employees_known": 1550,
        "employees_max": 1650,
        "scope_unstated": 3,  # Systemco, Packco, the university: only Fabco's says 'site'
    }
    assert "4 of 6" in result["caveat"]
    assert [(w["id"], w["value"], w["year"], w["scope"]) for w in result["wider_figures"]] == [
        ("design-nijmegen", 14000, 2022, "organisation"),
        ("ems-duiven", 2700, 2025, "organisation"),
    ]


def test_stats_table_shows_unit_scope_source_and_shared_sites() -> None:
    from lifeport_map.render.analysis import stats_sections

    section = stats_sections(stats_result(analysis_registry(), "nijmegen"), "en")[0]
    unit = section.columns.index("Unit")
    by_label = {row[0]: row for row in section.rows if row[0]}
    assert {row[unit] for row in by_label.values()} >= {"persons", "wafer starts per week"}
    coverage_cell = by_label["Employees per pillar 2026"][section.columns.index("Coverage")]
    assert coverage_cell == "3 of 4 sites with a figure; 47% of the published total"
    text = "\n".join(section.notes)
    assert "Fabco Nijmegen (1,000: Design, Production)" in text
    assert "Designco Nijmegen: 14,000 (2022, whole organisation)" in text


def test_region_without_figures() -> None:
    result = stats(analysis_registry(), "leuven")
    assert result["figures"] == []
    assert result["registry"]["sites"] == 0


def test_shipped_nijmegen_pillars() -> None:
    from lifeport_map.registry import load_registry

    result = stats(load_registry(check=False), "nijmegen")
    pillars = figure(result, "employees-pillars-2026")
    assert pillars["published"] == 5600
    assert [g["group"] for g in pillars["groups"]] == [
        "design",
        "equipment",
        "productie",
        "packaging-test",
        "toepassingen",
    ]
    assert all(g["difference"] == g["registry"] - g["published"] for g in pillars["groups"])


def test_a_count_written_with_a_point_is_refused(tmp_path: Path) -> None:
    # 'value: 2.850' (Dutch two thousand eight hundred and fifty) is 2.85 to YAML: stats compared
    # the registry with 2.85 published employees without a word; 'design: 1.200' read as 1.2
    from lifeport_map.errors import RegistryError
    from lifeport_map.registry import load_registry
    from tests.analysis_support import ANALYSIS

    regions = tmp_path / "regions"
    shutil.copytree(ANALYSIS / "regions", regions)
    path = regions / "nijmegen.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("    value: 2850\n") == 1 and text.count("{design: 1200,") == 1
    edited = text.replace("    value: 2850\n", "    value: 2.850\n").replace(
        "{design: 1200,", "{design: 1.200,"
    )
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(ANALYSIS / "companies.yaml", regions, check=False)
    found = [(i.code, i.field, str(i.hint)) for i in caught.value.issues]
    assert [(code, field) for code, field, _ in found] == [
        ("figure.not-whole", "figures[0].value"),
        ("figure.not-whole", "figures[0].values.design"),
    ]
    assert "write the number without it: 2850" in found[0][2]
    assert "write the number without it: 1200" in found[1][2]
