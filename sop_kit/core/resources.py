"""Where sop-kit's own files are: package data and the code that caches depend on."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
DATA = PACKAGE / "data"
TEMPLATES = PACKAGE / "templates"  # the documents' templates (PDF) and init/ (a new archive's files)
GUIDE = PACKAGE / "guide"


@cache
def code_fingerprint() -> str:
    """Changes whenever sop-kit's code or its own data does (the region register, the shipped
    templates): an upgraded or development install must not reuse verdicts, pages or documents
    made by other code. Sizes and modification times, not contents: this runs on every
    command that reads a cache."""
    digest = hashlib.sha256()
    for src in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        st = src.stat()
        digest.update(f"{src.relative_to(PACKAGE)}{st.st_size}{st.st_mtime_ns}".encode())
    return digest.hexdigest()
