"""Coverage on the hand-made registry: every number below was worked out by hand.

Region nijmegen (Nijmegen + Duiven) counts six active sites: fab-nijmegen (wafer fab + chip
design, 1000 employees in 2026, 2000 in 2017), design-nijmegen (chip design, no coordinates, no
figure), osat-duiven (assembly-test + back-end equipment, 300), ems-duiven (EMS, 50),
uni-nijmegen (research + education serving front-end and back-end, 200) and network-nijmegen
(cluster support, which serves phases without being part of them). planned-nijmegen is
pipeline, closed-duiven is ignored. The headline counts industrial presence by default, so the
university is counted beside front-end and back-end, not in them; ``roles="all"`` counts it in.
"""

from __future__ import annotations

from typing import Any

import pytest

from lifeport_map import coverage as coverage_result
from lifeport_map.errors import UsageError
from tests.analysis_support import analysis_registry


def coverage(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return coverage_result(*args, **kwargs).to_json()


def phases(result: dict) -> dict[str, dict]:
    return {p["phase"]: p for p in result["phases"]}


def test_json_shape_and_chain_order() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    assert result["region"]["id"] == "nijmegen"
    assert [p["phase"] for p in result["phases"]] == ["design", "front-end", "back-end", "system-integration"]
    for phase in result["phases"]:
        assert isinstance(phase["count"], int)
        assert all({"id", "name"} <= set(a) for a in phase["actors"])
        assert phase["count"] == len(phase["actors"])


def test_home_region_counts() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    by = phases(result)
    assert result["sites"] == 6
    assert result["counting"]["id"] == "industry"
    assert {p: by[p]["count"] for p in by} == {
        "design": 2,
        "front-end": 1,
        "back-end": 1,
        "system-integration": 1,
    }
    assert {p: by[p]["knowledge"]["count"] for p in by} == {
        "design": 0,
        "front-end": 1,
        "back-end": 1,
        "system-integration": 0,
    }
    assert {p: by[p]["all_sites"] for p in by} == {
        "design": 2,
        "front-end": 2,
        "back-end": 2,
        "system-integration": 1,
    }
    assert [a["id"] for a in by["design"]["actors"]] == ["design-nijmegen", "fab-nijmegen"]
    assert [a["id"] for a in by["front-end"]["actors"]] == ["fab-nijmegen"]
    assert [a["id"] for a in by["front-end"]["knowledge"]["actors"]] == ["uni-nijmegen"]
    assert [a["id"] for a in by["back-end"]["actors"]] == ["osat-duiven"]
    # the network organisation serves every phase but is in none of them
    assert all("network-nijmegen" not in [a["id"] for a in p["actors"]] for p in by.values())
    assert [o["name"] for o in result["organisations"]] == [
        "Cluster",
        "Designco",
        "Fabco",
        "Packco",
        "Systemco",
        "University",
    ]
    assert result["whole_chain"] is True
    assert result["whole_chain_production"] is True


def test_activities_present_and_absent() -> None:
    by = phases(coverage(analysis_registry(), "nijmegen"))
    present = {a["id"]: a["count"] for a in by["front-end"]["activities"]["present"]}
    assert present == {"wafer-fab": 1, "research": 1, "education": 1}
    absent = {a["id"] for a in by["front-end"]["activities"]["absent"]}
    assert absent == {
        "foundry",
        "pilot-line",
        "front-end-equipment",
        "equipment-components",
        "materials",
        "services",
    }
    assert "cluster-support" not in absent  # support is never a white spot


def test_employees_latest_figure_and_sites_without_figure() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    by = phases(result)
    # fab 1000 (2026 beats 2017's 2000) + osat 300 (a range up to 400) + ems 50 (its newer
    # 2,700 is for the whole organisation) + uni 200; Designco has only a worldwide figure
    assert result["employees"] == {
        "known": 1550,
        "sites_with_figure": 4,
        "sites_without_figure": 2,
        "known_max": 1650,
        "scope_unstated": 3,
        "wider_only": 1,
    }
    assert by["design"]["employees"] == {
        "known": 1000,
        "sites_with_figure": 1,
        "sites_without_figure": 1,
        "known_max": 1000,
        "scope_unstated": 0,
        "wider_only": 1,  # Designco: only its worldwide figure
    }
    # phase sums cover the headline's sites: the university's 200 are beside them
    assert by["front-end"]["employees"]["known"] == 1000
    assert by["back-end"]["employees"]["known"] == 300
    assert by["system-integration"]["employees"]["known"] == 50


def test_roles_and_production() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    by = phases(result)
    roles = {r["role"]: r["count"] for r in by["back-end"]["roles"]}
    assert roles == {"production": 1, "equipment-materials": 1, "design-services": 0, "research-education": 1}
    assert {r["role"]: r["count"] for r in result["roles"]} == {
        "production": 3,
        "equipment-materials": 1,
        "design-services": 2,
        "research-education": 1,
        "support": 1,
    }
    # design has no production-role activity: its core is chip design, EDA, IP, services
    assert by["design"]["production"]["count"] == 2
    assert by["front-end"]["production"]["actors"] == [
        {"id": "fab-nijmegen", "name": "Fabco Nijmegen", "organisation": "Fabco"}
    ]
    assert result["production_phases"] == ["design", "front-end", "back-end", "system-integration"]


def test_fragile_phases() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    assert [(f["phase"], f["organisation"]) for f in result["fragile_phases"]] == [
        ("front-end", "Fabco"),
        ("back-end", "Packco"),
        ("system-integration", "Systemco"),
    ]
    assert [(f["phase"], f["organisation"]) for f in result["fragile_production_phases"]] == [
        ("front-end", "Fabco"),
        ("back-end", "Packco"),
        ("system-integration", "Systemco"),
    ]


def test_all_roles_count_the_university_inside_the_phases() -> None:
    result = coverage(analysis_registry(), "nijmegen", roles="all")
    by = phases(result)
    assert result["counting"]["id"] == "all" and result["counting"]["knowledge"] == "inside"
    assert [a["id"] for a in by["front-end"]["actors"]] == ["fab-nijmegen", "uni-nijmegen"]
    assert [a["id"] for a in by["back-end"]["actors"]] == ["osat-duiven", "uni-nijmegen"]
    assert by["front-end"]["employees"]["known"] == 1200
    assert [(f["phase"], f["organisation"]) for f in result["fragile_phases"]] == [
        ("system-integration", "Systemco")
    ]
    # production is its own rule, whatever the headline counts
    assert by["front-end"]["production"]["count"] == 1


def test_roles_choose_the_headline() -> None:
    by = phases(coverage(analysis_registry(), "nijmegen", roles="equipment-materials"))
    assert {p: by[p]["count"] for p in by} == {
        "design": 0,
        "front-end": 0,
        "back-end": 1,
        "system-integration": 0,
    }
    with pytest.raises(UsageError):
        coverage(analysis_registry(), "nijmegen", roles="nonsense")


def test_pipeline_and_closed_sites() -> None:
    result = coverage(analysis_registry(), "nijmegen")
    assert [p["id"] for p in result["pipeline"]] == ["planned-nijmegen"]
    assert phases(result)["back-end"]["pipeline"] == [
        {"id": "planned-nijmegen", "name": "Fabco Packaging Line", "status": "planned"}
    ]
    everyone = {a["id"] for p in result["phases"] for a in p["actors"]}
    assert "closed-duiven" not in everyone and "planned-nijmegen" not in everyone


def test_definition_changes_membership() -> None:
    result = coverage(analysis_registry(), "nijmegen", definition="radius-10km")
    assert result["definition"]["id"] == "radius-10km"
    assert result["definition"]["type"] == "radius"
    # Duiven is ~16 km away; design-nijmegen has no coordinates, so a radius cannot place it
    assert result["sites"] == 3
    assert [a["id"] for a in phases(result)["design"]["actors"]] == ["fab-nijmegen"]


def test_region_with_one_organisation() -> None:
    result = coverage(analysis_registry(), "Silicon Saxony")
    by = phases(result)
    assert result["region"]["id"] == "dresden"
    assert {p: by[p]["count"] for p in by} == {
        "design": 0,
        "front-end": 2,
        "back-end": 1,
        "system-integration": 0,
    }
    assert result["whole_chain"] is False
    assert [(f["phase"], f["organisation"], f["sites"]) for f in result["fragile_phases"]] == [
        ("front-end", "Saxfab", ["fab-dresden", "fab2-dresden"]),
        ("back-end", "Saxfab", ["fab2-dresden"]),
    ]
    assert result["employees"] == {
        "known": 3000,
        "sites_with_figure": 1,
        "sites_without_figure": 1,
        "known_max": 3000,
        "scope_unstated": 1,
        "wider_only": 0,
    }


def test_empty_region() -> None:
    result = coverage(analysis_registry(), "leuven")
    assert result["sites"] == 0
    assert all(p["count"] == 0 and p["actors"] == [] for p in result["phases"])
    assert result["covered_phases"] == []
    assert result["whole_chain"] is False and result["whole_chain_production"] is False
    assert result["fragile_phases"] == []
    assert result["employees"] == {
        "known": 0,
        "sites_with_figure": 0,
        "sites_without_figure": 0,
        "known_max": 0,
        "scope_unstated": 0,
        "wider_only": 0,
    }


def test_labels_follow_language() -> None:
    assert phases(coverage(analysis_registry(), "nijmegen", lang="nl"))["design"]["label"] == "Chipontwerp"
    assert phases(coverage(analysis_registry(), "nijmegen", lang="en"))["design"]["label"] == "Design"


def test_unknown_region_and_definition() -> None:
    with pytest.raises(UsageError) as error:
        coverage(analysis_registry(), "nijmegn")
    assert "nijmegen" in error.value.hint
    with pytest.raises(UsageError) as error:
        coverage(analysis_registry(), "nijmegen", definition="gmr-18")
    assert "two" in error.value.hint


def test_shipped_nijmegen_covers_all_four_phases() -> None:
    from lifeport_map.registry import load_registry

    result = coverage(load_registry(check=False), "lifeport")
    assert result["region"]["id"] == "nijmegen"
    assert result["covered_phases"] == ["design", "front-end", "back-end", "system-integration"]
    assert all(p["count"] > 0 for p in result["phases"])
