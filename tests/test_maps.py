"""Interactive maps: layers as the coverage analysis counts them, safe popups, embedded assets,
deterministic output, and the map commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli, snapshot
from maps_support import HOSTILE_ARGS, hostile, mini

from lifeport_map.analysis.coverage import coverage
from lifeport_map.render import maps


def test_site_layers_follow_phases_kinds_and_status() -> None:
    registry = mini()
    taxonomy = registry.taxonomy
    layers = {s.id: maps.site_layers(s, taxonomy) for s in registry.sites}
    # alpha: wafer fab + chip design; beta: back-end equipment; gamma: under construction.
    assert layers == {"alpha-nijmegen": ["design", "front-end"], "beta-duiven": ["back-end"],
                      "gamma-dresden": ["pipeline"]}


def test_region_legend_counts_equal_coverage() -> None:
    registry = mini()
    from lifeport_map.geo import region_sites

    sites = region_sites(registry, registry.regions["nijmegen"])
    legend = maps.legend_html(registry.taxonomy, maps.layer_counts(sites, registry.taxonomy), "nl")
    counts = dict(re.findall(r'data-layer="([a-z-]+)".*?data-count="(\d+)"', legend))
    expected = {p["phase"]: str(p["count"]) for p in coverage(registry, "nijmegen")["phases"]}
    assert {k: v for k, v in counts.items() if k in expected} == expected == {
        "design": "1", "front-end": "1", "back-end": "1", "system-integration": "0"}


def test_nl_map_draws_each_site_once_per_layer_from_feature_collections() -> None:
    registry = mini()
    collections = maps.site_collections(maps.dutch_sites(registry), registry.taxonomy, "nl")
    ids = {layer: [f["properties"]["site"] for f in c["features"]]
           for layer, c in collections.items()}
    assert ids["design"] == ["alpha-nijmegen"]
    assert ids["front-end"] == ["alpha-nijmegen"]
    assert ids["back-end"] == ["beta-duiven"]
    assert ids["pipeline"] == []  # gamma is in Dresden, not in the Dutch map


def test_popup_shows_every_field_and_escapes_registry_text() -> None:
    registry = hostile()
    site = registry.site("evil-duiven")
    html = maps.popup_html(site, registry.taxonomy, "en")
    assert "&#96;&#36;&#123;alert(1)&#125;&#96; &#92; backslash" in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "${" not in html and "`" not in html
    for heading in ("Organisation", "Kind", "Activities", "Status", "Website", "Sources"):
        assert heading in html
    assert 'rel="noopener noreferrer"' in html and 'target="_blank"' in html
    other = maps.popup_html(registry.site("hostile-nijmegen"), registry.taxonomy, "nl")
    assert "href" not in other.split("Website")[1].split("</tr>")[0]  # javascript: is text only
    assert "Organisatie" in other


def test_employees_show_value_year_and_source() -> None:
    registry = mini()
    html = maps.popup_html(registry.site("alpha-nijmegen"), registry.taxonomy, "en")
    assert "1,000 (year 2026; source: <a href=\"https://example.org/alpha\"" in html


@pytest.mark.parametrize("build", ["nl", "region", "compare"])
def test_pages_are_offline_deterministic_and_safe(build: str) -> None:
    def page() -> str:
        registry = hostile()
        if build == "nl":
            return maps.page_html(maps.nl_map(registry))
        if build == "region":
            return maps.page_html(maps.region_map(registry, "nijmegen", lang="en"))
        return maps.page_html(maps.compare_page(registry, ["nijmegen", "dresden"]))

    first, second = page(), page()
    assert first == second
    assert not re.search(r"_[0-9a-f]{32}", first)  # folium's random ids are renumbered
    assert not re.search(r"<(script|link)[^>]+(src|href)=", first)  # everything embedded
    assert "L.tileLayer" not in first
    assert "<img src=x" not in first and "</script><script>alert" not in first
    # Raw names stay only as JSON strings in the feature data (read as text by the search box);
    # everywhere else the page holds escaped text only.
    outside_data = re.sub(r'"(name|organisation)": "(?:[^"\\]|\\.)*"', "", first)
    assert "${alert" not in outside_data and "`" not in outside_data.split("<script>")[0]
    assert 'href="javascript' not in first
    assert "Leaflet 1.9" in first


def test_tiles_are_added_only_when_chosen_with_attribution() -> None:
    html = maps.page_html(maps.nl_map(mini(), tiles="osm"))
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


def test_compare_panels_share_one_zoom() -> None:
    html = maps.page_html(maps.compare_page(mini(), ["nijmegen", "dresden"]))
    zooms = re.findall(r'"zoom": (\d+)', html)
    assert len(zooms) == 2 and len(set(zooms)) == 1
    assert html.count('class="lp-coverage"') == 2


def test_common_zoom_fits_the_largest_region() -> None:
    small = [[51.80, 5.80], [51.85, 5.90]]
    large = [[51.0, 5.0], [52.0, 6.5]]
    assert maps.common_zoom([small]) > maps.common_zoom([small, large])
    assert maps.common_zoom([small, large]) == maps.common_zoom([large])


def test_map_commands_write_html_and_figures(tmp_path: Path, mini_args: list[str]) -> None:
    for args, name in ((["map", "nl"], "nl.html"), (["map", "region", "nijmegen", "--lang", "en"],
                                                     "region.html"),
                       (["map", "compare", "nijmegen", "dresden", "--format", "png"], "cmp.png"),
                       (["map", "nl", "--format", "svg"], "nl.svg"),
                       (["map", "region", "lifeport", "--format", "pdf"], "r.pdf")):
        result = run_cli(*mini_args, *args, "--output", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "cmp.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_map_command_errors_leave_nothing_behind(tmp_path: Path, mini_args: list[str]) -> None:
    unknown = run_cli(*mini_args, "map", "region", "atlantis", "--output", str(tmp_path / "a.html"))
    assert unknown.returncode == 2 and "unknown region" in unknown.stderr
    missing = run_cli(*mini_args, "map", "nl", "--output", str(tmp_path / "no" / "a.html"))
    assert missing.returncode == 3 and "does not exist" in missing.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr
    assert snapshot(tmp_path) == {}


def test_hostile_registry_map_via_cli(tmp_path: Path) -> None:
    result = run_cli(*HOSTILE_ARGS, "map", "nl", "--output", str(tmp_path / "h.html"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html


def test_per_marker_baseline_still_renders() -> None:
    html = maps.page_html(maps.per_marker_map(mini()))
    assert html.count("L.marker(") >= 3
