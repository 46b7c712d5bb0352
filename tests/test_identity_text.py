"""Every command refuses invisible characters and lookalike letters in the fields that decide what
an analysis counts (issue 17, "silent changes to the analyses"): before, ``municipality:
"Nijmegen\\u200b"`` passed every command but ``validate`` and silently moved the site out of its
region (Lifeport's front-end production fell from 1 to 0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

MUNICIPALITY = "      municipality: Nijmegen\n"  # alpha-nijmegen's, line 10 of the mini registry

BAD = {
    "zero-width-space": ('      municipality: "Nijmegen\\u200b"\n', "name.invisible-character"),
    "cyrillic-e": ("      municipality: Nijm\u0435gen\n", "name.mixed-script"),
}


def _broken(mini_copy: Path, line: str) -> Path:
    path = mini_copy / "companies.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(MUNICIPALITY) == 1 and text.splitlines().index(MUNICIPALITY.rstrip("\n")) == 9
    path.write_text(text.replace(MUNICIPALITY, line), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(BAD))
@pytest.mark.parametrize(
    "command",
    [
        ["coverage", "--region", "nijmegen"],
        ["compare"],
        ["export", "--format", "geojson"],
    ],
    ids=["coverage", "compare", "export"],
)
def test_every_command_refuses_hidden_or_lookalike_letters_in_a_municipality(
    mini_copy: Path, cache_folder: Path, case: str, command: list[str]
) -> None:
    line, code = BAD[case]
    path = _broken(mini_copy, line)
    before = path.read_bytes()
    args = ["--registry", str(path), "--regions", str(mini_copy / "regions")]
    validated = run_cli(*args, "validate", "--lang", "en")
    assert validated.returncode == 1
    where = f"{path}:10:21: error: [{code}] alpha-nijmegen: location.municipality:"
    assert where in validated.stdout + validated.stderr
    for cache in ([], ["--no-cache"]):  # the cold path of the cache and the uncached path alike
        done = run_cli(*args, *cache, command[0], "--lang", "en", *command[1:])
        assert done.returncode == 1, (done.stdout, done.stderr)
        assert where in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stdout == ""
    assert path.read_bytes() == before
    assert not list(cache_folder.glob("*.pickle"))  # nothing cached for an invalid registry


PLAIN: dict[str, Any] = {
    "name": "Alpha Fab",
    "organisation": "Alpha",
    "aliases": ("Alpha NL",),
    "place": "Nijmegen",
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"name": "Alpha Fab "}, [("name", "name.whitespace")]),
        ({"name": " Alpha Fab"}, [("name", "name.whitespace")]),
        ({"organisation": "Alpha  BV"}, [("organisation", "name.whitespace")]),
        ({"organisation": "Alpha\tBV"}, [("organisation", "name.invisible-character")]),
        ({"aliases": ("",)}, []),  # empty, so neither spaced nor hidden
        ({"aliases": ("Alpha NL ", "Fab")}, [("aliases[0]", "name.whitespace")]),
        ({"aliases": ("Fab", "Alpha\u200bNL")}, [("aliases[1]", "name.invisible-character")]),
        ({"place": "Nijmegen\u00a0"}, [("location.place", "name.invisible-character")]),
        ({"municipality": "Nijm\u0435gen"}, [("location.municipality", "name.mixed-script")]),
        ({"municipality": "Nijmegen "}, [("location.municipality", "name.whitespace")]),
        ({"name": "Caf\u00e9 Zo\u00eb", "aliases": ()}, []),
        ({"name": "Alpha\x7fFab"}, [("name", "name.invisible-character")]),
    ],
)
def test_identity_texts_in_plain_ascii_are_settled_at_once_and_the_rest_text_by_text(
    changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    """``check_identity_text`` settles a site whose texts are plain ASCII with single spaces in
    one test of them joined; anything else (a space at an end, a run of spaces, an empty alias,
    a control, hidden or non-ASCII character) is looked at text by text, as before."""
    import dataclasses

    from lifeport_map.registry import load_registry
    from lifeport_map.validate import check_identity_text
    from tests.conftest import MINI

    registry = load_registry(MINI / "companies.yaml", MINI / "regions", check=False)
    site = registry.sites[0]
    values = {**PLAIN, **changes}
    location = dataclasses.replace(
        site.location, place=values["place"], municipality=values.get("municipality", "Nijmegen")
    )
    changed = dataclasses.replace(
        site,
        name=values["name"],
        organisation=values["organisation"],
        aliases=values["aliases"],
        location=location,
        raw=None,
    )
    found = check_identity_text(dataclasses.replace(registry, sites=(changed,)))
    assert [(issue.field, issue.code) for issue in found] == expected
