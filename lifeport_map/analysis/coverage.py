"""Coverage of the value chain per region: which phases, activities, roles and actors a region has.

A site counts for a phase when one of its activities lies in that phase, or when it names the
phase as served by a cross-cutting activity (research, education, services; network support
does not count). Only active sites
count; planned and under-construction sites are listed as the pipeline, closed ones are left
out. The region's chosen definition alone decides which sites are in the region.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from typing import Any

from lifeport_map.chain import (
    COUNTED_STATUSES,
    EMPLOYEES_RULE,
    NON_CHAIN_ROLES,
    PIPELINE_STATUSES,
    PRODUCTION_RULE,
    chain_rules,
)
from lifeport_map.errors import UsageError
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, RegionDefinition, Registry, Site
from lifeport_map.taxonomy import Taxonomy


def site_employees(site: Site) -> int | None:
    """The employee figure that counts for a site: the latest year's, see EMPLOYEES_RULE."""
    latest = site.latest_employees
    return latest.value if latest else None


def activities_in_phase(site: Site, phase: str, taxonomy: Taxonomy) -> list[str]:
    """The site's activities that place it in ``phase`` (the rule is ``chain``'s)."""
    return list(chain_rules(taxonomy).activities_in_phase(site.activities, site.served_phases, phase))


def core_activities(taxonomy: Taxonomy, phase: str) -> tuple[str, ...]:
    return chain_rules(taxonomy).core_activities(phase)


def chain_activities(taxonomy: Taxonomy, phase: str) -> tuple[str, ...]:
    return chain_rules(taxonomy).chain_activities(phase)


def check_site_ids(registry: Registry, site_ids: Iterable[str]) -> None:
    """Raise UsageError naming the closest ids when a site id is unknown."""
    for site_id in site_ids:
        if site_id not in registry.by_id:
            close = difflib.get_close_matches(site_id, list(registry.by_id), n=3, cutoff=0.5)
            hint = (
                f"did you mean: {', '.join(close)}?"
                if close
                else "use a site id from the registry, e.g. from 'lifeport-map export --format csv'"
            )
            raise UsageError(f"unknown site id '{site_id}'", hint=hint)


def definition_info(definition: RegionDefinition, lang: str) -> dict[str, Any]:
    return {
        "id": definition.id,
        "name": definition.text(lang),
        "type": definition.type,
        "municipalities": len(definition.municipalities) or None,
        "radius_km": definition.radius_km,
        "source": definition.source.reference,
        "year": definition.source.year,
    }


def coverage(
    registry: Registry,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "en",
    without: Collection[str] = (),
) -> dict[str, Any]:
    """Per phase, in chain order: the sites, organisations, activities, employees and roles.

    ``region`` is an id, name or alias; ``without`` removes sites first (for what-if).
    """
    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    check_site_ids(registry, without)
    removed = set(without)
    pool = [s for s in registry.sites if s.id not in removed]
    members = region_sites(registry, found, chosen.id, sites=pool)
    return coverage_of_sites(registry, found, chosen, members, lang=lang)


def coverage_of_sites(
    registry: Registry,
    region: Region,
    definition: RegionDefinition,
    members: Iterable[Site],
    *,
    lang: str = "en",
) -> dict[str, Any]:
    """Coverage of an already chosen set of region members (shared by compare and what-if)."""
    taxonomy = registry.taxonomy
    members = list(members)
    counted = [s for s in members if s.status in COUNTED_STATUSES]
    phases = [_phase_coverage(taxonomy, phase.id, counted, members, lang) for phase in taxonomy.phases]
    employees = [site_employees(s) for s in counted]
    organisations: dict[str, list[str]] = {}
    for site in counted:
        organisations.setdefault(site.organisation, []).append(site.id)
    roles = [
        {
            "role": role.id,
            "label": role.text(lang),
            "count": sum(1 for s in counted if any(taxonomy.role_of(a) == role.id for a in s.activities)),
        }
        for role in taxonomy.roles
    ]
    return {
        "region": {"id": region.id, "name": region.text(lang)},
        "definition": definition_info(definition, lang),
        "sites": len(counted),
        "phases": phases,
        "covered_phases": [p["phase"] for p in phases if p["count"]],
        "whole_chain": all(p["count"] for p in phases),
        "production_phases": [p["phase"] for p in phases if p["production"]["count"]],
        "whole_chain_production": all(p["production"]["count"] for p in phases),
        "fragile_phases": [_fragile(p, p["actors"]) for p in phases if p["organisations"] == 1],
        "fragile_production_phases": [
            _fragile(p, p["production"]["actors"]) for p in phases if p["production"]["organisations"] == 1
        ],
        "organisations": [
            {"name": name, "sites": ids}
            for name, ids in sorted(organisations.items(), key=lambda kv: kv[0].casefold())
        ],
        "roles": roles,
        "employees": {
            "known": sum(e for e in employees if e is not None),
            "sites_with_figure": sum(1 for e in employees if e is not None),
            "sites_without_figure": sum(1 for e in employees if e is None),
        },
        "pipeline": [
            {"id": s.id, "name": s.name, "status": s.status, "phases": list(s.phases)}
            for s in members
            if s.status in PIPELINE_STATUSES
        ],
        "method": {
            "statuses_counted": list(COUNTED_STATUSES),
            "employees": EMPLOYEES_RULE,
            "production": PRODUCTION_RULE,
            "core_activities": {p.id: list(core_activities(taxonomy, p.id)) for p in taxonomy.phases},
        },
    }


def _actor(site: Site, in_phase: list[str], taxonomy: Taxonomy) -> dict[str, Any]:
    latest = site.latest_employees
    return {
        "id": site.id,
        "name": site.name,
        "organisation": site.organisation,
        "activities": in_phase,
        "roles": sorted({taxonomy.role_of(a) or "" for a in in_phase} - {""}),
        "employees": latest.value if latest else None,
        "employees_year": latest.year if latest else None,
    }


def _phase_coverage(
    taxonomy: Taxonomy, phase: str, counted: list[Site], members: list[Site], lang: str
) -> dict[str, Any]:
    actors = []
    for site in counted:
        in_phase = activities_in_phase(site, phase, taxonomy)
        if in_phase:
            actors.append(_actor(site, in_phase, taxonomy))
    core = set(core_activities(taxonomy, phase))
    production = [a for a in actors if core.intersection(a["activities"])]
    activities_present, activities_absent = [], []
    for activity in chain_activities(taxonomy, phase):
        holders = [a for a in actors if activity in a["activities"]]
        item = {"id": activity, "label": taxonomy.label("activities", activity, lang)}
        if holders:
            activities_present.append(
                {**item, "count": len(holders), "organisations": len({h["organisation"] for h in holders})}
            )
        else:
            activities_absent.append(item)
    figures = [a["employees"] for a in actors]
    return {
        "phase": phase,
        "label": taxonomy.label("phases", phase, lang),
        "count": len(actors),
        "organisations": len({a["organisation"] for a in actors}),
        "organisation_names": sorted({a["organisation"] for a in actors}, key=str.casefold),
        "actors": actors,
        "activities": {"present": activities_present, "absent": activities_absent},
        "employees": {
            "known": sum(f for f in figures if f is not None),
            "sites_with_figure": sum(1 for f in figures if f is not None),
            "sites_without_figure": sum(1 for f in figures if f is None),
        },
        "roles": [
            {
                "role": role.id,
                "label": role.text(lang),
                "count": sum(1 for a in actors if role.id in a["roles"]),
                "organisations": len({a["organisation"] for a in actors if role.id in a["roles"]}),
            }
            for role in taxonomy.roles
            if role.id not in NON_CHAIN_ROLES
        ],
        "production": {
            "count": len(production),
            "organisations": len({a["organisation"] for a in production}),
            "actors": [
                {"id": a["id"], "name": a["name"], "organisation": a["organisation"]} for a in production
            ],
        },
        "pipeline": [
            {"id": s.id, "name": s.name, "status": s.status}
            for s in members
            if s.status in PIPELINE_STATUSES and activities_in_phase(s, phase, taxonomy)
        ],
    }


def _fragile(phase: dict[str, Any], actors: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "phase": phase["phase"],
        "label": phase["label"],
        "organisation": actors[0]["organisation"],
        "sites": [a["id"] for a in actors],
    }
