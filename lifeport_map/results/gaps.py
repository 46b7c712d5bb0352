"""The result of ``gaps``: white spots and who could fill them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.shared import CountingInfo, DefinitionInfo, FilterInfo, RegionRef


@dataclass(frozen=True, repr=False)
class Holder(Result):
    organisation: str
    sites: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class Candidate(Result):
    id: str
    name: str
    organisation: str
    place: str
    country: str
    regions: tuple[str, ...]
    distance_km: float


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class Centre(Result):
    place: str
    lat: float
    lon: float


@dataclass(frozen=True, repr=False)
class GapsMethod(Result):
    statuses_counted: tuple[str, ...]
    candidates: str
    limit: int


@dataclass(frozen=True, repr=False)
class Gaps(Result):
    region: RegionRef
    definition: DefinitionInfo
    counting: CountingInfo
    centre: Centre
    white_spots: tuple[WhiteSpot, ...]
    method: GapsMethod
    filters: FilterInfo | None = field(default=None, metadata=OMIT_NONE)
    radius_km: float | None = field(default=None, metadata=OMIT_NONE)
