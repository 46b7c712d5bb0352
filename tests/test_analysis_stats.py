"""Published figures next to registry sums, on the hand-made home region.

Pillar sums of the latest figures of counted sites: design = Fabco 1000 (Designco has none),
equipment = Packco 300 (back-end equipment), productie = Fabco 1000 (wafer fab),
packaging-test = Packco 300 (the planned Fabco line does not count), toepassingen =
Systemco 50. Each site once: 1000 + 300 + 50 = 1350 against 2850 published.
"""

from __future__ import annotations

from typing import Any

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
        "design": (1200, 1000, -200),
        "equipment": (400, 300, -100),
        "productie": (900, 1000, 100),
        "packaging-test": (250, 300, 50),
        "toepassingen": (100, 50, -50),
    }
    assert (pillars["published"], pillars["registry"], pillars["difference"]) == (2850, 1350, -1500)
    assert pillars["comparable"] is True
    design = next(g for g in pillars["groups"] if g["group"] == "design")
    assert (design["sites"], design["sites_with_figure"]) == (2, 1)


def test_scenario_is_shown_but_not_comparable() -> None:
    scenario = figure(stats(analysis_registry(), "nijmegen"), "employees-pillars-2034-growth")
    assert scenario["scenario"] == "growth"
    assert scenario["comparable"] is False
    assert scenario["difference"] == 1350 - 4000
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
    }
    assert "4 of 6" in result["caveat"]


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
