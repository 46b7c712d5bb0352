"""Writing files safely: atomically, through symlinks, keeping permissions.

Every file the tool writes goes through here, so a crash or a full disk mid-write never leaves
a half-written registry or map behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from lifeport_map.errors import OutputError


def write_bytes_atomic(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write ``data`` to ``path`` atomically; a symlink is followed and kept.

    With ``expected``, the file must still hold exactly those bytes right before it is
    replaced; otherwise nothing is written (someone else changed it since it was read).
    """
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise OutputError(f"{path} is a directory", hint="give a file name for the output")
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(
            f"folder {parent} does not exist", hint="create the folder first or choose another output path"
        )
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(
            f"cannot write to {parent}: {exc.strerror}", hint="check that the folder exists and is writable"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if expected is not None:
            _require_unchanged(path, target, expected)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            f"cannot write {path}: {exc.strerror}", hint="check free disk space and permissions"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _require_unchanged(path: Path, target: Path, expected: bytes) -> None:
    # Checked as late as possible (just before os.replace) to keep the window for a lost
    # concurrent edit small; a lock would not help against editors that ignore it.
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise OutputError(
            f"{path} changed on disk since it was read; nothing was written",
            hint="run the command again on the current file",
        )


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
