"""The gazetteer file read two ways: whole (names, index) and only its populated places."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lifeport_map.errors import YamlError
from lifeport_map.gazetteer import Place, load_gazetteer, populated_places


def _write(path: Path, places: list[list[object]]) -> Path:
    index = {str(name).lower(): [i] for i, (_, name, *_rest) in enumerate(places)}
    path.write_bytes(gzip.compress(json.dumps({"places": places, "index": index}).encode()))
    return path


def test_populated_places_keeps_the_places_at_or_above_the_threshold_in_file_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "places.json.gz",
        [
            ["NL", "Beek", 51.9, 5.9, 4999, 1],
            ["NL", "Nijmegen", 51.84, 5.85, 179000, 2],
            ["DE", "Kleve", 51.79, 6.14, 5000, 3],
            ["BE", "Leuven", 50.88, 4.7, 101000, 4],
        ],
    )
    assert populated_places(5000, path) == (
        Place("Nijmegen", "NL", 51.84, 5.85, 179000, 2),
        Place("Kleve", "DE", 51.79, 6.14, 5000, 3),
        Place("Leuven", "BE", 50.88, 4.7, 101000, 4),
    )
    assert populated_places(100_000, path) == (
        Place("Nijmegen", "NL", 51.84, 5.85, 179000, 2),
        Place("Leuven", "BE", 50.88, 4.7, 101000, 4),
    )
    assert populated_places(0, path) == tuple(load_gazetteer(path).places)  # all four


def test_populated_places_refuses_a_damaged_file_as_the_gazetteer_does(tmp_path: Path) -> None:
    path = tmp_path / "places.json.gz"
    path.write_bytes(gzip.compress(b'{"places": 3}'))
    with pytest.raises(YamlError) as raised:
        populated_places(5000, path)
    assert raised.value.issue.code == "io.bad-gazetteer"


def test_the_shipped_cities_are_the_gazetteers_larger_places() -> None:
    """``data/gazetteer/cities.json.gz`` is derived from the gazetteer (``scripts/build_cities.py``):
    its places of at least 5,000 inhabitants, in its order, so every map's city names are the same
    read from either file. Hand-checked: Nijmegen is in it, and Beek in Limburg (NL, 8,415), but
    not Beek in Belgium (2,285)."""
    import lifeport_map.gazetteer as gazetteer

    shipped = gazetteer._payload(gazetteer.default_cities_path())
    whole = gazetteer._payload(gazetteer.default_path())
    assert shipped["min_population"] == gazetteer.CITIES_MIN_POPULATION == 5000
    assert shipped["columns"] == whole["columns"]
    assert shipped["places"] == [row for row in whole["places"] if row[4] >= 5000]
    names = {(row[0], row[1], row[4]) for row in shipped["places"]}
    assert ("NL", "Beek", 8415) in names and ("BE", "Beek", 2285) not in names
    assert any(row[:2] == ["NL", "Nijmegen"] for row in shipped["places"])


@pytest.mark.parametrize("threshold", [5000, 10_000, 20_000, 100_000])
def test_the_base_maps_places_are_the_same_with_or_without_the_cities_file(
    threshold: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the cities file (thresholds of 5,000 and more) or, in a data folder without it, from the
    whole gazetteer: the same places in the same order."""
    import shutil

    from tests.conftest import ROOT

    populated_places.cache_clear()
    with_file = populated_places(threshold)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "gazetteer" / "cities.json.gz").unlink()
    monkeypatch.setenv("LIFEPORT_DATA_DIR", str(data))
    populated_places.cache_clear()
    try:
        assert populated_places(threshold) == with_file
    finally:
        populated_places.cache_clear()
    assert len(with_file) == {5000: 6414, 10_000: 3482, 20_000: 1676, 100_000: 191}[threshold]


def test_below_the_cities_threshold_the_whole_gazetteer_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import lifeport_map.gazetteer as gazetteer

    read: list[str] = []
    real = gazetteer._payload

    def counted(path: Path) -> object:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(gazetteer, "_payload", counted)
    populated_places.cache_clear()
    try:
        assert all(p.population >= 4999 for p in populated_places(4999))
        assert len(populated_places(20_000)) == 1676
    finally:
        populated_places.cache_clear()
    assert read == ["places.json.gz", "cities.json.gz"]


def _at(name: str, km_north: float, population: int, geonameid: int) -> Place:
    """A place ``km_north`` km north of 50 N 4 E (distance_km: 111.2 km a degree of latitude)."""
    return Place(name, "BE", 50.0 + km_north / 111.2, 4.0, population, geonameid)


def test_a_citys_districts_are_left_out_by_distance_and_population() -> None:
    from lifeport_map.gazetteer import district_of, without_districts

    big = _at("Big", 0, 1_000_000, 1)  # reaches 6.5 km x sqrt(1,000,000) / 1000 = 6.5 km
    inner = _at("Inner", 5, 100_000, 2)  # 5 km <= 6.5 km, 10 times smaller: a district
    outer = _at("Outer", -8, 100_000, 3)  # 8 km > 6.5 km: a town of its own
    hyphen = _at("Big-Zuid", 10, 100_000, 4)  # "Big-...": within twice the reach, 13 km
    twin = _at("Twin", -2, 400_000, 5)  # 2 km, but only 2.5 times smaller (less than 3)
    far_hyphen = _at("Big-Noord", 14, 100_000, 6)  # 14 km > 13 km
    places = [big, twin, inner, outer, hyphen, far_hyphen]
    assert without_districts(places) == [big, twin, outer, far_hyphen]
    # Outer is 6 km from Twin, which reaches 6.5 x sqrt(400,000) / 1000 = 4.11 km
    assert not district_of(outer, twin)
    assert district_of(inner, big) and not district_of(big, inner) and not district_of(big, big)
    assert without_districts([]) == []
    # a name's part in brackets is not part of the city's name: "Big (Saale)", "Big-Neustadt"
    bracketed = Place("Big (Saale)", "BE", 50.0, 4.0, 1_000_000, 8)
    assert district_of(_at("Big-Neustadt", 10, 100_000, 9), bracketed)
    assert district_of(_at("Big Ost", 12, 100_000, 10), big)  # a space as well: 12 km <= 13 km
    assert not district_of(_at("Bigger", 12, 100_000, 11), big)  # a longer word is another name


def test_a_regions_own_city_is_found_by_name_then_by_distance() -> None:
    from lifeport_map.gazetteer import own_place

    big, twin = _at("Big", 0, 1_000_000, 1), _at("Twin", -2, 400_000, 5)
    other_big = _at("Big", 20, 2_000_000, 7)  # the same name 20 km away: too far (15 km)
    places = [other_big, big, twin]
    assert own_place(places, "BIG", 50.0 + 1 / 111.2, 4.0) == big  # by name, case-insensitive
    # no place of that name: the most populous within 3 km (Big at 2.5 km, Twin at 0.5 km)
    assert own_place(places, "Elsewhere", 50.0 - 2.5 / 111.2, 4.0) == big
    assert own_place(places, "Elsewhere", 49.0, 4.0) is None


def test_a_place_in_a_citys_own_territory_is_its_district_further_out() -> None:
    """Issue 14, fourth round: a place that lies in the larger place's own territory
    (``territories``) counts as its district within 14.6 m x the square root of the larger
    one's population (a disc at about 1,500 inhabitants a km²), not only 6.5 m."""
    from lifeport_map.gazetteer import district_of, without_districts

    big = _at("Big", 0, 1_000_000, 1)  # 6.5 km, and 14.6 km in its territory
    inside = _at("Inside", -10, 100_000, 2)  # in Big's territory, 10 km: a district
    beside = _at("Beside", 14, 100_000, 3)  # not in its territory, 14 km: a town of its own
    beyond = _at("Beyond", -15, 100_000, 4)  # in its territory, but 15 km > 14.6 km
    small = _at("Small", 8, 400_000, 5)  # in its territory, but only 2.5 times smaller
    # (Small reaches 4.1 km: the others lie 6 km and more from it)
    territories = {2: 1, 4: 1, 5: 1, 3: 99}  # Beside lies in another place's territory
    places = [big, small, inside, beside, beyond]
    assert without_districts(places, territories) == [big, small, beside, beyond]
    assert without_districts(places) == places  # without territories: distance alone, as before
    assert district_of(inside, big, territories) and not district_of(inside, big)
    assert not district_of(big, inside, {1: 2})  # the larger place is never the district


def test_a_place_in_another_municipality_or_country_is_no_district_however_near() -> None:
    """Issue 14, fifth round: the distance rule took Voorburg (its own town, in the municipality
    Leidschendam-Voorburg, 4.2 km from The Hague's centre) and Dilbeek (a municipality of its
    own, 6.3 km from Brussels') for districts. Two places in different official areas of one
    kind (``areas``: Dutch municipality, NUTS-3 region) or in different countries are not; a
    place of unknown area is told by distance as before, and one in the larger place's own
    territory is a district whatever the areas say."""
    from lifeport_map.gazetteer import apart, district_of, without_districts

    big = _at("Big", 0, 1_000_000, 1)  # reaches 6.5 km
    own_town = _at("Own", 4, 100_000, 2)  # another municipality: a town of its own
    other_region = _at("Other", -4, 100_000, 3)  # same municipality unknown, another NUTS-3
    same = _at("Same", 3, 100_000, 4)  # the same municipality: a district by distance
    unknown = _at("Unknown", -3, 100_000, 5)  # no area known: a district by distance
    abroad = Place("Abroad", "NL", 50.0 + 2 / 111.2, 4.0, 100_000, 6)  # 2 km, another country
    inside = _at("Inside", 5, 100_000, 7)  # another municipality, but in Big's territory
    areas = {
        1: ("GM0001", "BE100"),
        2: ("GM0002", "BE100"),
        3: (None, "BE241"),
        4: ("GM0001", None),
        7: ("GM0003", "BE100"),
    }
    territories = {7: 1}
    assert apart(own_town, big, areas) and apart(other_region, big, areas) and apart(abroad, big)
    assert not apart(same, big, areas) and not apart(unknown, big, areas) and not apart(own_town, big)
    places = [big, own_town, other_region, same, unknown, abroad, inside]
    assert without_districts(places, territories, areas) == [big, own_town, other_region, abroad]
    assert district_of(own_town, big) and not district_of(own_town, big, None, areas)  # before, after
    assert district_of(inside, big, territories, areas)


def test_voorburg_and_dilbeek_are_named_and_the_districts_stay_out() -> None:
    """The two places the distance rule dropped as districts (issue 14, fifth round) are named;
    The Hague's and Brussels' districts still are not."""
    haaglanden = _named((4.2, 51.95, 4.5, 52.15))
    assert {"The Hague", "Voorburg", "Rijswijk", "Delft"} <= haaglanden
    assert not {"Scheveningen", "Vogelwijk"} & haaglanden
    brussels = _named((4.2, 50.7, 4.9, 51.0))
    assert {"Brussels", "Dilbeek", "Zaventem"} <= brussels
    assert not {"Schaerbeek", "Anderlecht", "Etterbeek", "Auderghem"} & brussels


def _named(box: tuple[float, float, float, float]) -> set[str]:
    from lifeport_map.gazetteer import places_in

    return {p.name for p in places_in(populated_places(5000), box)}


def test_districts_of_dresden_brussels_and_enschede_are_not_named_but_towns_are() -> None:
    """The districts the maps named as towns (Dresden's Leuben, Gorbitz and Klotzsche: its own
    NUTS-3 region; Brussels' Oudergem and Watermaal-Bosvoorde: GeoNames' "Brussel (Oudergem)";
    Enschede's Glanerbrug: the municipality of Enschede) are left out; the towns around them
    stay: Radebeul, Freital, Heidenau (other NUTS-3 regions), Zaventem (its own municipality),
    Vaals (Dutch, beside Aachen), Veldhoven (its own municipality), Herzogenrath."""
    dresden = _named((13.4, 50.85, 14.1, 51.25))
    assert {"Dresden", "Radebeul", "Freital", "Heidenau", "Bannewitz", "Coswig"} <= dresden
    assert not {"Leuben", "Gorbitz", "Klotzsche", "Loschwitz", "Blasewitz"} & dresden
    brussels = _named((4.2, 50.7, 4.9, 51.0))
    assert {"Brussels", "Zaventem", "Leuven", "Vilvoorde", "Grimbergen"} <= brussels
    assert not {"Auderghem", "Watermael-Boitsfort", "Kessel-Lo", "Heverlee", "Ixelles"} & brussels
    twente = _named((6.6, 52.1, 7.1, 52.4))
    assert {"Enschede", "Hengelo", "Losser", "Gronau"} <= twente and "Glanerbrug" not in twente
    south = _named((5.3, 50.7, 6.2, 51.5))
    assert {"Eindhoven", "Veldhoven", "Vaals", "Aachen", "Herzogenrath", "Kerkrade"} <= south
    # GeoNames' "Berlin-Köpenick": a district (Dresden's map showed it at 390x844); but its
    # "Frankfurt-Offenbach" for Offenbach am Main, a city of its own, does not count
    berlin = _named((12.9, 52.3, 13.8, 52.7))
    assert {"Berlin", "Potsdam"} <= berlin and not {"Köpenick", "Hellersdorf", "Lichtenrade"} & berlin
    assert {"Frankfurt am Main", "Offenbach"} <= _named((8.5, 50.0, 8.9, 50.2))


def test_the_shipped_territories_are_those_the_boundaries_and_gazetteer_give() -> None:
    """``data/gazetteer/territories.json`` is derived (``scripts/build_territories.py``): it holds
    what ``territories.shipped_territories`` computes from the shipped gazetteer and polygons."""
    import json

    from lifeport_map.gazetteer import default_territories_path, load_areas, load_territories
    from lifeport_map.territories import shipped_areas, shipped_territories

    computed = shipped_territories()
    rows = json.loads(default_territories_path().read_text(encoding="utf-8"))["places"]
    assert {row[0]: (row[1], row[2]) for row in rows} == computed
    assert load_territories() == {place: whole for place, (whole, _) in computed.items()}
    areas = shipped_areas()
    assert load_areas() == areas
    assert {
        row[0]: tuple(row[1:])
        for row in json.loads(default_territories_path().read_text(encoding="utf-8"))["areas"]
    } == areas
    by_name = {(row[3], row[4]): row[2] for row in rows}
    assert by_name[("Leuben", "Dresden")] == "gisco"
    assert by_name[("Glanerbrug", "Enschede")] == "cbs"
    assert by_name[("Auderghem", "Brussels")] == "geonames"
    gazetteer = load_gazetteer()
    voorburg, hague = gazetteer.best("Voorburg", "NL"), gazetteer.best("The Hague", "NL")
    assert voorburg is not None and hague is not None
    assert areas[voorburg.geonameid][0] == "GM1916" and areas[hague.geonameid][0] == "GM0518"


def test_a_damaged_territories_file_is_refused_and_a_missing_one_is_empty(tmp_path: Path) -> None:
    from lifeport_map.gazetteer import load_territories

    assert load_territories(tmp_path / "none.json") == {}
    path = tmp_path / "territories.json"
    path.write_text('{"places": [[1]]}', encoding="utf-8")
    with pytest.raises(YamlError) as raised:
        load_territories(path)
    assert raised.value.issue.code == "io.bad-gazetteer"
