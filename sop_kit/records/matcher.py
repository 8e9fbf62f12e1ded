"""The records' personal values found in a text at once: one Aho–Corasick automaton.

Built from the values as the scan folds them, it finds every occurrence in one pass; a
match is kept where it is a whole word (no word character glued to either end, where that
end is a letter or digit), the leftmost first and, from one start, the longest, as a regex
alternation of all the values would choose. Numbers (NIK, KK, phone) are also found written
in groups, with one space or full stop between any two digits (0812 3456 7890, 3216.0101…).

A regex of every value (a trie-shaped alternation) was the matcher before: at 60,000 values
Python took 24 s to compile it, against 0.25 s to build this automaton
(bench/README.md, "personal-data scan"). A site's matcher is also kept on disk between
builds (:func:`stored_matcher`): at 10,000 cases folding and compiling 120,000 values was
0.7 s of every one-case rebuild, loading it back 0.1 s.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

import ahocorasick

from ..records.personal import MIN_VALUE, addressed, addressed_word, place_form, rt_rw

_WORD = re.compile(r"\w")  # what a regex's (?<!\w) and (?!\w) call a word character
# A run of digits in which single spaces or full stops may separate any two: where a grouped
# number can be. Any match of a grouped number lies inside one such run.
_DIGIT_RUN = re.compile(r"[0-9](?:[ .]?[0-9])*")

Span = tuple[int, int]


def _word(ch: str) -> bool:
    return _WORD.match(ch) is not None


def _bounded_end(ch: str) -> bool:
    """Does a value starting or ending with ``ch`` have to be a whole word there?"""
    return ch.isalnum() or ch == "_"


def _automaton(values: Iterable[str]) -> ahocorasick.Automaton | None:
    auto = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for value in values:
        auto.add_word(value)
    if len(auto) == 0:
        return None
    auto.make_automaton()
    return auto


class Matcher:
    """Every folded value of at least ``MIN_VALUE`` characters; numbers also in groups; the
    forms of :func:`~sop_kit.records.personal.spoken_forms` as they are written: a name's word
    after any word of address, an RT/RW however it is spelt."""

    def __init__(self, folded: Collection[str]) -> None:
        names: set[str] = set()
        places: set[str] = set()
        plain: list[str] = []
        for value in folded:
            if word := addressed_word(value):
                names.add(word)
            elif place_form(value):
                places.add(value)
            else:
                plain.append(value)
        self._values = _automaton(plain)
        self._numbers = _automaton({v.replace(" ", "") for v in folded if v.replace(" ", "").isdigit()})
        self._names = _automaton(names)
        self._places = _automaton(places)

    @classmethod
    def _of(cls, automata: tuple[ahocorasick.Automaton | None, ...]) -> Matcher:
        made = cls.__new__(cls)
        made._values, made._numbers, made._names, made._places = automata
        return made

    def _automata(self) -> tuple[ahocorasick.Automaton | None, ...]:
        return self._values, self._numbers, self._names, self._places

    def __bool__(self) -> bool:
        return any(a is not None for a in (self._values, self._names, self._places))

    def spans(self, text: str) -> list[list[Span]]:
        """The values' matches in ``text`` (already folded and lower-cased), then the grouped
        numbers' matches: two lists, each without overlaps, in order."""
        if not self:
            return []
        best = _bounded(text, ((end + 1 - n, end + 1) for end, n in self._values.iter(text))) if self._values else {}
        for start, end in self._spoken(text):
            if best.get(start, -1) < end:
                best[start] = end
        found = [_choose(best)]
        if self._numbers is not None:
            grouped: list[Span] = []
            for run in _DIGIT_RUN.finditer(text):
                # The run's digits alone, and where each stands in the text.
                at = [run.start() + i for i, ch in enumerate(run.group()) if ch.isdigit()]
                digits = "".join(text[i] for i in at)
                spans = ((at[end + 1 - n], at[end] + 1) for end, n in self._numbers.iter(digits))
                grouped += _choose(_bounded(text, spans))
            found.append(grouped)
        return found

    def _spoken(self, text: str) -> Iterator[Span]:
        """A family member's name word after a word of address (from that word on), and an
        RT/RW of a family's address."""
        if self._names is not None:
            for start, end in _bounded(text, ((end + 1 - n, end + 1) for end, n in self._names.iter(text))).items():
                before = addressed(text, start)
                if before is not None:
                    yield before, end
        if self._places is not None:
            for start, end, form in rt_rw(text):
                if self._places.exists(form):
                    yield start, end


def _bounded(text: str, spans: Iterable[Span]) -> dict[int, int]:
    """The longest whole-word match from each start."""
    best: dict[int, int] = {}
    for start, end in spans:
        if _bounded_end(text[start]) and start > 0 and _word(text[start - 1]):
            continue
        if _bounded_end(text[end - 1]) and end < len(text) and _word(text[end]):
            continue
        if best.get(start, -1) < end:
            best[start] = end
    return best


def _choose(best: dict[int, int]) -> list[Span]:
    """Left to right, each match after the last one chosen: as a regex's finditer goes."""
    out: list[Span] = []
    pos = 0
    for start in sorted(best):
        if start >= pos:
            out.append((start, best[start]))
            pos = best[start]
    return out


def matcher(folded: Iterable[str]) -> Matcher:
    """The matcher of these folded values (those shorter than ``MIN_VALUE`` are left out),
    built once per set of values in a process: the site's scan and every public PDF share it."""
    kept = sorted({v for v in folded if len(v) >= MIN_VALUE})
    key = hashlib.sha256("\n".join(kept).encode()).hexdigest()
    if key not in _BUILT:
        if len(_BUILT) >= _KEEP:
            _BUILT.pop(next(iter(_BUILT)))  # the oldest
        _BUILT[key] = Matcher(kept)
    return _BUILT[key]


_KEEP = 8  # matchers kept per process: a site's values and a few PDFs' at a time
_BUILT: dict[str, Matcher] = {}


def stored_matcher(folder: Path, key: str, folded: Callable[[], Iterable[str]]) -> Matcher:
    """The matcher saved in ``folder`` under ``key`` (which must name the values and how they
    were folded; how they are compiled, this module's code, is added here), or :func:`matcher`
    of ``folded()`` saved there in its place. A file that cannot be read back is built again:
    the cache never decides what is found."""
    path = folder / f"{hashlib.sha256(f'{_code()}|{key}'.encode()).hexdigest()}.automaton"
    if path in _STORED:
        return _STORED[path]
    try:
        with path.open("rb") as f:
            automata = _Automata(f).load()
        if not (
            isinstance(automata, tuple)
            and len(automata) == 4
            and all(a is None or isinstance(a, ahocorasick.Automaton) for a in automata)
        ):
            raise pickle.UnpicklingError("not four automata")
        found = Matcher._of(automata)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        found = matcher(folded())
        _save(folder, path, found._automata())
    _STORED.clear()  # one site's values at a time
    _STORED[path] = found
    return found


_STORED: dict[Path, Matcher] = {}


@functools.cache
def _code() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


class _Automata(pickle.Unpickler):
    """Reads back only what :func:`_save` writes: automata (or None), no other object."""

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("ahocorasick", "Automaton"):
            return ahocorasick.Automaton
        raise pickle.UnpicklingError(f"{module}.{name} is not an automaton")


def _save(folder: Path, path: Path, automata: tuple[object, ...]) -> None:
    """Write through a temporary file and a rename; the other values' matchers go."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(automata, f, protocol=5)
        os.replace(tmp, path)
        for old in folder.glob("*.automaton"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
