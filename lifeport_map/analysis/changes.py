"""What changed between two versions of the registry: sites added, removed, moved or changed,
and the effect on each region's coverage of the value chain.

A site is matched across versions by id (ids are never reused). "Moved" means its place,
municipality, country or coordinates changed; every other field difference is a change. Both
versions are measured with the same region definitions (those of the newer checkout), so a
coverage difference comes from the sites alone. Sites and coverage are read from each
version's graph; the field-by-field changes compare the entries as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lifeport_map.analysis.coverage import coverage
from lifeport_map.graph import SiteNode, all_sites, as_graph, region, region_ids
from lifeport_map.model import Registry, Site
from lifeport_map.results import (
    ClaimFlip,
    EntryChanges,
    FieldChange,
    Move,
    PhaseCountChange,
    Place,
    RegionCoverageChange,
    RegistryChanges,
    SiteCounts,
    SiteSummary,
)
from lifeport_map.schema import SITE_FIELDS

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.claims import Claim

MOVE_FIELDS = ("place", "municipality", "country", "lat", "lon")


def plain(value: Any) -> Any:
    """Loader containers as plain dicts and lists (for JSON and comparisons)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _summary(site: SiteNode) -> SiteSummary:
    return SiteSummary(
        id=site.id,
        name=site.name,
        organisation=site.organisation,
        place=site.place,
        municipality=site.municipality,
        country=site.country,
        phases=site.phases,
        status=site.status,
    )


def _location(site: SiteNode) -> Place:
    return Place(
        place=site.place, municipality=site.municipality, country=site.country, lat=site.lat, lon=site.lon
    )


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if not isinstance(a, (dict, list)) else plain(a) == plain(b)


def field_changes(old: Site, new: Site) -> list[FieldChange]:
    """Per field (in schema order, location fields dotted): old and new value as written."""
    before = plain(old.raw) if isinstance(old.raw, dict) else {}
    after = plain(new.raw) if isinstance(new.raw, dict) else {}
    changes: list[FieldChange] = []
    for spec in SITE_FIELDS:
        name = spec.name
        if name == "location":
            old_loc, new_loc = before.get(name) or {}, after.get(name) or {}
            for sub in (*(f.name for f in spec.fields), *sorted(set(old_loc) | set(new_loc))):
                if sub in MOVE_FIELDS or any(c.field == f"location.{sub}" for c in changes):
                    continue
                if not _same(old_loc.get(sub), new_loc.get(sub)):
                    changes.append(FieldChange(f"location.{sub}", old_loc.get(sub), new_loc.get(sub)))
            continue
        if not _same(before.get(name), after.get(name)):
            changes.append(FieldChange(name, before.get(name), after.get(name)))
    return changes


def coverage_changes(
    old: Registry | nx.MultiDiGraph, new: Registry | nx.MultiDiGraph
) -> list[RegionCoverageChange]:
    """Per region (default definition): site counts per phase before and after."""
    out = []
    new_graph = as_graph(new)
    for region_id in region_ids(new_graph):
        before = {p.phase: p.count for p in coverage(old, region_id).phases}
        after = {p.phase: p.count for p in coverage(new_graph, region_id).phases}
        phases = tuple(
            PhaseCountChange(phase=phase, old=before.get(phase, 0), new=after.get(phase, 0))
            for phase in dict.fromkeys([*before, *after])
        )
        out.append(
            RegionCoverageChange(
                region=region_id,
                name=region(new_graph, region_id).name,
                phases=phases,
                gained=tuple(p.phase for p in phases if not p.old and p.new),
                lost=tuple(p.phase for p in phases if p.old and not p.new),
                changed=any(p.old != p.new for p in phases),
            )
        )
    return out


def claim_flips(
    old: Registry | nx.MultiDiGraph,
    new: Registry | nx.MultiDiGraph,
    claims: Sequence[Claim],
    *,
    lang: str = "en",
) -> list[ClaimFlip]:
    """The claims whose verdict differs between the two versions (in the claims file's order)."""
    from lifeport_map.analysis.claims import evaluate_claims

    before = {c.id: c for c in evaluate_claims(old, claims, lang=lang).claims}
    after = evaluate_claims(new, claims, lang=lang).claims
    return [
        ClaimFlip(id=c.id, claim=c.claim, old=before[c.id].verdict, new=c.verdict, finding=c.finding)
        for c in after
        if before[c.id].verdict != c.verdict
    ]


def registry_changes(
    old: Registry,
    new: Registry,
    *,
    old_label: str = "",
    new_label: str = "",
    claims: Sequence[Claim] | None = None,
    lang: str = "en",
) -> RegistryChanges:
    """Everything that differs between ``old`` and ``new``; with ``claims``, the verdicts that
    the change flips."""
    old_sites = {s.id: s for s in all_sites(as_graph(old))}
    new_sites = {s.id: s for s in all_sites(as_graph(new))}
    added = [_summary(s) for s in new_sites.values() if s.id not in old_sites]
    removed = [_summary(s) for s in old_sites.values() if s.id not in new_sites]
    moved, changed = [], []
    for site in new_sites.values():
        before = old_sites.get(site.id)
        if before is None:
            continue
        if _location(before) != _location(site):
            moved.append(Move(id=site.id, name=site.name, old=_location(before), new=_location(site)))
        fields = field_changes(old.by_id[site.id], new.by_id[site.id])
        if fields:
            changed.append(EntryChanges(id=site.id, name=site.name, fields=tuple(fields)))
    return RegistryChanges(
        old=old_label,
        new=new_label,
        sites=SiteCounts(old=len(old_sites), new=len(new_sites)),
        added=tuple(sorted(added, key=lambda s: s.id)),
        removed=tuple(sorted(removed, key=lambda s: s.id)),
        moved=tuple(sorted(moved, key=lambda m: m.id)),
        changed=tuple(sorted(changed, key=lambda c: c.id)),
        coverage=tuple(coverage_changes(old, new)),
        claims=None if claims is None else tuple(claim_flips(old, new, claims, lang=lang)),
    )
