"""The SOP AP flowchart table as one SVG: structure and geometry read back with ElementTree,
text widths by DejaVu Sans' own metrics, not pixels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from sop_kit.records.models.sop import Langkah, Sop
from sop_kit.records.parse import parse_file
from sop_kit.views.flowchart import (
    LABEL_SIZE,
    LEGEND_NAMES,
    PAGE_ROOM,
    flowchart_layout,
    flowchart_pages,
    flowchart_svg,
    page_ranges,
)
from sop_kit.views.flowlayout import BAND, MIN_ROW, PAD_X, TEXT_SIZE, cells, header_heights, row_heights
from sop_kit.views.textwidth import text_width, wrap

REPO = Path(__file__).resolve().parent.parent
SOP_FILE = REPO / "records" / "sop" / "61.1.D.049-I-2020.yaml"
S = "{http://www.w3.org/2000/svg}"

Point = tuple[float, float]
Box = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def sop() -> Sop:
    model, _, problems = parse_file(SOP_FILE, "sop/61.1.D.049-I-2020.yaml", Sop)
    assert model is not None, problems
    return model


# --------------------------------------------------------------------------- helpers


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{S}svg"
    return root


def with_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{S}{tag}") if cls in (e.get("class") or "").split()]


def f(e: ET.Element, name: str) -> float:
    return float(e.attrib[name])


def polygon_points(e: ET.Element) -> list[Point]:
    return [(float(x), float(y)) for x, y in (p.split(",") for p in e.attrib["points"].split())]


def path_points(e: ET.Element) -> list[Point]:
    d = e.attrib["d"]
    assert re.fullmatch(r"M[-\d.]+,[-\d.]+( L[-\d.]+,[-\d.]+)+", d), d
    return [(float(x), float(y)) for x, y in re.findall(r"([-\d.]+),([-\d.]+)", d)]


def lanes(root: ET.Element) -> dict[str, tuple[float, float]]:
    return {r.attrib["data-peran"]: (f(r, "x"), f(r, "x") + f(r, "width")) for r in with_class(root, "rect", "lajur")}


def steps(root: ET.Element) -> dict[int, ET.Element]:
    return {int(g.attrib["data-langkah"]): g for g in with_class(root, "g", "langkah")}


def boxes(root: ET.Element) -> dict[int, ET.Element]:
    found = {}
    for no, group in steps(root).items():
        rects = with_class(group, "rect", "kotak")
        if rects:
            found[no] = rects[0]
    return found


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{S}text")]


def inside(x: float, span: tuple[float, float]) -> bool:
    return span[0] < x < span[1]


def arrows(root: ET.Element) -> list[ET.Element]:
    return with_class(root, "path", "alur")


def text_box(t: ET.Element) -> Box:
    """Where a <text> is drawn, by DejaVu Sans' widths (ascent and descent of the em)."""
    size, width = f(t, "font-size"), text_width(t.text or "", f(t, "font-size"), t.get("font-weight") == "bold")
    x = f(t, "x")
    left = {"start": x, "middle": x - width / 2, "end": x - width}[t.attrib["text-anchor"]]
    return (left, f(t, "y") - 0.76 * size, left + width, f(t, "y") + 0.24 * size)


def segments(root: ET.Element) -> list[tuple[Point, Point]]:
    """Every straight line drawn: arrows, grid lines, and the edges of boxes and symbols."""
    out: list[tuple[Point, Point]] = []
    for a in arrows(root):
        out += list(pairwise(path_points(a)))
    for line in root.iter(f"{S}line"):
        out.append(((f(line, "x1"), f(line, "y1")), (f(line, "x2"), f(line, "y2"))))
    for r in root.iter(f"{S}rect"):
        if r.get("stroke") != "none":
            x, y, w, h = f(r, "x"), f(r, "y"), f(r, "width"), f(r, "height")
            corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            out += list(pairwise([*corners, corners[0]]))
    for p in root.iter(f"{S}polygon"):
        points = polygon_points(p)
        out += list(pairwise([*points, points[0]]))
    return out


def crosses(box: Box, segment: tuple[Point, Point]) -> bool:
    """Does the segment pass through the box (sampled finely enough for slanted edges)?"""
    (x1, y1), (x2, y2) = segment
    left, top, right, bottom = box
    for i in range(101):
        x, y = x1 + (x2 - x1) * i / 100, y1 + (y2 - y1) * i / 100
        if left <= x <= right and top <= y <= bottom:
            return True
    return False


def generic_sop(sop: Sop) -> Sop:
    """Three steps, two roles, no decision."""
    roles = sop.peran[:2]
    plan = [("pelaksana",), ("kasi-pkk",), ("pelaksana",)]
    langkah = [
        sop.step(i + 1).model_copy(update={"no": i + 1, "pelaksana": list(who), "keputusan": None})
        for i, who in enumerate(plan)
    ]
    return sop.model_copy(update={"peran": roles, "langkah": langkah})


def long_sop(sop: Sop, count: int) -> Sop:
    """The shipped SOP's steps repeated to ``count`` steps (the decision only at step 2)."""
    langkah = [
        sop.step((i % 7) + 1).model_copy(update={"no": i + 1, "keputusan": sop.step(2).keputusan if i == 1 else None})
        for i in range(count)
    ]
    return sop.model_copy(update={"langkah": langkah})


def replace_step(sop: Sop, step: Langkah) -> Sop:
    langkah = list(sop.langkah)
    langkah[step.no - 1] = step
    return sop.model_copy(update={"langkah": langkah})


# --------------------------------------------------------------------------- the table


def test_document_has_px_size_and_matching_viewbox(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    layout = flowchart_layout(sop)
    # Half a line to spare on every side: the table's outer border is drawn whole.
    assert root.attrib["width"] == f"{layout.width + 1:g}px"
    assert root.attrib["height"] == f"{layout.height + 1:g}px"
    assert root.attrib["viewBox"] == f"-0.5 -0.5 {layout.width + 1:g} {layout.height + 1:g}"
    assert "DejaVu Sans" in root.attrib["font-family"]
    assert root.attrib["role"] == "img" and root.attrib["aria-label"].startswith("Diagram alir SOP")
    assert layout.width == pytest.approx(1030)  # an A4 landscape page inside 12 mm margins


def test_every_column_of_the_sop_ap_table_with_full_role_names(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    heads = {c.attrib["data-kolom"]: c for c in with_class(root, "rect", "kepala")}
    assert list(heads) == [
        "no", "kegiatan", "keterangan", "pelaksana", "mutu",
        "lajur:pelaksana", "lajur:kasi-pkk", "lajur:kabid", "kelengkapan", "waktu", "output",
    ]  # fmt: skip
    words = " ".join(texts(root))
    for role in sop.peran:  # the role as the source names it, never its abbreviation
        assert all(word in words for word in role.nama.split()), role.nama
        lane = heads[f"lajur:{role.id}"]
        span, bottom = (f(lane, "x"), f(lane, "x") + f(lane, "width")), f(lane, "y") + f(lane, "height")
        title = [
            t.text or "" for t in root.iter(f"{S}text") if inside(f(t, "x"), span) and f(lane, "y") < f(t, "y") < bottom
        ]
        assert joined(title) == role.nama  # in full, in its own lane's header
    assert "Kasi PKK" not in words and "Kabid" not in words
    for head in ("Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan", "Pelaksana", "No", "Kegiatan"):
        assert head in texts(root), head
    # Mutu Baku spans its three columns, Pelaksana its lanes.
    mutu = heads["mutu"]
    assert f(mutu, "x") == f(heads["kelengkapan"], "x")
    assert f(mutu, "x") + f(mutu, "width") == pytest.approx(f(heads["output"], "x") + f(heads["output"], "width"))


def test_three_swimlanes_in_role_order(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    found = lanes(root)
    assert list(found) == ["pelaksana", "kasi-pkk", "kabid"]
    widths = {round(b - a, 6) for a, b in found.values()}
    assert len(widths) == 1


def rows_of_text(root: ET.Element, layout: object, sop: Sop) -> dict[tuple[int, str], list[str]]:
    """The lines drawn in each (step, column) cell, found by where they stand."""
    from sop_kit.views.flowlayout import ChartGeometry

    assert isinstance(layout, ChartGeometry)
    table = with_class(root, "g", "tabel")[0]
    found: dict[tuple[int, str], list[str]] = {}
    for t in table.iter(f"{S}text"):
        y = f(t, "y")
        if y < layout.body_top:
            continue
        no = next(
            n for n in layout.steps if layout.row_top(n) < y < layout.row_top(n) + layout.rows[n - layout.steps.start]
        )
        column = next(c for c in layout.columns if c.x < f(t, "x") < c.right)
        found.setdefault((no, column.key), []).append(t.text or "")
    return found


def joined(lines: list[str]) -> str:
    """Lines as one text again: a space between, none after a line ending in / or -."""
    out = ""
    for line in lines:
        out += line if not out or out.endswith(("/", "-")) else " " + line
    return out


def test_every_cell_sits_in_its_own_row_and_column(sop: Sop) -> None:
    """Rows align by construction: each cell's lines are inside its step's row and its column,
    the symbol of the step in the same row, and nothing breaks a word."""
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    found = rows_of_text(root, layout, sop)
    for step in sop.langkah:
        for key, text in cells(step).items():
            if not text:
                continue
            lines = found[(step.no, key)]
            assert joined(lines) == " ".join(text.split()), (step.no, key, lines)
            column = layout.column(key)
            for line in lines:
                assert text_width(line, TEXT_SIZE) <= column.width - 2 * PAD_X + 0.01, (step.no, key, line)
        symbol = steps(root)[step.no]
        shapes = with_class(symbol, "rect", "kotak") + with_class(symbol, "polygon", "belah-ketupat")
        ys = [f(s, "y") for s in shapes if s.tag == f"{S}rect"] + [
            y for s in shapes if s.tag == f"{S}polygon" for _, y in polygon_points(s)
        ]
        top = layout.row_top(step.no)
        assert all(top < y < top + layout.rows[step.no - 1] for y in ys), step.no


def test_a_row_grows_with_its_text_and_the_rest_follow(sop: Sop) -> None:
    long_output = "Tersusunnya laporan lengkap " * 8
    changed = replace_step(sop, sop.step(3).model_copy(update={"output": long_output.strip()}))
    before, after = flowchart_layout(sop), flowchart_layout(changed)
    assert after.rows[2] > before.rows[2] > 0
    assert after.rows[:2] == before.rows[:2] and after.rows[3:] == before.rows[3:]
    assert after.row_top(4) - before.row_top(4) == pytest.approx(after.rows[2] - before.rows[2])
    root = parse(flowchart_svg(changed))
    box4 = boxes(root)[4]
    assert after.row_top(4) < f(box4, "y") < after.row_top(5)  # step 4's symbol moved with its row
    assert joined(rows_of_text(root, after, changed)[(3, "output")]) == long_output.strip()


def test_one_line_weight_for_everything_drawn(sop: Sop) -> None:
    svg = flowchart_svg(sop, range(1, 8))
    widths = set(re.findall(r'stroke-width="([^"]+)"', svg))
    assert widths == {"1"}
    strokes = set(re.findall(r'stroke="([^"]+)"', svg)) - {"none"}
    assert strokes == {"#000"}


def test_branch_labels_are_as_large_as_the_text_and_clear_of_every_line(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    labels = with_class(root, "text", "label-cabang")
    assert sorted(t.text or "" for t in labels) == ["Tidak", "Ya"]
    drawn = segments(root)
    symbols = [text_box(t) for t in root.iter(f"{S}text") if t not in labels]
    for label in labels:
        assert f(label, "font-size") == LABEL_SIZE == TEXT_SIZE
        box = text_box(label)
        assert not [s for s in drawn if crosses(box, s)], label.text
        assert not [b for b in symbols if b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3]]


def test_labels_stay_clear_when_the_decision_sits_in_the_first_lane(sop: Sop) -> None:
    step2 = sop.step(2).model_copy(update={"pelaksana": ["pelaksana"]})
    root = parse(flowchart_svg(replace_step(sop, step2)))
    drawn = segments(root)
    for label in with_class(root, "text", "label-cabang"):
        assert not [s for s in drawn if crosses(text_box(label), s)], label.text


def test_one_diamond_in_the_kasi_lane_at_row_2(sop: Sop) -> None:
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    diamonds = with_class(root, "polygon", "belah-ketupat")
    diamonds = [d for d in diamonds if d in list(steps(root)[2].iter())]
    assert len(diamonds) == 1
    points = polygon_points(diamonds[0])
    assert len(points) == 4
    cx = sum(x for x, _ in points) / 4
    cy = sum(y for _, y in points) / 4
    assert inside(cx, lanes(root)["kasi-pkk"])
    assert cy == pytest.approx(layout.centre_y(2))
    assert "Data valid?" in texts(root)


def test_six_boxes_in_the_responsible_lanes(sop: Sop) -> None:
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    lane = lanes(root)
    found = boxes(root)
    assert sorted(found) == [1, 3, 4, 5, 6, 7]
    for no, rect in found.items():
        left, right = f(rect, "x"), f(rect, "x") + f(rect, "width")
        assert f(rect, "y") + f(rect, "height") / 2 == pytest.approx(layout.centre_y(no))
        first = sop.step(no).pelaksana[0]
        assert inside(left, lane[first]), no
        if no in (5, 6):  # Kasi PKK / Kabid: one box spanning both lanes
            assert inside(right, lane["kabid"]), no
        else:
            assert inside(right, lane[first]), no
        assert str(no) in texts(steps(root)[no])


def test_mulai_and_selesai_capsules(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    capsules = [
        c for c in with_class(root, "rect", "kapsul") if c not in list(with_class(root, "g", "legenda")[0].iter())
    ]
    assert len(capsules) == 2
    assert all(float(c.attrib["rx"]) > 0 for c in capsules)
    assert "Mulai" in texts(root) and "Selesai" in texts(root)
    start, end = sorted(capsules, key=lambda c: f(c, "y"))
    found = boxes(root)
    assert f(start, "y") + f(start, "height") < f(found[1], "y")
    assert f(end, "y") > f(found[7], "y") + f(found[7], "height")
    assert inside(f(start, "x") + f(start, "width") / 2, lanes(root)["pelaksana"])
    assert not [c for c in with_class(root, "g", "penghubung") if c.get("data-ke")]


def test_arrows_are_orthogonal_with_an_arrowhead_marker(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    markers = {m.attrib["id"] for m in root.iter(f"{S}marker")}
    assert len(markers) == 1
    found = arrows(root)
    # Mulai→1, 1→2, 2→3 (Ya), 3→4, 4→5, 5→6, 6→7, 7→Selesai, and 2→1 (Tidak).
    assert len(found) == 9
    for arrow in found:
        assert arrow.attrib["marker-end"] in {f"url(#{m})" for m in markers}
        for (x1, y1), (x2, y2) in pairwise(path_points(arrow)):
            assert x1 == x2 or y1 == y2, arrow.attrib["d"]


def test_arrow_between_lanes_turns_at_right_angles(sop: Sop) -> None:
    """Step 1 (Pelaksana) to step 2 (Kasi PKK): down, across, down into the diamond's top."""
    root = parse(flowchart_svg(sop))
    lane = lanes(root)
    diamond = polygon_points(with_class(steps(root)[2], "polygon", "belah-ketupat")[0])
    top = min(diamond, key=lambda p: p[1])
    box1 = boxes(root)[1]
    into_2 = [a for a in arrows(root) if path_points(a)[-1] == top]
    assert len(into_2) == 1
    points = path_points(into_2[0])
    assert len(points) == 4
    assert inside(points[0][0], lane["pelaksana"]) and points[0][1] == pytest.approx(f(box1, "y") + f(box1, "height"))
    assert points[1][1] == points[2][1]  # the horizontal run
    assert inside(points[-1][0], lane["kasi-pkk"])


def test_tidak_loops_back_to_step_1_along_the_margin(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    tidak = [a for a in arrows(root) if a.get("data-cabang") == "tidak"]
    assert len(tidak) == 1
    assert tidak[0].attrib["data-ke"] == "1"
    points = path_points(tidak[0])
    diamond = polygon_points(with_class(steps(root)[2], "polygon", "belah-ketupat")[0])
    assert points[0] == min(diamond)  # leaves the diamond's left corner
    box1 = boxes(root)[1]
    end = points[-1]
    assert end[0] == pytest.approx(f(box1, "x"))  # enters step 1's box from the left
    assert f(box1, "y") < end[1] < f(box1, "y") + f(box1, "height")
    margin = min(x for x, _ in points)
    assert margin < min(f(b, "x") for b in boxes(root).values())  # left of every symbol
    assert inside(margin, lanes(root)["pelaksana"])  # in the lanes, not over the Kegiatan text


def test_ya_labels_the_arrow_down_to_step_3(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    labels = with_class(root, "text", "label-cabang")
    diamond = polygon_points(with_class(steps(root)[2], "polygon", "belah-ketupat")[0])
    bottom = max(diamond, key=lambda p: p[1])
    box3 = boxes(root)[3]
    down = [a for a in arrows(root) if path_points(a)[0] == bottom]
    assert len(down) == 1
    assert path_points(down[0])[-1] == pytest.approx((bottom[0], f(box3, "y")))
    ya = next(t for t in labels if t.text == "Ya")
    assert ya.attrib["data-cabang"] == "ya"
    assert bottom[1] < f(ya, "y") < f(box3, "y")
    assert abs(text_box(ya)[0] - bottom[0]) < 8  # beside the line it names


# --------------------------------------------------------------------------- pages and legend


def test_the_legend_closes_the_last_page_with_the_five_symbols(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    legend = with_class(root, "g", "legenda")
    assert len(legend) == 1
    symbols = with_class(legend[0], "g", "simbol")
    assert tuple(s.attrib["data-simbol"] for s in symbols) == LEGEND_NAMES
    assert LEGEND_NAMES == ("kapsul", "kotak", "belah_ketupat", "anak_panah", "penghubung")
    words = [t.text or "" for t in legend[0].iter(f"{S}text")]
    assert all(w.startswith("= Simbol ") for w in words) and len(words) == 5
    layout = flowchart_layout(sop)
    assert min(f(t, "y") for t in legend[0].iter(f"{S}text")) > layout.table_height  # below the table
    assert not with_class(parse(flowchart_svg(sop, range(1, 5))), "g", "legenda")  # not on a first page


def test_sub_ranges_use_off_page_connectors(sop: Sop) -> None:
    first = parse(flowchart_svg(sop, range(1, 5)))
    assert sorted(boxes(first)) == [1, 3, 4]
    assert [t for t in texts(first) if t in ("Mulai", "Selesai")] == ["Mulai"]
    connectors = [c for c in with_class(first, "g", "penghubung") if c.get("data-ke")]
    assert [c.attrib["data-ke"] for c in connectors] == ["5"]
    pentagon = polygon_points(with_class(connectors[0], "polygon", "penghubung")[0])
    assert len(pentagon) == 5
    box4 = boxes(first)[4]
    assert min(y for _, y in pentagon) > f(box4, "y") + f(box4, "height")  # below the last step
    assert any(a.get("data-cabang") == "tidak" for a in arrows(first))  # the loop is on this page

    second = parse(flowchart_svg(sop, range(5, 8)))
    assert sorted(boxes(second)) == [5, 6, 7]
    assert [t for t in texts(second) if t in ("Mulai", "Selesai")] == ["Selesai"]
    connectors = [c for c in with_class(second, "g", "penghubung") if c.get("data-ke")]
    assert [c.attrib["data-ke"] for c in connectors] == ["5"]
    pentagon = polygon_points(with_class(connectors[0], "polygon", "penghubung")[0])
    assert max(y for _, y in pentagon) < f(boxes(second)[5], "y")  # above the first step
    assert not [
        d
        for d in with_class(second, "polygon", "belah-ketupat")
        if d in list(with_class(second, "g", "tabel")[0].iter())
    ]


def test_page_layout_rows(sop: Sop) -> None:
    layout = flowchart_layout(sop, range(5, 8))
    own = row_heights(sop)[4:7]
    assert layout.rows == (own[0] + BAND, own[1], own[2] + BAND)
    assert layout.header == header_heights(sop)
    root = parse(flowchart_svg(sop, range(5, 8)))
    assert root.attrib["height"] == f"{layout.height + 1:g}px"
    ys = [f(line, "y1") for line in with_class(root, "line", "baris")]
    expected, y = [], layout.body_top
    for height in layout.rows[:-1]:
        y += height
        expected.append(y)
    assert ys == pytest.approx(expected)


def test_branch_to_a_step_on_another_page_ends_at_a_connector(sop: Sop) -> None:
    layout = flowchart_layout(sop, range(2, 5))
    root = parse(flowchart_svg(sop, range(2, 5)))
    tidak = [a for a in arrows(root) if a.get("data-cabang") == "tidak"]
    assert len(tidak) == 1
    end = path_points(tidak[0])[-1]
    small = [c for c in with_class(root, "g", "penghubung") if c.attrib.get("data-ke") == "1"]
    assert len(small) == 1
    pentagon = polygon_points(with_class(small[0], "polygon", "penghubung")[0])
    assert end == max(pentagon, key=lambda p: p[1])  # into the connector's point
    assert layout.body_top < end[1] < layout.body_top + layout.top  # in the band above step 2


def test_bad_ranges_are_refused(sop: Sop) -> None:
    for bad in (range(0, 3), range(1, 9), range(3, 3), range(1, 7, 2)):
        with pytest.raises(ValueError):
            flowchart_svg(sop, bad)


def test_page_ranges_fill_pages_by_height_and_keep_the_legend_with_rows() -> None:
    header = 60.0
    assert page_ranges([60.0] * 7, header, room=640, legend=72) == [range(1, 8)]
    # 100 px rows: 60 + 2 * 30 header and bands leave room for 5 rows; the legend then needs
    # the last page's first rows to move up a page of their own.
    pages = page_ranges([100.0] * 12, header, room=640, legend=72)
    assert pages[0] == range(1, 6) and pages[-1].stop == 13
    for page in pages:
        used = header + 2 * BAND + 100 * len(page)
        assert used + (86 if page is pages[-1] else 0) <= 640, page
    assert [n for p in pages for n in p] == list(range(1, 13))
    assert page_ranges([900.0, 60.0], header, room=640, legend=72) == [range(1, 2), range(2, 3)]  # a tall row alone
    assert page_ranges([900.0], header, room=640, legend=72) == [range(1, 2)]  # never an empty page


def test_a_long_sop_spreads_over_pages_each_within_the_page(sop: Sop) -> None:
    long = long_sop(sop, 20)
    pages = flowchart_pages(long)
    assert len(pages) > 1 and pages[0].first and not pages[1].first
    assert [s.no for p in pages for s in p.steps] == list(range(1, 21))
    for page in pages:
        assert page.layout.height <= PAGE_ROOM, page.layout.steps
        assert page.svg == flowchart_svg(long, page.layout.steps)
        has_legend = bool(with_class(parse(page.svg), "g", "legenda"))
        assert has_legend == page.last == (page is pages[-1])
    ids = [m.attrib["id"] for p in pages for m in parse(p.svg).iter(f"{S}marker")]
    assert len(set(ids)) == len(ids)  # pages inlined in one HTML document do not share ids
    for before, after in pairwise(pages):  # the connector at a page's foot names the next page's first step
        foot = [c.attrib["data-ke"] for c in with_class(parse(before.svg), "g", "penghubung") if c.get("data-ke")]
        assert str(after.layout.steps.start) in foot


# --------------------------------------------------------------------------- text


def test_wrapping_breaks_between_words_or_after_a_slash() -> None:
    assert wrap("Dokumen/Kendaraan/Alat komunikasi", 110, TEXT_SIZE) == ["Dokumen/Kendaraan/", "Alat komunikasi"]
    assert wrap("Kasi Peningkatan Kualitas Keluarga", 100, TEXT_SIZE, bold=True) == [
        "Kasi Peningkatan",
        "Kualitas",
        "Keluarga",
    ]
    for line in wrap("Pengumpulan data lokasi/daerah yang rawan atas ketahanan keluarga", 232, TEXT_SIZE):
        assert text_width(line, TEXT_SIZE) <= 232
    # Only a word wider than a line with no slash or hyphen in it is cut, and nothing is lost.
    cut = wrap("Pemberdayaanperempuanperlindungananak", 60, TEXT_SIZE)
    assert len(cut) > 1 and "".join(cut) == "Pemberdayaanperempuanperlindungananak"
    assert all(text_width(line, TEXT_SIZE) <= 60 for line in cut)


def test_widths_follow_dejavu_sans() -> None:
    assert text_width("M", 10) == pytest.approx(8.63)
    assert text_width("i", 10) < text_width("m", 10)
    assert text_width("é", 10) == text_width("e", 10)  # a letter with a diacritic as its base
    assert text_width("Tidak", 10, bold=True) > text_width("Tidak", 10)


def test_minimum_row_holds_a_box(sop: Sop) -> None:
    assert min(row_heights(sop)) >= MIN_ROW


# --------------------------------------------------------------------------- other SOPs


def test_generic_sop_without_a_decision(sop: Sop) -> None:
    small = generic_sop(sop)
    root = parse(flowchart_svg(small))
    assert list(lanes(root)) == ["pelaksana", "kasi-pkk"]
    assert not [
        d for d in with_class(root, "polygon", "belah-ketupat") if d in list(with_class(root, "g", "tabel")[0].iter())
    ]
    assert sorted(boxes(root)) == [1, 2, 3]
    assert len(arrows(root)) == 4
    assert not [a for a in arrows(root) if a.get("data-cabang")]
    assert not with_class(root, "text", "label-cabang")
    lane = lanes(root)
    assert inside(f(boxes(root)[2], "x"), lane["kasi-pkk"])


def test_roles_in_lanes_not_side_by_side_get_a_mark(sop: Sop) -> None:
    """Pelaksana and Kabid with Kasi PKK between them: the box stays in the Pelaksana lane and
    the Kabid lane gets a dashed mark, so the Kasi lane is not claimed."""
    changed = replace_step(sop, sop.step(4).model_copy(update={"pelaksana": ["pelaksana", "kabid"]}))
    root = parse(flowchart_svg(changed))
    lane = lanes(root)
    box = boxes(root)[4]
    assert inside(f(box, "x") + f(box, "width"), lane["pelaksana"])
    marks = with_class(steps(root)[4], "rect", "rekan")
    assert len(marks) == 1
    assert inside(f(marks[0], "x"), lane["kabid"])


def test_forward_branch_runs_along_the_right_margin(sop: Sop) -> None:
    step2 = sop.step(2)
    assert step2.keputusan is not None
    decision = step2.keputusan.model_copy(update={"ya": 3, "tidak": 5})
    root = parse(flowchart_svg(replace_step(sop, step2.model_copy(update={"keputusan": decision}))))
    tidak = next(a for a in arrows(root) if a.get("data-cabang") == "tidak")
    assert tidak.attrib["data-ke"] == "5"
    points = path_points(tidak)
    box5 = boxes(root)[5]
    assert points[-1][0] == pytest.approx(f(box5, "x") + f(box5, "width"))  # into its right side
    assert max(x for x, _ in points) > max(f(b, "x") + f(b, "width") for b in boxes(root).values())
    assert inside(max(x for x, _ in points), lanes(root)["kabid"])  # in the lanes, not over Mutu Baku


# --------------------------------------------------------------------------- safety, determinism


def test_text_is_escaped(sop: Sop) -> None:
    hostile = "<script>alert(1)</script> & \"kutip\" 'x'"
    step2 = sop.step(2)
    assert step2.keputusan is not None
    decision = step2.keputusan.model_copy(update={"pertanyaan": '<script>&"', "label_tidak": "<b>Tidak</b> &"})
    changed = replace_step(sop, step2.model_copy(update={"kegiatan": hostile, "keputusan": decision}))
    changed = changed.model_copy(update={"nomor": '61.1/<i>"&"</i>'})
    svg = flowchart_svg(changed, id_prefix='a"<b>')
    root = parse(svg)  # well-formed
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    tags = {e.tag.removeprefix(S) for e in root.iter()}
    assert not tags & {"script", "b", "i", "a", "foreignObject"}
    titles = [t.text or "" for t in root.iter(f"{S}title")]
    assert any(hostile in t for t in titles)
    assert any('<script>&"' in t for t in titles)
    assert "<b>Tidak</b> &" in texts(root)
    assert joined(rows_of_text(root, flowchart_layout(changed), changed)[(2, "kegiatan")]) == hostile


def test_no_external_references(sop: Sop) -> None:
    svg = "".join(p.svg for p in flowchart_pages(long_sop(sop, 20)))
    assert "href" not in svg and "<image" not in svg and "@import" not in svg and "<style" not in svg
    assert re.findall(r"url\((?!#)", svg) == []
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_output_is_deterministic(sop: Sop) -> None:
    once = flowchart_svg(sop)
    assert once == flowchart_svg(sop)
    assert once == flowchart_svg(sop.model_copy(deep=True))
    assert flowchart_svg(sop, range(5, 8)) == flowchart_svg(sop, range(5, 8))
    assert [p.svg for p in flowchart_pages(sop)] == [once]  # the shipped SOP: one page, legend included
