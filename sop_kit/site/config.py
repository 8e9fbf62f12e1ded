"""The MkDocs configuration of the audit site.

An archive's ``mkdocs.yml`` (beside ``records/``) may set how the site looks and what it is
called; sop-kit sets everything that decides what a page can contain or load. MkDocs' theme
templates are not autoescaped, so only text this module or :mod:`.pages` made plain reaches
a title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..core.errors import ConfigError
from ..records.yamlsafe import load_file
from .markup import plain
from .pages import NAV, NOT_IN_NAV

THEME_DIR = Path(__file__).parent / "theme"
# What an archive's mkdocs.yml may set. The rest (docs and site folders, navigation, plugins,
# Markdown extensions, scripts) is sop-kit's: a plugin or extension could include files or
# fetch from outside the case folders.
USER_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright", "extra")
USER_THEME_KEYS = ("palette", "logo", "favicon", "icon")
# Light and dark, following the reader's system until they choose (an archive may set its own).
PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "toggle": {"icon": "material/brightness-7", "name": "Tampilan gelap"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "toggle": {"icon": "material/brightness-4", "name": "Tampilan terang"},
    },
]


def user_settings(path: Path) -> dict[str, Any]:
    """The archive's own mkdocs.yml, if any: read by the records' strict loader (no tags,
    anchors or duplicate keys; located errors), its allowed keys only."""
    if not path.is_file():
        return {}
    data = load_file(path).data
    if not isinstance(data, dict):
        raise ConfigError("site.mkdocs_yml", str(path), 1, error="not a mapping")
    out = {k: data[k] for k in USER_KEYS if k in data}
    theme = data.get("theme")
    out["theme"] = {k: theme[k] for k in USER_THEME_KEYS if k in theme} if isinstance(theme, dict) else {}
    return out


def mkdocs_config(docs_dir: Path, site_dir: Path, user: dict[str, Any], internal: bool, office: str) -> dict[str, Any]:
    extra = dict(user.get("extra") or {})
    extra.update({"sop_kit_internal": internal, "generator": False})
    name = str(user.get("site_name") or f"Arsip Audit {office}")
    return {
        "site_name": plain(name + (" (INTERNAL)" if internal else "")),
        "site_url": user.get("site_url"),
        "site_description": user.get("site_description"),
        "site_author": user.get("site_author"),
        "copyright": user.get("copyright"),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "nav": NAV,
        "not_in_nav": NOT_IN_NAV,
        "theme": {
            "palette": PALETTE,
            **user.get("theme", {}),
            "name": "material",
            "custom_dir": str(THEME_DIR),
            "language": "id",
            "font": False,  # no Google Fonts: an auditor's browser fetches nothing from outside
            # Tabs carry the navigation, so pages keep their width for tables (no left sidebar).
            "features": ["navigation.tabs", "navigation.sections", "navigation.top", "toc.follow"],
        },
        "plugins": [],  # not even Material's search: its lunr index grows ~2.4 KB per page
        # superfences: the guide's code blocks inside numbered lists (record text never
        # reaches it: markup.inert turns every backtick into a character reference), plain,
        # without Pygments' colours (too faint to read on Material's code background).
        "markdown_extensions": [
            "tables",
            "admonition",
            {"pymdownx.highlight": {"use_pygments": False}},
            "pymdownx.superfences",
            {"toc": {"permalink": True}},
        ],
        "extra_css": ["assets/sop-kit/situs.css"],
        "extra_javascript": ["assets/sop-kit/situs.js"],
        "extra": extra,
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"unrecognized_links": "ignore"}},
        "strict": False,
    }


def write_config(path: Path, config: dict[str, Any]) -> None:
    """The effective configuration as a file: ``mkdocs build -f`` on it builds the same pages
    (the benchmark's baseline does exactly that)."""
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
