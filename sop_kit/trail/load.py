"""The whole trail of an archive, cached by the commit it describes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .._version import __version__
from ..core import resources
from ..core.cache import cache_base, read_json, write_json
from ..core.feedback import SILENT, Reporter
from ..records.archive import Archive
from ..records.config import CONFIG_FILE
from ..records.layout import SOP_DIR
from .build import build_trail
from .findings import trail_findings
from .gitlog import head_commit, top_level
from .model import Trail


def _salt(archive: Archive, head: str) -> str:
    """Everything a trail depends on besides history: settings, SOPs, sop-kit itself."""
    digest = hashlib.sha256(f"{__version__}\0{head}\0{archive.shown}".encode())
    for name in ("SOP_KIT_TRUST_ROOT", "SOP_KIT_SIGNATURES"):
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    config = archive.root.parent / CONFIG_FILE
    for path in [config, *sorted((archive.root / SOP_DIR).glob("*.yaml"))]:
        digest.update(path.name.encode() + (path.read_bytes() if path.is_file() else b"-"))
    digest.update(resources.code_fingerprint().encode())
    return digest.hexdigest()


def load_trail(
    archive: Archive,
    cache_dir: Path | None = None,
    jobs: int = 0,
    use_cache: bool = True,
    reporter: Reporter | None = None,
) -> Trail | None:
    """The archive's trail: from the cache when nothing was committed since, else built anew
    (with cached signature verdicts). None when the archive is not in a git repository."""
    reporter = reporter or SILENT
    top = top_level(archive.root)
    if top is None:
        return None
    salt = _salt(archive, head_commit(top) or "-")
    file = cache_base(cache_dir) / f"trail-{hashlib.sha256(str(top).encode()).hexdigest()[:16]}.json"
    data = read_json(file) if use_cache else None
    if isinstance(data, dict) and data.get("salt") == salt:
        try:
            found = Trail.from_json(data["trail"], top)
        except (KeyError, TypeError, ValueError):
            pass  # a cache of another shape: build anew
        else:
            reporter.note("progress.trail_cached")
            return found
    trail = build_trail(archive, archive.config, cache_dir, jobs, use_cache, reporter)
    if trail is None:
        return None
    trail.findings += trail_findings(archive, trail, archive.config)
    if use_cache:
        write_json(file, {"salt": salt, "trail": trail.to_json()})
    return trail
