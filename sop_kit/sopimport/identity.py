"""The identity block of an SOP AP document: its labels (with the variants offices use),
their values, the numbered lists, the official who ratified it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .text import Line, fold, tidy, title_case

# field -> the label variants seen across offices (compared folded, so case and dots do not matter).
LABELS: dict[str, tuple[str, ...]] = {
    "nomor": ("nomor sop", "no sop", "nomor"),
    "tanggal_pembuatan": ("tgl pembuatan", "tanggal pembuatan"),
    "tanggal_revisi": ("tgl revisi", "tanggal revisi"),
    "revisi": ("revisi ke", "revisi"),
    "tanggal_efektif": ("tgl efektif", "tanggal efektif", "tgl berlaku", "tanggal berlaku"),
    "disahkan_oleh": ("disahkan oleh", "disyahkan oleh"),
    "nama": ("nama sop", "judul sop"),
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi pelaksanaan"),
    "keterkaitan": ("keterkaitan",),
    "peralatan": ("peralatan/perlengkapan", "peralatan / perlengkapan", "peralatan", "perlengkapan"),
    "peringatan": ("peringatan",),
    "pencatatan": ("pencatatan dan pendataan", "pencatatan/pendataan", "pencatatan"),
}
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


def year_month(text: str) -> str | None:
    """'Januari 2020', '2 Jan 2020', '01/2020', '2020-01', '12-03-2021' -> 'YYYY-MM'."""
    t = fold(text)
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


# Academic and religious titles as printed in Indonesian offices, by their letters only.
_DEGREES = {
    re.sub(r"[^a-z]", "", d.lower()): d
    for d in [
        "S.H.",
        "M.H.",
        "M.Si.",
        "S.Sos.",
        "S.E.",
        "M.E.",
        "S.Pd.",
        "M.Pd.",
        "S.Kom.",
        "M.Kom.",
        "S.T.",
        "M.T.",
        "S.IP.",
        "M.AP.",
        "M.M.",
        "S.Ag.",
        "M.Ag.",
        "S.Psi.",
        "M.Psi.",
        "S.Kep.",
        "S.KM.",
        "M.Kes.",
        "S.Ked.",
        "S.Tr.",
        "A.Md.",
        "S.Hut.",
        "S.P.",
        "M.P.",
        "S.Ip.",
        "Ph.D.",
        "M.A.",
        "S.S.",
        "S.Hum.",
        "M.Hum.",
        "S.Stat.",
        "S.Sn.",
        "Ak.",
        "S.AP.",
        "M.PA.",
        "S.Farm.",
        "Apt.",
    ]
}
_PREFIXES = {"h": "H.", "hj": "Hj.", "dr": "Dr.", "drs": "Drs.", "dra": "Dra.", "ir": "Ir.", "prof": "Prof."}


def _degrees(text: str) -> list[str] | None:
    """'SH.M.Si' -> ['S.H.', 'M.Si.'] when every letter belongs to a known title, else None."""
    letters = re.sub(r"[^a-z]", "", text.lower())
    out: list[str] = []
    while letters:
        for size in range(min(6, len(letters)), 0, -1):
            if letters[:size] in _DEGREES:
                out.append(_DEGREES[letters[:size]])
                letters = letters[size:]
                break
        else:
            return None
    return out


def person_name(text: str) -> str:
    """'H ASEP SURYA KOMARA, SH.M.Si' -> 'H. Asep Surya Komara, S.H., M.Si.'."""
    name, _, titles = text.partition(",")
    words = name.split()
    if words and words[0].lower().rstrip(".") in _PREFIXES:
        words[0] = _PREFIXES[words[0].lower().rstrip(".")]
    if _capitals(name):
        words = [w if w.endswith(".") and len(w) <= 5 else w.capitalize() for w in words]
    degrees = _degrees(titles) if titles.strip() else []
    out = " ".join(words)
    if degrees is None:
        return f"{out}, {titles.strip()}"
    return ", ".join([out, *degrees])


def _capitals(segment: str) -> bool:
    """A name in capitals, perhaps behind a title ('Dr. SITI AMINAH')."""
    words = [w for w in segment.split() if w.lower().rstrip(".") not in _PREFIXES]
    return bool(words) and not any(ch.islower() for w in words for ch in w)


_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*((?:\d\s*){18})", re.IGNORECASE)


def ratified_by(text: str) -> tuple[str, str, str] | None:
    """'<jabatan>, <NAME>, <titles> NIP. <18 digits>' (on one line or several) -> (jabatan, nama, nip)."""
    found = _NIP.search(text)
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(1))
    nip = f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    rest = (text[: found.start()] + " " + text[found.end() :]).strip(" ,;")
    rest = re.sub(r"\b(?:ttd|ttd\.|cap|ditandatangani)\b", " ", rest, flags=re.IGNORECASE)
    segments = [s.strip() for s in rest.split(",") if s.strip()]
    # The name is the first segment in capitals (the jabatan before it is in mixed case).
    start = next((i for i, s in enumerate(segments) if i and _capitals(s)), None)
    if start is None:
        if len(segments) < 2:
            return None
        start = 1
    jabatan = title_case(", ".join(segments[:start]))
    return jabatan, person_name(", ".join(segments[start:])), nip
