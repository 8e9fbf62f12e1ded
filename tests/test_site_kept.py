"""What a watching process keeps of its last site build (``site.kept``): the manifest and the case
results stand for the file only while the file is the one it wrote, and a build from them makes
the very site and files a build reading the file makes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.site.build import SiteOptions, build_site
from sop_kit.site.cases import CaseResult
from sop_kit.site.kept import SiteKept
from tests.conftest import BASE_ID, MakeArchive, site_build
from tests.test_check import clone_cases
from tests.test_site_publish import tree
from tests.test_site_watch import _page

# A new build id per build, the one before it, and the configuration (it names the site folder).
OWN = ("build_id", "from_id", "config")


def _build(root: Path, out: Path, cache: Path, kept: SiteKept | None) -> None:
    judged = audit(root, CheckOptions(cache_dir=cache, trail=False))
    build_site(judged, SiteOptions(out, pdf=False, cache_dir=cache, kept=kept))


def _work(cache: Path) -> Path:
    (work,) = (cache / "situs").iterdir()
    return work


def _manifest(cache: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads((_work(cache) / "manifest.json").read_bytes())
    for key in OWN:
        data.pop(key)
    # Which file a page is (its inode) differs from one site to another; its content does not.
    data["page_ids"] = {rel: entry[1] for rel, entry in data["page_ids"].items()}
    return data


def _site(out: Path) -> dict[str, str]:
    """The site file by file, but for the build id and Pagefind's files (its ids differ from one
    run to the next on the same pages; the manifest's bundle digests say which pages it read)."""
    return {k: v for k, v in tree(out).items() if k != ".sop-kit-build" and not k.startswith("pagefind/")}


def _edits(root: Path) -> list[tuple[str, Callable[[], object]]]:
    base = root / "kasus" / "2026" / BASE_ID
    step = base / "langkah" / "04-persiapan.yaml"
    kasus = base / "kasus.yaml"
    return [
        ("a note saved", lambda: step.write_text(step.read_text("utf-8") + "catatan: Catatan baru.\n", "utf-8")),
        ("two cases added", lambda: clone_cases(root, 2, start=10)),
        # A new personal value: every published file is searched for it, none found clean before.
        ("a name changed", lambda: kasus.write_text(kasus.read_text("utf-8").replace("Ujang", "Ujang Sopandi"))),
        ("a case deleted", lambda: shutil.rmtree(root / "kasus" / "2026" / "2026-03-cibening-0010")),
        ("nothing changed", lambda: None),
    ]


def test_a_build_from_what_the_watch_kept_makes_what_a_build_from_the_files_makes(
    make_archive: MakeArchive, tmp_path: Path, reads: list[str]
) -> None:
    root = make_archive()
    assert "Ujang" in (root / "kasus" / "2026" / BASE_ID / "kasus.yaml").read_text("utf-8")
    clone_cases(root, 2)
    kept = SiteKept()
    watched, read = (tmp_path / "watched", tmp_path / "cache-watched"), (tmp_path / "read", tmp_path / "cache-read")
    _build(root, *watched, kept)
    _build(root, *read, None)
    for what, edit in _edits(root):
        edit()
        reads.clear()
        _build(root, *watched, kept)
        assert reads == ["privacy-clean.json"], f"{what}: read from disk again: {reads}"
        reads.clear()
        _build(root, *read, None)
        assert reads == ["manifest.json", "privacy-clean.json"], what  # the other reads them each time
        assert _manifest(watched[1]) == _manifest(read[1]), what
        assert _site(watched[0]) == _site(read[0]), what
    assert "2026-03-cibening-0011" in _manifest(watched[1])["cases"]
    assert "2026-03-cibening-0010" not in _manifest(watched[1])["cases"]

    # What is kept is what the files hold, decoded: not a tuple where the file holds a list.
    manifest, results = kept.take_manifest(_work(watched[1]) / "manifest.json") or pytest.fail("nothing kept")
    on_disk = orjson.loads((_work(watched[1]) / "manifest.json").read_bytes())
    assert manifest == {k: v for k, v in on_disk.items() if k != "cases"}
    decoded = {name: CaseResult.from_json(data) for name, data in on_disk.pop("cases").items()}
    assert {name: replace(r, rendered=False) for name, r in results.items()} == decoded


def test_a_build_beside_the_watch_is_read_not_what_the_watch_kept(
    make_archive: MakeArchive, tmp_path: Path, reads: list[str]
) -> None:
    """A clerk runs ``sop-kit build`` on the same site while the watch waits: the manifest the
    watch kept is no longer the file's, and its next build reads the file."""
    root = make_archive()
    (case, *_) = clone_cases(root, 2)
    out, cache = tmp_path / "site", tmp_path / "cache"
    kept = SiteKept()
    _build(root, out, cache, kept)
    shutil.rmtree(case)
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))  # another process, as it were
    reads.clear()
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: Sesudah build lain.\n", "utf-8")
    _build(root, out, cache, kept)
    assert reads == ["manifest.json", "privacy-clean.json"]
    assert case.name not in _manifest(cache)["cases"]
    assert not (out / "kasus" / "2026" / case.name).exists()
    assert "Sesudah build lain." in _page(out)

    reads.clear()  # and the build after reads what that build kept
    _build(root, out, cache, kept)
    assert reads == ["privacy-clean.json"]


def test_a_failed_build_leaves_nothing_kept_that_it_changed(
    make_archive: MakeArchive, tmp_path: Path, reads: list[str]
) -> None:
    """A build takes what is kept and changes it as it goes: one refused half-way (personal data
    in a published note) must not leave the next build its half-changed state."""
    from sop_kit.core.errors import SopKitError

    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    kept = SiteKept()
    _build(root, out, cache, kept)
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    original = step.read_text("utf-8")
    step.write_text(original + "catatan: Bertemu Rina Suryana (fiktif) di rumahnya.\n", "utf-8")
    with pytest.raises(SopKitError) as refused:
        _build(root, out, cache, kept)
    assert refused.value.code == "site.personal_data"
    step.write_text(original + "catatan: Bertemu kepala keluarga di rumahnya.\n", "utf-8")
    reads.clear()
    _build(root, out, cache, kept)
    assert reads == ["manifest.json", "privacy-clean.json"]  # the files, not what the failed build changed
    assert "Bertemu kepala keluarga" in _page(out)
