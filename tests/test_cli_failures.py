"""The CLI when the world is hostile: missing, unreadable or directory paths, unknown regions
and outputs that cannot be written, for every command. Each gives its exit code (1 invalid data,
2 usage, 3 I/O), a message without a traceback, and leaves the files and the folder as they were.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import MINI, run_cli, snapshot

REGISTRY = MINI / "companies.yaml"
REGIONS = MINI / "regions"
READERS = [
    ["validate"],
    ["coverage", "--region", "nijmegen"],
    ["compare"],
    ["gaps", "--region", "nijmegen"],
    ["whatif", "--region", "nijmegen", "--without", "x"],
    ["near", "Nijmegen"],
    ["stats", "--region", "nijmegen"],
    ["export"],
    ["fmt", "--check"],
]
REGION_COMMANDS = [
    ["coverage", "--region", "atlantis"],
    ["gaps", "--region", "atlantis"],
    ["whatif", "--region", "atlantis", "--without", "alpha-nijmegen"],
    ["stats", "--region", "atlantis"],
    ["compare", "nijmegen", "atlantis"],
    ["map", "region", "atlantis", "--output", "x.html"],
    ["map", "compare", "nijmegen", "atlantis", "--output", "x.html"],
    ["report", "--region", "atlantis", "--output", "brief"],
]
WRITERS = {
    "export": ["export", "--format", "csv", "--output"],
    "map-nl": ["map", "nl", "--format", "html", "--output"],  # the targets have no extension
    "map-region-png": ["map", "region", "nijmegen", "--format", "png", "--output"],
    "map-compare-svg": ["map", "compare", "nijmegen", "dresden", "--format", "svg", "--output"],
    "schema": ["schema", "--output"],
}


def invoke(tmp_path: Path, *args: str, registry: Path = REGISTRY, regions: Path = REGIONS) -> Any:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["--registry", str(registry), "--regions", str(regions), *args])
    finally:
        os.chdir(cwd)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize("args", READERS, ids=[a[0] for a in READERS])
@pytest.mark.parametrize("problem", ["missing", "directory"])
def test_a_registry_path_that_is_not_a_file(args: list[str], problem: str, tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    if problem == "directory":
        registry.mkdir()
    before = snapshot(tmp_path)
    result = invoke(tmp_path, *args, registry=registry)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert str(registry) in result.stdout + result.stderr
    assert snapshot(tmp_path) == before and len(list(tmp_path.iterdir())) == (problem == "directory")
    if args[0] not in ("validate", "fmt"):  # a file not there, or a folder, is not "invalid"
        assert result.stderr.splitlines()[-1].startswith(
            "lifeport-map: het register kan niet worden gelezen: 1 fout"
        )


@pytest.mark.parametrize("args", READERS[:3], ids=[a[0] for a in READERS[:3]])
def test_an_unreadable_registry(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    registry = tmp_path / "companies.yaml"
    shutil.copyfile(REGISTRY, registry)
    if os.geteuid() == 0:  # root reads anything: make opening fail the way a permission would
        original = os.open

        def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if os.fspath(path) == os.path.realpath(registry):
                raise PermissionError(13, "Permission denied")
            return original(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    else:
        registry.chmod(0)
    result = invoke(tmp_path, *args, registry=registry)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "io.unreadable" in result.stdout + result.stderr


@pytest.mark.parametrize("problem", ["missing", "file"])
def test_a_regions_path_that_is_not_a_folder(problem: str, tmp_path: Path) -> None:
    regions = tmp_path / "regions"
    if problem == "file":
        regions.write_text("id: x\n")
    result = invoke(tmp_path, "coverage", "--region", "nijmegen", regions=regions)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "io.not-" in result.stderr


@pytest.mark.parametrize("args", REGION_COMMANDS, ids=[" ".join(a[:2]) for a in REGION_COMMANDS])
def test_an_unknown_region_is_a_usage_error_and_writes_nothing(args: list[str], tmp_path: Path) -> None:
    result = invoke(tmp_path, *args)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "atlantis" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", WRITERS)
@pytest.mark.parametrize("target", ["missing-folder/out", "a-file/out", "a-folder"])
def test_an_output_that_cannot_be_written(name: str, target: str, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("keep me")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-folder" / "inside").write_text("keep me")
    before = snapshot(tmp_path)
    result = invoke(tmp_path, *WRITERS[name], str(tmp_path / target))
    assert result.exit_code == 3, result.stdout + result.stderr
    assert result.stderr.startswith("lifeport-map: fout:") and "tip:" in result.stderr  # Dutch by default
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder"]


def test_an_output_folder_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every folder is writable; a failing temporary file stands in for permissions."""
    import tempfile

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = invoke(tmp_path, "export", "--output", str(tmp_path / "out.json"))
    assert result.exit_code == 3
    # Dutch by default, the system's reason too
    assert (
        f"kan {tmp_path / 'out.json'} niet schrijven: geen toestemming; er is niets veranderd"
        in result.stderr
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("blocker", ["brief.md", "brief.html", "map.png"])
def test_a_brief_is_written_whole_or_not_at_all(blocker: str, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    (out / blocker).mkdir(parents=True)
    before = snapshot(tmp_path)
    result = invoke(tmp_path, "report", "--region", "nijmegen", "--output", str(out))
    assert result.exit_code == 3, result.stdout + result.stderr
    assert snapshot(tmp_path) == before
    assert [p.name for p in out.iterdir()] == [blocker]


def test_report_into_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "brief").write_text("keep me")
    result = invoke(tmp_path, "report", "--region", "nijmegen", "--output", str(tmp_path / "brief"))
    assert result.exit_code == 3
    assert (tmp_path / "brief").read_text() == "keep me"


def test_fmt_of_a_registry_in_an_unwritable_place_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    registry = tmp_path / "companies.yaml"
    registry.write_text(REGISTRY.read_text().replace("id: gamma-dresden", "id: a-dresden", 1))
    before = snapshot(tmp_path)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = invoke(tmp_path, "fmt", registry=registry)
    assert result.exit_code == 3, result.stdout + result.stderr
    assert snapshot(tmp_path) == before


def test_a_missing_registry_in_a_real_process(tmp_path: Path) -> None:
    result = run_cli(
        "--registry",
        str(tmp_path / "nope.yaml"),
        "--regions",
        str(REGIONS),
        "map",
        "nl",
        "--output",
        str(tmp_path / "x.html"),
        cwd=tmp_path,
    )
    assert result.returncode == 3
    assert "io.not-found" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_named_to_validate_is_hinted_as_the_argument(tmp_path: Path) -> None:
    # validate FILES said "or name the file with --registry" for a file no --registry named
    missing = tmp_path / "draft.yaml"
    for lang, hint in (
        ("nl", "tip: controleer het pad dat als BESTAND is opgegeven"),
        ("en", "hint: check the path given as FILES"),
    ):
        done = run_cli("validate", str(missing), "--lang", lang)
        assert done.returncode == 3 and "[io.not-found]" in done.stdout
        assert hint in done.stdout and "--registry" not in done.stdout
    done = run_cli("--registry", str(missing), "validate", "--lang", "en")
    assert "hint: check the path, or name the file with --registry" in done.stdout
