"""``sop-kit build --watch``: one process that stays up and publishes the site again whenever
the archive changes.

Each build is the one ``sop-kit build`` makes (the archive judged again, then
:func:`~sop_kit.site.build.build_site`), so the site it publishes is the same; what the process
saves is its own start: the interpreter, sop-kit's modules, MkDocs and the theme are loaded once
(at 1,000 cases about half of a one-case rebuild, bench/README.md). The archive's folder is
watched by the kernel (inotify through ``watchfiles``), and in a git repository also the refs a
commit, a checkout or a reset moves, since the trail judges by commits.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..check.audit import audit
from ..check.run import CheckOptions
from ..core.errors import SopKitError
from ..core.feedback import Reporter
from ..records.layout import CASES_DIR, Layout, locate
from .build import SiteOptions, SiteReport, build_site

# What a commit, checkout, reset or fetch changes in a git folder. Not the index: git itself
# refreshes it when the trail asks for the status, and a build must not set off the next one.
_GIT_STATE = ("HEAD", "ORIG_HEAD", "packed-refs", "refs")
POLL_MS = 2000  # between two looks at every file, when the kernel cannot tell of changes
STEP_MS = 200  # quiet time that ends a batch of changes: a save and the commit after it are one rebuild


@dataclass(frozen=True)
class Built:
    """One build of the watch: its report, or the error that left the previous site in place."""

    report: SiteReport | None
    error: SopKitError | OSError | None
    changed: tuple[str, ...]  # what set it off, as shown to the user (empty: the first build)
    seconds: float


def git_dirs(layout: Layout) -> list[Path]:
    """The git folders whose refs say which commit the archive is at (none outside git)."""
    import git  # GitPython: only a trail-reading watch needs it

    try:
        repo = git.Repo(layout.root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return []
    return sorted({Path(repo.git_dir).resolve(), Path(repo.common_dir).resolve()})


class _Filter:
    """The changes that can change the site: anything in the archive but editors' and tools'
    scratch files; in a git folder only its refs."""

    def __init__(self, gits: list[Path]) -> None:
        from watchfiles import DefaultFilter

        self.gits = [str(g) for g in gits]
        self.default = DefaultFilter()

    def __call__(self, change: object, path: str) -> bool:
        for g in self.gits:
            if path.startswith(g + "/"):
                rel = path[len(g) + 1 :]
                return rel.split("/", 1)[0] in _GIT_STATE and not rel.endswith(".lock")
        return bool(self.default(change, path))  # type: ignore[arg-type]


def _shown(layout: Layout, gits: list[Path], batch: set[tuple[int, str]]) -> tuple[str, ...]:
    """What a batch changed, as the user knows it: a case's folder for anything in it, the
    file otherwise (``git: refs/…`` for a commit). A file made and gone again within the batch
    (an editor's or ``sed -i``'s scratch file) is not named."""
    made = {path for kind, path in batch if kind == 1}  # watchfiles.Change.added
    cases = layout.root / CASES_DIR
    shown = set()
    for _, path in batch:
        if path in made and not os.path.lexists(path):
            continue
        where = Path(path)
        git = next((g for g in gits if where.is_relative_to(g)), None)  # an archive may hold its .git
        if git is not None:
            shown.add("git: " + where.relative_to(git).as_posix())
        elif where.is_relative_to(cases) and len(where.relative_to(cases).parts) > 2:
            shown.add(layout.show(cases.joinpath(*where.relative_to(cases).parts[:2])))
        else:
            shown.add(layout.show(where))
    return tuple(sorted(shown))


def keep_built(
    root: Path,
    check: CheckOptions,
    options: SiteOptions,
    say: Reporter,
    stop: threading.Event | None = None,
    poll: bool = False,
) -> Iterator[Built]:
    """Build the site of the archive at ``root``, then again after every batch of changes to
    it, until ``stop`` is set or the process is interrupted. A build that fails (a record saved
    half-written, a refused setting) is yielded with its error, the previous site stays
    published, and the next change is built again.

    The archive is watched before the first build reads it, and changes made while a build
    runs are kept for the next one: no change goes unbuilt. The kernel tells of changes
    (inotify); with ``poll``, or when the kernel's limit of watched folders is reached, every
    file is looked at again every two seconds instead (a network share tells of no change)."""
    from watchfiles import Change
    from watchfiles._rust_notify import RustNotify  # the documented backend: armed when made

    layout = locate(root)
    gits = git_dirs(layout) if check.trail else []
    wanted = _Filter(gits)
    paths = [str(layout.root), *map(str, gits)]
    try:
        watcher = RustNotify(paths, False, poll, POLL_MS, True, True)
    except OSError as exc:  # the kernel's limit of watches (fs.inotify.max_user_watches) reached
        if poll or "limit" not in str(exc):
            raise
        say.notice("site.watch_polling", seconds=POLL_MS / 1000)
        watcher = RustNotify(paths, False, True, POLL_MS, True, True)
    with watcher:
        changed: tuple[str, ...] = ()
        while True:
            start = time.perf_counter()
            try:
                report = build_site(audit(root, check, say), options, say)
            except (SopKitError, OSError) as exc:
                yield Built(None, exc, changed, time.perf_counter() - start)
            else:
                yield Built(report, None, changed, time.perf_counter() - start)
            changed = ()
            while not changed:
                batch = watcher.watch(1600, STEP_MS, 0, stop)
                if isinstance(batch, str):  # "stop" or "signal" (Ctrl+C)
                    return
                changed = _shown(layout, gits, {(k, p) for k, p in batch if wanted(Change(k), p)})
