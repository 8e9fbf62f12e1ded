"""The files a case page publishes: re-encoded photos and copied documents.

Copies are kept between builds in the work folder and made again only when the source file
changed (size, modification time, inode). They are hard-linked into the staging site:
nothing ever writes one in place, so a link cannot change under the published site.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .collect import CaseView
from .photos import THUMB_EDGE, publish_photo


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
    """The published copies in the work folder; ``entries`` are the last build's (kept per
    case in the manifest)."""

    def __init__(self, folder: Path, entries: dict[str, Any]):
        self.folder = folder
        self.old = entries

    def publish_case(self, view: CaseView) -> tuple[list[dict[str, Any]], dict[str, Any], list[str]]:
        """Bring the case's copies up to date: its gallery, its manifest entries and the
        names of its published files. A refused image is left unpublished."""
        entries: dict[str, Any] = {}
        for att in view.attachments:
            if att.published is None:
                continue
            st = (view.folder / att.source).stat()
            key = f"{view.id}/{att.source}"
            stamp: list[object] = [st.st_size, st.st_mtime_ns, st.st_ino, att.published]
            cached = self.old.get(key)
            if cached is not None and cached["stamp"] == stamp and (self.folder / view.id / att.published).exists():
                entries[key] = cached
                continue
            task = _Task(key, view.folder / att.source, self.folder / view.id, att.published, att.format != "pdf")
            info = _make(task)
            if info is None:
                att.published = None  # refused: listed on the page, not linked
            else:
                entries[key] = {"stamp": stamp, "info": info}
        gallery, files = [], []
        for att in view.attachments:
            entry = entries.get(f"{view.id}/{att.source}") if att.published else None
            if entry is None:
                continue
            info = entry["info"]
            files += [info["full"], info["thumb"]] if info else [att.published or ""]
            if att.photo and info:
                width, height = _thumb_size(info["width"], info["height"])
                caption = att.caption or att.title
                gallery.append({**info, "caption": caption, "thumb_width": width, "thumb_height": height})
        return gallery, entries, sorted(set(files))

    def link(self, case_id: str, files: list[str], target: Path) -> None:
        """Hard-link the case's copies into ``target`` (its page's berkas/ folder), unless the
        staged site already links exactly these."""
        if _same_links(self.folder / case_id, files, target):
            return
        if target.exists():
            shutil.rmtree(target)
        if not files:
            return
        target.mkdir(parents=True)
        for name in files:
            link(self.folder / case_id / name, target / name)


def _same_links(source: Path, files: list[str], target: Path) -> bool:
    try:
        if sorted(os.listdir(target)) != files:
            return False
        return all(os.stat(source / n).st_ino == os.stat(target / n).st_ino for n in files)
    except OSError:
        return not files and not target.exists()


def link(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:  # another file system, or no hard links: a copy does as well
        shutil.copy2(src, dest)


def _thumb_size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, THUMB_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))
