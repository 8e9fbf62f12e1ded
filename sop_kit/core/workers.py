"""Worker processes, where the system can fork them.

The check, the case pages, the PDFs and the personal-data scan hand their workers what they
need (the archive, the verdicts, the matcher) by ``fork``: set in module globals before the
pool starts, inherited, never pickled. Windows, which the office's PCs run, has no fork; there
the work is done in the calling process: slower on many cores, the same result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext


def fork_context() -> BaseContext | None:
    """The ``fork`` start method's context, or None where the system has none."""
    import multiprocessing  # only when there is work for more than one process

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")
