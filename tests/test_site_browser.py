"""The demo site in a real browser (tests/browser.py): search, filters, sorting, the gallery,
and an inspector's way from the home page to each broken case. How every page looks is
tests/test_site_look.py."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sop_kit.site.build import SiteOptions
from tests.browser import served, viewport, wait, wait_for_search
from tests.conftest import BASE_ID, DemoSite, MakeArchive, site_build

CASE = "2026-01-cilalawi-kf5h"
# The irregular cases `sop-kit demo` plants (sop_kit/demo/build.py), by what an inspector reads.
PLANTED = {
    "2026-01-ciseureuh-h7oz": "persetujuan tidak terverifikasi",  # approval without a signature
    "2026-02-cadassari-lsl6": "diubah setelah disetujui",  # SK replaced after approval
    "2026-02-campakasari-5jgz": "persetujuan tidak terverifikasi",  # decision signed with another's key
}


@pytest.fixture(autouse=True)
def laptop(browser: Any) -> None:
    viewport(browser, 1366, 900)


def _natural_width(driver: Any, img: Any) -> int:
    """Once the image has loaded (lazy images load when shown): its width, 0 if broken."""
    script = (
        "const [i, done] = arguments;"
        "if (i.complete && i.naturalWidth) { done(i.naturalWidth); return; }"
        "i.addEventListener('load', () => done(i.naturalWidth)); i.addEventListener('error', () => done(0));"
    )
    return int(driver.execute_async_script(script, img))


def search(browser: Any, site: str, query: str, extra: str = "") -> list[dict[str, Any]]:
    """Open the search page for ``query`` and return its results once Pagefind has answered
    and loaded every result shown: each one's link, title, excerpt and sub-result titles."""
    browser.get(f"{site}cari/?q={quote(query)}{extra}")
    wait_for_search(browser)
    return list(
        browser.execute_script(
            "return Array.from(document.querySelectorAll('.pagefind-ui__result')).map(r => ({"
            "href: r.querySelector('.pagefind-ui__result-link').href,"
            "title: r.querySelector('.pagefind-ui__result-link').textContent,"
            "excerpt: (r.querySelector('.pagefind-ui__result-excerpt') || {textContent: ''}).textContent,"
            "subs: Array.from(r.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link'))"
            ".map(a => a.textContent)}))"
        )
    )


def shown(browser: Any, table: str) -> list[Any]:
    """The rows of ``table`` a filter leaves visible."""
    from selenium.webdriver.common.by import By

    return [r for r in browser.find_elements(By.CSS_SELECTOR, f"{table} tbody tr") if r.is_displayed()]


# --------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    "query",
    ["Cilalawi", "Sukatani", CASE, "400.9/Kep.2/DSP3A/2026", "Agus Permana", "perkawinan usia anak"],
)
def test_search_finds_the_case(browser: Any, site: str, query: str) -> None:
    hrefs = [r["href"] for r in search(browser, site, query)]
    assert any(CASE in h for h in hrefs), (query, hrefs)


@pytest.mark.parametrize("query", [CASE, "400.9/Kep.2/DSP3A/2026", "400.9/2/DSP3A/2026"])
def test_an_exact_identifier_finds_its_case_and_nothing_else(browser: Any, site: str, query: str) -> None:
    results = search(browser, site, query)
    assert [CASE in r["href"] for r in results] == [True], (query, results)  # no SOP page that shares a digit


@pytest.mark.parametrize("query", ["2026-01", "2026-01-ci"])
def test_the_beginning_of_a_case_id_finds_the_cases_whose_id_starts_so(browser: Any, site: str, query: str) -> None:
    ids = sorted(
        {m.group(0) for r in search(browser, site, query) if (m := re.search(r"\d{4}-\d{2}-[a-z0-9-]+", r["href"]))}
    )
    assert ids == ["2026-01-cilalawi-kf5h", "2026-01-ciseureuh-h7oz"], (query, ids)


def test_a_staff_name_finds_only_the_cases_it_appears_in(browser: Any, site: str, demo_site: DemoSite) -> None:
    results = search(browser, site, "Budi Santoso")
    assert results and all("/kasus/" in r["href"] for r in results), results
    for r in results:
        page = (demo_site.site / r["href"].split(site, 1)[1] / "index.html").read_text("utf-8")
        assert "Budi Santoso" in page, r["href"]


@pytest.mark.parametrize(
    ("typo", "case"), [("cibenning", "2025-08-cibening-dhaq"), ("campakasary", "2026-02-campakasari")]
)
def test_a_misspelt_place_finds_its_case_and_says_so(browser: Any, site: str, typo: str, case: str) -> None:
    results = search(browser, site, typo)
    assert results and case in results[0]["href"], results
    note = browser.execute_script("return document.querySelector('.koreksi').textContent")
    assert typo in note and "Cari persis" in note
    search(browser, site, typo, "&persis=1")  # the note's link: the word as typed, not read as a place
    assert browser.execute_script("return document.querySelector('.koreksi').hidden")
    assert search(browser, site, "cibenning", "&persis=1") == []


def test_results_read_as_clean_text(browser: Any, site: str) -> None:
    results = search(browser, site, "cibening")
    assert results
    for r in results:
        assert "¶" not in r["title"] and not any("¶" in s for s in r["subs"]), r
        assert r["title"].startswith("Kasus 2025-08-cibening-dhaq"), r
        # No filter value or metadata glued in front of the text ("2025Bungursariselesai…").
        assert not re.search(r"\d{4}[A-Z]|[a-z][A-Z][a-z]+selesai|^\d{4}", r["excerpt"]), r["excerpt"]


def test_search_filters_open_cleanly(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    search(browser, site, "keluarga")
    panel = browser.find_element(By.CSS_SELECTOR, ".pagefind-ui__filter-panel")
    blocks = panel.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-block")
    assert [b.find_element(By.TAG_NAME, "summary").text for b in blocks] == ["Kecamatan", "Status", "Tahun"]
    style = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.borderTopWidth, s.borderLeftWidth]", panel
    )
    assert style == ["0px", "0px"]  # no browser frame around the panel
    # Closed, the three rows sit at the panel's top, compact, with nothing drawn around them.
    rows = sum(b.rect["height"] for b in blocks)
    assert rows < 160 and blocks[0].rect["y"] - panel.rect["y"] < 40, (panel.rect, rows)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", panel) == "rgba(0, 0, 0, 0)"
    icon = browser.execute_script(
        "return getComputedStyle(arguments[0], '::before').content", blocks[0].find_element(By.TAG_NAME, "summary")
    )
    assert icon in ("none", "normal")  # Material's admonition icon is gone
    blocks[0].find_element(By.TAG_NAME, "summary").click()
    assert blocks[0].get_attribute("open") is not None
    boxes = blocks[0].find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-checkbox")
    labels = blocks[0].find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-label")
    assert boxes and len(boxes) == len(labels)
    for box, label in zip(boxes, labels, strict=True):
        assert box.is_displayed() and box.rect["width"] >= 10 and box.rect["height"] >= 10
        assert box.rect["x"] + box.rect["width"] <= label.rect["x"]  # the box beside its label, not over it
        assert (
            panel.rect["x"] <= box.rect["x"]
            and label.rect["x"] + label.rect["width"] <= panel.rect["x"] + panel.rect["width"] + 1
        )
    labels[1].click()  # filtering works: a kecamatan narrows the results
    wait(browser, ".pagefind-ui__filter-value--checked")
    assert browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result")


def test_search_result_opens_the_case_page(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}cari/")
    box = wait(browser, ".pagefind-ui__search-input")[0]
    box.send_keys("Cilalawi")
    link = next(a for a in wait(browser, ".pagefind-ui__result-link") if CASE in (a.get_attribute("href") or ""))
    link.click()
    heading = wait(browser, "article h1")[0]
    assert CASE in browser.current_url and CASE in heading.text
    assert browser.find_elements(By.CSS_SELECTOR, ".galeri img")


# --------------------------------------------------------------------------- pages


def test_irregular_cases_are_at_most_two_clicks_from_home(browser: Any, site: str) -> None:
    """The closing note's walk-through, clicked: each planted case from the home page, once
    by its row in "Kasus tidak sesuai SOP" and once through its count."""
    from selenium.webdriver.common.by import By

    for case, reason in PLANTED.items():
        browser.get(site)
        browser.find_element(By.CSS_SELECTOR, f'table.daftar-kasus a[href$="{case}/"]').click()  # click 1
        verdict = wait(browser, ".putusan.tidak-sesuai")[0]
        assert case in browser.current_url and reason in verdict.text, (case, verdict.text)

        browser.get(site)
        count = next(a for a in browser.find_elements(By.CSS_SELECTOR, ".ringkasan-kepatuhan a") if reason in a.text)
        count.click()  # click 1: the filtered list
        rows = [r for r in browser.find_elements(By.CSS_SELECTOR, "table.daftar-kasus tbody tr") if r.is_displayed()]
        assert rows and all(reason in r.text for r in rows), [r.text for r in rows]
        rows[[case in r.text for r in rows].index(True)].find_element(By.CSS_SELECTOR, "a.id").click()  # click 2
        assert case in browser.current_url and reason in wait(browser, ".putusan")[0].text


def test_a_count_filters_its_own_list(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}jelajah/tahun/2026/")
    everything = len(shown(browser, "table.daftar-kasus"))
    assert everything == 9
    next(
        a for a in browser.find_elements(By.CSS_SELECTOR, ".ringkasan-kepatuhan a") if "tidak sesuai SOP" in a.text
    ).click()
    assert "?kepatuhan=galat" in browser.current_url
    assert sorted(r.find_element(By.CSS_SELECTOR, "a.id").text for r in shown(browser, "table.daftar-kasus")) == sorted(
        c for c in PLANTED
    )
    form = browser.find_element(By.CSS_SELECTOR, "form.saring")
    assert "3 dari 9" in form.find_element(By.TAG_NAME, "output").text
    search_box = form.find_element(By.NAME, "q")
    browser.execute_script(
        "arguments[0].value = ''; arguments[1].value = ''", search_box, form.find_element(By.NAME, "kepatuhan")
    )
    search_box.send_keys("Tegalwaru")
    assert [r.find_element(By.CSS_SELECTOR, "a.id").text for r in shown(browser, "table.daftar-kasus")] == [
        "2026-02-cadassari-lsl6"
    ]


def test_findings_filter_by_level_case_kecamatan_and_code(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(f"{site}temuan/")
    form = wait(browser, "form.saring")[0]
    total = len(shown(browser, "table.daftar-temuan"))
    Select(form.find_element(By.NAME, "tingkat")).select_by_visible_text("galat")
    assert 0 < len(shown(browser, "table.daftar-temuan")) < total and all(
        r.find_element(By.CSS_SELECTOR, "td.tingkat").text == "galat" for r in shown(browser, "table.daftar-temuan")
    )
    Select(form.find_element(By.NAME, "kecamatan")).select_by_visible_text("Tegalwaru")
    assert {r.get_attribute("data-kasus") for r in shown(browser, "table.daftar-temuan")} == {"2026-02-cadassari-lsl6"}
    Select(form.find_element(By.NAME, "kode")).select_by_visible_text("file.hash_mismatch")
    assert len(shown(browser, "table.daftar-temuan")) == 1
    Select(form.find_element(By.NAME, "tingkat")).select_by_visible_text("semua")
    Select(form.find_element(By.NAME, "kecamatan")).select_by_visible_text("semua")
    Select(form.find_element(By.NAME, "kode")).select_by_visible_text("semua")
    Select(form.find_element(By.NAME, "kasus")).select_by_visible_text("2026-01-ciseureuh-h7oz")
    assert [r.get_attribute("data-kode") for r in shown(browser, "table.daftar-temuan")] == ["trail.unverified"]


def test_findings_table_sorts_by_a_clicked_column(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}temuan/")
    header = next(th for th in wait(browser, "table[data-sortable] th") if th.text == "Kasus")
    header.click()
    cases = [
        row.find_elements(By.TAG_NAME, "td")[1].text
        for row in browser.find_elements(By.CSS_SELECTOR, "table[data-sortable] tbody tr")
    ]
    assert (
        len(cases) > 3
        and cases == sorted(cases, key=lambda c: c.lower())
        and header.get_attribute("aria-sort") == "ascending"
    )
    header.click()
    again = [
        row.find_elements(By.TAG_NAME, "td")[1].text
        for row in browser.find_elements(By.CSS_SELECTOR, "table[data-sortable] tbody tr")
    ]
    assert again == sorted(cases, key=lambda c: c.lower(), reverse=True)


def test_codes_and_identifiers_never_break_inside(browser: Any, site: str) -> None:
    """At 390 px as at 1366 px: a finding's code, a case id, a commit id and a date each
    stay on one line."""
    for width in (1366, 390):
        viewport(browser, width, 900)
        for url, css in (
            ("temuan/", "code.kode"),
            ("temuan/", "a.id"),
            ("kasus/2026/2026-02-cadassari-lsl6/", "button.salin"),
            ("kasus/2026/2026-02-cadassari-lsl6/", "time .nowrap"),
        ):
            browser.get(site + url)
            lines = browser.execute_script(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.getClientRects().length)", css
            )
            assert lines and set(lines) - {0} == {1}, (width, url, css, lines)  # 0: not shown (a closed lightbox)


def test_a_step_file_name_wider_than_a_phone_card_breaks_at_its_hyphens(
    browser: Any, make_archive: MakeArchive, tmp_path: Path
) -> None:
    """The name `sop-kit step` gives a later round's record (05-koordinasi-pemerintah-putaran-2.yaml)
    is wider than a card at 390 px: its finding's file stays inside the card, on the findings
    page and the case page, and the page does not scroll sideways."""
    root = make_archive(overlay="round-sent-back-ok")
    steps = root / "kasus" / "2026" / BASE_ID / "langkah"
    step = steps / "05-koordinasi-pemerintah-putaran-2.yaml"
    (steps / "05-koordinasi.yaml").rename(step)
    step.write_text(step.read_text("utf-8").replace("selesai: 2026-03-09 12:00", "selesai: 2026-03-20 12:00"))
    out = tmp_path / "site"
    site_build(root, SiteOptions(out=out, cache_dir=tmp_path / "cache", pdf=False))
    viewport(browser, 390, 844)
    with served(out) as url:
        for page in ("temuan/", f"kasus/2026/{BASE_ID}/"):
            browser.get(url + page)
            cells = browser.execute_script(
                "return [...document.querySelectorAll('td.berkas')].filter(td => td.textContent.includes("
                "'koordinasi-pemerintah')).map(td => [td.scrollWidth, td.clientWidth])"
            )
            assert cells and all(scroll <= client for scroll, client in cells), (page, cells)
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 390, page


def test_commit_ids_and_hashes_are_short_with_the_full_value_at_hand(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}kasus/2026/{CASE}/")
    buttons = browser.find_elements(By.CSS_SELECTOR, "button.salin")
    commits = [b for b in buttons if re.fullmatch(r"[0-9a-f]{40}", b.get_attribute("data-salin") or "")]
    hashes = [b for b in buttons if re.fullmatch(r"[0-9a-f]{64}", b.get_attribute("data-salin") or "")]
    assert commits and hashes
    for b in commits + hashes:
        full = b.get_attribute("data-salin")
        assert full in b.get_attribute("title")  # on hover
        assert b.text == full[: len(b.text) - 1] + "…" and len(b.text) <= 13


def test_recorded_trail_rows_are_not_red(browser: Any, site: str) -> None:
    """Only an approval can fail verification: "kasus dibuat" and recorded steps read plainly."""
    from selenium.webdriver.common.by import By

    browser.get(f"{site}kasus/2026/{CASE}/")
    created = next(
        r for r in browser.find_elements(By.CSS_SELECTOR, "table.jejak tbody tr") if "kasus dibuat" in r.text
    )
    body = browser.execute_script("return getComputedStyle(document.querySelector('article')).color")
    for cell in created.find_elements(By.TAG_NAME, "td"):
        assert browser.execute_script("return getComputedStyle(arguments[0]).color", cell) == body, cell.text
    assert "tidak terverifikasi" not in created.text.lower() and created.get_attribute("class") == "catatan"


def test_gallery_lightbox_and_pdf_links_resolve(browser: Any, site: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{site}kasus/2026/{CASE}/")
    thumbs = wait(browser, ".galeri img")
    assert len(thumbs) == 3
    for img in thumbs:  # loaded: a broken image has no natural width
        browser.execute_script("arguments[0].scrollIntoView()", img)
        assert _natural_width(browser, img) > 0
    lightbox = browser.find_element(By.ID, "foto-1")
    assert not lightbox.is_displayed()
    browser.find_element(By.CSS_SELECTOR, '.galeri a[href="#foto-1"]').click()
    assert lightbox.is_displayed()
    assert _natural_width(browser, lightbox.find_element(By.TAG_NAME, "img")) > 360  # the full copy
    pdfs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href$='.pdf']")]
    assert any("berkas-pembinaan" in h for h in pdfs)
    for href in pdfs:
        with urllib.request.urlopen(href, timeout=10) as response:
            assert response.status == 200 and response.read(5) == b"%PDF-", href
