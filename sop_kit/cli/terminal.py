"""What sop-kit prints to a terminal is text, never an instruction to the terminal.

File and folder names come from the archive, and a hostile clerk can name a scan
``a<ESC>[1A<ESC>[2K.pdf``: printed as it is, the finding about it moves the cursor up and
erases the error line above it, and an auditor reading ``sop-kit check`` on screen sees a
clean archive. Every control character but tab, newline and carriage return (the progress
bar's), and the bidirectional overrides that reorder a line ("Trojan Source"), are shown as
their escapes instead (``\\x1b``, ``\\u202e``). Output to a file or a pipe is data and stays as
it is.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from ..core.inert import ESCAPES

_INERT = {c: escape for c, escape in ESCAPES.items() if chr(c) not in "\t\n\r"}


class _Terminal:
    """A terminal stream whose text is written inert; everything else is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text.translate(_INERT))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminals() -> None:
    """Make standard output and error inert where they are a terminal."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, _Terminal) and stream.isatty():
            setattr(sys, name, _Terminal(stream))
