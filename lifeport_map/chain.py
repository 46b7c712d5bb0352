"""The chain rules, in one place: which phases, roles and map layers a site counts in.

A site counts in a phase when one of its activities lies in that phase, or when it performs a
cross-cutting activity (one without a phase of its own, such as research) and names the phase as
served; network and government support (role ``support``) serves a phase without being part of
it. Only active sites count; planned and under-construction ones are the pipeline. Analyses,
maps, briefs and the validator all ask this module, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from lifeport_map.taxonomy import Taxonomy

COUNTED_STATUSES: tuple[str, ...] = ("active",)
PIPELINE_STATUSES: tuple[str, ...] = ("planned", "under-construction")
# Roles that are not value-chain work of their own: they are split out, never white spots.
NON_CHAIN_ROLES = frozenset({"support"})
# Map layers besides the phases: knowledge institutes, everything else, and the pipeline.
KNOWLEDGE = "knowledge"
OTHER = "other"
PIPELINE = "pipeline"

EMPLOYEES_RULE = (
    "a site's employees are its most recent figure (latest year; on a tie the larger one); "
    "older or differently scoped figures are not added. A site active in several phases counts "
    "fully in each phase, so phase sums can exceed the region total, which counts each site once."
)
PRODUCTION_RULE = (
    "a phase is held in production roles when a site performs one of the phase's core "
    "activities: those with role 'production' (for the design phase, which has none, its "
    "design activities). Equipment, materials, research and education alone do not count."
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
    _in_phases: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, tuple[str, ...]]] = field(
        default_factory=dict, repr=False
    )

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
        """The activities that make up a phase's own work (see PRODUCTION_RULE)."""
        own = [a for a in self.activities if self.phase_of.get(a) == phase]
        production = tuple(a for a in own if self.role_of.get(a) == "production")
        return production or tuple(a for a in own if self.role_of.get(a) == "design-services")

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

    def roles_of(self, activities: Iterable[str]) -> list[str]:
        """The roles of ``activities``, sorted, without duplicates."""
        return sorted({self.role_of.get(a) or "" for a in activities} - {""})

    def has_role(self, activities: Iterable[str], role: str) -> bool:
        return any(self.role_of.get(a) == role for a in activities)

    def layers(
        self, status: str, kind: str, activities: Sequence[str], served_phases: Iterable[str]
    ) -> tuple[str, ...]:
        """The map layers a site is drawn in. Active sites: each phase they count in, plus
        knowledge institutes; a site in neither is 'other'. Planned sites and sites under
        construction form the pipeline layer; closed sites are not drawn."""
        if is_pipeline(status):
            return (PIPELINE,)
        if not is_counted(status):
            return ()
        layers = tuple(self.activities_by_phase(activities, served_phases))
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
    )
    _RULES[id(taxonomy)] = (taxonomy, rules)
    return rules
