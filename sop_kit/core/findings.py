"""Graded findings: collect every problem, grade it, then decide once whether to fail
(:class:`sop_kit.check.report.Report`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .messages import render


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One problem, located in a file. ``code`` names a catalogue entry; ``params`` fill it."""

    severity: Severity
    code: str
    file: str
    line: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    case: str | None = None

    def message(self, lang: str = "id") -> str:
        return render(self.code, lang, self.params)[0]

    def hint(self, lang: str = "id") -> str:
        return render(self.code, lang, self.params)[1]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, _ORDER[self.severity], self.code)

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        message, hint = render(self.code, lang, self.params)
        data = self.to_data()
        params = data.pop("params")
        return {**data, "message": message, "hint": hint, "params": params}

    def to_data(self) -> dict[str, Any]:
        """What :meth:`from_dict` reads back: the finding without its sentences (a cache keeps
        100,000 of them at 10,000 cases; rendering them was seconds of a check)."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "case": self.case,
            "params": self.params,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(Severity(data["severity"]), data["code"], data["file"], data["line"], data["params"], data["case"])
