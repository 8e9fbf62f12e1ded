"""Structural check of a civil servant's NIP (Nomor Induk Pegawai, 18 digits).

Layout: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, gender digit (1 man, 2 woman),
serial number NNN. Example: ``19650612 198703 1 007``.
"""

from __future__ import annotations

import re
from datetime import date

_NIP = re.compile(r"[0-9]{18}\Z")


def nip_problem(nip: str) -> tuple[str, dict[str, str]] | None:
    """Return ``(code, params)`` describing what is wrong, or ``None`` if structurally valid."""
    if not _NIP.match(nip):
        return "nip.format", {"value": nip}
    try:
        born = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "nip.birth", {"value": nip, "part": nip[0:8]}
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12 or year < born.year + 15:
        return "nip.appointment", {"value": nip, "part": nip[8:14]}
    if nip[14] not in "12":
        return "nip.gender", {"value": nip, "part": nip[14]}
    if nip[15:18] == "000":
        return "nip.serial", {"value": nip}
    return None


def normalise(nip: str) -> str:
    """Accept the printed form with spaces (``19650612 198703 1 007``)."""
    return nip.replace(" ", "")
