"""The graph cache: a hit gives the same answers as a fresh read, any change of the files it
depends on is a miss, and entries that are damaged, foreign or in a folder others can write are
never used."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lifeport_map import cache
from lifeport_map.graph import all_sites
from tests.conftest import run_cli


def _args(folder: Path) -> list[str]:
    return ["--registry", str(folder / "companies.yaml"), "--regions", str(folder / "regions")]


def _coverage(folder: Path, cache_folder: Path, *extra: str) -> dict[str, object]:
    done = run_cli(
        *_args(folder),
        *extra,
        "coverage",
        "--region",
        "nijmegen",
        "--format",
        "json",
        env={"LIFEPORT_CACHE_DIR": str(cache_folder)},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("graph-*.pickle")) if folder.is_dir() else []


def test_a_hit_answers_as_a_fresh_read(mini_copy: Path, cache_folder: Path) -> None:
    first = _coverage(mini_copy, cache_folder)
    assert len(_entries(cache_folder)) == 1
    assert first["sites"] == 2  # alpha-nijmegen and beta-duiven; gamma is in Dresden
    assert _coverage(mini_copy, cache_folder) == first
    assert _coverage(mini_copy, cache_folder, "--no-cache") == first
    assert len(_entries(cache_folder)) == 1


def test_no_cache_writes_nothing(mini_copy: Path, cache_folder: Path) -> None:
    _coverage(mini_copy, cache_folder, "--no-cache")
    assert not cache_folder.exists()


def test_a_changed_registry_is_read_again(mini_copy: Path, cache_folder: Path) -> None:
    assert _coverage(mini_copy, cache_folder)["sites"] == 2
    registry = mini_copy / "companies.yaml"
    text = registry.read_text(encoding="utf-8")
    # Beta closes: one site of the two in the region is left.
    registry.write_text(
        text.replace(
            "activities: [back-end-equipment]\n    status: active",
            "activities: [back-end-equipment]\n    status: closed",
        ),
        encoding="utf-8",
    )
    assert _coverage(mini_copy, cache_folder)["sites"] == 1
    assert len(_entries(cache_folder)) == 2


def test_a_changed_region_file_is_read_again(mini_copy: Path, cache_folder: Path) -> None:
    first = cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions")
    region = mini_copy / "regions" / "nijmegen.yaml"
    region.write_text(region.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions")
    assert first is not None and second is not None and first != second
    (mini_copy / "regions" / "extra.txt").write_text("x", encoding="utf-8")
    assert cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions") not in (first, second)


def test_the_key_covers_the_code(mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another version of the code")
    assert cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions") != before


def test_an_unreadable_registry_has_no_key(tmp_path: Path) -> None:
    assert cache.graph_key(tmp_path / "missing.yaml", tmp_path) is None


def test_a_registry_with_errors_is_reported_and_not_cached(mini_copy: Path, cache_folder: Path) -> None:
    registry = mini_copy / "companies.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("kind: idm", "kind: 42"), encoding="utf-8"
    )
    env = {"LIFEPORT_CACHE_DIR": str(cache_folder)}
    cached = run_cli(*_args(mini_copy), "coverage", "--region", "nijmegen", env=env)
    fresh = run_cli(*_args(mini_copy), "--no-cache", "coverage", "--region", "nijmegen", env=env)
    assert cached.returncode == fresh.returncode == 1
    assert cached.stderr == fresh.stderr
    assert "Traceback" not in cached.stderr
    assert _entries(cache_folder) == []


def test_damaged_and_foreign_entries_are_misses(mini_copy: Path, cache_folder: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    graph = cache.load_graph(registry, regions)
    key = cache.graph_key(registry, regions)
    assert key is not None
    (entry,) = _entries(cache_folder)
    assert entry.name == f"graph-{key}.pickle"
    assert sorted(s.id for s in all_sites(cache.read_entry(cache_folder, key))) == sorted(
        s.id for s in all_sites(graph)
    )
    # Truncated: a miss, and the next load replaces it.
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.read_entry(cache_folder, key) is None
    assert sorted(s.id for s in all_sites(cache.load_graph(registry, regions))) == [
        "alpha-nijmegen",
        "beta-duiven",
        "gamma-dresden",
    ]
    assert cache.read_entry(cache_folder, key) is not None
    # An entry written for another key (e.g. renamed by hand) is refused by its header.
    entry.rename(cache_folder / "graph-0000.pickle")
    assert cache.read_entry(cache_folder, "0000") is None


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_folder_others_can_write_is_not_used(mini_copy: Path, cache_folder: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    cache.load_graph(registry, regions)
    key = cache.graph_key(registry, regions)
    assert key is not None and cache.read_entry(cache_folder, key) is not None
    cache_folder.chmod(0o777)
    assert cache.read_entry(cache_folder, key) is None
    cache_folder.chmod(0o700)
    (entry,) = _entries(cache_folder)
    entry.chmod(0o666)
    assert cache.read_entry(cache_folder, key) is None


def test_only_the_newest_entries_are_kept(cache_folder: Path) -> None:
    for index in range(cache.KEEP + 3):
        cache.write_entry(cache_folder, f"{index:04d}", {"index": index})
        os.utime(cache_folder / f"graph-{index:04d}.pickle", ns=(index * 10**9, index * 10**9))
    cache.write_entry(cache_folder, "last", {"index": "last"})
    kept = {p.name for p in _entries(cache_folder)}
    assert len(kept) == cache.KEEP
    assert "graph-last.pickle" in kept and "graph-0000.pickle" not in kept
    assert cache.read_entry(cache_folder, "last") == {"index": "last"}
    assert not list(cache_folder.glob(".graph-*"))  # no temporary files left behind


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_special_files_and_links_are_never_opened(mini_copy: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    before = cache.graph_key(registry, regions)
    os.mkfifo(regions / "pipe.yaml")  # opening it would block
    with_pipe = cache.graph_key(registry, regions)
    (regions / "elsewhere.yaml").symlink_to("/dev/zero")  # reading it would never end
    with_link = cache.graph_key(registry, regions)
    assert len({before, with_pipe, with_link}) == 3


def test_code_fingerprint_follows_the_networkx_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached graph is pickled networkx: another networkx version gives another key. The
    version comes from the installed metadata (networkx itself is not imported for it)."""
    import importlib.metadata

    import networkx

    real = importlib.metadata.version
    assert real("networkx") == networkx.__version__
    now = cache.code_fingerprint()
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "0.0-other" if name == "networkx" else real(name)
    )
    assert cache.code_fingerprint() != now


def test_the_graph_is_built_after_the_parsed_yaml_is_dropped(mini_copy: Path) -> None:
    """``forget_positions`` drops each site's parsed YAML once no issue can be reported; the
    records keep every value, a position falls back to the entry's line, and the graph of a
    cold read is the graph of the registry as read."""
    from networkx.utils import graphs_equal

    from lifeport_map.graph import build_graph
    from lifeport_map.registry import forget_positions, read_for_analysis

    registry_path, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    registry = read_for_analysis(registry_path, regions).registry
    assert registry is not None
    expected = build_graph(registry)
    alpha = registry.by_id["alpha-nijmegen"]
    assert alpha.where("location.lat") == (12, 12)
    forget_positions(registry)
    assert [site.raw for site in registry.sites] == [None, None, None]
    assert alpha.where("location.lat") == (2, 5)  # the entry's own line and column
    assert alpha.location.lat == 51.8425
    assert graphs_equal(cache.load_graph(registry_path, regions, cache=False), expected)
