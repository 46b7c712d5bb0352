"""The data of the region brief (``report``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lifeport_map.results.base import Result

if TYPE_CHECKING:
    from lifeport_map.results.claims import ClaimsResult
    from lifeport_map.results.compare import Comparison
    from lifeport_map.results.coverage import Coverage
    from lifeport_map.results.gaps import Gaps
    from lifeport_map.results.shared import EmployeeSum
    from lifeport_map.results.stats import Stats


@dataclass(frozen=True, repr=False)
class BriefSource(Result):
    reference: str
    title: str
    year: int | None


@dataclass(frozen=True, repr=False)
class BriefPipelineItem(Result):
    """A planned or under-construction site of the region, with its expected year if known."""

    id: str
    name: str
    organisation: str
    status: str
    phases: tuple[str, ...]
    expected: int | None


@dataclass(frozen=True, repr=False)
class BriefCaveats(Result):
    """How far the brief's data reach: employee figures, coordinate precision and checking,
    over the region's counted sites."""

    sites: int
    employees: EmployeeSum
    place_precision: int  # coordinates of the town only (or no precision given)
    without_coordinates: int
    unchecked: int  # no 'checked' date, or one older than validate's STALE_MONTHS
    stale_months: int


@dataclass(frozen=True, repr=False)
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
