"""JSON Schemas of the record files, for editors that validate YAML while the clerk types.

The schemas live in ``schema/`` beside ``records/`` (the archive repository's top), and every
scaffolded file opens with a ``yaml-language-server`` comment pointing there by a relative
path, so VS Code's YAML extension finds them with no settings and no network.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

SCHEMA_DIR = "schema"
Kind = Literal["kasus", "langkah", "staf", "sop", "konfigurasi"]
SCHEMA_FILES: dict[Kind, str] = {
    "kasus": "kasus.schema.json",
    "langkah": "langkah.schema.json",
    "staf": "staf.schema.json",
    "sop": "sop.schema.json",
    "konfigurasi": "konfigurasi.schema.json",
}


def schema_dir(records_root: Path) -> Path:
    return records_root.parent / SCHEMA_DIR


def schema_comment(file: Path, records_root: Path, kind: Kind) -> str:
    """``# yaml-language-server: $schema=<path>`` for ``file``, relative to where it lies."""
    target = schema_dir(records_root) / SCHEMA_FILES[kind]
    rel = os.path.relpath(target, file.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}"
