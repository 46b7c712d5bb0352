"""Static figures (PNG, SVG, PDF) of the same maps for reports: matplotlib and geopandas.

Sites and outlines are projected to ETRS89-LAEA (EPSG:3035, metres), so a scale bar is true
and compare panels share one extent in metres, hence one scale. Colours, layers and counts
come from the same style table and layer rules as the interactive maps; no network is used.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lifeport_map.boundaries import Outline, region_outline
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, Registry, Site
from lifeport_map.render.maps import dutch_sites, layer_counts, layer_ids, layer_name, site_layers
from lifeport_map.render.style import LAYER_OFFSETS, PIPELINE, label, layer_colour

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EQUAL_AREA_CRS = "EPSG:3035"
FORMATS = ("png", "svg", "pdf")


def _project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)
    return [tuple(transformer.transform(lon, lat)) for lat, lon in points]


def _outline_frame(outlines: Sequence[Outline]) -> Any:
    import geopandas as gpd
    from shapely.geometry import shape

    return gpd.GeoDataFrame(
        {"approximate": [o.approximate for o in outlines]},
        geometry=[shape(o.geometry) for o in outlines], crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)


def _nice_length(metres: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if step * 1000 >= metres:
            return step * 1000.0
    return 1_000_000.0


def _scale_bar(ax: Any, extent: tuple[float, float, float, float]) -> None:
    x0, y0, x1, y1 = extent
    length = _nice_length((x1 - x0) / 5)
    bx, by = x0 + (x1 - x0) * 0.05, y0 + (y1 - y0) * 0.05
    ax.plot([bx, bx + length], [by, by], color="black", linewidth=3, solid_capstyle="butt")
    ax.text(bx + length / 2, by + (y1 - y0) * 0.015, f"{length / 1000:g} km", ha="center",
            va="bottom", fontsize=8)


def _draw(ax: Any, fig: Any, sites: Sequence[Site], outlines: Sequence[Outline], registry: Registry,
          extent: tuple[float, float, float, float]) -> None:
    from matplotlib.transforms import offset_copy

    frame = _outline_frame(outlines) if outlines else None
    if frame is not None:
        for approximate, part in frame.groupby("approximate"):
            part.plot(ax=ax, facecolor="#99999910", edgecolor="#333333", linewidth=0.8,
                      linestyle="--" if approximate else "-")
    placed = [s for s in sites if s.location.lat is not None and s.location.lon is not None]
    xy = dict(zip([s.id for s in placed],
                  _project([(s.location.lat, s.location.lon) for s in placed]),  # type: ignore[misc]
                  strict=True))
    taxonomy = registry.taxonomy
    for layer in layer_ids(taxonomy):
        members = [s for s in placed if layer in site_layers(s, taxonomy)]
        if not members:
            continue
        dx, dy = LAYER_OFFSETS.get(layer, (0, 0))
        transform = offset_copy(ax.transData, fig=fig, x=dx * 0.45, y=-dy * 0.45, units="points")
        ax.scatter([xy[s.id][0] for s in members], [xy[s.id][1] for s in members], s=22,
                   c=layer_colour(layer), edgecolors="black" if layer == PIPELINE else "white",
                   linewidths=0.6, transform=transform, zorder=3)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_ylabel("")
    ax.set_xlabel("")
    _scale_bar(ax, extent)


def _legend(fig: Any, registry: Registry, counts: dict[str, int], lang: str) -> None:
    from matplotlib.lines import Line2D

    taxonomy = registry.taxonomy
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7,
                      markerfacecolor=layer_colour(layer),
                      markeredgecolor="black" if layer == PIPELINE else "white",
                      label=f"{layer_name(layer, taxonomy, lang)} ({counts.get(layer, 0)})")
               for layer in layer_ids(taxonomy)
               if layer in taxonomy.phase_ids or counts.get(layer)]
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 3), fontsize=8,
               frameon=False, title=label("legend", lang), title_fontsize=9)


def _extent(sites: Sequence[Site], outlines: Sequence[Outline]) -> tuple[float, float, float, float]:
    from lifeport_map.render.maps import _geometry_points

    points = [(s.location.lat, s.location.lon) for s in sites
              if s.location.lat is not None and s.location.lon is not None]
    points += [p for o in outlines for p in _geometry_points(o.geometry)]
    xy = _project(points)
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    pad = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.08 + 2000
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def nl_figure(registry: Registry, *, lang: str = "nl") -> Figure:
    """Bijlage 1 as a static figure."""
    from matplotlib.figure import Figure

    sites = dutch_sites(registry)
    outlines = [region_outline(registry, r) for r in
                sorted(registry.regions.values(), key=lambda r: r.id) if r.country == "NL"]
    fig = Figure(figsize=(7.5, 8.5), dpi=150)
    ax = fig.add_axes((0.02, 0.12, 0.96, 0.82))
    _draw(ax, fig, sites, outlines, registry, _extent(sites, outlines))
    extent = ax.get_xlim()
    for region in sorted((r for r in registry.regions.values() if r.country == "NL"),
                         key=lambda r: r.id):
        x, y = _project([(region.centre[0], region.centre[1])])[0]
        # Keep names near the edge inside the frame.
        share = (x - extent[0]) / (extent[1] - extent[0])
        align = "left" if share < 0.3 else ("right" if share > 0.7 else "center")
        ax.annotate(region.text(lang), (x, y), xytext=(0, 16), textcoords="offset points",
                    ha=align, fontsize=8, fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    fig.suptitle(label("nl_title", lang), fontsize=12)
    _legend(fig, registry, layer_counts(sites, registry.taxonomy), lang)
    return fig


def region_figure(registry: Registry, region: str, *, definition: str | None = None,
                  lang: str = "nl") -> Figure:
    """One region as a static figure."""
    from matplotlib.figure import Figure

    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    sites = region_sites(registry, found, chosen.id)
    outline = region_outline(registry, found, chosen.id)
    fig = Figure(figsize=(6.5, 6.5), dpi=150)
    ax = fig.add_axes((0.02, 0.14, 0.96, 0.78))
    _draw(ax, fig, sites, [outline], registry, _extent(sites, [outline]))
    fig.suptitle(f"{found.text(lang)}\n{chosen.text(lang)}", fontsize=10)
    _legend(fig, registry, layer_counts(sites, registry.taxonomy), lang)
    return fig


def compare_figure(registry: Registry, regions: Sequence[str], *, lang: str = "nl") -> Figure:
    """Bijlage 2 as small multiples: one panel per region, all with the same extent in metres."""
    from matplotlib.figure import Figure

    found: list[Region] = []
    for name in regions:
        region = resolve_region(registry, name)
        if all(region.id != r.id for r in found):
            found.append(region)
    members = [region_sites(registry, r) for r in found]
    outlines = [region_outline(registry, r) for r in found]
    extents = [_extent(s, [o]) for s, o in zip(members, outlines, strict=True)]
    half = max(max(e[2] - e[0], e[3] - e[1]) for e in extents) / 2
    fig = Figure(figsize=(4.2 * len(found), 5.6), dpi=150)
    totals: dict[str, int] = {}
    for i, (region, sites, outline, extent) in enumerate(
            zip(found, members, outlines, extents, strict=True)):
        cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
        ax = fig.add_subplot(1, len(found), i + 1)
        _draw(ax, fig, sites, [outline], registry, (cx - half, cy - half, cx + half, cy + half))
        counts = layer_counts(sites, registry.taxonomy)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        lines = [f"{layer_name(p, registry.taxonomy, lang)}: {counts[p]}"
                 for p in registry.taxonomy.phase_ids]
        ax.set_title(region.text(lang), fontsize=10)
        ax.set_xlabel("\n".join(lines), fontsize=8)
    fig.suptitle(f"{label('compare_title', lang)} ({label('scale_note', lang)})", fontsize=11)
    fig.subplots_adjust(bottom=0.3, top=0.88, left=0.02, right=0.98, wspace=0.05)
    _legend(fig, registry, totals, lang)
    return fig


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG, SVG or PDF bytes, without dates, so identical input gives identical
    files."""
    import matplotlib

    if fmt not in FORMATS:
        from lifeport_map.errors import UsageError

        raise UsageError(f"unknown figure format '{fmt}'", hint="use png, svg or pdf")
    metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None},
                                "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "lifeport-map", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()
