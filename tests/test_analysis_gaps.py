"""White spots of the hand-made home region and their nearest candidates.

The home region has no EDA (Edaco in Eindhoven has it), no foundry (Twentefab in Enschede and
Saxfab's second Dresden site do; the closed Oldco foundry does not count), one wafer-fab
holder (Fabco; Saxfab in Dresden and Ghostfab, which has no coordinates, are alternatives) and
a single system integrator (Systemco, with no alternative anywhere).
"""

from __future__ import annotations

from typing import Any

import pytest

from lifeport_map import gaps as gaps_result
from tests.analysis_support import analysis_registry, geodesic_km_independent

CENTRE = (51.8425, 5.85278)
EINDHOVEN = (51.44083, 5.47778)
ENSCHEDE = (52.21833, 6.89583)
DRESDEN = (51.05089, 13.73832)


def gaps(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return gaps_result(*args, **kwargs).to_json()


def spots(result: dict) -> dict[tuple[str, str | None], dict]:
    return {(s["phase"], s["activity"]): s for s in result["white_spots"]}


def test_absent_activity_with_nearest_candidate() -> None:
    eda = spots(gaps(analysis_registry(), "nijmegen"))[("design", "eda")]
    assert eda["status"] == "absent" and eda["holder"] is None
    assert [c["id"] for c in eda["candidates"]] == ["eda-eindhoven"]
    assert eda["candidates"][0]["distance_km"] == pytest.approx(
        geodesic_km_independent(*CENTRE, *EINDHOVEN), abs=0.1
    )


def test_candidates_sorted_by_distance_and_closed_sites_ignored() -> None:
    foundry = spots(gaps(analysis_registry(), "nijmegen"))[("front-end", "foundry")]
    assert [c["id"] for c in foundry["candidates"]] == ["foundry-enschede", "fab2-dresden"]
    first, second = (c["distance_km"] for c in foundry["candidates"])
    assert first == pytest.approx(geodesic_km_independent(*CENTRE, *ENSCHEDE), abs=0.1)
    assert second == pytest.approx(geodesic_km_independent(*CENTRE, *DRESDEN), abs=0.1)
    assert foundry["candidates"][1]["regions"] == ["dresden"]


def test_single_holder_spot_excludes_the_holder_and_counts_unplaced_candidates() -> None:
    wafer = spots(gaps(analysis_registry(), "nijmegen"))[("front-end", "wafer-fab")]
    assert wafer["status"] == "single-organisation"
    assert wafer["holder"] == {"organisation": "Fabco", "sites": ["fab-nijmegen"]}
    assert [c["id"] for c in wafer["candidates"]] == ["fab-dresden"]
    assert wafer["candidates_total"] == 2
    assert wafer["candidates_without_coordinates"] == 1


def test_fragile_phase_without_alternative() -> None:
    found = spots(gaps(analysis_registry(), "nijmegen"))
    phase = found[("system-integration", None)]
    assert phase["kind"] == "phase" and phase["status"] == "single-organisation"
    assert phase["candidates"] == [] and phase["candidates_total"] == 0
    # a phase held by two organisations is not a phase-level white spot
    assert ("design", None) not in found
    assert ("design", "chip-design") not in found


def test_a_phase_whose_industry_one_company_holds_is_a_white_spot_beside_its_university() -> None:
    # front-end: Fabco's fab is the only industrial presence; the university is counted beside
    front = spots(gaps(analysis_registry(), "nijmegen"))[("front-end", None)]
    assert front["status"] == "single-organisation"
    assert front["holder"] == {"organisation": "Fabco", "sites": ["fab-nijmegen"]}
    # other companies' front-end sites elsewhere: Edaco is design only, so not a candidate
    assert [c["id"] for c in front["candidates"]] == ["foundry-enschede", "fab-dresden", "fab2-dresden"]
    assert front["candidates_total"] == 4 and front["candidates_without_coordinates"] == 1
    # counting every role, the university makes it two organisations: no white spot
    assert ("front-end", None) not in spots(gaps(analysis_registry(), "nijmegen", roles="all"))


def test_limit() -> None:
    foundry = spots(gaps(analysis_registry(), "nijmegen", limit=1))[("front-end", "foundry")]
    assert [c["id"] for c in foundry["candidates"]] == ["foundry-enschede"]


def test_empty_region_has_every_phase_as_white_spot() -> None:
    result = gaps(analysis_registry(), "leuven")
    phase_spots = [s for s in result["white_spots"] if s["kind"] == "phase"]
    assert [s["phase"] for s in phase_spots] == ["design", "front-end", "back-end", "system-integration"]
    assert all(s["status"] == "absent" for s in phase_spots)
    front = next(s for s in phase_spots if s["phase"] == "front-end")
    # nearest front-end site to Leuven's centre among those placed
    assert front["candidates"][0]["distance_km"] <= front["candidates"][-1]["distance_km"]


def test_shipped_gaps_name_candidates_with_distances() -> None:
    from lifeport_map.registry import load_registry

    result = gaps(load_registry(check=False), "nijmegen")
    with_candidates = [s for s in result["white_spots"] if s["candidates"]]
    assert with_candidates
    for spot in with_candidates:
        assert all(c["distance_km"] > 0 or c["regions"] != ["nijmegen"] for c in spot["candidates"])
        assert all(isinstance(c["distance_km"], float) for c in spot["candidates"])
