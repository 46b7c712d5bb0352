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
    text = re.sub(r"--[a-z-]+", " ", text)  # an option's name: code
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
        "    tip: maak eerst de map, of kies met --output een ander uitvoerpad\n"
    )
    assert english == (
        f"lifeport-map: error: folder {missing} does not exist\n"
        "    hint: create the folder first or choose another output path with --output\n"
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


# --- a missing file: the hint names the option (or argument) that named it ----------------------


def _refusal(*args: str) -> dict[str, tuple[int, str]]:
    """Exit code and the error of ``args`` in Dutch and in English (stdout and stderr)."""
    return _both(*args)


def test_a_missing_registry_file_names_registry_in_either_language(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.yaml"
    runs = _refusal("--registry", str(missing), "--regions", str(MINI / "regions"), "validate")
    assert runs["nl"] == (
        3,
        f"{missing}: fout: [io.not-found] bestand niet gevonden\n"
        "    tip: controleer het pad, of geef het bestand op met --registry\n"
        f"{missing}: 0 vestigingen gecontroleerd, 1 fout, 0 waarschuwingen\n",
    )
    assert runs["en"] == (
        3,
        f"{missing}: error: [io.not-found] file not found\n"
        "    hint: check the path, or name the file with --registry\n"
        f"{missing}: 0 sites checked, 1 error, 0 warnings\n",
    )


def test_a_missing_claims_file_names_claims_in_either_language(tmp_path: Path) -> None:
    missing = tmp_path / "claims.yaml"
    runs = _refusal(
        "--registry",
        str(MINI / "companies.yaml"),
        "--regions",
        str(MINI / "regions"),
        "claims",
        "--claims",
        str(missing),
    )
    (nl_code, dutch), (en_code, english) = runs["nl"], runs["en"]
    assert nl_code == en_code == 3
    assert (
        f"{missing}: fout: [io.not-found] bestand niet gevonden\n"
        "    tip: controleer het pad, of geef het bestand op met --claims\n"
    ) in dutch
    assert (
        f"{missing}: error: [io.not-found] file not found\n"
        "    hint: check the path, or name the file with --claims\n"
    ) in english
    assert _leaks(dutch, "nl", missing) == set()


def test_a_stored_boundary_that_links_to_nothing_names_the_regions_folder(tmp_path: Path) -> None:
    """A boundary file in the regions folder that is a link to a missing file: the folder
    came with --regions."""
    import shutil

    regions = tmp_path / "regions"
    shutil.copytree(MINI / "regions", regions)
    region_file = regions / "nijmegen.yaml"
    text = region_file.read_text(encoding="utf-8")
    definition = (
        "  - id: official\n    type: boundary\n    name: {nl: Officieel, en: Official}\n"
        "    boundary: boundaries/nijmegen-official.geojson\n"
        '    source: {url: "https://example.org/boundary", year: 2024}\n'
    )
    region_file.write_text(text.replace("definitions:\n", "definitions:\n" + definition, 1), encoding="utf-8")
    (regions / "boundaries").mkdir()
    link = regions / "boundaries" / "nijmegen-official.geojson"
    link.symlink_to(regions / "boundaries" / "gone.geojson")
    runs = _refusal("--registry", str(MINI / "companies.yaml"), "--regions", str(regions), "validate")
    (nl_code, dutch), (en_code, english) = runs["nl"], runs["en"]
    assert nl_code == en_code == 3
    assert (
        f"{link}: fout: [io.not-found] is een koppeling naar een bestand dat niet bestaat\n"
        "    tip: controleer het pad, of geef met --regions de map op waarin het staat\n"
    ) in dutch
    assert (
        f"{link}: error: [io.not-found] is a link to a missing file\n"
        "    hint: check the path, or name the folder that holds it with --regions\n"
    ) in english


def test_a_missing_output_folder_of_a_map_names_output_in_either_language(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    runs = _refusal(
        "--registry",
        str(MINI / "companies.yaml"),
        "--regions",
        str(MINI / "regions"),
        "map",
        "region",
        "nijmegen",
        "--output",
        str(missing / "map.html"),
    )
    assert runs["nl"] == (
        3,
        f"lifeport-map: fout: map {missing} bestaat niet\n"
        "    tip: maak eerst de map, of kies met --output een ander uitvoerpad\n",
    )
    assert runs["en"] == (
        3,
        f"lifeport-map: error: folder {missing} does not exist\n"
        "    hint: create the folder first or choose another output path with --output\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_no_option_names_gets_the_plain_hint(tmp_path: Path) -> None:
    with pytest.raises(YamlError) as caught:
        read_bytes(tmp_path / "gone.json", max_bytes=10)
    assert caught.value.in_lang("nl") == ("bestand niet gevonden", "controleer het pad")
    assert caught.value.in_lang("en") == ("file not found", "check the path")
    with pytest.raises(YamlError) as named:
        read_bytes(tmp_path / "gone.yaml", max_bytes=10, given_by="--from")
    assert named.value.in_lang("nl")[1] == "controleer het pad, of geef het bestand op met --from"
    assert named.value.issue.code == "io.not-found" and named.value.exit_code == 3


@pytest.mark.parametrize(
    ("body", "at", "dutch"),
    [
        # libyaml's words for what PyYAML calls "mapping values are not allowed here"
        ("    name: x: y\n", "3:12", "YAML-syntaxfout: hier mag geen 'sleutel: waarde' staan"),
        ("    name: - x\n", "3:11", "YAML-syntaxfout: hier mag geen lijstitem ('- ') beginnen"),
        (
            "    name: @x\n",
            "3:11",
            "YAML-syntaxfout: dit teken mag een waarde niet beginnen (zoals @ of `); zet de waarde "
            "tussen aanhalingstekens",
        ),
    ],
)
def test_the_yaml_readers_common_reasons_are_said_in_dutch(
    tmp_path: Path, body: str, at: str, dutch: str
) -> None:
    """The C reader's reasons that used to be quoted in English inside a Dutch sentence."""
    registry = tmp_path / "companies.yaml"
    registry.write_text("sites:\n  - id: a\n" + body, encoding="utf-8")
    result = run_cli("--registry", str(registry), "--regions", str(MINI / "regions"), "validate")
    assert result.returncode == 1
    assert f"{registry}:{at}: fout: [yaml.syntax] {dutch}\n" in result.stdout
    assert not _leaks(result.stdout, "nl", registry)
