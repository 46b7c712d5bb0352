"""The result of ``compare``: regions side by side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.coverage import Coverage
    from lifeport_map.results.shared import CountingInfo, FilterInfo


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class EmployeeCoverage(Result):
    """How many of the sites a region's employee-based index adds have a site-level figure,
    and whether that is enough to compute it (chain.EMPLOYEE_COVERAGE_MIN)."""

    sites: int
    sites_with_figure: int
    share: float | None
    sufficient: bool


@dataclass(frozen=True, repr=False)
class Specialisation(Result):
    """Location quotients per region and phase (None: nothing to compare, or for employees:
    cannot tell, because too few of the region's sites have a figure; see employee_coverage)."""

    by_sites: Mapping[str, Mapping[str, float | None]]
    by_employees: Mapping[str, Mapping[str, float | None]]
    employee_coverage: Mapping[str, EmployeeCoverage]


@dataclass(frozen=True, repr=False)
class RegionDefinitionUsed(Result):
    region: str
    id: str
    name: str
    type: str
    municipalities: int | None
    radius_km: float | None
    source: str
    year: int | None


@dataclass(frozen=True, repr=False)
class CompareMethod(Result):
    statuses_counted: tuple[str, ...]
    specialisation: str
    employees: str
    production: str


@dataclass(frozen=True, repr=False)
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
