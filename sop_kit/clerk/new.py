"""``sop-kit new``: a case folder pre-filled with every record the SOP asks for.

Every file opens with the ``yaml-language-server`` comment (an editor validates it while the
clerk types) and explains each field in Bahasa Indonesia. The folder is written beside its
final place and renamed in one step, and it is read back through the same strict loader and
models as ``sop-kit check`` before it appears: a new case is never half-written or invalid.
"""

from __future__ import annotations

import difflib
import os
import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..check.privacy import refuse_personal
from ..core.errors import ConfigError, SopKitError
from ..records.archive import Archive, open_archive
from ..records.facts import facts_of
from ..records.fieldtypes import office_today
from ..records.ids import new_case_id, slug
from ..records.layout import CASE_FILE, CASES_DIR, STAFF_FILE, STEPS_DIR
from ..records.models import CatatanLangkah, Kasus, Sop
from ..records.models.sop import Langkah
from ..records.parse import parse_file
from ..records.wilayah import Register, Wilayah, purwakarta
from ..records.writelock import one_writer
from ..records.yamlwrite import scalar
from ..trail.gitlog import run, top_level
from .schema import schema_comment
from .steptext import step_file_stem, step_header

GUIDE = "docs/panduan-petugas.md"
_ATTEMPTS = 50  # fresh ids tried before giving up; each collides with odds of about 1 in a million


@dataclass(frozen=True)
class NewCase:
    """What the clerk asked for; names as typed, checked by :func:`create_case`."""

    kecamatan: str
    desa: str
    mulai: date
    oleh: str
    sampai: date | None = None
    judul: str | None = None
    sop: str | None = None  # SOP number; default: the archive's only SOP
    lagi: bool = False  # a case although the desa has one open under the SOP (a separate coaching)


@dataclass(frozen=True)
class Created:
    folder: Path
    kasus: Kasus
    sop: Sop
    files: list[Path]


def find_location(kecamatan: str, desa: str, register: Register | None = None) -> tuple[Wilayah, Wilayah]:
    """The kecamatan and desa from the official register, or an error naming the nearest names."""
    reg = register or purwakarta()
    kec = lookup_kecamatan(reg, kecamatan)
    if kec is None:
        raise ConfigError(
            "new.unknown_kecamatan", None, name=kecamatan, suggestions=_listing(reg.suggest_kecamatan(kecamatan))
        )
    found = lookup_desa(reg, kec, desa)
    if found is None:
        elsewhere = ", ".join(k.nama for k in reg.kecamatan_of_desa(desa)) or "-"
        raise ConfigError(
            "new.unknown_desa",
            None,
            name=desa,
            kecamatan=kec.nama,
            suggestions=_listing(reg.suggest_desa(kec, desa)),
            elsewhere=elsewhere,
        )
    return kec, found


def lookup_kecamatan(reg: Register, name: str) -> Wilayah | None:
    return reg.find_kecamatan(name) or _loosely(name, list(reg.kecamatan.values()))


def lookup_desa(reg: Register, kecamatan: Wilayah, name: str) -> Wilayah | None:
    return reg.find_desa(kecamatan, name) or _loosely(name, list(reg.desa[kecamatan.kode].values()))


def _loosely(name: str, places: list[Wilayah]) -> Wilayah | None:
    """'Pondok Salam' is Pondoksalam: typed spaces and hyphens aside, the one place that matches.
    The register's spelling is what gets written."""
    key = "".join(ch for ch in name.lower() if ch.isalnum())
    matches = [p for p in places if "".join(ch for ch in p.nama.lower() if ch.isalnum()) == key]
    return matches[0] if len(matches) == 1 else None


def _listing(names: list[str]) -> str:
    return ", ".join(names) if names else "-"


def choose_sop(archive: Archive, nomor: str | None, start: date) -> Sop:
    """The revision in force on ``start`` of SOP ``nomor`` (default: the archive's only SOP)."""
    numbers = sorted({n for n, _ in archive.sops})
    if nomor is None:
        if len(numbers) != 1:
            raise ConfigError("new.which_sop", None, known=_listing(numbers))
        nomor = numbers[0]
    revisions = [s for (n, _), s in archive.sops.items() if n == nomor]
    if not revisions:
        raise ConfigError("new.unknown_sop", None, nomor=nomor, known=_listing(numbers))
    in_force = archive.sop_for(nomor, start)  # the same rule the check judges the case by
    if in_force is None:
        first = min(revisions, key=lambda s: s.tanggal_efektif)
        raise ConfigError("new.sop_not_in_force", None, nomor=nomor, effective=first.tanggal_efektif, start=start)
    return in_force


def suggest_staff(archive: Archive, who: str) -> list[str]:
    """Staff ids close to what was typed: by id, by name, or by a part of either."""
    typed = who.strip().lower()
    by_name = {p.nama.lower(): p.id for p in archive.staff.values()}
    close = difflib.get_close_matches(typed, sorted(archive.staff), n=3, cutoff=0.5)
    close += [by_name[n] for n in difflib.get_close_matches(typed, sorted(by_name), n=2, cutoff=0.5)]
    words = [w for w in typed.replace("-", " ").split() if len(w) >= 3]
    close += [p.id for p in archive.staff.values() if any(w in p.id or w in p.nama.lower() for w in words)]
    return sorted(set(close))


def check_staff(archive: Archive, who: str) -> None:
    """``who`` must be in the staff registry; suggest the nearest ids or names otherwise."""
    if who in archive.staff:
        return
    shown = archive.show(archive.root / STAFF_FILE)
    if archive.in_force is not None and who in open_archive(archive.root).staff:
        raise ConfigError("new.staff_not_in_force", shown, who=who)  # the working copy names them
    if not archive.staff:  # a new office's registry: nobody to choose from yet
        raise ConfigError("new.no_staff", shown, who=who)
    near = suggest_staff(archive, who)
    if not near:
        raise ConfigError("new.unknown_staff_alone", shown, who=who)
    raise ConfigError("new.unknown_staff", shown, who=who, suggestions=_listing(near))


def taken_ids(archive: Archive, year: int) -> set[str]:
    """Case ids of ``year`` in the work tree and on every branch git knows, local or remote.

    The random tail already makes a collision unlikely; looking at every known branch makes
    it impossible with what has been fetched. (Cases on a branch never pushed anywhere stay
    out of sight; ``sop-kit check`` reports a duplicate id should two ever meet.)
    """
    taken = {p.name for p in archive.case_dirs()}
    top = top_level(archive.root)
    if top is None:
        return taken
    rel = os.path.relpath(archive.root / CASES_DIR / str(year), top).replace(os.sep, "/")
    refs = run(top, "for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes").stdout.split()
    for ref in refs:
        taken |= set(run(top, "ls-tree", "--name-only", f"{ref}:{rel}").stdout.split())
    return taken


def open_cases(archive: Archive, desa: Wilayah, sop: Sop) -> list[str]:
    """The desa's cases under ``sop`` not yet done, withdrawn or closed: a clerk who ran
    ``new`` twice (the first seemed to fail), or did not know a colleague had opened one. Read
    as the check reads them (their facts), so that ``new`` refuses what ``check`` would warn of
    (``case.open_twice``); only the folders whose id names the desa are read."""
    found = []
    for folder in archive.case_dirs():
        if f"-{slug(desa.nama)}-" not in folder.name:
            continue
        counted = facts_of(archive, archive.read_case(folder)).counted
        if counted is not None and counted.open and counted.desa == desa.kode and counted.sop[0] == sop.nomor:
            found.append(folder.name)
    return found


@one_writer
def create_case(
    archive: Archive, request: NewCase, rng: random.Random | None = None, today: date | None = None
) -> Created:
    """Write ``kasus/<year>/<id>/`` with kasus.yaml and one record per SOP step.

    ``rng`` is for reproducible tests only; clerks get ids from the system's randomness.
    ``today`` (default: the clock's) bounds the start: a case opens when its coaching does.
    """
    kec, desa = find_location(request.kecamatan, request.desa)
    check_staff(archive, request.oleh)
    today = today or office_today()
    if request.mulai > today:  # 2027 typed for 2026: the id and the year folder would carry it for good
        raise ConfigError("new.future", None, date=request.mulai.isoformat(), today=today.isoformat())
    if request.sampai is not None and request.sampai < request.mulai:
        raise ConfigError("new.period_order", None, start=request.mulai, end=request.sampai)
    sop = choose_sop(archive, request.sop, request.mulai)
    if not request.lagi and (open_ := open_cases(archive, desa, sop)):
        raise ConfigError("new.open_case", None, desa=desa.nama, cases=", ".join(open_), sop=sop.nomor)
    taken = taken_ids(archive, request.mulai.year)
    for _ in range(_ATTEMPTS):
        case_id = new_case_id(request.mulai, desa.nama, rng)
        if case_id not in taken:
            break
    else:
        raise ConfigError("new.no_free_id", None, desa=desa.nama)
    year_dir = archive.root / CASES_DIR / str(request.mulai.year)
    year_dir.mkdir(parents=True, exist_ok=True)
    if year_dir.is_symlink():
        raise ConfigError("new.symlink", archive.show(year_dir))
    folder = year_dir / case_id
    staging = Path(tempfile.mkdtemp(prefix=f".{case_id}.", dir=year_dir))
    try:
        texts = case_texts(archive, sop, request, kec, desa, case_id, folder)
        for rel, text in texts.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        kasus = _read_back(archive, staging, folder, texts)
        # A title is published: one holding a NIK or a phone number makes no case.
        refuse_personal(archive.read_case(staging), archive, "judul", "--judul")
        os.rename(staging, folder)  # fails rather than merge if the id appeared meanwhile
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Created(folder, kasus, sop, [folder / rel for rel in texts])


def _read_back(archive: Archive, staging: Path, folder: Path, texts: dict[str, str]) -> Kasus:
    """Parse what was written exactly as ``check`` will; a failure here is a bug, said plainly."""
    kasus: Kasus | None = None
    for rel in texts:
        model = Kasus if rel == CASE_FILE else CatatanLangkah
        parsed, _, findings = parse_file(staging / rel, archive.show(folder / rel), model)
        if parsed is None or findings:
            first = findings[0] if findings else None
            raise SopKitError("new.invalid_scaffold", archive.show(folder / rel), first.line if first else None)
        if isinstance(parsed, Kasus):
            kasus = parsed
    assert kasus is not None
    return kasus


def case_texts(
    archive: Archive, sop: Sop, request: NewCase, kec: Wilayah, desa: Wilayah, case_id: str, folder: Path
) -> dict[str, str]:
    """The files of a new case, by path inside its folder."""
    texts = {CASE_FILE: kasus_text(archive, sop, request, kec, desa, case_id, folder)}
    for step in sop.langkah:
        name = f"{STEPS_DIR}/{step_file_stem(step)}.yaml"
        texts[name] = step_text(archive, sop, step, case_id, folder / name)
    return texts


def default_title(sop: Sop, desa: Wilayah) -> str:
    """'Pembinaan Ketahanan Keluarga Desa Campakasari': the SOP's activity, without its office."""
    activity = sop.nama.split(" pada ")[0]  # SOP AP names read "<activity> pada <office>"
    return f"{activity} {'Kelurahan' if desa.jenis == 'kelurahan' else 'Desa'} {desa.nama}"


def kasus_text(
    archive: Archive, sop: Sop, request: NewCase, kec: Wilayah, desa: Wilayah, case_id: str, folder: Path
) -> str:
    title = request.judul or default_title(sop, desa)
    sampai = f"  sampai: {request.sampai.isoformat()}" if request.sampai else "  sampai:"
    return "\n".join(
        [
            schema_comment(folder / CASE_FILE, archive.root, "kasus"),
            f"# Identitas kasus ({CASE_FILE}, format sop-kit/kasus/1). Panduan: {GUIDE}",
            "# Dibuat dengan `sop-kit new`. Baris yang diawali # adalah penjelasan; biarkan saja.",
            "format: sop-kit/kasus/1",
            "# Nomor kasus, sama dengan nama folder. Jangan diubah.",
            f"id: {scalar(case_id)}",
            "# SOP yang diikuti: nomor dan revisi yang berlaku saat kasus dimulai.",
            "sop:",
            f"  nomor: {scalar(sop.nomor)}",
            f"  revisi: {sop.revisi}",
            "# Judul kasus. PUBLIK: tampil di situs audit, jadi jangan tulis nama keluarga atau NIK.",
            f"judul: {scalar(title)}",
            "# Lokasi menurut register Kemendagri; kode desa diperiksa oleh `sop-kit check`.",
            "lokasi:",
            f"  kecamatan: {scalar(kec.nama)}",
            f"  desa: {scalar(desa.nama)}",
            f"  kode: {scalar(desa.kode)}",
            "# Periode pembinaan (TTTT-BB-HH). Isi 'sampai' saat kasus ditutup.",
            "periode:",
            f"  mulai: {request.mulai.isoformat()}",
            sampai,
            "# Id staf yang membuat kasus ini (dari staf.yaml).",
            f"dibuat_oleh: {scalar(request.oleh)}",
            "# Ringkasan singkat keadaan di lokasi. PUBLIK: tanpa nama, NIK atau alamat keluarga.",
            "ringkasan:",
            "# Pejabat setempat (Kepala Desa, Camat, Ketua TP-PKK). Nomor telepon adalah data pribadi.",
            "# Contoh:",
            "#   - nama: Nama Kepala Desa",
            f"#     jabatan: Kepala Desa {desa.nama}",
            '#     telepon: "081234567890"',
            "kontak: []",
            "# DATA PRIBADI, tidak pernah dipublikasikan: keluarga sasaran yang lolos verifikasi (langkah 2).",
            "# NIK dan nomor KK 16 angka, ditulis dalam tanda kutip. Contoh:",
            "#   - kepala_keluarga: Nama Kepala Keluarga",
            '#     nomor_kk: "3214…"',
            '#     nik: "3214…"',
            '#     telepon: "08…"',
            "#     alamat: Kp. … RT 001/RW 002",
            "#     kerawanan: Alasan keluarga ini rawan",
            "#     anggota:",
            "#       - nama: Nama Anggota",
            "#         hubungan: istri        # kepala-keluarga | istri | suami | anak | orang-tua | lainnya",
            '#         nik: "3214…"',
            "#         tanggal_lahir: 1990-01-31",
            "sasaran: []",
            "",
        ]
    )


def step_text(archive: Archive, sop: Sop, step: Langkah, case_id: str, path: Path, putaran: int = 1) -> str:
    roles = " atau ".join(sop.role(r).nama for r in step.pelaksana)
    kinds = [sop.kind(k) for k in step.dokumen_wajib]
    lines = [
        schema_comment(path, archive.root, "langkah"),
        *(f"# {line}" for line in step_header(sop, step.no, putaran)),
        f"# Catat tanpa menyunting berkas ini: sop-kit step {case_id} {step.no} --help",
        "format: sop-kit/langkah/1",
        f"langkah: {step.no}",
        "# Putaran: 1, kecuali keputusan 'tidak' di langkah verifikasi mengulang langkah dari awal.",
        f"putaran: {putaran}",
        "# Status: belum | berjalan | selesai. 'selesai' mewajibkan pelaksana, mulai, selesai",
        "# dan dokumen wajib langkah ini.",
        "status: belum",
        f"# Id staf pelaksana dari staf.yaml; pada tanggal langkah ia harus menjabat: {roles}.",
        "pelaksana:",
        f"# Waktu mulai dan selesai, 'TTTT-BB-HH JJ:MM' (WIB). Standar waktu SOP: {step.waktu_menit} menit"
        + (" (waktu disesuaikan)." if step.waktu_fleksibel else "."),
        "mulai:",
        "selesai:",
    ]
    if step.keputusan is not None:
        k = step.keputusan
        lines += [
            f"# Keputusan: {k.pertanyaan} ya → langkah {k.ya}; tidak → kembali ke langkah {k.tidak}.",
            "keputusan:",
            "# Alasan keputusan; wajib dijelaskan bila 'tidak'.",
            "alasan:",
        ]
    lines += [
        "# Bila langkah melebihi standar waktu, tulis alasannya di sini.",
        "alasan_waktu:",
    ]
    lines += [
        "# Nomor surat atau SK yang dihasilkan langkah ini, bila ada.",
        "nomor_surat:",
        "# Catatan. PUBLIK: tanpa nama, NIK atau alamat keluarga sasaran.",
        "catatan:",
    ]
    if kinds:
        lines.append("# Dokumen wajib (minimal " + f"{step.minimal_berkas} berkas per jenis):")
        for kind in kinds:
            where = "foto/" if kind.id in sop.foto_wajib else "lampiran/"
            lines.append(
                f"#   jenis: {kind.id} — {kind.nama}; format {', '.join(kind.format)}; disimpan di {where}"
                + ("; DATA PRIBADI" if kind.pribadi else "")
            )
        lines.append(f"# Lampirkan dengan: sop-kit step {case_id} {step.no} --lampir BERKAS (hash dicatat otomatis).")
    else:
        lines.append("# Langkah ini tidak mewajibkan berkas.")
    lines += ["dokumen: []", ""]
    return "\n".join(lines)
