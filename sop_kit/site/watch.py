"""``sop-kit build --watch``: one process that stays up and publishes the site again whenever
the archive changes.

Each build is the one ``sop-kit build`` makes (the archive judged again, then
:func:`~sop_kit.site.build.build_site`), so the site it publishes is the same; what the process
saves is its own start: the interpreter, sop-kit's modules, MkDocs and the theme are loaded once
(at 1,000 cases about half of a one-case rebuild, bench/README.md). The kernel tells of
changes (inotify through ``watchfiles``) to the records folder, to what the build reads beside
it (sop-kit.yaml, mkdocs.yml, templates/, the emblem), and in a git repository to the refs a
commit, a checkout or a reset moves, since the trail judges by commits.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
STEP_MS = 50  # quiet time that ends a batch of changes (watchfiles' own default): a save is one rebuild


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


def _emblem(layout: Layout) -> list[Path]:
    """The emblem file sop-kit.yaml names now (none without one, or when it does not parse:
    the build says so)."""
    from ..records.config import office_settings

    try:
        return [path for _, path in office_settings(layout.root)[1]]
    except SopKitError:
        return []


def _beside(layout: Layout) -> list[Path]:
    """What the build reads beside the records folder, watched without descending: the folder
    itself (sop-kit.yaml and mkdocs.yml are there, templates/ may appear), the office's
    templates, and the folder of the emblem the profile names."""
    folders = {layout.root.parent, *(p.parent for p in _emblem(layout) if not p.is_relative_to(layout.root))}
    if layout.templates_dir.is_dir():
        folders.add(layout.templates_dir)
    return sorted(folders)


class _Filter:
    """The changes that can change the site: anything in the records folder but editors' and
    tools' scratch files; in a git folder only its refs; beside the records folder only the
    settings, the templates and the emblem (the published site may be there too)."""

    def __init__(self, layout: Layout, gits: list[Path]) -> None:
        from watchfiles import DefaultFilter

        from ..records.config import CONFIG_FILE
        from ..records.layout import SITE_FILE, TEMPLATES_DIR

        self.root = str(layout.root)
        self.gits = [str(g) for g in gits]
        top = layout.root.parent
        self.beside = {str(top / name) for name in (CONFIG_FILE, SITE_FILE, TEMPLATES_DIR)}
        self.beside |= {str(path) for path in _emblem(layout)}
        self.templates = str(layout.templates_dir) + "/"
        self.default = DefaultFilter()

    def __call__(self, change: object, path: str) -> bool:
        for g in self.gits:
            if path.startswith(g + "/"):
                rel = path[len(g) + 1 :]
                return rel.split("/", 1)[0] in _GIT_STATE and not rel.endswith(".lock")
        if not path.startswith(self.root + "/") and path not in self.beside and not path.startswith(self.templates):
            return False
        return bool(self.default(change, path))  # type: ignore[arg-type]


class _Watchers:
    """The kernel's watches: the records folder and git folders in depth, what is beside them
    flat (the folder holding the records may also hold the site and much else). Each waits on
    a thread of its own and hands its batches over; the flat ones are made again when the
    templates folder or the emblem's folder appear or move."""

    def __init__(self, layout: Layout, gits: list[Path], poll: bool, say: Reporter) -> None:
        self.layout, self.poll, self.say = layout, poll, say
        self.batches: queue.Queue[set[tuple[int, str]]] = queue.Queue()
        self.deep = self._start([layout.root, *gits], recursive=True)
        self.flat_paths = _beside(layout)
        self.flat = self._start(self.flat_paths, recursive=False)

    def _start(self, paths: list[Path], recursive: bool) -> tuple[Any, threading.Event, threading.Thread]:
        from watchfiles._rust_notify import RustNotify  # the documented backend: armed when made

        try:
            notify = RustNotify([str(p) for p in paths], False, self.poll, POLL_MS, recursive, True)
        except OSError as exc:  # the kernel's limit of watches (fs.inotify.max_user_watches) reached
            if self.poll or "limit" not in str(exc):
                raise
            self.say.notice("site.watch_polling", seconds=POLL_MS / 1000)
            self.poll = True
            notify = RustNotify([str(p) for p in paths], False, True, POLL_MS, recursive, True)
        halt = threading.Event()

        def pump() -> None:
            while not halt.is_set():
                batch = notify.watch(1600, STEP_MS, 1000, halt)
                if isinstance(batch, set):
                    self.batches.put(batch)

        thread = threading.Thread(target=pump, daemon=True)
        thread.start()
        return notify, halt, thread

    @staticmethod
    def _stop(watch: tuple[Any, threading.Event, threading.Thread]) -> None:
        notify, halt, thread = watch
        halt.set()
        thread.join()
        notify.close()

    def rearm(self) -> None:
        """After a build: the flat watches follow a templates folder made or an emblem moved
        (the new ones are armed before the old ones go, so nothing falls between)."""
        now = _beside(self.layout)
        if now != self.flat_paths:
            old, self.flat, self.flat_paths = self.flat, self._start(now, recursive=False), now
            self._stop(old)

    def wait(self, stop: threading.Event | None) -> set[tuple[int, str]] | None:
        """The next batch of raw changes, with any other batch already handed over (None: the
        caller's ``stop`` was set)."""
        while True:
            try:
                got = self.batches.get(timeout=0.5)
                break
            except queue.Empty:
                if stop is not None and stop.is_set():
                    return None
        while not self.batches.empty():
            got |= self.batches.get_nowait()
        return got

    def close(self) -> None:
        self._stop(self.deep)
        self._stop(self.flat)


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
        elif where.is_relative_to(layout.root):
            shown.add(layout.show(where))
        else:  # beside the records folder: named from there, as sop-kit.yaml names the emblem
            shown.add(where.relative_to(layout.root.parent).as_posix())
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

    layout = locate(root)
    gits = git_dirs(layout) if check.trail else []
    watchers = _Watchers(layout, gits, poll, say)
    try:
        changed: tuple[str, ...] = ()
        while True:
            start = time.perf_counter()
            try:
                report = build_site(audit(root, check, say), options, say)
            except (SopKitError, OSError) as exc:
                yield Built(None, exc, changed, time.perf_counter() - start)
            else:
                yield Built(report, None, changed, time.perf_counter() - start)
            try:  # Ctrl+C between builds ends the watch; during one it stops that build (130)
                watchers.rearm()
                changed = ()
                while not changed:
                    batch = watchers.wait(stop)
                    if batch is None:
                        return
                    wanted = _Filter(layout, gits)  # the emblem sop-kit.yaml names now
                    changed = _shown(layout, gits, {(k, p) for k, p in batch if wanted(Change(k), p)})
            except KeyboardInterrupt:
                return
    finally:
        watchers.close()
