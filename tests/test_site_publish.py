"""Publishing is atomic: a killed or failed build leaves the previous site served complete,
and two builds cannot interleave."""

from __future__ import annotations

import hashlib
import html
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.core.errors import SopKitError
from sop_kit.site.build import SiteOptions
from sop_kit.site.publish import build_lock
from sop_kit.site.serve import make_server
from tests.conftest import BASE_ID, REPO, MakeArchive, site_build


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _options(out: Path, cache: Path) -> SiteOptions:
    return SiteOptions(out=out, cache_dir=cache, pdf=False)


def _build_process(root: Path, out: Path, cache: Path) -> subprocess.Popen[bytes]:
    code = (
        "import sys; from pathlib import Path; import sop_kit as s; "
        "s.build_site(s.audit(sys.argv[1], s.CheckOptions(trail=False, cache_dir=Path(sys.argv[3]))), "
        "s.SiteOptions(out=Path(sys.argv[2]), cache_dir=Path(sys.argv[3]), pdf=False, incremental=False))"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(root), str(out), str(cache)], cwd=REPO)


def _served(site: Path, urls: list[str]) -> list[bytes]:
    server = make_server(site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        bodies = []
        for url in urls:
            with urllib.request.urlopen(base + url, timeout=10) as response:
                assert response.status == 200
                bodies.append(response.read())
        return bodies
    finally:
        server.shutdown()
        server.server_close()


def test_killed_build_leaves_the_old_site_served_complete(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: Versi baru yang tidak pernah terbit.\n", "utf-8")

    proc = _build_process(root, out, cache)
    staging_prefix = f".{out.name}.staging-"
    deadline = time.monotonic() + 60
    # Kill it midway: once MkDocs has started writing pages into the staging folder.
    while time.monotonic() < deadline:
        staged = [p for p in tmp_path.glob(staging_prefix + "*") if (p / "404.html").exists() or any(p.iterdir())]
        if staged or proc.poll() is not None:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert tree(out) == before
    case_page, home = _served(out, [f"kasus/2026/{BASE_ID}/", ""])
    assert BASE_ID.encode() in case_page and b"Versi baru" not in case_page
    assert b"Beranda" in home
    assert list(tmp_path.glob(staging_prefix + "*")), "the killed build left its staging folder"

    site_build(root, _options(out, cache))  # the next build cleans up and publishes
    assert not list(tmp_path.glob(staging_prefix + "*"))
    assert "Versi baru yang tidak pernah terbit." in html.unescape(
        (out / "kasus" / "2026" / BASE_ID / "index.html").read_text()
    )


def test_failed_build_keeps_the_previous_site(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    # A clerk types a child's name (personal data in kasus.yaml) into a public note.
    kasus = (root / "kasus" / "2026" / BASE_ID / "kasus.yaml").read_text("utf-8")
    child = "Rina Suryana (fiktif)"
    assert f"nama: {child}\n        hubungan: anak" in kasus
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "07-dokumentasi.yaml"
    step.write_text(step.read_text("utf-8") + f"catatan: Foto bersama {child} dan ibunya.\n", "utf-8")
    with pytest.raises(SopKitError) as failed:
        site_build(root, _options(out, cache))
    assert failed.value.code == "site.personal_data"
    assert tree(out) == before
    assert not list(tmp_path.glob(f".{out.name}.staging-*"))


def test_a_folder_that_is_not_a_site_is_never_published_over(make_archive: MakeArchive, tmp_path: Path) -> None:
    """`sop-kit build records --out kantor` (or `--out .git`) put the office's folder aside as
    the spare, which the next build empties: the emblem, a letter, the git repository lost.
    Only an empty folder or a site sop-kit built is replaced; nothing is written otherwise."""
    root = make_archive()
    cache = tmp_path / "cache"
    for name, content in (("kantor", {"lambang.png": b"\x89PNG"}), (".git", {"HEAD": b"ref: refs/heads/main\n"})):
        folder = tmp_path / name
        folder.mkdir()
        for file, data in content.items():
            (folder / file).write_bytes(data)
        with pytest.raises(SopKitError) as refused:
            site_build(root, _options(folder, cache))
        assert refused.value.code == "site.out_foreign"
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == content
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(f".{name}.")]  # no lock, no spare
    (tmp_path / "kosong").mkdir()  # an empty folder becomes the site, and is rebuilt as one
    site_build(root, _options(tmp_path / "kosong", cache))
    site_build(root, _options(tmp_path / "kosong", cache))
    assert (tmp_path / "kosong" / "index.html").is_file()
    # The internal site (families' data) never replaces a public one: `--internal` added to the
    # command that publishes `kosong` would have put it where everyone reads.
    public = tree(tmp_path / "kosong")
    internal = replace(_options(tmp_path / "kosong", cache), internal=True)
    with pytest.raises(SopKitError) as refused:
        site_build(root, internal)
    assert refused.value.code == "site.internal_over_public" and tree(tmp_path / "kosong") == public
    # Nor are internal documents written into it (`pdf --internal kosong/dokumen`).
    pdf = ["pdf", str(root), "--no-trail", "--out", str(tmp_path / "pdf"), "--internal"]
    done = CliRunner().invoke(main, [*pdf, str(tmp_path / "kosong" / "dokumen")], env={"SOP_KIT_LANG": "en"})
    assert done.exit_code == 2 and "is inside the public site" in done.output, done.output
    with pytest.raises(SopKitError) as refused:  # nor an internal site inside it
        site_build(root, replace(internal, out=tmp_path / "kosong" / "intern"))
    assert refused.value.code == "site.personal_in_public"
    bag = ["export", BASE_ID, "--bagit", "--force", "--no-trail", "--root", str(root)]  # a bag holds them too
    done = CliRunner().invoke(main, [*bag, "--out", str(tmp_path / "kosong" / "bag")], env={"SOP_KIT_LANG": "en"})
    assert done.exit_code == 2 and "is inside the public site" in done.output, done.output
    assert tree(tmp_path / "kosong") == public
    for _ in range(2):  # in its own folder, built and rebuilt
        site_build(root, replace(internal, out=tmp_path / "intern"))
    site_build(root, _options(tmp_path / "intern", cache))  # a public build may take its place
    assert not (tmp_path / "intern" / ".sop-kit-internal").exists()


def test_a_site_built_before_sites_were_marked_is_still_rebuilt(make_archive: MakeArchive, tmp_path: Path) -> None:
    """An office upgrading from a sop-kit whose sites held no build id had its own site refused
    as "not a site sop-kit built". Its case index says it is one: a public build replaces it
    (a full build); an internal one still does not, as it cannot tell an old public site."""
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    (out / ".sop-kit-build").unlink()  # as the older sop-kit left it
    with pytest.raises(SopKitError) as refused:
        site_build(root, replace(_options(out, cache), internal=True))
    assert refused.value.code == "site.out_foreign"
    report = site_build(root, _options(out, cache))
    assert report.full and (out / ".sop-kit-build").is_file()
    # A folder holding some other file named so is not taken for one.
    other = tmp_path / "lain"
    (other / "ekspor").mkdir(parents=True)
    (other / "ekspor" / "kasus.json").write_text('{"format": "lain/1"}', "utf-8")
    with pytest.raises(SopKitError) as refused:
        site_build(root, _options(other, cache))
    assert refused.value.code == "site.out_foreign"


def test_two_builds_cannot_interleave(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    with build_lock(out):  # another build holds the site
        proc = subprocess.Popen(
            [sys.executable, "-m", "sop_kit", "build", str(root), "--out", str(out), "--no-pdf", "--no-trail"],
            cwd=REPO,
            env={**os.environ, "XDG_CACHE_HOME": str(cache), "SOP_KIT_LANG": "en"},
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        said = []
        for line in proc.stderr:  # blocks until the build says something, line by line
            said.append(line)
            if "another build is publishing" in line:
                break
        assert "another build is publishing" in said[-1], said
        assert proc.poll() is None, "the second build must wait for the lock"
        assert tree(out) == before
        assert not list(tmp_path.glob(f".{out.name}.staging-*"))
    assert proc.wait(timeout=120) == 0
    assert (out / "index.html").is_file()
    with build_lock(out), pytest.raises(SopKitError) as busy, build_lock(out, wait=False):
        pass
    assert busy.value.code == "site.locked"


def test_incremental_build_never_writes_into_the_published_files(make_archive: MakeArchive, tmp_path: Path) -> None:
    # The staging site starts as hard links to the published one; a file written in place
    # there would change the live site before the swap. A second set of links sees that.
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    snapshot = tmp_path / "snapshot"
    shutil.copytree(out, snapshot, copy_function=os.link)
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: Perubahan untuk build bertahap.\n", "utf-8")
    report = site_build(root, _options(out, cache))
    assert not report.full and report.pages_changed >= 1
    assert tree(snapshot) == before
    assert tree(out) != before


def test_installed_templates_are_compiled_once_and_an_unwritable_cache_is_skipped(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from sop_kit._version import __version__
    from sop_kit.site import pages

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: Any) -> Any:
        if not isinstance(self, SandboxedEnvironment):  # an archive's letters: compiled each time
            compiled.append(name)
        return real(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    root = make_archive()
    kept = tmp_path / "xdg" / "sop-kit" / f"sablon-{__version__}"
    try:
        pages._env.cache_clear()  # made once per process: made anew with this cache folder
        site_build(root, _options(tmp_path / "site", tmp_path / "cache"))
        assert {"kasus.md", "main.html"} <= set(compiled)  # sop-kit's page, MkDocs' theme
        assert list((kept / "halaman").glob("*.cache")) and list((kept / "mkdocs").glob("*.cache"))

        compiled.clear()
        pages._env.cache_clear()
        site_build(root, _options(tmp_path / "site2", tmp_path / "cache2"))
        assert compiled == []  # every template read back compiled, none compiled again

        shutil.rmtree(kept)
        kept.mkdir()
        for env in ("halaman", "mkdocs"):  # a file where the folder should be: nothing can be kept
            (kept / env).write_text("x")
        pages._env.cache_clear()
        site_build(root, _options(tmp_path / "site3", tmp_path / "cache3"))
        assert compiled and (tmp_path / "site3" / "index.html").is_file()
    finally:
        pages._env.cache_clear()


def test_after_a_refused_build_the_next_one_counts_every_page_it_publishes_anew(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """A build refused late (a phone number in one case) has written the other case's new page
    source already; the next build publishes that page too, and says so: the count is of
    pages published anew, not of sources written by this build."""
    from datetime import date

    from tests.revision_archive import add_case

    root = make_archive()
    other = add_case(root, "2026-02-cibening-b2aa", date(2026, 2, 2), [30, 50])
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    note = other / "langkah" / "02-verifikasi-validasi.yaml"
    note.write_text(note.read_text("utf-8") + "catatan: Data sudah dicocokkan.\n", "utf-8")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    text = step.read_text("utf-8")
    step.write_text(text + "alasan_waktu: Hubungi 0812 3456 7890 dulu.\n", "utf-8")
    with pytest.raises(SopKitError) as refused:
        site_build(root, _options(out, cache))
    assert refused.value.code == "site.personal_data" and tree(out) == before
    step.write_text(text + "alasan_waktu: Menunggu jadwal desa.\n", "utf-8")
    report = site_build(root, _options(out, cache))
    after = tree(out)
    anew = {rel for rel in after if rel.endswith("index.html") and after[rel] != before.get(rel)}
    assert {f"kasus/2026/{BASE_ID}/index.html", f"kasus/2026/{other.name}/index.html"} <= anew, anew
    assert not report.full and report.pages_changed == len(anew), sorted(anew)


def test_a_build_stopped_with_ctrl_c_says_so_in_the_users_words(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, _options(out, cache))
    before = tree(out)
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"}
    with build_lock(out):  # the build waits here, so the interrupt comes while it runs
        proc = subprocess.Popen(
            [sys.executable, "-m", "sop_kit", "build", str(root), "--out", str(out), "--no-pdf", "--no-trail"],
            cwd=REPO,
            env={**env, "XDG_CACHE_HOME": str(cache)},
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        assert proc.stderr is not None
        for line in proc.stderr:
            if "build lain sedang menerbitkan" in line:
                break
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C reaches the whole process group
        rest = proc.stderr.read()
        assert proc.wait(timeout=60) == 130
    assert "dihentikan (Ctrl+C)" in rest and "Aborted" not in rest and "Traceback" not in rest, rest
    assert tree(out) == before


def test_an_upgraded_sop_kit_makes_every_case_page_and_document_again(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case pages and PDFs were cached under sop-kit's version number, which a fix does not
    change: an office that upgraded kept pages and dossiers made by the old code (a page listing
    a file as unpublished, a dossier dated wrongly) until each case changed. They are keyed by
    the code now, as the check's verdicts are."""
    from sop_kit.core import resources
    from sop_kit.core.feedback import Reporter

    class Notes(Reporter):
        def __init__(self) -> None:
            self.codes: list[str] = []

        def note(self, code: str, **params: object) -> None:
            self.codes.append(code)

    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    options = SiteOptions(out=out, cache_dir=cache)

    def build() -> list[str]:
        from sop_kit import CheckOptions, audit, build_site

        notes = Notes()
        build_site(audit(root, CheckOptions(trail=False, cache_dir=cache)), options, notes)
        return notes.codes

    build()
    again = build()
    assert "progress.case_rendered" not in again and "progress.pdf_rendered" not in again
    monkeypatch.setattr(resources, "code_fingerprint", lambda: "another sop-kit")
    upgraded = build()
    assert upgraded.count("progress.case_rendered") == 1
    assert "progress.pdf_rendered" in upgraded and "progress.pdf_reused" not in upgraded
