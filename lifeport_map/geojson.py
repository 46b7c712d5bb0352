"""Reading GeoJSON files safely: size, nesting and number limits, a regular file inside its
folder. Used by region membership (``geo``) and by importing and drawing boundaries
(``boundaries``), so neither has to import the other.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from lifeport_map.errors import UsageError
from lifeport_map.text import excerpt

MAX_BOUNDARY_BYTES = 32 * 1024 * 1024
MAX_GEOJSON_DEPTH = 32
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_SIMPLER_FILE = (
    "use a simpler file: GISCO publishes each layer at the scales 1:1, 3, 10, 20 and 60 million, "
    "and the file of one region is far smaller than the whole layer"
)


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


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {excerpt(text)} is out of range")
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number")


def loads_geojson(text: str, *, source: str) -> Any:
    """Parse GeoJSON text with limits: nesting depth, and only finite numbers (no NaN,
    Infinity or numbers that overflow). Raises UsageError naming ``source``."""
    if nested_deeper_than(text, MAX_GEOJSON_DEPTH):
        raise UsageError(
            f"{source}: lists and objects nest deeper than {MAX_GEOJSON_DEPTH} levels",
            hint="a boundary nests only a few levels (collection, feature, geometry, rings); "
            "download the file again",
        )
    try:
        return json.loads(text, parse_float=_finite, parse_int=_finite, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{source}:{exc.lineno}:{exc.colno}: not a GeoJSON file ({exc.msg})",
            hint="download the GeoJSON variant of the boundary file "
            "(GISCO: format 'GeoJSON', projection 'EPSG:4326')",
        ) from None
    except ValueError as exc:
        raise UsageError(
            f"{source}: {excerpt(exc, 80)}",
            hint="coordinates must be finite numbers; NaN and Infinity are not JSON",
        ) from None


def read_geojson(path: Path, *, root: Path | None = None, source: str | None = None) -> Any:
    """Read and parse a GeoJSON file: a regular file inside ``root`` (default: its own folder),
    at most ``MAX_BOUNDARY_BYTES`` long, UTF-8, within the limits of :func:`loads_geojson`.

    Refused files raise :class:`YamlError` with an ``io.*`` issue; bad content UsageError."""
    from lifeport_map.errors import YamlError
    from lifeport_map.fileio import read_bytes

    source = source or str(path)
    try:
        raw = read_bytes(path, max_bytes=MAX_BOUNDARY_BYTES, root=root, too_large="boundary.too-large")
    except YamlError as exc:
        if exc.issue.code == "boundary.too-large":
            raise UsageError(f"{source}: {exc.issue.message}", hint=_SIMPLER_FILE) from None
        raise
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{source}: not UTF-8 text (invalid byte at offset {exc.start:,})",
            hint="download the GeoJSON variant of the boundary file",
        ) from None
    return loads_geojson(text, source=source)
