"""Comparing regions: the phase x region matrix, whole-chain regions and specialisation.

Specialisation is a location quotient over site-phase memberships: a region's share of its
memberships in a phase divided by that phase's share among all compared regions (1 = average,
above 1 = specialised). The same is computed with employees, over sites that have a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import counting_info, counting_of, coverage_of_sites, filtered, in_year
from lifeport_map.analysis.filters import SiteFilter
from lifeport_map.chain import (
    COUNTED_STATUSES,
    EMPLOYEE_COVERAGE_MIN,
    Counting,
    rule_text,
)
from lifeport_map.errors import UsageError
from lifeport_map.graph import (
    as_graph,
    chain_rules_of,
    check_lang,
    label,
    members,
    region_ids,
    resolve_definition,
    resolve_region,
)
from lifeport_map.messages import msg
from lifeport_map.results import (
    CompareMethod,
    Comparison,
    Coverage,
    EmployeeCoverage,
    MatrixRow,
    RegionDefinitionUsed,
    Specialisation,
)
from lifeport_map.text import as_names

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry

DEFAULT_REGIONS = ("nijmegen", "brainport", "twente", "delft", "leuven", "dresden")


def default_regions(source: Registry | nx.MultiDiGraph) -> list[str]:
    """The six comparison regions first (when present), then any others by id."""
    return _in_default_order(region_ids(as_graph(source)))


def _in_default_order(known: Sequence[str]) -> list[str]:
    ids = [r for r in DEFAULT_REGIONS if r in known]
    return ids + sorted(r for r in known if r not in ids)


def parse_definitions(values: Sequence[str]) -> str | dict[str, str] | None:
    """``--definition`` values: one NAME for every region, or REGION=NAME pairs."""
    if not values:
        return None
    pairs = [v for v in values if "=" in v]
    plain = [v for v in values if "=" not in v]
    if plain and (pairs or len(plain) > 1):
        raise UsageError(msg("usage.definitions"), hint=msg("usage.definitions/hint"))
    if plain:
        return plain[0]
    return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in pairs)}


def compare(
    source: Registry | nx.MultiDiGraph,
    regions: Sequence[str] | None = None,
    *,
    definition: str | Mapping[str, str] | None = None,
    lang: str = "en",
    roles: str | Counting | None = None,
    filters: SiteFilter | None = None,
    year: int | None = None,
    today: int | None = None,
) -> Comparison:
    """Coverage of each region side by side, with the matrix and specialisation figures.

    ``definition`` is one definition id used for every region, or a mapping from region
    (id, name or alias) to definition id; regions not named use their default. ``roles`` is
    the counting definition of every headline (default: industrial presence); ``filters`` keeps
    only the sites that pass them; ``year`` compares the chain as it was or is planned to be
    then (see coverage).
    """
    check_lang(lang)
    graph = in_year(as_graph(source), year, today)
    how = counting_of(graph, roles)
    known = region_ids(graph)  # once, not once per region (it looks at every node)
    wanted = list(as_names(regions)) if regions else _in_default_order(known)
    found = [resolve_region(graph, name, ids=known) for name in wanted]
    if len({r.id for r in found}) != len(found):
        raise UsageError(msg("usage.region-twice"), hint=msg("usage.region-twice/hint"))
    per_region: dict[str, str | None] = {}
    if isinstance(definition, Mapping):
        for name, def_id in definition.items():
            per_region[resolve_region(graph, name, ids=known).id] = def_id
    coverages = []
    for region in found:
        chosen = resolve_definition(
            graph, region, definition if isinstance(definition, str) else per_region.get(region.id)
        )
        sites = filtered(graph, members(graph, region.id, chosen.id), filters)
        coverages.append(coverage_of_sites(graph, region, chosen, sites, lang=lang, how=how))
    phase_ids = chain_rules_of(graph).phases
    region_list = [c.region.id for c in coverages]
    by_sites = {c.region.id: {p.phase: p.count for p in c.phases} for c in coverages}
    employee_coverage = {c.region.id: employee_coverage_of(c) for c in coverages}
    enough = [r for r, e in employee_coverage.items() if e.sufficient]
    by_employees = {
        c.region.id: {p.phase: p.employees.known for p in c.phases}
        for c in coverages
        if c.region.id in enough and len(enough) > 1
    }
    employee_lq = location_quotients(by_employees, phase_ids)
    matrix = []
    for index, phase in enumerate(phase_ids):
        rows = {c.region.id: c.phases[index] for c in coverages}
        matrix.append(
            MatrixRow(
                phase=phase,
                label=label(graph, "phase", phase, lang),
                sites={r: p.count for r, p in rows.items()},
                organisations={r: p.organisations for r, p in rows.items()},
                knowledge={r: p.knowledge.count for r, p in rows.items()},
                all_sites={r: p.all_sites for r, p in rows.items()},
                production={r: p.production.count for r, p in rows.items()},
                employees={r: p.employees.known for r, p in rows.items()},
                roles={
                    role.role: {
                        r: next(x.count for x in p.roles if x.role == role.role) for r, p in rows.items()
                    }
                    for role in coverages[0].phases[index].roles
                },
            )
        )
    return Comparison(
        regions=tuple(coverages),
        counting=counting_info(how, lang),
        phases=phase_ids,
        matrix=tuple(matrix),
        whole_chain=tuple(r for r, c in zip(region_list, coverages, strict=True) if c.whole_chain),
        whole_chain_production=tuple(
            r for r, c in zip(region_list, coverages, strict=True) if c.whole_chain_production
        ),
        specialisation=Specialisation(
            by_sites=location_quotients(by_sites, phase_ids),
            by_employees={r: employee_lq.get(r, dict.fromkeys(phase_ids)) for r in region_list},
            employee_coverage=employee_coverage,
        ),
        definitions=tuple(
            RegionDefinitionUsed(
                region=c.region.id,
                id=c.definition.id,
                name=c.definition.name,
                type=c.definition.type,
                municipalities=c.definition.municipalities,
                radius_km=c.definition.radius_km,
                source=c.definition.source,
                year=c.definition.year,
            )
            for c in coverages
        ),
        method=CompareMethod(
            statuses_counted=COUNTED_STATUSES,
            specialisation=rule_text("specialisation", lang),
            employees=rule_text("employees", lang),
            production=rule_text("production", lang),
        ),
        filters=filters.info() if filters else None,
        year=(graph.graph.get("time") or {}).get("year"),  # also of a graph already in a year
    )


def employee_coverage_of(result: Coverage) -> EmployeeCoverage:
    """The share of a region's counted sites (in any phase, under its counting definition)
    that have a site-level employee figure, and whether it reaches EMPLOYEE_COVERAGE_MIN."""
    figures = {a.id: a.employees for p in result.phases for a in p.actors}
    with_figure = sum(1 for v in figures.values() if v is not None)
    share = with_figure / len(figures) if figures else None
    return EmployeeCoverage(
        sites=len(figures),
        sites_with_figure=with_figure,
        share=None if share is None else round(share, 3),
        sufficient=share is not None and share >= EMPLOYEE_COVERAGE_MIN,
    )


def location_quotients(
    counts: Mapping[str, Mapping[str, float]], phases: Sequence[str]
) -> dict[str, dict[str, float | None]]:
    """LQ per region and phase from ``counts[region][phase]`` (see ``rule_text("specialisation")``)."""
    region_totals = {r: sum(row.get(p, 0) for p in phases) for r, row in counts.items()}
    phase_totals = {p: sum(row.get(p, 0) for row in counts.values()) for p in phases}
    grand = sum(region_totals.values())
    result: dict[str, dict[str, float | None]] = {}
    for region, row in counts.items():
        result[region] = {}
        for phase in phases:
            if not region_totals[region] or not phase_totals[phase] or not grand:
                result[region][phase] = None
                continue
            share = row.get(phase, 0) / region_totals[region]
            result[region][phase] = round(share / (phase_totals[phase] / grand), 3)
    return result
