"""The package's layers, as ARCHITECTURE.md draws them, hold in the code: no import circle, no
import that runs back up a layer or sideways between wings of one layer; and one build opens
the archive once, loads the trail once and judges each case once."""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner

from sop_kit.check import shared
from sop_kit.check.audit import Audit, audit, audit_case, open_in_force
from sop_kit.check.rules import check_case
from sop_kit.check.run import CheckOptions, check_archive
from sop_kit.cli.main import main
from sop_kit.records.archive import Archive, open_archive
from sop_kit.trail.gitlog import read_history
from sop_kit.trail.load import load_trail

from .conftest import REPO, DemoSite

PACKAGE = REPO / "sop_kit"
# Each wing's layer: a wing may import its own modules and the wings of lower layers only.
LAYERS = {
    "_version": 0,
    "core": 0,
    "records": 1,
    "trail": 2,
    "check": 3,
    "views": 4,
    "reports": 4,
    "sopimport": 4,
    "pdf": 5,
    "site": 6,
    "bag": 6,
    "clerk": 6,
    "demo": 7,
    "cli": 8,
    "__main__": 9,
    "__init__": 9,  # the façade: it names everything, lazily
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    base = REPO / name.replace(".", "/")
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports() -> Iterator[tuple[str, str]]:
    """(importer, imported) for every import of a sop_kit module by a sop_kit module, as the
    code spells it (relative imports resolved), at any depth inside functions too."""
    for path in sorted(PACKAGE.rglob("*.py")):
        me = module_name(path)
        package = me if path.name == "__init__.py" else me.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                if target.split(".")[0] != "sop_kit":
                    continue
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    yield me, sub if _is_module(sub) else target
            elif isinstance(node, ast.Import):
                yield from ((me, a.name) for a in node.names if a.name.split(".")[0] == "sop_kit")


def wing(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_wing_has_a_layer() -> None:
    found = {wing(module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert found <= set(LAYERS), found - set(LAYERS)


def test_no_import_runs_up_a_layer_or_sideways() -> None:
    wrong = []
    for importer, imported in imports():
        a, b = wing(importer), wing(imported)
        if a != b and LAYERS[b] >= LAYERS[a] and a not in ("__init__", "__main__"):
            wrong.append(f"{importer} -> {imported}")
    assert wrong == []


def test_no_import_circle() -> None:
    graph: dict[str, set[str]] = {}
    for importer, imported in imports():
        if importer != imported and wing(importer) != "__init__":  # the façade imports lazily
            graph.setdefault(importer, set()).add(imported)
    circles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert circles == []


def test_architecture_document_names_every_wing_and_its_layer() -> None:
    text = (REPO / "ARCHITECTURE.md").read_text("utf-8")
    for name, layer in LAYERS.items():
        if name.startswith("_"):
            continue
        assert re.search(rf"^### `{name}/` \(layer {layer}\)", text, re.M), name


def test_one_build_opens_the_archive_once_and_judges_each_case_once(demo_site: DemoSite, tmp_path: Path) -> None:
    """Counted on the real command with Python's profiler hook: every call of the functions
    that open the archive, load the trail, read its history, check the archive and judge one
    case. (PDFs render in worker processes, which never call these.)"""
    watched = {f.__code__: f.__name__ for f in (open_archive, load_trail, read_history, check_archive, check_case)}
    calls: Counter[str] = Counter()

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code in watched:
            calls[watched[frame.f_code]] += 1

    args = ["build", str(demo_site.archive), "--out", str(tmp_path / "site"), "--no-cache", "-j", "1", "-q"]
    sys.setprofile(hook)
    try:
        result = CliRunner().invoke(main, args, env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
    finally:
        sys.setprofile(None)
    assert result.exit_code == 0, result.output
    cases = len(open_archive(demo_site.archive).case_dirs())
    assert calls == Counter(open_archive=1, load_trail=1, read_history=1, check_archive=1, check_case=cases), calls


def test_a_rebuild_reads_only_the_changed_case(demo_site: DemoSite, tmp_path: Path) -> None:
    """After one case's step note changed, a build reads that case's records and no other: the
    reports and the letter-number register take the facts the judgement kept with its cached
    verdict instead of reading every case again."""
    shutil.copytree(demo_site.archive.parent, tmp_path / "arsip", symlinks=True)
    records = tmp_path / "arsip" / "records"
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["build", str(records), "--out", str(tmp_path / "site"), "--no-pdf", "--no-trail", "-j", "1", "-q"]
    first = CliRunner().invoke(main, args, env=env)
    assert first.exit_code == 0, first.output
    step = sorted(records.glob("kasus/*/*/langkah/01-*.yaml"))[0]
    text = step.read_text("utf-8")
    assert "\ncatatan:" in text
    step.write_text(text.replace("\ncatatan: ", "\ncatatan: Diperiksa ulang. "), "utf-8")

    read: Counter[str] = Counter()
    code = Archive.read_case.__code__

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code is code:
            read[Path(frame.f_locals["path"]).name] += 1

    sys.setprofile(hook)
    try:
        again = CliRunner().invoke(main, args, env=env)
    finally:
        sys.setprofile(None)
    assert again.exit_code == 0, again.output
    assert set(read) == {step.parent.parent.name}, read


def test_the_facts_kept_with_a_cached_verdict_equal_those_read_from_the_records(tmp_path: Path) -> None:
    archive = open_archive(REPO / "records")
    options = CheckOptions(cache_dir=tmp_path, jobs=1, trail=False)
    cold = check_archive(archive, options=options)
    warm = check_archive(archive, options=options)
    assert cold.cases_from_cache == 0 and warm.cases_from_cache == len(cold.verdicts)
    for folder, verdict in cold.verdicts.items():
        assert warm.verdicts[folder].facts == verdict.facts, folder.name
        assert warm.verdicts[folder].listing == verdict.listing != ""
    facts = [v.facts for v in cold.verdicts.values()]
    assert any(f.numbers for f in facts) and all(f.counted is not None for f in facts)
    assert any(d.decision == "tidak" for f in facts if f.counted for d in f.counted.done)


def test_one_case_asked_reads_not_every_case_that_holds_its_file(tmp_path: Path) -> None:
    """Every case attaches the same step-1 PDF (a finding of each). Asked alone, a case is judged
    with the whole archive (the file's other holders are known from the cached facts) but reads
    the records of no more than one of them: at 10,000 cases holding one file, `step` and
    `status` read them all, 20 s. Its verdict is the archive's."""
    records = tmp_path / "records"
    shutil.copytree(REPO / "records", records)
    common = next(records.glob("kasus/*/*/lampiran/01-*.pdf")).read_bytes()
    digest = hashlib.sha256(common).hexdigest()
    holders = 0
    for record in sorted(records.glob("kasus/*/*/langkah/01-*.yaml")):
        text = record.read_text("utf-8")
        found = re.search(r'berkas: (lampiran/01-[^\n]+\.pdf)\n    sha256: "([0-9a-f]{64})"', text)
        if found:
            (record.parent.parent / found.group(1)).write_bytes(common)
            record.write_text(text.replace(found.group(2), digest), "utf-8")
            holders += 1
    assert holders >= 5
    options = CheckOptions(trail=False, cache_dir=tmp_path / "cache", jobs=1)
    whole = audit(records, options)
    case = next(
        f
        for f, v in whole.report.verdicts.items()
        if any(x.code in ("doc.shared", "doc.other_case") for x in v.findings)
    )

    read: Counter[str] = Counter()
    code = shared._entries.__code__

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code is code:
            read[frame.f_locals["folder"].name] += 1

    def asked_alone() -> Audit:
        read.clear()
        sys.setprofile(hook)
        try:
            alone, folder = audit_case(records, case.name, options)
        finally:
            sys.setprofile(None)
        assert folder == case
        assert alone.report.verdicts[case].findings == whole.report.verdicts[case].findings
        return alone

    asked_alone()  # the whole check kept the entries it read for the findings' lines
    assert not read, read
    sys.setprofile(hook)
    try:
        whole_again = audit(records, options)  # nor does the whole check, warm
    finally:
        sys.setprofile(None)
    assert not read and whole_again.report.findings == whole.report.findings
    kept = list((tmp_path / "cache").glob("shared-*.json"))
    assert len(kept) == 1
    kept[0].unlink()
    asked_alone()  # without them, the case's own records and one other holder's
    assert len(read) <= 2 and case.name in read, read
    record = next(case.glob("langkah/01-*.yaml"))  # lines moved down: the finding's line follows
    record.write_text("# dibaca ulang\n" + record.read_text("utf-8"), "utf-8")
    moved = audit(records, options).report.verdicts[case].findings
    assert moved == audit(records, replace(options, use_cache=False)).report.verdicts[case].findings
    assert moved != whole.report.verdicts[case].findings


def test_a_clerks_command_reads_no_cached_case_trail(
    demo_site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`sop-kit step` opens the archive in force, which needs the trail only for the office
    files' versions: at 10,000 cases reading every cached case's timeline cost it a second.
    Warm, it reads none (counted by a profiler hook), and the whole check still reads them all."""
    from sop_kit.trail import model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    whole = audit(demo_site.archive)  # the trail cached, as any check leaves it
    assert whole.trail is not None and len(whole.trail.cases) >= 10
    read: Counter[str] = Counter()
    code = model._case_from_json.__code__

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code is code:
            read[frame.f_locals["cid"]] += 1

    sys.setprofile(hook)
    try:
        archive = open_in_force(demo_site.archive)
    finally:
        sys.setprofile(None)
    assert not read, read
    assert archive.in_force == whole.archive.in_force and archive.staff == whole.archive.staff
    sys.setprofile(hook)
    try:
        again = audit(demo_site.archive)
    finally:
        sys.setprofile(None)
    assert again.trail is not None and sorted(read) == sorted(again.trail.cases)
    assert again.report.findings == whole.report.findings
