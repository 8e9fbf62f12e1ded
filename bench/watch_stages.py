"""Where the watched one-case rebuild spends its time, stage by stage, at several archive sizes.

    python -m bench.watch_stages --cases 1000 --cases 10000 [--builds 5] [--scale 0.05] [--code DIR]

bench/watch_run.py says how long the rebuild takes and whether it is flat from one size to the
next; this says why not. For each size, one process does what a `sop-kit build --watch`
process does after a note is saved (the check's kept state told of the change, then
`audit` and `build_site` in the same process, no PDFs, no trail), on the archive and warm
caches watch_run uses (bench/out/situs-<N>…/), and times each part of the build as a whole
(a part called inside another counts to the outer one). Unprofiled: cProfile's overhead on
200,000 small calls would move the figures it is meant to explain.

The table gives each part's median over ``--builds`` rebuilds (after a first, warm-up one) and
how it grows from the smallest size to each larger one: a part that stays near 1× is paid per
change, one near 10× per case of the archive.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.generate import Media, ensure
from bench.paired import installed
from bench.site_run import HERE, case_dirs, cli_build, edit_note, memory_mib, sized_parser

# (module, attribute, shown as): what _build calls, in the order it calls them.
PARTS = [
    ("sop_kit.site.build", "as_published", "findings named as published"),
    ("sop_kit.site.build", "office_site", "office pages' reports"),
    ("sop_kit.site.build", "read_json", "site manifest read"),
    ("sop_kit.site.build", "update_cases", "case pages (keys, kept results)"),
    ("sop_kit.site.build", "site_pages", "listing pages"),
    ("sop_kit.site.build", "_mkdocs", "MkDocs (dirty build)"),
    ("sop_kit.site.build", "bundle_digests", "search: bundle digests"),
    ("sop_kit.site.build", "index_search", "search: Pagefind"),
    ("sop_kit.site.build", "_personal", "personal values"),
    ("sop_kit.site.build", "_verify", "published-site check (walk, scan)"),
    ("sop_kit.site.kept sop_kit.site.build", "write_json", "site manifest written"),  # the first that has it
]
HELD = "objects held more per build"
RESIDENT = "resident memory, last build − first (MiB)"
RESIDENT_LAST = "resident memory after the last build (MiB)"
PEAK = "peak resident memory (MiB)"


def worker(root: Path, out: Path, builds: int) -> dict[str, Any]:
    """In this process (sop-kit as PYTHONPATH names it): the rebuilds, timed by part."""
    import importlib

    from sop_kit.check.audit import audit
    from sop_kit.check.kept import Kept
    from sop_kit.check.run import CheckOptions
    from sop_kit.core import collector
    from sop_kit.records.privacyscan import Identifiers
    from sop_kit.site.build import SiteOptions, build_site

    spent: dict[str, float] = defaultdict(float)
    active: list[str] = []

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            if active:  # inside another part: counted there
                return fn(*args, **kwargs)
            active.append(label)
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - start
                active.pop()

        return run

    for modules, name, label in PARTS:
        for module in modules.split():
            try:
                target = importlib.import_module(module)
            except ImportError:  # older code
                continue
            if hasattr(target, name):
                setattr(target, name, timed(label, getattr(target, name)))
                break
    of = Identifiers.of
    Identifiers.of = classmethod(lambda cls, *a, **k: timed("identifiers published", of)(*a, **k))  # type: ignore[method-assign,assignment]

    folders = case_dirs(root)
    folder = folders[len(folders) // 2]
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    original = step.read_bytes()
    kept = Kept(root / "kasus")
    site_kept: dict[str, Any] = {}
    try:  # what the watch keeps of its last build (older code has none)
        from sop_kit.site.kept import SiteKept

        site_kept["kept"] = SiteKept()
    except ImportError:
        pass
    check, options = CheckOptions(trail=False, kept=kept), SiteOptions(out=out, pdf=False, **site_kept)
    rows: list[dict[str, float]] = []
    held: list[tuple[int, float]] = []
    # As the command runs: inside one collector block (cli.options), and what a build left
    # collected before the next (site.watch; older code has no `between`).
    between = getattr(collector, "between", lambda: None)
    try:
        with collector.kept():
            build_site(audit(root, check), options)  # the watch's first build: the kept state made
            for i in range(builds + 1):
                between()
                edit_note(folder, f"Catatan diubah oleh benchmark (tahap, ubahan ke-{i}).")
                kept.touch([str(step)])
                spent.clear()
                start = time.perf_counter()
                judged = audit(root, check)
                spent["check (kept state)"] = time.perf_counter() - start
                build_site(judged, options)
                total = time.perf_counter() - start
                row = dict(spent)
                row["rest of the build"] = total - sum(row.values())
                row["total"] = total
                if i:  # the first after the warm-up build is not counted
                    rows.append(row)
                    held.append((gc.get_freeze_count(), memory_mib()[0]))
    finally:
        step.write_bytes(original)
    result = {k: statistics.median(r.get(k, 0.0) for r in rows) for k in rows[0]}
    # What the process holds after each build (a watch runs all day): objects the collector
    # keeps frozen, and resident memory, last build against the first counted one.
    result[HELD] = (held[-1][0] - held[0][0]) / max(len(held) - 1, 1)
    result[RESIDENT] = held[-1][1] - held[0][1]
    result[RESIDENT_LAST], result[PEAK] = held[-1][1], memory_mib()[1]  # what a watch holds between builds
    return result


def measure(cases: int, media: Media, builds: int, code: dict[str, str]) -> dict[str, float]:
    root, _ = ensure(cases, media)
    base = HERE / "out" / root.parent.name.replace("arsip-", "situs-")
    base.mkdir(parents=True, exist_ok=True)
    out = base / "site"
    env = installed({**os.environ, **code, "XDG_CACHE_HOME": str(base / "xdg"), "NO_MKDOCS_2_WARNING": "1"})
    cli_build(root, out, env, full=False, cases=cases)  # the site and caches as the archive is now
    # Run as a script, not with -m from the repository: sop-kit from --code when given, the
    # benchmark's modules from the repository after it.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(HERE.parent)) if p)
    done = subprocess.run(
        [sys.executable, __file__, "--worker", str(root), str(out), str(builds)],
        env=env,
        capture_output=True,
        text=True,
        cwd=base,
    )
    if done.returncode != 0:
        raise SystemExit(f"the stage worker failed:\n{done.stderr[-4000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(sizes: list[int], rows: list[dict[str, float]]) -> str:
    base = rows[0]
    labels = ["check (kept state)", *[label for _, _, label in PARTS], "identifiers published", "rest of the build"]
    head = ["part", *(f"{n:,} cases" for n in sizes), *(f"{n:,}/{sizes[0]:,}" for n in sizes[1:])]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label in [*labels, "total"]:
        cells = [f"{r.get(label, 0.0):.3f} s" for r in rows]
        growth = [f"{r.get(label, 0.0) / base[label]:.1f}×" if base.get(label) else "–" for r in rows[1:]]
        name = f"**{label}**" if label == "total" else label
        lines.append("| " + " | ".join([name, *cells, *growth]) + " |")
    for label in (HELD, RESIDENT):
        cells = [f"{r.get(label, 0.0):+.1f}" for r in rows]
        lines.append("| " + " | ".join([label, *cells, *("" for _ in rows[1:])]) + " |")
    for label in (RESIDENT_LAST, PEAK):
        cells = [f"{r.get(label, 0.0):.0f}" for r in rows]
        lines.append("| " + " | ".join([label, *cells, *("" for _ in rows[1:])]) + " |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        print(json.dumps(worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
        return
    parser = sized_parser(__doc__)
    parser.add_argument("--builds", type=int, default=5, help="rebuilds timed per size (after one warm-up)")
    args = parser.parse_args()
    media = Media(args.photos_per_case, args.scan_pages, args.scale)
    code = {"PYTHONPATH": str(args.code.resolve())} if args.code else {}
    sizes = args.cases or [1000]
    rows = [measure(n, media, args.builds, code) for n in sizes]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(table(sizes, rows))


if __name__ == "__main__":
    main()
