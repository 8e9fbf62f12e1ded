"""Regenerate the demo archive under records/kasus/ (DATA FIKTIF).

    .venv/bin/python scripts/make_demo.py [--root records]

Deterministic: every random choice comes from generators seeded by the case's desa and
start date, and no clock is read, so running it twice gives the same bytes. It deletes
and rewrites only the case folders it wrote before (recognised by the first line of their
kasus.yaml) and records/kasus/README.md; hand-made cases are never touched.

Everything here is invented: families, NIK/KK numbers, phone numbers, officials' names,
letter numbers. GPS positions are rough kecamatan centres, not the real village halls.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

from sop_kit.demo.sample import SIGNED, CaseSpec, FileSpec, Photo, Raw, Scan, StepSpec, write_case
from sop_kit.records.archive import open_archive
from sop_kit.records.fieldtypes import BULAN
from sop_kit.records.ids import new_case_id
from sop_kit.records.layout import CASE_FILE, CASES_DIR
from sop_kit.records.models import Kasus, Sop, Staf
from sop_kit.records.models.case import AnggotaKeluarga, KeluargaSasaran, Kontak, Lokasi, Periode, SopRef
from sop_kit.records.wilayah import purwakarta

MARKER = "DATA FIKTIF — arsip demo dari scripts/make_demo.py; jangan disunting, jalankan ulang skripnya."
SOP_REF = ("61.1.D.049/I/2020", 0)
KABID = "budi-santoso"
KEPALA_DINAS = "hendra-gunawan"
KOP = (
    "PEMERINTAH KABUPATEN PURWAKARTA",
    "DINAS SOSIAL PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
    "Bidang Perlindungan Perempuan dan Anak - dokumen contoh berisi data fiktif",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
# National holidays and cuti bersama the schedule avoids (Idul Fitri 2025 and 2026 above all).
LIBUR = (
    {date(2025, 3, 31) + timedelta(d) for d in range(-3, 8)}
    | {date(2026, 3, 20) + timedelta(d) for d in range(-3, 5)}
    | {
        date(2025, 5, 1),
        date(2025, 5, 12),
        date(2025, 5, 29),
        date(2025, 6, 6),
        date(2025, 6, 27),
        date(2025, 8, 18),
        date(2025, 9, 5),
        date(2025, 12, 25),
        date(2025, 12, 26),
        date(2026, 1, 1),
        date(2026, 1, 16),
        date(2026, 2, 17),
    }
)
# Rough kecamatan centres (lat, lon); each desa gets a fixed offset from its own seed.
PUSAT_KECAMATAN = {
    "Purwakarta": (-6.5569, 107.4431),
    "Jatiluhur": (-6.5250, 107.3900),
    "Plered": (-6.6300, 107.3870),
    "Babakancikao": (-6.5150, 107.4650),
    "Bungursari": (-6.4800, 107.5000),
    "Wanayasa": (-6.6850, 107.5580),
    "Darangdan": (-6.6900, 107.4300),
    "Sukatani": (-6.6050, 107.4200),
    "Campaka": (-6.5800, 107.5100),
    "Pasawahan": (-6.5900, 107.4700),
    "Tegalwaru": (-6.5850, 107.2800),
}
PRIA = (
    "Asep Saepudin",
    "Dadan Hermawan",
    "Ujang Sutisna",
    "Cecep Supriatna",
    "Endang Suherman",
    "Iwan Setiawan",
    "Jajang Nurjaman",
    "Yayan Sopyan",
    "Deden Kurniawan",
    "Wawan Gunawan",
    "Nana Suryana",
    "Rohman Hidayat",
    "Engkos Kosasih",
    "Dede Mulyana",
    "Aceng Rusmana",
    "Ade Suparman",
)
# Local officials (public) come from their own pools, so that no official shares a name with a
# family member (personal data) of another case: the site's personal-data scan cannot tell them
# apart, and neither could a reader. Picked by the same draw as before, mapped by position.
PEJABAT_PRIA = (
    "Agus Salim",
    "Bambang Hermanto",
    "Cahya Permadi",
    "Dodi Sumarna",
    "Eman Sulaeman",
    "Iwan Ridwan",
    "Jaja Miharja",
    "Karna Wijaya",
    "Lukman Hakim",
    "Maman Rukmana",
    "Nandang Koswara",
    "Odang Suganda",
    "Pepen Supendi",
    "Rahmat Hidayat",
    "Sopandi Rusli",
    "Tatang Sutarman",
)
PEJABAT_WANITA = (
    "Ai Komariah",
    "Cucu Sumarni",
    "Dewi Sartika",
    "Elis Nurhayati",
    "Heni Rostiani",
    "Ika Kartika",
    "Lina Marlina",
    "Mimin Mintarsih",
    "Nenden Sukaesih",
    "Oom Komalasari",
    "Popon Suparman",
    "Rini Handayani",
    "Tati Rohayati",
    "Yuyun Yuningsih",
)
WANITA = (
    "Euis Rohaeti",
    "Siti Aminah",
    "Neneng Hasanah",
    "Iis Sumiati",
    "Yeti Nurhayati",
    "Dedeh Kurniasih",
    "Enung Suryani",
    "Popon Rosita",
    "Imas Masitoh",
    "Lilis Suryani",
    "Nining Rahayu",
    "Tati Haryati",
    "Entin Kartini",
    "Cucu Komalasari",
)
ANAK_L = (
    "Muhamad Rizky",
    "Dimas Pratama",
    "Aditya Ramadhan",
    "Fajar Nugraha",
    "Ilham Maulana",
    "Raka Permana",
    "Galih Saputra",
    "Rendi Firmansyah",
)
ANAK_P = (
    "Siti Nurjanah",
    "Rina Marlina",
    "Salsa Nabila",
    "Putri Ayu Lestari",
    "Nisa Aulia",
    "Zahra Amelia",
    "Dini Anggraeni",
    "Silvi Oktaviani",
)
KAMPUNG = (
    "Babakan",
    "Cikadu",
    "Sukamulya",
    "Pasirgede",
    "Cisalak",
    "Leuwihejo",
    "Cimuncang",
    "Pasanggrahan",
    "Warungkiara",
    "Sindangsari",
    "Cibeureum",
    "Legokhuni",
)
OPERATOR = ("12", "13", "21", "22", "52", "53", "57", "77", "78", "95", "96", "38")


@dataclass(frozen=True)
class Tema:
    """What makes the families vulnerable, and what the coaching is about."""

    judul: str
    ringkasan: str
    kerawanan: tuple[str, ...]
    materi: tuple[str, ...]
    remaja: bool = False  # a teenage daughter at risk of child marriage


TEMA = {
    "perkawinan-anak": Tema(
        "Pencegahan perkawinan usia anak",
        "Kader melaporkan beberapa anak perempuan usia sekolah yang putus sekolah dan akan dinikahkan.",
        (
            "Anak perempuan usia 16 tahun putus sekolah; keluarga berencana menikahkannya tahun ini.",
            "Anak perempuan usia 15 tahun tidak melanjutkan ke SMA karena biaya; ada lamaran dari kampung sebelah.",
            "Orang tua berpendapat menikahkan anak lebih cepat mengurangi beban ekonomi keluarga.",
        ),
        (
            "Dampak perkawinan usia anak bagi kesehatan dan pendidikan",
            "Batas usia perkawinan (UU 16/2019)",
            "Peran orang tua dalam pengasuhan remaja",
        ),
        remaja=True,
    ),
    "pekerja-migran": Tema(
        "Keluarga pekerja migran dan pengasuhan anak",
        "Banyak ibu bekerja sebagai pekerja migran; anak diasuh ayah atau kakek-nenek tanpa pendampingan.",
        (
            "Istri bekerja sebagai PMI di Arab Saudi sejak 2022; dua anak diasuh nenek yang sakit-sakitan.",
            "Istri bekerja di Taiwan; ayah bekerja serabutan dan anak sering ditinggal sendiri.",
            "Kiriman uang tidak teratur; terjadi konflik keluarga soal pengelolaan penghasilan.",
        ),
        (
            "Pengasuhan jarak jauh dan komunikasi keluarga",
            "Pengelolaan keuangan keluarga pekerja migran",
            "Layanan perlindungan anak di desa",
        ),
    ),
    "kdrt": Tema(
        "Pencegahan kekerasan dalam rumah tangga",
        "Laporan pertengkaran berulang dan dugaan kekerasan dalam rumah tangga dari ketua RT dan kader PKK.",
        (
            "Pertengkaran suami-istri berulang; tetangga melaporkan suara kekerasan pada malam hari.",
            "Suami menganggur dan sering marah kepada anak; istri enggan melapor.",
            "Riwayat laporan KDRT ke Puskesmas tahun lalu; pasangan belum pernah mendapat pendampingan.",
        ),
        (
            "Delapan fungsi keluarga",
            "Komunikasi tanpa kekerasan dalam keluarga",
            "Jalur pengaduan: UPTD PPA dan SOP Penanganan Pengaduan",
        ),
    ),
    "ekonomi": Tema(
        "Ketahanan ekonomi keluarga pra-sejahtera",
        "Keluarga pra-sejahtera dengan penghasilan tidak tetap dan anak usia sekolah yang mulai bekerja.",
        (
            "Kepala keluarga buruh harian lepas; penghasilan tidak tetap, tunggakan biaya sekolah anak.",
            "Rumah tidak layak huni; keluarga belum terdaftar sebagai penerima bantuan sosial.",
            "Anak sulung berhenti sekolah untuk membantu berjualan.",
        ),
        ("Perencanaan keuangan keluarga", "Akses bantuan sosial dan DTKS", "Hak anak atas pendidikan"),
    ),
    "perceraian": Tema(
        "Keluarga rentan perceraian di kawasan industri",
        "Angka perceraian tinggi pada keluarga muda pekerja pabrik dengan jam kerja bergilir.",
        (
            "Pasangan muda, keduanya bekerja shift di pabrik; anak balita dititipkan bergantian.",
            "Pasangan pisah rumah sejak enam bulan; gugatan cerai sedang dipertimbangkan.",
            "Konflik karena utang pinjaman daring; suami jarang pulang.",
        ),
        (
            "Komunikasi pasangan dan pembagian peran",
            "Pengasuhan anak saat orang tua bekerja bergilir",
            "Bahaya pinjaman daring ilegal",
        ),
    ),
    "gizi": Tema(
        "Pola asuh dan gizi keluarga (pencegahan stunting)",
        "Posyandu mencatat balita dengan berat badan kurang pada keluarga dengan pola asuh yang lemah.",
        (
            "Balita usia 2 tahun tercatat stunting di Posyandu; ibu hamil anak ketiga.",
            "Balita jarang dibawa ke Posyandu; keluarga belum memahami kebutuhan gizi anak.",
            "Ibu muda usia 19 tahun; anak diasuh bergantian oleh kerabat.",
        ),
        (
            "Pola asuh 1000 hari pertama kehidupan",
            "Gizi seimbang dengan bahan pangan lokal",
            "Peran ayah dalam pengasuhan",
        ),
    ),
    "putus-sekolah": Tema(
        "Pengasuhan dan pencegahan anak putus sekolah",
        "Anak usia sekolah di beberapa kampung tidak lagi bersekolah dan bekerja di kebun atau warung.",
        (
            "Anak laki-laki usia 14 tahun berhenti sekolah dan bekerja di kebun teh.",
            "Jarak sekolah jauh; anak perempuan berhenti setelah lulus SD.",
            "Orang tua bercerai; anak tinggal dengan kakek dan sering bolos.",
        ),
        (
            "Hak anak atas pendidikan dan wajib belajar",
            "Program Kejar Paket dan beasiswa",
            "Komunikasi orang tua dan anak remaja",
        ),
    ),
}


@dataclass(frozen=True)
class Rencana:
    """One demo case: where, when, who, and which story it tells."""

    kecamatan: str
    desa: str
    mulai: date
    tema: str
    pelaksana: str  # the clerk: creates the case, does steps 1, 4 and 7
    penerus: str | None = None  # the clerk who takes over when the first one leaves the post
    koordinasi: Literal["kasi", "kabid"] = "kasi"  # who leads step 5
    pembinaan: Literal["kasi", "kabid"] = "kabid"  # who leads step 6
    jenis: Literal["lengkap", "dikembalikan", "dikembalikan-berjalan", "menunggu-keputusan", "terhenti"] = "lengkap"
    jadwal: tuple[int, ...] = (0, 2, 4, 6, 8, 12, 13)  # working days from the start, per step
    lebih_waktu: int | None = None  # step that overran its standard time
    csv: bool = False  # step 1 also has the clerk's spreadsheet export


RENCANA = (
    Rencana("Purwakarta", "Nagri Kidul", date(2025, 2, 10), "kdrt", "dewi-lestari"),
    Rencana(
        "Jatiluhur",
        "Jatimekar",
        date(2025, 3, 3),
        "perkawinan-anak",
        "yuni-kartika",
        jenis="dikembalikan",
        jadwal=(0, 2, 5, 7, 9, 11, 13, 17, 18),
    ),
    Rencana(
        "Plered", "Anjun", date(2025, 4, 14), "pekerja-migran", "rizki-ramadhan", koordinasi="kabid", lebih_waktu=6
    ),
    Rencana(
        "Babakancikao",
        "Cilangkap",
        date(2025, 6, 20),
        "ekonomi",
        "agus-permana",
        penerus="rizki-ramadhan",
        jadwal=(0, 2, 7, 9, 11, 15, 16),
    ),
    Rencana("Bungursari", "Cibening", date(2025, 8, 4), "perceraian", "dewi-lestari", lebih_waktu=2),
    Rencana("Wanayasa", "Sukadami", date(2025, 10, 6), "gizi", "yuni-kartika", pembinaan="kasi"),
    Rencana("Darangdan", "Linggasari", date(2025, 11, 3), "putus-sekolah", "rizki-ramadhan", koordinasi="kabid"),
    Rencana("Purwakarta", "Ciseureuh", date(2026, 1, 12), "kdrt", "yuni-kartika"),
    Rencana("Sukatani", "Cilalawi", date(2026, 1, 19), "perkawinan-anak", "dewi-lestari", pembinaan="kasi"),
    Rencana("Campaka", "Campakasari", date(2026, 2, 2), "ekonomi", "rizki-ramadhan", csv=True),
    Rencana("Tegalwaru", "Cadassari", date(2026, 2, 23), "putus-sekolah", "dewi-lestari", koordinasi="kabid", csv=True),
    Rencana("Plered", "Gandasoli", date(2026, 4, 6), "gizi", "yuni-kartika", jenis="dikembalikan-berjalan"),
    Rencana("Pasawahan", "Ciherang", date(2026, 4, 13), "kdrt", "rizki-ramadhan", jenis="terhenti"),
    Rencana("Wanayasa", "Cibuntu", date(2026, 5, 4), "pekerja-migran", "dewi-lestari", jenis="menunggu-keputusan"),
)


def tanggal(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def hari_tanggal(d: date) -> str:
    return f"{HARI[d.weekday()]}, {tanggal(d)}"


def hari_kerja(start: date, n: int) -> date:
    """The n-th working day after ``start`` (weekends and the holidays above skipped)."""
    day = start
    while n > 0 or day.weekday() >= 5 or day in LIBUR:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in LIBUR:
            n -= 1
    return day


def at(d: date, hhmm: str) -> datetime:
    return datetime.combine(d, time.fromisoformat(hhmm))


def nip_cetak(nip: str) -> str:
    """A NIP as printed on letters: birth date, appointment, sex, serial."""
    return f"NIP {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def tanpa_fiktif(name: str) -> str:
    return name.removesuffix(" (fiktif)")


@dataclass
class Konteks:
    """Everything one case's documents are written from."""

    rencana: Rencana
    rng: random.Random
    sop: Sop
    staff: dict[str, Staf]
    id: str = ""
    kode: str = ""
    usul: int = 0  # families proposed in step 1; the verified ones become ``sasaran``
    kelurahan: bool = False
    sasaran: list[KeluargaSasaran] = field(default_factory=list)
    kepala_desa: str = ""
    ketua_pkk: str = ""
    steps: list[StepSpec] = field(default_factory=list)

    @property
    def wilayah(self) -> str:
        return f"{'Kelurahan' if self.kelurahan else 'Desa'} {self.rencana.desa}"

    @property
    def tema(self) -> Tema:
        return TEMA[self.rencana.tema]

    def clerk_on(self, day: date) -> str:
        """The case's clerk on ``day``: the one who opened it, or their successor after a transfer."""
        first = self.rencana.pelaksana
        if "pelaksana" in self.staff[first].roles_on(day) or self.rencana.penerus is None:
            return first
        return self.rencana.penerus

    def putaran(self, no: int) -> str:
        """' (putaran N)' in titles, for cases that have more than one round."""
        return f" (putaran {no})" if self.rencana.jenis.startswith("dikembalikan") else ""

    def kasi_on(self, day: date) -> str:
        return next(s.id for s in self.staff.values() if "kasi-pkk" in s.roles_on(day))

    def ttd(self, who: str, day: date, jabatan: str | None = None) -> list[str]:
        person = self.staff[who]
        return [
            f"Purwakarta, {tanggal(day)}",
            jabatan or person.position_on(day) or "",
            SIGNED,
            tanpa_fiktif(person.nama),
            nip_cetak(person.nip),
        ]

    def nomor(self, day: date, kind: Literal["sk", "surat"]) -> str:
        # Numbers grow through the year like a real register (about three letters a day).
        n = day.timetuple().tm_yday * 3 + self.rng.randint(0, 2)
        return f"400.9/Kep.{n}/DSP3A/{day.year}" if kind == "sk" else f"400.9/{n}/DSP3A/{day.year}"


def nik(rng: random.Random, kec: str, born: date, female: bool) -> str:
    """NIK: 3214 + kecamatan + birth date (day + 40 for women) + serial. Serials 9xxx are
    chosen so the made-up numbers are unlikely to be anyone's real NIK."""
    return f"3214{kec}{born.day + (40 if female else 0):02d}{born:%m%y}{rng.randint(9001, 9999)}"


def lahir(rng: random.Random, first: int, last: int) -> date:
    return date(rng.randint(first, last), rng.randint(1, 12), rng.randint(1, 28))


def telepon(rng: random.Random) -> str:
    return f"08{rng.choice(OPERATOR)}{rng.randint(1000, 9999)}{rng.randint(1000, 9999)}"


def keluarga(k: Konteks, index: int, used: set[str]) -> KeluargaSasaran:
    rng, kec, year = k.rng, k.kode[6:8], k.rencana.mulai.year
    head = rng.choice([n for n in PRIA if n not in used])
    wife = rng.choice([n for n in WANITA if n not in used])
    used |= {head, wife}
    teen = k.tema.remaja  # parents old enough for a 15-16 year old daughter
    head_born, wife_born = lahir(rng, 1976, 1986 if teen else 1994), lahir(rng, 1979, 1988 if teen else 1997)
    members = [
        AnggotaKeluarga(nama=wife, hubungan="istri", nik=nik(rng, kec, wife_born, True), tanggal_lahir=wife_born)
    ]
    children: set[str] = set()
    for i in range(rng.randint(1, 3)):
        female = rng.random() < 0.5 or (teen and i == 0)
        born = lahir(rng, year - 16, year - 15) if teen and i == 0 else lahir(rng, wife_born.year + 20, year - 1)
        name = rng.choice([n for n in (ANAK_P if female else ANAK_L) if n not in children])
        children.add(name)
        members.append(AnggotaKeluarga(nama=name, hubungan="anak", nik=nik(rng, kec, born, female), tanggal_lahir=born))
    issued = lahir(rng, 2015, year - 1)
    return KeluargaSasaran(
        kepala_keluarga=head,
        nomor_kk=f"3214{kec}{issued:%d%m%y}{rng.randint(9001, 9999)}",
        nik=nik(rng, kec, head_born, False),
        telepon=telepon(rng),
        alamat=f"Kp. {rng.choice(KAMPUNG)} RT {rng.randint(1, 9):03d}/RW {rng.randint(1, 6):03d}, {k.wilayah}",
        kerawanan=k.tema.kerawanan[index % len(k.tema.kerawanan)],
        anggota=members,
    )


# --- the documents of each step ---------------------------------------------------------------


def rekap(k: Konteks, day: date, who: str, putaran: int = 1) -> FileSpec:
    rng = k.rng
    rws = rng.randint(3, min(5, k.usul))
    per_rw = [1] * rws
    for _ in range(k.usul - rws):
        per_rw[rng.randrange(rws)] += 1
    rows = [
        f"{rw:03d}\t{rng.randint(180, 420)}\t{n}\t{k.tema.judul.split(' (')[0].lower()}"
        for rw, n in enumerate(per_rw, 1)
    ]
    lines = [
        f"Desa/Kelurahan : {k.rencana.desa}",
        f"Kecamatan : {k.rencana.kecamatan}",
        f"Periode pendataan : {BULAN[day.month - 1]} {day.year}",
        "Sumber data : laporan kader TP-PKK, PPKBD/Sub-PPKBD, DTKS Dinas Sosial",
        "",
        "RW\tJumlah KK\tKK rawan\tKerawanan utama",
        *rows,
        f"Jumlah\t\t{k.usul}\t",
        "",
        "Rincian nama keluarga sasaran disimpan terpisah sebagai data pribadi.",
    ]
    suffix = f"-putaran-{putaran}" if putaran > 1 else ""
    return FileSpec(
        "dokumen-data",
        f"01-rekap-data-rawan{suffix}.pdf",
        Scan("REKAPITULASI DATA LOKASI RAWAN KETAHANAN KELUARGA", lines, KOP, k.ttd(who, day)),
        judul=f"Rekapitulasi data rawan ketahanan keluarga {k.wilayah}" + k.putaran(putaran),
    )


def csv_sasaran(k: Konteks) -> FileSpec:
    rows = ["no,kepala_keluarga,nik,nomor_kk,alamat,kerawanan"]
    rows += [
        f'{i},{f.kepala_keluarga},{f.nik},{f.nomor_kk},"{f.alamat}","{f.kerawanan}"' for i, f in enumerate(k.sasaran, 1)
    ]
    return FileSpec(
        "dokumen-data",
        "01-data-keluarga-sasaran.csv",
        Raw(("\n".join(rows) + "\n").encode()),
        judul="Data keluarga sasaran (ekspor lembar kerja)",
        pribadi=True,
    )


def berita_acara(k: Konteks, day: date, who: str, valid: bool, name: str, putaran: int) -> FileSpec:
    n, usul = len(k.sasaran), k.usul
    hasil = (
        f"Dari {usul} KK yang diusulkan, {n} KK dinyatakan valid sebagai sasaran pembinaan; selebihnya "
        "pindah domisili atau tercatat ganda."
        if valid
        else f"Dari {usul} KK yang diusulkan, {usul - n} KK tidak dapat diverifikasi (NIK tidak sesuai data "
        "kependudukan atau alamat tidak ditemukan). Data dikembalikan untuk pendataan ulang."
    )
    lines = [
        f"Pada hari ini {hari_tanggal(day)}, telah dilaksanakan verifikasi dan validasi data rawan ketahanan "
        f"keluarga {k.wilayah}, Kecamatan {k.rencana.kecamatan} (putaran {putaran}).",
        "",
        hasil,
        "",
        f"Kesimpulan : {'DATA VALID' if valid else 'DATA TIDAK VALID - kembali ke pengumpulan data'}",
    ]
    return FileSpec(
        "dokumen-data",
        name,
        Scan("BERITA ACARA VERIFIKASI DAN VALIDASI DATA", lines, KOP, k.ttd(who, day)),
        judul="Berita acara verifikasi dan validasi data" + k.putaran(putaran),
    )


def sk(k: Konteks, day: date, nomor: str) -> FileSpec:
    lines = [
        "Menimbang :",
        f" bahwa berdasarkan hasil verifikasi dan validasi data, {k.wilayah} Kecamatan "
        f"{k.rencana.kecamatan} memerlukan pembinaan ketahanan keluarga;",
        "Mengingat :",
        " 1. Undang-Undang Nomor 35 Tahun 2014 tentang Perlindungan Anak;",
        " 2. Peraturan Menteri PP dan PA Nomor 7 Tahun 2011;",
        " 3. SOP 61.1.D.049/I/2020.",
        "",
        "MEMUTUSKAN",
        "",
        f"KESATU : Menetapkan {k.wilayah} Kecamatan {k.rencana.kecamatan} sebagai lokasi rawan ketahanan "
        f"keluarga sasaran pembinaan tahun {day.year}.",
        f"KEDUA : Keluarga sasaran sebanyak {len(k.sasaran)} KK sebagaimana tercantum dalam lampiran "
        "(dokumen terbatas, memuat data pribadi).",
        "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    signer = [
        "Ditetapkan di Purwakarta",
        f"pada tanggal {tanggal(day)}",
        "KEPALA DINAS,",
        SIGNED,
        tanpa_fiktif(k.staff[KEPALA_DINAS].nama),
        nip_cetak(k.staff[KEPALA_DINAS].nip),
    ]
    title = (
        f"KEPUTUSAN KEPALA DINAS SOSIAL P3A KABUPATEN PURWAKARTA NOMOR {nomor} TENTANG PENETAPAN LOKASI "
        f"RAWAN KETAHANAN KELUARGA DI {k.wilayah.upper()}"
    )
    return FileSpec(
        "surat-keputusan",
        "03-sk-penetapan-lokasi.pdf",
        Scan(title, lines, KOP, signer),
        judul=f"SK penetapan lokasi rawan {k.wilayah}",
    )


def rencana_pembinaan(k: Konteks, day: date, who: str, sk_nomor: str, on: date) -> FileSpec:
    lines = [
        f"Dasar : Keputusan Kepala Dinas Nomor {sk_nomor}",
        f"Lokasi : Aula Kantor {k.wilayah}",
        f"Waktu : {hari_tanggal(on)}, pukul 08.30 WIB s.d. selesai",
        f"Sasaran : {len(k.sasaran)} keluarga sasaran, kader TP-PKK dan perangkat desa",
        "Materi :",
        *(f" {i}. {m}" for i, m in enumerate(k.tema.materi, 1)),
        "Narasumber : Kasi Peningkatan Kualitas Keluarga; psikolog UPTD PPA; Puskesmas setempat",
        "Kebutuhan : pengeras suara, proyektor, ATK, konsumsi, daftar hadir, kamera",
    ]
    return FileSpec(
        "dokumen-persiapan",
        "04-rencana-pembinaan.pdf",
        Scan("RENCANA PELAKSANAAN PEMBINAAN KETAHANAN KELUARGA", lines, KOP, k.ttd(who, day)),
        judul="Rencana pelaksanaan pembinaan",
    )


def surat_koordinasi(k: Konteks, day: date, who: str, nomor: str, on: date) -> FileSpec:
    kepala = "Lurah" if k.kelurahan else "Kepala Desa"
    lines = [
        f"Purwakarta, {tanggal(day)}",
        "",
        f"Nomor : {nomor}",
        "Sifat : Biasa",
        "Lampiran : 1 (satu) berkas",
        "Hal : Koordinasi Pembinaan Ketahanan Keluarga",
        "",
        f"Yth. {kepala} {k.rencana.desa}",
        f"Kecamatan {k.rencana.kecamatan}",
        " di Tempat",
        "",
        f"Menindaklanjuti penetapan {k.wilayah} sebagai lokasi rawan ketahanan keluarga, kami bermaksud "
        f"melaksanakan pembinaan ketahanan keluarga pada {hari_tanggal(on)} di Aula Kantor {k.wilayah}. "
        "Kami mohon bantuan Saudara untuk menghadirkan keluarga sasaran, kader TP-PKK dan perangkat desa.",
        "",
        "Demikian, atas perhatian dan kerja samanya kami ucapkan terima kasih.",
    ]
    jabatan = f"a.n. Kepala Dinas, {k.staff[who].position_on(day)}"
    return FileSpec(
        "dokumen-koordinasi",
        "05-surat-koordinasi.pdf",
        Scan("", lines, KOP, k.ttd(who, day, jabatan)),
        judul=f"Surat koordinasi kepada {kepala} {k.rencana.desa}",
    )


def daftar_hadir(k: Konteks, day: date, who: str) -> FileSpec:
    people = [(f.kepala_keluarga, "Keluarga sasaran") for f in k.sasaran]
    people += [(f.anggota[0].nama, "Keluarga sasaran") for f in k.sasaran]
    people += [(k.ketua_pkk, "Ketua TP-PKK"), (tanpa_fiktif(k.kepala_desa), "Lurah" if k.kelurahan else "Kepala Desa")]
    people += [(k.rng.choice(WANITA), "Kader PKK") for _ in range(3)]
    rows = [f"{i}\t{name}\t{unsur}\t{SIGNED}" for i, (name, unsur) in enumerate(people, 1)]
    lines = [
        f"Hari/tanggal : {hari_tanggal(day)}",
        f"Tempat : Aula Kantor {k.wilayah}",
        "",
        "No\tNama\tUnsur\tTanda tangan",
        *rows,
    ]
    return FileSpec(
        "daftar-hadir",
        "06-daftar-hadir.pdf",
        Scan("DAFTAR HADIR PEMBINAAN KETAHANAN KELUARGA", lines, KOP, k.ttd(who, day)),
        judul="Daftar hadir peserta pembinaan",
    )


def foto(k: Konteks, start: datetime) -> list[FileSpec]:
    base = PUSAT_KECAMATAN[k.rencana.kecamatan]
    spot = (base[0] + k.rng.uniform(-0.015, 0.015), base[1] + k.rng.uniform(-0.015, 0.015))
    kepala = "Lurah" if k.kelurahan else "Kepala Desa"
    shots = [
        (10, f"Pembukaan oleh {kepala} {k.rencana.desa}"),
        (95, f"Materi: {k.tema.materi[0]}"),
        (185, "Diskusi kelompok keluarga sasaran"),
    ]
    out = []
    for i, (minutes, caption) in enumerate(shots, 1):
        gps = (round(spot[0] + k.rng.uniform(-2e-4, 2e-4), 5), round(spot[1] + k.rng.uniform(-2e-4, 2e-4), 5))
        taken = start + timedelta(minutes=minutes + k.rng.randint(0, 9))
        out.append(FileSpec("foto", f"07-foto-{i:02d}.jpg", Photo(taken, gps, f"{caption} (data fiktif)")))
    return out


# --- the steps --------------------------------------------------------------------------------


def langkah(k: Konteks) -> list[StepSpec]:
    r = k.rencana
    days = [hari_kerja(r.mulai, n) for n in r.jadwal]
    pel = r.pelaksana
    out: list[StepSpec] = []
    putaran = 1
    if r.jenis.startswith("dikembalikan"):  # round 1, sent back at step 2
        d1, d2 = days.pop(0), days.pop(0)
        kasi = k.kasi_on(d2)
        out += [
            StepSpec(
                1,
                pelaksana=pel,
                mulai=at(d1, "09:00"),
                selesai=at(d1, "09:27"),
                catatan="Data awal dari laporan kader TP-PKK dan PPKBD.",
                files=[rekap(k, d1, pel)],
            ),
            StepSpec(
                2,
                pelaksana=kasi,
                mulai=at(d2, "10:00"),
                selesai=at(d2, "10:55"),
                keputusan="tidak",
                alasan="Sebagian NIK tidak sesuai data kependudukan dan beberapa alamat tidak ditemukan; "
                "pendataan diulang dengan salinan KK.",
                files=[berita_acara(k, d2, kasi, False, "02-berita-acara-verifikasi.pdf", 1)],
            ),
        ]
        putaran = 2
    d = days
    kasi2 = k.kasi_on(d[1])
    s1 = [rekap(k, d[0], pel, putaran), *([csv_sasaran(k)] if r.csv else [])]
    note1 = (
        "Pendataan ulang dengan mencocokkan salinan KK; data keluarga yang pindah dikeluarkan."
        if putaran > 1
        else f"Data dihimpun dari kader TP-PKK, PPKBD dan DTKS; {k.usul} KK teridentifikasi rawan."
    )
    if r.jenis == "dikembalikan-berjalan":
        return [*out, StepSpec(1, "berjalan", putaran, pel, at(d[0], "09:00"), catatan=note1)]
    out.append(
        StepSpec(
            1,
            putaran=putaran,
            pelaksana=pel,
            mulai=at(d[0], "09:00"),
            selesai=at(d[0], "09:26"),
            catatan=note1,
            files=s1,
        )
    )
    if r.jenis == "menunggu-keputusan":
        return [
            *out,
            StepSpec(
                2,
                "berjalan",
                putaran,
                kasi2,
                at(d[1], "10:00"),
                catatan="Verifikasi dimulai; menunggu konfirmasi Disdukcapil atas dua NIK.",
            ),
        ]
    over2 = r.lebih_waktu == 2
    s2_end = at(d[1], "11:35" if over2 else "10:50")
    out.append(
        StepSpec(
            2,
            putaran=putaran,
            pelaksana=kasi2,
            mulai=at(d[1], "10:00"),
            selesai=s2_end,
            keputusan="ya",
            catatan=(
                f"Dari {k.usul} KK yang diusulkan, {len(k.sasaran)} KK valid dan menjadi sasaran pembinaan."
                + (
                    " Melebihi standar 60 menit: tiga NIK harus dicocokkan ulang dengan Disdukcapil melalui "
                    "telepon karena data kader memakai KK lama."
                    if over2
                    else ""
                )
            ),
            files=[
                berita_acara(
                    k,
                    d[1],
                    kasi2,
                    True,
                    f"02-berita-acara-verifikasi{'-putaran-2' if putaran > 1 else ''}.pdf",
                    putaran,
                )
            ],
        )
    )
    kasi3 = k.kasi_on(d[2])
    sk_nomor = k.nomor(d[2], "sk")
    out.append(
        StepSpec(
            3,
            putaran=putaran,
            pelaksana=kasi3,
            mulai=at(d[2], "13:00"),
            selesai=at(d[2], "13:48"),
            nomor_surat=sk_nomor,
            catatan="SK disiapkan Kasi PKK dan ditandatangani Kepala Dinas.",
            files=[sk(k, d[2], sk_nomor)],
        )
    )
    pel4 = k.clerk_on(d[3])
    handover = (
        (
            f"Serah terima: {tanpa_fiktif(k.staff[pel4].nama)} melanjutkan langkah pelaksana karena "
            f"{tanpa_fiktif(k.staff[pel].nama)} menjabat {k.staff[pel].position_on(d[3])} sejak "
            f"{tanggal(next(t.mulai for t in k.staff[pel].penugasan if t.covers(d[3])))}."
        )
        if pel4 != pel
        else None
    )
    out.append(
        StepSpec(
            4,
            putaran=putaran,
            pelaksana=pel4,
            mulai=at(d[3], "13:00"),
            selesai=at(d[3], "13:22"),
            catatan=handover,
            files=[rencana_pembinaan(k, d[3], pel4, sk_nomor, d[5])],
        )
    )
    lead5 = k.kasi_on(d[4]) if r.koordinasi == "kasi" else KABID
    letter = k.nomor(d[4], "surat")
    if r.jenis == "terhenti":
        return [
            *out,
            StepSpec(
                5,
                "berjalan",
                putaran,
                lead5,
                at(d[4], "09:00"),
                nomor_surat=letter,
                catatan="Surat koordinasi sudah dikirim; pertemuan dengan kepala desa ditunda karena musyawarah desa.",
                files=[surat_koordinasi(k, d[4], lead5, letter, d[5])],
            ),
            StepSpec(6, "belum", putaran, catatan="Menunggu jadwal dari pemerintah desa."),
        ]
    out.append(
        StepSpec(
            5,
            putaran=putaran,
            pelaksana=lead5,
            mulai=at(d[4], "09:00"),
            selesai=at(d[4], "11:20"),
            nomor_surat=letter,
            catatan=f"Koordinasi di kantor desa dengan {tanpa_fiktif(k.kepala_desa)} dan "
            "Ketua TP-PKK; tanggal dan tempat pembinaan disepakati.",
            files=[surat_koordinasi(k, d[4], lead5, letter, d[5])],
        )
    )
    lead6 = k.kasi_on(d[5]) if r.pembinaan == "kasi" else KABID
    over6 = r.lebih_waktu == 6
    start6 = at(d[5], "08:30")
    out.append(
        StepSpec(
            6,
            putaran=putaran,
            pelaksana=lead6,
            mulai=start6,
            selesai=at(d[5], "16:45" if over6 else "14:10"),
            catatan=(
                f"Pembinaan diikuti {2 * len(k.sasaran) + 5} peserta."
                + (
                    " Waktu disesuaikan: konseling keluarga per keluarga dilanjutkan setelah ishoma atas permintaan "
                    "peserta."
                    if over6
                    else ""
                )
            ),
            files=[daftar_hadir(k, d[5], lead6)],
        )
    )
    out.append(
        StepSpec(
            7,
            putaran=putaran,
            pelaksana=k.clerk_on(d[6]),
            mulai=at(d[6], "09:00"),
            selesai=at(d[6], "09:24"),
            catatan=f"Foto diambil saat pembinaan {tanggal(d[5])}; lokasi dan waktu tercatat di EXIF.",
            files=foto(k, start6),
        )
    )
    return out


def build(rencana: Rencana, sop: Sop, staff: dict[str, Staf]) -> CaseSpec:
    rng = random.Random(f"sop-kit-demo/{rencana.kecamatan}/{rencana.desa}/{rencana.mulai}")
    reg = purwakarta()
    kec = reg.find_kecamatan(rencana.kecamatan)
    desa = reg.find_desa(kec, rencana.desa) if kec else None
    if kec is None or desa is None:
        raise SystemExit(f"not in the register: {rencana.desa}, {rencana.kecamatan}")
    k = Konteks(
        rencana,
        rng,
        sop,
        staff,
        id=new_case_id(rencana.mulai, desa.nama, rng),
        kode=desa.kode,
        kelurahan=desa.jenis == "kelurahan",
    )
    used: set[str] = set()
    k.sasaran = [keluarga(k, i, used) for i in range(rng.randint(2, 3))]
    k.usul = len(k.sasaran) + rng.randint(2, 5)
    title = "H. " if rng.random() < 0.5 else ""
    k.kepala_desa = f"{title}{PEJABAT_PRIA[PRIA.index(rng.choice([n for n in PRIA if n not in used]))]} (fiktif)"
    k.ketua_pkk = PEJABAT_WANITA[WANITA.index(rng.choice([n for n in WANITA if n not in used]))]
    k.steps = langkah(k)
    selesai = [s.selesai for s in k.steps if s.selesai]
    done = rencana.jenis in ("lengkap", "dikembalikan")
    jabatan = "Lurah" if k.kelurahan else "Kepala Desa"
    kasus = Kasus(
        format="sop-kit/kasus/1",
        id=k.id,
        sop=SopRef(nomor=SOP_REF[0], revisi=SOP_REF[1]),
        judul=f"Pembinaan Ketahanan Keluarga {k.wilayah} — {k.tema.judul}",
        lokasi=Lokasi(kecamatan=kec.nama, desa=desa.nama, kode=desa.kode),
        periode=Periode(mulai=rencana.mulai, sampai=max(selesai).date() if done and selesai else None),
        dibuat_oleh=rencana.pelaksana,
        ringkasan=f"{k.tema.ringkasan} DATA FIKTIF: kasus contoh untuk demo sop-kit; semua nama, NIK, nomor KK "
        "dan nomor telepon dikarang.",
        kontak=[
            Kontak(nama=k.kepala_desa, jabatan=f"{jabatan} {desa.nama}", telepon=telepon(rng)),
            Kontak(nama=f"{k.ketua_pkk} (fiktif)", jabatan=f"Ketua TP-PKK {k.wilayah}"),
        ],
        sasaran=k.sasaran,
    )
    return CaseSpec(kasus, k.steps, header=[MARKER], watermark="DATA FIKTIF", seed=rng.randrange(1 << 30))


# --- the second SOP: (CONTOH) Penanganan Pengaduan bagi Perempuan Korban Kekerasan -----------
# A fictional example SOP (records/sop/CONTOH-61.1.D.050-2024.yaml, contoh: true), so that the
# demo archive exercises several SOPs end to end. Its cases hold no family data at all: who
# complained stays in the personal documents (formulir, asesmen), which are never published.
SOP_PENGADUAN = ("CONTOH/61.1.D.050/2024", 0)
KASI_PHP = "maya-anggraini"


@dataclass(frozen=True)
class Pengaduan:
    """One complaint case of the example SOP."""

    kecamatan: str
    desa: str
    mulai: date
    pelaksana: str  # the complaint officer: creates the case, does steps 1, 2 and 4
    bentuk: str  # the kind of violence reported, as the public documents may name it
    rujukan: str  # where the victim is referred in step 4
    jenis: Literal["selesai", "dikembalikan", "berjalan"] = "selesai"
    lebih_waktu: bool = False  # step 2 (asesmen) overruns its 60 minutes without a reason given


PENGADUAN = (
    Pengaduan("Maniis", "Citamiang", date(2025, 9, 15), "dewi-lestari", "kekerasan psikis", "UPTD PPA"),
    Pengaduan(
        "Pondoksalam",
        "Salem",
        date(2025, 12, 8),
        "yuni-kartika",
        "kekerasan fisik dalam rumah tangga",
        "Puskesmas Pondoksalam dan UPTD PPA",
        lebih_waktu=True,
    ),
    Pengaduan(
        "Kiarapedes",
        "Kiarapedes",
        date(2026, 3, 9),
        "dewi-lestari",
        "penelantaran ekonomi",
        "UPTD PPA",
        jenis="dikembalikan",
    ),
    Pengaduan(
        "Jatiluhur",
        "Cisalada",
        date(2026, 5, 11),
        "yuni-kartika",
        "kekerasan fisik",
        "Unit PPA Polres Purwakarta",
        jenis="berjalan",
    ),
)


def pengaduan_langkah(p: Pengaduan, rng: random.Random, staff: dict[str, Staf], wilayah: str) -> list[StepSpec]:
    """The steps of one complaint: intake and assessment the same day, the Kasi's review the
    next working day, referral two days later, the Kabid's report after that."""
    tempat = f"{wilayah}, Kecamatan {p.kecamatan}"

    def ttd(who: str, day: date) -> list[str]:
        person = staff[who]
        return [f"Purwakarta, {tanggal(day)}", person.position_on(day) or "", SIGNED, tanpa_fiktif(person.nama)]

    def nomor(day: date) -> str:
        return f"400.10/{day.timetuple().tm_yday * 3 + rng.randint(0, 2)}/DSP3A/{day.year}"

    def formulir(day: date, putaran: int) -> FileSpec:
        lines = [
            f"Tanggal pengaduan : {hari_tanggal(day)}",
            f"Asal pengaduan    : {tempat}",
            f"Bentuk kekerasan  : {p.bentuk}",
            "Identitas pelapor dan korban: dicatat pada lembar terlampir (RAHASIA).",
            "",
            "Kronologi dilengkapi dengan persetujuan korban untuk dirujuk." if putaran > 1 else "Kronologi singkat.",
        ]
        suffix = f"-putaran-{putaran}" if putaran > 1 else ""
        return FileSpec(
            "formulir-pengaduan",
            f"01-formulir-pengaduan{suffix}.pdf",
            Scan("FORMULIR PENGADUAN (CONTOH)", lines, KOP, ttd(p.pelaksana, day)),
            judul="Formulir pengaduan" + (f" (putaran {putaran})" if putaran > 1 else ""),
        )

    def asesmen(day: date, putaran: int) -> FileSpec:
        lines = [
            f"Asesmen awal pengaduan dari {tempat}.",
            "Kebutuhan: layanan psikologis, pendampingan hukum, tempat aman bila diperlukan.",
            "Tingkat risiko: sedang.",
        ]
        suffix = f"-putaran-{putaran}" if putaran > 1 else ""
        return FileSpec(
            "lembar-asesmen",
            f"02-lembar-asesmen{suffix}.pdf",
            Scan("LEMBAR ASESMEN AWAL (CONTOH)", lines, KOP, ttd(p.pelaksana, day)),
            judul="Lembar asesmen awal" + (f" (putaran {putaran})" if putaran > 1 else ""),
        )

    def telaah(day: date, lengkap: bool, putaran: int) -> FileSpec:
        hasil = (
            f"Berkas lengkap. Pengaduan ditindaklanjuti dengan rujukan ke {p.rujukan}."
            if lengkap
            else "Berkas belum lengkap: kronologi dan persetujuan korban untuk dirujuk belum ada. "
            "Dikembalikan ke petugas pengaduan."
        )
        suffix = f"-putaran-{putaran}" if putaran > 1 else ""
        return FileSpec(
            "nota-telaah",
            f"03-nota-telaah{suffix}.pdf",
            Scan(
                "NOTA TELAAH PENGADUAN (CONTOH)",
                [f"Pengaduan dari {tempat} ({p.bentuk}).", "", hasil],
                KOP,
                ttd(KASI_PHP, day),
            ),
            judul="Nota telaah" + (f" (putaran {putaran})" if putaran > 1 else ""),
        )

    out: list[StepSpec] = []
    day = hari_kerja(p.mulai, 0)
    putaran = 1
    if p.jenis == "dikembalikan":
        d3 = hari_kerja(day, 1)
        out += [
            StepSpec(
                1, pelaksana=p.pelaksana, mulai=at(day, "09:10"), selesai=at(day, "09:35"), files=[formulir(day, 1)]
            ),
            StepSpec(
                2, pelaksana=p.pelaksana, mulai=at(day, "09:45"), selesai=at(day, "10:40"), files=[asesmen(day, 1)]
            ),
            StepSpec(
                3,
                pelaksana=KASI_PHP,
                mulai=at(d3, "10:00"),
                selesai=at(d3, "10:40"),
                keputusan="tidak",
                alasan="Kronologi dan persetujuan korban untuk dirujuk belum ada.",
                files=[telaah(d3, False, 1)],
            ),
        ]
        putaran, day = 2, hari_kerja(d3, 1)
    d3, d4 = hari_kerja(day, 1), hari_kerja(day, 3)
    d5 = hari_kerja(d4, 2)
    end2 = "11:15" if p.lebih_waktu else "10:35"
    out += [
        StepSpec(
            1,
            putaran=putaran,
            pelaksana=p.pelaksana,
            mulai=at(day, "09:00"),
            selesai=at(day, "09:26"),
            catatan="Pengaduan diterima langsung di kantor dinas.",
            files=[formulir(day, putaran)],
        ),
        StepSpec(
            2,
            putaran=putaran,
            pelaksana=p.pelaksana,
            mulai=at(day, "09:40"),
            selesai=at(day, end2),
            files=[asesmen(day, putaran)],
        ),
        StepSpec(
            3,
            putaran=putaran,
            pelaksana=KASI_PHP,
            mulai=at(d3, "13:00"),
            selesai=at(d3, "13:45"),
            keputusan="ya",
            alasan=f"Berkas lengkap; korban setuju dirujuk ke {p.rujukan}.",
            files=[telaah(d3, True, putaran)],
        ),
    ]
    if p.jenis == "berjalan":
        out.append(
            StepSpec(
                4,
                "berjalan",
                putaran,
                p.pelaksana,
                mulai=at(d4, "08:30"),
                catatan=f"Pendampingan ke {p.rujukan} dijadwalkan.",
            )
        )
        return out
    rujuk = nomor(d4)
    out.append(
        StepSpec(
            4,
            putaran=putaran,
            pelaksana=p.pelaksana,
            mulai=at(d4, "08:30"),
            selesai=at(d4, "12:10"),
            nomor_surat=rujuk,
            catatan=f"Korban didampingi ke {p.rujukan}.",
            files=[
                FileSpec(
                    "surat-rujukan",
                    "04-surat-rujukan.pdf",
                    Scan(
                        f"SURAT RUJUKAN Nomor {rujuk}",
                        [
                            f"Kepada Yth. Pimpinan {p.rujukan}",
                            "",
                            f"Bersama ini kami rujuk seorang perempuan korban {p.bentuk} dari {tempat} untuk "
                            "mendapatkan layanan lanjutan. Identitas korban disampaikan secara tertutup.",
                        ],
                        KOP,
                        ttd(KASI_PHP, d4),
                    ),
                    judul="Surat rujukan",
                )
            ],
        )
    )
    out.append(
        StepSpec(
            5,
            putaran=putaran,
            pelaksana=KABID,
            mulai=at(d5, "13:00"),
            selesai=at(d5, "13:50"),
            files=[
                FileSpec(
                    "laporan-penanganan",
                    "05-laporan-penanganan.pdf",
                    Scan(
                        "LAPORAN PENANGANAN PENGADUAN (CONTOH)",
                        [
                            f"Pengaduan {p.bentuk} dari {tempat} diterima {tanggal(p.mulai)}, ditelaah, dan "
                            f"korban dirujuk ke {p.rujukan} pada {tanggal(d4)}.",
                            "Tindak lanjut dipantau petugas pengaduan.",
                        ],
                        KOP,
                        ttd(KABID, d5),
                    ),
                    judul="Laporan penanganan pengaduan",
                )
            ],
        )
    )
    return out


def build_pengaduan(p: Pengaduan, staff: dict[str, Staf]) -> CaseSpec:
    rng = random.Random(f"sop-kit-demo/pengaduan/{p.kecamatan}/{p.desa}/{p.mulai}")
    reg = purwakarta()
    kec = reg.find_kecamatan(p.kecamatan)
    desa = reg.find_desa(kec, p.desa) if kec else None
    if kec is None or desa is None:
        raise SystemExit(f"not in the register: {p.desa}, {p.kecamatan}")
    wilayah = f"{'Kelurahan' if desa.jenis == 'kelurahan' else 'Desa'} {desa.nama}"
    steps = pengaduan_langkah(p, rng, staff, wilayah)
    selesai = [s.selesai for s in steps if s.selesai]
    kasus = Kasus(
        format="sop-kit/kasus/1",
        id=new_case_id(p.mulai, desa.nama, rng),
        sop=SopRef(nomor=SOP_PENGADUAN[0], revisi=SOP_PENGADUAN[1]),
        judul=f"(CONTOH) Pengaduan {p.bentuk} — {wilayah}",
        lokasi=Lokasi(kecamatan=kec.nama, desa=desa.nama, kode=desa.kode),
        periode=Periode(mulai=p.mulai, sampai=max(selesai).date() if p.jenis != "berjalan" else None),
        dibuat_oleh=p.pelaksana,
        ringkasan="DATA FIKTIF: kasus contoh SOP contoh (bukan SOP resmi) untuk demo sop-kit. Identitas pelapor "
        "dan korban hanya ada di berkas pribadi.",
    )
    return CaseSpec(kasus, steps, header=[MARKER], watermark="DATA FIKTIF", seed=rng.randrange(1 << 30))


README = """\
# records/kasus — arsip kasus demo (DATA FIKTIF)

Semua kasus dengan baris pertama `# DATA FIKTIF — arsip demo …` di `kasus.yaml` dibuat oleh
`scripts/make_demo.py` dan **seluruhnya fiktif**: keluarga, NIK, nomor KK, nomor telepon, nama
kepala desa, nomor surat, foto dan pindaian. Nama desa/kecamatan dan kodenya nyata (register
Kemendagri); koordinat GPS hanya perkiraan pusat kecamatan. Jangan disunting manual; ubah
skripnya lalu jalankan `.venv/bin/python scripts/make_demo.py`. Format kasus: `docs/format-kasus.md`.

# records/kasus — demo case archive (FICTIONAL DATA)

Every case whose `kasus.yaml` starts with the `# DATA FIKTIF — arsip demo …` line is written by
`scripts/make_demo.py` and is **entirely fictional**: families, NIK and KK numbers, phone numbers,
village heads' names, letter numbers, photos and scans. Desa/kecamatan names and codes are real
(Kemendagri register); GPS positions are rough kecamatan centres. Do not edit by hand: change the
script and run it again. The case format is described in `docs/format-kasus.md`.
"""


def owned(kasus_root: Path) -> list[Path]:
    """Case folders this script wrote earlier: their kasus.yaml opens with the marker."""
    found = []
    for case_file in sorted(kasus_root.glob(f"*/*/{CASE_FILE}")):
        folder = case_file.parent
        if folder.is_symlink() or case_file.is_symlink():
            continue
        with case_file.open(encoding="utf-8", errors="replace") as fh:
            if fh.readline().rstrip("\n") == f"# {MARKER}":
                found.append(folder)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1] / "records")
    args = parser.parse_args(argv)
    archive = open_archive(args.root)
    sop, pengaduan = archive.sops.get(SOP_REF), archive.sops.get(SOP_PENGADUAN)
    if sop is None or pengaduan is None or not archive.staff:
        print(f"{args.root}: SOP {SOP_REF[0]}, {SOP_PENGADUAN[0]} or staf.yaml missing or invalid", file=sys.stderr)
        return 2
    specs = [(build(r, sop, archive.staff), sop) for r in RENCANA]
    specs += [(build_pengaduan(p, archive.staff), pengaduan) for p in PENGADUAN]
    ids = [s.kasus.id for s, _ in specs]
    if len(set(ids)) != len(ids):
        raise SystemExit("two demo cases got the same id")
    kasus_root = args.root / CASES_DIR
    for folder in owned(kasus_root):
        shutil.rmtree(folder)
        if not any(folder.parent.iterdir()):
            folder.parent.rmdir()
    kasus_root.mkdir(exist_ok=True)
    (kasus_root / "README.md").write_text(README, "utf-8")
    for spec, followed in specs:
        folder = write_case(kasus_root, spec, followed, archive.staff)
        print(folder.relative_to(args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
