"""The council brief of the hand-made analysis registry in headless Chromium: every section is
there in order, the header names date and registry version, the numbered sources are an ordered
list with titles, the map image loads, and nothing errs. Produced by the CLI, as a user would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.analysis_support import ANALYSIS_ARGS

pytestmark = pytest.mark.browser

HEADINGS = [
    "Definitions",
    "Coverage per phase",
    "Map",
    "Comparison with the other regions",
    "Fragile production (one organisation)",
    "Fragile phases (one organisation)",
    "Planned and under construction",
    "White spots and candidates",
    "Published figures next to the registry",
    "Caveats on the data",
    "Sources",
]


def test_brief_sections_header_and_sources_in_chromium(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    done = CliRunner().invoke(
        app,
        [*ANALYSIS_ARGS, "report", "--region", "nijmegen", "--output", str(out), "--lang", "en"],
        env={"SOURCE_DATE_EPOCH": "1795910400"},  # 2026-11-29
    )
    assert done.exit_code == 0, done.output
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((out / "brief.html").as_uri())
    page.wait_for_load_state("load")
    assert page.eval_on_selector_all("h2", "els => els.map(e => e.textContent)") == HEADINGS
    first = page.inner_text("h1 + p")
    assert first.startswith("Made on 2026-11-29 from registry version ")
    # the hand-made registry's region: six counted sites, Designco's 14,000 only for the group
    caveats = page.inner_text("h2:has-text('Caveats on the data') + ul")
    assert "Employees: 4 of 6 counted sites (67%) have a figure for the site itself; 1 only one" in caveats
    assert "Coordinates: 5 of 6 sites (83%) are placed at town level only" in caveats
    pipeline = page.inner_text("h2:has-text('Planned and under construction') + ul")
    assert "planned, Back-end production; year unknown" in pipeline
    sources = page.locator("h2:has-text('Sources') + ol > li")
    assert sources.count() > 0
    assert page.evaluate("document.querySelector('img').naturalWidth") > 0
    page.screenshot(path=str(tmp_path / "brief.png"), full_page=True)
    assert errors == []
    page.close()


def test_the_brief_fits_a_phone_screen(browser: Any, tmp_path: Path) -> None:
    # On a phone (390x844) the page is as wide as the screen: a wide table scrolls inside its
    # own box and a long URL wraps, so nothing widens the page. Shipped registry: its tables
    # have five columns of long names and its sources long URLs.
    out = tmp_path / "brief"
    done = CliRunner().invoke(app, ["report", "--region", "nijmegen", "--output", str(out)])
    assert done.exit_code == 0, done.output
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto((out / "brief.html").as_uri())
    page.wait_for_load_state("load")
    found = page.evaluate(
        """() => ({page: document.documentElement.scrollWidth, window: innerWidth,
             tables: Array.from(document.querySelectorAll('table')).map(t => t.getBoundingClientRect().right),
             wide: Array.from(document.querySelectorAll('table'))
               .filter(t => t.scrollWidth > t.clientWidth).length})"""
    )
    assert found["window"] == 390 and found["page"] <= 390, found
    assert found["tables"] and max(found["tables"]) <= 390, found
    assert found["wide"] >= 1  # some table is wider than the screen and scrolls in its box
    context.close()
