"""The clerk types a step that is the Kasi's to approve, and commits it: the ordinary office
path. The commit is no approval (the trail says so); what the clerk is told then, and the
Kasi's own approval afterwards with `step N --setujui --commit`, which before had no command:
`--setujui` only approved a correction, so the trail's error could be cleared only by
inventing one."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sop_kit.records.yamlsafe import load_file

from .office import Office
from .test_clerk_loop import CLERK, KADIS, KASI, REASON, office, wib

__all__ = ["office"]  # the fixture, shared with test_clerk_loop

KASI_NAME = "Siti Nurhaliza, S.Psi."


def errors_of(office: Office, case: str) -> list[str]:
    """The check's error lines for the case."""
    out = office.run("check", str(office.records), code=None)
    return [line for line in out.splitlines() if case in line and "galat[" in line]


def test_a_step_typed_and_committed_by_the_clerk_is_approved_by_its_kasi(office: Office) -> None:
    records = str(office.records)
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    folder = next(office.records.glob(f"kasus/2026/{case}"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip

    # The clerk types the Kasi's decision and commits it with the clerk's own key.
    office.when = wib("2026-03-03 10:00")
    minutes = office.scan("ba.pdf", "Berita acara")
    out = office.step(case, 2, CLERK, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "ya", "--lampir", str(minutes))  # fmt: skip
    assert "BELUM DISETUJUI: commit ini bukan persetujuan langkah 2 oleh pelaksananya" in out, out
    how = f"`sop-kit step {case} 2 --setujui --commit`"
    assert f"Caranya: {KASI_NAME} menjalankan {how}" in out
    (error,) = errors_of(office, case)
    assert "trail.wrong_role" in error
    check = office.run("check", records, code=None)
    assert f"sop-kit step {case} 2 --putaran 1 --setujui --commit" in check  # the finding's hint names it too
    # ... and her agenda lists it, for her alone.
    agenda = office.run("agenda", "--root", records, "--tanggal", "2026-03-03", "--staf", KASI)
    assert "MENUNGGU PERSETUJUAN" in agenda and f"sop-kit step {case} 2 --putaran 1 --setujui --commit" in agenda
    assert "MENUNGGU PERSETUJUAN" not in office.run("agenda", "--root", records, "--tanggal", "2026-03-03",
                                                    "--staf", CLERK)  # fmt: skip

    # The clerk cannot approve it, nor can a key nobody registered: refused before anything is written.
    record = folder / "langkah" / "02-verifikasi-validasi.yaml"
    committed = record.read_bytes()
    out = office.step(case, 2, CLERK, "--setujui", code=2)
    assert "menandatangani dengan kunci Rizki Ramadhan, S.Kom. (user.signingkey), bukan kunci " + KASI_NAME in out
    assert "tidak ada yang ditulis" in out and record.read_bytes() == committed
    out = office.step(case, 2, "tamu", "--setujui", code=2)
    assert "tidak terdaftar di staf.yaml" in out and "SHA256:" in out and record.read_bytes() == committed
    # Without --commit nothing is signed yet: written, and the commit someone makes of it is judged.
    office.when = wib("2026-03-03 11:00")
    office.step(case, 2, CLERK, "--setujui", "--pada", "2026-03-03 10:55", commit=False)
    out = office.run("step", case, "2", "--root", records, "--commit", who=CLERK)
    assert "BELUM DISETUJUI" in out and "trail.changed_after_approval" in out
    assert len(errors_of(office, case)) == 2  # the wrong role, and a change since
    committed = record.read_bytes()

    # A record changed by hand is not what the Kasi approves: refused, nothing written.
    record.write_text(record.read_text("utf-8").replace("09:00", "09:05"), "utf-8")
    changed = record.read_bytes()
    out = office.step(case, 2, KASI, "--setujui", code=2)
    assert "berbeda dari versinya di git" in out and "git restore" in out
    assert record.read_bytes() == changed
    record.write_bytes(committed)

    # The Kasi, with her own key: approved; the record says when, history says who.
    office.when = wib("2026-03-03 14:00")
    out = office.step(case, 2, KASI, "--setujui", "--pada", "2026-03-03 13:58")
    assert "langkah 2 ditandai disetujui (disetujui: 2026-03-03 13:58)" in out and "BELUM" not in out, out
    assert load_file(record).data["disetujui"] == "2026-03-03 13:58"
    assert office.git("log", "-1", "--format=%s") == (
        f"kasus {case}: langkah 2 (verifikasi validasi) disetujui oleh pelaksananya"
    )
    assert errors_of(office, case) == []
    trail = office.run("trail", case, "--root", records)
    assert f"langkah 2 disetujui pelaksananya — oleh {KASI} — terverifikasi: {KASI_NAME}" in trail, trail
    assert "langkah 2 disetujui ulang" not in trail  # her first approval: the clerk's commit was none
    status = office.run("status", case, "--root", records)
    assert "sesuai SOP" in status

    agenda = office.run("agenda", "--root", records, "--tanggal", "2026-03-03", "--staf", KASI)
    assert "MENUNGGU PERSETUJUAN" not in agenda

    # Once approved by her, not again.
    out = office.step(case, 2, KASI, "--setujui", code=2)
    assert "sudah disetujui pelaksananya (atau penggantinya)" in out


def test_the_kasi_approves_first_and_commits_on_her_own(office: Office) -> None:
    """`--setujui` without --commit, then `step N --commit` alone: the commit is the
    approval, said as such; anything else changed by hand beside it is refused."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    out = office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai",
                      "2026-03-02 09:25", "--lampir", str(office.scan("rekap.pdf", "Rekap")))  # fmt: skip
    assert "BELUM" not in out  # the clerk's own step, signed by the clerk: approved
    out = office.step(case, 1, CLERK, "--setujui", code=2)
    assert "sudah disetujui pelaksananya (atau penggantinya)" in out
    out = office.step(case, 2, CLERK, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "ya", "--lampir", str(office.scan("ba.pdf", "BA")),
                      "--no-sign")  # fmt: skip
    assert "BELUM DISETUJUI" in out and "tanpa tanda tangan" in out

    office.when = wib("2026-03-03 14:00")
    out = office.step(case, 2, KASI, "--setujui", "--pada", "2026-03-03 13:58", commit=False)
    assert "berlaku setelah di-commit dengan tanda tangan " + KASI_NAME in out
    record = next((office.records / "kasus").glob(f"*/{case}/langkah/02-*.yaml"))
    approved = record.read_text("utf-8")
    record.write_text(approved.replace("09:00", "09:05"), "utf-8")
    out = office.run("step", case, "2", "--root", str(office.records), "--commit", who=KASI, code=2)
    assert "diubah tanpa koreksi" in out
    record.write_text(approved, "utf-8")
    out = office.run("step", case, "2", "--root", str(office.records), "--commit", who=KASI)
    assert "BELUM" not in out, out
    subject = office.git("log", "-1", "--format=%s")
    assert subject.endswith("langkah 2 (verifikasi validasi) disetujui oleh pelaksananya")
    assert errors_of(office, case) == []


def test_a_correction_its_doer_commits_is_approved_on_every_surface(office: Office) -> None:
    """The clerk corrects her own approved step and commits it with her key, as she is told she
    may: history counts that commit as the re-approval (the trail says "disetujui ulang", the
    check is clean), and status said "dikoreksi, menunggu persetujuan ulang" from the record's
    own mark, which only --setujui writes. A correction committed unsigned still waits, as the
    check says; without the trail status says what the record says."""
    records = str(office.records)
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    office.when = wib("2026-03-02 11:00")
    out = office.step(case, 1, CLERK, "--catatan", "Sumber: kader PKK.", "--koreksi", "Sumber data belum ditulis")
    assert "atau meng-commit koreksi ini sendiri" in out, out
    assert errors_of(office, case) == []
    assert "langkah 1 disetujui ulang" in office.run("trail", case, "--root", records)
    waiting = "dikoreksi, menunggu persetujuan ulang"
    status = office.run("status", case, "--root", records)
    assert "Putusan: sesuai SOP" in status and waiting not in status, status
    assert waiting in office.run("status", case, "--root", records, "--no-trail")

    office.when = wib("2026-03-02 12:00")
    office.step(case, 1, CLERK, "--catatan", "Sumber: kader PKK dan RT.", "--koreksi", "RT juga", "--no-sign")
    assert errors_of(office, case)
    status = office.run("status", case, "--root", records, code=None)
    assert "TIDAK SESUAI SOP" in status and waiting in status, status


def test_the_blank_records_a_new_case_is_opened_with_are_no_steps_in_its_trail(office: Office) -> None:
    """`sop-kit new` writes every step's blank record with the case. The trail listed each as
    "langkah N (putaran 1) dicatat" by the clerk who opened it (seven lines, on the site, in the
    dossier and in the bag), though no step was done; a step recorded under way still is."""
    records = str(office.records)
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00")
    trail = office.run("trail", case, "--root", records)
    assert "kasus dibuat" in trail and "langkah 1 (putaran 1) dicatat" in trail, trail
    assert not [n for n in range(2, 8) if f"langkah {n} (putaran 1) dicatat" in trail], trail


def test_an_approved_step_reverted_with_git_is_recorded_again_by_the_command_it_is_told(office: Office) -> None:
    """A hurried clerk undoes an approved step with `git revert`: the step is no longer done,
    its approval covers nothing, and `--setujui` has nothing to approve. The refusal names the
    command that records it again, with the case's id; that command clears the error."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    done = ("--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25")
    office.step(case, 1, CLERK, *done, "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))
    office.when = wib("2026-03-02 11:00")
    office.git("revert", "--no-edit", "HEAD", who=CLERK)
    errors = errors_of(office, case)
    assert errors and all("trail.changed_after_approval" in e for e in errors)
    out = office.step(case, 1, CLERK, "--setujui", code=2)
    assert "tidak ada yang disetujui" in out and f"sop-kit step {case} 1 --selesai … --commit" in out, out
    office.when = wib("2026-03-02 13:00")
    office.step(case, 1, CLERK, *done, "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))
    assert errors_of(office, case) == []
    out = office.step(case, 1, CLERK, "--setujui", code=2)
    assert f"`sop-kit trail {case}`" in out  # already approved: where to see it, for this case


def test_a_step_recorded_done_and_not_committed_is_no_approved_step(office: Office) -> None:
    """Recorded and never committed, the Kasi's decision read 'sesuai SOP' on the PC holding it:
    a dossier or site made there showed a decision nobody approved, while the same record
    committed without a signature is a finding. Until its doer commits it, it is one too, at
    the level of an unsigned approval (a note under 'laporkan', an error under 'wajib')."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    office.when = wib("2026-03-03 10:00")
    out = office.step(case, 2, CLERK, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "ya", "--lampir", str(office.scan("ba.pdf", "BA")),
                      commit=False)  # fmt: skip
    assert "not_committed" not in out and "Simpan ke git" in out  # recording it says what to commit

    def found() -> list[str]:
        out = office.run("check", str(office.records), code=None)
        return [line for line in out.splitlines() if "trail.done_not_committed" in line]

    (note,) = found()
    assert "catatan[" in note and "langkah 2" in note  # the office's policy: laporkan
    office.env["SOP_KIT_SIGNATURES"] = "wajib"
    assert "galat[" in found()[0]
    assert "TIDAK SESUAI SOP" in office.run("status", case, "--root", str(office.records), code=None)
    check = office.run("check", str(office.records), code=None)
    how = f"sop-kit step {case} 2 --putaran 1 --commit"
    assert how in check
    assert "done_not_committed" not in office.run("check", str(office.records), "--no-trail", code=None)
    office.run(*how.split()[1:], "--root", str(office.records), who=KASI)  # as the hint says, by the Kasi
    assert found() == [] and errors_of(office, case) == []


def test_an_approval_of_a_step_not_done_is_a_finding(office: Office) -> None:
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    record = next((office.records / "kasus").glob(f"*/{case}/langkah/01-*.yaml"))
    record.write_text(record.read_text("utf-8") + "disetujui: 2026-03-02 10:00\n", "utf-8")
    out = office.run("check", str(office.records), "--no-trail", code=1)
    assert "schema.approved_undone" in out and "disetujui sebelum langkahnya selesai" in out, out
    office.step(case, 1, CLERK, "--setujui", commit=False, code=2)  # never committed: nothing to approve


def test_an_approval_made_on_a_machine_set_to_utc_reads_in_wib_on_every_surface(office: Office) -> None:
    """The site showed a commit's time in WIB; `sop-kit trail` and the dossier (whose column
    says 'Waktu (WIB)') showed it in the committing machine's zone: seven hours apart for one
    approval, and the record's own 'selesai' (WIB) seemingly after its approval."""
    from pypdf import PdfReader

    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = datetime(2026, 3, 2, 3, 40, tzinfo=UTC)  # 10:40 WIB, from a laptop on UTC
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    assert office.git("log", "-1", "--format=%cd", "--date=iso") == "2026-03-02 03:40:00 +0000"
    trail = office.run("trail", case, "--root", str(office.records))
    assert "2026-03-02 10:40" in trail and "03:40" not in trail and "waktu WIB" in trail, trail
    pdf = office.top / "pdf"
    office.run("pdf", str(office.records), "--out", str(pdf), "--case", case, "-q")
    dossier = next(pdf.rglob(f"berkas-pembinaan-{case}.pdf"))
    words = " ".join(page.extract_text() for page in PdfReader(dossier).pages)
    assert "10:40" in words and "03:40" not in words
    site = office.top / "site"
    office.run("build", str(office.records), "--out", str(site), "-q", "--no-pdf")
    page = next(site.glob(f"kasus/**/{case}/index.html")).read_text("utf-8")
    assert 'datetime="2026-03-02T10:40+07:00"' in page and "03:40" not in page


def test_an_approval_dated_in_the_future_is_refused(office: Office) -> None:
    """--pada took any time: a year mistyped put an approval (or a correction) in the future."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap")), "--no-sign")  # fmt: skip
    record = next((office.records / "kasus").glob(f"*/{case}/langkah/01-*.yaml"))
    before = record.read_bytes()
    out = office.step(case, 1, CLERK, "--setujui", "--pada", "2999-03-02 10:00", code=2)
    assert "waktu pada 2999-03-02 10:00 ada di masa depan" in out and record.read_bytes() == before


def step_1_done(office: Office) -> str:
    """A case opened, and its step 1 done and committed by the clerk on 2 March 2026: its id."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap")))  # fmt: skip
    return case


def kasi_decision_typed(office: Office, case: str, day: str) -> str:
    """The Kasi's 'ya' of ``day``, typed and committed by the clerk: what the clerk is told."""
    minutes = office.scan("ba.pdf", "BA")
    return office.step(case, 2, CLERK, "--pelaksana", KASI, "--mulai", f"{day} 09:00", "--selesai", f"{day} 09:50",
                       "--keputusan", "ya", "--lampir", str(minutes))  # fmt: skip


def bag_notes(office: Office, case: str) -> str:
    """What ``verify-bag`` says of the case's bag (exported as it stands, --force)."""
    bag = office.top.parent / f"{case}.bag"
    office.run("export", case, "--root", str(office.records), "--out", str(bag), "--force", code=None)
    return office.run("verify-bag", str(bag), code=None)


def test_a_tidak_typed_by_the_clerk_is_approved_by_the_kasi_from_round_two(office: Office) -> None:
    """The decision sent the case back to step 1: round 2 is due, and --setujui alone still
    reaches round 1's decision, the record waiting for her approval."""
    case = step_1_done(office)
    office.when = wib("2026-03-03 10:00")
    out = office.step(case, 2, CLERK, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "tidak", "--alasan", "Data KK belum lengkap",
                      "--lampir", str(office.scan("ba.pdf", "BA")))  # fmt: skip
    assert "BELUM DISETUJUI" in out
    assert "(putaran 2)" in office.run("status", case, "--root", str(office.records))
    office.when = wib("2026-03-03 14:00")
    out = office.step(case, 2, KASI, "--setujui", "--pada", "2026-03-03 13:58")
    assert "langkah 2 (putaran 1) dicatat" in out and "BELUM" not in out, out
    assert errors_of(office, case) == []


def test_a_kasi_moved_to_another_post_approves_the_decision_she_made_as_kasi(office: Office) -> None:
    """Staff move on (mutasi) between a clerk's commit and the doer's approval. Her approval of
    a decision that entered history while she was Kasi still counts; one that entered after she
    left does not, and she is not told to do again what she just did."""
    records = str(office.records)
    case = step_1_done(office)
    office.when = wib("2026-03-03 10:00")
    assert "BELUM DISETUJUI" in kasi_decision_typed(office, case, "2026-03-03")

    # Her post as Kasi ends on 31 March, by the registry's admin's signed commit; the admin is told
    # what she has left to approve.
    out = office.run("staf", "akhiri", KASI, "--root", records, "--sampai", "2026-03-31")
    assert f"PERHATIAN: {KASI_NAME} belum menyetujui langkah yang tercatat diselesaikannya: {case} langkah 2" in out
    assert f"sop-kit step {case} 2 --putaran 1 --setujui --commit" in out
    office.commit("staf: jabatan Kasi berakhir", KADIS, wib("2026-04-01 08:00"))
    # Her agenda, after she left, still holds it: the decision entered history while she was Kasi.
    agenda = office.run("agenda", "--root", records, "--tanggal", "2026-04-02", "--staf", KASI)
    assert "MENUNGGU PERSETUJUAN" in agenda, agenda

    office.when = wib("2026-04-06 10:00")
    out = office.step(case, 2, KASI, "--setujui", "--pada", "2026-04-06 09:58")
    assert "BELUM" not in out, out
    assert errors_of(office, case) == []
    trail = office.run("trail", case, "--root", records)
    assert f"langkah 2 disetujui pelaksananya — oleh {KASI} — terverifikasi: {KASI_NAME}" in trail, trail
    notes = bag_notes(office, case)  # the bag's own check of each approval agrees
    assert "SAH: bag utuh" in notes and "2 dari 2 catatan langkah yang selesai terbukti disetujui" in notes, notes


def test_a_decision_committed_after_its_kasi_left_is_approved_by_the_new_kasi(office: Office) -> None:
    """The clerk commits a decision the Kasi made in her last days only after she left the post:
    history cannot show she held it when it entered, so her own approval cannot count. The
    Kasi now holds the role and approves it for her; every surface says it was not its doer."""
    records, new_kasi, new_name = str(office.records), "maya-anggraini", "Maya Anggraini, S.Sos."
    case = step_1_done(office)
    office.run("staf", "akhiri", KASI, "--root", records, "--sampai", "2026-03-31")
    office.hire(new_kasi, new_name, "19880312 201101 2 007", "Kasi PKK", "2026-04-01", "kasi-pkk")
    office.commit("staf: Kasi PKK berganti", KADIS, wib("2026-04-01 08:00"))
    office.when = wib("2026-04-02 10:00")
    out = kasi_decision_typed(office, case, "2026-03-30")
    # Only the Kasi now: her own signature, made after she left, could not count.
    assert f"Caranya: {new_name} menjalankan" in out and KASI_NAME not in out.split("Caranya", 1)[1], out
    agenda = office.run("agenda", "--root", records, "--tanggal", "2026-04-02", "--staf", new_kasi)
    assert "MENUNGGU PERSETUJUAN" in agenda, agenda
    # Not hers: it entered history after she left, so her signature cannot count (the trail's rule).
    agenda = office.run("agenda", "--root", records, "--tanggal", "2026-04-02", "--staf", KASI)
    assert "MENUNGGU PERSETUJUAN" not in agenda, agenda

    # Her own signed approval, after she left: not verified, and the hint names who can.
    office.when = wib("2026-04-06 10:00")
    out = office.step(case, 2, KASI, "--setujui", "--pada", "2026-04-06 09:58")
    assert "BELUM DISETUJUI" in out and f"Caranya: {new_name} menjalankan" in out, out
    # The clerk still cannot; the new Kasi can.
    assert "bukan kunci" in office.step(case, 2, CLERK, "--setujui", code=2)
    office.when = wib("2026-04-07 10:00")
    out = office.step(case, 2, new_kasi, "--setujui", "--pada", "2026-04-07 09:58")
    assert "BELUM" not in out, out
    check = office.run("check", records, "--format", "json")
    (note,) = [f for f in json.loads(check)["findings"] if f.get("case") == case]
    assert (note["severity"], note["code"]) == ("info", "trail.approved_by_successor")  # listed for the auditor
    assert new_name in note["message"]
    assert office.git("log", "-1", "--format=%s").endswith(
        "langkah 2 (verifikasi validasi) disetujui pengganti pelaksananya"
    )
    assert errors_of(office, case) == []
    trail = office.run("trail", case, "--root", records)
    assert "langkah 2 disetujui pengganti pelaksananya" in trail and f"terverifikasi: {new_name}" in trail, trail
    notes = bag_notes(office, case)
    assert "SAH: bag utuh" in notes and "2 dari 2 catatan langkah yang selesai terbukti disetujui" in notes, notes
    assert "MENUNGGU PERSETUJUAN" not in office.run("agenda", "--root", records, "--tanggal", "2026-04-07",
                                                    "--staf", new_kasi)  # fmt: skip
    # Once approved in her stead, not again: by her, nor by the new Kasi.
    for who in (KASI, new_kasi):
        assert "sudah disetujui pelaksananya (atau penggantinya)" in office.step(case, 2, who, "--setujui", code=2)


def test_the_same_command_run_twice_commits_nothing_and_says_so(office: Office) -> None:
    """Up-arrow and Enter: the record is already as git holds it. An edit has nothing left to
    commit (said, exit 0); an approval in the same minute as the last one cannot be signed
    (refused, saying to run it again once the minute changed). Before, both stopped at
    'git commit gagal:' with no reason and told the clerk to run the same failing commit."""
    records, new_kasi, new_name = str(office.records), "maya-anggraini", "Maya Anggraini, S.Sos."
    case = step_1_done(office)
    office.when = wib("2026-03-02 11:00")
    office.step(case, 2, CLERK, "--catatan", "Menunggu berita acara")
    head = office.git("rev-parse", "HEAD")
    out = office.step(case, 2, CLERK, "--catatan", "Menunggu berita acara")
    assert "git sudah menyimpan catatan ini persis seperti ini; tidak ada commit baru" in out, out
    assert "gagal" not in out and office.git("rev-parse", "HEAD") == head

    office.run("staf", "akhiri", KASI, "--root", records, "--sampai", "2026-03-31")
    office.hire(new_kasi, new_name, "19880312 201101 2 007", "Kasi PKK", "2026-04-01", "kasi-pkk")
    office.commit("staf: Kasi PKK berganti", KADIS, wib("2026-04-01 08:00"))
    office.when = wib("2026-04-02 10:00")
    kasi_decision_typed(office, case, "2026-03-30")
    office.when = wib("2026-04-06 10:00")
    assert "BELUM DISETUJUI" in office.step(case, 2, KASI, "--setujui", "--pada", "2026-04-06 09:58")
    head = office.git("rev-parse", "HEAD")
    out = office.step(case, 2, new_kasi, "--setujui", "--pada", "2026-04-06 09:58", code=2)
    assert "persetujuan langkah 2 tidak tercatat" in out and "setelah menit berganti" in out, out
    assert office.git("rev-parse", "HEAD") == head
    out = office.step(case, 2, new_kasi, "--setujui", "--pada", "2026-04-06 09:59")
    assert "BELUM" not in out and errors_of(office, case) == [], out


def test_a_stopped_case_tells_its_identity_change_in_the_trail_not_a_step_none(office: Office) -> None:
    """The Kasi's signed stop of a case with an approved step changes kasus.yaml: the trail
    and the case page said 'langkah None disetujui ulang'."""
    records = str(office.records)
    case = step_1_done(office)
    office.when = wib("2026-03-04 10:00")
    out = office.run("hentikan", case, "batal", "--root", records, "--oleh", KASI, "--tanggal", "2026-03-04",
                     "--alasan", "Desa sudah dibina program provinsi", "--commit", who=KASI)  # fmt: skip
    assert "disimpan sebagai commit" in out, out
    trail = office.run("trail", case, "--root", records)
    assert "identitas kasus (kasus.yaml) diubah dan disetujui" in trail and "None" not in trail, trail
    site = office.top / "situs"
    office.run("build", records, "--out", str(site), "-q")
    page = html.unescape(next(site.glob(f"kasus/**/{case}/index.html")).read_text("utf-8"))
    assert "identitas kasus (kasus.yaml) diubah dan disetujui" in page and "langkah None" not in page


@pytest.mark.parametrize("rule", ["*.pdf", "lampiran/"])
def test_a_scan_this_pc_ignores_goes_into_history_with_its_step(office: Office, tmp_path: Path, rule: str) -> None:
    """A '*.pdf' in the computer's own ignore rules made `git add` refuse the scan: the step was
    not committed, and the hint's `git commit` then committed the record alone. The check here
    passed (the scan is here, its hash matches) while a clone lacked it. Now the step's commit
    adds what its record names whatever ignores it; a record committed without its file is an
    error here as in a clone, naming the rule, and the command it gives commits the file."""
    (office.top / ".git" / "info").mkdir(exist_ok=True)
    (office.top / ".git" / "info" / "exclude").write_text(f"# scans stay out of git\n{rule}\n", "utf-8")
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    assert office.git("ls-files", "--", "*/lampiran/01-rekap.pdf").endswith("01-rekap.pdf")

    office.when = wib("2026-03-03 10:00")
    office.step(case, 2, KASI, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai", "2026-03-03 09:50",
                "--keputusan", "ya", "--lampir", str(office.scan("ba.pdf", "BA")), commit=False)  # fmt: skip
    office.git("add", "--", "records")  # the record; git leaves the scan out, as before
    office.git("commit", "-q", "-S", "-m", f"kasus {case}: langkah 2", who=KASI)
    assert office.git("ls-files", "--", "*/lampiran/02-ba.pdf") == ""
    clone = tmp_path / "salinan"
    office.git("clone", "-q", str(office.top), str(clone))

    def errors(records: Path) -> list[str]:
        out = office.run("check", str(records), code=None)
        return [line for line in out.splitlines() if "galat[" in line or "saran:" in line]

    here = errors(office.records)
    assert any("galat[file.missing]" in line and "02-ba.pdf" in line for line in errors(clone / "records"))
    assert "galat[trail.ignored_file]" in here[0] and f"'{rule}' (.git/info/exclude:2)" in here[0], here
    how = f"sop-kit step {case} 2 --putaran 1 --setujui --commit"
    assert how in here[1]
    office.run(*how.split()[1:], "--root", str(office.records), who=KASI)  # as the hint says
    assert errors(office.records) == []
    office.git("-C", str(clone), "pull", "-q")
    assert errors(clone / "records") == []


def test_a_kasi_hired_and_not_yet_committed_is_refused_by_the_step_as_by_the_check(office: Office) -> None:
    """A hurried admin adds the new Kasi to staf.yaml and forgets to commit it. The Kasi's
    decision was accepted and committed by `sop-kit step` (it read the working registry), and
    every check after it refused the decision (the registry in force does not know her). The
    step reads the registry in force now: it refuses before writing anything, says the change
    to staf.yaml is not in force yet and who commits it; once the admin has, the same command
    records and commits the decision, and the check passes it."""
    office.env["SOP_KIT_SIGNATURES"] = "wajib"  # the office's policy: history says what is in force
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    new_kasi = "dewi-lestari"
    office.hire(new_kasi, "Dewi Lestari, S.Kesos.", "19880212 201101 2 007", "Kasi PKK", "2026-03-01", "kasi-pkk")
    head = office.git("rev-parse", "HEAD")

    office.when = wib("2026-03-03 10:00")
    args = ("--pelaksana", new_kasi, "--mulai", "2026-03-03 09:00", "--selesai", "2026-03-03 09:50",
            "--keputusan", "ya", "--lampir", str(office.scan("ba.pdf", "Berita acara")))  # fmt: skip
    out = office.step(case, 2, new_kasi, *args, code=2)
    assert f"staf '{new_kasi}' tercatat di staf.yaml di folder ini, tetapi perubahan itu belum berlaku" in out, out
    assert "admin staf (Kepala Dinas atau Kasubag Umum) meng-commit staf.yaml" in out, out
    assert office.git("rev-parse", "HEAD") == head and office.git("status", "--porcelain", "records/kasus") == ""

    office.commit("staf: Kasi PKK baru", KADIS, wib("2026-03-03 11:00"))
    office.when = wib("2026-03-03 11:30")
    out = office.step(case, 2, new_kasi, *args)
    assert "disimpan sebagai commit" in out and "galat[" not in out and "governed.not_in_force" not in out, out
    assert errors_of(office, case) == []


def test_a_role_given_in_an_uncommitted_registry_is_no_approval_after_the_commit(office: Office) -> None:
    """Under 'laporkan' the working registry judges a record, and the trail judges signatures by
    the registry history holds. A clerk gives himself the Kasi's role in staf.yaml without
    committing it and commits the Kasi's decision as his own, signed. The step said nothing after
    the commit (its look at whether staf.yaml was changed here asked git about the file as if it
    were a folder, and heard nothing); it says the commit is no approval, as check does."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    office.when = wib("2026-03-02 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-02 09:00", "--selesai", "2026-03-02 09:25",
                "--lampir", str(office.scan("rekap.pdf", "Rekap data rawan")))  # fmt: skip
    staff = office.records / "staf.yaml"
    text = staff.read_text("utf-8")
    at = text.index("peran: [pelaksana]", text.index(f"id: {CLERK}"))
    staff.write_text(text[:at] + "peran: [pelaksana, kasi-pkk]" + text[at + len("peran: [pelaksana]") :], "utf-8")
    office.when = wib("2026-03-03 10:00")
    minutes = office.scan("ba.pdf", "Berita acara")
    out = office.step(case, 2, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-03 09:00", "--selesai",
                      "2026-03-03 09:50", "--keputusan", "ya", "--lampir", str(minutes))  # fmt: skip
    assert "disimpan sebagai commit" in out, out
    assert "BELUM DISETUJUI: commit ini bukan persetujuan langkah 2 oleh pelaksananya" in out, out
    assert "[trail.wrong_role]" in out, out
    assert "[trail.wrong_role]" in office.run("check", str(office.records), code=None)


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """``sop-kit ARGS`` with stdout and stderr on a pseudo-terminal, as a clerk's window runs it."""
    main_fd, child_fd = os.openpty()
    with subprocess.Popen([sys.executable, "-m", "sop_kit", *args], stdout=child_fd, stderr=child_fd, env=env) as proc:
        os.close(child_fd)
        out = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            out += chunk
        proc.wait()
    os.close(main_fd)
    return out.decode("utf-8", "replace")


def test_a_clerks_command_shows_a_long_first_reading_of_history_on_a_terminal(office: Office, tmp_path: Path) -> None:
    """A step reads the trail for the registry in force; the first time on a fresh clone it reads
    the whole history (minutes at 10,000 cases). On a terminal a bar says so; once cached, nothing
    is added to what the step says."""
    case = office.new_case("Campaka", "Campakasari", "2026-03-02", CLERK)
    office.commit(f"kasus {case}: dibuka", CLERK, wib("2026-03-02 08:00"))
    for i in range(10):  # a history of the records long enough for a progress bar
        (office.records / "catatan-rapat.txt").write_text(f"rapat {i}\n", "utf-8")
        office.commit(f"rapat {i}", CLERK, wib("2026-03-02 09:00"))
    env = {**os.environ, **office.env, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm"}
    env.pop("CI", None)
    args = ["step", case, "1", "--root", str(office.records), "--catatan", "Data dihimpun dari kader."]
    first = _on_a_terminal(args, env)
    assert "memverifikasi tanda tangan commit" in first and "dicatat di" in first, first
    office.git("checkout", "-q", "--", "records/kasus")
    again = _on_a_terminal(args, env)
    assert "memverifikasi tanda tangan commit" not in again and "dicatat di" in again, again


def test_a_decision_is_not_turned_round_after_the_case_went_on_from_it(office: Office) -> None:
    """A 'tidak' corrected to 'ya' once round 2 has begun, or a 'ya' corrected to 'tidak' once
    step 3 is done, would leave those records off the SOP's path (round.unexpected,
    step.needs_decision) with the step command saying 'sesuai SOP'. Refused, naming the records
    in the way; nothing written. Taken out of the archive first, the correction goes through."""
    records = str(office.records)
    case = step_1_done(office)
    folder = next(office.records.glob(f"kasus/2026/{case}"))
    office.when = wib("2026-03-03 10:00")
    office.step(case, 2, KASI, "--pelaksana", KASI, "--mulai", "2026-03-03 09:00", "--selesai", "2026-03-03 09:50",
                "--keputusan", "tidak", "--alasan", REASON,
                "--lampir", str(office.scan("ba.pdf", "Berita acara verifikasi")))  # fmt: skip
    office.when = wib("2026-03-04 10:00")
    office.step(case, 1, CLERK, "--pelaksana", CLERK, "--mulai", "2026-03-04 09:00")  # round 2 begins
    files = {p.name: p.read_bytes() for p in (folder / "langkah").iterdir()}

    out = office.step(case, 2, KASI, "--putaran", "1", "--keputusan", "ya", "--alasan", "salah pilih",
                      "--koreksi", "keputusan salah pilih", code=2, commit=False)  # fmt: skip
    assert "langkah 2 tidak dicatat" in out and "langkah/01-pengumpulan-data-putaran-2.yaml" in out, out
    assert "git rm" in out
    assert {p.name: p.read_bytes() for p in (folder / "langkah").iterdir()} == files

    # Taken out of the archive (signed), the same correction is recorded and the check agrees.
    office.git("rm", "-q", str(folder / "langkah" / "01-pengumpulan-data-putaran-2.yaml"))
    office.commit(f"kasus {case}: putaran 2 dibatalkan", KASI, wib("2026-03-04 11:00"))
    office.when = wib("2026-03-04 12:00")
    office.step(case, 2, KASI, "--putaran", "1", "--keputusan", "ya", "--alasan", "Data lengkap",
                "--koreksi", "keputusan salah pilih")  # fmt: skip
    status = office.run("status", case, "--root", records)
    assert "Berikutnya: langkah 3" in status and "galat" not in status.split("Berikutnya", 1)[1], status

    # The other way: step 3 done after the 'ya'; a 'tidak' now would strand it.
    office.when = wib("2026-03-05 11:00")
    office.step(case, 3, KASI, "--pelaksana", KASI, "--mulai", "2026-03-05 09:00", "--selesai", "2026-03-05 09:20",
                "--lampir", str(office.scan("sk.pdf", "SK penetapan lokasi")))  # fmt: skip
    files = {p.name: p.read_bytes() for p in (folder / "langkah").iterdir()}
    office.when = wib("2026-03-05 12:00")
    out = office.step(case, 2, KASI, "--putaran", "1", "--keputusan", "tidak", "--alasan", REASON,
                      "--koreksi", "ternyata belum lengkap", code=2, commit=False)  # fmt: skip
    assert "langkah/03-penetapan-lokasi.yaml" in out, out
    assert {p.name: p.read_bytes() for p in (folder / "langkah").iterdir()} == files
    assert "0 galat" in office.run("check", records)
