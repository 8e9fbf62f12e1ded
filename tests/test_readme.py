"""The README's first screen gives the two fresh-machine commands, and CI runs the test one."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

from .conftest import REPO, DemoSite


def fenced_commands(text: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line and not line.startswith("#")]


def test_first_screen_has_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    first_screen = "\n".join(readme.splitlines()[:25])
    commands = fenced_commands(first_screen)
    assert len(commands) == 2
    assert "sop-kit check records" in commands[0]
    assert "sop-kit demo demo-arsip" in commands[0]  # the signed demo repository: the trail
    assert commands[0].endswith("sop-kit build demo-arsip/records --out site")  # ends with the audit site
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    test_command = fenced_commands(readme)[1]
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert test_command in ci.splitlines()


def test_the_python_api_example_builds_a_site(demo_site: DemoSite, tmp_path: Path, monkeypatch: Any) -> None:
    """The README's script, run as written against the demo archive, in a folder of its own."""
    readme = (REPO / "README.md").read_text("utf-8")
    api = readme[readme.index("## Python API") :]
    script = re.findall(r"```python\n(.*?)```", api, flags=re.S)[0]
    (tmp_path / "demo-arsip").symlink_to(demo_site.archive.parent)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "README.md", "exec"), {})
    assert re.search(r"^18 case\(s\) checked: [1-9]\d* error\(s\)", out.getvalue(), re.M), out.getvalue()
    assert (tmp_path / "site" / "index.html").is_file()
