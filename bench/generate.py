"""A synthetic archive of N realistic cases, for the benchmark.

    python -m bench.generate OUT --cases 10000

Cases are written by the same code as the demo archive (``sop_kit.demo.sample.write_case``),
so they have the demo's shape: an identity file with target families (personal data), one
record per step and round, a scanned PDF per mandated document and JPEG photos with EXIF.
The mix: about 75% complete, 10% sent back at step 2 and then completed, 10% stopped
part-way, 5% waiting for the decision; some steps run over their standard time. To keep
generation fast, the attachments are drawn once into a small pool and their bytes reused.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

from sop_kit.demo.sample import CaseSpec, FileSpec, Raw, StepSpec, photo_jpeg, scan_pdf, write_case
from sop_kit.records.archive import open_archive
from sop_kit.records.ids import new_case_id
from sop_kit.records.models import Kasus, KeluargaSasaran, Sop, Staf
from sop_kit.records.models.case import Lokasi, Periode, SopRef
from sop_kit.records.wilayah import purwakarta

REPO = Path(__file__).resolve().parent.parent
SOP_REF = ("61.1.D.049/I/2020", 0)
NAMES = ("Asep", "Dadan", "Ujang", "Cecep", "Euis", "Siti", "Neneng", "Iis", "Yeti", "Dede", "Lilis", "Entin")


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


def _families(rng: random.Random, kec: str) -> list[KeluargaSasaran]:
    out = []
    for _ in range(rng.randint(1, 3)):
        serial = rng.randint(9001, 9999)
        out.append(
            KeluargaSasaran(
                kepala_keluarga=f"{rng.choice(NAMES)} (fiktif)",
                nomor_kk=f"3214{kec}0101{rng.randint(15, 24)}{serial}",
                nik=f"3214{kec}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(70, 99)}{serial}",
                telepon=f"08{rng.randint(1000000000, 9999999999)}",
            )
        )
    return out


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


def generate(root: Path, cases: int, seed: int = 0) -> None:
    """Write an archive of ``cases`` cases at ``root`` (which must not exist)."""
    root.mkdir(parents=True)
    shutil.copytree(REPO / "records" / "sop", root / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", root / "staf.yaml")
    archive = open_archive(root)
    sop = archive.sops[SOP_REF]
    pdfs, jpegs = _pool()
    rng = random.Random(seed)
    made = 0
    while made < cases:
        spec = _case(rng, sop, archive.staff, pdfs, jpegs)
        try:
            write_case(root / "kasus", spec, sop, archive.staff)
        except FileExistsError:
            continue  # the same id drawn twice: draw another case
        made += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.cases, args.seed)


if __name__ == "__main__":
    main()
