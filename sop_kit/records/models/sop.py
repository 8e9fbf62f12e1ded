"""The SOP AP document as data: identity block, roles, document kinds, flowchart steps.

Generic for any SOP in the national SOP Administrasi Pemerintahan format; nothing here is
specific to SOP 61.1.D.049/I/2020, which lives in ``records/sop/`` as a data file.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Literal

from pydantic import BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from ..fieldtypes import NIP, STRICT, BulanTahun, Slug, Teks
from ..office import Retensi

# What the check can tell from a file's first bytes (see sop_kit.records.filetypes).
Format = Literal["pdf", "jpeg", "png", "docx", "xlsx", "odt", "ods", "csv", "txt"]


class Unit(BaseModel):
    model_config = STRICT
    pemerintah: Teks
    instansi: Teks
    bidang: Teks | None = None
    seksi: Teks | None = None


class Pengesah(BaseModel):
    """Disahkan oleh: the official who ratified the SOP."""

    model_config = STRICT
    jabatan: Teks
    nama: Teks
    nip: NIP


class Peran(BaseModel):
    """A Pelaksana role: one swimlane of the flowchart."""

    model_config = STRICT
    id: Slug
    nama: Teks
    singkatan: Teks | None = None
    nama_di_sumber: list[Teks] = Field(default_factory=list, description="spellings seen in the source")


class JenisDokumen(BaseModel):
    """A named kind of document a step mandates, with the file formats that count as one."""

    model_config = STRICT
    id: Slug
    nama: Teks
    format: list[Format] = Field(min_length=1)
    pribadi: bool = Field(False, description="always personal data (attendance lists, KK copies)")


class Keputusan(BaseModel):
    """A decision step (the diamond): where each answer leads."""

    model_config = STRICT
    pertanyaan: Teks
    ya: int = Field(ge=1, description="step number on 'Ya' / valid")
    tidak: int = Field(ge=1, description="step number on 'Tidak'; a new round starts there")
    label_ya: Teks = "Ya"
    label_tidak: Teks = "Tidak"


class Langkah(BaseModel):
    """One row of the flowchart table."""

    model_config = STRICT
    no: int = Field(ge=1)
    kegiatan: Teks
    pelaksana: list[Slug] = Field(min_length=1, description="role ids responsible for the step")
    kelengkapan: Teks = Field(description="Mutu Baku: Kelengkapan, as printed")
    dokumen_wajib: list[Slug] = Field(default_factory=list, description="document kinds required")
    minimal_berkas: int = Field(1, ge=1, description="files required per mandated kind")
    sarana: list[Teks] = Field(default_factory=list, description="equipment, not checked as files")
    waktu_menit: int = Field(ge=1)
    waktu_teks: Teks | None = None
    waktu_fleksibel: bool = Field(False, description="'waktu disesuaikan': reported, not failed")
    output: Teks
    keterangan: Teks | None = None
    setelah: list[int] | None = Field(None, description="steps that must be complete first; default: the previous one")
    keputusan: Keputusan | None = None


class Surat(BaseModel):
    """A document the SOP's cases produce from a template: which step it belongs to (the record
    holding its number and date), when it exists, and the register kind its number comes from."""

    model_config = STRICT
    id: Slug = Field(description="file name of the PDF: <id>-<case id>.pdf")
    judul: Teks = Field(description="what the document is, as lists show it")
    templat: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.html$", description="template file (archive templates/ first)")
    langkah: int | None = Field(None, ge=1, description="the step whose record holds its number and date")
    setelah_langkah: int | None = Field(None, ge=1, description="made once this step is done; empty: always")
    keputusan_ya: bool = Field(False, description="made only after the decision's 'ya', its approval unchallenged")
    jenis_nomor: Slug | None = Field(None, description="letter kind in the numbering register (records/nomor/)")
    internal: bool = Field(False, description="also an internal version with personal data, never published")


class Sop(BaseModel):
    """A whole SOP AP document, one revision."""

    model_config = STRICT
    format: Literal["sop-kit/sop/1"]
    contoh: bool = Field(False, description="an example SOP written for the demo, not an official one")
    unit: Unit
    nomor: Teks
    revisi: int = Field(0, ge=0, description="0 = original ('Tgl Revisi: -')")
    tanggal_pembuatan: BulanTahun
    tanggal_revisi: BulanTahun | None = None
    tanggal_efektif: BulanTahun
    disahkan_oleh: Pengesah
    nama: Teks
    dasar_hukum: list[Teks]
    kualifikasi_pelaksana: list[Teks]
    keterkaitan: list[Teks]
    peralatan: list[Teks]
    peringatan: list[Teks]
    pencatatan: list[Teks]
    peran: list[Peran] = Field(min_length=1)
    jenis_dokumen: list[JenisDokumen]
    foto_wajib: list[Slug] = Field(
        default_factory=list,
        description="document kinds a closed case must hold at least one of ('Harus ada … Foto')",
    )
    langkah: list[Langkah] = Field(min_length=1)
    surat: list[Surat] = Field(default_factory=list, description="documents the cases produce from templates")
    retensi: Retensi | None = Field(None, description="the JRA entry of its cases (else the office profile's)")
    sumber: Teks | None = Field(None, description="where the text was taken from")

    @model_validator(mode="after")
    def _consistent(self) -> Sop:
        roles = {r.id for r in self.peran}
        kinds = {k.id for k in self.jenis_dokumen}
        numbers = [s.no for s in self.langkah]
        if numbers != list(range(1, len(numbers) + 1)):
            raise PydanticCustomError("sop_step_numbers", "", {"value": ", ".join(map(str, numbers))})
        for step in self.langkah:
            for role in step.pelaksana:
                if role not in roles:
                    raise PydanticCustomError("sop_unknown_role", "", {"value": role, "step": step.no})
            for kind in step.dokumen_wajib:
                if kind not in kinds:
                    raise PydanticCustomError("sop_unknown_kind", "", {"value": kind, "step": step.no})
            targets = [*(step.setelah or []), *((step.keputusan.ya, step.keputusan.tidak) if step.keputusan else ())]
            for target in targets:
                if target not in numbers:
                    raise PydanticCustomError("sop_unknown_step", "", {"value": target, "step": step.no})
        for kind in self.foto_wajib:
            if kind not in kinds:
                raise PydanticCustomError("sop_unknown_kind", "", {"value": kind, "step": "-"})
        for letter in self.surat:
            for target in (letter.langkah, letter.setelah_langkah):
                if target is not None and target not in numbers:
                    raise PydanticCustomError("sop_unknown_step", "", {"value": target, "step": letter.id})
        return self

    @property
    def ref(self) -> tuple[str, int]:
        return (self.nomor, self.revisi)

    def step(self, no: int) -> Langkah:
        return self.langkah[no - 1]

    def role(self, role_id: str) -> Peran:
        return next(r for r in self.peran if r.id == role_id)

    def kind(self, kind_id: str) -> JenisDokumen:
        return next(k for k in self.jenis_dokumen if k.id == kind_id)

    def prerequisites(self, no: int) -> list[int]:
        step = self.step(no)
        if step.setelah is not None:
            return step.setelah
        return [no - 1] if no > 1 else []

    def is_personal(self, jenis: str, pribadi: bool | None) -> bool:
        """An attachment is personal if its file says so or its kind always is."""
        return bool(pribadi) or any(k.id == jenis and k.pribadi for k in self.jenis_dokumen)

    @property
    def decision_steps(self) -> list[Langkah]:
        return [s for s in self.langkah if s.keputusan]

    @property
    def deciders(self) -> list[Peran]:
        """The roles of its decision steps: who approves again what was changed in a case's
        identity, and who stops a case."""
        ids = {r for s in self.decision_steps for r in s.pelaksana}
        return [r for r in self.peran if r.id in ids]

    @property
    def deciders_named(self) -> str:
        """Its deciders as messages name them: "Kasi Peningkatan Kualitas Keluarga / …"."""
        return " / ".join(r.nama for r in self.deciders)

    def done_by(self, no: int, roles: Set[str]) -> bool:
        """May someone holding ``roles`` do step ``no`` (one of its Pelaksana roles)? No step
        of that number: no one."""
        return 1 <= no <= len(self.langkah) and bool(roles & set(self.step(no).pelaksana))

    def handed_over(self, no: int, doer_then: Iterable[Set[str]], doer_now: Set[str], approver: Set[str]) -> bool:
        """May someone holding ``approver`` approve step ``no`` for its recorded doer, who held
        one of its roles then (any of ``doer_then``) and holds none now (``doer_now``)? The step
        passed with the role: without it, a step its doer left unapproved (moved, retired) could
        never be."""
        held = any(self.done_by(no, roles) for roles in doer_then)
        return held and not self.done_by(no, doer_now) and self.done_by(no, approver)

    def decides(self, roles: Set[str]) -> bool:
        """May someone holding ``roles`` take its decisions (stop a case)? Anyone, without any."""
        ids = {r.id for r in self.deciders}
        return not ids or bool(roles & ids)
