"""The depth fields of issue 16 (checked, facility, events, campus, employee ranges, source
titles and publishers): structure, semantic checks with a fixed 'today', fmt, JSON Schema and
exports. Every registry here is written by hand; expected values are computed by hand."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

from lifeport_map.errors import Issue
from lifeport_map.fmt import format_text
from lifeport_map.registry import read_registry
from lifeport_map.render.export import export_bytes
from lifeport_map.schema import json_schema
from lifeport_map.validate import validate
from lifeport_map.validate_fields import aggregator_host, month_index, tracking_parameters
from tests.conftest import MINI, run_cli

REGIONS = MINI / "regions"
TODAY = datetime.date(2026, 11, 15)

CAMPUS = """\
  - id: campus-nijmegen
    name: Campus Nijmegen
    organisation: Campus Nijmegen BV
    kind: campus
    activities: [cluster-support]
    status: active
    checked: "2026-10"
    location: {place: Nijmegen, municipality: Nijmegen, country: NL}
    sources:
      - {url: "https://example.org/campus", title: Campus, publisher: Campus BV, year: 2026}
"""

FAB = """\
  - id: fab-nijmegen
    name: Fab Nijmegen
    organisation: Fab
    kind: idm
    activities: [wafer-fab]
    status: active
    checked: "2026-11"
    location:
      place: Nijmegen
      municipality: Nijmegen
      country: NL
      campus: campus-nijmegen
      source: {url: "https://example.org/map", title: Map, publisher: Fab, year: 2026}
    facility:
      type: wafer-fab
      wafer_mm: [200, 150]
      technologies: [si-cmos, bicmos]
      node_nm: 140
      capacity:
        value: 12000
        unit: wafer-starts-per-week
        year: 2025
        url: "https://example.org/capacity"
        title: Capacity
        publisher: Fab
      cleanroom_m2: 10000
      operator: Fab Operations
    events:
      - {date: "2019", type: opened, url: "https://example.org/open", title: Open, publisher: Fab}
      - {date: "2019-05", type: expansion, url: "https://example.org/x", title: X, publisher: Fab}
      - {date: "2025-03", type: phase-out-announced, url: "https://example.org/p", title: P, publisher: Fab}
    employees:
      - {value: 1000, max: 1200, year: 2025, url: "https://example.org/e", title: E, publisher: Fab,
         scope: site}
    sources:
      - {url: "https://example.org/fab", title: Fab, publisher: Fab, year: 2025}
"""


def _registry(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "companies.yaml"
    path.write_text("sites:\n" + "".join(entries), encoding="utf-8")
    return path


def _issues(path: Path, today: datetime.date = TODAY) -> list[Issue]:
    result = read_registry(path, REGIONS)
    assert result.registry is not None
    return [*result.issues, *validate(result.registry, today=today)]


def _found(issues: list[Issue]) -> list[tuple[str, str, str, str]]:
    return sorted((i.entry, i.code, i.field, i.severity) for i in issues)


def test_a_complete_entry_has_no_issue_at_all(tmp_path: Path) -> None:
    assert _issues(_registry(tmp_path, CAMPUS, FAB)) == []


def test_the_records_carry_every_new_field(tmp_path: Path) -> None:
    result = read_registry(_registry(tmp_path, CAMPUS, FAB), REGIONS)
    assert result.registry is not None
    fab = result.registry.site("fab-nijmegen")
    assert fab.checked == "2026-11"
    assert fab.location.campus == "campus-nijmegen"
    assert fab.location.source is not None and fab.location.source.publisher == "Fab"
    facility = fab.facility
    assert facility is not None
    assert (facility.type, facility.wafer_mm, facility.technologies) == (
        "wafer-fab",
        (200, 150),
        ("si-cmos", "bicmos"),
    )
    assert (facility.node_nm, facility.cleanroom_m2, facility.operator) == (140.0, 10000.0, "Fab Operations")
    assert facility.capacity is not None
    assert (facility.capacity.value, facility.capacity.unit, facility.capacity.year) == (
        12000.0,
        "wafer-starts-per-week",
        2025,
    )
    assert [(e.date, e.type, e.sort_key) for e in fab.events] == [
        ("2019", "opened", (2019, 0)),
        ("2019-05", "expansion", (2019, 5)),
        ("2025-03", "phase-out-announced", (2025, 3)),
    ]
    figure = fab.employees[0]
    assert (figure.value, figure.max, figure.title, figure.publisher) == (1000, 1200, "E", "Fab")
    assert fab.sources[0].publisher == "Fab"


def test_checked_dates(tmp_path: Path) -> None:
    # 2026-11 minus 2024-11 is 24 months: not stale yet; 2024-10 is 25 months: stale
    assert month_index("2026-11") - month_index("2024-11") == 24
    fresh = FAB.replace('checked: "2026-11"', 'checked: "2024-11"')
    assert _issues(_registry(tmp_path, CAMPUS, fresh)) == []
    stale = FAB.replace('checked: "2026-11"', 'checked: "2024-10"')
    issues = _issues(_registry(tmp_path, CAMPUS, stale))
    assert _found(issues) == [("fab-nijmegen", "checked.stale", "checked", "warning")]
    assert "25 months" in issues[0].message
    future = FAB.replace('checked: "2026-11"', 'checked: "2026-12"')
    assert _found(_issues(_registry(tmp_path, CAMPUS, future))) == [
        ("fab-nijmegen", "checked.future", "checked", "error")
    ]
    missing = FAB.replace('    checked: "2026-11"\n', "")
    assert _found(_issues(_registry(tmp_path, CAMPUS, missing))) == [
        ("fab-nijmegen", "checked.missing", "id", "warning")
    ]


def test_active_site_with_only_old_sources(tmp_path: Path) -> None:
    old = CAMPUS.replace("year: 2026}", "year: 2021}")
    # 2026 - 2021 = 5 years: still fine; 2020 is 6 years: reported
    assert _issues(_registry(tmp_path, old)) == []
    older = CAMPUS.replace("year: 2026}", "year: 2020}")
    issues = _issues(_registry(tmp_path, older))
    assert _found(issues) == [("campus-nijmegen", "source.outdated", "sources", "warning")]
    assert "2020" in issues[0].message
    closed = older.replace("status: active", "status: closed\n    until: 2020")
    assert _issues(_registry(tmp_path, closed)) == []
    # a newer dated reference elsewhere in the entry (an event with a source) counts
    with_event = older.replace(
        "    location:",
        '    events:\n      - {date: "2024-02", type: expansion, url: "https://example.org/n",'
        " title: N, publisher: P}\n    location:",
    )
    assert _issues(_registry(tmp_path, with_event)) == []
    # a newer source of the coordinates does not: it says where the building is, not that the
    # site still runs (it hid bluefors-delft's 2018 sources behind a 2023 Wikipedia page)
    with_place = older.replace(
        "    location: {place: Nijmegen, municipality: Nijmegen, country: NL}",
        "    location:\n      place: Nijmegen\n      municipality: Nijmegen\n      country: NL\n"
        "      lat: 51.82\n      lon: 5.87\n      precision: campus\n"
        '      source: {url: "https://example.org/map", title: Map, publisher: P, year: 2025}',
    )
    assert _found(_issues(_registry(tmp_path, with_place))) == [
        ("campus-nijmegen", "source.outdated", "sources", "warning")
    ]


def test_sources_without_title_or_publisher(tmp_path: Path) -> None:
    entry = CAMPUS.replace(
        '{url: "https://example.org/campus", title: Campus, publisher: Campus BV, year: 2026}',
        '{url: "https://example.org/campus", year: 2026}\n'
        "      - {seed: 001_52ea57b76e5b924b.txt, title: Meerjarenplan, year: 2026}",
    )
    assert _found(_issues(_registry(tmp_path, entry))) == [
        ("campus-nijmegen", "source.no-publisher", "sources[0]", "warning"),
        ("campus-nijmegen", "source.no-publisher", "sources[1]", "warning"),
        ("campus-nijmegen", "source.no-title", "sources[0]", "warning"),
    ]
    # the issue's prefix names the field; the message does not say it again
    said = {
        (i.field, i.code): (i.text.render("nl"), i.text.render("en"))
        for i in _issues(_registry(tmp_path, entry))
    }
    assert said[("sources[0]", "source.no-title")] == ("de bron heeft geen titel", "the source has no title")
    assert said[("sources[1]", "source.no-publisher")] == (
        "de bron heeft geen uitgever",
        "the source has no publisher",
    )
    figure = FAB.replace("title: E, publisher: Fab,", "")
    assert figure != FAB
    assert _found(_issues(_registry(tmp_path, CAMPUS, figure))) == [
        ("fab-nijmegen", "source.no-publisher", "employees[0]", "warning"),
        ("fab-nijmegen", "source.no-title", "employees[0]", "warning"),
    ]


@pytest.mark.parametrize(
    ("url", "copied"),
    [
        ("https://docplayer.nl/12345-Jaarverslag.html", True),
        ("https://studylib.net/doc/1/x", True),
        ("https://www.wikiwand.com/en/NXP_Semiconductors", True),
        ("https://de-academic.com/dic.nsf/dewiki/1", True),
        ("https://test.bits-chips.nl/artikel/x/", True),
        ("https://staging.imec-int.com/en/x", True),
        ("https://de.wiki.li/Zentrum_Mikroelektronik_Dresden", True),
        ("https://tomorrow.paperai.life/https://de.wikipedia.org/wiki/ASM_International", True),
        ("https://wikipedia.jakami.de/content/wikipedia_de_all_mini_2024-06/A/Silicon_Saxony", True),
        ("https://www.lawinsider.com/contracts/x", True),
        ("https://app-webview.sparknews.funkemedien.de/waz/x", True),
        ("https://prod-news.global.ssl.fastly.net/x", True),
        ("https://origin.siltronic.com/en/x", True),  # the origin server behind a site
        ("https://en.wikipedia.org/wiki/NXP_Semiconductors", False),
        ("https://bits-chips.nl/artikel/x/", False),
        ("https://test.nl/page", False),  # a registered name, not a test subdomain
        ("https://contest.example.org/", False),
        ("https://notdocplayer.nl/x", False),
    ],
)
def test_aggregator_hosts(url: str, copied: bool) -> None:
    assert (aggregator_host(url) is not None) is copied


def test_tracking_parameters() -> None:
    assert tracking_parameters("https://a.org/x?utm_source=li&utm_medium=s&id=4") == (
        "utm_source",
        "utm_medium",
    )
    assert tracking_parameters("https://a.org/x?fbclid=1&gclid=2&mc_cid=3&page=2") == (
        "fbclid",
        "gclid",
        "mc_cid",
    )
    assert tracking_parameters("https://a.org/x#utm_campaign=z") == ("utm_campaign",)
    assert tracking_parameters("https://www.heise.de/news/x.html?wt_mc=rss.red.ho&p=2") == ("wt_mc",)
    assert tracking_parameters("https://a.org/x?id=utm_source&ref=home") == ()
    assert tracking_parameters("https://a.org/utm_source/x") == ()


def test_copied_and_tracked_urls_are_warnings_at_their_field(tmp_path: Path) -> None:
    entry = FAB.replace("https://example.org/fab", "https://docplayer.nl/1-fab.html").replace(
        "https://example.org/e", "https://example.org/e?utm_source=x&fbclid=y"
    )
    issues = _issues(_registry(tmp_path, CAMPUS, entry))
    assert _found(issues) == [
        ("fab-nijmegen", "url.aggregator", "sources[0].url", "warning"),
        ("fab-nijmegen", "url.tracking", "employees[0].url", "warning"),
    ]
    assert "utm_source, fbclid" in next(i.message for i in issues if i.code == "url.tracking")


def test_events_must_be_sorted_and_agree_with_the_status(tmp_path: Path) -> None:
    swapped = FAB.replace('date: "2019", type: opened', 'date: "2019-06", type: opened')
    assert _found(_issues(_registry(tmp_path, CAMPUS, swapped))) == [
        ("fab-nijmegen", "events.order", "events[1].date", "error")
    ]
    bankrupt = FAB.replace("phase-out-announced", "bankruptcy")
    assert _found(_issues(_registry(tmp_path, CAMPUS, bankrupt))) == [
        ("fab-nijmegen", "events.status-mismatch", "status", "warning")
    ]
    closed = bankrupt.replace("status: active", "status: closed\n    until: 2025")
    assert _issues(_registry(tmp_path, CAMPUS, closed)) == []
    cancelled = FAB.replace("phase-out-announced", "cancelled").replace("status: active", "status: planned")
    issues = _issues(_registry(tmp_path, CAMPUS, cancelled))
    assert _found(issues) == [("fab-nijmegen", "events.status-mismatch", "status", "warning")]
    assert "status is planned" in issues[0].message


@pytest.mark.parametrize(
    ("old", "new", "code", "field"),
    [
        ("wafer_mm: [200, 150]", "wafer_mm: [200, 8]", "facility.wafer-size", "facility.wafer_mm[1]"),
        ("wafer_mm: [200, 150]", "wafer_mm: [200, 200]", "schema.duplicate-item", "facility.wafer_mm[1]"),
        ("node_nm: 140", "node_nm: 0", "facility.node", "facility.node_nm"),
        ("node_nm: 140", "node_nm: -3", "schema.out-of-range", "facility.node_nm"),
        ("value: 12000", "value: 0", "facility.capacity", "facility.capacity.value"),
        ("cleanroom_m2: 10000", "cleanroom_m2: 0", "facility.cleanroom", "facility.cleanroom_m2"),
        (
            "unit: wafer-starts-per-week",
            "unit: wspw",
            "schema.unknown-capacity-unit",
            "facility.capacity.unit",
        ),
        ("[si-cmos, bicmos]", "[si-cmos, cmos]", "schema.unknown-technology", "facility.technologies[1]"),
        ("max: 1200", "max: 999", "employees.range", "employees[0].max"),
        ("campus: campus-nijmegen", "campus: fab-nijmegen", "location.campus-self", "location.campus"),
        ("campus: campus-nijmegen", "campus: campus-nijmegn", "location.campus-unknown", "location.campus"),
        ('date: "2019-05"', 'date: "2019-5"', "schema.bad-date", "events[1].date"),
        ('date: "2019-05"', "date: 2019", "schema.type", "events[1].date"),
        # a capacity counts wafers: the Dutch 12.000 was accepted as 12 wafer starts a week
        ("value: 12000", "value: 12.000", "facility.capacity-not-whole", "facility.capacity.value"),
    ],
)
def test_facility_campus_and_range_errors(tmp_path: Path, old: str, new: str, code: str, field: str) -> None:
    assert old in FAB
    issues = _issues(_registry(tmp_path, CAMPUS, FAB.replace(old, new)))
    assert [(i.code, i.field, i.severity) for i in issues if i.severity == "error"] == [
        (code, field, "error")
    ]
    assert all(i.hint for i in issues)


def test_campus_must_be_an_entry_of_kind_campus(tmp_path: Path) -> None:
    not_campus = CAMPUS.replace("kind: campus", "kind: network")
    issues = _issues(_registry(tmp_path, not_campus, FAB))
    assert _found(issues) == [("fab-nijmegen", "location.campus-not-campus", "location.campus", "error")]
    kind = "Network or cluster organisation"
    assert issues[0].message == f"'campus-nijmegen' is of the kind {kind}, not a campus"


def test_a_facility_belongs_to_a_production_or_research_site(tmp_path: Path) -> None:
    design = FAB.replace("activities: [wafer-fab]", "activities: [chip-design]")
    assert _found(_issues(_registry(tmp_path, CAMPUS, design))) == [
        ("fab-nijmegen", "facility.unexpected", "facility", "warning")
    ]


def test_positions_point_at_the_field(tmp_path: Path) -> None:
    path = _registry(tmp_path, CAMPUS, FAB.replace("max: 1200", "max: 999"))
    issue = next(i for i in _issues(path) if i.code == "employees.range")
    line = path.read_text().splitlines()[issue.line - 1]
    assert "max: 999" in line and issue.file == str(path)


CANONICAL = """\
sites:
  - id: fab-nijmegen
    name: Fab Nijmegen
    organisation: Fab
    kind: idm
    activities: [wafer-fab]
    status: active
    checked: "2026-11"
    location:
      place: Nijmegen
      municipality: Nijmegen
      country: NL
      campus: campus-nijmegen
    facility:
      type: wafer-fab
      wafer_mm: [150]
      technologies: [sic]
      capacity:
        value: 5000
        unit: wafers-per-month
        year: 2025
        url: "https://example.org/c"
        title: C
        publisher: Fab
      operator: Fab Operations
    events:
      - date: "2019"
        type: opened
        url: "https://example.org/p"
        title: P
        publisher: Fab
    employees:
      - value: 1000
        max: 1200
        year: 2025
        url: "https://example.org/e"
        title: E
        publisher: Fab
    sources:
      - url: "https://example.org/fab"
        year: 2025
        title: Fab
        publisher: Fab
"""


def test_fmt_writes_the_new_fields_in_canonical_order_and_round_trips(tmp_path: Path) -> None:
    scrambled = """\
sites:
  - sources:
      - {year: 2025, publisher: Fab, title: Fab, url: "https://example.org/fab"}
    employees:
      - {publisher: Fab, title: E, url: "https://example.org/e", year: 2025, max: 1200, value: 1000}
    events:
      - {publisher: Fab, title: P, url: "https://example.org/p", type: opened, date: "2019"}
    facility:
      operator: Fab Operations
      capacity: {publisher: Fab, title: C, url: "https://example.org/c", year: 2025,
                 unit: wafers-per-month, value: 5000}
      technologies: [sic]
      wafer_mm: [150]
      type: wafer-fab
    location: {campus: campus-nijmegen, country: NL, municipality: Nijmegen, place: Nijmegen}
    checked: "2026-11"
    status: active
    activities: [wafer-fab]
    kind: idm
    organisation: Fab
    name: Fab Nijmegen
    id: fab-nijmegen
"""
    out = format_text(scrambled)
    assert out == CANONICAL
    assert format_text(out) == out
    path = _registry(tmp_path, CAMPUS)
    path.write_text(path.read_text() + out.removeprefix("sites:\n"))
    assert _issues(path) == []


def test_json_schema_describes_the_new_fields() -> None:
    from lifeport_map.registry import default_taxonomy_path
    from lifeport_map.taxonomy import load_taxonomy

    site = json_schema(load_taxonomy(default_taxonomy_path()))["properties"]["sites"]["items"]
    props = site["properties"]
    assert props["checked"]["pattern"] == "^[0-9]{4}-(0[1-9]|1[0-2])$"
    assert props["events"]["items"]["properties"]["date"]["pattern"] == "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"
    assert props["events"]["items"]["required"] == ["date", "type"]
    facility = props["facility"]
    assert facility["required"] == ["type"]
    assert "gan" in facility["properties"]["technologies"]["items"]["enum"]
    assert facility["properties"]["capacity"]["properties"]["unit"]["enum"] == [
        "wafer-starts-per-week",
        "wafers-per-week",
        "wafers-per-month",
        "wafers-per-year",
    ]
    assert props["location"]["properties"]["campus"]["pattern"]
    assert "publisher" in props["sources"]["items"]["properties"]
    assert "max" in props["employees"]["items"]["properties"]


def test_exports_carry_the_new_fields(tmp_path: Path) -> None:
    result = read_registry(_registry(tmp_path, CAMPUS, FAB), REGIONS)
    assert result.registry is not None
    registry = result.registry
    document = json.loads(export_bytes(registry, "json"))
    fab = next(s for s in document["sites"] if s["id"] == "fab-nijmegen")
    assert fab["checked"] == "2026-11"
    assert fab["campus"] == "campus-nijmegen"
    assert fab["facility_type"] == "wafer-fab"
    assert fab["wafer_mm"] == [200, 150]
    assert fab["technologies"] == ["si-cmos", "bicmos"]
    assert fab["capacity"] == 12000 and fab["capacity_unit"] == "wafer-starts-per-week"
    assert fab["events"] == ["2019 opened", "2019-05 expansion", "2025-03 phase-out-announced"]
    assert fab["employees_max"] == 1200
    rows = list(csv.DictReader(io.StringIO(export_bytes(registry, "csv").decode())))
    row = next(r for r in rows if r["id"] == "fab-nijmegen")
    assert row["wafer_mm"] == "200; 150"
    assert row["technologies"] == "si-cmos; bicmos"
    assert row["events"] == "2019 opened; 2019-05 expansion; 2025-03 phase-out-announced"
    assert row["node_nm"] == "140.0" and row["capacity_year"] == "2025"
    features = json.loads(export_bytes(registry, "geojson"))["features"]
    properties = next(f["properties"] for f in features if f["id"] == "fab-nijmegen")
    assert properties["facility_type"] == "wafer-fab" and properties["technologies"] == "si-cmos; bicmos"


def test_shipped_registry_passes_with_warnings_and_strict_shows_them(tmp_path: Path) -> None:
    plain = run_cli("validate", "--format", "json", cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    report = json.loads(plain.stdout)
    assert report["errors"] == 0
    strict = run_cli("validate", "--strict", "--format", "json", cwd=tmp_path)
    assert strict.returncode == (1 if report["warnings"] else 0)


def test_popups_show_facility_and_events(tmp_path: Path) -> None:
    from lifeport_map.render.maps import page_words, popup_html, site_record

    hostile = FAB.replace("type: expansion,", 'type: expansion, note: "<b>x</b>",')
    result = read_registry(_registry(tmp_path, CAMPUS, hostile), REGIONS)
    assert result.registry is not None
    fab = result.registry.site("fab-nijmegen")
    record = site_record(fab, ["front-end"], "en")
    assert record["fac"] == [
        "wafer-fab",
        [200, 150],
        ["si-cmos", "bicmos"],
        "140",
        ["12,000", "wafer-starts-per-week", 2025],
    ]
    assert record["ev"] == [
        ["2019", "opened", None],
        ["2019-05", "expansion", "<b>x</b>"],  # set as text in the page, never as HTML
        ["2025-03", "phase-out-announced", None],
    ]
    assert site_record(fab, ["front-end"], "nl")["fac"][4][0] == "12.000"
    words = page_words(result.registry.taxonomy, "nl")
    assert words["facility"] == "Faciliteit"
    assert words["terms"]["event_types"]["phase-out-announced"] == "uitfasering aangekondigd"
    html = popup_html(fab, result.registry.taxonomy, "en")
    assert "Wafer fab; 200/150 mm; Silicon CMOS, BiCMOS; 140 nm; 12,000 wafer starts per week (2025)" in html
    assert "2019-05 expansion: &lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html


@pytest.mark.parametrize(
    ("old", "new", "field", "hint"),
    [
        # a year is no 51.84: the hint of a year field gives a year
        ("year: 2025}", 'year: "twenty25"}', "sources[0].year", "write the year as a four-digit number"),
        # a count is a whole number, and a thousands separator is no decimal point
        ("value: 1000, max", 'value: "1,000", max', "employees[0].value", "units or a thousands"),
        # YAML reads the Dutch 1.200 as 1.2: removing "the decimals" would make it 1
        ("value: 1000, max", "value: 1.200, max", "employees[0].value", "write the number without it: 1200"),
        ("max: 1200", "max: 1.500", "employees[0].max", "without it: 1500"),
    ],
)
def test_a_number_hint_fits_the_kind_of_number(
    tmp_path: Path, old: str, new: str, field: str, hint: str
) -> None:
    assert old in FAB
    issues = _issues(_registry(tmp_path, CAMPUS, FAB.replace(old, new)))
    errors = [i for i in issues if i.severity == "error"]
    assert [(i.code, i.field) for i in errors] == [("schema.type", field)]
    assert hint in str(errors[0].hint)
    assert "51.84" not in str(errors[0].hint)


def test_a_fraction_that_is_no_thousands_keeps_the_plain_hint(tmp_path: Path) -> None:
    issues = _issues(_registry(tmp_path, CAMPUS, FAB.replace("value: 1000, max", "value: 1000.25, max")))
    errors = [i for i in issues if i.severity == "error"]
    assert [(i.code, str(i.hint)) for i in errors] == [("schema.type", "remove the decimals")]


def test_the_thousands_hint_in_dutch_on_the_command_line(tmp_path: Path) -> None:
    path = _registry(tmp_path, CAMPUS, FAB.replace("value: 1000, max", "value: 1.200, max"))
    result = run_cli("--registry", str(path), "--regions", str(REGIONS), "validate")
    assert result.returncode == 1
    assert "schrijf het getal dan zonder punt: 1200" in result.stdout + result.stderr


def test_list_items_read_as_one_value_are_named_as_such(tmp_path: Path) -> None:
    # the second item one column further in is read as the rest of the first: the hint was
    # "did you mean 'si-cmos'?", which would drop bicmos
    indented = FAB.replace(
        "      technologies: [si-cmos, bicmos]\n", "      technologies:\n      - si-cmos\n       - bicmos\n"
    )
    issues = _issues(_registry(tmp_path, CAMPUS, indented))
    errors = [i for i in issues if i.severity == "error"]
    assert [(i.code, i.field) for i in errors] == [("schema.unknown-technology", "facility.technologies[0]")]
    assert str(errors[0].hint) == (
        "these are the list items si-cmos, bicmos read as one: start each item with '- ' at the same column"
    )
