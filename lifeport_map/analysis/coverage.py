"""Coverage of the value chain per region: which phases, activities, roles and actors a region has.

Computed from the graph: the region's members are the sites with a located-in edge to the chosen
definition, and ``chain`` decides which phases, roles and activities each counts in. A phase's
headline counts what the counting definition says (default: industrial presence), with knowledge
institutes beside it. Only active sites count; planned and under-construction sites are listed as
the pipeline, closed ones are left out. The region's chosen definition alone decides which sites
are in the region.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lifeport_map.analysis.filters import SiteFilter, check_filter
from lifeport_map.chain import (
    COUNTED_STATUSES,
    COUNTINGS,
    DEFAULT_COUNTING,
    NON_CHAIN_ROLES,
    ChainRules,
    Counting,
    counting,
    is_counted,
    is_pipeline,
    rule_text,
)
from lifeport_map.errors import UsageError
from lifeport_map.graph import (
    DefinitionNode,
    RegionNode,
    SiteNode,
    as_graph,
    at_year,
    chain_rules_of,
    check_lang,
    has_site,
    keys_of_type,
    label,
    members,
    nodes_of_type,
    resolve_definition,
    resolve_region,
    without_sites,
)
from lifeport_map.messages import msg
from lifeport_map.results import (
    ActivityAbsent,
    ActivityPresence,
    ActivityPresent,
    Actor,
    CountingInfo,
    Coverage,
    CoverageMethod,
    DefinitionInfo,
    EmployeeSum,
    FragilePhase,
    OrganisationSites,
    PhaseCoverage,
    PhaseRoleCount,
    PipelineEntry,
    PipelineSite,
    RegionRef,
    RoleCount,
    SiteGroup,
    SiteRef,
    TimeInfo,
)
from lifeport_map.text import as_names, excerpt

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry


def check_site_ids(graph: nx.MultiDiGraph, site_ids: Iterable[str]) -> None:
    """Raise UsageError naming the closest ids when a site id is unknown."""
    for site_id in site_ids:
        if not has_site(graph, site_id):
            close = difflib.get_close_matches(site_id, keys_of_type(graph, "site"), n=3, cutoff=0.5)
            hint = (
                msg("did-you-mean/some", names=", ".join(close)) if close else msg("usage.unknown-site/hint")
            )
            raise UsageError(msg("usage.unknown-site", site=site_id), hint=hint)


def definition_info(definition: DefinitionNode, lang: str) -> DefinitionInfo:
    return DefinitionInfo(
        id=definition.id,
        name=definition.text(lang),
        type=definition.type,
        municipalities=definition.municipalities,
        radius_km=definition.radius_km,
        source=definition.source,
        year=definition.year,
    )


def counting_of(graph: nx.MultiDiGraph, roles: str | Counting | None) -> Counting:
    """The counting definition ``roles`` names (a preset or role ids), checked against the graph."""
    rules = chain_rules_of(graph)
    return counting(roles, rules.roles, rules.role_labels)


def counting_info(how: Counting, lang: str) -> CountingInfo:
    return CountingInfo(
        id=how.id, label=how.text(lang), rule=how.rule_text(lang), roles=how.roles, knowledge=how.knowledge
    )


def employee_sum(sites: Sequence[SiteNode]) -> EmployeeSum:
    """The site-level employee figures of ``sites`` added up, with their coverage (see
    chain's rule_text("employees"): organisation- and region-wide figures are never added)."""
    with_figure = [s for s in sites if s.employees is not None]
    return EmployeeSum(
        known=sum(s.employees or 0 for s in with_figure),
        sites_with_figure=len(with_figure),
        sites_without_figure=len(sites) - len(with_figure),
        known_max=sum(s.employees_max or s.employees or 0 for s in with_figure),
        scope_unstated=sum(1 for s in with_figure if s.employees_scope != "site"),
        wider_only=sum(1 for s in sites if s.employees is None and s.wider_employees is not None),
    )


def coverage(
    source: Registry | nx.MultiDiGraph,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "en",
    without: Collection[str] = (),
    roles: str | Counting | None = None,
    filters: SiteFilter | None = None,
    year: int | None = None,
    today: int | None = None,
) -> Coverage:
    """Per phase, in chain order: the sites, organisations, activities, employees and roles.

    ``region`` is an id, name or alias; ``without`` removes sites from the graph first;
    ``roles`` is the counting definition (default: industrial presence, see chain.COUNTINGS);
    ``filters`` keeps only the region's sites that pass them (country, technology, kind, ...);
    ``year`` looks at the chain as it was or is planned to be then (graph.at_year; ``today``
    defaults to this year, or SOURCE_DATE_EPOCH's).
    """
    check_lang(lang)
    without = as_names(without)
    graph = in_year(as_graph(source), year, today)
    how = counting_of(graph, roles)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    check_site_ids(graph, without)
    view = without_sites(graph, without) if without else graph
    sites = filtered(graph, members(view, found.id, chosen.id), filters)
    result = coverage_of_sites(graph, found, chosen, sites, lang=lang, how=how)
    return replace(result, filters=filters.info()) if filters else result


def check_year(year: int) -> None:
    """Raise UsageError for a ``--year`` outside 1900 to 2100 (the command line asks this while
    it reads its options, before any file is looked for)."""
    if isinstance(year, bool) or not isinstance(year, int):  # "2030" from a notebook widget
        raise UsageError(
            msg("api.year-not-a-number", value=excerpt(repr(year)), what=type(year).__name__),
            hint=msg("usage.year/hint"),
        )
    if not 1900 <= year <= 2100:
        raise UsageError(msg("usage.year", year=year), hint=msg("usage.year/hint"))


def in_year(graph: nx.MultiDiGraph, year: int | None, today: int | None = None) -> nx.MultiDiGraph:
    """``graph`` as it was or is planned to be in ``year`` (None: as the registry has it)."""
    if year is None:
        return graph
    check_year(year)
    if today is None:
        from lifeport_map.provenance import map_date

        today = int(map_date()[:4])
    return at_year(graph, year, today=today)


def registry_in_year(registry: Registry, year: int, today: int | None = None) -> Registry:
    """``registry`` with the sites and statuses ``in_year`` leaves (for the maps, which draw
    registry sites): the same graph operation, read back."""
    from dataclasses import replace as changed

    graph = in_year(as_graph(registry), year, today)
    status = {graph.nodes[n]["key"]: graph.nodes[n]["status"] for n in nodes_of_type(graph, "site")}
    sites = tuple(
        s if status[s.id] == s.status else changed(s, status=status[s.id])
        for s in registry.sites
        if s.id in status
    )
    return changed(registry, sites=sites)


def time_info(graph: nx.MultiDiGraph, counted: Sequence[SiteNode], lang: str) -> TimeInfo | None:
    """What ``--year`` did to these counted sites (None: the graph is the registry's own)."""
    found = graph.graph.get("time")
    if not found:
        return None
    return TimeInfo(
        year=found["year"],
        today=found["today"],
        mode="as-was" if found["year"] < found["today"] else "as-planned",
        sites_without_start=sum(1 for s in counted if s.id in found["without_start"]),
        opened_as_planned=tuple(s.id for s in counted if s.id in found["opened_as_planned"]),
        rule=rule_text("time", lang),
    )


def filtered(graph: nx.MultiDiGraph, sites: list[SiteNode], filters: SiteFilter | None) -> list[SiteNode]:
    """``sites`` that pass ``filters`` (checked against the graph's vocabularies first)."""
    if filters is None or filters.is_empty:
        return sites
    check_filter(graph, filters)
    return filters.apply(sites, chain_rules_of(graph))


def coverage_of_sites(
    graph: nx.MultiDiGraph,
    region: RegionNode,
    definition: DefinitionNode,
    sites: Iterable[SiteNode],
    *,
    lang: str = "en",
    how: Counting | None = None,
) -> Coverage:
    """Coverage of an already chosen set of region members (shared by compare and what-if),
    counted under ``how`` (default: industrial presence)."""
    rules = chain_rules_of(graph)
    how = how or COUNTINGS[DEFAULT_COUNTING]
    sites = list(sites)
    counted = [s for s in sites if is_counted(s.status)]
    # Each site's activities by phase, and its roles, worked out once rather than per phase or role.
    by_phase = [(s, rules.activities_by_phase(s.activities, s.served_phases)) for s in counted]
    pipeline = [s for s in sites if is_pipeline(s.status)]
    phases = tuple(
        _phase_coverage(graph, rules, how, phase, by_phase, pipeline, lang) for phase in rules.phases
    )
    roles_held = [frozenset(rules.roles_of(s.activities)) for s in counted]
    organisations: dict[str, list[str]] = {}
    for site in counted:
        organisations.setdefault(site.organisation, []).append(site.id)
    roles = tuple(
        RoleCount(
            role=role,
            label=label(graph, "role", role, lang),
            count=sum(1 for held in roles_held if role in held),
        )
        for role in rules.roles
    )
    return Coverage(
        region=RegionRef(id=region.id, name=region.text(lang)),
        definition=definition_info(definition, lang),
        counting=counting_info(how, lang),
        sites=len(counted),
        phases=phases,
        covered_phases=tuple(p.phase for p in phases if p.count),
        whole_chain=all(p.count for p in phases),
        production_phases=tuple(p.phase for p in phases if p.production.count),
        whole_chain_production=all(p.production.count for p in phases),
        fragile_phases=tuple(_fragile(p, p.actors) for p in phases if p.organisations == 1),
        fragile_production_phases=tuple(
            _fragile(p, p.production.actors) for p in phases if p.production.organisations == 1
        ),
        organisations=tuple(
            OrganisationSites(name=name, sites=tuple(ids))
            for name, ids in sorted(organisations.items(), key=lambda kv: kv[0].casefold())
        ),
        roles=roles,
        employees=employee_sum(counted),
        pipeline=tuple(
            PipelineEntry(id=s.id, name=s.name, status=s.status, phases=s.phases) for s in pipeline
        ),
        method=CoverageMethod(
            statuses_counted=COUNTED_STATUSES,
            employees=rule_text("employees", lang),
            production=rule_text("production", lang),
            core_activities={p: rules.core_activities(p) for p in rules.phases},
        ),
        time=time_info(graph, counted, lang),
    )


def _actor(site: SiteNode, in_phase: tuple[str, ...], rules: ChainRules) -> Actor:
    return Actor(
        id=site.id,
        name=site.name,
        organisation=site.organisation,
        activities=in_phase,
        roles=tuple(rules.roles_of(in_phase)),
        employees=site.employees,
        employees_year=site.employees_year,
    )


def _group(actors: Sequence[Actor]) -> SiteGroup:
    return SiteGroup(
        count=len(actors),
        organisations=len({a.organisation for a in actors}),
        actors=tuple(SiteRef(id=a.id, name=a.name, organisation=a.organisation) for a in actors),
    )


def _phase_coverage(
    graph: nx.MultiDiGraph,
    rules: ChainRules,
    how: Counting,
    phase: str,
    counted: Sequence[tuple[SiteNode, Mapping[str, tuple[str, ...]]]],
    pipeline: Sequence[SiteNode],
    lang: str,
) -> PhaseCoverage:
    """One phase's coverage: ``counted`` pairs each counted site with its activities by phase
    (``ChainRules.activities_by_phase``), ``pipeline`` holds the planned sites."""
    present_in_phase: list[tuple[SiteNode, Actor]] = []
    for site, by_phase in counted:
        in_phase = by_phase.get(phase)
        if in_phase:
            present_in_phase.append((site, _actor(site, in_phase, rules)))
    production_rule = COUNTINGS["production"]
    headline = [
        (s, a) for s, a in present_in_phase if rules.counts_in_phase(how, s.kind, a.activities, phase)
    ]
    actors = [a for _, a in headline]
    knowledge = [a for s, a in present_in_phase if rules.is_knowledge(s.kind)]
    production = [
        a for s, a in present_in_phase if rules.counts_in_phase(production_rule, s.kind, a.activities, phase)
    ]
    everyone = [a for _, a in present_in_phase]
    present, absent = [], []
    for activity in rules.chain_activities(phase):
        holders = [a for a in everyone if activity in a.activities]
        text = label(graph, "activity", activity, lang)
        if holders:
            present.append(
                ActivityPresent(
                    id=activity,
                    label=text,
                    count=len(holders),
                    organisations=len({h.organisation for h in holders}),
                )
            )
        else:
            absent.append(ActivityAbsent(id=activity, label=text))
    return PhaseCoverage(
        phase=phase,
        label=label(graph, "phase", phase, lang),
        count=len(actors),
        organisations=len({a.organisation for a in actors}),
        organisation_names=tuple(sorted({a.organisation for a in actors}, key=str.casefold)),
        actors=tuple(actors),
        knowledge=_group(knowledge),
        all_sites=len(everyone),
        activities=ActivityPresence(present=tuple(present), absent=tuple(absent)),
        employees=employee_sum([s for s, _ in headline]),
        roles=tuple(
            PhaseRoleCount(
                role=role,
                label=label(graph, "role", role, lang),
                count=sum(1 for a in everyone if role in a.roles),
                organisations=len({a.organisation for a in everyone if role in a.roles}),
            )
            for role in rules.roles
            if role not in NON_CHAIN_ROLES
        ),
        production=_group(production),
        pipeline=tuple(
            PipelineSite(id=s.id, name=s.name, status=s.status)
            for s in pipeline
            if rules.activities_in_phase(s.activities, s.served_phases, phase)
        ),
    )


def _fragile(phase: PhaseCoverage, actors: Sequence[Actor | SiteRef]) -> FragilePhase:
    return FragilePhase(
        phase=phase.phase,
        label=phase.label,
        organisation=actors[0].organisation,
        sites=tuple(a.id for a in actors),
    )
