"""Properties of the loader and validator over generated registries (hypothesis).

- A generated valid registry, written in any entry order, reads back to the same sites after
  ``fmt`` and is then fully valid. (tests/test_fmt.py covers fmt's round trip of arbitrary
  YAML-shaped data, comments and quoting; this covers registries that pass every check.)
- The validator's findings do not depend on the order of the entries.
- No input (random bytes, YAML-ish text, mutated valid registries) makes the loader or the
  validator raise anything but their own errors.

Example counts are bounded so the file runs in seconds; the open-ended search is the fuzz
target in tests/fuzz/.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifeport_map.errors import RegistryError, YamlError
from lifeport_map.fmt import format_text
from lifeport_map.registry import check_registry, load_registry
from lifeport_map.text import HIDDEN
from lifeport_map.validate import name_key
from lifeport_map.yamlio import dump_block
from tests.conftest import MINI

REGIONS = MINI / "regions"
PLACES = [
    ("Nijmegen", "NL", 51.8425, 5.85278),
    ("Duiven", "NL", 51.94667, 6.01389),
    ("Dresden", "DE", 51.05089, 13.73832),
    ("Leuven", "BE", 50.87959, 4.70093),
]
ACTIVITIES = [
    "chip-design",
    "eda",
    "wafer-fab",
    "foundry",
    "front-end-equipment",
    "materials",
    "assembly-test",
    "osat",
    "back-end-equipment",
    "ems",
    "modules",
    "systems",
]
KINDS = ["idm", "fabless", "foundry", "osat", "equipment-oem", "supplier", "ems", "system-oem"]
RELATIONS = ["part-of", "partner", "supplier-of", "customer-of", "spin-off-of"]
# Codes that name the second of two entries (which one is second depends on the order).
PAIRWISE = {"order.not-canonical", "id.duplicate", "alias.duplicate", "name.likely-duplicate"}
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

_WORD = st.text(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüß&.'", min_size=1, max_size=8
)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_SLUG = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)


@st.composite
def valid_sites(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Sites that pass every check: unique ids and names, known vocabularies, sources."""
    ids = sorted(draw(st.lists(_SLUG, min_size=1, max_size=6, unique=True)))
    # names three or more edits apart once normalised (validate's likely-duplicate rule)
    names = draw(
        st.lists(_NAME, min_size=len(ids), max_size=len(ids), unique_by=lambda n: name_key(n)[:3]).filter(
            lambda found: all(len({name_key(n)[i : i + 3] for n in found}) == len(found) for i in range(0, 3))
        )
    )
    sites = []
    for site_id, name in zip(ids, names, strict=True):
        place, country, lat, lon = draw(st.sampled_from(PLACES))
        location: dict[str, Any] = {"place": place, "municipality": place, "country": country}
        if draw(st.booleans()):
            location.update(
                lat=round(lat + draw(st.floats(-0.05, 0.05)), 5),
                lon=round(lon + draw(st.floats(-0.05, 0.05)), 5),
                precision="place",
            )
        site: dict[str, Any] = {
            "id": site_id,
            "name": name,
            "organisation": draw(_NAME),
            "kind": draw(st.sampled_from(KINDS)),
            "activities": draw(st.lists(st.sampled_from(ACTIVITIES), min_size=1, max_size=3, unique=True)),
            "status": draw(st.sampled_from(["active", "planned", "under-construction"])),
            "location": location,
            "sources": [{"url": f"https://example.org/{site_id}", "year": draw(st.integers(1990, 2030))}],
        }
        if draw(st.booleans()):
            site["employees"] = [
                {
                    "value": draw(st.integers(0, 10**5)),
                    "year": 2025,
                    "url": f"https://example.org/{site_id}/staff",
                }
            ]
        if len(ids) > 1 and draw(st.booleans()):
            target = draw(st.sampled_from([i for i in ids if i != site_id]))
            site["relations"] = [{"type": draw(st.sampled_from(RELATIONS[1:])), "target": target}]
        if draw(st.booleans()):
            # any text but what hides text (controls, bidi, zero-width: refused since issue 17)
            site["description"] = draw(
                st.text(min_size=1, max_size=40).filter(lambda t: t.strip() and not HIDDEN.search(t))
            )
        sites.append(site)
    return sites


@st.composite
def any_sites(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Valid sites with problems mixed in: duplicates, dangling and cyclic relations, bad values."""
    sites = draw(valid_sites())
    ids = [s["id"] for s in sites]
    aliases = ["Fab One", "Campus", "Lab"]
    for site in sites:
        if draw(st.integers(0, 3)) == 0:
            site["aliases"] = draw(st.lists(st.sampled_from(aliases), min_size=1, max_size=2, unique=True))
        if draw(st.integers(0, 3)) == 0:
            site["relations"] = [
                {"type": draw(st.sampled_from(RELATIONS)), "target": draw(st.sampled_from([*ids, "nowhere"]))}
            ]
        if draw(st.integers(0, 5)) == 0:
            site["kind"] = "robot"
        if draw(st.integers(0, 5)) == 0:
            site["website"] = draw(st.sampled_from(["javascript:alert(1)", "//x.org", "https://ok.org"]))
        if draw(st.integers(0, 5)) == 0:
            site["location"]["lat"], site["location"]["lon"] = 0, 0
    if len(sites) > 1 and draw(st.booleans()):
        sites.append(dict(sites[0], name="Copy " + sites[0]["name"]))  # a duplicate id
    return sites


def registry_text(sites: list[dict[str, Any]]) -> str:
    return "\n".join(dump_block({"sites": sites})) + "\n"


@contextmanager
def written(text: str | bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "companies.yaml"
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        yield path


def comparable(site: Any) -> tuple[Any, ...]:
    """A site's data without where it was read from (sites compare by identity)."""
    return tuple(
        getattr(site, f.name)
        for f in dataclasses.fields(site)
        if f.name not in ("raw", "file", "line", "col")
    )


def findings(sites: list[dict[str, Any]]) -> tuple[Counter[tuple[str, str, str]], Counter[str]]:
    with written(registry_text(sites)) as path:
        issues = check_registry(path, REGIONS).issues
    per_entry = Counter((i.code, i.entry, i.field) for i in issues if i.code not in PAIRWISE)
    pairwise = Counter(i.code for i in issues if i.code in PAIRWISE - {"order.not-canonical"})
    return per_entry, pairwise


@SETTINGS
@given(valid_sites(), st.randoms(use_true_random=False))
def test_a_valid_registry_in_any_order_reads_back_the_same_after_fmt(
    sites: list[dict[str, Any]], rng: random.Random
) -> None:
    with written(registry_text(sites)) as path:
        result = check_registry(path, REGIONS)
        assert result.errors == [], result.errors
        assert result.registry is not None
        expected = [comparable(s) for s in result.registry.sites]
    shuffled = sites[:]
    rng.shuffle(shuffled)
    formatted = format_text(registry_text(shuffled))
    with written(formatted) as path:
        result = check_registry(path, REGIONS)
        assert result.errors == [], result.errors
        assert result.registry is not None
        assert [comparable(s) for s in result.registry.sites] == expected
    assert format_text(formatted) == formatted


@SETTINGS
@given(any_sites(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_the_order_of_entries(
    sites: list[dict[str, Any]], rng: random.Random
) -> None:
    shuffled = sites[:]
    rng.shuffle(shuffled)
    assert findings(shuffled) == findings(sites)


def _load(path: Path) -> None:
    with suppress(YamlError, RegistryError):
        load_registry(path, REGIONS)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_registry_or_the_loaders_own_errors(data: bytes) -> None:
    with written(data) as path:
        _load(path)


_YAMLISH = st.lists(
    st.sampled_from(
        [
            "sites:",
            "\n",
            "  - ",
            "id: ",
            "a-b",
            "name: ",
            "x",
            ": ",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "'",
            '"',
            "&a ",
            "*a",
            "!!str ",
            "<<: ",
            "? ",
            "|",
            ">",
            "#",
            "\t",
            "---",
            "...",
            "0042",
            "12:30",
            ".nan",
            "1e400",
            "9" * 700,
            "\\u0000",
            "\\ud800",
            "%TAG ! x\n",
            "@",
            "`",
            "\r",
            "\u2028",
            "\ufeff",
            "lat: ",
            "location:",
            "    ",
            "relations: [{type: part-of, target: a-b}]",
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_YAMLISH)
def test_yaml_ish_text_gives_a_registry_or_the_loaders_own_errors(text: str) -> None:
    with written(text.encode("utf-8", "surrogatepass")) as path:
        _load(path)


@SETTINGS
@given(
    valid_sites(),
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(0, 2), st.characters(codec="utf-8")),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_valid_registries_give_a_registry_or_the_loaders_own_errors(
    sites: list[dict[str, Any]], edits: list[tuple[int, int, str]]
) -> None:
    text = registry_text(sites)
    for position, action, char in edits:
        at = position % (len(text) + 1)
        if action == 0:
            text = text[:at] + char + text[at:]
        elif action == 1:
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + char + text[at + 1 :]
    with written(text.encode("utf-8", "surrogatepass")) as path:
        _load(path)
