"""Build the shipped boundary files in data/boundaries/ from their public originals.

- ``nuts3.geojson``: Eurostat GISCO NUTS 2024 level-3 regions at 1:10 million, from the public
  repository eurostat/Nuts2json, file ``pub/v2/2024/4326/10M/nutsrg_3.json`` (GISCO terms:
  attribution, no commercial use). Only the regions in ``NUTS3_SELECTION`` are kept: the
  comparison regions and their neighbours.
  Twente (NL213) is CBS's COROP polygon CR12 instead (COROP regions are the Dutch NUTS-3
  regions; CBS Gebiedsindelingen 2024, generalised, CC BY 4.0), from the simplified WGS84 copy
  in the public repository cartomap/nl, file ``wgs84/coropgebied_2024.geojson`` (``CBS_COROP``).
  Each feature says where it comes from in its ``source`` property (gisco or cbs).
- ``gemeenten-nl.geojson``: the 342 Dutch municipalities of 2025 (CBS Gebiedsindelingen,
  gemeenten 2025, generalised; CC BY 4.0), from the simplified WGS84 copy in the public
  repository cartomap/nl, file ``wgs84/gemeente_2025.geojson``; only the CBS code and name are
  kept (properties ``code``, ``name``), and invalid rings (two in the original) are repaired.
- ``countries.geojson``: Natural Earth 4.1.0 admin-0 countries at 1:10 million (public domain),
  from the npm package world-atlas 2.0.2 (``npm pack world-atlas``; file ``countries-10m.json``,
  TopoJSON), clipped to north-west Europe and simplified; the Netherlands' land border with
  Belgium and Germany is then that of the CBS municipalities above (``with_dutch_land_border``),
  so that it agrees with the Dutch region outlines (property ``sources``); the slivers that
  simplifying each country on its own leaves between them are closed (``_seams``).

geopandas does the decoding checks, clipping, dissolving and simplifying; coordinates are
rounded to 3 decimals (about 100 m), which is finer than either source's generalisation.

Run: python scripts/build_boundaries.py --nuts nutsrg_3.json --corop coropgebied_2024.geojson \
         --gemeenten gemeente_2025.geojson --world countries-10m.json
Each file is rebuilt when its originals are given (``--world`` alone rebuilds the countries from
the shipped municipalities); after the countries it reports their narrow parts (``narrow_parts``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "data" / "boundaries"

# NUTS 2024 level-3 regions shipped: the six comparison regions' NUTS-3 units and the units
# around them that a map of those regions shows.
NUTS3_SELECTION = (
    # Arnhem/Nijmegen, Zuidoost-Noord-Brabant, Zuid-Holland (2024 codes) and neighbours
    "NL226", "NL224", "NL350", "NL411", "NL414", "NL415", "NL416", "NL421", "NL422", "NL423",
    "NL342", "NL361", "NL362", "NL363", "NL364", "NL365", "NL366",
    # Arr. Leuven and neighbours
    "BE100", "BE211", "BE212", "BE213", "BE223", "BE224", "BE225", "BE241", "BE242", "BE310",
    "BE334", "BE352",
    # Dresden and the other districts of Saxony around it, and the German neighbours of NL226
    "DED21", "DED2C", "DED2D", "DED2E", "DED2F", "DED41", "DED42", "DED43", "DED44", "DED45",
    "DED51", "DED52", "DE407", "DE40B", "DEA1B", "DEA1F",
)  # fmt: skip

# CBS COROP polygons shipped as NUTS-3 regions (COROP code -> NUTS 2024 code).
CBS_COROP = {"CR12": "NL213"}

# Natural Earth countries (ISO 3166 numeric id in world-atlas) shown as context.
COUNTRIES = {
    "528": "NL", "056": "BE", "276": "DE", "442": "LU", "250": "FR", "826": "GB", "208": "DK",
    "756": "CH", "040": "AT", "203": "CZ", "616": "PL", "380": "IT",
}  # fmt: skip
# West, south, east, north: enough around the six regions for every map's view.
CLIP = (-2.0, 47.0, 18.0, 56.5)
SIMPLIFY_DEGREES = 0.004  # about 300-400 m: finer than the 1:10 million source
DECIMALS = 3
SLIVER_DEGREES2 = 1e-6  # about 0.007 km2 in the Netherlands


def topojson_features(topology: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Decode one quantized TopoJSON geometry collection into GeoJSON features."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for index in indexes:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            out.extend(points[1:] if out else points)
        return out

    features = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            coordinates: Any = [ring(r) for r in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": geometry.get("properties", {}),
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        )
    return features


def _write(frame: Any, path: Path, columns: list[str]) -> int:
    from shapely.geometry import mapping

    features = []
    for _, row in frame.sort_values(columns[0]).iterrows():
        geometry = json.loads(
            json.dumps(mapping(row.geometry)), parse_float=lambda v: round(float(v), DECIMALS)
        )
        features.append(
            {
                "type": "Feature",
                "properties": {c: row[c] for c in columns},
                "geometry": _valid_rounded(_rounded(geometry)),
            }
        )
    text = json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":")
    )
    path.write_text(text + "\n", encoding="utf-8")
    return len(text)


def _valid_rounded(geometry: dict[str, Any]) -> dict[str, Any]:
    """A rounded geometry made valid again: rounding to DECIMALS can fold a clipped edge into a
    ring of fewer than four points (France at 2 W) or a self-intersection (Italy at 47 N). Such
    rings are dropped, the rest repaired and snapped to the same grid; a valid one is unchanged."""
    from shapely import make_valid, set_precision
    from shapely.geometry import mapping, shape

    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = [[r for r in polygon if len({tuple(c) for c in r}) >= 3] for polygon in polygons]
    kept = [polygon for polygon in kept if polygon and len({tuple(c) for c in polygon[0]}) >= 3]
    rebuilt = shape({"type": "MultiPolygon", "coordinates": kept})
    if (
        rebuilt.is_valid
        and len(kept) == len(polygons)
        and all(len(a) == len(b) for a, b in zip(kept, polygons, strict=True))
    ):
        return geometry
    repaired = _polygons(set_precision(make_valid(rebuilt), 10.0**-DECIMALS))
    if len(_parts(repaired)) == 1:
        repaired = _parts(repaired)[0]
    result: dict[str, Any] = _rounded(json.loads(json.dumps(mapping(repaired))))
    return result


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DECIMALS)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def build_nuts(source: Path, corop: Path) -> int:
    import geopandas as gpd

    frame = gpd.read_file(source)
    frame = frame[frame["id"].isin(NUTS3_SELECTION)].copy()
    missing = sorted(set(NUTS3_SELECTION) - set(frame["id"]))
    if missing:
        raise SystemExit(f"{source}: NUTS-3 regions missing from the original: {', '.join(missing)}")
    frame = frame.rename(columns={"na": "name"}).assign(source="gisco")
    cbs = gpd.read_file(corop)
    cbs = cbs[cbs["statcode"].isin(CBS_COROP)].copy()
    if sorted(cbs["statcode"]) != sorted(CBS_COROP):
        raise SystemExit(f"{corop}: COROP regions missing from the original: {', '.join(sorted(CBS_COROP))}")
    cbs = cbs.assign(id=cbs["statcode"].map(CBS_COROP), name=cbs["statnaam"], source="cbs").to_crs(frame.crs)
    columns = ["id", "name", "source", "geometry"]
    records = frame[columns].to_dict("records") + cbs[columns].to_dict("records")
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs=frame.crs)
    frame["geometry"] = frame.geometry.make_valid()
    return _write(frame, OUT / "nuts3.geojson", ["id", "name", "source"])


def build_gemeenten(source: Path) -> int:
    import geopandas as gpd

    frame = gpd.read_file(source)
    if not frame["statcode"].str.fullmatch(r"GM\d{4}").all():
        raise SystemExit(f"{source}: expected CBS municipality codes (GMxxxx) in 'statcode'")
    frame = frame.assign(code=frame["statcode"], name=frame["statnaam"]).to_crs("EPSG:4326")
    frame["geometry"] = frame.geometry.make_valid().apply(_polygons).apply(_without_slivers)
    return _write(frame[["code", "name", "geometry"]], OUT / "gemeenten-nl.geojson", ["code", "name"])


def build_countries(source: Path) -> int:
    import geopandas as gpd
    from shapely.geometry import box

    topology = json.loads(source.read_text(encoding="utf-8"))
    features = [f for f in topology_features(topology) if f["id"] in COUNTRIES]
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    frame["iso"] = [COUNTRIES[f["id"]] for f in features]
    frame["geometry"] = frame.geometry.make_valid().apply(_polygons).intersection(box(*CLIP)).apply(_polygons)
    frame["geometry"] = frame.geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    frame = frame[~frame.geometry.is_empty]
    return _write_countries(frame)


def _write_countries(frame: Any) -> int:
    """The countries with the Dutch land border of the shipped CBS municipalities
    (``with_dutch_land_border``), each naming its sources (``sources``: naturalearth, and cbs
    for the Netherlands, whose land border CBS draws)."""
    import geopandas as gpd
    from shapely.geometry import shape
    from shapely.ops import unary_union

    gemeenten = json.loads((OUT / "gemeenten-nl.geojson").read_text(encoding="utf-8"))["features"]
    dutch = unary_union([shape(f["geometry"]) for f in gemeenten])
    geometries = dict(zip(frame["iso"], frame.geometry, strict=True))
    geometries.update(with_dutch_land_border(geometries, dutch))
    frame = gpd.GeoDataFrame(
        {
            "iso": list(frame["iso"]),
            "name": list(frame["name"]),
            # the Dutch land border is drawn wherever the Netherlands is: credit CBS there
            "sources": [["naturalearth", "cbs"] if iso == "NL" else ["naturalearth"] for iso in frame["iso"]],
        },
        geometry=[geometries[iso] for iso in frame["iso"]],
        crs="EPSG:4326",
    )
    return _write(frame, OUT / "countries.geojson", ["iso", "name", "sources"])


# The Netherlands' land neighbours, and how far either side of the land border (degrees, about
# 3.5-5.5 km) the border is taken from the CBS municipalities instead of Natural Earth: more than
# the two disagree (up to 2.9 km).
LAND_NEIGHBOURS = ("BE", "DE")
LAND_BORDER_DEGREES = 0.05


def with_dutch_land_border(countries: dict[str, Any], dutch: Any) -> dict[str, Any]:
    """The Netherlands and its land neighbours of ``countries`` (ISO code -> polygons, Natural
    Earth) with the Netherlands' land border
    taken from ``dutch`` (the union of the CBS municipality polygons), so that it agrees with
    the Dutch region outlines, which are CBS's or drawn from the same municipalities (Natural
    Earth's 1:10 million border lay up to 2.9 km off and put 69 km² of Twente in Germany).
    Near the land border the Netherlands is the CBS land inside Natural Earth's land (so the
    coast stays Natural Earth's); land that Natural Earth gave the Netherlands and CBS does not,
    and the slivers between the simplified countries (``_seams``) that CBS does not give it, go
    to the neighbour they touch most; Belgium and Germany lose what the Netherlands gains.
    Far from the land border nothing changes."""
    from shapely import make_valid, set_precision
    from shapely.ops import unary_union

    countries = {iso: _polygons(make_valid(countries[iso])) for iso in ("NL", *LAND_NEIGHBOURS)}
    dutch = _polygons(make_valid(dutch))
    netherlands = countries["NL"]
    neighbours = unary_union([countries[iso] for iso in LAND_NEIGHBOURS])
    band = netherlands.boundary.intersection(neighbours.buffer(0.001)).buffer(LAND_BORDER_DEGREES)
    seams = _seams(netherlands, neighbours, band)
    land = unary_union([netherlands, neighbours, seams])
    gained = {iso: [] for iso in (*LAND_NEIGHBOURS, "NL")}
    leftovers = _parts(netherlands.intersection(band).difference(dutch)) + _parts(seams.difference(dutch))
    for part in leftovers:
        touching = {iso: part.buffer(1e-4).intersection(countries[iso]).area for iso in LAND_NEIGHBOURS}
        best = max(LAND_NEIGHBOURS, key=lambda iso: touching[iso])
        gained[best if touching[best] > 0 else "NL"].append(part)
    result: dict[str, Any] = {}
    result["NL"] = _polygons(
        unary_union(
            [netherlands.difference(band), dutch.intersection(band).intersection(land), *gained["NL"]]
        )
    )
    for iso in LAND_NEIGHBOURS:
        result[iso] = _polygons(unary_union([countries[iso].difference(result["NL"]), *gained[iso]]))
    # without spikes and slivers narrower than about 15 m (where the band's edge cuts a
    # municipality's edge), on the grid the file's coordinates are rounded to, so that rounding
    # leaves them valid
    result = {iso: _opened(g) for iso, g in result.items()}
    result = {iso: _polygons(set_precision(g, 10**-DECIMALS)) for iso, g in result.items()}
    # the neighbours' edge along the land border is the Netherlands' own: snapping to the grid
    # parted them again by up to a grid step (a sliver 600 m long and 20 m wide near Rekken),
    # and a neighbour as Natural Earth draws it may stop short of CBS's border. Each neighbour
    # takes the land within SIMPLIFY_DEGREES of both it and the Netherlands that is no one
    # else's, cut back to the Netherlands (on floating coordinates: on the grid, snap rounding
    # would bend the shared edge through the neighbour's vertices again).
    netherlands = set_precision(result["NL"], 0)
    near = netherlands.buffer(SIMPLIFY_DEGREES).intersection(land).intersection(band)
    for iso in LAND_NEIGHBOURS:
        mine = set_precision(result[iso], 0)
        others = unary_union(
            [netherlands, *(set_precision(result[o], 0) for o in LAND_NEIGHBOURS if o != iso)]
        )
        zone = near.intersection(mine.buffer(SIMPLIFY_DEGREES)).difference(others)
        # (a point where the two edges crossed stays as a vertex on the Netherlands' edge, off
        # the grid: rounded, it would part them again; a vertex within 1 cm of the line through
        # its neighbours goes)
        result[iso] = _polygons(unary_union([mine, zone]).difference(netherlands).simplify(1e-7))
    # the generalised municipalities leave gaps of up to 1 km² between them: no neighbour's
    result["NL"] = _without_holes(result["NL"], unary_union([result[iso] for iso in LAND_NEIGHBOURS]))
    return result


def _seams(netherlands: Any, neighbours: Any, band: Any, *, width: float = SIMPLIFY_DEGREES) -> Any:
    """The slivers in ``band`` between the Netherlands and its neighbours that are neither's:
    each country is simplified on its own (``build_countries``), which moves either side of a
    shared border by up to SIMPLIFY_DEGREES, so the two sides part by up to twice that. The
    land border took such a sliver for sea and cut it out of the Netherlands: a notch 1.1 km
    long and 37 m wide on average near Rekken (Berkelland), at a vertex of Natural Earth's
    border. Gaps narrower than twice ``width`` that touch both sides are closed; bays and the
    coast (which touch one side, or are wider) stay as they are."""
    from shapely.ops import unary_union

    reach = band.buffer(2 * width)
    both = unary_union([netherlands.intersection(reach), neighbours.intersection(reach)])
    closed = both.buffer(width).buffer(-width)
    touch = 10 ** -(DECIMALS + 3)
    return unary_union(
        [
            part
            for part in _parts(closed.difference(both).intersection(band))
            if part.buffer(touch).intersects(netherlands) and part.buffer(touch).intersects(neighbours)
        ]
    )


def _opened(geometry: Any) -> Any:
    """``geometry`` less its parts narrower than OPENING_DEGREES twice (spikes, slivers), its
    corners kept."""
    return _polygons(
        geometry.buffer(-OPENING_DEGREES, join_style="mitre").buffer(OPENING_DEGREES, join_style="mitre")
    )


OPENING_DEGREES = 1e-4


def _without_holes(geometry: Any, others: Any) -> Any:
    """``geometry`` with its holes filled, except those that hold part of ``others``."""
    from shapely.geometry import MultiPolygon, Polygon

    def filled(polygon: Any) -> Any:
        kept = [ring for ring in polygon.interiors if Polygon(ring).intersection(others).area > 0]
        return Polygon(polygon.exterior, kept)

    return MultiPolygon([filled(p) for p in _parts(geometry)])


def _parts(geometry: Any) -> list[Any]:
    return [p for p in getattr(geometry, "geoms", [geometry]) if p.geom_type == "Polygon" and not p.is_empty]


def _polygons(geometry: Any) -> Any:
    """Only the polygonal parts (make_valid and clipping can leave lines and points)."""
    from shapely.ops import unary_union

    parts = getattr(geometry, "geoms", [geometry])
    return unary_union([p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")])


def _without_slivers(geometry: Any) -> Any:
    """Drops parts smaller than about 0.01 km2: repairing a bow-tie ring leaves a sliver that
    rounding to 3 decimals collapses to a point (Westervoort)."""
    from shapely.ops import unary_union

    return unary_union([p for p in getattr(geometry, "geoms", [geometry]) if p.area >= SLIVER_DEGREES2])


def topology_features(topology: dict[str, Any]) -> list[dict[str, Any]]:
    return topojson_features(topology, "countries")


# Narrow parts: narrower than about 275 m east-west (445 m north-south), 0.75 km and 1 ha or more.
NARROW_DEGREES = 0.002
NARROW_MIN_KM = 0.75
NARROW_MIN_KM2 = 0.01


def narrow_parts(geometry: Any, *, width: float = NARROW_DEGREES, min_km: float = NARROW_MIN_KM) -> list[Any]:
    """The spikes of ``geometry`` (its parts narrower than twice ``width`` degrees) and its
    notches (gaps into it as narrow) that are at least ``min_km`` long and hold at least
    NARROW_MIN_KM2 (smaller ones are the round-off of the buffers). Natural Earth's spits and the
    CBS dams are real ones; along the Dutch land border there should be none (the notch near
    Rekken was 1.1 km long and 37 m wide on average)."""
    spikes = geometry.difference(geometry.buffer(-width).buffer(width))
    notches = geometry.buffer(width).buffer(-width).difference(geometry)
    return [
        part
        for part in _parts(spikes) + _parts(notches)
        if _length_km(part) >= min_km and _area_km2(part) >= NARROW_MIN_KM2
    ]


def _km_per_degree(latitude: float) -> tuple[float, float]:
    import math

    return 111.2 * math.cos(math.radians(latitude)), 111.2


def _length_km(part: Any) -> float:
    """The longer side of the smallest rectangle around ``part``, in km."""
    import itertools
    import math

    kx, ky = _km_per_degree(part.centroid.y)
    corners = list(part.minimum_rotated_rectangle.exterior.coords)
    return max(math.hypot((b[0] - a[0]) * kx, (b[1] - a[1]) * ky) for a, b in itertools.pairwise(corners))


def _area_km2(part: Any) -> float:
    kx, ky = _km_per_degree(part.centroid.y)
    return float(part.area) * kx * ky


def land_border_narrow_parts(countries: dict[str, Any]) -> list[tuple[str, Any]]:
    """``narrow_parts`` of the Netherlands and its land neighbours (ISO code -> geometry) within
    1 km of the Dutch land border, each with its country."""
    from shapely.ops import unary_union

    netherlands = countries["NL"]
    border = netherlands.boundary.intersection(
        unary_union([countries[iso] for iso in LAND_NEIGHBOURS]).buffer(0.001)
    )
    near = border.buffer(0.01)
    return [
        (iso, part)
        for iso in ("NL", *LAND_NEIGHBOURS)
        for part in narrow_parts(countries[iso])
        if part.intersects(near)
    ]


def land_border_gaps(countries: dict[str, Any]) -> list[Any]:
    """The slivers along the Dutch land border that are neither the Netherlands' nor a land
    neighbour's (``_seams`` of the written countries, ISO code -> geometry)."""
    from shapely.ops import unary_union

    netherlands = countries["NL"]
    neighbours = unary_union([countries[iso] for iso in LAND_NEIGHBOURS])
    band = netherlands.boundary.intersection(neighbours.buffer(0.001)).buffer(LAND_BORDER_DEGREES)
    return _parts(_seams(netherlands, neighbours, band))


def _report_narrow_parts() -> None:
    """Says on stderr how many narrow parts (``narrow_parts``) the written countries have, and
    where along the Dutch land border."""
    from shapely.geometry import shape

    features = json.loads((OUT / "countries.geojson").read_text(encoding="utf-8"))["features"]
    countries = {f["properties"]["iso"]: shape(f["geometry"]) for f in features}
    total = {iso: len(narrow_parts(g)) for iso, g in countries.items()}
    print(f"narrow parts (spits, dams, corners): {total}", file=sys.stderr)
    for iso, part in land_border_narrow_parts(countries):
        point = part.representative_point()
        print(f"  on the Dutch land border: {iso} at {point.y:.3f} N {point.x:.3f} E", file=sys.stderr)
    gaps = land_border_gaps(countries)
    km2 = sum(_area_km2(part) for part in gaps)
    print(f"slivers of no one along the Dutch land border: {len(gaps)}, {km2:.3f} km²", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nuts", type=Path, help="Nuts2json nutsrg_3.json (2024, 4326, 10M)")
    parser.add_argument("--corop", type=Path, help="cartomap/nl coropgebied_2024.geojson")
    parser.add_argument("--gemeenten", type=Path, help="cartomap/nl gemeente_2025.geojson")
    parser.add_argument("--world", type=Path, help="world-atlas countries-10m.json")
    args = parser.parse_args()
    if (args.nuts is None) != (args.corop is None):
        parser.error("--nuts and --corop go together (nuts3.geojson is built from both)")
    if not any((args.nuts, args.gemeenten, args.world)):
        parser.error("give the originals of the files to rebuild: --nuts/--corop, --gemeenten, --world")
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = {}
    if args.nuts is not None:
        sizes["nuts3.geojson"] = build_nuts(args.nuts, args.corop)
    if args.gemeenten is not None:
        sizes["gemeenten-nl.geojson"] = build_gemeenten(args.gemeenten)
    if args.world is not None:  # the Dutch land border from gemeenten-nl.geojson as it now is
        sizes["countries.geojson"] = build_countries(args.world)
    for name, size in sizes.items():
        print(f"wrote {OUT / name} ({size:,} characters)", file=sys.stderr)
    if args.world is not None:
        _report_narrow_parts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
