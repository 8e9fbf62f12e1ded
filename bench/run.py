"""Time `sop-kit check` against baselines measured in the same run, on the same files, in pairs.

    python -m bench.run --cases 1000 [--pairs 5] [--photos-per-case 1-3 --scan-pages 1-4 --scale 1]

On the archive bench/generate.py makes (or finishes) for that size, each measure runs its
command and its baseline in turn (bench/paired.py), all whole processes with a warm page
cache, and reports the ratio of each pair (median, and range):

  cold      `sop-kit check --no-cache` (all cores)      vs parse:       CSafeLoader over every YAML file
                                                          vs parse-hash:  the same plus SHA-256 of every
                                                                          attachment (one core)
            the same with --no-trail (the archive is a git repository, so the check also
            builds the approval trail, in one process)       vs parse
  warm      `sop-kit check` again, nothing changed       vs read:        reading every file's bytes
  changed   `sop-kit check --no-cache --changed-since HEAD` after 1% of the cases were edited,
                                                          vs read
  before    with --against DIR (a `git archive` export of an earlier commit): the cold check,
            paired with that commit's cold check

Every sop-kit run must say it checked the expected number of cases, or nothing is reported.
``--profile`` also writes a cProfile of one single-process cold check (``--jobs 1``) under
bench/out/ and prints its top functions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.generate import Media, _range, ensure
from bench.paired import Run, pairs, ratios, run, side

HERE = Path(__file__).resolve().parent
PY = sys.executable
SOP_KIT = [PY, "-m", "sop_kit"]


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``action`` (bench/trail_run.py times with it)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def check(args: list[str], repo: Path, env: dict[str, str], expect: int) -> Run:
    """``sop-kit check records ARGS`` in ``repo``; the code is this tree's unless ``env``'s
    PYTHONPATH names another (--against)."""
    done = run([*SOP_KIT, "check", "records", *args, "--lang", "en"], env, repo)
    summary = re.search(r"^(\d+) case\(s\) checked", done.output, re.M)
    if summary is None or int(summary.group(1)) != expect:
        raise SystemExit(f"sop-kit check {' '.join(args)} did not check {expect} cases:\n{done.output[-2000:]}")
    return done


def baseline(kind: str, root: Path) -> Run:
    return run([PY, "-m", "bench.baseline", kind, str(root)], cwd=HERE.parent)


def git(repo: Path, *args: str) -> str:
    cmd = ["git", "-c", "user.name=bench", "-c", "user.email=bench@contoh.id", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(cmd, cwd=repo, check=True, capture_output=True, text=True).stdout


def measure(cases: int, media: Media, count: int, profile: bool, against: Path | None) -> dict[str, object]:
    root, manifest = ensure(cases, media)
    repo = root.parent
    # Files written within the index's own second are "racily clean" and git re-hashes them
    # on every diff until the index is rewritten; a clerk's repository is never in that
    # state, so let `git status` refresh the index before anything is timed.
    git(repo, "status", "--porcelain")
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="sop-kit-bench-")}
    result: dict[str, object] = {"cases": cases, "manifest": manifest, "against": against}
    try:
        cold = pairs(lambda: check(["--no-cache"], repo, env, cases), lambda: baseline("parse", root), count)
        result["cold_parse"] = cold
        cold_hash = pairs(lambda: check(["--no-cache"], repo, env, cases), lambda: baseline("parse-hash", root), count)
        result["cold_hash"] = cold_hash
        result["cold_own"] = pairs(
            lambda: check(["--no-cache", "--no-trail"], repo, env, cases), lambda: baseline("parse", root), count
        )
        if against is not None:
            old = {**env, "PYTHONPATH": str(against.resolve())}
            result["cold_old"] = pairs(
                lambda: check(["--no-cache"], repo, env, cases), lambda: check(["--no-cache"], repo, old, cases), count
            )
        check([], repo, env, cases)  # fill the cache
        result["warm"] = pairs(lambda: check([], repo, env, cases), lambda: baseline("read", root), count)
        touched = sorted((root / "kasus").glob("*/*"))[::100]
        for case in touched:
            with (case / "kasus.yaml").open("a") as fh:
                fh.write("# disentuh oleh benchmark\n")
        try:
            args = ["--no-cache", "--changed-since", "HEAD"]
            result["changed"] = pairs(
                lambda: check(args, repo, env, len(touched)), lambda: baseline("read", root), count
            )
        finally:
            git(repo, "checkout", "-q", "--", ".")
        result["touched"] = len(touched)
        if profile:
            out = HERE / "out" / f"check-{repo.name}.prof"
            run(
                [
                    PY,
                    "-m",
                    "cProfile",
                    "-o",
                    str(out),
                    "-m",
                    "sop_kit",
                    "check",
                    "records",
                    "--no-cache",
                    "--jobs",
                    "1",
                ],
                env,
                repo,
            )
            result["profile"] = str(out)
    finally:
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    return result


def report(r: dict[str, object]) -> str:
    m = r["manifest"]
    assert isinstance(m, dict)
    lines = [
        f"{r['cases']} cases, {m['files']} files, {m['disk_bytes'] / 1e9:.1f} GB on disk "
        f"(media {m['params']['media']}), generated in {m['seconds']:.0f} s on {m['cores']} cores",
        "",
        "| measure | sop-kit s | baseline s | ratio (median, range) |",
        "|---|---:|---:|---:|",
    ]
    rows = [
        ("cold check / parse", "cold_parse"),
        ("cold check without the trail (--no-trail) / parse", "cold_own"),
        ("cold check / parse + hash", "cold_hash"),
        ("warm check / read", "warm"),
        (f"changed-since ({r['touched']} cases) / read", "changed"),
    ]
    if "cold_old" in r:
        rows.append((f"cold check / the same at {r['against']}", "cold_old"))
    for label, key in rows:
        measured = r[key]
        assert isinstance(measured, list)
        lines.append(
            f"| {label} | {side(measured, 0).seconds()} | {side(measured, 1).seconds()} | {ratios(measured).ratio()} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, action="append", help="archive size (repeatable); default 1000")
    parser.add_argument("--pairs", type=int, default=5, help="pairs per measure (after one warm-up pair)")
    parser.add_argument("--photos-per-case", type=_range, default=(1, 3))
    parser.add_argument("--scan-pages", type=_range, default=(1, 4))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--profile", action="store_true", help="also profile one single-process cold check")
    parser.add_argument("--against", type=Path, help="an export of an earlier commit: its cold check, paired")
    args = parser.parse_args()
    media = Media(args.photos_per_case, args.scan_pages, args.scale)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, libyaml {yaml.__with_libyaml__}")
    for n in args.cases or [1000]:
        print(report(measure(n, media, args.pairs, args.profile, args.against)), flush=True)


if __name__ == "__main__":
    main()
