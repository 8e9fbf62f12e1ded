"""Golden tests: each folder in tests/corpus/ is a broken (or tricky) variant of a good case,
with the exact output `sop-kit check` must give for it in expected.txt.

Set SOP_KIT_UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then
review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main

from .conftest import CORPUS, build_archive

ITEMS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and p.name != "base")


@pytest.mark.parametrize("name", ["base", *ITEMS])
def test_corpus_item(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", None if name == "base" else CORPUS / name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "arsip", "--no-cache", "--lang", "id"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    expected_file = CORPUS / name / "expected.txt"
    if os.environ.get("SOP_KIT_UPDATE_GOLDEN"):
        expected_file.write_text(result.output, "utf-8")
    assert result.output == expected_file.read_text("utf-8")
    has_errors = " galat[" in result.output
    assert result.exit_code == (1 if has_errors else 0)


def test_every_corpus_item_finds_something_but_the_good_ones() -> None:
    good = {"round-sent-back-ok", "awaiting-decision", "doc-data-passed-on"}  # step 1's data is step 2's input
    for name in ITEMS:
        text = (CORPUS / name / "expected.txt").read_text("utf-8")
        found = "[" in text
        assert found != (name in good), name
