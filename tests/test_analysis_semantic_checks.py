"""Every analysis refuses what ``validate`` refuses and would change a count silently (issue 17):
a municipality on no official list ("Nimegen" for Nijmegen: before, ``coverage --region
nijmegen`` passed and NXP left Lifeport), duplicate ids, unknown, self, repeated and circular
relations, dates and phases that move a site, employee ranges below their value and wafer sizes
that exist nowhere. The verdict, position and hint are ``validate``'s own: the analyses run the
same functions (``validate.check_for_analysis``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifeport_map import validate as validate_module
from lifeport_map.registry import read_for_analysis, read_registry
from lifeport_map.validate import ANALYSIS_ERRORS, check_for_analysis, validate
from tests.conftest import run_cli

# The mini registry (tests/fixtures/mini/companies.yaml): alpha-nijmegen on lines 2-18 (its
# activities on line 6, its municipality on line 10, its employee figure on line 16),
# beta-duiven on 19-29 (its partner relation to alpha-nijmegen on line 27), gamma-dresden from
# line 30 (its status on line 35).
ALPHA_ACTIVITIES = "    activities: [wafer-fab, chip-design]\n"


def _after_activities(lines: str) -> tuple[str, str]:
    """An edit that inserts ``lines`` after alpha-nijmegen's activities (so at line 7)."""
    return (ALPHA_ACTIVITIES, ALPHA_ACTIVITIES + lines)


# case -> (edits, code, line, col, entry, field, the hint's "did you mean" name or None)
CASES: dict[str, tuple[list[tuple[str, str]], str, int, int, str, str, str | None]] = {
    "misspelt-municipality": (
        [("      municipality: Nijmegen\n", "      municipality: Nimegen\n")],
        "location.unknown-municipality",
        10,
        21,
        "alpha-nijmegen",
        "location.municipality",
        "Nijmegen",
    ),
    "duplicate-id": (
        [("  - id: gamma-dresden\n", "  - id: beta-duiven\n")],
        "id.duplicate",
        30,
        9,
        "beta-duiven",
        "id",
        None,
    ),
    "unknown-relation-target": (
        [("target: alpha-nijmegen}", "target: alpha-nijmgen}")],
        "relation.dangling",
        27,
        33,
        "beta-duiven",
        "relations[0].target",
        "alpha-nijmegen",
    ),
    "relation-to-itself": (
        [("target: alpha-nijmegen}", "target: beta-duiven}")],
        "relation.self",
        27,
        33,
        "beta-duiven",
        "relations[0].target",
        None,
    ),
    "repeated-relation": (
        [
            (
                "      - {type: partner, target: alpha-nijmegen}\n",
                "      - {type: partner, target: alpha-nijmegen}\n" * 2,
            )
        ],
        "relation.duplicate",
        28,
        9,
        "beta-duiven",
        "relations[1]",
        None,
    ),
    "part-of-cycle": (
        [
            ("{type: partner, target: alpha-nijmegen}", "{type: part-of, target: alpha-nijmegen}"),
            _after_activities("    relations:\n      - {type: part-of, target: beta-duiven}\n"),
        ],
        "relation.cycle",
        8,
        7,
        "alpha-nijmegen",
        "relations",
        None,
    ),
    "until-on-an-open-site": (
        [_after_activities("    until: 2030\n")],
        "status.until-but-open",
        7,
        12,
        "alpha-nijmegen",
        "until",
        None,
    ),
    "until-before-since": (
        [("    status: under-construction\n", "    status: closed\n    since: 2024\n    until: 2020\n")],
        "status.dates",
        37,
        12,
        "gamma-dresden",
        "until",
        None,
    ),
    "phases-without-cross-cutting-activity": (
        [_after_activities("    phases: [back-end]\n")],
        "phases.without-cross-cutting",
        7,
        13,
        "alpha-nijmegen",
        "phases",
        None,
    ),
    "employee-range-below-value": (
        [("{value: 1000, year: 2026,", "{value: 1000, max: 900, year: 2026,")],
        "employees.range",
        16,
        28,
        "alpha-nijmegen",
        "employees[0].max",
        None,
    ),
    "wafer-size-that-does-not-exist": (
        [_after_activities("    facility: {type: wafer-fab, wafer_mm: [301]}\n")],
        "facility.wafer-size",
        7,
        44,
        "alpha-nijmegen",
        "facility.wafer_mm[0]",
        None,
    ),
    # Duiven's coordinates with country NO: before, only validate refused it (issue 17 leftover)
    "coordinates-in-another-country": (
        [("municipality: Duiven, country: NL,", 'municipality: Duiven, country: "NO",')],
        "coordinates.outside-country",
        25,
        62,
        "beta-duiven",
        "location.country",
        None,
    ),
}

DID_YOU_MEAN = {"en": "hint: did you mean '{}'?", "nl": "tip: bedoelt u '{}'?"}
ERROR = {"en": "error", "nl": "fout"}


def _broken(mini_copy: Path, case: str) -> Path:
    path = mini_copy / "companies.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in CASES[case][0]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def _where(path: Path, case: str, lang: str) -> str:
    _, code, line, col, entry, field, _ = CASES[case]
    return f"{path}:{line}:{col}: {ERROR[lang]}: [{code}] {entry}: {field}:"


def _assert_refused(done: object, where: str, close: str | None, lang: str) -> None:
    import subprocess

    assert isinstance(done, subprocess.CompletedProcess)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert where in done.stderr
    if close is not None:
        assert DID_YOU_MEAN[lang].format(close) in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_analyses_find_validates_errors_with_validates_own_functions(mini_copy: Path, case: str) -> None:
    """In process: the analyses' check gives exactly validate's errors of these codes, at the
    hand-computed position, and nothing else."""
    path = _broken(mini_copy, case)
    read = read_registry(path, mini_copy / "regions")
    assert read.registry is not None and read.errors == []
    found = check_for_analysis(read.registry)
    by_validate = [i for i in validate(read.registry) if i.severity == "error" and i.code in ANALYSIS_ERRORS]
    assert found == by_validate
    _, code, line, col, entry, field, _ = CASES[case]
    assert [(i.code, i.line, i.col, i.entry, i.field) for i in found] == [(code, line, col, entry, field)]
    assert read_for_analysis(path, mini_copy / "regions").errors == found


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize(
    ("command", "lang"),
    [(["coverage", "--region", "nijmegen"], "en"), (["compare"], "nl")],
    ids=["coverage-en", "compare-nl"],
)
def test_each_check_refuses_through_the_commands_in_both_languages(
    mini_copy: Path, cache_folder: Path, case: str, command: list[str], lang: str
) -> None:
    path = _broken(mini_copy, case)
    before = path.read_bytes()
    args = ["--registry", str(path), "--regions", str(mini_copy / "regions")]
    done = run_cli(*args, *command, "--lang", lang)
    _assert_refused(done, _where(path, case, lang), CASES[case][6], lang)
    assert path.read_bytes() == before
    assert not list(cache_folder.glob("*.pickle"))  # nothing cached for an invalid registry


# Every command that reads the registry for an analysis; (arguments, the file or folder it
# would write, relative to the test's folder).
COMMANDS: list[tuple[list[str], str | None]] = [
    (["coverage", "--region", "nijmegen"], None),
    (["compare"], None),
    (["gaps", "--region", "nijmegen"], None),
    (["whatif", "--region", "nijmegen", "--without", "beta-duiven"], None),
    (["near", "Nijmegen", "--radius-km", "50"], None),
    (["stats", "--region", "nijmegen"], None),
    (["claims"], None),
    (["export", "--format", "csv", "--output", "{out}/sites.csv"], "sites.csv"),
    (["map", "nl", "--output", "{out}/bijlage1.html"], "bijlage1.html"),
    (["map", "region", "nijmegen", "--output", "{out}/nijmegen.png"], "nijmegen.png"),
    (["report", "--region", "nijmegen", "--output", "{out}/brief"], "brief"),
]


@pytest.mark.parametrize(("command", "written"), COMMANDS, ids=[" ".join(c[:2]) for c, _ in COMMANDS])
def test_every_analysis_refuses_a_misspelt_municipality(
    mini_copy: Path, cache_folder: Path, tmp_path: Path, command: list[str], written: str | None
) -> None:
    """NXP's "Nimegen" case on the mini registry: every analysis, map, export and report refuses
    it as validate does (before, all of them ran and left the site out of Nijmegen)."""
    case = "misspelt-municipality"
    path = _broken(mini_copy, case)
    before = path.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    args = ["--registry", str(path), "--regions", str(mini_copy / "regions")]
    done = run_cli(*args, *(a.format(out=out) for a in command), "--lang", "en")
    _assert_refused(done, _where(path, case, "en"), "Nijmegen", "en")
    assert list(out.iterdir()) == []
    assert path.read_bytes() == before
    assert not list(cache_folder.glob("*.pickle"))


@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
@pytest.mark.parametrize("command", [["coverage", "--region", "nijmegen"], ["export", "--format", "json"]])
def test_a_misspelt_municipality_in_dutch_with_and_without_the_cache(
    mini_copy: Path, cache_folder: Path, cache: list[str], command: list[str]
) -> None:
    case = "misspelt-municipality"
    path = _broken(mini_copy, case)
    args = ["--registry", str(path), "--regions", str(mini_copy / "regions"), *cache]
    done = run_cli(*args, *command, "--lang", "nl")
    _assert_refused(done, _where(path, case, "nl"), "Nijmegen", "nl")
    assert "gemeente 'Nimegen' is onbekend" in done.stderr
    assert not list(cache_folder.glob("*.pickle"))


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('      municipality: "Nijmegen\\u200b"\n', "name.invisible-character"),
        ("      municipality: Nijm\u0435gen\n", "name.mixed-script"),
    ],
    ids=["zero-width-space", "cyrillic-e"],
)
@pytest.mark.parametrize(
    ("command", "lang"),
    [(["coverage", "--region", "nijmegen"], "nl"), (["gaps", "--region", "nijmegen"], "en")],
)
def test_invisible_and_lookalike_letters_are_still_refused(
    mini_copy: Path, cache_folder: Path, line: str, code: str, command: list[str], lang: str
) -> None:
    """Not reported twice either: the municipality check leaves these to the text check."""
    path = mini_copy / "companies.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      municipality: Nijmegen\n", line), encoding="utf-8")
    args = ["--registry", str(path), "--regions", str(mini_copy / "regions")]
    done = run_cli(*args, *command, "--lang", lang)
    where = f"{path}:10:21: {ERROR[lang]}: [{code}] alpha-nijmegen: location.municipality:"
    _assert_refused(done, where, None, lang)
    assert done.stderr.count("alpha-nijmegen: location.municipality:") == 1


def test_the_gazetteer_is_read_only_for_a_name_on_no_list(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost on a cold run: the mini registry's municipalities are on a region file or an
    official list (Dresden on Destatis'), and a French town is a place of the derived list
    (``place-names.json.gz``), so the gazetteer (0.13 s to load) is not read; a misspelt name is
    looked up there, once, and gets validate's "did you mean"."""
    from lifeport_map.gazetteer import load_gazetteer as real

    loaded: list[object] = []

    def counted(*args: object) -> object:
        loaded.append(args)
        return real()

    monkeypatch.setattr(validate_module, "load_gazetteer", counted)
    path = mini_copy / "companies.yaml"
    text = path.read_text(encoding="utf-8")
    french = "location: {place: Lille, municipality: Lille, country: FR}"
    path.write_text(text.replace("location: {place: Dresden, municipality: Dresden, country: DE}", french))
    read = read_registry(path, mini_copy / "regions")
    assert read.registry is not None and read.registry.by_id["gamma-dresden"].location.country == "FR"
    assert check_for_analysis(read.registry) == []
    assert loaded == []
    path = _broken(mini_copy, "misspelt-municipality")
    broken = read_registry(path, mini_copy / "regions").registry
    assert broken is not None
    assert [i.code for i in check_for_analysis(broken)] == ["location.unknown-municipality"]
    assert loaded == [()]


def test_the_shipped_place_names_are_the_gazetteers() -> None:
    """``data/gazetteer/place-names.json.gz`` is derived from the gazetteer
    (``scripts/build_place_names.py``): the same names, so the check accepts a place name with or
    without the gazetteer loaded. Hand-checked members: Nijmegen (NL), Villeneuve-d'Ascq (FR, the
    shipped registry's one municipality on no official list); "nimegen" is only an alternate name
    of Nijmegen, so it is not one."""
    from lifeport_map.gazetteer import load_gazetteer, load_place_names, place_names

    shipped = load_place_names()
    assert shipped is not None
    assert shipped == {c: frozenset(n) for c, n in place_names(load_gazetteer()).items()}
    assert sorted(shipped) == ["BE", "DE", "FR", "LU", "NL"]
    assert "nijmegen" in shipped["NL"] and "villeneuve-d'ascq" in shipped["FR"]
    assert "nimegen" not in shipped["NL"]


def test_a_damaged_place_name_list_is_refused_as_the_gazetteer_is(tmp_path: Path) -> None:
    import gzip

    from lifeport_map.errors import YamlError
    from lifeport_map.gazetteer import load_place_names

    for content in (b"not gzip", gzip.compress(b'{"countries": {"NL": [1]}}'), gzip.compress(b"[]")):
        path = tmp_path / "place-names.json.gz"
        path.write_bytes(content)
        load_place_names.cache_clear()
        with pytest.raises(YamlError) as raised:
            load_place_names(path)
        assert raised.value.issue.code == "io.bad-gazetteer"
    load_place_names.cache_clear()


def test_without_the_place_name_list_the_gazetteer_decides_alone(
    mini_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder without ``place-names.json.gz`` (LIFEPORT_DATA_DIR): the same verdicts, from
    the gazetteer: a French town passes, a misspelt Dutch municipality is refused."""
    import shutil

    from lifeport_map.gazetteer import load_place_names
    from tests.conftest import ROOT

    data = tmp_path / "other-data"
    shutil.copytree(ROOT / "data", data)
    (data / "gazetteer" / "place-names.json.gz").unlink()
    monkeypatch.setenv("LIFEPORT_DATA_DIR", str(data))
    load_place_names.cache_clear()
    try:
        assert load_place_names() is None
        path = mini_copy / "companies.yaml"
        text = path.read_text(encoding="utf-8")
        french = "location: {place: Lille, municipality: Lille, country: FR}"
        path.write_text(
            text.replace("location: {place: Dresden, municipality: Dresden, country: DE}", french)
        )
        read = read_registry(path, mini_copy / "regions")
        assert read.registry is not None and check_for_analysis(read.registry) == []
        broken = read_registry(_broken(mini_copy, "misspelt-municipality"), mini_copy / "regions").registry
        assert broken is not None
        assert [(i.code, i.line, i.col) for i in check_for_analysis(broken)] == [
            ("location.unknown-municipality", 10, 21)
        ]
    finally:
        load_place_names.cache_clear()


def test_a_warm_run_does_not_check_again(
    mini_copy: Path, cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache stores only a registry that passed these checks (under a key over the code and
    every data file), so a warm run takes the graph and the registry as they are."""
    from lifeport_map.cache import load_graph
    from lifeport_map.registry_cache import load_registry_cached

    registry, regions = mini_copy / "companies.yaml", mini_copy / "regions"
    graph = load_graph(registry, regions)
    cached = load_registry_cached(registry, regions)
    assert len(list(cache_folder.glob("*.pickle"))) == 2

    def refuse(_: object) -> list[object]:
        raise AssertionError("checked again on a warm run")

    monkeypatch.setattr(validate_module, "check_for_analysis", refuse)
    assert sorted(load_graph(registry, regions).nodes) == sorted(graph.nodes)
    assert [s.id for s in load_registry_cached(registry, regions).sites] == [s.id for s in cached.sites]
    with pytest.raises(AssertionError, match="checked again"):
        load_graph(registry, regions, cache=False)


def test_folding_ascii_the_short_way_gives_what_the_long_way_gives() -> None:
    """``text.fold`` skips Unicode decomposition for ASCII (the official lists fold 10,000 names
    on every cold run): every ASCII character, alone and between letters and spaces, folds as
    the full rule (NFKD, marks dropped, casefold, quotes and spaces) folds it."""
    import unicodedata

    from lifeport_map.text import fold

    def full_rule(text: str) -> str:
        quotes: dict[str, str | int | None] = {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"}
        quoted = text.translate(str.maketrans(quotes))
        decomposed = unicodedata.normalize("NFKD", quoted)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return " ".join(stripped.casefold().replace("ß", "ss").split())

    samples = [chr(i) for i in range(128)]
    samples += [f"  Ab{ch}Cd \t{ch}" for ch in map(chr, range(128))]
    samples += [f" Ab{ch}Cd{ch}" for ch in map(chr, range(128))]  # no run of spaces: the shortest way
    samples += ["Villeneuve-d`Ascq", "  Peel en   Maas ", "MARBURG, Universitaetsstadt", ""]
    for text in samples:
        assert text.isascii()
        assert fold(text) == full_rule(text), repr(text)
    assert fold("Villeneuve-d`Ascq") == "villeneuve-d'ascq"
    assert fold("  Peel en   Maas ") == "peel en maas"
