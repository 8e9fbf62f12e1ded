"""Every message code the code base can emit exists, in Bahasa Indonesia and in English,
with the same placeholders in both."""

from __future__ import annotations

import re
import string

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.core.messages import CATALOG

from .conftest import REPO

GROUPS = "|".join(sorted({code.split(".", 1)[0] for code in CATALOG}))  # every code's first part
CODE = re.compile(rf'"((?:{GROUPS})\.(?!html"|css"|yaml"|pdf"|md")[a-z_]+)"')  # not file names


def _names_a_module(code: str) -> bool:
    """ "bag.export" is a module of sop_kit (the façade's table), not a message."""
    return (REPO / "sop_kit" / (code.replace(".", "/") + ".py")).is_file()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_emitted_code_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in (REPO / "sop_kit").rglob("*.py"):
        if path.parent.name != "catalogue":
            found = set(CODE.findall(path.read_text("utf-8")))
            used |= {code for code in found if not _names_a_module(code)}
    assert used, "the pattern found no codes"
    assert sorted(used - CATALOG.keys()) == []


def test_custom_pydantic_errors_are_in_the_catalogue() -> None:
    custom: set[str] = set()
    for path in (REPO / "sop_kit").rglob("*.py"):
        text = path.read_text("utf-8")
        custom |= set(re.findall(r'PydanticCustomError\(\s*"([a-z_]+)"', text))
        custom |= set(re.findall(r'_err\("([a-z_]+)"', text))
    nip = (REPO / "sop_kit" / "records" / "nip.py").read_text()
    custom |= {p.replace(".", "_") for p in re.findall(r'"(nip\.[a-z]+)"', nip)}
    assert custom
    assert sorted(f"schema.{c}" for c in custom if f"schema.{c}" not in CATALOG) == []


def test_both_languages_are_complete_and_agree() -> None:
    for code, (msg_id, hint_id, msg_en, hint_en) in CATALOG.items():
        assert msg_id and msg_en, code
        assert bool(hint_id) == bool(hint_en), code
        assert placeholders(msg_id) == placeholders(msg_en), code
        assert placeholders(hint_id) == placeholders(hint_en), code


def test_public_api_names_all_resolve() -> None:
    import sop_kit

    assert sorted(sop_kit.__all__) == sorted(sop_kit._EXPORTS)
    for name in sop_kit.__all__:
        assert getattr(sop_kit, name) is not None


def test_dynamic_trail_codes_are_in_the_catalogue() -> None:
    from sop_kit.trail.model import EVENT_KINDS, REASONS

    for reason in REASONS:
        assert f"trail.reason.{reason}" in CATALOG, reason
    for kind in EVENT_KINDS:
        assert f"trail.ev.{kind}" in CATALOG, kind


@pytest.mark.parametrize(
    ("setting", "lang"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en_US.UTF-8", "en"),
        ("en-GB", "en"),
        ("id_ID.UTF-8", "id"),
        ("fr", "id"),
        ("", "id"),
    ],
)
def test_the_language_setting_is_read_as_a_locale_is_written(
    setting: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SOP_KIT_LANG=EN or a copied $LANG (en_US.UTF-8) once gave Indonesian without a word."""
    monkeypatch.setenv("SOP_KIT_LANG", setting)
    result = CliRunner().invoke(main, ["check", "/nonexistent/records"])
    assert result.exit_code == 2
    assert ("not found" if lang == "en" else "tidak ditemukan") in result.output, result.output
