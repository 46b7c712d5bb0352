"""The kill and reader tests of tests/test_edits.py at length: a writer that replaces a file
(renamed into place, and written in place for a hard-linked file) is killed with SIGKILL at
random moments; after every kill the file must be the original or a complete new content (a
write in place is completed by the next run) and nothing may be left beside it. Then a reader
reads a hard-linked file in a loop while a writer rewrites it in place: every read must be a
whole version of the file, never half of one.

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
