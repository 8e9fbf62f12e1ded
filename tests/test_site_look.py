"""How every kind of page looks, in a real browser at a laptop's 1366×900 and a phone's
390×844: nothing runs off the screen outside a scroll frame (measured with scrollWidth and
each element's box), no element covers another, no console error, no serious or critical
accessibility violation (axe-core, vendored in tests/vendor/axe-core), and a screenshot of
each page in ``site-shots/`` for CI to keep (SOP_KIT_SITE_SHOTS moves it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.browser import chromium, served, viewport, wait
from tests.conftest import REPO, DemoSite

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

# Every box that has text or is a picture, outside Material's own chrome (its hidden search
# dialog, the drawer): what a reader sees.
# Every box that has text or is a picture (each line of an inline element its own box),
# outside Material's own chrome (its hidden search dialog, the topic that shows on scroll) and
# what is visually hidden for screen readers: what a reader sees.
LEAVES = """
const hidden = el => {
  for (let a = el; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
    if (s.clip !== 'auto' || (s.clipPath !== 'none' && s.clipPath !== '')) return true;
  }
  return false;
};
const boxes = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('.md-search, [hidden], .lightbox, svg *') || hidden(el)) continue;
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own && !['IMG', 'svg', 'INPUT', 'SELECT', 'BUTTON'].includes(el.tagName)) continue;
  // A box inside a scroll frame is seen only where the frame shows it.
  let clip = {left: -1e9, top: -1e9, right: 1e9, bottom: 1e9};
  for (let a = el.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (/(auto|scroll|hidden|clip)/.test(s.overflowX + s.overflowY)) {
      const c = a.getBoundingClientRect();
      clip = {left: Math.max(clip.left, c.left), top: Math.max(clip.top, c.top),
              right: Math.min(clip.right, c.right), bottom: Math.min(clip.bottom, c.bottom)};
    }
  }
  const parts = [];
  for (const r of el.getClientRects()) {
    const box = {left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top),
                 right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom)};
    if (box.right - box.left >= 2 && box.bottom - box.top >= 2) parts.push(box);
  }
  if (parts.length) boxes.push([el, parts]);
}
return boxes;
"""

OVERLAPS = (
    LEAVES.replace("return boxes;", "")
    + """
const found = [];
const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
  + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
// A control's own adornment (a search field's clear button) sits inside it by design.
const adornment = (a, b) => a.tagName === 'INPUT' && getComputedStyle(b).position === 'absolute' && a.parentElement.contains(b);
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const [a, pa] = boxes[i], [b, pb] = boxes[j];
    if (a.contains(b) || b.contains(a) || adornment(a, b) || adornment(b, a)) continue;
    const hit = pa.some(ra => pb.some(rb =>
      Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 3 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 3));
    if (hit) found.push(name(a) + ' / ' + name(b));
  }
}
return found.slice(0, 40);
"""
)

# An element whose box runs past the right edge of the screen, unless a scroll frame
# around it holds it.
OVERFLOW = """
const out = [];
const width = document.documentElement.clientWidth;
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= width + 1 || el.closest('[hidden], .md-search')) continue;
  let framed = false;
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (/(auto|scroll|hidden|clip)/.test(s.overflowX) && a.getBoundingClientRect().right <= width + 1) { framed = true; break; }
  }
  if (!framed && getComputedStyle(el).position !== 'fixed') out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
}
return out.slice(0, 10);
"""


@pytest.fixture(scope="module")
def site(demo_site: DemoSite) -> Iterator[str]:
    with served(demo_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-look")) as driver:
        yield driver


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
    assert browser.execute_script(OVERFLOW) == []
    assert browser.execute_script(OVERLAPS) == []
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
