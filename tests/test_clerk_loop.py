"""The clerk's real path, through the sop-kit command only: a 'tidak' at the verification
sends the case back to step 1, the second round is decided 'ya', the case runs to its end,
and nothing of round 1 is lost (issue 14)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from sop_kit.records.fieldtypes import WIB
from sop_kit.records.yamlsafe import load_file

from .office import Office

CLERK, KASI, KABID, KADIS = "rizki-ramadhan", "siti-nurhaliza", "budi-santoso", "hendra-gunawan"
REASON = "Data KK belum lengkap untuk 3 keluarga"


def wib(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=WIB)


@pytest.fixture
def office(tmp_path: Path) -> Office:
    office = Office(tmp_path / "kantor")
    office.hire(KADIS, "Drs. Hendra Gunawan, M.Si.", "19700314 199503 1 002", "Kepala Dinas", "2021-01-04", admin=True)
    office.hire(KABID, "Budi Santoso, S.Sos.", "19750802 200212 1 004", "Kepala Bidang PPA", "2020-07-01", "kabid")
    office.hire(KASI, "Siti Nurhaliza, S.Psi.", "19800517 200604 2 008", "Kasi PKK", "2019-01-02", "kasi-pkk")
    office.hire(CLERK, "Rizki Ramadhan, S.Kom.", "19920115 201903 1 005", "Pengelola Data", "2019-03-01", "pelaksana")
    office.pin_trust_root()
    office.commit("arsip awal: SOP, staf, pengaturan", KADIS, wib("2026-01-02 08:00"))
    return office


def test_the_whole_loop_with_a_tidak_round(office: Office) -> None:
    records = str(office.records)
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    data1 = office.scan("rekap-data-rawan.pdf", "Rekap data rawan")
    out = office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00",
                      "--selesai", "2026-03-02 09:25", "--lampir", str(data1))  # fmt: skip
    assert "putaran 1" in out and "sesuai SOP" in out
    status = office.run("status", case, "--root", records)
    assert "Berikutnya: langkah 2" in status

    # Step 2, 'tidak': without a reason it is refused, and nothing changes.
    ba1 = office.scan("berita-acara-verifikasi.pdf", "Berita acara verifikasi")
    before = sorted(p.name for p in (office.records / "kasus").rglob("*"))
    out = office.step(case, 2, KASI, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "tidak", "--lampir", str(ba1), code=2)  # fmt: skip
    assert "perlu alasan" in out and "--alasan" in out
    assert sorted(p.name for p in (office.records / "kasus").rglob("*")) == before
    office.when = wib("2026-03-03 10:00")
    office.step(case, 2, KASI, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai", "2026-03-03 09:50",
                "--keputusan", "tidak", "--alasan", REASON, "--lampir", str(ba1))  # fmt: skip
    status = office.run("status", case, "--root", records)
    assert "keputusan langkah 2: tidak (kembali ke langkah 1)" in status and REASON in status
    assert "Berikutnya: langkah 1" in status and "(putaran 2)" in status  # the SOP's 'tidak' target, not step 3

    # Round 2: its own files; round 1's stay as they were.
    folder = next(office.records.glob(f"kasus/2026/{case}"))
    round1 = {p.name: p.read_bytes() for p in (folder / "langkah").glob("0[12]-*.yaml")}
    office.when = wib("2026-03-05 10:00")
    data2 = office.scan("rekap-data-rawan-lengkap.pdf", "Rekap data rawan (lengkap)")
    out = office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-05 09:00",
                      "--selesai", "2026-03-05 09:28", "--lampir", str(data2))  # fmt: skip
    assert "putaran 2" in out
    office.when = wib("2026-03-06 10:00")
    ba2 = office.scan("berita-acara-verifikasi-2.pdf", "Berita acara verifikasi ulang")
    office.step(case, 2, KASI, "--pelaksana", KASI, "--mulai", "2026-03-06 09:00", "--selesai", "2026-03-06 09:45",
                "--keputusan", "ya", "--alasan", "Data lengkap dan valid", "--lampir", str(ba2))  # fmt: skip
    assert {p.name: p.read_bytes() for p in (folder / "langkah").glob("0[12]-*.yaml") if p.name in round1} == round1
    status = office.run("status", case, "--root", records)
    assert "Berikutnya: langkah 3" in status

    # Steps 3-7: the pre-filled files move to the round that uses them; no error anywhere.
    docs = {
        3: ("sk-penetapan-lokasi.pdf", "SK penetapan lokasi", KASI, "2026-03-09"),
        4: ("rencana-pembinaan.pdf", "Rencana pembinaan", CLERK, "2026-03-10"),
        5: ("surat-koordinasi.pdf", "Surat koordinasi", KABID, "2026-03-11"),
    }
    for no, (name, title, who, day) in docs.items():
        office.when = wib(f"{day} 11:00")
        out = office.step(case, no, who, "--pelaksana", who, "--mulai", f"{day} 09:00", "--selesai",
                          f"{day} 09:20", "--lampir", str(office.scan(name, title)))  # fmt: skip
        assert "dipindah" in out and "putaran-2" in out, out
    office.when = wib("2026-03-12 16:00")
    office.step(case, 6, KABID, "--pelaksana", KABID, "--mulai", "2026-03-12 08:30", "--selesai", "2026-03-12 14:00")
    photos = [office.photo(f"foto-{i}.jpg", wib(f"2026-03-12 {9 + i:02d}:15")) for i in range(2)]
    office.when = wib("2026-03-13 10:00")
    office.step(case, 7, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-13 09:00", "--selesai", "2026-03-13 09:25",
                *[a for p in photos for a in ("--lampir", str(p))])  # fmt: skip
    names = sorted(p.name for p in (folder / "langkah").glob("*.yaml"))
    assert names == [
        "01-pengumpulan-data-putaran-2.yaml", "01-pengumpulan-data.yaml", "02-verifikasi-validasi-putaran-2.yaml",
        "02-verifikasi-validasi.yaml", "03-penetapan-lokasi-putaran-2.yaml", "04-persiapan-pembinaan-putaran-2.yaml",
        "05-koordinasi-pemerintah-putaran-2.yaml", "06-pembinaan-lokasi-putaran-2.yaml",
        "07-dokumentasi-foto-putaran-2.yaml",
    ]  # fmt: skip

    # The check passes, the trail proves every approval; round 1's 'tidak' is still in the records.
    out = office.run("check", records, "--strict")
    assert "0 galat, 0 peringatan" in out, out
    first = load_file(folder / "langkah" / "02-verifikasi-validasi.yaml").data
    assert first["keputusan"] == "tidak" and first["alasan"] == REASON and first["putaran"] == 1
    assert first["dokumen"][0]["berkas"] == "lampiran/02-berita-acara-verifikasi.pdf"
    status = office.run("status", case, "--root", records)
    assert "Status: selesai" in status and "Semua langkah selesai." in status
    assert f"Putaran 1: keputusan langkah 2: tidak (kembali ke langkah 1) — alasan: {REASON}" in status
    assert "berkas: lampiran/02-berita-acara-verifikasi.pdf" in status

    # ... on the site (the case page lists every execution by round) and in the dossier.
    site = office.top / "site"
    office.run("build", records, "--out", str(site), "-q")
    page = next(site.glob(f"kasus/**/{case}/index.html")).read_text("utf-8")
    assert 'id="langkah-2-putaran-1"' in page and 'id="langkah-2-putaran-2"' in page
    row = page.split('id="langkah-2-putaran-1"', 1)[1].split("</tr>", 1)[0]
    assert "Keputusan: tidak" in row or "tidak" in row.lower()
    assert REASON in row
    dossier = next(site.rglob(f"berkas-pembinaan-{case}.pdf"))
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(dossier).pages)
    assert "Putaran 1: keputusan tidak" in words and REASON in words


def test_a_hurried_clerk_fixes_a_tidak_by_typing_the_step_again(office: Office) -> None:
    """A 'tidak' recorded with the wrong person is reported and not committed; the clerk runs
    the same step again with the right one. That fixes the decision: it does not open step 2
    of round 2 ahead of the round's step 1. Once the decision is in history, the step again
    is refused with the two ways on (a correction, or --putaran for the new round)."""
    records = str(office.records)
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    data = office.scan("rekap.pdf", "Rekap data rawan")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00",
                "--selesai", "2026-03-02 09:25", "--lampir", str(data))  # fmt: skip
    folder = next(office.records.glob(f"kasus/2026/{case}"))
    names = sorted(p.name for p in (folder / "langkah").iterdir())
    out = office.step(case, 2, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "tidak", "--alasan", REASON, code=1, commit=False)  # fmt: skip
    assert "step.wrong_role" in out and "belum di-commit" in out
    ba = office.scan("berita-acara-verifikasi.pdf", "Berita acara verifikasi")
    out = office.step(case, 2, KASI, "--pelaksana", KASI, "--lampir", str(ba), commit=False)
    assert "langkah 2 (putaran 1)" in out and "sesuai SOP" in out, out
    assert sorted(p.name for p in (folder / "langkah").iterdir()) == names  # no round-2 file
    record = load_file(folder / "langkah" / "02-verifikasi-validasi.yaml").data
    assert (record["pelaksana"], record["keputusan"], record["alasan"]) == (KASI, "tidak", REASON)
    office.commit(f"kasus {case}: langkah 2 selesai, keputusan tidak", KASI, wib("2026-03-03 10:00"))
    status = office.run("status", case, "--root", records)
    assert "Berikutnya: langkah 1" in status and "(putaran 2)" in status
    assert "galat" not in status.split("Berikutnya", 1)[1]

    out = office.step(case, 2, KASI, "--catatan", "lupa", code=2, commit=False)
    assert "keputusan langkah 2 putaran 1 sudah tercatat di riwayat git dan membuka putaran 2" in out, out
    assert "--koreksi" in out and "--putaran 2" in out
    assert sorted(p.name for p in (folder / "langkah").iterdir()) == names
    # A round the case is not in (3 typed for 2) is refused before anything is written.
    out = office.step(case, 1, CLERK, "--putaran", "3", "--pelaksana", CLERK, code=2, commit=False)
    assert "putaran 3 belum dibuka: kasus ini sedang di putaran 2" in out, out
    assert sorted(p.name for p in (folder / "langkah").iterdir()) == names
    out = office.step(case, 2, KASI, "--putaran", "2", "--pelaksana", KASI, commit=False)
    assert "langkah 2 (putaran 2)" in out, out
