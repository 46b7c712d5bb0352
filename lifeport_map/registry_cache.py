"""The registry itself in the graph cache, for the commands that draw from its full records.

The maps and figures need more of a site than the graph holds (every employee figure with its
source, events with their notes, the website, each source's title), so they read a
``Registry``. ``load_registry_cached`` keeps it in the same cache as ``cache.load_graph``: the
same folder, the same key (``cache.cache_key``: the package source, the registry, region and
data files) with ``-registry`` appended, the same checks on reading (a folder and files of the
user's own that nobody else can write; a damaged entry is a miss) and atomic writes, and
``--no-cache`` / ``LIFEPORT_NO_CACHE`` turn it off the same way. Only a registry without
structural errors is stored.

The stored registry leaves out each site's parsed YAML nodes (``Site.raw``), which only say
where a field sits in the file: they are half of the pickle and of its reading time. A registry
from the cache therefore places every field of a site at the site's own line (``Site.where``);
commands that report positions (``validate``, ``diff``) read the files afresh.

The entry is the registry pickled with a reduction of its small frozen dataclasses (locations,
sources, employee figures, ...) to their class and field values: pickle's default for such
classes sets each field through ``dataclasses.fields`` and took about a third longer to read.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import pickle
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from lifeport_map.cache import cache_dir, cache_key, handed_over, read_entry, write_entry
from lifeport_map.errors import RegistryError
from lifeport_map.model import Registry
from lifeport_map.paths import default_regions_dir, default_registry_path
from lifeport_map.provenance import note_registry_hash

SUFFIX = "-registry"
TAG = "lifeport-map registry 1"


@cache
def _dispatch_table() -> dict[Any, Callable[[Any], Any]]:
    """Pickle reductions for the model's frozen dataclasses with slots: (class, field values),
    so reading calls the class with them."""
    from lifeport_map import model

    def reducer(names: tuple[str, ...]) -> Callable[[Any], Any]:
        # attrgetter collects the values in C: a generator per object took a third of writing
        get = attrgetter(*names)
        if len(names) == 1:
            return lambda obj: (type(obj), (get(obj),))
        return lambda obj: (type(obj), get(obj))

    def fields_only(names: frozenset[str], **replaced: Any) -> Callable[[Any], Any]:
        """Pickle's own reduction of an instance with a ``__dict__`` (so reading is unchanged),
        of its fields only (no cached property) and with ``replaced`` ones."""

        def reduce(obj: Any) -> tuple[Any, ...]:
            state = vars(obj).copy()
            # Cached properties: usually none, and a subset test is cheaper than a set built
            # for every site (a third of this function's time).
            if not state.keys() <= names:
                for name in state.keys() - names:
                    del state[name]
            state.update(replaced)
            return (copyreg.__newobj__, (type(obj),), state)  # type: ignore[attr-defined]

        return reduce

    table: dict[Any, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    for value in vars(model).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and "__slots__" in vars(value):
            table[value] = reducer(tuple(f.name for f in dataclasses.fields(value)))
    # A site without its parsed YAML nodes, the registry without its cached index by id: what
    # ``dataclasses.replace`` gave before, without building a copy of every site (0.1-0.2 s at
    # 10,000 sites).
    table[model.Site] = fields_only(frozenset(f.name for f in dataclasses.fields(model.Site)), raw=None)
    table[model.Registry] = fields_only(frozenset(f.name for f in dataclasses.fields(model.Registry)))
    return table


def dumps(registry: Registry) -> bytes:
    """The registry as the cache stores it (see the module docstring): each site without its
    parsed YAML nodes (``Site.raw``)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(registry)
    return buffer.getvalue()


def load_registry_cached(
    registry_path: Path | None = None, regions_dir: Path | None = None, *, cache: bool = True
) -> Registry:
    """``load_registry(registry_path, regions_dir, check=False)``, from the cache when every
    file it depends on is unchanged. Raises what ``load_registry`` raises."""
    from lifeport_map.registry import paused_gc, read_for_analysis

    registry_path = registry_path or default_registry_path()
    regions = regions_dir or default_regions_dir()
    key = cache_key(registry_path, regions) if cache else None
    folder = cache_dir()
    content = None
    if key is not None:
        with paused_gc():
            found = read_entry(folder, key.text + SUFFIX)
            registry = _registry_of(found)
        if registry is not None:
            note_registry_hash(registry, key.registry_hash)
            return registry
        key, content = handed_over(key)
    result = read_for_analysis(registry_path, regions_dir, content=content)
    if result.errors or result.registry is None:
        raise RegistryError(result.issues)
    # Stored only if the other files did not change while they were read (the registry was
    # parsed from the bytes its key hashed).
    if key is not None and key.holds_for_content(registry_path, regions):
        note_registry_hash(result.registry, key.registry_hash)
        with paused_gc():
            write_entry(folder, key.text + SUFFIX, (TAG, dumps(result.registry)))
    return result.registry


def _registry_of(entry: object) -> Registry | None:
    """The registry in a cache entry, or None (another kind of entry, or damaged)."""
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == TAG and isinstance(entry[1], bytes)):
        return None
    try:
        found = pickle.loads(entry[1])
    except Exception:  # a damaged entry is a miss, never an error
        return None
    return found if isinstance(found, Registry) else None
