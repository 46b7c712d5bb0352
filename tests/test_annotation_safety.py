"""Registry text cannot forge GitHub annotations or spoof the log of a CI job.

A workflow command must start a line, so the only ways to forge one are a line break (raw, or
percent-encoded and decoded by the runner) or terminal escape codes that redraw the log. Every
hostile value below has to come out as one inert line per issue.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_cli

from lifeport_map.errors import Issue
from lifeport_map.render.contrib import format_annotations
from lifeport_map.render.issues import as_github, as_text

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
HOSTILE = [
    "x::error::forged",
    "x\n::error file=a.yaml,line=1::forged",
    "x\r::warning::forged",
    "x%0A::error::forged%0D",
    "x\x1b[2K\x1b[1Gok\x1b]8;;https://e.example\x07link",
    "x\u2028::error::forged\u0085::error::nel",
    "::add-mask::secret",
    "::stop-commands::token",
]
COMMAND = re.compile(r"^::(error|warning|notice|debug|group|endgroup|add-mask|stop-commands)")


def _inert(output: str, count: int) -> None:
    lines = output.split("\n")
    assert len(lines) == count
    for line in lines:
        assert line.startswith(("::error ", "::warning "))
        assert not any(ch in line for ch in "\r\x1b\x07\x85\u2028\u2029")
        message = line.split("::", 2)[2]
        assert "%0A" not in message.replace("%250A", "") and "%0D" not in message.replace("%250D", "")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_issue_fields_cannot_start_a_new_workflow_command(hostile: str) -> None:
    issue = Issue(
        code="name.likely-duplicate",
        message=f"'{hostile}' looks like it",
        hint=hostile,
        file=f"data/{hostile}.yaml",
        line=3,
        col=5,
        entry=hostile,
        field="name",
    )
    output = as_github([issue, issue])
    _inert(output, 2)
    props = output.split("\n")[0].split("::")[1]
    assert props.count(",") == 3  # file, line, col, title: nothing injected
    assert ":" not in props.split("file=", 1)[1].split(",", 1)[0]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_terminal_report_shows_control_characters(hostile: str) -> None:
    text = as_text([Issue(code="c", message=hostile, entry=hostile, file="f", line=1)])
    assert not any(ch in text for ch in "\r\x1b\x07\x85\u2028\u2029")
    assert text.count("\n") == 0


def test_fmt_annotations_are_inert() -> None:
    _inert(format_annotations("data/x,y:z.yaml", [(h, 7) for h in HOSTILE]), len(HOSTILE))


def test_validate_github_on_a_hostile_registry(tmp_path: Path) -> None:
    """End to end: two sites with the same hostile name produce a likely-duplicate error whose
    message carries the names; the job log must still hold only our own annotations."""
    hostile = "Evil\\n::error file=README.md,line=1::forged %0A::warning::x \\e[31mred\\r"
    text = (
        (CONTRIB / "companies.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Alpha Fab", f'name: "{hostile}"')
        .replace("name: Beta Equipment", f'name: "{hostile}"')
        .replace("place: Duiven\n      municipality: Duiven", "place: Nijmegen\n      municipality: Nijmegen")
        .replace("lat: 51.94667\n      lon: 6.01389", "lat: 51.8425\n      lon: 5.85278")
    )
    registry = tmp_path / "companies.yaml"
    registry.write_text(text, encoding="utf-8")
    done = run_cli(
        "--registry", str(registry), "--regions", str(CONTRIB / "regions"), "validate", "--format", "github"
    )
    assert done.returncode == 1
    lines = done.stdout.rstrip("\n").split("\n")
    assert any("name.likely-duplicate" in line for line in lines)
    for line in lines:
        assert COMMAND.match(line) and line.startswith(("::error ", "::warning "))
        assert "\r" not in line and "\x1b" not in line
    # Messages quote a value as a 40-character excerpt: the start of the hostile name, inert.
    assert sum(1 for line in lines if "Evil\\x0a::error file=README.md,line=1::forg..." in line) >= 1
    assert not any(line.startswith("::error file=README.md") for line in lines)
