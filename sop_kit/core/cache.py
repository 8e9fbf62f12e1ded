"""Caches kept outside the archive ($XDG_CACHE_HOME/sop-kit): where, read and written safely.

orjson, not the standard json: at 10,000 cases the caches a rebuild reads and writes are
tens of megabytes, and json's decoding alone was seconds of a one-case rebuild.

A cache that cannot be read is ignored and one that cannot be written is skipped: a cache
only ever saves time, it never decides a verdict on its own.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import orjson

from .collector import paused, settle


def cache_base(explicit: Path | None = None) -> Path:
    """The cache folder, absolute: the site's work folder names its pages from it, and a
    relative one would be read from another folder. A relative ``$XDG_CACHE_HOME`` is ignored,
    as the XDG Base Directory specification says it must be."""
    if explicit is not None:
        return explicit.absolute()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "sop-kit"


def repo_file(cache_dir: Path | None, kind: str, repo: Path, suffix: str = ".json") -> Path:
    """The cache file of one kind for the repository (or archive) at ``repo``."""
    return cache_base(cache_dir) / f"{kind}-{hashlib.sha256(str(repo).encode()).hexdigest()[:16]}{suffix}"


def read_json(path: Path) -> Any:
    """The cached data, or None when there is none or it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with paused():  # a tree without cycles: 26 MB set off three full collections for nothing
            found = orjson.loads(data)
    except ValueError:  # orjson.JSONDecodeError is a ValueError
        try:  # written by json (below): it holds a name that is not UTF-8
            found = json.loads(data)
        except ValueError:
            return None
    settle()
    return found


def write_json(path: Path, data: Any) -> bool:
    """Write through a temporary file and a rename, so a reader never sees half a cache.
    Whether it was written (a cache that cannot be is not an error)."""
    try:
        raw = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    except TypeError:
        # A path git holds as bytes that are not UTF-8 (read with surrogateescape): orjson
        # refuses the lone surrogates, json writes them escaped and reads them back the same.
        try:
            raw = json.dumps(data, ensure_ascii=True).encode()
        except (TypeError, ValueError):
            return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(raw)
        os.replace(tmp, path)
    except OSError:
        return False
    return True
