"""The result of ``coverage``: one region's coverage of the value chain."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.shared import (
        Actor,
        CountingInfo,
        DefinitionInfo,
        EmployeeSum,
        FilterInfo,
        RegionRef,
    )


@dataclass(frozen=True, repr=False)
class ActivityPresent(Result):
    id: str
    label: str
    count: int
    organisations: int


@dataclass(frozen=True, repr=False)
class ActivityAbsent(Result):
    id: str
    label: str


@dataclass(frozen=True, repr=False)
class ActivityPresence(Result):
    present: tuple[ActivityPresent, ...]
    absent: tuple[ActivityAbsent, ...]


@dataclass(frozen=True, repr=False)
class PhaseRoleCount(Result):
    role: str
    label: str
    count: int
    organisations: int


@dataclass(frozen=True, repr=False)
class SiteRef(Result):
    id: str
    name: str
    organisation: str


@dataclass(frozen=True, repr=False)
class SiteGroup(Result):
    """Some sites of a phase (its production, its knowledge institutes): how many, of how many
    organisations, and which."""

    count: int
    organisations: int
    actors: tuple[SiteRef, ...]


@dataclass(frozen=True, repr=False)
class PipelineSite(Result):
    id: str
    name: str
    status: str


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class FragilePhase(Result):
    """A phase (or its production) held by a single organisation, and that one's sites."""

    phase: str
    label: str
    organisation: str
    sites: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class OrganisationSites(Result):
    name: str
    sites: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class RoleCount(Result):
    role: str
    label: str
    count: int


@dataclass(frozen=True, repr=False)
class PipelineEntry(Result):
    id: str
    name: str
    status: str
    phases: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class CoverageMethod(Result):
    statuses_counted: tuple[str, ...]
    employees: str
    production: str
    core_activities: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
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
