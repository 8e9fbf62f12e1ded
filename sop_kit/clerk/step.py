"""``sop-kit step``: record one step's progress in its file, keeping every comment.

The step is written to the round the SOP's path has reached (:mod:`sop_kit.records.rounds`):
a decided round's records are never overwritten, a new round gets its own files, and a
pre-filled record nobody used moves to the round that uses it. A step whose completion is
already in git history is approved: changing it is a correction (``koreksi``), said as such
in the record, and its role holder must approve it again.

The file is edited as text by a round-trip YAML library (ruamel.yaml), so the clerk's own
comments and layout survive; only the keys asked for change. The result is read back through
the strict loader and the step model before it replaces the file, attachments are copied in
under safe names with their type checked by content and name, and nothing outside the one
case folder is written. A refused step leaves the folder as it was.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from ..check.audit import audit
from ..check.run import CheckOptions
from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..core.messages import known
from ..records.archive import Archive, CaseFolder, StepFile
from ..records.fieldtypes import CLOCK_SKEW, office_now, office_time, office_today
from ..records.layout import CASE_FILE, STEPS_DIR
from ..records.models import Berkas, CatatanLangkah, Sop
from ..records.nomor import ensure_reserved, reservation_file
from ..records.parse import validate
from ..records.rounds import Progress, Slot, case_progress, not_yet_due, progress_of
from ..records.writelock import one_writer
from ..records.yamlsafe import Loaded, load_bytes, load_text
from ..trail.findings import OFFICE_FILE_REFUSED
from . import gitops
from .approval import refuse_approved, stands_in
from .attach import NewAttachment, attach, inside, joint_case, staged
from .new import check_staff, step_text
from .steptext import step_file_stem

__all__ = ["NewAttachment", "Recorded", "StepUpdate", "commit_message", "preview", "record_step"]

StepStatus = Literal["belum", "berjalan", "selesai"]
_FIELDS = ("status", "pelaksana", "mulai", "selesai", "keputusan", "alasan", "alasan_waktu", "nomor_surat", "catatan")


@dataclass(frozen=True)
class StepUpdate:
    no: int
    putaran: int | None = None  # default: the round the SOP's path has reached
    status: StepStatus | None = None  # default: 'selesai' once there is an end time, 'berjalan' once a start
    pelaksana: str | None = None
    mulai: datetime | None = None
    selesai: datetime | None = None
    keputusan: Literal["ya", "tidak"] | None = None
    alasan: str | None = None
    alasan_waktu: str | None = None
    nomor_surat: str | None = None
    catatan: str | None = None
    lampiran: tuple[NewAttachment, ...] = ()
    lepas: tuple[str, ...] = ()  # attachments to take off the record (as its berkas, or the file's name or path)
    koreksi: str | None = None  # a correction of an approved step, and why
    # The role holder approves: the last correction, or else the completion someone else
    # committed (unsigned, another's key) or a change made without a correction.
    setujui: bool = False
    pada: datetime | None = None  # when the correction or re-approval is made
    # Other cases of one activity held jointly: the new attachments, or without them the step's
    # documents those cases' records hold too, name them (``bersama``).
    bersama: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in _FIELDS) and not (self.lampiran or self.lepas or self.bersama)

    @property
    def changes(self) -> bool:
        return not self.is_empty() or self.koreksi is not None


@dataclass
class Recorded:
    case_id: str
    folder: Path
    step_file: Path
    created: bool  # a new round's file was written
    attached: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # a pre-filled file moved to the round that used it
    renamed: list[Path] = field(default_factory=list)  # attached under their kind: their own name held family data
    reused: list[Path] = field(default_factory=list)  # attached by naming the case's copy: the same file
    register: Path | None = None  # the letter-number register holding the record's number, if not committed
    detached: list[Path] = field(default_factory=list)  # taken off the record (--lepas), and out of the folder
    findings: list[Finding] = field(default_factory=list)  # what check now says about this step
    record: CatatanLangkah | None = None
    message: str = ""  # the commit message
    approved_before: bool = False  # the step's completion was already in git history
    round_to_name: int | None = None  # the --putaran that --setujui needs to reach this record
    approvers: list[str] = field(default_factory=list)  # who may approve a correction (names)
    approves_completion: bool = False  # --setujui of the completion itself, no correction open

    @property
    def paths(self) -> list[Path]:
        return [self.step_file, *self.attached]

    @property
    def errors(self) -> list[Finding]:
        """The case's errors (an office file's named beside them is why, not one more)."""
        return [f for f in self.findings if f.severity is Severity.ERROR and f.case is not None]


@one_writer
def record_step(archive: Archive, case: str, update: StepUpdate, now: datetime | None = None) -> Recorded:
    """Record ``update`` in step ``update.no`` of the case ``case`` (an id or a folder);
    ``now`` is the clerk's local time (default: the clock), after which no time may fall."""
    _refuse_future(update, now or office_now())
    folder, current, sop = open_case(archive, case)
    refuse_early(archive, sop, update)
    refuse_unreadable(current)
    assert current.kasus is not None  # open_case refuses a case without a valid kasus.yaml
    stop = current.kasus.dihentikan
    if stop is not None and update.koreksi is None and not update.setujui:
        raise ConfigError(
            "record.case_stopped", archive.show(folder / CASE_FILE), status=stop.status, date=stop.tanggal
        )
    prog = case_progress(sop, current)
    putaran, existing = target(prog, update, lambda step: _approved(folder / STEPS_DIR / step.name), current.id)
    if update.nomor_surat is not None:  # only a number the register holds for this case
        ensure_reserved(archive, current.id, update.no, update.nomor_surat)
    spec = sop.step(update.no)
    steps_dir = inside(folder, folder / STEPS_DIR, archive)
    source = inside(folder, steps_dir / existing.name, archive) if existing is not None else None
    # A pre-filled record nobody used moves to the round that uses it, under that round's name.
    moving = existing is not None and existing in prog.unused and existing.record.putaran != putaran
    path = source if source is not None and not moving else steps_dir / f"{step_file_stem(spec, putaran)}.yaml"
    if path != source and (path.exists() or path.is_symlink()):
        raise ConfigError("record.unreadable_step", archive.show(path))
    original = source.read_text("utf-8") if source else step_text(archive, sop, spec, current.id, path, putaran)
    approved = source is not None and _approved(source)
    removed = [source] if moving and source is not None else []
    _refuse_uncorrected(archive, path, existing, approved, update)
    completion = update.setujui and existing is not None and not _open_corrections(existing.record)
    if completion:
        refuse_approved(archive, path, update.no)
    joint = joint_marks(archive, current, existing, update.bersama, path) if not update.lampiran else {}
    detach = _to_detach(archive, folder, existing, update.lepas, path)
    with staged(folder, archive) as staging:
        made = [attach(archive, current, sop, update.no, a, staging, path.name) for a in update.lampiran]
        docs = [m.entry for m in made]
        text = edit_text(original, update, docs, putaran, joint, set(detach))
        record, loaded = _read_back(archive, path, text)
        _refuse_unreasoned(archive, path, sop, record)
        _refuse_not_due(archive, path, prog, record)
        _refuse_stranding(archive, current, prog, StepFile(record, loaded, path.name), source)
        staging.write(path, text.encode("utf-8"))
        for gone in removed:
            staging.remove(gone)
        # The file goes with its entry, unless another record of the case still names it.
        others = {d.berkas for s in current.steps if s.name != path.name for d in s.record.dokumen}
        detached = [folder / name for name in detach if name not in others]
        for gone in detached:
            staging.remove(gone)
    attached = [folder / doc.berkas for doc in docs]
    renamed = [folder / m.entry.berkas for m in made if m.withheld]
    reused = [folder / m.entry.berkas for m in made if m.reused]
    result = Recorded(
        current.id,
        folder,
        path,
        existing is None,
        attached,
        removed=removed,
        renamed=renamed,
        reused=reused,
        detached=detached,
    )
    result.record, result.approved_before, result.approves_completion = record, approved, completion
    result.register = register_to_commit(archive, current.id, record)
    shown = archive.show(path)
    result.findings = preview(archive, folder, {shown})
    changed = gitops.pending(folder)
    known = [g.name for g in detached if changed.get(g) == "D"]  # taken off what history held
    stand_in = completion and stands_in(archive, folder, sop, record)
    result.message = commit_message(current.id, sop, record, update, known, completion, stand_in)
    result.approvers = approvers(archive, sop, record)
    result.round_to_name = round_to_name(archive, sop, folder, path, record)
    return result


def preview(archive: Archive, folder: Path, files: set[str]) -> list[Finding]:
    """What the case's verdict, as check gives it, says of ``files`` (a letter number or a
    photo another case holds too included), without the trail: the record is not committed
    yet. With the archive opened in force (:func:`~sop_kit.check.audit.open_in_force`), each
    office file changed here and not in force is named too, and, when the record has an
    error, each change history refused whose file is still not in force: why a role or a rule
    the working copy shows counts for nothing."""
    verdict = audit(archive, CheckOptions(trail=False, only=(folder,))).report.verdicts.get(folder)
    mine = [f for f in verdict.findings if f.file in files] if verdict else []
    erred = any(f.severity is Severity.ERROR for f in mine)
    why = {"governed.not_in_force", *(OFFICE_FILE_REFUSED if erred else ())}
    return mine + [f for f in archive.findings if f.code in why]


def round_to_name(archive: Archive, sop: Sop, folder: Path, path: Path, record: CatatanLangkah) -> int | None:
    """The ``--putaran`` that ``--setujui`` needs to reach the record at ``path``: None when
    it reaches it alone (the step's current record), or when there is nothing to approve."""
    if record.status != "selesai":
        return None
    read = archive.read_case(folder)
    _, alone = target(case_progress(sop, read), StepUpdate(record.langkah, setujui=True), case_id=read.id)
    return None if alone is not None and alone.name == path.name else record.putaran


def register_to_commit(archive: Archive, case_id: str, record: CatatanLangkah) -> Path | None:
    """The register holding the record's letter number, when git does not hold it as it is: the
    reservation goes in the step's commit (``nomor ambil`` asks that), or a clean clone would
    find a number recorded that no register holds."""
    found = reservation_file(archive, case_id, record.nomor_surat) if record.nomor_surat else None
    if found is None or found not in gitops.pending(found.parent):
        return None
    # Only lines added since the last commit (reservations) go in under this step's name: a line
    # changed or removed there is someone's rewrite, which check reports and nobody's step commits.
    before = gitops.committed(found)
    now = set(found.read_bytes().splitlines())
    # The first reservation in a new register opens its empty list (records.nomor.reserve).
    kept = [b"nomor:" if line == b"nomor: []" else line for line in (before or b"").splitlines()]
    return found if before is None or all(line in now for line in kept) else None


def open_case(archive: Archive, case: str) -> tuple[Path, CaseFolder, Sop]:
    """The case ``case`` (an id or a folder) as read from disk, and the SOP it follows."""
    folder = archive.find_case(case)
    current = archive.read_case(folder)
    if current.kasus is None:
        raise ConfigError("record.case_invalid", archive.show(folder / CASE_FILE))
    sop = archive.sop_of(current.kasus)
    if sop is None:
        raise ConfigError("record.unknown_sop", archive.show(folder / CASE_FILE), nomor=current.kasus.sop.nomor)
    return folder, current, sop


def committed_file(path: Path) -> Loaded | None:
    """The step file ``path`` as the last commit holds it (None when it holds none it can read)."""
    data = gitops.committed(path)
    if data is None:
        return None
    try:
        return load_bytes(data, path.name)
    except ConfigError:
        return None


def target(
    prog: Progress, update: StepUpdate, approved: Callable[[StepFile], bool] = lambda _: False, case_id: str = "-"
) -> tuple[int, StepFile | None]:
    """The round step ``update.no`` is recorded in now, and the record already there (a
    used one, or else a pre-filled one that nobody used). ``approved`` says whether a
    record's completion is in git history."""
    no = update.no
    fixing = update.putaran is None and update.koreksi is None and not update.setujui
    reopened = _decision_just_given(prog, no) if fixing else None
    if reopened is not None:
        # The decision step again, right after its answer opened a round where nothing is
        # recorded yet: that is the answer being fixed (a wrong pelaksana, a missing file),
        # not the new round's verification, which comes after the round's first steps.
        decided, due = reopened
        if approved(decided):
            where = {"putaran": decided.record.putaran, "round": due.round, "first": due.step}
            raise ConfigError("record.decided_in_history", None, no=no, **where)
        return decided.record.putaran, decided
    if update.putaran is not None:
        round_no = update.putaran
        if round_no > prog.current_round and round_no not in prog.rounds:
            # --putaran 9 for 2: the file would be written, and judged round.unexpected after.
            raise ConfigError("record.round_not_open", None, no=no, round=round_no, current=prog.current_round)
        found = prog.rounds.get(round_no, {}).get(no)
    elif update.koreksi is not None or update.setujui:
        found = prog.current(no) or prog.latest(no)
        if found is None and update.setujui and update.koreksi is None:  # nothing done: nothing to approve
            raise ConfigError("record.nothing_to_approve", None, no=no, case=case_id)
        if found is None:
            raise ConfigError("record.nothing_to_correct", None, no=no)
        return found.record.putaran, found
    else:
        round_no = prog.current_round
        found = prog.rounds.get(round_no, {}).get(no)
        if found is None and no < prog.round_start(round_no):
            found = prog.latest(no)  # done in an earlier round and not repeated in this one
            if found is not None:
                return found.record.putaran, found
    if found is None:
        spare = sorted(
            (s for s in prog.unused if s.record.langkah == no),
            key=lambda s: (s.record.putaran != round_no, s.record.putaran),
        )
        found = spare[0] if spare else None
    return round_no, found


def _decision_just_given(prog: Progress, no: int) -> tuple[StepFile, Slot] | None:
    """The record of decision step ``no`` whose answer opened the current round, and the
    round's due step, while that round holds no record yet."""
    passed, due = prog.walk()
    if due is None or due.round in prog.rounds or not passed:
        return None
    last = passed[-1]
    if last.step != no or last.round == due.round:
        return None
    return prog.rounds[last.round][no], due


def _approved(path: Path) -> bool:
    """Is the step's completion in git history (the last commit holds it 'selesai')?"""
    loaded = committed_file(path)
    return loaded is not None and isinstance(loaded.data, dict) and loaded.data.get("status") == "selesai"


def refuse_early(archive: Archive, sop: Sop, update: StepUpdate) -> None:
    if not 1 <= update.no <= len(sop.langkah):
        raise ConfigError("record.unknown_step", None, no=update.no, count=len(sop.langkah))
    spec = sop.step(update.no)
    if update.keputusan is not None and spec.keputusan is None:
        decisions = ", ".join(str(s.no) for s in sop.decision_steps) or "-"
        raise ConfigError("record.no_decision", None, no=update.no, steps=decisions)
    if update.pelaksana is not None:
        check_staff(archive, update.pelaksana)
    if update.setujui and update.changes:  # --putaran may say which round's correction
        raise ConfigError("record.approve_alone", None)
    if update.koreksi is not None and not update.koreksi.strip():
        raise ConfigError("record.correction_reason", None)


def _refuse_future(update: StepUpdate, now: datetime) -> None:
    """A step is recorded once it is done: a time after now is a typo (the year, the month)."""
    now = office_time(now)
    for name in ("mulai", "selesai", "pada"):
        value: datetime | None = getattr(update, name)
        if value is not None and office_time(value) > now + CLOCK_SKEW:
            when = f"{office_time(value):%Y-%m-%d %H:%M}"
            raise ConfigError("record.future", None, field=name, value=when, now=f"{now:%Y-%m-%d %H:%M}")


def refuse_unreadable(case: CaseFolder) -> None:
    """A step record that cannot be read (a merge left its conflict markers, a typo broke
    its YAML) is said first: which round is due cannot be known past it."""
    if case.unreadable_steps:
        first = next(f for f in case.findings if f.severity is Severity.ERROR and "/langkah/" in f.file)
        raise ConfigError(first.code, first.file, first.line, **first.params)


def _refuse_uncorrected(
    archive: Archive, path: Path, existing: StepFile | None, approved: bool, update: StepUpdate
) -> None:
    """A step whose completion is in history is changed only as a correction."""
    if approved and update.koreksi is None and not update.setujui and existing is not None:
        raise ConfigError("record.approved", archive.show(path), no=update.no, putaran=existing.record.putaran)
    if update.setujui and (existing is None or not approved):
        raise ConfigError("record.nothing_to_approve", archive.show(path), no=update.no, case=path.parent.parent.name)


def _open_corrections(record: CatatanLangkah) -> bool:
    return any(k.disetujui is None for k in record.koreksi)


def _to_detach(
    archive: Archive, folder: Path, existing: StepFile | None, names: tuple[str, ...], path: Path
) -> list[str]:
    """The record's ``berkas`` entries that ``--lepas`` names: as written there, by the file's
    own name, or by a path to the file in the case folder."""
    listed = [d.berkas for d in existing.record.dokumen] if existing is not None else []
    out: list[str] = []
    for name in names:
        found = [b for b in listed if name in (b, b.rsplit("/", 1)[-1]) or _is_file(folder / b, name)]
        if not found:
            raise ConfigError("record.detach_unknown", archive.show(path), name=name, files=", ".join(listed) or "-")
        out.append(found[0])
    return list(dict.fromkeys(out))


def _is_file(attached: Path, given: str) -> bool:
    try:
        return Path(given).resolve() == attached.resolve()
    except (OSError, RuntimeError):  # a name no path resolves from
        return False


def _refuse_unreasoned(archive: Archive, path: Path, sop: Sop, record: CatatanLangkah) -> None:
    """A 'tidak' sends the case back: the record must say why (the SOP's own comment asks it)."""
    if sop.step(record.langkah).keputusan is not None and record.keputusan == "tidak" and not record.alasan:
        raise ConfigError("record.no_reason", archive.show(path), no=record.langkah)


# The command's words for the check's findings of a step worked on too soon.
_NOT_DUE = {"step.order": "record.before_prerequisite", "step.needs_decision": "record.before_decision"}


def _refuse_not_due(archive: Archive, path: Path, prog: Progress, record: CatatanLangkah) -> None:
    """A step the SOP does not let be worked on yet is refused as the check would report it.
    Written, it stayed an error the clerk could only mend by hand: after a 'tidak' the case
    goes back to an earlier step, and the early record belongs to no round."""
    if record.status == "belum":
        return
    for code, params in not_yet_due(prog, record.langkah, record.putaran):
        raise ConfigError(_NOT_DUE[code], archive.show(path), None, putaran=record.putaran, **params)


def _refuse_stranding(
    archive: Archive, case: CaseFolder, prog: Progress, edited: StepFile, source: Path | None
) -> None:
    """A decision changed after the case went on from it would leave the records made on its
    way off the SOP's path: a 'tidak' corrected to 'ya' strands the round it opened, a 'ya'
    corrected to 'tidak' the steps done after it. Written, the case fails the check
    (round.unexpected, step.needs_decision) and the step command could not mend it."""
    replaced = {edited.name, source.name if source is not None else edited.name}
    others = [s for s in case.steps if s.name not in replaced]
    after = progress_of(prog.sop, [*others, edited], prog.stopped.value if prog.stopped else None)
    used = [s for s in others if s not in prog.unused and s not in prog.duplicates]
    stranded = [s for s in used if prog.on_path(s) and not after.on_path(s)]
    if stranded:
        shown = archive.show(case.path / STEPS_DIR / edited.name)
        files = [f"{STEPS_DIR}/{s.name}" for s in stranded]
        raise ConfigError("record.strands_records", shown, None, no=edited.record.langkah, files=", ".join(files))


def approvers(archive: Archive, sop: Sop, record: CatatanLangkah) -> list[str]:
    """Who approves this step (again, after a correction) by a commit made now
    (:meth:`Archive.approvers`; a doer who has left is named only when nobody holds the role
    now: when the completion entered history is the trail's to know); without a doer who held
    the role, the step's roles."""
    people = archive.approvers(sop, record, office_today())
    return [p.nama for p in people] or [sop.role(r).nama for r in sop.step(record.langkah).pelaksana]


def _yaml() -> YAML:
    y = YAML()  # round-trip: comments, key order and quoting survive
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the clerk's lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _moment(value: datetime) -> PlainScalarString:
    written: PlainScalarString = PlainScalarString(f"{value:%Y-%m-%d %H:%M}")
    return written


def joint_marks(
    archive: Archive, case: CaseFolder, existing: StepFile | None, others: tuple[str, ...], path: Path
) -> dict[str, set[str]]:
    """The cases each document of the step's record is to name as sharing it (by its sha256):
    each case in ``others`` for the documents whose content that case's records hold too."""
    marks: dict[str, set[str]] = {}
    mine = {d.sha256 for d in existing.record.dokumen if d.sha256} if existing is not None else set()
    for other in others:
        folder = joint_case(archive, case, other, path)
        theirs = {d.sha256 for st in archive.read_case(folder).steps for d in st.record.dokumen}
        if not mine & theirs:
            raise ConfigError("record.joint_nothing", archive.show(path), id=other)
        for digest in mine & theirs:
            marks.setdefault(digest, set()).add(other)
    return marks


def edit_text(
    original: str,
    update: StepUpdate,
    docs: list[Berkas],
    putaran: int | None = None,
    joint: dict[str, set[str]] | None = None,
    detach: set[str] | None = None,
) -> str:
    """``original`` with the update applied; every other line, comments included, as it was.
    ``joint``: the cases to add to the ``bersama`` of the documents, by their sha256;
    ``detach``: the ``berkas`` whose entries are taken off."""
    joint = joint or {}
    data = _yaml().load(original)
    if not isinstance(data, CommentedMap):
        raise ConfigError("record.not_mapping", None)
    values: dict[str, Any] = {k: getattr(update, k) for k in _FIELDS if getattr(update, k) is not None}
    if putaran is not None and data.get("putaran") != putaran:
        values["putaran"] = putaran
    if update.status is None:
        ends = update.selesai is not None or data.get("selesai") not in (None, "")
        starts = update.mulai is not None or data.get("mulai") not in (None, "")
        if ends and data.get("status") != "selesai":
            values["status"] = "selesai"
        elif starts and data.get("status") in (None, "belum"):
            values["status"] = "berjalan"
    for key, value in values.items():
        _set(data, key, _moment(value) if isinstance(value, datetime) else value)
    if detach:
        listing = _listing(data, "dokumen")
        listing[:] = [e for e in listing if not (isinstance(e, dict) and e.get("berkas") in detach)]
    if docs:
        listing = _listing(data, "dokumen")
        for doc in docs:
            entry = CommentedMap()
            for key, value in doc.model_dump(exclude_none=True).items():
                entry[key] = DoubleQuotedScalarString(value) if key == "sha256" else value
            listing.append(entry)
    for entry in _listing(data, "dokumen") if joint else []:
        named = joint.get(str(entry.get("sha256"))) if isinstance(entry, dict) else None
        if named:
            before = entry.get("bersama")
            entry["bersama"] = sorted({*(before if isinstance(before, list) else []), *named})
    if update.koreksi is not None or update.setujui:
        _correction(data, update)
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _listing(data: CommentedMap, key: str) -> Any:
    listing = data.get(key)
    if not isinstance(listing, list):
        _set(data, key, [])
        listing = data[key]
    if hasattr(listing, "fa"):
        listing.fa.set_block_style()
    return listing


def _correction(data: CommentedMap, update: StepUpdate) -> None:
    """A correction is written down in the record (when, why); a re-approval closes it. With
    no correction open, the approval is of the completion (``disetujui``)."""
    when = _moment(update.pada or office_now())
    if update.koreksi is not None:
        entry = CommentedMap()
        entry["waktu"], entry["alasan"] = when, update.koreksi.strip()
        _listing(data, "koreksi").append(entry)
        return
    listing = data.get("koreksi")
    open_ = [e for e in listing or [] if isinstance(e, dict) and e.get("disetujui") in (None, "")]
    for item in open_:
        item["disetujui"] = when
    if not open_:
        _set(data, "disetujui", when)


def _set(data: CommentedMap, key: str, value: Any) -> None:
    """Set ``key``, adding it after the keys the model puts before it when it is new."""
    if key in data:
        data[key] = value
        return
    order = list(CatatanLangkah.model_fields)
    before = set(order[: order.index(key)])
    position = max((i + 1 for i, k in enumerate(data) if k in before), default=len(data))
    data.insert(position, key, value)


def _read_back(archive: Archive, path: Path, text: str) -> tuple[CatatanLangkah, Loaded]:
    """The edited record as ``check`` will read it; any problem refuses the edit."""
    loaded = load_text(text, archive.show(path))
    record, problems = validate(loaded, loaded.data, CatatanLangkah)
    if record is None or problems:
        first = problems[0] if problems else None
        # The problem in the check's own words, with its values (which time is after which).
        params = {k: v for k, v in first.params.items() if isinstance(v, (str, int))} if first else {}
        problem = "-" if first is None else f"@{first.code}" if known(first.code) else first.code
        raise ConfigError(
            "record.invalid",
            archive.show(path),
            first.line if first else None,
            **{**params, "problem": problem, "field": params.get("field", "-")},
        )
    assert isinstance(record, CatatanLangkah)
    return record, loaded


def commit_message(
    case_id: str,
    sop: Sop,
    record: CatatanLangkah,
    update: StepUpdate | None = None,
    detached: Sequence[str] = (),
    completion: bool = False,
    stand_in: bool = False,
) -> str:
    """'kasus 2026-03-…: langkah 2 selesai (verifikasi validasi), keputusan ya'; ``detached``:
    the files taken off that history held (one never committed leaves nothing to say);
    ``completion``: the approval is of the completion, not of a correction; ``stand_in``: it
    is given by the role's holder for a doer who holds it no more."""
    step = sop.step(record.langkah)
    words = step_file_stem(step).split("-", 1)[1].replace("-", " ")
    if update is not None and update.setujui and completion:
        by = "pengganti pelaksananya" if stand_in else "oleh pelaksananya"
        return f"kasus {case_id}: langkah {record.langkah} ({words}) disetujui {by}"
    if update is not None and update.setujui:
        return f"kasus {case_id}: koreksi langkah {record.langkah} ({words}) disetujui ulang"
    state = "dikoreksi" if update is not None and update.koreksi is not None else record.status
    parts = [f"kasus {case_id}: langkah {record.langkah} {state} ({words})"]
    if record.putaran > 1:
        parts.append(f"putaran {record.putaran}")
    if record.keputusan:
        parts.append(f"keputusan {record.keputusan}")
    if detached:
        parts.append(f"lampiran dilepas: {', '.join(detached)}")
    if update is not None and update.koreksi:
        parts.append(f"koreksi: {update.koreksi.strip()}")
    return ", ".join(parts)
