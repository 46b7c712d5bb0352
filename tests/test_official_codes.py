"""A region file's municipality codes are checked against the shipped official lists (CBS, NIS,
AGS) by ``validate``: a code listed under another municipality's name, or a code on no list, is
an error at that listing (a warning where the file says ``code_unverified: true``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from lifeport_map.cli import app
from lifeport_map.municipalities import official_codes
from tests.conftest import MINI, snapshot

DATA = Path(__file__).resolve().parent.parent / "data"


def _validate(regions: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        app,
        [
            "--registry",
            str(MINI / "companies.yaml"),
            "--regions",
            str(regions),
            "validate",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    issues: list[dict[str, object]] = json.loads(result.stdout)["issues"]
    return [i for i in issues if i["code"] == "region.code-not-official"]


def _regions(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "regions"
    shutil.copytree(MINI / "regions", folder)
    path = folder / "nijmegen.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_the_official_lists_by_code() -> None:
    assert official_codes("NL")["GM0268"] == ("nijmegen",)
    assert official_codes("NL")["GM0164"] == ("hengelo (o.)", "hengelo")  # CBS's province suffix
    assert official_codes("BE")["24062"] == ("leuven", "louvain")
    assert official_codes("DE")["14612000"] == ("dresden, stadt", "dresden")
    assert official_codes("FR") == {}


def test_the_mini_and_shipped_regions_have_only_official_codes(tmp_path: Path) -> None:
    assert _validate(MINI / "regions") == []
    assert _validate(DATA / "regions") == []


def test_a_code_under_another_name_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = _regions(tmp_path, "{code: GM0226, name: Duiven}", "{code: GM0226, name: Dieren}")
    before = snapshot(folder)
    [issue] = _validate(folder)
    assert issue["severity"] == "error"
    assert issue["file"] == str(folder / "nijmegen.yaml")
    assert issue["line"] == 13
    assert issue["field"] == "definitions[0].municipalities[1].code"
    assert issue["message"] == "code GM0226 is 'Duiven' on the official CBS list, not 'Dieren'"
    assert "'Duiven'" in str(issue["hint"])
    assert snapshot(folder) == before


def test_a_code_on_no_list_is_an_error(tmp_path: Path) -> None:
    folder = _regions(tmp_path, "{code: GM0226, name: Duiven}", "{code: GM9226, name: Duiven}")
    [issue] = _validate(folder)
    assert issue["severity"] == "error"
    assert issue["message"] == "code GM9226 ('Duiven') is not on the official CBS list"
    assert "code_unverified" in str(issue["hint"])


def test_an_alias_with_the_official_name_is_enough(tmp_path: Path) -> None:
    folder = _regions(
        tmp_path, "{code: GM0226, name: Duiven}", "{code: GM0226, name: Duiven (Gld), aliases: [Duiven]}"
    )
    assert _validate(folder) == []


def test_an_unverified_code_is_a_warning(tmp_path: Path) -> None:
    folder = _regions(
        tmp_path, "{code: GM0226, name: Duiven}", "{code: GM0226, name: Dieren, code_unverified: true}"
    )
    [issue] = _validate(folder)
    assert issue["severity"] == "warning"
