"""The registry and its graph in formats other tools read: JSON, CSV, GeoJSON and GraphML.

Each format is built as plain data first (site records, a feature collection, a flattened
graph) and then serialised to bytes; writing the file is the caller's job. Lists become
'; '-joined text where a format cannot hold them (CSV, GeoJSON properties for QGIS, GraphML).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lifeport_map.analysis.coverage import site_employees
from lifeport_map.errors import UsageError
from lifeport_map.geo import regions_of
from lifeport_map.model import Registry, Site

if TYPE_CHECKING:
    import networkx as nx

EXPORT_FORMATS = ("json", "csv", "geojson", "graphml")
LIST_SEPARATOR = "; "
CSV_COLUMNS = (
    "id",
    "name",
    "organisation",
    "kind",
    "status",
    "activities",
    "phases",
    "place",
    "municipality",
    "country",
    "lat",
    "lon",
    "precision",
    "employees",
    "employees_year",
    "regions",
    "since",
    "until",
    "website",
    "aliases",
    "checked",
    "campus",
    "employees_max",
    "facility_type",
    "wafer_mm",
    "technologies",
    "node_nm",
    "capacity",
    "capacity_unit",
    "capacity_year",
    "cleanroom_m2",
    "operator",
    "events",
)


def site_record(registry: Registry, site: Site) -> dict[str, Any]:
    """One site as plain data (lists kept), with the regions it belongs to by default."""
    latest = site.latest_employees
    loc = site.location
    facility = site.facility
    capacity = facility.capacity if facility else None
    return {
        "id": site.id,
        "name": site.name,
        "organisation": site.organisation,
        "kind": site.kind,
        "status": site.status,
        "activities": list(site.activities),
        "phases": list(site.phases),
        "place": loc.place,
        "municipality": loc.municipality,
        "country": loc.country,
        "lat": loc.lat,
        "lon": loc.lon,
        "precision": loc.precision,
        "employees": site_employees(site),
        "employees_year": latest.year if latest else None,
        "regions": regions_of(registry, site),
        "since": site.since,
        "until": site.until,
        "website": site.website,
        "aliases": list(site.aliases),
        "checked": site.checked,
        "campus": loc.campus,
        "employees_max": latest.max if latest else None,
        "facility_type": facility.type if facility else None,
        "wafer_mm": list(facility.wafer_mm) if facility else [],
        "technologies": list(facility.technologies) if facility else [],
        "node_nm": facility.node_nm if facility else None,
        "capacity": capacity.value if capacity else None,
        "capacity_unit": capacity.unit if capacity else None,
        "capacity_year": capacity.year if capacity else None,
        "cleanroom_m2": facility.cleanroom_m2 if facility else None,
        "operator": facility.operator if facility else None,
        "events": [f"{e.date} {e.type}" for e in site.events],
    }


def site_records(registry: Registry) -> list[dict[str, Any]]:
    return [site_record(registry, s) for s in registry.sites]


def flatten(value: Any) -> Any:
    """A list or tuple as '; '-joined text; other values unchanged."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def geojson(registry: Registry) -> dict[str, Any]:
    """Every site as a GeoJSON Point feature (null geometry when it has no coordinates)."""
    features = []
    for record in site_records(registry):
        lat, lon = record["lat"], record["lon"]
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        features.append(
            {
                "type": "Feature",
                "id": record["id"],
                "geometry": geometry,
                "properties": {k: flatten(v) for k, v in record.items()},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def flat_graph(registry: Registry) -> nx.MultiDiGraph:
    """The value-chain graph with list attributes joined and missing values dropped (GraphML)."""
    from lifeport_map.graph import build_graph

    graph = build_graph(registry)
    for _, data in graph.nodes(data=True):
        for key in list(data):
            if data[key] is None:
                del data[key]
            else:
                data[key] = flatten(data[key])
    for _, _, data in graph.edges(data=True):
        for key in list(data):
            if data[key] is None:
                del data[key]
            else:
                data[key] = flatten(data[key])
    return graph


def registry_document(registry: Registry) -> dict[str, Any]:
    """Sites, regions (with each definition's member sites) and the graph, as one document."""
    import networkx as nx

    from lifeport_map.geo import region_sites
    from lifeport_map.graph import build_graph

    regions = []
    for region in registry.regions.values():
        regions.append(
            {
                "id": region.id,
                "name": dict(region.name),
                "aliases": list(region.aliases),
                "country": region.country,
                "centre": {"place": region.centre_place, "lat": region.centre[0], "lon": region.centre[1]},
                "default_definition": region.default_definition,
                "definitions": [
                    {
                        "id": d.id,
                        "type": d.type,
                        "name": dict(d.name),
                        "sites": [s.id for s in region_sites(registry, region, d.id)],
                    }
                    for d in region.definitions
                ],
            }
        )
    built = build_graph(registry)
    try:
        graph = nx.node_link_data(built, edges="links")
    except TypeError:  # networkx < 3.4 names the keyword 'link'
        graph = nx.node_link_data(built, link="links")
    return {"sites": site_records(registry), "regions": regions, "graph": graph}


def export_bytes(registry: Registry, fmt: str) -> bytes:
    """The registry serialised as ``fmt`` (json, csv, geojson or graphml)."""
    if fmt == "json":
        return (
            json.dumps(registry_document(registry), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        ).encode("utf-8")
    if fmt == "geojson":
        return (json.dumps(geojson(registry), ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode(
            "utf-8"
        )
    if fmt == "csv":
        from lifeport_map.render.tables import csv_text

        rows = [[flatten(r[c]) for c in CSV_COLUMNS] for r in site_records(registry)]
        return csv_text(list(CSV_COLUMNS), rows).encode("utf-8")
    if fmt == "graphml":
        import io

        import networkx as nx

        buffer = io.BytesIO()
        nx.write_graphml(flat_graph(registry), buffer, encoding="utf-8")
        return buffer.getvalue()
    raise UsageError(f"unknown export format '{fmt}'", hint=f"use one of: {', '.join(EXPORT_FORMATS)}")
