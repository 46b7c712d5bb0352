"""A region file and its boundary file are one unit (issue 17): readers see both old or both
new while ``regions import-boundary`` replaces them, and a kill -9 of the import leaves both old,
or both new once the next run completes what the journal says (readers refuse them until then).

The reader and kill loops run briefly here and at length in bench/kill_loop.py.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from maps_support import MINI

from lifeport_map.boundaries import import_boundary
from lifeport_map.errors import Issue
from lifeport_map.fileio import JOURNAL
from lifeport_map.geo import load_boundary
from lifeport_map.registry import default_taxonomy_path, read_regions
from lifeport_map.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
DEFINITION = "official"


def _square(west: float, south: float, east: float, north: float) -> dict[str, Any]:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        ],
    }


# A and B differ in their western edge, which tells a reader which file it got; the region
# file's definition names the file it was imported from ("Official boundary (A.geojson)").
WEST = {"A": 5.7, "B": 5.6}

WRITER = """
import sys
from pathlib import Path
from lifeport_map.boundaries import import_boundary
regions, a, b = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
print("ready", flush=True)
i = 1
while True:
    import_boundary([a, b][i % 2], regions, "nijmegen", definition_id="official", year=2024, replace=True)
    i += 1
"""


def prepare(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the mini regions folder with boundary A imported, and the files A and B."""
    regions = tmp_path / "regions"
    shutil.copytree(MINI / "regions", regions)
    files = []
    for name, west in WEST.items():
        path = tmp_path / f"{name}.geojson"
        path.write_text(json.dumps(_square(west, 51.7, 6.1, 52.0)), encoding="utf-8")
        files.append(path)
    import_boundary(files[0], regions, "nijmegen", definition_id=DEFINITION, year=2024)
    return regions, files[0], files[1]


def pair_seen(regions: Path) -> tuple[str, str] | list[Issue]:
    """(the file the region file names, the file the boundary holds) as a reader sees them,
    or the errors it got."""
    found, issues = read_regions(regions, load_taxonomy(default_taxonomy_path()))
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        return errors
    definition = found["nijmegen"].definition(DEFINITION)
    named = "A" if "(A.geojson)" in definition.name["en"] else "B"
    west = round(load_boundary(regions, definition).bounds[0], 5)
    held = next(k for k, v in WEST.items() if v == west)
    return named, held


def _start_writer(regions: Path, a: Path, b: Path) -> subprocess.Popen[bytes]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(regions), str(a), str(b)], stdout=subprocess.PIPE, cwd=ROOT
    )
    assert child.stdout is not None and child.stdout.readline() == b"ready\n"
    return child


def read_pairs_while_importing(tmp_path: Path, seconds: float) -> tuple[int, int, int]:
    """Read the region folder in a loop for ``seconds`` while a writer process imports A and B
    in turn with --replace; returns (reads, mismatched pairs, reads that got an error)."""
    regions, a, b = prepare(tmp_path)
    reads = mismatched = failed = 0
    child = _start_writer(regions, a, b)
    try:
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            seen = pair_seen(regions)
            reads += 1
            if isinstance(seen, list):
                failed += 1
            else:
                mismatched += seen[0] != seen[1]
    finally:
        child.kill()
        child.wait()
    return reads, mismatched, failed


def kill_imports_at_random_moments(tmp_path: Path, rounds: int, *, seed: int) -> int:
    """Kill an importing writer ``rounds`` times at random moments: after each kill the pair is
    both old or both new, or (killed after its journal was written) readers refuse it with
    io.interrupted-write and the next import completes it to both new and says so; no temporary
    file is left. Returns how often a kill fell after the journal."""
    rng = random.Random(seed)
    regions, a, b = prepare(tmp_path)
    region_file = regions / "nijmegen.yaml"
    caught = 0
    for _ in range(rounds):
        child = _start_writer(regions, a, b)
        time.sleep(rng.uniform(0, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        seen = pair_seen(regions)
        if (regions / JOURNAL).exists():
            caught += 1
            assert isinstance(seen, list) and {i.code for i in seen} == {"io.interrupted-write"}, seen
        else:
            assert not isinstance(seen, list) and seen[0] == seen[1], seen
        # The next run cleans up and says what it did; importing what is there changes nothing.
        current = a if isinstance(seen, list) or seen[0] == "B" else b
        before = region_file.read_bytes()
        _, _, notes = import_boundary(
            current, regions, "nijmegen", definition_id=DEFINITION, year=2024, replace=True
        )
        assert all("interrupted run" in note.render("en") for note in notes), notes
        assert all("afgebroken opdracht" in note.render("nl") for note in notes), notes
        assert not isinstance(seen, list) or any(JOURNAL in note.render("en") for note in notes), notes
        after = pair_seen(regions)
        assert not isinstance(after, list) and after[0] == after[1], after
        assert region_file.read_bytes() != before or isinstance(seen, list)
        assert sorted(p.name for p in regions.iterdir()) == ["boundaries", "dresden.yaml", "nijmegen.yaml"]
        assert [p.name for p in (regions / "boundaries").iterdir()] == [f"nijmegen-{DEFINITION}.geojson"]
    return caught


def test_a_reader_never_sees_a_region_file_with_another_imports_boundary(tmp_path: Path) -> None:
    reads, mismatched, failed = read_pairs_while_importing(tmp_path, 3.0)
    assert reads > 0 and mismatched == 0 and failed == 0, (reads, mismatched, failed)


def test_a_killed_import_leaves_both_files_old_or_both_new(tmp_path: Path) -> None:
    kill_imports_at_random_moments(tmp_path, 3, seed=17)


def _journal_state(tmp_path: Path) -> tuple[Path, Path, bytes, bytes]:
    """The state a kill leaves right after the journal of importing B was written: both
    verified copies beside their targets, the old files (A) in place."""
    regions, _, b = prepare(tmp_path)
    region_file = regions / "nijmegen.yaml"
    boundary = regions / "boundaries" / f"nijmegen-{DEFINITION}.geojson"
    old = region_file.read_bytes(), boundary.read_bytes()
    import_boundary(b, regions, "nijmegen", definition_id=DEFINITION, year=2024, replace=True)
    new = region_file.read_bytes(), boundary.read_bytes()
    region_file.write_bytes(old[0])
    boundary.write_bytes(old[1])
    (regions / ".nijmegen.yaml.k1ll3d00.tmp").write_bytes(new[0])
    (regions / "boundaries" / f".{boundary.name}.k1ll3d00.tmp").write_bytes(new[1])
    return regions, boundary, new[0], new[1]


def test_after_the_journal_readers_refuse_and_the_next_import_completes_both(tmp_path: Path) -> None:
    regions, boundary, new_region, new_boundary = _journal_state(tmp_path)
    journal = {
        "files": [
            {
                "target": f"boundaries/{boundary.name}",
                "staged": f"boundaries/.{boundary.name}.k1ll3d00.tmp",
                "in_place": False,
            },
            {"target": "nijmegen.yaml", "staged": ".nijmegen.yaml.k1ll3d00.tmp", "in_place": False},
        ]
    }
    (regions / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    seen = pair_seen(regions)
    assert isinstance(seen, list) and [i.code for i in seen] == ["io.interrupted-write"]
    assert seen[0].file == str(regions / "nijmegen.yaml") and JOURNAL in seen[0].message
    result = subprocess.run(
        [sys.executable, "-m", "lifeport_map", "--regions", str(regions), "validate"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 3 and "[io.interrupted-write]" in result.stdout + result.stderr
    from lifeport_map.fileio import clean_up

    notes = clean_up(regions / "nijmegen.yaml")
    assert [note.render("en") for note in notes] == [
        f"completed the write of {boundary.name}, nijmegen.yaml that an interrupted run had begun "
        f"(from {JOURNAL})"
    ]
    assert [note.render("nl") for note in notes] == [
        f"het schrijven van {boundary.name}, nijmegen.yaml dat een afgebroken opdracht was begonnen, "
        f"is afgemaakt (met {JOURNAL})"
    ]
    assert (regions / "nijmegen.yaml").read_bytes() == new_region and boundary.read_bytes() == new_boundary
    assert pair_seen(regions) == ("B", "B")
    assert sorted(p.name for p in regions.iterdir()) == ["boundaries", "dresden.yaml", "nijmegen.yaml"]
    assert [p.name for p in (regions / "boundaries").iterdir()] == [boundary.name]


def test_before_the_journal_the_next_import_removes_the_copies_and_keeps_the_old_pair(tmp_path: Path) -> None:
    regions, boundary, _, _ = _journal_state(tmp_path)
    a = tmp_path / "A.geojson"
    _, _, notes = import_boundary(a, regions, "nijmegen", definition_id=DEFINITION, year=2024, replace=True)
    assert sorted(note.render("en") for note in notes) == sorted(
        [
            f"removed {regions / '.nijmegen.yaml.k1ll3d00.tmp'}, left by an interrupted run",
            f"removed {boundary.parent / f'.{boundary.name}.k1ll3d00.tmp'}, left by an interrupted run",
        ]
    )
    assert sorted(note.render("nl") for note in notes) == sorted(
        [
            f"{regions / '.nijmegen.yaml.k1ll3d00.tmp'} verwijderd; een afgebroken opdracht had "
            "het achtergelaten",
            f"{boundary.parent / f'.{boundary.name}.k1ll3d00.tmp'} verwijderd; een afgebroken opdracht had "
            "het achtergelaten",
        ]
    )
    assert pair_seen(regions) == ("A", "A")


@pytest.mark.parametrize(
    "journal",
    [
        {
            "files": [
                {"target": "../../elsewhere.yaml", "staged": "../../.elsewhere.yaml.x.tmp", "in_place": False}
            ]
        },
        {"files": [{"target": "nijmegen.yaml", "staged": "dresden.yaml", "in_place": False}]},
        "not json",
    ],
    ids=["leaves-the-folder", "not-a-copy", "not-json"],
)
def test_a_planted_journal_moves_no_file(tmp_path: Path, journal: object) -> None:
    """A journal that names anything but a target's own copy is removed, nothing renamed."""
    regions, _, _ = prepare(tmp_path)
    (tmp_path / ".elsewhere.yaml.x.tmp").write_text("planted", encoding="utf-8")
    before = {p: p.read_bytes() for p in regions.rglob("*") if p.is_file()}
    (regions / JOURNAL).write_text(
        journal if isinstance(journal, str) else json.dumps(journal), encoding="utf-8"
    )
    from lifeport_map.fileio import clean_up

    [note] = clean_up(regions / "nijmegen.yaml")
    assert note.render("en") == f"removed {regions / JOURNAL}, left by an interrupted run"
    assert (
        note.render("nl") == f"{regions / JOURNAL} verwijderd; een afgebroken opdracht had het achtergelaten"
    )
    assert {p: p.read_bytes() for p in regions.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "elsewhere.yaml").exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "nl",
            "lifeport-map: {stale} verwijderd; een afgebroken opdracht had het achtergelaten\n"
            "lifeport-map: het schrijven van {journal_names} dat een afgebroken opdracht was begonnen, "
            "is afgemaakt (met {journal})\n",
        ),
        (
            "en",
            "lifeport-map: completed the write of {journal_names} that an interrupted run had begun "
            "(from {journal})\n"
            "lifeport-map: removed {stale}, left by an interrupted run\n",
        ),
    ],
)
def test_the_next_import_says_what_it_cleaned_up_in_its_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    """A killed import's leftovers, set up by hand: a committed journal (with the copies it
    names) and a stale temporary copy of the region file. The next import completes the one and
    removes the other, and says so on standard error in its --lang; its result on standard
    output too."""
    regions, boundary, _new_region, _new_boundary = _journal_state(tmp_path)
    staged = [(f"boundaries/{boundary.name}", f"boundaries/.{boundary.name}.k1ll3d00.tmp")]
    staged.append(("nijmegen.yaml", ".nijmegen.yaml.k1ll3d00.tmp"))
    journal = {"files": [{"target": t, "staged": c, "in_place": False} for t, c in staged]}
    (regions / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    stale = regions / ".nijmegen.yaml.0ldc0py0.tmp"
    stale.write_text("half", encoding="utf-8")
    a = tmp_path / "A.geojson"
    command = [sys.executable, "-m", "lifeport_map", "--regions", str(regions), "regions", "import-boundary"]
    result = subprocess.run(
        [*command, str(a), "--region", "nijmegen", "--definition", DEFINITION, "--replace", "--lang", lang],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    names = f"{boundary.name}, nijmegen.yaml"
    assert sorted(result.stderr.splitlines()) == sorted(
        said.format(stale=stale, journal_names=names, journal=JOURNAL).splitlines()
    )
    stored = f"{boundary}"
    region_file = regions / "nijmegen.yaml"
    assert result.stdout == (
        f"{stored} opgeslagen; afbakening '{DEFINITION}' in {region_file}\n"
        if lang == "nl"
        else f"stored {stored}; definition '{DEFINITION}' in {region_file}\n"
    )
    assert pair_seen(regions) == ("A", "A")
