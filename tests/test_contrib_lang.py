"""`fmt` and `add` speak the command's --lang (issue 15, item 7): every error, hint, warning,
question, reason to ask again and summary line in Dutch under --lang nl (the default) and in
English under --lang en, with the same exit code, file, line, entry and field in both.

Each test runs the command in both languages and compares the exact text with hand-written
Dutch and English, then scans the output for words of the other language (the scan of
tests/test_language_scan.py). Paths, ids, codes, option names and registry text are no
language: they are taken out before the scan.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.add import SNIPPET_KEYS
from lifeport_map.cli import app
from lifeport_map.fmt import FormatError, format_text, scalar
from tests.test_language_scan import _words, other_words, registry_text
from tests.test_messages import code_words

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
REGIONS = CONTRIB / "regions"
ACME = {
    "--name": "Acme Nijmegen",
    "--organisation": "Acme",
    "--kind": "supplier",
    "--activity": "equipment-components",
    "--place": "Nijmegen",
    "--country": "NL",
    "--source-url": "https://acme.example.org/news",
    "--source-year": "2026",
}
# Code in the output: option names, ids and codes, field paths, taxonomy values, URLs, the
# command lines a hint gives.
CODE = re.compile(
    r"--[a-z-]+|\[[a-z.-]+\]|'[^'\n]*'|https?://\S+|[a-z]+(?:[-_.\[\]0-9]+[a-z0-9]*)+|lifeport-map \w+"
)


def _options(**changes: str) -> list[str]:
    given = {**ACME, **{f"--{k.replace('_', '-')}": v for k, v in changes.items()}}
    return [x for kv in given.items() for x in kv if kv[1] != ""]


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    target = tmp_path / "companies.yaml"
    shutil.copyfile(CONTRIB / "companies.yaml", target)
    return target


def _run(registry: Path, args: list[str], lang: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["--registry", str(registry), "--regions", str(REGIONS), *args, "--lang", lang], input=stdin
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _both(registry: Path, args: list[str], stdin: str | None = None) -> dict[str, tuple[int, str, str]]:
    """The command in Dutch and in English, on the same bytes: the file is put back between."""
    before = registry.read_bytes()
    runs = {}
    for lang in ("nl", "en"):
        registry.write_bytes(before)
        runs[lang] = _run(registry, args, lang, stdin)
    return runs


def _leaks(text: str, lang: str, *paths: Path) -> set[str]:
    """Words of the other language in ``text``, once paths, code and registry text are out (and
    the words of field names, taxonomy values and the answers' keys, which hints list)."""
    for path in sorted(paths, key=lambda p: -len(str(p))):
        text = text.replace(str(path), " ")
    for item in registry_text(str(CONTRIB), lang):
        text = text.replace(item, " ")
    return _words(CODE.sub(" ", text)) & other_words(lang) - code_words() - _words(" ".join(SNIPPET_KEYS))


def _assert_one_language(runs: dict[str, tuple[int, str, str]], *paths: Path) -> None:
    for lang, (_code, out, err) in runs.items():
        leaks = _leaks(out + err, lang, *paths)
        assert not leaks, f"{lang}: {sorted(leaks)} in {out + err!r}"


# --- fmt ---------------------------------------------------------------------------------------


def _swapped(registry: Path) -> None:
    """The fixture with its first two entries swapped: beta-duiven (16 lines) moves to line 3."""
    text = registry.read_text(encoding="utf-8")
    alpha, beta, gamma = (text.index(f"  - id: {name}") for name in ("alpha", "beta", "gamma"))
    registry.write_text(text[:alpha] + text[beta:gamma] + text[alpha:beta] + text[gamma:], encoding="utf-8")


def test_fmt_says_what_it_did_in_either_language(registry: Path) -> None:
    _swapped(registry)
    runs = _both(registry, ["fmt"])
    assert runs["nl"] == (0, "", f"{registry}: opgemaakt (1 onderdeel gewijzigd)\n")
    assert runs["en"] == (0, "", f"{registry}: formatted (1 part changed)\n")
    shutil.copyfile(CONTRIB / "messy.yaml", registry)
    runs = _both(registry, ["fmt"])
    assert runs["nl"] == (0, "", f"{registry}: opgemaakt (3 onderdelen gewijzigd)\n")
    assert runs["en"] == (0, "", f"{registry}: formatted (3 parts changed)\n")
    runs = _both(registry, ["fmt"])  # now canonical
    assert runs["nl"] == (0, "", f"{registry}: staat al in de vaste vorm\n")
    assert runs["en"] == (0, "", f"{registry}: already in canonical form\n")
    _assert_one_language(runs, registry)


def test_fmt_check_reports_in_either_language(registry: Path) -> None:
    _swapped(registry)
    before = registry.read_bytes()
    runs = _both(registry, ["fmt", "--check"])
    assert registry.read_bytes() == before
    head = {
        "nl": [
            f"{registry}: staat niet in de vaste vorm; voer 'lifeport-map fmt' uit om dat te herstellen",
            "  vermeldingen die niet op volgorde van id staan: beta-duiven",
            f"  {registry}:3: beta-duiven wijkt af van de vaste vorm",
            "",
            f"--- {registry} (nu)",
            f"+++ {registry} (vaste vorm)",
            "@@ -3,16 +0,0 @@",
            "-  - id: beta-duiven",
        ],
        "en": [
            f"{registry}: not in canonical form; run 'lifeport-map fmt' to fix it",
            "  entries out of order (sorted by id): beta-duiven",
            f"  {registry}:3: beta-duiven differs from its canonical form",
            "",
            f"--- {registry} (now)",
            f"+++ {registry} (canonical)",
            "@@ -3,16 +0,0 @@",
            "-  - id: beta-duiven",
        ],
    }
    bodies = set()
    for lang, (code, out, err) in runs.items():
        assert (code, err) == (1, "")
        lines = out.splitlines()
        assert lines[:8] == head[lang]
        bodies.add("\n".join(lines[6:]))  # the diff itself is the file's text: the same in both
    assert len(bodies) == 1
    github = _both(registry, ["fmt", "--check", "--format", "github"])
    annotation = f"::error file={registry},line=3,title=fmt beta-duiven::"
    assert github["nl"][1].splitlines()[0] == (
        annotation + "beta-duiven staat niet in de vaste vorm; voer 'lifeport-map fmt' uit"
    )
    assert (
        github["en"][1].splitlines()[0]
        == annotation + "beta-duiven is not in canonical form; run 'lifeport-map fmt'"
    )
    assert github["nl"][0] == github["en"][0] == 1
    _assert_one_language(
        {lang: (code, _report(out), err) for lang, (code, out, err) in runs.items()}, registry
    )


def _report(out: str) -> str:
    """A ``fmt --check`` report without the lines of its diff (the file's own text), headers kept."""
    return "\n".join(
        line
        for line in out.splitlines()
        if line.startswith(("--- ", "+++ ")) or not line.startswith(("-", "+", "@@"))
    )


def _reversed_sites(count: int) -> str:
    """``count`` valid entries in reverse id order (s00, s01, ... written last first)."""
    entries = [
        f"  - id: s{i:02d}\n    name: Site {i}\n    organisation: Org {i}\n    kind: supplier\n"
        f"    activities: [equipment-components]\n    status: active\n    location:\n"
        f"      place: Nijmegen\n      municipality: Nijmegen\n      country: NL\n"
        f"      lat: 51.8425\n      lon: 5.85278\n      precision: place\n    sources:\n"
        f'      - url: "https://example.org/{i}"\n        year: 2026\n'
        for i in reversed(range(count))
    ]
    return "sites:\n" + "".join(entries)


def test_fmt_check_counts_what_it_leaves_out_in_either_language(registry: Path) -> None:
    """23 entries in reverse order: s00 stays, s22 to s01 move; the report lists the first 20
    moved ids and counts the other 2, and
    shows 80 lines of the diff (44 hunks of 18 lines and headers: 820 lines) and counts the rest."""
    registry.write_text(_reversed_sites(23), encoding="utf-8")
    runs = _both(registry, ["fmt", "--check"])
    shown = ", ".join(f"s{i:02d}" for i in range(22, 2, -1))
    nl_lines, en_lines = runs["nl"][1].splitlines(), runs["en"][1].splitlines()
    assert nl_lines[1] == f"  vermeldingen die niet op volgorde van id staan: {shown} en nog 2"
    assert en_lines[1] == f"  entries out of order (sorted by id): {shown} and 2 more"
    # fmt computes the diff up to 200 lines, entry by entry: the 2 headers, then each moved entry
    # removed and added (two hunks of a hunk line and its 16 lines), 6 of them to pass 200, and
    # the first (s22, last in the canonical file) also adds the file's final empty line
    diff_lines = 2 + 6 * 2 * (1 + 16) + 1
    assert diff_lines == 207
    assert nl_lines[-1] == f"... (nog {diff_lines - 80} regels verschil)"
    assert en_lines[-1] == f"... ({diff_lines - 80} more diff lines)"
    _assert_one_language(
        {lang: (code, _report(out), err) for lang, (code, out, err) in runs.items()}, registry
    )


def test_fmt_refuses_an_invisible_character_in_a_comment_in_either_language(registry: Path) -> None:
    text = registry.read_text(encoding="utf-8").replace("# A tiny", "# A\u200b tiny", 1)
    registry.write_text(text, encoding="utf-8")
    runs = _both(registry, ["fmt"])
    assert runs["nl"] == (
        1,
        "",
        f"lifeport-map: fout: {registry}: het commentaar op regel 1 bevat een onzichtbaar teken (U+200B); "
        "er is niets geschreven\n"
        "    tip: haal het met de hand uit het commentaar: in commentaar werken geen escapes\n",
    )
    assert runs["en"] == (
        1,
        "",
        f"lifeport-map: error: {registry}: the comment on line 1 holds an invisible character (U+200B); "
        "nothing was written\n"
        "    hint: remove it from the comment by hand: comments have no escapes\n",
    )
    assert registry.read_text(encoding="utf-8") == text
    _assert_one_language(runs, registry)


def test_fmts_own_refusals_are_in_the_catalogue() -> None:
    """The refusals that protect the file from a formatter bug (no valid registry reaches them
    through the command) carry a message and a hint in both languages."""
    with pytest.raises(FormatError) as caught:
        scalar(float("inf"))
    assert caught.value.in_lang("nl") == ("een getal is niet eindig", "schrijf een gewoon getal")
    assert caught.value.in_lang("en") == ("a number is not finite", "write a real number")
    with pytest.raises(FormatError) as caught:
        format_text("sites:\n  - id: a\u2028\n")
    assert caught.value.in_lang("nl") == (
        "regel 2 bevat een ongebruikelijk regeleinde (U+2028)",
        "eindig regels alleen met LF of CRLF; schrijf het teken tussen dubbele aanhalingstekens als "
        "escape, zoals \\u2028",
    )
    assert caught.value.in_lang("en")[0] == "line 2 contains an unusual line break (U+2028)"
    with pytest.raises(FormatError) as caught:
        format_text("- a\n")
    assert caught.value.in_lang("nl") == (
        "het registerbestand moet een mapping met een lijst 'sites:' zijn",
        "begin het bestand met 'sites:'",
    )
    with pytest.raises(FormatError) as caught:
        format_text("regions: []\n", extra_sites=[{"id": "x"}])
    assert caught.value.in_lang("nl")[0] == "het register heeft geen lijst 'sites:' om aan toe te voegen"
    assert caught.value.in_lang("en")[0] == "the registry has no 'sites:' list to add to"


# --- add: refusals -------------------------------------------------------------------------------


def test_a_taken_id_is_refused_in_either_language(registry: Path) -> None:
    runs = _both(registry, ["add", "--no-interactive", *_options(id="beta-duiven")])
    assert runs["nl"] == (
        1,
        "",
        f"lifeport-map: fout: id 'beta-duiven' wordt al gebruikt door de vermelding op {registry}:19\n"
        "    tip: kies een ander id met --id; ids worden nooit hergebruikt, ook niet van gesloten "
        "vestigingen\n",
    )
    assert runs["en"] == (
        1,
        "",
        f"lifeport-map: error: id 'beta-duiven' is already used by the entry at {registry}:19\n"
        "    hint: choose another id with --id; ids are never reused, even for closed sites\n",
    )
    _assert_one_language(runs, registry)


def test_a_second_site_of_an_organisation_is_refused_in_either_language(registry: Path) -> None:
    runs = _both(
        registry,
        ["add", "--no-interactive", *_options(organisation="Alpha", name="Alpha Two", id="alpha-two")],
    )
    assert runs["nl"][0] == runs["en"][0] == 1
    assert runs["nl"][2] == (
        f"lifeport-map: fout: 'Alpha' heeft al een vestiging in Nijmegen: 'alpha-nijmegen' op {registry}:3\n"
        "    tip: pas liever die vermelding aan; is dit echt een andere vestiging van dezelfde organisatie, "
        "voer de opdracht dan opnieuw uit met '--another-site'\n"
    )
    assert runs["en"][2] == (
        f"lifeport-map: error: 'Alpha' already has a site in Nijmegen: 'alpha-nijmegen' at {registry}:3\n"
        "    hint: edit that entry instead; if this really is another site of the same organisation, "
        "run the command again with '--another-site'\n"
    )
    _assert_one_language(runs, registry)


def test_a_file_not_in_canonical_form_is_refused_in_either_language(registry: Path) -> None:
    shutil.copyfile(CONTRIB / "messy.yaml", registry)
    runs = _both(registry, ["add", "--no-interactive", *_options()])
    assert runs["nl"] == (
        1,
        "",
        f"lifeport-map: fout: {registry} staat niet in de vaste vorm, dus de regels van de nieuwe "
        "vermelding zijn niet te onderscheiden van andere wijzigingen\n"
        "    tip: voer eerst 'lifeport-map fmt' uit (en leg dat apart vast)\n",
    )
    assert runs["en"] == (
        1,
        "",
        f"lifeport-map: error: {registry} is not in canonical form, so the new entry's lines could not "
        "be told apart from other changes\n"
        "    hint: run 'lifeport-map fmt' first (and commit that separately)\n",
    )
    _assert_one_language(runs, registry)


def test_an_entry_the_validator_rejects_names_the_unwritten_entry_in_either_language(registry: Path) -> None:
    before = registry.read_bytes()
    runs = _both(registry, ["add", "--no-interactive", *_options(place="Nimegen")])
    where = {
        "nl": f"{registry} (nieuwe vermelding, niet geschreven)",
        "en": f"{registry} (new entry, not written)",
    }
    severity = {"nl": "fout", "en": "error"}
    found = {}
    for lang, (code, out, err) in runs.items():
        assert (code, out) == (1, "")
        first = err.splitlines()[0]
        prefix = (
            f"{where[lang]}: {severity[lang]}: [location.unknown-municipality] acme-nimegen: "
            "location.municipality: "
        )
        assert first.startswith(prefix), first
        found[lang] = first[len(prefix) :]
        assert f"{registry}:" not in err  # no line of a file that was never written
    assert found["nl"].startswith("gemeente 'Nimegen' is onbekend (NL: niet op de officiële lijst van CBS")
    assert found["en"].startswith("municipality 'Nimegen' is unknown (NL: not on the official CBS list")
    assert registry.read_bytes() == before


@pytest.mark.parametrize(
    ("option", "value", "dutch", "english"),
    [
        (
            "kind",
            "robot",
            "--kind (kind): 'robot' is geen soort; een van: ",
            "--kind (kind): 'robot' is not a kind; one of: ",
        ),
        (
            "activity",
            "foundery",
            "--activity (activities): 'foundery' is geen activiteit; bedoelt u 'foundry'?",
            "--activity (activities): 'foundery' is not an activity; did you mean 'foundry'?",
        ),
        (
            "source-year",
            "last year",
            "--source-year (sources[0].year): 'last year' is geen jaartal: schrijf vier cijfers, "
            "bijvoorbeeld 2025",
            "--source-year (sources[0].year): 'last year' is not a year: write four digits, e.g. 2025",
        ),
        (
            "country",
            "ZZ",
            "--country (location.country): 'ZZ' is geen landcode volgens ISO 3166-1: bijvoorbeeld NL, BE, DE",
            "--country (location.country): 'ZZ' is not an ISO 3166-1 country code: e.g. NL, BE, DE",
        ),
        (
            "source-url",
            "javascript:alert(1)",
            "--source-url (sources[0].url): protocol 'javascript' is geen http of https; geef een gewoon "
            "adres https://host/pad",
            "--source-url (sources[0].url): scheme 'javascript' is not http or https; give a plain "
            "https://host/path address",
        ),
        (
            "name",
            "Acme\u200b Fab",
            "--name (name): het bevat onzichtbare tekens of stuurtekens (U+200B); typ het opnieuw",
            "--name (name): it contains invisible or control characters (U+200B); retype it",
        ),
        (
            "name",
            "\u0410cme",  # a Cyrillic A
            "--name (name): het mengt Latijnse letters met Griekse of Cyrillische letters die erop lijken",
            "--name (name): it mixes Latin letters with Greek or Cyrillic lookalikes",
        ),
        (
            "name",
            "x" * 301,
            "--name (name): het is 301 tekens lang; hoogstens 300",
            "--name (name): it is 301 characters long; at most 300",
        ),
    ],
    ids=["kind", "activity", "year", "country", "url", "invisible", "mixed-script", "too-long"],
)
def test_a_bad_option_is_refused_in_either_language(
    registry: Path, option: str, value: str, dutch: str, english: str
) -> None:
    before = registry.read_bytes()
    runs = _both(registry, ["add", "--no-interactive", *_options(**{option.replace("-", "_"): value})])
    assert runs["nl"][0] == runs["en"][0] == 1
    assert runs["nl"][2].startswith(f"lifeport-map: fout: {dutch}"), runs["nl"][2]
    assert runs["en"][2].startswith(f"lifeport-map: error: {english}"), runs["en"][2]
    assert runs["nl"][2].endswith("\n    tip: verbeter de optie en voer de opdracht opnieuw uit\n")
    assert runs["en"][2].endswith("\n    hint: correct the option and run the command again\n")
    assert registry.read_bytes() == before
    if option != "name":  # the refused name is no registry text of the fixture
        _assert_one_language(runs, registry)


@pytest.mark.parametrize(
    ("given", "dutch", "english"),
    [
        (
            ["--name", "Only a name"],
            "niet opgegeven: --organisation, --kind, --activity, --place, --country, --source-year, "
            "--source-url of --source-seed",
            "missing --organisation, --kind, --activity, --place, --country, --source-year, "
            "--source-url or --source-seed",
        ),
        (
            _options(source_url="", source_year=""),
            "niet opgegeven: --source-year, --source-url of --source-seed",
            "missing --source-year, --source-url or --source-seed",
        ),
        (
            _options(source_url=""),
            "niet opgegeven: --source-url of --source-seed",
            "missing --source-url or --source-seed",
        ),
        (
            [*_options(source_url=""), "--source-seed", "001_52ea57b76e5b924b.txt", "--kind", ""],
            "niet opgegeven: --kind",
            "missing --kind",
        ),
    ],
    ids=["all-but-the-name", "year-and-source", "source", "kind"],
)
def test_missing_options_are_a_usage_error_in_either_language(
    registry: Path, given: list[str], dutch: str, english: str
) -> None:
    runs = _both(registry, ["add", "--no-interactive", *given])
    assert runs["nl"] == (
        2,
        "",
        f"lifeport-map: fout: {dutch}\n    tip: geef ze als opties, of voer 'lifeport-map add' uit in een "
        "terminal om ernaar gevraagd te worden\n",
    )
    assert runs["en"] == (
        2,
        "",
        f"lifeport-map: error: {english}\n    hint: give them as options, or run 'lifeport-map add' in a "
        "terminal to be asked\n",
    )
    _assert_one_language(runs, registry)


def test_a_snippets_problems_are_named_in_either_language(registry: Path, tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.yaml"
    cases = [
        (
            "- name: Acme\n",
            f"{snippet}: het bestand met antwoorden moet een mapping van antwoorden zijn",
            "schrijf regels 'name: ...'",
            f"{snippet}: the snippet must be a mapping of answers",
            "write 'name: ...' lines",
        ),
        (
            "name: Acme Fab\ncolour: red\n",
            f"{snippet}:2: onbekend antwoord 'colour'",
            "gebruik de namen van de opties: name, organisation, kind, activity, activities, place, "
            "municipality, country, source-url, source-year, source-seed, source-title, source-publisher, "
            "id, address, website, description, notes, since, alias, phase",
            f"{snippet}:2: unknown answer 'colour'",
            "use the option names: name, organisation, kind, activity, activities, place, municipality, "
            "country, source-url, source-year, source-seed, source-title, source-publisher, id, address, "
            "website, description, notes, since, alias, phase",
        ),
        (
            "name: Acme Fab\nsource-year: soon\n",
            f"{snippet}:2: source-year: 'soon' is geen jaartal: schrijf vier cijfers, bijvoorbeeld 2025",
            "verbeter het bestand met antwoorden",
            f"{snippet}:2: source-year: 'soon' is not a year: write four digits, e.g. 2025",
            "correct the snippet",
        ),
    ]
    for text, dutch, tip, english, hint in cases:
        snippet.write_text(text, encoding="utf-8")
        runs = _both(registry, ["add", "--no-interactive", "--from", str(snippet)])
        assert runs["nl"] == (1, "", f"lifeport-map: fout: {dutch}\n    tip: {tip}\n")
        assert runs["en"] == (1, "", f"lifeport-map: error: {english}\n    hint: {hint}\n")
        _assert_one_language(runs, snippet)


# --- add: what it did ----------------------------------------------------------------------------


def test_what_add_did_is_said_in_either_language(registry: Path) -> None:
    runs = _both(registry, ["add", "--no-interactive", *_options()])
    assert runs["nl"][0] == runs["en"][0] == 0
    assert runs["nl"][1] == runs["en"][1]  # the entry as written: registry text
    assert (
        'note: "Approximate: coordinates of the place Nijmegen' in runs["nl"][1]
    )  # registry data stays English
    assert runs["nl"][2].splitlines()[:3] == [
        f"'acme-nijmegen' toegevoegd aan {registry}:3",
        "coördinaten: op plaatsniveau, van GeoNames 'Nijmegen' (51,8425; 5,85278); vervang ze door de eigen "
        "coördinaten van de vestiging en 'precision: site' als een bron die geeft",
        "regio's (standaardafbakeningen): nijmegen",
    ]
    assert runs["en"][2].splitlines()[:3] == [
        f"added 'acme-nijmegen' at {registry}:3",
        "coordinates: place level, from GeoNames 'Nijmegen' (51.8425, 5.85278); replace them with the "
        "site's own coordinates and 'precision: site' if a source gives them",
        "regions (default definitions): nijmegen",
    ]
    # the warnings on the written entry: at its lines in the file, each in its language
    assert (
        f"{registry}:3:5: waarschuwing: [checked.missing] acme-nijmegen: id: "
        "vermelding heeft geen datum 'checked'" in runs["nl"][2]
    )
    assert (
        f"{registry}:3:5: warning: [checked.missing] acme-nijmegen: id: entry has no 'checked' date"
        in runs["en"][2]
    )
    _assert_one_language({lang: (c, "", e) for lang, (c, _, e) in runs.items()}, registry)


def test_a_dry_run_and_its_warnings_are_in_either_language(registry: Path) -> None:
    before = registry.read_bytes()
    runs = _both(registry, ["add", "--no-interactive", "--dry-run", *_options(place="Nowhereville")])
    assert registry.read_bytes() == before
    nl_lines, en_lines = runs["nl"][2].splitlines(), runs["en"][2].splitlines()
    assert nl_lines[:3] == [
        f"'acme-nowhereville' zou worden toegevoegd aan {registry} (niets geschreven; de vermelding zou op "
        "regel 3 beginnen)",
        "coördinaten: de plaats staat niet in de offline plaatsnamenlijst; er zijn geen coördinaten "
        "toegevoegd",
        "regio's (standaardafbakeningen): geen van de gedefinieerde regio's",
    ]
    assert en_lines[:3] == [
        f"would add 'acme-nowhereville' at {registry} (nothing written; the entry would start at line 3)",
        "coordinates: the place is not in the offline gazetteer; none were added",
        "regions (default definitions): none of the defined regions",
    ]
    # the warnings on the new entry: the same codes, entry and field, each in its language
    pattern = r"^(.*): (?:waarschuwing|warning): (\[[a-z.-]+\] [a-z-]+: [a-z.\[\]0-9]+):"
    nl_found = [m.groups() for m in re.finditer(pattern, runs["nl"][2], re.MULTILINE)]
    en_found = [m.groups() for m in re.finditer(pattern, runs["en"][2], re.MULTILINE)]
    assert [g[1] for g in nl_found] == [g[1] for g in en_found]
    assert "[source.no-title] acme-nowhereville: sources[0]" in [g[1] for g in nl_found]
    assert {g[0] for g in nl_found} == {f"{registry} (nieuwe vermelding, niet geschreven)"}
    assert {g[0] for g in en_found} == {f"{registry} (new entry, not written)"}
    assert "    tip: voeg 'title:' toe zoals de pagina of het document die geeft" in nl_lines
    assert "    hint: add 'title:' as the page or document gives it" in en_lines
    _assert_one_language(
        {lang: (c, "", e) for lang, (c, _, e) in runs.items()}, registry
    )  # stdout: the entry


# --- add: the questions --------------------------------------------------------------------------

ANSWERS = [
    "Acme Fab",
    "Acme",
    "robot",  # not a kind: asked again
    "suplier",  # close to a kind
    "supplier",
    "equipment-components",
    "",  # the country: NL, the default
    "Nimegen",  # close to a gazetteer place
    "Nijmegen",
    "",  # the municipality: the place, the default
    "   ",  # no answer
    "https://acme.example.org/news",
    "last year",
    "2026",
    "Acme opens a fab",  # the source's title
    "",  # its publisher: skipped
]
QUESTIONS = {
    "nl": [
        "Naam van de vestiging",
        "Organisatie",
        "Soort (bijvoorbeeld supplier, idm, fabless, research-institute)",
        "Activiteiten (gescheiden door komma's, bijvoorbeeld chip-design)",
        "Land (twee letters) [NL]",
        "Plaats (stad of dorp)",
        "Gemeente [Nijmegen]",
        "Webadres van de bron",
        "Jaar waarop de bron betrekking heeft",
        "Titel van de bron (leeg laten om over te slaan)",
        "Uitgever van de bron (leeg laten om over te slaan)",
    ],
    "en": [
        "Name of the site",
        "Organisation",
        "Kind (e.g. supplier, idm, fabless, research-institute)",
        "Activities (comma-separated, e.g. chip-design)",
        "Country (two letters) [NL]",
        "Place (town or city)",
        "Municipality [Nijmegen]",
        "Source URL",
        "Year the source refers to",
        "Title of the source (leave empty to skip)",
        "Publisher of the source (leave empty to skip)",
    ],
}


def test_the_questions_and_their_reasons_are_in_either_language(registry: Path) -> None:
    before = registry.read_bytes()
    runs = _both(registry, ["add", "--interactive", "--dry-run"], stdin="\n".join(ANSWERS) + "\n")
    assert registry.read_bytes() == before
    for lang, (code, out, err) in runs.items():
        assert code == 0, err
        asked = [q for q in re.findall(r"^(.*?): ", out, re.MULTILINE) if not q.startswith(" ")]
        questions = QUESTIONS[lang]
        # each refused answer is asked again at once: the kind twice more, the place and the URL once
        kind, activities, country, place, municipality, url, year, title, publisher = questions[2:]
        assert asked == [*questions[:2], kind, kind, kind, activities, country, place, place, municipality,
                         url, url, year, year, title, publisher]  # fmt: skip
    assert runs["nl"][2].splitlines()[:6] == [
        "  'robot' is geen soort; een van: " + ", ".join(_kinds()),
        "  'suplier' is geen soort; bedoelt u 'supplier'?",
        "  'Nimegen' staat niet in de offline plaatsnamenlijst; bedoelt u 'Nijmegen'? (geef hetzelfde "
        "antwoord "
        "nog eens om het te houden)",
        "  er is een antwoord nodig",
        "  'last year' is geen jaartal: schrijf vier cijfers, bijvoorbeeld 2025",
        "'acme-nijmegen' zou worden toegevoegd aan "
        f"{registry} (niets geschreven; de vermelding zou op regel 3 beginnen)",
    ]
    assert runs["en"][2].splitlines()[:6] == [
        "  'robot' is not a kind; one of: " + ", ".join(_kinds()),
        "  'suplier' is not a kind; did you mean 'supplier'?",
        "  'Nimegen' is not in the offline gazetteer; did you mean 'Nijmegen'? (give the same answer again "
        "to keep it)",
        "  an answer is needed",
        "  'last year' is not a year: write four digits, e.g. 2025",
        f"would add 'acme-nijmegen' at {registry} (nothing written; the entry would start at line 3)",
    ]
    # the questions (stdout, before the entry; without the answers the test runner echoes) and
    # every line on stderr
    prompts = {
        lang: (code, "\n".join(re.findall(r"^(.*?): ", out, re.MULTILINE)), err)
        for lang, (code, out, err) in runs.items()
    }
    _assert_one_language(prompts, registry)


def _kinds() -> list[str]:
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.taxonomy import load_taxonomy

    return list(load_taxonomy(default_taxonomy_path()).vocabulary("kinds"))


def test_end_of_input_stops_the_questions_in_either_language(registry: Path) -> None:
    before = registry.read_bytes()
    runs = _both(registry, ["add", "--interactive"], stdin="Acme Fab\nAcme\n")
    # the test runner echoes each answer after its question; the third question gets none
    assert runs["nl"] == (
        1,
        "Naam van de vestiging: Acme Fab\nOrganisatie: Acme\n"
        "Soort (bijvoorbeeld supplier, idm, fabless, research-institute): ",
        "\nlifeport-map: add afgebroken; er is niets geschreven\n",
    )
    assert runs["en"] == (
        1,
        "Name of the site: Acme Fab\nOrganisation: Acme\n"
        "Kind (e.g. supplier, idm, fabless, research-institute): ",
        "\nlifeport-map: add stopped; nothing was written\n",
    )
    assert registry.read_bytes() == before
    _assert_one_language(runs, registry)


def test_the_scan_finds_english_in_dutch_add_output(registry: Path) -> None:
    """The detector on this module's output: an English reason is caught, paths, ids, option
    names and the fixture's own text are not."""
    text = f"{registry}:3: 'alpha-nijmegen' --another-site Alpha Fab; did you mean 'Nijmegen'?"
    assert _leaks(text, "nl", registry) == {"did", "you", "mean"}
    assert _leaks("  er is een antwoord nodig", "en") == {"een", "antwoord", "nodig"}


def test_an_error_of_add_keeps_its_english_text_for_the_library() -> None:
    """The library's exceptions keep English text (``message``), as every LifeportError."""
    from lifeport_map.add import AnswerError, parse_answer

    with pytest.raises(AnswerError) as caught:
        parse_answer("year", "soon", None)
    assert str(caught.value) == "'soon' is not a year: write four digits, e.g. 2025"
    assert caught.value.text.render("nl") == "'soon' is geen jaartal: schrijf vier cijfers, bijvoorbeeld 2025"


# --- diff: git's reasons -------------------------------------------------------------------------


def _repository(tmp_path: Path) -> Path:
    """A git repository with the fixture committed as data/companies.yaml; that file's path."""
    import subprocess

    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    registry = repo / "data" / "companies.yaml"
    shutil.copyfile(CONTRIB / "companies.yaml", registry)
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "one"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )
    return registry


@pytest.mark.parametrize(
    ("old", "dutch", "english"),
    [
        (
            "no-such-rev",
            "'no-such-rev' is geen bestand, en git kan no-such-rev:data/companies.yaml niet tonen\n"
            "    tip: git kent versie 'no-such-rev' niet; gebruik een versie zoals HEAD~1, main of een "
            "commit-id",
            "'no-such-rev' is not a file, and git cannot show no-such-rev:data/companies.yaml\n"
            "    hint: git does not know revision 'no-such-rev'; use a revision such as HEAD~1, main or a "
            "commit id",
        ),
        (
            "HEAD:data/old.yaml",
            "'HEAD:data/old.yaml' is geen bestand, en git kan HEAD:data/old.yaml niet tonen\n"
            "    tip: data/old.yaml bestaat niet in versie 'HEAD'; kies een versie waarin het register al "
            "bestond, of schrijf de versie als VERSIE:pad/naar/companies.yaml",
            "'HEAD:data/old.yaml' is not a file, and git cannot show HEAD:data/old.yaml\n"
            "    hint: data/old.yaml does not exist in revision 'HEAD'; choose a revision in which the "
            "registry existed, or write the revision as REV:path/to/companies.yaml",
        ),
    ],
    ids=["unknown-revision", "no-such-path"],
)
def test_why_git_cannot_show_a_revision_is_said_in_either_language(
    tmp_path: Path, old: str, dutch: str, english: str
) -> None:
    """git's own (English) words for the two common reasons become the catalogue's."""
    registry = _repository(tmp_path)
    runs = _both(registry, ["diff", old, "HEAD"])
    assert runs["nl"] == (2, "", f"lifeport-map: fout: {dutch}\n")
    assert runs["en"] == (2, "", f"lifeport-map: error: {english}\n")
    _assert_one_language(runs, registry)


def test_another_complaint_of_git_is_quoted_as_git_says_it() -> None:
    from lifeport_map.revisions import _why_git_cannot_show

    said = "fatal: something unforeseen"
    assert _why_git_cannot_show(said).render("nl") == (
        "git meldt: 'fatal: something unforeseen'; gebruik een versie zoals HEAD~1, main of een commit-id"
    )
    assert _why_git_cannot_show("").render("en") == (
        "check the revision name; use a revision such as HEAD~1, main or a commit id"
    )
