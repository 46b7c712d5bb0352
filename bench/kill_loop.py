"""The kill test of tests/test_edits.py at length: a writer that replaces a file (renamed into
place, and written in place for a hard-linked file) is killed with SIGKILL at random moments;
after every kill the file must be the original or a complete new content (a write in place is
completed by the next run) and nothing may be left beside it.

    .venv/bin/python bench/kill_loop.py --rounds 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_edits import kill_at_random_moments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100, help="kills per way of writing")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    for hard_link in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            caught = kill_at_random_moments(Path(folder), args.rounds, hard_link=hard_link, seed=args.seed)
            way = "in place (hard link)" if hard_link else "renamed into place"
            print(
                f"{way}: {args.rounds} kills, seed {args.seed}, every file intact; "
                f"{caught} caught in the middle of a write in place and completed by the next run "
                f"({time.perf_counter() - started:.1f} s)"
            )


if __name__ == "__main__":
    main()
