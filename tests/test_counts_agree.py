"""Bijlage 2 (``map compare``, page and figure), the brief and ``coverage`` give the same numbers
under the same counting definition, and each names that definition.

All of them run as a user runs them, through the CLI, on the frozen golden registry; the numbers
are read back from what each writes (JSON, HTML data attributes, Markdown tables).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli

from lifeport_map.render.safe import markdown_text
from tests.test_golden import BASE

REGIONS = ("nijmegen", "dresden", "leuven")


def _coverage(region: str, roles: str, year: int | None = None) -> dict:
    when = () if year is None else ("--year", str(year))
    result = run_cli(
        *BASE, "coverage", "-r", region, "--roles", roles, *when, "--lang", "en", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _panel_counts(html: str, region: str) -> dict[str, int]:
    """The per-phase counts under a Bijlage 2 panel (data-phase / data-count)."""
    table = re.search(rf'<table class="lp-coverage" data-region="{region}">(.*?)</table>', html, re.S)
    assert table, f"no coverage panel for {region}"
    return {m[0]: int(m[1]) for m in re.findall(r'data-phase="([^"]+)".*?data-count="(\d+)"', table[1], re.S)}


def _brief_rows(markdown: str, heading: str) -> list[list[str]]:
    section = markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


@pytest.mark.parametrize(
    ("roles", "year"),
    [("industry", None), ("production", None), ("all", None), ("industry", 2000), ("production", 2030)],
)
def test_bijlage_2_the_brief_and_coverage_agree(tmp_path: Path, roles: str, year: int | None) -> None:
    """Also under --year: the chain as it was (2000) or as planned (2030) in all three."""
    when = () if year is None else ("--year", str(year))
    coverages = {region: _coverage(region, roles, year) for region in REGIONS}
    assert {cov["counting"]["id"] for cov in coverages.values()} == {roles}
    assert {(cov.get("time") or {}).get("year") for cov in coverages.values()} == {year}
    html = ""
    if roles == "industry":  # the maps draw (and count) industrial presence
        page = tmp_path / "bijlage2.html"
        made = run_cli(*BASE, "map", "compare", *REGIONS, *when, "--lang", "en", "--output", str(page))
        assert made.returncode == 0, made.stderr
        html = page.read_text(encoding="utf-8")
    brief_dir = tmp_path / "brief"
    made = run_cli(
        *BASE,
        "report",
        "--region",
        "nijmegen",
        "--roles",
        roles,
        *when,
        "--lang",
        "en",
        "--output",
        str(brief_dir),
    )
    assert made.returncode == 0, made.stderr
    brief = (brief_dir / "brief.md").read_text(encoding="utf-8")
    compared = {row[0]: row[1:5] for row in _brief_rows(brief, "Comparison with the other regions")}
    for region, cov in coverages.items():
        expected = {p["phase"]: p["count"] for p in cov["phases"]}
        if html:  # the Bijlage 2 panel under the region's map, which names the counting definition
            assert _panel_counts(html, region) == expected
            assert f'data-counting="{roles}"' in html
            if year is not None:  # and its title the year and the sites counted then
                assert f'<span class="lp-year" data-sites="{cov["sites"]}">{year}: ' in html
        # the brief's comparison table (one row per region, phases in chain order)
        assert compared[markdown_text(cov["region"]["name"])] == [str(p["count"]) for p in cov["phases"]]
    # the brief's own coverage table: sites, organisations, knowledge institutes per phase
    nijmegen = coverages["nijmegen"]
    rows = _brief_rows(brief, "Coverage per phase")
    assert [r[1:4] for r in rows] == [
        [str(p["count"]), str(p["organisations"]), str(p["knowledge"]["count"])] for p in nijmegen["phases"]
    ]
    assert nijmegen["counting"]["rule"] in brief.replace("\\", "")


def test_compare_matrix_is_coverage_side_by_side() -> None:
    result = run_cli(*BASE, "compare", *REGIONS, "--format", "json")
    assert result.returncode == 0, result.stderr
    matrix = json.loads(result.stdout)["matrix"]
    for region in REGIONS:
        cov = _coverage(region, "industry")
        assert [row["sites"][region] for row in matrix] == [p["count"] for p in cov["phases"]]
        assert [row["knowledge"][region] for row in matrix] == [
            p["knowledge"]["count"] for p in cov["phases"]
        ]


def test_map_legends_count_what_coverage_counts() -> None:
    """A region map's legend (and the static figure's, from the same function) counts each
    phase's industrial presence, as coverage does, and says so."""
    from lifeport_map.geo import region_sites, resolve_region
    from lifeport_map.registry import load_registry
    from lifeport_map.render import maps
    from tests.test_golden import REGISTRY

    registry = load_registry(REGISTRY / "companies.yaml", REGISTRY / "regions", check=False)
    for region in REGIONS:
        sites = region_sites(registry, resolve_region(registry, region))
        counts = maps.layer_counts(sites, registry.taxonomy)
        cov = _coverage(region, "industry")
        assert {p["phase"]: counts[p["phase"]] for p in cov["phases"]} == {
            p["phase"]: p["count"] for p in cov["phases"]
        }
    legend = maps.legend_html(registry.taxonomy, {}, "nl")
    assert "Fasen tellen: industriële aanwezigheid; kennisinstellingen apart geteld" in legend
