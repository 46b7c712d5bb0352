"""Rendering analysis results safely: Markdown without HTML or links, CSV without formulas."""

from __future__ import annotations

import csv
import io
import re

from lifeport_map import coverage
from lifeport_map.render.analysis import sections as build_sections
from lifeport_map.render.safe import markdown_text, spreadsheet_safe
from lifeport_map.render.tables import Section, csv_text, to_csv, to_markdown
from tests.analysis_support import analysis_registry

HOSTILE = "=SUM(1) <script>alert(1)</script> | [x](javascript:alert(1)) `code` ${x}\nnext"


def test_markdown_text() -> None:
    text = markdown_text(HOSTILE)
    assert "<script" not in text and "\n" not in text
    assert "\\|" in text and "](" not in text
    assert "javascript:" not in text


def test_markdown_table_keeps_its_columns() -> None:
    out = to_markdown([Section("T", ["a", "b"], [[HOSTILE, 1]])])
    row = next(line for line in out.splitlines() if line.startswith("| \\=SUM"))
    # two cells, so three unescaped pipes: the escaped pipe in the text does not split the row
    assert len(re.findall(r"(?<!\\)\|", row)) == 3


def test_spreadsheet_safe() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(start + "1") == "'" + start + "1"
    assert spreadsheet_safe("Nijmegen") == "Nijmegen"
    assert spreadsheet_safe(-5.5) == -5.5  # numbers stay numbers


def test_csv_text_round_trip() -> None:
    rows = list(csv.reader(io.StringIO(csv_text(["name", "n"], [["@cmd", -3], [HOSTILE, 2]]))))
    assert rows[1] == ["'@cmd", "-3"]
    assert rows[2][0].startswith("'=SUM")


def test_every_builder_renders_the_hostile_fixture() -> None:
    from lifeport_map import compare, gaps, near, stats, whatif

    registry = analysis_registry()
    results = {
        "coverage": coverage(registry, "nijmegen"),
        "compare": compare(registry),
        "gaps": gaps(registry, "nijmegen"),
        "whatif": whatif(registry, "nijmegen", ["fab-nijmegen"]),
        "near": near(registry, "Duiven", radius_km=5),
        "stats": stats(registry, "nijmegen"),
    }
    for name, result in results.items():
        for lang in ("nl", "en"):
            sections = build_sections(result, lang)
            markdown = to_markdown(sections)
            assert "<script" not in markdown and "javascript:" not in markdown, name
            for row in csv.reader(io.StringIO(to_csv(sections))):
                assert not any(c.startswith(("=", "+", "@")) for c in row), name


def test_the_core_work_column_is_not_called_like_the_role_beside_it() -> None:
    # the coverage table's count of the phase's core work and the roles table's role
    # 'production' were both headed "Production": the design phase showed 1 and 0 under one name
    registry = analysis_registry()
    for lang, core, role in (
        ("en", "Production roles", "Production"),
        ("nl", "Productierollen", "Productie"),
    ):
        main, roles = build_sections(coverage(registry, "nijmegen", lang=lang), lang)
        assert core in main.columns and role not in main.columns
        assert role in roles.columns and core not in roles.columns
        design = main.rows[0][main.columns.index(core)]
        # design-nijmegen and fab-nijmegen design chips: the core work of design, in no role 'production'
        assert (main.rows[0][0], design) == (("Design", 2) if lang == "en" else ("Chipontwerp", 2))
        assert roles.rows[0][roles.columns.index(role)] == 0
        explained = "Production roles: companies doing the phase's core work"
        assert explained in main.notes[1] if lang == "en" else "Productierollen: bedrijven" in main.notes[1]


def test_site_names_with_commas_are_listed_with_semicolons() -> None:
    # "Enzyre, Nijmegen, EPR, Noviotech Campus Nijmegen, myTemp, Nijmegen" read as six sites
    from lifeport_map.render.labels import name_list

    assert name_list(["Enzyre, Nijmegen", "EPR, Noviotech Campus Nijmegen"]) == (
        "Enzyre, Nijmegen; EPR, Noviotech Campus Nijmegen"
    )
    assert name_list(["Ampleon Nijmegen", "NXP Semiconductors Nijmegen"]) == (
        "Ampleon Nijmegen, NXP Semiconductors Nijmegen"
    )
