"""The strict loader: YAML 1.1 surprises stay strings, hostile YAML is refused with a position."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lifeport_map import yamlio
from lifeport_map.errors import YamlError
from lifeport_map.yamlio import has_marker_run, load_yaml, parse, position_of


def load(text: str) -> object:
    return parse(text, Path("t.yaml"))


@pytest.mark.parametrize(
    "raw",
    [
        "NO",
        "no",
        "on",
        "Off",
        "yes",
        "Y",
        "0042",
        "12:30",
        "2024-01-01",
        ".nan",
        ".inf",
        "-.inf",
        "0x1F",
        "1e3",
        "0o17",
        "1_000",
        "~x",
    ],
)
def test_yaml11_implicit_types_stay_strings(raw: str) -> None:
    assert load(f"v: {raw}\n") == {"v": raw}


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("51.84", 51.84),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("'12'", "12"),
    ],
)
def test_plain_numbers_booleans_and_null(raw: str, value: object) -> None:
    assert load(f"v: {raw}\n") == {"v": value}


def test_positions_are_kept() -> None:
    data = load("a:\n  b: 1\n  c: [x, y]\n")
    assert isinstance(data, dict)
    assert position_of(data["a"], "b") == (2, 6)
    assert position_of(data["a"]["c"], 1) == (3, 10)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: 1\na: 2\n", "yaml.duplicate-key"),
        ("a: &x 1\nb: *x\n", "yaml.anchor"),
        ("a: !!binary aGk=\n", "yaml.tag"),
        ("a: {<<: {b: 1}}\n", "yaml.merge-key"),
        ("a: 1\n---\nb: 2\n", "yaml.multiple-documents"),
        ("? [a]\n: 1\n", "yaml.key-type"),
        ("a: [1\n", "yaml.syntax"),
    ],
)
def test_refused_constructs(text: str, code: str) -> None:
    with pytest.raises(YamlError) as info:
        load(text)
    assert info.value.issue.code == code
    assert info.value.issue.line >= 1


def test_alias_bomb_is_refused_fast() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    start = time.perf_counter()
    with pytest.raises(YamlError) as info:
        load(bomb)
    assert info.value.issue.code in ("yaml.anchor", "yaml.alias")
    assert time.perf_counter() - start < 2


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    with pytest.raises(YamlError) as info:
        load("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert info.value.issue.code == "yaml.too-deep"
    with pytest.raises(YamlError):
        load("".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n")


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"a: b\n" * 10)
    with pytest.raises(YamlError) as info:
        load_yaml(path, max_bytes=20)
    assert info.value.issue.code == "yaml.too-large"


def test_huge_scalar_is_refused() -> None:
    with pytest.raises(YamlError) as info:
        load("a: " + "x" * 200_000 + "\n")
    assert info.value.issue.code == "yaml.too-long"


def test_invalid_utf8_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(YamlError) as info:
        load_yaml(path)
    assert (info.value.issue.line, info.value.issue.col) == (2, 7)


@pytest.mark.parametrize("name", ["missing.yaml", "."])
def test_missing_or_directory_path_is_an_io_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(YamlError) as info:
        load_yaml(tmp_path / name if name != "." else tmp_path)
    assert info.value.issue.code.startswith("io.")
    assert info.value.exit_code == 3


def test_one_scan_finds_what_the_two_character_classes_find() -> None:
    """``suspect_char()`` is the union of the characters the canonical reader declines and those
    ``hidden_characters_in`` reports, on every code point (surrogates included); the canonical
    reader declines exactly what lies outside YAML's printable set (newline, U+0020-U+007E,
    U+00A0-U+D7FF without the line and paragraph separators, U+E000-U+FFFD without U+FEFF, and
    every astral code point)."""
    import re

    from lifeport_map.text import HIDDEN
    from lifeport_map.yamlio import _NOT_CANONICAL_CHAR, suspect_char

    every = "".join(map(chr, range(0x110000)))
    declined = {m.start() for m in _NOT_CANONICAL_CHAR.finditer(every)}
    printable = re.compile(
        "[\\n\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff]"
    )
    assert declined == {i for i in range(0x110000) if not printable.match(every[i])}
    assert declined >= {0x09, 0x0D, 0x85, 0x2028, 0x2029, 0xD800, 0xFEFF, 0xFFFE}
    either = declined | {m.start() for m in HIDDEN.finditer(every)}
    assert {m.start() for m in suspect_char().finditer(every)} == either
    assert {0x09, 0x0D, 0x85, 0xAD, 0x2028, 0x202E, 0xFEFF, 0xE0001} <= either  # tab, CR, NEL, ...
    assert not either & {0x0A, 0x20, 0xE9, 0x20AC, 0x1F600}  # newline, space, é, €, an emoji
    assert suspect_char().search("Café 12 €\n") is None


def test_a_clean_file_reports_no_hidden_character_and_a_dirty_one_each(tmp_path: Path) -> None:
    """One scan settles a clean file; a file with hidden characters still gets each reported
    at its line and column (here a soft hyphen at 2:13 and a lone CR at 3:5)."""
    clean = tmp_path / "clean.yaml"
    clean.write_text("a: Café\nb: x\n", encoding="utf-8")
    doc = load_yaml(clean)
    assert doc.clean and doc.hidden_characters() == [] and doc.data == {"a": "Café", "b": "x"}
    dirty = tmp_path / "dirty.yaml"
    dirty.write_bytes('a: Café\nb: "Nijmegen\u00ad"\nc: x\rd: y\n'.encode())
    doc = load_yaml(dirty)
    assert not doc.clean
    found = [(i.code, i.line, i.col) for i in doc.hidden_characters()]
    assert found == [("text.hidden-character", 2, 13), ("text.line-break", 3, 5)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", False),
        (b"<<<<<<< HEAD\n", True),
        (b"a: 1\n=======\nb: 2\n", True),
        (b"x: y >>>>>>> z\n", True),  # anywhere: _CONFLICT then decides whether it starts a line
        (b"a: b\n|||||||\n", True),
        (b"url: https://e.org/?a=b&c=d\nnote: >\n  x | y <= z\n", False),
        (b"======", False),  # six are no marker
        (b"=====-=======", True),
        (b"<=>|" * 7, False),  # seven of each, none in a row
    ],
)
def test_a_marker_run_is_seven_equal_marker_bytes_in_a_row(raw: bytes, expected: bool) -> None:
    assert has_marker_run(raw) is expected


def test_beyond_the_scan_limit_a_marker_run_is_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlio, "MARKER_SCAN_LIMIT", 3)
    many = b"a=b " * 5  # five single '=' before the run: the substring search finds it
    assert has_marker_run(many + b"=======\n") is True
    assert has_marker_run(many + b"======\n") is False
    assert has_marker_run(b"a=b " * 2 + b"=======") is True  # found while looking one by one


def test_a_conflict_marker_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"sites:\n  - id: a\n<<<<<<< HEAD\n  - id: b\n=======\n  - id: c\n>>>>>>> other\n")
    with pytest.raises(YamlError) as caught:
        load_yaml(path)
    assert (caught.value.issue.code, caught.value.issue.line) == ("yaml.merge-conflict", 3)
    path.write_bytes(b"sites:\n  - id: a\n    note: 'x >>>>>>> y'\n")  # not at a line start
    assert load_yaml(path).data == {"sites": [{"id": "a", "note": "x >>>>>>> y"}]}


def test_the_clean_test_on_bytes_agrees_with_the_pattern_on_every_character() -> None:
    """``clean_text`` deletes the plain ASCII bytes and matches the pattern on the rest: the same
    verdict as the pattern on the whole text, for every character UTF-8 can carry."""
    from lifeport_map.yamlio import _PLAIN_ASCII, BOM, clean_text, suspect_char

    pattern = suspect_char()
    assert {b for b in range(128) if not pattern.match(chr(b))} == set(_PLAIN_ASCII)
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]  # surrogates: no UTF-8
    suspect = [ch for ch in every if pattern.match(ch)]
    assert {0x09, 0x0D, 0x85, 0xAD, 0x2028, 0xFEFF, 0xE0001} <= {ord(ch) for ch in suspect}
    plain = "".join(ch for ch in every if not pattern.match(ch))
    assert clean_text(plain.encode()) is True
    assert [ch for ch in suspect if clean_text(f"a: Caf\u00e9 {ch}\n".encode())] == []
    # a byte order mark at the start is no character of the text (decode drops it); inside, it is
    assert clean_text(BOM + b"a: 1\n") is True
    assert clean_text(b"a: 1" + BOM + b"\n") is False
    assert clean_text(b"a: 1\r\n") is False and clean_text(b"a:\t1\n") is False


def test_a_file_is_clean_exactly_when_the_pattern_finds_nothing_in_its_text(tmp_path: Path) -> None:
    from lifeport_map.yamlio import suspect_char

    path = tmp_path / "r.yaml"
    verdicts = []
    for text in ("a: Caf\u00e9 \u20ac \U0001f600\n", "a: \u200bNijmegen\n", "a: b\u00a0c\n", "a: x\u00ady\n"):
        path.write_text(text, encoding="utf-8")
        verdicts.append(load_yaml(path).clean)
        assert verdicts[-1] is (suspect_char().search(text) is None)
    assert verdicts == [True, False, True, False]  # a zero-width space and a soft hyphen hide text


def test_a_nul_character_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_bytes("a: Caf\u00e9 \u20ac\nb: x\nc: y\x00z\n".encode())  # two bytes a character
    with pytest.raises(YamlError) as caught:
        load_yaml(path)
    issue = caught.value.issue
    assert (issue.code, issue.line, issue.col) == ("yaml.encoding", 3, 1)
    assert issue.text is not None and "NUL" in issue.text.render("en")
    path.write_bytes("a: Caf\u00e9 \u20ac\nb: x\n".encode())
    assert load_yaml(path).data == {"a": "Caf\u00e9 \u20ac", "b": "x"}


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        # the quote is never closed: the reader ends at the end of the file, not where it opened
        ('sites:\n  - id: a\n    name: "Acme\n    kind: idm\n', (3, 11), "is never closed"),
        ('sites:\n  - id: a\n    aliases: ["Acme, Acme BV]\n', (3, 15), "is never closed"),
        # closed by the next value's opening quote: the reader stumbles lines further on
        (
            'sites:\n  - id: é\n    name: "Acme\n    kind: idm\n  - id: b\n    name: "B"\n',
            (3, 11),
            "runs on to line 6; is its closing quote missing?",
        ),
        ("sites:\n  - id: a\n    name: 'Acme\n    kind: idm\n    note: 'x'\n", (3, 11), "runs on to line 5"),
    ],
)
def test_a_missing_closing_quote_is_reported_where_the_quote_opens(
    text: str, where: tuple[int, int], words: str
) -> None:
    with pytest.raises(YamlError) as caught:
        load(text)
    issue = caught.value.issue
    assert (issue.code, (issue.line, issue.col)) == ("yaml.syntax", where)
    assert words in issue.message
    assert "end the value on this line with the same quote" in str(issue.hint)


def test_a_value_quoted_over_lines_on_purpose_is_no_missing_quote() -> None:
    # YAML allows a quoted value over several lines; an error elsewhere keeps its own words
    with pytest.raises(YamlError) as caught:
        load('sites:\n  - id: a\n    name: "Acme\n      BV"\n  - id: b\n  kind: x\n')
    assert (caught.value.issue.line, caught.value.issue.message) == (
        6,
        "YAML syntax error: did not find expected '-' indicator",
    )
    assert load('a: "Acme\n  BV"\n') == {"a": "Acme BV"}


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        # a colon and a space in a plain value: the value needs quotes
        (
            "sites:\n  - id: a\n    name: Acme: Nijmegen\n",
            (3, 15),
            "a value with ': ' in it needs quotes, e.g. name: \"Acme: Nijmegen\"",
        ),
        # a line indented deeper than its neighbour continues that line's value
        (
            "sites:\n  - id: a\n    name: Acme\n     kind: idm\n",
            (4, 10),
            "this line is indented deeper than the one above it",
        ),
    ],
)
def test_an_unexpected_colon_is_hinted_by_its_cause(text: str, where: tuple[int, int], hint: str) -> None:
    # both were told "fix the YAML syntax at this position"
    with pytest.raises(YamlError) as caught:
        load(text)
    issue = caught.value.issue
    assert (issue.code, (issue.line, issue.col)) == ("yaml.syntax", where)
    assert issue.message == "YAML syntax error: mapping values are not allowed here"
    assert str(issue.hint).startswith(hint)
