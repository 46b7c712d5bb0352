"""Shared fixtures: paths to the shipped data, the tiny hand-made registry, a CLI runner."""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    """Graphs the commands cache go to a folder of this test session, never the user's."""
    import tempfile

    os.environ["LIFEPORT_CACHE_DIR"] = tempfile.mkdtemp(prefix="lifeport-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    folder = os.environ.pop("LIFEPORT_CACHE_DIR", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def snapshot(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file below ``folder`` (to prove nothing was written)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# Linux capabilities (linux/capability.h, linux/prctl.h): what lets root read and write any file.
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def permissions_apply() -> None:
    """For ``preexec_fn``: the child meets file permissions as any user does, also when the
    tests run as root (as they do on the development machine): root keeps its uid but loses
    the capabilities that bypass permissions (dropped from the bounding set, so the program it
    runs never has them). Nothing to do for another user."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def need_permissions_to_apply() -> None:
    """Skip the test where even ``permissions_apply`` cannot make root meet file permissions
    (a root without CAP_SETPCAP, or no Linux prctl)."""
    try:
        subprocess.run(["true"], preexec_fn=permissions_apply, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"root cannot give up overriding file permissions here: {error}")


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    permissions: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run the real console script in a subprocess, as a user would (``permissions``: one for
    whom file permissions apply, see ``permissions_apply``)."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("LIFEPORT_DEBUG", None)
    if permissions:
        need_permissions_to_apply()
    return subprocess.run(
        [sys.executable, "-m", "lifeport_map", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        check=False,
        preexec_fn=permissions_apply if permissions else None,
    )


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """The mini registry and regions in a folder of the test's own."""
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    return folder


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A graph/registry cache folder of the test's own (LIFEPORT_CACHE_DIR)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LIFEPORT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def mini_args() -> list[str]:
    return ["--registry", str(MINI / "companies.yaml"), "--regions", str(MINI / "regions")]


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    """An empty working directory; tests assert it stays empty."""
    yield tmp_path


# Headless Debian Chromium for tests/browser, driven by Playwright (never downloaded); the flags
# keep Chromium from reaching out to a network this machine does not have.
CHROMIUM = Path(os.environ.get("LIFEPORT_CHROMIUM", "/usr/bin/chromium"))  # Debian; GitHub: google-chrome
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    in_ci = os.environ.get("CI") == "true"
    if not CHROMIUM.exists():
        message = "Debian chromium is not installed (apt-get install -y chromium)"
        if in_ci:  # in CI a missing browser is a broken set-up, not a reason to skip
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        playwright_api = importlib.import_module("playwright.sync_api")
    except ImportError:
        if in_ci:
            pytest.fail("playwright is not installed (make install)", pytrace=False)
        pytest.skip("playwright is not installed (make install)")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()
