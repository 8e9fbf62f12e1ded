"""Caches kept outside the archive ($XDG_CACHE_HOME/sop-kit): where, read and written safely.

A cache that cannot be read is ignored and one that cannot be written is skipped: a cache
only ever saves time, it never decides a verdict on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def cache_base(explicit: Path | None = None) -> Path:
    return explicit or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sop-kit"


def read_json(path: Path) -> Any:
    """The cached data, or None when there is none or it cannot be read."""
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
