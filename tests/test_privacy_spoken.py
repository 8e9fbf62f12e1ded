"""A family's personal data written in part in public text: "Bu Euis" for Euis Suryani, an
address by its RT/RW, a NIK or a mobile number however it is grouped. Found by `check` where it
is typed and by the site's own scan, the same way (records.personal: spoken_forms,
personal_numbers), and never confused with the officials the office's own outputs name ("Pak
Asep" is the Kepala Desa, and the Kepala Dinas signed the SOP as "H. Asep") nor with the dates
and times a note is full of.
"""

from __future__ import annotations

import html
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sop_kit.bag.export import BagOptions, export_bag
from sop_kit.bag.verify import verify_bag
from sop_kit.check.audit import audit
from sop_kit.check.rules import check_case
from sop_kit.check.run import CheckOptions
from sop_kit.core.errors import SopKitError
from sop_kit.records import matcher as matching
from sop_kit.records.archive import open_archive
from sop_kit.records.matcher import Matcher, stored_matcher
from sop_kit.records.personal import addressed, rt_rw, spoken_forms
from sop_kit.records.privacyscan import scan_document
from sop_kit.site.build import SiteOptions

from .conftest import BASE_ID, REPO, MakeArchive, judge, site_build

KERAWANAN = "Rumah tidak layak huni, anak sulung putus sekolah"
FAMILY = f"""    alamat: Kp. Cibening RT 004/RW 002
    kerawanan: {KERAWANAN}
"""
SHARED_NAME = """      - nama: Asep Saepudin (fiktif)
        hubungan: anak
"""


def _archive(make_archive: MakeArchive, note: str) -> tuple[Path, Path]:
    """The corpus base case, its family with an address, a vulnerability and a son named like
    the Kepala Desa (Asep Hidayat) and the SOP's signatory (H. Asep Surya Komara); ``note`` on
    step 7. Returns the archive and the step record."""
    root = make_archive()
    case = root / "kasus" / "2026" / BASE_ID
    kasus = case / "kasus.yaml"
    text = kasus.read_text("utf-8")
    text = text.replace('    telepon: "085712345678"\n', '    telepon: "085712345678"\n' + FAMILY)
    text = text.replace("        tanggal_lahir: 2015-06-01\n", "        tanggal_lahir: 2015-06-01\n" + SHARED_NAME)
    assert "Asep Saepudin" in text and "RT 004/RW 002" in text
    kasus.write_text(text, "utf-8")
    step = case / "langkah" / "07-dokumentasi.yaml"
    step.write_text(step.read_text("utf-8") + f"catatan: {json.dumps(note)}\n", "utf-8")
    return root, step


def _kinds(root: Path) -> list[str]:
    archive = open_archive(root)
    case = archive.read_case(archive.case_dirs()[0])
    found = check_case(archive, case).findings
    return [str(f.params["kind"]) for f in found if f.code == "privacy.public_field"]


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("Kunjungan ke rumah Bu Euis bersama kader.", "sebutan"),
        ("Neng Rina sudah kembali sekolah.", "sebutan"),
        ("Keluarga Suryana hadir lengkap.", "sebutan"),
        ("Sdr. Saepudin membantu menyiapkan tempat.", "sebutan"),
        ("Pertemuan di rumah warga rt.04 / rw.2, dekat masjid.", "rt_rw"),
        ("Dipilih karena: " + KERAWANAN.lower() + ".", "nilai"),
    ],
)
def test_a_family_written_in_part_is_an_error_where_it_is_typed(
    make_archive: MakeArchive, note: str, kind: str
) -> None:
    root, _ = _archive(make_archive, note)
    assert _kinds(root) == [f"@privacy.kind.{kind}"]


@pytest.mark.parametrize(
    "note",
    [
        "Koordinasi dengan Pak Asep, Kepala Desa.",  # the case's Kepala Desa, not the son Asep
        "Arahan H. Asep Surya Komara dibacakan.",  # the SOP's signatory
        "Pertemuan di balai RT 05/RW 02.",  # another neighbourhood
        "Euis dan Rina adalah nama kelompok kader.",  # a name's word alone is not enough
        "Ibu hamil dan anak balita diberi penyuluhan.",  # words of address before ordinary words
    ],
)
def test_officials_other_places_and_bare_words_are_not(make_archive: MakeArchive, note: str) -> None:
    root, _ = _archive(make_archive, note)
    assert _kinds(root) == []


def test_the_site_refuses_what_check_reports_and_publishes_what_it_passes(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """One verdict on personal data: the note the check reports stops the site build, traced to
    its line; the one it passes (an official of the same first name as the family's son, whom
    the SOP page prints with "H.") is published."""
    root, step = _archive(make_archive, "Kunjungan ke rumah Bu Euis.")
    line = len(step.read_text("utf-8").splitlines())
    assert any(f.code == "privacy.public_field" for f in judge(root).findings)
    out, cache = tmp_path / "situs", tmp_path / "cache"
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert refused.value.code == "site.personal_data"
    assert f"07-dokumentasi.yaml:{line}" in str(refused.value.params["places"])
    assert not out.exists()

    text = step.read_text("utf-8").replace("Kunjungan ke rumah Bu Euis.", "Koordinasi dengan Pak Asep, Kepala Desa.")
    assert "Pak Asep" in text
    step.write_text(text, "utf-8")
    assert not [f for f in judge(root).findings if f.code == "privacy.public_field"]
    site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    page = html.unescape(next(out.glob(f"kasus/*/{BASE_ID}/index.html")).read_text("utf-8"))
    assert "Pak Asep" in page
    assert "H. Asep Surya Komara" in html.unescape(next(out.glob("sop/*/index.html")).read_text("utf-8"))


def test_the_sites_kerawanan_and_the_checks_agree(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A family's vulnerability copied into a public note: before, `check` passed it (it did
    not search that field) and the build refused it."""
    root, _ = _archive(make_archive, KERAWANAN)
    assert _kinds(root) == ["@privacy.kind.nilai"]
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=tmp_path / "situs", cache_dir=tmp_path / "cache", pdf=False))
    assert refused.value.code == "site.personal_data"


def test_spoken_forms_and_the_matcher() -> None:
    forms = spoken_forms("Hj. Euis Suryani", "nama", ["Euis Komariah"])
    assert forms == {"sdr suryani"}  # "Hj." is a word of address, "Euis" an official's word
    assert spoken_forms("Kp. Cibening RT 004/RW 002", "alamat") == {"rt 4 rw 2"}
    assert [form for _, _, form in rt_rw("rt02/rw01, rt. 3 rw. 10 dan rt 5")] == ["rt 2 rw 1", "rt 3 rw 10"]
    text = "dikunjungi bpk. suryani dan bu sri di rt 04/rw 002"
    assert addressed(text, text.index("suryani")) == text.index("bpk")
    assert addressed(text, text.index("dikunjungi")) is None
    matcher = Matcher(["sdr suryani", "rt 4 rw 2", "euis suryani"])
    (found, *_) = matcher.spans(text)
    assert [text[a:b] for a, b in found] == ["bpk. suryani", "rt 04/rw 002"]
    assert matcher.spans("suryani di rt 4 rw 3; sebuah suryanie") == [[]]


def test_the_stored_matcher_keeps_the_spoken_forms(tmp_path: Path) -> None:
    def values() -> list[str]:
        return ["sdr suryani", "rt 4 rw 2", "euis suryani"]

    first = stored_matcher(tmp_path, "k", values)
    matching._STORED.clear()
    again = stored_matcher(tmp_path, "k", lambda: [])  # read back from disk, not built
    text = "kang suryani, rt 4/rw 2"
    assert first.spans(text) == again.spans(text) == [[(0, 12), (14, 23)]]


# Numbers as clerks write them in a note: (note, the kind both the check and the scan find).
NUMBERS = [
    ("Hubungi kader di 0813.9876.5432.", "telepon"),
    ("Hubungi kader di 0813-9876-5432.", "telepon"),
    ("Kontak +62 813 9876 5432 (kader).", "telepon"),
    ("Kontak 081 398 765 432.", "telepon"),
    ("Data dari NIK 3214.0202.0202.0002.", "nik"),
    ("Data dari KK 3214 0202 0202 0002.", "nik"),
    ("Rapat 08-01-2026 09:30 di balai desa.", None),
    ("Rapat 08.01.2026 pukul 09.30.", None),
    ("Pertemuan 08 12 2025, hadir 14 orang.", None),
    ("Skor 0.8123456789 pada kuesioner.", None),
    ("Surat 400.9/6/DSP3A/2026, kode wilayah 32.14.05.2003.", None),
]


@pytest.mark.parametrize(("note", "kind"), NUMBERS)
def test_a_number_is_personal_to_the_check_exactly_when_it_is_to_the_scan(
    make_archive: MakeArchive, note: str, kind: str | None
) -> None:
    """The check of what a clerk typed and the scan of what is published read a NIK or phone
    number the same way. Before, the check took a meeting's date and time for a phone number
    (an error on an ordinary note), and the scan missed a number grouped by dots (published)."""
    root, _ = _archive(make_archive, note)
    assert _kinds(root) == ([f"@privacy.kind.{kind}"] if kind else [])
    page = f"<html><body><p>{note}</p></body></html>".encode()
    assert [h.what for h in scan_document("kasus/x/index.html", page, [])] == ([kind] if kind else [])


def test_a_phone_number_grouped_by_dots_never_reaches_the_public_site(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """What a hurried clerk types: the check reported it, and the build published it."""
    root, step = _archive(make_archive, "Hubungi kader di 0813.9876.5432.")
    line = len(step.read_text("utf-8").splitlines())
    out = tmp_path / "situs"
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    assert refused.value.code == "site.personal_data" and refused.value.params["what"] == "telepon"
    assert f"07-dokumentasi.yaml:{line}" in str(refused.value.params["places"])
    assert not out.exists()


def test_the_offices_own_mobile_number_is_published_and_no_other(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A small office's hotline is a mobile number, printed on every letterhead. The build
    refused every public PDF as holding a phone number ("data pribadi ... ?:"), so the office
    could never publish; a note giving the hotline to families was an error of the check.
    The office's own number (the profile in force) is neither; another mobile number still is."""
    root, step = _archive(make_archive, "Warga dapat menghubungi layanan dinas di +62 812 2000 1234.")
    shutil.copytree(REPO / "kantor", root.parent / "kantor")
    profile = (REPO / "sop-kit.yaml").read_text("utf-8")
    assert "  telepon: (0264) 820 0117\n" in profile
    (root.parent / "sop-kit.yaml").write_text(profile.replace("(0264) 820 0117", "0812-2000-1234"), "utf-8")
    assert not [f for f in judge(root).findings if f.code == "privacy.public_field"]
    out = tmp_path / "situs"
    site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache"))
    dossier = next(out.glob(f"pdf/kasus/{BASE_ID}/berkas-pembinaan-*.pdf"))
    assert "0812-2000-1234" in " ".join(p.extract_text() or "" for p in PdfReader(dossier).pages)
    # The bag carries the settings the case was judged against: its own check agrees.
    judged = audit(root, CheckOptions(trail=False, use_cache=False))
    bag = export_bag(judged, BASE_ID, BagOptions(tmp_path / "bag", date(2026, 6, 1), force=True))
    assert (bag / "data" / "sop-kit.yaml").read_bytes() == (root.parent / "sop-kit.yaml").read_bytes()
    assert (bag / "data" / "kantor" / "lambang-fiktif.png").is_file()
    assert not [p for p in verify_bag(bag).problems if p.params.get("rule") == "privacy.public_field"]
    step.write_text(step.read_text("utf-8").replace("+62 812 2000 1234", "0813 2000 1234"), "utf-8")
    assert _kinds(root) == ["@privacy.kind.telepon"]
    with pytest.raises(SopKitError) as refused:
        site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache"))
    assert refused.value.code == "site.personal_data" and refused.value.params["what"] == "telepon"
