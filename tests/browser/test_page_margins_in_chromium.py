"""Bijlage 2's page keeps a margin: its title, legend and panels do not touch the window's edge
(folium's own "html, body { margin: 0; padding: 0 }" came after the page's style and won), and
the title's note runs across the page rather than in a 260 px column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from maps_support import coverages_of

from lifeport_map.registry import load_registry
from lifeport_map.render import maps

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("viewport", "margin"), [((1400, 900), 16), ((390, 844), 8)])
def test_the_compare_page_keeps_its_margin(
    browser: Any, tmp_path: Path, viewport: tuple[int, int], margin: int
) -> None:
    registry = load_registry(check=False)
    regions = ["nijmegen", "dresden", "leuven"]
    path = tmp_path / "compare.html"
    page_obj = maps.compare_page(registry, regions, coverages=coverages_of(registry, regions))
    path.write_text(maps.page_html(page_obj), encoding="utf-8")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    found = page.evaluate(
        """() => ({title: document.querySelector('.lp-title h1').getBoundingClientRect().left,
                   panels: Array.from(document.querySelectorAll('.lp-panel'))
                     .map(p => p.getBoundingClientRect().left),
                   note: document.querySelector('.lp-title .lp-note').getBoundingClientRect().width,
                   page: document.documentElement.scrollWidth})"""
    )
    # 12 px 16 px of padding on a desktop, 8 px on a phone (PHONE_CSS)
    assert found["title"] == margin and min(found["panels"]) == margin
    assert found["page"] <= viewport[0]
    if viewport[0] >= 1000:
        assert found["note"] > 400  # not squeezed into the 260 px of other notes
    page.close()
