"""The check engine: parallel workers, the cache outside the archive, --changed-since on a
real git repository made by the test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from sop_kit import CheckOptions, ConfigError

from .conftest import BASE_ID, MakeArchive, judge, own_files


def clone_cases(root: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` copies of the base case under fresh ids (folder name == id)."""
    base = root / "kasus" / "2026" / BASE_ID
    made = []
    for i in range(start, start + count):
        new_id = f"2026-03-cibening-{i:04d}"
        target = root / "kasus" / "2026" / new_id
        shutil.copytree(base, target)
        kasus = target / "kasus.yaml"
        kasus.write_text(kasus.read_text().replace(BASE_ID, new_id))
        for step in (target / "langkah").glob("*.yaml"):  # each letter its own number: one number is one case's
            step.write_text(re.sub(r"^(nomor_surat: \S+/)(\d+)/", rf"\g<1>{i + 1}\2/", step.read_text(), flags=re.M))
        own_files(target, new_id)
        made.append(target)
    return made


def test_parallel_and_serial_agree(make_archive: MakeArchive) -> None:
    root = make_archive()
    cases = clone_cases(root, 6)
    (cases[2] / "lampiran" / "03-sk-penetapan.pdf").write_bytes(b"bukan pdf")
    serial = judge(root, CheckOptions(use_cache=False, jobs=1))
    parallel = judge(root, CheckOptions(use_cache=False, jobs=2, parallel_from=2))
    assert serial.sorted() == parallel.sorted()
    assert [f.code for f in serial.sorted()] == ["doc.missing", "file.wrong_type"]
    assert serial.cases_checked == 7


@pytest.mark.parametrize("jobs", [1, 2])  # 2: the folders' listings are read in two processes
def test_cache_reuses_unchanged_cases_and_notices_edits(make_archive: MakeArchive, tmp_path: Path, jobs: int) -> None:
    root = make_archive()
    clone_cases(root, 3)
    options = CheckOptions(cache_dir=tmp_path / "cache", jobs=jobs, parallel_from=2)
    first = judge(root, options)
    assert (first.cases_checked, first.cases_from_cache) == (4, 0)
    second = judge(root, options)
    assert (second.cases_checked, second.cases_from_cache) == (4, 4)
    assert second.sorted() == first.sorted()
    # An edited attachment is seen although the YAML did not change.
    Image.new("L", (60, 80), 200).save(root / "kasus" / "2026" / BASE_ID / "lampiran" / "01-data-rawan.pdf", "PDF")
    third = judge(root, options)
    assert third.cases_from_cache == 3
    assert [f.code for f in third.findings] == ["file.hash_mismatch", "doc.missing"]
    # A change to the staff registry invalidates every cached verdict.
    staff = root / "staf.yaml"
    staff.write_text(staff.read_text().replace("peran: [kabid]", "peran: [kasi-pkk]"))
    fourth = judge(root, options)
    assert fourth.cases_from_cache == 0
    assert sum(f.code == "step.wrong_role" for f in fourth.findings) == 0  # Budi may still do step 5


def test_a_file_replaced_with_its_size_and_time_kept_is_judged_again(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A hostile clerk swaps an attachment's bytes in place (same size, same inode) and sets
    its modification time back (``touch -r``): the cached verdict must not stand. The change
    time, which no user can set, gives the swap away."""
    root = make_archive()
    options = CheckOptions(cache_dir=tmp_path / "cache")
    assert judge(root, options).findings == []
    scan = root / "kasus" / "2026" / BASE_ID / "lampiran" / "01-data-rawan.pdf"
    before = scan.stat()
    data = scan.read_bytes()
    forged = data.replace(b"%PDF", b"%PDX", 1)
    assert len(forged) == len(data) and forged != data
    with scan.open("r+b") as f:  # in place: the inode stays
        f.write(forged)
    os.utime(scan, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = scan.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    report = judge(root, options)
    assert report.cases_from_cache == 0
    assert "file.hash_mismatch" in [f.code for f in report.findings]


def test_corrupt_cache_is_ignored(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    options = CheckOptions(cache_dir=tmp_path / "cache")
    judge(root, options)
    for cache_file in (tmp_path / "cache").iterdir():
        cache_file.write_text("{ bukan json")
    report = judge(root, options)
    assert (report.cases_checked, report.cases_from_cache) == (1, 0)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture
def repo_archive(make_archive: MakeArchive, tmp_path: Path) -> Path:
    root = make_archive("repo/records")
    clone_cases(root, 3)
    repo = tmp_path / "repo"
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "awal")
    return root


def test_changed_since_checks_only_touched_cases(repo_archive: Path) -> None:
    root = repo_archive
    options = CheckOptions(use_cache=False, changed_since="HEAD", trail=False)
    assert judge(root, options).cases_checked == 0
    step = root / "kasus" / "2026" / "2026-03-cibening-0001" / "langkah" / "03-penetapan.yaml"
    step.write_text(step.read_text().replace("status: selesai", "status: belum"))
    report = judge(root, options)
    assert report.cases_checked == 1
    assert {f.case for f in report.findings} == {"2026-03-cibening-0001"}
    git(root.parent, "commit", "-qam", "ubah")
    options_1 = CheckOptions(use_cache=False, changed_since="HEAD~1", trail=False)
    assert judge(root, options_1).cases_checked == 1
    # An untracked new case counts as changed.
    (new,) = clone_cases(root, 1, start=99)
    (new / "lampiran" / "04-rencana-pembinaan.pdf").unlink()
    report = judge(root, options)
    assert report.cases_checked == 1
    assert {f.case for f in report.findings} == {"2026-03-cibening-0099"}


def test_changed_since_a_global_file_checks_everything(repo_archive: Path) -> None:
    staff = repo_archive / "staf.yaml"
    staff.write_text(staff.read_text() + "\n")
    assert judge(repo_archive, CheckOptions(use_cache=False, changed_since="HEAD")).cases_checked == 4


def test_changed_since_bad_revision_is_a_config_error(repo_archive: Path) -> None:
    with pytest.raises(ConfigError) as info:
        judge(repo_archive, CheckOptions(use_cache=False, changed_since="tidak-ada"))
    assert info.value.code == "config.bad_rev"


def test_changed_since_outside_git_is_a_config_error(make_archive: MakeArchive) -> None:
    with pytest.raises(ConfigError) as info:
        judge(make_archive(), CheckOptions(use_cache=False, changed_since="HEAD"))
    assert info.value.code == "config.not_git"


def test_a_fully_cached_check_parses_no_record(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm path reads listings and the cache only: a case whose listing is unchanged is
    not parsed again. Seen by counting the records the real parser reads (one process)."""
    from sop_kit.records import archive as archive_module
    from sop_kit.records.parse import parse_file

    root = make_archive()
    clone_cases(root, 2)
    options = CheckOptions(cache_dir=tmp_path / "cache", trail=False, jobs=1)
    assert judge(root, options).cases_from_cache == 0
    parsed: list[str] = []

    def counted(path: Path | str, *args: object, **kwargs: object) -> object:
        if "kasus" in Path(path).parts:  # the SOPs are read on every run
            parsed.append(Path(path).name)
        return parse_file(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(archive_module, "parse_file", counted)
    warm = judge(root, options)
    assert (warm.cases_checked, warm.cases_from_cache) == (3, 3)
    assert parsed == []
    record = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    before = record.stat()
    os.utime(record, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    moved = judge(root, options)
    assert moved.cases_from_cache == 2
    assert "04-persiapan.yaml" in parsed and "kasus.yaml" in parsed  # that one case, read again
    assert moved.sorted() == warm.sorted()
