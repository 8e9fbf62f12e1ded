"""Charts as static SVG, drawn at build time: the site stays static and the PDFs carry the same
pictures. Every label is escaped here; every chart has a title for screen readers, and the
pages and documents that show one keep its table beside it.

* :func:`month_chart`: cases opened and closed per month, as paired columns;
* :func:`step_time_chart`: per step, the median and the 90th-percentile duration as a share of
  the SOP's standard time, with the standard (100 %) drawn as a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .svg import esc

OPENED, CLOSED, MEDIAN, P90, STANDARD = "#1f5f8b", "#7fb77e", "#1f5f8b", "#c0731f", "#a00000"
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'
BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


@dataclass(frozen=True)
class MonthPoint:
    year: int
    month: int
    opened: int
    closed: int | None  # None: only the cases opened are drawn


@dataclass(frozen=True)
class StepPoint:
    label: str  # "1", or "61.1.D.049 · 1" where several SOPs share a chart
    standard: int  # minutes
    median: float | None
    p90: int | None


def _a(value: object) -> str:
    return esc(str(value))


def _nice_max(value: float) -> int:
    """A round axis maximum at or above ``value``: 1, 2, 5 × 10ⁿ."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if m * step >= value:
                return m * step
        step *= 10


def month_chart(points: Sequence[MonthPoint], title: str) -> str:
    """Paired columns of cases opened and closed per month."""
    width, height, left, bottom, top = 640, 240, 36, 38, 30
    plot_w, plot_h = width - left - 10, height - bottom - top
    highest = max([1, *(max(p.opened, p.closed or 0) for p in points)])
    pairs = any(p.closed is not None for p in points)
    top_value = max(4, -(-_nice_max(highest) // 4) * 4)  # counts: four whole-number steps
    slot = plot_w / max(1, len(points))
    bar = max(2.0, min(14.0, slot / (3 if pairs else 2)))
    out = [_open(width, height, title)]
    for i in range(5):  # grid and axis values
        y = top + plot_h - plot_h * i / 4
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')
        label = f"{top_value * i / 4:g}"
        out.append(f'<text x="{left - 4}" y="{y + 3:.1f}" text-anchor="end" font-size="9" {FONT}>{_a(label)}</text>')
    for i, p in enumerate(points):
        x = left + slot * i + slot / 2
        series: tuple[tuple[float, int | None, str], ...] = (
            ((-bar, p.opened, OPENED), (0.0, p.closed, CLOSED)) if pairs else ((-bar / 2, p.opened, OPENED),)
        )
        for offset, count, colour in series:
            h = plot_h * (count or 0) / top_value
            out.append(
                f'<rect x="{x + offset:.1f}" y="{top + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
        label = BULAN[p.month - 1] + (f" {p.year % 100:02d}" if len(points) > 12 or i == 0 or p.month == 1 else "")
        y = top + plot_h + 13
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="9" {FONT}>{_a(label)}</text>')
    out.append(_legend([(OPENED, "dibuka"), (CLOSED, "selesai")] if pairs else [(OPENED, "dibuka")], left, 14))
    out.append("</svg>")
    return "".join(out)


def step_time_chart(points: Sequence[StepPoint], title: str) -> str:
    """Horizontal bars of the median duration as a share of the standard, the P90 as a mark,
    and the standard as a red line at 100 %."""
    row, left, right, top = 22, 120, 20, 34
    width = 640
    height = top + row * max(1, len(points)) + 26
    shares = [x for p in points for x in (p.median, p.p90) if x is not None and p.standard]
    top_share = max(2.0, max((x / p.standard for p in points for x in (p.median, p.p90) if x is not None), default=1))
    top_share = _nice_max(top_share * 100) / 100 if shares else 2.0
    plot_w = width - left - right
    out = [_open(width, height, title)]
    for i in range(5):
        share = top_share * i / 4
        x = left + plot_w * i / 4
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 24}" stroke="#ddd" stroke-width="1"/>')
        label = f"{round(share * 100)}%"
        out.append(f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" font-size="9" {FONT}>{label}</text>')
    for i, p in enumerate(points):
        y = top + row * i
        out.append(
            f'<text x="{left - 6}" y="{y + row / 2 + 3:.1f}" text-anchor="end" font-size="9" {FONT}>'
            f"{_a(p.label)} ({p.standard} mnt)</text>"
        )
        if p.median is not None and p.standard:
            w = plot_w * min(p.median / p.standard, top_share) / top_share
            out.append(f'<rect x="{left}" y="{y + 5:.1f}" width="{w:.1f}" height="{row - 10}" fill="{MEDIAN}"/>')
        if p.p90 is not None and p.standard:
            x = left + plot_w * min(p.p90 / p.standard, top_share) / top_share
            out.append(
                f'<line x1="{x:.1f}" y1="{y + 3:.1f}" x2="{x:.1f}" y2="{y + row - 3:.1f}" stroke="{P90}" '
                f'stroke-width="3"/>'
            )
        if p.median is None:
            out.append(
                f'<text x="{left + 4}" y="{y + row / 2 + 3:.1f}" font-size="9" fill="#666" {FONT}>belum terukur</text>'
            )
    x100 = left + plot_w / top_share
    out.append(
        f'<line x1="{x100:.1f}" y1="{top - 4}" x2="{x100:.1f}" y2="{height - 24}" stroke="{STANDARD}" '
        f'stroke-width="1.5" stroke-dasharray="4 3"/>'
    )
    out.append(_legend([(MEDIAN, "median"), (P90, "P90"), (STANDARD, "standar SOP = 100%")], left, 14))
    out.append("</svg>")
    return "".join(out)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px; min-width:{width * 3 // 4}px; height:auto" role="img" '
        f'aria-label="{_a(title)}" class="grafik">'
        f"<title>{_a(title)}</title>"
    )


def _legend(items: list[tuple[str, str]], x: float, y: float) -> str:
    out = []
    for colour, label in items:
        out.append(f'<rect x="{x:.1f}" y="{y - 8:.1f}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{x + 14:.1f}" y="{y:.1f}" font-size="10" {FONT}>{_a(label)}</text>')
        x += 24 + 7 * len(label)
    return "".join(out)
