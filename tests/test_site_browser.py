"""The demo site in a real browser: Debian's Chromium, headless, driven by Selenium through
Debian's chromedriver, against the site served on localhost.

Without Chromium these tests skip on a developer's machine and fail in CI (CI=true), where
`.ci/run` installs it: a skipped browser test must never pass CI.
"""

from __future__ import annotations

import os
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sop_kit.site.serve import make_server
from tests.conftest import REPO, DemoSite

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CASE = "2026-01-cilalawi-kf5h"
ARTIFACTS = Path(os.environ.get("SOP_KIT_TEST_ARTIFACTS", REPO / "test-artifacts"))


@pytest.fixture(scope="module")
def served(demo_site: DemoSite) -> Iterator[str]:
    server = make_server(demo_site.site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not try to download a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver: Any, css: str, timeout: float = 20) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css) or False)


def _natural_width(driver: Any, img: Any) -> int:
    """Once the image has loaded (lazy images load when shown): its width, 0 if broken."""
    script = (
        "const [i, done] = arguments;"
        "if (i.complete && i.naturalWidth) { done(i.naturalWidth); return; }"
        "i.addEventListener('load', () => done(i.naturalWidth)); i.addEventListener('error', () => done(0));"
    )
    return int(driver.execute_async_script(script, img))


@pytest.mark.parametrize(
    "query",
    ["Cilalawi", "Sukatani", CASE, "400.9/Kep.2/DSP3A/2026", "Agus Permana", "perkawinan usia anak"],
)
def test_search_finds_the_case(browser: Any, served: str, query: str) -> None:
    from urllib.parse import quote

    browser.get(f"{served}cari/?q={quote(query)}")
    links = _wait(browser, ".pagefind-ui__result-link")
    hrefs = [a.get_attribute("href") for a in links]
    assert any(CASE in (h or "") for h in hrefs), (query, hrefs)


def test_search_result_opens_the_case_page(browser: Any, served: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served}cari/")
    box = _wait(browser, ".pagefind-ui__search-input")[0]
    box.send_keys("Cilalawi")
    link = next(a for a in _wait(browser, ".pagefind-ui__result-link") if CASE in (a.get_attribute("href") or ""))
    link.click()
    heading = _wait(browser, "article h1")[0]
    assert CASE in browser.current_url and CASE in heading.text
    assert browser.find_elements(By.CSS_SELECTOR, ".galeri img")


def test_gallery_lightbox_and_pdf_links_resolve(browser: Any, served: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served}kasus/2026/{CASE}/")
    thumbs = _wait(browser, ".galeri img")
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


def test_dashboard_screenshot(browser: Any, served: str) -> None:
    browser.get(served)
    _wait(browser, "article h1")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "dasbor.png"
    browser.set_window_size(1400, 2200)
    assert browser.save_screenshot(str(target))
    with Image.open(target) as shot:
        assert shot.width >= 1000
        colours = shot.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50  # a rendered page, not a blank one


def test_findings_table_sorts_by_a_clicked_column(browser: Any, served: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served}temuan/")
    header = next(th for th in _wait(browser, "table[data-sortable] th") if th.text == "Kasus")
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
