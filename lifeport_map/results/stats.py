"""The result of ``stats``: registry figures and comparisons of figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.coverage import TimeInfo
    from lifeport_map.results.shared import DefinitionInfo, RegionRef


@dataclass(frozen=True, repr=False)
class RegistrySum(Result):
    sites: int
    sites_with_figure: int
    sites_without_figure: int
    employees_known: int
    employees_max: int
    scope_unstated: int


@dataclass(frozen=True, repr=False)
class WiderFigure(Result):
    """A counted site's latest figure for its whole organisation or a region: shown, not added."""

    id: str
    name: str
    organisation: str
    value: int
    year: int
    scope: str
    source: str


@dataclass(frozen=True, repr=False)
class SharedSite(Result):
    """A site with activities in several groups of a view: its staff is not split by a source,
    so it is counted in no single group (only in the total)."""

    id: str
    name: str
    employees: int | None
    groups: tuple[str, ...]


@dataclass(frozen=True, repr=False)
class GroupComparison(Result):
    group: str
    label: str
    published: float | None
    registry: int
    difference: float | None
    sites: int
    sites_with_figure: int
    shared: int  # sites doing this group's activities and another group's: counted in neither


@dataclass(frozen=True, repr=False)
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


@dataclass(frozen=True, repr=False)
class StatsMethod(Result):
    statuses_counted: tuple[str, ...]
    employees: str


@dataclass(frozen=True, repr=False)
class Stats(Result):
    region: RegionRef
    definition: DefinitionInfo
    registry: RegistrySum
    figures: tuple[FigureComparison, ...]
    caveat: str
    method: StatsMethod
    wider_figures: tuple[WiderFigure, ...] = ()
    time: TimeInfo | None = field(default=None, metadata=OMIT_NONE)
