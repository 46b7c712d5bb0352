"""Coverage of the value chain per region: which phases, activities and actors a region has.

A site counts for a phase when one of its activities lies in that phase, or when it names the
phase as served by a cross-cutting activity (research, education, ...). Only the region's
chosen definition decides which sites are in the region.
"""

from __future__ import annotations

from typing import Any

from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Registry


def coverage(registry: Registry, region: str, *, definition: str | None = None,
             lang: str = "en") -> dict[str, Any]:
    """Per phase, in chain order: the count of sites and the actors active in it."""
    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    sites = region_sites(registry, found, chosen.id)
    taxonomy = registry.taxonomy
    phases = []
    for phase in taxonomy.phases:
        members = [s for s in sites if phase.id in s.phases]
        phases.append({
            "phase": phase.id,
            "label": phase.text(lang),
            "count": len(members),
            "organisations": len({s.organisation for s in members}),
            "actors": [{"id": s.id, "name": s.name, "organisation": s.organisation}
                       for s in members],
        })
    return {
        "region": {"id": found.id, "name": found.text(lang)},
        "definition": {"id": chosen.id, "name": chosen.text(lang), "type": chosen.type},
        "sites": len(sites),
        "phases": phases,
        "covered_phases": [p["phase"] for p in phases if p["count"]],
        "whole_chain": all(p["count"] for p in phases),
    }
