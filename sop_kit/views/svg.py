"""SVG written as text: the few shapes the flowchart needs, every text and attribute value
XML-escaped, numbers rounded so the same drawing gives the same bytes. One line weight
(:data:`STROKE`) for every stroked shape."""

from __future__ import annotations

from collections.abc import Sequence

from .textwidth import text_width

FONT = "DejaVu Sans, sans-serif"
INK = "#000"
SVG_NS = "http://www.w3.org/2000/svg"
STROKE = 1.0  # every line, grid and symbols alike: 0.75 pt in print

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


def num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def esc(text: str) -> str:
    """Escaped for text content and for double-quoted attribute values (as xml.sax.saxutils
    would, whose import brings urllib.request: 30 ms of every sop-kit command)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def point_list(points: Sequence[Point]) -> str:
    return " ".join(f"{num(x)},{num(y)}" for x, y in points)


def fit(text: str, width: float, size: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` px at font ``size``."""
    if text_width(text, size) <= width:
        return text
    for end in range(len(text) - 1, 0, -1):
        shorter = text[:end].rstrip() + "…"
        if text_width(shorter, size) <= width:
            return shorter
    return ""


def text_line(
    x: float,
    y: float,
    text: str,
    size: float,
    anchor: str = "middle",
    cls: str = "",
    bold: bool = False,
    extra: str = "",
) -> str:
    """A single line of text, ``y`` the baseline."""
    cls_attr = f' class="{cls}"' if cls else ""
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text{cls_attr} x="{num(x)}" y="{num(y)}" font-size="{num(size)}"{weight} text-anchor="{anchor}" '
        f'fill="{INK}"{extra}>{esc(text)}</text>'
    )


def centred(x: float, cy: float, text: str, size: float) -> str:
    return text_line(x, cy + size * 0.35, text, size)


def rect(x: float, y: float, w: float, h: float, cls: str, rx: float = 0, extra: str = "", fill: str = "#fff") -> str:
    round_attr = f' rx="{num(rx)}" ry="{num(rx)}"' if rx else ""
    return (
        f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"{round_attr} '
        f'fill="{fill}" stroke="{INK}" stroke-width="{num(STROKE)}"{extra}/>'
    )


def polygon(points: Sequence[Point], cls: str) -> str:
    return (
        f'<polygon class="{cls}" points="{point_list(points)}" fill="#fff" '
        f'stroke="{INK}" stroke-width="{num(STROKE)}"/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, cls: str, extra: str = "") -> str:
    return (
        f'<line class="{cls}" x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
        f'stroke="{INK}" stroke-width="{num(STROKE)}"{extra}/>'
    )


def arrow(points: Sequence[Point], marker: str, extra: str = "", cls: str = "alur") -> str:
    """An orthogonal line ending in an arrowhead."""
    # A <path>, not a <polyline>: WeasyPrint (70) orients markers on polylines wrongly.
    d = " ".join(f"{'L' if i else 'M'}{num(x)},{num(y)}" for i, (x, y) in enumerate(points))
    return (
        f'<path class="{cls}" d="{d}" fill="none" stroke="{INK}" '
        f'stroke-width="{num(STROKE)}" marker-end="url(#{marker})"{extra}/>'
    )


def marker_def(marker: str) -> str:
    # userSpaceOnUse: the arrowhead is 7 px long whatever the stroke width; its tip is the
    # line's end point, so a line ending on a symbol's edge points exactly at it.
    return (
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}" stroke="none"/>'
        "</marker></defs>"
    )


def document(width: float, height: float, title: str, body: Sequence[str]) -> str:
    """The drawing of ``width`` × ``height`` px, with half a line's width to spare around it: a
    line on its edge shows as wide as any other, not cut in half by the picture's border."""
    m = STROKE / 2
    head = (
        f'<svg xmlns="{SVG_NS}" width="{num(width + 2 * m)}px" height="{num(height + 2 * m)}px" '
        f'viewBox="{num(-m)} {num(-m)} {num(width + 2 * m)} {num(height + 2 * m)}" font-family="{FONT}" '
        f'role="img" aria-label="{esc(title)}">'
    )
    return "\n".join([head, f"<title>{esc(title)}</title>", *body, "</svg>"]) + "\n"


def text_box(x: float, baseline: float, text: str, size: float, anchor: str) -> Box:
    width = text_width(text, size)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return (left, baseline - 0.76 * size, left + width, baseline + 0.24 * size)
