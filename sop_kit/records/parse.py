"""Parse one record file into its pydantic model, turning every problem into located findings.

A finding about a personal field (:mod:`.personal`) names the field and the rule it broke,
never what was typed there: findings reach the audit site and the exports.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..core.errors import SopKitError
from ..core.findings import Finding, Severity
from ..core.messages import known
from .personal import personal_at, shaped_number
from .yamlsafe import Loaded, Loc, load_bytes, load_file

M = TypeVar("M", bound=BaseModel)
HIDDEN = "@schema.personal_value"  # said in the message's language

# pydantic error type -> catalogue code; our own PydanticCustomError types map to schema.<type>.
_CODES = {
    "missing": "schema.missing",
    "extra_forbidden": "schema.unknown_key",
    "string_type": "schema.expected_text",
    "int_type": "schema.expected_int",
    "float_type": "schema.expected_number",
    "bool_type": "schema.expected_bool",
    "list_type": "schema.expected_list",
    "model_type": "schema.expected_mapping",
    "model_attributes_type": "schema.expected_mapping",
    "dict_type": "schema.expected_mapping",
    "literal_error": "schema.choice",
    "string_pattern_mismatch": "schema.pattern",
    "greater_than_equal": "schema.minimum",
    "too_short": "schema.too_short",
    "string_too_short": "schema.empty",
    "string_too_long": "schema.too_long",
}


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` (for listing its valid keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None / Annotated[X, …] -> X (the first model class found)."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (
        typing.Union,
        list,
        typing.Annotated,
    ):
        for arg in args:
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return args[0] if args else annotation
    return annotation


def _value_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return type(value).__name__
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def pydantic_findings(
    exc: ValidationError, loaded: Loaded, model: type[BaseModel], case: str | None, prefix: Loc = ()
) -> list[Finding]:
    out = []
    for err in exc.errors(include_url=False):
        loc = (*prefix, *err["loc"])
        etype = err["type"]
        params: dict[str, Any] = {"field": dotted(loc), "value": _value_text(err.get("input", ""))}
        ctx = dict(err.get("ctx") or {})
        if "at" in ctx:  # a model-level rule names the field it is about
            loc = (*loc, ctx.pop("at"))
            params["field"] = dotted(loc)
        for key, val in ctx.items():
            params[key] = _value_text(val)
        # A personal field is named by its place and the rule it broke, never quoted (nor an
        # unknown key typed among personal data): findings are published.
        personal = personal_at(model, loc[len(prefix) :])
        # Nor a NIK or mobile number typed in any field (an unquoted number in a note).
        typed = err.get("input", "")
        shaped = not isinstance(typed, dict | list) and shaped_number(str(typed))
        if personal or shaped:
            params["value"] = HIDDEN
        code = _CODES.get(etype, f"schema.{etype}")
        if etype == "extra_forbidden":
            holder = _model_at(model, loc[len(prefix) : -1])
            allowed = sorted(holder.model_fields) if holder else []
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            params["allowed"] = ", ".join(allowed)
            params["suggestion"] = close[0] if close else ""
            params["key"] = HIDDEN if personal else str(loc[-1])
            if personal:
                params["field"] = dotted(loc[:-1])
            if close:
                code = "schema.unknown_key_suggest"
        elif etype == "literal_error":
            # pydantic words the choices in English ("'a' or 'b'"); keep only the values.
            params["expected"] = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        elif etype == "string_type" and isinstance(err.get("input"), int | float) and not shaped:
            code = "schema.expected_text_quote"  # quoted, a NIK in a note is then an error of its own
        elif etype == "int_type" and isinstance(err.get("input"), str) and err["input"].isdigit():
            code = "schema.leading_zero"
        if not known(code):
            code = "schema.other"
            params["detail"] = etype if personal or shaped else err["msg"]  # pydantic's words may quote the value
        out.append(Finding(Severity.ERROR, code, loaded.file, loaded.line_of(loc), params, case))
    return out


def error_finding(exc: SopKitError, case: str | None = None) -> Finding:
    return Finding(Severity.ERROR, exc.code, exc.file or "?", exc.line, dict(exc.params), case)


def validate(
    loaded: Loaded, data: Any, model: type[M], case: str | None = None, prefix: Loc = ()
) -> tuple[M | None, list[Finding]]:
    """Validate ``data`` (found at ``prefix`` inside ``loaded``) as ``model``."""
    if not isinstance(data, dict):
        params = {"field": dotted(prefix), "value": ""}
        line = loaded.line_of(prefix)
        return None, [Finding(Severity.ERROR, "schema.expected_mapping", loaded.file, line, params, case)]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_findings(exc, loaded, model, case, prefix)


def parse_text(
    raw: bytes, shown: str, model: type[M], case: str | None = None
) -> tuple[M | None, Loaded | None, list[Finding]]:
    """Validate the bytes of a record (a version from history) as ``model``. Never raises."""
    try:
        loaded = load_bytes(raw, shown)
    except SopKitError as exc:
        return None, None, [error_finding(exc, case)]
    result, problems = validate(loaded, loaded.data, model, case)
    return result, loaded, problems


def parse_file(
    path: str | Path, shown: str, model: type[M], case: str | None = None
) -> tuple[M | None, Loaded | None, list[Finding]]:
    """Load ``path`` and validate it as ``model``. Never raises for bad content."""
    try:
        loaded = load_file(path, shown)
    except SopKitError as exc:
        return None, None, [error_finding(exc, case)]
    result, problems = validate(loaded, loaded.data, model, case)
    return result, loaded, problems
