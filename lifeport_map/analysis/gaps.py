"""White spots of a region and the nearest candidate providers elsewhere, for acquisition.

A white spot is a phase, or an activity within a phase, that the region's counted sites do not
cover at all, or that only one organisation covers; for a phase, the sites the counting definition
counts (default: industrial presence, so a phase held only by a university is a white spot).
Candidates are active sites outside the region (and, for single-holder spots, of another
organisation) that do it, nearest first by geodesic distance from the region's centre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import counting_of, coverage_of_sites, filtered
from lifeport_map.analysis.filters import SiteFilter
from lifeport_map.chain import COUNTED_STATUSES, Counting, is_counted, rule_text
from lifeport_map.errors import UsageError
from lifeport_map.geo import geodesic_many_km
from lifeport_map.graph import (
    SiteNode,
    all_sites,
    as_graph,
    chain_rules_of,
    check_lang,
    label,
    members,
    regions_of,
    resolve_definition,
    resolve_region,
)
from lifeport_map.graph import (
    member_ids as member_ids_of,
)
from lifeport_map.messages import msg
from lifeport_map.results import Actor, Candidate, Centre, Gaps, GapsMethod, Holder, WhiteSpot

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry

MAX_CANDIDATES = 50  # per white spot: more is no longer a shortlist


def check_candidates(limit: int | None, radius_km: float | None = None) -> None:
    """Raise UsageError for a ``limit`` of candidates outside 1 to MAX_CANDIDATES, or a radius
    that is not above 0 km (None: not given); the command line asks this before any file is
    looked for."""
    if limit is not None and not 1 <= limit <= MAX_CANDIDATES:
        raise UsageError(msg("usage.limit", limit=limit, most=MAX_CANDIDATES), hint=msg("usage.limit/hint"))
    if radius_km is not None and not radius_km > 0:
        raise UsageError(
            msg("usage.radius", km=radius_km if math.isfinite(radius_km) else str(radius_km)),
            hint=msg("usage.radius/hint", km=150),
        )


def gaps(
    source: Registry | nx.MultiDiGraph,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "en",
    limit: int = 3,
    roles: str | Counting | None = None,
    filters: SiteFilter | None = None,
    radius_km: float | None = None,
) -> Gaps:
    """White spots of ``region`` with up to ``limit`` nearest candidates each (within
    ``radius_km`` of the region's centre when given); phases are counted under the counting
    definition ``roles`` (default: industrial presence)."""
    check_lang(lang)
    check_candidates(limit, radius_km)
    graph = as_graph(source)
    how = counting_of(graph, roles)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    inside = filtered(graph, members(graph, found.id, chosen.id), filters)
    cov = coverage_of_sites(graph, found, chosen, inside, lang=lang, how=how)
    member_ids = set(member_ids_of(graph, found.id, chosen.id))
    outside = filtered(
        graph, [s for s in all_sites(graph) if s.id not in member_ids and is_counted(s.status)], filters
    )
    counted_inside = [s for s in inside if is_counted(s.status)]
    rules = chain_rules_of(graph)
    spots = []
    for phase in cov.phases:
        if phase.organisations <= 1:
            holder = phase.organisation_names[0] if phase.organisation_names else None
            pool = [
                s
                for s in outside
                if rules.counts_in_phase(
                    how,
                    s.kind,
                    rules.activities_in_phase(s.activities, s.served_phases, phase.phase),
                    phase.phase,
                )
                and s.organisation != holder
            ]
            spots.append(
                _spot(
                    graph,
                    "phase",
                    phase.phase,
                    None,
                    phase.label,
                    phase.actors,
                    pool,
                    found.centre,
                    limit,
                    radius_km,
                    phase.label,
                )
            )
        present = {a.id: a for a in phase.activities.present}
        for activity in rules.chain_activities(phase.phase):
            item = present.get(activity)
            if item is not None and item.organisations > 1:
                continue
            holders = [
                s
                for s in counted_inside
                if activity in rules.activities_in_phase(s.activities, s.served_phases, phase.phase)
            ]
            holder = holders[0].organisation if holders else None
            pool = [
                s
                for s in outside
                if activity in rules.activities_in_phase(s.activities, s.served_phases, phase.phase)
                and s.organisation != holder
            ]
            text = label(graph, "activity", activity, lang)
            spots.append(
                _spot(
                    graph,
                    "activity",
                    phase.phase,
                    activity,
                    text,
                    holders,
                    pool,
                    found.centre,
                    limit,
                    radius_km,
                    phase.label,
                )
            )
    return Gaps(
        region=cov.region,
        definition=cov.definition,
        counting=cov.counting,
        centre=Centre(place=found.centre_place, lat=found.centre[0], lon=found.centre[1]),
        white_spots=tuple(spots),
        method=GapsMethod(
            statuses_counted=COUNTED_STATUSES, candidates=rule_text("candidates", lang), limit=limit
        ),
        filters=filters.info() if filters else None,
        radius_km=radius_km,
    )


def _spot(
    graph: nx.MultiDiGraph,
    kind: str,
    phase: str,
    activity: str | None,
    text: str,
    holders: Sequence[Actor] | Sequence[SiteNode],
    pool: list[SiteNode],
    centre: tuple[float, float],
    limit: int,
    radius_km: float | None = None,
    phase_label: str = "",
) -> WhiteSpot:
    placed = [(s, s.lat, s.lon) for s in pool if s.lat is not None and s.lon is not None]
    distances = geodesic_many_km(centre[0], centre[1], [(lat, lon) for _, lat, lon in placed])
    ranked = sorted(
        zip(distances, (s for s, _, _ in placed), strict=True), key=lambda pair: (pair[0], pair[1].id)
    )
    beyond = None
    if radius_km is not None:
        within = [pair for pair in ranked if pair[0] <= radius_km]
        beyond = len(ranked) - len(within)
        ranked = within
    return WhiteSpot(
        kind=kind,
        phase=phase,
        activity=activity,
        label=text,
        status="absent" if not holders else "single-organisation",
        holder=Holder(organisation=holders[0].organisation, sites=tuple(h.id for h in holders))
        if holders
        else None,
        candidates=tuple(
            Candidate(
                id=s.id,
                name=s.name,
                organisation=s.organisation,
                place=s.place,
                country=s.country,
                regions=tuple(regions_of(graph, s.id)),
                distance_km=round(km, 1),
            )
            for km, s in ranked[:limit]
        ),
        candidates_total=len(pool),
        candidates_without_coordinates=len(pool) - len(placed),
        candidates_beyond_radius=beyond,
        phase_label=phase_label,
    )
