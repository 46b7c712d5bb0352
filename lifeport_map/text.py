"""Small text helpers shared by checks and look-ups: name normalisation and invisibles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_ASCII_QUOTES = {chr(k): v for k, v in _QUOTES.items() if k < 128}  # the backtick
_SPACES = re.compile(r"\s+")
LEGAL_FORMS = re.compile(
    r"\b(b\.?v\.?|n\.?v\.?|gmbh|ag|se|inc\.?|ltd\.?|s\.?a\.?|e\.?v\.?|co\.?\s*kg|kg|bvba|nv)\b\.?",
)


def fold(text: str) -> str:
    """Accent-, case- and space-insensitive form of a name, for matching."""
    if text.isascii():
        low = text.lower()
        # Printable ASCII has no whitespace but the space: without two spaces in a row and a
        # backtick, lowering and stripping is all (most names; 3x faster than a cache miss).
        if "  " not in low and "`" not in low and low.isprintable():
            return low.strip()
    return _fold(text)


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    if text.isascii():  # NFKD keeps ASCII as it is and none of it combines: the same, 3x faster
        for quote, plain in _ASCII_QUOTES.items():
            text = text.replace(quote, plain)
        return _SPACES.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().replace("ß", "ss")).strip()


def fold_organisation(text: str) -> str:
    """``fold`` without legal-form suffixes (B.V., GmbH, N.V., ...), for duplicate detection."""
    return _SPACES.sub(" ", LEGAL_FORMS.sub(" ", fold(text))).strip(" ,.-")


# Letters and marks that are drawn as nothing although Python counts them printable: the Hangul
# fillers, the braille blank, the combining grapheme joiner and Khmer's inherent vowels.
BLANK_LETTERS = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0]")


# Emoji: the pictographic symbols (arrows, technical and miscellaneous symbols, dingbats, and
# the emoji planes from U+1F000, skin tones included), and what may end one before a joiner: the
# emoji variation selector U+FE0F or a skin tone.
_EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_EMOJI_END = "\ufe0f\U0001f3fb-\U0001f3ff"
# A ZERO WIDTH JOINER that is not between two emoji. Between two emoji it is what makes 👩‍🔬
# one picture of 👩 and 🔬 (nothing is hidden: both sides are pictures, and without it they
# show as two); between letters, or at either end, it hides a character in a name
# ("Nijmegen" with a joiner inside compares unequal to "Nijmegen" and looks the same).
LONE_JOINER = f"\u200d(?![{_EMOJI}])|(?<![{_EMOJI}])(?<![{_EMOJI}][{_EMOJI_END}])\u200d"
_LONE_JOINER = re.compile(LONE_JOINER)


def invisible_characters(text: str) -> list[str]:
    """Control, format (zero-width, bidi), unassigned and blank-drawn characters, as U+XXXX
    labels; a zero-width joiner between two emoji (``LONE_JOINER``) is none."""
    if text.isprintable() and BLANK_LETTERS.search(text) is None:
        # C fast path: False for exactly Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs != ' '
        return []
    lone = {m.start() for m in _LONE_JOINER.finditer(text)} if "\u200d" in text else set()
    found = []
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        if (
            (category in ("Cc", "Cf", "Co", "Cn", "Zl", "Zp") and (ch != "\u200d" or index in lone))
            or (category == "Zs" and ch != " ")
            or BLANK_LETTERS.match(ch)
        ):
            found.append(f"U+{ord(ch):04X}")
    return found


# Greek and Cyrillic letters that look like a Latin letter, from Unicode's confusables.txt
# (UTS #39; the "MA" entries whose target is one Latin letter or a digit-free letter). Capital
# I-lookalikes map to Latin I (not to l, as in UTS #39), because names are compared after case
# folding, which turns Latin I into i.
_LOOKALIKES = {
    # Greek capitals and symbols
    "A": "\u0391",
    "B": "\u0392",
    "E": "\u0395",
    "Z": "\u0396",
    "H": "\u0397",
    "I": "\u0399",
    "K": "\u039a",
    "M": "\u039c\u03fa",
    "N": "\u039d",
    "O": "\u039f",
    "P": "\u03a1",
    "T": "\u03a4",
    "Y": "\u03a5\u03d2",
    "X": "\u03a7",
    "C": "\u03f9",
    "J": "\u037f",
    # Greek small letters and symbols
    "a": "\u03b1",
    "y": "\u03b3",
    "i": "\u03b9",
    "v": "\u03bd",
    "o": "\u03bf\u03c3",
    "p": "\u03c1\u03f1",
    "u": "\u03c5",
    "c": "\u03f2",
    "j": "\u03f3",
}
_CYRILLIC_LOOKALIKES = {
    "S": "\u0405",
    "I": "\u0406",
    "J": "\u0408",
    "A": "\u0410",
    "B": "\u0412",
    "E": "\u0415",
    "K": "\u041a",
    "M": "\u041c",
    "H": "\u041d",
    "O": "\u041e",
    "P": "\u0420",
    "C": "\u0421",
    "T": "\u0422",
    "Y": "\u0423\u04ae",
    "X": "\u0425",
    "V": "\u0474",
    "G": "\u050c",
    "W": "\u051c",
    "l": "\u04c0",
    "a": "\u0430",
    "r": "\u0433",
    "e": "\u0435\u04bd",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "y": "\u0443\u04af",
    "x": "\u0445",
    "s": "\u0455",
    "i": "\u0456\u04cf",
    "j": "\u0458",
    "w": "\u0461\u051d",
    "v": "\u0475",
    "h": "\u04bb",
    "d": "\u0501",
    "q": "\u051b",
}
CONFUSABLES = str.maketrans(
    {
        lookalike: latin
        for table in (_LOOKALIKES, _CYRILLIC_LOOKALIKES)
        for latin, lookalikes in table.items()
        for lookalike in lookalikes
    }
)


def skeleton(text: str) -> str:
    """``text`` with Greek and Cyrillic lookalikes of Latin letters replaced by those letters,
    so "Nijmеgen" with a Cyrillic е and "Nijmegen" compare equal."""
    # No ASCII character is a lookalike; ``translate`` with a dict takes 4 us even then.
    return text if text.isascii() else text.translate(CONFUSABLES)


def mixed_script(text: str) -> list[str]:
    """Greek or Cyrillic lookalikes of Latin letters in a text that also has Latin letters, as
    U+XXXX labels: the mark of a name made to look like another one ("Nijmеgen")."""
    if text.isascii():
        return []
    swapped = text.translate(CONFUSABLES)
    if swapped == text:
        return []
    if not any(ch == new and _is_latin_letter(ch) for ch, new in zip(text, swapped, strict=True)):
        return []
    return [f"U+{ord(ch):04X}" for ch, new in zip(text, swapped, strict=True) if ch != new]


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "LATIN" in unicodedata.name(ch, ""))


_NOT_DRAWN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def figure_text(value: object) -> str:
    """Text for matplotlib (figures, SVG, PDF): control, format, private-use and unassigned
    characters shown as \\uXXXX (SVG cannot carry most of them, and matplotlib echoes missing
    glyphs to stderr), line breaks as spaces. Dollar signs stay as they are: every figure draws
    its text with mathtext off (render/static.py, ``_plain_text``), so "$\\x$" is drawn as typed."""
    text = _unstacked("" if value is None else str(value))
    if not text.isprintable():
        text = "".join(
            f"\\u{ord(ch):04x}" if ch != " " and unicodedata.category(ch) in _NOT_DRAWN else ch
            for ch in text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        )
    return text


# Characters that change how text is shown without being seen: C0 and C1 controls (but tab and
# line breaks), the bidi embeddings, overrides, isolates and marks, zero-width spaces and
# joiners (a zero-width joiner only where it is not between two emoji: ``LONE_JOINER``), word
# joiners and invisible operators, the soft hyphen, the byte-order mark inside a
# text, interlinear annotation marks, the tag characters ("ASCII smuggling"), and the letters
# and marks that are drawn as nothing (the Hangul fillers, the braille blank, the combining
# grapheme joiner, Khmer's inherent vowels, the invisible musical formatting characters). Written
# raw into a file they hide text from a reviewer ("trojan source"); as \\uXXXX escapes they show.
HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u2800\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e007f]|" + LONE_JOINER
)
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escaped(ch: str) -> str:
    """A character as a YAML and JSON-style escape: \\uXXXX, or \\UXXXXXXXX beyond the BMP."""
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


EXCERPT_CHARS = 40


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``value`` for a message, on one line, control characters
    made visible, '...' when cut. Messages quote what they read only through this, so a file that
    is not what it should be (a planted link to a secret, say) is never echoed whole. Each output
    escapes the message as its language needs (``terminal`` for a terminal or a CI log)."""
    text = str(value)
    return visible(text[:limit]) + ("..." if len(text) > limit else "")


# Combining marks (accents drawn over the letter before them) of the blocks that text generators
# stack by the hundred ("Zalgo"): past three on one letter they are drawn above the line, over
# whatever is there (in a map page a column of them ran from a popup's heading across the map).
# From the fourth in a row on they are shown as \\uNNNN; no language writes more than three.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_STACKED_MARK = re.compile(f"(?<=[{_MARKS}]{{3}})[{_MARKS}]")


def _unstacked(text: str) -> str:
    if text.isascii() or _STACKED_MARK.search(text) is None:
        return text
    return _STACKED_MARK.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible(text: str) -> str:
    """Control and format characters shown as \\xNN or \\uNNNN, so that nothing a reader cannot
    see reaches an output, and no more than three combining marks stacked on a letter: the first
    step of every output's escaper (``terminal``, and ``render.safe``'s HTML, Markdown and GitHub
    escapers)."""
    if text.isprintable():
        # Fast path: printable text holds none of the categories below (Python counts every
        # Other and Separator character except the space as non-printable).
        return text if text.isascii() or _STACKED_MARK.search(text) is None else _unstacked(text)
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs") and ch != " ":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return _unstacked("".join(out))


# A GitHub Actions job reads its log for workflow commands: a line that starts with "::" and a
# command's name (after spaces: "::error file=x::forged", "::add-mask::...") and, in the older
# syntax, "##[" and a name anywhere in a line ("##[error]forged", "##[stop-commands]x";
# actions/runner, ActionCommand.TryParse). A table or paragraph wraps wherever the terminal's
# width puts a space, so registry text may start a line however it is laid out. The second ":"
# of "::" and the second "#" of "##[" before a letter are shown as \\x3a and \\x23 (any letter,
# not only ASCII: the runner compares names ignoring case); "::" before a digit, a space or a
# sign names no command and stays ("urn:ogc:def:crs:EPSG::28992").
_WORKFLOW_COMMAND = re.compile(r"(?<=:):(?=[^\W\d])|(?<=#)#(?=\[[^\W\d])")


def terminal(text: str) -> str:
    """Text safe to print to a terminal or a CI log: control and format characters shown as
    \\xNN or \\uNNNN (``visible``), and no GitHub workflow command ("::error", "##[error") in it."""
    text = visible(text)
    if "::" in text or "##[" in text:
        return _WORKFLOW_COMMAND.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text


def as_names(value: str | int | Iterable[Any]) -> tuple[Any, ...]:
    """``value`` as a tuple of names: one name given on its own (a string, a number) is one
    name, not its characters (``compare(graph, "nijmegen")``, ``whatif(g, r, "nxp-nijmegen")``)."""
    return (value,) if isinstance(value, (str, int)) else tuple(value)
