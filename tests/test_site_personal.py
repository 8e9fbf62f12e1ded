"""No personal data in the public demo site: checked here independently of the build's own
scan, from the raw YAML of the demo records (which hold NIKs, KK numbers, phone numbers and
children's names) against every file of the site, the search index and PDFs included."""

from __future__ import annotations

import gzip
import html
import re
from io import BytesIO
from pathlib import Path

import yaml
from PIL import Image
from pypdf import PdfReader

from tests.conftest import DemoSite


def _personal(archive: Path) -> dict[str, str]:
    """value -> what it is, read straight from each kasus.yaml."""
    found: dict[str, str] = {}
    for path in archive.glob("kasus/*/*/kasus.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        for contact in data.get("kontak", []):
            if contact.get("telepon"):
                found[str(contact["telepon"])] = "telepon kontak"
        for family in data.get("sasaran", []):
            found[family["kepala_keluarga"]] = "kepala keluarga"
            for key in ("nik", "nomor_kk", "telepon", "alamat"):
                if family.get(key):
                    found[str(family[key])] = key
            for member in family.get("anggota", []):
                found[member["nama"]] = member["hubungan"]
                if member.get("nik"):
                    found[str(member["nik"])] = "nik anggota"
    return found


def _text(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # Pagefind's index and fragments, sitemap.xml.gz
        data = gzip.decompress(data)
    if data.startswith(b"%PDF-"):
        reader = PdfReader(BytesIO(data))
        return " ".join(page.extract_text() or "" for page in reader.pages)
    return html.unescape(data.decode("utf-8", "ignore"))


def test_demo_records_hold_the_personal_data_this_test_looks_for(demo_site: DemoSite) -> None:
    personal = _personal(demo_site.archive)
    kinds = set(personal.values())
    assert {"nik", "nomor_kk", "telepon", "anak", "telepon kontak"} <= kinds
    assert sum(1 for k in personal.values() if k == "anak") >= 10  # distinct names of children


def test_no_personal_value_anywhere_in_the_public_site(demo_site: DemoSite) -> None:
    personal = _personal(demo_site.archive)
    files = [p for p in demo_site.site.rglob("*") if p.is_file()]
    names = {p.relative_to(demo_site.site).as_posix() for p in files}
    assert "sitemap.xml" in names and any(n.startswith("pagefind/") and "/fragment/" in n for n in names)
    assert any(n.endswith(".pdf") for n in names) and "ekspor/kasus.json" in names
    leaks = []
    for path in files:
        if path.suffix.lower() in (".jpg", ".png", ".woff2", ".woff", ".ico", ".wasm"):
            continue
        text = " ".join(_text(path).split())
        digits = re.sub(r"\D", "", text) if path.suffix in (".json", ".csv") else ""
        for value, what in personal.items():
            if value in text or (value.isdigit() and len(value) >= 12 and value in digits):
                leaks.append(f"{path.relative_to(demo_site.site)}: {what}")
    assert not leaks, leaks[:10]


def test_no_attendance_sheet_is_published(demo_site: DemoSite) -> None:
    published = [p.name for p in demo_site.site.rglob("*") if p.is_file() and "daftar-hadir" in p.name]
    # Only the blank form sop-kit renders; never the signed scan.
    assert published and all(name.startswith("daftar-hadir-kosong-") for name in published), published


def test_published_photos_carry_no_metadata(demo_site: DemoSite) -> None:
    photos = [p for p in demo_site.site.rglob("kasus/*/*/berkas/*.jpg")]
    sources = list(demo_site.archive.glob("kasus/*/*/foto/*.jpg"))
    assert photos and sources
    with Image.open(sources[0]) as original:  # the demo's photos do carry GPS, so this is a real test
        assert 0x8825 in original.getexif()
    for path in photos:
        data = path.read_bytes()
        with Image.open(path) as im:
            assert not im.getexif(), path
            assert not ({"exif", "xmp", "icc_profile", "comment"} & set(im.info)), path
        assert b"Exif\x00\x00" not in data and b"http://ns.adobe.com/xap" not in data
