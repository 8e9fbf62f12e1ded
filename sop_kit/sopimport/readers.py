"""A document file (.txt, .docx, text-layer .pdf) as the line stream the importer reads.

Every failure is a refusal with a catalogue code naming the file (and the line, where there is
one), never a traceback: a binary file, an empty one, a .docx that is some other zip or a zip
bomb, broken XML, a PDF without a text layer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import ConfigError
from .notes import Notes
from .text import Line, Place, lines_of

MAX_BYTES = 20_000_000
# Control characters no text file holds (tab, line feed, form feed and carriage return aside).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


@dataclass
class Source:
    lines: list[Line]
    places: dict[int, Place] = field(default_factory=dict)  # .docx and PDF: where each line came from


def read_source(path: Path, shown: str, notes: Notes) -> Source:
    try:
        if not path.is_file():
            raise ConfigError("import.missing_file", shown)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ConfigError("import.too_large", shown, size=size, limit=MAX_BYTES)
        suffix = path.suffix.lower()
        if suffix == ".docx":
            from .word import docx_lines

            built = docx_lines(path, shown)
            source = Source(built.lines(), built.places)
        elif suffix == ".pdf":
            from .pdf import pdf_lines

            built = pdf_lines(path.read_bytes(), shown)
            source = Source(built.lines(), built.places)
        elif suffix in (".txt", ".text", ".md", ""):
            source = Source(lines_of(_plain_text(path.read_bytes(), shown, notes)))
        else:
            raise ConfigError("import.unknown_type", shown, suffix=suffix)
    except OSError as exc:
        raise ConfigError("import.unreadable", shown, reason=exc.strerror or type(exc).__name__) from None
    if not any(not line.blank for line in source.lines):
        raise ConfigError("import.empty", shown)
    return source


def _plain_text(raw: bytes, shown: str, notes: Notes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252 — what Notepad and
    Word save on an Indonesian office's Windows — with a note naming the first line that is not UTF-8."""
    if raw.startswith((b"%PDF", b"PK\x03\x04")):
        raise ConfigError("import.wrong_suffix", shown, kind="PDF" if raw.startswith(b"%PDF") else ".docx/zip")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ConfigError("import.not_text", shown, _line_at(raw, exc.start)) from None
    if bad := _CONTROL.search(raw):
        raise ConfigError("import.not_text", shown, _line_at(raw, bad.start()))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first = _line_at(raw, exc.start)
    if bad := _CP1252_UNDEFINED.search(raw):
        raise ConfigError("import.not_text", shown, _line_at(raw, bad.start()))
    notes.guess("import.encoding_guess", first, encoding="Windows-1252")
    return raw.decode("cp1252")


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
