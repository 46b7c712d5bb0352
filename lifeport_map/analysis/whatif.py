"""What if sites close: a region's coverage before and after removing them, and what is lost.

Removal is hypothetical and applies to the registry as loaded; nothing is written. Losses are
phases, production phases and activities covered before and not after, organisations that no
longer have a site in the region, and the known employees of the removed counted sites.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lifeport_map.analysis.coverage import check_site_ids, coverage_of_sites
from lifeport_map.chain import COUNTED_STATUSES
from lifeport_map.errors import UsageError
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Registry


def whatif(
    registry: Registry,
    region: str,
    without: Sequence[str],
    *,
    definition: str | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """Coverage of ``region`` before and after removing the sites ``without``."""
    if not without:
        raise UsageError("name at least one site to remove", hint="e.g. --without nxp-nijmegen")
    check_site_ids(registry, without)
    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    members = region_sites(registry, found, chosen.id)
    removed_ids = set(without)
    before = coverage_of_sites(registry, found, chosen, members, lang=lang)
    after = coverage_of_sites(
        registry, found, chosen, [s for s in members if s.id not in removed_ids], lang=lang
    )
    member_ids = {s.id for s in members}
    removed = [
        {
            "id": s.id,
            "name": s.name,
            "organisation": s.organisation,
            "status": s.status,
            "in_region": s.id in member_ids,
            "counted": s.id in member_ids and s.status in COUNTED_STATUSES,
        }
        for s in (registry.site(i) for i in dict.fromkeys(without))
    ]
    lost_activities: list[dict[str, str]] = []
    for b, a in zip(before["phases"], after["phases"], strict=True):
        still = {x["id"] for x in a["activities"]["present"]}
        lost_activities.extend(
            {"phase": b["phase"], "activity": x["id"], "label": x["label"]}
            for x in b["activities"]["present"]
            if x["id"] not in still
        )
    orgs_after = {o["name"] for o in after["organisations"]}
    fragile_before = {f["phase"] for f in before["fragile_production_phases"]}
    return {
        "region": before["region"],
        "definition": before["definition"],
        "removed": removed,
        "before": before,
        "after": after,
        "phases": [
            {
                "phase": b["phase"],
                "label": b["label"],
                "sites_before": b["count"],
                "sites_after": a["count"],
                "production_before": b["production"]["count"],
                "production_after": a["production"]["count"],
                "employees_before": b["employees"]["known"],
                "employees_after": a["employees"]["known"],
            }
            for b, a in zip(before["phases"], after["phases"], strict=True)
        ],
        "lost": {
            "phases": [p for p in before["covered_phases"] if p not in after["covered_phases"]],
            "production_phases": [
                p for p in before["production_phases"] if p not in after["production_phases"]
            ],
            "activities": lost_activities,
            "organisations": [o["name"] for o in before["organisations"] if o["name"] not in orgs_after],
            "sites": before["sites"] - after["sites"],
            "employees": before["employees"]["known"] - after["employees"]["known"],
            "whole_chain": before["whole_chain"] and not after["whole_chain"],
            "whole_chain_production": before["whole_chain_production"]
            and not after["whole_chain_production"],
        },
        "newly_fragile_production_phases": [
            f for f in after["fragile_production_phases"] if f["phase"] not in fragile_before
        ],
    }
