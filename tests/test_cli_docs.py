"""The CLI reference in docs/cli.md is the commands' own help: undocumented changes fail here."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re

import pytest

from tests.conftest import ROOT


def locked_version(package: str) -> str | None:
    lock = (ROOT / "requirements" / "dev.lock").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(package)}==([^\s;\\]+)", lock, flags=re.M | re.I)
    return found.group(1) if found else None


def installed_version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def test_cli_reference_is_in_step_with_help() -> None:
    # docs/cli.md is generated with the locked typer and click; other versions wrap and word the
    # help differently (the newest- and lowest-versions CI jobs), which is not a change of ours.
    for package in ("typer", "click"):
        if installed_version(package) != locked_version(package):
            pytest.skip(f"docs/cli.md is generated with the locked {package} ({locked_version(package)})")
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == module.render(), "run 'make docs' and commit docs/cli.md"
