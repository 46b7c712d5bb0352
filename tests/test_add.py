"""`lifeport-map add`: a new site in canonical position, or a refusal that changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.registry import check_registry

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
REGIONS = CONTRIB / "regions"
ACME = [
    "--name",
    "Acme Nijmegen",
    "--organisation",
    "Acme",
    "--kind",
    "supplier",
    "--activity",
    "equipment-components",
    "--place",
    "Nijmegen",
    "--country",
    "NL",
    "--source-url",
    "https://acme.example.org/news",
    "--source-year",
    "2026",
]


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    target = tmp_path / "companies.yaml"
    shutil.copyfile(CONTRIB / "companies.yaml", target)
    return target


def _add(registry: Path, *args: str) -> tuple[int, str, str]:
    """``add`` in English (tests/test_contrib_lang.py runs its messages in both languages)."""
    options = [
        "--registry",
        str(registry),
        "--regions",
        str(REGIONS),
        "add",
        "--no-interactive",
        "--lang",
        "en",
    ]
    done = run_cli(*options, *args)
    return done.returncode, done.stdout, done.stderr


def test_add_inserts_in_canonical_position_with_place_coordinates(registry: Path) -> None:
    code, out, err = _add(registry, *ACME)
    assert code == 0, err
    text = registry.read_text(encoding="utf-8")
    ids = [line.split(": ")[1] for line in text.splitlines() if line.startswith("  - id: ")]
    assert ids == ["acme-nijmegen", "alpha-nijmegen", "beta-duiven", "gamma-dresden"]
    assert (
        """  - id: acme-nijmegen
    name: Acme Nijmegen
    organisation: Acme
    kind: supplier
    activities: [equipment-components]
    status: active
    location:
      place: Nijmegen
      municipality: Nijmegen
      country: NL
      lat: 51.8425
      lon: 5.85278
      precision: place
      note: "Approximate: coordinates of the place Nijmegen (GeoNames 2750053), not of the site itself."
    sources:
      - url: "https://acme.example.org/news"
        year: 2026
"""
        in text
    )
    assert "added 'acme-nijmegen' at" in err and "companies.yaml:3" in err
    assert "regions (default definitions): nijmegen" in err
    assert "- id: acme-nijmegen" in out
    assert not check_registry(registry, REGIONS).errors


def test_existing_id_is_refused_and_the_file_is_byte_identical(registry: Path) -> None:
    before = registry.read_bytes()
    code, _, err = _add(registry, *ACME, "--id", "beta-duiven")
    assert code == 1
    assert f"id 'beta-duiven' is already used by the entry at {registry}:19" in err
    assert registry.read_bytes() == before


def test_existing_id_in_a_copy_of_the_shipped_registry(tmp_path: Path) -> None:
    target = tmp_path / "companies.yaml"
    shutil.copyfile(ROOT / "data" / "companies.yaml", target)
    before = target.read_bytes()
    first_id = next(
        line.split(": ")[1].strip('"') for line in before.decode().splitlines() if line.startswith("  - id: ")
    )
    done = run_cli("--registry", str(target), "add", "--no-interactive", *ACME, "--id", first_id)
    assert done.returncode == 1
    assert f"wordt al gebruikt door de vermelding op {target}:" in done.stderr  # Dutch by default
    assert target.read_bytes() == before


def test_same_organisation_in_the_same_municipality_is_refused(registry: Path) -> None:
    before = registry.read_bytes()
    code, _, err = _add(
        registry,
        "--name",
        "Alpha Packaging",
        "--organisation",
        "Alpha B.V.",
        "--kind",
        "osat",
        "--activity",
        "osat",
        "--place",
        "Nijmegen",
        "--country",
        "NL",
        "--source-url",
        "https://example.org/a2",
        "--source-year",
        "2026",
        "--id",
        "alpha-packaging-nijmegen",
    )
    assert code == 1
    assert f"'Alpha' already has a site in Nijmegen: 'alpha-nijmegen' at {registry}:3" in err
    assert "--another-site" in err
    assert registry.read_bytes() == before
    code, _, err = _add(
        registry,
        "--name",
        "Alpha Packaging",
        "--organisation",
        "Alpha B.V.",
        "--kind",
        "osat",
        "--activity",
        "osat",
        "--place",
        "Nijmegen",
        "--country",
        "NL",
        "--source-url",
        "https://example.org/a2",
        "--source-year",
        "2026",
        "--id",
        "alpha-packaging-nijmegen",
        "--another-site",
    )
    assert code == 0, err


def test_an_entry_the_validator_rejects_is_not_written(registry: Path) -> None:
    before = registry.read_bytes()
    # options are checked like answers before anything else: invalid data (1) named by its
    # field, never a crash (4)
    code, _, err = _add(registry, *ACME[:-2], "--source-year", "1500")
    assert code == 1 and "--source-year (sources[0].year): '1500' is not a year" in err
    code, _, err = _add(registry, *[a if a != "equipment-components" else "dreaming" for a in ACME])
    assert code == 1 and "--activity (activities): 'dreaming' is not an activity" in err
    assert registry.read_bytes() == before


def test_missing_options_without_a_terminal_are_a_usage_error(registry: Path) -> None:
    before = registry.read_bytes()
    code, _, err = _add(registry, "--name", "Only a name")
    assert code == 2
    assert "missing --organisation, --kind, --activity, --place, --country" in err
    assert registry.read_bytes() == before


def test_a_file_not_in_canonical_form_is_refused(registry: Path) -> None:
    shutil.copyfile(CONTRIB / "messy.yaml", registry)
    before = registry.read_bytes()
    code, _, err = _add(registry, *ACME)
    assert code == 1 and "run 'lifeport-map fmt' first" in err
    assert registry.read_bytes() == before


def test_dry_run_writes_nothing(registry: Path) -> None:
    before = registry.read_bytes()
    code, out, err = _add(registry, *ACME, "--dry-run")
    assert code == 0 and "would add 'acme-nijmegen'" in err and "- id: acme-nijmegen" in out
    assert registry.read_bytes() == before


def test_unknown_place_adds_no_coordinates(registry: Path) -> None:
    code, _, err = _add(
        registry,
        *[a if a != "Nijmegen" else "Nowhereville" for a in ACME],
        "--municipality",
        "Nowhere Municipality",
    )
    assert code == 0, err
    assert "not in the offline gazetteer" in err
    assert "regions (default definitions): none of the defined regions" in err
    text = registry.read_text(encoding="utf-8")
    assert (
        "      place: Nowhereville\n      municipality: Nowhere Municipality\n"
        "      country: NL\n    sources:" in text
    )


def test_an_unknown_place_in_a_known_municipality_gets_its_coordinates(registry: Path) -> None:
    code, _, err = _add(
        registry, *[a if a != "Nijmegen" else "Noviotech Campus" for a in ACME], "--municipality", "Nijmegen"
    )
    assert code == 0, err
    assert "from GeoNames 'Nijmegen' (51.8425, 5.85278)" in err


def test_interactive_questions_fill_what_is_missing(registry: Path) -> None:
    answers = (
        "\n".join(
            [
                "Acme Nijmegen",
                "Acme",
                "supplier",
                "equipment-components",
                "",  # country: the default NL (asked before the place, to check it there)
                "Nijmegen",
                "",
                "https://acme.example.org/news",
                "2026",
                "Acme opens in Nijmegen",  # the source's title and publisher (CONTRIBUTING)
                "Acme",
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(
        app, ["--registry", str(registry), "--regions", str(REGIONS), "add", "--interactive"], input=answers
    )
    assert result.exit_code == 0, result.output
    text = registry.read_text(encoding="utf-8")
    assert "  - id: acme-nijmegen\n" in text and "      municipality: Nijmegen\n" in text
    assert "        title: Acme opens in Nijmegen\n        publisher: Acme\n" in text


def test_the_source_gets_its_title_and_publisher_so_the_new_entry_has_no_source_warning(
    registry: Path, tmp_path: Path
) -> None:
    # CONTRIBUTING: every source has a title and a publisher; add could give only the title,
    # so every entry it added was warned about ("the source has no publisher")
    snippet = tmp_path / "answers.yaml"
    snippet.write_text("source-title: Acme news\nsource-publisher: Acme BV\n", encoding="utf-8")
    code, out, err = _add(registry, *ACME, "--from", str(snippet), "--dry-run")
    assert code == 0, err
    assert "        title: Acme news\n        publisher: Acme BV\n" in out
    source = ["--source-title", "Acme opens in Nijmegen", "--source-publisher", "Acme"]
    code, out, err = _add(registry, *ACME, *source)
    assert code == 0, err
    text = registry.read_text(encoding="utf-8")
    assert "        title: Acme opens in Nijmegen\n        publisher: Acme\n" in text
    assert "source.no-publisher" not in err and "source.no-title" not in err
