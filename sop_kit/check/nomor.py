"""The letter-number register judged, with the numbers the case records give.

Register findings: a number reserved twice (as after a merge of two branches that each took
"the next" one: every case holding it is named), one serial of a series under two kinds'
numbers, a gap in a series, a kind the year does not
define, a number that does not follow its kind's format, a reservation dated in another year,
a number dated before a lower one of its series (dated back).
Case findings: a record's ``nomor_surat`` that no register holds, that is reserved for another
case, that was voided, or that another case's record gives too; a number reserved for a step
completed without it. They join the cases' verdicts
(:func:`add_number_findings`), so every surface shows them.

The register is in use once ``records/nomor/`` exists; before that, numbers typed into records
are judged only against each other (one number, one case).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..core.findings import Finding, Severity
from ..records.archive import Archive
from ..records.facts import CaseFacts, UsedNumber
from ..records.nomor import Entry, Registers, format_number, read_registers
from .report import Report

E, W = Severity.ERROR, Severity.WARNING


def register_findings(registers: Registers) -> list[Finding]:
    """What is wrong in the registers themselves."""
    out = list(registers.findings)
    for number, every in registers.by_number().items():
        entries = [e for e in every if not e.entry.batal]  # a voided duplicate is resolved
        if len(entries) > 1:
            cases = [e.entry.kasus or "-" for e in entries]
            for e in entries:
                others = ", ".join(c for c in cases if c != (e.entry.kasus or "-")) or ", ".join(cases)
                out.append(Finding(E, "nomor.duplicate", e.file, e.line, {"nomor": number, "others": others},
                                   e.entry.kasus))  # fmt: skip
    by_series: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in registers.entries:
        if e.kind is None:
            out.append(Finding(E, "nomor.unknown_kind", e.file, e.line, {"kind": e.entry.jenis, "kinds": "-"}))
            continue
        by_series[(e.file, e.series)].append(e)
        expected = format_number(e.kind, e.entry.urut, e.entry.tanggal)
        if expected != e.entry.nomor:
            out.append(Finding(W, "nomor.format", e.file, e.line, {"nomor": e.entry.nomor, "expected": expected}))
        year = next((y for y, (_, shown, _) in registers.files.items() if shown == e.file), None)
        if year is not None and e.entry.tanggal.year != year:
            out.append(Finding(E, "nomor.wrong_year", e.file, e.line, {"date": str(e.entry.tanggal), "year": year}))
    for (_, series), entries in by_series.items():
        out += _backdated(series, entries)
        out += _serial_twice(series, entries)
        serials = sorted({e.entry.urut for e in entries})
        missing = sorted(set(range(1, serials[-1] + 1)) - set(serials)) if serials else []
        if missing:
            after = min((e for e in entries if e.entry.urut > missing[0]), key=lambda e: e.entry.urut)
            out.append(Finding(E, "nomor.gap", after.file, after.line, {"series": series, "missing": _ranges(missing)}))
    return out


def _backdated(series: str, entries: list[Entry]) -> list[Finding]:
    """A number dated before a lower number of its series: numbers are given in the order
    letters are signed, so it was taken later and dated back (or a date was mistyped, here or
    on the lower number: both are named). A voided line is its own correction."""
    out: list[Finding] = []
    latest: Entry | None = None  # the latest-dated of the lower serials so far
    live = sorted((e for e in entries if not e.entry.batal), key=lambda e: e.entry.urut)
    for serial in sorted({e.entry.urut for e in live}):
        same = [e for e in live if e.entry.urut == serial]  # two laptops' same serial: not ordered
        for e in same:
            if latest is not None and e.entry.tanggal < latest.entry.tanggal:
                before = {"nomor": e.entry.nomor, "date": str(e.entry.tanggal), "series": series,
                          "previous": latest.entry.nomor, "previous_date": str(latest.entry.tanggal)}  # fmt: skip
                out.append(Finding(W, "nomor.backdated", e.file, e.line, before, e.entry.kasus))
        for e in same:
            if latest is None or e.entry.tanggal > latest.entry.tanggal:
                latest = e
    return out


def _serial_twice(series: str, entries: list[Entry]) -> list[Finding]:
    """One serial under two numbers of a series: kinds sharing a series (an SK and a referral
    letter, each "the next" on its own laptop) write it differently, so ``nomor.duplicate``
    does not see it, yet the office's agenda book has two letters under one serial."""
    out: list[Finding] = []
    by_serial: dict[int, list[Entry]] = defaultdict(list)
    for e in entries:
        if not e.entry.batal:
            by_serial[e.entry.urut].append(e)
    for serial, same in sorted(by_serial.items()):
        numbers = sorted({e.entry.nomor for e in same})
        if len(numbers) < 2:
            continue  # the very same number twice is nomor.duplicate's
        for e in same:
            others = ", ".join(n for n in numbers if n != e.entry.nomor)
            out.append(Finding(E, "nomor.serial_twice", e.file, e.line,
                               {"serial": serial, "series": series, "nomor": e.entry.nomor, "others": others},
                               e.entry.kasus))  # fmt: skip
    return out


def _ranges(values: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    out: list[str] = []
    start = prev = values[0]
    for v in [*values[1:], None]:
        if v is not None and v == prev + 1:
            prev = v
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if v is not None:
            start = prev = v
    return ", ".join(out)


def case_findings(registers: Registers, used: list[UsedNumber]) -> list[Finding]:
    """The numbers the records give, against the registers and each other."""
    out: list[Finding] = []
    reserved = registers.by_number()
    by_number: dict[str, set[str]] = defaultdict(set)
    for u in used:
        by_number[u.number].add(u.case)
    for u in used:
        others = sorted(by_number[u.number] - {u.case})
        if others:
            out.append(Finding(E, "nomor.two_cases", u.file, u.line, {"nomor": u.number, "others": ", ".join(others)},
                               u.case))  # fmt: skip
        if not registers.in_use:
            continue
        entries = reserved.get(u.number, [])
        mine = [e for e in entries if e.entry.kasus == u.case]
        if not entries:
            out.append(Finding(E, "nomor.not_reserved", u.file, u.line, {"nomor": u.number}, u.case))
        elif not mine:
            holders = ", ".join(sorted({e.entry.kasus or "-" for e in entries}))
            out.append(Finding(E, "nomor.other_case", u.file, u.line, {"nomor": u.number, "others": holders}, u.case))
        elif all(e.entry.batal for e in mine):
            out.append(Finding(E, "nomor.voided", u.file, u.line, {"nomor": u.number, "reason": mine[0].entry.batal},
                               u.case))  # fmt: skip
        elif u.step is not None and all(e.entry.langkah not in (None, u.step) for e in mine):
            step = next(e.entry.langkah for e in mine)
            out.append(Finding(W, "nomor.wrong_step", u.file, u.line, {"nomor": u.number, "step": step, "no": u.step},
                               u.case))  # fmt: skip
    return out


def unused_findings(registers: Registers, every: list[CaseFacts]) -> list[Finding]:
    """A number reserved for a case's step that was completed without it: the register holds a
    letter nobody can show (a hurried clerk's second ``nomor ambil``). It is used or voided."""
    done = {f.counted.id: {d.step for d in f.counted.done} for f in every if f.counted is not None}
    given: dict[str, set[str]] = defaultdict(set)
    for facts in every:
        for u in facts.numbers:
            given[u.case].add(u.number)
    return [
        Finding(
            W,
            "nomor.unused",
            e.file,
            e.line,
            {"nomor": e.entry.nomor, "id": e.entry.kasus, "no": e.entry.langkah},
            e.entry.kasus,
        )
        for e in registers.unrecorded(given)
        if e.entry.langkah in done.get(e.entry.kasus or "", ())
    ]


def add_number_findings(archive: Archive, report: Report, removed: frozenset[str] = frozenset()) -> None:
    """Judge the registers and the numbers of the cases in ``report``, adding the findings to
    the report: case findings to each case's verdict, the rest to the archive's. ``removed``:
    ids of cases history shows taken out of the archive (their numbers were real; the removal
    is the trail's finding)."""
    registers = read_registers(archive)
    every = [*(v.facts for v in report.verdicts.values()), *report.others.values()]
    used = [u for facts in every for u in facts.numbers]
    found = [*register_findings(registers), *case_findings(registers, used)]
    if registers.in_use:
        found += unused_findings(registers, every)
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        if f.case is None:
            report.archive_findings.append(f)
        else:
            by_case[f.case].append(f)
    for folder, verdict in report.verdicts.items():
        extra = by_case.pop(verdict.case, [])
        if extra:
            report.verdicts[folder] = replace(verdict, findings=(*verdict.findings, *extra))
    known = report.folders
    for case, fs in by_case.items():  # a case this run did not judge keeps them for its own verdict
        if case not in known:
            report.archive_findings += [replace(f, case=None) for f in fs]
    for e in registers.entries:
        if e.entry.kasus and e.entry.kasus not in known and e.entry.kasus not in removed:
            report.archive_findings.append(Finding(W, "nomor.unknown_case", e.file, e.line, {"id": e.entry.kasus}))
