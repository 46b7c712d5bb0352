"""An issue about one field of one site, positioned at that field in its file: shared by the
validator's modules (validate, validate_fields) so neither imports the other for it.
"""

from __future__ import annotations

from lifeport_map.errors import Issue, Severity
from lifeport_map.messages import Text
from lifeport_map.model import Site


def site_issue(
    site: Site, field: str, code: str, message: Text, hint: Text, severity: Severity = "error"
) -> Issue:
    """The issue ``code`` at ``field`` of ``site``; message and hint from the catalogue."""
    line, col = site.where(field) if field else (site.line, site.col)
    return Issue(
        code=code,
        text=message,
        help=hint,
        file=site.file,
        line=line,
        col=col,
        entry=site.id,
        field=field or "id",
        severity=severity,
    )
