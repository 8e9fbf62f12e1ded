"""Time the one-case rebuild of `sop-kit build --watch` at several archive sizes, paired with a full build.

    python -m bench.watch_run --cases 1000 --cases 10000 [--pairs 3] [--scale 0.05] [--code DIR]

The watch part of bench/site_run.py, on its own, so that the flatness of the rebuild from one
archive size to another can be measured without its hour of other measures. On the archive
bench/generate.py makes (or reuses) for each size and the output and caches site_run leaves
(bench/out/situs-<N>…/: a warm start; the caches are made if missing), it measures:

  watched  a note saved while `sop-kit build --watch --no-pdf --no-trail` runs, from the
           write to the rebuilt site announced, paired with a full build (`build_site` with
           incremental off, a subprocess): watched / full                  target <= 0.05
  again    the same, the note saved right after another watched rebuild (clerks saving one
           after another; the first unrecorded), paired likewise: again / full
  flat     the watched rebuild at each size against the smallest's       target within 20%

Every built site is verified as site_run verifies it (a page per case, the changed note on
its page); the watch must name the one changed case and one changed page.
"""

from __future__ import annotations

import os
import statistics
from typing import Any

from bench.generate import Media, ensure
from bench.paired import Run, Spread, installed, pairs
from bench.site_run import HERE, Watching, case_dirs, cli_build, library_build, sized_parser, sop_kit_source, verify


def measure(cases: int, media: Media, count: int, code: dict[str, str]) -> dict[str, Any]:
    root, _ = ensure(cases, media)
    base = HERE / "out" / root.parent.name.replace("arsip-", "situs-")
    base.mkdir(parents=True, exist_ok=True)
    folders = case_dirs(root)
    out = base / "site"
    env = installed({**os.environ, **code, "XDG_CACHE_HOME": str(base / "xdg"), "NO_MKDOCS_2_WARNING": "1"})
    cli_build(root, out, env, full=False, cases=cases)  # the site and caches as the archive is now
    indexed = verify(out, folders, None)
    folder = folders[len(folders) // 2]
    step = sorted((folder / "langkah").glob("*.yaml"))[0]
    original = step.read_bytes()
    edits = iter(range(1, 1000))
    seconds: dict[str, list[float]] = {"watched": [], "again": []}

    def full() -> Run:
        done, report = library_build(root, out, env, full=True)
        if not report["full"] or report["cases"] != cases:
            raise SystemExit(f"build_site(incremental=False) did not build all {cases} cases: {report}")
        verify(out, folders, indexed)
        return done

    def change(kind: str) -> Run:
        note = f"Catatan diubah oleh benchmark (diawasi, ubahan ke-{next(edits)})."
        done, own = watching.change(folder, note)
        seconds[kind].append(own)
        verify(out, folders, indexed, (folder, note))
        return done

    def again() -> Run:
        change("again")  # unrecorded: the rebuild before it
        seconds["again"].pop()
        return change("again")

    watching = Watching(root, out, env)
    r: dict[str, Any] = {"cases": cases, "sop_kit": sop_kit_source(env), "memory_first": watching.memory_mib()}
    try:
        r["watched"] = pairs(lambda: change("watched"), full, count)
        r["again"] = pairs(again, full, count, warmup=False)
        r["memory_last"] = watching.memory_mib()
    finally:
        watching.close()
        step.write_bytes(original)
    r["watched_seconds"], r["again_seconds"] = seconds["watched"][1:], seconds["again"]
    cli_build(root, out, env, full=False, cases=cases)  # the note as generated again
    return r


def table(rows: list[dict[str, Any]]) -> str:
    out = [
        "| cases | note saved → site announced s | its build alone s | full build s | watched / full "
        "| again: after a watched rebuild s | again / full | watcher RSS first → last MiB (peak) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        w, a = r["watched"], r["again"]
        rss, (last, peak) = r["memory_first"][0], r["memory_last"]
        cells = [
            Spread.of([x.wall for x, _ in w]).seconds(2),
            Spread.of(r["watched_seconds"]).seconds(2),
            Spread.of([y.wall for _, y in w]).seconds(1),
            Spread.of([x.wall / y.wall for x, y in w]).ratio(3),
            Spread.of([x.wall for x, _ in a]).seconds(2),
            Spread.of([x.wall / y.wall for x, y in a]).ratio(3),
            f"{rss:.0f} → {last:.0f} ({peak:.0f})",
        ]
        out.append(f"| {r['cases']} | " + " | ".join(cells) + " |")
    if len(rows) > 1:
        smallest = statistics.median(x.wall for x, _ in rows[0]["watched"])
        for r in rows[1:]:
            this = statistics.median(x.wall for x, _ in r["watched"])
            out.append(f"\nflat: watched at {r['cases']} cases / at {rows[0]['cases']}: {this / smallest:.2f}×")
    return "\n".join(out)


def main() -> None:
    parser = sized_parser(__doc__)
    args = parser.parse_args()
    media = Media(args.photos_per_case, args.scan_pages, args.scale)
    code = {"PYTHONPATH": str(args.code.resolve())} if args.code else {}
    rows = [measure(n, media, args.pairs, code) for n in sorted(args.cases or [1000])]
    print(f"sop-kit: {rows[0]['sop_kit']}")
    print(table(rows))


if __name__ == "__main__":
    main()
