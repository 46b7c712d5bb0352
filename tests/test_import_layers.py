"""The import structure of the package: layers that only look down, and no circles.

Every ``import`` and ``from ... import`` in lifeport_map/ is read with ast, also those inside
functions (a lazy import is still a dependency). A module may import from its own layer or a
lower one, never from a higher one, and the modules must not import each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lifeport_map"

# Lowest first. A module's layer is the first entry whose name is the module or its package.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "lifeport_map.render.labels",  # the one label table: read by chain, the analyses and provenance too
        "lifeport_map.messages",  # the one message catalogue: issues, errors and hints in nl and en
        "lifeport_map.errors",
        "lifeport_map.text",
        "lifeport_map.numbers",
        "lifeport_map.paths",
        "lifeport_map.results",
    ),
    ("lifeport_map.fileio", "lifeport_map.yamlio", "lifeport_map.geojson_io"),
    ("lifeport_map.taxonomy", "lifeport_map.schema", "lifeport_map.model", "lifeport_map.chain"),
    (
        "lifeport_map.site_issues",
        "lifeport_map.gazetteer",
        "lifeport_map.territories",  # which place's territory a place lies in (built into data/)
        "lifeport_map.geo",
        "lifeport_map.boundary_check",
        "lifeport_map.countries",
        "lifeport_map.municipalities",
    ),
    (
        "lifeport_map.registry",
        "lifeport_map.validate",
        "lifeport_map.validate_fields",
        "lifeport_map.validate_regions",
        "lifeport_map.boundaries",
        "lifeport_map.fmt",
        "lifeport_map.add",
        "lifeport_map.provenance",
        "lifeport_map.claims",
    ),
    ("lifeport_map.revisions",),
    ("lifeport_map.graph", "lifeport_map.cache", "lifeport_map.registry_cache"),
    ("lifeport_map.analysis",),
    ("lifeport_map.render",),
    ("lifeport_map",),  # the package itself: the public API
    ("lifeport_map.commands",),
    ("lifeport_map.cli", "lifeport_map.__main__"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The lifeport_map modules a file imports (``from pkg import mod`` counts as ``pkg.mod``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("lifeport_map"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lifeport_map"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _exists(candidate) else node.module)
    return found


def _exists(module: str) -> bool:
    base = PACKAGE.parent.joinpath(*module.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def layer_of(module: str) -> int:
    best = None
    for index, names in enumerate(LAYERS):
        for name in names:
            inside = module == name or (name != "lifeport_map" and module.startswith(name + "."))
            if inside and (best is None or len(name) > best[1]):
                best = (index, len(name))
    assert best is not None, f"{module} is in no layer; add it to LAYERS"
    return best[0]


def dependencies() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    return {name: {m for m in imports(path) if m != name} for name, path in modules.items()}


def test_every_module_has_a_layer() -> None:
    for module in dependencies():
        layer_of(module)


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = sorted(
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in dependencies().items()
        for target in targets
        if layer_of(target) > layer_of(module)
        and not (module.startswith(target + ".") or target == "lifeport_map")
    )
    assert upward == [], "upward imports:\n" + "\n".join(upward)


def test_no_import_circles() -> None:
    graph = dependencies()
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if state.get(target) == 1:
                circles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert circles == [], "import circles:\n" + "\n".join(" -> ".join(c) for c in circles)
