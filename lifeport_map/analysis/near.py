"""Sites within a radius of a place, a site or a coordinate pair, nearest first.

The origin is read, in this order, as "lat,lon" in decimal degrees, a site id, a place in the
offline gazetteer (optionally "Name, CC"), or a region name or alias (its centre). Distances are
geodesic on the WGS84 ellipsoid; sites without coordinates cannot be placed and are counted.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from typing import Any

from lifeport_map.analysis.coverage import activities_in_phase
from lifeport_map.chain import COUNTED_STATUSES
from lifeport_map.errors import UsageError
from lifeport_map.geo import geodesic_many_km
from lifeport_map.model import Registry, Site
from lifeport_map.text import fold

_LATLON = re.compile(r"\s*([-+]?\d+(?:\.\d+)?)\s*[,;]\s*([-+]?\d+(?:\.\d+)?)\s*\Z")
_PLACE_COUNTRY = re.compile(r"(.+?),\s*([A-Za-z]{2})\s*\Z")


def resolve_origin(registry: Registry, query: str) -> dict[str, Any]:
    """Where ``query`` is: kind (coordinates, site, place, region), name, lat and lon."""
    match = _LATLON.match(query)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise UsageError(
                f"'{query}' is not a valid latitude,longitude pair",
                hint="give decimal degrees, latitude first, e.g. 51.84,5.85",
            )
        return {
            "query": query,
            "kind": "coordinates",
            "id": None,
            "name": f"{lat}, {lon}",
            "lat": lat,
            "lon": lon,
        }
    site = registry.by_id.get(query.strip())
    if site is not None:
        if site.location.lat is None or site.location.lon is None:
            raise UsageError(
                f"site '{site.id}' has no coordinates",
                hint="use its place name instead, e.g. "
                f"'{site.location.place or site.location.municipality}'",
            )
        return {
            "query": query,
            "kind": "site",
            "id": site.id,
            "name": site.name,
            "lat": site.location.lat,
            "lon": site.location.lon,
        }
    from lifeport_map.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    name, country = query.strip(), None
    with_country = _PLACE_COUNTRY.match(name)
    if with_country:
        name, country = with_country.group(1), with_country.group(2).upper()
    place = gazetteer.best(name, country)
    if place is not None:
        return {
            "query": query,
            "kind": "place",
            "id": str(place.geonameid),
            "name": f"{place.name} ({place.country})",
            "lat": place.lat,
            "lon": place.lon,
        }
    wanted = fold(query)
    for region in registry.regions.values():
        if any(fold(n) == wanted for n in [region.id, *region.name.values(), *region.aliases]):
            return {
                "query": query,
                "kind": "region",
                "id": region.id,
                "name": region.text("en"),
                "lat": region.centre[0],
                "lon": region.centre[1],
            }
    close = difflib.get_close_matches(query, list(registry.by_id), n=3, cutoff=0.6)
    close += difflib.get_close_matches(name, gazetteer.names(country), n=3, cutoff=0.8)
    hint = (
        f"did you mean: {', '.join(dict.fromkeys(close))}?"
        if close
        else "give a place name (e.g. Nijmegen), a site id, or coordinates such as 51.84,5.85"
    )
    raise UsageError(f"'{query}' is neither coordinates, a site id nor a known place", hint=hint)


def _check_filters(
    registry: Registry, activities: Sequence[str], phase: str | None, role: str | None
) -> None:
    taxonomy = registry.taxonomy
    for value, vocabulary in [*((a, "activities") for a in activities), (phase, "phases"), (role, "roles")]:
        if value is not None and value not in taxonomy.terms[vocabulary]:
            raise UsageError(
                f"unknown {vocabulary[:-1] if vocabulary != 'activities' else 'activity'} '{value}'",
                hint=f"use one of: {', '.join(taxonomy.vocabulary(vocabulary))}",
            )


def matches(
    site: Site,
    registry: Registry,
    *,
    activities: Sequence[str] = (),
    phase: str | None = None,
    role: str | None = None,
) -> bool:
    """Whether a site passes the filters: any of ``activities``; active in ``phase`` (as in
    coverage); and an activity with ``role`` (in ``phase`` when both are given)."""
    taxonomy = registry.taxonomy
    if activities and not set(activities).intersection(site.activities):
        return False
    if phase is not None and not activities_in_phase(site, phase, taxonomy):
        return False
    if role is not None:
        scope = activities_in_phase(site, phase, taxonomy) if phase else list(site.activities)
        if not any(taxonomy.role_of(a) == role for a in scope):
            return False
    return True


def near(
    registry: Registry,
    query: str,
    *,
    radius_km: float,
    activities: Sequence[str] = (),
    phase: str | None = None,
    role: str | None = None,
    statuses: Sequence[str] = COUNTED_STATUSES,
    lang: str = "en",
) -> dict[str, Any]:
    """Sites within ``radius_km`` of ``query`` that pass the filters, nearest first."""
    if not math.isfinite(radius_km) or radius_km <= 0:
        raise UsageError(
            f"radius must be a positive number of km, not {radius_km}", hint="e.g. --radius-km 300"
        )
    _check_filters(registry, activities, phase, role)
    origin = resolve_origin(registry, query)
    taxonomy = registry.taxonomy
    pool = [
        s
        for s in registry.sites
        if s.status in statuses
        and s.id != origin["id"]
        and matches(s, registry, activities=activities, phase=phase, role=role)
    ]
    placed = [s for s in pool if s.location.lat is not None and s.location.lon is not None]
    distances = geodesic_many_km(
        origin["lat"],
        origin["lon"],
        [
            (s.location.lat, s.location.lon)
            for s in placed
            if s.location.lat is not None and s.location.lon is not None
        ],
    )
    within = sorted(
        ((km, s) for km, s in zip(distances, placed, strict=True) if km <= radius_km),
        key=lambda pair: (pair[0], pair[1].id),
    )
    return {
        "origin": origin,
        "radius_km": radius_km,
        "filters": {"activities": list(activities), "phase": phase, "role": role, "statuses": list(statuses)},
        "count": len(within),
        "sites": [
            {
                "id": s.id,
                "name": s.name,
                "organisation": s.organisation,
                "status": s.status,
                "distance_km": round(km, 2),
                "activities": list(s.activities),
                "activity_labels": [taxonomy.label("activities", a, lang) for a in s.activities],
                "phases": list(s.phases),
                "place": s.location.place,
                "country": s.location.country,
                "lat": s.location.lat,
                "lon": s.location.lon,
                "precision": s.location.precision,
            }
            for km, s in within
        ],
        "without_coordinates": len(pool) - len(placed),
        "method": "geodesic distance on the WGS84 ellipsoid (Karney, geographiclib) from the "
        "origin to the site's coordinates; 'place' precision means city-level "
        "coordinates",
    }
