"""The console entry point lets typer build only the command it runs (commands.common.build_only):
the command line is read as click reads it, and the command's help, usage errors and results are
the same as with every command built."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
import typer.main
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.commands import common
from lifeport_map.commands.common import build_only, command_of
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["coverage", "--region", "nijmegen"], "coverage"),
        (["--lang", "en", "coverage"], "coverage"),
        (["--lang=en", "validate"], "validate"),
        (["--registry", "coverage", "validate"], "validate"),  # a file named like a command
        (["--regions", "x", "--no-cache", "map", "nl"], "map"),
        (["--no-cache", "--registry=r.yaml", "compare"], "compare"),
        (["--help", "coverage"], None),  # the program's help lists every command
        (["-h"], None),
        (["--version", "coverage"], None),
        (["--", "coverage"], None),
        (["--registry"], None),
        ([], None),
        (["coverag"], "coverag"),  # no command: build_only keeps them all
    ],
)
def test_command_of_reads_the_program_options_as_click_does(args: list[str], expected: str | None) -> None:
    assert command_of(args) == expected


def test_the_value_options_are_the_programs_own() -> None:
    group = typer.main.get_command(app)
    taking_values = {
        name
        for param in group.params
        if not getattr(param, "is_flag", False) and param.param_type_name == "option"
        for name in param.opts
    }
    assert taking_values == common._PROGRAM_VALUE_OPTIONS
    flags = {name for param in group.params if getattr(param, "is_flag", False) for name in param.opts}
    assert {"--version", "--no-cache"} <= flags  # flags: what follows them is no value of theirs


@pytest.fixture
def restored() -> Iterator[None]:
    commands, groups = list(app.registered_commands), list(app.registered_groups)
    yield
    app.registered_commands[:] = commands
    app.registered_groups[:] = groups


def _names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def _run(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, list(args), terminal_width=100, env={"COLUMNS": "100"})
    return done.exit_code, done.output


@pytest.mark.usefixtures("restored")
@pytest.mark.parametrize("name", _names())
def test_one_command_built_answers_as_all_built(name: str) -> None:
    cases = [[name, "--help"], [name, "--lang", "en", "--help"], [name, "--no-such-option"]]
    if name == "map":
        cases += [[name, "nl", "--help"], [name, "nll"]]
    before = [_run(*case) for case in cases]
    build_only(name)
    assert [(info.name or getattr(info.callback, "__name__", "")) for info in app.registered_commands] + [
        info.name for info in app.registered_groups
    ] in ([name], [name.replace("-", "_")])
    assert [_run(*case) for case in cases] == before


@pytest.mark.usefixtures("restored")
def test_a_name_that_is_no_command_keeps_them_all() -> None:
    count = len(app.registered_commands) + len(app.registered_groups)
    build_only("coverag")
    assert len(app.registered_commands) + len(app.registered_groups) == count
    code, output = _run("coverag")
    assert code == 2 and "coverage" in output  # click's "did you mean" still sees every command
    build_only(None)
    assert len(app.registered_commands) + len(app.registered_groups) == count


def test_the_console_entry_point_runs_the_command() -> None:
    """Through ``run`` (one command built) the output is that of the app with every command."""
    args = ["--lang", "en", "coverage", "--region", "nijmegen", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "lifeport_map", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    code, output = _run(*args)
    assert code == 0
    assert done.stdout == output
    assert json.loads(done.stdout)["region"]["id"] == "nijmegen"
