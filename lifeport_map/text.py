"""Small text helpers shared by checks and look-ups: name normalisation and invisibles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_SPACES = re.compile(r"\s+")
_LEGAL = re.compile(
    r"\b(b\.?v\.?|n\.?v\.?|gmbh|ag|se|inc\.?|ltd\.?|s\.?a\.?|e\.?v\.?|co\.?\s*kg|kg|bvba|nv)\b\.?",
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-, case- and space-insensitive form of a name, for matching."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().replace("ß", "ss")).strip()


def fold_organisation(text: str) -> str:
    """``fold`` without legal-form suffixes (B.V., GmbH, N.V., ...), for duplicate detection."""
    return _SPACES.sub(" ", _LEGAL.sub(" ", fold(text))).strip(" ,.-")


def invisible_characters(text: str) -> list[str]:
    """Control, format (zero-width, bidi) and unassigned characters, as U+XXXX labels."""
    if text.isprintable():  # C fast path: False for exactly Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs != ' '
        return []
    found = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp") or (category == "Zs" and ch != " "):
            found.append(f"U+{ord(ch):04X}")
    return found


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


EXCERPT_CHARS = 40


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``value`` for a message, on one line, control characters
    made visible, '...' when cut. Messages quote what they read only through this, so a file that
    is not what it should be (a planted link to a secret, say) is never echoed whole."""
    from lifeport_map.render.safe import terminal

    text = str(value)
    return terminal(text[:limit]) + ("..." if len(text) > limit else "")
