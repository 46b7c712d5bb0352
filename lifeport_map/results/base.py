"""What every result shares: the ``Result`` base with its ``to_json()``, ``plain`` (a result as
JSON-ready data) and ``json_text`` (JSON written as ``json.dumps`` writes it, faster).

Fields are written in declaration order under their own names, nested results recursively,
tuples as lists. A field marked ``OMIT_NONE`` is left out of the JSON when it is None.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

OMIT_NONE = {"omit_none": True}


_encode_text = json.encoder.encode_basestring  # the C version when available, as json.dumps uses


def _json_float(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return _encode_text(key)
    if isinstance(key, float):
        return '"' + _json_float(key) + '"'
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return '"' + int.__repr__(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _json_scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return _encode_text(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    return None


def json_text(value: Any, indent: int = 2) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)``, character for
    character, several times faster on large results: json uses its C encoder only without
    indentation, and its Python encoder nests a generator per level."""
    parts: list[str] = []
    _json_write(value, "\n", " " * indent, parts.append)
    return "".join(parts)


def _json_write(value: Any, newline: str, step: str, out: Any) -> None:
    text = _json_scalar(value)
    if text is not None:
        out(text)
        return
    if isinstance(value, (list, tuple)):
        if not value:
            out("[]")
            return
        inner = newline + step
        separator = "," + inner
        out("[")
        if all(type(item) is str for item in value):
            out(inner + separator.join(map(_encode_text, value)))
        else:
            first = True
            for item in value:
                out(inner if first else separator)
                first = False
                _json_write(item, inner, step, out)
        out(newline + "]")
        return
    if isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = newline + step
        separator = "," + inner
        out("{")
        first = True
        for key, item in value.items():
            out((inner if first else separator) + _json_key(key) + ": ")
            first = False
            text = _json_scalar(item)
            if text is not None:
                out(text)
            else:
                _json_write(item, inner, step, out)
        out(newline + "}")
        return
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def plain(value: Any) -> Any:
    """A result (or any value inside one) as JSON-ready data."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    cls: type = type(value)
    fields = _fields(cls) if dataclasses.is_dataclass(cls) else None
    if fields is not None:
        out: dict[str, Any] = {}
        for name, omit_none in fields:
            item = getattr(value, name)
            if item is None and omit_none:
                continue
            out[name] = plain(item)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A result class's fields in order, each with whether None leaves it out (looked up once
    per class: a large comparison holds tens of thousands of results)."""
    return tuple((f.name, bool(f.metadata.get("omit_none"))) for f in dataclasses.fields(cls))


class Result:
    """Base of every analysis result: ``to_json()`` gives the command's JSON document.

    Its ``repr`` is a summary for a notebook or a debugger (see ``summary``), not the whole
    result: a comparison holds over 100,000 characters of data, which ``to_json()`` gives."""

    def to_json(self) -> dict[str, Any]:
        data = plain(self)
        assert isinstance(data, dict)
        return data

    def __repr__(self) -> str:
        return summary(self)


SHORT = 80  # characters a value may take in a summary before it is cut or counted


def summary(value: Any, *, nested: bool = False) -> str:
    """A result as ``Name(field=value, ...)`` in a few lines: numbers, flags and short texts as
    they are, a long text cut with an ellipsis, a collection by its length and first items, and
    a nested result by its first plain fields (``…`` standing for the rest), so that
    ``repr(coverage(...))`` reads as the result's headline. ``to_json()`` gives all of it."""
    cls: type = type(value)
    if not dataclasses.is_dataclass(cls):
        return _summary_value(value)
    if not nested:
        parts = [f"{name}={_summary_value(getattr(value, name))}" for name, _ in _fields(cls)]
        return f"{cls.__name__}({', '.join(parts)})"
    parts, left_out = [], False
    for name, _ in _fields(cls):
        item = getattr(value, name)
        text = f"{name}={_summary_value(item)}"
        if _is_scalar(item) and "…" not in text and sum(map(len, parts)) + len(text) <= SHORT:
            parts.append(text)
        else:
            left_out = True
    return f"{cls.__name__}({', '.join([*parts, '…'] if left_out else parts)})"


def _summary_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= SHORT else repr(value[: SHORT - 1]) + "…"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if dataclasses.is_dataclass(type(value)):
        return summary(value, nested=True)
    if isinstance(value, Mapping):
        text = repr(dict(value))
        if len(text) <= SHORT:
            return text
        keys = [_summary_value(k) for k in list(value)[:3]]
        return f"{{{len(value)} items: {', '.join(keys if len(value) <= 3 else [*keys, '…'])}}}"
    if isinstance(value, (list, tuple)):
        if all(_is_scalar(v) for v in value):
            text = repr(value)
            if len(text) <= SHORT:
                return text
            shown = [_summary_value(v) for v in value[:3]]
            return f"[{len(value)} items: {', '.join(shown if len(value) <= 3 else [*shown, '…'])}]"
        kinds = "/".join(sorted({type(v).__name__ for v in value}))
        return f"[{len(value)} {kinds}]"
    text = repr(value)
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bool, int, float))
