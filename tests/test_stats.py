"""`sop-kit sop stats`: actual durations and missing documents per step, on the CLI and the site."""

from __future__ import annotations

import html as htmllib
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.reports.stats import archive_stats, nearest_rank
from sop_kit.site.build import SiteOptions
from sop_kit.site.pages import sop_slug

from .conftest import site_build
from .revision_archive import NOMOR, add_case, make_archive


def test_nearest_rank_percentile() -> None:
    assert nearest_rank([], 90) is None
    assert nearest_rank([7], 90) == 7
    assert nearest_rank(list(range(1, 11)), 90) == 9  # ⌈9⌉ = 9th
    assert nearest_rank(list(range(1, 12)), 90) == 10  # ⌈9.9⌉ = 10th
    assert nearest_rank([5, 1, 3], 50) == 3


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six cases under revision 0 and one under revision 1, with known durations:
    step 1 took 20, 30, 40, 50 and 100 minutes (and once no end time was written);
    step 2 took 45 and 75. Two step-1 records lack their document."""
    root = make_archive(tmp_path_factory.mktemp("stats") / "arsip")
    add_case(root, "2025-03-cibening-s1aa", date(2025, 3, 3), [20, 45])
    add_case(root, "2025-04-cibening-s2aa", date(2025, 4, 14), [30, 75])  # not the 7th: cuti bersama Idul Fitri
    add_case(root, "2025-05-cibening-s3aa", date(2025, 5, 5), [40])
    add_case(root, "2025-06-cibening-s4aa", date(2025, 6, 2), [50], files=[False])
    add_case(root, "2025-07-cibening-s5aa", date(2025, 7, 7), [100], files=[False])
    add_case(root, "2025-08-cibening-s6aa", date(2025, 8, 4), [None])
    add_case(root, "2026-02-cibening-s7aa", date(2026, 2, 2), [30, 50])  # revision 1
    return root


def test_stats_medians_percentiles_and_missing_documents(practice: Path, tmp_path: Path) -> None:
    stats = {s.sop.ref: s for s in archive_stats(audit(practice, CheckOptions(trail=False)))}
    rev0, rev1 = stats[(NOMOR, 0)], stats[(NOMOR, 1)]
    assert (rev0.cases, rev1.cases) == (6, 1)
    one, two = rev0.steps[0], rev0.steps[1]
    assert (one.completed, sorted(one.durations)) == (6, [20, 30, 40, 50, 100])
    assert (one.median, one.p90, one.over, one.over_share) == (40, 100, 3, 0.6)
    assert [(d.kind, d.missing, d.completed) for d in one.documents] == [("dokumen-data", 2, 6)]
    assert (two.completed, two.median, two.p90, two.over, two.over_share) == (2, 60, 75, 1, 0.5)
    assert [(d.missing, d.completed) for d in two.documents] == [(0, 2)]
    assert (rev0.steps[2].completed, rev0.steps[2].median, rev0.steps[2].p90) == (0, None, None)
    # The revision-1 case counts under revision 1, against its 45-minute standard for step 2.
    assert (rev1.steps[1].standard, rev1.steps[1].durations, rev1.steps[1].over) == (45, [50], 1)


def test_stats_cli_text_and_json(practice: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    runner = CliRunner()
    result = runner.invoke(main, ["sop", "stats", "--root", str(practice)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "SOP 61.1.D.049/I/2020 revisi 0 (berlaku 2020-01): 6 kasus"
    assert lines[1].split() == ["Langkah", "Standar", "n", "Median", "P90", ">", "standar"]
    assert lines[2].split() == ["1", "30", "6", "(5)", "40", "100", "60%"]
    assert lines[3].split() == ["2", "60", "2", "60", "75", "50%"]
    assert "    langkah 1, Dokumen/Data: 2 dari 6 (33%)" in lines
    assert "P90 = persentil ke-90 peringkat terdekat" in result.output
    english = runner.invoke(main, ["sop", "stats", "--root", str(practice), "--lang", "en", "--sop", NOMOR])
    assert english.exit_code == 0 and "    step 1, Dokumen/Data: 2 of 6 (33%)" in english.output.splitlines()
    data = json.loads(runner.invoke(main, ["sop", "stats", "--root", str(practice), "--format", "json"]).output)
    first = data["sop"][0]["langkah"][0]
    assert (first["selesai"], first["terukur"], first["median_menit"], first["p90_menit"]) == (6, 5, 40, 100)
    assert first["dokumen_wajib"] == [
        {"jenis": "dokumen-data", "nama": "Dokumen/Data", "tidak_ada": 2, "bagian_tidak_ada": 2 / 6}
    ]
    unknown = runner.invoke(main, ["sop", "stats", "--root", str(practice), "--sop", "1/2/3"])
    assert unknown.exit_code == 2 and "SOP 1/2/3 tidak ada di arsip" in unknown.output


def test_site_sop_page_shows_practice_and_revision_history(practice: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    site_build(practice, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    html = (out / "sop" / sop_slug((NOMOR, 0)) / "index.html").read_text("utf-8")
    cells = [htmllib.unescape(re.sub(r"<[^>]+>", "", row)) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]
    cells = [" ".join(c.split()) for c in cells]
    assert any(c.startswith("1Pengumpulan") and c.endswith("30 menit6 (5 dengan waktu)4010060% (3)") for c in cells)
    assert any(c.startswith("2Melaksanakan") and c.endswith("60 menit2607550% (1)") for c in cells)
    assert "1Dokumen/Data2 dari 6 (33%)" in cells
    # The history: both revisions, this one marked, the next linked, with what it changed.
    assert "0 (halaman ini)-Januari 20206naskah pertama" in cells  # months in words, as the SOP prints them
    rev1 = next(c for c in cells if c.startswith("1November 2025Januari 20261"))
    assert "Langkah 2: waktu 60 → 45 menit" in rev1 and "Langkah 3: dokumen wajib ditambah daftar-hadir" in rev1
    assert f'href="../{sop_slug((NOMOR, 1))}/"' in htmllib.unescape(html)
    later = (out / "sop" / sop_slug((NOMOR, 1)) / "index.html").read_text("utf-8")
    assert "1 (halaman ini)" in htmllib.unescape(re.sub(r"<[^>]+>", "", later))


def test_time_per_step_is_working_time_on_every_surface(tmp_path: Path) -> None:
    """Step 2 ran from 11:25 to 13:05 on a Monday: 100 minutes on the clock, 40 of them worked
    (the office breaks from 12:00 to 13:00), which is what the SOP's Waktu counts. The check
    and `sop stats` said 40; the dashboard's table and chart and the period reports said 100."""
    root = make_archive(tmp_path / "arsip")
    add_case(root, "2025-03-cibening-s1aa", date(2025, 3, 3), [200, 100])  # a Monday
    judged = audit(root, CheckOptions(trail=False))
    assert not [f for f in judged.report.findings if f.code == "time.over" and f.params["no"] == 2]
    stats = {s.sop.ref: s for s in archive_stats(judged)}[(NOMOR, 0)]
    assert stats.steps[1].durations == [40]
    out = tmp_path / "site"
    site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    page = htmllib.unescape(re.sub(r"<[^>]+>", " ", (out / "index.html").read_text("utf-8")))
    table = " ".join(page.split("menit per langkah", 1)[1].split())
    assert table.startswith("Langkah Standar Median P90 Catatan terukur 1 30 200 200 1 2 60 40 40 1 "), table[:120]
    runner = CliRunner()
    made = runner.invoke(main, ["laporan", "2025", "--root", str(root), "--format", "json", "--out", str(tmp_path)])
    assert made.exit_code == 0, made.output
    steps = json.loads((tmp_path / "laporan-tahunan-2025.json").read_text("utf-8"))["per_langkah"]
    assert [(s["no"], s["median_menit"], s["dalam_standar"]) for s in steps[:2]] == [(1, 200, 0), (2, 40, 1)]
