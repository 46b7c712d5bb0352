"""A folium plugin added to a map the Python API returns (issue 17): the page's
Content-Security-Policy allows what folium links for it, by exact URL, and nothing more.

The maps embed everything they need and allow only their own inline scripts (by hash). A
plugin such as ``folium.plugins.MiniMap`` makes folium link its library from a CDN in the page's
header; the policy names those https scripts and stylesheets exactly, images and fonts from the
stylesheets' servers and the plugin's tile server, so the plugin works where there is a network.
The browser side is tests/browser/test_map_plugins_in_chromium.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import folium
import folium.plugins
import pytest
from branca.element import CssLink, JavascriptLink

from lifeport_map import load_registry, map_compare, map_nl, map_region
from lifeport_map.render.maps import page_html
from tests.conftest import MINI

INLINE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


@pytest.fixture(scope="module")
def registry() -> Any:
    return load_registry(MINI / "companies.yaml", MINI / "regions")


def policy(html: str) -> dict[str, list[str]]:
    [content] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    return {name: values for name, *values in (part.split() for part in content.split("; "))}


def inline_hashes(html: str) -> list[str]:
    """The SHA-256 of every inline script (not the JSON data, not a linked one), in page order."""
    found: list[str] = []
    for attributes, text in INLINE.findall(html):
        if "application/json" in attributes or "src=" in attributes:
            continue
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
        if digest not in found:
            found.append(digest)
    return found


def test_a_map_as_returned_links_nothing(registry: Any) -> None:
    html = page_html(map_region(registry, "nijmegen"))
    csp = policy(html)
    assert csp["script-src"] == inline_hashes(html)
    assert (csp["style-src"], csp["img-src"], csp["font-src"]) == (
        ["'unsafe-inline'"],
        ["data:", "blob:"],
        ["data:"],
    )
    assert "https://" not in html.split("</head>")[0].split("Content-Security-Policy")[0]


@pytest.mark.parametrize("build", ["nl", "region", "compare"])
def test_a_plugin_added_to_a_returned_map_is_allowed_by_its_exact_urls(
    registry: Any, build: str, tmp_path: Path
) -> None:
    built = {
        "nl": lambda: map_nl(registry),
        "region": lambda: map_region(registry, "nijmegen"),
        "compare": lambda: map_compare(registry, ["nijmegen", "dresden"]),
    }[build]()
    target = built.maps[0] if build == "compare" else built
    minimap = folium.plugins.MiniMap()
    minimap.add_to(target)
    folium.plugins.Draw().add_to(target)
    saved = tmp_path / "with-plugins.html"
    built.save(str(saved))  # as a notebook user would
    html = saved.read_text(encoding="utf-8")
    csp = policy(html)
    # what folium links for the two plugins, as the plugins declare it
    scripts = [url for cls in (folium.plugins.MiniMap, folium.plugins.Draw) for _, url in cls.default_js]
    styles = [url for cls in (folium.plugins.MiniMap, folium.plugins.Draw) for _, url in cls.default_css]
    assert all(f'<script src="{url}">' in html for url in scripts)
    assert csp["script-src"] == inline_hashes(html) + scripts
    assert csp["style-src"] == ["'unsafe-inline'", *styles]
    servers = sorted({f"https://{urlsplit(url).netloc}" for url in styles})
    tiles = f"https://{urlsplit(minimap.tile_layer.tiles).netloc}"
    assert csp["img-src"] == ["data:", "blob:", *sorted({*servers, tiles})]
    assert csp["font-src"] == ["data:", *servers]
    assert (csp["default-src"], csp["base-uri"], csp["form-action"]) == (["'none'"], ["'none'"], ["'none'"])
    assert "connect-src" not in csp  # data by URL stays blocked (default-src 'none')


def test_a_link_that_is_not_a_plain_https_url_is_not_allowed(registry: Any) -> None:
    built = map_region(registry, "nijmegen")
    header = built.get_root().header
    for n, url in enumerate(
        [
            "https://evil.example/a.js; script-src *",
            "https://evil.example/a.js 'unsafe-inline'",
            "http://plain.example/a.js",
            "javascript:alert(1)",
            "//cdn.example/a.js",
        ]
    ):
        header.add_child(JavascriptLink(url), name=f"bad_js_{n}")
        header.add_child(CssLink(url.replace(".js", ".css")), name=f"bad_css_{n}")
    csp = policy(page_html(built))
    assert csp["script-src"] == inline_hashes(page_html(built))
    assert csp["style-src"] == ["'unsafe-inline'"]
    assert (csp["img-src"], csp["font-src"]) == (["data:", "blob:"], ["data:"])


def _with_user_elements(registry: Any) -> str:
    """A map as a user extends it: a MiniMap (its tile layer is an attribute, not a child),
    Draw, and a feature group with a marker; folium gives each element a random id."""
    built = map_nl(registry)
    folium.plugins.MiniMap().add_to(built)
    folium.plugins.Draw().add_to(built)
    group = folium.FeatureGroup(name="mine").add_to(built)
    folium.Marker([51.84, 5.86]).add_to(group)
    return page_html(built)


def test_elements_a_user_adds_get_the_same_ids_every_time(registry: Any) -> None:
    first, second = _with_user_elements(registry), _with_user_elements(registry)
    assert first == second
    # the MiniMap's own tile layer is numbered like every other element, not left random
    [tile_layer] = re.findall(r"var (tile_layer_\w+) = L\.tileLayer", first)
    assert re.fullmatch(r"tile_layer_\d{4}", tile_layer)
    assert len(set(re.findall(r"\b(?:marker|feature_group|draw_control|mini_map)_\w+", first))) >= 4
