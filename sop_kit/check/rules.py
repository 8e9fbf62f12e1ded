"""The rules a case is checked against: identity, location, steps, documents, roles, time."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import NamedTuple

from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder, StepFile
from ..records.extensions import ending, fits
from ..records.facts import content_key
from ..records.filetypes import lfs_pointer, matches, sniff
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Kasus, Langkah, Sop
from ..records.rounds import Progress, Status, case_progress, not_yet_due
from ..records.wilayah import purwakarta
from ..records.worktime import working_minutes
from .files import content_findings, folder_findings, size_finding
from .photos import photo_findings
from .privacy import personal_content, personal_data
from .report import MissingDocument

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


class CaseJudgement(NamedTuple):
    """What the record rules conclude of one case folder."""

    findings: list[Finding]
    missing: list[MissingDocument]
    attached: dict[str, bool]  # the content of the documents accepted (records.facts.CaseFacts.attached)


def check_case(archive: Archive, case: CaseFolder) -> CaseJudgement:
    """Every finding of the record rules for a case folder read by :meth:`Archive.read_case`,
    and the mandated documents its completed steps lack (as data, not only as findings)."""
    out = [*case.findings, *folder_findings(archive, case)]
    missing: list[MissingDocument] = []
    attached: dict[str, bool] = {}
    if case.kasus is None:
        return CaseJudgement(out, missing, attached)
    out += _identity(archive, case)
    sop = archive.sop_of(case.kasus)
    if sop is None:
        return CaseJudgement(out, missing, attached)
    prog = case_progress(sop, case)
    referenced: set[str] = set()
    first_use: dict[str, _Use] = {}
    published: list[tuple[str, Callable[[], int], str]] = []
    # In the SOP's order, so that a file's first use is the one that counts.
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah, s.name)):
        out += _step(archive, case, sop, step, referenced, first_use, missing, attached, published)
    out += personal_data(case, archive, sop)
    out += personal_content(case, archive, published)
    if case.unreadable_steps:
        # Order, completeness and stray files cannot be judged while a step record is
        # unreadable; its own errors say what to fix first.
        return CaseJudgement(out, missing, attached)
    out += _rounds(case, sop, prog)
    out += _completion(archive, case, sop, prog)
    out += photo_findings(case, sop, prog)
    out += _unreferenced(archive, case, referenced)
    return CaseJudgement(out, missing, attached)


# The options of `sop-kit step` that fill in each field a completed step needs.
_HOW_TO_FILL = {
    "pelaksana": "--pelaksana ID",
    "mulai": '--mulai "…"',
    "selesai": '--selesai "…"',
    "keputusan": "--keputusan ya|tidak --alasan …",
}


def _f(
    sev: Severity, code: str, case: CaseFolder, file: str, line: int | Callable[[], int] | None, **params: object
) -> Finding:
    # A line may be given as a callable: finding it means re-reading the file, which only
    # the files that have a finding should pay for.
    return Finding(sev, code, file, line() if callable(line) else line, dict(params), case.id)


def _identity(archive: Archive, case: CaseFolder) -> Iterator[Finding]:
    kasus, loaded = case.kasus, case.kasus_loaded
    assert kasus is not None and loaded is not None
    file = loaded.file

    def at(*loc: str) -> int:
        return loaded.line_of(loc)

    if kasus.id != case.path.name:
        yield _f(E, "case.id_folder", case, file, at("id"), id=kasus.id, folder=case.path.name)
    if case.path.parent.name != kasus.id[:4]:
        yield _f(W, "case.year_folder", case, file, at("id"), year=kasus.id[:4], folder=case.path.parent.name)
    if kasus.id[:7] != f"{kasus.periode.mulai:%Y-%m}":
        yield _f(W, "case.id_period", case, file, at("id"), id=kasus.id, start=f"{kasus.periode.mulai:%Y-%m}")
    yield from _sop_ref(archive, case, kasus)
    yield from _location(case, kasus, file, at)
    if archive.unknown_staff(kasus.dibuat_oleh):
        yield _unknown_staff(archive, case, file, at("dibuat_oleh"), kasus.dibuat_oleh)


def _sop_ref(archive: Archive, case: CaseFolder, kasus: Kasus) -> Iterator[Finding]:
    """The SOP revision the case is judged by: the one it names, or without one the one in
    force on its start date (sop_kit.records.revisions)."""
    assert case.kasus_loaded is not None
    file, line = case.kasus_loaded.file, partial(case.kasus_loaded.line_of, ("sop",))
    nomor, revisi = kasus.sop.nomor, kasus.sop.revisi
    start = f"{kasus.periode.mulai:%Y-%m}"
    known = ", ".join(f"{n} rev. {r}" for n, r in sorted(archive.sops))
    if revisi is None:
        revisions = [s for (n, _), s in archive.sops.items() if n == nomor]
        if not revisions:
            yield _f(E, "revision.unknown_sop", case, file, line, nomor=nomor, known=known)
        elif archive.sop_for(nomor, start) is None:
            first = min(s.tanggal_efektif for s in revisions)
            yield _f(E, "revision.none_in_force", case, file, line, nomor=nomor, effective=first, start=start)
        return
    sop = archive.sops.get((nomor, revisi))
    if sop is None:
        yield _f(E, "case.unknown_sop", case, file, line, nomor=nomor, revisi=revisi, known=known)
        return
    if sop.tanggal_efektif > start:
        yield _f(
            W,
            "case.sop_not_effective",
            case,
            file,
            line,
            nomor=sop.nomor,
            revisi=sop.revisi,
            effective=sop.tanggal_efektif,
            start=start,
        )
    latest = archive.sop_for(nomor, start)
    if latest is not None and latest.revisi > sop.revisi:
        yield _f(
            W,
            "case.sop_superseded",
            case,
            file,
            line,
            nomor=sop.nomor,
            revisi=sop.revisi,
            newer=latest.revisi,
            effective=latest.tanggal_efektif,
        )


def _location(case: CaseFolder, kasus: Kasus, file: str, at: Callable[..., int]) -> Iterator[Finding]:
    reg = purwakarta()
    loc = kasus.lokasi
    kec = reg.find_kecamatan(loc.kecamatan)
    if kec is None:
        yield _f(
            E,
            "location.kecamatan",
            case,
            file,
            at("lokasi", "kecamatan"),
            name=loc.kecamatan,
            suggestion=", ".join(reg.suggest_kecamatan(loc.kecamatan)) or "-",
        )
        return
    desa = reg.find_desa(kec, loc.desa)
    if desa is None:
        elsewhere = ", ".join(k.nama for k in reg.kecamatan_of_desa(loc.desa))
        if elsewhere:
            yield _f(
                E,
                "location.desa_elsewhere",
                case,
                file,
                at("lokasi", "desa"),
                name=loc.desa,
                kecamatan=kec.nama,
                elsewhere=elsewhere,
            )
        else:
            yield _f(
                E,
                "location.desa",
                case,
                file,
                at("lokasi", "desa"),
                name=loc.desa,
                kecamatan=kec.nama,
                suggestion=", ".join(reg.suggest_desa(kec, loc.desa)) or "-",
            )
        return
    if loc.kode != desa.kode:
        yield _f(
            E, "location.code", case, file, at("lokasi", "kode"), kode=loc.kode, desa=desa.nama, expected=desa.kode
        )
    if loc.desa != desa.nama or loc.kecamatan != kec.nama:
        yield _f(
            N,
            "location.spelling",
            case,
            file,
            at("lokasi", "desa"),
            name=f"{loc.desa}, {loc.kecamatan}",
            official=f"{desa.nama}, {kec.nama}",
        )


def _unknown_staff(archive: Archive, case: CaseFolder, file: str, line: int, who: str) -> Finding:
    close = difflib.get_close_matches(who, list(archive.staff), n=1)
    return _f(E, "staff.unknown", case, file, line, id=who, suggestion=close[0] if close else "-")


class _Use(NamedTuple):
    """Where a file's content was first recorded as a document of the case."""

    step: int
    round: int
    path: str
    kind: str  # the document kind's id
    name: str  # and its name


def _step(
    archive: Archive,
    case: CaseFolder,
    sop: Sop,
    step: StepFile,
    referenced: set[str],
    first_use: dict[str, _Use],
    missing: list[MissingDocument],
    attached: dict[str, bool],
    published: list[tuple[str, Callable[[], int], str]],
) -> Iterator[Finding]:
    """One step record's findings. Its public PDFs found sound (inside the case, of their
    type) are added to ``published`` (record file, line, name): their text is read once the
    case's steps are all judged (:func:`personal_content`)."""
    counted: dict[str, int] = {}  # the content of this record's documents -> the first entry listing it
    rec, loaded = step.record, step.loaded
    file = loaded.file

    def at(*loc: str | int) -> int:
        return loaded.line_of(loc)

    if rec.langkah > len(sop.langkah):
        yield _f(E, "step.unknown", case, file, at("langkah"), no=rec.langkah, count=len(sop.langkah))
        return
    spec = sop.step(rec.langkah)
    if not step.name.startswith(f"{rec.langkah:02d}-"):
        yield _f(
            W,
            "step.filename",
            case,
            file,
            at("langkah"),
            no=rec.langkah,
            name=step.name,
            prefix=f"{rec.langkah:02d}-",
        )
    if spec.keputusan is None and rec.keputusan is not None:
        yield _f(E, "step.decision_not_allowed", case, file, at("keputusan"), no=rec.langkah)
    done = rec.status == "selesai"
    if done:
        absent = [k for k in ("pelaksana", "mulai", "selesai") if getattr(rec, k) is None]
        if spec.keputusan is not None and rec.keputusan is None:
            absent.append("keputusan")
        if absent:
            round_option = [f"--putaran {rec.putaran}"] if rec.putaran > 1 else []
            how = " ".join([*round_option, *(_HOW_TO_FILL[k] for k in absent)])
            yield _f(E, "step.done_incomplete", case, file, at("status"), no=rec.langkah, fields=", ".join(absent),
                     id=case.id, how=how)  # fmt: skip
    elif rec.keputusan is not None:
        yield _f(W, "step.decision_not_done", case, file, at("keputusan"), no=rec.langkah)
    if rec.pelaksana is not None:
        person = archive.staff.get(rec.pelaksana)
        if archive.unknown_staff(rec.pelaksana):
            yield _unknown_staff(archive, case, file, at("pelaksana"), rec.pelaksana)
        elif person is not None and (when := rec.selesai or rec.mulai) is not None:
            held = person.roles_on(when.date())
            if not held & set(spec.pelaksana):
                yield _f(
                    E,
                    "step.wrong_role",
                    case,
                    file,
                    at("pelaksana"),
                    no=rec.langkah,
                    who=person.nama,
                    date=f"{when:%Y-%m-%d}",
                    held=", ".join(sorted(held)) or "-",
                    required=", ".join(sop.role(r).nama for r in spec.pelaksana),
                )
    worked = working_minutes(archive.config.hours, rec)
    if worked is not None and worked > spec.waktu_menit:
        code = "time.flexible_over" if spec.waktu_fleksibel else "time.over"
        if rec.alasan_waktu and not spec.waktu_fleksibel:
            code = "time.over_explained"  # still shown to auditors, but a justified overrun need not fail --strict
        yield _f(
            N if spec.waktu_fleksibel or rec.alasan_waktu else W,
            code,
            case,
            file,
            at("selesai"),
            no=rec.langkah,
            minutes=worked,
            standard=spec.waktu_menit,
        )
    assert case.kasus is not None
    period = case.kasus.periode
    for key in ("mulai", "selesai"):
        moment = getattr(rec, key)
        if moment is not None and (moment.date() < period.mulai or (period.sampai and moment.date() > period.sampai)):
            yield _f(
                W,
                "step.outside_period",
                case,
                file,
                at(key),
                no=rec.langkah,
                date=f"{moment:%Y-%m-%d}",
                start=str(period.mulai),
                end=str(period.sampai or "-"),
            )
    kinds = {k.id for k in sop.jenis_dokumen}
    valid: dict[str, int] = {}
    for i, doc in enumerate(rec.dokumen):
        line = partial(at, "dokumen", i)
        if doc.jenis not in kinds:
            close = difflib.get_close_matches(doc.jenis, sorted(kinds), n=1)
            yield _f(
                E,
                "doc.unknown_kind",
                case,
                file,
                line,
                kind=doc.jenis,
                suggestion=close[0] if close else "-",
                kinds=", ".join(sorted(kinds)),
            )
            continue
        if doc.pribadi is False and sop.kind(doc.jenis).pribadi:
            yield _f(E, "doc.personal_kind", case, file, at("dokumen", i, "pribadi"), kind=sop.kind(doc.jenis).nama)
        digests: list[str] = []
        problems = list(
            _document(
                case,
                file,
                partial(at, "dokumen", i, "berkas"),
                doc.berkas,
                doc.sha256,
                sop.kind(doc.jenis).format,
                referenced,
                archive.config.max_file_bytes,
                digests,
            )
        )
        yield from problems
        if any(p.severity is E for p in problems):
            continue
        if digests and not sop.is_personal(doc.jenis, doc.pribadi) and "pdf" in sop.kind(doc.jenis).format:
            name = "/".join(p for p in doc.berkas.split("/") if p not in ("", "."))
            published.append((file, partial(at, "dokumen", i, "berkas"), name))
        # One file is one document. The same kind may pass from step to step (Kelengkapan are a
        # step's inputs: step 1's data is what step 2 verifies), but one file cannot be two kinds
        # (the verification's berita acara recorded again as the SK), nor count twice in a step
        # (one photo listed three times for three).
        doc_kind = sop.kind(doc.jenis)
        use = _Use(rec.langkah, rec.putaran, doc.berkas, doc_kind.id, doc_kind.nama)
        first = first_use.setdefault(digests[0], use) if digests else use
        earlier = counted.setdefault(digests[0], i) if digests else i
        twice = earlier != i
        if twice or first.kind != use.kind:
            yield _f(
                E,
                "doc.listed_twice" if twice else "doc.reused",
                case,
                file,
                at("dokumen", i, "berkas"),
                path=doc.berkas,
                kind=use.name,
                no=rec.langkah,
                other=rec.dokumen[earlier].berkas if twice else first.path,
                other_kind=first.name,
                other_no=first.step,
                other_round=first.round,
                case_id=case.path.name,
            )
            continue
        if digests:
            attached[content_key(digests[0])] = doc_kind.id in sop.foto_wajib or doc_kind.pribadi
        valid[doc.jenis] = valid.get(doc.jenis, 0) + 1
    if done:
        for kind in spec.dokumen_wajib:
            if valid.get(kind, 0) < spec.minimal_berkas:
                name = sop.kind(kind).nama
                missing.append(
                    MissingDocument(rec.langkah, rec.putaran, kind, name, spec.minimal_berkas, valid.get(kind, 0))
                )
                yield _f(
                    E,
                    "doc.missing",
                    case,
                    file,
                    at("dokumen") if rec.dokumen else at("status"),
                    no=rec.langkah,
                    kind=sop.kind(kind).nama,
                    count=spec.minimal_berkas,
                    found=valid.get(kind, 0),
                )


def _document(
    case: CaseFolder,
    file: str,
    line: Callable[[], int],
    rel: str,
    sha: str | None,
    formats: Sequence[str],
    referenced: set[str],
    limit: int,
    digests: list[str],
) -> Iterator[Finding]:
    """One attached file: inside the case folder, a regular non-empty file of the right type,
    within the size limit, with no active content (:mod:`.files`). Its SHA-256, once read,
    is appended to ``digests``.

    Judged from the folder's listing, which never follows links: a path through a
    symbolic link is refused before anything is opened."""
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    # A drive (C:) or a scheme (file:, http:) points outside; any other ':' is a name Windows
    # refuses, which the folder's own check names.
    if rel.startswith(("/", "~")) or "\\" in rel or _FOREIGN.match(rel) or ".." in parts or not parts:
        yield _f(E, "file.outside", case, file, line, path=rel)
        return
    for depth in range(1, len(parts) + 1):
        entry = case.files.get("/".join(parts[:depth]))
        if entry is not None and entry.kind == "link":
            yield _f(E, "file.symlink", case, file, line, path=rel)
            return
    name = "/".join(parts)
    entry = case.files.get(name)
    if entry is None:
        yield _f(E, "file.missing", case, file, line, path=rel)
        return
    if entry.kind != "file":
        yield _f(E, "file.not_regular", case, file, line, path=rel)
        return
    referenced.add(name)
    if entry.size == 0:
        yield _f(E, "file.empty", case, file, line, path=rel)
        return
    too_large = size_finding(entry.size, limit)
    if too_large is not None:
        yield _f(E, "file.too_large", case, file, line, path=rel, **too_large)
        return
    full = f"{case.path}/{name}"
    head, digest = _read(full, entry.size)
    digests.append(digest)
    if lfs_pointer(head) is not None:  # kept in Git LFS where it was committed; Git LFS not installed here
        yield _f(E, "file.lfs_pointer", case, file, line, path=rel)
        return
    found = sniff(head, full)
    if not matches(found, formats):
        code = "file.wrong_type" if found is not None else "file.unknown_type"
        yield _f(E, code, case, file, line, path=rel, found=found or "-", expected=", ".join(formats))
        return
    if not fits(found, name):
        yield _f(E, "file.wrong_ending", case, file, line, path=rel, found=found, ending=ending(name) or "-")
    for code, params in content_findings(full, found):
        yield _f(E, code, case, file, line, path=rel, **params)
    if sha is None:
        yield _f(W, "file.no_hash", case, file, line, path=rel, sha=digest)
    elif sha != digest:
        yield _f(E, "file.hash_mismatch", case, file, line, path=rel)


def _read(path: str, size: int) -> tuple[bytes, str]:
    """The first block (to sniff the type) and the SHA-256 of the whole file, in one pass."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb", buffering=0) as fh:
        if size <= _WHOLE:
            data = fh.read()  # one exact-size read; a scan is usually far below the limit
            return data[:4096], hashlib.sha256(data).hexdigest()
        head = fh.read(4096)
        fh.seek(0)
        return head, hashlib.file_digest(fh, "sha256").hexdigest()


_WHOLE = 8 << 20
_FOREIGN = re.compile(r"[A-Za-z]:[/\\]|(?:file|https?|ftp|smb|data|javascript|mailto):", re.IGNORECASE)


def _rounds(case: CaseFolder, sop: Sop, prog: Progress) -> Iterator[Finding]:
    """Order along the SOP's path (records.rounds): prerequisites first, a 'ya' before the
    steps after a decision, a new round only after a 'tidak' (with its reason)."""
    for dup in prog.duplicates:
        first = prog.rounds[dup.record.putaran][dup.record.langkah]
        yield _f(
            E,
            "step.duplicate",
            case,
            dup.loaded.file,
            dup.loaded.line_of(("langkah",)),
            no=dup.record.langkah,
            round=dup.record.putaran,
            other=first.loaded.file,
        )
    current = prog.current_round
    reported_rounds: set[int] = set()
    for round_no in sorted(prog.rounds):
        for no, step in sorted(prog.rounds[round_no].items()):
            rec, file = step.record, step.loaded.file
            if not prog.on_path(step):
                if round_no > current:
                    if round_no not in reported_rounds:
                        reported_rounds.add(round_no)
                        at = step.loaded.line_of(("putaran",))
                        yield _f(E, "round.unexpected", case, file, at, round=round_no, previous=round_no - 1)
                elif (sent_back := _sent_back(sop, prog, no, round_no)) is not None:
                    roles = " / ".join(sop.role(r).nama for r in sent_back.pelaksana)
                    at = step.loaded.line_of(("status",))
                    yield _f(E, "step.needs_decision", case, file, at, no=no, decision=sent_back.no, roles=roles)
                else:
                    at = step.loaded.line_of(("putaran",))
                    yield _f(E, "round.step_in_old_round", case, file, at, no=no, round=round_no, final=current)
                continue
            spec = sop.step(no)
            if spec.keputusan is not None and rec.keputusan == "tidak" and not rec.alasan:
                yield _f(E, "step.no_reason", case, file, step.loaded.line_of(("keputusan",)), no=no)
            if rec.status == "belum":
                continue
            line = partial(step.loaded.line_of, ("status",))
            for code, params in not_yet_due(prog, no, round_no):
                yield _f(E, code, case, file, line, **params)
            for pre in sop.prerequisites(no):  # done, but after this step began
                pre_step = prog.latest(pre, round_no)
                ended = pre_step.record.selesai if pre_step and pre_step.record.status == "selesai" else None
                if ended and rec.mulai and rec.mulai < ended:
                    yield _f(
                        W,
                        "step.started_early",
                        case,
                        file,
                        step.loaded.line_of(("mulai",)),
                        no=no,
                        pre=pre,
                        at=f"{ended:%Y-%m-%d %H:%M}",
                    )


def _sent_back(sop: Sop, prog: Progress, no: int, round_no: int) -> Langkah | None:
    """The decision before step ``no`` that answered 'tidak' in round ``round_no`` (so the
    step was done although the case had been sent back), if any."""
    for decision in sop.decision_steps:
        assert decision.keputusan is not None
        loops = decision.keputusan.tidak <= decision.no
        if loops and decision.no < no and prog.decision_for(decision.no, round_no) == "tidak":
            return decision
    return None


def _completion(archive: Archive, case: CaseFolder, sop: Sop, prog: Progress) -> Iterator[Finding]:
    """A closed case must hold files and photos ('Harus ada Berkas dan Dokumen/Foto'); a case
    withdrawn or closed early must say why, be stopped by whoever decides in the SOP, and
    nothing is done in it afterwards."""
    assert case.kasus is not None and case.kasus_loaded is not None
    stop, loaded = case.kasus.dihentikan, case.kasus_loaded
    if stop is not None:
        if not stop.alasan:
            yield _f(E, "case.stop_no_reason", case, loaded.file, loaded.line_of(("dihentikan",)), status=stop.status)
        person = archive.staff.get(stop.oleh)
        if archive.unknown_staff(stop.oleh):
            yield _unknown_staff(archive, case, loaded.file, loaded.line_of(("dihentikan", "oleh")), stop.oleh)
        elif person is not None and not sop.decides(person.roles_on(stop.tanggal)):
            # Stopping a case is deciding it goes no further: the SOP's decision is its deciders'.
            yield _f(
                E,
                "case.stop_wrong_role",
                case,
                loaded.file,
                loaded.line_of(("dihentikan", "oleh")),
                who=person.nama,
                date=str(stop.tanggal),
                status=stop.status,
                required=sop.deciders_named,
            )
        for step in [s for r in prog.rounds.values() for s in r.values()]:
            moment = step.record.mulai
            if moment is not None and moment.date() > stop.tanggal:
                at = step.loaded.line_of(("mulai",))
                yield _f(
                    W, "case.step_after_stop", case, step.loaded.file, at, no=step.record.langkah,
                    date=f"{moment:%Y-%m-%d}", stopped=str(stop.tanggal), status=stop.status,
                )  # fmt: skip
        return
    if prog.status is not Status.DONE or not sop.foto_wajib:
        return
    docs = [d for r in prog.rounds.values() for s in r.values() for d in s.record.dokumen]
    photos = [d for d in docs if d.jenis in sop.foto_wajib]
    if not photos or len(docs) == len(photos):
        yield _f(
            E, "case.closed_without_files", case, loaded.file, 1, files=len(docs) - len(photos), photos=len(photos)
        )


def _unreferenced(archive: Archive, case: CaseFolder, referenced: set[str]) -> Iterator[Finding]:
    """Files in the folder that no record names (an auditor would ask what they are), and
    symbolic links anywhere in it."""
    for name, entry in sorted(case.files.items()):
        if name.startswith(STEPS_DIR + "/"):
            continue  # read_case has judged the step folder
        if entry.kind == "link":
            yield _f(E, "file.symlink", case, archive.show(case.path / name), None, path=name)
        elif entry.kind == "file" and name not in referenced and not _is_identity_or_hidden(name):
            yield _f(N, "file.unreferenced", case, archive.show(case.path / name), None, path=name)


def _is_identity_or_hidden(name: str) -> bool:
    return name == CASE_FILE or name.rsplit("/", 1)[-1].startswith(".")
