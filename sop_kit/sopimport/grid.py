"""A table as the .docx and PDF readers find it — a grid of cells, a merged cell held once at
its first position — turned into the line stream the identity and flowchart readers share.

Two kinds of table. A *data* table (the flowchart, the responsibility table) keeps its grid:
one tab-separated line per row, every cell in its column, so a swimlane mark or a 'Tidak'
stays in its lane. A *form* table (the SOP AP page: a merged heading cell on the left, label |
value rows, the paired list sections) is read row by row into the lines a text SOP would have:
the heading, 'Label<tab>: value', 'LIST LABEL :' followed by one item per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .flowchart import is_flowchart_header, is_responsibility_header
from .identity import LISTS, Label, match_label
from .text import Lines, Place, split_line

# A cell's lines (Word paragraphs, or the visual lines of a PDF cell); None where a merged cell continues.
Cell = tuple[str, ...] | None
Grid = list[list[Cell]]

_ITEM = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s|^[-•·*–]\s")


def join_cell(lines: tuple[str, ...]) -> str:
    """A wrapped cell as one text: '30' / 'Menit' -> '30 Menit'; after a '-' or '/' the next
    line goes on without a space ('Formulir permohonan/' / 'Salinan KK')."""
    out = ""
    for line in (ln.strip().replace("\t", " ") for ln in lines):
        if not line:
            continue
        out = f"{out}{line}" if not out or out.endswith(("-", "/")) else f"{out} {line}"
    return out


def add_table(grid: Grid, out: Lines, place: Callable[[int], Place], paragraphs: bool) -> None:
    """``paragraphs``: each cell line is a paragraph (Word), so each is an item of a list cell;
    otherwise (PDF) the lines are where the text wrapped and only a number or bullet starts an item."""
    start = _data_start(grid)
    form = _Form(out, paragraphs)
    for r, row in enumerate(grid):
        if start is not None and r >= start:
            out.add("\t".join(join_cell(c) if c else "" for c in row), place(r))
        else:
            form.row([c for c in row if c is not None and join_cell(c)], place(r))
    form.flush(place(len(grid) - 1) if grid else None)
    out.add("")


def _data_start(grid: Grid) -> int | None:
    """The row of a flowchart or responsibility header among the first rows, if the table has one."""
    for r, row in enumerate(grid[:3]):
        line = split_line(0, "\t".join(join_cell(c) if c else "" for c in row))
        if is_flowchart_header(line) or is_responsibility_header(line):
            return r
    return None


def _label(text: str) -> Label | None:
    return match_label(split_line(0, text))


class _Form:
    def __init__(self, out: Lines, paragraphs: bool) -> None:
        self.out = out
        self.paragraphs = paragraphs
        self.pending: list[str] = []  # list labels whose items are in the row below (the paired sections)

    def row(self, cells: list[tuple[str, ...]], place: Place) -> None:
        labels = [_label(c[0]) for c in cells]
        if self.pending and not all(lab and lab.field in LISTS for lab in labels):
            for label, cell in zip(self.pending, cells, strict=False):
                self._list(label, list(cell), place)
            self.pending = []
            return
        self.flush(place)
        if cells and all(lab and lab.field in LISTS and not lab.value for lab in labels):
            for cell in cells:
                if len(cell) > 1:
                    self._list(cell[0], list(cell[1:]), place)
                else:
                    self.pending.append(cell[0])
            return
        k = 0
        while k < len(cells):
            lab = labels[k]
            if lab is None:
                for line in cells[k]:
                    self.out.add(line.replace("\t", " "), place)
                k += 1
                continue
            end = next((j for j in range(k + 1, len(cells)) if labels[j]), len(cells))
            rest = [ln for cell in cells[k + 1 : end] for ln in cell if ln.strip() != ":"]
            if lab.field in LISTS:
                self._list(cells[k][0], [*cells[k][1:], *rest], place)
            else:
                self._single(cells[k][0], [*cells[k][1:], *rest], place)
            k = end
        self.out.add("", place)

    def flush(self, place: Place | None) -> None:
        for label in self.pending:
            self._list(label, [], place)
        self.pending = []

    def _single(self, head: str, values: list[str], place: Place) -> None:
        # 'Nomor SOP | : 61.1.D.049/I/2020': the colon is the form's, not the value's.
        values = [v.replace("\t", " ").strip() for v in values if v.strip().lstrip(":").strip()]
        if values:
            values[0] = values[0].lstrip(":").strip()
        first = f"{head}\t: {values[0]}" if values else head
        self.out.add(first, place)
        for value in values[1:]:
            self.out.add(f"\t{value}", place)
        self.out.add("", place)

    def _list(self, label: str, lines: list[str], place: Place | None) -> None:
        items = [ln.replace("\t", " ").strip() for ln in lines if ln.strip()]
        if self.paragraphs or not any(_ITEM.match(item) for item in items):
            items = [item if _ITEM.match(item) else f"- {item}" for item in items]
        self.out.add(label if ":" in label else f"{label} :", place)
        for item in items:
            self.out.add(item, place)
        self.out.add("", place)
