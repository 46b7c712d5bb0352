"""The analyses' results as tables (``Section``s) with Dutch or English headings.

One builder per analysis turns its plain-data result into sections; ``render.tables`` renders
them for the terminal, Markdown or CSV. The first section of each is the main table (the one
CSV output carries).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from lifeport_map.chain import COUNTED_STATUSES, EMPLOYEE_COVERAGE_MIN
from lifeport_map.numbers import format_number, format_percent
from lifeport_map.render.labels import agree, count_text, label, name_list
from lifeport_map.render.tables import Section

if TYPE_CHECKING:
    from lifeport_map.results import (
        ClaimsResult,
        ClaimVerdict,
        Comparison,
        CountingInfo,
        Coverage,
        EmployeeSum,
        FigureComparison,
        FragilePhase,
        Gaps,
        Near,
        Result,
        Stats,
        TimeInfo,
        WhatIf,
    )


def word(key: str, lang: str) -> str:
    return label(key, lang)


def _yes(value: bool, lang: str) -> str:
    return word("yes" if value else "no", lang)


def _names(names: Sequence[str], lang: str, limit: int = 5) -> str:
    """Up to ``limit`` names, then 'and N more'."""
    more = len(names) - limit
    return name_list([*names[:limit], *([word("and_more", lang).format(n=more)] if more > 0 else [])])


def _employees_note(known: int, with_figure: int, without: int, lang: str) -> str:
    return word("employees_note", lang).format(
        known=format_number(known, lang),
        with_figure=count_text(with_figure, lang),
        without=count_text(without, lang),
    )


def _fragile_text(fragile: Sequence[FragilePhase], lang: str) -> str:
    if not fragile:
        return word("none", lang)
    return "; ".join(f"{f.label}: {f.organisation}" for f in fragile)


def as_sentence(rule: str) -> str:
    """A rule (the JSON's method note, lowercase) as a note under a table: a sentence with a
    capital and a full stop."""
    return rule[:1].upper() + rule[1:] + ("" if rule.endswith(".") else ".")


def employee_notes(emp: EmployeeSum, lang: str) -> list[str]:
    """What an employee sum leaves out: unscoped figures, wider figures, the upper end of ranges."""
    notes = [
        word("employees_scope_note", lang).format(
            unstated=emp.scope_unstated,
            state=agree(emp.scope_unstated, "state", lang),
            wider=count_text(emp.wider_only, lang),
            have=agree(emp.wider_only, "have", lang),
        )
    ]
    if emp.known_max != emp.known:
        notes.append(word("employees_range_note", lang).format(known_max=format_number(emp.known_max, lang)))
    return notes


def with_year(title: str, year: int | None) -> str:
    """A title with the year ``--year`` looks at ("..., 2030"); unchanged without one."""
    return title if year is None else f"{title}, {year}"


def time_note(found: TimeInfo, lang: str) -> str:
    """What ``--year`` did: the year, as it was or as planned, sites without a start year."""
    return word("time_note", lang).format(
        year=found.year,
        mode=word(found.mode, lang),
        without=found.sites_without_start,
        opened=", ".join(found.opened_as_planned) or word("none", lang),
    )


# The site filters of a result (FilterInfo, NearFilters) in the order the help lists them, with
# the word each is named by.
_FILTER_WORDS = (
    ("phase", "filter_phase"),
    ("role", "filter_role"),
    ("roles", "filter_roles"),
    ("countries", "filter_country"),
    ("activities", "filter_activity"),
    ("technologies", "filter_technology"),
    ("wafer_mm", "filter_wafer_mm"),
    ("facility_types", "filter_facility_type"),
    ("kinds", "filter_kind"),
    ("organisations", "filter_organisation"),
    ("ids", "filter_site"),
    ("statuses", "filter_status"),
)


def filter_note(filters: object, lang: str) -> list[str]:
    """The sentence naming the site filters a result was computed with (none: no sentence), so
    that a table of Nijmegen with --country DE does not read as Nijmegen's whole chain."""
    parts = []
    for name, key in _FILTER_WORDS:
        value = getattr(filters, name, None)
        values = [value] if isinstance(value, str) else list(value or ())
        if values and not (name == "statuses" and values == list(COUNTED_STATUSES)):  # the default
            if name == "statuses":  # a fixed list of words; the other values are ids, as typed
                values = [word(f"status_{v}", lang) for v in values]
            parts.append(f"{word(key, lang)} {', '.join(str(v) for v in values)}")
    return [word("filtered", lang).format(filters="; ".join(parts))] if parts else []


def counting_note(counting: CountingInfo, lang: str) -> str:
    """The sentence that names what the headline numbers of a table count."""
    return f"{word('counting', lang)}: {counting.label}. {counting.rule}"


def coverage_sections(result: Coverage, lang: str) -> list[Section]:
    rows: list[list[Any]] = [
        [
            p.label,
            p.count,
            p.organisations,
            p.knowledge.count,
            p.production.count,
            p.employees.known,
            p.employees.sites_without_figure,
            ", ".join(a.label for a in p.activities.absent) or "-",
        ]
        for p in result.phases
    ]
    columns = [
        word(k, lang)
        for k in (
            "phase",
            "sites_heading",
            "organisations",
            "knowledge",
            "production_roles",
            "employees_known",
            "no_figure",
            "activities_absent",
        )
    ]
    emp = result.employees
    notes = [
        *filter_note(result.filters, lang),
        counting_note(result.counting, lang),
        word("def_production", lang),
        f"{word('whole_chain', lang)}: {_yes(result.whole_chain, lang)}",
        f"{word('whole_chain_production', lang)}: {_yes(result.whole_chain_production, lang)}",
        f"{word('fragile', lang)}: {_fragile_text(result.fragile_phases, lang)}",
        f"{word('fragile_production', lang)}: {_fragile_text(result.fragile_production_phases, lang)}",
        _employees_note(emp.known, emp.sites_with_figure, emp.sites_without_figure, lang),
        *employee_notes(emp, lang),
    ]
    notes.extend(
        f"{p.label} ({word('production_roles', lang).lower()}): "
        f"{_names([a.name for a in p.production.actors], lang, limit=8) or word('none', lang)}"
        for p in result.phases
    )
    if result.pipeline:
        notes.append(f"{word('pipeline', lang)}: {_names([s.name for s in result.pipeline], lang, limit=10)}")
    if result.time is not None:
        notes.insert(0, time_note(result.time, lang))
    year = result.time.year if result.time is not None else None
    title = with_year(f"{result.region.name} ({result.definition.name}): {result.counting.label}", year)
    role_rows: list[list[Any]] = [[p.label, *(r.count for r in p.roles)] for p in result.phases]
    role_columns = [word("phase", lang), *(r.label for r in result.phases[0].roles)] if result.phases else []
    role_title = with_year(f"{word('roles', lang)} ({word('all_sites', lang).lower()})", year)
    return [Section(title, columns, rows, notes), Section(role_title, role_columns, role_rows)]


def compare_sections(result: Comparison, lang: str) -> list[Section]:
    regions = [c.region.id for c in result.regions]
    names = {c.region.id: c.region.name for c in result.regions}
    heads = [word("phase", lang), *(names[r] for r in regions)]
    rows: list[list[Any]] = [[m.label, *(m.sites[r] for r in regions)] for m in result.matrix]
    rows.append([word("whole_chain", lang), *(_yes(r in result.whole_chain, lang) for r in regions)])
    rows.append(
        [
            word("whole_chain_production", lang),
            *(_yes(r in result.whole_chain_production, lang) for r in regions),
        ]
    )
    notes = [*filter_note(result.filters, lang), counting_note(result.counting, lang)]
    notes += [f"{c.region.name}: {time_note(c.time, lang)}" for c in result.regions if c.time]
    notes += [
        f"{word('definition', lang)} {names.get(d.region, d.region)}: {d.name}" for d in result.definitions
    ]
    production: list[list[Any]] = [[m.label, *(m.production[r] for r in regions)] for m in result.matrix]
    knowledge: list[list[Any]] = [[m.label, *(m.knowledge[r] for r in regions)] for m in result.matrix]
    year = result.year
    sections = [
        Section(
            with_year(f"{word('compare_sites', lang)}: {result.counting.label}", year),
            heads,
            rows,
            notes,
            row_headings=True,
        ),
        Section(with_year(word("compare_knowledge", lang), year), heads, knowledge),
        Section(with_year(word("compare_production", lang), year), heads, production),
    ]
    by_sites = result.specialisation.by_sites
    sections.append(
        Section(
            with_year(word("specialisation_sites", lang), year),
            heads,
            [[m.label, *(by_sites[r][m.phase] for r in regions)] for m in result.matrix],
        )
    )
    by_employees = result.specialisation.by_employees
    covered = result.specialisation.employee_coverage

    def employee_cell(region: str, phase: str) -> Any:
        value = by_employees[region][phase]
        return word("cannot_tell", lang) if value is None and region in covered else value

    coverage_text = "; ".join(
        f"{names.get(r, r)}: {c.sites_with_figure}/{c.sites} ({format_percent(c.share, lang)})"
        for r, c in covered.items()
    )
    sections.append(
        Section(
            with_year(word("specialisation_employees", lang), year),
            heads,
            [[m.label, *(employee_cell(r, m.phase) for r in regions)] for m in result.matrix],
            [
                word("lq_employees_note", lang).format(
                    threshold=format_percent(EMPLOYEE_COVERAGE_MIN, lang), coverage=coverage_text
                )
            ],
        )
    )
    return sections


def gaps_sections(result: Gaps, lang: str) -> list[Section]:
    rows: list[list[Any]] = []
    for spot in result.white_spots:
        status = word("absent_status" if spot.status == "absent" else "single_status", lang)
        holder = spot.holder.organisation if spot.holder else "-"
        candidates = (
            "; ".join(
                f"{c.name} ({c.place}, {format_number(c.distance_km, lang, decimals=0)})"
                for c in spot.candidates
            )
            or "-"
        )
        text = spot.label if spot.kind == "phase" else f"{spot.phase_label or spot.phase}: {spot.label}"
        rows.append([text, status, holder, candidates])
    title = f"{word('white_spots', lang)}: {result.region.name} ({result.definition.name})"
    return [
        Section(
            title,
            [word(k, lang) for k in ("spot", "status", "holder", "candidates_km")],
            rows,
            [
                *filter_note(result.filters, lang),
                counting_note(result.counting, lang),
                as_sentence(word("rule_candidates", lang)),
            ],
        )
    ]


def whatif_sections(result: WhatIf, lang: str) -> list[Section]:
    rows: list[list[Any]] = [
        [
            p.label,
            p.sites_before,
            p.sites_after,
            p.production_before,
            p.production_after,
            p.employees_before,
            p.employees_after,
        ]
        for p in result.phases
    ]
    b, a = word("before", lang), word("after", lang)
    columns = [
        word("phase", lang),
        *(
            f"{word(k, lang)} {when.lower()}"
            for k in ("sites_heading", "production_roles", "employees_known")
            for when in (b, a)
        ),
    ]
    lost = result.lost
    labels = {p.phase: p.label for p in result.phases}
    lost_activities = [f"{labels[x.phase]}: {x.label}" for x in lost.activities]
    lost_lines = [
        f"{word('removed', lang)}: {', '.join(r.id for r in result.removed)}",
        f"{word('lost', lang)} ({word('phase', lang).lower()}): "
        f"{', '.join(labels[p] for p in lost.phases) or word('none', lang)}",
        f"{word('lost', lang)} ({word('production_roles', lang).lower()}): "
        f"{', '.join(labels[p] for p in lost.production_phases) or word('none', lang)}",
        f"{word('lost', lang)} ({word('activities', lang).lower()}): "
        f"{', '.join(lost_activities) or word('none', lang)}",
        f"{word('lost', lang)} ({word('organisations', lang).lower()}): "
        f"{', '.join(lost.organisations) or word('none', lang)}",
        f"{word('lost', lang)} {word('employees_known', lang).lower()}: "
        f"{format_number(lost.employees, lang)}",
        f"{word('whole_chain_production', lang)}: "
        f"{_yes(result.before.whole_chain_production, lang)} -> "
        f"{_yes(result.after.whole_chain_production, lang)}",
        f"{word('fragile_production', lang)}, {a.lower()}: "
        f"{_fragile_text(result.after.fragile_production_phases, lang)}",
    ]
    title = f"{result.region.name} ({result.definition.name}): {result.before.counting.label}"
    notes = [*warning_lines(result, lang), counting_note(result.before.counting, lang), *lost_lines]
    return [Section(title, columns, rows, notes)]


def warning_lines(result: Result, lang: str) -> list[str]:
    """The warnings of a result as sentences in ``lang`` (whatif: removed sites that do not
    count in the region)."""
    if _result_class(result) != "WhatIf":
        return []
    whatif = cast("WhatIf", result)
    return [
        word(f"warn_{w.code}", lang).format(
            site=w.site, region=whatif.region.name, definition=whatif.definition.name
        )
        for w in whatif.warnings
    ]


def near_sections(result: Near, lang: str) -> list[Section]:
    rows: list[list[Any]] = [
        [
            s.distance_km,
            s.id,
            s.name,
            s.organisation,
            f"{s.place} ({s.country})",
            ", ".join(s.activity_labels),
        ]
        for s in result.sites
    ]
    origin = result.origin
    coordinates = "; ".join(format_number(x, lang, decimals=4) for x in (origin.lat, origin.lon))
    title = with_year(
        f"{origin.name} ({coordinates}), {format_number(result.radius_km, lang)} km",
        result.time.year if result.time else None,
    )
    title = f"{title}: {count_text(result.count, lang)}"
    notes = [
        *([time_note(result.time, lang)] if result.time is not None else []),
        *filter_note(result.filters, lang),
        as_sentence(word("rule_near", lang)),
    ]
    if result.breakdown is not None and result.count:
        b = result.breakdown
        countries = ", ".join(f"{country} {format_number(n, lang)}" for country, n in b.countries.items())
        notes.append(
            word("near_breakdown", lang).format(
                countries=countries,
                companies=b.companies,
                knowledge=b.knowledge,
                organisations=b.organisations,
            )
        )
    if result.without_coordinates:
        notes.append(
            word("without_coordinates", lang).format(sites=count_text(result.without_coordinates, lang))
        )
    columns = [
        word("distance", lang),
        "id",
        *(word(k, lang) for k in ("site", "organisation", "place", "activities")),
    ]
    return [Section(title, columns, rows, notes, ids=(1,))]


def figure_coverage(figure: FigureComparison, lang: str) -> str:
    """How much of a figure the registry's sum covers: n of N sites, share of the published total."""
    if figure.sites is None or figure.sites_with_figure is None:
        return ""
    if figure.share_of_published is None:
        return word("figure_coverage_sites", lang).format(
            with_figure=figure.sites_with_figure, sites=figure.sites
        )
    return word("figure_coverage", lang).format(
        with_figure=figure.sites_with_figure,
        sites=figure.sites,
        share=format_percent(figure.share_of_published, lang),
    )


def stats_sections(result: Stats, lang: str) -> list[Section]:
    rows: list[list[Any]] = []
    for figure in result.figures:
        rows.append(
            [
                figure.label,
                "" if figure.year is None else str(figure.year),  # a year: no separator
                "",
                word(f"metric_{figure.metric}", lang),
                figure.published,
                figure.registry,
                figure.difference,
                figure_coverage(figure, lang),
            ]
        )
        rows.extend(["", "", g.label, "", g.published, g.registry, g.difference, ""] for g in figure.groups)
    reg = result.registry
    title = with_year(
        f"{result.region.name} ({result.definition.name})", result.time.year if result.time else None
    )
    notes = [
        *([time_note(result.time, lang)] if result.time is not None else []),
        _employees_note(reg.employees_known, reg.sites_with_figure, reg.sites_without_figure, lang),
        word("stats_caveat", lang).format(
            with_figure=format_number(reg.sites_with_figure, lang),
            sites=format_number(reg.sites, lang),
            without=format_number(reg.sites_without_figure, lang),
            have=agree(reg.sites_without_figure, "have", lang),
        ),
    ]
    notes.extend(
        f"{f.label} ({f.year}): {word('scope', lang).lower()} {f.scope}; "
        f"{word('source', lang)}: {f.source_title or f.source}"
        + (f" ({f.source})" if f.source_title and f.source else "")
        for f in result.figures
    )
    shared = {s.id: s for f in result.figures for s in f.shared_sites}
    group_label = {g.group: g.label for f in result.figures for g in f.groups}
    if shared:
        notes.append(
            word("shared_sites_note", lang).format(
                sites="; ".join(
                    f"{s.name} ({format_number(s.employees, lang, empty='-')}: "
                    f"{', '.join(group_label.get(g, g) for g in s.groups)})"
                    for s in shared.values()
                )
            )
        )
    if result.wider_figures:
        notes.append(
            word("wider_figures_note", lang).format(
                figures="; ".join(
                    f"{w.name}: {format_number(w.value, lang)} ({w.year}, {word('scope_' + w.scope, lang)})"
                    for w in result.wider_figures
                )
            )
        )
    kinds: dict[str, list[str]] = {"stats_lower_bound": [], "stats_scenario": [], "stats_no_counterpart": []}
    for f in result.figures:
        kind = "stats_scenario" if f.scenario else "stats_lower_bound" if f.groups else "stats_no_counterpart"
        kinds[kind].append(f.label)
    notes.extend(word(k, lang).format(figures="; ".join(names)) for k, names in kinds.items() if names)
    return [
        Section(
            title,
            [
                word(k, lang)
                for k in (
                    "figure",
                    "year_heading",
                    "group",
                    "unit",
                    "published",
                    "registry",
                    "difference",
                    "coverage_heading",
                )
            ],
            rows,
            notes,
        )
    ]


def _result_class(result: Result) -> str | None:
    """The name of the result class that ``result`` is (or is a subclass of).

    Compared by name, not with ``isinstance``: the result classes are imported per analysis on
    first use (``lifeport_map.results``), and a command should not create every analysis's
    classes to render its own.
    """
    for cls in type(result).__mro__:
        if cls.__module__.startswith("lifeport_map.results.") and cls.__name__ in _SECTIONS:
            return cls.__name__
    return None


def sections(result: Result, lang: str) -> list[Section]:
    """The tables of any analysis result."""
    name = _result_class(result)
    if name is None:
        raise TypeError(f"no tables for {type(result).__name__}")
    return _SECTIONS[name](result, lang)


def _source_text(claim: ClaimVerdict, lang: str) -> str:
    parts = [claim.source.title, claim.source.publisher, str(claim.source.year)]
    if claim.source.section:
        parts.append(claim.source.section)
    if claim.source.page:
        parts.append(f"{word('page', lang)} {claim.source.page}")
    return ", ".join(parts)


def _evidence_number(value: float | None, lang: str) -> str:
    """A count as a whole number; a fraction (a location quotient) with two decimals, as the
    finding beside it gives it ('0,70', not '0,7')."""
    whole = value is None or float(value).is_integer()
    return format_number(value, lang, empty="-", decimals=None if whole else 2)


def _evidence_text(claim: ClaimVerdict, lang: str, limit: int = 15) -> str:
    items = [
        f"{e.id} ({', '.join(x for x in (e.place, e.country, e.detail) if x)})"
        for e in claim.evidence[:limit]
    ]
    if len(claim.evidence) > limit:
        items.append(word("and_more", lang).format(n=len(claim.evidence) - limit))
    items += [
        f"{n.label}: {_evidence_number(n.value, lang)}" + (f" ({n.note})" if n.note else "")
        for n in claim.numbers
    ]
    return "; ".join(items)


def claims_sections(result: ClaimsResult, lang: str) -> list[Section]:
    """One row per claim (id, verdict, statement), then a block per claim with its source,
    quote, reading, what the registry shows, what is missing, the evidence and the command."""
    rows: list[list[Any]] = [[c.id, c.verdict_label, c.claim] for c in result.claims]
    csv_columns = [
        word(k, lang)
        for k in (
            "claim_id",
            "verdict",
            "statement",
            "who",
            "where",
            "quote",
            "finding",
            "missing",
            "command",
        )
    ]
    csv_rows: list[list[Any]] = [
        [
            c.id,
            c.verdict_label,
            c.claim,
            c.who,
            _source_text(c, lang),
            c.quote,
            c.finding,
            "; ".join(c.missing),
            c.command,
        ]
        for c in result.claims
    ]
    totals = word("totals", lang).format(
        holds=result.totals.holds,
        does_not_hold=result.totals.does_not_hold,
        cannot_tell=result.totals.cannot_tell,
    )
    sections = [
        Section(
            with_year(word("claims", lang), result.year),
            [word(k, lang) for k in ("claim_id", "verdict", "statement")],
            rows,
            [totals],
            csv_columns=csv_columns,
            csv_rows=csv_rows,
            ids=(0,),
        )
    ]
    for c in result.claims:
        notes = [
            f"{word('who', lang)}: {c.who}; {_source_text(c, lang)}",
            f"{word('quote', lang)}: \u201c{c.quote}\u201d",
        ]
        if c.reading:
            notes.append(f"{word('reading', lang)}: {c.reading}")
        notes.append(f"{word('finding', lang)}: {c.finding}")
        if c.missing:
            notes.append(f"{word('missing', lang)}: {'; '.join(c.missing)}")
        evidence = _evidence_text(c, lang)
        if evidence:
            notes.append(f"{word('evidence', lang)}: {evidence}")
        notes.append(f"{word('command', lang)}: {c.command}")
        sections.append(Section(f"{c.id}: {c.verdict_label}", [], [], notes))
    return sections


# result class name -> its tables (see ``sections``)
_SECTIONS: dict[str, Callable[[Any, str], list[Section]]] = {
    "Coverage": coverage_sections,
    "Comparison": compare_sections,
    "Gaps": gaps_sections,
    "WhatIf": whatif_sections,
    "Near": near_sections,
    "Stats": stats_sections,
    "ClaimsResult": claims_sections,
}
