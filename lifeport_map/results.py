"""The analyses' results as frozen dataclasses, each with one ``to_json()``.

Renderers read attributes (checked by mypy), scripts read ``to_json()``: fields are written in
declaration order under their own names, nested results recursively, tuples as lists, so the
JSON of every command is defined here and nowhere else. A field marked ``OMIT_NONE`` is left
out of the JSON when it is None.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

OMIT_NONE = {"omit_none": True}


_encode_text = json.encoder.encode_basestring  # the C version when available, as json.dumps uses


def _json_float(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return _encode_text(key)
    if isinstance(key, float):
        return '"' + _json_float(key) + '"'
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return '"' + int.__repr__(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _json_scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return _encode_text(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    return None


def json_text(value: Any, indent: int = 2) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)``, character for
    character, several times faster on large results: json uses its C encoder only without
    indentation, and its Python encoder nests a generator per level."""
    parts: list[str] = []
    _json_write(value, "\n", " " * indent, parts.append)
    return "".join(parts)


def _json_write(value: Any, newline: str, step: str, out: Any) -> None:
    text = _json_scalar(value)
    if text is not None:
        out(text)
        return
    if isinstance(value, (list, tuple)):
        if not value:
            out("[]")
            return
        inner = newline + step
        separator = "," + inner
        out("[")
        if all(type(item) is str for item in value):
            out(inner + separator.join(map(_encode_text, value)))
        else:
            first = True
            for item in value:
                out(inner if first else separator)
                first = False
                _json_write(item, inner, step, out)
        out(newline + "]")
        return
    if isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = newline + step
        separator = "," + inner
        out("{")
        first = True
        for key, item in value.items():
            out((inner if first else separator) + _json_key(key) + ": ")
            first = False
            text = _json_scalar(item)
            if text is not None:
                out(text)
            else:
                _json_write(item, inner, step, out)
        out(newline + "}")
        return
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def plain(value: Any) -> Any:
    """A result (or any value inside one) as JSON-ready data."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    cls: type = type(value)
    fields = _fields(cls) if dataclasses.is_dataclass(cls) else None
    if fields is not None:
        out: dict[str, Any] = {}
        for name, omit_none in fields:
            item = getattr(value, name)
            if item is None and omit_none:
                continue
            out[name] = plain(item)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


@cache
def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A result class's fields in order, each with whether None leaves it out (looked up once
    per class: a large comparison holds tens of thousands of results)."""
    return tuple((f.name, bool(f.metadata.get("omit_none"))) for f in dataclasses.fields(cls))


class Result:
    """Base of every analysis result: ``to_json()`` gives the command's JSON document."""

    def to_json(self) -> dict[str, Any]:
        data = plain(self)
        assert isinstance(data, dict)
        return data


# --- shared pieces ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegionRef(Result):
    id: str
    name: str


@dataclass(frozen=True)
class DefinitionInfo(Result):
    id: str
    name: str
    type: str
    municipalities: int | None
    radius_km: float | None
    source: str
    year: int | None


@dataclass(frozen=True)
class CountingInfo(Result):
    """The counting definition behind every headline number of a result (see chain.Counting)."""

    id: str
    label: str
    rule: str
    roles: tuple[str, ...]
    knowledge: str


@dataclass(frozen=True)
class FilterInfo(Result):
    """The site filters a result was computed with (see analysis.filters)."""

    countries: tuple[str, ...]
    activities: tuple[str, ...]
    technologies: tuple[str, ...]
    wafer_mm: tuple[int, ...]
    facility_types: tuple[str, ...]
    kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    organisations: tuple[str, ...] | None = field(default=None, metadata=OMIT_NONE)
    ids: tuple[str, ...] | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class EmployeeSum(Result):
    """Known employees of some sites: the sum of their site-level figures, and how many sites
    have such a figure or none. ``known_max`` is the sum with the upper end of ranges (equal to
    ``known`` when no source gives a range); ``scope_unstated`` counts the summed figures whose
    source does not say they are for the site alone; ``wider_only`` the sites without a site
    figure that have one for their whole organisation or a region (never added)."""

    known: int
    sites_with_figure: int
    sites_without_figure: int
    known_max: int
    scope_unstated: int
    wider_only: int

    @property
    def share(self) -> float | None:
        """The share of the sites summed that have a site figure (None: no sites)."""
        sites = self.sites_with_figure + self.sites_without_figure
        return self.sites_with_figure / sites if sites else None


# --- coverage -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor(Result):
    """A counted site in one phase: the activities that place it there and their roles."""

    id: str
    name: str
    organisation: str
    activities: tuple[str, ...]
    roles: tuple[str, ...]
    employees: int | None
    employees_year: int | None


@dataclass(frozen=True)
class ActivityPresent(Result):
    id: str
    label: str
    count: int
    organisations: int


@dataclass(frozen=True)
class ActivityAbsent(Result):
    id: str
    label: str


@dataclass(frozen=True)
class ActivityPresence(Result):
    present: tuple[ActivityPresent, ...]
    absent: tuple[ActivityAbsent, ...]


@dataclass(frozen=True)
class PhaseRoleCount(Result):
    role: str
    label: str
    count: int
    organisations: int


@dataclass(frozen=True)
class SiteRef(Result):
    id: str
    name: str
    organisation: str


@dataclass(frozen=True)
class SiteGroup(Result):
    """Some sites of a phase (its production, its knowledge institutes): how many, of how many
    organisations, and which."""

    count: int
    organisations: int
    actors: tuple[SiteRef, ...]


ProductionCoverage = SiteGroup


@dataclass(frozen=True)
class PipelineSite(Result):
    id: str
    name: str
    status: str


@dataclass(frozen=True)
class PhaseCoverage(Result):
    """One phase of a region: the headline (``count``, ``organisations``, ``actors``: the sites
    the counting definition counts), the knowledge institutes beside it, every active site in the
    phase (``all_sites``), the activities present, employees of the headline sites, roles,
    production and the pipeline."""

    phase: str
    label: str
    count: int
    organisations: int
    organisation_names: tuple[str, ...]
    actors: tuple[Actor, ...]
    knowledge: SiteGroup
    all_sites: int
    activities: ActivityPresence
    employees: EmployeeSum
    roles: tuple[PhaseRoleCount, ...]
    production: SiteGroup
    pipeline: tuple[PipelineSite, ...]


@dataclass(frozen=True)
class FragilePhase(Result):
    """A phase (or its production) held by a single organisation, and that one's sites."""

    phase: str
    label: str
    organisation: str
    sites: tuple[str, ...]


@dataclass(frozen=True)
class OrganisationSites(Result):
    name: str
    sites: tuple[str, ...]


@dataclass(frozen=True)
class RoleCount(Result):
    role: str
    label: str
    count: int


@dataclass(frozen=True)
class PipelineEntry(Result):
    id: str
    name: str
    status: str
    phases: tuple[str, ...]


@dataclass(frozen=True)
class CoverageMethod(Result):
    statuses_counted: tuple[str, ...]
    employees: str
    production: str
    core_activities: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class TimeInfo(Result):
    """The year an analysis looks at (``--year``): ``as-was`` before ``today``, ``as-planned``
    from it on; how many counted sites have no start year (counted as the registry has them)
    and which planned ones count as opened by their expected year."""

    year: int
    today: int
    mode: str
    sites_without_start: int
    opened_as_planned: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class Coverage(Result):
    """A region's coverage of the value chain under one region definition and one counting
    definition (what a phase's headline counts)."""

    region: RegionRef
    definition: DefinitionInfo
    counting: CountingInfo
    sites: int
    phases: tuple[PhaseCoverage, ...]
    covered_phases: tuple[str, ...]
    whole_chain: bool
    production_phases: tuple[str, ...]
    whole_chain_production: bool
    fragile_phases: tuple[FragilePhase, ...]
    fragile_production_phases: tuple[FragilePhase, ...]
    organisations: tuple[OrganisationSites, ...]
    roles: tuple[RoleCount, ...]
    employees: EmployeeSum
    pipeline: tuple[PipelineEntry, ...]
    method: CoverageMethod
    filters: FilterInfo | None = field(default=None, metadata=OMIT_NONE)
    time: TimeInfo | None = field(default=None, metadata=OMIT_NONE)

    def phase(self, phase_id: str) -> PhaseCoverage:
        return next(p for p in self.phases if p.phase == phase_id)


# --- compare ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow(Result):
    """One phase across the compared regions (region id -> number)."""

    phase: str
    label: str
    sites: Mapping[str, int]
    organisations: Mapping[str, int]
    knowledge: Mapping[str, int]
    all_sites: Mapping[str, int]
    production: Mapping[str, int]
    employees: Mapping[str, int]
    roles: Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class EmployeeCoverage(Result):
    """How many of the sites a region's employee-based index adds have a site-level figure,
    and whether that is enough to compute it (chain.EMPLOYEE_COVERAGE_MIN)."""

    sites: int
    sites_with_figure: int
    share: float | None
    sufficient: bool


@dataclass(frozen=True)
class Specialisation(Result):
    """Location quotients per region and phase (None: nothing to compare, or for employees:
    cannot tell, because too few of the region's sites have a figure; see employee_coverage)."""

    by_sites: Mapping[str, Mapping[str, float | None]]
    by_employees: Mapping[str, Mapping[str, float | None]]
    employee_coverage: Mapping[str, EmployeeCoverage]


@dataclass(frozen=True)
class RegionDefinitionUsed(Result):
    region: str
    id: str
    name: str
    type: str
    municipalities: int | None
    radius_km: float | None
    source: str
    year: int | None


@dataclass(frozen=True)
class CompareMethod(Result):
    statuses_counted: tuple[str, ...]
    specialisation: str
    employees: str
    production: str


@dataclass(frozen=True)
class Comparison(Result):
    """Regions side by side: their coverage, the phase x region matrix and specialisation."""

    regions: tuple[Coverage, ...]
    counting: CountingInfo
    phases: tuple[str, ...]
    matrix: tuple[MatrixRow, ...]
    whole_chain: tuple[str, ...]
    whole_chain_production: tuple[str, ...]
    specialisation: Specialisation
    definitions: tuple[RegionDefinitionUsed, ...]
    method: CompareMethod
    filters: FilterInfo | None = field(default=None, metadata=OMIT_NONE)
    year: int | None = field(default=None, metadata=OMIT_NONE)


# --- gaps ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Holder(Result):
    organisation: str
    sites: tuple[str, ...]


@dataclass(frozen=True)
class Candidate(Result):
    id: str
    name: str
    organisation: str
    place: str
    country: str
    regions: tuple[str, ...]
    distance_km: float


@dataclass(frozen=True)
class WhiteSpot(Result):
    """A phase or activity no organisation (``absent``) or only one holds, with candidates."""

    kind: str
    phase: str
    activity: str | None
    label: str
    status: str
    holder: Holder | None
    candidates: tuple[Candidate, ...]
    candidates_total: int
    candidates_without_coordinates: int
    # With a radius: the candidates farther away (left out of ``candidates``).
    candidates_beyond_radius: int | None = field(default=None, metadata=OMIT_NONE)
    phase_label: str = ""  # the phase's label in the chosen language


@dataclass(frozen=True)
class Centre(Result):
    place: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GapsMethod(Result):
    statuses_counted: tuple[str, ...]
    candidates: str
    limit: int


@dataclass(frozen=True)
class Gaps(Result):
    region: RegionRef
    definition: DefinitionInfo
    counting: CountingInfo
    centre: Centre
    white_spots: tuple[WhiteSpot, ...]
    method: GapsMethod
    filters: FilterInfo | None = field(default=None, metadata=OMIT_NONE)
    radius_km: float | None = field(default=None, metadata=OMIT_NONE)


# --- what-if ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedSite(Result):
    id: str
    name: str
    organisation: str
    status: str
    in_region: bool
    counted: bool


@dataclass(frozen=True)
class AnalysisWarning(Result):
    """Something the user should know about the question asked, in data (the renderer words
    it): ``site-outside-region`` (a removed site is not in the region under the definition, so
    removing it changes nothing) or ``site-not-counted`` (in the region, but not active)."""

    code: str
    site: str
    region: str
    definition: str
    status: str


@dataclass(frozen=True)
class PhaseChange(Result):
    phase: str
    label: str
    sites_before: int
    sites_after: int
    production_before: int
    production_after: int
    employees_before: int
    employees_after: int


@dataclass(frozen=True)
class LostActivity(Result):
    phase: str
    activity: str
    label: str


@dataclass(frozen=True)
class Losses(Result):
    phases: tuple[str, ...]
    production_phases: tuple[str, ...]
    activities: tuple[LostActivity, ...]
    organisations: tuple[str, ...]
    sites: int
    employees: int
    whole_chain: bool
    whole_chain_production: bool


@dataclass(frozen=True)
class WhatIf(Result):
    """A region's coverage before and after removing sites, and what is lost."""

    region: RegionRef
    definition: DefinitionInfo
    removed: tuple[RemovedSite, ...]
    before: Coverage
    after: Coverage
    phases: tuple[PhaseChange, ...]
    lost: Losses
    newly_fragile_production_phases: tuple[FragilePhase, ...]
    warnings: tuple[AnalysisWarning, ...] = ()


# --- near ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Origin(Result):
    """Where a ``near`` search starts: coordinates, a site, a place or a region centre."""

    query: str
    kind: str
    id: str | None
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class NearFilters(Result):
    activities: tuple[str, ...]
    phase: str | None
    role: str | None
    statuses: tuple[str, ...]
    countries: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    wafer_mm: tuple[int, ...] = ()
    facility_types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    roles: str | None = None
    organisations: tuple[str, ...] | None = field(default=None, metadata=OMIT_NONE)
    ids: tuple[str, ...] | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class NearSite(Result):
    id: str
    name: str
    organisation: str
    status: str
    distance_km: float
    activities: tuple[str, ...]
    activity_labels: tuple[str, ...]
    phases: tuple[str, ...]
    place: str
    country: str
    lat: float | None
    lon: float | None
    precision: str | None
    kind: str = ""
    knowledge: bool = False
    facility_type: str = ""
    technologies: tuple[str, ...] = ()
    wafer_mm: tuple[int, ...] = ()
    node_nm: float | None = None
    capacity: tuple[float, str, int] | None = None


@dataclass(frozen=True)
class Breakdown(Result):
    """Counted sites split by country, technology (a site with several counts in each) and
    companies versus knowledge institutes."""

    countries: Mapping[str, int]
    technologies: Mapping[str, int]
    companies: int
    knowledge: int
    organisations: int = 0


@dataclass(frozen=True)
class Near(Result):
    origin: Origin
    radius_km: float
    filters: NearFilters
    count: int
    sites: tuple[NearSite, ...]
    without_coordinates: int
    method: str
    breakdown: Breakdown | None = field(default=None, metadata=OMIT_NONE)
    time: TimeInfo | None = field(default=None, metadata=OMIT_NONE)


# --- stats --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrySum(Result):
    sites: int
    sites_with_figure: int
    sites_without_figure: int
    employees_known: int
    employees_max: int
    scope_unstated: int


@dataclass(frozen=True)
class WiderFigure(Result):
    """A counted site's latest figure for its whole organisation or a region: shown, not added."""

    id: str
    name: str
    organisation: str
    value: int
    year: int
    scope: str
    source: str


@dataclass(frozen=True)
class SharedSite(Result):
    """A site with activities in several groups of a view: its staff is not split by a source,
    so it is counted in no single group (only in the total)."""

    id: str
    name: str
    employees: int | None
    groups: tuple[str, ...]


@dataclass(frozen=True)
class GroupComparison(Result):
    group: str
    label: str
    published: float | None
    registry: int
    difference: float | None
    sites: int
    sites_with_figure: int
    shared: int  # sites doing this group's activities and another group's: counted in neither


@dataclass(frozen=True)
class FigureComparison(Result):
    """A published figure next to the registry's sum (when the registry has a counterpart)."""

    id: str
    label: str
    metric: str
    scope: str
    year: int
    scenario: str | None
    approximate: bool
    source: str
    source_title: str | None
    breakdown: str | None
    published: float | None
    registry: int | None
    difference: float | None
    groups: tuple[GroupComparison, ...]
    comparable: bool
    note: str
    sites: int | None = field(default=None, metadata=OMIT_NONE)
    sites_with_figure: int | None = field(default=None, metadata=OMIT_NONE)
    registry_max: int | None = field(default=None, metadata=OMIT_NONE)
    share_of_published: float | None = field(default=None, metadata=OMIT_NONE)
    shared_sites: tuple[SharedSite, ...] = ()


@dataclass(frozen=True)
class StatsMethod(Result):
    statuses_counted: tuple[str, ...]
    employees: str


@dataclass(frozen=True)
class Stats(Result):
    region: RegionRef
    definition: DefinitionInfo
    registry: RegistrySum
    figures: tuple[FigureComparison, ...]
    caveat: str
    method: StatsMethod
    wider_figures: tuple[WiderFigure, ...] = ()
    time: TimeInfo | None = field(default=None, metadata=OMIT_NONE)


# --- diff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSummary(Result):
    id: str
    name: str
    organisation: str
    place: str
    municipality: str
    country: str
    phases: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class Place(Result):
    place: str
    municipality: str
    country: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Move(Result):
    id: str
    name: str
    old: Place
    new: Place


@dataclass(frozen=True)
class FieldChange(Result):
    """One field of an entry: its old and new value as written (plain YAML data)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EntryChanges(Result):
    id: str
    name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class PhaseCountChange(Result):
    phase: str
    old: int
    new: int


@dataclass(frozen=True)
class RegionCoverageChange(Result):
    region: str
    name: Mapping[str, str]
    phases: tuple[PhaseCountChange, ...]
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    changed: bool


@dataclass(frozen=True)
class SiteCounts(Result):
    old: int
    new: int


@dataclass(frozen=True)
class ClaimFlip(Result):
    """A claim whose verdict differs between two versions of the registry."""

    id: str
    claim: str
    old: str
    new: str
    finding: str


@dataclass(frozen=True)
class RegistryChanges(Result):
    """What differs between two versions of the registry, and the effect on coverage (and, when
    a claims file is given, on the claims' verdicts)."""

    old: str
    new: str
    sites: SiteCounts
    added: tuple[SiteSummary, ...]
    removed: tuple[SiteSummary, ...]
    moved: tuple[Move, ...]
    changed: tuple[EntryChanges, ...]
    coverage: tuple[RegionCoverageChange, ...]
    claims: tuple[ClaimFlip, ...] | None = field(default=None, metadata=OMIT_NONE)


# --- the region brief ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BriefSource(Result):
    reference: str
    title: str
    year: int | None


@dataclass(frozen=True)
class BriefPipelineItem(Result):
    """A planned or under-construction site of the region, with its expected year if known."""

    id: str
    name: str
    organisation: str
    status: str
    phases: tuple[str, ...]
    expected: int | None


@dataclass(frozen=True)
class BriefCaveats(Result):
    """How far the brief's data reach: employee figures, coordinate precision and checking,
    over the region's counted sites."""

    sites: int
    employees: EmployeeSum
    place_precision: int  # coordinates of the town only (or no precision given)
    without_coordinates: int
    unchecked: int  # no 'checked' date, or one older than validate's STALE_MONTHS
    stale_months: int


@dataclass(frozen=True)
class BriefData(Result):
    """Everything a region brief shows: its coverage, the comparison with the other regions,
    white spots, published figures, the pipeline, the caveats on its data, and the sources of
    its sites."""

    coverage: Coverage
    compare: Comparison
    gaps: Gaps
    stats: Stats
    sources: tuple[BriefSource, ...]
    claims: ClaimsResult | None = None
    pipeline: tuple[BriefPipelineItem, ...] = ()
    caveats: BriefCaveats | None = None


# --- claims -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimSourceInfo(Result):
    reference: str
    title: str
    publisher: str
    year: int
    section: str
    page: int | None


@dataclass(frozen=True)
class EvidenceSite(Result):
    """A site the check counted (or that decided it), with what made it count."""

    id: str
    name: str
    organisation: str
    place: str
    country: str
    kind: str
    knowledge: bool
    status: str
    distance_km: float | None
    detail: str


@dataclass(frozen=True)
class EvidenceNumber(Result):
    """A number behind a verdict (a phase count, a region's quotient, a group's sum)."""

    key: str
    label: str
    value: float | None
    note: str


@dataclass(frozen=True)
class ClaimVerdict(Result):
    """One claim, its verdict (holds, does-not-hold, cannot-tell), what the registry shows and
    the command that reproduces it."""

    id: str
    claim: str
    who: str
    source: ClaimSourceInfo
    quote: str
    reading: str
    check: str
    verdict: str
    verdict_label: str
    finding: str
    missing: tuple[str, ...]
    observed: float | None
    expected: float | None
    evidence: tuple[EvidenceSite, ...]
    numbers: tuple[EvidenceNumber, ...]
    breakdown: Breakdown | None
    command: str


@dataclass(frozen=True)
class ClaimTotals(Result):
    holds: int
    does_not_hold: int
    cannot_tell: int


@dataclass(frozen=True)
class ClaimsMethod(Result):
    statuses_counted: tuple[str, ...]
    about: str
    employees: str
    specialisation: str


@dataclass(frozen=True)
class ClaimsResult(Result):
    """Every claim of the claims file with its verdict."""

    claims: tuple[ClaimVerdict, ...]
    totals: ClaimTotals
    method: ClaimsMethod
    year: int | None = field(default=None, metadata=OMIT_NONE)  # --year: the chain in that year
