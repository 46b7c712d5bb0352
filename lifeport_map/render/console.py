"""Console output with rich, never interpreting registry text as markup or escape codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lifeport_map.render.safe import terminal


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, highlight=False, emoji=False, soft_wrap=False)


def cell(value: Any) -> Text:
    """A table cell from any value; strings are neutralised, never parsed as markup."""
    if value is None:
        return Text("")
    return Text(terminal(str(value)))


def table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, justify_numbers: bool = True
) -> Table:
    out = Table(title=terminal(title), title_justify="left", show_lines=False)
    for column in columns:
        out.add_column(terminal(column))
    for row in rows:
        out.add_row(*(cell(v) for v in row))
    return out
