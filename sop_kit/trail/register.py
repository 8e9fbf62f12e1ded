"""The letter-number register's history: a book, never rewritten.

A reservation (one line of ``records/nomor/TAHUN.yaml``) is never deleted nor changed, only
voided (``batal`` added): moving a number to another case would make that case seem to hold
it. Each commit touching the register is read as lines (records.nomor.entries_in): a
reservation it removes that the new version does not hold, as it was or voided, is deleted or
rewritten, from the first commit that did so until a commit puts it back. The new version of
a rewritten line is no reservation of its own, so putting the old one back is no rewrite.
Lines, not the parsed file: breaking the file's syntax first hides nothing, and no version
is parsed unless a line left it (a year's register parses in about 20 ms, compares in 0.1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from pathlib import Path

from ..core.findings import Finding, Severity
from ..records.nomor import REGISTER_DIR, Nomor, changed_fields, entries_in, held, reservation
from ..records.scan import read_file
from .gitlog import BlobReader, Change, Commit

Key = tuple[str, tuple[object, ...]]  # (path, every field of the reservation but batal)


@dataclass
class RegisterHistory:
    records: InitVar[str]  # the archive's folder in the repository, with a trailing slash
    prefix: str = field(init=False)
    # each reservation lost, with the commit that did it, who, and it as it was
    broken: dict[Key, tuple[Commit, str, Nomor]] = field(default_factory=dict)
    products: set[Key] = field(default_factory=set)  # the new versions of rewritten lines
    lines: dict[str, set[bytes]] = field(default_factory=dict)  # the last versions read, by blob

    def __post_init__(self, records: str) -> None:
        self.prefix = records + REGISTER_DIR + "/"

    def holds(self, path: str) -> bool:
        """Whether ``path`` (in the repository) is a register file."""
        rest = path[len(self.prefix) :]
        return path.startswith(self.prefix) and rest.endswith(".yaml") and "/" not in rest

    def change(self, commit: Commit, who: str, change: Change, blobs: BlobReader) -> None:
        """The reservations ``commit`` removed from the register file ``change`` names, against
        its version in each parent; ``who`` made the commit, as findings name them."""
        raw = b"" if change.status == "D" else (blobs.read(change.blob) or b"")
        lines = set(raw.splitlines())
        for blob in (b for b in change.before if set(b) != {"0"}):
            previous = self.lines.pop(blob, None)
            if previous is None:
                previous = set((blobs.read(blob) or b"").splitlines())
            added = entries_in(lines - previous)
            restored = {key for key in ((change.path, reservation(n)) for n in added) if key in self.broken}
            for key in restored:
                del self.broken[key]  # put back as it was
            lost = [n for n in entries_in(previous - lines) if not held(raw, lines, n)]
            for old in lost:
                key = (change.path, reservation(old))
                if key not in self.products:
                    self.broken.setdefault(key, (commit, who, old))
            numbers = {old.nomor for old in lost}
            self.products |= {(change.path, reservation(n)) for n in added if n.nomor in numbers} - restored
        if len(self.lines) > 8:  # the next commit's parent is usually this one's version
            self.lines.clear()
        self.lines[change.blob] = lines

    def findings(self, blobs: BlobReader, show: dict[str, str]) -> list[Finding]:
        """A reservation the register at HEAD does not hold is an error of the case it named and
        of the case it names now, with the commit that changed it; ``show`` gives each
        register file's path as findings name it."""
        out: list[Finding] = []
        now: dict[str, tuple[bytes, set[bytes]]] = {}
        for (path, _), (commit, who, first) in self.broken.items():
            if path not in now:
                raw = blobs.read(f"HEAD:{path}") or b""
                now[path] = raw, set(raw.splitlines())
            raw, lines = now[path]
            if held(raw, lines, first):
                continue
            out += _findings(first, lines, show[path], "", {"commit": commit.sha[:10], "who": who})
        return out


def working_copy_findings(records: str, top: Path, changed: set[str], show: Callable[[Path], str]) -> list[Finding]:
    """The register files among the working tree's ``changed`` paths (repository paths; the
    archive folder is ``records``, as :class:`RegisterHistory` takes it) that no longer hold a
    reservation of HEAD: a check, dossier or site made here would judge by a rewritten book."""
    history = RegisterHistory(records)
    paths = sorted(p for p in changed if history.holds(p))
    out: list[Finding] = []
    if not paths:
        return out
    with BlobReader(top) as blobs:
        for path in paths:
            committed = set((blobs.read(f"HEAD:{path}") or b"").splitlines())
            try:
                raw = read_file(top / path)
            except OSError:
                raw = b""
            lines = set(raw.splitlines())
            for old in entries_in(committed - lines):
                if not held(raw, lines, old):
                    out += _findings(old, lines, show(top / path), "_uncommitted", {})
    return out


def _findings(first: Nomor, lines: set[bytes], shown: str, suffix: str, params: dict[str, object]) -> list[Finding]:
    """``first`` no longer held by a register whose lines are ``lines``: rewritten (its number
    is there, changed) or deleted, an error of the case it named and of the case it names now."""
    number = first.nomor
    same = [n for n in entries_in(line for line in lines if number.encode() in line) if n.nomor == number]
    new = same[0] if same else None
    cases: list[str | None] = [*sorted({c for c in (first.kasus, new.kasus if new else None) if c})] or [None]
    params = {**params, "nomor": number}
    if new is not None:
        params["fields"] = changed_fields(first, new)
    code = ("nomor.deleted" if new is None else "nomor.rewritten") + suffix
    return [Finding(Severity.ERROR, code, shown, None, {**params, "id": case or "-"}, case) for case in cases]
