"""Time `sop-kit check` against baselines measured in the same run, on the same files.

    python -m bench.run --cases 1000 --cases 10000

For each archive size it generates (or reuses) a synthetic archive under bench/out/ and
measures, best of --repeat runs, with a warm page cache:

  read      reading every file's bytes (single process)             baseline
  parse     parsing every YAML file with PyYAML's C loader (single)   baseline
  cold      `sop-kit check --no-cache` (all cores)                   target <= 0.5 x parse
  warm      `sop-kit check` again, nothing changed (cache)           target <= 3 x read
  changed   `sop-kit check --changed-since HEAD` after editing 1% of the cases in git

and prints a Markdown table of seconds and ratios for bench/README.md.
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

from bench.generate import generate

HERE = Path(__file__).resolve().parent
SOP_KIT = [sys.executable, "-m", "sop_kit"]


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def all_files(root: Path) -> list[str]:
    return [os.path.join(d, f) for d, _, names in os.walk(root) for f in names]


def read_all(files: list[str]) -> None:
    for name in files:
        with open(name, "rb") as fh:
            fh.read()


def parse_all(files: list[str]) -> None:
    loader = yaml.CSafeLoader
    for name in files:
        with open(name, "rb") as fh:
            yaml.load(fh, Loader=loader)


def sop_kit(*args: str, cwd: Path, env: dict[str, str], expect: int) -> None:
    """Run the real command; fail loudly unless it checked exactly ``expect`` cases."""
    proc = subprocess.run([*SOP_KIT, *args, "--lang", "en"], cwd=cwd, env=env, capture_output=True, text=True)
    summary = re.search(r"^(\d+) case\(s\) checked", proc.stdout, re.M)
    if proc.returncode not in (0, 1) or summary is None or int(summary.group(1)) != expect:
        raise SystemExit(f"sop-kit {' '.join(args)} did not check {expect} cases:\n{proc.stdout[-2000:]}{proc.stderr}")


def git(repo: Path, *args: str) -> str:
    cmd = ["git", "-c", "user.name=bench", "-c", "user.email=bench@contoh.id", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(cmd, cwd=repo, check=True, capture_output=True, text=True).stdout


def measure(cases: int, repeat: int) -> dict[str, float]:
    repo = HERE / "out" / f"arsip-{cases}"
    root = repo / "records"
    if not (root / "kasus").is_dir():
        shutil.rmtree(repo, ignore_errors=True)
        generate(root, cases, seed=cases)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "arsip sintetis")
    # Files written within the index's own second are "racily clean" and git re-hashes them
    # on every diff until the index is rewritten; a clerk's repository is never in that
    # state, so let `git status` refresh the index before anything is timed.
    git(repo, "status", "--porcelain")
    files = all_files(root)
    yamls = [f for f in files if f.endswith(".yaml")]
    env = {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="sop-kit-bench-")}
    read_all(files)  # warm the page cache for every measurement alike
    result = {
        "cases": float(cases),
        "files": float(len(files)),
        "yaml_files": float(len(yamls)),
        "read": best_of(repeat, lambda: read_all(files)),
        "parse": best_of(repeat, lambda: parse_all(yamls)),
        "cold": best_of(repeat, lambda: sop_kit("check", "records", "--no-cache", cwd=repo, env=env, expect=cases)),
    }
    sop_kit("check", "records", cwd=repo, env=env, expect=cases)  # fill the cache
    result["warm"] = best_of(repeat, lambda: sop_kit("check", "records", cwd=repo, env=env, expect=cases))
    touched = sorted((root / "kasus").glob("*/*"))[:: max(1, 100)]
    for case in touched:
        with (case / "kasus.yaml").open("a") as fh:
            fh.write("# disentuh oleh benchmark\n")
    try:
        result["changed"] = best_of(
            repeat,
            lambda: sop_kit(
                "check", "records", "--no-cache", "--changed-since", "HEAD", cwd=repo, env=env, expect=len(touched)
            ),
        )
    finally:
        git(repo, "checkout", "-q", "--", ".")
    result["touched"] = float(len(touched))
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    return result


def table(rows: list[dict[str, float]]) -> str:
    out = [
        "| cases | YAML files | all files | read s | parse s | cold check s | cold / parse | warm check s "
        "| warm / read | changed-since s (cases) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['cases']:.0f} | {r['yaml_files']:.0f} | {r['files']:.0f} | {r['read']:.2f} | {r['parse']:.2f} "
            f"| {r['cold']:.2f} | **{r['cold'] / r['parse']:.2f}** | {r['warm']:.2f} | **{r['warm'] / r['read']:.2f}** "
            f"| {r['changed']:.2f} ({r['touched']:.0f}) |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, action="append", help="archive size (repeatable); default 1000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    args = parser.parse_args()
    rows = [measure(n, args.repeat) for n in args.cases or [1000]]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, libyaml {yaml.__with_libyaml__}")
    print(table(rows))


if __name__ == "__main__":
    main()
