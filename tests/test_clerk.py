"""`sop-kit new` and `sop-kit step`: a clerk's daily commands, on a real git archive."""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.check.rules import check_case
from sop_kit.clerk.new import NewCase, create_case
from sop_kit.clerk.step import StepUpdate, record_step
from sop_kit.cli.main import main
from sop_kit.core.errors import ConfigError
from sop_kit.records.archive import open_archive
from sop_kit.records.fieldtypes import WIB, office_now, office_today
from sop_kit.records.yamlsafe import load_file

from .conftest import CORPUS, REPO

PDF = CORPUS / "base" / "lampiran" / "01-data-rawan.pdf"
PHOTO = CORPUS / "base" / "foto" / "07-pembinaan-1.jpg"
SOP = "61.1.D.049/I/2020"
NEW = ["--kecamatan", "Campaka", "--desa", "Campakasari", "--mulai", "2026-03-02", "--oleh", "rizki-ramadhan"]
STOPPED_BY = ["--oleh", "agus-permana", "--tanggal", "2026-03-05"]  # the Kasi decides; a date, not the clock


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office repository with the shipped SOP and staff and no cases, committed on main."""
    top = tmp_path / "kantor"
    (top / "records").mkdir(parents=True)
    shutil.copytree(REPO / "records" / "sop", top / "records" / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", top / "records" / "staf.yaml")
    git(top, "init", "-q", "-b", "main")
    git(top, "config", "user.name", "Petugas Uji")
    git(top, "config", "user.email", "petugas@contoh.go.id")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "arsip baru")
    monkeypatch.chdir(top)
    monkeypatch.delenv("SOP_KIT_LANG", raising=False)
    return top


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    if args[:1] == ("new",) and "--sop" not in args:
        args = (*args, "--sop", SOP)  # the shipped records hold two SOPs; these cases follow 61.1.D.049
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def cases(top: Path) -> list[Path]:
    return sorted((top / "records" / "kasus").glob("*/*")) if (top / "records" / "kasus").is_dir() else []


def new_case(top: Path) -> Path:
    code, out = run("new", *NEW, "--no-input")
    assert code == 0, out
    (folder,) = cases(top)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- new -------------------------------------------------------------------------------


def test_new_refuses_a_second_open_case_for_the_same_desa(repo: Path) -> None:
    """A hurried clerk who ran ``new`` twice (the first seemed to fail) got two open cases for
    one coaching. The desa's open case is named instead; ``--lagi`` opens a separate one, and a
    finished, withdrawn or closed case is no reason to refuse."""
    first = new_case(repo)
    code, out = run("new", *NEW, "--no-input")
    assert code == 2 and f"desa Campakasari sudah punya kasus {SOP} yang belum selesai: {first.name}" in out, out
    assert cases(repo) == [first]
    code, out = run("new", "--kecamatan", "Campaka", "--desa", "Cimahi", *NEW[4:], "--no-input")
    assert code == 0, out  # another desa of the same kecamatan
    code, out = run("new", *NEW, "--lagi", "--no-input")
    assert code == 0 and len([c for c in cases(repo) if "campakasari" in c.name]) == 2, out
    for folder in cases(repo):
        code, out = run("hentikan", folder.name, "batal", "--alasan", "Dibuka dua kali", *STOPPED_BY)
        assert code == 0, out
    code, out = run("new", *NEW, "--no-input")
    assert code == 0, out


def test_two_laptops_opening_the_same_desa_are_warned_after_the_merge(repo: Path) -> None:
    """``new`` sees only its own copy: two clerks each open a case for Campakasari on their
    branch, and the merge brings in both. Each is then a warning of both cases, at the desa's
    line, on every surface that reads the verdict, until one is withdrawn."""
    git(repo, "checkout", "-q", "-b", "laptop-2")
    second = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "dibuka di laptop 2")
    git(repo, "checkout", "-q", "main")
    first = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "dibuka di laptop 1")
    git(repo, "merge", "-q", "--no-edit", "laptop-2")
    code, out = run("check", "records", "--no-trail", "--format", "json")
    found = json.loads(out)["findings"]
    warned = {
        (f["case"], f["file"].rsplit("/", 1)[-1], f["params"]["others"])
        for f in found
        if f["code"] == "case.open_twice"
    }
    assert warned == {(first.name, "kasus.yaml", second.name), (second.name, "kasus.yaml", first.name)}, found
    line = next(f["line"] for f in found if f["code"] == "case.open_twice" and f["case"] == first.name)
    assert (first / "kasus.yaml").read_text("utf-8").splitlines()[line - 1].strip().startswith("desa:")
    assert code == 0  # a warning: --strict fails
    assert run("check", "records", "--no-trail", "--strict")[0] == 1
    code, out = run("hentikan", second.name, "batal", "--alasan", "Dibuka dua kali", *STOPPED_BY)
    assert code == 0, out
    code, out = run("check", "records", "--no-trail", "--format", "json")
    assert not any(f["code"] == "case.open_twice" for f in json.loads(out)["findings"]), out


def test_new_writes_every_step_and_passes_check(repo: Path) -> None:
    code, out = run("new", *NEW, "--judul", "Pembinaan Ketahanan Keluarga Desa Campakasari", "--no-input")
    assert code == 0, out
    (folder,) = cases(repo)
    assert re.fullmatch(r"2026-03-campakasari-[a-z2-7]{4}", folder.name)
    assert f"git add records/kasus/2026/{folder.name}" in out
    archive = open_archive(repo / "records")
    sop = next(iter(archive.sops.values()))
    case = archive.read_case(folder)
    assert case.findings == [] and case.kasus is not None
    assert case.kasus.lokasi.kode == "32.14.02.2002"  # from the register, not typed
    assert sorted(s.record.langkah for s in case.steps) == [s.no for s in sop.langkah]
    assert all(s.record.status == "belum" for s in case.steps)
    assert check_case(archive, archive.read_case(folder)).findings == []
    # Every file points its editor at the schema by a path that resolves to schema/ at the top.
    for path in [folder / "kasus.yaml", *sorted((folder / "langkah").glob("*.yaml"))]:
        first = path.read_text("utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first
        kind = "kasus" if path.name == "kasus.yaml" else "langkah"
        assert (path.parent / target).resolve() == repo / "schema" / f"{kind}.schema.json"
    step2 = next(folder.glob("langkah/02-*.yaml")).read_text("utf-8")
    assert "Dokumen wajib" in step2 and "Data valid?" in step2 and "Kasi Peningkatan Kualitas Keluarga" in step2


def test_new_refuses_typos_with_suggestions_and_writes_nothing(repo: Path) -> None:
    code, out = run("new", "--kecamatan", "Campka", *NEW[2:], "--no-input")
    assert code == 2 and "Campka" in out and "Campaka" in out and "Traceback" not in out
    code, out = run("new", "--kecamatan", "Campaka", "--desa", "Campakasar", *NEW[4:], "--no-input")
    assert code == 2 and "Campakasari" in out
    # A real desa filed under the wrong kecamatan: the message says where it is.
    code, out = run("new", "--kecamatan", "Campaka", "--desa", "Ciherang", *NEW[4:], "--no-input", "--lang", "en")
    assert code == 2 and "Pasawahan" in out and "does not exist in Kecamatan Campaka" in out
    code, out = run("new", *NEW[:6], "--oleh", "rizki-ramadan", "--no-input")
    assert code == 2 and "rizki-ramadhan" in out
    code, out = run("new", *NEW[:4], "--oleh", "rizki-ramadhan", "--no-input")
    assert code == 2 and "--mulai" in out
    code, out = run("new", *NEW[:4], "--mulai", "2026-02-30", "--oleh", "rizki-ramadhan", "--no-input")
    assert code == 2 and "2026-02-30" in out
    assert cases(repo) == []
    assert not any(p.name.startswith(".") for p in (repo / "records" / "kasus").rglob("*"))


def test_new_refuses_a_title_holding_a_control_character(repo: Path) -> None:
    code, out = run("new", *NEW, "--judul", "Pembinaan \u202eGandasoli", "--no-input")
    assert code == 2 and "teks '--judul' berisi karakter kendali U+202E" in out and not cases(repo), out


def test_new_asks_with_choices_and_corrects_typos(repo: Path) -> None:
    answers = "Campka\nCampaka\nCampakasar\n1\n2026-03-02\nrizki-ramadhan\n"
    code, out = run("new", input=answers)
    assert code == 0, out
    assert "Campaka" in out and "kecamatan 'Campka'" in out  # the typo was answered with the nearest name
    (folder,) = cases(repo)
    kasus = load_file(folder / "kasus.yaml").data
    assert kasus["lokasi"]["kecamatan"] == "Campaka"
    assert kasus["lokasi"]["desa"] == "Benteng"  # choice 1 of Campaka's desa, sorted by name


def test_new_cancelled_prompt_creates_nothing(repo: Path) -> None:
    code, out = run("new", "--kecamatan", "Campaka", input="")  # end of input at the desa prompt
    assert code == 1 and "dibatalkan" in out
    assert cases(repo) == []


def test_new_id_never_repeats_one_on_another_branch(repo: Path) -> None:
    request = NewCase("Campaka", "Campakasari", date(2026, 3, 2), "rizki-ramadhan", sop=SOP)
    git(repo, "switch", "-q", "-c", "petugas-lain")
    other = create_case(open_archive(repo / "records"), request, random.Random(7)).folder
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus di cabang lain")
    git(repo, "switch", "-q", "main")
    assert not other.exists()
    # The same random draw on main would give the same id; the branch's case is seen and skipped.
    mine = create_case(open_archive(repo / "records"), request, random.Random(7)).folder
    assert mine.name != other.name
    assert mine.name[:-4] == other.name[:-4]


def test_new_refuses_a_start_after_today(repo: Path) -> None:
    """2027 typed for 2026 made case 2027-06-… in kasus/2027/, 'belum dimulai' with a clean
    verdict, its id wrong for good. A case opens on the day its coaching starts."""
    archive = open_archive(repo / "records")
    future = NewCase("Campaka", "Campakasari", date(2026, 3, 3), "rizki-ramadhan", sop=SOP)
    with pytest.raises(ConfigError) as refused:
        create_case(archive, future, random.Random(7), today=date(2026, 3, 2))
    assert refused.value.code == "new.future" and refused.value.params["today"] == "2026-03-02"
    assert cases(repo) == []
    today = NewCase("Campaka", "Campakasari", date(2026, 3, 2), "rizki-ramadhan", sop=SOP)
    assert create_case(archive, today, random.Random(7), today=date(2026, 3, 2)).folder.is_dir()
    code, out = run("new", "--kecamatan", "Campaka", "--desa", "Cikumpay", "--mulai", "2999-06-01",
                    "--oleh", "rizki-ramadhan", "--no-input")  # fmt: skip
    assert code == 2 and "tanggal mulai 2999-06-01 ada di masa depan" in out, out
    assert len(cases(repo)) == 1


# --- step ------------------------------------------------------------------------------


def test_step_records_times_performer_and_attachment(repo: Path) -> None:
    folder = new_case(repo)
    code, out = run(
        "step", folder.name, "1", "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
        "--pelaksana", "rizki-ramadhan", "--lampir", str(PDF), "--judul", "Rekap data rawan",
    )  # fmt: skip
    assert code == 0, out
    step_file = next(folder.glob("langkah/01-*.yaml"))
    record = load_file(step_file).data
    assert record["status"] == "selesai" and record["pelaksana"] == "rizki-ramadhan"
    assert record["mulai"] == "2026-03-02 09:00" and record["selesai"] == "2026-03-02 09:25"
    (doc,) = record["dokumen"]
    copied = folder / doc["berkas"]
    assert doc["berkas"] == "lampiran/01-data-rawan.pdf" and doc["jenis"] == "dokumen-data"
    assert copied.read_bytes() == PDF.read_bytes()
    assert doc["sha256"] == hashlib.sha256(PDF.read_bytes()).hexdigest()
    archive = open_archive(repo / "records")
    assert [f for f in check_case(archive, archive.read_case(folder)).findings if "01-" in f.file] == []
    assert 'git commit -S -m "kasus ' + folder.name + ": langkah 1 selesai" in out
    # A photo for step 7 goes to foto/ with its caption.
    code, out = run("step", folder.name, "7", "--lampir", str(PHOTO), "--judul", "Pembukaan")
    assert code == 0, out
    photo = load_file(next(folder.glob("langkah/07-*.yaml"))).data["dokumen"][0]
    assert photo["berkas"] == "foto/07-pembinaan-1.jpg" and photo["keterangan"] == "Pembukaan"


def test_step_keeps_every_comment(repo: Path) -> None:
    folder = new_case(repo)
    step1 = ["--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25"]
    assert (
        run(
            "step", folder.name, "1", *step1, "--lampir", str(CORPUS / "base" / "lampiran" / "02-hasil-verifikasi.pdf")
        )[0]
        == 0
    )
    step_file = next(folder.glob("langkah/02-*.yaml"))
    edited = step_file.read_text("utf-8").replace("status: belum", "status: belum  # diisi setelah rapat")
    edited = edited.replace("pelaksana:", "# Catatan petugas: verifikasi bersama kader.\npelaksana:")
    step_file.write_text(edited, "utf-8")
    before = [line.strip() for line in edited.splitlines() if "#" in line]
    code, out = run(
        "step", folder.name, "2", "--pelaksana", "agus-permana", "--mulai", "2026-03-04 10:00",
        "--selesai", "2026-03-04 10:50", "--keputusan", "ya", "--alasan", "Data lengkap", "--lampir", str(PDF),
    )  # fmt: skip
    assert code == 0, out
    after = step_file.read_text("utf-8")
    comments = [line.strip() for line in after.splitlines() if "#" in line]
    # The same comments in the same order; the inline one keeps its place after the (new) value.
    assert [c.split("#", 1)[1] for c in comments] == [c.split("#", 1)[1] for c in before]
    assert re.search(r"^status: selesai +# diisi setelah rapat$", after, re.M)
    assert load_file(step_file).data["keputusan"] == "ya"


def test_dates_and_times_as_clerks_type_them(repo: Path) -> None:
    """The Indonesian forms a hurried clerk types: the day first with a four-digit year, the
    clock with a dot (PUEBI's 09.30). They were refused; the records get ISO either way."""
    code, out = run("new", *[a if a != "2026-03-02" else "02-03-2026" for a in NEW], "--no-input")
    assert code == 0, out
    (folder,) = cases(repo)
    assert load_file(folder / "kasus.yaml").data["periode"]["mulai"] == "2026-03-02"
    code, out = run("step", folder.name, "1", "--pelaksana", "rizki-ramadhan", "--mulai", "2/3/2026 9.05",
                    "--selesai", "02-03-2026 09.25", "--lampir", str(PDF))  # fmt: skip
    assert code == 0, out
    record = load_file(next(folder.glob("langkah/01-*.yaml"))).data
    assert (record["mulai"], record["selesai"]) == ("2026-03-02 09:05", "2026-03-02 09:25")


def test_step_refuses_bad_input_and_changes_nothing(repo: Path, tmp_path: Path) -> None:
    folder = new_case(repo)
    fake_pdf = tmp_path / "sk.pdf"
    fake_pdf.write_text("bukan PDF, hanya teks\n", "utf-8")
    # What phones save photos as: an iPhone's HEIC, a forwarded WebP (the first bytes are enough).
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(range(256)) * 8)
    webp = tmp_path / "kiriman.webp"
    webp.write_bytes(b"RIFF\x24\x08\x00\x00WEBPVP8 " + bytes(range(256)) * 8)
    # A phone's video of the activity, a WhatsApp voice note, and bytes no format starts with
    # (a file cut short): named for what they are, never "isi berkas adalah ?".
    video = tmp_path / "VID_20260302.mp4"
    video.write_bytes(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2mp41" + bytes(range(256)) * 8)
    voice = tmp_path / "PTT-20260302-WA0001.opus"
    voice.write_bytes(b"OggS\x00\x02" + bytes(range(256)) * 8)
    broken = tmp_path / "pindaian.pdf"
    broken.write_bytes(bytes(range(256)) * 8)
    before = snapshot(folder)
    for args, expected in [
        (["3", "--lampir", str(fake_pdf)], "txt"),  # wrong type: the name says PDF, the content does not
        (["1", "--pelaksana", "budi-santosa"], "budi-santoso"),  # unknown staff: the nearest id
        (["3", "--keputusan", "ya"], "langkah 2"),  # a decision on a step that has none
        (["1", "--mulai", "02/03/26 09:00"], "02/03/26"),  # a two-digit year: either order could be meant
        (["1", "--mulai", "2026-02-30 09:00"], "2026-02-30"),  # no such day
        (["1", "--mulai", "2026-03-02 24.00"], "24.00"),  # no such hour
        (["1", "--mulai", "2026-03-02 10:00", "--selesai", "2026-03-02 09:00"], "selesai"),  # end before start
        (["9", "--catatan", "x"], "1–7"),  # no such step
        (["1"], "--lampir"),  # nothing to record
        (["1", "--lampir", str(tmp_path / "tidak-ada.pdf")], "tidak-ada.pdf"),
        (["1", "--mulai", "2999-03-02 09:00"], "masa depan"),  # the year typed wrong
        (["7", "--lampir", str(heic)], "Pengaturan › Kamera › Format › Paling Kompatibel"),  # how to save JPEG
        (["7", "--lampir", str(webp)], "foto WebP dari ponsel"),
        (["7", "--lampir", str(video)], "isi berkas adalah video, padahal Foto dokumentasi"),
        (["7", "--lampir", str(voice)], "isi berkas adalah audio, padahal Foto dokumentasi"),
        (["3", "--lampir", str(broken)], "isi berkas tidak dikenali sebagai format apa pun"),
        # A control character pasted with the text (Word's vertical tab, an escape sequence): the
        # option is named, not the record line it would have been refused at.
        (["1", "--catatan", "Rujukan ke\x0bpuskesmas"], "teks '--catatan' berisi karakter kendali U+000B"),
        (["3", "--alasan", "ok\x1b[2K"], "teks '--alasan' berisi karakter kendali U+001B"),
    ]:
        code, out = run("step", folder.name, *args)
        assert code == 2 and expected in out and "Traceback" not in out, (args, out)
        assert snapshot(folder) == before, args
    assert not [p for p in folder.rglob(".*")]  # no staging file left behind


def test_step_times_after_now_are_typos_refused_with_the_clock_named(repo: Path) -> None:
    """The hurried clerk types 2027 for 2026: refused, naming the time and now; a laptop a
    few minutes behind the office clock is not refused."""
    folder = new_case(repo)
    before = snapshot(folder)
    now = datetime(2026, 3, 2, 9, 30)
    archive = open_archive(repo / "records")
    with pytest.raises(ConfigError) as refused:
        record_step(archive, folder.name, StepUpdate(1, selesai=datetime(2027, 3, 2, 9, 25)), now=now)
    assert refused.value.code == "record.future"
    assert refused.value.params == {"field": "selesai", "value": "2027-03-02 09:25", "now": "2026-03-02 09:30"}
    assert snapshot(folder) == before
    done = record_step(archive, folder.name, StepUpdate(1, mulai=datetime(2026, 3, 2, 9, 35)), now=now)
    assert done.record is not None and done.record.mulai is not None


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the machine's time zone (TZ) for this test; the process's is restored after."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_times_are_the_offices_whatever_zone_the_machine_is_set_to(
    repo: Path, machine_zone: Callable[[str], None]
) -> None:
    """Records hold WIB. A laptop or CI runner left on UTC is seven hours behind Purwakarta:
    'sekarang' was written seven hours early, and a time typed correctly was refused as
    being after now."""
    folder = new_case(repo)
    machine_zone("UTC")
    archive = open_archive(repo / "records")
    # 02.30 UTC is 09.30 in the office: a step started at 09.00 WIB is in the past.
    now = datetime(2026, 3, 2, 2, 30, tzinfo=UTC)
    done = record_step(archive, folder.name, StepUpdate(1, mulai=datetime(2026, 3, 2, 9, 0)), now=now)
    assert done.record is not None and done.record.mulai == datetime(2026, 3, 2, 9, 0)
    # 'sekarang' is the office's time, to the minute, on a machine in any zone.
    for zone in ("UTC", "America/Los_Angeles"):
        machine_zone(zone)
        assert abs(office_now() - datetime.now(WIB).replace(tzinfo=None)) < timedelta(minutes=1)
        assert abs(office_now() - datetime.now()) > timedelta(hours=6)  # not the machine's clock face
        code, out = run("step", folder.name, "1", "--mulai", "sekarang")
        assert code == 0, out
        mulai = datetime.fromisoformat(load_file(next(folder.glob("langkah/01-*.yaml"))).data["mulai"])
        assert abs(mulai - datetime.now(WIB).replace(tzinfo=None)) < timedelta(minutes=2), (zone, mulai)
        assert office_today() in {(datetime.now(WIB) + timedelta(minutes=m)).date() for m in (-1, 0)}


def test_step_refuses_a_file_attached_twice(repo: Path) -> None:
    folder = new_case(repo)
    assert run("step", folder.name, "1", "--lampir", str(PDF))[0] == 0
    before = snapshot(folder)
    code, out = run("step", folder.name, "2", "--lampir", str(PDF), "--lang", "en")
    assert code == 2 and "already attached as lampiran/01-data-rawan.pdf (step 1)" in out
    assert snapshot(folder) == before
    # Two different files of the same name get two names.
    other = repo.parent / "01-data-rawan.pdf"
    other.write_bytes((CORPUS / "base" / "lampiran" / "02-hasil-verifikasi.pdf").read_bytes())
    assert run("step", folder.name, "1", "--lampir", str(other))[0] == 0
    names = [d["berkas"] for d in load_file(next(folder.glob("langkah/01-*.yaml"))).data["dokumen"]]
    assert names == ["lampiran/01-data-rawan.pdf", "lampiran/01-data-rawan-2.pdf"]


def test_step_tidak_opens_the_next_round(repo: Path) -> None:
    folder = new_case(repo)
    for args in (
        ["1", "--pelaksana", "rizki-ramadhan", "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:20",
         "--lampir", str(PDF)],
        ["2", "--pelaksana", "agus-permana", "--mulai", "2026-03-04 10:00", "--selesai", "2026-03-04 10:40",
         "--keputusan", "tidak", "--alasan", "Data KK belum lengkap",
         "--lampir", str(CORPUS / "base" / "lampiran" / "02-hasil-verifikasi.pdf")],
    ):  # fmt: skip
        code, out = run("step", folder.name, *args)
        assert code == 0, out
    code, out = run("step", folder.name, "1", "--mulai", "2026-03-05 09:00")
    assert code == 0 and "putaran 2" in out, out
    again = folder / "langkah" / "01-pengumpulan-data-putaran-2.yaml"
    record = load_file(again).data
    assert record["putaran"] == 2 and record["status"] == "berjalan"
    assert again.read_text("utf-8").startswith("# yaml-language-server: $schema=")
    assert load_file(next(folder.glob("langkah/01-pengumpulan-data.yaml"))).data["putaran"] == 1  # kept


def test_step_commit_takes_only_this_step(repo: Path) -> None:
    mine = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    code, out = run("new", "--kecamatan", "Bojong", "--desa", "Bojong Barat", *NEW[4:], "--no-input")
    assert code == 0, out
    other = next(c for c in cases(repo) if c != mine)
    other_before = snapshot(other)
    code, out = run(
        "step", mine.name, "1", "--lampir", str(PDF), "--catatan", "Data dari kader", "--commit", "--no-sign"
    )
    assert code == 0 and "commit" in out, out
    assert snapshot(other) == other_before
    message = git(repo, "log", "-1", "--format=%s")
    assert message.strip() == f"kasus {mine.name}: langkah 1 belum (pengumpulan data)"
    changed = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(changed) == sorted(
        [f"records/kasus/2026/{mine.name}/langkah/01-pengumpulan-data.yaml",
         f"records/kasus/2026/{mine.name}/lampiran/01-data-rawan.pdf"]
    )  # fmt: skip
    assert other.name in git(repo, "status", "--porcelain")  # the other case is still uncommitted


def test_a_commit_that_cannot_be_signed_says_how_to_set_up_the_key(repo: Path) -> None:
    """A clerk's first --commit on a laptop without a signing key: git's own words, then the
    two settings, and the commit to run once they are made; the files are written and staged."""
    folder = new_case(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "kasus dibuka")
    git(repo, "config", "gpg.program", "false")  # no key: signing fails, as git reports it
    code, out = run("step", folder.name, "1", "--catatan", "Data dari kader", "--commit")
    assert code == 2, out
    assert "commit tidak dapat ditandatangani: error: gpg failed to sign the data" in out, out
    assert "git config gpg.format ssh" in out and "git config user.signingkey" in out
    assert f'git commit -S -m "kasus {folder.name}: langkah 1 belum (pengumpulan data)"' in out
    assert f"records/kasus/2026/{folder.name}/langkah/01-pengumpulan-data.yaml" in git(
        repo, "diff", "--cached", "--name-only"
    )


def test_step_will_not_follow_a_symlink_out_of_the_case(repo: Path, tmp_path: Path) -> None:
    folder = new_case(repo)
    outside = tmp_path / "luar.yaml"
    step_file = next(folder.glob("langkah/03-*.yaml"))
    outside.write_bytes(step_file.read_bytes())
    step_file.unlink()
    step_file.symlink_to(outside)
    before = outside.read_bytes()
    code, out = run("step", folder.name, "3", "--catatan", "x")
    assert code == 2 and "Traceback" not in out
    assert outside.read_bytes() == before


def test_new_takes_a_name_typed_with_other_spacing_and_writes_the_registers(repo: Path) -> None:
    code, out = run("new", "--kecamatan", "pondok salam", "--desa", "GALUDRA", *NEW[4:], "--no-input")
    assert code == 0, out
    (folder,) = cases(repo)
    assert load_file(folder / "kasus.yaml").data["lokasi"] | {"kode": "-"} == {
        "kecamatan": "Pondoksalam",
        "desa": "Galudra",
        "kode": "-",
    }


def test_one_coaching_for_two_desa_is_recorded_as_joint_in_both_cases(repo: Path) -> None:
    """A coaching held for two desa at once: its photo is the record of both cases. Attached to
    both, it is an error of each (a photo recycled for a coaching that left none); named by each
    case as joint (`--bersama`, with the file or afterwards), a note of each for the auditor;
    named by one side only, or by steps of different days, still an error. A case that does not
    exist, or shares no file of the step, is refused with what to do."""
    first = new_case(repo)
    code, out = run("new", "--kecamatan", "Campaka", "--desa", "Cimahi", "--mulai", "2026-03-02",
                    "--oleh", "rizki-ramadhan", "--no-input")  # fmt: skip
    assert code == 0, out
    (second,) = [c for c in cases(repo) if c != first]

    def codes() -> list[tuple[str, str, str]]:
        checked = CliRunner().invoke(main, ["check", "records", "--no-trail", "--no-cache", "--format", "json"])
        found = json.loads(checked.output)["findings"]
        return sorted((f["case"], f["code"], f["severity"]) for f in found if f["code"].startswith("doc."))

    code, out = run("step", first.name, "7", "--lampir", str(PHOTO), "--bersama", "2026-03-nowhere-zzzz")
    assert code == 2 and "--bersama 2026-03-nowhere-zzzz: tidak ada kasus lain dengan id itu" in out, out
    assert not list(first.glob("foto/*"))  # nothing copied
    code, out = run("step", first.name, "7", "--lampir", str(PHOTO), "--bersama", second.name)
    assert code == 0, out
    code, out = run("step", second.name, "7", "--lampir", str(PHOTO))  # the hurried clerk forgets
    assert code == 1 and "galat[doc.other_case]" in out and "--bersama" in out, out
    assert codes() == [(c.name, "doc.other_case", "error") for c in sorted((first, second))]

    code, out = run("step", second.name, "6", "--bersama", first.name)
    assert code == 2 and f"tidak ada berkas langkah ini yang juga dicatat kasus {first.name}" in out, out
    code, out = run("step", second.name, "7", "--bersama", first.name)  # afterwards, on the file already there
    assert code == 1 and "galat[doc.joint_days]" in out, out  # named by both, but when was it?
    entry = load_file(next(second.glob("langkah/07-*.yaml"))).data["dokumen"][0]
    assert entry["bersama"] == [first.name]

    def held_on(case: Path, day: str) -> None:
        """Step 7's times written in (`step` refuses step 7 before steps 1-6, not done here)."""
        record = next(case.glob("langkah/07-*.yaml"))
        text = re.sub(r"^mulai:.*$", f"mulai: {day} 09:00", record.read_text("utf-8"), count=1, flags=re.M)
        record.write_text(re.sub(r"^selesai:.*$", f"selesai: {day} 11:00", text, count=1, flags=re.M), "utf-8")

    held_on(first, "2026-03-09")
    held_on(second, "2026-03-10")
    assert codes() == [(c.name, "doc.joint_days", "error") for c in sorted((first, second))]  # two days: two events
    held_on(second, "2026-03-09")
    assert codes() == [(c.name, "doc.joint", "info") for c in sorted((first, second))]
