"""What Windows, which the office's PCs run, lacks: POSIX-only modules (``fcntl``, ``pwd``, …)
and ``fork``. No sop-kit module needs the first; without the second, the work spread over
worker processes elsewhere is done in the calling process, with the same result.

Windows' ``multiprocessing`` is reproduced here as it is there: ``fork`` is not among the start
methods, and asking for its context raises ``ValueError``. Everything else runs for real: the
check, the site's case pages and personal-data scan, and the PDFs of a case. (Not run on
Windows itself: this machine has none.)"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.demo.build import build_demo
from sop_kit.records import privacyscan as privacy
from sop_kit.site import cases as site_cases

from .conftest import REPO, judge


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("nofork") / "arsip", REPO / "records").records


def no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    real = multiprocessing.get_context

    def get_context(method: str | None = None) -> object:
        if method == "fork":
            raise ValueError("cannot find context for 'fork'")
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", get_context)


def findings(root: Path, cache: Path) -> list[tuple[str, str, str]]:
    report = judge(root, CheckOptions(jobs=2, parallel_from=1, cache_dir=cache, use_cache=False))
    return sorted((f.severity.value, f.code, f.file) for f in report.findings)


def test_the_check_without_fork_gives_the_verdict_with_it(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forked = findings(records, tmp_path / "a")
    no_fork(monkeypatch)
    assert findings(records, tmp_path / "b") == forked
    assert any(code == "doc.missing" for _, code, _ in forked)  # the demo's planted errors, found both ways


def test_a_site_and_a_case_s_documents_are_made_without_fork(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(site_cases, "PARALLEL_FROM", 1)  # the demo's 18 cases: spread if there were forks
    monkeypatch.setattr(privacy, "PARALLEL_FROM", 1)
    no_fork(monkeypatch)
    site = tmp_path / "situs"
    built = CliRunner().invoke(main, ["build", str(records), "--out", str(site), "--no-pdf", "--no-trail"])
    assert built.exit_code == 0, built.output
    pages = sorted(p.parent.name for p in (site / "kasus").glob("*/*/index.html"))
    assert len(pages) == len(list(records.glob("kasus/*/*/kasus.yaml")))
    case = pages[0]
    made = CliRunner().invoke(main, ["pdf", str(records), "--out", str(tmp_path / "pdf"), "--case", case, "--no-trail"])
    assert made.exit_code == 0, made.output
    assert len(list((tmp_path / "pdf").rglob("*.pdf"))) >= 2  # more than one document: a pool, were there forks


def test_every_module_imports_without_the_posix_only_modules() -> None:
    # The site's build lock imported fcntl: `sop-kit build` stopped at its first import there.
    probe = """
import sys
for name in ("fcntl", "pwd", "grp", "termios", "resource", "pty", "tty"):
    sys.modules[name] = None  # what 'import fcntl' finds on Windows: nothing
import importlib, pkgutil, sop_kit
for info in pkgutil.walk_packages(sop_kit.__path__, "sop_kit."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
"""
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
