"""Reports of the contributor commands: fmt --check findings, an added entry, and registry
changes as text, Markdown (for a pull-request comment) or JSON.

Registry text is contributor input: it goes through ``terminal`` for the console, through
``github_data``/``github_property`` for annotations, and through ``markdown_cell`` for Markdown
(``safe.markdown_text``: no raw HTML, no links or mentions, no table breaks).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from lifeport_map.messages import Text, msg, say
from lifeport_map.numbers import format_number
from lifeport_map.render.labels import LABELS, label
from lifeport_map.render.safe import github_data, github_property, markdown_text, terminal
from lifeport_map.results import Place, RegistryChanges

if TYPE_CHECKING:
    from lifeport_map.taxonomy import Taxonomy

MAX_DIFF_LINES = 80


def format_report(
    path: str,
    out_of_order: Sequence[str],
    differing: Sequence[tuple[str | Text, int]],
    diff: Sequence[str | Text],
    lang: str = "en",
) -> str:
    """What ``fmt --check`` found, for a person at a terminal, in ``lang``."""
    lines = [msg("fmt.check.not-canonical", path=terminal(path)).render(lang)]
    if out_of_order:
        shown = ", ".join(terminal(i) for i in out_of_order[:20])
        listed = (
            msg("fmt.check.out-of-order/more", ids=shown, more=len(out_of_order) - 20)
            if len(out_of_order) > 20
            else msg("fmt.check.out-of-order", ids=shown)
        )
        lines.append(f"  {listed.render(lang)}")
    for entry, line in differing:
        where = f"{terminal(path)}:{line}"
        lines.append(
            f"  {msg('fmt.check.differs', where=where, entry=terminal(say(entry, lang))).render(lang)}"
        )
    if diff:
        lines.append("")
        lines.extend(terminal(say(d, lang)) for d in diff[:MAX_DIFF_LINES])
        if len(diff) > MAX_DIFF_LINES:
            lines.append(msg("fmt.check.more-diff", more=len(diff) - MAX_DIFF_LINES).render(lang))
    return "\n".join(lines)


def format_annotations(path: str, differing: Sequence[tuple[str | Text, int]], lang: str = "en") -> str:
    """``fmt --check`` findings as GitHub annotations on the first differing line, in ``lang``."""
    return "\n".join(
        f"::error file={github_property(path)},line={line},"
        f"title={github_property('fmt ' + say(entry, lang))}::"
        + github_data(msg("fmt.check.annotation", entry=say(entry, lang)).render(lang))
        for entry, line in differing
    )


def _value(value: Any, lang: str = "en") -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if value is None:
        return label("diff_none", lang)
    return str(value)


def _short(value: Any, lang: str = "en", limit: int = 80) -> str:
    """A field's value on one line, cut at ``limit`` characters, except a value that holds ids
    (a relation's target, an id list): ids are copied into other commands, so they stay whole."""
    text = _value(value, lang)
    if len(text) <= limit or _holds_ids(value):
        return text
    return text[: limit - 1] + "…"


def _holds_ids(value: Any) -> bool:
    if isinstance(value, dict):
        return any(k in ("id", "target") or _holds_ids(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_ids(v) for v in value)
    return False


def _coordinate(value: float, lang: str) -> str:
    """A coordinate with every digit it was written with, in ``lang``'s decimal mark."""
    digits = repr(float(value)).partition(".")[2]
    return format_number(value, lang, decimals=len(digits) if digits.isdigit() else None)


def _place(loc: Place, lang: str = "en") -> str:
    where = f"{loc.place}, {loc.municipality} ({loc.country})"
    if loc.lat is not None and loc.lon is not None:
        separator = "; " if lang == "nl" else ", "  # the Dutch decimal mark is a comma
        where += (
            f" {label('diff_at', lang)} {_coordinate(loc.lat, lang)}{separator}{_coordinate(loc.lon, lang)}"
        )
    return where


def _name(names: Mapping[str, str], lang: str) -> str:
    return names.get(lang) or names.get("en") or ""


def _phase(phase: str, lang: str, taxonomy: Taxonomy | None) -> str:
    """A phase's label in ``lang`` (its id without a taxonomy)."""
    return taxonomy.label("phases", phase, lang) if taxonomy is not None else phase


def _phases(phases: Sequence[str], lang: str, taxonomy: Taxonomy | None) -> str:
    return ", ".join(_phase(p, lang, taxonomy) for p in phases)


def _verdict(verdict: str, lang: str) -> str:
    key = f"claim_{verdict}"
    return label(key, lang) if key in LABELS else verdict


def _summary(changes: RegistryChanges, lang: str) -> str:
    counts = {
        "old": changes.sites.old,
        "new": changes.sites.new,
        "added": len(changes.added),
        "removed": len(changes.removed),
        "moved": len(changes.moved),
        "changed": len(changes.changed),
    }
    return label("diff_summary", lang).format(**{k: format_number(v, lang) for k, v in counts.items()})


def changes_text(changes: RegistryChanges, *, lang: str = "en", taxonomy: Taxonomy | None = None) -> str:
    """The changes for a terminal in ``lang``; phases by their label in ``taxonomy`` (ids
    without one). Ids, field names and registry values are shown as they are."""
    t = terminal
    out = [f"{label('diff_title', lang)} {t(changes.old)} -> {t(changes.new)}: {_summary(changes, lang)}"]
    for key, sites, mark in (("diff_added", changes.added, "+"), ("diff_removed", changes.removed, "-")):
        if sites:
            out.append(f"\n{label(key, lang)} ({len(sites)}):")
            out.extend(
                f"  {mark} {t(s.id)}: {t(s.name)} ({t(s.organisation)}), "
                f"{t(s.municipality)} {t(s.country)}; {label('diff_phases', lang)}: "
                f"{_phases(s.phases, lang, taxonomy) or label('none', lang)}"
                for s in sites
            )
    if changes.moved:
        out.append(f"\n{label('diff_moved', lang)} ({len(changes.moved)}):")
        out.extend(
            f"  ~ {t(m.id)}: {t(_place(m.old, lang))} -> {t(_place(m.new, lang))}" for m in changes.moved
        )
    if changes.changed:
        out.append(f"\n{label('diff_changed', lang)} ({len(changes.changed)}):")
        for c in changes.changed:
            out.append(f"  * {t(c.id)}:")
            out.extend(
                f"      {t(f.field)}: {t(_short(f.old, lang))} -> {t(_short(f.new, lang))}" for f in c.fields
            )
    out.append(f"\n{label('diff_coverage', lang)}:")
    unchanged = []
    for region in changes.coverage:
        if not region.changed:
            unchanged.append(region.region)
            continue
        counts = "; ".join(
            f"{_phase(p.phase, lang, taxonomy)} {p.old} -> {p.new}" for p in region.phases if p.old != p.new
        )
        notes = (
            [f"{label('diff_gained', lang)} {_phases(region.gained, lang, taxonomy)}"]
            if region.gained
            else []
        )
        notes += [f"{label('diff_lost', lang)} {_phases(region.lost, lang, taxonomy)}"] if region.lost else []
        out.append(
            f"  {t(region.region)} ({t(_name(region.name, lang))}): {counts}"
            + (f" ({'; '.join(notes)})" if notes else "")
        )
    if unchanged:
        out.append(f"  {label('diff_unchanged', lang)}: {', '.join(t(r) for r in unchanged)}")
    if changes.claims is not None:
        out.append(
            f"\n{label('diff_claims', lang)}:"
            if changes.claims
            else f"\n{label('diff_no_claim_change', lang)}"
        )
        out.extend(
            f"  {t(c.id)}: {_verdict(c.old, lang)} -> {_verdict(c.new, lang)}: {t(c.finding)}"
            for c in changes.claims
        )
    return "\n".join(out)


def markdown_cell(value: Any, lang: str = "en") -> str:
    """A value for a Markdown table cell (``safe.markdown_text`` of its text form)."""
    return markdown_text(_value(value, lang))


def _header(lang: str, *keys: str) -> list[str]:
    """A Markdown table's header and rule; 'id' is the field's name in both languages, '' an
    empty heading."""
    names = [key if key in ("id", "") else label(f"diff_{key}", lang) for key in keys]
    return ["| " + " | ".join(names) + " |", "|" + "|".join("---" for _ in keys) + "|"]


def changes_markdown(changes: RegistryChanges, *, lang: str = "en", taxonomy: Taxonomy | None = None) -> str:
    """The changes as Markdown for a pull-request comment, in ``lang`` (see ``changes_text``)."""

    def m(value: Any) -> str:
        return markdown_cell(value, lang)

    out = [
        f"### {label('diff_title', lang)}: {m(changes.old)} → {m(changes.new)}",
        "",
        markdown_text(_summary(changes, lang).replace(" -> ", " → ")) + ".",
    ]
    for key, sites in (("diff_added", changes.added), ("diff_removed", changes.removed)):
        if sites:
            out += ["", f"#### {label(key, lang)}", ""]
            out += _header(lang, "id", "name", "organisation", "municipality", "phases")
            out += [
                f"| {m(s.id)} | {m(s.name)} | {m(s.organisation)} | "
                f"{m(s.municipality)} {m(s.country)} | {m(_phases(s.phases, lang, taxonomy))} |"
                for s in sites
            ]
    if changes.moved:
        out += ["", f"#### {label('diff_moved', lang)}", "", *_header(lang, "id", "from", "to")]
        out += [f"| {m(x.id)} | {m(_place(x.old, lang))} | {m(_place(x.new, lang))} |" for x in changes.moved]
    if changes.changed:
        out += ["", f"#### {label('diff_changed', lang)}", "", *_header(lang, "id", "field", "old", "new")]
        out += [
            f"| {m(c.id)} | {m(f.field)} | {m(_short(f.old, lang))} | {m(_short(f.new, lang))} |"
            for c in changes.changed
            for f in c.fields
        ]
    touched = [r for r in changes.coverage if r.changed]
    out += ["", f"#### {label('diff_coverage', lang)}", ""]
    if not touched:
        out.append(label("diff_no_coverage_change", lang))
    else:
        out += _header(lang, "region", "phase", "old", "new", "")
        for region in touched:
            for p in region.phases:
                if p.old == p.new:
                    continue
                effect = (
                    label("diff_gained", lang)
                    if p.phase in region.gained
                    else label("diff_lost", lang)
                    if p.phase in region.lost
                    else ""
                )
                out.append(
                    f"| {m(_name(region.name, lang))} | {m(_phase(p.phase, lang, taxonomy))} | "
                    f"{format_number(p.old, lang)} | {format_number(p.new, lang)} | {effect} |"
                )
    if changes.claims is not None:
        out += ["", "#### Claims", ""]
        if not changes.claims:
            out.append(label("diff_no_claim_change", lang))
        else:
            out += _header(lang, "claim", "old", "new", "registry")
            out += [
                f"| {m(c.id)} | {m(_verdict(c.old, lang))} | {m(_verdict(c.new, lang))} | {m(c.finding)} |"
                for c in changes.claims
            ]
    return "\n".join(out)


def changes_json(changes: RegistryChanges) -> str:
    return json.dumps(changes.to_json(), ensure_ascii=False, indent=2, allow_nan=False)


def entry_lines(lines: Sequence[str]) -> str:
    return "\n".join(terminal(line) for line in lines)


def added_report(
    entry_id: str,
    path: str,
    line: int,
    *,
    written: bool,
    place: tuple[str, float, float] | None,
    regions: Sequence[str],
    lang: str = "en",
) -> str:
    """What ``add`` did (or, not ``written``, would do) in ``lang``: where the entry starts,
    where its coordinates come from (``place``: a gazetteer place's name, lat and lon) and the
    regions it falls in. Coordinates have every digit they were written with."""
    if written:
        said = msg("add.added", id=terminal(entry_id), where=terminal(f"{path}:{line}"))
    else:  # the file is not written: no line of it to point at
        where = msg("add.dry-run-where", path=terminal(path), line=line)
        said = msg("add.would-add", id=terminal(entry_id), where=where)
    lines = [said.render(lang)]
    if place is not None:
        name, lat, lon = place
        coordinates = msg(
            "add.coordinates-place",
            place=terminal(name),
            lat=_coordinate(lat, lang),
            lon=_coordinate(lon, lang),
        )
        lines.append(coordinates.render(lang))
    else:
        lines.append(msg("add.no-coordinates").render(lang))
    listed = ", ".join(terminal(r) for r in regions) if regions else msg("add.no-region")
    lines.append(msg("add.regions", regions=listed).render(lang))
    return "\n".join(lines)
