"""The region brief: a short Markdown and HTML report of an ``analysis.brief`` result.

Coverage, comparison, white spots, fragile phases and published figures all come from the
result (``results.BriefData``); this module only renders them, so the brief and the maps agree.
Registry text enters Markdown only through ``markdown_text`` (no raw HTML, pipes escaped) and
HTML only through ``html_text``; links are made only for plain http(s) URLs.
"""

from __future__ import annotations

from dataclasses import dataclass

from lifeport_map.numbers import format_date, format_number, format_percent
from lifeport_map.provenance import Provenance
from lifeport_map.render.analysis import figure_coverage, time_note
from lifeport_map.render.labels import agree, label, name_list
from lifeport_map.render.safe import html_link, html_text, markdown_text, safe_href
from lifeport_map.results import BriefData

MAP_IMAGE = "map.png"


@dataclass(frozen=True)
class Brief:
    markdown: str
    html: str
    data: BriefData


def _table(header: list[str], rows: list[list[str]], *, md: bool) -> str:
    if md:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _share(part: int, whole: int, lang: str) -> str:
    return format_percent(part / whole if whole else None, lang) or "–"


def _render(data: BriefData, lang: str, *, md: bool, made: Provenance | None = None) -> str:

    def t(key: str) -> str:
        return label(key, lang)

    esc = markdown_text if md else html_text
    cov = data.coverage
    out: list[str] = []

    def heading(level: int, text: str) -> None:
        out.append(f"{'#' * level} {esc(text)}" if md else f"<h{level}>{esc(text)}</h{level}>")

    def para(text_escaped: str) -> None:
        out.append(text_escaped if md else f"<p>{text_escaped}</p>")

    def bullets(items: list[str]) -> None:
        out.append(
            "\n".join(f"- {i}" for i in items)
            if md
            else "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        )

    heading(1, brief_title(data, lang))
    if made is not None:
        para(esc(t("brief_made").format(date=format_date(made.date, lang), version=made.version)))
    if cov.time is not None:
        para(esc(t("brief_year").format(year=cov.time.year, mode=t(cov.time.mode))))
        para(esc(time_note(cov.time, lang)))
    para(f"{esc(t('definition'))}: {esc(cov.definition.name)}. {esc(t('brief_note'))}")
    heading(2, t("definitions"))
    region_source = f" ({cov.definition.source}, {cov.definition.year})" if cov.definition.source else ""
    radius = data.gaps.radius_km
    centre = data.gaps.centre.place or cov.region.name
    bullets(
        [
            esc(f"{t('def_region')}: {cov.definition.name}{region_source}"),
            esc(f"{t('counting')}: {cov.counting.label}. {cov.counting.rule}"),
            esc(t("def_production")),
            esc(t("def_fragile")),
            esc(t("def_employees")),
            *(
                [esc(t("def_radius").format(km=format_number(radius, lang), centre=centre))]
                if radius is not None
                else []
            ),
        ]
    )
    heading(2, t("coverage"))
    para(f"{esc(t('counting'))}: {esc(cov.counting.rule)}")
    rows = [
        [
            esc(p.label),
            str(p.count),
            str(p.organisations),
            str(p.knowledge.count),
            esc(name_list(a.name for a in p.actors[:5]) + (" …" if p.count > 5 else "")),
        ]
        for p in cov.phases
    ]
    out.append(
        _table(
            [
                esc(t("phase")),
                esc(t("sites_heading")),
                esc(t("organisations")),
                esc(t("knowledge")),
                esc(t("examples")),
            ],
            rows,
            md=md,
        )
    )
    knowledge = [
        f"{esc(p.label)}: {esc(name_list(a.name for a in p.knowledge.actors))}"
        for p in cov.phases
        if p.knowledge.count
    ]
    if knowledge:
        para(esc(t("knowledge")) + ":")
        bullets(knowledge)
    para(f"{esc(t('whole_chain'))}: {esc(t('yes') if cov.whole_chain else t('no'))}")
    heading(2, t("map"))
    out.append(
        f"![{esc(cov.region.name)}]({MAP_IMAGE})"
        if md
        else f'<img src="{MAP_IMAGE}" alt="{esc(cov.region.name)}" style="max-width:100%">'
    )
    heading(2, t("compare_others"))
    para(f"{esc(t('counting'))}: {esc(data.compare.counting.label)}.")
    rows = [
        [
            esc(entry.region.name),
            *(str(p.count) for p in entry.phases),
            esc(t("yes") if entry.whole_chain else t("no")),
            esc(t("yes") if entry.whole_chain_production else t("no")),
        ]
        for entry in data.compare.regions
    ]
    out.append(
        _table(
            [
                esc(t("region")),
                *(esc(p.label) for p in cov.phases),
                esc(t("whole_chain_short")),
                esc(t("whole_chain_production")),
            ],
            rows,
            md=md,
        )
    )
    heading(2, t("single_producers"))
    if cov.fragile_production_phases:
        bullets(
            [
                f"{esc(f.label)}: {esc(f.organisation)} ({esc(', '.join(f.sites))})"
                for f in cov.fragile_production_phases
            ]
        )
    else:
        para(esc(t("none_sentence")))
    heading(2, t("fragile"))
    if cov.fragile_phases:
        para(f"{esc(t('counting'))}: {esc(cov.counting.label)}.")
        bullets([f"{esc(f.label)}: {esc(f.organisation)}" for f in cov.fragile_phases])
    else:
        para(esc(t("none_sentence")))
    label_of_phase = {p.phase: p.label for p in cov.phases}
    heading(2, t("pipeline_heading"))
    if data.pipeline:
        bullets(
            [
                esc(
                    f"{item.name} ({item.organisation}): {t('status_' + item.status)}, "
                    + ", ".join(label_of_phase.get(p, p) for p in item.phases)
                    + "; "
                    + (f"{t('expected')} {item.expected}" if item.expected else t("year_unknown"))
                )
                for item in data.pipeline
            ]
        )
    else:
        para(esc(t("none_sentence")))
    heading(2, t("gaps"))
    rows = []
    for spot in data.gaps.white_spots:
        candidates = "; ".join(
            # whole km, as gaps gives them: the same distance reads the same in both
            f"{c.name} ({c.place}, {format_number(c.distance_km, lang, decimals=0)} km)"
            for c in spot.candidates
        )
        if radius is not None and not spot.candidates:
            candidates = t("none_within").format(km=format_number(radius, lang))
        if radius is not None and spot.candidates_beyond_radius:
            beyond = t("beyond_radius").format(
                n=spot.candidates_beyond_radius, km=format_number(radius, lang)
            )
            candidates = f"{candidates}; {beyond}"
        holder = f": {spot.holder.organisation}" if spot.holder else ""
        rows.append(
            [
                esc(label_of_phase.get(spot.phase, spot.phase)),
                esc(spot.label),
                esc((t("absent_status") if spot.status == "absent" else t("single_status")) + holder),
                esc(candidates),
            ]
        )
    out.append(
        _table([esc(t("phase")), esc(t("spot")), esc(t("status")), esc(t("candidates"))], rows, md=md)
        if rows
        else (esc(t("none_sentence")) if md else f"<p>{esc(t('none_sentence'))}</p>")
    )
    heading(2, t("figures"))
    rows = [
        [
            esc(f.label),
            str(f.year),
            _number(f.published, lang),
            _number(f.registry, lang),
            esc(figure_coverage(f, lang)),
            esc(f.note),
            esc(f.source_title or f.source),
        ]
        for f in data.stats.figures
    ]
    out.append(
        _table(
            [
                esc(t("figure")),
                esc(t("year_heading")),
                esc(t("published")),
                esc(t("registry_sum")),
                esc(t("coverage_heading")),
                esc(t("remark")),
                esc(t("sources")),
            ],
            rows,
            md=md,
        )
        if rows
        else esc(t("none_sentence"))
    )
    if data.stats.caveat:
        para(esc(data.stats.caveat))
    if data.claims is not None:
        heading(2, t("claims"))
        rows = [
            [
                esc(c.claim),
                esc(c.verdict_label),
                esc(c.finding + (f" ({'; '.join(c.missing)})" if c.missing else "")),
            ]
            for c in data.claims.claims
        ]
        out.append(_table([esc(t("claim_id")), esc(t("verdict")), esc(t("finding_brief"))], rows, md=md))
    caveats = data.caveats
    if caveats is not None:
        heading(2, t("caveats"))
        emp = caveats.employees
        bullets(
            [
                esc(
                    t("caveat_employees").format(
                        with_figure=emp.sites_with_figure,
                        sites=caveats.sites,
                        share=_share(emp.sites_with_figure, caveats.sites, lang),
                        wider=emp.wider_only,
                        have=agree(emp.sites_with_figure, "have", lang),
                    )
                ),
                esc(
                    t("caveat_place").format(
                        place=caveats.place_precision,
                        sites=caveats.sites,
                        share=_share(caveats.place_precision, caveats.sites, lang),
                        without=caveats.without_coordinates,
                        lie=agree(caveats.place_precision, "lie", lang),
                        have=agree(caveats.without_coordinates, "have", lang),
                    )
                ),
                esc(
                    t("caveat_unchecked").format(
                        unchecked=caveats.unchecked,
                        sites=caveats.sites,
                        months=caveats.stale_months,
                        be=agree(caveats.unchecked, "be", lang),
                    )
                ),
            ]
        )
    heading(2, t("sources"))
    items = []
    for s in data.sources:
        href = safe_href(s.reference)
        year = f" ({s.year})" if s.year else ""
        if md:
            items.append(
                f"[{markdown_text(s.title)}]({_md_url(href)}){year}"
                if href
                else markdown_text(s.reference) + year
            )
        else:
            items.append((html_link(href, s.title) if href else html_text(s.reference)) + year)
    out.append(
        "\n".join(f"1. {i}" for i in items)
        if md
        else "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
    )
    para(esc(t("credits")))
    return ("\n\n".join(out) + "\n") if md else "\n".join(out)


def _number(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(round(value), lang)


def _md_url(url: str | None) -> str:
    from urllib.parse import quote

    return quote(url or "", safe=":/?#@!$&'*+,;=%-._~")


# The brief runs no script and fetches nothing but its map image beside it.
BRIEF_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
HTML_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{title}</title>
<style>body{{font-family:system-ui,Arial,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;line-height:1.45;overflow-wrap:break-word}}
table{{border-collapse:collapse;margin:.5rem 0;display:block;max-width:100%;overflow-x:auto}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}}
th{{background:#f3f3f3}}</style></head><body>
{body}
</body></html>
"""


def brief_title(data: BriefData, lang: str) -> str:
    """'Regiobrief: <region>', with the year it describes under ``--year`` ('... · situatie in
    2000', as the maps' titles say it)."""
    title = f"{label('brief_title', lang)}: {data.coverage.region.name}"
    found = data.coverage.time
    return title if found is None else f"{title} · {label('provenance_' + found.mode, lang)} {found.year}"


def render_brief(data: BriefData, lang: str = "nl", *, made: Provenance | None = None) -> Brief:
    """The brief as Markdown and as a standalone HTML page; ``made`` (date and registry
    version) heads it when given."""
    title = brief_title(data, lang)
    body = _render(data, lang, md=False, made=made)
    html = HTML_PAGE.format(lang=html_text(lang), title=html_text(title), body=body, policy=BRIEF_POLICY)
    return Brief(markdown=_render(data, lang, md=True, made=made), html=html, data=data)
