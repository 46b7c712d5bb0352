"""The canonical fast path of the YAML reader gives exactly what the event reader gives.

``yamlio.parse_canonical`` reads the block form that ``fmt`` writes and declines everything
else; ``parse_events`` (PyYAML's event stream) reads the rest and reports every error. Here
both read the shipped registry, realistic registries (bench/realistic.py), every file of the
test corpora (hostile, invalid, ...), generated documents written by ``dump_block`` and
mutations of them: whenever the fast path accepts a text, the event reader must give the same
values, types and positions (of every mapping, key, value and item), and whenever the event
reader refuses a text, the fast path must decline it.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.realistic import generate
from lifeport_map.errors import YamlError
from lifeport_map.yamlio import (
    YList,
    YMap,
    dump_block,
    parse,
    parse_canonical,
    parse_events,
    unpack,
)

ROOT = Path(__file__).resolve().parent.parent
NOT_CANONICAL = parse_canonical("- not a mapping at the top\n")


def difference(fast: Any, slow: Any, where: str = "$") -> str | None:
    """Where two parsed documents differ (type, value, start or any position), or None."""
    if type(fast) is not type(slow):
        return f"{where}: {type(fast).__name__} vs {type(slow).__name__}"
    if isinstance(fast, YMap):
        if fast.start != slow.start:
            return f"{where}: starts at {unpack(fast.start)} vs {unpack(slow.start)}"
        if list(fast) != list(slow) or list(fast.key_positions) != list(slow.key_positions):
            return f"{where}: keys {list(fast)} vs {list(slow)}"
        if fast.positions != slow.positions or fast.key_positions != slow.key_positions:
            mine, theirs = (fast.positions, fast.key_positions), (slow.positions, slow.key_positions)
            return f"{where}: positions {mine} vs {theirs}"
        for key in fast:
            found = difference(fast[key], slow[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(fast, YList):
        if fast.start != slow.start or fast.positions != slow.positions or len(fast) != len(slow):
            mine, theirs = (unpack(fast.start), fast.positions), (unpack(slow.start), slow.positions)
            return f"{where}: list {mine} vs {theirs}"
        for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
            found = difference(a, b, f"{where}[{index}]")
            if found:
                return found
        return None
    if fast != slow or repr(fast) != repr(slow):
        return f"{where}: {fast!r} vs {slow!r}"
    return None


def check_same(text: str) -> bool:
    """Assert the two readers agree on ``text``; True when the fast path accepted it."""
    fast = parse_canonical(text)
    try:
        slow = parse_events(text, Path("x.yaml"))
    except YamlError:
        assert fast is NOT_CANONICAL, "the fast path accepted a text the event reader refuses"
        return False
    if fast is NOT_CANONICAL:
        return False
    assert difference(fast, slow) is None, difference(fast, slow)
    return True


def test_a_hand_written_canonical_document_reads_with_every_position() -> None:
    text = (
        "# comment\n"
        "sites:\n"
        "  - id: a-1\n"
        '    name: "Caf\\u00e9 #1: \\"x\\""\n'
        '    aliases: [A B, "c, d", 7]\n'
        "\n"
        "    location:\n"
        "      lat: 51.5\n"
        "      since: -3\n"
        "    empty: {}\n"
        "  - plain\n"
    )
    data = parse_canonical(text)
    assert data == {
        "sites": [
            {
                "id": "a-1",
                "name": 'Café #1: "x"',
                "aliases": ["A B", "c, d", 7],
                "location": {"lat": 51.5, "since": -3},
                "empty": {},
            },
            "plain",
        ]
    }
    assert unpack(data.start) == (2, 1)
    sites = data["sites"]
    assert [unpack(p) for p in sites.positions] == [(3, 5), (11, 5)]
    entry = sites[0]
    assert unpack(entry.key_positions["name"]) == (4, 5)
    assert unpack(entry.positions["name"]) == (4, 11)
    assert [unpack(p) for p in entry["aliases"].positions] == [(5, 15), (5, 20), (5, 28)]
    assert unpack(entry.positions["location"]) == (8, 7)
    assert unpack(entry.positions["empty"]) == (10, 12)
    check_same(text)


def test_what_the_fast_path_declines() -> None:
    declined = [
        "a: 1\na: 2\n",  # duplicate key: the event reader reports it
        "a: &x 1\n",
        "a: !!str 1\n",
        "a: *x\n",
        "a: 'single'\n",
        "a: b: c\n",
        "a: b # comment\n",
        "a:\n  b\n",  # a plain scalar on the next line
        "a: one\n  two\n",  # a continued plain scalar
        "a:\n",  # an empty value
        "a:\n- b\n",  # a compact sequence
        "a: [b,\n  c]\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: b\u2028c\n",
        'a: "\\x41"\n',
        'a: "\\ud800"\n',
        "true: 1\n",
        f'a: "{"x" * 100_001}"\n',  # too long: the event reader names the limit
        f"a: {'x' * 100_001}\n",
        f"- {'x' * 100_001}\n",
        "---\na: 1\n",
        "- a\n",
        "a: 1\n b: 2\n",
        "",
    ]
    for text in declined:
        assert parse_canonical(text) is NOT_CANONICAL, text
        check_same(text)


def test_the_shipped_files_read_the_same() -> None:
    accepted = 0
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        accepted += check_same(path.read_text(encoding="utf-8"))
    assert (
        parse_canonical((ROOT / "data" / "companies.yaml").read_text(encoding="utf-8")) is not NOT_CANONICAL
    )
    assert accepted >= 1


def test_the_taxonomy_is_in_fmts_canonical_form() -> None:
    """Every command reads ``data/taxonomy.yaml``: in fmt's form it is read by the fast path,
    without importing PyYAML. Flow mappings such as ``{nl: a, b, en: c}`` once split a
    description at its comma into a key with a null value."""
    import subprocess
    import sys

    from lifeport_map.fmt import format_text

    path = ROOT / "data" / "taxonomy.yaml"
    text = path.read_text(encoding="utf-8")
    assert format_text(text, path=path) == text
    data = parse_canonical(text)
    assert data is not NOT_CANONICAL
    assert data["phases"][2]["description"] == {
        "nl": "Het samenstellen, verpakken en testen van de chip.",
        "en": "Assembling, packaging and testing the chip.",
    }
    code = (
        "import sys; from lifeport_map.paths import default_taxonomy_path; "
        "from lifeport_map.taxonomy import load_taxonomy; t = load_taxonomy(default_taxonomy_path()); "
        "print(len(t.activities), 'yaml' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == [str(len(data["activities"])), "False"]


def test_a_realistic_registry_reads_the_same() -> None:
    assert check_same(generate(700))


def test_every_corpus_file_reads_the_same() -> None:
    """The hostile, invalid and other fixtures: same result or declined, never more lenient."""
    seen = 0
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if not path.is_file() or path.stat().st_size > 4_000_000:
            continue
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        check_same(text)
        seen += 1
    assert seen > 100


# --- generated documents and their mutations ----------------------------------------------

KEYS = st.sampled_from(["id", "name", "note", "true_", "a-b", "x_1", "null_", "lat", "t", "f"])
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=20,
) | st.sampled_from(
    [
        "",
        " x",
        "x ",
        "a: b",
        "a #b",
        "a#b",
        "-1",
        "- x",
        "12:30",
        "0042",
        "1e5",
        ".5",
        "null",
        "~",
        "yes",
        "True",
        "#x",
        "[x]",
        "{x}",
        "x,y",
        "é",
        "\u202e",
        "\U0001f600",
        "\\",
        '"',
        "'",
        "&a",
    ]
)
SCALARS = (
    TEXT
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.none()
)


def _containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4)


DATA = st.recursive(SCALARS, _containers, max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, DATA, min_size=1, max_size=4), st.booleans())
def test_generated_documents_read_the_same(data: dict[str, Any], flow_lists: bool) -> None:
    try:
        text = "\n".join(dump_block(data, flow_lists=flow_lists)) + "\n"
    except ValueError:  # a float the writer refuses
        return
    check_same(text)


MUTATIONS = [
    ":",
    ": ",
    " #",
    "#",
    " ",
    "  ",
    "-",
    "- ",
    "'",
    '"',
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\t",
    "\r",
    "\n",
    "&",
    "*",
    "!",
    "|",
    ">",
    "%",
    "@",
    "?",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x7f",
    "\U0001f600",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(KEYS, DATA, min_size=1, max_size=3),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(MUTATIONS), st.booleans()), min_size=1, max_size=3),
)
def test_mutated_documents_read_the_same(data: dict[str, Any], edits: list[tuple[float, str, bool]]) -> None:
    try:
        text = "\n".join(dump_block(data)) + "\n"
    except ValueError:
        return
    for where, piece, replace in edits:
        at = min(len(text) - 1, math.floor(where * len(text)))
        text = text[:at] + piece + text[at + 1 if replace else at :]
    check_same(text)


def test_parse_uses_either_reader_with_the_same_result() -> None:
    text = "a:\n  b: [x, 1]\n"
    assert parse(text, Path("x.yaml")) == {"a": {"b": ["x", 1]}}
    assert parse("a: 'q'\n", Path("x.yaml")) == {"a": "q"}  # declined by the fast path


def test_canonical_value_positions_are_worked_out_when_asked() -> None:
    """The canonical reader stores key positions only; a value's position follows from its key
    (two columns after it on its line) or is the start of the mapping or list below it."""
    data = parse_canonical('a: 1\nbb: "x y"\nc:\n  - d: [e]\n')
    assert data._positions is None  # nothing stored per value while reading
    data["added"] = 2  # a key added after reading has no position
    assert {k: unpack(p) for k, p in data.positions.items()} == {"a": (1, 4), "bb": (2, 5), "c": (4, 3)}
    item = data["c"][0]
    assert {k: unpack(p) for k, p in item.positions.items()} == {"d": (4, 8)}
    assert [unpack(p) for p in item["d"].positions] == [(4, 9)]


def test_repeated_keys_and_short_values_are_read_once() -> None:
    """A key, and a value of at most 40 characters written the same way (quotes included),
    are one object wherever they repeat; a value written otherwise is read on its own."""
    entries = [
        'id: a\nstatus: active\nyear: 2024\ncountry: "NL"\nnote: "2024"',
        'id: b\nstatus: active\nyear: 2024\ncountry: "NL"\nnote: "2024"\nlong: "' + "x" * 41 + '"',
        'id: c\nlong: "' + "x" * 41 + '"\ntags: []',
        "id: d\ntags: []",
    ]
    text = "sites:\n" + "".join("  - " + e.replace("\n", "\n    ") + "\n" for e in entries)
    first, second, third, fourth = parse_canonical(text)["sites"]
    assert first == {"id": "a", "status": "active", "year": 2024, "country": "NL", "note": "2024"}
    assert second["year"] == 2024 and second["note"] == "2024"
    for key in ("status", "year", "country", "note"):
        assert second[key] is first[key]
    assert first["note"] is not first["year"]
    assert [k1 is k2 for k1, k2 in zip(first, second, strict=False)] == [True] * 5
    assert third["long"] == second["long"] and third["long"] is not second["long"]
    assert third["tags"] == [] and third["tags"] is not fourth["tags"]  # lists are never shared
    third["tags"].append("x")
    assert fourth["tags"] == []
