"""The trail's history kept between runs and read on from its tip (sop_kit.trail.history):
the list it gives is the whole history's, commit for commit, after every kind of move."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest

from sop_kit.records.layout import locate
from sop_kit.trail.build import build_trail
from sop_kit.trail.gitlog import head_commit, read_history
from sop_kit.trail.governed import GovernedPaths
from sop_kit.trail.history import _kept, _key, _read_on, history

from .conftest import DemoSite

PATHS = GovernedPaths.of("records/").history()


class Repo:
    def __init__(self, top: Path):
        self.top, self.n = top, 0
        top.mkdir()
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.top), "PATH": "/usr/bin:/bin"}
        env |= {"GIT_AUTHOR_NAME": "Staf", "GIT_AUTHOR_EMAIL": "staf@contoh.id"}
        env |= {"GIT_COMMITTER_NAME": "Staf", "GIT_COMMITTER_EMAIL": "staf@contoh.id"}
        self.n += 1 if args[0] == "commit" else 0
        env |= {
            "GIT_AUTHOR_DATE": f"2026-03-01T09:{self.n:02d}:00+07:00",
            "GIT_COMMITTER_DATE": f"2026-03-01T09:{self.n:02d}:00+07:00",
        }
        proc = subprocess.run(["git", *args], cwd=self.top, capture_output=True, text=True, env=env, check=True)
        return proc.stdout.strip()

    def commit(self, path: str, text: str) -> str:
        file = self.top / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", f"{path}: {text[:20]}")
        return self.git("rev-parse", "HEAD")


def _read(repo: Repo, cache: Path) -> tuple[str | None, bool]:
    """The kept history read on to HEAD, compared with a whole read; whether it was read on."""
    head = head_commit(repo.top)
    return head, _read_at(repo.top, head or "HEAD", cache)


def _read_at(top: Path, head: str, cache: Path) -> bool:
    """:func:`history` at ``head`` is the whole read's; whether it read on from a kept tip."""
    found = list(cache.glob("history-*.json"))
    kept = _kept(orjson.loads(found[0].read_bytes()), _key(PATHS)) if found else None
    on = kept is not None and kept[0] != head and _read_on(top, PATHS, kept, head) is not None
    assert history(top, PATHS, head, cache, True) == read_history(top, PATHS, head), head
    return on


def test_the_history_read_on_from_its_kept_tip_is_the_whole_history(tmp_path: Path) -> None:
    repo, cache = Repo(tmp_path / "repo"), tmp_path / "cache"
    repo.commit("records/staf.yaml", "staf: []\n")
    assert _read(repo, cache) == (head_commit(repo.top), False)  # nothing kept yet
    repo.commit("records/kasus/2026/a/kasus.yaml", "id: a\n")
    assert _read(repo, cache)[1]  # one commit on top
    repo.commit("README.md", "not the archive\n")
    assert _read(repo, cache)[1]  # a commit outside the archive: none to add, a new tip
    repo.commit("records/kasus/2026/a/langkah/01.yaml", "langkah: 1\n")
    # Its parent in the archive's history is the commit before README.md's, which a read from
    # README.md's commit cannot name: read whole.
    assert not _read(repo, cache)[1]
    repo.commit("records/kasus/2026/a/langkah/01.yaml", "langkah: 1\nstatus: selesai\n")
    assert _read(repo, cache)[1]
    fork = repo.git("rev-parse", "HEAD")

    # Two clerks from the same tip, merged: both branches begin at the kept tip.
    repo.git("checkout", "-q", "-b", "lapangan")
    repo.commit("records/kasus/2026/a/langkah/02.yaml", "langkah: 2\n")
    repo.git("checkout", "-q", "main")
    repo.commit("records/kasus/2026/b/kasus.yaml", "id: b\n")
    repo.git("merge", "-q", "--no-ff", "-m", "gabung", "lapangan")
    assert _read(repo, cache)[1]

    # A branch that began before the kept tip: read whole.
    repo.git("checkout", "-q", "-b", "lama", fork)
    repo.commit("records/kasus/2026/c/kasus.yaml", "id: c\n")
    repo.git("checkout", "-q", "main")
    repo.commit("records/kasus/2026/b/langkah/01.yaml", "langkah: 1\n")
    assert _read(repo, cache)[1]
    repo.git("merge", "-q", "--no-ff", "-m", "gabung lama", "lama")
    assert not _read(repo, cache)[1]

    # History taken back, then rewritten: read whole each time.
    repo.git("reset", "-q", "--hard", "HEAD~1")
    assert not _read(repo, cache)[1]
    repo.git("commit", "-q", "--amend", "-m", "diubah")
    assert not _read(repo, cache)[1]
    repo.git("checkout", "-q", "--orphan", "baru")
    repo.commit("records/staf.yaml", "staf: [baru]\n")
    assert not _read(repo, cache)[1]  # a new root: nothing of it descends from the kept tip


def test_the_demo_history_read_commit_by_commit_is_the_whole_history(demo_site: DemoSite, tmp_path: Path) -> None:
    """The demo's real history (signed steps, merges of field branches, corrections), its
    main line walked one commit at a time as an office's checks would meet it."""
    top = tmp_path / "arsip"
    subprocess.run(["git", "clone", "-q", str(demo_site.archive.parent), str(top)], check=True)
    line = subprocess.run(
        ["git", "rev-list", "--first-parent", "--reverse", "HEAD"], cwd=top, capture_output=True, text=True, check=True
    ).stdout.split()
    cache = tmp_path / "cache"
    appended = sum(_read_at(top, sha, cache) for sha in line)
    assert appended >= len(line) - 4  # all but the first and the merges of branches begun earlier


@pytest.mark.parametrize("back", [1, 3])
def test_a_trail_built_on_a_kept_history_is_the_trail_built_whole(
    demo_site: DemoSite, tmp_path: Path, back: int
) -> None:
    top = tmp_path / "arsip"
    subprocess.run(["git", "clone", "-q", str(demo_site.archive.parent), str(top)], check=True)
    head = head_commit(top)
    earlier = subprocess.run(
        ["git", "rev-parse", f"HEAD~{back}"], cwd=top, capture_output=True, text=True, check=True
    ).stdout.strip()
    layout, cache = locate(top / "records"), tmp_path / "cache"
    history(top, PATHS, earlier, cache, True)  # kept as of an earlier check
    now = datetime(2026, 12, 1, tzinfo=UTC)
    kept = build_trail(layout, None, cache, now=now, head=head)
    whole = build_trail(layout, None, tmp_path / "other", use_cache=False, now=now, head=head)
    assert kept is not None and whole is not None
    assert kept.to_json() == whole.to_json()
