"""Every analysis runs on a graph built by hand with the graph's own ``add_*`` functions (no YAML,
no registry), and gives the answers worked out below.

The world: region "home" (definition "core", a municipality list, and "wide", 50 km) holds
a-fab (Alpha: wafer fab and chip design, 1000 employees), b-design (Beta: chip design, no
figure), c-uni (Gamma University: research serving front-end, 300), d-net (Delta: network
support naming design, no figure) and e-plan (Alpha: planned assembly). Region "away"
(definition "city") holds f-osat (Epsilon: assembly and test, 500) and g-fab (Zeta: wafer fab
and materials, 200).
"""

from __future__ import annotations

import networkx as nx
import pytest

from lifeport_map.analysis.brief import brief
from lifeport_map.analysis.changes import coverage_changes
from lifeport_map.analysis.compare import compare
from lifeport_map.analysis.coverage import coverage
from lifeport_map.analysis.gaps import gaps
from lifeport_map.analysis.near import near
from lifeport_map.analysis.stats import stats
from lifeport_map.analysis.whatif import whatif
from lifeport_map.graph import (
    SiteNode,
    add_activity,
    add_definition,
    add_group,
    add_kind,
    add_membership,
    add_phase,
    add_region,
    add_relation,
    add_role,
    add_site,
    new_graph,
    related_sites,
)
from lifeport_map.model import RegionFigure, SourceRef
from tests.analysis_support import geodesic_km_independent

HOME = (51.84, 5.85)
DRESDEN = (51.05, 13.74)


def _label(text: str) -> dict[str, str]:
    return {"nl": text.upper(), "en": text}


def _site(
    site_id: str,
    organisation: str,
    kind: str,
    activities: tuple[str, ...],
    phases: tuple[str, ...],
    where: tuple[float, float],
    *,
    served: tuple[str, ...] = (),
    status: str = "active",
    employees: int | None = None,
) -> SiteNode:
    return SiteNode(
        id=site_id,
        name=f"{organisation} {site_id}",
        organisation=organisation,
        kind=kind,
        status=status,
        activities=activities,
        served_phases=served,
        phases=phases,
        place="Dresden" if where[1] > 10 else "Nijmegen",
        municipality="Dresden" if where[1] > 10 else "Nijmegen",
        country="DE" if where[1] > 10 else "NL",
        lat=where[0],
        lon=where[1],
        precision="place",
        employees=employees,
        employees_year=2026 if employees is not None else None,
        sources=((f"https://example.org/{site_id}", "", 2026),),
    )


def world(*, without: tuple[str, ...] = ()) -> nx.MultiDiGraph:
    g = new_graph()
    for phase in ("design", "front-end", "back-end"):
        add_phase(g, phase, _label(phase))
    for role in ("production", "equipment-materials", "design-services", "research-education", "support"):
        add_role(g, role, _label(role))
    for activity, phase, role in (
        ("chip-design", "design", "design-services"),
        ("wafer-fab", "front-end", "production"),
        ("materials", "front-end", "equipment-materials"),
        ("assembly-test", "back-end", "production"),
        ("research", None, "research-education"),
        ("cluster-support", None, "support"),
    ):
        add_activity(g, activity, _label(activity), phase=phase, role=role)
    for kind in ("idm", "fabless", "university", "network"):
        add_kind(g, kind, _label(kind), knowledge=kind == "university")
    add_group(g, "pillars", "design", _label("Design"), ["chip-design"])
    add_group(g, "pillars", "production", _label("Production"), ["wafer-fab", "assembly-test"])
    figure = RegionFigure(
        id="jobs",
        metric="employees",
        label={"en": "Jobs per pillar"},
        scope="home",
        year=2026,
        source=SourceRef(year=2026, url="https://example.org/jobs"),
        breakdown="pillars",
        value=2500.0,
        values={"design": 800.0, "production": 1500.0},
    )
    add_region(g, "home", {"en": "Home"}, centre=HOME, default_definition="core", figures=[figure])
    add_definition(g, "home", "core", {"en": "Core"}, kind="municipalities", municipalities=2)
    add_definition(g, "home", "wide", {"en": "Wide"}, kind="radius", radius_km=50.0)
    add_region(g, "away", {"en": "Away"}, centre=DRESDEN, default_definition="city", aliases=["Elsewhere"])
    add_definition(g, "away", "city", {"en": "City"}, kind="municipalities", municipalities=1)
    arnhem = (51.98, 5.91)
    both, core = ("core", "wide"), ("core",)
    sites = [
        (
            _site(
                "a-fab",
                "Alpha",
                "idm",
                ("wafer-fab", "chip-design"),
                ("design", "front-end"),
                HOME,
                employees=1000,
            ),
            both,
        ),
        (_site("b-design", "Beta", "fabless", ("chip-design",), ("design",), (51.85, 5.86)), both),
        (
            _site(
                "c-uni",
                "Gamma University",
                "university",
                ("research",),
                ("front-end",),
                arnhem,
                served=("front-end",),
                employees=300,
            ),
            both,
        ),
        (
            _site("d-net", "Delta", "network", ("cluster-support",), ("design",), arnhem, served=("design",)),
            core,
        ),
        (_site("e-plan", "Alpha", "idm", ("assembly-test",), ("back-end",), HOME, status="planned"), core),
        (_site("f-osat", "Epsilon", "idm", ("assembly-test",), ("back-end",), DRESDEN, employees=500), ()),
        (
            _site(
                "g-fab",
                "Zeta",
                "idm",
                ("wafer-fab", "materials"),
                ("front-end",),
                (51.06, 13.75),
                employees=200,
            ),
            (),
        ),
    ]
    for site, definitions in sites:
        if site.id in without:
            continue
        add_site(g, site)
        for definition in definitions:
            add_membership(g, site.id, "home", definition)
        if site.place == "Dresden":
            add_membership(g, site.id, "away", "city")
    if "b-design" not in without:
        add_relation(g, "b-design", "a-fab", "partner", symmetric=True)
    return g


def test_the_graph_has_the_vocabulary_of_a_built_one() -> None:
    g = world()
    assert related_sites(g, "a-fab", "partner") == ["b-design"]
    assert g.nodes["site:c-uni"]["type"] == "site"
    served = g.get_edge_data("site:c-uni", "phase:front-end")["in-phase"]
    assert served["served"] is True


def test_coverage() -> None:
    result = coverage(world(), "home")
    assert [(p.phase, p.count, p.organisations, p.production.count) for p in result.phases] == [
        ("design", 2, 2, 2),  # network support names design but does not count in it
        ("front-end", 1, 1, 1),  # the university's research serves front-end, counted beside
        ("back-end", 0, 0, 0),  # the assembly line is only planned
    ]
    assert [p.knowledge.count for p in result.phases] == [0, 1, 0]
    assert [p.all_sites for p in result.phases] == [2, 2, 0]
    assert result.sites == 4 and not result.whole_chain
    assert result.covered_phases == ("design", "front-end")
    assert [(f.phase, f.organisation) for f in result.fragile_phases] == [("front-end", "Alpha")]
    assert [(f.phase, f.organisation, f.sites) for f in result.fragile_production_phases] == [
        ("front-end", "Alpha", ("a-fab",))
    ]
    assert (
        result.employees.known,
        result.employees.sites_with_figure,
        result.employees.sites_without_figure,
    ) == (
        1300,
        2,
        2,
    )
    assert {r.role: r.count for r in result.roles} == {
        "production": 1,
        "equipment-materials": 0,
        "design-services": 2,
        "research-education": 1,
        "support": 1,
    }
    assert [(o.name, o.sites) for o in result.organisations] == [
        ("Alpha", ("a-fab",)),
        ("Beta", ("b-design",)),
        ("Delta", ("d-net",)),
        ("Gamma University", ("c-uni",)),
    ]
    assert [(p.id, p.phases) for p in result.pipeline] == [("e-plan", ("back-end",))]
    assert result.phase("back-end").pipeline[0].id == "e-plan"
    assert [a.label for a in result.phase("front-end").activities.absent] == ["materials"]
    assert coverage(world(), "home", lang="nl").phase("design").label == "DESIGN"
    assert coverage(world(), "home", definition="wide").sites == 3  # no network in the radius


def test_compare_and_specialisation() -> None:
    result = compare(world(), ["home", "elsewhere"])
    assert [m.sites for m in result.matrix] == [
        {"home": 2, "away": 0},
        {"home": 1, "away": 1},
        {"home": 0, "away": 1},
    ]
    assert [m.knowledge for m in result.matrix][1] == {"home": 1, "away": 0}
    assert result.whole_chain == ()
    # home: 3 memberships (2, 1, 0), away: 2 (0, 1, 1), phases 2, 2, 1 of 5
    assert result.specialisation.by_sites == {
        "home": {"design": 1.667, "front-end": 0.833, "back-end": 0.0},
        "away": {"design": 0.0, "front-end": 1.25, "back-end": 2.5},
    }


def test_gaps_and_candidates() -> None:
    result = gaps(world(), "home")
    found = [
        (s.kind, s.phase, s.activity, s.status, [c.id for c in s.candidates]) for s in result.white_spots
    ]
    assert found == [
        ("activity", "design", "research", "absent", []),
        ("phase", "front-end", None, "single-organisation", ["g-fab"]),  # Alpha's fab; the university beside
        ("activity", "front-end", "wafer-fab", "single-organisation", ["g-fab"]),
        ("activity", "front-end", "materials", "absent", ["g-fab"]),
        ("activity", "front-end", "research", "single-organisation", []),
        ("phase", "back-end", None, "absent", ["f-osat"]),
        ("activity", "back-end", "assembly-test", "absent", ["f-osat"]),
        ("activity", "back-end", "research", "absent", []),
    ]
    osat = result.white_spots[5].candidates[0]
    assert osat.regions == ("away",)
    assert osat.distance_km == pytest.approx(round(geodesic_km_independent(*HOME, *DRESDEN), 1))


def test_whatif_removes_the_fab_from_the_graph() -> None:
    g = world()
    result = whatif(g, "home", ["a-fab"])
    assert [(p.phase, p.sites_before, p.sites_after, p.production_after) for p in result.phases] == [
        ("design", 2, 1, 1),
        ("front-end", 1, 0, 0),
        ("back-end", 0, 0, 0),
    ]
    assert result.lost.production_phases == ("front-end",)
    assert [(a.phase, a.activity) for a in result.lost.activities] == [("front-end", "wafer-fab")]
    assert result.lost.organisations == ("Alpha",)
    assert (result.lost.sites, result.lost.employees) == (1, 1000)
    assert [f.phase for f in result.newly_fragile_production_phases] == ["design"]
    assert "site:a-fab" in g  # the graph itself is untouched


def test_near() -> None:
    result = near(world(), "51.84,5.85", radius_km=20)
    assert [s.id for s in result.sites] == ["a-fab", "b-design", "c-uni", "d-net"]
    fabs = near(world(), "51.84,5.85", radius_km=1000, phase="front-end", role="production")
    assert [s.id for s in fabs.sites] == ["a-fab", "g-fab"]
    assert near(world(), "Elsewhere", radius_km=5).origin.kind == "region"


def test_stats_against_the_pillars() -> None:
    result = stats(world(), "home")
    jobs = result.figures[0]
    # a-fab designs and makes wafers: in both pillars, its staff split by no source, so it counts
    # in neither pillar, only once in the total
    assert [(g.group, g.registry, g.difference, g.sites, g.shared) for g in jobs.groups] == [
        ("design", 0, -800.0, 1, 1),
        ("production", 0, -1500.0, 0, 1),
    ]
    assert [(s.id, s.employees, s.groups) for s in jobs.shared_sites] == [
        ("a-fab", 1000, ("design", "production"))
    ]
    assert (jobs.registry, jobs.difference, jobs.sites, jobs.sites_with_figure) == (1000, -1500.0, 2, 1)
    assert jobs.share_of_published == 0.4  # 1000 of 2500
    assert jobs.comparable
    assert result.registry.employees_known == 1300


def test_brief_and_coverage_changes() -> None:
    data = brief(world(), "home", lang="en")
    assert [c.region.id for c in data.compare.regions] == ["home", "away"]
    assert len(data.sources) == 5  # the five sites of home, one source each
    changes = {c.region: c for c in coverage_changes(world(), world(without=("b-design",)))}
    assert [(p.phase, p.old, p.new) for p in changes["home"].phases] == [
        ("design", 2, 1),
        ("front-end", 1, 1),
        ("back-end", 0, 0),
    ]
    assert not changes["away"].changed
