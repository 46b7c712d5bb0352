"""The result of ``diff``: what changed between two registries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lifeport_map.results.base import OMIT_NONE, Result


@dataclass(frozen=True, repr=False)
class SiteSummary(Result):
    id: str
    name: str
    organisation: str
    place: str
    municipality: str
    country: str
    phases: tuple[str, ...]
    status: str


@dataclass(frozen=True, repr=False)
class Place(Result):
    place: str
    municipality: str
    country: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, repr=False)
class Move(Result):
    id: str
    name: str
    old: Place
    new: Place


@dataclass(frozen=True, repr=False)
class FieldChange(Result):
    """One field of an entry: its old and new value as written (plain YAML data)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, repr=False)
class EntryChanges(Result):
    id: str
    name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, repr=False)
class PhaseCountChange(Result):
    phase: str
    old: int
    new: int


@dataclass(frozen=True, repr=False)
class RegionCoverageChange(Result):
    region: str
    name: Mapping[str, str]
    phases: tuple[PhaseCountChange, ...]
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    changed: bool


@dataclass(frozen=True, repr=False)
class SiteCounts(Result):
    old: int
    new: int


@dataclass(frozen=True, repr=False)
class ClaimFlip(Result):
    """A claim whose verdict differs between two versions of the registry."""

    id: str
    claim: str
    old: str
    new: str
    finding: str


@dataclass(frozen=True, repr=False)
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
