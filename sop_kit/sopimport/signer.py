"""The official who ratified the SOP (Disahkan oleh / Pengesahan): jabatan, name with its
titles on both sides ('Dr. H. Ahmad Fauzi, S.Sos., M.M.'), NIP."""

from __future__ import annotations

import re

from .text import tidy, title_case

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
# What stands in a signature block besides the name: the signature itself, the civil-service rank.
_NOT_NAME = re.compile(r"^(?:ttd\.?|cap|ditandatangani\b.*|\(?\s*tanda tangan.*|(?:pembina|penata|pengatur|juru)\b.*)$",
                       re.IGNORECASE)  # fmt: skip


def ratified_by(parts: list[str]) -> tuple[str, str, str] | None:
    """The signature block -> (jabatan, nama, nip), on one line or several:
    '<jabatan>, <NAME>, <titles> NIP. <18 digits>', or jabatan (perhaps wrapped over lines) /
    name with titles / rank / NIP.

    The name is the last part before the titles that follow it ('S.Sos., M.M.'), whatever its
    case, so 'Dr. H. Ahmad Fauzi, S.Sos., M.M.' keeps its titles on both sides."""
    text = "\n".join(parts)
    found = _NIP.search(text)
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(1))
    nip = f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    lines = [
        [seg for seg in (s.strip(" ;:") for s in line.split(",")) if re.search(r"[A-Za-z]", seg)]
        for line in (text[: found.start()] + "\n" + text[found.end() :]).split("\n")
        if not _NOT_NAME.match(line.strip())
    ]
    lines = [line for line in lines if line]
    # The name's line: the last with something besides titles; the titles after it follow the name.
    at = next((i for i in range(len(lines) - 1, -1, -1) if any(not _degrees(s) for s in lines[i])), None)
    if at is None:
        return None
    titles = [s for line in lines[at + 1 :] for s in line]
    segments = list(lines[at])
    while segments and _degrees(segments[-1]):
        titles.insert(0, segments.pop())
    # Lines above the name's are the jabatan, wrapped: joined with spaces, their commas kept.
    jabatan_lines = " ".join(", ".join(line) for line in lines[:at])
    segments = [jabatan_lines, *segments] if jabatan_lines else segments
    if len(segments) == 1:
        segments = _split_capitals(segments[0])
    if len(segments) < 2:
        return None
    jabatan = title_case(tidy(", ".join(s.strip(" .") for s in segments[:-1])))
    return jabatan, person_name(", ".join([segments[-1], *titles])), nip


def _split_capitals(text: str) -> list[str]:
    """'Kepala Dinas X BUDI SANTOSO' -> ['Kepala Dinas X', 'BUDI SANTOSO']: a name in capitals
    after a jabatan in mixed case, with no comma between them."""
    words = text.split()
    start = len(words)
    while start > 0 and _capitals(words[start - 1]):
        start -= 1
    while 0 < start < len(words) and words[start - 1].lower().rstrip(".") in _PREFIXES:
        start -= 1
    if 0 < start < len(words):
        return [" ".join(words[:start]), " ".join(words[start:])]
    return [text]
