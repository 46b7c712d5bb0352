"""One broken registry per failure mode: each gives its code at its line, and writes nothing.

The fixtures live in tests/fixtures/invalid/ (rebuilt by tests/fixtures/build_invalid.py); the
first line of each says which code is expected at which line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, MINI, run_cli, snapshot

INVALID = FIXTURES / "invalid"
EXPECT = re.compile(r"# expect: (\S+) at line (\d+)")


def expectation(path: Path) -> tuple[str, int]:
    sidecar = path.with_suffix(".expect")
    header = sidecar.read_text() if sidecar.exists() else \
        path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace")
    match = EXPECT.search(header)
    assert match, f"{path.name} lacks an '# expect:' header"
    return match.group(1), int(match.group(2))


CASES = sorted(INVALID.glob("*.yaml"))


def test_there_is_a_fixture_per_failure_mode() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_invalid_registry_is_reported(path: Path, tmp_path: Path) -> None:
    code, line = expectation(path)
    before = snapshot(INVALID)
    result = run_cli("--registry", str(path), "--regions", str(MINI / "regions"),
                     "validate", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    report = json.loads(result.stdout)
    found = [(i["code"], i["line"]) for i in report["issues"]]
    assert (code, line) in found, f"expected {code} at line {line}, got {found}"
    for issue in report["issues"]:
        assert issue["file"] and issue["line"] >= 1, issue
        assert issue["message"] and issue["hint"], issue
    assert snapshot(INVALID) == before
    assert list(tmp_path.iterdir()) == []


def test_text_format_names_file_line_and_field(tmp_path: Path) -> None:
    path = INVALID / "unknown-field.yaml"
    result = run_cli("--registry", str(path), "--regions", str(MINI / "regions"), "validate",
                     cwd=tmp_path)
    assert result.returncode == 1
    _code, line = expectation(path)
    assert f"{path}:{line}:" in result.stdout
    assert "alpha-nijmegen: colour" in result.stdout
    assert "hint:" in result.stdout


def test_all_errors_reported_in_one_run(tmp_path: Path) -> None:
    text = (INVALID / "unknown-field.yaml").read_text()
    text = text.replace("kind: equipment-oem", "kind: robot").replace(
        "website: https://example.org/alpha", "website: \"javascript:alert(1)\"")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text)
    result = run_cli("--registry", str(broken), "--regions", str(MINI / "regions"), "validate",
                     "--format", "json", cwd=tmp_path)
    codes = {i["code"] for i in json.loads(result.stdout)["issues"]}
    assert {"schema.unknown-field", "schema.unknown-kind", "url.not-plain-http"} <= codes
