"""One broken registry per failure mode: each gives its code at its line and field, and writes
nothing.

The fixtures live in tests/fixtures/invalid/ (rebuilt by tests/fixtures/build_invalid.py); the
first lines of each say which code is expected at which line and field ('-' for a problem of
the whole file, such as a YAML error). Most cases run in-process through typer's test runner so
the whole corpus takes seconds; a handful also run as real processes, as a user would.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import FIXTURES, MINI, run_cli, snapshot

INVALID = FIXTURES / "invalid"
REGIONS = MINI / "regions"
EXPECT = re.compile(r"# expect: (\S+) at line (\d+) field (\S+)")
Expected = tuple[str, int, str]


def expectations(path: Path) -> list[Expected]:
    """(code, line, field) for each '# expect:' line of the fixture or its .expect sidecar."""
    sidecar = path.with_suffix(".expect")
    header = sidecar.read_text() if sidecar.exists() else path.read_bytes()[:4000].decode("utf-8", "replace")
    found = [(code, int(line), "" if field == "-" else field) for code, line, field in EXPECT.findall(header)]
    assert found, f"{path.name} lacks an '# expect: CODE at line N field FIELD' header"
    return found


CASES = sorted(INVALID.glob("*.yaml"))


def validate_in_process(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["--registry", str(path), "--regions", str(REGIONS), "validate", "--format", "json"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_there_is_a_fixture_per_failure_mode() -> None:
    assert len(CASES) >= 60
    assert all(expectations(path) for path in CASES)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_registry_is_reported(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    before = snapshot(INVALID)
    code, stdout, stderr = validate_in_process(path)
    assert code == 1, stdout + stderr
    assert "Traceback" not in stdout + stderr
    issues = json.loads(stdout)["issues"]
    found = [(i["code"], i["line"], i["field"]) for i in issues]
    for expected in expectations(path):
        assert expected in found, f"expected {expected}, got {found}"
    for issue in issues:
        assert issue["file"] == str(path) and issue["line"] >= 1, issue
        assert issue["message"] and issue["hint"], issue
    assert snapshot(INVALID) == before
    assert list(tmp_path.iterdir()) == []


def test_every_error_of_a_registry_is_reported_in_one_run() -> None:
    path = INVALID / "many-errors-at-once.yaml"
    expected = expectations(path)
    assert len(expected) >= 5
    _code, stdout, _stderr = validate_in_process(path)
    report = json.loads(stdout)
    found = {(i["code"], i["line"], i["field"]) for i in report["issues"]}
    assert set(expected) <= found
    assert report["errors"] == len(expected)


# A few cases as real processes: the console script, its exit code and stderr end to end.
SUBPROCESS_CASES = ["website-javascript-entity", "utf16", "alias-bomb", "huge-number", "many-errors-at-once"]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_invalid_registry_in_a_real_process(name: str, tmp_path: Path) -> None:
    path = INVALID / f"{name}.yaml"
    before = snapshot(INVALID)
    result = run_cli("--registry", str(path), "--regions", str(REGIONS), "validate", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for code, line, field in expectations(path):
        assert re.search(
            rf"^{re.escape(str(path))}:{line}:\d+: fout: \[{re.escape(code)}\]"  # Dutch by default
            + (rf" [^:]*: {re.escape(field)}:" if field else ""),
            result.stdout,
            re.MULTILINE,
        ), (code, line, field, result.stdout)
    assert "tip:" in result.stdout
    assert snapshot(INVALID) == before
    assert list(tmp_path.iterdir()) == []


def test_text_format_names_file_line_and_field(tmp_path: Path) -> None:
    path = INVALID / "unknown-field.yaml"
    result = run_cli("--registry", str(path), "--regions", str(REGIONS), "validate", cwd=tmp_path)
    assert result.returncode == 1
    [(_code, line, _field)] = expectations(path)
    assert f"{path}:{line}:" in result.stdout
    assert "alpha-nijmegen: colour" in result.stdout
    assert "tip:" in result.stdout


def test_a_file_of_tens_of_megabytes_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    """Written at test time (never committed): 70 MB of YAML, over the 64 MB limit."""
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"sites:\n")
        line = b"  # " + b"x" * 1020 + b"\n"
        for _ in range(70 * 1024):
            handle.write(line)
    code, stdout, _stderr = validate_in_process(big)
    assert code == 1
    [issue] = json.loads(stdout)["issues"]
    assert (issue["code"], issue["line"]) == ("yaml.too-large", 1)


def test_tens_of_megabytes_under_the_limit_fail_on_their_content(tmp_path: Path) -> None:
    """A 20 MB file under the size limit: one value is far too long, and that is what is said."""
    big = tmp_path / "big.yaml"
    big.write_text("sites:\n  - id: a\n    notes: " + "x" * (20 * 1024 * 1024) + "\n")
    code, stdout, _stderr = validate_in_process(big)
    assert code == 1
    [issue] = json.loads(stdout)["issues"]
    assert (issue["code"], issue["line"]) == ("yaml.too-long", 3)


def test_size_limit_can_be_lowered_for_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIFEPORT_MAX_BYTES", "1000")
    code, stdout, _stderr = validate_in_process(MINI / "companies.yaml")
    assert code == 1
    assert json.loads(stdout)["issues"][0]["code"] == "yaml.too-large"


# --- region folders (tests/fixtures/invalid-regions/, built by build_invalid.py) -----------------
REGION_CASES = sorted(p for p in (FIXTURES / "invalid-regions").iterdir() if p.is_dir())
REGION_EXPECT = re.compile(r"# expect: (\S+) at line (\d+) field (\S+) in (\S+)")
# Commands that read the regions without the semantic checks of validate: they must refuse a
# broken region folder with the same message, never crash on it.
ANALYSES = [
    ["compare", "--format", "json"],
    ["coverage", "--region", "dresden"],
    ["export", "--format", "csv"],
    ["gaps", "--region", "dresden"],
    ["stats", "--region", "dresden"],
]


@pytest.mark.parametrize("folder", REGION_CASES, ids=[p.name for p in REGION_CASES])
def test_invalid_region_folder_is_reported(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    [(code, line, field, where)] = REGION_EXPECT.findall((folder / "expect.txt").read_text())
    before = snapshot(folder)
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(MINI / "companies.yaml"),
            "--regions",
            str(folder),
            "validate",
            "--format",
            "json",
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.stdout + result.stderr
    issues = json.loads(result.stdout)["issues"]
    file = str(folder / f"{where}.yaml") if where != "-" else str(folder)
    found = [(i["code"], i["line"], i["field"], i["file"]) for i in issues]
    assert (code, int(line), "" if field == "-" else field, file) in found, found
    assert all(i["hint"] for i in issues)
    assert snapshot(folder) == before
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", REGION_CASES, ids=[p.name for p in REGION_CASES])
def test_analyses_refuse_an_invalid_region_folder_cleanly(folder: Path, tmp_path: Path) -> None:
    [(code, _line, _field, _where)] = REGION_EXPECT.findall((folder / "expect.txt").read_text())
    for command in ANALYSES:
        result = CliRunner().invoke(
            app, ["--registry", str(MINI / "companies.yaml"), "--regions", str(folder), *command]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command,
            result.exception,
        )
        if code.startswith(("schema.", "region.")) and code not in ("region.overlap-not-found",):
            assert result.exit_code == 1, (command, result.stdout + result.stderr)
            assert f"[{code}]" in result.stderr, (command, result.stderr)


# --- boundary files for `regions import-boundary` (tests/fixtures/invalid-boundaries/) ----------
# Each NAME.geojson has a NAME.expect sidecar: the exit code and the region it is imported for,
# where the problem is ('# at: LINE:COL FIELD', counted by hand in the file; '-' for no field),
# the message (and optionally a hint) that must be said. The import runs on a copy of the mini
# region folder, which must be byte-identical afterwards, with no temporary file or boundaries
# folder left behind. The same files planted as a region's stored boundary are refused by
# validate and by every analysis at the same line, column and field.
BOUNDARY_CASES = sorted((FIXTURES / "invalid-boundaries").glob("*.geojson"))
BOUNDARY_EXPECT = re.compile(r"# expect: exit (\d+) region (\S+)")
BOUNDARY_AT = re.compile(r"^# at: (\d+):(\d+) (\S+)$", re.MULTILINE)


class BoundaryCase(NamedTuple):
    code: int
    region: str
    message: str
    hint: str
    line: int
    col: int
    field: str
    at: list[tuple[int, int, str]]  # every error reported, in file order (several '# at:' lines)
    more: int  # errors found beyond the first 50 reported ('# more: N')
    said: dict[str, tuple[str, str]]  # the first error's whole message and hint by language ('# nl:')


def boundary_expectations(path: Path) -> BoundaryCase:
    sidecar = path.with_suffix(".expect").read_text(encoding="utf-8")
    [(code, region)] = BOUNDARY_EXPECT.findall(sidecar)
    [message] = re.findall(r"^# message: (.+)$", sidecar, re.MULTILINE)
    hints = re.findall(r"^# hint: (.+)$", sidecar, re.MULTILINE)
    at = BOUNDARY_AT.findall(sidecar)
    line, col, field = at[0] if at else ("0", "0", "-")
    return BoundaryCase(
        int(code),
        region,
        message,
        hints[0] if hints else "",
        int(line),
        int(col),
        "" if field == "-" else field,
        [(int(a), int(b), "" if c == "-" else c) for a, b, c in at],
        int(next(iter(re.findall(r"^# more: (\d+)$", sidecar, re.MULTILINE)), "0")),
        {
            lang: (said[0], hint[0])
            for lang in ("nl", "en")
            if (said := re.findall(rf"^# {lang}: (.+)$", sidecar, re.MULTILINE))
            and (hint := re.findall(rf"^# {lang}-hint: (.+)$", sidecar, re.MULTILINE))
        },
    )


def test_there_is_a_boundary_fixture_per_import_failure() -> None:
    names = {p.stem for p in BOUNDARY_CASES}
    assert {"self-intersecting", "swapped-lat-lon", "far-from-region", "nan-coordinate", "too-deep"} <= names
    assert all(p.with_suffix(".expect").exists() for p in BOUNDARY_CASES)
    # every refused content names its line and column (only the unknown region, a usage error, not)
    for path in BOUNDARY_CASES:
        case = boundary_expectations(path)
        assert (case.code, case.line >= 1) in ((1, True), (2, False)), path.name


STORED_CASES = [p for p in BOUNDARY_CASES if boundary_expectations(p).code == 1]


@pytest.mark.parametrize("path", BOUNDARY_CASES, ids=[p.stem for p in BOUNDARY_CASES])
def test_invalid_boundary_file_is_refused_and_nothing_is_written(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = boundary_expectations(path)
    regions = tmp_path / "regions"
    shutil.copytree(REGIONS, regions)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(regions), snapshot(path.parent)
    entries = sorted(p.name for p in regions.iterdir())
    result = CliRunner().invoke(app, _import_args(regions, path, case.region))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case.code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert case.message in result.stderr, result.stderr
    assert "hint:" in result.stderr and case.hint in result.stderr, result.stderr
    if case.line:  # file:line:col: error: [code] field: message, on one line
        field = re.escape(case.field) + ": " if case.field else ""
        head = rf"^{re.escape(str(path))}:{case.line}:{case.col}: error: \[boundary\.[a-z0-9-]+\] {field}"
        assert re.search(head + rf".*{re.escape(case.message)}", result.stderr, re.MULTILINE), result.stderr
    # every error, each on its own line at its place, in file order; then how many there are
    reported = re.findall(
        rf"^{re.escape(str(path))}:(\d+):(\d+): error: \[boundary\.[a-z0-9-]+\] (\S+):",
        result.stderr,
        re.MULTILINE,
    )
    assert [(int(a), int(b), c) for a, b, c in reported] == [a for a in case.at if a[2]], result.stderr
    if len(case.at) > 1:
        first = f" (the first {len(case.at)} shown)" if case.more else ""
        assert f"lifeport-map: {len(case.at) + case.more} errors in {path}{first}\n" in result.stderr
    assert (snapshot(regions), snapshot(path.parent)) == before
    assert sorted(p.name for p in regions.iterdir()) == entries  # no temporary file, no boundaries/
    assert list(work.iterdir()) == []


@pytest.mark.parametrize("path", STORED_CASES, ids=[p.stem for p in STORED_CASES])
def test_invalid_boundary_file_is_refused_alike_in_either_language(path: Path, tmp_path: Path) -> None:
    """Dutch (the default) and English: the same exit code and the same errors (file:line:col,
    code, field) in the same order; the first one's whole message and hint as the sidecar's
    '# nl:' and '# en:' lines say; the count of errors in the language."""
    case = boundary_expectations(path)
    assert set(case.said) == {"nl", "en"}, f"{path.stem}.expect lacks '# nl:' or '# en:' lines"
    regions = tmp_path / "regions"
    shutil.copytree(REGIONS, regions)
    place = re.compile(
        rf"^{re.escape(str(path))}:(\d+):(\d+): (?:fout|error): \[([a-z0-9.-]+)\] ", re.MULTILINE
    )
    found = {}
    for lang, (error, hint) in (("nl", ("fout", "tip")), ("en", ("error", "hint"))):
        args = [a if a != "en" else lang for a in _import_args(regions, path, case.region)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == case.code == 1, result.stderr
        found[lang] = place.findall(result.stderr)
        message, tip = case.said[lang]
        field = f"{case.field}: " if case.field else ""
        code = found[lang][0][2]
        first = f"{path}:{case.line}:{case.col}: {error}: [{code}] {field}{message}\n    {hint}: {tip}\n"
        assert result.stderr.startswith(first), result.stderr
        if len(case.at) > 1:
            total = len(case.at) + case.more
            shown = len(case.at)
            counted = {
                "nl": f"lifeport-map: {total} fouten in {path}"
                + (f" (de eerste {shown} staan hierboven)" * bool(case.more)),
                "en": f"lifeport-map: {total} errors in {path}"
                + (f" (the first {shown} shown)" * bool(case.more)),
            }[lang]
            assert result.stderr.endswith(counted + "\n"), result.stderr
    assert found["nl"] == found["en"] and len(found["nl"]) == len(case.at)


def test_invalid_boundary_file_in_a_real_process(tmp_path: Path) -> None:
    path = FIXTURES / "invalid-boundaries" / "self-intersecting.geojson"
    case = boundary_expectations(path)
    regions = tmp_path / "regions"
    shutil.copytree(REGIONS, regions)
    before = snapshot(regions)
    result = run_cli(*_import_args(regions, path, case.region))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        f"{path}:2:19: error: [boundary.invalid-polygon] coordinates[0][0]: {case.message}\n"
    ), result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(regions) == before


STORED = STORED_CASES
STORED_DEFINITION = """  - id: official
    type: boundary
    name: {nl: Officieel, en: Official}
    boundary: boundaries/nijmegen-official.geojson
    source: {url: "https://example.org/boundary", year: 2024}
"""


def with_stored_boundary(tmp_path: Path, boundary: Path) -> tuple[Path, Path]:
    """A copy of the mini regions whose Nijmegen has a boundary definition storing ``boundary``
    byte for byte (as if committed by hand, never imported)."""
    regions = tmp_path / "regions"
    shutil.copytree(REGIONS, regions)
    region_file = regions / "nijmegen.yaml"
    text = region_file.read_text(encoding="utf-8")
    region_file.write_text(text.replace("definitions:\n", "definitions:\n" + STORED_DEFINITION, 1))
    stored = regions / "boundaries" / "nijmegen-official.geojson"
    stored.parent.mkdir()
    stored.write_bytes(boundary.read_bytes())
    return regions, stored


def test_a_good_stored_boundary_passes(tmp_path: Path) -> None:
    regions, _stored = with_stored_boundary(
        tmp_path, FIXTURES / "invalid-boundaries" / "unknown-region.geojson"
    )
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(MINI / "companies.yaml"),
            "--regions",
            str(regions),
            "validate",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stdout
    assert not [i for i in json.loads(result.stdout)["issues"] if i["code"].startswith("boundary.")]


@pytest.mark.parametrize("path", STORED, ids=[p.stem for p in STORED])
def test_invalid_stored_boundary_is_reported_at_its_line_and_field(path: Path, tmp_path: Path) -> None:
    case = boundary_expectations(path)
    regions, stored = with_stored_boundary(tmp_path, path)
    before = snapshot(regions)
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(MINI / "companies.yaml"),
            "--regions",
            str(regions),
            "validate",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.stdout + result.stderr
    found = [i for i in json.loads(result.stdout)["issues"] if i["file"] == str(stored)]
    counted = [i for i in found if i["code"] == "boundary.more-errors"]
    found = [i for i in found if i["code"] != "boundary.more-errors"]
    # the errors beyond the first 50 are counted in one more issue
    assert [i["message"].split(" (")[0] for i in counted] == (
        [f"{case.more} more errors in this file are not shown"] if case.more else []
    ), counted
    assert [(i["line"], i["col"], i["field"], i["entry"]) for i in found] == [
        (line, col, field, "nijmegen") for line, col, field in case.at
    ], found
    assert case.message in found[0]["message"] and "definition 'official'" in found[0]["message"]
    assert found[0]["hint"]
    # an analysis reads the regions the same way: it refuses at the same place, exit 1
    compare = CliRunner().invoke(
        app, ["--registry", str(MINI / "companies.yaml"), "--regions", str(regions), "compare"]
    )
    assert compare.exit_code == 1, compare.stdout + compare.stderr
    assert f"{stored}:{case.line}:{case.col}: fout: [" in compare.stderr, compare.stderr
    assert "Traceback" not in compare.stdout + compare.stderr
    assert snapshot(regions) == before


def test_numbers_that_are_not_finite_are_counted_outside_strings() -> None:
    """NaN, -Infinity, 1e999, -2E+400, a 401-digit integer and a nested Infinity: six; the
    same words in a string and 1.5e308 (finite) are not counted."""
    from lifeport_map.geojson_io import _STRICT, _count_not_finite, all_refused

    text = (
        '{"a": "NaN Infinity 1e999", "b": [NaN, -Infinity, 1e999, -2E+400, 1'
        + "0" * 400
        + ', 1.5e308, 5.8, 12e3], "c": {"d": [[Infinity]]}}'
    )
    assert _count_not_finite(text) == 6
    assert [path for path, _ in all_refused(text, _STRICT)] == [
        ("b", 0),
        ("b", 1),
        ("b", 2),
        ("b", 3),
        ("b", 4),
        ("c", "d", 0, 0),
    ]


def _import_args(regions: Path, path: Path, region: str) -> list[str]:
    """The arguments of ``regions import-boundary PATH --region REGION`` on ``regions``, in English."""
    return [
        "--regions",
        str(regions),
        "regions",
        "import-boundary",
        str(path),
        "--region",
        region,
        "--lang",
        "en",
    ]
