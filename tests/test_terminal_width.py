"""Tables on an 80-column terminal: nothing is cut, ids are whole.

Every analysis's table output at COLUMNS=80, on the hand-made registry and the shipped one:
no line is wider than 80 cells, no table cell ends in an ellipsis, and every id the JSON of the
same command names (near's sites, the claims, whatif's removed sites) appears whole in the text,
since ids are what a user copies into ``whatif`` and ``claims --id``. The layout rule itself
(``render.console.column_widths``) is checked on a hand-computed case.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.render.console import column_widths
from tests.analysis_support import ANALYSIS_ARGS

FIXTURE_COMMANDS = [
    ["coverage", "-r", "nijmegen"],
    ["compare"],
    ["near", "Nijmegen", "--radius-km", "300"],
    ["gaps", "-r", "nijmegen"],
    ["stats", "-r", "nijmegen"],
    ["whatif", "-r", "nijmegen", "-w", "fab-nijmegen", "-w", "osat-duiven"],
]
SHIPPED_COMMANDS = [
    ["coverage", "-r", "nijmegen"],
    ["compare"],
    ["near", "Nijmegen", "--radius-km", "30"],
    ["gaps", "-r", "nijmegen"],
    ["stats", "-r", "dresden"],
    ["claims"],
    ["whatif", "-r", "nijmegen", "-w", "nxp-nijmegen", "-w", "lifeport-chiptech-academy-nijmegen"],
]


def _run(args: list[str], columns: int = 80) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _ids(document: dict[str, Any]) -> list[str]:
    """The ids a user would copy from a command's output, read from its JSON."""
    if "sites" in document and isinstance(document["sites"], list):
        return [s["id"] for s in document["sites"]]
    if "claims" in document:
        return [c["id"] for c in document["claims"]]
    if "removed" in document:
        return [r["id"] for r in document["removed"]]
    return []


def _check(args: list[str]) -> None:
    text = _run(args)
    for line in text.splitlines():
        assert cell_len(line) <= 80, line
        if line[:1] in "│┃":
            assert "…" not in line and "..." not in line, line
    for site_id in _ids(json.loads(_run([*args, "--format", "json"]))):
        assert re.search(rf"(?<![\w-]){re.escape(site_id)}(?![\w-])", text), f"{site_id} cut or missing"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("args", FIXTURE_COMMANDS, ids=lambda a: a[0])
def test_fixture_tables_fit_80_columns(args: list[str], lang: str) -> None:
    _check([*ANALYSIS_ARGS, *args, "--lang", lang])


@pytest.mark.parametrize("args", SHIPPED_COMMANDS, ids=lambda a: a[0])
def test_shipped_tables_fit_80_columns(args: list[str]) -> None:
    _check(args)


def test_near_keeps_ids_on_one_line_even_when_stacked() -> None:
    """On the shipped registry near's six columns do not fit 80 cells with whole words, so each
    site is a block; at 250 columns it is one table row per site."""
    narrow = _run(["near", "Nijmegen", "--radius-km", "10", "--lang", "en"])
    assert "\n  id: nxp-nijmegen\n" in narrow
    wide = _run(["near", "Nijmegen", "--radius-km", "10", "--lang", "en"], columns=250)
    assert re.search(r"│ 2\.69 +│ nxp-nijmegen +│ NXP Semiconductors Nijmegen +│", wide)


def test_column_widths_by_hand() -> None:
    """Two columns on 30 cells: borders 3, padding 4, so 23 for text. Column 0 needs its longest
    word "three" (5) and wants 13; the id column needs and wants its whole id (11). The 7 cells
    left go to column 0, which wants 8 more: 12 and 11. On 20 cells only 13 are left for text,
    less than 5 + 11, so the table is stacked (None)."""
    rows = [["one two three", "abc-def-ghi"]]
    assert column_widths(["a", "id"], rows, 30, ids=(1,)) == [12, 11]
    assert column_widths(["a", "id"], rows, 20, ids=(1,)) is None
    # A word longer than 16 cells may fold in an ordinary column, never in an id column: on 24
    # cells (17 for text) the 20-letter word gets 16 cells, as an id it does not fit.
    long = [["x", "abcdefghijklmnopqrst"]]
    assert column_widths(["a", "b"], long, 24) == [1, 16]
    assert column_widths(["a", "b"], long, 24, ids=(1,)) is None


def test_stacked_compare_heads_each_block_with_its_row_name() -> None:
    """compare on 80 columns is stacked: each block is headed by its row's own name, so the
    summary rows read "Whole chain present", not "Phase: Whole chain present"; the region
    lines under it keep their column names."""
    narrow = _run(["compare", "--lang", "en"])
    assert "\nDesign\n  Lifeport (Arnhem-Nijmegen): " in narrow
    assert "\nWhole chain present\n  Lifeport (Arnhem-Nijmegen): yes\n" in narrow
    assert "Phase: " not in narrow.split("\nCounting:")[0]
    # near has no row names: its block headings keep their column ("Distance (km): 0").
    assert "\nDistance (km): " in _run(["near", "Nijmegen", "--radius-km", "10", "--lang", "en"])
