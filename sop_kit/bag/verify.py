"""``sop-kit verify-bag BAG``: a case bag checked on arrival: bagit's own validation
(completeness, fixity), its signature, the bagged case judged again with sop-kit's rules, and
its approvals against the signed commits it carries (:mod:`sop_kit.bag.proof`)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import bagit

from ..check.audit import audit
from ..check.run import CheckOptions
from ..core.cache import read_json
from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..core.inert import one_line
from ..core.messages import render, text
from ..records.archive import Archive
from ..records.layout import CASES_DIR, SOP_DIR, STAFF_FILE, STEPS_DIR, locate
from ..records.scan import scan
from ..trail.model import IDENTITY
from . import signature
from .contents import (
    CHECKSUMS,
    DOSSIER_DIR,
    FINDINGS_FILE,
    PROOF_DIR,
    PROOF_FIELD,
    RECORDS,
    TRAIL_DIR,
    TRAIL_FIELD,
    TRAIL_INCLUDED,
    dossier_name,
    relative,
)
from .proof import check_proof


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bag, or (in notes) worth knowing: a catalogue code, the path
    inside the bag it concerns, and the finding of sop-kit's check when it is one."""

    code: str
    file: str
    params: dict[str, Any] = field(default_factory=dict)
    finding: Finding | None = None

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        if self.finding is not None:
            params["message"] = self.finding.message(lang)
        return text(self.code, lang, **params)


@dataclass
class BagReport:
    path: Path
    case: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    recorded_errors: int = 0  # errors the office's check found when the bag was made (a forced export)
    proven: int = 0  # step records done whose approval the signed commits in the bag prove
    done: int = 0  # step records the bag's case says are done
    files: int = 0  # payload files listed in the manifest
    signer: str | None = None  # who signed it (bag-info), when the signature is good
    anchored: bool = False  # ... with a key the archive trusts (--kunci)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def trail_included(self) -> bool:
        """Whether the bag was made with the approval trail: without it the check at export
        verified no approval and judged by the working copy's registry."""
        return str(self.info.get(TRAIL_FIELD, "")).startswith(TRAIL_INCLUDED)


def verify_bag(path: Path | str, trusted: frozenset[str] = frozenset()) -> BagReport:
    """Validate the bag at ``path`` with bagit's own validator (completeness, fixity of every
    payload and tag file), check its signature (against the ``trusted`` key fingerprints when
    given: then it must be signed by one of them), then judge the bagged case again with
    sop-kit's rules against the bagged SOP and staff registry. Every problem is in the report;
    ``ConfigError`` only when ``path`` is not a bag at all."""
    bag_dir = Path(path)
    if not bag_dir.is_dir() or not (bag_dir / "bagit.txt").is_file():
        raise ConfigError("bag.not_a_bag", str(path), path=str(path))
    report = BagReport(bag_dir)
    # A link could make the validator read (and so vouch for) a file outside the bag, and
    # a FIFO would block it: such a bag is judged on that alone.
    for name, entry in sorted(scan(bag_dir).items()):
        if entry.kind == "link":
            report.problems.append(Problem("bag.symlink", name))
        elif entry.kind == "other":
            report.problems.append(Problem("bag.not_regular", name))
    if report.problems:
        return report
    try:
        bag = bagit.Bag(str(bag_dir))
    except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
        # The library's refusal of a manifest path leading out of the bag, said in the reader's words.
        unsafe = re.match(r'Path "(?P<path>[^"]*)" in manifest "(?P<manifest>[^"]*)" is unsafe', str(exc))
        if unsafe is not None:
            name = Path(unsafe["manifest"]).name
            report.problems.append(Problem("bag.unsafe_path", name, {"path": unsafe["path"]}))
        else:
            report.problems.append(Problem("bag.unreadable", "", {"error": str(exc)}))
        return report
    report.info = dict(bag.info)
    report.files = len(bag.payload_entries())
    report.problems += _library_validation(bag)
    _check_signature(bag_dir, report, trusted)
    if (bag_dir / "data").is_dir():
        _check_content(bag_dir, report)
    return report


def _library_validation(bag: Any) -> list[Problem]:
    try:
        bag.validate()
        return []
    except bagit.BagValidationError as exc:
        if exc.details:
            return _details(exc.details)
        first = Problem("bag.invalid", "", {"error": str(exc.message)})
    except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
        return [Problem("bag.invalid", "", {"error": str(exc)})]
    # Payload-Oxum counts files and bytes but names none: validate again without it, so the
    # library's own completeness and fixity checks name every missing, extra or changed file.
    bag.info.pop("Payload-Oxum", None)
    try:
        bag.validate()
    except bagit.BagValidationError as exc:
        return [first, *_details(exc.details)]
    except (bagit.BagError, OSError, UnicodeError, ValueError):
        pass
    return [first]


def _details(details: list[Any]) -> list[Problem]:
    changed: dict[str, list[str]] = {}
    out = []
    for d in details:
        where = str(d.path).replace(os.sep, "/")
        if isinstance(d, bagit.ChecksumMismatch):
            changed.setdefault(where, []).append(str(d.algorithm))
        elif isinstance(d, bagit.FileMissing):
            out.append(Problem("bag.missing", where))
        elif isinstance(d, bagit.UnexpectedFile):
            out.append(Problem("bag.unexpected", where))
        else:
            out.append(Problem("bag.invalid", where, {"error": str(d)}))
    out += [Problem("bag.changed", where, {"algorithms": ", ".join(algs)}) for where, algs in changed.items()]
    return sorted(out, key=lambda p: (p.file, p.code))


def _check_signature(bag_dir: Path, report: BagReport, trusted: frozenset[str]) -> None:
    """The tag manifest's signature: good, by the key bag-info names, and, given ``trusted``
    keys, by one of them; without them, who signed is a claim of the bag itself (a note)."""
    signed = signature.check(bag_dir)
    where = signature.SIGNATURE
    if signed.status == "none":
        if trusted:
            report.problems.append(Problem("bag.unsigned", signature.SIGNED))
        return
    if signed.status != "good" or signed.fingerprint is None:
        report.problems.append(Problem(f"bag.signature_{signed.status}", where))
        return
    claimed = str(report.info.get(signature.SIGNER_FIELD, ""))
    if not claimed.endswith(f", {signed.fingerprint}"):
        report.problems.append(Problem("bag.signer_mismatch", where, {"fingerprint": signed.fingerprint}))
        return
    report.signer = claimed
    if not trusted:
        report.notes.append(Problem("bag.signed_unanchored", where, {"who": claimed}))
    elif signed.fingerprint in trusted:
        report.anchored = True
    else:
        report.problems.append(Problem("bag.signer_not_trusted", where, {"who": claimed}))


def _check_content(bag_dir: Path, report: BagReport) -> None:
    """The payload is a sop-kit case bag, and its case still passes sop-kit's check."""
    case_id = report.info.get("External-Identifier")
    report.case = case_id if isinstance(case_id, str) else None
    records = bag_dir / "data" / RECORDS
    if report.case is None:
        report.problems.append(Problem("bag.no_identifier", "bag-info.txt"))
    if not (records / SOP_DIR).is_dir() or not (records / STAFF_FILE).is_file():
        report.problems.append(Problem("bag.no_records", f"data/{RECORDS}"))
        return
    layout = locate(records)
    names = sorted(c.name for c in layout.case_dirs())
    if report.case is not None and names != [report.case]:
        report.problems.append(
            Problem("bag.case_mismatch", f"data/{RECORDS}/{CASES_DIR}", {"id": report.case, "found": ", ".join(names)})
        )
    if report.case is not None:
        dossier = f"data/{DOSSIER_DIR}/{dossier_name(report.case)}"
        if not _starts_with(bag_dir / dossier, b"%PDF-"):
            report.problems.append(Problem("bag.no_dossier", dossier))
        if report.trail_included:
            trail_file = f"data/{TRAIL_DIR}/jejak-{report.case}.json"
            if read_json(bag_dir / trail_file) is None or not (bag_dir / trail_file).with_suffix(".txt").is_file():
                report.problems.append(Problem("bag.no_trail", trail_file))
    recorded, known = _recorded(bag_dir, report)
    shown = str(records)
    judged = audit(layout, CheckOptions(use_cache=False, jobs=1, trail=False))
    result = judged.report
    if report.case is not None and report.trail_included:
        _check_approvals(bag_dir, report, judged.archive, report.case)
    found_here: set[tuple[str, str, int | None]] = set()
    for f in result.sorted():
        if f.severity is not Severity.ERROR:
            continue
        rel = relative(shown, f.file)
        where = f"data/{RECORDS}/{rel}"
        found_here.add((f.code, rel, f.line))
        if (f.code, rel, f.line) in known:
            report.notes.append(Problem("bag.known_error", where, {"rule": f.code}, f))
        else:
            report.problems.append(Problem("bag.check_error", where, {"rule": f.code}, f))
    # The office's verdict when the bag was made: its errors that the bag's own check cannot
    # find again (the trail's, from history; one case's against another's) are said too.
    report.recorded_errors = len(recorded)
    for error in recorded:
        if (error["code"], error["file"], error["line"]) not in found_here:
            where, params = f"data/{RECORDS}/{error['file']}", {"rule": error["code"], "message": error["message"]}
            report.notes.append(Problem("bag.recorded_error", where, params))


def _check_approvals(bag_dir: Path, report: BagReport, archive: Archive, case_id: str) -> None:
    """The trail's verified approvals, checked against the git objects in the bag. Without
    them, approvals the trail calls verified are a note (a bag made before sop-kit carried its
    proof), or a problem when bag-info says the proof is there (it was taken out)."""
    trail = read_json(bag_dir / "data" / TRAIL_DIR / f"jejak-{case_id}.json")
    folder = next((c for c in archive.case_dirs() if c.name == case_id), None)
    if not isinstance(trail, dict) or folder is None:
        return  # the missing trail or case is a problem already
    store = f"data/{TRAIL_DIR}/{PROOF_DIR}"
    if not (bag_dir / store).is_dir():
        verified = sum(1 for e in trail.get("events") or [] if isinstance(e, dict) and e.get("verified"))
        if report.info.get(PROOF_FIELD):
            report.problems.append(Problem("bag.proof_removed", store, {"claimed": report.info[PROOF_FIELD]}))
        elif verified:
            report.notes.append(Problem("bag.proof_absent", store, {"count": verified}))
        return
    case = archive.read_case(folder)
    records = {Path(s.loaded.file).name: s.record for s in case.steps}  # by step file name
    documents = {name: [d.berkas for d in r.dokumen] for name, r in records.items()}
    keys = {person.id: person.kunci_ssh for person in archive.staff.values()}
    case_dir = f"data/{RECORDS}/{folder.relative_to(archive.root).as_posix()}"
    done = {name: r.langkah for name, r in records.items() if r.status == "selesai"}
    sop = archive.sop_of(case.kasus) if case.kasus else None
    roles = {
        name: set(sop.step(r.langkah).pelaksana) for name, r in records.items() if sop and r.langkah <= len(sop.langkah)
    }
    roles[IDENTITY] = {r.id for r in sop.deciders} if sop else set()

    def refused(who: str, step_file: str, day: date, kind: str) -> str | None:
        """Why the signer could not give that kind of approval of the step that day, by the
        bag's records and registry (the trail's rules: :mod:`sop_kit.trail.build`)."""
        record = records.get(step_file)
        person = archive.staff.get(who)
        if step_file != IDENTITY and record is not None and sop is not None and person is not None:
            if kind == "disetujui_pengganti" and person in archive.successors(sop, record, day):
                return None  # the role's holder that day, for a doer who held it no more
            if kind == "disetujui" and record.pelaksana == who and archive.doer(sop, record) is person:
                return None  # its doer's first approval, who held the role when the step was done
        if step_file != IDENTITY and (record is None or record.pelaksana != who):
            return "bag.proof_other_person"  # the trail asks the person the record names to approve it
        held = person.roles_on(day) if person is not None else set()
        return None if held & roles.get(step_file, set()) else "bag.proof_no_role"

    proof = check_proof(bag_dir, trail, case_dir, documents, keys, refused)
    report.done, report.proven = len(done), len(proof.proven & done.keys())
    report.problems += [Problem(code, file, params) for code, file, params in proof.problems]
    report.notes += [Problem(code, file, params) for code, file, params in proof.notes]
    for name, no in sorted(done.items()):  # done by its record, and no verified approval to check
        if name not in proof.judged:
            report.notes.append(Problem("bag.proof_none", f"{case_dir}/{STEPS_DIR}/{name}", {"no": no}))


def _recorded(bag_dir: Path, report: BagReport) -> tuple[list[dict[str, Any]], set[tuple[str, str, int | None]]]:
    """The errors the check and the trail found when the bag was made (a forced export): their
    source, code, file, line and message; and the check's, as (code, file, line). Empty when the
    findings file cannot be read (a problem of the bag)."""
    data = read_json(bag_dir / "data" / FINDINGS_FILE)
    try:
        assert isinstance(data, dict)
        errors = [
            {k: f[k] for k in ("source", "code", "file", "line")} | {"message": str(f.get("message", ""))}
            for f in data["findings"]
            if f["severity"] == Severity.ERROR.value
        ]
        known = {(e["code"], e["file"], e["line"]) for e in errors if e["source"] == "check"}
        return errors, known
    except (AssertionError, KeyError, TypeError, AttributeError):
        report.problems.append(Problem("bag.no_findings", f"data/{FINDINGS_FILE}"))
        return [], set()


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(magic)) == magic
    except OSError:
        return False


def format_bag_report(report: BagReport, lang: str = "id") -> str:
    out = [text("bag.header", lang, path=report.path, case=report.case or "?")]
    for p in report.problems:
        out.append(f"  {one_line(p.file)}: {p.message(lang)}" if p.file else f"  {p.message(lang)}")
    for p in report.notes:
        out.append(f"  {one_line(p.file)}: {p.message(lang)}")
    if report.valid:
        code = "bag.valid_signed" if report.anchored else "bag.valid"
        errors = report.recorded_errors or sum(1 for n in report.notes if n.code == "bag.known_error")
        params = {"files": report.files, "algorithms": ", ".join(CHECKSUMS), "who": report.signer or "-"}
        if errors:  # a forced export of a case the check refused: intact, and not as the SOP wants
            code, params = f"{code}_not_compliant", {**params, "errors": errors}
        elif not report.trail_included:  # passed a check that verified no approval
            code = f"{code}_no_trail"
        verdict, limit = render(code, lang, params)
        if report.proven:
            limit = text("bag.limit_proven", lang, proven=report.proven, done=report.done)
        out += [verdict, f"  {limit}"]
        if not report.trail_included:
            out.append("  " + text("bag.trail_not_included", lang, said=report.info.get(TRAIL_FIELD) or "-"))
    else:
        out.append(text("bag.invalid_verdict", lang, problems=len(report.problems)))
    return "\n".join(out) + "\n"
