"""The Python API as a notebook user meets it: what a result, the registry and an error show
when displayed, and what the API does with the arguments a notebook user gives by mistake.

Uses the hand-made registry of tests/fixtures/analysis/ (see tests/analysis_support.py):
region nijmegen has six counted sites of six organisations.
"""

from __future__ import annotations

from lifeport_map import compare, coverage, near, whatif
from lifeport_map.registry import check_registry
from tests.analysis_support import ANALYSIS, analysis_registry


def test_a_result_displays_as_its_headline_not_its_whole_data() -> None:
    registry = analysis_registry()
    result = coverage(registry, "nijmegen")
    shown = repr(result)
    assert shown.startswith("Coverage(region=RegionRef(id='nijmegen', ")
    assert ", sites=6, " in shown
    assert "phases=[4 PhaseCoverage]" in shown  # a collection of results is counted
    assert "whole_chain=" in shown
    assert len(shown) < 1000
    # A comparison of three regions holds every region's coverage; its repr counts them.
    both = compare(registry, ["nijmegen", "dresden", "leuven"])
    assert "regions=[3 Coverage]" in repr(both)
    assert len(repr(both)) < 1000 < len(str(both.to_json()))
    # A nested result shows its first plain fields, '…' standing for the rest.
    front_end = result.phase("front-end")
    assert repr(front_end).startswith("PhaseCoverage(phase='front-end', label='Front-end production', ")
    assert "employees=EmployeeSum(" in repr(front_end) and "…)" in repr(front_end)


def test_short_lists_show_whole_and_long_texts_are_cut() -> None:
    result = near(analysis_registry(), "Nijmegen", radius_km=30)
    shown = repr(result)
    assert f"count={result.count}, " in shown
    assert "method='" in shown and "'…" in shown  # the method note is cut with an ellipsis
    assert f"sites=[{len(result.sites)} NearSite]" in shown
    removed = whatif(analysis_registry(), "nijmegen", ["fab-nijmegen"])
    assert "newly_fragile_production_phases=" in repr(removed)
    assert "before=Coverage(sites=6, " in repr(removed)


def test_the_registry_displays_as_a_summary() -> None:
    registry = analysis_registry()
    statuses = sorted({s.status for s in registry.sites})
    shown = repr(registry)
    assert shown.startswith(f"<Registry: {len(registry.sites)} sites (")
    assert all(status in shown for status in statuses)
    assert f"{len(registry.regions)} regions (" in shown and "nijmegen" in shown
    assert str(ANALYSIS / "companies.yaml") in shown
    assert len(shown) < 400
    checked = check_registry(ANALYSIS / "companies.yaml", ANALYSIS / "regions")
    assert repr(checked).startswith("<ReadResult: <Registry: ")
    assert f"{len(checked.errors)} errors, " in repr(checked)
