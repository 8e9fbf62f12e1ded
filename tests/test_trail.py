"""The approval trail on real git repositories with real SSH keys (made by the tests)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sop_kit import CheckOptions, open_archive
from sop_kit.core.errors import ConfigError
from sop_kit.core.findings import Finding
from sop_kit.trail.build import build_trail
from sop_kit.trail.findings import trail_findings
from sop_kit.trail.load import load_trail
from sop_kit.trail.model import Event, Trail

from .conftest import BASE_ID, CORPUS, REPO, DemoSite, judge
from .signed_repo import SignedRepo

REPO_RECORDS = REPO / "records"

PEOPLE = ("hendra-gunawan", "dewi-lestari", "agus-permana", "budi-santoso", "siti-nurhaliza")


def trail_of(repo: SignedRepo, cache: Path) -> tuple[Trail, list[tuple[str, str, int | None]]]:
    archive = open_archive(repo.records)
    config = archive.config
    trail = build_trail(archive, config.trust_root, cache_dir=cache)
    assert trail is not None
    findings = [*trail.findings, *trail_findings(archive, trail)]
    found = [(f.code, Path(f.file).name, f.params.get("no")) for f in findings]
    return trail, found


def approvals(trail: Trail) -> list[Event]:
    return [e for ct in trail.cases.values() for e in ct.events if e.kind in ("selesai", "keputusan")]


@pytest.fixture
def repo(tmp_path: Path) -> SignedRepo:
    return started(tmp_path)


def started(tmp_path: Path) -> SignedRepo:
    """A case whose steps 1 and 2 were done and committed by their role holders."""
    r = SignedRepo(tmp_path / "arsip")
    r.start_archive(PEOPLE)
    r.add_identity()
    r.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    r.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    r.add_step("02-verifikasi.yaml", ("lampiran/02-hasil-verifikasi.pdf",))
    r.commit("Langkah 2: data valid", "agus-permana", "Agus Permana", "2026-03-03T10:00:00+07:00")
    return r


def steps_3_4(repo: SignedRepo) -> None:
    repo.add_step("03-penetapan.yaml", ("lampiran/03-sk-penetapan.pdf",))
    repo.commit("Langkah 3: SK", "agus-permana", "Agus Permana", "2026-03-04T10:00:00+07:00")
    repo.add_step("04-persiapan.yaml", ("lampiran/04-rencana-pembinaan.pdf",))
    repo.commit("Langkah 4", "dewi-lestari", "Dewi Lestari", "2026-03-05T08:30:00+07:00")


def add_step_5(repo: SignedRepo, signer: str | None, author: str = "Budi Santoso") -> None:
    steps_3_4(repo)
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    repo.commit("Langkah 5: koordinasi", signer, author, "2026-03-09T12:00:00+07:00")


def test_signed_approval_by_the_right_role_is_verified(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, "budi-santoso")
    trail, found = trail_of(repo, tmp_path / "c")
    verdicts = {(e.step, e.kind): (e.verified, e.signer, e.decision) for e in approvals(trail)}
    assert verdicts[(1, "selesai")] == (True, "dewi-lestari", None)
    assert verdicts[(2, "keputusan")] == (True, "agus-permana", "ya")
    assert verdicts[(5, "selesai")] == (True, "budi-santoso", None)
    assert found == []
    assert all(e.tree for e in approvals(trail))  # the case folder's exact content at approval


def test_unsigned_commit_with_the_kabid_name_is_not_an_approval(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, None)
    trail, found = trail_of(repo, tmp_path / "c")
    step5 = next(e for e in approvals(trail) if e.step == 5)
    assert (step5.verified, step5.reason, step5.author) == (False, "unsigned", "Budi Santoso")
    assert ("trail.unverified", "05-koordinasi.yaml", 5) in found


def test_clerk_key_with_the_kabid_name_is_not_an_approval(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, "dewi-lestari", author="Budi Santoso")
    trail, found = trail_of(repo, tmp_path / "c")
    step5 = next(e for e in approvals(trail) if e.step == 5)
    assert (step5.verified, step5.reason, step5.signer) == (False, "no_role", "dewi-lestari")
    assert ("trail.wrong_role", "05-koordinasi.yaml", 5) in found


def test_unknown_key_is_not_an_approval(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, "orang-asing")
    trail, found = trail_of(repo, tmp_path / "c")
    step5 = next(e for e in approvals(trail) if e.step == 5)
    assert (step5.verified, step5.reason, step5.signer) == (False, "unknown_key", None)
    assert ("trail.unverified", "05-koordinasi.yaml", 5) in found


def test_registry_edited_in_the_approving_commit_does_not_authorise_it(repo: SignedRepo, tmp_path: Path) -> None:
    """The clerk makes herself Kabid and approves step 5 in the same commit."""
    steps_3_4(repo)
    staff = repo.records / "staf.yaml"
    text = staff.read_text()
    text = text.replace(
        "      - jabatan: Pekerja Sosial Ahli Pertama\n        peran: [pelaksana, petugas-pengaduan]",
        "      - jabatan: Pekerja Sosial Ahli Pertama\n        peran: [pelaksana, petugas-pengaduan, kabid]",
    )
    staff.write_text(text)
    step5 = (CORPUS / "base" / "langkah" / "05-koordinasi.yaml").read_text().replace("budi-santoso", "dewi-lestari")
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",), text=step5)
    repo.commit("Langkah 5", "dewi-lestari", "Dewi Lestari", "2026-03-09T12:00:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    event = next(e for e in approvals(trail) if e.step == 5)
    assert (event.verified, event.reason) == (False, "no_role")
    assert ("trail.registry_unauthorised", "staf.yaml", None) in found
    assert ("trail.wrong_role", "05-koordinasi.yaml", 5) in found


def test_registry_change_by_an_administrator_counts_from_the_next_commit(repo: SignedRepo, tmp_path: Path) -> None:
    steps_3_4(repo)
    staff = repo.records / "staf.yaml"
    staff.write_text(repo.staff_with_keys((*PEOPLE, "rizki-ramadhan")))
    repo.commit("Kunci Rizki didaftarkan", "hendra-gunawan", "Hendra Gunawan", "2026-03-06T08:00:00+07:00")
    step5 = (CORPUS / "base" / "langkah" / "07-dokumentasi.yaml").read_text().replace("dewi-lestari", "rizki-ramadhan")
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    repo.commit("Langkah 5", "budi-santoso", "Budi Santoso", "2026-03-09T12:00:00+07:00")
    repo.add_step("06-pembinaan.yaml")
    repo.commit("Langkah 6", "agus-permana", "Agus Permana", "2026-03-12T15:00:00+07:00")
    repo.add_step("07-dokumentasi.yaml", ("foto/07-pembinaan-1.jpg",), text=step5)
    repo.commit("Langkah 7", "rizki-ramadhan", "Rizki Ramadhan", "2026-03-12T15:30:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    step7 = next(e for e in approvals(trail) if e.step == 7)
    assert (step7.verified, step7.signer) == (True, "rizki-ramadhan")
    assert found == []


def test_approval_after_tenure_ended_is_not_valid(repo: SignedRepo, tmp_path: Path) -> None:
    """Siti was Kasi PKK until 2025-06-30; her key still signs, but not as Kasi in 2026."""
    step2 = (CORPUS / "base" / "langkah" / "02-verifikasi.yaml").read_text().replace("agus-permana", "siti-nurhaliza")
    (repo.case_dir() / "langkah" / "02-verifikasi.yaml").write_text(step2.replace("keputusan: ya", "keputusan: tidak"))
    repo.commit("Langkah 2 diputuskan ulang", "siti-nurhaliza", "Siti Nurhaliza", "2026-03-03T11:00:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    decisions = [e for e in approvals(trail) if e.step == 2]
    assert [(e.signer, e.verified, e.reason, e.decision) for e in decisions] == [
        ("agus-permana", True, None, "ya"),
        ("siti-nurhaliza", False, "no_role", "tidak"),
    ]
    assert ("trail.wrong_role", "02-verifikasi.yaml", 2) in found


def test_only_a_role_holder_for_a_doer_who_left_the_role_approves_in_their_stead(tmp_path: Path) -> None:
    """A step the clerk committed for Dewi, unsigned. Another holder of her role cannot approve
    it while she holds it, nor can anyone without it; once her tenure ends, a holder of the role
    can, and the trail says it was not its doer. A doer who never held the role has no successor."""
    r = SignedRepo(tmp_path / "arsip")
    r.start_archive((*PEOPLE, "rizki-ramadhan"))
    r.add_identity()
    r.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    r.commit("Langkah 1", None, "Rizki Ramadhan", "2026-03-02T09:00:00+07:00")
    record = r.case_dir() / "langkah" / "01-pengumpulan-data.yaml"

    def save_again(signer: str, when: str) -> tuple[Event, bool]:
        """The step's last event after ``signer`` saves it again, and whether it stands unapproved."""
        record.write_text(record.read_text("utf-8") + "\n", "utf-8")
        r.commit("Langkah 1 disetujui", signer, signer, when)
        trail, found = trail_of(r, tmp_path / "c")
        waiting = any(code in ("trail.unverified", "trail.changed_after_approval") for code, _, _ in found)
        return [e for e in trail.cases[BASE_ID].events if e.step == 1][-1], waiting

    # Rizki is a pelaksana too, but Dewi still is: his commit changes her step, approves nothing.
    last, waiting = save_again("rizki-ramadhan", "2026-03-10T09:00:00+07:00")
    assert (last.kind, waiting) == ("diubah", True)
    staff = r.records / "staf.yaml"
    tenure = "        peran: [pelaksana, petugas-pengaduan]\n        mulai: 2019-04-01\n"
    assert staff.read_text("utf-8").count(tenure) == 1
    staff.write_text(staff.read_text("utf-8").replace(tenure, tenure + "        sampai: 2026-03-15\n"), "utf-8")
    r.commit("Dewi pindah tugas", "hendra-gunawan", "Hendra Gunawan", "2026-03-16T08:00:00+07:00")
    # The Kabid holds no pelaksana role: not his to approve.
    last, waiting = save_again("budi-santoso", "2026-03-20T09:00:00+07:00")
    assert (last.kind, waiting) == ("diubah", True)
    last, waiting = save_again("rizki-ramadhan", "2026-03-21T09:00:00+07:00")
    assert (last.kind, last.verified, last.signer, waiting) == ("disetujui_pengganti", True, "rizki-ramadhan", False)

    # Step 2 recorded as the Kabid's (he never held the Kasi's role): the Kasi cannot stand in.
    step2 = (CORPUS / "base" / "langkah" / "02-verifikasi.yaml").read_text().replace("agus-permana", "budi-santoso")
    (r.case_dir() / "langkah" / "02-verifikasi.yaml").write_text(step2)
    r.commit("Langkah 2", None, "Rizki Ramadhan", "2026-03-22T09:00:00+07:00")
    (r.case_dir() / "langkah" / "02-verifikasi.yaml").write_text(step2 + "\n")
    r.commit("Langkah 2 disetujui", "agus-permana", "Agus Permana", "2026-03-23T09:00:00+07:00")
    trail, found = trail_of(r, tmp_path / "c")
    assert [e.kind for e in trail.cases[BASE_ID].events if e.step == 2] == ["keputusan", "diubah"]
    assert ("trail.changed_after_approval", "02-verifikasi.yaml", 2) in found


def test_edit_after_approval_is_flagged_and_reapproval_clears_it(repo: SignedRepo, tmp_path: Path) -> None:
    step2 = repo.case_dir() / "langkah" / "02-verifikasi.yaml"
    step2.write_text(step2.read_text().replace("Data lengkap", "Data hampir lengkap"))
    repo.commit("Ubah catatan", "dewi-lestari", "Dewi Lestari", "2026-03-05T09:00:00+07:00")
    (repo.case_dir() / "lampiran" / "01-data-rawan.pdf").write_bytes(b"%PDF-1.4 diganti\n")
    repo.commit("Ganti berkas", None, "Dewi Lestari", "2026-03-05T09:30:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    kinds = [(e.kind, e.step) for e in trail.cases[BASE_ID].events]
    assert ("diubah", 2) in kinds and ("berkas_diubah", 1) in kinds
    assert ("trail.changed_after_approval", "02-verifikasi.yaml", 2) in found
    assert ("trail.changed_after_approval", "01-pengumpulan-data.yaml", 1) in found
    # The Kasi saves the record again, signed: step 2 is approved again; step 1 still changed.
    step2.write_text(step2.read_text() + "\n")
    repo.commit("Langkah 2 disetujui ulang", "agus-permana", "Agus Permana", "2026-03-05T10:00:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    assert ("disetujui_ulang", 2) in [(e.kind, e.step) for e in trail.cases[BASE_ID].events]
    assert ("trail.changed_after_approval", "02-verifikasi.yaml", 2) not in found
    assert ("trail.changed_after_approval", "01-pengumpulan-data.yaml", 1) in found


def test_a_changed_identity_is_approved_again_by_the_role_its_hint_names(repo: SignedRepo, tmp_path: Path) -> None:
    """The hint said 'the Kasi or the Kabid' must approve kasus.yaml again, but only the roles
    of the SOP's decision steps can: a Kabid following it got a second finding. The hint now
    names those roles, from the case's SOP, and the one it names clears it."""
    kasus = repo.case_dir() / "kasus.yaml"
    kasus.write_text(kasus.read_text("utf-8") + "# judul diperbaiki\n", "utf-8")
    repo.commit("Perbaiki identitas", "dewi-lestari", "Dewi Lestari", "2026-03-05T09:00:00+07:00")
    archive = open_archive(repo.records)

    def identity_findings() -> list[tuple[str, str]]:
        trail, _ = trail_of(repo, tmp_path / "c")
        return [
            (f.params["author"], f.hint("en"))
            for f in [*trail.findings, *trail_findings(archive, trail)]
            if f.code == "trail.identity_changed"
        ]

    assert identity_findings() == [
        ("Dewi Lestari", "approve again: a commit signed by the Kasi Peningkatan Kualitas Keluarga that saves "
         "kasus.yaml again")
    ]  # fmt: skip
    kasus.write_text(kasus.read_text("utf-8") + "\n", "utf-8")
    repo.commit("Setujui identitas", "budi-santoso", "Budi Santoso", "2026-03-05T10:00:00+07:00")  # the Kabid
    assert [author for author, _ in identity_findings()] == ["Dewi Lestari", "Budi Santoso"]
    kasus.write_text(kasus.read_text("utf-8") + "\n", "utf-8")
    repo.commit("Setujui identitas", "agus-permana", "Agus Permana", "2026-03-05T11:00:00+07:00")  # the Kasi
    assert identity_findings() == []


def test_an_approval_before_the_step_was_done_approves_nothing(repo: SignedRepo, tmp_path: Path) -> None:
    """Step 3 signed by the Kasi on 4 March at 10.00 while its record says it ended on
    14 March (an approval given in advance, or times made up afterwards): an error, whatever
    the signature policy; the Kasi approving again after the record's end clears it."""
    repo.add_step("03-penetapan.yaml", ("lampiran/03-sk-penetapan.pdf",))
    step3 = repo.case_dir() / "langkah" / "03-penetapan.yaml"
    step3.write_text(step3.read_text("utf-8").replace("selesai: 2026-03-04 10:00", "selesai: 2026-03-14 10:00"))
    repo.commit("Langkah 3: SK", "agus-permana", "Agus Permana", "2026-03-04T10:00:00+07:00")
    trail, _ = trail_of(repo, tmp_path / "c")
    archive = open_archive(repo.records)
    early = [f for f in trail_findings(archive, trail) if f.code == "trail.approved_before_done"]
    assert [(f.severity.value, f.params["approved"], f.params["done"]) for f in early] == [
        ("error", "2026-03-04 10:00", "2026-03-14 10:00")
    ]
    # Ten minutes of clock between the record and the commit are no finding (as 'step' allows).
    step3.write_text(step3.read_text("utf-8").replace("selesai: 2026-03-14 10:00", "selesai: 2026-03-04 10:09"))
    repo.commit("Langkah 3: waktu dikoreksi", "agus-permana", "Agus Permana", "2026-03-04T10:01:00+07:00")
    trail, _ = trail_of(repo, tmp_path / "c")
    assert [f.code for f in trail_findings(archive, trail) if f.code == "trail.approved_before_done"] == []


def test_a_blob_cache_of_the_previous_version_is_read_again(repo: SignedRepo, tmp_path: Path) -> None:
    """Step records cached before their end time was kept (six fields) are parsed again, not
    unpacked into seven: an office upgrading sop-kit keeps its cache folder."""
    trail_of(repo, tmp_path / "c")
    (cache,) = (tmp_path / "c").glob("blobs-*.json")
    entries = json.loads(cache.read_text("utf-8"))
    old = {blob: e[:6] if isinstance(e, list) and len(e) == 7 else e for blob, e in entries.items()}
    assert old != entries
    cache.write_text(json.dumps(old), "utf-8")
    steps_3_4(repo)  # a new commit: the trail is built again, reading the cached blobs
    trail, found = trail_of(repo, tmp_path / "c")
    assert {st.done for st in trail.cases[BASE_ID].steps.values()} >= {datetime(2026, 3, 2, 9, 0)}
    assert not [code for code, _, _ in found if code == "trail.approved_before_done"]


def test_a_commit_dated_in_the_future_is_named_and_lifts_no_later_commit(repo: SignedRepo, tmp_path: Path) -> None:
    """A commit dated 2099 (a date set by hand, or a laptop's wrong clock), then honest ones.
    It was the trail's floor for every commit after it: the Kabid's signed approval of step 5
    counted from 2099, after his planned end of tenure, so it was 'wrong_role'; and the honest
    commit after it was 'backdated', for ever. A date after the check's clock cannot be true:
    the commit is named on the case it touches and its date lifts nothing. When the clock
    reaches that date, the cached trail is built again and the dates are read as written."""
    steps_3_4(repo)
    staff = repo.records / "staf.yaml"
    tenure = "        peran: [kabid]\n        mulai: 2020-07-01\n"
    staff.write_text(staff.read_text("utf-8").replace(tenure, tenure + "        sampai: 2027-06-30\n"), "utf-8")
    repo.commit("Rotasi Kabid direncanakan", "hendra-gunawan", "Hendra Gunawan", "2026-03-05T12:00:00+07:00")
    note = repo.case_dir() / "langkah" / "04-persiapan.yaml"
    note.write_text(note.read_text("utf-8") + "# 1\n", "utf-8")
    future = repo.commit("Jam laptop salah", None, "Dewi Lestari", "2099-01-01T09:00:00+07:00")
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    honest = repo.commit("Langkah 5: koordinasi", "budi-santoso", "Budi Santoso", "2026-03-09T12:00:00+07:00")
    archive = open_archive(repo.records)

    def load(now: datetime | None = None) -> tuple[Trail, dict[str, list[Finding]]]:
        trail = load_trail(archive, archive.config.trust_root, tmp_path / "c", now=now)
        assert trail is not None
        found: dict[str, list[Finding]] = {}
        for f in trail.findings:  # the trail's own and what they mean for the check
            found.setdefault(f.code, []).append(f)
        return trail, found

    for cached in (False, True):
        trail, found = load()
        (ahead,) = found.pop("trail.future_dated")
        assert (ahead.params["commit"], ahead.params["date"], ahead.case) == (future[:10], "2099-01-01 09:00", BASE_ID)
        assert ahead.file.endswith(f"{BASE_ID}/kasus.yaml") and "after the time of the check" in ahead.message("en")
        assert [f.params["no"] for f in found.pop("trail.changed_after_approval")] == [4]  # the note
        assert found == {}, cached  # no 'backdated', no 'wrong_role'
        (step5,) = [e for e in approvals(trail) if e.step == 5]
        assert (step5.commit, step5.verified, step5.signer) == (honest, True, "budi-santoso")
        assert step5.when == datetime.fromisoformat("2026-03-09T12:00:00+07:00")
    # In 2100 the date is no longer impossible: the trail is built again and reads it as written.
    _, found = load(datetime(2100, 1, 1, tzinfo=UTC))
    assert "trail.future_dated" not in found
    ((back,),) = [found["trail.backdated"]]
    assert (back.params["commit"], back.params["parent_commit"]) == (honest[:10], future[:10])
    assert [f.params["no"] for f in found["trail.wrong_role"]] == [5]  # counted from 2099: after his tenure
    # A clock that went back (the cache was made "in 2100") is not trusted either.
    _, found = load()
    assert [f.params["commit"] for f in found["trail.future_dated"]] == [future[:10]]


def test_a_key_listed_for_two_people_verifies_no_ones_approval(repo: SignedRepo, tmp_path: Path) -> None:
    """The Kasi's key pasted into a clerk's entry as well (signed in by the Kepala Dinas): the
    registry said the key was whoever came last in the file, so the Kasi's signed SK counted as
    the clerk's ('wrong_role'); with the entries the other way round, the clerk's would have
    counted as the Kasi's. A key of two people names no one: not verified, for that reason."""
    staff = repo.records / "staf.yaml"
    dewi = f'    kunci_ssh: ["{repo.public("dewi-lestari")}"]\n'
    both = f'    kunci_ssh: ["{repo.public("dewi-lestari")}", "{repo.public("agus-permana")}"]\n'
    assert dewi in staff.read_text("utf-8")
    staff.write_text(staff.read_text("utf-8").replace(dewi, both), "utf-8")
    repo.commit("Kunci Dewi", "hendra-gunawan", "Hendra Gunawan", "2026-03-03T12:00:00+07:00")
    steps_3_4(repo)
    trail, found = trail_of(repo, tmp_path / "c")
    (sk,) = [e for e in approvals(trail) if e.step == 3]
    assert (sk.verified, sk.signer, sk.reason) == (False, None, "shared_key")
    assert ("trail.unverified", "03-penetapan.yaml", 3) in found
    assert "more than one person" in next(f for f in trail_findings(open_archive(repo.records), trail)
                                          if f.code == "trail.unverified").message("en")  # fmt: skip


def test_merge_of_two_clerks_branches_keeps_both_trails(repo: SignedRepo, tmp_path: Path) -> None:
    steps_3_4(repo)
    repo.git("checkout", "-q", "-b", "yuni")
    other = repo.records / "kasus" / "2026" / "2026-03-cibening-y2n1"
    shutil.copytree(repo.case_dir(), other)
    kasus = other / "kasus.yaml"
    kasus.write_text(kasus.read_text().replace(BASE_ID, "2026-03-cibening-y2n1"))
    repo.commit("Kasus kedua, langkah 1-4", "dewi-lestari", "Dewi Lestari", "2026-03-06T09:00:00+07:00")
    repo.git("checkout", "-q", "main")
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    repo.commit("Langkah 5", "budi-santoso", "Budi Santoso", "2026-03-09T12:00:00+07:00")
    repo.git(
        "-c",
        "user.name=Hendra",
        "-c",
        "user.email=h@contoh.id",
        "-c",
        "commit.gpgsign=false",
        "merge",
        "-q",
        "--no-edit",
        "yuni",
    )
    trail, _ = trail_of(repo, tmp_path / "c")
    first = {(e.step, e.signer, e.verified) for e in approvals(trail) if e in trail.cases[BASE_ID].events}
    second = [
        (e.step, e.signer, e.verified)
        for e in trail.cases["2026-03-cibening-y2n1"].events
        if e.kind in ("selesai", "keputusan")
    ]
    assert (5, "budi-santoso", True) in first and (2, "agus-permana", True) in first
    # On the second branch one commit by the clerk completed steps 1-4: hers (1, 4) are
    # verified, the Kasi's steps (2, 3) are not hers to approve.
    assert sorted(second) == [
        (1, "dewi-lestari", True),
        (2, "dewi-lestari", False),
        (3, "dewi-lestari", False),
        (4, "dewi-lestari", True),
    ]


def test_trust_root_mismatch_verifies_nothing(tmp_path: Path) -> None:
    r = SignedRepo(tmp_path / "arsip")
    r.start_archive(PEOPLE)
    (r.top / "sop-kit.yaml").write_text('format: sop-kit/konfigurasi/1\nakar_kepercayaan: "' + "0" * 64 + '"\n')
    r.add_identity()
    r.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    r.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    trail, found = trail_of(r, tmp_path / "c")
    assert ("trail.trust_root_mismatch", "staf.yaml", None) in found
    assert [(e.verified, e.reason) for e in approvals(trail)] == [(False, "no_registry")]


def test_dropped_approval_is_reported_after_a_history_rewrite(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, "budi-santoso")
    trail_of(repo, tmp_path / "c")  # the cache now knows the step-5 approval
    repo.git("reset", "-q", "--hard", "HEAD~1")
    _, found = trail_of(repo, tmp_path / "c")
    assert ("trail.approval_dropped", "05-koordinasi.yaml", None) in found
    # Approved again by its role holder (a hurried Kabid amended the commit to mend a typo):
    # the loss stays on record as a note, and no longer fails the step it was made good for.
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    repo.commit(
        "Langkah 5: koordinasi (salah ketik diperbaiki)", "budi-santoso", "Budi Santoso", "2026-03-09T12:05:00+07:00"
    )
    trail, found = trail_of(repo, tmp_path / "c")
    assert ("trail.approval_replaced", "05-koordinasi.yaml", None) in found
    assert not any(code == "trail.approval_dropped" for code, _, _ in found)
    assert next(f for f in trail.findings if f.code == "trail.approval_replaced").severity.value == "info"


def test_check_reports_trail_findings_by_policy(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, None)
    report = judge(repo.records, CheckOptions(cache_dir=tmp_path / "c"))
    codes = {(f.code, f.severity.value) for f in report.findings}
    assert ("trail.unverified", "error") in codes  # the fixture's sop-kit.yaml says tanda_tangan: wajib
    settings = repo.top / "sop-kit.yaml"
    settings.write_text(settings.read_text().replace("wajib", "laporkan"))
    # Edited in the working tree only: the policy in force is still the committed, authorised one.
    report = judge(repo.records, CheckOptions(cache_dir=tmp_path / "c"))
    codes = {(f.code, f.severity.value) for f in report.findings}
    assert {("trail.unverified", "error"), ("governed.not_in_force", "warning")} <= codes
    # Committed by the Kepala Dinas (admin_arsip), it counts from the next commit on.
    repo.commit("Tanda tangan: laporkan", "hendra-gunawan", "Hendra Gunawan", "2026-03-10T08:00:00+07:00")
    report = judge(repo.records, CheckOptions(cache_dir=tmp_path / "c"))
    assert ("trail.unverified", "info") in {(f.code, f.severity.value) for f in report.findings}
    assert not any(
        f.code.startswith("trail.") for f in judge(repo.records, CheckOptions(trail=False, use_cache=False)).findings
    )


def test_switching_branches_is_not_a_dropped_approval(repo: SignedRepo, tmp_path: Path) -> None:
    repo.git("branch", "lama", "HEAD~1")
    trail_of(repo, tmp_path / "c")  # main knows the step-2 approval
    repo.git("checkout", "-q", "lama")
    _, found = trail_of(repo, tmp_path / "c")
    assert not any(code == "trail.approval_dropped" for code, _, _ in found)


def test_pinned_later_registry_starts_the_chain(tmp_path: Path) -> None:
    """An office that first committed staf.yaml without keys pins the first version with keys."""
    import hashlib

    r = SignedRepo(tmp_path / "arsip")
    shutil.copytree(REPO_RECORDS / "sop", r.records / "sop")
    shutil.copy2(REPO_RECORDS / "staf.yaml", r.records / "staf.yaml")
    (r.records / "kasus").mkdir()
    r.commit("Daftar staf tanpa kunci", None, "Hendra Gunawan", "2026-01-02T08:00:00+07:00")
    with_keys = r.staff_with_keys(PEOPLE)
    (r.records / "staf.yaml").write_text(with_keys)
    r.commit("Kunci staf", "hendra-gunawan", "Hendra Gunawan", "2026-01-05T08:00:00+07:00")
    pin = hashlib.sha256(with_keys.encode()).hexdigest()
    (r.top / "sop-kit.yaml").write_text(f'format: sop-kit/konfigurasi/1\nakar_kepercayaan: "{pin}"\n')
    r.commit("Akar kepercayaan", "hendra-gunawan", "Hendra Gunawan", "2026-01-06T08:00:00+07:00")  # an admin_arsip
    r.add_identity()
    r.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    r.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    trail, found = trail_of(r, tmp_path / "c")
    assert found == []
    assert [(e.verified, e.signer) for e in approvals(trail)] == [(True, "dewi-lestari")]


def test_reasons_are_given_in_the_reader_language(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, None)
    archive = open_archive(repo.records)
    config = archive.config
    trail = build_trail(archive, config.trust_root, cache_dir=tmp_path / "c")
    assert trail is not None
    (finding,) = [f for f in trail_findings(archive, trail) if f.code == "trail.unverified"]
    assert finding.message("id").endswith("tidak terverifikasi (tanpa tanda tangan)")
    assert finding.message("en").endswith("is not verified (unsigned)")


def test_an_approved_file_edited_and_not_committed_is_not_shown_as_approved(repo: SignedRepo, tmp_path: Path) -> None:
    """A hostile clerk edits an approved record on the laptop and prints the dossier: the
    approval is history's, the content the working tree's. Each such file is a finding until
    it is restored or committed (then it is a change after approval), also when the trail
    itself comes from the cache."""
    cache = tmp_path / "c"

    def uncommitted() -> set[tuple[str, str, str, str]]:
        report = judge(repo.records, CheckOptions(cache_dir=cache))
        return {
            (f.code, f.severity.value, Path(f.file).name, f.params.get("path", "").split(f"{BASE_ID}/")[-1])
            for f in report.findings
            if f.code.startswith("trail.") and ("uncommitted" in f.code or "changed" in f.code)
        }

    assert uncommitted() == set()
    case = repo.case_dir()
    step2 = case / "langkah" / "02-verifikasi.yaml"
    step2.write_text(step2.read_text().replace("Data lengkap", "Data lengkap untuk 9 KK"))
    (case / "lampiran" / "01-data-rawan.pdf").write_bytes(b"%PDF-1.4 diganti\n")
    identity = case / "kasus.yaml"
    identity.write_text(identity.read_text() + "\n# disunting\n")
    expected = {
        ("trail.uncommitted", "error", "02-verifikasi.yaml", "langkah/02-verifikasi.yaml"),
        ("trail.uncommitted", "error", "01-pengumpulan-data.yaml", "lampiran/01-data-rawan.pdf"),
        ("trail.identity_uncommitted", "error", "kasus.yaml", "kasus.yaml"),
    }
    assert uncommitted() == expected
    assert uncommitted() == expected  # the trail from its cache: the working tree is read again
    # Every surface counts it as a change after approval (the site's tile, status, the badge).
    verdict = next(iter(judge(repo.records, CheckOptions(cache_dir=cache)).verdicts.values()))
    assert verdict.changed_after_approval == 3 and not verdict.complies  # two step records, kasus.yaml
    repo.git("add", "-A")  # staged is not committed
    assert uncommitted() == expected
    repo.git("reset", "-q")
    repo.git("checkout", "-q", "--", ".")
    assert uncommitted() == set()
    step2.write_text(step2.read_text().replace("Data lengkap", "Data lengkap untuk 9 KK"))
    repo.commit("Ubah catatan", None, "Dewi Lestari", "2026-03-05T09:00:00+07:00")
    assert uncommitted() == {("trail.changed_after_approval", "error", "02-verifikasi.yaml", "02-verifikasi.yaml")}


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_git_told_not_to_look_cannot_hide_an_edited_approval(repo: SignedRepo, tmp_path: Path, flag: str) -> None:
    """A hostile clerk tells git not to look at an approved record (``git update-index``), then
    edits it: git status says nothing, so the check said nothing, and a site built on that PC
    published the edited record as approved. A case folder left out of a sparse checkout
    vanished the same way."""
    cache = CheckOptions(cache_dir=tmp_path / "c")
    step2 = repo.case_dir() / "langkah" / "02-verifikasi.yaml"

    def found() -> set[str]:
        return {f.code for f in judge(repo.records, cache).findings if f.code.startswith("trail.")}

    repo.git("update-index", flag, str(step2))
    assert found() == set()  # flagged, unchanged: nothing to say
    step2.write_text(step2.read_text().replace("Data lengkap", "Data lengkap untuk 9 KK"))
    assert repo.git("status", "--porcelain", "--untracked-files=no") == ""  # git itself is silent
    assert found() == {"trail.uncommitted", "trail.hidden_from_status"}
    hint = next(f for f in judge(repo.records, cache).findings if f.code == "trail.hidden_from_status").hint()
    assert "`git update-index --no-assume-unchanged -- " in hint and "`git update-index --no-skip-worktree -- " in hint
    repo.git("update-index", "--no-assume-unchanged", str(step2))  # one flag per command: git
    repo.git("update-index", "--no-skip-worktree", str(step2))  # heeds only the first of two
    assert repo.git("status", "--porcelain", "--untracked-files=no").strip().endswith("02-verifikasi.yaml")
    repo.git("checkout", "-q", "--", str(step2))
    assert found() == set()
    # Left out of the working tree by a sparse checkout: as gone from here as a deleted case.
    repo.git("sparse-checkout", "set", "--no-cone", "/*", "!/records/kasus/")
    assert not repo.case_dir().exists()
    assert {"trail.case_deleted_uncommitted", "trail.hidden_from_status"} <= found()


def test_a_replace_ref_cannot_hide_an_unsigned_approval(repo: SignedRepo, tmp_path: Path) -> None:
    """``git replace`` (pushable, and fetched by a mirror clone) makes git show other content
    under an object's id: here the unsigned commit's step record reads 'belum', so it would
    approve nothing and the step would look recorded without a flaw. The trail reads history
    without replacements."""
    add_step_5(repo, None)
    step5 = "records/kasus/2026/" + BASE_ID + "/langkah/05-koordinasi.yaml"

    def unverified() -> list[int | None]:
        report = judge(repo.records, CheckOptions(use_cache=False))
        return [f.params.get("no") for f in report.findings if f.code == "trail.unverified"]

    assert unverified() == [5]
    blob = repo.git("rev-parse", f"HEAD:{step5}").strip()
    forged = (repo.top / step5).read_text().replace("status: selesai", "status: belum")
    (tmp_path / "forged.yaml").write_text(forged)
    replacement = repo.git("hash-object", "-w", str(tmp_path / "forged.yaml")).strip()
    repo.git("replace", blob, replacement)
    assert "status: belum" in repo.git("show", f"HEAD:{step5}")  # git itself is fooled
    assert unverified() == [5]


def test_a_shallow_clone_is_refused_with_what_to_do(repo: SignedRepo, tmp_path: Path) -> None:
    """Cut-off history holds every file as if added in its oldest commit: every approval would
    read as unsigned (111 errors on the demo, each advising 'git commit -S'). One clear error."""
    clone = tmp_path / "dangkal"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.top}", str(clone))
    with pytest.raises(ConfigError) as refused:
        judge(clone / "records", CheckOptions(use_cache=False))
    assert refused.value.code == "trail.shallow"
    assert judge(clone / "records", CheckOptions(use_cache=False, trail=False)).cases_checked == 1


def test_a_case_deleted_from_the_archive_is_an_error_until_put_back(repo: SignedRepo, tmp_path: Path) -> None:
    """Deleting a case folder hid its verdict: the check passed on what was left. Only the holder
    of admin_arsip takes records out of the archive (a note, for the auditor); anyone else's
    deletion is an error, committed or not, and a revert puts back exactly what was approved."""
    add_step_5(repo, "budi-santoso")
    cache = CheckOptions(cache_dir=tmp_path / "c")
    folder = repo.case_dir()

    def found() -> set[tuple[str, str]]:
        return {(f.code, f.severity.value) for f in judge(repo.records, cache).findings}

    assert not any(code.startswith("trail.") for code, _ in found())
    # Renamed with `git mv` (staged) to another id, its kasus.yaml to match: the approved case is
    # as gone from here as a deleted one, and the new name holds no approval.
    renamed = folder.with_name(BASE_ID[:-4] + "zzzz")
    repo.git("mv", str(folder), str(renamed))
    identity = renamed / "kasus.yaml"
    identity.write_text(identity.read_text("utf-8").replace(BASE_ID, renamed.name), "utf-8")
    assert ("trail.case_deleted_uncommitted", "error") in found()
    repo.git("mv", str(renamed), str(folder))
    repo.git("checkout", "--", str(folder / "kasus.yaml"))
    assert not any(code.startswith("trail.") for code, _ in found())
    shutil.rmtree(folder)  # not yet committed
    assert ("trail.case_deleted_uncommitted", "error") in found()
    repo.commit("rapikan arsip", "dewi-lestari", "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    report = judge(repo.records, cache)
    deleted = [f for f in report.archive_findings if f.code == "trail.case_deleted"]
    assert [(f.severity.value, f.params["id"], f.params["who"]) for f in deleted] == [
        ("error", BASE_ID, "Dewi Lestari, S.Kesos. (fiktif)")
    ]
    assert Path(deleted[0].file).name == BASE_ID
    # one finding for the case, not one per approved file it deleted
    assert {f.code for f in report.findings} & {"trail.changed_after_approval", "trail.identity_changed"} == set()

    clerk = {"GIT_AUTHOR_NAME": "Dewi", "GIT_AUTHOR_EMAIL": "d@contoh.id", "GIT_COMMITTER_NAME": "Dewi",
             "GIT_COMMITTER_EMAIL": "d@contoh.id", "GIT_COMMITTER_DATE": "2026-03-10T09:00:00+07:00"}  # fmt: skip
    repo.git("-c", "commit.gpgsign=false", "revert", "--no-edit", "HEAD", env=clerk)
    assert not any(code.startswith("trail.") for code, _ in found())  # every approved file as approved

    shutil.rmtree(folder)
    repo.commit("Pemusnahan arsip sesuai JRA", "hendra-gunawan", "Hendra Gunawan", "2026-03-11T08:00:00+07:00")
    assert [c for c in found() if c[0].startswith("trail.")] == [("trail.case_removed", "info")]


def test_an_approved_file_edited_and_put_back_is_no_change(repo: SignedRepo, tmp_path: Path) -> None:
    add_step_5(repo, "budi-santoso")
    record = repo.case_dir() / "langkah" / "05-koordinasi.yaml"
    approved = record.read_text()
    record.write_text(approved + "catatan: diubah juru catat\n")
    repo.commit("ubah catatan", None, "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    _, found = trail_of(repo, tmp_path / "c")
    assert ("trail.changed_after_approval", "05-koordinasi.yaml", 5) in found
    record.write_text(approved)
    repo.commit("kembalikan", None, "Dewi Lestari", "2026-03-10T09:00:00+07:00")
    trail, found = trail_of(repo, tmp_path / "c")
    assert found == []
    kinds = [e.kind for e in trail.cases[BASE_ID].events if e.step == 5]
    assert kinds == ["selesai", "diubah", "diubah"]  # the history still shows both edits


def test_a_case_folder_moved_to_another_year_keeps_its_approvals(repo: SignedRepo, tmp_path: Path) -> None:
    """The check's hint for a case in the wrong year's folder is to move it. Moving an approved
    case made every approved file "changed after approval" twice (once deleted from the old
    folder, once added to the new one), under a folder that no longer existed. A move changes no
    content: the approvals go with the folder, the history says where it came from, and a file
    changed in the same commit is still a change after approval."""
    add_step_5(repo, "budi-santoso")
    cache = CheckOptions(cache_dir=tmp_path / "c")
    before = sorted(f.code for f in judge(repo.records, cache).findings)
    old, new = repo.case_dir(), repo.records / "kasus" / "2025" / BASE_ID
    new.parent.mkdir()
    shutil.move(old, new)
    repo.commit("pindah ke folder 2025", None, "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    report = judge(repo.records, cache)
    assert sorted(f.code for f in report.findings) == sorted([*before, "case.year_folder"])  # its advice only
    trail = load_trail(open_archive(repo.records), open_archive(repo.records).config.trust_root, tmp_path / "c")
    assert trail is not None
    ct = trail.cases[BASE_ID]
    assert ct.folder.endswith(f"kasus/2025/{BASE_ID}")
    moved = [e for e in ct.events if e.kind == "dipindah"]
    assert [(e.file, e.author) for e in moved] == [(f"kasus/2026/{BASE_ID}", "Dewi Lestari")]
    # approvals made in the old folder still name that folder's exact content
    assert all(e.tree for e in ct.events if e.verified)
    assert {e.folder for e in ct.events if e.verified} == {f"records/kasus/2026/{BASE_ID}"}

    # moved back as the hint says, not yet committed: compared with what was approved
    shutil.move(new, old)
    assert not [f for f in judge(repo.records, cache).findings if f.code.startswith("trail.")]
    (old / "lampiran" / "05-surat-koordinasi.pdf").write_bytes(b"%PDF-1.4 lain\n")  # changed on the way
    unsaved = [(f.code, f.params["path"], f.params["old"]) for f in judge(repo.records, cache).findings
               if f.code.startswith("trail.")]  # fmt: skip
    pdf = "lampiran/05-surat-koordinasi.pdf"
    assert unsaved == [("trail.moved_uncommitted", pdf, f"records/kasus/2025/{BASE_ID}/{pdf}")]
    repo.commit("pindah kembali", None, "Dewi Lestari", "2026-03-10T09:00:00+07:00")
    report = judge(repo.records, cache)
    changed = [(f.code, Path(f.file).parent.parent.parent.name, f.params.get("path")) for f in report.findings
               if f.code.startswith("trail.")]  # fmt: skip
    assert changed == [("trail.changed_after_approval", "2026", "lampiran/05-surat-koordinasi.pdf")]


OFFICE_WITH_JRA = """kantor:
  pemerintah: Pemerintah Kabupaten Purwakarta
  dinas: Dinas Sosial P3A Kabupaten Purwakarta
  alamat: Jl. Veteran No. 1
  kota: Purwakarta
  retensi: {aktif_tahun: 2, inaktif_tahun: 3, nasib_akhir: musnah}
"""


def test_a_case_taken_out_before_its_retention_is_due_is_not_a_mere_note(tmp_path: Path) -> None:
    """The Kepala Dinas (admin_arsip) takes records out under the JRA: a closed case two years
    (aktif_tahun) after it closed. Taken out earlier, or while still open, the removal is an
    error, judged by the records, SOP and profile in force then; when due, a note."""
    repo = SignedRepo(tmp_path / "arsip")
    repo.start_archive(PEOPLE, settings=OFFICE_WITH_JRA)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    archive = open_archive(repo.records)

    def removal(when: str) -> list[tuple[str, str, dict[str, object]]]:
        shutil.rmtree(repo.case_dir())
        repo.commit("Pemusnahan arsip", "hendra-gunawan", "Hendra Gunawan", when)
        trail = build_trail(archive, archive.config.trust_root, tmp_path / "c", now=datetime(2030, 1, 1, tzinfo=UTC))
        assert trail is not None
        clerk = {"GIT_AUTHOR_NAME": "Dewi", "GIT_AUTHOR_EMAIL": "d@contoh.id", "GIT_COMMITTER_NAME": "Dewi",
                 "GIT_COMMITTER_EMAIL": "d@contoh.id", "GIT_COMMITTER_DATE": when}  # fmt: skip
        repo.git("-c", "commit.gpgsign=false", "revert", "--no-edit", "HEAD", env=clerk)
        assert not [f for f in trail.findings if f.code == "trail.backdated"]
        return [(f.code, f.severity.value, f.params) for f in trail.findings if f.code.startswith("trail.case_")]

    [(code, severity, _)] = removal("2026-03-02T12:00:00+07:00")
    assert (code, severity) == ("trail.case_removed_open", "error")

    repo.add_step("02-verifikasi.yaml", ("lampiran/02-hasil-verifikasi.pdf",))
    repo.commit("Langkah 2: data valid", "agus-permana", "Agus Permana", "2026-03-03T10:00:00+07:00")
    add_step_5(repo, "budi-santoso")
    for name in ("06-pembinaan.yaml", "07-dokumentasi.yaml"):
        repo.add_step(name)
    repo.commit("Langkah 6 dan 7", None, "Dewi Lestari", "2026-03-21T09:00:00+07:00")
    closed = max(f"{s.record.selesai:%Y-%m-%d}" for s in archive.read_case(repo.case_dir()).steps if s.record.selesai)
    [(code, severity, params)] = removal("2026-04-01T08:00:00+07:00")
    assert (code, severity) == ("trail.case_removed_early", "error")
    due = f"{int(closed[:4]) + 2}{closed[4:]}"
    assert (params["closed"], params["due"]) == (closed, due)
    [(code, severity, _)] = removal(f"{due}T08:00:00+07:00")
    assert (code, severity) == ("trail.case_removed", "info")


def test_a_stopped_case_taken_out_before_its_retention_is_due_is_an_error(tmp_path: Path) -> None:
    """A case withdrawn on a day closed its file that day: taken out within its two active years it
    is `trail.case_removed_early` (it was a mere note: the clock of a stopped case was no one's)."""
    repo = SignedRepo(tmp_path / "arsip")
    repo.start_archive(PEOPLE, settings=OFFICE_WITH_JRA)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    kasus = repo.case_dir() / "kasus.yaml"
    stop = "dihentikan:\n  status: batal\n  tanggal: 2026-03-05\n  oleh: agus-permana\n  alasan: Data ganda\n"
    kasus.write_text(kasus.read_text("utf-8") + stop, "utf-8")
    repo.commit("Kasus dibatalkan", "agus-permana", "Agus Permana", "2026-03-05T10:00:00+07:00")
    archive = open_archive(repo.records)
    shutil.rmtree(repo.case_dir())
    repo.commit("Pemusnahan arsip", "hendra-gunawan", "Hendra Gunawan", "2026-04-01T08:00:00+07:00")
    trail = build_trail(archive, archive.config.trust_root, tmp_path / "c", now=datetime(2030, 1, 1, tzinfo=UTC))
    assert trail is not None
    [(code, severity, params)] = [
        (f.code, f.severity.value, f.params) for f in trail.findings if f.code.startswith("trail.case_")
    ]
    assert (code, severity) == ("trail.case_removed_early", "error")
    assert (params["closed"], params["due"]) == ("2026-03-05", "2028-03-05")


def test_the_demo_kepala_dinas_taking_out_a_case_early_is_named_and_its_numbers_stay_known(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """On the demo archive (JRA: two years active), the Kepala Dinas's signed removal of a case
    closed in 2025: an error naming the due date, and the letter numbers the register gave it are
    not "unknown" (their hint told the clerk to void numbers that were real)."""
    top = tmp_path / "arsip"
    shutil.copytree(demo_site.archive.parent, top, symlinks=True)
    case = "2025-02-nagri-kidul-jsk6"
    key = top / ".kunci-demo" / "hendra-gunawan"
    signed = ["git", "-C", str(top), "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "-c", "user.name=Hendra",
              "-c", "user.email=h@contoh.id"]  # fmt: skip
    subprocess.run([*signed, "rm", "-rq", f"records/kasus/2025/{case}"], check=True)
    subprocess.run([*signed, "commit", "-S", "-qm", "Pemusnahan arsip"], check=True)
    report = judge(top / "records", CheckOptions(cache_dir=tmp_path / "c"))
    removed = [f for f in report.archive_findings if f.case == case or f.params.get("id") == case]
    assert [(f.code, f.params["closed"], f.params["due"]) for f in removed] == [
        ("trail.case_removed_early", "2025-02-27", "2027-02-27")
    ]


def test_a_case_deleted_in_one_commit_and_added_in_another_year_by_the_next_is_a_move(
    repo: SignedRepo, tmp_path: Path
) -> None:
    """A clerk's `git rm -r` committed, then the copy in the right year's folder committed: while
    the folder is gone the case is deleted; once it is back elsewhere, unchanged, nothing stands."""
    add_step_5(repo, "budi-santoso")
    cache = CheckOptions(cache_dir=tmp_path / "c")
    before = sorted(f.code for f in judge(repo.records, cache).findings)
    copy = tmp_path / "salinan"
    shutil.copytree(repo.case_dir(), copy)
    shutil.rmtree(repo.case_dir())
    repo.commit("hapus folder lama", None, "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    assert "trail.case_deleted" in {f.code for f in judge(repo.records, cache).findings}
    (repo.records / "kasus" / "2025").mkdir()
    shutil.copytree(copy, repo.records / "kasus" / "2025" / BASE_ID)
    repo.commit("folder di tahun yang benar", None, "Dewi Lestari", "2026-03-10T08:05:00+07:00")
    assert sorted(f.code for f in judge(repo.records, cache).findings) == sorted([*before, "case.year_folder"])


def test_a_step_record_renamed_as_the_check_asks_keeps_its_approval(repo: SignedRepo, tmp_path: Path) -> None:
    """step.filename warns of a record whose name does not sort ('5-…' for step 5) and says to
    rename it. Renamed after approval, the record was a deleted approved step and a new one
    approved by the clerk's unsigned rename. Same content, new name: the same record."""
    steps_3_4(repo)
    text = (CORPUS / "base" / "langkah" / "05-koordinasi.yaml").read_text()
    repo.add_step("5-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",), text=text)
    repo.commit("Langkah 5: koordinasi", "budi-santoso", "Budi Santoso", "2026-03-09T12:00:00+07:00")
    cache = CheckOptions(cache_dir=tmp_path / "c")
    before = sorted(f.code for f in judge(repo.records, cache).findings)
    assert "step.filename" in before
    steps = repo.case_dir() / "langkah"
    (steps / "5-koordinasi.yaml").rename(steps / "05-koordinasi.yaml")
    repo.commit("ganti nama catatan langkah 5", None, "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    after = sorted(f.code for f in judge(repo.records, cache).findings)
    assert after == sorted(c for c in before if c != "step.filename")
    trail, _ = trail_of(repo, tmp_path / "c2")
    ct = trail.cases[BASE_ID]
    assert ct.steps["05-koordinasi.yaml"].approval is not None and ct.steps["05-koordinasi.yaml"].approval.verified
    assert "5-koordinasi.yaml" not in ct.steps
    assert [e.file for e in ct.events if e.kind == "diganti_nama"] == ["5-koordinasi.yaml → 05-koordinasi.yaml"]

    # renamed and changed in one commit: a change after approval, as any edit
    (steps / "05-koordinasi.yaml").rename(steps / "05-koordinasi-desa.yaml")
    (steps / "05-koordinasi-desa.yaml").write_text(text + "# diubah\n")
    repo.commit("ganti nama dan ubah", None, "Dewi Lestari", "2026-03-10T09:00:00+07:00")
    found = {(f.code, Path(f.file).name) for f in judge(repo.records, cache).findings if f.code.startswith("trail.")}
    # the approved record gone (changed after approval) and a new one approved by nobody who may
    assert found == {
        ("trail.changed_after_approval", "05-koordinasi.yaml"),
        ("trail.unverified", "05-koordinasi-desa.yaml"),
    }
