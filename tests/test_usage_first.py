"""An option value no registry can make right is a usage error (exit 2) before any file is
looked for: with a registry or claims file that is missing as well, the answer is the usage
error, not "file not found" (exit 3). Issue 17's leftover: ``claims --year 2101`` without a
claims file exited 3."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app

# (arguments after the global options, the English message the error gives)
CASES: list[tuple[list[str], str]] = [
    (["claims", "--year", "2101"], "year 2101 is out of range"),
    (["stats", "-r", "nijmegen", "--year", "1200"], "year 1200 is out of range"),
    (["coverage", "-r", "nijmegen", "--year", "1899"], "year 1899 is out of range"),
    (["compare", "nijmegen", "dresden", "--year", "0"], "year 0 is out of range"),
    (["near", "Nijmegen", "--year", "2101"], "year 2101 is out of range"),
    (["export", "--year", "2101"], "year 2101 is out of range"),
    (["map", "nl", "-o", "a.html", "--year", "2101"], "year 2101 is out of range"),
    (["map", "region", "nijmegen", "-o", "a.png", "--year", "2101"], "year 2101 is out of range"),
    (["map", "compare", "nijmegen", "-o", "a.html", "--year", "2101"], "year 2101 is out of range"),
    (["report", "-r", "nijmegen", "-o", "out", "--year", "2101"], "year 2101 is out of range"),
    (["near", "Nijmegen", "--country", "NLD"], "'NLD' is not a two-letter country code"),
    (["coverage", "-r", "nijmegen", "--wafer-mm", "0"], "wafer size must be a positive number of mm, not 0"),
    (["near", "Nijmegen", "--radius-km", "-2.5"], "radius must be a positive number of km, not -2.5"),
    (["near", "91,5"], "'91,5' is not a valid latitude,longitude pair"),
    (
        ["compare", "--definition", "a", "--definition", "b"],
        "give one definition for all regions, or REGION=DEFINITION pairs",
    ),
    (["gaps", "-r", "nijmegen", "--limit", "0"], "the number of candidates must be from 1 to 50, not 0"),
    (
        ["report", "-r", "nijmegen", "-o", "out", "--radius-km", "0"],
        "radius must be a positive number of km, not 0",
    ),
    (
        ["map", "nl", "-o", "annex.png", "--format", "svg"],
        "--format svg contradicts the output file name annex.png",
    ),
    (["map", "nl", "-o", "annex.exe"], "cannot tell from the name annex.exe which format to write"),
]


@pytest.mark.parametrize(("args", "message"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_wrong_option_value_is_a_usage_error_before_a_missing_file(
    args: list[str], message: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nothing-here" / "companies.yaml"
    done = CliRunner().invoke(app, ["--registry", str(missing), *args, "--lang", "en"])
    assert done.exit_code == 2, done.output
    assert done.stderr.splitlines()[0] == f"lifeport-map: error: {message}"
    assert "not found" not in done.stderr
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == []


def test_the_year_error_follows_a_lang_given_after_the_option(tmp_path: Path) -> None:
    """--year is checked as it is read; its error is in the --lang that comes later."""
    missing = str(tmp_path / "companies.yaml")
    args = ["--registry", missing, "claims", "--year", "2101", "--claims", missing]
    dutch = CliRunner().invoke(app, [*args, "--lang", "nl"])
    english = CliRunner().invoke(app, ["--lang", "nl", *args, "--lang", "en"])
    assert (dutch.exit_code, english.exit_code) == (2, 2)
    assert dutch.stderr == (
        "lifeport-map: fout: jaar 2101 valt buiten het bereik\n"
        "    tip: geef een jaar van 1900 tot en met 2100, bijvoorbeeld --year 2030\n"
    )
    assert english.stderr == (
        "lifeport-map: error: year 2101 is out of range\n"
        "    hint: give a year between 1900 and 2100, e.g. --year 2030\n"
    )


def test_a_missing_claims_file_with_a_good_year_is_still_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "claims.yaml"
    done = CliRunner().invoke(app, ["claims", "--year", "2030", "--claims", str(missing), "--lang", "en"])
    assert done.exit_code == 3, done.output
    assert "[io.not-found]" in done.stderr
