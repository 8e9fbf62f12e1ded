"""One exception root for sop-kit; the CLI turns these into messages at one boundary."""

from __future__ import annotations

from typing import Any


class SopKitError(Exception):
    """A problem the user can fix. Carries a catalogue code, not a sentence."""

    def __init__(self, code: str, file: str | None = None, line: int | None = None, **params: Any):
        self.code = code
        self.file = file
        self.line = line
        self.params = params
        super().__init__(f"{code} {file or ''}:{line or ''} {params}")


class ConfigError(SopKitError):
    """The archive itself cannot be read (no records folder, unreadable SOP, bad option)."""
