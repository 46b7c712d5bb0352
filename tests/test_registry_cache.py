"""The registry in the graph cache (registry_cache), as the maps and the brief read it: a hit
draws the same bytes as a fresh read, a change is a miss, --no-cache writes nothing, and a
damaged entry or a registry with errors is never used or stored."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lifeport_map import cache, registry_cache
from lifeport_map.errors import RegistryError
from lifeport_map.graph import all_sites
from lifeport_map.registry import load_registry
from tests.conftest import run_cli


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("graph-*-registry.pickle")) if folder.is_dir() else []


def _map(folder: Path, cache_folder: Path, output: Path, *extra: str) -> bytes:
    done = run_cli(
        "--registry",
        str(folder / "companies.yaml"),
        "--regions",
        str(folder / "regions"),
        *extra,
        "map",
        "nl",
        "--output",
        str(output),
        env={"LIFEPORT_CACHE_DIR": str(cache_folder), "SOURCE_DATE_EPOCH": "1790000000"},
    )
    assert done.returncode == 0, done.stderr
    return output.read_bytes()


def test_map_nl_from_the_cache_is_byte_identical_and_no_cache_writes_nothing(
    mini_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    fresh = _map(mini_copy, folder, tmp_path / "fresh.html", "--no-cache")
    assert not folder.exists()
    first = _map(mini_copy, folder, tmp_path / "first.html")
    (entry,) = _entries(folder)
    key = cache.graph_key(mini_copy / "companies.yaml", mini_copy / "regions")
    assert entry.name == f"graph-{key}-registry.pickle"
    second = _map(mini_copy, folder, tmp_path / "second.html")
    assert fresh == first == second
    assert len(_entries(folder)) == 1
    # A changed registry is a miss: beta closes, so the page draws it as closed (and a new entry).
    registry = mini_copy / "companies.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "activities: [back-end-equipment]\n    status: active",
            "activities: [back-end-equipment]\n    status: closed",
        ),
        encoding="utf-8",
    )
    changed = _map(mini_copy, folder, tmp_path / "changed.html")
    assert changed != first
    assert changed == _map(mini_copy, folder, tmp_path / "changed-fresh.html", "--no-cache")
    assert len(_entries(folder)) == 2


def test_a_hit_holds_the_registry_without_yaml_positions(mini_copy: Path, cache_folder: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    read = registry_cache.load_registry_cached(registry, regions)
    hit = registry_cache.load_registry_cached(registry, regions)
    assert hit is not read and [s.id for s in hit.sites] == ["alpha-nijmegen", "beta-duiven", "gamma-dresden"]
    expected = load_registry(registry, regions, check=False)
    for got, want in zip(hit.sites, expected.sites, strict=True):
        assert got.raw is None and want.raw is not None
        assert dataclasses.replace(want, raw=None).__dict__ == got.__dict__
        # Without the YAML nodes a field is placed at the entry's own line and column.
        assert got.where("location.lat") == (want.line, want.col)
    assert hit.regions == expected.regions and hit.taxonomy == expected.taxonomy


def test_damaged_entries_are_misses_and_errors_are_not_stored(mini_copy: Path, cache_folder: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    registry_cache.load_registry_cached(registry, regions)
    (entry,) = _entries(cache_folder)
    entry.write_bytes(entry.read_bytes()[:200])  # truncated
    assert [s.id for s in registry_cache.load_registry_cached(registry, regions).sites] == [
        "alpha-nijmegen",
        "beta-duiven",
        "gamma-dresden",
    ]
    # A graph entry under the registry's name is not a registry: a miss, not a wrong answer.
    key = cache.graph_key(registry, regions)
    assert key is not None
    cache.write_entry(cache_folder, key + registry_cache.SUFFIX, {"not": "a registry"})
    assert len(registry_cache.load_registry_cached(registry, regions).sites) == 3
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("kind: idm", "kind: 42"), encoding="utf-8"
    )
    before = set(_entries(cache_folder))
    with pytest.raises(RegistryError):
        registry_cache.load_registry_cached(registry, regions)
    assert set(_entries(cache_folder)) == before


def test_a_region_changed_while_the_registry_is_read_is_not_stored(
    mini_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is made before the read; what was read is stored only if the region, data and
    code files still give that key afterwards. Here a region file changes during the read."""
    from lifeport_map import registry as registry_module

    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    region_file = sorted(regions.glob("*.yaml"))[0]
    real = registry_module.read_for_analysis

    def read_then_change(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        region_file.write_text(region_file.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
        return result

    monkeypatch.setattr(registry_module, "read_for_analysis", read_then_change)
    registry_cache.load_registry_cached(registry, regions)
    assert _entries(cache_folder) == []
    monkeypatch.setattr(registry_module, "read_for_analysis", real)
    registry_cache.load_registry_cached(registry, regions)  # unchanged during this read: stored
    (entry,) = _entries(cache_folder)
    assert entry.name == f"graph-{cache.graph_key(registry, regions)}-registry.pickle"


def test_a_registry_changed_while_it_is_read_is_stored_as_the_bytes_its_key_hashed(
    mini_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry is parsed from the bytes the key was made of, not read again: a registry
    file that changes during the read (same size, other bytes) leaves an entry of what was read
    under the key of what was read, and the next read of the changed file is a miss."""
    from lifeport_map import registry as registry_module

    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    text = registry.read_text(encoding="utf-8")
    changed = text.replace("status: active", "status: closed", 1)
    assert changed != text and len(changed) == len(text)
    key_before = cache.graph_key(registry, regions)
    real = registry_module.read_for_analysis

    def read_then_change(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        registry.write_text(changed, encoding="utf-8")
        return result

    monkeypatch.setattr(registry_module, "read_for_analysis", read_then_change)
    read = registry_cache.load_registry_cached(registry, regions)
    assert [s.status for s in read.sites] == ["active", "active", "under-construction"]  # as read
    (entry,) = _entries(cache_folder)
    assert entry.name == f"graph-{key_before}-registry.pickle"
    monkeypatch.setattr(registry_module, "read_for_analysis", real)
    again = registry_cache.load_registry_cached(registry, regions)
    assert [s.status for s in again.sites] == ["closed", "active", "under-construction"]


def test_a_cold_read_reads_the_registry_file_once(
    mini_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key's bytes are what is parsed: the registry file is read once on a cold read (it was
    read three times: for the key, to parse, and to check that the key still held), for the
    registry and for the graph, and once on a hit."""
    from lifeport_map import fileio

    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    reads: list[Path] = []
    real = fileio._read_bytes

    def counted(path: Path, **kwargs: object) -> bytes:
        reads.append(Path(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio, "_read_bytes", counted)
    expected = [s.id for s in load_registry(registry, regions, check=False).sites]
    reads.clear()
    assert [s.id for s in registry_cache.load_registry_cached(registry, regions).sites] == expected
    assert reads.count(registry) == 1
    reads.clear()
    graph = cache.load_graph(registry, regions)
    assert sorted(s.id for s in all_sites(graph)) == sorted(expected)
    assert reads.count(registry) == 1
    reads.clear()
    cache.load_graph(registry, regions)  # a hit
    registry_cache.load_registry_cached(registry, regions)
    assert reads.count(registry) == 2


def test_a_key_still_holds_only_while_every_file_it_covers_is_unchanged(mini_copy: Path) -> None:
    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    key = cache.cache_key(registry, regions)
    assert key is not None and key.text == cache.graph_key(registry, regions)
    assert key.registry == registry.read_bytes()
    assert key.still_holds(registry, regions)
    (regions / "extra.yaml").write_text("# a new region file\n", encoding="utf-8")
    assert not key.still_holds(registry, regions)
    (regions / "extra.yaml").unlink()
    assert key.still_holds(registry, regions)
    registry.write_bytes(registry.read_bytes() + b"\n")
    assert not key.still_holds(registry, regions)
    registry.unlink()
    assert not key.still_holds(registry, regions)


def test_the_version_of_a_registry_read_through_the_cache_continues_the_keys_hash(
    mini_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key hashes the registry file as ``provenance.content_hash`` frames it, so the version
    of the registry read with it hashes only the region files; both ways give the same version
    (the mini copy is not in git), for a cold read and for a hit."""
    from lifeport_map.provenance import _content_hash, content_hash, provenance, registry_files

    registry_path, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    key = cache.cache_key(registry_path, regions)
    assert key is not None
    cold = registry_cache.load_registry_cached(registry_path, regions)
    files = registry_files(cold)
    assert files[0] == registry_path and len(files) > 1
    expected = content_hash(files)
    assert _content_hash(key.registry_hash.copy(), files[1:]) == expected
    read: list[Path] = []
    real = Path.read_bytes

    def recorded(path: Path) -> bytes:
        read.append(path)
        return real(path)

    hit = registry_cache.load_registry_cached(registry_path, regions)
    assert hit is not cold
    monkeypatch.setattr(Path, "read_bytes", recorded)
    for registry in (cold, hit):
        assert provenance(registry).version == f"sha256 {expected}"
    assert registry_path not in read and read == files[1:] * 2  # the region files only
    # The version names the registry as it was read: a later edit of the file does not change it.
    registry_path.write_text(registry_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert provenance(cold).version == f"sha256 {expected}"
