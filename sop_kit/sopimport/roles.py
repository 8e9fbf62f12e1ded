"""Role names in the responsibility column against the swimlane header: exact, abbreviated
('Kabid', 'Kasi PKK') or misspelt ('Keluargauualitas'), with a score the report shows."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .text import fold

# Abbreviations of Indonesian civil-service posts.
_POSTS = {
    "ka": "kepala", "kasi": "kepala seksi", "kasie": "kepala seksi", "kabid": "kepala bidang",
    "kabag": "kepala bagian", "kasubag": "kepala sub bagian", "kasubbag": "kepala sub bagian",
    "kasubid": "kepala sub bidang", "kasubbid": "kepala sub bidang", "kadis": "kepala dinas",
    "kaban": "kepala badan", "sekdis": "sekretaris dinas", "sekban": "sekretaris badan",
    "kapus": "kepala puskesmas", "kaur": "kepala urusan", "subbag": "sub bagian", "subag": "sub bagian",
}  # fmt: skip
_SHORT = {v: k for k, v in reversed(list(_POSTS.items())) if k != "ka" and " " in v}
CUTOFF = 0.6


def _expand(name: str) -> list[str]:
    return " ".join(_POSTS.get(w, w) for w in fold(name).replace("/", " ").split()).split()


def _aligns(short: list[str], full: list[str]) -> bool:
    """Every word of ``short`` is a word, a prefix (3+ letters) or the initials of words of ``full``."""
    if not short:
        return not full
    if not full:
        return False
    word = short[0]
    same = word == full[0] or (len(word) >= 3 and full[0].startswith(word))
    if same and _aligns(short[1:], full[1:]):
        return True
    for size in range(2, min(len(word), len(full)) + 1):
        if "".join(w[0] for w in full[:size]) == word and _aligns(short[1:], full[size:]):
            return True
    return False


@dataclass(frozen=True)
class RoleMatch:
    role: str  # the header name
    score: float
    abbreviation: bool  # the printed form is a short form of the name ('Kabid')


def match_role(printed: str, roles: list[str]) -> tuple[RoleMatch | None, bool]:
    """The header role ``printed`` names, and whether the answer is ambiguous."""
    key = fold(printed)
    for role in roles:
        if fold(role) == key:
            return RoleMatch(role, 1.0, False), False
    short = _expand(printed)
    abbreviated = [r for r in roles if _aligns(short, _expand(r))]
    if len(abbreviated) == 1:
        return RoleMatch(abbreviated[0], 0.9, len(printed) < len(abbreviated[0])), False
    scored = sorted(
        ((max(_ratio(key, fold(r)), _ratio(" ".join(sorted(short)), " ".join(sorted(_expand(r))))), r) for r in roles),
        reverse=True,
    )
    if not scored or scored[0][0] < CUTOFF:
        return None, False
    ambiguous = len(scored) > 1 and scored[0][0] - scored[1][0] < 0.05
    return RoleMatch(scored[0][1], round(scored[0][0], 2), False), ambiguous


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def split_roles(printed: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*(?:/|,|&|\bdan\b|\+)\s*", printed) if p.strip()]


def role_id(name: str, abbreviation: str | None) -> str:
    """'Kabid' -> 'kabid'; 'Kasi Peningkatan Kualitas Keluarga' -> 'kasi-pkk'; 'Pelaksana' -> 'pelaksana'."""
    from .text import slug

    if abbreviation:
        return slug(abbreviation)
    folded = fold(name)
    for full, short in sorted(_SHORT.items(), key=lambda kv: -len(kv[0])):
        if folded == full or folded.startswith(full + " "):
            return slug(short + folded[len(full) :])
    words = [w for w in re.split(r"[\s/]+", name) if w]
    if len(words) >= 4:
        return slug(words[0] + " " + "".join(w[0] for w in words[1:] if w.lower() not in ("dan", "di", "pada")))
    return slug(name)
