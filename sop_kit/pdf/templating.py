"""The templates documents are rendered from, in Jinja's sandbox.

The shipped templates (``sop_kit/templates``) under the office's own, as the archive holds them
in force (:attr:`~sop_kit.records.archive.Archive.templates`), with the shipped ones also as
``default:NAME`` (and ``default/NAME``) so that an override can extend the original. Every
template runs in :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment`; a failure is traced to
the template file and line it comes from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..core import resources
from ..records.fieldtypes import BULAN
from ..records.layout import TEMPLATES_DIR
from ..records.worktime import duration_text

PACKAGE_TEMPLATES = resources.TEMPLATES
Templates = Mapping[str, bytes]  # the office's templates in force, by name inside templates/


class OfficeLoader(jinja2.BaseLoader):
    """The office's templates as the archive holds them (bytes by name), never read from disk
    here: the working tree may hold a version that is not in force."""

    def __init__(self, files: Templates):
        self.files = files

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        data = self.files.get(template)
        if data is None:
            raise jinja2.TemplateNotFound(template)
        filename = f"{TEMPLATES_DIR}/{template}"
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise jinja2.TemplateSyntaxError("not UTF-8 text", line, template, filename) from None
        return source, filename, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.files)


def environment(templates: Templates | None = None) -> jinja2.Environment:
    """The sandbox the documents are rendered in: the office's templates over the shipped ones,
    and the shipped ones also as ``default:NAME`` (and ``default/NAME``)."""
    package = jinja2.FileSystemLoader(str(PACKAGE_TEMPLATES))
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(
            [
                OfficeLoader(templates or {}),
                package,
                jinja2.PrefixLoader({"default": package}, delimiter=":"),
                jinja2.PrefixLoader({"default": package}),
            ]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["tanggal"] = tanggal
    env.filters["waktu"] = lambda d: f"{d:%H:%M}" if d else "-"
    env.filters["durasi"] = lambda e: duration_text(e.working, e.minutes)  # working and calendar time
    return env


def templates_digest(templates: Templates | None) -> str:
    """Of everything a document's look can depend on: the office's templates and the shipped
    templates and stylesheets."""
    digest = hashlib.sha256()
    for name, data in sorted((templates or {}).items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    for path in sorted(PACKAGE_TEMPLATES.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def tanggal(value: Any) -> str:
    """4 Maret 2026 (the date as Indonesian letters write it)."""
    if value is None:
        return "-"
    if isinstance(value, str):  # year-month, as the SOP's dates are
        year, month = value.split("-")
        return f"{BULAN[int(month) - 1]} {year}"
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def where(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering failure comes from, if it comes from one: Jinja
    rewrites the traceback so that a template's frames carry its file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return _shown(exc.filename), exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(f"{TEMPLATES_DIR}/") or Path(name).parent == PACKAGE_TEMPLATES:
            found = (_shown(name), tb.tb_lineno)  # the innermost template frame counts
        tb = tb.tb_next
    return found


def _shown(filename: str) -> str:
    """A shipped template as ``default:NAME``, the office's as ``templates/NAME``."""
    path = Path(filename)
    return f"default:{path.name}" if path.parent == PACKAGE_TEMPLATES else filename
