"""Semantic checks of the depth fields (issue 16): currency, source quality, facilities, events,
campuses and employee ranges. Pure functions from records (and today's date) to Issues.

Called from ``validate.validate``. Errors are facts that cannot be right (a verification date in
the future, a 7 mm wafer, events out of order, a campus id that is no campus); warnings are
what a maintainer should improve (entries not checked for two years, old or untitled sources,
mirrors and tracking parameters), so the shipped registry validates with exit 0 while
``validate --strict`` shows the work left.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from lifeport_map.errors import Issue
from lifeport_map.messages import Text, msg
from lifeport_map.model import Capacity, EmployeeFigure, Event, Registry, Site, SourceRef
from lifeport_map.schema import MONTH
from lifeport_map.site_issues import site_issue as _issue

STALE_MONTHS = 24  # an entry not checked for longer than this is reported
OLD_SOURCE_YEARS = 5  # an active site whose newest source is older than this is reported
WAFER_MM = frozenset({25, 50, 75, 76, 100, 125, 150, 200, 300, 450})
# Production roles and research: the sites a facility belongs to.
FACILITY_ACTIVITIES = frozenset(
    {
        "wafer-fab",
        "foundry",
        "pilot-line",
        "assembly-test",
        "osat",
        "packaging-pilot-line",
        "materials",
        "research",
    }
)
CLOSING_EVENTS = frozenset({"closed", "bankruptcy", "cancelled"})

# Hosts that copy other people's documents or pages: cite the original instead. Matched on the
# registered name and every subdomain of it.
AGGREGATOR_HOSTS = frozenset(
    {
        "docplayer.net",
        "docplayer.nl",
        "docplayer.org",
        "docplayer.com.br",
        "docplayer.fr",
        "docplayer.es",
        "docplayer.it",
        "studylib.net",
        "studylib.es",
        "studylib.fr",
        "studylib.de",
        "studylib.nl",
        "yumpu.com",
        "scribd.com",
        "fdocuments.in",
        "fdocuments.net",
        "vdocuments.mx",
        "vdocuments.net",
        "pdfslide.net",
        "dokumen.tips",
        "dokumen.pub",
        "silo.tips",
        "kipdf.com",
        "documents.pub",
        "wikiwand.com",
        "wikizero.com",
        "wiki2.org",
        "wikimili.com",
        "wikiital.com",
        "wiki.edu.vn",
        "infogalactic.com",
        "justapedia.org",
        "alchetron.com",
        "everybodywiki.com",
        "dbpedia.org",
        "en-academic.com",
        "de-academic.com",
        "nl-academic.com",
        "academic.ru",
        "dictionnaire.sensagent.leparisien.fr",
        "wikibrief.org",
        "wiki.alquds.edu",
        "db0nus869y26v.cloudfront.net",
        "wiki.li",
        "gravy.cc",
        "defzone.net",
        "paperai.life",
        "wikipedia.jakami.de",
        "bytes.news",
        "laio.site",
        "lawinsider.com",
        "globalauthorid.com",
        "sparknews.funkemedien.de",  # app copies of WAZ/WP articles
        "global.ssl.fastly.net",  # CDN copies of news pages (Mynavi)
    }
)
# First labels of a host name that mark a test or staging copy of a site.
STAGING_LABELS = frozenset({"test", "staging", "stage", "acc", "acceptatie", "dev", "preview", "origin"})
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "hsctatracking",
        "mkt_tok",
        "_ga",
        "_gl",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wickedid",
        "s_cid",
        "cmpid",
        "trk",
        "wt_mc",  # Webtrekk / Mapp campaign codes (heise)
        "wt_zmc",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "ga_")


def month_index(month: str) -> int:
    """'2024-11' as a count of months (for differences)."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)")


@lru_cache(maxsize=65536)
def aggregator_host(url: str) -> Text | None:
    """Why ``url`` is a copy rather than an original (a mirror, an aggregator, a test host)."""
    match = _HOST.match(url)
    if match is None:
        return None
    host = match.group(1).lower().rstrip(".")
    labels = host.split(".")
    for i in range(len(labels) - 1):
        if ".".join(labels[i:]) in AGGREGATOR_HOSTS:
            return msg("url.aggregator", host=host)
    if len(labels) > 2 and labels[0] in STAGING_LABELS:
        return msg("url.aggregator/staging", host=host)
    return None


@lru_cache(maxsize=65536)
def tracking_parameters(url: str) -> tuple[str, ...]:
    """The tracking parameters in ``url``'s query (and in a fragment written like a query)."""
    if "=" not in url:
        return ()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    found = []
    for query in (parts.query, parts.fragment if "=" in parts.fragment else ""):
        for key, _ in parse_qsl(query, keep_blank_values=True):
            low = key.lower()
            if low in TRACKING_PARAMETERS or low.startswith(TRACKING_PREFIXES):
                found.append(key)
    return tuple(found)


def _cited(site: Site) -> Iterator[tuple[str, int, SourceRef | EmployeeFigure | Event | Capacity]]:
    """Every cited reference of a site as (field, index in its list or -1, the reference): the
    field's name (``sources[0]``) is written only for an issue (``_field``)."""
    for i, s in enumerate(site.sources):
        yield "sources", i, s
    for i, e in enumerate(site.employees):
        yield "employees", i, e
    for i, ev in enumerate(site.events):
        yield "events", i, ev
    if site.location.source is not None:
        yield "location.source", -1, site.location.source
    facility = site.facility
    if facility is not None:
        if facility.source is not None:
            yield "facility.source", -1, facility.source
        if facility.capacity is not None:
            yield "facility.capacity", -1, facility.capacity


def _field(field: str, index: int) -> str:
    return field if index < 0 else f"{field}[{index}]"


def source_years(site: Site) -> list[int]:
    """Years of every dated reference that shows the site at work: its sources, employee
    figures, events and facility. Not the source of its coordinates: a map or Wikipedia page
    of 2023 giving the building's place says nothing of whether the site still runs."""
    years = [s.year for s in site.sources if s.year is not None]
    years += [e.year for e in site.employees if e.url or e.seed]
    years += [ev.year for ev in site.events if ev.url or ev.seed]
    source = site.facility.source if site.facility else None
    if source is not None and source.year is not None:
        years.append(source.year)
    capacity = site.facility.capacity if site.facility else None
    if capacity is not None and (capacity.url or capacity.seed):
        years.append(capacity.year)
    return years


def _raw_capacity_value(site: Site) -> object:
    """A facility's capacity value as the file writes it (a float when written with a point)."""
    facility = site.raw.get("facility") if isinstance(site.raw, dict) else None
    capacity = facility.get("capacity") if isinstance(facility, dict) else None
    return capacity.get("value") if isinstance(capacity, dict) else None


def check_fields(registry: Registry, today: datetime.date) -> Iterator[Issue]:
    """Every issue of the depth fields, for each site."""
    now = today.year * 12 + today.month - 1
    suggest = CampusSuggestions(registry)
    for site in registry.sites:
        yield from check_currency(site, now, today.year)
        yield from check_references(site)
        yield from check_events(site)
        yield from check_facility(site)
        yield from check_campus(site, registry, suggest)
        yield from check_employee_ranges(site)


class CampusSuggestions:
    """The closest campus id for a misspelt one, computed once per distinct spelling (difflib
    over every campus id is slow, and a copied registry repeats the same wrong id)."""

    def __init__(self, registry: Registry) -> None:
        self.campuses = [s.id for s in registry.sites if s.kind == "campus"]
        self.found: dict[str, str | None] = {}

    def __call__(self, wrong: str) -> str | None:
        if wrong not in self.found:
            close = difflib.get_close_matches(wrong, self.campuses, n=1, cutoff=0.6)
            self.found[wrong] = close[0] if close else None
        return self.found[wrong]


def check_currency(site: Site, now: int, this_year: int) -> Iterator[Issue]:
    checked = site.checked
    if checked is None:
        yield _issue(
            site,
            "",
            "checked.missing",
            msg("checked.missing"),
            msg("checked.missing/hint"),
            "warning",
        )
    elif MONTH.match(checked):
        age = now - month_index(checked)
        if age < 0:
            yield _issue(
                site,
                "checked",
                "checked.future",
                msg("checked.future", checked=checked),
                msg("checked.future/hint"),
            )
        elif age > STALE_MONTHS:
            yield _issue(
                site,
                "checked",
                "checked.stale",
                msg("checked.stale", months=age, checked=checked),
                msg("checked.stale/hint", months=STALE_MONTHS),
                "warning",
            )
    # A source of the last OLD_SOURCE_YEARS years settles it without gathering every year.
    recent = this_year - OLD_SOURCE_YEARS
    if site.is_active and not any(s.year is not None and s.year >= recent for s in site.sources):
        years = source_years(site)
        if years and this_year - max(years) > OLD_SOURCE_YEARS:
            yield _issue(
                site,
                "sources",
                "source.outdated",
                msg("source.outdated", year=max(years)),
                msg("source.outdated/hint", years=OLD_SOURCE_YEARS),
                "warning",
            )


def check_references(site: Site) -> Iterator[Issue]:
    urls = [("website", -1, site.website)] if site.website else []
    for name, index, ref in _cited(site):
        url = ref.url
        if url:
            urls.append((name, index, url))
        elif not ref.seed:
            continue
        title, publisher = ref.title, ref.publisher
        if title is None or publisher is None:
            field = _field(name, index)
            if title is None:
                yield _issue(
                    site,
                    field,
                    "source.no-title",
                    msg("source.no-title"),
                    msg("source.no-title/hint"),
                    "warning",
                )
            if publisher is None:
                yield _issue(
                    site,
                    field,
                    "source.no-publisher",
                    msg("source.no-publisher"),
                    msg("source.no-publisher/hint"),
                    "warning",
                )
    for name, index, url in urls:
        copied = aggregator_host(url)
        tracking = tracking_parameters(url)
        if copied or tracking:
            url_field = name if name == "website" else f"{_field(name, index)}.url"
            if copied:
                yield _issue(
                    site,
                    url_field,
                    "url.aggregator",
                    copied,
                    msg("url.aggregator/hint"),
                    "warning",
                )
            if tracking:
                yield _issue(
                    site,
                    url_field,
                    "url.tracking",
                    msg("url.tracking", field=url_field, parameters=", ".join(tracking)),
                    msg("url.tracking/hint"),
                    "warning",
                )


def check_events(site: Site) -> Iterator[Issue]:
    for i in range(1, len(site.events)):
        previous, event = site.events[i - 1], site.events[i]
        if event.sort_key < previous.sort_key:
            yield _issue(
                site,
                f"events[{i}].date",
                "events.order",
                msg(
                    "events.order",
                    date=event.date,
                    type=event.type,
                    previous_date=previous.date,
                    previous_type=previous.type,
                ),
                msg("events.order/hint"),
            )
    for i, event in enumerate(site.events):
        if not event.url and not event.seed:
            yield _issue(
                site,
                f"events[{i}]",
                "events.no-source",
                msg("events.no-source", date=event.date, type=event.type),
                msg("source.no-reference/hint"),
            )
    if site.events and site.status != "closed" and site.events[-1].type in CLOSING_EVENTS:
        last = site.events[-1]
        yield _issue(
            site,
            "status",
            "events.status-mismatch",
            msg("events.status-mismatch", status=site.status, type=last.type, date=last.date),
            msg("events.status-mismatch/hint"),
            "warning",
        )


def check_facility(site: Site) -> Iterator[Issue]:
    facility = site.facility
    if facility is None:
        return
    for i, mm in enumerate(facility.wafer_mm):
        if mm not in WAFER_MM:
            yield _issue(
                site,
                f"facility.wafer_mm[{i}]",
                "facility.wafer-size",
                msg("facility.wafer-size", mm=mm),
                msg("facility.wafer-size/hint", sizes=", ".join(str(w) for w in sorted(WAFER_MM))),
            )
    if facility.node_nm is not None and facility.node_nm == 0:
        yield _issue(
            site,
            "facility.node_nm",
            "facility.node",
            msg("facility.node/zero"),
            msg("facility.node/hint"),
        )
    if facility.capacity is not None and facility.capacity.value == 0:
        yield _issue(
            site,
            "facility.capacity.value",
            "facility.capacity",
            msg("facility.capacity"),
            msg("facility.capacity/hint"),
        )
    written = _raw_capacity_value(site)
    if isinstance(written, float):
        # every capacity unit counts wafers: 12.000 (Dutch twelve thousand) is 12 to YAML
        from lifeport_map.schema import as_thousands

        thousands = as_thousands(written)
        yield _issue(
            site,
            "facility.capacity.value",
            "facility.capacity-not-whole",
            msg("schema.type/whole", path="facility.capacity.value"),
            msg("schema.type/whole-thousands-hint", whole=thousands)
            if thousands
            else msg("schema.type/whole-hint"),
        )
    capacity, source = facility.capacity, facility.source
    if (
        capacity is not None
        and not (capacity.url or capacity.seed)
        and not (source and (source.url or source.seed))
    ):
        yield _issue(
            site,
            "facility.capacity",
            "facility.capacity-no-source",
            msg("facility.capacity-no-source"),
            msg("facility.capacity-no-source/hint"),
        )
    if facility.cleanroom_m2 is not None and facility.cleanroom_m2 == 0:
        yield _issue(
            site,
            "facility.cleanroom_m2",
            "facility.cleanroom",
            msg("facility.cleanroom"),
            msg("facility.cleanroom/hint"),
        )
    if not FACILITY_ACTIVITIES.intersection(site.activities):
        yield _issue(
            site,
            "facility",
            "facility.unexpected",
            msg("facility.unexpected"),
            msg("facility.unexpected/hint"),
            "warning",
        )


def check_campus(site: Site, registry: Registry, suggest: CampusSuggestions) -> Iterator[Issue]:
    campus = site.location.campus
    if campus is None:
        return
    target = registry.by_id.get(campus)
    if campus == site.id:
        yield _issue(
            site,
            "location.campus",
            "location.campus-self",
            msg("location.campus-self"),
            msg("location.campus-self/hint"),
        )
    elif target is None:
        close = suggest(campus)
        yield _issue(
            site,
            "location.campus",
            "location.campus-unknown",
            msg("location.campus-unknown", campus=campus),
            msg("did-you-mean", name=close) if close else msg("location.campus-unknown/hint"),
        )
    elif target.kind != "campus":
        yield _issue(
            site,
            "location.campus",
            "location.campus-not-campus",
            msg(
                "location.campus-not-campus/kind",
                campus=campus,
                kind=(
                    registry.taxonomy.label("kinds", target.kind, "nl"),
                    registry.taxonomy.label("kinds", target.kind, "en"),
                ),
            ),
            msg("location.campus-not-campus/hint"),
        )


def check_employee_ranges(site: Site) -> Iterator[Issue]:
    for i, figure in enumerate(site.employees):
        if figure.max is not None and figure.max < figure.value:
            yield _issue(
                site,
                f"employees[{i}].max",
                "employees.range",
                msg("employees.range", max=figure.max, value=figure.value),
                msg("employees.range/hint"),
            )
