"""Block-style YAML text that :mod:`sop_kit.records.yamlsafe` reads back exactly as written.

Used wherever sop-kit writes records a clerk will read and edit: new case folders
(``sop-kit new``), the demo archive and sample data. Plain where that is safe, quoted where
another YAML reader could take the text for something else.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

# Words other YAML readers (YAML 1.1) take as booleans or null; always quoted.
_AMBIGUOUS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"})
FOLD_AT = 88
_HEX = re.compile(r"[0-9a-f]{32,}")


def _plain_ok(text: str) -> bool:
    """Can ``text`` be written unquoted and still read back as the same text by any YAML reader?

    Text starting with a digit or '+' is always quoted: NIK, KK, NIP, phone numbers and
    codes must stay text (an unquoted 3214… would load as a number), and quoting them all
    keeps the rule simple for clerks to follow. Hashes are quoted too, for a uniform look.
    """
    return (
        text[:1].isalpha()
        and not _HEX.fullmatch(text)  # hashes: quoted like the other codes, whatever their first character
        and text == text.strip()
        and text.lower() not in _AMBIGUOUS
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and all(ch.isprintable() for ch in text)
    )


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value if _plain_ok(value) else json.dumps(value, ensure_ascii=False)  # JSON strings are YAML
    raise TypeError(f"no YAML form for {type(value).__name__}")


def _key(key: str) -> str:
    """A mapping key; YAML 1.1 readers take a plain ``no:`` (a step number's key) for the
    boolean false, so such keys are quoted (``"no": 1``) and read the same everywhere."""
    return json.dumps(key) if key.lower() in _AMBIGUOUS else key


def _foldable(value: object, indent: int) -> bool:
    # Folded block text reads back exactly only when the words are separated by single spaces.
    return (
        isinstance(value, str)
        and len(value) + indent > FOLD_AT
        and value == value.strip()
        and "  " not in value
        and all(ch.isprintable() for ch in value)
    )


def _mapping(data: Mapping[str, Any], indent: int, notes: Mapping[str, str]) -> list[str]:
    pad, out = " " * indent, []
    for name, value in data.items():
        if name in notes:
            out.append(f"{pad}# {notes[name]}")
        key = _key(name)
        if isinstance(value, Mapping):
            out += [f"{pad}{key}:", *_mapping(value, indent + 2, {})]
        elif isinstance(value, list):
            out += [f"{pad}{key}:", *_sequence(value, indent + 2)]
        elif _foldable(value, indent + len(key) + 2):
            assert isinstance(value, str)
            wrapped = textwrap.wrap(value, FOLD_AT - indent - 2, break_long_words=False, break_on_hyphens=False)
            out += [f"{pad}{key}: >-", *(f"{pad}  {part}" for part in wrapped)]
        else:
            out.append(f"{pad}{key}: {scalar(value)}")
    return out


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad, out = " " * indent, []
    for item in items:
        if isinstance(item, Mapping):
            # Write the mapping one level in, then hang its first line on the dash.
            lines = _mapping(item, indent + 2, {})
            out += [f"{pad}- {lines[0][indent + 2 :]}", *lines[1:]]
        elif isinstance(item, list):
            raise TypeError("nested lists have no place in sop-kit records")
        else:
            out.append(f"{pad}- {scalar(item)}")
    return out


def dump_yaml(data: Mapping[str, Any], header: Sequence[str] = (), notes: Mapping[str, str] | None = None) -> str:
    """Block-style YAML that the strict loader reads back as ``data``.

    ``header`` lines become leading comments; ``notes`` puts a comment line above a
    top-level key. Dates are written as ``2026-03-04``, times as ``2026-03-04 09:30``.
    """
    lines = [f"# {h}".rstrip() for h in header]
    return "\n".join([*lines, *_mapping(data, 0, notes or {})]) + "\n"
