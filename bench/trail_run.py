"""Time the approval trail against baselines measured in the same run, on the same repository.

    python -m bench.trail_run --cases 10000

On the repository ``bench.trail_generate`` builds (or reuses) under bench/out/, it measures:

  log        one `git log --raw` pass over records/, as the trail runs it      baseline
  cold       sop_kit.trail.load.load_trail with an empty cache: every signature is verified
  warm       the same call again, nothing new (the cache)                       target near 1 x log
  new        the same after one new signed commit (old verdicts cached)
  naive      GitPython: one `iter_commits(paths=<case folder>)` per case, reading each commit,
             on a random sample of cases, extrapolated to all              target >= 50 x cold
  naive+sig  the same, plus `git verify-commit` per commit: the signature check a naive tool
             must add to tell a verified approval from an unverified one
  sig        sop_kit.trail.signatures.verify on every commit, no cache: in process (the trail's
             way), and with git deciding every commit (``in_process=False``, the previous way:
             `git log --format=%G?` in batches of 250, one or two ssh-keygen per signed commit)
             on the same commits or a seeded sample of them (--git-sample); both must give the
             same verdict for every commit

``--ci`` instead times what the CI files `sop-kit init` writes keep between runs: a run after one
push (one new signed commit) whose cache holds only the files the workflow restores, as the
workflow keeps them now and with the signature verdicts alone (what it kept before b382f1c),
each against the trail after that commit with everything kept (as on the office PC).

``--verify in-process|git`` instead runs that verification once over every commit and prints
its counts; ``--once cold|log`` one cold trail (fresh cache, checked against the manifest) or
one history pass: one whole process per call, for paired timings.

Every trail run must find exactly the cases, commits, signed commits and approvals by
verdict that the generator planned (manifest.json), and every naive run exactly each
sampled case's commits; otherwise the runner stops without printing a time. It prints a
Markdown table for bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.run import best_of
from bench.trail_generate import KEYED, Keys, _key_names, load
from sop_kit.records.archive import open_archive
from sop_kit.trail.load import load_trail
from sop_kit.trail.model import Trail
from sop_kit.trail.signatures import Signature, verify

NEW_COMMIT_MESSAGE = "benchmark"  # the commit the "one new commit" measurement adds, then removes

# registry, trust-root and rewrite findings mean the trail did not accept the generated history
BAD_FINDINGS = ("trail.registry", "trail.trust_root", "trail.approval_dropped")


def timed_trail(root: Path, cache: Path) -> tuple[float, Trail | None]:
    """One library call, as `sop-kit trail` and `sop-kit check` make it."""
    start = time.perf_counter()
    archive = open_archive(root)
    trail = load_trail(archive, archive.config.trust_root, cache_dir=cache)
    return time.perf_counter() - start, trail


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env).stdout


def git_log_pass(repo: Path) -> int:
    """The history pass sop_kit.trail.gitlog.read_history makes, output read in full; its size in bytes."""
    fields = "%H%x1f%P%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%ct%x1f%cI"
    args = ["log", "HEAD", "--reverse", "--topo-order", "--full-history", "--parents", "--no-renames"]
    args += ["--raw", "--no-abbrev", "-z", f"--format=%x1e{fields}", "--", "records/"]
    out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout
    return len(out)


def tally(trail: Trail | None) -> Counter[str]:
    """What the trail found, in the manifest's terms."""
    if trail is None:
        raise SystemExit("the trail found no git repository")
    found: Counter[str] = Counter(cases=len(trail.cases), commits=trail.commits, signed=trail.signed)
    for ct in trail.cases.values():
        for e in ct.events:
            if e.kind in ("selesai", "keputusan"):
                found[f"approval.{'verified' if e.verified else e.reason}"] += 1
            elif e.kind in ("disetujui_ulang", "disetujui"):
                # approved again after a correction ("disetujui": the approval before it was not verified)
                found["disetujui_ulang"] += 1
            elif e.kind == "diubah":
                found[e.kind] += 1
        found["open_changes"] += sum(len(st.changed_after) for st in ct.steps.values())
    bad = [f for f in trail.findings if f.code.startswith(BAD_FINDINGS)]
    if bad:
        found["bad_findings"] = len(bad)
    return found


def require(what: str, found: Counter[str], expect: dict[str, int]) -> None:
    want = Counter({k: v for k, v in expect.items() if k != "merges"})
    if +found != +want:
        diff = {k: (found.get(k, 0), want.get(k, 0)) for k in sorted(set(found) | set(want)) if found[k] != want[k]}
        raise SystemExit(f"{what}: the trail did not find what was generated (found, expected): {diff}")


def new_commit(repo: Path, base: Path, target: dict[str, str]) -> None:
    """A signed re-approval of one step by its recorded clerk: one commit the trail has not seen."""
    with (repo / target["path"]).open("a", encoding="utf-8") as fh:
        fh.write("# Diperiksa ulang oleh benchmark: satu commit baru.\n")
    key = base / "keys" / target["person"]
    when = "2027-03-01T09:00:00+07:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": target["name"],
        "GIT_AUTHOR_EMAIL": target["email"],
        "GIT_COMMITTER_NAME": target["name"],
        "GIT_COMMITTER_EMAIL": target["email"],
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    git(repo, "add", "--", target["path"], env=env)
    git(
        repo,
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={key}",
        "commit",
        "-q",
        "-S",
        "-m",
        NEW_COMMIT_MESSAGE,
        env=env,
    )


def restore(repo: Path, head: str) -> None:
    """Undo what an interrupted run left behind (its new commit), and nothing else."""
    current = git(repo, "rev-parse", "HEAD").strip()
    if current == head:
        return
    ancestor = subprocess.run(["git", "-C", str(repo), "merge-base", "--is-ancestor", head, current], check=False)
    extra = git(repo, "log", "--format=%s", f"{head}..{current}").split() if ancestor.returncode == 0 else []
    if not extra or set(extra) != {NEW_COMMIT_MESSAGE}:
        raise SystemExit(f"{repo} is not at the generated commit {head[:10]}; regenerate with --force")
    print(f"undoing {len(extra)} commit(s) an interrupted run left in {repo}", file=sys.stderr)
    git(repo, "reset", "-q", "--hard", head)
    git(repo, "status", "--porcelain")


def naive(repo: Path, folders: list[str], signers: Path) -> tuple[float, float, list[tuple[int, int]]]:
    """Per case, as a naive tool: GitPython's ``iter_commits`` over the case folder, reading
    each commit, then ``git verify-commit`` on each. Returns the seconds spent walking, the
    seconds spent verifying, and per case (commits, good signatures)."""
    import git as gitpython  # GitPython, as a naive trail tool would use it

    r = gitpython.Repo(repo)
    walk = verify = 0.0
    seen = []
    for folder in folders:
        start = time.perf_counter()
        commits = list(r.iter_commits("HEAD", paths=folder))
        for c in commits:
            _ = (c.hexsha, c.author.name, c.author.email, c.committed_datetime, c.message)
        walk += time.perf_counter() - start
        start = time.perf_counter()
        good = 0
        for c in commits:
            status, _out, _err = r.git.execute(
                ["git", "-c", f"gpg.ssh.allowedSignersFile={signers}", "verify-commit", "--raw", c.hexsha],
                with_extended_output=True,
                with_exceptions=False,
            )
            good += status == 0
        verify += time.perf_counter() - start
        seen.append((len(commits), good))
    r.close()
    return walk, verify, seen


def registry_keys(base: Path) -> dict[str, list[str]]:
    """Every key the generated registry ever lists, by person (what the trail gives verify)."""
    keys = Keys(base / "keys")
    return {who: [keys.public(name) for name in _key_names(who)] for who in KEYED}


def all_commits(repo: Path) -> list[str]:
    return git(repo, "rev-list", "--topo-order", "--reverse", "HEAD").split()


def signatures(repo: Path, base: Path, repeat: int, git_sample: int, seed: int) -> dict[str, Any]:
    """verify() on every commit in process, and git's own verdicts on the same commits (or a sample)."""
    keys, shas = registry_keys(base), all_commits(repo)
    found: dict[str, Signature] = {}
    counts: Counter[str] = Counter()

    def in_process(which: list[str]) -> None:
        counts.clear()
        found.update(verify(repo, which, keys, None, counts=counts))

    r: dict[str, Any] = {"sig_commits": len(shas), "sig_in": best_of(repeat, lambda: in_process(shas))}
    r["sig_counts"] = dict(counts)
    r["sig_signed"] = sum(1 for s in found.values() if s.status != "N")
    sample = shas if not git_sample or git_sample >= len(shas) else random.Random(seed).sample(shas, git_sample)
    start = time.perf_counter()
    by_git = verify(repo, sample, keys, None, in_process=False)
    r["sig_git"] = time.perf_counter() - start
    r["sig_sample"] = len(sample)
    r["sig_in_sample"] = best_of(repeat, lambda: in_process(sample))
    wrong = [sha for sha in sample if by_git[sha] != found[sha]]
    if wrong:
        raise SystemExit(f"in-process and git verdicts differ on {len(wrong)} commits, e.g. {wrong[:3]}")
    return r


def verify_once(cases: int, how: str) -> None:
    """One verification of every commit, with nothing cached: a whole process for paired timings."""
    base, manifest = load(cases, log=False)
    repo = base / "repo"
    restore(repo, manifest["head"])
    counts: Counter[str] = Counter()
    found = verify(repo, all_commits(repo), registry_keys(base), None, in_process=how == "in-process", counts=counts)
    verdicts = Counter(s.status for s in found.values())
    if verdicts["G"] + verdicts["U"] != manifest["expect"]["signed"]:
        raise SystemExit(f"expected {manifest['expect']['signed']} good signatures, found {dict(verdicts)}")
    print(json.dumps({"commits": len(found), "verdicts": dict(verdicts), "from": dict(counts)}))


def once(cases: int, what: str) -> None:
    """One cold trail in a fresh cache (checked), or one history pass: a whole process to time."""
    base, manifest = load(cases, log=False)
    repo = base / "repo"
    restore(repo, manifest["head"])
    if what == "log":
        print(json.dumps({"log_bytes": git_log_pass(repo)}))
        return
    with tempfile.TemporaryDirectory(prefix="sop-kit-trail-once-") as cache:
        seconds, trail = timed_trail(repo / manifest["records"], Path(cache))
    require("cold trail", tally(trail), manifest["expect"])
    print(json.dumps({"cold_seconds": round(seconds, 2), "signed": manifest["expect"]["signed"]}))


def profile_cold(layout_root: Path, top: int) -> None:
    with tempfile.TemporaryDirectory(prefix="sop-kit-trail-profile-") as cache:
        prof = cProfile.Profile()
        prof.enable()
        archive = open_archive(layout_root)
        load_trail(archive, archive.config.trust_root, cache_dir=Path(cache))
        prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def measure(cases: int, sample: int, repeat: int, cold_repeat: int, seed: int, git_sample: int) -> dict[str, Any]:
    base, manifest = load(cases)
    repo = base / "repo"
    root = repo / manifest["records"]
    expect: dict[str, int] = manifest["expect"]
    # Files written within the index's own second are "racily clean"; let git refresh the
    # index before anything is timed, as a clerk's repository would be.
    git(repo, "status", "--porcelain")
    head = manifest["head"]
    restore(repo, head)
    r: dict[str, Any] = {"manifest": manifest}

    r["log_mb"] = git_log_pass(repo) / 1e6  # also warms the page cache alike for every measurement
    r["log"] = best_of(repeat, lambda: git_log_pass(repo))

    caches = Path(tempfile.mkdtemp(prefix="sop-kit-trail-bench-"))
    try:
        colds = []
        for n in range(cold_repeat):
            t, trail = timed_trail(root, caches / f"cold-{n}")
            require("cold trail", tally(trail), expect)
            colds.append(t)
        r["cold"] = min(colds)
        r.update(signatures(repo, base, repeat, git_sample, seed))
        warm_cache = caches / "cold-0"
        warms = []
        for _ in range(repeat):
            t, trail = timed_trail(root, warm_cache)
            require("warm trail", tally(trail), expect)
            warms.append(t)
        r["warm"] = min(warms)

        new_cache = caches / "new"
        shutil.copytree(warm_cache, new_cache)
        try:
            new_commit(repo, base, manifest["new_commit"])
            r["new"], trail = timed_trail(root, new_cache)
            plus = {**expect, "commits": expect["commits"] + 1, "signed": expect["signed"] + 1}
            plus["disetujui_ulang"] = expect.get("disetujui_ulang", 0) + 1
            require("trail after a new commit", tally(trail), plus)
        finally:
            git(repo, "reset", "-q", "--hard", head)
            git(repo, "status", "--porcelain")
    finally:
        shutil.rmtree(caches, ignore_errors=True)

    per_case: dict[str, list[int]] = manifest["per_case"]
    folders = random.Random(seed).sample(sorted(per_case), min(sample, len(per_case)))
    with tempfile.NamedTemporaryFile("w", suffix=".allowed") as signers:
        signers.write(Keys(base / "keys").allowed_signers())
        signers.flush()
        walk, verify, seen = naive(repo, folders, Path(signers.name))
    want = [(per_case[f][0], per_case[f][1]) for f in folders]
    if seen != want:
        raise SystemExit(
            f"the naive baseline did not find each sampled case's commits and signatures: {seen} vs {want}"
        )
    scale = len(per_case) / len(folders)
    r["sample"] = len(folders)
    r["naive"] = walk * scale
    r["naive_sig"] = (walk + verify) * scale
    return r


def ci_patterns() -> list[str]:
    """The cache files the generated GitHub workflow keeps (its check job's actions/cache paths)."""
    import yaml

    from sop_kit.core import resources

    flow = yaml.safe_load((resources.TEMPLATES / "init" / "github-workflow.yml").read_text("utf-8"))
    step = next(s for s in flow["jobs"]["check"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    return [p.rpartition("/")[2] for p in step["with"]["path"].split()]


def ci(cases: int, repeat: int) -> str:
    """A CI run after one push, by what its restored cache holds; best of ``repeat`` each."""
    import fnmatch

    base, manifest = load(cases)
    repo, head, expect = base / "repo", manifest["head"], manifest["expect"]
    root = repo / manifest["records"]
    plus = {**expect, "commits": expect["commits"] + 1, "signed": expect["signed"] + 1}
    plus["disetujui_ulang"] = expect.get("disetujui_ulang", 0) + 1
    log = best_of(repeat, lambda: git_log_pass(repo))
    caches = Path(tempfile.mkdtemp(prefix="sop-kit-trail-ci-"))
    kinds = {
        "everything kept (the office PC)": ["*"],
        "what the workflow keeps now": ci_patterns(),
        "signature verdicts only (the workflow before b382f1c)": ["signatures-*.json"],
    }
    rows: list[tuple[str, float, str]] = []
    try:
        cold, trail = timed_trail(root, caches / "full")
        require("cold trail", tally(trail), expect)
        for label, keep in kinds.items():
            times = []
            for n in range(repeat):
                restored = caches / f"run-{len(rows)}-{n}"
                restored.mkdir()
                for file in (caches / "full").iterdir():
                    if any(fnmatch.fnmatch(file.name, pattern) for pattern in keep):
                        shutil.copy2(file, restored / file.name)
                try:
                    new_commit(repo, base, manifest["new_commit"])
                    t, trail = timed_trail(root, restored)
                    require(f"trail after a push, {label}", tally(trail), plus)
                    times.append(t)
                finally:
                    git(repo, "reset", "-q", "--hard", head)
            rows.append((label, min(times), ", ".join(keep)))
    finally:
        shutil.rmtree(caches, ignore_errors=True)
    lines = [
        f"{cases} cases, {expect['commits']} commits; best of {repeat}",
        "",
        "| a run after one new signed commit, its cache holding | kept files | seconds | ratio |",
        "|---|---|---:|---:|",
        f"| `git log --raw` over records/, one pass (baseline) | | {log:.2f} | 1.00 × log |",
        f"| nothing (a first run: every signature verified) | | {cold:.2f} | {cold / log:.2f} × log |",
        *(f"| {label} | `{keep}` | {t:.2f} | {t / log:.2f} × log |" for label, t, keep in rows),
    ]
    return "\n".join(lines)


def per(seconds: float, n: int) -> str:
    return f"{seconds / n * 1000:.3f}" if n else "-"


def _version(cmd: list[str]) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (proc.stdout or proc.stderr).strip().splitlines()[0]


def table(r: dict[str, Any]) -> str:
    m = r["manifest"]
    e = m["expect"]
    approvals = sum(v for k, v in e.items() if k.startswith("approval."))
    unverified = {k.split(".", 1)[1]: v for k, v in e.items() if k.startswith("approval.") and k != "approval.verified"}
    cached = "reused from bench/out/" if m.get("cached") else "generated in this run"
    lines = [
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {_version(['git', '--version'])}, "
        f"{_version(['ssh', '-V'])}",
        f"repository: generated in {m['generation_seconds']:.0f} s ({cached}); "
        f"`git log --raw` output {r['log_mb']:.0f} MB",
        "",
        "| cases | commits | merges | signed | approvals | verified | unverified (reason) "
        "| corrected after approval (re-approved) |",
        "|---:|---:|---:|---:|---:|---:|---|---:|",
        f"| {e['cases']} | {e['commits']} | {e['merges']} | {e['signed']} | {approvals} | {e['approval.verified']} "
        f"| {', '.join(f'{v} {k}' for k, v in sorted(unverified.items()))} "
        f"| {e.get('diubah', 0)} ({e.get('disetujui_ulang', 0)}) |",
        "",
        "| measure | seconds | ratio |",
        "|---|---:|---:|",
        f"| `git log --raw` over records/, one pass (baseline) | {r['log']:.2f} | 1.00 × log |",
        f"| trail, cold (empty cache: every signature verified) | {r['cold']:.2f} "
        f"| naive / cold = **{r['naive'] / r['cold']:.0f}** |",
        f"| trail, warm (nothing new) | {r['warm']:.2f} | warm / log = **{r['warm'] / r['log']:.2f}** |",
        f"| trail after one new signed commit | {r['new']:.2f} | {r['new'] / r['log']:.2f} × log |",
        f"| naive: GitPython `iter_commits(paths=case)` per case ({r['sample']} sampled, extrapolated) "
        f"| {r['naive']:.0f} | {r['naive'] / r['log']:.0f} × log |",
        f"| naive + `git verify-commit` per commit ({r['sample']} sampled, extrapolated) | {r['naive_sig']:.0f} "
        f"| naive+sig / cold = **{r['naive_sig'] / r['cold']:.0f}** |",
        "",
        f"Signatures: {r['sig_commits']} commits, {r['sig_signed']} signed; verdicts {r['sig_counts']}.",
        "",
        "| signatures, no cache | commits | seconds | ms per commit | ratio |",
        "|---|---:|---:|---:|---:|",
        f"| in process (`verify`), every commit | {r['sig_commits']} | {r['sig_in']:.2f} "
        f"| {per(r['sig_in'], r['sig_commits'])} | 1.00 |",
        f"| in process, the sample below | {r['sig_sample']} | {r['sig_in_sample']:.2f} "
        f"| {per(r['sig_in_sample'], r['sig_sample'])} | 1.00 |",
        f"| git decides every commit (`verify(in_process=False)`, the previous path), same commits "
        f"| {r['sig_sample']} | {r['sig_git']:.2f} | {per(r['sig_git'], r['sig_sample'])} "
        f"| git / in process = **{r['sig_git'] / r['sig_in_sample']:.0f}** |",
        f"| trail, cold, per signed commit (whole trail / signed commits) | {e['signed']} | {r['cold']:.2f} "
        f"| **{per(r['cold'], e['signed'])}** | |",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10000, help="cases in the generated repository")
    parser.add_argument("--sample", type=int, default=50, help="cases timed for the naive baseline")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each cheap measurement; the best is kept")
    parser.add_argument("--cold-repeat", type=int, default=1, help="cold trail runs (each with a fresh cache)")
    parser.add_argument("--seed", type=int, default=0, help="which cases the naive baseline samples")
    parser.add_argument("--profile", type=int, metavar="N", help="instead: cProfile one cold trail, top N entries")
    parser.add_argument(
        "--git-sample", type=int, default=0, help="commits git verifies for the baseline (0: every commit)"
    )
    parser.add_argument(
        "--verify", choices=("in-process", "git"), help="instead: verify every commit's signature once, print counts"
    )
    parser.add_argument("--once", choices=("cold", "log"), help="instead: one cold trail or one history pass")
    parser.add_argument("--ci", action="store_true", help="instead: a CI run after one push, by what it keeps")
    args = parser.parse_args()
    # a terminated run (e.g. by `timeout`) still removes its new commit from the repository
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.verify:
        verify_once(args.cases, args.verify)
        return
    if args.once:
        once(args.cases, args.once)
        return
    if args.ci:
        print(ci(args.cases, args.repeat))
        return
    if args.profile:
        base, manifest = load(args.cases)
        profile_cold(base / "repo" / manifest["records"], args.profile)
        return
    print(table(measure(args.cases, args.sample, args.repeat, args.cold_repeat, args.seed, args.git_sample)))


if __name__ == "__main__":
    main()
