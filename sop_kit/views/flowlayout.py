"""The flowchart table's geometry, in px: its columns (No, Kegiatan, one lane per role, the
Mutu Baku columns, Keterangan), each step row as tall as its longest cell, the bands for the
start and end symbols, and where each step's symbol sits. :mod:`.flowchart` draws from it."""

from __future__ import annotations

from dataclasses import dataclass

from ..records.models.sop import Langkah, Sop
from .svg import Box
from .textwidth import wrap

TEXT_SIZE = 10.0  # px: 7.5 pt in print
LINE = 12.5  # px between baselines
PAD_X = 4.0
PAD_Y = 5.0

MIN_ROW = 56.0  # px: room for a box and the arrows around it
DECISION_ROW = 78.0  # px: a diamond, and a labelled branch leaving it downwards
BAND = 30.0  # px above the first and below the last step row, for a capsule or connector
BOX_HEIGHT = 26.0
DIAMOND_HEIGHT = 42.0
BOX_PAD = 0.19  # horizontal space between a box and its lane edge, of the lane width
DIAMOND_PAD = 0.1

# Text columns, in px: with three lanes of 110 px the table is 1030 px wide, the width of
# an A4 landscape page inside 12 mm margins.
TEXT_COLUMNS = {
    "no": 30.0,
    "kegiatan": 240.0,
    "kelengkapan": 118.0,
    "waktu": 62.0,
    "output": 150.0,
    "keterangan": 100.0,
}
TABLE_WIDTH = 1030.0
LANE_MIN, LANE_MAX = 84.0, 130.0
MUTU_BAKU = ("kelengkapan", "waktu", "output")
TITLES = {
    "no": "No",
    "kegiatan": "Kegiatan",
    "pelaksana": "Pelaksana",
    "mutu": "Mutu Baku",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
}
LEGEND_ROWS = 3  # five symbols in two columns
LEGEND_ROW = 24.0
LEGEND_GAP = 14.0


@dataclass(frozen=True)
class Column:
    key: str  # a text column's name, or "lajur:<role id>"
    title: str
    x: float
    width: float

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class ChartGeometry:
    """Where things are, in px. ``lanes`` are the role ids in ``sop.peran`` order; ``steps``
    the step numbers drawn; ``rows`` each step row's height, the bands included in the first
    and last; ``legend`` the legend's height below the table (0: not on this page)."""

    lanes: tuple[str, ...]
    steps: range
    columns: tuple[Column, ...]
    lane_width: float
    header: tuple[float, float]
    rows: tuple[float, ...]
    top: float
    bottom: float
    legend: float

    @property
    def width(self) -> float:
        return self.columns[-1].right

    @property
    def table_height(self) -> float:
        return sum(self.header) + sum(self.rows)

    @property
    def height(self) -> float:
        return self.table_height + (LEGEND_GAP + self.legend if self.legend else 0.0)

    @property
    def body_top(self) -> float:
        return sum(self.header)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def lane_x(self, index: int) -> float:
        """Left edge of lane ``index`` (0-based, in ``sop.peran`` order)."""
        return self.column(f"lajur:{self.lanes[0]}").x + index * self.lane_width

    def row_top(self, no: int) -> float:
        """Top of step ``no``'s row (its band included)."""
        return self.body_top + sum(self.rows[: no - self.steps.start])

    def step_top(self, no: int) -> float:
        """Top of step ``no``'s own part of its row (below the top band on the first row)."""
        return self.row_top(no) + (self.top if no == self.steps.start else 0.0)

    def step_height(self, no: int) -> float:
        i = no - self.steps.start
        return self.rows[i] - (self.top if i == 0 else 0.0) - (self.bottom if i == len(self.rows) - 1 else 0.0)

    def centre_y(self, no: int) -> float:
        return self.step_top(no) + self.step_height(no) / 2


def table_columns(sop: Sop) -> tuple[tuple[Column, ...], float]:
    lanes = len(sop.peran)
    fixed = sum(TEXT_COLUMNS.values())
    lane_width = min(LANE_MAX, max(LANE_MIN, (TABLE_WIDTH - fixed) / lanes))
    widths: list[tuple[str, str, float]] = [
        ("no", TITLES["no"], TEXT_COLUMNS["no"]),
        ("kegiatan", TITLES["kegiatan"], TEXT_COLUMNS["kegiatan"]),
        *((f"lajur:{r.id}", r.nama, lane_width) for r in sop.peran),
        *((key, TITLES[key], TEXT_COLUMNS[key]) for key in (*MUTU_BAKU, "keterangan")),
    ]
    out, x = [], 0.0
    for key, title, width in widths:
        out.append(Column(key, title, x, width))
        x += width
    return tuple(out), lane_width


def cells(step: Langkah) -> dict[str, str]:
    """The text of each text column of a step's row, as the SOP prints it."""
    return {
        "no": str(step.no),
        "kegiatan": step.kegiatan,
        "kelengkapan": step.kelengkapan,
        "waktu": step.waktu_teks or f"{step.waktu_menit} Menit",
        "output": step.output,
        "keterangan": step.keterangan or "",
    }


def lines(text: str, column: Column, bold: bool = False) -> list[str]:
    return wrap(text, column.width - 2 * PAD_X, TEXT_SIZE, bold)


def block(lines: int) -> float:
    return lines * LINE + 2 * PAD_Y


def row_heights(sop: Sop) -> list[float]:
    """Each step row's own height (bands not included): its longest cell, at least MIN_ROW."""
    cols, _ = table_columns(sop)
    by_key = {c.key: c for c in cols}
    return [
        max(
            DECISION_ROW if step.keputusan else MIN_ROW,
            *(block(len(lines(text, by_key[key]))) for key, text in cells(step).items() if text),
        )
        for step in sop.langkah
    ]


def header_heights(sop: Sop) -> tuple[float, float]:
    cols, _ = table_columns(sop)
    second = [c for c in cols if c.key.startswith("lajur:") or c.key in MUTU_BAKU]
    return block(1), max(block(len(lines(c.title, c, bold=True))) for c in second)


def legend_height() -> float:
    return LEGEND_ROWS * LEGEND_ROW


def flowchart_layout(sop: Sop, steps: range | None = None, *, legend: bool | None = None) -> ChartGeometry:
    """The geometry :func:`flowchart_svg` uses for ``steps`` (default all); the legend is
    drawn below the table when ``legend`` is true (default: when the steps reach the end)."""
    count = len(sop.langkah)
    steps = range(1, count + 1) if steps is None else steps
    if steps.step != 1 or not steps or steps.start < 1 or steps.stop > count + 1:
        raise ValueError(f"steps must be a non-empty range within 1..{count} in steps of 1, not {steps!r}")
    cols, lane_width = table_columns(sop)
    own = row_heights(sop)[steps.start - 1 : steps.stop - 1]
    rows = list(own)
    rows[0] += BAND
    rows[-1] += BAND
    with_legend = steps.stop == count + 1 if legend is None else legend
    return ChartGeometry(
        lanes=tuple(r.id for r in sop.peran),
        steps=steps,
        columns=cols,
        lane_width=lane_width,
        header=header_heights(sop),
        rows=tuple(rows),
        top=BAND,
        bottom=BAND,
        legend=legend_height() if with_legend else 0.0,
    )


@dataclass(frozen=True)
class Shape:
    """Where one step's symbol is: its bounding box, and the lanes of co-responsible roles
    that get a small mark instead (see :func:`shape`)."""

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

    @property
    def box(self) -> Box:
        return (self.left, self.top, self.right, self.bottom)


def shape(layout: ChartGeometry, step: Langkah) -> Shape:
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
    w = layout.lane_width
    pad = w * (DIAMOND_PAD if decision else BOX_PAD)
    height = DIAMOND_HEIGHT if decision else BOX_HEIGHT
    cy = layout.centre_y(step.no)
    left, right = layout.lane_x(lo) + pad, layout.lane_x(hi + 1) - pad
    port = layout.lane_x(first) + w / 2
    return Shape(step.no, decision, left, right, cy - height / 2, cy + height / 2, port, marks)
