"""The benchmark behind `make bench`: whole-process wall time and peak memory of each command.

Two kinds of registry at 1,000, 10,000 and 100,000 sites: synthetic ones (bench/synth.py: short
fields, spread over real places) and realistic ones (bench/realistic.py: the shipped registry
replicated with its real notes, sources and aliases, unique ids and names, coordinates jittered
within the place). Each command runs as a separate process several times; the report gives the
median wall time, the peak resident memory (the kernel's rusage of that one child) and the time
as a multiple of `python -c pass` measured in the same run, because this shared machine's speed
varies. Results go to bench/results.json and bench/results.md. Targets are checked and
reported, not asserted: a miss is a finding, not a crash.

Map pages are measured on the realistic 10,000-site registry against a baseline that builds one
folium object per marker (`map nl` must be >= 10x faster, <= 2.5 s and <= 4 MB), with an empty
cache (reading the YAML) and with the registry cached by an earlier run; `--maps-only` runs just
those and writes bench/results-maps.json and results-maps.md.

Usage: python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--quick] [--kinds synthetic,realistic]
       python bench/run.py --maps-only [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
CLI = [sys.executable, "-m", "lifeport_map"]
BIG = {"LIFEPORT_MAX_BYTES": str(1 << 30)}  # realistic 100k sites are ~263 MB (default cap 64 MiB)
# The analyses keep the graph of an unchanged registry in a cache (lifeport_map/cache.py). The
# benchmark uses a folder of its own: "cold" runs start each run with it empty (so they include
# reading, building and writing the entry), "warm" runs find the entry of an earlier run.
CACHE = WORK / "cache"


@dataclass
class Measurement:
    name: str
    size: int | None
    runs: int
    kind: str = ""
    wall_s: float | None = None
    cpu_s: float | None = None  # median user+sys CPU of the process: steadier than wall on a shared machine
    peak_mb: float | None = None
    output_mb: float | None = None
    status: str = "ok"
    target: str = ""
    meets: bool | None = None
    meets_cpu: bool | None = None  # the same target read on the median CPU time instead of wall time
    samples: list[float] = field(default_factory=list)


def run_once(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float, int, str, float]:
    """Run one process; return wall seconds, its own peak RSS in MB, exit code, stderr tail and
    its CPU seconds (user + system, from the same rusage)."""
    full_env = {**os.environ, "LIFEPORT_CACHE_DIR": str(CACHE), **(env or {})}
    # An installed tool has its bytecode compiled; a developer's PYTHONDONTWRITEBYTECODE would
    # make every run compile the package from source (about 0.1-0.2 s here).
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=full_env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, proc.returncode, err.decode("utf-8", "replace")[-300:], cpu


def measure(
    name: str,
    args: list[str],
    *,
    size: int | None,
    runs: int,
    cwd: Path,
    kind: str = "",
    output: Path | None = None,
    ok_codes: tuple[int, ...] = (0,),
    env: dict[str, str] | None = None,
    cache: str = "cold",
) -> Measurement:
    """``cache``: "cold" empties the graph cache before each run, "warm" fills it with one
    untimed run first."""
    result = Measurement(name=name, size=size, runs=runs, kind=kind)
    walls, peaks, cpus = [], [], []
    if cache == "warm":
        run_once(args, cwd=cwd, env=env)
    for _ in range(runs):
        if output is not None and output.exists():
            output.unlink()
        if cache == "cold":
            shutil.rmtree(CACHE, ignore_errors=True)
        wall, peak, code, err, cpu = run_once(args, cwd=cwd, env=env)
        if code not in ok_codes:
            result.status = f"exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}"
            return result
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    result.samples = [round(w, 4) for w in walls]
    result.wall_s = round(statistics.median(walls), 4)
    result.cpu_s = round(statistics.median(cpus), 4)
    result.peak_mb = round(max(peaks), 1)
    if output is not None and output.exists():
        result.output_mb = round(output.stat().st_size / 1e6, 3)
    return result


def loader_ratio(path: Path, runs: int) -> dict[str, float]:
    """In-process parse time of our strict loader vs PyYAML's C loader on the same file."""
    code = f"""
import gc, json, statistics, time, yaml
from pathlib import Path
from lifeport_map.yamlio import load_yaml
gc.disable()
path = Path({str(path)!r})
ours, theirs = [], []
for _ in range({runs}):
    t = time.perf_counter(); load_yaml(path); ours.append(time.perf_counter() - t)
    t = time.perf_counter(); yaml.load(path.read_text(), Loader=yaml.CSafeLoader)
    theirs.append(time.perf_counter() - t)
print(json.dumps({{"strict_s": statistics.median(ours), "pyyaml_c_s": statistics.median(theirs)}}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, **BIG},
    )
    data = json.loads(out.stdout)
    data["ratio"] = data["strict_s"] / data["pyyaml_c_s"]
    return {k: round(v, 4) for k, v in data.items()}


def registry_file(kind: str, size: int) -> Path:
    path = WORK / f"{kind}-{size}.yaml"
    if not path.exists():
        if kind == "synthetic":
            from synth import generate  # bench/ is on sys.path when run as a script
        else:
            from realistic import generate
        path.write_text(generate(size), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--kinds", default="synthetic,realistic")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--runs-large", type=int, default=3, help="runs at 100,000 sites")
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 sites, 3 runs")
    parser.add_argument("--maps-only", action="store_true", help="only map nl on the realistic registry")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    runs = args.runs
    if args.quick:
        sizes, runs = [1000, 10000], 3
    WORK.mkdir(exist_ok=True)
    # Compile the package's bytecode once, as installing it does (see run_once).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lifeport_map")], check=False)
    out_dir = Path(tempfile.mkdtemp(prefix="lifeport-bench-"))
    results: list[Measurement] = []

    def add(m: Measurement) -> None:
        results.append(m)
        shown = f"{m.wall_s:.3f} s, {m.peak_mb:.0f} MB" if m.wall_s is not None else m.status
        print(f"  {m.name:<40} {m.kind:<10} {m.size or '':>7} {shown}", file=sys.stderr, flush=True)

    print("start-up and shipped registry", file=sys.stderr)
    add(measure("python -c pass", [sys.executable, "-c", "pass"], size=None, runs=max(runs, 7), cwd=ROOT))
    if args.maps_only:  # with python -c pass, for the 'x pass' column (it read 0.000 s)
        for m in map_measurements(10_000, runs, out_dir):
            add(m)
        shutil.rmtree(out_dir, ignore_errors=True)
        pass_m = results[0]
        check_targets(results, pass_m.wall_s or 0.0, pass_m.cpu_s or 0.0)
        write_reports(results, None, pass_m.wall_s or 0.0)
        return 0

    add(measure("lifeport-map --help", [*CLI, "--help"], size=None, runs=runs, cwd=ROOT))
    # The floor of any analysis: importing the named stack's three libraries that every analysis
    # needs (typer for the command line, rich for the table, networkx for the graph), and nothing
    # of lifeport-map. Beside the shipped coverage rows it shows how much of their time is ours.
    add(
        measure(
            "import typer, rich, networkx",
            [sys.executable, "-c", "import typer, rich.console, rich.table, networkx"],
            size=None,
            runs=max(runs, 7),
            cwd=ROOT,
        )
    )
    add(
        measure(
            "coverage --region nijmegen (shipped)",
            [*CLI, "coverage", "--region", "nijmegen"],
            size=None,
            runs=max(runs, 7),
            cwd=ROOT,
        )
    )
    add(
        measure(
            "coverage --region nijmegen (shipped, warm cache)",
            [*CLI, "coverage", "--region", "nijmegen"],
            size=None,
            runs=max(runs, 7),
            cwd=ROOT,
            cache="warm",
        )
    )
    add(measure("validate (shipped)", [*CLI, "validate"], size=None, runs=runs, cwd=ROOT))

    for size in sizes:
        for kind in kinds:
            path = registry_file(kind, size)
            n = args.runs_large if size >= 100_000 else runs
            reg = ["--registry", str(path)]
            env = BIG if kind == "realistic" else None
            print(f"{size:,} sites, {kind} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)

            commands: list[tuple[str, list[str], Path | None]] = [
                ("validate", ["validate"], None),
                ("coverage --region nijmegen", ["coverage", "--region", "nijmegen"], None),
                ("compare", ["compare", "--format", "json"], None),
            ]
            if kind == "synthetic":
                target, html = out_dir / f"export-{size}.geojson", out_dir / f"map-{size}.html"
                near = ["near", "Nijmegen", "--radius-km", "300", "--format", "json"]
                commands += [
                    ("near Nijmegen --radius-km 300", near, None),
                    (
                        "export --format geojson",
                        ["export", "--format", "geojson", "--output", str(target)],
                        target,
                    ),
                ]
                if size < 100_000:
                    commands.append(("map nl (HTML)", ["map", "nl", "--output", str(html)], html))
            if kind == "synthetic":
                for m in edit_measurements(path, size=size, runs=min(n, 3), out_dir=out_dir):
                    add(m)
            if kind == "realistic" and size == 10_000:
                for m in map_measurements(size, n, out_dir):
                    add(m)
            for name, command, output in commands:
                add(
                    measure(
                        name,
                        [*CLI, *reg, *command],
                        size=size,
                        runs=n,
                        cwd=ROOT,
                        kind=kind,
                        env=env,
                        output=output,
                    )
                )
                if kind == "realistic" and name != "validate":  # validate reads afresh every time
                    add(
                        measure(
                            f"{name}, warm cache",
                            [*CLI, *reg, *command],
                            size=size,
                            runs=n,
                            cwd=ROOT,
                            kind=kind,
                            env=env,
                            cache="warm",
                        )
                    )

    pass_s = next(m.wall_s for m in results if m.name == "python -c pass")
    loader_size = 10_000 if 10_000 in sizes else sizes[0]
    loader = loader_ratio(
        registry_file("realistic" if "realistic" in kinds else "synthetic", loader_size), runs=3
    )
    loader["sites"] = loader_size
    shutil.rmtree(out_dir, ignore_errors=True)
    shutil.rmtree(CACHE, ignore_errors=True)
    pass_cpu_s = next(m.cpu_s for m in results if m.name == "python -c pass")
    check_targets(results, pass_s or 0.0, pass_cpu_s or 0.0)
    write_reports(results, loader, pass_s or 0.0)
    return 0


def reversed_entries(text: str) -> str:
    """The same registry with its entries in reverse order (the worst case of a line diff)."""
    head, _, rest = text.partition("\nsites:\n")
    blocks = ("\n" + rest).split("\n  - id: ")[1:]
    return head + "\nsites:\n" + "".join("  - id: " + b.rstrip("\n") + "\n" for b in reversed(blocks))


def edit_measurements(path: Path, *, size: int, runs: int, out_dir: Path) -> list[Measurement]:
    """fmt --check on the file as generated, on its entries reversed, and add --dry-run on its
    canonical form (issue 17: these were quadratic, 141 s for 8,024 reversed entries)."""
    found = []
    reg = ["--registry", str(path)]
    found.append(
        measure(
            "fmt --check", [*CLI, *reg, "fmt", "--check"], size=size, runs=runs, cwd=ROOT, ok_codes=(0, 1)
        )
    )
    reversed_path = out_dir / f"reversed-{size}.yaml"
    reversed_path.write_text(reversed_entries(path.read_text(encoding="utf-8")), encoding="utf-8")
    found.append(
        measure(
            "fmt --check (entries reversed)",
            [*CLI, "--registry", str(reversed_path), "fmt", "--check"],
            size=size,
            runs=runs,
            cwd=ROOT,
            ok_codes=(1,),
        )
    )
    canonical = out_dir / f"canonical-{size}.yaml"
    shutil.copyfile(path, canonical)
    subprocess.run([*CLI, "--registry", str(canonical), "fmt"], cwd=ROOT, capture_output=True, check=False)
    add_args = [
        *CLI, "--registry", str(canonical), "add", "--no-interactive", "--dry-run", "--name", "Bench Fab",
        "--organisation", "Bench Org", "--kind", "idm", "--activity", "wafer-fab", "--place", "Nijmegen",
        "--country", "NL", "--source-url", "https://example.org/bench", "--source-year", "2025",
    ]  # fmt: skip
    found.append(measure("add --dry-run", add_args, size=size, runs=runs, cwd=ROOT))
    return found


def map_measurements(size: int, runs: int, out_dir: Path) -> list[Measurement]:
    """map nl on the realistic registry, and the one-folium-object-per-marker baseline on it."""
    path = registry_file("realistic", size)
    html = out_dir / f"map-realistic-{size}.html"
    baseline = out_dir / f"baseline-realistic-{size}.html"
    # The baseline reads the registry as `map nl` does (load_registry_cached: the same checks,
    # the same cache), so that a cold run is compared with a cold run and a warm with a warm.
    code = (
        "from pathlib import Path; from lifeport_map.registry_cache import load_registry_cached; "
        "from lifeport_map.render.maps import per_marker_map; "
        f"per_marker_map(load_registry_cached(Path({str(path)!r}))).save({str(baseline)!r})"
    )
    map_args = [*CLI, "--registry", str(path), "map", "nl", "--output", str(html)]
    return [
        measure(
            "map nl (HTML)", map_args, size=size, runs=runs, cwd=ROOT, kind="realistic", env=BIG, output=html
        ),
        measure(
            "map nl (HTML), warm cache",
            map_args,
            size=size,
            runs=runs,
            cwd=ROOT,
            kind="realistic",
            env=BIG,
            output=html,
            cache="warm",
        ),
        measure(
            "map nl, one folium object per marker",
            [sys.executable, "-c", code],
            size=size,
            runs=min(runs, 3),
            cwd=ROOT,
            kind="realistic",
            env=BIG,
            output=baseline,
        ),
        measure(
            "map nl, one folium object per marker, warm cache",
            [sys.executable, "-c", code],
            size=size,
            runs=min(runs, 3),
            cwd=ROOT,
            kind="realistic",
            env=BIG,
            output=baseline,
            cache="warm",
        ),
    ]


Check = Callable[[Measurement], bool]


def _limit(seconds: float, mb: float, mb_text: str, *, output: bool = False) -> tuple[str, Check]:
    """A target of at most ``seconds`` wall time and ``mb`` megabytes of peak memory (or of
    output file with ``output``), with its text for the report."""

    def meets(m: Measurement) -> bool:
        size = m.output_mb if output else m.peak_mb
        return (m.wall_s or 0) <= seconds and (size or 0) <= mb

    return f"<= {seconds} s, <= {mb_text}", meets


# (name, size, kind) -> (what the target says, whether a measurement meets it)
TARGETS: dict[tuple[str, int | None, str], tuple[str, Check]] = {
    ("coverage --region nijmegen (shipped)", None, ""): ("<= 0.30 s", lambda m: (m.wall_s or 0) <= 0.30),
    ("coverage --region nijmegen (shipped, warm cache)", None, ""): (
        "<= 0.30 s",
        lambda m: (m.wall_s or 0) <= 0.30,
    ),
    ("validate", 10_000, "realistic"): _limit(1.5, 300, "300 MB"),
    ("coverage --region nijmegen", 10_000, "realistic"): _limit(1.0, 300, "300 MB"),
    ("compare", 10_000, "realistic"): _limit(1.0, 300, "300 MB"),
    ("coverage --region nijmegen, warm cache", 10_000, "realistic"): _limit(1.0, 300, "300 MB"),
    ("compare, warm cache", 10_000, "realistic"): _limit(1.0, 300, "300 MB"),
    ("validate", 100_000, "realistic"): _limit(20, 2048, "2 GB"),
    ("compare", 100_000, "realistic"): _limit(20, 2048, "2 GB"),
    ("compare, warm cache", 100_000, "realistic"): _limit(20, 2048, "2 GB"),
    ("map nl (HTML)", 10_000, "realistic"): _limit(2.5, 4, "4 MB", output=True),
    ("map nl (HTML), warm cache", 10_000, "realistic"): _limit(2.5, 4, "4 MB", output=True),
}


def check_targets(results: list[Measurement], pass_s: float, pass_cpu_s: float = 0.0) -> None:
    """Judge each measurement against its target twice: on its median wall time (``meets``)
    and on its median CPU time (``meets_cpu``; the multiples of ``python -c pass`` then use the
    CPU time of ``python -c pass``). On a shared machine the load stretches wall time several
    times over and CPU time much less, so ``meets_cpu`` is the steadier reading."""
    from dataclasses import replace

    _check_targets(results, pass_s)
    as_cpu = [replace(m, wall_s=m.cpu_s) for m in results]
    _check_targets(as_cpu, pass_cpu_s)
    for m, cpu in zip(results, as_cpu, strict=True):
        m.meets_cpu = cpu.meets


def _check_targets(results: list[Measurement], pass_s: float) -> None:
    by_key = {(m.name, m.size, m.kind): m for m in results}
    for key, (text, ok) in TARGETS.items():
        m = by_key.get(key)
        if m is not None and m.wall_s is not None:
            m.target, m.meets = text, bool(ok(m))
    for label in ("coverage --region nijmegen (shipped)", "coverage --region nijmegen (shipped, warm cache)"):
        shipped = by_key.get((label, None, ""))
        if shipped and shipped.wall_s and pass_s:
            shipped.target += f"; <= 12x python -c pass ({shipped.wall_s / pass_s:.1f}x)"
            shipped.meets = bool(shipped.meets) and shipped.wall_s / pass_s <= 12
    for name in ("validate", "compare", "compare, warm cache"):
        small, large = by_key.get((name, 10_000, "realistic")), by_key.get((name, 100_000, "realistic"))
        if small and large and small.wall_s and large.wall_s:
            large.target += f"; <= 12x the 10k time ({large.wall_s / small.wall_s:.1f}x)"
            large.meets = bool(large.meets) and large.wall_s / small.wall_s <= 12
    # Each of our map rows against the baseline read the same way (cold against cold, warm
    # against warm); an older results file without the warm baseline falls back to the cold one.
    cold_slow = by_key.get(("map nl, one folium object per marker", 10_000, "realistic"))
    for name, baseline in (
        ("map nl (HTML)", "map nl, one folium object per marker"),
        ("map nl (HTML), warm cache", "map nl, one folium object per marker, warm cache"),
    ):
        fast = by_key.get((name, 10_000, "realistic"))
        slow = by_key.get((baseline, 10_000, "realistic")) or cold_slow
        if fast and slow and fast.wall_s and slow.wall_s:
            fast.target += f"; >= 10x faster than per-marker ({slow.wall_s / fast.wall_s:.1f}x)"
            fast.meets = bool(fast.meets) and slow.wall_s / fast.wall_s >= 10


def calibration_s() -> float:
    """Seconds for a fixed pure-Python loop, so results from a slower or busier machine (shared
    hosts vary by a factor of two) can be read in proportion."""
    code = (
        "import time; t = time.perf_counter(); s = 0\n"
        "for i in range(10_000_000): s += i\n"
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    return round(statistics.median(runs), 3)


def write_reports(results: list[Measurement], loader: dict[str, float] | None, pass_s: float) -> None:
    """bench/results.json and results.md; a --maps-only run (no loader figures) writes
    bench/results-maps.json and results-maps.md instead, leaving the full results alone."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.strip()
    load = os.getloadavg()
    meta = {
        "commit": commit,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "calibration_s": calibration_s(),
        "python_c_pass_s": pass_s,
        "load_average": [round(x, 2) for x in load],
    }
    payload = {"meta": meta, "loader_vs_pyyaml_c": loader, "results": [asdict(m) for m in results]}
    stem = "results" if loader is not None else "results-maps"
    (HERE / f"{stem}.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Benchmark results",
        "",
        f"Commit `{commit}`, Python {meta['python']}, {meta['cpus']} CPUs ({meta['machine']}), "
        f"{meta['date']}. Median wall time of whole processes, and their median CPU time (user + "
        "system; on this shared machine wall time grows with the load, CPU time much less); "
        "peak = largest resident set of "
        "one run; 'x pass' = the median as a multiple of `python -c pass` in the same run "
        f"({pass_s:.3f} s). Regenerate with `make bench`. Machine speed at the time: a reference "
        f"loop of 10 million Python additions took {meta['calibration_s']} s; load average "
        f"{', '.join(str(x) for x in load)} (this 2-core machine is shared, so "
        "compare runs in proportion).",
        "",
        "Synthetic registries have short fields (bench/synth.py); realistic ones replicate the "
        "shipped entries with their real notes, sources and aliases (bench/realistic.py). "
        "The analyses cache the graph of an unchanged registry (lifeport_map/cache.py), the maps "
        "the registry itself (lifeport_map/registry_cache.py, same folder and key): plain rows "
        "start each run with an empty cache (reading, building and writing the entry), 'warm "
        "cache' rows reuse the entry of an earlier run; validate never uses the cache. "
        "'met (wall)' reads each target on the median wall time, 'met (CPU)' on the median CPU "
        "time (a multiple of `python -c pass` then on its CPU time): the load of a shared machine "
        "stretches wall time several times over, CPU time much less.",
        "",
        "| command | registry | sites | median wall (s) | median CPU (s) | x pass | peak memory (MB) "
        "| output (MB) | target | met (wall) | met (CPU) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for m in results:
        wall = f"{m.wall_s:.3f}" if m.wall_s is not None else m.status
        multiple = f"{m.wall_s / pass_s:.1f}" if m.wall_s is not None and pass_s else ""
        lines.append(
            f"| {m.name} | {m.kind or 'shipped'} | {m.size or ''} | {wall} | "
            f"{'' if m.cpu_s is None else f'{m.cpu_s:.3f}'} | {multiple} | "
            f"{m.peak_mb if m.peak_mb is not None else ''} | {m.output_mb or ''} | {m.target} | "
            f"{'' if m.meets is None else ('yes' if m.meets else 'NO')} | "
            f"{'' if m.meets_cpu is None else ('yes' if m.meets_cpu else 'NO')} |"
        )
    if loader is not None:
        lines += [
            "",
            f"Strict loader vs PyYAML's C loader, in-process on the same {int(loader['sites']):,}-site "
            f"file: {loader.get('strict_s', 0):.3f} s vs {loader.get('pyyaml_c_s', 0):.3f} s, "
            f"ratio {loader.get('ratio', 0):.2f}.",
        ]
    lines.append("")
    (HERE / f"{stem}.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
