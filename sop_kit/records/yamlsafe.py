"""A strict YAML loader for records written by hand.

We build plain Python values from libyaml's output ourselves, so that:
  * anchors, aliases, explicit tags, duplicate keys and non-scalar keys are rejected;
  * YAML 1.1 surprises cannot happen: only canonical forms resolve (``true``/``false``,
    ``null``/``~``, unsigned-or-negative decimals without leading zeros); ``no``, ``010``,
    ``12:30``, ``+62812…`` and dates stay text for the models to judge;
  * every value's source line is remembered for located errors.

Two ways lead to the same values. The reference is :func:`_parse`, which handles libyaml's
events one by one in Python and says exactly what is wrong where. Most files take the fast
way, :func:`_compose`: libyaml's own composer builds the node tree in C (about a third of
the work the events cost in Python) and one walk over the nodes resolves the scalars and
checks keys and depth. It is taken only where it cannot differ from the reference: the
text has no ``&``, ``*`` or ``!`` (so no anchor, alias or tag can be in it) and libyaml
limits nesting itself (0.2.6 and later: the composer recurses in C). Whatever the fast
way finds wrong (a duplicate key, a complex key, too deep, a second document, a syntax
error) is handed to the reference, which raises the located error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import SopKitError
from ..core.inert import NOT_IN_TEXT

MAX_BYTES = 512 * 1024
MAX_DEPTH = 24

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_MAY_HOLD_NODE_PROPERTIES = re.compile("[&*!]")  # anchors, aliases and tags begin so
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# NUL and the Unicode bidi controls (Trojan-Source style reordering of what a reviewer sees).
_FORBIDDEN = re.compile("[\x00\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What git leaves in a file whose merge conflicted; libyaml would call it a syntax error.
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?:[ \t]|$)|^={7}[ \t]*$", re.M)

Loc = tuple[str | int, ...]


class Loaded:
    """A parsed file: its data, and the source line of every key and list item.

    Lines are needed only to locate a finding, which most files never have, so they are
    worked out on first use by parsing the text again with bookkeeping on.
    """

    def __init__(self, file: str, data: Any, text: str):
        self.file = file
        self.data = data
        self._text = text
        self._lines: dict[Loc, int] | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        if self._lines is None:
            self._lines = _parse(self._text, self.file, track=True)[1]
        return self._lines

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        lines = self.lines
        for end in range(len(loc), -1, -1):
            found = lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return 1


def _resolve(value: str) -> Any:
    if value in _NULLS:
        return None
    first = value[0]
    if first in "tTfF":
        return _BOOLS.get(value, value)
    if first == "-" or "0" <= first <= "9":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return float(value)
    return value


def _fail(file: str, code: str, line: int, **params: Any) -> SopKitError:
    return SopKitError(code, file, line, **params)


def decode(raw: bytes, file: str) -> str:
    """Bytes to text: UTF-8 only, no NUL or bidi controls, within the size limit."""
    if len(raw) > MAX_BYTES:
        raise _fail(file, "yaml.too_large", 1, size=len(raw), limit=MAX_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(file, "yaml.not_utf8", raw.count(b"\n", 0, exc.start) + 1) from None
    text = text.removeprefix("\ufeff")
    bad = _FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _fail(file, "yaml.bad_char", line, char=f"U+{ord(bad.group()):04X}")
    if "<<<<<<<" in text or ">>>>>>>" in text:
        marker = _CONFLICT.search(text)
        if marker:
            line = text.count("\n", 0, marker.start()) + 1
            raise _fail(file, "yaml.conflict", line, row=line)
    return text


def load_text(text: str, file: str) -> Loaded:
    """Parse one YAML document from text already checked by :func:`decode`."""
    loaded = _load(text, file)
    # Written as they are, libyaml refuses such characters (and decode() the bidi ones); only an
    # escape in a double-quoted scalar ("\e", "\r", "\u202e") can make one.
    if "\\" in text:
        _refuse_escaped(loaded, loaded.data, ())
    return loaded


def _load(text: str, file: str) -> Loaded:
    if _Composer is not None and not _MAY_HOLD_NODE_PROPERTIES.search(text):
        try:
            return Loaded(file, _compose(text), text)
        except (yaml.YAMLError, _Refer):
            pass  # the reference below says what is wrong, and where
    return Loaded(file, _parse(text, file, track=False)[0], text)


def _refuse_escaped(loaded: Loaded, value: Any, loc: Loc) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_escaped(loaded, key, loc)
            _refuse_escaped(loaded, item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _refuse_escaped(loaded, item, (*loc, i))
    elif isinstance(value, str):
        bad = NOT_IN_TEXT.search(value)
        if bad:
            raise _fail(loaded.file, "yaml.bad_escape", loaded.line_of(loc), char=f"U+{ord(bad.group()):04X}")


class _Refer(Exception):
    """Something the reference loader must judge (and locate)."""


def _composer_class() -> type | None:
    """libyaml's composer with resolution left to us; None without libyaml 0.2.6 or later."""
    try:
        from yaml._yaml import CParser, get_version
    except ImportError:
        return None
    if get_version() < (0, 2, 6):
        return None  # no nesting limit of its own, and the composer recurses in C

    class Composer(CParser):
        # The composer asks the resolver about every node; tags are ours to decide.
        def resolve(self, kind: object, value: object, implicit: object) -> str:
            return ""

        def descend_resolver(self, parent: object, index: object) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return Composer


_Composer = _composer_class()


def _compose(text: str) -> Any:
    """The document's values from libyaml's node tree (see the module's docstring)."""
    assert _Composer is not None
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    finally:
        composer.dispose()
    return None if node is None else _value(node, 0)


def _value(node: Any, depth: int) -> Any:
    kind = type(node)
    if kind is yaml.ScalarNode:
        # A plain scalar's style is empty (None from the pure-Python composer); quoted and
        # block scalars stay text, as their events' implicit flag says.
        return _resolve(node.value) if not node.style else node.value
    if depth >= MAX_DEPTH:
        raise _Refer
    if kind is yaml.MappingNode:
        out: dict[str, Any] = {}
        for key, item in node.value:
            if type(key) is not yaml.ScalarNode or key.value in out:
                raise _Refer
            out[key.value] = _value(item, depth + 1)
        return out
    return [_value(item, depth + 1) for item in node.value]


def _parse(text: str, file: str, track: bool) -> tuple[Any, dict[Loc, int]]:
    """Build the document from libyaml's events; with ``track``, also note every line."""
    lines: dict[Loc, int] = {}
    # Each open container: [value, loc (when tracking), pending key (mappings only)].
    stack: list[list[Any]] = []
    root: Any = None
    docs = 0
    parser = _Loader(text)
    try:
        while True:
            ev = parser.get_event()
            kind = type(ev)
            if kind is yaml.ScalarEvent:
                if ev.anchor or ev.tag:
                    _reject(file, ev)
                value: Any = _resolve(ev.value) if ev.implicit[0] else ev.value
                if not stack:
                    root = value
                    continue
                top = stack[-1]
                container = top[0]
                if type(container) is dict:
                    if top[2] is None:
                        key = ev.value
                        if key in container:
                            if not track:  # rare: read again with lines noted, to name the first one too
                                return _parse(text, file, track=True)
                            first = lines.get((*top[1], key), 0)
                            raise _fail(file, "yaml.duplicate_key", ev.start_mark.line + 1, key=key, first=first)
                        top[2] = key
                        if track:
                            lines[(*top[1], key)] = ev.start_mark.line + 1
                        continue
                    container[top[2]] = value
                    top[2] = None
                else:
                    if track:
                        lines[(*top[1], len(container))] = ev.start_mark.line + 1
                    container.append(value)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if ev.anchor or ev.tag:
                    _reject(file, ev)
                if len(stack) >= MAX_DEPTH:
                    raise _fail(file, "yaml.too_deep", ev.start_mark.line + 1, limit=MAX_DEPTH)
                new: Any = {} if kind is yaml.MappingStartEvent else []
                loc: Loc = ()
                if not stack:
                    root = new
                else:
                    top = stack[-1]
                    if type(top[0]) is dict:
                        if top[2] is None:
                            raise _fail(file, "yaml.complex_key", ev.start_mark.line + 1)
                        if track:
                            loc = (*top[1], top[2])
                        top[0][top[2]] = new
                        top[2] = None
                    else:
                        if track:
                            loc = (*top[1], len(top[0]))
                            lines[loc] = ev.start_mark.line + 1
                        top[0].append(new)
                stack.append([new, loc, None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                _reject(file, ev)
            elif kind is yaml.DocumentStartEvent:
                docs += 1
                if docs > 1:
                    raise _fail(file, "yaml.multi_doc", ev.start_mark.line + 1)
            elif kind is yaml.StreamEndEvent:
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "").strip()
        raise _fail(file, "yaml.syntax", mark.line + 1 if mark else 1, problem=problem) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always marks its errors
        raise _fail(file, "yaml.syntax", 1, problem=str(exc)) from None
    finally:
        parser.dispose()
    return root, lines


def _reject(file: str, ev: Any) -> None:
    line = ev.start_mark.line + 1
    if type(ev) is yaml.AliasEvent or getattr(ev, "anchor", None):
        raise _fail(file, "yaml.anchor", line)
    raise _fail(file, "yaml.tag", line, tag=ev.tag.replace("tag:yaml.org,2002:", "!!"))


def load_bytes(raw: bytes, file: str) -> Loaded:
    return load_text(decode(raw, file), file)


def load_file(path: str | Path, file: str | None = None) -> Loaded:
    """Read and parse ``path``; ``file`` is the name shown in messages."""
    shown = file or str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise _fail(shown, "io.unreadable", 1, reason=exc.strerror or str(exc)) from None
    return load_bytes(raw, shown)
