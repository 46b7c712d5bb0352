"""Helpers shared by the map, report and browser tests: the hostile registry and loaders."""

from __future__ import annotations

from pathlib import Path

from lifeport_map.model import Registry
from lifeport_map.registry import load_registry

HERE = Path(__file__).resolve().parent
MINI = HERE / "fixtures" / "mini"
HOSTILE = HERE / "fixtures" / "maps" / "hostile"
HOSTILE_ARGS = ["--registry", str(HOSTILE / "companies.yaml"), "--regions", str(HOSTILE / "regions")]


def mini() -> Registry:
    return load_registry(MINI / "companies.yaml", MINI / "regions")


def hostile() -> Registry:
    """Registry text full of markup and script; loaded without the semantic checks, as a
    renderer must cope with whatever reaches it."""
    return load_registry(HOSTILE / "companies.yaml", HOSTILE / "regions", check=False)
