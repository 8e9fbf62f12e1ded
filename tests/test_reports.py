"""The reports (laporan), the agenda and retention, each checked against a recount made here
from the records' own YAML (read with PyYAML, not sop-kit's loader) on cases whose answers
are known: generated ones, and the shipped demo archive."""

from __future__ import annotations

import html
import json
import math
import re
import shutil
import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from icalendar import Calendar
from pypdf import PdfReader

from sop_kit.bag.export import BagOptions, export_bag
from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.records.archive import open_archive
from sop_kit.records.worktime import WorkingHours

from .conftest import CORPUS, REPO, own_files
from .test_office import copy_archive


def rows(sheet: Any, last: int | None = None) -> list[tuple[Any, ...]]:
    """A sheet's values below its header row (openpyxl types a cell as a wide union)."""
    return [tuple(row) for row in sheet.iter_rows(min_row=2, max_row=last, values_only=True)]


# --- generated cases with known answers ------------------------------------------------------

# (id, kecamatan, desa, kode, first day, steps kept, changes): the corpus' complete base case
# moved in time and place; "over" makes step 1 take 45 minutes, "no_sk" drops step 3's SK.
CASES = [
    ("2025-08-cibening-aaa1", "Bungursari", "Cibening", "32.14.13.2002", date(2025, 8, 4), 7, ()),
    ("2025-09-jatimekar-aaa2", "Jatiluhur", "Jatimekar", "32.14.03.2002", date(2025, 9, 1), 7, ("over",)),
    ("2025-10-cibening-aaa3", "Bungursari", "Cibening", "32.14.13.2002", date(2025, 10, 6), 3, ()),
    ("2025-11-anjun-aaa4", "Plered", "Anjun", "32.14.04.2009", date(2025, 11, 3), 7, ("no_sk",)),
    ("2026-01-anjun-aaa5", "Plered", "Anjun", "32.14.04.2009", date(2026, 1, 5), 7, ()),
]
BASE_START = date(2026, 3, 2)  # the base case's first day


def _shift(text: str, days: int) -> str:
    def move(m: re.Match[str]) -> str:
        return (date.fromisoformat(m.group(0)) + timedelta(days=days)).isoformat()

    return re.sub(r"\b20\d\d-\d\d-\d\d\b", move, text)


def make_case(records: Path, spec: tuple[Any, ...]) -> None:
    case_id, kecamatan, desa, kode, first, kept, changes = spec
    days = (first - BASE_START).days
    while (BASE_START + timedelta(days=days)).weekday() != BASE_START.weekday():
        days += 1
    folder = records / "kasus" / case_id[:4] / case_id
    shutil.copytree(CORPUS / "base", folder, ignore=shutil.ignore_patterns("expected.txt"))
    kasus = (folder / "kasus.yaml").read_text("utf-8")
    kasus = kasus.replace("2026-03-cibening-t3st", case_id).replace("Bungursari", kecamatan)
    kasus = kasus.replace("desa: Cibening", f"desa: {desa}").replace('"32.14.13.2002"', f'"{kode}"')
    kasus = kasus.replace("Kepala Desa Cibening", f"Kepala Desa {desa}")
    kasus = re.sub(r"mulai: 2026-03-02", f"mulai: {first.isoformat()}", kasus)
    kasus = re.sub(r"sampai: 2026-03-31", f"sampai: {(first + timedelta(days=29)).isoformat()}", kasus)
    (folder / "kasus.yaml").write_text(kasus, "utf-8")
    for step in sorted((folder / "langkah").glob("*.yaml")):
        no = int(step.name[:2])
        if no > kept:
            step.unlink()
            continue
        text = _shift(step.read_text("utf-8"), days)
        if no == 1 and "over" in changes:
            text = re.sub(r"(selesai: \S+) 09:00", r"\1 09:15", text)
        serial = CASES.index(spec) + 1  # each case its own letter numbers
        text = re.sub(r"nomor_surat: 400\.9/0(\d\d)/", rf"nomor_surat: 400.9/\g<1>{serial}/", text)
        if no == 3 and "no_sk" in changes:
            text = text[: text.index("dokumen:")] + "dokumen: []\n"
        step.write_text(text, "utf-8")
    for name in ("lampiran", "foto"):  # files of the steps dropped would be unreferenced notes
        for path in (folder / name).glob("*"):
            if int(path.name[:2]) > kept or (path.name.startswith("03-") and "no_sk" in changes):
                path.unlink()
    own_files(folder, case_id)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = tmp_path_factory.mktemp("laporan") / "records"
    shutil.copytree(REPO / "records" / "sop", records / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", records / "staf.yaml")
    for spec in CASES:
        make_case(records, spec)
    return records


def nearest_rank(values: list[int], percent: int) -> int:
    ordered = sorted(values)
    return ordered[math.ceil(percent / 100 * len(ordered)) - 1]


def minutes(record: dict[str, Any], hours: WorkingHours) -> int:
    """The minutes a step took within the office's working hours: what the SOP's Waktu counts."""
    start, end = (datetime.strptime(str(record[k]), "%Y-%m-%d %H:%M") for k in ("mulai", "selesai"))
    return hours.minutes(start, end)


def step_records(records: Path) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for folder in sorted((records / "kasus").glob("*/*")):
        out[folder.name] = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((folder / "langkah").glob("*.yaml"))]
    return out


def test_yearly_report_of_generated_cases_matches_the_known_answers(generated: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["laporan", "tahunan", "2025", "--root", str(generated), "--no-trail", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "4 kasus aktif, 4 dibuka, 3 selesai, 0 dihentikan, 1 berjalan di akhir periode" in result.output
    book = openpyxl.load_workbook(tmp_path / "laporan-tahunan-2025.xlsx")
    assert book.sheetnames == ["Ringkasan", "Per kecamatan", "Per bulan", "Keputusan", "Per langkah", "Temuan",
                               "Temuan per kode"]  # fmt: skip
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
    # --no-trail: the report says no approval was verified
    assert (book["Ringkasan"]["A14"].value, book["Ringkasan"]["B14"].value) == (
        "Jejak persetujuan",
        "tidak dibaca: persetujuan tidak diverifikasi",
    )
    summary = {row[0]: row[1] for row in rows(book["Ringkasan"], 9)}
    assert summary == {
        "Kasus aktif dalam periode": 4,
        "Kasus dibuka": 4,
        "Kasus selesai": 3,
        "Kasus dihentikan (batal atau ditutup)": 0,
        "Kasus berjalan di akhir periode": 1,
        "Kasus aktif tanpa galat (sesuai SOP)": 3,  # the case without its SK
        "Keputusan 'ya' (data valid)": 4,
        "Keputusan 'tidak' (kembali ke langkah awal)": 0,
    }
    kec = [row for row in rows(book["Per kecamatan"])]
    assert kec == [("Bungursari", 2, 1, 0, 1), ("Jatiluhur", 1, 1, 0, 0), ("Plered", 1, 1, 0, 0)]
    months = {row[0]: row[1:] for row in rows(book["Per bulan"])}
    assert isinstance(next(iter(months)), datetime) and book["Per bulan"]["A2"].number_format == "mmmm yyyy"
    assert {k.month: v for k, v in months.items() if any(v)} == {8: (1, 1), 9: (1, 1), 10: (1, 0), 11: (1, 1)}

    # Per step, recounted from the YAML written above.
    durations: dict[int, list[int]] = defaultdict(list)
    completed: Counter[int] = Counter()
    hours = open_archive(generated).config.hours
    for recs in step_records(generated).values():
        for r in recs:
            if r["status"] == "selesai" and str(r["selesai"]).startswith("2025"):
                completed[r["langkah"]] += 1
                durations[r["langkah"]].append(minutes(r, hours))
    standards = {1: 30, 2: 60, 3: 60, 4: 25, 5: 180, 6: 420, 7: 30}
    steps = {row[1]: row for row in rows(book["Per langkah"])}
    assert sorted(steps) == [1, 2, 3, 4, 5, 6, 7]
    for no, row in steps.items():
        _, _, _, standard, _, done, measured, within, within_share, docs, docs_share, median, p90 = row
        assert standard == standards[no]
        assert done == completed[no] and measured == len(durations[no])
        assert within == sum(d <= standards[no] for d in durations[no])
        assert within_share == pytest.approx(within / measured)
        assert median == statistics.median(durations[no]) and p90 == nearest_rank(durations[no], 90)
        assert docs == completed[no] - (1 if no == 3 else 0)  # the case without its SK
        assert docs_share == pytest.approx(docs / done)
    assert steps[1][7] == 3  # one step 1 of 45 minutes over its 30
    cell = book["Per langkah"]["I2"]
    assert cell.data_type == "n" and cell.number_format == "0%"
    assert book["Per langkah"]["B2"].data_type == "n" and book["Per langkah"]["E2"].data_type == "b"
    kinds = {(row[0], row[1]): row[2:] for row in rows(book["Temuan"])}
    assert kinds == {("Dokumen dan berkas", "galat"): (1, 1), ("Waktu melebihi standar", "peringatan"): (1, 1)}

    pdf = " ".join(page.extract_text() for page in PdfReader(tmp_path / "laporan-tahunan-2025.pdf").pages)
    pdf = re.sub(r"\s+", " ", pdf)
    assert "LAPORAN TAHUNAN" in pdf and "Kasus aktif dalam periode 4" in pdf and "Kasus selesai 3" in pdf
    assert "Bungursari 2 1 0 1" in pdf and "Jalan Contoh" not in pdf


def test_monthly_and_quarterly_periods(generated: Path, tmp_path: Path) -> None:
    out = CliRunner().invoke(
        main,
        [
            "laporan",
            "triwulan",
            "2025-Q4",
            "--root",
            str(generated),
            "--no-trail",
            "--out",
            str(tmp_path),
            "--format",
            "json",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "Triwulan IV 2025: 2 kasus aktif, 2 dibuka, 1 selesai, 0 dihentikan, 1 berjalan" in out.output
    # The JSON says it in the XLSX's words (it said 'opened', 'in_progress', 'activity' beside 'dibuka').
    data = json.loads((tmp_path / "laporan-triwulan-2025-Q4.json").read_text("utf-8"))
    assert data["format"] == "sop-kit/laporan/2" and data["kasus"]["dibuka"] == 2
    assert sum(r["dibuka"] for r in data["per_kecamatan"]) == 2 and sum(r["dibuka"] for r in data["per_bulan"]) == 2
    assert [m["bulan"] for m in data["per_bulan"]] == ["2025-10", "2025-11", "2025-12"]

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        return {k for v in value for k in keys(v)} if isinstance(value, list) else set()

    english = {"opened", "closed", "in_progress", "month", "activity", "standard", "completed", "within", "group",
               "severity", "count", "cases", "code", "example", "median", "p90"}  # fmt: skip
    assert keys(data) & english == set()
    assert {"kegiatan", "standar_menit", "dalam_standar", "median_menit"} <= keys(data["per_langkah"])
    new_folder = tmp_path / "laporan" / "2025-09"  # a folder not made yet is made, as `pdf` makes its own
    month = CliRunner().invoke(
        main, ["laporan", "bulanan", "2025-09", "--root", str(generated), "--no-trail", "--out", str(new_folder)]
    )
    assert "September 2025: 1 kasus aktif, 1 dibuka, 1 selesai, 0 dihentikan, 0 berjalan" in month.output
    assert {p.name for p in new_folder.iterdir()} == {"laporan-bulanan-2025-09.xlsx", "laporan-bulanan-2025-09.pdf"}
    (tmp_path / "berkas").write_text("")
    blocked = CliRunner().invoke(main, ["laporan", "bulanan", "2025-09", "--root", str(generated), "--no-trail",
                                        "--out", str(tmp_path / "berkas" / "x")])  # fmt: skip
    assert blocked.exit_code == 2 and "berkas/x tidak dapat ditulis" in blocked.output, blocked.output
    bad = CliRunner().invoke(main, ["laporan", "triwulan", "2025-5", "--root", str(generated), "--out", str(tmp_path)])
    assert bad.exit_code == 2 and "2025-Q1" in bad.output


def test_yearly_report_on_the_demo_matches_an_independent_recount(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    shutil.copy2(REPO / "sop-kit.yaml", tmp_path / "sop-kit.yaml")
    shutil.copytree(REPO / "kantor", tmp_path / "kantor")
    result = CliRunner().invoke(
        main, ["laporan", "tahunan", "2025", "--root", str(records), "--no-trail", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    sops = {}
    for path in (records / "sop").glob("*.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        sops[data["nomor"]] = len(data["langkah"])
    opened = closed = stopped = progress = 0
    decisions: Counter[str] = Counter()
    by_kec: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # opened, closed, stopped, running
    for folder in sorted((records / "kasus").glob("*/*")):
        kasus = yaml.safe_load((folder / "kasus.yaml").read_text("utf-8"))
        recs = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((folder / "langkah").glob("*.yaml"))]
        final = max(r.get("putaran", 1) for r in recs)
        current: dict[int, dict[str, Any]] = {}
        for r in sorted(recs, key=lambda r: r.get("putaran", 1)):
            current[r["langkah"]] = r  # the latest round's record of each step
        done = len(current) == sops[kasus["sop"]["nomor"]] and all(r["status"] == "selesai" for r in current.values())
        end = max(str(r["selesai"])[:10] for r in current.values()) if done else None
        stop = str(kasus["dihentikan"]["tanggal"]) if "dihentikan" in kasus and not done else None
        end = end or stop  # a stopped case ends on the day it stopped, counted stopped, not closed
        start = str(kasus["periode"]["mulai"])
        if start > "2025-12-31" or (end is not None and end < "2025-01-01"):
            continue
        row = by_kec[kasus["lokasi"]["kecamatan"]]
        if start >= "2025-01-01":
            opened += 1
            row[0] += 1
        if stop is not None and stop <= "2025-12-31":
            stopped += 1
            row[2] += 1
        elif end is not None and end <= "2025-12-31":
            closed += 1
            row[1] += 1
        if end is None or end > "2025-12-31":
            progress += 1
            row[3] += 1
        for r in recs:
            if r.get("keputusan") and r["status"] == "selesai" and str(r["selesai"]).startswith("2025"):
                decisions[r["keputusan"]] += 1
        assert final >= 1
    book = openpyxl.load_workbook(tmp_path / "laporan-tahunan-2025.xlsx")
    summary = {row[0]: row[1] for row in rows(book["Ringkasan"], 9)}
    assert summary["Kasus dibuka"] == opened and summary["Kasus selesai"] == closed
    assert summary["Kasus dihentikan (batal atau ditutup)"] == stopped
    assert summary["Kasus berjalan di akhir periode"] == progress
    assert summary["Keputusan 'ya' (data valid)"] == decisions["ya"]
    assert summary["Keputusan 'tidak' (kembali ke langkah awal)"] == decisions["tidak"] == 1  # Jatimekar's first round
    kec = {row[0]: list(row[1:]) for row in rows(book["Per kecamatan"])}
    assert kec == dict(by_kec)
    assert (tmp_path / "laporan-tahunan-2025.pdf").stat().st_size > 10_000


def test_a_stopped_case_is_counted_stopped_not_running_for_ever(tmp_path: Path) -> None:
    """A withdrawn case was "berjalan di akhir periode" in its year's report and active in every
    later year's, while `status` said "dibatalkan". It is counted stopped in the period that
    holds its stop date, and in no period after."""
    case = "2026-04-gandasoli-2j7r"
    records = copy_archive(tmp_path / "a", (case, "2026-05-cibuntu-kpnv"))
    stop = ["hentikan", case, "batal", "--alasan", "Keluarga pindah domisili", "--oleh", "agus-permana"]
    assert CliRunner().invoke(main, [*stop, "--tanggal", "2026-06-01", "--root", str(records)]).exit_code == 0

    def summary(year: str) -> dict[str, int]:
        args = ["laporan", "tahunan", year, "--root", str(records), "--no-trail", "--out", str(tmp_path), "--format"]
        done = CliRunner().invoke(main, [*args, "json"])
        assert done.exit_code == 0, done.output
        kasus: dict[str, int] = json.loads((tmp_path / f"laporan-tahunan-{year}.json").read_text("utf-8"))["kasus"]
        return kasus

    year = summary("2026")
    assert (year["aktif"], year["dibuka"], year["selesai"], year["dihentikan"], year["berjalan_di_akhir"]) == (
        2, 2, 0, 1, 1)  # fmt: skip
    # Each kecamatan's row says it too: Plered's case stopped, Wanayasa's running.
    rows = json.loads((tmp_path / "laporan-tahunan-2026.json").read_text("utf-8"))["per_kecamatan"]
    assert {r["kecamatan"]: (r["dibuka"], r["dihentikan"], r["berjalan_di_akhir"]) for r in rows} == {
        "Plered": (1, 1, 0), "Wanayasa": (1, 0, 1)}  # fmt: skip
    later = summary("2027")
    assert (later["aktif"], later["dihentikan"], later["berjalan_di_akhir"]) == (1, 0, 1)  # Cibuntu alone


# --- the agenda ------------------------------------------------------------------------------


def test_the_agenda_is_never_written_over_the_archive(tmp_path: Path) -> None:
    """`agenda --out records/staf.yaml` put the agenda in place of the staff registry, and
    `--out sop-kit.yaml --format ics` in place of the settings. Refused, as is an existing
    file of another kind; the calendar itself is written, and written again."""
    shutil.copytree(REPO / "records", tmp_path / "records")
    shutil.copy2(REPO / "sop-kit.yaml", tmp_path / "sop-kit.yaml")
    (tmp_path / "catatan.md").write_text("catatan rapat\n", "utf-8")
    kept = {p: p.read_bytes() for p in (tmp_path / "records" / "staf.yaml", tmp_path / "sop-kit.yaml",
                                        tmp_path / "catatan.md")}  # fmt: skip
    base = ["agenda", "--root", str(tmp_path / "records"), "--no-trail", "--tanggal", "2026-05-15"]
    inside, other = "ada di dalam arsip", "sudah ada dan bukan berkas .txt"
    for out, fmt, said in (("records/staf.yaml", "text", inside), ("sop-kit.yaml", "ics", inside),
                           ("catatan.md", "text", other)):  # fmt: skip
        done = CliRunner().invoke(main, [*base, "--format", fmt, "--out", str(tmp_path / out)])
        assert done.exit_code == 2 and said in done.output, done.output
    assert {p: p.read_bytes() for p in kept} == kept
    for _ in range(2):
        done = CliRunner().invoke(main, [*base, "--format", "ics", "--out", str(tmp_path / "agenda.ics")])
        assert done.exit_code == 0 and (tmp_path / "agenda.ics").read_bytes().startswith(b"BEGIN:VCALENDAR"), (
            done.output
        )
    # Nor the reports or documents, into the records (committed with them next), nothing made.
    records = tmp_path / "records"
    for args in (["laporan", "2026", "--no-trail", "--root", str(records), "--out", str(records / "laporan")],
                 ["pdf", str(records), "--no-trail", "--out", str(records / "pdf")],
                 ["pdf", str(records), "--no-trail", "--out", str(tmp_path / "pdf"), "--internal",
                  str(records / "kasus" / "internal")]):  # fmt: skip
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 2 and ("ada di dalam arsip" in done.output or "di dalam arsip" in done.output), (
            done.output
        )
    assert not (records / "laporan").exists() and not (records / "pdf").exists()
    assert not (records / "kasus" / "internal").exists() and not (tmp_path / "pdf").exists()


def _agenda_json(records: Path, day: str) -> dict[str, Any]:
    done = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", day,
                                     "--format", "json"])  # fmt: skip
    assert done.exit_code == 0, done.output
    data: dict[str, Any] = json.loads(done.output)
    return data


def test_the_agenda_counts_working_time_as_the_check_does(tmp_path: Path) -> None:
    """A step in progress shows on the agenda the working minutes the check gives it once it is
    done at that moment: one count, by the office's own hours (jam_kerja), holidays off."""
    records = copy_archive(tmp_path / "a", ("2026-05-cibuntu-kpnv",))
    settings = tmp_path / "a" / "sop-kit.yaml"
    week = "".join(f'  {d}: ["08:00-12:00"]\n' for d in ("senin", "selasa", "rabu", "kamis", "jumat"))
    settings.write_text(settings.read_text("utf-8") + f"jam_kerja:\n{week}  libur_kantor: [2026-05-07]\n", "utf-8")
    # Step 2 (standard 60 minutes) started Wednesday 2026-05-06 10.00. By Friday's closing, 12.00:
    # 120 minutes on Wednesday, none on the office's day off, 240 on Friday.
    data = _agenda_json(records, "2026-05-08")
    assert data["per"] == "2026-05-08 12:00"
    assert "Senin–Jumat 08.00–12.00" in data["waktu_kerja"] and "1 hari libur kantor" in data["waktu_kerja"]
    item = next(i for p in data["staf"] for i in p["agenda"] if i["kasus"] == "2026-05-cibuntu-kpnv")
    assert (item["menit_kerja"], item["tenggat"], item["terlambat"]) == (360, "2026-05-06 11:00", True)

    step = next(records.glob("kasus/*/2026-05-cibuntu-kpnv/langkah/02-*.yaml"))
    step.write_text(
        step.read_text("utf-8").replace("status: berjalan", "status: selesai\nkeputusan: ya")
        + f"selesai: {data['per']}\n",
        "utf-8",
    )
    checked = CliRunner().invoke(main, ["check", str(records), "--no-trail", "--no-cache", "--format", "json"])
    found = [f for f in json.loads(checked.output)["findings"] if f["code"] == "time.over"]
    assert [(f["file"].endswith(step.name), f["params"]["minutes"]) for f in found] == [(True, 360)]

    # The civil service's week and its holidays: Kenaikan Isa Almasih (Thursday 14 May 2026) and
    # its cuti bersama (Friday 15 May) are not counted, as the check does not count them.
    settings.write_text(settings.read_text("utf-8").split("jam_kerja:")[0], "utf-8")
    step.write_text(step.read_text("utf-8").replace(f"selesai: {data['per']}\n", ""), "utf-8")
    step.write_text(step.read_text("utf-8").replace("status: selesai\nkeputusan: ya", "status: berjalan"), "utf-8")
    data = _agenda_json(records, "2026-05-15")
    item = next(i for p in data["staf"] for i in p["agenda"] if i["kasus"] == "2026-05-cibuntu-kpnv")
    # Wednesday 6 May from 10.00 (300), 7, 8, 11, 12, 13 May (5 x 450); the 14th and 15th off.
    assert item["menit_kerja"] == 300 + 5 * 450 and data["per"] == "2026-05-15 16:30"


def test_agenda_on_the_demo_lists_open_and_overdue_steps_and_a_valid_calendar(tmp_path: Path) -> None:
    records = copy_archive(tmp_path / "a", ("2026-05-cibuntu-kpnv", "2026-04-gandasoli-2j7r", "2026-01-cilalawi-kf5h"))
    text = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-05-06"])
    assert text.exit_code == 0, text.output
    out = text.output
    assert "Agenda per 2026-05-06, pukul 16.00" in out
    assert "Agus Permana, S.Sos. (fiktif) (agus-permana): 1 butir, 1 terlambat" in out
    assert "langkah 2, sedang berjalan" in out and "2026-05-cibuntu-kpnv" in out
    assert "Yuni Kartika" in out and "2026-04-gandasoli-2j7r" in out
    assert "2026-01-cilalawi-kf5h" not in out  # closed and complete: nothing due
    # Step 2 of Cibuntu started 2026-05-06 10.00; its standard is 60 minutes: due 11.00, overdue by 16.00.
    assert "TERLAMBAT (tenggat 2026-05-06 11.00)" in out
    early = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-05-05",
                                      "--staf", "agus-permana"])  # fmt: skip
    assert "2026-05-cibuntu-kpnv" not in early.output or "TERLAMBAT" not in early.output
    # A step any Pelaksana may do is on each of their agendas; asked for one, only theirs shows
    # (it listed the other two holders' agendas as well).
    opened = CliRunner().invoke(main, ["new", "--root", str(records), "--kecamatan", "Campaka", "--desa",
                                       "Campakasari", "--mulai", "2026-05-04", "--oleh", "dewi-lestari",
                                       "--sop", "61.1.D.049/I/2020", "--no-input"])  # fmt: skip
    assert opened.exit_code == 0, opened.output
    asked = ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-05-06", "--staf", "yuni-kartika"]
    own = CliRunner().invoke(main, asked)
    assert own.exit_code == 0 and "-campakasari-" in own.output, own.output
    assert "Yuni Kartika" in own.output and "Dewi Lestari" not in own.output and "Rizki" not in own.output
    listed = json.loads(CliRunner().invoke(main, [*asked, "--format", "json"]).output)
    assert [p["id"] for p in listed["staf"]] == ["yuni-kartika"]

    ics = tmp_path / "agenda.ics"
    made = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-05-06",
                                     "--format", "ics", "--out", str(ics)])  # fmt: skip
    assert made.exit_code == 0, made.output
    calendar = Calendar.from_ical(ics.read_bytes())
    events = calendar.walk("VEVENT")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) >= 2
    for event in events:
        for key in ("DTSTART", "DTSTAMP", "SUMMARY", "DURATION"):
            assert key in event, key
        assert event.decoded("DTSTART").tzinfo is not None
    late = [e for e in events if str(e["SUMMARY"]).startswith("[TERLAMBAT]")]
    assert any("2026-05-cibuntu-kpnv" in str(e["SUMMARY"]) for e in late)
    data = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-05-06",
                                     "--format", "json"])  # fmt: skip
    assert '"format": "sop-kit/agenda/1"' in data.output


def test_a_stopped_case_leaves_the_agenda_on_the_day_it_stopped(tmp_path: Path) -> None:
    """A withdrawn case stayed on its clerk's agenda, its open step "TERLAMBAT" for ever, while
    `status` said "dibatalkan". Before the day it stopped it was due as before; from then on only
    a document its completed steps still lack is."""
    case = "2026-04-gandasoli-2j7r"  # round 2's data collection under way since 2026-04-10
    records = copy_archive(tmp_path / "a", (case,))
    stop = ["hentikan", case, "batal", "--alasan", "Keluarga pindah domisili", "--oleh", "agus-permana"]
    assert CliRunner().invoke(main, [*stop, "--tanggal", "2026-05-01", "--root", str(records)]).exit_code == 0

    def items(day: str) -> list[dict[str, Any]]:
        args = ["agenda", "--root", str(records), "--no-trail", "--tanggal", day, "--format", "json"]
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 0, done.output
        staff = json.loads(done.output)["staf"]
        return [i for person in staff for i in person["agenda"] if i["kasus"] == case]

    assert [i["jenis"] for i in items("2026-04-30")] == ["berjalan"]
    assert [i for i in items("2026-05-01") if i["jenis"] != "dokumen"] == []


def test_a_step_whose_doer_left_goes_to_the_role_holders_agenda(tmp_path: Path) -> None:
    """Yuni left on 30 June with round 2's data collection in progress in her name: it stayed
    on her agenda alone, "TERLAMBAT" for ever, seen by nobody who works there. `staf akhiri`
    now names it, and from the day after, the agenda gives it to the role's holders."""
    case = "2026-04-gandasoli-2j7r"  # round 2's data collection, Yuni's, under way since 2026-04-10
    records = copy_archive(tmp_path / "a", (case,))
    ended = CliRunner().invoke(
        main, ["staf", "akhiri", "yuni-kartika", "--sampai", "2026-06-30", "--root", str(records)]
    )
    assert ended.exit_code == 0, ended.output
    assert f"masih tercatat sebagai pelaksana langkah yang berjalan: {case} langkah 1 (putaran 2)" in ended.output
    assert f"sop-kit step {case} 1 --pelaksana ID" in ended.output

    def holders(day: str) -> dict[str, str | None]:
        args = ["agenda", "--root", str(records), "--no-trail", "--tanggal", day, "--format", "json"]
        done = CliRunner().invoke(main, args)
        assert done.exit_code == 0, done.output
        return {p["id"]: i["pelaksana_tercatat"] for p in json.loads(done.output)["staf"] for i in p["agenda"]
                if i["kasus"] == case}  # fmt: skip

    assert holders("2026-06-30") == {"yuni-kartika": None}
    after = holders("2026-07-01")
    assert "yuni-kartika" not in after and after  # the 'pelaksana' role's holders on that day
    assert set(after.values()) == {"Yuni Kartika, S.Sos. (fiktif)"}
    text = CliRunner().invoke(main, ["agenda", "--root", str(records), "--no-trail", "--tanggal", "2026-07-01"])
    assert "pelaksana tercatat Yuni Kartika, S.Sos. (fiktif) tidak lagi memegang peran langkah ini" in text.output


# --- retention -------------------------------------------------------------------------------


def test_retention_lists_cases_due_and_the_bag_records_the_jra(tmp_path: Path) -> None:
    case = "2025-03-jatimekar-e5n7"  # closed 2025-03-27; the demo's JRA: 2 years active, 3 inactive, musnah
    records = copy_archive(tmp_path / "a", (case, "2025-04-anjun-5cr7", "2026-05-cibuntu-kpnv"))
    out = CliRunner().invoke(main, ["retensi", "--root", str(records), "--no-trail", "--tanggal", "2027-04-01"])
    assert out.exit_code == 0, out.output
    assert f"{case}: PINDAH ke pusat arsip (inaktif) sejak 2027-03-27; nasib akhir pada 2030-03-27" in out.output
    assert "2025-04-anjun-5cr7" not in out.output  # closed 2025-05-02: still active
    assert "1 kasus belum selesai" in out.output
    later = CliRunner().invoke(main, ["retensi", "--root", str(records), "--no-trail", "--tanggal", "2030-06-01"])
    assert f"{case}: MUSNAH jatuh tempo sejak 2030-03-27" in later.output
    checked = audit(records, CheckOptions(trail=False, use_cache=False))
    bag = export_bag(checked, case, BagOptions(tmp_path / "x.bag", date(2027, 4, 1)))
    info = (bag / "bag-info.txt").read_text("utf-8")
    for line in ("JRA-Status: pindah", "JRA-Retensi-Aktif: 2 tahun", "JRA-Retensi-Inaktif: 3 tahun",
                 "JRA-Nasib-Akhir: musnah", "JRA-Aktif-Sampai: 2027-03-27", "JRA-Kode-Klasifikasi: 400.9"):  # fmt: skip
        assert line in info, line
    verified = CliRunner().invoke(main, ["verify-bag", str(bag)])
    assert verified.exit_code == 0, verified.output


def test_a_stopped_case_is_kept_and_then_due_from_the_day_it_stopped(tmp_path: Path) -> None:
    """A withdrawn case was counted "not closed: its retention has not started" for ever, while
    `status` said "dibatalkan": its file, families' data included, never came due, and the
    trail let it be taken out at any time. Its file closed the day it was stopped."""
    case = "2026-04-gandasoli-2j7r"  # open, in round 2
    records = copy_archive(tmp_path / "a", (case,))
    stop = ["hentikan", case, "batal", "--alasan", "Keluarga pindah domisili", "--oleh", "agus-permana"]
    done = CliRunner().invoke(main, [*stop, "--tanggal", "2026-06-01", "--root", str(records)])
    assert done.exit_code == 0, done.output
    early = CliRunner().invoke(
        main, ["retensi", "--root", str(records), "--no-trail", "--tanggal", "2027-01-01", "--semua"]
    )
    assert f"{case}: aktif sampai 2028-06-01 (dibatalkan 2026-06-01)" in early.output, early.output
    assert "belum selesai" not in early.output
    later = CliRunner().invoke(main, ["retensi", "--root", str(records), "--no-trail", "--tanggal", "2031-07-01",
                                      "--format", "json"])  # fmt: skip
    (due,) = json.loads(later.output)["jatuh_tempo"]
    assert (due["kasus"], due["dihentikan"], due["selesai"], due["status"]) == (case, "batal", "2026-06-01", "musnah")
    checked = audit(records, CheckOptions(trail=False, use_cache=False))
    bag = export_bag(checked, case, BagOptions(tmp_path / "x.bag", date(2027, 1, 1)))
    info = (bag / "bag-info.txt").read_text("utf-8")
    assert "JRA-Kasus-Dihentikan: batal" in info and "JRA-Aktif-Sampai: 2028-06-01" in info, info


# --- on the site ----------------------------------------------------------------------------


def test_the_public_site_has_the_reports_charts_and_emblem_but_no_agenda(demo_site: Any) -> None:
    site = demo_site.site
    home = (site / "index.html").read_text("utf-8")
    assert '<h2 id="grafik">Grafik' in home and home.count('role="img"') >= 2
    assert "<caption>Kasus dibuka per bulan</caption>" in home  # the chart's table
    assert 'src="assets/sop-kit/lambang.png"' in home  # the emblem in force, in the header
    assert "Arsip Audit Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak" in home
    assert not (site / "agenda").exists()
    for year in (2025, 2026):
        page = (site / "laporan" / str(year) / "index.html").read_text("utf-8")
        assert f"Laporan tahun {year}" in page and f'href="laporan-tahunan-{year}.pdf"' in page
        book = openpyxl.load_workbook(site / "laporan" / str(year) / f"laporan-tahunan-{year}.xlsx")
        assert book["Ringkasan"]["B2"].data_type == "n"
        pdf = site / "laporan" / str(year) / f"laporan-tahunan-{year}.pdf"
        assert "LAPORAN TAHUNAN" in PdfReader(pdf).pages[0].extract_text()
    assert 'href="laporan/"' in home  # in the navigation


def test_the_internal_site_has_the_agenda_of_its_day(tmp_path: Path) -> None:
    from sop_kit.site.build import SiteOptions

    from .conftest import site_build

    records = copy_archive(tmp_path / "a", ("2026-05-cibuntu-kpnv", "2026-01-cilalawi-kf5h"))
    options = SiteOptions(
        tmp_path / "site", internal=True, pdf=False, cache_dir=tmp_path / "cache", on=date(2026, 5, 6)
    )
    site_build(records, options)
    page = html.unescape((tmp_path / "site" / "agenda" / "index.html").read_text("utf-8"))
    assert "Per 2026-05-06, pukul 16.00" in page and "Agus Permana, S.Sos. (fiktif)" in page
    assert "TERLAMBAT" in page and "2026-05-cibuntu-kpnv" in page and "2026-01-cilalawi-kf5h" not in page
