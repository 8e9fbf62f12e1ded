"""SOP files read the same in YAML 1.1 readers (PyYAML's safe_load, many editors' tools) as
in sop-kit's strict loader: the step number's key is written ``"no"``, never a bare ``no``
that YAML 1.1 reads as the boolean false."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sop_kit.records.models.sop import Sop
from sop_kit.records.parse import parse_file
from sop_kit.records.yamlsafe import load_text
from sop_kit.records.yamlwrite import dump_yaml

from ..conftest import REPO

SHIPPED = sorted(
    [
        *(REPO / "records" / "sop").glob("*.yaml"),
        *(REPO / "sop_kit" / "data" / "sop").glob("*.yaml"),
        *(REPO / "tests" / "corpus").rglob("sop/*.yaml"),
    ]
)


def test_the_shipped_sop_files_are_found() -> None:
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO)))
def test_yaml_1_1_readers_see_integer_step_numbers(path: Path) -> None:
    loaded = yaml.safe_load(path.read_text("utf-8"))
    steps = loaded["langkah"]
    assert [step["no"] for step in steps] == list(range(1, len(steps) + 1))
    assert all(False not in step for step in steps)  # no step number read as the boolean key false
    sop, _, problems = parse_file(path, path.name, Sop)  # and sop-kit's strict loader reads the quoted key
    assert sop is not None, problems
    assert [s.no for s in sop.langkah] == list(range(1, len(steps) + 1))


def test_written_keys_that_yaml_1_1_misreads_are_quoted() -> None:
    data = {"no": 1, "yes": "a", "On": True, "y": 2, "tidak": 3, "nomor": "no"}
    text = dump_yaml(data)
    assert text.splitlines() == ['"no": 1', '"yes": a', '"On": true', '"y": 2', "tidak: 3", 'nomor: "no"']
    assert yaml.safe_load(text) == data
    assert load_text(text, "x.yaml").data == data


def test_the_strict_loader_still_reads_a_bare_no_key() -> None:
    # Files written by hand before the change keep loading (the strict loader resolves no booleans).
    assert load_text("langkah:\n  - no: 1\n", "x.yaml").data == {"langkah": [{"no": 1}]}
