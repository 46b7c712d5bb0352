"""Comparison on the hand-made registry, with the location quotients computed by hand.

Sites per phase (design, front-end, back-end, system integration) under industrial presence
(the university is counted beside): nijmegen 2, 1, 1, 1 (N = 5); leuven nothing; dresden 0, 2,
1, 0 (N = 3). Phase totals 2, 3, 2, 1; grand total 8.
"""

from __future__ import annotations

from typing import Any

import pytest

from lifeport_map import compare as compare_result
from lifeport_map.analysis.compare import location_quotients, parse_definitions
from lifeport_map.errors import UsageError
from tests.analysis_support import analysis_registry


def compare(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return compare_result(*args, **kwargs).to_json()


def test_json_shape_is_a_list_of_coverage_objects() -> None:
    result = compare(analysis_registry())
    assert [c["region"]["id"] for c in result["regions"]] == ["nijmegen", "leuven", "dresden"]
    for item in result["regions"]:
        assert [p["phase"] for p in item["phases"]] == result["phases"]
        assert all({"phase", "count", "actors"} <= set(p) for p in item["phases"])


def test_matrix_and_whole_chain() -> None:
    result = compare(analysis_registry())
    sites = {m["phase"]: m["sites"] for m in result["matrix"]}
    assert sites["front-end"] == {"nijmegen": 1, "leuven": 0, "dresden": 2}
    assert sites["system-integration"] == {"nijmegen": 1, "leuven": 0, "dresden": 0}
    knowledge = {m["phase"]: m["knowledge"] for m in result["matrix"]}
    assert knowledge["front-end"] == {"nijmegen": 1, "leuven": 0, "dresden": 0}
    every = {m["phase"]: m["all_sites"] for m in result["matrix"]}
    assert every["front-end"] == {"nijmegen": 2, "leuven": 0, "dresden": 2}
    assert result["counting"]["id"] == "industry"
    production = {m["phase"]: m["production"] for m in result["matrix"]}
    assert production["back-end"] == {"nijmegen": 1, "leuven": 0, "dresden": 1}
    assert result["whole_chain"] == ["nijmegen"]
    assert result["whole_chain_production"] == ["nijmegen"]
    roles = {m["phase"]: m["roles"] for m in result["matrix"]}
    assert roles["back-end"]["equipment-materials"] == {"nijmegen": 1, "leuven": 0, "dresden": 0}


def test_specialisation_by_sites() -> None:
    lq = compare(analysis_registry())["specialisation"]["by_sites"]
    assert lq["nijmegen"] == {
        "design": 1.6,  # (2 / 5) / (2 / 8)
        "front-end": 0.533,  # (1 / 5) / (3 / 8)
        "back-end": 0.8,  # (1 / 5) / (2 / 8)
        "system-integration": 1.6,  # (1 / 5) / (1 / 8)
    }
    assert lq["dresden"]["front-end"] == 1.778  # (2 / 3) / (3 / 8)
    assert lq["dresden"]["design"] == 0.0
    assert lq["leuven"] == dict.fromkeys(lq["leuven"])  # an empty region has no quotient


def test_specialisation_by_employees_needs_coverage() -> None:
    # counted sites (any phase, industrial presence): nijmegen Designco (no site figure), Fabco,
    # Packco, Systemco: 3 of 4 = 75 %; dresden fab (3000) and fab2 (none): 1 of 2 = 50 %. Both
    # are under the 80 % threshold: cannot tell (None), while the site-based index stays.
    result = compare(analysis_registry())["specialisation"]
    assert result["employee_coverage"]["nijmegen"] == {
        "sites": 4,
        "sites_with_figure": 3,
        "share": 0.75,
        "sufficient": False,
    }
    assert result["employee_coverage"]["dresden"]["share"] == 0.5
    assert all(v is None for row in result["by_employees"].values() for v in row.values())
    assert result["by_sites"]["dresden"]["front-end"] is not None


def test_specialisation_by_employees_where_covered() -> None:
    # without Designco and fab2 every counted site has a figure (100 %): nijmegen design 1000
    # (Fabco), front-end 1000, back-end 300, system integration 50 (N = 2350; the university's
    # 200 are beside the headline); dresden front-end 3000 (N = 3000); grand total 5350
    from lifeport_map.graph import as_graph, without_sites

    view = without_sites(as_graph(analysis_registry()), ["design-nijmegen", "fab2-dresden"])
    result = compare(view, ["nijmegen", "dresden"])["specialisation"]
    assert result["employee_coverage"]["nijmegen"]["sufficient"] is True
    lq = result["by_employees"]
    assert lq["nijmegen"]["design"] == pytest.approx(5350 / 2350, abs=0.001)
    assert lq["nijmegen"]["front-end"] == pytest.approx((1000 / 2350) / (4000 / 5350), abs=0.001)
    assert lq["dresden"]["front-end"] == pytest.approx(5350 / 4000, abs=0.001)
    assert lq["dresden"]["design"] == 0


def test_definitions_used_and_chosen() -> None:
    result = compare(analysis_registry(), ["lifeport", "dresden"], definition={"nijmegen": "radius-10km"})
    assert [(d["region"], d["id"]) for d in result["definitions"]] == [
        ("nijmegen", "radius-10km"),
        ("dresden", "city"),
    ]
    assert result["regions"][0]["sites"] == 3
    with pytest.raises(UsageError):
        compare(analysis_registry(), ["nijmegen", "dresden"], definition="radius-10km")
    with pytest.raises(UsageError):
        compare(analysis_registry(), ["nijmegen", "lifeport"])


def test_parse_definitions() -> None:
    assert parse_definitions([]) is None
    assert parse_definitions(["radius-25km"]) == "radius-25km"
    assert parse_definitions(["nijmegen=gmr-18", "dresden=city-dresden"]) == {
        "nijmegen": "gmr-18",
        "dresden": "city-dresden",
    }
    with pytest.raises(UsageError):
        parse_definitions(["radius-25km", "nijmegen=gmr-18"])


def test_location_quotient_of_nothing_is_none() -> None:
    assert location_quotients({"a": {"x": 0}}, ["x"]) == {"a": {"x": None}}


def test_shipped_compare_returns_the_six_regions() -> None:
    from lifeport_map.registry import load_registry

    result = compare(load_registry(check=False))
    assert [c["region"]["id"] for c in result["regions"]] == [
        "nijmegen",
        "brainport",
        "twente",
        "delft",
        "leuven",
        "dresden",
    ]
    assert len(result["definitions"]) == 6


def test_compare_looks_for_the_region_nodes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the region nodes looks at every node of the graph (20 ms at 100,000 sites):
    compare does it once, not once for the default order and again for each region it
    resolves; an unknown region is still refused with the known ones in its hint."""
    from lifeport_map import graph as graph_module
    from lifeport_map.analysis import compare as compare_module
    from lifeport_map.graph import build_graph

    source = build_graph(analysis_registry())
    real = graph_module.region_ids
    calls: list[object] = []

    def counted(graph: Any) -> list[str]:
        calls.append(graph)
        return real(graph)

    monkeypatch.setattr(graph_module, "region_ids", counted)
    monkeypatch.setattr(compare_module, "region_ids", counted)
    result = compare(source, definition={"lifeport": "radius-10km"})
    assert [c["region"]["id"] for c in result["regions"]] == ["nijmegen", "leuven", "dresden"]
    assert len(calls) == 1
    with pytest.raises(UsageError) as refused:
        compare(source, ["nijmegen", "atlantis"])
    assert "dresden" in str(refused.value.hint)
