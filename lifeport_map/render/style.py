"""The map style as data: one colour, marker offset and label per phase, plus the labels of
every heading, legend and popup field in Dutch and English.

Interactive maps, static figures and briefs all read this table, so a phase has the same
colour everywhere. Colours are the Okabe-Ito palette, readable for colour-blind readers.
"""

from __future__ import annotations

from typing import Final

# Layer ids: the four phases in chain order, then the cross-cutting groups (see ``chain``).
from lifeport_map.chain import BESIDE, COUNTINGS, DEFAULT_COUNTING, Counting
from lifeport_map.chain import KNOWLEDGE as KNOWLEDGE
from lifeport_map.chain import OTHER as OTHER
from lifeport_map.chain import PIPELINE as PIPELINE

PHASE_COLOURS: Final[dict[str, str]] = {
    "design": "#0072B2",
    "front-end": "#D55E00",
    "back-end": "#009E73",
    "system-integration": "#CC79A7",
    KNOWLEDGE: "#E69F00",
    OTHER: "#7F7F7F",
    PIPELINE: "#FFFFFF",
}

# Pixel offset of each layer's dot around the site, so a site active in several phases shows
# one dot per phase side by side instead of one hiding the others.
LAYER_OFFSETS: Final[dict[str, tuple[int, int]]] = {
    "design": (-6, -6),
    "front-end": (6, -6),
    "back-end": (-6, 6),
    "system-integration": (6, 6),
    KNOWLEDGE: (18, 0),
    OTHER: (-18, 0),
    PIPELINE: (0, -18),
}

MARKER_SIZE_PX: Final = 11
CLUSTER_SIZE_PX: Final = 22
# Clusters are larger than dots, so their offsets are scaled up to keep them side by side.
CLUSTER_OFFSET_FACTOR: Final = 1.9
OUTLINE_STYLE: Final[dict[str, object]] = {
    "color": "#333333",
    "weight": 1.5,
    "fillColor": "#999999",
    "fillOpacity": 0.06,
}
APPROXIMATE_OUTLINE_STYLE: Final[dict[str, object]] = {**OUTLINE_STYLE, "dashArray": "5 5"}
PANEL_WIDTH_PX: Final = 420
PANEL_HEIGHT_PX: Final = 380

LABELS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        KNOWLEDGE: "Kennisinstellingen",
        OTHER: "Overig (netwerk, overheid)",
        PIPELINE: "Gepland of in aanbouw",
        "nl_title": "Bijlage 1: de Nederlandse halfgeleiderketen",
        "compare_title": "Bijlage 2: regio's vergeleken",
        "region_title": "Regio",
        "legend": "Legenda (aantal vestigingen)",
        "search": "Zoek een naam…",
        "no_match": "Geen treffer",
        "organisation": "Organisatie",
        "kind": "Soort",
        "activities": "Activiteiten",
        "employees": "Medewerkers",
        "facility": "Faciliteit",
        "events": "Gebeurtenissen",
        "status": "Status",
        "website": "Website",
        "sources": "Bronnen",
        "year": "jaar",
        "source": "bron",
        "approximate": "benadering",
        "approximate_outline": "grens bij benadering (afgeleid uit de vestigingen)",
        "official_outline": "grens",
        "coverage": "Dekking per fase",
        "sites": "vestigingen",
        "whole_chain": "Hele keten aanwezig",
        "yes": "ja",
        "no": "nee",
        "definition": "Definitie",
        "scale_note": "Alle panelen op dezelfde schaal.",
        "unplaced": "zonder coördinaten (niet op de kaart)",
        "same_place": "grotere stip met getal: zoveel vestigingen op één plaats",
        "precision": "Locatie",
        "generated": "Gemaakt met lifeport-map uit het register",
        "phases_count": "Fasen tellen",
        "knowledge_beside": "kennisinstellingen apart geteld",
    },
    "en": {
        KNOWLEDGE: "Knowledge institutes",
        OTHER: "Other (networks, government)",
        PIPELINE: "Planned or under construction",
        "nl_title": "Annex 1: the Dutch semiconductor value chain",
        "compare_title": "Annex 2: regions compared",
        "region_title": "Region",
        "legend": "Legend (number of sites)",
        "search": "Search a name…",
        "no_match": "No match",
        "organisation": "Organisation",
        "kind": "Kind",
        "activities": "Activities",
        "employees": "Employees",
        "facility": "Facility",
        "events": "Events",
        "status": "Status",
        "website": "Website",
        "sources": "Sources",
        "year": "year",
        "source": "source",
        "approximate": "approximate",
        "approximate_outline": "approximate outline (derived from the sites)",
        "official_outline": "boundary",
        "coverage": "Coverage per phase",
        "sites": "sites",
        "whole_chain": "Whole chain present",
        "yes": "yes",
        "no": "no",
        "definition": "Definition",
        "scale_note": "All panels at the same scale.",
        "unplaced": "without coordinates (not on the map)",
        "same_place": "larger dot with a number: that many sites at one place",
        "precision": "Location",
        "generated": "Made with lifeport-map from the registry",
        "phases_count": "Phases count",
        "knowledge_beside": "knowledge institutes counted separately",
    },
}


def label(key: str, lang: str) -> str:
    """A fixed label in ``lang`` (falls back to English)."""
    return LABELS.get(lang, LABELS["en"]).get(key) or LABELS["en"][key]


def counting_text(lang: str, how: Counting | None = None) -> str:
    """The line a legend or panel shows to name what its phase numbers count."""
    how = how or COUNTINGS[DEFAULT_COUNTING]
    beside = f"; {label('knowledge_beside', lang)}" if how.knowledge == BESIDE else ""
    return f"{label('phases_count', lang)}: {how.text(lang)}{beside}"


def layer_colour(layer: str) -> str:
    return PHASE_COLOURS.get(layer, PHASE_COLOURS[OTHER])
