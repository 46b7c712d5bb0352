"""Messages about enumerated fields name the field's vocabulary in words, in the --lang, never
by an internal identifier ('claim-metric', 'expect-op', a kind id, 'part-of', 'node_nm'); the
value the user wrote stays quoted as written (issue 17's leftover)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lifeport_map import claims, schema
from lifeport_map.cli import app
from lifeport_map.messages import MESSAGES
from tests.analysis_support import ANALYSIS_ARGS
from tests.conftest import FIXTURES

HEAD = """claims:
  - id: c
    claim: {nl: C, en: C}
    who: Tester
    source: {url: "https://example.org/doc", title: Doc, publisher: Pub, year: 2026}
    quote: "q"
"""

# (the check, Dutch message, English message)
CLAIM_CASES = [
    (
        "check: {type: wholechain, region: nijmegen}",
        "c: check.type: onbekende soort controle 'wholechain'",
        "c: check.type: unknown check type 'wholechain'",
    ),
    (
        "check: {type: count, origin: Nijmegen, radius_km: 200, expect: {op: Equal, value: 1}}",
        "c: check.expect.op: onbekende vergelijking 'Equal'",
        "c: check.expect.op: unknown comparison 'Equal'",
    ),
    (
        "check: {type: rank, region: nijmegen, regions: [nijmegen, dresden], metric: revenue, position: 1}",
        "c: check.metric: onbekende maatstaf 'revenue'",
        "c: check.metric: unknown metric 'revenue'",
    ),
    (
        "check: {type: count, origin: Nijmegen, radius_km: 200, per: companies, "
        "expect: {op: equals, value: 1}}",
        "c: check.per: onbekende eenheid van telling 'companies'",
        "c: check.per: unknown unit of counting 'companies'",
    ),
    (
        "check: {type: specialisation, region: nijmegen, role: prod}",
        "c: check.role: onbekende rol 'prod'",
        "c: check.role: unknown role 'prod'",
    ),
]


@pytest.mark.parametrize(
    ("check", "dutch", "english"), CLAIM_CASES, ids=[c[1].split(":")[1] for c in CLAIM_CASES]
)
def test_a_claim_field_s_unknown_value_is_named_in_words(
    check: str, dutch: str, english: str, tmp_path: Path
) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD + f"    {check}\n", encoding="utf-8")
    for lang, expected in (("nl", dutch), ("en", english)):
        done = CliRunner().invoke(app, [*ANALYSIS_ARGS, "claims", "--claims", str(path), "--lang", lang])
        assert done.exit_code == 1, done.output
        first = done.stderr.splitlines()[0]
        assert first.endswith(expected), first


INVALID = FIXTURES / "invalid"

# (fixture, Dutch message, English message), after "entry: field: "
REGISTRY_CASES = [
    (
        "campus-not-a-campus.yaml",
        "'beta-duiven' is van de soort Apparatuurbouwer (OEM), geen campus",
        "'beta-duiven' is of the kind Equipment OEM, not a campus",
    ),
    (
        "part-of-cycle.yaml",
        "relaties 'onderdeel van' vormen een kring: alpha-nijmegen -> beta-duiven -> alpha-nijmegen",
        "'part of' relations form a cycle: alpha-nijmegen -> beta-duiven -> alpha-nijmegen",
    ),
    ("facility-node-zero.yaml", "de kleinste node is 0 nm", "the smallest node is 0 nm"),
]


@pytest.mark.parametrize(("fixture", "dutch", "english"), REGISTRY_CASES, ids=[c[0] for c in REGISTRY_CASES])
def test_validate_names_kinds_relations_and_fields_in_words(fixture: str, dutch: str, english: str) -> None:
    for lang, expected in (("nl", dutch), ("en", english)):
        done = CliRunner().invoke(
            app, ["--no-cache", "--registry", str(INVALID / fixture), "validate", "--lang", lang]
        )
        assert done.exit_code == 1, done.output
        errors = [line for line in done.stdout.splitlines() if ": fout: " in line or ": error: " in line]
        assert len(errors) == 1, errors
        assert errors[0].endswith(": " + expected), errors[0]


def _vocabularies(fields: tuple[schema.Field, ...]) -> set[str]:
    found: set[str] = set()
    for field in fields:
        if field.vocabulary:
            found.add(field.vocabulary)
        found |= _vocabularies(field.fields)
        if field.items is not None:
            found |= _vocabularies((field.items,))
    return found


def test_every_vocabulary_of_a_field_table_has_words_in_the_catalogue() -> None:
    """schema.unknown-value names the vocabulary from the catalogue; without an entry it would
    fall back to the identifier (schema.unknown-value/other)."""
    tables = [
        getattr(module, name)
        for module in (schema, claims)
        for name in dir(module)
        if name.endswith("_FIELDS") and isinstance(getattr(module, name), tuple)
    ]
    vocabularies = set().union(*(_vocabularies(t) for t in tables))
    assert {"kinds", "claim_metrics", "expect_ops", "check_types", "claim_units", "roles"} <= vocabularies
    for vocabulary in vocabularies:
        singular = schema.SINGULAR.get(vocabulary) or vocabulary.removesuffix("s").replace("_", "-")
        assert f"vocabulary.{singular}" in MESSAGES, vocabulary
