"""`lifeport-map fmt`: the canonical form, what it keeps, and how it refuses to do harm."""

from __future__ import annotations

import os
import random
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifeport_map import fmt as fmt_module
from lifeport_map import yamlio as yamlio_module
from lifeport_map.errors import OutputError, RegistryError, YamlError
from lifeport_map.fmt import FormatError, canonical_data, comments_of, format_file, format_text
from lifeport_map.registry import read_registry
from lifeport_map.yamlio import needs_quotes, parse

CONTRIB = Path(__file__).resolve().parent / "fixtures" / "contrib"
REGIONS = CONTRIB / "regions"
SHIPPED = ROOT / "data" / "companies.yaml"


def _copy(tmp_path: Path, name: str, *, crlf: bool = False) -> Path:
    text = (CONTRIB / name).read_text(encoding="utf-8")
    target = tmp_path / "companies.yaml"
    target.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    return target


def _sites(path: Path) -> Any:
    result = read_registry(path, REGIONS if path.parent != SHIPPED.parent else None)
    assert result.registry is not None
    return canonical_data(parse(path.read_text(encoding="utf-8").replace("\r\n", "\n"), path))


# --- the canonical form -------------------------------------------------------------------------


def test_shipped_registry_is_in_canonical_form() -> None:
    done = run_cli("fmt", "--check")
    assert done.returncode == 0, done.stdout + done.stderr
    text = SHIPPED.read_text(encoding="utf-8")
    assert format_text(text, path=SHIPPED) == text


def test_messy_file_becomes_the_hand_written_canonical_form() -> None:
    messy = (CONTRIB / "messy.yaml").read_text(encoding="utf-8")
    expected = (CONTRIB / "messy.canonical.yaml").read_text(encoding="utf-8")
    assert format_text(messy) == expected
    assert format_text(expected) == expected


def test_canonical_fixture_is_left_alone() -> None:
    text = (CONTRIB / "companies.yaml").read_text(encoding="utf-8")
    assert format_text(text) == text


@pytest.mark.parametrize(
    "value",
    [
        "NO",
        "no",
        "on",
        "Off",
        "y",
        "0042",
        "12:30",
        "2024-01-01",
        "1e3",
        ".nan",
        "null",
        "true",
        "12",
        "-1.5",
        " padded",
        "a: b",
        "x #y",
        "[list]",
        "- item",
        "@handle",
    ],
)
def test_strings_that_readers_would_mistype_are_quoted(value: str) -> None:
    out = format_text(f"sites:\n  - id: a\n    name: {yaml.safe_dump(value, default_style=chr(34))}")
    assert '"' in out.splitlines()[2]
    data = yaml.safe_load(out)  # a YAML 1.1 reader sees text too
    assert data["sites"][0]["name"] == value
    assert parse(out, Path("x"))["sites"][0]["name"] == value


@pytest.mark.parametrize(
    "value",
    [
        "line\u2028break",
        "next\x85line",
        "del\x7f",
        "bom\ufeff",
        "tab\there",
        "new\nline",
        'quote " and \\ backslash',
        "😀",
    ],
)
def test_awkward_characters_are_escaped_and_read_back(value: str) -> None:
    source = (
        "sites:\n  - id: a\n    name: "
        + yaml.safe_dump(value, default_style='"', allow_unicode=False).strip()
        + "\n"
    )
    out = format_text(source)
    assert parse(out, Path("x"))["sites"][0]["name"] == value
    assert format_text(out) == out


def test_floats_stay_floats() -> None:
    out = format_text("sites:\n  - id: a\n    lat: 1.0e+16\n    lon: 0.000010\n")
    assert parse(out, Path("x"))["sites"][0] == {"id": "a", "lat": 1e16, "lon": 1e-05}
    assert "lat: 1.0e+16" in out


def test_unusual_line_breaks_are_refused() -> None:
    with pytest.raises(FormatError, match="line 2"):
        format_text("sites:\n  - id: a\r    name: x\n")


def test_a_list_item_comment_keeps_the_list_in_block_style() -> None:
    out = format_text("sites:\n  - id: a\n    aliases:\n      - x  # why x\n      - y\n")
    assert "      - x  # why x\n" in out
    assert format_text(out) == out


# --- files: what fmt keeps ----------------------------------------------------------------------


def test_fmt_keeps_comments_crlf_and_permissions(tmp_path: Path) -> None:
    target = _copy(tmp_path, "messy.yaml", crlf=True)
    target.chmod(0o640)
    before_comments = comments_of(target.read_text(encoding="utf-8").replace("\r\n", "\n"))
    before_data = _sites(target)

    done = run_cli("--registry", str(target), "--regions", str(REGIONS), "fmt")
    assert done.returncode == 0, done.stderr

    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    raw = target.read_bytes()
    expected = (CONTRIB / "messy.canonical.yaml").read_text(encoding="utf-8")
    assert raw == expected.replace("\n", "\r\n").encode("utf-8")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert sorted(comments_of(raw.decode().replace("\r\n", "\n"))) == sorted(before_comments)
    assert _sites(target) == before_data
    assert {p.name for p in tmp_path.iterdir()} == {"companies.yaml"}

    mtime = target.stat().st_mtime_ns
    again = run_cli("--registry", str(target), "--regions", str(REGIONS), "fmt")
    assert again.returncode == 0
    assert again.stderr == f"{target}: staat al in de vaste vorm\n"  # Dutch by default
    assert target.read_bytes() == raw and target.stat().st_mtime_ns == mtime


def test_fmt_reads_through_a_symlink_but_never_writes_through_one(tmp_path: Path) -> None:
    """A link inside the registry's folder may be read (fmt --check), but fmt refuses to write
    through it (exit 3): a planted link must not redirect a write."""
    target = _copy(tmp_path, "messy.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(target.name)
    before = target.read_bytes()

    check = run_cli("--registry", str(link), "--regions", str(REGIONS), "fmt", "--check")
    assert check.returncode == 1, check.stderr
    done = run_cli("--registry", str(link), "--regions", str(REGIONS), "fmt")
    assert done.returncode == 3, done.stderr
    assert "is een symbolische koppeling; er wordt niet via geschreven" in done.stderr
    assert "Traceback" not in done.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_bytes() == before
    assert {p.name for p in tmp_path.iterdir()} == {"companies.yaml", "link.yaml"}


def test_check_names_the_entries_and_changes_nothing(tmp_path: Path) -> None:
    target = _copy(tmp_path, "messy.yaml")
    before = target.read_bytes()
    done = run_cli("--registry", str(target), "--regions", str(REGIONS), "fmt", "--check", "--lang", "en")
    assert done.returncode == 1
    assert "entries out of order (sorted by id): gamma-dresden\n" in done.stdout
    assert f"{target}:4: gamma-dresden differs" in done.stdout
    assert f"{target}:17: alpha-nijmegen differs" in done.stdout
    assert "+  - id: alpha-nijmegen" in done.stdout
    assert target.read_bytes() == before


def test_check_as_github_annotations(tmp_path: Path) -> None:
    target = _copy(tmp_path, "messy.yaml")
    done = run_cli(
        "--registry", str(target), "--regions", str(REGIONS), "fmt", "--check", "--format", "github"
    )
    assert done.returncode == 1
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(line.startswith("::error file=") for line in annotations)
    assert any(",line=4," in line and "gamma-dresden" in line for line in annotations)


def test_shipped_copy_with_a_swapped_pair_is_reported_and_fixed(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    blocks = text.split("\n  - id: ")
    blocks[1], blocks[2] = blocks[2], blocks[1]
    target = tmp_path / "companies.yaml"
    target.write_text("\n  - id: ".join(blocks), encoding="utf-8")
    done = run_cli("--registry", str(target), "fmt", "--check")
    assert done.returncode == 1 and "vermeldingen die niet op volgorde van id staan" in done.stdout
    assert run_cli("--registry", str(target), "fmt").returncode == 0
    assert target.read_text(encoding="utf-8") == text


# --- refusing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda t: t.replace("kind: idm", "kind: idm\n    colour: red"), "schema.unknown-field"),
        (lambda t: t.replace("activities: [foundry]", "activities: [foundry"), "yaml.syntax"),
        (
            lambda t: t.replace(
                "year: 2025", "year: 2025\n    relations:\n      - {type: partner, target: nobody}"
            ),
            "relation.dangling",
        ),
    ],
)
def test_invalid_input_is_refused_and_left_untouched(tmp_path: Path, change: Any, code: str) -> None:
    target = _copy(tmp_path, "companies.yaml")
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    before = target.read_bytes()
    done = run_cli("--registry", str(target), "--regions", str(REGIONS), "fmt")
    assert done.returncode == 1, done.stderr
    assert code in done.stderr and "Traceback" not in done.stderr
    assert target.read_bytes() == before


def test_output_that_would_read_back_differently_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _copy(tmp_path, "companies.yaml")
    target.write_text(
        target.read_text(encoding="utf-8").replace("year: 2025", 'year: 2025\n    description: "2026"'),
        encoding="utf-8",
    )
    before = target.read_bytes()
    monkeypatch.setattr(yamlio_module, "needs_quotes", lambda text: False)  # a broken emitter
    with pytest.raises(FormatError, match="same data"):
        format_file(target, REGIONS)
    assert target.read_bytes() == before


def test_a_crash_while_replacing_leaves_the_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _copy(tmp_path, "messy.yaml")
    before = target.read_bytes()

    def crash(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OutputError):
        format_file(target, REGIONS)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["companies.yaml"]  # no temp file left


def test_an_interrupt_while_writing_leaves_the_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _copy(tmp_path, "messy.yaml")
    before = target.read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        format_file(target, REGIONS)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["companies.yaml"]


def test_a_file_changed_since_it_was_read_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _copy(tmp_path, "messy.yaml")
    real_plan = fmt_module.plan_format
    someone_else = b"# edited meanwhile by someone else\n" + target.read_bytes()

    def plan_then_edit(path: Path, regions_dir: Path | None = None, *, verify: bool = True) -> Any:
        outcome = real_plan(path, regions_dir, verify=verify)
        path.write_bytes(someone_else)
        return outcome

    monkeypatch.setattr(fmt_module, "plan_format", plan_then_edit)
    with pytest.raises(OutputError, match="changed on disk"):
        format_file(target, REGIONS)
    assert target.read_bytes() == someone_else


def test_missing_file_is_an_io_error(tmp_path: Path) -> None:
    done = run_cli("--registry", str(tmp_path / "nope.yaml"), "fmt")
    assert done.returncode == 3 and "[io.not-found] bestand niet gevonden" in done.stderr


def test_library_errors_are_typed(tmp_path: Path) -> None:
    target = tmp_path / "companies.yaml"
    target.write_text("sites:\n  - id: a\n    id: b\n", encoding="utf-8")
    with pytest.raises((RegistryError, YamlError)):
        format_file(target, REGIONS)


# --- properties ---------------------------------------------------------------------------------

_SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
_TEXT = st.text(min_size=1, max_size=20)
_NUMBER = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(-1000, 1000, allow_nan=False).map(lambda f: round(f, 5)).filter(lambda f: "e" not in repr(f)),
)
_SCALAR = st.one_of(_TEXT, _NUMBER, st.booleans(), st.none())
# fmt refuses a comment that hides text (a soft hyphen, a bidi control): comments have no escapes
_COMMENT = st.text(
    st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_categories=("Cc", "Cs", "Cf")), max_size=15
)


@st.composite
def registries(draw: st.DrawFn) -> dict[str, Any]:
    sites = []
    for site_id in draw(st.lists(_SLUG, max_size=6, unique=True)):
        site: dict[str, Any] = {"id": site_id, "name": draw(_TEXT)}
        if draw(st.booleans()):
            site["aliases"] = draw(st.lists(_TEXT, min_size=1, max_size=3))
        site["activities"] = draw(st.lists(_SCALAR, min_size=1, max_size=3))
        site["location"] = {
            k: draw(v)
            for k, v in (("place", _TEXT), ("country", _TEXT), ("lat", _NUMBER), ("note", _SCALAR))
            if draw(st.booleans())
        } or {"place": "X"}
        if draw(st.booleans()):
            site["sources"] = [
                {"url": draw(_TEXT), "year": draw(_NUMBER)} for _ in range(draw(st.integers(1, 2)))
            ]
        site["notes"] = draw(_SCALAR)
        sites.append(site)
    return {"sites": sites}


def _messy_scalar(value: Any, rng: random.Random, *, flow: bool) -> str:
    if not isinstance(value, str):
        return fmt_module.scalar(value)
    choices = ["double"]
    if not needs_quotes(value) and not (flow and any(c in value for c in ",[]{}")):
        choices.append("plain")
    if value.isprintable() and not any(c in value for c in "\x85\u2028\u2029\ufeff"):
        choices.append("single")
    style = rng.choice(choices)
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return yaml.safe_dump(value, default_style='"', width=10**9, allow_unicode=True).strip()


def _messy(value: Any, rng: random.Random, indent: int, comments: list[str]) -> list[str]:
    """Block YAML with random key order, quoting, flow choices and comments."""
    pad = " " * indent
    lines: list[str] = []
    keys = list(value)
    rng.shuffle(keys)
    for key in keys:
        item = value[key]
        if rng.random() < 0.2:
            lines.append(" " * rng.choice([0, indent, indent + 2]) + "#" + rng.choice(comments))
        if isinstance(item, dict):
            if rng.random() < 0.5:
                inner = ", ".join(f"{k}: {_messy_scalar(v, rng, flow=True)}" for k, v in item.items())
                lines.append(f"{pad}{key}: {{{inner}}}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(_messy(item, rng, indent + 2, comments))
        elif isinstance(item, list) and (
            not item or (all(not isinstance(i, dict) for i in item) and rng.random() < 0.5)
        ):
            lines.append(f"{pad}{key}: [{', '.join(_messy_scalar(i, rng, flow=True) for i in item)}]")
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                if isinstance(element, dict):
                    sub = _messy(element, rng, indent + 4, comments)
                    first = next(i for i, s in enumerate(sub) if not s.lstrip().startswith("#"))
                    sub[first] = f"{pad}  - {sub[first][indent + 4 :]}"
                    lines.extend(sub)
                else:
                    lines.append(f"{pad}  - {_messy_scalar(element, rng, flow=False)}")
        else:
            lines.append(f"{pad}{key}: {_messy_scalar(item, rng, flow=False)}")
        if rng.random() < 0.3:
            lines[-1] += "  #" + rng.choice(comments)
    return lines


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    registries(), st.randoms(use_true_random=False), st.lists(_COMMENT, min_size=1, max_size=4), st.booleans()
)
def test_load_fmt_load_gives_the_same_data_and_fmt_is_idempotent(
    data: dict[str, Any], rng: random.Random, comments: list[str], crlf: bool
) -> None:
    text = "\n".join(_messy(data, rng, 0, comments)) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    out = format_text(text)
    assert canonical_data(parse(out.replace("\r\n", "\n"), Path("x"))) == canonical_data(data)
    assert format_text(out) == out
    assert sorted(comments_of(out.replace("\r\n", "\n"))) == sorted(comments_of(text.replace("\r\n", "\n")))
    assert ("\r\n" in out) == crlf


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_fmt_of_a_shuffled_fixture_restores_it(tmp_path: Path, rng: random.Random) -> None:
    text = (CONTRIB / "companies.yaml").read_text(encoding="utf-8")
    header, *entries = text.split("\n  - id: ")
    rng.shuffle(entries)
    shuffled = "\n  - id: ".join([header, *[e.rstrip("\n") for e in entries]]) + "\n"
    assert format_text(shuffled) == text
    target = tmp_path / f"c{rng.randrange(10**9)}.yaml"
    shutil.copyfile(CONTRIB / "companies.yaml", target)
    target.write_text(shuffled, encoding="utf-8")
    format_file(target, REGIONS)
    assert target.read_text(encoding="utf-8") == text


def test_comments_of_finds_each_comment_and_nothing_inside_values() -> None:
    """A '#' starts a comment at a line's start or after a blank, outside any value: here the
    comments are on lines 1 and 3; the '#' inside the quoted, block and plain values (lines 2,
    5, 6, 7 and 8) are text. Reading stops after line 7, the last line with a candidate."""
    text = (
        "# top\n"
        'a: "x #not"\n'
        "b: 1 # after a value\n"
        "c: |\n"
        "  text # in a block\n"
        "  # still the block\n"
        "  # still\n"
        "d: y#no\n"
        "e: 2\n"
    )
    assert comments_of(text) == ["# top", "# after a value"]
    assert comments_of("a: 1\nb: 'c#d'\n") == []
