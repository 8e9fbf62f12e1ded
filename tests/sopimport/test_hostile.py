"""Hostile files (made at test time by ``hostile.py``) through the real ``sop-kit sop import``
command, in a subprocess whose address space is capped at 256 MB: a clear one-line refusal
naming the file, exit 2, no traceback, and never more memory than that."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sop_kit.sopimport import import_sop

from . import corpus, hostile

LIMIT = 256 * 1024 * 1024


def _command() -> list[str]:
    script = Path(sys.executable).with_name("sop-kit")
    return [str(script)] if script.exists() else [shutil.which("sop-kit") or "sop-kit"]


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run_capped(path: Path, out: Path, lang: str = "en") -> tuple[int, str, int]:
    """(exit code, stdout + stderr, peak resident memory in bytes) of the real command."""
    log = out.with_suffix(".log")
    with log.open("wb") as fh:
        child = subprocess.Popen([*_command(), "sop", "import", str(path), "--out", str(out), "--lang", lang],
                                 stdout=fh, stderr=subprocess.STDOUT, preexec_fn=_limit)  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, log.read_text("utf-8", "replace"), usage.ru_maxrss * 1024


Maker = Callable[[Path, Path], None]
HOSTILE: dict[str, tuple[str, Maker, str]] = {
    # name: (file name, maker, what the message must say)
    "zip bomb": ("bom.docx", hostile.zip_bomb, "perhaps a zip bomb"),
    "lying zip bomb": ("bohong.docx", hostile.lying_zip_bomb, "(BadZipFile)"),
    "5000 members": ("banyak.docx", lambda _, p: hostile.many_members(p), "in 5001 parts"),
    "broken XML": ("rusak.docx", hostile.broken_xml, "word/document.xml is not well-formed XML (line 2 of that part"),
    "entity bomb": ("tawa.docx", hostile.entity_bomb, "not well-formed XML (line 1 of that part: DOCTYPE)"),
    "binary as text": ("biner.txt", lambda _, p: hostile.binary_as_text(p), ":3: this file is not text"),
    "truncated PDF": ("potong.pdf", hostile.truncated_pdf, "the PDF cannot be read"),
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_files_are_refused_within_256_mb(name: str, tmp_path: Path) -> None:
    filename, make, says = HOSTILE[name]
    path = tmp_path / filename
    make(tmp_path, path)
    code, output, peak = run_capped(path, tmp_path / "out.yaml")
    assert code == 2, output
    assert "Traceback" not in output
    assert f"{path}" in output and says in output, output
    assert peak < LIMIT
    assert not (tmp_path / "out.yaml").exists()  # nothing half-written


def test_windows_1252_text_is_read_with_a_note(tmp_path: Path) -> None:
    """Not refused: read as Windows-1252, said so at the first line that is not UTF-8, and the
    same SOP as its UTF-8 text."""
    path = tmp_path / "notepad.txt"
    hostile.windows_1252(tmp_path, path)
    code, output, peak = run_capped(path, tmp_path / "out.yaml")
    assert code == 0 and "Traceback" not in output and peak < LIMIT, output
    assert f"{path}:1: the file is not UTF-8 from this line on; read as Windows-1252" in output
    utf8 = import_sop(corpus.write("txt", tmp_path))
    assert {k: v for k, v in import_sop(path).data.items() if k != "sumber"} == {
        k: v for k, v in utf8.data.items() if k != "sumber"
    }


@pytest.mark.parametrize("layout", ["docx-ap", "pdf-word"])
def test_real_documents_import_within_256_mb(layout: str, tmp_path: Path) -> None:
    code, output, peak = run_capped(corpus.write(layout, tmp_path), tmp_path / "out.yaml")
    assert code == 0 and peak < LIMIT, output
