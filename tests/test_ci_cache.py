"""The CI files `sop-kit init` writes keep the signature verdicts between runs, and a changed
staff registry starts them afresh (the files' validity is tested in test_init)."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.records.layout import STAFF_FILE
from sop_kit.trail.signatures import SignatureCache

REGISTRY = f"records/{STAFF_FILE}"


@pytest.fixture(scope="module")
def arsip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "arsip"
    result = CliRunner().invoke(main, ["init", str(target), "--no-input"])
    assert result.exit_code == 0, result.output
    return target


def cache_file_name(tmp: Path) -> str:
    return SignatureCache(tmp, tmp).file.name  # what sop-kit writes under $XDG_CACHE_HOME/sop-kit


def test_github_caches_the_verdicts_keyed_by_the_registry(arsip: Path, tmp_path: Path) -> None:
    data: dict[Any, Any] = yaml.safe_load((arsip / ".github/workflows/sop-kit.yml").read_text("utf-8"))
    for job in ("check", "site"):
        steps = data["jobs"][job]["steps"]
        at = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@"))
        runs = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("sop-kit "))
        assert at < runs, "the cache is restored before sop-kit runs"
        spec = steps[at]["with"]
        folder, _, pattern = spec["path"].rpartition("/")
        assert folder == "~/.cache/sop-kit" and fnmatch.fnmatch(cache_file_name(tmp_path), pattern)
        registry = f"hashFiles('{REGISTRY}')"
        assert registry in spec["key"] and "github.run_id" in spec["key"]  # a new entry every run
        restore = spec["restore-keys"].strip()
        assert registry in restore and spec["key"].startswith(restore)  # only entries of this registry


def test_gitlab_caches_the_verdicts_keyed_by_the_registry(arsip: Path, tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load((arsip / ".gitlab-ci.yml").read_text("utf-8"))
    assert data["variables"]["XDG_CACHE_HOME"] == "$CI_PROJECT_DIR/.cache"
    cache = data["default"]["cache"]
    assert cache["key"]["files"] == [REGISTRY]
    [path] = cache["paths"]
    folder, _, pattern = path.rpartition("/")
    assert folder == ".cache/sop-kit" and fnmatch.fnmatch(cache_file_name(tmp_path), pattern)
    for job in ("check", "site", "pages"):
        assert "cache" not in data[job]  # every job inherits it
