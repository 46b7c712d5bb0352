"""Claims as data: the claims file is read strictly, each check is answered from the registry
with a verdict worked out by hand below, and the CLI, validate, the brief and diff show them.

The hand-made registry (tests/fixtures/analysis): home region nijmegen holds fab-nijmegen
(Fabco: wafer fab and chip design, 1000 employees), design-nijmegen (Designco, no figure),
osat-duiven (Packco, 300), ems-duiven (Systemco, 50), uni-nijmegen (200) and network-nijmegen;
dresden holds Saxfab's fab-dresden (3000) and fab2-dresden (foundry and assembly, no figure);
foundry-enschede (Twentefab) is a foundry 83 km from Nijmegen; no site describes a facility.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_cli

from lifeport_map.analysis.claims import CANNOT_TELL, DOES_NOT_HOLD, HOLDS, evaluate_claims
from lifeport_map.claims import read_claims
from lifeport_map.errors import RegistryError
from lifeport_map.results import ClaimVerdict
from tests.analysis_support import ANALYSIS, ANALYSIS_ARGS, analysis_registry

CLAIMS = FIXTURES / "claims"
CLAIMS_ARGS = [*ANALYSIS_ARGS, "claims", "--claims", str(CLAIMS / "claims.yaml")]


def verdicts(lang: str = "en") -> dict[str, ClaimVerdict]:
    from lifeport_map.claims import load_claims

    registry = analysis_registry()
    result = evaluate_claims(registry, load_claims(CLAIMS / "claims.yaml", registry), lang=lang)
    return {v.id: v for v in result.claims}


def test_every_fixture_claim_gets_its_hand_computed_verdict() -> None:
    assert {k: v.verdict for k, v in verdicts().items()} == {
        "whole-chain-home": HOLDS,  # production in all four phases: Fabco, Fabco, Packco, Systemco
        "whole-chain-dresden": DOES_NOT_HOLD,  # no design, no system integration
        "unique-home": HOLDS,  # leuven is empty, dresden lacks two phases
        "only-fab": DOES_NOT_HOLD,  # Twentefab's foundry in Enschede is within 200 km too
        "fabs-nl": HOLDS,  # fab-nijmegen and foundry-enschede
        "about-three-fab-plants": CANNOT_TELL,  # no facility described: 0, 1 or 2 plants
        "saxfab-owners": DOES_NOT_HOLD,  # both Dresden fabs belong to Saxfab
        "present": HOLDS,
        "present-elsewhere": DOES_NOT_HOLD,  # Saxfab is in the registry, in Dresden
        "present-unknown": CANNOT_TELL,  # Nobody is not in the registry at all
        "fab-facility": CANNOT_TELL,  # the fab's facility is not described
        "jobs-2026": CANNOT_TELL,  # 3 of 4 pillar sites have a figure: 75 % < 80 %
        "jobs-2034": CANNOT_TELL,  # a scenario
        "jobs-add-up": HOLDS,  # 1200 + 400 + 900 + 250 + 100 = 2850
        "first-by-jobs": CANNOT_TELL,  # dresden: 1 of 2 sites with a figure
        "home-production": DOES_NOT_HOLD,  # LQ (3/6) / (5/8) = 0.8
        "dresden-production": CANNOT_TELL,  # LQ 1.6, but on two sites
    }


def test_a_count_shows_its_sites_what_differs_from_the_claim_and_the_command() -> None:
    found = verdicts()["only-fab"]
    assert (found.observed, found.expected) == (2, 1)
    assert [e.id for e in found.evidence] == ["fab-nijmegen", "foundry-enschede"]
    assert found.evidence[1].distance_km == pytest.approx(82.9, abs=0.5)
    assert "Counted but not named: foundry-enschede." in found.finding
    assert found.breakdown is not None and found.breakdown.countries == {"NL": 2}
    assert found.command == (
        "lifeport-map near Nijmegen --radius-km 200 --activity wafer-fab --activity foundry --kind companies"
    )


def test_the_command_reproduces_the_evidence() -> None:
    found = verdicts()["only-fab"]
    args = found.command.split()[1:]
    result = run_cli(*ANALYSIS_ARGS, *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [s["id"] for s in json.loads(result.stdout)["sites"]] == [e.id for e in found.evidence]


def test_unknown_facility_fields_make_a_count_undecided_and_are_named() -> None:
    found = verdicts()["about-three-fab-plants"]
    assert found.observed == 0
    assert found.missing == ("facility type of fab-nijmegen, foundry-enschede",)
    assert [e.detail for e in found.evidence] == ["?facility type", "?facility type"]


def test_organisations_present_elsewhere_or_missing() -> None:
    found = verdicts()
    assert "Saxfab (Dresden [active], Dresden [active])" in found["present-elsewhere"].finding
    assert found["present-unknown"].missing == ("a registry entry for Nobody",)


def test_employment_states_its_coverage() -> None:
    jobs = verdicts()["jobs-2026"]
    assert jobs.observed == 1350 and jobs.expected == 2850  # 1000 + 300 + 50
    assert "Employee figures for 3 of 4 sites (75%)" in jobs.finding
    assert jobs.missing == ("employee figures of 1 site in Home region (design-nijmegen)",)
    assert verdicts()["jobs-2034"].missing == ("employment in 2034",)


def test_specialisation_quotients_by_hand() -> None:
    found = verdicts()["home-production"]
    assert found.observed == 0.8  # (3 / 6) / (5 / 8)
    numbers = {n.key: (n.value, n.note) for n in found.numbers}
    assert numbers == {"nijmegen": (0.8, "3/6"), "leuven": (None, "0/0"), "dresden": (1.6, "2/2")}


def test_dutch_verdicts_and_numbers() -> None:
    found = verdicts("nl")
    assert found["only-fab"].verdict_label == "klopt niet"
    assert found["jobs-2026"].finding.startswith(
        "Werknemerscijfers voor 3 van 4 vestigingen (75 %); som 1.350"
    )


# --- the claims file is read strictly -------------------------------------------------------------


def test_every_problem_of_a_claims_file_is_reported_with_its_position() -> None:
    registry = analysis_registry()
    claims, issues = read_claims(CLAIMS / "invalid.yaml", registry.taxonomy)
    from lifeport_map.claims import check_claims

    issues += check_claims(claims, registry)
    found = {(i.code, i.entry, i.line) for i in issues}
    assert found == {
        ("schema.unknown-field", "bad-field", 13),
        ("schema.unknown-expect-op", "bad-op", 19),
        ("schema.required", "no-quote", 20),
        ("claims.unknown-region", "unknown-things", 30),
        ("claims.check-incomplete", "incomplete", 36),
        ("claims.unknown-site", "incomplete", 36),
        ("claims.duplicate-id", "good", 37),
    }
    assert all(i.col > 0 and i.hint for i in issues)
    assert [c.id for c in claims] == ["good", "unknown-things", "incomplete"]


def test_the_claims_command_reports_an_invalid_file_and_exits_1() -> None:
    result = run_cli(*ANALYSIS_ARGS, "claims", "--claims", str(CLAIMS / "invalid.yaml"))
    assert result.returncode == 1
    assert f"{CLAIMS / 'invalid.yaml'}:13:" in result.stderr and "bedoelt u 'region'?" in result.stderr  # nl
    assert "Traceback" not in result.stderr


def test_load_claims_raises_with_every_issue() -> None:
    from lifeport_map.claims import load_claims

    with pytest.raises(RegistryError) as caught:
        load_claims(CLAIMS / "invalid.yaml", analysis_registry())
    assert len(caught.value.issues) == 7


def test_validate_checks_the_claims_file_next_to_the_registry(tmp_path: Path) -> None:
    shutil.copy(ANALYSIS / "companies.yaml", tmp_path / "companies.yaml")
    shutil.copy(CLAIMS / "invalid.yaml", tmp_path / "claims.yaml")
    args = ["--registry", str(tmp_path / "companies.yaml"), "--regions", str(ANALYSIS / "regions")]
    result = run_cli(*args, "validate")
    assert result.returncode == 1
    assert f"{tmp_path / 'claims.yaml'}:30:" in result.stdout + result.stderr
    shutil.copy(CLAIMS / "claims.yaml", tmp_path / "claims.yaml")
    assert run_cli(*args, "validate").returncode == 0


# --- the command ----------------------------------------------------------------------------------


def test_claims_exit_0_even_when_claims_do_not_hold() -> None:
    result = run_cli(*CLAIMS_ARGS, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "only-fab" in result.stdout and "does not hold" in result.stdout
    assert "5 hold, 5 do not hold, 7 cannot tell" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_claims_formats(fmt: str) -> None:
    result = run_cli(*CLAIMS_ARGS, "--format", fmt, "--id", "only-fab", "--id", "jobs-2026")
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert [c["verdict"] for c in data["claims"]] == [DOES_NOT_HOLD, CANNOT_TELL]
        assert data["totals"] == {"holds": 0, "does_not_hold": 1, "cannot_tell": 1}
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))  # Dutch: ';'
        assert [r[0] for r in rows] == ["Claim", "only-fab", "jobs-2026"]
        assert rows[1][1] == "klopt niet"
    else:
        assert "## only-fab: klopt niet" in result.stdout


def test_an_unknown_claim_id_is_a_usage_error() -> None:
    result = run_cli(*CLAIMS_ARGS, "--id", "only-fabs")
    assert result.returncode == 2
    assert "only-fab" in result.stderr


# --- the shipped claims ---------------------------------------------------------------------------


def test_every_shipped_claim_gets_a_verdict_with_evidence_or_named_missing_data() -> None:
    result = run_cli("claims", "--format", "json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) >= 20
    for claim in claims:
        assert claim["verdict"] in (HOLDS, DOES_NOT_HOLD, CANNOT_TELL)
        assert claim["quote"] and claim["source"]["title"] and claim["who"], claim["id"]
        assert claim["command"].startswith("lifeport-map "), claim["id"]
        if claim["verdict"] == CANNOT_TELL:
            assert claim["missing"], claim["id"]
        else:
            assert claim["evidence"] or claim["numbers"] or claim["finding"], claim["id"]


def test_the_shipped_claims_file_is_valid() -> None:
    from lifeport_map.claims import load_claims
    from lifeport_map.registry import load_registry

    registry = load_registry(check=False)
    assert len(load_claims(ROOT / "data" / "claims.yaml", registry)) >= 20


# --- brief and diff -------------------------------------------------------------------------------


def test_the_brief_shows_the_verdicts() -> None:
    from lifeport_map.analysis.brief import brief
    from lifeport_map.claims import load_claims
    from lifeport_map.render.report import render_brief

    registry = analysis_registry()
    data = brief(registry, "nijmegen", lang="en", claims=load_claims(CLAIMS / "claims.yaml", registry))
    md = render_brief(data, "en").markdown
    section = md.split("\n## Claims of the policy documents\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 17
    assert "| Only fab | does not hold | The registry counts 2 sites" in section


def test_diff_reports_the_verdicts_a_change_flips(tmp_path: Path) -> None:
    shutil.copy(CLAIMS / "claims.yaml", tmp_path / "claims.yaml")
    old = tmp_path / "companies.yaml"
    shutil.copy(ANALYSIS / "companies.yaml", old)
    new = tmp_path / "new.yaml"
    # Twentefab's foundry closes: the fab in Nijmegen is then the only one within 200 km
    text = old.read_text(encoding="utf-8")
    start = text.index("  - id: foundry-enschede\n")
    new.write_text(
        text[:start] + text[start:].replace("status: active", "status: closed", 1), encoding="utf-8"
    )
    args = ["--registry", str(old), "--regions", str(ANALYSIS / "regions")]
    result = run_cli(*args, "diff", str(old), str(new), "--format", "json")
    assert result.returncode == 0, result.stderr
    flips = json.loads(result.stdout)["claims"]
    assert [(f["id"], f["old"], f["new"]) for f in flips] == [
        ("only-fab", DOES_NOT_HOLD, HOLDS),
        ("fabs-nl", HOLDS, DOES_NOT_HOLD),
        # only the Nijmegen fab may still be a plant without a described facility: at most 1
        ("about-three-fab-plants", CANNOT_TELL, DOES_NOT_HOLD),
    ]
    markdown = run_cli(*args, "diff", str(old), str(new), "--format", "markdown", "--lang", "en").stdout
    assert "| only-fab | does not hold | holds |" in markdown
    dutch = run_cli(*args, "diff", str(old), str(new), "--format", "markdown", "--lang", "nl").stdout
    assert "| claim | oud | nieuw | register |" in dutch
    assert "| only-fab | klopt niet | klopt |" in dutch
    assert "| about-three-fab-plants | niet te zeggen | klopt niet |" in dutch
    text = run_cli(*args, "diff", str(old), str(new)).stdout  # Dutch by default
    assert "Claims waarvan het oordeel verandert:" in text
    assert "  fabs-nl: klopt -> klopt niet: " in text


def test_a_planted_claims_file_is_refused_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("token=abcdef0123456789\n", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ANALYSIS / "companies.yaml", folder / "companies.yaml")
    (folder / "claims.yaml").symlink_to(secret)
    args = ["--registry", str(folder / "companies.yaml"), "--regions", str(ANALYSIS / "regions")]
    for command in (["validate"], ["claims"]):
        result = run_cli(*args, *command)
        assert result.returncode in (1, 3), result.stderr
        assert "claims.yaml" in result.stdout + result.stderr
        assert "abcdef0123456789" not in result.stdout + result.stderr


def test_lists_of_ids_are_never_cut() -> None:
    """Ids are what a user copies into whatif: a list of them is given whole, however long (it
    ended in '…' after 8 or 12 ids)."""
    from lifeport_map.analysis.claims import _ids

    ids = [f"site-{n:02d}" for n in range(20)]
    assert _ids(ids) == ", ".join(ids)
    assert _ids(iter(ids)).endswith("site-18, site-19")


def test_no_shipped_claim_cuts_a_list_of_ids() -> None:
    result = run_cli("claims", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "…" not in result.stdout


def test_claims_record_their_year_and_reproduce_it() -> None:
    """claims --year: the JSON records the year, the table title names it, and every command it
    prints carries it (coverage, compare, stats, near, export: all take --year; that each shows
    the evidence is tests/test_claim_commands.py)."""
    done = run_cli(*CLAIMS_ARGS, "--year", "2000", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["year"] == 2000
    commands = [c["command"] for c in data["claims"]]
    printed = [p.strip() for c in commands if c for p in c.split(";")]
    assert {p.split()[1] for p in printed} >= {"coverage", "compare", "stats", "near"}
    assert all(p.split()[2:4] == ["--year", "2000"] for p in printed)
    assert "year" not in json.loads(run_cli(*CLAIMS_ARGS, "--format", "json").stdout)
    markdown = run_cli(*CLAIMS_ARGS, "--year", "2000", "--format", "markdown").stdout
    assert markdown.startswith("## Claims uit de beleidsstukken, 2000\n")
