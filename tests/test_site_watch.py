"""``sop-kit build --watch``: one process that publishes the site again after every change to the
archive. Real inotify watches, real builds, a real git repository; every wait has a deadline
only so that a broken watch fails instead of hanging."""

from __future__ import annotations

import gc
import html
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sop_kit.check.run import CheckOptions
from sop_kit.core import collector
from sop_kit.core.errors import SopKitError
from sop_kit.core.feedback import Reporter
from sop_kit.site.build import SiteOptions
from sop_kit.site.watch import Built, keep_built
from tests.conftest import BASE_ID, REPO, MakeArchive
from tests.test_check import clone_cases
from tests.test_site_publish import tree
from tests.test_site_spare import _beside_a_full_build

DEADLINE = 120  # seconds: a build of the test archive takes a few


class _Watch:
    """``keep_built`` on a thread of its own, its builds handed over one by one."""

    def __init__(
        self,
        root: Path,
        out: Path,
        cache: Path,
        trail: bool = False,
        say: Reporter | None = None,
        poll: bool = False,
        recheck: float = 600.0,
    ) -> None:
        self.stop = threading.Event()
        self.built: queue.Queue[Built | BaseException] = queue.Queue()
        check = CheckOptions(cache_dir=cache, trail=trail)
        options = SiteOptions(out=out, cache_dir=cache, pdf=False)

        def run() -> None:
            try:
                for built in keep_built(root, check, options, say or Reporter(), self.stop, poll, recheck):
                    self.built.put(built)
            except BaseException as exc:  # the test sees it instead of a silent thread
                self.built.put(exc)

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def next(self) -> Built:
        got = self.built.get(timeout=DEADLINE)
        if isinstance(got, BaseException):
            raise got
        return got

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=DEADLINE)
        assert not self.thread.is_alive(), "the watch did not stop when asked"


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[list[_Watch]]:
    started: list[_Watch] = []
    yield started
    for w in started:
        w.close()


def _note(step: Path, original: str, note: str) -> None:
    step.write_text(original + f"catatan: {note}\n", "utf-8")


def _page(out: Path, case: str = BASE_ID) -> str:
    return html.unescape((out / "kasus" / "2026" / case / "index.html").read_text("utf-8"))


def test_each_change_is_published_and_the_site_equals_a_full_build(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch]
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    original = step.read_text("utf-8")

    class EditsMidBuild(Reporter):
        """Saves the next note while a build is in MkDocs: a change the build has already read past."""

        edit: str | None = None

        def stage(self, name: str) -> None:
            if name == "mkdocs" and self.edit is not None:
                _note(step, original, self.edit)
                self.edit = None

    say = EditsMidBuild()
    w = _Watch(root, out, cache, say=say)
    watching.append(w)
    first = w.next()
    assert first.error is None and first.changed == () and first.report is not None and first.report.full

    say.edit = "Disimpan saat build berjalan."
    _note(step, original, "Perubahan pertama.")
    second = w.next()
    assert second.error is None and second.changed == (f"{root}/kasus/2026/{BASE_ID}",)
    assert second.report is not None and not second.report.full
    assert "Perubahan pertama." in _page(out)  # what the build read, though the file changed under it

    third = w.next()  # the save made during the second build is built, without another save
    assert third.changed == (f"{root}/kasus/2026/{BASE_ID}",) and third.error is None
    assert "Disimpan saat build berjalan." in _page(out) and "Perubahan pertama." not in _page(out)

    w.close()
    got, want = _beside_a_full_build(root, out, tmp_path)
    assert got.keys() == want.keys()
    assert [k for k in got if got[k] != want[k] and not k.endswith((".xml", ".gz"))] == []


def test_a_refused_build_keeps_the_site_and_the_watch_goes_on(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch]
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache)
    watching.append(w)
    assert w.next().error is None
    before = tree(out)
    # A clerk types a child's name (personal data in kasus.yaml) into a public note.
    child = "Rina Suryana (fiktif)"
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "07-dokumentasi.yaml"
    original = step.read_text("utf-8")
    _note(step, original, f"Foto bersama {child} dan ibunya.")
    refused = w.next()
    assert isinstance(refused.error, SopKitError) and refused.error.code == "site.personal_data"
    assert refused.report is None and tree(out) == before
    assert not list(tmp_path.glob(f".{out.name}.staging-*"))

    _note(step, original, "Foto bersama keluarga sasaran.")
    mended = w.next()
    assert mended.error is None and "Foto bersama keluarga sasaran." in _page(out)


def test_a_commit_is_a_change_and_the_builds_own_git_reads_are_not(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch]
) -> None:
    root = make_archive()
    git = ["git", "-c", "user.name=Uji", "-c", "user.email=uji@contoh.id", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "arsip"]):
        subprocess.run([*git, *args], cwd=root, check=True, capture_output=True)
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache, trail=True)
    watching.append(w)
    assert w.next().error is None  # the trail read: git status refreshes the index, git log reads objects
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    _note(step, step.read_text("utf-8"), "Dicatat lalu di-commit.")
    edited = w.next()
    assert edited.changed == (f"{root}/kasus/2026/{BASE_ID}",), edited.changed  # not git's own files
    subprocess.run([*git, "commit", "-q", "-am", "catatan langkah 4"], cwd=root, check=True, capture_output=True)
    committed = w.next()
    assert committed.changed == ("git: refs/heads/main",), committed.changed
    assert committed.error is None and "Dicatat lalu di-commit." in _page(out)


def test_the_site_settings_beside_the_records_are_watched_and_the_site_there_is_not(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sop_kit.site import watch

    listed: list[int] = []
    folders = watch._folders

    def counted(*args: Any) -> list[Path]:
        listed.append(1)
        return folders(*args)

    monkeypatch.setattr(watch, "_folders", counted)
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"  # both beside the records folder
    w = _Watch(root, out, cache)
    watching.append(w)
    assert w.next().error is None  # publishing into the folder beside it is no change to the archive
    (tmp_path / "mkdocs.yml").write_text("site_name: Arsip Uji Pengawasan\n", "utf-8")
    renamed = w.next()
    assert renamed.changed == ("mkdocs.yml",) and renamed.error is None
    assert "Arsip Uji Pengawasan" in (out / "index.html").read_text("utf-8")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    _note(step, step.read_text("utf-8"), "Sesudah nama situs diganti.")
    assert w.next().changed == (f"{root}/kasus/2026/{BASE_ID}",)  # the next build, not one set off by the last
    # Folders are listed once: not again for a note, nor for each site swapped in beside them.
    assert len(listed) == 1


def _inotify_inodes() -> set[int]:
    """The inodes this process's inotify instances watch (/proc/self/fdinfo)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") != "anon_inode:inotify":
                continue
            lines = Path(f"/proc/self/fdinfo/{fd}").read_text().splitlines()
        except OSError:  # closed meanwhile
            continue
        inodes |= {int(line.split("ino:")[1].split()[0], 16) for line in lines if line.startswith("inotify")}
    return inodes


@pytest.mark.skipif(not Path("/proc/self/fdinfo").is_dir(), reason="inotify's watches are listed in Linux's /proc")
def test_a_link_in_a_case_folder_to_a_folder_outside_is_never_watched(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch]
) -> None:
    root = make_archive()
    outside = tmp_path / "di-luar-arsip"
    for i in range(20):
        (outside / f"map-{i}").mkdir(parents=True)
    case = root / "kasus" / "2026" / BASE_ID
    (case / "tautan").symlink_to(outside, target_is_directory=True)  # a hostile clerk's link to a big tree
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache)
    watching.append(w)
    assert w.next().error is None
    watched = _inotify_inodes()
    assert (case / "langkah").stat().st_ino in watched  # the watch is there, and it is this one
    assert not watched & {p.stat().st_ino for p in [outside, *outside.iterdir()]}
    # A folder made later in the case is watched from the build it sets off.
    (case / "langkah" / "arsip-lama").mkdir()
    assert w.next().changed == (f"{root}/kasus/2026/{BASE_ID}",)
    assert (case / "langkah" / "arsip-lama").stat().st_ino in _inotify_inodes()


def test_a_change_the_kernel_dropped_is_published_by_the_recheck(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch], monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    """inotify drops notices when its queue overflows (a build's own reads at 10,000 cases can
    fill it) and watchfiles does not say so: here the first batch is dropped as the kernel
    would, and the build a quiet while later publishes the change all the same."""
    from sop_kit.site import watch

    wait = watch._Watch.wait
    dropped: list[set[tuple[int, str]]] = []

    def losing(self: watch._Watch, stop: threading.Event | None, until: float) -> set[tuple[int, str]] | None:
        batch = wait(self, stop, until)
        if batch and not dropped:
            dropped.append(batch)
            return wait(self, stop, until)
        return batch

    monkeypatch.setattr(watch._Watch, "wait", losing)
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache, recheck=3.0)
    watching.append(w)
    assert w.next().error is None
    reads.clear()
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    _note(step, step.read_text("utf-8"), "Perubahan yang tidak diberitahukan.")
    rechecked = w.next()
    assert dropped and rechecked.recheck and rechecked.changed == () and rechecked.error is None
    assert rechecked.report is not None and rechecked.report.pages_changed >= 1
    assert "Perubahan yang tidak diberitahukan." in _page(out)
    assert reads.count("manifest.json") == 1  # a recheck trusts nothing this process kept (site.kept)


@pytest.mark.parametrize("poll", [False, True], ids=["inotify", "polling"])
def test_an_editors_atomic_save_names_the_case_not_its_scratch_file(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch], poll: bool
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache, poll=poll)
    watching.append(w)
    assert w.next().error is None
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    scratch = step.with_name(".04-persiapan.yaml.tmp1234")  # as an editor or `sed -i` saves: beside, then renamed
    scratch.write_text(step.read_text("utf-8") + "catatan: Disimpan seperti editor menyimpan.\n", "utf-8")
    os.replace(scratch, step)
    saved = w.next()
    assert saved.changed == (f"{root}/kasus/2026/{BASE_ID}",) and saved.error is None
    assert "Disimpan seperti editor menyimpan." in _page(out)


def test_the_command_says_what_changed_and_what_failed_and_stops_on_ctrl_c(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "SOP_KIT_LANG"}
    cmd = [sys.executable, "-m", "sop_kit", "build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q"]
    proc = subprocess.Popen(
        [*cmd, "--watch"],
        cwd=REPO,
        env={**env, "XDG_CACHE_HOME": str(cache)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None

    def until(start: str) -> str:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line.startswith(start):
                return "".join(lines)
        raise AssertionError("the watch ended:\n" + "".join(lines))

    try:
        first = until("mengawasi ")
        assert "situs publik diterbitkan" in first and "build penuh" in first, first
        step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
        _note(step, step.read_text("utf-8"), "Dari perintah yang mengawasi.")
        said = until("(dalam ")
        assert f"berubah: {root}/kasus/2026/{BASE_ID}\n" in said and "(1 berubah)" in said, said
        assert "Dari perintah yang mengawasi." in _page(out)

        before = tree(out)
        record = root / "kasus" / "2026" / BASE_ID / "langkah" / "07-dokumentasi.yaml"
        _note(record, record.read_text("utf-8"), "Foto bersama Rina Suryana (fiktif) dan ibunya.")
        refused = until("situs tidak diperbarui")
        assert "data pribadi" in refused and f"{root}/kasus/2026/{BASE_ID}/langkah/07-dokumentasi.yaml:" in refused
        assert tree(out) == before
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C while it waits for the next change
    rest = proc.stdout.read()
    assert proc.wait(timeout=DEADLINE) == 0
    assert "berhenti mengawasi" in rest and "Traceback" not in rest, rest


def test_a_name_that_is_not_utf8_is_built_and_reported_not_a_crash(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch]
) -> None:
    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    os.makedirs(os.fsencode(case) + b"/map\xfe")  # there from the start: not entered
    out, cache = tmp_path / "site", tmp_path / "cache"
    w = _Watch(root, out, cache)
    watching.append(w)
    first = w.next()
    assert first.error is None and first.report is not None
    assert "file.name_encoding" in {f.code for v in first.report.check.verdicts.values() for f in v.findings}
    with open(os.fsencode(case / "lampiran") + b"/scan\xff.pdf", "wb") as fh:  # made while watched
        fh.write(b"%PDF-1.4\n%%EOF\n")
    built = w.next()
    assert built.error is None and built.report is not None, built
    files = {f.file for v in built.report.check.verdicts.values() for f in v.findings if f.code == "file.name_encoding"}
    assert f"{root}/kasus/2026/{BASE_ID}/lampiran/scan\\xff.pdf" in files
    _note(case / "langkah" / "04-persiapan.yaml", (case / "langkah" / "04-persiapan.yaml").read_text("utf-8"), "Lalu.")
    assert w.next().changed == (f"{root}/kasus/2026/{BASE_ID}",)  # the watch works on after it


def test_a_rebuild_lists_only_the_case_folders_a_change_was_told_in(
    make_archive: MakeArchive, tmp_path: Path, watching: list[_Watch], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing every case folder, and reading and decoding every cached judgement, cost 0.9 s
    and 0.55 s of a watched rebuild at 10,000 cases; the watch is told of every change, so only
    the folders a change was told in are listed again, and the judgements of the others are
    the ones it kept. An editor's backup file sets off no build, but it is in its folder's
    listing, and so in the next verdict, as in a full build's."""
    from sop_kit.check.run import read_cache
    from sop_kit.records.scan import scan

    root = make_archive()
    base, (other, *_) = root / "kasus" / "2026" / BASE_ID, clone_cases(root, 3)
    out, cache = tmp_path / "site", tmp_path / "cache"
    listed: list[Path] = []

    def counted(folder: Path) -> Any:
        listed.append(folder)
        return scan(folder)

    monkeypatch.setattr("sop_kit.check.run.scan", counted)  # the check's listings, counted
    reads: list[str] = []

    def read(*args: Any) -> Any:
        reads.append(args[2])
        return read_cache(*args)

    monkeypatch.setattr("sop_kit.check.run.read_cache", read)  # the check cache file's reads, counted
    w = _Watch(root, out, cache)
    watching.append(w)
    assert w.next().error is None and len(set(listed)) == 4 and reads == ["check"]
    listed.clear()

    (base / "lampiran" / "salinan.pdf~").write_bytes(b"%PDF-1.4\n%%EOF\n")  # the filter drops it
    step = other / "langkah" / "04-persiapan.yaml"
    _note(step, step.read_text("utf-8"), "Catatan baru.")
    built = w.next()
    assert built.error is None and built.report is not None and built.changed == (str(other),)
    assert set(listed) == {base, other}, listed  # not the two cases nothing changed in
    assert reads == ["check"], reads  # the cache file not read again
    found = {(f.code, f.file) for f in built.report.check.verdicts[base].findings}
    assert ("file.unreferenced", f"{root}/kasus/2026/{BASE_ID}/lampiran/salinan.pdf~") in found, found

    w.close()
    got, want = _beside_a_full_build(root, out, tmp_path)
    assert got.keys() == want.keys()
    assert [k for k in got if got[k] != want[k] and not k.endswith((".xml", ".gz"))] == []


def test_a_watch_that_builds_again_and_again_holds_no_more_each_time(make_archive: MakeArchive, tmp_path: Path) -> None:
    """The command runs inside ``collector.kept()``, which settles what each build loads: garbage
    settled with it (the previous build's check, its cycles) was held for as long as the
    watch ran, a little more after every save and every recheck of a day's watch."""
    root = make_archive()
    out, cache = tmp_path / "site", tmp_path / "cache"
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "04-persiapan.yaml"
    original = step.read_text("utf-8")
    held: list[int] = []
    check, options = CheckOptions(cache_dir=cache, trail=False), SiteOptions(out=out, cache_dir=cache, pdf=False)
    with collector.kept():  # as every command runs (cli.options.library_errors)
        builds = keep_built(root, check, options, Reporter())
        try:
            assert next(builds).error is None
            for i in range(6):
                _note(step, original, f"Catatan ke-{i}.")
                built = next(builds)
                assert built.error is None and built.changed == (f"{root}/kasus/2026/{BASE_ID}",)
                gc.collect()  # what the collector can free now is not held
                held.append(gc.get_freeze_count() + len(gc.get_objects()))
        finally:
            builds.close()
    assert "Catatan ke-5." in _page(out)
    assert held[-1] <= held[2], held  # the first builds fill caches; after them, nothing more is held
