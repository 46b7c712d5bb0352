"""Issue 17, second hardening pass: what validate accepts every command handles, and nothing
crawls. Text drawn by matplotlib is escaped, the duplicate check and ``fmt --check`` stay
near-linear on purpose-built input, numbers have plausible ranges.
"""

from __future__ import annotations

import dataclasses
import random
import time
import xml.dom.minidom
from pathlib import Path
from types import SimpleNamespace

import pytest

from lifeport_map.fmt import describe_changes, format_text
from lifeport_map.messages import say
from lifeport_map.model import Location, Registry, Site
from lifeport_map.registry import load_registry
from lifeport_map.text import figure_text, mixed_script, skeleton
from lifeport_map.validate import check_likely_duplicates, name_key
from tests.conftest import MINI, run_cli


def test_figure_text_keeps_dollars_and_shows_control_characters() -> None:
    # figures draw with mathtext off, so dollars are drawn as typed (an escape would show)
    assert figure_text("$\\undefinedmacro$") == "$\\undefinedmacro$"
    assert figure_text("5$ to 10$") == "5$ to 10$"
    assert figure_text("a\x1b[31mb\x07") == "a\\u001b[31mb\\u0007"
    assert figure_text("bidi\u202eX") == "bidi\\u202eX"
    assert figure_text("two\nlines\r\nend") == "two lines end"
    assert figure_text("Nijmegen (Arnhem)") == "Nijmegen (Arnhem)"
    assert figure_text(None) == ""


HOSTILE_NAME = "$\\undefinedmacro$ 5$ to 10$ \x1b[31m\x07"


def _registry_with_region_name(name: str) -> Registry:
    """The mini registry with Nijmegen renamed: validate refuses control characters in names
    now, so the text is put in after loading, to test the drawing's own defence."""
    registry = load_registry(MINI / "companies.yaml", MINI / "regions", check=False)
    regions = dict(registry.regions)
    regions["nijmegen"] = dataclasses.replace(regions["nijmegen"], name={"nl": name, "en": name})
    return dataclasses.replace(registry, regions=regions)


@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_mathtext_and_control_characters_in_region_names_are_drawn_literally(
    tmp_path: Path, fmt: str, capfd: pytest.CaptureFixture[str]
) -> None:
    from lifeport_map.render.static import compare_figure, figure_bytes, region_figure

    registry = _registry_with_region_name(HOSTILE_NAME)
    for figure in (region_figure(registry, "nijmegen", lang="en"), compare_figure(registry, ["nijmegen"])):
        data = figure_bytes(figure, fmt)
        assert data
        if fmt == "svg":
            text = data.decode("utf-8")
            xml.dom.minidom.parseString(data)  # well-formed: no raw control characters
            # a long name may wrap onto lines of its own in a panel label
            assert "$\\undefinedmacro$ 5$ to 10$" in text and "\\u001b[31m\\u0007" in text
            assert "\x1b" not in text and "\x07" not in text
        if fmt in ("svg", "pdf"):
            lowered = data.lower()
            for needle in (b"<script", b"javascript", b'href="http', b"/uri", b"/launch"):
                assert needle not in lowered, needle
    captured = capfd.readouterr()
    assert "\x1b" not in captured.err and "\x07" not in captured.err


def _site(index: int, name: str, municipality: str = "Nijmegen") -> Site:
    return Site(
        id=f"s{index:06d}",
        name=name,
        organisation="x",
        kind="idm",
        activities=(),
        phases=(),
        served_phases=(),
        status="active",
        location=Location(place=municipality, municipality=municipality, country="NL"),
        sources=(),
    )


def _duplicates(names: list[str]) -> list[tuple[str, str]]:
    sites = [_site(i, n) for i, n in enumerate(names)]
    registry = SimpleNamespace(sites=sites)
    return [(i.entry, i.message) for i in check_likely_duplicates(registry)]  # type: ignore[arg-type]


def test_likely_duplicates_by_hand() -> None:
    # same key once legal forms, case, spaces and punctuation go
    assert [e for e, _ in _duplicates(["Alpha Fab B.V.", "alpha-fab"])] == ["s000001"]
    # a Cyrillic A looks like the Latin one
    assert [e for e, _ in _duplicates(["Alpha Fab", "\u0410lpha Fab"])] == ["s000001"]
    # one letter apart in a long name (ratio 0.95 >= 0.92)
    assert [e for e, _ in _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdefh"])] == ["s000001"]
    # one letter missing
    assert [e for e, _ in _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdfg"])] == ["s000001"]
    # one letter apart in a short name (ratio 0.875): different sites
    assert _duplicates(["Alpha Fab", "Alpha Lab"]) == []
    # numbers tell sites apart; three letters apart is another name
    assert _duplicates(["Fab 1 Nijmegen", "Fab 2 Nijmegen"]) == []
    assert _duplicates(["Semicon Systems abcdefg", "Semicon Systems abcdxyz"]) == []


def test_name_key() -> None:
    assert name_key("Alpha Fab B.V.") == "alphafab"
    assert name_key("N\u0435xperia GmbH") == "nexperia"  # Cyrillic e
    assert skeleton("N\u0456jmegen") == "Nijmegen"
    # ASCII names skip the per-character steps; others keep them (letters and digits of any script)
    assert name_key("Fab 2 - NXP (Nijmegen) N.V.") == "fab2nxpnijmegen"
    assert name_key("Straße 7, Dresden") == "strasse7dresden"
    assert name_key("Ünïversität Twente ²") == "universitattwente2"
    assert mixed_script("N\u0456jmegen") == ["U+0456"]
    assert mixed_script("\u041c\u043e\u0441\u043a\u0432\u0430") == []  # all Cyrillic: not mixed
    assert mixed_script("Zürich") == []


def test_duplicate_check_is_near_linear_on_20000_similar_names() -> None:
    """20,000 names of one municipality that all start alike: the old check compared them
    pairwise (63 s for 2,000, 283 s for 4,000). Hand-made pairs are still found."""
    rng = random.Random(17)
    letters = "abcdefghijklmnopqrstuvwxyz"
    names: set[str] = set()
    while len(names) < 20_000:
        names.add("Semicon Systems " + "".join(rng.choice(letters) for _ in range(9)))
    ordered = sorted(names)
    twin = ordered[0][:-1] + ("b" if ordered[0][-1] != "b" else "c")
    if twin in names:
        twin = ordered[0] + "x"
    start = time.perf_counter()
    found = _duplicates([*ordered, twin])
    elapsed = time.perf_counter() - start
    assert ("s020000", f"'{twin}' looks like '{ordered[0]}' (s000000) in the same municipality") in found
    assert elapsed < 20, elapsed  # about 1 s here; quadratic would be hours


def _entries(ids: list[str]) -> str:
    return "sites:\n" + "".join(
        f"  - id: {i}\n    name: N {i}\n    organisation: O\n    kind: idm\n    activities: [foundry]\n"
        f"    status: active\n    location: {{place: P, municipality: P, country: NL}}\n"
        f"    sources:\n      - {{url: 'https://example.org/{i}', year: 2025}}\n"
        for i in ids
    )


def test_fmt_check_is_near_linear_on_reversed_entries() -> None:
    """Reversed entries made the old line diff quadratic (141 s at 8,024). Reversing n entries
    leaves one in place: n - 1 are out of order."""
    ids = [f"site-{i:05d}" for i in range(3000)]
    text = _entries(list(reversed(ids)))
    start = time.perf_counter()
    formatted = format_text(text)
    out_of_order, differing, diff = describe_changes(Path("r.yaml"), text, formatted)
    elapsed = time.perf_counter() - start
    assert len(out_of_order) == 2999
    assert len(differing) == 3000
    assert [say(d, "en") for d in diff[:2]] == ["--- r.yaml (now)", "+++ r.yaml (canonical)"]
    assert [say(d, "nl") for d in diff[:2]] == ["--- r.yaml (nu)", "+++ r.yaml (vaste vorm)"]
    assert elapsed < 60, elapsed


# --- Unicode: fmt never hides what it writes --------------------------------------------------

ONE_ENTRY = (
    "sites:\n  - id: a\n    name: A\n    organisation: O\n    kind: idm\n    activities: [foundry]\n"
    "    status: active\n    location: {{place: P, municipality: P, country: NL}}\n"
    "    sources:\n      - {{url: 'https://example.org/a', year: 2025}}\n    description: {value}\n"
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"zero\\u200bwidth"', '"zero\\u200bwidth"'),  # escaped stays escaped (it became raw)
        ('"rtl \\u202e override"', '"rtl \\u202e override"'),
        ('"lre \\u202a and pdi \\u2069"', '"lre \\u202a and pdi \\u2069"'),
        ("raw\u200bzero", '"raw\\u200bzero"'),  # raw is written as an escape
        ('"tag \\U000e0041 char"', '"tag \\U000e0041 char"'),
        ('"soft\\u00adhyphen"', '"soft\\u00adhyphen"'),
    ],
)
def test_fmt_writes_invisible_and_bidi_characters_as_escapes(written: str, expected: str) -> None:
    output = format_text(ONE_ENTRY.format(value=written))
    assert f"    description: {expected}\n" in output
    assert not any(ch in output for ch in "\u200b\u202e\u202a\u2069\u00ad\U000e0041")


def test_fmt_refuses_an_invisible_character_in_a_comment() -> None:
    from lifeport_map.fmt import FormatError

    text = ONE_ENTRY.format(value="plain") + "# admin \u202e nimda\n"
    with pytest.raises(FormatError, match=r"line 12 holds an invisible character \(U\+202E\)"):
        format_text(text)


# --- facts checked against each other ---------------------------------------------------------


def _issues_of(tmp_path: Path, text: str) -> list[tuple[str, str, str, str]]:
    from lifeport_map.registry import check_registry

    path = tmp_path / "companies.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_registry(path, MINI / "regions")
    return [
        (i.code, i.entry, i.field, i.severity)
        for i in result.issues
        if not i.code.startswith(("source.", "checked."))
    ]


def test_a_relation_to_a_closed_site_warns(tmp_path: Path) -> None:
    text = (MINI / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace("    status: active\n", "    status: closed\n    until: 2020\n", 1)  # alpha closes
    found = _issues_of(tmp_path, text)
    assert ("relation.to-closed", "beta-duiven", "relations[0].target", "warning") in found


def test_a_spin_off_of_a_closed_site_is_history(tmp_path: Path) -> None:
    text = (MINI / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace("    status: active\n", "    status: closed\n    until: 2020\n", 1)
    text = text.replace(
        "{type: partner, target: alpha-nijmegen}", "{type: spin-off-of, target: alpha-nijmegen}"
    )
    assert not any(code == "relation.to-closed" for code, *_ in _issues_of(tmp_path, text))


def test_an_unknown_municipality_without_a_close_name_is_a_warning(tmp_path: Path) -> None:
    text = (MINI / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace("      municipality: Nijmegen\n", "      municipality: Qwxzplk\n", 1)
    found = _issues_of(tmp_path, text)
    assert ("location.unknown-municipality", "alpha-nijmegen", "location.municipality", "warning") in found


# --- add: forgiving prompts, strict answers, nothing written on a refusal -----------------------

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"


def _contrib_copy(tmp_path: Path) -> Path:
    target = tmp_path / "companies.yaml"
    target.write_bytes((CONTRIB / "companies.yaml").read_bytes())
    return target


def _add(target: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from lifeport_map.cli import app

    result = CliRunner().invoke(
        app, ["--registry", str(target), "--regions", str(CONTRIB / "regions"), "add", *args], input=input
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_each_answer_is_checked_as_it_is_given(tmp_path: Path) -> None:
    target = _contrib_copy(tmp_path)
    answers = "Acme Fab\nAcme\nrobot\nsupplier\nfoundery\nequipment-components\nNL\nNimegen\nNijmegen\n\n"
    answers += "https://acme.example.org/news\nlast year\n2026\n\n\n"  # no source title, no publisher
    code, out, err = _add(target, "--interactive", "--dry-run", "--lang", "en", input=answers)
    assert code == 0, err
    assert "'robot' is not a kind" in err
    assert "'foundery' is not an activity; did you mean 'foundry'?" in err
    assert "'Nimegen' is not in the offline gazetteer; did you mean 'Nijmegen'?" in err
    assert "'last year' is not a year: write four digits, e.g. 2025" in err
    # a wrong kind is asked again at once, before the activities question
    kind_asked = [i for i in range(len(out)) if out.startswith("Kind (e.g.", i)]
    assert len(kind_asked) == 2 and kind_asked[1] < out.index("Activities")
    assert "- id: acme-nijmegen" in out and "kind: supplier" in out
    assert target.read_bytes() == (CONTRIB / "companies.yaml").read_bytes()


def test_end_of_input_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    target = _contrib_copy(tmp_path)
    before = target.read_bytes()
    code, _out, err = _add(target, "--interactive", input="Acme Fab\nAcme\n")
    assert code == 1
    assert "add afgebroken; er is niets geschreven" in err  # Dutch by default
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["companies.yaml"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--source-year", "3000", "--source-year (sources[0].year): '3000' is not a year"),
        ("--source-year", "last year", "--source-year (sources[0].year): 'last year' is not a year"),
        ("--kind", "robot", "--kind (kind): 'robot' is not a kind"),
        ("--country", "ZZ", "--country (location.country): 'ZZ' is not an ISO 3166-1 country code"),
        (
            "--source-url",
            "javascript:alert(1)",
            "--source-url (sources[0].url): scheme 'javascript' is not http or https",
        ),
    ],
)
def test_a_bad_option_names_its_field_and_nothing_is_written(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    target = _contrib_copy(tmp_path)
    before = target.read_bytes()
    args = {
        "--name": "Acme Fab",
        "--organisation": "Acme",
        "--kind": "supplier",
        "--activity": "equipment-components",
        "--place": "Nijmegen",
        "--country": "NL",
        "--source-url": "https://acme.example.org/news",
        "--source-year": "2026",
        option: value,
    }
    code, _out, err = _add(
        target, "--no-interactive", "--lang", "en", *[x for kv in args.items() for x in kv]
    )
    assert code == 1, err
    assert message in err
    assert target.read_bytes() == before


def test_add_errors_never_cite_lines_of_a_file_never_written(tmp_path: Path) -> None:
    target = _contrib_copy(tmp_path)
    before = target.read_bytes()
    code, _out, err = _add(
        target, "--no-interactive", "--lang", "en",
        "--name", "Acme Fab", "--organisation", "Acme", "--kind", "supplier",
        "--activity", "equipment-components", "--place", "Nimegen", "--country", "NL",
        "--source-url", "https://acme.example.org/news", "--source-year", "2026",
    )  # fmt: skip
    assert code == 1
    assert f"{target} (new entry, not written): error: [location.unknown-municipality]" in err
    assert "did you mean 'Nijmegen'?" in err
    assert f"{target}:" not in err
    assert target.read_bytes() == before


def test_add_from_a_yaml_snippet(tmp_path: Path) -> None:
    target = _contrib_copy(tmp_path)
    snippet = tmp_path / "snippet.yaml"
    snippet.write_text(
        "name: Acme Fab\norganisation: Acme\nkind: supplier\nactivity: [equipment-components]\n"
        "place: Nijmegen\ncountry: NL\nsource-url: https://acme.example.org/news\nsource-year: 2026\n",
        encoding="utf-8",
    )
    code, _out, err = _add(target, "--no-interactive", "--from", str(snippet))
    assert code == 0, err
    assert "'acme-nijmegen' toegevoegd aan" in err
    assert "  - id: acme-nijmegen\n" in target.read_text(encoding="utf-8")


def test_a_snippet_with_an_unknown_answer_is_refused_with_its_line(tmp_path: Path) -> None:
    target = _contrib_copy(tmp_path)
    before = target.read_bytes()
    snippet = tmp_path / "snippet.yaml"
    snippet.write_text("name: Acme Fab\ncolour: red\n", encoding="utf-8")
    code, _out, err = _add(target, "--no-interactive", "--from", str(snippet), "--lang", "en")
    assert code == 1  # the snippet's content is bad data (1), not a usage error (2)
    assert f"{snippet}:2: unknown answer 'colour'" in err
    assert target.read_bytes() == before


def test_an_unreadable_registry_exits_3_with_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file, so a permission error is simulated where the one reader opens it."""
    from typer.testing import CliRunner

    from lifeport_map import fileio
    from lifeport_map.cli import app

    target = _contrib_copy(tmp_path)
    real_open = fileio.os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio.os, "open", refuse)
    for command in (["validate"], ["coverage", "--region", "nijmegen"], ["fmt", "--check"], ["export"]):
        result = CliRunner().invoke(
            app, ["--registry", str(target), "--regions", str(CONTRIB / "regions"), *command, "--lang", "en"]
        )
        assert result.exit_code == 3, (command, result.stdout, result.stderr)
        text = result.stdout + result.stderr
        assert "io.unreadable" in text and "hint: check the path and its permissions" in text, command


def test_likely_duplicates_come_in_registry_order_across_municipalities() -> None:
    """Each block (country, municipality, numbers) is checked on its own; the findings still
    come in the order of the sites, and a name alone in its block is never compared."""
    sites = [
        _site(0, "Alpha Fab", "Nijmegen"),
        _site(1, "Beta Fab", "Arnhem"),
        _site(2, "Beta-Fab", "Arnhem"),
        _site(3, "Alpha Fab B.V.", "Nijmegen"),
        _site(4, "Alpha Fab", "Arnhem"),  # Beta Fab is 5 edits away; no Alpha Fab in Arnhem before
    ]
    found = list(check_likely_duplicates(SimpleNamespace(sites=sites)))  # type: ignore[arg-type]
    assert [(i.entry, i.message) for i in found] == [
        ("s000002", "'Beta-Fab' looks like 'Beta Fab' (s000001) in the same municipality"),
        ("s000003", "'Alpha Fab B.V.' looks like 'Alpha Fab' (s000000) in the same municipality"),
    ]


def test_a_misspelt_municipality_on_several_sites_gets_the_suggestion_on_each(tmp_path: Path) -> None:
    """The closest known name is looked up once per misspelling and country, and every site
    that carries it gets it (here the Dutch 'Nijmegne' on two sites)."""
    from lifeport_map.registry import check_registry

    text = (MINI / "companies.yaml").read_text(encoding="utf-8")
    text = text.replace("      municipality: Nijmegen\n", "      municipality: Nijmegne\n", 1)
    text = text.replace("municipality: Duiven,", "municipality: Nijmegne,", 1)
    path = tmp_path / "companies.yaml"
    path.write_text(text, encoding="utf-8")
    found = [
        (i.entry, i.severity, i.hint.split("?")[0])
        for i in check_registry(path, MINI / "regions").issues
        if i.code == "location.unknown-municipality"
    ]
    assert found == [
        ("alpha-nijmegen", "error", "did you mean 'Nijmegen'"),
        ("beta-duiven", "error", "did you mean 'Nijmegen'"),
    ]


@pytest.mark.parametrize(
    ("lang", "summary"),
    # a file that is not there is not "invalid": it cannot be read
    [
        ("nl", "het claimsbestand kan niet worden gelezen: 1 fout"),
        ("en", "the claims file cannot be read: 1 error"),
    ],
)
def test_a_missing_claims_file_is_named_as_the_claims_file(
    tmp_path: Path, cache_folder: Path, lang: str, summary: str
) -> None:
    missing = tmp_path / "nowhere" / "claims.yaml"
    done = run_cli(*_mini(), "claims", "--claims", str(missing), "--lang", lang, cwd=tmp_path)
    assert done.returncode == 3  # a file that cannot be read (README)
    assert f"{missing}: " in done.stderr and "[io.not-found]" in done.stderr
    assert f"lifeport-map: {summary}" in done.stderr
    assert "regist" not in done.stderr.splitlines()[-1]
    assert "Traceback" not in done.stderr
    assert not missing.parent.exists()


def _mini() -> list[str]:
    return ["--registry", str(MINI / "companies.yaml"), "--regions", str(MINI / "regions")]
