"""The JavaScript and CSS a map page needs, read from the xstatic packages on PyPI that ship
Leaflet and Leaflet.markercluster, and leaflet.fullscreen 5.3.3 (MIT, from the npm package,
kept in render/vendor/ because PyPI has no package of it), so every page embeds them and opens
with no network.

Images the Leaflet stylesheet refers to are inlined as data: URIs; a page never asks for a file
next to it, so a map keeps working when it is mailed or archived on its own.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def _markercluster_dir() -> Path:
    import xstatic.pkg.leaflet_markercluster as markercluster

    return Path(markercluster.BASE_DIR)


def _inline_images(css: str, base: Path) -> str:
    def data_uri(match: re.Match[str]) -> str:
        name = match.group(1)
        image = base / name
        if not image.is_file():
            return "none"
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    return re.sub(r"url\((images/[A-Za-z0-9_.-]+\.png)\)", data_uri, css)


def _default_icon(leaflet: Path) -> str:
    """Leaflet's blue marker as data: URIs: Leaflet finds its default icon by the stylesheet's
    path, which an embedded stylesheet has not, so a ``folium.Marker`` a user adds asked for
    ``marker-icon.png`` next to the page (refused by the page's img-src: no icon at all)."""

    def uri(name: str) -> str:
        encoded = base64.b64encode((leaflet / "images" / name).read_bytes()).decode("ascii")
        return "data:image/png;base64," + encoded

    urls = {
        "iconUrl": "marker-icon.png",
        "iconRetinaUrl": "marker-icon-2x.png",
        "shadowUrl": "marker-shadow.png",
    }
    options = ", ".join(f'{key}: "{uri(name)}"' for key, name in urls.items())
    return f'L.Icon.Default.imagePath = ""; L.Icon.Default.mergeOptions({{{options}}});'


def _vendor(name: str) -> str:
    from importlib.resources import files

    return files("lifeport_map.render").joinpath("vendor", name).read_text("utf-8")


def script_body(js: str) -> str:
    # A script element ends at the first "</script" whatever the JavaScript around it means.
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


@cache
def leaflet_versions() -> dict[str, str]:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    return {"leaflet": leaflet.VERSION, "leaflet.markercluster": markercluster.VERSION}


@cache
def inline_head() -> str:
    """<style> and <script> elements with Leaflet and Leaflet.markercluster embedded."""
    leaflet, cluster = _leaflet_dir(), _markercluster_dir()
    css = _inline_images((leaflet / "leaflet.css").read_text(encoding="utf-8"), leaflet)
    cluster_css = (cluster / "MarkerCluster.css").read_text(encoding="utf-8")
    versions = leaflet_versions()
    parts = [
        f"<!-- Leaflet {versions['leaflet']} (BSD-2-Clause), embedded -->",
        f"<style>{css}</style>",
        f"<style>{cluster_css}</style>",
        f"<script>{script_body((leaflet / 'leaflet.js').read_text(encoding='utf-8'))}</script>",
        f"<script>{_default_icon(leaflet)}</script>",
        f"<!-- Leaflet.markercluster {versions['leaflet.markercluster']} (MIT), embedded -->",
        "<script>"
        + script_body((cluster / "leaflet.markercluster.js").read_text(encoding="utf-8"))
        + "</script>",
        "<!-- leaflet.fullscreen 5.3.3 (MIT), embedded -->",
        f"<style>{_vendor('Control.FullScreen.css')}</style>",
        f"<script>{script_body(_vendor('Control.FullScreen.js'))}\n"
        # folium's plugins.Fullscreen calls the factory that version 5 no longer defines.
        "L.control.fullscreen = L.control.fullscreen || function (o) { return new L.Control.FullScreen(o); };"
        "</script>",
    ]
    return "\n".join(parts)
