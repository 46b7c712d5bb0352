"""CLI commands: the analyses (coverage, compare, gaps, whatif, near, stats) and export.

Each command parses its options, calls one function of ``lifeport_map.analysis`` and renders
the plain-data result as a table, JSON, CSV or Markdown. Analyses load the registry with its
structure checked strictly but skip the slower semantic checks (run ``validate`` for those), so
that ``coverage`` answers quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from lifeport_map.commands.common import (
    Lang,
    YearOption,
    _out,
    app,
    closed_pipe,
    fail,
    format_of_output,
    lang_option,
    load,
    load_graph,
    origin_finder,
    refuse_input_as_output,
    usage_first,
)
from lifeport_map.commands.common import LangOption as MessageLangOption
from lifeport_map.errors import LifeportError

if TYPE_CHECKING:
    from lifeport_map.results import Comparison, Result

R = TypeVar("R", bound="Result")


class AnalysisFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    geojson = "geojson"
    graphml = "graphml"


FormatOption = Annotated[
    AnalysisFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (default), json (stable, for scripts), csv (the main table) or markdown.",
    ),
]
LangOption = Annotated[Lang, lang_option("Language of labels: nl or en.")]


class CsvDialect(StrEnum):
    nl = "nl"
    en = "en"


CsvDialectOption = Annotated[
    CsvDialect | None,
    typer.Option(
        "--csv-dialect",
        help="CSV for Dutch spreadsheets (nl: ';' between fields, decimal commas) or English ones "
        "(en: ',' and decimal points); default: the --lang.",
    ),
]
RegionOption = Annotated[
    str,
    typer.Option(
        "--region", "-r", help="Region id, name or alias, e.g. nijmegen, lifeport, 'Silicon Saxony'."
    ),
]
RolesOption = Annotated[
    str | None,
    typer.Option(
        "--roles",
        help="What a phase's headline counts: industry (default: companies in production, equipment "
        "and materials, design and services roles; knowledge institutes beside), production, all, or "
        "role ids separated by commas (e.g. production,equipment-materials).",
    ),
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", help="Keep sites in this country (two letters, e.g. NL); repeatable."),
]
TechnologyOption = Annotated[
    list[str] | None,
    typer.Option(
        "--technology", help="Keep sites whose facility has this technology (e.g. gan, sin); repeatable."
    ),
]
WaferOption = Annotated[
    list[int] | None,
    typer.Option("--wafer-mm", help="Keep sites whose facility has this wafer diameter in mm; repeatable."),
]
FacilityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--facility-type", help="Keep sites with this kind of facility (e.g. wafer-fab, foundry); repeatable."
    ),
]
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help="Keep sites of this kind (e.g. idm, university), or 'companies' / 'knowledge' "
        "(knowledge institutes); repeatable.",
    ),
]
OrganisationOption = Annotated[
    list[str] | None,
    typer.Option(
        "--organisation",
        help="Keep sites of this organisation (its whole name, case-insensitive, e.g. 'NXP "
        "Semiconductors'); repeatable.",
    ),
]
SiteOption = Annotated[
    list[str] | None,
    typer.Option("--site", help="Keep only this site (its id, e.g. nxp-nijmegen); repeatable."),
]
ActivityFilterOption = Annotated[
    list[str] | None,
    typer.Option("--activity", "-a", help="Keep sites doing this activity; repeat for any of several."),
]


def _filters(
    country: list[str] | None = None,
    activity: list[str] | None = None,
    technology: list[str] | None = None,
    wafer_mm: list[int] | None = None,
    facility_type: list[str] | None = None,
    kind: list[str] | None = None,
    status: list[str] | None = None,
    organisation: list[str] | None = None,
    site: list[str] | None = None,
) -> Any:
    """The site filter the options describe (None when none is given); a country or wafer size
    no registry can have is a usage error here, before any file is looked for."""
    from lifeport_map.analysis.filters import check_filter_values, site_filter

    found = site_filter(
        countries=country or (),
        activities=activity or (),
        technologies=technology or (),
        wafer_mm=wafer_mm or (),
        facility_types=facility_type or (),
        kinds=kind or (),
        statuses=status or (),
        organisations=organisation or (),
        ids=site or (),
    )
    usage_first(lambda: check_filter_values(found))
    return None if found.is_empty else found


DefinitionOption = Annotated[
    str | None,
    typer.Option(
        "--definition",
        help="Region definition to use (default: the region's default); see the region file for the names.",
    ),
]


def _show(result: Result, fmt: AnalysisFormat, lang: Lang, csv_dialect: CsvDialect | None = None) -> None:
    """Render an analysis result in the chosen format on standard output; its warnings go to
    standard error as well."""
    import sys

    from lifeport_map.render.analysis import warning_lines
    from lifeport_map.render.safe import terminal

    for line in warning_lines(result, lang.value):
        sys.stderr.write(terminal(line) + "\n")
    if fmt is AnalysisFormat.json:
        from lifeport_map.results import json_text

        _out(json_text(result.to_json()))
        return
    from lifeport_map.render.analysis import sections as build_sections
    from lifeport_map.render.tables import print_console, to_csv, to_markdown

    sections = build_sections(result, lang.value)
    if fmt is AnalysisFormat.table:
        print_console(sections, lang.value)
    elif fmt is AnalysisFormat.markdown:
        _out(to_markdown(sections, lang.value))
    else:
        _out(to_csv(sections, (csv_dialect or lang).value, lang.value))


def _run(ctx: typer.Context, compute: Callable[[Any], R]) -> R:
    graph = load_graph(ctx)
    try:
        return compute(graph)
    except LifeportError as error:
        fail(error)


@app.command()
def coverage(
    ctx: typer.Context,
    region: RegionOption,
    definition: DefinitionOption = None,
    roles: RolesOption = None,
    country: CountryOption = None,
    activity: ActivityFilterOption = None,
    technology: TechnologyOption = None,
    wafer_mm: WaferOption = None,
    facility_type: FacilityOption = None,
    kind: KindOption = None,
    organisation: OrganisationOption = None,
    site: SiteOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Keep only sites with this status (active, planned, under-construction); "
            "repeatable. Only active sites count; planned ones are listed as the pipeline.",
        ),
    ] = None,
    year: YearOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """Which value-chain phases a region covers, by whom, in which roles, and how fragile.

    Per phase in chain order: sites and organisations, activities present and absent, known
    employees (and sites without a figure), roles, whether the whole chain is held in
    production roles, and phases held by a single organisation. Only active sites count.

    Example: lifeport-map coverage --region nijmegen --lang en

    Example: lifeport-map coverage --region nijmegen --year 2030
    """
    from lifeport_map.analysis.coverage import coverage as compute

    filters = _filters(
        country, activity, technology, wafer_mm, facility_type, kind, status, organisation, site
    )
    result = _run(
        ctx,
        lambda reg: compute(
            reg, region, definition=definition, lang=lang.value, roles=roles, filters=filters, year=year
        ),
    )
    _show(result, fmt, lang, csv_dialect)


@app.command()
def compare(
    ctx: typer.Context,
    regions: Annotated[
        list[str] | None,
        typer.Argument(
            help="Regions to compare (default: nijmegen brainport twente delft leuven dresden).",
            show_default=False,
        ),
    ] = None,
    definition: Annotated[
        list[str] | None,
        typer.Option(
            "--definition",
            help="One definition for every region (e.g. radius-25km), or REGION=DEFINITION, repeatable.",
        ),
    ] = None,
    roles: RolesOption = None,
    country: CountryOption = None,
    activity: ActivityFilterOption = None,
    technology: TechnologyOption = None,
    wafer_mm: WaferOption = None,
    facility_type: FacilityOption = None,
    kind: KindOption = None,
    organisation: OrganisationOption = None,
    site: SiteOption = None,
    year: YearOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """Compare regions: phase x region matrix, whole-chain regions and specialisation.

    Specialisation is a location quotient (share of a region's sites, or employees, in a phase
    relative to all compared regions); the definitions used are listed.

    Example: lifeport-map compare nijmegen dresden leuven --format markdown
    """
    from lifeport_map.analysis.compare import compare as compute
    from lifeport_map.analysis.compare import parse_definitions

    definitions: list[Any] = []
    usage_first(lambda: definitions.append(parse_definitions(definition or [])))
    filters = _filters(country, activity, technology, wafer_mm, facility_type, kind, None, organisation, site)

    def go(registry: Any) -> Comparison:
        return compute(
            registry,
            regions or None,
            definition=definitions[0],
            lang=lang.value,
            roles=roles,
            filters=filters,
            year=year,
        )

    _show(_run(ctx, go), fmt, lang, csv_dialect)


@app.command()
def gaps(
    ctx: typer.Context,
    region: RegionOption,
    definition: DefinitionOption = None,
    limit: Annotated[int, typer.Option(help="Candidates per white spot (1 to 50).")] = 3,
    roles: RolesOption = None,
    country: CountryOption = None,
    activity: ActivityFilterOption = None,
    technology: TechnologyOption = None,
    wafer_mm: WaferOption = None,
    facility_type: FacilityOption = None,
    kind: KindOption = None,
    organisation: OrganisationOption = None,
    site: SiteOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """White spots of a region and the nearest candidate providers elsewhere (geodesic km).

    A white spot is a phase or activity that no organisation in the region covers, or only
    one; candidates are active sites outside the region, nearest to the region centre first.

    Example: lifeport-map gaps --region nijmegen --limit 5
    """
    from lifeport_map.analysis.gaps import check_candidates
    from lifeport_map.analysis.gaps import gaps as compute

    usage_first(lambda: check_candidates(limit))
    filters = _filters(country, activity, technology, wafer_mm, facility_type, kind, None, organisation, site)
    result = _run(
        ctx,
        lambda reg: compute(
            reg, region, definition=definition, lang=lang.value, limit=limit, roles=roles, filters=filters
        ),
    )
    _show(result, fmt, lang, csv_dialect)


@app.command()
def whatif(
    ctx: typer.Context,
    region: RegionOption,
    without: Annotated[
        list[str], typer.Option("--without", "-w", help="Site id to remove; repeat for several.")
    ],
    definition: DefinitionOption = None,
    roles: RolesOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """A region's coverage before and after removing sites, and what is lost.

    Example: lifeport-map whatif --region nijmegen --without nxp-nijmegen
    """
    from lifeport_map.analysis.whatif import whatif as compute

    result = _run(
        ctx, lambda reg: compute(reg, region, without, definition=definition, lang=lang.value, roles=roles)
    )
    _show(result, fmt, lang, csv_dialect)


@app.command()
def near(
    ctx: typer.Context,
    origin: Annotated[
        str,
        typer.Argument(
            help="A place name (offline gazetteer, optionally 'Name, CC'), a site id, a region, "
            "or 'lat,lon' in decimal degrees.",
            show_default=False,
        ),
    ],
    radius_km: Annotated[float, typer.Option("--radius-km", help="Radius in km.")] = 50.0,
    activity: Annotated[
        list[str] | None,
        typer.Option("--activity", "-a", help="Keep sites doing this activity; repeat for any of several."),
    ] = None,
    phase: Annotated[str | None, typer.Option("--phase", "-p", help="Keep sites in this phase.")] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help="Keep sites with an activity in this role (within --phase if given), e.g. production.",
        ),
    ] = None,
    include_planned: Annotated[
        bool, typer.Option("--include-planned", help="Also list planned and under-construction sites.")
    ] = False,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Keep sites with this status (active, planned, under-construction, closed); "
            "repeatable; replaces --include-planned.",
        ),
    ] = None,
    country: CountryOption = None,
    technology: TechnologyOption = None,
    wafer_mm: WaferOption = None,
    facility_type: FacilityOption = None,
    kind: KindOption = None,
    organisation: OrganisationOption = None,
    site: SiteOption = None,
    roles: Annotated[
        str | None,
        typer.Option(
            "--roles",
            help="Keep sites that count in at least one phase under this counting definition "
            "(industry, production, all, or role ids); see 'coverage --help'.",
        ),
    ] = None,
    year: YearOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """Sites within a radius of a place, site or coordinates, nearest first (geodesic km).

    Filters combine: a site must pass each one given, and within one repeated option any value.

    Example: lifeport-map near Nijmegen --radius-km 300 --phase front-end --role production

    Example: lifeport-map near Nijmegen --radius-km 300 --facility-type wafer-fab --country DE

    Example: lifeport-map near Nijmegen --radius-km 300 --facility-type wafer-fab --year 2000
    """
    from lifeport_map.analysis.near import check_origin_form, check_radius
    from lifeport_map.analysis.near import near as compute
    from lifeport_map.chain import COUNTED_STATUSES, PIPELINE_STATUSES

    usage_first(lambda: check_radius(radius_km))
    usage_first(lambda: check_origin_form(origin))
    filters = _filters(country, None, technology, wafer_mm, facility_type, kind, status, organisation, site)
    statuses = (*COUNTED_STATUSES, *PIPELINE_STATUSES) if include_planned else COUNTED_STATUSES
    result = _run(
        ctx,
        lambda reg: compute(
            reg,
            origin,
            radius_km=radius_km,
            activities=activity or (),
            phase=phase,
            role=role,
            statuses=statuses,
            lang=lang.value,
            filters=filters,
            roles=roles,
            year=year,
        ),
    )
    _show(result, fmt, lang, csv_dialect)


@app.command()
def stats(
    ctx: typer.Context,
    region: RegionOption,
    definition: DefinitionOption = None,
    year: YearOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """A region's published figures next to what the registry sums to, with the difference.

    Employees per pillar (and per scenario) are compared group by group with the latest
    employee figures of the region's sites; registry sums cover only sites with a figure.

    Example: lifeport-map stats --region nijmegen --lang en

    Example: lifeport-map stats --region nijmegen --year 2030
    """
    from lifeport_map.analysis.stats import stats as compute

    result = _run(ctx, lambda reg: compute(reg, region, definition=definition, lang=lang.value, year=year))
    _show(result, fmt, lang, csv_dialect)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="json (sites, regions, graph), csv (one row per site, for "
            "spreadsheets), geojson (QGIS) or graphml (Gephi). Default: the --output file's "
            "extension (.json, .csv, .geojson, .graphml; another one needs --format), json on "
            "standard output.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", readable=False, help="File to write (atomically); default: standard output."
        ),
    ] = None,
    csv_dialect: Annotated[
        CsvDialect,
        typer.Option(
            "--csv-dialect",
            help="For --format csv: en (',' between fields, decimal points; the default, as the "
            "column names are English ids) or nl (';' and decimal commas, for Dutch spreadsheets).",
        ),
    ] = CsvDialect.en,
    year: YearOption = None,
    lang: MessageLangOption = Lang.nl,
) -> None:
    """Export the registry and its value-chain graph for other tools; with --year the sites and
    statuses of the chain in that year.

    Example: lifeport-map export --format geojson --output sites.geojson

    Example: lifeport-map export --format csv --csv-dialect nl --output sites.csv
    """
    from lifeport_map.messages import msg
    from lifeport_map.render.export import export_bytes, export_files

    try:
        suffixes = {f".{kind.value}": kind.value for kind in ExportFormat}
        fmt = ExportFormat(
            format_of_output(output, fmt.value if fmt else None, suffixes)
            if output
            else fmt or ExportFormat.json
        )
    except LifeportError as error:
        fail(error)
    if output is not None:
        refuse_input_as_output(ctx, output)
    registry = load(ctx, check=False)
    try:
        if year is not None:
            from lifeport_map.analysis.coverage import registry_in_year

            registry = registry_in_year(registry, year)
        if output is None:
            import sys

            data = export_bytes(registry, fmt.value, csv_dialect=csv_dialect.value)
            try:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            except OSError as exc:
                from lifeport_map.errors import OutputError
                from lifeport_map.fileio import reason_of

                if closed_pipe(exc):
                    raise
                raise OutputError(
                    msg("output.stdout", reason=reason_of(exc)), hint=msg("output.stdout/hint")
                ) from None
            if fmt.value == "csv":
                sys.stderr.write(msg("export.csv-metadata-note").render(lang.value) + "\n")
            return
        from lifeport_map.fileio import write_files_atomic
        from lifeport_map.render.labels import label
        from lifeport_map.render.safe import terminal

        files = export_files(registry, fmt.value, output, csv_dialect.value)
        write_files_atomic(files, given_by="--output")
        _out(label("wrote_files", lang.value).format(paths=", ".join(terminal(str(p)) for p, _ in files)))
    except LifeportError as error:
        fail(error)


@app.command()
def claims(
    ctx: typer.Context,
    claims_file: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            readable=False,
            help="Claims file (default: claims.yaml next to the registry, i.e. data/claims.yaml).",
        ),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--id", help="Evaluate only this claim; repeatable.")
    ] = None,
    year: YearOption = None,
    fmt: FormatOption = AnalysisFormat.table,
    lang: LangOption = Lang.nl,
    csv_dialect: CsvDialectOption = None,
) -> None:
    """Check the policy documents' claims against the registry: holds, does not hold, or cannot
    tell (naming the missing data), with the sites counted and the command that reproduces it.

    Exit code 0 whatever the verdicts (they are information); 1 when the claims file or the
    registry is invalid, 2 for a usage error.

    Example: lifeport-map claims --format markdown

    Example: lifeport-map claims --id only-fab-benelux --lang en
    """
    from lifeport_map.analysis.claims import evaluate_claims
    from lifeport_map.analysis.coverage import in_year
    from lifeport_map.claims import default_claims_path, load_claims
    from lifeport_map.errors import UsageError
    from lifeport_map.graph import build_graph
    from lifeport_map.messages import msg

    registry = load(ctx, check=False)
    try:
        path = claims_file or default_claims_path(registry.registry_path)
        found = load_claims(path, registry, place=origin_finder(registry))
        if only:
            unknown = [i for i in only if i not in {c.id for c in found}]
            if unknown:
                raise UsageError(
                    msg("usage.unknown-claim", claim=unknown[0]),
                    hint=msg("use-one-of", values=", ".join(c.id for c in found)),
                )
            found = tuple(c for c in found if c.id in only)
        result = evaluate_claims(in_year(build_graph(registry), year), found, lang=lang.value)
    except LifeportError as error:
        fail(error)
    _show(result, fmt, lang, csv_dialect)
