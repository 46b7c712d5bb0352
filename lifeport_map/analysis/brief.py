"""What a region brief shows, computed in one go from the graph: the region's coverage, the
comparison with the default regions, white spots with candidates within a radius, published
figures, the pipeline with expected years, the caveats on the data (employee figures,
coordinate precision, unchecked entries), its sites' sources and the verdicts on the policy
documents' claims.
``render.report`` turns the result into Markdown and HTML; it computes nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lifeport_map.analysis.claims import evaluate_claims
from lifeport_map.analysis.compare import compare, default_regions
from lifeport_map.analysis.coverage import counting_of, coverage, employee_sum, in_year
from lifeport_map.analysis.gaps import gaps
from lifeport_map.analysis.stats import stats
from lifeport_map.chain import Counting, is_counted, is_pipeline
from lifeport_map.graph import (
    as_graph,
    check_lang,
    members,
    resolve_definition,
    resolve_region,
    site_timeline,
)
from lifeport_map.results import BriefCaveats, BriefData, BriefPipelineItem, BriefSource
from lifeport_map.schema import MONTH
from lifeport_map.validate_fields import STALE_MONTHS, month_index

DEFAULT_RADIUS_KM = 150.0

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
    radius_km: float = DEFAULT_RADIUS_KM,
    today: str | None = None,
    year: int | None = None,
) -> BriefData:
    """The brief of ``region`` under ``definition`` (default: the region's own), every count
    under the counting definition ``roles`` (default: industrial presence); white-spot
    candidates within ``radius_km`` of the region's centre; entries count as unchecked when
    their 'checked' month is missing or more than validate's STALE_MONTHS before ``today``
    (YYYY-MM-DD, default: the map date, see provenance.map_date). ``year`` describes the chain
    as it was or is planned to be then (``coverage.in_year``, today being ``today``'s year):
    every count, the pipeline, the white spots, the comparison and the claims follow it, and
    ``coverage.time`` says so."""
    check_lang(lang)
    if today is None:
        from lifeport_map.provenance import map_date

        today = map_date()
    graph = in_year(as_graph(source), year, int(today[:4]))
    how = counting_of(graph, roles)
    found = resolve_region(graph, region)
    chosen = resolve_definition(graph, found, definition)
    others = [r for r in default_regions(graph) if r != found.id]
    now = month_index(today[:7])
    sources: dict[str, tuple[str, int | None]] = {}
    inside = members(graph, found.id, chosen.id)
    for site in inside:
        for reference, title, year in site.sources:
            if reference and reference not in sources:
                sources[reference] = (title or reference, year)
    counted = [s for s in inside if is_counted(s.status)]
    return BriefData(
        coverage=coverage(graph, found.id, definition=chosen.id, lang=lang, roles=how),
        compare=compare(graph, [found.id, *others], lang=lang, roles=how),
        gaps=gaps(graph, found.id, definition=chosen.id, lang=lang, roles=how, radius_km=radius_km),
        stats=stats(graph, found.id, definition=chosen.id, lang=lang),
        sources=tuple(BriefSource(reference=k, title=v[0], year=v[1]) for k, v in sorted(sources.items())),
        claims=evaluate_claims(graph, claims, lang=lang) if claims else None,
        pipeline=tuple(
            BriefPipelineItem(
                id=s.id,
                name=s.name,
                organisation=s.organisation,
                status=s.status,
                phases=s.phases,
                expected=site_timeline(s)[2],
            )
            for s in inside
            if is_pipeline(s.status)
        ),
        caveats=BriefCaveats(
            sites=len(counted),
            employees=employee_sum(counted),
            place_precision=sum(1 for s in counted if s.has_coordinates and s.precision in (None, "place")),
            without_coordinates=sum(1 for s in counted if not s.has_coordinates),
            unchecked=sum(
                1
                for s in counted
                if not MONTH.match(s.checked) or now - month_index(s.checked) > STALE_MONTHS
            ),
            stale_months=STALE_MONTHS,
        ),
    )
