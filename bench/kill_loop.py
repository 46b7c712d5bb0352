"""The kill and reader tests of tests/test_edits.py at length: a writer that replaces a file
(renamed into place, and written in place for a hard-linked file) is killed with SIGKILL at
random moments; after every kill the file must be the original or a complete new content (a
write in place is completed by the next run) and nothing may be left beside it. Then a reader
reads a hard-linked file in a loop while a writer rewrites it in place: every read must be a
whole version of the file, never half of one. Last, the same for a region file and its
boundary file (tests/test_boundary_pair.py): a reader loop against ``regions import-boundary
--replace`` in a loop must never see a region file with the other import's boundary file, and
an import killed at random moments must leave both old, or both new once the next import
completes its journal.

    .venv/bin/python bench/kill_loop.py --rounds 100 --read-seconds 20 --results bench/results-kill.md
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from tests.test_boundary_pair import kill_imports_at_random_moments, read_pairs_while_importing
from tests.test_edits import kill_at_random_moments, read_while_writing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100, help="kills per way of writing")
    parser.add_argument("--read-seconds", type=float, default=20.0, help="how long the reader loop runs")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--results", type=Path, help="also write the results to this Markdown file")
    args = parser.parse_args()
    lines: list[str] = []
    for hard_link in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            caught = kill_at_random_moments(Path(folder), args.rounds, hard_link=hard_link, seed=args.seed)
            way = "in place (hard link)" if hard_link else "renamed into place"
            lines.append(
                f"{way}: {args.rounds} kills, seed {args.seed}, every file intact; "
                f"{caught} caught in the middle of a write in place and completed by the next run "
                f"({time.perf_counter() - started:.1f} s)"
            )
            print(lines[-1], flush=True)
    with tempfile.TemporaryDirectory() as folder:
        reads, torn = read_while_writing(Path(folder), args.read_seconds)
        lines.append(
            f"reader during writes in place: {reads} reads in {args.read_seconds:.0f} s, {torn} torn "
            "(each read is the original, A or B whole)"
        )
        print(lines[-1], flush=True)
        if torn:
            raise SystemExit(f"{torn} torn reads")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        caught = kill_imports_at_random_moments(Path(folder), args.rounds, seed=args.seed)
        lines.append(
            f"regions import-boundary (region file and boundary file): {args.rounds} kills, seed "
            f"{args.seed}, every pair both old or both new; {caught} caught after the journal and "
            f"completed by the next import ({time.perf_counter() - started:.1f} s)"
        )
        print(lines[-1], flush=True)
    with tempfile.TemporaryDirectory() as folder:
        reads, mismatched, failed = read_pairs_while_importing(Path(folder), args.read_seconds)
        lines.append(
            f"reader during imports with --replace: {reads} reads of the region folder in "
            f"{args.read_seconds:.0f} s, {mismatched} with a region file and another import's "
            f"boundary file, {failed} with an error"
        )
        print(lines[-1], flush=True)
        if mismatched or failed:
            raise SystemExit(f"{mismatched} mismatched pairs, {failed} failed reads")
    if args.results:
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        args.results.write_text(
            "# Kill loop and concurrent reader (bench/kill_loop.py)\n\n"
            f"`python bench/kill_loop.py --rounds {args.rounds} --read-seconds {args.read_seconds:g} "
            f"--seed {args.seed}` on {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, load average {load}.\n\n"
            + "".join(f"- {line}\n" for line in lines),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
