"""The MkDocs configuration of the audit site, and the office's ``mkdocs.yml`` read against an
allowlist.

The archive's ``mkdocs.yml`` (beside ``records/``, in the version in force) may set only what
an office needs to make the site its own: the title, description, author and copyright, the
site's URL, the palette (Material's named colours), a logo and favicon from the archive's
``templates/`` folder (under the signed-change rule, like the templates), Material's icon for
the logo, and http(s) links (``extra.homepage``, ``extra.social``). A third-party script
(``extra.analytics``) only where ``sop-kit.yaml`` allows it (``analitik_pihak_ketiga: true``).
Any other key (plugins, Markdown extensions, scripts, folders, navigation) and any value
outside the schema is a located error, and nothing is built: a plugin or extension could
include files or fetch from outside the case folders, and a script could read every page.

Material prints these values into pages without escaping them, so every text is escaped
here: no value can close an attribute or open a tag.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, Field

from ..core.errors import ConfigError, SopKitError
from ..records.archive import Archive
from ..records.fieldtypes import STRICT
from ..records.filetypes import sniff
from ..records.layout import SITE_FILE, TEMPLATES_DIR
from ..records.parse import validate
from ..records.yamlsafe import load_bytes
from .markup import plain
from .pages import NAV, NOT_IN_NAV

THEME_DIR = Path(__file__).parent / "theme"
ICONS = Path(str(files("material"))) / "templates" / ".icons"  # Material's own, inlined as SVG
MAX_IMAGE = 512 << 10  # a logo or favicon: 512 KiB is plenty
ASSETS = "assets/arsip"  # where the office's logo and favicon are published

Primary = Literal[
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green", "light-green",
    "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey", "black", "white",
]  # fmt: skip
Accent = Literal[
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green", "light-green",
    "lime", "yellow", "amber", "orange", "deep-orange",
]  # fmt: skip
Text = Annotated[str, Field(min_length=1, max_length=300)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s\"'<>`\\]+$", max_length=500)]
Icon = Annotated[str, Field(pattern=r"^(material|octicons|simple|fontawesome/(brands|regular|solid))/[a-z0-9-]+$")]
ArchiveImage = Annotated[str, Field(pattern=rf"^{TEMPLATES_DIR}/[A-Za-z0-9_-]+\.(png|jpe?g)$")]
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


class Toggle(BaseModel):
    model_config = STRICT
    icon: Icon
    name: Text


class Palette(BaseModel):
    model_config = STRICT
    scheme: Literal["default", "slate"] = "default"
    primary: Primary = "indigo"
    accent: Accent = "indigo"
    media: Literal["(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"] | None = (
        None
    )
    toggle: Toggle | None = None


class Icons(BaseModel):
    model_config = STRICT
    logo: Icon | None = None


def _as_list(value: object) -> object:
    return [value] if isinstance(value, dict) else value


class Theme(BaseModel):
    model_config = STRICT
    # One palette or a list of them (with toggles), as Material takes it; read as a list.
    palette: Annotated[list[Palette], BeforeValidator(_as_list), Field(min_length=1, max_length=3)] | None = None
    logo: ArchiveImage | None = Field(None, description="an image in templates/, e.g. templates/logo.png")
    favicon: ArchiveImage | None = None
    icon: Icons | None = None


class Social(BaseModel):
    model_config = STRICT
    icon: Icon
    link: Url
    name: Text | None = None


class Analytics(BaseModel):
    model_config = STRICT
    provider: Literal["google"]
    property: str = Field(pattern=r"^G-[A-Z0-9]{4,20}$")


class Extra(BaseModel):
    model_config = STRICT
    homepage: Url | None = None
    social: list[Social] = Field(default_factory=list, max_length=10)
    analytics: Analytics | None = None


class SiteSettings(BaseModel):
    """What an office's mkdocs.yml may hold."""

    model_config = STRICT
    site_name: Text | None = None
    site_description: Text | None = None
    site_author: Text | None = None
    site_url: Url | None = None
    copyright: Text | None = None
    theme: Theme = Field(default_factory=Theme)
    extra: Extra = Field(default_factory=Extra)


# The records' messages where a site setting needs its own words.
_CODES = {
    "schema.unknown_key": "site.setting_not_allowed",
    "schema.unknown_key_suggest": "site.setting_not_allowed",
    "schema.pattern": "site.setting_refused",
}


@dataclass
class SiteLook:
    """The office's settings as read, and the image files they publish (name under docs/)."""

    settings: SiteSettings = field(default_factory=SiteSettings)
    files: dict[str, bytes] = field(default_factory=dict)


def site_look(archive: Archive) -> SiteLook:
    """The archive's mkdocs.yml in force, read against :class:`SiteSettings`.

    Raises :class:`ConfigError` at the first value the allowlist refuses, located in the file.
    """
    data = archive.site_settings
    if data is None:
        return SiteLook()
    shown = _shown(archive, SITE_FILE)
    try:
        loaded = load_bytes(data, shown)
    except SopKitError as exc:
        raise ConfigError(exc.code, exc.file, exc.line, **exc.params) from None
    theme = loaded.data.get("theme") if isinstance(loaded.data, dict) else None
    if isinstance(theme, dict) and isinstance(theme.get("palette"), dict):
        # One palette is read as a list of one: its problems keep the lines of the mapping.
        lines = loaded.lines
        palette = {loc[2:]: n for loc, n in lines.items() if loc[:2] == ("theme", "palette")}
        lines.update({("theme", "palette", 0, *rest): n for rest, n in palette.items()})
    settings, problems = validate(loaded, loaded.data, SiteSettings)
    if problems:
        first = problems[0]
        code = _CODES.get(first.code, first.code)
        raise ConfigError(code, first.file, first.line, **first.params)
    assert settings is not None
    if settings.extra.analytics is not None and not archive.config.third_party_analytics:
        raise ConfigError("site.analytics_refused", shown, _line(data, "analytics"))
    for icon in [settings.theme.icon.logo if settings.theme.icon else None, *(s.icon for s in settings.extra.social)]:
        if icon is not None and not (ICONS / f"{icon}.svg").is_file():
            raise ConfigError("site.unknown_icon", shown, _line(data, icon), icon=icon)
    images = {}
    for key in ("logo", "favicon"):
        name = getattr(settings.theme, key)
        if name is not None:
            images[f"{ASSETS}/{key}{Path(name).suffix.lower()}"] = _image(archive, data, name, shown)
    return SiteLook(settings, images)


def _shown(archive: Archive, name: str) -> str:
    parent = str(Path(archive.shown.rstrip("/")).parent)
    return name if parent in ("", ".") else f"{parent}/{name}"


def _line(data: bytes, needle: str) -> int | None:
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if needle in line:
            return number
    return None


def _image(archive: Archive, data: bytes, name: str, shown: str) -> bytes:
    """A logo or favicon: a PNG or JPEG of the archive's templates/ (in force), small."""
    image = archive.templates.get(name.removeprefix(f"{TEMPLATES_DIR}/"))
    line = _line(data, name)
    if image is None:
        raise ConfigError("site.image_missing", shown, line, path=name)
    if len(image) > MAX_IMAGE or sniff(image[:16], name) not in ("png", "jpeg"):
        raise ConfigError("site.image_refused", shown, line, path=name, limit=MAX_IMAGE >> 10)
    return image


def mkdocs_config(
    docs_dir: Path, site_dir: Path, office: SiteLook, internal: bool, name: str, emblem: str | None = None
) -> dict[str, Any]:
    """The whole MkDocs configuration: sop-kit's, with the office's allowed settings escaped;
    ``emblem`` (a file under docs/) is the header's logo when the settings name none."""
    user = office.settings
    theme: dict[str, Any] = {}
    if user.theme.palette is not None:
        theme["palette"] = [_palette(p) for p in user.theme.palette]
    for path in office.files:  # assets/arsip/logo.png -> theme.logo
        theme[path.rsplit("/", 1)[-1].split(".")[0]] = path
    if user.theme.icon and user.theme.icon.logo:
        theme["icon"] = {"logo": user.theme.icon.logo}
    elif emblem is not None and "logo" not in theme:
        theme["logo"] = emblem
    extra: dict[str, Any] = {"sop_kit_internal": internal, "generator": False}
    if user.extra.homepage:
        extra["homepage"] = user.extra.homepage
    if user.extra.social:
        extra["social"] = [
            {"icon": s.icon, "link": s.link, **({"name": _escaped(s.name)} if s.name else {})}
            for s in user.extra.social
        ]
    if user.extra.analytics:
        extra["analytics"] = {"provider": user.extra.analytics.provider, "property": user.extra.analytics.property}
    title = user.site_name or f"Arsip Audit {name}"
    return {
        "site_name": plain(title + (" (INTERNAL)" if internal else "")),
        "site_url": user.site_url,
        "site_description": _escaped(user.site_description),
        "site_author": _escaped(user.site_author),
        "copyright": _escaped(user.copyright),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "nav": NAV,
        "not_in_nav": NOT_IN_NAV,
        "theme": {
            "palette": PALETTE,
            **theme,
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


def _palette(palette: Palette) -> dict[str, Any]:
    out: dict[str, Any] = {"scheme": palette.scheme, "primary": palette.primary, "accent": palette.accent}
    if palette.media:
        out["media"] = palette.media
    if palette.toggle:
        out["toggle"] = {"icon": palette.toggle.icon, "name": _escaped(palette.toggle.name)}
    return out


def _escaped(text: str | None) -> str | None:
    """Text for a place Material prints without escaping (an attribute or the footer)."""
    return None if text is None else html.escape(" ".join(text.split()), quote=True)


def write_config(path: Path, config: dict[str, Any]) -> None:
    """The effective configuration as a file: ``mkdocs build -f`` on it builds the same pages
    (the benchmark's baseline does exactly that)."""
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
