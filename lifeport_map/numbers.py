"""Numbers as people read them, in one place: Dutch ``1.000`` and ``0,67``, English ``1,000`` and
``0.67``. Every table, sentence, brief and map label formats numbers through ``format_number``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

SEPARATORS = {"nl": (".", ","), "en": (",", ".")}  # thousands, decimal


def format_number(
    value: float | int | None,
    lang: str,
    *,
    decimals: int | None = None,
    approximate: bool = False,
    empty: str = "",
) -> str:
    """``value`` with the thousands and decimal separators of ``lang``.

    Whole numbers get no decimals; other numbers ``decimals`` places (default: up to two,
    trailing zeros dropped). ``approximate`` puts '≈' in front. None gives ``empty``.
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return empty
    thousands, point = SEPARATORS.get(lang, SEPARATORS["en"])
    number = float(value)
    if decimals is None and number == int(number):
        text = f"{int(number):,}"
    elif decimals is None:
        text = f"{number:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{number:,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", point).replace("\0", thousands)
    return ("≈" if approximate else "") + text


def column_decimals(values: Iterable[object], most: int = 2) -> int | None:
    """One number of decimals for a column of a table people read, so that "76,5" never stands
    above "76,36": the most decimals any of its numbers shows by ``format_number``'s default (up
    to ``most``, trailing zeros dropped), or None when every number is whole (counts keep none).
    Texts, booleans and None in the column are ignored. CSV does not use it: a sheet gets each
    number as the result holds it and formats the column itself."""
    found: int | None = None
    for value in values:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if isinstance(value, float) and not math.isfinite(value):
            continue
        shown = f"{float(value):.{most}f}".rstrip("0")
        needed = len(shown) - shown.index(".") - 1
        if needed:
            found = max(found or 0, needed)
    return found


def format_percent(share: float | None, lang: str, *, decimals: int = 0) -> str:
    """A share (0.42) as a percentage ('42 %' in Dutch, '42%' in English)."""
    if share is None:
        return ""
    text = format_number(round(100 * share, decimals), lang, decimals=decimals or None)
    return f"{text} %" if lang == "nl" else f"{text}%"


MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def format_date(iso: str, lang: str) -> str:
    """A date of the registry or a map (YYYY-MM-DD, YYYY-MM or YYYY) as people read it: Dutch
    '29 november 2026' and 'november 2020'; English keeps ISO 8601, which reads the same
    everywhere. Anything else is returned as it is."""
    parts = iso.split("-")
    if lang != "nl" or not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return iso
    if len(parts) == 1:
        return iso
    month = int(parts[1])
    if not 1 <= month <= 12:
        return iso
    if len(parts) == 2:
        return f"{MONTHS_NL[month - 1]} {parts[0]}"
    return f"{int(parts[2])} {MONTHS_NL[month - 1]} {parts[0]}"
