"""Which sites an analysis looks at: filters by country, activity, technology, wafer size,
facility type, status, kind, organisation and site id, shared by ``near``, the region analyses and the claims.

Within one field a site passes when it has any of the values given; across fields it must pass
every field that is given. An empty filter passes every site. ``kinds`` takes kind ids and the
two groups ``companies`` (every kind that is not a knowledge institute) and ``knowledge``.
``organisations`` match a site's whole organisation name, case- and accent-insensitive (as the
claims match them); ``ids`` are site ids. Both let a printed command select exactly the sites a
claim counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from lifeport_map.chain import COMPANIES, KIND_GROUPS, KNOWLEDGE_GROUP, ChainRules
from lifeport_map.errors import UsageError
from lifeport_map.graph import SiteNode, all_sites, keys_of_type, term_ids
from lifeport_map.messages import Text, msg
from lifeport_map.results import FilterInfo
from lifeport_map.text import as_names, fold

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class SiteFilter:
    """The filters of one query (each a tuple of accepted values; empty: any)."""

    countries: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    wafer_mm: tuple[int, ...] = ()
    facility_types: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # One value given on its own (``SiteFilter(countries="NL")``, ``wafer_mm=300``) is that
        # value, not its characters; a list becomes a tuple, so the filter stays hashable.
        for f in fields(self):
            object.__setattr__(self, f.name, as_names(getattr(self, f.name)))

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def without_statuses(self) -> SiteFilter:
        return SiteFilter(**{f.name: getattr(self, f.name) for f in fields(self) if f.name != "statuses"})

    def matches(self, site: SiteNode, rules: ChainRules) -> bool:
        if self.countries and site.country.upper() not in self.countries:
            return False
        if self.activities and not set(self.activities).intersection(site.activities):
            return False
        if self.technologies and not set(self.technologies).intersection(site.technologies):
            return False
        if self.wafer_mm and not set(self.wafer_mm).intersection(site.wafer_mm):
            return False
        if self.facility_types and site.facility_type not in self.facility_types:
            return False
        if self.statuses and site.status not in self.statuses:
            return False
        if self.ids and site.id not in self.ids:
            return False
        if self.organisations and fold(site.organisation) not in {fold(o) for o in self.organisations}:
            return False
        return not self.kinds or _kind_passes(site.kind, self.kinds, rules)

    def apply(self, sites: Iterable[SiteNode], rules: ChainRules) -> list[SiteNode]:
        return [s for s in sites if self.matches(s, rules)]

    def info(self) -> FilterInfo | None:
        """The filter as a result field (None when it filters nothing)."""
        if self.is_empty:
            return None
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        # left out of the JSON when not used, so results without them read as before
        values["organisations"] = self.organisations or None
        values["ids"] = self.ids or None
        return FilterInfo(**values)


def _kind_passes(kind: str, wanted: Sequence[str], rules: ChainRules) -> bool:
    knowledge = rules.is_knowledge(kind)
    return (
        kind in wanted or (COMPANIES in wanted and not knowledge) or (KNOWLEDGE_GROUP in wanted and knowledge)
    )


def site_filter(
    *,
    countries: Iterable[str] = (),
    activities: Iterable[str] = (),
    technologies: Iterable[str] = (),
    wafer_mm: Iterable[int] = (),
    facility_types: Iterable[str] = (),
    kinds: Iterable[str] = (),
    statuses: Iterable[str] = (),
    organisations: Iterable[str] = (),
    ids: Iterable[str] = (),
) -> SiteFilter:
    """A filter from option values (countries upper-cased, duplicates dropped)."""

    def unique(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))

    return SiteFilter(
        countries=tuple(c.upper() for c in unique(countries)),
        activities=unique(activities),
        technologies=unique(technologies),
        wafer_mm=tuple(dict.fromkeys(int(mm) for mm in wafer_mm)),
        facility_types=unique(facility_types),
        kinds=unique(kinds),
        statuses=unique(statuses),
        organisations=unique(organisations),
        ids=unique(ids),
    )


def one_of(value: str, known: Sequence[str]) -> Text:
    """The hint for an option value not among ``known``: the closest one if one is close (as for
    a region or a site id), and the list."""
    import difflib

    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    values = ", ".join(known)
    return (
        msg("did-you-mean/or-one-of", name=close[0], values=values)
        if close
        else msg("use-one-of", values=values)
    )


def check_filter(graph: nx.MultiDiGraph, found: SiteFilter) -> None:
    """Raise UsageError for a value the registry's vocabulary does not know (with the list)."""
    checks: list[tuple[str, tuple[str, ...], tuple[str, ...] | None]] = [
        ("activity", found.activities, tuple(keys_of_type(graph, "activity"))),
        ("kind", found.kinds, (*KIND_GROUPS, *keys_of_type(graph, "kind"))),
        ("technology", found.technologies, term_ids(graph, "technologies")),
        ("facility-type", found.facility_types, term_ids(graph, "facility_types")),
        ("status", found.statuses, term_ids(graph, "statuses")),
    ]
    for name, values, known in checks:
        for value in values:
            if known is not None and value not in known:
                raise UsageError(msg(f"usage.unknown-{name}", value=value), hint=one_of(value, known))
    check_filter_values(found)
    if found.ids or found.organisations:
        _check_sites(graph, found)


def check_filter_values(found: SiteFilter) -> None:
    """Raise UsageError for a country or wafer size no registry can have (the fixed lists, not
    the registry's vocabulary); the command line asks this before any file is looked for."""
    from lifeport_map.schema import ISO_COUNTRIES

    for country in found.countries:
        if len(country) != 2 or not country.isalpha():
            raise UsageError(msg("usage.country", country=country), hint=msg("usage.country/hint"))
        if country not in ISO_COUNTRIES:
            raise UsageError(msg("usage.country-unknown", country=country), hint=msg("usage.country/hint"))
    from lifeport_map.validate_fields import WAFER_MM

    for mm in found.wafer_mm:
        if mm <= 0:
            raise UsageError(msg("usage.wafer-mm", mm=mm), hint=msg("usage.wafer-mm/hint"))
        if mm not in WAFER_MM:
            raise UsageError(
                msg("usage.wafer-mm-unknown", mm=mm),
                hint=msg("use-one-of", values=", ".join(str(w) for w in sorted(WAFER_MM))),
            )


def _check_sites(graph: nx.MultiDiGraph, found: SiteFilter) -> None:
    """Raise UsageError for a site id or an organisation no site of the registry has (with the
    closest ones as the hint)."""
    import difflib

    sites = all_sites(graph)
    known_ids = [s.id for s in sites]
    for wanted in found.ids:
        if wanted not in known_ids:
            close = difflib.get_close_matches(wanted, known_ids, n=3, cutoff=0.6)
            hint = (
                msg("did-you-mean/some", names=", ".join(close)) if close else msg("usage.unknown-site/hint")
            )
            raise UsageError(msg("usage.unknown-site", site=wanted), hint=hint)
    names = {fold(s.organisation): s.organisation for s in sites}
    for wanted in found.organisations:
        if fold(wanted) not in names:
            close = difflib.get_close_matches(fold(wanted), list(names), n=3, cutoff=0.6)
            hint = (
                msg("usage.unknown-organisation/close", names=", ".join(names[c] for c in close))
                if close
                else msg("usage.unknown-organisation/hint")
            )
            raise UsageError(msg("usage.unknown-organisation", organisation=wanted), hint=hint)
