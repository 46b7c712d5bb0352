"""The registry and its graph in formats other tools read: JSON, CSV, GeoJSON and GraphML.

Each format is built as plain data first (site records, a feature collection, a flattened
graph) and then serialised to bytes; writing the file is the caller's job. Lists become
'; '-joined text where a format cannot hold them (CSV, GeoJSON properties for QGIS, GraphML).

Every export carries the attribution its data needs (data/README.md, "Licences and
attribution"): the registry's CC BY 4.0 and GeoNames (place coordinates). JSON and GeoJSON hold
it in a top-level ``attribution`` member, GraphML as graph attributes, and CSV, which has no
place for it that a spreadsheet would not read as a row, in a CSV on the Web metadata file
beside it (``sites.csv`` -> ``sites.csv-metadata.json``, W3C CSVW).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifeport_map.errors import UsageError
from lifeport_map.geo import regions_of
from lifeport_map.messages import msg
from lifeport_map.model import Registry, Site, require_registry

if TYPE_CHECKING:
    import networkx as nx

EXPORT_FORMATS = ("json", "csv", "geojson", "graphml")
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The data an export holds: the registry, and place coordinates from the GeoNames gazetteer.
EXPORT_CREDITS = ("registry", "geonames")
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


def attribution(version: str) -> dict[str, str]:
    """What an export must say about its data: licence, credits and the registry version."""
    from lifeport_map.provenance import credit_line

    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "credits": credit_line(EXPORT_CREDITS, "en"),
        "registry_version": version,
    }


def csv_metadata(csv_name: str, version: str, csv_dialect: str = "en") -> dict[str, Any]:
    """The CSV on the Web (W3C CSVW) metadata of a CSV export named ``csv_name``: its licence,
    attribution and columns, and its delimiter when that is not CSVW's default ','. Tools look
    for it at ``<csv>-metadata.json``."""
    from lifeport_map.render.tables import CSV_DIALECTS

    credit = attribution(version)
    delimiter = CSV_DIALECTS[csv_dialect][0]
    dialect = {} if delimiter == "," else {"dialect": {"delimiter": delimiter}}
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": csv_name,
        "dc:title": "lifeport-map registry: one row per site",
        "dc:license": {"@id": LICENCE_URL},
        "dc:rights": f"{credit['credits']}. Licence: {LICENCE}.",
        "dc:source": "https://github.com/lifeport-map (registry version " + version + ")",
        **dialect,
        "tableSchema": {"columns": [{"name": c, "titles": c} for c in CSV_COLUMNS]},
    }


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
        "employees": latest.value if latest else None,
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
    """Every site as the flat record the CSV export writes a row of (one dict per site, in
    registry order)."""
    require_registry(registry)
    return [site_record(registry, s) for s in registry.sites]


def flatten(value: Any) -> Any:
    """A list or tuple as '; '-joined text; other values unchanged."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def geojson(registry: Registry, version: str = "") -> dict[str, Any]:
    """Every site as a GeoJSON Point feature (null geometry when it has no coordinates), with the
    attribution as a foreign member (RFC 7946, section 6.1)."""
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
    return {"type": "FeatureCollection", "attribution": attribution(version), "features": features}


# Characters XML 1.0 does not allow, even escaped: GraphML must stay well-formed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _plain_value(key: str, value: Any, *, flat: bool) -> Any:
    if key == "sources":  # (reference, title, year) per source: the references
        value = [reference for reference, _, _ in value]
    if isinstance(value, (list, tuple)):
        value = flatten(value) if flat else list(value)
    if flat and isinstance(value, str):
        value = _NOT_XML.sub("\ufffd", value)
    return value


def plain_graph(graph: nx.MultiDiGraph, *, flat: bool, version: str = "") -> nx.MultiDiGraph:
    """A copy of the graph for other tools: the same nodes, edges and attributes, with the
    region's published figures and name mapping (which ride on the node for ``stats``) left out
    and the sources as references, and the attribution as graph attributes. ``flat`` (GraphML):
    lists as '; '-joined text, missing values dropped and characters XML forbids replaced, so
    the file is well-formed."""
    out = graph.copy()
    out.graph = {k: v for k, v in graph.graph.items() if not k.startswith("_")}
    out.graph.update(attribution(version))
    for _, data in [*out.nodes(data=True), *((None, d) for _, _, d in out.edges(data=True))]:
        for key in list(data):
            value = data[key]
            if (key in ("figures", "name") and data.get("type") == "region") or (flat and value is None):
                del data[key]
            else:
                data[key] = _plain_value(key, value, flat=flat)
    return out


def registry_document(registry: Registry, version: str = "") -> dict[str, Any]:
    """The attribution, sites, regions (with each definition's member sites) and the graph, as
    one document."""
    import networkx as nx

    from lifeport_map.geo import region_sites
    from lifeport_map.graph import as_graph

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
    built = plain_graph(as_graph(registry), flat=False, version=version)
    try:
        graph = nx.node_link_data(built, edges="links")
    except TypeError:  # networkx < 3.4 names the keyword 'link'
        graph = nx.node_link_data(built, link="links")
    return {
        "attribution": attribution(version),
        "sites": site_records(registry),
        "regions": regions,
        "graph": graph,
    }


def export_bytes(
    registry: Registry, fmt: str, *, version: str | None = None, csv_dialect: str = "en"
) -> bytes:
    """The registry serialised as ``fmt`` (json, csv, geojson or graphml). ``version`` is the
    registry version the attribution names (default: the git commit or content hash);
    ``csv_dialect`` the CSV's delimiter and decimal mark (``render.tables.CSV_DIALECTS``: 'en'
    ',' and points, 'nl' ';' and decimal commas), as for the analyses' CSV."""
    require_registry(registry)
    if fmt not in EXPORT_FORMATS:
        raise UsageError(
            msg("usage.unknown-export-format", format=fmt),
            hint=msg("use-one-of", values=", ".join(EXPORT_FORMATS)),
        )
    if version is None:
        from lifeport_map.provenance import registry_version

        version = registry_version(registry)
    if fmt == "json":
        return (
            json.dumps(registry_document(registry, version), ensure_ascii=False, indent=2, allow_nan=False)
            + "\n"
        ).encode("utf-8")
    if fmt == "geojson":
        return (
            json.dumps(geojson(registry, version), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        ).encode("utf-8")
    if fmt == "csv":
        from lifeport_map.render.tables import csv_text

        rows = [[flatten(r[c]) for c in CSV_COLUMNS] for r in site_records(registry)]
        return csv_text(list(CSV_COLUMNS), rows, csv_dialect).encode("utf-8")
    import io

    import networkx as nx

    from lifeport_map.graph import as_graph

    buffer = io.BytesIO()
    nx.write_graphml(plain_graph(as_graph(registry), flat=True, version=version), buffer, encoding="utf-8")
    return buffer.getvalue()


def export_files(
    registry: Registry, fmt: str, output: Path, csv_dialect: str = "en"
) -> list[tuple[Path, bytes]]:
    """The files an export to ``output`` writes: the export itself, and for CSV its CSVW
    metadata file beside it with the licence and attribution."""
    from lifeport_map.provenance import registry_version

    version = registry_version(registry)
    files = [(output, export_bytes(registry, fmt, version=version, csv_dialect=csv_dialect))]
    if fmt == "csv":
        metadata = csv_metadata(output.name, version, csv_dialect)
        files.append(
            (
                output.with_name(output.name + "-metadata.json"),
                (json.dumps(metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
            )
        )
    return files
