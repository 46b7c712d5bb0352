"""The result of ``claims``: every claim with its verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lifeport_map.results.base import OMIT_NONE, Result

if TYPE_CHECKING:
    from lifeport_map.results.near import Breakdown


@dataclass(frozen=True, repr=False)
class ClaimSourceInfo(Result):
    reference: str
    title: str
    publisher: str
    year: int
    section: str
    page: int | None


@dataclass(frozen=True, repr=False)
class EvidenceSite(Result):
    """A site the check counted (or that decided it), with what made it count."""

    id: str
    name: str
    organisation: str
    place: str
    country: str
    kind: str
    knowledge: bool
    status: str
    distance_km: float | None
    detail: str


@dataclass(frozen=True, repr=False)
class EvidenceNumber(Result):
    """A number behind a verdict (a phase count, a region's quotient, a group's sum)."""

    key: str
    label: str
    value: float | None
    note: str


@dataclass(frozen=True, repr=False)
class ClaimVerdict(Result):
    """One claim, its verdict (holds, does-not-hold, cannot-tell), what the registry shows and
    the command that reproduces it."""

    id: str
    claim: str
    who: str
    source: ClaimSourceInfo
    quote: str
    reading: str
    check: str
    verdict: str
    verdict_label: str
    finding: str
    missing: tuple[str, ...]
    observed: float | None
    expected: float | None
    evidence: tuple[EvidenceSite, ...]
    numbers: tuple[EvidenceNumber, ...]
    breakdown: Breakdown | None
    command: str


@dataclass(frozen=True, repr=False)
class ClaimTotals(Result):
    holds: int
    does_not_hold: int
    cannot_tell: int


@dataclass(frozen=True, repr=False)
class ClaimsMethod(Result):
    statuses_counted: tuple[str, ...]
    about: str
    employees: str
    specialisation: str


@dataclass(frozen=True, repr=False)
class ClaimsResult(Result):
    """Every claim of the claims file with its verdict."""

    claims: tuple[ClaimVerdict, ...]
    totals: ClaimTotals
    method: ClaimsMethod
    year: int | None = field(default=None, metadata=OMIT_NONE)  # --year: the chain in that year
