"""The analyses' usage errors in the command's --lang (issue 15, "Dutch means Dutch"): each is
run under --lang nl and --lang en on the hand-made registry of tests/fixtures/analysis, and
gives the Dutch and the English text written out here, with the same exit code (2) and no
traceback. "Did you mean" suggestions and lists of valid values stay ids in both languages.

The language scan of these errors is in tests/test_language_scan.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.errors import UsageError
from tests.analysis_support import ANALYSIS_ARGS, analysis_registry
from tests.conftest import FIXTURES

CLAIMS = str(FIXTURES / "claims" / "claims.yaml")


def _run(args: list[str], lang: str, cwd: Path | None = None) -> tuple[int, str]:
    done = CliRunner().invoke(app, [*ANALYSIS_ARGS, *args, "--lang", lang])
    assert "Traceback" not in done.output, done.output
    assert done.exception is None or isinstance(done.exception, SystemExit), repr(done.exception)
    return done.exit_code, done.stderr


def _error(message: str, hint: str, lang: str) -> str:
    return (
        f"lifeport-map: fout: {message}\n    tip: {hint}\n"
        if lang == "nl"
        else f"lifeport-map: error: {message}\n    hint: {hint}\n"
    )


# (command, Dutch message, Dutch hint, English message, English hint)
CASES: list[tuple[list[str], str, str, str, str]] = [
    (
        ["coverage", "-r", "nijmegen", "--site", "fab-nijmgen"],
        "onbekend id van een vestiging 'fab-nijmgen'",
        "bedoelt u: fab-nijmegen, uni-nijmegen, planned-nijmegen?",
        "unknown site id 'fab-nijmgen'",
        "did you mean: fab-nijmegen, uni-nijmegen, planned-nijmegen?",
    ),
    (
        ["near", "Nijmegen", "--site", "zzz"],
        "onbekend id van een vestiging 'zzz'",
        "gebruik een id van een vestiging uit het register, bijvoorbeeld uit "
        "'lifeport-map export --format csv'",
        "unknown site id 'zzz'",
        "use a site id from the registry, e.g. from 'lifeport-map export --format csv'",
    ),
    (
        ["whatif", "-r", "nijmegen", "-w", "nope"],
        "onbekend id van een vestiging 'nope'",
        "gebruik een id van een vestiging uit het register, bijvoorbeeld uit "
        "'lifeport-map export --format csv'",
        "unknown site id 'nope'",
        "use a site id from the registry, e.g. from 'lifeport-map export --format csv'",
    ),
    (
        ["compare", "nijmegen", "--organisation", "Fabc"],
        "geen vestiging van organisatie 'Fabc'",
        "bedoelt u: Fabco, Saxfab? (de hele naam)",
        "no site of organisation 'Fabc'",
        "did you mean: Fabco, Saxfab? (the whole name)",
    ),
    (
        ["coverage", "-r", "nijmegen", "--organisation", "Zzz"],
        "geen vestiging van organisatie 'Zzz'",
        "geef de hele naam van een organisatie, zoals 'lifeport-map export' die noemt",
        "no site of organisation 'Zzz'",
        "give an organisation's whole name, as 'lifeport-map export' lists it",
    ),
    (
        ["near", "Nijmegen", "--status", "open"],
        "onbekende status 'open'",
        "gebruik een van: active, planned, under-construction, closed",
        "unknown status 'open'",
        "use one of: active, planned, under-construction, closed",
    ),
    (
        ["near", "Nijmegen", "--phase", "fronted"],
        "onbekende fase 'fronted'",
        "bedoelt u 'front-end'? Of gebruik een van: design, front-end, back-end, system-integration",
        "unknown phase 'fronted'",
        "did you mean 'front-end'? Or use one of: design, front-end, back-end, system-integration",
    ),
    (
        ["near", "Nijmegen", "--role", "prod"],
        "onbekende rol 'prod'",
        "gebruik een van: production, equipment-materials, design-services, research-education, support",
        "unknown role 'prod'",
        "use one of: production, equipment-materials, design-services, research-education, support",
    ),
    (
        ["near", "Nijmegen", "--country", "NLD"],
        "'NLD' is geen landcode van twee letters",
        "bijvoorbeeld --country NL --country BE",
        "'NLD' is not a two-letter country code",
        "e.g. --country NL --country BE",
    ),
    (
        ["coverage", "-r", "nijmegen", "--wafer-mm", "0"],
        "de waferdiameter moet een positief aantal mm zijn, niet 0",
        "bijvoorbeeld --wafer-mm 200",
        "wafer size must be a positive number of mm, not 0",
        "e.g. --wafer-mm 200",
    ),
    (
        ["near", "Nijmegen", "--radius-km", "-2.5"],
        "de straal moet een positief aantal km zijn, niet -2,5",
        "bijvoorbeeld --radius-km 300",
        "radius must be a positive number of km, not -2.5",
        "e.g. --radius-km 300",
    ),
    (
        ["near", "91,5"],
        "'91,5' is geen geldig paar breedtegraad,lengtegraad",
        "geef decimale graden, de breedtegraad eerst, bijvoorbeeld 51.84,5.85",
        "'91,5' is not a valid latitude,longitude pair",
        "give decimal degrees, latitude first, e.g. 51.84,5.85",
    ),
    (
        ["near", "fab-nocoords"],
        "vestiging 'fab-nocoords' heeft geen coördinaten",
        "gebruik in plaats daarvan de plaatsnaam, bijvoorbeeld 'Hamburg'",
        "site 'fab-nocoords' has no coordinates",
        "use its place name instead, e.g. 'Hamburg'",
    ),
    (
        ["near", "Qqqqzzz"],
        "'Qqqqzzz' is geen coördinatenpaar, geen id van een vestiging en geen bekende plaats",
        "geef een plaatsnaam (bijvoorbeeld Nijmegen), een id van een vestiging of coördinaten "
        "zoals 51.84,5.85",
        "'Qqqqzzz' is neither coordinates, a site id nor a known place",
        "give a place name (e.g. Nijmegen), a site id, or coordinates such as 51.84,5.85",
    ),
    (
        ["compare", "--definition", "a", "--definition", "b"],
        "geef één afbakening voor alle regio's, of paren REGIO=AFBAKENING",
        "bijvoorbeeld --definition radius-25km, of --definition nijmegen=gmr-18",
        "give one definition for all regions, or REGION=DEFINITION pairs",
        "e.g. --definition radius-25km, or --definition nijmegen=gmr-18",
    ),
    (
        ["compare", "nijmegen", "Nijmegen"],
        "een regio wordt twee keer genoemd",
        "noem elke regio één keer",
        "a region is named twice",
        "name each region once",
    ),
    (
        ["coverage", "-r", "nijmegen", "--roles", "prod"],
        "onbekende telling 'prod'",
        "gebruik een van: industry, production, all, of rollen gescheiden door komma's uit: "
        "production, equipment-materials, design-services, research-education",
        "unknown counting definition 'prod'",
        "use one of: industry, production, all, or roles separated by commas from: "
        "production, equipment-materials, design-services, research-education",
    ),
    (
        ["gaps", "-r", "nijmegen", "--limit", "0"],
        "het aantal kandidaten moet van 1 tot en met 50 zijn, niet 0",
        "bijvoorbeeld --limit 5",
        "the number of candidates must be from 1 to 50, not 0",
        "e.g. --limit 5",
    ),
    (
        ["report", "-r", "nijmegen", "-o", "out", "--radius-km", "0"],
        "de straal moet een positief aantal km zijn, niet 0",
        "bijvoorbeeld --radius-km 150",
        "radius must be a positive number of km, not 0",
        "e.g. --radius-km 150",
    ),
    (
        ["stats", "-r", "nijmegen", "--year", "1200"],
        "jaar 1200 valt buiten het bereik",
        "geef een jaar van 1900 tot en met 2100, bijvoorbeeld --year 2030",
        "year 1200 is out of range",
        "give a year between 1900 and 2100, e.g. --year 2030",
    ),
    (
        ["map", "nl", "-o", "annex.png", "--format", "svg"],
        "--format svg past niet bij de naam van het uitvoerbestand annex.png",
        "noem het bestand *.svg, of laat --format weg om png te schrijven",
        "--format svg contradicts the output file name annex.png",
        "name the file *.svg, or leave out --format to write png",
    ),
    (
        ["claims", "--claims", CLAIMS, "--id", "nope"],
        "onbekend claim-id 'nope'",
        "gebruik een van: whole-chain-home, whole-chain-dresden, unique-home, only-fab, fabs-nl, "
        "about-three-fab-plants, saxfab-owners, present, present-elsewhere, present-unknown, "
        "fab-facility, jobs-2026, jobs-2034, jobs-add-up, first-by-jobs, home-production, dresden-production",
        "unknown claim id 'nope'",
        "use one of: whole-chain-home, whole-chain-dresden, unique-home, only-fab, fabs-nl, "
        "about-three-fab-plants, saxfab-owners, present, present-elsewhere, present-unknown, "
        "fab-facility, jobs-2026, jobs-2034, jobs-add-up, first-by-jobs, home-production, dresden-production",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c[0][:2]) + " " + c[0][-1] for c in CASES])
def test_a_usage_error_is_in_the_commands_language(
    case: tuple[list[str], str, str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, nl, nl_hint, en, en_hint = case
    monkeypatch.chdir(tmp_path)
    dutch, english = _run(args, "nl"), _run(args, "en")
    assert dutch == (2, _error(nl, nl_hint, "nl"))
    assert english == (2, _error(en, en_hint, "en"))
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_without_lang_a_usage_error_is_dutch() -> None:
    done = CliRunner().invoke(app, [*ANALYSIS_ARGS, "near", "Nijmegen", "--status", "open"])
    assert done.exit_code == 2
    assert done.stderr.startswith("lifeport-map: fout: onbekende status 'open'\n    tip: gebruik een van: ")


@pytest.mark.parametrize(
    ("option", "value", "nl", "en", "known"),
    [
        ("--technology", "gan2", "onbekende technologie 'gan2'", "unknown technology 'gan2'", "gan"),
        (
            "--facility-type",
            "fab",
            "onbekende soort faciliteit 'fab'",
            "unknown facility type 'fab'",
            "wafer-fab",
        ),
        ("--kind", "fabs", "onbekende soort 'fabs'", "unknown kind 'fabs'", "companies"),
        (
            "--activity",
            "waferfab",
            "onbekende activiteit 'waferfab'",
            "unknown activity 'waferfab'",
            "wafer-fab",
        ),
    ],
)
def test_an_unknown_filter_value_lists_the_ids_in_either_language(
    option: str, value: str, nl: str, en: str, known: str
) -> None:
    """The taxonomy's vocabularies are long: the message in full, the ids listed as ids."""
    dutch = _run(["coverage", "-r", "nijmegen", option, value], "nl")
    english = _run(["coverage", "-r", "nijmegen", option, value], "en")
    assert dutch[0] == english[0] == 2
    # a value close to a known one is named first ("did you mean 'wafer-fab'? Or use one of:")
    tip = "(bedoelt u '[a-z-]+'\\? Of gebruik|gebruik) een van: "
    hint = "(did you mean '[a-z-]+'\\? Or use|use) one of: "
    assert re.match(f"lifeport-map: fout: {re.escape(nl)}\n    tip: {tip}", dutch[1])
    assert re.match(f"lifeport-map: error: {re.escape(en)}\n    hint: {hint}", english[1])
    assert dutch[1].split("van: ")[1] == english[1].split("of: ")[1]  # the same ids
    assert known in dutch[1].split("van: ")[1].strip().split(", ")


def test_a_brief_into_a_file_is_refused_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "brief").write_text("x", encoding="utf-8")
    args = ["report", "-r", "nijmegen", "-o", "brief"]
    assert _run(args, "nl") == (
        3,
        _error("kan de brief niet in brief schrijven: dat is geen map", "kies een andere uitvoermap", "nl"),
    )
    assert _run(args, "en") == (
        3,
        _error("cannot write the brief into brief: not a folder", "choose another output folder", "en"),
    )
    assert (tmp_path / "brief").read_text(encoding="utf-8") == "x"


def test_a_folder_in_the_briefs_place_is_refused_in_either_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check made just before writing (a folder that appeared after the first check)."""
    import lifeport_map.fileio

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(lifeport_map.fileio, "check_output_folder", lambda *_: None)
    (tmp_path / "out" / "brief.md").mkdir(parents=True)
    args = ["report", "-r", "nijmegen", "-o", "out"]
    assert _run(args, "nl") == (
        3,
        _error("kan de brief niet in out schrijven: brief.md is een map", "kies een andere uitvoermap", "nl"),
    )
    assert _run(args, "en") == (
        3,
        _error("cannot write the brief into out: brief.md is a folder", "choose another output folder", "en"),
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["brief.md"]


def test_the_note_on_the_csv_licence_is_in_either_language() -> None:
    dutch = CliRunner().invoke(app, [*ANALYSIS_ARGS, "export", "--format", "csv", "--lang", "nl"])
    english = CliRunner().invoke(app, [*ANALYSIS_ARGS, "export", "--format", "csv", "--lang", "en"])
    assert dutch.exit_code == english.exit_code == 0
    assert dutch.stdout == english.stdout  # the CSV itself: English column ids, dialect en
    assert dutch.stderr == (
        "let op: de licentie en de naamsvermelding van de CSV (CC BY 4.0: lifeport-map contributors, "
        "GeoNames) komen er alleen met --output naast te staan (BESTAND.csv-metadata.json)\n"
    )
    assert english.stderr == (
        "note: the CSV's licence and attribution (CC BY 4.0: lifeport-map contributors, GeoNames) "
        "are written beside it only with --output (FILE.csv-metadata.json)\n"
    )


# --- the same errors from the Python API: English .message, either language by in_lang ------


def test_api_errors_without_a_command_line_give_either_language() -> None:
    from lifeport_map.analysis.whatif import whatif
    from lifeport_map.render.export import export_bytes
    from lifeport_map.render.maps import compare_page, nl_map
    from lifeport_map.render.static import figure_bytes

    registry = analysis_registry()
    found: list[tuple[str, str, str, str]] = []
    for call in (
        lambda: whatif(registry, "nijmegen", []),
        lambda: nl_map(registry, tiles="google"),
        lambda: compare_page(registry, [], coverages=[]),
        lambda: figure_bytes(None, "gif"),  # type: ignore[arg-type]
        lambda: export_bytes(registry, "xlsx"),
    ):
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.exit_code == 2
        found.append((*caught.value.in_lang("nl"), caught.value.message, caught.value.hint))
    assert found == [
        (
            "noem minstens één vestiging om weg te laten",
            "bijvoorbeeld --without nxp-nijmegen",
            "name at least one site to remove",
            "e.g. --without nxp-nijmegen",
        ),
        (
            "onbekende achtergrondkaart 'google'",
            "gebruik een van: none, osm, carto",
            "unknown tiles 'google'",
            "use one of: none, osm, carto",
        ),
        (
            "geen regio's om te vergelijken",
            "noem twee of meer regio's",
            "no regions to compare",
            "name two or more regions",
        ),
        (
            "onbekend formaat voor een figuur 'gif'",
            "gebruik een van: png, svg, pdf",
            "unknown figure format 'gif'",
            "use one of: png, svg, pdf",
        ),
        (
            "onbekend exportformaat 'xlsx'",
            "gebruik een van: json, csv, geojson, graphml",
            "unknown export format 'xlsx'",
            "use one of: json, csv, geojson, graphml",
        ),
    ]


def test_a_claim_the_registry_cannot_check_says_why_in_the_language(tmp_path: Path) -> None:
    """A count from a site without coordinates: 'cannot tell', the usage error's text as the
    finding, in the claims' --lang (it was English whatever --lang said)."""
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "claims:\n"
        "  - id: from-ghost\n"
        "    claim: {nl: Vanaf Ghostfab, en: From Ghostfab}\n"
        "    who: Tester\n"
        '    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}\n'
        '    quote: "near the ghost fab"\n'
        "    check:\n"
        "      type: count\n"
        "      origin: fab-nocoords\n"
        "      radius_km: 200\n"
        "      filter: {activities: [wafer-fab]}\n"
        "      expect: {op: at-least, value: 1}\n",
        encoding="utf-8",
    )
    import json

    found = {}
    for lang in ("nl", "en"):
        done = CliRunner().invoke(
            app, [*ANALYSIS_ARGS, "claims", "--claims", str(claims), "--format", "json", "--lang", lang]
        )
        assert done.exit_code == 0, done.output
        (claim,) = json.loads(done.stdout)["claims"]
        found[lang] = (claim["verdict"], claim["finding"], claim["missing"])
    assert found == {
        "nl": (
            "cannot-tell",
            "vestiging 'fab-nocoords' heeft geen coördinaten",
            ["vestiging 'fab-nocoords' heeft geen coördinaten"],
        ),
        "en": (
            "cannot-tell",
            "site 'fab-nocoords' has no coordinates",
            ["site 'fab-nocoords' has no coordinates"],
        ),
    }
