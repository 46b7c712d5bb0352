"""The interactive maps' controls and zoom in headless Chromium (issue 14, third round):

- the legend of a single map is compact (at most 280 px wide: its rows on one line, its title
  wrapped) and, at 1400x900 and 390x844, covers neither the search box nor a dot or cluster,
  and at the default view no control covers a dot or cluster (the map fits its data in the
  part the controls leave free);
- the deepest zoom is ``maps.MAX_ZOOM`` (15, a scale bar of 100-200 m): opening clusters never
  zooms past it, and a cluster whose sites still sit together there spiderfies;
- a popup open on a phone stays inside the window when the phone turns (390x844 to 844x390).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lifeport_map.registry import load_registry
from lifeport_map.render import maps
from tests.browser.test_popups_in_chromium import OPEN_POPUP

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

BOXES = """() => {
  const box = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = n => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const all = sel => Array.from(document.querySelectorAll(sel)).filter(shown).map(box);
  return {legend: all('.lp-map .lp-legend'), search: all('.lp-search'), controls: all('.leaflet-control'),
          data: all('.lp-site, .lp-cluster'), map: box(document.querySelector('.leaflet-container'))};
}"""


def _meet(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _open(browser: Any, tmp_path: Path, built: Any, name: str, viewport: tuple[int, int]) -> Any:
    path = tmp_path / f"{name}.html"
    path.write_text(maps.page_html(built), encoding="utf-8")
    phone = viewport[0] < 600
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, has_touch=phone, is_mobile=phone
    )
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    page.wait_for_timeout(1500)  # clusters animate in
    return page


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
@pytest.mark.parametrize("region", ["nl", "nijmegen", "leuven", "dresden"])
def test_the_legend_is_compact_and_no_control_covers_data(
    browser: Any, tmp_path: Path, viewport: tuple[int, int], region: str
) -> None:
    registry = load_registry(check=False)
    built = maps.nl_map(registry) if region == "nl" else maps.region_map(registry, region)
    page = _open(browser, tmp_path, built, region, viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"legend-{region}-{viewport[0]}.png"))
    found = page.evaluate(BOXES)
    [legend] = found["legend"]
    assert legend[2] - legend[0] <= 280
    assert [s for s in found["search"] if _meet(s, legend)] == []
    assert [d for d in found["data"] if _meet(d, legend)] == []
    # nor does any other control (zoom, search, layer list, scale, credits) at the default view
    assert [(c, d) for c in found["controls"] for d in found["data"] if _meet(c, d)] == []
    page.context.close()


# Opens every cluster of the map, one click at a time, as long as there are any (at most 40
# clicks, up to the first that spiderfies); returns the deepest zoom reached, the map's maximum
# and how many layers had a cluster spiderfy.
OPEN_ALL = """async () => {
  const entry = window.lifeport.maps[0], map = entry.map;
  const settle = () => new Promise(r => setTimeout(r, 450));
  let deepest = map.getZoom(), spiderfied = 0, clicks = 0;
  const start = map.getCenter(), startZoom = map.getZoom();
  for (const key of Object.keys(entry.layers)) {
    const group = entry.layers[key].cluster;
    for (let round = 0; round < 40; round++) {
      const parents = new Set();
      entry.layers[key].geojson.eachLayer(m => {
        const p = group.getVisibleParent(m);
        if (p && p !== m && p.getChildCount && !group._spiderfied) parents.add(p);
      });
      if (!parents.size) break;
      const cluster = parents.values().next().value;
      cluster.fire('click', {latlng: cluster.getLatLng()}, true);  // what a tap does
      clicks++;
      await settle();
      deepest = Math.max(deepest, map.getZoom());
      if (group._spiderfied) {  // then the next layer, from the start
        spiderfied++; group._unspiderfy();
        map.setView(start, startZoom, {animate: false}); await settle(); break;
      }
    }
  }
  return {deepest: deepest, max: map.getMaxZoom(), spiderfied: spiderfied, clicks: clicks};
}"""


def test_opening_clusters_stops_at_the_zoom_cap_and_spiderfies_there(browser: Any, tmp_path: Path) -> None:
    registry = load_registry(check=False)
    page = _open(browser, tmp_path, maps.region_map(registry, "nijmegen"), "nijmegen", (1400, 900))
    found = page.evaluate(OPEN_ALL)
    assert found["max"] == maps.MAX_ZOOM == 15
    assert found["clicks"] > 0
    assert found["deepest"] <= 15
    assert found["spiderfied"] >= 1  # sites that share a place open beside each other at the cap
    page.context.close()


def test_a_search_hit_that_shares_its_place_opens_at_the_zoom_cap(browser: Any, tmp_path: Path) -> None:
    """The search zooms a clustered site into view: for a site with the same coordinates as
    another one that went to the deepest zoom (18, a scale of about 30 m); now to the cap."""
    registry = load_registry(check=False)
    built = maps.region_map(registry, "nijmegen")
    html = maps.page_html(built)
    placed = [s for s in registry.sites if s.location.has_coordinates and f'"id":"{s.id}"' in html]
    at: dict[tuple[float | None, float | None], list[str]] = {}
    for s in placed:
        at.setdefault((s.location.lat, s.location.lon), []).append(s.name)
    shared = sorted(names for names in at.values() if len(names) > 1)
    assert shared  # the case under test: two sites at one place
    name = shared[0][0]
    page = _open(browser, tmp_path, built, "nijmegen", (1400, 900))
    page.fill(".lp-search input", name)
    page.locator(".lp-search li button").first.click()
    page.wait_for_selector(".leaflet-popup-content .lp-popup", timeout=8000)
    page.wait_for_timeout(800)
    assert page.evaluate("() => window.lifeport.maps[0].map.getZoom()") <= 15  # maps.MAX_ZOOM
    assert page.locator(".leaflet-popup-content h3").first.text_content() == name
    page.context.close()


POPUP_BOX = """() => {
  const w = document.querySelector('.leaflet-popup-content-wrapper');
  if (!w) return null;
  const r = w.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];
}"""


@pytest.mark.parametrize("region", ["nijmegen", "dresden"])
def test_a_popup_stays_inside_the_window_when_the_phone_turns(
    browser: Any, tmp_path: Path, region: str
) -> None:
    registry = load_registry(check=False)
    built = maps.region_map(registry, region)
    page = _open(browser, tmp_path, built, region, (390, 844))
    # the site of the region with the most employee figures: the longest popup
    site = max(
        (s for s in registry.sites if s.location.has_coordinates and s.id in maps.page_html(built)),
        key=lambda s: (len(s.employees), len(s.sources), s.id),
    )
    assert page.evaluate(OPEN_POPUP, site.id) is True
    page.wait_for_timeout(1200)
    before = page.evaluate(POPUP_BOX)
    assert before is not None and before[3] <= 844 + 0.5
    page.set_viewport_size({"width": 844, "height": 390})  # the phone turns
    page.wait_for_timeout(1500)
    page.screenshot(path=str(SCREENSHOTS / f"popup-turned-{region}.png"))
    left, top, right, bottom, width, height = page.evaluate(POPUP_BOX)
    assert (width, height) == (844, 390)
    assert left >= -0.5 and top >= -0.5 and right <= width + 0.5 and bottom <= height + 0.5
    page.context.close()
