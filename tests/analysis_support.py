"""The hand-made registry of tests/fixtures/analysis/, shared by the analysis tests.

Its answers are worked out by hand in the tests. In short: region nijmegen (Nijmegen and
Duiven) has six counted sites of six organisations; dresden holds two sites of one
organisation (Saxfab); leuven is empty. Sites without coordinates: design-nijmegen,
fab-nocoords; sites without employee figures: design-nijmegen, network-nijmegen, fab2-dresden,
eda-eindhoven, foundry-enschede, fab-nocoords, closed-duiven, planned-nijmegen.
"""

from __future__ import annotations

from functools import lru_cache

from lifeport_map.model import Registry
from lifeport_map.registry import load_registry
from tests.conftest import FIXTURES

ANALYSIS = FIXTURES / "analysis"
ANALYSIS_ARGS = ["--registry", str(ANALYSIS / "companies.yaml"), "--regions", str(ANALYSIS / "regions")]


@lru_cache(maxsize=1)
def analysis_registry() -> Registry:
    """Loaded with every check: the fixture itself must stay valid."""
    return load_registry(ANALYSIS / "companies.yaml", ANALYSIS / "regions")


def geodesic_km_independent(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance computed without lifeport_map: pyproj if present, else geographiclib."""
    try:
        from pyproj import Geod
    except ImportError:  # pragma: no cover - pyproj comes with geopandas
        from geographiclib.geodesic import Geodesic

        return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000.0
    _, _, metres = Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0
