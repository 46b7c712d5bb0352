"""Interactive maps for Bijlage 1 (the Dutch chain), one region, and Bijlage 2 (regions side by
side), built as folium objects (``render.folium_page``); ``page_html`` renders one as a
self-contained HTML page.

Each map's sites are one GeoJSON FeatureCollection with every site once: its record (the popup
fields as data) and the layers it is in. In the browser a small script (map_page.js) builds one
Leaflet GeoJSON layer per phase, knowledge institutes and the rest from that collection, each
inside a marker cluster, so a site active in several phases shows and filters in each of them.
Registry text enters the page only as JSON (``safe.script_json``) shown through textContent, or
as HTML from ``safe.html_text``; Leaflet and its plugins are embedded, so a page needs no
network unless ``tiles`` adds a tile layer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from lifeport_map.boundaries import Outline, region_outline
from lifeport_map.chain import chain_rules
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, Registry, Site
from lifeport_map.numbers import format_date
from lifeport_map.render.labels import count_text
from lifeport_map.render.safe import html_link, html_text, safe_href, visible
from lifeport_map.render.style import (
    APPROXIMATE_OUTLINE_STYLE,
    CLUSTER_OFFSET_FACTOR,
    CLUSTER_SIZE_PX,
    KNOWLEDGE,
    LAYER_OFFSETS,
    MARKER_SIZE_PX,
    OUTLINE_STYLE,
    PANEL_HEIGHT_PX,
    PANEL_WIDTH_PX,
    PHASE_COLOURS,
    counting_text,
    label,
    layer_colour,
)
from lifeport_map.results import Coverage
from lifeport_map.taxonomy import Taxonomy

if TYPE_CHECKING:
    import folium

    from lifeport_map.provenance import Provenance

TILES: dict[str, tuple[str, str] | None] = {
    "none": None,
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" '
        'rel="noopener noreferrer">OpenStreetMap</a> contributors',
    ),
    "carto": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright" target="_blank" '
        'rel="noopener noreferrer">OpenStreetMap</a> contributors &copy; '
        '<a href="https://carto.com/attributions" target="_blank" '
        'rel="noopener noreferrer">CARTO</a>',
    ),
}
# The deepest zoom: about 3 m a pixel, a scale bar of 100-200 m. Coordinates are often only
# those of a town or a campus (``location.precision``), so a deeper zoom shows nothing more
# true; a cluster whose sites still sit within its radius at this zoom spiderfies when opened
# (Leaflet.markercluster does so at the map's maximum zoom) instead of zooming to about 30 m.
MAX_ZOOM = 15
PANEL_MAX_ZOOM = 12
# Coordinates in the page: 5 decimals are about a metre, finer than any site's precision.
COORDINATE_DECIMALS = 5
POPUP_WORDS = (
    "organisation",
    "kind",
    "activities",
    "employees",
    "facility",
    "events",
    "status",
    "precision",
    "website",
    "sources",
    "year",
    "source",
)


# --- data: which layers a site is in, its record, the feature collection ----------------------


def layer_ids(taxonomy: Taxonomy) -> list[str]:
    """All layers in legend order (the rule is ``chain.ChainRules.layer_ids``): the phases in
    chain order, knowledge institutes, the rest, and the pipeline."""
    return list(chain_rules(taxonomy).layer_ids())


def site_layers(site: Site, taxonomy: Taxonomy) -> list[str]:
    """The layers a site is drawn in (the rule is ``chain.ChainRules.layers``)."""
    return list(chain_rules(taxonomy).layers(site.status, site.kind, site.activities, site.served_phases))


def sites_with_layers(sites: Iterable[Site], taxonomy: Taxonomy) -> list[tuple[Site, tuple[str, ...]]]:
    """Each site with its layers. ``site_layers`` depends only on status, kind, activities and
    served phases, and thousands of sites share a few hundred such combinations, so each
    combination is worked out once."""
    known: dict[tuple[Any, ...], tuple[str, ...]] = {}
    out = []
    for site in sites:
        key = (site.status, site.kind, site.activities, site.served_phases)
        layers = known.get(key)
        if layers is None:
            layers = known[key] = tuple(site_layers(site, taxonomy))
        out.append((site, layers))
    return out


def layer_name(layer: str, taxonomy: Taxonomy, lang: str) -> str:
    if layer in taxonomy.phase_ids:
        return taxonomy.label("phases", layer, lang)
    return label(layer, lang)


def layer_counts(sites: Iterable[Site], taxonomy: Taxonomy) -> dict[str, int]:
    """Sites per layer, counted as coverage counts them (with or without coordinates)."""
    return _counts(sites_with_layers(sites, taxonomy), taxonomy)


def _counts(placed: Iterable[tuple[Site, tuple[str, ...]]], taxonomy: Taxonomy) -> dict[str, int]:
    counts = dict.fromkeys(layer_ids(taxonomy), 0)
    for _, layers in placed:
        for layer in layers:
            counts[layer] += 1
    return counts


def _employee_value(value: int, approximate: bool, lang: str) -> str:
    return f"{'≈' if approximate else ''}{value:,}".replace(",", "." if lang == "nl" else ",")


def _number_text(value: float, approximate: bool, lang: str) -> str:
    if value == int(value):
        return _employee_value(int(value), approximate, lang)
    return f"{'≈' if approximate else ''}{value:g}"


def _facility_text(site: Site, taxonomy: Taxonomy, lang: str) -> str:
    """A site's facility in one line: type, wafer sizes, technologies, node, capacity."""
    facility = site.facility
    if facility is None:
        return ""
    parts = [taxonomy.label("facility_types", facility.type, lang)]
    if facility.wafer_mm:
        parts.append("/".join(str(mm) for mm in facility.wafer_mm) + " mm")
    if facility.technologies:
        parts.append(", ".join(taxonomy.label("technologies", t, lang) for t in facility.technologies))
    if facility.node_nm:
        parts.append(f"{facility.node_nm:g} nm")
    cap = facility.capacity
    if cap:
        unit = taxonomy.label("capacity_units", cap.unit, lang)
        parts.append(f"{_number_text(cap.value, cap.approximate, lang)} {unit} ({cap.year})")
    return "; ".join(parts)


def _shown(text: str | None) -> str:
    """Registry text as the page may show it: control and format characters (bidi overrides,
    escapes, line separators) made visible, as ``html_text`` does; the browser sets it as text."""
    return visible(text or "")


def site_record(
    site: Site, layers: Sequence[str], lang: str, *, href: Callable[[str | None], str | None] = safe_href
) -> dict[str, Any]:
    """What the popup, tooltip and search of a site need, as data: registry text as text,
    taxonomy terms as ids (their labels are in the page once), and a link target only for a
    plain http(s) URL (``href``, by default ``safe.safe_href``), else null."""

    def link(text: str, url: str | None) -> list[str | None]:
        return [_shown(text), href(url)]

    loc = site.location
    record: dict[str, Any] = {
        "name": _shown(site.name),
        "org": _shown(site.organisation),
        "kind": site.kind,
        "acts": list(site.activities),
        "status": site.status,
        "layers": list(layers),
        "where": _shown(", ".join(x for x in (loc.place, loc.country) if x)),
    }
    if loc.precision:
        record["prec"] = loc.precision
    if site.employees:
        record["emp"] = [
            [
                _employee_value(e.value, e.approximate, lang),
                e.year,
                _shown(e.scope) or None,
                link(e.url or e.reference, e.url),
            ]
            for e in sorted(site.employees, key=lambda e: (-e.year, e.value))
        ]
    facility = site.facility
    if facility:
        cap = facility.capacity
        record["fac"] = [
            facility.type,
            list(facility.wafer_mm),
            list(facility.technologies),
            f"{facility.node_nm:g}" if facility.node_nm else None,
            [_number_text(cap.value, cap.approximate, lang), cap.unit, cap.year] if cap else None,
        ]
    if site.events:
        record["ev"] = [[format_date(e.date, lang), e.type, _shown(e.note) or None] for e in site.events]
    if site.website:
        record["web"] = link(site.website, site.website)
    record["src"] = [
        [*link((s.title or s.url) if s.url else s.reference, s.url), s.year] for s in site.sources
    ]
    return record


def site_features(sites: Iterable[Site], taxonomy: Taxonomy, lang: str) -> dict[str, Any]:
    """One GeoJSON FeatureCollection of the drawn sites (with coordinates and at least one
    layer), each site once, sorted by id; its layers are a property."""
    return _features(sites_with_layers(sites, taxonomy), lang)


def _features(with_layers: Iterable[tuple[Site, tuple[str, ...]]], lang: str) -> dict[str, Any]:
    # A site's website is usually also its source: each URL is checked once.
    checked: dict[str | None, str | None] = {}

    def href(url: str | None) -> str | None:
        if url not in checked:
            checked[url] = safe_href(url)
        return checked[url]

    features: list[dict[str, Any]] = []
    for site, layers in sorted(with_layers, key=lambda pair: pair[0].id):
        loc = site.location
        if loc.lat is None or loc.lon is None or not layers:
            continue
        features.append(
            {
                "type": "Feature",
                "id": site.id,
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(loc.lon, COORDINATE_DECIMALS), round(loc.lat, COORDINATE_DECIMALS)],
                },
                "properties": site_record(site, layers, lang, href=href),
            }
        )
    # Many sites cite the same source (a seed document, a cluster's member list, a regional
    # report): each distinct source is written once, in the collection's "sources" member, and a
    # record's "src" lists indexes into it.
    table: dict[tuple[Any, ...], int] = {}
    for feature in features:
        record = feature["properties"]
        record["src"] = [table.setdefault((text, url, year), len(table)) for text, url, year in record["src"]]
    return {"type": "FeatureCollection", "features": features, "sources": [list(key) for key in table]}


def popup_html(site: Site, taxonomy: Taxonomy, lang: str) -> str:
    """A site's popup as an HTML string, every registry value escaped, links only to plain
    http(s) URLs. The pages build popups in the browser from ``site_record``; this HTML is the
    one-folium-object-per-marker baseline's, so both show the same fields."""

    def row(key: str, value_html: str) -> str:
        return f"<tr><th>{html_text(label(key, lang))}</th><td>{value_html}</td></tr>"

    activities = ", ".join(html_text(taxonomy.label("activities", a, lang)) for a in site.activities)
    employees = "<br>".join(
        _employee_value(e.value, e.approximate, lang)
        + f" ({html_text(label('year', lang))} {e.year}"
        + (f", {html_text(taxonomy.label('employee_scopes', e.scope, lang))}" if e.scope else "")
        + f"; {html_text(label('source', lang))}: "
        + (html_link(e.url) if e.url else html_text(e.reference))
        + ")"
        for e in sorted(site.employees, key=lambda e: (-e.year, e.value))
    )
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
    if site.facility:
        rows.append(row("facility", html_text(_facility_text(site, taxonomy, lang))))
    if site.events:
        events = "<br>".join(
            html_text(
                f"{format_date(e.date, lang)} {taxonomy.label('event_types', e.type, lang)}"
                + (f": {e.note}" if e.note else "")
            )
            for e in site.events
        )
        rows.append(row("events", events))
    rows.append(row("status", html_text(taxonomy.label("statuses", site.status, lang))))
    rows.append(row("precision", where))
    if site.website:
        rows.append(row("website", html_link(site.website)))
    sources = "".join(
        "<li>"
        + (html_link(s.url, s.title or s.url) if s.url else html_text(s.reference))
        + (f" ({s.year})" if s.year else "")
        + "</li>"
        for s in site.sources
    )
    return (
        f'<div class="lp-popup"><h3>{html_text(site.name)}</h3>'
        f"<table>{''.join(rows)}</table>"
        f'<p class="lp-sources-title">{html_text(label("sources", lang))}</p>'
        f'<ol class="lp-sources">{sources}</ol></div>'
    )


def page_words(taxonomy: Taxonomy, lang: str) -> dict[str, Any]:
    """The popup headings and (under "terms") the taxonomy labels in ``lang``, once per page."""
    words: dict[str, Any] = {key: label(key, lang) for key in POPUP_WORDS}
    words["terms"] = {
        vocabulary: {t.id: t.text(lang) for t in getattr(taxonomy, vocabulary)}
        for vocabulary in (
            "kinds",
            "activities",
            "statuses",
            "precisions",
            "facility_types",
            "technologies",
            "capacity_units",
            "event_types",
            "employee_scopes",
        )
    }
    return words


# --- the page -----------------------------------------------------------------------------------


PAGE_CSS = """
<style>
html, body { margin: 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  Arial, sans-serif; color: #1a1a1a; background: #ffffff; }
.leaflet-container { background: #eef2f5; font: inherit; font-size: 13px; }
.lp-site { border-radius: 50%; border: 1.5px solid #ffffff; box-shadow: 0 0 1px #000; }
.lp-site.lp-status-closed { opacity: .45; }
.lp-cluster.lp-cluster-pipeline { color: #000; border: 2px dashed #000; }
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
.lp-popup h3 { font-size: 14px; margin: 0 0 4px 0; } .lp-popup { overflow-wrap: anywhere; }
.lp-popup th { text-align: left; overflow-wrap: normal; white-space: nowrap;
  vertical-align: top; padding-right: 6px; font-weight: 600; }
.lp-popup ol { margin: 2px 0 0 0; padding-left: 18px; } .lp-sources-title { margin: 6px 0 0 0;
  font-weight: 600; }
.lp-title { padding: 0; } .lp-title h1 { font-size: 20px; margin: 0 0 4px 0; }
.lp-title .lp-note { max-width: 60em; font-size: 13px; }
.lp-panel { width: PANEL_WIDTHpx; } .lp-panel h2 { font-size: 16px; margin: 0; }
.lp-panel h2 .lp-year { display: block; font-size: 14px; }
.lp-panel .lp-def { font-size: 12px; color: #555; margin: 0 0 4px 0; min-height: 4.4em; }
.lp-region-label { background: none; border: 0; white-space: nowrap; }
.lp-region-name { display: inline-block; font-weight: 700; color: #333; font-size: 13px;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; transform: translate(-50%, calc(-100% - 3px)); }
.lp-region-label[data-side=bottom] .lp-region-name { transform: translate(-50%, 3px); }
.lp-region-label[data-side=left] .lp-region-name { transform: translate(calc(-100% - 3px), -50%); }
.lp-region-label[data-side=right] .lp-region-name { transform: translate(3px, -50%); }
.lp-panel .lp-map { border: 1px solid #999; }
.lp-coverage { width: 100%; border-collapse: collapse; margin-top: 6px; font-size: 13px; }
.lp-coverage td { padding: 2px 4px; border-bottom: 1px solid #eee; }
.lp-coverage td.lp-count { text-align: right; width: 34px; font-variant-numeric: tabular-nums; }
.lp-bar { height: 10px; border-radius: 2px; } .lp-bar-cell { width: 45%; }
.lp-whole { font-size: 12px; margin: 4px 0 0 0; }
.lp-top-legend .lp-legend { display: inline-block; }
.lp-credits { flex-basis: 100%; width: 100%; font-size: 11px; color: #555; margin: 10px 0 0 0; }
.leaflet-control-attribution { max-width: 60vw; white-space: normal; font-size: 10px; }
</style>
""".replace("PANEL_WIDTH", str(PANEL_WIDTH_PX))


SINGLE_CSS = "<style>html, body { height: 100%; } .lp-map { height: 100vh !important; }</style>"
# The sea behind the land polygons; city names in the base map's label pane.
BASE_CSS = """
.lp-map.leaflet-container { background: #dde8f0; }
.lp-city { background: none; border: 0; white-space: nowrap; }
.lp-city-name { display: inline-block; transform: translate(-50%, -50%); font-size: 11px;
  color: #555; text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 2px #fff; letter-spacing: .02em; }
.lp-city[data-side=right] .lp-city-name { transform: translate(9px, -50%); }
.lp-city[data-side=left] .lp-city-name { transform: translate(calc(-100% - 9px), -50%); }
.lp-city[data-side=above] .lp-city-name { transform: translate(-50%, calc(-100% - 9px)); }
.lp-city[data-side=below] .lp-city-name { transform: translate(-50%, 9px); }
.lp-city[data-side="right far"] .lp-city-name { transform: translate(24px, -50%); }
.lp-city[data-side="left far"] .lp-city-name { transform: translate(calc(-100% - 24px), -50%); }
.lp-city[data-side="above far"] .lp-city-name { transform: translate(-50%, calc(-100% - 24px)); }
.lp-city[data-side="below far"] .lp-city-name { transform: translate(-50%, 24px); }
.lp-city[data-side="right farther"] .lp-city-name { transform: translate(40px, -50%); }
.lp-city[data-side="left farther"] .lp-city-name { transform: translate(calc(-100% - 40px), -50%); }
.lp-city[data-side="above farther"] .lp-city-name { transform: translate(-50%, calc(-100% - 40px)); }
.lp-city[data-side="below farther"] .lp-city-name { transform: translate(-50%, 40px); }
.lp-city[data-side="above right"] .lp-city-name { transform: translate(14px, calc(-100% - 14px)); }
.lp-city[data-side="below right"] .lp-city-name { transform: translate(14px, 14px); }
.lp-city[data-side="above left"] .lp-city-name {
  transform: translate(calc(-100% - 14px), calc(-100% - 14px)); }
.lp-city[data-side="below left"] .lp-city-name { transform: translate(calc(-100% - 14px), 14px); }
.lp-city[data-side="right farthest"] .lp-city-name { transform: translate(56px, -50%); }
.lp-city[data-side="left farthest"] .lp-city-name { transform: translate(calc(-100% - 56px), -50%); }
.lp-city[data-side="above farthest"] .lp-city-name { transform: translate(-50%, calc(-100% - 56px)); }
.lp-city[data-side="below farthest"] .lp-city-name { transform: translate(-50%, 56px); }
.lp-city.lp-own .lp-city-name,
.lp-city.lp-centre .lp-city-name { font-size: 12px; font-weight: 600; color: #333; }
.lp-legend summary { font-weight: 600; cursor: pointer; }
.lp-map .lp-legend { max-width: 280px; box-sizing: border-box; }
.lp-map .lp-legend summary { font-size: 12px; line-height: 1.3; }
.lp-map .lp-legend td { white-space: nowrap; }
.lp-legend details[open] summary { margin-bottom: 4px; }
.lp-legend details[open] .lp-fold, .lp-legend details:not([open]) .lp-legend-title { display: none; }
"""
# Phones (390 px wide): the search box gets the top row, the layer list folds into its button,
# the legend into its title, controls step aside while a popup is open, and panels stack.
PHONE_CSS = (
    "<style>"
    + BASE_CSS
    + """
@media (max-width: 600px) {
  .lp-search input { width: calc(100vw - 120px); font-size: 16px; }
  .lp-search li button { padding: 8px 0; min-height: 36px; }
  .leaflet-right .leaflet-control-layers-expanded { max-height: 50vh; overflow-y: auto; }
  .lp-popup-open .leaflet-top, .lp-popup-open .leaflet-bottom { display: none; }
  .lp-note { max-width: 70vw; }
  body.lp-multi { padding: 8px; }
  .lp-panel, .lp-panel .lp-map { width: 100% !important; }
  .lp-top-legend .lp-legend { display: block; }
  .leaflet-control-attribution { max-width: 100vw; font-size: 9px; line-height: 1.3; }
  .lp-single .leaflet-bottom.leaflet-left { margin-bottom: 52px; }
}
</style>"""
)
MULTI_CSS = (
    # body.lp-multi: folium's own "html, body { margin: 0; padding: 0 }" comes later in the head
    "<style>body.lp-multi { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; "
    "padding: 12px 16px; box-sizing: border-box; } .lp-title, .lp-top-legend "
    "{ flex-basis: 100%; padding: 0; margin: 0; }</style>"
)
LAYER_CSS = (
    "<style>"
    + "".join(
        f".lp-layer-{layer}, .lp-cluster-{layer} {{ background: {colour}; }}"
        for layer, colour in PHASE_COLOURS.items()
    )
    + "</style>"
)


@cache
def _map_script() -> str:
    from importlib.resources import files

    from lifeport_map.render.assets import script_body

    return script_body(files("lifeport_map.render").joinpath("map_page.js").read_text("utf-8"))


def page_head(single: bool) -> str:
    """Everything a page needs before its maps: Leaflet and the plugins (embedded), the page
    style and the page script."""
    from lifeport_map.render.assets import inline_head

    return "\n".join(
        [
            inline_head(),
            PAGE_CSS.strip(),
            SINGLE_CSS if single else MULTI_CSS,
            PHONE_CSS,
            LAYER_CSS,
            f"<script>{_map_script()}</script>",
        ]
    )


def _figure(title: str, lang: str, taxonomy: Taxonomy, *, single: bool, body_before: str = "") -> Any:
    from lifeport_map.render.folium_page import LifeportFigure

    figure = LifeportFigure(
        title=title, lang=lang, head=page_head(single), body_before=body_before, single=single
    )
    figure.data["labels"] = page_words(taxonomy, lang)
    figure.data["layerStyles"] = _layer_styles()
    return figure


def page_html(built: Any) -> str:
    """The complete, self-contained HTML page of a map or figure from this module: the same
    registry gives the same bytes (element ids are numbered, data is written with sorted keys)."""
    html: str = built.get_root().render()
    return html


# --- building blocks --------------------------------------------------------------------------


def _map_spec(
    *, tiles: str, center: Sequence[float], zoom: int, interactive_zoom: bool = True
) -> dict[str, Any]:
    if tiles not in TILES:
        from lifeport_map.errors import UsageError
        from lifeport_map.messages import msg

        raise UsageError(
            msg("usage.unknown-tiles", tiles=tiles), hint=msg("use-one-of", values=", ".join(TILES))
        )
    options: dict[str, Any] = {
        "center": [round(c, COORDINATE_DECIMALS) for c in center],
        "zoom": zoom,
        "maxZoom": MAX_ZOOM,
    }
    if not interactive_zoom:
        options.update(
            zoomControl=False,
            scrollWheelZoom=False,
            doubleClickZoom=False,
            touchZoom=False,
            boxZoom=False,
            keyboard=False,
        )
    return {
        "options": options,
        "context": None,
        "outlineStyle": {"official": OUTLINE_STYLE, "approximate": APPROXIMATE_OUTLINE_STYLE},
        "regionNames": False,
        "fit": None,
        "legend": None,
        "search": None,
        "region": None,
        "credits": None,
    }


def _layer_specs(
    counts: dict[str, int], taxonomy: Taxonomy, lang: str, collection: dict[str, Any]
) -> list[dict[str, Any]]:
    """Per non-empty layer: id, its name in the layer control (HTML from html_text, with the
    legend count) and where its dots and clusters sit around a site."""
    present = {layer for f in collection["features"] for layer in f["properties"]["layers"]}
    styles = _layer_styles()
    return [
        {
            "id": layer,
            "name": (
                f'<span class="lp-swatch" style="background:{layer_colour(layer)}"></span>'
                f"{html_text(layer_name(layer, taxonomy, lang))} ({counts.get(layer, 0)})"
            ),
            **styles[layer],
        }
        for layer in layer_ids(taxonomy)
        if layer in present
    ]


@cache
def _layer_styles() -> dict[str, dict[str, Any]]:
    """Per layer: dot and cluster sizes and where they sit around a site (pixels)."""
    half, cluster_half = MARKER_SIZE_PX / 2, CLUSTER_SIZE_PX / 2
    styles = {}
    for layer in PHASE_COLOURS:
        dx, dy = LAYER_OFFSETS.get(layer, (0, 0))
        styles[layer] = {
            "size": MARKER_SIZE_PX,
            "anchor": [half - dx, half - dy],
            "clusterSize": CLUSTER_SIZE_PX,
            "clusterAnchor": [
                cluster_half - dx * CLUSTER_OFFSET_FACTOR,
                cluster_half - dy * CLUSTER_OFFSET_FACTOR,
            ],
        }
    return styles


def _add_sites(spec: dict[str, Any], sites: Sequence[Site], taxonomy: Taxonomy, lang: str) -> dict[str, int]:
    """The sites' FeatureCollection and layers into ``spec``; returns the legend counts."""
    with_layers = sites_with_layers(sites, taxonomy)
    counts = _counts(with_layers, taxonomy)
    collection = _features(with_layers, lang)
    spec["sites"] = collection
    spec["layers"] = _layer_specs(counts, taxonomy, lang, collection)
    return counts


def outline_features(outlines: Sequence[tuple[Region, Outline]], lang: str) -> dict[str, Any]:
    """The region outlines as a FeatureCollection; name, definition and note are text."""
    features = []
    for region, outline in outlines:
        definition = region.definition(outline.definition)
        note = label("approximate_outline" if outline.approximate else "official_outline", lang)
        features.append(
            {
                "type": "Feature",
                "id": f"outline/{region.id}",
                "geometry": outline.geometry,
                "properties": {
                    "region": region.id,
                    "approximate": outline.approximate,
                    "name": _shown(region.text(lang)),
                    "definition": _shown(definition.text(lang)),
                    "note": note,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def legend_html(
    taxonomy: Taxonomy,
    counts: dict[str, int],
    lang: str,
    *,
    unplaced: int = 0,
    approximate: bool = False,
    title: str | None = None,
    year: int | None = None,
) -> str:
    """The legend: a swatch, label and site count per layer (data-layer/data-count for tests);
    ``year``: the counts are those of the chain in that year (``--year``, data-year), which
    ``title`` then names."""
    rows = "".join(
        f'<tr data-layer="{html_text(layer)}"><td><span class="lp-swatch" '
        f'style="background:{layer_colour(layer)}"></span>'
        f"{html_text(layer_name(layer, taxonomy, lang))}</td>"
        f'<td class="lp-count" data-count="{counts.get(layer, 0)}">{counts.get(layer, 0)}</td></tr>'
        for layer in layer_ids(taxonomy)
        if layer in taxonomy.phase_ids or layer == KNOWLEDGE or counts.get(layer)
    )
    notes = [f'<span class="lp-counting">{html_text(counting_text(lang))}</span>']
    if approximate:
        notes.append(f'<span class="lp-outline-key"></span>{html_text(label("approximate_outline", lang))}')
    if unplaced:
        notes.append(
            f'<span data-unplaced="{unplaced}">'
            f"{html_text(count_text(unplaced, lang))} {html_text(label('unplaced', lang))}</span>"
        )
    note_html = "".join(f'<div class="lp-note">{n}</div>' for n in notes)
    # Folded (on a phone) the legend shows a short label of what opens; open, its whole title.
    short = html_text(label("legend", lang))
    heading = html_text(title or label("legend", lang))
    if heading != short:
        heading = f'<span class="lp-fold">{short}</span><span class="lp-legend-title">{heading}</span>'
    year_attribute = "" if year is None else f' data-year="{year}"'
    return (
        f'<div class="lp-box lp-legend"{year_attribute}><details open><summary>{heading}</summary>'
        f"<table>{rows}</table>{note_html}</details></div>"
    )


def _search(lang: str) -> dict[str, str]:
    return {"placeholder": label("search", lang), "nomatch": label("no_match", lang)}


def _bounds(points: Iterable[tuple[float, float]]) -> list[list[float]] | None:
    pts = list(points)
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return [
        [round(min(lats), COORDINATE_DECIMALS), round(min(lons), COORDINATE_DECIMALS)],
        [round(max(lats), COORDINATE_DECIMALS), round(max(lons), COORDINATE_DECIMALS)],
    ]


def _geometry_points(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
            out.append((float(value[1]), float(value[0])))
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(geometry.get("coordinates", []))
    return out


def _placed(sites: Iterable[Site]) -> list[tuple[float, float]]:
    return [
        (s.location.lat, s.location.lon)
        for s in sites
        if s.location.lat is not None and s.location.lon is not None
    ]


def _unplaced(sites: Iterable[Site]) -> int:
    return sum(1 for s in sites if not s.location.has_coordinates)


# --- the maps ---------------------------------------------------------------------------------


def dutch_sites(registry: Registry) -> tuple[Site, ...]:
    return tuple(s for s in registry.sites if s.location.country == "NL")


def nl_map(
    registry: Registry, *, lang: str = "nl", tiles: str = "none", made: Provenance | None = None
) -> Any:
    """Bijlage 1 as a folium Map: every Dutch site by phase, the Dutch regions' outlines, the
    vector base map, legend, search and the credit line (sources, date, registry version: from
    ``made``, by default today and the registry's commit or content hash). Save it with
    ``.save(path)`` or show it in a notebook."""
    from lifeport_map.provenance import dated_title, provenance
    from lifeport_map.render.folium_page import new_map

    sites = dutch_sites(registry)
    taxonomy = registry.taxonomy
    title = dated_title(label("nl_title", lang), made, lang)
    outlines = [
        (r, region_outline(registry, r))
        for r in sorted(registry.regions.values(), key=lambda r: r.id)
        if r.country == "NL"
    ]
    spec = _map_spec(tiles=tiles, center=(52.2, 5.3), zoom=7)
    spec["outlines"] = outline_features(outlines, lang)
    spec["regionNames"] = True
    counts = _add_sites(spec, sites, taxonomy, lang)
    points = _placed(sites) + [p for _, o in outlines for p in _geometry_points(o.geometry)]
    spec.update(
        fit=_bounds(points),
        search=_search(lang),
        legend=legend_html(
            taxonomy,
            counts,
            lang,
            unplaced=_unplaced(sites),
            approximate=any(o.approximate for _, o in outlines),
            title=title,
            year=made.year if made else None,
        ),
    )
    # The cities the annex is about (the centres of the regions it outlines) are named in any case.
    spec["context"] = context_data(
        spec["fit"], min_population=20000, lang=lang, home="NL", centres=[r for r, _ in outlines]
    )
    sources = context_sources(spec["context"]) | {src for _, o in outlines for src in o.sources}
    spec["credits"] = credits_html(sources, made or provenance(registry), lang)
    figure = _figure(title, lang, taxonomy, single=True)
    return new_map(figure, spec, tiles=TILES[tiles], layer_control=True, fullscreen=True)


def region_map(
    registry: Registry,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "nl",
    tiles: str = "none",
    made: Provenance | None = None,
) -> Any:
    """One region in detail as a folium Map: its sites under the chosen definition, its outline,
    the base map around it and the credit line (see :func:`nl_map`)."""
    from lifeport_map.provenance import dated_title, provenance
    from lifeport_map.render.folium_page import new_map

    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    sites = region_sites(registry, found, chosen.id)
    taxonomy = registry.taxonomy
    title = dated_title(f"{found.text(lang)}: {chosen.text(lang)}", made, lang)
    outline = region_outline(registry, found, chosen.id)
    spec = _map_spec(tiles=tiles, center=found.centre, zoom=10)
    spec["outlines"] = outline_features([(found, outline)], lang)
    counts = _add_sites(spec, sites, taxonomy, lang)
    points = _placed(sites) + _geometry_points(outline.geometry)
    spec.update(
        fit=_bounds(points),
        search=_search(lang),
        region=found.id,
        legend=legend_html(
            taxonomy,
            counts,
            lang,
            unplaced=_unplaced(sites),
            approximate=outline.approximate,
            title=title,
            year=made.year if made else None,
        ),
    )
    spec["context"] = context_data(spec["fit"], min_population=5000, lang=lang, own=found)
    spec["credits"] = credits_html(
        context_sources(spec["context"]) | set(outline.sources), made or provenance(registry), lang
    )
    figure = _figure(title, lang, taxonomy, single=True)
    return new_map(figure, spec, tiles=TILES[tiles], layer_control=True, fullscreen=True)


def context_data(
    extent: list[list[float]] | None,
    *,
    min_population: int,
    margin: float = 1.5,
    lang: str = "nl",
    own: Region | None = None,
    home: str | None = None,
    centres: Sequence[Region] = (),
) -> dict[str, Any]:
    """The vector base map around ``extent`` ([[south, west], [north, east]]): country polygons
    (Natural Earth), NUTS-3 borders (GISCO) and city names with population (GeoNames), clipped
    to the extent grown by ``margin`` degrees so that panning shows more than a blank edge. A
    city's districts are left out (``gazetteer.without_districts``). ``own``: the region whose
    map this is; its own city (``gazetteer.own_place``) is named first ("own": its index).
    ``centres``: regions whose cities are named next, in any case, as the own city is (Bijlage
    1: the regions it outlines; "first": the indices of own and these cities, in that order).
    ``home``: the map's country (by default ``own``'s), whose places are named before those of
    its neighbours (a Dutch annex names Zwolle before Bochum)."""
    from lifeport_map.boundaries import country_features, nuts3_features
    from lifeport_map.gazetteer import places_and_centres
    from lifeport_map.render.labels import place_name

    if extent is None:
        extent = [[50.7, 3.3], [53.6, 7.3]]
    (south, west), (north, east) = extent
    box = (west - 2 * margin, south - margin, east + 2 * margin, north + margin)
    countries = _clipped(country_features().values(), box, keep=("iso", "sources"))
    borders = _clipped(nuts3_features().values(), box, keep=("id", "source"))
    wanted = ([own] if own is not None else []) + list(centres)
    places, cities_of = places_and_centres(min_population, box, [(r.centre_place, *r.centre) for r in wanted])
    home = home or (own.country if own is not None else None)
    if home is not None:
        places.sort(key=lambda p: p.country != home)  # stable: by population within each
    found = cities_of[0] if own is not None else None
    firsts = list(dict.fromkeys(p for p in cities_of if p is not None))  # two regions, one city: once
    shown = places[:400]
    shown += [p for p in firsts if p not in shown]
    cities = [
        [_shown(place_name(p.name, p.geonameid, lang)), round(p.lat, 4), round(p.lon, 4), p.population]
        for p in shown
    ]
    return {
        "countries": countries,
        "borders": borders,
        "cities": cities,
        "own": None if found is None else shown.index(found),
        "first": [shown.index(p) for p in firsts],
    }


def context_sources(context: dict[str, Any] | None) -> set[str]:
    """The sources a base map from :func:`context_data` draws from (keys of provenance.CREDITS)."""
    if not context:
        return set()
    found = {f["properties"].get("source", "gisco") for f in context["borders"]["features"]}
    for feature in context["countries"]["features"]:  # Natural Earth; the Dutch land border CBS's
        found.update(feature["properties"].get("sources", ["naturalearth"]))
    if context["cities"]:
        found.add("geonames")
    return found


def credits_html(sources: set[str], made: Provenance, lang: str) -> str:
    """The credit line of a page (sources and licences), the date and the registry version, as
    HTML made by html_text from fixed words and the generated date and version."""
    from lifeport_map.provenance import credit_line, provenance_line

    return f"{html_text(credit_line(sources, lang))} · {html_text(provenance_line(made, lang))}"


def _clipped(
    features: Iterable[dict[str, Any]], box: tuple[float, float, float, float], *, keep: tuple[str, ...]
) -> dict[str, Any]:
    import shapely
    from shapely.geometry import mapping, shape

    out = []
    for feature in features:
        geometry = shapely.clip_by_rect(shape(feature["geometry"]), *box)
        if geometry.is_empty:
            continue
        out.append(
            {
                "type": "Feature",
                "properties": {k: feature["properties"][k] for k in keep if k in feature["properties"]},
                "geometry": _round3(mapping(geometry)),
            }
        )
    return {"type": "FeatureCollection", "features": out}


def _round3(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return [_round3(v) for v in value]
    if isinstance(value, dict):
        return {k: _round3(v) for k, v in value.items()}
    return value


def _mercator(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    scale = 256 * 2**zoom
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def common_zoom(
    extents: Sequence[list[list[float]]],
    *,
    width: int = PANEL_WIDTH_PX,
    height: int = PANEL_HEIGHT_PX,
    max_zoom: int = PANEL_MAX_ZOOM,
) -> int:
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


def panel_coverage_html(result: Coverage, lang: str, *, scale_max: int) -> str:
    """Under a panel: per phase a swatch, label, count and a bar on a scale shared by panels."""
    rows = []
    for phase in result.phases:
        width = 0 if scale_max == 0 else round(100 * phase.count / scale_max)
        rows.append(
            f'<tr data-phase="{html_text(phase.phase)}"><td><span class="lp-swatch" '
            f'style="background:{layer_colour(phase.phase)}"></span>{html_text(phase.label)}'
            f'</td><td class="lp-count" data-count="{phase.count}">{phase.count}</td>'
            f'<td class="lp-bar-cell"><div class="lp-bar" style="width:{width}%;background:'
            f'{layer_colour(phase.phase)}"></div></td></tr>'
        )
    whole = label("yes" if result.whole_chain else "no", lang)
    return (
        f'<table class="lp-coverage" data-region="{html_text(result.region.id)}">'
        f'<caption style="text-align:left;font-weight:600">{html_text(label("coverage", lang))}'
        f'<br><span class="lp-counting" data-counting="{html_text(result.counting.id)}" '
        f'style="font-weight:400">{html_text(result.counting.label)}</span>'
        f"</caption>{''.join(rows)}</table>"
        f'<p class="lp-whole">{html_text(label("whole_chain", lang))}: {html_text(whole)}</p>'
    )


def compare_page(
    registry: Registry,
    regions: Sequence[str],
    *,
    coverages: Sequence[Coverage],
    lang: str = "nl",
    tiles: str = "none",
    made: Provenance | None = None,
) -> Any:
    """Bijlage 2 as a folium Figure of small multiples: one map per region (its ``maps``), all
    at one scale, the legend above and below each panel its coverage (from ``coverages``, the
    coverage analysis of those regions). The credit line (see :func:`nl_map`) closes the page."""
    from lifeport_map.provenance import dated_title, provenance, year_count_text
    from lifeport_map.render.folium_page import new_map

    found: list[Region] = []
    for name in regions:
        region = resolve_region(registry, name)
        if all(region.id != r.id for r in found):
            found.append(region)
    if not found:
        from lifeport_map.errors import UsageError
        from lifeport_map.messages import msg

        raise UsageError(msg("usage.no-regions"), hint=msg("usage.no-regions/hint"))
    taxonomy = registry.taxonomy
    title = dated_title(label("compare_title", lang), made, lang)
    by_region = {c.region.id: c for c in coverages}
    results = [by_region[r.id] for r in found]
    outlines = [region_outline(registry, r) for r in found]
    members = [region_sites(registry, r) for r in found]
    extents = []
    for sites, outline in zip(members, outlines, strict=True):
        extent = _bounds(_placed(sites) + _geometry_points(outline.geometry))
        assert extent is not None  # an outline always has points
        extents.append(extent)
    zoom = common_zoom(extents)
    scale_max = max((p.count for res in results for p in res.phases), default=0)
    all_counts: dict[str, int] = dict.fromkeys(layer_ids(taxonomy), 0)
    for sites in members:
        for key, value in layer_counts(sites, taxonomy).items():
            all_counts[key] += value
    names = ", ".join(r.text(lang) for r in found)
    heading = (
        f'<header class="lp-title"><h1>{html_text(title)}</h1><div class="lp-note">'
        f"{html_text(names)}. {html_text(label('scale_note', lang))}</div></header>"
        f'<div class="lp-top-legend">'
        + legend_html(
            taxonomy,
            all_counts,
            lang,
            approximate=any(o.approximate for o in outlines),
            title=dated_title(label("legend", lang), made, lang),
            year=made.year if made else None,
        )
        + "</div>"
    )
    befores = []
    for region, result in zip(found, results, strict=True):
        # under --year the panel's title says the year and how many sites count then
        then = year_count_text(made, result.sites, lang)
        title_html = html_text(region.text(lang)) + (
            ""
            if then is None
            else f' <span class="lp-year" data-sites="{result.sites}">{html_text(then)}</span>'
        )
        befores.append(
            f'<section class="lp-panel" data-region="{html_text(region.id)}">'
            f"<h2>{title_html}</h2>"
            f'<p class="lp-def">{html_text(label("definition", lang))}: '
            f"{html_text(result.definition.name)} ({html_text(count_text(result.sites, lang))})</p>"
        )
    # Each panel's opening HTML goes before its map: the first in the page head, the others
    # after the previous panel's coverage.
    contexts = [
        context_data(extent, min_population=10000, margin=0.8, lang=lang, own=region)
        for extent, region in zip(extents, found, strict=True)
    ]
    sources = {src for c in contexts for src in context_sources(c)} | {s for o in outlines for s in o.sources}
    footer = (
        f'<footer class="lp-credits">{credits_html(sources, made or provenance(registry), lang)}</footer>'
    )
    figure = _figure(title, lang, taxonomy, single=False, body_before=heading + befores[0])
    figure.maps_by_region = {}
    for i, (region, result, outline, sites, extent) in enumerate(
        zip(found, results, outlines, members, extents, strict=True)
    ):
        centre = ((extent[0][0] + extent[1][0]) / 2, (extent[0][1] + extent[1][1]) / 2)
        after = panel_coverage_html(result, lang, scale_max=scale_max) + "</section>"
        after += befores[i + 1] if i + 1 < len(befores) else footer
        spec = _map_spec(tiles=tiles, center=centre, zoom=zoom, interactive_zoom=False)
        spec["outlines"] = outline_features([(region, outline)], lang)
        spec["region"] = region.id
        spec["context"] = contexts[i]
        _add_sites(spec, sites, taxonomy, lang)
        figure.maps_by_region[region.id] = new_map(
            figure,
            spec,
            tiles=TILES[tiles],
            layer_control=False,
            fullscreen=False,
            width=f"{PANEL_WIDTH_PX}px",
            height=f"{PANEL_HEIGHT_PX}px",
            after_html=after,
        )
    return figure


def per_marker_map(registry: Registry, *, lang: str = "nl") -> folium.Map:
    """Benchmark baseline only: the plain folium way, one Marker object with its own Popup per
    site and phase (slow and large at thousands of sites). Save it with ``m.save(path)``."""
    import folium
    from branca.element import Element, Figure

    from lifeport_map.render.assets import inline_head

    sites = dutch_sites(registry)
    taxonomy = registry.taxonomy
    fmap = folium.Map(location=[52.2, 5.3], zoom_start=7, tiles=None)
    fmap.default_js, fmap.default_css = [], []  # Leaflet is embedded below, as in the pages
    root = fmap.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(inline_head() + PAGE_CSS + LAYER_CSS), name="lp_assets")  # no CDN
    for site in sites:
        if site.location.lat is None or site.location.lon is None:
            continue
        for layer in site_layers(site, taxonomy):
            folium.Marker(
                [site.location.lat, site.location.lon],
                icon=folium.DivIcon(
                    html="",
                    icon_size=(MARKER_SIZE_PX, MARKER_SIZE_PX),
                    class_name=f"lp-site lp-layer-{layer}",
                ),
                popup=folium.Popup(popup_html(site, taxonomy, lang)),
            ).add_to(fmap)
    return fmap


# The Python API's names (lifeport_map.map_nl and friends).
map_nl = nl_map
map_region = region_map
map_compare = compare_page
