"""One process timing photos, for bench/photo_run.py (run as a script, so that ``sop_kit`` is
imported from PYTHONPATH: this tree, or an export of an earlier commit).

    python bench/photo_worker.py new|old REPEAT PHOTO...

Prints, as JSON, the CPU milliseconds of each photo's fastest of REPEAT runs on one core:
``new`` times ``sop_kit.views.photos.prepare``, ``old`` the ``publish_photo`` of commits
from before it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def main() -> None:
    kind, repeat, files = sys.argv[1], int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    one: Callable[[bytes], object]
    if kind == "old":
        from sop_kit.site.photos import publish_photo

        dest = Path(tempfile.mkdtemp(prefix="foto-lama-"))

        def one(data: bytes) -> object:
            return publish_photo(data, dest, "foto")
    else:
        from sop_kit.views.photos import prepare

        def one(data: bytes) -> object:
            return prepare(data, "foto")

    times = []
    for path in files:
        data = path.read_bytes()
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            one(data)
            best = min(best, time.process_time() - start)
        times.append(best * 1000)
    print(json.dumps({"ms": times, "mb": [p.stat().st_size / 1e6 for p in files]}))


if __name__ == "__main__":
    main()
