"""The registry's schema as data: one declaration of every field, used three ways.

The structural check (types, required fields, unknown keys, vocabularies), the JSON Schema for
editors (``lifeport-map schema``) and the canonical key order that ``fmt`` writes all come from
the field tables below, so they cannot drift apart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from lifeport_map.errors import Issue
from lifeport_map.messages import MESSAGES, Number, Param, Text, msg
from lifeport_map.taxonomy import Taxonomy
from lifeport_map.text import BLANK_LETTERS, HIDDEN, excerpt
from lifeport_map.yamlio import YList, YMap, position_of, start_of

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_ID_CHARS = 120  # ids name sites in every output; the longest shipped one has 42
SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
COUNTRY = re.compile(r"[A-Z]{2}\Z")
# ISO 3166-1 alpha-2: the 249 officially assigned codes, from Debian's iso-codes 4.15.0
# (/usr/share/iso-codes/json/iso_3166-1.json). User-assigned codes (XK, ZZ, ...) are refused.
_ISO_TEXT = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
ISO_COUNTRIES = frozenset(_ISO_TEXT.split())
# Site fields whose invisible characters validate reports itself (name.invisible-character).
_SITE_IDENTITY = re.compile(r"(?:name|organisation|location\.place|location\.municipality|aliases\[\d+\])\Z")
SEED = re.compile(r"[0-9]{3}_[0-9a-f]{16}\.txt\Z")
# What a one-line text field (kind "text": names, titles, who makes a claim) may not hold: a line
# break or tab breaks a table row, a CSV record or a Markdown line wherever the text is shown.
ONE_LINE_BREAKS = re.compile("[\n\r\t]")
MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])\Z")  # YYYY-MM
DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?\Z")  # YYYY or YYYY-MM
MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$"
DATE_PATTERN = "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"
MAX_TEXT = 300
MAX_LONG_TEXT = 4000
MIN_YEAR, MAX_YEAR = 1800, 2100
# Plausible ranges: a number outside them is a typo (or a planted 10^400) that would distort or
# crash the analyses. Generous on purpose: the largest electronics plants employ a few hundred
# thousand people, the largest fabs have around 200,000 m2 of cleanroom, and region figures
# (employees, companies, revenue in EUR million, wafer starts) stay far below 10^9.
MAX_EMPLOYEES = 1_000_000
MAX_NODE_NM = 100_000  # 100 micrometres: older than any fab still running
MAX_CLEANROOM_M2 = 2_000_000
MAX_CAPACITY = 1_000_000_000
MAX_FIGURE = 1_000_000_000


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its type, whether it is required and what it may hold."""

    name: str
    type: str  # text | long-text | slug | int | number | year | bool | url | country | seed
    # | month (YYYY-MM) | date (YYYY or YYYY-MM) | enum | list | map | number-map
    required: bool = False
    vocabulary: str = ""  # taxonomy vocabulary for type enum
    items: Field | None = None  # for list
    fields: tuple[Field, ...] = ()  # for map
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False  # list items must be unique


def _f(name: str, type_: str, description: str = "", **kw: Any) -> Field:
    return Field(name=name, type=type_, description=description, **kw)


SOURCE_FIELDS = (
    _f("url", "url", "Public http(s) URL of the source."),
    _f("seed", "seed", "File name of a seed document in shared/seeds/."),
    _f("year", "year", "The year the sourced fact refers to.", required=True),
    _f("title", "text", "Title of the source, as the page or document gives it."),
    _f("publisher", "text", "Who published the source (organisation, newspaper, ...)."),
    _f("note", "long-text", "What the source says, or caveats."),
)

# A reference inside a dated fact (employee figure, event, capacity): the source's fields
# without its own year, which the fact carries.
REFERENCE_FIELDS = (
    _f("url", "url", "Source URL."),
    _f("seed", "seed", "Seed document."),
    _f("title", "text", "Title of the source."),
    _f("publisher", "text", "Who published the source."),
)

LABEL_FIELDS = (_f("nl", "text", "Dutch.", required=True), _f("en", "text", "English.", required=True))

SITE_FIELDS: tuple[Field, ...] = (
    _f("id", "slug", "Stable id: lowercase letters, digits and hyphens. Never reused.", required=True),
    _f("name", "text", "Name of the site as people know it.", required=True),
    _f("aliases", "list", "Other names of this site.", items=_f("alias", "text"), unique=True),
    _f("organisation", "text", "The organisation the site belongs to.", required=True),
    _f("kind", "enum", "What kind of actor.", required=True, vocabulary="kinds"),
    _f(
        "activities",
        "list",
        "What happens at this site.",
        required=True,
        items=_f("activity", "enum", vocabulary="activities"),
        unique=True,
    ),
    _f(
        "phases",
        "list",
        "Phases served by cross-cutting activities (research, education, ...).",
        items=_f("phase", "enum", vocabulary="phases"),
        unique=True,
    ),
    _f(
        "status",
        "enum",
        "active, planned, under-construction or closed.",
        required=True,
        vocabulary="statuses",
    ),
    _f("since", "year", "Year the site opened or the activity started."),
    _f("until", "year", "Year the site closed."),
    _f("checked", "month", "YYYY-MM: when a person last verified this entry against its sources."),
    _f(
        "location",
        "map",
        "Where the site is.",
        required=True,
        fields=(
            _f("address", "text", "Street address, from a source."),
            _f("place", "text", "Town or city.", required=True),
            _f(
                "municipality",
                "text",
                "Municipality the place lies in (decides region membership).",
                required=True,
            ),
            _f("country", "country", "ISO 3166-1 alpha-2 country code.", required=True),
            _f("lat", "number", "Latitude, WGS84 degrees.", minimum=-90, maximum=90),
            _f("lon", "number", "Longitude, WGS84 degrees.", minimum=-180, maximum=180),
            _f("precision", "enum", "How precise lat/lon are.", vocabulary="precisions"),
            _f("campus", "slug", "Id of the campus entry (kind: campus) the site is on."),
            _f("source", "map", "Where the coordinates come from.", fields=SOURCE_FIELDS),
            _f("note", "long-text", "Where the coordinates come from."),
        ),
    ),
    _f("website", "url", "Official website (plain http(s) URL)."),
    _f(
        "facility",
        "map",
        "The production or research plant at this site (production and research-cleanroom sites).",
        fields=(
            _f("type", "enum", "What kind of plant.", required=True, vocabulary="facility_types"),
            _f(
                "wafer_mm",
                "list",
                "Wafer diameters in mm.",
                items=_f("diameter", "int", minimum=1, maximum=1000),
                unique=True,
            ),
            _f(
                "technologies",
                "list",
                "Technologies and materials.",
                items=_f("technology", "enum", vocabulary="technologies"),
                unique=True,
            ),
            _f(
                "node_nm",
                "number",
                "Smallest node in nm, only if a source says.",
                minimum=0,
                maximum=MAX_NODE_NM,
            ),
            _f(
                "capacity",
                "map",
                "Production capacity with unit, year and source.",
                fields=(
                    _f("value", "number", "Capacity.", required=True, minimum=0, maximum=MAX_CAPACITY),
                    _f("unit", "enum", "Unit.", required=True, vocabulary="capacity_units"),
                    _f("year", "year", "Year the capacity refers to.", required=True),
                    *REFERENCE_FIELDS,
                    _f("approximate", "bool", "The source gives an approximate figure."),
                    _f("note", "long-text", "Caveats."),
                ),
            ),
            _f(
                "cleanroom_m2",
                "number",
                "Cleanroom area in m², only if a source says.",
                minimum=0,
                maximum=MAX_CLEANROOM_M2,
            ),
            _f("operator", "text", "Who runs the plant, when not the organisation itself."),
            _f("source", "map", "Source of the facility facts.", fields=SOURCE_FIELDS),
            _f("note", "long-text", "Caveats."),
        ),
    ),
    _f(
        "events",
        "list",
        "Dated events (opening, closure, bankruptcy, phase-out, ...), oldest first.",
        items=_f(
            "event",
            "map",
            fields=(
                _f("date", "date", "YYYY or YYYY-MM.", required=True),
                _f("type", "enum", "What happened.", required=True, vocabulary="event_types"),
                _f("note", "long-text", "Details."),
                *REFERENCE_FIELDS,
            ),
        ),
    ),
    _f(
        "employees",
        "list",
        "Employee figures, each with year and source.",
        items=_f(
            "figure",
            "map",
            fields=(
                _f("value", "int", "Number of employees.", required=True, minimum=0, maximum=MAX_EMPLOYEES),
                _f(
                    "max",
                    "int",
                    "Upper bound when the source gives a range.",
                    minimum=0,
                    maximum=MAX_EMPLOYEES,
                ),
                _f("year", "year", "Year the figure refers to.", required=True),
                *REFERENCE_FIELDS,
                _f("scope", "text", "What the figure covers: site, organisation, region (or text)."),
                _f("approximate", "bool", "The source gives an approximate figure."),
                _f("note", "long-text", "Caveats."),
            ),
        ),
    ),
    _f(
        "relations",
        "list",
        "Typed relations to other entries.",
        items=_f(
            "relation",
            "map",
            fields=(
                _f("type", "enum", "Relation type.", required=True, vocabulary="relation_types"),
                _f("target", "slug", "Id of the other entry.", required=True),
                _f("note", "long-text", "Details."),
            ),
        ),
    ),
    _f(
        "sources",
        "list",
        "Where the facts of this entry come from.",
        required=True,
        items=_f("source", "map", fields=SOURCE_FIELDS),
    ),
    _f("description", "long-text", "One or two sentences on what happens at the site."),
    _f("notes", "long-text", "Caveats for maintainers (approximations, doubts)."),
)

REGISTRY_FIELDS: tuple[Field, ...] = (
    _f(
        "sites",
        "list",
        "The sites, sorted by id.",
        required=True,
        items=_f("site", "map", fields=SITE_FIELDS),
    ),
)

DEFINITION_FIELDS: tuple[Field, ...] = (
    _f("id", "slug", "Definition id.", required=True),
    _f("type", "enum", "municipalities, radius or boundary.", required=True, vocabulary="definition_types"),
    _f("name", "map", "Name of the definition.", required=True, fields=LABEL_FIELDS),
    _f("nuts3", "list", "NUTS-3 codes this list corresponds to.", items=_f("code", "text")),
    _f(
        "municipalities",
        "list",
        "Member municipalities.",
        items=_f(
            "municipality",
            "map",
            fields=(
                _f("code", "text", "Official code (CBS GM code, NIS code, AGS).", required=True),
                _f("name", "text", "Official name.", required=True),
                _f(
                    "aliases",
                    "list",
                    "Other names (before a merger, other languages).",
                    items=_f("alias", "text"),
                ),
                _f("code_unverified", "bool", "The code has not been checked against the official list."),
            ),
        ),
    ),
    _f("radius_km", "number", "Radius around the region centre.", minimum=0, maximum=1000),
    _f("boundary", "text", "Boundary file (GeoJSON) relative to the regions folder."),
    _f("source", "map", "Where the definition comes from.", required=True, fields=SOURCE_FIELDS),
)

FIGURE_FIELDS: tuple[Field, ...] = (
    _f("id", "slug", "Figure id.", required=True),
    _f("metric", "enum", "What is counted.", required=True, vocabulary="metrics"),
    _f("label", "map", "Label.", required=True, fields=LABEL_FIELDS),
    _f("scope", "long-text", "What the figure covers, as the source states it.", required=True),
    _f("year", "year", "Year the figure refers to.", required=True),
    _f("scenario", "text", "Scenario name for projections."),
    _f("breakdown", "text", "Taxonomy view the values are grouped by (pillars, national)."),
    _f("value", "number", "The figure (total).", minimum=0, maximum=MAX_FIGURE),
    _f("values", "number-map", "The figure per group of the breakdown."),
    _f("approximate", "bool", "The source gives an approximate figure."),
    _f("source", "map", "Where the figure comes from.", required=True, fields=SOURCE_FIELDS),
    _f("note", "long-text", "Caveats."),
)

REGION_FIELDS: tuple[Field, ...] = (
    _f("id", "slug", "Region id.", required=True),
    _f("name", "map", "Name.", required=True, fields=LABEL_FIELDS),
    _f("aliases", "list", "Other names.", items=_f("alias", "text"), unique=True),
    _f("country", "country", "Country.", required=True),
    _f(
        "centre",
        "map",
        "Centre point.",
        required=True,
        fields=(
            _f("place", "text", "Place.", required=True),
            _f("lat", "number", "Latitude.", required=True, minimum=-90, maximum=90),
            _f("lon", "number", "Longitude.", required=True, minimum=-180, maximum=180),
        ),
    ),
    _f("default_definition", "slug", "Id of the definition used unless another is asked for.", required=True),
    _f(
        "overlaps",
        "list",
        "Regions whose default definitions share municipalities with this one's, on purpose.",
        items=_f("region", "slug"),
        unique=True,
    ),
    _f(
        "definitions",
        "list",
        "Competing definitions of the region.",
        required=True,
        items=_f("definition", "map", fields=DEFINITION_FIELDS),
    ),
    _f(
        "figures",
        "list",
        "Published figures for the whole region.",
        items=_f("figure", "map", fields=FIGURE_FIELDS),
    ),
    _f("notes", "long-text", "Caveats."),
)

# The descriptions of the required fields in Dutch, for the hint of a missing one (the English
# descriptions above also go into the JSON Schema for editors).
DESCRIPTIONS_NL = {
    "The year the sourced fact refers to": "het jaar waarop het feit uit de bron slaat",
    "Dutch": "Nederlands",
    "English": "Engels",
    "Stable id: lowercase letters, digits and hyphens. Never reused": (
        "vast id: kleine letters, cijfers en koppeltekens; wordt nooit hergebruikt"
    ),
    "Name of the site as people know it": "naam van de vestiging zoals mensen die kennen",
    "The organisation the site belongs to": "de organisatie waar de vestiging bij hoort",
    "What kind of actor": "wat voor soort speler",
    "Town or city": "dorp of stad",
    "ISO 3166-1 alpha-2 country code": "landcode volgens ISO 3166-1 alpha-2",
    "What kind of plant": "wat voor soort fabriek of installatie",
    "Capacity": "capaciteit",
    "Unit": "eenheid",
    "Year the capacity refers to": "jaar waarop de capaciteit slaat",
    "YYYY or YYYY-MM": "JJJJ of JJJJ-MM",
    "What happened": "wat er gebeurde",
    "Number of employees": "aantal medewerkers",
    "Year the figure refers to": "jaar waarop het aantal slaat",
    "Relation type": "soort relatie",
    "Id of the other entry": "id van de andere vermelding",
    "Definition id": "id van de afbakening",
    "municipalities, radius or boundary": "municipalities, radius of boundary",
    "Name of the definition": "naam van de afbakening",
    "Official code (CBS GM code, NIS code, AGS)": "officiële code (CBS-gemeentecode, NIS-code, AGS)",
    "Official name": "officiële naam",
    "Where the definition comes from": "waar de afbakening vandaan komt",
    "Centre point": "middelpunt",
    "Competing definitions of the region": "de verschillende afbakeningen van de regio",
    "Country": "land",
    "Figure id": "id van het cijfer",
    "Id of the definition used unless another is asked for": (
        "id van de afbakening die gebruikt wordt als niet om een andere wordt gevraagd"
    ),
    "Label": "label",
    "Latitude": "breedtegraad",
    "Longitude": "lengtegraad",
    "Municipality the place lies in (decides region membership)": (
        "gemeente waarin de plaats ligt (bepaalt tot welke regio's de vestiging hoort)"
    ),
    "Name": "naam",
    "Place": "plaats",
    "Region id": "id van de regio",
    "The sites, sorted by id": "de vestigingen, op volgorde van id",
    "What happens at this site": "wat er op deze vestiging gebeurt",
    "What is counted": "wat er geteld wordt",
    "What the figure covers, as the source states it": "waar het cijfer over gaat, zoals de bron het zegt",
    "Where the facts of this entry come from": "waar de feiten van deze vermelding vandaan komen",
    "Where the figure comes from": "waar het cijfer vandaan komt",
    "Where the site is": "waar de vestiging ligt",
    "active, planned, under-construction or closed": "active, planned, under-construction of closed",
}

SINGULAR = {
    "kinds": "kind",
    "activities": "activity",
    "phases": "phase",
    "statuses": "status",
    "precisions": "precision",
    "relation_types": "relation-type",
    "definition_types": "definition-type",
    "metrics": "metric",
    "facility_types": "facility-type",
    "technologies": "technology",
    "capacity_units": "capacity-unit",
    "event_types": "event-type",
}

EXTRA_VOCABULARIES = {
    "definition_types": ("municipalities", "radius", "boundary"),
    "metrics": ("employees", "companies", "revenue-eur-million", "wafer-starts-per-week", "organisations"),
}


class At:
    """A position not yet looked up: the value under ``key`` in ``container``.

    Positions are only needed when something is wrong, so the checker carries these cheap
    markers and resolves them in ``add``.
    """

    __slots__ = ("container", "key")

    def __init__(self, container: Any, key: str | int) -> None:
        self.container = container
        self.key = key

    def resolve(self) -> tuple[int, int] | None:
        return position_of(self.container, self.key)


Where = tuple[int, int] | At | None


@dataclass
class StructureChecker:
    """Checks raw loaded YAML against the field tables, collecting every issue."""

    taxonomy: Taxonomy
    file: str
    issues: list[Issue] = field(default_factory=list)
    _vocabularies: dict[str, frozenset[str]] = field(default_factory=dict)
    _known: dict[int, dict[str, Field]] = field(default_factory=dict)
    _plain: dict[int, Any] = field(default_factory=dict)

    def vocabulary(self, name: str) -> tuple[str, ...]:
        if name in EXTRA_VOCABULARIES:
            return EXTRA_VOCABULARIES[name]
        return self.taxonomy.vocabulary(name)

    def allowed(self, name: str) -> frozenset[str]:
        found = self._vocabularies.get(name)
        if found is None:
            found = self._vocabularies[name] = frozenset(self.vocabulary(name))
        return found

    def plain(self, fields: tuple[Field, ...]) -> Any:
        """``plain_checker(fields)`` for this checker's vocabularies, written once per table."""
        found = self._plain.get(id(fields))
        if found is None:
            found = self._plain[id(fields)] = plain_checker(fields, self.allowed)
        return found

    def add(self, code: str, message: Text, hint: Text, where: Where, entry: str, path: str) -> None:
        if isinstance(where, At):
            where = where.resolve()
        line, col = where or (0, 0)
        self.issues.append(
            Issue(
                code=code,
                text=message,
                help=hint,
                file=self.file,
                line=line,
                col=col,
                entry=entry,
                field=path,
            )
        )

    def check_mapping(
        self, value: Any, fields: tuple[Field, ...], *, entry: str, path: str, where: Where
    ) -> bool:
        """Check a mapping against ``fields``; returns False when it is not a mapping at all."""
        if not isinstance(value, dict):
            # an entry of a list (sites[3], claims[0]) that is not a mapping is named as such,
            # not as "the file"
            subject = path or entry
            self.add(
                "schema.type",
                msg(
                    "schema.type/mapping",
                    path=subject or msg("schema.the-file"),
                    what=_describe(value, quote=bool(path)),
                ),
                msg("schema.type/mapping-hint"),
                where,
                entry,
                path,
            )
            return False
        known = self._known.get(id(fields))
        if known is None:
            known = self._known[id(fields)] = {f.name: f for f in fields}
        for key in value:
            if key not in known:
                close = _closest(key, list(known))
                hint = (
                    msg("did-you-mean", name=close)
                    if close
                    else msg("schema.unknown-field/hint", fields=", ".join(known))
                )
                kpos = value.key_positions.get(key) if isinstance(value, YMap) else None
                self.add(
                    "schema.unknown-field",
                    msg("schema.unknown-field", field=excerpt(key)),
                    hint,
                    _unpack(kpos) or where,
                    entry,
                    _join(path, key),
                )
        get = value.get
        for spec in fields:
            item = get(spec.name)
            if item is None or item == "":
                if spec.required:
                    self.add(
                        "schema.required",
                        msg("schema.required", field=spec.name),
                        msg("schema.required/hint", field=spec.name, description=_description(spec)),
                        start_of(value) or where,
                        entry,
                        _join(path, spec.name),
                    )
                continue
            if self._plainly_valid(item, spec):
                continue
            self.check_value(item, spec, entry=entry, path=_join(path, spec.name), where=At(value, spec.name))
        return True

    def _plainly_valid(self, item: Any, spec: Field) -> bool:
        """Fast acceptance of the common, valid scalar (the full check explains failures)."""
        kind = spec.type
        cls = item.__class__
        if cls is str:
            # BLANK_LETTERS and HIDDEN match no printable ASCII character, and ``isascii`` is
            # free (a flag of the string): most texts skip the search.
            if kind == "text":
                return (
                    len(item) <= MAX_TEXT
                    and item.isprintable()
                    and not item.isspace()
                    and (item.isascii() or BLANK_LETTERS.search(item) is None)
                )
            if kind == "enum":
                return item in self.allowed(spec.vocabulary)
            if kind == "slug":
                return len(item) <= MAX_ID_CHARS and SLUG.match(item) is not None
            if kind == "url":
                return len(item) <= MAX_LONG_TEXT and not item.isspace()
            if kind == "long-text":
                return (
                    len(item) <= MAX_LONG_TEXT
                    and not item.isspace()
                    and ((item.isascii() and item.isprintable()) or HIDDEN.search(item) is None)
                )
            if kind == "country":
                return item in ISO_COUNTRIES
            if kind == "month":
                return MONTH.match(item) is not None and MIN_YEAR <= int(item[:4]) <= MAX_YEAR
            if kind == "date":
                return DATE.match(item) is not None and MIN_YEAR <= int(item[:4]) <= MAX_YEAR
            return False
        if cls is int and kind in ("year", "int", "number"):
            low, high = (MIN_YEAR, MAX_YEAR) if kind == "year" else (spec.minimum, spec.maximum)
            return (low is None or item >= low) and (high is None or item <= high)
        if cls is float and kind == "number":
            return (
                math.isfinite(item)
                and (spec.minimum is None or item >= spec.minimum)
                and (spec.maximum is None or item <= spec.maximum)
            )
        return cls is bool and kind == "bool"

    def check_value(self, value: Any, spec: Field, *, entry: str, path: str, where: Where) -> None:
        kind = spec.type
        if kind == "map":
            self.check_mapping(value, spec.fields, entry=entry, path=path, where=where)
        elif kind == "list":
            if not isinstance(value, list):
                self.add(
                    "schema.type",
                    msg("schema.type/list", path=path, what=_describe(value)),
                    msg("schema.type/list-hint"),
                    where,
                    entry,
                    path,
                )
                return
            if spec.required and not value:
                self.add(
                    "schema.required",
                    msg("schema.required/empty-list", path=path),
                    msg("schema.required/empty-list-hint", field=spec.name),
                    where,
                    entry,
                    path,
                )
            seen: set[Any] = set()
            assert spec.items is not None
            for index, item in enumerate(value):
                item_where = At(value, index)
                if item is None:
                    self.add(
                        "schema.type",
                        msg("schema.type/empty-item", path=f"{path}[{index}]"),
                        msg("schema.type/empty-item-hint"),
                        item_where,
                        entry,
                        f"{path}[{index}]",
                    )
                    continue
                self.check_value(item, spec.items, entry=entry, path=f"{path}[{index}]", where=item_where)
                if spec.unique and isinstance(item, (str, int)) and not isinstance(item, bool):
                    folded = item.casefold() if isinstance(item, str) else item
                    if folded in seen:
                        self.add(
                            "schema.duplicate-item",
                            msg("schema.duplicate-item", item=str(item), path=path),
                            msg("schema.duplicate-item/hint"),
                            item_where,
                            entry,
                            f"{path}[{index}]",
                        )
                    seen.add(folded)
        elif kind == "number-map":
            if not isinstance(value, dict):
                self.add(
                    "schema.type",
                    msg("schema.type/number-map", path=path),
                    msg("schema.type/number-map-hint"),
                    where,
                    entry,
                    path,
                )
                return
            for key, number in value.items():
                self.check_value(
                    number,
                    _f(key, "number", minimum=0, maximum=MAX_FIGURE),
                    entry=entry,
                    path=_join(path, key),
                    where=At(value, key),
                )
        else:
            self.check_scalar(value, spec, entry=entry, path=path, where=where)

    def check_scalar(self, value: Any, spec: Field, *, entry: str, path: str, where: Where) -> None:
        kind = spec.type
        if kind in ("text", "long-text", "slug", "url", "country", "seed", "enum", "month", "date"):
            if not isinstance(value, str):
                self.add(
                    "schema.type",
                    msg("schema.type/text", path=path, what=_describe(value)),
                    msg("schema.type/text-hint", value=excerpt(value))
                    if not isinstance(value, (dict, list))
                    else msg("schema.type/text-hint-single"),
                    where,
                    entry,
                    path,
                )
                return
            if kind == "enum":
                if value not in self.allowed(spec.vocabulary):
                    allowed = self.vocabulary(spec.vocabulary)
                    close = _closest(value, list(allowed))
                    hint = (
                        msg("did-you-mean", name=close)
                        if close
                        else msg("use-one-of", values=", ".join(allowed))
                    )
                    items = value.split(" - ")
                    if len(items) > 1 and all(i.strip() in allowed for i in items):
                        # "- wafer-fab" and " - chip-design" one column further in: YAML reads
                        # the second line as the rest of the first item, not as an item
                        hint = msg(
                            "schema.unknown-value/joined-items", items=", ".join(i.strip() for i in items)
                        )
                    singular = SINGULAR.get(spec.vocabulary) or spec.vocabulary.removesuffix("s").replace(
                        "_", "-"
                    )
                    self.add(
                        f"schema.unknown-{singular}",
                        msg("schema.unknown-value", what=msg(f"vocabulary.{singular}"), value=excerpt(value))
                        if f"vocabulary.{singular}" in MESSAGES
                        else msg("schema.unknown-value/other", what=singular, value=excerpt(value)),
                        hint,
                        where,
                        entry,
                        path,
                    )
            elif kind == "slug" and (not SLUG.match(value) or len(value) > MAX_ID_CHARS):
                self.add(
                    "schema.bad-id",
                    msg("schema.bad-id", value=excerpt(value)),
                    msg("schema.bad-id/hint-long", limit=MAX_ID_CHARS)
                    if len(value) > MAX_ID_CHARS
                    else msg("schema.bad-id/hint"),
                    where,
                    entry,
                    path,
                )
            elif kind == "country" and value not in ISO_COUNTRIES:
                self.add(
                    "schema.bad-country",
                    msg(
                        "schema.bad-country/unassigned" if COUNTRY.match(value) else "schema.bad-country",
                        value=excerpt(value),
                    ),
                    msg("schema.bad-country/hint"),
                    where,
                    entry,
                    path,
                )
            elif kind == "seed" and not SEED.match(value):
                self.add(
                    "schema.bad-seed",
                    msg("schema.bad-seed", value=excerpt(value)),
                    msg("schema.bad-seed/hint"),
                    where,
                    entry,
                    path,
                )
            elif (kind == "month" and not MONTH.match(value)) or (kind == "date" and not DATE.match(value)):
                self.add(
                    "schema.bad-date",
                    msg(f"schema.bad-date/{kind}", value=value),
                    msg(f"schema.bad-date/{kind}-hint"),
                    where,
                    entry,
                    path,
                )
                return
            elif kind in ("month", "date") and not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
                # a year as a number has this range too: "0000" or "9999" is no date of the chain
                self.add(
                    "schema.out-of-range",
                    msg("schema.out-of-range", path=path, value=value, low=MIN_YEAR, high=MAX_YEAR),
                    msg("schema.out-of-range/hint"),
                    where,
                    entry,
                    path,
                )
                return
            if kind in ("text", "long-text") and not _SITE_IDENTITY.match(path):
                hidden = sorted({f"U+{ord(ch):04X}" for ch in HIDDEN.findall(value)})
                if hidden:
                    self.add(
                        "text.control-character",
                        msg("text.control-character", path=path, characters=", ".join(hidden[:5])),
                        msg("text.control-character/hint"),
                        where,
                        entry,
                        path,
                    )
                elif kind == "text" and ONE_LINE_BREAKS.search(value):  # a one-line field
                    self.add(
                        "text.one-line",
                        msg("text.one-line", path=path),
                        msg("text.one-line/hint"),
                        where,
                        entry,
                        path,
                    )
            limit = MAX_LONG_TEXT if kind == "long-text" else MAX_TEXT
            if len(value) > limit:
                self.add(
                    "schema.too-long",
                    msg("schema.too-long", path=path, length=len(value)),
                    msg("schema.too-long/hint", limit=limit),
                    where,
                    entry,
                    path,
                )
            if not value.strip():
                self.add(
                    "schema.required",
                    msg("schema.required/blank", path=path),
                    msg("schema.required/blank-hint"),
                    where,
                    entry,
                    path,
                )
            return
        if kind == "bool":
            if not isinstance(value, bool):
                self.add(
                    "schema.type",
                    msg("schema.type/bool", path=path, what=_describe(value)),
                    msg("schema.type/bool-hint"),
                    where,
                    entry,
                    path,
                )
            return
        # numbers
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(
                "schema.type",
                msg("schema.type/number", path=path, what=_describe(value)),
                msg(_NUMBER_HINTS.get(kind, "schema.type/number-hint")),
                where,
                entry,
                path,
            )
            return
        if kind in ("int", "year") and not isinstance(value, int):
            thousands = as_thousands(value) if kind == "int" else None
            self.add(
                "schema.type",
                msg("schema.type/whole", path=path),
                msg("schema.type/whole-hint")
                if thousands is None
                else msg("schema.type/whole-thousands-hint", whole=thousands),
                where,
                entry,
                path,
            )
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.add(
                "schema.type",
                msg("schema.type/finite", path=path),
                msg("schema.type/finite-hint"),
                where,
                entry,
                path,
            )
            return
        low, high = spec.minimum, spec.maximum
        if kind == "year":
            low, high = MIN_YEAR, MAX_YEAR
        if (low is not None and value < low) or (high is not None and value > high):
            self.add(
                "schema.out-of-range",
                msg(
                    "schema.out-of-range",
                    path=path,
                    value=excerpt(value),
                    low=(low if low is not None else "") if kind == "year" else _number_text(low),
                    high=(high if high is not None else "") if kind == "year" else _number_text(high),
                ),
                msg("schema.out-of-range/hint"),
                where,
                entry,
                path,
            )


def _number_text(value: float | None) -> Param:
    if value is None:
        return ""
    return Number(value, 0) if float(value).is_integer() else float(value)


def _unpack(position: int | None) -> tuple[int, int] | None:
    if position is None:
        return None
    return position >> 12, position & 4095


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# The hint for a value that is no number, by the kind of number the field holds: a year is no
# 51.84, and a count is a whole number.
_NUMBER_HINTS = {"year": "schema.type/year-hint", "int": "schema.type/int-hint"}


def as_thousands(value: float) -> str | None:
    """The whole number ``value`` is when its point separated thousands, as Dutch writes them
    (YAML reads ``1.200`` as 1.2, ``4.000`` as 4): a positive number below 1000 with at most
    three decimals; None for any other."""
    if not math.isfinite(value) or not 0 < value < 1000:
        return None
    whole = round(value * 1000)
    return str(whole) if abs(value * 1000 - whole) < 1e-6 else None


def _describe(value: Any, *, quote: bool = True) -> Text | str:
    """What a value is, for a message; text is quoted only as a short excerpt, and not at all
    with ``quote=False`` (a whole file that is not YAML of the expected shape)."""
    if value is None:
        return msg("describe.empty")
    if isinstance(value, bool):
        return msg("describe.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("describe.number", value=excerpt(value)) if quote else msg("describe.a-number")
    if isinstance(value, (dict, YMap)):
        return msg("describe.mapping")
    if isinstance(value, (list, YList)):
        return msg("describe.list")
    return f"'{excerpt(value)}'" if quote else msg("describe.text", length=len(str(value)))


def _description(spec: Field) -> tuple[str, str]:
    """A field's description (nl, en), for the hint of a missing field."""
    english = spec.description.rstrip(".")
    return DESCRIPTIONS_NL.get(english, english), english


def _closest(word: str, options: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return found[0] if found else None


def json_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``data/companies.yaml``, for editors."""

    def vocabulary(name: str) -> list[str]:
        return list(EXTRA_VOCABULARIES.get(name) or taxonomy.vocabulary(name))

    def convert(spec: Field) -> dict[str, Any]:
        out: dict[str, Any]
        if spec.type == "map":
            out = mapping(spec.fields)
        elif spec.type == "list":
            assert spec.items is not None
            out = {"type": "array", "items": convert(spec.items)}
            if spec.unique:
                out["uniqueItems"] = True
            if spec.required:
                out["minItems"] = 1
        elif spec.type == "number-map":
            out = {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0, "maximum": MAX_FIGURE},
            }
        elif spec.type == "enum":
            out = {"type": "string", "enum": vocabulary(spec.vocabulary)}
        elif spec.type == "slug":
            out = {"type": "string", "pattern": SLUG_PATTERN}
        elif spec.type == "url":
            out = {"type": "string", "format": "uri", "pattern": "^https?://"}
        elif spec.type == "country":
            out = {"type": "string", "enum": sorted(ISO_COUNTRIES)}
        elif spec.type == "seed":
            out = {"type": "string", "pattern": "^[0-9]{3}_[0-9a-f]{16}\\.txt$"}
        elif spec.type in ("month", "date"):
            out = {"type": "string", "pattern": MONTH_PATTERN if spec.type == "month" else DATE_PATTERN}
        elif spec.type in ("text", "long-text"):
            out = {
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_LONG_TEXT if spec.type == "long-text" else MAX_TEXT,
            }
        elif spec.type == "bool":
            out = {"type": "boolean"}
        elif spec.type in ("int", "year"):
            out = {"type": "integer"}
            if spec.type == "year":
                out.update(minimum=MIN_YEAR, maximum=MAX_YEAR)
        else:
            out = {"type": "number"}
        if spec.minimum is not None and "minimum" not in out:
            out["minimum"] = spec.minimum
        if spec.maximum is not None and "maximum" not in out:
            out["maximum"] = spec.maximum
        if spec.description:
            out = {"description": spec.description, **out}
        return out

    def mapping(fields: tuple[Field, ...]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in fields if f.required],
            "properties": {f.name: convert(f) for f in fields},
        }

    schema = mapping(REGISTRY_FIELDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/lifeport-map/lifeport-map/schema/companies.schema.json",
        "title": "lifeport-map registry (data/companies.yaml)",
        **schema,
    }


def plain_checker(fields: tuple[Field, ...], allowed: Any) -> Any:
    """A function of one mapping that is True only when ``StructureChecker.check_mapping(value,
    fields)`` would find nothing wrong in it: the generic walk's questions, specialised once per
    schema into straight-line Python (as fastjsonschema does), so that a valid entry costs a few
    comparisons per field instead of a method call. False means "not plainly valid", not
    "invalid": the caller then runs the generic walk, which finds and words every issue, so
    messages, positions and order come from one place. ``allowed``: the checker's ``allowed``
    (a vocabulary's name to its frozenset of values)."""
    source, namespace = _PlainCheckWriter(allowed).function(fields)
    code = _PLAIN_CODE.get(source)
    if code is None:  # compiling takes about 5 ms; every later read in the process reuses it
        code = _PLAIN_CODE[source] = compile(source, "<lifeport_map.schema.plain_checker>", "exec")
    exec(code, namespace)
    return namespace["check"]


# The compiled code of each ``plain_checker`` source: the source names its vocabularies, which
# each checker binds in its own namespace, so one code object serves every taxonomy.
_PLAIN_CODE: dict[str, Any] = {}


class _PlainCheckWriter:
    """Writes the source of a ``plain_checker``: every name it uses is bound in ``namespace``
    (vocabularies, patterns, the field tables' names as constants), never read from data."""

    def __init__(self, allowed: Any) -> None:
        self.allowed = allowed
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "isfinite": math.isfinite,
            "BLANK": BLANK_LETTERS.search,
            "HIDDEN": HIDDEN.search,
            "SLUG": SLUG.match,
            "SEED": SEED.match,
            "MONTH": MONTH.match,
            "DATE": DATE.match,
            "ISO": ISO_COUNTRIES,
            "str": str,
            "int": int,
            "float": float,
            "bool": bool,
            "dict": dict,
            "list": list,
            "set": set,
            "isinstance": isinstance,
        }
        self.count = 0

    def function(self, fields: tuple[Field, ...]) -> tuple[str, dict[str, Any]]:
        self.lines = ["def check(value):"]
        self.mapping("value", fields, 1)
        self.lines.append("    return True")
        return "\n".join(self.lines) + "\n", self.namespace

    def name(self, prefix: str, value: Any) -> str:
        self.count += 1
        name = f"{prefix}{self.count}"
        self.namespace[name] = value
        return name

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def mapping(self, var: str, fields: tuple[Field, ...], depth: int) -> None:
        # check_mapping: a mapping, no unknown key, each field required or empty or valid.
        known = self.name("KEYS", frozenset(f.name for f in fields))
        self.emit(depth, f"if not isinstance({var}, dict) or not {known}.issuperset({var}):")
        self.emit(depth + 1, "return False")
        for spec in fields:
            self.count += 1
            item = f"v{self.count}"
            self.emit(depth, f"{item} = {var}.get({spec.name!r})")
            if spec.required:
                self.emit(depth, f'if {item} is None or {item} == "":')
                self.emit(depth + 1, "return False")
                self.field(item, spec, depth)
            else:
                self.emit(depth, f'if {item} is not None and {item} != "":')
                self.field(item, spec, depth + 1)

    def field(self, var: str, spec: Field, depth: int) -> None:
        """A mapping's value (``check_mapping``: ``_plainly_valid``, else ``check_value``)."""
        if spec.type == "map":
            self.mapping(var, spec.fields, depth)
        elif spec.type == "list":
            self.list(var, spec, depth)
        else:
            self.emit(depth, f"if not ({self.scalar(var, spec)}):")
            self.emit(depth + 1, "return False")

    def list(self, var: str, spec: Field, depth: int) -> None:
        # check_value's list: a list, not empty when required, no empty item, each item valid
        # (``check_value``, not ``_plainly_valid``), no repeated item when unique.
        assert spec.items is not None
        items = spec.items
        self.emit(depth, f"if {var}.__class__ is not list and not isinstance({var}, list):")
        self.emit(depth + 1, "return False")
        if spec.required:
            self.emit(depth, f"if not {var}:")
            self.emit(depth + 1, "return False")
        self.count += 1
        item = f"i{self.count}"
        self.emit(depth, f"for {item} in {var}:")
        if items.type == "map":
            self.mapping(item, items.fields, depth + 1)
        elif items.type in ("text", "enum", "slug", "int", "year"):
            # an empty item is an issue in a list; these kinds' scalar test then implies that
            # check_scalar finds nothing (text: printable, so no HIDDEN character)
            test = self.scalar(item, items)
            self.emit(depth + 1, f'if {item} == "" or not ({test}):')
            self.emit(depth + 2, "return False")
        else:
            self.emit(depth + 1, "return False")
        if spec.unique:
            if items.type in ("text", "enum", "slug"):
                self.emit(depth, f"if len({{i.casefold() for i in {var}}}) != len({var}):")
            else:
                self.emit(depth, f"if len(set({var})) != len({var}):")
            self.emit(depth + 1, "return False")

    def scalar(self, x: str, spec: Field) -> str:
        """``_plainly_valid``'s test of one kind as an expression (False for the kinds it does
        not accept at once, which the generic walk then checks)."""
        kind = spec.type
        text = f"{x}.__class__ is str"
        if kind == "text":
            return (
                f"{text} and len({x}) <= {MAX_TEXT} and {x}.isprintable() and not {x}.isspace()"
                f" and ({x}.isascii() or BLANK({x}) is None)"
            )
        if kind == "long-text":
            return (
                f"{text} and len({x}) <= {MAX_LONG_TEXT} and not {x}.isspace()"
                f" and (({x}.isascii() and {x}.isprintable()) or HIDDEN({x}) is None)"
            )
        if kind == "enum":
            return f"{text} and {x} in {self.name('VOCABULARY', self.allowed(spec.vocabulary))}"
        if kind == "slug":
            return f"{text} and len({x}) <= {MAX_ID_CHARS} and SLUG({x}) is not None"
        if kind == "url":
            return f"{text} and len({x}) <= {MAX_LONG_TEXT} and not {x}.isspace()"
        if kind == "country":
            return f"{text} and {x} in ISO"
        if kind == "seed":  # check_scalar: the pattern fixes the length and allows no space
            return f"{text} and SEED({x}) is not None"
        if kind in ("month", "date"):
            pattern = "MONTH" if kind == "month" else "DATE"
            return f"{text} and {pattern}({x}) is not None and {MIN_YEAR} <= int({x}[:4]) <= {MAX_YEAR}"
        if kind == "bool":
            return f"{x}.__class__ is bool"
        if kind in ("year", "int", "number"):
            low, high = (MIN_YEAR, MAX_YEAR) if kind == "year" else (spec.minimum, spec.maximum)
            bounds = "".join(
                [
                    f" and {x} >= {low!r}" if low is not None else "",
                    f" and {x} <= {high!r}" if high is not None else "",
                ]
            )
            whole = f"({x}.__class__ is int{bounds})"
            if kind != "number":
                return whole
            return f"{whole} or ({x}.__class__ is float and isfinite({x}){bounds})"
        return "False"
