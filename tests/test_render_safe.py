"""The one escaping path for HTML, script JSON, Markdown and the terminal."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from lifeport_map.render.safe import (
    github_data,
    html_link,
    html_text,
    markdown_text,
    safe_href,
    script_json,
    spreadsheet_safe,
    terminal,
)


def test_html_text_neutralises_markup_and_template_literal_syntax() -> None:
    text = html_text("<img src=x onerror=alert(1)> ${alert(1)} `x` \\ \"q\" 'a' &")
    for bad in ("<", ">", "${", "`", "\\", '"', "'"):
        assert bad not in text
    assert text == (
        "&lt;img src=x onerror=alert(1)&gt; &#36;&#123;alert(1)&#125; &#96;x&#96; "
        "&#92; &quot;q&quot; &#39;a&#39; &amp;"
    )


def test_html_text_shows_control_and_separator_characters() -> None:
    # Shown as the visible escapes \u2028 and \x1b (their backslash as a character reference).
    assert html_text("a\u2028b\x1b[31m") == "a&#92;u2028b&#92;x1b[31m"


def test_only_plain_http_urls_become_links() -> None:
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for url in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//example.org",
        "https://user:pw@example.org",
        "https://exa mple.org",
        "https:\\\\example.org",
        "vbscript:x",
        "",
        None,
    ):
        assert safe_href(url) is None, url


def test_html_link_opens_in_new_tab_without_opener() -> None:
    link = html_link("https://example.org/?q=<b>", "A & B")
    assert link == (
        '<a href="https://example.org/?q=&lt;b&gt;" target="_blank" rel="noopener noreferrer">A &amp; B</a>'
    )
    assert html_link("javascript:alert(1)") == "javascript:alert(1)"


def test_script_json_cannot_end_a_script_element() -> None:
    value = {"name": "</script><script>alert(1)</script>", "sep": "\u2028\u2029", "amp": "&'"}
    text = script_json(value)
    for bad in ("<", ">", "&", "'", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_markdown_text_has_no_raw_html_links_or_table_breaks() -> None:
    text = markdown_text("a | b [x](javascript:alert(1)) <b>\nnext @team $x$")
    assert text == "a \\| b \\[x\\]\\(javascript\\:alert(1)) &lt;b&gt; next @&#8203;team \\$x\\$"


def test_markdown_text_escapes_a_list_or_heading_marker_at_the_start() -> None:
    assert markdown_text("- item") == "\\- item"
    assert markdown_text("2026. year") == "2026\\. year"
    assert markdown_text("= x") == "\\= x"
    assert markdown_text("a - b. c") == "a - b. c"  # inside the text they mean nothing
    assert markdown_text(None) == ""


def test_terminal_text_holds_no_github_workflow_command() -> None:
    # A CI log reads "::" at a line's start and "##[" anywhere in a line as a workflow command;
    # a terminal wraps text wherever it likes, so neither may be left anywhere in the text.
    assert terminal("a ::error::x ##[error]y") == "a :\\x3aerror:\\x3ax #\\x23[error]y"
    assert terminal(":::warning") == "::\\x3awarning"
    assert terminal("###[x]") == "##\\x23[x]"
    assert terminal("::\u00e9") == ":\\x3a\u00e9"  # any letter: the runner ignores case
    assert terminal("a: b # [c] Nijmegen") == "a: b # [c] Nijmegen"
    assert terminal("\x1b[31m::x") == "\\x1b[31m:\\x3ax"
    # before a digit, a space or a sign "::" names no command: a CRS keeps its name
    assert terminal("urn:ogc:def:crs:EPSG::28992 :: ##[ x]") == "urn:ogc:def:crs:EPSG::28992 :: ##[ x]"


def test_yaml_shown_in_a_terminal_still_reads_back_as_written() -> None:
    # add --dry-run and fmt --check show entries through ``terminal``: a value with "::" or "##["
    # is always double-quoted (yamlio), where \x3a and \x23 are YAML's escapes of ':' and '#'.
    import yaml

    from lifeport_map.yamlio import scalar_text

    for value in ("a::b", "Evil ::error::x ##[warning]y", "###[x]", ":::x"):
        shown = terminal(scalar_text(value))
        assert not re.search(r"::[^\W\d]|##\[[^\W\d]", shown)
        assert yaml.safe_load(f"name: {shown}") == {"name": value}


def test_every_escaper_shows_a_fourth_stacked_mark_and_beyond_as_escapes() -> None:
    stacked = "Z" + "\u0301\u0302\u0303\u0304\u0305"
    shown = "Z\u0301\u0302\u0303\\u0304\\u0305"
    assert terminal(stacked) == shown
    assert html_text(stacked) == shown.replace("\\", "&#92;")
    assert markdown_text(stacked) == shown.replace("\\", "\\\\")
    # up to three marks on a letter are writing (Vietnamese in decomposed form has two)
    assert terminal("Vie\u0323\u0302t a\u0301\u0301\u0301") == "Vie\u0323\u0302t a\u0301\u0301\u0301"


def test_escapers_of_other_outputs_keep_double_colons_and_hashes() -> None:
    # Pages, Markdown files and an annotation's own message are no log lines of their own.
    assert html_text("::error:: ##[x") == "::error:: ##[x"
    assert "::error::" in markdown_text("a ::error::")
    assert github_data("::error:: ##[x") == "::error:: ##[x"


def test_spreadsheet_safe_defuses_formulas() -> None:
    assert spreadsheet_safe("=cmd()") == "'=cmd()"
    assert spreadsheet_safe("+1") == "'+1"
    assert spreadsheet_safe("Nijmegen") == "Nijmegen"
    assert spreadsheet_safe(-5.5) == -5.5  # numbers stay numbers


def test_spreadsheet_safe_defuses_a_formula_after_a_quote_or_either_separator() -> None:
    assert spreadsheet_safe('"=1+1') == "'\"=1+1"
    assert spreadsheet_safe(' " +1') == "' \" +1"
    # a spreadsheet set to the other separator than the file's starts a cell there
    assert spreadsheet_safe("a;=cmd|' /C calc'!A0") == "a;'=cmd|' /C calc'!A0"
    assert spreadsheet_safe('a, "-2+3; @x') == "a,' \"-2+3;' @x"
    assert spreadsheet_safe("a;\uff1d1") == "a;'\uff1d1"
    assert spreadsheet_safe("research; education, design") == "research; education, design"
    assert spreadsheet_safe("a;") == "a;"


URL_PIECES = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTP://",
        "javascript:",
        "//",
        "a",
        "Z",
        "9",
        ".",
        "-",
        ":",
        "80",
        "@",
        "user:pw@",
        "/",
        "?",
        "#",
        "=",
        "&",
        "\\",
        " ",
        "\t",
        "\x01",
        "[",
        "]",
        "%2F",
        "<",
        ">",
        "ü",
        "\u2028",
    ]
)


@given(st.lists(URL_PIECES, max_size=8).map("".join))
def test_the_fast_url_check_accepts_only_what_the_full_check_accepts(url: str) -> None:
    # safe_href takes a parse-free path for common URLs; it must never accept more.
    from lifeport_map.render import safe

    if safe._PLAIN_HTTP_URL.fullmatch(url):
        assert safe._parses_as_plain_http(url) and not safe._NOT_IN_URL.search(url), url
