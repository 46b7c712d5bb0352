"""The value-chain graph: the registry as one networkx MultiDiGraph, built in one place.

Nodes have a fixed ``type`` (site, organisation, activity, phase, region) and ids prefixed with
it (``site:nxp-nijmegen``). Edges have a fixed ``type`` (performs, in-phase, located-in,
part-of) plus the registry's own typed relations between sites (``origin="registry"``), so a
query can always tell a site's membership of its organisation from a relation someone wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lifeport_map.geo import in_region
from lifeport_map.model import Registry, Site
from lifeport_map.text import slugify

if TYPE_CHECKING:
    import networkx as nx

NODE_TYPES = ("site", "organisation", "activity", "phase", "region")
STRUCTURAL_EDGE_TYPES = ("performs", "in-phase", "located-in", "part-of")


def node_id(node_type: str, key: str) -> str:
    """The graph id of a node: its type and its registry id, e.g. ``phase:front-end``."""
    return f"{node_type}:{key}"


def organisation_key(site: Site) -> str:
    """Sites of one organisation share this key (the organisation name, slugified)."""
    return slugify(site.organisation) or site.id


def build_graph(registry: Registry) -> nx.MultiDiGraph:
    """Build the value-chain graph of ``registry``.

    Edges: site -performs-> activity, activity -in-phase-> phase, site -in-phase-> phase (with
    ``served=True`` for phases named for cross-cutting activities), site -part-of-> organisation,
    site -located-in-> region (``definitions`` lists every definition the site satisfies,
    ``default`` whether the region's default is one of them), organisation -located-in-> region
    is not added: organisations span regions. Registry relations become site -> site edges keyed
    by their type; relations to unknown ids are left out (``validate`` reports them).
    """
    import networkx as nx

    taxonomy = registry.taxonomy
    graph = nx.MultiDiGraph(name="lifeport-map value chain")
    for order, phase in enumerate(taxonomy.phases):
        graph.add_node(
            node_id("phase", phase.id),
            type="phase",
            key=phase.id,
            order=order,
            label_nl=phase.text("nl"),
            label_en=phase.text("en"),
        )
    for activity in taxonomy.activities:
        graph.add_node(
            node_id("activity", activity.id),
            type="activity",
            key=activity.id,
            role=activity.role or "",
            phase=activity.phase or "",
            label_nl=activity.text("nl"),
            label_en=activity.text("en"),
        )
        if activity.phase:
            graph.add_edge(
                node_id("activity", activity.id),
                node_id("phase", activity.phase),
                key="in-phase",
                type="in-phase",
            )
    for region in registry.regions.values():
        graph.add_node(
            node_id("region", region.id),
            type="region",
            key=region.id,
            label_nl=region.text("nl"),
            label_en=region.text("en"),
            lat=region.centre[0],
            lon=region.centre[1],
            default_definition=region.default_definition,
        )
    for site in registry.sites:
        _add_site(graph, registry, site)
    for site in registry.sites:
        for relation in site.relations:
            if relation.target not in registry.by_id or relation.target == site.id:
                continue
            graph.add_edge(
                node_id("site", site.id),
                node_id("site", relation.target),
                key=relation.type,
                type=relation.type,
                origin="registry",
                symmetric=relation.type in taxonomy.symmetric_relations,
                note=relation.note or "",
            )
    return graph


def _add_site(graph: nx.MultiDiGraph, registry: Registry, site: Site) -> None:
    taxonomy = registry.taxonomy
    site_node = node_id("site", site.id)
    loc = site.location
    latest = site.latest_employees
    graph.add_node(
        site_node,
        type="site",
        key=site.id,
        name=site.name,
        organisation=site.organisation,
        kind=site.kind,
        status=site.status,
        activities=list(site.activities),
        phases=list(site.phases),
        place=loc.place,
        municipality=loc.municipality,
        country=loc.country,
        lat=loc.lat,
        lon=loc.lon,
        precision=loc.precision,
        employees=latest.value if latest else None,
        employees_year=latest.year if latest else None,
    )
    org_node = node_id("organisation", organisation_key(site))
    if org_node not in graph:
        graph.add_node(org_node, type="organisation", key=organisation_key(site), name=site.organisation)
    graph.add_edge(site_node, org_node, key="part-of", type="part-of", origin="structure")
    for activity in site.activities:
        graph.add_edge(site_node, node_id("activity", activity), key="performs", type="performs")
    own = {taxonomy.phase_of(a) for a in site.activities}
    for phase in site.phases:
        graph.add_edge(
            site_node, node_id("phase", phase), key="in-phase", type="in-phase", served=phase not in own
        )
    for region in registry.regions.values():
        definitions = [d.id for d in region.definitions if in_region(site, region, d, registry.regions_dir)]
        if definitions:
            graph.add_edge(
                site_node,
                node_id("region", region.id),
                key="located-in",
                type="located-in",
                definitions=definitions,
                default=region.default_definition in definitions,
            )


# --- small queries -------------------------------------------------------------------------


def nodes_of_type(graph: nx.MultiDiGraph, node_type: str) -> list[str]:
    """Ids of every node of ``node_type``, in insertion order."""
    return [n for n, data in graph.nodes(data=True) if data.get("type") == node_type]


def _targets(graph: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[str]:
    for _, target, data in graph.out_edges(node, data=True):
        if data.get("type") == edge_type:
            yield target


def _sources(graph: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[str]:
    for source, _, data in graph.in_edges(node, data=True):
        if data.get("type") == edge_type:
            yield source


def sites_in_phase(graph: nx.MultiDiGraph, phase: str) -> list[str]:
    """Registry ids of the sites active in ``phase`` (by activity or as served phase)."""
    return sorted(
        graph.nodes[s]["key"]
        for s in _sources(graph, node_id("phase", phase), "in-phase")
        if graph.nodes[s]["type"] == "site"
    )


def sites_performing(graph: nx.MultiDiGraph, activity: str) -> list[str]:
    """Registry ids of the sites performing ``activity``."""
    return sorted(graph.nodes[s]["key"] for s in _sources(graph, node_id("activity", activity), "performs"))


def sites_in_region(graph: nx.MultiDiGraph, region: str, definition: str | None = None) -> list[str]:
    """Registry ids of the sites in ``region`` under ``definition`` (default: the region's)."""
    target = node_id("region", region)
    wanted = definition or graph.nodes[target]["default_definition"]
    return sorted(
        graph.nodes[s]["key"]
        for s, _, data in graph.in_edges(target, data=True)
        if data.get("type") == "located-in" and wanted in data["definitions"]
    )


def organisation_of(graph: nx.MultiDiGraph, site: str) -> str:
    """The organisation name of a site."""
    for target in _targets(graph, node_id("site", site), "part-of"):
        if graph.nodes[target]["type"] == "organisation":
            return str(graph.nodes[target]["name"])
    raise KeyError(site)


def sites_of_organisation(graph: nx.MultiDiGraph, organisation_node: str) -> list[str]:
    """Registry ids of the sites of an organisation node (``organisation:<slug>``)."""
    return sorted(
        graph.nodes[s]["key"]
        for s in _sources(graph, organisation_node, "part-of")
        if graph.nodes[s]["type"] == "site"
    )


def related_sites(graph: nx.MultiDiGraph, site: str, relation: str) -> list[str]:
    """Sites that ``site`` has a registry relation of type ``relation`` with.

    Symmetric relations (partner) are followed in both directions.
    """
    node = node_id("site", site)
    found = set(_targets(graph, node, relation))
    for source, _, data in graph.in_edges(node, data=True):
        if data.get("type") == relation and data.get("symmetric"):
            found.add(source)
    return sorted(graph.nodes[n]["key"] for n in found if graph.nodes[n]["type"] == "site")
