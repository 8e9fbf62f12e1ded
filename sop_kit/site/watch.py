"""``sop-kit build --watch``: one process that stays up and publishes the site again whenever
the archive changes.

Each build is the one ``sop-kit build`` makes (the archive judged again, then
:func:`~sop_kit.site.build.build_site`), so the site it publishes is the same; what the process
saves is its own start: the interpreter, sop-kit's modules, MkDocs and the theme are loaded once
(at 1,000 cases 0.5 s of a 1.2 s one-case rebuild, bench/README.md). The kernel tells of
changes (inotify through ``watchfiles``) to the records folder, to what the build reads beside
it (sop-kit.yaml, mkdocs.yml, templates/, the emblem), and in a git repository to the refs a
commit, a checkout or a reset moves, since the trail judges by commits.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Generator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from watchfiles import Change

from ..check.audit import audit
from ..check.kept import Kept
from ..check.run import CheckOptions
from ..core import collector
from ..core.errors import SopKitError
from ..core.feedback import Reporter
from ..records.layout import CASES_DIR, Layout, locate
from ..records.scan import unshowable
from .build import SiteOptions, SiteReport, build_site
from .kept import SiteKept

# What a commit, checkout, reset or fetch changes in a git folder. Not the index: git itself
# refreshes it when the trail asks for the status, and a build must not set off the next one.
_GIT_STATE = ("HEAD", "ORIG_HEAD", "packed-refs", "refs")
POLL_MS = 2000  # between two looks at every file, when the kernel cannot tell of changes
STEP_MS = 50  # quiet time that ends a batch of changes (watchfiles' own default): a save is one rebuild
# The kernel drops change notices past its queue (16,384 by default; a build's own reads are
# notices too, 547,144 for a full build at 10,000 cases, none dropped when measured) and
# watchfiles passes no word of it on: a build this long after the last one, with no change
# told of, publishes whatever was missed.
RECHECK_S = 600.0


@dataclass(frozen=True)
class Built:
    """One build of the watch: its report, or the error that left the previous site in place."""

    report: SiteReport | None
    error: SopKitError | OSError | None
    changed: tuple[str, ...]  # what set it off, as shown to the user (empty: the first build or a recheck)
    seconds: float
    recheck: bool = False  # built because nothing was told of for RECHECK_S seconds


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


def _folders(layout: Layout, gits: list[Path]) -> list[Path]:
    """Every folder to watch, each on its own (the kernel's watch never descends by itself: it
    would follow a link a clerk put in a case folder to ``/`` and watch the whole disk). In
    the records folder every real folder, never through a link; in a git folder the folder and
    its refs; beside the records folder the folder itself (sop-kit.yaml and mkdocs.yml are
    there, and the published site may be), the office's templates and the emblem's folder."""
    skip = {str(g) for g in gits}
    folders = []
    tops = [layout.root, *(g / "refs" for g in gits)]
    for top in tops:
        for here, subdirs, _ in os.walk(top):  # os.walk does not enter a link to a folder
            folders.append(Path(here))
            # Not .git, not a git folder, not a name that is not text (the check reports it).
            subdirs[:] = [
                d for d in subdirs if d != ".git" and os.path.join(here, d) not in skip and unshowable(d) is None
            ]
    folders += [*gits, layout.root.parent]
    folders += [p.parent for p in _emblem(layout) if not p.is_relative_to(layout.root)]
    if layout.templates_dir.is_dir() and not layout.templates_dir.is_symlink():
        folders.append(layout.templates_dir)
    return sorted(set(folders))


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


class _Watch:
    """The kernel's watches on :func:`_folders`. A folder made (a new case, its ``langkah/``)
    is watched before the build that reads it: the new watch is armed before the old one goes,
    so a change falls in one or the other, or before the build, which then reads it."""

    def __init__(self, layout: Layout, gits: list[Path], poll: bool, say: Reporter) -> None:
        self.layout, self.gits, self.poll, self.say = layout, gits, poll, say
        self.folders = _folders(layout, gits)
        self.watched = {str(p) for p in self.folders}
        self.notify = self._arm(self.folders)

    def _arm(self, folders: list[Path]) -> Any:
        from watchfiles._rust_notify import RustNotify  # the documented backend: armed when made

        paths = [str(p) for p in folders if p.is_dir()]
        try:
            return RustNotify(paths, False, self.poll, POLL_MS, False, True)
        except OSError as exc:  # the kernel's limit of watches (fs.inotify.max_user_watches) reached
            if self.poll or "limit" not in str(exc):
                raise
            self.say.notice("site.watch_polling", seconds=POLL_MS / 1000)
            self.poll = True
            return RustNotify(paths, False, True, POLL_MS, False, True)

    def wait(self, stop: threading.Event | None, until: float) -> set[tuple[int, str]] | None:
        """The next batch of raw changes; an empty one once the monotonic clock passes
        ``until``; None when the caller's ``stop`` is set or Ctrl+C comes."""
        from watchfiles._rust_notify import WatchfilesRustInternalError

        while time.monotonic() < until:
            try:
                batch = self.notify.watch(1600, STEP_MS, 1000, stop)
            except WatchfilesRustInternalError:
                # A name that is not UTF-8 changed (watchfiles cannot hand it over, and its
                # watch stays failed): a new watch, and a build, whose check names the file.
                self.notify.close()
                self.notify = self._arm(self.folders)
                return {(2, str(self.layout.root / CASES_DIR))}
            if batch in ("stop", "signal"):
                return None
            if isinstance(batch, set) and batch:
                return batch
        return set()

    def follow(self, changes: set[tuple[int, str]]) -> None:
        """Watch the folders as they are after ``changes`` (those that count): a folder made,
        moved or removed, or a sop-kit.yaml that may name the emblem elsewhere. Only then are
        the folders listed again: at 10,000 cases that is 30,000 of them."""
        from ..records.config import CONFIG_FILE

        config = str(self.layout.root.parent / CONFIG_FILE)
        if not any(
            path in self.watched or path == config or (kind != Change.modified and os.path.isdir(path))
            for kind, path in changes
        ):
            return
        folders = _folders(self.layout, self.gits)
        if folders != self.folders:
            old, self.notify, self.folders = self.notify, self._arm(folders), folders
            self.watched = {str(p) for p in folders}
            old.close()

    def close(self) -> None:
        self.notify.close()


def _shown(layout: Layout, gits: list[Path], batch: set[tuple[int, str]]) -> tuple[str, ...]:
    """What a batch changed, as the user knows it: a case's folder for anything in it, the
    file otherwise (``git: refs/…`` for a commit). A file made and gone again within the batch
    (an editor's or ``sed -i``'s scratch file) is not named."""
    made = {path for kind, path in batch if kind == Change.added}
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
    recheck: float = RECHECK_S,
) -> Generator[Built, None, None]:
    """Build the site of the archive at ``root``, then again after every batch of changes to
    it, until ``stop`` is set or the process is interrupted. A build that fails (a record saved
    half-written, a refused setting) is yielded with its error, the previous site stays
    published, and the next change is built again.

    The archive is watched before the first build reads it, and changes made while a build
    runs are kept for the next one: no change goes unbuilt. The kernel tells of changes
    (inotify); with ``poll``, or when the kernel's limit of watched folders is reached, every
    file is looked at again every two seconds instead (a network share tells of no change).
    After ``recheck`` seconds with no change told of, the site is built again all the same
    (a :attr:`Built.recheck`): what the kernel dropped under load is published then.

    The check lists again only the case folders a change was told in (:mod:`~sop_kit.check.kept`),
    and the build reads its last manifest from memory (:mod:`~sop_kit.site.kept`); a recheck
    lists every folder and reads every file again."""
    layout = locate(root)
    gits = git_dirs(layout) if check.trail else []
    watchers = _Watch(layout, gits, poll, say)
    # Each case folder's listing while no change in it is told of, and its judgement; the
    # manifest of the last build, while its file is the one written.
    kept, site_kept = Kept(layout.root / CASES_DIR), SiteKept()
    check, options = replace(check, kept=kept), replace(options, kept=site_kept)
    try:
        changed: tuple[str, ...] = ()
        rechecking = False
        while True:
            start = time.perf_counter()
            try:
                report = build_site(audit(root, check, say), options, say)
            except (SopKitError, OSError) as exc:
                yield Built(None, exc, changed, time.perf_counter() - start, rechecking)
            else:
                yield Built(report, None, changed, time.perf_counter() - start, rechecking)
            try:  # Ctrl+C between builds ends the watch; during one it stops that build (130)
                collector.between()
                changed, rechecking = (), False
                until = time.monotonic() + recheck
                while not changed and not rechecking:
                    batch = watchers.wait(stop, until)
                    if batch is None:
                        return
                    rechecking = not batch
                    # Every change, even one the filter drops (an editor's scratch file is in
                    # its case folder's listing too); the recheck lists every folder again.
                    kept.touch(path for _, path in batch)
                    if rechecking:
                        kept.forget()
                        site_kept.forget()
                    wanted = _Filter(layout, gits)  # the emblem sop-kit.yaml names now
                    counted = {(k, p) for k, p in batch if wanted(Change(k), p)}
                    watchers.follow(counted)  # before the build that reads a new folder
                    changed = _shown(layout, gits, counted)
            except KeyboardInterrupt:
                return
    finally:
        watchers.close()
