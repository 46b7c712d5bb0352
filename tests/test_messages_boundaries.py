"""Boundary files in either language: the reasons a parser or GEOS gives, and the problems that
the bad-boundary fixtures do not reach (tests/fixtures/invalid-boundaries with
tests/test_invalid_fixtures.py cover the rest, tests/test_boundaries.py the import's usage errors).

In English a reason is the parser's (or GEOS's) own words, as before; in Dutch the catalogue's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lifeport_map.boundary_check import _why_invalid, boundary_collection
from lifeport_map.errors import RegistryError, YamlError
from lifeport_map.geo import load_boundary
from lifeport_map.geojson_io import _not_finite, json_reason, loads_geojson
from lifeport_map.model import RegionDefinition, SourceRef

# What the JSON parser says (json.JSONDecodeError.msg) for each input, in Dutch by the catalogue.
JSON_REASONS = [
    ("[1, 2", "Expecting ',' delimiter", "hier hoort een komma"),
    ("", "Expecting value", "hier hoort een waarde"),
    ('{"a" 1}', "Expecting ':' delimiter", "hier hoort een dubbele punt"),
    (
        "{a: 1}",
        "Expecting property name enclosed in double quotes",
        "hier hoort een naam tussen dubbele aanhalingstekens",
    ),
    ("{} x", "Extra data", "na het einde staat nog meer"),
    ('"abc', "Unterminated string starting at", "een tekst zonder afsluitend aanhalingsteken"),
    ('"a\x01"', "Invalid control character at", "een stuurteken in een tekst"),
    ('"\\q"', "Invalid \\escape", "een ongeldige escape met backslash"),
    ('"\\u12"', "Invalid \\uXXXX escape", "een ongeldige escape \\uXXXX"),
]


@pytest.mark.parametrize(("text", "english", "dutch"), JSON_REASONS, ids=[r[1] for r in JSON_REASONS])
def test_the_json_parsers_reason_is_said_in_either_language(text: str, english: str, dutch: str) -> None:
    with pytest.raises(json.JSONDecodeError) as parsed:
        json.loads(text)
    assert parsed.value.msg == english  # the parser's words: the catalogue's English is exactly them
    reason = json_reason(parsed.value.msg)
    assert (reason.render("nl"), reason.render("en")) == (dutch, english)
    with pytest.raises(YamlError) as caught:
        loads_geojson(text, source="b.geojson")
    assert caught.value.issue.code == "boundary.not-json"
    assert caught.value.in_lang("nl")[0] == f"geen GeoJSON-bestand ({dutch})"
    assert caught.value.in_lang("en")[0] == f"not a GeoJSON file ({english})"


def test_a_reason_the_catalogue_does_not_know_is_quoted_in_dutch() -> None:
    reason = json_reason("Some future reason")
    assert (reason.render("nl"), reason.render("en")) == (
        "JSON-fout 'Some future reason'",
        "Some future reason",
    )


# GEOS's reasons (explain_validity), with and without the point it names.
GEOS_REASONS = [
    ("Self-intersection[5.9 51.85]", "zelfdoorsnijding bij [5.9 51.85]"),
    ("Ring Self-intersection[1 2]", "een ring snijdt zichzelf bij [1 2]"),
    ("Hole lies outside shell[7 53]", "een gat ligt buiten de buitenrand bij [7 53]"),
    ("Holes are nested[1 2]", "gaten liggen in elkaar bij [1 2]"),
    ("Interior is disconnected[1 2]", "het binnengebied hangt niet aaneen bij [1 2]"),
    ("Nested shells[1 2]", "buitenranden liggen in elkaar bij [1 2]"),
    ("Duplicate Rings[1 2]", "dubbele ringen bij [1 2]"),
    (
        "Too few distinct points in geometry component[1 2]",
        "te weinig verschillende punten in een deel van de geometrie bij [1 2]",
    ),
    ("Invalid Coordinate[nan nan]", "ongeldige coördinaat bij [nan nan]"),
    ("Ring is not closed", "een ring is niet gesloten"),
    ("Repeated Point[1 2]", "herhaald punt bij [1 2]"),
    ("Something GEOS may say one day", "'Something GEOS may say one day'"),
]


@pytest.mark.parametrize(("english", "dutch"), GEOS_REASONS, ids=[r[0] for r in GEOS_REASONS])
def test_why_geos_finds_a_polygon_invalid_is_said_in_either_language(english: str, dutch: str) -> None:
    why = _why_invalid(english)
    assert (why.render("nl"), why.render("en")) == (dutch, english)


@pytest.mark.parametrize(
    ("literal", "dutch", "english"),
    [
        ("NaN", "NaN is geen getal", "NaN is not a number"),
        ("-Infinity", "-Infinity is geen getal", "-Infinity is not a number"),
        ("1e999", "het getal 1e999 valt buiten het bereik", "the number 1e999 is out of range"),
        ("-2E+400", "het getal -2E+400 valt buiten het bereik", "the number -2E+400 is out of range"),
        ("12", "de waarde 12 is geen getal", "the value 12 is not a number"),
    ],
)
def test_a_value_that_is_not_finite_is_named_in_either_language(
    literal: str, dutch: str, english: str
) -> None:
    said = _not_finite(literal)
    assert (said.render("nl"), said.render("en")) == (dutch, english)


def test_empty_polygons_and_a_feature_that_is_no_object_are_refused_in_either_language() -> None:
    with pytest.raises(YamlError) as empty:
        boundary_collection({"type": "Polygon", "coordinates": []}, source="b.geojson")
    assert empty.value.issue.code == "boundary.malformed"
    assert empty.value.in_lang("nl") == (
        "een polygoon moet een niet-lege lijst van ringen zijn",
        "GeoJSON-polygonen zijn lijsten van ringen, elk een lijst van posities [lengte, breedte]",
    )
    assert empty.value.in_lang("en") == (
        "a polygon must be a non-empty list of rings",
        "GeoJSON polygons are lists of rings, each a list of [longitude, latitude] positions",
    )
    with pytest.raises(YamlError) as geometry:
        boundary_collection({"type": "Feature", "geometry": [1]}, source="b.geojson")
    assert geometry.value.issue.code == "boundary.not-polygon"
    assert geometry.value.in_lang("nl")[0] == "polygonen verwacht, geen object gevonden"
    assert geometry.value.in_lang("en")[0] == "expected polygons, found not an object"


def _definition(boundary: str) -> RegionDefinition:
    return RegionDefinition(
        id="official", type="boundary", name={}, source=SourceRef(year=2024), boundary=boundary
    )


def test_a_stored_boundary_outside_the_regions_folder_is_refused_in_either_language(tmp_path: Path) -> None:
    with pytest.raises(RegistryError) as caught:
        load_boundary(tmp_path, _definition("../elsewhere.geojson"))
    [issue] = caught.value.issues
    assert (issue.code, issue.file) == ("region.bad-boundary", str(tmp_path / "../elsewhere.geojson"))
    assert issue.in_lang("nl").message == (
        "de grens van afbakening 'official' is niet te gebruiken: het grensbestand moet in de map met "
        "regio's liggen"
    )
    assert issue.in_lang("en").message == (
        "boundary of definition 'official' cannot be used: the boundary file must lie inside the "
        "regions folder"
    )


def test_a_stored_boundary_shapely_cannot_read_quotes_its_words_in_dutch(tmp_path: Path) -> None:
    """Content that was never checked (a file changed after validate): shapely's own words,
    quoted in Dutch, as they are in English."""
    (tmp_path / "b.geojson").write_text('{"type": "Feature", "geometry": {"type": "Blob"}}', encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_boundary(tmp_path, _definition("b.geojson"))
    [issue] = caught.value.issues
    english = issue.in_lang("en").message
    assert english.startswith("boundary of definition 'official' cannot be used: ")
    words = english.removeprefix("boundary of definition 'official' cannot be used: ")
    assert "blob" in words.lower()  # shapely names the unknown type
    assert issue.in_lang("nl").message == (
        "de grens van afbakening 'official' is niet te gebruiken: de geometrie kan niet worden "
        f"gelezen ('{words}')"
    )


# --- regions import-boundary: a file that is in use or there already, a region file it would break


def _import(regions: Path, source: Path, lang: str, *args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from lifeport_map.cli import app

    command = ["--regions", str(regions), "regions", "import-boundary", str(source), "--region", "nijmegen"]
    result = CliRunner().invoke(app, [*command, *args, "--lang", lang])
    return result.exit_code, result.stderr


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[5.7, 51.7], [6.1, 51.7], [6.1, 52.0], [5.7, 52.0], [5.7, 51.7]]],
}


@pytest.fixture
def regions(tmp_path: Path) -> Path:
    import shutil

    from tests.conftest import MINI

    folder = tmp_path / "regions"
    shutil.copytree(MINI / "regions", folder)
    return folder


def test_a_boundary_file_another_definition_uses_is_refused_in_either_language(
    tmp_path: Path, regions: Path
) -> None:
    region_file = regions / "nijmegen.yaml"
    other = (
        "  - id: other\n    type: boundary\n    name: {nl: Ander, en: Other}\n"
        "    boundary: boundaries/nijmegen-official.geojson\n"
        '    source: {url: "https://example.org/b", year: 2024}\n'
    )
    region_file.write_text(region_file.read_text(encoding="utf-8") + other, encoding="utf-8")
    source = tmp_path / "in.geojson"
    source.write_text(json.dumps(SQUARE), encoding="utf-8")
    before = region_file.read_bytes()
    assert _import(regions, source, "nl", "--definition", "official") == (
        2,
        "lifeport-map: fout: boundaries/nijmegen-official.geojson is de grens van afbakening 'other'; "
        "er is niets veranderd\n    tip: kies met --definition een ander id\n",
    )
    assert _import(regions, source, "en", "--definition", "official") == (
        2,
        "lifeport-map: error: boundaries/nijmegen-official.geojson is the boundary of definition 'other'; "
        "nothing was changed\n    hint: choose another --definition id\n",
    )
    assert region_file.read_bytes() == before


def test_a_boundary_file_there_already_is_kept_in_either_language(tmp_path: Path, regions: Path) -> None:
    (regions / "boundaries").mkdir()
    stored = regions / "boundaries" / "nijmegen-official.geojson"
    stored.write_text("kept", encoding="utf-8")
    source = tmp_path / "in.geojson"
    source.write_text(json.dumps(SQUARE), encoding="utf-8")
    assert _import(regions, source, "nl", "--definition", "official") == (
        2,
        f"lifeport-map: fout: {stored} bestaat al; er is niets veranderd\n"
        "    tip: geef --replace om haar te vervangen, of kies met --definition een ander id\n",
    )
    assert _import(regions, source, "en", "--definition", "official") == (
        2,
        f"lifeport-map: error: {stored} already exists; nothing was changed\n"
        "    hint: pass --replace to replace it, or choose another --definition id\n",
    )
    assert stored.read_text(encoding="utf-8") == "kept"


def test_a_region_file_without_a_definitions_line_is_refused_in_either_language() -> None:
    """Its definitions written in flow style: the import finds no 'definitions:' line to add to."""
    from lifeport_map.boundaries import with_boundary_definition
    from lifeport_map.errors import LifeportError

    with pytest.raises(LifeportError) as caught:
        with_boundary_definition("{id: x, definitions: []}\n", "official", [], "x.yaml")
    assert caught.value.in_lang("nl") == (
        "x.yaml: het regiobestand heeft geen lijst 'definitions:'",
        "voeg eerst de afbakeningen van de regio toe",
    )
    assert caught.value.in_lang("en") == (
        "x.yaml: the region file has no 'definitions:' list",
        "add the region's definitions first",
    )
    assert caught.value.exit_code == 1


def test_an_edit_that_would_break_or_change_the_region_file_is_refused_in_either_language(
    regions: Path,
) -> None:
    from lifeport_map.boundaries import _check_region_text, boundary_definition
    from lifeport_map.errors import LifeportError
    from lifeport_map.yamlio import parse

    region_file = regions / "nijmegen.yaml"
    text = region_file.read_text(encoding="utf-8")
    old = parse(text, region_file)
    item = boundary_definition("official", "boundaries/nijmegen-official.geojson", "in.geojson", 2024)
    # the edited text would lose the region's country: the strict loader refuses it
    with pytest.raises(LifeportError) as broken:
        _check_region_text(text.replace("country: NL\n", ""), region_file, old, item)
    assert broken.value.in_lang("nl") == (
        f"{region_file}: de afbakening toevoegen zou het bestand ongeldig maken (verplicht veld 'country' "
        "ontbreekt of is leeg)",
        "herstel het regiobestand met de hand en importeer daarna opnieuw",
    )
    assert broken.value.in_lang("en") == (
        f"{region_file}: adding the boundary definition would break the file (required field 'country' "
        "is missing or empty)",
        "fix the region file by hand, then import again",
    )
    # a valid text that is not the old file plus the new definition: refused too
    with pytest.raises(LifeportError) as changed:
        _check_region_text(text.replace("aliases: [Lifeport]", "aliases: [Elders]"), region_file, old, item)
    assert changed.value.in_lang("nl") == (
        f"{region_file}: de afbakening kon niet worden toegevoegd zonder andere delen van het bestand te "
        "veranderen; er is niets veranderd",
        "voeg de afbakening met de hand toe (zie de README, 'Maps and briefs') en voer daarna validate uit",
    )
    assert changed.value.in_lang("en") == (
        f"{region_file}: the boundary definition could not be added without changing other parts of the "
        "file; nothing was changed",
        "add the definition by hand (see README, 'Maps and briefs'), then run validate",
    )
