"""MkDocs' list of its theme's files, walked once per process for the installed themes.

Every build MkDocs lists each theme folder to copy its static files: Material's holds 14,500
files, 10,000 of them icons under ``.icons``, and the walk and MkDocs' filter of every name
cost 0.16 s, a fifth of a one-case rebuild at 1,000 cases. An installed package's folder does
not change while sop-kit runs (``build --watch`` builds again in the same process), and
MkDocs' filter drops every path with a component that starts with a dot whatever the theme,
so such folders are not entered. The folders of the office's own theme are walked each time.
"""

from __future__ import annotations

import functools
import os
from typing import Any

import jinja2


def _installed() -> tuple[str, ...]:
    import material  # type: ignore[import-untyped]
    import mkdocs

    return tuple(os.path.dirname(p.__file__ or "") + os.sep for p in (material, mkdocs))


def _walk(folder: str) -> list[str]:
    """Names as jinja's FileSystemLoader gives them, hidden files and folders left out."""
    names = []
    for at, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = os.path.relpath(at, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        names += [prefix + f for f in files if not f.startswith(".")]
    return names


@functools.cache
def _walked_once(folder: str) -> tuple[str, ...]:
    return tuple(_walk(folder))


class _Listed(jinja2.FileSystemLoader):
    def list_templates(self) -> list[str]:
        installed = _installed()
        found: set[str] = set()
        for folder in self.searchpath:
            known = any(os.path.join(folder, "").startswith(p) for p in installed)
            found.update(_walked_once(folder) if known else _walk(folder))
        return sorted(found)


def list_theme_once(config: Any) -> None:
    """Make the environment MkDocs gets from ``config``'s theme list its installed folders once."""
    theme = config.theme
    plain = theme.get_env

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = plain()
        loader = env.loader
        assert isinstance(loader, jinja2.FileSystemLoader)
        env.loader = _Listed(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = get_env
