"""Dates and times as clerks type them on the command line.

ISO (``2026-03-02 09:30``) as the records hold them, and the Indonesian forms: the day first
with a four-digit year last (``02-03-2026``, ``2/3/2026``) and the clock with a dot, as PUEBI
writes it (``09.30``). A two-digit year is refused: ``02-03-26`` could be read either way.
Whatever is typed, the records get ISO.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..core.errors import ConfigError
from ..records.fieldtypes import office_now

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})([-/.])(\d{1,2})\5(\d{4})")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")
NOW = ("sekarang", "now")


def parse_day(value: str) -> date | None:
    """The date ``value`` names, or None when it names none."""
    m = _DAY.fullmatch(value.strip())
    if m is None:
        return None
    year, month, day = (m[1], m[2], m[3]) if m[1] else (m[7], m[6], m[4])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 2026-02-30
        return None


def read_day(value: str | None, shown: str | None = None) -> date | None:
    """The date typed as ``value`` (None when not given); a clear error names ``shown`` (default
    the value) when it names no date."""
    if value is None:
        return None
    day = parse_day(value)
    if day is None:
        raise ConfigError("new.bad_date", None, value=shown or value)
    return day


def read_moment(value: str | None) -> datetime | None:
    """The office time typed as ``value``: a date and a clock time, or 'sekarang'."""
    if value is None:
        return None
    text = value.strip()
    if text.lower() in NOW:
        return office_now()
    parts = re.split(r"\s+|T", text)  # 2026-03-02T09:30 too, as ISO allows
    clock = _CLOCK.fullmatch(parts[1]) if len(parts) == 2 else None
    day = parse_day(parts[0]) if clock else None
    if clock is None or day is None or int(clock[1]) > 23 or int(clock[2]) > 59:
        raise ConfigError("record.bad_time", None, value=value)
    return datetime(day.year, day.month, day.day, int(clock[1]), int(clock[2]))
