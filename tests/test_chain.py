"""The chain rules (lifeport_map/chain.py) on a tiny hand-made vocabulary."""

from __future__ import annotations

from lifeport_map.chain import KNOWLEDGE, OTHER, PIPELINE, ChainRules, chain_rules
from lifeport_map.registry import default_taxonomy_path
from lifeport_map.taxonomy import load_taxonomy

PHASE = {
    "chip-design": "design",
    "eda": "design",
    "wafer-fab": "front-end",
    "materials": "front-end",
    "research": None,
    "cluster-support": None,
}
ROLE = {
    "chip-design": "design-services",
    "eda": "design-services",
    "wafer-fab": "production",
    "materials": "equipment-materials",
    "research": "research-education",
    "cluster-support": "support",
}


def rules() -> ChainRules:
    return ChainRules(
        phases=("design", "front-end", "back-end"),
        roles=("production", "equipment-materials", "design-services", "research-education", "support"),
        activities=tuple(PHASE),
        phase_of=PHASE,
        role_of=ROLE,
        knowledge_kinds=frozenset({"university"}),
    )


def test_own_activities_place_a_site_in_their_phase() -> None:
    assert rules().activities_by_phase(("materials", "chip-design"), ()) == {
        "design": ("chip-design",),
        "front-end": ("materials",),
    }


def test_a_cross_cutting_activity_counts_only_in_the_phases_named_as_served() -> None:
    found = rules().activities_by_phase(("wafer-fab", "research"), ("design",))
    assert found == {"design": ("research",), "front-end": ("wafer-fab",)}
    assert rules().activities_in_phase(("research",), ("back-end",), "back-end") == ("research",)
    assert rules().activities_in_phase(("research",), (), "design") == ()


def test_support_serves_a_phase_without_counting_in_it() -> None:
    assert rules().activities_by_phase(("cluster-support",), ("front-end",)) == {}
    assert not rules().needs_served_phases("cluster-support")
    assert rules().needs_served_phases("research")
    assert not rules().needs_served_phases("wafer-fab")


def test_cross_cutting_activities_are_those_without_a_phase() -> None:
    assert rules().cross_cutting == frozenset({"research", "cluster-support"})
    assert rules().cross_cutting_order == ("research", "cluster-support")


def test_core_activities_are_production_or_for_design_the_design_services() -> None:
    assert rules().core_activities("front-end") == ("wafer-fab",)
    assert rules().core_activities("design") == ("chip-design", "eda")
    assert rules().core_activities("back-end") == ()


def test_chain_activities_are_the_phases_own_then_the_counting_cross_cutting_ones() -> None:
    assert rules().chain_activities("front-end") == ("wafer-fab", "materials", "research")
    assert rules().chain_activities("back-end") == ("research",)


def test_layers_follow_status_kind_and_phases() -> None:
    r = rules()
    assert r.layers("planned", "idm", ("wafer-fab",), ()) == (PIPELINE,)
    assert r.layers("under-construction", "idm", ("wafer-fab",), ()) == (PIPELINE,)
    assert r.layers("closed", "idm", ("wafer-fab",), ()) == ()
    assert r.layers("active", "idm", ("wafer-fab", "eda"), ()) == ("design", "front-end")
    assert r.layers("active", "university", ("research",), ("front-end",)) == ("front-end", KNOWLEDGE)
    assert r.layers("active", "university", ("research",), ()) == (KNOWLEDGE,)
    assert r.layers("active", "network", ("cluster-support",), ("design",)) == (OTHER,)
    assert r.layer_ids() == ("design", "front-end", "back-end", KNOWLEDGE, OTHER, PIPELINE)


def test_roles_of_activities_are_sorted_and_unique() -> None:
    assert rules().roles_of(("wafer-fab", "materials", "wafer-fab")) == ["equipment-materials", "production"]


def test_the_shipped_taxonomy_derives_the_four_cross_cutting_activities() -> None:
    shipped = chain_rules(load_taxonomy(default_taxonomy_path()))
    assert shipped.cross_cutting_order == ("research", "education", "services", "cluster-support")
    assert [a for a in shipped.cross_cutting_order if shipped.needs_served_phases(a)] == [
        "research",
        "education",
        "services",
    ]
