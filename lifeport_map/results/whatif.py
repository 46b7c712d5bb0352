"""The result of ``whatif``: what a region loses without some sites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lifeport_map.results.base import Result

if TYPE_CHECKING:
    from lifeport_map.results.coverage import Coverage, FragilePhase
    from lifeport_map.results.shared import DefinitionInfo, RegionRef


@dataclass(frozen=True, repr=False)
class RemovedSite(Result):
    id: str
    name: str
    organisation: str
    status: str
    in_region: bool
    counted: bool


@dataclass(frozen=True, repr=False)
class AnalysisWarning(Result):
    """Something the user should know about the question asked, in data (the renderer words
    it): ``site-outside-region`` (a removed site is not in the region under the definition, so
    removing it changes nothing) or ``site-not-counted`` (in the region, but not active)."""

    code: str
    site: str
    region: str
    definition: str
    status: str


@dataclass(frozen=True, repr=False)
class PhaseChange(Result):
    phase: str
    label: str
    sites_before: int
    sites_after: int
    production_before: int
    production_after: int
    employees_before: int
    employees_after: int


@dataclass(frozen=True, repr=False)
class LostActivity(Result):
    phase: str
    activity: str
    label: str


@dataclass(frozen=True, repr=False)
class Losses(Result):
    phases: tuple[str, ...]
    production_phases: tuple[str, ...]
    activities: tuple[LostActivity, ...]
    organisations: tuple[str, ...]
    sites: int
    employees: int
    whole_chain: bool
    whole_chain_production: bool


@dataclass(frozen=True, repr=False)
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
