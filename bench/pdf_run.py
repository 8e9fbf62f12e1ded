"""Time PDF rendering in pairs: 2 processes against 1, a re-render with nothing changed, and
the photo cache.

    python -m bench.pdf_run --cases 30 [--pairs 3]

On the archive bench/generate.py makes for that size (bench/out/arsip-<N>/: real-size
scans and 12 MP photos), `sop-kit pdf` (a whole process, trail left out) renders the SOP
documents, every public dossier and letter and the internal dossiers and attendance sheets:

  2 vs 1     a full render into empty folders with 2 processes, paired with 1 process; both on
             an empty photo cache (every photo prepared in the run)          speed-up target >= 1.8
  photos     a full render with 2 processes on the photo cache of an earlier run, paired with
             one on an empty cache
  re-render  nothing changed (must render nothing), paired with a full render with 2 processes
  ceiling    the machine's own 2-process speed-up on a pure-Python loop (bench/ceiling.py)

Every run must render (or skip) the expected number of documents, or nothing is reported.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

from bench.ceiling import speedup as ceiling
from bench.generate import Media, _range, ensure
from bench.paired import Run, Spread, pairs, ratios, run, side

HERE = Path(__file__).resolve().parent
SUMMARY = re.compile(r"(\d+) document\(s\) rendered, (\d+) unchanged, (\d+) failed")


class Renderer:
    def __init__(self, root: Path, base: Path):
        self.root, self.base = root, base
        self.documents = 0

    def render(self, processes: int, fresh: bool, photos: str = "empty") -> Run:
        """One `sop-kit pdf` run; ``fresh``: into empty folders; ``photos``: "empty" or "warm" cache."""
        out, internal = self.base / f"pdf-{processes}", self.base / f"internal-{processes}"
        xdg = self.base / f"xdg-{photos}"
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(internal, ignore_errors=True)
        if photos == "empty":
            shutil.rmtree(xdg, ignore_errors=True)
        env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
        cmd = [sys.executable, "-m", "sop_kit", "pdf", str(self.root), "--out", str(out), "--internal", str(internal)]
        done = run([*cmd, "--jobs", str(processes), "--no-trail", "-q", "--lang", "en"], env, HERE.parent)
        m = SUMMARY.search(done.output)
        if m is None or int(m.group(3)) != 0:
            raise SystemExit(f"sop-kit pdf failed:\n{done.output[-3000:]}")
        rendered, unchanged = int(m.group(1)), int(m.group(2))
        if fresh:
            self.documents = self.documents or rendered
            if rendered != self.documents or unchanged:
                raise SystemExit(f"a full render made {rendered} documents, not {self.documents}")
        elif rendered or unchanged != self.documents:
            raise SystemExit(f"a re-render with nothing changed rendered {rendered} documents")
        return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=30)
    parser.add_argument("--pairs", type=int, default=3, help="pairs per measure (after one warm-up pair)")
    parser.add_argument("--photos-per-case", type=_range, default=(1, 3))
    parser.add_argument("--scan-pages", type=_range, default=(1, 4))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    root, manifest = ensure(args.cases, Media(args.photos_per_case, args.scan_pages, args.scale))
    base = HERE / "out" / root.parent.name.replace("arsip-", "pdf-")
    base.mkdir(parents=True, exist_ok=True)
    r = Renderer(root, base)
    two_one = pairs(lambda: r.render(2, True), lambda: r.render(1, True), args.pairs)
    r.render(2, True, "warm")  # fill the warm cache once
    photos = pairs(lambda: r.render(2, True, "warm"), lambda: r.render(2, True), args.pairs)
    rerun = pairs(lambda: r.render(2, False, "warm"), lambda: r.render(2, True, "warm"), args.pairs)
    size = sum(p.stat().st_size for p in (base / "pdf-2").rglob("*.pdf"))
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{args.cases} cases, {manifest['files']} files ({manifest['disk_bytes'] / 1e6:.0f} MB), {r.documents} PDFs")
    print("| measure | A s | B s | A / B (median, range) |")
    print("|---|---:|---:|---:|")
    rows = [
        ("full render, 2 processes (A) vs 1 (B)", two_one),
        ("full render, 2 processes: warm photo cache (A) vs empty (B)", photos),
        ("re-render, nothing changed (A) vs full render (B), 2 processes, warm photo cache", rerun),
    ]
    for label, measured in rows:
        print(
            f"| {label} | {side(measured, 0).seconds()} | {side(measured, 1).seconds()} | {ratios(measured).ratio()} |"
        )
    speedup = Spread.of([b.wall / a.wall for a, b in two_one])
    print(f"speed-up of 2 processes over 1: {speedup.ratio()}")
    print(f"the machine's own, on pure Python (bench/ceiling.py): {ceiling(args.pairs).ratio()}")
    print(f"public PDFs: {size / 1e6:.1f} MB in total")


if __name__ == "__main__":
    main()
