"""The SOP AP flowchart table, drawn whole as one SVG: the same picture in the SOP's PDF and
on its page of the audit site.

The SOP AP flowchart table has the columns No | Kegiatan | one swimlane per role (under
"Pelaksana") | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, one row per step. Every
part of it is drawn here: header, text cells, lanes, symbols and arrows, so rows line up by
construction. (A picture of the lanes alone in an HTML table drifts as soon as a cell's text
makes its row taller than planned.) Text is wrapped by DejaVu Sans' own advance widths
(:mod:`.textwidth`): between words, or after a slash inside a word too long for its cell.

Each row is as tall as its longest cell (at least :data:`MIN_ROW`); the first row of a page
also holds the band with the "Mulai" capsule (or the off-page connector from the previous
page) and the last the band with "Selesai" (or the connector to the next). A long SOP is
split over pages by height (:func:`page_ranges`); the table header repeats on each page and
the symbol legend closes the last one, never a page of its own.

The picture draws the SOP AP symbols in black on white with one line weight throughout: a
capsule for start and end, a box for an activity, a diamond for a decision, arrows with
arrowheads, and the off-page connector. Symbols carry only the step number (and a decision
its short question); the activity text is in the Kegiatan column. The flow runs from each
step to the next; a decision (:class:`~sop_kit.records.models.sop.Keputusan`) sends its
branch for the next step down the normal arrow, labelled, and any other branch along the
margin: backwards ("Tidak" → step 1) along the left edge of the first lane, forwards along
the right edge of the last. Branch labels are set where they cross no line and no symbol.

A step done by several roles (Kasi PKK / Kabid) is one box spanning their lanes when the lanes
are side by side, met by the arrows in the first role's lane; otherwise, and for a decision,
the symbol sits in the first role's lane and the other lanes get a small dashed mark (the
reasons are in :func:`_shape`).

API: :func:`flowchart_pages` (the whole SOP split into pages, each with its steps, geometry
and picture), :func:`flowchart_svg` (one page's picture), :func:`flowchart_layout` (its
geometry, from :mod:`.flowlayout`) and :func:`page_ranges` (the split). The shapes are
written by :mod:`.svg`.

The output is plain string building (no SVG library), every text XML-escaped, with no external
reference (no images, links or web fonts; ``font-family`` "DejaVu Sans, sans-serif") and
deterministic: the same SOP and arguments give the same bytes. Elements carry ``class`` and
``data-*`` attributes (``lajur``, ``sel``, ``kapsul``, ``kotak``, ``belah-ketupat``,
``penghubung``, ``alur``, ``label-cabang``, ``legenda``, ``data-langkah``, ``data-kolom``,
``data-cabang``, ``data-ke``) so that tests and stylesheets can find them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..records.models.sop import Langkah, Sop
from . import svg
from .flowlayout import (
    BAND,
    BOX_HEIGHT,
    LEGEND_GAP,
    LEGEND_ROW,
    LINE,
    MUTU_BAKU,
    PAD_X,
    TEXT_SIZE,
    TITLES,
    ChartGeometry,
    Column,
    Shape,
    cells,
    flowchart_layout,
    header_heights,
    legend_height,
    lines,
    row_heights,
    shape,
)
from .svg import Box, Point

__all__ = ["ChartGeometry", "FlowchartPage", "flowchart_layout", "flowchart_pages", "flowchart_svg", "page_ranges"]

HEAD_FILL = "#eee"
NUMBER_SIZE = 11.0
LABEL_SIZE = 10.0  # the Ya/Tidak branch labels, as large as the text
QUESTION_SIZE = 8.0
MARGIN = 7.0  # px from the outer lane edge to a margin route
ROUTE_STEP = 4.0  # px between margin routes of different decisions
LEGEND = (
    ("kapsul", "Simbol kapsul untuk mendeskripsikan mulai dan akhir"),
    ("kotak", "Simbol kotak untuk mendeskripsikan proses atau kegiatan eksekusi"),
    ("belah_ketupat", "Simbol belah ketupat untuk mendeskripsikan kegiatan pengambilan keputusan"),
    ("anak_panah", "Simbol anak panah untuk mendeskripsikan arah alur kegiatan"),
    ("penghubung", "Simbol penghubung ke halaman lain, bila alur berlanjut di halaman berikutnya"),
)
LEGEND_NAMES = tuple(name for name, _ in LEGEND)
PAGE_ROOM = 640.0  # px an A4 landscape page has for the picture, below its title


# --------------------------------------------------------------------------- the table


def _cell_text(column: Column, lines: list[str], cy: float, bold: bool = False, centre: bool = False) -> list[str]:
    """Lines of a cell, the block centred on ``cy``; left-aligned unless ``centre``."""
    first = cy - (len(lines) - 1) * LINE / 2 + TEXT_SIZE * 0.35
    x, anchor = (column.x + column.width / 2, "middle") if centre else (column.x + PAD_X, "start")
    return [svg.text_line(x, first + i * LINE, line, TEXT_SIZE, anchor, bold=bold) for i, line in enumerate(lines)]


def _table(sop: Sop, layout: ChartGeometry) -> list[str]:
    """The header cells, the grid and every text cell of the step rows."""
    cols = layout.columns
    lanes = [c for c in cols if c.key.startswith("lajur:")]
    mutu = [c for c in cols if c.key in MUTU_BAKU]
    first, second = layout.header
    out = ['<g class="tabel">']

    def head(key: str, title: str, x: float, y: float, w: float, h: float) -> None:
        out.append(svg.rect(x, y, w, h, "sel kepala", extra=f' data-kolom="{svg.esc(key)}"', fill=HEAD_FILL))
        box = Column(key, title, x, w)
        out.extend(_cell_text(box, lines(title, box, bold=True), y + h / 2, bold=True, centre=True))

    for key in ("no", "kegiatan", "keterangan"):
        c = layout.column(key)
        head(key, c.title, c.x, 0, c.width, first + second)
    head("pelaksana", TITLES["pelaksana"], lanes[0].x, 0, lanes[-1].right - lanes[0].x, first)
    head("mutu", TITLES["mutu"], mutu[0].x, 0, mutu[-1].right - mutu[0].x, first)
    for c in (*lanes, *mutu):
        head(c.key, c.title, c.x, first, c.width, second)

    top, bottom = layout.body_top, layout.table_height
    for i, role in enumerate(layout.lanes):
        out.append(
            f'<rect class="lajur" data-peran="{svg.esc(role)}" x="{svg.num(layout.lane_x(i))}" y="{svg.num(top)}" '
            f'width="{svg.num(layout.lane_width)}" height="{svg.num(bottom - top)}" fill="none" stroke="none"/>'
        )
    for c in cols[1:]:
        out.append(svg.line(c.x, top, c.x, bottom, "kisi"))
    y = top
    for height in layout.rows[:-1]:
        y += height
        out.append(svg.line(0, y, layout.width, y, "kisi baris"))
    out.append(svg.rect(0, top, layout.width, bottom - top, "kisi bingkai", fill="none"))

    for no in layout.steps:
        cy = layout.centre_y(no)
        for key, text in cells(sop.step(no)).items():
            if text:
                c = layout.column(key)
                out.extend(_cell_text(c, lines(text, c), cy, centre=key == "no"))
    out.append("</g>")
    return out


# --------------------------------------------------------------------------- symbols


def _capsule(cx: float, y: float, w: float, h: float, label: str) -> list[str]:
    return [svg.rect(cx - w / 2, y, w, h, "kapsul", rx=h / 2), svg.centred(cx, y + h / 2, label, TEXT_SIZE)]


def _connector(cx: float, y: float, w: float, h: float, label: str, small: bool = False) -> list[str]:
    """The off-page connector: a pentagon pointing down, the continuing step number inside."""
    shoulder = y + h * 0.6
    points = [(cx - w / 2, y), (cx + w / 2, y), (cx + w / 2, shoulder), (cx, y + h), (cx - w / 2, shoulder)]
    size = TEXT_SIZE - 2 if small else TEXT_SIZE
    text = [svg.centred(cx, y + h * 0.42, label, size)] if label else []
    return [f'<g class="penghubung" data-ke="{svg.esc(label)}">', svg.polygon(points, "penghubung"), *text, "</g>"]


def _diamond_points(s: Shape) -> list[Point]:
    return [(s.cx, s.top), (s.right, s.cy), (s.cx, s.bottom), (s.left, s.cy)]


def _step_symbol(layout: ChartGeometry, step: Langkah, s: Shape) -> list[str]:
    title = f"{step.no}. {step.kegiatan}"
    out = [f'<g class="langkah" data-langkah="{step.no}">']
    if step.keputusan is not None:
        title += f" — {step.keputusan.pertanyaan}"
        out.append(f"<title>{svg.esc(title)}</title>")
        out.append(svg.polygon(_diamond_points(s), "belah-ketupat"))
        # The number above the centre line, the question below it, shortened to the width
        # the diamond has at the question's baseline (the full text is in the <title>).
        half_h = (s.bottom - s.top) / 2
        base = s.cy + QUESTION_SIZE
        room = (s.right - s.left) * (1 - (base - s.cy) / half_h) - 4
        question = svg.fit(step.keputusan.pertanyaan, room, QUESTION_SIZE)
        if question:
            out.append(svg.text_line(s.cx, s.cy - 2, str(step.no), NUMBER_SIZE - 1))
            out.append(svg.text_line(s.cx, base, question, QUESTION_SIZE, cls="pertanyaan"))
        else:
            out.append(svg.centred(s.cx, s.cy, str(step.no), NUMBER_SIZE))
    else:
        out.append(f"<title>{svg.esc(title)}</title>")
        out.append(svg.rect(s.left, s.top, s.right - s.left, s.bottom - s.top, "kotak"))
        out.append(svg.centred(s.cx, s.cy, str(step.no), NUMBER_SIZE))
    # Co-responsible roles whose lanes the symbol does not span (see shape): a dashed mark.
    size = BOX_HEIGHT * 0.75
    for lane in s.marks:
        mx = layout.lane_x(lane) + layout.lane_width / 2
        start, end = (s.right, mx - size / 2) if mx > s.cx else (s.left, mx + size / 2)
        out.append(svg.line(start, s.cy, end, s.cy, "rekan", ' stroke-dasharray="3 2"'))
        out.append(svg.rect(mx - size / 2, s.cy - size / 2, size, size, "rekan", extra=' stroke-dasharray="3 2"'))
        out.append(svg.centred(mx, s.cy, str(step.no), TEXT_SIZE - 1))
    out.append("</g>")
    return out


# --------------------------------------------------------------------------- the flowchart


class _Room:
    """What is drawn in the lanes so far (symbols, arrows, grid lines), to set each branch
    label where it covers none of it."""

    def __init__(self, layout: ChartGeometry, shapes: dict[int, Shape]):
        left, right = layout.lane_x(0), layout.lane_x(len(layout.lanes))
        self.area: Box = (left, layout.body_top, right, layout.table_height)
        self.boxes: list[Box] = [s.box for s in shapes.values()]
        self.segments: list[tuple[Point, Point]] = []
        for i in range(len(layout.lanes) + 1):
            x = layout.lane_x(i)
            self.segments.append(((x, layout.body_top), (x, layout.table_height)))
        y = layout.body_top
        for height in layout.rows[:-1]:
            y += height
            self.segments.append(((left, y), (right, y)))

    def route(self, points: Sequence[Point]) -> None:
        self.segments += list(pairwise(points))

    def free(self, box: Box) -> bool:
        left, top, right, bottom = box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1
        a = self.area
        if left < a[0] or right > a[2] or top < a[1] or bottom > a[3]:
            return False
        if any(left < x2 and x1 < right and top < y2 and y1 < bottom for x1, y1, x2, y2 in self.boxes):
            return False
        return not any(
            left <= max(x1, x2) and min(x1, x2) <= right and top <= max(y1, y2) and min(y1, y2) <= bottom
            for (x1, y1), (x2, y2) in self.segments
        )

    def place(self, label: str, candidates: Iterator[tuple[float, float, str]], name: str) -> str:
        """The label at the first candidate (x, baseline, anchor) where it is clear of
        everything drawn; it then counts as drawn itself."""
        options = list(candidates)
        for x, y, anchor in options:
            box = svg.text_box(x, y, label, LABEL_SIZE, anchor)
            if self.free(box):
                break
        else:
            x, y, anchor = options[0]
            box = svg.text_box(x, y, label, LABEL_SIZE, anchor)
        self.boxes.append(box)
        return svg.text_line(x, y, label, LABEL_SIZE, anchor, cls="label-cabang", extra=f' data-cabang="{name}"')


def flowchart_svg(
    sop: Sop, steps: range | None = None, *, legend: bool | None = None, id_prefix: str | None = None
) -> str:
    """The flowchart table of ``steps`` (step numbers, default all) as an SVG document.

    ``legend`` as for :func:`flowchart_layout`; ``id_prefix`` names the arrowhead marker, by
    default after the steps, so that the SVGs of several pages inlined in one HTML document
    do not share ids."""
    layout = flowchart_layout(sop, steps, legend=legend)
    first, last = layout.steps.start, layout.steps.stop - 1
    marker = svg.esc(id_prefix or f"sop-panah-{first}-{last}")
    shapes = {no: shape(layout, sop.step(no)) for no in layout.steps}
    room = _Room(layout, shapes)
    body = [svg.marker_def(marker), *_table(sop, layout)]
    for no in layout.steps:
        body += _step_symbol(layout, sop.step(no), shapes[no])
    body += _flow(sop, layout, shapes, marker, room)
    body += _branches(sop, layout, shapes, marker, room)
    if layout.legend:
        body += _legend(layout, marker)
    title = f"Diagram alir SOP {sop.nomor}: langkah {first}–{last}"
    return svg.document(layout.width, layout.height, title, body)


def _continues(step: Langkah) -> list[tuple[str, str]]:
    """(label, branch) of the arrow from ``step`` to the next step: ("", "") for an ordinary
    step, the branches of a decision that lead there, none if no branch does."""
    if step.keputusan is None:
        return [("", "")]
    k = step.keputusan
    branches = ((k.label_ya, k.ya, "ya"), (k.label_tidak, k.tidak, "tidak"))
    return [(label, name) for label, target, name in branches if target == step.no + 1]


def _down(a: Shape, b: Shape, boundary: float) -> list[Point]:
    """From the bottom of ``a`` to the top of ``b`` in the next row: straight down in the same
    lane, else down, across just above the row boundary (not on the grid line), and down."""
    if abs(a.port - b.port) < 0.5:
        return [(a.port, a.bottom), (b.port, b.top)]
    turn = boundary - min(6.0, (boundary - a.bottom) / 2)
    return [(a.port, a.bottom), (a.port, turn), (b.port, turn), (b.port, b.top)]


def _down_spots(a: Shape, route: Sequence[Point]) -> Iterator[tuple[float, float, str]]:
    """Beside the line leaving a symbol's bottom, on the side the line does not turn to
    first, then on the other, a little lower each time."""
    sides = [(a.port + 4, "start"), (a.port - 4, "end")]
    if len(route) > 2 and route[2][0] > a.port:
        sides.reverse()
    for drop in (LABEL_SIZE + 1, LABEL_SIZE + 6, LABEL_SIZE + 12):
        for x, anchor in sides:
            yield x, a.bottom + drop, anchor


def _flow(sop: Sop, layout: ChartGeometry, shapes: dict[int, Shape], marker: str, room: _Room) -> list[str]:
    """The start symbol (Mulai, or the connector from the previous page), the arrows from
    each step to the next, and the end symbol (Selesai, or the connector to the next page)."""
    first, last = layout.steps.start, layout.steps.stop - 1
    head, tail = shapes[first], shapes[last]
    cap_w, cap_h = min(layout.lane_width * 0.62, 64.0), 18.0
    con_w = con_h = 20.0
    band_top, band_bottom = layout.body_top, layout.table_height - layout.bottom
    out: list[str] = []
    labels: list[tuple[Shape, list[Point], str, str]] = []

    start_h = cap_h if first == 1 else con_h
    y = band_top + (layout.top - start_h) / 2
    out += (
        _capsule(head.port, y, cap_w, cap_h, "Mulai")
        if first == 1
        else _connector(head.port, y, con_w, con_h, str(first))
    )
    start = [(head.port, y + start_h), (head.port, head.top)]
    out.append(svg.arrow(start, marker))
    room.route(start)
    room.boxes.append((head.port - cap_w / 2, y, head.port + cap_w / 2, y + start_h))

    ends = last == len(sop.langkah)
    end_h = cap_h if ends else con_h
    end_y = band_bottom + (layout.bottom - end_h) / 2
    for no in layout.steps:
        branches = _continues(sop.step(no))
        if not branches:
            continue
        a = shapes[no]
        route = _down(a, shapes[no + 1], layout.row_top(no + 1)) if no < last else [(a.port, a.bottom), (a.port, end_y)]
        out.append(svg.arrow(route, marker))
        room.route(route)
        label = " / ".join(text for text, _ in branches if text)
        if label:
            labels.append((a, route, label, "/".join(name for _, name in branches)))

    if ends:
        out += _capsule(tail.port, end_y, cap_w, cap_h, "Selesai")
    else:
        out += _connector(tail.port, end_y, con_w, con_h, str(last + 1))
    room.boxes.append((tail.port - cap_w / 2, end_y, tail.port + cap_w / 2, end_y + end_h))
    # Labels last, once every arrow is known: none may cover a line.
    return out + [room.place(label, _down_spots(a, route), name) for a, route, label, name in labels]


def _branches(sop: Sop, layout: ChartGeometry, shapes: dict[int, Shape], marker: str, room: _Room) -> list[str]:
    """Decision branches that do not lead to the next step, routed along the margins:
    backwards on the left of the first lane, forwards on the right of the last."""
    out: list[str] = []
    placed: list[tuple[Shape, str, float, str, str]] = []
    routes = {"left": 0, "right": 0}
    lo, hi = layout.lane_x(0), layout.lane_x(len(layout.lanes))
    small = 12.0
    for no in layout.steps:
        step = sop.step(no)
        if step.keputusan is None:
            continue
        k, d = step.keputusan, shapes[no]
        for label, target, name in ((k.label_ya, k.ya, "ya"), (k.label_tidak, k.tidak, "tidak")):
            if target in (no, no + 1):
                continue  # the next step: drawn by _flow; the step itself: nothing to draw
            side = "left" if target <= no else "right"
            inset = MARGIN + ROUTE_STEP * routes[side]
            routes[side] += 1
            mx = lo + inset if side == "left" else hi - inset
            start = (d.left, d.cy) if side == "left" else (d.right, d.cy)
            route: list[Point] = [start, (mx, d.cy)]
            if target in shapes:
                t = shapes[target]
                route += [(mx, t.cy), (t.left if side == "left" else t.right, t.cy)]
            elif target < layout.steps.start:
                y = layout.body_top + (layout.top - small) / 2
                out += _connector(mx, y, small, small, str(target), small=True)
                route.append((mx, y + small))
                room.boxes.append((mx - small / 2, y, mx + small / 2, y + small))
            else:
                y = layout.table_height - layout.bottom + (layout.bottom - small) / 2
                out += _connector(mx, y, small, small, str(target), small=True)
                route.append((mx, y))
                room.boxes.append((mx - small / 2, y, mx + small / 2, y + small))
            out.append(svg.arrow(route, marker, f' data-cabang="{name}" data-ke="{target}"'))
            room.route(route)
            placed.append((d, side, mx, label, name))
    for d, side, mx, label, name in placed:
        out.append(room.place(label, _margin_spots(d, side, mx, label), name))
    return out


def _margin_spots(d: Shape, side: str, mx: float, label: str) -> Iterator[tuple[float, float, str]]:
    """Along the line from the diamond's side to the margin: above it, near the diamond
    first, then near the margin; then below it; then beside the margin line, further from
    the diamond each time (a diamond in the outer lane leaves no room at its side)."""
    near, far, anchor, back = (
        (d.left - 4, mx + 4, "end", "start") if side == "left" else (d.right + 4, mx - 4, "start", "end")
    )
    for y in (d.cy - 4, d.cy + LABEL_SIZE + 3):
        yield near, y, anchor
        yield far, y, back
    for step in range(1, 12):
        yield far, d.cy - 4 - step * 6, back
        yield far, d.cy + LABEL_SIZE + 3 + step * 6, back


# --------------------------------------------------------------------------- legend


def _legend(layout: ChartGeometry, marker: str) -> list[str]:
    """The five SOP AP symbols and what they mean, in two columns below the table."""
    top = layout.table_height + LEGEND_GAP
    half = layout.width / 2
    icon_w, icon_h = 44.0, 18.0
    out = ['<g class="legenda">']
    for i, (name, words) in enumerate(LEGEND):
        x = (i % 2) * half
        cy = top + (i // 2) * LEGEND_ROW + LEGEND_ROW / 2
        cx = x + icon_w / 2 + 2
        out.append(f'<g class="simbol" data-simbol="{name}">')
        out += _legend_icon(name, cx, cy, icon_w, icon_h, marker)
        out.append(svg.text_line(x + icon_w + 10, cy + TEXT_SIZE * 0.35, f"= {words}", TEXT_SIZE, "start"))
        out.append("</g>")
    out.append("</g>")
    return out


def _legend_icon(name: str, cx: float, cy: float, w: float, h: float, marker: str) -> list[str]:
    left, top = cx - w / 2, cy - h / 2
    if name == "kapsul":
        return [svg.rect(left, top, w, h, "kapsul", rx=h / 2)]
    if name == "kotak":
        return [svg.rect(left, top, w, h, "kotak")]
    if name == "belah_ketupat":
        return [svg.polygon([(cx, top - 2), (left + w, cy), (cx, top + h + 2), (left, cy)], "belah-ketupat")]
    if name == "anak_panah":
        return [svg.arrow([(left, cy), (left + w, cy)], marker, cls="contoh-alur")]
    return _connector(cx, top - 1, h, h + 2, "")


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class FlowchartPage:
    """One page of the flowchart table: its steps, the geometry and the picture."""

    steps: list[Langkah]
    layout: ChartGeometry
    svg: str

    @property
    def first(self) -> bool:
        return self.layout.steps.start == 1

    @property
    def last(self) -> bool:
        return self.layout.legend > 0


def page_ranges(rows: Sequence[float], header: float, room: float = PAGE_ROOM, legend: float = 0.0) -> list[range]:
    """Step numbers 1..len(rows) in pages whose picture (``header``, the two bands and the
    ``rows`` heights) is at most ``room`` px high, the last page with the ``legend`` too. A
    page always holds at least one row, however tall."""
    if not rows:
        raise ValueError("an SOP has at least one step")
    fixed = header + 2 * BAND
    pages: list[range] = []
    start, used = 1, fixed
    for no, height in enumerate(rows, start=1):
        if no > start and used + height > room:
            pages.append(range(start, no))
            start, used = no, fixed
        used += height
    pages.append(range(start, len(rows) + 1))
    # The legend closes the last page: when it does not fit there, that page's first rows
    # move to a page of their own (they fitted before, so they fit alone).
    last = pages[-1]
    extra = LEGEND_GAP + legend if legend else 0.0
    keep = last.stop
    while keep > last.start and fixed + sum(rows[keep - 2 : last.stop - 1]) + extra <= room:
        keep -= 1
    keep = min(keep, last.stop - 1)  # one row at least, however tall, keeps the legend company
    if keep > last.start:
        pages[-1:] = [range(last.start, keep), range(keep, last.stop)]
    return pages


def flowchart_pages(sop: Sop, room: float = PAGE_ROOM) -> list[FlowchartPage]:
    """The flowchart split into pages at most ``room`` px high, each with its picture, the
    legend on the last."""
    ranges = page_ranges(row_heights(sop), sum(header_heights(sop)), room, legend_height())
    pages = []
    for steps in ranges:
        layout = flowchart_layout(sop, steps)
        pages.append(FlowchartPage([sop.step(no) for no in steps], layout, flowchart_svg(sop, steps)))
    return pages
