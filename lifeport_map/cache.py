"""A cache of the value-chain graph, keyed by the content of every file it is built from.

Reading a large registry (parsing, structure checks, records) and building its graph take
seconds; an unchanged registry gives the same graph every time. ``load_graph`` keeps the graph
of a registry whose structure is valid as a pickle in the user's cache folder
(``LIFEPORT_CACHE_DIR``, else ``$XDG_CACHE_HOME/lifeport-map``, else ``~/.cache/lifeport-map``)
and reuses it while nothing it depends on changed.

The key is a SHA-256 over: the package's own source files (name, size and modification time)
and the Python and networkx versions (a cache is never trusted across versions of the code),
the registry and region paths, the bytes of the registry file (read with the same checks and
size limit as the loader), and the names, link targets and bytes of every file under the
regions folder and the shipped data folder (taxonomy, boundaries, gazetteer). Only a registry
without structural errors is stored, so a hit means that the same files loaded without errors
before; anything else takes the ordinary path and reports exactly what it reports. Entries are
written atomically (a temporary file, then a rename), read only from a folder and files owned
by the user and writable by nobody else, and any entry that cannot be read is ignored. The
eight most recent entries are kept."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifeport_map.errors import LifeportError, RegistryError
from lifeport_map.paths import data_dir, default_regions_dir, default_registry_path

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.fileio import ReadOnce

FORMAT = b"lifeport-map graph cache 1\n"
KEEP = 8
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """The folder of cached graphs (it need not exist yet)."""
    override = os.environ.get("LIFEPORT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is invalid and ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lifeport-map"


def _files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file and link under ``folder``, by name relative to it, in a fixed order (links
    to folders are listed, not followed)."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        for name in sorted([*filenames, *links]):
            path = Path(dirpath, name)
            yield path.relative_to(folder).as_posix(), path


def _entry_digest(path: Path) -> bytes:
    """What a file contributes to a key: a link its target (never followed: a link the loader
    accepts points inside the folder, where its target is hashed too), a regular file its
    bytes, anything else only its kind (special files are never opened)."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return b"link\0" + os.fsencode(os.readlink(path))
    if not stat.S_ISREG(info.st_mode):
        return b"special\0" + str(stat.S_IFMT(info.st_mode)).encode()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return b"special\0"
        return b"file\0" + hashlib.file_digest(handle, "sha256").digest()


def code_fingerprint() -> bytes:
    """The digest of the code a cached graph was made by: the package's source files, Python
    and networkx.

    A source file counts by its name, size and modification time, the signature by which
    Python itself trusts a compiled ``.pyc``: an edit, a checkout or an install changes it.
    Hashing the bytes of every source file instead cost about 12 ms of each cached run (a
    quarter of what lifeport-map adds to the libraries' own start-up)."""
    from importlib.metadata import version

    # networkx's version from its installed metadata: importing networkx only to read it
    # cost about 0.45 s on every map, which reads a cached registry and builds no graph
    digest = hashlib.sha256(FORMAT)
    digest.update(f"{sys.version}\0{version('networkx')}\0".encode())
    for name, path in _files(PACKAGE):
        if name.endswith(".py"):
            try:
                info = os.stat(path)
            except OSError:
                digest.update(f"{name}\0unreadable\0".encode())
                continue
            digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.digest()


def _folder_digest(digest: Any, label: str, folder: Path) -> None:
    digest.update(f"\0{label}\0{folder}\0".encode())
    if not folder.is_dir():
        digest.update(b"absent")
        return
    for name, path in _files(folder):
        digest.update(f"{name}\0".encode())
        digest.update(_entry_digest(path))


@dataclass(frozen=True)
class Key:
    """A cache key (``text``) with the registry's bytes as they were hashed for it, so that
    ``still_holds`` can tell whether the files changed while they were read."""

    text: str
    registry: bytes = field(repr=False)
    registry_digest: bytes = field(repr=False)
    # SHA-256 over the registry file's name, length and bytes, as ``provenance.content_hash``
    # begins (its digest is ``registry_digest``): a map's version needs no second pass over them.
    registry_hash: Any = field(repr=False, default=None, compare=False)

    def still_holds(self, registry_path: Path, regions_dir: Path) -> bool:
        """Whether the files still give this key: the registry's bytes compared with those it
        was made of (a comparison of bytes, not a second SHA-256 of them: about 20 ms less at
        10,000 sites), the code and folders hashed again. False when a file cannot be read."""
        from lifeport_map.fileio import read_bytes
        from lifeport_map.registry import max_bytes

        try:
            if read_bytes(registry_path, max_bytes=max_bytes()) != self.registry:
                return False
            return _key_text(registry_path, regions_dir, self.registry_digest) == self.text
        except (OSError, LifeportError, ValueError):
            return False

    def holds_for_content(self, registry_path: Path, regions_dir: Path) -> bool:
        """Whether the code, region and data files still give this key, for a registry parsed
        from the very bytes the key was made of (``handed_over``): what the registry file holds
        by now does not matter, so it is neither read nor hashed again (a cold read at 10,000
        sites hashed its 26 MB twice). False when a file cannot be read."""
        try:
            return _key_text(registry_path, regions_dir, self.registry_digest) == self.text
        except (OSError, LifeportError, ValueError):
            return False


def handed_over(key: Key) -> tuple[Key, ReadOnce]:
    """``key`` without the registry's bytes, and those bytes for the reader
    (``read_for_analysis(content=...)``), which then parses what the key hashed instead of
    reading the file a second time, and frees them once decoded."""
    from lifeport_map.fileio import ReadOnce

    return replace(key, registry=b""), ReadOnce(key.registry)


def _key_text(registry_path: Path, regions_dir: Path, registry_digest: bytes) -> str:
    from lifeport_map.fileio import folder_shared

    digest = hashlib.sha256(code_fingerprint())
    digest.update(f"\0registry\0{registry_path}\0".encode())
    digest.update(registry_digest)
    with folder_shared(regions_dir):  # region and boundary files as one unit, as they are read
        _folder_digest(digest, "regions", regions_dir)
    _folder_digest(digest, "data", data_dir())
    return digest.hexdigest()


def cache_key(registry_path: Path, regions_dir: Path) -> Key | None:
    """The cache key of these files (see ``graph_key``) with what ``Key.still_holds`` needs;
    None when a file cannot be read."""
    from lifeport_map.fileio import read_bytes
    from lifeport_map.registry import max_bytes

    try:
        registry = read_bytes(registry_path, max_bytes=max_bytes())
        # Framed as ``provenance.content_hash`` frames each file (a test keeps the two equal), so
        # that a map's version continues this hash instead of reading and hashing the file again.
        registry_hash = hashlib.sha256(f"{Path(registry_path).name}\0{len(registry)}\0".encode())
        registry_hash.update(registry)
        registry_digest = registry_hash.digest()
        text = _key_text(registry_path, regions_dir, registry_digest)
        return Key(text, registry, registry_digest, registry_hash)
    except (OSError, LifeportError, ValueError):
        return None


def graph_key(registry_path: Path, regions_dir: Path) -> str | None:
    """The cache key of the graph of these files; None when a file cannot be read (the
    ordinary path then reports why)."""
    key = cache_key(registry_path, regions_dir)
    return None if key is None else key.text


def _private_folder(folder: Path, *, create: bool) -> bool:
    """Whether ``folder`` is a real folder owned by this user that nobody else can write."""
    if create:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def read_entry(folder: Path, key: str) -> Any | None:
    """The object stored under ``key``, or None (absent, not ours, or unreadable)."""
    if not _private_folder(folder, create=False):
        return None
    path = folder / f"graph-{key}.pickle"
    try:
        # never wait: opening a FIFO planted as an entry would block until someone writes to it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.getuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    header = FORMAT + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    try:
        return pickle.loads(memoryview(data)[len(header) :])
    except Exception:  # a damaged entry is a miss, never an error
        return None


def write_entry(folder: Path, key: str, value: object) -> None:
    """Store ``value`` under ``key`` atomically; a cache that cannot be written is skipped."""
    if not _private_folder(folder, create=True):
        return
    target = folder / f"graph-{key}.pickle"
    try:
        fd, temp = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(FORMAT + key.encode() + b"\n")
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    except Exception:  # a full disk or an object that will not pickle: no cache, no error
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    entries = []
    for path in folder.glob("graph-*.pickle"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()


def load_graph(
    registry_path: Path | None = None, regions_dir: Path | None = None, *, cache: bool = True
) -> nx.MultiDiGraph:
    """The graph of the registry (``build_graph(load_registry(..., check=False))``), from the
    cache when every file it depends on is unchanged. Raises what ``load_registry`` raises."""
    from lifeport_map.graph import build_graph
    from lifeport_map.registry import forget_positions, paused_gc, read_for_analysis

    registry_path = registry_path or default_registry_path()
    regions = regions_dir or default_regions_dir()
    key = cache_key(registry_path, regions) if cache else None
    folder = cache_dir()
    content = None
    if key is not None:
        with paused_gc():
            found = read_entry(folder, key.text)
        if found is not None:
            return found
        key, content = handed_over(key)
    result = read_for_analysis(registry_path, regions_dir, content=content)
    if result.errors or result.registry is None:
        raise RegistryError(result.issues)
    registry = result.registry
    del result
    forget_positions(registry)  # the graph needs no positions, and reuses their memory
    with paused_gc():
        graph = build_graph(registry)
    del registry
    # Stored only if the other files did not change while they were read (the registry was
    # parsed from the bytes its key hashed).
    if key is not None and key.holds_for_content(registry_path, regions):
        write_entry(folder, key.text, graph)
    return graph
