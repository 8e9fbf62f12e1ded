"""``sop-kit sop import``: an SOP AP document (.txt, .docx, text-layer PDF) as SOP data.

Modules: ``text`` lines and cells, ``readers`` files into lines, ``identity`` the labelled
block, ``flowchart`` the tables, ``times`` durations, ``roles`` role names, ``build`` the
assembled SOP and the report of guesses and problems.
"""

from __future__ import annotations

from .build import ImportResult, default_out, import_sop
from .notes import Note

__all__ = ["ImportResult", "Note", "default_out", "import_sop"]
