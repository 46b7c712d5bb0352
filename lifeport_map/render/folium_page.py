"""folium objects for the interactive maps: a Figure that embeds every asset and numbers its
elements deterministically, a Map that brings no CDN link, and the element that draws the sites.

folium builds the map, its marker clusters (``plugins.MarkerCluster``, one per layer), the layer
control, the full-screen button (``plugins.Fullscreen``) and optional tile layers; a notebook
shows the returned object and a user can add layers to it. What folium would do unsafely or
slowly is done by map_page.js from one JSON data element per page: every site's record once,
popups and tooltips built with textContent (folium's Popup and Tooltip put text into innerHTML),
the search (leaflet-search also writes its tips as innerHTML) and the vector base map.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import jinja2

_EAGER_TEMPLATE = jinja2.Template
_COMPILING = threading.RLock()


class LazyTemplate(jinja2.Template):
    """``jinja2.Template``, compiled on first use when it was made while folium is imported.

    folium and branca build over 80 templates in their class bodies (one per element class,
    each plugin included); compiling them took about 0.17 s of every map command, which renders
    six. While ``_import_folium`` imports them, ``jinja2.Template`` is this class, so branca's
    ``Template`` and folium's (a subclass) are too. A template made then keeps its arguments and
    is compiled by ``jinja2.Template`` itself when any of its attributes (its environment,
    render function, blocks, module, ...) is first read, once also when threads ask at the
    same time; methods such as ``render`` and ``make_module`` read them, so they work unchanged.
    Outside that import every template is compiled at once, exactly as ``jinja2.Template``
    does, so a template with an error still fails where it is made."""

    _deferring: ClassVar[bool] = False

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if not LazyTemplate._deferring:
            return super().__new__(cls, *args, **kwargs)
        template = object.__new__(cls)
        template.__dict__["_lazy_arguments"] = (args, kwargs)
        return template

    def __getattr__(self, name: str) -> Any:
        # Only called for an attribute the instance lacks: all of them, until it is compiled.
        # A template has no attributes of Python's own names (abc asks every class attribute
        # for ``__isabstractmethod__``): those are not looked for in the compiled one.
        if name.startswith("__"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        # One thread compiles; another that asks meanwhile waits and then reads the result.
        with _COMPILING:
            pending = self.__dict__.get("_lazy_arguments")
            if pending is not None:
                args, kwargs = pending
                compiled = _EAGER_TEMPLATE.__new__(type(self), *args, **kwargs)
                self.__dict__.update(compiled.__dict__)
                # The compiled code names its template (for tracebacks into it): this one.
                self.root_render_func.__globals__["__jinja_template__"] = self
                del self.__dict__["_lazy_arguments"]
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None


@contextmanager
def templates_compiled_on_use() -> Iterator[None]:
    """While inside, ``jinja2.Template`` is ``LazyTemplate`` and the templates it makes are
    compiled on first use (for the import of folium and branca, and for tests)."""
    jinja2.Template = LazyTemplate  # type: ignore[misc]
    LazyTemplate._deferring = True
    try:
        yield
    finally:
        LazyTemplate._deferring = False
        jinja2.Template = _EAGER_TEMPLATE  # type: ignore[misc]


class ImportedOnUse(types.ModuleType):
    """Stands in for a module that folium imports at once but uses only in a feature these maps
    never use: the real module is imported when one of its attributes is first read, and every
    attribute is read from it. It stands in ``sys.modules`` only while folium is imported
    (``_import_folium``), so only folium's own modules hold it, and anything imported later gets
    the real module."""

    def __getattr__(self, name: str) -> Any:
        # Only called for an attribute the stand-in lacks (it has a name, no __spec__ or __path__).
        if sys.modules.get(self.__name__) is self:  # read while folium is still being imported
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


# folium.features imports requests (and with it urllib3, http.client, ssl, idna and charset
# detection, about 0.1 s) only to fetch a GeoJson layer's data given as a URL.
IMPORTED_ON_USE = ("requests",)


def _import_folium() -> Any:
    """folium imports pandas only to accept DataFrames, which these maps never pass; skipping
    it saves about half a second on every map command. A process that already imported pandas
    keeps it. requests is imported when folium first uses it (``ImportedOnUse``): about 0.1 s
    less. folium's and branca's own templates are compiled on first use (``LazyTemplate``):
    about 0.17 s less on every map command."""
    if "folium.plugins" in sys.modules:
        import folium
        import folium.plugins

        return folium
    blocked = "pandas" not in sys.modules
    if blocked:
        sys.modules["pandas"] = None  # type: ignore[assignment]
    standins = {name: ImportedOnUse(name) for name in IMPORTED_ON_USE if name not in sys.modules}
    sys.modules.update(standins)
    try:
        with templates_compiled_on_use():
            import folium
            import folium.plugins
    finally:
        if blocked:
            del sys.modules["pandas"]
        for name, standin in standins.items():
            if sys.modules.get(name) is standin:
                del sys.modules[name]
    return folium


folium: Any = _import_folium()
_Map: Any = folium.Map
_MarkerCluster: Any = folium.plugins.MarkerCluster
_Fullscreen: Any = folium.plugins.Fullscreen
from branca.element import Element, Figure, MacroElement  # noqa: E402
from folium.template import Template  # noqa: E402


def stable_ids(root: Any, *, skip: tuple[Any, ...] = ()) -> None:
    """Replace folium's random element ids by their position in the tree, so the same map
    gives the same bytes (also after a user added elements). ``skip``: subtrees not numbered
    (the figure's header, html and script parts, which rendering fills)."""
    counter = 0
    seen = {id(root)} | {id(s) for s in skip}

    def walk(element: Any) -> None:
        nonlocal counter
        # Its children, then elements it keeps as attributes only (MiniMap's tile layer, which
        # it renders itself), by attribute name; its parent and figure are not its own.
        owned = list(element._children.values())
        owned += [
            value
            for name, value in sorted(vars(element).items())
            if name not in ("_parent", "_children") and isinstance(value, Element)
        ]
        for child in owned:
            # Rendering itself adds helpers (a layer's ".addTo(map)"): not numbered, so a second
            # render numbers the user's elements exactly as the first did.
            if id(child) in seen or type(child).__name__ == "ElementAddToElement":
                continue
            seen.add(id(child))
            counter += 1
            child._id = f"{counter:04d}"
            walk(child)

    walk(root)


class RawHtml(Element):
    """Markup placed into the page exactly as given. branca's ``Element(text)`` compiles its text
    as a Jinja template, so ``{{ ... }}`` or ``{% ... %}`` in registry text inside it would run
    as template code (with access to Python objects); this element is never a template, and a
    3 MB data block is not lexed on every render either."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_text = html

    def render(self, **kwargs: Any) -> str:
        return self.html_text


class LifeportFigure(Figure):
    """The page: Leaflet, its plugins and the page script embedded in the head, the data of
    every map as one JSON element in the body; ids numbered before each render."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang_attr }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>{{ this.title_text }}</title>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        '<body class="{{ this.body_class }}">\n'
        "{{ this.html.render(**kwargs) }}\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(
        self, *, title: str, lang: str, head: str, body_before: str = "", single: bool = True
    ) -> None:
        from lifeport_map.render.safe import html_text

        super().__init__(height="100%", width="100%")
        self.title_text = html_text(title)  # registry text (a region's name): escaped
        self.lang_attr = html_text(lang)
        self.body_class = "lp-single" if single else "lp-multi"
        self.head_html = head
        self.body_before = body_before
        self.maps: list[Any] = []
        self.data: dict[str, Any] = {"labels": {}, "maps": []}

    def render(self, **kwargs: Any) -> str:
        from lifeport_map.render.safe import script_json

        parts = (self.header, self.html, self.script)
        # What rendering adds to the three parts is added again on every render, under the new
        # names: start each render from what they held before the first.
        if not hasattr(self, "_baseline"):
            self._baseline = [dict(p._children) for p in parts]
        for part, baseline in zip(parts, self._baseline, strict=True):
            part._children = type(part._children)(baseline)
        for fmap in self.maps:
            fmap.keep_last()
        stable_ids(self, skip=parts)
        self.header.add_child(RawHtml(self.head_html), name="lp_head", index=0)
        if self.body_before:
            self.html.add_child(RawHtml(self.body_before), name="lp_before", index=0)
        data = script_json(self.data)
        self.html.add_child(
            RawHtml(f'<script type="application/json" id="lp-data">{data}</script>'), name="lp_data"
        )
        html: str = super().render(**kwargs)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html, self)}">'
        return html.replace('<meta charset="utf-8">\n', f'<meta charset="utf-8">\n{meta}\n', 1)


# An inline script element (its attributes, its text): the text ends at the first "</script",
# which assets.script_body keeps out of every script's text.
_SCRIPT_START = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)


def script_elements(html: str) -> list[tuple[str, str]]:
    """Each script element's attributes and text, in page order: what the one pattern
    ``<script\\b([^>]*)>(.*?)</script\\s*>`` (ignoring case, ``.`` matching newlines) finds
    with ``findall``. Found as a start tag and then the first end tag after it: ten times faster
    than that pattern, whose lazy ``.*?`` tried an end tag at every character of the 3 MB data
    block of a large map (40 ms at 10,000 sites)."""
    found: list[tuple[str, str]] = []
    position = 0
    while (start := _SCRIPT_START.search(html, position)) is not None:
        end = _SCRIPT_END.search(html, start.end())
        if end is None:  # no end tag after this start tag, so none after any later one either
            break
        found.append((start.group(1), html[start.end() : end.start()]))
        position = end.end()
    return found


NONE = "'none'"
_HOST_SOURCE = re.compile(r"https://(\*\.)?[a-z0-9.-]+(:[0-9]+)?")


def content_security_policy(html: str, root: Any) -> str:
    """The page's Content-Security-Policy, which keeps it working offline and nothing more:
    only its own inline scripts run (each allowed by its SHA-256 hash, so a script that markup
    in the data might smuggle in would not), styles are inline, images are data: URIs (plus the
    tile server of a background map, when one is asked for), nothing is fetched, no form is
    sent, no plugin or base URL. A meta element cannot forbid framing; a web server that serves
    the page can add ``frame-ancestors``.

    Elements a user adds to a returned map (``map_nl``, ``map_region``, ``map_compare``) are
    allowed too: their inline scripts by hash, the https scripts and stylesheets folium links for
    a plugin (``folium.plugins.MiniMap``, ``Draw``, ...) by their exact URL, images and fonts from
    those stylesheets' servers, and tile layers' servers; such a page needs a network for them.
    Anything else a plugin fetches (``connect-src``: data by URL) stays blocked."""
    import base64
    import hashlib

    hashes: list[str] = []
    for attributes, text in script_elements(html):
        if "application/json" in attributes.lower():  # a data block: never executed
            continue
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE):  # a linked script: by its URL
            continue
        # the HTML parser turns CR LF and lone CR into LF before the browser hashes the text
        body = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
        digest = f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode('ascii')}'"
        if digest not in hashes:
            hashes.append(digest)
    scripts, styles = _linked_sources(root)
    style_servers = sorted({_origin(url) for url in styles})
    images = ["data:", "blob:", *sorted(_tile_sources(root) | set(style_servers))]
    style_sources = ["'unsafe-inline'", *styles]
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {' '.join([*hashes, *scripts]) or NONE}",
            f"style-src {' '.join(style_sources)}",
            f"img-src {' '.join(images)}",
            f"font-src {' '.join(['data:', *style_servers])}",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


# An https URL a policy may name exactly: no quote, space, semicolon or comma to break out of it.
_LINKED_URL = re.compile(r"https://[a-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9._~!$&()*+=:@%/-]*", re.IGNORECASE)


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    return f"https://{urlsplit(url).netloc.lower()}"


def _linked_sources(root: Any) -> tuple[list[str], list[str]]:
    """The https scripts and stylesheets the page links (folium links a plugin's libraries from
    a CDN in the page's header), each once, in page order; other URLs are left out (blocked)."""
    from branca.element import CssLink, JavascriptLink

    scripts: list[str] = []
    styles: list[str] = []

    def walk(element: Any) -> None:
        for child in element._children.values():
            url = getattr(child, "url", None)
            if isinstance(url, str) and _LINKED_URL.fullmatch(url):
                if isinstance(child, JavascriptLink) and url not in scripts:
                    scripts.append(url)
                elif isinstance(child, CssLink) and url not in styles:
                    styles.append(url)
            walk(child)

    # folium links a plugin's files in the figure's header, which is not among its children
    for part in (root, *(getattr(root, name, None) for name in ("header", "html", "script"))):
        if part is not None:
            walk(part)
    return scripts, styles


def _tile_sources(root: Any) -> set[str]:
    """The https servers of the tile layers in the page ("{s}" subdomains as a wildcard)."""
    from urllib.parse import urlsplit

    found: set[str] = set()

    def walk(element: Any) -> None:
        for child in element._children.values():
            # a tile layer, or one a plugin keeps beside its children (MiniMap's tile_layer)
            for layer in (child, getattr(child, "tile_layer", None)):
                template = getattr(layer, "tiles", None)
                if isinstance(template, str) and template.startswith("https://"):
                    host = re.sub(r"^\{[a-z]\}\.", "*.", urlsplit(template).netloc.lower())
                    source = f"https://{host}"
                    if _HOST_SOURCE.fullmatch(source):
                        found.add(source)
            walk(child)

    walk(root)
    return found


class LifeportMap(_Map):  # type: ignore[misc]
    """A folium Map that links no CDN: its assets are embedded in the figure's head.

    Its last elements (the layer control, the full-screen button and the drawing of the sites:
    ``last``) stay last when a user adds layers to the finished map: folium's layer control
    lists every layer of its map when it is rendered, and a layer added after it was listed
    before its script had made it, which stopped the page's script (a blank map)."""

    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []
    last: tuple[str, ...] = ()

    def keep_last(self) -> None:
        """Move ``last`` behind what was added since (the figure does it before it numbers
        the elements, so a second render numbers them as the first did)."""
        children = self._children
        for name in self.last:
            if name in children:
                children.move_to_end(name)

    def render(self, **kwargs: Any) -> None:
        self.keep_last()
        super().render(**kwargs)


class PanelHtml(MacroElement):
    """HTML placed right after a map's element (the coverage under a Bijlage 2 panel). Built by
    the caller from fixed labels and render.safe.html_text only."""

    _template = Template("{% macro html(this, kwargs) %}{{ this.html_text }}{% endmacro %}")

    def __init__(self, html: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "PanelHtml"
        self.html_text = html


class MetricScale(MacroElement):
    """A metric-only scale bar (folium's control_scale adds miles too)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "MetricScale"


class QuietCluster(_MarkerCluster):  # type: ignore[misc]
    """plugins.MarkerCluster without its CDN links (Leaflet.markercluster is embedded)."""

    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []


class QuietFullscreen(_Fullscreen):  # type: ignore[misc]
    """plugins.Fullscreen without its CDN links (leaflet.fullscreen is embedded)."""

    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []


class SiteLayers(MacroElement):
    """Draws map number ``index`` of the page data into its folium map: context, outlines,
    sites in the clusters, legend and search (map_page.js)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            window.lifeport.draw({{ this._parent.get_name() }}, {{ this.index }}, {
            {%- for layer, cluster in this.clusters %}
                {{ layer|tojson }}: {{ cluster.get_name() }},
            {%- endfor %}
            });
        {% endmacro %}
        """
    )

    def __init__(self, index: int, clusters: list[tuple[str, Any]]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SiteLayers"
        self.index = index
        self.clusters = clusters


def new_map(
    figure: LifeportFigure,
    spec: dict[str, Any],
    *,
    tiles: tuple[str, str] | None,
    layer_control: bool,
    fullscreen: bool,
    width: str = "100%",
    height: str = "100%",
    after_html: str = "",
) -> Any:
    """A folium map for ``spec`` (its centre, zoom, layers), placed next in ``figure``, with
    ``after_html`` right after its element."""
    options = spec["options"]
    fmap = LifeportMap(
        location=options["center"],
        zoom_start=options["zoom"],
        tiles=None,
        max_zoom=options["maxZoom"],
        control_scale=False,  # MetricScale below: kilometres only
        zoom_control=options.get("zoomControl", True),
        scrollWheelZoom=options.get("scrollWheelZoom", True),
        doubleClickZoom=options.get("doubleClickZoom", True),
        touchZoom=options.get("touchZoom", True),
        boxZoom=options.get("boxZoom", True),
        keyboard=options.get("keyboard", True),
        width=width,
        height=height,
        font_size="13px",  # the pages' text size (folium's own default, 1rem, overrode PAGE_CSS's)
    )
    fmap.options["maxZoom"] = options["maxZoom"]  # folium sets it only with tiles; clusters need it
    figure.add_child(fmap)
    fmap.add_child(MetricScale())
    if after_html:
        fmap.add_child(PanelHtml(after_html))
    if tiles is not None:
        folium.TileLayer(
            tiles=tiles[0], attr=tiles[1], name="tiles", control=False, max_zoom=options["maxZoom"]
        ).add_to(fmap)
    clusters = []
    for layer in spec["layers"]:
        cluster = QuietCluster(
            name=layer["name"],
            control=layer_control,
            options={"maxClusterRadius": 35, "showCoverageOnHover": False, "chunkedLoading": True},
            icon_create_function=f"window.lifeport.clusterIcon({json.dumps(layer['id'])})",
        )
        cluster.add_to(fmap)
        clusters.append((layer["id"], cluster))
    before = len(fmap._children)
    if layer_control:
        folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    if fullscreen:
        QuietFullscreen(position="topleft").add_to(fmap)
    fmap.add_child(SiteLayers(len(figure.data["maps"]), clusters))
    fmap.last = tuple(list(fmap._children)[before:])
    figure.data["maps"].append(spec)
    figure.maps.append(fmap)
    return fmap
