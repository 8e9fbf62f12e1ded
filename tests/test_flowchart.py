"""The SOP AP flowchart SVG: structure read back with ElementTree, not pixels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from sop_kit.records.models.sop import Langkah, Sop
from sop_kit.records.parse import parse_file
from sop_kit.views.flowchart import (
    LEGEND_NAMES,
    flowchart_layout,
    flowchart_pages,
    flowchart_svg,
    legend_svg,
    page_ranges,
)

REPO = Path(__file__).resolve().parent.parent
SOP_FILE = REPO / "records" / "sop" / "61.1.D.049-I-2020.yaml"
S = "{http://www.w3.org/2000/svg}"

Point = tuple[float, float]


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


def generic_sop(sop: Sop) -> Sop:
    """Three steps, two roles, no decision."""
    roles = sop.peran[:2]
    plan = [("pelaksana",), ("kasi-pkk",), ("pelaksana",)]
    langkah = [
        sop.step(i + 1).model_copy(update={"no": i + 1, "pelaksana": list(who), "keputusan": None})
        for i, who in enumerate(plan)
    ]
    return sop.model_copy(update={"peran": roles, "langkah": langkah})


def replace_step(sop: Sop, step: Langkah) -> Sop:
    langkah = list(sop.langkah)
    langkah[step.no - 1] = step
    return sop.model_copy(update={"langkah": langkah})


# --------------------------------------------------------------------------- the shipped SOP


def test_document_has_px_size_and_matching_viewbox(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    layout = flowchart_layout(sop)
    assert root.attrib["width"] == f"{layout.width:g}px"
    assert root.attrib["height"] == f"{layout.height:g}px"
    assert root.attrib["viewBox"] == f"0 0 {layout.width:g} {layout.height:g}"
    assert "DejaVu Sans" in root.attrib["font-family"]
    assert layout.width == 3 * layout.lane_width
    assert sum(layout.row_heights) == pytest.approx(layout.height)


def test_three_swimlanes_in_role_order(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    found = lanes(root)
    assert list(found) == ["pelaksana", "kasi-pkk", "kabid"]
    widths = {round(b - a, 6) for a, b in found.values()}
    assert len(widths) == 1


def test_row_lines_match_the_layout(sop: Sop) -> None:
    """The grid lines sit where the template's table rows end."""
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    ys = [f(line, "y1") for line in with_class(root, "line", "baris")]
    expected, y = [], 0.0
    for height in layout.row_heights[:-1]:
        y += height
        expected.append(y)
    assert ys == pytest.approx(expected)


def test_one_diamond_in_the_kasi_lane_at_row_2(sop: Sop) -> None:
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    diamonds = with_class(root, "polygon", "belah-ketupat")
    assert len(diamonds) == 1
    points = polygon_points(diamonds[0])
    assert len(points) == 4
    cx = sum(x for x, _ in points) / 4
    cy = sum(y for _, y in points) / 4
    assert inside(cx, lanes(root)["kasi-pkk"])
    assert layout.step_top(2) < cy < layout.step_top(2) + layout.row_height
    assert with_class(steps(root)[2], "polygon", "belah-ketupat") == diamonds
    assert "Data valid?" in texts(root)


def test_six_boxes_in_the_responsible_lanes(sop: Sop) -> None:
    layout = flowchart_layout(sop)
    root = parse(flowchart_svg(sop))
    lane = lanes(root)
    found = boxes(root)
    assert sorted(found) == [1, 3, 4, 5, 6, 7]
    assert len(with_class(root, "rect", "kotak")) == 6
    for no, rect in found.items():
        left, right = f(rect, "x"), f(rect, "x") + f(rect, "width")
        top, bottom = f(rect, "y"), f(rect, "y") + f(rect, "height")
        assert layout.step_top(no) < top < bottom < layout.step_top(no) + layout.row_height
        first = sop.step(no).pelaksana[0]
        assert inside(left, lane[first]), no
        if no in (5, 6):  # Kasi PKK / Kabid: one box spanning both lanes
            assert inside(right, lane["kabid"]), no
        else:
            assert inside(right, lane[first]), no
        assert str(no) in texts(steps(root)[no])


def test_mulai_and_selesai_capsules(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    capsules = with_class(root, "rect", "kapsul")
    assert len(capsules) == 2
    assert all(float(c.attrib["rx"]) > 0 for c in capsules)
    assert "Mulai" in texts(root) and "Selesai" in texts(root)
    start, end = sorted(capsules, key=lambda c: f(c, "y"))
    found = boxes(root)
    assert f(start, "y") + f(start, "height") < f(found[1], "y")
    assert f(end, "y") > f(found[7], "y") + f(found[7], "height")
    assert inside(f(start, "x") + f(start, "width") / 2, lanes(root)["pelaksana"])
    assert not with_class(root, "polygon", "penghubung")


def test_arrows_are_orthogonal_with_an_arrowhead_marker(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    markers = {m.attrib["id"] for m in root.iter(f"{S}marker")}
    assert len(markers) == 1
    found = arrows(root)
    # Mulai→1, 1→2, 2→3 (Ya), 3→4, 4→5, 5→6, 6→7, 7→Selesai, and 2→1 (Tidak).
    assert len(found) == 9
    for arrow in found:
        assert arrow.attrib["marker-end"] in {f"url(#{m})" for m in markers}
        points = path_points(arrow)
        for (x1, y1), (x2, y2) in pairwise(points):
            assert x1 == x2 or y1 == y2, arrow.attrib["d"]


def test_arrow_between_lanes_turns_at_right_angles(sop: Sop) -> None:
    """Step 1 (Pelaksana) to step 2 (Kasi PKK): down, across, down into the diamond's top."""
    root = parse(flowchart_svg(sop))
    lane = lanes(root)
    diamond = polygon_points(with_class(root, "polygon", "belah-ketupat")[0])
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
    diamond = polygon_points(with_class(root, "polygon", "belah-ketupat")[0])
    assert points[0] == min(diamond)  # leaves the diamond's left corner
    box1 = boxes(root)[1]
    end = points[-1]
    assert end[0] == pytest.approx(f(box1, "x"))  # enters step 1's box from the left
    assert f(box1, "y") < end[1] < f(box1, "y") + f(box1, "height")
    margin = min(x for x, _ in points)
    assert margin < min(f(b, "x") for b in boxes(root).values())  # left of every symbol
    assert "Tidak" in texts(root)


def test_ya_labels_the_arrow_down_to_step_3(sop: Sop) -> None:
    root = parse(flowchart_svg(sop))
    labels = with_class(root, "text", "label-cabang")
    assert sorted(t.text or "" for t in labels) == ["Tidak", "Ya"]
    diamond = polygon_points(with_class(root, "polygon", "belah-ketupat")[0])
    bottom = max(diamond, key=lambda p: p[1])
    box3 = boxes(root)[3]
    down = [a for a in arrows(root) if path_points(a)[0] == bottom]
    assert len(down) == 1
    assert path_points(down[0])[-1] == pytest.approx((bottom[0], f(box3, "y")))
    ya = next(t for t in labels if t.text == "Ya")
    assert bottom[1] < f(ya, "y") < f(box3, "y")


# --------------------------------------------------------------------------- pages


def test_sub_ranges_use_off_page_connectors(sop: Sop) -> None:
    first = parse(flowchart_svg(sop, range(1, 5)))
    assert sorted(boxes(first)) == [1, 3, 4]
    assert [t for t in texts(first) if t in ("Mulai", "Selesai")] == ["Mulai"]
    assert len(with_class(first, "rect", "kapsul")) == 1
    connectors = with_class(first, "g", "penghubung")
    assert [c.attrib["data-ke"] for c in connectors] == ["5"]
    pentagon = polygon_points(with_class(first, "polygon", "penghubung")[0])
    assert len(pentagon) == 5
    box4 = boxes(first)[4]
    assert min(y for _, y in pentagon) > f(box4, "y") + f(box4, "height")  # below the last step
    assert any(a.get("data-cabang") == "tidak" for a in arrows(first))  # the loop is on this page

    second = parse(flowchart_svg(sop, range(5, 8)))
    assert sorted(boxes(second)) == [5, 6, 7]
    assert [t for t in texts(second) if t in ("Mulai", "Selesai")] == ["Selesai"]
    connectors = with_class(second, "g", "penghubung")
    assert [c.attrib["data-ke"] for c in connectors] == ["5"]
    pentagon = polygon_points(with_class(second, "polygon", "penghubung")[0])
    assert max(y for _, y in pentagon) < f(boxes(second)[5], "y")  # above the first step
    assert not with_class(second, "polygon", "belah-ketupat")


def test_page_layout_rows(sop: Sop) -> None:
    layout = flowchart_layout(sop, range(5, 8))
    assert layout.row_heights == (layout.row_height + layout.top, layout.row_height, layout.row_height + layout.bottom)
    root = parse(flowchart_svg(sop, range(5, 8)))
    assert root.attrib["height"] == f"{layout.height:g}px"


def test_branch_to_a_step_on_another_page_ends_at_a_connector(sop: Sop) -> None:
    root = parse(flowchart_svg(sop, range(2, 5)))
    tidak = [a for a in arrows(root) if a.get("data-cabang") == "tidak"]
    assert len(tidak) == 1
    end = path_points(tidak[0])[-1]
    small = [c for c in with_class(root, "g", "penghubung") if c.attrib["data-ke"] == "1"]
    assert len(small) == 1
    pentagon = polygon_points(with_class(small[0], "polygon", "penghubung")[0])
    assert end == max(pentagon, key=lambda p: p[1])  # into the connector's point
    assert end[1] < flowchart_layout(sop, range(2, 5)).top  # in the band above step 2


def test_bad_ranges_are_refused(sop: Sop) -> None:
    for bad in (range(0, 3), range(1, 9), range(3, 3), range(1, 7, 2)):
        with pytest.raises(ValueError):
            flowchart_svg(sop, bad)


def test_page_ranges_and_pages(sop: Sop) -> None:
    assert page_ranges(7, 8) == [range(1, 8)]
    assert page_ranges(7, 4) == [range(1, 5), range(5, 8)]
    assert page_ranges(9, 8) == [range(1, 8), range(8, 10)]  # no lone row on the last page
    pages = flowchart_pages(sop, per_page=4)
    assert [[s.no for s in p.steps] for p in pages] == [[1, 2, 3, 4], [5, 6, 7]]
    assert pages[0].first and not pages[1].first
    assert pages[1].svg == flowchart_svg(sop, range(5, 8))
    assert pages[1].layout == flowchart_layout(sop, range(5, 8))
    ids = [m.attrib["id"] for p in pages for m in parse(p.svg).iter(f"{S}marker")]
    assert len(set(ids)) == len(ids)  # pages inlined in one HTML document do not share ids


# --------------------------------------------------------------------------- other SOPs


def test_generic_sop_without_a_decision(sop: Sop) -> None:
    small = generic_sop(sop)
    root = parse(flowchart_svg(small))
    assert list(lanes(root)) == ["pelaksana", "kasi-pkk"]
    assert not with_class(root, "polygon", "belah-ketupat")
    assert sorted(boxes(root)) == [1, 2, 3]
    assert len(with_class(root, "rect", "kapsul")) == 2
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


def test_no_external_references(sop: Sop) -> None:
    svg = flowchart_svg(sop) + "".join(legend_svg().values())
    assert "href" not in svg and "<image" not in svg and "@import" not in svg and "<style" not in svg
    assert re.findall(r"url\((?!#)", svg) == []
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_output_is_deterministic(sop: Sop) -> None:
    once = flowchart_svg(sop)
    assert once == flowchart_svg(sop)
    assert once == flowchart_svg(sop.model_copy(deep=True))
    assert flowchart_svg(sop, range(5, 8)) == flowchart_svg(sop, range(5, 8))
    assert legend_svg() == legend_svg()


# --------------------------------------------------------------------------- legend


def test_legend_has_the_five_symbols() -> None:
    legend = legend_svg()
    assert tuple(legend) == LEGEND_NAMES == ("kapsul", "kotak", "belah_ketupat", "anak_panah", "penghubung")
    roots = {name: parse(svg) for name, svg in legend.items()}
    for root in roots.values():
        assert root.attrib["width"].endswith("px") and root.attrib["viewBox"].startswith("0 0 ")
    assert float(with_class(roots["kapsul"], "rect", "kapsul")[0].attrib["rx"]) > 0
    assert "rx" not in with_class(roots["kotak"], "rect", "kotak")[0].attrib
    assert len(polygon_points(with_class(roots["belah_ketupat"], "polygon", "belah-ketupat")[0])) == 4
    arrow = arrows(roots["anak_panah"])
    assert len(arrow) == 1 and arrow[0].attrib["marker-end"].startswith("url(#")
    assert len(list(roots["anak_panah"].iter(f"{S}marker"))) == 1
    assert len(polygon_points(with_class(roots["penghubung"], "polygon", "penghubung")[0])) == 5
