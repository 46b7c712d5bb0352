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
    """Base of every analysis result: ``to_json()`` gives the command's JSON document."""

    def to_json(self) -> dict[str, Any]:
        data = plain(self)
        assert isinstance(data, dict)
        return data
