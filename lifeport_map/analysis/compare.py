"""Comparing regions: the phase x region matrix, whole-chain regions and specialisation.

Specialisation is a location quotient over site-phase memberships: a region's share of its
memberships in a phase divided by that phase's share among all compared regions (1 = average,
above 1 = specialised). The same is computed with employees, over sites that have a figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lifeport_map.analysis.coverage import coverage_of_sites
from lifeport_map.chain import COUNTED_STATUSES, EMPLOYEES_RULE, PRODUCTION_RULE
from lifeport_map.errors import UsageError
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Registry

DEFAULT_REGIONS = ("nijmegen", "brainport", "twente", "delft", "leuven", "dresden")
SPECIALISATION_RULE = (
    "location quotient LQ = (n[r,p] / N[r]) / (n[p] / N), where n[r,p] is the number of "
    "counted sites (or their employees) of region r in phase p, N[r] the sum over phases for r, "
    "n[p] the sum over compared regions for p and N the grand total. Sites in several phases "
    "count in each. Employees use each site's latest figure; sites without one are left out. "
    "null: the region or phase has nothing to compare."
)


def default_regions(registry: Registry) -> list[str]:
    """The six comparison regions first (when present), then any others by id."""
    ids = [r for r in DEFAULT_REGIONS if r in registry.regions]
    return ids + sorted(r for r in registry.regions if r not in ids)


def parse_definitions(values: Sequence[str]) -> str | dict[str, str] | None:
    """``--definition`` values: one NAME for every region, or REGION=NAME pairs."""
    if not values:
        return None
    pairs = [v for v in values if "=" in v]
    plain = [v for v in values if "=" not in v]
    if plain and (pairs or len(plain) > 1):
        raise UsageError(
            "give one definition for all regions, or REGION=DEFINITION pairs",
            hint="e.g. --definition radius-25km, or --definition nijmegen=gmr-18",
        )
    if plain:
        return plain[0]
    return {k.strip(): v.strip() for k, v in (p.split("=", 1) for p in pairs)}


def compare(
    registry: Registry,
    regions: Sequence[str] | None = None,
    *,
    definition: str | Mapping[str, str] | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """Coverage of each region side by side, with the matrix and specialisation figures.

    ``definition`` is one definition id used for every region, or a mapping from region
    (id, name or alias) to definition id; regions not named use their default.
    """
    wanted = list(regions) if regions else default_regions(registry)
    found = [resolve_region(registry, name) for name in wanted]
    if len({r.id for r in found}) != len(found):
        raise UsageError("a region is named twice", hint="name each region once")
    per_region: dict[str, str | None] = {}
    if isinstance(definition, Mapping):
        for name, def_id in definition.items():
            per_region[resolve_region(registry, name).id] = def_id
    coverages = []
    for region in found:
        chosen = resolve_definition(
            region, definition if isinstance(definition, str) else per_region.get(region.id)
        )
        members = region_sites(registry, region, chosen.id)
        coverages.append(coverage_of_sites(registry, region, chosen, members, lang=lang))
    taxonomy = registry.taxonomy
    phase_ids = list(taxonomy.phase_ids)
    region_ids = [c["region"]["id"] for c in coverages]
    by_sites = {c["region"]["id"]: {p["phase"]: p["count"] for p in c["phases"]} for c in coverages}
    by_employees = {
        c["region"]["id"]: {p["phase"]: p["employees"]["known"] for p in c["phases"]} for c in coverages
    }
    matrix = []
    for index, phase in enumerate(taxonomy.phases):
        matrix.append(
            {
                "phase": phase.id,
                "label": phase.text(lang),
                "sites": {c["region"]["id"]: c["phases"][index]["count"] for c in coverages},
                "organisations": {c["region"]["id"]: c["phases"][index]["organisations"] for c in coverages},
                "production": {
                    c["region"]["id"]: c["phases"][index]["production"]["count"] for c in coverages
                },
                "employees": {c["region"]["id"]: c["phases"][index]["employees"]["known"] for c in coverages},
                "roles": {
                    role["role"]: {
                        c["region"]["id"]: next(
                            r["count"] for r in c["phases"][index]["roles"] if r["role"] == role["role"]
                        )
                        for c in coverages
                    }
                    for role in coverages[0]["phases"][index]["roles"]
                },
            }
        )
    return {
        "regions": coverages,
        "phases": phase_ids,
        "matrix": matrix,
        "whole_chain": [r for r, c in zip(region_ids, coverages, strict=True) if c["whole_chain"]],
        "whole_chain_production": [
            r for r, c in zip(region_ids, coverages, strict=True) if c["whole_chain_production"]
        ],
        "specialisation": {
            "by_sites": location_quotients(by_sites, phase_ids),
            "by_employees": location_quotients(by_employees, phase_ids),
        },
        "definitions": [{"region": c["region"]["id"], **c["definition"]} for c in coverages],
        "method": {
            "statuses_counted": list(COUNTED_STATUSES),
            "specialisation": SPECIALISATION_RULE,
            "employees": EMPLOYEES_RULE,
            "production": PRODUCTION_RULE,
        },
    }


def location_quotients(
    counts: Mapping[str, Mapping[str, float]], phases: Sequence[str]
) -> dict[str, dict[str, float | None]]:
    """LQ per region and phase from ``counts[region][phase]`` (see SPECIALISATION_RULE)."""
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
