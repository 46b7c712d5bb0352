"""lifeport-map: the semiconductor value chain around Nijmegen, as open, checkable data.

Public API: load a registry, build its graph (``build_graph``), then ask it questions; each
analysis returns a typed result from ``lifeport_map.results`` with ``to_json()``. The command
line is a thin shell over these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lifeport_map.analysis.brief import brief
    from lifeport_map.analysis.compare import compare
    from lifeport_map.analysis.coverage import coverage
    from lifeport_map.analysis.filters import SiteFilter, site_filter
    from lifeport_map.analysis.gaps import gaps
    from lifeport_map.analysis.near import near
    from lifeport_map.analysis.stats import stats
    from lifeport_map.analysis.whatif import whatif
    from lifeport_map.errors import Issue, LifeportError, RegistryError, UsageError, YamlError
    from lifeport_map.graph import as_graph, build_graph
    from lifeport_map.registry import check_registry, load_registry, read_registry
    from lifeport_map.render.export import export_bytes, geojson, site_records

# The public API is imported on first use (PEP 562), so that the command line, which imports
# this package for its version, does not pay for every analysis, networkx and the renderers.
_EXPORTS = {
    "brief": "lifeport_map.analysis.brief",
    "compare": "lifeport_map.analysis.compare",
    "coverage": "lifeport_map.analysis.coverage",
    "SiteFilter": "lifeport_map.analysis.filters",
    "site_filter": "lifeport_map.analysis.filters",
    "gaps": "lifeport_map.analysis.gaps",
    "near": "lifeport_map.analysis.near",
    "stats": "lifeport_map.analysis.stats",
    "whatif": "lifeport_map.analysis.whatif",
    "Issue": "lifeport_map.errors",
    "LifeportError": "lifeport_map.errors",
    "RegistryError": "lifeport_map.errors",
    "UsageError": "lifeport_map.errors",
    "YamlError": "lifeport_map.errors",
    "as_graph": "lifeport_map.graph",
    "build_graph": "lifeport_map.graph",
    "check_registry": "lifeport_map.registry",
    "load_registry": "lifeport_map.registry",
    "read_registry": "lifeport_map.registry",
    "export_bytes": "lifeport_map.render.export",
    "geojson": "lifeport_map.render.export",
    "site_records": "lifeport_map.render.export",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lifeport_map' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


def _check_map_arguments(registry: object, options: dict[str, object]) -> None:
    """A UsageError for what a map cannot be drawn from: anything but a registry (a graph
    included: the maps read the registry itself), or a language other than nl and en."""
    from lifeport_map.graph import check_lang
    from lifeport_map.model import require_registry

    require_registry(registry)
    check_lang(str(options.get("lang", "nl")))


def map_nl(registry: object, **options: object) -> object:
    """Bijlage 1 as a folium Map (see ``lifeport_map.render.maps.nl_map``).

    Plugins added to it work in the saved page (``folium.plugins.MiniMap().add_to(m)``): its
    Content-Security-Policy allows the https scripts and stylesheets folium links for them by
    exact URL, so the page then needs a network for them; see
    ``render.folium_page.content_security_policy``."""
    from lifeport_map.render.maps import nl_map

    _check_map_arguments(registry, options)
    return nl_map(registry, **options)  # type: ignore[arg-type]


def map_region(registry: object, region: str, **options: object) -> object:
    """One region as a folium Map (see ``lifeport_map.render.maps.region_map``).

    Plugins added to it work in the saved page (``folium.plugins.MiniMap().add_to(m)``): its
    Content-Security-Policy allows the https scripts and stylesheets folium links for them by
    exact URL, so the page then needs a network for them; see
    ``render.folium_page.content_security_policy``."""
    from lifeport_map.render.maps import region_map

    _check_map_arguments(registry, options)
    return region_map(registry, region, **options)  # type: ignore[arg-type]


def map_compare(registry: object, regions: list[str], **options: object) -> object:
    """Bijlage 2 as a folium Figure of one Map per region (``.maps``), with each region's
    coverage under its panel.

    Plugins added to it work in the saved page (``folium.plugins.MiniMap().add_to(f.maps[0])``): its
    Content-Security-Policy allows the https scripts and stylesheets folium links for them by
    exact URL, so the page then needs a network for them; see
    ``render.folium_page.content_security_policy``."""
    from lifeport_map.analysis.coverage import coverage
    from lifeport_map.render.maps import compare_page
    from lifeport_map.text import as_names

    _check_map_arguments(registry, options)
    regions = list(as_names(regions))
    lang = str(options.get("lang", "nl"))
    coverages = [coverage(registry, name, lang=lang) for name in regions]
    return compare_page(registry, regions, coverages=coverages, **options)  # type: ignore[arg-type]


__all__ = [
    "Issue",
    "LifeportError",
    "RegistryError",
    "SiteFilter",
    "UsageError",
    "YamlError",
    "__version__",
    "as_graph",
    "brief",
    "build_graph",
    "check_registry",
    "compare",
    "coverage",
    "export_bytes",
    "gaps",
    "geojson",
    "load_registry",
    "map_compare",
    "map_nl",
    "map_region",
    "near",
    "read_registry",
    "site_filter",
    "site_records",
    "stats",
    "whatif",
]
