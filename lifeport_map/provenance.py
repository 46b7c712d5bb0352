"""Where a map comes from: the date it was drawn, the version of the registry it shows and the
sources of everything else on it, for the attribution line of every map (HTML, PNG, SVG, PDF).

The version is the git commit of the registry files when they are committed in a git checkout;
otherwise (not in git, or changed since the last commit) it is the start of a SHA-256 over the
registry and region files, so two maps with the same version show the same data. The date is
today's, or the one ``SOURCE_DATE_EPOCH`` gives (the reproducible-builds convention), so a
build can make byte-identical maps on any day.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import subprocess
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lifeport_map.errors import UsageError
from lifeport_map.messages import msg
from lifeport_map.model import Registry
from lifeport_map.numbers import format_date
from lifeport_map.render.labels import count_text, label

HASH_CHARS = 12
GIT_TIMEOUT_S = 5.0
# The sources a map can show, in the order a credit line names them, each with the credit its
# licence asks for (``credit_<key>`` in the label table). The registry itself is always shown;
# the others when the map draws them.
CREDITS = ("registry", "geonames", "gisco", "cbs", "naturalearth")


@dataclass(frozen=True)
class Provenance:
    """The date a map was drawn (YYYY-MM-DD) and the version of the registry it shows; ``year``
    when it shows the chain in another year than today (``--year``)."""

    date: str
    version: str
    year: int | None = None


def map_date(environ: Mapping[str, str] | None = None) -> str:
    """Today (UTC) as YYYY-MM-DD, or the date of ``SOURCE_DATE_EPOCH`` when that is set (not
    empty). A value that is not a whole number of seconds (ASCII digits) of a moment up to the
    year 9999 is a :class:`UsageError` naming it, as the reproducible-builds convention asks
    (a malformed value must not fall back to today's date silently)."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.datetime.now(tz=datetime.UTC).date().isoformat()
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        from lifeport_map.text import excerpt

        raise UsageError(
            msg("env.source-date-epoch", value=excerpt(epoch)), hint=msg("env.source-date-epoch/hint")
        ) from None


def registry_files(registry: Registry) -> list[Path]:
    """The files whose content a map shows: the registry and the region files, sorted."""
    files = [registry.registry_path]
    if registry.regions_dir.is_dir():
        files += sorted(p for p in registry.regions_dir.glob("*.yaml") if p.is_file())
    return files


def content_hash(files: Iterable[Path]) -> str:
    """The first HASH_CHARS hex digits of a SHA-256 over each file's name and bytes."""
    return _content_hash(hashlib.sha256(), files)


def _content_hash(digest: Any, files: Iterable[Path]) -> str:
    for path in files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return str(digest.hexdigest()[:HASH_CHARS])


# Registries whose file's bytes were hashed as they were read (``registry_cache``), by id: the
# SHA-256 ``content_hash`` has after that file, kept while the registry lives.
_READ_FROM: dict[int, Any] = {}


def note_registry_hash(registry: Registry, started: Any) -> None:
    """Keep ``started``, the SHA-256 that ``content_hash`` has after the registry file, over the
    bytes ``registry`` was read from (``cache.Key.registry_hash``): ``registry_version`` then
    hashes only the region files (not 26 MB again at 10,000 sites), and the version names the
    registry as it was read, even if its file changed since."""
    key = id(registry)
    if key not in _READ_FROM:
        weakref.finalize(registry, _READ_FROM.pop, key, None)
    _READ_FROM[key] = started


def _git(folder: Path, *args: str) -> str | None:
    """Output of a read-only git command in ``folder``, or None when git is missing, the folder
    is not a checkout, or the command fails or hangs."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").strip()


def git_commit(files: list[Path]) -> str | None:
    """The short commit of HEAD when every file is tracked and unchanged in one git checkout."""
    if not files:
        return None
    folder = files[0].resolve().parent
    # The checkout's top folder and HEAD's short commit in one git process (each costs about
    # 5 ms); outside a checkout the one process fails and no other is started.
    found = _git(folder, "rev-parse", "--show-toplevel", f"--short={HASH_CHARS}", "HEAD")
    if not found:
        return None
    *top, commit = found.split("\n")
    if not "\n".join(top) or not commit:
        return None
    paths = [str(p.resolve()) for p in files]
    tracked = _git(folder, "ls-files", "--error-unmatch", "--", *paths)
    changed = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", *paths)
    if tracked is None or changed is None or changed:
        return None
    return commit


def registry_version(registry: Registry) -> str:
    """``git <commit>`` when the registry files are committed as they are, else
    ``sha256 <first 12 hex digits>`` of their content."""
    files = registry_files(registry)
    commit = git_commit(files)
    if commit is not None:
        return f"git {commit}"
    started = _READ_FROM.get(id(registry))
    if started is not None:  # the registry file's bytes were hashed when they were read
        return f"sha256 {_content_hash(started.copy(), files[1:])}"
    return f"sha256 {content_hash(files)}"


def provenance(registry: Registry, environ: dict[str, str] | None = None) -> Provenance:
    """The date and registry version for maps of ``registry``."""
    return Provenance(map_date(environ), registry_version(registry))


def credit_line(sources: Iterable[str], lang: str) -> str:
    """The credits of ``sources`` (keys of CREDITS), the registry first, in CREDITS order."""
    wanted = {"registry", *sources}
    return "; ".join(label(f"credit_{key}", lang) for key in CREDITS if key in wanted)


def year_text(made: Provenance | None, lang: str) -> str | None:
    """'situation in 2000' / 'situation as planned in 2030' for a map of another year than
    today (``--year``); None for today's."""
    if made is None or made.year is None:
        return None
    mode = "as-was" if made.year < int(made.date[:4]) else "as-planned"
    return f"{label('provenance_' + mode, lang)} {made.year}"


def year_count_text(made: Provenance | None, sites: int, lang: str) -> str | None:
    """'2000: 4 sites' for a map panel of another year than today (``--year``; the page's
    title says whether as it was or as planned): the year and how many sites count then; None
    for today's."""
    if made is None or made.year is None:
        return None
    return f"{made.year}: {count_text(sites, lang)}"


def dated_title(title: str, made: Provenance | None, lang: str) -> str:
    """A map's title with the year it shows: 'Annex 1: ... · situation in 2000' (``--year``)."""
    year = year_text(made, lang)
    return title if year is None else f"{title} · {year}"


def provenance_line(made: Provenance, lang: str) -> str:
    """'map of 2026-11-29 · registry version git 1a2b3c4d5e6f'."""
    line = (
        f"{label('provenance_date', lang)} {format_date(made.date, lang)} · "
        f"{label('provenance_version', lang)} {made.version}"
    )
    year = year_text(made, lang)
    return line if year is None else f"{year} · {line}"
