"""A PDF with a text layer as lines: its tables found from their ruling lines, the text around
them by word positions, page by page in reading order.

pdfplumber (on pdfminer.six) finds each table from the lines and rectangles that draw it, and
puts every character in the cell whose box holds it. So a cell that wraps ('30' / 'Menit') stays
one cell, merged header cells stay one cell, and an empty swimlane keeps its column: a flattened
text layout loses all three. A table that runs on to the next page (its header repeated there)
is read as one.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from typing import Any

from ..core.errors import ConfigError
from .grid import Cell, Grid, add_table, join_cell
from .text import Lines, Place

MAX_PAGES = 60
_GAP = 2.0  # a gap wider than this many character widths between words marks a column


@dataclass
class _Block:
    page: int
    top: float
    text: str | None = None  # a line outside the tables
    grid: Grid | None = None
    last: bool = False  # the last table of its page
    rows: list[Place] | None = None  # where each row of the table was printed


def pdf_lines(raw: bytes, shown: str) -> Lines:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ConfigError("import.pdf_pages", shown, pages=len(pdf.pages), limit=MAX_PAGES)
            blocks: list[_Block] = []
            chars = 0
            for number, page in enumerate(pdf.pages, start=1):
                chars += len(page.chars)
                blocks += _page_blocks(page, number)
                page.close()  # frees the page's parsed objects as we go
    except ConfigError:
        raise
    except Exception as exc:  # pdfminer reports a malformed file with many exception types
        raise ConfigError("import.bad_pdf", shown, detail=type(exc).__name__) from None
    if not chars:
        raise ConfigError("import.pdf_no_text", shown)
    return _lines(_join_continued(blocks))


def _page_blocks(page: Any, number: int) -> list[_Block]:
    tables = [t for t in page.find_tables() if len(t.rows) > 1 or len(t.rows[0].cells) > 1]
    # A box drawn inside a cell (a flowchart shape) is found as a table of its own: not one.
    tables = [t for t in tables if not any(o is not t and _inside(t.bbox, o.bbox) for o in tables)]
    blocks = [
        _Block(number, t.bbox[1], grid=_grid(t.extract()), rows=_places(number, k, len(t.rows)))
        for k, t in enumerate(tables, start=1)
    ]
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
    blocks += [_Block(number, top, text=text) for top, text in _text_lines(rest)]
    blocks.sort(key=lambda b: b.top)
    last = [b for b in blocks if b.grid is not None]
    if last:
        last[-1].last = True
    return blocks


def _places(page: int, table: int, rows: int) -> list[Place]:
    return [Place("import.at_page_table", (("page", page), ("table", table), ("row", r))) for r in range(1, rows + 1)]


def _inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _grid(rows: list[list[str | None]]) -> Grid:
    return [[None if c is None else tuple(c.split("\n")) for c in row] for row in rows]


def _text_lines(page: Any) -> list[tuple[float, str]]:
    """Words grouped into lines by their baseline; a wide gap between two words becomes a run of
    spaces, so a table drawn without lines still reads as cells (flattened: its empty cells,
    and so its lanes, are lost)."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(page.extract_words(use_text_flow=False), key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines: list[tuple[float, str]] = []
    for k, row in enumerate(rows):
        height = row[0]["bottom"] - row[0]["top"]
        if k and row[0]["top"] - rows[k - 1][0]["bottom"] > 0.8 * height:
            lines.append((row[0]["top"] - 0.1, ""))  # space between paragraphs: a blank line, as in text
        lines.append(_line(row))
    return lines


def _line(words: list[dict[str, Any]]) -> tuple[float, str]:
    words.sort(key=lambda w: w["x0"])
    text = words[0]["text"]
    for before, word in itertools.pairwise(words):
        width = (before["x1"] - before["x0"]) / max(1, len(before["text"]))
        text += "  " if word["x0"] - before["x1"] > _GAP * width else " "
        text += word["text"]
    return words[0]["top"], text


def _join_continued(blocks: list[_Block]) -> list[_Block]:
    """A table that ends its page and one that opens the next (only lines above it there) with
    as many columns are one table; the header rows the next page repeats are dropped. The lines
    between (page footer, page header) stay where they are, after the table's start."""
    out: list[_Block] = []
    for block in blocks:
        previous = next((b for b in reversed(out) if b.grid is not None), None)
        if (
            block.grid is not None
            and previous is not None
            and previous.grid is not None
            and previous.last
            and previous.page == block.page - 1
            and not any(b.grid is not None for b in blocks if b.page == block.page and b.top < block.top)
            and len(block.grid[0]) == len(previous.grid[0])
        ):
            rows = _without_repeated_header(block.grid, previous.grid)
            previous.grid = [*previous.grid, *rows]
            previous.rows = [*(previous.rows or []), *(block.rows or [])[len(block.grid) - len(rows) :]]
            previous.last, previous.page = block.last, block.page
            continue
        out.append(block)
    return out


def _without_repeated_header(grid: Grid, first: Grid) -> Grid:
    def text(row: list[Cell]) -> list[str]:
        return [join_cell(c) if c else "" for c in row]

    header = [text(row) for row in first[:3]]
    skip = 0
    while skip < len(grid) and text(grid[skip]) in header:
        skip += 1
    return grid[skip:]


def _lines(blocks: list[_Block]) -> Lines:
    out = Lines()
    for block in blocks:
        if block.grid is None:
            out.add(block.text or "", Place("import.at_page", (("page", block.page),)))
        else:
            add_table(block.grid, out, (block.rows or []).__getitem__, paragraphs=False)
    return out
