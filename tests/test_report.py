"""The region brief: engine numbers, safe Markdown and HTML, written by ``report``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli
from maps_support import HOSTILE_ARGS, hostile, mini

from lifeport_map.analysis.brief import brief as brief_data
from lifeport_map.model import Registry
from lifeport_map.render.report import Brief, render_brief
from lifeport_map.render.safe import markdown_text


def build_brief(registry: Registry, region: str, *, lang: str) -> Brief:
    return render_brief(brief_data(registry, region, lang=lang), lang)


def test_brief_shows_coverage_comparison_gaps_and_sources() -> None:
    brief = build_brief(mini(), "nijmegen", lang="en")
    md = brief.markdown
    assert "# Region brief: Lifeport (Arnhem-Nijmegen)" in md
    assert "| Design | 1 | 1 | 0 | Alpha Fab |" in md
    assert "| System integration | 0 | 0 | 0 |  |" in md
    assert "Counting: Industrial presence: active sites" in md
    assert "## Comparison with the other regions" in md and "| Dresden |" in md
    assert "![Lifeport (Arnhem-Nijmegen)](map.png)" in md
    # a source without a title is named by its address, which is not autolinked again
    assert "[https&#8203;://example.org/alpha](https://example.org/alpha) (2026)" in md
    assert "<h2>White spots and candidates</h2>" in brief.html


def test_brief_of_hostile_registry_has_no_raw_html_or_script_links() -> None:
    brief = build_brief(hostile(), "nijmegen", lang="nl")
    md = brief.markdown
    assert not re.search(r"<[a-zA-Z/!]", md)  # no raw HTML at all
    assert "](javascript" not in md.lower()

    # Every row of a table has as many cell separators as its header: no pipe from the data
    # breaks out of its cell.
    def separators(line: str) -> int:
        return len(re.findall(r"(?<!\\)\|", line))

    header = 0
    for line in md.splitlines():
        if not line.startswith("|"):
            header = 0
        elif header == 0:
            header = separators(line)
        else:
            assert separators(line) == header, line
    assert "&lt;img src=x onerror=alert(1)&gt;" in md  # shown as text
    html = brief.html
    assert "<img src=x" not in html and "<svg onload" not in html and "<script" not in html
    assert 'href="javascript' not in html


def test_report_command_writes_brief_files(tmp_path: Path, mini_args: list[str]) -> None:
    result = run_cli(*mini_args, "report", "--region", "lifeport", "--output", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["brief.html", "brief.md", "map.png"]
    hostile_run = run_cli(
        *HOSTILE_ARGS, "report", "--region", "nijmegen", "--lang", "en", "--output", str(tmp_path / "h")
    )
    assert hostile_run.returncode == 0, hostile_run.stderr


# The brief's level-2 sections in order (without claims: the claims section follows the
# published figures when a claims file is given). Indices below: 0 coverage, 1 map, 2
# comparison, 3 single producers, 4 fragile, 5 white spots, 6 figures, 7 sources, 8
# definitions, 9 pipeline, 10 caveats.
SECTIONS = {
    "en": (
        "Coverage per phase",
        "Map",
        "Comparison with the other regions",
        "Fragile production (one organisation)",
        "Fragile phases (one organisation)",
        "White spots and candidates",
        "Published figures next to the registry",
        "Sources",
        "Definitions",
        "Planned and under construction",
        "Caveats on the data",
    ),
    "nl": (
        "Dekking per fase",
        "Kaart",
        "Vergelijking met de andere regio's",
        "Kwetsbare productie (één organisatie)",
        "Kwetsbare fasen (één organisatie)",
        "Witte vlekken en kandidaten",
        "Gepubliceerde cijfers naast het register",
        "Bronnen",
        "Definities",
        "Gepland en in aanbouw",
        "Kanttekeningen bij de gegevens",
    ),
}
ORDER = (8, 0, 1, 2, 3, 4, 9, 5, 6, 10, 7)
SECTIONS_YEAR = {"en": "year unknown", "nl": "jaar onbekend"}


def _section(markdown: str, heading: str) -> str:
    """The text under a level-2 heading, up to the next one."""
    after = markdown.split(f"\n## {heading}\n", 1)[1]
    return after.split("\n## ", 1)[0]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("region", ["nijmegen", "brainport", "twente", "delft", "leuven", "dresden"])
def test_every_brief_section_of_every_shipped_region_shows_the_analysis(region: str, lang: str) -> None:
    registry = shipped()
    data = brief_data(registry, region, lang=lang)
    md = render_brief(data, lang).markdown
    headings = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    assert [markdown_to_text(h) for h in headings] == [SECTIONS[lang][i] for i in ORDER]
    cov = data.coverage
    coverage_rows = [line for line in _section(md, SECTIONS[lang][0]).splitlines() if line.startswith("| ")]
    assert len(coverage_rows) == 1 + len(cov.phases)  # header and one row per phase
    for phase, row in zip(cov.phases, coverage_rows[1:], strict=True):
        assert row.startswith(f"| {markdown_text(phase.label)} | {phase.count} | {phase.organisations} |")
    compare_rows = [line for line in _section(md, SECTIONS[lang][2]).splitlines() if line.startswith("| ")]
    assert len(compare_rows) == 1 + len(data.compare.regions)
    single = _section(md, markdown_text(SECTIONS[lang][3]))
    items = [line[2:] for line in single.splitlines() if line.startswith("- ")]
    # one line per phase whose production one organisation holds, with its sites
    assert items == [
        f"{markdown_text(f.label)}: {markdown_text(f.organisation)} ({markdown_text(', '.join(f.sites))})"
        for f in cov.fragile_production_phases
    ]
    fragile = _section(md, markdown_text(SECTIONS[lang][4]))
    items = [line[2:] for line in fragile.splitlines() if line.startswith("- ")]
    # one line per fragile phase, "label: organisation", the organisation's whole name
    assert items == [f"{markdown_text(f.label)}: {markdown_text(f.organisation)}" for f in cov.fragile_phases]
    spots = [line for line in _section(md, SECTIONS[lang][5]).splitlines() if line.startswith("| ")]
    assert len(spots) == (1 + len(data.gaps.white_spots) if data.gaps.white_spots else 0)
    figures = [line for line in _section(md, SECTIONS[lang][6]).splitlines() if line.startswith("| ")]
    assert len(figures) == (1 + len(data.stats.figures) if data.stats.figures else 0)
    sources = [line for line in _section(md, SECTIONS[lang][7]).splitlines() if line.startswith("1. ")]
    assert len(sources) == len(data.sources) > 0
    definitions = [line for line in _section(md, SECTIONS[lang][8]).splitlines() if line.startswith("- ")]
    assert len(definitions) == 6  # region, counting, production, fragile, employees, radius
    assert "150 km" in definitions[-1]
    pipeline = _section(md, markdown_text(SECTIONS[lang][9]))
    items = [line[2:] for line in pipeline.splitlines() if line.startswith("- ")]
    assert len(items) == len(data.pipeline)
    for item, planned in zip(items, data.pipeline, strict=True):
        assert item.startswith(f"{markdown_text(planned.name)} ({markdown_text(planned.organisation)}): ")
        assert item.endswith(
            str(planned.expected) if planned.expected else markdown_text(SECTIONS_YEAR[lang])
        )
    caveats = [line for line in _section(md, SECTIONS[lang][10]).splitlines() if line.startswith("- ")]
    assert len(caveats) == 3  # employees, coordinates, checking
    assert data.caveats is not None
    emp = data.caveats.employees
    assert f"{emp.sites_with_figure} " in caveats[0] and f" {data.caveats.sites} " in caveats[0]
    # every candidate shown lies within the radius
    for spot in data.gaps.white_spots:
        assert all(c.distance_km <= 150 for c in spot.candidates)


def test_dresden_brief_names_organisations_not_letters() -> None:
    data = brief_data(shipped(), "dresden", lang="en")
    md = render_brief(data, "en").markdown
    fragile = _section(md, SECTIONS["en"][4])
    assert data.coverage.fragile_phases, "Dresden has a phase held by one organisation"
    for f in data.coverage.fragile_phases:
        assert f"- {markdown_text(f.label)}: {markdown_text(f.organisation)}" in fragile
    # the bug this guards against: a name iterated letter by letter ("S, p, i, N, N, c, ...")
    assert not re.search(r"(\b\w, ){4}", fragile)


def test_brief_heads_with_date_and_registry_version_and_counts_caveats_by_hand() -> None:
    from lifeport_map.provenance import Provenance
    from tests.analysis_support import analysis_registry

    made = Provenance("2026-11-29", "git 0123456789ab")
    data = brief_data(analysis_registry(), "nijmegen", lang="en", today="2026-11-29", radius_km=50)
    md = render_brief(data, "en", made=made).markdown
    assert "Made on 2026-11-29 from registry version git 0123456789ab." in md
    # six counted sites: four with a site figure, Designco only a worldwide one; coordinates
    # at place level for ems, fab, network, osat, uni (5), Designco has none; none is checked
    assert data.caveats is not None
    assert (
        data.caveats.sites,
        data.caveats.employees.sites_with_figure,
        data.caveats.employees.wider_only,
    ) == (
        6,
        4,
        1,
    )
    assert (data.caveats.place_precision, data.caveats.without_coordinates, data.caveats.unchecked) == (
        5,
        1,
        6,
    )
    # the planned Fabco line, no expected year
    assert [(p.id, p.status, p.expected) for p in data.pipeline] == [("planned-nijmegen", "planned", None)]
    assert data.gaps.radius_km == 50
    assert "candidates within 50 km of Nijmegen" in md


def shipped() -> Registry:
    from lifeport_map.registry import load_registry
    from tests.test_golden import REGISTRY

    return load_registry(REGISTRY / "companies.yaml", REGISTRY / "regions", check=False)


def markdown_to_text(text: str) -> str:
    return text.replace("\\", "")


def test_the_brief_lists_site_names_with_commas_apart() -> None:
    # the brief's examples read "Enzyre, Nijmegen, EPR, Noviotech Campus Nijmegen, myTemp,
    # Nijmegen": three sites as six
    md = build_brief(shipped(), "nijmegen", lang="nl").markdown
    row = next(line for line in md.splitlines() if line.startswith("| Systeemintegratie | 3 |"))
    assert row.endswith("| Enzyre, Nijmegen; EPR, Noviotech Campus Nijmegen; myTemp, Nijmegen |")
