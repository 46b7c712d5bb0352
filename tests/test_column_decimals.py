"""One number of decimals per column in the tables people read (terminal, Markdown); CSV carries
each number as the result holds it (the JSON value), for a sheet to format."""

from __future__ import annotations

import re

from lifeport_map import near
from lifeport_map.numbers import column_decimals
from lifeport_map.render.analysis import near_sections
from lifeport_map.render.tables import Section, people_rows, to_csv, to_markdown
from tests.analysis_support import analysis_registry


def test_column_decimals_is_the_most_any_number_in_it_shows() -> None:
    assert column_decimals([76.5, 76.36, 3]) == 2
    assert column_decimals([76.5, 12.0, 1]) == 1
    assert column_decimals([1, 2, 3.0]) is None  # all whole: counts keep no decimals
    assert column_decimals(["a", None, True, 0.125]) == 2  # texts, None and booleans ignored; at most 2
    assert column_decimals([0.001]) is None  # 0.00 shows no decimals by default (it is 0)
    assert column_decimals([float("nan"), 2.5]) == 1
    assert column_decimals([0.125], most=3) == 3


def test_a_column_of_distances_shows_one_number_of_decimals() -> None:
    rows = [[76.5, "a", 2], [76.36, "b", 1], [3, "c", 1000]]
    assert people_rows(rows, "nl") == [["76,50", "a", "2"], ["76,36", "b", "1"], ["3,00", "c", "1.000"]]
    assert people_rows(rows, "en") == [["76.50", "a", "2"], ["76.36", "b", "1"], ["3.00", "c", "1,000"]]
    section = Section("t", ["km", "id", "n"], rows)
    assert to_markdown([section], "nl").splitlines()[4:7] == [
        "| 76,50 | a | 2 |",
        "| 76,36 | b | 1 |",
        "| 3,00 | c | 1\\.000 |",  # markdown_text escapes a digit's point, as before
    ]
    # CSV: the numbers as the result holds them, without thousands separators.
    assert to_csv([section], "nl", "nl").splitlines()[1:] == ["76,5;a;2", "76,36;b;1", "3;c;1000"]
    assert to_csv([section], "en", "en").splitlines()[1:] == ["76.5,a,2", "76.36,b,1", "3,c,1000"]


def test_near_shows_its_distances_with_two_decimals_in_markdown() -> None:
    result = near(analysis_registry(), "Nijmegen", radius_km=300)
    distances = [s.distance_km for s in result.sites]
    assert len(distances) >= 3 and any(round(d, 1) == d for d in distances)  # some need fewer
    markdown = to_markdown(near_sections(result, "nl"), "nl")
    cells = re.findall(r"^\| ([\d.,]+) \|", markdown, re.M)
    assert len(cells) == len(distances)
    assert all(re.fullmatch(r"[\d.]+,\d\d", c) for c in cells), cells
