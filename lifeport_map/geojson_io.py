"""Reading GeoJSON files safely: size, nesting and number limits, a regular file inside its
folder. Used by region membership (``geo``) and by importing and drawing boundaries
(``boundaries``), so neither has to import the other.

Every problem is reported at the line and column of the offending value with its field path
(``features[3].geometry.coordinates[0][5]``). The standard parser keeps no positions, so the
file is parsed with it (fast, in C) and only when something is wrong is the value found again
in the text: :func:`locate` walks down the path and :func:`first_refused` down to the first
value a decoder refuses, both skipping every other value with the C decoder's ``raw_decode``,
so even a 32 MiB file is searched in well under a second.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lifeport_map.errors import FileErrors, Issue, YamlError
from lifeport_map.messages import Number, Text, msg
from lifeport_map.text import excerpt

MAX_BOUNDARY_BYTES = 32 * 1024 * 1024
MAX_GEOJSON_DEPTH = 32
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:Infinity|NaN|[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)")
_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')
# The JSON parser's reasons (json.JSONDecodeError.msg) by their English words: the catalogue's
# key of each, whose English is those words and whose Dutch says the same.
_JSON_REASONS = {
    "Expecting value": "json.expecting-value",
    "Expecting ',' delimiter": "json.expecting-comma",
    "Expecting ':' delimiter": "json.expecting-colon",
    "Expecting property name enclosed in double quotes": "json.expecting-name",
    "Extra data": "json.extra-data",
    "Unterminated string starting at": "json.unterminated-string",
    "Invalid control character at": "json.control-character",
    "Invalid \\escape": "json.bad-escape",
    "Invalid \\uXXXX escape": "json.bad-unicode-escape",
    "Illegal trailing comma before end of object": "json.trailing-comma-object",
    "Illegal trailing comma before end of array": "json.trailing-comma-array",
}

JsonPath = tuple[str | int, ...]


def path_text(path: Sequence[str | int]) -> str:
    """``features[3].geometry.coordinates[0][5]`` for ('features', 3, 'geometry', ...)."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


_PLAIN = json.JSONDecoder()
# Like _PLAIN, but integers of any length (Python refuses to convert more than 4,300 digits)
_LENIENT = json.JSONDecoder(parse_int=float)
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]  # C, not in typeshed


def _members(text: str, start: int, decoder: json.JSONDecoder) -> Iterator[tuple[str | int, int, int | None]]:
    """(key or index, start, end) of each member of the list or object opening at ``start``;
    the end is None for a member ``decoder`` refuses, which is the last one given. Stops
    quietly where the container itself is malformed."""
    opening = text[start]
    closing = "]" if opening == "[" else "}"
    i = _SPACE.match(text, start + 1).end()  # type: ignore[union-attr]
    if text.startswith(closing, i):
        return
    n = 0
    while True:
        key: str | int = n
        if opening == "{":
            if not text.startswith('"', i):
                return
            try:
                key, i = _scanstring(text, i + 1)
            except ValueError:
                return
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            if not text.startswith(":", i):
                return
            i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        try:
            _value, end = decoder.raw_decode(text, i)
        except (ValueError, RecursionError):
            yield key, i, None
            return
        yield key, i, end
        i = _SPACE.match(text, end).end()  # type: ignore[union-attr]
        if not text.startswith(",", i):
            return
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        n += 1


def locate(text: str, path: Sequence[str | int]) -> int:
    """The offset in ``text`` of the value at ``path`` (of the deepest part of it that exists;
    of a key given twice, the last, as the parser keeps it)."""
    i = _SPACE.match(text).end()  # type: ignore[union-attr]
    for step in path:
        if i >= len(text) or text[i] not in "[{":
            break
        found = None
        for key, start, _end in _members(text, i, _PLAIN):
            if key == step:
                found = start
                if isinstance(step, int):
                    break
        if found is None:
            break
        i = found
    return i


def first_refused(text: str, decoder: json.JSONDecoder = _PLAIN) -> tuple[JsonPath, int]:
    """The path and offset of the innermost value that ``decoder`` refuses to decode (a
    malformed list or object: the container itself)."""
    path: list[str | int] = []
    i = _SPACE.match(text).end()  # type: ignore[union-attr]
    while i < len(text) and text[i] in "[{":
        for key, start, end in _members(text, i, decoder):
            if end is None:
                path.append(key)
                i = start
                break
        else:
            break
    return tuple(path), i


def locate_many(text: str, paths: Sequence[JsonPath]) -> list[int]:
    """:func:`locate` for several paths at once: one walk down the parts they share, so
    finding fifty values costs about as much as finding one."""
    found = [0] * len(paths)

    def walk(i: int, depth: int, group: list[tuple[int, JsonPath]]) -> None:
        rest = []
        for n, path in group:
            if len(path) == depth:
                found[n] = i
            else:
                rest.append((n, path))
        if not rest:
            return
        wanted: dict[str | int, list[tuple[int, JsonPath]]] = {}
        for n, path in rest:
            wanted.setdefault(path[depth], []).append((n, path))
        starts: dict[str | int, int] = {}
        last = max((k for k in wanted if isinstance(k, int)), default=-1)
        if i < len(text) and text[i] in "[{":
            for key, start, _end in _members(text, i, _LENIENT):
                if key in wanted:
                    starts[key] = start  # of a key given twice, the last (the parser keeps it)
                if key == last and text[i] == "[":
                    break  # a list: nothing wanted further on
        for key, members in wanted.items():
            if key in starts:
                walk(starts[key], depth + 1, members)
            else:
                for n, _path in members:
                    found[n] = i

    walk(_SPACE.match(text).end(), 0, list(enumerate(paths)))  # type: ignore[union-attr]
    return found


def all_refused(text: str, decoder: json.JSONDecoder) -> Iterator[tuple[JsonPath, int]]:
    """The path and offset of every value that ``decoder`` refuses but the plain parser
    accepts (NaN, Infinity, numbers that overflow), in file order. Each member is decoded once
    by ``decoder``; only a refused one is walked into (and a refused number skipped with the
    plain parser), so a file with one such value costs about two passes of the C decoder."""

    def walk(i: int, path: JsonPath) -> Iterator[tuple[JsonPath, int] | int]:
        """The refused values inside the list or object at ``i``, then the offset after it."""
        closing = "]" if text[i] == "[" else "}"
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        n = 0
        while i < len(text) and not text.startswith(closing, i):
            key: str | int = n
            if closing == "}":
                key, i = _scanstring(text, i + 1)
                i = _SPACE.match(text, _SPACE.match(text, i).end() + 1).end()  # type: ignore[union-attr]
            try:
                _value, end = decoder.raw_decode(text, i)
            except (ValueError, RecursionError):
                if text[i] in "[{":
                    end = i
                    for found in walk(i, (*path, key)):
                        if isinstance(found, int):
                            end = found
                        else:
                            yield found
                else:
                    yield (*path, key), i
                    _value, end = _LENIENT.raw_decode(text, i)
            i = _SPACE.match(text, end).end()  # type: ignore[union-attr]
            if text.startswith(",", i):
                i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
            n += 1
        yield i + 1

    start = _SPACE.match(text).end()  # type: ignore[union-attr]
    if start < len(text) and text[start] in "[{":
        for found in walk(start, ()):
            if not isinstance(found, int):
                yield found
    else:
        yield (), start


_NUMBER_BYTES = re.compile(rb"-?[0-9.]+(?:[eE][-+]?[0-9]+)?")
_EXPONENT = re.compile(rb"[eE]")
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def _count_not_finite(text: str) -> int:
    """How many numbers of the (otherwise valid) JSON ``text`` are NaN, Infinity or overflow.
    With its strings blanked, NaN and Infinity are counted as words and a float() is tried only
    on numbers with an exponent or of 300 digits and more (found by searching for the letter e
    and for 300 digits in a row): a few passes in C, even on a 32 MiB file."""
    data = _JSON_STRING.sub('""', text).encode("utf-8")
    starts = {
        m.start() - 1 for m in _EXPONENT.finditer(data) if m.start() and data[m.start() - 1] in b"0123456789"
    }
    digits = data.translate(_DIGITS_AS_ZERO)
    at = digits.find(b"0" * 300)
    while at != -1:
        starts.add(at)
        end = at
        while end < len(digits) and digits[end] in b"0.":
            end += 1
        at = digits.find(b"0" * 300, end)
    large: set[int] = set()
    for at in starts:
        begin = at
        while begin > 0 and data[begin - 1] in b"0123456789.-":
            begin -= 1
        number = _NUMBER_BYTES.match(data, begin)
        if number is not None and number.start() not in large and not math.isfinite(float(number.group())):
            large.add(number.start())
    return data.count(b"NaN") + data.count(b"Infinity") + len(large)


MAX_SHOWN = 50  # errors of one file reported in full; the rest are counted


Problem = tuple[JsonPath, str, Text, Text]  # where, code, message and hint


def json_reason(reason: str) -> Text:
    """The JSON parser's ``reason`` as a message of the catalogue: in English its own words,
    in Dutch the catalogue's (an unknown reason quoted as it is)."""
    key = _JSON_REASONS.get(reason)
    return msg(key) if key else msg("json.other", problem=excerpt(reason, 80))


def geojson_errors(
    text: str | None,
    source: str,
    found: Sequence[Problem],
    *,
    total: int | None = None,
) -> YamlError:
    """The error for every problem ``(path, code, message, hint)`` found in the GeoJSON
    ``text`` of ``source``, at its line, column and field, in file order: the first
    ``MAX_SHOWN`` in full and a count of the rest (``total``: how many there are, when
    ``found`` holds only the first ones). Invalid data, exit 1."""
    kept = list(found[:MAX_SHOWN])
    offsets = locate_many(text, [path for path, *_ in kept]) if text is not None else [0] * len(kept)
    issues = []
    for (path, code, message, hint), offset in sorted(zip(kept, offsets, strict=True), key=lambda x: x[1]):
        line, col = line_col(text, offset) if text is not None else (0, 0)
        issues.append(
            Issue(code=code, text=message, help=hint, file=source, line=line, col=col, field=path_text(path))
        )
    more = (len(found) if total is None else total) - len(issues)
    if len(issues) == 1 and not more:
        return YamlError(issues[0])
    return FileErrors(issues, more)


def too_deep_at(text: str, limit: int) -> tuple[JsonPath, int]:
    """The path and offset of the first list or object nested deeper than ``limit`` levels
    (a scan of brackets, commas and keys outside strings; it stops there)."""
    path: list[str | int] = []
    last_string = ""
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            if len(path) >= limit:
                return tuple(path), match.start()
            path.append(0 if token == "[" else "")
        elif token in "]}":
            if path:
                path.pop()
        elif token == ",":
            if path and isinstance(path[-1], int):
                path[-1] += 1
        elif token == ":":
            if path and isinstance(path[-1], str):
                path[-1] = last_string
        else:
            last_string = json.loads(token) if "\\" in token else token[1:-1]
    return tuple(path), len(text)


def nested_deeper_than(text: str, limit: int) -> bool:
    """Whether the JSON ``text`` nests lists and objects more than ``limit`` levels deep.

    Works on the brackets outside strings, removing the innermost pairs once per level, so it
    costs ``limit`` passes of a regular expression and never recurses (json.loads would).
    """
    skeleton = _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))
    for _ in range(limit):
        reduced = _INNERMOST.sub("", skeleton)
        if reduced == skeleton:
            return False
        skeleton = reduced
    return bool(_INNERMOST.search(skeleton))


def geojson_error(
    text: str | None,
    source: str,
    path: Sequence[str | int],
    code: str,
    message: Text,
    hint: Text,
    *,
    offset: int | None = None,
) -> YamlError:
    """The error for a problem at ``path`` of the GeoJSON ``text`` read from ``source``: the
    line and column of the value (or of ``offset``) and the field path; invalid data, exit 1."""
    line = col = 0
    if text is not None:
        line, col = line_col(text, locate(text, path) if offset is None else offset)
    return YamlError(
        Issue(code=code, text=message, help=hint, file=source, line=line, col=col, field=path_text(path))
    )


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {excerpt(text)} is out of range")
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


_STRICT = json.JSONDecoder(parse_float=_finite, parse_int=_finite, parse_constant=_no_constant)


class _KeyTwice(ValueError):
    """An object gives a key twice: JSON keeps the last, a reader of the file sees the first."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        raise _KeyTwice(next(k for k, _v in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]
    return found


# Refuses only an object with a key given twice (numbers of any length, as _LENIENT)
_KEYS_ONCE = json.JSONDecoder(parse_int=float, object_pairs_hook=_once)


def loads_geojson(text: str, *, source: str) -> Any:
    """Parse GeoJSON text with limits: nesting depth, and only finite numbers (no NaN,
    Infinity or numbers that overflow). Raises YamlError (exit 1) at the line, column and
    field of the problem in ``source``."""
    if nested_deeper_than(text, MAX_GEOJSON_DEPTH):
        path, offset = too_deep_at(text, MAX_GEOJSON_DEPTH)
        raise geojson_error(
            text,
            source,
            path,
            "boundary.too-deep",
            msg("boundary.too-deep", depth=MAX_GEOJSON_DEPTH),
            msg("boundary.too-deep/hint"),
            offset=offset,
        )
    try:
        return json.loads(
            text, parse_float=_finite, parse_int=_finite, parse_constant=_no_constant, object_pairs_hook=_once
        )
    except _KeyTwice as exc:
        path, offset = first_refused(text, _KEYS_ONCE)
        seen: set[str | int] = set()
        for key, start, _end in _members(text, offset, _LENIENT):  # at the second of the two
            if key == exc.key and key in seen:
                path, offset = (*path, key), start
                break
            seen.add(key)
        raise geojson_error(
            text,
            source,
            path,
            "boundary.key-twice",
            msg("boundary.key-twice", key=excerpt(exc.key, 60)),
            msg("boundary.key-twice/hint"),
            offset=offset,
        ) from None
    except json.JSONDecodeError as exc:
        path, _offset = first_refused(text)
        raise geojson_error(
            text,
            source,
            path,
            "boundary.not-json",
            msg("boundary.not-json", problem=json_reason(exc.msg)),
            msg("boundary.not-json/hint"),
            offset=exc.pos,
        ) from None
    except ValueError:
        hint = msg("boundary.not-finite/hint")
        found: list[Problem] = []
        for path, offset in itertools.islice(all_refused(text, _STRICT), MAX_SHOWN):
            value = _NUMBER.match(text, offset)
            literal = value.group() if value else text[offset : offset + 20]
            found.append((path, "boundary.not-finite", _not_finite(literal), hint))
        total = len(found) if len(found) < MAX_SHOWN else max(len(found), _count_not_finite(text))
        raise geojson_errors(text, source, found, total=total) from None


def _not_finite(literal: str) -> Text:
    """What is wrong with a value the strict decoder refuses: NaN or Infinity, a number that
    overflows, or (in a malformed number) something else."""
    if literal.lstrip("-") in ("NaN", "Infinity"):
        return msg("boundary.not-finite/constant", value=literal)
    try:
        _STRICT.decode(literal)
    except ValueError:
        if _NUMBER.fullmatch(literal):
            return msg("boundary.not-finite", value=excerpt(literal, 60))
    return msg("boundary.not-finite/value", value=excerpt(literal, 60))


def read_geojson_text(
    path: Path,
    *,
    root: Path | None = None,
    source: str | None = None,
    raw: bytes | None = None,
    given_by: str | None = None,
) -> str:
    """The text of a GeoJSON file: a regular file inside ``root`` (default: its own folder),
    at most ``MAX_BOUNDARY_BYTES`` long, UTF-8. A refused file raises :class:`YamlError` with
    an ``io.*`` issue (exit 3); a file too large or not UTF-8 a ``boundary.*`` one (exit 1).
    ``raw``: the file's bytes, already read (with its region file), instead of reading it;
    ``given_by``: the option or argument that named the file, for the hint of a missing one."""
    from lifeport_map.fileio import read_bytes

    source = source or str(path)
    try:
        if raw is None:
            raw = read_bytes(
                path,
                max_bytes=MAX_BOUNDARY_BYTES,
                root=root,
                too_large="boundary.too-large",
                given_by=given_by,
            )
    except YamlError as exc:
        if exc.issue.code == "boundary.too-large":
            raise YamlError(
                Issue(
                    code="boundary.too-large",
                    text=exc.issue.text,
                    help=msg("boundary.too-large/hint"),
                    file=source,
                    line=1,
                    col=1,
                )
            ) from None
        raise
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        raise YamlError(
            Issue(
                code="boundary.not-utf8",
                text=msg("boundary.not-utf8", offset=Number(exc.start, 0)),
                help=msg("boundary.not-json/hint"),
                file=source,
                line=line,
                col=col,
            )
        ) from None


def read_geojson(
    path: Path,
    *,
    root: Path | None = None,
    source: str | None = None,
    raw: bytes | None = None,
    given_by: str | None = None,
) -> Any:
    """Read and parse a GeoJSON file (see :func:`read_geojson_text` and :func:`loads_geojson`)."""
    source = source or str(path)
    text = read_geojson_text(path, root=root, source=source, raw=raw, given_by=given_by)
    return loads_geojson(text, source=source)
