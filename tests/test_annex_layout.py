"""Every annex the CLI makes, checked from the figure's own geometry (matplotlib's text extents
and the dots' sizes): no two texts overlap, no text sits on a dot, a place's point or the scale
bar, and every text lies on the page. Names yield to the page's furniture (the scale bar, titles,
the legend), not the other way round."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest

from lifeport_map import load_registry
from lifeport_map.provenance import Provenance
from lifeport_map.render.static import (
    FURNITURE_PAD_PX,
    Placer,
    _new_page,
    _scale_bar,
    compare_figure,
    nl_figure,
    region_figure,
)

MADE = Provenance("2026-01-02", "git 0123456789ab")
MADE_2030 = Provenance("2026-01-02", "git 0123456789ab", 2030)
# Two boxes closer than this (pixels at 150 dpi; half a point) count as touching.
TOUCH_PX = 1.0

Box = tuple[float, float, float, float]


def _grown(box: Box, by: float) -> Box:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def _meet(a: Box, b: Box) -> bool:
    """Whether two boxes overlap or come within TOUCH_PX of each other."""
    a = _grown(a, TOUCH_PX / 2)
    b = _grown(b, TOUCH_PX / 2)
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def page_marks(fig: Any) -> tuple[list[tuple[str, Box]], list[tuple[str, Box]], list[tuple[str, Box]]]:
    """(texts, numbers in dots, marks) as display boxes: every visible non-empty text of the page
    (titles, legend, credits, names, the scale bar's), the numbers written in dots (zorder 5),
    and the marks no text may touch: site dots (zorder 4), places' points (zorder 3) and the scale
    bar (a line 3 points wide)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts, numbers, marks = [], [], []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        item = (text.get_text(), (box.x0, box.y0, box.x1, box.y1))
        (numbers if text.get_zorder() == 5 else texts).append(item)
    for ax in fig.axes:
        for collection in ax.collections:
            if collection.get_zorder() not in (3, 4):
                continue
            kind = "place" if collection.get_zorder() == 3 else "dot"
            points = collection.get_offset_transform().transform(collection.get_offsets())
            sizes = list(collection.get_sizes())
            sizes = sizes * len(points) if len(sizes) == 1 else sizes
            for (x, y), size in zip(points, sizes, strict=True):
                r = math.sqrt(size) / 2 * fig.dpi / 72
                marks.append((kind, (x - r, y - r, x + r, y + r)))
        for line in ax.lines:
            if line.get_linewidth() == 3:
                xy = line.get_transform().transform(line.get_xydata())
                half = 1.5 * fig.dpi / 72
                box = (xy[:, 0].min(), xy[:, 1].min() - half, xy[:, 0].max(), xy[:, 1].max() + half)
                marks.append(("scale bar", box))
    return texts, numbers, marks


def clashes(fig: Any) -> list[tuple[str, ...]]:
    """Every pair of texts that meet, every text that meets a mark, every text off the page and
    every number in a dot that is not inside a dot."""
    texts, numbers, marks = page_marks(fig)
    width, height = fig.bbox.width, fig.bbox.height
    found: list[tuple[str, ...]] = []
    for (a, box_a), (b, box_b) in itertools.combinations(texts + numbers, 2):
        if _meet(box_a, box_b):
            found.append(("texts meet", a, b))
    for name, box in texts:
        found += [(f"text on {kind}", name) for kind, mark in marks if _meet(box, mark)]
        if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
            found.append(("off the page", name))
    dots = [mark for kind, mark in marks if kind == "dot"]
    for name, box in numbers:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if not any(d[0] < cx < d[2] and d[1] < cy < d[3] for d in dots):
            found.append(("number outside its dot", name))
    return found


def test_clashes_finds_texts_that_meet_dots_and_the_page_edge() -> None:
    # In pixels: a dot of 36 points² (6 points across) at 150 dpi has a radius of 6.25 px. A text
    # starting 3 px right of its edge does not meet it; a text ending 0.4 px left of it does
    # (TOUCH_PX is 1). Two texts at one spot meet, and a text past the right edge is off the page.
    from matplotlib.transforms import IdentityTransform

    fig, _ = _new_page((4.0, 3.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, 600)
    ax.set_ylim(0, 450)  # 1 data unit = 1 px
    ax.set_xticks([])
    ax.set_yticks([])
    ax.scatter([300], [200], s=36, zorder=4)
    pixels = IdentityTransform()
    ax.text(300 + 6.25 + 3, 200, "clear", fontsize=6, ha="left", va="center", transform=pixels, zorder=6)
    ax.text(
        300 - 6.25 - 0.4, 200, "touching", fontsize=6, ha="right", va="center", transform=pixels, zorder=6
    )
    fig.text(0.2, 0.9, "one", fontsize=8)
    fig.text(0.2, 0.9, "two", fontsize=8)
    fig.text(0.99, 0.5, "edge", fontsize=8)
    assert sorted(clashes(fig)) == [
        ("off the page", "edge"),
        ("text on dot", "touching"),
        ("texts meet", "one", "two"),
    ]


def test_names_yield_to_the_furniture() -> None:
    # A name whose first spot (right of its anchor) would reach into the furniture goes to the
    # next one (left of it); a place's point on the furniture is not free.
    fig, renderer = _new_page((4.0, 4.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, 600)
    ax.set_ylim(0, 600)  # 1 data unit = 1 px (4 in at 150 dpi)
    placer = Placer(ax, renderer)
    placer.keep_clear((310.0, 280.0, 400.0, 320.0))
    assert placer.furniture == [
        (310 - FURNITURE_PAD_PX, 280 - FURNITURE_PAD_PX, 400 + FURNITURE_PAD_PX, 323.0)
    ]
    assert placer.place("Brussel", [(300.0, 300.0)], gap_pt=3.5, required=False, fontsize=6.5)
    (box,) = placer.names
    assert box[2] < 300  # left of the anchor
    assert not placer.free((308.0, 298.0, 312.0, 302.0))  # within the pad of the furniture
    assert placer.free((100.0, 100.0, 104.0, 104.0))
    # A required name with no spot but on the furniture is not drawn on it.
    placer.keep_clear((0.0, 0.0, 600.0, 600.0))
    assert not placer.place("Anderlecht", [(300.0, 300.0)], gap_pt=3.5, required=True, fontsize=6.5)


def test_a_placer_keeps_clear_of_page_texts_that_reach_into_its_axes() -> None:
    fig, renderer = _new_page((4.0, 4.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    title = fig.text(0.5, 0.5, "Legenda", fontsize=10)
    outside = fig.add_axes((0.0, 0.0, 0.1, 0.1))
    outside.set_title("")  # an empty title is no furniture
    box = title.get_window_extent(renderer)
    placer = Placer(ax, renderer)
    pad = FURNITURE_PAD_PX
    assert placer.furniture == [(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)]


def test_the_scale_bar_moves_to_a_corner_without_dots() -> None:
    # A 600 x 600 px axes over 60 km: the bar is 10 km (60 / 6) = 100 px long, 4 % (24 px) from
    # the side and 5 % (30 px) from the bottom or top. A dot in the lower left corner sends it to
    # the lower right: it then runs from 600 - 24 - 100 = 476 to 576 px.
    fig, renderer = _new_page((4.0, 4.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, 60_000)
    ax.set_ylim(0, 60_000)
    placer = Placer(ax, renderer)
    placer.block((40.0, 25.0, 60.0, 35.0))
    _scale_bar(ax, (0, 0, 60_000, 60_000), placer, "1:100.000 (A4)")
    (bar,) = [line for line in ax.lines if line.get_linewidth() == 3]
    assert list(bar.get_xdata()) == [47_600, 57_600] and list(bar.get_ydata()) == [3_000, 3_000]
    assert [t.get_text() for t in ax.texts] == ["10 km", "1:100.000 (A4)"]
    # Dots in every corner: it stays in the lower left.
    fig, renderer = _new_page((4.0, 4.0))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, 60_000)
    ax.set_ylim(0, 60_000)
    placer = Placer(ax, renderer)
    for x in (40.0, 520.0):
        for y in (25.0, 565.0):
            placer.block((x, y, x + 20, y + 10))
    _scale_bar(ax, (0, 0, 60_000, 60_000), placer, "")
    (bar,) = [line for line in ax.lines if line.get_linewidth() == 3]
    assert list(bar.get_xdata()) == [2_400, 12_400]
    assert [t.get_text() for t in ax.texts] == ["10 km"]


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry(check=False)


# The annexes the CLI makes: `map nl`, `map region R` for every region and `map compare` with
# two, three, four and six regions, in both languages between them and with --year.
ANNEXES = [
    ("nl", "nl", None, MADE),
    ("nl", "en", None, MADE_2030),
    *[("region", "nl", r, MADE) for r in ("brainport", "delft", "dresden", "leuven", "nijmegen", "twente")],
    ("region", "en", "dresden", MADE_2030),
    ("compare", "nl", ("nijmegen", "dresden", "leuven"), MADE),
    ("compare", "en", ("nijmegen", "brainport"), MADE),
    ("compare", "en", ("delft", "brainport", "leuven", "twente"), MADE_2030),
    ("compare", "nl", ("brainport", "delft", "dresden", "leuven", "nijmegen", "twente"), MADE),
]


@pytest.mark.parametrize(("kind", "lang", "regions", "made"), ANNEXES)
def test_no_text_meets_another_text_or_a_mark_on_any_annex(registry, kind, lang, regions, made) -> None:  # type: ignore[no-untyped-def]
    if kind == "nl":
        fig = nl_figure(registry, lang=lang, made=made)
    elif kind == "region":
        fig = region_figure(registry, regions, lang=lang, made=made)
    else:
        fig = compare_figure(registry, list(regions), lang=lang, made=made)
    texts, _, marks = page_marks(fig)
    assert len(texts) >= 15 and sum(kind == "dot" for kind, _ in marks) >= 5  # the page was drawn
    assert clashes(fig) == []


def test_place_names_have_a_halo_of_the_land_colour(registry) -> None:  # type: ignore[no-untyped-def]
    # Place names (italic) are drawn over a 2.2-point stroke in the land's colour, so a border or
    # an outline under a name does not cut through its letters.
    from matplotlib import patheffects

    from lifeport_map.render.static import LAND

    fig = region_figure(registry, "twente", made=MADE)
    names = [t for t in fig.axes[0].texts if t.get_fontstyle() == "italic"]
    assert len(names) >= 5
    for text in names:
        (effect,) = text.get_path_effects()
        assert isinstance(effect, patheffects.withStroke)
        assert effect._gc == {"linewidth": 2.2, "foreground": LAND}
