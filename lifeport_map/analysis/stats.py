"""A region's published figures next to what the registry itself sums to.

Figures broken down by a taxonomy view (the five pillars, the national categories) are compared
group by group with the sum of the latest site-level employee figures of the region's counted
sites doing activities of that group only; a site doing activities of several groups is counted
in none of them (no source splits its staff) but listed apart and added to the total once.
Organisation- and region-wide figures are never added (they are listed apart). Registry sums
cover only sites with a figure, so they are a lower bound of what the registry describes, not an
estimate of the region; each states its coverage and its share of the published total. The figures ride on the
region's node, the views' groups are group nodes with in-group edges from their activities.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lifeport_map.analysis.coverage import definition_info, in_year, time_info
from lifeport_map.chain import COUNTED_STATUSES, is_counted, rule_text
from lifeport_map.graph import (
    SiteNode,
    as_graph,
    check_lang,
    members,
    nodes_of_type,
    resolve_definition,
    resolve_region,
)
from lifeport_map.numbers import format_number
from lifeport_map.render.labels import agree, label
from lifeport_map.results import (
    FigureComparison,
    GroupComparison,
    RegionRef,
    RegistrySum,
    SharedSite,
    Stats,
    StatsMethod,
    WiderFigure,
)

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.model import RegionFigure, Registry


def stats(
    source: Registry | nx.MultiDiGraph,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "en",
    year: int | None = None,
    today: int | None = None,
) -> Stats:
    """Each published figure of ``region`` with the registry's counterpart and the difference;
    with ``year``, the registry's sums of the chain as it was or is planned to be then (as in
    ``coverage``)."""
    check_lang(lang)
    graph = in_year(as_graph(source), year, today)
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
            employees_max=sum(s.employees_max or s.employees or 0 for s in counted),
            scope_unstated=sum(1 for s in counted if s.employees is not None and s.employees_scope != "site"),
        ),
        figures=tuple(_compare_figure(graph, figure, counted, lang) for figure in found.figures),
        caveat=label("stats_caveat", lang).format(
            with_figure=format_number(with_figure, lang),
            sites=format_number(len(counted), lang),
            without=format_number(len(counted) - with_figure, lang),
            have=agree(len(counted) - with_figure, "have", lang),
        ),
        method=StatsMethod(statuses_counted=COUNTED_STATUSES, employees=rule_text("employees", lang)),
        wider_figures=tuple(
            WiderFigure(
                id=s.id,
                name=s.name,
                organisation=s.organisation,
                value=s.wider_employees[0],
                year=s.wider_employees[1],
                scope=s.wider_employees[2],
                source=s.wider_employees[3],
            )
            for s in counted
            if s.wider_employees is not None
        ),
        time=time_info(graph, counted, lang),
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
        note=label("stats_note_no_counterpart", lang),
    )
    views = {graph.nodes[n]["view"] for n in nodes_of_type(graph, "group")}
    if figure.metric != "employees" or figure.breakdown not in views:
        return result
    assert figure.breakdown is not None
    view = view_groups(graph, figure.breakdown)
    groups_of = {
        s.id: tuple(group for group, _, activities in view if activities.intersection(s.activities))
        for s in counted
    }
    in_any = [s for s in counted if groups_of[s.id]]
    groups = []
    for group, labels, _ in view:
        holders = [s for s in in_any if groups_of[s.id] == (group,)]
        total = sum(s.employees for s in holders if s.employees is not None)
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
                shared=sum(1 for s in in_any if group in groups_of[s.id] and len(groups_of[s.id]) > 1),
            )
        )
    registry_total = sum(s.employees for s in in_any if s.employees is not None)
    return replace(
        result,
        registry=registry_total,
        difference=_difference(registry_total, figure.value),
        groups=tuple(groups),
        comparable=figure.scenario is None,
        note=label("stats_note_scenario", lang).format(scenario=figure.scenario, year=figure.year)
        if figure.scenario
        else label("stats_note_lower_bound", lang),
        sites=len(in_any),
        sites_with_figure=sum(1 for s in in_any if s.employees is not None),
        registry_max=sum(s.employees_max or s.employees or 0 for s in in_any),
        share_of_published=round(registry_total / figure.value, 3)
        if figure.value and figure.scenario is None
        else None,
        shared_sites=tuple(
            SharedSite(id=s.id, name=s.name, employees=s.employees, groups=groups_of[s.id])
            for s in in_any
            if len(groups_of[s.id]) > 1
        ),
    )
