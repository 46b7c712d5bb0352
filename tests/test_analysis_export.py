"""Exports open in their target tools' readers: networkx for GraphML, geopandas for GeoJSON,
the csv module (as a spreadsheet would) for CSV, json for JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from lifeport_map import export_bytes
from tests.analysis_support import analysis_registry


def test_graphml_loads_back_in_networkx(tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    path.write_bytes(export_bytes(analysis_registry(), "graphml"))
    graph = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    sites = [n for n, d in graph.nodes(data=True) if d["type"] == "site"]
    assert len(sites) == 13
    fab = graph.nodes["site:fab-nijmegen"]
    assert fab["activities"] == "wafer-fab; chip-design"  # lists flattened
    assert fab["employees"] == 1000
    assert "lat" not in graph.nodes["site:design-nijmegen"]  # no None in GraphML
    located = {v for _, v, d in graph.out_edges("site:fab-nijmegen", data=True) if d["type"] == "located-in"}
    assert located == {"definition:nijmegen/two", "definition:nijmegen/radius-10km"}
    assert graph.nodes["definition:nijmegen/radius-10km"]["radius_km"] == 10.0


def test_graphml_is_the_graph_the_analyses_read(tmp_path: Path) -> None:
    from lifeport_map.graph import build_graph

    built = build_graph(analysis_registry())
    path = tmp_path / "graph.graphml"
    path.write_bytes(export_bytes(analysis_registry(), "graphml"))
    exported = nx.read_graphml(path, force_multigraph=True)
    assert set(exported.nodes) == set(built.nodes)
    assert sorted((u, v, k) for u, v, k in exported.edges(keys=True)) == sorted(built.edges(keys=True))


def test_graphml_stays_well_formed_with_characters_xml_forbids() -> None:
    from xml.etree import ElementTree

    from lifeport_map.graph import build_graph
    from lifeport_map.render.export import plain_graph

    graph = build_graph(analysis_registry())
    graph.nodes["site:fab-nijmegen"]["name"] = "Fab\x00\x1b[31m\ufffe"
    flat = plain_graph(graph, flat=True)
    assert flat.nodes["site:fab-nijmegen"]["name"] == "Fab\ufffd\ufffd[31m\ufffd"
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer)
    ElementTree.fromstring(buffer.getvalue())  # parses: well-formed


def test_geojson_loads_in_geopandas_with_every_site(tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "sites.geojson"
    path.write_bytes(export_bytes(analysis_registry(), "geojson"))
    frame = geopandas.read_file(path)
    assert len(frame) == 13
    assert set(frame["id"]) == {s.id for s in analysis_registry().sites}
    assert int(frame.geometry.isna().sum() + frame.geometry.is_empty.sum()) == 2
    fab = frame[frame["id"] == "fab-nijmegen"].iloc[0]
    assert (fab.geometry.x, fab.geometry.y) == pytest.approx((5.85278, 51.8425))


def test_geojson_structure() -> None:
    data = json.loads(export_bytes(analysis_registry(), "geojson"))
    assert data["type"] == "FeatureCollection"
    unplaced = [f["id"] for f in data["features"] if f["geometry"] is None]
    assert unplaced == ["design-nijmegen", "fab-nocoords"]
    assert all(not isinstance(v, list) for f in data["features"] for v in f["properties"].values())


def test_csv_cells_are_neutralised() -> None:
    rows = list(csv.DictReader(io.StringIO(export_bytes(analysis_registry(), "csv").decode())))
    assert len(rows) == 13
    ems = next(r for r in rows if r["id"] == "ems-duiven")
    assert ems["name"].startswith("'=SUM(1)")
    assert not any(v.startswith(("=", "+", "@", "\t", "\r")) for r in rows for v in r.values())
    fab = next(r for r in rows if r["id"] == "fab-nijmegen")
    assert fab["employees"] == "1000" and fab["employees_year"] == "2026"
    assert fab["regions"] == "nijmegen"


def test_json_document() -> None:
    data = json.loads(export_bytes(analysis_registry(), "json"))
    assert [s["id"] for s in data["sites"]] == sorted(s.id for s in analysis_registry().sites)
    nijmegen = next(r for r in data["regions"] if r["id"] == "nijmegen")
    two = next(d for d in nijmegen["definitions"] if d["id"] == "two")
    assert "design-nijmegen" in two["sites"] and "fab-dresden" not in two["sites"]
    assert {"nodes", "links"} <= set(data["graph"])


CREDITS = "Registry: lifeport-map (CC BY 4.0); places: GeoNames (CC BY 4.0)"


@pytest.mark.parametrize("fmt", ["json", "geojson"])
def test_json_exports_carry_the_attribution(fmt: str) -> None:
    data = json.loads(export_bytes(analysis_registry(), fmt, version="git 0123456789ab"))
    assert data["attribution"] == {
        "licence": "CC BY 4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        "credits": CREDITS,
        "registry_version": "git 0123456789ab",
    }


def test_geojson_attribution_is_a_foreign_member_geopandas_ignores(tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "sites.geojson"
    path.write_bytes(export_bytes(analysis_registry(), "geojson", version="sha256 abc"))
    assert len(geopandas.read_file(path)) == 13


def test_graphml_carries_the_attribution_as_graph_attributes(tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    path.write_bytes(export_bytes(analysis_registry(), "graphml", version="git 0123456789ab"))
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.graph["licence"] == "CC BY 4.0"
    assert graph.graph["credits"] == CREDITS
    assert graph.graph["registry_version"] == "git 0123456789ab"


def test_csv_export_writes_its_attribution_in_a_csvw_metadata_file_beside_it() -> None:
    from lifeport_map.render.export import CSV_COLUMNS, export_files

    files = export_files(analysis_registry(), "csv", Path("out/sites.csv"))
    assert [p.as_posix() for p, _ in files] == ["out/sites.csv", "out/sites.csv-metadata.json"]
    rows = list(csv.reader(io.StringIO(files[0][1].decode())))
    assert rows[0] == list(CSV_COLUMNS) and len(rows) == 14  # no attribution row in the table
    metadata = json.loads(files[1][1])
    assert metadata["@context"] == "http://www.w3.org/ns/csvw"
    assert metadata["url"] == "sites.csv"
    assert metadata["dc:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert CREDITS in metadata["dc:rights"]
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == list(CSV_COLUMNS)


@pytest.mark.parametrize("fmt", ["json", "geojson", "graphml"])
def test_other_exports_write_one_file(fmt: str) -> None:
    from lifeport_map.render.export import export_files

    assert [p.name for p, _ in export_files(analysis_registry(), fmt, Path("x.out"))] == ["x.out"]


def test_csv_export_in_the_dutch_dialect(tmp_path: Path) -> None:
    """--csv-dialect nl (the analyses' helper, render.tables.csv_text): ';' between fields and
    decimal commas; the English dialect stays the default (the column names are ids). Fabco
    Nijmegen's coordinates in the fixture are 51.8425, 5.85278 and its site figure 1000; its
    list of activities keeps its '; ' inside one quoted cell. The CSVW metadata names the
    delimiter."""
    from lifeport_map.render.export import export_files

    dutch = export_bytes(analysis_registry(), "csv", csv_dialect="nl").decode()
    rows = list(csv.DictReader(io.StringIO(dutch), delimiter=";"))
    fab = next(r for r in rows if r["id"] == "fab-nijmegen")
    assert (fab["lat"], fab["lon"], fab["employees"]) == ("51,8425", "5,85278", "1000")
    assert fab["activities"] == "wafer-fab; chip-design"
    assert '"wafer-fab; chip-design"' in dutch
    english = export_bytes(analysis_registry(), "csv").decode()
    assert english == export_bytes(analysis_registry(), "csv", csv_dialect="en").decode()
    assert "fab-nijmegen,Fabco Nijmegen,Fabco,idm,active," in english
    assert ",51.8425,5.85278,place,1000," in english
    files = export_files(analysis_registry(), "csv", tmp_path / "sites.csv", "nl")
    assert json.loads(files[1][1])["dialect"] == {"delimiter": ";"}
    assert "dialect" not in json.loads(export_files(analysis_registry(), "csv", tmp_path / "s.csv")[1][1])


def test_export_command_takes_the_csv_dialect(tmp_path: Path) -> None:
    from tests.analysis_support import ANALYSIS_ARGS
    from tests.conftest import run_cli

    out = tmp_path / "sites.csv"
    done = run_cli(*ANALYSIS_ARGS, "export", "--format", "csv", "--csv-dialect", "nl", "--output", str(out))
    assert done.returncode == 0, done.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id;name;organisation;kind;status;activities;phases;place;")
    bad = run_cli(*ANALYSIS_ARGS, "export", "--format", "csv", "--csv-dialect", "fr")
    assert bad.returncode == 2 and "fr" in bad.stderr
