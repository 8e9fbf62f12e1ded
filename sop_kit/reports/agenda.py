"""``sop-kit agenda``: what is due, per person, on a given day.

For every case of a judged archive: the step in progress (its doer), the step due next (the
holders of its SOP roles on that day; a decision step is a decision waiting), the documents a
completed step still lacks according to its verdict (its doer), and a completed step the trail
does not hold approved by its doer (someone else committed it, or changed it since): theirs to
approve with ``sop-kit step … --setujui --commit``. Each item but an approval is overdue when
more working time has passed than the SOP's standard for the step, counted from its start, or,
for a step not started, from when its prerequisites were done; the SOP sets no time for an
approval.

Working time is the office's (``jam_kerja`` in ``sop-kit.yaml``, by default the civil
service's week with national holidays and cuti bersama off): the very hours the check counts a
completed step's *Waktu* by (:mod:`sop_kit.records.worktime`), so the figure the agenda shows
for a step in progress is the one the check gives once it is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..check.audit import Audit
from ..core.inert import one_line
from ..core.messages import text
from ..records.archive import Archive, StepFile
from ..records.fieldtypes import WIB, office_time
from ..records.ids import slug
from ..records.layout import STEPS_DIR
from ..records.models import Kasus, Sop
from ..records.rounds import Status, progress_of
from ..records.worktime import CIVIL_SERVICE, WorkingHours, describe
from ..trail.findings import NOT_APPROVED

# decision waiting, in progress, due to start, documents, approval waiting
KINDS = ("keputusan", "berjalan", "menunggu", "dokumen", "persetujuan")


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # one of KINDS
    case: str
    place: str  # Desa X, Kecamatan Y
    sop: str
    step: int
    round: int
    activity: str
    people: tuple[str, ...]  # staff ids
    since: datetime  # when the step started, or became due
    due: datetime  # when its standard working time runs out
    elapsed: int  # working minutes since ``since``
    standard: int
    flexible: bool  # 'waktu disesuaikan': the standard is indicative
    overdue: bool
    document: str | None = None  # the missing document kind (kind 'dokumen')
    # The pelaksana the record names, when they hold none of the step's roles on the agenda's
    # day any more (left, moved): the item is the role's holders' then, and says whose it was.
    former: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "jenis": self.kind,
            "kasus": self.case,
            "lokasi": self.place,
            "sop": self.sop,
            "langkah": self.step,
            "putaran": self.round,
            "kegiatan": self.activity,
            "staf": list(self.people),
            "sejak": f"{self.since:%Y-%m-%d %H:%M}",
            "tenggat": f"{self.due:%Y-%m-%d %H:%M}",
            "menit_kerja": self.elapsed,
            "standar_menit": self.standard,
            "waktu_fleksibel": self.flexible,
            "terlambat": self.overdue,
            "dokumen": self.document,
            "pelaksana_tercatat": self.former,
        }


@dataclass
class Agenda:
    on: date
    moment: datetime  # the end of that working day: what is overdue by then
    hours: WorkingHours = CIVIL_SERVICE  # the office's, as the check counts by
    items: list[AgendaItem] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # staff id -> name
    only: str | None = None  # the one staff member asked for: an item shared with others is theirs alone here

    def span(self, minutes: int, lang: str) -> str:
        """9810 → '21 hari 6 jam', a 'hari' being the office's working day (450 minutes by
        default); under a day in hours and minutes."""
        days, rest = divmod(minutes, self.hours.day_minutes)
        hours, mins = divmod(rest, 60)
        parts = [(days, "agenda.days"), (hours, "agenda.hours"), (mins if not days else 0, "agenda.minutes")]
        words = [text(code, lang, n=n) for n, code in parts if n]
        return " ".join(words) or text("agenda.minutes", lang, n=0)

    def for_person(self, staff_id: str) -> list[AgendaItem]:
        return sorted((i for i in self.items if staff_id in i.people), key=_order)

    @property
    def people(self) -> list[str]:
        ids = {p for i in self.items for p in i.people}
        if self.only is not None:
            ids &= {self.only}
        return sorted(ids, key=lambda p: (self.names.get(p, p), p))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "sop-kit/agenda/1",
            "tanggal": self.on.isoformat(),
            "per": f"{self.moment:%Y-%m-%d %H:%M}",
            "waktu_kerja": describe(self.hours, "id"),
            "staf": [
                {"id": p, "nama": self.names.get(p, p), "agenda": [i.to_json() for i in self.for_person(p)]}
                for p in self.people
            ],
            "tanpa_staf": [i.to_json() for i in sorted(self.items, key=_order) if not i.people],
        }


def _order(item: AgendaItem) -> tuple[bool, int, datetime, str]:
    return (not item.overdue, KINDS.index(item.kind), item.due, item.case)


def build_agenda(audit: Audit, on: date, staff: str | None = None) -> Agenda:
    """The agenda of the judged archive as of the end of the working day ``on``; only what
    concerns staff member ``staff`` if given."""
    archive = audit.archive
    hours = archive.config.hours
    moment = datetime.combine(on, hours.closing(on))
    agenda = Agenda(on, moment, hours, names={p.id: p.nama for p in archive.staff.values()})
    for folder, verdict in sorted(audit.report.verdicts.items()):
        case = archive.read_case(folder)
        if case.kasus is None:
            continue
        sop = archive.sop_of(case.kasus)
        if sop is None:
            continue
        missing = [(m.step, m.round, m.name) for m in verdict.missing]
        stop = case.kasus.dihentikan
        stopped = stop is not None and stop.tanggal <= on  # nothing more is due; a missing document still is
        agenda.items += _case_items(archive, case.kasus, sop, case.steps, missing, moment, hours, stopped)
        unapproved = {f.file for f in verdict.findings if f.code in NOT_APPROVED}
        waiting = [s for s in case.steps if archive.show(folder / STEPS_DIR / s.name) in unapproved]
        steps = audit.trail.cases.get(case.id) if audit.trail is not None else None
        entered = {
            name: st.approval.when.date()
            for name, st in (steps.steps.items() if steps is not None else ())
            if st.approval is not None and not st.approval.verified
        }
        agenda.items += _approvals(archive, case.kasus, sop, waiting, entered, moment, hours)
    if staff is not None:
        agenda.items = [i for i in agenda.items if staff in i.people]
        agenda.only = staff
    return agenda


def _holders(archive: Archive, sop: Sop, no: int, day: date) -> tuple[str, ...]:
    roles = set(sop.step(no).pelaksana)
    return tuple(sorted(p.id for p in archive.staff.values() if p.roles_on(day) & roles))


def _still_holding(
    archive: Archive, sop: Sop, no: int, people: tuple[str, ...], day: date
) -> tuple[tuple[str, ...], str | None]:
    """``people`` (one recorded pelaksana, or the role's holders), unless that one pelaksana
    holds none of the step's roles on ``day`` any more: then the holders, and their name."""
    if len(people) != 1 or people == _holders(archive, sop, no, day):
        return people, None
    person = archive.staff.get(people[0])
    if person is not None and sop.done_by(no, person.roles_on(day)):
        return people, None
    return _holders(archive, sop, no, day), person.nama if person is not None else people[0]


def _case_items(
    archive: Archive,
    kasus: Kasus,
    sop: Sop,
    steps: Iterable[Any],
    missing: list[tuple[int, int, str]],
    moment: datetime,
    hours: WorkingHours,
    stopped: bool = False,
) -> list[AgendaItem]:
    prog = progress_of(sop, list(steps))
    if prog.status is Status.DONE and not missing:
        return []
    place = f"Desa {kasus.lokasi.desa}, Kecamatan {kasus.lokasi.kecamatan}"
    out = []

    def item(kind: str, no: int, rnd: int, people: tuple[str, ...], since: datetime, doc: str | None = None) -> None:
        spec = sop.step(no)
        elapsed = hours.minutes(since, moment)
        due = hours.add(since, spec.waktu_menit)
        people, former = _still_holding(archive, sop, no, people, moment.date())
        out.append(
            AgendaItem(kind, kasus.id, place, sop.nomor, no, rnd, spec.kegiatan, people, since, due, elapsed,
                       spec.waktu_menit, spec.waktu_fleksibel, elapsed > spec.waktu_menit, doc, former)
        )  # fmt: skip

    for no_round in sorted(prog.rounds) if not stopped else ():
        for no, step in sorted(prog.rounds[no_round].items()):
            rec = step.record
            current = prog.current(no)
            if rec.status == "berjalan" and current is step and rec.mulai is not None:
                who = (rec.pelaksana,) if rec.pelaksana else _holders(archive, sop, no, moment.date())
                item("berjalan", no, no_round, who, office_time(rec.mulai))
    nxt = prog.next_step() if not stopped else None
    running = {i.step for i in out}
    if nxt is not None and nxt not in running:
        pres = [prog.current(p) for p in sop.prerequisites(nxt)]
        if all(p is not None and p.record.status == "selesai" for p in pres):
            ends = [office_time(p.record.selesai) for p in pres if p is not None and p.record.selesai]
            start = max(ends) if ends else datetime.combine(kasus.periode.mulai, hours.opening(kasus.periode.mulai))
            kind = "keputusan" if sop.step(nxt).keputusan else "menunggu"
            item(kind, nxt, prog.final_round + (1 if prog.decision(prog.final_round) == "tidak" else 0),
                 _holders(archive, sop, nxt, moment.date()), start)  # fmt: skip
    for no, rnd, name in missing:
        found = prog.rounds.get(rnd, {}).get(no)
        record = found.record if found else None
        when = (record.selesai or record.mulai) if record else None
        who = (record.pelaksana,) if record and record.pelaksana else _holders(archive, sop, no, moment.date())
        item("dokumen", no, rnd, who, office_time(when) if when else moment, name)
    return out


def _approvals(
    archive: Archive,
    kasus: Kasus,
    sop: Sop,
    waiting: list[StepFile],
    entered: dict[str, date],
    moment: datetime,
    hours: WorkingHours,
) -> list[AgendaItem]:
    """The completed steps whose approval waits, for whoever may give it
    (:meth:`Archive.approvers`; ``entered``: when a completion another committed entered
    history, by step file), from when the step was done."""
    out = []
    place = f"Desa {kasus.lokasi.desa}, Kecamatan {kasus.lokasi.kecamatan}"
    for step in waiting:
        rec = step.record
        done = office_time(rec.selesai) if rec.selesai else moment
        people = archive.approvers(sop, rec, moment.date(), entered.get(step.name))
        who = tuple(p.id for p in people) or _holders(archive, sop, rec.langkah, moment.date())
        spec = sop.step(rec.langkah)
        out.append(
            AgendaItem("persetujuan", kasus.id, place, sop.nomor, rec.langkah, rec.putaran, spec.kegiatan, who,
                       done, done, hours.minutes(done, moment), 0, spec.waktu_fleksibel, False)
        )  # fmt: skip
    return out


def _utc(local: datetime) -> datetime:
    """A local (WIB) time in UTC: an iCalendar time with a zone name needs that zone's
    definition, a UTC time does not, and every calendar shows it in its own zone."""
    return local.replace(tzinfo=WIB).astimezone(UTC)


def format_agenda(agenda: Agenda, lang: str) -> str:
    out = [text("agenda.header", lang, date=agenda.on.isoformat(), at=f"{agenda.moment:%H.%M}")]
    groups = [(p, agenda.for_person(p)) for p in agenda.people]
    orphans = sorted((i for i in agenda.items if not i.people), key=_order)
    if orphans:
        groups.append(("", orphans))
    if not groups:
        out.append(text("agenda.empty", lang))
    for person, items in groups:
        name = agenda.names.get(person, person) if person else text("agenda.nobody", lang)
        late = sum(i.overdue for i in items)
        out.append("")
        out.append(text("agenda.person", lang, name=name, id=person or "-", count=len(items), overdue=late))
        for i in items:
            if i.kind == "persetujuan":
                out.append(f"  {text('agenda.approve', lang)}  {i.case} ({i.place})")
                since = f"{i.since:%Y-%m-%d %H.%M}"
                line = text(
                    "agenda.line_approval", lang, no=i.step, activity=i.activity, since=since, how=approve_command(i)
                )
                out.append("      " + line)
                continue
            label = text(f"agenda.kind_{i.kind}", lang, doc=i.document or "")
            mark = text("agenda.overdue" if i.overdue else "agenda.due", lang, due=f"{i.due:%Y-%m-%d %H.%M}")
            flex = " " + text("agenda.flexible", lang) if i.flexible and i.overdue else ""
            out.append(f"  {mark}{flex}  {i.case} ({one_line(i.place)})")
            if i.former:
                out.append("      " + text("agenda.former", lang, name=i.former, case=i.case, no=i.step))
            out.append(
                "      "
                + text(
                    "agenda.line",
                    lang,
                    kind=label,
                    no=i.step,
                    activity=i.activity,
                    elapsed=agenda.span(i.elapsed, lang),
                    standard=agenda.span(i.standard, lang),
                    since=f"{i.since:%Y-%m-%d %H.%M}",
                )
            )
    out.append("")
    out.append(text("agenda.method", lang, hours=describe(agenda.hours, lang)))
    return "\n".join(out) + "\n"


def approve_command(item: AgendaItem) -> str:
    return f"sop-kit step {item.case} {item.step} --putaran {item.round} --setujui --commit"


def agenda_ics(agenda: Agenda, office: str) -> bytes:
    """The agenda as an iCalendar file a phone calendar can subscribe to: one event per item
    at the moment its standard time runs out (an overdue item on the agenda's day, marked)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//sop-kit//agenda//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Agenda sop-kit — {office}")
    cal.add("x-wr-timezone", "Asia/Jakarta")
    stamp = _utc(agenda.moment)
    for i in sorted(agenda.items, key=_order):
        # An overdue item, and an approval (the SOP sets it no time), on the agenda's day.
        now = i.overdue or i.kind == "persetujuan"
        start = datetime.combine(agenda.on, agenda.hours.opening(agenda.on)) if now else i.due
        event = Event()
        doc = f"-{slug(i.document)}" if i.document else ""
        event.add("uid", f"{i.case}-{i.step}-{i.round}-{i.kind}{doc}@sop-kit")
        event.add("dtstamp", stamp)
        event.add("dtstart", _utc(start))
        event.add("duration", timedelta(minutes=30))
        late = "[TERLAMBAT] " if i.overdue else ""
        what = text(f"agenda.kind_{i.kind}", "id", doc=i.document or "")
        event.add("summary", f"{late}{what}: langkah {i.step} — {i.case}")
        names = ", ".join(agenda.names.get(p, p) for p in i.people) or "-"
        spent, standard = agenda.span(i.elapsed, "id"), agenda.span(i.standard, "id")
        event.add(
            "description",
            f"{i.activity}\n{i.place}\nSOP {i.sop}, putaran {i.round}\nSejak {i.since:%Y-%m-%d %H.%M}, "
            f"{spent} waktu kerja (standar {standard})\nTenggat {i.due:%Y-%m-%d %H.%M} WIB\nPetugas: {names}"
            + (f"\nPelaksana tercatat {i.former} tidak lagi memegang perannya" if i.former else ""),
        )
        event.add("categories", [i.kind])
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
