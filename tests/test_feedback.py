"""Progress and feedback: a bar on a terminal, count-based lines in CI, nothing with --quiet,
item lines with --verbose; always on stderr, so stdout stays the report. And shell completion."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.core.feedback import SILENT, Bar, Lines, reporter_for

from .conftest import BASE_ID, CORPUS, REPO, MakeArchive, build_archive

SOP_KIT = Path(sys.executable).parent / "sop-kit"  # the installed console script


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal, as stderr on a console does."""

    def isatty(self) -> bool:
        return True


def test_plain_lines_come_at_every_tenth_of_the_count() -> None:
    stream = io.StringIO()
    reporter = Lines(stream, "en")
    with reporter.task("check", 500):
        for n in range(500):
            reporter.advance(item=f"case-{n}")
    lines = stream.getvalue().splitlines()
    assert lines[0] == "checking cases: 500 …"
    assert lines[1:10] == [f"checking cases: {50 * k}/500 ({10 * k} %)" for k in range(1, 10)]
    assert re.fullmatch(r"checking cases: 500/500 \(\d+\.\d s\)", lines[10])
    assert len(lines) == 11


def test_plain_lines_for_a_small_task_are_a_first_and_a_last_line() -> None:
    stream = io.StringIO()
    reporter = Lines(stream, "id")
    reporter.start("pdf", 40)
    reporter.advance(40)
    reporter.done()
    lines = stream.getvalue().splitlines()
    assert lines[0] == "membuat dokumen PDF: 40 …"
    assert re.fullmatch(r"membuat dokumen PDF: 40/40 \(\d+\.\d detik\)", lines[1])
    assert len(lines) == 2


def test_a_tiny_task_shows_no_count_and_notes_only_when_verbose() -> None:
    quiet_ish, verbose = io.StringIO(), io.StringIO()
    for stream, loud in ((quiet_ish, False), (verbose, True)):
        reporter = Lines(stream, "en", verbose=loud)
        with reporter.task("cases", 3):
            for case in ("a", "b", "c"):
                reporter.note("progress.case_rendered", case=case)
                reporter.advance(item=case)
    assert quiet_ish.getvalue() == ""
    lines = verbose.getvalue().splitlines()
    assert lines[0] == "rendering case pages: 3 …"
    assert lines[1:4] == [f"  case page rendered again: {c}" for c in "abc"]
    assert lines[4].startswith("rendering case pages: 3/3 (")


def test_the_terminal_bar_redraws_one_line_and_ends_with_the_count() -> None:
    stream = FakeTerminal()
    reporter = reporter_for(stream, "en", verbose=True, env={})
    assert isinstance(reporter, Bar)
    with reporter.task("pdf", 50):
        for n in range(50):
            if n == 25:
                reporter.note("progress.pdf_rendered", path="kasus/x.pdf")
            reporter.advance(item=f"doc-{n}.pdf")
    out = stream.getvalue()
    frames = [f for f in re.split(r"[\r\n]", out) if f.strip()]
    assert frames[0].startswith("rendering PDF documents [------------------------] 0/50")
    assert any(f.startswith("rendering PDF documents [############------------] 25/50 doc-24.pdf") for f in frames)
    assert "rendering PDF documents [########################] 50/50 doc-49.pdf" in out
    assert "\r  rendered: kasus/x.pdf\n" in out  # a note is a whole line: the bar is cleared first
    last = out.rsplit("\r", 1)[1]  # after the bar is cleared for good
    assert re.fullmatch(r"rendering PDF documents: 50/50 \(\d+\.\d s\)\n", last)
    assert out.count("\r") < 2 * 60  # redrawn when the count moves, not more


def test_the_reporter_fits_where_it_is_shown() -> None:
    assert isinstance(reporter_for(FakeTerminal(), "id", env={}), Bar)
    assert isinstance(reporter_for(FakeTerminal(), "id", env={"CI": "true"}), Lines)  # CI logs: no \r
    assert isinstance(reporter_for(FakeTerminal(), "id", env={"TERM": "dumb"}), Lines)
    assert isinstance(reporter_for(io.StringIO(), "id", env={}), Lines)  # a pipe or a file
    assert reporter_for(FakeTerminal(), "id", quiet=True, env={}) is SILENT


def _records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    shutil.copytree(REPO / "records", tmp_path / "records")
    return tmp_path / "records"


def test_check_json_stays_json_while_progress_goes_to_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _records(tmp_path, monkeypatch)
    cases = len(list((root / "kasus").glob("*/*")))
    args = ["check", str(root), "--no-trail", "--format", "json", "--lang", "en", "-v"]
    result = CliRunner().invoke(main, args, env={"CI": "1"})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cases"] == cases
    lines = result.stderr.splitlines()
    assert lines[0] == f"checking cases: {cases} …"
    checked = [line for line in lines if line.startswith("  checked: ")]
    assert sorted(c.removeprefix("  checked: ") for c in checked) == sorted(
        p.name for p in (root / "kasus").glob("*/*")
    )
    assert re.fullmatch(rf"checking cases: {cases}/{cases} \(\d+\.\d s\)", lines[-1])

    again = CliRunner().invoke(main, args, env={"CI": "1"})  # every verdict from the cache now
    assert json.loads(again.stdout) == json.loads(result.stdout)
    assert again.stderr == f"  {cases} case(s) unchanged since the last check (verdicts from the cache)\n"

    plain = CliRunner().invoke(main, [*args[:-1]], env={"CI": "1"})
    assert json.loads(plain.stdout)["cases"] == cases
    assert "checked:" not in plain.stderr


def test_check_quiet_prints_only_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    build_archive(tmp_path / "bersih")
    clean = CliRunner().invoke(main, ["check", "bersih", "-q"], env={"CI": "1"})
    assert (clean.exit_code, clean.stdout, clean.stderr) == (0, "", "")
    build_archive(tmp_path / "kurang", CORPUS / "doc-missing-sk")
    found = CliRunner().invoke(main, ["check", "kurang", "--quiet"], env={"CI": "1"})
    assert found.exit_code == 1 and found.stderr == ""
    assert found.stdout.startswith("kurang/kasus/2026/") and " galat[" in found.stdout
    assert "kasus diperiksa" not in found.stdout  # no summary line
    both = CliRunner().invoke(main, ["check", "kurang", "-q", "-v", "--lang", "en"])
    assert both.exit_code == 2 and "--quiet and --verbose cannot be used together" in both.output


def test_build_stages_quiet_and_verbose(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    args = ["build", str(root), "--out", str(tmp_path / "site"), "--no-pdf", "--no-trail", "--lang", "en"]
    verbose = CliRunner().invoke(main, [*args, "-v"], env={"CI": "1"})
    assert verbose.exit_code == 0, verbose.output
    err = verbose.stderr.splitlines()
    for stage in ("check", "cases", "pages", "mkdocs", "assets", "search", "verify", "publish"):
        assert any(re.fullmatch(rf"stage {stage}: \d+\.\d\d s", line) for line in err), stage
    assert "checking the archive…" in err and "publishing the site…" in err
    assert f"  case page rendered again: {BASE_ID}" in err
    assert "public site published" in verbose.stdout and "stage check" not in verbose.stdout

    quiet = CliRunner().invoke(main, [*args, "-q"], env={"CI": "1"})
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert "public site published" in quiet.stdout

    normal = CliRunner().invoke(main, args, env={"CI": "1"})
    assert "checking the archive…" in normal.stderr
    assert "stage check:" not in normal.stderr and "rendered again" not in normal.stderr


def test_pdf_verbose_names_each_document_rendered_or_reused(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive()
    out = tmp_path / "pdf"
    args = ["pdf", str(root), "--out", str(out), "--case", BASE_ID, "--no-trail", "--lang", "en", "-j", "1", "-v"]
    first = CliRunner().invoke(main, args, env={"CI": "1"})
    assert first.exit_code == 0, first.output
    made = sorted(out.rglob("*.pdf"))
    assert made
    assert sorted(line for line in first.stderr.splitlines() if line.startswith("  rendered: ")) == sorted(
        f"  rendered: {p}" for p in made
    )
    assert first.stdout.startswith(f"{len(made)} document(s) rendered")
    again = CliRunner().invoke(main, args, env={"CI": "1"})
    assert sorted(line for line in again.stderr.splitlines() if line.startswith("  unchanged, reused: ")) == sorted(
        f"  unchanged, reused: {p}" for p in made
    )
    assert CliRunner().invoke(main, [*args[:-1], "-q"], env={"CI": "1"}).stderr == ""


def _complete(words: str, cwd: Path, shell: str = "bash") -> list[str]:
    env = {**os.environ, "_SOP_KIT_COMPLETE": f"{shell}_complete", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    proc = subprocess.run([str(SOP_KIT)], env=env, cwd=cwd, capture_output=True, text=True, check=True)
    return [line for line in proc.stdout.splitlines() if line]


def test_shell_completion_scripts_and_answers(tmp_path: Path) -> None:
    for shell, marker in (("bash", "complete -o nosort -F _sop_kit_completion sop-kit"), ("zsh", "#compdef sop-kit")):
        env = {**os.environ, "_SOP_KIT_COMPLETE": f"{shell}_source"}
        script = subprocess.run([str(SOP_KIT)], env=env, capture_output=True, text=True, check=True).stdout
        assert "_sop_kit_completion()" in script and marker in script, shell
    assert "plain,build" in _complete("sop-kit bu", tmp_path)
    ids = sorted(p.name for p in (REPO / "records" / "kasus").glob("*/2026-*"))
    assert _complete("sop-kit trail 2026-", REPO) == [f"plain,{i}" for i in ids]  # default --root records
    build_archive(tmp_path / "arsip")
    assert _complete("sop-kit status --root arsip 2026", tmp_path) == [f"plain,{BASE_ID}"]
    assert _complete("sop-kit status --root tidak-ada 2026", tmp_path) == []
