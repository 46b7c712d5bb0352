"""The result of ``near``: sites within a distance of a place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.coverage import TimeInfo


@dataclass(frozen=True, repr=False)
class Origin(Result):
    """Where a ``near`` search starts: coordinates, a site, a place or a region centre."""

    query: str
    kind: str
    id: str | None
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class Breakdown(Result):
    """Counted sites split by country, technology (a site with several counts in each) and
    companies versus knowledge institutes."""

    countries: Mapping[str, int]
    technologies: Mapping[str, int]
    companies: int
    knowledge: int
    organisations: int = 0


@dataclass(frozen=True, repr=False)
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
