"""Region outlines and importing official boundary files (on tmp copies of region folders)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, snapshot
from maps_support import MINI, mini

from lifeport_map.boundaries import region_outline
from lifeport_map.geo import geodesic_km
from lifeport_map.registry import load_registry

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"n": 1},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[5.7, 51.7], [6.1, 51.7], [6.1, 52.0], [5.7, 52.0], [5.7, 51.7]]],
            },
        }
    ],
}


@pytest.fixture
def regions(tmp_path: Path) -> Path:
    folder = tmp_path / "regions"
    shutil.copytree(MINI / "regions", folder)
    return folder


def _write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def _import_boundary(
    regions: Path, source: Path, region: str, *args: str, lang: str | None = "en"
) -> subprocess.CompletedProcess[str]:
    """``regions import-boundary SOURCE --region REGION ARGS`` on ``regions``, in ``lang`` (by
    default English; None: without --lang, so in Dutch, the default)."""
    return run_cli(
        "--regions",
        str(regions),
        "regions",
        "import-boundary",
        str(source),
        "--region",
        region,
        *args,
        *(("--lang", lang) if lang else ()),
    )


def test_outline_of_dutch_municipalities_is_the_union_of_their_cbs_polygons() -> None:
    from shapely.geometry import Point, shape

    registry = mini()  # the default definition lists Nijmegen (GM0268) and Duiven (GM0226)
    outline = region_outline(registry, registry.regions["nijmegen"])
    assert not outline.approximate and outline.kind == "municipalities" and outline.sources == ("cbs",)
    drawn = shape(outline.geometry)
    assert drawn.geom_type == "MultiPolygon" and len(drawn.geoms) == 2  # they do not touch
    assert drawn.contains(Point(5.85278, 51.8425)) and drawn.contains(Point(6.01389, 51.94667))
    assert not drawn.contains(Point(5.9, 51.98))  # Arnhem, between them, is no member


def test_outline_without_boundary_is_an_approximate_hull_around_members() -> None:
    import dataclasses

    registry = mini()
    region = registry.regions["nijmegen"]
    mini_definition = region.definition("mini")
    # A member without a shipped polygon (a code CBS does not have): no official outline.
    unknown = dataclasses.replace(mini_definition.municipalities[1], code="GM9999")
    definition = dataclasses.replace(
        mini_definition, municipalities=(mini_definition.municipalities[0], unknown)
    )
    region = dataclasses.replace(
        region, definitions=tuple(definition if d.id == "mini" else d for d in region.definitions)
    )
    outline = region_outline(registry, region)
    assert outline.approximate and outline.kind == "hull"
    from shapely.geometry import Point, shape

    hull = shape(outline.geometry)
    assert hull.contains(Point(5.85278, 51.8425)) and hull.contains(Point(6.01389, 51.94667))


def test_radius_outline_is_an_exact_geodesic_circle() -> None:
    registry = mini()
    outline = region_outline(registry, registry.regions["nijmegen"], "radius-10km")
    assert not outline.approximate and outline.kind == "radius"
    for lon, lat in outline.geometry["coordinates"][0][::9]:
        assert abs(geodesic_km(51.8425, 5.85278, lat, lon) - 10.0) < 0.01


def test_import_boundary_stores_file_and_definition(tmp_path: Path, regions: Path) -> None:
    source = _write(tmp_path, "NL226.geojson", SQUARE)
    result = run_cli(
        "--registry",
        str(MINI / "companies.yaml"),
        "--regions",
        str(regions),
        "regions",
        "import-boundary",
        str(source),
        "--region",
        "nijmegen",
        "--definition",
        "nuts3-nl226",
    )
    assert result.returncode == 0, result.stderr
    target = regions / "boundaries" / "nijmegen-nuts3-nl226.geojson"
    assert result.stdout == f"{target} opgeslagen; afbakening 'nuts3-nl226' in {regions / 'nijmegen.yaml'}\n"
    stored = json.loads(target.read_text())
    assert stored["features"][0]["geometry"]["type"] == "Polygon"
    registry = load_registry(MINI / "companies.yaml", regions)
    definition = registry.regions["nijmegen"].definition("nuts3-nl226")
    assert definition.type == "boundary" and definition.boundary == "boundaries/nijmegen-nuts3-nl226.geojson"
    outline = region_outline(registry, registry.regions["nijmegen"])
    assert not outline.approximate and outline.kind == "boundary"
    # Importing again is refused (an import adds); with --replace it updates the definition.
    args = ["--regions", str(regions), "regions", "import-boundary", str(source), "--region", "nijmegen"]
    before = snapshot(regions)
    refused = run_cli(*args, "--definition", "nuts3-nl226")
    assert refused.returncode == 2, refused.stderr
    assert "heeft al een afbakening 'nuts3-nl226'" in refused.stderr and "--replace" in refused.stderr
    assert snapshot(regions) == before
    again = run_cli(*args, "--definition", "nuts3-nl226", "--replace", "--year", "2025", "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"stored {target}; definition 'nuts3-nl226' in {regions / 'nijmegen.yaml'}\n"
    text = (regions / "nijmegen.yaml").read_text()
    assert text.count("id: nuts3-nl226") == 1 and text.count("year: 2025") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json {", "not a GeoJSON file"),
        ({"type": "FeatureCollection", "features": []}, "holds no geometry"),
        (
            {**SQUARE, "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}},
            "not WGS84",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {},
                        "geometry": {"type": "Point", "coordinates": [5.8, 51.8]},
                    }
                ],
            },
            "expected polygons",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[[150000, 400000], [160000, 400000], [160000, 410000], [150000, 400000]]],
            },
            "not longitude/latitude",
        ),
        ({"type": "Topology"}, "not a GeoJSON FeatureCollection"),
        # issue 17: a bow tie is refused, not "repaired" to half its area
        (
            {
                "type": "Polygon",
                "coordinates": [[[5.7, 51.7], [6.1, 52.0], [6.1, 51.7], [5.7, 52.0], [5.7, 51.7]]],
            },
            "polygon 1 is not valid: Self-intersection[5.9 51.85]",
        ),
        # latitude and longitude swapped: the square lies in the Indian Ocean
        (
            {
                "type": "Polygon",
                "coordinates": [[[51.7, 5.7], [51.7, 6.1], [52.0, 6.1], [52.0, 5.7], [51.7, 5.7]]],
            },
            "latitude and longitude are swapped",
        ),
        # another region's polygon (a square at Dresden): about 539 km from Nijmegen
        (
            {
                "type": "Polygon",
                "coordinates": [[[13.6, 51.0], [13.9, 51.0], [13.9, 51.1], [13.6, 51.1], [13.6, 51.0]]],
            },
            "the polygon lies 539 km from nijmegen's centre (Nijmegen)",
        ),
    ],
    ids=["not-json", "empty", "rd-crs", "point", "projected", "topology", "bow-tie", "swapped", "elsewhere"],
)
def test_import_boundary_rejects_bad_files_and_changes_nothing(
    tmp_path: Path, regions: Path, content: object, message: str
) -> None:
    source = _write(tmp_path, "bad.geojson", content)
    before = snapshot(regions)
    result = _import_boundary(regions, source, "nijmegen")
    assert result.returncode == 1, result.stderr  # invalid data, not a usage error
    assert f"{source}:1:" in result.stderr and message in result.stderr and "hint:" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(regions) == before


def test_import_boundary_keeps_the_crlf_line_ends_of_the_region_file(tmp_path: Path, regions: Path) -> None:
    region_file = regions / "nijmegen.yaml"
    lf = region_file.read_bytes()
    region_file.write_bytes(lf.replace(b"\n", b"\r\n"))
    source = _write(tmp_path, "NL226.geojson", SQUARE)
    result = _import_boundary(regions, source, "nijmegen")
    assert result.returncode == 0, result.stderr
    written = region_file.read_bytes()
    assert written.startswith(lf.replace(b"\n", b"\r\n").rstrip(b"\r\n"))  # the file as it was, then
    assert b"id: boundary\r\n" in written and written.count(b"\n") == written.count(b"\r\n")


def test_import_boundary_unknown_region(tmp_path: Path, regions: Path) -> None:
    source = _write(tmp_path, "ok.geojson", SQUARE)
    result = _import_boundary(regions, source, "atlantis")
    assert result.returncode == 2 and "known regions: dresden, nijmegen" in result.stderr


# --- shipped official outlines and country polygons ---------------------------------------------

REFERENCE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "nuts2021-10m-selected.geojson"
)


def test_definition_naming_nuts3_is_the_union_of_shipped_nuts3_polygons() -> None:
    from shapely.geometry import shape

    from lifeport_map.boundaries import nuts3_features

    registry = load_registry(check=False)
    outline = region_outline(registry, registry.regions["dresden"])
    assert (outline.kind, outline.approximate) == ("nuts3", False)
    parts = [shape(nuts3_features()[c]["geometry"]) for c in ("DED21", "DED2C", "DED2E", "DED2F")]
    union = shape(outline.geometry)
    # The union covers each district and its area is their sum (they do not overlap).
    assert all(union.buffer(1e-6).covers(p) for p in parts)
    assert union.area == pytest.approx(sum(p.area for p in parts), rel=1e-3)


def test_the_city_of_dresden_is_drawn_as_its_own_nuts3_region() -> None:
    # A kreisfreie Stadt is a NUTS-3 region of its own: the city definition names DED21, so it
    # is drawn with GISCO's polygon (no approximate hull), exactly the default's DED21 part.
    from shapely.geometry import Point, shape

    from lifeport_map.boundaries import nuts3_features

    registry = load_registry(check=False)
    outline = region_outline(registry, registry.regions["dresden"], "city-dresden")
    assert (outline.kind, outline.approximate, outline.sources) == ("nuts3", False, ("gisco",))
    drawn, ded21 = shape(outline.geometry), shape(nuts3_features()["DED21"]["geometry"])
    assert drawn.symmetric_difference(ded21).area == pytest.approx(0, abs=1e-9)
    assert drawn.contains(Point(13.73832, 51.05089))  # Dresden's centre (region file)
    assert not drawn.contains(Point(13.68021, 51.15922))  # Moritzburg (GeoNames), in the default only


def test_nuts_2021_codes_of_zuid_holland_use_their_2024_polygons() -> None:
    from lifeport_map.boundaries import nuts3_outline

    assert nuts3_outline(("NL333",)) == nuts3_outline(("NL362",)) is not None
    assert nuts3_outline(("NL999",)) is None  # an unknown code: no official outline


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/reference is not present")
@pytest.mark.parametrize("region_id", ["nijmegen", "brainport", "twente", "delft", "leuven", "dresden"])
def test_default_outline_matches_the_official_nuts3_polygons(region_id: str) -> None:
    from shapely.geometry import shape
    from shapely.ops import unary_union

    registry = load_registry(check=False)
    outline = region_outline(registry, registry.regions[region_id])
    if outline.kind != "nuts3":
        pytest.skip(f"no shipped NUTS-3 polygon for {region_id} yet (see data/README.md)")
    features = json.loads(REFERENCE.read_text(encoding="utf-8"))["features"]
    official = unary_union(
        [
            shape(f["geometry"])
            for f in features
            if f["properties"].get("comparison_region") == region_id and f["properties"].get("level") == 3
        ]
    )
    drawn = shape(outline.geometry)
    assert drawn.intersection(official).area / drawn.union(official).area >= 0.9


def test_country_polygons_place_cities_in_their_countries() -> None:
    from lifeport_map.boundaries import countries_at

    # Nijmegen, Leuven, Dresden, Luxembourg, the North Sea off Zeeland.
    found = countries_at(
        [(51.8425, 5.85278), (50.8798, 4.7005), (51.0504, 13.7373), (49.61, 6.13), (51.9, 2.8)]
    )
    assert [inside for inside, _ in found] == ["NL", "BE", "DE", "LU", None]
    # Kerkrade lies on the German border: within the tolerance of both countries.
    assert {"NL", "DE"} <= found[0][1] | countries_at([(50.8656, 6.0625)])[0][1]


def test_validate_fails_a_site_outside_its_country(tmp_path: Path) -> None:
    import dataclasses

    from lifeport_map.validate import check_countries

    registry = mini()
    alpha = registry.site("alpha-nijmegen")
    dronten = dataclasses.replace(
        alpha.location, place="Dronten", municipality="Dronten", lat=52.525, lon=5.718
    )
    wrong = dataclasses.replace(
        registry, sites=(dataclasses.replace(alpha, location=dataclasses.replace(dronten, country="NO")),)
    )
    issues = list(check_countries(wrong))
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("coordinates.outside-country", "location.country", "error")
    ]
    assert "lie in NL" in issues[0].message and "country is NO" in issues[0].message
    right = dataclasses.replace(registry, sites=(dataclasses.replace(alpha, location=dronten),))
    assert list(check_countries(right)) == []
    belgian = dataclasses.replace(dronten, country="BE")
    assert (
        "lie in NL"
        in next(
            iter(
                check_countries(
                    dataclasses.replace(registry, sites=(dataclasses.replace(alpha, location=belgian),))
                )
            )
        ).message
    )


def _at(registry: Any, **location: Any) -> Any:
    import dataclasses

    alpha = registry.site("alpha-nijmegen")
    moved = dataclasses.replace(alpha, location=dataclasses.replace(alpha.location, **location))
    return dataclasses.replace(registry, sites=(moved,))


def test_validate_warns_a_dutch_site_outside_the_municipality_it_names() -> None:
    from lifeport_map.validate import check_municipalities

    registry = mini()
    # Nijmegen's easternmost boundary vertex is (51.825, 5.899); due east of it a point lies
    # 0.029 deg * 111.32 km * cos(51.825 deg) = 2.0 km and 0.073 deg -> 5.0 km outside.
    two_km = {"lat": 51.825, "lon": 5.928}
    five_km = {"lat": 51.825, "lon": 5.972}
    issues = list(check_municipalities(_at(registry, precision="site", **two_km)))
    assert [(i.code, i.field, i.severity) for i in issues] == [
        ("coordinates.outside-municipality", "location.municipality", "warning")
    ]
    assert "2.0 km outside the municipality Nijmegen, in Berg en Dal" in issues[0].message
    assert "tolerance 1 km for precision site" in issues[0].message
    # Place-level coordinates (a town centre) get 3 km: 2 km outside passes, 5 km does not.
    assert list(check_municipalities(_at(registry, precision="place", **two_km))) == []
    far = list(check_municipalities(_at(registry, precision="place", **five_km)))
    assert len(far) == 1 and "5.0 km outside the municipality Nijmegen" in far[0].message
    # A site in Dronten that names Nijmegen; the CBS suffix is optional ("Hengelo" = "Hengelo (O.)").
    dronten = list(check_municipalities(_at(registry, lat=52.525, lon=5.718)))
    assert len(dronten) == 1 and ", in Dronten (CBS 2025" in dronten[0].message
    enschede = {"lat": 52.2215, "lon": 6.8937}  # Enschede centre, 2.5 km and more from Hengelo
    hengelo = list(check_municipalities(_at(registry, municipality="Hengelo", **enschede)))
    assert len(hengelo) == 1 and "municipality Hengelo, in Enschede" in hengelo[0].message
    # Not checked: a name that is no Dutch municipality, an ambiguous one, or another country.
    assert list(check_municipalities(_at(registry, municipality="Atlantis", **five_km))) == []
    assert list(check_municipalities(_at(registry, municipality="Bergen", **five_km))) == []
    assert list(check_municipalities(_at(registry, country="DE", **five_km))) == []


def test_member_municipalities_of_a_corop_definition_cover_its_nuts3_region() -> None:
    from shapely.geometry import shape

    from lifeport_map.boundaries import nuts3_outline
    from lifeport_map.municipalities import municipality_outline

    registry = load_registry()
    checked = 0
    for region in registry.regions.values():
        for definition in region.definitions:
            members = municipality_outline(m.code for m in definition.municipalities)
            official = nuts3_outline(definition.nuts3) if definition.nuts3 else None
            if members is None or official is None:
                continue
            drawn = shape(official)
            # Measured: NL226 0.91, NL414 0.94, Zuid-Holland 0.87 (GISCO's 1:10 million coast
            # takes in the estuaries CBS leaves out), NL213 1.00 (both CBS).
            assert members.intersection(drawn).area / members.union(drawn).area >= 0.85, definition.id
            checked += 1
    assert checked == 4  # Arnhem/Nijmegen, Zuidoost-Noord-Brabant, Zuid-Holland's three, Twente


# README: exit codes 0 ok, 1 invalid data, 2 usage error, 3 file not readable or writable.
# Each refusal in Dutch (the default) and in English, in full: the same exit code, code,
# file:line:col and field in both. {source} is the boundary file, {regions} the regions folder.
SHORT_RING = {"type": "Polygon", "coordinates": [[[5.7, 51.7]]]}
REFUSALS = [
    (
        ["--region", "atlantis"],
        SQUARE,
        2,
        "lifeport-map: fout: regiobestand {regions}/atlantis.yaml bestaat niet\n"
        "    tip: bekende regio's: dresden, nijmegen\n",
        "lifeport-map: error: no region file {regions}/atlantis.yaml\n"
        "    hint: known regions: dresden, nijmegen\n",
    ),
    (
        ["--region", "../nijmegen"],
        SQUARE,
        2,
        "lifeport-map: fout: regio-id '../nijmegen' is geen id\n"
        "    tip: geef het id van de regio (kleine letters, cijfers en koppeltekens), "
        "bijvoorbeeld nijmegen\n",
        "lifeport-map: error: region id '../nijmegen' is not an id\n"
        "    hint: give the region's id (lower-case letters, digits and hyphens), e.g. nijmegen\n",
    ),
    (
        ["--region", "nijmegen", "--definition", "Not A Slug"],
        SQUARE,
        2,
        "lifeport-map: fout: id van afbakening 'Not A Slug' is geen geldig id\n"
        "    tip: gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld nuts3-nl226\n",
        "lifeport-map: error: definition id 'Not A Slug' is not a slug\n"
        "    hint: use lower-case letters, digits and hyphens, e.g. nuts3-nl226\n",
    ),
    (
        ["--region", "nijmegen", "--definition", "radius-10km"],
        SQUARE,
        2,
        "lifeport-map: fout: regio 'nijmegen' heeft al een afbakening 'radius-10km' (type radius); "
        "er is niets veranderd\n"
        "    tip: geef --replace om haar te vervangen, of kies met --definition een ander id\n",
        "lifeport-map: error: region 'nijmegen' already has a definition 'radius-10km' (type radius); "
        "nothing was changed\n"
        "    hint: pass --replace to replace it, or choose another --definition id\n",
    ),
    (
        ["--region", "nijmegen", "--definition", "mini", "--replace"],
        SQUARE,
        2,
        "lifeport-map: fout: afbakening 'mini' van regio 'nijmegen' is een lijst van gemeenten; een "
        "geïmporteerde grens vervangt die nooit\n"
        "    tip: importeer de grens onder een ander id, bijvoorbeeld --definition mini-boundary\n",
        "lifeport-map: error: definition 'mini' of region 'nijmegen' is a list of municipalities; an "
        "imported boundary never replaces one\n"
        "    hint: import the boundary under another id, e.g. --definition mini-boundary\n",
    ),
    (
        ["--region", "nijmegen"],
        SHORT_RING,
        1,
        "{source}:1:37: fout: [boundary.malformed] coordinates[0]: een ring moet een lijst van minstens "
        "vier posities zijn\n"
        "    tip: GeoJSON-polygonen zijn lijsten van ringen, elk een lijst van posities [lengte, breedte]\n",
        "{source}:1:37: error: [boundary.malformed] coordinates[0]: a ring must be a list of at least "
        "four positions\n"
        "    hint: GeoJSON polygons are lists of rings, each a list of [longitude, latitude] positions\n",
    ),
    (
        ["--region", "nijmegen"],
        "[1, 2",
        1,
        "{source}:1:6: fout: [boundary.not-json] geen GeoJSON-bestand (hier hoort een komma)\n"
        "    tip: download de GeoJSON-variant van het grensbestand (GISCO: formaat 'GeoJSON', "
        "projectie 'EPSG:4326')\n",
        "{source}:1:6: error: [boundary.not-json] not a GeoJSON file (Expecting ',' delimiter)\n"
        "    hint: download the GeoJSON variant of the boundary file (GISCO: format 'GeoJSON', "
        "projection 'EPSG:4326')\n",
    ),
    (  # the missing file is the command's argument FILE (BESTAND): the hint names it as the help does
        ["--region", "nijmegen"],
        None,
        3,
        "{source}: fout: [io.not-found] bestand niet gevonden\n"
        "    tip: controleer het pad dat als BESTAND is opgegeven\n",
        "{source}: error: [io.not-found] file not found\n    hint: check the path given as FILE\n",
    ),
    (
        ["--region", "nijmegen"],
        "folder",
        3,
        "{source}: fout: [io.is-directory] hier hoort een bestand, maar dit is een map\n"
        "    tip: geef het bestand zelf op\n",
        "{source}: error: [io.is-directory] expected a file but found a directory\n"
        "    hint: point at the file itself\n",
    ),
]


@pytest.mark.parametrize(
    ("args", "content", "code", "dutch", "english"),
    REFUSALS,
    ids=[
        "unknown-region",
        "bad-region-id",
        "bad-definition-id",
        "existing-definition",
        "municipalities",
        "short-ring",
        "not-json",
        "missing-file",
        "a-folder",
    ],
)
def test_import_boundary_refuses_in_either_language_with_the_readme_exit_code(
    tmp_path: Path, regions: Path, args: list[str], content: object, code: int, dutch: str, english: str
) -> None:
    source = tmp_path / "in.geojson"
    if content == "folder":
        source.mkdir()
    elif content is not None:
        _write(tmp_path, source.name, content)
    before = snapshot(regions)
    for lang, expected in (("nl", dutch), ("en", english)):
        command = (
            "--regions",
            str(regions),
            "regions",
            "import-boundary",
            str(source),
            *args,
            "--lang",
            lang,
        )
        result = run_cli(*command)
        assert result.returncode == code, result.stderr
        assert result.stderr == expected.format(source=source, regions=regions)
        assert result.stdout == ""
    assert snapshot(regions) == before


def test_import_boundary_refuses_a_year_that_is_no_number(tmp_path: Path, regions: Path) -> None:
    """A usage error of the command line itself (click's, said again from the catalogue)."""
    source = _write(tmp_path, "in.geojson", SQUARE)
    result = _import_boundary(regions, source, "nijmegen", "--year", "last", lang=None)
    assert result.returncode == 2, result.stderr
    assert "'last' is geen geheel getal" in result.stderr and "Traceback" not in result.stderr


def test_import_boundary_exit_code_for_a_broken_region_file(tmp_path: Path, regions: Path) -> None:
    """A region file without definitions is invalid data (1), not a usage error."""
    region_file = regions / "nijmegen.yaml"
    text = region_file.read_text(encoding="utf-8")
    region_file.write_text(text[: text.index("definitions:")], encoding="utf-8")
    source = _write(tmp_path, "in.geojson", SQUARE)
    before = snapshot(regions)
    for lang, expected in (
        (
            "nl",
            f"lifeport-map: fout: {region_file}: het regiobestand heeft geen lijst 'definitions:'\n"
            "    tip: voeg eerst de afbakeningen van de regio toe\n",
        ),
        (
            "en",
            f"lifeport-map: error: {region_file}: the region file has no 'definitions:' list\n"
            "    hint: add the region's definitions first\n",
        ),
    ):
        result = _import_boundary(regions, source, "nijmegen", lang=lang)
        assert result.returncode == 1, result.stderr
        assert result.stderr == expected
    assert snapshot(regions) == before


@pytest.mark.parametrize(("region", "definition"), [("twente", "corop-nl213"), ("nijmegen", "gmr-18")])
def test_a_dutch_outline_from_cbs_stays_on_the_dutch_side_of_the_drawn_border(
    region: str, definition: str
) -> None:
    """Issue 14, fourth round: the base map's Dutch land border is the CBS municipalities' (as
    are Twente's COROP polygon and the municipal outlines); Natural Earth's lay up to 2.9 km off
    and put 68.8 km² of Twente's outline in Germany (Groene Metropoolregio: 25.5 km²)."""
    from shapely.geometry import shape

    from lifeport_map.countries import country_features

    registry = load_registry(check=False)
    outline = shape(region_outline(registry, registry.regions[region], definition).geometry)
    drawn = {iso: shape(f["geometry"]) for iso, f in country_features().items()}
    km2 = 111.2 * 111.2 * 0.62  # a square degree at 52 N
    assert outline.intersection(drawn["DE"]).area * km2 < 1.0
    assert outline.difference(drawn["NL"]).area * km2 < 1.5
    assert country_features()["NL"]["properties"]["sources"] == ["naturalearth", "cbs"]


@pytest.mark.parametrize("name", ["countries.geojson", "gemeenten-nl.geojson", "nuts3.geojson"])
def test_every_shipped_boundary_is_a_valid_polygon(name: str) -> None:
    # France and Italy were invalid (a ring of too few points, a self-intersection), left by
    # rounding their clipped edges to 3 decimals; scripts/build_boundaries.py now repairs them
    from shapely.geometry import shape
    from shapely.validation import explain_validity

    from lifeport_map.paths import data_dir

    features = json.loads((data_dir() / "boundaries" / name).read_text(encoding="utf-8"))["features"]
    shapes = [(str(f["properties"]), shape(f["geometry"])) for f in features]
    invalid = {
        name: explain_validity(geometry)
        for name, geometry in shapes
        if not geometry.is_valid or geometry.geom_type not in ("Polygon", "MultiPolygon")
    }
    assert invalid == {}


def test_rounding_repair_keeps_valid_geometries_and_mends_broken_ones() -> None:
    import importlib.util

    from shapely.geometry import shape

    spec = importlib.util.spec_from_file_location(
        "build_boundaries", Path(__file__).resolve().parent.parent / "scripts" / "build_boundaries.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    assert script._valid_rounded(square) is square
    # a bow tie, and a ring that rounding collapsed to two points
    bow = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    sliver = [[[5, 5], [5.001, 5], [5, 5]]]
    broken = {"type": "MultiPolygon", "coordinates": [square["coordinates"], sliver]}
    for geometry in (bow, broken):
        repaired = shape(script._valid_rounded(geometry))
        assert repaired.is_valid and repaired.geom_type in ("Polygon", "MultiPolygon")
    assert shape(script._valid_rounded(broken)).area == 1.0


def _build_boundaries_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_boundaries", Path(__file__).resolve().parent.parent / "scripts" / "build_boundaries.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_drawn_dutch_land_border_has_no_spikes() -> None:
    """Issue 14, fifth round: the Dutch land border had a notch 1.1 km long and 37 m wide near
    Rekken (Berkelland), and the same build put one 1.7 km long near Kotten (Winterswijk): Natural
    Earth's Netherlands and Germany, simplified each on its own, parted there, and the border
    step took the sliver between them for sea. No spike or notch narrower than about 275 m and
    0.75 km or longer is left along the land border (``narrow_parts``), and the Netherlands is
    drawn where CBS puts Berkelland."""
    from shapely.geometry import Point, shape

    from lifeport_map.countries import country_features
    from lifeport_map.municipalities import municipality_features

    script = _build_boundaries_script()
    drawn = {iso: shape(f["geometry"]) for iso, f in country_features().items()}
    found = script.land_border_narrow_parts(drawn)
    assert [(iso, part.representative_point().coords[0]) for iso, part in found] == []
    # nor slivers between the Netherlands and a neighbour (47, 1.7 km² in all, before)
    gaps = script.land_border_gaps(drawn)
    assert sum(script._area_km2(part) for part in gaps) < 0.02
    notch = Point(6.69, 52.0633)  # inside the notch near Rekken
    berkelland = shape(municipality_features()["GM1859"]["geometry"])
    assert berkelland.contains(notch) and drawn["NL"].contains(notch)
    assert not drawn["DE"].intersects(notch)


def test_the_land_border_closes_the_slivers_simplification_leaves_between_neighbours() -> None:
    """Two neighbours simplified each on their own part by up to twice the tolerance: the sliver
    between them is land (the Netherlands' where CBS says so, else the neighbour's), not a
    notch in the border; a bay wider than that stays open."""
    from shapely.geometry import Polygon, box

    script = _build_boundaries_script()
    # the Netherlands' eastern edge leaves the shared border for 0.1 degrees and bends 0.004
    # degrees west (one vertex moved), Germany's is straight
    netherlands = Polygon([(0, 0), (1, 0), (1, 0.45), (0.996, 0.5), (1, 0.55), (1, 1), (0, 1)])
    germany = box(1, 0, 2, 1)
    belgium = box(0, -2, 2, -1)
    dutch = box(0, 0, 1, 1)  # CBS: the Netherlands reach the straight border
    result = script.with_dutch_land_border({"NL": netherlands, "DE": germany, "BE": belgium}, dutch)
    assert result["NL"].symmetric_difference(dutch).area < 1e-6
    assert box(0, 0, 2, 1).difference(result["NL"].union(result["DE"])).area < 1e-6
    # CBS stops short of the border: the sliver goes to Germany, not to no one
    result = script.with_dutch_land_border(
        {"NL": netherlands, "DE": germany, "BE": belgium}, box(0, 0, 0.99, 1)
    )
    assert box(0, 0, 2, 1).difference(result["NL"].union(result["DE"])).area < 1e-6
    # a bay 0.02 degrees wide between the two stays water
    bay = box(0.98, 0.4, 1.02, 0.6)
    result = script.with_dutch_land_border(
        {"NL": netherlands.difference(bay), "DE": germany.difference(bay), "BE": belgium}, dutch
    )
    assert abs(bay.difference(result["NL"].union(result["DE"])).area - bay.area) < 1e-6


def _edited_regions(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the shipped regions with one edit in nijmegen.yaml."""
    folder = tmp_path / "regions"
    shutil.copytree(ROOT / "data" / "regions", folder)
    path = folder / "nijmegen.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_a_centre_typed_wrong_is_an_error_of_validate(tmp_path: Path) -> None:
    # lat 5.8425 for 51.8425 put gaps' candidates 5,000 km away and emptied the 25 km radius,
    # while validate said nothing
    folder = _edited_regions(
        tmp_path, "  lat: 51.8425\n  lon: 5.85278\ndefault", "  lat: 5.8425\n  lon: 5.85278\ndefault"
    )
    done = run_cli("--regions", str(folder), "validate", "--format", "json", "--lang", "en")
    assert done.returncode == 1
    found = [i for i in json.loads(done.stdout)["issues"] if i["code"].startswith("region.")]
    assert [(i["code"], i["field"], i["line"], i["severity"]) for i in found] == [
        ("region.centre-far", "centre.lat", 29, "error")
    ]
    assert "5,115 km from Nijmegen (51.84250, 5.85278)" in found[0]["message"]
    # within 25 km of the place it names is fine (a campus may be the centre)
    folder = _edited_regions(tmp_path / "near", "  lat: 51.8425\n", "  lat: 51.9925\n")  # 16.7 km north
    done = run_cli("--regions", str(folder), "validate", "--format", "json")
    assert [i for i in json.loads(done.stdout)["issues"] if i["code"].startswith("region.")] == []


def test_a_nuts3_code_without_a_shipped_polygon_is_a_warning(tmp_path: Path) -> None:
    # NL262 (for NL226) fell back to the members' outline without a word
    folder = _edited_regions(tmp_path, "nuts3: [NL226]", "nuts3: [NL262]")
    done = run_cli("--regions", str(folder), "validate", "--format", "json", "--lang", "en")
    assert done.returncode == 0
    found = [i for i in json.loads(done.stdout)["issues"] if i["code"].startswith("region.")]
    assert [(i["code"], i["field"], i["line"], i["col"], i["severity"]) for i in found] == [
        ("region.nuts3-not-shipped", "definitions[0].nuts3[0]", 38, 13, "warning")
    ]
    assert "'NL262' has no shipped boundary" in found[0]["message"]


def test_a_municipality_list_is_drawn_without_the_slits_between_its_members() -> None:
    from shapely.geometry import shape

    from lifeport_map.municipalities import municipality_features, municipality_outline

    def holes(codes: list[str]) -> list[float]:
        outline = municipality_outline(codes)
        parts = [outline] if outline.geom_type == "Polygon" else list(outline.geoms)
        return [
            shape({"type": "Polygon", "coordinates": [r.coords]}).area for p in parts for r in p.interiors
        ]

    registry = load_registry()
    members = [m.code for m in registry.regions["nijmegen"].definitions[0].municipalities]
    # the generalised polygons of Arnhem and Rheden leave a slit, which the union kept as a hole
    # of no area, drawn as a stray line between Arnhem and Velp
    assert holes(members) == []
    # a member left out of the list stays a hole: Nijmegen is surrounded by the other fifteen
    nijmegen = shape(municipality_features()["GM0268"]["geometry"]).area
    assert [round(a / nijmegen, 1) for a in holes([c for c in members if c != "GM0268"])] == [1.0]
