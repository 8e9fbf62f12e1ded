"""What the site shows of each case, gathered once from the records, the verdict and the trail.

The page text of a public build is made only from the public case view (the same redacted
view as the public PDFs, :meth:`CaseDocument.public`), so personal data is absent from what
the templates receive, not merely left unprinted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.report import Verdict
from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder
from ..records.filetypes import sniff
from ..records.ids import published_stem
from ..records.layout import STEPS_DIR
from ..records.models import Sop
from ..trail.model import Trail
from ..views.case import CaseDocument, RoundView, case_document

# A finding with one of these codes means a mandated document (or photo) is missing or unusable.
DOCUMENT_CODES = frozenset(
    {
        "doc.missing",
        "doc.unknown_kind",
        "doc.reused",
        "doc.other_case",
        "doc.listed_twice",
        "file.outside",
        "file.symlink",
        "file.missing",
        "file.not_regular",
        "file.empty",
        "file.wrong_type",
        "file.no_hash",
        "file.hash_mismatch",
        "file.too_large",
        "file.too_many_pixels",
        "file.image_unreadable",
        "file.pdf_unreadable",
        "file.pdf_active",
        "case.closed_without_files",
    }
)
DECISION_CODES = frozenset({"step.wrong_role", "trail.wrong_role", "step.decision_not_allowed"})
PUBLISHED_FORMATS = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png"}  # others are listed, not published
# A file with a finding of one of these is refused by the check for its name or content.
REFUSED_CODES = frozenset(
    {
        "doc.private_elsewhere",
        "file.pdf_active",
        "file.pdf_unreadable",
        "file.too_large",
        "file.too_many_pixels",
        "file.image_unreadable",
        "file.name_char",
        "file.name_trailing",
        "file.name_reserved",
        "file.name_clash",
    }
)


@dataclass
class PublishedFile:
    """A file a step names, and whether (and where) the site publishes it."""

    source: str  # path inside the case folder
    kind: str
    title: str
    step: int
    round: int
    sha256: str | None
    personal: bool
    format: str | None  # sniffed; None when missing or unknown
    published: str | None = None  # file name under the case page's berkas/ folder
    photo: bool = False
    caption: str = ""
    refused: bool = False  # by the check, for its name or content: never published


@dataclass
class CaseView:
    id: str
    year: str
    folder: Path
    sop: tuple[str, int]
    sop_name: str
    title: str
    kecamatan: str
    desa: str
    kode: str
    start: str
    end: str | None
    status: str
    document: CaseDocument  # what the case page is rendered from (public unless internal)
    findings: list[Finding]
    attachments: list[PublishedFile] = field(default_factory=list)
    sk_numbers: list[str] = field(default_factory=list)
    missing: list[tuple[int, str]] = field(default_factory=list)  # (step, kind name) of the verdict's missing documents
    later_rounds: dict[str, int] = field(default_factory=dict)  # step record (path in the folder) -> its round, if > 1
    personal: set[str] = field(default_factory=set)  # the records' own personal values, for the output scan

    @property
    def url(self) -> str:
        return f"kasus/{self.year}/{self.id}/"

    @property
    def errors(self) -> int:
        return self.document.compliance.errors

    @property
    def warnings(self) -> int:
        return self.document.compliance.warnings

    @property
    def documents_complete(self) -> bool:
        return not any(f.code in DOCUMENT_CODES and f.severity is not Severity.INFO for f in self.findings)

    @property
    def decisions(self) -> list[RoundView]:
        return [r for r in self.document.rounds if r.decision is not None]

    @property
    def decisions_ok(self) -> bool | None:
        """Every decision taken by a holder of the step's role and, where the git trail is
        known, verified by that person's signature. None: nothing decided yet."""
        if not self.decisions:
            return None
        if any(f.code in DECISION_CODES for f in self.findings):
            return False
        if self.document.trail is None:
            return True
        decided = [e for e in self.document.trail if e.kind == "keputusan"]
        return bool(decided) and all(e.verified for e in decided)

    @property
    def over_time(self) -> list[int]:
        """Steps whose record took longer than the SOP's standard time (any round)."""
        return sorted({e.no for e in self.document.executions if e.over})

    @property
    def changed_after_approval(self) -> bool:
        return self.document.compliance.changed > 0

    @property
    def unverified(self) -> bool:
        return self.document.compliance.unverified > 0

    def row(self) -> CaseRow:
        decisions = self.decisions
        return CaseRow(
            id=self.id,
            year=self.year,
            sop=self.sop,
            kecamatan=self.kecamatan,
            desa=self.desa,
            kode=self.kode,
            start=self.start,
            end=self.end,
            status=self.status,
            errors=self.errors,
            warnings=self.warnings,
            documents_complete=self.documents_complete,
            decisions_ok=self.decisions_ok,
            over_time=self.over_time,
            changed_after_approval=self.changed_after_approval,
            unverified=self.unverified,
            rounds=len(self.document.rounds),
            decision=decisions[-1].decision if decisions else None,
            timings=[(e.no, e.working, e.over) for e in self.document.executions if e.working is not None],
            sk_numbers=self.sk_numbers,
            published={a.source: a.published for a in self.attachments if a.published},
            done=[(e.no, e.working) for e in self.document.executions if e.status == "selesai"],
            missing=list(self.missing),
            later_rounds=dict(self.later_rounds),
        )


@dataclass
class CaseRow:
    """What listings, the dashboard and the exports know of a case: public facts only, and
    small enough to keep for every case between builds."""

    id: str
    year: str
    sop: tuple[str, int]
    kecamatan: str
    desa: str
    kode: str
    start: str
    end: str | None
    status: str
    errors: int
    warnings: int
    documents_complete: bool
    decisions_ok: bool | None
    over_time: list[int]
    changed_after_approval: bool
    unverified: bool
    rounds: int
    decision: str | None
    timings: list[tuple[int, int, bool]]  # (step, working minutes, over standard) of every timed record
    sk_numbers: list[str]
    published: dict[str, str]  # attachment path in the case folder -> published file name
    # (step, working minutes) of every completed record
    done: list[tuple[int, int | None]] = field(default_factory=list)
    missing: list[tuple[int, str]] = field(default_factory=list)  # (step, kind name) lacking, per the verdict
    # A step record of a later round, by its path in the case folder: a finding in it points
    # to that round's row (its file name need not say the round).
    later_rounds: dict[str, int] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"kasus/{self.year}/{self.id}/"

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseRow:
        data = dict(data)
        data["sop"] = tuple(data["sop"])
        data["timings"] = [tuple(t) for t in data["timings"]]
        data["done"] = [tuple(t) for t in data.get("done", [])]
        data["missing"] = [tuple(t) for t in data.get("missing", [])]
        return cls(**data)

    def summary(self) -> dict[str, Any]:
        """The row of the machine-readable case index: no personal data, only public facts."""
        return {
            "id": self.id,
            "sop_nomor": self.sop[0],
            "sop_revisi": self.sop[1],
            "tahun": int(self.year) if self.year.isdigit() else self.year,
            "kecamatan": self.kecamatan,
            "desa": self.desa,
            "kode_wilayah": self.kode,
            "mulai": self.start,
            "sampai": self.end,
            "status": self.status,
            "putaran": self.rounds,
            "keputusan": self.decision,
            "dokumen_lengkap": self.documents_complete,
            "keputusan_sah": self.decisions_ok,
            "langkah_lewat_waktu": self.over_time,
            "diubah_setelah_disetujui": self.changed_after_approval,
            "persetujuan_tidak_terverifikasi": self.unverified,
            "galat": self.errors,
            "peringatan": self.warnings,
            "nomor_sk": self.sk_numbers,
            "halaman": self.url,
        }


def case_view(
    archive: Archive, case: CaseFolder, verdict: Verdict, trail: Trail | None, internal: bool
) -> CaseView | None:
    """None when the case cannot be shown at all (no readable identity or unknown SOP): the
    findings page still lists its problems."""
    kasus = case.kasus
    if kasus is None:
        return None
    sop = archive.sop_of(kasus)
    if sop is None:
        return None
    full = case_document(archive, case, sop, verdict, trail)
    findings = list(verdict.findings)
    view = CaseView(
        id=kasus.id,
        year=case.path.parent.name if case.path.parent.name.isdigit() else kasus.id[:4],
        folder=case.path,
        sop=sop.ref,
        sop_name=sop.nama,
        title=kasus.judul,
        kecamatan=kasus.lokasi.kecamatan,
        desa=kasus.lokasi.desa,
        kode=kasus.lokasi.kode,
        start=kasus.periode.mulai.isoformat(),
        end=full.case.akhir.isoformat() if full.case.akhir else None,
        status=full.case.status,
        document=full if internal else full.public(),
        findings=findings,
        sk_numbers=sorted({s.record.nomor_surat for s in case.steps if s.record.nomor_surat}),
        missing=[(m.step, m.name) for m in verdict.missing],
        later_rounds={f"{STEPS_DIR}/{s.name}": s.record.putaran for s in case.steps if s.record.putaran > 1},
    )
    refused = frozenset(str(f.params.get("path")) for f in verdict.findings if f.code in REFUSED_CODES)
    view.attachments = list(_attachments(case, sop, internal, refused))
    if not internal:
        view.personal = case.personal_values(archive.public_names())
    return view


def _attachments(case: CaseFolder, sop: Sop, internal: bool, refused: frozenset[str]) -> Iterable[PublishedFile]:
    """The files the case's steps name; ``refused`` are those the check refused by their
    name or content: listed, never published."""
    kinds = {k.id: k for k in sop.jenis_dokumen}
    used: dict[str, str] = {}  # source -> its published name: a file two rounds' records name is one copy
    names: set[str] = set()
    private = case.private_files(sop)
    for step in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah)):
        for doc in step.record.dokumen:
            personal = doc.berkas in private
            # Only a name the folder listing holds is read: it is inside the case folder and
            # not a symbolic link (the listing never follows one), whatever the record says.
            entry = case.files.get(doc.berkas)
            fmt = None
            if entry is not None and entry.kind == "file" and entry.size > 0:
                with open(case.path / doc.berkas, "rb") as fh:
                    fmt = sniff(fh.read(2048), case.path / doc.berkas)
            att = PublishedFile(
                source=doc.berkas,
                kind=kinds[doc.jenis].nama if doc.jenis in kinds else doc.jenis,
                title=doc.judul or doc.keterangan or doc.berkas.rsplit("/", 1)[-1],
                step=step.record.langkah,
                round=step.record.putaran,
                sha256=doc.sha256,
                personal=personal,
                format=fmt,
                photo=doc.jenis in sop.foto_wajib,
                caption=doc.keterangan or doc.judul or "",
                refused=doc.berkas in refused,
            )
            if doc.berkas in used:
                att.published = used[doc.berkas]
            elif fmt in PUBLISHED_FORMATS and (internal or not personal) and doc.berkas not in refused:
                stem = published_stem(doc.berkas)
                ext = ".jpg" if fmt in ("jpeg", "png") else PUBLISHED_FORMATS[fmt]  # images are re-encoded
                # Two sources may slug alike (foto/A.jpg, foto/a.jpg): each keeps its own copy.
                name, n = stem + ext, 1
                while name in names:
                    n += 1
                    name = f"{stem}-{n}{ext}"
                names.add(name)
                att.published = used[doc.berkas] = name
            yield att
