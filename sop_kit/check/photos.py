"""Photos checked against the step they document: when and where they were taken.

A photo's EXIF ``DateTimeOriginal`` (read in its ``OffsetTimeOriginal`` when the camera wrote
one, otherwise taken as local time, WIB) must fall within the time of its step: from the start
of the step, or of the step it follows (a documentation step photographs the activity before
it, as step 7 of SOP 61.1.D.049 documents the coaching of step 6), to the end of the step,
give or take :data:`TOLERANCE` for a camera clock set a little wrong. Otherwise a warning
names the photo and both dates. A photo without a date (a scan, or stripped by a messaging
app) is not judged.

Photos of one step whose GPS positions lie more than :data:`SPREAD_KM` apart (farther than
the places of one coaching session in one desa) get a note naming the two photos.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from io import BytesIO

from PIL import ExifTags, Image

from ..core.findings import Finding, Severity
from ..records.archive import CaseFolder, StepFile
from ..records.extensions import ending
from ..records.fieldtypes import office_time
from ..records.models import Sop
from ..records.rounds import Progress

TOLERANCE = timedelta(hours=2)  # a camera clock off by an hour or two (summer time abroad, a wrong zone)
SPREAD_KM = 3.0  # wider than one coaching session's places in one desa
_HEAD = 70 * 1024  # EXIF lives in a JPEG's APP1 segment (at most 64 KiB) right after its start
_PHOTO = ("jpg", "jpeg", "png")


@dataclass(frozen=True)
class Taken:
    when: datetime | None  # local time (WIB), naive like the records
    where: tuple[float, float] | None  # latitude, longitude in degrees


def read_taken(path: str) -> Taken:
    """When and where a photo was taken, from its EXIF; nothing when it has none or cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            head = fh.read(_HEAD)
        with warnings.catch_warnings():  # a corrupt EXIF block is no news for the clerk's terminal
            warnings.simplefilter("ignore")
            exif = Image.open(BytesIO(head)).getexif()
            return Taken(exif_time(exif), _where(exif))
    except Exception:  # a hostile or broken file: Pillow may raise anything; its type is judged elsewhere
        return Taken(None, None)


def exif_time(exif: Image.Exif) -> datetime | None:
    """When a photo was taken, in office time (WIB), naive like the records: ``DateTimeOriginal``,
    else ``DateTime`` (a camera without a clock writes zeros or blanks), each read in the offset
    the camera wrote for it (``OffsetTimeOriginal``, ``OffsetTime``), otherwise taken as WIB.
    The one reading of a photo's date: the check judges it, the case page and the dossier show it."""
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    for stamp, offset in (
        (ifd.get(ExifTags.Base.DateTimeOriginal), ifd.get(ExifTags.Base.OffsetTimeOriginal)),
        (exif.get(ExifTags.Base.DateTime), ifd.get(ExifTags.Base.OffsetTime)),
    ):
        moment = _moment(stamp)
        if moment is None:
            continue
        zone = _text(offset)
        if zone:
            try:
                return office_time(datetime.fromisoformat(f"{moment:%Y-%m-%dT%H:%M:%S}{zone}"))
            except ValueError:
                pass
        return moment
    return None


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else None


def _moment(value: object) -> datetime | None:
    # EXIF writes "YYYY:MM:DD HH:MM:SS"
    text = _text(value)
    try:
        return datetime.strptime(text, "%Y:%m:%d %H:%M:%S") if text else None
    except ValueError:
        return None


def _where(exif: Image.Exif) -> tuple[float, float] | None:
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    try:
        lat = _degrees(gps[ExifTags.GPS.GPSLatitude], gps.get(ExifTags.GPS.GPSLatitudeRef))
        lon = _degrees(gps[ExifTags.GPS.GPSLongitude], gps.get(ExifTags.GPS.GPSLongitudeRef))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _degrees(dms: tuple[float, float, float], ref: object) -> float:
    value = float(dms[0]) + float(dms[1]) / 60 + float(dms[2]) / 3600
    return -value if ref in ("S", "W") else value


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _window(sop: Sop, prog: Progress, step: StepFile) -> tuple[datetime, datetime] | None:
    rec = step.record
    if rec.mulai is None or rec.selesai is None:
        return None
    starts = [rec.mulai]
    for pre in sop.prerequisites(rec.langkah):
        found = prog.latest(pre, rec.putaran)
        if found is not None and found.record.mulai is not None:
            starts.append(found.record.mulai)
    return min(starts), rec.selesai


def photo_findings(case: CaseFolder, sop: Sop, prog: Progress) -> Iterator[Finding]:
    for steps in prog.rounds.values():
        for step in steps.values():
            yield from _step_photos(case, sop, prog, step)


def _step_photos(case: CaseFolder, sop: Sop, prog: Progress, step: StepFile) -> Iterator[Finding]:
    window = _window(sop, prog, step)
    placed: list[tuple[str, tuple[float, float]]] = []
    for i, doc in enumerate(step.record.dokumen):
        entry = case.files.get(doc.berkas)
        if ending(doc.berkas) not in _PHOTO or entry is None or entry.kind != "file":
            continue
        taken = read_taken(f"{case.path}/{doc.berkas}")
        line = step.loaded.line_of(("dokumen", i, "berkas"))
        if taken.where is not None:
            placed.append((doc.berkas, taken.where))
        if window is None or taken.when is None:  # a scan or a stripped photo: nothing to match
            continue
        if not window[0] - TOLERANCE <= taken.when <= window[1] + TOLERANCE:
            params = {
                "path": doc.berkas,
                "taken": f"{taken.when:%Y-%m-%d %H:%M}",
                "start": f"{window[0]:%Y-%m-%d %H:%M}",
                "end": f"{window[1]:%Y-%m-%d %H:%M}",
                "no": step.record.langkah,
            }
            yield Finding(Severity.WARNING, "photo.outside_step", step.loaded.file, line, params, case.id)
    far = max(
        ((distance_km(a[1], b[1]), a[0], b[0]) for i, a in enumerate(placed) for b in placed[i + 1 :]), default=None
    )
    if far is not None and far[0] > SPREAD_KM:
        params = {"a": far[1], "b": far[2], "km": f"{far[0]:.1f}", "limit": f"{SPREAD_KM:g}", "no": step.record.langkah}
        yield Finding(
            Severity.INFO, "photo.far_apart", step.loaded.file, step.loaded.line_of(("dokumen",)), params, case.id
        )
