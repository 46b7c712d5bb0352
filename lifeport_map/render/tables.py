"""Tables for people and spreadsheets: one table type, rendered to terminal, Markdown or CSV.

Registry text is contributor input, so every renderer neutralises it for its target: the
terminal goes through ``render.safe.terminal`` with rich markup disabled, Markdown through
``render.safe.markdown_text`` and CSV through ``render.safe.spreadsheet_safe`` (the one escaper
of each kind).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lifeport_map.render.safe import markdown_text, spreadsheet_safe


@dataclass
class Section:
    """A titled table with notes underneath (sentences, already in the chosen language).

    ``csv_columns`` and ``csv_rows``, when set, are what CSV output carries instead of the table
    (a sheet wants every field in columns; a person reads the long ones as notes)."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    csv_columns: list[str] | None = None
    csv_rows: list[list[Any]] | None = None
    ids: tuple[int, ...] = ()  # columns of ids: never wrapped or cut in a terminal


def plain(value: Any) -> str:
    """A cell value as text: None empty, floats without noise, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def csv_text(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """CSV with a header row; every text cell neutralised against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow(
            [
                spreadsheet_safe(v if isinstance(v, (int, float)) and not isinstance(v, bool) else plain(v))
                for v in row
            ]
        )
    return buffer.getvalue()


def to_markdown(sections: Sequence[Section]) -> str:
    parts = []
    for section in sections:
        lines = [f"## {markdown_text(plain(section.title))}", ""]
        if section.columns:
            lines.append("| " + " | ".join(markdown_text(plain(c)) for c in section.columns) + " |")
            lines.append("|" + "|".join(" --- " for _ in section.columns) + "|")
            lines.extend(
                "| " + " | ".join(markdown_text(plain(v)) for v in row) + " |" for row in section.rows
            )
            lines.append("")
        lines.extend(f"- {markdown_text(plain(note))}" for note in section.notes)
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n".join(parts)


def to_csv(sections: Sequence[Section]) -> str:
    """The first (main) table as CSV; the others and the notes are for people, not sheets."""
    if not sections:
        return ""
    main = sections[0]
    if main.csv_columns is not None and main.csv_rows is not None:
        return csv_text(main.csv_columns, main.csv_rows)
    return csv_text(main.columns, main.rows)


def print_console(sections: Sequence[Section]) -> None:
    """Print tables to the terminal through rich with markup off; notes as plain lines.

    A table is laid out for the terminal's width without cutting a cell (stacked records when
    it does not fit); notes wrap between words."""
    from lifeport_map.render.console import console, table
    from lifeport_map.render.safe import terminal

    out = console()
    for index, section in enumerate(sections):
        if index:
            out.print()
        if section.columns:
            rows = [[plain(v) for v in row] for row in section.rows]
            out.print(table(section.title, section.columns, rows, width=out.width, ids=section.ids))
        else:
            out.print(terminal(section.title))
        for note in section.notes:
            out.print(terminal(note))
