"""Working time: the SOP's *Waktu* counts the office's working minutes, not the clock's.

A step's duration is the part of ``mulai``..``selesai`` that falls in the office's working
hours, on working days: not at night, not in the midday break, not at weekends, not on
national holidays (libur nasional) and cuti bersama, not on the office's own days off. A step
started on Friday afternoon and finished on Monday morning took the minutes worked on those
two days, not three calendar days.

The default week is the civil servants' (Keputusan Presiden Nomor 68 Tahun 1995 tentang Hari
Kerja di Lingkungan Lembaga Pemerintah, Pasal 1 ayat 2, kept at 37.5 hours a week by
Peraturan Presiden Nomor 21 Tahun 2023): Monday to Thursday 07.30–16.00 with a break
12.00–13.00, Friday 07.30–16.30 with a break 11.30–13.00. An office sets its own in
``sop-kit.yaml`` (``jam_kerja``).

Holidays come from the ``holidays`` package (vacanza/holidays): Indonesia, its ``PUBLIC``
(libur nasional) and ``GOVERNMENT`` (cuti bersama) categories, as set each year by the SKB 3
Menteri and the Keppres on cuti bersama ASN. Beyond the years it has decrees for, it knows
the fixed holidays and estimates the Islamic ones, and no cuti bersama.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib.metadata import version
from typing import Protocol

from ..core.messages import text

Interval = tuple[time, time]
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
HOLIDAY_SOURCE = "holidays"  # the PyPI package holding Indonesia's libur nasional and cuti bersama

_MON_THU: tuple[Interval, ...] = ((time(7, 30), time(12, 0)), (time(13, 0), time(16, 0)))
_FRI: tuple[Interval, ...] = ((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30)))


@dataclass(frozen=True)
class WorkingHours:
    """Working intervals per weekday (Monday first) and the days off besides weekends."""

    week: tuple[tuple[Interval, ...], ...] = (_MON_THU, _MON_THU, _MON_THU, _MON_THU, _FRI, (), ())
    national_holidays: bool = True  # libur nasional and cuti bersama are days off
    days_off: frozenset[date] = field(default_factory=frozenset)  # the office's own

    def is_working_day(self, day: date) -> bool:
        if not self.week[day.weekday()] or day in self.days_off:
            return False
        return not (self.national_holidays and day in holidays_of(day.year))

    def minutes(self, start: datetime, end: datetime) -> int:
        """Working minutes between ``start`` and ``end`` (local time, WIB)."""
        if end <= start:
            return 0
        total = 0.0
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                for opens, closes in self.week[day.weekday()]:
                    lo = max(start, datetime.combine(day, opens))
                    hi = min(end, datetime.combine(day, closes))
                    if hi > lo:
                        total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return int(total // 60)

    def add(self, start: datetime, minutes: int) -> datetime:
        """The moment ``minutes`` working minutes after ``start`` (when a standard time runs out)."""
        moment, left = start, minutes
        while True:
            day = moment.date()
            if self.is_working_day(day):
                for opens, closes in self.week[day.weekday()]:
                    lo, hi = max(moment, datetime.combine(day, opens)), datetime.combine(day, closes)
                    if hi <= lo:
                        continue
                    span = int((hi - lo).total_seconds() // 60)
                    if left <= span:
                        return lo + timedelta(minutes=left)
                    left -= span
            moment = datetime.combine(day + timedelta(days=1), time(0, 0))

    def opening(self, day: date) -> time:
        """When work starts on ``day`` (on a day without work: the week's earliest start)."""
        return min(opens for opens, _ in self._spans(day))

    def closing(self, day: date) -> time:
        """When work ends on ``day`` (on a day without work: the week's latest end)."""
        return max(closes for _, closes in self._spans(day))

    def _spans(self, day: date) -> tuple[Interval, ...]:
        return self.week[day.weekday()] or tuple(s for d in self.week for s in d)

    @property
    def day_minutes(self) -> int:
        """The working minutes of an average working day: the unit a 'hari' of working time is."""
        days = [sum(_span(a, b) for a, b in spans) for spans in self.week if spans]
        return round(sum(days) / len(days))


def _span(opens: time, closes: time) -> int:
    return (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)


def describe(hours: WorkingHours, lang: str) -> str:
    """The week in words: 'Senin–Kamis 07.30–12.00, 13.00–16.00; Jumat …; hari libur nasional
    dan cuti bersama tidak dihitung' — what every figure of working time was counted by."""
    groups: list[tuple[int, int, tuple[Interval, ...]]] = []  # first day, last day, spans
    for no, spans in enumerate(hours.week):
        if spans and groups and groups[-1][1] == no - 1 and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], no, spans)
        elif spans:
            groups.append((no, no, spans))
    names = [text(f"worktime.day_{d}", lang) for d in DAYS]
    parts = [
        (names[a] if a == b else f"{names[a]}–{names[b]}") + " " + ", ".join(f"{o:%H.%M}–{c:%H.%M}" for o, c in spans)
        for a, b, spans in groups
    ]
    rest = [text("worktime.holidays_off" if hours.national_holidays else "worktime.holidays_on", lang)]
    if hours.days_off:
        rest.append(text("worktime.office_days_off", lang, n=len(hours.days_off)))
    return "; ".join([*parts, *rest])


CIVIL_SERVICE = WorkingHours()


class Timed(Protocol):
    mulai: datetime | None
    selesai: datetime | None


def working_minutes(hours: WorkingHours, record: Timed) -> int | None:
    """A step record's duration in working minutes, when it has both times."""
    if record.mulai is None or record.selesai is None:
        return None
    return hours.minutes(record.mulai, record.selesai)


_years: dict[int, frozenset[date]] = {}


def holidays_of(year: int) -> frozenset[date]:
    """Indonesia's libur nasional and cuti bersama in ``year``."""
    found = _years.get(year)
    if found is None:
        from holidays.constants import GOVERNMENT, PUBLIC
        from holidays.countries.indonesia import Indonesia

        found = _years[year] = frozenset(Indonesia(years=year, categories=(PUBLIC, GOVERNMENT)))
    return found


def known_holidays() -> dict[str, list[str]]:
    """The years worked out in this process, for a cache keyed by :func:`data_version`."""
    return {str(year): sorted(d.isoformat() for d in days) for year, days in _years.items()}


def remember_holidays(saved: object) -> None:
    """Take years from a cache written by :func:`known_holidays` under the same
    :func:`data_version`: importing the holiday package (its every country) costs about
    90 ms of each process, computing a year under 1 ms. Anything malformed is left out."""
    if not isinstance(saved, dict):
        return
    for year, days in saved.items():
        try:
            _years.setdefault(int(year), frozenset(date.fromisoformat(d) for d in days))
        except (TypeError, ValueError):
            continue


def holiday_names(year: int) -> dict[date, str]:
    """The holidays of ``year`` with their names in Bahasa Indonesia (for the README and pages)."""
    from holidays.constants import GOVERNMENT, PUBLIC
    from holidays.countries.indonesia import Indonesia

    return dict(Indonesia(years=year, categories=(PUBLIC, GOVERNMENT), language="id"))


def data_version() -> str:
    """The holiday data's package and version: a verdict on time rests on it."""
    return f"{HOLIDAY_SOURCE} {version(HOLIDAY_SOURCE)}"


def duration_text(working: int | None, calendar: int | None, lang: str = "id") -> str:
    """'50 menit' or, where the clock says otherwise, '50 menit kerja (2 hari 15 jam 50 menit kalender)'."""
    if calendar is None:
        return "-"
    if working is None or working == calendar:
        return text("worktime.minutes", lang, minutes=calendar)
    days, rest = divmod(calendar, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        text(f"worktime.{unit}", lang, n=n) for unit, n in (("days", days), ("hours", hours), ("mins", minutes)) if n
    ]
    return text("worktime.both", lang, working=working, calendar=" ".join(parts) or "0")


def parse_interval(text: str) -> Interval:
    """'07:30-12:00' -> (07:30, 12:00); ValueError when it is not one."""
    left, _, right = text.replace(" ", "").partition("-")
    opens, closes = time.fromisoformat(left), time.fromisoformat(right)
    if closes <= opens:
        raise ValueError(text)
    return opens, closes
