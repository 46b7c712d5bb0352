"""What a Dutch policy analyst stumbled over when reading every command's Dutch output in one
sitting (issue 15, item 7), each with the exact Dutch text it now has and the English it keeps.

The hand-made registry (tests/fixtures/analysis) and its claims (tests/fixtures/claims): home
region nijmegen ("Thuisregio") holds fab-nijmegen (Fabco: wafer fab, no facility described) and
design-nijmegen (no employee figure); foundry-enschede is a foundry outside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lifeport_map.analysis.claims import evaluate_claims
from lifeport_map.claims import load_claims
from lifeport_map.messages import msg, say
from lifeport_map.numbers import format_date
from lifeport_map.provenance import Provenance, provenance_line
from lifeport_map.registry import load_registry
from lifeport_map.render.analysis import employee_notes
from lifeport_map.render.labels import agree
from lifeport_map.results import ClaimVerdict
from lifeport_map.results.shared import EmployeeSum
from tests.analysis_support import ANALYSIS, analysis_registry
from tests.conftest import FIXTURES

CLAIMS = FIXTURES / "claims" / "claims.yaml"


# --- dates: "29 november 2026", not 2026-11-29 ---------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "nl"),
    [
        ("2026-11-18", "18 november 2026"),
        ("2026-01-02", "2 januari 2026"),
        ("2020-11", "november 2020"),
        ("2026", "2026"),
        ("2026-13-01", "2026-13-01"),  # no date: as it is
        ("soon", "soon"),
    ],
)
def test_a_date_reads_as_a_dutch_date(iso: str, nl: str) -> None:
    assert format_date(iso, "nl") == nl
    assert format_date(iso, "en") == iso  # English keeps ISO 8601


def test_the_maps_credit_line_gives_the_date_in_words() -> None:
    made = Provenance("2026-11-18", "git 0123456789ab")
    assert provenance_line(made, "nl") == "kaart van 18 november 2026 · registerversie git 0123456789ab"
    assert provenance_line(made, "en") == "map of 2026-11-18 · registry version git 0123456789ab"


def test_the_brief_says_when_it_was_made_in_words(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lifeport_map.cli import app
    from tests.analysis_support import ANALYSIS_ARGS

    done = CliRunner().invoke(
        app,
        [*ANALYSIS_ARGS, "report", "--region", "nijmegen", "--output", str(tmp_path / "b"), "--lang", "nl"],
        env={"SOURCE_DATE_EPOCH": "1795000000"},  # 2026-11-18 UTC
    )
    assert done.exit_code == 0, done.output
    brief = (tmp_path / "b" / "brief.md").read_text(encoding="utf-8")
    assert "Gemaakt op 18 november 2026 uit registerversie " in brief
    # the caveats: the verb agrees with its count (6 counted sites, 1 without coordinates)
    assert "Werknemers: 4 van 6 getelde vestigingen (67 %) hebben een cijfer voor de vestiging zelf" in brief
    assert "Coördinaten: 5 van 6 vestigingen (83 %) liggen alleen op plaatsniveau" in brief
    assert "(de kern van de plaats, niet het gebouw); 1 heeft geen coördinaten." in brief
    assert "Controle: 6 van 6 vestigingen zijn nooit of langer dan 24 maanden geleden" in brief


# --- "1 vestigingen": a verb or noun agrees with its count ---------------------------------------


@pytest.mark.parametrize(
    ("n", "key", "nl", "en"),
    [
        (1, "have", "heeft", "has"),
        (0, "have", "hebben", "have"),
        (2, "have", "hebben", "have"),
        (1, "state", "noemt", "states"),
        (3, "state", "noemen", "state"),
        (1, "lie", "ligt", "is"),
        (1, "be", "is", "was"),
        (4, "be", "zijn", "were"),
    ],
)
def test_a_verb_agrees_with_its_count(n: int, key: str, nl: str, en: str) -> None:
    assert agree(n, key, "nl") == nl
    assert agree(n, key, "en") == en


def _sum(unstated: int, wider: int) -> EmployeeSum:
    return EmployeeSum(
        known=1000,
        sites_with_figure=1,
        sites_without_figure=2,
        known_max=1000,
        scope_unstated=unstated,
        wider_only=wider,
    )


def test_the_employee_scope_note_agrees_with_its_counts() -> None:
    assert employee_notes(_sum(1, 1), "nl") == [
        "Werknemers tellen alleen cijfers voor de vestiging zelf: 1 van de opgetelde cijfers noemt geen "
        "reikwijdte (als vestigingscijfer geteld); 1 vestiging heeft alleen een cijfer voor de hele "
        "organisatie of een regio (niet opgeteld)."
    ]
    assert employee_notes(_sum(2, 3), "nl") == [
        "Werknemers tellen alleen cijfers voor de vestiging zelf: 2 van de opgetelde cijfers noemen geen "
        "reikwijdte (als vestigingscijfer geteld); 3 vestigingen hebben alleen een cijfer voor de hele "
        "organisatie of een regio (niet opgeteld)."
    ]
    assert employee_notes(_sum(1, 1), "en") == [
        "Employees add only figures for the site itself: 1 of the figures added states no scope (counted "
        "as site figures); 1 site has only a figure for their whole organisation or a region (not added)."
    ]


# --- claims: one word for a claim, its facility in words, not codes -------------------------------


def _verdicts(registry_path: Path | None, lang: str) -> dict[str, ClaimVerdict]:
    registry = (
        analysis_registry() if registry_path is None else load_registry(registry_path, ANALYSIS / "regions")
    )
    return {v.id: v for v in evaluate_claims(registry, load_claims(CLAIMS, registry), lang=lang).claims}


@pytest.fixture(scope="module")
def described(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made registry with fab-nijmegen's facility described: a 200 mm wafer fab of
    12,000 wafer starts a week."""
    folder = tmp_path_factory.mktemp("described")
    text = (ANALYSIS / "companies.yaml").read_text(encoding="utf-8")
    anchor = '      - {value: 1000, year: 2026, scope: site, url: "https://example.org/fabco"}\n'
    facility = (
        "    facility:\n      type: wafer-fab\n      wafer_mm: [200]\n      capacity:\n"
        "        value: 12000\n        unit: wafer-starts-per-week\n        year: 2026\n"
        '        url: "https://example.org/fabco"\n'
    )
    assert text.count(anchor) == 1
    (folder / "companies.yaml").write_text(text.replace(anchor, anchor + facility), encoding="utf-8")
    shutil.copytree(ANALYSIS / "regions", folder / "regions")
    return folder / "companies.yaml"


def test_a_facility_finding_names_the_facility_in_words(described: Path) -> None:
    nl = _verdicts(described, "nl")["fab-facility"]
    assert nl.finding == (
        "Soort faciliteit: register Waferfab, claim Waferfab. Waferdiameter (mm): register 200, claim 200."
    )
    assert [e.detail for e in nl.evidence] == ["Waferfab, 200 mm"]
    en = _verdicts(described, "en")["fab-facility"]
    assert en.finding == (
        "Facility type: registry Wafer fab, claim Wafer fab. Wafer diameter (mm): registry 200, claim 200."
    )
    assert [e.detail for e in en.evidence] == ["Wafer fab, 200 mm"]


def test_sites_lacking_facility_fields_are_counted_in_the_right_number(described: Path) -> None:
    """Two sites without a described facility before; one after fab-nijmegen's is described."""
    two = _verdicts(None, "nl")["about-three-fab-plants"].finding
    assert "Van 2 vestigingen mist het register soort faciliteit; die zouden mee kunnen tellen: " in two
    one = _verdicts(described, "nl")["about-three-fab-plants"].finding
    assert (
        "Van 1 vestiging mist het register soort faciliteit; die zou mee kunnen tellen: foundry-enschede."
        in one
    )
    assert "1 more site lacks facility type in the registry and could count: foundry-enschede." in (
        _verdicts(described, "en")["about-three-fab-plants"].finding
    )


def test_missing_employee_figures_are_counted_in_the_right_number() -> None:
    assert _verdicts(None, "nl")["jobs-2026"].missing == (
        "werknemerscijfers van 1 vestiging in Thuisregio (design-nijmegen)",
    )
    assert _verdicts(None, "en")["jobs-2026"].missing == (
        "employee figures of 1 site in Home region (design-nijmegen)",
    )


@pytest.mark.parametrize(
    ("key", "params", "nl", "en"),
    [
        ("usage.unknown-claim", {"claim": "x"}, "onbekend claim-id 'x'", "unknown claim id 'x'"),
        ("claims.duplicate-id/hint", {}, "geef elke claim een eigen id", "give each claim its own id"),
        (
            "add.would-add",
            {"id": "a", "where": "f.yaml"},
            "'a' zou worden toegevoegd aan f.yaml",
            "would add 'a' at f.yaml",
        ),
        (
            "add.added",
            {"id": "a", "where": "f.yaml:3"},
            "'a' toegevoegd aan f.yaml:3",
            "added 'a' at f.yaml:3",
        ),
        (
            "cli.extra-arguments",
            {"arguments": "y z"},
            "Te veel argumenten opgegeven (y z)",
            "Got unexpected extra argument(s) (y z)",  # click's own words
        ),
    ],
)
def test_messages_say_it_as_a_dutch_reader_expects(
    key: str, params: dict[str, str], nl: str, en: str
) -> None:
    assert say(msg(key, **params), "nl") == nl
    assert say(msg(key, **params), "en") == en


# --- a figure reads the same in the finding and in the evidence -----------------------------------


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (0.7, "0,70", "0.70"),
        (1.16, "1,16", "1.16"),
        (3.0, "3", "3"),
        (1000, "1.000", "1,000"),
        (None, "-", "-"),
    ],
)
def test_an_evidence_number_has_the_decimals_of_its_finding(value: float | None, nl: str, en: str) -> None:
    from lifeport_map.render.analysis import _evidence_number

    assert _evidence_number(value, "nl") == nl
    assert _evidence_number(value, "en") == en


def test_a_location_quotient_is_rounded_once() -> None:
    """Leuven's 9 of 33 sites against 59 of 252 is 1.16487: 1,16 in the finding and in the
    evidence (it was 1,16 in one and 1,17 in the other, rounded from 1.165)."""
    quotient = (9 / 33) / (59 / 252)
    assert round(quotient, 2) == 1.16 and round(round(quotient, 3), 2) == 1.17  # the trap
    found = _verdicts(None, "nl")["home-production"]  # (3 / 6) / (5 / 8) = 0,80
    assert "Locatiequotiënt van Thuisregio: 0,80 (3 van 6 vestigingen)" in found.finding
    assert {n.key: n.value for n in found.numbers} == {"nijmegen": 0.8, "leuven": None, "dresden": 1.6}


# --- the same figure under the same words in the terminal, the brief and the maps -----------------


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    from typer.testing import CliRunner

    from lifeport_map.cli import app
    from tests.analysis_support import ANALYSIS_ARGS

    done = CliRunner().invoke(app, [*ANALYSIS_ARGS, *args], env={"COLUMNS": "200", **(env or {})})
    assert done.exit_code == 0, done.output
    return done.stdout


def test_whatif_says_before_and_after_without_a_second_colon() -> None:
    header = _run("whatif", "-r", "nijmegen", "-w", "fab-nijmegen", "--format", "csv", "--lang", "nl")
    assert header.splitlines()[0] == (
        "Fase;Vestigingen voor;Vestigingen na;Productierollen voor;Productierollen na;"
        "Werknemers (bekend) voor;Werknemers (bekend) na"
    )
    english = _run("whatif", "-r", "nijmegen", "-w", "fab-nijmegen", "--format", "csv", "--lang", "en")
    assert english.splitlines()[0] == (
        "Phase,Sites before,Sites after,Production roles before,Production roles after,"
        "Employees (known) before,Employees (known) after"
    )
    text = _run("whatif", "-r", "nijmegen", "-w", "fab-nijmegen", "--lang", "nl")
    assert "\nVerloren werknemers (bekend): 1.000\n" in text  # fab-nijmegen's 1000, no nested brackets
    assert "\nKwetsbare productie (één organisatie), na: " in text


def test_the_method_notes_under_near_and_gaps_are_sentences() -> None:
    near = _run("near", "Nijmegen", "--radius-km", "50", "--lang", "nl")
    assert (
        "Geodetische afstand over de WGS84-ellipsoïde (Karney, geographiclib) van het startpunt tot de "
        "coördinaten van de vestiging; precisie 'plaats' betekent coördinaten van de plaats."
    ) in near
    gaps = _run("gaps", "-r", "nijmegen", "--lang", "nl")
    assert "\nKandidaten zijn actieve vestigingen buiten de regio (onder de gekozen definitie)" in gaps
    assert "\nCandidates are active sites outside the region" in _run(
        "gaps", "-r", "nijmegen", "--lang", "en"
    )


def test_the_brief_names_fragile_production_as_coverage_does(tmp_path: Path) -> None:
    from lifeport_map.render.labels import label

    coverage = _run("coverage", "-r", "nijmegen", "--lang", "nl")
    assert "\nKwetsbare productie (één organisatie): " in coverage
    _run("report", "--region", "nijmegen", "--output", str(tmp_path / "b"), "--lang", "nl")
    brief = (tmp_path / "b" / "brief.md").read_text(encoding="utf-8")
    assert "\n## Kwetsbare productie (één organisatie)\n" in brief
    # the whole chain under coverage's words too (the comparison's column keeps the short form)
    assert "\nHele keten aanwezig: ja\n" in coverage and "\nHele keten aanwezig: ja\n" in brief
    assert "Eén producent" not in brief
    assert (
        label("single_producers", "en")
        == label("fragile_production", "en")
        == ("Fragile production (one organisation)")
    )


def test_the_brief_gives_candidates_in_whole_km_as_gaps_does(tmp_path: Path) -> None:
    """foundry-enschede is 82.x km from Nijmegen's centre: gaps says 83, and so does the brief."""
    import re

    gaps = _run("gaps", "-r", "nijmegen", "--lang", "nl")
    assert "(Enschede, 83)" in gaps
    _run("report", "--region", "nijmegen", "--output", str(tmp_path / "b"), "--lang", "nl")
    brief = (tmp_path / "b" / "brief.md").read_text(encoding="utf-8")
    assert "(Enschede, 83 km)" in brief
    assert not re.search(r"\d,\d km\)", brief)


def test_a_popup_says_werknemers_and_dates_its_events_in_words() -> None:
    from lifeport_map.render.maps import popup_html

    time = FIXTURES / "time"
    registry = load_registry(time / "companies.yaml", time / "regions")
    site = registry.site("bankrupt-osat")
    assert "<td>mei 2018 faillissement</td>" in popup_html(site, registry.taxonomy, "nl").replace("<br>", "")
    assert "<td>2018-05 bankruptcy</td>" in popup_html(site, registry.taxonomy, "en").replace("<br>", "")
    from lifeport_map.render.labels import label
    from lifeport_map.render.maps import site_record

    # the page's script writes a popup's events from the record: its date is in words too
    assert site_record(site, ["back-end"], "nl")["ev"] == [["mei 2018", "bankruptcy", None]]
    assert site_record(site, ["back-end"], "en")["ev"] == [["2018-05", "bankruptcy", None]]
    assert (label("employees", "nl"), label("employees", "en")) == ("Werknemers", "Employees")


def test_a_value_not_among_the_choices() -> None:
    assert say(msg("cli.not-one-of", value="'xls'", choices="'table', 'json'"), "nl") == (
        "'xls' is niet een van de keuzes 'table', 'json'."
    )
    assert say(msg("cli.not-one-of", value="'xls'", choices="'table', 'json'"), "en") == (
        "'xls' is not one of 'table', 'json'."
    )
