"""Issue 17's leftovers: LIFEPORT_MAX_BYTES values the commands cannot use, --output names no
format handles, a closed pipe, a byte order mark, emoji joined by ZWJ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.registry import max_bytes, parse_size
from tests.analysis_support import ANALYSIS_ARGS


def _invoke(tmp_path: Path, args: list[str], env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, [*ANALYSIS_ARGS, *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    return result


# ---- 1. LIFEPORT_MAX_BYTES ----


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("67108864", 67108864),
        ("1", 1),
        ("10MB", 10_000_000),
        ("10mb", 10_000_000),
        ("64MiB", 64 * 1024 * 1024),
        ("64 MiB", 64 * 1024 * 1024),
        (" 2kB ", 2000),
        ("3KiB", 3072),
        ("1GB", 1_000_000_000),
        ("16GiB", 16 * 1024**3),
        ("500B", 500),
    ],
)
def test_a_size_in_a_documented_form(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize(
    "text",
    [
        "lots",
        "-5",
        "0",
        "0MB",
        "17GiB",
        "99999999999999999999",
        "1.5MB",
        "10 M",
        "10TB",
        "1e6",
        "١٢٣",
        "64  MiB",
    ],
)
def test_a_size_in_no_documented_form(text: str) -> None:
    assert parse_size(text) is None


def test_max_bytes_unset_or_empty_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LIFEPORT_MAX_BYTES", raising=False)
    assert max_bytes() == 64 * 1024 * 1024
    monkeypatch.setenv("LIFEPORT_MAX_BYTES", "")
    assert max_bytes() == 64 * 1024 * 1024
    monkeypatch.setenv("LIFEPORT_MAX_BYTES", "2MB")
    assert max_bytes() == 2_000_000


EVERY_COMMAND = [
    ["validate"],
    ["coverage", "--region", "nijmegen"],
    ["compare"],
    ["gaps", "--region", "nijmegen"],
    ["near", "Nijmegen"],
    ["stats", "--region", "nijmegen"],
    ["claims"],
    ["export"],
    ["schema"],
    ["fmt", "--check"],
    ["map", "nl", "--output", "x.html"],
    ["report", "--region", "nijmegen", "--output", "brief"],
]


MAX_BYTES_SAID = (
    "not a limit lifeport-map can use\n"
    "    hint: give a whole number of bytes from 1 to 16 GiB, optionally with a unit: 67108864, "
    "64MiB, 100MB (kB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024); empty or unset gives "
    "the default limit of 64 MiB\n"
)
# The reproducible-builds convention: a malformed SOURCE_DATE_EPOCH stops the command instead of
# giving today's date silently; a moment after the year 9999 too (it crashed the maps before).
EPOCH_SAID = (
    "not a moment lifeport-map can use\n"
    "    hint: give a whole number of seconds since 1970-01-01 00:00 UTC, as 'date +%s' or "
    "'git log -1 --format=%ct' prints it (up to the year 9999), or leave it empty for today's date\n"
)
UNUSABLE_ENVIRONMENT = [
    *[
        ("LIFEPORT_MAX_BYTES", v, MAX_BYTES_SAID)
        for v in ["lots", "-1", "0", "99999999999999999999", "10 parsecs"]
    ],
    *[
        ("SOURCE_DATE_EPOCH", v, EPOCH_SAID)
        for v in ["yesterday", "-5", "1.5e9", "\u0661\u0662", "253402300800", "9" * 30]
    ],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=[" ".join(a[:2]) for a in EVERY_COMMAND])
@pytest.mark.parametrize(("variable", "value", "said"), UNUSABLE_ENVIRONMENT)
def test_every_command_refuses_an_environment_value_it_cannot_use(
    args: list[str], variable: str, value: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 2 before anything is read or written, naming the variable and its value."""
    monkeypatch.chdir(tmp_path)
    result = _invoke(tmp_path, [*args, "--lang", "en"], env={variable: value})
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr == f"lifeport-map: error: {variable} is '{value}': {said}"
    assert list(tmp_path.iterdir()) == []


def test_a_max_bytes_it_cannot_use_in_dutch_and_escaped(tmp_path: Path) -> None:
    result = _invoke(
        tmp_path, ["coverage", "--region", "nijmegen"], env={"LIFEPORT_MAX_BYTES": "\x1b[2Jveel"}
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "lifeport-map: fout: LIFEPORT_MAX_BYTES is '\\x1b[2Jveel': dat is geen grens die lifeport-map "
        "kan gebruiken\n    tip: geef een geheel aantal bytes van 1 tot 16 GiB"
    )


def test_a_source_date_epoch_it_cannot_use_in_dutch() -> None:
    result = CliRunner().invoke(app, [*ANALYSIS_ARGS, "validate"], env={"SOURCE_DATE_EPOCH": "gisteren"})
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "lifeport-map: fout: SOURCE_DATE_EPOCH is 'gisteren': dat is geen tijdstip dat lifeport-map "
        "kan gebruiken\n    tip: geef een geheel aantal seconden sinds 1970-01-01 00:00 UTC"
    )


def test_a_source_date_epoch_gives_the_date_and_empty_gives_today() -> None:
    from lifeport_map.provenance import map_date

    assert map_date({"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01"
    assert map_date({"SOURCE_DATE_EPOCH": " 253402300799 "}) == "9999-12-31"  # the last second
    assert map_date({"SOURCE_DATE_EPOCH": ""}) == map_date({})
    fine = CliRunner().invoke(app, [*ANALYSIS_ARGS, "validate"], env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert fine.exit_code == 0, fine.stderr


def test_a_documented_max_bytes_is_the_limit(tmp_path: Path) -> None:
    """'1kB' is 1000 bytes: the analysis registry (larger) is refused as too large, saying 1,000."""
    size = (Path(ANALYSIS_ARGS[1])).stat().st_size
    assert size > 1000
    result = _invoke(
        tmp_path, ["coverage", "--region", "nijmegen", "--lang", "en"], env={"LIFEPORT_MAX_BYTES": "1kB"}
    )
    assert result.exit_code == 1
    assert f"[yaml.too-large] file is {size:,} bytes; the limit is 1,000 bytes" in result.stderr
    fine = _invoke(tmp_path, ["coverage", "--region", "nijmegen"], env={"LIFEPORT_MAX_BYTES": "64 MiB"})
    assert fine.exit_code == 0, fine.stderr


def test_a_limit_of_one_byte_is_one_byte(tmp_path: Path) -> None:
    """The smallest limit reads as a unit, not as '1 bytes', in both languages."""
    size = (Path(ANALYSIS_ARGS[1])).stat().st_size
    one = {"LIFEPORT_MAX_BYTES": "1"}
    english = _invoke(tmp_path, ["coverage", "--region", "nijmegen", "--lang", "en"], env=one)
    assert f"file is {size:,} bytes; the limit is 1 byte\n" in english.stderr
    dutch = _invoke(tmp_path, ["coverage", "--region", "nijmegen"], env=one)
    assert f"het bestand is {size:,} bytes; de grens is 1 byte\n".replace(",", ".") in dutch.stderr


def test_help_is_shown_whatever_max_bytes_says(tmp_path: Path) -> None:
    result = _invoke(tmp_path, ["coverage", "--help"], env={"LIFEPORT_MAX_BYTES": "lots"})
    assert result.exit_code == 0 and "--region" in result.stdout


# ---- 3. A closed pipe ----

PIPED = [
    ["compare"],
    ["compare", "--format", "json"],
    ["coverage", "--region", "nijmegen", "--format", "csv"],
    ["gaps", "--region", "nijmegen"],
    ["validate", "--format", "json"],
    ["export", "--format", "geojson"],
    ["schema"],
    ["--version"],
    ["near", "--help"],
]


@pytest.mark.parametrize("args", PIPED, ids=[" ".join(a[:2]) for a in PIPED])
def test_a_closed_pipe_ends_quietly_with_141(args: list[str]) -> None:
    """The reader of standard output is gone before the command writes (as `| head` after its
    lines): no message, exit 141 (128 + SIGPIPE, what the shell reports for `cat`), not 1."""
    import os
    import subprocess
    import sys

    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "lifeport_map", *ANALYSIS_ARGS, *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            env={k: v for k, v in os.environ.items() if k != "LIFEPORT_DEBUG"},
            timeout=120,
            check=False,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (141, b"")


# ---- 2. An --output name no format handles ----

MAP_WRITERS = [
    ["map", "nl"],
    ["map", "region", "nijmegen"],
    ["map", "compare", "nijmegen", "dresden"],
]


@pytest.mark.parametrize("args", MAP_WRITERS, ids=[" ".join(a[:2]) for a in MAP_WRITERS])
@pytest.mark.parametrize("name", ["x.exe", "bijlage1", "x.html.bak", "x.jpg"])
def test_a_map_refuses_an_output_name_no_format_handles(
    args: list[str], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(tmp_path, [*args, "--output", name, "--lang", "en"])
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stderr == (
        f"lifeport-map: error: cannot tell from the name {name} which format to write\n"
        "    hint: end the name in one of .html, .htm, .png, .svg, .pdf, or name the format with --format\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_output_name_no_format_handles_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(tmp_path, ["export", "--output", "sites.xlsx"])
    assert result.exit_code == 2
    assert result.stderr == (
        "lifeport-map: fout: aan de naam sites.xlsx is niet te zien in welk formaat het bestand "
        "geschreven moet worden\n"
        "    tip: laat de naam eindigen op een van .json, .csv, .geojson, .graphml, of noem het formaat "
        "met --format\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_explicit_format_wins_over_an_unknown_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = _invoke(tmp_path, ["map", "nl", "--output", "page.exe", "--format", "html"])
    assert page.exit_code == 0, page.stderr
    assert (tmp_path / "page.exe").read_bytes().startswith(b"<!DOCTYPE html>")
    table = _invoke(tmp_path, ["export", "--output", "sites.txt", "--format", "csv"])
    assert table.exit_code == 0, table.stderr
    assert (tmp_path / "sites.txt").read_text(encoding="utf-8").startswith("id,")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("sites.csv", b"id,"),
        ("sites.GEOJSON", b'{\n "type": "FeatureCollection"'),
        ("sites.graphml", b"<?xml"),
    ],
)
def test_export_takes_its_format_from_the_extension(
    name: str, start: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `export --output sites.csv` wrote JSON into sites.csv (the default --format)."""
    monkeypatch.chdir(tmp_path)
    result = _invoke(tmp_path, ["export", "--output", name])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / name).read_bytes().startswith(start)


def test_a_map_keeps_refusing_a_format_that_contradicts_the_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _invoke(tmp_path, ["map", "nl", "--output", "x.png", "--format", "svg", "--lang", "en"])
    assert result.exit_code == 2
    assert "--format svg contradicts the output file name x.png" in result.stderr
    assert list(tmp_path.iterdir()) == []


# ---- 4. A byte order mark at the start of a file ----

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
BOM = b"\xef\xbb\xbf"


def _analysis_copy(tmp_path: Path) -> Path:
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(Path(ANALYSIS_ARGS[1]).parent, folder)
    return folder


def _run_in(folder: Path, *args: str) -> Any:
    result = CliRunner().invoke(
        app,
        [
            "--no-cache",
            "--registry",
            str(folder / "companies.yaml"),
            "--regions",
            str(folder / "regions"),
            *args,
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.mark.parametrize("file", ["companies.yaml", "regions/nijmegen.yaml"])
def test_a_byte_order_mark_at_the_start_is_skipped(file: str, tmp_path: Path) -> None:
    """A registry or region file saved by a Windows editor (BOM, CRLF) reads as the same file
    without them: the same validate report, position for position, and the same coverage.
    Before, both were refused (yaml.bom), while import-boundary skipped a GeoJSON file's BOM."""
    folder = _analysis_copy(tmp_path)
    plain = [
        _run_in(folder, *args) for args in (["validate", "--format", "json"], ["coverage", "-r", "nijmegen"])
    ]
    path = folder / file
    path.write_bytes(BOM + path.read_bytes().replace(b"\n", b"\r\n"))
    marked = [
        _run_in(folder, *args) for args in (["validate", "--format", "json"], ["coverage", "-r", "nijmegen"])
    ]
    assert [r.exit_code for r in plain] == [r.exit_code for r in marked] == [0, 0]
    assert [r.stdout for r in plain] == [r.stdout for r in marked]


def test_a_byte_order_mark_anywhere_else_is_refused(tmp_path: Path) -> None:
    folder = _analysis_copy(tmp_path)
    path = folder / "companies.yaml"
    text = path.read_bytes()
    path.write_bytes(BOM + BOM + text)
    twice = _run_in(folder, "validate", "--lang", "en")
    assert twice.exit_code == 1
    assert (
        "companies.yaml:1:1: error: [text.hidden-character] raw invisible or control character U+FEFF"
        in twice.stdout
    )


def test_fmt_leaves_out_a_byte_order_mark_and_says_so(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(CONTRIB, folder)
    path = folder / "companies.yaml"
    canonical = path.read_bytes()
    path.write_bytes(BOM + canonical)
    check = _run_in(folder, "fmt", "--check", "--lang", "en")
    assert check.exit_code == 1
    assert (
        f"{path}:1: (byte order mark at the start) differs from its canonical form"
        in check.stdout + check.stderr
    )
    assert path.read_bytes() == BOM + canonical
    done = _run_in(folder, "fmt", "--lang", "en")
    assert done.exit_code == 0, done.stderr
    assert path.read_bytes() == canonical


# ---- 5. A zero-width joiner between two emoji ----

WOMAN, SCIENTIST, ZWJ = "\U0001f469", "\U0001f52c", "\u200d"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"Lab {WOMAN}{ZWJ}{SCIENTIST}", []),  # woman scientist: one emoji of two
        (f"Lab {WOMAN}\U0001f3fd{ZWJ}{SCIENTIST}", []),  # with a skin tone
        ("\U0001f3f3\ufe0f\u200d\U0001f308", []),  # rainbow flag: white flag, VS16, joiner, rainbow
        ("\u2764\ufe0f\u200d\U0001f525", []),  # heart on fire
        (f"Nijm{ZWJ}egen", ["U+200D"]),  # between letters: a hidden character
        (f"Lab {WOMAN}{ZWJ}", ["U+200D"]),  # at the end
        (f"{ZWJ}{SCIENTIST}", ["U+200D"]),  # at the start
        (f"{WOMAN}{ZWJ}{ZWJ}{SCIENTIST}", ["U+200D", "U+200D"]),  # two joiners: each has a joiner beside it
        (f"a{ZWJ}{SCIENTIST}", ["U+200D"]),  # a letter before it
        (f"{WOMAN}\u200b{SCIENTIST}", ["U+200B"]),  # a zero-width space is never an emoji's part
        ("\U0001f3f4\U000e0067\U000e0062\U000e007f", ["U+E0067", "U+E0062", "U+E007F"]),  # tags stay refused
    ],
)
def test_a_joiner_between_two_emoji_is_no_hidden_character(text: str, found: list[str]) -> None:
    from lifeport_map.text import HIDDEN, invisible_characters

    assert invisible_characters(text) == found
    assert [f"U+{ord(m.group()):04X}" for m in HIDDEN.finditer(text)] == found


def test_validate_takes_an_emoji_sequence_in_a_name_and_refuses_a_joiner_between_letters(
    tmp_path: Path,
) -> None:
    """Raw in the file and as an escape: the emoji sequence passes the name check and the raw-character
    check; between letters the joiner is refused by both, at the name's position."""
    folder = _analysis_copy(tmp_path)
    path = folder / "companies.yaml"
    text = path.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("    name: "))
    line = text.splitlines().index(name) + 1
    for given in (f'"Lab {WOMAN}{ZWJ}{SCIENTIST}"', '"Lab \\U0001f469\\u200d\\U0001f52c"'):
        path.write_text(text.replace(name, f"    name: {given}", 1), encoding="utf-8")
        result = _run_in(folder, "validate", "--lang", "en")
        assert result.exit_code == 0, result.stdout
        assert "U+200D" not in result.stdout
    for given, raw in ((f'"La{ZWJ}b"', True), ('"La\\u200db"', False)):
        path.write_text(text.replace(name, f"    name: {given}", 1), encoding="utf-8")
        result = _run_in(folder, "validate", "--lang", "en")
        assert result.exit_code == 1
        assert f"companies.yaml:{line}:11: error: [name.invisible-character]" in result.stdout
        assert "(U+200D)" in result.stdout
        assert ("[text.hidden-character] raw invisible or control character U+200D" in result.stdout) is raw


# ---- 7. Coordinates in another country than stated, without shapely ----


@pytest.mark.parametrize(
    ("country", "lat", "lon", "inside"),
    [
        ("NL", 52.525, 5.718, True),  # Dronten
        ("NO", 52.525, 5.718, False),  # no shipped polygon: for countries_at to decide
        ("DE", 52.525, 5.718, False),
        ("NL", 51.842, 5.853, True),  # Nijmegen
        ("DE", 51.789, 6.139, True),  # Kleve, 20 km east of Nijmegen
        ("NL", 51.789, 6.139, False),
        ("BE", 50.879, 4.701, True),  # Leuven
        ("DE", 51.050, 13.738, True),  # Dresden
        ("NL", 53.500, 3.500, False),  # the North Sea, inside the Netherlands' bounding box
        ("NL", 48.000, 5.000, False),  # outside its bounding box
    ],
)
def test_a_point_in_a_country_without_numpy_or_shapely(
    country: str, lat: float, lon: float, inside: bool
) -> None:
    from lifeport_map.countries import in_country

    assert in_country(country, lat, lon) is inside


def test_in_country_agrees_with_shapely_on_a_grid() -> None:
    """Every 0.05 degrees over the Benelux and Germany, for each of their polygons."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    from lifeport_map.countries import country_features, in_country

    lats, lons = np.meshgrid(np.arange(47.0, 55.5, 0.05), np.arange(2.5, 15.5, 0.05))
    lats, lons = lats.ravel(), lons.ravel()
    for iso in ("NL", "BE", "DE", "LU"):
        polygon = shape(country_features()[iso]["geometry"])
        expected = shapely.contains_xy(polygon, lons, lats)
        got = [in_country(iso, float(lat), float(lon)) for lat, lon in zip(lats, lons, strict=True)]
        assert got == expected.tolist(), iso
        assert 100 < sum(got) < len(got)


def test_an_analysis_of_a_valid_registry_loads_no_shapely(tmp_path: Path) -> None:
    """The country check settles every site of a valid registry in pure Python."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from lifeport_map.registry import read_for_analysis; "
        f"r = read_for_analysis(Path({ANALYSIS_ARGS[1]!r}), Path({ANALYSIS_ARGS[3]!r})); "
        "print(len(r.errors), 'shapely' in sys.modules, 'numpy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "0 False False\n"


@pytest.mark.parametrize("code", ["GM0268", "GM0772", "GM1783", "GM1900"])
def test_inside_municipality_agrees_with_shapely_on_a_grid(code: str) -> None:
    """Nijmegen, Eindhoven, Westland (on the coast) and Súdwest-Fryslân (islands, a lake
    shore), every 0.005 degrees over their bounding box and 0.05 beyond: the pure-Python test
    says inside where shapely's polygon in degrees contains the point, and a point it calls
    inside lies less than 10 m outside the kilometre-plane polygon that ``km_outside`` uses."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    from lifeport_map.municipalities import inside_municipality, km_outside, municipality_features

    geometry = municipality_features()[code]["geometry"]
    polygon = shape(geometry)
    west, south, east, north = polygon.bounds
    lats, lons = np.meshgrid(
        np.arange(south - 0.05, north + 0.05, 0.005), np.arange(west - 0.05, east + 0.05, 0.005)
    )
    lats, lons = lats.ravel(), lons.ravel()
    expected = shapely.contains_xy(polygon, lons, lats)
    got = [inside_municipality(code, float(lat), float(lon)) for lat, lon in zip(lats, lons, strict=True)]
    assert got == expected.tolist()
    assert 20 < sum(got) < len(got) - 20
    inside = [(float(lat), float(lon)) for lat, lon, is_in in zip(lats, lons, got, strict=True) if is_in]
    assert max(km_outside(code, lat, lon) for lat, lon in inside) < 0.01
