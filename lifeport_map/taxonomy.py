"""The value-chain taxonomy (phases, activities, roles, kinds, relation types, views).

It is data (``data/taxonomy.yaml``); this module turns it into an immutable object with the
look-ups the rest of the package needs. Phases keep chain order: design, front-end, back-end,
system integration. Cross-cutting activities (research, education, ...) have no phase of their
own; a site names the phases they serve.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lifeport_map.errors import Issue, RegistryError
from lifeport_map.messages import msg
from lifeport_map.yamlio import load_yaml

Labels = dict[str, str]
BASIC_VOCABULARIES = ("phases", "activities", "roles", "kinds", "relation_types", "statuses", "precisions")
# Vocabularies of the facility, events and employees fields (issue 16).
FIELD_VOCABULARIES = ("facility_types", "technologies", "capacity_units", "event_types", "employee_scopes")


@dataclass(frozen=True)
class Term:
    """A vocabulary item with Dutch and English labels."""

    id: str
    label: Labels
    phase: str | None = None
    role: str | None = None

    def text(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("en") or self.id


@dataclass(frozen=True)
class View:
    """An alternative grouping of activities (the five pillars, the national categories)."""

    id: str
    label: Labels
    groups: tuple[tuple[Term, tuple[str, ...]], ...]
    source: dict[str, Any]


@dataclass(frozen=True)
class Taxonomy:
    phases: tuple[Term, ...]
    activities: tuple[Term, ...]
    roles: tuple[Term, ...]
    kinds: tuple[Term, ...]
    relation_types: tuple[Term, ...]
    statuses: tuple[Term, ...]
    precisions: tuple[Term, ...]
    knowledge_kinds: frozenset[str]
    views: tuple[View, ...]
    symmetric_relations: frozenset[str]
    facility_types: tuple[Term, ...] = ()
    technologies: tuple[Term, ...] = ()
    capacity_units: tuple[Term, ...] = ()
    event_types: tuple[Term, ...] = ()
    employee_scopes: tuple[Term, ...] = ()

    def vocabulary(self, name: str) -> tuple[str, ...]:
        terms: tuple[Term, ...] = getattr(self, name)
        return tuple(t.id for t in terms)

    @cached_property
    def phase_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.phases)

    @cached_property
    def activity_by_id(self) -> dict[str, Term]:
        return {a.id: a for a in self.activities}

    @cached_property
    def terms(self) -> dict[str, dict[str, Term]]:
        return {
            name: {t.id: t for t in getattr(self, name)}
            for name in (*BASIC_VOCABULARIES, *FIELD_VOCABULARIES)
        }

    def label(self, vocabulary: str, term_id: str, lang: str) -> str:
        term = self.terms[vocabulary].get(term_id)
        return term.text(lang) if term else term_id

    def activities_in_phase(self, phase: str) -> tuple[str, ...]:
        return tuple(a.id for a in self.activities if a.phase == phase)

    def phase_of(self, activity: str) -> str | None:
        term = self.activity_by_id.get(activity)
        return term.phase if term else None

    def role_of(self, activity: str) -> str | None:
        term = self.activity_by_id.get(activity)
        return term.role if term else None

    def view(self, view_id: str) -> View:
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(view_id)


def _terms(items: Any) -> tuple[Term, ...]:
    return tuple(
        Term(id=i["id"], label=dict(i["label"]), phase=i.get("phase"), role=i.get("role")) for i in items
    )


def load_taxonomy(path: Path) -> Taxonomy:
    """Load ``taxonomy.yaml``. The file ships with the package; a broken copy is reported."""
    doc = load_yaml(path)
    data = doc.data
    try:
        return Taxonomy(
            phases=_terms(data["phases"]),
            activities=_terms(data["activities"]),
            roles=_terms(data["roles"]),
            kinds=_terms(data["kinds"]),
            relation_types=_terms(data["relation_types"]),
            statuses=_terms(data["statuses"]),
            precisions=_terms(data["precisions"]),
            knowledge_kinds=frozenset(data["knowledge_kinds"]),
            views=tuple(
                View(
                    id=v["id"],
                    label=dict(v["label"]),
                    source=dict(v["source"]),
                    groups=tuple(
                        (Term(id=g["id"], label=dict(g["label"])), tuple(g["activities"]))
                        for g in v["groups"]
                    ),
                )
                for v in data["views"]
            ),
            symmetric_relations=frozenset(r["id"] for r in data["relation_types"] if r.get("symmetric")),
            facility_types=_terms(data["facility_types"]),
            technologies=_terms(data["technologies"]),
            capacity_units=_terms(data["capacity_units"]),
            event_types=_terms(data["event_types"]),
            employee_scopes=_terms(data["employee_scopes"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise RegistryError(
            [
                Issue(
                    code="taxonomy.invalid",
                    file=str(path),
                    line=1,
                    col=1,
                    text=msg("taxonomy.invalid", near=str(exc)),
                    help=msg("taxonomy.invalid/hint"),
                )
            ]
        ) from None
