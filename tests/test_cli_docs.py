"""The CLI reference in docs/cli.md is the commands' own help: undocumented changes fail here."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_cli_reference_is_in_step_with_help() -> None:
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert committed == module.render(), "run 'python scripts/gen_cli_docs.py' and commit docs/cli.md"
