"""The personal-data scan of what is published: after every build the whole site is read
back, and every public PDF before it replaces the last; any hit fails the build or the PDF.

Sites and public PDFs are made from redacted data, so this is the second line of defence: it catches a
child's name a clerk typed into a public note, a template that printed the wrong field, a
photo that kept its GPS tag. It reads files as a visitor's tools would: HTML entities and
JSON escapes decoded, Pagefind's gzip'd index unpacked, PDF text extracted, image metadata
opened. Matches are reported masked, so the build log does not leak what it found.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image

from ..core.cache import read_json, write_json
from ..core.workers import fork_context
from . import personal
from .matcher import Matcher, matcher, stored_matcher
from .personal import fold, personal_numbers

KINDS = ("nik", "telepon", "nilai-pribadi", "metadata-foto", "tautan")
# Joins the separate values of a JSON file or a Pagefind index: no pattern may match across
# two of them (adjacent numbers of a JSON row, or sorted index words, are not a phone number).
_APART = " | "
MAX_GUNZIP = 64 << 20  # a gzip bomb is searched up to here, never unpacked whole
CONTEXT = 30  # characters of context either side of a hit
_PDF_CACHE = "pdf-teks-3"  # bump when the extraction changes, so old cached text is not reused
_PAGEFIND = b"pagefind_dcd"
_GZIP = b"\x1f\x8b"


@dataclass(frozen=True)
class Identifiers:
    """Identifiers the build itself publishes (commit ids, file hashes, case ids, its own
    build id): made of hex digits, one can look like a phone number or a NIK by chance
    ("0837189737…"), and must never be read as personal data."""

    exact: frozenset[str] = frozenset()  # lower-case, each also by its customary short forms
    long: tuple[str, ...] = ()  # whole hashes, for pieces a PDF line break leaves of them
    numbers: frozenset[str] = frozenset()  # the office's own phone (Archive.public_numbers)

    @classmethod
    def of(cls, values: Iterable[str], numbers: frozenset[str] = frozenset()) -> Identifiers:
        full = {v.lower() for v in values if v}
        short = {v[:n] for v in full if len(v) >= 40 for n in (7, 10, 12)}
        return cls(frozenset(full | short), tuple(sorted(v for v in full if len(v) >= 40)), numbers)

    def covers(self, text: str, start: int, end: int) -> bool:
        """Is the match ``text[start:end]`` part of a known identifier (the whole run of hex
        digits around it is one, or a piece of a hash)?"""
        while start > 0 and text[start - 1] in _HEX:
            start -= 1
        while end < len(text) and text[end] in _HEX:
            end += 1
        run = text[start:end]
        return run in self.exact or (len(run) >= 8 and any(run in h for h in self.long))


_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Hit:
    file: str  # relative to the scanned root, '/'-separated
    what: str  # one of KINDS
    excerpt: str  # context with every matched value masked
    # What matched, folded: kept to trace the hit to its record (:mod:`.leaks`), never shown.
    value: str = field(default="", repr=False)


# --- reading files as text ------------------------------------------------------------

_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([/\\\"'])|[nrt])")


def _unescape_one(m: re.Match[str]) -> str:
    code = m.group(1) or m.group(2)
    if code:
        return chr(int(code, 16))
    return m.group(3) or " "


def _unescape(text: str) -> str:
    """JSON/JS string escapes, then HTML entities: the site writes free text with both."""
    if "\\" in text:
        text = _ESCAPE.sub(_unescape_one, text)
    return html.unescape(text) if "&" in text else text


def _json_text(data: bytes) -> str | None:
    try:
        root = json.loads(data)
    except (ValueError, RecursionError):
        return None
    parts: list[str] = []
    stack = [root]
    while stack:  # a stack, not recursion: a deeply nested file must not crash the scan
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):
            parts.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int | float) and not isinstance(item, bool):
            parts.append(str(item))  # a NIK stored as a number
    return _unescape(_APART.join(parts))


def _cbor_strings(data: bytes) -> list[str] | None:
    """The text strings and integers of a CBOR item sequence, or None when it is not CBOR.

    Read flat, item head by item head: arrays and maps need no nesting to find their strings.
    Decoding the bytes as text instead would glue each string to its length byte ('d' + "siti").
    """
    out: list[str] = []
    pos, end = 0, len(data)
    while pos < end:
        head = data[pos]
        pos += 1
        major, info = head >> 5, head & 31
        if info < 24:
            arg = info
        elif info < 28:
            size = 1 << (info - 24)
            if pos + size > end:
                return None
            arg = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        elif info == 31 and major in (2, 3, 4, 5, 7):
            continue  # indefinite length, or its break
        else:
            return None
        if major in (2, 3):
            if pos + arg > end:
                return None
            if major == 3:
                out.append(data[pos : pos + arg].decode("utf-8", "ignore"))
            pos += arg
        elif major in (0, 1):
            out.append(str(arg if major == 0 else -1 - arg))
    return out


def _gunzip(data: bytes) -> bytes | None:
    """All gzip members, up to MAX_GUNZIP bytes; None if not even the start unpacks."""
    out = bytearray()
    rest = data
    try:
        while rest[:2] == _GZIP and len(out) < MAX_GUNZIP:
            unpack = zlib.decompressobj(wbits=31)
            chunk = rest
            while chunk and not unpack.eof and len(out) < MAX_GUNZIP:
                out += unpack.decompress(chunk, MAX_GUNZIP - len(out))
                chunk = unpack.unconsumed_tail
            if not unpack.eof:
                break  # cut short or over the limit: search what came out
            rest = unpack.unused_data
    except zlib.error:
        return bytes(out) if out else None
    return bytes(out)


def _payload_text(payload: bytes) -> str:
    """A gunzipped payload: Pagefind writes a signature, then JSON (fragments) or CBOR (the rest)."""
    signed = payload.startswith(_PAGEFIND)
    payload = payload.removeprefix(_PAGEFIND)
    if payload.lstrip()[:1] in (b"{", b"["):
        text = _json_text(payload)
        if text is not None:
            return text
    # Only behind the signature: plain text often reads as valid CBOR too, and would be lost.
    strings = _cbor_strings(payload) if signed else None
    if strings is not None:
        return _unescape(_APART.join(strings))
    return _decode(payload)


def _extract_pdf(data: bytes) -> str:
    """Everything of the PDF a reader can get at: its text, metadata, attachments and strings
    (:func:`_pdf_strings`), in this version and in each earlier one it still carries."""
    parts = [_pdf_parts(data)]
    # A PDF saved incrementally keeps every earlier version in its bytes, ended each by its own
    # %%EOF: "redacted" by an update that replaced a page, the family's name is still there for
    # anyone who opens the earlier version. Each is read as the PDF it was.
    ends = [m.end() for m in _EOF.finditer(data)][:-1][-PDF_REVISIONS:]
    parts += [_pdf_parts(data[:end]) for end in ends]
    # NFKC: WeasyPrint's ligatures come out as one character ("ﬁ"), which would split a name.
    return unicodedata.normalize("NFKC", "\n".join(parts))


_EOF = re.compile(rb"%%EOF[\r\n]*")
PDF_REVISIONS = 16  # earlier versions read; more is a crafted file, whose raw bytes are searched all the same


def _pdf_parts(data: bytes) -> str:
    # pypdf only when a PDF is scanned: a rebuild that changed none need not import it
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    parts: list[str] = []
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # the site's own PDFs are not encrypted; try the empty password
        parts += [str(v) for v in (reader.metadata or {}).values()]
        xmp = reader.root_object.get("/Metadata")
        xmp = xmp.get_object() if xmp is not None else None
        if isinstance(xmp, StreamObject):
            parts.append(xmp.get_data().decode("utf-8", "ignore"))
        parts += [page.extract_text() or "" for page in reader.pages]
        for name, contents in reader.attachments.items():
            parts.append(name)
            parts += [_decode(c) for c in contents]
        parts += _pdf_strings(reader.trailer)
    except Exception:  # pypdf raises many kinds on a broken file: search the raw bytes instead
        parts.append(data.decode("utf-8", "ignore"))
    return "\n".join(parts)


PDF_OBJECTS = 200_000  # objects walked for strings: more than any scan holds, and a bound on a crafted file


def _pdf_strings(trailer: Any) -> list[str]:
    """Every text string in the document's objects, which the pages' text does not hold: a
    sticky note or a typed box on a scan ("NIK 3214…" in an annotation), the values typed into
    a PDF form, bookmarks, named destinations. The viewer shows them all; the public site would
    publish them."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [trailer]
    while stack and len(seen) < PDF_OBJECTS:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            try:
                obj = obj.get_object()
            except Exception:  # a broken reference: the rest is still read
                continue
        if isinstance(obj, TextStringObject):
            out.append(str(obj))
        elif isinstance(obj, DictionaryObject):  # a stream's too: its keys, not its bytes
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return out


def _pdf_text(data: bytes, cache_dir: Path | None) -> str:
    """The PDF's text, cached by content: extracting a big site's PDFs again is the slow part."""
    if cache_dir is None:
        return _extract_pdf(data)
    path = cache_dir / f"{_PDF_CACHE}-{hashlib.sha256(data).hexdigest()}.json"
    cached = read_json(path)
    if isinstance(cached, dict) and isinstance(cached.get("text"), str):
        return str(cached["text"])
    text = _extract_pdf(data)
    write_json(path, {"text": text})
    return text


def _text_of(value: object) -> str:
    if isinstance(value, bytes):
        # Windows XP* tags and UserComment are often UTF-16: without the NULs the letters join up.
        return value.decode("utf-8", "ignore").replace("\0", "")
    return str(value)


def _image(data: bytes) -> tuple[list[str], list[str]] | None:
    """(text found in the metadata, a description of the metadata) of an image; None if unreadable."""
    try:
        with Image.open(BytesIO(data)) as im:
            info = dict(im.info)
            applist: list[tuple[str, bytes]] = getattr(im, "applist", [])
            exif = im.getexif()
            ifds = {
                ifd: dict(exif.get_ifd(ifd)) for ifd in (ExifTags.IFD.Exif, ExifTags.IFD.GPSInfo, ExifTags.IFD.IFD1)
            }
    except Exception:  # not an image Pillow can open: searched as bytes
        return None
    found: list[str] = []
    if len(exif) or "exif" in info or b"Exif\0\0" in data:
        details = [
            label
            for label, present in (
                ("GPS", ifds[ExifTags.IFD.GPSInfo]),
                ("nomor seri kamera", ExifTags.Base.BodySerialNumber in ifds[ExifTags.IFD.Exif]),
                ("gambar kecil tersemat", ifds[ExifTags.IFD.IFD1]),
                ("pembuat", ExifTags.Base.Artist in exif),
            )
            if present
        ]
        found.append("EXIF" + (f" ({', '.join(details)})" if details else ""))
    if "xmp" in info or "XML:com.adobe.xmp" in info or b"http://ns.adobe.com/xap/" in data:
        found.append("XMP")
    if any(marker == "APP13" for marker, _ in applist):
        found.append("IPTC")
    if info.get("comment"):
        found.append("komentar")
    texts = [_text_of(v) for v in info.values() if isinstance(v, str | bytes)]
    texts += [_text_of(v) for v in exif.values() if isinstance(v, str | bytes)]
    texts += [_text_of(v) for ifd in ifds.values() for v in ifd.values() if isinstance(v, str | bytes)]
    return texts, ([f"foto memuat metadata: {', '.join(found)}"] if found else [])


def _is_image(data: bytes) -> bool:
    return data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    )


def _decode(data: bytes) -> str:
    return _unescape(data.decode("utf-8", "ignore"))


def _texts(name: str, data: bytes, cache_dir: Path | None) -> tuple[list[str], list[str]]:
    """(texts to search, metadata findings) of one file, judged by its content before its name.
    A gzip'd payload (the search index) is returned as the one text of the index."""
    if data[:2] == _GZIP:
        payload = _gunzip(data)
        if payload is not None:
            return [_payload_text(payload)], []
    if b"%PDF-" in data[:1024]:
        return [_pdf_text(data, cache_dir)], []
    if _is_image(data):
        image = _image(data)
        if image is not None:
            return image
    if name.lower().endswith((".json", ".webmanifest", ".map")):
        text = _json_text(data)
        if text is not None:
            return [text], []
    return [_decode(data)], []


# --- matching -------------------------------------------------------------------------


def _compile_values(values: Collection[str], cache_dir: Path | None = None) -> Matcher:
    """The values' matcher; with ``cache_dir``, kept there between builds."""
    if cache_dir is None:
        return matcher(fold(v).lower() for v in values)
    key = hashlib.sha256("\n".join([_recipe(), *sorted(values)]).encode()).hexdigest()
    return stored_matcher(cache_dir / "pencocok", key, lambda: (fold(v).lower() for v in values))


@functools.cache
def _recipe() -> str:
    """How values are folded for the matcher: this module's code and the records' rules."""
    code = b"".join(Path(f or "").read_bytes() for f in (personal.__file__, __file__))
    return hashlib.sha256(code).hexdigest()


def _mask(value: str) -> str:
    return f"{value[:2]}…[{len(value)}]"


def _excerpt(shown: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """Context around one hit, with every hit inside it masked and none cut in half."""
    lo, hi = max(0, start - CONTEXT), min(len(shown), end + CONTEXT)
    for a, b in spans:
        if a < lo < b:
            lo = a
        if a < hi < b:
            hi = b
    out, pos = [], lo
    for a, b in spans:
        if b <= pos or a >= hi:
            continue
        out += [shown[pos:a] if a > pos else "", _mask(shown[max(a, pos) : b])]
        pos = b
    out.append(shown[pos:hi])
    text = "".join(c if c.isprintable() else "·" for c in "".join(out))
    return ("…" if lo else "") + text + ("…" if hi < len(shown) else "")


def _find(
    text: str, values: Matcher, ids: Identifiers | None = None, own: Matcher | None = None
) -> Iterator[tuple[str, str, str]]:
    """(kind, matched value, excerpt) of every hit in one text, of ``values`` and of ``own``
    (those of the case the text belongs to). With ``ids``, the text is read
    for the shapes of NIK/KK and phone numbers too, except inside those identifiers; without,
    only for the records' own values (a file name or the search index: generated words)."""
    norm = fold(text)
    low = norm.lower()
    shown = norm if len(norm) == len(low) else low  # lower() can lengthen a few letters
    found: list[tuple[int, int, str]] = []
    if ids is not None:
        for start, end, kind in personal_numbers(low, ids.numbers):
            if not ids.covers(low, start, end):
                found.append((start, end, kind))
    taken = [(a, b) for a, b, _ in found]
    for matches in [*values.spans(low), *(own.spans(low) if own else ())]:
        for start, end in matches:
            # A NIK or phone number that is also a record value is reported once, by its kind.
            if not any(a < end and start < b for a, b in taken):
                found.append((start, end, "nilai-pribadi"))
    found.sort()
    spans = [(a, b) for a, b, _ in found]
    if found and ids is None:  # not reported here, but never shown unmasked in an excerpt
        shapes = [(a, b) for a, b, _ in personal_numbers(low)]
        spans = sorted({*spans, *((a, b) for a, b in shapes if not any(x < b and a < y for x, y in spans))})
    for a, b, kind in found:
        yield kind, low[a:b], _excerpt(shown, spans, a, b)


# --- the scan -------------------------------------------------------------------------


def _walk(
    root: Path, since: float | None, changed: list[str] | None = None
) -> Iterator[tuple[str, os.DirEntry[str], bool]]:
    """Every entry under ``root`` but folders, and whether it may have changed since ``since``.
    A folder not modified since then (its mtime: no entry was added, removed or renamed in it)
    holds only what it held before, so its files need no ``stat`` each: a build replaces
    files by rename, never in place (sop_kit.site.publish). The folders that were modified
    (relative, "" for ``root``) are added to ``changed``."""
    stack = [("", str(root))]  # strings, not Paths: at 100,000 folders pathlib's cost shows
    while stack:
        prefix, folder = stack.pop()
        fresh = since is None or os.stat(folder).st_mtime >= since
        if fresh and changed is not None:
            changed.append(prefix.rstrip("/"))
        with os.scandir(folder) as it:
            entries = list(it)
        for entry in entries:  # in any order: the hits are sorted at the end
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append((rel + "/", entry.path))
            else:
                yield rel, entry, fresh


def scan_output(
    root: Path,
    values: Collection[str],
    cache_dir: Path | None = None,
    changed_since: float | None = None,
    jobs: int = 1,
    clean: set[str] | None = None,
    ids: Identifiers | None = None,
    changed: list[str] | None = None,
    by_case: Mapping[str, Collection[str]] | None = None,
) -> list[Hit]:
    """Every trace of personal data in the built site at ``root``, sorted by file.

    ``values`` are the records' own personal values
    (:func:`~sop_kit.records.personal.personal_values`), matched as
    whole words, case and spacing aside; NIK/KK and mobile numbers are found by their shape
    too. Symbolic links and special files are reported as ``tautan``: a link may point
    outside the site, and neither is a page to publish. ``cache_dir`` keeps extracted PDF text
    and the values' matcher.
    With ``changed_since`` (a time stamp), regular files last modified before it, or in a
    folder last modified before it, are skipped: an incremental build scans what it wrote,
    when the values are those of the last scan. Links and special files are looked for everywhere.
    ``jobs`` > 1 spreads the files over that many processes. ``clean`` holds digests of file
    contents already scanned clean for these same values: such files are not scanned again,
    and every file found clean now is added. ``ids`` are the identifiers the build publishes,
    never read as a NIK or a phone number. The folders modified since ``changed_since`` are
    added to ``changed`` (every folder without it). ``by_case`` holds, by case id, values
    searched for only in files whose path names that case (a name's word after "Bu").
    """
    global _scan
    hits: set[Hit] = set()
    files: list[tuple[str, str, str]] = []
    for rel, entry, maybe_new in _walk(root, changed_since, changed):
        if entry.is_symlink():
            hits.add(Hit(rel, "tautan", f"tautan simbolik ke {os.readlink(entry.path)}"))
        elif not entry.is_file(follow_symlinks=False):
            hits.add(Hit(rel, "tautan", "bukan berkas biasa (FIFO, soket atau perangkat)"))
        elif maybe_new:
            st = entry.stat(follow_symlinks=False)
            if changed_since is None or st.st_mtime >= changed_since:
                files.append((rel, entry.path, f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"))
    known = clean if clean is not None else set()
    # inherited by forked workers
    _scan = (_compile_values(values, cache_dir), cache_dir, frozenset(known), ids or Identifiers(), by_case or {})
    try:
        context = fork_context() if jobs > 1 and len(files) >= PARALLEL_FROM else None
        if context is not None:
            from concurrent.futures import ProcessPoolExecutor

            chunks = [files[i::jobs] for i in range(jobs)]
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                results = list(pool.map(_scan_files, chunks))
        else:
            results = [_scan_files(files)]
    finally:
        _scan = None
    for found, clean_now in results:
        hits.update(found)
        known.update(clean_now)
    return sorted(hits, key=lambda h: (h.file, KINDS.index(h.what), h.excerpt))


PARALLEL_FROM = 200  # files; fewer are scanned in the calling process
_scan: tuple[Matcher, Path | None, frozenset[str], Identifiers, Mapping[str, Collection[str]]] | None = None


def _scan_files(files: list[tuple[str, str, str]]) -> tuple[list[Hit], list[str]]:
    """The hits in ``files``, and the digests of those found clean: of the path and content,
    and of the path and file identity (size, time, inode), so that a hard-linked photo kept
    from the last build is not even read again."""
    assert _scan is not None
    patterns, cache_dir, known, ids, by_case = _scan
    hits: list[Hit] = []
    clean: list[str] = []
    for rel, path, identity in files:
        same_file = hashlib.sha256(f"{rel}\0{identity}".encode()).hexdigest()[:32]
        if same_file in known:
            continue
        data = Path(path).read_bytes()
        # The path is part of what is scanned, so it is part of what was found clean.
        digest = hashlib.sha256(rel.encode() + b"\0" + data).hexdigest()[:32]
        if digest in known:
            clean.append(same_file)
            continue
        before = len(hits)
        own = [by_case[part] for part in rel.split("/") if part in by_case]
        hits += _file_hits(rel, data, patterns, ids, cache_dir, matcher(own[0]) if own else None)
        if len(hits) == before:
            clean += [digest, same_file]
    return hits, clean


def _file_hits(
    rel: str, data: bytes, patterns: Matcher, ids: Identifiers, cache_dir: Path | None, own: Matcher | None = None
) -> list[Hit]:
    """The hits in one file; ``own`` matches the values of the case the file belongs to."""
    texts, metadata = _texts(rel.rsplit("/", 1)[-1], data, cache_dir)
    hits = [Hit(rel, "metadata-foto", m) for m in metadata]
    seen: set[tuple[str, str]] = set()
    # The path too, with separators as spaces: a photo may be named after the child in it.
    # Shapes are looked for in what people read, not in generated names or the search index
    # (its words come from the pages, which are read themselves).
    shapes = None if data[:2] == _GZIP else ids
    for text, look in [(re.sub(r"[./]+", " ", rel), None), *((t, shapes) for t in texts)]:
        for kind, value, excerpt in _find(text, patterns, look, own):
            key = (kind, value.replace(" ", ""))
            if key not in seen:  # one hit per value and file, however often it occurs
                seen.add(key)
                hits.append(Hit(rel, kind, excerpt, value))
    return hits


def scan_document(
    name: str, data: bytes, values: Collection[str], ids: Identifiers | None = None, cache_dir: Path | None = None
) -> list[Hit]:
    """The hits in one file about to be published (a public PDF before it replaces the last),
    found exactly as :func:`scan_output` finds them in a built site; ``name`` is its path as
    published, ``cache_dir`` keeps a PDF's extracted text as :func:`scan_output` does."""
    return _file_hits(name, data, _compile_values(values), ids or Identifiers(), cache_dir)
