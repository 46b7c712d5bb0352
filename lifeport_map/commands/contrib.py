"""CLI commands: contrib."""

from __future__ import annotations
