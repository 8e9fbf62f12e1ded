"""The audit site, built for real: pages from data, exports, incremental rebuilds, the
internal build and the CLI. Hostile text, personal data and publishing have their own files."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from sop_kit.cli.main import main
from sop_kit.site.build import SiteOptions
from sop_kit.site.guide import GUIDE_FILE, guide_dir
from sop_kit.site.search import bundle_count, bundle_of, bundles, page_counts
from tests.conftest import BASE_ID, DemoSite, MakeArchive, site_build

CASE = "2026-01-cilalawi-kf5h"  # complete, photos, SK number 400.9/Kep.2/DSP3A/2026
PLANTED = {  # the demo's planted irregularities (sop_kit/demo.py), each in its own case
    "trail.unverified",
    "trail.changed_after_approval",
    "trail.wrong_role",
}


class _Text(HTMLParser):
    """The visible text of a page, and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "img" and values.get("src"):
            self.images.append(values["src"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page(site: Path, url: str) -> _Text:
    parser = _Text()
    parser.feed((site / url / "index.html").read_text("utf-8"))
    return parser


def case_url(site: Path, case_id: str) -> str:
    return f"kasus/{case_id[:4]}/{case_id}"


def test_every_case_has_a_page_and_case_pages_stay_out_of_the_nav(demo_site: DemoSite) -> None:
    cases = sorted(p.name for p in (demo_site.archive / "kasus").glob("*/*") if p.is_dir())
    assert len(cases) == 18  # 14 of SOP 61.1.D.049 and 4 of the example SOP
    for case_id in cases:
        assert (demo_site.site / case_url(demo_site.site, case_id) / "index.html").is_file()
    home = (demo_site.site / "index.html").read_text("utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert "Beranda" in nav and "Temuan" in nav
    assert not any(case_id in nav for case_id in cases)


def test_case_page_shows_record_trail_checklist_gallery_and_downloads(demo_site: DemoSite) -> None:
    site = demo_site.site
    url = case_url(site, CASE)
    p = page(site, url)
    text = p.text
    # The step-by-step record with the responsible person and role, and the decision.
    assert "Agus Permana, S.Sos. (fiktif)" in text
    assert "peran SOP: Kasi Peningkatan Kualitas Keluarga" in text
    assert "Keputusan: ya (dilanjutkan)" in text
    assert "50 menit / 60 menit" in text  # duration against the standard
    # The Kelengkapan checklist links to each published document, which exists.
    docs = [h for h in p.links if h.startswith("berkas/") and h.endswith(".pdf")]
    assert docs and all((site / url / h).read_bytes().startswith(b"%PDF-") for h in docs)
    assert "data pribadi, tidak dipublikasikan" in text  # the attendance sheet
    # Gallery: a thumbnail per photo linking to a lightbox with the full copy, with the EXIF date.
    thumbs = [s for s in p.images if s.endswith("-kecil.jpg")]
    assert len(thumbs) == 3 and all((site / url / t).is_file() for t in thumbs)
    assert "diambil 4 Februari 2026" in text  # the EXIF date, in words
    # The approval timeline with verification and commit ids.
    html = (site / url / "index.html").read_text("utf-8")
    assert "terverifikasi: Agus Permana" in text and "<code>" in html
    # Downloads: the dossier and letters, which exist.
    pdfs = [h for h in p.links if "/pdf/kasus/" in h]
    assert any("berkas-pembinaan" in h for h in pdfs) and any("sk-penetapan" in h for h in pdfs)
    for href in pdfs:
        assert (site / url / href).resolve().read_bytes().startswith(b"%PDF-")


def test_dashboard_counts_and_compliance_match_the_export(demo_site: DemoSite) -> None:
    index = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))
    rows = index["kasus"]
    assert index["format"] == "sop-kit/indeks-kasus/1" and len(rows) == 18
    text = page(demo_site.site, "").text
    complete = sum(1 for r in rows if r["dokumen_lengkap"])
    assert f"{complete} dari 18" in text
    decided = [r for r in rows if r["keputusan_sah"] is not None]
    good = sum(1 for r in decided if r["keputusan_sah"])
    assert f"{good} dari {len(decided)}" in text
    assert good < len(decided)  # the forged decision is not counted as right
    for year in ("2025", "2026"):
        assert str(sum(1 for r in rows if r["tahun"] == int(year))) in text
    # Compliance first: the counts and the cases that broke the SOP, then the open findings.
    html = (demo_site.site / "index.html").read_text("utf-8")
    order = ('<ul class="ringkasan-kepatuhan">', 'id="kasus-tidak-sesuai-sop"', 'id="temuan-terbuka"')
    assert [html.index(mark) for mark in order] == sorted(html.index(mark) for mark in order)


def test_findings_page_lists_every_finding_with_case_links(demo_site: DemoSite) -> None:
    findings = json.loads((demo_site.site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    assert {f["code"] for f in findings} >= PLANTED
    p = page(demo_site.site, "temuan")
    assert p.text.count("trail.") >= len([f for f in findings if f["code"].startswith("trail.")])
    for f in findings:
        if f["case"]:
            assert any(f["case"] in href for href in p.links), f["case"]


def test_saved_listings_find_the_planted_irregularities(demo_site: DemoSite) -> None:
    findings = json.loads((demo_site.site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    changed = {f["case"] for f in findings if f["code"] == "trail.changed_after_approval"}
    listing = page(demo_site.site, "jelajah/koleksi/diubah-setelah-disetujui")
    assert changed and all(any(c in h for h in listing.links) for c in changed)
    waiting = page(demo_site.site, "jelajah/koleksi/menunggu-keputusan")
    rows = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    for r in rows:
        linked = any(r["id"] in h for h in waiting.links)
        assert linked == (r["status"] == "menunggu-keputusan")


def test_browse_by_year_kecamatan_status_and_sop(demo_site: DemoSite) -> None:
    rows = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    first = rows[0]
    from sop_kit.records.ids import slug

    for url in (
        f"jelajah/tahun/{first['tahun']}",
        f"jelajah/kecamatan/{slug(first['kecamatan'])}",
        f"jelajah/status/{first['status']}",
        "jelajah/sop/61-1-d-049-i-2020-rev0",
    ):
        assert any(first["id"] in h for h in page(demo_site.site, url).links), url


def test_sop_page_has_identity_steps_flowchart_and_pdf(demo_site: DemoSite) -> None:
    url = "sop/61-1-d-049-i-2020-rev0"
    html = (demo_site.site / url / "index.html").read_text("utf-8")
    p = page(demo_site.site, url)
    assert "Disahkan oleh" in p.text and "Pengumpulan data lokasi" in p.text
    assert html.count("<svg") >= 1 and "marker" in html
    pdf = next(h for h in p.links if h.endswith(".pdf") and "/sop/sop-" in h)
    assert (demo_site.site / url / pdf).resolve().read_bytes().startswith(b"%PDF-")


def test_csv_export_has_the_json_rows(demo_site: DemoSite) -> None:
    with open(demo_site.site / "ekspor" / "kasus.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    index = json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))
    assert [r["id"] for r in rows] == [r["id"] for r in index["kasus"]]
    assert set(rows[0]) == set(index["kolom"])


def test_search_index_covers_every_case_page(demo_site: DemoSite) -> None:
    counts = page_counts(demo_site.site)
    assert counts == {"utama": 2, "kasus-00": 18}  # the two SOP pages; every case page (one bundle so far)
    entry = json.loads((demo_site.site / "pagefind" / "kasus-00" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["id"]  # Indonesian stemming
    assert not (demo_site.site / "search" / "search_index.json").exists()  # no lunr index


def test_cases_spread_over_bundles_as_the_archive_grows() -> None:
    assert [bundle_count(n) for n in (0, 14, 125, 126, 1000, 1001, 10000, 50000)] == [1, 1, 1, 2, 8, 16, 16, 16]
    ids = [f"2026-01-desa-{i:04d}" for i in range(10000)]
    layout = bundles(ids, bundle_count(len(ids)))
    sizes = [len(v) for k, v in layout.items() if k != "utama"]
    assert len(sizes) == 16 and min(sizes) > 500 and max(sizes) < 750
    # FNV-1a's published vectors ("a" 0xe40c292c, "foobar" 0xbf9cf968): the search page
    # computes the same hash to find a case id's bundle (tests/test_site_search_bundles.py).
    assert (bundle_of("a", 16), bundle_of("foobar", 16), bundle_of("foobar", 1)) == ("kasus-12", "kasus-08", "kasus-00")


def _build(root: Path, out: Path, cache: Path, **options: object) -> object:
    return site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False, **options))  # type: ignore[arg-type]


def test_rebuild_after_one_change_renders_only_that_page_and_keeps_indexes_complete(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    second = root / "kasus" / "2026" / "2026-03-cibening-b2nd"
    shutil.copytree(root / "kasus" / "2026" / BASE_ID, second)
    (second / "kasus.yaml").write_text(
        (second / "kasus.yaml").read_text("utf-8").replace(BASE_ID, second.name), "utf-8"
    )
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert first.full and first.cases == 2
    pages_indexed = page_counts(out)
    assert pages_indexed["kasus-00"] == 2

    step = next((second / "langkah").glob("04-*.yaml"))
    step.write_text(step.read_text("utf-8") + "catatan: Perubahan kecil uji ulang.\n", "utf-8")
    again = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert not again.full
    assert again.pages_changed == 1 and again.pages == first.pages  # listings kept, not regenerated
    assert "Perubahan kecil uji ulang." in page(out, case_url(out, second.name)).text
    assert (out / case_url(out, BASE_ID) / "index.html").is_file()  # the other case is still there
    # The changed page is indexed with the SOP pages; its older version, left out, is still in its own bundle.
    counts, left_out = page_counts(out), json.loads((out / "pagefind" / "diganti.json").read_text("utf-8"))
    assert counts == {**pages_indexed, "utama": pages_indexed["utama"] + 1} and len(left_out) == 1
    assert len(json.loads((out / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]) == 2

    shutil.rmtree(second)  # a case removed: its page goes, the listings follow
    third = site_build(root, SiteOptions(out=out, cache_dir=cache, pdf=False))
    assert not (out / case_url(out, second.name)).exists()
    assert third.cases == 1
    assert second.name not in (out / "jelajah" / "tahun" / "2026" / "index.html").read_text("utf-8")


def test_a_finding_of_a_later_round_links_to_that_rounds_row(make_archive: MakeArchive, tmp_path: Path) -> None:
    """After a 'tidak', step 3 is recorded once, in round 2, in a file whose name does not say
    so: its findings link to round 2's row on the case page, the row that exists."""
    root = make_archive(overlay="round-sent-back-ok")
    step = root / "kasus" / "2026" / BASE_ID / "langkah" / "03-penetapan.yaml"
    step.write_text(step.read_text("utf-8").replace("selesai: 2026-03-04 10:00", "selesai: 2026-03-20 10:00"))
    out = tmp_path / "site"
    _build(root, out, tmp_path / "cache")
    case_page = (out / case_url(out, BASE_ID) / "index.html").read_text("utf-8")
    for text in (case_page, (out / "temuan" / "index.html").read_text("utf-8")):
        links = re.findall(r'href="[^"#]*#(langkah-[^"]+)" title="[^"]*/langkah/(0[34])-', unescape(text))
        assert sorted(set(links)) == [("langkah-3-putaran-2", "03"), ("langkah-4-putaran-2", "04")], links
    assert {
        f"langkah-{n}-putaran-{r}" for n in (3, 4) for r in (1, 2) if f'id="langkah-{n}-putaran-{r}"' in case_page
    } == {
        "langkah-3-putaran-2",
        "langkah-4-putaran-2",
    }


def test_internal_build_says_so_on_every_page_and_public_does_not(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    kasus = (root / "kasus" / "2026" / BASE_ID / "kasus.yaml").read_text("utf-8")
    assert "sasaran:" in kasus
    internal = tmp_path / "internal"
    site_build(root, SiteOptions(out=internal, cache_dir=tmp_path / "c1", internal=True, pdf=False))
    public = tmp_path / "public"
    site_build(root, SiteOptions(out=public, cache_dir=tmp_path / "c2", pdf=False))
    for html in internal.rglob("*.html"):
        assert "INTERNAL — memuat data pribadi" in html.read_text("utf-8"), html
    for html in public.rglob("*.html"):
        assert "INTERNAL" not in html.read_text("utf-8"), html
    assert "Data pribadi (internal)" in page(internal, case_url(internal, BASE_ID)).text


def test_cli_build_and_errors(make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_archive()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    runner = CliRunner()
    out = tmp_path / "site"
    result = runner.invoke(main, ["build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q"])
    assert result.exit_code == 0, result.output
    assert "situs publik diterbitkan" in result.output and "1 kasus" in result.output
    assert (out / "index.html").is_file()
    inside = runner.invoke(main, ["build", str(root), "--out", str(root / "site"), "--no-pdf", "-q"])
    assert inside.exit_code == 2 and "bertumpang tindih" in inside.output
    english = runner.invoke(main, ["serve", str(tmp_path / "none"), "--lang", "en"])
    assert english.exit_code == 2 and "there is no site" in english.output


def test_a_relative_cache_folder_in_the_environment_is_ignored(
    make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XDG_CACHE_HOME=.cache (the XDG specification calls a relative one invalid) once made
    the build look for its pages at a path named twice over and stop; now it is ignored and
    the cache goes to ~/.cache, as sop-kit's other caches do."""
    root = make_archive()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache-relatif")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(root), "--out", str(out), "--no-pdf", "--no-trail", "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert not (tmp_path / ".cache-relatif").exists()
    assert (tmp_path / "home" / ".cache" / "sop-kit" / "situs").is_dir()


def test_every_link_and_image_on_every_page_resolves(demo_site: DemoSite) -> None:
    from urllib.parse import unquote, urlsplit

    site = demo_site.site
    broken = []
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue  # served for any path, so its links are absolute
        p = _Text()
        p.feed(html.read_text("utf-8"))
        for ref in p.links + p.images:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (html.parent / unquote(parts.path)).resolve()
            if ref.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{html.relative_to(site)} -> {ref}")
    assert not broken, broken[:10]


def test_every_build_stage_has_a_message_in_both_languages(make_archive: MakeArchive, tmp_path: Path) -> None:
    from sop_kit.core.messages import CATALOG

    report = site_build(make_archive(), SiteOptions(out=tmp_path / "site", cache_dir=tmp_path / "c"))
    assert {"pdf", "cases", "mkdocs", "search", "verify", "publish"} <= set(report.timings)
    for stage in report.timings:
        entry = CATALOG[f"site.stage.{stage}"]
        assert entry[0] and entry[2] and entry[0] != entry[2]


def test_clerk_guide_is_published_with_its_screenshots(demo_site: DemoSite) -> None:
    source = guide_dir().joinpath(GUIDE_FILE).read_text("utf-8")
    page = (demo_site.site / "panduan" / "index.html").read_text("utf-8")
    for heading in re.findall(r"^## (.+)$", source, re.M):
        assert heading.split(":")[0].split("`")[0].strip() in page, heading
    images = re.findall(r"!\[[^\]]*\]\((gambar/[^)]+\.png)\)", source)
    assert images, "the guide shows no screenshots"
    for rel in images:
        published = demo_site.site / "panduan" / rel
        assert published.is_file() and published.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", rel
        assert f'src="{rel}"' in page or f'src="../panduan/{rel}"' in page, rel
    assert 'href="panduan/"' in (demo_site.site / "index.html").read_text("utf-8")  # in the navigation


def test_no_build_machine_path_is_published(demo_site: DemoSite) -> None:
    # The fixture names the archive by its absolute path; findings must still read records/….
    machine = str(demo_site.archive.parent)
    for path in demo_site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".txt"):
            assert machine not in unescape(path.read_text("utf-8", errors="replace")), path
    assert "records/kasus/20" in unescape((demo_site.site / "temuan" / "index.html").read_text("utf-8"))


# --------------------------------------------------------------------------- reading the pages


def _export(site: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads((site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]
    return rows


def _soup(site: Path, url: str) -> str:
    """A page's HTML with its character references resolved (the site writes "/" and "-" in
    addresses as references, which a browser reads as the characters)."""
    return unescape((site / url / "index.html").read_text("utf-8"))


def _cases_linked(html: str) -> set[str]:
    return set(re.findall(r'href="[./]*kasus/\d{4}/([\w-]+)/"', html))


def test_home_leads_with_compliance_each_count_a_link_to_its_cases(demo_site: DemoSite) -> None:
    site = demo_site.site
    rows = _export(site)
    html = _soup(site, "")
    summary = html.split('<ul class="ringkasan-kepatuhan">', 1)[1].split("</ul>", 1)[0]
    assert html.index("ringkasan-kepatuhan") < html.index('id="temuan-terbuka"')  # the first screen
    expected = {
        "jelajah/kepatuhan/tidak-sesuai/": {r["id"] for r in rows if r["galat"]},
        "jelajah/koleksi/tidak-terverifikasi/": {r["id"] for r in rows if r["persetujuan_tidak_terverifikasi"]},
        "jelajah/koleksi/diubah-setelah-disetujui/": {r["id"] for r in rows if r["diubah_setelah_disetujui"]},
        "jelajah/koleksi/dokumen-kurang/": {r["id"] for r in rows if not r["dokumen_lengkap"]},
    }
    links = re.findall(r'<a href="([^"]+)"><strong>(\d+)</strong>', summary)
    assert [href for href, _ in links] == list(expected)
    for href, count in links:
        assert int(count) == len(expected[href]) > 0, href
        assert _cases_linked(_soup(site, href)) == expected[href], href  # the list holds exactly those cases
    # Each case that broke the SOP is one click from home, with what broke it.
    broken = html.split('id="kasus-tidak-sesuai-sop"', 1)[1].split("</table>", 1)[0]
    assert _cases_linked(broken) == expected["jelajah/kepatuhan/tidak-sesuai/"]
    assert "persetujuan tidak terverifikasi" in broken and "diubah setelah disetujui" in broken


def test_lists_lead_with_their_counts_and_carry_what_the_filters_match(demo_site: DemoSite) -> None:
    site = demo_site.site
    rows = {r["id"]: r for r in _export(site)}
    html = _soup(site, "jelajah/tahun/2026")
    assert re.search(r'<a href="\?kepatuhan=galat"><strong>3</strong> dari 9 kasus tidak sesuai SOP', html)
    assert '<form class="saring" data-saring="kasus" hidden>' in html  # shown by situs.js
    found = re.findall(
        r'<tr data-kepatuhan="([^"]*)" data-status="([^"]*)" data-kecamatan="([^"]*)" data-tahun="(\d+)">'
        r'<td data-label="Kasus"><a class="id" href="[./]*kasus/\d{4}/([\w-]+)/"',
        html,
    )
    assert len(found) == 9
    for tags, status, kecamatan, _year, case in found:
        row = rows[case]
        assert ("galat" in tags.split()) == bool(row["galat"]) and ("sesuai" in tags.split()) == (not row["galat"])
        assert ("tidak-terverifikasi" in tags.split()) == row["persetujuan_tidak_terverifikasi"]
        assert ("diubah" in tags.split()) == row["diubah_setelah_disetujui"]
        assert status == row["status"] and unescape(kecamatan) == row["kecamatan"]
    assert 'class="tabel-gulir" role="region"' in html and 'tabindex="0"' in html  # a frame that scrolls


def test_findings_page_is_wide_and_filterable_by_level_case_kecamatan_and_code(demo_site: DemoSite) -> None:
    html = _soup(demo_site.site, "temuan")
    assert "md-sidebar--primary" not in html or 'data-md-type="navigation" hidden' in html
    findings = json.loads((demo_site.site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    rows = re.findall(
        r'<tr class="tingkat-(\w+)" data-tingkat="\w+" data-kasus="([^"]*)" '
        r'data-kecamatan="([^"]*)" data-kode="([^"]*)">',
        html,
    )
    assert len(rows) == len(findings)
    assert {unescape(code) for *_, code in rows} == {f["code"] for f in findings}
    by_case = {r["id"]: r["kecamatan"] for r in _export(demo_site.site)}
    for _, case, kecamatan, _ in rows:
        assert unescape(kecamatan) == by_case[unescape(case)]
    for name in ("tingkat", "kasus", "kecamatan", "kode"):
        assert f'<select name="{name}">' in html, name
    assert html.count('<code class="kode">') == len(findings)  # codes set so they never break


def test_export_page_names_its_columns_as_they_are(demo_site: DemoSite) -> None:
    p = page(demo_site.site, "ekspor")
    assert "sop_nomor" in p.text and "persetujuan_tidak_terverifikasi" in p.text
    assert "&#95;" not in p.text and "&amp;" not in p.text


def test_guide_code_blocks_are_blocks(demo_site: DemoSite) -> None:
    html = _soup(demo_site.site, "panduan")
    blocks = re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", html, re.S)
    assert any("git config user.name" in unescape(b) for b in blocks)
    assert not re.search(r"<code>sh\b", html) and "<p><code>sh" not in html


def test_case_page_reads_like_a_document(demo_site: DemoSite) -> None:
    site = demo_site.site
    url = case_url(site, "2026-02-cadassari-lsl6")
    html = _soup(site, url)
    text = page(site, url).text
    assert "23 Februari 2026 s.d. 12 Maret 2026" in text  # dates in words
    assert not re.search(
        r"\b20\d\d-\d\d-\d\d\b", re.sub(r"[\w/-]+\.(pdf|jpe?g|yaml)\b|20\d\d-\d\d-[a-z][\w-]+", "", text)
    )
    assert 'datetime="2026-02-23"' in html  # the ISO date is still there for machines
    # Identifiers short, the full value in the tooltip and copied by a click.
    full = re.findall(r'data-salin="([0-9a-f]{40})" title="id commit \1', html)
    assert len(full) >= 9
    assert re.search(r"<code>[0-9a-f]{10}…</code>", html)
    assert re.search(
        r'data-salin="([0-9a-f]{64})" title="sidik SHA-256 \1 \(klik untuk menyalin\)"><code>[0-9a-f]{12}…', html
    )
    # The SK replaced after approval: its file is there, and changed; the row says so.
    row = html.split('id="kelengkapan"', 1)[1].split("</tr>", 4)[3]
    assert "berkas berubah sejak dicatat" in row and "✗ kurang" not in row
    assert "isi berubah sejak dicatat" in row and 'href="berkas/' in row
    # The verdict's parts each lead to where the page shows them.
    verdict = html.split('class="putusan tidak-sesuai"', 1)[1].split("</p>", 1)[0]
    assert 'href="#temuan"' in verdict and 'href="#jejak-persetujuan"' in verdict and 'href="#kelengkapan"' in verdict


def test_sop_page_shows_the_pdfs_own_flowchart(demo_site: DemoSite) -> None:
    from sop_kit import open_archive
    from sop_kit.views.flowchart import flowchart_pages

    sop = open_archive(demo_site.archive).sops[("61.1.D.049/I/2020", 0)]
    html = _soup(demo_site.site, "sop/61-1-d-049-i-2020-rev0")
    pictures = flowchart_pages(sop)  # what sop_kit.pdf.documents puts in the SOP's PDF
    for picture in pictures:
        assert picture.svg.strip() in html
    diagram = html.split('class="diagram-alir"', 1)[1].split("</div>", 1)[0]
    assert diagram.count("<svg") == len(pictures)
    for word in ("Mutu Baku", "Kelengkapan", "Output", "Keterangan", "Kepala Bidang", "Kualitas Keluarga"):
        assert word in diagram, word
    assert "Kasi PKK" not in diagram and "Kabid" not in diagram


def test_sop_page_tables_are_styled_and_complete(demo_site: DemoSite) -> None:
    html = _soup(demo_site.site, "sop/61-1-d-049-i-2020-rev0")
    text = page(demo_site.site, "sop/61-1-d-049-i-2020-rev0").text
    for cls in ("riwayat-revisi", "praktik", "praktik-dokumen", "langkah-sop"):
        assert f'<table class="tabel {cls}">' in html, cls
        frame = html.split(f'<table class="tabel {cls}">', 1)[0].rsplit("<div", 1)[1]
        assert 'class="tabel-gulir"' in frame, cls  # scrolls inside a visible frame when narrow
    steps = html.split('<table class="tabel langkah-sop">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">Output</th>' in steps and '<th scope="col">Keterangan</th>' in steps
    assert "Terkumpulnya data lokasi/daerah rawan ketahanan keluarga" in unescape(steps).replace("&#47;", "/")
    assert "NIP 19650612 198703 1 007" in text and "Januari 2020" in text


def test_search_reads_clean_titles_and_no_glued_metadata(demo_site: DemoSite) -> None:
    """What Pagefind indexes of a case page: a title without "¶", and the filters and ranking
    fields in an element it reads for metadata only, so no excerpt starts with them."""
    html = _soup(demo_site.site, case_url(demo_site.site, CASE))
    body = html.split("data-pagefind-body>", 1)[1]
    meta = body.split("</div>", 1)[0]
    assert meta.startswith("\n<div hidden data-pagefind-ignore>")
    assert f'<span data-pagefind-meta="title">Kasus {CASE} — Cilalawi</span>' in meta
    for name in ("Tahun", "Kecamatan", "Status"):
        assert f'data-pagefind-filter="{name}"' in meta
    for name in ("kasus", "sk", "petugas", "tempat"):
        assert f'data-pagefind-meta="{name}"' in meta
    assert "400.9/Kep.2/DSP3A/2026" in meta and "400.9/2/DSP3A/2026" in meta  # its SK and letter
    cari = _soup(demo_site.site, "cari")
    assert "Cibening" in unescape(cari.split('data-tempat="', 1)[1].split('"', 1)[0]).split("|")
