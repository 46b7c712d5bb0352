"""The command line as a user meets it: help with examples, exit codes, no tracebacks, fast start."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from lifeport_map import __version__
from lifeport_map.cli import app
from tests.conftest import MINI, run_cli, snapshot


def all_commands() -> list[tuple[str, ...]]:
    group = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        commands = getattr(command, "commands", None)
        if commands:
            for name, sub in commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(group, ())
    return found


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: " ".join(c))
def test_every_command_is_documented_with_an_example(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Voorbeeld:" in result.stdout, f"'{' '.join(command)}' --help has no Voorbeeld: line"
    result = run_cli(*command, "--lang", "en", "--help")
    assert result.returncode == 0, result.stderr
    assert "Example:" in result.stdout, f"'{' '.join(command)}' --lang en --help has no Example: line"


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"lifeport-map {__version__}"


def test_works_from_any_directory_with_the_shipped_data(tmp_path: Path) -> None:
    result = run_cli("coverage", "--region", "nijmegen", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["region"]["id"] == "nijmegen"
    assert [p["phase"] for p in data["phases"]] == ["design", "front-end", "back-end", "system-integration"]
    assert list(tmp_path.iterdir()) == []


def test_registry_and_regions_options_point_elsewhere(mini_args: list[str]) -> None:
    result = run_cli(*mini_args, "coverage", "--region", "lifeport", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    counts = {p["phase"]: p["count"] for p in data["phases"]}
    assert counts == {"design": 1, "front-end": 1, "back-end": 1, "system-integration": 0}


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["--registry", "/nonexistent/x.yaml", "validate"], 3, "[io.not-found] bestand niet gevonden"),
        (["--registry", "/nonexistent/x.yaml", "coverage", "--region", "nijmegen"], 3, "niet gevonden"),
        (["--registry", "/", "validate"], 3, "[io.is-directory]"),
        (["--regions", "/nonexistent", "validate"], 3, "map met regio's niet gevonden"),  # Dutch by default
        (["coverage", "--region", "atlantis"], 2, "onbekende regio"),
        (["coverage", "--region", "nijmegn"], 2, "nijmegen"),
        (["coverage", "--region", "nijmegen", "--definition", "nope"], 2, "heeft geen afbakening"),
        (["coverage", "--region", "atlantis", "--lang", "en"], 2, "unknown region 'atlantis'"),
        (["validate", "--format", "xml"], 2, "xml"),
        (["no-such-command"], 2, "Onbekend commando 'no-such-command'"),
    ],
)
def test_failures_give_a_message_and_an_exit_code(
    args: list[str], code: int, needle: str, tmp_path: Path
) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == code, result.stdout + result.stderr
    assert needle in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unreadable_registry_is_an_io_error(tmp_path: Path) -> None:
    """Run as a user whom file permissions bind (root gives up its override, conftest)."""
    path = tmp_path / "x.yaml"
    path.write_text("sites: []\n")
    path.chmod(0)
    done = run_cli("--registry", str(path), "validate", "--lang", "en", permissions=True)
    assert done.returncode == 3, done.stderr
    assert f"{path}: error: [io.unreadable] cannot read file: Permission denied" in done.stdout


# found when this test first ran as root: click refused an unreadable path itself (exit 2, in
# English, "Invalid value for '--registry': Path ... is not readable") before the command's own
# io.unreadable (exit 3); an unreadable regions folder was "holds no region files" (exit 1)
UNREADABLE = [
    ["--registry", "{file}", "validate"],
    ["validate", "{file}"],
    ["--registry", "{file}", "fmt"],
    ["--registry", "{file}", "coverage", "-r", "nijmegen"],
    ["--regions", "{folder}", "validate"],
    ["--regions", "{folder}", "compare"],
    ["claims", "--claims", "{file}"],
    ["add", "--from", "{file}", "--no-interactive"],
    ["regions", "import-boundary", "{file}", "--region", "nijmegen"],
]


@pytest.mark.parametrize("args", UNREADABLE, ids=[" ".join(a) for a in UNREADABLE])
def test_every_command_reports_an_unreadable_file_or_folder_as_an_io_error(
    args: list[str], tmp_path: Path
) -> None:
    file, folder = tmp_path / "x.yaml", tmp_path / "regions"
    file.write_text("sites: []\n")
    folder.mkdir()
    file.chmod(0)
    folder.chmod(0)
    named = [a.format(file=file, folder=folder) for a in args]
    done = run_cli(*named, "--lang", "nl", permissions=True)
    unreadable = file if "{file}" in args else folder
    assert done.returncode == 3, done.stderr
    said = done.stdout + done.stderr  # validate lists its issues on standard output
    what = "het bestand" if "{file}" in args else "de map"  # a folder was once called a file
    assert f"{unreadable}: fout: [io.unreadable] kan {what} niet lezen: geen toestemming" in said
    assert "Traceback" not in said and "Invalid value" not in said


# An existing file its owner made read-only (0444) is not replaced: renaming over it needs only the
# folder's permission, so it once was (cp refuses). Both an output and the registry an edit writes.
READ_ONLY = [
    ["map", "nl", "--output", "{file}"],
    ["export", "--format", "json", "--output", "{file}"],
    ["schema", "--output", "{file}"],
    ["--registry", "{registry}", "fmt"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_a_read_only_file_is_not_replaced(args: list[str], tmp_path: Path, mini_copy: Path) -> None:
    file, registry = tmp_path / "out.html", mini_copy / "companies.yaml"
    file.write_text("approved annex\n")
    registry.write_text(registry.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")  # fmt has work
    target = registry if "{registry}" in args else file
    target.chmod(0o444)
    before = target.read_bytes()
    named = [a.format(file=file, registry=registry) for a in args]
    if "{registry}" not in args:
        named = ["--registry", str(registry), "--regions", str(mini_copy / "regions"), *named]
    done = run_cli(*named, "--lang", "en", permissions=True)
    said = done.stdout + done.stderr
    assert done.returncode != 0, said
    assert f"{target} is read-only; nothing was changed" in said
    assert "chmod u+w" in said and "Traceback" not in said
    assert target.read_bytes() == before and target.stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.html"]  # no temporary left


def test_validate_formats_on_the_mini_registry(mini_args: list[str]) -> None:
    text = run_cli(*mini_args, "validate")
    assert text.returncode == 0
    data = json.loads(run_cli(*mini_args, "validate", "--format", "json").stdout)
    assert data["valid"] is True and data["errors"] == 0
    # a valid registry gives no error annotations; warnings (unchecked entries, untitled
    # sources) are annotations of their own
    github = run_cli(*mini_args, "validate", "--format", "github").stdout.splitlines()
    assert len(github) == data["warnings"]
    assert all(line.startswith("::warning ") for line in github)


def test_schema_command_prints_the_json_schema() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["properties"]["sites"]["items"]["additionalProperties"] is False


def test_coverage_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from lifeport_map.cli import app\n"
        "r = CliRunner().invoke(app, ['coverage', '--region', 'nijmegen'])\n"
        "assert r.exit_code == 0, r.output\n"
        "heavy = sorted(m for m in ('folium', 'geopandas', 'matplotlib', 'pandas', 'shapely',"
        " 'pyproj', 'ruamel') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_registry_text_never_reaches_the_terminal_as_escape_codes(tmp_path: Path) -> None:
    text = (MINI / "companies.yaml").read_text()
    text = text.replace("name: Alpha Fab", 'name: "Alpha \\e[31mRED\\e[0m [bold]x[/bold]"')
    path = tmp_path / "c.yaml"
    path.write_text(text)
    before = snapshot(tmp_path)
    result = run_cli("--registry", str(path), "--regions", str(MINI / "regions"), "validate")
    assert "\x1b" not in result.stdout + result.stderr
    assert "U+001B" in result.stdout
    path.write_text(
        (MINI / "companies.yaml")
        .read_text()
        .replace("name: Alpha Fab", 'name: "Alpha [bold red]x[/] :smile:"')
    )
    result = run_cli(
        "--registry", str(path), "--regions", str(MINI / "regions"), "coverage", "--region", "nijmegen"
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Alpha [bold red]x[/] :smile:" in result.stdout
    assert snapshot(tmp_path) == before | {"c.yaml": snapshot(tmp_path)["c.yaml"]}


def _repo_with_registry(tmp_path: Path) -> Path:
    """A git repository holding a copy of the mini registry, with one invalid entry."""
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(MINI, repo / "data")
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    text = (repo / "data" / "companies.yaml").read_text(encoding="utf-8")
    (repo / "data" / "companies.yaml").write_text(text.replace("status: active", "status: activ", 1))
    return repo


def test_github_annotations_use_repository_relative_paths(tmp_path: Path) -> None:
    repo = _repo_with_registry(tmp_path)
    registry = repo / "data" / "companies.yaml"
    for cwd in (repo, tmp_path):  # also when run from outside the repository
        result = run_cli(
            "--registry", str(registry), "--regions", str(repo / "data" / "regions"),
            "validate", "--format", "github", cwd=cwd,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        files = set(re.findall(r"file=([^,]+),", result.stdout))
        assert files == {"data/companies.yaml"}, result.stdout


def test_validate_takes_registry_files_as_arguments(tmp_path: Path) -> None:
    repo = _repo_with_registry(tmp_path)
    broken = repo / "data" / "companies.yaml"
    regions = ["--regions", str(MINI / "regions")]
    good = run_cli(*regions, "validate", str(MINI / "companies.yaml"))
    assert good.returncode == 0, good.stderr
    both = run_cli(*regions, "validate", "--lang", "en", str(MINI / "companies.yaml"), str(broken))
    assert both.returncode == 1
    assert f"{broken}:" in both.stdout and "status" in both.stdout
    valid_lines = [line for line in both.stdout.splitlines() if line.startswith(str(MINI / "companies.yaml"))]
    assert all(": warning: " in line for line in valid_lines)  # the valid file has no error
    assert "sites checked" in both.stderr and both.stderr.count("sites checked") == 2
    missing = run_cli(*regions, "validate", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 3 and "nope.yaml" in missing.stderr
    assert "Traceback" not in missing.stderr
