"""How long the trail takes to find the registry versions made alongside each commit
(:func:`sop_kit.trail.alongside.joins`) on a history where one registry version was made on a
clone long behind and merged at last.

    python -m bench.alongside_run [--commits 5000 --commits 20000] [--on-main 100] [--runs 3]

The history (no git: the commits as the trail lists them) is a main line with short branches
merged now and then, as the trail benchmark's archives have, and one commit changing staf.yaml
made on a branch begun at the first commit and merged at the end: every commit of the main line
is concurrent with it; ``--on-main N`` adds N registry commits on the main line (staff added and
changed over the years), each concurrent with that branch. Its time is the best of ``--runs`` in
this process. Run it once per code (``PYTHONPATH=bench/out/code-<C>``) to compare two versions
of ``joins``; the found joins' digest is printed so that two codes can be seen to agree.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from datetime import UTC, datetime, timedelta

from sop_kit.trail.alongside import joins
from sop_kit.trail.gitlog import Commit

START = datetime(2025, 1, 6, tzinfo=UTC)


def history(size: int, seed: int = 19) -> tuple[list[Commit], str]:
    """(commits in history order, the registry commit made on the clone long behind)."""
    rng = random.Random(seed)
    commits: list[Commit] = []

    def add(parents: list[str]) -> str:
        sha = hashlib.sha1(str(len(commits)).encode()).hexdigest()
        commits.append(Commit(sha, tuple(parents), "a", "a", "a", "a", START + timedelta(minutes=len(commits))))
        return sha

    root = head = add([])
    behind = add([root])  # the stale clone's staf.yaml change
    tips: list[str] = []
    while len(commits) < size - 1:
        roll = rng.random()
        if roll < 0.02:
            tips.append(add([head]))  # a clerk's short branch
        elif roll < 0.04 and tips:
            head = add([head, tips.pop(rng.randrange(len(tips)))])
        else:
            head = add([head])
    for tip in tips:
        head = add([head, tip])
    add([head, behind])  # merged at last
    return commits, behind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, action="append", help="history sizes (default 5000, 20000)")
    parser.add_argument("--on-main", type=int, default=0, help="registry commits on the main line too")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in args.commits or [5000, 20000]:
        commits, behind = history(size)
        when = {c.sha: c.when for c in commits}
        marked = {behind} | {c.sha for c in random.Random(7).sample(commits[2:], args.on_main)}
        best, found = float("inf"), {}
        for _ in range(args.runs):
            start = time.perf_counter()
            found = joins(commits, marked, when)
            best = min(best, time.perf_counter() - start)
        digest = hashlib.sha256(repr(sorted((k, v) for k, v in found.items())).encode()).hexdigest()[:12]
        pairs = sum(len(v) for v in found.values())
        shown = f"{len(commits):,} commits, {len(marked)} registry commits, {pairs:,} concurrent pairs"
        print(f"{shown}: {best:.3f} s ({digest})")


if __name__ == "__main__":
    main()
