"""Case folders' listings kept by a watching process (sop_kit.check.kept): a folder is listed
again exactly when a change in it, or above it, was told of."""

from __future__ import annotations

from pathlib import Path

from sop_kit.check.kept import Kept, watchable
from sop_kit.records.scan import Entry

CASES = Path("/arsip/records/kasus")
FILE, DIR = Entry("file", 1, 0, 1, 0), Entry("dir", 0, 0, 2, 0)
A, B = CASES / "2026" / "2026-03-a-aaaa", CASES / "2026" / "2026-03-b-bbbb"


def _kept(listed: Kept) -> set[Path]:
    return {case for case in (A, B) if listed.get(case) is not None}


def test_a_change_in_a_folder_drops_that_folder_only() -> None:
    listed = Kept(CASES)
    listed.keep(A, "a", True)
    listed.keep(B, "b", True)
    listed.touch([str(A / "langkah" / "01-x.yaml"), str(CASES.parent / "staf.yaml"), "/arsip/.git/refs/heads/main"])
    assert _kept(listed) == {B}
    listed.touch([str(B)])  # the folder itself (moved, removed, made again)
    assert _kept(listed) == set()


def test_a_change_above_case_folders_drops_every_folder_under_it() -> None:
    listed = Kept(CASES)
    listed.keep(A, "a", True)
    listed.keep(B, "b", True)
    listed.touch([str(CASES / "2025")])  # another year: nothing kept is under it
    assert _kept(listed) == {A, B}
    listed.touch([str(CASES)])  # the watch lost its notices: everything
    assert _kept(listed) == set()


def test_a_folder_the_watch_does_not_see_into_is_never_kept() -> None:
    listed = Kept(CASES)
    listed.keep(A, "a", True)
    listed.keep(A, "a2", watchable({"kasus.yaml": FILE, "lampiran/.git": DIR, "lampiran/.git/HEAD": FILE}))
    assert listed.get(A) is None and watchable({"lampiran/x.git": DIR, "lampiran/.gitignore": FILE})
    listed.keep(B, "b", True)
    listed.forget()
    assert len(listed) == 0


def test_a_judgement_stands_for_its_listing_and_salt_only() -> None:
    kept = Kept(CASES)
    judgement = ("findings", "facts", "listing-a")
    kept.keep_judged({A: judgement}, "salt-1")
    assert kept.judged(A, "listing-a", "salt-1") is judgement
    assert kept.judged(A, "listing-b", "salt-1") is None  # the folder changed
    assert kept.judged(A, "listing-a", "salt-2") is None  # the staff registry, an SOP or sop-kit changed
    kept.forget()  # listings are listed again; a judgement still stands for its listing
    assert kept.judged(A, "listing-a", "salt-1") is judgement
    kept.keep_judged({B: ("f", "g", "listing-b")}, "salt-1")  # only this check's cases are kept
    assert kept.judged(A, "listing-a", "salt-1") is None
    entries: dict[str, object] = {str(A): {"listing": "listing-a"}}
    kept.keep_entries("salt-1", entries)
    assert kept.entries("salt-1") is entries and kept.entries("salt-2") is None


def test_the_case_folders_are_walked_again_only_after_a_change_that_can_alter_them(tmp_path: Path) -> None:
    from sop_kit.records.layout import locate

    root = tmp_path / "records"
    for name in ("2026-03-a-aaaa", "2026-03-b-bbbb"):
        (root / "kasus" / "2026" / name / "langkah").mkdir(parents=True)
    (root / "sop").mkdir()
    layout, cases = locate(root), root / "kasus"
    kept = Kept(cases)
    first = [c.name for c in kept.walk_cases(layout)[0]]
    assert first == ["2026-03-a-aaaa", "2026-03-b-bbbb"]
    a, b = first
    for c in kept.walk_cases(layout)[0]:
        kept.keep(c, c.name, True)
    new = cases / "2026" / "2026-04-c-cccc"
    (new / "langkah").mkdir(parents=True)  # not yet told of: the walk kept is given
    assert [c.name for c in kept.walk_cases(layout)[0]] == first
    kept.touch([str(cases / "2026" / a / "langkah" / "01-x.yaml"), str(root / "staf.yaml")])
    assert [c.name for c in kept.walk_cases(layout)[0]] == first  # a step saved makes no case
    kept.touch([str(new)])
    assert [c.name for c in kept.walk_cases(layout)[0]] == [a, b, new.name]
    (cases / "2026" / b / "langkah").rmdir()
    kept.touch([str(cases / "2026" / b / "langkah")])  # langkah/ removed: b is no case any more
    assert [c.name for c in kept.walk_cases(layout)[0]] == [a, new.name]
