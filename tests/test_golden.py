"""Golden JSON outputs: every analysis's ``--format json`` on the shipped registry stays
byte-identical, so a refactoring cannot change what scripts read without anyone noticing.

``tests/golden/registry/`` is a copy of the shipped ``data/companies.yaml`` and
``data/regions/`` as of commit 8700281 (frozen, so that adding a site to the real registry does
not break this guard); the ``*.json`` files next to it are what the CLI printed for it then,
before the analyses were rebuilt on the graph. A deliberate change of the JSON output updates
them and is listed in CHANGELOG.md:

    LIFEPORT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"
REGISTRY = GOLDEN / "registry"
BASE = ["--registry", str(REGISTRY / "companies.yaml"), "--regions", str(REGISTRY / "regions")]
REGIONS = ("nijmegen", "brainport", "twente", "delft", "leuven", "dresden")
UPDATE = bool(os.environ.get("LIFEPORT_UPDATE_GOLDEN"))

CASES: dict[str, list[str]] = {
    **{f"coverage-{r}-en": ["coverage", "--region", r, "--lang", "en"] for r in REGIONS},
    "coverage-nijmegen-nl": ["coverage", "--region", "nijmegen"],
    "coverage-nijmegen-radius": ["coverage", "--region", "lifeport", "--definition", "radius-25km"],
    "coverage-dresden-city-nl": ["coverage", "--region", "dresden", "--definition", "city-dresden"],
    "compare-en": ["compare", "--lang", "en"],
    "compare-nl": ["compare"],
    "compare-three-radius": ["compare", "nijmegen", "dresden", "leuven", "--definition", "radius-25km"],
    "compare-pairs": [
        "compare",
        "twente",
        "nijmegen",
        "--definition",
        "nijmegen=radius-25km",
        "--lang",
        "en",
    ],
    **{f"gaps-{r}-en": ["gaps", "--region", r, "--lang", "en"] for r in ("nijmegen", "dresden", "leuven")},
    "gaps-nijmegen-nl-5": ["gaps", "--region", "nijmegen", "--limit", "5"],
    "whatif-nijmegen-nxp": ["whatif", "--region", "nijmegen", "--without", "nxp-nijmegen", "--lang", "en"],
    "whatif-nijmegen-two-nl": [
        "whatif",
        "--region",
        "nijmegen",
        "--without",
        "nxp-nijmegen",
        "--without",
        "ampleon-nijmegen",
    ],
    "near-nijmegen-fabs": [
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
    ],
    "near-coordinates-planned": ["near", "51.84,5.85", "--radius-km", "40", "--include-planned"],
    "near-site-activity": [
        "near",
        "nxp-nijmegen",
        "--radius-km",
        "150",
        "--activity",
        "assembly-test",
        "--activity",
        "osat",
    ],
    "near-region-dresden": ["near", "Silicon Saxony", "--radius-km", "30", "--lang", "en"],
    **{f"stats-{r}-en": ["stats", "--region", r, "--lang", "en"] for r in REGIONS},
    "stats-nijmegen-nl": ["stats", "--region", "nijmegen"],
}


def _cli_json(args: list[str]) -> str:
    result = CliRunner().invoke(app, [*BASE, *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _diff_json(tmp_path: Path) -> str:
    """``diff`` between the golden registry and a copy with one site removed, one added by
    renaming, one moved and one changed; temporary paths are replaced by placeholders."""
    text = (REGISTRY / "companies.yaml").read_text(encoding="utf-8")
    changed = text.replace("  - id: ampleon-nijmegen\n", "  - id: ampleon-nijmegen-new\n", 1)
    changed = changed.replace(
        "    name: NXP Semiconductors Nijmegen\n", "    name: NXP Nijmegen (renamed)\n", 1
    ).replace("    activities: [wafer-fab, chip-design]\n", "    activities: [chip-design]\n", 1)
    changed = re.sub(
        r"(  - id: nearfield-instruments-rotterdam\n(?:    .*\n|      .*\n)*?      lat: )[-0-9.]+",
        r"\g<1>51.0",
        changed,
    )
    new = tmp_path / "new.yaml"
    new.write_text(changed, encoding="utf-8")
    old = REGISTRY / "companies.yaml"
    result = CliRunner().invoke(app, [*BASE, "diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(new), "NEW").replace(str(old), "OLD")


def _check(name: str, output: str) -> None:
    path = GOLDEN / f"{name}.json"
    if UPDATE:
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; create it with LIFEPORT_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert output == expected, (
        f"{name}: JSON output differs from {path.name}. If the change is deliberate, regenerate "
        "with LIFEPORT_UPDATE_GOLDEN=1 and list it in CHANGELOG.md"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_analysis_json_is_unchanged(name: str) -> None:
    _check(name, _cli_json(CASES[name]))


def test_diff_json_is_unchanged(tmp_path: Path) -> None:
    _check("diff", _diff_json(tmp_path))


def test_every_golden_file_has_a_case() -> None:
    names = {p.stem for p in GOLDEN.glob("*.json")}
    assert names == {*CASES, "diff"}, names ^ {*CASES, "diff"}
