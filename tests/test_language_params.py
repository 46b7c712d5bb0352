"""What fills a Dutch sentence's parameters is Dutch too (issue 15, item 7).

The output scan (``test_language_scan``) reads what a command printed and looks for words of the
other language. It has two blind spots this file closes:

- a template's parameter names ("bij {place}") are no words of its language: a word that is only
  a parameter name in the Dutch catalogue must still count as English (``vocabulary`` drops them);
- English that reaches a Dutch sentence through a parameter ("scenario '{scenario}'" filled with
  the code ``organic``; a ``{place}`` filled with an English phrase) is caught only when its words
  happen to be in the catalogue's English column. Here every template of the label table and the
  message catalogue is replaced by one that records what it is filled with, the commands run in
  Dutch on the shipped registry, and every value is checked: no English word of the catalogue or
  of the registry's own English labels (its {nl, en} fields), and no raw float ("0.67" in a Dutch
  sentence). Registry text (names, places, ids, notes) is taken out first: it stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.messages import MESSAGES, parameters
from lifeport_map.render.labels import LABELS
from tests.test_language_scan import (
    COMMAND,
    DATA,
    SHARED,
    _without,
    _words,
    other_words,
    registry_text,
    vocabulary,
)


def _english_of_the_registry(value: Any) -> Iterator[tuple[str, str]]:
    """The (nl, en) texts of the registry's two-language fields."""
    if isinstance(value, dict):
        if value and set(value) == {"nl", "en"}:
            yield str(value["nl"]), str(value["en"])
        else:
            for item in value.values():
                yield from _english_of_the_registry(item)
    elif isinstance(value, list):
        for item in value:
            yield from _english_of_the_registry(item)


@cache
def english_words() -> frozenset[str]:
    """Words a Dutch sentence must not get from a parameter: the catalogue's English words, and
    the words only the English side of the registry's two-language labels uses ('organic')."""
    pairs: list[tuple[str, str]] = []
    for path in [*DATA.glob("*.yaml"), *DATA.glob("regions/*.yaml")]:
        pairs.extend(_english_of_the_registry(yaml.safe_load(path.read_text(encoding="utf-8"))))
    catalogue = [*LABELS.values(), *MESSAGES.values()]
    return other_words("nl") | frozenset(vocabulary([*catalogue, *pairs], "nl") - SHARED)


class _Recording(str):
    """A Dutch template that notes what it is filled with."""

    filled: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    def format(self, *args: Any, **kwargs: Any) -> str:
        _Recording.filled.append((str(self), {str(i): a for i, a in enumerate(args)} | kwargs))
        return str.format(self, *args, **kwargs)

    def format_map(self, mapping: Any) -> str:
        _Recording.filled.append((str(self), dict(mapping)))
        return str.format_map(self, mapping)


PATH = re.compile(r"(?:https?://|/)\S+")


def leaks_of(filled: list[tuple[str, dict[str, Any]]], strings: tuple[str, ...]) -> dict[str, set[str]]:
    """The parameter values of Dutch templates with English in them, by template: English words
    (after registry text, commands and paths are taken out), or a float written as Python
    writes it."""
    found: dict[str, set[str]] = {}
    for template, values in filled:
        used = parameters(template)  # a value the Dutch template leaves out reaches nobody
        for name, value in values.items():
            if name not in used:
                continue
            if isinstance(value, float):
                found.setdefault(template, set()).add(f"{name}={value!r} (float)")
            if not isinstance(value, str):
                continue
            text = _without(PATH.sub(" ", COMMAND.sub(" ", value)), strings)
            english = _words(text) & english_words()
            if english:
                found.setdefault(template, set()).update(f"{name}: {word}" for word in english)
    return found


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Every Dutch template of the label table and the catalogue, recording what fills it."""
    _Recording.filled = []
    for table in (LABELS, MESSAGES):
        for key, (nl, en) in list(table.items()):
            monkeypatch.setitem(table, key, (_Recording(nl), en))  # type: ignore[arg-type]
    return _Recording.filled


SHIPPED = [
    ["coverage", "-r", "nijmegen"],
    ["coverage", "-r", "nijmegen", "--year", "2030"],
    ["compare"],
    ["gaps", "-r", "nijmegen"],
    ["whatif", "-r", "nijmegen", "-w", "nxp-nijmegen"],
    ["near", "Nijmegen", "--radius-km", "300", "--facility-type", "wafer-fab"],
    ["stats", "-r", "nijmegen"],
    ["stats", "-r", "dresden"],
    ["claims"],
]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("args", SHIPPED, ids=lambda a: " ".join(a[:2]))
def test_what_fills_a_dutch_sentence_is_dutch(
    recording: list[tuple[str, dict[str, Any]]], args: list[str], fmt: str
) -> None:
    done = CliRunner().invoke(app, [*args, "--format", fmt, "--lang", "nl"], env={"COLUMNS": "120"})
    assert done.exit_code == 0, done.output
    leaks = leaks_of(recording, registry_text(str(DATA), "nl"))
    assert not leaks, f"{' '.join(args)}: English reaches Dutch sentences through parameters: {leaks}"


def test_what_fills_the_brief_is_dutch(recording: list[tuple[str, dict[str, Any]]], tmp_path: Path) -> None:
    done = CliRunner().invoke(
        app,
        ["report", "--region", "nijmegen", "--output", str(tmp_path / "brief"), "--lang", "nl"],
        env={"SOURCE_DATE_EPOCH": "1795000000"},
    )
    assert done.exit_code == 0, done.output
    leaks = leaks_of(recording, registry_text(str(DATA), "nl"))
    assert not leaks, f"the brief: English reaches Dutch sentences through parameters: {leaks}"


def test_the_parameter_scan_finds_planted_english() -> None:
    """The detector itself: a code of the registry's English ('organic'), an English phrase in
    a {place}, and a raw float are caught; registry text, ids, commands and Dutch are not."""
    strings = registry_text(str(DATA), "nl")
    filled = [
        ("scenario '{scenario}' voor {year}", {"scenario": "organic", "year": 2034}),
        ("kandidaten bij {place}", {"place": "the region's centre"}),
        ("locatiequotiënt {lq}", {"lq": 0.67}),
        ("Bewijs: {ids}", {"ids": "nxp-nijmegen, NXP Semiconductors Nijmegen"}),
        ("Na te rekenen met: {command}", {"command": "lifeport-map coverage --roles all"}),
        (
            "Van {n} {noun} mist het register {fields}",
            {"n": 2, "noun": "vestigingen", "fields": "technologieën"},
        ),
    ]
    assert leaks_of(filled, strings) == {
        "scenario '{scenario}' voor {year}": {"scenario: organic"},
        "kandidaten bij {place}": {"place: the", "place: centre"},
        "locatiequotiënt {lq}": {"lq=0.67 (float)"},
    }


def test_a_parameter_name_is_no_word_of_its_language() -> None:
    """Before, 'place' counted as Dutch because a Dutch template said '{place}'; so an English
    'place' in Dutch output went unseen."""
    pairs = [("kandidaten bij {place}", "candidates near {place}"), ("de plaats", "the place")]
    assert vocabulary(pairs, "nl") == {"candidates", "near", "the", "place"}
    assert vocabulary(pairs, "en") == {"kandidaten", "bij", "de", "plaats"}


def test_the_recording_templates_render_as_before(recording: list[tuple[str, dict[str, Any]]]) -> None:
    from lifeport_map.messages import msg, say
    from lifeport_map.render.labels import label

    assert label("brief_made", "nl").format(date="18 november 2026", version="git abc") == (
        "Gemaakt op 18 november 2026 uit registerversie git abc."
    )
    assert say(msg("usage.unknown-tiles", tiles="x"), "nl") == "onbekende achtergrondkaart 'x'"
    assert [values for _, values in recording] == [
        {"date": "18 november 2026", "version": "git abc"},
        {"tiles": "x"},
    ]
