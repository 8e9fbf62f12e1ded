"""What the importer tells the reviewer: guesses, fields to review, and what it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.messages import text
from .text import Place

Kind = Literal["guess", "review", "problem"]


@dataclass(frozen=True)
class Note:
    kind: Kind
    code: str  # a catalogue code, import.*
    # A .txt line number; for .docx and PDF where the reader finds it ('tabel 3, baris 4', 'hlm. 2').
    line: int | str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        return text(self.code, lang, **self.params)


class Notes(list[Note]):
    def __init__(self, places: dict[int, Place] | None = None, lang: str = "id") -> None:
        super().__init__()
        self.places = places or {}
        self.lang = lang

    def where(self, line: int | None) -> int | str | None:
        place = self.places.get(line) if line is not None else None
        return text(place.code, self.lang, **dict(place.params)) if place else line

    def guess(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("guess", code, self.where(line), params))

    def review(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("review", code, self.where(line), params))

    def problem(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("problem", code, self.where(line), params))
