"""Helpers shared by the map, report and browser tests: the hostile registry and loaders."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lifeport_map.model import Registry
from lifeport_map.registry import load_registry
from lifeport_map.results import Coverage

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


def page_data(html: str) -> dict[str, Any]:
    """The JSON a map page draws from (the lp-data element)."""
    found = re.search(r'<script type="application/json" id="lp-data">(.*?)</script>', html, re.S)
    assert found is not None, "the page has no lp-data element"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def without_data(html: str) -> str:
    """The page with its JSON data element removed: the HTML and JavaScript around the data."""
    return re.sub(r'<script type="application/json" id="lp-data">.*?</script>', "", html, flags=re.S)


def coverages_of(registry: Registry, regions: Sequence[str]) -> list[Coverage]:
    """The coverage results a compare page shows under its panels (computed by the caller, as
    the map command does: renderers do not run analyses)."""
    from lifeport_map.analysis.coverage import coverage

    return [coverage(registry, name, lang="nl") for name in regions]
