"""A fifth independent re-check of issue 17, aimed at what the earlier rounds tried least: special
files where the registry, the regions folder, a boundary file or a cache entry is expected; YAML
merge keys and anchors, NaN and infinities, very long lines and huge coordinates in region and
boundary files; the cache folder's environment (a file, a folder others can write, a relative
XDG_CACHE_HOME, truncated, foreign, empty or special entries); outputs that are folders, links,
FIFOs, /dev/full, missing folders, or the very files the command reads. About 110 inputs were run
outside the project, each through every command that reads it, in Dutch and in English (a
harness checked: no hang within 90 s, no traceback, an exit code the README allows, Dutch words
in a Dutch run, no input changed, nothing written). Kept here: the inputs that found a problem
("found: ..."; the fix is in the same commit) and a few that guard a distinct path; the
unreadable files and folders it found are in tests/test_cli.py, the usage errors checked before
a missing file in tests/test_usage_first.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lifeport_map import cache
from tests.conftest import MINI, snapshot

_COMMAND = [sys.executable, "-m", "lifeport_map"]


def _run(
    data: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[int, str]:
    """The command in a fresh process on the registry and regions under ``data``; a hang fails
    the test after 60 s instead of holding the suite."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("LIFEPORT_DEBUG")}
    full.update(env or {})
    done = subprocess.run(
        [*_COMMAND, "--registry", str(data / "companies.yaml"), "--regions", str(data / "regions"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=full,
        cwd=cwd or data,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(MINI, folder)
    return folder


# found: a FIFO planted where a cache entry is kept hung coverage and compare for ever (the
# entry was opened without O_NONBLOCK, and opening a FIFO waits for a writer); now it is a miss
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_a_cache_entry_is_a_miss_not_a_hang(data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {"LIFEPORT_CACHE_DIR": str(folder)}
    expected = _run(data, "coverage", "-r", "nijmegen", "--format", "json", env=env)
    entries = sorted(folder.glob("graph-*.pickle"))
    assert entries  # the first run stored its graph
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    for command in (["coverage", "-r", "nijmegen", "--format", "json"], ["compare", "nijmegen", "dresden"]):
        code, said = _run(data, *command, env=env)
        assert code == 0, said
    assert _run(data, "coverage", "-r", "nijmegen", "--format", "json", env=env) == expected


# found: a relative XDG_CACHE_HOME put the cache in a folder below wherever the command ran; the
# XDG Base Directory spec says a relative path is invalid and to be ignored
@pytest.mark.parametrize(
    ("xdg", "expected"),
    [
        ("relative/cache", "~/.cache/lifeport-map"),
        ("", "~/.cache/lifeport-map"),
        ("/somewhere/cache", "/somewhere/cache/lifeport-map"),
    ],
)
def test_a_relative_xdg_cache_home_is_ignored(
    xdg: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LIFEPORT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache.cache_dir() == Path(os.path.expanduser(expected))


# found: --output naming the registry, a region file or a new file in the regions folder wrote
# over the data the command had just read (export --format json, map --format svg, schema) or
# added a file the next run reads as a region; report wrote its brief into the regions folder
OVERWRITES = [
    (["export", "--format", "json", "-o", "{data}/companies.yaml"], "registry"),
    (["map", "nl", "--format", "svg", "-o", "{data}/companies.yaml"], "registry"),
    (["schema", "-o", "{data}/companies.yaml"], "registry"),
    (["export", "--format", "json", "-o", "{data}/claims.yaml"], "claims"),
    (["map", "nl", "--format", "html", "-o", "{data}/regions/nijmegen.yaml"], "regions"),
    (["export", "-o", "{data}/regions/new.json"], "regions"),
    (["report", "-r", "nijmegen", "-o", "{data}/regions"], "regions"),
    (["map", "region", "nijmegen", "-o", "{data}/regions/boundaries/x.png"], "regions"),
]


@pytest.mark.parametrize(("args", "what"), OVERWRITES, ids=[" ".join(a) for a, _ in OVERWRITES])
def test_an_output_never_writes_over_what_the_commands_read(args: list[str], what: str, data: Path) -> None:
    (data / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    before = snapshot(data.parent)
    named = [a.format(data=data) for a in args]
    code, said = _run(data, *named, "--lang", "en")
    assert code == 2, said
    output = named[named.index("-o") + 1]
    expected = {
        "registry": f"lifeport-map: error: --output {output} would overwrite the registry\n",
        "claims": f"lifeport-map: error: --output {output} would overwrite the claims file\n",
        "regions": f"lifeport-map: error: --output {output} lies in the folder of region files "
        f"{(data / 'regions').resolve()}, which lifeport-map reads\n",
    }[what]
    assert said == expected + "    hint: choose an output path outside the data lifeport-map reads\n"
    assert snapshot(data.parent) == before


def test_the_registry_named_through_a_hard_link_is_still_refused_as_output(data: Path) -> None:
    os.link(data / "companies.yaml", data / "same.yaml")
    before = (data / "companies.yaml").read_bytes()
    code, said = _run(data, "export", "--format", "json", "-o", str(data / "same.yaml"), "--lang", "nl")
    assert code == 2, said
    assert said.startswith(
        f"lifeport-map: fout: --output {data / 'same.yaml'} zou het register overschrijven\n"
    )
    assert (data / "companies.yaml").read_bytes() == before


def test_an_output_beside_the_registry_is_still_written(data: Path) -> None:
    code, said = _run(data, "export", "-o", str(data / "companies.csv"), "--lang", "en")
    assert code == 0, said
    assert (data / "companies.csv").read_text(encoding="utf-8").startswith("id,")


# found: export to a standard output that is full (> /dev/full) ended in 'internal error:
# OSError: [Errno 28]' with exit 4; now it says so, with exit 3 (the file cannot be written)
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_an_output_error(data: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                *_COMMAND,
                "--registry",
                str(data / "companies.yaml"),
                "--regions",
                str(data / "regions"),
                "export",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 3, done.stderr
    assert done.stderr == (
        "lifeport-map: fout: kan niet naar de standaarduitvoer schrijven: schijf vol\n"
        "    tip: maak ruimte vrij, of schrijf naar een bestand met --output\n"
    )


# guards: each a distinct path the round found handled (exit code, and nothing changed)
BOUNDARY = """  - id: nuts3
    type: boundary
    name: {nl: Grens, en: Boundary}
    boundary: boundaries/nijmegen-nuts3.geojson
    source: {url: "https://example.org/b", year: 2024}
"""
SQUARE = (
    '{"type": "Polygon", "coordinates": [[[5.7, 51.7], [6.1, 51.7], [6.1, 52.0], [5.7, 52.0], [5.7, 51.7]]]}'
)


def _boundary(data: Path, make: object) -> None:
    region = data / "regions" / "nijmegen.yaml"
    region.write_text(region.read_text(encoding="utf-8") + BOUNDARY, encoding="utf-8")
    target = data / "regions" / "boundaries" / "nijmegen-nuts3.geojson"
    target.parent.mkdir()
    make(target)  # type: ignore[operator]


def _link_outside(data: Path, target: Path) -> None:
    outside = data.parent / "outside.geojson"
    outside.write_text(SQUARE, encoding="utf-8")
    target.symlink_to(outside)


GUARDS = {
    "boundary-link-outside": (lambda d: _boundary(d, lambda t: _link_outside(d, t)), 3, "[io."),
    "boundary-fifo": (lambda d: _boundary(d, os.mkfifo), 3, "[io."),
    "boundary-1e300": (
        lambda d: _boundary(d, lambda t: t.write_text(SQUARE.replace("6.1, 51.7", "1e300, 51.7"))),
        1,
        "[boundary.",
    ),
    "region-merge-key": (
        lambda d: (d / "regions" / "nijmegen.yaml").write_text(
            (d / "regions" / "nijmegen.yaml")
            .read_text()
            .replace("    type: radius\n", "    <<: {type: radius}\n")
        ),
        1,
        "nijmegen.yaml:",
    ),
    "registry-merge-key": (
        lambda d: (d / "companies.yaml").write_text(
            (d / "companies.yaml").read_text().replace("    kind: idm\n", "    <<: {kind: idm}\n")
        ),
        1,
        "companies.yaml:",
    ),
}


@pytest.mark.parametrize("name", GUARDS)
def test_the_rounds_guards_are_refused_cleanly(name: str, data: Path) -> None:
    setup, code, where = GUARDS[name]
    setup(data)
    before = snapshot(data.parent)
    for command in (["validate"], ["coverage", "-r", "nijmegen"]):
        found, said = _run(data, *command, "--lang", "nl")
        assert found == code, said
        assert where in said and ("fout:" in said) and "error:" not in said
    assert snapshot(data.parent) == before


def test_the_fifth_recheck_keeps_its_inputs() -> None:
    assert len(OVERWRITES) + len(GUARDS) + 3 + 1 + 2 >= 17
