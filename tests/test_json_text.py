"""results.json_text writes what json.dumps(ensure_ascii=False, indent=N, allow_nan=False)
writes, character for character, and refuses what it refuses."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeport_map.results import json_text

_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
_KEYS = (
    st.text() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans() | st.none()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.lists(st.text(), max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


def _dumps(value: Any, indent: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from([1, 2]))
def test_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert json_text(value, indent) == _dumps(value, indent)


def test_hand_written_example() -> None:
    value = {"a": [1, "é\n"], "b": {}, "c": [], 1: (None, True, 0.5), "d": {"e": ["x", "y"]}}
    assert json_text(value) == (
        '{\n  "a": [\n    1,\n    "é\\n"\n  ],\n  "b": {},\n  "c": [],\n  "1": [\n    null,\n'
        '    true,\n    0.5\n  ],\n  "d": {\n    "e": [\n      "x",\n      "y"\n    ]\n  }\n}'
    )


@pytest.mark.parametrize("bad", [math.nan, [math.inf], {"x": -math.inf}])
def test_refuses_non_finite_numbers(bad: Any) -> None:
    with pytest.raises(ValueError):
        json_text(bad)


def test_refuses_other_objects() -> None:
    with pytest.raises(TypeError):
        json_text({"x": object()})
    with pytest.raises(TypeError):
        json_text({(1, 2): 3})
