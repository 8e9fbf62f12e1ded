"""Which file-name endings a format may carry: a file's name must not claim another type
than its content (a text file named ``.pdf`` is neither filed nor published as a PDF)."""

from __future__ import annotations

# Sniffed format (sop_kit.records.filetypes) -> the endings that name it, the first preferred.
ENDINGS: dict[str, tuple[str, ...]] = {
    "pdf": ("pdf",),
    "jpeg": ("jpg", "jpeg"),
    "png": ("png",),
    "docx": ("docx",),
    "xlsx": ("xlsx",),
    "odt": ("odt",),
    "ods": ("ods",),
    "txt": ("txt", "csv"),
}


def ending(name: str) -> str:
    """The lower-cased ending of a file name, without its dot ('' when it has none)."""
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.lstrip(".") else ""


def fits(found: str | None, name: str) -> bool:
    """Does the name's ending agree with the sniffed format ``found``?"""
    return found is not None and ending(name) in ENDINGS.get(found, ())
