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

from lifeport_map.numbers import column_decimals, format_number
from lifeport_map.render.labels import label
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
    # The first column names each row (a phase, or a summary such as "whole chain present"):
    # stacked for a narrow terminal, a row's first cell is its heading without the column name.
    row_headings: bool = False


def plain(value: Any, lang: str = "en", decimals: int | None = None) -> str:
    """A cell value as people read it in ``lang``: None empty, numbers with the language's
    separators (``numbers.format_number``: 1.000 and 0,67 in Dutch; ``decimals`` places when
    given), booleans as yes/no. Years and ids are strings by then, so they keep their digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, (int, float)):
        return format_number(value, lang, decimals=decimals)
    return str(value)


def people_rows(rows: Sequence[Sequence[Any]], lang: str) -> list[list[str]]:
    """Rows as people read them (terminal, Markdown): each column's numbers with one number of
    decimals (``numbers.column_decimals``: 76,50 above 76,36, not 76,5)."""
    width = max((len(row) for row in rows), default=0)
    decimals = [column_decimals(row[i] for row in rows if i < len(row)) for i in range(width)]
    return [[plain(v, lang, decimals[i]) for i, v in enumerate(row)] for row in rows]


# CSV dialects: field delimiter and decimal mark. Dutch spreadsheets read ';' and '0,67'.
CSV_DIALECTS = {"nl": (";", ","), "en": (",", ".")}


def _csv_number(value: float, decimal: str) -> str | float:
    """A number for a sheet, never with thousands separators: as Python writes it with a decimal
    point, or with a decimal comma (whole numbers then without ',0')."""
    if decimal == ".":
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", decimal)


def _one_line_end(text: str) -> str:
    """Line breaks in a cell as LF: the csv module quotes a cell with LF but not one with a lone
    CR, which a reader then takes for the end of the row."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def csv_text(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], dialect: str = "en", lang: str = "en"
) -> str:
    """CSV with a header row in ``dialect`` ('nl': ';' between fields and decimal commas; 'en':
    ',' and points; numbers never get thousands separators); every text cell neutralised against
    formula injection (numbers stay numbers, so '-4600' is no formula to defuse)."""
    delimiter, decimal = CSV_DIALECTS[dialect]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    writer.writerow([spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow(
            [
                _csv_number(v, decimal)
                if isinstance(v, (int, float)) and not isinstance(v, bool)
                else spreadsheet_safe(_one_line_end(plain(v, lang)))
                for v in row
            ]
        )
    return buffer.getvalue()


def to_markdown(sections: Sequence[Section], lang: str = "en") -> str:
    parts = []
    for section in sections:
        lines = [f"## {markdown_text(plain(section.title, lang))}", ""]
        if section.columns:
            lines.append("| " + " | ".join(markdown_text(plain(c, lang)) for c in section.columns) + " |")
            lines.append("|" + "|".join(" --- " for _ in section.columns) + "|")
            lines.extend(
                "| " + " | ".join(markdown_text(v) for v in row) + " |"
                for row in people_rows(section.rows, lang)
            )
            lines.append("")
        lines.extend(f"- {markdown_text(plain(note, lang))}" for note in section.notes)
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n".join(parts)


def to_csv(sections: Sequence[Section], dialect: str = "en", lang: str = "en") -> str:
    """The first (main) table as CSV in ``dialect``; the others and the notes are for people."""
    if not sections:
        return ""
    main = sections[0]
    if main.csv_columns is not None and main.csv_rows is not None:
        return csv_text(main.csv_columns, main.csv_rows, dialect, lang)
    return csv_text(main.columns, main.rows, dialect, lang)


def print_console(sections: Sequence[Section], lang: str = "en") -> None:
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
            rows = people_rows(section.rows, lang)
            out.print(
                table(
                    section.title,
                    section.columns,
                    rows,
                    width=out.width,
                    ids=section.ids,
                    row_headings=section.row_headings,
                )
            )
        else:
            out.print(terminal(section.title))
        for note in section.notes:
            out.print(terminal(note))
