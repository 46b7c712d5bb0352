"""`lifeport-map diff`: sites added, removed, moved and changed, and the coverage effect."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
REGIONS = CONTRIB / "regions"
DELTA = """  - id: delta-arnhem
    name: Delta Modules
    organisation: Delta
    kind: ems
    activities: [ems]
    status: active
    location:
      place: Arnhem
      municipality: Arnhem
      country: NL
    sources:
      - url: "https://example.org/delta"
        year: 2026
"""


def _without(text: str, site_id: str) -> str:
    head, rest = text.split(f"  - id: {site_id}\n", 1)
    after = rest.split("\n  - id: ", 1)
    return head + ("  - id: " + after[1] if len(after) > 1 else "")


def _diff(old: Path | str, new: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--regions", str(REGIONS), "diff", str(old), str(new), *extra)


def test_one_removed_one_added_and_the_coverage_change(tmp_path: Path) -> None:
    old = CONTRIB / "companies.yaml"
    text = _without(old.read_text(encoding="utf-8"), "beta-duiven")
    new = tmp_path / "new.yaml"
    new.write_text(text.replace("  - id: gamma-dresden", DELTA + "  - id: gamma-dresden"), encoding="utf-8")
    done = _diff(old, new, "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [s["id"] for s in result["added"]] == ["delta-arnhem"]
    assert [s["id"] for s in result["removed"]] == ["beta-duiven"]
    assert result["moved"] == [] and result["changed"] == []
    assert result["sites"] == {"old": 3, "new": 3}
    by_region = {r["region"]: r for r in result["coverage"]}
    nijmegen = by_region["nijmegen"]
    assert {p["phase"]: (p["old"], p["new"]) for p in nijmegen["phases"]} == {
        "design": (1, 1),
        "front-end": (1, 1),
        "back-end": (1, 0),
        "system-integration": (0, 1),
    }
    assert nijmegen["gained"] == ["system-integration"] and nijmegen["lost"] == ["back-end"]
    assert by_region["dresden"]["changed"] is False

    text_report = _diff(old, new).stdout
    assert "+ delta-arnhem: Delta Modules (Delta), Arnhem NL; phases: system-integration" in text_report
    assert "- beta-duiven: Beta Equipment (Beta), Duiven NL; phases: back-end" in text_report
    assert (
        "back-end 1 -> 0; system-integration 0 -> 1 (gained system-integration; lost back-end)" in text_report
    )
    assert "unchanged: dresden" in text_report


def test_shipped_registry_copy_with_one_site_removed_and_one_added(tmp_path: Path) -> None:
    shipped = ROOT / "data" / "companies.yaml"
    text = shipped.read_text(encoding="utf-8")
    first = next(line[len("  - id: ") :] for line in text.splitlines() if line.startswith("  - id: "))
    new = tmp_path / "companies.yaml"
    new.write_text(
        _without(text, first).rstrip("\n") + "\n" + DELTA.replace("delta-arnhem", "zz-delta-arnhem"),
        encoding="utf-8",
    )
    done = run_cli("diff", str(shipped), str(new), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [s["id"] for s in result["added"]] == ["zz-delta-arnhem"]
    assert [s["id"] for s in result["removed"]] == [first]
    assert result["moved"] == [] and result["changed"] == []
    nijmegen = next(r for r in result["coverage"] if r["region"] == "nijmegen")
    system = next(p for p in nijmegen["phases"] if p["phase"] == "system-integration")
    assert system["new"] == system["old"] + 1


def test_moved_and_changed_fields(tmp_path: Path) -> None:
    old = CONTRIB / "companies.yaml"
    text = old.read_text(encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(
        text.replace("status: under-construction", "status: active").replace(
            "      place: Duiven\n      municipality: Duiven\n",
            "      place: Arnhem\n      municipality: Arnhem\n",
        ),
        encoding="utf-8",
    )
    result = json.loads(_diff(old, new, "--format", "json").stdout)
    assert result["added"] == [] and result["removed"] == []
    assert [(m["id"], m["old"]["place"], m["new"]["place"]) for m in result["moved"]] == [
        ("beta-duiven", "Duiven", "Arnhem")
    ]
    assert result["changed"] == [
        {
            "id": "gamma-dresden",
            "name": "Gamma Foundry",
            "fields": [{"field": "status", "old": "under-construction", "new": "active"}],
        }
    ]
    by_region = {r["region"]: r for r in result["coverage"]}
    assert not by_region["nijmegen"]["changed"]  # Duiven and Arnhem: the same region
    # only active sites count for coverage: the Dresden foundry now does
    assert by_region["dresden"]["gained"] == ["front-end"]


def test_git_revisions(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    registry = repo / "data" / "companies.yaml"
    shutil.copyfile(CONTRIB / "companies.yaml", registry)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    registry.write_text(_without(registry.read_text(encoding="utf-8"), "gamma-dresden"), encoding="utf-8")
    git("commit", "-qam", "two")
    done = run_cli(
        "--registry", str(registry), "--regions", str(REGIONS), "diff", "HEAD~1", "HEAD", "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["old"] == "HEAD~1:data/companies.yaml"
    assert [s["id"] for s in result["removed"]] == ["gamma-dresden"] and result["added"] == []
    bad = run_cli("--registry", str(registry), "--regions", str(REGIONS), "diff", "no-such-rev", "HEAD")
    assert bad.returncode == 2 and "is not a file, and git cannot show" in bad.stderr
    injected = run_cli(
        "--registry", str(registry), "--regions", str(REGIONS), "diff", "--", "--output=/tmp/x", "HEAD"
    )
    assert injected.returncode == 2 and "Traceback" not in injected.stderr


@pytest.mark.parametrize(
    "name",
    [
        "Evil | <script>alert(1)</script> [x](javascript:alert(1)) "
        "@everyone ![i](https://t.example/p.png) **b**"
    ],
)
def test_markdown_escapes_registry_text(tmp_path: Path, name: str) -> None:
    old = CONTRIB / "companies.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(
        old.read_text(encoding="utf-8").replace(
            "  - id: gamma-dresden",
            DELTA.replace("Delta Modules", json.dumps(name)) + "  - id: gamma-dresden",
        ),
        encoding="utf-8",
    )
    done = _diff(old, new, "--format", "markdown")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "delta" in line)
    assert "<" not in row and "](" not in row and "![" not in row and "**" not in row
    unescaped_pipes = row.replace("\\|", "").count("|")
    assert unescaped_pipes == 6  # five columns
    assert "@&#8203;everyone" in row


def test_text_report_neutralises_escape_codes(tmp_path: Path) -> None:
    old = CONTRIB / "companies.yaml"
    new = tmp_path / "new.yaml"
    new.write_text(
        old.read_text(encoding="utf-8").replace("name: Gamma Foundry", 'name: "Gamma\\e[2J\\rFoundry"'),
        encoding="utf-8",
    )
    done = _diff(old, new)
    assert "\x1b" not in done.stdout and "\r" not in done.stdout
    assert "\\x1b[2J\\x0dFoundry" in done.stdout
