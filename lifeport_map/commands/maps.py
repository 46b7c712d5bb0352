"""CLI commands: interactive maps (``map nl``, ``map region``, ``map compare``), static figures,
the region brief (``report``) and importing official region boundaries (``regions``).

Each command builds the page or figure with ``lifeport_map.render`` and writes it atomically;
folium, geopandas and matplotlib are imported only inside the commands.
"""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lifeport_map.commands.common import (
    Lang,
    YearOption,
    _out,
    app,
    fail,
    format_of_output,
    lang_option,
    load_cached,
    origin_finder,
    refuse_input_as_output,
    usage_first,
)
from lifeport_map.commands.common import LangOption as MessageLangOption
from lifeport_map.errors import LifeportError

map_app = typer.Typer(
    help="Interactive (HTML) and static (PNG, SVG, PDF) maps.\n\n"
    "Example: lifeport-map map nl --output out/bijlage1.html",
    no_args_is_help=True,
    rich_markup_mode=None,
)
regions_app = typer.Typer(
    help="Region files: import an official boundary.\n\n"
    "Example: lifeport-map regions import-boundary NL226.geojson "
    "--region nijmegen",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(map_app, name="map")
app.add_typer(regions_app, name="regions")


class Tiles(StrEnum):
    none = "none"
    osm = "osm"
    carto = "carto"


class MapFormat(StrEnum):
    html = "html"
    png = "png"
    svg = "svg"
    pdf = "pdf"


OutputOption = Annotated[
    Path, typer.Option("--output", "-o", readable=False, help="File to write (HTML page or figure).")
]
LangOption = Annotated[Lang, lang_option("Language of labels, legend and popups: nl or en.")]
TilesOption = Annotated[
    Tiles,
    typer.Option(
        help="Background map: none (default, works offline), osm or carto (need a network, with attribution)."
    ),
]
RolesOption = Annotated[
    str | None,
    typer.Option(
        "--roles",
        help="What the brief's phase counts count: industry (default), production, all, or role ids "
        "separated by commas; see 'coverage --help'. The map in the brief draws industrial presence.",
    ),
]
FormatOption = Annotated[
    MapFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="html (interactive) or an A4 page as png, svg or pdf; by default the extension "
        "decides (.html, .htm, .png, .svg, .pdf; another one needs --format).",
    ),
]
EXTENSIONS = {".html": MapFormat.html, ".htm": MapFormat.html, ".png": MapFormat.png, ".svg": MapFormat.svg}
EXTENSIONS[".pdf"] = MapFormat.pdf


def _in_year(registry: Any, year: int | None) -> tuple[Any, Any]:
    """The registry as the maps draw it in ``year`` and the provenance that says so (None:
    today's registry and the default provenance)."""
    if year is None:
        return registry, None
    from dataclasses import replace

    from lifeport_map.analysis.coverage import registry_in_year
    from lifeport_map.provenance import provenance

    return registry_in_year(registry, year), replace(provenance(registry), year=year)


def output_format(output: Path, fmt: MapFormat | None) -> MapFormat:
    """The format to write: --format if given, else the one the file extension names. A
    --format that contradicts a known extension is a usage error, and so is an extension no
    format handles (or none) without --format."""
    from lifeport_map.errors import UsageError
    from lifeport_map.messages import msg

    named = EXTENSIONS.get(output.suffix.lower())
    if fmt is not None and named is not None and fmt is not named:
        raise UsageError(
            msg("usage.format-contradicts-name", format=fmt.value, name=output.name),
            hint=msg("usage.format-contradicts-name/hint", format=fmt.value, named=named.value),
        )
    suffixes = {suffix: kind.value for suffix, kind in EXTENSIONS.items()}
    return MapFormat(format_of_output(output, fmt.value if fmt else None, suffixes))


def _write(output: Path, build_html: Any, build_figure: Any, fmt: MapFormat | None, lang: str = "en") -> None:
    from lifeport_map.fileio import check_output, write_bytes_atomic

    fmt = output_format(output, fmt)
    check_output(output, given_by="--output")  # refuse a planted link before the work of drawing the map
    started = time.perf_counter()
    if fmt is MapFormat.html:
        from lifeport_map.render.maps import page_html

        data = page_html(build_html()).encode("utf-8")
    else:
        from lifeport_map.render.static import figure_bytes

        data = figure_bytes(build_figure(), fmt.value)
    write_bytes_atomic(output, data)
    elapsed = time.perf_counter() - started
    from lifeport_map.numbers import format_number
    from lifeport_map.render.labels import label
    from lifeport_map.render.safe import terminal

    _out(
        label("wrote_map", lang).format(
            path=terminal(str(output)),
            size=format_number(len(data), lang),
            seconds=format_number(elapsed, lang, decimals=2),
        )
    )


@map_app.command("nl")
def map_nl(
    ctx: typer.Context,
    output: OutputOption,
    lang: LangOption = Lang.nl,
    tiles: TilesOption = Tiles.none,
    fmt: FormatOption = None,
    year: YearOption = None,
) -> None:
    """Bijlage 1: every Dutch site by value-chain phase, one layer per phase, with legend,
    region outlines and name search.

    Example: lifeport-map map nl --output out/bijlage1.html --lang nl

    Example: lifeport-map map nl --year 2000 --output out/bijlage1-2000.pdf
    """
    from lifeport_map.render import maps, static

    usage_first(lambda: output_format(output, fmt))
    refuse_input_as_output(ctx, output)
    try:
        registry, made = _in_year(load_cached(ctx), year)
        _write(
            output,
            lambda: maps.nl_map(registry, lang=lang.value, tiles=tiles.value, made=made),
            lambda: static.nl_figure(registry, lang=lang.value, made=made),
            fmt,
            lang.value,
        )
    except LifeportError as error:
        fail(error)


@map_app.command("region")
def map_region(
    ctx: typer.Context,
    region: Annotated[str, typer.Argument(help="Region id, name or alias.")],
    output: OutputOption,
    lang: LangOption = Lang.nl,
    tiles: TilesOption = Tiles.none,
    fmt: FormatOption = None,
    definition: Annotated[
        str | None, typer.Option(help="Region definition (default: the region's default).")
    ] = None,
    year: YearOption = None,
) -> None:
    """One region in detail: its sites under the chosen definition and its outline.

    Example: lifeport-map map region nijmegen --output out/nijmegen.html

    Example: lifeport-map map region nijmegen --year 2030 --output out/nijmegen-2030.html
    """
    from lifeport_map.render import maps, static

    usage_first(lambda: output_format(output, fmt))
    refuse_input_as_output(ctx, output)
    try:
        registry, made = _in_year(load_cached(ctx), year)
        _write(
            output,
            lambda: maps.region_map(
                registry, region, definition=definition, lang=lang.value, tiles=tiles.value, made=made
            ),
            lambda: static.region_figure(registry, region, definition=definition, lang=lang.value, made=made),
            fmt,
            lang.value,
        )
    except LifeportError as error:
        fail(error)


@map_app.command("compare")
def map_compare(
    ctx: typer.Context,
    regions: Annotated[list[str], typer.Argument(help="Regions to compare.")],
    output: OutputOption,
    lang: LangOption = Lang.nl,
    tiles: TilesOption = Tiles.none,
    fmt: FormatOption = None,
    year: YearOption = None,
) -> None:
    """Bijlage 2: small multiples side by side at one scale, with coverage per phase below
    (industrial presence, as the phase layers count).

    Example: lifeport-map map compare nijmegen dresden leuven --output out/bijlage2.html

    Example: lifeport-map map compare nijmegen brainport --year 2000 --output out/bijlage2-2000.pdf
    """
    from lifeport_map.analysis.coverage import coverage
    from lifeport_map.render import maps, static

    usage_first(lambda: output_format(output, fmt))
    refuse_input_as_output(ctx, output)
    try:
        registry, made = _in_year(load_cached(ctx), year)
        coverages = [coverage(registry, name, lang=lang.value) for name in regions]
        _write(
            output,
            lambda: maps.compare_page(
                registry, regions, coverages=coverages, lang=lang.value, tiles=tiles.value, made=made
            ),
            lambda: static.compare_figure(registry, regions, lang=lang.value, made=made),
            fmt,
            lang.value,
        )
    except LifeportError as error:
        fail(error)


@app.command()
def report(
    ctx: typer.Context,
    region: Annotated[str, typer.Option("--region", "-r", help="Region id, name or alias.")],
    output: Annotated[Path, typer.Option("--output", "-o", readable=False, help="Folder to write into.")],
    lang: LangOption = Lang.nl,
    definition: Annotated[
        str | None, typer.Option(help="Region definition (default: the region's default).")
    ] = None,
    roles: RolesOption = None,
    radius_km: Annotated[
        float,
        typer.Option(
            "--radius-km",
            help="White-spot candidates within this distance of the region's centre (km, above 0).",
        ),
    ] = 150.0,
    year: YearOption = None,
) -> None:
    """Write a region brief (brief.md, brief.html, map.png), an annex for a council: date and
    registry version, definitions, coverage, comparison with the other regions, single producers
    and fragile phases, the pipeline, white spots with candidates within a radius, published
    figures, the claims' verdicts, caveats on the data and numbered sources. With --year the
    whole brief and its map describe the chain in that year, and say so.

    Example: lifeport-map report --region nijmegen --output out/nijmegen --lang nl

    Example: lifeport-map report --region dresden --radius-km 100 --output out/dresden --lang en

    Example: lifeport-map report --region nijmegen --year 2030 --output out/nijmegen-2030
    """
    from lifeport_map.analysis.brief import brief as brief_of
    from lifeport_map.analysis.gaps import check_candidates
    from lifeport_map.claims import default_claims_path, load_claims
    from lifeport_map.errors import OutputError
    from lifeport_map.fileio import check_output_folder, make_folder, write_files_atomic
    from lifeport_map.messages import msg
    from lifeport_map.provenance import provenance
    from lifeport_map.render.report import MAP_IMAGE, render_brief
    from lifeport_map.render.static import figure_bytes, region_figure

    usage_first(lambda: check_candidates(None, radius_km))
    refuse_input_as_output(ctx, output)
    registry = load_cached(ctx)
    try:
        check_output_folder(output, (MAP_IMAGE, "brief.md", "brief.html"))  # before the work
        claims_path = default_claims_path(registry.registry_path)
        claims = (
            load_claims(claims_path, registry, place=origin_finder(registry)) if claims_path.exists() else ()
        )
        made = provenance(registry)
        data = brief_of(
            registry,
            region,
            definition=definition,
            lang=lang.value,
            roles=roles,
            claims=claims,
            radius_km=radius_km,
            today=made.date,
            year=year,
        )
        brief = render_brief(data, lang.value, made=made)
        drawn, drawn_made = _in_year(registry, year)
        image = figure_bytes(
            region_figure(drawn, region, definition=definition, lang=lang.value, made=drawn_made or made),
            "png",
        )
        # Refuse before writing any of the three files, so a brief is never left half written.
        blocked = [name for name in (MAP_IMAGE, "brief.md", "brief.html") if (output / name).is_dir()]
        if (output.exists() and not output.is_dir()) or blocked:
            raise OutputError(
                msg("output.brief-folder-taken", folder=str(output), name=blocked[0])
                if blocked
                else msg("output.brief-into-file", folder=str(output)),
                hint=msg("output.not-a-folder/hint"),
            )
        make_folder(output)  # a symbolic link there is refused, never followed
        write_files_atomic(
            [
                (output / MAP_IMAGE, image),
                (output / "brief.md", brief.markdown.encode("utf-8")),
                (output / "brief.html", brief.html.encode("utf-8")),
            ]
        )
    except LifeportError as error:
        fail(error)
    from lifeport_map.render.labels import label
    from lifeport_map.render.safe import terminal

    _out(label("wrote_brief", lang.value).format(path=terminal(str(output)), image=MAP_IMAGE))


@regions_app.command("import-boundary")
def import_boundary(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(readable=False, help="GeoJSON boundary file (WGS84).")],
    region: Annotated[str, typer.Option("--region", "-r", help="Region id.")],
    definition: Annotated[
        str, typer.Option(help="Id of the boundary definition to add or update.")
    ] = "boundary",
    year: Annotated[int, typer.Option(help="Year the boundary refers to.", min=1800, max=2100)] = 2024,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace an existing boundary or radius definition of that id (never a list of "
            "municipalities).",
        ),
    ] = False,
    lang: MessageLangOption = Lang.nl,
) -> None:
    """Store an official boundary (Eurostat GISCO NUTS or CBS GeoJSON) for a region as
    boundaries/REGION-DEFINITION.geojson and add a 'boundary' definition to its region file.

    An existing definition of the same id is kept unless --replace is given; a list of
    municipalities is never replaced. On any problem no file is changed.

    Example: lifeport-map regions import-boundary NL226.geojson --region nijmegen --definition nuts3-nl226
    """
    from lifeport_map.boundaries import import_boundary as run_import
    from lifeport_map.commands.common import _paths
    from lifeport_map.messages import msg
    from lifeport_map.registry import data_dir, default_regions_dir
    from lifeport_map.render.safe import terminal

    named = _paths(ctx).regions
    regions_dir = named or default_regions_dir()
    try:
        stored, region_file, notes = run_import(
            file,
            regions_dir,
            region,
            definition_id=definition,
            year=year,
            replace=replace,
            root=None if named else data_dir(),
        )
    except LifeportError as error:
        fail(error)
    for note in notes:
        sys.stderr.write(f"lifeport-map: {terminal(note.render(lang.value))}\n")
    done = msg("boundary.stored", file=str(stored), definition=definition, region_file=str(region_file))
    _out(terminal(done.render(lang.value)))
