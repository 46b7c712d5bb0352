"""A folium plugin added to a returned map works under the page's Content-Security-Policy
(issue 17): the plugin's CDN script and stylesheet are served by the test (no network), the
plugin draws its control, and the policy reports no violation; a script from another URL on
the same CDN is still refused. A screenshot goes to out/screenshots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import folium.plugins
import pytest

from lifeport_map import load_registry, map_region
from tests.conftest import MINI

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
# Stands in for Leaflet-MiniMap: a control with a box the stylesheet colours.
STUB_JS = (
    "L.Control.MiniMap = L.Control.extend({onAdd: function () {"
    " return L.DomUtil.create('div', 'stub-minimap'); }});"
    " window.__plugin = 'loaded';"
)
STUB_CSS = ".stub-minimap { width: 120px; height: 90px; background: rgb(204, 0, 0); }"
VIOLATIONS = (
    "window.__violations = []; document.addEventListener('securitypolicyviolation',"
    " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def test_a_minimap_added_to_a_returned_map_loads_under_the_policy(browser: Any, tmp_path: Path) -> None:
    built = map_region(load_registry(MINI / "companies.yaml", MINI / "regions"), "nijmegen")
    folium.plugins.MiniMap().add_to(built)
    path = tmp_path / "minimap.html"
    built.save(str(path))
    [(_, js_url)] = folium.plugins.MiniMap.default_js
    [(_, css_url)] = folium.plugins.MiniMap.default_css
    served: list[str] = []
    aborted: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        elif url == js_url:
            served.append(url)
            r.fulfill(status=200, content_type="application/javascript", body=STUB_JS)
        elif url == css_url:
            served.append(url)
            r.fulfill(status=200, content_type="text/css", body=STUB_CSS)
        else:
            aborted.append(url)
            r.abort()

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", route)
    page.add_init_script(VIOLATIONS)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    assert page.evaluate("() => window.__plugin") == "loaded"
    box = page.locator(".stub-minimap")
    assert box.count() == 1
    assert (
        box.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(204, 0, 0)"
    )  # its stylesheet applied
    assert page.evaluate("() => window.__violations") == []
    assert errors == [] and sorted(served) == sorted([js_url, css_url]) and aborted == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "plugin-minimap.png"))
    # the policy names the plugin's file, not its server: another script there is refused
    other = js_url.rsplit("/", 1)[0] + "/other.js"
    page.evaluate(
        "url => { const s = document.createElement('script'); s.src = url; document.head.append(s); }", other
    )
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("() => window.__violations") == [f"script-src-elem {other}"]
    page.close()


def test_layers_added_to_a_returned_map_are_drawn_and_listed(browser: Any, tmp_path: Path) -> None:
    """A FeatureGroup and a GeoJson added to a finished map (after its layer control) used to
    stop the page's script: the control listed them before their script had made them, and the
    map stayed blank. Now the sites are drawn and the control lists both layers."""
    built = map_region(load_registry(MINI / "companies.yaml", MINI / "regions"), "nijmegen", lang="en")
    group = folium.FeatureGroup(name="My circles").add_to(built)
    folium.CircleMarker([51.84, 5.86], radius=14, color="#cc0000", fill=True).add_to(group)
    square = [[[5.80, 51.80], [5.90, 51.80], [5.90, 51.88], [5.80, 51.88], [5.80, 51.80]]]
    shape = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": square}, "properties": {}}
    folium.GeoJson(shape, name="My square").add_to(built)
    folium.Marker([51.86, 5.95], tooltip="My marker").add_to(built)
    path = tmp_path / "layers.html"
    built.save(str(path))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(VIOLATIONS)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    assert errors == []
    # Leaflet's default marker (a folium.Marker's) is embedded: it loads, nothing is refused.
    icon = page.locator("img.leaflet-marker-icon[src^='data:image/png']")
    assert icon.count() == 1
    page.wait_for_function("() => document.querySelector('img.leaflet-marker-icon').complete")
    assert icon.evaluate("e => e.naturalWidth") == 25
    assert page.evaluate("() => window.__violations") == []
    listed = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert any("My circles" in t for t in listed) and any("My square" in t for t in listed)
    assert page.locator("path.leaflet-interactive[stroke='#cc0000']").count() == 1
    assert page.locator(".leaflet-marker-icon").count() > 0  # the registry's sites
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "user-layers.png"))
    page.close()
