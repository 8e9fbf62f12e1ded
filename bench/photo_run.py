"""Time publishing one phone photo: sop-kit's one decode (sop_kit.views.photos.prepare) per photo.

    python -m bench.photo_run [--photos 60] [--against DIR]

The photos are the first ``--photos`` JPEGs of the 1000-case benchmark archive (12 MP,
2-4 MB, made by bench/generate.py). A worker process pinned to one core times each photo
``--repeat`` times (CPU seconds of the process, the fastest kept): the figure is the
median over the photos, with the range. ``--against DIR`` (a `git archive` export of an
earlier commit) times that commit's ``sop_kit.site.photos.publish_photo`` on the same
photos, and the two whole workers are also run in pairs (bench/paired.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from bench.generate import Media, archive_dir
from bench.paired import Spread, pairs, ratios, run

HERE = Path(__file__).resolve().parent


def photos(count: int) -> list[Path]:
    root = archive_dir(1000, Media()) / "records"
    found = sorted(root.glob("kasus/*/*/*/*.jpg"))[:count]
    if len(found) < count:
        raise SystemExit(f"{root} has {len(found)} photos, not {count}: run python -m bench.generate first")
    return found


WORKER = HERE / "photo_worker.py"


def worker_cmd(kind: str, repeat: int, files: list[Path]) -> list[str]:
    return [sys.executable, str(WORKER), kind, str(repeat), *map(str, files)]


def code_env(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code.resolve())}


def measure(files: list[Path], repeat: int, kind: str, code: Path) -> dict[str, list[float]]:
    out = run(worker_cmd(kind, repeat, files), code_env(code), HERE.parent)
    return json.loads(out.output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="an export of an earlier commit, timed on the same photos")
    args = parser.parse_args()
    files = photos(args.photos)
    new = measure(files, args.repeat, "new", HERE.parent)
    ms, mb = new["ms"], new["mb"]
    print(f"{len(files)} photos of {statistics.median(mb):.2f} MB ({min(mb):.2f}–{max(mb):.2f}), one core")
    print(f"prepare (one decode, full copy and thumbnail): {Spread.of(ms).seconds(1)} ms per photo")
    if args.against:
        old_ms = measure(files, args.repeat, "old", args.against)["ms"]
        print(f"{args.against} publish_photo: {Spread.of(old_ms).seconds(1)} ms per photo")
        print(f"per photo, new / old: {Spread.of([a / b for a, b in zip(ms, old_ms, strict=True)]).ratio()}")
        measured = pairs(
            lambda: run(worker_cmd("new", 1, files), code_env(HERE.parent), HERE.parent),
            lambda: run(worker_cmd("old", 1, files), code_env(args.against), HERE.parent),
            args.pairs,
        )
        print(f"whole worker ({len(files)} photos, start-up included), new / old: {ratios(measured).ratio()}")


if __name__ == "__main__":
    main()
