"""Where things are in an archive, found without reading any record.

    records/
      sop/*.yaml                  one file per SOP revision
      staf.yaml                   staff registry
      kasus/<tahun>/<id>/         one folder per case
        kasus.yaml
        langkah/*.yaml            one record per step and round
        lampiran/ foto/           scans and photos

Kept free of the record models so that a check whose every verdict is cached never has to
import them.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ConfigError, SopKitError
from .scan import named, unshowable

RECORDS_DIR = "records"  # the archive's usual folder name inside its repository
SOP_DIR = "sop"
STAFF_FILE = "staf.yaml"
CASES_DIR = "kasus"
CASE_FILE = "kasus.yaml"
STEPS_DIR = "langkah"
TEMPLATES_DIR = "templates"  # beside records/: the office's own document templates
SITE_FILE = "mkdocs.yml"  # beside records/: the office's site settings
OFFICE_DIR = "kantor"  # beside records/: the office's own files (the emblem)
SITE_MARK = ".sop-kit-build"  # in every site sop-kit builds: the build's id
INTERNAL_MARK = ".sop-kit-internal"  # in an internal site (personal data) besides
PUBLISHED_FILES = "berkas"  # beside a case's page on the site: the published copies of its files


def public_site_holding(path: Path) -> Path | None:
    """The public site sop-kit built that ``path`` lies in (or is), if any: where nothing
    personal may be written."""
    for folder in (path, *path.parents):
        if (folder / SITE_MARK).is_file() and not (folder / INTERNAL_MARK).is_file():
            return folder
    return None


_PLACE_WORDS = {"desa", "kelurahan", "kel.", "kel", "ds.", "ds"}  # said before a desa's name, never in an id


@dataclass
class Layout:
    root: Path  # resolved
    shown: str  # the root as the user named it, for messages

    def show(self, path: str | Path) -> str:
        """How a path inside the archive is named in messages: as the user named the root."""
        # String slicing, not Path.relative_to: this runs for every file of every case.
        rel = str(path)[len(str(self.root)) + 1 :].replace(os.sep, "/")
        return rel if self.shown in ("", ".") else f"{self.shown.rstrip('/')}/{rel}"

    def case_dirs(self) -> list[Path]:
        """Every folder under kasus/ holding a kasus.yaml, or looking like a case (has langkah/).

        As ``os.walk`` would find them (a kasus.yaml is anything but a folder, a langkah/ may be
        a link to one; links to folders and hidden folders are not entered), but a case folder
        is recognised by two ``stat``s instead of being listed: at 10,000 cases 0.4 s of every
        check, now 0.15."""
        return self.walk_cases()[0]

    def walk_cases(self) -> tuple[list[Path], list[str]]:
        """:meth:`case_dirs`, and the folders met on the way whose names are not UTF-8, as
        spelled (:func:`~sop_kit.records.scan.unshowable`) from the root: not entered, since
        no case id, page or report could carry them. The check reports them."""
        found, unnamed = [], []
        pending = [str(self.root / CASES_DIR)]
        while pending:
            here = pending.pop()
            if _is_case(here):
                found.append(Path(here))
                continue
            try:
                with os.scandir(here) as entries:
                    folders = [e for e in entries if not e.name.startswith(".") and _real_dir(e)]
            except OSError:
                continue  # as os.walk: a folder that cannot be listed holds no case
            for e in folders:
                spelled = unshowable(e.path[len(str(self.root)) + 1 :])
                if spelled is None:
                    pending.append(e.path)
                else:
                    unnamed.append(spelled)
        return sorted(found), sorted(unnamed)

    def _year_case(self, ident: str) -> Path | None:
        """``kasus/<year>/<ident>`` when it is a case folder :meth:`case_dirs` would list: a
        clerk's command names one case, and at 10,000 cases listing them all took 0.3 s."""
        if not ident or ident.startswith(".") or "/" in ident or os.sep in ident:
            return None
        top = self.root / CASES_DIR
        try:
            years = sorted(e.name for e in os.scandir(top) if not e.name.startswith(".") and _real_dir(e))
        except OSError:
            return None
        for year in years:
            here = os.path.join(top, year, ident)
            if os.path.isdir(here) and not os.path.islink(here) and _is_case(here):
                return Path(here)
        return None

    def global_files(self) -> list[Path]:
        """The files every case is judged against."""
        return [*sorted(named((self.root / SOP_DIR).glob("*.yaml"))), self.root / STAFF_FILE]

    @property
    def templates_dir(self) -> Path:
        """The office's template overrides, beside the records folder."""
        return self.root.parent / TEMPLATES_DIR

    def find_case(self, ident: str) -> Path:
        """A case folder from its id, a part of it only that case's id holds, or a path to it
        (or to a file inside it)."""
        candidate = Path(ident)
        if candidate.exists():
            folder = candidate.resolve()
            while folder != folder.parent and not (folder / CASE_FILE).exists():
                folder = folder.parent
            if (folder / CASE_FILE).exists():
                return folder
        if (found := self._year_case(ident)) is not None:
            return found
        cases = self.case_dirs()
        for case in cases:
            if case.name == ident:
                return case
        # A part of the id is enough when only one case has it ("gandasoli" for
        # 2026-04-gandasoli-2j7r): ids end in a random suffix nobody remembers.
        wanted = ident.strip().lower()
        holding = sorted((c for c in cases if wanted and wanted in c.name.lower()), key=lambda c: c.name)
        if not holding:  # "Desa Sinar Jaya" as a clerk says it, for 2026-03-sinar-jaya-x1y2
            wanted = "-".join(w for w in wanted.replace("-", " ").split() if w not in _PLACE_WORDS)
            holding = sorted((c for c in cases if wanted and wanted in c.name.lower()), key=lambda c: c.name)
        if len(holding) == 1:
            return holding[0]
        if holding:
            names = [c.name for c in holding]
            shown = ", ".join(names[:6]) + (f" (+{len(names) - 6})" if len(names) > 6 else "")
            raise SopKitError("case.ambiguous", ident, None, id=ident, cases=shown)
        # Misspelt: the whole id, or the desa in it (2026-04-<gandasoli>-2j7r).
        by_part: dict[str, list[str]] = {}
        for c in cases:  # a desa may have several cases: each is named
            by_part.setdefault(c.name, []).append(c.name)
            by_part.setdefault("-".join(c.name.split("-")[2:-1]), []).append(c.name)
        close = difflib.get_close_matches(wanted, list(by_part), n=3, cutoff=0.75)
        near = sorted({name for k in close for name in by_part[k]})
        if near:
            raise SopKitError("case.not_found_near", ident, None, id=ident, near=", ".join(near))
        raise SopKitError("case.not_found", ident, None, id=ident)


def find_archive(start: Path) -> Path | None:
    """The archive a command run in ``start`` means when none is named, as git finds its
    repository from any folder in it: ``records/`` in ``start`` or the nearest folder above it
    that has one, or the archive folder ``start`` is inside (a clerk in a case folder)."""
    for folder in (start, *start.parents):
        if (folder / RECORDS_DIR / SOP_DIR).is_dir():
            return folder / RECORDS_DIR
        if (folder / SOP_DIR).is_dir() and (folder / CASES_DIR).is_dir():
            return folder
    return None


def locate(root: Path | str | Layout) -> Layout:
    """The archive at ``root``; :class:`ConfigError` if there is none."""
    if isinstance(root, Layout):
        return root
    root_path = Path(root)
    shown = str(root)
    if not root_path.is_dir():
        # how to name another folder depends on the command: the CLI fills it in
        raise ConfigError("config.no_root", shown, where=str(root_path.absolute()), how="ROOT")
    if not (root_path / SOP_DIR).is_dir():
        raise ConfigError("config.no_sop_dir", shown, path=f"{shown.rstrip('/')}/{SOP_DIR}")
    return Layout(root_path.resolve(), shown)


def _is_case(folder: str) -> bool:
    """A case folder: it holds a kasus.yaml (anything but a folder) or a langkah/ folder."""
    case_file = os.path.join(folder, CASE_FILE)
    return (os.path.lexists(case_file) and not os.path.isdir(case_file)) or os.path.isdir(
        os.path.join(folder, STEPS_DIR)
    )


def _real_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, not a link to one (os.walk does not enter those)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
