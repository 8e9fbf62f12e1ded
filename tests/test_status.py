"""Golden tests for `sop-kit status`: the plain-language summary a clerk reads."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main

from .conftest import BASE_ID, CORPUS, REPO, build_archive

GOLDEN = Path(__file__).resolve().parent / "golden" / "status"
CASES = ["base", "awaiting-decision", "round-sent-back-ok", "doc-missing-sk", "order-step-before-prerequisite"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", CASES)
def test_status_golden(name: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", None if name == "base" else CORPUS / name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", BASE_ID, "--root", "arsip", "--lang", lang])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.{lang}.txt"
    if os.environ.get("SOP_KIT_UPDATE_GOLDEN"):
        golden.write_text(result.output, "utf-8")
    assert result.output == golden.read_text("utf-8")


def test_status_accepts_a_folder_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    monkeypatch.chdir(tmp_path)
    by_path = CliRunner().invoke(main, ["status", f"arsip/kasus/2026/{BASE_ID}/langkah", "--root", "arsip"])
    by_id = CliRunner().invoke(main, ["status", BASE_ID, "--root", "arsip"])
    assert by_path.exit_code == 0
    assert by_path.output == by_id.output


def test_status_unknown_case_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", "2026-03-tidak-ada-0000", "--root", "arsip"])
    assert result.exit_code == 2
    assert "kasus '2026-03-tidak-ada-0000' tidak ditemukan" in result.output
    assert "Traceback" not in result.output


def test_a_step_due_again_in_a_new_round_is_not_shown_done(tmp_path: Path) -> None:
    """'Tidak' at step 2 sent Gandasoli back to step 1; with round 2's step 1 done, step 2 is due
    again. Round 1's step 2 (the 'tidak') is history: status listed it as the step's state
    ('Langkah 2: selesai — … 2026-04-08') beside 'Berikutnya: langkah 2', and the dossier's
    step table ticked it done."""
    from sop_kit.check.audit import audit
    from sop_kit.check.run import CheckOptions
    from sop_kit.records.archive import open_archive
    from sop_kit.views.case import case_document

    from .test_office import copy_archive

    case = "2026-04-gandasoli-2j7r"
    records = copy_archive(tmp_path / "a", (case,))

    def current_lines() -> list[str]:
        done = CliRunner().invoke(main, ["status", case, "--root", str(records), "--no-trail", "--lang", "en"])
        assert done.exit_code == 0, done.output
        return [ln for ln in done.output.splitlines() if ln.startswith("Step ")]  # the current round's

    # Round 2 under way at step 1: steps 1 and 2 are both to be done again.
    now = current_lines()
    assert now[0].startswith("Step 1: in progress") and not [ln for ln in now if ln.startswith("Step 2: done")], now
    again = next(records.glob(f"kasus/*/{case}/langkah/01-*-putaran-2.yaml"))
    again.write_text(
        again.read_text("utf-8").replace("status: berjalan", "status: selesai") + "selesai: 2026-04-10 09:25\n",
        "utf-8",
    )
    now = current_lines()
    assert now[0].startswith("Step 1: done") and not [ln for ln in now if ln.startswith("Step 2: done")], now

    judged = audit(records, CheckOptions(trail=False, use_cache=False))
    archive = open_archive(records)
    folder = archive.find_case(case)
    read = archive.read_case(folder)
    sop = archive.sop_of(read.kasus)  # type: ignore[arg-type]
    assert sop is not None
    document = case_document(archive, read, sop, judged.report.verdicts[folder], None)
    assert [s.done for s in document.steps][:3] == [True, False, False]
    assert [e.round for e in document.executions if e.no == 2] == [1]  # the 'tidak' stays in the history


def test_a_part_of_the_id_names_the_case_when_only_it_holds_it(tmp_path: Path) -> None:
    """Ids end in a random suffix no clerk remembers, and completion is seldom set up (Windows):
    `status gandasoli` said the case was not found. A part only one id holds names that case,
    for every command that takes one; a part several hold names them; a misspelt desa is
    answered with the case it resembles."""
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    runner = CliRunner()

    def status(case: str, *more: str) -> tuple[int, str]:
        result = runner.invoke(main, ["status", case, "--root", str(records), "--no-trail", *more])
        return result.exit_code, result.output

    whole = status("2026-04-gandasoli-2j7r")
    assert whole[0] == 0 and status("Gandasoli") == whole and status("04-gandasoli") == whole
    code, out = status("2026-05")
    assert code == 2 and "'2026-05' ada di id beberapa kasus: 2026-05-cibuntu-kpnv, 2026-05-cisalada-f4kt" in out
    code, out = status("gandasolli", "--lang", "en")
    assert code == 2 and "case 'gandasolli' not found; similar: 2026-04-gandasoli-2j7r" in out, out
    # As a clerk says it ("Desa ..."), and a misspelt desa that has two cases: both are named.
    assert status("Desa Gandasoli") == whole
    shutil.copytree(next(records.glob("kasus/*/2026-04-gandasoli-2j7r")), records / "kasus/2026/2026-09-gandasoli-a1b2")
    code, out = status("gandasolli")
    assert code == 2 and "yang mirip: 2026-04-gandasoli-2j7r, 2026-09-gandasoli-a1b2" in out, out
    shutil.rmtree(records / "kasus/2026/2026-09-gandasoli-a1b2")
    code, out = status("xyzzy")
    assert code == 2 and "kasus 'xyzzy' tidak ditemukan" in out and "mirip" not in out
    # A command that writes takes it too, and says the whole id it wrote to.
    result = runner.invoke(main, ["step", "cibuntu", "2", "--catatan", "Verifikasi lapangan", "--root", str(records)])
    assert result.exit_code == 0 and "records/kasus/2026/2026-05-cibuntu-kpnv/langkah/02-" in result.output, (
        result.output
    )


def test_status_without_a_case_lists_what_is_still_going_as_each_status_says_it(tmp_path: Path) -> None:
    """A clerk's first question, `sop-kit status`, was refused ("'CASE' wajib diisi"). It lists
    every case not finished with its next step, and every case with errors with their count:
    the same next step its own status gives, the same count the check gives."""
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    step = next(records.glob("kasus/*/2026-05-cibuntu-kpnv/langkah/01-*.yaml"))
    step.write_text(step.read_text("utf-8").replace("status: selesai", "status: selesai\nkeputusan: ya", 1), "utf-8")
    runner = CliRunner()
    listed = runner.invoke(main, ["status", "--root", str(records), "--no-trail"])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    checked = runner.invoke(main, ["check", str(records), "--no-trail", "--format", "json"])
    errors: dict[str, int] = {}
    for f in json.loads(checked.output)["findings"]:
        if f["severity"] == "error" and f.get("case"):
            errors[f["case"]] = errors.get(f["case"], 0) + 1
    assert errors.get("2026-05-cibuntu-kpnv"), "the record made wrong above is an error"
    for line in lines[1:-1]:
        case = line.split()[0]
        own = runner.invoke(main, ["status", case, "--root", str(records), "--no-trail"]).output
        if "berikutnya: langkah" in line:
            no = line.split("berikutnya: langkah ")[1].split()[0]
            assert f"Berikutnya: langkah {no} " in own, (line, own)
        assert (f"; {errors[case]} galat" in line) if case in errors else ("galat" not in line), line
    assert {ln.split()[0] for ln in lines[1:-1]} >= set(errors)
    assert lines[0].startswith("4 dari 18 kasus belum selesai") and "sop-kit status ID" in lines[-1]
