"""The files a case page publishes: re-encoded photos and copied documents.

Copies are kept between builds in the work folder and made again only when the source file
changed (size, modification time, inode), on all cores when there are many. They are hard-
linked into the staging site: nothing ever writes one in place, so a link cannot change
under the published site.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .collect import Attachment, CaseView
from .photos import THUMB_EDGE, publish_photo

PARALLEL_FROM = 40  # below this many new copies, starting workers costs more than it saves


@dataclass(frozen=True)
class _Task:
    key: str
    source: Path
    dest: Path
    name: str  # published file name
    image: bool


def _make(task: _Task) -> dict[str, Any] | None:
    """Make one published copy; its info for the page, or None when the image is refused."""
    if task.image:
        try:
            made = publish_photo(task.source.read_bytes(), task.dest, task.name.rsplit(".", 1)[0])
        except ValueError:
            return None  # unreadable, or a decompression bomb: the check reports it
        return {"full": made.full, "thumb": made.thumb, "width": made.width, "height": made.height, "taken": made.taken}
    task.dest.mkdir(parents=True, exist_ok=True)
    tmp = task.dest / f".{task.name}.tmp"
    shutil.copyfile(task.source, tmp)
    os.replace(tmp, task.dest / task.name)
    return {}


class MediaCache:
    def __init__(self, folder: Path, entries: dict[str, Any]):
        self.folder = folder
        self.old = entries
        self.entries: dict[str, Any] = {}  # what the manifest keeps for the next build

    def publish(self, views: list[CaseView], jobs: int = 0) -> dict[str, list[dict[str, Any]]]:
        """Bring every published copy up to date; the gallery entries of each case."""
        todo: list[tuple[_Task, list[object]]] = []
        for view in views:
            for att in view.attachments:
                if att.published is None:
                    continue
                st = (view.folder / att.source).stat()
                key = f"{view.id}/{att.source}"
                stamp: list[object] = [st.st_size, st.st_mtime_ns, st.st_ino, att.published]
                cached = self.old.get(key)
                if cached is not None and cached["stamp"] == stamp and (self.folder / view.id / att.published).exists():
                    self.entries[key] = cached
                else:
                    image = att.format in ("jpeg", "png")
                    todo.append(
                        (_Task(key, view.folder / att.source, self.folder / view.id, att.published, image), stamp)
                    )
        workers = jobs or os.cpu_count() or 1
        tasks = [t for t, _ in todo]
        if workers > 1 and len(tasks) >= PARALLEL_FROM:
            import multiprocessing

            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                made = list(pool.map(_make, tasks, chunksize=16))
        else:
            made = [_make(t) for t in tasks]
        for (task, stamp), info in zip(todo, made, strict=True):
            if info is not None:
                self.entries[task.key] = {"stamp": stamp, "info": info}
        return {view.id: self._gallery(view) for view in views}

    def _gallery(self, view: CaseView) -> list[dict[str, Any]]:
        photos = []
        for att in view.attachments:
            entry = self._entry(view, att)
            if entry is None:
                att.published = None  # refused: listed on the page, not linked
                continue
            info = entry["info"]
            if att.photo and info:
                width, height = _thumb_size(info["width"], info["height"])
                photos.append(
                    {**info, "caption": att.caption or att.title, "thumb_width": width, "thumb_height": height}
                )
        return photos

    def _entry(self, view: CaseView, att: Attachment) -> dict[str, Any] | None:
        return self.entries.get(f"{view.id}/{att.source}") if att.published else None

    def link(self, view: CaseView, target: Path) -> None:
        """Hard-link the case's current copies into ``target`` (its page's berkas/ folder)."""
        names: set[str] = set()
        for att in view.attachments:
            entry = self._entry(view, att)
            if entry is not None:
                info = entry["info"]
                names.update([info["full"], info["thumb"]] if info else [att.published or ""])
        if target.exists():
            shutil.rmtree(target)
        if not names:
            return
        target.mkdir(parents=True)
        for name in sorted(names):
            link(self.folder / view.id / name, target / name)


def link(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:  # another file system, or no hard links: a copy does as well
        shutil.copy2(src, dest)


def _thumb_size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, THUMB_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))
