"""Output channels (issue 17, deliverable 7): Markdown that is posted as a pull-request comment
or read on GitHub cannot notify anyone or link anywhere by itself, and CSV cells cannot become
formulas even after leading whitespace.

The Markdown is rendered with markdown-it (CommonMark, tables) and GitHub's own patterns for
mentions, issue references and autolinks (html-pipeline's MentionFilter and IssueReference,
the GFM autolink extension) are looked for in the rendered text outside code and links: the
place GitHub looks for them, after escapes and entities are decoded.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.render.safe import markdown_text, spreadsheet_safe
from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
NOTIFYING = "@everyone see #12, GH-3 and org/repo#4 by @org/team"
LINKING = "https://evil.example/x www.evil.example mail a@evil.example"
SITE = """  - id: zeta-nijmegen
    name: "{name}"
    organisation: "{organisation}"
    kind: ems
    activities: [ems]
    status: active
    location:
      {{place: Nijmegen, municipality: Nijmegen, country: NL, lat: 51.83, lon: 5.85, precision: place}}
    sources:
      - {{url: "https://example.org/zeta", year: 2026, title: "{title}", publisher: "#5"}}
"""

# GitHub's patterns (html-pipeline MentionFilter / IssueReferenceFilter, GFM autolinks).
MENTION = re.compile(r"(?:^|\W)@[a-z0-9]", re.IGNORECASE)
ISSUE_REFERENCE = re.compile(r"(?:^|\W)#[0-9]|\bGH-[0-9]|[\w.-]+/[\w.-]+#[0-9]", re.IGNORECASE)
AUTOLINK = re.compile(r"(?:https?|ftp)://|\bwww\.|[\w.+-]@[\w-]+\.", re.IGNORECASE)


def rendered_texts(markdown: str) -> list[str]:
    """The text GitHub would scan: each inline run of text, outside code spans and links."""
    texts: list[str] = []
    for block in MarkdownIt("commonmark").enable("table").parse(markdown):
        if block.type != "inline":
            continue
        assert all(t.type != "html_inline" for t in block.children or []), block.content
        run: list[str] = []
        in_link = 0
        for token in block.children or []:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            elif token.type == "text" and not in_link:
                run.append(token.content)
                continue
            texts.append("".join(run))
            run = []
        texts.append("".join(run))
    return [t for t in texts if t]


def live(markdown: str) -> list[str]:
    """Texts in which GitHub would find a mention, an issue reference or a link."""
    return [
        t
        for t in rendered_texts(markdown)
        if MENTION.search(t) or ISSUE_REFERENCE.search(t) or AUTOLINK.search(t)
    ]


def test_the_patterns_find_what_github_would_link_in_plain_text() -> None:
    # without the escaper every piece is live: the check below is not vacuous
    assert live(NOTIFYING) == [NOTIFYING]
    assert live(LINKING) == [LINKING]
    assert live("\\@everyone \\#12") == ["@everyone #12"]  # a backslash alone does not stop them


def test_markdown_text_breaks_mentions_references_and_autolinks() -> None:
    assert markdown_text("hi @everyone") == "hi @&#8203;everyone"
    assert markdown_text("see #12 and GH-3") == "see \\#&#8203;12 and GH-&#8203;3"
    assert markdown_text("go to https://evil.example") == "go to https&#8203;://evil.example"
    assert markdown_text("www.evil.example") == "www&#8203;.evil.example"
    assert markdown_text("C# and awww.x") == "C\\# and awww.x"  # no number, no www: left alone
    assert live(markdown_text(NOTIFYING)) == [] and live(markdown_text(LINKING)) == []
    # what a reader sees is the text itself, with zero-width spaces in it
    assert rendered_texts(markdown_text(NOTIFYING)) == [
        NOTIFYING.replace("@", "@\u200b").replace("#", "#\u200b").replace("GH-", "GH-\u200b")
    ]


@pytest.fixture(scope="module")
def notifying(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile registry plus a site whose texts would notify, reference and link."""
    folder = tmp_path_factory.mktemp("notifying")
    shutil.copytree(HOSTILE / "regions", folder / "regions")
    text = (HOSTILE / "companies.yaml").read_text(encoding="utf-8")
    site = SITE.format(name=NOTIFYING, organisation=" =1+1", title=LINKING)
    (folder / "companies.yaml").write_text(text + site, encoding="utf-8")
    return folder


def invoke(folder: Path, *args: str) -> str:
    base = ["--registry", str(folder / "companies.yaml"), "--regions", str(folder / "regions")]
    result = CliRunner().invoke(app, [*base, *args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def test_the_notifying_registry_is_valid(notifying: Path) -> None:
    invoke(notifying, "validate")


@pytest.mark.parametrize(
    "args",
    [
        ["coverage", "--region", "nijmegen"],
        ["near", "Nijmegen", "--radius-km", "50"],
    ],
    ids=["coverage", "near"],
)
def test_analysis_markdown_cannot_notify(notifying: Path, args: list[str]) -> None:
    markdown = invoke(notifying, *args, "--format", "markdown")
    assert "everyone" in markdown  # the site is in the table
    assert live(markdown) == []


def test_a_pull_request_diff_comment_cannot_notify(notifying: Path) -> None:
    """The diff CI posts to the job summary of a pull request that adds the site."""
    markdown = invoke(
        notifying,
        "diff",
        str(HOSTILE / "companies.yaml"),
        str(notifying / "companies.yaml"),
        "--format",
        "markdown",
    )
    assert "zeta" in markdown
    assert live(markdown) == []


def test_the_brief_cannot_notify(notifying: Path, tmp_path: Path) -> None:
    invoke(notifying, "report", "--region", "nijmegen", "--output", str(tmp_path), "--lang", "en")
    markdown = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "everyone" in markdown and "evil" in markdown
    assert live(markdown) == []


# --- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (" =1+1", "' =1+1"),
        ("  +1", "'  +1"),
        ("\t=1", "'\t=1"),
        ("\n=1", "'\n=1"),
        ("\r\n@SUM(1)", "'\r\n@SUM(1)"),
        (" -2", "' -2"),
        (" Nijmegen", " Nijmegen"),
        ("a =1", "a =1"),
        (-1, -1),
    ],
)
def test_spreadsheet_safe_defuses_formulas_after_leading_whitespace(cell: object, expected: object) -> None:
    assert spreadsheet_safe(cell) == expected


@pytest.mark.parametrize(
    "args",
    [["export", "--format", "csv"], ["near", "Nijmegen", "--radius-km", "50", "--format", "csv"]],
    ids=["export", "near"],
)
def test_csv_read_back_holds_no_formula_after_whitespace(notifying: Path, args: list[str]) -> None:
    delimiter = "," if args[0] == "export" else ";"  # the analyses write Dutch CSV by default
    cells = [
        c
        for row in csv.reader(io.StringIO(invoke(notifying, *args), newline=""), delimiter=delimiter)
        for c in row
    ]
    assert "' =1+1" in cells
    assert [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))] == []


# --- SVG and PDF ---------------------------------------------------------------------------------

XLINK = "{http://www.w3.org/1999/xlink}href"
# PDF names that run something, open something or fetch something
PDF_ACTIVE = (b"/JavaScript", b"/JS", b"/URI", b"/Launch", b"/OpenAction", b"/AA", b"/SubmitForm")
PDF_ACTIVE += (b"/GoToR", b"/GoToE", b"/ImportData", b"/EmbeddedFile", b"/RichMedia")


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_svg_and_pdf_hold_no_script_and_no_external_reference(
    notifying: Path, tmp_path: Path, fmt: str
) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / f"map.{fmt}"
    invoke(notifying, "map", "region", "nijmegen", "--format", fmt, "--output", str(out))
    data = out.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
        assert [name for name in PDF_ACTIVE if re.search(re.escape(name) + rb"\b", data)] == []
        return
    root = ET.fromstring(data)
    elements = list(root.iter())
    assert [
        e.tag for e in elements if e.tag.rpartition("}")[2] in ("script", "foreignObject", "iframe")
    ] == []
    assert [
        (e.tag, a) for e in elements for a in e.attrib if a.rpartition("}")[2].lower().startswith("on")
    ] == []
    references = [v for e in elements for k, v in e.attrib.items() if k in ("href", XLINK)]
    assert references and all(v.startswith(("#", "data:image/png;base64,")) for v in references), references
    styles = " ".join(
        [e.text or "" for e in elements if e.tag.endswith("style")] + [e.get("style", "") for e in elements]
    )
    assert "@import" not in styles and not re.search(r"url\(\s*['\"]?(?!#)", styles)
    assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data  # no DTD to fetch
    assert any("alert(1)" in (e.text or "") for e in elements)  # the hostile region name, as text


# --- exports read back by their consumers, with the hostile registry ----------------------------


def _names(folder: Path) -> dict[str, str]:
    from lifeport_map.registry import load_registry

    registry = load_registry(folder / "companies.yaml", folder / "regions")
    return {site.id: site.name for site in registry.sites}


def test_graphml_of_the_hostile_registry_reads_back_in_networkx(notifying: Path, tmp_path: Path) -> None:
    import networkx as nx

    path = tmp_path / "sites.graphml"
    invoke(notifying, "export", "--format", "graphml", "--output", str(path))
    graph = nx.read_graphml(path, force_multigraph=True)
    read = {n.removeprefix("site:"): d["name"] for n, d in graph.nodes(data=True) if d.get("type") == "site"}
    assert read == _names(notifying)  # every name as written, markup and all
    assert read["zeta-nijmegen"] == NOTIFYING


def test_geojson_of_the_hostile_registry_reads_back_in_geopandas(notifying: Path, tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "sites.geojson"
    invoke(notifying, "export", "--format", "geojson", "--output", str(path))
    frame = geopandas.read_file(path)
    assert dict(zip(frame["id"], frame["name"], strict=True)) == _names(notifying)


def test_csv_of_the_hostile_registry_reads_back_in_the_csv_module(notifying: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(notifying, "export", "--format", "csv"), newline="")))
    names = _names(notifying)
    assert len(rows) == len(names) and {r["id"] for r in rows} == set(names)
    by_id = {r["id"]: r["name"] for r in rows}
    # a defused cell is the text after one apostrophe; every other cell is the text itself
    assert {k: v.removeprefix("'") if v != names[k] else v for k, v in by_id.items()} == names


# --- claim verdicts and Dutch CSV (issue 17 re-check: channels not yet read back) -------------------

HOSTILE_CLAIMS = """claims:
  - id: zeta-claim
    claim: {{nl: "{text}", en: "{text}"}}
    who: "{who}"
    source: {{url: "https://example.org/doc", title: "{title}", publisher: " =1+1", year: 2026}}
    quote: " =HYPERLINK(\\"https://evil.example\\")"
    check: {{type: whole-chain, region: nijmegen}}
"""


@pytest.fixture(scope="module")
def claiming(notifying: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The notifying registry with a claims file whose texts would notify, link and compute."""
    folder = tmp_path_factory.mktemp("claiming")
    shutil.copytree(notifying, folder, dirs_exist_ok=True)
    claims = HOSTILE_CLAIMS.format(text=NOTIFYING, who="@everyone #12", title=LINKING)
    (folder / "claims.yaml").write_text(claims, encoding="utf-8")
    return folder


def test_claim_verdicts_of_a_hostile_claims_file_in_every_format(claiming: Path) -> None:
    """JSON reads back with every text as written; Dutch CSV (';') reads back in the csv module
    with no cell that starts a formula; the Markdown notifies and links no one; the table
    prints the texts without escape codes."""
    invoke(claiming, "validate")
    report = json.loads(invoke(claiming, "claims", "--format", "json"))
    [claim] = report["claims"]
    assert claim["id"] == "zeta-claim" and claim["who"] == "@everyone #12"
    assert claim["quote"] == ' =HYPERLINK("https://evil.example")'
    rows = list(
        csv.reader(io.StringIO(invoke(claiming, "claims", "--format", "csv"), newline=""), delimiter=";")
    )
    cells = [c for row in rows for c in row]
    assert "zeta-claim" in cells and '\' =HYPERLINK("https://evil.example")' in cells
    assert [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))] == []
    english = list(
        csv.reader(
            io.StringIO(invoke(claiming, "claims", "--format", "csv", "--lang", "en", "--csv-dialect", "en"))
        )
    )
    assert [c for row in english for c in row if c.lstrip().startswith(("=", "+", "-", "@"))] == []
    markdown = invoke(claiming, "claims", "--format", "markdown")
    assert "everyone" in markdown and live(markdown) == []
    table = invoke(claiming, "claims")
    assert "\x1b" not in table and "zeta-claim" in table


def test_dutch_csv_export_reads_back_with_no_formula(notifying: Path) -> None:
    """export --csv-dialect nl: ';' between fields, decimal commas, and the ' =1+1' organisation
    defused as in the English dialect."""
    text = invoke(notifying, "export", "--format", "csv", "--csv-dialect", "nl")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert "id" in header and len({len(r) for r in rows}) == 1
    cells = [c for row in body for c in row]
    assert "' =1+1" in cells
    assert [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))] == []
    lat = header.index("lat")
    zeta = next(r for r in body if r[0] == "zeta-nijmegen")
    assert zeta[lat] == "51,83"
