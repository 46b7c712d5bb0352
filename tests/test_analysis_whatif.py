"""What-if on the hand-made registry: removing Fabco's fab from the home region.

Before: front-end's industrial presence is fab-nijmegen (wafer fab, production), with
uni-nijmegen (research) counted beside it. After: only the university is left, so front-end loses
its industrial presence and its production role, the wafer fab, Fabco (its planned line does not
count), 1000 employees and one site; counting every role, front-end stays covered.
"""

from __future__ import annotations

from typing import Any

import pytest

from lifeport_map import whatif as whatif_result
from lifeport_map.errors import UsageError
from tests.analysis_support import analysis_registry


def whatif(*args: Any, **kwargs: Any) -> Any:
    """The analysis's JSON document (its public contract), which these tests check by hand."""
    return whatif_result(*args, **kwargs).to_json()


def test_losing_the_fab() -> None:
    result = whatif(analysis_registry(), "nijmegen", ["fab-nijmegen"])
    lost = result["lost"]
    assert lost["phases"] == ["front-end"]
    assert lost["production_phases"] == ["front-end"]
    assert [(a["phase"], a["activity"]) for a in lost["activities"]] == [("front-end", "wafer-fab")]
    assert lost["organisations"] == ["Fabco"]
    assert lost["sites"] == 1
    assert lost["employees"] == 1000
    assert lost["whole_chain"] is True
    assert lost["whole_chain_production"] is True
    assert result["before"]["sites"] == 6 and result["after"]["sites"] == 5
    front = next(p for p in result["phases"] if p["phase"] == "front-end")
    assert (front["sites_before"], front["sites_after"]) == (1, 0)
    after_front = next(p for p in result["after"]["phases"] if p["phase"] == "front-end")
    assert after_front["knowledge"]["count"] == 1  # the university, beside
    assert (front["production_before"], front["production_after"]) == (1, 0)
    # chip design stays: Designco is left alone in design, which becomes fragile
    assert [f["phase"] for f in result["newly_fragile_production_phases"]] == ["design"]
    assert result["removed"] == [
        {
            "id": "fab-nijmegen",
            "name": "Fabco Nijmegen",
            "organisation": "Fabco",
            "status": "active",
            "in_region": True,
            "counted": True,
        }
    ]


def test_losing_the_fab_counting_every_role() -> None:
    result = whatif(analysis_registry(), "nijmegen", ["fab-nijmegen"], roles="all")
    assert result["lost"]["phases"] == [] and result["lost"]["whole_chain"] is False
    front = next(p for p in result["phases"] if p["phase"] == "front-end")
    assert (front["sites_before"], front["sites_after"]) == (2, 1)


def test_removing_a_site_outside_the_region_changes_nothing() -> None:
    result = whatif(analysis_registry(), "nijmegen", ["fab-dresden"])
    assert result["removed"][0]["in_region"] is False
    assert result["lost"]["sites"] == 0 and result["lost"]["activities"] == []
    assert result["before"]["phases"] == result["after"]["phases"]


def test_emptying_a_one_organisation_region() -> None:
    result = whatif(analysis_registry(), "dresden", ["fab-dresden", "fab2-dresden"])
    assert result["lost"]["phases"] == ["front-end", "back-end"]
    assert result["after"]["sites"] == 0
    assert result["lost"]["organisations"] == ["Saxfab"]
    assert result["lost"]["employees"] == 3000


def test_unknown_or_missing_site() -> None:
    with pytest.raises(UsageError) as error:
        whatif(analysis_registry(), "nijmegen", ["fab-nijmgen"])
    assert "fab-nijmegen" in error.value.hint
    with pytest.raises(UsageError):
        whatif(analysis_registry(), "nijmegen", [])


def test_shipped_without_nxp_fab_loses_front_end_wafer_fab() -> None:
    from lifeport_map.registry import load_registry

    result = whatif(load_registry(check=False), "nijmegen", ["nxp-nijmegen"])
    assert ("front-end", "wafer-fab") in [(a["phase"], a["activity"]) for a in result["lost"]["activities"]]
    front = next(p for p in result["phases"] if p["phase"] == "front-end")
    assert front["production_after"] < front["production_before"]
    assert result["removed"][0]["in_region"] is True


def test_warns_about_removed_sites_that_do_not_count() -> None:
    """fab-dresden lies outside the home region (Nijmegen and Duiven): removing it changes
    nothing, and the result says so; planned-nijmegen is inside but planned, so it does not
    count either; fab-nijmegen counts and gets no warning."""
    result = whatif(analysis_registry(), "nijmegen", ["fab-dresden", "planned-nijmegen", "fab-nijmegen"])
    assert result["warnings"] == [
        {
            "code": "site-outside-region",
            "site": "fab-dresden",
            "region": "nijmegen",
            "definition": "two",
            "status": "active",
        },
        {
            "code": "site-not-counted",
            "site": "planned-nijmegen",
            "region": "nijmegen",
            "definition": "two",
            "status": "planned",
        },
    ]
    assert whatif(analysis_registry(), "nijmegen", ["fab-nijmegen"])["warnings"] == []
    alone = whatif(analysis_registry(), "nijmegen", ["fab-dresden"])
    assert alone["lost"]["sites"] == 0 and alone["before"]["sites"] == alone["after"]["sites"] == 6
