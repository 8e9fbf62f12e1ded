"""Record text made inert before it enters a generated page.

Case pages are Markdown that MkDocs turns into HTML, and an archive's ``mkdocs.yml`` may
enable any Markdown extension (attr_list, snippets, …). So free text from records is not
merely HTML-escaped: every ASCII character other than a letter, a digit or a space becomes
a numeric character reference. No Markdown syntax (links, ``{: …}``, ``--8<--``, emphasis,
HTML tags) survives, yet the browser and the search index read the same text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
# Every other ASCII and C1 control character, and the Unicode line separators, as references.
_REFS = {c: f"&#{c};" for c in [*range(0xA0), 0x2028, 0x2029] if chr(c) not in _SAFE}


def inert(value: object) -> Markup:
    """``value`` as text that no Markdown or HTML parser reads as markup."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    # Characters outside ASCII are no syntax to Markdown; control characters and newlines
    # become references too, so a value can never end a raw HTML block or start a heading.
    return Markup(text.translate(_REFS))


_COMMAND = re.compile(r"`([^`]+)`")


def inert_with_code(value: str) -> Markup:
    """``value`` inert (:func:`inert`), its `…` spans (a command to type, as a hint quotes
    it) as code whose words never break inside: '--putaran' split as '-' and '-putaran'
    at the end of a phone's line reads as two options."""
    parts = _COMMAND.split(value)
    out = [
        Markup("<code>{}</code>").format(Markup(" ").join(Markup('<span class="nowrap">{}</span>').format(inert(w))
                                                          for w in part.split(" ")))
        if odd else inert(part)
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
    ]  # fmt: skip
    return Markup("").join(out)


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML front-matter block whose values are JSON strings: one line each, so no value
    can close the block or add a key."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plain(text: str, limit: int = 160) -> str:
    """Text safe where nothing escapes it (MkDocs theme titles are not autoescaped, and
    Jinja's striptags decodes entities): letters, digits, spaces, dashes and ``. , ( ) /``."""
    text = re.sub(r"<[^>]*>?", " ", text)
    return re.sub(r"\s+", " ", re.sub(r"[^\w .,()/\u2013\u2014-]|_", "", text)).strip()[:limit]
