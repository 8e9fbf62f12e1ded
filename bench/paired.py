"""Paired runs: two commands in turn (A B A B ...), each pair giving one ratio A / B.

A machine's speed drifts (other work, thermal limits, the page cache); timing A many times
and then B many times lets the drift into the ratio. Taken pair by pair, both sides of each
ratio saw the same machine, and the spread of the ratios shows how noisy it was. Figures are
reported as the median with the range: ``0.42× (0.40–0.47)``.

Each command is a whole process, timed from outside: wall seconds from a monotonic clock,
CPU seconds (user + system) and peak memory (the largest single process it waited for) from
the operating system's accounting of the finished child (``os.wait4``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


def installed(env: dict[str, str]) -> dict[str, str]:
    """``env`` for sop-kit as an installation runs it: its modules compiled once (pip compiles
    what it installs), not again in every timed process. With PYTHONDONTWRITEBYTECODE set, as
    in some shells, an editable tree or an export has no bytecode: each start compiled about
    100 modules (0.1 s; bench/README.md, passes before the eighth, included it)."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", sop_kit_folder(env)], env=env, check=True)
    return env


def sop_kit_folder(env: dict[str, str]) -> str:
    """Where a subprocess with ``env`` imports sop_kit from (not from the repository's folder, so
    that PYTHONPATH decides: an export of one commit, or this tree)."""
    cmd = [sys.executable, "-c", "import sop_kit; print(sop_kit.__path__[0])"]
    done = subprocess.run(cmd, env=env, cwd=Path(__file__).parent / "out", capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"import sop_kit failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip()


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float
    output: str  # stdout and stderr, for the caller to verify


def run(cmd: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd`` to its end; fail loudly when it cannot start or exits above 1."""
    with tempfile.TemporaryFile() as out:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{text[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text)


def pairs(a: Callable[[], Run], b: Callable[[], Run], count: int, warmup: bool = True) -> list[tuple[Run, Run]]:
    """``count`` pairs of A then B, after one unrecorded run of each (warm page cache)."""
    if warmup:
        a()
        b()
    return [(a(), b()) for _ in range(count)]


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def ratio(self, digits: int = 2) -> str:
        return f"**{self.median:.{digits}f}×** ({self.low:.{digits}f}–{self.high:.{digits}f})"

    def seconds(self, digits: int = 2) -> str:
        return f"{self.median:.{digits}f} ({self.low:.{digits}f}–{self.high:.{digits}f})"


def ratios(measured: Sequence[tuple[Run, Run]], what: str = "wall") -> Spread:
    return Spread.of([getattr(x, what) / getattr(y, what) for x, y in measured])


def side(measured: Sequence[tuple[Run, Run]], index: int, what: str = "wall") -> Spread:
    return Spread.of([getattr(p[index], what) for p in measured])
