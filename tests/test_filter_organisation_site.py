"""The organisation and site-id filters (``--organisation``, ``--site``) on a registry built
here, by hand:

- a-fab (Fabco, idm, wafer fab) in Nijmegen, 51.8425 5.85278: the region centre;
- a-dresden (Fabco, idm, wafer fab) in Dresden, outside the region;
- b-design (Designco, fabless, chip design) in Nijmegen;
- c-ems (Systemco, ems) in Duiven.

Region nijmegen: the municipalities Nijmegen and Duiven (tests/fixtures/analysis).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import FIXTURES

SITES = """\
sites:
  - id: a-fab
    name: Fabco Nijmegen
    organisation: Fabco
    kind: idm
    activities: [wafer-fab]
    status: active
    location: {place: Nijmegen, municipality: Nijmegen, country: NL, lat: 51.8425, lon: 5.85278}
    sources:
      - {url: "https://example.org/fabco", year: 2025}
  - id: a-dresden
    name: Fabco Dresden
    organisation: Fabco
    kind: idm
    activities: [wafer-fab]
    status: active
    location: {place: Dresden, municipality: Dresden, country: DE, lat: 51.05089, lon: 13.73832}
    sources:
      - {url: "https://example.org/fabco", year: 2025}
  - id: b-design
    name: Designco Nijmegen
    organisation: Designco
    kind: fabless
    activities: [chip-design]
    status: active
    location: {place: Nijmegen, municipality: Nijmegen, country: NL, lat: 51.8425, lon: 5.85278}
    sources:
      - {url: "https://example.org/designco", year: 2025}
  - id: c-ems
    name: Systemco Duiven
    organisation: Systemco
    kind: ems
    activities: [ems]
    status: active
    location: {place: Duiven, municipality: Duiven, country: NL, lat: 51.94667, lon: 6.01389}
    sources:
      - {url: "https://example.org/systemco", year: 2025}
"""

CLAIMS = """\
claims:
  - id: nobody-here
    claim: {nl: Nobody hier, en: Nobody here}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "Nobody is here"
    check: {type: organisations-present, region: nijmegen, organisations: [Nobody]}
  - id: systemco-fab-here
    claim: {nl: Fabco en Systemco maken wafers hier, en: Fabco and Systemco make wafers here}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "Fabco and Systemco make wafers here"
    check:
      type: organisations-present
      region: nijmegen
      organisations: [fabco, Systemco]
      activities: [wafer-fab]
"""


@pytest.fixture
def registry(tmp_path: Path) -> list[str]:
    (tmp_path / "companies.yaml").write_text(SITES, encoding="utf-8")
    (tmp_path / "regions").mkdir()
    shutil.copy(FIXTURES / "analysis" / "regions" / "nijmegen.yaml", tmp_path / "regions")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return ["--registry", str(tmp_path / "companies.yaml"), "--regions", str(tmp_path / "regions")]


def _run(base: list[str], *args: str) -> Any:
    done = CliRunner().invoke(app, [*base, *args, "--format", "json", "--lang", "en"])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def _listed(coverage: dict[str, Any]) -> set[str]:
    return {a["id"] for p in coverage["phases"] for a in (*p["actors"], *p["knowledge"]["actors"])}


def test_organisation_is_the_whole_name_in_any_case(registry: list[str]) -> None:
    found = _run(registry, "coverage", "--region", "nijmegen", "--roles", "all", "--organisation", "FABCO")
    assert _listed(found) == {"a-fab"}  # a-dresden is Fabco's too, but outside the region
    assert found["filters"]["organisations"] == ["FABCO"]
    two = ("--organisation", "fabco", "--organisation", "Systemco")
    assert _listed(_run(registry, "coverage", "--region", "nijmegen", "--roles", "all", *two)) == {
        "a-fab",
        "c-ems",
    }
    # near: both of Fabco's sites, nearest first (0 km, then Dresden, about 555 km east)
    near = _run(registry, "near", "51.8425,5.85278", "--radius-km", "1000", "--organisation", "Fabco")
    assert [s["id"] for s in near["sites"]] == ["a-fab", "a-dresden"]
    assert 540 < near["sites"][1]["distance_km"] < 570


def test_site_ids_select_exactly_those_sites(registry: list[str]) -> None:
    found = _run(registry, "coverage", "--region", "nijmegen", "--roles", "all", "--site", "b-design")
    assert _listed(found) == {"b-design"} and found["filters"]["ids"] == ["b-design"]
    # across options a site must pass each: b-design is not Fabco's
    both = ("--site", "b-design", "--site", "a-fab", "--organisation", "Fabco")
    assert _listed(_run(registry, "coverage", "--region", "nijmegen", "--roles", "all", *both)) == {"a-fab"}
    near = _run(registry, "near", "51.8425,5.85278", "--radius-km", "0.1", "--site", "b-design")
    assert [s["id"] for s in near["sites"]] == ["b-design"]  # a-fab is at the same spot
    compared = _run(registry, "compare", "nijmegen", "--roles", "all", "--site", "a-fab", "--site", "c-ems")
    assert compared["regions"][0]["sites"] == 2


def test_without_the_new_options_the_json_is_as_before(registry: list[str]) -> None:
    found = _run(registry, "coverage", "--region", "nijmegen", "--roles", "all", "--country", "NL")
    assert "organisations" not in found["filters"] and "ids" not in found["filters"]
    near = _run(registry, "near", "51.8425,5.85278", "--radius-km", "1")
    assert "organisations" not in near["filters"] and "ids" not in near["filters"]


@pytest.mark.parametrize(
    ("option", "value", "message", "hint"),
    [
        ("--site", "a-fabb", "unknown site id 'a-fabb'", "did you mean: a-fab"),
        ("--site", "zzz", "unknown site id 'zzz'", "lifeport-map export"),
        ("--organisation", "Fabc", "no site of organisation 'Fabc'", "did you mean: Fabco"),
        ("--organisation", "Fab", "no site of organisation 'Fab'", "whole name"),
    ],
)
def test_unknown_sites_and_organisations_are_usage_errors(
    registry: list[str], option: str, value: str, message: str, hint: str
) -> None:
    for command in (["coverage", "--region", "nijmegen"], ["near", "Nijmegen"], ["compare", "nijmegen"]):
        done = CliRunner().invoke(app, [*registry, *command, option, value, "--lang", "en"])
        assert done.exit_code == 2, (command, done.output)
        assert message in done.stderr and hint in done.stderr, done.stderr
        assert "Traceback" not in done.output


def test_organisations_present_prints_a_command_for_exactly_its_sites(registry: list[str]) -> None:
    claims = {
        c["id"]: c
        for c in _run(registry, "claims", "--claims", str(Path(registry[1]).parent / "claims.yaml"))["claims"]
    }
    # no organisation the registry holds: nothing to reproduce
    nobody = claims["nobody-here"]
    assert (nobody["verdict"], nobody["command"], nobody["evidence"]) == ("cannot-tell", "", [])
    # Fabco makes wafers here, Systemco only elsewhere in the chain (ems): the command names both
    # and lists Fabco's wafer fab alone
    fab = claims["systemco-fab-here"]
    assert fab["verdict"] == "does-not-hold"
    assert fab["command"] == (
        "lifeport-map coverage --region nijmegen --roles all --activity wafer-fab "
        "--organisation fabco --organisation Systemco"
    )
    shown = _run(registry, *fab["command"].split()[1:])
    assert _listed(shown) == {"a-fab"} == {e["id"] for e in fab["evidence"] if not e["detail"]}
