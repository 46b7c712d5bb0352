"""Where the shipped data lives: the data folder and the default registry, regions, taxonomy and
gazetteer paths. The lowest layer of the package, so every reader can ask without importing the
loader.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The shipped data folder: inside the installed wheel, or the source checkout's ``data/``."""
    override = os.environ.get("LIFEPORT_DATA_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    if packaged.is_dir():
        return packaged
    return here.parent / "data"


def default_registry_path() -> Path:
    return data_dir() / "companies.yaml"


def default_regions_dir() -> Path:
    return data_dir() / "regions"


def default_taxonomy_path() -> Path:
    return data_dir() / "taxonomy.yaml"


def default_gazetteer_path() -> Path:
    return data_dir() / "gazetteer" / "places.json.gz"
