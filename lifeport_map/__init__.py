"""lifeport-map: the semiconductor value chain around Nijmegen, as open, checkable data.

Public API: load a registry, then ask it questions. The command line is a thin shell over
these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from lifeport_map.analysis.coverage import coverage
from lifeport_map.errors import Issue, LifeportError, RegistryError, UsageError, YamlError
from lifeport_map.registry import check_registry, load_registry, read_registry

__all__ = [
    "Issue",
    "LifeportError",
    "RegistryError",
    "UsageError",
    "YamlError",
    "__version__",
    "check_registry",
    "coverage",
    "load_registry",
    "read_registry",
]
