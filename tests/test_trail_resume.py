"""The trail taken up from its kept fold (sop_kit.trail.resume) is the trail read whole: built
both ways after every commit of real histories, the demo's and the trail tests' own."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sop_kit import open_archive
from sop_kit.core.feedback import SILENT
from sop_kit.records.layout import locate
from sop_kit.trail import resume
from sop_kit.trail.build import build_trail

from . import test_nomor, test_office
from . import test_trail as scenarios
from .conftest import DemoSite
from .signed_repo import SignedRepo

NOW = datetime(2026, 12, 1, tzinfo=UTC)


class Notes(type(SILENT)):  # type: ignore[misc]
    def __init__(self) -> None:
        self.codes: list[str] = []

    def note(self, code: str, **params: object) -> None:
        self.codes.append(code)


def replay(top: Path, cache: Path, fresh_every: int = 0, fresh: Callable[[int], bool] | None = None) -> tuple[int, int]:
    """Build the trail at each commit of HEAD's main line, from the kept fold and whole, and
    compare them; every ``fresh_every`` commits (or where ``fresh`` says, by the commit's place)
    the kept fold is thrown away, so it is kept again there. How many builds took a kept fold
    up, and of how many."""
    fresh = fresh or (lambda i: i % fresh_every == 0)
    records = top / "records"
    trust_root = open_archive(records).config.trust_root
    layout = locate(records)
    line = subprocess.run(
        ["git", "rev-list", "--first-parent", "--reverse", "HEAD"], cwd=top, capture_output=True, text=True, check=True
    ).stdout.split()
    resumed = 0
    for i, sha in enumerate(line):
        if fresh(i):
            resume._file(top, cache).unlink(missing_ok=True)
        notes = Notes()
        kept = build_trail(layout, trust_root, cache, now=NOW, head=sha, reporter=notes)
        whole = build_trail(layout, trust_root, cache.parent / "tanpa", use_cache=False, now=NOW, head=sha)
        assert kept is not None and whole is not None
        assert kept.to_json() == whole.to_json(), f"commit {i} {sha}"
        resumed += "progress.trail_resumed" in notes.codes
    return resumed, len(line)


def test_the_demo_trail_taken_up_commit_by_commit_is_the_trail_read_whole(demo_site: DemoSite, tmp_path: Path) -> None:
    top = tmp_path / "arsip"
    subprocess.run(["git", "clone", "-q", str(demo_site.archive.parent), str(top)], check=True)
    resumed, commits = replay(top, tmp_path / "cache", fresh_every=9)
    assert resumed >= commits * 3 // 4, (resumed, commits)  # the rest: a fold thrown away, or a key added


SCENARIOS: list[Callable[[SignedRepo, Path], None]] = [
    scenarios.test_registry_change_by_an_administrator_counts_from_the_next_commit,
    scenarios.test_edit_after_approval_is_flagged_and_reapproval_clears_it,
    scenarios.test_a_changed_identity_is_approved_again_by_the_role_its_hint_names,
    scenarios.test_a_commit_dated_in_the_future_is_named_and_lifts_no_later_commit,
    scenarios.test_a_key_listed_for_two_people_verifies_no_ones_approval,
    scenarios.test_merge_of_two_clerks_branches_keeps_both_trails,
    scenarios.test_a_case_deleted_from_the_archive_is_an_error_until_put_back,
    scenarios.test_an_approved_file_edited_and_put_back_is_no_change,
    scenarios.test_a_case_folder_moved_to_another_year_keeps_its_approvals,
    scenarios.test_a_step_record_renamed_as_the_check_asks_keeps_its_approval,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__.removeprefix("test_")[:40])
def test_each_trail_scenario_taken_up_commit_by_commit_is_read_whole(
    scenario: Callable[[SignedRepo, Path], None], tmp_path: Path
) -> None:
    """The trail tests' histories (a registry changed, approvals changed and given again, dates
    ahead, a shared key, merges, a case deleted, moved, a record renamed), replayed."""
    repo = scenarios.started(tmp_path / "skenario")
    scenario(repo, tmp_path / "skenario")
    resumed, commits = replay(repo.top, tmp_path / "cache", fresh_every=3)
    assert resumed >= 1, (resumed, commits)


def _backdated(repo: SignedRepo, tmp_path: Path) -> None:
    """Steps committed, then one dated a day before its parent (a clock set back by hand)."""
    scenarios.steps_3_4(repo)
    repo.add_step("05-koordinasi.yaml", ("lampiran/05-surat-koordinasi.pdf",))
    repo.commit("Langkah 5", "budi-santoso", "Budi Santoso", "2026-03-04T09:00:00+07:00")
    repo.add_step("06-pembinaan.yaml")
    repo.commit("Langkah 6", "agus-permana", "Agus Permana", "2026-03-12T15:00:00+07:00")


def test_a_backdated_commit_read_on_a_kept_fold_is_named_as_read_whole(tmp_path: Path) -> None:
    repo = scenarios.started(tmp_path / "skenario")
    _backdated(repo, tmp_path / "skenario")
    for fresh_every in (2, 3, 5):  # the backdated commit read on folds kept at different commits
        resumed, _ = replay(repo.top, tmp_path / f"cache-{fresh_every}", fresh_every)
        assert resumed >= 1
    trail = build_trail(locate(repo.records), None, use_cache=False, now=NOW)
    assert trail is not None and [f.code for f in trail.findings if f.code == "trail.backdated"] == ["trail.backdated"]


@pytest.mark.parametrize(
    "scenario",
    [
        test_nomor.test_a_reserved_number_is_never_rewritten_or_deleted_only_voided,
        lambda tmp_path: test_nomor.test_two_branches_take_the_next_number_and_check_names_both_cases(tmp_path, False),
    ],
    ids=["rewritten-deleted-voided", "two-branches"],
)
def test_the_number_register_read_on_a_kept_fold_is_read_whole(
    scenario: Callable[[Path], None], tmp_path: Path
) -> None:
    """The letter-number register's book (reservations rewritten, deleted, put back, voided)."""
    scenario(tmp_path)
    resumed, commits = replay(tmp_path / "arsip", tmp_path / "cache", fresh_every=3)
    assert resumed >= 1, (resumed, commits)


def test_a_rewritten_number_still_standing_when_the_fold_was_kept_is_still_named(tmp_path: Path) -> None:
    """A reservation moved to another case, then commits that leave it so: the book's memory of
    the line as it was is part of the kept fold."""
    top = tmp_path / "arsip"
    records = test_office.copy_archive(top, (test_nomor.A, test_nomor.B))
    test_nomor.git(top, "init", "-q", "-b", "main")
    test_nomor.git(top, "add", "-A")
    test_nomor.git(top, "commit", "-q", "-m", "arsip")
    number = test_nomor.reserve(records, test_nomor.A)
    test_nomor.git(top, "add", "-A")
    test_nomor.git(top, "commit", "-q", "-m", "nomor SK")
    register = records / "nomor" / "2026.yaml"
    text = register.read_text("utf-8")
    line = next(row for row in text.splitlines() if f'"{number}"' in row)
    register.write_text(text.replace(line, line.replace(f"kasus: {test_nomor.A}", f"kasus: {test_nomor.B}")), "utf-8")
    test_nomor.git(top, "commit", "-q", "-am", "register dirapikan")
    for n in range(4):
        (records / "catatan.txt").write_text(f"catatan {n}\n", "utf-8")
        test_nomor.git(top, "add", "-A")
        test_nomor.git(top, "commit", "-q", "-m", f"catatan {n}")
    for fresh_every in (3, 4):
        resumed, _ = replay(top, tmp_path / f"cache-{fresh_every}", fresh_every)
        assert resumed >= 3
    trail = build_trail(locate(records), None, use_cache=False, now=NOW)
    assert trail is not None and "nomor.rewritten" in {f.code for f in trail.findings}


def test_a_case_deleted_before_the_fold_was_kept_is_still_named(tmp_path: Path) -> None:
    repo = scenarios.started(tmp_path / "skenario")
    scenarios.add_step_5(repo, "budi-santoso")
    shutil.rmtree(repo.case_dir())
    repo.commit("rapikan arsip", "dewi-lestari", "Dewi Lestari", "2026-03-10T08:00:00+07:00")
    for n in range(3):
        (repo.records / "catatan.txt").write_text(f"catatan {n}\n", "utf-8")
        repo.commit(f"catatan {n}", "dewi-lestari", "Dewi Lestari", f"2026-03-1{n + 1}T08:00:00+07:00")
    resumed, _ = replay(repo.top, tmp_path / "cache", fresh_every=3)
    assert resumed >= 3
    trail = build_trail(locate(repo.records), None, use_cache=False, now=NOW)
    assert trail is not None and "trail.case_deleted" in {f.code for f in trail.findings}


def _revoked_while_a_branch_is_out(
    repo: SignedRepo, side_first: bool, pulled: bool = False, admin: str = "hendra-gunawan"
) -> None:
    """A field branch begun at HEAD signs step 3 as Agus while the main line takes his key out
    (signed by ``admin``: a clerk's is no authorised change); then merged by Hendra, or
    (``pulled``) main merged into the branch, which main then takes."""
    start = repo.git("rev-parse", "HEAD")

    def on_branch() -> None:
        repo.git("checkout", "-q", "-b", "lapangan", start)
        repo.add_step("03-penetapan.yaml", ("lampiran/03-sk-penetapan.pdf",))
        repo.commit("Langkah 3: SK", "agus-permana", "Agus Permana", "2026-03-04T10:00:00+07:00")
        repo.git("checkout", "-q", "main")

    def on_main() -> None:
        people = tuple(p for p in scenarios.PEOPLE if p != "agus-permana")
        text = repo.staff_with_keys(people)
        (repo.records / "staf.yaml").write_text(text, "utf-8")
        repo.commit("Kunci Agus dicabut", admin, admin, "2026-03-05T08:00:00+07:00")

    for step in (on_branch, on_main) if side_first else (on_main, on_branch):
        step()
    when = {"GIT_COMMITTER_DATE": "2026-03-06T08:00:00+07:00", "GIT_AUTHOR_DATE": "2026-03-06T08:00:00+07:00"}
    who = ("-c", "user.name=Hendra", "-c", "user.email=h@contoh.id", "-c", "commit.gpgsign=false")
    if pulled:
        repo.git("checkout", "-q", "lapangan")
        repo.git(*who, "merge", "-q", "--no-ff", "-m", "pull", "main", env=when)
        repo.git("checkout", "-q", "main")
        repo.git("merge", "-q", "--ff-only", "lapangan")
    else:
        repo.git(*who, "merge", "-q", "--no-ff", "-m", "gabung lapangan", "lapangan", env=when)


@pytest.mark.parametrize("side_first", [True, False])
@pytest.mark.parametrize("kept_at", ["branch", "revocation"])
def test_a_branch_begun_at_the_kept_commit_is_judged_by_the_registry_it_began_from(
    tmp_path: Path, side_first: bool, kept_at: str
) -> None:
    """While a field branch begun at the kept commit is out, the main line takes the Kasi's
    key out of the registry; her step on the branch was signed under the registry it began
    from, and also bound by the one merged with it, which no longer lists her key (the two
    are concurrent: history does not say which came first). Each commit's state is part of
    the kept fold, not only the last one's."""
    repo = scenarios.started(tmp_path / "skenario")
    kept = len(repo.git("rev-list", "HEAD").split())  # the kept fold: at the last commit before the branch
    _revoked_while_a_branch_is_out(repo, side_first)
    if kept_at == "branch":
        resumed, commits = replay(repo.top, tmp_path / "cache", fresh=lambda i: i == kept - 1)
        assert resumed == commits - 2, (resumed, commits)  # all but the first and the kept one
    else:  # the fold kept with the revocation in it; the branch's commits are read on it, or all again
        resumed, commits = replay(repo.top, tmp_path / "cache", fresh=lambda i: i == kept)
        assert resumed >= commits - 3, (resumed, commits)
    trail = build_trail(locate(repo.records), None, use_cache=False, now=NOW)
    assert trail is not None
    step3 = next(e for e in scenarios.approvals(trail) if e.step == 3)
    assert step3.signer == "agus-permana"  # named, as her key's owner where it was signed
    assert not step3.verified and step3.reason == "revoked_alongside"


def test_a_revocation_merged_later_binds_a_commit_the_kept_fold_already_read(tmp_path: Path) -> None:
    """The other way round: the Kasi signs step 3 on the main line and the fold is kept there;
    the Kepala Dinas, on a branch begun before, had revoked the Kasi's key, and that branch is
    merged afterwards. The kept step is concurrent with the revocation: read whole, it is not
    verified, and the trail taken up from the kept fold must say the same."""
    repo = scenarios.started(tmp_path / "skenario")
    repo.git("branch", "admin")
    repo.add_step("03-penetapan.yaml", ("lampiran/03-sk-penetapan.pdf",))
    repo.commit("Langkah 3: SK", "agus-permana", "Agus Permana", "2026-03-04T10:00:00+07:00")
    kept = len(repo.git("rev-list", "HEAD").split())
    repo.git("checkout", "-q", "admin")
    people = tuple(p for p in scenarios.PEOPLE if p != "agus-permana")
    (repo.records / "staf.yaml").write_text(repo.staff_with_keys(people), "utf-8")
    repo.commit("Kunci Agus dicabut", "hendra-gunawan", "Hendra Gunawan", "2026-03-03T16:00:00+07:00")
    repo.git("checkout", "-q", "main")
    when = {"GIT_COMMITTER_DATE": "2026-03-06T08:00:00+07:00", "GIT_AUTHOR_DATE": "2026-03-06T08:00:00+07:00"}
    who = ("-c", "user.name=Hendra", "-c", "user.email=h@contoh.id", "-c", "commit.gpgsign=false")
    repo.git(*who, "merge", "-q", "--no-ff", "-m", "gabung admin", "admin", env=when)
    replay(repo.top, tmp_path / "cache", fresh=lambda i: i == kept - 1)  # equal at every commit
    trail = build_trail(locate(repo.records), None, use_cache=False, now=NOW)
    assert trail is not None
    step3 = next(e for e in scenarios.approvals(trail) if e.step == 3)
    assert not step3.verified and step3.reason == "revoked_alongside"


def _fold_whole(top: Path) -> Any:
    """A builder as build_trail makes it, its registry versions learnt first and then the whole
    history folded."""
    from sop_kit.trail.build import _Builder
    from sop_kit.trail.gitlog import BlobReader, head_commit, records_prefix
    from sop_kit.trail.governed import GovernedPaths
    from sop_kit.trail.history import history
    from sop_kit.trail.signatures import verify

    layout = locate(top / "records")
    paths = GovernedPaths.of(records_prefix(layout.root, top))
    commits = history(top, paths.history(), head_commit(top), None, False)
    builder = _Builder(layout, None, top, paths, commits, None, False, NOW)
    with BlobReader(top) as blobs:
        builder.load_registries(blobs)
        builder.sigs = verify(top, [c.sha for c in commits], builder.all_keys, None, 1, SILENT)
        builder.bind_alongside(blobs)
        first = builder._registries_first()
        builder.fold(commits, blobs)
    return builder, first


@pytest.mark.parametrize(
    "history",
    [*SCENARIOS, "side-first", "main-first", "side-first-pulled", "main-first-pulled", "side-first-pulled-by-a-clerk"],
    ids=lambda h: h if isinstance(h, str) else h.__name__.removeprefix("test_")[:40],
)
def test_the_registries_read_first_are_those_the_whole_fold_leaves(history: Any, tmp_path: Path) -> None:
    """A registry version read, in git's order, after a commit it binds is learnt from the
    registry's own commits before the fold (``_registries_first``): for every version, the
    registries the whole fold has before and after it, over the trail tests' histories and a revocation
    while a branch is out (merged, or pulled on the branch's laptop)."""
    repo = scenarios.started(tmp_path / "skenario")
    if isinstance(history, str):
        admin = "dewi-lestari" if history.endswith("clerk") else "hendra-gunawan"
        _revoked_while_a_branch_is_out(repo, history.startswith("side"), "pulled" in history, admin)
    else:
        history(repo, tmp_path / "skenario")
    builder, first = _fold_whole(repo.top)
    assert first.keys() == builder.registry_blobs.keys() and first
    for sha, (was, now) in first.items():
        parents = [builder.after[p] for p in builder.by_sha[sha].parents if p in builder.after]
        assert was == (max(parents, key=lambda s: s.version).registry if parents else None), sha
        assert now == builder.after[sha].registry, sha


class _Planted:
    """What someone with the cache folder could put there: a pickle that runs a command."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_planted_fold_runs_nothing_and_the_trail_is_read_whole(tmp_path: Path) -> None:
    repo = scenarios.started(tmp_path / "skenario")
    layout, cache, marker = locate(repo.records), tmp_path / "cache", tmp_path / "ditanam"
    assert build_trail(layout, None, cache, now=NOW) is not None  # keeps a fold
    scenarios.steps_3_4(repo)
    whole = build_trail(layout, None, use_cache=False, now=NOW)
    planted = [
        pickle.dumps(_Planted(marker)),
        pickle.dumps(resume.Kept("k", "r", 1, {"trail": _Planted(marker)})),
        b"\x80\x05csop_kit.__main__\nmain\n.",  # by name from a module not imported: importing it runs the CLI
        b"not a pickle",
    ]
    for data in planted:
        resume._file(repo.top, cache).write_bytes(data)
        notes = Notes()
        kept = build_trail(layout, None, cache, now=NOW, reporter=notes)
        assert not marker.exists()
        assert "progress.trail_resumed" not in notes.codes
        assert kept is not None and whole is not None and kept.to_json() == whole.to_json()
