"""Frozen records for what the registry holds: sites, their locations, figures and relations,
and regions with their competing definitions and published figures.

Records are built only by ``registry.py`` from checked YAML. Each keeps the file and line it
came from, and its raw mapping, so later checks can point at the exact field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lifeport_map.errors import UsageError
from lifeport_map.messages import msg
from lifeport_map.taxonomy import Taxonomy
from lifeport_map.text import fold
from lifeport_map.yamlio import position_at

Labels = dict[str, str]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A public URL or a seed document, with the year the fact refers to."""

    year: int | None
    url: str | None = None
    seed: str | None = None
    title: str | None = None
    publisher: str | None = None
    note: str | None = None

    @property
    def reference(self) -> str:
        return self.url or (f"seed: {self.seed}" if self.seed else "")


@dataclass(frozen=True, slots=True)
class EmployeeFigure:
    value: int
    year: int
    url: str | None = None
    seed: str | None = None
    scope: str | None = None
    approximate: bool = False
    note: str | None = None
    max: int | None = None  # upper bound when the source gives a range
    title: str | None = None
    publisher: str | None = None

    @property
    def reference(self) -> str:
        return self.url or (f"seed: {self.seed}" if self.seed else "")


# Employee scopes wider than the site: such a figure is shown, never added to a region's sum.
WIDER_SCOPES: tuple[str, ...] = ("organisation", "region")


@dataclass(frozen=True, slots=True)
class Location:
    place: str
    municipality: str
    country: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    address: str | None = None
    note: str | None = None
    campus: str | None = None  # id of the campus entry the site is on
    source: SourceRef | None = None  # where the coordinates come from

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Capacity:
    """A plant's production capacity, in a unit of the taxonomy's ``capacity_units``."""

    value: float
    unit: str
    year: int
    url: str | None = None
    seed: str | None = None
    title: str | None = None
    publisher: str | None = None
    approximate: bool = False
    note: str | None = None

    @property
    def reference(self) -> str:
        return self.url or (f"seed: {self.seed}" if self.seed else "")


@dataclass(frozen=True, slots=True)
class Facility:
    """The production or research plant at a site: type, wafers, technologies, capacity."""

    type: str
    wafer_mm: tuple[int, ...] = ()
    technologies: tuple[str, ...] = ()
    node_nm: float | None = None
    capacity: Capacity | None = None
    cleanroom_m2: float | None = None
    operator: str | None = None
    source: SourceRef | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event of a site (opened, bankruptcy, phase-out-announced, ...)."""

    date: str  # YYYY or YYYY-MM
    type: str
    note: str | None = None
    url: str | None = None
    seed: str | None = None
    title: str | None = None
    publisher: str | None = None

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def sort_key(self) -> tuple[int, int]:
        """(year, month); a year alone sorts before the months of that year."""
        return (self.year, int(self.date[5:7]) if len(self.date) >= 7 else 0)

    @property
    def reference(self) -> str:
        return self.url or (f"seed: {self.seed}" if self.seed else "")


@dataclass(frozen=True, slots=True)
class Relation:
    type: str
    target: str
    note: str | None = None


@dataclass(frozen=True, eq=False)
class Site:
    """One establishment of an organisation, and what it does there."""

    id: str
    name: str
    organisation: str
    kind: str
    activities: tuple[str, ...]
    phases: tuple[str, ...]  # every phase the site is active in, in chain order
    served_phases: tuple[str, ...]  # the `phases` field as written (cross-cutting activities)
    status: str
    location: Location
    sources: tuple[SourceRef, ...]
    aliases: tuple[str, ...] = ()
    since: int | None = None
    until: int | None = None
    website: str | None = None
    employees: tuple[EmployeeFigure, ...] = ()
    relations: tuple[Relation, ...] = ()
    description: str | None = None
    notes: str | None = None
    checked: str | None = None  # YYYY-MM of the last verification against sources
    facility: Facility | None = None
    events: tuple[Event, ...] = ()
    file: str = ""
    line: int = 0
    col: int = 0
    raw: Any = field(default=None, repr=False)

    def where(self, dotted: str) -> tuple[int, int]:
        """File position of a field such as ``location.lat`` or ``sources[0].url``."""
        return position_at(self.raw, dotted, (self.line, self.col))

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def latest_employees(self) -> EmployeeFigure | None:
        if not self.employees:
            return None
        return max(self.employees, key=lambda e: (e.year, e.value))

    @property
    def site_employees(self) -> EmployeeFigure | None:
        """The latest figure for the site itself: what regional sums add. Figures scoped to
        the whole organisation or a region are left out; a figure without a scope (or with a
        free-text one) counts, because the registry holds employee figures for the site."""
        own = [e for e in self.employees if e.scope not in WIDER_SCOPES]
        return max(own, key=lambda e: (e.year, e.value)) if own else None

    @property
    def wider_employees(self) -> EmployeeFigure | None:
        """The latest figure scoped to the whole organisation or a region (never summed)."""
        wider = [e for e in self.employees if e.scope in WIDER_SCOPES]
        return max(wider, key=lambda e: (e.year, e.value)) if wider else None


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    code_unverified: bool = False


@dataclass(frozen=True)
class RegionDefinition:
    """One explicit rule that decides which sites belong to a region."""

    id: str
    type: str  # municipalities | radius | boundary
    name: Labels
    source: SourceRef
    municipalities: tuple[Municipality, ...] = ()
    nuts3: tuple[str, ...] = ()
    radius_km: float | None = None
    boundary: str | None = None
    # the bytes of the boundary file, read with the region file as one unit (see
    # registry.read_regions), so a reader never pairs a region file with another import's file
    boundary_bytes: bytes | None = field(default=None, repr=False, compare=False)

    def text(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id

    @cached_property
    def member_names(self) -> frozenset[str]:
        """Folded names and aliases of the member municipalities."""
        names = {fold(m.name) for m in self.municipalities}
        names.update(fold(a) for m in self.municipalities for a in m.aliases)
        return frozenset(names)


@dataclass(frozen=True)
class RegionFigure:
    """A figure published for a whole region, with its scope, year and source."""

    id: str
    metric: str
    label: Labels
    scope: str
    year: int
    source: SourceRef
    scenario: str | None = None
    breakdown: str | None = None
    value: float | None = None
    values: dict[str, float] = field(default_factory=dict)
    approximate: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Region:
    id: str
    name: Labels
    country: str
    centre_place: str
    centre: tuple[float, float]  # lat, lon
    default_definition: str
    definitions: tuple[RegionDefinition, ...]
    aliases: tuple[str, ...] = ()
    figures: tuple[RegionFigure, ...] = ()
    notes: str | None = None
    file: str = ""
    raw: Any = field(default=None, repr=False)

    def text(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.id

    def definition(self, definition_id: str | None = None) -> RegionDefinition:
        wanted = definition_id or self.default_definition
        for definition in self.definitions:
            if definition.id == wanted:
                return definition
        raise KeyError(wanted)


@dataclass(frozen=True, repr=False)
class Registry:
    """Everything loaded: the sites (sorted by id), the regions and the taxonomy. Its ``repr``
    is a one-line summary (its sites and regions in full: ``sites``, ``regions``)."""

    sites: tuple[Site, ...]
    regions: dict[str, Region]
    taxonomy: Taxonomy
    registry_path: Path
    regions_dir: Path

    def __repr__(self) -> str:
        statuses = Counter(s.status for s in self.sites)
        counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
        return (
            f"<Registry: {len(self.sites)} sites ({counts}), {len(self.regions)} regions"
            f" ({', '.join(self.regions)}); {str(self.registry_path)!r}, {str(self.regions_dir)!r}>"
        )

    @cached_property
    def by_id(self) -> dict[str, Site]:
        return {s.id: s for s in self.sites}

    def site(self, site_id: str) -> Site:
        return self.by_id[site_id]


def require_registry(value: object) -> Registry:
    """``value`` when it is a Registry, else a UsageError naming what it is (maps and exports
    read the registry itself, not its graph)."""
    if not isinstance(value, Registry):
        raise UsageError(
            msg("api.not-a-registry", load="load_registry()", what=type(value).__name__),
            hint=msg("api.not-a-registry/hint"),
        )
    return value
