"""Issue 17, second hardening pass: what validate accepts every command handles, and nothing
crawls. Text drawn by matplotlib is escaped, the duplicate check and ``fmt --check`` stay
near-linear on purpose-built input, numbers have plausible ranges.
"""

from __future__ import annotations

import dataclasses
import random
import time
import xml.dom.minidom
from pathlib import Path
from types import SimpleNamespace

import pytest

from lifeport_map.fmt import describe_changes, format_text
from lifeport_map.model import Location, Registry, Site
from lifeport_map.registry import load_registry
from lifeport_map.text import figure_text, mixed_script, skeleton
from lifeport_map.validate import check_likely_duplicates, name_key
from tests.conftest import MINI


def test_figure_text_keeps_dollars_and_shows_control_characters() -> None:
    # figures draw with mathtext off, so dollars are drawn as typed (an escape would show)
    assert figure_text("$\\undefinedmacro$") == "$\\undefinedmacro$"
    assert figure_text("5$ to 10$") == "5$ to 10$"
    assert figure_text("a\x1b[31mb\x07") == "a\\u001b[31mb\\u0007"
    assert figure_text("bidi\u202eX") == "bidi\\u202eX"
    assert figure_text("two\nlines\r\nend") == "two lines end"
    assert figure_text("Nijmegen (Arnhem)") == "Nijmegen (Arnhem)"
    assert figure_text(None) == ""


HOSTILE_NAME = "$\\undefinedmacro$ 5$ to 10$ \x1b[31m\x07"


def _registry_with_region_name(name: str) -> Registry:
    """The mini registry with Nijmegen renamed: validate refuses control characters in names
    now, so the text is put in after loading, to test the drawing's own defence."""
    registry = load_registry(MINI / "companies.yaml", MINI / "regions", check=False)
    regions = dict(registry.regions)
    regions["nijmegen"] = dataclasses.replace(regions["nijmegen"], name={"nl": name, "en": name})
    return dataclasses.replace(registry, regions=regions)


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_mathtext_and_control_characters_in_region_names_are_drawn_literally(
    tmp_path: Path, fmt: str, capfd: pytest.CaptureFixture[str]
) -> None:
    from lifeport_map.render.static import compare_figure, figure_bytes, region_figure

    registry = _registry_with_region_name(HOSTILE_NAME)
    for figure in (region_figure(registry, "nijmegen", lang="en"), compare_figure(registry, ["nijmegen"])):
        data = figure_bytes(figure, fmt)
        assert data
        if fmt == "svg":
            text = data.decode("utf-8")
            xml.dom.minidom.parseString(data)  # well-formed: no raw control characters
            # a long name may wrap onto lines of its own in a panel label
            assert "$\\undefinedmacro$ 5$ to 10$" in text and "\\u001b[31m\\u0007" in text
            assert "\x1b" not in text and "\x07" not in text
        if fmt in ("svg", "pdf"):
            lowered = data.lower()
            for needle in (b"<script", b"javascript", b'href="http', b"/uri", b"/launch"):
                assert needle not in lowered, needle
    captured = capfd.readouterr()
    assert "\x1b" not in captured.err and "\x07" not in captured.err


def _site(index: int, name: str, municipality: str = "Nijmegen") -> Site:
    return Site(
        id=f"s{index:06d}",
        name=name,
        organisation="x",
        kind="idm",
        activities=(),
        phases=(),
        served_phases=(),
        status="active",
        location=Location(place=municipality, municipality=municipality, country="NL"),
        sources=(),
    )


def _duplicates(names: list[str]) -> list[tuple[str, str]]:
    sites = [_site(i, n) for i, n in enumerate(names)]
    registry = SimpleNamespace(sites=sites)
    return [(i.entry, i.message) for i in check_likely_duplicates(registry)]  # type: ignore[arg-type]


def test_likely_duplicates_by_hand() -> None:
    # same key once legal forms, case, spaces and punctuation go
    assert [e for e, _ in _duplicates(["Alpha Fab B.V.", "alpha-fab"])] == ["s000001"]
    # a Cyrillic A looks like the Latin one
    assert [e for e, _ in _duplicates(["Alpha Fab", "\u0410lpha Fab"])] == ["s000001"]
    # one letter apart in a long name (ratio 0.95 >= 0.92)
    assert [e for e, _ in _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdefh"])] == ["s000001"]
    # one letter missing
    assert [e for e, _ in _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdfg"])] == ["s000001"]
    # one letter apart in a short name (ratio 0.875): different sites
    assert _duplicates(["Alpha Fab", "Alpha Lab"]) == []
    # numbers tell sites apart; three letters apart is another name
    assert _duplicates(["Fab 1 Nijmegen", "Fab 2 Nijmegen"]) == []
    assert _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdxyz"]) == []


def test_name_key() -> None:
    assert name_key("Alpha Fab B.V.") == "alphafab"
    assert name_key("N\u0435xperia GmbH") == "nexperia"  # Cyrillic e
    assert skeleton("N\u0456jmegen") == "Nijmegen"
    assert mixed_script("N\u0456jmegen") == ["U+0456"]
    assert mixed_script("\u041c\u043e\u0441\u043a\u0432\u0430") == []  # all Cyrillic: not mixed
    assert mixed_script("Zürich") == []


def test_duplicate_check_is_near_linear_on_20000_similar_names() -> None:
    """20,000 names of one municipality that all start alike: the old check compared them
    pairwise (63 s for 2,000, 283 s for 4,000). Hand-made pairs are still found."""
    rng = random.Random(17)
    letters = "abcdefghijklmnopqrstuvwxyz"
    names: set[str] = set()
    while len(names) < 20_000:
        names.add("Semicon Systems " + "".join(rng.choice(letters) for _ in range(9)))
    ordered = sorted(names)
    twin = ordered[0][:-1] + ("b" if ordered[0][-1] != "b" else "c")
    if twin in names:
        twin = ordered[0] + "x"
    start = time.perf_counter()
    found = _duplicates([*ordered, twin])
    elapsed = time.perf_counter() - start
    assert ("s020000", f"'{twin}' looks like '{ordered[0]}' (s000000) in the same municipality") in found
    assert elapsed < 20, elapsed  # about 1 s here; quadratic would be hours


def _entries(ids: list[str]) -> str:
    return "sites:\n" + "".join(
        f"  - id: {i}\n    name: N {i}\n    organisation: O\n    kind: idm\n    activities: [foundry]\n"
        f"    status: active\n    location: {{place: P, municipality: P, country: NL}}\n"
        f"    sources:\n      - {{url: 'https://example.org/{i}', year: 2025}}\n"
        for i in ids
    )


def test_fmt_check_is_near_linear_on_reversed_entries() -> None:
    """Reversed entries made the old line diff quadratic (141 s at 8,024). Reversing n entries
    leaves one in place: n - 1 are out of order."""
    ids = [f"site-{i:05d}" for i in range(3000)]
    text = _entries(list(reversed(ids)))
    start = time.perf_counter()
    formatted = format_text(text)
    out_of_order, differing, diff = describe_changes(Path("r.yaml"), text, formatted)
    elapsed = time.perf_counter() - start
    assert len(out_of_order) == 2999
    assert len(differing) == 3000
    assert diff[:2] == ["--- r.yaml (now)", "+++ r.yaml (canonical)"]
    assert elapsed < 60, elapsed


# --- Unicode: fmt never hides what it writes --------------------------------------------------

ONE_ENTRY = (
    "sites:\n  - id: a\n    name: A\n    organisation: O\n    kind: idm\n    activities: [foundry]\n"
    "    status: active\n    location: {{place: P, municipality: P, country: NL}}\n"
    "    sources:\n      - {{url: 'https://example.org/a', year: 2025}}\n    description: {value}\n"
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"zero\\u200bwidth"', '"zero\\u200bwidth"'),  # escaped stays escaped (it became raw)
        ('"rtl \\u202e override"', '"rtl \\u202e override"'),
        ('"lre \\u202a and pdi \\u2069"', '"lre \\u202a and pdi \\u2069"'),
        ("raw\u200bzero", '"raw\\u200bzero"'),  # raw is written as an escape
        ('"tag \\U000e0041 char"', '"tag \\U000e0041 char"'),
        ('"soft\\u00adhyphen"', '"soft\\u00adhyphen"'),
    ],
)
def test_fmt_writes_invisible_and_bidi_characters_as_escapes(written: str, expected: str) -> None:
    output = format_text(ONE_ENTRY.format(value=written))
    assert f"    description: {expected}\n" in output
    assert not any(ch in output for ch in "\u200b\u202e\u202a\u2069\u00ad\U000e0041")


def test_fmt_refuses_an_invisible_character_in_a_comment() -> None:
    from lifeport_map.fmt import FormatError

    text = ONE_ENTRY.format(value="plain") + "# admin \u202e nimda\n"
    with pytest.raises(FormatError, match=r"line 12 holds an invisible character \(U\+202E\)"):
        format_text(text)
