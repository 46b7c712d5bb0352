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

# Opens the popup of site ``id`` on the first map that has it, through the page's own reveal (the
# search's: zooms its cluster open or spreads it). Answers true once it is open, or why not: the
# page's error, or "no answer" after 20 s, never waits for good (an evaluate has no time-out).
OPEN_POPUP = """id => new Promise(done => {
  setTimeout(() => done('no answer within 20 s'), 20000);
  for (const entry of window.lifeport.maps) {
    for (const key of Object.keys(entry.layers)) {
      let found = null;
      entry.layers[key].geojson.eachLayer(m => { if (m.feature.id === id && !found) found = m; });
      if (found) {
        const open = () => { try { found.openPopup(); done(true); } catch (e) { done(String(e)); } };
        window.lifeport.reveal(entry.layers[key].cluster, found, open);
        return;
      }
    }
  }
  done('no marker for ' + id);
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
    assert page.evaluate(OPEN_POPUP, site.id) is True
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


# Starts a zoom, and while it runs asks reveal for a site that is inside a cluster; answers
# whether its popup opened and how many listeners the map and the cluster have before and after.
REVEAL_DURING_A_ZOOM = """() => new Promise(done => {
  setTimeout(() => done({opened: 'no answer within 20 s'}), 20000);
  const entry = window.lifeport.maps[0], map = entry.map;
  const count = () => [(map._events.moveend || []).length,
    ...Object.values(entry.layers).map(l => (l.cluster._events.animationend || []).length)];
  let hidden = null, cluster = null;
  for (const key of Object.keys(entry.layers)) {
    entry.layers[key].geojson.eachLayer(m => {
      if (!hidden && !m._icon) { hidden = m; cluster = entry.layers[key].cluster; }
    });
  }
  const before = count();
  map.setZoom(map.getZoom() + 1);  // animated: still under way when reveal starts
  window.lifeport.reveal(cluster, hidden, () => {
    hidden.openPopup();
    setTimeout(() => done({opened: map.hasLayer(hidden.getPopup()), before: before, after: count()}), 500);
  });
})"""


def test_reveal_during_a_zoom_opens_the_popup_and_leaves_no_listener(browser: Any, tmp_path: Path) -> None:
    """The search's reveal, asked while the map still zooms, opens the popup and takes off the
    listeners it added (left on, they would spread that cluster out at a later zoom by hand)."""
    path = tmp_path / "region.html"
    path.write_text(maps.page_html(maps.region_map(load_registry(check=False), "nijmegen")), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    found = page.evaluate(REVEAL_DURING_A_ZOOM)
    assert found["opened"] is True, found
    assert found["after"] == found["before"], found
    assert errors == []
    context.close()


# Asks reveal for one hidden site and at once for another (a second search hit): answers which
# of the two callbacks ran, after both had time to.
TWO_REVEALS = """() => new Promise(done => {
  const entry = window.lifeport.maps[0], ran = [];
  const hidden = [];
  for (const key of Object.keys(entry.layers)) {
    entry.layers[key].geojson.eachLayer(m => { if (!m._icon) hidden.push([entry.layers[key].cluster, m]); });
  }
  const [a, b] = [hidden[0], hidden[hidden.length - 1]];
  window.lifeport.reveal(a[0], a[1], () => ran.push('first'));
  window.lifeport.reveal(b[0], b[1], () => { ran.push('second'); b[1].openPopup(); });
  setTimeout(() => done({ran: ran, open: entry.map.hasLayer(b[1].getPopup())}), 6000);
})"""


def test_a_second_search_hit_ends_the_first_reveal(browser: Any, tmp_path: Path) -> None:
    """The first hit's reveal, still under way, neither opens its popup nor zooms back to it."""
    path = tmp_path / "nl.html"
    path.write_text(maps.page_html(maps.nl_map(load_registry(check=False))), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    assert page.evaluate(TWO_REVEALS) == {"ran": ["second"], "open": True}
    context.close()
