"""A coaching case: its identity file (kasus.yaml) and one record per step and round."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..fieldtypes import (
    FORM,
    NIK,
    PERSONAL,
    PERSONAL_ADDRESS,
    PUBLIC_NAME,
    STRICT,
    NamaPribadi,
    NomorKK,
    Slug,
    Tanggal,
    Teks,
    Telepon,
    WaktuLokal,
)
from ..ids import CASE_ID_PATTERN


class SopRef(BaseModel):
    """Which SOP, and which revision of it, the case follows."""

    model_config = STRICT
    nomor: Teks
    revisi: int | None = Field(
        None, ge=0, description="empty: the revision in force on periode.mulai (latest tanggal_efektif not after it)"
    )


class Lokasi(BaseModel):
    model_config = STRICT
    kecamatan: Teks
    desa: Teks
    kode: str = Field(
        pattern=r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[12][0-9]{3}$", description="Kemendagri code of the desa"
    )


class Periode(BaseModel):
    model_config = STRICT
    mulai: Tanggal
    sampai: Tanggal | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.sampai is not None and self.sampai < self.mulai:
            raise PydanticCustomError("period_order", "", {"value": f"{self.mulai} > {self.sampai}", "at": "sampai"})
        return self


class AnggotaKeluarga(BaseModel):
    """A family member. Every field is personal data."""

    model_config = ConfigDict(**STRICT, json_schema_extra=PERSONAL)
    nama: NamaPribadi
    hubungan: Literal["kepala-keluarga", "istri", "suami", "anak", "orang-tua", "lainnya"]
    nik: NIK | None = None
    tanggal_lahir: Tanggal | None = Field(None, json_schema_extra=PERSONAL)


class KeluargaSasaran(BaseModel):
    """A family targeted by the coaching. Personal data: never published."""

    model_config = ConfigDict(**STRICT, json_schema_extra=PERSONAL)
    kepala_keluarga: NamaPribadi
    nomor_kk: NomorKK | None = None
    nik: NIK | None = None
    telepon: Telepon | None = None
    alamat: Teks | None = Field(None, json_schema_extra=PERSONAL_ADDRESS)
    kerawanan: Teks | None = Field(None, json_schema_extra=PERSONAL, description="why the family is vulnerable")
    anggota: list[AnggotaKeluarga] = Field(default_factory=list)


class Kontak(BaseModel):
    """The local government contact (Kepala Desa / Camat): a public official, phone is personal."""

    model_config = STRICT
    nama: Teks = Field(json_schema_extra={FORM: PUBLIC_NAME})
    jabatan: Teks
    telepon: Telepon | None = None


class Penghentian(BaseModel):
    """A case withdrawn (batal) or closed before the SOP's end (ditutup): kept in the archive as such."""

    model_config = STRICT
    status: Literal["batal", "ditutup"] = Field(description="batal: withdrawn; ditutup: closed early")
    tanggal: Tanggal
    oleh: Slug = Field(description="staff id of who decided it")
    alasan: Teks | None = Field(None, description="why; required (PUBLIC: no names or NIK of families)")


class Kasus(BaseModel):
    """kasus.yaml: the identity of one coaching engagement."""

    model_config = STRICT
    format: Literal["sop-kit/kasus/1"]
    id: str = Field(pattern=CASE_ID_PATTERN, description="YYYY-MM-desa-xxxx; the random tail keeps branches apart")
    sop: SopRef
    judul: Teks
    lokasi: Lokasi
    periode: Periode
    dibuat_oleh: Slug
    ringkasan: Teks | None = None
    kontak: list[Kontak] = Field(default_factory=list)
    sasaran: list[KeluargaSasaran] = Field(default_factory=list)
    dihentikan: Penghentian | None = Field(None, description="only for a case withdrawn or closed early")


class Berkas(BaseModel):
    """A file attached to a step: a scan, a letter, a photo."""

    model_config = STRICT
    jenis: Slug = Field(description="document kind id from the SOP (jenis_dokumen)")
    berkas: str = Field(min_length=1, max_length=255, description="path inside the case folder")
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")
    judul: Teks | None = None
    keterangan: Teks | None = Field(None, description="caption (photos)")
    pribadi: bool | None = Field(
        None, description="holds personal data (attendance list, KK copy): never published; empty: as its kind says"
    )
    bersama: list[Annotated[str, Field(pattern=CASE_ID_PATTERN)]] = Field(
        default_factory=list,
        max_length=20,
        description="ids of the other cases this file is also the record of: one activity held jointly "
        "(it counts as theirs only when each of them names this case too)",
    )


class Koreksi(BaseModel):
    """A correction of a step record after it was completed: when, why, and its re-approval."""

    model_config = STRICT
    waktu: WaktuLokal
    alasan: Teks = Field(description="what was corrected and why (PUBLIC)")
    disetujui: WaktuLokal | None = Field(None, description="when the step's role holder approved it again")


class CatatanLangkah(BaseModel):
    """langkah/NN-….yaml: what happened in one step of one round."""

    model_config = STRICT
    format: Literal["sop-kit/langkah/1"]
    langkah: int = Field(ge=1)
    putaran: int = Field(1, ge=1, description="round: a 'tidak' decision starts the next one at step 1")
    status: Literal["belum", "berjalan", "selesai"]
    pelaksana: Slug | None = Field(None, description="staff id from staf.yaml")
    mulai: WaktuLokal | None = None
    selesai: WaktuLokal | None = None
    disetujui: WaktuLokal | None = Field(
        None,
        description="when the recorded pelaksana approved the completion, committed by someone else or changed "
        "without a correction (sop-kit step --setujui; their signed commit is the approval)",
    )
    keputusan: Literal["ya", "tidak"] | None = None
    alasan: Teks | None = Field(None, description="reason for the decision")
    alasan_waktu: Teks | None = Field(None, description="why the step took longer than the SOP's standard time")
    nomor_surat: Teks | None = Field(None, description="number of the letter or SK the step produced")
    catatan: Teks | None = None
    dokumen: list[Berkas] = Field(default_factory=list)
    koreksi: list[Koreksi] = Field(default_factory=list, description="corrections after completion, oldest first")

    @model_validator(mode="after")
    def _times(self) -> CatatanLangkah:
        if self.mulai and self.selesai and self.selesai < self.mulai:
            span = f"{self.mulai:%Y-%m-%d %H:%M} > {self.selesai:%Y-%m-%d %H:%M}"
            raise PydanticCustomError("time_order", "", {"at": "selesai", "value": span})
        if self.disetujui and (self.status != "selesai" or (self.selesai and self.disetujui < self.selesai)):
            # An approval of what was not done yet approves nothing.
            done = f"{self.selesai:%Y-%m-%d %H:%M}" if self.selesai else self.status
            span = f"{self.disetujui:%Y-%m-%d %H:%M} < {done}"
            raise PydanticCustomError("approved_undone", "", {"at": "disetujui", "value": span})
        return self

    @property
    def minutes(self) -> int | None:
        if self.mulai and self.selesai:
            return int((self.selesai - self.mulai).total_seconds() // 60)
        return None
