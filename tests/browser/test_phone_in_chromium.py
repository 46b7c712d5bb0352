"""The maps on a phone (390x844, touch) in headless Chromium with the network cut: a search
result is tapped, its popup opens, and no control covers the popup or the search box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lifeport_map.registry import load_registry
from lifeport_map.render import maps

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
PHONE = {"width": 390, "height": 844}
# Every visible Leaflet control, as boxes.
CONTROL_BOXES = """() => Array.from(document.querySelectorAll('.leaflet-control')).filter(
  c => c.offsetParent !== null && getComputedStyle(c).visibility !== 'hidden'
).map(c => { const r = c.getBoundingClientRect();
  return {name: c.className, x: r.left, y: r.top, width: r.width, height: r.height}; })"""


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("build", ["nl", "region"])
def test_a_tapped_search_result_opens_a_popup_no_control_covers(
    browser: Any, tmp_path: Path, build: str
) -> None:
    registry = load_registry(check=False)
    built = maps.nl_map(registry) if build == "nl" else maps.region_map(registry, "nijmegen")
    path = tmp_path / f"{build}.html"
    path.write_text(maps.page_html(built), encoding="utf-8")
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file:", "data:"))
            else (requests.append(r.request.url), r.abort())
        ),
    )
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    # The search box is on screen and no control covers it.
    search = page.locator(".lp-search input").bounding_box()
    assert search is not None and search["x"] >= 0 and search["x"] + search["width"] <= PHONE["width"]
    others = [b for b in page.evaluate(CONTROL_BOXES) if "lp-search" not in b["name"]]
    assert [b["name"] for b in others if _overlap(b, search)] == []
    page.locator(".lp-search input").tap()
    page.keyboard.type("nxp semi")
    result = page.locator(".lp-search li button").first
    result_box = result.bounding_box()
    assert result_box is not None and result_box["height"] >= 32  # a finger-sized target
    result.tap()
    page.wait_for_selector(".leaflet-popup-content .lp-popup", timeout=8000)
    page.wait_for_timeout(500)  # the map pans the popup into view
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"phone-{build}-popup.png"))
    assert "NXP" in page.inner_text(".leaflet-popup-content h3")
    popup = page.locator(".leaflet-popup-content-wrapper").bounding_box()
    assert popup is not None
    assert popup["x"] >= 0 and popup["x"] + popup["width"] <= PHONE["width"]
    covering = [b["name"] for b in page.evaluate(CONTROL_BOXES) if _overlap(b, popup)]
    assert covering == []
    # The result list is gone once a result is chosen; closing the popup brings the controls back.
    assert page.locator(".lp-search li").count() == 0
    page.locator(".leaflet-popup-close-button").tap()
    page.wait_for_timeout(300)
    assert page.locator(".lp-search input").is_visible()
    assert requests == [] and errors == []
    context.close()


LABELS_AND_DOTS = """() => {
  const box = n => { const r = n.getBoundingClientRect();
    return {x: r.left, y: r.top, width: r.width, height: r.height}; };
  const names = Array.from(document.querySelectorAll('.lp-region-label'))
    .filter(n => n.style.display !== 'none').map(n => ({name: n.textContent, ...box(n.firstChild)}));
  const dots = Array.from(document.querySelectorAll('.lp-site, .lp-cluster, .leaflet-control')).map(box);
  return {names: names, dots: dots};
}"""


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_region_names_sit_beside_their_outlines_clear_of_dots(
    browser: Any, tmp_path: Path, viewport: tuple[int, int]
) -> None:
    registry = load_registry(check=False)
    path = tmp_path / "nl.html"
    path.write_text(maps.page_html(maps.nl_map(registry)), encoding="utf-8")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    page.wait_for_timeout(2500)  # clusters animate in, then the names are placed (1 s later)
    found = page.evaluate(LABELS_AND_DOTS)
    names = found["names"]
    for i, name in enumerate(names):
        assert [d for d in found["dots"] if _overlap(name, d)] == [], name["name"]
        assert [o["name"] for o in names[i + 1 :] if _overlap(name, o)] == [], name["name"]
        assert name["x"] >= 0 and name["x"] + name["width"] <= viewport[0]
    if viewport[0] >= 1000:  # on a desktop screen every comparison region is named
        assert len(names) == 4
    page.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("build", ["nl", "dresden"])
def test_a_folded_legend_says_legend_and_opens_to_its_whole_title(
    browser: Any, tmp_path: Path, build: str, lang: str
) -> None:
    """On a phone the legend starts folded: its one line says what opens ("Legenda (aantal
    vestigingen)"), not the map's long title (Bijlage 1's, or Dresden's definition over six
    lines); opened, it shows that whole title above its rows."""
    from lifeport_map.render.labels import label

    registry = load_registry(check=False)
    built = maps.nl_map(registry, lang=lang) if build == "nl" else maps.region_map(registry, build, lang=lang)
    region = registry.regions["dresden"]
    title = label("nl_title", lang) if build == "nl" else f"{region.text(lang)}: "
    path = tmp_path / f"{build}.html"
    path.write_text(maps.page_html(built), encoding="utf-8")
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    summary = page.locator(".leaflet-container .lp-legend summary")
    assert page.locator(".leaflet-container .lp-legend details").get_attribute("open") is None
    assert summary.inner_text() == label("legend", lang)
    folded = summary.bounding_box()
    assert folded is not None and folded["height"] < 20 and folded["width"] < PHONE["width"] - 40  # one line
    page.screenshot(path=str(SCREENSHOTS / f"legend-folded-{build}-{lang}.png"))
    summary.tap()
    whole = page.locator(".leaflet-container .lp-legend .lp-legend-title").inner_text()
    assert summary.inner_text() == whole != label("legend", lang)
    assert page.locator(".leaflet-container .lp-legend table").is_visible()
    assert whole == title if build == "nl" else whole.startswith(title) and len(whole) > 100
    page.screenshot(path=str(SCREENSHOTS / f"legend-open-{build}-{lang}.png"))
    context.close()
