"""The value-chain graph: fixed node and edge vocabulary, built from the hand-made registry."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

import networkx as nx

from lifeport_map.graph import (
    NODE_TYPES,
    SITE_FIELDS,
    STRUCTURAL_EDGE_TYPES,
    add_edges,
    add_relation,
    add_site,
    build_graph,
    node_id,
    nodes_of_type,
    organisation_of,
    related_sites,
    site_attributes,
    site_node,
    sites_in_phase,
    sites_in_region,
    sites_of_organisation,
    sites_performing,
)
from lifeport_map.model import Registry
from tests.analysis_support import analysis_registry


def graph() -> nx.MultiDiGraph:
    return build_graph(analysis_registry())


def test_node_types_and_counts() -> None:
    g = graph()
    registry = analysis_registry()
    counts = Counter(data["type"] for _, data in g.nodes(data=True))
    assert set(counts) == set(NODE_TYPES)
    assert counts["site"] == 13
    assert counts["phase"] == 4
    assert counts["activity"] == len(registry.taxonomy.activities)
    assert counts["region"] == 3
    assert counts["definition"] == sum(len(r.definitions) for r in registry.regions.values())
    assert counts["role"] == len(registry.taxonomy.roles)
    assert counts["kind"] == len(registry.taxonomy.kinds)
    assert counts["group"] == sum(len(v.groups) for v in registry.taxonomy.views)
    # Fabco has two sites (fab and planned line); Saxfab two; every other organisation one.
    assert counts["organisation"] == 11
    assert isinstance(g, nx.MultiDiGraph)


def test_edge_types_are_the_fixed_vocabulary_plus_registry_relations() -> None:
    g = graph()
    types = {data["type"] for _, _, data in g.edges(data=True)}
    relation_types = set(analysis_registry().taxonomy.vocabulary("relation_types"))
    assert types <= set(STRUCTURAL_EDGE_TYPES) | relation_types
    assert set(STRUCTURAL_EDGE_TYPES) <= types
    registry_edges = {(u, v, d["type"]) for u, v, d in g.edges(data=True) if d.get("origin") == "registry"}
    assert registry_edges == {
        ("site:design-nijmegen", "site:uni-nijmegen", "spin-off-of"),
        ("site:fab2-dresden", "site:fab-dresden", "part-of"),
        ("site:osat-duiven", "site:fab-nijmegen", "partner"),
    }


def test_site_edges_of_the_fab() -> None:
    g = graph()
    fab = node_id("site", "fab-nijmegen")
    out = {(v, d["type"]) for _, v, d in g.out_edges(fab, data=True)}
    assert ("activity:wafer-fab", "performs") in out
    assert ("activity:chip-design", "performs") in out
    assert ("phase:design", "in-phase") in out
    assert ("phase:front-end", "in-phase") in out
    assert ("organisation:fabco", "part-of") in out
    assert ("kind:idm", "is-a") in out
    located = {v for v, t in out if t == "located-in"}
    assert located == {"definition:nijmegen/two", "definition:nijmegen/radius-10km"}
    assert g.get_edge_data("definition:nijmegen/two", "region:nijmegen")["defines"]["type"] == "defines"
    assert g.nodes[fab]["employees"] == 1000  # the 2026 figure, not the older 2017 one
    assert g.get_edge_data("activity:wafer-fab", "phase:front-end")["in-phase"]["type"] == "in-phase"


def test_site_without_coordinates_is_in_municipality_definitions_only() -> None:
    g = graph()
    located = {v for _, v, k in g.out_edges("site:design-nijmegen", keys=True) if k == "located-in"}
    assert located == {"definition:nijmegen/two"}
    assert g.nodes["site:design-nijmegen"]["lat"] is None


def test_served_phases_are_marked() -> None:
    g = graph()
    edge = g.get_edge_data("site:uni-nijmegen", "phase:front-end")["in-phase"]
    assert edge["served"] is True
    assert g.get_edge_data("site:fab-nijmegen", "phase:front-end")["in-phase"]["served"] is False


def test_queries() -> None:
    g = graph()
    assert sites_performing(g, "wafer-fab") == ["fab-dresden", "fab-nijmegen", "fab-nocoords"]
    assert "uni-nijmegen" in sites_in_phase(g, "back-end")
    assert sites_in_region(g, "nijmegen", "radius-10km") == [
        "fab-nijmegen",
        "network-nijmegen",
        "planned-nijmegen",
        "uni-nijmegen",
    ]
    assert sites_in_region(g, "leuven") == []
    assert sites_in_region(g, "dresden") == ["fab-dresden", "fab2-dresden"]
    assert organisation_of(g, "fab2-dresden") == "Saxfab"
    assert sites_of_organisation(g, "organisation:fabco") == ["fab-nijmegen", "planned-nijmegen"]
    # partner is symmetric: followed from both ends
    assert related_sites(g, "fab-nijmegen", "partner") == ["osat-duiven"]
    assert related_sites(g, "osat-duiven", "partner") == ["fab-nijmegen"]
    # part-of between sites is not confused with a site's organisation
    assert related_sites(g, "fab2-dresden", "part-of") == ["fab-dresden"]
    assert related_sites(g, "fab-dresden", "part-of") == []
    assert len(nodes_of_type(g, "phase")) == 4


def test_shipped_registry_graph_builds() -> None:
    from lifeport_map.registry import load_registry

    registry = load_registry(check=False)
    g = build_graph(registry)
    assert len(nodes_of_type(g, "site")) == len(registry.sites)
    assert "site:nxp-nijmegen" in sites_in_region_nodes(g)


def sites_in_region_nodes(g: nx.MultiDiGraph) -> set[str]:
    default = g.nodes["region:nijmegen"]["default_definition"]
    return {
        u for u, _, d in g.in_edges(f"definition:nijmegen/{default}", data=True) if d["type"] == "located-in"
    }


def _adjacency(graph: nx.MultiDiGraph) -> tuple[list[Any], list[Any], list[Any]]:
    """Nodes, successors and predecessors with keys and attributes, in insertion order."""
    return (
        list(graph.nodes(data=True)),
        [(u, v, dict(keys)) for u in graph for v, keys in graph.succ[u].items()],
        [(v, u, dict(keys)) for v in graph for u, keys in graph.pred[v].items()],
    )


def test_add_edges_makes_what_networkx_makes() -> None:
    """The bulk edge path (used for every site) gives the adjacency add_edges_from gives:
    new pairs, a second key on a pair, an existing key updated, a self-loop, and an edge at a
    node not yet in the graph (which networkx adds)."""
    edges = [
        ("a", "b", "performs", {"type": "performs"}),
        ("a", "b", "is-a", {"type": "is-a"}),
        ("a", "b", "performs", {"note": "again"}),
        ("b", "b", "partner", {"type": "partner"}),
        ("b", "new", "part-of", {"type": "part-of"}),
    ]
    ours, theirs = nx.MultiDiGraph(), nx.MultiDiGraph()
    for graph in (ours, theirs):
        graph.add_node("a", type="site")
        graph.add_node("b", type="kind")
    add_edges(ours, [(u, v, k, dict(d)) for u, v, k, d in edges])
    theirs.add_edges_from((u, v, k, dict(d)) for u, v, k, d in edges)
    assert _adjacency(ours) == _adjacency(theirs)
    assert list(ours.edges(keys=True, data=True)) == [
        ("a", "b", "performs", {"type": "performs", "note": "again"}),
        ("a", "b", "is-a", {"type": "is-a"}),
        ("b", "b", "partner", {"type": "partner"}),
        ("b", "new", "part-of", {"type": "part-of"}),
    ]
    ours.remove_edge("a", "b", "is-a")  # successors and predecessors share one key dict
    assert list(ours.pred["b"]["a"]) == ["performs"]
    assert list(ours.nodes) == ["a", "b", "new"]


def test_add_edges_on_a_subclass_goes_through_networkx() -> None:
    class Counting(nx.MultiDiGraph):  # type: ignore[misc]
        added = 0

        def add_edge(self, u: Any, v: Any, key: Any = None, **attr: Any) -> Any:
            Counting.added += 1
            return super().add_edge(u, v, key, **attr)

    graph = Counting()
    add_edges(graph, [("a", "b", "is-a", {"type": "is-a"})])
    assert Counting.added == 1
    assert list(graph.edges(keys=True, data=True)) == [("a", "b", "is-a", {"type": "is-a"})]


def _one_by_one(registry: Registry) -> nx.MultiDiGraph:
    """``build_graph`` as it was written before sites were added in bulk: ``add_site`` for each
    site and ``add_relation`` for each relation, through networkx's own ``add_node``/``add_edge``."""
    graph = build_graph(replace(registry, sites=()))
    for found in registry.sites:
        add_site(graph, site_node(found))
    full = build_graph(registry)  # the memberships, as the bulk path made them, come next
    for u, v, k, d in full.edges(keys=True, data=True):
        if k == "located-in":
            graph.add_edge(u, v, k, **d)
    for found in registry.sites:
        for relation in found.relations:
            if relation.target in registry.by_id and relation.target != found.id:
                add_relation(
                    graph,
                    found.id,
                    relation.target,
                    relation.type,
                    symmetric=relation.type in registry.taxonomy.symmetric_relations,
                    note=relation.note or "",
                )
    return graph


def _edge_cases(registry: Registry) -> Registry:
    """The hand-made registry with what the bulk path hands to ``add_site``: a repeated id (its
    node is updated and keeps its first edges, not made twice), and an organisation whose name
    gives no slug (its node is named after the site); plus a repeated activity (one edge)."""
    first, second, *rest = registry.sites
    return replace(
        registry,
        sites=(
            replace(first, organisation="!!!", activities=(*first.activities, *first.activities)),
            second,
            replace(second, name="Again", activities=first.activities, phases=first.phases),
            *rest,
        ),
    )


def test_bulk_sites_make_what_add_site_makes() -> None:
    """``build_graph`` writes site nodes and their edges straight into networkx's dicts. The
    graph must be the one ``add_site`` and ``add_relation`` make: the same nodes, edges, keys and
    attributes in the same order, with one key dict shared by successor and predecessor."""
    from lifeport_map.registry import load_registry

    for registry in (analysis_registry(), _edge_cases(analysis_registry()), load_registry(check=False)):
        ours, theirs = build_graph(registry), _one_by_one(registry)
        assert _adjacency(ours) == _adjacency(theirs)
        assert all(ours._succ[u][v] is ours._pred[v][u] for u in ours for v in ours._succ[u])
    edge_cases = build_graph(_edge_cases(analysis_registry()))
    first = analysis_registry().sites[0]
    assert edge_cases.nodes[f"organisation:{first.id}"]["name"] == "!!!"
    assert list(edge_cases.succ[f"site:{first.id}"]).count(f"activity:{first.activities[0]}") == 1
    second = analysis_registry().sites[1]
    assert edge_cases.nodes[f"site:{second.id}"]["name"] == "Again"
    performs = {v for v, keys in edge_cases.succ[f"site:{second.id}"].items() if "performs" in keys}
    assert performs == {f"activity:{a}" for a in (*second.activities, *first.activities)}


def test_site_attributes_are_the_site_nodes_fields() -> None:
    """``site_attributes`` (what ``build_graph`` stores) holds every ``SiteNode`` field of
    ``site_node``, with type and key first; a new field added to one only fails here."""
    from lifeport_map.registry import load_registry

    for found in (*analysis_registry().sites, *load_registry(check=False).sites):
        node = site_node(found)
        attributes = site_attributes(found)
        assert list(attributes) == ["type", "key", *SITE_FIELDS]
        assert attributes == {"type": "site", "key": node.id, **{f: getattr(node, f) for f in SITE_FIELDS}}


def test_members_are_the_sites_of_the_member_ids_in_registry_order() -> None:
    """``members`` reads the node mapping itself; it gives what ``site`` gives for each of
    ``member_ids``, for every definition of every shipped region."""
    from lifeport_map.graph import build_graph, definition, member_ids, members, region, region_ids, site
    from lifeport_map.registry import load_registry

    graph = build_graph(load_registry(check=False))
    seen = 0
    for region_id in region_ids(graph):
        for definition_id in region(graph, region_id).definitions:
            assert definition(graph, region_id, definition_id).id == definition_id
            expected = [site(graph, s) for s in member_ids(graph, region_id, definition_id)]
            assert members(graph, region_id, definition_id) == expected
            seen += len(expected)
    assert seen > 100
