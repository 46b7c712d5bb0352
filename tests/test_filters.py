"""Site filters (country, activity, technology, wafer size, facility type, status, kind) on
``near`` and the region analyses, on the hand-built world of test_graph_by_hand plus three
plants with facilities:

- h-gan (Eta, idm, DE, near Dresden): wafer fab, facility wafer-fab, 200 mm, gan;
- i-lab (Iota University, NL, in home): pilot line, facility pilot-line, 100/200 mm, sin;
- j-plan (Kappa, NL, in home): planned foundry, facility foundry, 300 mm, si-cmos.
"""

from __future__ import annotations

import networkx as nx
import pytest

from lifeport_map.analysis.compare import compare
from lifeport_map.analysis.coverage import coverage
from lifeport_map.analysis.filters import SiteFilter, site_filter
from lifeport_map.analysis.gaps import gaps
from lifeport_map.analysis.near import near
from lifeport_map.errors import UsageError
from lifeport_map.graph import add_activity, add_membership, add_site, set_terms
from tests.test_graph_by_hand import HOME, _site, world

TERMS = {
    "statuses": {s: {"en": s} for s in ("active", "planned", "under-construction", "closed")},
    "technologies": {t: {"en": t} for t in ("gan", "sin", "si-cmos", "inp")},
    "facility_types": {t: {"en": t} for t in ("wafer-fab", "foundry", "pilot-line")},
}


def plants() -> nx.MultiDiGraph:
    from dataclasses import replace

    g = world()
    set_terms(g, TERMS)
    add_activity(g, "pilot-line", {"en": "pilot line"}, phase="front-end", role="production")
    add_activity(g, "foundry", {"en": "foundry"}, phase="front-end", role="production")
    gan = _site("h-gan", "Eta", "idm", ("wafer-fab",), ("front-end",), (51.1, 13.7))
    lab = _site("i-lab", "Iota University", "university", ("pilot-line",), ("front-end",), (51.83, 5.86))
    plan = _site("j-plan", "Kappa", "idm", ("foundry",), ("front-end",), (51.85, 5.84), status="planned")
    add_site(g, replace(gan, facility_type="wafer-fab", wafer_mm=(200,), technologies=("gan",)))
    add_site(g, replace(lab, facility_type="pilot-line", wafer_mm=(100, 200), technologies=("sin",)))
    add_site(g, replace(plan, facility_type="foundry", wafer_mm=(300,), technologies=("si-cmos",)))
    add_membership(g, "h-gan", "away", "city")
    for site_id in ("i-lab", "j-plan"):
        add_membership(g, site_id, "home", "core")
    return g


def ids(**options: object) -> list[str]:
    radius = options.pop("radius_km", 2000)
    result = near(plants(), f"{HOME[0]},{HOME[1]}", radius_km=radius, **options)  # type: ignore[arg-type]
    return [s.id for s in result.sites]


def test_country_and_kind_groups() -> None:
    assert ids(filters=site_filter(countries=["de"])) == ["h-gan", "f-osat", "g-fab"]  # 551, 555, 556 km
    assert ids(filters=site_filter(kinds=["knowledge"])) == ["i-lab", "c-uni"]
    assert "i-lab" not in ids(filters=site_filter(kinds=["companies"]))
    assert ids(filters=site_filter(kinds=["university", "network"])) == ["i-lab", "c-uni", "d-net"]


def test_technology_wafer_size_and_facility_type() -> None:
    assert ids(filters=site_filter(technologies=["gan", "sin"])) == ["i-lab", "h-gan"]
    assert ids(filters=site_filter(wafer_mm=[200])) == ["i-lab", "h-gan"]  # 1 km, 551 km
    assert ids(filters=site_filter(wafer_mm=[100])) == ["i-lab"]
    assert ids(filters=site_filter(facility_types=["wafer-fab"], countries=["DE"])) == ["h-gan"]
    # a planned plant is listed only when its status is asked for
    assert ids(filters=site_filter(wafer_mm=[300])) == []
    assert ids(filters=site_filter(wafer_mm=[300], statuses=["planned"])) == ["j-plan"]


def test_the_filters_are_in_the_result_with_a_breakdown() -> None:
    result = near(
        plants(),
        "51.84,5.85",
        radius_km=2000,
        filters=site_filter(facility_types=["wafer-fab", "pilot-line"]),
    )
    assert result.filters.facility_types == ("wafer-fab", "pilot-line")
    assert result.breakdown is not None
    assert (result.breakdown.companies, result.breakdown.knowledge) == (1, 1)
    assert result.breakdown.countries == {"DE": 1, "NL": 1}
    assert result.breakdown.technologies == {"gan": 1, "sin": 1}


def test_roles_keep_sites_that_count_in_a_phase() -> None:
    # the network and the university count in no phase's industrial presence
    assert ids(radius_km=20, roles="industry") == ["a-fab", "b-design"]
    assert ids(radius_km=20, roles="all") == ["a-fab", "b-design", "i-lab", "c-uni"]


def test_unknown_values_are_usage_errors_with_the_list() -> None:
    for bad in (
        site_filter(technologies=["gallium"]),
        site_filter(facility_types=["fab"]),
        site_filter(statuses=["open"]),
        site_filter(kinds=["startup"]),
        site_filter(countries=["NLD"]),
        site_filter(wafer_mm=[0]),
    ):
        with pytest.raises(UsageError):
            ids(filters=bad)


def test_region_analyses_take_the_filters() -> None:
    g = plants()
    sin = site_filter(technologies=["sin"])
    cov = coverage(g, "home", roles="all", filters=sin)
    assert cov.sites == 1 and cov.phase("front-end").count == 1
    assert cov.filters is not None and cov.filters.technologies == ("sin",)
    assert coverage(g, "home").filters is None
    matrix = compare(g, ["home", "away"], roles="all", filters=site_filter(countries=["DE"])).matrix
    assert [row.sites for row in matrix][1] == {"home": 0, "away": 2}  # g-fab and h-gan
    # home has no German company, so front-end is absent; candidates: German companies' plants
    spots = gaps(g, "home", filters=site_filter(kinds=["companies"], countries=["DE"]))
    front = next(s for s in spots.white_spots if s.kind == "phase" and s.phase == "front-end")
    assert front.status == "absent"
    assert [c.id for c in front.candidates] == ["h-gan", "g-fab"]


def test_an_empty_filter_passes_everything() -> None:
    assert SiteFilter().is_empty and site_filter().is_empty
    assert SiteFilter().info() is None
    assert site_filter(countries=[" nl "]).countries == ("NL",)


def test_cli_near_filters(tmp_path: object) -> None:
    from conftest import run_cli

    result = run_cli(
        "near",
        "Nijmegen",
        "--radius-km",
        "300",
        "--facility-type",
        "wafer-fab",
        "--kind",
        "companies",
        "--country",
        "NL",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    assert all(s["country"] == "NL" and s["facility_type"] == "wafer-fab" for s in data["sites"])
    assert data["filters"]["kinds"] == ["companies"]
    bad = run_cli("near", "Nijmegen", "--technology", "unobtainium")
    assert bad.returncode == 2 and "gan" in bad.stderr


def test_a_table_made_with_filters_says_so() -> None:
    # coverage of home with --country DE read "whole chain present: no" with nothing to say
    # that only German sites were counted
    from lifeport_map.render.analysis import sections
    from lifeport_map.render.tables import to_markdown

    g = plants()
    german = site_filter(countries=["DE"], kinds=["companies"])
    cases = [
        (
            coverage(g, "home", filters=german),
            "Filtered, only these sites count: country DE; kind companies.",
        ),
        (compare(g, ["home", "away"], filters=german), "Filtered, only these sites count: country DE; kind"),
        (gaps(g, "home", filters=german), "Filtered, only these sites count: country DE; kind companies."),
    ]
    for result, sentence in cases:
        assert sentence in to_markdown(sections(result, "en"))
        assert "Gefilterd, alleen deze vestigingen tellen: land DE; soort companies." in to_markdown(
            sections(result, "nl")
        )
    plain = [
        coverage(g, "home"),
        compare(g, ["home", "away"]),
        gaps(g, "home"),
        near(g, "51.84,5.85", radius_km=50),
    ]
    assert not any("Filtered" in to_markdown(sections(r, "en")) for r in plain)
    found = near(g, "51.84,5.85", radius_km=50, phase="front-end", filters=site_filter(technologies=["sin"]))
    assert "Filtered, only these sites count: phase front-end; technology sin." in to_markdown(
        sections(found, "en")
    )


def test_an_unknown_filter_value_close_to_a_known_one_is_named() -> None:
    # --kind compnies, --phase frontend: the hint listed every value but not the one meant
    g = plants()
    with pytest.raises(UsageError) as caught:
        near(g, "51.84,5.85", radius_km=50, filters=site_filter(kinds=["compnies"]))
    assert caught.value.in_lang("en")[1].startswith(
        "did you mean 'companies'? Or use one of: companies, knowledge, "
    )
    with pytest.raises(UsageError) as caught:
        near(g, "51.84,5.85", radius_km=50, phase="frontend")
    assert caught.value.in_lang("en")[1].startswith("did you mean 'front-end'? Or use one of: ")
    with pytest.raises(UsageError) as caught:  # nothing close: the list alone, as before
        near(g, "51.84,5.85", radius_km=50, filters=site_filter(technologies=["unobtainium"]))
    assert caught.value.in_lang("en")[1].startswith("use one of: ")
