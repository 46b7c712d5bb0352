"""Place names of the HTML maps' base layer yield to the sites: once the clusters have settled,
no shown place name touches a dot, a cluster, a region's name or a control or is cut by the
map's edge (on a desktop and a phone screen), and places are still named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lifeport_map.registry import load_registry
from lifeport_map.render import maps

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

SHOWN = """() => {
  const box = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const visible = n => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const cities = Array.from(document.querySelectorAll('.lp-city-name')).filter(visible)
    .map(n => ({name: n.textContent, box: box(n)}));
  const marks = Array.from(document.querySelectorAll(
    '.lp-site, .lp-cluster, .leaflet-control, .lp-region-name')).filter(visible)
    .map(n => ({name: n.className + ' ' + n.textContent.slice(0, 30), box: box(n)}));
  const map = box(document.querySelector('.leaflet-container'));
  return {cities: cities, marks: marks, map: map};
}"""


def _meet(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _open_offline(browser: Any, path: Path, built: Any, viewport: tuple[int, int]) -> Any:
    """A page of ``built`` written to ``path`` and opened with every request but file: and data:
    refused, once its maps exist and their clusters, region and place names have been placed."""
    path.write_text(maps.page_html(built), encoding="utf-8")
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    page.wait_for_timeout(2500)  # clusters animate in; region and place names are placed after
    return page


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
@pytest.mark.parametrize("build", ["nl", "region"])
def test_place_names_touch_no_dot_cluster_or_region_name(
    browser: Any, tmp_path: Path, viewport: tuple[int, int], build: str
) -> None:
    registry = load_registry(check=False)
    built = maps.nl_map(registry) if build == "nl" else maps.region_map(registry, "nijmegen")
    page = _open_offline(browser, tmp_path / f"{build}.html", built, viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"places-{build}-{viewport[0]}.png"))
    found = page.evaluate(SHOWN)
    assert len(found["cities"]) >= 5  # places are still named
    touching = [
        (c["name"], m["name"]) for c in found["cities"] for m in found["marks"] if _meet(c["box"], m["box"])
    ]
    assert touching == []
    left, top, right, bottom = found["map"]
    cut = [c["name"] for c in found["cities"] if not (c["box"][0] >= left and c["box"][2] <= right)]
    cut += [c["name"] for c in found["cities"] if not (c["box"][1] >= top and c["box"][3] <= bottom)]
    assert cut == []  # no name is cut by the map's edge
    page.close()


OWN = """() => {
  const box = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return Array.from(document.querySelectorAll('.leaflet-container')).map(map => {
    const own = map.querySelector('.lp-own .lp-city-name');
    const shown = own && own.getBoundingClientRect().width > 0
      && own.closest('.lp-city').style.display !== 'none';
    return {name: own ? own.textContent : null, shown: !!shown, box: own ? box(own) : null, map: box(map),
            controls: Array.from(map.querySelectorAll('.leaflet-control, .lp-region-name')).map(box)};
  });
}"""


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
@pytest.mark.parametrize("build", ["nijmegen", "leuven", "compare"])
def test_a_regions_own_city_is_named_on_its_map(
    browser: Any, tmp_path: Path, viewport: tuple[int, int], build: str
) -> None:
    from maps_support import coverages_of

    registry = load_registry(check=False)
    regions = ["nijmegen", "dresden", "leuven"]
    if build == "compare":
        built = maps.compare_page(registry, regions, coverages=coverages_of(registry, regions))
    else:
        built = maps.region_map(registry, build)
    page = _open_offline(browser, tmp_path / f"{build}.html", built, viewport)
    page.screenshot(path=str(SCREENSHOTS / f"own-{build}-{viewport[0]}.png"), full_page=True)
    found = page.evaluate(OWN)
    wanted = ["Nijmegen", "Dresden", "Leuven"] if build == "compare" else [build.capitalize()]
    assert [(m["name"], m["shown"]) for m in found] == [(name, True) for name in wanted]
    for m in found:
        assert [c for c in m["controls"] if _meet(m["box"], c)] == []  # no control, no region name
        left, top, right, bottom = m["map"]
        assert left <= m["box"][0] and m["box"][2] <= right and top <= m["box"][1] and m["box"][3] <= bottom
    page.close()


CENTRES = """() => {
  const box = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const visible = n => n.getBoundingClientRect().width > 0 && n.closest('.lp-city').style.display !== 'none';
  const map = document.querySelector('.leaflet-container');
  return {
    names: Array.from(map.querySelectorAll('.lp-centre .lp-city-name')).filter(visible)
      .map(n => ({name: n.textContent, box: box(n)})),
    marks: Array.from(map.querySelectorAll('.lp-site, .lp-cluster, .leaflet-control, .lp-region-name'))
      .filter(n => n.getBoundingClientRect().width > 0).map(box),
    map: box(map),
  };
}"""


@pytest.mark.parametrize("viewport", [(1400, 900), (390, 844)])
def test_bijlage_1_names_the_cities_of_its_regions(
    browser: Any, tmp_path: Path, viewport: tuple[int, int]
) -> None:
    """Bijlage 1 names the centre of every Dutch region it outlines (Nijmegen, Eindhoven, ...)
    even where the dots crowd around it, clear of every dot, cluster, control and region name."""
    registry = load_registry(check=False)
    wanted = sorted(r.centre_place for r in registry.regions.values() if r.country == "NL")
    assert {"Nijmegen", "Eindhoven"} <= set(wanted)
    page = _open_offline(browser, tmp_path / "nl.html", maps.nl_map(registry), viewport)
    page.screenshot(path=str(SCREENSHOTS / f"centres-nl-{viewport[0]}.png"))
    found = page.evaluate(CENTRES)
    assert sorted(n["name"] for n in found["names"]) == wanted
    left, top, right, bottom = found["map"]
    for n in found["names"]:
        assert [m for m in found["marks"] if _meet(n["box"], m)] == [], n["name"]
        assert left <= n["box"][0] and n["box"][2] <= right and top <= n["box"][1] and n["box"][3] <= bottom
    page.close()


def test_bijlage_1_names_the_largest_cities_among_the_dots(browser: Any, tmp_path: Path) -> None:
    """Issue 14, fifth round: at 1400x900 Bijlage 1 named neither Den Haag nor Amsterdam (nor
    Almere): every side of them touched a dot of the Delft region or the Amsterdam sites. A city
    of 100,000 inhabitants or more also tries the four spots diagonally beside it, and its name
    still touches no dot, cluster, control or region name."""
    registry = load_registry(check=False)
    page = _open_offline(browser, tmp_path / "nl.html", maps.nl_map(registry), (1400, 900))
    found = page.evaluate(SHOWN)
    shown = {c["name"]: c["box"] for c in found["cities"]}
    assert {"Den Haag", "Amsterdam", "Rotterdam", "Almere"} <= set(shown)
    for name in ("Den Haag", "Amsterdam", "Almere"):
        assert [m["name"] for m in found["marks"] if _meet(shown[name], m["box"])] == [], name
    page.close()
