"""Issue reports in three formats: text (file:line:col), JSON and GitHub annotations.

One issue type, several renderers (after yamllint). Every string from the registry passes
through ``render.safe`` first, so a contributor cannot forge annotations or terminal output.
Messages and hints are in ``lang`` (the catalogue in ``messages``); codes, files, positions,
entries, fields and the annotation syntax (``::error``) are the same in every language.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from lifeport_map.errors import Issue
from lifeport_map.messages import msg
from lifeport_map.render.safe import github_data, github_property, terminal


def summary(issues: Sequence[Issue], lang: str = "en") -> str:
    """'2 errors, 1 warning' ('2 fouten, 1 waarschuwing')."""
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors
    return msg(
        "summary",
        errors=msg("summary.errors.one") if errors == 1 else msg("summary.errors", n=errors),
        warnings=msg("summary.warnings.one") if warnings == 1 else msg("summary.warnings", n=warnings),
    ).render(lang)


def as_text(issues: Sequence[Issue], lang: str = "en") -> str:
    lines = []
    hint = msg("hint").render(lang)
    for issue in (i.in_lang(lang) for i in issues):
        where = terminal(issue.file or "-")
        if issue.line:
            where += f":{issue.line}:{issue.col or 1}"
        subject = ": ".join(terminal(p) for p in (issue.entry, issue.field) if p)
        severity = msg(f"severity.{issue.severity}").render(lang)
        head = f"{where}: {severity}: [{issue.code}]"
        if subject:
            head += f" {subject}:"
        lines.append(f"{head} {terminal(issue.message)}")
        if issue.hint:
            lines.append(f"    {hint}: {terminal(issue.hint)}")
    return "\n".join(lines)


def as_json(issues: Sequence[Issue], lang: str = "en") -> str:
    errors = sum(1 for i in issues if i.severity == "error")
    payload = {
        "valid": errors == 0,
        "errors": errors,
        "warnings": len(issues) - errors,
        "issues": [i.in_lang(lang).as_dict() for i in issues],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)


def as_github(issues: Sequence[Issue], lang: str = "en") -> str:
    lines = []
    hint = msg("hint").render(lang)
    for issue in (i.in_lang(lang) for i in issues):
        level = "error" if issue.severity == "error" else "warning"
        props = []
        if issue.file:
            props.append(f"file={github_property(issue.file)}")
        if issue.line:
            props.append(f"line={issue.line}")
            props.append(f"col={issue.col or 1}")
        title = f"{issue.code} {issue.entry}".strip()
        props.append(f"title={github_property(title)}")
        subject = ": ".join(p for p in (issue.entry, issue.field) if p)
        message = f"{subject}: {issue.message}" if subject else issue.message
        if issue.hint:
            message += f" ({hint}: {issue.hint})"
        lines.append(f"::{level} {','.join(props)}::{github_data(message)}")
    return "\n".join(lines)


RENDERERS = {"text": as_text, "json": as_json, "github": as_github}
