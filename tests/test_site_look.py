"""How every kind of page looks, in a real browser at a laptop's 1366×900 and a phone's
390×844: nothing runs off the screen outside a scroll frame (measured with scrollWidth and
each element's box), no element covers another, no console error, no serious or critical
accessibility violation (axe-core, vendored in tests/vendor/axe-core), and a screenshot of
each page in ``site-shots/`` for CI to keep (SOP_KIT_SITE_SHOTS moves it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.browser import viewport, wait
from tests.conftest import REPO

SHOTS = Path(os.environ.get("SOP_KIT_SITE_SHOTS", REPO / "site-shots"))
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"laptop": (1366, 900), "ponsel": (390, 844)}
PAGES = {  # page type: (address, what shows it is ready)
    "beranda": ("", ".ringkasan-kepatuhan"),
    "daftar": ("jelajah/tahun/2026/", "form.saring:not([hidden])"),
    "kasus-bertemuan": ("kasus/2026/2026-02-cadassari-lsl6/", ".putusan.tidak-sesuai"),
    "temuan": ("temuan/", "form.saring:not([hidden])"),
    "cari": ("cari/?q=keluarga", ".pagefind-ui__result-link"),
    "sop": ("sop/61-1-d-049-i-2020-rev0/", ".diagram-alir svg"),
    "panduan": ("panduan/", "article pre"),
    "ekspor": ("ekspor/", "table.tabel"),
}

LOOK = REPO / "tests" / "look.js"  # what is measured in the page: overflow, overlaps, spill, labels


def open_page(browser: Any, site: str, page: str, size: str, scheme: str = "default") -> None:
    url, ready = PAGES[page]
    viewport(browser, *WIDTHS[size])
    browser.get_log("browser")  # what earlier pages said is theirs
    browser.get(site + url)
    if scheme != "default":
        browser.execute_script("document.body.setAttribute('data-md-color-scheme', arguments[0])", scheme)
    wait(browser, ready)
    browser.execute_async_script("const done = arguments[0]; document.fonts.ready.then(() => done())")
    if page == "cari":  # the filter panel opened, as a reader would use it
        for summary in browser.find_elements("css selector", ".pagefind-ui__filter-name"):
            summary.click()
        browser.execute_script("window.scrollTo(0, 0)")  # clicking scrolled the page under the fixed header
    settle(browser)


def settle(browser: Any) -> None:
    """Until no transition runs (Material fades its header title and tabs as the page scrolls)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.getAnimations().length === 0"))


def axe(browser: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    browser.execute_script(AXE.read_text("utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]))"
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def shot(browser: Any, name: str) -> Path:
    """The whole page (up to 6000 px), as the reader scrolls through it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    width, height = browser.execute_script("return [window.innerWidth, window.innerHeight]")
    full = min(6000, browser.execute_script("return document.documentElement.scrollHeight"))
    viewport(browser, width, full)
    target = SHOTS / f"{name}.png"
    assert browser.save_screenshot(str(target))
    viewport(browser, width, height)
    return target


@pytest.mark.parametrize("size", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_page_looks_right(browser: Any, site: str, page: str, size: str) -> None:
    open_page(browser, site, page, size)
    width = WIDTHS[size][0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    measured = browser.execute_script(LOOK.read_text("utf-8"))
    assert measured["overflow"] == []
    assert measured["overlaps"] == []
    assert measured["spill"] == []
    assert measured["labels"] == []
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert axe(browser) == []
    target = shot(browser, f"{page}-{width}")
    with Image.open(target) as picture:
        assert picture.width == width
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 50  # a rendered page, not a blank one


@pytest.mark.parametrize("size", WIDTHS)
def test_search_reads_in_the_dark_scheme(browser: Any, site: str, size: str) -> None:
    """Pagefind in Material's dark scheme: its colours follow, and stay readable."""
    open_page(browser, site, "cari", size, scheme="slate")
    colours = browser.execute_script(
        "const q = s => getComputedStyle(document.querySelector(s));"
        "return [q('body').backgroundColor, q('.pagefind-ui__search-input').backgroundColor,"
        " q('.pagefind-ui__result-link').color, q('.pagefind-ui__filter-name').color]"
    )
    page, field, link, filters = colours
    assert field == page != "rgb(255, 255, 255)", colours  # the input is not a white box on a dark page
    assert link != filters and filters != "rgb(0, 0, 0)", colours
    assert axe(browser) == []
    shot(browser, f"cari-gelap-{WIDTHS[size][0]}")
