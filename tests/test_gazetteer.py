"""The gazetteer file read two ways: whole (names, index) and only its populated places."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lifeport_map.errors import YamlError
from lifeport_map.gazetteer import Place, load_gazetteer, populated_places


def _write(path: Path, places: list[list[object]]) -> Path:
    index = {str(name).lower(): [i] for i, (_, name, *_rest) in enumerate(places)}
    path.write_bytes(gzip.compress(json.dumps({"places": places, "index": index}).encode()))
    return path


def test_populated_places_keeps_the_places_at_or_above_the_threshold_in_file_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "places.json.gz",
        [
            ["NL", "Beek", 51.9, 5.9, 4999, 1],
            ["NL", "Nijmegen", 51.84, 5.85, 179000, 2],
            ["DE", "Kleve", 51.79, 6.14, 5000, 3],
            ["BE", "Leuven", 50.88, 4.7, 101000, 4],
        ],
    )
    assert populated_places(5000, path) == (
        Place("Nijmegen", "NL", 51.84, 5.85, 179000, 2),
        Place("Kleve", "DE", 51.79, 6.14, 5000, 3),
        Place("Leuven", "BE", 50.88, 4.7, 101000, 4),
    )
    assert populated_places(100_000, path) == (
        Place("Nijmegen", "NL", 51.84, 5.85, 179000, 2),
        Place("Leuven", "BE", 50.88, 4.7, 101000, 4),
    )
    assert populated_places(0, path) == tuple(load_gazetteer(path).places)  # all four


def test_populated_places_refuses_a_damaged_file_as_the_gazetteer_does(tmp_path: Path) -> None:
    path = tmp_path / "places.json.gz"
    path.write_bytes(gzip.compress(b'{"places": 3}'))
    with pytest.raises(YamlError) as raised:
        populated_places(5000, path)
    assert raised.value.issue.code == "io.bad-gazetteer"
