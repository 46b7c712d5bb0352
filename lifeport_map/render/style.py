"""The map style as data: one colour and marker offset per layer; the labels of every heading,
legend and popup field are in the one label table, ``render.labels``.

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
from lifeport_map.render.labels import label as label

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


def counting_text(lang: str, how: Counting | None = None) -> str:
    """The line a legend or panel shows to name what its phase numbers count."""
    how = how or COUNTINGS[DEFAULT_COUNTING]
    beside = f"; {label('knowledge_beside', lang)}" if how.knowledge == BESIDE else ""
    return f"{label('phases_count', lang)}: {how.text(lang)}{beside}"


def layer_colour(layer: str) -> str:
    return PHASE_COLOURS.get(layer, PHASE_COLOURS[OTHER])
