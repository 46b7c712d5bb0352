"""The analyses' results as frozen dataclasses, each with one ``to_json()``.

Renderers read attributes (checked by mypy), scripts read ``to_json()``: fields are written in
declaration order under their own names, nested results recursively, tuples as lists, so the
JSON of every command is defined here and nowhere else. A field marked ``OMIT_NONE`` is left
out of the JSON when it is None.

The classes live in one module per analysis (``results.coverage``, ``results.compare``, ...,
pieces several share in ``results.shared``) and are imported from here on first use (PEP 562):
creating a frozen dataclass costs about half a millisecond, and a command needs only its own
analysis's results (``coverage`` 20 of the 72 classes).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from lifeport_map.results.base import OMIT_NONE, Result, json_text, plain

if TYPE_CHECKING:
    from lifeport_map.results.brief import (
        BriefCaveats as BriefCaveats,
    )
    from lifeport_map.results.brief import (
        BriefData as BriefData,
    )
    from lifeport_map.results.brief import (
        BriefPipelineItem as BriefPipelineItem,
    )
    from lifeport_map.results.brief import (
        BriefSource as BriefSource,
    )
    from lifeport_map.results.changes import (
        ClaimFlip as ClaimFlip,
    )
    from lifeport_map.results.changes import (
        EntryChanges as EntryChanges,
    )
    from lifeport_map.results.changes import (
        FieldChange as FieldChange,
    )
    from lifeport_map.results.changes import (
        Move as Move,
    )
    from lifeport_map.results.changes import (
        PhaseCountChange as PhaseCountChange,
    )
    from lifeport_map.results.changes import (
        Place as Place,
    )
    from lifeport_map.results.changes import (
        RegionCoverageChange as RegionCoverageChange,
    )
    from lifeport_map.results.changes import (
        RegistryChanges as RegistryChanges,
    )
    from lifeport_map.results.changes import (
        SiteCounts as SiteCounts,
    )
    from lifeport_map.results.changes import (
        SiteSummary as SiteSummary,
    )
    from lifeport_map.results.claims import (
        ClaimsMethod as ClaimsMethod,
    )
    from lifeport_map.results.claims import (
        ClaimSourceInfo as ClaimSourceInfo,
    )
    from lifeport_map.results.claims import (
        ClaimsResult as ClaimsResult,
    )
    from lifeport_map.results.claims import (
        ClaimTotals as ClaimTotals,
    )
    from lifeport_map.results.claims import (
        ClaimVerdict as ClaimVerdict,
    )
    from lifeport_map.results.claims import (
        EvidenceNumber as EvidenceNumber,
    )
    from lifeport_map.results.claims import (
        EvidenceSite as EvidenceSite,
    )
    from lifeport_map.results.compare import (
        CompareMethod as CompareMethod,
    )
    from lifeport_map.results.compare import (
        Comparison as Comparison,
    )
    from lifeport_map.results.compare import (
        EmployeeCoverage as EmployeeCoverage,
    )
    from lifeport_map.results.compare import (
        MatrixRow as MatrixRow,
    )
    from lifeport_map.results.compare import (
        RegionDefinitionUsed as RegionDefinitionUsed,
    )
    from lifeport_map.results.compare import (
        Specialisation as Specialisation,
    )
    from lifeport_map.results.coverage import (
        ActivityAbsent as ActivityAbsent,
    )
    from lifeport_map.results.coverage import (
        ActivityPresence as ActivityPresence,
    )
    from lifeport_map.results.coverage import (
        ActivityPresent as ActivityPresent,
    )
    from lifeport_map.results.coverage import (
        Coverage as Coverage,
    )
    from lifeport_map.results.coverage import (
        CoverageMethod as CoverageMethod,
    )
    from lifeport_map.results.coverage import (
        FragilePhase as FragilePhase,
    )
    from lifeport_map.results.coverage import (
        OrganisationSites as OrganisationSites,
    )
    from lifeport_map.results.coverage import (
        PhaseCoverage as PhaseCoverage,
    )
    from lifeport_map.results.coverage import (
        PhaseRoleCount as PhaseRoleCount,
    )
    from lifeport_map.results.coverage import (
        PipelineEntry as PipelineEntry,
    )
    from lifeport_map.results.coverage import (
        PipelineSite as PipelineSite,
    )
    from lifeport_map.results.coverage import (
        RoleCount as RoleCount,
    )
    from lifeport_map.results.coverage import (
        SiteGroup as SiteGroup,
    )
    from lifeport_map.results.coverage import (
        SiteRef as SiteRef,
    )
    from lifeport_map.results.coverage import (
        TimeInfo as TimeInfo,
    )
    from lifeport_map.results.gaps import (
        Candidate as Candidate,
    )
    from lifeport_map.results.gaps import (
        Centre as Centre,
    )
    from lifeport_map.results.gaps import (
        Gaps as Gaps,
    )
    from lifeport_map.results.gaps import (
        GapsMethod as GapsMethod,
    )
    from lifeport_map.results.gaps import (
        Holder as Holder,
    )
    from lifeport_map.results.gaps import (
        WhiteSpot as WhiteSpot,
    )
    from lifeport_map.results.near import (
        Breakdown as Breakdown,
    )
    from lifeport_map.results.near import (
        Near as Near,
    )
    from lifeport_map.results.near import (
        NearFilters as NearFilters,
    )
    from lifeport_map.results.near import (
        NearSite as NearSite,
    )
    from lifeport_map.results.near import (
        Origin as Origin,
    )
    from lifeport_map.results.shared import (
        Actor as Actor,
    )
    from lifeport_map.results.shared import (
        CountingInfo as CountingInfo,
    )
    from lifeport_map.results.shared import (
        DefinitionInfo as DefinitionInfo,
    )
    from lifeport_map.results.shared import (
        EmployeeSum as EmployeeSum,
    )
    from lifeport_map.results.shared import (
        FilterInfo as FilterInfo,
    )
    from lifeport_map.results.shared import (
        RegionRef as RegionRef,
    )
    from lifeport_map.results.stats import (
        FigureComparison as FigureComparison,
    )
    from lifeport_map.results.stats import (
        GroupComparison as GroupComparison,
    )
    from lifeport_map.results.stats import (
        RegistrySum as RegistrySum,
    )
    from lifeport_map.results.stats import (
        SharedSite as SharedSite,
    )
    from lifeport_map.results.stats import (
        Stats as Stats,
    )
    from lifeport_map.results.stats import (
        StatsMethod as StatsMethod,
    )
    from lifeport_map.results.stats import (
        WiderFigure as WiderFigure,
    )
    from lifeport_map.results.whatif import (
        AnalysisWarning as AnalysisWarning,
    )
    from lifeport_map.results.whatif import (
        Losses as Losses,
    )
    from lifeport_map.results.whatif import (
        LostActivity as LostActivity,
    )
    from lifeport_map.results.whatif import (
        PhaseChange as PhaseChange,
    )
    from lifeport_map.results.whatif import (
        RemovedSite as RemovedSite,
    )
    from lifeport_map.results.whatif import (
        WhatIf as WhatIf,
    )

# class name -> the module of lifeport_map.results that defines it
_MODULES = {
    "RegionRef": "shared",
    "DefinitionInfo": "shared",
    "CountingInfo": "shared",
    "FilterInfo": "shared",
    "EmployeeSum": "shared",
    "Actor": "shared",
    "ActivityPresent": "coverage",
    "ActivityAbsent": "coverage",
    "ActivityPresence": "coverage",
    "PhaseRoleCount": "coverage",
    "SiteRef": "coverage",
    "SiteGroup": "coverage",
    "PipelineSite": "coverage",
    "PhaseCoverage": "coverage",
    "FragilePhase": "coverage",
    "OrganisationSites": "coverage",
    "RoleCount": "coverage",
    "PipelineEntry": "coverage",
    "CoverageMethod": "coverage",
    "TimeInfo": "coverage",
    "Coverage": "coverage",
    "MatrixRow": "compare",
    "EmployeeCoverage": "compare",
    "Specialisation": "compare",
    "RegionDefinitionUsed": "compare",
    "CompareMethod": "compare",
    "Comparison": "compare",
    "Holder": "gaps",
    "Candidate": "gaps",
    "WhiteSpot": "gaps",
    "Centre": "gaps",
    "GapsMethod": "gaps",
    "Gaps": "gaps",
    "RemovedSite": "whatif",
    "AnalysisWarning": "whatif",
    "PhaseChange": "whatif",
    "LostActivity": "whatif",
    "Losses": "whatif",
    "WhatIf": "whatif",
    "Origin": "near",
    "NearFilters": "near",
    "NearSite": "near",
    "Breakdown": "near",
    "Near": "near",
    "RegistrySum": "stats",
    "WiderFigure": "stats",
    "SharedSite": "stats",
    "GroupComparison": "stats",
    "FigureComparison": "stats",
    "StatsMethod": "stats",
    "Stats": "stats",
    "SiteSummary": "changes",
    "Place": "changes",
    "Move": "changes",
    "FieldChange": "changes",
    "EntryChanges": "changes",
    "PhaseCountChange": "changes",
    "RegionCoverageChange": "changes",
    "SiteCounts": "changes",
    "ClaimFlip": "changes",
    "RegistryChanges": "changes",
    "BriefSource": "brief",
    "BriefPipelineItem": "brief",
    "BriefCaveats": "brief",
    "BriefData": "brief",
    "ClaimSourceInfo": "claims",
    "EvidenceSite": "claims",
    "EvidenceNumber": "claims",
    "ClaimVerdict": "claims",
    "ClaimTotals": "claims",
    "ClaimsMethod": "claims",
    "ClaimsResult": "claims",
}

__all__ = ["OMIT_NONE", "Result", "json_text", "plain", *_MODULES]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})
