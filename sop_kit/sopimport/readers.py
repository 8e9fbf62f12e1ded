"""A document file (.txt, .docx, text-layer .pdf) as the line/cell stream the importer reads.

Every failure is a refusal with a catalogue code, never a traceback: a binary file, an
empty one, a .docx that is some other zip, a PDF without a text layer."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..core.errors import ConfigError
from .text import Line, lines_of

MAX_BYTES = 20_000_000


def read_lines(path: Path, shown: str) -> list[Line]:
    if not path.is_file():
        raise ConfigError("import.missing_file", shown)
    if path.stat().st_size > MAX_BYTES:
        raise ConfigError("import.too_large", shown, size=path.stat().st_size, limit=MAX_BYTES)
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path, shown)
    elif suffix == ".pdf":
        text = _pdf_text(raw, shown)
    elif suffix in (".txt", ".text", ".md", ""):
        text = _plain_text(raw, shown)
    else:
        raise ConfigError("import.unknown_type", shown, suffix=suffix)
    lines = lines_of(text)
    if not any(not line.blank for line in lines):
        raise ConfigError("import.empty", shown)
    return lines


def _plain_text(raw: bytes, shown: str) -> str:
    if raw.startswith((b"%PDF", b"PK\x03\x04")) or b"\x00" in raw[:4096]:
        raise ConfigError("import.not_text", shown)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError("import.not_text", shown) from exc


def _docx_text(path: Path, shown: str) -> str:
    """Paragraphs and tables in document order; a table row is one line of tab-separated
    cells, a merged cell's text written once at its first grid position."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        out: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out += _table_lines(block, Table, Paragraph)
                out.append("")
        return "\n".join(out)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConfigError("import.bad_docx", shown, detail=type(exc).__name__) from None


def _table_lines(table: object, table_type: type, paragraph_type: type) -> list[str]:
    lines: list[str] = []
    above: list[object] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells, seen, texts = list(row.cells), set(), []
        for col, cell in enumerate(cells):
            tc = cell._tc
            first = id(tc) not in seen and not (col < len(above) and above[col] is tc)
            seen.add(id(tc))
            texts.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()) if first else "")
        above = [cell._tc for cell in cells]
        lines.append("\t".join(t.replace("\t", " ") for t in texts))
    return lines


def _pdf_text(raw: bytes, shown: str) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        # Layout mode keeps the table's columns apart by runs of spaces, which the cell
        # splitter reads as boundaries.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ConfigError("import.bad_pdf", shown, detail=type(exc).__name__) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ConfigError("import.pdf_no_text", shown)
    return text
