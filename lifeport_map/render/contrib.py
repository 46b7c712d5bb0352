"""Reports of the contributor commands: fmt --check findings, an added entry, and registry
changes as text, Markdown (for a pull-request comment) or JSON.

Registry text is contributor input: it goes through ``terminal`` for the console, through
``github_data``/``github_property`` for annotations, and through ``markdown_cell`` for Markdown
(``safe.markdown_text``: no raw HTML, no links or mentions, no table breaks).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from lifeport_map.render.safe import github_data, github_property, markdown_text, terminal
from lifeport_map.results import Place, RegistryChanges

MAX_DIFF_LINES = 80


def format_report(
    path: str, out_of_order: Sequence[str], differing: Sequence[tuple[str, int]], diff: Sequence[str]
) -> str:
    """What ``fmt --check`` found, for a person at a terminal."""
    lines = [f"{terminal(path)}: not in canonical form; run 'lifeport-map fmt' to fix it"]
    if out_of_order:
        shown = ", ".join(terminal(i) for i in out_of_order[:20])
        more = f" and {len(out_of_order) - 20} more" if len(out_of_order) > 20 else ""
        lines.append(f"  entries out of order (sorted by id): {shown}{more}")
    for entry, line in differing:
        lines.append(f"  {terminal(path)}:{line}: {terminal(entry)} differs from its canonical form")
    if diff:
        lines.append("")
        lines.extend(terminal(d) for d in diff[:MAX_DIFF_LINES])
        if len(diff) > MAX_DIFF_LINES:
            lines.append(f"... ({len(diff) - MAX_DIFF_LINES} more diff lines)")
    return "\n".join(lines)


def format_annotations(path: str, differing: Sequence[tuple[str, int]]) -> str:
    """``fmt --check`` findings as GitHub annotations on the first differing line."""
    return "\n".join(
        f"::error file={github_property(path)},line={line},"
        f"title={github_property('fmt ' + entry)}::"
        + github_data(f"{entry} is not in canonical form; run 'lifeport-map fmt'")
        for entry, line in differing
    )


def _value(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if value is None:
        return "(none)"
    return str(value)


def _short(value: Any, limit: int = 80) -> str:
    text = _value(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _place(loc: Place) -> str:
    where = f"{loc.place}, {loc.municipality} ({loc.country})"
    if loc.lat is not None and loc.lon is not None:
        where += f" at {loc.lat}, {loc.lon}"
    return where


def _name(names: Mapping[str, str], lang: str) -> str:
    return names.get(lang) or names.get("en") or ""


def changes_text(changes: RegistryChanges, *, lang: str = "en") -> str:
    t = terminal
    out = [
        f"Registry changes {t(changes.old)} -> {t(changes.new)}: {changes.sites.old} -> "
        f"{changes.sites.new} sites; {len(changes.added)} added, "
        f"{len(changes.removed)} removed, {len(changes.moved)} moved, "
        f"{len(changes.changed)} changed"
    ]
    for title, sites, mark in (("Added", changes.added, "+"), ("Removed", changes.removed, "-")):
        if sites:
            out.append(f"\n{title} ({len(sites)}):")
            out.extend(
                f"  {mark} {t(s.id)}: {t(s.name)} ({t(s.organisation)}), "
                f"{t(s.municipality)} {t(s.country)}; phases: "
                f"{', '.join(s.phases) or 'none'}"
                for s in sites
            )
    if changes.moved:
        out.append(f"\nMoved ({len(changes.moved)}):")
        out.extend(f"  ~ {t(m.id)}: {t(_place(m.old))} -> {t(_place(m.new))}" for m in changes.moved)
    if changes.changed:
        out.append(f"\nChanged ({len(changes.changed)}):")
        for c in changes.changed:
            out.append(f"  * {t(c.id)}:")
            out.extend(f"      {t(f.field)}: {t(_short(f.old))} -> {t(_short(f.new))}" for f in c.fields)
    out.append("\nCoverage per region (default definitions, sites per phase):")
    unchanged = []
    for region in changes.coverage:
        if not region.changed:
            unchanged.append(region.region)
            continue
        counts = "; ".join(f"{p.phase} {p.old} -> {p.new}" for p in region.phases if p.old != p.new)
        notes = [f"gained {', '.join(region.gained)}"] if region.gained else []
        notes += [f"lost {', '.join(region.lost)}"] if region.lost else []
        out.append(
            f"  {t(region.region)} ({t(_name(region.name, lang))}): {counts}"
            + (f" ({'; '.join(notes)})" if notes else "")
        )
    if unchanged:
        out.append(f"  unchanged: {', '.join(t(r) for r in unchanged)}")
    if changes.claims is not None:
        out.append("\nClaims whose verdict changes:" if changes.claims else "\nNo claim's verdict changes.")
        out.extend(f"  {t(c.id)}: {c.old} -> {c.new}: {t(c.finding)}" for c in changes.claims)
    return "\n".join(out)


def markdown_cell(value: Any) -> str:
    """A value for a Markdown table cell (``safe.markdown_text`` of its text form)."""
    return markdown_text(_value(value))


def changes_markdown(changes: RegistryChanges, *, lang: str = "en") -> str:
    m = markdown_cell
    out = [
        f"### Registry changes: {m(changes.old)} → {m(changes.new)}",
        "",
        f"{changes.sites.old} → {changes.sites.new} sites: "
        f"**{len(changes.added)}** added, **{len(changes.removed)}** removed, "
        f"**{len(changes.moved)}** moved, **{len(changes.changed)}** changed.",
    ]
    for title, sites in (("Added", changes.added), ("Removed", changes.removed)):
        if sites:
            out += [
                "",
                f"#### {title}",
                "",
                "| id | name | organisation | municipality | phases |",
                "|---|---|---|---|---|",
            ]
            out += [
                f"| {m(s.id)} | {m(s.name)} | {m(s.organisation)} | "
                f"{m(s.municipality)} {m(s.country)} | {m(', '.join(s.phases))} |"
                for s in sites
            ]
    if changes.moved:
        out += ["", "#### Moved", "", "| id | from | to |", "|---|---|---|"]
        out += [f"| {m(x.id)} | {m(_place(x.old))} | {m(_place(x.new))} |" for x in changes.moved]
    if changes.changed:
        out += ["", "#### Changed", "", "| id | field | old | new |", "|---|---|---|---|"]
        out += [
            f"| {m(c.id)} | {m(f.field)} | {m(_short(f.old))} | {m(_short(f.new))} |"
            for c in changes.changed
            for f in c.fields
        ]
    touched = [r for r in changes.coverage if r.changed]
    out += ["", "#### Coverage per region", ""]
    if not touched:
        out.append("No region's coverage changed.")
    else:
        out += ["| region | phase | old | new | |", "|---|---|---|---|---|"]
        for region in touched:
            for p in region.phases:
                if p.old == p.new:
                    continue
                effect = "gained" if p.phase in region.gained else "lost" if p.phase in region.lost else ""
                out.append(f"| {m(_name(region.name, lang))} | {m(p.phase)} | {p.old} | {p.new} | {effect} |")
    if changes.claims is not None:
        out += ["", "#### Claims", ""]
        if not changes.claims:
            out.append("No claim's verdict changes.")
        else:
            out += ["| claim | old | new | registry |", "|---|---|---|---|"]
            out += [f"| {m(c.id)} | {m(c.old)} | {m(c.new)} | {m(c.finding)} |" for c in changes.claims]
    return "\n".join(out)


def changes_json(changes: RegistryChanges) -> str:
    return json.dumps(changes.to_json(), ensure_ascii=False, indent=2, allow_nan=False)


def entry_lines(lines: Sequence[str]) -> str:
    return "\n".join(terminal(line) for line in lines)
