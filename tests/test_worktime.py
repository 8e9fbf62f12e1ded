"""Working time: the SOP's Waktu counted in the office's working minutes, not by the clock."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from click.testing import CliRunner

from sop_kit.check.rules import check_case
from sop_kit.cli.main import main
from sop_kit.records.archive import open_archive
from sop_kit.records.worktime import CIVIL_SERVICE, DAYS, data_version, describe, holiday_names, holidays_of

from .conftest import BASE_ID, build_archive


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_the_civil_service_week() -> None:
    hours = CIVIL_SERVICE
    assert hours.minutes(at("2026-03-02 07:30"), at("2026-03-02 16:00")) == 450  # Monday: the lunch hour is out
    assert hours.minutes(at("2026-03-06 07:30"), at("2026-03-06 16:30")) == 450  # Friday: 11.30-13.00 out
    assert hours.minutes(at("2026-03-02 06:00"), at("2026-03-02 07:45")) == 15  # before the office opens
    # Friday afternoon to Monday morning: two short stretches, not three days.
    assert hours.minutes(at("2026-03-06 16:00"), at("2026-03-09 07:50")) == 50
    assert hours.minutes(at("2026-03-07 09:00"), at("2026-03-07 12:00")) == 0  # a Saturday


def test_when_a_standard_time_runs_out() -> None:
    friday = at("2026-05-22 15:00")
    assert CIVIL_SERVICE.add(friday, 90) == at("2026-05-22 16:30")  # Friday closes at 16.30
    assert CIVIL_SERVICE.add(friday, 120) == at("2026-05-25 08:00")  # and the other 30 minutes on Monday
    assert CIVIL_SERVICE.add(at("2026-05-25 11:30"), 60) == at("2026-05-25 13:30")  # the lunch hour is out
    assert CIVIL_SERVICE.add(at("2026-05-23 10:00"), 30) == at("2026-05-25 08:00")  # a Saturday start
    # Wednesday 13 May 2026, 15.30: Kenaikan Isa Almasih and its cuti bersama (14, 15 May) are off.
    assert CIVIL_SERVICE.add(at("2026-05-13 15:30"), 60) == at("2026-05-18 08:00")
    for start, minutes in ((friday, 90), (at("2026-05-13 15:30"), 60), (at("2026-03-17 09:00"), 2000)):
        assert CIVIL_SERVICE.minutes(start, CIVIL_SERVICE.add(start, minutes)) == minutes
    assert (CIVIL_SERVICE.opening(date(2026, 5, 22)), CIVIL_SERVICE.closing(date(2026, 5, 22))) == (
        at("2026-05-22 07:30").time(),
        at("2026-05-22 16:30").time(),
    )
    assert CIVIL_SERVICE.day_minutes == 450


def test_the_week_in_words() -> None:
    assert describe(CIVIL_SERVICE, "id") == (
        "Senin–Kamis 07.30–12.00, 13.00–16.00; Jumat 07.30–11.30, 13.00–16.30; "
        "hari libur nasional dan cuti bersama tidak dihitung"
    )
    assert describe(CIVIL_SERVICE, "en").startswith("Monday–Thursday 07.30–12.00, 13.00–16.00; Friday")


def test_national_holidays_and_cuti_bersama_are_days_off() -> None:
    # Nyepi (19 March 2026) and Idulfitri 1447 H with its cuti bersama (20-24 March), from the SKB 3 Menteri.
    for day in ("2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24", "2026-08-17", "2025-04-07"):
        assert date.fromisoformat(day) in holidays_of(int(day[:4])), day
    assert not CIVIL_SERVICE.is_working_day(date(2026, 3, 23))
    assert CIVIL_SERVICE.is_working_day(date(2026, 3, 25))
    # Tuesday 17 March 09:00 to Wednesday 25 March 09:00: six working hours, then one and a half.
    assert CIVIL_SERVICE.minutes(at("2026-03-17 09:00"), at("2026-03-25 09:00")) == 450
    names = holiday_names(2026)
    assert "Cuti Bersama" in names[date(2026, 3, 23)] and "Idul Fitri" in names[date(2026, 3, 23)]
    assert data_version().startswith("holidays ")


def test_check_and_status_judge_working_time_and_show_both(tmp_path: Path) -> None:
    root = build_archive(tmp_path / "arsip")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "02-verifikasi.yaml"
    text = step.read_text("utf-8")
    start = next(ln for ln in text.splitlines() if ln.startswith("mulai:"))
    end = next(ln for ln in text.splitlines() if ln.startswith("selesai:"))
    # Step 2 (60 minutes) from Friday 15:50 to Monday 07:55: 40 + 25 working minutes, over by 5.
    step.write_text(text.replace(start, "mulai: 2026-02-27 15:50").replace(end, "selesai: 2026-03-02 07:55"), "utf-8")
    archive = open_archive(root)
    over = [f for f in check_case(archive, archive.read_case(step.parents[1])).findings if f.code.startswith("time.")]
    assert [(f.code, f.params["minutes"]) for f in over] == [("time.over", 65)]
    # From 16:05 it is 25 + 25 = 50: not over, although three calendar days passed.
    step.write_text(text.replace(start, "mulai: 2026-02-27 16:05").replace(end, "selesai: 2026-03-02 07:55"), "utf-8")
    archive = open_archive(root)
    assert not [
        f for f in check_case(archive, archive.read_case(step.parents[1])).findings if f.code.startswith("time")
    ]
    result = CliRunner().invoke(main, ["status", BASE_ID, "--root", str(root), "--lang", "id"])
    assert "Langkah 2: selesai — " in result.output
    assert "(50 menit kerja, 2 hari 15 jam 50 menit kalender)" in result.output


def test_an_office_sets_its_own_hours(tmp_path: Path) -> None:
    root = build_archive(tmp_path / "arsip")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "02-verifikasi.yaml"
    text = step.read_text("utf-8")
    start = next(ln for ln in text.splitlines() if ln.startswith("mulai:"))
    end = next(ln for ln in text.splitlines() if ln.startswith("selesai:"))
    step.write_text(text.replace(start, "mulai: 2026-03-07 09:00").replace(end, "selesai: 2026-03-07 10:30"), "utf-8")
    archive = open_archive(root)
    assert not [f for f in check_case(archive, archive.read_case(step.parents[1])).findings if f.code == "time.over"]
    # An office open on Saturdays: 90 minutes counted, over the 60-minute standard.
    (tmp_path / "sop-kit.yaml").write_text(
        'format: sop-kit/konfigurasi/1\njam_kerja:\n  sabtu: ["08:00-12:00"]\n', "utf-8"
    )
    archive = open_archive(root)
    assert [f.code for f in archive.findings] == ["office.missing"]  # settings without the office profile
    assert [f.params["minutes"] for f in check_case(archive, archive.read_case(step.parents[1])).findings
            if f.code == "time.over"] == [90]  # fmt: skip
    (tmp_path / "sop-kit.yaml").write_text('format: sop-kit/konfigurasi/1\njam_kerja:\n  sabtu: ["12:00-08:00"]\n')
    problems = open_archive(root).findings
    assert [(f.code, f.line) for f in problems if f.code != "office.missing"] == [("schema.working_hours", 3)]
    # A week without any working hours could never reach a standard time: refused, with its line.
    (tmp_path / "sop-kit.yaml").write_text(
        "format: sop-kit/konfigurasi/1\njam_kerja:\n" + "".join(f"  {d}: []\n" for d in DAYS), "utf-8"
    )
    problems = open_archive(root).findings  # reported at the jam_kerja line
    assert [(f.code, f.line) for f in problems if f.code != "office.missing"] == [("schema.working_week", 2)]
    shutil.rmtree(root)


JUDGE_IN_A_NEW_PROCESS = """
import json, sys
from pathlib import Path
from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
report = audit(Path(sys.argv[1]), CheckOptions(use_cache=sys.argv[3] == "1", cache_dir=Path(sys.argv[2]), trail=False))
time = sorted((f.file, f.code, f.params.get("minutes")) for v in report.report.verdicts.values() for f in v.findings
              if f.code.startswith("time."))
print(json.dumps({"imported": "holidays" in sys.modules, "time": time}))
"""


def test_a_warm_check_takes_the_holidays_from_its_cache_and_judges_the_same(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    def judged(use_cache: bool) -> dict[str, object]:
        args = [sys.executable, "-c", JUDGE_IN_A_NEW_PROCESS, str(root), str(tmp_path / "cache"), str(int(use_cache))]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
        return found

    root = build_archive(tmp_path / "arsip")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "02-verifikasi.yaml"
    text = step.read_text("utf-8")
    start = next(ln for ln in text.splitlines() if ln.startswith("mulai:"))
    end = next(ln for ln in text.splitlines() if ln.startswith("selesai:"))

    def timed(begin: str, finish: str) -> None:
        step.write_text(text.replace(start, f"mulai: {begin}").replace(end, f"selesai: {finish}"), "utf-8")

    timed("2026-03-17 15:00", "2026-03-25 07:45")  # over Nyepi and Idulfitri's cuti bersama: 75 minutes
    cold = judged(use_cache=True)
    assert cold["imported"] is True
    assert [t[1:] for t in cold["time"]] == [["time.over", 75]]  # type: ignore[attr-defined]
    # One case changed: judged again in a new process with the year's holidays from the cache,
    # without importing the holiday package, and the same as a check that uses no cache.
    timed("2026-03-17 15:00", "2026-03-25 08:15")
    warm, fresh = judged(use_cache=True), judged(use_cache=False)
    assert warm["imported"] is False and fresh["imported"] is True
    assert warm["time"] == fresh["time"] and [t[1:] for t in fresh["time"]] == [["time.over", 105]]  # type: ignore[attr-defined]


def test_a_malformed_holiday_cache_is_left_out() -> None:
    from sop_kit.records import worktime

    before = dict(worktime._years)
    worktime.remember_holidays({"tahun": ["2031-01-01"], "2031": "2031-01-01", "2032": [20320101], "2033": None})
    worktime.remember_holidays(["2031-01-01"])
    assert worktime._years == before
