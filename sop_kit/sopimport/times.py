"""Mutu Baku 'Waktu': '30 Menit', '1 jam', '2 Jam', '1 hr', '1 Hari Kerja' as minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A working day of the civil service: 37.5 hours a week over five days.
WORKDAY_MINUTES = 450

_UNITS: tuple[tuple[str, int, str], ...] = (
    # (pattern, minutes per unit, canonical unit); 'hr' is the Indonesian short form of hari.
    (r"m(?:e|n)?n?it|mnt|min(?:utes?)?|m", 1, "menit"),
    (r"jam|j|hours?|h", 60, "jam"),
    (r"hari\s*kerja|hr\s*kerja|hk|hari|hr|days?", WORKDAY_MINUTES, "hari"),
    (r"minggu|mgg|pekan|weeks?", 5 * WORKDAY_MINUTES, "minggu"),
)
_NUMBER = r"(\d+(?:[.,]\d+)?)"
TIME = re.compile(
    rf"^\s*(?:±|\+/-|kurang lebih|maks(?:imal)?\.?)?\s*{_NUMBER}\s*(?:-\s*{_NUMBER}\s*)?"
    rf"({'|'.join(p for p, _, _ in _UNITS)})\.?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    minutes: int
    text: str  # as printed, spaces tidied: the unit is kept for the reader
    unit: str
    range_upper: bool = False  # '1-2 Jam': the upper bound is the standard


def parse_duration(text: str) -> Duration | None:
    """Minutes of a Waktu cell, or None when it is not a time at all."""
    match = TIME.match(text)
    if not match:
        return None
    low, high, unit_text = match.groups()
    amount = float((high or low).replace(",", "."))
    for pattern, per_unit, unit in _UNITS:
        if re.fullmatch(pattern, unit_text, re.IGNORECASE):
            minutes = round(amount * per_unit)
            if minutes < 1:
                return None
            return Duration(minutes, " ".join(text.split()), unit, bool(high))
    return None  # pragma: no cover - the pattern only matches listed units
