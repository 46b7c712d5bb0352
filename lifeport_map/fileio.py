"""The one place the package opens its input and writes its output.

Registry files arrive through pull requests, so a file may be a planted symbolic link, a FIFO
or a device. ``read_bytes`` opens a file only when, after resolving symbolic links, it is a
regular file inside the folder it belongs to (the registry's folder, the regions folder, or
the folder the user named), and reads at most the size limit: a link to a secret outside the
repository, ``/dev/zero`` or a FIFO is refused before a byte is read.

``write_files_atomic`` writes every output to a new temporary file in the target's folder and
renames it into place (or, for a hard-linked file, writes it in place from a verified copy);
a symbolic link (or anything but a regular file) at a target is refused, never followed, and
with several files either all are replaced or none is. Writers lock the folder, so concurrent
edits do not overwrite each other, and clean up what a killed run left behind. Readers share
that lock, so a file written in place is never read half-way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from lifeport_map.errors import ChangedOnDiskError, Issue, OutputError, YamlError
from lifeport_map.messages import Text, byte_count, msg
from lifeport_map.render.labels import LABELS

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISFIFO, "io.kind/fifo"),
    (stat.S_ISCHR, "io.kind/character-device"),
    (stat.S_ISBLK, "io.kind/block-device"),
    (stat.S_ISSOCK, "io.kind/socket"),
    (stat.S_ISLNK, "io.kind/link"),
)
_REASONS = {
    errno.EACCES: "io.reason/permission",
    errno.EPERM: "io.reason/permission",
    errno.EROFS: "io.reason/read-only",
    errno.ENOSPC: "io.reason/disk-full",
    errno.EIO: "io.reason/io",
    errno.EEXIST: "io.reason/exists",
}


# --- reading --------------------------------------------------------------------------------------


def _refused(path: Path, code: str, message: Text, hint: Text, line: int = 0) -> YamlError:
    return YamlError(
        Issue(code=code, text=message, help=hint, file=str(path), line=line, col=1 if line else 0)
    )


def _kind(mode: int) -> Text:
    return msg(next((key for test, key in _KINDS if test(mode)), "io.kind/other"))


def _reason(exc: OSError) -> tuple[str, str]:
    """Why the system refused, (nl, en): the system's own English words, and in Dutch the
    common reasons by their number (any other as its number)."""
    english = exc.strerror or str(exc)
    key = _REASONS.get(exc.errno or 0)
    dutch = msg(key) if key else msg("io.reason/other", errno=exc.errno or 0)
    return dutch.render("nl"), english


def _unreadable(path: Path, exc: OSError) -> YamlError:
    """``path`` could not be read; a folder is called a folder (it can be listed and searched)."""
    if os.path.isdir(path):
        message, hint = msg("io.unreadable/folder", reason=_reason(exc)), msg("io.unreadable/folder-hint")
    else:
        message, hint = msg("io.unreadable", reason=_reason(exc)), msg("io.unreadable/hint")
    return _refused(path, "io.unreadable", message, hint)


def reason_of(exc: OSError) -> tuple[str, str]:
    """Why the system refused, (nl, en), as a message parameter (``_reason``)."""
    return _reason(exc)


def unreadable_issue(path: Path, exc: OSError) -> Issue:
    """The io.unreadable issue of ``path``, a file or folder the system refused to read."""
    return _unreadable(path, exc).issue


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _real_root(root: Path) -> str:
    return os.path.realpath(os.path.abspath(root))


def _not_found_hint(given_by: str | None) -> Text:
    """The hint of a missing file: the option that named it (``--registry``, ``--claims``; for
    ``--regions`` the folder that holds it), the command's argument (``FILE``, in the language as
    the help names it), or, for a file
    no option names, the path."""
    if given_by is None:
        return msg("io.not-found/path-hint")
    if given_by == "--regions":
        return msg("io.not-found/folder-hint", option=given_by)
    if given_by.startswith("-"):
        return msg("io.not-found/hint", option=given_by)
    return msg("io.not-found/argument-hint", argument=LABELS.get(f"argument_{given_by.lower()}", given_by))


def check_inside(path: Path, root: Path) -> str:
    """The resolved ``path``, refused unless it lies inside ``root`` once links are resolved."""
    real = os.path.realpath(os.path.abspath(path))
    if not _inside(real, _real_root(root)):
        raise _outside(path, root)
    return real


def _outside(path: Path, root: Path) -> YamlError:
    return _refused(path, "io.outside", msg("io.outside", root=str(root)), msg("io.outside/hint"))


def check_regular(path: Path, root: Path, *, given_by: str | None = None) -> str:
    """The resolved ``path``, refused unless it is a regular file inside ``root`` once links
    are resolved; nothing is opened (the first check of ``read_bytes``). ``given_by``: the
    option or argument that named the file (``--registry``, ``FILE``), for the hint of a
    missing one."""
    real = check_inside(path, root)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        missing = msg("io.not-found/link") if os.path.islink(path) else msg("io.not-found")
        raise _refused(path, "io.not-found", missing, _not_found_hint(given_by)) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    _require_regular(path, info.st_mode)
    return real


def _open_regular(path: Path, root: Path, given_by: str | None = None) -> tuple[int, int]:
    """An open descriptor of ``path`` and its size, after every check; never opens a device
    (opening some has effects of its own)."""
    real = check_regular(path, root, given_by=given_by)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        # Checked again on what was opened: the path may have been swapped since the stat above.
        info = os.fstat(fd)
        _require_regular(path, info.st_mode)
        try:  # Linux: the path the kernel actually opened, every link resolved
            opened: str | None = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            opened = None
        if opened is not None and not _inside(opened, _real_root(root)):
            raise _outside(path, root)
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _refused(path, "io.is-directory", msg("io.is-directory"), msg("io.is-directory/hint"))
    if not stat.S_ISREG(mode):
        raise _refused(
            path, "io.not-a-file", msg("io.not-a-file", kind=_kind(mode)), msg("io.not-a-file/hint")
        )


def read_bytes(
    path: Path,
    *,
    max_bytes: int,
    root: Path | None = None,
    too_large: str = "io.too-large",
    locked: bool = True,
    given_by: str | None = None,
) -> bytes:
    """The bytes of ``path``, read only if it is a regular file inside ``root`` (default: the
    folder ``path`` names) and at most ``max_bytes`` long; otherwise :class:`YamlError` with an
    ``io.*`` issue (or ``too_large``) that names the path.

    The file is read under a shared lock on its folder, the lock writers hold exclusively
    (:func:`write_files_atomic`), so a file being written in place (a hard-linked file) is read
    before or after the write, never half-way. A file whose write in place was interrupted (its
    ``.NAME.inplace`` copy lies beside it) is refused: it may be half written. ``locked=False``
    is for a writer that already holds the folder's lock. ``given_by``: the option or argument
    that named the file, for the hint of a missing one (:func:`check_regular`)."""
    path = Path(path)
    if not locked:
        return _read_bytes(path, max_bytes=max_bytes, root=root, too_large=too_large, given_by=given_by)
    with folder_shared(Path(os.path.dirname(os.path.abspath(path)) or ".")):
        if os.path.lexists(_in_place_name(path)):
            raise _refused(
                path,
                "io.interrupted-write",
                msg("io.interrupted-write", name=_in_place_name(path).name),
                msg("io.interrupted-write/hint"),
            )
        journal = _journal_naming(path)
        if journal is not None:
            raise _refused(
                path,
                "io.interrupted-write",
                msg("io.interrupted-write/journal", journal=journal),
                msg("io.interrupted-write/journal-hint"),
            )
        return _read_bytes(path, max_bytes=max_bytes, root=root, too_large=too_large, given_by=given_by)


class ReadOnce:
    """The bytes of a file its caller has already read (with ``read_bytes``), handed to a reader
    that would read the file again: ``take`` gives them once and forgets them, so that they are
    freed as soon as the reader has decoded them (a 100,000-site registry is 260 MB)."""

    __slots__ = ("_data",)

    def __init__(self, data: bytes) -> None:
        self._data: bytes | None = data

    def take(self) -> bytes:
        data, self._data = self._data, None
        if data is None:
            raise RuntimeError("ReadOnce.take called twice")
        return data


@contextlib.contextmanager
def folder_shared(folder: Path) -> Iterator[None]:
    """A shared lock on ``folder``: readers share it, a writer's exclusive lock waits for
    them and they for it. The wait is a blocking ``flock``, which the kernel ends as soon as
    the writer is done (a writer holds the lock only while it writes; polling instead let a
    busy writer starve readers: 18 reads in 3 s against 254). A folder that cannot be opened,
    or a file system without ``flock``, is read without the lock. Held around several reads
    (the region files and their boundary files), it makes them one unit: a writer that
    replaces files in this folder and below it (``regions import-boundary``) holds this
    folder's lock exclusively while it does, so the reads see all old or all new files."""
    import fcntl

    try:
        fd = os.open(
            folder,
            os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0),
        )
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def _read_bytes(
    path: Path, *, max_bytes: int, root: Path | None, too_large: str, given_by: str | None = None
) -> bytes:
    base = root if root is not None else Path(os.path.abspath(path)).parent
    fd, size = _open_regular(path, base, given_by)
    try:
        if size > max_bytes:
            raise _too_large(
                path, too_large, msg("io.too-large", size=byte_count(size), limit=byte_count(max_bytes))
            )
        chunks: list[bytes] = []
        total = 0
        # One read of the size stat reports and a byte more usually ends it; the loop goes on
        # only for a file that grew or reports no size (/proc), and never past the limit.
        want = size + 1 if size else _CHUNK
        while total <= max_bytes:
            chunk = os.read(fd, min(want, max_bytes + 1 - total))
            want = _CHUNK
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise _too_large(path, too_large, msg("io.too-large/unknown", limit=byte_count(max_bytes)))
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    finally:
        os.close(fd)


def _too_large(path: Path, code: str, message: Text) -> YamlError:
    return _refused(path, code, message, msg("io.too-large/hint"), line=1)


# --- writing --------------------------------------------------------------------------------------


def check_output(path: Path, *, given_by: str | None = None) -> None:
    """Refuse an output path before the work of building the output: what the writer would
    refuse at the target (a symbolic link, a folder, a special file), or a missing folder.
    ``given_by``: the option that named the path (``--output``), for the hint."""
    _check_target(path, given_by)


def check_output_folder(folder: Path, names: Sequence[str]) -> None:
    """The same for a folder a command writes ``names`` into (and creates if missing)."""
    if os.path.islink(folder):
        raise OutputError(msg("output.folder-link", folder=str(folder)), hint=msg("output.folder-link/hint"))
    if folder.is_dir():
        for name in names:
            _check_target(folder / name)


def _check_target(path: Path, given_by: str | None = None) -> int | None:
    """The permission bits to give the new file (those of the file it replaces, if any)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(
            msg("output.cannot-write", path=str(path), reason=_reason(exc)),
            hint=msg("output.cannot-write/hint"),
        ) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise OutputError(msg("output.link", path=str(path)), hint=msg("output.link/hint"))
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(
                msg("output.is-directory", path=str(path)), hint=msg("output.is-directory/hint")
            )
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(
                msg("output.not-a-file", path=str(path), kind=_kind(info.st_mode)),
                hint=msg("output.not-a-file/hint"),
            )
        # A rename needs only the folder's permission, so without this a file its owner made
        # read-only (an annex as approved) would be replaced all the same, as cp would not.
        if not os.access(path, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
            raise OutputError(msg("output.read-only", path=str(path)), hint=msg("output.read-only/hint"))
    parent = path.parent
    if not parent.is_dir():
        hint = (
            msg("output.no-folder/option-hint", option=given_by) if given_by else msg("output.no-folder/hint")
        )
        raise OutputError(msg("output.no-folder", folder=str(parent)), hint=hint)
    return info.st_mode & 0o7777 if info is not None else None


def make_folder(folder: Path) -> bool:
    """Create ``folder`` (and missing parents); True if this call created it.

    A symbolic link where the folder should be is refused: the command would write wherever
    the link points."""
    if os.path.islink(folder):
        raise OutputError(msg("output.folder-link", folder=str(folder)), hint=msg("output.folder-link/hint"))
    if folder.is_dir():
        return False
    if folder.exists():
        raise OutputError(
            msg("output.not-a-folder", folder=str(folder)), hint=msg("output.not-a-folder/hint")
        )
    if not folder.parent.is_dir():
        make_folder(folder.parent)
    try:
        os.mkdir(folder)
    except FileExistsError:
        return make_folder(folder)  # appeared meanwhile: check what it is
    except OSError as exc:
        raise OutputError(
            msg("output.cannot-create", folder=str(folder), reason=_reason(exc)),
            hint=msg("output.cannot-create/hint"),
        ) from None
    return True


def _mode_for_new_file() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _new_temp(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_files_atomic(
    files: Sequence[tuple[Path, bytes]],
    *,
    expected: Mapping[Path, bytes | None] | None = None,
    given_by: str | None = None,
) -> list[Text]:
    """Replace each ``(path, data)`` atomically, all or none; the notes returned say what was
    left by an earlier, interrupted run and cleaned up (for the command to report, in its
    language). ``given_by``: the option that named the paths (``--output``), for the hint of
    a missing folder.

    Writers take an exclusive lock on each target's folder (``flock`` on the folder itself, so
    no lock file is left behind), so two writers never interleave and, with ``expected``, the
    second sees the first one's edit: a target must still hold exactly those bytes (None: must
    not exist) right before it is replaced, otherwise nothing is written. Under the lock,
    temporary files a killed run left beside a target are removed, and a write in place that was
    interrupted is completed from its verified copy.

    Each file is first written in full to a new temporary file in its own folder, then renamed
    into place, keeping the permission bits and, where allowed, the owner. A file with several
    hard links (a rename would split them) or whose owner cannot be kept is instead written in
    place, after its new content has been written and verified beside it under a name that the
    next run completes from if this one is killed. A target that is a symbolic link, a folder or
    a special file is refused. If renaming one file fails, the files already renamed get their
    previous content back. Several files are written as one unit: once every copy is verified a
    journal in their common folder (locked too) records which copy replaces which file, so a
    kill before it leaves every old file, and a kill after it files the next writer completes
    (readers refuse them until then, ``io.interrupted-write``).
    """
    targets = [Path(path) for path, _ in files]
    modes = [_check_target(path, given_by) for path in targets]
    folders = [path.parent for path in targets]
    if len(targets) > 1:  # the folder of their journal too (for a region file and its boundary:
        # the regions folder, whose lock readers hold while they read both)
        folders.append(Path(os.path.commonpath([os.path.abspath(f) for f in folders])))
    with _folders_locked(folders):
        notes = [note for path in dict.fromkeys(targets) for note in recover(path)]
        _write_locked(files, targets, modes, expected)
    return notes


@contextlib.contextmanager
def _folders_locked(folders: Sequence[Path]) -> Iterator[None]:
    """An exclusive lock on each folder (in one order, so two writers cannot deadlock); the
    kernel releases it when the process ends, also on kill -9."""
    import fcntl

    descriptors: list[int] = []
    try:
        for folder in sorted({os.path.abspath(f) for f in folders}):
            try:
                fd = os.open(
                    folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
                )
                descriptors.append(fd)
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError as exc:
                raise OutputError(
                    msg("output.cannot-lock", folder=str(folder), reason=_reason(exc)),
                    hint=msg("output.cannot-lock/hint"),
                ) from None
        yield
    finally:
        for fd in descriptors:
            os.close(fd)


def clean_up(path: Path) -> list[Text]:
    """What :func:`recover` does, with the folder locked: for a command that edits ``path`` but
    finds nothing to change."""
    with _folders_locked([Path(path).parent]):
        return recover(Path(path))


def _in_place_name(path: Path) -> Path:
    return path.parent / f".{path.name}.inplace"


JOURNAL = ".lifeport-write.journal"


def _journal_naming(path: Path) -> str | None:
    """The journal of an interrupted write of several files that names ``path`` (one in its
    folder or the folder above; a journal that cannot be read may name any), or None."""
    target = Path(os.path.abspath(path))
    for folder in (target.parent, target.parent.parent):
        if os.path.lexists(folder / JOURNAL):
            entries = _journal_entries(folder)
            if entries is None or any(t == target for t, _, _ in entries):
                return str(folder / JOURNAL)
    return None


def _journal_entries(folder: Path) -> list[tuple[Path, Path, bool]] | None:
    """The lines of the journal in ``folder``, or None if it is not one this package wrote."""
    import json

    journal = folder / JOURNAL
    if not _regular(journal):
        return None
    try:
        data = json.loads(_read_bytes(journal, max_bytes=1 << 20, root=folder, too_large="io.too-large"))
    except (YamlError, ValueError):
        return None
    items = data.get("files") if isinstance(data, dict) else None
    found = [_journal_entry(folder, item) for item in items] if isinstance(items, list) else [None]
    return [e for e in found if e is not None] if all(e is not None for e in found) else None


def _journal_entry(folder: Path, item: object) -> tuple[Path, Path, bool] | None:
    """A journal line as (target, staged copy, in place), or None if it names anything but a
    target inside ``folder`` and a temporary file of that target beside it."""
    if not isinstance(item, dict):
        return None
    target_name, staged_name, in_place = item.get("target"), item.get("staged"), item.get("in_place")
    if not (isinstance(target_name, str) and isinstance(staged_name, str) and isinstance(in_place, bool)):
        return None
    target, staged = Path(target_name), Path(staged_name)
    if any(p.is_absolute() or ".." in p.parts for p in (target, staged)) or target.parent != staged.parent:
        return None
    if not (staged.name.startswith(f".{target.name}.") and staged.name.endswith(".tmp")):
        return None
    return folder / target, folder / staged, in_place


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _recover_journal(folder: Path) -> list[Text]:
    """Complete a write of several files that was killed after it was committed (its journal
    written): each file not yet replaced is replaced from its verified copy, so the files are
    all new, as the killed run would have left them. A write killed before its journal was
    written left the old files; its copies are removed by :func:`recover`."""
    journal = folder / JOURNAL
    if not os.path.lexists(journal):
        return []
    done: list[str] = []
    for target, staged, in_place in _journal_entries(folder) or []:
        if os.path.lexists(target) and not _regular(target):
            continue  # never written through a link or into a folder
        ready = _in_place_name(target)
        if in_place and _regular(ready) and _regular(target):
            _copy_into(target, Path(ready).read_bytes())
            os.unlink(ready)
            done.append(target.name)
        elif _regular(staged):
            if in_place and _regular(target):
                _copy_into(target, staged.read_bytes())
                os.unlink(staged)
            else:
                os.replace(staged, target)
            done.append(target.name)
    os.unlink(journal)
    _fsync_folder(folder)
    if done:
        return [msg("io.note/completed", files=", ".join(done), copy=JOURNAL)]
    return [msg("io.note/removed", path=str(journal))]


def recover(path: Path) -> list[Text]:
    """Clean up after an earlier run that was killed while writing ``path`` (call with the
    folder locked): complete an interrupted write of several files whose journal was written
    and an interrupted write in place from its verified copy, and remove the temporary files
    and backups it left. One note per file dealt with."""
    parent = Path(os.path.abspath(path)).parent
    notes: list[Text] = [*_recover_journal(parent), *_recover_journal(parent.parent)]
    prefix_journal = f"{JOURNAL}."
    for folder in (parent, parent.parent):
        with contextlib.suppress(OSError):
            for name in sorted(os.listdir(folder)):
                if name.startswith(prefix_journal) and name.endswith(".tmp") and _regular(folder / name):
                    os.unlink(folder / name)
                    notes.append(msg("io.note/removed", path=str(folder / name)))
    ready = _in_place_name(path)
    if os.path.lexists(ready) and os.path.isfile(path) and not os.path.islink(ready):
        data = Path(ready).read_bytes()
        _copy_into(path, data)
        os.unlink(ready)
        notes.append(msg("io.note/completed", files=str(path), copy=ready.name))
    prefix = f".{path.name}."
    try:
        names = sorted(os.listdir(path.parent))
    except OSError:
        return notes
    for name in names:
        if name.startswith(prefix) and name.endswith((".tmp", ".bak")):
            leftover = path.parent / name
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.lstat(leftover).st_mode) or os.path.islink(leftover):
                    os.unlink(leftover)
                    notes.append(msg("io.note/removed", path=str(leftover)))
    if notes:
        _fsync_folder(path.parent)
    return notes


def _copy_into(path: Path, data: bytes) -> None:
    """Write ``data`` into the existing file ``path`` itself (same inode: hard links, owner and
    mode stay), then cut it to length and flush it to disk."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        done = 0
        while done < len(data):
            done += os.pwrite(fd, view[done:], done)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _keeps_identity(tmp: str, path: Path) -> bool:
    """Whether renaming ``tmp`` over ``path`` keeps the file's identity: one link only, and
    the owner and group given to ``tmp`` (which only root, or the owner, may do)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    if info.st_nlink > 1:
        return False
    mine = os.lstat(tmp)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)
        except OSError:
            return False
        os.chmod(tmp, info.st_mode & 0o7777)  # chown clears set-id bits
    return True


def _write_locked(
    files: Sequence[tuple[Path, bytes]],
    targets: list[Path],
    modes: list[int | None],
    expected: Mapping[Path, bytes | None] | None,
) -> None:
    temps: list[str] = []
    in_place: list[bool] = []
    backups: list[str | None] = []
    renamed = 0
    journal: Path | None = None
    current = targets[0] if targets else Path()
    try:
        for (path, data), mode in zip(files, modes, strict=True):
            current = Path(path)
            fd, tmp = _new_temp(current.parent, current.name)
            temps.append(tmp)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode if mode is not None else _mode_for_new_file())
            in_place.append(mode is not None and not _keeps_identity(tmp, current))
        for path in targets:
            if expected is not None and path in expected:
                _require_unchanged(path, expected[path])
        for path, mode, inplace in zip(targets, modes, in_place, strict=True):
            current = path
            # a write in place can fail half-way: its backup is a copy, never a link
            needs = mode is not None and (len(targets) > 1 or inplace)
            backups.append(_backup(path, copy=inplace) if needs else None)
        if len(targets) > 1:  # the commit: from here a kill leaves files the next run completes
            journal = _write_journal(targets, temps, in_place)
        for (path, data), tmp, inplace in zip(files, temps, in_place, strict=True):
            current = Path(path)
            if inplace:
                _write_in_place(tmp, current, data)
            else:
                os.replace(tmp, current)
            renamed += 1
    except BaseException as exc:
        _roll_back(targets[:renamed], backups[:renamed], in_place[:renamed])
        if journal is not None:
            with contextlib.suppress(OSError):
                os.unlink(journal)
        for leftover in [*temps[renamed:], *(b for b in backups if b is not None)]:
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        if isinstance(exc, OSError):
            raise OutputError(
                msg("output.failed", path=str(current), reason=_reason(exc)), hint=msg("output.failed/hint")
            ) from None
        raise
    if journal is not None:
        os.unlink(journal)
    for backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    for folder in dict.fromkeys(path.parent for path in targets):
        _fsync_folder(folder)
    if journal is not None:
        _fsync_folder(journal.parent)


def _write_journal(targets: Sequence[Path], temps: Sequence[str], in_place: Sequence[bool]) -> Path:
    """Write, atomically, the journal of a write of several files into their common folder:
    which verified copy replaces which file. Once it is on disk the write counts as done: a
    kill after it leaves files the next writer completes (:func:`_recover_journal`), and
    readers refuse them until then."""
    import json

    folder = Path(os.path.commonpath([os.path.abspath(p.parent) for p in targets]))
    files = [
        {
            "target": os.path.relpath(os.path.abspath(path), folder),
            "staged": os.path.relpath(os.path.abspath(tmp), folder),
            "in_place": inplace,
        }
        for path, tmp, inplace in zip(targets, temps, in_place, strict=True)
    ]
    data = json.dumps({"lifeport-map": "write journal", "files": files}, indent=1).encode("utf-8")
    fd, name = tempfile.mkstemp(prefix=f"{JOURNAL}.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    journal = folder / JOURNAL
    os.replace(name, journal)
    _fsync_folder(folder)
    return journal


def _write_in_place(tmp: str, path: Path, data: bytes) -> None:
    """Write ``path`` in place from the verified copy ``tmp``: the copy is renamed to the name
    the next run completes from, so a kill at any moment leaves the old file, or a file the next
    run finishes; the copy goes once the file holds the new content."""
    if Path(tmp).read_bytes() != data:  # verified before the original is touched
        raise OSError(5, "the temporary copy does not read back as written")
    ready = _in_place_name(path)
    os.replace(tmp, ready)
    _fsync_folder(path.parent)
    try:
        _copy_into(path, data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(ready)
        raise
    os.unlink(ready)


def _backup(path: Path, *, copy: bool = False) -> str:
    """A hard link to the current ``path`` next to it (a copy if links are not possible, or
    if ``copy``: the file is about to be written in place)."""
    for _ in range(100):
        import secrets  # hmac and hashlib: only when a file is replaced

        name = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.bak")
        try:
            if copy:
                raise OSError(18, "a copy is asked for")
            os.link(path, name, follow_symlinks=False)
            return name
        except FileExistsError:
            continue
        except OSError:
            fd, name = _new_temp(path.parent, path.name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(path.read_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, os.lstat(path).st_mode & 0o7777)
            return name
    raise OSError(17, "no free name for a backup")


def _roll_back(renamed: Sequence[Path], backups: Sequence[str | None], in_place: Sequence[bool]) -> None:
    for path, backup, inplace in zip(renamed, backups, in_place, strict=False):
        with contextlib.suppress(OSError):
            if backup is None:
                os.unlink(path)
            elif inplace:
                _copy_into(path, Path(backup).read_bytes())
            else:
                os.replace(backup, path)


def _require_unchanged(path: Path, expected: bytes | None) -> None:
    # Checked as late as possible (just before the rename) to keep the window for a lost
    # concurrent edit small; a lock would not help against editors that ignore it.
    current: bytes | None
    try:
        current = read_bytes(path, max_bytes=len(expected or b"") + 1, locked=False)  # ours already
    except YamlError as exc:
        current = None if exc.issue.code == "io.not-found" else b"\0"  # \0: not what was expected
    if current != expected:
        raise ChangedOnDiskError(
            msg("output.changed-on-disk", path=str(path)), hint=msg("output.changed-on-disk/hint")
        )


def write_bytes_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> list[Text]:
    """Write one file atomically (see :func:`write_files_atomic`); with ``expected``, only if
    the file still holds exactly those bytes. Returns the notes about an earlier run cleaned up."""
    return write_files_atomic([(path, data)], expected=None if expected is None else {Path(path): expected})


def write_text_atomic(path: Path, text: str, *, given_by: str | None = None) -> None:
    write_files_atomic([(path, text.encode("utf-8"))], given_by=given_by)
