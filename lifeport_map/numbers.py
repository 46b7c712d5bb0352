"""Numbers as people read them, in one place: Dutch ``1.000`` and ``0,67``, English ``1,000`` and
``0.67``. Every table, sentence, brief and map label formats numbers through ``format_number``.
"""

from __future__ import annotations

import math

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


def format_percent(share: float | None, lang: str, *, decimals: int = 0) -> str:
    """A share (0.42) as a percentage ('42 %' in Dutch, '42%' in English)."""
    if share is None:
        return ""
    text = format_number(round(100 * share, decimals), lang, decimals=decimals or None)
    return f"{text} %" if lang == "nl" else f"{text}%"
