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
from functools import cache
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
    elif check == "facility":
        (site,) = claim["evidence"]
        assert len(outputs) == 1
        assert [s["id"] for s in first["sites"]] == [site["id"]]  # near at the site, that site alone
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
