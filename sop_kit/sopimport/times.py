"""Mutu Baku 'Waktu' as minutes: any mix of minggu/hari/jam/menit/detik, written out or
abbreviated — '30 Menit', '2 Jam 30 Menit', '1,5 jam', '120 detik', '30 dtk', '1 hr',
'1 Hari Kerja', '1-2 Jam', '30 menit s.d. 1 jam'.

What the text leaves open is decided here and said by the flags, for the report: a day is a
working day of the civil service (37.5 hours a week over five days: 450 minutes), a range
counts its upper bound, and seconds are rounded up to whole minutes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

WORKDAY_MINUTES = 450

# (pattern, seconds per unit, canonical unit); 'hr' is the Indonesian short form of hari.
_UNITS: tuple[tuple[str, int, str], ...] = (
    (r"detik|dtk|det|dt|seconds?|secs?|s", 1, "detik"),
    (r"menit|mnt|mnit|mn|minutes?|mins?|m", 60, "menit"),
    (r"jam|j|hours?|h", 3600, "jam"),
    (r"hari\s*kerja|hr\s*kerja|hk|hari|hr|days?", WORKDAY_MINUTES * 60, "hari"),
    (r"minggu|mgg|pekan|weeks?", 5 * WORKDAY_MINUTES * 60, "minggu"),
)
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNIT = "|".join(f"(?:{p})" for p, _, _ in _UNITS)
_RANGE = r"(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)"
_TERM = re.compile(rf"{_NUMBER}\s*(?:{_RANGE}\s*{_NUMBER}\s*)?({_UNIT})(?![a-z])\.?", re.IGNORECASE)
_BEFORE = re.compile(r"^\s*(?:(?:±|\+/-|kurang\s+lebih|lebih\s+kurang|maks(?:imal)?\.?|paling\s+lama|sekitar)\s*)*$",
                     re.IGNORECASE)  # fmt: skip
_BETWEEN = re.compile(r"^[\s,+]*(?:dan)?[\s,+]*$", re.IGNORECASE)
_BETWEEN_RANGE = re.compile(rf"^\s*{_RANGE}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    minutes: int
    text: str  # as printed, spaces tidied: the unit is kept for the reader
    unit: str  # the largest unit printed
    range_upper: bool = False  # '1-2 Jam': the upper bound is the standard
    rounded: bool = False  # seconds that are no whole minutes, rounded up
    workdays: bool = False  # days or weeks, counted in working days of WORKDAY_MINUTES


def _seconds(amount: str, unit_text: str) -> tuple[float, int, str]:
    for pattern, per_unit, unit in _UNITS:
        if re.fullmatch(pattern, unit_text, re.IGNORECASE):
            return float(amount.replace(",", ".")) * per_unit, per_unit, unit
    raise ValueError(unit_text)  # pragma: no cover - the pattern only matches listed units


def parse_duration(text: str) -> Duration | None:
    """Minutes of a Waktu cell, or None when it is not a time at all."""
    terms = list(_TERM.finditer(text))
    if not terms or not _BEFORE.match(text[: terms[0].start()]) or text[terms[-1].end() :].strip(" .;"):
        return None
    groups: list[float] = [0.0]  # a range separator between terms starts the upper bound's group
    ranged, biggest, unit = False, 0, ""
    for k, term in enumerate(terms):
        if k:
            gap = text[terms[k - 1].end() : term.start()]
            if _BETWEEN_RANGE.match(gap):
                groups.append(0.0)
                ranged = True
            elif not _BETWEEN.match(gap):
                return None
        low, high, unit_text = term.groups()
        seconds, per_unit, name = _seconds(high or low, unit_text)
        ranged = ranged or bool(high)
        groups[-1] += seconds
        if per_unit > biggest:
            biggest, unit = per_unit, name
    total = round(groups[-1])
    if total <= 0:
        return None
    minutes = math.ceil(total / 60)
    return Duration(
        minutes, " ".join(text.split()), unit, ranged, rounded=total % 60 != 0, workdays=biggest >= WORKDAY_MINUTES * 60
    )
