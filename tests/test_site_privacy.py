"""The personal-data scan of the built site: leaks found in every file type, nothing in a clean tree."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pydantic import BaseModel, Field

from sop_kit.core.errors import SopKitError
from sop_kit.records.archive import open_archive
from sop_kit.records.fieldtypes import NamaPribadi, Teks, Telepon
from sop_kit.records.models import CatatanLangkah, Kasus
from sop_kit.records.personal import personal_values
from sop_kit.records.privacyscan import MAX_GUNZIP, Hit, _gunzip, scan_output
from sop_kit.site.build import SiteOptions
from sop_kit.site.photos import publish_photo
from tests.conftest import BASE_ID, REPO, MakeArchive, site_build
from tests.test_site_photos import exif_photo

# From records/kasus/2026/2026-01-cilalawi-kf5h/kasus.yaml (fictional people).
CHILD = "Siti Nurjanah"
CHILD_NIK = "3214054108119197"
KK = "3214052412239395"
PHONE = "082139944871"
ADDRESS = "Kp. Pasanggrahan RT 003/RW 002, Desa Cilalawi"
PUBLIC = ("H. Iwan Setiawan (fiktif)", "Neneng Hasanah (fiktif)", "Kepala Desa Cilalawi", "Cilalawi", "Sukatani")


@pytest.fixture(scope="module")
def demo_values() -> set[str]:
    archive = open_archive(REPO / "records")
    values: set[str] = set()
    for path in archive.case_dirs():
        case = archive.read_case(path)
        records: list[Kasus | CatatanLangkah] = [s.record for s in case.steps]
        if case.kasus is not None:
            records.append(case.kasus)
        values |= personal_values(records)
    return values


def text_pdf(text: str, author: str, xmp_creator: str) -> bytes:
    """A one-page PDF with real text; page content and XMP compressed, so only reading them finds them."""
    content = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    xmp = zlib.compress(
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
        + xmp_creator.encode()
        + b"</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Metadata /Subtype /XML /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(xmp), xmp),
        b"<< /Author (%s) /Producer (uji) >>" % author.encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def cbor_strings(*items: str) -> bytes:
    """A CBOR array of short text strings, as in Pagefind's word index."""
    out = bytearray([0x80 + len(items)])
    for item in items:
        raw = item.encode()
        out += bytes([0x60 + len(raw)]) + raw  # 16 bytes -> head 0x70, the letter 'p'
    return bytes(out)


def write(root: Path, name: str, data: bytes | str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, "utf-8")
    else:
        path.write_bytes(data)


def leaky_site(root: Path) -> None:
    # The site writes free text with numeric entities; a raw search for the name would miss it.
    write(root, "kasus/a/index.html", "<p>Anak: siti&nbsp;NUR&#x4A;anah, alamat Kp&#46; Pasanggrahan</p>")
    write(root, "data/kasus.json", json.dumps({"anggota": ["Putri Ayu Lestari"], "kk": int(KK)}))
    fragment = {"url": "/kasus/a/", "content": f"Alamat {ADDRESS}. Nomor {PHONE[:4]}-{PHONE[4:8]}-{PHONE[8:]}."}
    write(
        root, "pagefind/fragment/en_1a2b3c4.pf_fragment", gzip.compress(b"pagefind_dcd" + json.dumps(fragment).encode())
    )
    write(root, "pagefind/index/en_5d6e7f8.pf_index", gzip.compress(b"pagefind_dcd" + cbor_strings("anak", CHILD_NIK)))
    write(root, "unduh/laporan.pdf", text_pdf("Nama anak: Zahra Amelia", "Entin Kartini", "Popon Rosita"))
    write(root, "foto/rumah.jpg", exif_photo((320, 240)))  # its caption names Siti Nurjanah
    write(root, "sitemap.xml", "<urlset><url><loc>https://sop.example/kasus/rendi&#45;firmansyah/</loc></url></urlset>")


def test_personal_values_of_the_demo_records(demo_values: set[str]) -> None:
    assert {CHILD, "Putri Ayu Lestari", "Rohman Hidayat", CHILD_NIK, KK, PHONE, ADDRESS} <= demo_values
    assert "081392708246" in demo_values  # the Kepala Desa is public, his phone number is not
    # Long free text is kept whole, its line folding collapsed.
    assert "Anak perempuan usia 16 tahun putus sekolah; keluarga berencana menikahkannya tahun ini." in demo_values
    assert not demo_values & set(PUBLIC)
    assert not demo_values & {"anak", "istri", "kepala-keluarga", "dewi-lestari", "32.14.05.2003"}
    staff = open_archive(REPO / "records").staff.values()
    assert staff and not demo_values & {s.nama for s in staff}
    assert "2011-08-01" not in demo_values  # birth dates: see personal_values
    assert all(len(v) >= 4 and "  " not in v and "\n" not in v for v in demo_values)


class Wali(BaseModel):
    nama: NamaPribadi
    telepon: Telepon | None = None
    hubungan: Teks  # not marked: public


class KasusDenganWali(Kasus):
    wali: list[Wali] = Field(default_factory=list)


def test_a_new_personal_field_is_found_by_its_mark_alone(demo_values: set[str]) -> None:
    archive = open_archive(REPO / "records")
    kasus = archive.read_case(archive.case_dirs()[0]).kasus
    assert kasus is not None
    record = KasusDenganWali.model_construct(
        **dict(kasus), wali=[Wali(nama="Cucu  Sumarni", telepon="081234567890", hubungan="bibi dari ibu")]
    )
    values = personal_values([record])
    # The name's mark also says it is a name: each word after "Bu" or "Pak" is one too.
    new = {"Cucu Sumarni", "081234567890", "sdr cucu", "sdr sumarni"}
    assert new <= values
    assert "bibi dari ibu" not in values
    assert values - new <= demo_values


def test_every_kind_of_leak_is_found(tmp_path: Path, demo_values: set[str]) -> None:
    leaky_site(tmp_path)
    hits = scan_output(tmp_path, demo_values)
    found = {(h.file, h.what) for h in hits}
    assert found == {
        ("data/kasus.json", "nilai-pribadi"),
        ("data/kasus.json", "nik"),  # the KK number, stored as a JSON number
        ("foto/rumah.jpg", "metadata-foto"),
        ("foto/rumah.jpg", "nilai-pribadi"),  # the caption in its EXIF
        ("kasus/a/index.html", "nilai-pribadi"),
        # The search index is read for the records' values; shapes (NIK, phone) are looked for
        # in the pages its words come from, not among the index's generated names.
        ("pagefind/fragment/en_1a2b3c4.pf_fragment", "nilai-pribadi"),
        ("pagefind/index/en_5d6e7f8.pf_index", "nilai-pribadi"),
        ("sitemap.xml", "nilai-pribadi"),
        ("unduh/laporan.pdf", "nilai-pribadi"),
    }
    assert hits == sorted(hits, key=lambda h: h.file)
    by_file = {h.file: h for h in hits if h.what == "metadata-foto"}
    assert "GPS" in by_file["foto/rumah.jpg"].excerpt and "nomor seri kamera" in by_file["foto/rumah.jpg"].excerpt
    assert "gambar kecil tersemat" in by_file["foto/rumah.jpg"].excerpt
    # The PDF's page text, its Info author and its XMP creator are all read.
    assert len([h for h in hits if h.file == "unduh/laporan.pdf"]) == 3
    # The address and the phone number, both record values, each once.
    assert len([h for h in hits if h.file.endswith(".pf_fragment")]) == 2


def test_excerpts_mask_what_they_found(tmp_path: Path, demo_values: set[str]) -> None:
    leaky_site(tmp_path)
    hits = scan_output(tmp_path, demo_values)
    html_hit = next(h for h in hits if h.file == "kasus/a/index.html")
    assert html_hit.excerpt == "<p>Anak: si…[13], alamat Kp. Pasanggrahan</p>"  # short text: no "…" at the ends
    secrets = [v.lower() for v in demo_values] + [PHONE[:4] + " " + PHONE[4:8], "3994 4871"]
    for hit in hits:
        assert not any(s in hit.excerpt.lower() for s in secrets), hit


def test_values_match_whole_words_case_and_spacing_aside(tmp_path: Path) -> None:
    write(tmp_path, "a.html", "<p>Tujuan (destination) dan Titin&#10;  TINA   hadir</p>")
    write(tmp_path, "b.txt", "foto_tina_hadir.jpg")
    write(tmp_path, "c.txt", "Kristina dan Tinah")
    hits = scan_output(tmp_path, ["Tina  Hadir"])
    assert [(h.file, h.what) for h in hits] == [("a.html", "nilai-pribadi"), ("b.txt", "nilai-pribadi")]
    assert scan_output(tmp_path, ["Tin"]) == []  # too short to mean anyone


def test_a_clean_site_has_no_hits(tmp_path: Path, demo_values: set[str]) -> None:
    # Not "H. Iwan Setiawan": another demo case has a family head named Iwan Setiawan, and
    # the scan cannot tell the two apart (nor can a reader of the page).
    public = "; ".join(n for n in PUBLIC if "Iwan" not in n)
    write(
        tmp_path,
        "index.html",
        "<p>Kasus 2026-01-cilalawi-kf5h, desa 32.14.05.2003, dicatat 2026-01-19 08:30 dan 2026-08-12 10:00:00,"
        " tenggat 08-01-2026 09:30, waktu 2026-01-19T08:30:00+07:00, 19/01/2026.</p>"
        "<p>Kasi: Dewi Lestari, NIP 19850610 201001 1 015 atau 198506102010011015.</p>"
        f"<p>Kontak: {public}.</p>"
        "<p>sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,"
        " commit 9fceb02d0ae598e95dc970b74767f19372d61af8, 3214050205859254a9b</p>",
    )
    write(tmp_path, "assets/bundle.js", "var MAX=9007199254740991,P=4503599627370496;t.id='3214ab';")
    write(tmp_path, "search.json", json.dumps({"docs": [{"title": "Desa Cilalawi", "text": "32.14.05.2003"}]}))
    buffer = BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    write(tmp_path, "assets/logo.png", buffer.getvalue())
    write(tmp_path, "unduh/sop.pdf", text_pdf("SOP 61.1.D.049/I/2020 Kabupaten Purwakarta", "Dinsos P3A", "sop-kit"))
    # A photo as the site publishes it: the camera's metadata is gone.
    publish_photo(exif_photo((640, 480)), tmp_path / "foto", "01-sosialisasi")
    write(tmp_path, "pagefind/index/en_0000001.pf_index", gzip.compress(b"pagefind_dcd" + cbor_strings("cilalawi")))
    assert scan_output(tmp_path, demo_values) == []


def test_links_and_special_files_are_reported_not_followed(tmp_path: Path, demo_values: set[str]) -> None:
    outside = tmp_path / "luar"
    write(outside, "rahasia.txt", f"NIK {CHILD_NIK}")
    site = tmp_path / "site"
    write(site, "index.html", "<p>halo</p>")
    os.symlink(outside, site / "arsip")
    os.symlink(outside / "rahasia.txt", site / "data.txt")
    os.mkfifo(site / "pipa")  # reading it would block the build
    hits = scan_output(site, demo_values)
    assert [(h.file, h.what) for h in hits] == [("arsip", "tautan"), ("data.txt", "tautan"), ("pipa", "tautan")]
    assert str(outside) in hits[0].excerpt


def test_extracted_pdf_text_is_cached_by_content(tmp_path: Path, demo_values: set[str]) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    write(site, "laporan.pdf", text_pdf("Laporan pembinaan", "Dinsos P3A", "sop-kit"))
    assert scan_output(site, demo_values, cache) == []
    (entry,) = cache.glob("pdf-teks-*")
    assert "Laporan pembinaan" in json.loads(entry.read_text())["text"]
    # The second scan reads the cached text, not the PDF: change it and the hit follows.
    entry.write_text(json.dumps({"text": "ditulis ulang: Rendi Firmansyah"}))
    assert [h.what for h in scan_output(site, demo_values, cache)] == ["nilai-pribadi"]
    entry.write_text("{rusak")  # an unreadable cache is ignored, not trusted
    assert scan_output(site, demo_values, cache) == []


def test_a_gzip_bomb_is_unpacked_only_up_to_the_limit(tmp_path: Path) -> None:
    bomb = gzip.compress(f"NIK {CHILD_NIK} ".encode() + bytes(MAX_GUNZIP + (1 << 20)), compresslevel=1)
    assert len(bomb) < MAX_GUNZIP // 100
    payload = _gunzip(bomb)
    assert payload is not None and len(payload) == MAX_GUNZIP
    write(tmp_path, "pagefind/fragment/en_bom.pf_fragment", bomb)
    assert [h.what for h in scan_output(tmp_path, [CHILD_NIK])] == ["nilai-pribadi"]


def test_hits_are_plain_values() -> None:
    hit = Hit("a.html", "nik", "32…[16]")
    assert hit == Hit("a.html", "nik", "32…[16]") and hash(hit) == hash(Hit("a.html", "nik", "32…[16]"))


def test_parallel_scan_and_changed_since_find_the_same(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for i in range(300):
        page = site / "kasus" / f"k{i:03d}" / "index.html"
        page.parent.mkdir(parents=True)
        text = "Foto bersama Rina Suryana" if i % 97 == 0 else f"Halaman {i} tanpa data pribadi"
        page.write_text(f"<p>{text}</p>", "utf-8")
    old = site / "kasus" / "k000" / "index.html"
    os.utime(old, (1_000_000_000, 1_000_000_000))
    alone = scan_output(site, {"Rina Suryana"})
    assert [h.file for h in alone] == [
        "kasus/k000/index.html",
        "kasus/k097/index.html",
        "kasus/k194/index.html",
        "kasus/k291/index.html",
    ]
    assert scan_output(site, {"Rina Suryana"}, jobs=2) == alone
    recent = scan_output(site, {"Rina Suryana"}, changed_since=1_000_000_001)
    assert [h.file for h in recent] == [h.file for h in alone[1:]]  # the old page was not read


def test_contents_found_clean_are_not_scanned_again(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "bersih.html").write_text("<p>Pembinaan keluarga</p>", "utf-8")
    (site / "bocor.html").write_text("<p>Rina Suryana</p>", "utf-8")
    clean: set[str] = set()
    first = scan_output(site, {"Rina Suryana"}, clean=clean)
    assert [h.file for h in first] == ["bocor.html"] and len(clean) == 2  # the clean page: content, identity
    # A clean digest stands for that content under that name: the same bytes elsewhere are new.
    (site / "lain.html").write_text("<p>Pembinaan keluarga</p>", "utf-8")
    assert scan_output(site, {"Rina Suryana"}, clean=clean) == first and len(clean) == 4
    (site / "bersih.html").write_text("<p>Rina Suryana hadir</p>", "utf-8")  # changed: scanned again
    assert [h.file for h in scan_output(site, {"Rina Suryana"}, clean=clean)] == ["bersih.html", "bocor.html"]


def _git(top: Path, *args: str, data: bytes | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(top.parent)}
    run = subprocess.run(["git", *args], cwd=top, input=data, capture_output=True, env=env, check=True)
    return run.stdout.decode().strip()


PHONE_LIKE = re.compile(r"08[0-9]{8}")  # what a 10-character short id must not be read as


def _phone_like_commit(top: Path, message: str) -> str:
    """Commit the staged tree with a message nonce chosen so that the commit id's short form
    is ten digits starting with 08, as a real history makes now and then by chance."""
    tree, parent = _git(top, "write-tree"), _git(top, "rev-parse", "HEAD")
    stamp = "Staf <staf@contoh.id> 1772330400 +0700"
    for nonce in range(10_000_000):
        body = f"tree {tree}\nparent {parent}\nauthor {stamp}\ncommitter {stamp}\n\n{message} ({nonce})\n".encode()
        sha = hashlib.sha1(b"commit %d\0" % len(body) + body).hexdigest()
        if PHONE_LIKE.fullmatch(sha[:10]):
            assert _git(top, "hash-object", "-t", "commit", "-w", "--stdin", data=body) == sha
            _git(top, "update-ref", "HEAD", sha)
            return sha
    raise AssertionError("no such commit id found")


def _phone_like_pdf(base: bytes) -> bytes:
    """``base`` with a trailing comment chosen so that its SHA-256 starts with 08 and eight digits."""
    for nonce in range(10_000_000):
        data = base + b"\n%" + str(nonce).encode() + b"\n"
        if PHONE_LIKE.fullmatch(hashlib.sha256(data).hexdigest()[:10]):
            return data
    raise AssertionError("no such content found")


def test_identifiers_that_look_like_phone_numbers_never_stop_a_build(make_archive: MakeArchive, tmp_path: Path) -> None:
    """Commit ids, file hashes and case ids are made by machines, not typed by people: one
    that happens to read as a mobile number (08 and eight digits) is published as it is."""
    top = tmp_path / "repo"
    top.mkdir()
    records = make_archive("repo/records")
    _git(top, "init", "-q", "-b", "main")
    case = records / "kasus" / "2026" / BASE_ID
    sk = case / "lampiran" / "03-sk-penetapan.pdf"
    sk.write_bytes(_phone_like_pdf(sk.read_bytes()))
    step = case / "langkah" / "03-penetapan.yaml"
    text = step.read_text("utf-8")
    old = re.search(r"sha256: ([0-9a-f]{64})", text)
    assert old is not None
    step.write_text(text.replace(old.group(1), hashlib.sha256(sk.read_bytes()).hexdigest()), "utf-8")
    _git(top, "add", "-A")
    _git(top, "-c", "user.name=Staf", "-c", "user.email=staf@contoh.id", "commit", "-q", "-m", "arsip")
    note = case / "langkah" / "04-persiapan.yaml"
    note.write_text(note.read_text("utf-8") + "catatan: Persiapan selesai.\n", "utf-8")
    _git(top, "add", "-A")
    commit = _phone_like_commit(top, "langkah 4")

    out = tmp_path / "site"
    site_build(records, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=True), trail=True)
    page = (out / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8")
    assert commit[:10] in page and hashlib.sha256(sk.read_bytes()).hexdigest() in page
    # The shapes are still read in what people typed: a phone number in a note stops the build.
    note.write_text(note.read_text("utf-8") + "alasan_waktu: Hubungi 0812 3456 7890 dulu.\n", "utf-8")
    with pytest.raises(SopKitError) as refused:
        site_build(records, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False), trail=False)
    assert refused.value.code == "site.personal_data" and refused.value.params["what"] == "telepon"


def test_a_family_in_an_attachments_metadata_is_traced_to_the_line_that_attaches_it(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """A scan whose PDF metadata names the family (the scanner's "title", the author field): the
    build refuses, naming the record line that attaches the file, where it can be marked
    personal; marked so, it is built and the copy is not published."""
    import pikepdf

    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    scan = case / "lampiran" / "01-data-rawan.pdf"
    with pikepdf.open(BytesIO(scan.read_bytes())) as pdf:
        pdf.docinfo["/Title"] = "Data keluarga Ujang Suryana"
        out = BytesIO()
        pdf.save(out)
    scan.write_bytes(out.getvalue())
    record = case / "langkah" / "01-pengumpulan-data.yaml"
    text = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {hashlib.sha256(out.getvalue()).hexdigest()}", record.read_text())
    record.write_text(text, "utf-8")
    line = text.splitlines().index("    berkas: lampiran/01-data-rawan.pdf") + 1
    site = tmp_path / "site"
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=site, cache_dir=tmp_path / "cache", pdf=False))
    assert refused.value.code == "site.personal_data"
    assert (refused.value.file, refused.value.line) == (str(record), line)
    assert "berkas/lampiran-01-data-rawan.pdf" in refused.value.params["places"]
    record.write_text(
        text.replace(
            "    berkas: lampiran/01-data-rawan.pdf\n", "    berkas: lampiran/01-data-rawan.pdf\n    pribadi: true\n"
        )
    )
    site_build(root, SiteOptions(out=site, cache_dir=tmp_path / "cache", pdf=False))
    assert not (site / "kasus" / "2026" / BASE_ID / "berkas" / "lampiran-01-data-rawan.pdf").exists()


def test_a_file_two_rounds_name_is_published_once_and_private_if_either_says_so(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """After a 'tidak', round 2's step 1 names the data file round 1 named (check accepts it;
    `step --lampir` now records it so). The case page listed the second entry as "format pdf
    tidak dipublikasikan" beside the link to the same file. Both entries now link the one
    copy; and marked private in either record, the file is published by neither."""
    root = make_archive(overlay="round-sent-back-ok")
    case = root / "kasus" / "2026" / BASE_ID
    out, cache = tmp_path / "site", tmp_path / "cache"
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    page = (out / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8")
    link = 'href="berkas/lampiran&#45;01&#45;data&#45;rawan&#46;pdf"'
    assert page.count(link) == 2 and "tidak dipublikasikan</small>" not in page
    # Each entry says which round's it is, as the step's files span two rounds.
    assert re.search(link + r">01&#45;data&#45;rawan&#46;pdf</a> <small>putaran 1</small>", page)
    assert re.search(link + r">01&#45;data&#45;rawan&#46;pdf</a> <small>putaran 2</small>", page)
    assert (out / "kasus" / "2026" / BASE_ID / "berkas" / "lampiran-01-data-rawan.pdf").is_file()
    second = case / "langkah" / "01-pengumpulan-data-putaran-2.yaml"
    second.write_text(second.read_text("utf-8") + "    pribadi: true\n", "utf-8")
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    page = (out / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8")
    assert link not in page and page.count("data pribadi&#44; tidak dipublikasikan") == 2
    assert not (out / "kasus" / "2026" / BASE_ID / "berkas" / "lampiran-01-data-rawan.pdf").exists()


def _marked_scan(data: bytes, where: str, text: str) -> bytes:
    """``data`` (a PDF) with ``text`` where a viewer shows it but a page's text does not hold it."""
    import pikepdf

    with pikepdf.open(BytesIO(data)) as pdf:
        page = pdf.pages[0]
        box = pikepdf.Array([50, 700, 300, 740])
        if where == "catatan":  # a sticky note the scanning clerk left on the page
            note = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=box,
                                                        Contents=pikepdf.String(text)))  # fmt: skip
            page.obj["/Annots"] = pikepdf.Array([note])
        elif where == "formulir":  # a form filled in on the computer, then attached
            field = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget,
                                                         FT=pikepdf.Name.Tx, T=pikepdf.String("nama_kk"), Rect=box,
                                                         V=pikepdf.String(text)))  # fmt: skip
            page.obj["/Annots"] = pikepdf.Array([field])
            pdf.Root["/AcroForm"] = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
        elif where == "versi-lama":  # noted, then "redacted" by an update: the earlier version stays in the file
            return _redacted_by_update(_marked_scan(data, "catatan", text))
        else:  # a bookmark named after the family
            mark = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String(text), Dest=pikepdf.Array([page.obj])))
            pdf.Root["/Outlines"] = pikepdf.Dictionary(Type=pikepdf.Name.Outlines, First=mark, Last=mark, Count=1)
        out = BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)  # a classic cross-reference table
    return out.getvalue()


def _redacted_by_update(data: bytes) -> bytes:
    """``data`` with an incremental update appended, as a PDF editor's "save" writes one: the
    first page again without its annotations. A viewer shows the clean page; the bytes still
    hold the first version, note and all."""
    import pikepdf

    with pikepdf.open(BytesIO(data)) as pdf:
        page = pdf.pages[0].obj
        number, generation = page.objgen
        del page["/Annots"]
        body = b"<<" + b" ".join(pikepdf.Name(k).unparse() + b" " + v.unparse() for k, v in page.items()) + b">>"
        root, size = pdf.Root.objgen[0], len(pdf.objects) + 1
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    update = f"{number} {generation} obj\n".encode() + body + b"\nendobj\n"
    at = len(data)
    xref = len(data) + len(update)
    table = f"xref\n0 1\n0000000000 65535 f \n{number} 1\n{at:010d} {generation:05d} n \n"
    trailer = f"trailer << /Size {size} /Root {root} 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n"
    return data + update + (table + trailer).encode()


@pytest.mark.parametrize("where", ["catatan", "formulir", "penanda", "versi-lama"])
def test_a_family_in_a_scans_note_form_field_or_bookmark_is_never_published(
    where: str, make_archive: MakeArchive, tmp_path: Path
) -> None:
    """A sticky note, a typed form field or a bookmark of a public scan holding a family's NIK
    and name: the page text is clean, so the scan passed and the site published it. Now the
    clerk's `step --lampir` refuses it, and a build given it by hand names the record line."""
    from click.testing import CliRunner

    from sop_kit.cli.main import main

    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    scan = case / "lampiran" / "01-data-rawan.pdf"
    marked = _marked_scan(scan.read_bytes(), where, f"KK {KK} a.n. {CHILD}")
    outside = tmp_path / "pindaian.pdf"
    outside.write_bytes(marked)
    attached = CliRunner().invoke(main, ["step", BASE_ID, "1", "--lampir", str(outside), "--root", str(root)])
    assert attached.exit_code == 2 and "memuat data pribadi" in attached.output, attached.output
    scan.write_bytes(marked)
    record = case / "langkah" / "01-pengumpulan-data.yaml"
    text = re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {hashlib.sha256(marked).hexdigest()}", record.read_text())
    record.write_text(text, "utf-8")
    # The check says it first, at the record line that attaches the scan, without the value.
    checked = CliRunner().invoke(main, ["check", str(root), "--no-trail", "--format", "json"])
    found = [f for f in json.loads(checked.output)["findings"] if f["code"] == "privacy.file_content"]
    line = text.splitlines().index("    berkas: lampiran/01-data-rawan.pdf") + 1
    assert [(f["file"].endswith("langkah/01-pengumpulan-data.yaml"), f["line"]) for f in found] == [(True, line)]
    assert checked.exit_code == 1 and KK not in checked.output and CHILD not in checked.output
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=tmp_path / "site", cache_dir=tmp_path / "cache", pdf=False))
    assert refused.value.code == "site.personal_data"
    assert refused.value.file == str(record) and "berkas/lampiran-01-data-rawan.pdf" in refused.value.params["places"]
    assert not (tmp_path / "site").exists()


def test_a_file_private_in_one_case_is_not_published_by_another(make_archive: MakeArchive, tmp_path: Path) -> None:
    """One scan attached to two cases (a joint activity's list), marked pribadi in one record
    and not in the other: the other case's page published the bytes the first kept off the
    site. The check now says so at the public entry (doc.private_elsewhere), and its site
    lists the file without publishing it."""
    from click.testing import CliRunner

    from sop_kit.cli.main import main

    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    other_id = f"{BASE_ID[:-4]}lain"
    other = case.with_name(other_id)
    shutil.copytree(case, other)
    (other / "kasus.yaml").write_text((other / "kasus.yaml").read_text("utf-8").replace(BASE_ID, other_id))
    entry = "    berkas: lampiran/01-data-rawan.pdf\n"
    marked = other / "langkah" / "01-pengumpulan-data.yaml"
    marked.write_text(marked.read_text("utf-8").replace(entry, entry + "    pribadi: true\n"), "utf-8")
    public = case / "langkah" / "01-pengumpulan-data.yaml"
    line = public.read_text("utf-8").splitlines().index(entry.rstrip("\n")) + 1
    out = CliRunner().invoke(main, ["check", str(root), "--no-trail", "--format", "json"]).output
    found = [(f["case"], f["line"]) for f in json.loads(out)["findings"] if f["code"] == "doc.private_elsewhere"]
    assert found == [(BASE_ID, line)], out
    site = tmp_path / "site"
    site_build(root, SiteOptions(out=site, cache_dir=tmp_path / "cache", pdf=False))
    for ident in (BASE_ID, other_id):
        assert not (site / "kasus" / "2026" / ident / "berkas" / "lampiran-01-data-rawan.pdf").exists(), ident
    assert "01-data-rawan.pdf" in (site / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8").replace(
        "&#45;", "-"
    ).replace("&#46;", ".")


def test_a_copy_of_a_private_file_under_another_name_is_not_published(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """Round 1 keeps the data file off the site (pribadi: true); round 2 attaches a copy of it
    under another name, not marked. Judged by name, the copy was published: the same bytes one
    record keeps private are private in every entry of the case."""
    root = make_archive(overlay="round-sent-back-ok")
    case = root / "kasus" / "2026" / BASE_ID
    shutil.copyfile(case / "lampiran" / "01-data-rawan.pdf", case / "lampiran" / "01-data-rawan-salinan.pdf")
    second = case / "langkah" / "01-pengumpulan-data-putaran-2.yaml"
    second.write_text(second.read_text("utf-8").replace("01-data-rawan.pdf", "01-data-rawan-salinan.pdf"), "utf-8")
    first = case / "langkah" / "01-pengumpulan-data.yaml"
    entry = "    berkas: lampiran/01-data-rawan.pdf\n"
    first.write_text(first.read_text("utf-8").replace(entry, entry + "    pribadi: true\n"), "utf-8")
    out = tmp_path / "site"
    site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    published = sorted(p.name for p in (out / "kasus" / "2026" / BASE_ID / "berkas").iterdir())
    assert not [name for name in published if "data-rawan" in name], published
    page = (out / "kasus" / "2026" / BASE_ID / "index.html").read_text("utf-8")
    assert page.count("data pribadi&#44; tidak dipublikasikan") == 2
