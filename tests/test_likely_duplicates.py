"""Which earlier name a name is compared with (``validate.closest_earlier``): the index by
halves and the symmetric deletion index it turns to for blocks of many alike names must
choose the same earlier key, in the documented order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lifeport_map.validate import closest_earlier


def test_the_order_of_choice() -> None:
    keys = ["abc", "abd", "ab", "abcd", "xbc"]
    # abd: abc has another letter at position 2. ab: abc and abd have one letter more; the
    # earliest. abcd: abd lacks the letter at position 2, abc the one at 3; position 2 first.
    # xbc: abc has another letter at position 0.
    assert list(closest_earlier(keys)) == [None, 0, 0, 1, 0]
    assert list(closest_earlier(keys, many=-1)) == [None, 0, 0, 1, 0]


def test_a_missing_letter_of_a_run_counts_at_the_runs_first_position() -> None:
    # aaab lacks an 'a' of its run at positions 0 to 2 to be aab, so aab ranks at position 0,
    # before abab, which has another letter at position 1.
    keys = ["abab", "aab", "aaab"]
    assert list(closest_earlier(keys)) == [None, 0, 1]
    assert list(closest_earlier(keys, many=-1)) == [None, 0, 1]


def test_one_letter_keys_are_compared_only_when_equal_or_one_longer() -> None:
    # b and a are two different one-letter keys; ab lacks 'a' at position 0 to be b and 'b' at
    # position 1 to be a: b, at the earlier position, is chosen; the second b is the first.
    keys = ["a", "b", "ab", "b"]
    assert list(closest_earlier(keys)) == [None, None, 1, 1]
    assert list(closest_earlier(keys, many=-1)) == [None, None, 1, 1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc", min_size=1, max_size=7), max_size=40))
def test_the_index_by_halves_chooses_what_the_deletion_index_chooses(keys: list[str]) -> None:
    by_halves = list(closest_earlier(keys, many=10**9))
    assert by_halves == list(closest_earlier(keys, many=-1))
    assert by_halves == list(closest_earlier(keys, many=5))  # switching part-way


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aAbBgGmMnNsSvVhHkK.,- \t`'0123", "é", "ß", "\u0430", "\u00a0", " B.V.", "GmbH"]),
        max_size=16,
    ).map("".join)
)
def test_a_name_key_is_the_folded_organisation_name_without_what_is_no_letter_or_digit(text: str) -> None:
    """``name_key`` skips ``fold_organisation``'s last steps (a run of spaces as one, ",.-"
    stripped at the ends), which touch only characters it drops after them anyway."""
    from lifeport_map.text import fold_organisation, skeleton
    from lifeport_map.validate import name_key

    assert name_key(text) == "".join(ch for ch in fold_organisation(skeleton(text)) if ch.isalnum())


def test_name_keys_by_hand() -> None:
    from lifeport_map.validate import name_key

    assert name_key("  ACME  B.V. ") == "acme"
    assert name_key("Saxfab GmbH, Dresden") == "saxfabdresden"
    assert name_key("Nijmеgen Fab 2") == "nijmegenfab2"  # a Cyrillic е
    assert name_key("Chips-R-Us N.V.") == "chipsrus"
