"""Files two cases attach: the same content (SHA-256) as a document of two cases.

Content one case keeps off the public site (``pribadi: true``, or a personal kind) and another
lists as public is an error of the latter (``doc.private_elsewhere``), whose site lists it
without publishing it: the same bytes cannot be private in one case and out in the other.

A photo or an attendance list records one event in one desa: the same file as evidence of a
second case is an error of both (``doc.other_case``), the usual sign of a photo recycled for
a coaching that left none. Another document may rightly serve two cases (one SK naming
several desa, one preparation module), so a shared letter or scan is a warning
(``doc.shared``) for the auditor to look at. Only content the check accepted is compared (a
file whose hash does not match its record is already an error of its own case).

One activity may rightly be held for two desa at once (a joint coaching): a file whose entry
in each case holding it names every other one (``bersama:``), in steps that share a day, is a
note of each (``doc.joint``), the claim shown for the auditor to weigh; named by one side only,
or in steps of different days (one event cannot be two), it is what it was.

The check's cache keeps only each case's digests; where a digest is found in two cases, the
entries holding it are read from the step records, for the files that need a finding's line,
and kept beside the check's cache while the case folder is as it was: one form attached to
every case of a year made a warm check read every step record again (10,000 cases: 13 s).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from ..core.cache import write_json
from ..core.errors import SopKitError
from ..core.findings import Finding, Severity
from ..records.archive import Archive
from ..records.facts import content_key
from ..records.layout import STEPS_DIR
from ..records.scan import named, read_file
from ..records.yamlsafe import load_bytes
from .report import Report
from .run import read_cache

NAMED = 5  # other cases a finding names; it counts the rest


class _Entry(NamedTuple):
    """Where a step record lists a file: the record, its line, the path and the step."""

    record: Path
    line: int | None
    path: str
    step: int | str
    joint: frozenset[str]  # the cases its 'bersama' names
    start: str | None  # the record's mulai and selesai as written
    end: str | None

    @property
    def days(self) -> frozenset[date]:
        """The days its step ran, by the record's mulai and selesai."""
        return _days(self.start, self.end)


def add_shared_file_findings(archive: Archive, report: Report, cache: Path | None = None) -> None:
    """Add to each reported case's verdict a finding for every file whose content another case
    of the archive attaches too. With ``cache`` (a folder), the entries read for the findings'
    lines are kept there."""
    every = [*((f, v.facts) for f, v in report.verdicts.items()), *report.others.items()]
    counts = Counter(chain.from_iterable(facts.attached for _, facts in every))  # counted in C: 70,000 at 10,000 cases
    holders: dict[str, list[tuple[Path, bool]]] = {digest: [] for digest, n in counts.items() if n > 1}
    if not holders:
        return
    private_in: dict[str, list[str]] = {}  # by digest: the cases that keep it off the public site
    for folder, facts in every:
        for digest in holders.keys() & facts.attached.keys():
            holders[digest].append((folder, facts.attached[digest]))
        for digest in holders.keys() & facts.private:
            private_in.setdefault(digest, []).append(folder.name)
    read: dict[Path, dict[str, _Entry]] = {}
    kinds: dict[str, tuple[Severity, str]] = {}  # by digest: what its sharing is
    listings = {folder: v.listing for folder, v in report.verdicts.items()} | report.others_listing
    kept = _Kept(archive, cache, listings) if cache is not None else None

    def entry(folder: Path, digest: str) -> _Entry | None:
        if folder not in read:
            found = kept.get(folder) if kept else None
            if found is None:
                found = _entries(archive, folder)
                if kept:
                    kept.put(folder, found)
            read[folder] = found
        return read[folder].get(digest)

    ordered: dict[str, list[tuple[Path, bool]]] = {}  # each digest's holders sorted once, not once per holder

    for folder, verdict in report.verdicts.items():
        extra = []
        for digest in verdict.facts.attached:  # in the record's order: the same findings, in the same order
            if digest not in holders:
                continue
            if digest not in ordered:
                ordered[digest] = sorted(holders[digest], key=lambda o: str(o[0]))
            others = [(f, e) for f, e in ordered[digest][: NAMED + 2] if f != folder][: NAMED + 1]
            mine = entry(folder, digest) if others else None
            if mine is None:
                continue
            if digest not in kinds:
                if {f.name for f, _ in holders[digest]} - {folder.name} <= mine.joint:
                    kinds[digest] = _sharing([(f.name, e, entry(f, digest)) for f, e in holders[digest]])
                else:  # this case names not every other one: no joint activity, whatever they say,
                    # so their records are not read (one case asked of 10,000 holding one file)
                    kinds[digest] = _not_joint(any(kind for _, kind in holders[digest]))
            severity, code = kinds[digest]
            theirs = entry(others[0][0], digest)
            extra.append(
                Finding(
                    severity,
                    code,
                    archive.show(mine.record),
                    mine.line,
                    {
                        "path": mine.path,
                        "no": mine.step,
                        "others": _named(others, len(holders[digest]) - 1),
                        "other": theirs.path if theirs else "-",
                        "other_no": theirs.step if theirs else "-",
                    },
                    verdict.case,
                )
            )
            marked = sorted(set(private_in.get(digest, ())) - {folder.name})
            if marked and digest not in verdict.facts.private:
                # Published here, the bytes another case's record keeps off the site would be out.
                params = {"path": mine.path, "others": _listed(marked, len(marked)), "no": mine.step}
                extra.append(
                    Finding(Severity.ERROR, "doc.private_elsewhere", archive.show(mine.record), mine.line, params,
                            verdict.case)
                )  # fmt: skip
        if extra:
            report.verdicts[folder] = replace(verdict, findings=(*verdict.findings, *extra))
    if kept:
        kept.save()


class _Kept:
    """The entries of the case folders read for a finding's line, each valid while its folder's
    listing (records.scan.listing_digest) and everything the check's cache rests on hold."""

    def __init__(self, archive: Archive, cache: Path, listings: dict[Path, str]):
        self.file, self.salt, data = read_cache(archive, cache, "shared")
        self.listings = listings
        before: dict[str, Any] = data["cases"] if data else {}
        # What a folder no longer in the archive, or changed, held goes.
        self.entries: dict[str, list[Any]] = {}
        for folder, listing in listings.items():
            entry = before.get(str(folder))
            if listing and isinstance(entry, list) and len(entry) == 2 and entry[0] == listing:
                self.entries[str(folder)] = entry
        self.dirty = len(self.entries) != len(before)

    def get(self, folder: Path) -> dict[str, _Entry] | None:
        kept = self.entries.get(str(folder))
        if kept is None:
            return None
        try:
            steps = folder / STEPS_DIR
            return {
                digest: _Entry(steps / name, line, path, step, frozenset(joint), start, end)
                for digest, (name, line, path, step, joint, start, end) in kept[1].items()
            }
        except (AttributeError, TypeError, ValueError):
            return None  # an entry of another shape: read the records again

    def put(self, folder: Path, found: dict[str, _Entry]) -> None:
        listing = self.listings.get(folder)
        if listing:  # "": the folder's listing is not known (a check without its cache)
            entries = {
                d: [e.record.name, e.line, e.path, e.step, sorted(e.joint), e.start, e.end] for d, e in found.items()
            }
            self.entries[str(folder)] = [listing, entries]
            self.dirty = True

    def save(self) -> None:
        if self.dirty:
            write_json(self.file, {"salt": self.salt, "cases": self.entries})


def _named(first: list[tuple[Path, bool]], count: int) -> str:
    """The other holders' case ids, the first :data:`NAMED` of ``count`` and how many more: one
    form shared by every case of a year named all the others in each of its findings (at 10,000
    cases, 10,000 names in each of 10,000 findings: gigabytes, and a quarter of an hour)."""
    return _listed(sorted({f.name for f, _ in first}), count)


def _listed(names: list[str], count: int) -> str:
    """The first :data:`NAMED` of ``names`` and how many more of ``count``."""
    more = count - len(names[:NAMED])
    return ", ".join(names[:NAMED]) + (f" (+{more})" if more > 0 else "")


def _sharing(holders: list[tuple[str, bool, _Entry | None]]) -> tuple[Severity, str]:
    """What one content held by several cases is: (case id, evidence kind?, its entry) each.
    A joint activity when every case names every other one and their steps share a day."""
    everyone = {case for case, _, _ in holders}
    claims = [e for case, _, e in holders if e is not None and everyone - {case} <= e.joint]
    evidence = any(kind for _, kind, _ in holders)
    if len(claims) == len(holders):
        if frozenset.intersection(*(e.days for e in claims)):
            return Severity.INFO, "doc.joint"
        return (Severity.ERROR if evidence else Severity.WARNING), "doc.joint_days"
    return _not_joint(evidence)


def _not_joint(evidence: bool) -> tuple[Severity, str]:
    """A file shared outside a joint activity: evidence of another case, else a shared document."""
    return (Severity.ERROR, "doc.other_case") if evidence else (Severity.WARNING, "doc.shared")


def _entries(archive: Archive, folder: Path) -> dict[str, _Entry]:
    """The first entry listing each recorded SHA-256 in the case folder's step records (read
    without following a link, as the check read them)."""
    found: dict[str, _Entry] = {}
    for record in sorted(named((folder / STEPS_DIR).glob("*.yaml"))):
        try:
            loaded = load_bytes(read_file(record), archive.show(record))
        except (OSError, SopKitError):
            continue
        data = loaded.data if isinstance(loaded.data, dict) else {}
        documents = data.get("dokumen")
        for i, doc in enumerate(documents if isinstance(documents, list) else []):
            key = content_key(doc["sha256"]) if isinstance(doc, dict) and isinstance(doc.get("sha256"), str) else None
            if key is not None and key not in found:
                where = loaded.line_of(("dokumen", i, "berkas"))
                also = doc.get("bersama")
                joint = frozenset(n for n in also if isinstance(n, str)) if isinstance(also, list) else frozenset()
                step = data.get("langkah")
                start, end = (None if v is None else str(v) for v in (data.get("mulai"), data.get("selesai")))
                step = step if isinstance(step, int) and not isinstance(step, bool) else str(step)
                found[key] = _Entry(record, where, str(doc.get("berkas")), step, joint, start, end)
    return found


def _days(start: object, end: object) -> frozenset[date]:
    """The days from a record's start to its end (one when it has only one of them; none when
    it has neither or they do not read): at most a month, longer than any step runs."""
    try:
        first = date.fromisoformat(str(start or end)[:10])
        last = date.fromisoformat(str(end or start)[:10])
    except ValueError:
        return frozenset()
    return frozenset(first + timedelta(days=n) for n in range(min((last - first).days, 31) + 1))
