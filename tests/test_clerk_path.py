"""Each failure issue 14 found on the clerk's path, as a test, and what replaced it: `step`
refusing what `check` would refuse, interactive `new` keeping every answer, personal data
caught where it is typed, merge conflicts said plainly."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sop_kit.check.rules import check_case
from sop_kit.cli.main import main
from sop_kit.core.messages import render
from sop_kit.records.archive import open_archive
from sop_kit.records.yamlsafe import load_file

from .conftest import CORPUS
from .test_clerk import NEW, STOPPED_BY, cases, git, new_case, repo, run, snapshot

__all__ = ["repo"]  # the fixture, shared with test_clerk

PDF = CORPUS / "base" / "lampiran" / "01-data-rawan.pdf"
PDF2 = CORPUS / "base" / "lampiran" / "02-hasil-verifikasi.pdf"
SK = CORPUS / "base" / "lampiran" / "03-sk-penetapan.pdf"
STEP1 = ["--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25"]
STEP2 = ["--pelaksana", "agus-permana", "--mulai", "2026-03-03 09:00", "--selesai", "2026-03-03 09:40"]


def findings(repo: Path, folder: Path) -> list[tuple[str, str, int | None]]:
    archive = open_archive(repo / "records")
    found = check_case(archive, archive.read_case(folder)).findings
    return [(f.code, f.file.rsplit("/", 1)[-1], f.line) for f in found]


# --- 2. `step` accepts what `check` should refuse ----------------------------------------------


def test_a_text_file_named_pdf_is_refused_and_nothing_renamed(repo: Path, tmp_path: Path) -> None:
    folder = new_case(repo)
    fake = tmp_path / "rekap.pdf"
    fake.write_text("no;nama desa\n1;Campakasari\n", "utf-8")  # text: the SOP's data kind accepts CSV, not as .pdf
    before = snapshot(folder)
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(fake))
    assert code == 2 and "namanya berakhiran .pdf" in out and "Traceback" not in out
    assert snapshot(folder) == before  # no .txt copy, no record change
    # The same content named for what it is, is filed under its own name.
    honest = tmp_path / "rekap.csv"
    honest.write_bytes(fake.read_bytes())
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(honest))
    assert code == 0, out
    assert (folder / "lampiran" / "01-rekap.csv").read_bytes() == fake.read_bytes()
    # check refuses a file whose name lies too (one renamed by hand).
    record = next(folder.glob("langkah/01-*.yaml"))
    name = "01-rekap.csv"
    for ending, problem in (("pdf", "file.wrong_ending"), ("xlsx", "file.wrong_ending"), ("txt", None)):
        (folder / "lampiran" / name).rename(folder / "lampiran" / f"01-rekap.{ending}")
        record.write_text(record.read_text("utf-8").replace(name, f"01-rekap.{ending}"), "utf-8")
        name = f"01-rekap.{ending}"
        found = [code for code, _, _ in findings(repo, folder) if code.startswith("file.")]
        assert found == ([problem] if problem else []), ending


def test_a_step_the_sop_does_not_let_be_worked_on_yet_is_refused_as_check_would_report_it(repo: Path) -> None:
    """A hurried clerk typed step 3 before step 2 was decided. `step` wrote it (exit 1, three
    errors) and, once the decision was 'tidak', the record belonged to no round: an error the
    clerk could only mend by hand. It is refused now, nothing written, with the check's
    reasons in the command's words; a capitalised answer ("Tidak") is the answer."""
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    three = ["--pelaksana", "agus-permana", "--mulai", "2026-03-04 09:00", "--selesai", "2026-03-04 09:30"]
    before = snapshot(folder)
    code, out = run("step", folder.name, "3", *three, "--lampir", str(SK))
    assert code == 2 and "langkah 3 belum dapat dicatat: langkah 2 putaran 1 belum selesai" in out, out
    assert "tidak ada yang ditulis" in out and snapshot(folder) == before
    code, out = run("step", folder.name, "2", *STEP2, "--keputusan", "Tidak", "--alasan", "NIK tidak cocok",
                    "--lampir", str(PDF2))  # fmt: skip
    assert code == 0, out
    assert load_file(next(folder.glob("langkah/02-*.yaml"))).data["keputusan"] == "tidak"
    before = snapshot(folder)
    code, out = run("step", folder.name, "3", *three, "--lang", "en")
    assert code == 2 and "step 3 cannot be recorded yet: step 2 has not been decided 'ya'" in out, out
    assert snapshot(folder) == before
    # The same record written by hand is the check's error, with the same reason.
    record = next(folder.glob("langkah/03-*.yaml"))
    text = record.read_text("utf-8")
    for key, value in (("status", "selesai"), ("pelaksana", "agus-permana"), ("mulai", "2026-03-04 09:00"),
                       ("selesai", "2026-03-04 09:30")):  # fmt: skip
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    record.write_text(text, "utf-8")
    assert "step.needs_decision" in [code for code, name, _ in findings(repo, folder) if name == record.name]
    # A note on a step still to come ('belum') is no work on it.
    record.write_bytes(before[str(record.relative_to(folder))])
    assert run("step", folder.name, "3", "--catatan", "SK disiapkan setelah keputusan")[0] == 0


def test_a_tidak_needs_its_reason_in_step_and_in_check(repo: Path) -> None:
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    before = snapshot(folder)
    code, out = run("step", folder.name, "2", *STEP2, "--keputusan", "tidak", "--lampir", str(PDF2), "--lang", "en")
    assert code == 2 and "needs a reason" in out and "--alasan" in out
    assert snapshot(folder) == before
    # A record written by hand without the reason: check says where.
    record = next(folder.glob("langkah/02-*.yaml"))
    text = record.read_text("utf-8")
    for key, value in (("status", "selesai"), ("pelaksana", "agus-permana"), ("mulai", "2026-03-03 09:00"),
                       ("selesai", "2026-03-03 09:40"), ("keputusan", "tidak")):  # fmt: skip
        text = re.sub(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    record.write_text(text, "utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("keputusan:"))
    assert ("step.no_reason", record.name, line) in findings(repo, folder)


def test_a_step_with_errors_exits_1_and_is_not_committed(repo: Path) -> None:
    folder = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    head = git(repo, "rev-parse", "HEAD")
    # Step 1 'selesai' without its mandated data sheet: recorded, but not committed, and no commit suggested.
    code, out = run("step", folder.name, "1", *STEP1, "--commit", "--no-sign")
    assert code == 1, out
    assert "doc.missing" in out and "belum di-commit" in out and "git commit" not in out
    assert git(repo, "rev-parse", "HEAD") == head
    code, out = run("step", folder.name, "1", "--lampir", str(PDF))
    assert code == 0 and 'git commit -S -m "kasus' in out


def test_a_step_committed_before_its_case_brings_the_case_with_it(repo: Path) -> None:
    """A hurried clerk skipped the commit `new` suggested and ran `step 1 … --commit`: the
    step's record went into history and the case's kasus.yaml stayed untracked, so history
    held an approval of a case it did not hold. The step's commit now carries kasus.yaml
    when git has never held it, and only then."""
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF), "--commit", "--no-sign")[0] == 0
    rel = folder.relative_to(repo).as_posix()
    committed = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert f"{rel}/kasus.yaml" in committed and f"{rel}/langkah/01-pengumpulan-data.yaml" in committed
    assert f"{rel}/langkah/02-verifikasi-validasi.yaml" not in committed  # exactly what the step needs
    assert run("step", folder.name, "2", *STEP2, "--keputusan", "ya", "--lampir", str(PDF2), "--commit",
               "--no-sign")[0] == 0  # fmt: skip
    assert f"{rel}/kasus.yaml" not in git(repo, "show", "--name-only", "--format=", "HEAD").split()


def test_a_completed_step_in_history_changes_only_as_a_correction(repo: Path) -> None:
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF), "--commit", "--no-sign")[0] == 0
    record = next(folder.glob("langkah/01-*.yaml"))
    before = record.read_bytes()
    code, out = run("step", folder.name, "1", "--catatan", "Data dari kader", "--lang", "en")
    assert code == 2 and "approved" in out and "--koreksi" in out
    assert record.read_bytes() == before
    code, out = run("step", folder.name, "1", "--catatan", "Data dari kader", "--koreksi", "catatan tertinggal",
                    "--pada", "2026-03-04 10:00")  # fmt: skip
    assert code == 0, out
    assert "KOREKSI" in out and "disetujui ulang oleh Rizki Ramadhan" in out and "--setujui --commit" in out
    data = load_file(record).data
    assert data["catatan"] == "Data dari kader"
    assert data["koreksi"] == [{"waktu": "2026-03-04 10:00", "alasan": "catatan tertinggal"}]
    assert "dikoreksi" in run("status", folder.name)[1]
    code, out = run("step", folder.name, "1", "--setujui", "--pada", "2026-03-04 11:00")
    assert code == 0 and "disetujui ulang" in out
    assert load_file(record).data["koreksi"][0]["disetujui"] == "2026-03-04 11:00"
    assert run("step", folder.name, "1", "--setujui")[0] == 2  # nothing left to approve
    assert run("step", folder.name, "3", "--koreksi", "x")[0] == 2  # never recorded: nothing to correct


def test_a_correction_of_an_earlier_round_is_approved_in_that_round(repo: Path) -> None:
    """Round 1's 'tidak' corrected after round 2 has its own step 2: the hint said
    'sop-kit step CASE 2 --setujui', which reaches round 2's record (and --setujui refused
    --putaran). It now names --putaran 1, and that command approves round 1's correction."""
    folder = new_case(repo)
    tidak = ["--keputusan", "tidak", "--alasan", "NIK tidak cocok"]
    for args in (
        ["1", *STEP1, "--lampir", str(PDF)],
        ["2", *STEP2, *tidak, "--lampir", str(PDF2)],
        ["1", "--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-04 09:00", "--selesai", "2026-03-04 09:25",
         "--lampir", str(SK)],
        ["2", "--pelaksana", "agus-permana", "--mulai", "2026-03-05 09:00", "--selesai", "2026-03-05 09:40",
         "--keputusan", "ya", "--lampir", str(CORPUS / "base" / "lampiran" / "04-rencana-pembinaan.pdf")],
    ):  # fmt: skip
        code, out = run("step", folder.name, *args, "--commit", "--no-sign")
        assert code == 0, (args, out)
    first, second = sorted(folder.glob("langkah/02-*.yaml"), key=lambda p: "putaran" in p.name)
    code, out = run("step", folder.name, "2", "--putaran", "1", "--alasan", "Dua NIK tidak cocok dengan KK",
                    "--koreksi", "alasan kurang jelas", "--pada", "2026-03-06 10:00")  # fmt: skip
    assert code == 0 and "sop-kit step " + folder.name + " 2 --putaran 1 --setujui --commit" in out, out
    code, out = run("step", folder.name, "2", "--putaran", "1", "--setujui", "--pada", "2026-03-06 11:00")
    assert code == 0, out
    assert load_file(first).data["koreksi"][0]["disetujui"] == "2026-03-06 11:00"
    assert "koreksi" not in load_file(second).data


# --- 3. interactive `new` throws work away -----------------------------------------------------


def test_new_asks_staff_from_a_list_and_asks_again_after_a_typo(repo: Path) -> None:
    answers = "Campaka\nCampakasari\n2026-02-30\n2026-03-02\nrizki-ramadan\nrizki-ramadhan\n"
    code, out = run("new", input=answers)
    assert code == 0, out
    assert "rizki-ramadhan — " in out and "Pelaksana" in out  # staff offered as a list, with their roles
    assert "staf 'rizki-ramadan' tidak ada di daftar staf (mirip: rizki-ramadhan)" in out
    assert "tanggal '2026-02-30' tidak dapat dibaca" in out  # asked again, not the end
    (folder,) = cases(repo)
    assert load_file(folder / "kasus.yaml").data["dibuat_oleh"] == "rizki-ramadhan"


def test_new_stopped_half_way_prints_the_answers_as_a_command(repo: Path) -> None:
    code, out = run("new", input="Campaka\nCampakasari\n2026-03-02\n")  # input ends at the staff question
    assert code == 1 and "dibatalkan" in out
    assert "sop-kit new --root records --kecamatan Campaka --desa Campakasari --mulai 2026-03-02" in out
    assert cases(repo) == []


# --- 5. personal data in public text passes `check` --------------------------------------------


def test_personal_data_in_public_text_is_reported_where_it_is_typed(repo: Path) -> None:
    folder = new_case(repo)
    kasus = folder / "kasus.yaml"
    text = kasus.read_text("utf-8")
    family = (
        'sasaran:\n  - kepala_keluarga: Ahmad Fauzi\n    nik: "3214010101800001"\n'
        '    telepon: "081234567890"\n    anggota:\n      - nama: Siti Aminah\n        hubungan: istri\n'
    )
    text = text.replace("sasaran: []\n", family)
    text = text.replace("ringkasan:\n", "ringkasan: Keluarga Ahmad Fauzi di RT 03 perlu pendampingan\n")
    kasus.write_text(text, "utf-8")
    code, out = run("step", folder.name, "1", "--catatan", "Hubungi 0812-3456-7890 untuk jadwal")
    assert code == 1, out  # the step's own note: an error right away, not committed
    code, out = run("check", "records", "--no-trail")
    assert code == 1
    ringkasan = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("ringkasan:"))
    assert f"kasus.yaml:{ringkasan}: galat[privacy.public_field]: 'ringkasan' memuat nilai yang tercatat" in out
    assert re.search(r"01-pengumpulan-data\.yaml:\d+: galat\[privacy\.public_field\]: 'catatan' memuat nilai", out)
    for value in ("Ahmad", "Fauzi", "0812", "3456", "7890", "3214010101800001"):
        assert value not in out.replace(folder.name, "")  # named by field and kind, never quoted
    # Shapes alone count too: a NIK or a phone number of someone the case does not record.
    kasus.write_text(text.replace("Keluarga Ahmad Fauzi di RT 03", "NIK 3214 0115 0885 0002, telp +62 813 1111 2222"))
    archive = open_archive(repo / "records")
    kinds = sorted(f.params["kind"] for f in check_case(archive, archive.read_case(folder)).findings
                   if f.code == "privacy.public_field" and f.file.endswith("kasus.yaml"))  # fmt: skip
    assert kinds == ["@privacy.kind.nik"]  # the first value found names the field once


def test_letter_numbers_dates_and_ids_are_not_personal(repo: Path) -> None:
    folder = new_case(repo)
    note = "Rapat 2026-03-02 08:12, 12 keluarga"
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(PDF), "--nomor-surat", "400.2/0817/DSP3A/2026",
                    "--catatan", note)  # fmt: skip
    assert code == 0 and "privacy" not in out, out


# --- merges -----------------------------------------------------------------------------------


def test_a_record_left_with_git_conflict_markers_is_one_located_error(repo: Path) -> None:
    folder = new_case(repo)
    record = next(folder.glob("langkah/01-*.yaml"))
    lines = record.read_text("utf-8").splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("catatan:"))
    lines[at : at + 1] = ["<<<<<<< HEAD", "catatan: dari cabang A", "=======", "catatan: dari cabang B", ">>>>>>> b"]
    record.write_text("\n".join(lines) + "\n", "utf-8")
    code, out = run("check", "records", "--no-trail", "--lang", "id")
    assert code == 1
    mine = [ln for ln in out.splitlines() if record.name in ln]
    assert mine == [f"records/kasus/2026/{folder.name}/langkah/{record.name}:{at + 1}: galat[yaml.conflict]: "
                    f"konflik penggabungan git di baris {at + 1}"]  # fmt: skip
    assert "pilih isi yang benar, hapus penandanya" in out and "yaml.syntax" not in out
    code, out = run("step", folder.name, "1", "--catatan", "x")
    assert code == 2 and "konflik penggabungan git" in out


# --- 4. --help in English only -----------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(the|and|of|to|with|this|for|from|show|shows|without|only|each|every|options?|usage|commands?|default|"
    r"required|message|exit|whether|which|when)\b",
    re.I,
)


def _commands(group: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [path]
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            out += _commands(command, (*path, name))
    return out


def test_every_help_is_in_indonesian_and_english_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOP_KIT_LANG", raising=False)
    commands = _commands(main)
    assert ("staf", "tambah") in commands and ("hentikan",) in commands and len(commands) > 20
    for path in commands:
        indonesian = CliRunner().invoke(main, [*path, "--help"]).output
        english = CliRunner().invoke(main, [*path, "--help"], env={"SOP_KIT_LANG": "en"}).output
        leaf = main.get_command(click.Context(main), path[0]) if path else None
        if leaf is not None and any(p.name == "lang" for p in leaf.params):
            assert CliRunner().invoke(main, [*path, "--help", "--lang", "en"]).output == english, path
        assert "help." not in indonesian and "help." not in english, path  # every code said
        assert indonesian.startswith("Penggunaan:") and english.startswith("Usage:"), path
        # Descriptions only: metavars (CASE, DIRECTORY, INTEGER RANGE…) and option names are names, not sentences.
        prose = [re.sub(r"--?[\w-]+|\b[A-Z][A-Z_ ]+\b|\$\w+|\[[^\]]*\]", " ", ln) for ln in indonesian.splitlines()[1:]]
        found = [ln.strip() for ln in prose if ENGLISH.search(ln)]
        assert found == [], (path, found)
        assert ENGLISH.search(english), path


# --- a case withdrawn ---------------------------------------------------------------------------


def test_a_case_is_stopped_by_whoever_decides_in_the_sop(repo: Path) -> None:
    """Withdrawing a case is deciding it goes no further. A pelaksana could record it in their
    own name ('--oleh rizki-ramadhan') and, before any approval, nothing objected: the case
    left the agenda with a clean verdict."""
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    before = (folder / "kasus.yaml").read_bytes()
    code, out = run("hentikan", folder.name, "batal", "--oleh", "rizki-ramadhan", "--tanggal", "2026-03-03",
                    "--alasan", "Data ganda", "--lang", "en")  # fmt: skip
    assert code == 2 and "stopping a case is a decision of the Kasi Peningkatan Kualitas Keluarga" in out, out
    assert "give --oleh a holder of that role on that date: agus-permana" in out
    assert (folder / "kasus.yaml").read_bytes() == before
    # Written by hand, the check says so, at the line of 'oleh'.
    text = before.decode("utf-8") + (
        "dihentikan:\n  status: batal\n  tanggal: 2026-03-03\n  oleh: rizki-ramadhan\n  alasan: Data ganda\n"
    )
    (folder / "kasus.yaml").write_text(text, "utf-8")
    line = text.splitlines().index("  oleh: rizki-ramadhan") + 1
    assert ("case.stop_wrong_role", "kasus.yaml", line) in findings(repo, folder)
    (folder / "kasus.yaml").write_text(text.replace("oleh: rizki-ramadhan", "oleh: agus-permana"), "utf-8")
    assert "case.stop_wrong_role" not in [code for code, _, _ in findings(repo, folder)]


FAMILY = """sasaran:
  - kepala_keluarga: Dadang Suherman
    nomor_kk: "3214020101800001"
    nik: "3214020101800002"
    alamat: Kp. Sawit RT 002/RW 001
    anggota:
      - nama: Siti Aminah
        hubungan: istri
"""


def test_a_title_with_a_nik_or_a_phone_number_makes_no_case(repo: Path) -> None:
    """`new --judul "… NIK 3214…"` made the case, and only the next check said the published
    title held a NIK. Refused now in the check's words, and no folder is left behind."""
    for title, kind in (("Keluarga Bpk. Ade, NIK 3214022308199119", "nik"), ("Hubungi 0812-3456-7890", "telepon")):
        code, out = run("new", *NEW, "--judul", title, "--no-input")
        said = render("privacy.public_field", "id", {"field": "--judul", "kind": f"@privacy.kind.{kind}"})[0]
        assert code == 2 and said in out, out
        assert cases(repo) == [] and not [p for p in (repo / "records" / "kasus").rglob("*") if p.is_file()]
    assert run("new", *NEW, "--judul", "Pembinaan ketahanan keluarga Campakasari", "--no-input")[0] == 0


def test_a_stop_is_refused_before_it_is_written_when_the_check_would_refuse_it(repo: Path) -> None:
    """`hentikan` wrote a published reason naming the family ("Keluarga Bu Aminah …") that the
    check then reported, and a date before steps the case went on to; a stopped case cannot
    be stopped again, so the clerk was left to mend kasus.yaml by hand. Both are refused now,
    with the check's own words, and nothing is written."""
    folder = new_case(repo)
    kasus = folder / "kasus.yaml"
    kasus.write_text(kasus.read_text("utf-8").replace("sasaran: []\n", FAMILY), "utf-8")
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    before = snapshot(folder)
    for reason, kind in (("Keluarga Bu Aminah pindah ke Bandung", "sebutan"), ("Pindah dari RT 02/RW 01", "rt_rw")):
        code, out = run("hentikan", folder.name, "batal", *STOPPED_BY, "--alasan", reason)
        said = render("privacy.public_field", "id", {"field": "--alasan", "kind": f"@privacy.kind.{kind}"})[0]
        assert code == 2 and said in out and "Traceback" not in out, out
        assert snapshot(folder) == before
        # The same words written by hand are the check's error at the reason's line.
        text = kasus.read_text("utf-8") + f"dihentikan:\n  status: batal\n  tanggal: 2026-03-05\n" \
            f"  oleh: agus-permana\n  alasan: {reason}\n"  # fmt: skip
        kasus.write_text(text, "utf-8")
        assert ("privacy.public_field", "kasus.yaml", len(text.splitlines())) in findings(repo, folder)
        kasus.write_bytes(before["kasus.yaml"])
    # Step 1 started on 2 March: a stop dated the 1st is a mistyped date.
    code, out = run("hentikan", folder.name, "batal", "--oleh", "agus-permana", "--tanggal", "2026-03-01",
                    "--alasan", "Desa sudah dibina program provinsi", "--lang", "en")  # fmt: skip
    assert code == 2 and "step 1 started after it (2026-03-02)" in out and "01-" in out, out
    assert snapshot(folder) == before
    code, out = run("hentikan", folder.name, "batal", *STOPPED_BY, "--alasan", "Keluarga pindah domisili")
    assert code == 0, out
    code, out = run("hentikan", folder.name, "ditutup", *STOPPED_BY, "--alasan", "x")
    assert code == 2 and re.search(r"git restore -- \S*kasus\.yaml", out), out  # the way back, if a mistake


def test_a_withdrawn_case_stays_with_its_reason_and_takes_no_more_steps(repo: Path) -> None:
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    before = (folder / "kasus.yaml").read_bytes()
    code, out = run("hentikan", folder.name, "batal", "--oleh", "agus-permana", "--tanggal", "2999-03-03",
                    "--alasan", "Desa sudah dibina program provinsi")  # fmt: skip
    assert code == 2 and "tanggal 2999-03-03 ada di masa depan" in out, out  # a mistyped year
    assert (folder / "kasus.yaml").read_bytes() == before
    code, out = run("hentikan", folder.name, "batal", "--oleh", "agus-permana", "--tanggal", "2026-03-03",
                    "--alasan", "Desa sudah dibina program provinsi")  # fmt: skip
    assert code == 0 and "tetap di arsip" in out, out
    kasus = load_file(folder / "kasus.yaml").data
    assert kasus["dihentikan"] == {"status": "batal", "tanggal": "2026-03-03", "oleh": "agus-permana",
                                   "alasan": "Desa sudah dibina program provinsi"}  # fmt: skip
    assert kasus["periode"]["sampai"] == "2026-03-03"
    assert findings(repo, folder) == []  # no step is asked for any more
    status = run("status", folder.name)[1]
    assert "Status: dibatalkan" in status and "Desa sudah dibina program provinsi" in status
    assert "belum dikerjakan" not in status and "Berikutnya" not in status
    code, out = run("step", folder.name, "2", *STEP2, "--keputusan", "ya", "--alasan", "x")
    assert code == 2 and "berstatus 'batal'" in out
    assert run("hentikan", folder.name, "ditutup", "--oleh", "agus-permana", "--alasan", "x")[0] == 2  # once
    # The reason is required: written by hand without one, check says where.
    text = (folder / "kasus.yaml").read_text("utf-8")
    (folder / "kasus.yaml").write_text(text.replace("  alasan: Desa sudah dibina program provinsi\n", ""), "utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("dihentikan:"))
    assert ("case.stop_no_reason", "kasus.yaml", line) in findings(repo, folder)


def test_a_file_named_after_the_family_is_attached_under_its_kind(repo: Path, tmp_path: Path) -> None:
    """`step --lampir "KK Dadang Suherman.pdf"` kept the family's name in the stored file's
    name, which the site publishes (the link and the copy's name); the check passed it and only
    the build refused. The name now gives way to the kind's, and the check reports a name typed
    by hand at its line."""
    folder = new_case(repo)
    kasus = folder / "kasus.yaml"
    kasus.write_text(kasus.read_text("utf-8").replace("sasaran: []\n", FAMILY), "utf-8")
    named = tmp_path / "Data KK Dadang Suherman.pdf"
    named.write_bytes(PDF.read_bytes())
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(named))
    assert code == 0, out
    assert [p.name for p in (folder / "lampiran").iterdir()] == ["01-dokumen-data.pdf"]
    assert "nama berkas asalnya memuat data pribadi keluarga" in out
    assert "Dadang" not in out and "dadang" not in out
    assert not [f for f in findings(repo, folder) if f[0].startswith("privacy.")]
    # A name of no one's data keeps its words.
    plain = tmp_path / "Rekap data rawan.pdf"
    plain.write_bytes(PDF2.read_bytes())
    assert run("step", folder.name, "1", "--lampir", str(plain))[0] == 0
    assert (folder / "lampiran" / "01-rekap-data-rawan.pdf").is_file()
    # Renamed by hand, the check names the field and the line, not the value.
    record = next(folder.glob("langkah/01-*.yaml"))
    (folder / "lampiran" / "01-rekap-data-rawan.pdf").rename(folder / "lampiran" / "01-kk-dadang-suherman.pdf")
    text = record.read_text("utf-8").replace("01-rekap-data-rawan.pdf", "01-kk-dadang-suherman.pdf")
    record.write_text(text, "utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "01-kk-dadang-suherman.pdf" in ln)
    assert ("privacy.file_name", record.name, line) in findings(repo, folder)
    # A personal file with a title of its own is never shown by name: not reported.
    titled = text.replace(
        "berkas: lampiran/01-kk-dadang-suherman.pdf",
        "berkas: lampiran/01-kk-dadang-suherman.pdf\n    pribadi: true\n    judul: Salinan KK",
    )
    record.write_text(titled, "utf-8")
    assert [d.get("pribadi") for d in load_file(record).data["dokumen"]] == [None, True]
    assert "privacy.file_name" not in [code for code, _, _ in findings(repo, folder)]


def test_a_wrong_attachment_is_taken_off_with_lepas(repo: Path, tmp_path: Path) -> None:
    """A hurried clerk attached the wrong scan. There was no command to take it off: the
    record and the file had to be mended by hand (and `git restore` known). `--lepas` takes
    the entry off the record and the file out of the folder, in the same commit; an approved
    step only as a correction, with the right file in the same command."""
    folder = new_case(repo)
    wrong = tmp_path / "rekap-desa-lain.pdf"
    wrong.write_bytes(PDF2.read_bytes())
    assert run("step", folder.name, "1", "--mulai", "2026-03-02 09:00", "--lampir", str(wrong))[0] == 0
    record = next(folder.glob("langkah/01-*.yaml"))
    before = snapshot(folder)
    code, out = run("step", folder.name, "1", "--lepas", "rekap-lain.pdf")
    assert code == 2 and "tidak terlampir di langkah ini" in out and "lampiran/01-rekap-desa-lain.pdf" in out, out
    assert snapshot(folder) == before
    code, out = run("step", folder.name, "1", "--lepas", "01-rekap-desa-lain.pdf", "--commit", "--no-sign")
    assert code == 0 and "dilepas: lampiran/01-rekap-desa-lain.pdf" in out, out
    assert not (folder / "lampiran" / "01-rekap-desa-lain.pdf").exists()
    assert load_file(record).data["dokumen"] == []
    assert "lampiran/01-rekap-desa-lain.pdf" not in git(repo, "ls-files")
    assert "dilepas" not in git(repo, "log", "-1", "--format=%s")  # never committed: history holds nothing of it
    # Done and committed: the step is approved; taken off only as a correction.
    good = tmp_path / "rekap-data-rawan.pdf"
    good.write_bytes(PDF.read_bytes())
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(good), "--commit", "--no-sign")[0] == 0
    attached = folder / "lampiran" / "01-rekap-data-rawan.pdf"
    before = snapshot(folder)
    code, out = run("step", folder.name, "1", "--lepas", str(attached))
    assert code == 2 and "--koreksi" in out and snapshot(folder) == before, out
    fixed = tmp_path / "rekap-benar.pdf"
    fixed.write_bytes(PDF2.read_bytes())
    code, out = run(
        "step", folder.name, "1", "--lepas", str(attached), "--lampir", str(fixed), "--koreksi", "salah scan"
    )
    assert code == 0 and "KOREKSI" in out, out
    assert [d["berkas"] for d in load_file(record).data["dokumen"]] == ["lampiran/01-rekap-benar.pdf"]
    assert not attached.exists() and not [f for f in findings(repo, folder) if f[0] == "doc.missing"]


def test_a_step_recorded_without_commit_is_committed_with_commit_alone(repo: Path, tmp_path: Path) -> None:
    """A hurried clerk recorded the step, then saw "Simpan ke git" and ran the step again with
    `--commit` alone: "nothing to record". And the `git add` it printed after a `--lepas` of a
    file never committed named that file, so git refused the whole line. `--commit` alone now
    commits the step as recorded (its record, its new files, the removals git knows), after
    the same check; an approved record changed by hand is refused, not committed."""
    folder = new_case(repo)
    # `new` not committed: a pre-filled step nobody worked on is nothing to commit.
    code, out = run("step", folder.name, "2", "--commit", "--no-sign")
    assert code == 2 and "tidak punya perubahan yang belum di-commit" in out, out
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    wrong = tmp_path / "rekap-desa-lain.pdf"
    wrong.write_bytes(PDF2.read_bytes())
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(wrong))[0] == 0
    code, out = run("step", folder.name, "1", *STEP1, "--lepas", "01-rekap-desa-lain.pdf", "--lampir", str(PDF))
    assert code == 0, out
    (add,) = [line.split()[2:] for line in out.splitlines() if line.startswith("  git add ")]
    assert [Path(a).name for a in add] == ["01-pengumpulan-data.yaml", "01-data-rawan.pdf"], add
    git(repo, "add", *add)  # the printed line works as printed
    git(repo, "reset", "-q")
    code, out = run("step", folder.name, "1", "--commit", "--no-sign")
    assert code == 0 and "belum di-commit" in out and "disimpan sebagai commit" in out, out
    committed = git(repo, "show", "--name-status", "--format=%s", "HEAD").split("\n")
    assert committed[0] == f"kasus {folder.name}: langkah 1 selesai (pengumpulan data)", committed
    assert sorted(line.split("\t")[1].rsplit("/", 1)[-1] for line in committed[2:] if line) == [
        "01-data-rawan.pdf", "01-pengumpulan-data.yaml"
    ]  # fmt: skip
    assert git(repo, "status", "--porcelain") == ""
    code, out = run("step", folder.name, "1", "--commit", "--no-sign")
    assert code == 2 and "tidak punya perubahan yang belum di-commit" in out, out
    # A correction recorded and committed apart: its commit says it is one, the removal included.
    code, out = run("step", folder.name, "1", "--lepas", "01-data-rawan.pdf", "--lampir", str(PDF2),
                    "--koreksi", "salah scan")  # fmt: skip
    assert code == 0, out
    assert run("step", folder.name, "1", "--commit", "--no-sign")[0] == 0
    subject = git(repo, "log", "-1", "--format=%s").strip()
    assert subject.endswith("dikoreksi (pengumpulan data), lampiran dilepas: 01-data-rawan.pdf, koreksi: salah scan")
    assert "01-data-rawan.pdf" not in git(repo, "ls-files")
    # An approved record edited by hand is not committed by it.
    record = next(folder.glob("langkah/01-*.yaml"))
    text = record.read_text("utf-8")
    record.write_text(text.replace("pelaksana: rizki-ramadhan", "pelaksana: agus-permana"), "utf-8")
    head = git(repo, "rev-parse", "HEAD")
    code, out = run("step", folder.name, "1", "--commit", "--no-sign")
    assert code == 2 and "diubah tanpa koreksi" in out and "git checkout --" in out, out
    assert git(repo, "rev-parse", "HEAD") == head


def test_the_data_of_a_new_round_may_be_the_file_the_case_holds(repo: Path) -> None:
    """After a 'tidak', step 1 is done again in round 2; the clerk attached the same data file
    and was told "no need to attach it again", while check said round 2's record lacks its
    document. The record now names the case's copy (no second copy); the same record twice is
    still refused."""
    folder = new_case(repo)
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    code, out = run("step", folder.name, "2", *STEP2, "--keputusan", "tidak", "--alasan", "NIK tidak cocok",
                    "--lampir", str(PDF2))  # fmt: skip
    assert code == 0, out
    again = ["--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-04 09:00", "--selesai", "2026-03-04 09:20"]
    files = snapshot(folder / "lampiran")
    code, out = run("step", folder.name, "1", *again, "--lampir", str(PDF))
    assert code == 0 and "tanpa salinan baru" in out, out
    assert snapshot(folder / "lampiran") == files
    second = folder / "langkah" / "01-pengumpulan-data-putaran-2.yaml"
    assert [d["berkas"] for d in load_file(second).data["dokumen"]] == ["lampiran/01-data-rawan.pdf"]
    assert [f for f in findings(repo, folder) if f[0].startswith(("doc.", "file."))] == []
    code, out = run("step", folder.name, "1", "--lampir", str(PDF))
    assert code == 2 and "sudah dilampirkan sebagai lampiran/01-data-rawan.pdf (langkah 1)" in out, out


def test_a_step_completed_without_its_start_says_the_command_that_fills_it_in(repo: Path) -> None:
    """A hurried clerk gave only --selesai: the check said "lengkapi kolom tersebut" (fill in
    those fields) and left the clerk to find how. It names the command now, and that command
    mends it."""
    folder = new_case(repo)
    code, out = run("step", folder.name, "1", "--pelaksana", "rizki-ramadhan", "--selesai", "2026-03-02 09:25",
                    "--lampir", str(PDF))  # fmt: skip
    assert code == 1 and "belum diisi: mulai" in out, out
    assert f'saran: lengkapi: sop-kit step {folder.name} 1 --mulai "…"' in out, out
    code, out = run("step", folder.name, "1", "--mulai", "2026-03-02 09:00")
    assert code == 0 and "step.done_incomplete" not in out, out


def test_a_step_recorded_in_two_runs_commits_the_file_the_first_run_attached(repo: Path) -> None:
    """A hurried clerk attached the scan in one run and gave the times, with --commit, in the
    next: the commit held the record naming the scan, but not the scan (only that run's
    files), so a clean clone's check said the approved step lacked its document."""
    folder = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    assert run("step", folder.name, "1", "--lampir", str(PDF))[0] == 0
    code, out = run("step", folder.name, "1", *STEP1, "--commit", "--no-sign")
    assert code == 0, out
    held = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert f"records/kasus/{folder.parent.name}/{folder.name}/lampiran/01-data-rawan.pdf" in held, held
    assert git(repo, "status", "--porcelain") == ""


def test_committing_one_step_names_the_steps_of_the_case_still_uncommitted(repo: Path) -> None:
    """Steps 1 and 2 recorded, and only step 2 committed: history held the decision before the
    data it decided on, and nothing said so until a clean clone's check. The commit now names
    step 1 and the command that commits it."""
    folder = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    assert run("step", folder.name, "1", *STEP1, "--lampir", str(PDF))[0] == 0
    code, out = run("step", folder.name, "2", *STEP2, "--keputusan", "ya", "--alasan", "Data valid",
                    "--lampir", str(PDF2), "--commit", "--no-sign")  # fmt: skip
    assert code == 0, out
    assert f"catatan langkah 1 kasus ini juga belum di-commit: sop-kit step {folder.name} 1 --commit" in out, out
    code, out = run("step", folder.name, "1", "--commit", "--no-sign")
    assert code == 0 and "juga belum di-commit" not in out, out
    assert git(repo, "status", "--porcelain") == ""


def test_an_end_before_the_start_says_both_times(repo: Path) -> None:
    """The refusal said 'schema.time_order at selesai' and a generic hint: a hurried clerk
    typing the end days later could not see which start it was compared with."""
    folder = new_case(repo)
    assert run("step", folder.name, "1", "--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-02 09:00")[0] == 0
    before = snapshot(folder)
    code, out = run("step", folder.name, "1", "--selesai", "2026-03-01 09:25")
    assert code == 2, out
    assert "pada 'selesai': waktu selesai sebelum waktu mulai (2026-03-02 09:00 > 2026-03-01 09:25)" in out, out
    assert "berkas tidak diubah" in out and snapshot(folder) == before
    code, out = run("step", folder.name, "1", "--selesai", "2026-03-01 09:25", "--lang", "en")
    assert "end time before start time (2026-03-02 09:00 > 2026-03-01 09:25)" in out, out


def test_a_public_pdf_holding_a_nik_is_refused_when_attached_not_when_the_site_is_built(
    repo: Path, tmp_path: Path
) -> None:
    """`step --lampir` said 'sesuai SOP' and check passed; the build's scan then refused to
    publish the site, after the clerk had committed it. The same scan runs on attaching."""
    import weasyprint

    folder = new_case(repo)
    letter = tmp_path / "rekap-data.pdf"
    weasyprint.HTML(string="<p>Keluarga sasaran NIK 3214010101800001, telepon 081234567890.</p>").write_pdf(letter)
    before = snapshot(folder)
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(letter))
    assert code == 2, out
    assert "isi PDF ini memuat data pribadi (nik, telepon:" in out and "--pribadi" in out
    assert "3214010101800001" not in out and "081234567890" not in out  # masked, as the build's log masks them
    assert snapshot(folder) == before
    code, out = run("step", folder.name, "1", *STEP1, "--lampir", str(letter), "--pribadi")
    assert code == 0, out
    assert load_file(next(folder.glob("langkah/01-*.yaml"))).data["dokumen"][0]["pribadi"] is True
