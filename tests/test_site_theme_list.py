"""MkDocs' theme files, listed once per process for the installed themes (sop_kit.site.themelist):
the same files as MkDocs' own listing, and an office's theme folder seen afresh each build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from sop_kit.site import themelist

THEME = Path(themelist.__file__).parent / "theme"


def _theme_files(config_file: Path) -> list[tuple[str, str]]:
    config = load_config(str(config_file))
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


def _listed_theme_files(config_file: Path) -> list[tuple[str, str]]:
    config = load_config(str(config_file))
    themelist.list_theme_once(config)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


def test_the_listing_is_mkdocs_own_and_sees_the_office_theme_change(tmp_path: Path) -> None:
    office = tmp_path / "tema"
    (office / "aset" / ".tersembunyi").mkdir(parents=True)
    (office / "aset" / "logo.png").write_bytes(b"png")
    (office / "aset" / ".tersembunyi" / "x.css").write_text("a{}")
    (office / ".rahasia.css").write_text("a{}")
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: x\ntheme:\n  name: material\n  custom_dir: {office}\n", "utf-8")
    plain = _theme_files(config_file)
    assert len(plain) > 40 and ("aset/logo.png", str(office / "aset" / "logo.png")) in plain
    assert not [uri for uri, _ in plain if uri.startswith(".") or "/." in uri]
    before = themelist._walked_once.cache_info().hits
    assert _listed_theme_files(config_file) == plain
    (office / "aset" / "baru.css").write_text("a{}")  # a file the office adds between two builds
    again = _listed_theme_files(config_file)
    assert again == _theme_files(config_file) and ("aset/baru.css", str(office / "aset" / "baru.css")) in again
    assert themelist._walked_once.cache_info().hits > before  # Material's folder was not walked again
