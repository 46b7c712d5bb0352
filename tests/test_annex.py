"""Print-ready annexes: A4 pages with title, legend, scale, credits, date and registry version;
names placed clear of each other and of the dots; registry text drawn literally."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from lifeport_map import load_registry
from lifeport_map.provenance import Provenance, content_hash, map_date, provenance, registry_files
from lifeport_map.render.static import (
    compare_figure,
    dot_area,
    figure_bytes,
    merge_dots,
    nl_figure,
    page_scale,
    panel_grid,
    region_figure,
    ring_dots,
)

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
MADE = Provenance("2026-01-02", "git 0123456789ab")
A4_PT = (595.28, 841.89)  # 210 x 297 mm in PostScript points


def _mediabox(pdf: bytes) -> tuple[float, float]:
    found = re.search(rb"/MediaBox \[ *0 +0 +([\d.]+) +([\d.]+) *\]", pdf)
    assert found, "no MediaBox in the PDF"
    return float(found.group(1)), float(found.group(2))


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry(check=False)


def test_annexes_are_a4_pages(registry) -> None:  # type: ignore[no-untyped-def]
    portrait = _mediabox(figure_bytes(nl_figure(registry, made=MADE), "pdf"))
    landscape = _mediabox(
        figure_bytes(compare_figure(registry, ["nijmegen", "dresden", "leuven"], made=MADE), "pdf")
    )
    assert portrait == pytest.approx(A4_PT, abs=0.5)
    assert landscape == pytest.approx(A4_PT[::-1], abs=0.5)
    # PNG at 150 dpi: 210 mm = 1240.2 px and 297 mm = 1753.9 px, cut to whole pixels.
    png = figure_bytes(region_figure(registry, "twente", made=MADE), "png")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1240, 1753)


def test_svg_carries_title_credits_date_version_and_scale(registry) -> None:  # type: ignore[no-untyped-def]
    svg = figure_bytes(nl_figure(registry, lang="en", made=MADE), "svg").decode("utf-8")
    for text in (
        "Annex 1: the Dutch semiconductor value chain",
        "Registry: lifeport-map (CC BY 4.0)",
        "places: GeoNames (CC BY 4.0)",
        "boundaries: © EuroGeographics, source Eurostat GISCO",
        "countries: Natural Earth",
        "Statistics Netherlands CBS (CC BY 4.0)",  # Twente's polygon is CBS's
        "map of 2026-01-02 · registry version git 0123456789ab",
        "(A4)",
        "Legend (number of sites)",
    ):
        assert text in svg, text


def test_compare_panels_share_one_scale_and_wrap_into_rows(registry) -> None:  # type: ignore[no-untyped-def]
    assert [panel_grid(n) for n in (1, 2, 3, 4, 5, 6)] == [(1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (2, 3)]
    six = ["nijmegen", "brainport", "twente", "delft", "leuven", "dresden"]
    fig = compare_figure(registry, six, made=MADE)
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert len(panels) == 6
    spans = {round(ax.get_xlim()[1] - ax.get_xlim()[0]) for ax in panels}
    sizes = {(round(ax.get_position().width, 6), round(ax.get_position().height, 6)) for ax in panels}
    rows = sorted({round(ax.get_position().y0, 4) for ax in panels})
    assert len(spans) == 1 and len(sizes) == 1  # the same metres on the same paper: one scale
    assert len(rows) == 2


def test_compare_panels_fill_the_page_down_to_the_legend(registry) -> None:  # type: ignore[no-untyped-def]
    # A4 landscape is 11.693 x 8.268 in; the panel area runs from 1.3 in to 8.268 - 0.7 = 7.568 in
    # and 0.3 in from either side. One row: 7.568 - 1.3 - 0.62 - 0.08 = 5.568 in high; three
    # columns: (11.693 - 0.6) / 3 - 0.15 = 3.548 in wide. Two rows: 6.268 / 2 - 0.7 = 2.434 in
    # high and at most 1.6 x 2.434 = 3.894 in wide. The panels end 0.08 in above 1.3 in.
    regions = ["nijmegen", "dresden", "leuven", "delft", "brainport", "twente"]
    expected = {2: (5.396, 5.568), 3: (3.548, 5.568), 4: (3.894, 2.434), 6: (3.548, 2.434)}
    for count, (width, height) in expected.items():
        fig = compare_figure(registry, regions[:count], made=MADE)
        page_w, page_h = fig.get_size_inches()
        panels = [ax for ax in fig.axes if ax.get_title()]
        assert len(panels) == count
        for ax in panels:
            box = ax.get_position()
            assert box.width * page_w == pytest.approx(width, abs=0.002)
            assert box.height * page_h == pytest.approx(height, abs=0.002)
        assert min(ax.get_position().y0 for ax in panels) * page_h == pytest.approx(1.38, abs=0.002)


def test_merge_dots_merges_overlapping_dots_into_their_weighted_centre() -> None:
    # At 1 px a point: one site has radius sqrt(22) / 2 = 2.345 px, two sites sqrt(44) / 2 = 3.317 px.
    # (0,0) and (4,0) overlap (4 < 4.69) and become two sites at (2,0); (8,0) is 6 px from there,
    # more than 3.317 + 2.345 = 5.662, so it stays.
    assert merge_dots([(0, 0, 1), (4, 0, 1), (8, 0, 1)], 1.0) == [(2.0, 0.0, 2), (8.0, 0.0, 1)]
    # Three sites at (0,0) and one at (3,3): centre (0.75, 0.75) with four sites.
    assert merge_dots([(0, 0, 3), (3, 3, 1)], 1.0) == [(0.75, 0.75, 4)]
    # Far apart: nothing changes.
    assert merge_dots([(0, 0, 1), (20, 0, 1)], 2.0) == [(0.0, 0.0, 1), (20.0, 0.0, 1)]


def test_no_two_dots_overlap_in_a_crowded_cluster() -> None:
    # 40 places on a 10 x 4 grid 3 px apart, one to four sites each, at 150 dpi.
    crowded = [(3.0 * (i % 10), 3.0 * (i // 10), 1 + i % 4) for i in range(40)]
    scale = 150 / 72
    merged = merge_dots(crowded, scale)
    assert sum(n for _, _, n in merged) == sum(n for _, _, n in crowded) == 100
    radii = [math.sqrt(dot_area(n)) / 2 * scale for _, _, n in merged]
    for i, a in enumerate(merged):
        for j in range(i + 1, len(merged)):
            assert math.dist(a[:2], merged[j][:2]) >= radii[i] + radii[j]


def test_ring_dots_set_overlapping_dots_of_different_layers_around_their_centre() -> None:
    # At 1 px a point one site has radius sqrt(22) / 2 = 2.34521 px; with half the 1 pt gap
    # 2.84521. Two layers at (100, 100): a ring of that radius (2.84521 / sin 90°), design at the
    # top, front-end below. A dot that overlaps nothing stays where it is.
    assert ring_dots(
        [(100, 100, 1, "design"), (100, 100, 1, "front-end"), (200, 100, 3, "design")],
        1.0,
        ["design", "front-end"],
    ) == [
        (100.0, pytest.approx(97.15479), 1, "front-end"),
        (100.0, pytest.approx(102.84521), 1, "design"),
        (200.0, 100.0, 3, "design"),
    ]
    # Three layers at (99, 50): radius 2.84521 / sin 60° = 3.28537; a at the top, b at -30°,
    # c at 210°, so b lies at x = 99 + 3.28537 * cos 30° = 101.84521.
    three = [(99, 50, 1, "a"), (99, 50, 1, "b"), (99, 50, 1, "c")]
    assert ring_dots(three, 1.0, ["a", "b", "c"]) == [
        (pytest.approx(96.15479), pytest.approx(48.35732), 1, "c"),
        (99.0, pytest.approx(53.28536), 1, "a"),
        (pytest.approx(101.84521), pytest.approx(48.35732), 1, "b"),
    ]
    # With the region x < 100, b would leave it. Half a radius (1.64269) in any direction is not
    # enough (b's x stays above 100.2); one radius at -135° (the 11th direction clockwise from
    # the top) moves the centre by (-2.32310, -2.32310) and all three inside.
    west = ring_dots(three, 1.0, ["a", "b", "c"], region=lambda x, y: "west" if x < 100 else None)
    assert west == [
        (pytest.approx(93.83169), pytest.approx(46.03422), 1, "c"),
        (pytest.approx(96.67690), pytest.approx(50.96226), 1, "a"),
        (pytest.approx(99.52211), pytest.approx(46.03422), 1, "b"),
    ]
    # Bounds move a group as a whole: the ring of two at (100, 100) reaches 2.84521 + 2.34521 =
    # 5.19042 above its centre, so a top edge at 104 moves it down by 1.19042.
    assert ring_dots(
        [(100, 100, 1, "design"), (100, 100, 1, "front-end")], 1.0, ["design", "front-end"], (0, 0, 200, 104)
    ) == [
        (100.0, pytest.approx(95.96437), 1, "front-end"),
        (100.0, pytest.approx(101.65479), 1, "design"),
    ]


def test_ring_dots_leave_no_two_dots_overlapping_in_a_crowded_cluster() -> None:
    # 60 dots of four layers on a 10 x 6 grid 4 px apart, at 150 dpi: one layer's dots overlap
    # (merged first, as the figures do), the layers' dots overlap each other.
    scale = 150 / 72
    layers = ["design", "front-end", "back-end", "system-integration"]
    dots = [(4.0 * (i % 10), 4.0 * (i // 10), 1 + i % 3, layers[i % 4]) for i in range(60)]
    merged = [
        (x, y, n, layer)
        for layer in layers
        for x, y, n in merge_dots([(x, y, n) for x, y, n, dot in dots if dot == layer], scale)
    ]
    laid = ring_dots(merged, scale, layers)
    assert sum(d[2] for d in laid) == sum(d[2] for d in dots)
    assert laid == ring_dots(list(reversed(merged)), scale, layers)  # the order given does not matter
    radii = [math.sqrt(dot_area(n)) / 2 * scale for _, _, n, _ in laid]
    for i, a in enumerate(laid):
        for j in range(i + 1, len(laid)):
            assert math.dist(a[:2], laid[j][:2]) >= radii[i] + radii[j] - 1e-9


def _site_dots(fig, ax):  # type: ignore[no-untyped-def]
    """The site dots (scatter collections at zorder 4) on ``ax`` as display (x, y, radius)."""
    fig.canvas.draw()
    found = []
    for collection in ax.collections:
        if collection.get_zorder() != 4:
            continue
        points = collection.get_offset_transform().transform(collection.get_offsets())
        sizes = list(collection.get_sizes())
        sizes = sizes * len(points) if len(sizes) == 1 else sizes
        found += [(x, y, math.sqrt(s) / 2 * fig.dpi / 72) for (x, y), s in zip(points, sizes, strict=True)]
    return found


def test_no_two_dots_overlap_on_the_annexes_whatever_their_layers(registry) -> None:  # type: ignore[no-untyped-def]
    figures = [
        nl_figure(registry, made=MADE),
        compare_figure(registry, ["nijmegen", "dresden", "leuven"], made=MADE),
        compare_figure(registry, ["delft", "brainport", "leuven"], made=MADE),
    ]
    for fig in figures:
        for ax in fig.axes:
            dots = _site_dots(fig, ax)
            x0, y0, x1, y1 = ax.bbox.extents
            for i, (x, y, r) in enumerate(dots):
                assert x0 <= x <= x1 and y0 <= y <= y1, (ax.get_title(), x, y)
                for xb, yb, rb in dots[i + 1 :]:
                    assert math.dist((x, y), (xb, yb)) - r - rb >= -0.01, (ax.get_title(), (x, y), (xb, yb))


def test_page_scale_is_rounded_to_two_digits() -> None:
    # 300 km drawn 7.69 inches (0.195326 m) wide: 1:1,535,894, shown as 1:1,500,000.
    assert page_scale(300_000, 7.69) == 1_500_000
    # 40 km on 3 inches (0.0762 m): 1:524,934 -> 1:520,000.
    assert page_scale(40_000, 3.0) == 520_000


def _boxes(fig, ax):  # type: ignore[no-untyped-def]
    """Names (zorder 6 text, not the scale bar) and dots (scatter collections above the base
    map) on ``ax``, as display boxes."""
    import math

    renderer = fig.canvas.get_renderer()
    names = [
        t.get_window_extent(renderer)
        for t in ax.texts
        if t.get_zorder() == 6 and t.get_text() and "km" not in t.get_text() and "(A4)" not in t.get_text()
    ]
    dots = []
    for collection in ax.collections:
        if collection.get_zorder() != 4:
            continue
        points = collection.get_offset_transform().transform(collection.get_offsets())
        sizes = collection.get_sizes()
        for (x, y), size in zip(points, sizes if len(sizes) > 1 else [sizes[0]] * len(points), strict=True):
            r = math.sqrt(size) / 2 * fig.dpi / 72
            dots.append((x - r, y - r, x + r, y + r))
    return [(b.x0, b.y0, b.x1, b.y1) for b in names], dots


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def test_names_overlap_neither_each_other_nor_dots(registry) -> None:  # type: ignore[no-untyped-def]
    for fig in (nl_figure(registry, made=MADE), region_figure(registry, "nijmegen", made=MADE)):
        ax = fig.axes[0]
        names, dots = _boxes(fig, ax)
        assert len(names) >= 8 and len(dots) >= 10
        clashes = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if _overlap(a, b)]
        on_dots = [(a, d) for a in names for d in dots if _overlap(a, d)]
        assert clashes == [] and on_dots == []


def _registry_copy(tmp_path: Path, region_name: str) -> Path:
    """The mini registry with ``region_name`` (a YAML scalar) as the Dutch name of Nijmegen."""
    root = tmp_path / "reg"
    shutil.copytree(MINI, root)
    region = root / "regions" / "nijmegen.yaml"
    text = region.read_text(encoding="utf-8")
    text, found = re.subn(r"(?m)^name: \{nl: [^,]*,", lambda m: f"name: {{nl: {region_name},", text, count=1)
    assert found == 1
    region.write_text(text, encoding="utf-8")
    return root


def test_registry_text_is_drawn_literally(tmp_path: Path) -> None:
    # Control characters in names are refused when the registry is read (test_hardening draws
    # them into figures by hand); dollars and backslashes are allowed and must be drawn as typed.
    root = _registry_copy(tmp_path, '"Lifeport $\\\\undefinedmacro$ 5$"')  # YAML: \\ is one backslash
    registry = load_registry(root / "companies.yaml", root / "regions", check=False)
    fig = region_figure(registry, "nijmegen", lang="nl", made=MADE)
    svg = figure_bytes(fig, "svg").decode("utf-8")
    assert "Lifeport $\\undefinedmacro$ 5$" in svg  # dollars kept, no mathtext
    assert figure_bytes(fig, "png").startswith(b"\x89PNG")  # mathtext would fail on the macro
    assert figure_bytes(fig, "pdf").startswith(b"%PDF")


def test_registry_version_is_the_commit_or_a_content_hash(tmp_path: Path) -> None:
    root = _registry_copy(tmp_path, "Lifeport")
    registry = load_registry(root / "companies.yaml", root / "regions", check=False)
    files = registry_files(registry)
    assert [p.name for p in files] == [
        "companies.yaml",
        *sorted(p.name for p in (root / "regions").glob("*.yaml")),
    ]
    assert provenance(registry).version == f"sha256 {content_hash(files)}"  # not in git
    if shutil.which("git") is None:
        pytest.skip("git is not installed")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            capture_output=True,
            check=True,
            text=True,
        ).stdout.strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "registry")
    assert provenance(registry).version == f"git {git('rev-parse', '--short=12', 'HEAD')}"
    (root / "companies.yaml").write_text((root / "companies.yaml").read_text() + "\n", encoding="utf-8")
    changed = provenance(registry).version
    assert changed.startswith("sha256 ") and changed == f"sha256 {content_hash(files)}"


def test_the_date_follows_source_date_epoch() -> None:
    assert map_date({"SOURCE_DATE_EPOCH": "1767312000"}) == "2026-01-02"  # 2026-01-02T00:00:00Z
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", map_date({}))


def test_html_pages_carry_credits_date_and_version(registry) -> None:  # type: ignore[no-untyped-def]
    from maps_support import coverages_of, page_data

    from lifeport_map.render import maps

    expected = (
        "Registry: lifeport-map (CC BY 4.0); places: GeoNames (CC BY 4.0); boundaries: © EuroGeographics, "
        "source Eurostat GISCO; Statistics Netherlands CBS (CC BY 4.0); countries: Natural Earth"
        " · map of 2026-01-02 · registry version git 0123456789ab"
    )
    for page in (
        maps.nl_map(registry, lang="en", made=MADE),
        maps.region_map(registry, "twente", lang="en", made=MADE),
    ):
        assert [spec["credits"] for spec in page_data(maps.page_html(page))["maps"]] == [expected]
    regions = ["nijmegen", "dresden", "leuven"]
    html = maps.page_html(
        maps.compare_page(registry, regions, coverages=coverages_of(registry, regions), lang="en", made=MADE)
    )
    assert (
        html.count('<footer class="lp-credits">') == 1
        and f'<footer class="lp-credits">{expected}</footer>' in html
    )
    # Dresden alone draws no CBS polygon and no Dutch border: no CBS credit.
    dresden = maps.region_map(registry, "dresden", lang="en", made=MADE)
    assert "CBS" not in page_data(maps.page_html(dresden))["maps"][0]["credits"]


def test_the_version_asks_git_three_times_in_a_checkout_and_once_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = _registry_copy(tmp_path, "Lifeport")
    registry = load_registry(root / "companies.yaml", root / "regions", check=False)
    real = subprocess.run
    asked: list[str] = []

    def counted(args: list[str], **kwargs: Any) -> Any:
        asked.append(args[3])  # git -C <folder> <command>
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counted)
    assert provenance(registry).version.startswith("sha256 ")
    assert asked == ["rev-parse"]
    who = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "registry"]):
        real(["git", "-C", str(root), *who, *args], check=True)
    asked.clear()
    head = real(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True)
    assert provenance(registry).version == f"git {head.stdout.strip()}"
    assert asked == ["rev-parse", "ls-files", "status"]
