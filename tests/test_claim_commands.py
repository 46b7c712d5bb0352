"""Every claim's printed command reproduces the evidence the claim shows, with and without
``--year``: each command is run as printed (CliRunner, on the same registry and day) and its
output compared with the claim's evidence sites and numbers.

Registry and claims: the hand-made ones of tests/fixtures/analysis and tests/fixtures/claims
(every kind of check); 2000 looks back (closed-duiven still open, the plans not there), 2030
forward (planned-nijmegen opened as planned). The day is fixed at 2026-01-01.
"""

from __future__ import annotations

import json
import shlex
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.analysis_support import ANALYSIS_ARGS
from tests.conftest import FIXTURES

# (registry options, claims options): the hand-made registry and claims; the shipped ones
FIXTURE = ((*ANALYSIS_ARGS,), ("--claims", str(FIXTURES / "claims" / "claims.yaml")))
SHIPPED: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
ENV = {"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "200"}  # 2026-01-01
COMMANDS_WITH_YEAR = ("coverage", "compare", "stats", "near", "export")


def _json(args: list[str], base: tuple[str, ...]) -> Any:
    done = CliRunner().invoke(app, [*base, *args], env=ENV)
    assert done.exit_code == 0, (args, done.output)
    return json.loads(done.stdout)


@cache
def _claims(
    year: int | None, where: tuple[tuple[str, ...], tuple[str, ...]] = FIXTURE
) -> list[dict[str, Any]]:
    chosen = [] if year is None else ["--year", str(year)]
    found: list[dict[str, Any]] = _json(
        ["claims", *where[1], *chosen, "--format", "json", "--lang", "en"], where[0]
    )["claims"]
    return found


def _run(command: str, base: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Each command of a printed line ('a ; b'), run as printed (in JSON): (name, output)."""
    outputs = []
    for part in command.split(" ; "):
        words = shlex.split(part)
        assert words[0] == "lifeport-map", part
        if words[1] != "export" and "--format" not in words:
            words += ["--format", "json"]
        chosen = [*words[1:], "--lang", "en"] if words[1] != "export" else words[1:]
        outputs.append((words[1], _json(chosen, base)))
    return outputs


def _actors(coverage: dict[str, Any]) -> set[tuple[str, str]]:
    """(phase label, site id) of every site a coverage lists: the headline and the knowledge
    institutes beside it."""
    return {
        (p["label"], a["id"]) for p in coverage["phases"] for a in (*p["actors"], *p["knowledge"]["actors"])
    }


CASES = [(claim_id, year) for year in (None, 2000, 2030) for claim_id in [c["id"] for c in _claims(None)]]


@pytest.mark.parametrize(("claim_id", "year"), CASES, ids=[f"{c}-{y}" for c, y in CASES])
def test_the_printed_command_shows_the_evidence(claim_id: str, year: int | None) -> None:
    check_reproduces(next(c for c in _claims(year) if c["id"] == claim_id), year, FIXTURE[0])


def test_the_shipped_claims_printed_commands_show_their_evidence_in_2030() -> None:
    """The same on the shipped registry and claims (their filters, definitions and statuses)."""
    claims = _claims(2030, SHIPPED)
    assert len(claims) >= 30
    for claim in claims:
        check_reproduces(claim, 2030, SHIPPED[0])


def check_reproduces(claim: dict[str, Any], year: int | None, base: tuple[str, ...]) -> None:
    """Run ``claim``'s printed command(s) on the registry of ``base`` and compare."""
    if not claim["command"]:  # nothing to reproduce: the claim names what this registry lacks
        assert claim["verdict"] == "cannot-tell" and not claim["evidence"] and claim["missing"]
        return
    # every command in the line takes --year, and carries it exactly when the claims had it
    for part in claim["command"].split(" ; "):
        name = shlex.split(part)[1]
        assert name in COMMANDS_WITH_YEAR, part
        assert (f"lifeport-map {name} --year {year} " in part) is (year is not None), part
    outputs = _run(claim["command"], base)
    for _, output in outputs:  # the output is of the chain in that year, and says so
        if isinstance(output, dict) and "time" in output:
            assert output["time"]["year"] == year
    evidence = {(e["id"], e["detail"]) for e in claim["evidence"]}
    shown = {e["id"] for e in claim["evidence"] if not e["detail"].startswith("?")}
    name, first = outputs[0]
    check = claim["check"]
    if check == "whole-chain":
        assert name == "coverage"
        # the sites of each phase's headline, phase by phase
        headline = {(p["label"], a["id"]) for p in first["phases"] for a in p["actors"]}
        assert {(detail, site) for site, detail in evidence} == headline
        assert {n["key"]: n["value"] for n in claim["numbers"]} == {
            p["phase"]: p["count"] for p in first["phases"]
        }
    elif check == "whole-chain-unique":
        assert name == "compare"
        assert {n["key"]: n["value"] for n in claim["numbers"]} == {
            r["region"]["id"]: len(r["covered_phases"]) for r in first["regions"]
        }
    elif check == "count" and name == "near":
        # the sites it counted are exactly those near lists; the ones that may count but lack
        # the facility fields the claim asks about ('?...') exactly those the second command
        # (without those filters, for those sites) lists
        assert shown == {s["id"] for s in first["sites"]}
        unknown = {e["id"] for e in claim["evidence"] if e["detail"].startswith("?")}
        assert len(outputs) == (2 if unknown else 1)
        if unknown:
            assert unknown == {s["id"] for s in outputs[1][1]["sites"]}
    elif check == "count":  # in a region: coverage with every role and the claim's filters
        assert name == "coverage"
        # the active sites are those it counts; planned or under construction (a claim about the
        # pipeline) are among those it lists as the pipeline
        active = {
            e["id"] for e in claim["evidence"] if e["status"] == "active" and not e["detail"].startswith("?")
        }
        assert active == {i for _, i in _actors(first)}
        assert shown - active <= {p["id"] for p in first["pipeline"]}
        # the ones that may count but lack the facility fields asked about: exactly those the
        # second command (without those filters, for those sites) lists
        unknown = {e["id"] for e in claim["evidence"] if e["detail"].startswith("?")}
        assert len(outputs) == (2 if unknown else 1)
        if unknown:
            second = outputs[1][1]
            assert unknown == {i for _, i in _actors(second)} | {p["id"] for p in second["pipeline"]}
    elif check == "organisations-present":
        # the region's counted sites of the named organisations (that the registry holds)
        assert name == "coverage" and len(outputs) == 1
        here = {e["id"] for e in claim["evidence"] if not e["detail"]}
        assert here == {i for _, i in _actors(first)}
    elif check == "facility" and name == "near":
        (site,) = claim["evidence"]
        assert len(outputs) == 1
        assert [s["id"] for s in first["sites"]] == [site["id"]]  # near at the site, that site alone
    elif check == "facility":  # a site without coordinates: a region that holds it, that site alone
        (site,) = claim["evidence"]
        assert name == "coverage" and len(outputs) == 1
        assert {i for _, i in _actors(first)} | {p["id"] for p in first["pipeline"]} == {site["id"]}
    elif check == "rank":
        assert {n["key"]: n["value"] for n in claim["numbers"]} == {
            output["region"]["id"]: output["employees"]["known"] for _, output in outputs
        }
    elif check in ("employees", "figure-sum"):
        assert name == "stats"
        if claim["evidence"]:  # the sites with an employee figure that stats sums for the figure
            (figure,) = [f for f in first["figures"] if f["published"] == claim["expected"]]
            assert len(claim["evidence"]) == figure["sites_with_figure"]
    else:
        assert check == "specialisation"
        # per region: the sites doing the activities (first command) of all counted (second)
        notes = {n["key"]: n["note"] for n in claim["numbers"]}
        every = {r["region"]["id"]: r["sites"] for r in outputs[-1][1]["regions"]}
        if len(outputs) == 2:  # by activities: the sites doing them (first) of all counted
            assert [n for n, _ in outputs] == ["compare", "compare"]
            doing = {r["region"]["id"]: r["sites"] for r in first["regions"]}
            assert notes == {r: f"{doing[r]}/{every[r]}" for r in every}
        else:  # by phase: the phase's headline of all counted, one row of the matrix
            assert name == "compare"
            assert any(
                notes == {r: f"{row['sites'][r]}/{every[r]}" for r in every} for row in first["matrix"]
            )


def test_the_cases_cover_every_kind_of_check_and_both_directions_in_time() -> None:
    assert {c["check"] for c in _claims(None)} == {
        "whole-chain",
        "whole-chain-unique",
        "count",
        "organisations-present",
        "facility",
        "employees",
        "figure-sum",
        "rank",
        "specialisation",
    }
    # the years change what the claims see: closed-duiven counts in 2000, not today
    fabs = {year: next(c for c in _claims(year) if c["id"] == "fabs-nl") for year in (None, 2000)}
    assert "closed-duiven" in {e["id"] for e in fabs[2000]["evidence"]}
    assert "closed-duiven" not in {e["id"] for e in fabs[None]["evidence"]}


# A facility claim about a site without coordinates: near cannot place it, so its command is the
# coverage of a region that holds it (the default definition, else another), for that site alone.
UNPLACED_SITES = """\
  - id: pilot-duiven
    name: Pilotco Duiven
    organisation: Pilotco
    kind: idm
    activities: [wafer-fab]
    status: planned
    since: 2028
    location: {place: Duiven, municipality: Duiven, country: NL}
    facility: {type: pilot-line, wafer_mm: [200]}
    sources:
      - {url: "https://example.org/pilotco", year: 2026}
  - id: fab-arnhem
    name: Arnco Arnhem
    organisation: Arnco
    kind: idm
    activities: [wafer-fab]
    status: active
    location: {place: Arnhem, municipality: Arnhem, country: NL}
    facility: {type: wafer-fab, wafer_mm: [150]}
    sources:
      - {url: "https://example.org/arnco", year: 2026}
"""
ARNHEM_DEFINITION = """\
  - id: with-arnhem
    type: municipalities
    name: {nl: Met Arnhem, en: With Arnhem}
    municipalities:
      - {code: GM0268, name: Nijmegen}
      - {code: GM0226, name: Duiven}
      - {code: GM0202, name: Arnhem}
    source: {url: "https://example.org/def", year: 2026}
"""


def _facility_claim(claim_id: str, site: str, facility: str) -> str:
    return (
        f"  - id: {claim_id}\n"
        f"    claim: {{nl: {claim_id}, en: {claim_id}}}\n"
        "    who: Tester\n"
        '    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}\n'
        f'    quote: "{claim_id}"\n'
        f"    check: {{type: facility, site: {site}, facility: {facility}}}\n"
    )


def test_a_facility_claim_on_a_site_without_coordinates_prints_a_command_for_that_site(
    tmp_path: Path,
) -> None:
    from tests.analysis_support import ANALYSIS

    registry = tmp_path / "companies.yaml"
    text = (ANALYSIS / "companies.yaml").read_text(encoding="utf-8")
    registry.write_text(text.replace("sites:\n", "sites:\n" + UNPLACED_SITES, 1), encoding="utf-8")
    regions = tmp_path / "regions"
    shutil.copytree(ANALYSIS / "regions", regions)
    home = regions / "nijmegen.yaml"
    home_text = home.read_text(encoding="utf-8")
    home.write_text(home_text.replace("figures:\n", ARNHEM_DEFINITION + "figures:\n", 1), encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "claims:\n"
        + _facility_claim("pilot", "pilot-duiven", "{type: pilot-line, wafer_mm: 200}")
        + _facility_claim("design", "design-nijmegen", "{type: wafer-fab}")
        + _facility_claim("arnhem", "fab-arnhem", "{wafer_mm: 150}")
        + _facility_claim("ghost", "fab-nocoords", "{type: wafer-fab}")
        + _facility_claim("placed", "fab-nijmegen", "{type: wafer-fab}"),
        encoding="utf-8",
    )
    base = ("--registry", str(registry), "--regions", str(regions))
    for year in (None, 2030):
        chosen = [] if year is None else ["--year", str(year)]
        found = {
            c["id"]: c
            for c in _json(
                ["claims", "--claims", str(claims), *chosen, "--format", "json", "--lang", "en"], base
            )["claims"]
        }
        when = "" if year is None else f" --year {year}"
        home = f"lifeport-map coverage{when} --region nijmegen"
        assert {k: c["command"] for k, c in found.items()} == {
            # planned: in the pipeline of the home region (default definition), 2030 among its sites
            "pilot": f"{home} --roles all --site pilot-duiven --format json",
            "design": f"{home} --roles all --site design-nijmegen --format json",
            # in the home region only under its second municipality list
            "arnhem": f"{home} --definition with-arnhem --roles all --site fab-arnhem --format json",
            # no coordinates and in no region: no filtered command can show it
            "ghost": f"lifeport-map export{when} --format json",
            "placed": f"lifeport-map near{when} 51.8425,5.85278 --radius-km 0.1 --site fab-nijmegen "
            "--format json",
        }
        assert (found["pilot"]["verdict"], found["arnhem"]["verdict"]) == ("holds", "holds")
        for claim_id in ("pilot", "design", "arnhem", "placed"):
            check_reproduces(found[claim_id], year, base)
