"""Neutralising registry text for each place it is shown: terminals, GitHub annotations.

Registry text is contributor input. Before it reaches a terminal, control characters and
escape sequences are made visible and GitHub workflow commands broken (``terminal``: a CI log is
a terminal too); before it reaches a GitHub workflow command, the characters that could end the
command or start a new one are percent-encoded.
"""

from __future__ import annotations

import re
import unicodedata

from lifeport_map.text import terminal as terminal
from lifeport_map.text import visible as visible


def github_data(text: str) -> str:
    """Escape the message part of a GitHub workflow command (``::error ...::MESSAGE``): the
    line is read as the command it starts with, so "::" and "##[" inside it are only text."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a property value of a GitHub workflow command (``file=...,line=...``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# --- HTML, JavaScript and Markdown ------------------------------------------------------------
# Every piece of registry text that enters a map or a brief goes through ``html_text`` (or, for
# Markdown, ``markdown_text``). Folium places popup and tooltip HTML inside JavaScript template
# literals, so besides the five HTML specials the characters that mean something there ($,
# backtick, backslash) become character references too; they render as the same characters.

_HTML_REPLACEMENTS = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "$": "&#36;",
    "`": "&#96;",
    "\\": "&#92;",
    "{": "&#123;",
    "}": "&#125;",
    "\u2028": "&#8232;",
    "\u2029": "&#8233;",
}
_HTML_TABLE = str.maketrans(_HTML_REPLACEMENTS)


def html_text(value: object) -> str:
    """Any value as HTML text that shows literally: in an element, an attribute (quoted), a
    JavaScript template literal or a string. Control characters are made visible first."""
    return visible("" if value is None else str(value)).translate(_HTML_TABLE)


# Whitespace (``\s`` is what str.isspace() accepts) and control characters end a link here.
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f]")


# The common shape, accepted without parsing: lower-case http(s), a host of letters, digits, dots
# and hyphens (so no user:password@), an optional port, then printable ASCII other than the
# backslash. Everything this matches passes the full check below too; the rest takes that path.
_PLAIN_HTTP_URL = re.compile(
    r"https?://[A-Za-z0-9.-]*[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]{1,5})?(?:[/?#][!-\[\]-~]*)?", re.ASCII
)


def safe_href(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address fit for a link, otherwise None (no link)."""
    if not url or _NOT_IN_URL.search(url):
        return None
    if _PLAIN_HTTP_URL.fullmatch(url) or _parses_as_plain_http(url):
        return url
    return None


def _parses_as_plain_http(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (
        parts.scheme.lower() in ("http", "https")
        and bool(parts.hostname)
        and not parts.username
        and not parts.password
        and "\\" not in url
    )


def html_link(url: str | None, text: str | None = None) -> str:
    """An external link opened in a new tab without access to this page, or plain text."""
    href = safe_href(url)
    shown = html_text(text if text is not None else (url or ""))
    if href is None:
        return shown
    return f'<a href="{html_text(href)}" target="_blank" rel="noopener noreferrer">{shown}</a>'


def script_json(value: object) -> str:
    """JSON that can sit inside a <script> element: it cannot end the element or open a
    comment, and line separators cannot break older JavaScript parsers."""
    import json

    # check_circular=False: page data is built as trees (a cycle would recurse until Python's
    # limit and raise RecursionError instead of ValueError); the check cost 6 ms of a 3 MB block.
    text = json.dumps(
        value,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        allow_nan=False,
        check_circular=False,
    )
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("'", "\\u0027")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# Markdown: backslash before every character that could start emphasis, code, a link or image
# (parentheses alone cannot: the brackets are escaped), a table cell or maths; &, < and > as
# entities; mentions, issue references and bare links broken (below); a list or
# heading marker at the start escaped; dangerous URL schemes broken. One line, control
# characters visible. Used for tables, briefs and pull-request comments alike.
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]#!|~$^")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_LEADING_MARKER = re.compile(r"([+=>-]|[0-9]+[.)])")
_SCHEMES = re.compile(r"(javascript|vbscript|data|file)\s*:", re.IGNORECASE)


# GitHub turns @name into a mention (a notification), #123, GH-123 and owner/repo#123 into issue
# references, and bare http(s)://, www. and e-mail addresses into links. It looks for them in
# the rendered text, after escapes and entities are decoded, so a backslash does not stop them:
# a zero-width space after the @, the # or GH-, before :// and after www breaks each pattern (as
# Renovate and Dependabot do in their pull requests). It is written as the entity, so it shows in
# the Markdown source and is never a raw invisible character.
_AUTOLINKS = re.compile(
    r"@|#(?=[0-9])|(?<![A-Za-z0-9])GH-(?=[0-9])|(?<=[A-Za-z])(?=://)|(?<![\w.])www(?=\.)", re.I
)


def markdown_text(value: object) -> str:
    """Registry text for Markdown: no raw HTML, no link, emphasis or mention syntax, no
    autolink, issue reference or @mention, no table breaks, no list or heading at its start,
    one line."""
    text = visible(_LINE_BREAKS.sub(" ", "" if value is None else str(value)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text).replace("](", "]\\(")
    marker = _LEADING_MARKER.match(text)
    if marker:
        text = text[: marker.end() - 1] + "\\" + text[marker.end() - 1 :]
    return _AUTOLINKS.sub(_zero_width, _SCHEMES.sub(lambda m: m.group(1) + "\\:", text))


def _zero_width(match: re.Match[str]) -> str:
    return match.group(0) + "&#8203;"


# Cells a spreadsheet would read as a formula or a control sequence (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What a spreadsheet may drop before it looks for a formula: whitespace, and the quotes of a
# field it takes for a quoted one.
_SKIPPED = re.compile(r'[\s"]*')
# Both separators a spreadsheet may split a row at: Excel takes the list separator of the
# computer's region (';' in the Netherlands, ',' in England), whatever the file's own is, and it
# splits there also inside a field the file has quoted (the quote does not start its field).
# The pattern finds each separator a formula may follow (non-ASCII: a full-width sign, maybe).
_SEPARATOR = re.compile(r'[,;](?=[\t\r]|[\s"]*(?:[=+\-@]|[^\x00-\x7f]))')


def _starts_formula(text: str, start: int = 0) -> bool:
    if text.startswith(FORMULA_STARTS, start):
        return True
    skipped = _SKIPPED.match(text, start)
    first = text[skipped.end() : skipped.end() + 1] if skipped else ""
    return bool(first) and unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS)


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that spreadsheets will not execute: text starting with = + - @ tab or CR,
    also after leading whitespace or quotes (spreadsheets strip them: " =1+1", "\n=1+1",
    '"=1+1') and in their full-width or small forms ("\uff1d1+1", which East Asian spreadsheets
    read as "=1+1"), gets a leading apostrophe; so does such text after a ',' or ';' inside the
    cell ("a;=1+1" -> "a;'=1+1"), where a spreadsheet set to the other separator than the file's
    starts a new cell. Numbers stay numbers."""
    if not isinstance(value, str) or not value:
        return value
    text = value
    if ("," in value or ";" in value) and _SEPARATOR.search(value):
        text = _SEPARATOR.sub(lambda m: m.group() + ("'" if _starts_formula(value, m.end()) else ""), value)
    if text[0].isascii() and text[0].isalnum():  # most cells: no formula starts with one
        return text
    return "'" + text if _starts_formula(text) else text
