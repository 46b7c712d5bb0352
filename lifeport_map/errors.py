"""The few domain exceptions, and :class:`Issue`, the one record every problem is reported as.

An Issue names the file, line and column, the entry and field it concerns, what is wrong and
how to fix it. Renderers (text, JSON, GitHub annotations) live in ``render/issues.py``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the input, with where it is and how to fix it."""

    code: str
    message: str
    hint: str = ""
    file: str = ""
    line: int = 0
    col: int = 0
    entry: str = ""
    field: str = ""
    severity: Severity = "error"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.col, self.code, self.message)


class LifeportError(Exception):
    """Base class of every error the package raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class YamlError(LifeportError):
    """A file could not be read or parsed; carries the one issue that stopped it."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message, hint=issue.hint)
        self.issue = issue
        self.exit_code = 3 if issue.code.startswith("io.") else 1


class FileErrors(YamlError):
    """Several problems of one file, each at its line, column and field: the first
    ``len(issues)`` of them (in file order) and how many ``more`` were found but not kept."""

    def __init__(self, issues: list[Issue], more: int = 0) -> None:
        super().__init__(issues[0])
        self.issues = issues
        self.more = more


class RegistryError(LifeportError):
    """The registry is invalid; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        errors = [i for i in issues if i.severity == "error"]
        super().__init__(
            f"the registry has {len(errors)} error(s)", hint="run 'lifeport-map validate' for the full list"
        )
        self.issues = issues
        self.exit_code = 3 if errors and all(i.code.startswith("io.") for i in errors) else 1


class UsageError(LifeportError):
    """The user asked for something that does not exist (unknown region, site, ...)."""

    exit_code = 2


class OutputError(LifeportError):
    """An output file could not be written."""

    exit_code = 3


class ChangedOnDiskError(OutputError):
    """A file changed on disk between reading it and replacing it: nothing was written."""
