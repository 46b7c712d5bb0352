"""The claims file (``data/claims.yaml``): what the policy documents claim, and how to check it.

Each claim names who makes it, where (document, section or page), its words, and a check: a
machine-checkable form in terms of the analyses (whole chain in a region, a count of sites with
filters, organisations present, a facility's figures, employment, rank, specialisation). The file
is read like the registry: by the strict YAML loader, checked against the field tables below
(every problem with file:line:col and a hint), then against the registry (regions, sites,
figures it names). ``analysis.claims`` evaluates the checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lifeport_map.chain import KIND_GROUPS, chain_rules, counting
from lifeport_map.errors import Issue, RegistryError, UsageError, YamlError
from lifeport_map.messages import Text, msg
from lifeport_map.model import Registry
from lifeport_map.schema import LABEL_FIELDS, Field, StructureChecker, _f
from lifeport_map.taxonomy import Taxonomy
from lifeport_map.yamlio import YMap, hidden_characters_in, load_yaml, position_at, unpack

CLAIMS_FILE = "claims.yaml"

# The kinds of check a claim can have, and what each needs besides ``type``.
CHECK_TYPES: dict[str, tuple[str, ...]] = {
    "whole-chain": ("region",),  # the region covers every phase under the counting definition
    "whole-chain-unique": ("region",),  # ... and no other compared region does
    "count": ("expect",),  # active sites passing the filters, in a region or near an origin
    "organisations-present": ("region", "organisations"),  # each named organisation has a site there
    "facility": ("site", "facility"),  # a site's facility has the stated type, wafers, node, capacity
    "employees": ("region", "figure"),  # a published figure per group against the registry's sites
    "figure-sum": ("region", "figure"),  # a published figure's groups add up to its total
    "rank": ("region", "position"),  # the region's place among regions by employment
    "specialisation": ("region",),  # location quotient of an activity set, role or phase above 1
}
EXPECT_OPS = ("equals", "at-least", "at-most", "about")
CLAIM_VOCABULARIES = {
    "check_types": tuple(CHECK_TYPES),
    "expect_ops": EXPECT_OPS,
    "claim_metrics": ("employees",),
    "claim_units": ("sites", "organisations"),
}

FILTER_FIELDS: tuple[Field, ...] = (
    _f("countries", "list", "Two-letter country codes.", items=_f("country", "country")),
    _f(
        "activities",
        "list",
        "Activities (any of them).",
        items=_f("activity", "enum", vocabulary="activities"),
    ),
    _f(
        "technologies",
        "list",
        "Facility technologies (any of them).",
        items=_f("technology", "enum", vocabulary="technologies"),
    ),
    _f("wafer_mm", "list", "Wafer diameters in mm (any of them).", items=_f("mm", "int", minimum=1)),
    _f(
        "facility_types",
        "list",
        "Facility types (any of them).",
        items=_f("facility-type", "enum", vocabulary="facility_types"),
    ),
    _f("kinds", "list", "Kinds, or 'companies' / 'knowledge'.", items=_f("kind", "text")),
    _f("statuses", "list", "Statuses (default: active).", items=_f("status", "enum", vocabulary="statuses")),
)
EXPECT_FIELDS: tuple[Field, ...] = (
    _f("op", "enum", "equals, at-least, at-most or about.", vocabulary="expect_ops"),
    _f("value", "number", "The number the claim states.", minimum=0),
    _f("sites", "list", "The site ids the claim names, when it names them.", items=_f("site", "slug")),
)
FACILITY_EXPECT_FIELDS: tuple[Field, ...] = (
    _f("type", "enum", "Facility type.", vocabulary="facility_types"),
    _f("wafer_mm", "int", "Wafer diameter in mm.", minimum=1),
    _f("node_nm", "number", "Smallest node in nm.", minimum=0),
    _f(
        "capacity",
        "map",
        "Capacity.",
        fields=(
            _f("value", "number", "Value.", required=True, minimum=0),
            _f("unit", "enum", "Unit.", required=True, vocabulary="capacity_units"),
        ),
    ),
    _f("approximate", "bool", "The claim says 'about'."),
)
CHECK_FIELDS: tuple[Field, ...] = (
    _f("type", "enum", "What kind of check.", required=True, vocabulary="check_types"),
    _f("region", "slug", "Region id."),
    _f("regions", "list", "Regions compared (default: the six).", items=_f("region", "slug"), unique=True),
    _f("definition", "slug", "Region definition (default: the region's)."),
    _f("roles", "text", "Counting definition: industry, production, all, or role ids."),
    _f("origin", "text", "Where a radius starts: a place, site id or 'lat,lon'."),
    _f("radius_km", "number", "Radius in km.", minimum=0, maximum=20000),
    _f("filter", "map", "Which sites are counted.", fields=FILTER_FIELDS),
    _f("expect", "map", "What the claim states.", fields=EXPECT_FIELDS),
    _f("organisations", "list", "Organisations named.", items=_f("organisation", "text")),
    _f("activities", "list", "Activities (specialisation).", items=_f("a", "enum", vocabulary="activities")),
    _f("role", "enum", "A role (specialisation).", vocabulary="roles"),
    _f("phase", "enum", "A phase (specialisation).", vocabulary="phases"),
    _f("above", "number", "Location quotient threshold (default 1).", minimum=0),
    _f("site", "slug", "Site id."),
    _f("facility", "map", "The facility as the claim states it.", fields=FACILITY_EXPECT_FIELDS),
    _f("figure", "slug", "Id of a published figure of the region."),
    _f("metric", "enum", "Metric (rank).", vocabulary="claim_metrics"),
    _f("position", "int", "Rank the claim states (1 = first).", minimum=1),
    _f("per", "enum", "Count sites (default) or organisations.", vocabulary="claim_units"),
    _f("complete", "bool", "Whether the registry aims to hold every such site (default true)."),
    _f("year", "year", "The year the claim speaks of (default: now)."),
)
CLAIM_SOURCE_FIELDS: tuple[Field, ...] = (
    _f("url", "url", "Public URL of the document."),
    _f("seed", "seed", "Seed document file name."),
    _f("title", "text", "Title of the document.", required=True),
    _f("publisher", "text", "Who published it.", required=True),
    _f("year", "year", "Year of the document.", required=True),
    _f("section", "text", "Section, chapter or figure the claim is in."),
    _f("page", "int", "Page, when the document has page numbers.", minimum=1),
)
CLAIM_FIELDS: tuple[Field, ...] = (
    _f("id", "slug", "Stable id of the claim.", required=True),
    _f("claim", "map", "The claim in a sentence, in Dutch and English.", required=True, fields=LABEL_FIELDS),
    _f("who", "text", "Who makes the claim.", required=True),
    _f("source", "map", "Where the claim is made.", required=True, fields=CLAIM_SOURCE_FIELDS),
    _f("quote", "long-text", "The claim's own words (a short quote).", required=True),
    _f("reading", "map", "How the check reads the claim, when it needs saying.", fields=LABEL_FIELDS),
    _f("check", "map", "The machine-checkable form.", required=True, fields=CHECK_FIELDS),
    _f("note", "long-text", "Caveats."),
)
CLAIMS_FILE_FIELDS: tuple[Field, ...] = (
    _f("claims", "list", "The claims.", required=True, items=_f("claim", "map", fields=CLAIM_FIELDS)),
)


@dataclass(frozen=True)
class ClaimSource:
    reference: str
    title: str
    publisher: str
    year: int
    section: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Claim:
    """One claim of a policy document and its check (the check's fields as written)."""

    id: str
    statement: dict[str, str]
    who: str
    source: ClaimSource
    quote: str
    check: dict[str, Any]
    reading: dict[str, str] = field(default_factory=dict)
    note: str = ""
    file: str = ""
    line: int = 0
    col: int = 0
    raw: Any = field(default=None, repr=False, compare=False)

    @property
    def type(self) -> str:
        return str(self.check["type"])

    def where(self, dotted: str) -> tuple[int, int]:
        return position_at(self.raw, dotted, (self.line, self.col))


class _ClaimsChecker(StructureChecker):
    def vocabulary(self, name: str) -> tuple[str, ...]:
        return CLAIM_VOCABULARIES.get(name) or super().vocabulary(name)


def default_claims_path(registry_path: Path) -> Path:
    """The claims file that goes with a registry file: ``claims.yaml`` next to it."""
    return registry_path.parent / CLAIMS_FILE


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _claim(raw: dict[str, Any], file: str, position: tuple[int, int]) -> Claim:
    source = raw["source"]
    reference = source.get("url") or (f"seed: {source['seed']}" if source.get("seed") else "")
    return Claim(
        id=raw["id"],
        statement=dict(raw["claim"]),
        who=raw["who"],
        source=ClaimSource(
            reference=reference,
            title=source["title"],
            publisher=source["publisher"],
            year=source["year"],
            section=source.get("section") or "",
            page=source.get("page"),
        ),
        quote=raw["quote"],
        check=_plain(raw["check"]),
        reading=dict(raw.get("reading") or {}),
        note=raw.get("note") or "",
        file=file,
        line=position[0],
        col=position[1],
        raw=raw,
    )


def read_claims(path: Path, taxonomy: Taxonomy) -> tuple[tuple[Claim, ...], list[Issue]]:
    """Parse and structurally check a claims file; every problem is an Issue."""
    try:
        doc = load_yaml(path, root=path.parent, given_by="--claims")
    except YamlError as exc:
        return (), [exc.issue]
    file = str(path)
    checker = _ClaimsChecker(taxonomy=taxonomy, file=file)
    # raw bidi and invisible characters anywhere (comments too) and lone CR line ends, as in
    # the registry and region files
    checker.issues.extend(hidden_characters_in(doc.text, path))
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        checker.add(
            "schema.required",
            msg("schema.required/claims"),
            msg("schema.required/claims-hint"),
            (1, 1),
            "",
            "claims",
        )
        return (), checker.issues
    for key in data:
        if key != "claims":
            kpos = data.key_positions.get(key) if isinstance(data, YMap) else None
            checker.add(
                "schema.unknown-field",
                msg("schema.unknown-field/top", field=key),
                msg("schema.unknown-field/claims-hint"),
                unpack(kpos) if kpos else (1, 1),
                "",
                key,
            )
    raw_claims = data["claims"]
    claims: list[Claim] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_claims):
        position = unpack(raw_claims.positions[index]) if hasattr(raw_claims, "positions") else (0, 0)
        entry = raw["id"] if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"claims[{index}]"
        before = len(checker.issues)
        if not checker.check_mapping(raw, CLAIM_FIELDS, entry=entry, path="", where=position):
            continue
        if len(checker.issues) > before:
            continue  # a claim with a structural problem is not evaluated
        claim = _claim(raw, file, position)
        if claim.id in seen:
            checker.add(
                "claims.duplicate-id",
                msg("claims.duplicate-id", id=claim.id),
                msg("claims.duplicate-id/hint"),
                claim.where("id"),
                entry,
                "id",
            )
            continue
        seen.add(claim.id)
        claims.append(claim)
    return tuple(claims), checker.issues


def check_claims(
    claims: tuple[Claim, ...], registry: Registry, *, place: Callable[[str], object] | None = None
) -> list[Issue]:
    """What the structure cannot see: each check's required fields, and the regions, sites and
    figures it names exist in the registry. ``place`` finds a check's ``origin`` the way the
    analyses do (``analysis.near.resolve_origin``, which lives above this layer: the commands
    pass it in) and raises a :class:`UsageError` for one it cannot place; without it the
    origin is not checked."""
    issues: list[Issue] = []

    def add(claim: Claim, code: str, message: Text, hint: Text, dotted: str) -> None:
        line, col = claim.where(dotted)
        issues.append(
            Issue(
                code=code,
                text=message,
                help=hint,
                file=claim.file,
                line=line,
                col=col,
                entry=claim.id,
                field=dotted,
            )
        )

    for claim in claims:
        check = claim.check
        kind = claim.type
        for needed in CHECK_TYPES[kind]:
            if check.get(needed) in (None, "", []):
                add(
                    claim,
                    "claims.check-incomplete",
                    msg("claims.check-incomplete", kind=kind, needed=needed),
                    msg("claims.check-incomplete/hint", needed=needed),
                    "check",
                )
        if kind == "count" and not check.get("region") and not check.get("origin"):
            add(
                claim,
                "claims.check-incomplete",
                msg("claims.check-incomplete/count"),
                msg("claims.check-incomplete/count-hint"),
                "check",
            )
        if check.get("origin") and not check.get("radius_km"):
            add(
                claim,
                "claims.check-incomplete",
                msg("claims.check-incomplete/origin"),
                msg("claims.check-incomplete/hint", needed="radius_km"),
                "check",
            )
        expect = check.get("expect") or {}
        if expect and "value" not in expect and "sites" not in expect:
            add(
                claim,
                "claims.check-incomplete",
                msg("claims.check-incomplete/expect"),
                msg("claims.check-incomplete/expect-hint"),
                "check.expect",
            )
        if kind == "specialisation" and not (
            check.get("activities") or check.get("role") or check.get("phase")
        ):
            add(
                claim,
                "claims.check-incomplete",
                msg("claims.check-incomplete/specialisation"),
                msg("claims.check-incomplete/specialisation-hint"),
                "check",
            )
        regions = [("region", check.get("region"))] + [
            (f"regions[{i}]", r) for i, r in enumerate(check.get("regions") or [])
        ]
        for dotted, region_id in regions:
            if region_id and region_id not in registry.regions:
                add(
                    claim,
                    "claims.unknown-region",
                    msg("claims.unknown-region", region=region_id),
                    msg("use-one-of", values=", ".join(registry.regions)),
                    f"check.{dotted}",
                )
        region = registry.regions.get(check.get("region") or "")
        if (
            region
            and check.get("definition")
            and check["definition"] not in {d.id for d in region.definitions}
        ):
            add(
                claim,
                "claims.unknown-definition",
                msg("claims.unknown-definition", region=region.id, definition=check["definition"]),
                msg("use-one-of", values=", ".join(d.id for d in region.definitions)),
                "check.definition",
            )
        if region and check.get("figure") and check["figure"] not in {f.id for f in region.figures}:
            add(
                claim,
                "claims.unknown-figure",
                msg("claims.unknown-figure", region=region.id, figure=check["figure"]),
                msg("use-one-of", values=", ".join(f.id for f in region.figures) or msg("none")),
                "check.figure",
            )
        _check_values(claim, registry, add)
        origin = check.get("origin")
        # a site of the registry without coordinates is data the registry lacks (the claim then
        # says 'cannot tell' and why), not a mistake in the claims file
        if place is not None and isinstance(origin, str) and origin.strip() not in registry.by_id:
            try:
                place(origin)
            except UsageError as error:  # the analyses' own words: no place, site or region
                said = (
                    error.text if isinstance(error.text, Text) else msg("usage.unknown-origin", query=origin)
                )
                hint = error.help if isinstance(error.help, Text) else msg("usage.unknown-origin/hint")
                add(claim, "claims.unknown-origin", said, hint, "check.origin")
        named = [("site", check.get("site"))] + [
            (f"expect.sites[{i}]", s) for i, s in enumerate(expect.get("sites") or [])
        ]
        for dotted, site_id in named:
            if site_id and site_id not in registry.by_id:
                add(
                    claim,
                    "claims.unknown-site",
                    msg("claims.unknown-site", site=site_id),
                    msg("claims.unknown-site/hint"),
                    f"check.{dotted}",
                )
    return issues


def _check_values(claim: Claim, registry: Registry, add: Any) -> None:
    """The values the evaluation would refuse (a claim would then be 'cannot tell' for a typo):
    a counting definition, wafer sizes and a node as the registry's facilities allow them, a
    rank no comparison can give; and a source URL as plain as the registry's."""
    from lifeport_map.validate import url_problem
    from lifeport_map.validate_fields import WAFER_MM

    check = claim.check
    if check.get("roles"):
        try:
            counting(check["roles"], chain_rules(registry.taxonomy).roles)
        except UsageError as error:
            add(claim, "claims.unknown-counting", error.text, error.help, "check.roles")
    kinds = (*KIND_GROUPS, *registry.taxonomy.vocabulary("kinds"))  # kind ids, or groups of kinds
    for i, kind in enumerate((check.get("filter") or {}).get("kinds") or []):
        if kind not in kinds:
            add(
                claim,
                "schema.unknown-kind",
                msg("schema.unknown-value", what=msg("vocabulary.kind"), value=kind),
                msg("use-one-of", values=", ".join(kinds)),
                f"check.filter.kinds[{i}]",
            )
    facility = check.get("facility") or {}
    sizes = [
        (f"filter.wafer_mm[{i}]", mm)
        for i, mm in enumerate((check.get("filter") or {}).get("wafer_mm") or [])
    ]
    sizes += [("facility.wafer_mm", facility["wafer_mm"])] if "wafer_mm" in facility else []
    for dotted, mm in sizes:
        if mm not in WAFER_MM:
            add(
                claim,
                "facility.wafer-size",
                msg("facility.wafer-size", mm=mm),
                msg("facility.wafer-size/hint", sizes=", ".join(str(w) for w in sorted(WAFER_MM))),
                f"check.{dotted}",
            )
    if facility.get("node_nm") == 0:
        add(
            claim,
            "facility.node",
            msg("facility.node/zero"),
            msg("facility.node/hint"),
            "check.facility.node_nm",
        )
    compared = len(check.get("regions") or registry.regions)
    if claim.type == "rank" and isinstance(check.get("position"), int) and check["position"] > compared:
        add(
            claim,
            "claims.rank-position",
            msg("claims.rank-position", position=check["position"], count=compared),
            msg("claims.rank-position/hint", count=compared),
            "check.position",
        )
    problem = url_problem(claim.source.reference) if claim.raw["source"].get("url") else None
    if problem:
        add(
            claim,
            "url.not-plain-http",
            msg("url.not-plain-http/source", problem=problem),
            msg("url.not-plain-http/hint"),
            "source.url",
        )


def load_claims(
    path: Path, registry: Registry, *, place: Callable[[str], object] | None = None
) -> tuple[Claim, ...]:
    """Read, check and return the claims of ``path``; raise RegistryError with every problem
    (``place``: see ``check_claims``)."""
    claims, issues = read_claims(path, registry.taxonomy)
    issues += check_claims(claims, registry, place=place)
    if any(i.severity == "error" for i in issues):
        raise RegistryError(sorted(issues, key=Issue.sort_key), subject="claims")
    return claims


def claims_issues(
    path: Path, registry: Registry, *, place: Callable[[str], object] | None = None
) -> list[Issue]:
    """Every problem of the claims file at ``path`` (for ``validate``); none when it is absent
    (``place``: see ``check_claims``)."""
    if not path.exists():
        return []
    claims, issues = read_claims(path, registry.taxonomy)
    return issues + check_claims(claims, registry, place=place)
