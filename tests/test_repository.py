"""The repository itself: no heavy files that are not named data, a licence, declared imports."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2 * 1024 * 1024


def tracked_files() -> list[str]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [name for name in out.decode().split("\0") if name]


def listed_large_data() -> set[str]:
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Large data files", 1)[1].split("\n## ", 1)[0]
    return {"data/" + m for m in re.findall(r"^- `([^`]+)`", section, flags=re.M)}


def test_no_tracked_file_over_2_mb_unless_it_is_listed_data() -> None:
    allowed = listed_large_data()
    heavy = [
        name
        for name in tracked_files()
        if (ROOT / name).is_file() and (ROOT / name).stat().st_size > LIMIT and name not in allowed
    ]
    assert heavy == [], (
        f"tracked files over 2 MB that data/README.md does not list as data: {heavy}; "
        "remove them from git (wheels and build outputs never belong here) or, for data, "
        "list them under 'Large data files' with their source and licence"
    )


def test_wheels_are_ignored_and_not_tracked() -> None:
    assert not [n for n in tracked_files() if n.endswith(".whl")]
    assert "*.whl" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_licence_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


# Distribution name on PyPI -> top-level module, where they differ.
MODULE_OF = {
    "pyyaml": "yaml",
    "xstatic-leaflet": "xstatic",
    "xstatic-leaflet-markercluster": "xstatic",
    "markdown-it-py": "markdown_it",
}


def declared_modules(extra: str | None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    names = {re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0].strip().lower() for spec in specs}
    return {MODULE_OF.get(name, name.replace("-", "_")) for name in names}


def imported_modules(folder: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def third_party(modules: set[str]) -> set[str]:
    local = {"lifeport_map", "tests", "bench", "conftest", "synth", "analysis_support", "maps_support"}
    local |= {p.stem for p in ROOT.rglob("*.py") if ".venv" not in p.parts}
    return {m for m in modules if m not in sys.stdlib_module_names and m not in local}


def test_every_import_of_the_package_is_a_runtime_dependency() -> None:
    missing = third_party(imported_modules("lifeport_map")) - declared_modules(None)
    assert missing == set(), f"imported by lifeport_map but not in [project.dependencies]: {missing}"


def test_every_import_of_tests_scripts_and_bench_is_declared() -> None:
    declared = declared_modules(None) | declared_modules("dev")
    used = set()
    for folder in ("tests", "scripts", "bench"):
        used |= imported_modules(folder)
    missing = third_party(used) - declared
    assert missing == set(), f"imported by tests/scripts/bench but not declared: {missing}"


def test_what_the_readme_says_make_run_writes_is_what_it_writes() -> None:
    # the README said "make run writes all of these to out/" under a list of seven commands,
    # four of whose outputs (PDF annexes, nijmegen.html, the 2030 figure) make run never wrote
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    written = set(re.findall(r"--output (out/\S+)", recipe))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = readme.split("`make run` writes ", 1)[1].split(" to `out/`", 1)[0]
    named = set(re.findall(r"`(out/[^`]+?)`", said))
    assert named == {"out/bijlage1.html", "out/bijlage2.html", "out/nijmegen/"}
    assert {n.rstrip("/") for n in named} <= written
    assert {w for w in written if w.endswith(".png")} == {"out/bijlage1.png", "out/bijlage2.png"}
