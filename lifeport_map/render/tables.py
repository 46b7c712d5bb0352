"""Tables for people and spreadsheets: one table type, rendered to terminal, Markdown or CSV.

Registry text is contributor input, so every renderer neutralises it for its target: the
terminal goes through ``render.safe.terminal`` with rich markup disabled, Markdown escapes
every character that could start a link, HTML or a table cell, and CSV prefixes cells that a
spreadsheet would run as a formula with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Cells a spreadsheet would read as a formula or a control sequence (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~&$^])")
_SCHEMES = re.compile(r"(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


@dataclass
class Section:
    """A titled table with notes underneath (sentences, already in the chosen language)."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)


def plain(value: Any) -> str:
    """A cell value as text: None empty, floats without noise, booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell that spreadsheets will not execute: text starting with = + - @ tab or CR
    gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


def markdown_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: no HTML, no links, no cell breaks."""
    text = _LINE_BREAKS.sub(" ", plain(value))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # angle brackets as entities (after the backslash escapes, so '&' above cannot break them)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _SCHEMES.sub(lambda m: m.group(1) + "\\:", text)


def to_markdown(sections: Sequence[Section]) -> str:
    parts = []
    for section in sections:
        lines = [f"## {markdown_escape(section.title)}", ""]
        if section.columns:
            lines.append("| " + " | ".join(markdown_escape(c) for c in section.columns) + " |")
            lines.append("|" + "|".join(" --- " for _ in section.columns) + "|")
            lines.extend("| " + " | ".join(markdown_escape(v) for v in row) + " |" for row in section.rows)
            lines.append("")
        lines.extend(f"- {markdown_escape(note)}" for note in section.notes)
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n".join(parts)


def to_csv(sections: Sequence[Section]) -> str:
    """The first (main) table as CSV; the others and the notes are for people, not sheets."""
    if not sections:
        return ""
    return csv_text(sections[0].columns, sections[0].rows)


def print_console(sections: Sequence[Section]) -> None:
    """Print tables to the terminal through rich with markup off; notes as plain lines."""
    from lifeport_map.render.console import console, table
    from lifeport_map.render.safe import terminal

    out = console()
    for index, section in enumerate(sections):
        if index:
            out.print()
        if section.columns:
            out.print(
                table(section.title, section.columns, [[plain(v) for v in row] for row in section.rows])
            )
        else:
            out.print(terminal(section.title))
        for note in section.notes:
            out.print(terminal(note))
