"""Golden tests for `sop-kit status`: the plain-language summary a clerk reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main

from .conftest import BASE_ID, CORPUS, build_archive

GOLDEN = Path(__file__).resolve().parent / "golden" / "status"
CASES = ["base", "awaiting-decision", "round-sent-back-ok", "doc-missing-sk", "order-step-before-prerequisite"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", CASES)
def test_status_golden(name: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip", None if name == "base" else CORPUS / name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", BASE_ID, "--root", "arsip", "--lang", lang])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.{lang}.txt"
    if os.environ.get("SOP_KIT_UPDATE_GOLDEN"):
        golden.write_text(result.output, "utf-8")
    assert result.output == golden.read_text("utf-8")


def test_status_accepts_a_folder_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    monkeypatch.chdir(tmp_path)
    by_path = CliRunner().invoke(main, ["status", f"arsip/kasus/2026/{BASE_ID}/langkah", "--root", "arsip"])
    by_id = CliRunner().invoke(main, ["status", BASE_ID, "--root", "arsip"])
    assert by_path.exit_code == 0
    assert by_path.output == by_id.output


def test_status_unknown_case_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_archive(tmp_path / "arsip")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", "2026-03-tidak-ada-0000", "--root", "arsip"])
    assert result.exit_code == 2
    assert "kasus '2026-03-tidak-ada-0000' tidak ditemukan" in result.output
    assert "Traceback" not in result.output
