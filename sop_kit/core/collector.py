"""Python's cycle collector kept off what a command has loaded and keeps to its end.

A full collection walks every object alive. A rebuild at 10,000 cases holds a few million
(the check's verdicts, the site's manifest, the yearly reports' facts) until it ends, and
the collector walked them eleven times, finding nothing: 1.7 s of a 9 s rebuild
(bench/README.md, sixth pass). Inside :func:`kept`, :func:`settle` moves what is alive now
into the collector's permanent generation (``gc.freeze``), out of its sight until the
outermost block ends; whatever became garbage in between is collected after that, or by
:func:`between` in a process that builds again and again (``build --watch``).
"""

from __future__ import annotations

import gc
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_depth = 0  # kept() blocks open: gc.freeze() is one state for the whole process


@contextmanager
def kept() -> Iterator[None]:
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            gc.unfreeze()


def settle() -> None:
    """What is alive now stays until the command ends: no full collection walks it again.
    Outside :func:`kept` it does nothing, so a library caller's memory is never held."""
    if _depth:
        gc.freeze()


def between() -> None:
    """Between two builds of a process that stays up: what became garbage since the last
    :func:`settle` (each build's cycles, WeasyPrint's font configurations among them) is
    collected, and what stays (the watch's kept judgements) is settled again. Without it each
    build left its garbage frozen for as long as the watch ran.

    A Ctrl+C that comes while the collection runs a finalizer would be raised inside it, where
    Python prints and drops it: it is held until the collection ends, then raised here."""
    if not _depth:
        return
    gc.unfreeze()
    held: list[int] = []
    main = threading.current_thread() is threading.main_thread()  # only it runs signal handlers
    before = signal.getsignal(signal.SIGINT) if main else None
    if before is signal.default_int_handler:
        signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        gc.collect()
    finally:
        if before is signal.default_int_handler:
            signal.signal(signal.SIGINT, before)
        gc.freeze()
    if held:
        raise KeyboardInterrupt


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a block makes many objects without cycles (a cache decoded)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
