"""The canonical form of the registry file, and rewriting a file into it without losing anything.

Canonical means: entries sorted by id, keys in the order of the schema's field tables, scalars
quoted exactly when a YAML 1.1 or 1.2 reader could mistype them, two-space block indentation,
short lists of scalars in flow style. Comments and blank-line groups travel with the key or
entry they stand before (or, when indented deeper, with the block they close), and the file
keeps its LF or CRLF line endings. The result is always re-read with the strict loader and
must give the same data; a file is only replaced after that, atomically.
"""

from __future__ import annotations

import bisect
import difflib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lifeport_map.errors import Issue, LifeportError, RegistryError, YamlError
from lifeport_map.messages import Text, msg
from lifeport_map.schema import REGISTRY_FIELDS, Field
from lifeport_map.text import HIDDEN
from lifeport_map.yamlio import BOM, YList, YMap, decode, flow_list, parse, scalar_text, unpack

FLOW_WIDTH = 96  # a list of scalars longer than this is written one item per line
# Issues that formatting itself resolves (raw invisible characters inside values are written as
# escapes; one left in a comment stops fmt with its line)
FIXED_BY_FMT = frozenset({"order.not-canonical", "text.hidden-character"})
_UNUSUAL_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
_STRUCTURE_TOKENS = (
    yaml.StreamStartToken,
    yaml.StreamEndToken,
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.BlockEndToken,
)


class FormatError(LifeportError):
    """The file cannot be put in canonical form without risk (exit code 1)."""


# --- scalars -----------------------------------------------------------------------------------


def scalar(value: Any) -> str:
    """One scalar as canonical YAML (``yamlio.scalar_text``), refusing non-finite numbers."""
    try:
        return scalar_text(value)
    except ValueError:
        raise FormatError(msg("fmt.not-finite"), hint=msg("fmt.not-finite/hint")) from None


def _flow(items: list[Any]) -> str | None:
    """``yamlio.flow_list``, refusing non-finite numbers as ``scalar`` does."""
    try:
        return flow_list(items)
    except ValueError:
        raise FormatError(msg("fmt.not-finite"), hint=msg("fmt.not-finite/hint")) from None


# --- the layout of a file: nodes with their comments -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Comment:
    col: int
    text: str  # "" for a blank line, otherwise starts with '#'


@dataclass(eq=False, slots=True)
class _Node:
    """One key of a mapping or one item of a list, with the comments that belong to it."""

    key: str | None
    value: Any
    line: int  # 1-based; 0 for a node that is not in the file yet (add)
    col: int  # 0-based column of the key, or of the '-' of a block list item
    index: int
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    before: list[_Comment] = field(default_factory=list)
    eol: list[str] = field(default_factory=list)
    after: list[_Comment] = field(default_factory=list)

    @property
    def has_comments(self) -> bool:
        return bool(self.before or self.eol or self.after)

    def ancestors(self) -> list[_Node]:
        chain: list[_Node] = []
        node: _Node | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


def _build(node: _Node, lines: list[str], nodes: list[_Node]) -> None:
    value = node.value
    if isinstance(value, dict):
        for index, key in enumerate(value):
            line, col = 0, 0
            if isinstance(value, YMap) and key in value.key_positions:
                line, col = unpack(value.key_positions[key])
            child = _Node(key=key, value=value[key], line=line, col=max(col - 1, 0), index=index, parent=node)
            node.children.append(child)
            nodes.append(child)
            _build(child, lines, nodes)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            line, col = 0, 0
            if isinstance(value, YList) and index < len(value.positions):
                line, col = unpack(value.positions[index])
                col -= 1
                head = lines[line - 1][:col].rstrip() if 0 < line <= len(lines) else ""
                if head.endswith("-") and not head[:-1].strip(" -"):
                    col = len(head) - 1  # a block item: its column is that of the dash
            child = _Node(key=None, value=item, line=line, col=max(col, 0), index=index, parent=node)
            node.children.append(child)
            nodes.append(child)
            _build(child, lines, nodes)


def _content_spans(text: str, until_line: int | None = None) -> dict[int, list[tuple[int, int]]]:
    """Per 0-based line, the column ranges covered by YAML tokens (everything but comments).
    With ``until_line`` (0-based), only the lines up to it are needed: reading stops at the
    first token that starts after it (no later token can cover an earlier line)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        while True:
            token = loader.get_token()
            if token is None:
                break
            if until_line is not None and token.start_mark.line > until_line:
                break
            if isinstance(token, _STRUCTURE_TOKENS):
                continue
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) == (end.line, end.column):
                continue
            if start.line == end.line:
                spans.setdefault(start.line, []).append((start.column, end.column))
                continue
            spans.setdefault(start.line, []).append((start.column, 1 << 30))
            for middle in range(start.line + 1, end.line):
                spans.setdefault(middle, []).append((0, 1 << 30))
            spans.setdefault(end.line, []).append((0, max(end.column, 1)))
    finally:
        loader.dispose()
    return spans


def _comment_start(line: str, covered: list[tuple[int, int]]) -> int | None:
    for match in re.finditer("#", line):
        col = match.start()
        if col and line[col - 1] not in " \t":
            continue
        if not any(a <= col < b for a, b in covered):
            return col
    return None


def _is_flow(value: Any, lines: list[str]) -> bool:
    if not isinstance(value, (YMap, YList)):
        return False
    line, col = unpack(value.start)
    return 0 < line <= len(lines) and lines[line - 1][col - 1 : col] in ("[", "{")


def _prologue(lines: list[str]) -> int:
    """How many lines at the start are the document's prologue, kept as written: directives
    (``%YAML 1.2``, ``%TAG``) and the comments and blank lines among them, up to and including
    the ``---`` that starts the document. 0 when the document has no ``---`` line of its own."""
    for number, line in enumerate(lines):
        stripped = line.strip()
        if line.startswith("---") and line[3:4] in ("", " ", "\t"):
            rest = line[3:].strip()
            return number + 1 if not rest or rest.startswith("#") else 0
        if stripped and not stripped.startswith("#") and not line.startswith("%"):
            return 0
    return 0


def _attach_comments(root: _Node, nodes: list[_Node], lines: list[str], text: str, skip: int = 0) -> None:
    spans = _content_spans(text)
    starts = [n.line for n in nodes]
    run: list[tuple[int, _Comment]] = []  # full-line comments and blanks since the last content

    def place(run_end_line: int) -> None:
        index = bisect.bisect_right(starts, run_end_line)
        after_node = nodes[index] if index < len(nodes) else None
        previous = nodes[index - 1] if index > 0 else None
        targets: list[list[_Comment] | None] = []
        for _, comment in run:
            target: list[_Comment] | None = None
            if comment.text:
                target = after_node.before if after_node is not None else root.after
                limit = after_node.col if after_node is not None else -1
                if previous is not None and comment.col > limit:
                    closing = [a for a in previous.ancestors() if a.col < comment.col or a is root]
                    owner = closing[0] if closing else root
                    if after_node is None or owner not in after_node.ancestors():
                        target = owner.after
            targets.append(target)
        following: list[_Comment] | None = after_node.before if after_node is not None else root.after
        for i in range(len(run) - 1, -1, -1):  # a blank line goes with the comment below it
            if targets[i] is None:
                targets[i] = following
            following = targets[i]
        for (_, comment), target in zip(run, targets, strict=True):
            assert target is not None
            target.append(comment)
        run.clear()

    for number, line in enumerate(lines, start=1):
        if number <= skip:  # the prologue: written back as it is
            continue
        covered = spans.get(number - 1)
        if covered is None:
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                raise FormatError(msg("fmt.unplaced-line", line=number), hint=msg("fmt.unplaced-line/hint"))
            run.append((number, _Comment(col=len(line) - len(line.lstrip()), text=stripped.rstrip())))
            continue
        if run:
            place(run[-1][0])
        col = _comment_start(line, covered)
        if col is None:
            continue
        comment = line[col:].rstrip()
        index = bisect.bisect_right(starts, number) - 1
        if index >= 0:
            owner = nodes[index]
            # a comment after a one-line [flow] or {flow} value belongs to its key, not to
            # the last item inside the brackets
            while (
                owner.parent is not None
                and owner.parent.line == number
                and _is_flow(owner.parent.value, lines)
            ):
                owner = owner.parent
            owner.eol.append(comment)
        elif nodes:
            nodes[0].before.append(_Comment(col=0, text=comment))
        else:
            root.after.append(_Comment(col=0, text=comment))
    if run:
        place(run[-1][0])


# --- writing the canonical form ----------------------------------------------------------------


def _fields_of(spec: Field | None) -> tuple[Field, ...] | None:
    if spec is None:
        return None
    if spec.type == "map":
        return spec.fields
    if spec.type == "list" and spec.items is not None and spec.items.type == "map":
        return spec.items.fields
    return None


def _ordered_keys(children: list[_Node], fields: tuple[Field, ...] | None) -> list[_Node]:
    if not fields:
        return list(children)
    rank = {f.name: i for i, f in enumerate(fields)}
    return sorted(children, key=lambda n: (rank.get(str(n.key), len(rank)), n.index))


def _sorted_entries(children: list[_Node]) -> list[_Node]:
    def key(node: _Node) -> tuple[int, str, int]:
        value = node.value
        site_id = value.get("id") if isinstance(value, dict) else None
        if isinstance(site_id, str):
            return (0, site_id, node.index)
        return (1, "", node.index)

    return sorted(children, key=key)


class _Writer:
    def __init__(self, *, opened: bool = False) -> None:
        self.lines: list[str] = []
        self.opened = opened  # the last line opened a block: no blank line right after it

    def comments(self, comments: list[_Comment], indent: int) -> None:
        for comment in comments:
            if not comment.text and self.opened:
                continue
            # a comment written at column 0 stays there (inside an entry as well); others
            # take the indentation of what they belong to
            self.lines.append((" " * indent if comment.col else "") + comment.text if comment.text else "")
            self.opened = False

    def line(self, text: str, eol: list[str]) -> None:
        self.lines.append(f"{text}  {'  '.join(eol)}" if eol else text)
        self.opened = text.endswith(":")

    def mapping(
        self,
        node: _Node,
        indent: int,
        fields: tuple[Field, ...] | None,
        *,
        sort_entries: frozenset[str] = frozenset(),
    ) -> None:
        spec_by_name = {f.name: f for f in fields or ()}
        for child in _ordered_keys(node.children, fields):
            self.key(child, indent, spec_by_name.get(str(child.key)), sort_entries=sort_entries)

    def key(
        self,
        node: _Node,
        indent: int,
        spec: Field | None,
        *,
        sort_entries: frozenset[str] = frozenset(),
        hoisted: bool = False,
    ) -> None:
        pad = " " * indent
        if not hoisted:
            self.comments(node.before, indent)
        head = f"{pad}{scalar(node.key)}:"
        value = node.value
        inner = _fields_of(spec)
        if isinstance(value, dict) and value:
            self.line(head, node.eol)
            self.mapping(node, indent + 2, inner)
        elif isinstance(value, list) and value:
            flow = None if any(c.has_comments for c in node.children) else _flow(value)
            if flow is not None and len(pad) + len(str(node.key)) + len(flow) < FLOW_WIDTH:
                self.line(f"{head} {flow}", node.eol)
            else:
                self.line(head, node.eol)
                children = node.children
                if node.key in sort_entries and node.parent is not None and node.parent.parent is None:
                    children = _sorted_entries(children)
                for item in children:
                    self.item(item, indent + 2, inner)
        elif isinstance(value, (dict, list)):
            self.line(f"{head} {'{}' if isinstance(value, dict) else '[]'}", node.eol)
        else:
            self.line(f"{head} {scalar(value)}", node.eol)
        self.comments(node.after, indent + 2)

    def item(self, node: _Node, indent: int, fields: tuple[Field, ...] | None) -> None:
        pad = " " * indent
        value = node.value
        if isinstance(value, dict) and value:
            ordered = _ordered_keys(node.children, fields)
            first = ordered[0]
            # comments above the first key cannot sit between '-' and the key: put them above
            self.comments(node.before + first.before, indent)
            body = _Writer(opened=True)
            spec_by_name = {f.name: f for f in fields or ()}
            for position, child in enumerate(ordered):
                body.key(child, indent + 2, spec_by_name.get(str(child.key)), hoisted=position == 0)
            body.lines[0] = f"{pad}- {body.lines[0][indent + 2 :]}"
            if node.eol:
                body.lines[0] = f"{body.lines[0]}  {'  '.join(node.eol)}"
            self.lines.extend(body.lines)
            self.opened = body.opened
        else:
            self.comments(node.before, indent)
            if isinstance(value, list) and value:
                flow = _flow(value)
                if flow is None or any(c.has_comments for c in node.children):
                    raise FormatError(msg("fmt.list-in-list"), hint=msg("fmt.list-in-list/hint"))
                self.line(f"{pad}- {flow}", node.eol)
            elif isinstance(value, (dict, list)):
                self.line(f"{pad}- {'{}' if isinstance(value, dict) else '[]'}", node.eol)
            else:
                self.line(f"{pad}- {scalar(value)}", node.eol)
        self.comments(node.after, indent + 2)


def _tidy(lines: list[str]) -> list[str]:
    """No blank lines at the start or end, and never two in a row."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def line_ending(text: str) -> str:
    """The file's line-ending style: CRLF when most of its line breaks are CRLF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _shape(value: Any) -> Any:
    """A comparable form that tells 1, 1.0, True and '1' apart."""
    if isinstance(value, dict):
        return ("map", tuple(sorted((k, _shape(v)) for k, v in value.items())))
    if isinstance(value, list):
        return ("list", tuple(_shape(v) for v in value))
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


def canonical_data(data: Any) -> Any:
    """The shape of registry data with its entries in canonical order (for comparisons)."""
    if isinstance(data, dict) and isinstance(data.get("sites"), list):
        sites = data["sites"]
        order = sorted(
            range(len(sites)),
            key=lambda i: (
                (0, sites[i]["id"], i)
                if isinstance(sites[i], dict) and isinstance(sites[i].get("id"), str)
                else (1, "", i)
            ),
        )
        data = {**data, "sites": [sites[i] for i in order]}
    return _shape(data)


_COMMENT_CANDIDATE = re.compile(r"(?:^|[ \t])#", re.MULTILINE)


def comments_of(text: str) -> list[str]:
    """Every comment in a YAML text, in order (to prove formatting kept them all). A comment
    starts with a '#' at the start of a line or after a blank; only lines with such a '#' are
    looked at, and the text is read only as far as the last of them."""
    candidates: list[int] = []  # 0-based numbers of the lines with a possible comment
    line, counted = 0, 0
    for match in _COMMENT_CANDIDATE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if not candidates or candidates[-1] != line:
            candidates.append(line)
    if not candidates:
        return []
    spans = _content_spans(text, until_line=candidates[-1])
    lines = text.split("\n")
    found = []
    for number in candidates:
        col = _comment_start(lines[number], spans.get(number, []))
        if col is not None:
            found.append(lines[number][col:].rstrip())
    return found


def format_text(
    text: str, *, path: Path = Path("<registry>"), extra_sites: Sequence[dict[str, Any]] = ()
) -> str:
    """The canonical form of a registry text (with ``extra_sites`` inserted in order).

    Raises :class:`YamlError` when the text is not valid YAML for the strict loader, and
    :class:`FormatError` when the result would not read back to the same data and comments.
    """
    ending = line_ending(text)
    body = text.replace("\r\n", "\n")
    for unusual in _UNUSUAL_BREAKS:
        if unusual in body:
            where = body.count("\n", 0, body.index(unusual)) + 1
            raise FormatError(
                msg("fmt.unusual-break", line=where, character=f"U+{ord(unusual):04X}"),
                hint=msg("fmt.unusual-break/hint"),
            )
    data = parse(body, path)
    if not isinstance(data, dict):
        raise FormatError(msg("schema.type/registry"), hint=msg("schema.type/registry-hint"))
    lines = body.split("\n")
    root = _Node(key=None, value=data, line=0, col=-1, index=0)
    nodes: list[_Node] = []
    _build(root, lines, nodes)
    prologue = _prologue(lines)
    _attach_comments(root, nodes, lines, body, skip=prologue)
    if extra_sites:
        sites_node = next((n for n in root.children if n.key == "sites"), None)
        if sites_node is None or not isinstance(sites_node.value, list):
            raise FormatError(msg("fmt.no-sites-list"), hint=msg("schema.type/registry-hint"))
        for site in extra_sites:
            new = _Node(
                key=None, value=site, line=0, col=0, index=len(sites_node.children), parent=sites_node
            )
            _build(new, lines, [])
            sites_node.children.append(new)
        sites_node.value = [*sites_node.value, *extra_sites]
        data = {**data, "sites": sites_node.value}
    writer = _Writer()
    writer.mapping(root, 0, REGISTRY_FIELDS, sort_entries=frozenset({"sites"}))
    writer.comments(root.after, 0)
    output = "\n".join([*lines[:prologue], *_tidy(writer.lines)]) + "\n"
    hidden = HIDDEN.search(output)
    if hidden:
        at = body.find(hidden.group())
        where = body.count("\n", 0, at) + 1 if at >= 0 else output.count("\n", 0, hidden.start()) + 1
        raise FormatError(
            msg(
                "fmt.hidden-in-comment", path=str(path), line=where, character=f"U+{ord(hidden.group()):04X}"
            ),
            hint=msg("fmt.hidden-in-comment/hint"),
        )
    if output != body:  # the text unchanged reads back to itself: nothing to prove
        _verify(data, body, output, path)
    return output.replace("\n", ending) if ending != "\n" else output


def _verify(data: Any, original: str, output: str, path: Path) -> None:
    try:
        reread = parse(output, path)
    except YamlError:
        reread = None
    if reread is None or canonical_data(reread) != canonical_data(data):
        raise FormatError(msg("fmt.not-same-data", path=str(path)), hint=msg("fmt.not-same-data/hint"))
    if sorted(comments_of(original)) != sorted(comments_of(output)):
        raise FormatError(msg("fmt.comment-lost", path=str(path)), hint=msg("fmt.report/hint"))


# --- files ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormatOutcome:
    """What formatting a file found: its bytes before and after, and where they differ."""

    path: Path
    original: bytes
    formatted: bytes
    out_of_order: list[str]  # ids of entries that move
    # (entry id, or a message naming another part such as the file header; first differing line)
    differing_entries: list[tuple[str | Text, int]]
    diff: list[str | Text]  # unified diff of the lines, without line endings; headers are messages
    notes: tuple[Text, ...] = ()  # what an earlier, interrupted run left and this one cleaned up

    @property
    def changed(self) -> bool:
        return self.original != self.formatted


def _entry_starts(data: Any) -> list[tuple[int, str]]:
    sites = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(sites, YList):
        return []
    starts = []
    for index, site in enumerate(sites):
        site_id = site.get("id") if isinstance(site, dict) else None
        line = unpack(sites.positions[index])[0] if index < len(sites.positions) else 0
        starts.append((line, site_id if isinstance(site_id, str) else f"sites[{index}]"))
    return starts


def _longest_increasing(ids: list[str]) -> list[str]:
    """The largest set of entries already in sorted order: the others are the ones to move
    (patience sorting, n log n)."""
    tails: list[int] = []  # index into ids of the smallest tail of each length
    tail_ids: list[str] = []  # ids[t] for t in tails, kept beside it for bisect
    previous: list[int] = [-1] * len(ids)
    for i, site_id in enumerate(ids):
        position = bisect.bisect_left(tail_ids, site_id)
        if position:
            previous[i] = tails[position - 1]
        if position == len(tails):
            tails.append(i)
            tail_ids.append(site_id)
        else:
            tails[position] = i
            tail_ids[position] = site_id
    chain: list[str] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append(ids[index])
        index = previous[index]
    return chain[::-1]


DIFF_LINES = 200  # diff lines computed for the report (it shows fewer)
DIFF_BLOCK_LINES = 2000  # an entry longer than this is reported without a line diff


def _blocks(lines: list[str], starts: list[tuple[int, str]]) -> tuple[list[str], list[tuple[str, int, int]]]:
    """The file header and each entry's (name, first line, end line), 1-based and end-exclusive;
    an entry's own comments and blank lines above it count as its own."""
    firsts = []
    for line, _ in starts:
        while line > 1 and (not lines[line - 2].strip() or lines[line - 2].lstrip().startswith("#")):
            line -= 1
        firsts.append(line)
    ends = [*firsts[1:], len(lines) + 1]
    header = lines[: firsts[0] - 1] if firsts else lines
    return header, [(name, a, b) for (_, name), a, b in zip(starts, firsts, ends, strict=True)]


def _hunks(old: list[str], new: list[str], old_start: int, new_start: int) -> list[str | Text]:
    """Unified-diff hunks of one entry, numbered by the lines of the whole files."""
    if len(old) > DIFF_BLOCK_LINES or len(new) > DIFF_BLOCK_LINES:
        return [msg("fmt.diff.too-long", hunk=f"@@ -{old_start},{len(old)} +{new_start},{len(new)} @@")]
    out: list[str | Text] = []
    for line in list(difflib.unified_diff(old, new, lineterm="", n=1))[2:]:
        match = _HUNK.match(line)
        if match:
            a, b, c, d = (int(g) if g is not None else 1 for g in match.groups())
            line = f"@@ -{a + old_start - 1},{b} +{c + new_start - 1},{d} @@"
        out.append(line)
    return out


def _first_difference(old: list[str], new: list[str]) -> int:
    """Index in ``old`` of its first line that differs from ``new``, blank lines above the
    entry aside (the canonical form drops some of them, which is not worth pointing at)."""
    skip_old = next((i for i, line in enumerate(old) if line.strip()), len(old))
    skip_new = next((i for i, line in enumerate(new) if line.strip()), len(new))
    for i, (x, y) in enumerate(zip(old[skip_old:], new[skip_new:], strict=False)):
        if x != y:
            return skip_old + i
    return min(skip_old + len(new) - skip_new, max(len(old) - 1, 0))


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def describe_changes(
    path: Path, original: str, formatted: str
) -> tuple[list[str], list[tuple[str | Text, int]], list[str | Text]]:
    """Entries out of order, entries whose text differs (with a line) and a unified diff.

    Entry by entry, so it stays linear however the file is shuffled: each entry's lines are
    compared with the same entry's lines in the canonical text, and only the first differing
    entries get a line diff (as many as the report shows)."""
    old_lines = original.replace("\r\n", "\n").split("\n")
    new_lines = formatted.replace("\r\n", "\n").split("\n")
    old_starts = _entry_starts(parse(original.replace("\r\n", "\n"), path))
    new_starts = _entry_starts(parse(formatted.replace("\r\n", "\n"), path))
    ids = [site_id for _, site_id in old_starts]
    staying = set(_longest_increasing(ids))
    out_of_order = [site_id for site_id in ids if site_id not in staying]
    old_header, old_blocks = _blocks(old_lines, old_starts)
    new_header, new_blocks = _blocks(new_lines, new_starts)
    canonical: dict[str, tuple[int, int]] = {}
    for name, a, b in new_blocks:
        canonical.setdefault(name, (a, b))
    differing: dict[str | Text, int] = {}
    diff: list[str | Text] = [msg("fmt.diff.now", path=str(path)), msg("fmt.diff.canonical", path=str(path))]
    if old_header != new_header:
        differing[msg("fmt.part.file-header")] = next(
            (i + 1 for i, (x, y) in enumerate(zip(old_header, new_header, strict=False)) if x != y),
            min(len(old_header), len(new_header)) + 1,
        )
        diff += _hunks(old_header, new_header, 1, 1)
    for name, a, b in old_blocks:
        old = old_lines[a - 1 : b - 1]
        where = canonical.get(name)
        new = new_lines[where[0] - 1 : where[1] - 1] if where else []
        if name not in staying or old != new:
            differing.setdefault(name, a if name not in staying else a + _first_difference(old, new))
            if len(diff) < DIFF_LINES:
                if name in staying:
                    diff += _hunks(old, new, a, where[0] if where else 1)
                else:  # moved: removed here, added where it belongs
                    diff += _hunks(old, [], a, 1)
                    diff += _hunks([], new, 1, where[0] if where else 1)
    if original.count("\r\n") not in (0, original.count("\n")):
        differing.setdefault(msg("fmt.part.mixed-endings"), 1)
    return out_of_order, sorted(differing.items(), key=lambda kv: kv[1]), diff if len(diff) > 2 else []


def read_bytes(path: Path) -> bytes:
    """The registry file's bytes, with the same checks and messages as the loader."""
    from lifeport_map import fileio
    from lifeport_map.registry import max_bytes

    raw = fileio.read_bytes(path, max_bytes=max_bytes(), too_large="yaml.too-large", given_by="--registry")
    decode(raw, path)
    return raw


def blocking_errors(
    path: Path, regions_dir: Path | None, *, ignore: frozenset[str] = FIXED_BY_FMT
) -> list[Issue]:
    """Errors in the registry file itself that make it unsafe to rewrite."""
    return checked_for_edit(path, regions_dir, ignore=ignore)[1]


def checked_for_edit(
    path: Path, regions_dir: Path | None, *, ignore: frozenset[str] = FIXED_BY_FMT, regions: bool = False
) -> tuple[Any, list[Issue]]:
    """The registry read from ``path`` with every check, and the errors in the registry file
    itself (or that stop it being read) that make it unsafe to rewrite; with ``regions`` also
    the errors of the region files (``add`` places the new site in the regions)."""
    from lifeport_map.registry import check_registry

    result = check_registry(path, regions_dir)
    folder = Path(result.registry.regions_dir).resolve() if regions and result.registry is not None else None
    errors = [
        i
        for i in result.errors
        if i.code not in ignore
        and (
            i.file == str(path)
            or i.code.startswith(("io.", "yaml."))
            or (folder is not None and bool(i.file) and Path(i.file).resolve().is_relative_to(folder))
        )
    ]
    return result.registry, errors


def verify_output(path: Path, output: bytes, regions_dir: Path | None, expected_data: Any) -> list[Issue]:
    """Run every check on ``output`` as if it were ``path``; raise if anything is wrong,
    otherwise return the warnings about the registry file."""
    from dataclasses import replace

    from lifeport_map.registry import check_registry

    with tempfile.TemporaryDirectory(prefix="lifeport-fmt-") as folder:
        candidate = Path(folder) / path.name
        candidate.write_bytes(output)
        result = check_registry(candidate, regions_dir)
        issues = [replace(i, file=str(path)) for i in result.issues if i.file == str(candidate)]
        errors = [i for i in issues if i.severity == "error"]
        errors += [
            i for i in result.errors if i.code.startswith(("io.", "yaml.")) and i.file != str(candidate)
        ]
        if errors:
            raise RegistryError(errors)
        reread = parse(decode(output, candidate), candidate)
    if canonical_data(reread) != canonical_data(expected_data):
        raise FormatError(msg("fmt.result-differs", path=str(path)), hint=msg("fmt.report/hint"))
    return [i for i in issues if i.severity == "warning"]


def plan_format(path: Path, regions_dir: Path | None = None, *, verify: bool = True) -> FormatOutcome:
    """Read, check and format ``path`` without writing anything. ``verify`` also runs every
    check on the result as if it were the file (needed before writing it; ``format_text``
    itself already proves that it reads back to the same data and comments)."""
    original = read_bytes(path)
    text = decode(original, path)
    errors = blocking_errors(path, regions_dir)
    if errors:
        raise RegistryError(errors)
    formatted_text = format_text(text, path=path)
    formatted = formatted_text.encode("utf-8")
    out_of_order: list[str] = []
    differing: list[tuple[str | Text, int]] = []
    diff: list[str | Text] = []
    if formatted != original:
        if verify:
            verify_output(path, formatted, regions_dir, parse(text.replace("\r\n", "\n"), path))
        out_of_order, differing, diff = describe_changes(path, text, formatted_text)
        if original.startswith(BOM):  # the one change the text itself does not show
            differing.insert(0, (msg("fmt.part.bom"), 1))
    return FormatOutcome(
        path=path,
        original=original,
        formatted=formatted,
        out_of_order=out_of_order,
        differing_entries=differing,
        diff=diff,
    )


def format_file(path: Path, regions_dir: Path | None = None, *, check: bool = False) -> FormatOutcome:
    """Put ``path`` in canonical form (unless ``check``); atomic, keeping permissions, refusing
    a symbolic link and a file that changed on disk since it was read."""
    import dataclasses

    from lifeport_map.fileio import clean_up, write_bytes_atomic

    # what a killed run left is dealt with first: a write in place it began is completed
    notes = [] if check else clean_up(path)
    outcome = plan_format(path, regions_dir, verify=not check)
    if outcome.changed and not check:
        notes += write_bytes_atomic(path, outcome.formatted, expected=outcome.original)
    return dataclasses.replace(outcome, notes=tuple(notes))
