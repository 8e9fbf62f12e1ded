"""The files of a case folder judged by their names and their content, as a hostile clerk
might have made them.

* Names: every office PC runs Windows, and many laptops a case-insensitive file system. A name
  Windows reserves (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``, ``LPT1``–``LPT9``,
  with any extension), a character it forbids (``<>:"|?*``, control characters) or a trailing
  dot or space makes the archive impossible to check out there; two names equal once case is
  folded and Unicode normalised (NFC) become one file there, and one published page. A path
  too long for Windows' 260 characters, once the clone's own folder is in front, cannot be
  checked out there either (Git for Windows leaves ``core.longpaths`` off).
* Sizes: a limit per attachment and per case (``berkas_maks_mb``, ``kasus_maks_mb`` in
  ``sop-kit.yaml``), checked from the folder listing before anything is read.
* Images: their pixel count read from the PNG or JPEG header, before anything is decoded: a
  decompression bomb is refused by the check, not discovered by the renderer.
* PDFs: opened with pikepdf (qpdf) and every object read for active content: JavaScript,
  launch or import actions, actions that run on their own (``OpenAction``, ``AA``), embedded
  files, XFA forms and rich media. Such a file is refused, and so never published.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from typing import TYPE_CHECKING, BinaryIO

from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder
from ..records.layout import CASES_DIR

if TYPE_CHECKING:  # pikepdf is imported only when a PDF is read: a cached check never needs it
    import pikepdf

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; Pillow's own bomb limit is about 89 M
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10))})
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')
# Characters of a path from the archive folder's name on (records/kasus/…): Windows' 260 less
# room for where an office clones it (C:\Users\…\Documents\arsip-dinsos\ and the like).
PATH_LIMIT = 200
# Action types that run code, start programs, read or send data, or open embedded content.
_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute", "/GoToE"})
_MAX_OBJECTS = 500_000  # a PDF with more is refused rather than read to the end


def folder_findings(archive: Archive, case: CaseFolder) -> Iterator[Finding]:
    """Names Windows cannot hold or tells apart no longer, and a folder over its size limit."""
    seen: dict[str, str] = {}
    clashed: list[str] = []
    folder = f"{archive.root.resolve().name}/{CASES_DIR}/{case.path.parent.name}/{case.path.name}/"
    for name in sorted(case.files):
        shown = archive.show(case.path / name)
        if any(name.startswith(c + "/") for c in clashed):
            continue  # inside a folder already reported
        if case.files[name].kind == "name":
            yield Finding(Severity.ERROR, "file.name_encoding", shown, None, {"path": name}, case.id)
            continue
        problem = name_problem(name.rsplit("/", 1)[-1])
        if problem is not None:
            code, params = problem
            yield Finding(Severity.ERROR, code, shown, None, {"path": name, **params}, case.id)
        if len(folder) + len(name) > PATH_LIMIT:
            params = {"path": name, "length": len(folder) + len(name), "limit": PATH_LIMIT}
            yield Finding(Severity.ERROR, "file.path_long", shown, None, params, case.id)
        key = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
        if key in seen:
            clashed.append(name)
            params = {"path": name, "name": _spelled(name), "other": _spelled(seen[key])}
            yield Finding(Severity.ERROR, "file.name_clash", shown, None, params, case.id)
        else:
            seen[key] = name
    total = sum(e.size for e in case.files.values() if e.kind == "file")
    limit = archive.config.max_case_bytes
    if total > limit:
        params = {"size": _mb(total), "limit": _mb(limit)}
        yield Finding(Severity.ERROR, "file.case_too_large", case.shown, None, params, case.id)


def _spelled(name: str) -> str:
    """A name with its combining marks made visible: café (NFC) and café (NFD) look alike."""
    marks = [f"U+{ord(c):04X}" for c in name if unicodedata.combining(c)]
    return f"{name} ({', '.join(marks)})" if marks else name


def name_problem(part: str) -> tuple[str, dict[str, object]] | None:
    """Why Windows cannot hold a file or folder named ``part`` (one path component)."""
    bad = _FORBIDDEN.search(part)
    if bad:
        char = bad.group()
        return "file.name_char", {"char": char if char.isprintable() else f"U+{ord(char):04X}"}
    if part.endswith((".", " ")):
        return "file.name_trailing", {}
    if part.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        return "file.name_reserved", {"name": part.split(".", 1)[0]}
    return None


def content_findings(path: str, kind: str | None) -> Iterator[tuple[str, dict[str, object]]]:
    """(code, params) of what an attachment's content is refused for, by its sniffed kind."""
    if kind in ("png", "jpeg"):
        with open(path, "rb") as fh:
            size = image_size(fh)
        if size is None:
            yield "file.image_unreadable", {}
        elif size[0] * size[1] > MAX_PIXELS:
            yield "file.too_many_pixels", {"width": size[0], "height": size[1], "limit": MAX_PIXELS // 1_000_000}
    elif kind == "pdf":
        yield from _pdf(path)


def size_finding(size: int, limit: int) -> dict[str, object] | None:
    """The params of ``file.too_large`` when ``size`` bytes exceed ``limit``."""
    return {"size": _mb(size), "limit": _mb(limit)} if size > limit else None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


# --- images: the size from the header, nothing decoded ---------------------------------

_SOF = frozenset({*range(0xC0, 0xD0)} - {0xC4, 0xC8, 0xCC})  # frame headers (not DHT, JPG, DAC)


def image_size(fh: BinaryIO) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR or a JPEG's frame header; None if neither is there.
    Reads only headers: a JPEG's segments are skipped by their lengths, never decoded."""
    head = fh.read(24)
    if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if not head.startswith(b"\xff\xd8"):
        return None
    fh.seek(2)
    for _ in range(1000):  # segments before the frame header: a few dozen in any real photo
        marker = fh.read(2)
        while len(marker) == 2 and marker[0] == 0xFF and marker[1] == 0xFF:  # fill bytes
            marker = marker[1:] + fh.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if marker[1] in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            continue
        length = fh.read(2)
        if len(length) < 2:
            return None
        size = struct.unpack(">H", length)[0]
        if marker[1] in _SOF:
            frame = fh.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        if size < 2:
            return None
        fh.seek(size - 2, 1)
    return None


def image_size_of(data: bytes) -> tuple[int, int] | None:
    return image_size(BytesIO(data))


def header_refusal(data: bytes, name: str) -> tuple[str, str] | None:
    """Why an image may not be decoded, judged from its header alone (not even Pillow, which
    warns on the terminal about a large one): (reason, message), or None when it may be."""
    size = image_size_of(data)
    if size is None:
        return "not-an-image", f"{name}: not an image"
    if size[0] * size[1] > MAX_PIXELS:
        return "too-many-pixels", f"{name}: {size[0]}x{size[1]} pixels"
    return None


# --- PDFs: every object read for active content ----------------------------------------


def _pdf(path: str) -> Iterator[tuple[str, dict[str, object]]]:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            found = _active(pdf)
    except pikepdf.PasswordError:
        yield "file.pdf_unreadable", {"error": "encrypted"}
        return
    except (pikepdf.PdfError, OSError, RecursionError, ValueError) as exc:
        yield "file.pdf_unreadable", {"error": str(exc).rsplit(": ", 1)[-1][:120]}
        return
    if found:
        yield "file.pdf_active", {"what": ", ".join(sorted(found))}


def _active(pdf: pikepdf.Pdf) -> set[str]:
    """What active content the PDF holds, by name: every indirect object is read, with the
    direct values inside it (indirect ones are read in their turn, never twice)."""
    import pikepdf

    containers = (pikepdf.Dictionary, pikepdf.Array)
    found: set[str] = set()
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        found |= {
            what for key, what in (("/JavaScript", "JavaScript"), ("/EmbeddedFiles", "EmbeddedFile")) if key in names
        }
    opening = root.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary) and opening.get("/S") not in (None, "/GoTo"):
        found.add("OpenAction")
    acroform = root.get("/AcroForm")
    if isinstance(acroform, pikepdf.Dictionary) and "/XFA" in acroform:
        found.add("XFA")
    for count, obj in enumerate(pdf.objects):
        if count > _MAX_OBJECTS:
            found.add(f"more than {_MAX_OBJECTS} objects")
            break
        stack = [obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj]
        while stack:
            item = stack.pop()
            if isinstance(item, pikepdf.Dictionary):
                found |= _dict_active(item)
                values = list(item.values())
            elif isinstance(item, pikepdf.Array):
                values = list(item)
            else:
                continue
            stack += [v for v in values if isinstance(v, containers) and not v.is_indirect]
    return found


def _dict_active(item: pikepdf.Dictionary) -> set[str]:
    import pikepdf

    found = set()
    action = item.get("/S")
    if isinstance(action, pikepdf.Name) and str(action) in _ACTIONS:
        found.add(str(action)[1:])
    if "/JS" in item:
        found.add("JavaScript")
    if "/AA" in item:
        found.add("AA")
    if "/EF" in item or item.get("/Type") == "/EmbeddedFile" or item.get("/Subtype") == "/FileAttachment":
        found.add("EmbeddedFile")
    if item.get("/Subtype") in ("/RichMedia", "/Movie", "/Sound", "/Screen"):
        found.add("RichMedia")
    return found
