"""folium imported without requests (render.folium_page.ImportedOnUse).

folium.features imports requests (with urllib3, http.client, ssl, idna and charset detection,
about 0.1 s of every map command) only to fetch a GeoJson layer's data given as a URL. While
the maps import folium, requests is a stand-in that imports the real module when an attribute
is first read. What must hold: nothing is imported before that read, the read gives the real
module's attribute, the real module is executed once and is then the one in ``sys.modules``,
and a process that imported requests itself keeps it. That the pages stay byte-identical is
checked in test_lazy_templates (lazily imported folium against the ordinary import).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lifeport_map.render.folium_page import ImportedOnUse
from tests.conftest import ROOT

MODULE = "lifeport_stand_in_probe"


def test_a_stand_in_imports_its_module_when_an_attribute_is_first_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = tmp_path / "runs.txt"
    (tmp_path / f"{MODULE}.py").write_text(
        f"from pathlib import Path\nPath({str(runs)!r}).open('a').write('ran\\n')\nVALUE = 6 * 7\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    standin = ImportedOnUse(MODULE)
    monkeypatch.setitem(sys.modules, MODULE, standin)

    imported = __import__(MODULE)  # what `import lifeport_stand_in_probe` binds
    assert imported is standin
    assert not runs.exists()  # not executed yet
    assert imported.VALUE == 42
    assert runs.read_text() == "ran\n"
    real = sys.modules[MODULE]
    assert real is not standin and real.VALUE == 42
    assert imported.VALUE == 42 and imported.__file__ == str(tmp_path / f"{MODULE}.py")
    assert runs.read_text() == "ran\n"  # executed once, however often the stand-in is read
    with pytest.raises(AttributeError):
        _ = imported.missing


PROBE = r"""
import sys
if sys.argv[1] == "first":
    import requests
from lifeport_map.render import folium_page
import folium.features
print("requests" in sys.modules, "urllib3" in sys.modules, type(folium.features.requests).__name__)
import requests
print(folium.features.requests.get is requests.get, type(sys.modules["requests"]).__name__)
"""


def probe(mode: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    return done.stdout.splitlines()


def test_the_maps_import_folium_without_requests_and_folium_still_reaches_it() -> None:
    assert probe("later") == ["False False ImportedOnUse", "True module"]


def test_a_process_that_imported_requests_keeps_it() -> None:
    assert probe("first") == ["True True module", "True module"]
