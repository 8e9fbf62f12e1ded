"""``sop-kit sop import``: an SOP AP document (.txt, .docx, text-layer PDF) as SOP data.

Modules: ``readers`` a file into lines (``word`` a .docx's paragraphs and table grid, ``pdf``
a PDF's tables by their ruling lines, ``grid`` a table into lines), ``text`` lines, cells and
places; ``identity`` the labels, lists and dates, ``signer`` who ratified it, ``block`` the
identity block as data; ``flowchart`` the tables, ``times`` durations, ``roles`` role names,
``steps`` the steps and decisions; ``build`` the assembled SOP and the report of guesses and
problems."""

from __future__ import annotations

from .build import ImportResult, default_out, import_sop, write_import
from .notes import Note

__all__ = ["ImportResult", "Note", "default_out", "import_sop", "write_import"]
