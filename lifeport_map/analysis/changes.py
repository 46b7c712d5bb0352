"""What changed between two versions of the registry: sites added, removed, moved or changed,
and the effect on each region's coverage of the value chain.

A site is matched across versions by id (ids are never reused). "Moved" means its place,
municipality, country or coordinates changed; every other field difference is a change. Both
versions are measured with the same region definitions (those of the newer checkout), so a
coverage difference comes from the sites alone.
"""

from __future__ import annotations

from typing import Any

from lifeport_map.model import Registry, Site
from lifeport_map.schema import SITE_FIELDS

MOVE_FIELDS = ("place", "municipality", "country", "lat", "lon")


def plain(value: Any) -> Any:
    """Loader containers as plain dicts and lists (for JSON and comparisons)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _summary(site: Site) -> dict[str, Any]:
    return {
        "id": site.id,
        "name": site.name,
        "organisation": site.organisation,
        "place": site.location.place,
        "municipality": site.location.municipality,
        "country": site.location.country,
        "phases": list(site.phases),
        "status": site.status,
    }


def _location(site: Site) -> dict[str, Any]:
    loc = site.location
    return {
        "place": loc.place,
        "municipality": loc.municipality,
        "country": loc.country,
        "lat": loc.lat,
        "lon": loc.lon,
    }


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if not isinstance(a, (dict, list)) else plain(a) == plain(b)


def field_changes(old: Site, new: Site) -> list[dict[str, Any]]:
    """Per field (in schema order, location fields dotted): old and new value."""
    before = plain(old.raw) if isinstance(old.raw, dict) else {}
    after = plain(new.raw) if isinstance(new.raw, dict) else {}
    changes: list[dict[str, Any]] = []
    for spec in SITE_FIELDS:
        name = spec.name
        if name == "location":
            old_loc, new_loc = before.get(name) or {}, after.get(name) or {}
            for sub in (*(f.name for f in spec.fields), *sorted(set(old_loc) | set(new_loc))):
                if sub in MOVE_FIELDS or any(c["field"] == f"location.{sub}" for c in changes):
                    continue
                if not _same(old_loc.get(sub), new_loc.get(sub)):
                    changes.append(
                        {"field": f"location.{sub}", "old": old_loc.get(sub), "new": new_loc.get(sub)}
                    )
            continue
        if not _same(before.get(name), after.get(name)):
            changes.append({"field": name, "old": before.get(name), "new": after.get(name)})
    return changes


def coverage_changes(old: Registry, new: Registry) -> list[dict[str, Any]]:
    """Per region (default definition): site counts per phase before and after."""
    from lifeport_map.analysis.coverage import coverage

    out = []
    for region_id, region in new.regions.items():
        before = {p["phase"]: p["count"] for p in coverage(old, region_id)["phases"]}
        after = {p["phase"]: p["count"] for p in coverage(new, region_id)["phases"]}
        phases = [
            {"phase": phase, "old": before.get(phase, 0), "new": after.get(phase, 0)}
            for phase in dict.fromkeys([*before, *after])
        ]
        out.append(
            {
                "region": region_id,
                "name": region.name,
                "phases": phases,
                "gained": [p["phase"] for p in phases if not p["old"] and p["new"]],
                "lost": [p["phase"] for p in phases if p["old"] and not p["new"]],
                "changed": any(p["old"] != p["new"] for p in phases),
            }
        )
    return out


def registry_changes(old: Registry, new: Registry) -> dict[str, Any]:
    """Everything that differs between ``old`` and ``new`` (plain data, JSON-ready)."""
    old_ids, new_ids = old.by_id, new.by_id
    added = [_summary(s) for s in new.sites if s.id not in old_ids]
    removed = [_summary(s) for s in old.sites if s.id not in new_ids]
    moved, changed = [], []
    for site in new.sites:
        before = old_ids.get(site.id)
        if before is None:
            continue
        if _location(before) != _location(site):
            moved.append({"id": site.id, "name": site.name, "old": _location(before), "new": _location(site)})
        fields = field_changes(before, site)
        if fields:
            changed.append({"id": site.id, "name": site.name, "fields": fields})
    regions = coverage_changes(old, new)
    return {
        "sites": {"old": len(old.sites), "new": len(new.sites)},
        "added": sorted(added, key=lambda s: s["id"]),
        "removed": sorted(removed, key=lambda s: s["id"]),
        "moved": sorted(moved, key=lambda s: s["id"]),
        "changed": sorted(changed, key=lambda s: s["id"]),
        "coverage": regions,
    }
