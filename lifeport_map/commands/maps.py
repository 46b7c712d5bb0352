"""CLI commands: maps."""

from __future__ import annotations
