"""Interactive maps: layers as the coverage analysis counts them, safe popups, embedded assets,
deterministic output, and the map commands."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import run_cli, snapshot
from maps_support import HOSTILE_ARGS, coverages_of, hostile, mini, page_data, without_data

from lifeport_map.analysis.coverage import coverage
from lifeport_map.render import maps
from lifeport_map.render.safe import html_text, script_json


def test_site_layers_follow_phases_kinds_and_status() -> None:
    registry = mini()
    taxonomy = registry.taxonomy
    layers = {s.id: maps.site_layers(s, taxonomy) for s in registry.sites}
    # alpha: wafer fab + chip design; beta: back-end equipment; gamma: under construction.
    assert layers == {
        "alpha-nijmegen": ["design", "front-end"],
        "beta-duiven": ["back-end"],
        "gamma-dresden": ["pipeline"],
    }


def test_region_legend_counts_equal_coverage() -> None:
    registry = mini()
    from lifeport_map.geo import region_sites

    sites = region_sites(registry, registry.regions["nijmegen"])
    legend = maps.legend_html(registry.taxonomy, maps.layer_counts(sites, registry.taxonomy), "nl")
    counts = dict(re.findall(r'data-layer="([a-z-]+)".*?data-count="(\d+)"', legend))
    expected = {p.phase: str(p.count) for p in coverage(registry, "nijmegen").phases}
    assert (
        {k: v for k, v in counts.items() if k in expected}
        == expected
        == {"design": "1", "front-end": "1", "back-end": "1", "system-integration": "0"}
    )


def test_nl_map_holds_each_site_once_with_the_layers_it_is_drawn_in() -> None:
    registry = mini()
    collection = maps.site_features(maps.dutch_sites(registry), registry.taxonomy, "nl")
    assert collection["type"] == "FeatureCollection"
    # gamma is in Dresden, not in the Dutch map; alpha shows in both of its phases.
    assert {f["id"]: f["properties"]["layers"] for f in collection["features"]} == {
        "alpha-nijmegen": ["design", "front-end"],
        "beta-duiven": ["back-end"],
    }
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [5.85278, 51.8425]}
    spec = page_data(maps.page_html(maps.nl_map(registry)))["maps"][0]
    assert [layer["id"] for layer in spec["layers"]] == ["design", "front-end", "back-end"]
    assert [f["id"] for f in spec["sites"]["features"]] == ["alpha-nijmegen", "beta-duiven"]


def test_coordinates_in_the_page_are_rounded_to_five_decimals() -> None:
    registry = mini()
    site = dataclasses.replace(
        registry.site("alpha-nijmegen"),
        location=dataclasses.replace(
            registry.site("alpha-nijmegen").location, lat=51.842512345, lon=5.852789999
        ),
    )
    feature = maps.site_features([site], registry.taxonomy, "nl")["features"][0]
    assert feature["geometry"]["coordinates"] == [5.85279, 51.84251]


def test_site_record_keeps_registry_text_as_text_and_links_only_plain_http() -> None:
    registry = hostile()
    taxonomy = registry.taxonomy
    evil = registry.site("evil-duiven")
    record = maps.site_record(evil, maps.site_layers(evil, taxonomy), "en")
    # The text itself, unescaped: the browser sets it with textContent, so it shows literally.
    assert record["name"] == "`${alert(1)}` \\ backslash"
    assert record["org"] == "</script><script>alert(1)</script>"
    assert record["web"] == ["https://example.org/?q=<b>&x='\"`"] * 2
    assert record["src"] == [["<img src=x onerror=alert(2)>", "https://example.org/a?b=1&c=</script>", 2026]]
    assert record["layers"] == ["back-end", "system-integration"]
    other = maps.site_record(registry.site("hostile-nijmegen"), ["design"], "nl")
    assert other["web"] == ["javascript:alert(1)", None]  # shown as text, never a link
    assert other["src"] == [["seed: 001_52ea57b76e5b924b.txt", None, 2026]]
    # In the page the JSON cannot end its script element or open a comment.
    data = script_json(record)
    assert "<" not in data and ">" not in data


def test_site_record_shows_control_and_bidi_characters_visibly() -> None:
    registry = mini()
    site = dataclasses.replace(registry.site("beta-duiven"), name="Beta\u202e\nFab")
    record = maps.site_record(site, ["back-end"], "en")
    assert record["name"] == "Beta\\u202e\\x0aFab"


def test_site_record_has_every_popup_field() -> None:
    registry = mini()
    record = maps.site_record(registry.site("alpha-nijmegen"), ["design", "front-end"], "nl")
    assert record == {
        "name": "Alpha Fab",
        "org": "Alpha",
        "kind": "idm",
        "acts": ["wafer-fab", "chip-design"],
        "status": "active",
        "layers": ["design", "front-end"],
        "where": "Nijmegen, NL",
        "prec": "place",
        "emp": [["1.000", 2026, None, ["https://example.org/alpha", "https://example.org/alpha"]]],
        "src": [["https://example.org/alpha", "https://example.org/alpha", 2026]],
    }


def test_page_words_follow_the_language() -> None:
    registry = mini()
    english = page_data(maps.page_html(maps.nl_map(registry, lang="en")))["labels"]
    dutch = page_data(maps.page_html(maps.nl_map(registry, lang="nl")))["labels"]
    assert (english["organisation"], dutch["organisation"]) == ("Organisation", "Organisatie")
    assert english["terms"]["statuses"]["active"] != dutch["terms"]["statuses"]["active"]
    assert set(english["terms"]) == {
        "kinds",
        "activities",
        "statuses",
        "precisions",
        "facility_types",
        "technologies",
        "capacity_units",
        "event_types",
        "employee_scopes",
    }


def test_baseline_popup_shows_every_field_and_escapes_registry_text() -> None:
    # The HTML popups of the one-object-per-marker benchmark baseline.
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
    assert '1,000 (year 2026; source: <a href="https://example.org/alpha"' in html


@pytest.mark.parametrize("build", ["nl", "region", "compare"])
def test_pages_are_offline_deterministic_and_safe(build: str) -> None:
    def page() -> str:
        registry = hostile()
        if build == "nl":
            return maps.page_html(maps.nl_map(registry))
        if build == "region":
            return maps.page_html(maps.region_map(registry, "nijmegen", lang="en"))
        return maps.page_html(
            maps.compare_page(
                registry, ["nijmegen", "dresden"], coverages=coverages_of(registry, ["nijmegen", "dresden"])
            )
        )

    first, second = page(), page()
    assert first == second
    assert not re.search(r"<(script|link)[^>]+(src|href)=", first)  # everything embedded
    assert "tile.openstreetmap.org" not in first and "cartocdn" not in first
    assert "<img src=x" not in first and "</script><script>alert" not in first
    # Registry text is only in the JSON data (shown with textContent) or escaped by html_text.
    outside = without_data(first)
    assert "alert(" not in outside and "${" not in outside.split("<body")[1]
    assert 'href="javascript' not in first
    assert "Leaflet 1.9" in first
    # The data survives its trip through the page whole: every hostile name reads back as is.
    names = {f["properties"]["name"] for m in page_data(first)["maps"] for f in m["sites"]["features"]}
    assert "<img src=x onerror=alert(1)>" in names or build == "compare"
    assert "`${alert(1)}` \\ backslash" in names


def test_tiles_are_added_only_when_chosen_with_attribution() -> None:
    html = maps.page_html(maps.nl_map(mini(), tiles="osm"))
    assert "tile.openstreetmap.org" in html and "OpenStreetMap" in html


def test_compare_panels_share_one_zoom() -> None:
    html = maps.page_html(
        maps.compare_page(
            mini(), ["nijmegen", "dresden"], coverages=coverages_of(mini(), ["nijmegen", "dresden"])
        )
    )
    zooms = [spec["options"]["zoom"] for spec in page_data(html)["maps"]]
    assert len(zooms) == 2 and len(set(zooms)) == 1
    assert html.count('class="lp-coverage"') == 2


def test_common_zoom_fits_the_largest_region() -> None:
    small = [[51.80, 5.80], [51.85, 5.90]]
    large = [[51.0, 5.0], [52.0, 6.5]]
    assert maps.common_zoom([small]) > maps.common_zoom([small, large])
    assert maps.common_zoom([small, large]) == maps.common_zoom([large])


def test_map_commands_write_html_and_figures(tmp_path: Path, mini_args: list[str]) -> None:
    for args, name in (
        (["map", "nl"], "nl.html"),
        (["map", "region", "nijmegen", "--lang", "en"], "region.html"),
        (["map", "compare", "nijmegen", "dresden", "--format", "png"], "cmp.png"),
        (["map", "nl", "--format", "svg"], "nl.svg"),
        (["map", "region", "lifeport", "--format", "pdf"], "r.pdf"),
    ):
        result = run_cli(*mini_args, *args, "--output", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "cmp.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_map_command_errors_leave_nothing_behind(tmp_path: Path, mini_args: list[str]) -> None:
    unknown = run_cli(*mini_args, "map", "region", "atlantis", "--output", str(tmp_path / "a.html"))
    assert unknown.returncode == 2 and "onbekende regio" in unknown.stderr
    missing = run_cli(*mini_args, "map", "nl", "--output", str(tmp_path / "no" / "a.html"))
    assert missing.returncode == 3 and "bestaat niet" in missing.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr
    assert snapshot(tmp_path) == {}


def test_hostile_registry_map_via_cli(tmp_path: Path) -> None:
    result = run_cli(*HOSTILE_ARGS, "map", "nl", "--output", str(tmp_path / "h.html"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_registry_text_is_never_run_as_a_jinja_template(lang: str) -> None:
    # folium renders with Jinja; registry text that reached a template's source would run
    # ({{ 7*7 }} -> 49, and the globals of Python objects are reachable from there).
    registry = hostile()
    org = "[red]Evil[/red] | pipe {{ 7*7 }} {{ cycler.__init__.__globals__.os.getcwd() }}"
    definition = {"nl": "Twee gemeenten {{ 7*7 }}", "en": "Two municipalities {% if 1 %}jinja{% endif %}"}[
        lang
    ]
    pages = [
        maps.page_html(maps.nl_map(registry, lang=lang)),
        maps.page_html(
            maps.compare_page(
                registry,
                ["nijmegen", "dresden"],
                lang=lang,
                coverages=[coverage(registry, name, lang=lang) for name in ("nijmegen", "dresden")],
            )
        ),
    ]
    for html in pages:
        orgs = {f["properties"]["org"] for m in page_data(html)["maps"] for f in m["sites"]["features"]}
        assert org in orgs
        assert "pipe 49" not in html and "gemeenten 49" not in html and "municipalities jinja" not in html
    assert f"{html_text(definition)} (" in pages[1]  # the panel heading: escaped text, not template output


def test_per_marker_baseline_still_renders() -> None:
    html = maps.per_marker_map(mini()).get_root().render()
    assert html.count("L.marker(") == 3  # alpha in two phases, beta in one


def _figure_texts(fig: object) -> list[tuple[str, object]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(fig)  # type: ignore[arg-type]
    canvas.draw()
    renderer = canvas.get_renderer()
    return [
        (t.get_text(), t.get_window_extent(renderer))
        for t in fig.findobj(Text)  # type: ignore[attr-defined]
        if t.get_visible() and t.get_text()
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_national_figure_keeps_every_text_inside_the_figure(lang: str) -> None:
    from lifeport_map.registry import load_registry
    from lifeport_map.render import static

    fig = static.nl_figure(load_registry(check=False), lang=lang)
    width, height = fig.bbox.width, fig.bbox.height
    outside = [
        text
        for text, box in _figure_texts(fig)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height
    ]
    assert outside == []


def test_figure_shows_how_many_sites_share_a_place() -> None:
    from lifeport_map.render import static

    registry = mini()
    alpha = registry.site("alpha-nijmegen")
    # Three sites at alpha's place: alpha, a copy, and beta moved there (another layer).
    beta = registry.site("beta-duiven")
    crowded = dataclasses.replace(
        registry,
        sites=(
            alpha,
            dataclasses.replace(alpha, id="alpha-two"),
            dataclasses.replace(beta, location=alpha.location),
            registry.site("gamma-dresden"),
        ),
    )
    texts = [text for text, _ in _figure_texts(static.nl_figure(crowded))]
    # Design and front-end have two sites at the place each; back-end one (no number).
    assert texts.count("2") == 2 and "1" not in texts
    assert static.dot_area(2) > static.dot_area(1)
    assert static.dot_area(1000) == static.DOT_AREA_MAX


def test_map_nl_returns_a_folium_map_that_saves_identically_also_when_extended(tmp_path: Path) -> None:
    import folium

    from lifeport_map import load_registry, map_nl

    fmap = map_nl(load_registry(check=False))
    assert isinstance(fmap, folium.Map)
    fmap.save(str(tmp_path / "a.html"))
    fmap.save(str(tmp_path / "b.html"))
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    # A user's own layer: still no random ids, still identical bytes on every save.
    folium.Marker([51.84, 5.86], tooltip="mine").add_to(fmap)
    fmap.save(str(tmp_path / "c.html"))
    fmap.save(str(tmp_path / "d.html"))
    assert (tmp_path / "c.html").read_bytes() == (tmp_path / "d.html").read_bytes()
    assert (tmp_path / "c.html").read_bytes() != (tmp_path / "a.html").read_bytes()


def test_compare_figure_holds_one_folium_map_per_region() -> None:
    import folium

    from lifeport_map import map_compare

    figure = map_compare(mini(), ["nijmegen", "dresden"])
    assert sorted(figure.maps_by_region) == ["dresden", "nijmegen"]
    assert all(isinstance(m, folium.Map) for m in figure.maps)


def test_pages_have_a_vector_base_map_with_borders_and_city_names() -> None:
    spec = page_data(maps.page_html(maps.region_map(mini(), "nijmegen")))["maps"][0]
    context = spec["context"]
    assert {f["properties"]["iso"] for f in context["countries"]["features"]} >= {"NL", "DE", "BE"}
    assert "NL226" in {f["properties"]["id"] for f in context["borders"]["features"]}
    names = [c[0] for c in context["cities"]]
    assert "Nijmegen" in names and "Arnhem" in names
    populations = [c[3] for c in context["cities"]]
    assert populations == sorted(populations, reverse=True)  # the label placement relies on it


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("a.png", None, "png"),
        ("a.PDF", None, "pdf"),
        ("a.svg", "svg", "svg"),
        ("a", "png", "png"),
        ("a.out", "html", "html"),
        ("a.HTM", None, "html"),
    ],
)
def test_output_format_follows_the_extension_unless_format_says_otherwise(
    name: str, fmt: str | None, expected: str
) -> None:
    from lifeport_map.commands.maps import MapFormat, output_format

    assert output_format(Path(name), MapFormat(fmt) if fmt else None).value == expected


@pytest.mark.parametrize("name", ["a.out", "a", "a.html~"])
def test_an_extension_no_format_handles_needs_format(name: str) -> None:
    from lifeport_map.commands.maps import output_format
    from lifeport_map.errors import UsageError

    with pytest.raises(UsageError) as caught:
        output_format(Path(name), None)
    assert caught.value.in_lang("en") == (
        f"cannot tell from the name {name} which format to write",
        "end the name in one of .html, .htm, .png, .svg, .pdf, or name the format with --format",
    )


def test_a_format_contradicting_the_extension_is_a_usage_error(tmp_path: Path, mini_args: list[str]) -> None:
    result = run_cli(
        *mini_args, "map", "nl", "--format", "svg", "--output", str(tmp_path / "a.png"), "--lang", "en"
    )
    assert result.returncode == 2 and "contradicts" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == {}
    png = run_cli(*mini_args, "map", "nl", "--output", str(tmp_path / "b.png"))
    assert png.returncode == 0, png.stderr
    assert (tmp_path / "b.png").read_bytes().startswith(b"\x89PNG")


def test_each_distinct_source_is_written_once_and_records_index_it() -> None:
    import dataclasses

    registry = mini()
    alpha, beta = registry.site("alpha-nijmegen"), registry.site("beta-duiven")
    # beta cites alpha's source too: the collection holds it once, both records point at it.
    beta = dataclasses.replace(beta, sources=(*beta.sources, alpha.sources[0]))
    collection = maps.site_features([alpha, beta], registry.taxonomy, "nl")
    assert collection["sources"] == [
        ["https://example.org/alpha", "https://example.org/alpha", 2026],
        ["seed: 001_52ea57b76e5b924b.txt", None, 2026],
    ]
    assert [f["properties"]["src"] for f in collection["features"]] == [[0], [1, 0]]


def test_base_map_places_have_their_dutch_names_under_lang_nl() -> None:
    """Between Brussels and Namur (GeoNames: "Brussels", "Namur", id 2800866 and 2790471) the
    HTML base map names the places as Dutch does under --lang nl, and keeps GeoNames' names in
    English; a place without a Dutch name of its own (Leuven) is the same in both. (Schaerbeek,
    2.9 km from Brussels' centre, counts as a district of it and is not named at all.)"""
    extent = [[50.45, 4.30], [50.90, 4.87]]
    nl = {c[0] for c in maps.context_data(extent, min_population=50000, margin=0.1, lang="nl")["cities"]}
    en = {c[0] for c in maps.context_data(extent, min_population=50000, margin=0.1, lang="en")["cities"]}
    assert {"Brussel", "Namen", "Leuven"} <= nl and not {"Brussels", "Namur"} & nl
    assert {"Brussels", "Namur", "Leuven"} <= en and not {"Brussel", "Namen"} & en
    assert not {"Schaarbeek", "Schaerbeek"} & (nl | en)


def test_place_name_by_geonames_id() -> None:
    from lifeport_map.render.labels import place_name

    assert place_name("The Hague", 2747373, "nl") == "Den Haag"
    assert place_name("The Hague", 2747373, "en") == "The Hague"
    assert place_name("Köln", 2886242, "nl") == "Keulen"
    assert place_name("Nijmegen", 2750053, "nl") == "Nijmegen"  # no entry: GeoNames' name
    # GeoNames' "Almere Stad" (id 2759879) is the centre of Almere: the town's name in both languages
    assert place_name("Almere Stad", 2759879, "nl") == place_name("Almere Stad", 2759879, "en") == "Almere"


def test_an_employee_figure_scope_is_named_in_the_language() -> None:
    """'site', 'organisation' and 'region' are terms (employee_scopes): a Dutch popup says
    'deze vestiging', not 'site'; any other scope is registry text and shown as written."""
    registry = mini()
    terms = maps.page_words(registry.taxonomy, "nl")["terms"]["employee_scopes"]
    assert (terms["site"], terms["organisation"]) == ("deze vestiging", "hele organisatie")
    assert maps.page_words(registry.taxonomy, "en")["terms"]["employee_scopes"]["site"] == "this site"
    site = registry.site("alpha-nijmegen")
    figure = dataclasses.replace(site.employees[0], scope="site") if site.employees else None
    assert figure is not None
    scoped = dataclasses.replace(
        site, employees=(figure, dataclasses.replace(figure, scope="fab staff only"))
    )
    html = maps.popup_html(scoped, registry.taxonomy, "nl")
    assert ", deze vestiging; bron: " in html and ", fab staff only; bron: " in html
    assert ", site;" not in html
