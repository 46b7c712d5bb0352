"""White spots of a region and the nearest candidate providers elsewhere, for acquisition.

A white spot is a phase, or an activity within a phase, that the region's counted sites do not
cover at all, or that only one organisation covers. Candidates are active sites outside the
region (and, for single-holder spots, of another organisation) that do it, nearest first by
geodesic distance from the region's centre.
"""

from __future__ import annotations

from typing import Any

from lifeport_map.analysis.coverage import activities_in_phase, chain_activities, coverage_of_sites
from lifeport_map.chain import COUNTED_STATUSES
from lifeport_map.geo import geodesic_many_km, region_sites, regions_of, resolve_definition, resolve_region
from lifeport_map.model import Registry, Site

CANDIDATE_RULE = (
    "candidates are active sites outside the region under the chosen definition that perform "
    "the activity (for a phase: any activity in it), excluding the organisation that already "
    "holds the spot; distance is geodesic (WGS84) from the region centre to the site; sites "
    "without coordinates are counted but not ranked."
)


def gaps(
    registry: Registry, region: str, *, definition: str | None = None, lang: str = "en", limit: int = 3
) -> dict[str, Any]:
    """White spots of ``region`` with up to ``limit`` nearest candidates each."""
    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    members = region_sites(registry, found, chosen.id)
    cov = coverage_of_sites(registry, found, chosen, members, lang=lang)
    member_ids = {s.id for s in members}
    outside = [s for s in registry.sites if s.id not in member_ids and s.status in COUNTED_STATUSES]
    taxonomy = registry.taxonomy
    centre = found.centre
    spots = []
    for phase in cov["phases"]:
        phase_id = phase["phase"]
        if phase["organisations"] <= 1:
            holder = phase["organisation_names"][0] if phase["organisation_names"] else None
            pool = [
                s for s in outside if activities_in_phase(s, phase_id, taxonomy) and s.organisation != holder
            ]
            spots.append(
                _spot("phase", phase_id, None, phase["label"], phase["actors"], pool, registry, centre, limit)
            )
        present = {a["id"]: a for a in phase["activities"]["present"]}
        for activity in chain_activities(taxonomy, phase_id):
            item = present.get(activity)
            if item is not None and item["organisations"] > 1:
                continue
            holders = [a for a in phase["actors"] if activity in a["activities"]]
            holder = holders[0]["organisation"] if holders else None
            pool = [
                s
                for s in outside
                if activity in activities_in_phase(s, phase_id, taxonomy) and s.organisation != holder
            ]
            label = taxonomy.label("activities", activity, lang)
            spots.append(_spot("activity", phase_id, activity, label, holders, pool, registry, centre, limit))
    return {
        "region": cov["region"],
        "definition": cov["definition"],
        "centre": {"place": found.centre_place, "lat": centre[0], "lon": centre[1]},
        "white_spots": spots,
        "method": {"statuses_counted": list(COUNTED_STATUSES), "candidates": CANDIDATE_RULE, "limit": limit},
    }


def _spot(
    kind: str,
    phase: str,
    activity: str | None,
    label: str,
    holders: list[dict[str, Any]],
    pool: list[Site],
    registry: Registry,
    centre: tuple[float, float],
    limit: int,
) -> dict[str, Any]:
    placed = [s for s in pool if s.location.has_coordinates]
    distances = geodesic_many_km(
        centre[0],
        centre[1],
        [
            (s.location.lat, s.location.lon)
            for s in placed
            if s.location.lat is not None and s.location.lon is not None
        ],
    )
    ranked = sorted(zip(distances, placed, strict=True), key=lambda pair: (pair[0], pair[1].id))
    return {
        "kind": kind,
        "phase": phase,
        "activity": activity,
        "label": label,
        "status": "absent" if not holders else "single-organisation",
        "holder": {"organisation": holders[0]["organisation"], "sites": [h["id"] for h in holders]}
        if holders
        else None,
        "candidates": [
            {
                "id": s.id,
                "name": s.name,
                "organisation": s.organisation,
                "place": s.location.place,
                "country": s.location.country,
                "regions": regions_of(registry, s),
                "distance_km": round(km, 1),
            }
            for km, s in ranked[:limit]
        ],
        "candidates_total": len(pool),
        "candidates_without_coordinates": len(pool) - len(placed),
    }
