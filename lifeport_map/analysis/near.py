"""Sites within a radius of a place, a site or a coordinate pair, nearest first.

The origin is read, in this order, as "lat,lon" in decimal degrees, a site id, a place in the
offline gazetteer (optionally "Name, CC"), or a region name or alias (its centre). Distances are
geodesic on the WGS84 ellipsoid; sites without coordinates cannot be placed and are counted.
Sites, regions and the chain rules come from the graph.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import in_year, time_info
from lifeport_map.analysis.filters import SiteFilter, check_filter, one_of
from lifeport_map.chain import COUNTED_STATUSES, ChainRules, Counting, counting, is_counted, rule_text
from lifeport_map.errors import UsageError
from lifeport_map.geo import geodesic_many_km
from lifeport_map.graph import (
    SiteNode,
    all_sites,
    as_graph,
    chain_rules_of,
    check_lang,
    has_site,
    keys_of_type,
    label,
    region,
    region_ids,
    site,
)
from lifeport_map.messages import msg
from lifeport_map.results import Breakdown, Near, NearFilters, NearSite, Origin
from lifeport_map.text import as_names, fold

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry

_LATLON = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*[,;]\s*([-+]?\d+(?:\.\d+)?)\s*\Z")
_PLACE_COUNTRY = re.compile(r"(.+?),\s*([A-Za-z]{2})\s*\Z")


def _coordinates(query: str) -> tuple[float, float] | None:
    """``query`` as 'lat,lon' (None: not written as coordinates; out of range: still returned)."""
    match = _LATLON.match(query)
    return (float(match.group(1)), float(match.group(2))) if match else None


def _place_query(query: str) -> tuple[str, str | None]:
    """A place name and the country it names ('Kleve, DE'), as the gazetteer is asked."""
    name, country = query.strip(), None
    with_country = _PLACE_COUNTRY.match(name)
    if with_country:
        name, country = with_country.group(1), with_country.group(2).upper()
    return name, country


def found_without_registry(query: str) -> bool:
    """Whether ``resolve_origin`` finds ``query`` whatever the registry holds: coordinates in
    range, or a place the gazetteer knows. A check of many origins asks this first and builds
    the registry's graph only for the rest (a site or region id, or no origin at all)."""
    from lifeport_map.gazetteer import load_gazetteer

    point = _coordinates(query)
    if point is not None:
        return -90 <= point[0] <= 90 and -180 <= point[1] <= 180
    return load_gazetteer().best(*_place_query(query)) is not None


def check_radius(radius_km: float, example: int = 300) -> None:
    """Raise UsageError for a radius that is not a positive number of km (the hint gives
    ``example``); the command line asks this before any file is looked for."""
    if not math.isfinite(radius_km) or radius_km <= 0:
        raise UsageError(
            msg("usage.radius", km=radius_km if math.isfinite(radius_km) else str(radius_km)),
            hint=msg("usage.radius/hint", km=example),
        )


def check_origin_form(query: str) -> None:
    """Raise UsageError for an origin written as coordinates out of range (what ``resolve_origin``
    refuses without the registry); the command line asks this before any file is looked for."""
    point = _coordinates(query)
    if point is not None and not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise UsageError(msg("usage.latlon", query=query), hint=msg("usage.latlon/hint"))


def resolve_origin(source: Registry | nx.MultiDiGraph, query: str, lang: str = "en") -> Origin:
    """Where ``query`` is: kind (coordinates, site, place, region), name (a region's in
    ``lang``), lat and lon."""
    graph = as_graph(source)
    point = _coordinates(query)
    if point is not None:
        check_origin_form(query)
        lat, lon = point
        return Origin(query=query, kind="coordinates", id=None, name=f"{lat}, {lon}", lat=lat, lon=lon)
    if has_site(graph, query.strip()):
        found = site(graph, query.strip())
        if found.lat is None or found.lon is None:
            raise UsageError(
                msg("usage.no-coordinates", site=found.id),
                hint=msg("usage.no-coordinates/hint", place=found.place or found.municipality),
            )
        return Origin(query=query, kind="site", id=found.id, name=found.name, lat=found.lat, lon=found.lon)
    from lifeport_map.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    name, country = _place_query(query)
    place = gazetteer.best(name, country)
    if place is not None:
        return Origin(
            query=query,
            kind="place",
            id=str(place.geonameid),
            name=f"{place.name} ({place.country})",
            lat=place.lat,
            lon=place.lon,
        )
    wanted = fold(query)
    for region_id in region_ids(graph):
        found_region = region(graph, region_id)
        if any(
            fold(n) == wanted for n in [found_region.id, *found_region.name.values(), *found_region.aliases]
        ):
            return Origin(
                query=query,
                kind="region",
                id=found_region.id,
                name=found_region.text(lang),
                lat=found_region.centre[0],
                lon=found_region.centre[1],
            )
    close = difflib.get_close_matches(query, keys_of_type(graph, "site"), n=3, cutoff=0.6)
    close += difflib.get_close_matches(name, gazetteer.names(country), n=3, cutoff=0.8)
    # the closest first, whether a site id or a place ('Nijmgen': Nijmegen before nxp-nijmegen)
    close.sort(key=lambda c: -difflib.SequenceMatcher(None, fold(query), fold(c)).ratio())
    hint = (
        msg("did-you-mean/some", names=", ".join(dict.fromkeys(close)))
        if close
        else msg("usage.unknown-origin/hint")
    )
    raise UsageError(msg("usage.unknown-origin", query=query), hint=hint)


def _check_filters(graph: nx.MultiDiGraph, phase: str | None, role: str | None) -> None:
    for value, node_type in [(phase, "phase"), (role, "role")]:
        if value is not None and value not in keys_of_type(graph, node_type):
            raise UsageError(
                msg(f"usage.unknown-{node_type}", value=value),
                hint=one_of(value, keys_of_type(graph, node_type)),
            )


def matches(
    site: SiteNode,
    rules: ChainRules,
    *,
    activities: Sequence[str] = (),
    phase: str | None = None,
    role: str | None = None,
) -> bool:
    """Whether a site passes the filters: any of ``activities``; active in ``phase`` (as in
    coverage); and an activity with ``role`` (in ``phase`` when both are given)."""
    if activities and not set(activities).intersection(site.activities):
        return False
    if phase is not None and not rules.activities_in_phase(site.activities, site.served_phases, phase):
        return False
    if role is not None:
        scope = (
            rules.activities_in_phase(site.activities, site.served_phases, phase)
            if phase
            else site.activities
        )
        if not rules.has_role(scope, role):
            return False
    return True


def breakdown(sites: Sequence[SiteNode], rules: ChainRules) -> Breakdown:
    """Counts of ``sites`` by country, by technology, and companies versus knowledge institutes."""
    countries: dict[str, int] = {}
    technologies: dict[str, int] = {}
    for s in sites:
        countries[s.country] = countries.get(s.country, 0) + 1
        for technology in s.technologies:
            technologies[technology] = technologies.get(technology, 0) + 1
    knowledge = sum(1 for s in sites if rules.is_knowledge(s.kind))
    return Breakdown(
        countries=dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))),
        technologies=dict(sorted(technologies.items(), key=lambda kv: (-kv[1], kv[0]))),
        companies=len(sites) - knowledge,
        knowledge=knowledge,
        organisations=len({s.organisation for s in sites}),
    )


def near(
    source: Registry | nx.MultiDiGraph,
    query: str,
    *,
    radius_km: float,
    activities: Sequence[str] = (),
    phase: str | None = None,
    role: str | None = None,
    statuses: Sequence[str] = COUNTED_STATUSES,
    lang: str = "en",
    filters: SiteFilter | None = None,
    roles: str | Counting | None = None,
    year: int | None = None,
    today: int | None = None,
) -> Near:
    """Sites within ``radius_km`` of ``query`` that pass the filters, nearest first.

    ``filters`` narrows by country, technology, wafer size, facility type, kind, organisation,
    site id and status (its statuses, when given, replace ``statuses``); ``activities`` are
    added to its activities;
    ``roles`` keeps sites that count in at least one phase under that counting definition;
    ``year`` looks at the sites and statuses of the chain then (see coverage.coverage)."""
    check_lang(lang)
    check_radius(radius_km)
    radius_km = float(radius_km)  # as the command line passes it: 300 is 300.0 in the JSON
    activities, statuses = as_names(activities), as_names(statuses)
    graph = in_year(as_graph(source), year, today)
    chosen = filters or SiteFilter()
    chosen = replace(
        chosen,
        activities=tuple(dict.fromkeys((*chosen.activities, *activities))),
        statuses=chosen.statuses or tuple(statuses),
    )
    check_filter(graph, chosen)
    _check_filters(graph, phase, role)
    origin = resolve_origin(graph, query, lang)
    rules = chain_rules_of(graph)
    how = counting(roles, rules.roles, rules.role_labels) if roles is not None else None
    pool = [
        s
        for s in all_sites(graph)
        if s.id != origin.id
        and chosen.matches(s, rules)
        and matches(s, rules, phase=phase, role=role)
        and (how is None or rules.counted_phases(how, s.kind, s.activities, s.served_phases))
    ]
    placed = [(s, s.lat, s.lon) for s in pool if s.lat is not None and s.lon is not None]
    distances = geodesic_many_km(origin.lat, origin.lon, [(lat, lon) for _, lat, lon in placed])
    within = sorted(
        ((km, s) for km, (s, _, _) in zip(distances, placed, strict=True) if km <= radius_km),
        key=lambda pair: (pair[0], pair[1].id),
    )
    return Near(
        origin=origin,
        radius_km=radius_km,
        filters=NearFilters(
            activities=chosen.activities,
            phase=phase,
            role=role,
            statuses=chosen.statuses,
            countries=chosen.countries,
            technologies=chosen.technologies,
            wafer_mm=chosen.wafer_mm,
            facility_types=chosen.facility_types,
            kinds=chosen.kinds,
            roles=how.id if how else None,
            organisations=chosen.organisations or None,
            ids=chosen.ids or None,
        ),
        count=len(within),
        sites=tuple(
            NearSite(
                id=s.id,
                name=s.name,
                organisation=s.organisation,
                status=s.status,
                distance_km=round(km, 2),
                activities=s.activities,
                activity_labels=tuple(label(graph, "activity", a, lang) for a in s.activities),
                phases=s.phases,
                place=s.place,
                country=s.country,
                lat=s.lat,
                lon=s.lon,
                precision=s.precision,
                kind=s.kind,
                knowledge=rules.is_knowledge(s.kind),
                facility_type=s.facility_type,
                technologies=s.technologies,
                wafer_mm=s.wafer_mm,
                node_nm=s.node_nm,
                capacity=s.capacity,
            )
            for km, s in within
        ),
        breakdown=breakdown([s for _, s in within], rules),
        without_coordinates=len(pool) - len(placed),
        time=time_info(graph, [s for _, s in within if is_counted(s.status)], lang),
        method=rule_text("near", lang),
    )
