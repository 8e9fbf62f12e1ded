"""The SOP AP flowchart, drawn as SVG: the swimlane part of the SOP document's flowchart table.

The SOP AP flowchart table has the columns No | Kegiatan | one swimlane per role | Mutu Baku
(Kelengkapan, Waktu, Output) | Keterangan, one row per step. This module draws only the
swimlane part; the template draws everything else as ordinary HTML table cells.

**One SVG per page, not one strip per row.** A flowchart is a picture whose lines cross row
boundaries (the arrow from step 1 to step 2, the "Tidak" loop from step 2 back to step 1);
drawn as per-row strips, every line would have to be cut at each row edge and rejoined exactly,
and any row that WeasyPrint makes a little taller than planned leaves a visible gap in every
line. So :func:`flowchart_svg` draws the swimlanes of all the rows of one page as one picture,
and the template puts it in a single cell with ``rowspan`` = the number of step rows on that
page and ``colspan`` = the number of roles. Rows line up because both sides use the same fixed
heights, exposed by :class:`ChartGeometry` (see :func:`flowchart_layout`):

* the table's role columns are each ``layout.lane_width`` px wide;
* step row *i* of the page is ``layout.row_heights[i]`` px high: ``row_height`` for every row,
  plus ``layout.top`` on the first row (the band holding the "Mulai" capsule or the off-page
  connector) and ``layout.bottom`` on the last (the "Selesai" capsule or connector). To centre
  the text of the first/last row on its symbol, pad those rows' other cells with
  ``padding-top: layout.top`` / ``padding-bottom: layout.bottom``;
* the SVG cell has ``padding: 0`` and ``vertical-align: top``, and the SVG is
  ``display: block``, ``layout.width`` × ``layout.height`` px (its ``width``/``height``
  attributes, with a matching ``viewBox``);
* the SVG may instead be given ``width: 100%`` (keep the height): with collapsed borders the
  table's columns come out a pixel or so wider than asked, and ``preserveAspectRatio="none"``
  lets the picture stretch by that much so that its lane lines stay on the column borders;
* set the height on every ``<tr>`` of the page **except the last**, and leave that one
  ``auto``: the picture itself makes it exactly ``row_heights[-1]``. (WeasyPrint 70 gives a
  row with an explicit height at least the *whole* height of a rowspan cell ending in it, so
  a height on the last row would make that row as tall as the picture and push it to the
  next page.);
* one table per page (header repeated), not one long table broken by WeasyPrint: a rowspan
  cell cannot be split across pages, so the split happens here, by step range.

A height on a table row is a minimum: a cell whose text does not fit makes its row taller and
the picture drifts. The template must keep the row text within ``row_height`` (font size,
column widths); the default 64 px fits four lines of 8 pt text. Long SOPs are split over pages
by the template (:func:`flowchart_pages`); each page's picture starts and ends with the SOP AP
off-page connector (a pentagon) carrying the number of the step where the flow continues, so
the connector at the bottom of one page and the one at the top of the next read the same.

The picture draws the SOP AP symbols in black on white: a capsule for start and end, a box
for an activity, a diamond for a decision, arrows with arrowheads, and the off-page
connector. Symbols carry only the step number (and a decision its short question): the
activity text is in the Kegiatan column. The flow runs from each step to the next; a decision
(:class:`~sop_kit.records.models.sop.Keputusan`) sends its branch for the next step down the normal
arrow, labelled, and any other branch along the margin: backwards ("Tidak" → step 1) along the
left edge of the first lane, forwards along the right edge of the last. A branch to a step on
another page ends at a small off-page connector in the top or bottom band.

A step done by several roles (Kasi PKK / Kabid) is one box spanning their lanes when the lanes
are side by side, met by the arrows in the first role's lane; otherwise, and for a decision,
the symbol sits in the first role's lane and the other lanes get a small dashed mark (the
reasons are in :func:`_shape`).

API: :func:`flowchart_svg` (one page's picture), :func:`flowchart_layout` (its geometry, for
the template), :func:`flowchart_pages` (the whole SOP split into pages, each with its steps,
layout and picture; :func:`page_ranges` does the split) and :func:`legend_svg` (a dict of the
five symbols, by name, for the legend table).

The output is plain string building (no SVG library), every text XML-escaped, with no external
reference (no images, links or web fonts; ``font-family`` "DejaVu Sans, sans-serif") and
deterministic: the same SOP and arguments give the same bytes. Elements carry ``class`` and
``data-*`` attributes (``lajur``, ``kapsul``, ``kotak``, ``belah-ketupat``, ``penghubung``,
``alur``, ``data-langkah``, ``data-cabang``, ``data-ke``) so that tests and stylesheets can find
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..records.models.sop import Langkah, Sop

FONT = "DejaVu Sans, sans-serif"
INK = "#000"
SVG_NS = "http://www.w3.org/2000/svg"

ROW_HEIGHT = 64.0  # px per step row
LANE_WIDTH = 96.0  # px per role column (about 25 mm)
BAND = 32.0  # px above the first and below the last step row, for a capsule or connector

# Symbol sizes, as fractions of the lane width / row height, so that the picture scales.
BOX_PAD = 0.19  # horizontal space between a box and its lane edge
BOX_HEIGHT = 0.42
DIAMOND_PAD = 0.125
DIAMOND_HEIGHT = 0.66
MARGIN = 0.0625  # where margin routes run, from the outer lane edge
ROUTE_STEP = 3.0  # px between margin routes of different decisions

CHAR_WIDTH = 0.6  # DejaVu Sans advance per em (generous), to fit text without measuring fonts
NUMBER_SIZE = 9.0
LABEL_SIZE = 7.0
QUESTION_SIZE = 6.5
STROKE = 1.0
GRID_STROKE = 0.5

Point = tuple[float, float]


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class ChartGeometry:
    """Where things are, in px: what a template needs to line its table rows up with the SVG.

    ``lanes`` are the role ids, in ``sop.peran`` order; ``steps`` the step numbers drawn.
    """

    lanes: tuple[str, ...]
    steps: range
    lane_width: float
    row_height: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return len(self.lanes) * self.lane_width

    @property
    def height(self) -> float:
        return self.top + len(self.steps) * self.row_height + self.bottom

    @property
    def row_heights(self) -> tuple[float, ...]:
        """Height of each table row of this page, the bands included in the first and last."""
        heights = [self.row_height] * len(self.steps)
        heights[0] += self.top
        heights[-1] += self.bottom
        return tuple(heights)

    def lane_x(self, index: int) -> float:
        """Left edge of lane ``index`` (0-based, in ``sop.peran`` order)."""
        return index * self.lane_width

    def step_top(self, no: int) -> float:
        """Top of step ``no``'s own part of its row (below the top band on the first row)."""
        return self.top + (no - self.steps.start) * self.row_height

    def centre_y(self, no: int) -> float:
        return self.step_top(no) + self.row_height / 2


def flowchart_layout(
    sop: Sop,
    steps: range | None = None,
    *,
    row_height: float = ROW_HEIGHT,
    lane_width: float = LANE_WIDTH,
    band: float = BAND,
) -> ChartGeometry:
    """The geometry :func:`flowchart_svg` uses for these arguments."""
    count = len(sop.langkah)
    steps = range(1, count + 1) if steps is None else steps
    if steps.step != 1 or not steps or steps.start < 1 or steps.stop > count + 1:
        raise ValueError(f"steps must be a non-empty range within 1..{count} in steps of 1, not {steps!r}")
    if row_height <= 0 or lane_width <= 0 or band <= 0:
        raise ValueError("row_height, lane_width and band must be positive")
    return ChartGeometry(tuple(r.id for r in sop.peran), steps, lane_width, row_height, band, band)


@dataclass(frozen=True)
class _Shape:
    """Where one step's symbol is: its bounding box, and the lanes of co-responsible roles
    that get a small mark instead (see :func:`_shape`)."""

    no: int
    decision: bool
    left: float
    right: float
    top: float
    bottom: float
    port: float  # x where the vertical arrows meet the symbol: the first role's lane centre
    marks: tuple[int, ...] = ()

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def _shape(layout: ChartGeometry, step: Langkah) -> _Shape:
    # An activity done jointly by roles in adjacent lanes (Kasi PKK / Kabid) is ONE box
    # spanning those lanes: the reader sees at a glance that they do it together, the step
    # keeps a single entry and exit, and the arrows stay as simple as for any other step.
    # The arrows meet it in the FIRST role's lane (its "port"), not at the middle of the span,
    # which would lie on the lane line. A diamond does not span (stretched over two lanes it
    # gets flat and its corners land on lane lines), and roles in lanes that are not adjacent
    # cannot share a symbol without crossing a lane that is not responsible: in those cases
    # the symbol sits in the first role's lane and each other role's lane gets a small dashed
    # mark with the step number, joined to it by a dashed line.
    decision = step.keputusan is not None
    indices = [layout.lanes.index(role) for role in step.pelaksana]
    first = indices[0]
    marks: tuple[int, ...] = ()
    if not decision and sorted(set(indices)) == list(range(min(indices), max(indices) + 1)):
        lo, hi = min(indices), max(indices)
    else:
        lo = hi = first
        marks = tuple(sorted({i for i in indices if i != first}))
    w, h = layout.lane_width, layout.row_height
    pad = w * (DIAMOND_PAD if decision else BOX_PAD)
    height = h * (DIAMOND_HEIGHT if decision else BOX_HEIGHT)
    cy = layout.centre_y(step.no)
    left, right = layout.lane_x(lo) + pad, layout.lane_x(hi + 1) - pad
    port = layout.lane_x(first) + w / 2
    return _Shape(step.no, decision, left, right, cy - height / 2, cy + height / 2, port, marks)


# --------------------------------------------------------------------------- SVG text


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _esc(text: str) -> str:
    """Escaped for text content and for double-quoted attribute values."""
    return escape(text, {'"': "&quot;"})


def _points(points: Sequence[Point]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _fit(text: str, width: float, size: float) -> str:
    """``text`` shortened with an ellipsis to about ``width`` px at font ``size``."""
    most = int(width / (CHAR_WIDTH * size))
    if len(text) <= most:
        return text
    return text[: max(most - 1, 0)].rstrip() + "…" if most >= 2 else ""


def _text(x: float, y: float, text: str, size: float, anchor: str = "middle", cls: str = "") -> str:
    """A single line of text, ``y`` the baseline."""
    cls_attr = f' class="{cls}"' if cls else ""
    return (
        f'<text{cls_attr} x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" '
        f'fill="{INK}">{_esc(text)}</text>'
    )


def _centred(x: float, cy: float, text: str, size: float) -> str:
    return _text(x, cy + size * 0.35, text, size)


def _rect(x: float, y: float, w: float, h: float, cls: str, rx: float = 0, extra: str = "") -> str:
    round_attr = f' rx="{_num(rx)}" ry="{_num(rx)}"' if rx else ""
    return (
        f'<rect class="{cls}" x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"{round_attr} '
        f'fill="#fff" stroke="{INK}" stroke-width="{_num(STROKE)}"{extra}/>'
    )


def _polygon(points: Sequence[Point], cls: str) -> str:
    return (
        f'<polygon class="{cls}" points="{_points(points)}" fill="#fff" stroke="{INK}" stroke-width="{_num(STROKE)}"/>'
    )


def _arrow(points: Sequence[Point], marker: str, extra: str = "") -> str:
    """An orthogonal line ending in an arrowhead."""
    # A <path>, not a <polyline>: WeasyPrint (70) orients markers on polylines wrongly.
    d = " ".join(f"{'L' if i else 'M'}{_num(x)},{_num(y)}" for i, (x, y) in enumerate(points))
    return (
        f'<path class="alur" d="{d}" fill="none" stroke="{INK}" '
        f'stroke-width="{_num(STROKE)}" marker-end="url(#{marker})"{extra}/>'
    )


def _marker_def(marker: str) -> str:
    # userSpaceOnUse: the arrowhead is 7 px long whatever the stroke width; its tip is the
    # line's end point, so a line ending on a symbol's edge points exactly at it.
    return (
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}" stroke="none"/>'
        "</marker></defs>"
    )


def _document(width: float, height: float, title: str, body: Sequence[str]) -> str:
    head = (
        f'<svg xmlns="{SVG_NS}" width="{_num(width)}px" height="{_num(height)}px" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" preserveAspectRatio="none" font-family="{FONT}">'
    )
    return "\n".join([head, f"<title>{_esc(title)}</title>", *body, "</svg>"]) + "\n"


# --------------------------------------------------------------------------- symbols


def _capsule(cx: float, y: float, w: float, h: float, label: str) -> list[str]:
    return [_rect(cx - w / 2, y, w, h, "kapsul", rx=h / 2), _centred(cx, y + h / 2, label, LABEL_SIZE + 1)]


def _connector(cx: float, y: float, w: float, h: float, label: str, small: bool = False) -> list[str]:
    """The off-page connector: a pentagon pointing down, the continuing step number inside."""
    shoulder = y + h * 0.6
    points = [(cx - w / 2, y), (cx + w / 2, y), (cx + w / 2, shoulder), (cx, y + h), (cx - w / 2, shoulder)]
    size = LABEL_SIZE if small else LABEL_SIZE + 1
    text = [_centred(cx, y + h * 0.42, label, size)] if label else []
    return [f'<g class="penghubung" data-ke="{_esc(label)}">', _polygon(points, "penghubung"), *text, "</g>"]


def _diamond_points(s: _Shape) -> list[Point]:
    return [(s.cx, s.top), (s.right, s.cy), (s.cx, s.bottom), (s.left, s.cy)]


def _step_symbol(layout: ChartGeometry, step: Langkah, s: _Shape) -> list[str]:
    title = f"{step.no}. {step.kegiatan}"
    out = [f'<g class="langkah" data-langkah="{step.no}">']
    if step.keputusan is not None:
        title += f" — {step.keputusan.pertanyaan}"
        out.append(f"<title>{_esc(title)}</title>")
        out.append(_polygon(_diamond_points(s), "belah-ketupat"))
        # The number above the centre line, the question below it, shortened to the width
        # the diamond has at the question's baseline (the full text is in the <title>).
        half_h = (s.bottom - s.top) / 2
        base = s.cy + QUESTION_SIZE
        room = (s.right - s.left) * (1 - (base - s.cy) / half_h) - 4
        question = _fit(step.keputusan.pertanyaan, room, QUESTION_SIZE)
        if question:
            out.append(_text(s.cx, s.cy - 2, str(step.no), NUMBER_SIZE - 1))
            out.append(_text(s.cx, base, question, QUESTION_SIZE, cls="pertanyaan"))
        else:
            out.append(_centred(s.cx, s.cy, str(step.no), NUMBER_SIZE))
    else:
        out.append(f"<title>{_esc(title)}</title>")
        out.append(_rect(s.left, s.top, s.right - s.left, s.bottom - s.top, "kotak"))
        out.append(_centred(s.cx, s.cy, str(step.no), NUMBER_SIZE))
    # Co-responsible roles whose lanes the symbol does not span (see _shape): a dashed mark.
    size = layout.row_height * BOX_HEIGHT * 0.75
    for lane in s.marks:
        mx = layout.lane_x(lane) + layout.lane_width / 2
        start, end = (s.right, mx - size / 2) if mx > s.cx else (s.left, mx + size / 2)
        out.append(
            f'<line class="rekan" x1="{_num(start)}" y1="{_num(s.cy)}" x2="{_num(end)}" y2="{_num(s.cy)}" '
            f'stroke="{INK}" stroke-width="{_num(STROKE)}" stroke-dasharray="3 2"/>'
        )
        out.append(_rect(mx - size / 2, s.cy - size / 2, size, size, "rekan", extra=' stroke-dasharray="3 2"'))
        out.append(_centred(mx, s.cy, str(step.no), LABEL_SIZE))
    out.append("</g>")
    return out


# --------------------------------------------------------------------------- the flowchart


def _continues(step: Langkah) -> list[str]:
    """Labels of the arrow from ``step`` to the next step: "" for an ordinary step, the
    branch labels of a decision whose branch leads there, none if no branch does."""
    if step.keputusan is None:
        return [""]
    k = step.keputusan
    return [label for label, target in ((k.label_ya, k.ya), (k.label_tidak, k.tidak)) if target == step.no + 1]


def _down(a: _Shape, b: _Shape, boundary: float) -> list[Point]:
    """From the bottom of ``a`` to the top of ``b`` in the next row: straight down in the same
    lane, else down, across just above the row boundary (not on the grid line), and down."""
    if abs(a.port - b.port) < 0.5:
        return [(a.port, a.bottom), (b.port, b.top)]
    turn = boundary - min(6.0, (boundary - a.bottom) / 2)
    return [(a.port, a.bottom), (a.port, turn), (b.port, turn), (b.port, b.top)]


def _down_label(a: _Shape, route: list[Point], label: str) -> str:
    # Beside the first vertical segment, on the side the route does not turn to.
    left = len(route) > 2 and route[2][0] > a.port
    x = a.port - 3 if left else a.port + 3
    return _text(x, a.bottom + LABEL_SIZE + 1, label, LABEL_SIZE, "end" if left else "start", "label-cabang")


def flowchart_svg(
    sop: Sop,
    steps: range | None = None,
    *,
    row_height: float = ROW_HEIGHT,
    lane_width: float = LANE_WIDTH,
    band: float = BAND,
    grid: bool = True,
    id_prefix: str | None = None,
) -> str:
    """The swimlane flowchart of ``steps`` (step numbers, default all) as an SVG document.

    ``grid`` draws the lane and row lines (the table cell around the picture cannot);
    ``id_prefix`` names the arrowhead marker, by default after the steps, so that the SVGs of
    several pages inlined in one HTML document do not share ids. See :class:`ChartGeometry` for the
    geometry and the module docstring for how a template places the picture.
    """
    layout = flowchart_layout(sop, steps, row_height=row_height, lane_width=lane_width, band=band)
    first, last = layout.steps.start, layout.steps.stop - 1
    marker = _esc(id_prefix or f"sop-panah-{first}-{last}")
    shapes = {no: _shape(layout, sop.step(no)) for no in layout.steps}
    body = [_marker_def(marker), *_grid(layout, grid)]
    for no in layout.steps:
        body += _step_symbol(layout, sop.step(no), shapes[no])
    body += _flow(sop, layout, shapes, marker)
    body += _branches(sop, layout, shapes, marker)
    return _document(layout.width, layout.height, f"Diagram alir SOP {sop.nomor}: langkah {first}–{last}", body)


def _grid(layout: ChartGeometry, grid: bool) -> list[str]:
    """The lanes (one ``rect`` each, outlined when ``grid``) and, when ``grid``, the row lines."""
    stroke = f'stroke="{INK}" stroke-width="{_num(GRID_STROKE)}"' if grid else 'stroke="none"'
    out = ['<g class="kisi">']
    for i, role in enumerate(layout.lanes):
        out.append(
            f'<rect class="lajur" data-peran="{_esc(role)}" x="{_num(layout.lane_x(i))}" y="0" '
            f'width="{_num(layout.lane_width)}" height="{_num(layout.height)}" fill="none" {stroke}/>'
        )
    if grid:
        y = 0.0
        for height in layout.row_heights[:-1]:
            y += height
            out.append(f'<line class="baris" x1="0" y1="{_num(y)}" x2="{_num(layout.width)}" y2="{_num(y)}" {stroke}/>')
    out.append("</g>")
    return out


def _flow(sop: Sop, layout: ChartGeometry, shapes: dict[int, _Shape], marker: str) -> list[str]:
    """The start symbol (Mulai, or the connector from the previous page), the arrows from
    each step to the next, and the end symbol (Selesai, or the connector to the next page)."""
    first, last = layout.steps.start, layout.steps.stop - 1
    head, tail = shapes[first], shapes[last]
    cap_w, cap_h = min(layout.lane_width * 0.62, 64.0), min(layout.top * 0.56, 18.0)
    con_w = con_h = min(layout.top * 0.62, 20.0)
    out: list[str] = []

    if first == 1:
        y = (layout.top - cap_h) / 2 - 3
        out += _capsule(head.port, y, cap_w, cap_h, "Mulai")
        out.append(_arrow([(head.port, y + cap_h), (head.port, head.top)], marker))
    else:
        y = (layout.top - con_h) / 2 - 3
        out += _connector(head.port, y, con_w, con_h, str(first))
        out.append(_arrow([(head.port, y + con_h), (head.port, head.top)], marker))

    ends = last == len(sop.langkah)
    end_h = cap_h if ends else con_h
    end_y = layout.height - layout.bottom + (layout.bottom - end_h) / 2 + 3
    for no in layout.steps:
        labels = _continues(sop.step(no))
        if not labels:
            continue
        a = shapes[no]
        if no < last:
            route = _down(a, shapes[no + 1], layout.step_top(no + 1))
        else:
            route = [(a.port, a.bottom), (a.port, end_y)]
        out.append(_arrow(route, marker))
        label = " / ".join(x for x in labels if x)
        if label:
            out.append(_down_label(a, route, label))

    if ends:
        out += _capsule(tail.port, end_y, cap_w, cap_h, "Selesai")
    else:
        out += _connector(tail.port, end_y, con_w, con_h, str(last + 1))
    return out


def _branches(sop: Sop, layout: ChartGeometry, shapes: dict[int, _Shape], marker: str) -> list[str]:
    """Decision branches that do not lead to the next step, routed along the margins:
    backwards on the left of the first lane, forwards on the right of the last."""
    out: list[str] = []
    routes = {"left": 0, "right": 0}
    W = layout.width
    small = min(layout.lane_width * 2 * MARGIN, 12.0)
    for no in layout.steps:
        step = sop.step(no)
        if step.keputusan is None:
            continue
        k, d = step.keputusan, shapes[no]
        for label, target, name in ((k.label_ya, k.ya, "ya"), (k.label_tidak, k.tidak, "tidak")):
            if target in (no, no + 1):
                continue  # the next step: drawn by _flow; the step itself: nothing to draw
            side = "left" if target <= no else "right"
            inset = layout.lane_width * MARGIN + ROUTE_STEP * routes[side]
            routes[side] += 1
            mx = inset if side == "left" else W - inset
            start = (d.left, d.cy) if side == "left" else (d.right, d.cy)
            route: list[Point] = [start, (mx, d.cy)]
            if target in shapes:
                t = shapes[target]
                route += [(mx, t.cy), (t.left if side == "left" else t.right, t.cy)]
            elif target < layout.steps.start:
                y = (layout.top - small) / 2
                out += _connector(mx, y, small, small, str(target), small=True)
                route.append((mx, y + small))
            else:
                y = layout.height - layout.bottom + (layout.bottom - small) / 2
                out += _connector(mx, y, small, small, str(target), small=True)
                route.append((mx, y))
            extra = f' data-cabang="{name}" data-ke="{target}"'
            out.append(_arrow(route, marker, extra))
            out.append(_margin_label(d, side, mx, label))
    return out


def _margin_label(d: _Shape, side: str, mx: float, label: str) -> str:
    """A branch label above the line leaving the diamond's side; where the margin is too
    narrow for it (a diamond in the outer lane), above the diamond's outer corner instead,
    clear of its sloping edge."""
    width = len(label) * CHAR_WIDTH * LABEL_SIZE
    if side == "left":
        if d.left - 2 - width >= mx + 2:
            return _text(d.left - 2, d.cy - 3, label, LABEL_SIZE, "end", "label-cabang")
        return _text(mx + 3, d.top + 2, label, LABEL_SIZE, "start", "label-cabang")
    if d.right + 2 + width <= mx - 2:
        return _text(d.right + 2, d.cy - 3, label, LABEL_SIZE, "start", "label-cabang")
    return _text(mx - 3, d.top + 2, label, LABEL_SIZE, "end", "label-cabang")


# --------------------------------------------------------------------------- pages and legend


@dataclass(frozen=True)
class FlowchartPage:
    """One page of the flowchart table: its steps, the geometry and the picture."""

    steps: list[Langkah]
    layout: ChartGeometry
    svg: str

    @property
    def first(self) -> bool:
        return self.layout.steps.start == 1


def page_ranges(count: int, per_page: int) -> list[range]:
    """Step numbers 1..``count`` in pages of at most ``per_page`` rows, the last page never
    holding a single row when it can be avoided (a lone row after a connector reads badly)."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    pages = [range(s, min(s + per_page, count + 1)) for s in range(1, count + 1, per_page)]
    if len(pages) > 1 and len(pages[-1]) == 1 and per_page > 2:
        prev = pages[-2]
        pages[-2:] = [range(prev.start, prev.stop - 1), range(prev.stop - 1, count + 1)]
    return pages


def flowchart_pages(
    sop: Sop,
    per_page: int = 8,
    *,
    row_height: float = ROW_HEIGHT,
    lane_width: float = LANE_WIDTH,
    band: float = BAND,
) -> list[FlowchartPage]:
    """The flowchart split into pages of at most ``per_page`` steps, each with its picture.

    The default 8 rows of 64 px plus the two bands fill about 580 px: an A4 landscape page
    (about 690 px high inside 14 mm margins) with the table header on top.
    """
    pages = []
    for steps in page_ranges(len(sop.langkah), per_page):
        layout = flowchart_layout(sop, steps, row_height=row_height, lane_width=lane_width, band=band)
        svg = flowchart_svg(sop, steps, row_height=row_height, lane_width=lane_width, band=band)
        pages.append(FlowchartPage([sop.step(no) for no in steps], layout, svg))
    return pages


LEGEND_NAMES = ("kapsul", "kotak", "belah_ketupat", "anak_panah", "penghubung")


def legend_svg(width: float = 48.0, height: float = 26.0) -> dict[str, str]:
    """The five SOP AP symbols, each a small standalone SVG for the legend table, keyed in
    the order of :data:`LEGEND_NAMES`: ``kapsul`` (start/end), ``kotak`` (activity),
    ``belah_ketupat`` (decision), ``anak_panah`` (flow) and ``penghubung`` (off-page
    connector). The words beside them come from the template."""
    w, h, cx, cy = width, height, width / 2, height / 2
    sw = w * 0.8
    sh = h * 0.6
    symbols = {
        "kapsul": [_rect(cx - sw / 2, cy - sh / 2, sw, sh, "kapsul", rx=sh / 2)],
        "kotak": [_rect(cx - sw / 2, cy - sh / 2, sw, sh, "kotak")],
        "belah_ketupat": [
            _polygon([(cx, 2), (cx + sw / 2, cy), (cx, h - 2), (cx - sw / 2, cy)], "belah-ketupat"),
        ],
        "anak_panah": [_marker_def("legenda-panah"), _arrow([(cx - sw / 2, cy), (cx + sw / 2, cy)], "legenda-panah")],
        "penghubung": _connector(cx, 2, h * 0.8, h - 4, ""),
    }
    return {name: _document(w, h, name.replace("_", " "), symbols[name]) for name in LEGEND_NAMES}
