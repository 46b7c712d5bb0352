"""Reading a version of the registry: a file on disk, or the file as it was at a git revision.

A revision (``HEAD~1``, ``main``, a tag or commit, or ``REV:path``) is read with
``git show REV:PATH`` into a temporary file and then through the same strict loader as any
other registry, so an old version can never be read more leniently than the current one.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from lifeport_map.errors import RegistryError, UsageError
from lifeport_map.messages import Text, byte_count, msg
from lifeport_map.model import Registry

GIT_TIMEOUT_S = 60
# What git says (in its own, English, words) when it cannot show a file of a revision, for the
# two common reasons: a revision it does not know, and a path the revision does not have.
_GIT_UNKNOWN_REVISION = re.compile(r"fatal: (?:invalid object name|not a valid object name) '(.+?)'\.?")
_GIT_NO_PATH = re.compile(r"fatal: path '(.+?)' (?:does not exist|exists on disk, but not) in '(.+?)'")


@dataclass(frozen=True)
class Version:
    label: str  # what the user asked for, e.g. HEAD~1 or old.yaml
    registry: Registry


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=GIT_TIMEOUT_S
        )
    except FileNotFoundError:
        raise UsageError(msg("git.missing"), hint=msg("git.missing/hint")) from None
    except subprocess.TimeoutExpired:
        raise UsageError(msg("git.timeout"), hint=msg("git.missing/hint")) from None


def revision_bytes(spec: str, registry_path: Path) -> tuple[bytes, str]:
    """The registry file's bytes at git revision ``spec``, and a label like ``HEAD~1:data/...``."""
    if not spec or spec.startswith("-") or any(ch in spec for ch in "\0\n\r"):
        raise UsageError(
            msg("git.bad-spec", spec=spec),
            hint=msg("git.bad-spec/hint"),
        )
    # The registry's own name is kept (a link in the work tree must not pick another file); only
    # the folder is resolved, as git reports the top level resolved.
    named = Path(registry_path).absolute()
    folder = named.parent.resolve()
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise UsageError(
            msg("git.no-repository", spec=spec, folder=str(folder)),
            hint=msg("git.no-repository/hint"),
        )
    root = Path(top.stdout.decode("utf-8", "replace").strip())
    if ":" in spec:
        revision, inside = spec.split(":", 1)
    else:
        revision = spec
        try:
            inside = (folder / named.name).relative_to(root.resolve()).as_posix()
        except ValueError:
            raise UsageError(
                msg("git.outside", path=str(registry_path), root=str(root)),
                hint=msg("git.outside/hint"),
            ) from None
    from lifeport_map.registry import max_bytes

    # Ask for the size first: a revision may hold a blob of any size (the same limit as a file).
    size = _git(["cat-file", "-s", "--end-of-options", f"{revision}:{inside}"], root)
    if size.returncode == 0 and int(size.stdout.strip() or 0) > max_bytes():
        raise UsageError(
            msg(
                "git.too-large",
                blob=f"{revision}:{inside}",
                size=byte_count(int(size.stdout.strip())),
                limit=byte_count(max_bytes()),
            ),
            hint=msg("git.too-large/hint"),
        )
    # git show prints nothing and exits 0 for some revisions cat-file refuses (a search with an
    # invalid regular expression, HEAD^{/[}): that is no empty registry but a revision git cannot show
    shown = size if size.returncode != 0 else _git(["show", "--end-of-options", f"{revision}:{inside}"], root)
    if shown.returncode != 0:
        problem = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(
            msg("git.cannot-show", spec=spec, blob=f"{revision}:{inside}"),
            hint=_why_git_cannot_show(problem[0] if problem else ""),
        )
    return shown.stdout, f"{revision}:{inside}"


def _why_git_cannot_show(said: str) -> Text:
    """The hint for git's first line of complaint ``said``: the common reasons in the
    catalogue's words (in either language), any other quoted as git says it."""
    unknown = _GIT_UNKNOWN_REVISION.fullmatch(said)
    if unknown:
        return msg("git.cannot-show/unknown-revision", revision=unknown.group(1))
    missing = _GIT_NO_PATH.fullmatch(said)
    if missing:
        return msg("git.cannot-show/no-path", path=missing.group(1), revision=missing.group(2))
    return msg("git.cannot-show/hint-git", git=said) if said else msg("git.cannot-show/hint")


def load_version(spec: str, *, registry_path: Path, regions_dir: Path | None = None) -> Version:
    """Read the registry named by ``spec`` (a file, or a git revision of ``registry_path``)
    strictly; structural errors are raised with the file named as the user would name it. Not
    ``read_for_analysis``: a diff shows a change to a name whatever it holds (escaped), so a
    reviewer sees the invisible character that ``validate`` refuses."""
    from lifeport_map.registry import read_registry

    candidate = Path(spec)
    if os.path.lexists(candidate) and not candidate.is_dir():  # a file (a FIFO, device: refused)
        result = read_registry(candidate, regions_dir)
        label = spec
        temp_name = None
    else:
        data, label = revision_bytes(spec, registry_path)
        with tempfile.TemporaryDirectory(prefix="lifeport-diff-") as folder:
            temp = Path(folder) / "companies.yaml"
            temp.write_bytes(data)
            result = read_registry(temp, regions_dir)
            temp_name = str(temp)
    errors = [replace(i, file=label) if temp_name and i.file == temp_name else i for i in result.errors]
    if errors or result.registry is None:
        raise RegistryError(errors)
    return Version(label=label, registry=result.registry)
