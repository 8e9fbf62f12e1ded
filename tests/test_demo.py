"""``sop-kit demo``: a self-contained repository whose signed history is the approval trail,
with exactly three planted irregularities that the check and the trail find."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.core.errors import ConfigError
from sop_kit.core.findings import Severity
from sop_kit.demo.build import KEYS_DIR, DemoResult, build_demo, format_tour
from sop_kit.records.archive import open_archive
from sop_kit.records.sshkey import fingerprint
from sop_kit.trail.load import load_trail
from sop_kit.trail.model import Trail

from .conftest import REPO, judge

SOURCE = REPO / "records"


def git(top: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(top)}
    return subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=True, env=env, check=True).stdout


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo-arsip", SOURCE)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def trail(demo: DemoResult, cache: Path) -> Trail:
    found = load_trail(open_archive(demo.records), open_archive(demo.records).config.trust_root, cache_dir=cache)
    assert found is not None
    return found


def test_a_repository_of_its_own(demo: DemoResult) -> None:
    assert git(demo.target, "rev-parse", "--show-toplevel").strip() == str(demo.target.resolve())
    assert int(git(demo.target, "rev-list", "--count", "HEAD")) == demo.commits
    assert 115 <= demo.commits <= 145  # one commit per case (18) and per step record, plus the start and one change
    assert sorted(demo.cases) == sorted(p.name for p in (SOURCE / "kasus").glob("*/*") if p.is_dir())
    assert git(demo.target, "status", "--porcelain") == ""
    tracked = git(demo.target, "ls-files").splitlines()
    assert not [f for f in tracked if f.startswith(KEYS_DIR)]
    assert {"sop-kit.yaml", ".gitignore", "records/staf.yaml", "records/sop/61.1.D.049-I-2020.yaml"} <= set(tracked)


def test_what_the_tour_writes_stays_out_of_git_and_registers_merge_by_line(demo: DemoResult) -> None:
    """The tour's own commands write PDFs (the internal ones with the families' data) and a site
    inside the demo repository: none of it is for git, as in an office's repository from init."""
    records = str(demo.records)
    case = "2026-01-cilalawi-kf5h"
    out = CliRunner().invoke(main, ["pdf", records, "--out", str(demo.target / "pdf"), "--internal",
                                    str(demo.target / "internal"), "--case", case])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert list((demo.target / "internal").rglob("*.pdf")) and list((demo.target / "pdf").rglob("*.pdf"))
    (demo.target / ".site.lock").touch()  # what `sop-kit build records` leaves beside ./site
    assert git(demo.target, "status", "--porcelain") == ""
    attr = git(demo.target, "check-attr", "merge", "records/nomor/2026.yaml")
    assert attr.strip().endswith("merge: union")


def test_keys_are_marked_demo_only_and_kept_out_of_records(demo: DemoResult) -> None:
    readme = (demo.keys / "README.md").read_text("utf-8")
    assert "JANGAN PERNAH DIPAKAI" in readme and "NEVER USE THEM FOR REAL SIGNING" in readme
    for person in demo.signers:
        assert (demo.keys / person).is_file() and (demo.keys / f"{person}.pub").is_file()
    assert not list(demo.records.rglob("*.pub"))
    staff = (demo.records / "staf.yaml").read_text("utf-8")
    for person in demo.signers:
        public = (demo.keys / f"{person}.pub").read_text("utf-8").split()
        assert f"{public[0]} {public[1]}" in staff


def test_first_commit_by_the_kepala_dinas_pins_the_trust_root(demo: DemoResult) -> None:
    root = git(demo.target, "rev-list", "--max-parents=0", "HEAD").strip()
    assert git(demo.target, "log", "-1", "--format=%an", root).startswith("Drs. Hendra Gunawan")
    first_staff = subprocess.run(
        ["git", "-C", str(demo.target), "show", f"{root}:records/staf.yaml"], capture_output=True, check=True
    ).stdout
    config = (demo.target / "sop-kit.yaml").read_text("utf-8")
    assert "format: sop-kit/konfigurasi/1" in config
    assert "tanda_tangan: wajib" in config
    assert f'akar_kepercayaan: "{hashlib.sha256(first_staff).hexdigest()}"' in config


def test_commits_carry_the_recorded_times(demo: DemoResult) -> None:
    step = "records/kasus/2025/2025-03-jatimekar-e5n7/langkah/02-verifikasi-validasi-putaran-2.yaml"
    assert git(demo.target, "log", "-1", "--format=%cI|%aI|%an", "--", step).strip() == (
        "2025-03-12T10:50:00+07:00|2025-03-12T10:50:00+07:00|Siti Nurhaliza, S.Psi. (fiktif)"
    )


def test_normal_cases_have_verified_approvals_by_the_right_role(demo: DemoResult, trail: Trail) -> None:
    planted = {p.case for p in demo.planted}
    signers: Counter[str] = Counter()
    for case in demo.cases:
        ct = trail.cases[case]
        approvals = [st.approval for st in ct.steps.values() if st.approval is not None]
        if case in planted:
            assert sum(not a.verified for a in approvals) <= 1
            continue
        for st in ct.steps.values():
            assert st.approval is not None and st.approval.verified, (case, st.file)
            assert not st.changed_after, (case, st.file)
            signers[st.approval.signer or ""] += 1
    # The Kasi (before and after the July 2025 change of post) and the Kabid sign their own approvals.
    assert signers["siti-nurhaliza"] and signers["agus-permana"] and signers["budi-santoso"]
    # Both rounds of a case sent back are kept, each step verified.
    rounds = {st.round for st in trail.cases["2025-03-jatimekar-e5n7"].steps.values()}
    assert rounds == {1, 2}


def test_exactly_the_planted_irregularities_are_found(demo: DemoResult, cache: Path) -> None:
    kinds = {p.kind: p for p in demo.planted}
    assert set(kinds) == {"unsigned", "changed_after_approval", "forged"}
    assert len({p.case for p in demo.planted}) == 3

    report = judge(demo.records, CheckOptions(cache_dir=cache / "check"))
    trail_found = {(f.code, f.case, f.severity) for f in report.findings if f.code.startswith("trail.")}
    assert trail_found == {
        ("trail.unverified", kinds["unsigned"].case, Severity.ERROR),  # tanda_tangan: wajib
        ("trail.changed_after_approval", kinds["changed_after_approval"].case, Severity.ERROR),  # the default grade
        ("trail.wrong_role", kinds["forged"].case, Severity.ERROR),
    }
    by_code = {f.code: f for f in report.findings if f.code.startswith("trail.")}
    assert by_code["trail.unverified"].params["commit"] == kinds["unsigned"].commit[:10]
    assert by_code["trail.unverified"].params["no"] == kinds["unsigned"].step
    assert by_code["trail.wrong_role"].params["commit"] == kinds["forged"].commit[:10]
    assert by_code["trail.wrong_role"].params["no"] == 2 == kinds["forged"].step
    changed = by_code["trail.changed_after_approval"]
    assert changed.params["commit"] == kinds["changed_after_approval"].commit[:10]
    assert changed.params["path"] == kinds["changed_after_approval"].file == "lampiran/03-sk-penetapan-lokasi.pdf"

    # Apart from the trail, the demo checks like its source, plus the replaced SK's hash.
    source = judge(SOURCE, CheckOptions(cache_dir=cache / "source", trail=False))
    expected = Counter((f.code, f.case) for f in source.findings)
    expected[("file.hash_mismatch", kinds["changed_after_approval"].case)] += 1
    expected[("doc.missing", kinds["changed_after_approval"].case)] += 1
    assert Counter((f.code, f.case) for f in report.findings if not f.code.startswith("trail.")) == expected
    assert report.failed()


def test_planted_commits_look_as_described(demo: DemoResult) -> None:
    kinds = {p.kind: p for p in demo.planted}
    fmt = "--format=%G?|%an|%GF"
    unsigned = git(demo.target, "log", "-1", fmt, kinds["unsigned"].commit).strip()
    assert unsigned.startswith("N|")
    status, author, key = git(demo.target, "log", "-1", fmt, kinds["forged"].commit).strip().split("|")
    assert author.startswith("Agus Permana")  # the Kasi's name ...
    assert kinds["forged"].signer == "rizki-ramadhan"  # ... and the clerk's key
    assert status == "G" and key == fingerprint((demo.keys / "rizki-ramadhan.pub").read_text("utf-8"))
    changed = kinds["changed_after_approval"]
    assert git(demo.target, "show", "--name-only", "--format=", changed.commit).split() == [
        f"records/kasus/2026/{changed.case}/{changed.file}"
    ]


def test_tour_in_both_languages(demo: DemoResult) -> None:
    tour = format_tour(demo, "demo-arsip", "id")
    assert "Arsip demo dibuat di demo-arsip" in tour
    assert "JANGAN PERNAH" in tour
    assert "sop-kit check demo-arsip/records" in tour
    for p in demo.planted:
        assert f"sop-kit trail {p.case} --root demo-arsip/records" in tour
        for code in p.codes:
            assert code in tour
    english = format_tour(demo, "demo-arsip", "en")
    assert "Demo archive created in demo-arsip" in english
    assert "NEVER use them for real signing" in english
    assert "sop-kit check demo-arsip/records --lang en" in english


def test_cli_builds_and_prints_the_tour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "demo-arsip").mkdir()  # an empty folder is fine
    result = CliRunner().invoke(main, ["demo", "demo-arsip", "--source", str(SOURCE)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Arsip demo dibuat di demo-arsip: repositori git tersendiri")  # progress: stderr
    assert "sop-kit check demo-arsip/records\n" in result.stdout
    assert "sop-kit trail 2026-02-campakasari-5jgz --root demo-arsip/records\n" in result.stdout
    assert (tmp_path / "demo-arsip" / "records" / "staf.yaml").is_file()

    code = CliRunner().invoke(main, ["check", "demo-arsip/records"]).exit_code
    assert code == 1  # the planted irregularities


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ada-isinya"
    target.mkdir()
    (target / "catatan.txt").write_text("jangan ditimpa")
    with pytest.raises(ConfigError) as err:
        build_demo(target, SOURCE)
    assert err.value.code == "config.demo_not_empty"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada-isinya"]  # nothing half-built left behind
    assert (target / "catatan.txt").read_text() == "jangan ditimpa"

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["demo", "ada-isinya", "--source", str(SOURCE), "--lang", "en"])
    assert result.exit_code == 2
    assert "ada-isinya: this folder already exists and is not empty" in result.output
    assert "Traceback" not in result.output


def test_a_bad_source_leaves_nothing_behind(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    with pytest.raises(ConfigError) as err:
        build_demo(tmp_path / "kosong", tmp_path / "tidak-ada")  # a bad source fails before any work
    assert err.value.code == "config.no_root"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kosong"]


def test_refuses_a_folder_inside_the_source(tmp_path: Path) -> None:
    source = tmp_path / "arsip"
    shutil.copytree(SOURCE, source)
    with pytest.raises(ConfigError) as err:
        build_demo(source / "demo", source)
    assert err.value.code == "config.demo_inside_source"
    assert not (source / "demo").exists()


def test_running_the_demo_again_replaces_the_earlier_one(tmp_path: Path) -> None:
    """The README's main job can be run twice: an earlier demo is replaced, and the trail of
    the new repository does not mistake the old one's approvals for dropped ones. A demo
    someone has worked in (a file of their own, a commit) is not: replacing it wiped the
    folder, their files and their history with it; the tour's own outputs are made again."""
    target, cache_dir = tmp_path / "demo-arsip", tmp_path / "cache"
    first = build_demo(target, SOURCE)
    judge(first.records, CheckOptions(cache_dir=cache_dir))
    (target / "catatan-lama.txt").write_text("dari demo pertama")
    with pytest.raises(ConfigError) as kept:
        build_demo(target, SOURCE)
    assert kept.value.code == "config.demo_changed" and kept.value.params["what"] == "catatan-lama.txt"
    assert (target / "catatan-lama.txt").read_text() == "dari demo pertama"
    (target / "catatan-lama.txt").unlink()
    who = ["-c", "user.name=Petugas", "-c", "user.email=p@uji.go.id", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "-C", str(target), *who, "commit", "-q", "--allow-empty", "-m", "latihan"], check=True)
    with pytest.raises(ConfigError) as kept:
        build_demo(target, SOURCE)
    assert str(kept.value.params["what"]).startswith("commit ")
    subprocess.run(["git", "-C", str(target), "reset", "-q", "--hard", "HEAD~1"], check=True)
    (target / "pdf").mkdir()
    (target / "pdf" / "sop.pdf").write_bytes(b"%PDF-1.7")  # the tour's `sop-kit pdf … --out demo-arsip/pdf`
    second = build_demo(target, SOURCE)
    assert not (target / "pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "demo-arsip"]
    codes = Counter(f.code for f in judge(second.records, CheckOptions(cache_dir=cache_dir)).findings)
    assert codes["trail.approval_dropped"] == 0
    assert codes["trail.wrong_role"] == 1
