"""``sop-kit export CASE --bagit``: one judged case as a BagIt bag (RFC 8493) for transfer
to the regional archive; what the bag holds is in :mod:`sop_kit.bag.contents`, so that
:func:`sop_kit.bag.verify.verify_bag` can judge the bagged case again with sop-kit's own
rules, against the same SOP and registry, and tell new errors from those known when it was sent.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import bagit

from .._version import __version__
from ..check.audit import Audit
from ..check.report import Verdict
from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder
from ..records.config import CONFIG_FILE
from ..records.fieldtypes import office_today
from ..records.layout import CASES_DIR, SOP_DIR, STAFF_FILE, public_site_holding
from ..records.models import Sop
from ..records.office import read_emblem
from ..records.rounds import Status, case_progress
from ..records.scan import Listing, scan
from ..records.sshkey import fingerprint, signer_of
from ..reports.retensi import retention_info
from ..trail.gitlog import BlobReader
from ..trail.model import Trail
from .contents import (
    CHECKSUMS,
    DOSSIER_DIR,
    FINDINGS_FILE,
    PROOF_DIR,
    PROOF_FIELD,
    RECORDS,
    TRAIL_DIR,
    TRAIL_FIELD,
    TRAIL_INCLUDED,
    TRAIL_OMITTED,
    TRAIL_UNAVAILABLE,
    dossier_name,
    relative,
)
from .proof import write_proof
from .signature import SIGNER_FIELD, public_key, sign

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"  # RFC 8493; bagit.py writes 0.97
O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True)
class BagOptions:
    out: Path | None = None  # the bag folder, new or empty (default: <id>.bag here)
    bagging_date: date | None = None  # default: today
    contact_name: str | None = None
    contact_email: str | None = None
    organization_address: str | None = None
    force: bool = False  # export a case that is unfinished or has errors (recorded in the bag)
    sign_key: Path | None = None  # an SSH key of the registry that signs the bag (bag/signature.py)


# --- export -------------------------------------------------------------------------------


def export_bag(audit: Audit, case: str, options: BagOptions | None = None) -> Path:
    """Write the case ``case`` (an id or a folder) of a judged archive as a BagIt bag at
    ``options.out`` (default ``<id>.bag`` in the current folder) and return its path. The
    bag records the case's verdict from ``audit``, and its trail when the audit read one.

    Refuses (:class:`ConfigError`, nothing written) a case folder holding a symbolic link, a
    special file or an unsafe file name, an output folder that exists and is not empty, and,
    unless ``options.force``, a case that is not finished or has errors. The bag is built in a
    temporary sibling folder and renamed into place only when complete and valid.
    """
    options = options or BagOptions()
    archive, found = audit.archive, audit.trail
    folder = _case_folder(archive, case)
    listing = scan(folder)
    _refuse_hostile(archive, folder, listing)
    current = archive.read_case(folder, listing)
    kasus = current.kasus
    if kasus is None:
        raise ConfigError("export.no_identity", archive.show(folder), id=folder.name)
    sop = archive.sop_of(kasus)
    if sop is None:
        raise ConfigError("export.no_sop", archive.show(folder), id=kasus.id, nomor=kasus.sop.nomor)
    verdict = audit.verdict(folder)
    if verdict is None:
        raise ConfigError("case.not_found", case, id=case)
    globals_ = _global_files(archive)
    target = _target(archive, options.out, kasus.id)
    bagging_date = options.bagging_date or office_today()
    signer = _signer(archive, options.sign_key, bagging_date) if options.sign_key else None
    checked = _findings(audit, verdict, globals_)
    state = case_progress(sop, current).status
    if not options.force:
        if state is not Status.DONE and not state.stopped:  # a withdrawn case is archived with its reason
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
        copies = [(archive.root / rel, data / RECORDS / rel) for rel in globals_]
        case_rel = folder.relative_to(archive.root)
        copies += [(folder / n, data / RECORDS / case_rel / n) for n, e in sorted(listing.items()) if e.kind == "file"]
        for src, dst in copies:
            _copy(src, dst, archive.show(src))
        if found is not None:
            _as_committed(found, copies)
        _as_in_force(archive, copies[: len(globals_)])
        _copy_settings(archive, data)
        _render_dossier(archive, current, verdict, found, data / DOSSIER_DIR / dossier_name(kasus.id))
        proofs = 0
        if found is not None:
            _write_trail(found, archive.shown, kasus.id, data / TRAIL_DIR)
            proofs = write_proof(found, kasus.id, data / TRAIL_DIR / PROOF_DIR)
        _write_findings(data / FINDINGS_FILE, archive.shown, kasus.id, checked)
        trail_field = (
            TRAIL_INCLUDED if found is not None else (TRAIL_OMITTED if not audit.options.trail else TRAIL_UNAVAILABLE)
        )
        info = _bag_info(archive, current, sop, state, checked, case_rel, trail_field, options.force)
        info["Bagging-Date"] = bagging_date.isoformat()
        info |= retention_info(archive, kasus, sop, current, folder, bagging_date)
        if proofs:
            info[PROOF_FIELD] = f"{proofs} commit (data/{TRAIL_DIR}/{PROOF_DIR})"
        if signer:
            info[SIGNER_FIELD] = signer
        for key, value in (
            ("Contact-Name", options.contact_name),
            ("Contact-Email", options.contact_email),
            ("Organization-Address", options.organization_address),
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
        if options.sign_key:
            sign(work, options.sign_key)
        if target.exists():
            target.rmdir()  # checked empty above; rename cannot replace a folder
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _signer(archive: Archive, key: Path, day: date) -> str:
    """Who signs with ``key``, as bag-info names them: a person of the registry holding a
    role on the bagging ``day``."""
    line = public_key(key)
    person = signer_of(archive.staff, line)
    if person is None or not person.roles_on(day):
        raise ConfigError("export.sign_unknown_key", str(key), fingerprint=fingerprint(line) or "?", day=day)
    return f"{person.nama} ({person.id}), {fingerprint(line)}"


def _case_folder(archive: Archive, case: str) -> Path:
    folder = archive.find_case(case)
    cases = archive.root / CASES_DIR
    # find_case resolves a path it is given; a case reached through a link, or a folder
    # elsewhere that merely holds a kasus.yaml, is not this archive's case.
    if cases.is_symlink() or not folder.resolve().is_relative_to(cases):
        raise ConfigError("export.outside_archive", str(case), path=str(case), root=archive.shown)
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
        if entry.kind in ("other", "name"):  # a special file, or a name that is not UTF-8
            raise ConfigError("export.not_regular", shown, path=name)


def _global_files(archive: Archive) -> list[str]:
    """The archive-wide files the case is judged against, relative to the archive root:
    every revision of its SOP (the check compares revisions), the office's other SOPs (the
    staff registry names their roles, which the bag's check would otherwise call unknown)
    and the staff registry."""
    names = [f"{SOP_DIR}/{shown.rsplit('/', 1)[-1]}" for shown in archive.sop_files.values()]
    names.append(STAFF_FILE)
    for rel in names:
        path = archive.root / rel
        mode = os.lstat(path).st_mode if os.path.lexists(path) else 0
        if stat.S_ISLNK(mode):
            raise ConfigError("export.symlink", archive.show(path), path=rel)
        if not stat.S_ISREG(mode):
            raise ConfigError("export.not_regular", archive.show(path), path=rel)
    return sorted(names)


def _target(archive: Archive, out: Path | str | None, case_id: str) -> Path:
    target = Path(out) if out is not None else Path.cwd() / f"{case_id}.bag"
    shown = str(out) if out is not None else f"{case_id}.bag"
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ConfigError("export.out_not_folder", shown, path=shown)
    if target.exists() and any(target.iterdir()):
        raise ConfigError("export.out_exists", shown, path=shown)
    if not target.parent.is_dir():
        raise ConfigError("export.out_no_parent", shown, path=str(target.parent))
    target = target.parent.resolve() / target.name
    if target.is_relative_to(archive.root):
        raise ConfigError("export.out_in_archive", shown, path=shown, root=archive.shown)
    if (site := public_site_holding(target.parent)) is not None:  # a bag holds the families' data
        raise ConfigError("site.personal_in_public", shown, path=shown, site=str(site))
    return target


Judged = tuple[str, Finding]  # ("check" | "trail", finding)


def _findings(audit: Audit, verdict: Verdict, globals_: list[str]) -> list[Judged]:
    """What the check says of the case: its verdict, and the findings of the SOP and registry
    files it was judged against and of the whole trail. Each is labelled by where it comes
    from: a bag's own check (verify-bag) has the records, not the history."""
    archive = audit.archive
    shown_globals = {archive.show(archive.root / rel) for rel in globals_}
    general = [
        f
        for f in audit.report.archive_findings
        if (f.file in shown_globals or f.code.startswith("trail.")) and f.case in (None, verdict.case)
    ]  # not another case's (one deleted from the archive)
    return [(_source(f), f) for f in [*verdict.findings, *general]]


def _source(f: Finding) -> str:
    return "trail" if f.code.startswith("trail.") else "check"


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


def _as_committed(trail: Trail, copies: list[tuple[Path, Path]]) -> None:
    """Each copied file that git holds unchanged, as git stores it. A checkout that converts
    line endings (Git for Windows' core.autocrlf, in an archive without ``-text``) has CRLF
    where the signed commit has LF: the bag's proof compares bytes, and would find every
    approved record changed. A file changed since its commit is bagged as it is."""
    with BlobReader(trail.top) as blobs:
        for src, dst in copies:
            rel = os.path.relpath(src, trail.top).replace(os.sep, "/")
            if rel in trail.uncommitted:  # as the trail's load read the working tree
                continue
            stored = blobs.read(f"HEAD:{rel}")
            # Only line endings: what another filter stores (a Git LFS pointer) is not the file.
            if stored is not None and stored != (held := dst.read_bytes()) and stored == held.replace(b"\r\n", b"\n"):
                st = dst.stat()
                dst.write_bytes(stored)
                os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))


def _as_in_force(archive: Archive, copies: list[tuple[Path, Path]]) -> None:
    """The registry and SOP files the case was judged against, as history authorised them: a
    registry changed without its admin's signature (a clerk giving himself the Kasi's role)
    does not count in the office's check, and must not in the bag's, which read the working
    copy and called the clerk's approval of the Kasi's step valid."""
    held = _in_force(archive)
    for src, dst in copies:
        data = held.get(src.resolve())
        if data is not None and data != dst.read_bytes():
            dst.write_bytes(data)


def _in_force(archive: Archive) -> dict[Path, bytes]:
    """The governed files' versions in force (none when the working tree judges), by resolved path."""
    return {path.resolve(): data for path, data in (archive.in_force or {}).items()}


def _copy_settings(archive: Archive, data: Path) -> None:
    """Into ``data`` (beside the bag's records/, where its check reads them), the settings the
    case was judged against, as in force: sop-kit.yaml (the office's working hours, its policy,
    its profile, whose own phone is no family's) and the emblem the profile pins. Without them
    the bag's check judged with defaults, and found errors the office's check did not."""
    top = archive.root.parent
    config = top / CONFIG_FILE
    if archive.in_force is not None:  # history decides: the authorised version, or none
        blob = _in_force(archive).get(config.resolve())
        if blob is None:
            return
        (data / CONFIG_FILE).write_bytes(blob)
    elif os.path.lexists(config):
        _copy(config, data / CONFIG_FILE, CONFIG_FILE)  # never through a link
    else:
        return
    lambang = archive.config.kantor.lambang if archive.config.kantor else None
    emblem = read_emblem(top, lambang)[0] if lambang is not None else None
    if lambang is not None and emblem is not None:
        (data / lambang.berkas).parent.mkdir(parents=True, exist_ok=True)
        (data / lambang.berkas).write_bytes(emblem)


def _render_dossier(archive: Archive, case: CaseFolder, verdict: Verdict, found: Trail | None, target: Path) -> None:
    """The internal dossier, the same document ``sop-kit pdf --internal`` makes, rendered
    with the archive's template overrides; only this one document is rendered."""
    from ..pdf.documents import case_jobs
    from ..pdf.render import render
    from ..pdf.templating import environment

    scratch = target.parent / ".unused"  # case_jobs wants folders; nothing is written there
    internal = scratch / "internal"
    jobs = case_jobs(archive, case, verdict, found, scratch / "public", internal)
    job = next(j for j in jobs if j.template == "dossier.html" and j.target.is_relative_to(internal))
    target.parent.mkdir(parents=True, exist_ok=True)
    outcome = render(replace(job, target=target), environment(archive.templates))
    if outcome.error or outcome.refused:
        error = outcome.error or ", ".join(outcome.refused)
        raise ConfigError("export.pdf_failed", archive.show(case.path), id=case.path.name, error=error)


def _write_trail(found: Trail, shown_root: str, case_id: str, folder: Path) -> None:
    from ..trail.text import format_case_trail

    folder.mkdir(parents=True, exist_ok=True)
    ct = found.cases.get(case_id)
    events = ct.events if ct else []
    data = {
        "format": "sop-kit/jejak/1",
        "case": case_id,
        "folder": ct.folder if ct else None,
        "commits": len({e.commit for e in events}),
        "events": [e.to_json() for e in events],
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


def _finding_dict(f: Finding, shown_root: str) -> dict[str, object]:
    # Files relative to the archive root: the exporting machine's folders are not the archive's.
    return {**{k: v for k, v in f.to_dict("id").items() if k != "hint"}, "file": relative(shown_root, f.file)}


def _write_findings(path: Path, shown_root: str, case_id: str, checked: list[Judged]) -> None:
    data = {
        "format": "sop-kit/temuan-ekspor/1",
        "case": case_id,
        "sop_kit": __version__,
        "findings": [{"source": source, **_finding_dict(f, shown_root)} for source, f in checked],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8")


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _bag_info(
    archive: Archive,
    case: CaseFolder,
    sop: Sop,
    state: Status,
    checked: list[Judged],
    case_rel: Path,
    trail_field: str,
    force: bool,
) -> dict[str, str]:
    kasus = case.kasus
    assert kasus is not None
    counts = {sev: sum(f.severity is sev for _, f in checked) for sev in Severity}
    period = f"{kasus.periode.mulai.isoformat()}/{kasus.periode.sampai.isoformat() if kasus.periode.sampai else '..'}"
    info = {
        **_organization(archive, sop),
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
        TRAIL_FIELD: trail_field,
        "Sop-Kit-Version": __version__,
    }
    if force and (state is not Status.DONE or counts[Severity.ERROR]):
        info["Diekspor-Dengan-Force"] = "ya"
    return {k: _one_line(v) for k, v in info.items()}


def _organization(archive: Archive, sop: Sop) -> dict[str, str]:
    """The office and its address as every document's letterhead names them (the profile in
    force, else the SOP's unit: then no address, never a made-up one)."""
    from ..pdf.documents import archive_kop

    kop = archive_kop(archive, sop)
    named = {"Source-Organization": f"{kop.dinas}, {kop.pemerintah}"}
    return named | ({"Organization-Address": kop.alamat} if kop.alamat else {})
