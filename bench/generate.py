"""A synthetic archive of N cases of realistic size, for the benchmarks.

    python -m bench.generate OUT --cases 1000 [--photos-per-case 1-3] [--scan-pages 1-4] [--scale 1]

Cases are written by the same code as the demo archive (``sop_kit.demo.sample.write_case``),
so they have the demo's shape: an identity file with target families (personal data), one
record per step and round, a scanned PDF per mandated document and phone photos with EXIF.
The mix: about 75% complete, 10% sent back at step 2 and then completed, 10% stopped
part-way, 5% waiting for the decision; some steps run over their standard time.

Attachments are what an office really keeps (``bench/synth.py``): 12-megapixel phone JPEGs
of 2-4 MB with EXIF (DateTimeOriginal within the step's dates, GPS on most, a fifth shot
upright and stored sideways), and grey-scale scans of 1-4 A4 pages at 150 dpi, 200 KB - 2 MB.
Records carry free text (``bench/notes.py``): a summary per case, notes per step, reasons
for decisions, captions. Every file has its own seed, so no two are alike; the same seed
gives the same bytes.

That is about 10 MB a case. ``--photos-per-case``, ``--scan-pages`` and ``--scale`` (the
linear size of photos and pages) make smaller archives for a disk that cannot hold the real
thing. Cases are written on all cores, each into a scratch folder first and then renamed
into place, so an interrupted run resumes where it stopped: run the same command again.
The parameters, and once complete the disk use and the time taken, are kept in
``<OUT>.generate.json`` beside the archive.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time as clock
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, time, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

from bench import notes
from bench.synth import phone_photo, scanned_pdf
from sop_kit.demo.sample import CaseSpec, FileSpec, Raw, StepSpec, photo_jpeg, scan_pdf, write_case
from sop_kit.records.archive import open_archive
from sop_kit.records.ids import new_case_id
from sop_kit.records.models import Kasus, KeluargaSasaran, Sop, Staf
from sop_kit.records.models.case import Lokasi, Periode, SopRef
from sop_kit.records.wilayah import purwakarta

REPO = Path(__file__).resolve().parent.parent
SOP_REF = ("61.1.D.049/I/2020", 0)
NAMES = ("Asep", "Dadan", "Ujang", "Cecep", "Euis", "Siti", "Neneng", "Iis", "Yeti", "Dede", "Lilis", "Entin")
KOP = [
    "PEMERINTAH KABUPATEN PURWAKARTA",
    "DINAS SOSIAL, PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
    "Jl. Veteran No. 1 Purwakarta (data fiktif untuk benchmark)",
]
SIGNER = ["Kepala Seksi Peningkatan Kualitas Keluarga", "(ttd)"]


# --- the small archive of the trail benchmark -------------------------------------------
# bench/trail_generate.py builds its history on these: a few tiny attachments drawn once
# and reused. Kept as they were, so that its repository stays the same for the same seed.


def _pool() -> tuple[list[bytes], list[bytes]]:
    """A few real scans and photos, drawn once."""
    with tempfile.TemporaryDirectory() as tmp:
        pdfs, jpegs = [], []
        for i in range(6):
            path = Path(tmp) / f"{i}.pdf"
            scan_pdf(path, f"Dokumen contoh {i}", [f"Baris isi dokumen {i}.", "Data fiktif untuk benchmark."], i)
            pdfs.append(path.read_bytes())
        for i in range(4):
            path = Path(tmp) / f"{i}.jpg"
            photo_jpeg(path, datetime(2025, 5, 1, 9, i), (-6.55, 107.44), f"Foto contoh {i}", i)
            jpegs.append(path.read_bytes())
    return pdfs, jpegs


def _holders(staff: dict[str, Staf], role: str, day: date) -> list[str]:
    return sorted(s.id for s in staff.values() if role in s.roles_on(day))


def _families(rng: random.Random, kec: str, realistic: bool = False) -> list[KeluargaSasaran]:
    """Fictional target families; ``realistic``: up to four, with full names, address and the
    reason in free text (the records a real office writes)."""
    out = []
    for _ in range(rng.randint(1, 4 if realistic else 3)):
        serial = rng.randint(9001, 9999)
        name = f"{rng.choice(NAMES)} {rng.choice(NAMES)}" if realistic else rng.choice(NAMES)
        out.append(
            KeluargaSasaran(
                kepala_keluarga=f"{name} (fiktif)",
                nomor_kk=f"3214{kec}0101{rng.randint(15, 24)}{serial}",
                nik=f"3214{kec}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(70, 99)}{serial}",
                telepon=f"08{rng.randint(1000000000, 9999999999)}",
                **(_household(rng) if realistic else {}),
            )
        )
    return out


def _household(rng: random.Random) -> dict[str, str]:
    return {
        "alamat": f"Kampung fiktif {rng.randint(1, 999)} RT {rng.randint(1, 12):02d}/RW {rng.randint(1, 9):02d}",
        "kerawanan": f"Keluarga fiktif nomor {rng.getrandbits(32):08x}: {notes.reason_not_valid(rng)}",
    }


def _case(rng: random.Random, sop: Sop, staff: dict[str, Staf], pdfs: list[bytes], jpegs: list[bytes]) -> CaseSpec:
    reg = purwakarta()
    kec = rng.choice(sorted(reg.kecamatan.values(), key=lambda w: w.kode))
    desa = rng.choice(sorted(reg.desa[kec.kode].values(), key=lambda w: w.kode))
    start = date(rng.choice((2024, 2025, 2026)), rng.randint(1, 12), rng.randint(1, 20))
    fate = rng.random()
    sent_back = 0.75 <= fate < 0.85
    stop_at = rng.randint(2, 7) if 0.85 <= fate < 0.95 else (2 if fate >= 0.95 else 8)
    plan = [(no, 1) for no in (1, 2)] + ([(1, 2), (2, 2)] if sent_back else [])
    plan += [(no, 2 if sent_back else 1) for no in range(3, 8)]
    steps, moment = [], datetime.combine(start, time(8, 0))
    for no, putaran in plan:
        spec = sop.step(no)
        status: Literal["berjalan", "selesai"] = "berjalan" if no == stop_at else "selesai"
        if no > stop_at:
            break
        role = spec.pelaksana[rng.randrange(len(spec.pelaksana))]
        who = rng.choice(_holders(staff, role, moment.date()))
        overrun = rng.random() < 0.05
        minutes = max(5, int(spec.waktu_menit * (rng.uniform(1.05, 1.6) if overrun else rng.uniform(0.6, 1.0))))
        end = moment + timedelta(minutes=minutes)
        files = [
            FileSpec(kind, f"{no:02d}-{kind}-{putaran}.pdf", Raw(rng.choice(pdfs)))
            for kind in spec.dokumen_wajib
            if kind not in sop.foto_wajib
        ]
        if set(spec.dokumen_wajib) & set(sop.foto_wajib):
            files += [FileSpec("foto", f"07-foto-{i}.jpg", Raw(rng.choice(jpegs))) for i in range(rng.randint(1, 3))]
        decision: Literal["ya", "tidak"] | None = None
        if spec.keputusan:
            decision = "tidak" if sent_back and putaran == 1 else "ya"
        done = status == "selesai"
        steps.append(
            StepSpec(no, status, putaran, who, moment, end if done else None, decision if done else None, files=files)
        )
        if not done:
            break
        moment = max(end, datetime.combine(end.date() + timedelta(days=rng.randint(0, 3)), time(8 + rng.randint(0, 4))))
    kasus = Kasus(
        format="sop-kit/kasus/1",
        id=new_case_id(start, desa.nama, rng),
        sop=SopRef(nomor=SOP_REF[0], revisi=SOP_REF[1]),
        judul=f"Pembinaan ketahanan keluarga {desa.nama} (sintetis)",
        lokasi=Lokasi(kecamatan=kec.nama, desa=desa.nama, kode=desa.kode),
        periode=Periode(mulai=start, sampai=moment.date() + timedelta(days=30)),
        dibuat_oleh=steps[0].pelaksana or "",
        sasaran=_families(rng, kec.kode[6:8]),
    )
    return CaseSpec(kasus, steps, header=["DATA FIKTIF — arsip sintetis untuk benchmark"])


# --- the realistic archive -----------------------------------------------------------------


@dataclass(frozen=True)
class Media:
    """How big the attachments are: photos per complete case, pages per scan (both
    inclusive ranges) and the linear scale of photos and pages (1: 4000 x 3000, 150 dpi)."""

    photos: tuple[int, int] = (1, 3)
    scan_pages: tuple[int, int] = (1, 4)
    scale: float = 1.0


@dataclass(frozen=True)
class Planned:
    """One attachment, made in a worker from its own seed."""

    jenis: str
    name: str
    seed: int
    title: str
    pages: int = 0  # a scan's page count; 0 for a photo
    taken: datetime | None = None
    gps: tuple[float, float] | None = None
    portrait: bool = False
    caption: str | None = None


@dataclass(frozen=True)
class Plan:
    spec: CaseSpec  # its steps' files are still empty
    files: tuple[tuple[Planned, ...], ...]  # per step


def _plan(rng: random.Random, sop: Sop, staff: dict[str, Staf], media: Media) -> Plan:
    """One case: its records (free text included) and its attachments still to be made."""
    reg = purwakarta()
    kec = rng.choice(sorted(reg.kecamatan.values(), key=lambda w: w.kode))
    desa = rng.choice(sorted(reg.desa[kec.kode].values(), key=lambda w: w.kode))
    start = date(rng.choice((2024, 2025, 2026)), rng.randint(1, 12), rng.randint(1, 20))
    fate = rng.random()
    sent_back = 0.75 <= fate < 0.85
    stop_at = rng.randint(2, 7) if 0.85 <= fate < 0.95 else (2 if fate >= 0.95 else 8)
    rounds = [(no, 1) for no in (1, 2)] + ([(1, 2), (2, 2)] if sent_back else [])
    rounds += [(no, 2 if sent_back else 1) for no in range(3, 8)]
    base_gps = (-6.55 + rng.uniform(-0.15, 0.15), 107.44 + rng.uniform(-0.15, 0.15))
    steps: list[StepSpec] = []
    files: list[tuple[Planned, ...]] = []
    moment = datetime.combine(start, time(8, 0))
    for no, putaran in rounds:
        if no > stop_at:
            break
        spec = sop.step(no)
        status: Literal["berjalan", "selesai"] = "berjalan" if no == stop_at else "selesai"
        role = spec.pelaksana[rng.randrange(len(spec.pelaksana))]
        who = rng.choice(_holders(staff, role, moment.date()))
        overrun = rng.random() < 0.05
        minutes = max(5, int(spec.waktu_menit * (rng.uniform(1.05, 1.6) if overrun else rng.uniform(0.6, 1.0))))
        end = moment + timedelta(minutes=minutes)
        planned = [
            Planned(
                kind,
                f"{no:02d}-{kind}-{putaran}.pdf",
                rng.getrandbits(63),
                f"{sop.kind(kind).nama} - Desa {desa.nama}",
                pages=rng.randint(*media.scan_pages),
            )
            for kind in spec.dokumen_wajib
            if kind not in sop.foto_wajib
        ]
        if set(spec.dokumen_wajib) & set(sop.foto_wajib):
            for i in range(rng.randint(*media.photos)):
                taken = moment + timedelta(seconds=rng.randint(0, max(0, minutes * 60 - 1)))
                gps = (base_gps[0] + rng.uniform(-0.002, 0.002), base_gps[1] + rng.uniform(-0.002, 0.002))
                planned.append(
                    Planned(
                        "foto",
                        f"07-foto-{i}.jpg",
                        rng.getrandbits(63),
                        "Foto kegiatan",
                        taken=taken,
                        gps=gps if rng.random() < 0.6 else None,
                        portrait=rng.random() < 0.2,
                        caption=notes.caption(rng, desa.nama),
                    )
                )
        decision: Literal["ya", "tidak"] | None = None
        reason = None
        if spec.keputusan:
            decision = "tidak" if sent_back and putaran == 1 else "ya"
            reason = notes.reason_not_valid(rng) if decision == "tidak" else notes.reason_valid(rng)
        done = status == "selesai"
        letter = f"400.9/{rng.randint(1, 999):03d}/DSP3A/{end.year}" if no in (3, 5) and done else None
        steps.append(
            StepSpec(
                no,
                status,
                putaran,
                who,
                moment,
                end if done else None,
                decision if done else None,
                alasan=reason if done else None,
                nomor_surat=letter,
                catatan=notes.catatan(rng, no, desa.nama) if rng.random() < 0.85 else None,
            )
        )
        files.append(tuple(planned))
        if not done:
            break
        moment = max(end, datetime.combine(end.date() + timedelta(days=rng.randint(0, 3)), time(8 + rng.randint(0, 4))))
    kasus = Kasus(
        format="sop-kit/kasus/1",
        id=new_case_id(start, desa.nama, rng),
        sop=SopRef(nomor=SOP_REF[0], revisi=SOP_REF[1]),
        judul=f"Pembinaan ketahanan keluarga {desa.nama} (sintetis)",
        ringkasan=notes.ringkasan(rng, desa.nama, kec.nama),
        lokasi=Lokasi(kecamatan=kec.nama, desa=desa.nama, kode=desa.kode),
        periode=Periode(mulai=start, sampai=moment.date() + timedelta(days=30)),
        dibuat_oleh=steps[0].pelaksana or "",
        sasaran=_families(rng, kec.kode[6:8], realistic=True),
    )
    return Plan(CaseSpec(kasus, steps, header=["DATA FIKTIF — arsip sintetis untuk benchmark"]), tuple(files))


def plans(root: Path, cases: int, seed: int, media: Media) -> Iterator[Plan]:
    """The archive's cases in order; the same for the same arguments (ids never repeat)."""
    archive = open_archive(root)
    sop, staff = archive.sops[SOP_REF], archive.staff
    rng = random.Random(seed)
    seen: set[str] = set()
    while len(seen) < cases:
        plan = _plan(rng, sop, staff, media)
        if plan.spec.kasus.id not in seen:  # the same id drawn twice: draw another case
            seen.add(plan.spec.kasus.id)
            yield plan


def _make(f: Planned, media: Media, desa: str) -> FileSpec:
    if f.pages:
        text = notes.first_page(random.Random(f.seed), desa)
        data = scanned_pdf(f.seed + 1, f.title, text, f.pages, KOP, SIGNER, datetime(2020, 1, 1, 7), media.scale)
        return FileSpec(f.jenis, f.name, Raw(data), judul=f.title)
    assert f.taken is not None
    data = phone_photo(f.seed, f.taken, f.gps, f.portrait, media.scale)
    return FileSpec(f.jenis, f.name, Raw(data), judul=f.title, keterangan=f.caption)


@dataclass
class _Context:
    root: Path
    scratch: Path
    sop: Sop
    staff: dict[str, Staf]
    media: Media


_context: _Context | None = None  # set before the workers fork


def _write(plan: Plan) -> int:
    """Write one case unless it is already in place; the bytes of its attachments."""
    ctx = _context
    assert ctx is not None
    kasus = plan.spec.kasus
    final = ctx.root / "kasus" / kasus.id[:4] / kasus.id
    if final.is_dir():
        return 0
    desa = kasus.lokasi.desa
    steps = [
        replace(step, files=[_make(f, ctx.media, desa) for f in planned])
        for step, planned in zip(plan.spec.steps, plan.files, strict=True)
    ]
    with tempfile.TemporaryDirectory(dir=ctx.scratch) as tmp:
        folder = write_case(Path(tmp), replace(plan.spec, steps=steps), ctx.sop, ctx.staff)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.rename(folder, final)  # in place whole, or not at all
    return sum(len(f.content.data) for s in steps for f in s.files if isinstance(f.content, Raw))


def manifest_path(root: Path) -> Path:
    return root.with_name(root.name + ".generate.json")


def disk_use(root: Path) -> int:
    """Bytes the archive takes on disk (allocated blocks, as du counts them)."""
    total = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            total += os.lstat(os.path.join(dirpath, name)).st_blocks * 512
    return total


def generate(
    root: Path, cases: int, seed: int = 0, media: Media | None = None, jobs: int = 0, log: bool = False
) -> dict[str, Any]:
    """Write (or finish writing) an archive of ``cases`` cases at ``root`` and return its
    manifest. A finished archive made with the same arguments is left as it is; one made
    with other arguments is refused."""
    media = media or Media()
    params = json.loads(json.dumps({"cases": cases, "seed": seed, "media": asdict(media), "format": 2}))
    mfile = manifest_path(root)
    manifest = json.loads(mfile.read_text("utf-8")) if mfile.is_file() else None
    if manifest is not None and manifest["params"] != params:
        raise SystemExit(f"{root} was generated with {manifest['params']}, not {params}: remove it first")
    if manifest is not None and manifest.get("complete"):
        return dict(manifest)
    if manifest is None and root.exists():
        raise SystemExit(f"{root} exists but was not made by bench.generate: remove it first")
    started = clock.perf_counter()
    spent = manifest.get("seconds", 0.0) if manifest else 0.0
    if manifest is None:
        root.mkdir(parents=True)
        shutil.copytree(REPO / "records" / "sop", root / "sop")
        shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
        mfile.write_text(json.dumps({"params": params, "complete": False}, indent=1), "utf-8")
    scratch = root.with_name(root.name + ".scratch")
    shutil.rmtree(scratch, ignore_errors=True)  # what an interrupted run left half-written
    scratch.mkdir()
    archive = open_archive(root)
    global _context
    _context = _Context(root, scratch, archive.sops[SOP_REF], dict(archive.staff), media)
    written = done = 0
    workers = jobs or os.cpu_count() or 1
    try:
        todo = plans(root, cases, seed, media)
        if workers == 1:
            results: Iterator[int] = map(_write, todo)
        else:
            pool = ProcessPoolExecutor(workers, mp_context=get_context("fork"))
            results = pool.map(_write, todo, chunksize=4)
        for size in results:
            written += size
            done += 1
            if log and done % 100 == 0:
                rate = done / (clock.perf_counter() - started)
                print(f"  {done}/{cases} cases, {written / 1e9:.2f} GB new, {rate:.1f} cases/s", file=sys.stderr)
        if workers != 1:
            pool.shutdown()
    finally:
        _context = None
        shutil.rmtree(scratch, ignore_errors=True)
    seconds = spent + clock.perf_counter() - started
    files = sum(len(names) for _, _, names in os.walk(root / "kasus"))
    manifest = {
        "params": params,
        "complete": True,
        "seconds": round(seconds, 1),
        "cores": workers,
        "files": files,
        "disk_bytes": disk_use(root),
    }
    mfile.write_text(json.dumps(manifest, indent=1), "utf-8")
    return manifest


OUT = Path(__file__).resolve().parent / "out"
IGNORED = "# attachments stay out of git: a second copy of every photo and scan would double the disk\n*.pdf\n*.jpg\n"


def archive_dir(cases: int, media: Media) -> Path:
    """Where the benchmarks keep the archive of this size: ``bench/out/arsip-<cases>[-…]``."""
    name = f"arsip-{cases}"
    if media != Media():
        name += f"-foto{media.photos[0]}-{media.photos[1]}-hal{media.scan_pages[0]}-{media.scan_pages[1]}"
        name += f"-skala{media.scale:g}"
    return OUT / name


def ensure(cases: int, media: Media, log: bool = True) -> tuple[Path, dict[str, Any]]:
    """The benchmarks' archive of ``cases`` cases (seed = cases), made or finished now if
    need be, in a git repository of its own whose one commit holds the records (not the
    attachments, see IGNORED). Returns its records folder and its manifest."""
    repo = archive_dir(cases, media)
    root = repo / "records"
    manifest = generate(root, cases, seed=cases, media=media, log=log)
    if not (repo / ".git").is_dir():
        (repo / ".gitignore").write_text(IGNORED, "utf-8")
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@contoh.id", "-c", "commit.gpgsign=false"]
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "arsip sintetis"]):
            subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    return root, manifest


def _range(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    pair = (int(low), int(high or low))
    if pair[0] < 0 or pair[1] < pair[0]:
        raise argparse.ArgumentTypeError(f"{text}: expected N or MIN-MAX")
    return pair


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the archive's records folder (created)")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--photos-per-case", type=_range, default=(1, 3), help="N or MIN-MAX (default 1-3)")
    parser.add_argument("--scan-pages", type=_range, default=(1, 4), help="pages per scan, N or MIN-MAX (default 1-4)")
    parser.add_argument("--scale", type=float, default=1.0, help="linear size of photos and pages (default 1)")
    parser.add_argument("--jobs", type=int, default=0, help="processes (default: one per core)")
    args = parser.parse_args()
    media = Media(args.photos_per_case, args.scan_pages, args.scale)
    manifest = generate(args.out, args.cases, args.seed, media, args.jobs, log=True)
    print(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
