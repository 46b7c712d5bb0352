"""A region's published figures next to what the registry itself sums to.

Figures broken down by a taxonomy view (the five pillars, the national categories) are compared
group by group with the sum of the latest employee figures of the region's counted sites doing
an activity of that group. Registry sums cover only sites with a figure, so they are a lower
bound of what the registry describes, not an estimate of the region. The figures ride on the
region's node, the views' groups are group nodes with in-group edges from their activities.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import definition_info
from lifeport_map.chain import COUNTED_STATUSES, EMPLOYEES_RULE, is_counted
from lifeport_map.graph import SiteNode, as_graph, members, nodes_of_type, resolve_definition, resolve_region
from lifeport_map.results import (
    FigureComparison,
    GroupComparison,
    RegionRef,
    RegistrySum,
    Stats,
    StatsMethod,
)

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import RegionFigure, Registry

CAVEAT = (
    "registry sums cover only the {with_figure} of {sites} counted sites in the region that have "
    "an employee figure; {without} have none. A site doing activities of several groups counts "
    "fully in each group; the registry total counts it once. Differences are registry minus "
    "published."
)


def stats(
    source: Registry | nx.MultiDiGraph, region: str, *, definition: str | None = None, lang: str = "en"
) -> Stats:
    """Each published figure of ``region`` with the registry's counterpart and the difference."""
    graph = as_graph(source)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    counted = [s for s in members(graph, found.id, chosen.id) if is_counted(s.status)]
    with_figure = sum(1 for s in counted if s.employees is not None)
    return Stats(
        region=RegionRef(id=found.id, name=found.text(lang)),
        definition=definition_info(chosen, lang),
        registry=RegistrySum(
            sites=len(counted),
            sites_with_figure=with_figure,
            sites_without_figure=len(counted) - with_figure,
            employees_known=sum(s.employees for s in counted if s.employees is not None),
        ),
        figures=tuple(_compare_figure(graph, figure, counted, lang) for figure in found.figures),
        caveat=CAVEAT.format(with_figure=with_figure, sites=len(counted), without=len(counted) - with_figure),
        method=StatsMethod(statuses_counted=COUNTED_STATUSES, employees=EMPLOYEES_RULE),
    )


def view_groups(graph: nx.MultiDiGraph, view: str) -> list[tuple[str, dict[str, str], frozenset[str]]]:
    """The groups of a taxonomy view in order: key, labels by language, activities."""
    out = []
    for node in nodes_of_type(graph, "group"):
        data = graph.nodes[node]
        if data["view"] != view:
            continue
        activities = frozenset(
            graph.nodes[u]["key"] for u, _, k in graph.in_edges(node, keys=True) if k == "in-group"
        )
        out.append((str(data["key"]), {"nl": data["label_nl"], "en": data["label_en"]}, activities))
    return out


def _difference(registry_value: float | None, published: float | None) -> float | None:
    if registry_value is None or published is None:
        return None
    return registry_value - published


def _compare_figure(
    graph: nx.MultiDiGraph, figure: RegionFigure, counted: list[SiteNode], lang: str
) -> FigureComparison:
    result = FigureComparison(
        id=figure.id,
        label=figure.label.get(lang) or figure.label.get("en") or figure.id,
        metric=figure.metric,
        scope=figure.scope,
        year=figure.year,
        scenario=figure.scenario,
        approximate=figure.approximate,
        source=figure.source.reference,
        source_title=figure.source.title,
        breakdown=figure.breakdown,
        published=figure.value,
        registry=None,
        difference=None,
        groups=(),
        comparable=False,
        note="no registry counterpart: only employee figures broken down by a "
        "taxonomy view are summed from the registry; compare the scope by hand",
    )
    views = {graph.nodes[n]["view"] for n in nodes_of_type(graph, "group")}
    if figure.metric != "employees" or figure.breakdown not in views:
        return result
    assert figure.breakdown is not None
    in_any: dict[str, int | None] = {}
    groups = []
    for group, labels, activities in view_groups(graph, figure.breakdown):
        holders = [s for s in counted if activities.intersection(s.activities)]
        total = sum(s.employees for s in holders if s.employees is not None)
        in_any.update((s.id, s.employees) for s in holders)
        published = figure.values.get(group)
        groups.append(
            GroupComparison(
                group=group,
                label=labels.get(lang) or labels["en"],
                published=published,
                registry=total,
                difference=_difference(total, published),
                sites=len(holders),
                sites_with_figure=sum(1 for s in holders if s.employees is not None),
            )
        )
    registry_total = sum(v for v in in_any.values() if v is not None)
    return replace(
        result,
        registry=registry_total,
        difference=_difference(registry_total, figure.value),
        groups=tuple(groups),
        comparable=figure.scenario is None,
        note=(
            f"scenario '{figure.scenario}' for {figure.year}: the registry holds "
            "current figures, so the difference shows the distance to the scenario, "
            "not an error"
        )
        if figure.scenario
        else "registry sums are a lower bound: sites without a figure add nothing",
        sites=len(in_any),
        sites_with_figure=sum(1 for v in in_any.values() if v is not None),
    )
