"""The value-chain graph: the registry as one networkx MultiDiGraph, built in one place, and the
model every analysis reads.

Nodes have a fixed ``type`` and ids prefixed with it (``site:nxp-nijmegen``): the taxonomy
(phase, activity, role, kind, group of a view), the registry (site, organisation) and the
regions (region, definition). Edges have a fixed ``type`` too, and the registry's own typed
relations between sites keep theirs with ``origin="registry"``. Node and edge attributes are
plain values (text, numbers, tuples), documented in docs/graph.md; ``add_*`` functions are the
only way nodes and edges are made, so a graph built by hand has the same shape as one built
from YAML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from lifeport_map.chain import ChainRules
from lifeport_map.errors import UsageError
from lifeport_map.messages import msg
from lifeport_map.text import fold, slugify

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Facility, Region, RegionFigure, Registry, Site

NODE_TYPES = ("phase", "role", "activity", "kind", "group", "organisation", "site", "region", "definition")
# Edges the graph itself makes; registry relations (partner, member-of, ...) come on top.
STRUCTURAL_EDGE_TYPES = (
    "in-phase",  # activity -> phase; site -> phase (served=True: named for a cross-cutting activity)
    "has-role",  # activity -> role
    "in-group",  # activity -> group of a view (pillars, national categories)
    "performs",  # site -> activity
    "is-a",  # site -> kind
    "part-of",  # site -> organisation (origin="structure")
    "located-in",  # site -> definition: the site belongs to the region under that definition
    "defines",  # definition -> region
)
LANGS = ("nl", "en")
LOAD = "load_registry()"  # how a registry is read, as errors about the API's arguments name it
RULE_NODE_TYPES = ("phase", "role", "activity", "kind")  # the nodes chain_rules_of reads


def check_lang(lang: str) -> str:
    """``lang`` when it is a language of the output (nl, en), else a UsageError: a label
    looked up in another language would silently be English."""
    if lang not in LANGS:
        raise UsageError(
            msg("api.unknown-lang", lang=str(lang)), hint=msg("use-one-of", values=", ".join(LANGS))
        )
    return lang


def node_id(node_type: str, key: str) -> str:
    """The graph id of a node: its type and its key, e.g. ``phase:front-end``."""
    return f"{node_type}:{key}"


def definition_key(region: str, definition: str) -> str:
    return f"{region}/{definition}"


def _labels(label: Mapping[str, str], key: str) -> dict[str, str]:
    return {f"label_{lang}": label.get(lang) or label.get("en") or key for lang in LANGS}


# --- making nodes and edges ---------------------------------------------------------------------


def new_graph() -> nx.MultiDiGraph:
    import networkx as nx

    return nx.MultiDiGraph(name="lifeport-map value chain")


def add_phase(graph: nx.MultiDiGraph, key: str, label: Mapping[str, str]) -> str:
    node = node_id("phase", key)
    order = sum(1 for _ in _of_type(graph, "phase"))
    graph.add_node(node, type="phase", key=key, order=order, **_labels(label, key))
    graph.graph.pop("_rules", None)  # the chain rules change with these nodes
    return node


def add_role(graph: nx.MultiDiGraph, key: str, label: Mapping[str, str]) -> str:
    node = node_id("role", key)
    order = sum(1 for _ in _of_type(graph, "role"))
    graph.add_node(node, type="role", key=key, order=order, **_labels(label, key))
    graph.graph.pop("_rules", None)  # the chain rules change with these nodes
    return node


def add_activity(
    graph: nx.MultiDiGraph, key: str, label: Mapping[str, str], *, phase: str | None, role: str | None
) -> str:
    """An activity; ``phase`` None makes it cross-cutting (it serves the phases a site names)."""
    node = node_id("activity", key)
    graph.add_node(node, type="activity", key=key, phase=phase or "", role=role or "", **_labels(label, key))
    graph.graph.pop("_rules", None)  # the chain rules change with these nodes
    if phase:
        graph.add_edge(node, node_id("phase", phase), key="in-phase", type="in-phase")
    if role:
        graph.add_edge(node, node_id("role", role), key="has-role", type="has-role")
    return node


def add_kind(graph: nx.MultiDiGraph, key: str, label: Mapping[str, str], *, knowledge: bool) -> str:
    node = node_id("kind", key)
    graph.add_node(node, type="kind", key=key, knowledge=knowledge, **_labels(label, key))
    graph.graph.pop("_rules", None)  # the chain rules change with these nodes
    return node


def add_group(
    graph: nx.MultiDiGraph, view: str, key: str, label: Mapping[str, str], activities: Iterable[str]
) -> str:
    """A group of a taxonomy view (a pillar, a national category) and the activities in it."""
    node = node_id("group", f"{view}/{key}")
    graph.add_node(node, type="group", key=key, view=view, **_labels(label, key))
    for activity in activities:
        graph.add_edge(node_id("activity", activity), node, key="in-group", type="in-group")
    return node


def add_region(
    graph: nx.MultiDiGraph,
    key: str,
    name: Mapping[str, str],
    *,
    centre: tuple[float, float],
    centre_place: str = "",
    country: str = "",
    default_definition: str,
    aliases: Sequence[str] = (),
    figures: Sequence[RegionFigure] = (),
) -> str:
    """A region; its published ``figures`` (for ``stats``) ride on the node."""
    node = node_id("region", key)
    graph.add_node(
        node,
        type="region",
        key=key,
        **_labels(name, key),
        name=dict(name),
        lat=centre[0],
        lon=centre[1],
        centre_place=centre_place,
        country=country,
        default_definition=default_definition,
        aliases=tuple(aliases),
        figures=tuple(figures),
    )
    return node


def add_definition(
    graph: nx.MultiDiGraph,
    region: str,
    key: str,
    name: Mapping[str, str],
    *,
    kind: str,
    source: str = "",
    year: int | None = None,
    municipalities: int | None = None,
    radius_km: float | None = None,
) -> str:
    """One definition of a region (``kind``: municipalities, radius or boundary)."""
    node = node_id("definition", definition_key(region, key))
    graph.add_node(
        node,
        type="definition",
        key=key,
        region=region,
        definition_type=kind,
        **_labels(name, key),
        source=source,
        year=year,
        municipalities=municipalities,
        radius_km=radius_km,
    )
    graph.add_edge(node, node_id("region", region), key="defines", type="defines")
    return node


@dataclass(frozen=True, slots=True)
class SiteNode:
    """A site node's attributes, typed: what the analyses read."""

    id: str
    name: str
    organisation: str
    kind: str
    status: str
    activities: tuple[str, ...]
    served_phases: tuple[str, ...]
    phases: tuple[str, ...]
    place: str
    municipality: str
    country: str
    lat: float | None
    lon: float | None
    precision: str | None
    employees: int | None
    employees_year: int | None
    sources: tuple[tuple[str, str, int | None], ...]  # reference, title, year
    # The plant (facility) at the site, when the registry describes one.
    facility_type: str = ""
    wafer_mm: tuple[int, ...] = ()
    technologies: tuple[str, ...] = ()
    node_nm: float | None = None
    capacity: tuple[float, str, int] | None = None  # value, unit, year
    facility_source: str = ""  # reference of the facility's (or its capacity's) source
    # Time: the years the site was active, and its dated events ("YYYY[-MM] type").
    since: int | None = None
    until: int | None = None
    events: tuple[str, ...] = ()
    # The latest site-level employee figure's details (``employees`` is its value).
    employees_max: int | None = None
    employees_scope: str = ""
    employees_approximate: bool = False
    employees_source: str = ""
    # The latest figure for the whole organisation or a region: value, year, scope, reference.
    # Shown beside regional sums, never added to them.
    wider_employees: tuple[int, int, str, str] | None = None
    checked: str = ""  # YYYY-MM of the last verification against the sources ("" never)

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


SITE_FIELDS = tuple(f.name for f in fields(SiteNode))[1:]
_SITE_VALUES = itemgetter(*SITE_FIELDS)  # a node's SiteNode fields in one C-level call
_SITE_ATTRIBUTES = attrgetter(*SITE_FIELDS)  # and a SiteNode's, for its node


def add_site(graph: nx.MultiDiGraph, site: SiteNode, *, rules: ChainRules | None = None) -> str:
    """A site with its performs, in-phase, is-a and part-of edges. ``site.phases`` should be
    the phases its activities lie in plus the served ones, in chain order (``rules`` derives
    them when given)."""
    node = node_id("site", site.id)
    attrs = dict(zip(SITE_FIELDS, _SITE_ATTRIBUTES(site), strict=True))
    if rules is not None:
        own = {rules.phase_of.get(a) for a in site.activities} | set(site.served_phases)
        attrs["phases"] = tuple(p for p in rules.phases if p in own)
    graph.add_node(node, type="site", key=site.id, **attrs)
    organisation = node_id("organisation", slugify(site.organisation) or site.id)
    if organisation not in graph:
        graph.add_node(organisation, type="organisation", key=organisation[13:], name=site.organisation)
    nodes = graph.nodes
    own_phases = {nodes[node_id("activity", a)].get("phase") for a in site.activities}
    edges: list[tuple[str, str, str, dict[str, Any]]] = [
        (node, organisation, "part-of", {"type": "part-of", "origin": "structure"}),
        (node, node_id("kind", site.kind), "is-a", {"type": "is-a"}),
    ]
    edges += [(node, node_id("activity", a), "performs", {"type": "performs"}) for a in site.activities]
    edges += [
        (node, node_id("phase", p), "in-phase", {"type": "in-phase", "served": p not in own_phases})
        for p in attrs["phases"]
    ]
    add_edges(graph, edges)
    return node


def add_edges(graph: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    """``graph.add_edges_from(edges)`` for (source, target, key, attributes) edges, with the
    same adjacency, keys and attributes, but without networkx's per-edge bookkeeping: that
    copies each attribute dict twice and reaches the new edge through three views, which was
    two thirds of building a 10,000-site graph. Each attribute dict becomes the edge's own (pass
    a new one per edge). Edges at a missing node, and graphs of a subclass (which may have
    other dict factories), go through networkx itself."""
    import networkx as nx

    if graph.__class__ is not nx.MultiDiGraph:
        graph.add_edges_from(edges)
        return
    succ, pred = graph._succ, graph._pred
    for u, v, key, attrs in edges:
        out = succ.get(u)
        if out is None or v not in succ:
            graph.add_edge(u, v, key, **attrs)
            continue
        keys = out.get(v)
        if keys is None:
            out[v] = pred[v][u] = {key: attrs}
        elif key in keys:
            keys[key].update(attrs)
        else:
            keys[key] = attrs
    clear_cache = getattr(nx, "_clear_cache", None)  # networkx >= 3.3 caches per graph
    if clear_cache is not None:
        clear_cache(graph)


def add_membership(graph: nx.MultiDiGraph, site: str, region: str, definition: str) -> None:
    """The site belongs to ``region`` under ``definition``."""
    graph.add_edge(
        node_id("site", site),
        node_id("definition", definition_key(region, definition)),
        key="located-in",
        type="located-in",
    )


def add_relation(
    graph: nx.MultiDiGraph, source: str, target: str, kind: str, *, symmetric: bool, note: str = ""
) -> None:
    """A relation the registry states between two sites (partner, member-of, supplier-of, ...)."""
    graph.add_edge(
        node_id("site", source),
        node_id("site", target),
        key=kind,
        type=kind,
        origin="registry",
        symmetric=symmetric,
        note=note,
    )


# --- building the graph of a registry -----------------------------------------------------------


def site_node(site: Site) -> SiteNode:
    """A registry site as the graph holds it (its latest site-level employee figure counts;
    the latest organisation- or region-wide one rides along apart)."""
    latest = site.site_employees
    wider = site.wider_employees
    loc = site.location
    facility = site.facility
    capacity = facility.capacity if facility else None
    return SiteNode(
        id=site.id,
        name=site.name,
        organisation=site.organisation,
        kind=site.kind,
        status=site.status,
        activities=site.activities,
        served_phases=site.served_phases,
        phases=site.phases,
        place=loc.place,
        municipality=loc.municipality,
        country=loc.country,
        lat=loc.lat,
        lon=loc.lon,
        precision=loc.precision,
        employees=latest.value if latest else None,
        employees_year=latest.year if latest else None,
        sources=tuple((s.url or s.reference, s.title or "", s.year) for s in site.sources),
        facility_type=facility.type if facility else "",
        wafer_mm=facility.wafer_mm if facility else (),
        technologies=facility.technologies if facility else (),
        node_nm=facility.node_nm if facility else None,
        capacity=(capacity.value, capacity.unit, capacity.year) if capacity else None,
        facility_source=_facility_source(facility),
        since=site.since,
        until=site.until,
        events=tuple(f"{e.date} {e.type}" for e in site.events),
        employees_max=latest.max if latest else None,
        employees_scope=(latest.scope or "") if latest else "",
        employees_approximate=latest.approximate if latest else False,
        employees_source=latest.reference if latest else "",
        wider_employees=(wider.value, wider.year, wider.scope or "", wider.reference) if wider else None,
        checked=site.checked or "",
    )


def _facility_source(facility: Facility | None) -> str:
    if facility is None:
        return ""
    if facility.capacity is not None and facility.capacity.reference:
        return facility.capacity.reference
    return facility.source.reference if facility.source else ""


_BUILT: list[tuple[Registry, nx.MultiDiGraph]] = []


def as_graph(source: Registry | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``source`` itself when it is a graph; for a registry its graph, built once (the last
    few registries' graphs are kept, so the analyses of one command share one graph)."""
    import networkx as nx

    from lifeport_map.model import Registry

    if not isinstance(source, Registry):
        if not isinstance(source, nx.MultiDiGraph):
            raise UsageError(
                msg("api.not-a-source", load=LOAD, build="build_graph()", what=type(source).__name__),
                hint=msg("api.not-a-source/hint", load=LOAD),
            )
        return source
    for registry, graph in _BUILT:
        if registry is source:
            return graph
    graph = build_graph(source)
    _BUILT.insert(0, (source, graph))
    del _BUILT[4:]
    return graph


def build_graph(registry: Registry) -> nx.MultiDiGraph:
    """Build the value-chain graph of ``registry`` (see the module docstring and docs/graph.md).

    Membership is worked out once here for every definition of every region: municipality
    lists by a name index, radii by distance, boundaries by point in polygon. Relations to
    unknown ids or to the site itself are left out (``validate`` reports them).
    """
    taxonomy = registry.taxonomy
    graph = new_graph()
    set_terms(
        graph,
        {
            name: {t.id: dict(t.label) for t in getattr(taxonomy, name)}
            for name in ("statuses", "facility_types", "technologies", "capacity_units", "event_types")
        },
    )
    for phase in taxonomy.phases:
        add_phase(graph, phase.id, phase.label)
    for role in taxonomy.roles:
        add_role(graph, role.id, role.label)
    for activity in taxonomy.activities:
        add_activity(graph, activity.id, activity.label, phase=activity.phase, role=activity.role)
    for kind in taxonomy.kinds:
        add_kind(graph, kind.id, kind.label, knowledge=kind.id in taxonomy.knowledge_kinds)
    for view in taxonomy.views:
        for group, activities in view.groups:
            add_group(graph, view.id, group.id, group.label, activities)
    for region in registry.regions.values():
        _add_region(graph, region)
    _add_sites(graph, registry.sites)
    _add_memberships(graph, registry)
    by_id, symmetric = registry.by_id, taxonomy.symmetric_relations
    add_edges(
        graph,
        [
            (
                "site:" + site.id,
                "site:" + relation.target,
                relation.type,
                {
                    "type": relation.type,
                    "origin": "registry",
                    "symmetric": relation.type in symmetric,
                    "note": relation.note or "",
                },
            )
            for site in registry.sites
            for relation in site.relations
            if relation.target in by_id and relation.target != site.id
        ],
    )
    return graph


def site_attributes(site: Site) -> dict[str, Any]:
    """The attributes of ``site``'s node, ``type`` and ``key`` first: what
    ``add_site(graph, site_node(site))`` stores, without building the ``SiteNode`` first
    (``build_graph`` makes one node per site; a test keeps the two equal on every field)."""
    employees = site.employees
    latest = site.site_employees if employees else None
    wider = site.wider_employees if employees else None
    loc = site.location
    facility = site.facility
    wafer_mm: tuple[int, ...] = ()
    technologies: tuple[str, ...] = ()
    if facility is None:
        facility_type, node_nm, capacity = "", None, None
    else:
        facility_type, wafer_mm, technologies = facility.type, facility.wafer_mm, facility.technologies
        node_nm = facility.node_nm
        found = facility.capacity
        capacity = (found.value, found.unit, found.year) if found else None
    events = site.events
    return {
        "type": "site",
        "key": site.id,
        "name": site.name,
        "organisation": site.organisation,
        "kind": site.kind,
        "status": site.status,
        "activities": site.activities,
        "served_phases": site.served_phases,
        "phases": site.phases,
        "place": loc.place,
        "municipality": loc.municipality,
        "country": loc.country,
        "lat": loc.lat,
        "lon": loc.lon,
        "precision": loc.precision,
        "employees": latest.value if latest else None,
        "employees_year": latest.year if latest else None,
        "sources": tuple([(s.url or s.reference, s.title or "", s.year) for s in site.sources]),
        "facility_type": facility_type,
        "wafer_mm": wafer_mm,
        "technologies": technologies,
        "node_nm": node_nm,
        "capacity": capacity,
        "facility_source": _facility_source(facility),
        "since": site.since,
        "until": site.until,
        "events": tuple([f"{e.date} {e.type}" for e in events]) if events else (),
        "employees_max": latest.max if latest else None,
        "employees_scope": (latest.scope or "") if latest else "",
        "employees_approximate": latest.approximate if latest else False,
        "employees_source": latest.reference if latest else "",
        "wider_employees": (wider.value, wider.year, wider.scope or "", wider.reference) if wider else None,
        "checked": site.checked or "",
    }


def _add_sites(graph: nx.MultiDiGraph, sites: Iterable[Site]) -> None:
    """``add_site(graph, site_node(site))`` for every site, in order, with the same nodes,
    edges, keys and attributes (a test compares the two on whole graphs), written into
    networkx's adjacency directly: at 100,000 sites the per-site ``add_node``, edge tuples and
    ``SiteNode`` were most of building the graph. A site whose node exists already (a repeated
    id) or whose kind, activities or phases have no node goes through ``add_site`` itself."""
    import networkx as nx

    if graph.__class__ is not nx.MultiDiGraph:
        for site in sites:
            add_site(graph, site_node(site))
        return
    nodes, succ, pred = graph._node, graph._succ, graph._pred
    activity_phase = {n[9:]: d.get("phase") for n, d in _of_type(graph, "activity")}
    kinds = {d["key"] for _, d in _of_type(graph, "kind")}
    phases = {d["key"] for _, d in _of_type(graph, "phase")}
    slugs: dict[str, str] = {}
    for site in sites:
        node = "site:" + site.id
        activities, site_phases = site.activities, site.phases
        if (
            node in nodes
            or site.kind not in kinds
            or not activity_phase.keys() >= set(activities)
            or not phases.issuperset(site_phases)
        ):
            add_site(graph, site_node(site))
            continue
        name = site.organisation
        slug = slugs.get(name)
        if slug is None:
            slug = slugs[name] = slugify(name)
        organisation = "organisation:" + (slug or site.id)
        nodes[node] = site_attributes(site)
        out: dict[str, dict[str, dict[str, Any]]] = {}
        succ[node] = out
        pred[node] = {}
        if organisation not in nodes:
            nodes[organisation] = {"type": "organisation", "key": organisation[13:], "name": name}
            succ[organisation] = {}
            pred[organisation] = {}
        out[organisation] = pred[organisation][node] = {"part-of": {"type": "part-of", "origin": "structure"}}
        kind = "kind:" + site.kind
        out[kind] = pred[kind][node] = {"is-a": {"type": "is-a"}}
        for activity in activities:
            target = "activity:" + activity
            if target not in out:  # a repeated activity is one edge, as add_edges makes it
                out[target] = pred[target][node] = {"performs": {"type": "performs"}}
        own = {activity_phase[a] for a in activities}
        for phase in site_phases:
            target = "phase:" + phase
            if target not in out:
                served = phase not in own
                out[target] = pred[target][node] = {"in-phase": {"type": "in-phase", "served": served}}
    clear_cache = getattr(nx, "_clear_cache", None)  # networkx >= 3.3 caches per graph
    if clear_cache is not None:
        clear_cache(graph)


def _add_region(graph: nx.MultiDiGraph, region: Region) -> None:
    add_region(
        graph,
        region.id,
        region.name,
        centre=region.centre,
        centre_place=region.centre_place,
        country=region.country,
        default_definition=region.default_definition,
        aliases=region.aliases,
        figures=region.figures,
    )
    for d in region.definitions:
        add_definition(
            graph,
            region.id,
            d.id,
            d.name,
            kind=d.type,
            source=d.source.reference,
            year=d.source.year,
            municipalities=len(d.municipalities) or None,
            radius_km=d.radius_km,
        )


def _add_memberships(graph: nx.MultiDiGraph, registry: Registry) -> None:
    from lifeport_map.geo import members_by_definition

    edges = []
    for r, d, members in members_by_definition(registry):
        target = node_id("definition", definition_key(r.id, d.id))
        edges += [("site:" + s.id, target, "located-in", {"type": "located-in"}) for s in members]
    add_edges(graph, edges)


def set_terms(graph: nx.MultiDiGraph, terms: Mapping[str, Mapping[str, Mapping[str, str]]]) -> None:
    """The vocabularies that are not nodes (statuses, facility types, technologies, capacity
    units, event types), id -> labels by language; kept with the graph, not exported."""
    graph.graph["_terms"] = {name: dict(found) for name, found in terms.items()}


# --- reading the graph --------------------------------------------------------------------------


def term_ids(graph: nx.MultiDiGraph, vocabulary: str) -> tuple[str, ...] | None:
    """The ids of a vocabulary kept with the graph (None: the graph does not say)."""
    found = graph.graph.get("_terms", {}).get(vocabulary)
    return None if found is None else tuple(found)


def term_label(graph: nx.MultiDiGraph, vocabulary: str, key: str, lang: str) -> str:
    """The label of a term of a vocabulary kept with the graph (its id if unknown)."""
    labels = graph.graph.get("_terms", {}).get(vocabulary, {}).get(key) or {}
    return str(labels.get(lang) or labels.get("en") or key)


def _of_type(graph: nx.MultiDiGraph, node_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    prefix = node_type + ":"
    return ((n, d) for n, d in graph.nodes(data=True) if n.startswith(prefix) and d.get("type") == node_type)


def nodes_of_type(graph: nx.MultiDiGraph, node_type: str) -> list[str]:
    """Ids of every node of ``node_type``, in insertion order."""
    return [n for n, _ in _of_type(graph, node_type)]


def keys_of_type(graph: nx.MultiDiGraph, node_type: str) -> list[str]:
    """Keys (registry or taxonomy ids) of every node of ``node_type``, in insertion order."""
    return [str(d["key"]) for _, d in _of_type(graph, node_type)]


def label(graph: nx.MultiDiGraph, node_type: str, key: str, lang: str) -> str:
    """The Dutch or English label of a taxonomy, region or definition node (its key if none)."""
    data = graph.nodes.get(node_id(node_type, key))
    if data is None:
        return key
    return str(data.get(f"label_{lang}") or data.get("label_en") or key)


def chain_rules_of(graph: nx.MultiDiGraph) -> ChainRules:
    """The chain rules from the graph's phase, role, activity and kind nodes.

    They are kept with the graph, with the nodes they were read from: a copy of the graph
    (``graph.copy()``, which copies them too) or the graph itself whose phase, role, activity
    or kind nodes were since removed or changed by hand reads them again, and the ``add_*``
    functions of those nodes drop them."""
    cached = graph.graph.get("_rules")
    if isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], ChainRules):
        kept: ChainRules = cached[0]
        nodes = graph.nodes
        if all(nodes.get(node) == data for node, data in cached[1]):
            return kept
    read_from = tuple((node, dict(data)) for kind in RULE_NODE_TYPES for node, data in _of_type(graph, kind))
    activities = list(_of_type(graph, "activity"))
    rules = ChainRules(
        phases=tuple(keys_of_type(graph, "phase")),
        roles=tuple(keys_of_type(graph, "role")),
        activities=tuple(d["key"] for _, d in activities),
        phase_of={d["key"]: d["phase"] or None for _, d in activities},
        role_of={d["key"]: d["role"] or None for _, d in activities},
        knowledge_kinds=frozenset(d["key"] for _, d in _of_type(graph, "kind") if d.get("knowledge")),
        role_labels={
            d["key"]: {lang: str(d.get(f"label_{lang}") or d["key"]) for lang in ("nl", "en")}
            for _, d in _of_type(graph, "role")
        },
    )
    graph.graph["_rules"] = (rules, read_from)
    return rules


def site(graph: nx.MultiDiGraph, site_id: str) -> SiteNode:
    """The typed attributes of site ``site_id``."""
    return SiteNode(site_id, *_SITE_VALUES(graph.nodes[node_id("site", site_id)]))


def all_sites(graph: nx.MultiDiGraph) -> list[SiteNode]:
    """Every site, in insertion (registry) order."""
    return [SiteNode(d["key"], *_SITE_VALUES(d)) for _, d in _of_type(graph, "site")]


def has_site(graph: nx.MultiDiGraph, site_id: str) -> bool:
    return node_id("site", site_id) in graph


@dataclass(frozen=True)
class RegionNode:
    id: str
    name: Mapping[str, str]
    centre: tuple[float, float]
    centre_place: str
    country: str
    default_definition: str
    aliases: tuple[str, ...]
    figures: tuple[RegionFigure, ...]
    definitions: tuple[str, ...]

    def text(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id


def region(graph: nx.MultiDiGraph, region_id: str) -> RegionNode:
    node = node_id("region", region_id)
    d = graph.nodes[node]
    definitions = tuple(
        graph.nodes[u]["key"] for u, _, k in graph.in_edges(node, keys=True) if k == "defines"
    )
    return RegionNode(
        id=region_id,
        name=d["name"],
        centre=(d["lat"], d["lon"]),
        centre_place=d["centre_place"],
        country=d["country"],
        default_definition=d["default_definition"],
        aliases=d["aliases"],
        figures=d["figures"],
        definitions=definitions,
    )


def region_ids(graph: nx.MultiDiGraph) -> list[str]:
    return keys_of_type(graph, "region")


@dataclass(frozen=True)
class DefinitionNode:
    id: str
    region: str
    type: str
    name: Mapping[str, str]
    source: str
    year: int | None
    municipalities: int | None
    radius_km: float | None

    def text(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id


def definition(graph: nx.MultiDiGraph, region_id: str, definition_id: str) -> DefinitionNode:
    d = graph.nodes[node_id("definition", definition_key(region_id, definition_id))]
    return DefinitionNode(
        id=definition_id,
        region=region_id,
        type=d["definition_type"],
        name={lang: d[f"label_{lang}"] for lang in LANGS},
        source=d["source"],
        year=d["year"],
        municipalities=d["municipalities"],
        radius_km=d["radius_km"],
    )


def resolve_region(graph: nx.MultiDiGraph, name: str, *, ids: Sequence[str] | None = None) -> RegionNode:
    """A region by id, name or alias (case- and accent-insensitive), or a UsageError with the
    closest names. ``ids``: the graph's ``region_ids``, when the caller has them already (they
    are found by looking at every node: 20 ms at 100,000 sites, for each region compared)."""
    wanted = fold(name)
    candidates: dict[str, str] = {}
    if ids is None:
        ids = region_ids(graph)
    for region_id in ids:
        found = region(graph, region_id)
        names = [found.id, *found.name.values(), *found.aliases]
        if any(fold(n) == wanted for n in names):
            return found
        for n in names:
            candidates[fold(n)] = found.id
    import difflib

    close = difflib.get_close_matches(wanted, list(candidates), n=5, cutoff=0.5)
    suggestions = list(dict.fromkeys(candidates[c] for c in close))
    hint = (
        msg("did-you-mean/some", names=", ".join(suggestions))
        if suggestions
        else msg("region.unknown/hint", regions=", ".join(ids))
    )
    raise UsageError(msg("region.unknown", region=name), hint=hint)


def resolve_definition(graph: nx.MultiDiGraph, found: RegionNode, wanted: str | None) -> DefinitionNode:
    """The named definition of a region (its default when None), or a UsageError."""
    chosen = wanted or found.default_definition
    if chosen not in found.definitions:
        raise UsageError(
            msg("claims.unknown-definition", region=found.id, definition=chosen),
            hint=msg("use-one-of", values=", ".join(found.definitions)),
        )
    return definition(graph, found.id, chosen)


def member_ids(graph: nx.MultiDiGraph, region_id: str, definition_id: str) -> list[str]:
    """Ids of the sites in a region under a definition, in registry order."""
    target = node_id("definition", definition_key(region_id, definition_id))
    found = {u for u, _, k in graph.in_edges(target, keys=True) if k == "located-in"}
    return [n[5:] for n in graph if n in found]


def members(graph: nx.MultiDiGraph, region_id: str, definition_id: str) -> list[SiteNode]:
    """The sites in a region under a definition, in registry order (``site`` of each, reading
    the node mapping itself: networkx's view of it costs a Python call per site)."""
    nodes = graph._node
    ids = member_ids(graph, region_id, definition_id)
    return [SiteNode(s, *_SITE_VALUES(nodes["site:" + s])) for s in ids]


def regions_of(graph: nx.MultiDiGraph, site_id: str) -> list[str]:
    """Ids of the regions a site belongs to under each region's default definition."""
    inside = {v for _, v, k in graph.out_edges(node_id("site", site_id), keys=True) if k == "located-in"}
    out = []
    for region_id in region_ids(graph):
        default = graph.nodes[node_id("region", region_id)]["default_definition"]
        if node_id("definition", definition_key(region_id, default)) in inside:
            out.append(region_id)
    return out


# --- time ----------------------------------------------------------------------------------------

# Events that date a site's start, its end, and a planned site's expected opening.
START_EVENTS = ("opened",)
END_EVENTS = ("closed", "bankruptcy")
EXPECTED_EVENTS = ("planned-opening",)


def _event_years(events: Iterable[str], types: Sequence[str]) -> list[int]:
    return [int(e[:4]) for e in events if e.split(" ", 1)[-1] in types and e[:4].isdigit()]


def site_timeline(found: SiteNode) -> tuple[int | None, int | None, int | None]:
    """A site's start, end and expected opening year (None: not known), from since/until and
    its events (see ``chain.rule_text("time")``)."""
    starts = _event_years(found.events, START_EVENTS)
    ends = _event_years(found.events, END_EVENTS)
    expected = _event_years(found.events, EXPECTED_EVENTS)
    start = found.since if found.since is not None else (min(starts) if starts else None)
    end = found.until if found.until is not None else (max(ends) if ends else None)
    return start, end, max(expected) if expected else found.since


def status_in(found: SiteNode, year: int, today: int) -> str | None:
    """What ``found`` was (or is planned to be) in ``year``, seen from ``today``: a status, or
    None when it was not there (see ``chain.rule_text("time")``)."""
    start, end, expected = site_timeline(found)
    if found.status in ("planned", "under-construction"):
        if year < today:
            return None
        if expected is not None and today <= expected <= year:
            return "active"
        return found.status
    if start is not None and start > year:
        return None
    if end is not None and end < year:
        return None
    if found.status == "closed":
        return "closed" if end is None else "active"
    return found.status


def at_year(graph: nx.MultiDiGraph, year: int, *, today: int) -> nx.MultiDiGraph:
    """A copy of ``graph`` as the chain was (``year`` before ``today``) or is planned to be
    (from ``today`` on) in ``year``: sites not there are removed with their edges, and the
    status of the others is the one they had (closed sites still open then are active, planned
    ones opened by their expected year are active). ``graph.graph["time"]`` records the year,
    ``today``, and the sites counted without a start year and opened as planned."""
    out = graph.copy()
    gone, opened, no_start = [], [], []
    for found in all_sites(graph):
        status = status_in(found, year, today)
        node = node_id("site", found.id)
        if status is None:
            gone.append(node)
            continue
        if status != found.status:
            out.nodes[node]["status"] = status
            if found.status != "closed":
                opened.append(found.id)  # from its expected year: its start is known
                continue
        if status == "active" and site_timeline(found)[0] is None:
            no_start.append(found.id)
    out.remove_nodes_from(gone)
    out.graph["time"] = {
        "year": year,
        "today": today,
        "opened_as_planned": frozenset(opened),
        "without_start": frozenset(no_start),
    }
    return out


def without_sites(graph: nx.MultiDiGraph, site_ids: Iterable[str]) -> nx.MultiDiGraph:
    """A read-only view of ``graph`` with the sites removed (what-if): every edge of theirs
    goes too, so memberships, relations and phase edges no longer see them."""
    import networkx as nx

    view: nx.MultiDiGraph = nx.restricted_view(graph, [node_id("site", s) for s in site_ids], [])
    return view


# --- small queries -------------------------------------------------------------------------------


def _targets(graph: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[str]:
    for _, target, data in graph.out_edges(node, data=True):
        if data.get("type") == edge_type:
            yield target


def _sources(graph: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[str]:
    for source, _, data in graph.in_edges(node, data=True):
        if data.get("type") == edge_type:
            yield source


def sites_in_phase(graph: nx.MultiDiGraph, phase: str) -> list[str]:
    """Registry ids of the sites with an in-phase edge to ``phase`` (by activity or served)."""
    return sorted(
        graph.nodes[s]["key"]
        for s in _sources(graph, node_id("phase", phase), "in-phase")
        if graph.nodes[s]["type"] == "site"
    )


def sites_performing(graph: nx.MultiDiGraph, activity: str) -> list[str]:
    """Registry ids of the sites performing ``activity``."""
    return sorted(graph.nodes[s]["key"] for s in _sources(graph, node_id("activity", activity), "performs"))


def sites_in_region(graph: nx.MultiDiGraph, region_id: str, definition_id: str | None = None) -> list[str]:
    """Registry ids of the sites in ``region`` under ``definition`` (default: the region's), sorted."""
    wanted = definition_id or graph.nodes[node_id("region", region_id)]["default_definition"]
    return sorted(member_ids(graph, region_id, wanted))


def organisation_of(graph: nx.MultiDiGraph, site_id: str) -> str:
    """The organisation name of a site."""
    for target in _targets(graph, node_id("site", site_id), "part-of"):
        if graph.nodes[target]["type"] == "organisation":
            return str(graph.nodes[target]["name"])
    raise KeyError(site_id)


def sites_of_organisation(graph: nx.MultiDiGraph, organisation_node: str) -> list[str]:
    """Registry ids of the sites of an organisation node (``organisation:<slug>``)."""
    return sorted(
        graph.nodes[s]["key"]
        for s in _sources(graph, organisation_node, "part-of")
        if graph.nodes[s]["type"] == "site"
    )


def related_sites(graph: nx.MultiDiGraph, site_id: str, relation: str) -> list[str]:
    """Sites that ``site`` has a registry relation of type ``relation`` with.

    Symmetric relations (partner) are followed in both directions.
    """
    node = node_id("site", site_id)
    found = set(_targets(graph, node, relation))
    for source, _, data in graph.in_edges(node, data=True):
        if data.get("type") == relation and data.get("symmetric"):
            found.add(source)
    return sorted(graph.nodes[n]["key"] for n in found if graph.nodes[n]["type"] == "site")
