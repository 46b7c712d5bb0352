"""The chain in a year (``--year``): a graph operation on the registry graph, checked on the
hand-made registry of tests/fixtures/time/ with today = 2026.

The ten sites (all members of the home region), with start and end as the rule reads them:
always-design (active, since 1995), bankrupt-osat (closed, no years, bankruptcy 2018-05: start
unknown, end 2018), building-fab (under construction, since 2027: expected 2027), closed-fab
(closed 1990-2010), closed-unknown-end (closed, no years: stays closed), dateless-plan (planned,
no year), new-fab (active since 2015), opened-by-event (active, 'opened' 2005), planned-line
(planned, 'planned-opening' 2028), undated-ems (active, no start year).
Phases under industrial presence: fabless design -> design; fabs -> front-end; osat ->
back-end; ems -> system integration.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.analysis.compare import compare
from lifeport_map.analysis.coverage import coverage
from lifeport_map.cli import app
from lifeport_map.graph import as_graph, at_year, site, status_in
from lifeport_map.model import Registry
from lifeport_map.registry import load_registry
from tests.conftest import FIXTURES

TIME = FIXTURES / "time"
ARGS = ["--registry", str(TIME / "companies.yaml"), "--regions", str(TIME / "regions")]
TODAY = 2026


@lru_cache(maxsize=1)
def registry() -> Registry:
    return load_registry(TIME / "companies.yaml", TIME / "regions")


def counts(year: int | None) -> tuple[int, list[int], int]:
    """Counted sites, the four phase headlines and the pipeline of the home region in ``year``."""
    result = coverage(registry(), "nijmegen", year=year, today=TODAY)
    return result.sites, [p.count for p in result.phases], len(result.pipeline)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # 2000: always-design, bankrupt-osat (ends 2018), closed-fab (until 2010), undated-ems;
        # nothing planned yet (before today), new-fab and opened-by-event not there yet
        (2000, (4, [1, 1, 1, 1], 0)),
        # 2010: closed-fab's last year; opened-by-event (2005) joins system integration
        (2010, (5, [1, 1, 1, 2], 0)),
        # 2020: bankrupt-osat and closed-fab gone, new-fab (2015) in front-end
        (2020, (4, [1, 1, 0, 2], 0)),
        # today: the registry's own view, three sites in the pipeline
        (2026, (4, [1, 1, 0, 2], 3)),
        # 2027: building-fab opens as planned (since 2027); planned-line (2028) still planned
        (2027, (5, [1, 2, 0, 2], 2)),
        # 2030: planned-line opened too (2028); dateless-plan has no year: stays planned
        (2030, (6, [1, 2, 1, 2], 1)),
    ],
)
def test_home_region_by_year(year: int, expected: tuple[int, list[int], int]) -> None:
    assert counts(year) == expected


def test_no_year_is_the_registry_view() -> None:
    assert counts(None) == (4, [1, 1, 0, 2], 3)
    assert coverage(registry(), "nijmegen").time is None


def test_time_info_names_sites_without_start_and_opened_as_planned() -> None:
    past = coverage(registry(), "nijmegen", year=2000, today=TODAY).time
    assert past is not None
    assert (past.year, past.mode, past.sites_without_start, past.opened_as_planned) == (
        2000,
        "as-was",
        2,  # bankrupt-osat and undated-ems
        (),
    )
    future = coverage(registry(), "nijmegen", year=2030, today=TODAY).time
    assert future is not None
    assert (future.mode, future.sites_without_start, future.opened_as_planned) == (
        "as-planned",
        1,  # undated-ems; the opened plans start at their expected year
        ("building-fab", "planned-line"),
    )


def test_status_in_reads_events_and_years() -> None:
    graph = as_graph(registry())
    cases = {
        ("bankrupt-osat", 2018): "active",
        ("bankrupt-osat", 2019): None,
        ("closed-fab", 1989): None,
        ("closed-fab", 2005): "active",
        ("closed-unknown-end", 2000): "closed",
        ("opened-by-event", 2004): None,
        ("opened-by-event", 2005): "active",
        ("planned-line", 2025): None,
        ("planned-line", 2027): "planned",
        ("planned-line", 2028): "active",
        ("dateless-plan", 2040): "planned",
    }
    found = {key: status_in(site(graph, key[0]), key[1], TODAY) for key in cases}
    assert found == cases


def test_at_year_is_a_copy_and_leaves_the_graph_alone() -> None:
    graph = as_graph(registry())
    past = at_year(graph, 2000, today=TODAY)
    assert "site:new-fab" not in past and "site:new-fab" in graph
    assert past.nodes["site:closed-fab"]["status"] == "active"
    assert graph.nodes["site:closed-fab"]["status"] == "closed"
    # memberships of the sites that stay are kept
    assert any(k == "located-in" for _, _, k in past.out_edges("site:closed-fab", keys=True))


def test_compare_in_a_year() -> None:
    result = compare(registry(), ["nijmegen"], year=2030, today=TODAY)
    assert result.year == 2030
    assert [m.sites["nijmegen"] for m in result.matrix] == [1, 2, 1, 2]
    assert result.regions[0].time is not None


def test_cli_year_json_and_table() -> None:
    runner = CliRunner()
    done = runner.invoke(
        app,
        [*ARGS, "coverage", "--region", "nijmegen", "--year", "2000", "--format", "json"],
        env={"SOURCE_DATE_EPOCH": "1767225600"},  # 2026-01-01
    )
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["sites"], data["time"]["mode"], data["time"]["sites_without_start"]) == (4, "as-was", 2)
    table = runner.invoke(
        app,
        [*ARGS, "coverage", "--region", "nijmegen", "--year", "2000", "--lang", "en"],
        env={"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "200"},
    )
    assert table.exit_code == 0
    assert "In 2000 (as it was): 2 of the counted sites have no start year" in table.stdout


def test_cli_year_out_of_range_is_a_usage_error() -> None:
    done = CliRunner().invoke(app, [*ARGS, "compare", "nijmegen", "--year", "1200"])
    assert done.exit_code == 2
    assert "Traceback" not in done.output


def test_map_region_in_a_year_draws_the_sites_of_then(tmp_path: Path) -> None:
    out = tmp_path / "home-2000.html"
    done = CliRunner().invoke(
        app,
        [*ARGS, "map", "region", "nijmegen", "--year", "2000", "--lang", "en", "--output", str(out)],
        env={"SOURCE_DATE_EPOCH": "1767225600"},  # 2026-01-01
    )
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    assert "situation in 2000" in page
    assert "<title>Home region: Nijmegen and Duiven · situation in 2000</title>" in page
    # 2000: Gone Fab still open, Young Fab (2015) and the plans not there yet
    assert "Gone Fab" in page and "Young Fab" not in page and "Future Packaging Line" not in page


def test_stats_in_a_year() -> None:
    """stats --year sums the registry of then (the same sites as coverage counts) and says so."""
    from lifeport_map.analysis.stats import stats

    assert stats(registry(), "nijmegen", today=TODAY).time is None
    assert stats(registry(), "nijmegen", today=TODAY).registry.sites == 4
    past = stats(registry(), "nijmegen", year=2010, today=TODAY)
    assert past.registry.sites == 5  # as coverage in 2010: with closed-fab and opened-by-event
    assert past.time is not None and (past.time.year, past.time.mode) == (2010, "as-was")
    future = stats(registry(), "nijmegen", year=2030, today=TODAY)
    assert future.registry.sites == 6
    assert future.time is not None and future.time.opened_as_planned == ("building-fab", "planned-line")


def _markdown_titles(*args: str) -> list[str]:
    done = CliRunner().invoke(
        app,
        [*ARGS, *args, "--format", "markdown", "--lang", "en"],
        env={"SOURCE_DATE_EPOCH": "1767225600"},  # 2026-01-01
    )
    assert done.exit_code == 0, done.output
    return [line[3:] for line in done.stdout.splitlines() if line.startswith("## ")]


def test_every_table_title_names_the_year() -> None:
    assert _markdown_titles("coverage", "--region", "nijmegen", "--year", "2030") == [
        "Home region (Nijmegen and Duiven): industrial presence, 2030",
        "Roles (all active sites), 2030",
    ]
    assert _markdown_titles("compare", "nijmegen", "--year", "2000") == [
        "Sites per phase and region: industrial presence, 2000",
        "Knowledge institutes per phase and region (beside the count), 2000",
        "Sites in production roles per phase and region, 2000",
        "Specialisation (location quotient, sites), 2000",
        "Specialisation (location quotient, employees), 2000",
    ]
    assert _markdown_titles("stats", "--region", "nijmegen", "--year", "2010") == [
        "Home region (Nijmegen and Duiven), 2010"
    ]
    assert _markdown_titles("stats", "--region", "nijmegen") == ["Home region (Nijmegen and Duiven)"]


def test_stats_year_in_json_and_the_note() -> None:
    runner = CliRunner()
    env = {"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "200"}
    done = runner.invoke(app, [*ARGS, "stats", "-r", "nijmegen", "--year", "2010", "-f", "json"], env=env)
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["registry"]["sites"], data["time"]["year"], data["time"]["mode"]) == (5, 2010, "as-was")
    table = runner.invoke(app, [*ARGS, "stats", "-r", "nijmegen", "--year", "2010"], env=env)
    # 2010: bankrupt-osat and undated-ems have no start year
    assert "In 2010 (zoals het was): 2 van de getelde vestigingen hebben geen beginjaar" in table.stdout
    plain = runner.invoke(app, [*ARGS, "stats", "-r", "nijmegen", "-f", "json"], env=env)
    assert "time" not in json.loads(plain.stdout)


def test_map_titles_name_the_year(tmp_path: Path) -> None:
    """Bijlage 2's heading and the printed page's title say which year they show (2030 after
    today 2026: as planned); without --year the title is the plain one."""
    env = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    runner = CliRunner()
    page, svg, plain = tmp_path / "b2.html", tmp_path / "home.svg", tmp_path / "plain.html"
    for args in (
        ["map", "compare", "nijmegen", "--year", "2030", "--output", str(page)],
        ["map", "region", "nijmegen", "--year", "2030", "--output", str(svg)],
        ["map", "compare", "nijmegen", "--output", str(plain)],
    ):
        done = runner.invoke(app, [*ARGS, *args], env=env)
        assert done.exit_code == 0, done.output
    assert "<h1>Bijlage 2: regio&#39;s vergeleken · situatie volgens plan in 2030</h1>" in page.read_text(
        "utf-8"
    )
    assert ">Thuisregio · situatie volgens plan in 2030</text>" in svg.read_text(encoding="utf-8")
    assert "<h1>Bijlage 2: regio&#39;s vergeleken</h1>" in plain.read_text(encoding="utf-8")


def test_maps_say_what_they_wrote_in_the_language(tmp_path: Path) -> None:
    """The status line of a map: Dutch words and numbers under --lang nl (the default)."""
    import re

    page = tmp_path / "b2.html"
    for lang, pattern in (
        ("nl", r"geschreven: .*b2\.html \(\d{3}\.\d{3} bytes, \d+,\d\d s\)"),
        ("en", r"wrote .*b2\.html \(\d{3},\d{3} bytes, \d+\.\d\d s\)"),
    ):
        done = CliRunner().invoke(app, [*ARGS, "map", "compare", "nijmegen", "-o", str(page), "--lang", lang])
        assert done.exit_code == 0, done.output
        assert re.fullmatch(pattern, done.stdout.strip()), done.stdout
        assert len(page.read_bytes()) == int(re.sub(r"[.,]", "", done.stdout.split("(")[1].split()[0]))
