"""Reading and writing files (``lifeport_map.fileio``) fails in the command's --lang: the same
code, file:line:col and exit code in Dutch and English, and no English word in the Dutch text.

The words looked for are the language scan's (tests/test_language_scan.py), as in
tests/test_messages.py. The paths and codes in a message are no language: they are taken out first.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lifeport_map.errors import OutputError, YamlError
from lifeport_map.fileio import check_output, read_bytes
from tests.conftest import MINI, run_cli
from tests.test_language_scan import _words, other_words

WHERE = re.compile(r"^(?P<where>\S+): (?:fout|error): \[(?P<code>[a-z.-]+)\]", re.MULTILINE)


def _leaks(text: str, lang: str, *paths: Path) -> set[str]:
    for path in sorted(paths, key=lambda p: -len(str(p))):
        text = text.replace(str(path), " ")
    text = re.sub(r"\[[a-z.-]+\]", " ", text)  # the issue's code: the same in each language
    return set(_words(text) & other_words(lang))


def _both(*args: str, env: dict[str, str] | None = None) -> dict[str, tuple[int, str]]:
    runs = {lang: run_cli(*args, "--lang", lang, env=env) for lang in ("nl", "en")}
    for result in runs.values():
        assert "Traceback" not in result.stderr, result.stderr
    return {lang: (result.returncode, result.stdout + result.stderr) for lang, result in runs.items()}


def test_a_file_over_the_size_limit_is_refused_in_either_language(tmp_path: Path) -> None:
    registry = tmp_path / "companies.yaml"
    limit = max(p.stat().st_size for p in (MINI / "regions").glob("*.yaml"))  # the regions fit
    registry.write_bytes((MINI / "companies.yaml").read_bytes() + b"# padding\n" * limit)
    size = registry.stat().st_size
    runs = _both(
        "--registry",
        str(registry),
        "--regions",
        str(MINI / "regions"),
        "validate",
        env={"LIFEPORT_MAX_BYTES": str(limit)},
    )
    (nl_code, dutch), (en_code, english) = runs["nl"], runs["en"]
    assert nl_code == en_code == 1  # validate: the registry has an error
    where = f"{registry}:1:1"
    assert [m.groups() for m in WHERE.finditer(dutch)] == [(where, "yaml.too-large")]
    assert [m.groups() for m in WHERE.finditer(english)] == [(where, "yaml.too-large")]
    nl_size, nl_limit = (f"{n:,}".replace(",", ".") for n in (size, limit))
    assert f"het bestand is {nl_size} bytes; de grens is {nl_limit} bytes" in dutch
    assert f"file is {size:,} bytes; the limit is {limit:,} bytes" in english
    assert "verhoog de grens met LIFEPORT_MAX_BYTES" in dutch
    assert _leaks(dutch, "nl", registry) == set()
    assert _leaks(english, "en", registry) == set()


def test_a_missing_output_folder_is_refused_in_either_language(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    runs = _both(
        "--registry",
        str(MINI / "companies.yaml"),
        "--regions",
        str(MINI / "regions"),
        "export",
        "--format",
        "csv",
        "--output",
        str(missing / "x.csv"),
    )
    (nl_code, dutch), (en_code, english) = runs["nl"], runs["en"]
    assert nl_code == en_code == 3
    assert dutch == (
        f"lifeport-map: fout: map {missing} bestaat niet\n"
        "    tip: maak eerst de map, of kies een ander uitvoerpad\n"
    )
    assert english == (
        f"lifeport-map: error: folder {missing} does not exist\n"
        "    hint: create the folder first or choose another output path\n"
    )
    assert _leaks(dutch, "nl", missing) == set()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_fifo_is_named_in_either_language_and_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(YamlError) as caught:
        read_bytes(fifo, max_bytes=100)
    issue = caught.value.issue
    assert (issue.code, issue.file, issue.line, issue.col) == ("io.not-a-file", str(fifo), 0, 0)
    assert caught.value.in_lang("nl") == (
        "is een FIFO (named pipe), geen gewoon bestand; er is niets gelezen",
        "registerbestanden moeten gewone bestanden zijn; vervang dit door het bestand zelf",
    )
    assert caught.value.message == "is a FIFO (named pipe), not a regular file; nothing was read"
    with pytest.raises(OutputError) as refused:
        check_output(fifo)
    assert refused.value.in_lang("nl")[0] == (
        f"{fifo} is een FIFO (named pipe), geen gewoon bestand; het wordt niet vervangen"
    )
    assert (
        refused.value.message == f"{fifo} is a FIFO (named pipe), not a regular file; refusing to replace it"
    )


def test_the_reason_the_system_gives_is_in_dutch_for_the_common_cases() -> None:
    import errno

    from lifeport_map.fileio import _reason

    assert _reason(PermissionError(errno.EACCES, "Permission denied")) == (
        "geen toestemming",
        "Permission denied",
    )
    assert _reason(OSError(errno.ENOSPC, "No space left on device")) == (
        "schijf vol",
        "No space left on device",
    )
    assert _reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        f"systeemfout {errno.ELOOP}",
        "Too many levels of symbolic links",
    )
