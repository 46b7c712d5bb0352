"""Every message a person sees comes from the catalogue (``messages``), so that ``--lang nl``
shows Dutch and ``--lang en`` English: no error, hint or issue of the package is written as a
plain string. This test reads the source (it needs no input that triggers each error): a call of
an error class of the package, typer's ``BadParameter``, ``AnswerError`` (the reason ``add``
asks again) or ``Issue`` whose message or hint is a string literal or an f-string fails it, and
so does a line written to the terminal (``write``, ``echo``, ``print``, ``prompt``) whose fixed
text has a word other than the program's name.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import lifeport_map
from lifeport_map import errors

PACKAGE = Path(lifeport_map.__file__).resolve().parent
# The error classes whose text reaches a person.
ERROR_NAMES = {n for n, obj in vars(errors).items() if inspect.isclass(obj) and issubclass(obj, Exception)}
ERROR_NAMES |= {"DuplicateEntryError", "FormatError", "BadParameter", "AnswerError"}
ISSUE_TEXT_FIELDS = {"message", "hint"}
# Calls that put text in front of a person directly.
WRITERS = {"write", "echo", "secho", "print", "prompt", "confirm"}
# Words a written line may carry in both languages: the program's name.
NEUTRAL = {"lifeport", "map"}


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_text_literal(node: ast.expr | None) -> bool:
    """A string literal with a letter in it, or an f-string (its fixed parts are English)."""
    if isinstance(node, ast.JoinedStr):
        parts = [str(v.value) for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    else:
        return False
    return any(c.isalpha() for part in parts for c in part)


def _has_words(node: ast.expr) -> bool:
    """A literal, or the fixed parts of an f-string, with a word other than the program's name."""
    if isinstance(node, ast.JoinedStr):
        parts = [str(v.value) for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    else:
        return False
    words = {w.lower() for part in parts for w in re.findall(r"[^\W\d_]{2,}", part)}
    return bool(words - NEUTRAL)


def plain_messages(source: str, filename: str) -> list[str]:
    """Where ``source`` gives a person-facing message as a plain string: 'file:line name'."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name in ERROR_NAMES and name != "Issue":
            texts = [node.args[0]] if node.args else []
            texts += [k.value for k in node.keywords if k.arg in {"message", "hint"}]
        elif name == "Issue":
            texts = [k.value for k in node.keywords if k.arg in ISSUE_TEXT_FIELDS]
        elif name in WRITERS:
            if any(_has_words(a) for a in node.args):
                found.append(f"{filename}:{node.lineno} {name}")
            continue
        else:
            continue
        if any(_is_text_literal(t) for t in texts):
            found.append(f"{filename}:{node.lineno} {name}")
    return found


def test_no_message_of_the_package_is_a_plain_string() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += plain_messages(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert found == [], "messages not in the catalogue (use messages.msg):\n" + "\n".join(found)


def test_the_scan_finds_plain_strings_and_passes_catalogue_messages() -> None:
    source = (
        "raise UsageError(f'unknown region {r}', hint='use one of ...')\n"
        "raise typer.BadParameter('not a year')\n"
        "Issue(code='x', message='bad', hint=msg('x/hint'))\n"
        "raise UsageError(msg('error.unknown-region', region=r), hint=msg('error.unknown-region/hint'))\n"
        "Issue(code='x', text=msg('x'), help=msg('x/hint'), field='name')\n"
        "raise ValueError('internal, never shown')\n"
        "sys.stderr.write(f'{path}: already in canonical form\\n')\n"
        "sys.stderr.write(f'lifeport-map: {terminal(note.render(lang))}\\n')\n"
        "handle.write(text)\n"
    )
    assert plain_messages(source, "m.py") == [
        "m.py:1 UsageError",
        "m.py:2 BadParameter",
        "m.py:3 Issue",
        "m.py:7 write",
    ]
