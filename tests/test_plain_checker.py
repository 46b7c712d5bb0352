"""The specialised structure check (``schema.plain_checker``) against the generic walk, and
the builder of the sites it accepts (``registry.build_plain_site``) against ``build_site``.

``plain_checker(fields)`` may say True only for a mapping in which ``check_mapping`` finds
nothing; the registry reader then skips the generic walk. Each field of the site schema, at
every depth, is given values of every kind of mistake (and valid ones), and wherever the fast
check accepts the entry the generic walk must report nothing.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import pytest

from lifeport_map.model import Site
from lifeport_map.paths import default_registry_path, default_taxonomy_path
from lifeport_map.registry import build_plain_site, build_site
from lifeport_map.schema import SITE_FIELDS, Field, StructureChecker
from lifeport_map.taxonomy import load_taxonomy
from lifeport_map.yamlio import load_yaml

BAD_VALUES: list[Any] = [
    None,
    "",
    " ",
    "\t",
    "a\nb",
    "x" * 121,
    "x" * 301,
    "x" * 4001,
    "Nij\u200bmegen",
    "\u3164",
    "NO",
    "nxp-nijmegen",
    "Nijmegen",
    "NL",
    "XK",
    "2024-13",
    "2024-05",
    "0000",
    "1799",
    "2024",
    "https://example.org/",
    "001_0123456789abcdef.txt",
    0,
    -1,
    1799,
    2024,
    2101,
    300,
    1001,
    10**7,
    1.5,
    float("nan"),
    float("inf"),
    True,
    False,
    [],
    [""],
    ["a", "A"],
    [None],
    [1, 1],
    [200, 300],
    ["front-end"],
    ["research"],
    ["design", "design"],
    {},
    {"unknown": 1},
]


def plain(value: Any) -> Any:
    """The parsed YAML as plain dicts and lists (positions do not matter here)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def paths(fields: tuple[Field, ...], prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every field's path in the site schema; a list of mappings through its first item."""
    found = []
    for spec in fields:
        here = (*prefix, spec.name)
        found.append(here)
        if spec.type == "map":
            found.extend(paths(spec.fields, here))
        elif spec.type == "list" and spec.items is not None and spec.items.type == "map":
            found.extend(paths(spec.items.fields, (*here, 0)))
        elif spec.type == "list":
            found.append((*here, 0))
    return found


def replaced(site: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any] | None:
    """A copy of ``site`` with ``value`` at ``path`` (containers made on the way); None where
    the path cannot be reached (an item of a list the site does not have)."""
    copy = plain(site)
    node: Any = copy
    for step, following in itertools.pairwise(path):
        if isinstance(step, int):
            if not isinstance(node, list) or len(node) <= step:
                return None
            node = node[step]
            continue
        if step not in node or not isinstance(node[step], (dict, list)):
            node[step] = [{}] if isinstance(following, int) else {}
        node = node[step]
    last = path[-1]
    if isinstance(last, int) and (not isinstance(node, list) or len(node) <= last):
        return None
    node[last] = value
    return copy


@pytest.fixture(scope="module")
def shipped() -> tuple[StructureChecker, list[dict[str, Any]]]:
    taxonomy = load_taxonomy(default_taxonomy_path())
    data = load_yaml(default_registry_path()).data
    return StructureChecker(taxonomy=taxonomy, file="x.yaml"), list(data["sites"])


def fields_of(site: Site | None) -> tuple[Any, ...]:
    assert site is not None
    return tuple(getattr(site, f.name) for f in dataclasses.fields(site))


def generic_issues(checker: StructureChecker, site: Any) -> list[str]:
    before = len(checker.issues)
    checker.check_mapping(site, SITE_FIELDS, entry="e", path="", where=(1, 1))
    found = [f"{i.code} {i.field}" for i in checker.issues[before:]]
    del checker.issues[before:]
    return found


def test_every_shipped_site_is_plainly_valid(shipped: tuple[StructureChecker, list[dict[str, Any]]]) -> None:
    checker, sites = shipped
    check = checker.plain(SITE_FIELDS)
    assert len(sites) > 300
    assert all(check(site) for site in sites)
    assert all(generic_issues(checker, site) == [] for site in sites)
    taxonomy = checker.taxonomy
    for site in sites:
        assert fields_of(build_plain_site(site, taxonomy, "f")) == fields_of(build_site(site, taxonomy, "f"))


def test_the_fast_check_accepts_nothing_the_generic_walk_reports(
    shipped: tuple[StructureChecker, list[dict[str, Any]]],
) -> None:
    checker, sites = shipped
    check = checker.plain(SITE_FIELDS)
    # sites with a facility, employees, events and relations reach every nested table
    samples = [
        next(s for s in sites if "facility" in s and "capacity" in s["facility"]),
        next(s for s in sites if "employees" in s and "events" in s),
        next(s for s in sites if "relations" in s and "source" in s["location"]),
        sites[0],
    ]
    accepted = refused = 0
    for site in samples:
        for path in paths(SITE_FIELDS):
            for value in BAD_VALUES:
                mutated = replaced(site, path, value)
                if mutated is None:
                    continue
                issues = generic_issues(checker, mutated)
                if check(mutated):
                    accepted += 1
                    assert issues == [], (path, value)
                    # the shorter builder gives the same record as build_site
                    fast = build_plain_site(mutated, checker.taxonomy, "f")
                    assert fields_of(fast) == fields_of(build_site(mutated, checker.taxonomy, "f")), (
                        path,
                        value,
                    )
                else:
                    refused += 1
    # both answers occur: valid replacements are taken fast, mistakes go to the generic walk
    assert accepted > 500
    assert refused > 5000


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("aliases",), ["NXP", ""]),  # an empty item is an issue in a list, not an absent field
        (("aliases",), ["Fab", "fab"]),  # repeated once folded
        (("activities",), []),  # required and empty
        (("facility", "wafer_mm"), [200, True]),  # a boolean is no number
        (("sources", 0, "seed"), "1_0123.txt"),
        (("location", "lat"), 90.5),
        (("unknown",), "x"),
    ],
)
def test_the_fast_check_leaves_these_to_the_generic_walk(
    shipped: tuple[StructureChecker, list[dict[str, Any]]], path: tuple[str | int, ...], value: Any
) -> None:
    checker, sites = shipped
    mutated = replaced(sites[0], path, value)
    assert mutated is not None
    assert not checker.plain(SITE_FIELDS)(mutated)
    assert generic_issues(checker, mutated) != []


def test_each_checker_binds_its_own_vocabularies(
    shipped: tuple[StructureChecker, list[dict[str, Any]]],
) -> None:
    """The compiled code is shared; the vocabularies it tests against are each checker's."""

    class NoKinds(StructureChecker):
        def allowed(self, name: str) -> frozenset[str]:
            return frozenset() if name == "kinds" else super().allowed(name)

    checker, sites = shipped
    narrow = NoKinds(taxonomy=checker.taxonomy, file="x.yaml")
    assert checker.plain(SITE_FIELDS)(sites[0])
    assert not narrow.plain(SITE_FIELDS)(sites[0])
    assert checker.plain(SITE_FIELDS)(sites[0])
    assert [i.code for i in narrow.issues] == []
    assert generic_issues(narrow, sites[0]) == ["schema.unknown-kind kind"]
