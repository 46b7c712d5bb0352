"""Sites near a place, a site or coordinates, with distances checked against pyproj."""

from __future__ import annotations

from typing import Any

import pytest

from lifeport_map import near as near_result
from lifeport_map.analysis.near import found_without_registry, resolve_origin
from lifeport_map.errors import UsageError
from tests.analysis_support import analysis_registry, geodesic_km_independent

NIJMEGEN = (51.8425, 5.85278)
ENSCHEDE = (52.21833, 6.89583)


def near(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return near_result(*args, **kwargs).to_json()


def test_front_end_production_near_a_place() -> None:
    result = near(analysis_registry(), "Nijmegen", radius_km=100, phase="front-end", role="production")
    assert result["origin"]["kind"] == "place"
    assert [s["id"] for s in result["sites"]] == ["fab-nijmegen", "foundry-enschede"]
    assert result["sites"][0]["distance_km"] == pytest.approx(0.0, abs=1.0)
    assert result["sites"][1]["distance_km"] == pytest.approx(
        geodesic_km_independent(*NIJMEGEN, *ENSCHEDE), abs=1.0
    )
    # Ghostfab does front-end production but cannot be placed
    assert result["without_coordinates"] == 1


def test_radius_and_order() -> None:
    wide = near(analysis_registry(), "51.8425,5.85278", radius_km=1000, activities=["wafer-fab"])
    assert wide["origin"]["kind"] == "coordinates"
    assert [s["id"] for s in wide["sites"]] == ["fab-nijmegen", "fab-dresden"]
    distances = [s["distance_km"] for s in wide["sites"]]
    assert distances == sorted(distances)
    narrow = near(analysis_registry(), "51.8425,5.85278", radius_km=100, activities=["wafer-fab"])
    assert [s["id"] for s in narrow["sites"]] == ["fab-nijmegen"]


def test_from_a_site_leaves_the_site_out() -> None:
    result = near(analysis_registry(), "fab-nijmegen", radius_km=20)
    ids = [s["id"] for s in result["sites"]]
    assert "fab-nijmegen" not in ids
    # same point first (0 km), then Duiven (~16 km); planned and closed sites are left out
    assert ids == ["network-nijmegen", "uni-nijmegen", "ems-duiven", "osat-duiven"]
    duiven = result["sites"][-1]["distance_km"]
    assert duiven == pytest.approx(geodesic_km_independent(*NIJMEGEN, 51.94667, 6.01389), abs=1.0)


def test_planned_sites_on_request() -> None:
    result = near(
        analysis_registry(), "Nijmegen", radius_km=5, statuses=("active", "planned", "under-construction")
    )
    assert "planned-nijmegen" in [s["id"] for s in result["sites"]]


def test_origins() -> None:
    registry = analysis_registry()
    assert resolve_origin(registry, "Enschede, NL").kind == "place"
    assert resolve_origin(registry, "Silicon Saxony").kind == "region"
    with pytest.raises(UsageError):
        resolve_origin(registry, "95,5")
    with pytest.raises(UsageError) as error:
        resolve_origin(registry, "fab-nijmgen")
    assert "fab-nijmegen" in error.value.hint
    with pytest.raises(UsageError):
        resolve_origin(registry, "design-nijmegen")  # a site without coordinates


def test_a_region_as_origin_is_named_in_the_language() -> None:
    """The region's own name in --lang (it was the English name under --lang nl too)."""
    registry = analysis_registry()
    assert resolve_origin(registry, "lifeport", "nl").name == "Thuisregio"
    assert resolve_origin(registry, "lifeport", "en").name == "Home region"
    assert near(registry, "Lifeport", radius_km=1, lang="nl")["origin"]["name"] == "Thuisregio"


def test_bad_filters_and_radius() -> None:
    with pytest.raises(UsageError):
        near(analysis_registry(), "Nijmegen", radius_km=0)
    with pytest.raises(UsageError):
        near(analysis_registry(), "Nijmegen", radius_km=float("nan"))
    with pytest.raises(UsageError) as error:
        near(analysis_registry(), "Nijmegen", radius_km=10, phase="frontend")
    assert "front-end" in error.value.hint
    with pytest.raises(UsageError):
        near(analysis_registry(), "Nijmegen", radius_km=10, activities=["fab"])


def test_shipped_front_end_production_within_300_km_of_nijmegen() -> None:
    from lifeport_map.registry import load_registry

    registry = load_registry(check=False)
    result = near(registry, "Nijmegen", radius_km=300, phase="front-end", role="production")
    ids = [s["id"] for s in result["sites"]]
    assert "nxp-nijmegen" in ids
    assert result["count"] == len(ids) > 1
    for site in result["sites"]:
        expected = geodesic_km_independent(*NIJMEGEN, site["lat"], site["lon"])
        assert site["distance_km"] == pytest.approx(expected, abs=1.0)
        assert site["distance_km"] <= 300
        assert "front-end" in site["phases"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("51.84,5.85", True),
        (" -33.9 ; 151.2 ", True),
        ("95,5", False),  # out of range: resolve_origin refuses it
        ("Enschede", True),
        ("Enschede, NL", True),
        ("Atlantis", False),
        ("fab-nijmegen", False),  # a site id: only the registry knows it
        ("Silicon Saxony", False),  # a region's name: only the registry knows it
    ],
)
def test_what_is_found_without_the_registry_is_what_resolve_origin_finds(query: str, found: bool) -> None:
    """The shortcut a claims check takes before building a graph: True only where resolve_origin
    succeeds on any registry (coordinates in range, a gazetteer place)."""
    assert found_without_registry(query) is found
    if found:
        assert resolve_origin(analysis_registry(), query).kind in ("coordinates", "place")


def test_an_unknown_origin_suggests_the_closest_name_first() -> None:
    # 'Nijmgen' suggested three site ids before the place Nijmegen it meant
    with pytest.raises(UsageError) as caught:
        near(analysis_registry(), "Nijmgen", radius_km=10)
    hint = caught.value.in_lang("en")[1]
    assert hint.startswith("did you mean: Nijmegen, "), hint
    assert "fab-nijmegen" in hint
