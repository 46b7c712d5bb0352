"""The shipped registry and regions: valid, sourced, large enough, and honest about regions."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from lifeport_map.geo import region_sites
from lifeport_map.registry import check_registry, default_registry_path, load_registry
from lifeport_map.schema import json_schema
from lifeport_map.text import fold
from tests.conftest import ROOT, SHARED, run_cli


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry()


def test_shipped_registry_validates_with_exit_0(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_registry().errors == []


def test_every_entry_has_a_sourced_existence_and_year(registry) -> None:  # type: ignore[no-untyped-def]
    for site in registry.sites:
        assert site.sources, site.id
        assert all(s.year for s in site.sources), site.id
        assert all(s.url or s.seed for s in site.sources), site.id
        for figure in site.employees:
            assert figure.url or figure.seed, site.id


def test_coordinates_say_how_precise_they_are(registry) -> None:  # type: ignore[no-untyped-def]
    for site in registry.sites:
        if site.location.has_coordinates:
            assert site.location.precision in ("site", "campus", "place"), site.id
            if site.location.precision == "place":
                assert site.location.note and "pproximate" in site.location.note, site.id


def test_registry_size_and_regions(registry) -> None:  # type: ignore[no-untyped-def]
    assert len(registry.sites) >= 200
    minimum = {"brainport": 20, "twente": 20, "leuven": 20, "dresden": 20, "delft": 12, "nijmegen": 25}
    for region_id, least in minimum.items():
        sites = region_sites(registry, registry.regions[region_id])
        assert len(sites) >= least, (region_id, len(sites))


def test_other_dutch_places_are_on_the_map(registry) -> None:  # type: ignore[no-untyped-def]
    places = Counter(s.location.municipality for s in registry.sites if s.location.country == "NL")
    for municipality in ("Almere", "Amsterdam", "Groningen", "Zwolle"):
        assert places[municipality] >= 1, municipality


SEED_ORGANISATIONS = {
    # organisation named in the seed documents: (a name or alias to find, its municipality)
    "NXP": ("NXP Semiconductors Nijmegen", "Nijmegen"),
    "Nexperia": ("Nexperia", "Nijmegen"),
    "Ampleon": ("Ampleon", "Nijmegen"),
    "CITC": ("CITC", "Nijmegen"),
    "Besi": ("Besi", "Duiven"),
    "ASMPT": ("ASMPT", "Beuningen"),
    "Boschman": ("Boschman", "Duiven"),
    "ITEC": ("ITEC", "Nijmegen"),
    "Tempress": ("Tempress", "Epe"),
    "Trymax": ("Trymax", "Nijmegen"),
    "Radboud": ("Radboud", "Nijmegen"),
    "HAN": ("HAN", "Arnhem"),
    "ROC Nijmegen": ("ROC Nijmegen", "Nijmegen"),
    "Rijn IJssel": ("Rijn IJssel", "Arnhem"),
    "OnePlanet": ("OnePlanet", "Nijmegen"),
    "Bronkhorst": ("Bronkhorst", "Berkelland"),
    "Salland Engineering": ("Salland", "Zwolle"),
    "ASML": ("ASML", "Veldhoven"),
    "ASM": ("ASM", "Almere"),
    "VDL ETG": ("VDL", "Eindhoven"),
    "Prodrive": ("Prodrive", "Son en Breugel"),
    "SMART Photonics": ("SMART Photonics", "Eindhoven"),
    "imec": ("imec", "Leuven"),
    "ESMC": ("ESMC", "Dresden"),
}


@pytest.mark.parametrize("organisation", sorted(SEED_ORGANISATIONS))
def test_seed_organisations_are_at_their_site(registry, organisation: str) -> None:  # type: ignore[no-untyped-def]
    needle, municipality = SEED_ORGANISATIONS[organisation]
    found = [
        s
        for s in registry.sites
        if any(fold(needle) in fold(n) for n in (s.name, s.organisation, *s.aliases))
    ]
    assert found, f"{organisation} not in the registry"
    assert any(fold(s.location.municipality) == fold(municipality) for s in found), [
        (s.id, s.location.municipality) for s in found
    ]


def test_committed_schema_matches_the_code(registry) -> None:  # type: ignore[no-untyped-def]
    committed = json.loads((ROOT / "schema" / "companies.schema.json").read_text())
    assert committed == json_schema(registry.taxonomy), "run 'make schema' and commit the result"


def test_registry_points_editors_at_the_schema() -> None:
    first = default_registry_path().read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/companies.schema.json"


def test_registry_validates_against_its_json_schema(registry) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    from lifeport_map.yamlio import load_yaml

    data = load_yaml(default_registry_path()).data
    schema = json.loads((ROOT / "schema" / "companies.schema.json").read_text())
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(json.dumps(data))))
    assert errors == []


REFERENCE = SHARED / "reference" / "nuts2021-10m-selected.geojson"


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/reference is not present")
def test_region_membership_agrees_with_official_nuts3_polygons(registry) -> None:  # type: ignore[no-untyped-def]
    from shapely.geometry import Point, shape

    features = json.loads(REFERENCE.read_text())["features"]
    polygons: dict[str, list] = {}  # type: ignore[type-arg]
    for feature in features:
        region = feature["properties"].get("comparison_region")
        if region and feature["properties"].get("level") == 3:
            polygons.setdefault(region, []).append(shape(feature["geometry"]))
    checked = 0
    disagreements = []
    for region_id, shapes in polygons.items():
        members = {s.id for s in region_sites(registry, registry.regions[region_id])}
        for site in registry.sites:
            if not site.location.has_coordinates:
                continue
            point = Point(site.location.lon, site.location.lat)
            inside = any(p.contains(point) for p in shapes)
            # ~0.03 degrees (2-3 km): place-level coordinates near a border prove nothing
            near_border = any(p.boundary.distance(point) < 0.03 for p in shapes)
            if near_border:
                continue
            checked += 1
            if inside != (site.id in members):
                disagreements.append((region_id, site.id, site.location.municipality, inside))
    assert checked > 100
    assert disagreements == []
