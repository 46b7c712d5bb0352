"""A fourth independent re-check of issue 17, aimed at what the earlier rounds covered least: the
claims file (its schema, claims naming unknown regions, sites, phases, counting definitions and
sizes, huge numbers, odd years), facility fields, dates and the CSV channel. Written from the issue
and each command's --help before the other corpora were read; about 190 inputs were run outside
the project (every claims variant through validate, claims in each format, report and diff; every
registry variant through validate, coverage, compare, near with filters, stats, export in three
formats, the map as HTML and SVG, and report with --year). Kept here: the inputs that found a
problem ("found: ..."; the fix is in the same commit) and those that guard a distinct path. The
harness is tests/test_recheck.py's: validate's (code, line, field), every analysis's exit code,
no crash, no input file changed, nothing written in the working folder.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from lifeport_map.render.safe import spreadsheet_safe
from lifeport_map.render.tables import csv_text
from tests.conftest import snapshot
from tests.test_recheck import CHECK, STATUS, Case, _claims, _run, refused_by_every_command, variant

COUNT = (
    "check: {type: count, origin: Nijmegen, radius_km: 100, filter: {%s}, expect: {op: at-least, value: 1}}"
)
RANK = "check: {type: rank, region: nijmegen, regions: [nijmegen, dresden], metric: employees, position: %s}"
FACILITY = "check: {type: facility, site: alpha-nijmegen, facility: {type: wafer-fab, %s}}"


def _check(new: str) -> str:
    return _claims(CHECK, new)


def _claim_case(text: str, code: str, needle: str, field: str) -> Case:
    """A claims file validate refuses; the analyses that do not read claims run (exit 0)."""
    return Case(claims=text, expect=(code, "claims.yaml", needle, field), analyses=0)


def _facility(body: str) -> str:
    return variant(STATUS, STATUS + "    facility:\n" + body)


def _event(date: str) -> str:
    return variant(
        STATUS,
        STATUS + f"    events:\n      - {{date: '{date}', type: opened, url: 'https://example.org/e'}}\n",
    )


CLAIMS_CASES: dict[str, Case] = {
    # found: a counting definition no role list has passed validate and made the claim 'cannot tell'
    "counting-definition-unknown": _claim_case(
        _check("check: {type: whole-chain, region: nijmegen, roles: wizardry}"),
        "claims.unknown-counting",
        "check:",
        "check.roles",
    ),
    # found: a kind that is neither a kind id nor a group of kinds (same: 'cannot tell')
    "filter-kind-unknown": _claim_case(
        _check(COUNT % "kinds: [wizard]"), "schema.unknown-kind", "check:", "check.filter.kinds[0]"
    ),
    # found: a wafer size no wafer has, in a filter and in a facility the claim states
    "filter-wafer-201-mm": _claim_case(
        _check(COUNT % "wafer_mm: [201]"), "facility.wafer-size", "check:", "check.filter.wafer_mm[0]"
    ),
    "filter-wafer-10-to-the-23-mm": _claim_case(
        _check(COUNT % "wafer_mm: [100000000000000000000000]"),
        "facility.wafer-size",
        "check:",
        "check.filter.wafer_mm[0]",
    ),
    "facility-wafer-201-mm": _claim_case(
        _check(FACILITY % "wafer_mm: 201"), "facility.wafer-size", "check:", "check.facility.wafer_mm"
    ),
    # found: a node of 0 nm, which the registry refuses on a facility
    "facility-node-zero": _claim_case(
        _check(FACILITY % "node_nm: 0"), "facility.node", "check:", "check.facility.node_nm"
    ),
    # found: a rank beyond the number of regions compared
    "rank-99-of-2": _claim_case(_check(RANK % 99), "claims.rank-position", "check:", "check.position"),
    "rank-10-to-the-30": _claim_case(
        _check(RANK % (10**30)), "claims.rank-position", "check:", "check.position"
    ),
    # found: a javascript: URL as the claim's source (the registry refuses it on a source)
    "source-url-javascript": _claim_case(
        _claims('url: "https://example.org/doc"', 'url: "javascript:alert(1)"'),
        "url.not-plain-http",
        "source:",
        "source.url",
    ),
    # guards: each a distinct check of the claims file
    "rank-position-zero": _claim_case(_check(RANK % 0), "schema.out-of-range", "check:", "check.position"),
    "radius-nan": _claim_case(
        _check((COUNT % "").replace("100", ".nan", 1)), "schema.type", "check:", "check.radius_km"
    ),
    "expect-value-1e400": _claim_case(
        _check((COUNT % "").replace("value: 1", "value: 1e400")),
        "schema.type",
        "check:",
        "check.expect.value",
    ),
    # found: a line break or tab in a one-line field of a claim passed (it breaks rows wherever shown)
    "who-with-a-line-break": _claim_case(
        _claims("who: Tester", 'who: "Gemeente\\nNijmegen"'), "text.one-line", "who:", "who"
    ),
    "claim-with-a-tab": _claim_case(
        _claims("claim: {nl: x, en: x}", 'claim: {nl: "een\\tclaim", en: x}'),
        "text.one-line",
        "claim:",
        "claim.nl",
    ),
    # found: an origin no place, site or region has passed validate and made the claim 'cannot tell'
    "origin-nowhere": _claim_case(
        _check((COUNT % "").replace("origin: Nijmegen", "origin: Atlantis")),
        "claims.unknown-origin",
        "check:",
        "check.origin",
    ),
    "origin-latitude-91": _claim_case(
        _check((COUNT % "").replace("origin: Nijmegen", "origin: '91,5.8'")),
        "claims.unknown-origin",
        "check:",
        "check.origin",
    ),
    "expect-names-an-unknown-site": _claim_case(
        _check((COUNT % "").replace("value: 1}", "value: 1, sites: [ghost-site]}")),
        "claims.unknown-site",
        "check:",
        "check.expect.sites[0]",
    ),
    "compared-region-twice": _claim_case(
        _check("check: {type: whole-chain-unique, region: nijmegen, regions: [nijmegen, nijmegen]}"),
        "schema.duplicate-item",
        "check:",
        "check.regions[1]",
    ),
    "phase-unknown": _claim_case(
        _check(
            "check: {type: specialisation, region: nijmegen, regions: [nijmegen, dresden], phase: middle-end}"
        ),
        "schema.unknown-phase",
        "check:",
        "check.phase",
    ),
    "figure-unknown": _claim_case(
        _check("check: {type: employees, region: nijmegen, figure: ghost}"),
        "claims.unknown-figure",
        "check:",
        "check.figure",
    ),
    "capacity-unit-unknown": _claim_case(
        _check(FACILITY % "capacity: {value: 10, unit: bananas}"),
        "schema.unknown-capacity-unit",
        "check:",
        "check.facility.capacity.unit",
    ),
    "source-year-2025.5": _claim_case(
        _claims("year: 2026}", "year: 2025.5}"), "schema.type", "source:", "source.year"
    ),
    "claim-without-english": _claim_case(
        _claims("claim: {nl: x, en: x}", "claim: {nl: x}"), "schema.required", "claim:", "claim.en"
    ),
}

REGISTRY_CASES: dict[str, Case] = {
    # found: an event in year 9999 or 0000 passed (a numeric year has the range 1800..2100)
    "event-in-9999": Case(
        _event("9999"), expect=("schema.out-of-range", "companies.yaml", "- {date:", "events[0].date")
    ),
    "event-in-0000": Case(
        _event("0000"), expect=("schema.out-of-range", "companies.yaml", "- {date:", "events[0].date")
    ),
    # found: a checked month in year 0000 passed
    "checked-in-year-0000": Case(
        variant(STATUS, STATUS + "    checked: '0000-01'\n"),
        expect=("schema.out-of-range", "companies.yaml", "checked:", "checked"),
    ),
    # guards: leap days are no YYYY-MM dates; sizes in inches; facility fields
    "event-on-a-leap-day": Case(
        _event("2024-02-29"), expect=("schema.bad-date", "companies.yaml", "- {date:", "events[0].date")
    ),
    "checked-on-a-leap-day": Case(
        variant(STATUS, STATUS + "    checked: '2024-02-29'\n"),
        expect=("schema.bad-date", "companies.yaml", "checked:", "checked"),
    ),
    "wafer-in-inches": Case(
        _facility("      type: wafer-fab\n      wafer_mm: [8]\n"),
        expect=("facility.wafer-size", "companies.yaml", "wafer_mm:", "facility.wafer_mm[0]"),
    ),
    "technology-twice": Case(
        _facility("      type: wafer-fab\n      technologies: [gan, gan]\n"),
        expect=("schema.duplicate-item", "companies.yaml", "technologies:", "facility.technologies[1]"),
    ),
    "capacity-in-3000": Case(
        _facility(
            "      type: wafer-fab\n      capacity: {value: 10, unit: wafers-per-month, year: 3000,"
            " url: 'https://example.org/c'}\n"
        ),
        expect=("schema.out-of-range", "companies.yaml", "capacity:", "facility.capacity.year"),
    ),
    "cleanroom-infinite": Case(
        _facility("      type: wafer-fab\n      cleanroom_m2: .inf\n"),
        expect=("schema.type", "companies.yaml", "cleanroom_m2:", "facility.cleanroom_m2"),
    ),
}

# The other commands that read a claims file, and those that read facility fields and dates.
CLAIMS_READERS = [["claims", "-f", "csv", "--csv-dialect", "nl"], ["claims", "-f", "markdown"]]
REGISTRY_READERS = [
    ["near", "Nijmegen", "--radius-km", "500", "--wafer-mm", "200", "--year", "2024"],
    ["stats", "--region", "nijmegen", "--year", "1950"],
    ["export", "-f", "csv", "--csv-dialect", "nl", "--year", "2100"],
]


def test_the_fourth_recheck_keeps_at_least_twenty_five_inputs() -> None:
    assert len(CLAIMS_CASES) + len(REGISTRY_CASES) >= 25


@pytest.mark.parametrize("name", sorted(CLAIMS_CASES))
def test_a_broken_claim_is_refused_by_every_command_that_reads_it(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, work, before = refused_by_every_command(CLAIMS_CASES[name], tmp_path, monkeypatch)
    for command in CLAIMS_READERS:
        code, out, err = _run(data, *command)
        assert (code, out) == (1, ""), (command, err)
        assert f"{data / 'claims.yaml'}:" in err and "\n    tip: " in err, err
    code, _, err = _run(data, "report", "--region", "nijmegen", "--output", str(work / "brief"))
    assert code == 1, err
    assert snapshot(tmp_path / "in") == before
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("name", sorted(REGISTRY_CASES))
def test_a_broken_facility_or_date_is_refused_by_every_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, work, before = refused_by_every_command(REGISTRY_CASES[name], tmp_path, monkeypatch)
    for command in REGISTRY_READERS:
        code, out, err = _run(data, *command)
        assert (code, out) == (1, ""), (command, err)
    for output in ("map.html", "map.svg"):
        code, _, err = _run(data, "map", "nl", "--output", str(work / output), "--year", "1900")
        assert code == 1, err
    assert snapshot(tmp_path / "in") == before
    assert list(work.iterdir()) == []


# --- CSV: formula starts in full-width form, and a lone CR inside a cell ----------------------------


@pytest.mark.parametrize(
    "text",
    ["\uff1d1+1", "\uff0b1+1", "\uff0d1+1", "\uff20SUM(A1)", "\ufe661+1", " \uff1d1+1", "\u3000=1+1"],
    ids=[
        "fullwidth-equals",
        "fullwidth-plus",
        "fullwidth-minus",
        "fullwidth-at",
        "small-equals",
        "space-fullwidth-equals",
        "ideographic-space-equals",
    ],
)
def test_a_formula_start_in_full_width_or_small_form_is_defused(text: str) -> None:
    # found: '\uff1d1+1' (FULLWIDTH EQUALS SIGN) went into the CSV as it was
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("text", ["\uff21BC", "1\uff1d1", "x =1", "\u00e9=1"])
def test_text_that_only_contains_a_formula_sign_later_is_kept(text: str) -> None:
    assert spreadsheet_safe(text) == text


def test_a_lone_carriage_return_in_a_cell_stays_inside_its_row() -> None:
    # found: the csv module quotes a cell holding LF but not one holding a lone CR, so a reader
    # took 'a\rb' for the end of the row ('new-line character seen in unquoted field')
    text = csv_text(["name", "n"], [["a\rb", 1], ["=c\r\nd", 2], ["\r=1+1", 3]], dialect="nl", lang="nl")
    assert text == 'name;n\n"a\nb";1\n"\'=c\nd";2\n"\'\n=1+1";3\n'
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows == [["name", "n"], ["a\nb", "1"], ["'=c\nd", "2"], ["'\n=1+1", "3"]]


def test_claims_csv_defuses_a_full_width_formula_and_keeps_rows_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (a lone CR in the claim's text, which this test sent through the CSV too, is now refused by
    # validate as a line break in a one-line field: test_a_lone_carriage_return_in_a_cell_stays_
    # inside_its_row keeps the writer's side)
    case = Case(claims=_claims("who: Tester", 'who: "\\uff1dHYPERLINK(1)"'), validate=0)
    data, work, before = refused_by_every_command(case, tmp_path, monkeypatch)
    code, out, err = _run(data, "claims", "-f", "csv", "--csv-dialect", "nl")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out, newline=""), delimiter=";"))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0]), rows
    assert (rows[1][2], rows[1][3]) == ("x", "'\uff1dHYPERLINK(1)"), rows
    assert snapshot(tmp_path / "in") == before
    assert list(work.iterdir()) == []
