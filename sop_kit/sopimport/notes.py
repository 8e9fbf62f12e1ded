"""What the importer tells the reviewer: guesses, fields to review, and what it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.messages import text

Kind = Literal["guess", "review", "problem"]


@dataclass(frozen=True)
class Note:
    kind: Kind
    code: str  # a catalogue code, import.*
    line: int | None = None  # in the source document (for .docx/.pdf: the line of the extracted text)
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        return text(self.code, lang, **self.params)


class Notes(list[Note]):
    def guess(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("guess", code, line, params))

    def review(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("review", code, line, params))

    def problem(self, code: str, line: int | None = None, **params: Any) -> None:
        self.append(Note("problem", code, line, params))
