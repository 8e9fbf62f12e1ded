"""``sop-kit export CASE --bagit`` and ``sop-kit verify-bag BAG``: one case as a BagIt bag
(RFC 8493) for transfer to the regional archive, and the check of such a bag on arrival.

A bag's payload is a miniature archive plus what the office knew about the case::

    data/records/sop/<sop>.yaml             every revision of the SOP the case follows
    data/records/staf.yaml                  the staff registry it was judged against
    data/records/kasus/<tahun>/<id>/...     the case folder, file for file
    data/berkas/berkas-pembinaan-<id>.pdf   the internal dossier (personal data: a closed transfer)
    data/jejak/jejak-<id>.json, .txt        the approval trail from git (unless --no-trail)
    data/temuan-ekspor.json                 the check's findings at export time

so that :func:`verify_bag` can judge the bagged case again with sop-kit's own rules, against
the same SOP and registry, and tell new errors from those already known when it was sent.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import bagit

from .._version import __version__
from ..check.rules import check_case
from ..check.run import CheckOptions, check_archive
from ..core.cache import read_json
from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..core.messages import text
from ..records.archive import Archive, CaseFolder, open_archive, read_case
from ..records.layout import CASES_DIR, SOP_DIR, STAFF_FILE, Layout, locate
from ..records.models import Sop
from ..records.rounds import Status, progress_of
from ..records.scan import Listing, scan
from ..reports.status import find_case

CHECKSUMS = ["sha256", "sha512"]  # sha512 too: archives keep bags for decades, and ask for it
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"  # RFC 8493; bagit.py writes 0.97
RECORDS = "records"
DOSSIER_DIR = "berkas"
TRAIL_DIR = "jejak"
FINDINGS_FILE = "temuan-ekspor.json"
TRAIL_FIELD = "Jejak-Persetujuan"
# Values of TRAIL_FIELD: fixed words, read back by verify_bag, so not translated.
TRAIL_INCLUDED = "disertakan"
TRAIL_OMITTED = "tidak disertakan (--no-trail)"
TRAIL_UNAVAILABLE = "tidak tersedia (arsip tidak berada di repositori git)"
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# bagit logs every problem it finds as a warning; sop-kit reports them itself, in its own
# language, so they must not also reach stderr through logging's last-resort handler.
logging.getLogger("bagit").addHandler(logging.NullHandler())


def dossier_name(case_id: str) -> str:
    return f"berkas-pembinaan-{case_id}.pdf"


# --- export -------------------------------------------------------------------------------


def export_bag(
    root: Path | str,
    case: str,
    out: Path | str | None = None,
    *,
    trail: bool = True,
    bagging_date: date | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
    organization_address: str | None = None,
    force: bool = False,
    use_cache: bool = True,
) -> Path:
    """Write the case ``case`` (an id or a folder) of the archive at ``root`` as a BagIt bag
    at ``out`` (default ``<id>.bag`` in the current folder) and return its path.

    Refuses (:class:`ConfigError`, nothing written) a case folder holding a symbolic link, a
    special file or an unsafe file name, an output folder that exists and is not empty, and,
    unless ``force``, a case that is not finished or has errors. The bag is built in a
    temporary sibling folder and renamed into place only when complete and valid.
    """
    layout = locate(root)
    archive = open_archive(root)
    folder = _case_folder(layout, archive, case)
    listing = scan(folder)
    _refuse_hostile(archive, folder, listing)
    current = read_case(archive, folder, listing)
    kasus = current.kasus
    if kasus is None:
        raise ConfigError("export.no_identity", archive.show(folder), id=folder.name)
    sop = archive.sop_of(kasus)
    if sop is None:
        raise ConfigError("export.no_sop", archive.show(folder), id=kasus.id, nomor=kasus.sop.nomor)
    globals_ = _global_files(layout, archive)
    target = _target(layout, out, kasus.id)

    found = None
    if trail:
        from ..trail.build import load_trail

        found = load_trail(layout, use_cache=use_cache)
    checked = _findings(layout, archive, folder, globals_, found)
    state = progress_of(sop, current.steps).status
    if not force:
        if state is not Status.DONE:
            raise ConfigError("export.unfinished", archive.show(folder), id=kasus.id, state=f"@state.{state.value}")
        errors = [f for _, f in checked if f.severity is Severity.ERROR]
        if errors:
            first = min(errors, key=Finding.sort_key)
            raise ConfigError(
                "export.has_errors",
                archive.show(folder),
                id=kasus.id,
                errors=len(errors),
                first_file=first.file,
                first_code=first.code,
            )

    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        data = work  # make_bag moves everything here into data/
        for rel in globals_:
            _copy(layout.root / rel, data / RECORDS / rel, archive.show(layout.root / rel))
        case_rel = folder.relative_to(layout.root)
        for name, entry in sorted(listing.items()):
            if entry.kind == "file":
                _copy(folder / name, data / RECORDS / case_rel / name, archive.show(folder / name))
        _render_dossier(layout, archive, folder, data / DOSSIER_DIR / dossier_name(kasus.id), found)
        if found is not None:
            _write_trail(found, layout.shown, kasus.id, data / TRAIL_DIR)
        _write_findings(data / FINDINGS_FILE, layout, kasus.id, checked)
        info = _bag_info(layout, archive, current, sop, state, checked, case_rel, found, trail, force)
        info["Bagging-Date"] = (bagging_date or date.today()).isoformat()
        for key, value in (
            ("Contact-Name", contact_name),
            ("Contact-Email", contact_email),
            ("Organization-Address", organization_address),
        ):
            if value:
                info[key] = _one_line(value)
        bagit.make_bag(str(work), info, checksums=CHECKSUMS)
        # bagit.py 1.9 writes BagIt-Version 0.97; the payload and manifests are already as
        # RFC 8493 (1.0) wants them, so only bagit.txt and the tag manifests change.
        (work / "bagit.txt").write_text(BAGIT_TXT, "utf-8")
        bag = bagit.Bag(str(work))
        bag.save()
        bag.validate()  # a bag that would not validate is never renamed into place
        if target.exists():
            target.rmdir()  # checked empty above; rename cannot replace a folder
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _case_folder(layout: Layout, archive: Archive, case: str) -> Path:
    folder = find_case(archive, case)
    cases = layout.root / CASES_DIR
    # find_case resolves a path it is given; a case reached through a link, or a folder
    # elsewhere that merely holds a kasus.yaml, is not this archive's case.
    if cases.is_symlink() or not folder.resolve().is_relative_to(cases):
        raise ConfigError("export.outside_archive", str(case), path=str(case), root=layout.shown)
    return folder.resolve()


def _unsafe_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in a file name
        return True
    return "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name)


def _refuse_hostile(archive: Archive, folder: Path, listing: Listing) -> None:
    """Nothing outside the case folder can be pulled in: links and special files are refused,
    as the check refuses them, and so are names a manifest line could not carry safely."""
    for name, entry in sorted(listing.items()):
        shown = archive.show(folder / name)
        if _unsafe_name(name):
            raise ConfigError("export.bad_name", shown, path=ascii(name))
        if entry.kind == "link":
            raise ConfigError("export.symlink", shown, path=name)
        if entry.kind == "other":
            raise ConfigError("export.not_regular", shown, path=name)


def _global_files(layout: Layout, archive: Archive) -> list[str]:
    """The archive-wide files the case is judged against, relative to the archive root:
    every revision of its SOP (the check compares revisions), the office's other SOPs (the
    staff registry names their roles, which the bag's check would otherwise call unknown)
    and the staff registry."""
    names = [f"{SOP_DIR}/{shown.rsplit('/', 1)[-1]}" for shown in archive.sop_files.values()]
    names.append(STAFF_FILE)
    for rel in names:
        path = layout.root / rel
        mode = os.lstat(path).st_mode if os.path.lexists(path) else 0
        if stat.S_ISLNK(mode):
            raise ConfigError("export.symlink", archive.show(path), path=rel)
        if not stat.S_ISREG(mode):
            raise ConfigError("export.not_regular", archive.show(path), path=rel)
    return sorted(names)


def _target(layout: Layout, out: Path | str | None, case_id: str) -> Path:
    target = Path(out) if out is not None else Path.cwd() / f"{case_id}.bag"
    shown = str(out) if out is not None else f"{case_id}.bag"
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ConfigError("export.out_not_folder", shown, path=shown)
    if target.exists() and any(target.iterdir()):
        raise ConfigError("export.out_exists", shown, path=shown)
    if not target.parent.is_dir():
        raise ConfigError("export.out_no_parent", shown, path=str(target.parent))
    target = target.parent.resolve() / target.name
    if target.is_relative_to(layout.root):
        raise ConfigError("export.out_in_archive", shown, path=shown, root=layout.shown)
    return target


Judged = tuple[str, Finding]  # ("check" | "trail", finding)


def _findings(layout: Layout, archive: Archive, folder: Path, globals_: list[str], found: Any) -> list[Judged]:
    """What the check says of the case: its own findings, those of the SOP and registry files
    it was judged against, and (with the trail) the trail's for the case and the whole trail."""
    shown_globals = {archive.show(layout.root / rel) for rel in globals_}
    out: list[Judged] = [("check", f) for f in check_case(archive, folder)]
    out += [("check", f) for f in archive.findings if f.file in shown_globals]
    if found is not None:
        case_id = folder.name
        out += [("trail", f) for f in found.findings if f.case in (None, case_id)]
    return out


def _copy(src: Path, dst: Path, shown: str) -> None:
    """Copy one regular file, never through a link (even one made since the folder was read)."""
    try:
        fd = os.open(src, os.O_RDONLY | O_NOFOLLOW)
    except OSError as exc:
        raise ConfigError("export.unreadable", shown, path=shown, reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError("export.not_regular", shown, path=shown)
        dst.parent.mkdir(parents=True, exist_ok=True)
        with open(dst, "xb") as copy:
            shutil.copyfileobj(fh, copy)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))


def _render_dossier(layout: Layout, archive: Archive, folder: Path, target: Path, found: Any) -> None:
    """The internal dossier, the same document ``sop-kit pdf --internal`` makes, rendered
    with the archive's template overrides; only this one document is rendered."""
    from ..pdf.build import TEMPLATES_DIR
    from ..pdf.documents import case_jobs
    from ..pdf.render import environment, render

    scratch = target.parent / ".unused"  # case_jobs wants folders; nothing is written there
    internal = scratch / "internal"
    jobs = case_jobs(archive, folder, scratch / "public", internal, found)
    job = next(j for j in jobs if j.template == "dossier.html" and j.target.is_relative_to(internal))
    target.parent.mkdir(parents=True, exist_ok=True)
    outcome = render(replace(job, target=target), environment(layout.root.parent / TEMPLATES_DIR))
    if outcome.error or outcome.refused:
        error = outcome.error or ", ".join(outcome.refused)
        raise ConfigError("export.pdf_failed", archive.show(folder), id=folder.name, error=error)


def _write_trail(found: Any, shown_root: str, case_id: str, folder: Path) -> None:
    from ..trail.build import format_case_trail

    folder.mkdir(parents=True, exist_ok=True)
    ct = found.cases.get(case_id)
    events = ct.events if ct else []
    data = {
        "format": "sop-kit/jejak/1",
        "case": case_id,
        "folder": ct.folder if ct else None,
        "commits": len({e.commit for e in events}),
        "events": [{**e.__dict__, "when": e.when.isoformat()} for e in events],
        "steps": {
            name: {
                "step": st.step,
                "round": st.round,
                "approval": events.index(st.approval) if st.approval in events else None,
                "changed_after_approval": [events.index(e) for e in st.changed_after],
            }
            for name, st in (ct.steps.items() if ct else [])
        },
        "findings": [_finding_dict(f, shown_root) for f in found.findings if f.case == case_id],
    }
    (folder / f"jejak-{case_id}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (folder / f"jejak-{case_id}.txt").write_text(format_case_trail(found, case_id, "id"), "utf-8")


def _finding_dict(f: Finding, shown_root: str) -> dict[str, Any]:
    # Files relative to the archive root: the exporting machine's folders are not the archive's.
    return {**{k: v for k, v in f.to_dict("id").items() if k != "hint"}, "file": _relative(shown_root, f.file)}


def _relative(shown_root: str, file: str) -> str:
    """A finding's file relative to the archive root, whatever the root was called."""
    prefix = "" if shown_root in ("", ".") else shown_root.rstrip("/") + "/"
    return file[len(prefix) :] if prefix and file.startswith(prefix) else file


def _write_findings(path: Path, layout: Layout, case_id: str, checked: list[Judged]) -> None:
    data = {
        "format": "sop-kit/temuan-ekspor/1",
        "case": case_id,
        "sop_kit": __version__,
        "findings": [{"source": source, **_finding_dict(f, layout.shown)} for source, f in checked],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8")


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _bag_info(
    layout: Layout,
    archive: Archive,
    case: CaseFolder,
    sop: Sop,
    state: Status,
    checked: list[Judged],
    case_rel: Path,
    found: Any,
    trail: bool,
    force: bool,
) -> dict[str, str]:
    kasus = case.kasus
    assert kasus is not None
    counts = {sev: sum(f.severity is sev for _, f in checked) for sev in Severity}
    period = f"{kasus.periode.mulai.isoformat()}/{kasus.periode.sampai.isoformat() if kasus.periode.sampai else '..'}"
    info = {
        "Source-Organization": _organization(layout, sop),
        "External-Identifier": kasus.id,
        "External-Description": _one_line(f"{kasus.judul} — SOP {sop.nomor} {sop.nama}"),
        "Internal-Sender-Identifier": case_rel.as_posix(),
        "Bag-Group-Identifier": sop.nomor,
        "Bag-Software-Agent": f"sop-kit {__version__} (bagit.py {bagit.VERSION})",
        "SOP-Nomor": sop.nomor,
        "SOP-Revisi": str(sop.revisi),
        "SOP-Nama": _one_line(sop.nama),
        "Kasus-Judul": _one_line(kasus.judul),
        "Kasus-Status": state.value,
        "Kasus-Periode": period,
        "Kecamatan": kasus.lokasi.kecamatan,
        "Desa": kasus.lokasi.desa,
        "Kode-Wilayah": kasus.lokasi.kode,
        "Berkas-Pembinaan": f"data/{DOSSIER_DIR}/{dossier_name(kasus.id)} (internal, memuat data pribadi)",
        "Temuan-Saat-Ekspor": (
            f"{counts[Severity.ERROR]} galat, {counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} catatan"
        ),
        TRAIL_FIELD: TRAIL_INCLUDED if found is not None else (TRAIL_OMITTED if not trail else TRAIL_UNAVAILABLE),
        "Sop-Kit-Version": __version__,
    }
    if force and (state is not Status.DONE or counts[Severity.ERROR]):
        info["Diekspor-Dengan-Force"] = "ya"
    return {k: _one_line(v) for k, v in info.items()}


def _organization(layout: Layout, sop: Sop) -> str:
    """The staff registry's ``instansi`` (the office's full name), else the SOP's unit."""
    from ..core.errors import SopKitError
    from ..records.yamlsafe import load_file

    try:
        data = load_file(layout.root / STAFF_FILE).data
    except SopKitError:
        data = None
    name = data.get("instansi") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else f"{sop.unit.instansi}, {sop.unit.pemerintah}"


# --- verify -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bag, or (in notes) worth knowing: a catalogue code, the path
    inside the bag it concerns, and the finding of sop-kit's check when it is one."""

    code: str
    file: str
    params: dict[str, Any] = field(default_factory=dict)
    finding: Finding | None = None

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if self.finding is not None:
            params["message"] = self.finding.message(lang)
        return text(self.code, lang, **params)


@dataclass
class BagReport:
    path: Path
    case: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    files: int = 0  # payload files listed in the manifest

    @property
    def valid(self) -> bool:
        return not self.problems


def verify_bag(path: Path | str) -> BagReport:
    """Validate the bag at ``path`` with bagit's own validator (completeness, fixity of every
    payload and tag file), then judge the bagged case again with sop-kit's rules against the
    bagged SOP and staff registry. Every problem is in the report; ``ConfigError`` only when
    ``path`` is not a bag at all."""
    bag_dir = Path(path)
    if not bag_dir.is_dir() or not (bag_dir / "bagit.txt").is_file():
        raise ConfigError("bag.not_a_bag", str(path), path=str(path))
    report = BagReport(bag_dir)
    # A link could make the validator read (and so vouch for) a file outside the bag, and
    # a FIFO would block it: such a bag is judged on that alone.
    for name, entry in sorted(scan(bag_dir).items()):
        if entry.kind == "link":
            report.problems.append(Problem("bag.symlink", name))
        elif entry.kind == "other":
            report.problems.append(Problem("bag.not_regular", name))
    if report.problems:
        return report
    try:
        bag = bagit.Bag(str(bag_dir))
    except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
        report.problems.append(Problem("bag.unreadable", "", {"error": str(exc)}))
        return report
    report.info = dict(bag.info)
    report.files = len(bag.payload_entries())
    report.problems += _library_validation(bag)
    if (bag_dir / "data").is_dir():
        _check_content(bag_dir, report)
    return report


def _library_validation(bag: Any) -> list[Problem]:
    try:
        bag.validate()
        return []
    except bagit.BagValidationError as exc:
        if exc.details:
            return _details(exc.details)
        first = Problem("bag.invalid", "", {"error": str(exc.message)})
    except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
        return [Problem("bag.invalid", "", {"error": str(exc)})]
    # Payload-Oxum counts files and bytes but names none: validate again without it, so the
    # library's own completeness and fixity checks name every missing, extra or changed file.
    bag.info.pop("Payload-Oxum", None)
    try:
        bag.validate()
    except bagit.BagValidationError as exc:
        return [first, *_details(exc.details)]
    except (bagit.BagError, OSError, UnicodeError, ValueError):
        pass
    return [first]


def _details(details: list[Any]) -> list[Problem]:
    changed: dict[str, list[str]] = {}
    out = []
    for d in details:
        where = str(d.path).replace(os.sep, "/")
        if isinstance(d, bagit.ChecksumMismatch):
            changed.setdefault(where, []).append(str(d.algorithm))
        elif isinstance(d, bagit.FileMissing):
            out.append(Problem("bag.missing", where))
        elif isinstance(d, bagit.UnexpectedFile):
            out.append(Problem("bag.unexpected", where))
        else:
            out.append(Problem("bag.invalid", where, {"error": str(d)}))
    out += [Problem("bag.changed", where, {"algorithms": ", ".join(algs)}) for where, algs in changed.items()]
    return sorted(out, key=lambda p: (p.file, p.code))


def _check_content(bag_dir: Path, report: BagReport) -> None:
    """The payload is a sop-kit case bag, and its case still passes sop-kit's check."""
    case_id = report.info.get("External-Identifier")
    report.case = case_id if isinstance(case_id, str) else None
    records = bag_dir / "data" / RECORDS
    if report.case is None:
        report.problems.append(Problem("bag.no_identifier", "bag-info.txt"))
    if not (records / SOP_DIR).is_dir() or not (records / STAFF_FILE).is_file():
        report.problems.append(Problem("bag.no_records", f"data/{RECORDS}"))
        return
    layout = locate(records)
    names = sorted(c.name for c in layout.case_dirs())
    if report.case is not None and names != [report.case]:
        report.problems.append(
            Problem("bag.case_mismatch", f"data/{RECORDS}/{CASES_DIR}", {"id": report.case, "found": ", ".join(names)})
        )
    if report.case is not None:
        dossier = f"data/{DOSSIER_DIR}/{dossier_name(report.case)}"
        if not _starts_with(bag_dir / dossier, b"%PDF-"):
            report.problems.append(Problem("bag.no_dossier", dossier))
        if str(report.info.get(TRAIL_FIELD, "")).startswith(TRAIL_INCLUDED):
            trail_file = f"data/{TRAIL_DIR}/jejak-{report.case}.json"
            if read_json(bag_dir / trail_file) is None or not (bag_dir / trail_file).with_suffix(".txt").is_file():
                report.problems.append(Problem("bag.no_trail", trail_file))
    known = _recorded(bag_dir, report)
    shown = str(records)
    result = check_archive(records, CheckOptions(use_cache=False, jobs=1, trail=False))
    for f in result.sorted():
        if f.severity is not Severity.ERROR:
            continue
        rel = _relative(shown, f.file)
        where = f"data/{RECORDS}/{rel}"
        if known is not None and (f.code, rel, f.line) in known:
            report.notes.append(Problem("bag.known_error", where, {"rule": f.code}, f))
        else:
            report.problems.append(Problem("bag.check_error", where, {"rule": f.code}, f))


def _recorded(bag_dir: Path, report: BagReport) -> set[tuple[str, str, int | None]] | None:
    """The errors the check found when the bag was made (a forced export), or None."""
    data = read_json(bag_dir / "data" / FINDINGS_FILE)
    try:
        assert isinstance(data, dict)
        return {
            (f["code"], f["file"], f["line"])
            for f in data["findings"]
            if f["source"] == "check" and f["severity"] == Severity.ERROR.value
        }
    except (AssertionError, KeyError, TypeError):
        report.problems.append(Problem("bag.no_findings", f"data/{FINDINGS_FILE}"))
        return None


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def format_bag_report(report: BagReport, lang: str = "id") -> str:
    out = [text("bag.header", lang, path=report.path, case=report.case or "?")]
    for p in report.problems:
        out.append(f"  {p.file}: {p.message(lang)}" if p.file else f"  {p.message(lang)}")
    for p in report.notes:
        out.append(f"  {p.file}: {p.message(lang)}")
    if report.valid:
        out.append(text("bag.valid", lang, files=report.files, algorithms=", ".join(CHECKSUMS)))
    else:
        out.append(text("bag.invalid_verdict", lang, problems=len(report.problems)))
    return "\n".join(out) + "\n"
