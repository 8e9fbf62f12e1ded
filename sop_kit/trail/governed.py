"""The files that decide verdicts, and who may change them.

Case records are written by clerks and approved by role holders. The files every verdict rests
on are not case records: the staff registry, the SOP revisions, the archive's settings
(``sop-kit.yaml``), its site settings (``mkdocs.yml``) and its document templates. Each counts
only in a version that someone the registry then in force authorised for it signed:

=================================  ==============  ==========================================
file                               flag            typically
=================================  ==============  ==========================================
``records/staf.yaml``              ``admin_staf``  Kepala Dinas, Kasubag Umum (the first
                                                   version: the pinned trust root instead)
``records/sop/*.yaml``             ``admin_sop``   Kepala Dinas, Kasubag Umum
``sop-kit.yaml``, ``mkdocs.yml``,  ``admin_arsip`` Kepala Dinas
``templates/**``
=================================  ==============  ==========================================

An unauthorised change is a finding naming the commit and who signed it. Under
``tanda_tangan: wajib`` it is an error and the last authorised version keeps judging; under
``laporkan`` it is a warning and takes effect (the office has chosen to be told, not to
enforce). The policy a change is judged by is the one in force before it, so an unsigned
commit cannot switch ``wajib`` off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..records.config import CONFIG_FILE
from ..records.layout import SOP_DIR, STAFF_FILE, TEMPLATES_DIR

Kind = Literal["staf", "sop", "arsip"]
FLAGS: dict[Kind, str] = {"staf": "admin_staf", "sop": "admin_sop", "arsip": "admin_arsip"}
SITE_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Authorised:
    """The version of a governed file in force, and the commit that made it so."""

    blob: str
    commit: str


@dataclass(frozen=True)
class GovernedPaths:
    """Where the governed files are in the repository: ``records`` is the archive folder's
    path with a trailing slash ("" at the top); ``parent`` the folder holding it, the same way,
    or None when the archive is the repository's top and its settings lie outside history."""

    records: str
    parent: str | None

    @classmethod
    def of(cls, records: str) -> GovernedPaths:
        if not records:
            return cls("", None)
        head = records.rstrip("/").rpartition("/")[0]
        return cls(records, head + "/" if head else "")

    def kind(self, path: str) -> Kind | None:
        if path == self.records + STAFF_FILE:
            return "staf"
        sop_dir = self.records + SOP_DIR + "/"
        if path.startswith(sop_dir) and path.endswith(".yaml") and "/" not in path[len(sop_dir) :]:
            return "sop"
        if self.parent is not None:
            if path in (self.parent + CONFIG_FILE, self.parent + SITE_FILE):
                return "arsip"
            if path.startswith(self.parent + TEMPLATES_DIR + "/"):
                return "arsip"
        return None

    @property
    def config(self) -> str | None:
        return None if self.parent is None else self.parent + CONFIG_FILE

    def history(self) -> list[str]:
        """The paths whose history the trail reads."""
        paths = [self.records or "."]
        if self.parent is not None:
            paths += [self.parent + CONFIG_FILE, self.parent + SITE_FILE, self.parent + TEMPLATES_DIR]
        return paths
