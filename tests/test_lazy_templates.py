"""folium's and branca's templates compiled on first use (render.folium_page.LazyTemplate).

Importing folium compiled over 80 Jinja templates in its and branca's class bodies, about 0.17 s
of every map command, of which a map renders six. They are now compiled when first used. What
must hold: a deferred template renders, gives its module and macros exactly as
``jinja2.Template`` does; outside folium's import every template is compiled at once (an error
still raises where the template is made); and the pages are byte-identical to those of a
process that imported folium the ordinary way. folium is imported by other test modules before
this one runs, so the comparisons with folium run in fresh processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version

import jinja2
import pytest

from lifeport_map.render.folium_page import LazyTemplate, templates_compiled_on_use
from tests.conftest import MINI, ROOT

SOURCE = (
    "{% macro html(this, kwargs) %}<b>{{ this }}</b>{% endmacro %}"
    "{% block body %}[{{ y }}]{% endblock %}{{ (y or 0) * 2 }}"
)


def test_a_template_made_while_deferring_is_compiled_when_first_used() -> None:
    eager = jinja2.Template
    with templates_compiled_on_use():
        assert jinja2.Template is LazyTemplate
        template = jinja2.Template(SOURCE, trim_blocks=True)
    assert jinja2.Template is eager
    assert isinstance(template, eager)
    assert "_lazy_arguments" in vars(template)  # not compiled yet
    assert template.render(y=3) == "[3]6"
    assert "_lazy_arguments" not in vars(template)
    assert template.module.html("a", {}) == "<b>a</b>"
    assert str(template.module) == "[]0"
    assert list(template.blocks) == ["body"]
    assert template.environment.trim_blocks is True
    # tracebacks into the template find this object
    assert template.root_render_func.__globals__["__jinja_template__"] is template


def test_each_first_use_compiles_a_deferred_template() -> None:
    with templates_compiled_on_use():
        rendered = jinja2.Template("{{ 1 + 2 }}")
        module = jinja2.Template("{% macro m() %}x{% endmacro %}")
        made = jinja2.Template("{% set a = 4 %}")
    assert rendered.render() == "3"
    assert module.module.m() == "x"
    assert made.make_module().a == 4


def test_python_names_do_not_compile_a_deferred_template() -> None:
    # abc asks each class attribute for __isabstractmethod__ when folium's abstract classes are made
    with templates_compiled_on_use():
        template = jinja2.Template("{{ x }}")
    assert getattr(template, "__isabstractmethod__", False) is False
    assert "_lazy_arguments" in vars(template)
    with pytest.raises(AttributeError, match="'LazyTemplate' object has no attribute 'nothing'"):
        _ = template.nothing
    assert template.render(x=5) == "5"


def test_threads_that_first_use_a_template_together_all_get_it_compiled_once() -> None:
    """A server may render maps in several threads: the first use of a deferred template by
    eight threads at once gives each the same page and compiles it once (before, a second thread
    could find the arguments taken and the compiled attributes not yet there)."""
    import threading

    source = "".join(f"{{% macro m{i}(x) %}}<{{{{ x }}}}>{{% endmacro %}}" for i in range(150)) + "{{ y }}"
    with templates_compiled_on_use():
        templates = [jinja2.Template(source) for _ in range(5)]
    compiled: list[object] = []
    real = jinja2.Template.__new__

    def counted(cls: type, *args: object, **kwargs: object) -> object:
        compiled.append(cls)
        return real(cls, *args, **kwargs)

    results: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def use() -> None:
        start.wait()
        try:
            results.extend(t.render(y=1) + t.module.m0(2) for t in templates)
        except BaseException as error:  # the test reports any failure of a thread
            errors.append(error)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja2.Template, "__new__", staticmethod(counted))
        threads = [threading.Thread(target=use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert results == ["1<2>"] * 40
    assert len(compiled) == 5


def test_outside_the_import_templates_compile_at_once_and_errors_raise_where_made() -> None:
    template = LazyTemplate("{{ 7 }}")
    assert "_lazy_arguments" not in vars(template)
    assert template.render() == "7"
    with pytest.raises(jinja2.TemplateSyntaxError):
        LazyTemplate("{% if %}")
    with templates_compiled_on_use():
        broken = jinja2.Template("{% if %}")  # deferred: the error comes at first use
    with pytest.raises(jinja2.TemplateSyntaxError):
        broken.render()


# A fresh process: import folium as the maps do (lazily) or the ordinary way first (eagerly),
# then report how every folium and branca element class's template compiles and the bytes of
# the pages built from the mini registry, two plugins added to one (MiniMap is left out: its
# tile layer keeps folium's random id, so its page differs between any two processes).
PROBE = r"""
import hashlib, importlib, inspect, json, pkgutil, sys, types
lazy = sys.argv[1] == "lazy"
if not lazy:
    import folium, folium.plugins
from lifeport_map.render import folium_page
import branca, folium, folium.plugins

def shape(code):
    return [code.co_code.hex(), code.co_names, code.co_varnames,
            [shape(c) if isinstance(c, types.CodeType) else repr(c) for c in code.co_consts]]

templates = {}
waiting = 0
for package in (folium, branca):
    found = pkgutil.walk_packages(package.__path__, package.__name__ + ".")
    names = [package.__name__] + [m.name for m in found]
    for name in names:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            template = vars(cls).get("_template")
            if cls.__module__ != name or template is None:
                continue
            waiting += "_lazy_arguments" in vars(template)
            templates[f"{name}.{cls.__qualname__}"] = [
                type(template.environment).__name__,
                sorted(template.environment.filters),
                sorted(template.blocks),
                hashlib.sha256(json.dumps(shape(template.root_render_func.__code__)).encode()).hexdigest(),
            ]

from lifeport_map import load_registry, map_compare, map_nl, map_region
from lifeport_map.render.maps import page_html
from pathlib import Path
mini = Path(sys.argv[2])
registry = load_registry(mini / "companies.yaml", mini / "regions")
extended = map_nl(registry, lang="en")
folium.plugins.Draw().add_to(extended)
folium.plugins.MeasureControl().add_to(extended)
pages = {
    "nl": page_html(map_nl(registry)),
    "region": page_html(map_region(registry, "nijmegen", tiles="osm")),
    "compare": page_html(map_compare(registry, ["nijmegen", "dresden"])),
    "extended": page_html(extended),
}
print(json.dumps({
    "lazy_class": issubclass(folium.template.Template, folium_page.LazyTemplate),
    "waiting": waiting,
    "templates": templates,
    "pages": {k: hashlib.sha256(v.encode()).hexdigest() for k, v in pages.items()},
}))
"""


def probe(mode: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "1795000000"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode, str(MINI)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


def test_folium_templates_compile_on_use_to_the_same_code_and_the_same_pages() -> None:
    lazy, eager = probe("lazy"), probe("eager")
    assert lazy["lazy_class"] is True
    assert eager["lazy_class"] is False
    # importing folium as the maps do leaves its templates uncompiled until used
    assert isinstance(lazy["waiting"], int) and lazy["waiting"] >= 60
    assert eager["waiting"] == 0
    templates = lazy["templates"]
    # 83 in the locked folium and branca, 78 in the lowest allowed (folium 0.17, branca 0.7)
    assert isinstance(templates, dict) and len(templates) >= 70
    assert templates["folium.folium.Map"][0] == "Environment"
    folium_version = tuple(int(part) for part in version("folium").split(".")[:2])
    if folium_version >= (0, 18):  # folium's own environment (0.17, the lowest allowed, used jinja2's)
        assert "tojavascript" in templates["folium.folium.Map"][1]
    assert templates == eager["templates"]
    assert lazy["pages"] == eager["pages"]
