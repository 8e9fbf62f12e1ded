"""Hostile text in records reaches the site as text, never as markup: one test per attack.

Each payload carries a marker. The marker must show in the page's visible text (the record
was published, as text), and nothing executable may appear anywhere in any page: no script
but the site's own, no event handler, no javascript:/data: link, no style element, no meta
refresh, no form but the search form, and no file read from outside the case.
"""

from __future__ import annotations

import re
import socket
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sop_kit.site.build import SiteOptions
from tests.conftest import BASE_ID, MakeArchive, site_build

OWN_SCRIPT = re.compile(r"^(/|(\.\./)*)(assets/javascripts/|assets/sop-kit/|pagefind/)")


def _own_form(values: dict[str, str]) -> bool:
    """The site's own forms, none sending anywhere but the search page: the quick search, a
    list's filters (class saring) and Material's light/dark switch (which have no action)."""
    if values.get("data-md-component") == "palette" or values.get("class") == "saring":
        return "action" not in values
    return re.fullmatch(r"(\.\./)*cari/", values.get("action", "")) is not None


class _Audit(HTMLParser):
    """Everything in a page that could run or load something."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            link = name in ("href", "src", "action", "formaction", "srcset", "data", "poster")
            if link and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                self.problems.append(f"<{tag} {name}={value[:30]}>")
        if tag == "script":
            self._in_script = True
            if values.get("src") and not OWN_SCRIPT.match(values["src"]):
                self.problems.append(f"foreign script {values['src']}")
        if tag == "style":
            self.problems.append("<style>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta refresh>")
        if tag == "form" and not _own_form(values):
            self.problems.append("<form>")
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}>")
        if tag == "link" and values.get("rel") == "stylesheet" and "assets/" not in values.get("href", ""):
            self.problems.append(f"foreign stylesheet {values.get('href')}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            if "MARK" in data:
                self.problems.append("marker inside a script")
        else:
            self.text.append(data)


def _site_with(make_archive: MakeArchive, tmp_path: Path, catatan: str, judul: str | None = None) -> Path:
    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    step = case / "langkah" / "04-persiapan.yaml"
    quoted = catatan.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    step.write_text(step.read_text("utf-8") + f'catatan: "{quoted}"\n', "utf-8")
    if judul is not None:
        kasus = case / "kasus.yaml"
        text = kasus.read_text("utf-8")
        title = judul.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        text = re.sub(r"(?m)^judul:.*$", lambda _: f'judul: "{title}"', text)
        kasus.write_text(text, "utf-8")
    out = tmp_path / "site"
    site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    return out


def _audit(site: Path, marker: str) -> str:
    """Audit every page; return the case page's visible text."""
    case_text = ""
    for html in site.rglob("*.html"):
        audit = _Audit()
        audit.feed(html.read_text("utf-8"))
        assert not audit.problems, (html.relative_to(site), audit.problems)
        if BASE_ID in html.parent.name:
            case_text = " ".join("".join(audit.text).split())
    assert marker in case_text, "the hostile text must still be published, as text"
    return case_text


ATTACKS = {
    "script": '<script>alert("MARK1")</script>',
    "img-onerror": "<img src=x onerror=\"alert('MARK2')\">",
    "javascript-link": "[klik MARK3](javascript:alert(1))",
    "attr-list": 'MARK4 paragraf\n{: onclick="alert(1)" }',
    "style": "<style>body{display:none}</style>MARK6",
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://contoh.invalid/">MARK7',
    "form": '<form action="https://contoh.invalid/"><input name=p></form>MARK8',
    "data-link": '<a href="data:text/html;base64,PHNjcmlwdD4=">MARK9</a>',
    "raw-html-block": "\n\n<div onclick=alert(1)>MARK10</div>\n\n",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_hostile_note_is_text_only(name: str, make_archive: MakeArchive, tmp_path: Path) -> None:
    payload = ATTACKS[name]
    marker = re.search(r"MARK\d+", payload)
    assert marker is not None
    text = _audit(_site_with(make_archive, tmp_path, payload), marker.group())
    # The visible text shows what the clerk typed, character for character.
    assert " ".join(payload.split()) in text


def test_snippets_include_cannot_read_a_file(make_archive: MakeArchive, tmp_path: Path) -> None:
    secret = socket.gethostname()
    payload = 'MARK5\n--8<-- "/etc/hostname"\n;--8<-- "/etc/passwd"'
    site = _site_with(make_archive, tmp_path, payload)
    text = _audit(site, "MARK5")
    assert '--8<-- "/etc/hostname"' in text
    for html in site.rglob("*.html"):
        content = html.read_text("utf-8")
        assert "root:x:0:0" not in content
        if secret and len(secret) > 6:
            assert f">{secret}<" not in content


def test_title_with_a_front_matter_break_changes_no_page_setting(make_archive: MakeArchive, tmp_path: Path) -> None:
    judul = (
        'MARK11 judul\n---\ntitle: "<script>alert(1)</script>"\ntemplate: ../../../etc/passwd\nhide: [toc]\n---\n# lain'
    )
    site = _site_with(make_archive, tmp_path, "catatan biasa", judul)
    text = _audit(site, "MARK11")
    assert "template: ../../../etc/passwd" in text  # shown, not obeyed
    html = (site / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and title.group(1).startswith(f"Kasus {BASE_ID}")
    assert "<script>alert" not in html
    assert 'class="md-sidebar md-sidebar--secondary"' in html  # the toc was not hidden


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_a_hint_quoting_a_command_stays_text_only(name: str) -> None:
    """A finding's hint shows its `…` command as code whose words do not break; whatever a
    hint quotes (a value from a record) is still text, inside the code span or outside it."""
    from sop_kit.site.markup import inert_with_code

    payload = ATTACKS[name]
    shown = str(inert_with_code(f"jalankan `sop-kit step K 2 --putaran 1 {payload}` atau {payload}"))
    ours = re.sub(r'</?code>|<span class="nowrap">|</span>', "", shown)
    assert "<" not in ours and ">" not in ours, shown
    assert shown.startswith('jalankan <code><span class="nowrap">sop&#45;kit</span> <span class="nowrap">step</span>')
    assert '<span class="nowrap">&#45;&#45;putaran</span>' in shown
