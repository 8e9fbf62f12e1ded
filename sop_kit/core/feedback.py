"""Feedback during long operations: a bar on a terminal, plain lines in CI, nothing when quiet.

The library reports to a :class:`Reporter` (silent by default, so the API prints nothing):
stages of a build, tasks with a count (cases checked, commits verified, PDFs rendered) and,
for ``--verbose``, notes about single items. The command line picks the kind of reporter
from ``--quiet``/``--verbose`` and whether stderr is a terminal. Everything goes to stderr,
never to stdout, where reports in ``--format json`` must stay parseable. Lines come from the
message catalogue, in the reporter's language.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

from .messages import text

BAR_FROM = 10  # fewer items than this: no bar and no count lines (unless verbose); it is over at once
STEPS_FROM = 200  # plain lines at every tenth only from this many items; fewer get a first and a last line


class Reporter:
    """Reports nothing: what the library does unless given another reporter."""

    def stage(self, name: str) -> None:
        """A stage of a build begins (``name`` as in ``SiteReport.timings``)."""

    def stage_done(self, name: str, seconds: float) -> None:
        """The stage ``name`` took ``seconds``."""

    def start(self, task: str, total: int) -> None:
        """A task of ``total`` items begins (``task``: catalogue code ``progress.task.<task>``)."""

    def advance(self, n: int = 1, item: str | None = None) -> None:
        """``n`` more items of the task are done; ``item`` names the last one."""

    def done(self) -> None:
        """The task is over."""

    def note(self, code: str, **params: object) -> None:
        """A detail for ``--verbose``: catalogue ``code`` with ``params``."""

    def notice(self, code: str, **params: object) -> None:
        """Something the user must know even without ``--verbose`` (a build waiting for
        another one), shown unless quiet."""

    @contextmanager
    def task(self, task: str, total: int) -> Iterator[Reporter]:
        """``start`` … ``done``, also when the work fails (the bar must not stay on the line)."""
        self.start(task, total)
        try:
            yield self
        finally:
            self.done()


SILENT = Reporter()


class _Printer(Reporter):
    """What the bar and the plain lines share: stage lines, notes, the task's count."""

    def __init__(self, stream: TextIO, lang: str = "id", verbose: bool = False):
        self.stream, self.lang, self.verbose = stream, lang, verbose
        self.task_name: str | None = None
        self.total = self.count = 0
        self.began = 0.0
        self.shown = False  # whether this task shows its count at all

    def _say(self, code: str, **params: object) -> str:
        return text(code, self.lang, **params)

    def line(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def stage(self, name: str) -> None:
        self.line(self._say(f"site.stage.{name}"))

    def stage_done(self, name: str, seconds: float) -> None:
        if self.verbose:
            self.line(self._say("progress.stage_time", stage=name, seconds=f"{seconds:.2f}"))

    def note(self, code: str, **params: object) -> None:
        if self.verbose:
            self.line("  " + self._say(code, **params))

    def notice(self, code: str, **params: object) -> None:
        self.line(self._say(code, **params))

    def start(self, task: str, total: int) -> None:
        self.task_name, self.total, self.count = task, total, 0
        self.began = time.monotonic()
        self.shown = total > 0 and (total >= BAR_FROM or self.verbose)

    def advance(self, n: int = 1, item: str | None = None) -> None:
        self.count += n

    def done(self) -> None:
        if self.shown and self.task_name is not None:
            seconds = f"{time.monotonic() - self.began:.1f}"
            self.line(self._say("progress.done", task=self.label, count=self.count, total=self.total, seconds=seconds))
        self.task_name, self.shown = None, False

    @property
    def label(self) -> str:
        return self._say(f"progress.task.{self.task_name}")


class Lines(_Printer):
    """For CI logs and pipes: a line when a task starts, one at every tenth (counted, never
    timed, so the same run logs the same lines) and one at the end, with the count."""

    tenth = 0

    def start(self, task: str, total: int) -> None:
        super().start(task, total)
        self.tenth = 0
        if self.shown:
            self.line(self._say("progress.start", task=self.label, total=total))

    def advance(self, n: int = 1, item: str | None = None) -> None:
        super().advance(n, item)
        if not self.shown or self.total < STEPS_FROM or self.count >= self.total:
            return
        tenth = self.count * 10 // self.total
        if tenth > self.tenth:
            self.tenth = tenth
            self.line(self._say("progress.at", task=self.label, count=self.count, total=self.total, percent=tenth * 10))


class Bar(_Printer):
    """For a terminal: one line redrawn in place (``\\r``) with the count, rate and time left.
    It is redrawn when the count moves by a thousandth, not on every item."""

    CELLS = 24

    def __init__(self, stream: TextIO, lang: str = "id", verbose: bool = False):
        super().__init__(stream, lang, verbose)
        self.drawn = 0  # length of the bar on the line now; 0: no bar shown
        self.mark = -1
        self.item = ""

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.drawn = 0

    def line(self, line: str) -> None:
        visible = self.drawn > 0
        self._clear()
        super().line(line)
        if visible:
            self._draw()

    def start(self, task: str, total: int) -> None:
        super().start(task, total)
        self.mark, self.item = -1, ""
        if self.shown:
            self._draw()

    def advance(self, n: int = 1, item: str | None = None) -> None:
        super().advance(n, item)
        self.item = item or self.item
        mark = min(self.count, self.total) * 1000 // max(1, self.total)
        if self.shown and mark != self.mark:
            self.mark = mark
            self._draw()

    def done(self) -> None:
        self._clear()
        super().done()

    def _draw(self) -> None:
        width = max(40, shutil.get_terminal_size((80, 24)).columns - 1)  # the last column would wrap
        count = min(self.count, self.total)
        filled = count * self.CELLS // max(1, self.total)
        parts = [self.label, "[" + "#" * filled + "-" * (self.CELLS - filled) + "]", f"{self.count}/{self.total}"]
        elapsed = time.monotonic() - self.began
        if count and elapsed > 0.5:  # a rate from the first few items says nothing
            rate = count / elapsed
            parts.append(self._say("progress.rate", rate=f"{rate:.1f}"))
            left = int((self.total - count) / rate)
            parts.append(self._say("progress.eta", eta=f"{left // 60}:{left % 60:02d}"))
        if self.item:
            parts.append(self.item)
        bar = " ".join(parts)[:width]
        self.stream.write("\r" + bar.ljust(self.drawn))
        self.stream.flush()
        self.drawn = len(bar)


def reporter_for(
    stream: TextIO, lang: str, quiet: bool = False, verbose: bool = False, env: Mapping[str, str] | None = None
) -> Reporter:
    """The reporter for a command: silent with ``quiet``, a bar when ``stream`` is a terminal,
    plain lines in CI (``$CI`` set), on a dumb terminal or when stderr is a file or pipe."""
    env = os.environ if env is None else env
    if quiet:
        return SILENT
    isatty = getattr(stream, "isatty", None)
    terminal = bool(isatty and isatty()) and not env.get("CI") and env.get("TERM") != "dumb"
    return Bar(stream, lang, verbose) if terminal else Lines(stream, lang, verbose)
