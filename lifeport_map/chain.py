"""The chain rules, in one place: which phases, roles and map layers a site counts in.

A site is active in a phase when one of its activities lies in that phase, or when it performs a
cross-cutting activity (one without a phase of its own, such as research) and names the phase as
served; network and government support (role ``support``) serves a phase without being part of
it. Which of those sites a phase's headline number counts is a *counting definition*
(``COUNTINGS``): by default the industrial presence (companies in production, equipment and
materials, design and services roles), with knowledge institutes counted beside it. Only active
sites count; planned and under-construction ones are the pipeline. Analyses, maps, briefs and the
validator all ask this module, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from lifeport_map.errors import UsageError
from lifeport_map.messages import msg
from lifeport_map.render.labels import label
from lifeport_map.taxonomy import Taxonomy

COUNTED_STATUSES: tuple[str, ...] = ("active",)
PIPELINE_STATUSES: tuple[str, ...] = ("planned", "under-construction")
# Roles that are not value-chain work of their own: they are split out, never white spots.
NON_CHAIN_ROLES = frozenset({"support"})
# Map layers besides the phases: knowledge institutes, everything else, and the pipeline.
KNOWLEDGE = "knowledge"
# Groups of kinds a filter takes beside the kind ids: companies (every kind that is not a
# knowledge institute) and knowledge institutes.
COMPANIES = "companies"
KNOWLEDGE_GROUP = KNOWLEDGE
KIND_GROUPS = (COMPANIES, KNOWLEDGE_GROUP)
OTHER = "other"
PIPELINE = "pipeline"

# An employee-based figure (a sum compared with a published total, a rank, a specialisation
# index) is shown only when at least this share of the sites it sums has an employee figure;
# below it the answer is "cannot tell", because the missing sites could change it.
EMPLOYEE_COVERAGE_MIN = 0.8

# Which activities a plant of each facility type serves: a site doing one of them may have such a
# facility even when the registry does not describe it (a claim then cannot tell).
FACILITY_ACTIVITIES: dict[str, frozenset[str]] = {
    "wafer-fab": frozenset({"wafer-fab"}),
    "foundry": frozenset({"foundry"}),
    "pilot-line": frozenset({"pilot-line"}),
    "research-cleanroom": frozenset({"pilot-line", "research"}),
    "assembly-test": frozenset({"assembly-test", "osat"}),
    "packaging-pilot-line": frozenset({"packaging-pilot-line"}),
    "epi-wafer": frozenset({"materials"}),
    "mask-shop": frozenset({"materials"}),
    "materials-plant": frozenset({"materials", "packaging-materials"}),
}
PLANT_ACTIVITIES = frozenset().union(*(a - {"research"} for a in FACILITY_ACTIVITIES.values()))

# "About N" in a claim holds for a count within 20% of N (and at least within 1).
ABOUT_TOLERANCE = 0.2


def rule_text(key: str, lang: str, **values: object) -> str:
    """The analyses' method note ``key`` (the label ``rule_<key>``: their JSON "method" and
    "time.rule") in ``lang``, with the thresholds above and ``values`` filled in."""
    return label(f"rule_{key}", lang).format(
        coverage_min=f"{EMPLOYEE_COVERAGE_MIN:.0%}", about_tolerance=f"{ABOUT_TOLERANCE:.0%}", **values
    )


# --- counting definitions ------------------------------------------------------------------------

INDUSTRY_ROLES: tuple[str, ...] = ("production", "equipment-materials", "design-services")
BESIDE = "beside"  # knowledge institutes are counted in their own column, not in the headline
INSIDE = "inside"  # knowledge institutes count in the headline like any other site


@dataclass(frozen=True)
class Counting:
    """What a phase's headline number counts: active sites whose activities in the phase have
    one of ``roles`` (``core``: the phase's core activities, see ``rule_text("production")``),
    and whether knowledge institutes (universities, colleges, research institutes) count inside the
    headline or beside it."""

    id: str
    roles: tuple[str, ...]
    knowledge: str = BESIDE
    core: bool = False
    label: Mapping[str, str] = field(default_factory=dict, compare=False)
    rule: Mapping[str, str] = field(default_factory=dict, compare=False)

    def text(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.id

    def rule_text(self, lang: str) -> str:
        return self.rule.get(lang) or self.rule.get("en") or ""


def _both(key: str, beside: bool = False) -> dict[str, str]:
    """The label table's text ``key`` in both languages (``labels.LABELS``), for a counting;
    ``beside`` adds that knowledge institutes are counted beside the number."""
    return {
        lang: label(key, lang) + (label("counting_knowledge_beside", lang) if beside else "")
        for lang in ("nl", "en")
    }


COUNTINGS: dict[str, Counting] = {
    c.id: c
    for c in (
        Counting(
            id="industry",
            roles=INDUSTRY_ROLES,
            label=_both("counting_industry"),
            rule=_both("counting_industry_rule", beside=True),
        ),
        Counting(
            id="production",
            roles=("production", "design-services"),
            core=True,
            label=_both("counting_production"),
            rule=_both("counting_production_rule", beside=True),
        ),
        Counting(
            id="all",
            roles=(*INDUSTRY_ROLES, "research-education"),
            knowledge=INSIDE,
            label=_both("counting_all"),
            rule=_both("counting_all_rule"),
        ),
    )
}
DEFAULT_COUNTING = "industry"


def _in_sentence(text: str) -> str:
    """A taxonomy label inside a sentence: 'Productie' -> 'productie' (an abbreviation such as
    'OSAT' or 'R&D' keeps its capitals)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def counting(
    spec: str | Counting | None,
    roles: Sequence[str] = (),
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> Counting:
    """The counting definition named by ``spec``: a preset id (industry, production, all) or a
    comma-separated list of role ids (``roles``: the known ones, to check against). A list
    counts knowledge institutes beside the headline unless it names research-education, and is
    labelled with the roles' taxonomy labels (``names``: role id -> language -> label, see
    ``ChainRules.role_labels``; a role without one is named by its id)."""
    if isinstance(spec, Counting):
        return spec
    name = (spec or DEFAULT_COUNTING).strip()
    if name in COUNTINGS:
        return COUNTINGS[name]
    wanted = tuple(dict.fromkeys(r.strip() for r in name.split(",") if r.strip()))
    chain = [r for r in roles if r not in NON_CHAIN_ROLES] if roles else []
    unknown = [r for r in wanted if r not in chain]
    if not wanted or unknown:
        raise UsageError(
            msg("usage.unknown-counting", name=name),
            hint=msg("usage.unknown-counting/hint", presets=", ".join(COUNTINGS), roles=", ".join(chain)),
        )
    ordered = tuple(r for r in chain if r in wanted)
    knowledge = INSIDE if "research-education" in ordered else BESIDE
    names = names or {}

    def joined(lang: str) -> str:
        return "; ".join(_in_sentence(names.get(r, {}).get(lang) or r) for r in ordered)

    return Counting(
        id=",".join(ordered),
        roles=ordered,
        knowledge=knowledge,
        label={lang: label("counting_roles", lang).format(roles=joined(lang)) for lang in ("nl", "en")},
        rule={
            lang: label("counting_roles_rule", lang).format(roles=joined(lang))
            + label("counting_knowledge_beside" if knowledge == BESIDE else "counting_knowledge_inside", lang)
            for lang in ("nl", "en")
        },
    )


def is_counted(status: str) -> bool:
    """Whether a site with ``status`` counts for coverage (only active sites do)."""
    return status in COUNTED_STATUSES


def is_pipeline(status: str) -> bool:
    """Whether a site with ``status`` is planned or under construction."""
    return status in PIPELINE_STATUSES


@dataclass(frozen=True, eq=False)
class ChainRules:
    """The taxonomy facts the rules need, with the rules as methods.

    Build it with :func:`chain_rules` (from a taxonomy) or ``graph.chain_rules_of`` (from a
    graph's phase, activity, role and kind nodes); both give the same rules.
    """

    phases: tuple[str, ...]
    roles: tuple[str, ...]
    activities: tuple[str, ...]
    phase_of: Mapping[str, str | None]
    role_of: Mapping[str, str | None]
    knowledge_kinds: frozenset[str]
    # role id -> language -> the taxonomy's label (for custom counting definitions' names)
    role_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    _in_phases: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )
    _core: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _roles: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)

    # --- the vocabulary the rules derive ----------------------------------------------------

    @cached_property
    def cross_cutting_order(self) -> tuple[str, ...]:
        """Activities without a phase of their own (research, education, ...), in taxonomy order."""
        return tuple(a for a in self.activities if self.phase_of.get(a) is None)

    @cached_property
    def cross_cutting(self) -> frozenset[str]:
        return frozenset(self.cross_cutting_order)

    def serves_in_phase(self, activity: str) -> bool:
        """Whether a cross-cutting ``activity`` places a site in the phases it names as served."""
        return self.phase_of.get(activity) is None and self.role_of.get(activity) not in NON_CHAIN_ROLES

    def needs_served_phases(self, activity: str) -> bool:
        """Whether a site doing ``activity`` must name the phases it serves (validate)."""
        return self.serves_in_phase(activity)

    def core_activities(self, phase: str) -> tuple[str, ...]:
        """The activities that make up a phase's own work (see the label rule_production)."""
        found = self._core.get(phase)
        if found is None:
            own = [a for a in self.activities if self.phase_of.get(a) == phase]
            production = tuple(a for a in own if self.role_of.get(a) == "production")
            found = production or tuple(a for a in own if self.role_of.get(a) == "design-services")
            self._core[phase] = found
        return found

    def chain_activities(self, phase: str) -> tuple[str, ...]:
        """Every activity that can be present in ``phase``: its own and the cross-cutting ones."""
        own = tuple(a for a in self.activities if self.phase_of.get(a) == phase)
        return own + tuple(a for a in self.activities if self.serves_in_phase(a))

    # --- a site ------------------------------------------------------------------------------

    def activities_by_phase(
        self, activities: Sequence[str], served_phases: Iterable[str]
    ) -> dict[str, tuple[str, ...]]:
        """Per phase (chain order) the site's activities that place it there; phases it does
        not count in are left out. Sites share a few hundred combinations, so each is worked
        out once."""
        key = (tuple(activities), tuple(served_phases))
        found = self._in_phases.get(key)
        if found is None:
            served = set(key[1])
            found = {}
            for phase in self.phases:
                in_phase = tuple(
                    a
                    for a in key[0]
                    if self.phase_of.get(a) == phase or (phase in served and self.serves_in_phase(a))
                )
                if in_phase:
                    found[phase] = in_phase
            self._in_phases[key] = found
        return found

    def activities_in_phase(
        self, activities: Sequence[str], served_phases: Iterable[str], phase: str
    ) -> tuple[str, ...]:
        """The site's activities that place it in ``phase`` (empty: it does not count there)."""
        return self.activities_by_phase(activities, served_phases).get(phase, ())

    def counts_in_phase(self, how: Counting, kind: str, in_phase: Sequence[str], phase: str) -> bool:
        """Whether a site of ``kind`` whose activities in ``phase`` are ``in_phase`` counts in the
        phase's headline under the counting definition ``how``."""
        if not in_phase or (how.knowledge == BESIDE and kind in self.knowledge_kinds):
            return False
        if how.core:
            core = self.core_activities(phase)
            return any(a in core for a in in_phase)
        return any(self.role_of.get(a) in how.roles for a in in_phase)

    def counted_phases(
        self, how: Counting, kind: str, activities: Sequence[str], served_phases: Iterable[str]
    ) -> tuple[str, ...]:
        """The phases whose headline a site counts in under ``how`` (chain order)."""
        return tuple(
            phase
            for phase, in_phase in self.activities_by_phase(activities, served_phases).items()
            if self.counts_in_phase(how, kind, in_phase, phase)
        )

    def is_knowledge(self, kind: str) -> bool:
        return kind in self.knowledge_kinds

    def roles_of(self, activities: Iterable[str]) -> list[str]:
        """The roles of ``activities``, sorted, without duplicates. Sites share a few hundred
        combinations of activities, so each is worked out once (a comparison at 100,000 sites
        asked 156,000 times)."""
        key = activities if activities.__class__ is tuple else tuple(activities)
        found = self._roles.get(key)
        if found is None:
            found = self._roles[key] = tuple(sorted({self.role_of.get(a) or "" for a in key} - {""}))
        return list(found)

    def has_role(self, activities: Iterable[str], role: str) -> bool:
        return any(self.role_of.get(a) == role for a in activities)

    def layers(
        self,
        status: str,
        kind: str,
        activities: Sequence[str],
        served_phases: Iterable[str],
        how: Counting | None = None,
    ) -> tuple[str, ...]:
        """The map layers a site is drawn in. Active sites: each phase whose headline they count
        in under ``how`` (default: industrial presence), plus the knowledge layer for knowledge
        institutes; a site in neither is 'other'. Planned sites and sites under construction form
        the pipeline layer; closed sites are not drawn. So a legend counts what coverage counts."""
        if is_pipeline(status):
            return (PIPELINE,)
        if not is_counted(status):
            return ()
        layers = self.counted_phases(how or COUNTINGS[DEFAULT_COUNTING], kind, activities, served_phases)
        if kind in self.knowledge_kinds:
            layers += (KNOWLEDGE,)
        return layers or (OTHER,)

    def layer_ids(self) -> tuple[str, ...]:
        """All layers in legend order: the phases, knowledge institutes, the rest, the pipeline."""
        return (*self.phases, KNOWLEDGE, OTHER, PIPELINE)


_RULES: dict[int, tuple[Taxonomy, ChainRules]] = {}


def chain_rules(taxonomy: Taxonomy) -> ChainRules:
    """The chain rules of ``taxonomy`` (built once per taxonomy object)."""
    cached = _RULES.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    rules = ChainRules(
        phases=taxonomy.phase_ids,
        roles=tuple(r.id for r in taxonomy.roles),
        activities=tuple(a.id for a in taxonomy.activities),
        phase_of={a.id: a.phase for a in taxonomy.activities},
        role_of={a.id: a.role for a in taxonomy.activities},
        knowledge_kinds=taxonomy.knowledge_kinds,
        role_labels={r.id: {lang: r.text(lang) for lang in ("nl", "en")} for r in taxonomy.roles},
    )
    _RULES[id(taxonomy)] = (taxonomy, rules)
    return rules
