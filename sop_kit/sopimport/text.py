"""Lines and cells: the one shape every reader (.txt, .docx, .pdf) turns a document into."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# A cell boundary in flattened tables: a tab, or a run of two or more spaces.
_CELL_SPLIT = re.compile(r"\t| {2,}")
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")


@dataclass(frozen=True)
class Line:
    """One line of the document: its number (1-based, for reports) and its cells."""

    no: int
    cells: tuple[str, ...]
    tabbed: bool = field(default=False)  # cells came from tabs, so empty cells keep their place

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]

    @property
    def blank(self) -> bool:
        return not self.text


def clean(text: str) -> str:
    """One cell's text: no markdown bold, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isprintable() or ch == "\t" else " " for ch in text)
    text = text.replace("**", "").replace("__", "")
    return _SPACES.sub(" ", text).strip()


def split_line(no: int, raw: str) -> Line:
    raw = raw.rstrip("\r\n")
    tabbed = "\t" in raw
    parts = raw.split("\t") if tabbed else _CELL_SPLIT.split(raw.strip())
    cells = [clean(p) for p in parts]
    if tabbed:
        # Stray double spaces inside a tabbed cell are noise, not boundaries; keep the
        # empty cells (their position is the swimlane) but drop trailing ones.
        while cells and not cells[-1]:
            cells.pop()
    else:
        cells = [c for c in cells if c]
    return Line(no, tuple(cells), tabbed)


def lines_of(text: str) -> list[Line]:
    return [split_line(i, raw) for i, raw in enumerate(text.splitlines(), start=1)]


@dataclass(frozen=True)
class Place:
    """Where a line of a .docx or PDF came from, as the reader of the file would look for it
    (a .txt line is simply its number): a catalogue code and its numbers."""

    code: str  # import.at_paragraph, import.at_table, import.at_page, import.at_page_table
    params: tuple[tuple[str, int], ...]


class Lines:
    """The line stream a .docx or PDF reader builds: raw lines (cells joined by tabs) and the
    place each one came from."""

    def __init__(self) -> None:
        self.raw: list[str] = []
        self.places: dict[int, Place] = {}

    def add(self, raw: str, place: Place | None = None) -> None:
        self.raw.append(raw)
        if place is not None:
            self.places[len(self.raw)] = place

    def lines(self) -> list[Line]:
        return [split_line(i, raw) for i, raw in enumerate(self.raw, start=1)]


def fold(text: str) -> str:
    """Text for comparing: case-folded, punctuation as spaces, single spaces."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = re.sub(r"[^\w/]+", " ", text)
    return _SPACES.sub(" ", text).strip()


def tidy(text: str) -> str:
    """A printed value as data: no trailing ';' or sentence full stop, no spaces around '/'.

    A final dot after a short word ('kel.', 'dll.') is an abbreviation and stays."""
    text = re.sub(r"\s*/\s*", "/", text.strip())
    while True:
        before = text
        text = re.sub(r"\.(?:\s*\.)+$", ".", text.rstrip(" ;,:"))
        if text.endswith(".") and len(re.sub(r"^.*[\s/]", "", text[:-1])) > 3:
            text = text[:-1]
        if text == before:
            return text


# Words Indonesian titles keep in lower case, and acronyms an all-caps heading keeps.
_SMALL = frozenset(
    [
        "dan",
        "atau",
        "di",
        "ke",
        "dari",
        "pada",
        "yang",
        "untuk",
        "dengan",
        "dalam",
        "bagi",
        "atas",
        "tentang",
        "serta",
        "oleh",
        "terhadap",
    ]
)
_ACRONYMS = frozenset(
    [
        "SOP",
        "AP",
        "UPTD",
        "UPT",
        "RSUD",
        "ASN",
        "PNS",
        "ATK",
        "OPD",
        "SKPD",
        "DPRD",
        "PKK",
        "KB",
        "P3A",
        "TU",
        "SK",
        "BPJS",
        "RT",
        "RW",
    ]
)


def title_case(text: str) -> str:
    """An ALL-CAPS heading in title case ('PEMERINTAH KABUPATEN X' -> 'Pemerintah Kabupaten X');
    text that already has lower case is kept as printed."""
    if any(ch.islower() for ch in text):
        return text
    out = []
    for i, word in enumerate(text.split(" ")):
        bare = word.strip(".,;:()")
        if bare in _ACRONYMS or any(ch.isdigit() for ch in bare) or (bare and not re.search(r"[AEIOU]", bare)):
            out.append(word)
        elif i > 0 and word.lower() in _SMALL:
            out.append(word.lower())
        else:
            out.append("/".join(part[:1] + part[1:].lower() for part in word.split("/")))
    return " ".join(out)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-") or "x"
