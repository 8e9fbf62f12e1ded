"""Shared fixtures: real archives in temporary folders, built from the shipped SOP and staff."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sop_kit.check.audit import audit
from sop_kit.check.report import Report
from sop_kit.check.run import CheckOptions
from sop_kit.site.build import SiteOptions, SiteReport, build_site

from .browser import chromium, served

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
BASE_ID = "2026-03-cibening-t3st"

MakeArchive = Callable[..., Path]


def judge(root: Path, options: CheckOptions | None = None) -> Report:
    """What ``sop-kit check`` reports on the archive at ``root``."""
    return audit(root, options).report


def site_build(root: Path, options: SiteOptions, trail: bool = False) -> SiteReport:
    """``sop-kit build`` through the library: the archive judged once, then its site built,
    with the site's cache settings (and without the trail unless asked)."""
    check = CheckOptions(use_cache=options.use_cache, cache_dir=options.cache_dir, trail=trail)
    return build_site(audit(root, check), options)


def build_archive(target: Path, overlay: Path | None = None) -> Path:
    """An archive at ``target``: the shipped SOP and staff, plus the corpus base case with
    ``overlay``'s files laid over it and the files named in its ``hapus.txt`` removed."""
    shutil.copytree(REPO / "records" / "sop", target / "sop")
    shutil.copy2(REPO / "records" / "staf.yaml", target / "staf.yaml")
    case = target / "kasus" / "2026" / BASE_ID
    shutil.copytree(CORPUS / "base", case, ignore=shutil.ignore_patterns("expected.txt"))
    if overlay is not None:
        for src in overlay.rglob("*"):
            rel = src.relative_to(overlay)
            if src.is_file() and rel.parts[0] not in ("expected.txt", "hapus.txt"):
                (case / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, case / rel)
        removals = overlay / "hapus.txt"
        if removals.exists():
            for rel_name in removals.read_text().split():
                (case / rel_name).unlink()
    return target


def own_files(case: Path, tag: str) -> None:
    """Give a copied case files of its own, as a real case has (two cases with one photo are
    an error of both): ``tag`` appended to each attachment, after the end a PDF or JPEG
    reader stops at, and the records' sha256 updated."""
    renamed = {}
    for path in [*case.glob("lampiran/*"), *case.glob("foto/*")]:
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        path.write_bytes(path.read_bytes() + f"\n%{tag}\n".encode())
        renamed[before] = hashlib.sha256(path.read_bytes()).hexdigest()
    for step in case.glob("langkah/*.yaml"):
        text = step.read_text("utf-8")
        for before, after in renamed.items():
            text = text.replace(before, after)
        step.write_text(text, "utf-8")


@pytest.fixture
def make_archive(tmp_path: Path) -> MakeArchive:
    def make(name: str = "arsip", overlay: str | None = None) -> Path:
        return build_archive(tmp_path / name, CORPUS / overlay if overlay else None)

    return make


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The site build's work files read from disk (its manifest, the scan's clean list), by name."""
    from sop_kit.core.cache import read_json

    names: list[str] = []

    def counted(path: Path) -> Any:
        names.append(path.name)
        return read_json(path)

    monkeypatch.setattr("sop_kit.site.build.read_json", counted)
    return names


@pytest.fixture
def base_case(make_archive: MakeArchive) -> Path:
    return make_archive() / "kasus" / "2026" / BASE_ID


@dataclass(frozen=True)
class DemoSite:
    archive: Path  # records/ of the signed demo repository
    site: Path
    cache: Path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> DemoSite:
    """The demo archive as a signed repository, built once into a public site with PDFs."""
    from sop_kit.demo.build import build_demo

    base = tmp_path_factory.mktemp("situs-demo")
    build_demo(base / "arsip", REPO / "records")
    site = base / "site"
    site_build(base / "arsip" / "records", SiteOptions(out=site, cache_dir=base / "cache"), trail=True)
    return DemoSite(base / "arsip" / "records", site, base / "cache")


@pytest.fixture(scope="module")
def site(demo_site: DemoSite) -> Iterator[str]:
    """The demo site over HTTP, for the tests in a real browser."""
    with served(demo_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium (tests/browser.py), one per test module."""
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver
