"""What a region brief shows, computed in one go from the graph: the region's coverage, the
comparison with the default regions, white spots, published figures, its sites' sources and the
verdicts on the policy documents' claims.
``render.report`` turns the result into Markdown and HTML; it computes nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lifeport_map.analysis.claims import evaluate_claims
from lifeport_map.analysis.compare import compare, default_regions
from lifeport_map.analysis.coverage import counting_of, coverage
from lifeport_map.analysis.gaps import gaps
from lifeport_map.analysis.stats import stats
from lifeport_map.chain import Counting
from lifeport_map.graph import as_graph, members, resolve_definition, resolve_region
from lifeport_map.results import BriefData, BriefSource

if TYPE_CHECKING:
    import networkx as nx

    from lifeport_map.claims import Claim
    from lifeport_map.model import Registry


def brief(
    source: Registry | nx.MultiDiGraph,
    region: str,
    *,
    definition: str | None = None,
    lang: str = "nl",
    roles: str | Counting | None = None,
    claims: Sequence[Claim] = (),
) -> BriefData:
    """The brief of ``region`` under ``definition`` (default: the region's own), every count
    under the counting definition ``roles`` (default: industrial presence)."""
    graph = as_graph(source)
    how = counting_of(graph, roles)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    others = [r for r in default_regions(graph) if r != found.id]
    sources: dict[str, tuple[str, int | None]] = {}
    for site in members(graph, found.id, chosen.id):
        for reference, title, year in site.sources:
            if reference and reference not in sources:
                sources[reference] = (title or reference, year)
    return BriefData(
        coverage=coverage(graph, found.id, definition=chosen.id, lang=lang, roles=how),
        compare=compare(graph, [found.id, *others], lang=lang, roles=how),
        gaps=gaps(graph, found.id, definition=chosen.id, lang=lang, roles=how),
        stats=stats(graph, found.id, definition=chosen.id, lang=lang),
        sources=tuple(BriefSource(reference=k, title=v[0], year=v[1]) for k, v in sorted(sources.items())),
        claims=evaluate_claims(graph, claims, lang=lang) if claims else None,
    )
