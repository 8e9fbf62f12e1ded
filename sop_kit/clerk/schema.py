"""JSON Schemas of the record files, for editors that validate YAML while the clerk types.

The schemas live in ``schema/`` beside ``records/`` (the archive repository's top), and every
scaffolded file opens with a ``yaml-language-server`` comment pointing there by a relative
path, so VS Code's YAML extension finds them with no settings and no network.

They are generated from the pydantic models, so they can never say less than the check, and
written as JSON Schema draft-07: the draft the YAML extension implements (it warns on newer
ones, and ignores keywords beside a ``$ref``). What a clerk reads on hover is Indonesian and
lives in :data:`KETERANGAN` below, keyed by model and field; the models keep their English
descriptions for developers. A test fails when a field has no Indonesian description.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

SCHEMA_DIR = "schema"
Kind = Literal["kasus", "langkah", "staf", "sop", "konfigurasi", "nomor"]
SCHEMA_FILES: dict[Kind, str] = {
    "kasus": "kasus.schema.json",
    "langkah": "langkah.schema.json",
    "staf": "staf.schema.json",
    "sop": "sop.schema.json",
    "konfigurasi": "konfigurasi.schema.json",
    "nomor": "nomor.schema.json",
}

DRAFT = "http://json-schema.org/draft-07/schema#"
PERSONAL_NOTE = " Data pribadi: tidak pernah diterbitkan."

TITLES: dict[Kind, str] = {
    "kasus": "kasus.yaml — identitas satu kasus pembinaan",
    "langkah": "langkah/NN-….yaml — catatan satu langkah SOP pada satu putaran",
    "staf": "staf.yaml — daftar staf: siapa memegang peran SOP apa, dan kapan",
    "sop": "sop/*.yaml — satu revisi SOP dalam format SOP AP",
    "konfigurasi": "sop-kit.yaml — pengaturan arsip",
    "nomor": "nomor/TAHUN.yaml — register nomor surat satu tahun",
}

# Hover texts in Bahasa Indonesia: model name -> {"": the model, field: the field}.
KETERANGAN: dict[str, dict[str, str]] = {
    "Kasus": {
        "": "Identitas satu kasus pembinaan ketahanan keluarga (kasus.yaml di folder kasus).",
        "format": "Versi format berkas. Tulis persis: sop-kit/kasus/1",
        "id": "Nomor kasus TTTT-BB-desa-xxxx, sama dengan nama foldernya; 4 huruf acak di akhir "
        "mencegah dua petugas membuat nomor yang sama. Dibuat oleh sop-kit new.",
        "sop": "SOP yang diikuti kasus ini, dan revisinya.",
        "judul": "Judul singkat kasus.",
        "lokasi": "Kecamatan dan desa/kelurahan tempat pembinaan.",
        "periode": "Tanggal mulai dan (bila sudah selesai) tanggal selesai kasus.",
        "dibuat_oleh": "ID staf (dari staf.yaml) yang membuka kasus.",
        "ringkasan": "Ringkasan kasus untuk halaman audit. Jangan menulis data pribadi di sini.",
        "kontak": "Pejabat setempat yang dihubungi (Kepala Desa, Camat).",
        "sasaran": "Keluarga sasaran pembinaan.",
        "dihentikan": "Hanya bila kasus dibatalkan atau ditutup sebelum selesai: kapan, oleh siapa, mengapa "
        "(ditulis oleh sop-kit hentikan).",
    },
    "Penghentian": {
        "": "Kasus dibatalkan (batal) atau ditutup sebelum selesai (ditutup); kasus tetap di arsip.",
        "status": "batal: dibatalkan sebelum pembinaan; ditutup: dihentikan di tengah jalan.",
        "tanggal": "Tanggal kasus dibatalkan atau ditutup, TTTT-BB-HH.",
        "oleh": "ID staf (dari staf.yaml) yang memutuskannya.",
        "alasan": "Alasannya (wajib). PUBLIK: jangan menulis nama atau NIK keluarga.",
    },
    "SopRef": {
        "": "SOP yang diikuti kasus, dan revisinya.",
        "nomor": "Nomor SOP, persis seperti di berkas sop/*.yaml (mis. 61.1.D.049/I/2020).",
        "revisi": "Nomor revisi SOP; 0 = naskah asli. Kosongkan: revisi yang berlaku pada periode.mulai.",
    },
    "Lokasi": {
        "": "Tempat pembinaan, menurut daftar wilayah resmi Kemendagri.",
        "kecamatan": "Nama kecamatan (mis. Campaka).",
        "desa": "Nama desa atau kelurahan (mis. Campakasari).",
        "kode": "Kode wilayah Kemendagri desa/kelurahan (mis. 32.14.05.2001).",
    },
    "Periode": {
        "": "Kapan kasus berjalan.",
        "mulai": "Tanggal mulai, TTTT-BB-HH.",
        "sampai": "Tanggal selesai, TTTT-BB-HH; kosongkan selama kasus masih berjalan.",
    },
    "KeluargaSasaran": {
        "": "Keluarga yang menjadi sasaran pembinaan.",
        "kepala_keluarga": "Nama kepala keluarga.",
        "nomor_kk": "Nomor Kartu Keluarga, 16 angka.",
        "nik": "NIK kepala keluarga, 16 angka.",
        "telepon": "Nomor telepon, diawali 0 atau +62.",
        "alamat": "Alamat keluarga.",
        "kerawanan": "Mengapa keluarga ini rawan.",
        "anggota": "Anggota keluarga.",
    },
    "AnggotaKeluarga": {
        "": "Satu anggota keluarga sasaran.",
        "nama": "Nama anggota keluarga.",
        "hubungan": "Hubungan dalam keluarga.",
        "nik": "NIK, 16 angka.",
        "tanggal_lahir": "Tanggal lahir, TTTT-BB-HH.",
    },
    "Kontak": {
        "": "Pejabat setempat yang dihubungi; nama dan jabatan boleh terbit, teleponnya tidak.",
        "nama": "Nama pejabat.",
        "jabatan": "Jabatan (mis. Kepala Desa Campakasari).",
        "telepon": "Nomor telepon, diawali 0 atau +62.",
    },
    "CatatanLangkah": {
        "": "Apa yang terjadi pada satu langkah SOP dalam satu putaran (berkas langkah/NN-….yaml).",
        "format": "Versi format berkas. Tulis persis: sop-kit/langkah/1",
        "langkah": "Nomor langkah pada bagan alir SOP.",
        "putaran": "Putaran ke berapa: keputusan 'tidak' memulai putaran berikutnya dari langkah 1.",
        "status": "belum, berjalan, atau selesai.",
        "pelaksana": "ID staf (dari staf.yaml) yang mengerjakan langkah ini.",
        "mulai": "Waktu mulai, TTTT-BB-HH JJ:MM (waktu setempat).",
        "selesai": "Waktu selesai, TTTT-BB-HH JJ:MM (waktu setempat).",
        "disetujui": "Kapan pelaksana tercatat menyetujui langkah yang di-commit orang lain (sop-kit step --setujui).",
        "keputusan": "Untuk langkah keputusan: ya (data valid) atau tidak (kembali).",
        "alasan": "Alasan keputusan.",
        "alasan_waktu": "Mengapa langkah ini lebih lama dari waktu baku SOP.",
        "nomor_surat": "Nomor surat atau SK yang dihasilkan langkah ini.",
        "catatan": "Catatan petugas.",
        "dokumen": "Berkas yang dilampirkan: pindaian, surat, foto.",
        "koreksi": "Koreksi setelah langkah selesai (ditulis oleh sop-kit step --koreksi), yang lama dahulu.",
    },
    "Koreksi": {
        "": "Satu koreksi catatan langkah yang sudah selesai; berlaku setelah disetujui ulang pemegang perannya.",
        "waktu": "Kapan koreksi dibuat, TTTT-BB-HH JJ:MM.",
        "alasan": "Apa yang dikoreksi dan mengapa. PUBLIK: tanpa data pribadi.",
        "disetujui": "Kapan pemegang peran menyetujuinya ulang (sop-kit step --setujui).",
    },
    "Berkas": {
        "": "Satu berkas lampiran langkah: pindaian, surat, atau foto.",
        "jenis": "Jenis dokumen, salah satu ID jenis_dokumen di SOP (mis. surat-keputusan).",
        "berkas": "Letak berkas di dalam folder kasus (mis. lampiran/sk.pdf).",
        "sha256": "Sidik SHA-256 isi berkas; diisi oleh sop-kit step.",
        "judul": "Judul dokumen.",
        "keterangan": "Keterangan (untuk foto).",
        "pribadi": "true bila memuat data pribadi (daftar hadir, salinan KK): tidak pernah diterbitkan. "
        "Kosongkan: mengikuti jenis dokumennya.",
        "bersama": "ID kasus lain yang juga dicatat oleh berkas ini: satu kegiatan yang diadakan bersama (mis. "
        "pembinaan dua desa sekaligus). Berlaku bila setiap kasus itu juga menyebut kasus ini.",
    },
    "Registri": {
        "": "Daftar staf instansi dan peran SOP mereka. Hanya admin staf yang boleh mengubahnya.",
        "format": "Versi format berkas. Tulis persis: sop-kit/staf/1",
        "instansi": "Nama instansi.",
        "catatan": "Catatan tentang daftar ini.",
        "staf": "Para staf, satu entri per orang.",
    },
    "Staf": {
        "": "Satu orang staf.",
        "id": "ID singkat, huruf kecil dan tanda hubung (mis. siti-nurhaliza); dipakai di kasus dan langkah.",
        "nama": "Nama lengkap dengan gelar.",
        "nip": "NIP, 18 angka; boleh ditulis dengan spasi seperti tercetak (19650612 198703 1 007).",
        "email": "Alamat surel dinas.",
        "kunci_ssh": "Kunci publik SSH yang dipakai menandatangani commit (ssh-ed25519 …).",
        "fiktif": "true untuk orang karangan (data demo).",
        "penugasan": "Riwayat jabatan: jabatan dan peran SOP, dari tanggal sampai tanggal.",
    },
    "Penugasan": {
        "": "Satu masa jabatan: jabatan dan peran SOP yang dibawanya, dari/sampai.",
        "jabatan": "Nama jabatan.",
        "peran": "ID peran SOP (pelaksana, kasi-pkk, kabid, …).",
        "mulai": "Hari pertama menjabat, TTTT-BB-HH.",
        "sampai": "Hari terakhir menjabat, TTTT-BB-HH; kosongkan selama masih menjabat.",
        "admin_staf": "true bila boleh mengubah daftar staf ini (Kepala Dinas, Kasubag Umum).",
    },
    "Sop": {
        "": "Satu revisi SOP dalam format SOP Administrasi Pemerintahan.",
        "format": "Versi format berkas. Tulis persis: sop-kit/sop/1",
        "contoh": "true untuk SOP contoh yang dibuat untuk demo, bukan SOP resmi.",
        "unit": "Unit kerja pemilik SOP.",
        "nomor": "Nomor SOP (mis. 61.1.D.049/I/2020).",
        "revisi": "Nomor revisi; 0 = naskah asli ('Tgl Revisi: -').",
        "tanggal_pembuatan": "Bulan pembuatan, TTTT-BB.",
        "tanggal_revisi": "Bulan revisi, TTTT-BB; kosongkan untuk naskah asli.",
        "tanggal_efektif": "Bulan mulai berlaku, TTTT-BB.",
        "disahkan_oleh": "Pejabat yang mengesahkan SOP.",
        "nama": "Nama SOP.",
        "dasar_hukum": "Dasar hukum.",
        "kualifikasi_pelaksana": "Kualifikasi pelaksana.",
        "keterkaitan": "Keterkaitan dengan SOP lain.",
        "peralatan": "Peralatan/perlengkapan.",
        "peringatan": "Peringatan.",
        "pencatatan": "Pencatatan dan pendataan.",
        "peran": "Peran pelaksana: satu lajur bagan alir per peran.",
        "jenis_dokumen": "Jenis dokumen yang diwajibkan langkah-langkah SOP.",
        "foto_wajib": "Jenis dokumen yang harus ada minimal satu pada kasus yang selesai ('Harus ada … Foto').",
        "langkah": "Langkah-langkah bagan alir, berurutan dari 1.",
        "surat": "Dokumen yang dibuat sop-kit untuk kasus SOP ini dari templat: langkahnya, kapan dibuat, "
        "jenis nomornya.",
        "retensi": "Jadwal retensi arsip (JRA) kasus SOP ini; kosong: JRA di profil kantor.",
        "sumber": "Dari mana naskah SOP diambil.",
    },
    "Unit": {
        "": "Unit kerja pemilik SOP.",
        "pemerintah": "Pemerintah daerah (mis. Pemerintah Kabupaten Purwakarta).",
        "instansi": "Nama instansi.",
        "bidang": "Bidang.",
        "seksi": "Seksi.",
    },
    "Pengesah": {
        "": "Pejabat yang mengesahkan SOP (Disahkan oleh).",
        "jabatan": "Jabatan pengesah.",
        "nama": "Nama pengesah dengan gelar.",
        "nip": "NIP pengesah, 18 angka.",
    },
    "Peran": {
        "": "Satu peran pelaksana: satu lajur bagan alir.",
        "id": "ID peran, huruf kecil dan tanda hubung (mis. kasi-pkk); dipakai di staf.yaml.",
        "nama": "Nama peran.",
        "singkatan": "Singkatan di bagan alir.",
        "nama_di_sumber": "Ejaan peran di naskah sumber.",
    },
    "JenisDokumen": {
        "": "Satu jenis dokumen yang diwajibkan langkah, dengan format berkas yang diterima.",
        "id": "ID jenis dokumen, huruf kecil dan tanda hubung (mis. surat-keputusan).",
        "nama": "Nama jenis dokumen.",
        "format": "Format berkas yang diterima (pdf, jpeg, png, …), dikenali dari isinya.",
        "pribadi": "true bila dokumen jenis ini selalu memuat data pribadi (daftar hadir, salinan KK).",
    },
    "Langkah": {
        "": "Satu baris tabel bagan alir SOP.",
        "no": 'Nomor langkah. Kuncinya ditulis "no" (bertanda kutip): pembaca YAML 1.1 membaca no tanpa kutip '
        "sebagai false.",
        "kegiatan": "Uraian kegiatan.",
        "pelaksana": "ID peran yang bertanggung jawab.",
        "kelengkapan": "Mutu baku: kelengkapan, seperti tercetak.",
        "dokumen_wajib": "ID jenis dokumen yang wajib dilampirkan.",
        "minimal_berkas": "Jumlah berkas minimal per jenis dokumen wajib.",
        "sarana": "Sarana/peralatan; tidak diperiksa sebagai berkas.",
        "waktu_menit": "Waktu baku dalam menit.",
        "waktu_teks": "Waktu baku seperti tercetak.",
        "waktu_fleksibel": "true untuk 'waktu disesuaikan': kelebihan waktu hanya dicatat.",
        "output": "Mutu baku: output.",
        "keterangan": "Keterangan.",
        "setelah": "Langkah yang harus selesai lebih dulu; bawaan: langkah sebelumnya.",
        "keputusan": "Untuk langkah keputusan (belah ketupat): ke mana setiap jawaban mengarah.",
    },
    "Keputusan": {
        "": "Langkah keputusan (belah ketupat): ke mana setiap jawaban mengarah.",
        "pertanyaan": "Pertanyaan yang diputuskan.",
        "ya": "Nomor langkah berikutnya bila 'Ya' (valid).",
        "tidak": "Nomor langkah bila 'Tidak'; putaran baru dimulai di sana.",
        "label_ya": "Tulisan jawaban 'Ya' di bagan alir.",
        "label_tidak": "Tulisan jawaban 'Tidak' di bagan alir.",
    },
    "Konfigurasi": {
        "": "Pengaturan arsip (sop-kit.yaml di samping folder records/).",
        "format": "Versi format berkas. Tulis persis: sop-kit/konfigurasi/1",
        "tanda_tangan": "wajib: persetujuan tanpa tanda tangan yang sah adalah galat; laporkan: hanya dicatat.",
        "akar_kepercayaan": "SHA-256 dari staf.yaml pertama (akar kepercayaan jejak persetujuan).",
        "jam_kerja": "Jam kerja kantor: waktu SOP dihitung dalam menit kerja. Bawaan: Keppres 68/1995.",
        "kantor": "Profil kantor: kop surat, alamat, kontak, lambang, penandatangan, JRA. Hanya berlaku dari "
        "commit bertanda tangan admin_arsip.",
    },
    "JamKerja": {
        "": 'Jam kerja per hari ("JJ:MM-JJ:MM", istirahat tidak ditulis) dan hari libur kantor.',
        "senin": "Jam kerja Senin; bawaan 07:30-12:00 dan 13:00-16:00.",
        "selasa": "Jam kerja Selasa; bawaan 07:30-12:00 dan 13:00-16:00.",
        "rabu": "Jam kerja Rabu; bawaan 07:30-12:00 dan 13:00-16:00.",
        "kamis": "Jam kerja Kamis; bawaan 07:30-12:00 dan 13:00-16:00.",
        "jumat": "Jam kerja Jumat; bawaan 07:30-11:30 dan 13:00-16:30.",
        "sabtu": "Jam kerja Sabtu; bawaan libur.",
        "minggu": "Jam kerja Minggu; bawaan libur.",
        "libur_nasional": "true: hari libur nasional dan cuti bersama tidak dihitung (bawaan).",
        "libur_kantor": "Hari libur kantor sendiri, TTTT-BB-HH.",
    },
    "Kantor": {
        "": "Profil kantor yang dicetak di setiap surat, SK, dosir, dokumen SOP dan situs.",
        "pemerintah": "Pemerintah daerah, mis. Pemerintah Kabupaten Purwakarta.",
        "dinas": "Nama lengkap dinas, seperti di kop surat.",
        "bidang": "Bidang, bila perlu.",
        "alamat": "Alamat kantor (jalan, nomor, kota) seperti di kop surat.",
        "kota": "Kota tempat surat ditandatangani: Purwakarta, 4 Maret 2026.",
        "kode_pos": "Kode pos, 5 angka.",
        "telepon": "Telepon kantor (umum, bukan nomor pribadi).",
        "email": "Surel kantor.",
        "laman": "Laman kantor, diawali https://.",
        "lambang": "Lambang daerah: berkas PNG/JPEG di samping sop-kit.yaml dan sidik SHA-256-nya.",
        "penandatangan": "Penandatangan bawaan per peran: kepala-dinas, kepala-bidang, sekretaris …",
        "retensi": "Jadwal retensi arsip (JRA) kasus, bila SOP-nya tidak menyebut sendiri.",
        "fiktif": "true untuk kantor rekaan (arsip demo): surat menandainya.",
    },
    "Lambang": {
        "": "Lambang daerah di kop surat.",
        "berkas": "Letak berkas di samping sop-kit.yaml, mis. kantor/lambang.png (PNG atau JPEG).",
        "sha256": "SHA-256 berkas itu: hanya isi ini yang dicetak; berkas yang diganti tanpa mengubah ini ditolak.",
    },
    "Penandatangan": {
        "": "Penandatangan bawaan untuk satu peran.",
        "jabatan": "Jabatan seperti tercetak di surat.",
        "staf": "ID staf (staf.yaml); kosong: pemegang jabatan pada tanggal surat.",
    },
    "Retensi": {
        "": "Satu entri jadwal retensi arsip (JRA).",
        "aktif_tahun": "Tahun disimpan di kantor (aktif) setelah kasus selesai.",
        "inaktif_tahun": "Tahun disimpan di pusat arsip (inaktif) sesudahnya.",
        "nasib_akhir": "musnah: dimusnahkan dengan persetujuan pimpinan; permanen: diserahkan ke lembaga "
        "kearsipan daerah.",
        "kode_klasifikasi": "Kode klasifikasi arsip di JRA kantor.",
        "dasar": "Peraturan yang menetapkan JRA (Perbup/Perda, nomor, tahun).",
    },
    "Surat": {
        "": "Satu dokumen yang dibuat dari templat untuk kasus SOP ini.",
        "id": "Nama berkas PDF: <id>-<id kasus>.pdf.",
        "judul": "Nama dokumen, seperti di daftar unduhan.",
        "templat": "Berkas templat (folder templates/ arsip didahulukan), mis. sk.html.",
        "langkah": "Langkah yang mencatat nomor dan tanggal dokumen ini.",
        "setelah_langkah": "Dibuat setelah langkah ini selesai; kosong: selalu.",
        "keputusan_ya": "true: dibuat hanya setelah keputusan 'ya' yang persetujuannya sah.",
        "jenis_nomor": "Jenis surat di register nomor (records/nomor/) untuk nomornya.",
        "internal": "true: ada juga versi internal berisi data pribadi, tidak pernah diterbitkan.",
    },
    "Register": {
        "": "Register nomor surat satu tahun (Tata Naskah Dinas): jenis surat dan nomor yang dicadangkan.",
        "format": "Versi format berkas. Tulis persis: sop-kit/nomor/1",
        "tahun": "Tahun register, sama dengan nama berkasnya.",
        "jenis": "Jenis surat: pola nomor, kode klasifikasi, kode unit, deret.",
        "nomor": "Nomor yang dicadangkan, satu baris per nomor; tidak pernah dihapus (beri batal).",
    },
    "JenisSurat": {
        "": "Satu jenis surat dan cara menulis nomornya.",
        "nama": "Nama jenis surat.",
        "pola": "Pola nomor: {klasifikasi}/{urut}/{unit}/{tahun}; {bulan} = bulan dalam angka Romawi.",
        "klasifikasi": "Kode klasifikasi arsip, mis. 400.9.",
        "unit": "Kode unit pengolah, mis. DSP3A.",
        "deret": "Deret penghitung nomor urut; jenis dengan deret sama berbagi hitungan.",
        "lebar": "Jumlah angka nomor urut, diisi nol di depan (3: 007).",
    },
    "Nomor": {
        "": "Satu nomor yang dicadangkan.",
        "urut": "Nomor urut dalam deretnya.",
        "jenis": "Jenis surat (kunci di bagian jenis).",
        "nomor": "Nomor lengkap seperti tercetak di surat.",
        "tanggal": "Tanggal pencadangan/surat (TTTT-BB-HH).",
        "oleh": "ID staf yang mencadangkan.",
        "kasus": "ID kasus pemilik nomor.",
        "langkah": "Langkah kasus yang mencatat nomor ini (nomor_surat).",
        "perihal": "Perihal surat di luar kasus.",
        "batal": "Alasan nomor tidak dipakai: nomor tetap di register.",
    },
}


def schema_dir(records_root: Path) -> Path:
    return records_root.parent / SCHEMA_DIR


def schema_comment(file: Path, records_root: Path, kind: Kind) -> str:
    """``# yaml-language-server: $schema=<path>`` for ``file``, relative to where it lies."""
    target = schema_dir(records_root) / SCHEMA_FILES[kind]
    rel = os.path.relpath(target, file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}"


def _models() -> dict[Kind, Any]:
    # Imported here: the `new` command imports this module for schema_comment alone.
    from ..records.config import Konfigurasi
    from ..records.models import CatatanLangkah, Kasus, Registri, Sop
    from ..records.nomor import Register

    return {"kasus": Kasus, "langkah": CatatanLangkah, "staf": Registri, "sop": Sop, "konfigurasi": Konfigurasi,
            "nomor": Register}  # fmt: skip


def _personal(schema: Any) -> bool:
    if isinstance(schema, dict):
        return schema.get("x-pribadi") is True or any(_personal(v) for v in schema.values())
    return isinstance(schema, list) and any(_personal(v) for v in schema)


def _describe(obj: dict[str, Any]) -> None:
    """Indonesian descriptions on one object schema (pydantic titles it with the model's name)."""
    texts = KETERANGAN.get(obj.get("title", ""), {})
    if "" in texts:
        obj["description"] = texts[""]
    for name, prop in obj.get("properties", {}).items():
        prop.pop("title", None)  # pydantic's "Nomor Kk" adds nothing to the field's own name
        if name in texts:
            prop["description"] = texts[name] + (PERSONAL_NOTE if _personal(prop) else "")
        if "$ref" in prop and len(prop) > 1:
            # Draft-07 ignores a $ref's siblings; behind allOf the description still shows.
            prop["allOf"] = [{"$ref": prop.pop("$ref")}]


def schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind of file, as written to ``schema/``."""
    model = _models()[kind]
    raw: dict[str, Any] = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions: dict[str, Any] = raw.pop("$defs", {})
    for obj in (raw, *definitions.values()):
        _describe(obj)
    out = {"$schema": DRAFT, "$id": f"urn:sop-kit:schema:{kind}:1", **raw, "title": TITLES[kind]}
    if definitions:
        out["definitions"] = definitions
    return out


def schemas() -> dict[Kind, dict[str, Any]]:
    return {kind: schema(kind) for kind in SCHEMA_FILES}


def dumps(data: dict[str, Any]) -> str:
    """Deterministic text: sorted keys, real Indonesian characters, a final newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into ``out`` (created if missing); the paths written, in kind order."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, data in schemas().items():
        path = out / SCHEMA_FILES[kind]
        path.write_text(dumps(data), "utf-8")
        written.append(path)
    return written
