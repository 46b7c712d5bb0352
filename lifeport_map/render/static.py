"""Print-ready annexes (PNG, SVG, PDF) of the same maps: one A4 page each, drawn with matplotlib.

A page holds a title, the map on a base map (Natural Earth countries and coastline, faint
GISCO NUTS-3 borders, names of the larger GeoNames places), the region outlines, the sites, a
scale bar with the page scale, a legend with counts, and a credit line with the sources, the date
and the registry version. Bijlage 2 is A4 landscape: one panel per region, all panels at one
scale, wrapping into rows of three.

Sites and outlines are projected to ETRS89-LAEA (EPSG:3035, metres), so scale bars are true.
Sites at one place are one dot per layer, larger with the number of sites and numbered. Names
(regions first, then places by population) are placed greedily where they overlap neither
another name nor a dot, and never on the page's furniture (scale bar, titles, legend), which
does not move for them; a place name that finds no free spot is left out. Registry text reaches
matplotlib with mathtext off (a ``$`` is drawn as a dollar) and control characters made visible.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lifeport_map.boundaries import Outline, region_outline
from lifeport_map.chain import is_counted
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import Region, Registry, Site
from lifeport_map.provenance import (
    Provenance,
    credit_line,
    dated_title,
    provenance,
    provenance_line,
    year_count_text,
)
from lifeport_map.render.maps import dutch_sites, layer_counts, layer_ids, layer_name, sites_with_layers
from lifeport_map.render.style import PIPELINE, counting_text, label, layer_colour
from lifeport_map.text import figure_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EQUAL_AREA_CRS = "EPSG:3035"
FORMATS = ("png", "svg", "pdf")
A4_PORTRAIT = (210 / 25.4, 297 / 25.4)  # inches
A4_LANDSCAPE = (297 / 25.4, 210 / 25.4)
DPI = 150
# Dot area in points² for one site; it grows with the number of sites at the place up to a cap
# (a dot of at most 11.4 points across, so a ring of dots stays small).
DOT_AREA = 22.0
DOT_AREA_MAX = 130.0
# Region names longer than this wrap onto more lines.
LABEL_WIDTH = 30
PANELS_PER_ROW = 3
# Compare panels are at most this much longer than wide (or wider than long).
PANEL_ASPECT_MAX = 1.6
# Names and places' points keep this many pixels (1.5 points at 150 dpi) away from the page's
# furniture: the scale bar and its texts, titles and the legend.
FURNITURE_PAD_PX = 3.0
# A name keeps this many pixels (about 0.7 points at 150 dpi) from other names and from dots.
NAME_GAP_PX = 1.5
# A name that finds no free spot next to its anchor tries these extra distances (points).
FAR_STEPS_PT = (0.0, 10.0, 20.0)
# Base map colours: sea, land, country borders, NUTS-3 borders.
SEA = "#EEF3F7"
LAND = "#FBFBF8"
COUNTRY_EDGE = "#8C8C8C"
NUTS_EDGE = "#CDCDCD"
CITY_COLOUR = "#555555"
# A place's point: its area in points² (2 points across).
PLACE_POINT_AREA = 4.0
# A place whose point lies closer than this to the map's frame (pixels, about 6 points) is left out.
EDGE_PX = 12.0


def dot_area(count: int) -> float:
    """Dot area for ``count`` sites of one layer at one place (the number is written in it)."""
    return min(DOT_AREA * count, DOT_AREA_MAX)


Dot = tuple[float, float, int]


def merge_dots(dots: Sequence[Dot], points_to_px: float) -> list[Dot]:
    """Dots of one layer as (x, y, count) in pixels, with every two dots that overlap (centres
    closer than the sum of their radii at ``dot_area``) merged, again and again, into one dot at
    their count-weighted centre with the summed count; no two dots of the result overlap."""

    def radius(count: int) -> float:
        return math.sqrt(dot_area(count)) / 2 * points_to_px

    merged = [(float(x), float(y), count) for x, y, count in dots]
    while True:
        pair = next(
            (
                (i, j)
                for i, a in enumerate(merged)
                for j in range(i + 1, len(merged))
                if math.dist(a[:2], merged[j][:2]) < radius(a[2]) + radius(merged[j][2])
            ),
            None,
        )
        if pair is None:
            return sorted(merged)
        (x1, y1, n1), (x2, y2, n2) = merged[pair[0]], merged[pair[1]]
        n = n1 + n2
        merged = [d for k, d in enumerate(merged) if k not in pair]
        merged.append(((x1 * n1 + x2 * n2) / n, (y1 * n1 + y2 * n2) / n, n))


# Dots of different layers that would overlap are set around their common centre with this much
# space between neighbours (points).
RING_GAP_PT = 1.0
# A ring that would put a dot outside the region of its centre moves, by these multiples of its
# radius, in 16 directions clockwise from the top, to the first spot where all its dots are in it.
RING_SHIFTS = (0.5, 1.0, 1.5, 2.0)
LayerDot = tuple[float, float, int, str]


def ring_dots(
    dots: Sequence[LayerDot],
    points_to_px: float,
    order: Sequence[str],
    bounds: tuple[float, float, float, float] | None = None,
    region: Callable[[float, float], object] | None = None,
) -> list[LayerDot]:
    """Dots of all layers as (x, y, count, layer) in pixels, each layer's already merged
    (``merge_dots``), laid out so that no two overlap. A dot that overlaps none stays where it
    is. Dots that would overlap form a group: one dot per layer (a layer's dots in the group
    merged, counts summed), set on a ring around the group's count-weighted centre, in the order
    of ``order`` clockwise from the top, the ring just wide enough that neighbours keep
    ``RING_GAP_PT`` apart. A group that then overlaps another joins it, again and again, so the
    result has no overlaps. ``region(x, y)``: which region a point lies in (None: none); a ring
    whose centre lies in a region but a dot of which would not moves as ``RING_SHIFTS`` says, to
    keep all its dots in that region (it stays put where no shift does). ``bounds`` (x0, y0, x1,
    y1): each group is moved inside it as a whole. The same dots give the same layout."""
    rank = {layer: i for i, layer in enumerate(order)}

    def radius(count: int) -> float:
        return math.sqrt(dot_area(count)) / 2 * points_to_px

    def layout(members: list[LayerDot]) -> list[LayerDot]:
        by_layer: dict[str, list[LayerDot]] = {}
        for dot in members:
            by_layer.setdefault(dot[3], []).append(dot)
        total = sum(d[2] for d in members)
        cx = sum(d[0] * d[2] for d in members) / total
        cy = sum(d[1] * d[2] for d in members) / total
        layers = sorted(by_layer, key=lambda layer: (rank.get(layer, len(rank)), layer))
        if len(layers) == 1:
            found = by_layer[layers[0]]
            placed = [(cx, cy, total, layers[0])] if len(found) > 1 else list(found)
        else:
            counts = [sum(d[2] for d in by_layer[layer]) for layer in layers]
            widest = max(radius(n) for n in counts) + RING_GAP_PT * points_to_px / 2
            ring = widest / math.sin(math.pi / len(layers))

            def around(x: float, y: float) -> list[LayerDot]:
                return [
                    (
                        x + ring * math.cos(math.pi / 2 - 2 * math.pi * k / len(layers)),
                        y + ring * math.sin(math.pi / 2 - 2 * math.pi * k / len(layers)),
                        n,
                        layer,
                    )
                    for k, (layer, n) in enumerate(zip(layers, counts, strict=True))
                ]

            placed = around(cx, cy)
            home = region(cx, cy) if region is not None else None
            if region is not None and home is not None and any(region(x, y) != home for x, y, *_ in placed):
                for step in RING_SHIFTS:
                    for k in range(16):
                        angle = math.pi / 2 - 2 * math.pi * k / 16
                        moved = around(cx + step * ring * math.cos(angle), cy + step * ring * math.sin(angle))
                        if all(region(x, y) == home for x, y, *_ in moved):
                            return _inside(moved, (cx, cy), bounds, radius)
        return _inside(placed, (cx, cy), bounds, radius)

    def clash(a: list[LayerDot], b: list[LayerDot]) -> bool:
        return any(math.dist(p[:2], q[:2]) < radius(p[2]) + radius(q[2]) for p in a for q in b)

    groups: list[tuple[list[LayerDot], list[LayerDot]]] = []  # (members, laid out)
    for dot in sorted(dots, key=lambda d: (rank.get(d[3], len(rank)), d[3], d[0], d[1])):
        members = [(float(dot[0]), float(dot[1]), dot[2], dot[3])]
        # A new or grown group joins the first group it overlaps, until it overlaps none.
        while True:
            laid = layout(members)
            other = next((i for i, g in enumerate(groups) if clash(laid, g[1])), None)
            if other is None:
                groups.append((members, laid))
                break
            members = groups.pop(other)[0] + members
    return sorted(d for _, laid in groups for d in laid)


def _inside(
    dots: list[LayerDot],
    centre: tuple[float, float],
    bounds: tuple[float, float, float, float] | None,
    radius: Any,
) -> list[LayerDot]:
    """``dots`` moved as a whole to lie inside ``bounds``; unchanged when they do, when they
    cannot, or when their centre lies outside (a place beyond the map's edge)."""
    if bounds is None:
        return dots
    x0, y0, x1, y1 = bounds
    if not (x0 <= centre[0] <= x1 and y0 <= centre[1] <= y1):
        return dots
    left = min(d[0] - radius(d[2]) for d in dots)
    right = max(d[0] + radius(d[2]) for d in dots)
    low = min(d[1] - radius(d[2]) for d in dots)
    high = max(d[1] + radius(d[2]) for d in dots)
    dx = (x0 - left if left < x0 else x1 - right if right > x1 else 0.0) if right - left <= x1 - x0 else 0.0
    dy = (y0 - low if low < y0 else y1 - high if high > y1 else 0.0) if high - low <= y1 - y0 else 0.0
    return [(x + dx, y + dy, n, layer) for x, y, n, layer in dots]


@contextmanager
def _plain_text() -> Iterator[None]:
    """Text artists created inside never parse ``$...$`` as mathtext (titles, legend, labels)."""
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False}):
        yield


# --- geometry helpers ----------------------------------------------------------------------


def _transformer(inverse: bool = False) -> Any:
    from pyproj import Transformer

    if inverse:
        return Transformer.from_crs(EQUAL_AREA_CRS, "EPSG:4326", always_xy=True)
    return Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)


def _project(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(lat, lon) points to (x, y) metres."""
    transformer = _transformer()
    return [tuple(transformer.transform(lon, lat)) for lat, lon in points]


def _lonlat_box(extent: tuple[float, float, float, float], margin: float = 0.3) -> tuple[float, ...]:
    """The lon/lat box (west, south, east, north) around a projected extent, grown by ``margin``
    degrees."""
    inverse = _transformer(inverse=True)
    x0, y0, x1, y1 = extent
    corners = [inverse.transform(x, y) for x in (x0, (x0 + x1) / 2, x1) for y in (y0, (y0 + y1) / 2, y1)]
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    return (min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin)


def _frame(geometries: list[Any], values: dict[str, list[Any]] | None = None) -> Any:
    import geopandas as gpd

    return gpd.GeoDataFrame(values or {}, geometry=geometries, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)


def _nice_length(metres: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if step * 1000 >= metres:
            return step * 1000.0
    return 1_000_000.0


def _fit_aspect(
    extent: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float, float, float]:
    """``extent`` grown in one direction so that it has the aspect of a width x height box."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = x1 - x0, y1 - y0
    if w / h < width / height:
        w = h * width / height
    else:
        h = w * height / width
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


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
    pad = max(max(xs) - min(xs), max(ys) - min(ys)) * 0.06 + 3000
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def page_scale(extent_width_m: float, axes_width_in: float) -> int:
    """The page scale 1:N of a map ``extent_width_m`` wide drawn ``axes_width_in`` wide,
    rounded to two significant digits."""
    ratio = extent_width_m / (axes_width_in * 0.0254)
    digits = 10 ** max(int(math.log10(ratio)) - 1, 0)
    return int(round(ratio / digits) * digits)


def _scale_text(scale: int, lang: str) -> str:
    sep = "." if lang == "nl" else ","
    return f"1:{scale:,}".replace(",", sep) + (" (A4)")


# --- label placement -----------------------------------------------------------------------


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _page_text_boxes(fig: Any, renderer: Any, besides: Any = None) -> list[Box]:
    """Display boxes of the page's texts outside ``besides`` (an axes): the figure's own texts
    (title, subtitle, credits), its legends, and other axes' titles and texts."""
    artists: list[Any] = [*fig.texts, *fig.legends]
    for ax in fig.axes:
        if ax is not besides:
            artists += [ax.title, *ax.texts]
    boxes = []
    for artist in artists:
        if not artist.get_visible() or (hasattr(artist, "get_text") and not artist.get_text().strip()):
            continue
        extent = artist.get_window_extent(renderer)
        boxes.append((extent.x0, extent.y0, extent.x1, extent.y1))
    return boxes


@dataclass
class Placer:
    """Greedy label placement on one axes: names go to the first candidate position that stays
    inside the axes and overlaps no dot and no name placed before, and never one that overlaps
    the page's furniture (the scale bar, and any title, legend or other text of the page that
    reaches into the axes): names yield to it, it does not move for them."""

    ax: Any
    renderer: Any
    occupied: list[Box] = field(default_factory=list)
    names: list[Box] = field(default_factory=list)
    furniture: list[Box] = field(default_factory=list)

    def __post_init__(self) -> None:
        frame = self.ax.get_window_extent(self.renderer)
        axes_box = (frame.x0, frame.y0, frame.x1, frame.y1)
        for box in _page_text_boxes(self.ax.figure, self.renderer, besides=self.ax):
            if _overlap(box, axes_box):
                self.keep_clear(box)

    def block(self, box: Box) -> None:
        self.occupied.append(box)

    def keep_clear(self, box: Box, pad: float = FURNITURE_PAD_PX) -> None:
        """Furniture: no name and no place's point may come within ``pad`` pixels of ``box``."""
        self.furniture.append((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))

    def free(self, box: Box) -> bool:
        """Whether ``box`` overlaps neither a name placed before nor the furniture."""
        return not any(_overlap(box, other) for other in (*self.names, *self.furniture))

    def _inside(self, box: Box) -> bool:
        frame = self.ax.get_window_extent(self.renderer)
        return bool(
            box[0] >= frame.x0 + 2
            and box[2] <= frame.x1 - 2
            and box[1] >= frame.y0 + 2
            and box[3] <= frame.y1 - 2
        )

    def _size(self, text: str, **style: Any) -> tuple[float, float]:
        probe = self.ax.figure.text(0, 0, text, parse_math=False, **style)
        extent = probe.get_window_extent(self.renderer)
        probe.remove()
        return extent.width, extent.height

    def place(
        self,
        text: str,
        anchors: Sequence[tuple[float, float]],
        *,
        gap_pt: float,
        required: bool,
        **style: Any,
    ) -> bool:
        """Draw ``text`` at the first free spot around ``anchors`` (data coordinates): right,
        left, above, below and the diagonals, ``gap_pt`` away, then further out (joined to its
        anchor by a thin line) when dots crowd the anchor. A ``required`` name takes the least
        covered spot when none is free; otherwise it is left out."""
        width, height = self._size(text, **style)
        best: tuple[float, Box, tuple[float, float], bool] | None = None
        for step, extra in enumerate(FAR_STEPS_PT):
            gap = (gap_pt + extra) * self.ax.figure.dpi / 72
            for ax_, ay_ in anchors:
                px, py = self.ax.transData.transform((ax_, ay_))
                for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
                    x0 = px + gap if dx > 0 else (px - gap - width if dx < 0 else px - width / 2)
                    y0 = py + gap if dy > 0 else (py - gap - height if dy < 0 else py - height / 2)
                    box = (x0, y0, x0 + width, y0 + height)
                    if not self._inside(box) or any(_overlap(box, other) for other in self.furniture):
                        continue
                    near = (
                        box[0] - NAME_GAP_PX,
                        box[1] - NAME_GAP_PX,
                        box[2] + NAME_GAP_PX,
                        box[3] + NAME_GAP_PX,
                    )
                    covered = sum(_overlap(near, other) for other in self.occupied)
                    if covered == 0:
                        self._draw(text, box, style, (px, py) if step else None)
                        return True
                    if best is None or covered < best[0]:
                        best = (covered, box, (px, py), step > 0)
        if required and best is not None:
            self._draw(text, best[1], style, best[2] if best[3] else None)
            return True
        return False

    def _draw(self, text: str, box: Box, style: dict[str, Any], leader: tuple[float, float] | None) -> None:
        x, y = self.ax.transAxes.inverted().transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
        if leader is not None:  # a thin line from the anchor to the nearest point of the name
            end = (min(max(leader[0], box[0]), box[2]), min(max(leader[1], box[1]), box[3]))
            line = self.ax.transAxes.inverted().transform([leader, end])
            self.ax.plot(
                line[:, 0],
                line[:, 1],
                transform=self.ax.transAxes,
                color="#777777",
                linewidth=0.5,
                zorder=5.5,
            )
        self.ax.text(
            x,
            y,
            text,
            transform=self.ax.transAxes,
            ha="center",
            va="center",
            parse_math=False,
            zorder=6,
            **style,
        )
        self.block(box)
        self.names.append(box)


# --- drawing -------------------------------------------------------------------------------


def _base_map(ax: Any, extent: tuple[float, float, float, float], sources: set[str]) -> None:
    """Sea, land and country borders (Natural Earth; the Dutch land border CBS's), faint NUTS-3
    borders (GISCO; Twente's polygon is CBS's), clipped to the extent."""
    import shapely
    from shapely.geometry import shape

    from lifeport_map.boundaries import country_features, nuts3_features

    ax.set_facecolor(SEA)
    box = _lonlat_box(extent)
    drawn = [(shapely.clip_by_rect(shape(f["geometry"]), *box), f) for f in country_features().values()]
    countries = [g for g, _ in drawn if not g.is_empty]
    for geometry, feature in drawn:  # Natural Earth; the Dutch land border CBS's
        if not geometry.is_empty:
            sources.update(feature["properties"].get("sources", ["naturalearth"]))
    if countries:
        _frame(countries).plot(ax=ax, facecolor=LAND, edgecolor="none", zorder=0)
    nuts = []
    for feature in nuts3_features().values():
        geometry = shapely.clip_by_rect(shape(feature["geometry"]), *box)
        if not geometry.is_empty:
            nuts.append(geometry.boundary)
            sources.add(feature["properties"].get("source", "gisco"))
    if nuts:
        _frame(nuts).plot(ax=ax, color=NUTS_EDGE, linewidth=0.35, zorder=1)
    if countries:
        _frame([g.boundary for g in countries]).plot(ax=ax, color=COUNTRY_EDGE, linewidth=0.7, zorder=1.5)


def _outlines(ax: Any, outlines: Sequence[Outline], sources: set[str]) -> None:
    from shapely.geometry import shape

    for outline in outlines:
        sources.update(outline.sources)
        _frame([shape(outline.geometry)]).plot(
            ax=ax,
            facecolor="#33333308",
            edgecolor="#222222",
            linewidth=1.1,
            linestyle="--" if outline.approximate else "-",
            zorder=2,
        )


def _region_test(ax: Any, outlines: Sequence[Outline]) -> Callable[[float, float], object]:
    """Which of ``outlines`` a point in pixels of ``ax`` lies in (its index), or None."""
    import shapely
    from shapely.geometry import shape

    shapes = list(_frame([shape(o.geometry) for o in outlines]).geometry) if outlines else []
    for geometry in shapes:
        shapely.prepare(geometry)
    from_px = ax.transData.inverted().transform

    def test(x: float, y: float) -> object:
        point = shapely.Point(*from_px((x, y)))
        return next((i for i, geometry in enumerate(shapes) if geometry.contains(point)), None)

    return test


def _dots(
    ax: Any, fig: Any, sites: Sequence[Site], registry: Registry, placer: Placer, outlines: Sequence[Outline]
) -> None:
    """One dot per layer and place, sized and numbered by the number of sites (a layer's dots
    that would overlap merged, ``merge_dots``; dots of different layers that would overlap set
    in a ring around their centre, ``ring_dots``); every dot blocks its area for names."""
    with_layers = [
        (s, layers)
        for s, layers in sites_with_layers(sites, registry.taxonomy)
        if s.location.lat is not None and s.location.lon is not None
    ]
    xy = dict(
        zip(
            [s.id for s, _ in with_layers],
            _project([(s.location.lat, s.location.lon) for s, _ in with_layers]),  # type: ignore[misc]
            strict=True,
        )
    )
    scale = fig.dpi / 72
    to_px = ax.transData.transform
    from_px = ax.transData.inverted().transform
    order = layer_ids(registry.taxonomy)
    merged: list[LayerDot] = []
    for layer in order:
        at_place = Counter(xy[s.id] for s, layers in with_layers if layer in layers)
        merged += [
            (x, y, n, layer) for x, y, n in merge_dots([(*to_px(p), n) for p, n in at_place.items()], scale)
        ]
    laid = ring_dots(merged, scale, order, tuple(ax.bbox.extents), _region_test(ax, outlines))
    for layer in order:
        dots = [(x, y, n) for x, y, n, dot_layer in laid if dot_layer == layer]
        if not dots:
            continue
        places = [tuple(from_px((x, y))) for x, y, _ in dots]
        counts = [n for _, _, n in dots]
        ax.scatter(
            [p[0] for p in places],
            [p[1] for p in places],
            s=[dot_area(n) for n in counts],
            c=layer_colour(layer),
            edgecolors="black" if layer == PIPELINE else "white",
            linewidths=0.6,
            zorder=4,
        )
        for (px, py, count), place in zip(dots, places, strict=True):
            radius = math.sqrt(dot_area(count)) / 2 * scale + 1
            placer.block((px - radius, py - radius, px + radius, py + radius))
            if count > 1:
                ax.text(
                    place[0],
                    place[1],
                    str(count),
                    ha="center",
                    va="center",
                    fontsize=5,
                    fontweight="bold",
                    color="white" if layer != PIPELINE else "black",
                    zorder=5,
                    clip_on=True,
                    parse_math=False,
                )


def _scale_bar(ax: Any, extent: tuple[float, float, float, float], placer: Placer, note: str) -> None:
    """A scale bar with its length above and the page scale under it, in the lower left corner,
    or, when a dot lies under it there, the first of the lower right, upper left and upper right
    corners where none does (the lower left when every corner has one). Its texts sit on a faint
    white ground, so borders under them do not cut through the letters; names keep clear of it."""
    x0, y0, x1, y1 = extent
    length = _nice_length((x1 - x0) / 6)
    ground = {"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
    # The texts stand 4 points above and below the bar (1.5 points thick), whatever the panel's size.
    points = (
        4.0 * ax.figure.dpi / 72 / (ax.transData.transform((0, 1))[1] - ax.transData.transform((0, 0))[1])
    )

    def draw(bx: float, by: float) -> tuple[list[Any], list[Box]]:
        bar = ax.plot(
            [bx, bx + length], [by, by], color="black", linewidth=3, solid_capstyle="butt", zorder=6
        )
        texts = [
            ax.text(
                bx + length / 2,
                by + points,
                f"{length / 1000:g} km",
                ha="center",
                va="bottom",
                fontsize=7,
                zorder=6,
                parse_math=False,
                bbox=ground,
            )
        ]
        if note:
            texts.append(
                ax.text(
                    bx,
                    by - points,
                    note,
                    ha="left",
                    va="top",
                    fontsize=6.5,
                    zorder=6,
                    parse_math=False,
                    bbox=ground,
                )
            )
        boxes = []
        for text in texts:
            box = text.get_window_extent(placer.renderer)
            boxes.append((box.x0, box.y0, box.x1, box.y1))
        ends = ax.transData.transform([(bx, by), (bx + length, by)])
        boxes.append((ends[0][0], ends[0][1] - 2, ends[1][0], ends[1][1] + 2))
        return [*bar, *texts], boxes

    left, right = x0 + (x1 - x0) * 0.04, x1 - (x1 - x0) * 0.04 - length
    low, high = y0 + (y1 - y0) * 0.05, y1 - (y1 - y0) * 0.05
    corners = [(left, low), (right, low), (left, high), (right, high)]
    for i, (bx, by) in enumerate(corners):
        artists, boxes = draw(bx, by)
        last = i == len(corners) - 1
        if last or not any(_overlap(box, dot) for box in boxes for dot in placer.occupied):
            break
        for artist in artists:
            artist.remove()
    if any(_overlap(box, dot) for box in boxes for dot in placer.occupied):  # every corner taken
        for artist in artists:
            artist.remove()
        artists, boxes = draw(*corners[0])
    for box in boxes:
        placer.keep_clear(box)


# A region's page has a small map of its country in a corner, the region filled: where it lies.
LOCATOR_WIDTH = 0.22  # of the map's width
LOCATOR_MAX_HEIGHT = 0.3  # of the map's height
LOCATOR_FILL = "#B8412C"


def _locator(ax: Any, outline: Outline, country: str, placer: Placer) -> Any | None:
    """The locator map: the region's country and its neighbours, the region filled, in the
    first corner of ``ax`` (upper right, upper left, lower right, lower left) where it covers no
    dot, name or the scale bar (else where it covers the fewest); names placed after keep clear
    of it. None when the country has no polygon."""
    import shapely
    from shapely.geometry import box as lonlat_box
    from shapely.geometry import shape

    from lifeport_map.boundaries import country_features

    features = country_features()
    if country not in features:
        return None
    home = shape(features[country]["geometry"])
    region = shape(outline.geometry)
    west, south, east, north = shapely.union(home, region).bounds
    grow_x, grow_y = (east - west) * 0.12, (north - south) * 0.12
    around = (west - grow_x, south - grow_y, east + grow_x, north + grow_y)
    projected = _frame([lonlat_box(*around)]).total_bounds
    aspect = (projected[3] - projected[1]) / (projected[2] - projected[0])
    frame = ax.get_window_extent(placer.renderer)
    width = LOCATOR_WIDTH * frame.width
    height = width * aspect
    if height > LOCATOR_MAX_HEIGHT * frame.height:
        height = LOCATOR_MAX_HEIGHT * frame.height
        width = height / aspect
    pad = 6 * ax.figure.dpi / 72
    corners = [
        (frame.x1 - pad - width, frame.y1 - pad - height),
        (frame.x0 + pad, frame.y1 - pad - height),
        (frame.x1 - pad - width, frame.y0 + pad),
        (frame.x0 + pad, frame.y0 + pad),
    ]
    taken = [*placer.occupied, *placer.furniture, *placer.names]

    def covered(corner: tuple[float, float]) -> int:
        here = (corner[0], corner[1], corner[0] + width, corner[1] + height)
        return sum(_overlap(here, other) > 0 for other in taken)

    x, y = min(corners, key=lambda c: (covered(c), corners.index(c)))
    figure = ax.figure
    inset = figure.add_axes(
        (
            x / figure.bbox.width,
            y / figure.bbox.height,
            width / figure.bbox.width,
            height / figure.bbox.height,
        )
    )
    inset.set_label("locator")
    inset.set_zorder(ax.get_zorder() + 1)
    inset.set_facecolor(SEA)
    # clipped to a wider box: the projected frame's corners reach beyond the lon/lat box
    wider = (west - 4 * grow_x, south - 4 * grow_y, east + 4 * grow_x, north + 4 * grow_y)
    countries = [shapely.clip_by_rect(shape(f["geometry"]), *wider) for f in features.values()]
    countries = [g for g in countries if not g.is_empty]
    _frame(countries).plot(ax=inset, facecolor=LAND, edgecolor=COUNTRY_EDGE, linewidth=0.3, zorder=0)
    _frame([home]).plot(ax=inset, facecolor="#ECEBE4", edgecolor="#555555", linewidth=0.5, zorder=1)
    _frame([region]).plot(ax=inset, facecolor=LOCATOR_FILL, edgecolor=LOCATOR_FILL, linewidth=0.4, zorder=2)
    inset.set_xlim(projected[0], projected[2])
    inset.set_ylim(projected[1], projected[3])
    inset.set_aspect("auto")
    _no_ticks(inset)
    for spine in inset.spines.values():
        spine.set_linewidth(0.6)
        spine.set_edgecolor("#666666")
    placer.keep_clear((x, y, x + width, y + height))
    return inset


# The smallest places a figure names, by the width of its extent (km): wider than 250 km only
# cities of 100,000 inhabitants, and so on. Where the extent holds fewer such places than the
# figure may name, it names the next smaller ones too: Dresden's region, 170 km wide, has 5
# places of 40,000 or more (Bautzen, Pirna, Freiberg, Cottbus and Dresden itself), and its sites
# at Meißen, Radebeul and Freital stood among no names.
CITY_THRESHOLDS = ((250, 100_000), (120, 40_000), (60, 15_000), (0, 5_000))


def _cities(
    ax: Any,
    extent: tuple[float, float, float, float],
    placer: Placer,
    sources: set[str],
    *,
    limit: int,
    lang: str,
    own: Region | None = None,
    home: str | None = None,
    centres: Sequence[Region] = (),
) -> None:
    """Names of the larger places (GeoNames; Dutch names under ``lang`` nl, see
    labels.place_name), largest first, each where it overlaps nothing; a city's districts are
    left out (``gazetteer.without_districts``). ``own``: the region whose map this is; its own
    city (``gazetteer.own_place``) is named first, in any case, and a little larger; so are
    the cities of ``centres`` next (Bijlage 1: the regions it outlines). ``home``: the map's
    country (by default ``own``'s), whose places come before its neighbours'."""
    from lifeport_map.gazetteer import places_and_centres
    from lifeport_map.render.labels import place_name

    width_km = (extent[2] - extent[0]) / 1000
    ladder = [minimum for wider, minimum in CITY_THRESHOLDS if width_km > wider] or [CITY_THRESHOLDS[-1][1]]
    west, south, east, north = _lonlat_box(extent, margin=0.0)
    box = (west, south, east, north)
    wanted = ([own] if own is not None else []) + list(centres)
    for threshold in ladder:  # smaller places too where the larger ones are too few
        places, cities_of = places_and_centres(threshold, box, [(r.centre_place, *r.centre) for r in wanted])
        if len(places) >= limit:
            break
    home = home or (own.country if own is not None else None)
    if home is not None:
        places.sort(key=lambda p: p.country != home)  # stable: by population within each
    firsts = list(dict.fromkeys(p for p in cities_of if p))
    ids = {p.geonameid for p in firsts}
    places = [*firsts, *(p for p in places if p.geonameid not in ids)]
    shown: set[str] = set()
    placed = 0
    for place in places:
        first = place in firsts
        if (placed >= limit and not first) or place.name in shown:
            continue
        x, y = _project([(place.lat, place.lon)])[0]
        if not (extent[0] < x < extent[2] and extent[1] < y < extent[3]):
            continue
        shown.add(place.name)
        # The place's own point must not sit on a name placed before or on the scale bar, a
        # title or the legend (it may sit under a dot).
        px, py = ax.transData.transform((x, y))
        reach = math.sqrt(PLACE_POINT_AREA) / 2 * ax.figure.dpi / 72 + 1.0  # its radius and 1 px
        point = (px - reach, py - reach, px + reach, py + reach)
        frame = ax.get_window_extent(placer.renderer)
        at_edge = min(px - frame.x0, frame.x1 - px, py - frame.y0, frame.y1 - py) < EDGE_PX
        if at_edge or not placer.free(point):  # a point on the frame reads as a mark of the frame
            continue
        if placer.place(
            figure_text(place_name(place.name, place.geonameid, lang)),
            [(x, y)],
            gap_pt=3.5,
            required=first,
            fontsize=7.5 if first else 6.5,
            color=CITY_COLOUR,
            fontstyle="italic",
            fontweight="bold" if first else "normal",
            path_effects=_halo(),  # a border or outline under the name does not cut its letters
        ):
            ax.scatter([x], [y], s=PLACE_POINT_AREA, c=CITY_COLOUR, linewidths=0, zorder=3)
            placer.block(point)
            placed += 1
            sources.add("geonames")


def _halo() -> list[Any]:
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=2.2, foreground=LAND)]


def _region_label(text: str) -> str:
    """A region name on lines of about LABEL_WIDTH characters; a long name's explanation in
    parentheses goes on a line of its own."""
    text = figure_text(text)
    if len(text) <= LABEL_WIDTH:
        return text
    head, bracket, rest = text.partition(" (")
    parts = [head, bracket.strip() + rest] if bracket else [text]
    return "\n".join(textwrap.fill(p, width=LABEL_WIDTH, break_on_hyphens=False) for p in parts)


def _outline_anchors(outline: Outline) -> list[tuple[float, float]]:
    """Where a region's name may go: above its outline, below it, east and west of it."""
    from lifeport_map.render.maps import _geometry_points

    xy = _project(_geometry_points(outline.geometry))
    top = max(xy, key=lambda p: p[1])
    bottom = min(xy, key=lambda p: p[1])
    east = max(xy, key=lambda p: p[0])
    west = min(xy, key=lambda p: p[0])
    cx = (east[0] + west[0]) / 2
    return [(cx, top[1]), (cx, bottom[1]), east, west, top, bottom]


def _legend(
    fig: Any,
    registry: Registry,
    counts: dict[str, int],
    lang: str,
    *,
    top: float,
    columns: int,
    made: Provenance | None = None,
) -> None:
    """Swatch, label and count per layer, and the key to the dot sizes, under the map; its
    title names the year the counts are of under ``--year`` (``made.year``)."""
    from matplotlib.lines import Line2D

    taxonomy = registry.taxonomy
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=5.5,
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
        loc="upper center",
        bbox_to_anchor=(0.5, top),
        ncol=min(len(handles), columns),
        fontsize=7.5,
        frameon=False,
        title=figure_text(dated_title(label("legend", lang), made, lang))
        + "\n"
        + figure_text(counting_text(lang)),
        title_fontsize=8.5,
        columnspacing=1.5,
    )


def _footer(fig: Any, renderer: Any, sources: set[str], made: Provenance, lang: str) -> None:
    """The credit line (sources and their licences, wrapped between credits to the page width),
    the date and the registry version."""
    size, left = 6.3, 0.035
    room = fig.bbox.width * (1 - 2 * left)

    def width(text: str) -> float:
        probe = fig.text(0, 0, text, fontsize=size, parse_math=False)
        extent: float = probe.get_window_extent(renderer).width
        probe.remove()
        return extent

    lines: list[str] = []
    for credit in credit_line(sources, lang).split("; "):
        if lines and width(f"{lines[-1]}; {credit}") <= room:
            lines[-1] = f"{lines[-1]}; {credit}"
        else:
            lines.append(credit)
    text = ";\n".join(lines) + "\n" + provenance_line(made, lang)
    fig.text(
        left,
        0.012,
        text,
        ha="left",
        va="bottom",
        fontsize=size,
        color="#333333",
        parse_math=False,
        linespacing=1.35,
    )


def _fit_width(fig: Any, renderer: Any, text: str, room: float, **style: Any) -> str:
    """``text`` broken between words into lines of at most ``room`` pixels, as drawn with
    ``style`` (a word longer than that stays whole on its own line)."""

    def width(line: str) -> float:
        probe = fig.text(0, 0, line, parse_math=False, **style)
        extent: float = probe.get_window_extent(renderer).width
        probe.remove()
        return extent

    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            joined = f"{current} {word}" if current else word
            if current and width(joined) > room:
                lines.append(current)
                current = word
            else:
                current = joined
        lines.append(current)
    return "\n".join(lines)


def _title(fig: Any, renderer: Any, title: str, subtitle: str | None) -> float:
    """The page's title and subtitle, each broken into lines that fit the page less its margins;
    returns where the lower one ends (a fraction of the page height)."""
    room = fig.bbox.width * (1 - 2 * 0.035)
    style: dict[str, Any] = {"fontsize": 13, "fontweight": "bold"}
    drawn = fig.text(
        0.5,
        0.985,
        _fit_width(fig, renderer, title, room, **style),
        ha="center",
        va="top",
        parse_math=False,
        **style,
    )
    bottom = drawn.get_window_extent(renderer).y0
    if subtitle:
        style = {"fontsize": 9, "color": "#333333"}
        top = bottom / fig.bbox.height - 0.008
        drawn = fig.text(
            0.5,
            top,
            _fit_width(fig, renderer, subtitle, room, **style),
            ha="center",
            va="top",
            parse_math=False,
            **style,
        )
        bottom = drawn.get_window_extent(renderer).y0
    return float(bottom / fig.bbox.height)


def _new_page(size: tuple[float, float]) -> tuple[Figure, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    return fig, canvas.get_renderer()  # type: ignore[no-untyped-call]


def _map_axes(fig: Any, rect: tuple[float, float, float, float]) -> Any:
    ax = fig.add_axes(rect)
    _no_ticks(ax)
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.6)
    return ax


def _no_ticks(ax: Any) -> None:
    """No ticks and no axis labels (geopandas labels projected axes 'Easting [metre]')."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def _axes_inches(fig: Any, ax: Any) -> tuple[float, float]:
    position = ax.get_position()
    width, height = fig.get_size_inches()
    return position.width * width, position.height * height


def _single_map(
    registry: Registry,
    sites: Sequence[Site],
    outlines: Sequence[Outline],
    named: Sequence[tuple[str, Outline]],
    *,
    title: str,
    subtitle: str | None,
    lang: str,
    made: Provenance,
    city_limit: int,
    own: Region | None = None,
    home: str | None = None,
    centres: Sequence[Region] = (),
) -> Figure:
    """An A4 portrait page with one map; ``own``: the region whose map it is (its city is
    named, see ``_cities``), ``centres``: regions whose cities are named so too; ``home``: the
    map's country, whose places are named first."""
    fig, renderer = _new_page(A4_PORTRAIT)
    below_title = _title(fig, renderer, dated_title(title, made, lang), subtitle)
    top = min(0.94, below_title - 0.008)  # a long title or subtitle takes lines off the map
    ax = _map_axes(fig, (0.035, 0.135, 0.93, top - 0.135))
    _legend(fig, registry, layer_counts(sites, registry.taxonomy), lang, top=0.128, columns=3, made=made)
    width_in, height_in = _axes_inches(fig, ax)
    extent = _fit_aspect(_extent(sites, outlines), width_in, height_in)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    sources: set[str] = set()
    placer = Placer(ax, renderer)
    _base_map(ax, extent, sources)
    _outlines(ax, outlines, sources)
    _dots(ax, fig, sites, registry, placer, outlines)
    _scale_bar(ax, extent, placer, _scale_text(page_scale(extent[2] - extent[0], width_in), lang))
    if own is not None:  # a region's page: where the region lies in its country
        _locator(ax, outlines[0], own.country, placer)
    for text, outline in named:
        placer.place(
            _region_label(text),
            _outline_anchors(outline),
            gap_pt=3,
            required=True,
            fontsize=8.5,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    _cities(ax, extent, placer, sources, limit=city_limit, lang=lang, own=own, home=home, centres=centres)
    _no_ticks(ax)
    _footer(fig, renderer, sources, made, lang)
    return fig


def nl_figure(registry: Registry, *, lang: str = "nl", made: Provenance | None = None) -> Figure:
    """Bijlage 1 as an A4 portrait page."""
    with _plain_text():
        sites = dutch_sites(registry)
        regions = sorted((r for r in registry.regions.values() if r.country == "NL"), key=lambda r: r.id)
        outlines = [region_outline(registry, r) for r in regions]
        return _single_map(
            registry,
            sites,
            outlines,
            [(r.text(lang), o) for r, o in zip(regions, outlines, strict=True)],
            title=label("nl_title", lang),
            subtitle=None,
            lang=lang,
            made=made or provenance(registry),
            city_limit=30,
            home="NL",
            centres=regions,  # the cities the annex is about are named in any case
        )


def region_figure(
    registry: Registry,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "nl",
    made: Provenance | None = None,
) -> Figure:
    """One region as an A4 portrait page."""
    with _plain_text():
        found = resolve_region(registry, region)
        chosen = resolve_definition(found, definition)
        sites = region_sites(registry, found, chosen.id)
        outline = region_outline(registry, found, chosen.id)
        return _single_map(
            registry,
            sites,
            [outline],
            [],
            title=figure_text(found.text(lang)),
            subtitle=figure_text(chosen.text(lang)),
            lang=lang,
            made=made or provenance(registry),
            city_limit=25,
            own=found,
        )


def panel_grid(count: int) -> tuple[int, int]:
    """Rows and columns for ``count`` panels: one row up to PANELS_PER_ROW, then rows of up to
    PANELS_PER_ROW (four panels make two rows of two)."""
    rows = max(1, math.ceil(count / PANELS_PER_ROW))
    return rows, math.ceil(count / rows)


def compare_figure(
    registry: Registry, regions: Sequence[str], *, lang: str = "nl", made: Provenance | None = None
) -> Figure:
    """Bijlage 2 as an A4 landscape page: one panel per region, every panel the same size in
    metres (so one scale), in rows of up to three."""
    with _plain_text():
        return _compare_figure(registry, regions, lang=lang, made=made or provenance(registry))


def _compare_figure(registry: Registry, regions: Sequence[str], *, lang: str, made: Provenance) -> Figure:
    found: list[Region] = []
    for name in regions:
        region = resolve_region(registry, name)
        if all(region.id != r.id for r in found):
            found.append(region)
    members = [region_sites(registry, r) for r in found]
    outlines = [region_outline(registry, r) for r in found]
    extents = [_extent(s, [o]) for s, o in zip(members, outlines, strict=True)]
    half = max(max(e[2] - e[0], e[3] - e[1]) for e in extents) / 2
    fig, renderer = _new_page(A4_LANDSCAPE)
    page_w, page_h = fig.get_size_inches()
    rows, columns = panel_grid(len(found))
    # The panel area between the title and the legend, in inches. Panels fill it, up to
    # PANEL_ASPECT_MAX between their sides; every panel shows ``half`` metres either side of its
    # centre along its shorter side, so all panels share one scale.
    left, right, bottom, top = 0.3, page_w - 0.3, 1.3, page_h - 0.7
    title_in = 0.62 if made.year is None else 0.77  # under --year a line for the year
    width = (right - left) / columns - 0.15
    height = (top - bottom) / rows - title_in - 0.08
    side = min(width, height)
    width, height = min(width, side * PANEL_ASPECT_MAX), min(height, side * PANEL_ASPECT_MAX)
    half_x, half_y = half * width / side, half * height / side
    gap_x = ((right - left) - columns * width) / columns
    scale = page_scale(2 * half, side)
    _title(
        fig,
        renderer,
        dated_title(label("compare_title", lang), made, lang),
        f"{label('scale_note', lang)} {_scale_text(scale, lang)}",
    )
    # The legend, and each panel's title and phase counts, come before the names, which keep
    # clear of them.
    counted = [layer_counts(sites, registry.taxonomy) for sites in members]
    totals: dict[str, int] = {}
    for counts in counted:
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    _legend(fig, registry, totals, lang, top=1.2 / page_h, columns=4, made=made)
    sources: set[str] = set()
    for i, (region, sites, outline, extent, counts) in enumerate(
        zip(found, members, outlines, extents, counted, strict=True)
    ):
        row, column = divmod(i, columns)
        in_row = min(columns, len(found) - row * columns)
        offset = (columns - in_row) * (width + gap_x) / 2  # a short last row is centred
        x = left + offset + column * (width + gap_x) + gap_x / 2
        y = top - (row + 1) * (height + title_in + 0.08) + 0.08
        ax = _map_axes(fig, (x / page_w, y / page_h, width / page_w, height / page_h))
        cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
        frame = (cx - half_x, cy - half_y, cx + half_x, cy + half_y)
        ax.set_xlim(frame[0], frame[2])
        ax.set_ylim(frame[1], frame[3])
        ax.set_aspect("equal")
        phases = textwrap.fill(  # lines break between phases, never inside one (no-break spaces)
            " · ".join(
                f"{layer_name(p, registry.taxonomy, lang)} {counts[p]}".replace(" ", "\u00a0")
                for p in registry.taxonomy.phase_ids
            ),
            width=int(width * 72 / 7 / 0.55),
            break_on_hyphens=False,
        )
        counts_text = ax.annotate(
            phases,
            (0.5, 1.0),
            xycoords="axes fraction",
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            linespacing=1.2,
            color="#333333",
            parse_math=False,
        )
        # The title's lowest line starts 2 points above the phase counts' highest.
        above = counts_text.get_window_extent(renderer).y1 - ax.get_window_extent(renderer).y1
        # under --year the panel's title says the year and how many sites count then
        then = year_count_text(made, sum(1 for s in sites if is_counted(s.status)), lang)
        ax.set_title(
            _region_label(region.text(lang)) + ("" if then is None else f"\n{then}"),
            fontsize=9,
            fontweight="bold",
            parse_math=False,
            verticalalignment="bottom",
            pad=above * 72 / fig.dpi + 2,
        )
        placer = Placer(ax, renderer)
        _base_map(ax, frame, sources)
        _outlines(ax, [outline], sources)
        _dots(ax, fig, sites, registry, placer, [outline])
        _scale_bar(ax, frame, placer, "")
        _cities(ax, frame, placer, sources, limit=10, lang=lang, own=region)
        _no_ticks(ax)
    _footer(fig, renderer, sources, made, lang)
    return fig


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The page as PNG, SVG or PDF bytes at its A4 size, without dates in the metadata, so
    identical input gives identical files."""
    import matplotlib

    if fmt not in FORMATS:
        from lifeport_map.errors import UsageError
        from lifeport_map.messages import msg

        raise UsageError(
            msg("usage.unknown-figure-format", format=fmt), hint=msg("use-one-of", values=", ".join(FORMATS))
        )
    metadata: dict[str, Any] = {
        "png": {"Software": None},
        "svg": {"Date": None},
        "pdf": {"CreationDate": None, "ModDate": None},
    }[fmt]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "lifeport-map", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, metadata=metadata)
    if fmt == "svg":  # the document type names a DTD on the web; nothing needs it (SVG 2 has none)
        return _SVG_DOCTYPE.sub(b"", buffer.getvalue(), count=1)
    return buffer.getvalue()


_SVG_DOCTYPE = re.compile(rb"<!DOCTYPE svg PUBLIC [^>]*>\n")
