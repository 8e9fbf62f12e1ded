"""How wide a line of DejaVu Sans is, and where it wraps, without loading a font.

The flowchart is drawn as SVG text that WeasyPrint and browsers set in DejaVu Sans (the
documents' font, which ``.ci/run`` installs). Its cells wrap by these advance widths, taken
from DejaVu Sans 2.37 (``hmtx``, in thousandths of an em), so the picture is the same bytes
on every machine, with or without the font. A letter with a diacritic is as wide as its base
letter; any other character counts as wide as an ``M``, so a line errs towards fitting.
"""

from __future__ import annotations

import re
import unicodedata

_ASCII = {
    False: (
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
        636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
        295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
        500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
        392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ),
    True: (
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
        696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
        372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
        500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
        478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ),
}  # fmt: skip
_OTHER = {"–": 500, "—": 1000, "‘": 318, "’": 318, "“": 518, "”": 518, "…": 1000, "→": 838, "·": 318}
_WIDE = 1000  # the fallback: no DejaVu Sans letter is wider than an M by much
ASCENT = 0.928  # of the em, above the baseline
DESCENT = 0.236  # below it


def _advance(char: str, bold: bool) -> int:
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII[bold][code - 32]
    if char in _OTHER:
        return _OTHER[char]
    base = unicodedata.normalize("NFD", char)[0]
    return _ASCII[bold][ord(base) - 32] if 32 <= ord(base) < 127 else _WIDE


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of ``text`` at font ``size`` (px)."""
    return sum(_advance(c, bold) for c in text) * size / 1000


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words. A word wider than a
    line breaks after a slash or hyphen inside it ("Dokumen/" "Kendaraan/Alat"), as the SOP
    itself does; only a word with neither is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for i, piece in enumerate(_pieces(word, width, size, bold)):
            joined = current + piece if i or not current else f"{current} {piece}"
            if current and text_width(joined, size, bold) > width:
                lines.append(current)
                current = piece
            else:
                current = joined
    if current:
        lines.append(current)
    return lines


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word, or its parts after each slash or hyphen when the whole is wider than a line;
    a part still too wide is cut where it fills a line."""
    if text_width(word, size, bold) <= width:
        return [word]
    out: list[str] = []
    for part in [p for p in re.split(r"(?<=[/-])(?=.)", word) if p]:
        while len(part) > 1 and text_width(part, size, bold) > width:
            cut = 1
            while cut < len(part) - 1 and text_width(part[: cut + 1], size, bold) <= width:
                cut += 1
            out.append(part[:cut])
            part = part[cut:]
        out.append(part)
    return out
