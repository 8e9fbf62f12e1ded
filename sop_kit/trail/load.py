"""The whole trail of an archive, cached by the commit it describes."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path

from .._version import __version__
from ..core import resources
from ..core.cache import read_json, repo_file, write_json
from ..core.errors import ConfigError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding, Severity
from ..records.config import POLICY_PIN, ROOT_PIN
from ..records.layout import Layout
from .build import FUTURE_SLACK, build_trail
from .findings import removed_uncommitted_findings, trail_findings, uncommitted_findings, untracked_findings
from .gitlog import (
    commit_date,
    converts_records,
    head_commit,
    hidden_changes,
    index_listing,
    is_shallow,
    records_prefix,
    top_level,
    uncommitted,
)
from .model import Source, Trail
from .register import working_copy_findings


def _salt(layout: Layout, head: str, trust_root: str | None) -> str:
    """Everything a trail depends on besides history: the pins, how the root is named, sop-kit."""
    digest = hashlib.sha256(f"{__version__}\0{head}\0{layout.shown}\0{trust_root}".encode())
    for name in (ROOT_PIN, POLICY_PIN):
        digest.update(f"{name}={os.environ.get(name, '')}\0".encode())
    digest.update(resources.code_fingerprint().encode())
    return digest.hexdigest()


def load_trail(
    layout: Layout,
    trust_root: str | None = None,
    cache_dir: Path | None = None,
    jobs: int = 0,
    use_cache: bool = True,
    reporter: Reporter | None = None,
    now: datetime | None = None,
) -> Trail | None:
    """The archive's trail: from the cache when nothing was committed since, else built anew
    (with cached signature verdicts). None when the archive is not in a git repository.
    ``trust_root`` pins the registry's first version (see :func:`sop_kit.records.config.load_config`);
    ``now`` is the check's clock (default: the machine's)."""
    reporter = reporter or SILENT
    now = now or datetime.now(UTC)
    top = top_level(layout.root)
    if top is None:
        return None
    if is_shallow(top):
        raise ConfigError("trail.shallow", str(top))
    head = head_commit(top)
    salt = _salt(layout, head or "-", trust_root)
    file = repo_file(cache_dir, "trail", top)
    data = read_json(file) if use_cache else None
    trail = None
    if isinstance(data, dict) and data.get("salt") == salt:
        try:
            trail = Trail.from_json(data["trail"], top)
        except (KeyError, TypeError, ValueError):
            pass  # a cache of another shape: build anew
        else:
            if _dated_for(trail, now):
                reporter.note("progress.trail_cached")
            else:
                trail = None  # a date in the future then is not now, or the clock went back
    if trail is None:
        trail = build_trail(layout, trust_root, cache_dir, jobs, use_cache, reporter, now, head)
        if trail is None:
            return None
        trail.findings += trail_findings(layout, trail)
        if use_cache:
            write_json(file, {"salt": salt, "trail": trail.to_json()})
    records = records_prefix(layout.root, top)
    listed = index_listing(top, layout.root)
    hidden = hidden_changes(top, listed)
    changed = uncommitted(top, layout.root) | hidden  # the working tree, never cached
    trail.uncommitted = frozenset(changed)
    if hidden:  # why `git status` shows nothing, and how to let it look again
        first = min(hidden)
        where = {"count": len(hidden), "path": first}
        shown = layout.show(top / first) if first.startswith(records) else first
        trail.findings.append(Finding(Severity.WARNING, "trail.hidden_from_status", shown, None, where))
    trail.findings += uncommitted_findings(layout, trail, changed)
    trail.findings += untracked_findings(layout, trail, listed, changed)
    trail.findings += removed_uncommitted_findings(layout, trail, changed)
    trail.findings += working_copy_findings(records, top, changed, layout.show)
    if converts_records(top, records):  # this machine's git, never cached
        where = {"records": records or "./"}
        trail.findings.append(Finding(Severity.WARNING, "trail.line_endings", ".gitattributes", None, where))
    trail.source = Source(head, commit_date(top, head), bool(changed)) if head else None
    return trail


def _dated_for(trail: Trail, now: datetime) -> bool:
    """Whether a cached trail's reading of commit dates holds at ``now``: the same commits are
    still dated in the future (see :func:`.build.build_trail`)."""
    if trail.built is None or trail.built > now:
        return False
    return trail.future_from is None or trail.future_from > now + FUTURE_SLACK
