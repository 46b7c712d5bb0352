"""The policy documents' claims checked against the registry: holds, does not hold, or cannot tell.

Each claim's check (see ``lifeport_map.claims``) is answered with the same analyses a user runs:
coverage for whole chains, the site filters of ``near`` for counts, the published figures of
``stats`` for employment, location quotients for specialisation. A verdict is "cannot tell" when
the data that would decide it is missing (a facility field, employee figures, a site the registry
does not hold), and the missing data is named. Each verdict carries the sites it counted and the
command that shows the same evidence.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lifeport_map.analysis.compare import compare, default_regions
from lifeport_map.analysis.coverage import coverage
from lifeport_map.analysis.filters import SiteFilter, check_filter, site_filter
from lifeport_map.analysis.near import breakdown, resolve_origin
from lifeport_map.chain import (
    ABOUT_TOLERANCE,
    COUNTED_STATUSES,
    EMPLOYEE_COVERAGE_MIN,
    FACILITY_ACTIVITIES,
    PLANT_ACTIVITIES,
    ChainRules,
    counting,
    is_counted,
    is_pipeline,
    rule_text,
)
from lifeport_map.claims import Claim
from lifeport_map.errors import UsageError
from lifeport_map.geo import geodesic_many_km
from lifeport_map.graph import (
    SiteNode,
    all_sites,
    as_graph,
    chain_rules_of,
    member_ids,
    members,
    region,
    region_ids,
    resolve_definition,
    resolve_region,
    site,
    term_label,
)
from lifeport_map.graph import label as graph_label
from lifeport_map.numbers import format_number, format_percent
from lifeport_map.render.labels import LABELS, count_text, label
from lifeport_map.results import (
    ClaimsMethod,
    ClaimSourceInfo,
    ClaimsResult,
    ClaimTotals,
    ClaimVerdict,
    EvidenceNumber,
    EvidenceSite,
)
from lifeport_map.text import fold

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import Registry

HOLDS, DOES_NOT_HOLD, CANNOT_TELL = "holds", "does-not-hold", "cannot-tell"
VERDICTS = (HOLDS, DOES_NOT_HOLD, CANNOT_TELL)
MIN_SITES_FOR_QUOTIENT = 3


def text(key: str, lang: str, **values: Any) -> str:
    """The claims' text ``key`` in ``lang`` from the one label table (``claim_<key>``)."""
    return label(f"claim_{key}", lang).format(**values)


@dataclass
class _Context:
    graph: nx.MultiDiGraph
    rules: ChainRules
    lang: str

    def number(self, value: float | None, **kw: Any) -> str:
        return format_number(value, self.lang, **kw)

    def region_name(self, region_id: str) -> str:
        return region(self.graph, region_id).text(self.lang)


@dataclass
class _Outcome:
    """What a check found, before it becomes a ClaimVerdict."""

    verdict: str
    finding: str
    command: str
    missing: list[str]
    observed: float | None = None
    expected: float | None = None
    evidence: tuple[EvidenceSite, ...] = ()
    numbers: tuple[EvidenceNumber, ...] = ()
    breakdown: Any = None


def evaluate_claims(
    source: Registry | nx.MultiDiGraph, claims: Iterable[Claim], *, lang: str = "en"
) -> ClaimsResult:
    """Every claim with its verdict, evidence and the command that reproduces it."""
    graph = as_graph(source)
    ctx = _Context(graph=graph, rules=chain_rules_of(graph), lang=lang)
    verdicts = tuple(evaluate_claim(ctx, claim) for claim in claims)
    year = (graph.graph.get("time") or {}).get("year")
    if year is not None:
        verdicts = tuple(replace(v, command=_in_year_command(v.command, year)) for v in verdicts)
    return ClaimsResult(
        claims=verdicts,
        totals=ClaimTotals(
            holds=sum(1 for v in verdicts if v.verdict == HOLDS),
            does_not_hold=sum(1 for v in verdicts if v.verdict == DOES_NOT_HOLD),
            cannot_tell=sum(1 for v in verdicts if v.verdict == CANNOT_TELL),
        ),
        method=ClaimsMethod(
            statuses_counted=COUNTED_STATUSES,
            about=rule_text("about", lang),
            employees=rule_text("employee_coverage", lang),
            specialisation=rule_text("claim_specialisation", lang, min_sites=MIN_SITES_FOR_QUOTIENT),
        ),
        year=year,
    )


def _in_year_command(command: str, year: int) -> str:
    """``command`` with ``--year`` after each command in it (coverage, compare, stats, near,
    export: every one a claim prints takes it), so it shows the evidence of the chain in
    ``year``."""
    return re.sub(
        r"\blifeport-map (coverage|compare|stats|near|export)\b", rf"lifeport-map \1 --year {year}", command
    )


def evaluate_claim(ctx: _Context, claim: Claim) -> ClaimVerdict:
    try:
        outcome = CHECKS[claim.type](ctx, claim)
    except (KeyError, StopIteration, UsageError) as error:  # a site, region or figure this graph lacks
        message = (
            error.in_lang(ctx.lang)[0]
            if isinstance(error, UsageError)
            else text("not_here", ctx.lang, what=str(error))
        )
        outcome = _Outcome(verdict=CANNOT_TELL, finding=message, command="", missing=[message])
    lang = ctx.lang
    return ClaimVerdict(
        id=claim.id,
        claim=claim.statement.get(lang) or claim.statement.get("en") or claim.id,
        who=claim.who,
        source=ClaimSourceInfo(
            reference=claim.source.reference,
            title=claim.source.title,
            publisher=claim.source.publisher,
            year=claim.source.year,
            section=claim.source.section,
            page=claim.source.page,
        ),
        quote=claim.quote,
        reading=claim.reading.get(lang) or claim.reading.get("en") or "",
        check=claim.type,
        verdict=outcome.verdict,
        verdict_label=text(outcome.verdict, lang),
        finding=outcome.finding,
        missing=tuple(outcome.missing),
        observed=outcome.observed,
        expected=outcome.expected,
        evidence=outcome.evidence,
        numbers=outcome.numbers,
        breakdown=outcome.breakdown,
        command=outcome.command,
    )


# --- evidence and commands ----------------------------------------------------------------------


def _evidence(
    ctx: _Context, found: SiteNode, *, distance: float | None = None, detail: str = ""
) -> EvidenceSite:
    return EvidenceSite(
        id=found.id,
        name=found.name,
        organisation=found.organisation,
        place=found.place,
        country=found.country,
        kind=found.kind,
        knowledge=ctx.rules.is_knowledge(found.kind),
        status=found.status,
        distance_km=None if distance is None else round(distance, 1),
        detail=detail,
    )


def _command(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


def _quote(value: str) -> str:
    return shlex.quote(value)


def _filter_options(found: SiteFilter) -> str:
    options: list[str] = []
    for flag, values in (
        ("--country", found.countries),
        ("--activity", found.activities),
        ("--technology", found.technologies),
        ("--wafer-mm", tuple(str(mm) for mm in found.wafer_mm)),
        ("--facility-type", found.facility_types),
        ("--kind", found.kinds),
        ("--organisation", found.organisations),
        ("--site", found.ids),
    ):
        options.extend(f"{flag} {_quote(str(v))}" for v in values)
    return " ".join(options)


def _ids(sites: Iterable[str]) -> str:
    """Every id, whole: ids are what a user copies into ``whatif`` or ``near``, so a list of
    them is never cut short."""
    return ", ".join(sites)


# --- count --------------------------------------------------------------------------------------


def _meets(op: str, value: float, target: float) -> bool:
    if op == "equals":
        return value == target
    if op == "at-least":
        return value >= target
    if op == "at-most":
        return value <= target
    return abs(value - target) <= max(1.0, ABOUT_TOLERANCE * target)  # about


def _facility_unknown(found: SiteNode, wanted: SiteFilter) -> list[str]:
    """The facility fields a site lacks that the filter asks about, when the site could have
    such a plant (it does an activity such a plant serves, see chain.FACILITY_ACTIVITIES) and
    its known fields do not already rule it out (empty: the site is decided)."""
    activities = set(found.activities)
    plant = bool(found.facility_type) or bool(activities & PLANT_ACTIVITIES)
    checks = (
        ("facility_types", wanted.facility_types, (found.facility_type,) if found.facility_type else ()),
        ("technologies", wanted.technologies, found.technologies),
        ("wafer_mm", wanted.wafer_mm, found.wafer_mm),
    )
    lacking = []
    for name, asked, have in checks:
        if not asked:
            continue
        if have and not set(asked).intersection(have):
            return []
        if have:
            continue
        if name == "facility_types":
            served = set().union(*(FACILITY_ACTIVITIES.get(t, frozenset()) for t in wanted.facility_types))
            if not activities & served:
                return []
        elif not plant:
            return []
        lacking.append(name)
    return lacking


def _check_count(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    raw = check.get("filter") or {}
    wanted = site_filter(
        countries=raw.get("countries", ()),
        activities=raw.get("activities", ()),
        technologies=raw.get("technologies", ()),
        wafer_mm=raw.get("wafer_mm", ()),
        facility_types=raw.get("facility_types", ()),
        kinds=raw.get("kinds", ()),
        statuses=raw.get("statuses", ()) or COUNTED_STATUSES,
    )
    check_filter(ctx.graph, wanted)
    how = counting(check["roles"], ctx.rules.roles, ctx.rules.role_labels) if check.get("roles") else None
    distances: dict[str, float] = {}
    statuses = (
        "" if wanted.statuses == COUNTED_STATUSES else " ".join(f"--status {s}" for s in wanted.statuses)
    )
    if check.get("region"):
        found = resolve_region(ctx.graph, check["region"])
        chosen = resolve_definition(ctx.graph, found, check.get("definition"))
        pool = members(ctx.graph, found.id, chosen.id)

        def command_of(shown: SiteFilter) -> str:
            return _command(
                "lifeport-map coverage --region",
                _quote(found.id),
                f"--definition {_quote(chosen.id)}" if check.get("definition") else None,
                f"--roles {_quote(how.id)}" if how else "--roles all",
                _filter_options(shown),
                statuses,
            )

    else:
        origin = resolve_origin(ctx.graph, check["origin"], ctx.lang)
        radius = float(check["radius_km"])
        placed = [s for s in all_sites(ctx.graph) if s.lat is not None and s.lon is not None]
        kms = geodesic_many_km(origin.lat, origin.lon, [(s.lat or 0.0, s.lon or 0.0) for s in placed])
        distances = {s.id: km for s, km in zip(placed, kms, strict=True) if km <= radius}
        pool = [s for s in placed if s.id in distances]

        def command_of(shown: SiteFilter) -> str:
            return _command(
                "lifeport-map near",
                _quote(check["origin"]),
                f"--radius-km {radius:g}",
                _filter_options(shown),
                statuses,
                f"--roles {_quote(how.id)}" if how else None,
            )

    base = replace(wanted, technologies=(), wafer_mm=(), facility_types=())

    def in_chain(s: SiteNode) -> bool:
        return how is None or bool(ctx.rules.counted_phases(how, s.kind, s.activities, s.served_phases))

    candidates = [s for s in pool if base.matches(s, ctx.rules) and in_chain(s)]
    matched = [s for s in candidates if wanted.matches(s, ctx.rules)]
    unknown = [
        (s, lacking)
        for s in candidates
        if s not in matched
        for lacking in [_facility_unknown(s, wanted)]
        if lacking
    ]
    per_organisation = check.get("per") == "organisations"

    def size(sites: Sequence[SiteNode]) -> int:
        return len({s.organisation for s in sites}) if per_organisation else len(sites)

    value = size(matched)
    possible = size([*matched, *(s for s, _ in unknown)])
    expect = check.get("expect") or {}
    op = expect.get("op", "equals")
    target = expect.get("value")
    named = list(expect.get("sites") or [])
    matched_ids = [s.id for s in matched]
    notes: list[str] = []
    missing: list[str] = []

    def meets(n: int, ids: Sequence[str]) -> bool:
        ok = target is None or _meets(op, n, float(target))
        if named and (op == "equals" and target is not None and float(target) == len(named)):
            return ok and set(ids) == set(named)
        return ok and set(named) <= set(ids)

    outcomes = {meets(n, matched_ids) for n in range(value, possible + 1)}
    verdict = (HOLDS if outcomes == {True} else DOES_NOT_HOLD) if len(outcomes) == 1 else CANNOT_TELL
    unit = text(("organisation" if per_organisation else "site") + ("" if value == 1 else "s"), ctx.lang)
    finding = [
        text(
            "count",
            ctx.lang,
            n=ctx.number(value),
            unit=unit,
            op=text(op, ctx.lang),
            target=ctx.number(target) if target is not None else _ids(named),
        )
    ]
    if named:
        absent = [i for i in named if i not in matched_ids]
        extra = [i for i in matched_ids if i not in named]
        if absent:
            finding.append(text("named_missing", ctx.lang, ids=_ids(absent)))
        if extra:
            finding.append(text("not_named", ctx.lang, ids=_ids(extra)))
    if unknown:
        fields = sorted({f for _, lacking in unknown for f in lacking})
        field_names = ", ".join(text(f, ctx.lang) for f in fields)
        finding.append(
            text(
                "unknown_facility_one" if len(unknown) == 1 else "unknown_facility",
                ctx.lang,
                n=len(unknown),
                fields=field_names,
                ids=_ids(s.id for s, _ in unknown),
            )
        )
        if verdict == CANNOT_TELL:
            missing.append(
                text("missing_facility", ctx.lang, field=field_names, ids=_ids(s.id for s, _ in unknown))
            )
    if (
        check.get("complete") is False
        and verdict == DOES_NOT_HOLD
        and target is not None
        and value < float(target)
    ):
        verdict = CANNOT_TELL
        notes.append(text("incomplete", ctx.lang))
        missing.append(text("complete_list", ctx.lang, n=ctx.number(value)))
    # the sites counted; then the sites that may count but lack the facility fields asked
    # about: the same command without the facility filters, for those sites alone
    lacking_ids = tuple(s.id for s, _ in unknown)
    command = command_of(wanted) + (f" ; {command_of(replace(base, ids=lacking_ids))}" if unknown else "")
    evidence = tuple(
        _evidence(ctx, s, distance=distances.get(s.id), detail=_facility_detail(ctx, s)) for s in matched
    ) + tuple(
        _evidence(
            ctx,
            s,
            distance=distances.get(s.id),
            detail="?" + ", ".join(text(f, ctx.lang) if f"claim_{f}" in LABELS else f for f in lacking),
        )
        for s, lacking in unknown
    )
    return _Outcome(
        verdict=verdict,
        finding=" ".join(finding + notes),
        command=command,
        missing=missing,
        observed=value,
        expected=float(target) if target is not None else float(len(named)) if named else None,
        evidence=evidence,
        breakdown=breakdown(matched, ctx.rules),
    )


def _facility_detail(ctx: _Context, found: SiteNode) -> str:
    """The facility in words of the language: its type, wafer sizes and technologies."""
    parts = [_term(ctx, "facility_types", found.facility_type)] if found.facility_type else []
    if found.wafer_mm:
        parts.append("/".join(str(mm) for mm in found.wafer_mm) + " mm")
    parts.extend(_term(ctx, "technologies", t) for t in found.technologies)
    if found.status != "active":
        parts.append(
            text("status_note", ctx.lang, status=term_label(ctx.graph, "statuses", found.status, ctx.lang))
        )
    return ", ".join(parts)


# --- whole chain --------------------------------------------------------------------------------


def _check_whole_chain(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    result = coverage(
        ctx.graph,
        check["region"],
        definition=check.get("definition"),
        lang=ctx.lang,
        roles=check.get("roles"),
    )
    phases = "; ".join(f"{p.label} {ctx.number(p.count)}" for p in result.phases)
    lacking = [p.label for p in result.phases if not p.count]
    finding = (
        text(
            "whole_chain_yes",
            ctx.lang,
            region=result.region.name,
            counting=result.counting.label,
            phases=phases,
        )
        if result.whole_chain
        else text(
            "whole_chain_no",
            ctx.lang,
            region=result.region.name,
            missing=", ".join(lacking),
            counting=result.counting.label,
            phases=phases,
        )
    )
    evidence = tuple(
        _evidence(ctx, site(ctx.graph, a.id), detail=p.label) for p in result.phases for a in p.actors
    )
    return _Outcome(
        verdict=HOLDS if result.whole_chain else DOES_NOT_HOLD,
        finding=finding,
        command=_command(
            "lifeport-map coverage --region",
            _quote(result.region.id),
            f"--definition {_quote(result.definition.id)}" if check.get("definition") else None,
            f"--roles {_quote(result.counting.id)}",
        ),
        missing=[],
        observed=float(len(result.covered_phases)),
        expected=float(len(result.phases)),
        evidence=evidence,
        numbers=tuple(
            EvidenceNumber(key=p.phase, label=p.label, value=p.count, note="") for p in result.phases
        ),
    )


def _check_whole_chain_unique(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    regions = list(check.get("regions") or default_regions(ctx.graph))
    if check["region"] not in regions:
        regions.insert(0, check["region"])
    result = compare(ctx.graph, regions, lang=ctx.lang, roles=check.get("roles"))
    home = resolve_region(ctx.graph, check["region"]).id
    holders = list(result.whole_chain)
    names = {c.region.id: c.region.name for c in result.regions}
    holds = holders == [home]
    finding = (
        text("unique_yes", ctx.lang, region=names[home], counting=result.counting.label)
        if holds
        else text(
            "unique_no",
            ctx.lang,
            counting=result.counting.label,
            regions=", ".join(names[r] for r in holders) or text("none", ctx.lang),
        )
    )
    return _Outcome(
        verdict=HOLDS if holds else DOES_NOT_HOLD,
        finding=finding,
        command=_command(
            "lifeport-map compare", *map(_quote, regions), f"--roles {_quote(result.counting.id)}"
        ),
        missing=[],
        observed=float(len(holders)),
        expected=1.0,
        numbers=tuple(
            EvidenceNumber(
                key=c.region.id,
                label=c.region.name,
                value=float(len(c.covered_phases)),
                note=", ".join(p.label for p in c.phases if not p.count),
            )
            for c in result.regions
        ),
    )


# --- organisations present ----------------------------------------------------------------------


def _check_organisations(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    found = resolve_region(ctx.graph, check["region"])
    chosen = resolve_definition(ctx.graph, found, check.get("definition"))
    activities = set(check.get("activities") or ())
    inside = {s.id for s in members(ctx.graph, found.id, chosen.id)}
    everyone = all_sites(ctx.graph)
    present: list[tuple[str, SiteNode]] = []
    elsewhere: list[tuple[str, list[SiteNode]]] = []
    absent: list[str] = []
    for name in check["organisations"]:
        theirs = [s for s in everyone if fold(s.organisation) == fold(name)]
        here = [
            s
            for s in theirs
            if s.id in inside
            and is_counted(s.status)
            and (not activities or activities.intersection(s.activities))
        ]
        if here:
            present.extend((name, s) for s in here)
        elif theirs:
            elsewhere.append((name, theirs))
        else:
            absent.append(name)
    region_name = found.text(ctx.lang)
    what = (
        text(
            "with_activity",
            ctx.lang,
            activities=", ".join(sorted(graph_label(ctx.graph, "activity", a, ctx.lang) for a in activities)),
        )
        if activities
        else ""
    )
    finding = []
    if present:
        finding.append(
            text(
                "present", ctx.lang, region=region_name, names=", ".join(dict.fromkeys(n for n, _ in present))
            )
        )
    if elsewhere:

        def where(s: SiteNode) -> str:
            return f"{s.place} [{term_label(ctx.graph, 'statuses', s.status, ctx.lang)}]"

        described = "; ".join(f"{name} ({', '.join(where(s) for s in sites)})" for name, sites in elsewhere)
        finding.append(text("elsewhere", ctx.lang, region=region_name, what=what, names=described))
    if absent:
        finding.append(text("not_in_registry", ctx.lang, names=", ".join(absent)))
    verdict = DOES_NOT_HOLD if elsewhere else CANNOT_TELL if absent else HOLDS
    # the region's sites of the organisations the registry holds (none: nothing to show)
    held = [n for n in check["organisations"] if n not in absent]
    evidence = tuple(_evidence(ctx, s) for _, s in present) + tuple(
        _evidence(ctx, s, detail=text("outside", ctx.lang, place=s.place) if s.id not in inside else s.status)
        for _, sites in elsewhere
        for s in sites
    )
    return _Outcome(
        verdict=verdict,
        finding=" ".join(finding),
        command=_command(
            "lifeport-map coverage --region",
            _quote(found.id),
            f"--definition {_quote(chosen.id)}" if check.get("definition") else None,
            "--roles all",
            " ".join(f"--activity {_quote(a)}" for a in sorted(activities)),
            " ".join(f"--organisation {_quote(n)}" for n in held),
        )
        if held
        else "",
        missing=[text("registry_entry", ctx.lang, name=n) for n in absent],
        observed=float(len({n for n, _ in present})),
        expected=float(len(check["organisations"])),
        evidence=evidence,
    )


# --- facility -----------------------------------------------------------------------------------


def _check_facility(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    found = site(ctx.graph, check["site"])
    stated = check["facility"]
    approximate = bool(stated.get("approximate"))
    lines: list[str] = []
    missing: list[str] = []
    wrong = False

    def compare_field(
        name: str,
        have: Any,
        claimed: Any,
        ok: Callable[[Any, Any], bool],
        shown: str,
        said: str | None = None,
    ) -> None:
        nonlocal wrong
        label = text(name, ctx.lang)
        if have in (None, "", ()):
            missing.append(text("facility_missing", ctx.lang, field=label, site=found.id))
            return
        if not ok(have, claimed):
            wrong = True
        stated_text = _stated(ctx, claimed) if said is None else said
        opening = label[:1].upper() + label[1:]  # each field's finding is a sentence of its own
        lines.append(text("facility_field", ctx.lang, field=opening, found=shown, stated=stated_text))

    def near_value(have: float, claimed: float) -> bool:
        return abs(have - claimed) <= (ABOUT_TOLERANCE * claimed if approximate else 0)

    if "type" in stated:
        compare_field(
            "type",
            found.facility_type,
            stated["type"],
            lambda h, c: h == c,
            _term(ctx, "facility_types", found.facility_type) if found.facility_type else "",
            _term(ctx, "facility_types", stated["type"]),
        )
    if "wafer_mm" in stated:
        compare_field(
            "wafer_mm",
            found.wafer_mm,
            stated["wafer_mm"],
            lambda h, c: c in h,
            "/".join(str(mm) for mm in found.wafer_mm),
        )
    if "node_nm" in stated:
        compare_field("node_nm", found.node_nm, stated["node_nm"], near_value, ctx.number(found.node_nm))
    if "capacity" in stated:
        claimed = stated["capacity"]
        have = found.capacity
        compare_field(
            "capacity",
            have,
            (claimed["value"], claimed["unit"]),
            lambda h, c: h[1] == c[1] and near_value(h[0], c[0]),
            f"{ctx.number(have[0])} {_term(ctx, 'capacity_units', have[1])} ({have[2]})" if have else "",
        )
    if found.facility_source and found.facility_source == claim.source.reference:
        lines.append(text("same_source", ctx.lang))
    verdict = DOES_NOT_HOLD if wrong else CANNOT_TELL if missing else HOLDS
    return _Outcome(
        verdict=verdict,
        finding=" ".join(lines) or " ".join(missing),
        command=_facility_command(ctx, found),
        missing=missing,
        evidence=(_evidence(ctx, found, detail=_facility_detail(ctx, found)),),
    )


def _facility_command(ctx: _Context, found: SiteNode) -> str:
    """The command that shows this one site with its facility: ``near`` at its coordinates,
    restricted to it with --site (near lists a site's facility fields). A site without
    coordinates is shown by the coverage of a region that holds it (under the region's default
    definition if it does, else under the first definition that does), restricted to it with
    --site; an active site among the phases' sites, a planned one in the pipeline. Only a site
    that neither command can show (no coordinates, in no region, or closed) gets the export of
    every site."""
    site_option = f"--site {_quote(found.id)}"
    if found.lat is not None and found.lon is not None:
        status = "" if is_counted(found.status) else f" --status {_quote(found.status)}"
        where = _quote(f"{found.lat},{found.lon}")
        return f"lifeport-map near {where} --radius-km 0.1 {site_option}{status} --format json"
    if is_counted(found.status) or is_pipeline(found.status):
        for region_id in region_ids(ctx.graph):
            held = region(ctx.graph, region_id)
            ordered = sorted(held.definitions, key=lambda d: d != held.default_definition)
            for definition in ordered:
                if found.id in member_ids(ctx.graph, region_id, definition):
                    return _command(
                        f"lifeport-map coverage --region {_quote(region_id)}",
                        None
                        if definition == held.default_definition
                        else f"--definition {_quote(definition)}",
                        f"--roles all {site_option} --format json",
                    )
    return "lifeport-map export --format json"


def _term(ctx: _Context, vocabulary: str, key: str) -> str:
    """A term of the registry's taxonomy (a facility type, technology or capacity unit) in the
    language, not its code."""
    return term_label(ctx.graph, vocabulary, key, ctx.lang)


def _stated(ctx: _Context, value: Any) -> str:
    if isinstance(value, tuple):
        return f"{ctx.number(value[0])} {_term(ctx, 'capacity_units', value[1])}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ctx.number(value)
    return str(value)


# --- employment ---------------------------------------------------------------------------------


def _figure(ctx: _Context, region_id: str, figure_id: str) -> Any:
    return next(f for f in region(ctx.graph, region_id).figures if f.id == figure_id)


def _view_sites(ctx: _Context, region_id: str, view: str | None) -> list[SiteNode]:
    """The region's counted sites the figure covers: those doing an activity of the figure's view
    (every counted site in the chain when the figure has no breakdown)."""
    from lifeport_map.analysis.stats import view_groups

    found = resolve_region(ctx.graph, region_id)
    counted = [s for s in members(ctx.graph, found.id, found.default_definition) if is_counted(s.status)]
    if view:
        activities = frozenset().union(*(a for _, _, a in view_groups(ctx.graph, view)))
        return [s for s in counted if activities.intersection(s.activities)]
    every = counting("all", ctx.rules.roles)
    return [s for s in counted if ctx.rules.counted_phases(every, s.kind, s.activities, s.served_phases)]


def _check_employees(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    figure = _figure(ctx, check["region"], check["figure"])
    command = f"lifeport-map stats --region {_quote(check['region'])}"
    if figure.scenario:
        return _Outcome(
            verdict=CANNOT_TELL,
            finding=text("scenario", ctx.lang, year=figure.year),
            command=command,
            missing=[text("scenario_missing", ctx.lang, year=figure.year)],
            expected=figure.value,
        )
    sites = _view_sites(ctx, check["region"], figure.breakdown)
    with_figure = [s for s in sites if s.employees is not None]
    total = sum(s.employees or 0 for s in with_figure)
    share = len(with_figure) / len(sites) if sites else 0.0
    published = figure.value
    values = dict(
        n=len(with_figure),
        total=len(sites),
        share=format_percent(share, ctx.lang),
        sum=ctx.number(total),
        published=ctx.number(published),
        published_share=format_percent(total / published, ctx.lang) if published else "",
        threshold=format_percent(EMPLOYEE_COVERAGE_MIN, ctx.lang),
    )
    evidence = tuple(_evidence(ctx, s, detail=ctx.number(s.employees)) for s in with_figure)
    if share < EMPLOYEE_COVERAGE_MIN or not published:
        without = [s.id for s in sites if s.employees is None]
        return _Outcome(
            verdict=CANNOT_TELL,
            finding=text("employees_coverage", ctx.lang, **values),
            command=command,
            missing=[
                text(
                    "employee_figures",
                    ctx.lang,
                    sites=count_text(len(without), ctx.lang),
                    region=ctx.region_name(check["region"]),
                )
                + f" ({_ids(without)})"
            ],
            observed=float(total),
            expected=published,
            evidence=evidence,
        )
    holds = _meets("about", total, float(published))
    return _Outcome(
        verdict=HOLDS if holds else DOES_NOT_HOLD,
        finding=text("employees_covered", ctx.lang, **values),
        command=command,
        missing=[],
        observed=float(total),
        expected=published,
        evidence=evidence,
    )


def _group_labels(ctx: _Context, view: str | None) -> dict[str, str]:
    """The groups of a taxonomy view by key, labelled in the chosen language."""
    from lifeport_map.analysis.stats import view_groups

    if view is None:
        return {}
    return {key: labels.get(ctx.lang) or labels["en"] for key, labels, _ in view_groups(ctx.graph, view)}


def _check_figure_sum(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    figure = _figure(ctx, check["region"], check["figure"])
    command = f"lifeport-map stats --region {_quote(check['region'])}"
    if not figure.values or figure.value is None:
        return _Outcome(
            verdict=CANNOT_TELL,
            finding=text("figure_no_groups", ctx.lang),
            command=command,
            missing=[text("figure_no_groups", ctx.lang)],
        )
    added = sum(figure.values.values())
    tolerance = 0.02 * figure.value if figure.approximate else 0.0
    group_labels = _group_labels(ctx, figure.breakdown)
    difference = added - figure.value
    return _Outcome(
        verdict=HOLDS if abs(difference) <= tolerance else DOES_NOT_HOLD,
        finding=text(
            "figure_sum",
            ctx.lang,
            sum=ctx.number(added),
            total=ctx.number(figure.value, approximate=figure.approximate),
            diff=ctx.number(difference),
        ),
        command=command,
        missing=[],
        observed=added,
        expected=figure.value,
        numbers=tuple(
            EvidenceNumber(key=group, label=group_labels.get(group, group), value=value, note="")
            for group, value in figure.values.items()
        ),
    )


def _check_rank(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    regions = list(check.get("regions") or default_regions(ctx.graph))
    sums: dict[str, tuple[int, int, int]] = {}  # employees, sites with a figure, sites
    for region_id in regions:
        sites = _view_sites(ctx, region_id, None)
        with_figure = [s for s in sites if s.employees is not None]
        sums[region_id] = (sum(s.employees or 0 for s in with_figure), len(with_figure), len(sites))
    short = {r: v for r, v in sums.items() if not v[2] or v[1] / v[2] < EMPLOYEE_COVERAGE_MIN}
    numbers = tuple(
        EvidenceNumber(
            key=r,
            label=ctx.region_name(r),
            value=float(v[0]),
            note=f"{v[1]}/{v[2]} ({format_percent(v[1] / v[2] if v[2] else 0.0, ctx.lang)})",
        )
        for r, v in sums.items()
    )
    command = " ; ".join(
        f"lifeport-map coverage --region {_quote(r)} --roles all --format json" for r in regions
    )
    if short:
        coverage_text = ", ".join(f"{ctx.region_name(r)} {v[1]}/{v[2]}" for r, v in short.items())
        return _Outcome(
            verdict=CANNOT_TELL,
            finding=text("rank_coverage", ctx.lang, coverage=coverage_text),
            command=command,
            missing=[
                text(
                    "employee_figures",
                    ctx.lang,
                    sites=count_text(v[2] - v[1], ctx.lang),
                    region=ctx.region_name(r),
                )
                for r, v in short.items()
            ],
            expected=float(check["position"]),
            numbers=numbers,
        )
    order = sorted(regions, key=lambda r: -sums[r][0])
    position = order.index(check["region"]) + 1
    return _Outcome(
        verdict=HOLDS if position == check["position"] else DOES_NOT_HOLD,
        finding=text(
            "rank",
            ctx.lang,
            region=ctx.region_name(check["region"]),
            position=position,
            n=len(order),
            order=", ".join(f"{ctx.region_name(r)} {ctx.number(sums[r][0])}" for r in order),
        ),
        command=command,
        missing=[],
        observed=float(position),
        expected=float(check["position"]),
        numbers=numbers,
    )


# --- specialisation -----------------------------------------------------------------------------


def _check_specialisation(ctx: _Context, claim: Claim) -> _Outcome:
    check = claim.check
    regions = list(check.get("regions") or default_regions(ctx.graph))
    if check["region"] not in regions:
        regions.insert(0, check["region"])
    if check.get("role"):
        activities = tuple(a for a in ctx.rules.activities if ctx.rules.role_of.get(a) == check["role"])
    else:
        activities = tuple(check.get("activities") or ())
    how = counting(check.get("roles"), ctx.rules.roles, ctx.rules.role_labels)
    phase = check.get("phase")
    counts: dict[str, tuple[int, int]] = {}
    for region_id in regions:
        found = resolve_region(ctx.graph, region_id)
        counted = [s for s in members(ctx.graph, found.id, found.default_definition) if is_counted(s.status)]
        if phase:
            hits = [
                s
                for s in counted
                if phase in ctx.rules.counted_phases(how, s.kind, s.activities, s.served_phases)
            ]
        else:
            hits = [s for s in counted if set(activities).intersection(s.activities)]
        counts[found.id] = (len(hits), len(counted))
    total_hits = sum(n for n, _ in counts.values())
    total_sites = sum(total for _, total in counts.values())
    quotients = {
        r: (n / total) / (total_hits / total_sites) if total and total_hits else None
        for r, (n, total) in counts.items()
    }
    home = resolve_region(ctx.graph, check["region"]).id
    above = float(check.get("above", 1.0))
    lq = quotients[home]
    others = ", ".join(
        f"{ctx.region_name(r)} {ctx.number(q, decimals=2)}"
        for r, q in quotients.items()
        if r != home and q is not None
    )
    if phase:
        command = (
            f"lifeport-map compare {' '.join(map(_quote, regions))} --roles {_quote(how.id)} --format json"
        )
    else:
        options = " ".join(f"--activity {_quote(a)}" for a in activities)
        command = (
            f"lifeport-map compare {' '.join(map(_quote, regions))} --roles all {options} --format json ; "
            f"lifeport-map compare {' '.join(map(_quote, regions))} --roles all --format json"
        )
    few = counts[home][0] < MIN_SITES_FOR_QUOTIENT
    return _Outcome(
        verdict=CANNOT_TELL if lq is None or few else HOLDS if lq > above else DOES_NOT_HOLD,
        finding=text(
            "specialisation",
            ctx.lang,
            region=ctx.region_name(home),
            lq=ctx.number(lq, decimals=2),
            n=counts[home][0],
            total=counts[home][1],
            above=ctx.number(above, decimals=2),
            others=text("others", ctx.lang, values=others) if others else "",
        ).strip(),
        command=command,
        missing=[text("more_sites", ctx.lang, n=MIN_SITES_FOR_QUOTIENT, region=ctx.region_name(home))]
        if few
        else [],
        observed=None if lq is None else round(lq, 3),
        expected=above,
        numbers=tuple(
            EvidenceNumber(
                key=r,
                label=ctx.region_name(r),
                # the two decimals the finding shows: rounded once from the quotient itself
                # (1.16487 is 1.16 in both, not 1.165 and then 1.17)
                value=None if q is None else round(q, 2),
                note=f"{counts[r][0]}/{counts[r][1]}",
            )
            for r, q in quotients.items()
        ),
    )


CHECKS: dict[str, Callable[[_Context, Claim], _Outcome]] = {
    "whole-chain": _check_whole_chain,
    "whole-chain-unique": _check_whole_chain_unique,
    "count": _check_count,
    "organisations-present": _check_organisations,
    "facility": _check_facility,
    "employees": _check_employees,
    "figure-sum": _check_figure_sum,
    "rank": _check_rank,
    "specialisation": _check_specialisation,
}
