"""A Word document (.docx) as lines: its paragraphs and its tables' real grid, in document order.

A .docx is a zip of XML written by whoever sent it, so it is checked before anything is
inflated: the number of members and their declared sizes (a zip bomb declares gigabytes, and
Python's zip reader never inflates a member past its declared size), then each XML part is
parsed on its own so that broken XML is reported with its part and line, never as a traceback.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from ..core.errors import ConfigError
from .grid import Cell, Grid, add_table
from .text import Lines, Place

MAX_MEMBERS = 1000
MAX_INFLATED = 40_000_000  # bytes, all members together: a logo and a few pages of XML need far less
MAX_XML = 8_000_000  # bytes, one XML part (lxml's tree is several times bigger)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def docx_lines(path: Path, shown: str) -> Lines:
    _check_zip(path, shown)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        out = Lines()
        paragraph = table = 0
        in_list = False
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                paragraph += 1
                place = Place("import.at_paragraph", (("n", paragraph),))
                lines = [*_paragraph(block._p), *_text_boxes(block._p)]
                item = lines[0].startswith("- ")
                if in_list and not item:
                    out.add("", place)  # a paragraph after a list is no wrapped line of its last item
                in_list = item
                for line in lines:
                    out.add(line, place)
            elif isinstance(block, Table):
                table += 1
                in_list = False
                add_table(_grid(block), out, _row_place(table), paragraphs=True)
        return out
    except ConfigError:
        raise
    except Exception as exc:  # python-docx reports a malformed package with many exception types
        raise ConfigError("import.bad_docx", shown, detail=type(exc).__name__) from None


def _row_place(table: int) -> Callable[[int], Place]:
    return lambda r: Place("import.at_table", (("table", table), ("row", r + 1)))


def _check_zip(path: Path, shown: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            inflated = sum(m.file_size for m in members)
            if len(members) > MAX_MEMBERS or inflated > MAX_INFLATED:
                raise ConfigError("import.docx_too_big", shown, size=inflated, count=len(members),
                                  limit=MAX_INFLATED, max_count=MAX_MEMBERS)  # fmt: skip
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    _check_xml(archive, member, shown, len(members))
    except ConfigError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ConfigError("import.bad_docx", shown, detail=type(exc).__name__) from None


def _check_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo, shown: str, count: int) -> None:
    """One XML part, parsed as a stream (nothing kept): well-formed, and without a DOCTYPE —
    Word writes none, and one is where entity bombs live."""
    if member.file_size > MAX_XML:
        raise ConfigError("import.docx_too_big", shown, size=member.file_size, count=count, limit=MAX_XML,
                          max_count=MAX_MEMBERS)  # fmt: skip
    parser = expat.ParserCreate()

    def doctype(*_: object) -> None:
        raise ConfigError("import.docx_xml", shown, part=member.filename, xml_line=parser.CurrentLineNumber,
                          detail="DOCTYPE")  # fmt: skip

    parser.StartDoctypeDeclHandler = doctype
    try:
        with archive.open(member) as fh:
            parser.ParseFile(fh)
    except expat.ExpatError as exc:
        raise ConfigError("import.docx_xml", shown, part=member.filename, xml_line=exc.lineno,
                          detail=expat.ErrorString(exc.code)) from None  # fmt: skip


def _paragraph(p: Any) -> list[str]:
    """A paragraph's own text (not its text boxes') as lines, split at manual line breaks; an
    item Word numbers itself gets '- ' in front, since its number is not in the text."""
    parts = [""]
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if _in_box(node, p):
            continue
        if node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("")
        else:
            parts[-1] += "\t" if node.tag == f"{_W}tab" else (node.text or "")
    style = p.find(f"{_W}pPr/{_W}pStyle")
    numbered = p.find(f"{_W}pPr/{_W}numPr") is not None or (
        style is not None and str(style.get(f"{_W}val", "")).startswith(("ListNumber", "ListBullet"))
    )
    if numbered and parts[0].strip():
        parts[0] = f"- {parts[0].strip()}"
    return parts


def _in_box(node: Any, stop: Any) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in (f"{_W}txbxContent", _FALLBACK):
            return True
    return False


def _text_boxes(element: Any) -> list[str]:
    """Text in drawings anchored in ``element`` (an arrow's 'Ya' / 'Tidak' label is often a text
    box), once: the VML copy Word keeps in mc:Fallback is skipped."""
    out: list[str] = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(a.tag == _FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            out += _paragraph(p)
    return [t for t in out if t.strip()]


def _grid(table: Any) -> Grid:
    """The layout grid, merged cells included: a cell spanning columns (gridSpan) or rows
    (vMerge) is held at its first position and None where it continues."""
    tcs: list[list[Any]] = []
    for row in table.rows:
        tcs.append([None] * row.grid_cols_before + [cell._tc for cell in row.cells])
    grid: Grid = []
    cells: dict[int, Cell] = {}
    for r, row_tcs in enumerate(tcs):
        out: list[Cell] = []
        for j, tc in enumerate(row_tcs):
            covered = tc is None or (j and row_tcs[j - 1] is tc) or (r and j < len(tcs[r - 1]) and tcs[r - 1][j] is tc)
            if covered:
                out.append(None)
                continue
            if id(tc) not in cells:
                cells[id(tc)] = _cell_lines(tc)
            out.append(cells[id(tc)])
        grid.append(out)
    return grid


def _cell_lines(tc: Any) -> tuple[str, ...]:
    """The cell's paragraphs (those of a table nested in it too), then its text boxes."""
    lines = [line for p in tc.iter(f"{_W}p") if not _in_box(p, tc) for line in _paragraph(p)]
    return tuple([*lines, *_text_boxes(tc)])
