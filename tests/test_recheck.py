"""An independent re-check of issue 17 (standing in for the outside hostile set): hostile or
broken registries, region folders, claims files and special files that the bad-input corpus did
not hold, one per case below, derived from the issue's "What was measured" and "What to
deliver". Each runs through validate and the other commands; it asserts validate's exit code
and the (code, line, field) it reports, every other command's exit code, that no command
crashes, and that no input file changes and nothing is left in the working folder. Boundary
files of the re-check are in tests/fixtures/invalid-boundaries (their own harness).

A case that found a problem says so in its comment ("found: ..."); the fix is in the same
commit. Commands other than validate check the structure of the registry and the text of names,
places and municipalities (``registry.read_for_analysis``); the other semantic checks are
validate's, which CI runs first: on a registry whose only errors are among those (a lone CR in
claims.yaml, ...) they run, and the case says so with ``analyses=0``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import FIXTURES, MINI, snapshot

sys.path.insert(0, str(FIXTURES))
from build_invalid import BASE, line_of, variant

NIJMEGEN = (MINI / "regions" / "nijmegen.yaml").read_text(encoding="utf-8")
DRESDEN = (MINI / "regions" / "dresden.yaml").read_text(encoding="utf-8")
CLAIMS = """claims:
  - id: c1
    claim: {nl: x, en: x}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "x"
    check: {type: whole-chain, region: nijmegen}
"""
ALPHA_NAME = "    name: Alpha Fab\n"
STATUS = "    status: active\n"
SOURCE = '      - {url: "https://example.org/alpha", year: 2026}\n'
CHECK = "check: {type: whole-chain, region: nijmegen}"
BOUNDARY_DEFINITION = (
    "definitions:\n  - id: b\n    type: boundary\n    name: {{nl: B, en: B}}\n    boundary: {}\n"
    "    source: {{note: x, year: 2026}}\n"
)


@dataclass
class Case:
    """``expect``: (code, file, needle, field): the issue validate must report, on the line of
    ``needle`` in ``file`` (companies.yaml, claims.yaml or regions/NAME.yaml; needle None: line
    0, a problem of the file itself). ``analyses``: the exit code of the other commands (default:
    validate's)."""

    registry: str = BASE
    regions: dict[str, str | None] = field(default_factory=dict)
    claims: str | bytes = CLAIMS
    setup: Callable[[Path], None] | None = None
    validate: int = 1
    expect: tuple[str, str, str | int | None, str] | None = None
    analyses: int | None = None


def _fifo(relative: str) -> Callable[[Path], None]:
    return lambda data: os.mkfifo(data / relative)


def _link(relative: str, target: str) -> Callable[[Path], None]:
    return lambda data: os.symlink(target, data / relative)


def _hard_link(relative: str, existing: str) -> Callable[[Path], None]:
    return lambda data: os.link(data / existing, data / relative)


def _folder(relative: str) -> Callable[[Path], None]:
    return lambda data: (data / relative).mkdir()


def _secret_link(data: Path) -> None:
    (data.parent / "secret.yaml").write_text(CLAIMS, encoding="utf-8")
    os.symlink(data.parent / "secret.yaml", data / "claims.yaml")


def _nijmegen(old: str, new: str) -> dict[str, str | None]:
    assert old in NIJMEGEN, old
    return {"nijmegen": NIJMEGEN.replace(old, new, 1)}


def _claims(old: str, new: str) -> str:
    assert old in CLAIMS, old
    return CLAIMS.replace(old, new, 1)


CASES: dict[str, Case] = {
    # --- Unicode that deceives (names, descriptions) --------------------------------------------
    "surrogate-escape-in-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha \\ud800 Fab"\n'),
        expect=("yaml.syntax", "companies.yaml", 'name: "Alpha', ""),
    ),
    "next-line-escape-in-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha\\N Fab"\n'),
        expect=("name.invisible-character", "companies.yaml", 'name: "Alpha', "name"),
    ),
    "private-use-character-in-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha \\ue000 Fab"\n'),
        expect=("name.invisible-character", "companies.yaml", 'name: "Alpha', "name"),
    ),
    "noncharacter-in-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha \\uffff Fab"\n'),
        expect=("name.invisible-character", "companies.yaml", 'name: "Alpha', "name"),
    ),
    # found: the Hangul filler, drawn as nothing, passed in names and descriptions, and fmt
    # wrote it raw (so a review could not see it)
    "hangul-filler-in-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha\\u3164Fab"\n'),
        expect=("name.invisible-character", "companies.yaml", 'name: "Alpha', "name"),
    ),
    "hangul-filler-in-description": Case(
        variant(STATUS, STATUS + '    description: "a\\u3164b"\n'),
        expect=("text.control-character", "companies.yaml", "description:", "description"),
    ),
    # found: the braille blank and the combining grapheme joiner likewise
    "braille-blank-in-organisation": Case(
        variant("    organisation: Alpha\n", '    organisation: "Alpha\\u2800"\n'),
        expect=("name.invisible-character", "companies.yaml", "organisation:", "organisation"),
    ),
    "grapheme-joiner-in-alias": Case(
        variant(STATUS, STATUS + '    aliases: ["Al\\u034fpha"]\n'),
        expect=("name.invisible-character", "companies.yaml", "aliases:", "aliases[0]"),
    ),
    # --- numbers, years, types -----------------------------------------------------------------
    "employees-a-fraction": Case(
        variant(
            STATUS,
            STATUS + '    employees:\n      - {value: 0.5, year: 2025, url: "https://example.org/e"}\n',
        ),
        expect=("schema.type", "companies.yaml", "{value: 0.5", "employees[0].value"),
    ),
    "employees-with-a-thousands-comma": Case(
        variant(
            STATUS,
            STATUS + '    employees:\n      - {value: "1,200", year: 2025, url: "https://example.org/e"}\n',
        ),
        expect=("schema.type", "companies.yaml", '{value: "1,200"', "employees[0].value"),
    ),
    "latitude-in-quotes": Case(
        variant("      lat: 51.8425\n", '      lat: "51.8425"\n'),
        expect=("schema.type", "companies.yaml", 'lat: "51', "location.lat"),
    ),
    "latitude-in-hex": Case(
        variant("      lat: 51.8425\n", "      lat: 0x33\n"),
        expect=("schema.type", "companies.yaml", "lat: 0x33", "location.lat"),
    ),
    "latitude-with-underscore": Case(
        variant("      lat: 51.8425\n", "      lat: 5_1.8425\n"),
        expect=("schema.type", "companies.yaml", "lat: 5_1", "location.lat"),
    ),
    # found: the message gave the range of years as "1,800..2,100"
    "since-in-the-far-future": Case(
        variant(STATUS, STATUS + "    since: 99999\n"),
        expect=("schema.out-of-range", "companies.yaml", "since: 99999", "since"),
    ),
    "until-negative": Case(
        variant(STATUS, STATUS + "    until: -5\n"),
        expect=("schema.out-of-range", "companies.yaml", "until: -5", "until"),
    ),
    "source-year-zero": Case(
        variant(SOURCE, '      - {url: "https://example.org/alpha", year: 0}\n'),
        expect=("schema.out-of-range", "companies.yaml", "year: 0}", "sources[0].year"),
    ),
    "source-year-with-decimals": Case(
        variant(SOURCE, '      - {url: "https://example.org/alpha", year: 2026.5}\n'),
        expect=("schema.type", "companies.yaml", "year: 2026.5", "sources[0].year"),
    ),
    "sources-empty-list": Case(
        variant("    sources:\n" + SOURCE, "    sources: []\n"),
        expect=("schema.required", "companies.yaml", "sources: []", "sources"),
    ),
    # found: an id of any length passed (ids name sites in every output)
    "id-of-400-characters": Case(
        variant("  - id: beta-duiven\n", "  - id: " + "b" * 400 + "\n"),
        expect=("schema.bad-id", "companies.yaml", "  - id: bbb", "id"),
    ),
    "wafer-size-twice": Case(
        variant(STATUS, STATUS + "    facility: {type: wafer-fab, wafer_mm: [200, 200]}\n"),
        expect=("schema.duplicate-item", "companies.yaml", "facility:", "facility.wafer_mm[1]"),
    ),
    "event-on-the-30th-of-february": Case(
        variant(
            STATUS,
            STATUS
            + '    events:\n      - {date: "2020-02-30", type: opened, url: "https://example.org/e"}\n',
        ),
        expect=("schema.bad-date", "companies.yaml", "2020-02-30", "events[0].date"),
    ),
    "checked-in-month-13": Case(
        variant(STATUS, STATUS + '    checked: "2026-13"\n'),
        expect=("schema.bad-date", "companies.yaml", "checked:", "checked"),
    ),
    # --- YAML: directives, tags, documents, sizes ----------------------------------------------
    "yaml-directive-version-2": Case(
        "%YAML 2.0\n---\n" + BASE, expect=("yaml.syntax", "companies.yaml", 1, "")
    ),
    "document-end-then-garbage": Case(
        BASE + "...\n%garbage\n", expect=("yaml.syntax", "companies.yaml", "%garbage", "")
    ),
    "binary-tag": Case(
        variant(ALPHA_NAME, "    name: !!binary QWxwaGE=\n"),
        expect=("yaml.tag", "companies.yaml", "!!binary", ""),
    ),
    "set-tag": Case(
        variant(ALPHA_NAME, "    name: !!set {a, b}\n"), expect=("yaml.tag", "companies.yaml", "!!set", "")
    ),
    "duplicate-key-in-a-flow-mapping": Case(
        variant(SOURCE, '      - {url: "https://example.org/alpha", year: 2026, year: 1990}\n'),
        expect=("yaml.duplicate-key", "companies.yaml", "year: 1990", ""),
    ),
    "url-of-100000-characters": Case(
        variant(SOURCE, '      - {url: "https://example.org/' + "a" * 100_000 + '", year: 2026}\n'),
        expect=("yaml.too-long", "companies.yaml", "https://example.org/aaa", ""),
    ),
    "sites-of-null-items": Case("sites:\n  -\n  -\n", expect=("schema.type", "companies.yaml", "  -\n", "")),
    # one byte order mark at the start is skipped (test_hardening_leftovers); a second is text
    "byte-order-mark-twice-and-crlf": Case(
        ("\ufeff\ufeff" + BASE).replace("\n", "\r\n"),
        expect=("text.hidden-character", "companies.yaml", 1, ""),
    ),
    # --- region folders ------------------------------------------------------------------------
    # found: a radius of 0 km (a definition that holds nothing) passed
    "radius-of-zero-km": Case(
        regions=_nijmegen("radius_km: 10", "radius_km: 0"),
        expect=(
            "region.empty-definition",
            "regions/nijmegen.yaml",
            "radius_km: 0",
            "definitions[1].radius_km",
        ),
    ),
    "region-centre-latitude-95": Case(
        regions=_nijmegen("lat: 51.8425", "lat: 95"),
        expect=("schema.out-of-range", "regions/nijmegen.yaml", "centre:", "centre.lat"),
    ),
    "region-centre-nan": Case(
        regions=_nijmegen("lat: 51.8425", "lat: .nan"),
        expect=("schema.type", "regions/nijmegen.yaml", "centre:", "centre.lat"),
    ),
    "region-file-is-a-list": Case(
        regions={"dresden": "- id: dresden\n"}, expect=("schema.type", "regions/dresden.yaml", "- id", "")
    ),
    "region-file-empty": Case(regions={"dresden": ""}, expect=("schema.type", "regions/dresden.yaml", 1, "")),
    "region-boundary-is-an-absolute-path": Case(
        regions=_nijmegen("definitions:\n", BOUNDARY_DEFINITION.format("/etc/passwd")),
        expect=(
            "region.boundary-outside",
            "regions/nijmegen.yaml",
            "boundary: /etc",
            "definitions[0].boundary",
        ),
    ),
    "region-boundary-is-another-region-file": Case(
        regions=_nijmegen("definitions:\n", BOUNDARY_DEFINITION.format("dresden.yaml")),
        expect=("boundary.not-json", "regions/dresden.yaml", "id: dresden", ""),
    ),
    "region-boundary-is-a-folder": Case(
        regions=_nijmegen("definitions:\n", BOUNDARY_DEFINITION.format("boundaries")),
        setup=_folder("regions/boundaries"),
        validate=3,
        expect=("io.is-directory", "regions/boundaries", None, ""),
    ),
    "region-file-that-is-a-folder": Case(
        setup=_folder("regions/extra.yaml"),
        validate=3,
        expect=("io.is-directory", "regions/extra.yaml", None, ""),
    ),
    "region-file-that-is-a-fifo": Case(
        setup=_fifo("regions/fifo.yaml"), validate=3, expect=("io.not-a-file", "regions/fifo.yaml", None, "")
    ),
    "region-file-linked-inside-the-folder": Case(
        setup=_link("regions/alias.yaml", "nijmegen.yaml"),
        expect=("region.id-mismatch", "regions/alias.yaml", "id: nijmegen", "id"),
    ),
    "region-file-hard-linked-inside-the-folder": Case(
        setup=_hard_link("regions/hard.yaml", "regions/nijmegen.yaml"),
        expect=("region.id-mismatch", "regions/hard.yaml", "id: nijmegen", "id"),
    ),
    "municipality-code-with-a-fullwidth-digit": Case(
        regions=_nijmegen("code: GM0268", "code: GM\uff10268"),
        expect=(
            "region.bad-code",
            "regions/nijmegen.yaml",
            "GM\uff10268",
            "definitions[0].municipalities[0].code",
        ),
    ),
    "region-alias-empty": Case(
        regions=_nijmegen("aliases: [Lifeport]", 'aliases: [""]'),
        expect=("schema.required", "regions/nijmegen.yaml", "aliases:", "aliases[0]"),
    ),
    "region-name-without-english": Case(
        regions=_nijmegen(
            "name: {nl: Lifeport (Arnhem-Nijmegen), en: Lifeport (Arnhem-Nijmegen)}", "name: {nl: Lifeport}"
        ),
        expect=("schema.required", "regions/nijmegen.yaml", "name: {nl: Lifeport}", "name.en"),
    ),
    # --- data/claims.yaml ----------------------------------------------------------------------
    "claims-not-a-mapping": Case(
        claims="- a\n- b\n", expect=("schema.required", "claims.yaml", "- a", "claims"), analyses=0
    ),
    "claims-empty-file": Case(claims="", expect=("schema.required", "claims.yaml", 1, "claims"), analyses=0),
    "claims-bidi-override-in-a-quote": Case(
        claims=_claims('quote: "x"', 'quote: "x \\u202e evil"'),
        expect=("text.control-character", "claims.yaml", "quote:", "quote"),
        analyses=0,
    ),
    "claims-threshold-of-ten-to-the-400": Case(
        claims=_claims(CHECK, "check: {type: count, region: nijmegen, expect: {op: at-least, value: 1e400}}"),
        expect=("schema.type", "claims.yaml", "check:", "check.expect.value"),
        analyses=0,
    ),
    "claims-threshold-nan": Case(
        claims=_claims(CHECK, "check: {type: count, region: nijmegen, expect: {op: at-least, value: .nan}}"),
        expect=("schema.type", "claims.yaml", "check:", "check.expect.value"),
        analyses=0,
    ),
    "claims-nested-200-deep": Case(
        claims="claims: " + "[" * 200 + "]" * 200 + "\n",
        expect=("yaml.too-deep", "claims.yaml", "claims:", ""),
        analyses=0,
    ),
    "claims-alias-bomb": Case(
        claims="a: &a [x, x, x]\nb: [*a, *a, *a]\nclaims: []\n",
        expect=("yaml.anchor", "claims.yaml", "a: &a", ""),
        analyses=0,
    ),
    # found: claims.yaml took lone CR line ends and raw invisible characters (in comments too),
    # which the registry and region files refuse
    "claims-lone-carriage-returns": Case(
        claims=CLAIMS.replace("\n", "\r"),
        expect=("text.line-break", "claims.yaml", "claims:", ""),
        analyses=0,
    ),
    "claims-raw-zero-width-in-a-comment": Case(
        claims=CLAIMS + "# reviewed\u200b by nobody\n",
        expect=("text.hidden-character", "claims.yaml", "# reviewed", ""),
        analyses=0,
    ),
    "claims-not-utf8": Case(
        claims=CLAIMS.encode() + b"\xff\xfe\n", expect=("yaml.encoding", "claims.yaml", 8, ""), analyses=0
    ),
    "claims-link-to-a-file-outside": Case(
        claims=b"",
        setup=lambda data: (data / "claims.yaml").unlink() or _secret_link(data),
        validate=3,
        expect=("io.outside", "claims.yaml", None, ""),
        analyses=0,
    ),
    "claims-fifo": Case(
        claims=b"",
        setup=lambda data: (data / "claims.yaml").unlink() or os.mkfifo(data / "claims.yaml"),
        validate=3,
        expect=("io.not-a-file", "claims.yaml", None, ""),
        analyses=0,
    ),
    "claims-python-tag": Case(
        claims=_claims("who: Tester", "who: !!python/name:os.system x"),
        expect=("yaml.tag", "claims.yaml", "who: !!python", ""),
        analyses=0,
    ),
}

COMMANDS = [
    ["compare", "--format", "json"],
    ["coverage", "--region", "nijmegen", "--format", "csv"],
    ["export", "--format", "graphml"],
    ["export", "--format", "geojson"],
    ["claims", "--format", "json"],
]


def _build(case: Case, root: Path) -> Path:
    data = root / "data"
    shutil.copytree(MINI / "regions", data / "regions")
    (data / "companies.yaml").write_text(case.registry, encoding="utf-8", newline="")
    for name, text in case.regions.items():
        (data / "regions" / f"{name}.yaml").write_text(text or "", encoding="utf-8", newline="")
    claims = case.claims.encode("utf-8") if isinstance(case.claims, str) else case.claims
    (data / "claims.yaml").write_bytes(claims)
    if case.setup is not None:
        case.setup(data)
    return data


def _run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app,
        ["--no-cache", "--registry", str(data / "companies.yaml"), "--regions", str(data / "regions"), *args],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert "Traceback" not in result.stdout + result.stderr and "internal error" not in result.stderr, args
    return result.exit_code, result.stdout, result.stderr


def _line(data: Path, file: str, needle: str | int | None) -> int:
    """The line of ``needle`` in ``file`` (YAML's line breaks: LF, CRLF or a lone CR); a number
    is the line itself, None line 0 (a problem of the file as a whole)."""
    if needle is None or isinstance(needle, int):
        return needle or 0
    return line_of((data / file).read_bytes().decode("utf-8", "replace"), needle)


def test_the_recheck_holds_at_least_forty_new_inputs() -> None:
    boundary_files = [
        p for p in (FIXTURES / "invalid-boundaries").glob("*.geojson") if p.stem in RECHECK_BOUNDARIES
    ]
    assert len(CASES) + len(boundary_files) >= 40 + 10
    assert len(boundary_files) == len(RECHECK_BOUNDARIES)


# Boundary files of the re-check (tests/fixtures/invalid-boundaries, run by test_invalid_fixtures
# as an import and as a stored boundary).
RECHECK_BOUNDARIES = {
    "geometry-collection",
    "top-level-array",
    "feature-not-an-object",
    "ring-not-closed",
    "whole-world",
    "position-with-four-numbers",
    "hole-outside-the-shell",
    "zero-area",
    "javascript-comment",
    "trailing-garbage",
    "utf16",
    "type-given-twice",
}


def refused_by_every_command(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, dict[str, str]]:
    """Build ``case`` in tmp_path/in and run validate (its error at the expected code, file, line
    and field, every issue with a hint) and every analysis (the expected exit code) from an empty
    working folder tmp_path/cwd: the data folder, that folder and the input's snapshot from before."""
    data = _build(case, tmp_path / "in")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(tmp_path / "in")
    code, stdout, stderr = _run(data, "validate", "--format", "json")
    assert code == case.validate, stdout + stderr
    if case.expect is not None:
        expected_code, file, needle, field_path = case.expect
        issues = json.loads(stdout)["issues"] if stdout else []
        found = [(i["code"], i["file"], i["line"], i["field"]) for i in issues if i["severity"] == "error"]
        line = _line(data, file, needle)
        assert (expected_code, str(data / file), line, field_path) in found, found
        assert all(i["hint"] for i in issues)
    for command in COMMANDS:
        expected = case.analyses if case.analyses is not None else case.validate
        if command[0] == "claims" and case.expect and case.expect[1] == "claims.yaml" and case.validate:
            expected = case.validate  # claims reads the claims file in full
        got, out, err = _run(data, *command)
        assert got == expected, (command, got, out[-300:], err[-600:])
    return data, work, before


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_input_is_refused_cleanly_by_every_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, work, before = refused_by_every_command(CASES[name], tmp_path, monkeypatch)
    fmt_code, _, _ = _run(data, "fmt", "--check")
    assert fmt_code in (0, 1, 3), fmt_code
    assert snapshot(tmp_path / "in") == before
    assert list(work.iterdir()) == []
