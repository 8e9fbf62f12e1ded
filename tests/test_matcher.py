"""The personal-value matcher (Aho–Corasick) finds exactly what a regex alternation of every
value finds: the regex the scan used before, kept here as the reference."""

from __future__ import annotations

import os
import pickle
import random
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from sop_kit.records import matcher as matching
from sop_kit.records import privacyscan as privacy
from sop_kit.records.matcher import Matcher, matcher
from sop_kit.records.personal import MIN_VALUE, fold


def _trie_regex(values: Iterable[str], sep: str = "") -> str:
    trie: dict[str, Any] = {}
    for value in values:
        node = trie
        for ch in value:
            node = node.setdefault(ch, {})
        node[""] = {}

    def word(ch: str) -> bool:
        return ch.isalnum() or ch == "_"

    def branch(node: dict[str, Any], last: str) -> str:
        alts = []
        for ch, child in sorted((k, v) for k, v in node.items() if k):
            run = [ch]
            while len(child) == 1 and "" not in child:
                ((ch, child),) = child.items()
                run.append(ch)
            head = re.escape(run[0])
            if not last and word(run[0]):
                head += r"(?<!\w.)"
            elif last and sep:
                head = sep + head
            alts.append(head + "".join(sep + re.escape(c) for c in run[1:]) + branch(child, run[-1]))
        if "" in node:
            alts.append(r"(?!\w)" if word(last) else "")
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return branch(trie, "")


def reference(values: list[str], text: str) -> list[list[tuple[int, int]]]:
    folded = sorted({v for v in (fold(v).lower() for v in values) if len(v) >= MIN_VALUE})
    numbers = sorted({v.replace(" ", "") for v in folded if v.replace(" ", "").isdigit()})
    patterns = [re.compile(_trie_regex(folded), re.DOTALL)]
    patterns += [re.compile(_trie_regex(numbers, r"[ .]?"))] if numbers else []
    return [[m.span() for m in p.finditer(text)] for p in patterns]


ALPHABET = "ab 1-.é_"  # short words, digits, separators, a letter lower() keeps, a word joiner


def test_same_matches_as_the_regex_on_random_values_and_texts() -> None:
    rng = random.Random(19)
    compared = found = grouped = 0
    for _ in range(1500):
        text = fold("".join(rng.choice(ALPHABET + "0123 .") for _ in range(rng.randint(0, 60)))).lower()
        # Most values are pieces of the text, so that there is something to find.
        values = [text[i : i + rng.randint(3, 9)] for i in (rng.randrange(len(text) or 1) for _ in range(4))]
        values += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 3))]
        values += ["".join(rng.choice("0123") for _ in range(rng.randint(4, 7))) for _ in range(rng.randint(0, 3))]
        values = [v for v in values if fold(v)]
        if not any(len(fold(v)) >= MIN_VALUE for v in values):
            continue
        want = reference(values, text)
        assert matcher(fold(v).lower() for v in values).spans(text) == want, (values, text)
        compared += 1
        found += sum(map(len, want))
        grouped += len(want[1]) if len(want) > 1 else 0
    assert compared > 1000 and found > 1000 and grouped > 50  # the texts held matches, of both kinds


def test_whole_words_longest_first_and_grouped_numbers() -> None:
    m = matcher(["siti aminah", "siti", "081234567890"])
    text = "bu siti aminah, sitinya, 0812 3456.7890 dan 0812345678901"
    values, grouped = m.spans(text)
    assert [text[a:b] for a, b in values] == ["siti aminah"]
    assert [text[a:b] for a, b in grouped] == ["0812 3456.7890"]
    assert not matcher(["ab"])  # shorter than any value that can mean someone


def test_a_stored_matcher_finds_what_a_built_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saved by one build and read back by the next (a fresh process: the in-process copy
    cleared), it matches as the matcher built from the values does; new values replace it."""
    values = ["Siti Aminah", "3216 0101 0101 0101", "Jalan Mawar 7", "ab"]
    text = fold("Ibu siti aminah, NIK 3216.0101.0101.0101, jalan mawar 7 — ab").lower()
    expected = matcher(fold(v).lower() for v in values).spans(text)
    assert expected[0] and expected[1]  # the text has values and a grouped number to find

    first = privacy._compile_values(values, tmp_path)
    saved = list((tmp_path / "pencocok").glob("*.automaton"))
    assert len(saved) == 1 and first.spans(text) == expected

    matching._STORED.clear()
    built: list[Matcher] = []

    def counted(folded: Iterable[str]) -> Matcher:
        built.append(matcher(folded))
        return built[-1]

    with monkeypatch.context() as patched:
        patched.setattr(matching, "matcher", counted)
        again = privacy._compile_values(values, tmp_path)
    assert built == [] and again.spans(text) == expected  # read back, not built

    privacy._compile_values([*values, "Dedi Kurnia"], tmp_path)
    now = list((tmp_path / "pencocok").glob("*.automaton"))
    assert len(now) == 1 and now != saved  # one site's values at a time


@pytest.mark.parametrize("damage", ["truncated", "not a pickle", "another class"])
def test_a_damaged_or_foreign_stored_matcher_is_built_again(tmp_path: Path, damage: str) -> None:
    """A cache file is never trusted to run code or to decide what is found: only two
    automata are read back; anything else is ignored and the matcher built from the values."""
    values = ["Siti Aminah", "081234567890"]
    text = "ibu siti aminah, hp 0812 3456 7890"
    privacy._compile_values(values, tmp_path)
    (path,) = (tmp_path / "pencocok").glob("*.automaton")
    marker = tmp_path / "ran"
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:40])
    elif damage == "not a pickle":
        path.write_bytes(b"\x00" * 64)
    else:  # a pickle that would run a command when loaded by pickle.load
        path.write_bytes(pickle.dumps(_Touch(str(marker))))
    matching._STORED.clear()
    found = privacy._compile_values(values, tmp_path)
    assert not marker.exists()
    assert found.spans(text) == matcher(fold(v).lower() for v in values).spans(text)
    assert found.spans(text)[0]
    (again,) = (tmp_path / "pencocok").glob("*.automaton")
    matching._STORED.clear()
    assert privacy._compile_values(values, tmp_path).spans(text) == found.spans(text)  # written afresh
    assert again.read_bytes()[:1] == b"\x80"  # a pickle again, of automata


class _Touch:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.path}",))
