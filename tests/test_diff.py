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

    text_report = _diff(old, new, "--lang", "en").stdout
    assert "+ delta-arnhem: Delta Modules (Delta), Arnhem NL; phases: System integration" in text_report
    assert "- beta-duiven: Beta Equipment (Beta), Duiven NL; phases: Back-end production" in text_report
    assert (
        "Back-end production 1 -> 0; System integration 0 -> 1 "
        "(gained System integration; lost Back-end production)"
    ) in text_report
    assert "unchanged: dresden" in text_report

    dutch = _diff(old, new).stdout.splitlines()  # Dutch by default, as every other command
    assert dutch[0].endswith(": 3 -> 3 vestigingen; 1 toegevoegd, 1 verwijderd, 0 verplaatst, 0 gewijzigd")
    assert dutch[0].startswith("Registerwijzigingen ")
    assert "  + delta-arnhem: Delta Modules (Delta), Arnhem NL; fasen: Systeemintegratie" in dutch
    assert "  - beta-duiven: Beta Equipment (Beta), Duiven NL; fasen: Back-end productie" in dutch
    assert (
        "  nijmegen (Lifeport (Arnhem-Nijmegen)): Back-end productie 1 -> 0; Systeemintegratie 0 -> 1 "
        "(erbij Systeemintegratie; kwijt Back-end productie)"
    ) in dutch
    assert "  ongewijzigd: dresden" in dutch
    assert "Dekking per regio (standaarddefinities, vestigingen per fase):" in dutch


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
    assert [s["id"] for s in result["removed"]] == [first.strip('"')]  # fmt quotes ids such as "3t-..."
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

    dutch = _diff(old, new, "--lang", "nl", "--format", "markdown").stdout.splitlines()
    assert "3 → 3 vestigingen; 0 toegevoegd, 0 verwijderd, 1 verplaatst, 1 gewijzigd." in dutch
    assert dutch[4:8] == ["#### Verplaatst", "", "| id | van | naar |", "|---|---|---|"]
    assert dutch[8] == (
        "| beta-duiven | Duiven, Duiven (NL) op 51,94667; 6,01389 "
        "| Arnhem, Arnhem (NL) op 51,94667; 6,01389 |"
    )
    assert "| gamma-dresden | status | under-construction | active |" in dutch
    assert "| id | veld | oud | nieuw |" in dutch and "| regio | fase | oud | nieuw |  |" in dutch
    assert "| Dresden | Front-end productie | 0 | 1 | erbij |" in dutch


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
    assert bad.returncode == 2 and "is geen bestand, en git kan no-such-rev:" in bad.stderr  # nl
    injected = run_cli(
        "--registry", str(registry), "--regions", str(REGIONS), "diff", "--", "--output=/tmp/x", "HEAD"
    )
    assert injected.returncode == 2 and "Traceback" not in injected.stderr
    # a revision over LIFEPORT_MAX_BYTES: both sizes with their unit, in the language's numbers
    small = {"LIFEPORT_MAX_BYTES": "1kB"}
    old = subprocess.run(
        ["git", "show", "HEAD~1:data/companies.yaml"], cwd=repo, capture_output=True, check=True
    )
    size = len(old.stdout)
    args = ["--registry", str(registry), "--regions", str(REGIONS), "diff", "HEAD~1", "HEAD"]
    large = run_cli(*args, "--lang", "en", env=small)
    assert large.returncode == 2, large.stderr
    assert f"HEAD~1:data/companies.yaml is {size:,} bytes; the limit is 1,000 bytes" in large.stderr
    dutch = run_cli(*args, env=small)
    assert f"is {size:,} bytes; de grens is 1.000 bytes".replace(",", ".") in dutch.stderr


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


def test_coordinates_and_values_in_the_language(tmp_path: Path) -> None:
    """A moved site's coordinates keep every digit they were written with, with a decimal comma
    and ';' between them in Dutch; a missing value is '(geen)'/'(none)'; a value holding ids
    (relations) is never cut, however long."""
    old = CONTRIB / "companies.yaml"
    target = "z" + "-very-long-partner-site-id" * 4
    new = tmp_path / "new.yaml"
    new.write_text(
        old.read_text(encoding="utf-8")
        .replace("      lat: 51.94667\n      lon: 6.01389\n", "      lat: 51.95\n      lon: 6.0\n", 1)
        .replace(
            "    activities: [back-end-equipment]\n",
            "    activities: [back-end-equipment]\n"
            f"    relations:\n      - {{type: partner, target: {target}}}\n",
            1,
        ),
        encoding="utf-8",
    )
    dutch = _diff(old, new, "--lang", "nl").stdout
    assert (
        "  ~ beta-duiven: Duiven, Duiven (NL) op 51,94667; 6,01389 -> Duiven, Duiven (NL) op 51,95; 6,0"
        in dutch
    )
    assert f'      relations: (geen) -> [{{"type": "partner", "target": "{target}"}}]' in dutch
    english = _diff(old, new, "--lang", "en").stdout
    assert (
        "  ~ beta-duiven: Duiven, Duiven (NL) at 51.94667, 6.01389 -> Duiven, Duiven (NL) at 51.95, 6.0"
        in english
    )
    assert f'      relations: (none) -> [{{"type": "partner", "target": "{target}"}}]' in english


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
