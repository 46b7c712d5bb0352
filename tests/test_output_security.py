"""Every output of every command, fed the hostile registry (tests/fixtures/hostile/): the text
arrives unchanged where the format carries text (JSON, GeoJSON, GraphML), and inert everywhere
else: no markup or script in HTML and Markdown, no formulas in CSV (also for a spreadsheet set
to the other separator), no escape codes, rich markup or GitHub workflow commands in the terminal
(a CI log), no forged GitHub annotations, no NaN in JSON, no file outside its folder.

The same registry is opened in headless Chromium in tests/browser/test_hostile_outputs.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.registry import load_registry
from tests.conftest import FIXTURES, snapshot

HOSTILE = FIXTURES / "hostile"
ARGS = ["--registry", str(HOSTILE / "companies.yaml"), "--regions", str(HOSTILE / "regions")]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters that change what a terminal or a reader sees: escapes, bidi overrides, separators.
TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
ANALYSES = {
    "coverage": ["coverage", "--region", "nijmegen"],
    "compare": ["compare", "nijmegen", "dresden"],
    "gaps": ["gaps", "--region", "nijmegen"],
    "whatif": ["whatif", "--region", "nijmegen", "--without", "alpha-nijmegen"],
    "near": ["near", "Nijmegen", "--radius-km", "600"],
    "stats": ["stats", "--region", "nijmegen"],
}


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, [*ARGS, *args], env={"COLUMNS": "400"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def hostile_texts(*, aliases: bool = True) -> set[str]:
    """The names, organisations (and aliases) of the hostile registry, as loaded."""
    registry = load_registry(HOSTILE / "companies.yaml", HOSTILE / "regions")
    texts: set[str] = set()
    for site in registry.sites:
        texts |= {site.name, site.organisation, *(site.aliases if aliases else ())}
    return texts


def test_the_hostile_registry_is_valid_so_that_every_output_renders_it() -> None:
    result = invoke("validate", "--format", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["errors"] == 0
    assert {
        "<img src=x onerror=alert(1)>",
        '=HYPERLINK("http://x")',
        "-2+3",
        "@SUM(1)",
        "::error file=x::forged",
        "%0A::error::forged ##[error]forged and more words ::warning title=x::forged",
    } <= hostile_texts()


# --- terminal -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ANALYSES)
def test_terminal_tables_show_markup_literally_and_no_escape_codes(name: str) -> None:
    result = invoke(*ANALYSES[name], "--format", "table", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not TERMINAL_CONTROLS.search(out), repr(TERMINAL_CONTROLS.search(out))
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    if name in ("coverage", "gaps", "near", "whatif"):
        assert "<img src=x onerror=alert(1)>" in out or "alert(1)" in out


# A GitHub Actions job reads its log for workflow commands: "::" and a name at the start of a line
# (after spaces) and, in the older syntax, "##[" and a name anywhere in a line (actions/runner,
# ActionCommand). CI prints `claims --lang en` and validate's text there; a table or paragraph
# that wraps can put any part of a name at the start of a line, so no width may leave one.
WORKFLOW_COMMAND = re.compile(r"^\s*::[^\W\d]|##\[[^\W\d]", re.MULTILINE)
LOGGED = {**ANALYSES, "claims": ["claims"], "validate": ["validate"]}


@pytest.mark.parametrize("width", ["40", "80", "400"])
@pytest.mark.parametrize("name", LOGGED)
def test_terminal_output_forges_no_workflow_command_at_any_width(name: str, width: str) -> None:
    result = CliRunner().invoke(app, [*ARGS, *LOGGED[name], "--lang", "en"], env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    out = result.stdout + result.stderr
    found = WORKFLOW_COMMAND.search(out)
    assert found is None, out[max(0, found.start() - 80) : found.end() + 40]
    if name in ("claims", "coverage", "near"):
        assert "#\\x23[error" in out  # shown, as the other escapes are


# gamma-dresden's organisation: eight combining marks on one letter, which browsers and
# terminals draw as a column above the line, over whatever is there.
STACKED = "Z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308"
STACKED_SHOWN = "Z\u0301\u0302\u0303\\u0304\\u0305\\u0306\\u0307\\u0308"


def test_more_than_three_stacked_marks_are_shown_as_escapes(tmp_path: Path) -> None:
    near = ["near", "Dresden", "--radius-km", "5", "--lang", "en"]
    table = invoke(*near, "--format", "table").stdout  # folded inside its column
    assert "Z\u0301\u0302\u0303\\u0304" in table and not re.search("[\u0300-\u036f]{4}", table)
    assert STACKED_SHOWN.replace("\\", "\\\\") in invoke(*near, "--format", "markdown").stdout
    data = _strings(_strict_json(invoke(*near, "--format", "json").stdout))
    assert any(STACKED in text for text in data)  # data: as written
    out = tmp_path / "page.html"
    assert invoke("map", "compare", "nijmegen", "dresden", "--output", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert STACKED_SHOWN.replace("\\", "\\\\") in page and STACKED not in page  # a JSON string


def test_validate_shows_a_hostile_file_name_inert(tmp_path: Path) -> None:
    """`validate FILE` (pre-commit style) names each file in its summary line: a file name is
    a repository's text too."""
    named = tmp_path / "a\x1b[31mred\x07 ::error::x ##[error]y.yaml"
    shutil.copy(HOSTILE / "companies.yaml", named)
    result = CliRunner().invoke(
        app, ["--regions", str(HOSTILE / "regions"), "validate", str(named), "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout + result.stderr
    assert not TERMINAL_CONTROLS.search(out) and not WORKFLOW_COMMAND.search(out), out
    assert "a\\x1b[31mred\\x07 :\\x3aerror:\\x3ax #\\x23[error]y.yaml: 5 sites checked" in out


def test_rich_markup_in_a_name_is_printed_not_interpreted() -> None:
    out = invoke("near", "Dresden", "--radius-km", "5", "--format", "table").stdout
    assert "[red]x[/red] | `${alert(1)}`" in out


def test_validate_text_and_github_output_of_hostile_problems(tmp_path: Path) -> None:
    """Problems whose messages quote hostile values: one annotation per issue, none forged."""
    text = (HOSTILE / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace("    kind: idm\n", '    kind: "idm\\n::error file=x,line=1::forged \\e[31m"\n', 1)
    text = text.replace("    kind: ems\n", '    kind: ems\n    "::warning::x\\r\\n": 1\n', 1)
    broken = tmp_path / "companies.yaml"
    broken.write_text(text, encoding="utf-8")
    args = ["--registry", str(broken), "--regions", str(HOSTILE / "regions"), "validate"]
    github = CliRunner().invoke(app, [*args, "--format", "github"])
    assert github.exit_code == 1
    lines = github.stdout.splitlines()
    issues = json.loads(CliRunner().invoke(app, [*args, "--format", "json"]).stdout)["issues"]
    assert len(lines) == len(issues) >= 2
    for line in lines:
        assert re.fullmatch(r"::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[^,:]*::[^\r\n]*", line), (
            line
        )
        assert "\x1b" not in line
    text_out = CliRunner().invoke(app, args)
    assert text_out.exit_code == 1
    assert not TERMINAL_CONTROLS.search(text_out.stdout + text_out.stderr)
    assert not any(line.startswith("::") for line in text_out.stdout.splitlines())


# --- JSON and GeoJSON ---------------------------------------------------------------------------


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"JSON contains {constant}")

    return json.loads(text, parse_constant=refuse)


def _strings(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_strings(v) for v in value.values()), set(value)) if value else set()
    if isinstance(value, list):
        return set().union(*(_strings(v) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("name", ANALYSES)
def test_analysis_json_is_strict_and_keeps_text_unchanged(name: str) -> None:
    result = invoke(*ANALYSES[name], "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = _strict_json(result.stdout)
    if name in ("coverage", "gaps", "near", "whatif"):
        assert _strings(data) & hostile_texts()


@pytest.mark.parametrize("fmt", ["json", "geojson"])
def test_export_json_and_geojson_are_strict_and_keep_every_name(fmt: str) -> None:
    result = invoke("export", "--format", fmt)
    assert result.exit_code == 0
    data = _strict_json(result.stdout)
    assert hostile_texts(aliases=fmt == "json") <= _strings(data)
    assert "</script>" in result.stdout  # JSON is data, not HTML: text stays as written


def test_export_graphml_is_well_formed_and_keeps_every_name() -> None:
    result = invoke("export", "--format", "graphml")
    root = ET.fromstring(result.stdout_bytes)
    values = {el.text for el in root.iter() if el.text}
    assert {
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        '=HYPERLINK("http://x")',
    } <= values


# --- CSV ----------------------------------------------------------------------------------------


def _cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("name", [*ANALYSES, "export"])
def test_no_csv_cell_can_become_a_formula(name: str) -> None:
    args = ["export", "--format", "csv"] if name == "export" else [*ANALYSES[name], "--format", "csv"]
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    cells = _cells(result.stdout, "," if name == "export" else ";")  # analyses: Dutch by default
    assert cells
    # spreadsheets strip leading whitespace before they look for a formula
    formulas = [c for c in cells if c.startswith(FORMULA_STARTS) or c.lstrip().startswith(FORMULA_STARTS)]
    assert formulas == []


def _formula(cell: str) -> bool:
    # spreadsheets strip leading whitespace, and the quotes of what they take for a quoted field
    return cell.startswith(FORMULA_STARTS) or cell.lstrip().lstrip('"').lstrip().startswith(FORMULA_STARTS)


@pytest.mark.parametrize("dialect", ["en", "nl"])
@pytest.mark.parametrize("name", ["export", "near"])
def test_no_csv_cell_becomes_a_formula_in_a_spreadsheet_set_to_the_other_separator(
    name: str, dialect: str
) -> None:
    """Excel splits a CSV at its region's list separator (';' in the Netherlands, ',' in England),
    whatever the file's own is, also inside a field the file quoted: 'Delta;=cmd|...' in the
    default (',') export opened by a Dutch Excel was a cell '=cmd|...' of its own."""
    args = ["export", "--format", "csv"] if name == "export" else [*ANALYSES[name], "--format", "csv"]
    result = invoke(*args, "--csv-dialect", dialect)
    assert result.exit_code == 0, result.stderr
    own, other = (",", ";") if dialect == "en" else (";", ",")
    assert [c for c in _cells(result.stdout, other) if _formula(c)] == []
    assert [c for c in _cells(result.stdout, own) if _formula(c)] == []
    shown = _cells(result.stdout, own)
    assert "'@SUM(1);' \"=cmd|' /C calc'!A0,' -2+3" in shown  # delta-nijmegen's organisation
    if name == "export":
        assert "Delta;'=cmd|' /C calc'!A0" in shown


def test_csv_keeps_the_text_after_the_defusing_quote() -> None:
    cells = _cells(invoke("export", "--format", "csv").stdout)
    assert '\'=HYPERLINK("http://x")' in cells and "'-2+3" in cells and "'@SUM(1)" in cells


# --- Markdown -----------------------------------------------------------------------------------

RAW_HTML = re.compile(r"<\s*[a-zA-Z/!?]")
SCRIPT_LINK = re.compile(r"\]\(\s*(javascript|data|vbscript):", re.IGNORECASE)


def _check_markdown(text: str) -> None:
    assert not RAW_HTML.search(text), RAW_HTML.search(text)
    assert not SCRIPT_LINK.search(text)
    for target in re.findall(r"(?<!\\)\]\(\s*([^)\s]*)", text):  # links go to the web only
        assert target.startswith(("https://", "http://")) or target == "map.png", target
    assert not TERMINAL_CONTROLS.search(text)
    for block in re.split(r"\n\s*\n", text):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) <= 1, f"a table row has a different number of cells: {rows}"


@pytest.mark.parametrize("name", ANALYSES)
def test_markdown_has_no_raw_html_no_script_links_and_intact_tables(name: str) -> None:
    result = invoke(*ANALYSES[name], "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    _check_markdown(result.stdout)


# --- maps and briefs (static checks; the browser test opens them) -------------------------------

DANGEROUS_HTML = re.compile(
    r"<img src=x|<svg onload|<script>alert|onerror=alert\(1\)>"
    r"|href=\"javascript|href='javascript",
    re.IGNORECASE,
)


def _check_page(html: str) -> None:
    assert not DANGEROUS_HTML.search(html), DANGEROUS_HTML.search(html)


@pytest.mark.parametrize(
    "args",
    [["map", "nl"], ["map", "region", "nijmegen"], ["map", "compare", "nijmegen", "dresden"]],
    ids=["nl", "region", "compare"],
)
def test_map_pages_hold_no_live_markup(args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = invoke(*args, "--output", str(out), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    _check_page(out.read_text(encoding="utf-8"))
    assert not TERMINAL_CONTROLS.search(result.stdout)


def test_report_brief_is_inert_in_markdown_and_html(tmp_path: Path) -> None:
    result = invoke("report", "--region", "nijmegen", "--output", str(tmp_path / "brief"), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "brief").iterdir()) == ["brief.html", "brief.md", "map.png"]
    _check_markdown((tmp_path / "brief" / "brief.md").read_text(encoding="utf-8"))
    _check_page((tmp_path / "brief" / "brief.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_static_figures_render_hostile_names_without_scripts(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"map.{fmt}"
    result = invoke("map", "region", "nijmegen", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    if fmt == "svg":
        svg = out.read_text(encoding="utf-8")
        ET.fromstring(svg)
        assert "<script" not in svg and "onload=" not in svg.replace("onload=alert(1)&gt;", "")


# --- file names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "region", ["../nijmegen", "../../tmp/x", "/tmp/x", "nijmegen/../nijmegen", "boundaries/../../x"]
)
def test_boundary_import_refuses_a_region_id_that_leaves_the_regions_folder(
    region: str, tmp_path: Path
) -> None:
    regions = tmp_path / "data" / "regions"
    shutil.copytree(HOSTILE / "regions", regions)
    (regions.parent / "nijmegen.yaml").write_text((HOSTILE / "regions" / "nijmegen.yaml").read_text())
    boundary = tmp_path / "b.geojson"
    boundary.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [
                                [[5.8, 51.8], [5.9, 51.8], [5.9, 51.9], [5.8, 51.9], [5.8, 51.8]]
                            ],
                        },
                    }
                ],
            }
        )
    )
    before = snapshot(tmp_path)
    result = CliRunner().invoke(
        app, ["--regions", str(regions), "regions", "import-boundary", str(boundary), "--region", region]
    )
    assert result.exit_code == 2, result.stdout + result.stderr
    assert snapshot(tmp_path) == before


def _regions_with_boundary(tmp_path: Path, boundary: str) -> Path:
    regions = tmp_path / "regions"
    shutil.copytree(FIXTURES / "mini" / "regions", regions)
    with (regions / "nijmegen.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            f"  - id: official\n    type: boundary\n    name: {{nl: b, en: b}}\n"
            f"    boundary: {boundary}\n    source: {{note: x, year: 2026}}\n"
        )
    return regions


@pytest.mark.parametrize("boundary", ["/etc/hostname", "../../../etc/hostname", "boundaries/../../x.geojson"])
def test_a_region_file_cannot_point_its_boundary_outside_the_regions_folder(
    boundary: str, tmp_path: Path
) -> None:
    regions = _regions_with_boundary(tmp_path, boundary)
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(HOSTILE / "companies.yaml"),
            "--regions",
            str(regions),
            "validate",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1
    issues = json.loads(result.stdout)["issues"]
    found = [(i["code"], i["field"]) for i in issues if i["severity"] == "error"]
    assert found == [("region.boundary-outside", "definitions[2].boundary")]


def test_a_broken_boundary_file_is_a_clean_error_and_writes_nothing(tmp_path: Path) -> None:
    regions = _regions_with_boundary(tmp_path, "boundaries/nijmegen.geojson")
    (regions / "boundaries").mkdir()
    (regions / "boundaries" / "nijmegen.geojson").write_text("{not json")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(HOSTILE / "companies.yaml"),
            "--regions",
            str(regions),
            "map",
            "region",
            "nijmegen",
            "--definition",
            "official",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.stdout + result.stderr
    # '{not json': a key is expected at line 1, column 2
    assert "nijmegen.geojson:1:2: fout: [boundary.not-json]" in result.stderr, result.stderr
    assert not out.exists()
