"""The chain rules (lifeport_map/chain.py) on a tiny hand-made vocabulary."""

from __future__ import annotations

import pytest

from lifeport_map.chain import COUNTINGS, KNOWLEDGE, OTHER, PIPELINE, ChainRules, chain_rules, counting
from lifeport_map.errors import UsageError
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
    # a knowledge institute is drawn as one, beside the phases (industrial presence, the default)
    assert r.layers("active", "university", ("research",), ("front-end",)) == (KNOWLEDGE,)
    assert r.layers("active", "university", ("wafer-fab",), ()) == (KNOWLEDGE,)
    assert r.layers("active", "university", ("research",), ()) == (KNOWLEDGE,)
    # a company doing research only is in no phase's industrial presence
    assert r.layers("active", "idm", ("research",), ("front-end",)) == (OTHER,)
    assert r.layers("active", "network", ("cluster-support",), ("design",)) == (OTHER,)
    # under 'all' every site active in a phase is drawn in it, knowledge institutes too
    every = COUNTINGS["all"]
    assert r.layers("active", "university", ("research",), ("front-end",), every) == ("front-end", KNOWLEDGE)
    assert r.layers("active", "idm", ("research",), ("front-end",), every) == ("front-end",)
    assert r.layer_ids() == ("design", "front-end", "back-end", KNOWLEDGE, OTHER, PIPELINE)


def test_industrial_presence_counts_companies_in_industry_roles_only() -> None:
    r, industry = rules(), COUNTINGS["industry"]
    assert r.counts_in_phase(industry, "idm", ("wafer-fab",), "front-end")
    assert r.counts_in_phase(industry, "supplier", ("materials",), "front-end")  # equipment & materials
    assert r.counts_in_phase(industry, "fabless", ("chip-design",), "design")  # design & services
    assert not r.counts_in_phase(industry, "idm", ("research",), "front-end")  # research alone
    assert not r.counts_in_phase(industry, "university", ("wafer-fab",), "front-end")  # beside
    assert not r.counts_in_phase(industry, "idm", (), "front-end")


def test_production_counts_core_activities_of_companies() -> None:
    r, production = rules(), COUNTINGS["production"]
    assert r.counts_in_phase(production, "idm", ("wafer-fab", "materials"), "front-end")
    assert not r.counts_in_phase(production, "supplier", ("materials",), "front-end")
    assert r.counts_in_phase(production, "fabless", ("eda",), "design")  # design's core is design
    assert not r.counts_in_phase(production, "university", ("wafer-fab",), "front-end")


def test_all_counts_every_role_and_knowledge_institutes_inside() -> None:
    r, every = rules(), COUNTINGS["all"]
    assert r.counts_in_phase(every, "university", ("research",), "front-end")
    assert r.counts_in_phase(every, "idm", ("research",), "front-end")
    assert r.counted_phases(every, "university", ("research", "eda"), ("back-end",)) == ("design", "back-end")
    assert r.counted_phases(COUNTINGS["industry"], "university", ("eda",), ()) == ()


def test_a_list_of_roles_is_a_counting_definition_and_unknown_ones_are_refused() -> None:
    roles = rules().roles
    chosen = counting("equipment-materials, production", roles)
    assert chosen.roles == ("production", "equipment-materials")  # taxonomy order
    assert chosen.knowledge == "beside"
    assert counting("research-education", roles).knowledge == "inside"
    assert counting(None, roles) is COUNTINGS["industry"]
    assert counting("production", roles) is COUNTINGS["production"]
    for bad in ("support", "producton", ","):
        with pytest.raises(UsageError) as caught:
            counting(bad, roles)
        assert "industry, production, all" in (caught.value.hint or "")


def test_a_list_of_roles_is_named_by_the_roles_labels_in_the_language() -> None:
    names = {
        "production": {"nl": "Productie", "en": "Production"},
        "equipment-materials": {"nl": "Apparatuur en materialen", "en": "Equipment and materials"},
        "design-services": {"nl": "OSAT-diensten", "en": "OSAT services"},
    }
    chosen = counting("equipment-materials,production", rules().roles, names)
    assert chosen.id == "production,equipment-materials"  # ids stay ids, for scripts
    assert chosen.text("nl") == "rollen productie; apparatuur en materialen"
    assert chosen.text("en") == "roles production; equipment and materials"
    assert chosen.rule_text("nl").startswith(
        "Actieve vestigingen met een activiteit in de fase in de rol(len) "
        "productie; apparatuur en materialen."
    )
    # an abbreviation keeps its capitals; a role without a label is named by its id
    assert counting("design-services", rules().roles, names).text("en") == "roles OSAT services"
    assert counting("research-education", rules().roles, names).text("nl") == "rollen research-education"


def test_the_graph_and_the_taxonomy_give_the_same_role_labels() -> None:
    from lifeport_map.graph import as_graph, chain_rules_of
    from lifeport_map.registry import load_registry
    from tests.conftest import FIXTURES

    registry = load_registry(FIXTURES / "time" / "companies.yaml", FIXTURES / "time" / "regions")
    from_graph = chain_rules_of(as_graph(registry)).role_labels
    assert from_graph == chain_rules(registry.taxonomy).role_labels
    assert from_graph["equipment-materials"] == {
        "nl": "Apparatuur en materialen",
        "en": "Equipment and materials",
    }


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


def test_roles_of_works_out_each_combination_once_and_hands_out_a_copy() -> None:
    """Sites share a few hundred combinations of activities; a comparison asks for their roles
    once per site and phase (156,000 times at 100,000 sites). Each combination is worked out
    once, whatever iterable names it, and the caller gets a list of its own."""
    looked_up: list[str] = []

    class Counted(dict[str, str]):
        def get(self, key: str, default: object = None) -> str | None:  # type: ignore[override]
            looked_up.append(key)
            return super().get(key)

    found = ChainRules(
        phases=("design", "front-end", "back-end"),
        roles=("production", "equipment-materials", "design-services", "research-education", "support"),
        activities=tuple(PHASE),
        phase_of=PHASE,
        role_of=Counted(ROLE),
        knowledge_kinds=frozenset({"university"}),
    )
    first = found.roles_of(("wafer-fab", "eda", "chip-design", "unknown"))
    assert first == ["design-services", "production"]
    assert len(looked_up) == 4
    first.append("changed by the caller")
    assert found.roles_of(("wafer-fab", "eda", "chip-design", "unknown")) == ["design-services", "production"]
    assert found.roles_of(["wafer-fab", "eda", "chip-design", "unknown"]) == ["design-services", "production"]
    assert found.roles_of(a for a in ("materials", "materials")) == ["equipment-materials"]
    assert found.roles_of(()) == []
    assert len(looked_up) == 4 + 2  # the two materials; everything else came from the first answer
