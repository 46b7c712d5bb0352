"""Semantic checks of a loaded registry: pure functions from records to a list of Issues.

Structure (types, required and unknown fields, vocabularies) is checked while reading, in
``schema.py``; this module checks what needs the whole registry: ids, order, relations,
aliases, likely duplicates, coordinates against an offline gazetteer, URLs and sources, and the
region files. Every check reports all offenders, each with a position and a hint.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from urllib.parse import urlsplit

from lifeport_map.chain import chain_rules
from lifeport_map.errors import Issue
from lifeport_map.gazetteer import Gazetteer, load_gazetteer
from lifeport_map.geo import great_circle_km
from lifeport_map.messages import Number, Text, msg
from lifeport_map.model import Registry, Site
from lifeport_map.site_issues import site_issue as _issue
from lifeport_map.text import (
    LEGAL_FORMS,
    excerpt,
    fold,
    invisible_characters,
    mixed_script,
    skeleton,
)
from lifeport_map.validate_regions import check_official_codes

# How far coordinates may lie from the named place before we call them wrong. Municipalities
# can be large (Dresden, Westland), so city-level coordinates get some room.
FAR_KM = {"site": 15.0, "campus": 15.0, "place": 15.0}
MAX_URL = 2000


# A URL this pattern accepts is plain: http(s), a dotted host of letters, digits and hyphens
# (so no userinfo), an optional default port, and a path of visible ASCII without backslash.
_PLAIN_URL = re.compile(
    r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::(?:80|443))?"
    r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?\Z"
)


def url_problem(url: str) -> Text | None:
    """Why ``url`` is not a plain http(s) URL, or None when it is one."""
    if len(url) <= MAX_URL and _PLAIN_URL.match(url):
        return None
    if len(url) > MAX_URL:
        return msg("url.too-long", limit=MAX_URL)
    if url != url.strip() or any(ch.isspace() for ch in url):
        return msg("url.whitespace")
    if invisible_characters(url):
        return msg("url.invisible")
    if "\\" in url:
        return msg("url.backslash")
    unsafe = sorted(set(url) & set('"<>`{}|^'))
    if unsafe:
        return msg("url.unsafe", characters=" ".join(unsafe))
    if url.startswith("//"):
        return msg("url.protocol-relative")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return msg("url.unparsable")
    if parts.scheme.lower() not in ("http", "https") or parts.scheme != parts.scheme.lower():
        return msg("url.scheme", scheme=parts.scheme or msg("none"))
    if not parts.hostname or "." not in parts.hostname:
        return msg("url.no-host")
    if "@" in parts.netloc or parts.username or parts.password:
        return msg("url.userinfo")
    if port is not None and port not in (80, 443):
        return msg("url.port")
    if not re.fullmatch(r"[A-Za-z0-9.-]+", parts.hostname):
        return msg("url.host-characters")
    return None


def validate(
    registry: Registry, *, gazetteer: Gazetteer | None = None, today: datetime.date | None = None
) -> list[Issue]:
    """Every semantic problem in the registry and its regions (``today`` dates the currency checks)."""
    from lifeport_map.validate_fields import check_fields

    issues: list[Issue] = []
    issues.extend(check_ids_and_order(registry))
    issues.extend(check_names(registry))
    issues.extend(check_relations(registry))
    issues.extend(check_sources_and_urls(registry))
    issues.extend(check_status(registry))
    issues.extend(check_coordinates(registry, gazetteer))
    issues.extend(check_municipality_names(registry, gazetteer))
    issues.extend(check_region_centres(registry, gazetteer))
    issues.extend(check_region_nuts3(registry))
    # Swapped or mis-signed coordinates also lie outside the country: one mistake, one error.
    mistaken = {i.entry for i in issues if i.code in ("coordinates.swapped", "coordinates.sign")}
    issues.extend(i for i in check_countries(registry) if i.entry not in mistaken)
    mistaken |= {i.entry for i in issues if i.code == "coordinates.outside-country"}
    issues.extend(i for i in check_municipalities(registry) if i.entry not in mistaken)
    issues.extend(check_fields(registry, today or datetime.date.today()))
    issues.extend(check_official_codes(registry.regions))
    return issues


# The errors of ``validate`` that every command refuses too (``registry.read_for_analysis``):
# each changes what an analysis counts without a word, and each check is cheap (bench numbers in
# the README, "Hardening"). A misspelt municipality moves a site out of its regions; two sites of
# one id are one node of the graph; a relation to an unknown id or to itself is left out of the
# graph and the exports, a repeated one is two edges, part-of cycles have no top; dates in the
# wrong order or an end year on an open site move a site in time (``--year``); phases served
# without a cross-cutting activity count a site in them; an employee range whose upper end is
# below its value is summed so; a wafer size that exists nowhere never matches ``--wafer-mm``.
ANALYSIS_ERRORS = frozenset(
    {
        "name.invisible-character",
        "name.mixed-script",
        "location.unknown-municipality",
        "id.duplicate",
        "relation.self",
        "relation.dangling",
        "relation.duplicate",
        "relation.cycle",
        "status.dates",
        "status.until-but-open",
        "phases.without-cross-cutting",
        "employees.range",
        "facility.wafer-size",
        "coordinates.outside-country",
    }
)


def check_for_analysis(registry: Registry) -> list[Issue]:
    """The errors in ``ANALYSIS_ERRORS``, found by the same functions ``validate`` runs (so the
    verdict and the "did you mean" are the same): the checks every command runs before it
    counts. Costs milliseconds; the gazetteer is loaded only for a municipality that is on no
    region file and no shipped official list (``check_municipality_names``)."""
    from lifeport_map.validate_fields import check_employee_ranges, check_facility

    def found() -> Iterator[Issue]:
        yield from check_identity_text(registry)
        yield from check_municipality_names(registry)
        yield from check_ids_and_order(registry)
        yield from check_relations(registry)
        yield from check_status(registry)
        yield from check_countries(registry)
        for site in registry.sites:
            yield from check_facility(site)
            yield from check_employee_ranges(site)

    return [i for i in found() if i.severity == "error" and i.code in ANALYSIS_ERRORS]


def check_ids_and_order(registry: Registry) -> Iterator[Issue]:
    seen: dict[str, Site] = {}
    previous: Site | None = None
    for site in registry.sites:
        key = site.id.casefold()
        if key in seen:
            first = seen[key]
            yield _issue(
                site,
                "id",
                "id.duplicate",
                msg(
                    "id.duplicate" if first.id == site.id else "id.duplicate/case",
                    id=excerpt(site.id),
                    line=first.line,
                ),
                msg("id.duplicate/hint"),
            )
        else:
            seen[key] = site
        if previous is not None and site.id < previous.id:
            yield _issue(
                site,
                "id",
                "order.not-canonical",
                msg("order.not-canonical", id=excerpt(site.id), previous=excerpt(previous.id)),
                msg("order.not-canonical/hint"),
            )
        previous = site


def check_identity_text(registry: Registry) -> Iterator[Issue]:
    """Invisible characters and lookalike letters in the fields that decide what an analysis
    counts (name, organisation, aliases, place, municipality): a zero-width space in
    "Nijmegen" or a Cyrillic letter moves a site out of its region without a word. Cheap, so
    every command runs it (``registry.read_for_analysis``), not only ``validate``."""
    for site in registry.sites:
        loc = site.location
        # Most sites write these texts in plain ASCII with single spaces inside: one test of
        # them joined by spaces settles that (no invisible or lookalike character is ASCII, and
        # a text with a space at either end or a run of spaces makes a double space when
        # joined), instead of three tests per text (26 ms less at 10,000 sites).
        joined = " ".join((site.name, site.organisation, *site.aliases, loc.place, loc.municipality))
        plain = joined.isascii() and joined.isprintable() and "  " not in joined
        if plain and joined[:1] != " " and joined[-1:] != " ":
            continue
        for field, text in (
            ("name", site.name),
            ("organisation", site.organisation),
            *((f"aliases[{i}]", a) for i, a in enumerate(site.aliases)),
            ("location.place", loc.place),
            ("location.municipality", loc.municipality),
        ):
            bad = invisible_characters(text)
            lookalikes = mixed_script(text) if not bad else []
            if bad:
                yield _issue(
                    site,
                    field,
                    "name.invisible-character",
                    msg("name.invisible-character", field=field, characters=", ".join(bad)),
                    msg("name.invisible-character/hint"),
                )
            elif lookalikes:
                yield _issue(
                    site,
                    field,
                    "name.mixed-script",
                    msg(
                        "name.mixed-script",
                        field=field,
                        characters=", ".join(lookalikes),
                        skeleton=excerpt(skeleton(text)),
                    ),
                    msg("name.mixed-script/hint"),
                )
            elif text != text.strip() or "  " in text:
                yield _issue(
                    site,
                    field,
                    "name.whitespace",
                    msg("name.whitespace", field=field),
                    msg("name.whitespace/hint"),
                    "warning",
                )


def check_names(registry: Registry) -> Iterator[Issue]:
    yield from check_identity_text(registry)
    owners: dict[str, Site] = {}
    for site in registry.sites:
        aliases = site.aliases
        if not aliases:  # the name is all there is to note
            owners.setdefault(fold(skeleton(site.name)), site)
            continue
        name = fold(site.name)
        for i, alias in enumerate(aliases):
            if fold(alias) == name:
                yield _issue(
                    site,
                    f"aliases[{i}]",
                    "alias.same-as-name",
                    msg("alias.same-as-name", alias=excerpt(alias)),
                    msg("alias.same-as-name/hint"),
                    "warning",
                )
        names = {fold(skeleton(site.name))} | {fold(skeleton(a)) for a in site.aliases}
        for i, alias in enumerate(site.aliases):
            key = fold(skeleton(alias))
            other = owners.get(key)
            if other is not None and other is not site:  # by entry: ids may repeat
                yield _issue(
                    site,
                    f"aliases[{i}]",
                    "alias.duplicate",
                    msg("alias.duplicate", alias=excerpt(alias), other=excerpt(other.id)),
                    msg("alias.duplicate/hint"),
                )
        for key in names:
            owners.setdefault(key, site)
    yield from check_likely_duplicates(registry)


# Relation types that state a present tie (a closed site can no longer be a partner or host);
# spin-off-of and joint-venture-of are history and may point at a closed site.
PRESENT_TIES = frozenset({"part-of", "partner", "supplier-of", "customer-of", "member-of", "located-at"})
MAX_SUGGESTIONS = 50  # "did you mean" look-ups that scan every id, per check and run
SIMILAR_RATIO = 0.92  # difflib ratio from which two names one edit apart count as the same


def name_key(text: str) -> str:
    """The form two names of one site share: folded, without legal forms, spaces or
    punctuation, and with lookalike letters of other scripts mapped to Latin ones."""
    # ``fold_organisation`` without its last steps (one space for a run, no ",.-" at the ends):
    # they change only characters that are neither letters nor digits, all dropped below.
    folded = LEGAL_FORMS.sub(" ", fold(skeleton(text)))
    if folded.isascii():  # the same letters and digits, without a Python step per character
        return _ASCII_NOT_ALNUM.sub("", folded)
    return "".join(ch for ch in folded if ch.isalnum())


_ASCII_NOT_ALNUM = re.compile("[^0-9A-Za-z]+")


def check_likely_duplicates(registry: Registry) -> Iterator[Issue]:
    """Names in the same municipality (and with the same numbers: "Fab 1" is not "Fab 2") that
    are the same once normalised (``name_key``), or one edit apart and at least
    ``SIMILAR_RATIO`` alike. Each name is compared only with the earlier names that share half
    of it (``closest_earlier``; beyond ``MANY_CANDIDATES`` of those, through a symmetric deletion
    index), never with every other name; so two names two or more edits apart are not
    reported, however long they are. Only names
    that share their block (country, municipality and numbers) with another can be alike, so
    only such blocks are indexed (most names are alone in theirs)."""
    blocks: dict[tuple[object, ...], list[tuple[int, Site, str]]] = {}
    for index, site in enumerate(registry.sites):
        key = name_key(site.name)
        if key:
            block = (site.location.country, fold(site.location.municipality), tuple(_DIGITS.findall(key)))
            blocks.setdefault(block, []).append((index, site, key))
    found: list[tuple[int, Issue]] = []
    for members in blocks.values():
        if len(members) > 1:
            found.extend(_likely_duplicates_in_block(members))
    found.sort(key=lambda pair: pair[0])  # in registry order, as the sites come
    for _, issue in found:
        yield issue


_DIGITS = re.compile(r"[0-9]+")


def _likely_duplicates_in_block(members: list[tuple[int, Site, str]]) -> Iterator[tuple[int, Issue]]:
    """``check_likely_duplicates`` within one block: (site index, issue) pairs."""
    for position, found in enumerate(closest_earlier([key for *_, key in members])):
        if found is None:
            continue
        index, site, key = members[position]
        earlier = members[found][1]
        if earlier is not site and _alike(name_key(earlier.name), key):
            yield (
                index,
                _issue(
                    site,
                    "name",
                    "name.likely-duplicate",
                    msg(
                        "name.likely-duplicate",
                        name=excerpt(site.name),
                        other=excerpt(earlier.name),
                        other_id=excerpt(earlier.id),
                    ),
                    msg("name.likely-duplicate/hint"),
                ),
            )


# How many earlier keys sharing a half ``closest_earlier`` ranks one by one before it turns to
# the symmetric deletion index, whose cost does not grow with the number of similar keys.
MANY_CANDIDATES = 48


def closest_earlier(keys: list[str], *, many: int = MANY_CANDIDATES) -> Iterator[int | None]:
    """For each key, the position of the earlier key it is compared with: the earliest that is
    the same or one edit away, chosen in this order (``_edit_rank``): the same key; a key with
    one letter more; then, at the first position that gives one, a key with another letter
    there, or with the letter there missing. None when no earlier key is that close.

    Two keys one edit apart share their first half or their second half (the edit lies in one
    of them): each key is indexed under both halves, for its own length and one less, and only
    the earlier keys that share a half are ranked, so no key's deletions are built. Once more
    than ``many`` earlier keys share a key's halves (a block of names alike by the hundred), the
    rest of the block goes through ``DeletionIndex``, which finds the same key."""
    halves: dict[tuple[int, bool, str], list[int]] = {}
    index: DeletionIndex | None = None
    for position, key in enumerate(keys):
        if index is None:
            length = len(key)
            lookups = [half for size in (length, length - 1) if size > 0 for half in _halves(key, size)]
            lists = [halves.get(half, ()) for half in lookups]
            if sum(map(len, lists)) <= many:
                candidates = set(itertools.chain.from_iterable(lists))
                ranked = [(rank, found) for found in candidates if (rank := _edit_rank(keys[found], key))]
                yield min(ranked)[1] if ranked else None
                for half in lookups:
                    halves.setdefault(half, []).append(position)
                continue
            index = DeletionIndex()
            for earlier, other in enumerate(keys[:position]):
                index.add(earlier, other)
        yield index.closest(key)
        index.add(position, key)


class DeletionIndex:
    """A symmetric deletion index of keys by position: each key under itself and under each of
    its one-letter deletions, with and without the deletion's position; the earliest stays."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.deleted: dict[tuple[str, int], int] = {}  # substitutions: same deletion, same place
        self.shorter: dict[str, int] = {}  # a key with this one once one letter is removed

    def add(self, position: int, key: str) -> None:
        self.exact.setdefault(key, position)
        if len(key) > 1:
            for i in range(len(key)):
                variant = key[:i] + key[i + 1 :]
                self.deleted.setdefault((variant, i), position)
                self.shorter.setdefault(variant, position)

    def closest(self, key: str) -> int | None:
        """The position of the key ``key`` is compared with (``closest_earlier``'s order)."""
        found = self.exact.get(key)
        if found is None:
            found = self.shorter.get(key)
        if found is None and len(key) > 1:
            for i in range(len(key)):
                variant = key[:i] + key[i + 1 :]
                found = self.deleted.get((variant, i))
                if found is None:
                    found = self.exact.get(variant)
                if found is not None:
                    break
        return found


def _halves(key: str, size: int) -> tuple[tuple[int, bool, str], tuple[int, bool, str]]:
    """The halves under which a key is found by keys one edit away whose shorter one has
    ``size`` letters: its first ``size // 2`` letters and its last ``size - size // 2 - 1``."""
    head = size // 2
    tail = size - head - 1
    return (size, True, key[:head]), (size, False, key[len(key) - tail :] if tail else "")


def _edit_rank(other: str, key: str) -> tuple[int, ...] | None:
    """Where ``other`` ranks as the earlier name ``key`` is compared with, or None when it is
    more than one edit away: (0,) the same; (1,) one letter more; (2, i, 0) another letter at
    position i; (2, i, 1) the letter at position i missing (the first i that gives ``other``)."""
    if other == key:
        return (0,)
    size = len(key)
    first = next(
        (i for i, (a, b) in enumerate(zip(other, key, strict=False)) if a != b), min(size, len(other))
    )
    if len(other) == size + 1:
        return (1,) if other[first + 1 :] == key[first:] else None
    if len(other) == size:  # a key of one letter has no deletions to share
        return (2, first, 0) if size > 1 and other[first + 1 :] == key[first + 1 :] else None
    if len(other) == size - 1 and size > 1 and other[first:] == key[first + 1 :]:
        while first > 0 and key[first - 1] == key[first]:
            first -= 1  # deleting any letter of a run gives the same key: the run's first
        return (2, first, 1)
    return None


def _alike(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_RATIO


def check_relations(registry: Registry) -> Iterator[Issue]:
    ids = registry.by_id
    part_of: dict[str, list[str]] = defaultdict(list)
    suggestions = MAX_SUGGESTIONS
    for site in registry.sites:
        seen: set[tuple[str, str]] = set()
        for i, rel in enumerate(site.relations):
            field = f"relations[{i}].target"
            if rel.target == site.id:
                yield _issue(
                    site,
                    field,
                    "relation.self",
                    msg("relation.self", type=excerpt(rel.type)),
                    msg("relation.self/hint"),
                )
            elif rel.target not in ids:
                suggestions -= 1  # each costs a pass over every id: only the first few get one
                close = (
                    difflib.get_close_matches(rel.target, ids, n=1, cutoff=0.7) if suggestions >= 0 else []
                )
                yield _issue(
                    site,
                    field,
                    "relation.dangling",
                    msg("relation.dangling", type=excerpt(rel.type), target=excerpt(rel.target)),
                    msg("did-you-mean", name=close[0]) if close else msg("relation.dangling/hint"),
                )
            if (rel.type, rel.target) in seen:
                yield _issue(
                    site,
                    f"relations[{i}]",
                    "relation.duplicate",
                    msg("relation.duplicate", type=excerpt(rel.type), target=excerpt(rel.target)),
                    msg("relation.duplicate/hint"),
                )
            seen.add((rel.type, rel.target))
            if rel.type == "part-of" and rel.target in ids and rel.target != site.id:
                part_of[site.id].append(rel.target)
            target = ids.get(rel.target)
            if (
                target is not None
                and target is not site
                and target.status == "closed"
                and site.status != "closed"
                and rel.type in PRESENT_TIES
            ):
                yield _issue(
                    site,
                    field,
                    "relation.to-closed",
                    msg(
                        "relation.to-closed/until",
                        type=excerpt(rel.type),
                        target=excerpt(rel.target),
                        until=target.until,
                    )
                    if target.until
                    else msg("relation.to-closed", type=excerpt(rel.type), target=excerpt(rel.target)),
                    msg("relation.to-closed/hint"),
                    "warning",
                )
    yield from _part_of_cycles(part_of, ids)


def _part_of_cycles(part_of: dict[str, list[str]], ids: dict[str, Site]) -> Iterator[Issue]:
    """part-of must form a forest: an iterative depth-first search over every part-of relation
    (not only an entry's first) reports each cycle once, at the entry with the smallest id."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    reported: set[frozenset[str]] = set()
    for start in sorted(part_of):
        if start in state:
            continue
        path: list[str] = [start]
        state[start] = 1
        stack = [iter(part_of[start])]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(target) == 1:
                cycle = path[path.index(target) :]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = min(cycle)
                    turn = cycle.index(first)
                    ordered = cycle[turn:] + cycle[:turn]
                    yield _issue(
                        ids[first],
                        "relations",
                        "relation.cycle",
                        msg("relation.cycle/words", cycle=" -> ".join([*ordered, first])),
                        msg("relation.cycle/hint"),
                    )
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append(iter(part_of.get(target, ())))


def region_municipalities(registry: Registry) -> dict[str, dict[str, str]]:
    """Per country, the folded names (and aliases) of the municipalities the region files list
    with their official codes, each mapped to how it is written."""
    known: dict[str, dict[str, str]] = defaultdict(dict)
    for region in registry.regions.values():
        for definition in region.definitions:
            for municipality in definition.municipalities:
                for name in (municipality.name, *municipality.aliases):
                    known[region.country].setdefault(fold(name), name)
    return known


def known_municipalities(registry: Registry) -> dict[str, dict[str, str]]:
    """Per country, the folded names (and aliases) of the municipalities the region files list
    with their official codes, and every municipality of the shipped official lists (CBS for NL,
    Statbel for BE, Destatis for DE), each mapped to how it is written."""
    from lifeport_map.municipalities import OFFICIAL_LISTS, official_municipalities

    known: dict[str, dict[str, str]] = defaultdict(dict)
    for country in OFFICIAL_LISTS:
        known[country].update(official_municipalities(country))
    for country, names in region_municipalities(registry).items():
        for key, name in names.items():
            known[country].setdefault(key, name)
    return known


def unlisted_municipalities(registry: Registry) -> list[Site]:
    """The sites whose municipality is on neither the region files' member lists nor its
    country's shipped official list (blank ones left out), in registry order. Each distinct
    (country, name) is looked up once, and an official list is read only for a country with a
    name the region files do not list: the cheap first step of ``check_municipality_names``."""
    from lifeport_map.municipalities import official_municipalities

    regional = region_municipalities(registry)
    verdict: dict[tuple[str, str], bool] = {}
    unlisted = []
    for site in registry.sites:
        pair = (site.location.country, site.location.municipality)
        listed = verdict.get(pair)
        if listed is None:
            key = fold(pair[1])
            listed = verdict[pair] = (
                not key or key in regional.get(pair[0], {}) or key in official_municipalities(pair[0])
            )
        if not listed:
            unlisted.append(site)
    return unlisted


def _place_not_municipality(site: Site, official: str) -> Issue:
    """A warning: ``site``'s municipality is a place of the gazetteer but on neither its country's
    official list nor a region file's (Tessenderlo, part of Tessenderlo-Ham since 2025)."""
    return _issue(
        site,
        "location.municipality",
        "location.unknown-municipality",
        msg(
            "location.unknown-municipality/unchecked-official",
            municipality=excerpt(site.location.municipality),
            where=msg(
                "location.unknown-municipality/place-official",
                country=excerpt(site.location.country),
                official=official,
            ),
        ),
        msg("location.unknown-municipality/hint"),
        "warning",
    )


def check_municipality_names(registry: Registry, gazetteer: Gazetteer | None = None) -> Iterator[Issue]:
    """A site's municipality decides its regions, so a misspelt one ("Nimegen") silently drops
    the site out of them. A municipality must be on its country's shipped official list (CBS,
    Statbel, Destatis), on a region file's member list or be a place of the offline gazetteer.
    An unknown name close to a known one is an error with "did you mean"; any other unknown name
    a warning (the gazetteer lists places, and only those of 500 or more inhabitants).

    The lists are consulted first (``unlisted_municipalities``); then, with the shipped
    gazetteer, the names it accepts as places (``gazetteer.load_place_names``, derived from it);
    the gazetteer itself is loaded only for a name none of these holds. So every command can run
    this check, not only ``validate`` (``check_for_analysis``)."""
    from lifeport_map.gazetteer import load_place_names
    from lifeport_map.municipalities import OFFICIAL_LISTS

    sites = unlisted_municipalities(registry)
    places = load_place_names() if sites and gazetteer is None else None
    if places is not None:  # a country the gazetteer does not cover is not checked
        unplaced = []
        for site in sites:
            country = site.location.country
            if country not in places:
                continue
            if fold(site.location.municipality) not in places[country]:
                unplaced.append(site)
            elif country in OFFICIAL_LISTS:
                yield _place_not_municipality(site, OFFICIAL_LISTS[country])
        sites = unplaced
    if not sites:
        return
    gazetteer = gazetteer or load_gazetteer()
    listed = known_municipalities(registry)
    pools: dict[str, dict[str, str]] = {}
    closest: dict[tuple[str, str], str | None] = {}
    suggestions = MAX_SUGGESTIONS
    for site in sites:
        loc = site.location
        key = fold(loc.municipality)
        if not gazetteer.covers(loc.country):
            continue
        if invisible_characters(loc.municipality) or mixed_script(loc.municipality):
            continue  # check_names reports it
        place = gazetteer.best(loc.municipality, loc.country)
        official = OFFICIAL_LISTS.get(loc.country)
        if place is not None and fold(place.name) == key:
            if official:
                yield _place_not_municipality(site, official)
            continue  # a place of that name: plausible, though not on any region's list
        close = None
        if place is not None:  # an alternate name of a place ("Nimegen" for Nijmegen)
            close = place.name
        elif suggestions > 0:
            suggestions -= 1
            pool = pools.get(loc.country)
            if pool is None:
                pool = pools[loc.country] = {fold(n): n for n in gazetteer.names(loc.country)}
                pool.update(listed.get(loc.country, {}))
            if (loc.country, key) not in closest:  # a misspelling repeated on many sites: one scan
                found = difflib.get_close_matches(key, list(pool), n=1, cutoff=0.85)
                closest[loc.country, key] = pool[found[0]] if found else None
            close = closest[loc.country, key]
        where = (
            msg(
                "location.unknown-municipality/alternate" + ("-official" if official else ""),
                country=excerpt(loc.country),
                place=excerpt(place.name),
                **({"official": official} if official else {}),
            )
            if place is not None
            else msg(
                "location.unknown-municipality/nowhere-official",
                country=excerpt(loc.country),
                official=official,
            )
            if official
            else msg("location.unknown-municipality/nowhere", country=excerpt(loc.country))
        )
        if close is not None and (place is None or fold(close) in listed.get(loc.country, {})):
            yield _issue(
                site,
                "location.municipality",
                "location.unknown-municipality",
                msg("location.unknown-municipality", municipality=excerpt(loc.municipality), where=where),
                msg("location.unknown-municipality/hint-close", name=excerpt(close)),
            )
        else:
            yield _issue(
                site,
                "location.municipality",
                "location.unknown-municipality",
                msg(
                    "location.unknown-municipality/unchecked" + ("-official" if official else ""),
                    municipality=excerpt(loc.municipality),
                    where=where,
                ),
                msg("location.unknown-municipality/hint"),
                "warning",
            )


def check_sources_and_urls(registry: Registry) -> Iterator[Issue]:
    problems: dict[str, Text | None] = {}  # registries repeat URLs (a publisher's page, a report)

    def problem_of(url: str) -> Text | None:
        if url not in problems:
            problems[url] = url_problem(url)
        return problems[url]

    for site in registry.sites:
        if site.website:
            problem = problem_of(site.website)
            if problem:
                yield _issue(
                    site,
                    "website",
                    "url.not-plain-http",
                    msg("url.not-plain-http", problem=problem),
                    msg("url.not-plain-http/hint"),
                )
        if not site.sources:
            yield _issue(
                site,
                "sources",
                "source.missing",
                msg("source.missing"),
                msg("source.missing/hint"),
            )
        for i, source in enumerate(site.sources):
            if not source.url and not source.seed:
                yield _issue(
                    site,
                    f"sources[{i}]",
                    "source.no-reference",
                    msg("source.no-reference"),
                    msg("source.no-reference/hint"),
                )
            if source.url:
                problem = problem_of(source.url)
                if problem:
                    yield _issue(
                        site,
                        f"sources[{i}].url",
                        "url.not-plain-http",
                        msg("url.not-plain-http/source", problem=problem),
                        msg("url.not-plain-http/hint"),
                    )
        for i, figure in enumerate(site.employees):
            if not figure.url and not figure.seed:
                yield _issue(
                    site,
                    f"employees[{i}]",
                    "employees.no-source",
                    msg("employees.no-source"),
                    msg("employees.no-source/hint"),
                )
            problem = problem_of(figure.url) if figure.url else None
            if problem:
                yield _issue(
                    site,
                    f"employees[{i}].url",
                    "url.not-plain-http",
                    msg("url.not-plain-http/employees", problem=problem),
                    msg("url.not-plain-http/hint"),
                )


def check_status(registry: Registry) -> Iterator[Issue]:
    rules = chain_rules(registry.taxonomy)
    for site in registry.sites:
        if site.since is not None and site.until is not None and site.until < site.since:
            yield _issue(
                site,
                "until",
                "status.dates",
                msg("status.dates", until=site.until, since=site.since),
                msg("status.dates/hint"),
            )
        if site.status == "closed" and site.until is None:
            yield _issue(
                site,
                "status",
                "status.closed-without-year",
                msg("status.closed-without-year"),
                msg("status.closed-without-year/hint"),
                "warning",
            )
        if site.status != "closed" and site.until is not None:
            yield _issue(
                site,
                "until",
                "status.until-but-open",
                msg("status.until-but-open", until=site.until, status=excerpt(site.status)),
                msg("status.until-but-open/hint"),
            )
        cross = [a for a in site.activities if rules.needs_served_phases(a)]
        if cross and not site.served_phases:
            yield _issue(
                site,
                "activities",
                "phases.missing-for-cross-cutting",
                msg("phases.missing-for-cross-cutting", activities=", ".join(cross)),
                msg("phases.missing-for-cross-cutting/hint"),
                "warning",
            )
        extra = [p for p in site.served_phases if not any(a in rules.cross_cutting for a in site.activities)]
        if extra:
            yield _issue(
                site,
                "phases",
                "phases.without-cross-cutting",
                msg("phases.without-cross-cutting", activities=", ".join(rules.cross_cutting_order)),
                msg("phases.without-cross-cutting/hint"),
            )


def check_coordinates(registry: Registry, gazetteer: Gazetteer | None = None) -> Iterator[Issue]:
    sites = [s for s in registry.sites if s.location.lat is not None or s.location.lon is not None]
    if not sites:
        return
    gazetteer = gazetteer or load_gazetteer()
    for site in sites:
        loc = site.location
        if loc.lat is None or loc.lon is None:
            raw_location = site.raw.get("location") if isinstance(site.raw, dict) else None
            if isinstance(raw_location, dict) and "lat" in raw_location and "lon" in raw_location:
                continue  # both given, one is not a number: reported by the structure check
            yield _issue(
                site,
                "location",
                "coordinates.incomplete",
                msg("coordinates.incomplete"),
                msg("coordinates.incomplete/hint"),
            )
            continue
        lat, lon = loc.lat, loc.lon
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue  # reported by the structure check
        if abs(lat) > 90 or abs(lon) > 180:
            if abs(lat) > 1000 or abs(lon) > 1000:
                yield _issue(
                    site,
                    "location.lat",
                    "coordinates.projected",
                    msg("coordinates.projected", lat=str(lat), lon=str(lon)),
                    msg("coordinates.projected/hint"),
                )
            continue  # range is reported by the structure check
        if lat == 0 and lon == 0:
            yield _issue(
                site,
                "location.lat",
                "coordinates.null-island",
                msg("coordinates.null-island"),
                msg("coordinates.null-island/hint"),
            )
            continue
        if loc.precision is None:
            yield _issue(
                site,
                "location",
                "coordinates.no-precision",
                msg("coordinates.no-precision"),
                msg("coordinates.no-precision/hint"),
            )
        if not gazetteer.covers(loc.country) or not loc.place:
            continue
        place = gazetteer.best(loc.place, loc.country) or gazetteer.best(loc.municipality, loc.country)
        if place is None:
            yield _issue(
                site,
                "location.place",
                "place.unknown",
                msg("place.unknown", place=excerpt(loc.place), country=excerpt(loc.country)),
                msg("place.unknown/hint"),
                "warning",
            )
            continue
        distance = great_circle_km(lat, lon, place.lat, place.lon)
        limit = FAR_KM.get(loc.precision or "place", 15.0)
        if distance <= limit:
            continue
        muni = gazetteer.best(loc.municipality, loc.country) if loc.municipality else None
        if muni and great_circle_km(lat, lon, muni.lat, muni.lon) <= limit:
            continue
        if great_circle_km(lon, lat, place.lat, place.lon) <= limit:
            yield _issue(
                site,
                "location.lat",
                "coordinates.swapped",
                msg("coordinates.swapped", lat=str(lat), lon=str(lon), km=round(distance), place=place.name),
                msg("coordinates.swapped/hint", lat=str(lat), lon=str(lon)),
            )
        elif (
            great_circle_km(-lat, lon, place.lat, place.lon) <= limit
            or great_circle_km(lat, -lon, place.lat, place.lon) <= limit
        ):
            wrong = (
                "location.lat"
                if great_circle_km(-lat, lon, place.lat, place.lon) <= limit
                else "location.lon"
            )
            yield _issue(
                site,
                wrong,
                "coordinates.sign",
                msg("coordinates.sign", lat=str(lat), lon=str(lon), km=round(distance), place=place.name),
                msg("coordinates.sign/hint"),
            )
        else:
            near = {"place": place.name, "place_lat": f"{place.lat:.4f}", "place_lon": f"{place.lon:.4f}"}
            yield _issue(
                site,
                "location.lat",
                "coordinates.far-from-place",
                msg("coordinates.far-from-place", lat=str(lat), lon=str(lon), km=round(distance), **near),
                msg("coordinates.far-from-place/hint", **near),
            )


# How far a region's centre may lie from the place it names: as far as an imported boundary may
# lie from the centre (boundary_check.NEAR_KM).
CENTRE_NEAR_KM = 25.0


def check_region_centres(registry: Registry, gazetteer: Gazetteer | None = None) -> Iterator[Issue]:
    """A region's centre is where distances are measured from (``gaps``' candidates, ``near``
    of a region, a radius definition), so a typing error in it (lat 5.84 for 51.84) moves
    every candidate thousands of kilometres away and empties the radius without a word. It
    must lie near the place ``centre.place`` names, when the gazetteer knows that place."""
    from lifeport_map.validate_regions import region_issue

    regions = [r for r in registry.regions.values() if r.centre_place]
    if not regions:
        return
    gazetteer = gazetteer or load_gazetteer()
    for region in regions:
        lat, lon = region.centre
        if not gazetteer.covers(region.country) or not (math.isfinite(lat) and math.isfinite(lon)):
            continue
        place = gazetteer.best(region.centre_place, region.country)
        if place is None:
            continue
        distance = great_circle_km(lat, lon, place.lat, place.lon)
        if distance <= CENTRE_NEAR_KM:
            continue
        near = {"place": place.name, "place_lat": f"{place.lat:.5f}", "place_lon": f"{place.lon:.5f}"}
        yield region_issue(
            region,
            "centre.lat",
            "region.centre-far",
            msg("region.centre-far", lat=str(lat), lon=str(lon), km=Number(round(distance), 0), **near),
            msg("region.centre-far/hint", **near),
        )


def check_region_nuts3(registry: Registry) -> Iterator[Issue]:
    """A NUTS-3 code a definition names but no shipped polygon has (a typing error, or an area
    outside the shipped ones): its maps fall back, without a word, to another outline."""
    from lifeport_map.countries import NUTS_CODE_CHANGES, nuts3_features
    from lifeport_map.validate_regions import region_issue

    wanted = [
        (region, i, j, code)
        for region in registry.regions.values()
        for i, definition in enumerate(region.definitions)
        for j, code in enumerate(definition.nuts3)
    ]
    if not wanted:
        return
    shipped = nuts3_features()
    for region, i, j, code in wanted:
        if NUTS_CODE_CHANGES.get(code, code) not in shipped:
            yield region_issue(
                region,
                f"definitions[{i}].nuts3[{j}]",
                "region.nuts3-not-shipped",
                msg("region.nuts3-not-shipped", code=excerpt(code)),
                msg("region.nuts3-not-shipped/hint"),
                "warning",
            )


def check_municipalities(registry: Registry) -> Iterator[Issue]:
    """A Dutch site should lie in the municipality it names, checked against the shipped CBS
    municipality polygons: a warning when it lies further outside than the tolerance for its
    precision (1 km for a site or campus, 3 km for place-level coordinates at a town centre).
    A name that is no shipped municipality (nor an alias in the region files) is not checked.
    A point inside its polygon is settled in pure Python (``inside_municipality``); only the
    others load numpy and shapely to measure how far outside they lie."""
    from lifeport_map.municipalities import (
        DEFAULT_TOLERANCE_KM,
        OUTSIDE_TOLERANCE_KM,
        inside_municipality,
        km_outside,
        municipality_at,
        municipality_name,
        name_index,
    )

    index: dict[str, str] | None = None
    for site in registry.sites:
        loc = site.location
        if loc.country != "NL" or not loc.municipality or loc.lat is None or loc.lon is None:
            continue
        if not (math.isfinite(loc.lat) and math.isfinite(loc.lon)):
            continue
        index = index if index is not None else name_index(registry.regions.values())
        code = index.get(fold(loc.municipality))
        if code is None or inside_municipality(code, loc.lat, loc.lon):
            continue  # inside: settled without loading shapely
        distance = km_outside(code, loc.lat, loc.lon)
        tolerance = OUTSIDE_TOLERANCE_KM.get(loc.precision or "place", DEFAULT_TOLERANCE_KM)
        if distance <= tolerance:
            continue
        found = municipality_at(loc.lat, loc.lon)
        where = (
            msg("coordinates.outside-municipality/in", municipality=municipality_name(found)) if found else ""
        )
        yield _issue(
            site,
            "location.municipality",
            "coordinates.outside-municipality",
            msg(
                "coordinates.outside-municipality",
                lat=str(loc.lat),
                lon=str(loc.lon),
                km=Number(distance, 1),
                municipality=excerpt(loc.municipality),
                where=where,
                tolerance=float(tolerance),
                precision=loc.precision or "place",
            ),
            msg("coordinates.outside-municipality/hint"),
            "warning",
        )


def check_countries(registry: Registry) -> Iterator[Issue]:
    """A site must lie in the country it names, checked against the shipped country polygons
    (Natural Earth) with a tolerance of about 3 km for simplified borders and coastlines. A
    country the maps do not ship is checked only the other way: the site must not lie inside a
    shipped country (``country: NO`` on a site in Dronten is an error). A site inside its own
    country's polygon is settled in pure Python (``countries.in_country``); only the others
    (none in a registry without such errors) load numpy and shapely, so every analysis runs it."""
    from lifeport_map.countries import countries_at, country_features, in_country

    sites = [
        s
        for s in registry.sites
        if s.location.lat is not None
        and s.location.lon is not None
        and math.isfinite(s.location.lat)
        and math.isfinite(s.location.lon)
        and abs(s.location.lat) <= 90
        and abs(s.location.lon) <= 180
        and not (s.location.lat == 0 and s.location.lon == 0)
        and not in_country(s.location.country, s.location.lat, s.location.lon)
    ]
    if not sites:
        return
    shipped = country_features()
    found = countries_at([(s.location.lat, s.location.lon) for s in sites])  # type: ignore[misc]
    for site, (inside, near) in zip(sites, found, strict=True):
        country = site.location.country
        if country in near or not re.fullmatch(r"[A-Z]{2}", country or ""):
            continue  # a country that is no code at all is a schema error already
        if country in shipped or inside is not None:
            where = (
                msg("coordinates.outside-country/in", country=inside)
                if inside
                else msg("coordinates.outside-country/outside", country=country)
            )
            yield _issue(
                site,
                "location.country",
                "coordinates.outside-country",
                msg(
                    "coordinates.outside-country",
                    lat=str(site.location.lat),
                    lon=str(site.location.lon),
                    where=where,
                    country=country,
                ),
                msg("coordinates.outside-country/hint"),
            )
