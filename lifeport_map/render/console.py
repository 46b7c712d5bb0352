"""Console output with rich, never interpreting registry text as markup or escape codes.

Tables never truncate a cell: every column is at least as wide as its longest word (a column of
ids as wide as its longest id, never wrapped), the remaining width goes to the columns that
want more, and a table whose columns cannot all get their longest word on the terminal is
stacked instead: one block per record, "heading: value" per line.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Collection, Sequence
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lifeport_map.render.safe import terminal

PADDING = 2  # rich's default: one space either side of a cell
LONG_WORD = 16  # a longer word may fold onto the next line rather than widen its column


class _Console(Console):
    """A rich console that leaves a closed pipe to the command line: rich's own answer is to
    exit 1 (``SystemExit``), which says "invalid data" here."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def console(*, stderr: bool = False) -> Console:
    return _Console(stderr=stderr, markup=False, highlight=False, emoji=False, soft_wrap=False)


def cell(value: Any) -> Text:
    """A table cell from any value; strings are neutralised, never parsed as markup."""
    if value is None:
        return Text("")
    return Text(terminal(str(value)), overflow="fold")


def _longest_word(text: str) -> int:
    return max((Text(w).cell_len for w in text.split()), default=0)


def column_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], width: int, ids: Collection[int] = ()
) -> list[int] | None:
    """Content widths for a table of ``columns`` and ``rows`` on ``width`` terminal cells, or
    None when the table cannot fit without breaking a word (then it is stacked).

    Each column gets its longest word up to ``LONG_WORD`` cells (an id column its longest
    cell: ids are never wrapped); the width left over is shared max-min fairly: a column that
    wants less than an even share gets all it wants, the others share the rest evenly."""
    n = len(columns)
    texts = [[columns[i], *(row[i] for row in rows)] for i in range(n)]
    full = [max(Text(t).cell_len for t in col) for col in texts]
    least = [
        full[i] if i in ids else max(1, min(LONG_WORD, _longest_word(" ".join(texts[i])))) for i in range(n)
    ]
    least = [min(a, b) for a, b in zip(least, full, strict=True)]
    room = width - (n + 1) - n * PADDING  # borders: one per column plus one
    if sum(least) > room:
        return None
    widths = list(least)
    spare = room - sum(widths)
    wanting = sorted((i for i in range(n) if full[i] > widths[i]), key=lambda i: (full[i] - widths[i], i))
    while wanting and spare > 0:
        fair = spare // len(wanting)
        first = wanting[0]
        if full[first] - widths[first] <= fair:  # the least hungry column gets all it wants
            spare -= full[first] - widths[first]
            widths[first] = full[first]
            wanting.pop(0)
            continue
        for rank, i in enumerate(wanting):  # the others share what is left evenly
            widths[i] += fair + (1 if rank < spare - fair * len(wanting) else 0)
        break
    return widths


def stacked(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    row_headings: bool = False,
) -> RenderableType:
    """One block per record, "heading: value" per line, the first filled cell unindented as the
    block's heading; empty cells are left out. With ``row_headings`` the first column names
    each row, and the heading is that cell alone (a summary row is not labelled "Phase: ...")."""
    parts: list[RenderableType] = [Text(terminal(title), overflow="fold")]
    for row in rows:
        filled = [(c, v) for c, v in zip(columns, row, strict=True) if v.strip()]
        parts.append(Text(""))
        parts.extend(
            Text(
                terminal(v)
                if row_headings and not index and c == columns[0]
                else f"{'  ' if index else ''}{terminal(c)}: {terminal(v)}",
                overflow="fold",
            )
            for index, (c, v) in enumerate(filled)
        )
    parts.append(Text(""))
    return Group(*parts)


def table(
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    width: int | None = None,
    ids: Collection[int] = (),
    row_headings: bool = False,
) -> RenderableType:
    """A table for a terminal ``width`` cells wide (None: as wide as it likes): columns laid
    out so that no cell is cut, ids (the columns ``ids``) never wrapped, or stacked records
    when it does not fit."""
    texts = [["" if v is None else str(v) for v in row] for row in rows]
    widths = None if width is None else column_widths(list(columns), texts, width, ids)
    if width is not None and widths is None:
        return stacked(title, columns, texts, row_headings=row_headings)
    out = Table(title=terminal(title), title_justify="left", show_lines=False)
    for index, column in enumerate(columns):
        out.add_column(
            terminal(column),
            overflow="fold",
            no_wrap=index in ids,
            width=None if widths is None else widths[index],
        )
    for row in texts:
        out.add_row(*(cell(v) for v in row))
    return out
