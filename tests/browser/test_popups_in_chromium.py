"""Long popups in headless Chromium, on a desktop (1400x900) and a phone (390x844): the popup of
the site with the most employee figures (each with a long source URL) lies inside the window and
inside its map, scrolls within itself instead of growing past the screen, and no part of it
(a long URL, a seed file's name) runs past its right edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from maps_support import coverages_of

from lifeport_map.registry import load_registry
from lifeport_map.render import maps

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

# Opens the popup of site ``id`` on the first map that has it (zooming its cluster open).
OPEN_POPUP = """id => new Promise(done => {
  for (const entry of window.lifeport.maps) {
    for (const key of Object.keys(entry.layers)) {
      let found = null;
      entry.layers[key].geojson.eachLayer(m => { if (m.feature.id === id && !found) found = m; });
      if (found) {
        entry.layers[key].cluster.zoomToShowLayer(found, () => { found.openPopup(); done(true); });
        return;
      }
    }
  }
  done(false);
})"""
# True once the open popup lies inside its map and has not moved since the last look.
POPUP_AT_REST = """() => {
  const wrapper = document.querySelector('.leaflet-popup-content-wrapper');
  if (!wrapper) return false;
  const r = wrapper.getBoundingClientRect();
  const m = wrapper.closest('.leaflet-container').getBoundingClientRect();
  const now = [r.left, r.top, r.right, r.bottom].join(' ');
  const still = window.__lpPopupAt === now;
  window.__lpPopupAt = now;
  return still && r.left >= m.left - 0.5 && r.top >= m.top - 0.5 && r.right <= m.right + 0.5
    && r.bottom <= m.bottom + 0.5;
}"""
# The open popup's box, its map's box, its text box and what sticks out of that to the right.
POPUP_GEOMETRY = """() => {
  const wrapper = document.querySelector('.leaflet-popup-content-wrapper');
  const content = document.querySelector('.leaflet-popup-content');
  const map = wrapper.closest('.leaflet-container');
  const box = n => { const r = n.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const inner = content.getBoundingClientRect();
  const wide = Array.from(content.querySelectorAll('*'))
    .filter(n => n.getBoundingClientRect().right > inner.right + 0.5)
    .map(n => n.tagName + ': ' + n.textContent.slice(0, 60));
  return {popup: box(wrapper), map: box(map), wide: wide, scrollWidth: content.scrollWidth,
          clientWidth: content.clientWidth, scrollHeight: content.scrollHeight,
          clientHeight: content.clientHeight, window: {width: innerWidth, height: innerHeight}};
}"""


def _inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["left"] >= outer["left"] - 0.5
        and inner["top"] >= outer["top"] - 0.5
        and inner["right"] <= outer["right"] + 0.5
        and inner["bottom"] <= outer["bottom"] + 0.5
    )


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
@pytest.mark.parametrize("build", ["nl", "region", "compare"])
def test_a_long_popup_scrolls_inside_the_window_and_wraps_long_tokens(
    browser: Any, tmp_path: Path, viewport: tuple[int, int], build: str
) -> None:
    registry = load_registry(check=False)
    if build == "nl":
        page_obj = maps.nl_map(registry)
    elif build == "region":
        page_obj = maps.region_map(registry, "nijmegen")
    else:
        regions = ["nijmegen", "dresden", "leuven"]
        page_obj = maps.compare_page(registry, regions, coverages=coverages_of(registry, regions))
    drawn = {f["id"] for spec in _specs(page_obj) for f in spec}
    # The drawn site with the most employee figures, each figure a line with its source.
    site = max(
        (s for s in registry.sites if s.id in drawn),
        key=lambda s: (len(s.employees), s.id),
    )
    assert len(site.employees) >= 4
    path = tmp_path / f"{build}.html"
    path.write_text(maps.page_html(page_obj), encoding="utf-8")
    width, height = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height}, has_touch=width < 600, is_mobile=width < 600
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    assert page.evaluate(OPEN_POPUP, site.id)
    page.wait_for_selector(".leaflet-popup-content .lp-popup", timeout=8000)
    # The map pans the popup into its view, an animation that takes longer on a loaded machine:
    # wait until it has come to rest (or fail when it never fits), not a fixed time.
    page.wait_for_function(POPUP_AT_REST, polling=100, timeout=15000)
    if build == "compare":  # the panel holding the popup is scrolled into the window
        page.locator(".leaflet-popup").scroll_into_view_if_needed()
        page.wait_for_timeout(200)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"popup-{build}-{width}.png"))
    found = page.evaluate(POPUP_GEOMETRY)
    window = {"left": 0, "top": 0, "right": found["window"]["width"], "bottom": found["window"]["height"]}
    assert _inside(found["popup"], found["map"]), found
    assert _inside(found["popup"], window), found
    assert found["scrollHeight"] > found["clientHeight"]  # long enough to scroll: the case under test
    assert found["scrollWidth"] <= found["clientWidth"] and found["wide"] == [], found
    assert errors == []
    context.close()


def _specs(page_obj: Any) -> list[list[dict[str, Any]]]:
    """The GeoJSON features of every map on a page."""
    from maps_support import page_data

    data = page_data(maps.page_html(page_obj))
    return [spec["sites"]["features"] for spec in data["maps"]]
