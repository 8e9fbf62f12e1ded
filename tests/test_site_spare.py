"""The site swapped out is kept as the spare, and the next build's staging folder is brought up
to date from it: only files that differ from the published site (by inode) are linked anew."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest

from sop_kit.records.privacyscan import scan_output
from sop_kit.site.build import SiteOptions
from sop_kit.site.publish import link_previous, share_unchanged, spare_path
from tests.conftest import BASE_ID, MakeArchive, site_build
from tests.test_site_publish import tree


def _files(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.lstat().st_ino for p in root.rglob("*") if not p.is_dir()}


def test_link_previous_mirrors_the_site_from_a_stale_spare(tmp_path: Path) -> None:
    site, staging = tmp_path / "site", tmp_path / "staging"
    for rel, text in {
        "index.html": "beranda",
        "kasus/a/index.html": "kasus a",
        "kasus/b/index.html": "kasus b",
        "kasus/b/berkas/foto.jpg": "foto",
        "jadi-folder": "sekarang folder",
    }.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text)
    (staging / "kasus" / "a").mkdir(parents=True)
    os.link(site / "kasus" / "a" / "index.html", staging / "kasus" / "a" / "index.html")  # the same: kept
    (staging / "index.html").write_text("beranda lama")  # another inode: linked anew
    (staging / "kasus" / "dihapus" / "berkas").mkdir(parents=True)  # gone from the site
    (staging / "kasus" / "dihapus" / "berkas" / "x.pdf").write_text("lama")
    (staging / "kasus" / "b").write_text("a file where the site has a folder")
    (staging / "jadi-folder").mkdir()  # a folder where the site has a file
    (staging / "jadi-folder" / "isi").write_text("lama")
    (staging / "tautan").symlink_to("/etc")
    kept = (staging / "kasus" / "a" / "index.html").stat().st_ino

    link_previous(site, staging)

    assert tree(staging) == tree(site)
    assert _files(staging) == _files(site)  # every file a hard link to the published one
    assert not (staging / "tautan").is_symlink() and not (tmp_path / "etc").exists()
    assert (staging / "kasus" / "a" / "index.html").stat().st_ino == kept


def test_link_previous_given_the_changed_folders_compares_only_those(tmp_path: Path) -> None:
    site, staging = tmp_path / "site", tmp_path / "staging"
    for rel in ("index.html", "kasus/a/index.html", "kasus/b/index.html", "kasus/b/berkas/foto.jpg"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel)
    link_previous(site, staging)  # the spare: the site as the last build found it
    # The last build changed case b's photo, added case c with its files and removed a's page.
    (site / "kasus" / "b" / "berkas" / "foto.jpg").unlink()
    (site / "kasus" / "b" / "berkas" / "foto.jpg").write_text("foto baru")
    (site / "kasus" / "c" / "berkas").mkdir(parents=True)
    (site / "kasus" / "c" / "berkas" / "scan.pdf").write_text("scan")
    (site / "kasus" / "a" / "index.html").unlink()
    # A difference in a folder the last build did not change is not looked for: it cannot be one.
    (staging / "index.html").unlink()
    (staging / "index.html").write_text("not compared")

    link_previous(site, staging, ["kasus", "kasus/a", "kasus/b/berkas"])

    assert (staging / "index.html").read_text() == "not compared"
    rest = {k: v for k, v in tree(staging).items() if k != "index.html"}
    assert rest == {k: v for k, v in tree(site).items() if k != "index.html"}
    assert _files(staging)["kasus/c/berkas/scan.pdf"] == _files(site)["kasus/c/berkas/scan.pdf"]
    assert _files(staging)["kasus/b/berkas/foto.jpg"] == _files(site)["kasus/b/berkas/foto.jpg"]


def test_a_changed_folder_outside_the_site_is_never_followed(tmp_path: Path) -> None:
    # The list comes from the build's cache; a damaged one must not reach outside the site.
    site, staging = tmp_path / "terbit" / "site", tmp_path / "staging"
    (site / "kasus").mkdir(parents=True)
    (site / "kasus" / "index.html").write_text("kasus")
    (tmp_path / "terbit" / "luar").mkdir()  # what "../luar" names beside the site
    (tmp_path / "luar").mkdir()  # and beside the staging folder: must stay as it is
    (tmp_path / "luar" / "data.txt").write_text("jangan disentuh")
    staging.mkdir()
    link_previous(site, staging, ["../luar", "kasus"])
    assert (tmp_path / "luar" / "data.txt").read_text() == "jangan disentuh"
    assert tree(staging) == tree(site)  # compared whole instead


def test_a_damaged_manifest_never_removes_outside_the_site(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out, cache = tmp_path / "a" / "b" / "site", tmp_path / "cache"
    options = SiteOptions(out=out, cache_dir=cache, pdf=False)
    site_build(root, options)
    outside = tmp_path / "a" / "luar"  # "../../luar" from the staging folder beside the site
    outside.mkdir()
    (outside / "data.txt").write_text("jangan disentuh")
    (manifest,) = cache.glob("situs/*/manifest.json")
    data = json.loads(manifest.read_text("utf-8"))
    data["pages"] += ["../../luar.md", "../../luar/index.md"]  # pages "gone" since the last build
    data["changed"] = ["../../luar"]
    manifest.write_text(json.dumps(data), "utf-8")
    report = site_build(root, options)
    assert not report.full
    assert (outside / "data.txt").read_text() == "jangan disentuh"


def test_a_damaged_case_entry_in_the_manifest_makes_the_case_again(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A case's kept result missing a field (a cache written by hand, or cut short) stopped the
    build with a KeyError; the case is made again and its personal values searched as ever."""
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    options = SiteOptions(out=out, cache_dir=cache, pdf=False)
    site_build(root, options)
    (manifest,) = cache.glob("situs/*/manifest.json")
    data = json.loads(manifest.read_text("utf-8"))
    for entry in data["cases"].values():
        del entry["spoken"]
    manifest.write_text(json.dumps(data), "utf-8")
    report = site_build(root, options)
    assert report.cases == 1 and (out / "kasus" / "2026" / BASE_ID / "index.html").is_file()
    again = json.loads(manifest.read_text("utf-8"))
    assert all("spoken" in entry for entry in again["cases"].values())


def test_an_incremental_build_starts_from_the_folders_the_last_build_changed(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    options = SiteOptions(out=out, cache_dir=cache, pdf=False)
    site_build(root, options)
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    original = step.read_text("utf-8")
    page = out / "kasus" / "2026" / BASE_ID / "index.html"
    scan = step.parent.parent / "lampiran" / "04-rencana-pembinaan.pdf"
    # The first rebuild has no spare yet and starts from nothing; the last changes nothing, so
    # the case's page is the one the build before it wrote: only there in the spare if the
    # folders that build changed were brought up to date.
    for n in (1, 2, 3, None):
        if n is not None:
            step.write_text(original + f"catatan: Perubahan ke-{n}.\n", "utf-8")
            with scan.open("ab") as fh:  # a scan replaced: published as it is, beside the page
                fh.write(f"% perubahan ke-{n}\n".encode())
        _a_minute_later(out)
        site_build(root, options)
        assert f"Perubahan ke-{n or 3}." in html.unescape(page.read_text("utf-8"))
    (manifest,) = cache.glob("situs/*/manifest.json")
    changed = json.loads(manifest.read_text("utf-8"))["changed"]
    assert "sop" not in changed and "jelajah" not in changed  # only what the last build wrote
    got, want = _beside_a_full_build(root, out, tmp_path)
    assert [k for k in got.keys() ^ want.keys()] == []
    assert [k for k in got if got[k] != want[k] and not k.endswith((".xml", ".gz"))] == []


def test_the_old_site_is_the_spare_and_later_builds_equal_a_full_build(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    options = SiteOptions(out=out, cache_dir=cache, pdf=False)
    site_build(root, options)
    assert not spare_path(out).exists()  # nothing swapped out yet
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    original = step.read_text("utf-8")
    for n in (1, 2, 3):
        before = tree(out)
        step.write_text(original + f"catatan: Perubahan ke-{n}.\n", "utf-8")
        _a_minute_later(out)  # the third build brings only the folders the second changed up to date
        report = site_build(root, options)
        assert not report.full
        assert tree(spare_path(out)) == before  # the site as it was, kept beside it
        page = html.unescape((out / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8"))
        assert f"Perubahan ke-{n}." in page
        assert not list(tmp_path.glob(f".{out.name}.staging-*"))
    got, want = _beside_a_full_build(root, out, tmp_path)
    assert got.keys() == want.keys()
    assert [k for k in got if got[k] != want[k] and not k.endswith((".xml", ".gz"))] == []


def _beside_a_full_build(root: Path, out: Path, tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The site at ``out`` and a full build of ``root`` on empty caches, file by file (content
    digests), but for the build id and the search index."""
    full = tmp_path / "full"
    site_build(root, SiteOptions(out=full, cache_dir=tmp_path / "cache-full", pdf=False, use_cache=False))
    skip = {".sop-kit-build"}  # a new id per build
    got = {k: v for k, v in tree(out).items() if k not in skip and not k.startswith("pagefind/")}
    want = {k: v for k, v in tree(full).items() if k not in skip and not k.startswith("pagefind/")}
    return got, want


def _a_minute_later(out: Path) -> None:
    """As if the last build were a minute ago: what it wrote is then older than the next build
    (a build counts what was written in the two seconds before it began as its own)."""
    for folder in [p for site in (out, spare_path(out)) for p in (site, *site.rglob("*")) if p.is_dir()]:
        st = folder.stat()
        os.utime(folder, ns=(st.st_atime_ns - 60 * 10**9, st.st_mtime_ns - 60 * 10**9))


def test_an_incremental_scan_reads_only_folders_changed_since_the_build_began(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for folder in ("lama", "baru"):
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text("<p>Foto bersama Rina Suryana.</p>")
    (site / "lama" / "tautan").symlink_to("/etc/passwd")
    began = 2_000_000_000.0
    for path in (site / "lama" / "index.html", site / "baru" / "index.html"):
        os.utime(path, (began + 5, began + 5))
    os.utime(site / "lama", (began - 60, began - 60))  # no entry added, removed or renamed since
    os.utime(site / "baru", (began + 5, began + 5))
    os.utime(site, (began + 5, began + 5))
    hits = scan_output(site, {"Rina Suryana"}, changed_since=began)
    assert [(h.file, h.what) for h in hits] == [("baru/index.html", "nilai-pribadi"), ("lama/tautan", "tautan")]
    everything = scan_output(site, {"Rina Suryana"})
    assert [h.file for h in everything] == ["baru/index.html", "lama/index.html", "lama/tautan"]


def test_a_full_build_takes_the_unchanged_search_bundles_from_the_published_site(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    bundles = _files(out / "pagefind")
    report = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False, incremental=False))
    assert report.full
    assert _files(out / "pagefind") == bundles  # the same files, linked over: not indexed again


def test_the_archive_gitignore_keeps_every_spare_out_of_git() -> None:
    # An internal site's spare holds personal data: it must never be committed by accident.
    lines = (Path(__file__).parent.parent / "sop_kit" / "templates" / "init" / "gitignore").read_text().splitlines()
    stagings = [line.removesuffix(".staging-*") for line in lines if line.endswith(".staging-*")]
    assert len(stagings) == 3
    assert all(f"{name}.spare/" in lines for name in stagings)
    assert all(f"/{spare_path(Path(name.removeprefix('/.'))).name}/" in lines for name in stagings)


def test_share_unchanged_links_equal_files_and_names_the_folders_that_differ(tmp_path: Path) -> None:
    site, staging = tmp_path / "site", tmp_path / "staging"
    published = {
        "index.html": "beranda",
        "kasus/a/index.html": "kasus a",
        "kasus/b/index.html": "kasus b",
        "kasus/b/berkas/foto.jpg": "foto",
        "kasus/dihapus/index.html": "dihapus",
        "jadi-folder": "berkas",
    }
    staged = {
        "index.html": "beranda",  # the same bytes: linked to the published file
        "kasus/a/index.html": "kasus a, diubah",  # other bytes, same folder
        "kasus/b/index.html": "kasus b",
        "kasus/b/berkas/foto.jpg": "foto",
        "kasus/baru/index.html": "baru",  # a new folder: its parent differs
        "jadi-folder/isi": "isi",  # a folder where the site has a file
    }
    for root, files in ((site, published), (staging, staged)):
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)
    (staging / "kasus" / "b" / "tautan").symlink_to(site / "kasus" / "b" / "index.html")
    changed = share_unchanged(site, staging)
    assert sorted(changed or []) == ["", "kasus", "kasus/a", "kasus/b"]
    for rel in ("index.html", "kasus/b/index.html", "kasus/b/berkas/foto.jpg"):
        assert (staging / rel).stat().st_ino == (site / rel).stat().st_ino, rel
    assert (staging / "kasus" / "a" / "index.html").read_text() == "kasus a, diubah"
    assert (site / "kasus" / "a" / "index.html").read_text() == "kasus a"  # nothing written into either
    assert (staging / "kasus" / "b" / "tautan").is_symlink()  # a link is never shared (the scan refuses it)
    assert share_unchanged(tmp_path / "tidak-ada", staging) is None


def test_after_a_full_build_the_next_build_compares_only_what_it_changed(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: Perubahan sebelum build penuh.\n", "utf-8")
    _a_minute_later(out)
    full = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False, incremental=False))
    assert full.full
    (manifest,) = cache.glob("situs/*/manifest.json")
    kept = json.loads(manifest.read_text("utf-8"))
    changed = kept["changed"]
    for rel, (identity, _) in kept["page_ids"].items():  # as published: the next build reads none again
        st = (out / rel).stat()
        assert identity == f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}", rel
    case_folder = f"kasus/2026/{BASE_ID}"
    assert "" in changed and case_folder in changed, changed  # the build id; the changed page
    assert "sop" not in changed and not any(c.startswith("sop/") for c in changed), changed
    spare = spare_path(out)
    sop_page = next(p.relative_to(out) for p in (out / "sop").rglob("index.html"))
    assert (out / sop_page).stat().st_ino == (spare / sop_page).stat().st_ino  # shared, not made anew
    page = out / case_folder / "index.html"
    assert page.stat().st_ino != (spare / case_folder / "index.html").stat().st_ino
    # The next build starts from the spare with only those folders compared, and is right.
    step.write_text(step.read_text("utf-8").replace("sebelum build penuh", "sesudah build penuh"), "utf-8")
    _a_minute_later(out)
    again = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert not again.full
    assert "sesudah build penuh" in html.unescape(page.read_text("utf-8"))
    got, want = _beside_a_full_build(root, out, tmp_path)
    assert [k for k in got.keys() ^ want.keys()] == []
    assert [k for k in got if got[k] != want[k] and not k.endswith((".xml", ".gz"))] == []


def test_share_unchanged_without_hard_links_leaves_the_files_as_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, staging = tmp_path / "site", tmp_path / "staging"
    for root in (site, staging):
        (root / "kasus" / "a").mkdir(parents=True)
        (root / "kasus" / "a" / "index.html").write_text("sama")

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # a file system without hard links

    monkeypatch.setattr(os, "link", refused)
    assert share_unchanged(site, staging) == ["kasus/a"]  # compared next time, not assumed shared
    assert sorted(p.name for p in (staging / "kasus" / "a").iterdir()) == ["index.html"]  # no leftover
    assert (staging / "kasus" / "a" / "index.html").stat().st_ino != (site / "kasus" / "a" / "index.html").stat().st_ino


def test_after_a_full_build_of_rewritten_pages_a_rebuild_renders_only_the_changed_one(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """A full build whose pages' sources were written again with the same HTML as published (a
    new sop-kit does that to every page) shares the published files: MkDocs' next dirty build
    must not take them for older than their sources and render every page again."""
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    _a_minute_later(out)
    (docs,) = cache.glob("situs/*/docs")
    for page in docs.rglob("*.md"):  # written again after the site was published, same text
        page.write_bytes(page.read_bytes())
    full = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False, incremental=False))
    assert full.full
    sop_page = next(p.relative_to(out) for p in (out / "sop").rglob("index.html"))
    shared = (out / sop_page).stat().st_ino
    assert shared == (spare_path(out) / sop_page).stat().st_ino  # the full build shared it
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: Satu perubahan.\n", "utf-8")
    _a_minute_later(out)
    again = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert not again.full
    assert "Satu perubahan" in html.unescape((out / f"kasus/2026/{BASE_ID}/index.html").read_text("utf-8"))
    assert (out / sop_page).stat().st_ino == shared  # not rendered again
