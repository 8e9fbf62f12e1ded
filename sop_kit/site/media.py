"""The files a case page publishes: re-encoded photos and copied documents.

Copies are kept between builds in the work folder and made again only when the source file
changed (size, modification time, inode). What each case's copies were made from is kept in
a file of its own, written with the copies: a build reads only the changed cases' (the
site's manifest no longer carries 100,000 of them through every build). The copies are
hard-linked into the staging site: nothing ever writes one in place, so a link cannot change
under the published site.

A photo's copies come from the shared photo cache (:mod:`sop_kit.views.photos`), by the
content of the photo: a photo the dossier PDF or an earlier build already prepared, or the
same photo in another case, is not decoded again. The work folder holds hard links to them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.cache import read_json, write_json
from ..views.photos import TAKEN, THUMB_EDGE, PhotoCache
from .collect import CaseView
from .photos import THUMB_SUFFIX, check_stem


@dataclass(frozen=True)
class _Task:
    key: str
    source: Path
    dest: Path
    name: str  # published file name
    image: bool


def _make(task: _Task, photos: PhotoCache) -> dict[str, Any] | None:
    """Make one published copy; its info for the page, or None when the image is refused."""
    if task.image:
        stem = task.name.rsplit(".", 1)[0]
        try:
            check_stem(stem)
            made = photos.prepared(task.source.read_bytes(), stem)
        except (ValueError, OSError):
            return None  # unreadable, or a decompression bomb (PhotoRefused): the check reports it
        full, thumb = f"{stem}.jpg", f"{stem}{THUMB_SUFFIX}.jpg"
        task.dest.mkdir(parents=True, exist_ok=True)
        _place(made.full, task.dest / full)
        _place(made.thumb, task.dest / thumb)
        return {"full": full, "thumb": thumb, "width": made.width, "height": made.height, "taken": made.taken}
    task.dest.mkdir(parents=True, exist_ok=True)
    tmp = task.dest / f".{task.name}.tmp"
    shutil.copyfile(task.source, tmp)
    os.replace(tmp, task.dest / task.name)
    return {}


def _place(src: Path, dest: Path) -> None:
    """``dest`` becomes ``src`` (a hard link, else a copy), replaced by a rename."""
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    link(src, tmp)
    os.replace(tmp, dest)


class MediaCache:
    """The published copies in the work folder ``folder``, one folder per case, and what each
    was made from in ``<folder>.stamps/<case>.json``. ``photos``: where prepared photos are
    shared (default: the photo cache of ``$XDG_CACHE_HOME/sop-kit``, which the PDFs use too)."""

    def __init__(self, folder: Path, photos: PhotoCache | None = None):
        self.folder = folder
        self.stamps = folder.with_name(f"{folder.name}.stamps")  # a case id cannot collide there
        self.photos = photos or PhotoCache.at()

    def publish_case(self, view: CaseView) -> tuple[list[dict[str, Any]], list[str]]:
        """Bring the case's copies up to date: its gallery and the names of its published
        files. A refused image is left unpublished."""
        stamps = self.stamps / f"{view.id}.json"
        old = read_json(stamps)
        if not isinstance(old, dict):  # none yet, or damaged: every copy is made again
            old = {}
        entries: dict[str, Any] = {}
        for att in view.attachments:
            key = f"{view.id}/{att.source}"
            if att.published is None or key in entries:  # one copy of a file two records name
                continue
            st = (view.folder / att.source).stat()
            # TAKEN: how the kept date was read; a copy kept with the camera's own clock is made again
            stamp: list[object] = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, att.published, TAKEN]
            cached = old.get(key)
            if (
                isinstance(cached, dict)
                and cached.get("stamp") == stamp
                and isinstance(cached.get("info"), dict)
                and (self.folder / view.id / att.published).exists()
            ):
                entries[key] = cached
                continue
            task = _Task(key, view.folder / att.source, self.folder / view.id, att.published, att.format != "pdf")
            info = _make(task, self.photos)
            if info is None:
                att.published = None  # refused: listed on the page, not linked
            else:
                entries[key] = {"stamp": stamp, "info": info}
        if entries != old:
            write_json(stamps, entries)
        gallery, files, seen = [], [], set()
        for att in view.attachments:
            entry = entries.get(f"{view.id}/{att.source}") if att.published else None
            if entry is None or att.source in seen:
                continue
            seen.add(att.source)
            info = entry["info"]
            files += [info["full"], info["thumb"]] if info else [att.published or ""]
            if att.photo and info:
                width, height = _thumb_size(info["width"], info["height"])
                caption = att.caption or att.title
                gallery.append({**info, "caption": caption, "thumb_width": width, "thumb_height": height})
        return gallery, sorted(set(files))

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
