"""The places the maps name (issue 14, third round): a city once, not its districts, and on a
region's own map (interactive, Bijlage 2 panel, annex) the region's own city, named first; a
region's annex page has a locator map of its country in a corner free of dots and names."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from maps_support import coverages_of, page_data

from lifeport_map.gazetteer import Place, district_of, load_areas, load_territories
from lifeport_map.provenance import Provenance
from lifeport_map.registry import load_registry
from lifeport_map.render import maps
from lifeport_map.render.static import compare_figure, region_figure

MADE = Provenance("2026-01-02", "git 0123456789ab")
REGIONS = ("brainport", "delft", "dresden", "leuven", "nijmegen", "twente")


@pytest.fixture(scope="module")
def registry() -> Any:
    return load_registry(check=False)


def _places(context: dict[str, Any]) -> list[Place]:
    """The gazetteer's places a map names (by their point and population, as the page has them)."""
    from lifeport_map.gazetteer import populated_places

    by_point = {(round(p.lat, 4), round(p.lon, 4), p.population): p for p in populated_places(5000)}
    return [by_point[(lat, lon, population)] for _, lat, lon, population in context["cities"]]


@pytest.mark.parametrize("region", REGIONS)
def test_a_region_map_names_its_own_city_and_no_district(registry: Any, region: str) -> None:
    built = maps.region_map(registry, region, lang="en")
    [spec] = page_data(maps.page_html(built))["maps"]
    context = spec["context"]
    assert context["cities"][context["own"]][0] == registry.regions[region].centre_place
    places = _places(context)
    territories, areas = load_territories(), load_areas()
    districts = [
        (p.name, q.name)
        for p, q in itertools.permutations(places, 2)
        if district_of(p, q, territories, areas)
    ]
    assert districts == []


def test_brussels_is_named_once_on_leuvens_maps(registry: Any) -> None:
    html = maps.page_html(maps.region_map(registry, "leuven"))
    [spec] = page_data(html)["maps"]
    names = [c[0] for c in spec["context"]["cities"]]
    assert "Brussel" in names
    # Brussels' inner municipalities (GeoNames places of their own, 1.7-5.7 km from its centre)
    for district in ("Anderlecht", "Schaarbeek", "Elsene", "Etterbeek", "Jette", "Ukkel", "Evere"):
        assert district not in names


def test_every_bijlage_2_panel_names_its_regions_city(registry: Any) -> None:
    regions = ["nijmegen", "dresden", "leuven"]
    page = maps.compare_page(registry, regions, coverages=coverages_of(registry, regions))
    specs = page_data(maps.page_html(page))["maps"]
    owned = [spec["context"]["cities"][spec["context"]["own"]][0] for spec in specs]
    assert owned == ["Nijmegen", "Dresden", "Leuven"]


def _city_texts(ax: Any) -> list[Any]:
    return [t for t in ax.texts if t.get_fontstyle() == "italic"]


@pytest.mark.parametrize("region", REGIONS)
def test_a_region_annex_names_its_city_first_and_shows_where_it_lies(registry: Any, region: str) -> None:
    fig = region_figure(registry, region, made=MADE)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    names = _city_texts(ax)
    own = registry.regions[region].centre_place
    assert names[0].get_text() == own and names[0].get_fontweight() == "bold"
    [locator] = [a for a in fig.axes if a.get_label() == "locator"]
    frame, box = ax.get_window_extent(renderer), locator.get_window_extent(renderer)
    assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    # it covers no name, and no dot (zorder 4) of the map
    assert [t.get_text() for t in ax.texts if t.get_window_extent(renderer).overlaps(box)] == []
    dots = [c for c in ax.collections if c.get_zorder() == 4]
    centres = [xy for c in dots for xy in c.get_offset_transform().transform(c.get_offsets())]
    assert [xy for xy in centres if box.contains(*xy)] == []
    # the region is filled in it (one patch collection of the locator colour)
    from lifeport_map.render.static import LOCATOR_FILL

    colours = [tuple(c.get_facecolor()[0]) for c in locator.collections if len(c.get_facecolor())]
    from matplotlib.colors import to_rgba

    assert to_rgba(LOCATOR_FILL) in colours


def test_every_annex_panel_names_its_regions_city(registry: Any) -> None:
    fig = compare_figure(registry, ["nijmegen", "dresden", "leuven"], made=MADE)
    firsts = [_city_texts(ax)[0].get_text() for ax in fig.axes]
    assert firsts == ["Nijmegen", "Dresden", "Leuven"]


def test_the_maps_country_is_named_before_its_neighbours() -> None:
    from lifeport_map.gazetteer import populated_places
    from lifeport_map.render.labels import place_name

    country = {place_name(p.name, p.geonameid, "en"): p.country for p in populated_places(100_000)}
    extent = [[50.7, 3.3], [53.6, 7.3]]
    context = maps.context_data(extent, min_population=100_000, margin=0.5, lang="en", home="NL")
    order = [country[name] for name, *_ in context["cities"]]
    assert {"NL", "DE", "BE"} <= set(order)
    assert order == sorted(order, key=lambda c: c != "NL")  # every Dutch place first
    sizes = [population for _, _, _, population in context["cities"]]
    dutch = sizes[: order.count("NL")]
    assert dutch == sorted(dutch, reverse=True)  # by population within the country


def test_bijlage_1_names_dutch_places_before_german_ones(registry: Any) -> None:
    from lifeport_map.render.static import nl_figure

    ax = nl_figure(registry, made=MADE).axes[0]
    names = [t.get_text() for t in _city_texts(ax)]
    assert "Zwolle" in names and "Bochum" not in names  # Zwolle 129,840 inhabitants, Bochum 385,729


def test_bijlage_1_names_the_cities_of_the_regions_it_outlines_first(registry: Any) -> None:
    """Issue 14, fourth round: Bijlage 1 lost Nijmegen and Eindhoven to their own dots; the
    centre of every Dutch region comes first in its list of places (named in any case)."""
    [spec] = page_data(maps.page_html(maps.nl_map(registry, lang="en")))["maps"]
    context = spec["context"]
    firsts = [context["cities"][i][0] for i in context["first"]]
    dutch = sorted((r for r in registry.regions.values() if r.country == "NL"), key=lambda r: r.id)
    assert firsts == [r.centre_place for r in dutch]
    assert context["own"] is None


def test_the_bijlage_1_figure_names_the_cities_of_its_regions(registry: Any) -> None:
    from lifeport_map.render.static import nl_figure

    ax = nl_figure(registry, made=MADE).axes[0]
    bold = {t.get_text() for t in _city_texts(ax) if t.get_fontweight() == "bold"}
    assert bold == {r.centre_place for r in registry.regions.values() if r.country == "NL"}


def test_a_sparse_regions_annex_names_smaller_places_too(registry: Any) -> None:
    """Issue 14, fifth round: Dresden's A4 page (170 km wide, so places of 40,000 inhabitants
    or more) named 5 places, and its Bijlage 2 panel 4: its sites at Radebeul and Freital
    stood among no names. Where the larger places are fewer than a figure may name, it names
    the next smaller ones too (15,000)."""
    fig = region_figure(registry, "dresden", made=MADE)
    names = [t.get_text() for t in _city_texts(fig.axes[0])]
    assert {"Dresden", "Radebeul", "Freital", "Pirna", "Bautzen"} <= set(names)
    assert len(names) >= 15
    panels = compare_figure(registry, ["nijmegen", "dresden", "leuven"], made=MADE).axes
    assert {"Radebeul", "Freital"} <= {t.get_text() for t in _city_texts(panels[1])}


def test_a_dutch_contraction_keeps_its_apostrophe() -> None:
    """GeoNames writes "s-Gravendeel" and "t Harde" without the apostrophe of 's (des) and 't
    (het); Brainport's map showed "s-Gravendeel". The base maps write them as the towns do."""
    from lifeport_map.render.labels import place_name

    assert place_name("s-Gravendeel", 0, "nl") == "'s-Gravendeel"
    assert place_name("t Harde", 0, "en") == "'t Harde"
    assert place_name("'s-Hertogenbosch", 0, "en") == "'s-Hertogenbosch"
    assert place_name("Sint-Truiden", 0, "nl") == "Sint-Truiden"
    assert place_name("Tholen", 0, "nl") == "Tholen"
    built = maps.region_map(load_registry(check=False), "brainport")
    names = [c[0] for c in page_data(maps.page_html(built))["maps"][0]["context"]["cities"]]
    assert "'s-Gravendeel" in names and "s-Gravendeel" not in names
