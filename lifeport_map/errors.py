"""The few domain exceptions, and :class:`Issue`, the one record every problem is reported as.

An Issue names the file, line and column, the entry and field it concerns, what is wrong and
how to fix it. Renderers (text, JSON, GitHub annotations) live in ``render/issues.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from lifeport_map.messages import Text, msg, say
from lifeport_map.text import terminal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the input, with where it is and how to fix it.

    ``text`` and ``help`` are the message and hint of the catalogue (``messages``); ``message``
    and ``hint`` are their English text, filled in from them. ``in_lang`` gives the issue with
    its message and hint in another language; code, file, line, col, entry and field stay.
    """

    code: str
    message: str = ""
    hint: str = ""
    file: str = ""
    line: int = 0
    col: int = 0
    entry: str = ""
    field: str = ""
    severity: Severity = "error"
    text: Text | None = None
    help: Text | None = None

    def __post_init__(self) -> None:
        if self.text is not None and not self.message:
            object.__setattr__(self, "message", self.text.render("en"))
        if self.help is not None and not self.hint:
            object.__setattr__(self, "hint", self.help.render("en"))

    def in_lang(self, lang: str) -> Issue:
        """This issue with its message and hint in ``lang``."""
        return replace(
            self,
            message=self.text.render(lang) if self.text is not None else self.message,
            hint=self.help.render(lang) if self.help is not None else self.hint,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "entry": self.entry,
            "field": self.field,
            "severity": self.severity,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.col, self.code, self.message)


NOTED_ISSUES = 5  # errors a RegistryError lists under its message in a traceback


def issue_line(issue: Issue) -> str:
    """``file:line:col: error: [code] entry: field: message`` on one line, safe to print."""
    where = (issue.file or "-") + (f":{issue.line}:{issue.col or 1}" if issue.line else "")
    subject = "".join(f"{part}: " for part in (issue.entry, issue.field) if part)
    line = f"{where}: {issue.severity}: [{issue.code}] {subject}{issue.message}"
    return terminal(line + (f" ({issue.hint})" if issue.hint else ""))


class LifeportError(Exception):
    """Base class of every error the package raises on purpose: a message and a hint, each a
    message of the catalogue (``messages.Text``) or, where none exists yet, a plain string.
    ``message`` and ``hint`` are the English text; ``in_lang`` gives both in a language."""

    exit_code = 1

    def __init__(self, message: str | Text, *, hint: str | Text = "") -> None:
        super().__init__(say(message, "en"))
        self.text = message
        self.help = hint
        self.message = say(message, "en")
        self.hint = say(hint, "en")
        if self.hint:
            # A traceback (a notebook's too) prints notes under the message: the hint, such as
            # "did you mean: nijmegen?", is seen where ``str(error)`` alone would hide it.
            self.add_note(terminal(self.hint))

    def in_lang(self, lang: str) -> tuple[str, str]:
        """The message and the hint in ``lang``."""
        return say(self.text, lang), say(self.help, lang)


class YamlError(LifeportError):
    """A file could not be read or parsed; carries the one issue that stopped it."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.text or issue.message, hint=issue.help or issue.hint)
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

    def __init__(self, issues: list[Issue], *, subject: str = "registry") -> None:
        errors = [i for i in issues if i.severity == "error"]
        self.subject = subject  # "registry" or "claims": which file the summary line names
        super().__init__(
            msg("error.registry-has-errors", errors=len(errors)), hint=msg("error.registry-has-errors/hint")
        )
        self.issues = issues
        self.exit_code = 3 if errors and all(i.code.startswith("io.") for i in errors) else 1
        # The errors themselves, for whoever sees only the traceback (the command line prints
        # ``issues`` instead): the first few, each where it is and what is wrong.
        for issue in errors[:NOTED_ISSUES]:
            self.add_note(issue_line(issue))
        if len(errors) > NOTED_ISSUES:
            self.add_note(f"... {len(errors) - NOTED_ISSUES} more in .issues")


class UsageError(LifeportError):
    """The user asked for something that does not exist (unknown region, site, ...)."""

    exit_code = 2


class OutputError(LifeportError):
    """An output file could not be written."""

    exit_code = 3


class ChangedOnDiskError(OutputError):
    """A file changed on disk between reading it and replacing it: nothing was written."""
