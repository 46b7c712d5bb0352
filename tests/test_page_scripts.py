"""The page's script elements as the Content-Security-Policy reads them
(render.folium_page.script_elements): a start tag, then the first end tag after it. It replaced
one regular expression that was slow on a large map's data block; it must find exactly what that
expression finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from lifeport_map.render.folium_page import script_elements

ONE_PATTERN = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def test_script_elements_by_hand() -> None:
    html = (
        '<head><script>a()</script ><SCRIPT type="application/json" id="d">{"x":"<b>"}</Script\n>'
        "<scripts>no</scripts><script src=x></script></head><script>never closed"
    )
    assert script_elements(html) == [
        ("", "a()"),
        (' type="application/json" id="d"', '{"x":"<b>"}'),
        (" src=x", ""),
    ]
    assert script_elements("<script>x</script>") == [("", "x")]
    assert script_elements("no scripts") == []


FRAGMENTS = st.sampled_from(
    [
        "<script",
        "<SCRIPT",
        "<scripts",
        ">",
        "</script",
        "</script>",
        "</script >",
        "</ScRiPt\n>",
        "</scrip>",
        " type=x",
        "a",
        "<",
        "/",
        "\n",
        "\u017f",
        "<scr\u0131pt>",
    ]
)


@given(st.lists(FRAGMENTS, max_size=30))
def test_script_elements_find_what_the_one_pattern_finds(parts: list[str]) -> None:
    html = "".join(parts)
    assert script_elements(html) == ONE_PATTERN.findall(html)
