"""The search page over many bundles, in a real browser: a query loads only the case bundles
it needs (theme/assets/sop-kit/cari/pagefind.js), says how much it searched, and searches
the rest on request. The shipped archive's 18 cases are spread over 16 bundles here (a
bundle may hold 2 cases instead of 125), the layout of a 10,000-case archive in miniature."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sop_kit.site import search as search_module
from sop_kit.site.build import SiteOptions
from sop_kit.site.serve import make_server
from tests.browser import viewport
from tests.conftest import REPO, site_build

CASE = "2026-01-cilalawi-kf5h"
LONE = "2026-05-cisalada-f4kt"  # the only case in Cisalada


IDS = sorted(p.name for p in (REPO / "records" / "kasus").glob("*/*") if p.is_dir())


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("situs-berbagian")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "PER_BUNDLE", 2)
        assert search_module.bundle_count(len(IDS)) == 16
        site_build(REPO / "records", SiteOptions(out=base / "site", cache_dir=base / "cache", pdf=False))
    assert sorted(p.name for p in (base / "site" / "pagefind").iterdir()) == sorted(layout_of())
    # Served with every path requested noted: Pagefind fetches its index from a web worker,
    # whose requests the page's own performance entries do not list.
    server = make_server(base / "site", port=0)
    handler = server.RequestHandlerClass
    assert isinstance(handler, functools.partial)

    class Noted(handler.func):  # type: ignore[name-defined,misc]
        def log_request(self, *args: Any) -> None:
            REQUESTED.append(self.path)

    server.RequestHandlerClass = functools.partial(Noted, *handler.args, **handler.keywords)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


REQUESTED: list[str] = []


def layout_of() -> dict[str, list[str]]:
    return search_module.bundles(IDS, 16)


@pytest.fixture(scope="module")
def layout(many: str) -> dict[str, list[str]]:
    return layout_of()


@pytest.fixture(autouse=True)
def laptop(browser: Any) -> None:
    viewport(browser, 1366, 900)


def _search(browser: Any, url: str) -> dict[str, Any]:
    """Open ``url`` (the search page), wait until Pagefind has answered, and return what it
    shows and which case bundles the browser fetched."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    REQUESTED.clear()
    browser.get(url)
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script(
            "return (document.querySelector('.pagefind-ui__message') || {}).textContent"
            " && !document.querySelector('.pagefind-ui__loading')"
        )
    )
    seen = browser.execute_script(
        "const line = document.querySelector('.cakupan');"
        "return {message: document.querySelector('.pagefind-ui__message').textContent,"
        " links: Array.from(document.querySelectorAll('.pagefind-ui__result-link')).map(a => a.href),"
        " line: line.hidden ? '' : line.textContent,"
        " rest: line.hidden ? '' : line.querySelector('a').href}"
    )
    seen["bundles"] = {m.group(1) for m in (re.search(r"/pagefind/(kasus-\d\d)/", u) for u in REQUESTED) if m}
    seen["count"] = int(re.findall(r"\d+", seen["message"])[0])
    return dict(seen)


def test_the_miniature_has_many_bundles(layout: dict[str, list[str]]) -> None:
    assert len([b for b in layout if b != search_module.MAIN]) >= 8  # what the tests below rely on


def test_a_case_id_loads_its_own_bundle_only(browser: Any, many: str, layout: dict[str, list[str]]) -> None:
    own = search_module.bundle_of(CASE, 16)  # the build's hash; the page computes it again
    seen = _search(browser, f"{many}cari/?q={CASE}")
    assert any(f"/kasus/2026/{CASE}/" in href for href in seen["links"])
    assert seen["bundles"] == {own}, seen["bundles"]
    assert CASE in layout[own]
    # It says where it looked, and offers the rest: other cases' pages may name the id.
    assert seen["line"].startswith("Kasus ini ditemukan di bagian indeksnya sendiri")
    assert f"({len(layout[own])} dari 18 kasus)" in seen["line"] and "semua=1" in seen["rest"]
    every = _search(browser, seen["rest"])
    assert len(every["bundles"]) == len(layout) - 1 and any(f"/kasus/2026/{CASE}/" in h for h in every["links"])


def test_a_common_word_stops_at_a_first_screen_and_the_rest_is_one_click_away(
    browser: Any, many: str, layout: dict[str, list[str]]
) -> None:
    first = _search(browser, f"{many}cari/?q=keluarga")
    parts = len(layout) - 1
    assert first["count"] >= 10 and 0 < len(first["bundles"]) < parts, first
    assert "semua=1" in first["rest"] and "q=keluarga" in first["rest"]
    every = _search(browser, first["rest"])
    assert len(every["bundles"]) == parts and every["line"] == ""  # nothing left unsearched, nothing to say
    assert every["count"] > first["count"] and every["count"] >= 18


def test_a_rare_word_is_searched_for_in_every_bundle(browser: Any, many: str, layout: dict[str, list[str]]) -> None:
    own = search_module.bundle_of(LONE, 16)
    assert own != min(b for b in layout if b != search_module.MAIN)  # not in the first bundle merged
    seen = _search(browser, f"{many}cari/?q={quote('Cisalada')}")
    assert any(f"/kasus/2026/{LONE}/" in href for href in seen["links"]), seen
    assert len(seen["bundles"]) == len(layout) - 1 and seen["line"] == ""


def test_the_filter_panel_lists_every_value_of_the_archive_after_a_partial_search(
    browser: Any, many: str, layout: dict[str, list[str]]
) -> None:
    from selenium.webdriver.common.by import By

    seen = _search(browser, f"{many}cari/?q=keluarga")
    assert len(seen["bundles"]) < len(layout) - 1
    block = browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-block")[0]
    assert block.find_element(By.TAG_NAME, "summary").text == "Kecamatan"
    block.find_element(By.TAG_NAME, "summary").click()
    labels = [e.text for e in block.find_elements(By.CSS_SELECTOR, ".pagefind-ui__filter-label")]
    # The panel's values are the archive's (written into the page by the build), not only
    # those of the bundles this query searched.
    expected = sorted({_kecamatan(REPO / "records" / "kasus" / i[:4] / i) for i in IDS})
    searched = {_kecamatan(REPO / "records" / "kasus" / i[:4] / i) for b in seen["bundles"] for i in layout[b]}
    assert searched < set(expected)
    assert sorted(re.sub(r"\s*\(\d+\)$", "", t) for t in labels) == expected, labels


def _kecamatan(case: Path) -> str:
    import yaml

    return str(yaml.safe_load((case / "kasus.yaml").read_text("utf-8"))["lokasi"]["kecamatan"])
