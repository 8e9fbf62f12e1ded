"""The package's layers, as ARCHITECTURE.md draws them, hold in the code: no import circle, no
import that runs back up a layer or sideways between wings of one layer; and one build opens
the archive once, loads the trail once and judges each case once."""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from click.testing import CliRunner

from sop_kit.check.rules import check_case
from sop_kit.check.run import check_archive
from sop_kit.cli.main import main
from sop_kit.records.archive import open_archive
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
