"""The loader's fuzz target (tests/fuzz/fuzz_loader.py) runs and finds nothing in a short run.

`make fuzz` (part of `make test`) runs it longer; this keeps the harness from rotting.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("engine", ["hypothesis", "atheris"])
def test_fuzz_target_runs_clean_for_a_few_seconds(engine: str) -> None:
    if engine == "atheris":
        pytest.importorskip("atheris")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "fuzz" / "fuzz_loader.py"),
            "--seconds",
            "3",
            "--engine",
            engine,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "Traceback" not in result.stderr
