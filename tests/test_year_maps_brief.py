"""--year on the map legends, the Bijlage 2 panels and the brief, on a registry built by hand
here (tmp_path), with today fixed at 2026 (SOURCE_DATE_EPOCH 2026-01-01).

Regions: the analysis fixture's nijmegen ("Thuisregio": Nijmegen and Duiven) and dresden (the
city). Sites, with their years:

    nijmegen  n-design     fabless chip design, active since 1995            design
              n-fab-old    wafer fab, closed, 1990-2010                       front-end
              n-fab-new    wafer fab, active since 2015                       front-end
              n-osat-plan  assembly and test, planned, since 2028             back-end
              n-ems        contract electronics, active since 2005            system integration
              n-uni        university, research for front-end, since 1980     knowledge (beside)
    dresden   d-fab        wafer fab, active since 1999                       front-end
              d-osat       assembly and test, under construction, since 2027  back-end
              d-design     fabless chip design, closed, 2001-2012             design

Worked out by hand (industrial presence; design, front-end, back-end, system integration):

    2000 (as it was)      nijmegen 3 sites: 1, 1, 0, 0, knowledge 1   dresden 1 site: 0, 1, 0, 0
    2030 (as planned)     nijmegen 5 sites: 1, 1, 1, 1, knowledge 1   dresden 2 sites: 0, 1, 1, 0
    today (no --year)     nijmegen 4 sites: 1, 1, 0, 1, knowledge 1, pipeline 1 (n-osat-plan)
                          dresden 1 site: 0, 1, 0, 0, pipeline 1 (d-osat)
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import FIXTURES
from tests.maps_support import page_data

ENV = {"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "200"}  # 2026-01-01
PHASES = ("design", "front-end", "back-end", "system-integration")
NIJMEGEN = (
    "place: Nijmegen, municipality: Nijmegen, country: NL, lat: 51.8425, lon: 5.85278, precision: place"
)
DUIVEN = "place: Duiven, municipality: Duiven, country: NL, lat: 51.94667, lon: 6.01389, precision: place"
DRESDEN = "place: Dresden, municipality: Dresden, country: DE, lat: 51.05089, lon: 13.73832, precision: place"


def _site(site_id: str, name: str, kind: str, activity: str, status: str, where: str, years: str) -> str:
    served = "\n    phases: [front-end]" if kind == "university" else ""
    return f"""  - id: {site_id}
    name: {name}
    organisation: {name.split()[0]}
    kind: {kind}
    activities: [{activity}]{served}
    status: {status}
{years}
    location: {{{where}}}
    sources:
      - {{url: "https://example.org/{site_id}", year: 2025}}
"""


SITES = [
    _site(
        "d-design",
        "Saxdesign Dresden",
        "fabless",
        "chip-design",
        "closed",
        DRESDEN,
        "    since: 2001\n    until: 2012",
    ),
    _site("d-fab", "Saxfab Dresden", "idm", "wafer-fab", "active", DRESDEN, "    since: 1999"),
    _site(
        "d-osat", "Saxpack Dresden", "osat", "assembly-test", "under-construction", DRESDEN, "    since: 2027"
    ),
    _site("n-design", "Oldtimer Design", "fabless", "chip-design", "active", NIJMEGEN, "    since: 1995"),
    _site("n-ems", "Emsco Duiven", "ems", "ems", "active", DUIVEN, "    since: 2005"),
    _site("n-fab-new", "Youngco Fab", "idm", "wafer-fab", "active", NIJMEGEN, "    since: 2015"),
    _site(
        "n-fab-old", "Goneco Fab", "idm", "wafer-fab", "closed", NIJMEGEN, "    since: 1990\n    until: 2010"
    ),
    _site("n-osat-plan", "Futureco Packaging", "osat", "assembly-test", "planned", DUIVEN, "    since: 2028"),
    _site("n-uni", "University Nijmegen", "university", "research", "active", NIJMEGEN, "    since: 1980"),
]
CLAIMS = """claims:
  - id: whole-chain-home
    claim: {nl: Hele keten thuis, en: Whole chain at home}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "all phases here"
    check: {type: whole-chain, region: nijmegen}
  - id: one-fab-near
    claim: {nl: Eén fab dichtbij, en: One fab nearby}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "one fab within 100 km"
    check:
      type: count
      origin: Nijmegen
      radius_km: 100
      filter: {activities: [wafer-fab], kinds: [companies]}
      expect: {op: equals, value: 1}
"""

# Hand-computed: per year, region -> (counted sites, phase counts, knowledge beside)
EXPECTED: dict[int | None, dict[str, tuple[int, list[int], int]]] = {
    2000: {"nijmegen": (3, [1, 1, 0, 0], 1), "dresden": (1, [0, 1, 0, 0], 0)},
    2030: {"nijmegen": (5, [1, 1, 1, 1], 1), "dresden": (2, [0, 1, 1, 0], 0)},
    None: {"nijmegen": (4, [1, 1, 0, 1], 1), "dresden": (1, [0, 1, 0, 0], 0)},
}
PIPELINE = {2000: 0, 2030: 0, None: 2}


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("year-registry")
    (folder / "companies.yaml").write_text("sites:\n" + "".join(SITES), encoding="utf-8")
    (folder / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (folder / "regions").mkdir()
    for name in ("nijmegen", "dresden"):
        shutil.copy(FIXTURES / "analysis" / "regions" / f"{name}.yaml", folder / "regions")
    return ["--registry", str(folder / "companies.yaml"), "--regions", str(folder / "regions")]


def _run(args: list[str]) -> str:
    done = CliRunner().invoke(app, args, env=ENV)
    assert done.exit_code == 0, done.output
    return done.stdout


def _year(year: int | None) -> list[str]:
    return [] if year is None else ["--year", str(year)]


def _legend_html(page: str) -> str:
    """A page's legend: in the page (Bijlage 2) or in the data its script draws (one map)."""
    if 'class="lp-top-legend"' in page:
        return page
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            found.extend(v for k, v in value.items() if k == "legend" and isinstance(v, str))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(page_data(page))
    (legend,) = found
    return legend


def _legend(page: str) -> dict[str, int]:
    """The counts of an HTML legend (data-layer / data-count)."""
    box = re.search(r'<div class="lp-box lp-legend".*?</table>', _legend_html(page), re.S)
    assert box, "no legend"
    return {m[0]: int(m[1]) for m in re.findall(r'data-layer="([^"]+)".*?data-count="(\d+)"', box[0], re.S)}


def _svg_texts(svg: str) -> list[str]:
    """The lines of text a printed figure shows (matplotlib writes each as a <text>)."""
    return [html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


@pytest.mark.parametrize("year", [2000, 2030])
def test_region_map_legend_counts_the_year(registry: list[str], tmp_path: Path, year: int) -> None:
    _, phases, knowledge = EXPECTED[year]["nijmegen"]
    page = tmp_path / "home.html"
    _run([*registry, "map", "region", "nijmegen", "--year", str(year), "--lang", "en", "-o", str(page)])
    html = page.read_text(encoding="utf-8")
    counts = _legend(html)
    assert [counts[p] for p in PHASES] == phases
    assert counts["knowledge"] == knowledge
    assert counts.get("pipeline", 0) == PIPELINE[year]
    mode = "situation in" if year < 2026 else "situation as planned in"
    legend = _legend_html(html)
    assert f'data-year="{year}"' in legend
    assert f"Home region: Nijmegen and Duiven · {mode} {year}</span></summary>" in legend


def test_bijlage_1_legend_counts_the_year(registry: list[str], tmp_path: Path) -> None:
    """The map of every Dutch site: here the home region's sites (Dresden's are not Dutch)."""
    page = tmp_path / "nl.html"
    for year in (2000, 2030):
        _run([*registry, "map", "nl", "--year", str(year), "--lang", "en", "-o", str(page)])
        html = page.read_text(encoding="utf-8")
        counts = _legend(html)
        assert [counts[p] for p in PHASES] == EXPECTED[year]["nijmegen"][1]
        assert counts["knowledge"] == 1
        assert f'data-year="{year}"' in _legend_html(html)


def test_region_map_without_a_year_has_no_year_in_its_legend(registry: list[str], tmp_path: Path) -> None:
    page = tmp_path / "home.html"
    _run([*registry, "map", "region", "nijmegen", "--lang", "en", "-o", str(page)])
    html = page.read_text(encoding="utf-8")
    counts = _legend(html)
    assert [counts[p] for p in PHASES] == EXPECTED[None]["nijmegen"][1]
    assert counts["pipeline"] == 1  # n-osat-plan
    assert "data-year" not in _legend_html(html) and "situation" not in html


@pytest.mark.parametrize(("year", "lang"), [(2000, "nl"), (2030, "en")])
def test_bijlage_2_legend_and_panel_titles_name_the_year_and_its_counts(
    registry: list[str], tmp_path: Path, year: int, lang: str
) -> None:
    page, svg = tmp_path / "b2.html", tmp_path / "b2.svg"
    for out in (page, svg):
        _run(
            [
                *registry,
                "map",
                "compare",
                "nijmegen",
                "dresden",
                "--year",
                str(year),
                "--lang",
                lang,
                "-o",
                str(out),
            ]
        )
    html = page.read_text(encoding="utf-8")
    totals = _legend(html)  # the legend above the panels adds both regions
    assert [totals[p] for p in PHASES] == [
        sum(EXPECTED[year][r][1][i] for r in ("nijmegen", "dresden")) for i in range(4)
    ]
    assert f'data-year="{year}"' in html
    sites_word = "vestigingen" if lang == "nl" else "sites"
    site_word = "vestiging" if lang == "nl" else "site"
    for region, name in (
        ("nijmegen", "Thuisregio" if lang == "nl" else "Home region"),
        ("dresden", "Dresden"),
    ):
        n = EXPECTED[year][region][0]
        noun = site_word if n == 1 else sites_word
        title = re.search(rf'<section class="lp-panel" data-region="{region}"><h2>(.*?)</h2>', html)
        assert title, region
        assert title[1] == f'{name} <span class="lp-year" data-sites="{n}">{year}: {n} {noun}</span>'
        # and the printed annex's panel: its title (the name, then the year and its count) and
        # the counts per phase above its map
        texts = _svg_texts(svg.read_text(encoding="utf-8"))
        assert f"{year}: {n} {noun}" in texts
        at = texts.index(f"{year}: {n} {noun}")
        counts = [int(c) for c in re.findall(r"\xa0(\d+)", texts[at - 2] + " " + texts[at - 1])]
        assert counts == EXPECTED[year][region][1], texts[at - 3 : at + 1]
    legend_title = (
        "Legenda (aantal vestigingen) · situatie in "
        if lang == "nl"
        else "Legend (number of sites) · situation as planned in "
    ) + str(year)
    assert legend_title in _svg_texts(svg.read_text(encoding="utf-8"))


def test_printed_region_legend_counts_the_year(registry: list[str], tmp_path: Path) -> None:
    svg = tmp_path / "home.svg"
    _run([*registry, "map", "region", "nijmegen", "--year", "2000", "--lang", "en", "-o", str(svg)])
    texts = _svg_texts(svg.read_text(encoding="utf-8"))
    assert "Legend (number of sites) · situation in 2000" in texts
    for label, count in (("Design", 1), ("Front-end production", 1), ("Back-end production", 0)):
        assert f"{label} ({count})" in texts
    assert "System integration (0)" in texts and "Knowledge institutes (1)" in texts


def _brief(registry: list[str], tmp_path: Path, year: int | None, lang: str = "en") -> str:
    folder = tmp_path / f"brief-{year}-{lang}"
    _run([*registry, "report", "--region", "nijmegen", *_year(year), "--lang", lang, "-o", str(folder)])
    return (folder / "brief.md").read_text(encoding="utf-8")


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _rows(section: str) -> list[list[str]]:
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


@pytest.mark.parametrize("year", [2000, 2030, None])
def test_the_brief_follows_the_year(registry: list[str], tmp_path: Path, year: int | None) -> None:
    brief = _brief(registry, tmp_path, year)
    home, dresden = EXPECTED[year]["nijmegen"], EXPECTED[year]["dresden"]
    # headline counts per phase, and the knowledge institutes beside them
    rows = _rows(_section(brief, "Coverage per phase"))
    assert [int(r[1]) for r in rows] == home[1]
    assert [int(r[3]) for r in rows] == [0, home[2], 0, 0]
    # the comparison: both regions in that year
    compared = {
        r[0]: [int(c) for c in r[1:5]] for r in _rows(_section(brief, "Comparison with the other regions"))
    }
    assert compared == {"Home region": home[1], "Dresden": dresden[1]}
    # single producers per phase: the organisations of then
    producers = _section(brief, "Fragile production (one organisation)")
    expected_producers = {
        2000: ["Design: Oldtimer (n-design)", "Front-end production: Goneco (n-fab-old)"],
        2030: [
            "Design: Oldtimer (n-design)",
            "Front-end production: Youngco (n-fab-new)",
            "Back-end production: Futureco (n-osat-plan)",
            "System integration: Emsco (n-ems)",
        ],
        None: [
            "Design: Oldtimer (n-design)",
            "Front-end production: Youngco (n-fab-new)",
            "System integration: Emsco (n-ems)",
        ],
    }[year]
    assert [line[2:] for line in producers.splitlines() if line.startswith("- ")] == expected_producers
    # the pipeline: only today's plans are still plans
    pipeline = _section(brief, "Planned and under construction")
    assert ("Futureco Packaging" in pipeline) is (year is None)
    # the claims: the whole chain only in 2030; the one fab within 100 km is then's
    claims = {r[0]: r[1] for r in _rows(_section(brief, "Claims of the policy documents"))}
    assert claims["Whole chain at home"] == ("holds" if year == 2030 else "does not hold")
    assert claims["One fab nearby"] == "holds"
    # and it says which year it describes
    title = brief.splitlines()[0]
    if year is None:
        assert title == "# Region brief: Home region" and "This brief describes" not in brief
    else:
        mode = "situation in" if year < 2026 else "situation as planned in"
        assert title == f"# Region brief: Home region · {mode} {year}"
        assert f"This brief describes the chain in {year} (" in brief


def test_the_brief_says_its_year_in_dutch(registry: list[str], tmp_path: Path) -> None:
    brief = _brief(registry, tmp_path, 2000, "nl")
    assert brief.splitlines()[0] == "# Regiobrief: Thuisregio · situatie in 2000"
    assert "Deze brief beschrijft de keten in 2000 (zoals het was), niet die van vandaag" in brief


@pytest.mark.parametrize("year", [2000, 2030])
def test_bijlage_2_the_brief_and_coverage_agree_in_a_year(
    registry: list[str], tmp_path: Path, year: int
) -> None:
    """The same numbers under --year in coverage, compare, Bijlage 2 (page) and the brief."""
    page = tmp_path / "b2.html"
    _run(
        [
            *registry,
            "map",
            "compare",
            "nijmegen",
            "dresden",
            "--year",
            str(year),
            "--lang",
            "en",
            "-o",
            str(page),
        ]
    )
    html = page.read_text(encoding="utf-8")
    compared: dict[str, Any] = json.loads(
        _run([*registry, "compare", "nijmegen", "dresden", "--year", str(year), "--format", "json"])
    )
    brief = _brief(registry, tmp_path, year)
    in_brief = {
        r[0]: [int(c) for c in r[1:5]] for r in _rows(_section(brief, "Comparison with the other regions"))
    }
    for region, name in (("nijmegen", "Home region"), ("dresden", "Dresden")):
        cov = json.loads(
            _run(
                [*registry, "coverage", "-r", region, "--year", str(year), "--format", "json", "--lang", "en"]
            )
        )
        counts = [p["count"] for p in cov["phases"]]
        assert counts == EXPECTED[year][region][1]
        assert cov["sites"] == EXPECTED[year][region][0]
        table = re.search(rf'<table class="lp-coverage" data-region="{region}">(.*?)</table>', html, re.S)
        assert table
        assert [int(c) for c in re.findall(r'data-count="(\d+)"', table[1])] == counts
        assert [row["sites"][region] for row in compared["matrix"]] == counts
        assert in_brief[name] == counts
