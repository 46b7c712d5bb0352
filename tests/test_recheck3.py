"""A third independent re-check of issue 17 ("a fresh, unseen set of hostile inputs prepared
outside the project"): registries, region folders, claims files and odd files written from the
issue, the README and each command's --help only, before this module's authors read the other
corpora (so several overlap with tests/test_recheck.py and the fixtures: that is the point of an
independent set). Run outside the project first on the shipped registry through every command
(validate in each format, coverage, compare, gaps, whatif, near, stats, claims, export in each
format, the maps as HTML, PNG, SVG and PDF, report, diff, fmt and add), then written down here on
the small registry of tests/fixtures/build_invalid.py with the harness of tests/test_recheck.py:
validate's exit code and the (code, line, field) it reports, every other command's exit code, no
crash, no input file changed and nothing left in the working folder.

A case that found a problem says so in its comment ("found: ..."); its fix is in the commit that
added the case. The usage errors and edits at the end (filters, import-boundary) have tests of
their own below the corpus.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lifeport_map.fmt import format_text
from tests.conftest import snapshot
from tests.test_recheck import (
    ALPHA_NAME,
    CHECK,
    CLAIMS,
    SOURCE,
    STATUS,
    Case,
    _build,
    _claims,
    _nijmegen,
    _run,
    refused_by_every_command,
    variant,
)
from tests.test_recheck import BASE as REGISTRY

# The registry in fmt's canonical form: with it, add gets past its canonical-form check to the
# region files (the cases whose problem is in a region file use it).
CANONICAL = format_text(REGISTRY, path=Path("companies.yaml"))
LOCATION = "      lat: 51.8425\n"
PLACE = "      place: Nijmegen\n"
MUNICIPALITY = "      municipality: Nijmegen\n"
ORGANISATION = "    organisation: Alpha\n"
KIND = "    kind: idm\n"
ACTIVITIES = "    activities: [wafer-fab, chip-design]\n"


ADD = [
    *("--name", "Acme Wijchen", "--organisation", "Acme", "--kind", "supplier"),
    *("--activity", "equipment-components", "--place", "Wijchen", "--country", "NL"),
    *("--source-url", "https://acme.example/n", "--source-year", "2026"),
]


def _employees(value: str) -> str:
    return variant(
        STATUS,
        STATUS + f'    employees:\n      - {{value: {value}, year: 2025, url: "https://example.org/e"}}\n',
    )


CASES: dict[str, Case] = {
    # --- the file as a whole ---------------------------------------------------------------------
    "empty-registry": Case("", expect=("schema.required", "companies.yaml", 1, "sites")),
    "utf16-registry": Case(
        setup=lambda data: (data / "companies.yaml").write_bytes(REGISTRY.encode("utf-16")),
        expect=("yaml.encoding", "companies.yaml", 1, ""),
    ),
    "invalid-utf8-in-a-name": Case(
        setup=lambda data: (data / "companies.yaml").write_bytes(
            REGISTRY.encode().replace(b"Alpha Fab", b"Alpha \xff\xfe Fab", 1)
        ),
        expect=("yaml.encoding", "companies.yaml", 3, ""),
    ),
    "raw-nul-in-a-name": Case(
        variant(ALPHA_NAME, "    name: Alpha\x00 Fab\n"),
        expect=("yaml.encoding", "companies.yaml", "name: Alpha", ""),
    ),
    "escaped-nul-in-a-name": Case(
        variant(ALPHA_NAME, '    name: "Alpha\\0 Fab"\n'),
        expect=("name.invisible-character", "companies.yaml", 'name: "Alpha', "name"),
    ),
    "line-ends-mixed-with-a-lone-cr": Case(
        REGISTRY.replace("\n", "\r\n", 3).replace("    kind: idm\n", "    kind: idm\r", 1),
        expect=("text.line-break", "companies.yaml", "    kind: idm", ""),
    ),
    "a-value-of-three-million-characters": Case(
        variant(STATUS, STATUS + '    notes: "' + "x" * 3_000_000 + '"\n'),
        expect=("yaml.too-long", "companies.yaml", "    notes:", ""),
    ),
    "a-key-of-2000-characters": Case(
        variant(STATUS, STATUS + "    " + "k" * 2000 + ": 1\n"),
        expect=("yaml.syntax", "companies.yaml", "    kkk", ""),  # YAML keys end at 1024 characters
    ),
    "two-documents-after-a-directive": Case(
        "%YAML 1.1\n---\n" + REGISTRY + "---\nsites: []\n",
        expect=("yaml.multiple-documents", "companies.yaml", "---\nsites: []", ""),
    ),
    "tab-indentation": Case(
        variant(KIND, "\tkind: idm\n"), expect=("yaml.syntax", "companies.yaml", "\tkind", "")
    ),
    "sites-given-twice": Case(
        REGISTRY + "sites: []\n", expect=("yaml.duplicate-key", "companies.yaml", "sites: []", "")
    ),
    "sites-a-mapping": Case(
        "sites:\n  alpha: {id: alpha}\n", expect=("schema.required", "companies.yaml", "sites:", "sites")
    ),
    # found: an entry that is not a mapping was reported as "file must be a mapping (key: value
    # pairs)", with no field, as if the whole file were wrong
    "an-entry-that-is-a-string": Case(
        variant("  - id: alpha-nijmegen\n", "  - just a string\n  - id: alpha-nijmegen\n"),
        expect=("schema.type", "companies.yaml", "just a string", ""),
    ),
    "a-claim-that-is-a-number": Case(
        claims=CLAIMS.replace("claims:\n", "claims:\n  - 42\n", 1),
        expect=("schema.type", "claims.yaml", "  - 42", ""),
        analyses=0,
    ),
    # --- YAML features -------------------------------------------------------------------------
    "anchor-and-alias-on-a-name": Case(
        variant(
            "    name: Beta Equipment\n", "    name: *n\n", variant(ALPHA_NAME, "    name: &n Alpha Fab\n")
        ),
        expect=("yaml.anchor", "companies.yaml", "&n", ""),
    ),
    "merge-key": Case(
        variant(STATUS, STATUS + "    <<: {notes: x}\n"),
        expect=("yaml.merge-key", "companies.yaml", "<<:", ""),
    ),
    "python-object-tag": Case(
        variant(ALPHA_NAME, '    name: !!python/object/apply:os.system ["touch /tmp/r3-pwned"]\n'),
        expect=("yaml.tag", "companies.yaml", "!!python", ""),
    ),
    "local-tag": Case(
        variant(ALPHA_NAME, "    name: !foo Alpha\n"), expect=("yaml.tag", "companies.yaml", "!foo", "")
    ),
    "billion-laughs": Case(
        "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
        + REGISTRY,
        expect=("yaml.anchor", "companies.yaml", "&a0", ""),
    ),
    "duplicate-key-in-an-entry": Case(
        variant(ALPHA_NAME, ALPHA_NAME + "    name: Other\n"),
        expect=("yaml.duplicate-key", "companies.yaml", "name: Other", ""),
    ),
    "flow-nesting-20000-deep": Case(
        variant(STATUS, STATUS + "    notes: " + "[" * 20000 + "]" * 20000 + "\n"),
        expect=("yaml.too-deep", "companies.yaml", "    notes:", ""),
    ),
    "block-nesting-3000-deep": Case(
        variant(STATUS, STATUS + "    notes:\n" + "".join("  " * (i + 2) + "-\n" for i in range(3000))),
        expect=("yaml.too-deep", "companies.yaml", 38, ""),  # the 33rd level
    ),
    # --- numbers, dates, types -----------------------------------------------------------------
    "employees-1e400": Case(
        _employees("1e400"), expect=("schema.type", "companies.yaml", "{value: 1e400", "employees[0].value")
    ),
    "employees-10-to-the-20": Case(
        _employees("100000000000000000000"),
        expect=("schema.out-of-range", "companies.yaml", "{value: 1000", "employees[0].value"),
    ),
    "latitude-nan": Case(
        variant(LOCATION, "      lat: .nan\n"),
        expect=("schema.type", "companies.yaml", "lat: .nan", "location.lat"),
    ),
    "longitude-minus-infinity": Case(
        variant("      lon: 5.85278\n", "      lon: -.inf\n"),
        expect=("schema.type", "companies.yaml", "lon: -.inf", "location.lon"),
    ),
    "since-a-date": Case(
        variant(STATUS, STATUS + "    since: 1955-01-01\n"),
        expect=("schema.type", "companies.yaml", "since: 1955", "since"),
    ),
    "since-in-3000": Case(
        variant(STATUS, STATUS + "    since: 3000\n"),
        expect=("schema.out-of-range", "companies.yaml", "since: 3000", "since"),
    ),
    "until-before-since": Case(
        variant(STATUS, "    status: closed\n    since: 1955\n    until: 1900\n"),
        expect=("status.dates", "companies.yaml", "until: 1900", "until"),
    ),
    "checked-an-unquoted-impossible-date": Case(
        variant(STATUS, STATUS + "    checked: 2026-11-31\n"),
        expect=("schema.bad-date", "companies.yaml", "checked:", "checked"),
    ),
    "event-date-unquoted": Case(
        variant(
            STATUS,
            STATUS + '    events:\n      - {date: 1996-09-01, type: opened, url: "https://example.org/e"}\n',
        ),
        expect=("schema.bad-date", "companies.yaml", "date: 1996", "events[0].date"),
    ),
    "source-year-yes": Case(
        variant(SOURCE, '      - {url: "https://example.org/alpha", year: yes}\n'),
        expect=("schema.type", "companies.yaml", "year: yes", "sources[0].year"),
    ),
    "id-an-integer": Case(
        variant("  - id: alpha-nijmegen\n", "  - id: 123\n").replace("target: alpha-nijmegen", "target: 123"),
        expect=("schema.type", "companies.yaml", "id: 123", "id"),
    ),
    "name-blank": Case(
        variant(ALPHA_NAME, '    name: "   "\n'),
        expect=("schema.required", "companies.yaml", 'name: "', "name"),
    ),
    "max-1e308-beside-a-value": Case(
        variant(
            STATUS,
            STATUS
            + '    employees:\n      - {value: 40, max: 1e308, year: 2025, url: "https://example.org/e"}\n',
        ),
        expect=("schema.type", "companies.yaml", "max: 1e308", "employees[0].max"),
    ),
    "wafer-of-200.5-mm": Case(
        variant(STATUS, STATUS + "    facility: {type: wafer-fab, wafer_mm: [200.5]}\n"),
        expect=("schema.type", "companies.yaml", "facility:", "facility.wafer_mm[0]"),
    ),
    "node-of-minus-5-nm": Case(
        variant(STATUS, STATUS + "    facility: {type: wafer-fab, node_nm: -5}\n"),
        expect=("schema.out-of-range", "companies.yaml", "facility:", "facility.node_nm"),
    ),
    "facility-with-an-unknown-field": Case(
        variant(STATUS, STATUS + "    facility: {type: wafer-fab, colour: blue}\n"),
        expect=("schema.unknown-field", "companies.yaml", "facility:", "facility.colour"),
    ),
    "events-a-mapping": Case(
        variant(STATUS, STATUS + "    events: {date: 1996}\n"),
        expect=("schema.type", "companies.yaml", "events:", "events"),
    ),
    "location-null": Case(
        variant("    location:\n", "    location: ~\n    location_x:\n"),
        expect=("schema.required", "companies.yaml", "  - id: alpha", "location"),
    ),
    # --- text: control, bidi, invisible and odd Unicode -----------------------------------------
    "bidi-override-in-notes": Case(
        variant(STATUS, STATUS + '    notes: "abc \\u202e evil \\u202c"\n'),
        expect=("text.control-character", "companies.yaml", "notes:", "notes"),
    ),
    "raw-bidi-override-in-a-description": Case(
        variant(STATUS, STATUS + "    description: abc \u202e cba\n"),
        expect=("text.hidden-character", "companies.yaml", "description:", ""),
    ),
    "ansi-escape-and-bell-in-a-source-title": Case(
        variant(SOURCE, '      - {url: "https://example.org/alpha", year: 2026, title: "\\e[31mRED\\a"}\n'),
        expect=("text.control-character", "companies.yaml", "title:", "sources[0].title"),
    ),
    "escape-in-an-id": Case(
        variant("  - id: alpha-nijmegen\n", '  - id: "alpha-nijmegen\\x1b[2J"\n'),
        expect=("schema.bad-id", "companies.yaml", "  - id: ", "id"),
    ),
    "bell-in-an-organisation": Case(
        variant(ORGANISATION, '    organisation: "Alpha\\x07"\n'),
        expect=("name.invisible-character", "companies.yaml", "organisation:", "organisation"),
    ),
    "c1-control-in-a-place": Case(
        variant(PLACE, '      place: "Nijmegen\\x9b31m"\n'),
        expect=("name.invisible-character", "companies.yaml", "place:", "location.place"),
    ),
    "no-break-space-in-a-municipality": Case(
        variant(MUNICIPALITY, '      municipality: "Nij\\u00a0megen"\n'),
        expect=("name.invisible-character", "companies.yaml", "municipality:", "location.municipality"),
    ),
    "cyrillic-e-in-a-place": Case(
        variant(PLACE, "      place: Nijm\u0435gen\n"),
        expect=("name.mixed-script", "companies.yaml", "place:", "location.place"),
    ),
    # found: YAML breaks lines at a raw LINE SEPARATOR, NEL or PARAGRAPH SEPARATOR too, so a
    # plain value holding one was a syntax error two lines further on ("could not find expected
    # ':'"), never naming the character; and after one held in quotes every message named a line
    # one further on than an editor shows
    "line-and-next-line-separators-in-a-description": Case(
        variant(STATUS, STATUS + "    description: abc\u2028def\u0085ghi\n"),
        expect=("text.hidden-character", "companies.yaml", "description:", ""),
    ),
    "line-separators-in-quotes-before-an-unknown-kind": Case(
        variant(
            "    kind: equipment-oem\n",
            "    kind: oemx\n",
            variant(STATUS, STATUS + '    description: "a\u2028b\u2029c\u0085d"\n'),
        ),
        expect=("schema.unknown-kind", "companies.yaml", "kind: oemx", "kind"),
    ),
    "lone-surrogate-escape-in-a-description": Case(
        variant(STATUS, STATUS + '    description: "abc \\ud800 def"\n'),
        expect=("yaml.syntax", "companies.yaml", "description:", ""),
    ),
    # --- values the vocabulary, the URLs and the other entries must know ------------------------
    "relation-to-an-unknown-site": Case(
        variant("target: alpha-nijmegen", "target: ghost-site"),
        expect=("relation.dangling", "companies.yaml", "target: ghost", "relations[0].target"),
    ),
    "unknown-kind": Case(
        variant(KIND, "    kind: idmx\n"),
        expect=("schema.unknown-kind", "companies.yaml", "kind: idmx", "kind"),
    ),
    "unknown-activity": Case(
        variant(ACTIVITIES, "    activities: [wafer-fab, chip-dezign]\n"),
        expect=("schema.unknown-activity", "companies.yaml", "activities:", "activities[1]"),
    ),
    "unknown-campus": Case(
        variant(LOCATION, LOCATION + "      campus: nowhere-campus\n"),
        expect=("location.campus-unknown", "companies.yaml", "campus:", "location.campus"),
        analyses=0,
    ),
    "country-in-lower-case": Case(
        variant("      country: NL\n", "      country: nl\n"),
        expect=("schema.bad-country", "companies.yaml", "country: nl", "location.country"),
    ),
    "website-javascript": Case(
        variant("    website: https://example.org/alpha\n", '    website: "javascript:alert(1)"\n'),
        expect=("url.not-plain-http", "companies.yaml", "website:", "website"),
        analyses=0,  # validate's own check
    ),
    "source-url-with-credentials": Case(
        variant(SOURCE, '      - {url: "https://user:pw@example.org/x", year: 2026}\n'),
        expect=("url.not-plain-http", "companies.yaml", "user:pw", "sources[0].url"),
        analyses=0,  # validate's own check
    ),
    # --- region folders ------------------------------------------------------------------------
    "regions-folder-empty": Case(
        CANONICAL,
        setup=lambda data: [p.unlink() for p in (data / "regions").glob("*.yaml")] and None,
        expect=("region.none", "regions", 1, ""),
    ),
    # found: add ended in "internal error: KeyError" (exit 4) on a region whose default
    # definition is unknown; it now refuses with the region file's errors (exit 1)
    "region-default-definition-unknown": Case(
        CANONICAL,
        regions=_nijmegen("default_definition: mini", "default_definition: nope"),
        expect=(
            "region.unknown-definition",
            "regions/nijmegen.yaml",
            "default_definition:",
            "default_definition",
        ),
    ),
    "region-definition-id-twice": Case(
        CANONICAL,
        regions=_nijmegen("  - id: radius-10km\n", "  - id: mini\n"),
        expect=(
            "region.duplicate-definition",
            "regions/nijmegen.yaml",
            "  - id: mini\n    type: radius",
            "definitions[1].id",
        ),
    ),
    "region-radius-of-a-billion-km": Case(
        CANONICAL,
        regions=_nijmegen("radius_km: 10", "radius_km: 1000000000.0"),
        expect=(
            "schema.out-of-range",
            "regions/nijmegen.yaml",
            "radius_km: 1000",
            "definitions[1].radius_km",
        ),
    ),
    "region-alias-that-is-another-regions-id": Case(
        CANONICAL,
        regions=_nijmegen("aliases: [Lifeport]", "aliases: [Lifeport, dresden]"),
        expect=("region.duplicate-alias", "regions/nijmegen.yaml", "aliases:", "aliases"),
    ),
    "region-name-with-an-osc-escape": Case(
        CANONICAL,
        regions=_nijmegen(
            "name: {nl: Lifeport (Arnhem-Nijmegen), en: Lifeport (Arnhem-Nijmegen)}",
            'name: {nl: Lifeport, en: "Life\\x1b]0;pwn\\x07port"}',
        ),
        expect=("text.control-character", "regions/nijmegen.yaml", "name: {nl", "name.en"),
    ),
    "region-file-a-link-to-etc-passwd": Case(
        CANONICAL,
        setup=lambda data: os.symlink("/etc/passwd", data / "regions" / "evil.yaml"),
        validate=3,
        expect=("io.outside", "regions/evil.yaml", None, ""),
    ),
    # a region file with a byte order mark and CRLF is read (test_hardening_leftovers)
    "region-municipality-code-of-another-country": Case(
        CANONICAL,
        regions=_nijmegen("code: GM0268", 'code: "14612000"'),
        expect=(
            "region.bad-code",
            "regions/nijmegen.yaml",
            "14612000",
            "definitions[0].municipalities[0].code",
        ),
    ),
    # --- claims ----------------------------------------------------------------------------------
    "claims-unknown-region": Case(
        claims=_claims(CHECK, "check: {type: whole-chain, region: atlantis}"),
        expect=("claims.unknown-region", "claims.yaml", "check:", "check.region"),
        analyses=0,
    ),
    "claims-facility-of-an-unknown-site": Case(
        claims=_claims(CHECK, "check: {type: facility, site: ghost, facility: {type: wafer-fab}}"),
        expect=("claims.unknown-site", "claims.yaml", "check:", "check.site"),
        analyses=0,
    ),
    "claims-unknown-check-type": Case(
        claims=_claims(CHECK, "check: {type: whole-chian, region: nijmegen}"),
        expect=("schema.unknown-check-type", "claims.yaml", "check:", "check.type"),
        analyses=0,
    ),
    "claims-unknown-operator": Case(
        claims=_claims(CHECK, "check: {type: count, region: nijmegen, expect: {op: roughly, value: 3}}"),
        expect=("schema.unknown-expect-op", "claims.yaml", "check:", "check.expect.op"),
        analyses=0,
    ),
    "claims-id-twice": Case(
        claims=CLAIMS + CLAIMS.split("\n", 1)[1],
        expect=("claims.duplicate-id", "claims.yaml", 8, "id"),
        analyses=0,
    ),
    "claims-negative-radius": Case(
        claims=_claims(
            CHECK, "check: {type: count, origin: Nijmegen, radius_km: -300, expect: {op: at-least, value: 1}}"
        ),
        expect=("schema.out-of-range", "claims.yaml", "check:", "check.radius_km"),
        analyses=0,
    ),
    "claims-unknown-activity-in-a-filter": Case(
        claims=_claims(
            CHECK,
            "check: {type: count, region: nijmegen, filter: {activities: [zz]},"
            " expect: {op: at-least, value: 1}}",
        ),
        expect=("schema.unknown-activity", "claims.yaml", "check:", "check.filter.activities[0]"),
        analyses=0,
    ),
    "claims-extra-key-in-a-check": Case(
        claims=_claims(CHECK, "check: {type: whole-chain, region: nijmegen, colour: red}"),
        expect=("schema.unknown-field", "claims.yaml", "check:", "check.colour"),
        analyses=0,
    ),
    "claims-a-mapping": Case(
        claims="claims: {a: 1}\n", expect=("schema.required", "claims.yaml", "claims:", "claims"), analyses=0
    ),
    # --- special files -------------------------------------------------------------------------
    "registry-a-folder": Case(
        setup=lambda data: (data / "companies.yaml").unlink() or (data / "companies.yaml").mkdir(),
        validate=3,
        expect=("io.is-directory", "companies.yaml", None, ""),
        analyses=3,
    ),
    "registry-a-link-to-dev-zero": Case(
        setup=lambda data: (
            (data / "companies.yaml").unlink() or os.symlink("/dev/zero", data / "companies.yaml")
        ),
        validate=3,
        expect=("io.outside", "companies.yaml", None, ""),
        analyses=3,
    ),
    "registry-a-fifo": Case(
        setup=lambda data: (data / "companies.yaml").unlink() or os.mkfifo(data / "companies.yaml"),
        validate=3,
        expect=("io.not-a-file", "companies.yaml", None, ""),
        analyses=3,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_input_is_refused_cleanly_by_every_command(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[name]
    data, work, before = refused_by_every_command(case, tmp_path, monkeypatch)
    file = case.expect[1] if case.expect else "companies.yaml"
    edits = [["add", "--no-interactive", *ADD]] if file != "claims.yaml" else []  # add checks the regions
    if file == "companies.yaml":  # fmt reads the registry only
        edits.append(["fmt"])
    for edit in edits:
        got, out, err = _run(data, *edit)
        assert got == (3 if case.validate == 3 else 1), (edit, got, out[-300:], err[-600:])
    assert snapshot(tmp_path / "in") == before
    assert list(work.iterdir()) == []


def test_the_third_recheck_holds_at_least_fifty_inputs() -> None:
    assert len(CASES) >= 50


# --- usage errors and edits the corpus above does not reach ------------------------------------


def _mini(tmp_path: Path) -> Path:
    return _build(Case(), tmp_path / "in")


# found: --wafer-mm 201 and --country ZZ filtered every site out without a word (exit 0), while
# an unknown technology, facility type, activity or kind is a usage error with the list
@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--wafer-mm", "201", "use one of: 25, 50, 75, 76, 100, 125, 150, 200, 300, 450"),
        ("--wafer-mm", "99999999999999999999999", "use one of: 25, 50"),
        ("--country", "ZZ", "'ZZ' is not an ISO 3166-1 country code"),
    ],
)
@pytest.mark.parametrize("command", [["coverage", "--region", "nijmegen"], ["near", "Nijmegen"], ["compare"]])
def test_a_filter_value_no_site_can_have_is_a_usage_error(
    command: list[str], option: str, value: str, needle: str, tmp_path: Path
) -> None:
    data = _mini(tmp_path)
    before = snapshot(tmp_path / "in")
    code, stdout, stderr = _run(data, *command, option, value, "--lang", "en")
    assert code == 2, stdout + stderr
    assert needle in stderr
    assert snapshot(tmp_path / "in") == before


def test_a_filter_on_a_real_country_and_wafer_size_still_runs(tmp_path: Path) -> None:
    data = _mini(tmp_path)
    code, stdout, _ = _run(
        data, "near", "Nijmegen", "--country", "de", "--wafer-mm", "200", "--format", "json"
    )
    assert code == 0
    assert json.loads(stdout)["sites"] == []  # the mini registry has no German site


# found: import-boundary --year 99999 (or 0) got as far as writing the region file in memory
# and then exited 1 ("adding the boundary definition would break the file"): a usage error (2)
# like every other command's --year
@pytest.mark.parametrize("year", ["99999", "0", "1799", "2101"])
def test_import_boundary_refuses_a_year_out_of_range_as_a_usage_error(year: str, tmp_path: Path) -> None:
    data = _mini(tmp_path)
    source = tmp_path / "nijmegen.geojson"
    ring = [[5.80, 51.80], [5.90, 51.80], [5.90, 51.88], [5.80, 51.88], [5.80, 51.80]]
    source.write_text(json.dumps({"type": "Polygon", "coordinates": [ring]}), encoding="utf-8")
    before = snapshot(tmp_path / "in")
    code, stdout, stderr = _run(
        data,
        "regions",
        "import-boundary",
        str(source),
        "--region",
        "nijmegen",
        "--year",
        year,
        "--lang",
        "en",
    )
    assert code == 2, stdout + stderr
    assert "1800<=x<=2100" in stderr
    assert snapshot(tmp_path / "in") == before


# found: an entry that is not a mapping was "file must be a mapping (key: value pairs)", as if
# the whole file were wrong
@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            CASES["an-entry-that-is-a-string"],
            "sites[0]: sites[0] must be a mapping (key: value pairs), not text",
        ),
        (CASES["a-claim-that-is-a-number"], "claims[0]: claims[0] must be a mapping (key: value pairs), not"),
    ],
)
def test_an_entry_that_is_not_a_mapping_is_named_in_the_message(
    case: Case, expected: str, tmp_path: Path
) -> None:
    data = _build(case, tmp_path / "in")
    code, stdout, _ = _run(data, "validate", "--lang", "en")
    assert code == 1
    assert expected in stdout


# found: 'diff HEAD^{/[}' (a commit search with an invalid regular expression) read as an empty
# registry ("the registry file is empty", exit 1): git show prints nothing and exits 0 for it,
# though git cat-file refuses it; now a revision git cannot show (exit 2) with git's reason
def test_diff_refuses_a_revision_git_shows_as_nothing(tmp_path: Path) -> None:
    import subprocess

    data = _mini(tmp_path)
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "one"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=data,
            check=True,
            capture_output=True,
        )
    code, stdout, stderr = _run(data, "diff", "HEAD^{/[}", str(data / "companies.yaml"), "--lang", "en")
    assert code == 2, stdout + stderr
    assert "git cannot show HEAD^{/[}:companies.yaml" in stderr
    assert (
        "git does not know revision 'HEAD^{/[}'" in stderr
    )  # git's "invalid object name", in words of the catalogue
    code, _, stderr = _run(data, "diff", "HEAD", str(data / "companies.yaml"), "--lang", "en")
    assert code == 0, stderr
