"""The CI files `sop-kit init` writes keep the signature verdicts between runs, and a changed
staff registry starts them afresh (the files' validity is tested in test_init)."""

from __future__ import annotations

import fnmatch
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.core.cache import repo_file
from sop_kit.records.layout import STAFF_FILE, locate
from sop_kit.trail import history as history_module
from sop_kit.trail.build import build_trail
from sop_kit.trail.gitlog import read_history
from sop_kit.trail.signatures import SignatureCache

from .test_trail import started, steps_3_4

REGISTRY = f"records/{STAFF_FILE}"


@pytest.fixture(scope="module")
def arsip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "arsip"
    result = CliRunner().invoke(main, ["init", str(target), "--no-input"])
    assert result.exit_code == 0, result.output
    return target


def cache_file_name(tmp: Path) -> str:
    return SignatureCache(tmp, tmp).file.name  # what sop-kit writes under $XDG_CACHE_HOME/sop-kit


def kept_names(tmp: Path) -> list[str]:
    """The files CI keeps: the signature verdicts, and the history, step records and trees read."""
    return [cache_file_name(tmp), *(repo_file(tmp, kind, tmp).name for kind in ("history", "blobs", "trees"))]


def test_github_caches_the_verdicts_keyed_by_the_registry(arsip: Path, tmp_path: Path) -> None:
    data: dict[Any, Any] = yaml.safe_load((arsip / ".github/workflows/sop-kit.yml").read_text("utf-8"))
    for job in ("check", "site"):
        steps = data["jobs"][job]["steps"]
        at = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@"))
        runs = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("sop-kit "))
        assert at < runs, "the cache is restored before sop-kit runs"
        spec = steps[at]["with"]
        paths = [p.rpartition("/") for p in spec["path"].split()]
        assert {folder for folder, _, _ in paths} == {"~/.cache/sop-kit"}
        for name in kept_names(tmp_path):
            assert any(fnmatch.fnmatch(name, pattern) for _, _, pattern in paths), name
        registry = f"hashFiles('{REGISTRY}')"
        assert registry in spec["key"] and "github.run_id" in spec["key"]  # a new entry every run
        restore = spec["restore-keys"].strip()
        assert registry in restore and spec["key"].startswith(restore)  # only entries of this registry


def test_gitlab_caches_the_verdicts_keyed_by_the_registry(arsip: Path, tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load((arsip / ".gitlab-ci.yml").read_text("utf-8"))
    assert data["variables"]["XDG_CACHE_HOME"] == "$CI_PROJECT_DIR/.cache"
    cache = data["default"]["cache"]
    assert cache["key"]["files"] == [REGISTRY]
    paths = [p.rpartition("/") for p in cache["paths"]]
    assert {folder for folder, _, _ in paths} == {".cache/sop-kit"}
    for name in kept_names(tmp_path):
        assert any(fnmatch.fnmatch(name, pattern) for _, _, pattern in paths), name
    for job in ("check", "site", "pages"):
        assert "cache" not in data[job]  # every job inherits it


def test_what_ci_keeps_makes_the_next_run_read_only_the_new_commits(
    arsip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run restores only the files the workflow keeps (not the fold, keyed by the installed
    code): the history is read on from its kept tip, and the trail is the one read whole."""
    repo = started(tmp_path)
    data: dict[Any, Any] = yaml.safe_load((arsip / ".github/workflows/sop-kit.yml").read_text("utf-8"))
    cached = next(s for s in data["jobs"]["check"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    patterns = [p.rpartition("/")[2] for p in cached["with"]["path"].split()]
    layout, first, now = locate(repo.records), tmp_path / "run-1", datetime(2026, 12, 1, tzinfo=UTC)
    assert build_trail(layout, None, first, now=now) is not None
    restored = tmp_path / "run-2"
    restored.mkdir()
    for file in first.iterdir():
        if any(fnmatch.fnmatch(file.name, pattern) for pattern in patterns):
            shutil.copy2(file, restored / file.name)
    assert {f.name.split("-")[0] for f in restored.iterdir()} == {"signatures", "history", "blobs", "trees"}
    steps_3_4(repo)
    reads: list[str | None] = []

    def spied(repo: Path, paths: Any, rev: str = "HEAD", since: str | None = None) -> Any:
        reads.append(since)
        return read_history(repo, paths, rev, since)

    monkeypatch.setattr(history_module, "read_history", spied)
    kept = build_trail(layout, None, restored, now=now)
    assert len(reads) == 1 and reads[0] is not None  # from the kept tip on
    whole = build_trail(layout, None, tmp_path / "run-3", use_cache=False, now=now)
    assert kept is not None and whole is not None and kept.to_json() == whole.to_json()
