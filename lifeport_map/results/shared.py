"""Pieces of results that several analyses share: regions, definitions, counting, filters,
employee sums and actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from lifeport_map.results.base import OMIT_NONE, Result


@dataclass(frozen=True, repr=False)
class RegionRef(Result):
    id: str
    name: str


@dataclass(frozen=True, repr=False)
class DefinitionInfo(Result):
    id: str
    name: str
    type: str
    municipalities: int | None
    radius_km: float | None
    source: str
    year: int | None


@dataclass(frozen=True, repr=False)
class CountingInfo(Result):
    """The counting definition behind every headline number of a result (see chain.Counting)."""

    id: str
    label: str
    rule: str
    roles: tuple[str, ...]
    knowledge: str


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class Actor(Result):
    """A counted site in one phase: the activities that place it there and their roles."""

    id: str
    name: str
    organisation: str
    activities: tuple[str, ...]
    roles: tuple[str, ...]
    employees: int | None
    employees_year: int | None
