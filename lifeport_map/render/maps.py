"""Interactive maps (folium) for Bijlage 1 (the Dutch chain), one region, and Bijlage 2 (regions
side by side), built as folium objects; saving them is a separate step (``page_html``).

Sites go in as one GeoJSON FeatureCollection per layer (one layer per phase, one for knowledge
institutes, one for the rest); a site active in several phases is a feature in each of its
phase layers, drawn as a dot per phase a few pixels apart. All registry text reaches the page
through ``render.safe.html_text``; Leaflet is embedded, so a page needs no network.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from lifeport_map.boundaries import Outline, region_outline
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, Registry, Site
from lifeport_map.render.safe import html_link, html_text, script_json
from lifeport_map.render.style import (
    APPROXIMATE_OUTLINE_STYLE,
    CLUSTER_OFFSET_FACTOR,
    CLUSTER_SIZE_PX,
    KNOWLEDGE,
    LAYER_OFFSETS,
    MARKER_SIZE_PX,
    OTHER,
    OUTLINE_STYLE,
    PANEL_HEIGHT_PX,
    PANEL_WIDTH_PX,
    PIPELINE,
    label,
    layer_colour,
)
from lifeport_map.taxonomy import Taxonomy

if TYPE_CHECKING:
    import folium
    from branca.element import Figure

TILES: dict[str, tuple[str, str] | None] = {
    "none": None,
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" '
            'rel="noopener noreferrer">OpenStreetMap</a> contributors'),
    "carto": ("https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
              '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" '
              'rel="noopener noreferrer">OpenStreetMap</a> contributors &copy; '
              '<a href="https://carto.com/attributions" target="_blank" '
              'rel="noopener noreferrer">CARTO</a>'),
}
MAX_ZOOM = 18
PANEL_MAX_ZOOM = 12


# --- data: which layers a site is in, its popup, the feature collections ---------------------

def layer_ids(taxonomy: Taxonomy) -> list[str]:
    """All layers in legend order: the phases in chain order, knowledge institutes, the rest,
    and the pipeline (planned or under construction)."""
    return [*taxonomy.phase_ids, KNOWLEDGE, OTHER, PIPELINE]


def site_layers(site: Site, taxonomy: Taxonomy) -> list[str]:
    """The layers a site is drawn in. Active sites: each phase the coverage analysis counts
    them in, plus knowledge institutes; a site in neither shows in 'other'. Planned sites and
    sites under construction form the pipeline layer; closed sites are not drawn."""
    from lifeport_map.analysis.coverage import COUNTED_STATUSES, PIPELINE_STATUSES, activities_in_phase

    if site.status in PIPELINE_STATUSES:
        return [PIPELINE]
    if site.status not in COUNTED_STATUSES:
        return []
    layers = [p for p in taxonomy.phase_ids if activities_in_phase(site, p, taxonomy)]
    if site.kind in taxonomy.knowledge_kinds:
        layers.append(KNOWLEDGE)
    return layers or [OTHER]


def layer_name(layer: str, taxonomy: Taxonomy, lang: str) -> str:
    if layer in taxonomy.phase_ids:
        return taxonomy.label("phases", layer, lang)
    return label(layer, lang)


def layer_counts(sites: Iterable[Site], taxonomy: Taxonomy) -> dict[str, int]:
    """Sites per layer, counted as coverage counts them (with or without coordinates)."""
    counts = dict.fromkeys(layer_ids(taxonomy), 0)
    for site in sites:
        for layer in site_layers(site, taxonomy):
            counts[layer] += 1
    return counts


def popup_html(site: Site, taxonomy: Taxonomy, lang: str) -> str:
    """The popup of a site: every registry value escaped, links only to plain http(s) URLs."""
    def row(key: str, value_html: str) -> str:
        return f"<tr><th>{html_text(label(key, lang))}</th><td>{value_html}</td></tr>"

    activities = ", ".join(html_text(taxonomy.label("activities", a, lang))
                           for a in site.activities)
    employees = "<br>".join(
        f"{'≈' if e.approximate else ''}{e.value:,}".replace(",", "." if lang == "nl" else ",")
        + f" ({html_text(label('year', lang))} {e.year}"
        + (f", {html_text(e.scope)}" if e.scope else "")
        + f"; {html_text(label('source', lang))}: "
        + (html_link(e.url) if e.url else html_text(e.reference)) + ")"
        for e in sorted(site.employees, key=lambda e: (-e.year, e.value)))
    loc = site.location
    where = html_text(", ".join(x for x in (loc.place, loc.country) if x))
    if loc.precision:
        where += f" ({html_text(taxonomy.label('precisions', loc.precision, lang))})"
    rows = [
        row("organisation", html_text(site.organisation)),
        row("kind", html_text(taxonomy.label("kinds", site.kind, lang))),
        row("activities", activities),
    ]
    if employees:
        rows.append(row("employees", employees))
    rows.append(row("status", html_text(taxonomy.label("statuses", site.status, lang))))
    rows.append(row("precision", where))
    if site.website:
        rows.append(row("website", html_link(site.website)))
    sources = "".join(
        "<li>" + (html_link(s.url, s.title or s.url) if s.url else html_text(s.reference))
        + (f" ({s.year})" if s.year else "") + "</li>" for s in site.sources)
    return (f'<div class="lp-popup"><h3>{html_text(site.name)}</h3>'
            f'<table>{"".join(rows)}</table>'
            f'<p class="lp-sources-title">{html_text(label("sources", lang))}</p>'
            f'<ol class="lp-sources">{sources}</ol></div>')


def site_collections(sites: Iterable[Site], taxonomy: Taxonomy, lang: str
                     ) -> dict[str, dict[str, Any]]:
    """One GeoJSON FeatureCollection per layer, of the sites that have coordinates."""
    features: dict[str, list[dict[str, Any]]] = {layer: [] for layer in layer_ids(taxonomy)}
    for site in sorted(sites, key=lambda s: s.id):
        loc = site.location
        if loc.lat is None or loc.lon is None:
            continue
        popup = popup_html(site, taxonomy, lang)
        for layer in site_layers(site, taxonomy):
            features[layer].append({
                "type": "Feature",
                "id": f"{layer}/{site.id}",
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": {
                    "site": site.id, "layer": layer, "name": site.name,
                    "organisation": site.organisation, "status": site.status,
                    "tip": html_text(site.name), "popup": popup,
                },
            })
    return {layer: {"type": "FeatureCollection", "features": items}
            for layer, items in features.items()}


# --- folium elements without CDN links ---------------------------------------------------------

def _classes() -> dict[str, Any]:
    """folium subclasses that embed their assets instead of linking to CDNs (built lazily, so
    importing this module does not import folium)."""
    import folium
    from branca.element import MacroElement
    from folium.plugins import MarkerCluster
    from folium.template import Template

    class OfflineMap(folium.Map):
        default_js: list[tuple[str, str]] = []  # noqa: RUF012 - folium reads it per class
        default_css: list[tuple[str, str]] = []  # noqa: RUF012 - folium reads it per class
        _template = Template("""
            {% macro header(this, kwargs) %}
            <style>#{{ this.get_name() }} { position: relative; width: {{ this.width[0] }}{{
                this.width[1] }}; height: {{ this.height[0] }}{{ this.height[1] }}; }</style>
            {% endmacro %}
            {% macro html(this, kwargs) %}{{ this.before_html }}<div class="folium-map lp-map"
                id={{ this.get_name()|tojson }}></div>{{ this.after_html }}{% endmacro %}
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {
                center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }},
                ...{{ this.options|tojavascript }}
            });
            L.control.scale({imperial: false}).addTo({{ this.get_name() }});
            {% endmacro %}
        """)

        def __init__(self, *args: Any, before_html: str = "", after_html: str = "",
                     **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.before_html = before_html
            self.after_html = after_html

    class OfflineMarkerCluster(MarkerCluster):
        default_js: list[tuple[str, str]] = []  # noqa: RUF012 - folium reads it per class
        default_css: list[tuple[str, str]] = []  # noqa: RUF012 - folium reads it per class

    class Script(MacroElement):
        """A script whose text is built at render time, once element names are final."""

        _template = Template("{% macro script(this, kwargs) %}{{ this.code() }}{% endmacro %}")

        def __init__(self, build: Any) -> None:
            super().__init__()
            self._name = "Script"
            self.build = build

        def code(self) -> str:
            return str(self.build())

    return {"Map": OfflineMap, "MarkerCluster": OfflineMarkerCluster, "Script": Script}


PAGE_CSS = """
<style>
html, body { margin: 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
.leaflet-container { background: #eef2f5; font: inherit; font-size: 13px; }
.lp-site { border-radius: 50%; border: 1.5px solid #ffffff; box-shadow: 0 0 1px #000; }
.lp-site.lp-status-closed { opacity: .45; }
.lp-cluster-pipeline { color: #000; border: 2px dashed #000; }
.lp-site.lp-status-planned, .lp-site.lp-status-under-construction { border-style: dashed;
  border-color: #000; }
.lp-cluster { border-radius: 50%; color: #fff; font-weight: 700; font-size: 12px;
  display: flex; align-items: center; justify-content: center; border: 2px solid #fff;
  box-shadow: 0 0 2px #000; opacity: .92; }
.lp-box { background: rgba(255,255,255,.95); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); line-height: 1.45; }
.lp-box h2 { font-size: 14px; margin: 0 0 4px 0; }
.lp-swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  vertical-align: -1px; margin-right: 4px; border: 1px solid #fff; box-shadow: 0 0 1px #000; }
.lp-legend table { border-collapse: collapse; } .lp-legend td { padding: 0 4px; }
.lp-legend td.lp-count { text-align: right; font-variant-numeric: tabular-nums; }
.lp-note { font-size: 11px; color: #555; max-width: 260px; }
.lp-outline-key { display: inline-block; width: 18px; border-top: 2px dashed #333;
  vertical-align: middle; margin-right: 4px; }
.lp-search input { width: 210px; padding: 4px; font: inherit; }
.lp-search ul { list-style: none; margin: 4px 0 0 0; padding: 0; max-height: 220px;
  overflow-y: auto; }
.lp-search li button { display: block; width: 100%; text-align: left; border: 0;
  background: none; padding: 2px 0; cursor: pointer; font: inherit; }
.lp-search li button:hover { text-decoration: underline; }
.lp-popup h3 { font-size: 14px; margin: 0 0 4px 0; } .lp-popup a { overflow-wrap: anywhere; }
.lp-popup th { text-align: left;
  vertical-align: top; padding-right: 6px; font-weight: 600; }
.lp-popup ol { margin: 2px 0 0 0; padding-left: 18px; } .lp-sources-title { margin: 6px 0 0 0;
  font-weight: 600; }
.lp-title { padding: 0; } .lp-title h1 { font-size: 20px; margin: 0 0 4px 0; }
.lp-panel { width: PANEL_WIDTHpx; } .lp-panel h2 { font-size: 16px; margin: 0; }
.lp-panel .lp-def { font-size: 12px; color: #555; margin: 0 0 4px 0; min-height: 4.4em; }
.lp-region-label { background: none; border: 0; box-shadow: none; font-weight: 700; color: #333;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; }
.lp-panel .lp-map { border: 1px solid #999; }
.lp-coverage { width: 100%; border-collapse: collapse; margin-top: 6px; font-size: 13px; }
.lp-coverage td { padding: 2px 4px; border-bottom: 1px solid #eee; }
.lp-coverage td.lp-count { text-align: right; width: 34px; font-variant-numeric: tabular-nums; }
.lp-bar { height: 10px; border-radius: 2px; } .lp-bar-cell { width: 45%; }
.lp-whole { font-size: 12px; margin: 4px 0 0 0; }
.lp-top-legend .lp-legend { display: inline-block; }
</style>
""".replace("PANEL_WIDTH", str(PANEL_WIDTH_PX))


SINGLE_CSS = "<style>html, body { height: 100%; } .lp-map { height: 100vh !important; }</style>"
MULTI_CSS = ("<style>body { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; "
             "padding: 12px 16px; box-sizing: border-box; } .lp-title, .lp-top-legend "
             "{ flex-basis: 100%; padding: 0; margin: 0; }</style>")


# --- building blocks --------------------------------------------------------------------------

def _new_map(*, lang: str, tiles: str, title: str, center: Sequence[float], zoom: int,
             width: str | int = "100%", height: str | int = "100%", interactive_zoom: bool = True,
             before_html: str = "", after_html: str = "") -> folium.Map:
    import folium

    classes = _classes()
    options: dict[str, Any] = {"maxZoom": MAX_ZOOM}
    if not interactive_zoom:
        options.update(zoom_control=False, scroll_wheel_zoom=False, double_click_zoom=False,
                       touch_zoom=False, box_zoom=False, keyboard=False)
    fmap = classes["Map"](location=list(center), zoom_start=zoom, tiles=None, width=width,
                          height=height, before_html=before_html, after_html=after_html,
                          **options)
    tile = TILES.get(tiles)
    if tiles not in TILES:
        from lifeport_map.errors import UsageError

        raise UsageError(f"unknown tiles '{tiles}'", hint="use none, osm or carto")
    if tile is not None:
        folium.TileLayer(tiles=tile[0], attr=tile[1], name=tiles, max_zoom=MAX_ZOOM,
                         control=False).add_to(fmap)
    return fmap


def _page(fmap_or_figure: Any, title: str, *, single: bool) -> Figure:
    """The root figure with the embedded assets, page CSS and title."""
    from branca.element import Element, Figure

    from lifeport_map.render.assets import inline_head

    figure = fmap_or_figure if isinstance(fmap_or_figure, Figure) else fmap_or_figure.get_root()
    figure.title = html_text(title)
    figure.header.add_child(Element('<meta charset="utf-8">'), name="lp_charset")
    figure.header.add_child(Element(
        '<meta name="viewport" content="width=device-width, initial-scale=1">'),
        name="lp_viewport")
    figure.header.add_child(Element(inline_head()), name="lp_assets")
    figure.header.add_child(Element(PAGE_CSS), name="lp_css")
    figure.header.add_child(Element(SINGLE_CSS if single else MULTI_CSS), name="lp_layout")
    return figure


def _icon_create(layer: str) -> str:
    dx, dy = LAYER_OFFSETS.get(layer, (0, 0))
    half = CLUSTER_SIZE_PX / 2
    colour = layer_colour(layer)
    ax, ay = half - dx * CLUSTER_OFFSET_FACTOR, half - dy * CLUSTER_OFFSET_FACTOR
    return (f"function(cluster) {{ return L.divIcon({{html: String(cluster.getChildCount()), "
            f"className: 'lp-cluster lp-cluster-{layer}', iconSize: L.point({CLUSTER_SIZE_PX}, "
            f"{CLUSTER_SIZE_PX}), iconAnchor: L.point({ax}, {ay})}}); }} /* {colour} */")


def _site_style(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature["properties"]
    dx, dy = LAYER_OFFSETS.get(props["layer"], (0, 0))
    half = MARKER_SIZE_PX / 2
    return {"className": f"lp-site lp-layer-{props['layer']} lp-status-{props['status']}",
            "iconAnchor": [half - dx, half - dy]}


def _layer_css(layers: Iterable[str]) -> str:
    return "<style>" + "".join(
        f".lp-layer-{layer}, .lp-cluster-{layer} {{ background: {layer_colour(layer)}; }}"
        for layer in layers) + "</style>"


# Popups and tooltips are bound to each marker: the markers live in a cluster group, so a popup
# bound to the GeoJSON group (folium's GeoJsonPopup) would never open. The strings are HTML
# that render.safe.html_text built; they arrive as JSON data, never as JavaScript source.
SITE_BINDINGS_JS = """function(feature, layer) {
    layer.bindPopup(feature.properties.popup, {maxWidth: 380});
    layer.bindTooltip(feature.properties.tip);
}"""


def _add_site_layers(fmap: folium.Map, sites: Sequence[Site], taxonomy: Taxonomy, lang: str, *,
                     counts: dict[str, int], control: bool) -> dict[str, tuple[Any, Any]]:
    """One clustered GeoJSON layer per non-empty layer; returns layer -> (cluster, geojson)."""
    import folium
    from folium.utilities import JsCode

    classes = _classes()
    out: dict[str, tuple[Any, Any]] = {}
    for layer, collection in site_collections(sites, taxonomy, lang).items():
        if not collection["features"]:
            continue
        name = (f'<span class="lp-swatch" style="background:{layer_colour(layer)}"></span>'
                f"{html_text(layer_name(layer, taxonomy, lang))} ({counts.get(layer, 0)})")
        cluster = classes["MarkerCluster"](
            name=name, control=control, icon_create_function=_icon_create(layer),
            options={"maxClusterRadius": 35, "showCoverageOnHover": False,
                     "spiderfyOnMaxZoom": True, "chunkedLoading": True})
        cluster.add_to(fmap)
        marker = folium.Marker(icon=folium.DivIcon(
            html="", icon_size=(MARKER_SIZE_PX, MARKER_SIZE_PX), class_name="lp-site"))
        geojson = folium.GeoJson(
            collection, name=f"sites-{layer}", control=False, marker=marker,
            style_function=_site_style, on_each_feature=JsCode(SITE_BINDINGS_JS))
        geojson.add_to(cluster)
        out[layer] = (cluster, geojson)
    return out


def _outline_features(registry: Registry, outlines: Sequence[tuple[Region, Outline]], lang: str
                      ) -> dict[str, Any]:
    features = []
    for region, outline in outlines:
        definition = region.definition(outline.definition)
        note = label("approximate_outline" if outline.approximate else "official_outline", lang)
        features.append({
            "type": "Feature", "id": f"outline/{region.id}", "geometry": outline.geometry,
            "properties": {"region": region.id, "approximate": outline.approximate,
                           "tip": f"<b>{html_text(region.text(lang))}</b><br>"
                                  f"{html_text(definition.text(lang))}<br><i>{html_text(note)}</i>"},
        })
    return {"type": "FeatureCollection", "features": features}


def _add_outlines(fmap: folium.Map, registry: Registry,
                  outlines: Sequence[tuple[Region, Outline]], lang: str, *,
                  name_labels: bool = False) -> Any:
    import folium

    collection = _outline_features(registry, outlines, lang)
    if not collection["features"]:
        return None
    layer = folium.GeoJson(
        collection, name="outlines", control=False,
        style_function=lambda f: dict(APPROXIMATE_OUTLINE_STYLE if f["properties"]["approximate"]
                                      else OUTLINE_STYLE),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, localize=False, sticky=True))
    layer.add_to(fmap)
    if name_labels:
        # Without a basemap the reader needs the region names to find their way.
        names = {"type": "FeatureCollection", "features": [
            {**f, "properties": {"name": html_text(region.text(lang))}}
            for f, (region, _) in zip(collection["features"], outlines, strict=True)]}
        folium.GeoJson(names, name="outline-names", control=False,
                       style_function=lambda f: {"stroke": False, "fill": False},
                       tooltip=folium.GeoJsonTooltip(
                           fields=["name"], labels=False, localize=False, permanent=True,
                           direction="top", class_name="lp-region-label")).add_to(fmap)
    return layer


def legend_html(taxonomy: Taxonomy, counts: dict[str, int], lang: str, *, unplaced: int = 0,
                approximate: bool = False, title: str | None = None) -> str:
    """The legend: a swatch, label and site count per layer (data-layer/data-count for tests)."""
    rows = "".join(
        f'<tr data-layer="{html_text(layer)}"><td><span class="lp-swatch" '
        f'style="background:{layer_colour(layer)}"></span>'
        f"{html_text(layer_name(layer, taxonomy, lang))}</td>"
        f'<td class="lp-count" data-count="{counts.get(layer, 0)}">{counts.get(layer, 0)}</td></tr>'
        for layer in layer_ids(taxonomy)
        if layer in taxonomy.phase_ids or layer == KNOWLEDGE or counts.get(layer))
    notes = []
    if approximate:
        notes.append(f'<span class="lp-outline-key"></span>'
                     f'{html_text(label("approximate_outline", lang))}')
    if unplaced:
        notes.append(f'<span data-unplaced="{unplaced}">{unplaced} '
                     f'{html_text(label("sites", lang))} {html_text(label("unplaced", lang))}</span>')
    note_html = "".join(f'<div class="lp-note">{n}</div>' for n in notes)
    heading = html_text(title or label("legend", lang))
    return (f'<div class="lp-box lp-legend"><h2>{heading}</h2><table>{rows}</table>'
            f"{note_html}</div>")


def _controls_script(fmap: folium.Map, layers: dict[str, tuple[Any, Any]], *,
                     legend: str | None, search: bool, lang: str, fit: list[list[float]] | None,
                     panel_region: str | None = None) -> Any:
    """Legend, name search and a handle the browser tests read (window.lifeport)."""
    classes = _classes()

    def build() -> str:
        refs = ",".join(f"{script_json(k)}:{{cluster:{c.get_name()},geojson:{g.get_name()}}}"
                        for k, (c, g) in layers.items())
        parts = [f"(function(){{var map={fmap.get_name()};var layers={{{refs}}};",
                 "window.lifeport=window.lifeport||{maps:[]};",
                 f"window.lifeport.maps.push({{map:map,layers:layers,region:"
                 f"{script_json(panel_region)}}});"]
        if fit:
            parts.append(f"map.fitBounds({script_json(fit)},{{padding:[20,20]}});")
        if legend is not None:
            parts.append("var legend=L.control({position:'bottomleft'});"
                         "legend.onAdd=function(){var d=L.DomUtil.create('div');"
                         f"d.innerHTML={script_json(legend)};"
                         "L.DomEvent.disableClickPropagation(d);return d;};legend.addTo(map);")
        if search:
            parts.append(SEARCH_JS % {"placeholder": script_json(label("search", lang)),
                                      "nomatch": script_json(label("no_match", lang))})
        parts.append("})();")
        return "".join(parts)

    script = classes["Script"](build)
    script.add_to(fmap)
    return script


SEARCH_JS = """
var fold=function(s){return String(s).normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();};
var index=[];var seen={};
Object.keys(layers).forEach(function(k){layers[k].geojson.eachLayer(function(m){
  var p=m.feature.properties;if(seen[p.site]){return;}seen[p.site]=true;
  index.push({key:fold(p.name+' '+p.organisation),name:p.name,org:p.organisation,marker:m,layer:k});});});
index.sort(function(a,b){return a.name<b.name?-1:(a.name>b.name?1:0);});
var box=L.control({position:'topleft'});
box.onAdd=function(){var d=L.DomUtil.create('div','lp-box lp-search');
  var input=L.DomUtil.create('input','',d);input.type='search';input.placeholder=%(placeholder)s;
  input.setAttribute('aria-label',%(placeholder)s);var list=L.DomUtil.create('ul','',d);
  input.addEventListener('input',function(){list.textContent='';var q=fold(input.value.trim());
    if(!q){return;}var hits=index.filter(function(e){return e.key.indexOf(q)>=0;}).slice(0,12);
    if(!hits.length){var li=L.DomUtil.create('li','',list);li.textContent=%(nomatch)s;return;}
    hits.forEach(function(e){var li=L.DomUtil.create('li','',list);
      var b=L.DomUtil.create('button','',li);
      b.type='button';b.textContent=e.name+(e.org&&e.org!==e.name?' ('+e.org+')':'');
      b.addEventListener('click',function(){var g=layers[e.layer].cluster;
        if(!map.hasLayer(g)){map.addLayer(g);}
        g.zoomToShowLayer(e.marker,function(){e.marker.openPopup();});});});});
  L.DomEvent.disableClickPropagation(d);L.DomEvent.disableScrollPropagation(d);return d;};
box.addTo(map);
"""


def _bounds(points: Iterable[tuple[float, float]]) -> list[list[float]] | None:
    pts = list(points)
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _geometry_points(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list) and len(value) == 2 and all(
                isinstance(v, (int, float)) for v in value):
            out.append((float(value[1]), float(value[0])))
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(geometry.get("coordinates", []))
    return out


def _placed(sites: Iterable[Site]) -> list[tuple[float, float]]:
    return [(s.location.lat, s.location.lon) for s in sites
            if s.location.lat is not None and s.location.lon is not None]


# --- the maps ---------------------------------------------------------------------------------

def dutch_sites(registry: Registry) -> tuple[Site, ...]:
    return tuple(s for s in registry.sites if s.location.country == "NL")


def nl_map(registry: Registry, *, lang: str = "nl", tiles: str = "none") -> folium.Map:
    """Bijlage 1: every Dutch site by phase, the Dutch regions' outlines, legend and search."""
    import folium

    sites = dutch_sites(registry)
    taxonomy = registry.taxonomy
    counts = layer_counts(sites, taxonomy)
    title = label("nl_title", lang)
    fmap = _new_map(lang=lang, tiles=tiles, title=title, center=(52.2, 5.3), zoom=7)
    outlines = [(r, region_outline(registry, r)) for r in
                sorted(registry.regions.values(), key=lambda r: r.id) if r.country == "NL"]
    _add_outlines(fmap, registry, outlines, lang, name_labels=True)
    layers = _add_site_layers(fmap, sites, taxonomy, lang, counts=counts, control=True)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    unplaced = sum(1 for s in sites if not s.location.has_coordinates)
    legend = legend_html(taxonomy, counts, lang, unplaced=unplaced,
                         approximate=any(o.approximate for _, o in outlines), title=title)
    points = _placed(sites) + [p for _, o in outlines for p in _geometry_points(o.geometry)]
    _controls_script(fmap, layers, legend=legend, search=True, lang=lang, fit=_bounds(points))
    _page(fmap, title, single=True)
    return fmap


def region_map(registry: Registry, region: str, *, definition: str | None = None,
               lang: str = "nl", tiles: str = "none") -> folium.Map:
    """One region in detail: its sites under the chosen definition and its outline."""
    import folium

    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    sites = region_sites(registry, found, chosen.id)
    taxonomy = registry.taxonomy
    counts = layer_counts(sites, taxonomy)
    title = f"{found.text(lang)}: {chosen.text(lang)}"
    outline = region_outline(registry, found, chosen.id)
    fmap = _new_map(lang=lang, tiles=tiles, title=title, center=found.centre, zoom=10)
    _add_outlines(fmap, registry, [(found, outline)], lang)
    layers = _add_site_layers(fmap, sites, taxonomy, lang, counts=counts, control=True)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    legend = legend_html(taxonomy, counts, lang,
                         unplaced=sum(1 for s in sites if not s.location.has_coordinates),
                         approximate=outline.approximate, title=title)
    points = _placed(sites) + _geometry_points(outline.geometry)
    _controls_script(fmap, layers, legend=legend, search=True, lang=lang, fit=_bounds(points),
                     panel_region=found.id)
    _page(fmap, title, single=True)
    return fmap


def _mercator(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = 256 * 2 ** zoom
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def common_zoom(extents: Sequence[list[list[float]]], *, width: int = PANEL_WIDTH_PX,
                height: int = PANEL_HEIGHT_PX, max_zoom: int = PANEL_MAX_ZOOM) -> int:
    """The largest zoom at which every extent fits its panel, so all panels share one scale."""
    for zoom in range(max_zoom, 0, -1):
        fits = True
        for (south, west), (north, east) in extents:
            x0, y0 = _mercator(north, west, zoom)
            x1, y1 = _mercator(south, east, zoom)
            if x1 - x0 > width - 30 or y1 - y0 > height - 30:
                fits = False
                break
        if fits:
            return zoom
    return 1


def panel_coverage_html(result: dict[str, Any], lang: str, *, scale_max: int) -> str:
    """Under a panel: per phase a swatch, label, count and a bar on a scale shared by panels."""
    rows = []
    for phase in result["phases"]:
        width = 0 if scale_max == 0 else round(100 * phase["count"] / scale_max)
        rows.append(
            f'<tr data-phase="{html_text(phase["phase"])}"><td><span class="lp-swatch" '
            f'style="background:{layer_colour(phase["phase"])}"></span>{html_text(phase["label"])}'
            f'</td><td class="lp-count" data-count="{phase["count"]}">{phase["count"]}</td>'
            f'<td class="lp-bar-cell"><div class="lp-bar" style="width:{width}%;background:'
            f'{layer_colour(phase["phase"])}"></div></td></tr>')
    whole = label("yes" if result["whole_chain"] else "no", lang)
    return (f'<table class="lp-coverage" data-region="{html_text(result["region"]["id"])}">'
            f'<caption style="text-align:left;font-weight:600">{html_text(label("coverage", lang))}'
            f'</caption>{"".join(rows)}</table>'
            f'<p class="lp-whole">{html_text(label("whole_chain", lang))}: {html_text(whole)}</p>')


def compare_page(registry: Registry, regions: Sequence[str], *, lang: str = "nl",
                 tiles: str = "none") -> Figure:
    """Bijlage 2: one panel per region side by side, same scale and legend, coverage below."""
    from branca.element import Element, Figure

    from lifeport_map.analysis.coverage import coverage

    found: list[Region] = []
    for name in regions:
        region = resolve_region(registry, name)
        if all(region.id != r.id for r in found):
            found.append(region)
    if not found:
        from lifeport_map.errors import UsageError

        raise UsageError("no regions to compare", hint="name two or more regions")
    taxonomy = registry.taxonomy
    figure = Figure(height="100%")
    title = label("compare_title", lang)
    results = [coverage(registry, r.id, lang=lang) for r in found]
    outlines = [region_outline(registry, r) for r in found]
    members = [region_sites(registry, r) for r in found]
    extents = []
    for sites, outline in zip(members, outlines, strict=True):
        extent = _bounds(_placed(sites) + _geometry_points(outline.geometry))
        assert extent is not None  # an outline always has points
        extents.append(extent)
    zoom = common_zoom(extents)
    scale_max = max((p["count"] for res in results for p in res["phases"]), default=0)
    all_counts: dict[str, int] = dict.fromkeys(layer_ids(taxonomy), 0)
    for sites in members:
        for key, value in layer_counts(sites, taxonomy).items():
            all_counts[key] += value
    names = ", ".join(r.text(lang) for r in found)
    figure.html.add_child(Element(
        f'<header class="lp-title"><h1>{html_text(title)}</h1><div class="lp-note">'
        f'{html_text(names)}. {html_text(label("scale_note", lang))}</div></header>'
        f'<div class="lp-top-legend">'
        f'{legend_html(taxonomy, all_counts, lang, approximate=any(o.approximate for o in outlines))}'
        f'</div>'), name="lp_head")
    for region, result, outline, sites, extent in zip(found, results, outlines, members, extents,
                                                      strict=True):
        centre = ((extent[0][0] + extent[1][0]) / 2, (extent[0][1] + extent[1][1]) / 2)
        before = (f'<section class="lp-panel" data-region="{html_text(region.id)}">'
                  f"<h2>{html_text(region.text(lang))}</h2>"
                  f'<p class="lp-def">{html_text(label("definition", lang))}: '
                  f'{html_text(result["definition"]["name"])} ({result["sites"]} '
                  f'{html_text(label("sites", lang))})</p>')
        after = panel_coverage_html(result, lang, scale_max=scale_max) + "</section>"
        fmap = _new_map(lang=lang, tiles=tiles, title=region.text(lang), center=centre, zoom=zoom,
                        width=PANEL_WIDTH_PX, height=PANEL_HEIGHT_PX, interactive_zoom=False,
                        before_html=before, after_html=after)
        figure.add_child(fmap)
        _add_outlines(fmap, registry, [(region, outline)], lang)
        layers = _add_site_layers(fmap, sites, taxonomy, lang,
                                  counts=layer_counts(sites, taxonomy), control=False)
        _controls_script(fmap, layers, legend=None, search=False, lang=lang, fit=None,
                         panel_region=region.id)
    _page(figure, title, single=False)
    return figure


def per_marker_map(registry: Registry, *, lang: str = "nl") -> folium.Map:
    """Benchmark baseline only: one folium Marker object per site and phase (slow, large)."""
    import folium

    sites = dutch_sites(registry)
    taxonomy = registry.taxonomy
    fmap = _new_map(lang=lang, tiles="none", title="baseline", center=(52.2, 5.3), zoom=7)
    for site in sites:
        if site.location.lat is None or site.location.lon is None:
            continue
        for layer in site_layers(site, taxonomy):
            folium.Marker(
                [site.location.lat, site.location.lon],
                icon=folium.DivIcon(html="", icon_size=(MARKER_SIZE_PX, MARKER_SIZE_PX),
                                    class_name=f"lp-site lp-layer-{layer}"),
                popup=folium.Popup(popup_html(site, taxonomy, lang)),
            ).add_to(fmap)
    _page(fmap, "baseline", single=True)
    return fmap


# --- saving -----------------------------------------------------------------------------------

_RANDOM_ID = re.compile(r"\b([a-z_]+)_([0-9a-f]{32})\b")


def _number_elements(root: Any) -> None:
    """Replace folium's random element ids by their position in the tree (deterministic)."""
    counter = 0

    def walk(element: Any) -> None:
        nonlocal counter
        counter += 1
        element._id = f"{counter:04d}"
        for child in list(getattr(element, "_children", {}).values()):
            walk(child)

    walk(root)


def page_html(element: Any) -> str:
    """The complete, self-contained HTML page of a map or compare figure.

    Identical input gives identical bytes: element ids are numbered in tree order, and any id
    created during rendering is renumbered in order of first appearance.
    """
    from branca.element import Figure

    root = element if isinstance(element, Figure) else element.get_root()
    _number_elements(root)
    html = root.render()
    seen: dict[str, str] = {}

    def renumber(match: re.Match[str]) -> str:
        key = match.group(2)
        if key not in seen:
            seen[key] = f"r{len(seen) + 1:04d}"
        return f"{match.group(1)}_{seen[key]}"

    html = _RANDOM_ID.sub(renumber, html)
    layers = layer_ids_in(root)
    html = html.replace("</head>", _layer_css(layers) + "\n</head>", 1)
    return html


def layer_ids_in(root: Any) -> list[str]:
    from lifeport_map.render.style import PHASE_COLOURS

    return list(PHASE_COLOURS)
