"""What if sites close: a region's coverage before and after removing them, and what is lost.

Removal is a graph operation: the sites' nodes (and with them every edge of theirs) are taken out
of a view of the graph and coverage is computed again; nothing is written. Losses are phases,
production phases and activities covered before and not after, organisations that no longer
have a site in the region, and the known employees of the removed counted sites.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import check_site_ids, counting_of, coverage_of_sites
from lifeport_map.chain import Counting, is_counted
from lifeport_map.errors import UsageError
from lifeport_map.graph import (
    as_graph,
    check_lang,
    members,
    resolve_definition,
    resolve_region,
    site,
    without_sites,
)
from lifeport_map.messages import msg
from lifeport_map.results import AnalysisWarning, Losses, LostActivity, PhaseChange, RemovedSite, WhatIf
from lifeport_map.text import as_names

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry


def whatif(
    source: Registry | nx.MultiDiGraph,
    region: str,
    without: Sequence[str],
    *,
    definition: str | None = None,
    lang: str = "en",
    roles: str | Counting | None = None,
) -> WhatIf:
    """Coverage of ``region`` before and after removing the sites ``without`` from the graph,
    counted under the counting definition ``roles`` (default: industrial presence)."""
    check_lang(lang)
    without = as_names(without)
    if not without:
        raise UsageError(msg("usage.nothing-removed"), hint=msg("usage.nothing-removed/hint"))
    graph = as_graph(source)
    how = counting_of(graph, roles)
    check_site_ids(graph, without)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    inside = members(graph, found.id, chosen.id)
    before = coverage_of_sites(graph, found, chosen, inside, lang=lang, how=how)
    reduced = without_sites(graph, without)
    after = coverage_of_sites(graph, found, chosen, members(reduced, found.id, chosen.id), lang=lang, how=how)
    member_ids = {s.id for s in inside}
    removed = tuple(
        RemovedSite(
            id=s.id,
            name=s.name,
            organisation=s.organisation,
            status=s.status,
            in_region=s.id in member_ids,
            counted=s.id in member_ids and is_counted(s.status),
        )
        for s in (site(graph, i) for i in dict.fromkeys(without))
    )
    lost_activities: list[LostActivity] = []
    for b, a in zip(before.phases, after.phases, strict=True):
        still = {x.id for x in a.activities.present}
        lost_activities.extend(
            LostActivity(phase=b.phase, activity=x.id, label=x.label)
            for x in b.activities.present
            if x.id not in still
        )
    orgs_after = {o.name for o in after.organisations}
    fragile_before = {f.phase for f in before.fragile_production_phases}
    return WhatIf(
        region=before.region,
        definition=before.definition,
        removed=removed,
        before=before,
        after=after,
        phases=tuple(
            PhaseChange(
                phase=b.phase,
                label=b.label,
                sites_before=b.count,
                sites_after=a.count,
                production_before=b.production.count,
                production_after=a.production.count,
                employees_before=b.employees.known,
                employees_after=a.employees.known,
            )
            for b, a in zip(before.phases, after.phases, strict=True)
        ),
        lost=Losses(
            phases=tuple(p for p in before.covered_phases if p not in after.covered_phases),
            production_phases=tuple(p for p in before.production_phases if p not in after.production_phases),
            activities=tuple(lost_activities),
            organisations=tuple(o.name for o in before.organisations if o.name not in orgs_after),
            sites=before.sites - after.sites,
            employees=before.employees.known - after.employees.known,
            whole_chain=before.whole_chain and not after.whole_chain,
            whole_chain_production=before.whole_chain_production and not after.whole_chain_production,
        ),
        newly_fragile_production_phases=tuple(
            f for f in after.fragile_production_phases if f.phase not in fragile_before
        ),
        warnings=tuple(
            AnalysisWarning(
                code="site-not-counted" if r.in_region else "site-outside-region",
                site=r.id,
                region=found.id,
                definition=chosen.id,
                status=r.status,
            )
            for r in removed
            if not r.counted
        ),
    )
