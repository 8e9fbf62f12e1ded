"""``sop-kit nomor ambil|batal|daftar``: letter numbers reserved in the archive's register."""

from __future__ import annotations

from datetime import date

from ..core.errors import ConfigError
from ..records.archive import Archive, CaseFolder
from ..records.layout import STEPS_DIR
from ..records.nomor import Entry, Reservation, read_registers, reserve, void
from ..records.writelock import one_writer
from .new import check_staff


@one_writer
def take_number(
    archive: Archive,
    kind: str,
    day: date,
    by: str,
    case: str | None = None,
    step: int | None = None,
    subject: str | None = None,
    again: bool = False,
) -> tuple[Reservation, int | None]:
    """Reserve the next number of ``kind`` for ``case`` (its step: ``step``, else the step
    its SOP declares for documents numbered as ``kind``); returns it and the step. ``again``
    takes one although an earlier number for the step is neither recorded nor voided."""
    check_staff(archive, by)
    case_id = None
    if case is not None:
        current = archive.read_case(archive.find_case(case))
        if current.kasus is None:
            raise ConfigError("record.case_invalid", current.shown)
        case_id = current.kasus.id
        sop = archive.sop_of(current.kasus)
        if step is None:
            letters = [s for s in (sop.surat if sop else []) if s.jenis_nomor and s.langkah]
            declared = [s.langkah for s in letters if s.jenis_nomor == kind and s.langkah]
            if not declared:  # a document kind typed for the number's kind, say (surat-keputusan)
                kinds = ", ".join(f"{s.jenis_nomor} ({s.langkah})" for s in letters) or "-"
                raise ConfigError("nomor.which_step", None, kind=kind, kinds=kinds)
            step = declared[0]
        if sop is not None and not 1 <= step <= len(sop.langkah):
            raise ConfigError("record.unknown_step", None, no=step, count=len(sop.langkah))
        if not again:
            _refuse_pending(archive, current, kind, step)
    return reserve(archive, kind, day, by, case_id, step, subject), step


def _refuse_pending(archive: Archive, case: CaseFolder, kind: str, step: int) -> None:
    """A number of this kind already reserved for this step and neither recorded nor voided:
    the hurried clerk's second run (the first seemed to fail) would leave a letter nobody sent
    in the register (the check's ``nomor.unused``). ``--lagi`` takes another all the same."""
    given = {case.id: {s.record.nomor_surat for s in case.steps if s.record.nomor_surat}}
    for e in read_registers(archive).unrecorded(given):
        n = e.entry
        if n.kasus == case.id and n.langkah == step and n.jenis == kind:
            raise ConfigError("nomor.pending", e.file, e.line, nomor=n.nomor, date=str(n.tanggal), id=case.id, no=step)


@one_writer
def void_number(archive: Archive, number: str, reason: str, case: str | None = None) -> str:
    """Void ``number`` (of ``case``, when two hold it), keeping its line; returns the register as
    shown. A number a step record of its case gives is voided only with that case named: its
    letter was issued, and a mistyped number would fail, for good, a case that did nothing wrong."""
    if case is not None:
        return archive.show(void(archive, number, reason, case))
    owners = {e.entry.kasus for e in read_registers(archive).entries if e.entry.nomor == number}
    for owner in sorted(o for o in owners if o):
        try:
            folder = archive.find_case(owner)
        except ConfigError:
            continue  # a case no longer in the archive: its number may be voided
        for step in archive.read_case(folder).steps:
            if (step.record.nomor_surat or "").strip() == number.strip():
                where = archive.show(folder / STEPS_DIR / step.name)
                raise ConfigError("nomor.void_recorded", where, nomor=number, id=owner, no=step.record.langkah)
    return archive.show(void(archive, number, reason, case))


def register_entries(archive: Archive, year: int | None = None) -> list[Entry]:
    registers = read_registers(archive)
    if registers.findings:
        first = registers.findings[0]
        raise ConfigError("nomor.register_invalid", first.file, first.line, detail=first.message("id"))
    return [e for e in registers.entries if year is None or e.entry.tanggal.year == year]
