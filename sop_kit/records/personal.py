"""Which record values are personal data: those of the fields (or whole models) that the models
mark ``x-pribadi``, read from their JSON schema, so a new field is personal by its mark alone.

Two readers: :mod:`.parse`, so that a finding about a personal field never quotes what was
typed there, and the personal-data scan of what is published (:mod:`sop_kit.views.privacy`),
which searches the output for every such value, valid or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

from .fieldtypes import PERSONAL
from .yamlsafe import Loc

MIN_VALUE = 4  # shorter values ("Ani") would match ordinary words everywhere
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # can hide inside a word
(_MARK,) = PERSONAL


def clean(text: str) -> str:
    """Invisible characters out, runs of white space as one space."""
    return " ".join(text.translate(INVISIBLE).split())


def personal_at(model: type[BaseModel], loc: Loc) -> bool:
    """Is the value at ``loc`` in a record of ``model`` personal (its field, or a model that
    holds it, is marked)? A key the model does not know is as personal as its holder."""
    schema, defs = _schema(model)
    node = _deref(schema, defs)
    if _marked(node):
        return True
    for part in loc:
        key = "items" if isinstance(part, int) else "properties"
        found = _part(node, defs, key)
        node = _deref((found if isinstance(part, int) else (found or {}).get(part)) or {}, defs)
        if _marked(node):
            return True
    return False


def personal_values(records: Iterable[BaseModel]) -> set[str]:
    """Every personal value of validated records (:func:`raw_personal_values` of each)."""
    out: set[str] = set()
    for record in records:
        out |= raw_personal_values(record.model_dump(), type(record))
    return out


def raw_personal_values(data: object, model: type[BaseModel]) -> set[str]:
    """Every value typed into a personal field of a record of ``model``, read from its data as
    loaded, valid or not: a NIK one digit short, a name typed into ``hubungan`` or typed as a
    key of a family's record is as personal as a valid one. Whitespace-collapsed, at least
    :data:`MIN_VALUE` characters.

    Left out: values the field's own choices list (``hubungan: anak`` names no one), and
    dates: a birth date alone identifies no one, and the site shows hundreds of dates, so a
    child born on the day a step was done would fail every build.
    """
    out: set[str] = set()
    schema, defs = _schema(model)
    _walk(data, schema, defs, False, out)
    return out


def _walk(data: object, schema: dict[str, Any], defs: dict[str, Any], personal: bool, out: set[str]) -> None:
    schema = _deref(schema, defs)
    personal = personal or _marked(schema)
    if isinstance(data, dict):
        props = _part(schema, defs, "properties") or {}
        for key, item in data.items():
            if personal and key not in props:  # a key no model knows, typed among personal data
                _walk(str(key), {}, defs, personal, out)
            _walk(item, props.get(key, {}), defs, personal, out)
    elif isinstance(data, list | tuple):
        items = _part(schema, defs, "items") or {}
        for item in data:
            _walk(item, items, defs, personal, out)
    elif personal and isinstance(data, str | int | float | Enum) and not isinstance(data, bool):
        if _part(schema, defs, "format") in ("date", "date-time"):
            return
        text = clean(str(data.value if isinstance(data, Enum) else data))
        if len(text) >= MIN_VALUE and text not in _choices(schema, defs):
            out.add(text)


@cache
def _schema(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = model.model_json_schema()
    return schema, schema.get("$defs", {})


def _marked(schema: object) -> bool:
    """Does this schema carry the mark (also inside anyOf, items, …)? A nested model's own
    fields are not looked into: they are judged when its data is reached."""
    if isinstance(schema, dict):
        if schema.get(_MARK) is True:
            return True
        return any(_marked(v) for k, v in schema.items() if k not in ("properties", "$defs"))
    if isinstance(schema, list):
        return any(_marked(v) for v in schema)
    return False


def _deref(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return {**defs.get(ref.removeprefix("#/$defs/"), {}), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _part(schema: dict[str, Any], defs: dict[str, Any], key: str) -> Any:
    """``schema[key]``, or the first one among its anyOf/allOf options (``X | None``)."""
    if key in schema:
        return schema[key]
    for option in [*schema.get("anyOf", []), *schema.get("allOf", [])]:
        found = _part(_deref(option, defs), defs, key)
        if found is not None:
            return found
    return None


def _choices(schema: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    const = _part(schema, defs, "const")
    return {str(c) for c in [*(_part(schema, defs, "enum") or []), *([] if const is None else [const])]}
