"""The search page over many bundles, in a real browser: a query loads only the case bundles
it needs (theme/assets/sop-kit/cari/pagefind.js), says how much it searched, and searches
the rest on request. The shipped archive's 18 cases are spread over 16 bundles here (a
bundle may hold 2 cases instead of 125), the layout of a 10,000-case archive in miniature."""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sop_kit.site import search as search_module
from sop_kit.site.build import SiteOptions
from sop_kit.site.serve import make_server
from tests.browser import viewport, wait_for_search
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
    assert sorted(p.name for p in (base / "site" / "pagefind").iterdir() if p.is_dir()) == sorted(layout_of())
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
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    REQUESTED.clear()
    browser.get(url)
    wait_for_search(browser)
    seen = browser.execute_script(
        "const line = document.querySelector('.cakupan');"
        "return {message: document.querySelector('.pagefind-ui__message').textContent,"
        " links: Array.from(document.querySelectorAll('.pagefind-ui__result-link')).map(a => a.href),"
        " line: line.hidden ? '' : line.textContent,"
        " rest: line.hidden ? '' : line.querySelector('a').href}"
    )
    seen["bundles"] = {m.group(1) for m in (re.search(r"/pagefind/(kasus-\d\d)/", u) for u in REQUESTED) if m}
    counted = re.search(r"(\d+) hasil", seen["message"])  # "Ditemukan 12 hasil untuk …"; none: in words
    seen["count"] = int(counted.group(1)) if counted else 0
    assert counted or not seen["links"], seen["message"]
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


# --- a changed case between full builds: indexed with the SOP pages, its older version left out

OLD_WORD, NEW_WORD = "kalongwewe", "zebrakuda"  # in no record: each only in one version of CASE's note


def _set_note(records: Path, word: str) -> None:
    step = records / "kasus" / "2026" / CASE / "langkah" / "01-pengumpulan-data.yaml"
    text = step.read_text("utf-8")
    new = re.sub(r"^catatan: .*$", f"catatan: Data dihimpun; kata uji {word}.", text, count=1, flags=re.M)
    assert new != text
    step.write_text(new, "utf-8")


def _overlay_build(base: Path) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "PER_BUNDLE", 2)
        options = SiteOptions(out=base / "site", cache_dir=base / "cache", pdf=False)
        return site_build(base / "arsip" / "records", options)


def _inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in sorted(folder.rglob("*")) if p.is_file()}


def _pages(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return sum(lang["page_count"] for lang in entry["languages"].values())


@pytest.fixture(scope="module")
def overlaid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The shipped archive built in full with OLD_WORD in CASE's note, then again
    incrementally with NEW_WORD there instead; served."""
    base = tmp_path_factory.mktemp("situs-timpa")
    shutil.copytree(REPO / "records", base / "arsip" / "records")
    shutil.copy2(REPO / "sop-kit.yaml", base / "arsip" / "sop-kit.yaml")
    shutil.copytree(REPO / "kantor", base / "arsip" / "kantor")
    _set_note(base / "arsip" / "records", OLD_WORD)
    _overlay_build(base)
    own = base / "site" / "pagefind" / search_module.bundle_of(CASE, 16)
    before = _inodes(own)
    _set_note(base / "arsip" / "records", NEW_WORD)
    report = _overlay_build(base)
    assert not report.full
    assert _inodes(own) == before  # the case's own bundle was not indexed again
    server = make_server(base / "site", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", base
    finally:
        server.shutdown()
        server.server_close()


def _fragment_urls(bundle: Path) -> dict[str, str]:
    out = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        out[fragment.name.removesuffix(".pf_fragment")] = json.loads(data)["url"]
    return out


def test_a_changed_case_is_indexed_with_the_sop_pages_and_its_older_version_named(
    overlaid: tuple[str, Path],
) -> None:
    _, base = overlaid
    search = base / "site" / "pagefind"
    sop_pages = len(list((base / "site" / "sop").glob("*/index.html")))
    assert _pages(search / search_module.MAIN) == sop_pages + 1
    assert f"/kasus/2026/{CASE}/" in _fragment_urls(search / search_module.MAIN).values()
    (left_out,) = json.loads((search / search_module.SUPERSEDED).read_text("utf-8"))
    own = _fragment_urls(search / search_module.bundle_of(CASE, 16))
    assert own[left_out] == f"/kasus/2026/{CASE}/"  # the older version, in the case's own bundle


def test_the_search_page_finds_a_changed_case_once_and_its_old_words_no_more(
    browser: Any, overlaid: tuple[str, Path]
) -> None:
    url, _ = overlaid
    new = _search(browser, f"{url}cari/?q={NEW_WORD}&semua=1")
    assert [h for h in new["links"] if f"/kasus/2026/{CASE}/" in h] and new["count"] == 1, new
    old = _search(browser, f"{url}cari/?q={OLD_WORD}&semua=1")
    assert old["count"] == 0 and old["links"] == [], old
    by_id = _search(browser, f"{url}cari/?q={CASE}")
    assert len([h for h in by_id["links"] if h.endswith(f"/kasus/2026/{CASE}/")]) == 1, by_id
    # The filter counts after a filtered query (Pagefind counts only then) leave the older version out too.
    for word, most in ((OLD_WORD, 0), (NEW_WORD, 1)):
        found = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const box = document.querySelector('[data-cari]');"
            "import(new URL(box.getAttribute('data-cari'), document.baseURI).href + 'pagefind.js')"
            ".then((m) => m.search(arguments[0], {filters: {Tahun: '2026'}}))"
            ".then((f) => done({n: f.results.length, filters: f.filters}));",
            word,
        )
        counts = [n for values in found["filters"].values() for n in values.values()]
        assert found["n"] == most and counts and max(counts) == most, (word, found)


def test_a_change_undone_and_too_many_changes_go_back_to_the_own_bundles(
    overlaid: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, base = overlaid
    search, records = base / "site" / "pagefind", base / "arsip" / "records"
    sop_pages = len(list((base / "site" / "sop").glob("*/index.html")))
    _set_note(records, OLD_WORD)  # the version the own bundle holds: nothing is left out
    _overlay_build(base)
    assert json.loads((search / search_module.SUPERSEDED).read_text("utf-8")) == []
    assert _pages(search / search_module.MAIN) == sop_pages
    # More changed pages than the SOP pages' bundle takes: their own bundles are indexed again.
    monkeypatch.setattr(search_module, "OVERLAY_MOST", 1)
    other = next(i for i in IDS if search_module.bundle_of(i, 16) != search_module.bundle_of(CASE, 16))
    step = sorted((records / "kasus" / other[:4] / other / "langkah").glob("*.yaml"))[0]
    step.write_text(step.read_text("utf-8").replace("catatan: ", "catatan: Diubah. ", 1), "utf-8")
    _set_note(records, NEW_WORD)
    own = {i: _inodes(search / search_module.bundle_of(i, 16)) for i in (CASE, other)}
    _overlay_build(base)
    assert json.loads((search / search_module.SUPERSEDED).read_text("utf-8")) == []
    assert _pages(search / search_module.MAIN) == sop_pages
    for case_id, before in own.items():
        bundle = search / search_module.bundle_of(case_id, 16)
        assert _inodes(bundle) != before
        assert f"/kasus/{case_id[:4]}/{case_id}/" in _fragment_urls(bundle).values()


def test_the_overlay_plan_follows_the_changes_and_ignores_a_damaged_record(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = (f"kasus/2026/{x}/index.html" for x in ("a", "b", "c"))
    last = {a: "a1", b: "b1", c: "c1", "sop/x/index.html": "s1"}
    now = {a: "a2", b: "b1", "sop/x/index.html": "s2"}  # a changed, c removed; SOP pages are not overlaid
    plan = search_module.overlay_plan(now, last, {})
    assert plan == {a: {"home": "a1", "id": None}, c: {"home": "c1", "id": None}}
    assert search_module.overlay_plan(now, last, None) is None  # a full build: the own bundles
    # Kept from the last build: a changed again keeps its own bundle's version; back to it, it leaves.
    kept = {a: {"home": "a1", "id": "id_1"}, c: {"home": "c1", "id": None}}
    again = search_module.overlay_plan({**now, a: "a3"}, now, kept)
    assert again == {a: {"home": "a1", "id": "id_1"}, c: {"home": "c1", "id": None}}
    assert search_module.overlay_plan({**now, a: "a1"}, now, kept) == {c: {"home": "c1", "id": None}}
    for damaged in ({"../../luar/index.html": {"home": "x"}}, {b: ["rusak"]}, {c: {"home": 5}}):
        assert search_module.overlay_plan(now, now, {**kept, **damaged}) is None, damaged
    monkeypatch.setattr(search_module, "OVERLAY_MOST", 1)
    assert search_module.overlay_plan(now, last, {}) is None  # too many: the own bundles
