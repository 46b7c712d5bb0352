"""Fuzz target for the registry loader and validator: any bytes give a registry or the
loader's own errors (YamlError, RegistryError), never another exception or a hang.

With atheris (coverage-guided, libFuzzer) when it is installed, otherwise a hypothesis search.
Seeds are the registry fixtures of tests/fixtures. Bounded in time so CI can run it:

    python tests/fuzz/fuzz_loader.py --seconds 20
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
REGIONS = FIXTURES / "mini" / "regions"


def check_one(data: bytes, folder: Path) -> None:
    """Load ``data`` as a registry; only the loader's own errors may come out."""
    from lifeport_map.errors import RegistryError, YamlError
    from lifeport_map.registry import load_registry

    path = folder / "companies.yaml"
    path.write_bytes(data)
    with contextlib.suppress(YamlError, RegistryError):
        load_registry(path, REGIONS)


def seeds() -> list[bytes]:
    paths = sorted(FIXTURES.glob("*/*.yaml")) + sorted(FIXTURES.glob("*/companies.yaml"))
    return [p.read_bytes() for p in paths if p.stat().st_size < 50_000]


def run_atheris(seconds: int, folder: Path) -> None:
    import atheris

    corpus = folder / "corpus"
    corpus.mkdir()
    for i, seed in enumerate(seeds()):
        (corpus / f"seed-{i}").write_bytes(seed)
    with atheris.instrument_imports():
        import lifeport_map.registry
        import lifeport_map.schema
        import lifeport_map.validate
        import lifeport_map.yamlio  # noqa: F401

    def target(data: bytes) -> None:
        check_one(data, folder)

    atheris.Setup(
        [
            sys.argv[0],
            f"-max_total_time={seconds}",
            "-max_len=4096",
            "-timeout=10",
            "-rss_limit_mb=2048",
            str(corpus),
        ],
        target,
    )
    atheris.Fuzz()


def run_hypothesis(seconds: int, folder: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    deadline = time.monotonic() + seconds
    base = seeds()

    @st.composite
    def inputs(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(base)))
        for _ in range(draw(st.integers(1, 16))):
            at = draw(st.integers(0, len(data)))
            data[at : at + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
        return bytes(data)

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(inputs(), st.binary(max_size=512)))
    def search(data: bytes) -> None:
        check_one(data, folder)

    while time.monotonic() < deadline:  # rounds of 200 examples until the time is up
        search()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="How long to fuzz (default 20).")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args, _rest = parser.parse_known_args()
    sys.path.insert(0, str(ROOT))
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    with tempfile.TemporaryDirectory() as tmp:
        print(f"fuzzing the loader with {engine} for {args.seconds} s", file=sys.stderr)
        if engine == "atheris":
            run_atheris(args.seconds, Path(tmp))
        else:
            run_hypothesis(args.seconds, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
