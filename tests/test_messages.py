"""The message catalogue (``lifeport_map.messages``): every issue, error and hint in Dutch and
English with the same parameters, and the bad-input corpus reported in both languages at the
same code, position and field.

The words looked for are the language scan's (tests/test_language_scan.py: the other column of
the label table and of this catalogue, plus common words). What the registry itself says (ids,
names, field names, the file's own text) is no language: the words of the fixture file are
taken out before the scan.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.errors import Issue, LifeportError, RegistryError
from lifeport_map.messages import MESSAGES, Number, msg, parameters, say
from lifeport_map.render.issues import as_github, as_json, as_text, summary
from tests.conftest import FIXTURES, MINI
from tests.test_language_scan import _words, other_words

INVALID = FIXTURES / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
QUOTED = re.compile(r"'[^']*'")  # quoted in a message: a field, a value or registry text


@cache
def code_words() -> frozenset[str]:
    """The words of the registry's field names and of the taxonomy's vocabularies: code, named
    in lists such as 'allowed fields: ...' and 'use one of: ...'."""
    import lifeport_map.schema as schema
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.taxonomy import load_taxonomy

    found: set[str] = set()

    def walk(fields: tuple[schema.Field, ...]) -> None:
        for spec in fields:
            found.update(_words(spec.name))
            walk(spec.fields)
            if spec.items is not None:
                walk((spec.items,))

    walk(schema.REGISTRY_FIELDS + schema.REGION_FIELDS)
    taxonomy = load_taxonomy(default_taxonomy_path())
    for name in (*schema.SINGULAR, *schema.EXTRA_VOCABULARIES):
        for value in schema.EXTRA_VOCABULARIES.get(name) or taxonomy.vocabulary(name):
            found.update(_words(value))
    return frozenset(found)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(key: str) -> None:
    nl, en = MESSAGES[key]
    assert nl.strip() and en.strip(), key
    assert parameters(nl) == parameters(en), key


def test_the_dutch_templates_have_no_english_words_and_the_english_no_dutch() -> None:
    """Parameters, quoted field names ('until', 'phases') and options (--without) are code, not
    language; a licence ('CC BY 4.0') is a name."""

    def prose(template: str) -> str:
        return re.sub(r"\{[a-z_]+\}|'[^']*'|\([a-z_ ]+\)|--[a-z][a-z-]*|CC BY", " ", template)

    dutch = {k: _words(prose(nl)) & other_words("nl") for k, (nl, _) in MESSAGES.items()}
    english = {k: _words(prose(en)) & other_words("en") for k, (_, en) in MESSAGES.items()}
    assert {k: v for k, v in dutch.items() if v} == {}
    assert {k: v for k, v in english.items() if v} == {}


def test_a_message_is_rendered_in_either_language_with_its_parameters() -> None:
    duplicate = msg("id.duplicate", id="fab-x", line=12)
    assert duplicate.render("nl") == "id 'fab-x' wordt al gebruikt op regel 12"
    assert duplicate.render("en") == "id 'fab-x' is already used at line 12"
    # a message inside a message follows the language; numbers follow its format
    scheme = msg("url.scheme", scheme=msg("none"))
    assert scheme.render("nl") == "protocol '(geen)' is geen http of https"
    assert scheme.render("en") == "scheme '(none)' is not http or https"
    far = msg("coordinates.outside-municipality/in", municipality="Berg en Dal")
    assert far.render("nl") == ", in Berg en Dal"
    assert say(msg("status.dates", until=1999, since=2001), "nl") == "until (1999) ligt vóór since (2001)"
    assert say("plain text", "nl") == "plain text"
    first = msg("error.file-errors/first", total=12, file="b.geojson", shown=10)
    assert first.render("nl") == "12 fouten in b.geojson (de eerste 10 staan hierboven)"
    assert first.render("en") == "12 errors in b.geojson (the first 10 shown)"
    checked = msg("validate.checked", name="x.yaml", sites=1234, summary="0 fouten, 0 waarschuwingen")
    assert checked.render("nl") == "x.yaml: 1234 vestigingen gecontroleerd, 0 fouten, 0 waarschuwingen"
    tolerance = msg(
        "coordinates.outside-municipality",
        lat="51.8",
        lon="5.9",
        km=Number(2.04, 1),
        municipality="Nijmegen",
        where="",
        tolerance=0.5,
        precision="site",
    )
    assert "2,0 km buiten de gemeente Nijmegen (CBS-grenzen 2025, marge 0,5 km" in tolerance.render("nl")
    assert (
        "2.0 km outside the municipality Nijmegen (CBS 2025 boundaries, tolerance 0.5 km"
        in tolerance.render("en")
    )


def test_a_message_is_checked_where_it_is_made() -> None:
    with pytest.raises(KeyError):
        msg("no.such-code")
    with pytest.raises(TypeError):
        msg("id.duplicate", id="x")  # 'line' is missing
    with pytest.raises(TypeError):
        msg("source.missing", id="x")  # takes no parameter


def test_an_issue_keeps_english_text_and_gives_either_language() -> None:
    issue = Issue(
        code="id.duplicate",
        text=msg("id.duplicate", id="a", line=3),
        help=msg("id.duplicate/hint"),
        file="f.yaml",
        line=7,
        col=3,
        entry="a",
        field="id",
    )
    assert issue.message == "id 'a' is already used at line 3"
    assert issue.hint == "give this site its own id; ids are never reused"
    dutch = issue.in_lang("nl")
    assert (dutch.message, dutch.hint) == (
        "id 'a' wordt al gebruikt op regel 3",
        "geef deze vestiging een eigen id; ids worden nooit hergebruikt",
    )
    assert (dutch.code, dutch.file, dutch.line, dutch.col, dutch.entry, dutch.field) == (
        "id.duplicate",
        "f.yaml",
        7,
        3,
        "a",
        "id",
    )
    assert as_text([issue], "nl") == (
        "f.yaml:7:3: fout: [id.duplicate] a: id: id 'a' wordt al gebruikt op regel 3\n"
        "    tip: geef deze vestiging een eigen id; ids worden nooit hergebruikt"
    )
    assert as_text([issue], "en") == (
        "f.yaml:7:3: error: [id.duplicate] a: id: id 'a' is already used at line 3\n"
        "    hint: give this site its own id; ids are never reused"
    )
    # GitHub annotations: the syntax and title stay, the text follows the language
    assert as_github([issue], "nl") == (
        "::error file=f.yaml,line=7,col=3,title=id.duplicate a::a: id: id 'a' wordt al gebruikt op "
        "regel 3 (tip: geef deze vestiging een eigen id; ids worden nooit hergebruikt)"
    )
    assert as_github([issue], "en").startswith(
        "::error file=f.yaml,line=7,col=3,title=id.duplicate a::a: id: id 'a' is"
    )
    assert json.loads(as_json([issue], "nl"))["issues"][0]["message"] == "id 'a' wordt al gebruikt op regel 3"
    warning = Issue(code="name.whitespace", text=msg("name.whitespace", field="name"), severity="warning")
    assert summary([issue, warning], "nl") == "1 fout, 1 waarschuwing"
    assert summary([issue, issue, warning, warning], "en") == "2 errors, 2 warnings"
    assert summary([], "nl") == "0 fouten, 0 waarschuwingen"


def test_an_error_gives_its_message_and_hint_in_either_language() -> None:
    error = RegistryError([Issue(code="c", message="m"), Issue(code="c", message="m")])
    assert error.message == "the registry has 2 error(s)"
    assert error.in_lang("nl") == (
        "het register heeft 2 fout(en)",
        "voer 'lifeport-map validate' uit voor de volledige lijst",
    )
    plain = LifeportError("not in the catalogue yet", hint="h")
    assert plain.in_lang("nl") == ("not in the catalogue yet", "h")


def _validate(path: Path, lang: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(path),
            "--regions",
            str(MINI / "regions"),
            "validate",
            "--format",
            "json",
            "--lang",
            lang,
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    issues: list[dict[str, object]] = json.loads(result.stdout)["issues"]
    return issues


WHERE = ("code", "file", "line", "col", "entry", "field", "severity")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_the_bad_input_corpus_is_reported_in_either_language_at_the_same_place(path: Path) -> None:
    dutch, english = _validate(path, "nl"), _validate(path, "en")
    assert [tuple(i[k] for k in WHERE) for i in dutch] == [tuple(i[k] for k in WHERE) for i in english]
    own = _words(path.read_bytes().decode("utf-8", "replace"))  # the registry's own words
    for nl, en in zip(dutch, english, strict=True):
        if nl["code"] not in MESSAGES:
            continue  # a module whose messages are not in the catalogue yet
        assert nl["message"] and nl["hint"], nl
        for lang, issue in (("nl", nl), ("en", en)):
            text = f"{issue['message']} {issue['hint']}"
            text = re.sub(r"U\+[0-9A-F]{4,6}|\\[uUx][0-9a-fA-F]+", " ", text)  # code points, escapes
            leaks = _words(QUOTED.sub(" ", text)) & other_words(lang) - own - code_words()
            assert not leaks, (
                f"{lang} {issue['code']}: {sorted(leaks)} in {issue['message']!r} / {issue['hint']!r}"
            )


def test_a_usage_error_of_diff_is_in_either_language() -> None:
    from lifeport_map.errors import UsageError
    from lifeport_map.revisions import revision_bytes

    with pytest.raises(UsageError) as caught:
        revision_bytes("-x", MINI / "companies.yaml")
    assert caught.value.in_lang("nl") == (
        "'-x' is geen bestand en geen git-versie",
        "geef een registerbestand op of een versie zoals HEAD~1 of main",
    )
    assert caught.value.message == "'-x' is not a file or a git revision"
