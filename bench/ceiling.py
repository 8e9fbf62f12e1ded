"""The machine's own 2-process speed-up on Python work: the ceiling for sop-kit's.

    python -m bench.ceiling [--pairs 3]

A fixed pure-Python loop (4 equal tasks) runs in 1 process and then in 2, as whole processes
in pairs (bench/paired.py). On a machine whose 2 cores are hyperthreads or share a host, two
Python processes do not run twice as fast as one; rendering PDFs (WeasyPrint is Python) can
scale no better than this.
"""

from __future__ import annotations

import argparse
import sys
from multiprocessing import Pool

from bench.paired import Run, Spread, pairs, run

TASKS = 4


def _task(_: int) -> int:
    total = 0
    for i in range(12_000_000):
        total += i * i % 7
    return total


def _work(processes: int) -> None:
    with Pool(processes) as pool:
        pool.map(_task, range(TASKS), chunksize=1)


def timed(processes: int) -> Run:
    return run([sys.executable, "-m", "bench.ceiling", "--work", str(processes)])


def speedup(count: int) -> Spread:
    """1-process wall time over 2-process wall time, per pair."""
    measured = pairs(lambda: timed(2), lambda: timed(1), count)
    return Spread.of([one.wall / two.wall for two, one in measured])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--work", type=int, help=argparse.SUPPRESS)  # one timed side
    args = parser.parse_args()
    if args.work:
        _work(args.work)
        return
    print(f"machine's speed-up of 2 processes over 1 on pure Python: {speedup(args.pairs).ratio()}")


if __name__ == "__main__":
    main()
