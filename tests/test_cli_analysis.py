"""The analysis commands as a user runs them: formats, languages, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.analysis_support import ANALYSIS, ANALYSIS_ARGS, geodesic_km_independent
from tests.conftest import run_cli, snapshot

COMMANDS = ["coverage", "compare", "gaps", "whatif", "near", "stats", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_an_example(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert "Voorbeeld: lifeport-map " + command in result.stdout
    result = run_cli(command, "--help", "--lang", "en")
    assert result.returncode == 0
    assert "Example: lifeport-map " + command in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["coverage", "--region", "lifeport"],
        ["compare"],
        ["gaps", "--region", "nijmegen"],
        ["whatif", "--region", "nijmegen", "--without", "fab-nijmegen"],
        ["near", "Nijmegen", "--radius-km", "100"],
        ["stats", "--region", "nijmegen"],
    ],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_every_format_and_language(args: list[str], fmt: str) -> None:
    for lang in ("nl", "en"):
        result = run_cli(*ANALYSIS_ARGS, *args, "--format", fmt, "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
        if fmt == "markdown":
            assert "<script" not in result.stdout and "javascript:" not in result.stdout
        if fmt == "json":
            json.loads(result.stdout)
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";" if lang == "nl" else ","))
            assert len(rows) >= 2 and len(rows[0]) >= 2
            assert not any(c.startswith(("=", "+", "@")) for row in rows for c in row)


def test_coverage_json_shape() -> None:
    result = run_cli(*ANALYSIS_ARGS, "coverage", "--region", "nijmegen", "--format", "json")
    data = json.loads(result.stdout)
    assert data["region"]["id"] == "nijmegen"
    # industrial presence: the university is beside front-end and back-end, not in them
    assert [(p["phase"], p["count"], p["knowledge"]["count"]) for p in data["phases"]] == [
        ("design", 2, 0),
        ("front-end", 1, 1),
        ("back-end", 1, 1),
        ("system-integration", 1, 0),
    ]
    assert all({"id", "name"} <= set(a) for p in data["phases"] for a in p["actors"])
    every = run_cli(*ANALYSIS_ARGS, "coverage", "-r", "nijmegen", "--roles", "all", "--format", "json")
    assert [p["count"] for p in json.loads(every.stdout)["phases"]] == [2, 2, 2, 1]


def test_coverage_definition_option() -> None:
    result = run_cli(
        *ANALYSIS_ARGS, "coverage", "-r", "nijmegen", "--definition", "radius-10km", "-f", "json"
    )
    assert json.loads(result.stdout)["sites"] == 3


def test_terminal_output_does_not_interpret_markup() -> None:
    result = run_cli(
        *ANALYSIS_ARGS, "coverage", "--region", "nijmegen", "--lang", "en", env={"COLUMNS": "250"}
    )
    assert "[red]EMS[/red]" in result.stdout
    assert "\x1b" not in result.stdout


def test_compare_json_lists_regions() -> None:
    result = run_cli(
        *ANALYSIS_ARGS,
        "compare",
        "nijmegen",
        "Silicon Saxony",
        "-f",
        "json",
        "--definition",
        "nijmegen=radius-10km",
    )
    data = json.loads(result.stdout)
    assert [c["region"]["id"] for c in data["regions"]] == ["nijmegen", "dresden"]
    assert data["definitions"][0]["id"] == "radius-10km"


@pytest.mark.parametrize(
    "args, needle",
    [
        (["coverage", "--region", "nijmgen"], "nijmegen"),
        (["whatif", "--region", "nijmegen", "--without", "fab-nijmgen"], "fab-nijmegen"),
        (["near", "Nijmegn", "--radius-km", "10"], "Nijmegen"),
        (["near", "Nijmegen", "--radius-km", "10", "--phase", "frontend"], "front-end"),
        (["coverage", "--region", "nijmegen", "--definition", "nope"], "two"),
        (["coverage", "--region", "nijmegen", "--roles", "producers"], "industry, production, all"),
    ],
)
def test_usage_errors_exit_2_with_closest_matches(args: list[str], needle: str) -> None:
    result = run_cli(*ANALYSIS_ARGS, *args)
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson", "graphml"])
def test_export_writes_atomically(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"registry.{fmt}"
    result = run_cli(*ANALYSIS_ARGS, "export", "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    # no temporary file left; a CSV gets its licence and attribution beside it (CSVW)
    expected = [out.name, f"{out.name}-metadata.json"] if fmt == "csv" else [out.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    # and says what it wrote, as map and report do (in the default Dutch)
    assert result.stdout == "geschreven: " + ", ".join(str(tmp_path / name) for name in expected) + "\n"


def test_export_to_a_missing_folder_is_an_io_error(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    result = run_cli(
        *ANALYSIS_ARGS, "export", "--format", "csv", "--output", str(tmp_path / "missing" / "x.csv")
    )
    assert result.returncode == 3
    assert f"map {tmp_path / 'missing'} bestaat niet" in result.stderr
    assert snapshot(tmp_path) == before


def test_export_to_stdout() -> None:
    result = run_cli(*ANALYSIS_ARGS, "export", "--format", "geojson")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["features"]) == 13
    assert "GeoNames" in json.loads(result.stdout)["attribution"]["credits"]


def test_csv_export_to_stdout_says_where_its_attribution_goes() -> None:
    result = run_cli(*ANALYSIS_ARGS, "export", "--format", "csv")
    assert result.returncode == 0
    assert result.stdout.startswith("id,name,")
    assert "CC BY 4.0" in result.stderr and "--output" in result.stderr


def test_invalid_registry_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "companies.yaml"
    broken.write_text("sites:\n  - id: x\n    unknown: 1\n", encoding="utf-8")
    result = run_cli(
        "--registry", str(broken), "--regions", str(ANALYSIS / "regions"), "coverage", "--region", "nijmegen"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_shipped_registry_commands() -> None:
    coverage = json.loads(run_cli("coverage", "--region", "nijmegen", "-f", "json").stdout)
    assert all(p["count"] > 0 for p in coverage["phases"])
    compare = json.loads(run_cli("compare", "-f", "json").stdout)
    assert len(compare["regions"]) == 6
    whatif = json.loads(run_cli("whatif", "-r", "nijmegen", "--without", "nxp-nijmegen", "-f", "json").stdout)
    assert ("front-end", "wafer-fab") in [(a["phase"], a["activity"]) for a in whatif["lost"]["activities"]]
    near = run_cli(
        "near",
        "Nijmegen",
        "--radius-km",
        "300",
        "--phase",
        "front-end",
        "--role",
        "production",
        "--lang",
        "en",
        env={"COLUMNS": "200"},
    )
    assert near.returncode == 0
    assert "nxp-nijmegen" in near.stdout and "Distance (km)" in near.stdout


def test_whatif_warns_on_stderr_in_the_chosen_language() -> None:
    """A removed site outside the region is named on stderr (every format), in Dutch or English,
    with the region's name; JSON on stdout stays parseable and carries the warning as data."""
    args = [*ANALYSIS_ARGS, "whatif", "-r", "nijmegen", "-w", "fab-dresden"]
    dutch = run_cli(*args)
    assert dutch.returncode == 0
    assert dutch.stderr == (
        "waarschuwing: fab-dresden ligt niet in Thuisregio (Nijmegen en Duiven); weglaten verandert niets\n"
    )
    english = run_cli(*args, "--lang", "en", "-f", "json")
    assert english.stderr == (
        "warning: fab-dresden is not in Home region (Nijmegen and Duiven); removing it changes nothing\n"
    )
    assert [w["site"] for w in json.loads(english.stdout)["warnings"]] == ["fab-dresden"]
    assert run_cli(*ANALYSIS_ARGS, "whatif", "-r", "nijmegen", "-w", "fab-nijmegen").stderr == ""


def test_compare_heads_its_columns_with_region_names() -> None:
    out = run_cli(*ANALYSIS_ARGS, "compare", "nijmegen", "dresden", "-f", "csv").stdout
    assert out.splitlines()[0] == "Fase;Thuisregio;Dresden"
    out = run_cli(*ANALYSIS_ARGS, "compare", "nijmegen", "dresden", "-f", "markdown", "--lang", "en").stdout
    assert "| Phase | Home region | Dresden |" in out
    assert "Definition Home region: Nijmegen and Duiven" in out


def test_csv_dialects() -> None:
    """Dutch CSV (the default under --lang nl) has ';' and decimal commas, English ',' and
    points; --csv-dialect overrides the language. A negative number stays a number (not
    defused); text is still defused. Nijmegen's design quotient in the fixture's compare is 0.5
    (hand count in test_analysis_compare), fab-nijmegen is 0 km from Nijmegen."""
    dutch = run_cli(*ANALYSIS_ARGS, "stats", "-r", "nijmegen", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(dutch), delimiter=";"))
    assert rows[0] == [
        "Cijfer",
        "Jaar",
        "Groep",
        "Eenheid",
        "Gepubliceerd",
        "Register",
        "Verschil",
        "Dekking",
    ]
    # 2026: published 2850, registry 1350 (fab 1000 + osat 300 + ems 50): difference -1500
    assert rows[1][:7] == ["Werknemers per pijler 2026", "2026", "", "personen", "2850", "1350", "-1500"]
    english = run_cli(*ANALYSIS_ARGS, "stats", "-r", "nijmegen", "-f", "csv", "--csv-dialect", "en").stdout
    assert english.splitlines()[:2] == [
        "Cijfer,Jaar,Groep,Eenheid,Gepubliceerd,Register,Verschil,Dekking",
        "Werknemers per pijler 2026,2026,,personen,2850.0,1350,-1500.0,"
        "3 van 4 vestigingen met cijfer; 47 % van het gepubliceerde totaal",  # 1350 / 2850
    ]
    # fab-nijmegen (Nijmegen) to osat-duiven (Duiven): 16.04 km, independently computed
    km = f"{geodesic_km_independent(51.8425, 5.85278, 51.94667, 6.01389):.2f}"
    assert km == "16.04"
    near = [*ANALYSIS_ARGS, "near", "fab-nijmegen", "--radius-km", "20", "-f", "csv"]
    assert "\n16,04;osat-duiven;Packco Duiven;" in run_cli(*near).stdout
    assert (
        "\n16.04,osat-duiven,Packco Duiven," in run_cli(*near, "--lang", "en").stdout
    )  # as Python writes it
    assert "\n16.04,osat-duiven," in run_cli(*near, "--csv-dialect", "en").stdout
