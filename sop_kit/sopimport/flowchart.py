"""The flowchart table (No., Kegiatan, the Pelaksana swimlanes, Mutu Baku, Keterangan) and,
when the document has one, the second table naming who is responsible for each step."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .notes import Notes
from .text import Line, fold, tidy
from .times import Duration, parse_duration

# Mutu Baku columns under their variant names (compared folded).
MUTU = {
    "kelengkapan": ("kelengkapan", "persyaratan/kelengkapan", "kelengkapan/persyaratan", "persyaratan"),
    "waktu": ("waktu",),
    "output": ("output", "keluaran", "hasil"),
    "keterangan": ("keterangan", "ket"),
}
_MUTU_NAMES = {v: k for k, vs in MUTU.items() for v in vs}
_ACTIVITY = ("kegiatan", "uraian kegiatan", "prosedur", "uraian prosedur", "aktivitas")
_RESPONSIBLE = ("penanggung jawab", "pelaksana", "pj", "pelaku")
_NO = ("no", "nomor", "no urut")
YES, NO = ("ya", "y", "yes"), ("tidak", "t", "no")


def _is(cell: str, names: tuple[str, ...] | list[str], cutoff: float = 0.8) -> bool:
    key = fold(cell).replace(" / ", "/")
    return key in names or bool(difflib.get_close_matches(key, list(names), n=1, cutoff=cutoff))


def _mutu(cell: str) -> str | None:
    key = fold(cell).replace(" / ", "/")
    if key in _MUTU_NAMES:
        return _MUTU_NAMES[key]
    close = difflib.get_close_matches(key, list(_MUTU_NAMES), n=1, cutoff=0.8)
    return _MUTU_NAMES[close[0]] if close else None


def _number(cell: str) -> int | None:
    match = re.fullmatch(r"(\d{1,3})\s*[.)]?", cell.strip())
    return int(match.group(1)) if match else None


@dataclass
class Row:
    no: int
    line: int
    kegiatan: str
    lanes: list[tuple[int | None, str]] = field(default_factory=list)  # (lane index if known, cell text)
    mutu: dict[str, str] = field(default_factory=dict)
    duration: Duration | None = None


@dataclass
class Flowchart:
    header_line: int
    lanes: list[str]
    rows: list[Row]
    end: int  # index in the line list after the table


@dataclass
class Responsible:
    no: int
    line: int
    printed: str
    duration: Duration | None
    keterangan: str


def is_flowchart_header(line: Line) -> bool:
    cells = line.filled
    return (
        len(cells) >= 3
        and any(_is(c, _NO) for c in cells[:2])
        and any(_is(c, _ACTIVITY) for c in cells[1:3])
        and not any(_is(c, ("penanggung jawab",)) for c in cells)
    )


def is_responsibility_header(line: Line) -> bool:
    cells = line.filled
    return (
        len(cells) >= 3
        and any(_is(c, _NO) for c in cells[:2])
        and any(_is(c, ("penanggung jawab", "pj")) for c in cells)
    )


def _columns(head: Line, sub: Line | None) -> tuple[list[str], list[str]]:
    """(column kinds in order, lane names): 'no', 'kegiatan', 'lane', then Mutu Baku kinds.

    With tabs every header cell keeps its column, so each column takes its name from the second
    header row, or from the first where a cell spans both (No, Kegiatan, Keterangan): the two
    rows are one header. Flattened with spaces, the named cells are taken in order."""
    kinds: list[str] = []
    lanes: list[str] = []
    if head.tabbed and (sub is None or sub.tabbed):
        upper, lower = list(head.cells), list(sub.cells) if sub is not None else []
        for j in range(max(len(upper), len(lower))):
            name = lower[j] if j < len(lower) and lower[j] else (upper[j] if j < len(upper) else "")
            kinds.append(_kind(name, j))
            if kinds[-1] == "lane":
                lanes.append(name)
        return kinds, lanes
    kinds = ["no", "kegiatan"]
    top = [c for c in head.filled if not (_is(c, _NO) or _is(c, _ACTIVITY) or _is(c, ("mutu baku",)))]
    if sub is not None:
        for cell in sub.filled:
            mutu = _mutu(cell)
            kinds.append(mutu or "lane")
            if not mutu:
                lanes.append(cell)
        # Columns printed only in the top row (Keterangan spans both header rows).
        kinds += [k for c in top if (k := _mutu(c)) and k not in kinds]
    else:
        for cell in top:
            mutu = _mutu(cell)
            kinds.append(mutu or "lane")
            if not mutu:
                lanes.append(cell)
    return kinds, lanes


def _kind(name: str, column: int) -> str:
    """One header cell's column kind; an empty one (a span's continuation) is no column."""
    if not name:
        return "none"
    if column < 2 and _is(name, _NO):
        return "no"
    if _is(name, _ACTIVITY):
        return "kegiatan"
    if _is(name, ("mutu baku",)):
        return "none"
    return _mutu(name) or "lane"


def read_flowchart(lines: list[Line], start: int, notes: Notes) -> Flowchart | None:
    at = next((i for i in range(start, len(lines)) if is_flowchart_header(lines[i])), None)
    if at is None:
        return None
    after = next((i for i in range(at + 1, len(lines)) if not lines[i].blank), len(lines))
    sub = lines[after] if after < len(lines) and _number(lines[after].filled[0]) is None else None
    kinds, lanes = _columns(lines[at], sub)
    rows: list[Row] = []
    i = (after + 1) if sub is not None else after
    while i < len(lines):
        line = lines[i]
        if line.blank:
            # Blank lines before the first row (extraction leaves them under a header) and
            # between rows (page breaks) do not end the table; one before anything else does.
            nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
            expected = rows[-1].no + 1 if rows else 1
            if nxt is None or _number(lines[nxt].filled[0]) != expected:
                break
            i = nxt
            continue
        if is_responsibility_header(line) or is_flowchart_header(line):
            break  # the next table, with no blank line before it
        no = _number(line.filled[0])
        if no is None:
            if not rows:
                notes.problem("import.bad_row", line.no, text=line.text[:80])
            else:
                rows[-1].kegiatan = f"{rows[-1].kegiatan} {line.text}"
                notes.guess("import.continued", line.no, step=rows[-1].no)
            i += 1
            continue
        row = _row(line, no, kinds, len(lanes), notes)
        if row is not None:
            rows.append(row)
        i += 1
    return Flowchart(lines[at].no, lanes, rows, i)


def _row(line: Line, no: int, kinds: list[str], n_lanes: int, notes: Notes) -> Row | None:
    cells = list(line.cells)
    if len(line.filled) < 2:
        notes.problem("import.bad_row", line.no, text=line.text[:80])
        return None
    activity = kinds.index("kegiatan") if "kegiatan" in kinds else 1
    row = Row(no, line.no, tidy(cells[activity]) if line.tabbed and activity < len(cells) else tidy(line.filled[1]))
    if line.tabbed and len(cells) <= len(kinds) and cells[0].strip():
        # Tabs keep empty cells: every cell is in its column, swimlane marks in their lane.
        lane = 0
        for kind, cell in zip(kinds, cells, strict=False):
            if kind == "lane":
                if cell:
                    row.lanes.append((lane, cell))
                lane += 1
            elif kind not in ("no", "kegiatan", "none") and cell:
                row.mutu[kind] = cell
    else:
        # Flattened with spaces: empty cells are gone; anchor on the time cell.
        filled = line.filled
        mutu_kinds = [k for k in kinds if k not in ("no", "kegiatan", "lane", "none")]
        t = next((j for j in range(2, len(filled)) if parse_duration(filled[j])), None)
        if t is None or "waktu" not in mutu_kinds:
            notes.problem("import.no_time", line.no, step=no, value=" | ".join(filled[2:])[:80])
            return row
        w = mutu_kinds.index("waktu")
        before, after = mutu_kinds[:w], mutu_kinds[w + 1 :]
        first = max(2, t - len(before))
        for kind, cell in zip(before[len(before) - (t - first) :], filled[first:t], strict=False):
            row.mutu[kind] = cell
        row.mutu["waktu"] = filled[t]
        for kind, cell in zip(after, filled[t + 1 :], strict=False):
            row.mutu[kind] = cell
        row.lanes = [(None, c) for c in filled[2:first]]
    if "waktu" in row.mutu:
        row.duration = parse_duration(row.mutu["waktu"])
        if row.duration is None:
            notes.problem("import.no_time", line.no, step=no, value=row.mutu["waktu"])
    elif "waktu" in kinds:
        notes.problem("import.no_time", line.no, step=no, value="")
    return row


def read_responsibility(lines: list[Line], start: int, notes: Notes) -> list[Responsible]:
    at = next((i for i in range(start, len(lines)) if is_responsibility_header(lines[i])), None)
    if at is None:
        return []
    head = [fold(c) for c in lines[at].cells]
    who = next(j for j, c in enumerate(head) if _is(c, ("penanggung jawab", "pj")))
    out: list[Responsible] = []
    table = lines[at + 1 :]
    for k, line in enumerate(table):
        if line.blank:
            # Between rows (a page break, a PDF's spacing) the table goes on; it ends at a line
            # that is no next row.
            following = next((ln for ln in table[k + 1 :] if not ln.blank), None)
            if out and (following is None or _number(following.filled[0]) != out[-1].no + 1):
                break
            continue
        no = _number(line.filled[0])
        if no is None:
            if out:
                break
            continue
        cells = list(line.cells) if line.tabbed else line.filled
        printed = cells[who] if len(cells) > who else ""
        rest = cells[who + 1 :]
        duration = next((d for c in rest if (d := parse_duration(c))), None)
        ket = next((c for c in rest if c and not parse_duration(c)), "")
        if not printed:
            notes.problem("import.no_role", line.no, step=no)
        out.append(Responsible(no, line.no, printed, duration, ket))
    return out


def lane_label(cell: str) -> str | None:
    """'Ya' / 'Tidak' arrow labels in a swimlane cell ('ya', 'tidak') or None for an actor's mark."""
    key = fold(cell)
    if key in YES:
        return "ya"
    if key in NO:
        return "tidak"
    return None


_BACK = re.compile(r"(?:kembali|ulang|lanjut)?\s*ke\s+(?:langkah|kegiatan|no\.?|nomor)\s*(\d{1,3})", re.IGNORECASE)


def target_in(text: str) -> int | None:
    match = _BACK.search(text)
    return int(match.group(1)) if match else None
