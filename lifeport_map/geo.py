"""Distances and region membership.

Distances reported to users are geodesic on the WGS84 ellipsoid (Karney's algorithm via
geographiclib, accurate to well under a metre); the quick great-circle formula is only used for
plausibility checks. A site belongs to a region when the region's chosen definition says so:
its municipality is on the member list, it lies within the radius, or inside the boundary file.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lifeport_map.errors import UsageError
from lifeport_map.messages import msg
from lifeport_map.model import Region, RegionDefinition, Registry, Site
from lifeport_map.text import fold

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of mean Earth radius (plausibility checks only)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid in km."""
    from geographiclib.geodesic import Geodesic

    result = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)
    return float(result["s12"]) / 1000.0


def geodesic_many_km(lat: float, lon: float, points: Iterable[tuple[float, float]]) -> list[float]:
    """Geodesic distances from one point to many, in km."""
    from geographiclib.geodesic import Geodesic

    inverse = Geodesic.WGS84.Inverse
    mask = Geodesic.DISTANCE
    return [float(inverse(lat, lon, plat, plon, mask)["s12"]) / 1000.0 for plat, plon in points]


# The sphere and the WGS84 ellipsoid differ by well under 1 % in distance, so the quick
# great-circle distance settles every point outside this band; inside it the geodesic decides.
_SPHERE_MARGIN = 0.01


def within_km(centre: tuple[float, float], point: tuple[float, float], radius_km: float) -> bool:
    """Whether ``point`` lies within ``radius_km`` (geodesic, WGS84) of ``centre``."""
    if abs(point[0] - centre[0]) * 110.5 > radius_km * (1 + _SPHERE_MARGIN) + 1:
        return False  # a degree of latitude is at least 110.5 km
    sphere = great_circle_km(centre[0], centre[1], point[0], point[1])
    if sphere > radius_km * (1 + _SPHERE_MARGIN):
        return False
    if sphere < radius_km * (1 - _SPHERE_MARGIN):
        return True
    return geodesic_km(centre[0], centre[1], point[0], point[1]) <= radius_km


def members_by_definition(registry: Registry) -> Iterator[tuple[Region, RegionDefinition, list[Site]]]:
    """Every definition of every region with the sites it holds (in registry order).

    Municipality lists are matched through one index of the sites by country and folded
    municipality name, so this stays linear in the number of sites.
    """
    by_place: dict[tuple[str, str], list[int]] = {}
    for index, site in enumerate(registry.sites):
        by_place.setdefault((site.location.country, fold(site.location.municipality)), []).append(index)
    for region in registry.regions.values():
        for definition in region.definitions:
            if definition.type == "municipalities":
                found = sorted(
                    {i for name in definition.member_names for i in by_place.get((region.country, name), ())}
                )
                yield region, definition, [registry.sites[i] for i in found]
            else:
                yield region, definition, list(region_sites(registry, region, definition.id))


def resolve_region(registry: Registry, name: str) -> Region:
    """Find a region by id, name or alias (case- and accent-insensitive)."""
    wanted = fold(name)
    for region in registry.regions.values():
        names = [region.id, *region.name.values(), *region.aliases]
        if any(fold(n) == wanted for n in names):
            return region
    import difflib

    candidates: dict[str, str] = {}
    for region in registry.regions.values():
        for n in [region.id, *region.name.values(), *region.aliases]:
            candidates[fold(n)] = region.id
    close = difflib.get_close_matches(wanted, list(candidates), n=5, cutoff=0.5)
    suggestions = list(dict.fromkeys(candidates[c] for c in close))
    hint = (
        msg("did-you-mean/some", names=", ".join(suggestions))
        if suggestions
        else msg("region.unknown/hint", regions=", ".join(registry.regions))
    )
    raise UsageError(msg("region.unknown", region=name), hint=hint)


def resolve_definition(region: Region, definition: str | None) -> RegionDefinition:
    try:
        return region.definition(definition)
    except KeyError:
        known = ", ".join(d.id for d in region.definitions)
        raise UsageError(
            msg("claims.unknown-definition", region=region.id, definition=str(definition)),
            hint=msg("use-one-of", values=known),
        ) from None


def load_boundary(regions_dir: Path, definition: RegionDefinition) -> Any:
    """The shapely geometry of a boundary definition (GeoJSON stored by import-boundary).

    The file is read like every registry file (a regular file inside the regions folder, with
    limits); a refused file raises RegistryError with its ``io.*`` issue, unusable content
    with ``region.bad-boundary``.
    """
    from shapely.errors import ShapelyError
    from shapely.geometry import shape
    from shapely.ops import unary_union

    from lifeport_map.errors import FileErrors, Issue, LifeportError, RegistryError, YamlError
    from lifeport_map.geojson_io import read_geojson
    from lifeport_map.text import excerpt

    path = boundary_path(regions_dir, definition.boundary)
    try:
        if path is None:
            raise LifeportError(msg("boundary.outside-regions"))
        data = read_geojson(path, root=regions_dir, raw=definition.boundary_bytes, given_by="--regions")
        features = data["features"] if data.get("type") == "FeatureCollection" else [data]
        return unary_union([shape(f.get("geometry", f)) for f in features])
    except YamlError as exc:  # a link leading out, a FIFO, a device: nothing was read
        raise RegistryError(exc.issues if isinstance(exc, FileErrors) else [exc.issue]) from None
    except (LifeportError, ValueError, TypeError, KeyError, AttributeError, ShapelyError) as exc:
        # a library's own words (shapely's, Python's) are quoted in Dutch
        problem = (
            exc.text
            if isinstance(exc, LifeportError)
            else msg("boundary.unreadable-geometry", problem=excerpt(str(exc), 160))
        )
        raise RegistryError(
            [
                Issue(
                    code="region.bad-boundary",
                    file=str(regions_dir / (definition.boundary or "")),
                    text=msg("region.bad-boundary", definition=excerpt(definition.id), problem=problem),
                    help=msg("region.bad-boundary/hint"),
                )
            ]
        ) from None


def boundary_path(regions_dir: Path, relative: str | None) -> Path | None:
    """The boundary file named in a region file, or None when it would lie outside the
    regions folder (an absolute path or '..'): region files must not reach other files."""
    if not relative or Path(relative).is_absolute() or ".." in Path(relative).parts:
        return None
    return regions_dir / relative


def in_region(
    site: Site, region: Region, definition: RegionDefinition, regions_dir: Path | None = None
) -> bool:
    """Whether ``site`` belongs to ``region`` under ``definition``."""
    loc = site.location
    if definition.type == "municipalities":
        return loc.country == region.country and fold(loc.municipality) in definition.member_names
    if definition.type == "radius":
        if loc.lat is None or loc.lon is None or definition.radius_km is None:
            return False
        return within_km(region.centre, (loc.lat, loc.lon), definition.radius_km)
    if definition.type == "boundary" and regions_dir is not None and loc.has_coordinates:
        from shapely.geometry import Point

        geometry = load_boundary(regions_dir, definition)
        return bool(geometry.covers(Point(loc.lon, loc.lat)))
    return False


def region_sites(
    registry: Registry, region: Region, definition: str | None = None, *, sites: Iterable[Site] | None = None
) -> tuple[Site, ...]:
    """The sites that belong to ``region`` under the named (or default) definition."""
    chosen = resolve_definition(region, definition)
    pool = registry.sites if sites is None else sites
    if chosen.type == "boundary":
        from shapely.geometry import Point
        from shapely.prepared import prep

        geometry = prep(load_boundary(registry.regions_dir, chosen))
        return tuple(
            s
            for s in pool
            if s.location.has_coordinates and geometry.covers(Point(s.location.lon, s.location.lat))
        )
    if chosen.type == "radius":  # in_region's test, with within_km's latitude band first (the
        # quick rejection of most sites, inline: this runs for every site and radius definition)
        radius = chosen.radius_km
        if radius is None:
            return ()
        centre = region.centre
        centre_lat, band = centre[0], radius * (1 + _SPHERE_MARGIN) + 1
        return tuple(
            s
            for s in pool
            if (lat := s.location.lat) is not None
            and abs(lat - centre_lat) * 110.5 <= band
            and (lon := s.location.lon) is not None
            and within_km(centre, (lat, lon), radius)
        )
    return tuple(s for s in pool if in_region(s, region, chosen, registry.regions_dir))


def regions_of(registry: Registry, site: Site) -> list[str]:
    """Ids of the regions a site belongs to under each region's default definition."""
    return [
        r.id for r in registry.regions.values() if in_region(site, r, r.definition(), registry.regions_dir)
    ]
