"""Dutch means Dutch, English means English: every analysis in every format is scanned for
words of the other language.

The words looked for are those of the other column of the label table and the message catalogue
(``render.labels``, ``messages``: the English words no Dutch label or message uses, and the other
way round) plus common words ("the", "and", "sites",
"none", ...). Registry text is no label: names, places, notes, ids and the other strings of the
registry, region, taxonomy and claims files are taken out of the output before it is scanned
(of a two-language field only the chosen language's text, so the other language's text left in
the output is still caught). Commands to reproduce a result ("lifeport-map coverage --roles
...") are code, not language. JSON is scanned in every text value (labels, notes, caveats,
findings): its keys, codes and enum values, its method notes and commands are for scripts and
stay English. Runs on the hand-made registry and the shipped one.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.messages import MESSAGES
from lifeport_map.render.labels import LABELS
from tests.analysis_support import ANALYSIS, ANALYSIS_ARGS
from tests.conftest import FIXTURES, MINI

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Words of one language's labels that are also ordinary words of the other (or abbreviations).
SHARED = {"a", "p", "data", "brief", "kind", "hand", "annex", "dot", "so", "do", "it", "at", "on", "or"}
SHARED |= {"en", "de", "over", "land", "min", "na", "al", "die", "op", "er", "te", "blz", "rol"}
# "of" and "is" are Dutch words too ("of" means "or"), so they cannot be told apart.
COMMON_EN = {"the", "and", "sites", "site", "none", "with", "without", "yes", "are", "by"}
COMMON_NL = {"het", "een", "van", "vestigingen", "vestiging", "geen", "met", "zonder", "ja", "nee"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def vocabulary(pairs: list[tuple[str, str]], lang: str) -> set[str]:
    """The words of the other language's column of ``pairs`` that ``lang``'s column never uses.
    A template's parameter names ('{place}') are no words of either: else 'place' would count as
    Dutch because a Dutch template says '{place}', and an English 'place' in Dutch output would
    go unseen."""
    nl = set().union(*(_words(PLACEHOLDER.sub(" ", pair[0])) for pair in pairs))
    en = set().union(*(_words(PLACEHOLDER.sub(" ", pair[1])) for pair in pairs))
    return en - nl if lang == "nl" else nl - en


@cache
def other_words(lang: str) -> frozenset[str]:
    """Words that must not appear in ``lang`` output."""
    pairs = [*LABELS.values(), *MESSAGES.values()]
    found = vocabulary(pairs, lang) | (COMMON_EN if lang == "nl" else COMMON_NL)
    return frozenset(found - SHARED)


def _strings(value: Any, lang: str) -> Iterator[str]:
    """Every string in a YAML document; of a {nl, en} mapping only the ``lang`` text."""
    if isinstance(value, str):
        if not re.fullmatch(r"[a-z]+", value):  # a bare lowercase word is a code, not text
            yield value
    elif isinstance(value, dict):
        if value and set(value) <= {"nl", "en"}:
            yield from _strings(value.get(lang, ""), lang)
        else:
            for item in value.values():
                yield from _strings(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, lang)


@cache
def registry_text(folder: str, lang: str) -> tuple[str, ...]:
    """The registry's own strings under ``folder`` (and the shipped taxonomy), longest first."""
    base = Path(folder)
    files = [*base.glob("*.yaml"), *base.glob("regions/*.yaml"), DATA / "taxonomy.yaml"]
    found: set[str] = set()
    for path in files:
        found.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8")), lang))
    return tuple(sorted(found, key=len, reverse=True))


def _without(text: str, strings: tuple[str, ...]) -> str:
    for item in strings:
        if item in text:
            text = text.replace(item, " ")
    return text


# JSON members that stay English whatever --lang says (README, "Languages"): the commands that
# reproduce a result (a command line is not prose). The method notes follow --lang.
ENGLISH_JSON = frozenset({"command"})
# In a map page's data: GeoJSON types, and the base map's place names (GeoNames, as registry text).
MAP_DATA = frozenset({"type", "cities"})
CODE = re.compile(r"[a-z0-9]+(?:[-_/][a-z0-9]+)*")  # ids, codes and enum values


def _prose_of(document: Any, skip: frozenset[str] = ENGLISH_JSON) -> Iterator[str]:
    """Every text value of a JSON document a person may read: not its keys, not codes, ids or
    enum values (lowercase words with hyphens), not the members that stay English."""
    if isinstance(document, dict):
        for key, value in document.items():
            if key not in skip:
                yield from _prose_of(value, skip)
    elif isinstance(document, list):
        for item in document:
            yield from _prose_of(item, skip)
    elif isinstance(document, str) and not CODE.fullmatch(document):
        yield document


def _readable(output: str, fmt: str, lang: str) -> str:
    """The text a person reads in ``output``: Markdown unescaped, CSV cells, JSON labels."""
    if fmt == "markdown":
        return html.unescape(re.sub(r"\\(.)", r"\1", output)).replace("\u200b", "")
    if fmt == "csv":
        rows = csv.reader(io.StringIO(output), delimiter=";" if lang == "nl" else ",")
        return "\n".join(cell.lstrip("'") for row in rows for cell in row)
    if fmt == "json":
        return "\n".join(_prose_of(json.loads(output)))
    return output


def _leaks(args: list[str], fmt: str, lang: str, folder: Path) -> set[str]:
    result = CliRunner().invoke(app, [*args, "--format", fmt, "--lang", lang], env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.output
    text = re.sub(r"lifeport-map [^\n]*", " ", _readable(result.stdout, fmt, lang))  # commands are code
    text = _without(text, registry_text(str(folder), lang))
    return _words(text) & other_words(lang)


FIXTURE = [
    ["coverage", "-r", "nijmegen"],
    ["compare"],
    ["gaps", "-r", "nijmegen"],
    ["whatif", "-r", "nijmegen", "-w", "fab-nijmegen", "-w", "fab-dresden"],
    ["near", "Nijmegen", "--radius-km", "300", "--include-planned"],
    ["stats", "-r", "nijmegen"],
    ["claims", "--claims", str(FIXTURES / "claims" / "claims.yaml")],
    # a list of roles is named by the roles' labels in the language, not by their ids
    ["coverage", "-r", "nijmegen", "--roles", "production,equipment-materials"],
    ["compare", "--roles", "equipment-materials,research-education"],
    # the chain in another year: its title and the note on what --year did
    ["near", "Nijmegen", "--radius-km", "300", "--year", "2000"],
    ["coverage", "-r", "nijmegen", "--year", "2030"],
]
SHIPPED = [
    ["coverage", "-r", "nijmegen"],
    ["compare"],
    ["gaps", "-r", "dresden"],
    ["whatif", "-r", "nijmegen", "-w", "nxp-nijmegen", "-w", "asml-veldhoven"],
    ["near", "Nijmegen", "--radius-km", "100"],
    ["stats", "-r", "dresden"],
    ["claims"],
]
FORMATS = ["table", "markdown", "csv", "json"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", FIXTURE, ids=lambda a: a[0])
def test_fixture_output_is_in_one_language(args: list[str], fmt: str, lang: str) -> None:
    """The claims fixture sits beside the analysis fixture; its strings are registry text too."""
    leaks = _leaks([*ANALYSIS_ARGS, *args], fmt, lang, ANALYSIS)
    leaks -= _words(" ".join(registry_text(str(FIXTURES / "claims"), lang)))
    assert not leaks, f"{lang} output of {args[0]} ({fmt}) has words of the other language: {sorted(leaks)}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", SHIPPED, ids=lambda a: a[0])
def test_shipped_output_is_in_one_language(args: list[str], fmt: str, lang: str) -> None:
    leaks = _leaks(args, fmt, lang, DATA)
    assert not leaks, f"{lang} output of {args[0]} ({fmt}) has words of the other language: {sorted(leaks)}"


def test_the_scan_finds_english() -> None:
    """The detector itself: an English note in Dutch output is caught, registry text is not."""
    strings = registry_text(str(ANALYSIS), "nl")
    assert "Fabco" in " ".join(strings)
    text = _without("Fabco: 3 sites without coordinates; Werknemers: 1.000 bekend", strings)
    assert _words(text) & other_words("nl") == {"sites", "without", "coordinates"}
    assert _words("Vestigingen zonder cijfer") & other_words("en") == {"vestigingen", "zonder", "cijfer"}


def test_the_scan_reads_json_prose_and_methods_but_not_keys_codes_or_commands() -> None:
    """An English note or method note in Dutch JSON is caught (also a time rule); keys, codes
    and the reproducing commands are not read."""
    document = json.dumps(
        {
            "white_spots": [{"note": "registry sums are a lower bound", "status": "absent"}],
            "method": {"candidates": "the nearest sites"},
            "time": {"mode": "as-was", "rule": "without coordinates"},
            "command": "lifeport-map near Nijmegen --kind companies --roles all",
        }
    )
    found = _words(_readable(document, "json", "nl")) & other_words("nl")
    assert found == {
        "registry",
        "sums",
        "are",
        "lower",
        "bound",
        "the",
        "nearest",
        "sites",
        "without",
        "coordinates",
    }


# --- maps, the brief and the printed figures ----------------------------------------------------


class _Visible(HTMLParser):
    """The text of an HTML page a person sees: text nodes outside scripts and styles, the
    title, and the page's data (labels, layer names, popups' fields and records: every text
    value of the ``lp-data`` JSON that is no code), from which the page's script draws."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip: list[str] = []
        self._data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip.append(tag)
            self._data = dict(attrs).get("id") == "lp-data"

    def handle_endtag(self, tag: str) -> None:
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
            self._data = False

    def handle_data(self, data: str) -> None:
        if self._data:
            for text in _prose_of(json.loads(data), skip=MAP_DATA):
                self.parts.append(_visible(text) if text.startswith("<") else text)  # legend, layers
        elif not self._skip:
            self.parts.append(data)


def _visible(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return "\n".join(parser.parts)


def _svg_text(svg: str) -> str:
    """The text a printed figure shows: its <text> elements (matplotlib writes them as text)."""
    return "\n".join(html.unescape(t) for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg))


COMMAND = re.compile(
    r"lifeport-map (?:coverage|compare|gaps|whatif|near|stats|claims|export|map|report)\b[^\n]*"
)


def _file_leaks(text: str, lang: str, folder: Path = ANALYSIS) -> set[str]:
    """Words of the other language in a page's text; commands are code, licence names
    ('CC BY 4.0') are names, registry text is taken out."""
    text = COMMAND.sub(" ", text).replace("CC BY", " ")
    text = _without(text, registry_text(str(folder), lang))
    return _words(text) & other_words(lang)


def _write(tmp_path: Path, args: list[str], lang: str) -> None:
    done = CliRunner().invoke(
        app, [*ANALYSIS_ARGS, *args, "--lang", lang], env={"SOURCE_DATE_EPOCH": "1767225600"}
    )
    assert done.exit_code == 0, done.output


MAPS = [
    ["map", "nl"],
    ["map", "region", "nijmegen"],
    ["map", "compare", "nijmegen", "dresden"],
    # legends and panel titles of another year
    ["map", "compare", "nijmegen", "dresden", "--year", "2000"],
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("args", MAPS, ids=lambda a: a[1])
def test_html_maps_are_in_one_language(tmp_path: Path, args: list[str], lang: str) -> None:
    """Legend, layer names, popups' field labels and records, titles and the credit line."""
    page = tmp_path / "map.html"
    _write(tmp_path, [*args, "--output", str(page)], lang)
    leaks = _file_leaks(_visible(page.read_text(encoding="utf-8")), lang)
    assert not leaks, f"{lang} {' '.join(args)} has words of the other language: {sorted(leaks)}"


@pytest.mark.parametrize("year", [None, 2030])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_brief_is_in_one_language(tmp_path: Path, lang: str, year: int | None) -> None:
    folder = tmp_path / "brief"
    when = [] if year is None else ["--year", str(year)]
    _write(tmp_path, ["report", "--region", "nijmegen", *when, "--output", str(folder)], lang)
    if year is not None:  # the brief says which year it describes, in the language
        said = (
            "Deze brief beschrijft de keten in 2030"
            if lang == "nl"
            else "This brief describes the chain in 2030"
        )
        assert said in (folder / "brief.md").read_text(encoding="utf-8")
    markdown = _readable((folder / "brief.md").read_text(encoding="utf-8"), "markdown", lang)
    page = _visible((folder / "brief.html").read_text(encoding="utf-8"))
    for name, text in (("brief.md", markdown), ("brief.html", page)):
        leaks = _file_leaks(text, lang)
        assert not leaks, f"{lang} {name} has words of the other language: {sorted(leaks)}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_printed_figures_are_in_one_language(tmp_path: Path, lang: str) -> None:
    """Title, legend, scale and credit line of the SVG annexes."""
    for args in (MAPS[1], MAPS[2], MAPS[3]):
        svg = tmp_path / f"{args[1]}.svg"
        _write(tmp_path, [*args, "--output", str(svg)], lang)
        text = _svg_text(svg.read_text(encoding="utf-8"))
        assert "Gemaakt" in text or "Legenda" in text or "Legend" in text  # the scan reads real text
        leaks = _file_leaks(text, lang)
        assert not leaks, f"{lang} {args[1]}.svg has words of the other language: {sorted(leaks)}"


def test_the_page_scan_reads_text_and_data_but_not_code() -> None:
    page = (
        "<html><head><title>Kaart</title><style>.a { display: none }</style></head><body>"
        '<div class="lp-legend">Legenda: sites without coordinates</div>'
        '<script>if (x === null) { return "the" }</script>'
        '<script type="application/json" id="lp-data">{"labels": {"kind": "Kind of site"}, "c": "#1b9e77"}'
        "</script></body></html>"
    )
    found = _words(_visible(page)) & other_words("nl")
    assert found == {"sites", "without", "coordinates", "site"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_is_in_one_language(tmp_path: Path, fmt: str, lang: str) -> None:
    """A change that adds, removes, moves and changes sites and shifts coverage."""
    contrib = FIXTURES / "contrib"
    old = contrib / "companies.yaml"
    new = tmp_path / "companies.yaml"
    text = old.read_text(encoding="utf-8")
    start = text.index("  - id: beta-duiven\n")
    end = text.index("  - id: ", start + 1)
    changed = text[:start].replace("lat: 51.8425", "lat: 51.85", 1)  # alpha-nijmegen moves
    changed += text[end:].replace("status: under-construction", "status: active", 1)  # gamma opens
    new.write_text(changed, encoding="utf-8")
    done = CliRunner().invoke(
        app,
        ["--regions", str(contrib / "regions"), "diff", str(old), str(new), "--format", fmt, "--lang", lang],
    )
    assert done.exit_code == 0, done.output
    output = re.sub(r"\S*/\S*", " ", done.stdout)  # the two files' paths
    # a changed field's old and new values are the YAML as written (here the status codes)
    output = re.sub(r"^.*\bunder-construction\b.*$", " ", output, flags=re.MULTILINE)
    readable = _readable(output, "markdown", lang) if fmt == "markdown" else output
    assert ("Registerwijzigingen" if lang == "nl" else "Registry changes") in readable
    assert (
        "1 verwijderd, 1 verplaatst, 1 gewijzigd" if lang == "nl" else "1 removed, 1 moved, 1 changed"
    ) in readable
    leaks = _file_leaks(readable, lang, contrib)
    assert not leaks, f"{lang} diff ({fmt}) has words of the other language: {sorted(leaks)}"


# --- the analyses' usage errors -----------------------------------------------------------------

# What an error quotes or lists is code, not language: the value the user typed and commands
# ('...'), the options and their values (--country NL), and the ids after "use one of:" and
# "did you mean:" (in either language); the program's name opens every line.
_QUOTED = re.compile(r"'[^'\n]*'")
_OPTION = re.compile(r"--[a-z][a-z-]*(?: [^\s,]+)?")
_LISTED = re.compile(r"(?:gebruik een van|use one of|bedoelt u|did you mean|uit|from): [^?\n]*")


def _usage_leaks(stderr: str, lang: str) -> set[str]:
    text = _LISTED.sub(" ", _OPTION.sub(" ", _QUOTED.sub(" ", stderr.replace("lifeport-map", " "))))
    return _words(text) & other_words(lang)


def _usage_cases() -> list[list[str]]:
    from tests.test_messages_analysis import CASES

    return [args for args, *_ in CASES]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("args", _usage_cases(), ids=lambda a: " ".join(a[:2]) + " " + a[-1])
def test_the_analyses_usage_errors_are_in_one_language(
    args: list[str], lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a map or brief it would write lands here (none does)
    done = CliRunner().invoke(app, [*ANALYSIS_ARGS, *args, "--lang", lang])
    assert done.exit_code == 2, done.output
    assert done.stderr.startswith("lifeport-map: fout: " if lang == "nl" else "lifeport-map: error: ")
    leaks = _usage_leaks(done.stderr, lang)
    assert not leaks, (
        f"{lang} usage error of {' '.join(args)} has words of the other language: {sorted(leaks)}"
    )


def test_the_usage_error_scan_finds_english() -> None:
    """The detector itself: the English text these errors had under --lang nl is caught; what
    they quote, list or name as an option is not."""
    before = (
        "lifeport-map: fout: unknown site id 'a-fab'\n    tip: did you mean: nxp-nijmegen, fab-dresden?\n"
    )
    assert _usage_leaks(before, "nl") == {"unknown", "site"}
    after = (
        "lifeport-map: fout: de straal moet een positief aantal km zijn, niet 0\n"
        "    tip: bijvoorbeeld --radius-km 150\n"
    )
    assert _usage_leaks(after, "nl") == set()
    assert _usage_leaks("lifeport-map: error: onbekende rol 'x'\n    hint: use one of: a, b\n", "en") == {
        "onbekende"
    }


# --- boundary files: the errors of regions import-boundary and of a stored boundary -----------

BOUNDARY_FIXTURES = sorted((FIXTURES / "invalid-boundaries").glob("*.geojson"))
# file:line:col, severity, code, and the entry and field the error is about
HEAD = re.compile(r"^\S+:\d+:\d+: (?:fout|error): \[[a-z0-9.-]+\] (?:[\w\[\].-]+: ){0,2}", re.MULTILINE)


def _boundary_leaks(output: str, lang: str, *paths: Path, own: set[str] = frozenset()) -> set[str]:
    """Words of the other language in what a person reads of an error: not the paths, not the
    head (file:line:col, code, field path), not the words of the file itself (its GeoJSON
    types, the name of its coordinate system)."""
    for path in sorted(paths, key=lambda p: -len(str(p))):
        output = output.replace(str(path), " ")
    output = re.sub(r"\S*boundaries/\S*", " ", output)  # a stored file's name in the regions folder
    output = re.sub(r"\[[a-z0-9.-]+\]", " ", HEAD.sub(" ", output))
    return (_words(output) & other_words(lang)) - own


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_boundary_file_errors_are_in_one_language(tmp_path: Path, lang: str) -> None:
    """Every refused boundary file of tests/fixtures/invalid-boundaries, imported for its region,
    and one imported (unknown-region.geojson is a good boundary of Nijmegen)."""
    import shutil

    regions = tmp_path / "regions"
    shutil.copytree(MINI / "regions", regions)
    leaks: dict[str, list[str]] = {}
    for path in BOUNDARY_FIXTURES:
        region = re.findall(r"# expect: exit \d+ region (\S+)", path.with_suffix(".expect").read_text())[0]
        for name in (region, "nijmegen") if path.stem == "unknown-region" else (region,):
            args = ["--regions", str(regions), "regions", "import-boundary", str(path), "--region", name]
            done = CliRunner().invoke(app, [*args, "--definition", "scan", "--replace", "--lang", lang])
            assert "Traceback" not in done.stdout + done.stderr
            own = _words(path.read_bytes().decode("utf-8", "replace"))
            found = _boundary_leaks(done.stdout + done.stderr, lang, path, regions, own=own)
            if found:
                leaks[f"{path.stem} ({name})"] = sorted(found)
    assert (regions / "boundaries" / "nijmegen-scan.geojson").exists()  # the good one was imported
    assert leaks == {}, f"{lang} boundary errors with words of the other language: {leaks}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["several-errors", "sixty-one-projected", "swapped-lat-lon", "not-utf8"])
def test_stored_boundary_errors_are_in_one_language(tmp_path: Path, name: str, lang: str) -> None:
    """The same files stored as a region's boundary: validate's errors, which name the region
    file's line that refers to the file, and the count of the errors not shown."""
    from tests.test_invalid_fixtures import with_stored_boundary

    path = FIXTURES / "invalid-boundaries" / f"{name}.geojson"
    regions, stored = with_stored_boundary(tmp_path, path)
    done = CliRunner().invoke(
        app,
        ["--registry", str(MINI / "companies.yaml"), "--regions", str(regions), "validate", "--lang", lang],
    )
    assert done.exit_code == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    # the stored file's errors, each with its hint on the next line (the mini registry's own
    # warnings, about its field names, are no boundary errors)
    mine = [f"{a}\n{b}" for a, b in zip(lines, [*lines[1:], ""], strict=True) if a.startswith(f"{stored}:")]
    assert mine, done.stdout  # the errors are there to be read
    own = _words(path.read_bytes().decode("utf-8", "replace")) | {"nijmegen", "official", "yaml"}
    found = _boundary_leaks("\n".join(mine), lang, stored, regions, own=own)
    assert not found, f"{lang} validate of a stored {name} has words of the other language: {sorted(found)}"


def test_the_boundary_scan_finds_english_but_not_paths_codes_or_fields() -> None:
    output = (
        "/tmp/x/in.geojson:2:19: fout: [boundary.malformed] features[0].geometry.coordinates[0]: "
        "a ring must be a list of at least four positions\n    tip: zie /tmp/x/regions/boundaries/a-b.geojson"
    )
    assert _boundary_leaks(output, "nl") == {
        "must",
        "list",
        "least",
        "four",
        "positions",
    }  # "ring" is Dutch too


# --- fmt and add: what they print, and add's questions ---------------------------------------------

_ACME = ["--name", "Acme Fab", "--organisation", "Acme", "--activity", "foundry", "--place", "Nijmegen"]
_ACME += ["--country", "NL", "--source-url", "https://acme.example.org/news", "--source-year", "2026"]
# wrong answers on purpose: each is refused with its reason and asked again
_ANSWERS = "Acme Fab\nAcme\nrobot\nsuplier\nsupplier\nfoundery\nfoundry\n\nNimegen\nNijmegen\n\n \n"
_ANSWERS += "https://acme.example.org/news\nlast year\n2026\nAcme news\nAcme\n"
CONTRIB_RUNS = [
    ("fmt-check", ["fmt", "--check"], None),  # on the fixture with two entries swapped
    ("fmt-check-github", ["fmt", "--check", "--format", "github"], None),
    ("fmt", ["fmt"], None),
    ("add-questions", ["add", "--interactive", "--dry-run"], _ANSWERS),
    ("add-end-of-input", ["add", "--interactive"], "Acme Fab\n"),
    ("add-dry-run", ["add", "--no-interactive", "--dry-run", *_ACME, "--kind", "supplier"], None),
    ("add-bad-kind", ["add", "--no-interactive", *_ACME, "--kind", "robot"], None),
    ("add-taken-id", ["add", "--no-interactive", *_ACME, "--kind", "supplier", "--id", "beta-duiven"], None),
    ("add-missing", ["add", "--no-interactive", "--name", "Acme Fab"], None),
]


def _contrib_said(command: str, stdin: str | None, stdout: str, stderr: str) -> str:
    """What fmt or add said: a diff's lines and the entry add prints are registry text, and of
    the questions on stdout only the questions count (the test runner echoes the answers)."""
    if command == "fmt":
        lines = stdout.splitlines()
        kept = [
            line
            for line in lines
            if line.startswith(("--- ", "+++ ")) or not line.startswith(("-", "+", "@@"))
        ]
    elif stdin is not None:
        kept = re.findall(r"^(.*?): ", stdout.split("  - id: ")[0], re.MULTILINE)
    else:
        kept = []
    return "\n".join(kept) + "\n" + stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("name", "args", "stdin"), CONTRIB_RUNS, ids=[run[0] for run in CONTRIB_RUNS])
def test_fmt_and_add_are_in_one_language(
    tmp_path: Path, name: str, args: list[str], stdin: str | None, lang: str
) -> None:
    """Errors, hints, warnings, the --check report, add's questions and the reasons to ask
    again, and the summary lines. tests/test_contrib_lang.py has the exact texts."""
    from tests.test_messages import code_words  # field names and taxonomy values, listed in hints

    contrib = FIXTURES / "contrib"
    text = (contrib / "companies.yaml").read_text(encoding="utf-8")
    if args[0] == "fmt":  # beta-duiven before alpha-nijmegen
        alpha, beta, gamma = (text.index(f"  - id: {site}") for site in ("alpha", "beta", "gamma"))
        text = text[:alpha] + text[beta:gamma] + text[alpha:beta] + text[gamma:]
    registry = tmp_path / "companies.yaml"
    registry.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(
        app,
        ["--registry", str(registry), "--regions", str(contrib / "regions"), *args, "--lang", lang],
        input=stdin,
    )
    assert done.exception is None or isinstance(done.exception, SystemExit), repr(done.exception)
    said = _contrib_said(args[0], stdin, done.stdout, done.stderr).replace(str(registry), " ")
    assert said.strip(), "the scan reads real text"
    said = _LISTED.sub(" ", _OPTION.sub(" ", _QUOTED.sub(" ", said.replace("lifeport-map", " "))))
    said = re.sub(r"^::(?:error|warning|notice) [^:\n]*::", " ", said, flags=re.MULTILINE)  # GitHub's syntax
    said = re.sub(r"\[[a-z.-]+\]|https?://\S+|[a-z]+(?:[-_.\[\]0-9]+[a-z0-9]*)+", " ", said)  # codes, fields
    leaks = _file_leaks(said, lang, contrib) - code_words()
    assert not leaks, f"{lang} {name} has words of the other language: {sorted(leaks)}"


def test_the_fmt_and_add_scan_finds_english() -> None:
    """The detector itself: add's English reason under --lang nl is caught, the question's
    words are Dutch, and a diff line or an echoed answer is not read."""
    stdout = "Soort (bijvoorbeeld supplier): robot\n  - id: x\n    status: active\n"
    said = _contrib_said("add", "robot\n", stdout, "  an answer is needed\n")
    assert said == "Soort (bijvoorbeeld supplier)\n  an answer is needed\n"
    # 'needed' too, since a template's parameter names no longer count as Dutch words
    assert _words(said) & other_words("nl") == {"an", "answer", "needed"}
    assert _contrib_said("fmt", None, "x: staat niet\n-    status: active\n--- x (nu)\n", "") == (
        "x: staat niet\n--- x (nu)\n"
    )


# --- the help: --help and -h of every command -----------------------------------------------------


def _help_paths() -> list[tuple[str, ...]]:
    import typer.main

    found: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return found


def _help(args: list[str]) -> str:
    """The help ``args`` show, on a terminal wide enough that no line is wrapped."""
    done = CliRunner().invoke(app, args, terminal_width=2000, max_content_width=2000)
    assert done.exit_code == 0, done.output
    return done.stdout


# What a help page names that is code, not language: the examples' commands and the program's
# name, options (--region, -r), an option's choices ([table|json]) and default value, quoted
# values ('companies'), environment variables and paths (LIFEPORT_CACHE_DIR, data/companies.yaml).
_HELP_CODE = re.compile(
    r"lifeport-map[^\n]*|(?<![\w-])--?[a-z][a-z-]*|\[[a-z|]+\]|(?:standaard|default): [^;\]\s]+\]"
    r"|'[^'\n]*'|\b[A-Z_]{2,}\b|\S*[/.~]\S*[a-z]\S*|[\d.]*[<>]=?x[<>]=?[\d.]*|x[<>]=?[\d.]+"
    r"|\b[a-z-]+: (?=\.\.\.|\[|\d)"  # add --from's YAML keys: (name: ..., activity: [...])
)
# The English help names the two annexes by their Dutch titles ("Bijlage 1: every Dutch site"),
# the names the council knows them by.
_HELP_NAMES = {"en": {"bijlage"}, "nl": set()}


def _help_leaks(text: str, lang: str) -> set[str]:
    text = _HELP_CODE.sub(" ", text)
    for value in sorted(_help_values(), key=len, reverse=True):  # import-boundary before import
        text = re.sub(rf"(?<![\w-]){re.escape(value)}(?![\w-])", " ", text)
    found = _words(text) & (other_words(lang) | _help_words(lang))
    return found - _HELP_NAMES[lang]


@cache
def _help_words(lang: str) -> frozenset[str]:
    """Words of the help table's other language that its ``lang`` texts never use (with
    click's own words): the help's own vocabulary, beside the catalogue's."""
    from lifeport_map.commands.help_nl import EXAMPLE, HEADINGS, HELP

    pairs = [*HELP.items(), *HEADINGS.items(), EXAMPLE]
    pairs += [("Usage: Show this message and exit. default env var required", "")]
    nl = set().union(*(_words(dutch) for _, dutch in pairs))
    en = set().union(*(_words(english) for english, _ in pairs))
    return frozenset((en - nl if lang == "nl" else nl - en) - SHARED)


@cache
def _help_values() -> frozenset[str]:
    """The values the options take that are named in their help, and the commands' names: the
    choices of every option, the counting definitions of --roles (industry, production, all),
    and the taxonomy's ids (statuses, roles, kinds, facility types: under-construction)."""
    import typer.main

    from lifeport_map.chain import COUNTINGS
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(default_taxonomy_path())
    found: set[str] = set(COUNTINGS)
    for name in ("statuses", "roles", "kinds", "facility_types", "technologies", "phases", "activities"):
        found.update(taxonomy.vocabulary(name))

    def walk(command: Any) -> None:
        for param in command.params:
            found.update(str(choice) for choice in getattr(param.type, "choices", ()))
        for name, sub in getattr(command, "commands", {}).items():
            found.add(name)
            walk(sub)

    walk(typer.main.get_command(app))
    return frozenset(found)


@pytest.mark.parametrize("flag", ["--help", "-h"])
@pytest.mark.parametrize("path", _help_paths(), ids=lambda p: " ".join(p) or "lifeport-map")
def test_the_help_is_dutch_by_default(path: tuple[str, ...], flag: str) -> None:
    """Every command's help, descriptions, options and click's own words, under the default
    language; tests/test_help_lang.py has the exact texts and the table's completeness."""
    text = _help([*path, flag])
    assert "Gebruik: " in text and "Opties:" in text  # the scan reads real help
    leaks = _help_leaks(text, "nl")
    assert not leaks, f"help of {' '.join(path) or 'lifeport-map'} has English words: {sorted(leaks)}"


@pytest.mark.parametrize("path", _help_paths(), ids=lambda p: " ".join(p) or "lifeport-map")
def test_the_help_is_english_under_lang_en(path: tuple[str, ...]) -> None:
    text = _help(["--lang", "en", *path, "--help"])
    assert "Usage: " in text and "Options:" in text
    leaks = _help_leaks(text, "en")
    assert not leaks, f"help of {' '.join(path) or 'lifeport-map'} has Dutch words: {sorted(leaks)}"


def test_the_help_scan_finds_english() -> None:
    """The detector itself: the English help shown under Dutch is caught, with click's own
    words; options, choices, defaults, examples and paths are not read. ("Radius" is not caught:
    the Dutch help names the definition type radius-25km.)"""
    page = (
        "Usage: lifeport-map near [OPTIONS] ORIGIN\n\n  Sites within a radius, nearest first.\n\n"
        "  Example: lifeport-map near Nijmegen --radius-km 300\n\nOptions:\n"
        "  --radius-km FLOAT  Distance in km.  [default: 50.0]\n"
        "  -f, --format [table|json]  Afresh, see data/companies.yaml.  [default: table]\n"
        "  -h, --help  Show this message and exit.\n"
    )
    assert _help_leaks(page, "nl") == {
        "usage", "sites", "within", "nearest", "first", "example", "options", "distance",
        "afresh", "see", "show", "this", "message", "and", "exit",
    }  # fmt: skip
    assert _help_leaks("Opties:\n  --radius-km GETAL  Straal in km.  [standaard: 50.0]", "nl") == set()
