"""The identity block of an SOP AP document: its labels (with the variants offices use),
their values, the numbered lists, the official who ratified it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .text import Line, fold, tidy

# field -> the label variants seen across offices (compared folded, so case and dots do not matter).
LABELS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor sop", "no sop", "nomor sop ap", "no sop ap", "nomor"),
    "tanggal_pembuatan": ("tgl pembuatan", "tanggal pembuatan", "tgl/tanggal pembuatan", "tgl dibuat",
                          "tanggal dibuat"),
    "tanggal_revisi": ("tgl revisi", "tanggal revisi", "tgl/tanggal revisi"),
    "revisi": ("revisi ke", "revisi"),
    # The date the SOP was ratified is the date it takes effect (Permenpan RB 35/2012).
    "tanggal_efektif": ("tgl efektif", "tanggal efektif", "tgl/tanggal efektif", "tgl berlaku", "tanggal berlaku",
                        "tanggal mulai berlaku", "tgl pengesahan", "tanggal pengesahan", "tgl/tanggal pengesahan",
                        "tgl disahkan", "tanggal disahkan", "tgl ditetapkan", "tanggal ditetapkan"),
    "disahkan_oleh": ("disahkan oleh", "disyahkan oleh", "pengesahan", "disahkan", "mengesahkan", "ditetapkan oleh"),
    "nama": ("nama sop", "judul sop", "nama sop ap", "judul sop ap", "nama prosedur", "judul prosedur"),
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi pelaksanaan"),
    "keterkaitan": ("keterkaitan", "keterkaitan sop", "keterkaitan dengan sop lain"),
    "peralatan": ("peralatan/perlengkapan", "peralatan perlengkapan", "peralatan dan perlengkapan", "peralatan",
                  "perlengkapan"),
    "peringatan": ("peringatan",),
    "pencatatan": ("pencatatan dan pendataan", "pencatatan/pendataan", "pencatatan pendataan", "pencatatan"),
}  # fmt: skip
LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan")
_VARIANTS = {variant: name for name, variants in LABELS.items() for variant in variants}
LABEL_CUTOFF = 0.8

# Labels of the other common SOP layout (health centres, hospitals): not SOP AP.
OTHER_FORMAT = (
    "no dokumen",
    "no revisi",
    "tanggal terbit",
    "halaman",
    "pengertian",
    "tujuan",
    "kebijakan",
    "langkah langkah",
    "unit terkait",
    "referensi",
)


@dataclass(frozen=True)
class Label:
    field: str
    printed: str
    score: float  # 1.0 for a known variant; below, a guess the report names
    value: str  # the text after the label on the same line
    line: int


def _split_label(line: Line) -> tuple[str, str] | None:
    """'NAMA SOP : X', 'TGL REVISI\t: -', 'DISAHKAN OLEH\tX' -> (label, rest)."""
    text = line.text
    if line.tabbed and len(line.filled) >= 1:
        head, *rest = line.filled
        if ":" in head:
            head, _, more = head.partition(":")
            rest = [more, *rest]
        value = " ".join(r for r in rest if r).strip()
        return head.strip(), value.lstrip(":").strip()
    if ":" in text:
        head, _, value = text.partition(":")
        return head.strip(), value.strip()
    return text.strip(), ""


def match_label(line: Line) -> Label | None:
    split = _split_label(line)
    if not split or not split[0] or (len(split[0]) > 40 and split[1]):
        return None
    printed, value = split
    key = fold(printed).replace(" / ", "/")
    if key not in _VARIANTS and not value:
        # 'DISAHKAN OLEH Kepala Dinas …': a label and its value with no ':' or tab between them.
        words = printed.split(" ")
        for size in (3, 2):
            if fold(" ".join(words[:size])) in _VARIANTS and len(words) > size:
                printed, value, key = " ".join(words[:size]), " ".join(words[size:]), fold(" ".join(words[:size]))
                break
    if key in _VARIANTS:
        return Label(_VARIANTS[key], printed, 1.0, value, line.no)
    close = difflib.get_close_matches(key, list(_VARIANTS), n=1, cutoff=LABEL_CUTOFF)
    if not close:
        return None
    score = difflib.SequenceMatcher(None, key, close[0]).ratio()
    return Label(_VARIANTS[close[0]], printed, round(score, 2), value, line.no)


def other_format_labels(lines: list[Line]) -> list[str]:
    seen = []
    for line in lines:
        split = _split_label(line)
        key = re.sub(r"^\d+ ", "", fold(split[0]).replace("-", " ")) if split else ""
        if key in OTHER_FORMAT and key not in seen:
            seen.append(key)
    return seen


_ITEM = re.compile(r"^(?:\(?(\d{1,2}|[a-z])[.)]|[-•·*–])\s+(.*)$")
_INLINE_ITEMS = re.compile(r"(?:^|\s)\d{1,2}[.)]\s+")


def list_items(first: str, body: list[Line]) -> list[tuple[int, str]]:
    """Numbered (or bulleted) items, each with its line; a line that is no new item continues the last."""
    items: list[tuple[int, str]] = []
    sources = [(body[0].no - 1 if body else 0, first)] if first else []
    sources += [(line.no, line.text) for line in body]
    for no, text in sources:
        if not text:
            continue
        parts = [p for p in _INLINE_ITEMS.split(" " + text) if p.strip()]
        if len(parts) > 1 or _INLINE_ITEMS.match(" " + text):
            items += [(no, p) for p in parts]
            continue
        match = _ITEM.match(text)
        if match:
            items.append((no, match.group(2)))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {text}")
        else:
            items.append((no, text))
    return [(no, tidy(text)) for no, text in items if tidy(text)]


_MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
}  # fmt: skip


_REVISION = re.compile(r"\(?\b(?:rev(?:isi)?)\b\.?\s*(?:ke)?\s*[-.:]?\s*(\d{1,2})\b\)?", re.IGNORECASE)


def revision_in(text: str) -> tuple[int | None, str]:
    """'5 Agustus 2024 (rev 01)' -> (1, '5 Agustus 2024'): a revision number written in a date."""
    match = _REVISION.search(text)
    if not match:
        return None, text
    return int(match.group(1)), (text[: match.start()] + " " + text[match.end() :]).strip(" ,;-/")


def year_month(text: str) -> str | None:
    """'Januari 2020', '2 Jan 2020', '01/2020', '2020-01', '12-03-2021' -> 'YYYY-MM'."""
    t = fold(revision_in(text)[1])
    if m := re.fullmatch(r"(\d{4}) (\d{1,2})(?: \d{1,2})?", t):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(r"(?:\d{1,2} )?(\d{1,2}) (\d{4})", t):
        year, month = int(m.group(2)), int(m.group(1))
    elif m := re.fullmatch(r"(?:\d{1,2} )?([a-z]+) (\d{4})", t):
        names = difflib.get_close_matches(m.group(1), list(_MONTHS), n=1, cutoff=0.75)
        prefix = [n for n in _MONTHS if len(m.group(1)) >= 3 and n.startswith(m.group(1))]
        name = names[0] if names else (prefix[0] if prefix else None)
        if not name:
            return None
        year, month = int(m.group(2)), _MONTHS[name]
    else:
        return None
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1900 < year < 2200 else None


def is_empty_value(text: str) -> bool:
    return fold(text) in ("", "-", "tidak ada", "belum ada") or text.strip() in ("-", "–", "—")
