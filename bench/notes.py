"""Free text for the benchmark's records: case summaries, step notes, reasons, captions.

Indonesian office prose, put together from phrases with a seeded ``random.Random``, so that
every record's text differs (search indexes, page caches and compressors see no repetition
beyond the language's own). No personal data: no names of people, no NIK, KK or telephone
numbers, only the desa and kecamatan the case is about, counts and ordinary words.
"""

from __future__ import annotations

import random

from sop_kit.records.fieldtypes import BULAN

_GROUPS = (
    "kader PKK",
    "ketua RT",
    "ketua RW",
    "bidan desa",
    "petugas Puskesmas",
    "pendamping PKH",
    "tokoh agama",
    "karang taruna",
    "perangkat desa",
    "Babinsa",
    "Bhabinkamtibmas",
    "guru PAUD",
    "penyuluh KB",
)
_ISSUES = (
    "pernikahan usia anak",
    "anak putus sekolah",
    "kekerasan dalam rumah tangga",
    "perceraian",
    "pengasuhan anak oleh kakek dan nenek",
    "pekerja migran yang meninggalkan keluarga",
    "stunting",
    "keluarga tanpa penghasilan tetap",
    "rumah tidak layak huni",
    "lansia yang tinggal sendiri",
    "ketergantungan gawai pada remaja",
    "konflik antaranggota keluarga",
    "kurangnya komunikasi orang tua dan anak",
)
_PLACES = (
    "balai desa",
    "aula kantor desa",
    "madrasah",
    "posyandu",
    "rumah ketua RW",
    "masjid",
    "gedung PKK",
    "saung warga",
    "SD negeri setempat",
    "kantor kecamatan",
)
_TOPICS = (
    "delapan fungsi keluarga",
    "pola asuh positif",
    "komunikasi dalam keluarga",
    "pengelolaan keuangan rumah tangga",
    "pencegahan perkawinan anak",
    "kesehatan reproduksi remaja",
    "peran ayah dalam pengasuhan",
    "pencegahan kekerasan terhadap perempuan dan anak",
    "ketahanan ekonomi keluarga",
    "gizi seimbang bagi balita",
)
_SOURCES = (
    "data Pendataan Keluarga",
    "laporan kader",
    "data DTKS",
    "hasil musyawarah desa",
    "laporan Puskesmas",
    "catatan kecamatan",
    "rekap posyandu",
    "laporan sekolah",
)
_FOLLOW = (
    "pendampingan lanjutan oleh kader",
    "kunjungan rumah bulan depan",
    "rujukan ke layanan konseling",
    "pembentukan kelompok Bina Keluarga Remaja",
    "koordinasi dengan Puskesmas",
    "pemantauan oleh perangkat desa",
    "usulan bantuan melalui musyawarah desa",
    "kelas orang tua hebat",
)
_SIDES = ("utara", "selatan", "timur", "barat")
_MEANS = ("secara langsung", "melalui telepon", "dalam rapat minggon")


def _pick(rng: random.Random, pool: tuple[str, ...], n: int) -> str:
    items = rng.sample(pool, min(n, len(pool)))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


def _sentences(rng: random.Random, makers: list[str], low: int, high: int) -> str:
    return " ".join(rng.sample(makers, min(len(makers), rng.randint(low, high))))


def ringkasan(rng: random.Random, desa: str, kecamatan: str) -> str:
    """A case summary (public on the site)."""
    n = rng.randint(6, 60)
    makers = [
        f"Desa {desa}, Kecamatan {kecamatan}, tercatat rawan ketahanan keluarga karena "
        f"{_pick(rng, _ISSUES, rng.randint(1, 3))}.",
        f"Sebanyak {n} keluarga sasaran diusulkan dari {_pick(rng, _SOURCES, 2)}.",
        f"Pembinaan menekankan {_pick(rng, _TOPICS, rng.randint(1, 2))}.",
        f"Kegiatan melibatkan {_pick(rng, _GROUPS, rng.randint(2, 4))}.",
        f"Rencana tindak lanjut: {_pick(rng, _FOLLOW, rng.randint(1, 2))}.",
        f"Sebagian besar sasaran tinggal di {rng.randint(2, 9)} RW di bagian {rng.choice(_SIDES)} desa.",
    ]
    return _sentences(rng, makers, 2, 5)


def catatan(rng: random.Random, step: int, desa: str) -> str:
    """A step's note: what was done, in the clerk's words."""
    people = rng.randint(8, 80)
    by_step = {
        1: [
            f"Data dihimpun dari {_pick(rng, _SOURCES, rng.randint(1, 3))}.",
            f"Terdapat {rng.randint(3, 40)} keluarga dengan indikasi {_pick(rng, _ISSUES, 1)}.",
            f"Data {rng.randint(1, 6)} RW belum lengkap dan dilengkapi melalui {rng.choice(_GROUPS)}.",
        ],
        2: [
            f"Data diperiksa silang dengan {rng.choice(_SOURCES)}.",
            f"{rng.randint(1, 9)} entri ganda dihapus dan {rng.randint(1, 9)} alamat diperbaiki.",
            "Hasil verifikasi dibahas bersama Kepala Bidang.",
        ],
        3: [
            "Draf keputusan disusun berdasarkan hasil verifikasi dan diparaf Kasubag Umum.",
            f"Lokasi {desa} ditetapkan bersama {rng.randint(1, 4)} desa lain di kecamatan yang sama.",
            "Salinan keputusan dikirim ke kecamatan dan desa.",
        ],
        4: [
            f"Materi {_pick(rng, _TOPICS, rng.randint(1, 2))} disiapkan.",
            f"Undangan untuk {people} peserta dan daftar hadir dicetak.",
            f"Tempat kegiatan di {rng.choice(_PLACES)} dipastikan bersama perangkat desa.",
        ],
        5: [
            f"Koordinasi dengan pemerintah desa {desa} dilakukan {rng.choice(_MEANS)}.",
            f"Disepakati kegiatan pada minggu ke-{rng.randint(1, 4)} bulan {rng.choice(BULAN)}.",
            f"Desa menyediakan {rng.choice(_PLACES)} dan pengeras suara.",
        ],
        6: [
            f"Pembinaan di {rng.choice(_PLACES)} dihadiri {people} peserta.",
            f"Materi: {_pick(rng, _TOPICS, rng.randint(1, 3))}.",
            f"Peserta banyak bertanya tentang {rng.choice(_ISSUES)}.",
            f"Narasumber tambahan dari {rng.choice(_GROUPS)}.",
        ],
        7: [
            f"Dokumentasi {rng.randint(4, 40)} foto diseleksi untuk arsip.",
            "Foto diambil dengan telepon genggam dinas.",
            f"Laporan kegiatan diserahkan kepada Kasi pada hari ke-{rng.randint(1, 5)} setelah kegiatan.",
        ],
    }
    general = [
        f"Cuaca {rng.choice(('cerah', 'hujan ringan', 'berawan', 'hujan deras sore hari'))}.",
        f"Tindak lanjut: {rng.choice(_FOLLOW)}.",
        f"Jarak tempuh dari kantor sekitar {rng.randint(3, 45)} km.",
    ]
    return _sentences(rng, by_step.get(step, []) + general, 1, 4)


def reason_not_valid(rng: random.Random) -> str:
    """Why step 2 sent the data back to step 1."""
    return rng.choice(
        (
            f"Data {rng.randint(2, 9)} keluarga tidak sesuai dengan {rng.choice(_SOURCES)}; perlu pendataan ulang.",
            f"Jumlah sasaran berbeda {rng.randint(3, 20)} keluarga dengan rekap kecamatan.",
            f"Alamat sebagian sasaran di {rng.randint(2, 5)} RW belum dapat diverifikasi.",
            "Data belum memuat indikator kerawanan yang disyaratkan.",
        )
    )


def reason_valid(rng: random.Random) -> str:
    return rng.choice(
        (
            "Data sesuai dengan hasil kunjungan lapangan.",
            f"Data valid setelah diperiksa dengan {rng.choice(_SOURCES)}.",
            f"Seluruh {rng.randint(5, 60)} keluarga sasaran terverifikasi.",
        )
    )


def caption(rng: random.Random, desa: str) -> str:
    """A photo's caption (public)."""
    return rng.choice(
        (
            f"Pembinaan ketahanan keluarga di {rng.choice(_PLACES)} Desa {desa}",
            f"Penyampaian materi {rng.choice(_TOPICS)}",
            f"Diskusi kelompok peserta tentang {rng.choice(_ISSUES)}",
            f"Peserta pembinaan di Desa {desa} mengisi daftar hadir",
            f"Sesi tanya jawab bersama {rng.choice(_GROUPS)}",
        )
    )


def first_page(rng: random.Random, desa: str) -> list[str]:
    """The body of a scan's first page, under its letterhead and title."""
    lines = [f"Lokasi: Desa {desa}", ""]
    while len(lines) < rng.randint(8, 14):
        lines.append(catatan(rng, rng.randint(1, 7), desa))
    return lines


def continuation_lines(rng: random.Random) -> list[str]:
    """A full page of office text (about 25-35 lines) for a scan's further pages."""
    desa = rng.choice(("Cibening", "Pasawahan", "Sukatani", "Plered", "Wanayasa", "Cibatu", "Bungursari"))
    lines = [f"Lanjutan - {rng.choice(_TOPICS)}", ""]
    while len(lines) < rng.randint(22, 32):
        lines.append(catatan(rng, rng.randint(1, 7), desa))
    return lines
