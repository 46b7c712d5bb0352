"""The hostile registry's maps and brief in headless Chromium: nothing executes (no dialog), no
console error, no request leaves the page, and the hostile text is shown literally.

Every marker's popup is rendered into the page (so an unescaped onerror would fire), not only the
one a person happens to click. Pages are produced by the CLI, as a user would produce them.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lifeport_map.cli import app
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser
HOSTILE = FIXTURES / "hostile"
LITERAL = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "::error file=x::forged",
    "[red]x[/red] | `${alert(1)}`",
]
RENDER_EVERY_POPUP = """() => {
  const box = document.createElement('div');
  document.body.appendChild(box);
  const texts = [];
  for (const entry of window.lifeport.maps) {
    for (const key of Object.keys(entry.layers)) {
      entry.layers[key].geojson.eachLayer(marker => {
        const popup = marker.getPopup && marker.getPopup();
        if (!popup) return;
        let content = popup.getContent();
        if (typeof content === 'function') content = content(marker);
        const holder = document.createElement('div');
        if (typeof content === 'string') holder.innerHTML = content; else holder.appendChild(content);
        box.appendChild(holder);
        texts.push(holder.innerText);
      });
    }
  }
  return texts;
}"""
# Elements only hostile text could have made (the pages' own inline scripts are not among them).
LIVE_MARKUP = "img[src=x], svg[onload], [onerror], [onload], a[href^='javascript' i]"


def cli(*args: str) -> None:
    result = CliRunner().invoke(
        app, ["--registry", str(HOSTILE / "companies.yaml"), "--regions", str(HOSTILE / "regions"), *args]
    )
    assert result.exit_code == 0, result.stdout + result.stderr


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str], list[str]]:
    page = browser.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")) and "/x" not in r.request.url:
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    return page, errors, dialogs, requests


@pytest.mark.parametrize(
    "args",
    [["map", "nl"], ["map", "region", "nijmegen"], ["map", "compare", "nijmegen", "dresden"]],
    ids=["nl", "region", "compare"],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_hostile_map_runs_nothing_and_shows_every_popup_literally(
    browser: Any, tmp_path: Path, args: list[str], lang: str
) -> None:
    out = tmp_path / "map.html"
    cli(*args, "--output", str(out), "--lang", lang)
    page, errors, dialogs, requests = open_page(browser, out)
    page.wait_for_function("() => window.lifeport && window.lifeport.maps.length > 0")
    texts = page.evaluate(RENDER_EVERY_POPUP)
    page.wait_for_timeout(300)
    assert texts, "no popups found"
    shown = "\n".join(texts)
    expected = LITERAL[:4] if args[1] == "nl" else LITERAL[:2]  # nl: Dutch sites only
    for literal in expected:
        assert literal in shown, literal
    assert page.locator(LIVE_MARKUP).count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
    assert set(hrefs) <= {"http:", "https:", "file:"}, hrefs
    assert dialogs == [] and errors == [] and requests == []
    page.close()


def test_hostile_brief_runs_nothing_and_shows_text_literally(browser: Any, tmp_path: Path) -> None:
    cli("report", "--region", "nijmegen", "--output", str(tmp_path / "brief"), "--lang", "en")
    page, errors, dialogs, requests = open_page(browser, tmp_path / "brief" / "brief.html")
    page.wait_for_load_state("load")
    text = page.inner_text("body")
    assert "<img src=x onerror=alert(1)>" in text
    assert "</script><script>alert(1)</script>" in text
    assert 'Lifeport "><svg onload=alert(1)>' in text
    # a page is no CI log: its text keeps what the terminal shows as \x3a and \x23
    assert "##[error file=README.md,line=1]forged" in text and "::error::forged" in text
    assert page.locator(LIVE_MARKUP).count() == 0
    # its Content-Security-Policy still lets the map image beside it load (a refusal would be a
    # console error too)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert page.eval_on_selector("img", "i => i.complete && i.naturalWidth") > 0
    assert dialogs == [] and errors == [] and requests == []
    page.close()


# A claims file whose every free text is hostile (the fourth re-check of issue 17): claim, who,
# source title and section, quote, reading and note, each shown in the brief's claims section.
HOSTILE_CLAIMS = """claims:
  - id: c1
    claim:
      nl: "<img src=x onerror=alert(1)> @octocat #12 https://evil.example"
      en: "<img src=x onerror=alert(1)> @octocat #12 https://evil.example"
    who: "</script><script>alert(1)</script>"
    source:
      url: "https://example.org/doc"
      title: "<svg onload=alert(1)>"
      publisher: "[x](javascript:alert(1))"
      year: 2026
      section: "<a href=javascript:alert(1)>x</a>"
    quote: "<iframe src=https://evil.example></iframe> =HYPERLINK(\\"http://x\\")"
    reading:
      nl: "<style>body{display:none}</style>"
      en: "<style>body{display:none}</style>"
    note: "<object data=https://evil.example></object>"
    check: {type: whole-chain, region: nijmegen}
"""


def test_hostile_claims_in_the_brief_run_nothing_and_show_literally(browser: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HOSTILE, data)
    (data / "claims.yaml").write_text(HOSTILE_CLAIMS, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            *("--registry", str(data / "companies.yaml"), "--regions", str(data / "regions"), "report"),
            *("--region", "nijmegen", "--output", str(tmp_path / "brief"), "--lang", "en"),
        ],
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    page, errors, dialogs, requests = open_page(browser, tmp_path / "brief" / "brief.html")
    page.wait_for_load_state("load")
    text = page.inner_text("body")
    for literal in [
        "<img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        "<svg onload=alert(1)>",
    ]:
        assert literal in text, literal
    assert page.locator(LIVE_MARKUP + ", iframe, object, style:not(head style)").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
    assert set(hrefs) <= {"http:", "https:", "file:"}, hrefs
    assert dialogs == [] and errors == [] and requests == []
    page.close()
    # the Markdown beside it: no live mention, issue reference or autolink
    markdown = (tmp_path / "brief" / "brief.md").read_text(encoding="utf-8")
    assert "@octocat" not in markdown and " #12" not in markdown and "https://evil.example" not in markdown
