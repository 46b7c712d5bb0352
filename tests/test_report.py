"""The region brief: engine numbers, safe Markdown and HTML, written by ``report``."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli
from maps_support import HOSTILE_ARGS, hostile, mini

from lifeport_map.render.report import build_brief


def test_brief_shows_coverage_comparison_gaps_and_sources() -> None:
    brief = build_brief(mini(), "nijmegen", lang="en")
    md = brief.markdown
    assert "# Region brief: Lifeport (Arnhem-Nijmegen)" in md
    assert "| Design | 1 | 1 | Alpha Fab |" in md
    assert "| System integration | 0 | 0 |  |" in md
    assert "## Comparison with the other regions" in md and "| Dresden |" in md
    assert "![Lifeport (Arnhem-Nijmegen)](map.png)" in md
    assert "[https://example.org/alpha](https://example.org/alpha) (2026)" in md
    assert "<h2>White spots and candidates</h2>" in brief.html


def test_brief_of_hostile_registry_has_no_raw_html_or_script_links() -> None:
    brief = build_brief(hostile(), "nijmegen", lang="nl")
    md = brief.markdown
    assert not re.search(r"<[a-zA-Z/!]", md)  # no raw HTML at all
    assert "](javascript" not in md.lower()

    # Every row of a table has as many cell separators as its header: no pipe from the data
    # breaks out of its cell.
    def separators(line: str) -> int:
        return len(re.findall(r"(?<!\\)\|", line))

    header = 0
    for line in md.splitlines():
        if not line.startswith("|"):
            header = 0
        elif header == 0:
            header = separators(line)
        else:
            assert separators(line) == header, line
    assert "&lt;img src=x onerror=alert(1)&gt;" in md  # shown as text
    html = brief.html
    assert "<img src=x" not in html and "<svg onload" not in html and "<script" not in html
    assert 'href="javascript' not in html


def test_report_command_writes_brief_files(tmp_path: Path, mini_args: list[str]) -> None:
    result = run_cli(*mini_args, "report", "--region", "lifeport", "--output", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["brief.html", "brief.md", "map.png"]
    hostile_run = run_cli(
        *HOSTILE_ARGS, "report", "--region", "nijmegen", "--lang", "en", "--output", str(tmp_path / "h")
    )
    assert hostile_run.returncode == 0, hostile_run.stderr
