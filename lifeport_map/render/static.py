"""Static figures (PNG, SVG, PDF) of the same maps for reports: matplotlib and geopandas.

Sites and outlines are projected to ETRS89-LAEA (EPSG:3035, metres), so a scale bar is true
and compare panels share one extent in metres, hence one scale. Colours, layers and counts
come from the same style table and layer rules as the interactive maps; no network is used.
Sites at the same place are one dot per layer, larger with the number of sites and labelled
with that number, so stacked sites stay countable; all text is kept inside the figure.
"""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lifeport_map.boundaries import Outline, region_outline
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, Registry, Site
from lifeport_map.render.maps import dutch_sites, layer_counts, layer_ids, layer_name, site_layers
from lifeport_map.render.style import LAYER_OFFSETS, PIPELINE, counting_text, label, layer_colour
from lifeport_map.text import figure_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EQUAL_AREA_CRS = "EPSG:3035"
FORMATS = ("png", "svg", "pdf")
# Dot area in points² for one site; it grows with the number of sites at the place up to a cap
# at which the four phase dots around a place still just touch (offsets of 6 points).
DOT_AREA = 22.0
DOT_AREA_MAX = 130.0
# Region names longer than this wrap onto more lines, so they fit inside the frame.
LABEL_WIDTH = 30


def dot_area(count: int) -> float:
    """Dot area for ``count`` sites of one layer at one place (the number is written in it)."""
    return min(DOT_AREA * count, DOT_AREA_MAX)


def _project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)
    return [tuple(transformer.transform(lon, lat)) for lat, lon in points]


def _outline_frame(outlines: Sequence[Outline]) -> Any:
    import geopandas as gpd
    from shapely.geometry import shape

    return gpd.GeoDataFrame(
        {"approximate": [o.approximate for o in outlines]},
        geometry=[shape(o.geometry) for o in outlines],
        crs="EPSG:4326",
    ).to_crs(EQUAL_AREA_CRS)


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
    ax.text(
        bx + length / 2, by + (y1 - y0) * 0.015, f"{length / 1000:g} km", ha="center", va="bottom", fontsize=8
    )


def _draw(
    ax: Any,
    fig: Any,
    sites: Sequence[Site],
    outlines: Sequence[Outline],
    registry: Registry,
    extent: tuple[float, float, float, float],
) -> None:
    from matplotlib.transforms import offset_copy

    frame = _outline_frame(outlines) if outlines else None
    if frame is not None:
        for approximate, part in frame.groupby("approximate"):
            part.plot(
                ax=ax,
                facecolor="#99999910",
                edgecolor="#333333",
                linewidth=0.8,
                linestyle="--" if approximate else "-",
            )
    placed = [s for s in sites if s.location.lat is not None and s.location.lon is not None]
    xy = dict(
        zip(
            [s.id for s in placed],
            _project([(s.location.lat, s.location.lon) for s in placed]),  # type: ignore[misc]
            strict=True,
        )
    )
    taxonomy = registry.taxonomy
    for layer in layer_ids(taxonomy):
        # Sites of this layer per place: one dot each, sized and numbered by the count.
        at_place = Counter(xy[s.id] for s in placed if layer in site_layers(s, taxonomy))
        if not at_place:
            continue
        places = sorted(at_place)
        dx, dy = LAYER_OFFSETS.get(layer, (0, 0))
        transform = offset_copy(ax.transData, fig=fig, x=dx, y=-dy, units="points")
        ax.scatter(
            [p[0] for p in places],
            [p[1] for p in places],
            s=[dot_area(at_place[p]) for p in places],
            c=layer_colour(layer),
            edgecolors="black" if layer == PIPELINE else "white",
            linewidths=0.6,
            transform=transform,
            zorder=3,
        )
        for place in places:
            if at_place[place] > 1:
                ax.text(
                    place[0],
                    place[1],
                    str(at_place[place]),
                    transform=transform,
                    ha="center",
                    va="center",
                    fontsize=5,
                    fontweight="bold",
                    color="white" if layer != PIPELINE else "black",
                    zorder=4,
                    clip_on=True,
                )
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_ylabel("")
    ax.set_xlabel("")
    _scale_bar(ax, extent)


def _legend(fig: Any, registry: Registry, counts: dict[str, int], lang: str, *, columns: int = 2) -> None:
    """Below the map: swatch, label and count per layer, and the key to the dot sizes."""
    from matplotlib.lines import Line2D

    taxonomy = registry.taxonomy
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=5,
            markerfacecolor=layer_colour(layer),
            markeredgecolor="black" if layer == PIPELINE else "white",
            label=f"{figure_text(layer_name(layer, taxonomy, lang))} ({counts.get(layer, 0)})",
        )
        for layer in layer_ids(taxonomy)
        if layer in taxonomy.phase_ids or counts.get(layer)
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=DOT_AREA_MAX**0.5,
            markerfacecolor="#7F7F7F",
            markeredgecolor="white",
            label=figure_text(label("same_place", lang)),
        )
    )
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.005),
        ncol=min(len(handles), columns),
        fontsize=7.5,
        frameon=False,
        title=f"{figure_text(label('legend', lang))}\n{figure_text(counting_text(lang))}",
        title_fontsize=8.5,
    )


def _region_label(text: str) -> str:
    """A region name on lines of about LABEL_WIDTH characters; a long name's explanation in
    parentheses goes on a line of its own."""
    if len(text) <= LABEL_WIDTH:
        return text
    head, bracket, rest = text.partition(" (")
    parts = [head, bracket.strip() + rest] if bracket else [text]
    return "\n".join(textwrap.fill(p, width=LABEL_WIDTH, break_on_hyphens=False) for p in parts)


def _extent(sites: Sequence[Site], outlines: Sequence[Outline]) -> tuple[float, float, float, float]:
    from lifeport_map.render.maps import _geometry_points

    points = [
        (s.location.lat, s.location.lon)
        for s in sites
        if s.location.lat is not None and s.location.lon is not None
    ]
    points += [p for o in outlines for p in _geometry_points(o.geometry)]
    xy = _project(points)
    xs, ys = [p[0] for p in xy], [p[1] for p in xy]
    pad = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.08 + 2000
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def nl_figure(registry: Registry, *, lang: str = "nl") -> Figure:
    """Bijlage 1 as a static figure."""
    from matplotlib.figure import Figure

    from lifeport_map.render.maps import _geometry_points

    sites = dutch_sites(registry)
    regions = sorted((r for r in registry.regions.values() if r.country == "NL"), key=lambda r: r.id)
    outlines = [region_outline(registry, r) for r in regions]
    fig = Figure(figsize=(7.5, 9.0), dpi=150)
    ax = fig.add_axes((0.02, 0.15, 0.96, 0.79))
    _draw(ax, fig, sites, outlines, registry, _extent(sites, outlines))
    extent = ax.get_xlim()
    for region, outline in zip(regions, outlines, strict=True):
        # The name sits just above the outline, so it does not cover the sites inside it.
        x, y = _project([(region.centre[0], region.centre[1])])[0]
        y = max([y, *(p[1] for p in _project(_geometry_points(outline.geometry)))])
        # Keep names near the edge inside the frame.
        share = (x - extent[0]) / (extent[1] - extent[0])
        align = "left" if share < 0.3 else ("right" if share > 0.7 else "center")
        ax.annotate(
            _region_label(figure_text(region.text(lang))),
            (x, y),
            xytext=(0, 4),
            textcoords="offset points",
            ha=align,
            va="bottom",
            fontsize=8,
            fontweight="bold",
            annotation_clip=False,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    fig.suptitle(figure_text(label("nl_title", lang)), fontsize=12)
    _legend(fig, registry, layer_counts(sites, registry.taxonomy), lang)
    _credit(fig, lang)
    return fig


def region_figure(
    registry: Registry, region: str, *, definition: str | None = None, lang: str = "nl"
) -> Figure:
    """One region as a static figure."""
    from matplotlib.figure import Figure

    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    sites = region_sites(registry, found, chosen.id)
    outline = region_outline(registry, found, chosen.id)
    fig = Figure(figsize=(6.5, 7.0), dpi=150)
    ax = fig.add_axes((0.02, 0.18, 0.96, 0.74))
    _draw(ax, fig, sites, [outline], registry, _extent(sites, [outline]))
    fig.suptitle(f"{figure_text(found.text(lang))}\n{figure_text(chosen.text(lang))}", fontsize=10)
    _legend(fig, registry, layer_counts(sites, registry.taxonomy), lang)
    _credit(fig, lang)
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
    for i, (region, sites, outline, extent) in enumerate(zip(found, members, outlines, extents, strict=True)):
        cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
        ax = fig.add_subplot(1, len(found), i + 1)
        _draw(ax, fig, sites, [outline], registry, (cx - half, cy - half, cx + half, cy + half))
        counts = layer_counts(sites, registry.taxonomy)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        lines = [
            f"{figure_text(layer_name(p, registry.taxonomy, lang))}: {counts[p]}"
            for p in registry.taxonomy.phase_ids
        ]
        ax.set_title(figure_text(region.text(lang)), fontsize=10)
        ax.set_xlabel("\n".join(lines), fontsize=8)
    title = f"{label('compare_title', lang)} ({label('scale_note', lang)})"
    fig.suptitle(figure_text(title), fontsize=11)
    fig.subplots_adjust(bottom=0.3, top=0.88, left=0.02, right=0.98, wspace=0.05)
    _legend(fig, registry, totals, lang, columns=3)
    _credit(fig, lang)
    return fig


# The data every figure draws needs its attribution (data/README.md); fixed text, no '$'.
CREDITS = {
    "nl": "Gegevens: lifeport-map-bijdragers (CC BY 4.0) · GeoNames (CC BY 4.0) · "
    "© EuroGeographics (Eurostat GISCO) · Natural Earth",
    "en": "Data: lifeport-map contributors (CC BY 4.0) · GeoNames (CC BY 4.0) · "
    "© EuroGeographics (Eurostat GISCO) · Natural Earth",
}


def _credit(fig: Figure, lang: str) -> None:
    """The attribution line along the bottom edge of the figure."""
    fig.text(
        0.5, 0.004, CREDITS.get(lang, CREDITS["en"]), ha="center", va="bottom", fontsize=6, color="#555555"
    )


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG, SVG or PDF bytes, without dates, so identical input gives identical
    files."""
    import matplotlib

    if fmt not in FORMATS:
        from lifeport_map.errors import UsageError

        raise UsageError(f"unknown figure format '{fmt}'", hint="use png, svg or pdf")
    metadata: dict[str, Any] = {
        "png": {"Software": None},
        "svg": {"Date": None},
        "pdf": {"CreationDate": None, "ModDate": None},
    }[fmt]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "lifeport-map", "svg.fonttype": "none"}):
        # 'tight' grows the saved area to every artist, so no legend or label is cut off.
        fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight", pad_inches=0.15)
    return buffer.getvalue()
