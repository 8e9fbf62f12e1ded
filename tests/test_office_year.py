"""A year of an office, through the sop-kit command and git only (issue 14): 30 cases, five
sent back by a 'tidak', two corrections after approval approved again, one case withdrawn,
the Kasi replaced in July, two clerks working on branches merged back, one merge conflict.
Every commit is signed by the person acting; the office's policy is 'tanda_tangan: wajib'.
Everything ends as the SOP says."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.records.fieldtypes import WIB
from sop_kit.records.rounds import Status, case_progress
from sop_kit.records.yamlsafe import load_file

from .office import Office

KADIS, KABID, SITI, AGUS = "hendra-gunawan", "budi-santoso", "siti-nurhaliza", "agus-permana"
RIZKI, DEWI = "rizki-ramadhan", "dewi-lestari"
PLACES = [
    ("Babakancikao", "Cicadas"), ("Bojong", "Bojong Barat"), ("Bojong", "Bojong Timur"), ("Bungursari", "Cibening"),
    ("Campaka", "Benteng"), ("Campaka", "Campaka"), ("Cibatu", "Cibatu"), ("Cibatu", "Cibukamanah"),
    ("Darangdan", "Cilingga"), ("Darangdan", "Darangdan"), ("Jatiluhur", "Bunder"), ("Jatiluhur", "Cibinong"),
    ("Kiarapedes", "Cibeber"), ("Kiarapedes", "Ciracas"), ("Maniis", "Cijati"), ("Maniis", "Ciramahilir"),
    ("Pasawahan", "Cidahu"), ("Pasawahan", "Ciherang"), ("Plered", "Anjun"), ("Plered", "Babakansari"),
    ("Pondoksalam", "Bungurjaya"), ("Pondoksalam", "Galudra"), ("Purwakarta", "Cipaisan"), ("Purwakarta", "Ciseureuh"),
    ("Sukasari", "Ciririp"), ("Sukasari", "Kertamanah"), ("Sukatani", "Cianting"), ("Tegalwaru", "Batutumpang"),
    ("Tegalwaru", "Cadasmekar"), ("Wanayasa", "Babakan"),
]  # fmt: skip
SENT_BACK = {2, 7, 12, 21, 26}
WITHDRAWN = 10


class Year:
    """The office's clock and its people, case after case."""

    def __init__(self, office: Office):
        self.office = office
        self.cases: dict[int, str] = {}

    def kasi(self, day: datetime) -> str:
        return SITI if day < datetime(2026, 7, 1, tzinfo=WIB) else AGUS

    def at(self, day: datetime, hhmm: str) -> datetime:
        return day.replace(hour=int(hhmm[:2]), minute=int(hhmm[3:]))

    def step(self, case: str, no: int, who: str, day: datetime, start: str, end: str, *more: str, code: int = 0) -> str:
        """``who`` records step ``no`` done on ``day`` from ``start`` to ``end``, and commits it signed."""
        self.office.when = self.at(day, end) + timedelta(minutes=5)
        times = ["--pelaksana", who, "--mulai", f"{day:%Y-%m-%d} {start}", "--selesai", f"{day:%Y-%m-%d} {end}"]
        return self.office.step(case, no, who, *times, *more, code=code)

    def scan(self, i: int, no: int, title: str) -> list[str]:
        return ["--lampir", str(self.office.scan(f"{i:02d}-{no}-{len(self.cases)}-{title}.pdf", f"{title} {i}"))]

    def open(self, i: int, day: datetime, clerk: str) -> str:
        kecamatan, desa = PLACES[i]
        case = self.office.new_case(kecamatan, desa, f"{day:%Y-%m-%d}", clerk)
        self.office.commit(f"kasus {case}: dibuka", clerk, self.at(day, "08:00"))
        self.cases[i] = case
        return case

    def first_steps(self, i: int, case: str, day: datetime, clerk: str) -> None:
        self.step(case, 1, clerk, day, "09:00", "09:25", *self.scan(i, 1, "rekap-data"))
        kasi = self.kasi(day)
        if i in SENT_BACK:
            self.step(case, 2, kasi, day, "13:00", "13:50", "--keputusan", "tidak", "--alasan",
                      "Data KK belum lengkap", *self.scan(i, 2, "berita-acara"))  # fmt: skip
            day += timedelta(days=1)
            self.step(case, 1, clerk, day, "09:00", "09:28", *self.scan(i, 1, "rekap-data-ulang"))
        self.step(case, 2, kasi, day, "13:00", "13:45", "--keputusan", "ya", "--alasan", "Data valid",
                  *self.scan(i, 2, "berita-acara-ulang"))  # fmt: skip

    def last_steps(self, i: int, case: str, monday: datetime, clerk: str) -> None:
        wednesday, thursday, friday = (monday + timedelta(days=n) for n in (2, 3, 4))
        kasi = self.kasi(wednesday)
        self.step(case, 3, kasi, wednesday, "09:00", "09:40", "--nomor-surat", f"400/{i + 1:03d}/DSP3A/2026",
                  *self.scan(i, 3, "sk"))  # fmt: skip
        self.step(case, 4, clerk, wednesday, "13:00", "13:20", *self.scan(i, 4, "rencana"))
        self.step(case, 5, KABID, thursday, "09:00", "10:30", *self.scan(i, 5, "surat-koordinasi"))
        self.step(case, 6, KABID, friday, "08:00", "11:00")
        photos = [self.office.photo(f"{i:02d}-foto-{n}.jpg", self.at(friday, f"{9 + n:02d}:00")) for n in range(2)]
        self.step(case, 7, clerk, friday, "13:00", "13:20", *[a for p in photos for a in ("--lampir", str(p))])

    def whole_case(self, i: int, monday: datetime, clerk: str) -> str:
        case = self.open(i, monday, clerk)
        self.first_steps(i, case, monday, clerk)
        self.last_steps(i, case, monday, clerk)
        return case


@pytest.fixture
def office(tmp_path: Path) -> Office:
    office = Office(tmp_path / "kantor")
    office.hire(KADIS, "Drs. Hendra Gunawan, M.Si.", "19700314 199503 1 002", "Kepala Dinas", "2021-01-04", admin=True)
    office.hire(
        KABID, "Budi Santoso, S.Sos., M.M.", "19750802 200212 1 004", "Kepala Bidang PPA", "2020-07-01", "kabid"
    )
    office.hire(SITI, "Siti Nurhaliza, S.Psi.", "19800517 200604 2 008", "Kasi PKK", "2019-01-02", "kasi-pkk")
    office.hire(RIZKI, "Rizki Ramadhan, A.Md.", "19920115 201903 1 005", "Pengelola Data", "2019-03-01", "pelaksana")
    office.hire(DEWI, "Dewi Lestari, S.Kesos.", "19910305 201902 2 004", "Analis Keluarga", "2019-03-01", "pelaksana")
    office.pin_trust_root()
    settings = office.top / "sop-kit.yaml"  # the office's own choice, in its first commit: approvals must be proven
    settings.write_text(settings.read_text("utf-8").replace("tanda_tangan: laporkan", "tanda_tangan: wajib"), "utf-8")
    office.commit("arsip awal: SOP, staf, pengaturan", KADIS, datetime(2026, 1, 5, 8, 0, tzinfo=WIB))
    return office


def test_a_year_of_an_office(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    year = Year(office)
    records = str(office.records)
    monday = datetime(2026, 1, 12, tzinfo=WIB)
    for i in range(15):
        clerk = RIZKI if i % 2 == 0 else DEWI
        if i == WITHDRAWN:  # withdrawn after its data was collected: the desa is coached by the province
            case = year.open(i, monday, clerk)
            year.step(case, 1, clerk, monday, "09:00", "09:25", *year.scan(i, 1, "rekap-data"))
            office.when = year.at(monday, "15:00")
            out = office.run("hentikan", case, "batal", "--root", records, "--oleh", SITI, "--tanggal",
                             f"{monday:%Y-%m-%d}", "--alasan", "Desa sudah dibina program provinsi tahun ini",
                             "--commit", who=SITI)  # fmt: skip
            assert "tetap di arsip" in out
        else:
            year.whole_case(i, monday, clerk)
        monday += timedelta(days=7)
        if i == 4:  # the SK number of case 4 was mistyped: the clerk corrects it, the Kasi approves again
            case = year.cases[4]
            office.when = year.at(monday, "08:30")
            out = office.step(case, 3, RIZKI, "--nomor-surat", "400/055/DSP3A/2026", "--koreksi",
                              "nomor SK salah ketik", "--pada", f"{monday:%Y-%m-%d} 08:20")  # fmt: skip
            assert "harus disetujui ulang oleh Siti Nurhaliza, S.Psi." in out
            changed = office.run("check", records, code=1)
            assert "trail.changed_after_approval" in changed and case in changed
            office.when = year.at(monday, "08:45")
            office.step(case, 3, SITI, "--setujui", "--pada", f"{monday:%Y-%m-%d} 08:40")

    # May: the two clerks work on branches; both record step 1 of the same case: a conflict.
    shared = year.open(15, monday, RIZKI)
    fork = office.git("rev-parse", "HEAD")
    office.git("switch", "-q", "-c", "rizki")
    year.step(shared, 1, RIZKI, monday, "09:00", "09:25", "--catatan", "Data dari kader posyandu",
              *year.scan(15, 1, "rekap-rizki"))  # fmt: skip
    for i in (16, 17):
        monday += timedelta(days=7)
        year.whole_case(i, monday, RIZKI)
    office.git("switch", "-q", "-c", "dewi", fork)
    for i in (18, 19):
        monday += timedelta(days=7)
        year.whole_case(i, monday, DEWI)
    monday += timedelta(days=7)
    year.step(shared, 1, DEWI, monday, "14:00", "14:30", "--catatan", "Data dari kantor desa",
              *year.scan(15, 1, "rekap-dewi"))  # fmt: skip
    office.git("switch", "-q", "main")
    office.git("merge", "-q", "--no-ff", "-S", "-m", "gabung pekerjaan Rizki", "rizki", who=KADIS,
               when=year.at(monday, "16:00"))  # fmt: skip
    office.git("merge", "-q", "--no-ff", "-S", "-m", "gabung pekerjaan Dewi", "dewi", who=KADIS,
               when=year.at(monday, "16:10"), check=False)  # fmt: skip
    conflicted = office.git("diff", "--name-only", "--diff-filter=U")
    assert conflicted.endswith("01-pengumpulan-data.yaml") and shared in conflicted
    out = office.run("check", records, code=None)
    assert "konflik penggabungan git di baris" in out and "yaml.syntax" not in out
    # The Kasi settles it: Rizki's record stands; Dewi's duplicate data sheet goes.
    office.git("checkout", "--ours", "--", conflicted)
    dewi_sheet = next(p for p in (office.top / conflicted).parents[1].glob("lampiran/*rekap-dewi*"))
    office.git("rm", "-q", "-f", "--", str(dewi_sheet.relative_to(office.top)))
    office.git("add", "--", conflicted)
    office.git("commit", "-q", "-S", "--no-edit", who=KADIS, when=year.at(monday, "16:20"))
    monday += timedelta(days=7)
    kasi = year.kasi(monday)
    year.step(shared, 2, kasi, monday, "13:00", "13:45", "--keputusan", "ya", "--alasan", "Data valid",
              *year.scan(15, 2, "berita-acara"))  # fmt: skip
    year.last_steps(15, shared, monday, RIZKI)

    # July: Siti leaves the section; Agus is the new Kasi, added by the Kepala Dinas.
    monday = max(monday + timedelta(days=7), datetime(2026, 6, 29, tzinfo=WIB))
    office.run("staf", "akhiri", SITI, "--root", records, "--sampai", "2026-06-30")
    office.hire(AGUS, "Agus Permana, S.Sos.", "19850610 201001 1 015", "Kasi PKK", "2026-07-01", "kasi-pkk")
    office.commit("staf: Kasi PKK berganti per 1 Juli", KADIS, year.at(monday, "08:00"))
    monday += timedelta(days=7)
    for i in range(20, 30):
        clerk = RIZKI if i % 2 == 0 else DEWI
        if i == 22:  # Siti, out of post, cannot decide any more: refused by the check, not committed
            case = year.open(i, monday, clerk)
            year.step(case, 1, clerk, monday, "09:00", "09:25", *year.scan(i, 1, "rekap-data"))
            head = office.git("rev-parse", "HEAD")
            out = year.step(case, 2, SITI, monday, "13:00", "13:40", "--keputusan", "ya", "--alasan", "Data valid",
                            code=1)  # fmt: skip
            assert "step.wrong_role" in out and office.git("rev-parse", "HEAD") == head
            year.step(case, 2, AGUS, monday, "13:00", "13:45", "--keputusan", "ya", "--alasan", "Data valid",
                      *year.scan(i, 2, "berita-acara"))  # fmt: skip
            year.last_steps(i, case, monday, clerk)
        else:
            year.whole_case(i, monday, clerk)
        if i == 24:  # Agus corrects his own decision's reason; his signed commit approves it again at once
            office.when = year.at(monday, "16:30") + timedelta(days=4)
            out = office.step(year.cases[24], 2, AGUS, "--alasan", "Data valid; 12 keluarga sasaran",
                              "--koreksi", "alasan dilengkapi", "--pada", f"{office.when:%Y-%m-%d %H:%M}")  # fmt: skip
            assert "Agus Permana" in out
        monday += timedelta(days=7)

    # The year ends as the SOP says.
    out = office.run("check", records, "--strict")
    assert "30 kasus diperiksa: 0 galat, 0 peringatan" in out, out
    monkeypatch.setenv("SOP_KIT_TRUST_ROOT", office.env["SOP_KIT_TRUST_ROOT"])
    judged = audit(office.records, CheckOptions(use_cache=False))
    assert judged.trail is not None and not judged.trail.findings
    states: dict[Status, int] = {}
    rounds: dict[str, int] = {}
    for path, verdict in judged.report.verdicts.items():
        assert verdict.complies and verdict.unverified == 0 and verdict.changed_after_approval == 0, path
        read = judged.archive.read_case(path)
        assert read.kasus is not None
        sop = judged.archive.sop_of(read.kasus)
        assert sop is not None
        prog = case_progress(sop, read)
        states[prog.status] = states.get(prog.status, 0) + 1
        rounds[read.kasus.id] = prog.final_round
    assert states == {Status.DONE: 29, Status.WITHDRAWN: 1}
    assert sorted(i for i, case in year.cases.items() if rounds[case] == 2) == sorted(SENT_BACK)
    for i in SENT_BACK:  # each round 1 'tidak' is still there, with its reason
        folder = next(office.records.glob(f"kasus/2026/{year.cases[i]}"))
        first = load_file(folder / "langkah" / "02-verifikasi-validasi.yaml").data
        assert (first["putaran"], first["keputusan"], first["alasan"]) == (1, "tidak", "Data KK belum lengkap")
    for i, no, file in ((4, 3, "03-penetapan-lokasi.yaml"), (24, 2, "02-verifikasi-validasi.yaml")):
        folder = next(office.records.glob(f"kasus/2026/{year.cases[i]}"))
        (correction,) = load_file(folder / "langkah" / file).data["koreksi"]
        assert correction["alasan"] in ("nomor SK salah ketik", "alasan dilengkapi"), no
    status = office.run("status", year.cases[WITHDRAWN], "--root", records)
    assert "Status: dibatalkan" in status and "Desa sudah dibina program provinsi" in status
    july = [year.cases[i] for i in range(20, 30)]
    deciders = {load_file(next(office.records.glob(f"kasus/2026/{c}/langkah/02-*-putaran-2.yaml"), None)
                          or next(office.records.glob(f"kasus/2026/{c}/langkah/02-*.yaml"))).data["pelaksana"]
                for c in july}  # fmt: skip
    assert deciders == {AGUS}
