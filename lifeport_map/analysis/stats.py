"""A region's published figures next to what the registry itself sums to.

Figures broken down by a taxonomy view (the five pillars, the national categories) are compared
group by group with the sum of the latest employee figures of the region's counted sites doing
an activity of that group. Registry sums cover only sites with a figure, so they are a lower
bound of what the registry describes, not an estimate of the region.
"""

from __future__ import annotations

from typing import Any

from lifeport_map.analysis.coverage import definition_info, site_employees
from lifeport_map.chain import COUNTED_STATUSES, EMPLOYEES_RULE
from lifeport_map.geo import region_sites, resolve_definition, resolve_region
from lifeport_map.model import RegionFigure, Registry, Site

CAVEAT = (
    "registry sums cover only the {with_figure} of {sites} counted sites in the region that have "
    "an employee figure; {without} have none. A site doing activities of several groups counts "
    "fully in each group; the registry total counts it once. Differences are registry minus "
    "published."
)


def stats(
    registry: Registry, region: str, *, definition: str | None = None, lang: str = "en"
) -> dict[str, Any]:
    """Each published figure of ``region`` with the registry's counterpart and the difference."""
    found = resolve_region(registry, region)
    chosen = resolve_definition(found, definition)
    counted = [s for s in region_sites(registry, found, chosen.id) if s.status in COUNTED_STATUSES]
    figures = [site_employees(s) for s in counted]
    with_figure = sum(1 for f in figures if f is not None)
    return {
        "region": {"id": found.id, "name": found.text(lang)},
        "definition": definition_info(chosen, lang),
        "registry": {
            "sites": len(counted),
            "sites_with_figure": with_figure,
            "sites_without_figure": len(counted) - with_figure,
            "employees_known": sum(f for f in figures if f is not None),
        },
        "figures": [_compare_figure(registry, figure, counted, lang) for figure in found.figures],
        "caveat": CAVEAT.format(
            with_figure=with_figure, sites=len(counted), without=len(counted) - with_figure
        ),
        "method": {"statuses_counted": list(COUNTED_STATUSES), "employees": EMPLOYEES_RULE},
    }


def _difference(registry_value: float | None, published: float | None) -> float | None:
    if registry_value is None or published is None:
        return None
    return registry_value - published


def _compare_figure(
    registry: Registry, figure: RegionFigure, counted: list[Site], lang: str
) -> dict[str, Any]:
    taxonomy = registry.taxonomy
    view_ids = {v.id for v in taxonomy.views}
    result: dict[str, Any] = {
        "id": figure.id,
        "label": figure.label.get(lang) or figure.label.get("en") or figure.id,
        "metric": figure.metric,
        "scope": figure.scope,
        "year": figure.year,
        "scenario": figure.scenario,
        "approximate": figure.approximate,
        "source": figure.source.reference,
        "source_title": figure.source.title,
        "breakdown": figure.breakdown,
        "published": figure.value,
        "registry": None,
        "difference": None,
        "groups": [],
        "comparable": False,
        "note": "",
    }
    if figure.metric != "employees" or figure.breakdown not in view_ids:
        result["note"] = (
            "no registry counterpart: only employee figures broken down by a "
            "taxonomy view are summed from the registry; compare the scope by hand"
        )
        return result
    assert figure.breakdown is not None
    view = taxonomy.view(figure.breakdown)
    in_any: dict[str, int | None] = {}
    for group, activities in view.groups:
        members = [s for s in counted if set(activities).intersection(s.activities)]
        known = [(s.id, site_employees(s)) for s in members]
        total = sum(v for _, v in known if v is not None)
        in_any.update(known)
        published = figure.values.get(group.id)
        result["groups"].append(
            {
                "group": group.id,
                "label": group.text(lang),
                "published": published,
                "registry": total,
                "difference": _difference(total, published),
                "sites": len(members),
                "sites_with_figure": sum(1 for _, v in known if v is not None),
            }
        )
    registry_total = sum(v for v in in_any.values() if v is not None)
    result["registry"] = registry_total
    result["difference"] = _difference(registry_total, figure.value)
    result["sites"] = len(in_any)
    result["sites_with_figure"] = sum(1 for v in in_any.values() if v is not None)
    result["comparable"] = figure.scenario is None
    result["note"] = (
        (
            f"scenario '{figure.scenario}' for {figure.year}: the registry holds "
            "current figures, so the difference shows the distance to the scenario, "
            "not an error"
        )
        if figure.scenario
        else "registry sums are a lower bound: sites without a figure add nothing"
    )
    return result
