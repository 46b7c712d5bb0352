"""The contributor workflow files: a CI workflow safe for untrusted pull requests, pre-commit
hooks, an issue form that asks for a source, and help texts with examples."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli

from lifeport_map.yamlio import parse


def _yaml(relative: str) -> Any:
    path = ROOT / relative
    return parse(path.read_text(encoding="utf-8"), path)


def test_registry_workflow_runs_the_checks_and_is_safe_for_forks() -> None:
    text = (ROOT / ".github/workflows/registry.yml").read_text(encoding="utf-8")
    workflow = _yaml(".github/workflows/registry.yml")
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert "pull_request_target" not in code and "secrets." not in code
    steps = workflow["jobs"]["check"]["steps"]
    commands = "\n".join(str(step.get("run", "")) for step in steps)
    assert "lifeport-map validate --format github" in commands
    assert "lifeport-map fmt --check" in commands
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False
    # event data reaches the shell only through the environment, never spliced into a script
    assert all("${{" not in str(step.get("run", "")) for step in steps)
    # every step that runs lifeport-map on the pull request's files has a time limit
    assert all(step["timeout-minutes"] <= 5 for step in steps if "lifeport-map " in str(step.get("run", "")))


def test_no_workflow_gets_write_permissions_or_secrets() -> None:
    for path in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        workflow = parse(path.read_text(encoding="utf-8"), path)
        assert workflow["permissions"] == {"contents": "read"}, path
        assert "pull_request_target" not in workflow["on"], path
        for job in workflow["jobs"].values():
            assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}, path
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        assert "secrets." not in code and not re.search(r":\s*write(-all)?\b", code), path


def test_tests_workflow_runs_the_locked_newest_and_lowest_sets() -> None:
    workflow = _yaml(".github/workflows/tests.yml")
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["test"]
    assert job["strategy"]["matrix"]["deps"] == ["locked", "latest", "lowest"]
    commands = [str(step.get("run", "")) for step in job["steps"]]
    for target in ("make test", "make test-latest", "make test-lowest"):
        assert target in commands
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test-latest:", "test-lowest:", "lock:"):
        assert f"\n{target}" in makefile


def test_pre_commit_hooks_run_validate_and_fmt_check() -> None:
    config = _yaml(".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]}
    assert hooks["lifeport-map-validate"]["entry"].endswith("lifeport-map validate")
    assert hooks["lifeport-map-fmt"]["entry"].endswith("lifeport-map fmt --check")
    assert all(h["pass_filenames"] is False for h in hooks.values())


def test_issue_form_requires_a_source_url() -> None:
    form = _yaml(".github/ISSUE_TEMPLATE/new-organisation.yml")
    fields = {item["id"]: item for item in form["body"] if "id" in item}
    assert fields["source-url"]["validations"]["required"] is True
    for wanted in ("site", "place", "activities", "organisation", "source-year"):
        assert fields[wanted]["validations"]["required"] is True


def test_contributing_covers_the_rules() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for topic in (
        "Sites, not headquarters",
        "source with a year",
        "Employees only from a source",
        "precision: site",
        "Ids are never reused",
        "lifeport-map validate",
        "lifeport-map fmt",
        "lifeport-map add",
        "Sources we accept",
    ):
        assert topic in text


@pytest.mark.parametrize("command", ["fmt", "add", "diff"])
def test_help_ends_with_an_example(command: str) -> None:
    done = run_cli(command, "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0
    assert f"Voorbeeld: lifeport-map {command}" in done.stdout
    done = run_cli(command, "--lang", "en", "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0
    assert f"Example: lifeport-map {command}" in done.stdout


def test_contributings_add_example_gives_an_entry_whose_source_needs_nothing_more(tmp_path: Path) -> None:
    # "Every source has a title and a publisher": the example gives both, so the entry it adds
    # is warned about nothing but the 'checked' date its contributor sets after checking
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    found = re.search(r"\.venv/bin/lifeport-map add (.*?[^\\])\n", text, re.S)
    assert found is not None
    arguments = shlex.split(found.group(1).replace("\\\n", " "))
    registry = tmp_path / "companies.yaml"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "contrib" / "companies.yaml", registry)
    regions = str(ROOT / "tests" / "fixtures" / "contrib" / "regions")
    done = run_cli("--registry", str(registry), "--regions", regions, "add", *arguments, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert re.findall(r"warning: \[([a-z.-]+)\]", done.stderr) == ["checked.missing"]
