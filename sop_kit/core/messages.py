"""The message catalogue: every user-facing sentence, in Bahasa Indonesia and English.

Each entry is ``code: (id message, id hint, en message, en hint)``; params fill ``{name}``.
A test checks that every code used in the code base is here, in both languages.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Any

from .catalogue import bag, clerk, cli, help, office, records, reports, site, sopimport, trail
from .inert import one_line

LANGS = ("id", "en")

CATALOG: dict[str, tuple[str, str, str, str]] = {
    **bag.ENTRIES,
    **clerk.ENTRIES,
    **cli.ENTRIES,
    **help.ENTRIES,
    **office.ENTRIES,
    **records.ENTRIES,
    **reports.ENTRIES,
    **site.ENTRIES,
    **sopimport.ENTRIES,
    **trail.ENTRIES,
}


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def known(code: str) -> bool:
    return code in CATALOG


def render(code: str, lang: str, params: dict[str, Any]) -> tuple[str, str]:
    """``(message, hint)`` for ``code`` in ``lang`` (``id`` or ``en``)."""
    entry = CATALOG.get(code) or CATALOG["schema.other"]
    msg, hint = (entry[0], entry[1]) if lang != "en" else (entry[2], entry[3])
    # A parameter written "@code" is itself a catalogue entry, rendered in the same language
    # with the other (plain) parameters: a message may quote another with its values.
    values = _Keep({"detail": code})
    plain = {k: v for k, v in params.items() if not (isinstance(v, str) and v.startswith("@"))}
    for key, value in params.items():
        nested = isinstance(value, str) and value.startswith("@") and value[1:] in CATALOG
        if nested:
            values[key] = render(value[1:], lang, plain)[0]
        else:  # a value quoted from the archive stays inside its line
            values[key] = one_line(str(value)) if isinstance(value, str | PurePath) else value
    return msg.format_map(values), hint.format_map(values)


def text(code: str, lang: str, **params: Any) -> str:
    return render(code, lang, params)[0]


def default_lang() -> str:
    """``SOP_KIT_LANG`` (id/en) if set, else Indonesian. Read as a locale is written
    (``EN``, ``en_US.UTF-8``, ``en-GB``): an auditor who copies ``$LANG`` into it gets English."""
    lang = re.split(r"[_.@-]", os.environ.get("SOP_KIT_LANG", "id"), maxsplit=1)[0].lower()
    return lang if lang in LANGS else "id"
