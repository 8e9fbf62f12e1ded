"""The characters no line of output may carry as they are, and the escapes shown instead.

Control characters (C0, DEL, C1) move a terminal's cursor, erase a line or start a new line of
a report; the bidirectional overrides reorder what a line shows ("gnp.exe" as "exe.png"). A file
name holding one is spelled with these escapes by the archive's listing (records.scan); a
terminal gets every one escaped but tab, newline and carriage return (cli.terminal).
"""

from __future__ import annotations

import re

_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0)]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
ESCAPES: dict[int, str] = {c: f"\\x{c:02x}" for c in _CONTROLS} | {c: f"\\u{c:04x}" for c in _BIDI}
FOUND = re.compile("[" + re.escape("".join(map(chr, ESCAPES))) + "]")  # a quick look before translating
# What no text of a record may hold (typed, pasted or written as a YAML escape): a control
# character but tab and newline, or a bidi control, the marks (ALM, LRM, RLM) included.
NOT_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(value: str) -> str:
    """``value`` as one inert line: every character above spelled, newline and tab included.

    A value quoted in a message (a record's field, a git path) is text inside a line; a newline
    in it would start a line of its own, and ``x\\n18 kasus diperiksa: 0 galat`` would stand in
    a CI log as a summary nobody wrote."""
    return value.translate(ESCAPES) if FOUND.search(value) else value
