"""An archive checked out by Git for Windows, which installs with ``core.autocrlf=true``: the
same verdict as on the computer it was cloned from. Git there changes the line endings of files
that look like text (a CSV of the families, the YAML records) on checkout and commit; the
recorded sha256 of an attachment would then fail on one computer and hold on another."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.demo.build import build_demo

from .conftest import REPO

TEMPLATE = REPO / "sop_kit" / "templates" / "init" / "gitattributes"


def git(top: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(top.parent)}
    return subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=True, env=env, check=True).stdout


def verdict(top: Path) -> tuple[int, set[tuple[str, str, str]]]:
    result = CliRunner().invoke(main, ["check", str(top / "records"), "--format", "json"])
    data = json.loads(result.stdout)
    names = str(top / "records") + "/"
    return result.exit_code, {(f["severity"], f["code"], f["file"].removeprefix(names)) for f in data["findings"]}


def windows_clone(source: Path, target: Path) -> Path:
    git(source.parent, "clone", "-q", "-c", "core.autocrlf=true", str(source), str(target))
    return target


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("win") / "arsip", REPO / "records").target


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def csv_attachments(top: Path) -> list[str]:
    found = git(top, "ls-files", "records/kasus/*.csv").split()
    assert found  # the demo's lists of families
    return found


def test_a_windows_checkout_gives_the_same_verdict(source: Path, tmp_path: Path) -> None:
    clone = windows_clone(source, tmp_path / "pc-kantor")
    files = [p for p in git(clone, "ls-files", "records", "sop-kit.yaml").split() if not p.endswith(".md")]
    assert csv_attachments(clone) and any(p.endswith(".yaml") for p in files)
    assert [p for p in files if (clone / p).read_bytes() != (source / p).read_bytes()] == []  # byte for byte
    assert verdict(clone) == verdict(source)  # no hash mismatch, no line-ending warning


def test_an_archive_without_the_attributes_is_told_how_to_keep_attachments(source: Path, tmp_path: Path) -> None:
    # An archive begun before sop-kit wrote these lines: on the office's Windows PC each CSV
    # fails its sha256, and the check says why and what to add.
    older = tmp_path / "lama"
    git(source.parent, "clone", "-q", str(source), str(older))
    (older / ".gitattributes").write_text("records/nomor/*.yaml merge=union\n", "utf-8")
    git(older, "-c", "user.name=Admin", "-c", "user.email=a@x", "commit", "-qam", "atribut lama")
    expected = verdict(older)
    clone = windows_clone(older, tmp_path / "pc-kantor")
    code, found = verdict(clone)
    mismatched = {file for _, c, file in found - expected[1] if c == "file.hash_mismatch"}
    assert len(mismatched) == len(csv_attachments(clone)) and code == 1
    assert ("warning", "trail.line_endings", ".gitattributes") in found
    assert not any(c == "trail.line_endings" for _, c, _ in expected[1])  # no autocrlf there: nothing changes
    hint = CliRunner().invoke(main, ["check", str(clone / "records")]).output
    assert "`records/** -text`" in hint
    assert "`git commit .gitattributes`" in hint
    # Done as the hint says: the lines added and that file committed, the records checked out again.
    (clone / ".gitattributes").write_bytes(TEMPLATE.read_bytes())
    git(clone, "-c", "user.name=Admin", "-c", "user.email=a@x", "commit", "-q", ".gitattributes", "-m", "lampiran")
    assert "`git rm -r -q --cached .` lalu `git reset -q --hard`" in hint
    git(clone, "rm", "-r", "-q", "--cached", ".")
    git(clone, "reset", "-q", "--hard")
    assert verdict(clone) == expected
    assert git(clone, "status", "--porcelain") == ""


def test_a_bag_made_on_a_converting_checkout_proves_its_approvals(source: Path, tmp_path: Path) -> None:
    # The sceptical inspector's bag, exported on the office PC of an archive begun without the
    # lines: the step records there have CRLF, the signed commits LF. Bagged as git stores them.
    older = tmp_path / "lama"
    git(source.parent, "clone", "-q", str(source), str(older))
    (older / ".gitattributes").write_text("records/nomor/*.yaml merge=union\n", "utf-8")
    git(older, "-c", "user.name=Admin", "-c", "user.email=a@x", "commit", "-qam", "atribut lama")
    clone = windows_clone(older, tmp_path / "pc-kantor")
    case = "2025-06-cilangkap-6dui"  # done, approved step by step, no planted error
    record = next((clone / "records" / "kasus").glob(f"*/{case}/langkah/01-*.yaml"))
    assert b"\r\n" in record.read_bytes()
    bag = tmp_path / "bag"
    made = CliRunner().invoke(main, ["export", case, "--root", str(clone / "records"), "--bagit", "--out", str(bag)])
    assert made.exit_code == 0, made.output
    checked = CliRunner().invoke(main, ["verify-bag", str(bag)])
    assert checked.exit_code == 0 and "SAH" in checked.output and "7 dari 7" in checked.output, checked.output
