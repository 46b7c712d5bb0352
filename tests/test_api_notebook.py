"""The Python API as a notebook user meets it: what a result, the registry and an error show
when displayed, and what the API does with the arguments a notebook user gives by mistake.

Uses the hand-made registry of tests/fixtures/analysis/ (see tests/analysis_support.py):
region nijmegen has six counted sites of six organisations.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from lifeport_map import (
    RegistryError,
    UsageError,
    build_graph,
    compare,
    coverage,
    export_bytes,
    geojson,
    load_registry,
    map_compare,
    map_nl,
    map_region,
    near,
    stats,
    whatif,
)
from lifeport_map.analysis.filters import SiteFilter
from lifeport_map.registry import check_registry
from tests.analysis_support import ANALYSIS, analysis_registry


def _shown(error: BaseException) -> str:
    """What a traceback (a notebook's too) prints for ``error``: its message and its notes."""
    return "".join(traceback.format_exception_only(error))


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


def test_a_traceback_shows_the_hint_and_a_registry_error_its_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        coverage(analysis_registry(), "nijmgen")
    assert str(caught.value) == "unknown region 'nijmgen'"  # the message itself is unchanged
    assert "did you mean: nijmegen?" in _shown(caught.value)
    missing = tmp_path / "missing.yaml"
    with pytest.raises(RegistryError) as failed:
        load_registry(missing, ANALYSIS / "regions")
    shown = _shown(failed.value)
    assert f"{missing}: error: [io.not-found] file not found" in shown
    assert failed.value.issues[0].code == "io.not-found"


def test_one_name_on_its_own_is_one_name_not_its_characters() -> None:
    registry = analysis_registry()
    assert [r.region.id for r in compare(registry, "nijmegen").regions] == ["nijmegen"]
    one = whatif(registry, "nijmegen", "fab-nijmegen")
    assert one.to_json() == whatif(registry, "nijmegen", ["fab-nijmegen"]).to_json()
    assert coverage(registry, "nijmegen", without="fab-nijmegen").sites == 5
    fabs = near(registry, "Nijmegen", radius_km=30, activities="wafer-fab")
    assert fabs.to_json() == near(registry, "Nijmegen", radius_km=30, activities=["wafer-fab"]).to_json()
    assert SiteFilter(countries="NL", wafer_mm=300) == SiteFilter(countries=("NL",), wafer_mm=(300,))
    assert SiteFilter(kinds=["idm"]).kinds == ("idm",)
    assert len(map_compare(registry, "nijmegen", lang="en").maps) == 1


def test_a_language_other_than_nl_or_en_is_refused_not_english() -> None:
    registry = analysis_registry()
    for call in (
        lambda: coverage(registry, "nijmegen", lang="NL"),
        lambda: compare(registry, lang="de"),
        lambda: stats(registry, "nijmegen", lang="fr"),
        lambda: map_nl(registry, lang="dutch"),
    ):
        with pytest.raises(UsageError, match="unknown language") as caught:
            call()
        assert caught.value.hint == "use one of: nl, en"


def test_what_is_neither_registry_nor_graph_is_named_not_an_attribute_error() -> None:
    registry = analysis_registry()
    graph = build_graph(registry)
    with pytest.raises(UsageError, match=r"expected a registry \(load_registry\(\)\) or its graph.*not str"):
        coverage(str(ANALYSIS / "companies.yaml"), "nijmegen")  # type: ignore[arg-type]
    for call in (
        lambda: export_bytes(graph, "json"),  # type: ignore[arg-type]
        lambda: geojson(graph),  # type: ignore[arg-type]
        lambda: map_region(graph, "nijmegen"),
    ):
        with pytest.raises(UsageError, match=r"expected a registry .*not MultiDiGraph") as caught:
            call()
        assert "pass the registry the graph was built from" in caught.value.hint


def test_the_filters_the_analyses_take_are_exported() -> None:
    import lifeport_map

    chosen = lifeport_map.site_filter(countries=["nl"], activities=["wafer-fab"])
    assert isinstance(chosen, lifeport_map.SiteFilter) and chosen.countries == ("NL",)
    assert {"SiteFilter", "site_filter"} <= set(lifeport_map.__all__)
    found = coverage(analysis_registry(), "nijmegen", filters=chosen)
    assert found.sites == 1  # Fabco's wafer fab in Nijmegen


def test_no_export_is_shadowed_by_a_submodule_of_its_name() -> None:
    """Importing a submodule sets the package's attribute of its name: an exported function with
    the name of a submodule (``geojson`` beside the old ``lifeport_map/geojson.py``, imported by
    ``load_registry``) turned into that module in any session that had read a registry."""
    import pkgutil

    import lifeport_map

    submodules = {m.name for m in pkgutil.iter_modules(lifeport_map.__path__)}
    assert set(lifeport_map.__all__) & submodules == set()
    load_registry(ANALYSIS / "companies.yaml", ANALYSIS / "regions")
    from lifeport_map import geojson as exported

    assert callable(exported) and exported.__module__ == "lifeport_map.render.export"
    assert exported(analysis_registry())["type"] == "FeatureCollection"


def test_near_reports_its_radius_as_the_command_line_does() -> None:
    result = near(analysis_registry(), "Nijmegen", radius_km=30).to_json()
    assert result["radius_km"] == 30.0 and isinstance(result["radius_km"], float)
    assert result == near(analysis_registry(), "Nijmegen", radius_km=30.0).to_json()


def test_a_graph_changed_by_hand_is_read_afresh() -> None:
    graph = build_graph(analysis_registry())
    assert [p.phase for p in coverage(graph, "nijmegen").phases][2] == "back-end"
    copied = graph.copy()  # carries what the first analysis kept with the graph
    copied.remove_node("phase:back-end")
    assert "back-end" not in [p.phase for p in coverage(copied, "nijmegen").phases]
    # In place: chip design made a support activity (which counts in no phase) leaves the
    # region's two design sites out of the design phase.
    assert coverage(graph, "nijmegen").phase("design").count == 2
    graph.nodes["activity:chip-design"]["role"] = "support"
    graph.remove_edge("activity:chip-design", "role:design-services", key="has-role")
    graph.add_edge("activity:chip-design", "role:support", key="has-role", type="has-role")
    assert coverage(graph, "nijmegen").phase("design").count == 0


def test_a_year_that_is_no_whole_number_is_named() -> None:
    for year in ("2030", 2030.0):
        with pytest.raises(UsageError, match="the year must be a whole number, not "):
            coverage(analysis_registry(), "nijmegen", year=year)  # type: ignore[arg-type]


def test_a_missing_default_definition_is_named() -> None:
    graph = build_graph(analysis_registry())
    graph.remove_node("definition:nijmegen/two")
    with pytest.raises(UsageError, match="region 'nijmegen' has no definition 'two'"):
        coverage(graph, "nijmegen")


def test_a_layer_added_to_a_returned_map_comes_before_its_layer_control() -> None:
    import folium

    built = map_region(analysis_registry(), "nijmegen", lang="en")
    group = folium.FeatureGroup(name="My circles").add_to(built)
    folium.CircleMarker([51.84, 5.86], radius=10).add_to(group)
    html = built.get_root().render()
    made = html.index(f"var {group.get_name()} = ")
    assert made < html.index("L.control.layers(")  # listed by the control only once it exists
    assert html.index("L.control.layers(") < html.index("window.lifeport.draw(")
    assert built.get_root().render() == html  # rendered again: the same bytes
