"""Case folders' listings kept by a watching process (sop_kit.check.listed): a folder is listed
again exactly when a change in it, or above it, was told of."""

from __future__ import annotations

from pathlib import Path

from sop_kit.check.listed import Listed, watchable
from sop_kit.records.scan import Entry

CASES = Path("/arsip/records/kasus")
FILE, DIR = Entry("file", 1, 0, 1, 0), Entry("dir", 0, 0, 2, 0)
A, B = CASES / "2026" / "2026-03-a-aaaa", CASES / "2026" / "2026-03-b-bbbb"


def _kept(listed: Listed) -> set[Path]:
    return {case for case in (A, B) if listed.get(case) is not None}


def test_a_change_in_a_folder_drops_that_folder_only() -> None:
    listed = Listed()
    listed.keep(A, "a", True)
    listed.keep(B, "b", True)
    listed.touch([str(A / "langkah" / "01-x.yaml"), str(CASES.parent / "staf.yaml"), "/arsip/.git/refs/heads/main"])
    assert _kept(listed) == {B}
    listed.touch([str(B)])  # the folder itself (moved, removed, made again)
    assert _kept(listed) == set()


def test_a_change_above_case_folders_drops_every_folder_under_it() -> None:
    listed = Listed()
    listed.keep(A, "a", True)
    listed.keep(B, "b", True)
    listed.touch([str(CASES / "2025")])  # another year: nothing kept is under it
    assert _kept(listed) == {A, B}
    listed.touch([str(CASES)])  # the watch lost its notices: everything
    assert _kept(listed) == set()


def test_a_folder_the_watch_does_not_see_into_is_never_kept() -> None:
    listed = Listed()
    listed.keep(A, "a", True)
    listed.keep(A, "a2", watchable({"kasus.yaml": FILE, "lampiran/.git": DIR, "lampiran/.git/HEAD": FILE}))
    assert listed.get(A) is None and watchable({"lampiran/x.git": DIR, "lampiran/.gitignore": FILE})
    listed.keep(B, "b", True)
    listed.forget()
    assert len(listed) == 0
