"""Hostile archive content on the audit site (issue 15): one archive carrying many attacks at
once is built once; its site is read file by file and in real headless Chromium. The office's
mkdocs.yml is read against an allowlist: what it may not say stops the build, located."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from openpyxl import Workbook
from PIL import Image

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.core.errors import SopKitError
from sop_kit.records.archive import open_archive
from sop_kit.site.build import SiteOptions
from sop_kit.site.config import mkdocs_config, site_look
from sop_kit.site.serve import make_server

from .conftest import BASE_ID, MakeArchive, build_archive, site_build
from .test_hostile import TYPOS, attach, case_of
from .test_site_hostile import _Audit

FORMULA = "=2+3+cmd|' /C calc'!A0"  # the letter number
OTHER = "2026-03-cibening-f0f0"  # a second case, its letter numbers starting with - and @
BROKEN = "2026-03-cibening-b0b0"  # a third, whose kasus.yaml has personal values mistyped
SETTINGS = """\
site_name: 'Arsip <script>alert("nama")</script>'
site_description: '"><script>alert(1)</script>'
site_author: '<img src=x onerror=alert(2)>'
copyright: '© 2026 </div><script>alert(3)</script>'
theme:
  logo: templates/logo.png
  palette:
    - scheme: default
      primary: teal
      media: "(prefers-color-scheme: light)"
      toggle: {icon: material/brightness-7, name: '"><script>alert(4)</script>'}
    - scheme: slate
      primary: teal
      media: "(prefers-color-scheme: dark)"
      toggle: {icon: material/brightness-4, name: Mode terang}
extra:
  homepage: https://dinsos.contoh.go.id/
  social:
    - {icon: material/web, link: "https://contoh.go.id/", name: '<b onmouseover=alert(5)>web</b>'}
"""


def clone(root: Path, new_id: str) -> Path:
    target = root / "kasus" / "2026" / new_id
    shutil.copytree(case_of(root), target)
    kasus = target / "kasus.yaml"
    kasus.write_text(kasus.read_text().replace(BASE_ID, new_id))
    return target


def set_letter(case: Path, step: str, number: str) -> None:
    record = case / "langkah" / step
    text = re.sub(r"(?m)^nomor_surat:.*\n", "", record.read_text())
    record.write_text(text.replace("dokumen:\n", f"nomor_surat: {json.dumps(number)}\ndokumen:\n", 1))


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _jpeg(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buf, "JPEG")
    return buf.getvalue()


def _active_pdf() -> bytes:
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()


@dataclass(frozen=True)
class Hostile:
    root: Path
    site: Path

    def page(self, case: str) -> str:
        return (self.site / "kasus" / "2026" / case / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    base = tmp_path_factory.mktemp("hostile-site")
    root = build_archive(base / "arsip")
    case = case_of(root)
    other = clone(root, OTHER)
    broken = clone(root, BROKEN)
    set_letter(case, "03-penetapan.yaml", FORMULA)
    set_letter(case, "05-koordinasi.yaml", FORMULA)  # the case's only letter number: the cell starts with it
    set_letter(other, "03-penetapan.yaml", "-1+1")
    set_letter(other, "05-koordinasi.yaml", "@SUM(A1:A9)")
    attach(case, "01-pengumpulan-data.yaml", "dokumen-data", "lampiran/aktif.pdf", _active_pdf())
    attach(case, "07-dokumentasi.yaml", "foto", "foto/FOTO.JPG", _jpeg((20, 120, 200)))
    attach(case, "07-dokumentasi.yaml", "foto", "foto/foto.jpg", _jpeg((200, 30, 30)))
    attach(case, "07-dokumentasi.yaml", "foto", "foto/bom.png", _png(60000, 60000))
    kasus = broken / "kasus.yaml"
    text = kasus.read_text()
    for old, new, _ in TYPOS.values():
        text = text.replace(old, new, 1)
    kasus.write_text(text)
    (root.parent / "mkdocs.yml").write_text(SETTINGS, "utf-8")
    (root.parent / "templates").mkdir()
    (root.parent / "templates" / "logo.png").write_bytes(_png_image())
    site = base / "site"
    site_build(root, SiteOptions(out=site, pdf=False, cache_dir=base / "cache"))
    return Hostile(root, site)


def _png_image() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (48, 48), (0, 128, 128)).save(buf, "PNG")
    return buf.getvalue()


# --- 5. exports a spreadsheet opens as data --------------------------------------------------


def test_the_csv_export_holds_no_formula(hostile: Hostile) -> None:
    """Each cell goes into a worksheet as a spreadsheet's CSV import puts it there: openpyxl,
    like Excel, reads a cell starting with '=' as a formula. None may, and none may start with
    another character a spreadsheet treats as one (OWASP: + - @ tab CR)."""
    with open(hostile.site / "ekspor" / "kasus.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    sheet = Workbook().active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    cells = [cell for line in sheet.iter_rows() for cell in line]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [
        c.value for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    ]
    numbers = {r[0]: r[rows[0].index("nomor_sk")] for r in rows[1:]}
    assert numbers[BASE_ID] == "'" + FORMULA  # kept whole, as text
    assert numbers[OTHER] == "'-1+1;@SUM(A1:A9)"
    index = json.loads((hostile.site / "ekspor" / "kasus.json").read_text("utf-8"))
    assert next(r for r in index["kasus"] if r["id"] == BASE_ID)["nomor_sk"] == [FORMULA]  # JSON says it exactly


# --- 3, 9, 10. refused files: listed with the reason, never published ------------------------


def test_refused_files_are_listed_and_not_published(hostile: Hostile) -> None:
    page = hostile.page(BASE_ID)
    published = sorted(p.name for p in (hostile.site / "kasus" / "2026" / BASE_ID / "berkas").iterdir())
    assert not [name for name in published if "aktif" in name or "bom" in name]
    assert page.count("ditolak pemeriksaan") == 3  # the active PDF, the bomb, the clashing photo
    assert "format png tidak dipublikasikan" not in page


def test_each_photo_is_shown_once(hostile: Hostile) -> None:
    gallery = re.findall(r'<img[^>]+src="(berkas/[^"]+)"', hostile.page(BASE_ID))
    assert gallery and len(gallery) == len(set(gallery))
    folder = hostile.site / "kasus" / "2026" / BASE_ID / "berkas"
    digests = [hash(p.read_bytes()) for p in folder.iterdir() if not p.name.endswith("-kecil.jpg")]
    assert len(digests) == len(set(digests))  # no image published twice under two names


# --- 4. findings published without personal values -------------------------------------------


def test_findings_of_mistyped_personal_fields_publish_no_value(hostile: Hostile) -> None:
    values = [value for _, _, value in TYPOS.values()]
    for path in hostile.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml"):
            text = html.unescape(path.read_text("utf-8", "replace"))
            assert not [v for v in values if v in text], path
    findings = json.loads((hostile.site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    mine = [f for f in findings if f["case"] == BROKEN]
    assert {f["code"] for f in mine} >= {"schema.pattern", "schema.choice", "schema.unknown_key"}
    assert all("data pribadi, tidak ditampilkan" in f["message"] for f in mine if f["code"] == "schema.pattern")


def test_a_mistyped_personal_value_is_still_searched_for(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A 15-digit NIK matches no NIK shape and no valid record: it is personal because of the
    field it was typed into, so where it reaches a page (here another case's note) the build
    stops, naming every value found and the record lines they came from."""
    root = make_archive()
    broken = clone(root, BROKEN)
    kasus = broken / "kasus.yaml"
    kasus.write_text(kasus.read_text().replace('nik: "3214131203800001"', 'nik: "321413120380001"'))
    step = case_of(root) / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text() + 'catatan: "Nomor 321413120380001 dari berkas keluarga"\n')
    other = case_of(root) / "langkah" / "06-pembinaan.yaml"
    other.write_text(other.read_text() + 'catatan: "Bertemu Rina Suryana (fiktif), telepon 0812 9876 5432"\n')
    out = tmp_path / "site"
    with pytest.raises(SopKitError) as caught:
        site_build(root, SiteOptions(out=out, pdf=False, cache_dir=tmp_path / "cache"))
    error = caught.value
    assert error.code == "site.personal_data" and not out.exists()
    places = str(error.params["places"]).splitlines()[1:]
    assert error.params["count"] == len(places) >= 3
    assert any("04-persiapan.yaml:" in p and "nilai-pribadi" in p for p in places)
    assert any("06-pembinaan.yaml:" in p and "telepon" in p for p in places)
    assert any("06-pembinaan.yaml:" in p and "nilai-pribadi" in p for p in places)
    assert all("/index.html" in p or "pagefind/" in p for p in places)  # the pages each value reached
    assert not [v for v in ("321413120380001", "Rina Suryana", "9876 5432") if v in "".join(places)]


# --- 2. the office's site settings -----------------------------------------------------------


def test_settings_text_is_escaped_where_material_prints_it(hostile: Hostile) -> None:
    index = (hostile.site / "index.html").read_text("utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)">', index)
    assert description and html.unescape(description.group(1)) == '"><script>alert(1)</script>'
    for page in [
        hostile.site / "index.html",
        hostile.site / "temuan" / "index.html",
        hostile.site / "ekspor" / "index.html",
    ]:
        audited = _Audit()
        audited.feed(page.read_text("utf-8"))
        assert not audited.problems, (page, audited.problems)
    assert (hostile.site / "assets" / "arsip" / "logo.png").read_bytes() == _png_image()
    assert 'src="assets/arsip/logo.png"' in index


@pytest.fixture(scope="module")
def served(hostile: Hostile) -> Iterator[str]:
    server = make_server(hostile.site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


ALERTS = """
window.__alerts = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (message) => { window.__alerts.push(name + ":" + message); return null; };
}
"""


def test_no_setting_runs_script_in_chromium(browser: Any, served: str, hostile: Hostile) -> None:
    """Every page of the hostile site, loaded in Chromium with alert, confirm and prompt
    recorded before any script of the page runs: none is ever called."""
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERTS})
    pages = ["", "temuan/", "ekspor/", "cari/", f"kasus/2026/{BASE_ID}/", f"kasus/2026/{OTHER}/"]
    for url in pages:
        browser.get(served + url)
        assert browser.execute_script("return document.readyState") == "complete"
        for element in browser.find_elements(By.CSS_SELECTOR, "label, a.md-logo, .md-social a")[:20]:
            browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", element)
        assert browser.execute_script("return window.__alerts") == [], url
    browser.get(served)
    assert browser.find_element(By.CSS_SELECTOR, 'meta[name="description"]').get_attribute("content") == (
        '"><script>alert(1)</script>'
    )
    assert browser.execute_script("return document.querySelector('.md-copyright__highlight').textContent").strip() == (
        "© 2026 </div><script>alert(3)</script>"
    )


REFUSED = {
    "plugins": ("plugins:\n  - search\n", "site.setting_not_allowed", 1),
    "extensions": ("markdown_extensions:\n  - pymdownx.snippets\n", "site.setting_not_allowed", 1),
    "scripts": ("extra_javascript:\n  - https://contoh.invalid/x.js\n", "site.setting_not_allowed", 1),
    "folders": ("site_name: A\ndocs_dir: /etc\n", "site.setting_not_allowed", 2),
    "custom-dir": ("theme:\n  custom_dir: ../../x\n", "site.setting_not_allowed", 2),
    "palette-quote": ("theme:\n  palette:\n    primary: 'indigo\" onmouseover=\"alert(1)'\n", "schema.choice", 3),
    "homepage": ("extra:\n  homepage: javascript:alert(1)\n", "site.setting_refused", 2),
    "analytics": (
        "extra:\n  analytics:\n    provider: google\n    property: G-ABCDEF123\n",
        "site.analytics_refused",
        2,
    ),
    "logo-outside": ("theme:\n  logo: ../../etc/logo.png\n", "site.setting_refused", 2),
    "logo-svg": ("theme:\n  logo: templates/logo.svg\n", "site.setting_refused", 2),
    "logo-missing": ("theme:\n  logo: templates/tidak-ada.png\n", "site.image_missing", 2),
    "icon": ("theme:\n  icon:\n    logo: material/tidak-ada-ikon\n", "site.unknown_icon", 3),
    "tag": ("site_name: !!python/name:os.system\n", "yaml.tag", 1),
    "every-injection": (
        'site_description: "\\"><script>alert(1)</script>"\ntheme:\n  palette:\n    primary: "a\\"b"\n'
        "extra:\n  homepage: javascript:alert(1)\n  analytics: {provider: google, property: G-ABCDEF123}\n",
        "schema.choice",
        4,
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_setting_outside_the_allowlist_stops_the_build_located(
    name: str, make_archive: MakeArchive, tmp_path: Path
) -> None:
    text, code, line = REFUSED[name]
    root = make_archive()
    (root.parent / "mkdocs.yml").write_text(text, "utf-8")
    out = tmp_path / "site"
    with pytest.raises(SopKitError) as caught:
        site_build(root, SiteOptions(out=out, pdf=False, cache_dir=tmp_path / "cache"))
    assert (caught.value.code, Path(caught.value.file or "").name, caught.value.line) == (code, "mkdocs.yml", line)
    assert not out.exists()


def test_analytics_only_where_the_office_allows_it(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    (root.parent / "mkdocs.yml").write_text("extra:\n  analytics: {provider: google, property: G-ABCDEF123}\n")
    (root.parent / "sop-kit.yaml").write_text("format: sop-kit/konfigurasi/1\nanalitik_pihak_ketiga: true\n")
    office = site_look(open_archive(root))
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site", office, False, "Dinas")
    assert config["extra"]["analytics"] == {"provider": "google", "property": "G-ABCDEF123"}
    assert "plugins" not in (root.parent / "mkdocs.yml").read_text()


def test_the_site_settings_in_force_are_read_not_the_working_tree(make_archive: MakeArchive) -> None:
    root = make_archive()
    (root.parent / "mkdocs.yml").write_text("site_name: Dinas Sosial\n")
    judged = audit(root, CheckOptions(use_cache=False, trail=False))
    assert judged.archive.site_settings == b"site_name: Dinas Sosial\n"  # no history: the working tree
    (root.parent / "mkdocs.yml").unlink()
    assert site_look(judged.archive).settings.site_name == "Dinas Sosial"  # read from the archive, once
