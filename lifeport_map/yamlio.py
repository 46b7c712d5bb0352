"""The strict, line-aware YAML reader: the only place in the package that parses YAML.

It reads PyYAML's (libyaml) event stream and builds plain Python data itself, so YAML 1.1's
implicit typing never applies: a plain scalar is an int, a float, ``true``/``false``, null or
else a string ("NO", "on", "0042", "12:30", "2024-01-01", ".nan" and numbers of more than
``MAX_NUMBER_CHARS`` characters stay strings). Anchors, aliases, tags, merge keys, duplicate
keys, several documents, non-string keys and hostile sizes are refused with the file, line and
column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifeport_map.errors import Issue, YamlError
from lifeport_map.messages import Number, Text, msg
from lifeport_map.text import HIDDEN, excerpt

if TYPE_CHECKING:
    from lifeport_map.fileio import ReadOnce

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32
MAX_SCALAR_CHARS = 100_000
# Longer digit strings stay text: Python refuses to convert more than 4300 digits by default
# (as few as 640 when PYTHONINTMAXSTRDIGITS is set), and no registry number needs 600.
MAX_NUMBER_CHARS = 600

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z")
_CONFLICT = re.compile(rb"^(?:<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)


def pack(line: int, col: int) -> int:
    """Pack a 1-based line and column into one int (cheap to store per value)."""
    return (line << 12) | min(col, 4095)


def unpack(position: int) -> tuple[int, int]:
    return position >> 12, position & 4095


class YMap(dict[str, Any]):
    """A mapping that remembers where it, each of its keys and each of its values start.

    The event reader records every value's position (``YMap(start, {})``). The canonical reader
    records only the keys': there a value written on its key's line starts two columns after
    the key ("key: value"), and one on the lines below is a mapping or list with a start of
    its own, so ``positions`` is worked out when first asked for (only where an issue is
    reported), which keeps a dict and an int per value out of memory (about a third of the
    parsed registry).
    """

    __slots__ = ("_positions", "key_positions", "start")

    def __init__(self, start: int, positions: dict[str, int] | None = None) -> None:
        super().__init__()
        self.start = start
        self._positions = positions
        self.key_positions: dict[str, int] = {}

    @property
    def positions(self) -> dict[str, int]:
        """Where the value under each key starts (packed, see ``pack``)."""
        found = self._positions
        if found is None:
            keys = self.key_positions
            found = self._positions = {
                key: value.start if value.__class__ in (YMap, YList) else keys[key] + len(key) + 2
                for key, value in self.items()
                if key in keys  # a key added after reading has no position
            }
        return found


class YList(list[Any]):
    """A sequence that remembers where it and each of its items start."""

    __slots__ = ("positions", "start")

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start = start
        self.positions: list[int] = []


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """The parsed content of one file, and the file it came from."""

    path: Path
    data: Any
    text: str
    clean: bool = False  # the text was seen to hold no character that _SUSPECT_CHAR_PATTERN matches

    def hidden_characters(self) -> list[Issue]:
        """``hidden_characters_in`` the text, or none without a second scan when it is clean."""
        return [] if self.clean else hidden_characters_in(self.text, self.path)


def position_of(container: Any, key: str | int) -> tuple[int, int] | None:
    """Where the value under ``key`` starts in the file, if known."""
    if isinstance(container, YMap) and isinstance(key, str):
        pos = container.positions.get(key)
        return unpack(pos) if pos is not None else unpack(container.start)
    if isinstance(container, YList) and isinstance(key, int):
        if 0 <= key < len(container.positions):
            return unpack(container.positions[key])
        return unpack(container.start)
    return None


def position_at(node: Any, dotted: str, default: tuple[int, int]) -> tuple[int, int]:
    """Where the field ``dotted`` (``location.lat``, ``sources[0].url``) starts below ``node``;
    the deepest known position on the way, or ``default`` when not even the first part exists."""
    best = default
    for part in dotted.replace("]", "").replace("[", ".").split("."):
        key: str | int = int(part) if part.isdigit() else part
        pos = position_of(node, key)
        if pos is None:
            break
        best = pos
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    return best


def start_of(value: Any) -> tuple[int, int] | None:
    if isinstance(value, (YMap, YList)):
        return unpack(value.start)
    return None


def _issue(path: Path, line: int, col: int, code: str, message: Text, hint: Text) -> YamlError:
    return YamlError(Issue(code=code, text=message, help=hint, file=str(path), line=line, col=col))


def read_text(
    path: Path, *, max_bytes: int = MAX_BYTES, root: Path | None = None, given_by: str | None = None
) -> str:
    """Read a file as strict UTF-8, refusing what would be misread or is too large, and what is
    not a regular file inside ``root`` (default: the file's own folder; see ``fileio``).
    ``given_by``: the option that named the file, for the hint of a missing one."""
    return decode(_read_bytes(path, max_bytes=max_bytes, root=root, given_by=given_by), path)


def _read_bytes(path: Path, *, max_bytes: int, root: Path | None, given_by: str | None) -> bytes:
    from lifeport_map.fileio import read_bytes

    return read_bytes(path, max_bytes=max_bytes, root=root, too_large="yaml.too-large", given_by=given_by)


BOM = b"\xef\xbb\xbf"  # U+FEFF in UTF-8


def decode(raw: bytes, path: Path) -> str:
    """The text of a file's bytes: strict UTF-8 without a leading byte order mark (``BOM``),
    refusing UTF-16 and UTF-32, NUL, invalid bytes and merge-conflict markers."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) >= 2 and b"\x00" in raw[:4]):
        raise _issue(
            path,
            1,
            1,
            "yaml.encoding",
            msg("yaml.encoding/utf16"),
            msg("yaml.bom/hint"),
        )
    # A UTF-8 byte order mark at the very start is no text (YAML 1.2 allows one there, and
    # Windows editors write one): it is skipped, as GeoJSON files skip it (``geojson``), and fmt
    # leaves it out. U+FEFF anywhere else is a character that hides text and is refused.
    raw = raw.removeprefix(BOM)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _issue(
            path,
            line,
            col,
            "yaml.encoding",
            msg("yaml.encoding", byte=f"0x{raw[exc.start]:02x}"),
            msg("yaml.encoding/hint"),
        ) from None
    # Strict UTF-8 writes U+0000 as a zero byte and no other character with one: looking in the
    # bytes (memchr, 1 ms for 26 MB) finds what looking in the text would (34 ms in a text with
    # a character beyond U+00FF, held two bytes a character).
    if b"\x00" in raw:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _issue(
            path,
            line,
            1,
            "yaml.encoding",
            msg("yaml.encoding/nul"),
            msg("yaml.encoding/nul-hint"),
        )
    # The pattern needs one of the four markers; looking for them first is many times faster.
    conflict = _CONFLICT.search(raw) if has_marker_run(raw) else None
    if conflict:
        line = raw.count(b"\n", 0, conflict.start()) + 1
        raise _issue(
            path,
            line,
            1,
            "yaml.merge-conflict",
            msg("yaml.merge-conflict"),
            msg("yaml.merge-conflict/hint"),
        )
    return text


# A merge-conflict marker starts with seven of one of these bytes (see ``_CONFLICT``).
_MARKER_BYTES = (b"<", b"=", b">", b"|")
# Occurrences of a marker byte looked at one by one before one substring search takes over.
MARKER_SCAN_LIMIT = 10_000


def has_marker_run(raw: bytes) -> bool:
    """Whether ``raw`` holds seven equal bytes of a merge-conflict marker in a row (``<``, ``=``,
    ``>`` or ``|``), which ``_CONFLICT`` needs. Each byte is found with ``bytes.find`` of one
    byte (memchr) and a run is looked for only where it occurs: a registry holds few of them
    (``=`` and ``|`` in URLs, ``>`` before a folded text), and a substring search for each
    seven-byte marker took about 15 ms per 26 MB (60 ms of a cold read at 10,000 sites). After
    ``MARKER_SCAN_LIMIT`` occurrences of one byte the rest is one substring search."""
    for byte in _MARKER_BYTES:
        run = byte * 7
        index = raw.find(byte)
        looked = 0
        while index >= 0:
            if raw.startswith(run, index):
                return True
            looked += 1
            if looked == MARKER_SCAN_LIMIT:
                if raw.find(run, index) >= 0:
                    return True
                break
            index = raw.find(byte, index + 1)
    return False


def load_yaml(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    root: Path | None = None,
    given_by: str | None = None,
    content: ReadOnce | None = None,
) -> YamlDocument:
    """Read and parse one YAML file strictly. Raises :class:`YamlError` with a position;
    ``given_by``: the option that named the file (``--registry``), for the hint of a missing one;
    ``content``: the file's bytes as the caller read them (``fileio.read_bytes`` with the same
    ``max_bytes`` and ``root``), parsed instead of reading the file again."""
    raw = (
        _read_bytes(path, max_bytes=max_bytes, root=root, given_by=given_by)
        if content is None
        else content.take()
    )
    text = decode(raw, path)
    clean = clean_text(raw)
    del raw
    return YamlDocument(path=path, data=parse(text, path, clean=clean), text=text, clean=clean)


# The ASCII characters that ``_SUSPECT_CHAR_PATTERN`` lets pass: the line feed and the printable ones.
_PLAIN_ASCII = b"\n" + bytes(range(0x20, 0x7F))


def clean_text(raw: bytes) -> bool:
    """Whether the text of ``raw`` (bytes that ``decode`` accepted) holds no character that
    ``_SUSPECT_CHAR_PATTERN`` matches. UTF-8 writes every character beyond ASCII in bytes from
    0x80 up, so deleting the bytes of the plain ASCII characters (``bytes.translate``, one fast
    pass) leaves the encoding of all other characters, in a registry a few kB: only those are
    matched against the pattern. 26 MB: about 25 ms, against 0.14-0.29 s for the pattern over the
    whole text."""
    rest = raw.removeprefix(BOM).translate(None, _PLAIN_ASCII)
    return suspect_char().search(rest.decode("utf-8")) is None


_NOT_SPECIAL_START = frozenset("abcdeghijklmopqrsuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_/'\"(")


def _scalar(value: str, plain: bool) -> Any:
    if not plain or (value and value[0] in _NOT_SPECIAL_START):
        return value
    if value in ("", "~", "null"):
        return None
    if value == "true":
        return True
    if value == "false":
        return False
    if len(value) > MAX_NUMBER_CHARS:
        return value
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def parse(text: str, path: Path, *, clean: bool = False) -> Any:
    """Plain data with positions from ``text``: :func:`parse_canonical` when the text is in the
    plain block form that ``fmt`` writes, else (and for every error) :func:`parse_events`.
    ``clean``: the caller found no character that ``_SUSPECT_CHAR_PATTERN`` matches in ``text``."""
    data = parse_canonical(text, clean=clean)
    if data is _NOT_CANONICAL:
        if clean or _YAML_ONLY_BREAK.search(text) is None:
            return parse_events(text, path)
        return _parse_with_editor_lines(text, path)
    return data


# YAML (and libyaml's positions) also break lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR;
# editors, diffs and ``hidden_characters_in`` break them only at LF, CRLF and CR. A file holding
# one raw is refused anyway (text.hidden-character), but every position after it would name the
# wrong line, and YAML may split a value at it: such a file gets its positions in editor lines.
_YAML_ONLY_BREAK = re.compile("[\x85\u2028\u2029]")
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _parse_with_editor_lines(text: str, path: Path) -> Any:
    """:func:`parse_events` with every position in editor lines; a syntax error is reported as
    the raw line break YAML split the text at (its first one), where an editor shows it."""
    lines = [(1, 0)]  # per YAML line: its editor line and the columns before it on that line
    line, line_start = 1, 0
    for match in _YAML_BREAK.finditer(text):
        if match.group() in "\x85\u2028\u2029":
            lines.append((line, match.end() - line_start))
        else:
            line, line_start = line + 1, match.end()
            lines.append((line, 0))

    def editor(position: int) -> int:
        yaml_line, col = unpack(position)
        if not 1 <= yaml_line <= len(lines):
            return position
        line, before = lines[yaml_line - 1]
        return pack(line, col + before)

    try:
        data = parse_events(text, path)
    except YamlError as exc:
        if exc.issue.code != "yaml.syntax":
            from dataclasses import replace

            line, col = unpack(editor(pack(exc.issue.line or 1, exc.issue.col or 1)))
            raise YamlError(replace(exc.issue, line=line, col=col)) from None
        raise YamlError(hidden_characters_in(text, path, limit=1)[0]) from None
    todo = [data]
    while todo:
        node = todo.pop()
        if isinstance(node, YMap):
            node.start = editor(node.start)
            node.key_positions = {k: editor(v) for k, v in node.key_positions.items()}
            if node._positions is not None:
                node._positions = {k: editor(v) for k, v in node._positions.items()}
            todo.extend(v for v in node.values() if isinstance(v, (YMap, YList)))
        elif isinstance(node, YList):
            node.start = editor(node.start)
            node.positions = [editor(v) for v in node.positions]
            todo.extend(v for v in node if isinstance(v, (YMap, YList)))
    return data


def parse_events(text: str, path: Path) -> Any:
    """Build plain data from the event stream of ``text`` (see the module docstring).

    This loop is the hot path of every command, so it dispatches on the event class directly
    and attaches values inline rather than through helper calls.
    """
    # PyYAML is imported here, not with the module: a registry in the canonical form never
    # needs it, and importing it cost every command about 10 ms.
    import yaml

    try:  # libyaml is much faster; PyYAML wheels ship it, but a source build may not.
        from yaml import CSafeLoader as event_loader
    except ImportError:  # pragma: no cover - depends on the PyYAML build
        from yaml import SafeLoader as event_loader  # type: ignore[assignment]

    loader = event_loader(text)
    get_event: Any = loader.get_event  # events are typed loosely by PyYAML
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    not_special = _NOT_SPECIAL_START
    stack: list[Any] = []
    keys: list[Any] = []  # per open container: the pending mapping key (None: expecting a key)
    documents = 0
    root: Any = None
    try:
        while True:
            event = get_event()
            cls = event.__class__
            if cls is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    _refuse_node(event, path)
                raw = event.value
                mark = event.start_mark
                column = mark.column + 1
                position = ((mark.line + 1) << 12) | (column if column < 4095 else 4095)
                if len(raw) > MAX_SCALAR_CHARS:
                    raise _issue(
                        path,
                        mark.line + 1,
                        column,
                        "yaml.too-long",
                        msg("yaml.too-long", length=Number(len(raw), 0)),
                        msg("yaml.too-long/hint", limit=Number(MAX_SCALAR_CHARS, 0)),
                    )
                if event.style or not event.implicit[0] or (raw and raw[0] in not_special):
                    value: Any = raw
                else:
                    value = _scalar(raw, True)
                if not stack:
                    root = value
                    continue
                parent = stack[-1]
                if parent.__class__ is YList:
                    parent.append(value)
                    parent.positions.append(position)
                    continue
                key = keys[-1]
                if key is None:
                    if value.__class__ is not str or value == "<<" or value in parent:
                        _check_key(parent, value, position, path)
                    keys[-1] = value
                    parent.key_positions[value] = position
                else:
                    parent[key] = value
                    parent.positions[key] = position
                    keys[-1] = None
                continue
            if cls is mapping_start or cls is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    _refuse_node(event, path)
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise _issue(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        "yaml.too-deep",
                        msg("yaml.too-deep", depth=MAX_DEPTH),
                        msg("yaml.too-deep/hint"),
                    )
                position = ((mark.line + 1) << 12) | min(mark.column + 1, 4095)
                stack.append(YMap(position, {}) if cls is mapping_start else YList(position))
                keys.append(None)
                continue
            if cls is mapping_end or cls is sequence_end:
                finished = stack.pop()
                keys.pop()
                if not stack:
                    root = finished
                    continue
                parent = stack[-1]
                if parent.__class__ is YList:
                    parent.append(finished)
                    parent.positions.append(finished.start)
                    continue
                key = keys[-1]
                if key is None:
                    _check_key(parent, finished, finished.start, path)
                    continue  # unreachable: _check_key refuses non-text keys
                parent[key] = finished
                parent.positions[key] = finished.start
                keys[-1] = None
                continue
            if event is None or cls is yaml.StreamEndEvent:
                break
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _issue(
                        path,
                        line,
                        col,
                        "yaml.multiple-documents",
                        msg("yaml.multiple-documents"),
                        msg("yaml.multiple-documents/hint"),
                    )
            elif cls is yaml.AliasEvent:
                raise _issue(
                    path,
                    line,
                    col,
                    "yaml.alias",
                    msg("yaml.alias", alias=excerpt(event.anchor)),
                    msg("yaml.alias/hint"),
                )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in problem:  # newer PyYAML builds stop at their own depth limit
            raise _issue(
                path,
                line,
                col,
                "yaml.too-deep",
                msg("yaml.too-deep", depth=MAX_DEPTH),
                msg("yaml.too-deep/hint"),
            ) from None
        unclosed = _unclosed_quote(yaml, event_loader, text, exc, path)
        if unclosed is not None:
            raise unclosed from None
        hint = msg("yaml.syntax/hint")
        if "\t" in problem or "'\\t'" in problem:
            hint = msg("yaml.syntax/tabs")
        elif problem.startswith("mapping values are not allowed") and exc.problem_mark is not None:
            hint = _colon_hint(text, exc.problem_mark)
        raise _issue(path, line, col, "yaml.syntax", _syntax_message(problem), hint) from None
    except yaml.YAMLError as exc:
        raise _issue(
            path,
            1,
            1,
            "yaml.syntax",
            msg("yaml.syntax/other", problem=excerpt(exc, 120)),
            msg("yaml.syntax/hint"),
        ) from None
    finally:
        loader.dispose()
    return root


# --- the canonical fast path ---------------------------------------------------------------
#
# ``fmt`` writes block mappings and sequences, one value per line, keys of letters, digits, '_'
# and '-', values plain, double-quoted on one line, or short flow lists. For such text this
# reader gives exactly what :func:`parse_events` gives (values, types and every position; a
# property test compares the two on the shipped, realistic and hostile registries) in a third
# of the time. It accepts only lines whose YAML meaning is certain and returns
# ``_NOT_CANONICAL`` at anything else (tabs, carriage returns, YAML line breaks and
# non-printable characters anywhere; anchors, tags, aliases, single quotes, multi-line or
# empty values, compact or nested sequences, duplicate keys, directives, sizes near the
# limits), so that every error is reported by the event reader.

_NOT_CANONICAL: Any = object()
# Characters outside YAML's printable set, tab, CR and YAML 1.1's other line breaks, and U+FEFF.
# Written as the characters it matches, not as a negated class of those it allows: the same
# set (a test compares them on every code point), compiled in 0.5 ms instead of 8 ms.
_NOT_CANONICAL_CHAR = re.compile(
    "[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff\\ufeff\\ufffe\\uffff]"
)
# What ``load_yaml`` looks for in the whole text at once: a character that is not canonical (the
# class above) or that hides text (``text.HIDDEN``: ``hidden_characters_in`` reports them). One
# class for both, so that a clean text is scanned once, not twice (0.13 s instead of 0.31 s for a
# 24 MB registry); a test compares it with the two classes on every code point.
_SUSPECT_CHAR_PATTERN = (
    "[^\\n\\x20-\\x7e\\xa0-\\xac\\xae-\\u034e\\u0350-\\u061b\\u061d-\\u115e\\u1161-\\u17b3"
    "\\u17b6-\\u180d\\u180f-\\u200a\\u2010-\\u2027\\u202f-\\u205f\\u2065\\u2070-\\u27ff"
    "\\u2801-\\u3163\\u3165-\\ud7ff\\ue000-\\ufefe\\uff00-\\uff9f\\uffa1-\\ufff8\\ufffc\\ufffd"
    "\\U00010000-\\U0001d172\\U0001d17b-\\U000dffff\\U000e0080-\\U0010ffff]"
)


@cache
def suspect_char() -> re.Pattern[str]:
    """``_SUSPECT_CHAR_PATTERN`` compiled on first use: the negated class compiles to a table
    that scans a large text faster than the list of the characters it matches would (0.14 s
    instead of 0.23 s for 26 MB), but takes 8 ms to build, which a command that reads no YAML
    (a cached graph) need not pay."""
    return re.compile(_SUSPECT_CHAR_PATTERN)


# One line: indentation, "- ", and a key with the rest of the line, or the rest of the line.
_CANONICAL_LINE = re.compile(r"( *)(- )?(?:([A-Za-z_][A-Za-z0-9_-]{0,127}):(?: ([^\n]*))?(?=\n)|([^\n]*))\n")
# Keys seen to be text (not true, null, ...), each to itself: every mapping's key is then one
# string object, not a new one per line (350,000 keys in a 10,000-site registry).
_CANONICAL_PLAIN_KEYS: dict[str, str] = {}
# A value written in at most this many characters is read once per parse and shared by every
# line that writes it the same way (a status, a country, a place, a year): less memory, and the
# checks of a value are not repeated.
_SHARED_VALUE_CHARS = 40
_CANONICAL_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\Z')
# Escapes that mean the same in YAML's double quotes and in JSON, \u without surrogates.
_JSON_ESCAPES = re.compile(r'\\(?:["\\bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{4})')
# One item of a flow list and what follows it: plain (no flow indicators, ':' or '#') or quoted.
_FLOW_ITEM = re.compile(r'(?:"([^"\\]*(?:\\.[^"\\]*)*)"|([^ ,\[\]{}#:"\'&*!|>%@`?\-][^,\[\]{}#:]*))(, |\])')
# Plain scalars may not start with an indicator (a '-' only when followed by a space).
_PLAIN_START_BAD = frozenset("?:,[]{}#&*!|>'\"%@` ")


def _canonical_quoted(body: str) -> Any:
    if "\\" not in body:
        return body
    if _JSON_ESCAPES.sub("", body).count("\\"):
        return _NOT_CANONICAL
    import json

    return json.loads(f'"{body}"')


def _canonical_plain(text: str) -> Any:
    first = text[0]
    if (
        first in _PLAIN_START_BAD
        or (first == "-" and (len(text) == 1 or text[1] == " "))
        or text[-1] in " :"
        or ": " in text
        or " #" in text
    ):
        return _NOT_CANONICAL
    return text if first in _NOT_SPECIAL_START else _scalar(text, True)


def _canonical_flow(text: str, line: int, col: int) -> Any:
    """A one-line flow list ``[a, "b"]`` starting at ``col``, or ``_NOT_CANONICAL``."""
    items = YList((line << 12) | min(col, 4095))
    if text == "[]":
        return items
    at = 1
    end = len(text)
    match = _FLOW_ITEM.match
    while True:
        found = match(text, at)
        if found is None:
            return _NOT_CANONICAL
        quoted_body, plain_text = found.group(1), found.group(2)
        value = _canonical_plain(plain_text) if quoted_body is None else _canonical_quoted(quoted_body)
        if value is _NOT_CANONICAL:
            return _NOT_CANONICAL
        items.append(value)
        items.positions.append((line << 12) | min(col + at, 4095))
        at = found.end()
        if found.group(3) == "]":
            return items if at == end else _NOT_CANONICAL


def _canonical_value(text: str, line: int, col: int) -> Any:
    """The value written on one line from ``col`` on (``text``), or ``_NOT_CANONICAL``."""
    if not text or len(text) > MAX_SCALAR_CHARS:
        return _NOT_CANONICAL
    first = text[0]
    if first == '"':
        found = _CANONICAL_QUOTED.match(text)
        return _NOT_CANONICAL if found is None else _canonical_quoted(found.group(1))
    if first == "[":
        return _canonical_flow(text, line, col)
    if text == "{}":
        return YMap((line << 12) | min(col, 4095))
    return _canonical_plain(text)


def parse_canonical(text: str, *, clean: bool = False) -> Any:
    """The data of ``text`` in the canonical block form, or ``_NOT_CANONICAL`` (see above).
    ``clean``: the caller found no character that ``_SUSPECT_CHAR_PATTERN`` matches in ``text``."""
    if not text or (not clean and _NOT_CANONICAL_CHAR.search(text)):
        return _NOT_CANONICAL
    if not text.endswith("\n"):
        text += "\n"
    value_of = _canonical_value
    plain_keys = _CANONICAL_PLAIN_KEYS
    shared: dict[str, Any] = {}  # a short value as written (quotes included) -> its value
    short = _SHARED_VALUE_CHARS
    plain_bad_start = _PLAIN_START_BAD | {"-"}
    not_special = _NOT_SPECIAL_START
    ymap, ylist = YMap, YList
    # Open containers with the indentation of their lines: (container, indent, is_mapping).
    stack: list[tuple[Any, int, bool]] = []
    pending: YMap | None = None  # a mapping whose last key has its value on the next lines
    pending_key = ""
    pending_indent = 0
    # The mapping the last key line went to and its keys' indentation: a key line at the same
    # indentation goes there too (most lines), without looking at the stack.
    last: Any = None
    last_indent = -1
    line_no = 0
    for found in _CANONICAL_LINE.finditer(text):
        line_no += 1
        spaces, dash, key, rest, other = found.groups()
        if key is None and dash is None and (not other or other[0] == "#"):
            continue  # a blank line or a comment
        indent = len(spaces)
        if indent == last_indent and dash is None and key is not None and pending is None:
            container = last  # the mapping of the line before, still open at this indentation
        else:
            if indent > 2048:
                return _NOT_CANONICAL
            if pending is not None:
                if indent <= pending_indent or len(stack) >= MAX_DEPTH - 2:
                    return _NOT_CANONICAL
                start = (line_no << 12) | (indent + 1)
                child: Any = ylist(start) if dash is not None else ymap(start)
                pending[pending_key] = child
                stack.append((child, indent, dash is None))
                pending = None
            elif stack:
                while stack[-1][1] > indent:
                    stack.pop()
                    if not stack:
                        return _NOT_CANONICAL
                if stack[-1][1] != indent:
                    return _NOT_CANONICAL
            elif indent or dash is not None:
                return _NOT_CANONICAL
            else:
                stack.append((ymap((line_no << 12) | 1), 0, True))
            container, _, is_mapping = stack[-1]
            if dash is not None:
                if is_mapping:
                    return _NOT_CANONICAL
                indent += 2
                if key is None:  # an item that is a scalar or a flow list
                    value = value_of(other, line_no, indent + 1)
                    if value is _NOT_CANONICAL:
                        return _NOT_CANONICAL
                    container.append(value)
                    container.positions.append(
                        value.start if value.__class__ in (ymap, ylist) else (line_no << 12) | (indent + 1)
                    )
                    last_indent = -1
                    continue
                if len(stack) >= MAX_DEPTH - 2:
                    return _NOT_CANONICAL
                item = ymap((line_no << 12) | (indent + 1))
                container.append(item)
                container.positions.append(item.start)
                stack.append((item, indent, True))
                container = item
            elif key is None or not is_mapping:
                return _NOT_CANONICAL
            last, last_indent = container, indent
        known = plain_keys.get(key)
        if known is None:
            if key[0] not in _NOT_SPECIAL_START and _scalar(key, True).__class__ is not str:
                return _NOT_CANONICAL
            plain_keys[key] = key
        else:
            key = known
        if key in container:
            return _NOT_CANONICAL
        container.key_positions[key] = (line_no << 12) | (indent + 1)
        if rest is None:
            pending, pending_key, pending_indent = container, key, indent
            continue
        if len(rest) <= short:
            value = shared.get(rest, shared)
            if value is not shared:
                container[key] = value
                continue
        col = indent + len(key) + 3
        # The two common cases inline: a quoted value without escapes, a plain text or number.
        first = rest[:1]
        if (
            first == '"'
            and rest.find('"', 1) == len(rest) - 1
            and "\\" not in rest
            and len(rest) <= MAX_SCALAR_CHARS
        ):
            value = rest[1:-1]
        elif (
            first
            and first not in plain_bad_start
            and ": " not in rest
            and " #" not in rest
            and rest[-1] not in " :"
            and len(rest) <= MAX_SCALAR_CHARS
        ):
            value = rest if first in not_special else _canonical_plain(rest)
        else:
            value = value_of(rest, line_no, col)
            if value is _NOT_CANONICAL:
                return _NOT_CANONICAL
        if len(rest) <= short and value.__class__ not in (ymap, ylist):
            shared[rest] = value
        container[key] = value  # its position follows from the key's (see YMap.positions)
    if pending is not None or not stack:
        return _NOT_CANONICAL
    return stack[0][0]


# What PyYAML says most often, in both languages; anything else is quoted as PyYAML says it.
_SYNTAX_PROBLEMS = {
    "mapping values are not allowed here": "yaml.syntax/mapping-values",
    # libyaml's words (PyYAML's C reader) for the same mistakes, and two of its own
    "mapping values are not allowed in this context": "yaml.syntax/mapping-values",
    "block sequence entries are not allowed in this context": "yaml.syntax/sequence-entry",
    "found character that cannot start any token": "yaml.syntax/token-start",
    "could not find expected ':'": "yaml.syntax/colon",
    "did not find expected key": "yaml.syntax/key",
    "did not find expected '-' indicator": "yaml.syntax/dash",
    "found unexpected end of stream": "yaml.syntax/end",
    "found undefined alias": "yaml.syntax/alias",
    "found unknown escape character": "yaml.syntax/escape",
    "found a tab character that violates indentation": "yaml.syntax/tab",
}


def _colon_hint(text: str, mark: Any) -> Text:
    """The hint for a ': ' the reader did not expect: after a key on the same line it is part of
    the value (name: Acme: Nijmegen), which then needs quotes; else the line continues the value
    above it, being indented deeper than its neighbours."""
    start = text.rfind("\n", 0, mark.index) + 1
    if ": " in text[start : mark.index]:
        return msg("yaml.syntax/colon-in-value-hint")
    return msg("yaml.syntax/indented-deeper-hint")


def _unclosed_quote(yaml: Any, loader: Any, text: str, exc: Any, path: Path) -> YamlError | None:
    """A quoted value whose closing quote is missing, reported where it opens (None: the error is
    another). YAML lets a quoted value run over lines, so the reader either reaches the end of
    the file inside it, or stumbles only at the next quote, lines further on, right after a
    quoted value that ran over several lines (it took the lines between as its text); the
    position of either says nothing about where the quote is missing. Runs on errors only."""
    opened = exc.context_mark
    if exc.context == "while scanning a quoted scalar" and opened is not None:
        quote = text[opened.index : opened.index + 1]
        return _issue(
            path,
            opened.line + 1,
            opened.column + 1,
            "yaml.syntax",
            msg("yaml.syntax/unclosed-quote"),
            msg("yaml.syntax/unclosed-quote-hint", quote=quote),
        )
    stumbled = exc.problem_mark
    if stumbled is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= stumbled.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        not isinstance(last, yaml.ScalarToken)
        or last.style not in ('"', "'")
        or last.start_mark.line == last.end_mark.line
        or text[last.end_mark.index : stumbled.index].strip(" ")  # not right before the stumble
    ):
        return None
    return _issue(
        path,
        last.start_mark.line + 1,
        last.start_mark.column + 1,
        "yaml.syntax",
        msg("yaml.syntax/runaway-quote", line=last.end_mark.line + 1),
        msg("yaml.syntax/unclosed-quote-hint", quote=last.style),
    )


def _syntax_message(problem: str) -> Text:
    """The message of a YAML syntax error: PyYAML's ``problem`` in the catalogue's words where
    it has them ("expected <block end>, but found ..." varies and is quoted as it is)."""
    key = _SYNTAX_PROBLEMS.get(problem.split(" (")[0].strip())
    return msg(key) if key else msg("yaml.syntax", problem=excerpt(problem, 120))


def _refuse_node(event: Any, path: Path) -> None:
    mark = event.start_mark
    line, col = mark.line + 1, mark.column + 1
    if event.anchor is not None:
        raise _issue(
            path,
            line,
            col,
            "yaml.anchor",
            msg("yaml.anchor", anchor=excerpt(event.anchor)),
            msg("yaml.alias/hint"),
        )
    raise _issue(
        path,
        line,
        col,
        "yaml.tag",
        msg("yaml.tag", tag=excerpt(event.tag)),
        msg("yaml.tag/hint"),
    )


def _check_key(parent: YMap, key: Any, position: int, path: Path) -> None:
    line, col = unpack(position)
    if not isinstance(key, str):
        raise _issue(
            path,
            line,
            col,
            "yaml.key-type",
            msg("yaml.key-type", key="null" if key is None else excerpt(repr(key)))
            if not isinstance(key, (YMap, YList))
            else msg("yaml.key-type/nested"),
            msg("yaml.key-type/hint"),
        )
    if key == "<<":
        raise _issue(
            path,
            line,
            col,
            "yaml.merge-key",
            msg("yaml.merge-key"),
            msg("yaml.merge-key/hint"),
        )
    if key in parent:
        first_line, _ = unpack(parent.key_positions[key])
        raise _issue(
            path,
            line,
            col,
            "yaml.duplicate-key",
            msg("yaml.duplicate-key", key=excerpt(key), line=first_line),
            msg("yaml.duplicate-key/hint"),
        )


# --- writing -------------------------------------------------------------------------------

_PLAIN_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9 _.,'&()/+@-]*\Z")
_YAML11_WORDS = frozenset(["y", "yes", "n", "no", "true", "false", "on", "off", "null", "none", "~"])


def needs_quotes(text: str) -> bool:
    """Whether a string must be quoted so that every YAML reader (1.1 and 1.2) reads text."""
    if not text or not _PLAIN_SAFE.match(text) or text != text.strip():
        return True
    if text.lower() in _YAML11_WORDS or text.startswith(("- ", "@")):
        return True
    return ": " in text or " #" in text or text.endswith(":")


# Besides what YAML does not allow literally, every character that hides text (``text.HIDDEN``)
# is written as an escape, so a reviewer sees "\\u202e" in the diff, never a reversed line.
_ESCAPE_IN_QUOTES = re.compile(f"{HIDDEN.pattern}|[\ufffe\uffff\ud800-\udfff]")
_RAW_PROBLEM = re.compile(f"\r(?!\n)|{HIDDEN.pattern}")


def scalar_text(value: Any) -> str:
    """One scalar as canonical YAML: plain when every reader reads it back unchanged, else in
    double quotes with escapes for everything YAML does not allow literally."""
    import math

    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("non-finite numbers cannot be written")
        text = repr(value)
        if "e" in text and "." not in text:  # the strict loader reads 1.0e+16, not 1e+16
            mantissa, exponent = text.split("e")
            text = f"{mantissa}.0e{exponent}"
        return text
    text = str(value)
    if not needs_quotes(text):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, escaping what YAML does not allow literally."""
    import json

    from lifeport_map.text import escaped

    return _ESCAPE_IN_QUOTES.sub(lambda m: escaped(m.group()), json.dumps(text, ensure_ascii=False))


def hidden_characters_in(text: str, path: Path, *, limit: int = 20) -> list[Issue]:
    """Raw characters that hide text from a reviewer (``text.HIDDEN``) and lone carriage
    returns, each with its line and column; at most ``limit`` of them."""
    from lifeport_map.text import escaped

    found: list[Issue] = []
    # Without a carriage return one character class suffices, which is twice as fast.
    for match in (_RAW_PROBLEM if "\r" in text else HIDDEN).finditer(text):
        if len(found) >= limit:
            break
        ch = match.group()
        # lines end with LF, CRLF or (as YAML reads them) a lone CR
        line = text.count("\n", 0, match.start()) + text.count("\r", 0, match.start()) + 1
        line -= text.count("\r\n", 0, match.start())
        col = match.start() - max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start()))
        if ch == "\r":
            found.append(
                Issue(
                    code="text.line-break",
                    text=msg("text.line-break"),
                    help=msg("text.line-break/hint"),
                    file=str(path),
                    line=line,
                    col=col,
                )
            )
            continue
        found.append(
            Issue(
                code="text.hidden-character",
                text=msg("text.hidden-character", character=f"U+{ord(ch):04X}"),
                help=msg("text.hidden-character/hint", escape=escaped(ch)),
                file=str(path),
                line=line,
                col=col,
            )
        )
    return found


def dump_block(
    value: Any,
    *,
    order: dict[str, list[str]] | None = None,
    path: str = "",
    indent: int = 0,
    flow_lists: bool = True,
) -> list[str]:
    """Block-style YAML lines for ``value``. ``order`` maps a dotted path to its key order.

    Lists of scalars are written in flow style ([a, b]) when short; mappings are blocks.
    """
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        keys = list(value)
        wanted = (order or {}).get(path)
        if wanted:
            keys = [k for k in wanted if k in value] + [k for k in keys if k not in wanted]
        for key in keys:
            item = value[key]
            child = f"{path}.{key}" if path else key
            if isinstance(item, dict) and item:
                lines.append(f"{pad}{scalar_text(key)}:")
                lines.extend(dump_block(item, order=order, path=child, indent=indent + 2))
            elif isinstance(item, list) and item:
                flow = flow_list(item) if flow_lists else None
                if flow is not None and len(pad) + len(key) + len(flow) < 96:
                    lines.append(f"{pad}{scalar_text(key)}: {flow}")
                else:
                    lines.append(f"{pad}{scalar_text(key)}:")
                    lines.extend(dump_block(item, order=order, path=child, indent=indent + 2))
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}{scalar_text(key)}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{pad}{scalar_text(key)}: {scalar_text(item)}")
        return lines
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                sub = dump_block(item, order=order, path=path, indent=indent + 2)
                sub[0] = f"{pad}- {sub[0][indent + 2 :]}"
                lines.extend(sub)
            else:
                lines.append(f"{pad}- {scalar_text(item)}")
        return lines
    return [f"{pad}{scalar_text(value)}"]


def flow_list(items: list[Any]) -> str | None:
    """``[a, b]`` for a list of plain scalars, or None when it must be a block list."""
    if not all(isinstance(i, (str, int, float)) and not isinstance(i, bool) for i in items):
        return None
    parts = []
    for item in items:
        text = scalar_text(item)
        if isinstance(item, str) and not text.startswith('"') and any(c in item for c in ",[]{}"):
            text = quoted(item)
        parts.append(text)
    return "[" + ", ".join(parts) + "]"
