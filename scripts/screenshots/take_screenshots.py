#!/usr/bin/env python3
"""Take the screenshots of the clerks' guide (docs/panduan-petugas.md).

Writes PNGs to docs/gambar/ (see README.md beside this file):

* editor-validasi*.png, editor-lengkapi*.png: a step file scaffolded by `sop-kit new`, opened in Monaco
  (VS Code's editor) with monaco-yaml, i.e. the yaml-language-server of the
  VS Code YAML extension, and the archive's real langkah.schema.json;
* situs-*.png: the audit site built from the demo archive.

A documentation tool only: nothing in sop_kit/ or tests/ uses it. Needs
Chromium and chromedriver (Debian: apt-get install chromium chromium-driver),
Selenium and Pillow in the venv, and Node.js + npm for the editor page.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EDITOR = HERE / "editor"
DIST = EDITOR / "dist"

EDITOR_SIZE = (1100, 700)
# Material shows its navigation sidebar from 1220 px wide: on the home page
# the clerk sees the menu; the case and findings tables get more room below.
SITE_WIDTH_HOME = 1280
SITE_WIDTH = 1200
SITE_MIN_HEIGHT = 900
SITE_MAX_HEIGHT = 1800

CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
    "--lang=id-ID",
]


def log(msg: str) -> None:
    print(f"[screenshots] {msg}", flush=True)


def sop_kit() -> list[str]:
    venv = REPO / ".venv" / "bin" / "sop-kit"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("sop-kit")
    if found:
        return [found]
    sys.exit("sop-kit not found: install the project (.venv) first")


NEW_CASE = ["--kecamatan", "Campaka", "--desa", "Campakasari", "--mulai", "2026-03-02", "--oleh", "rizki-ramadhan"]


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[Any]:
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, check=True, text=True, **kw)


# --------------------------------------------------------------------------
# HTTP server and browser


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012  # the stdlib declares it a plain class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".ttf": "font/ttf",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve DIRECTORY on a free localhost port; yield the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def browser(profile: Path) -> Iterator[Any]:
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in CHROME_ARGS:
        opts.add_argument(arg)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={EDITOR_SIZE[0]},{EDITOR_SIZE[1]}")
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def set_viewport(driver: Any, width: int, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def capture(driver: Any, path: Path, width: int, height: int) -> None:
    import base64

    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": False,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def wait_for(driver: Any, script: str, what: str, timeout: float = 30.0, *args: Any) -> Any:
    """Poll a JS expression (a function body returning a value) until truthy."""
    end = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script, *args)
        if value:
            return value
        if time.monotonic() > end:
            err = driver.execute_script("return window.shotError || null")
            raise TimeoutError(f"timed out waiting for {what}" + (f": {err}" if err else ""))
        time.sleep(0.2)


def optimize(path: Path, colors: int = 256) -> None:
    """Shrink a PNG: palette quantisation (screenshots have few colours)."""
    from PIL import Image

    with Image.open(path) as opened:
        im = opened.convert("RGB")
        q = im.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        q.save(path, optimize=True)
    log(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path} ({path.stat().st_size // 1024} KB)")


# --------------------------------------------------------------------------
# The archive: demo, site, a freshly scaffolded case


def make_demo(tmp: Path) -> Path:
    demo = tmp / "demo"
    # cwd: the demo replays the repository's records/ by default
    run([*sop_kit(), "demo", str(demo), "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL)
    return demo


def build_site(demo: Path, tmp: Path) -> Path:
    site = tmp / "site"
    # Exit code 1 means the demo's planted findings were found: expected.
    # "records" relative, run in the archive, as a clerk or CI would: the
    # findings name their files by the path given here.
    proc = subprocess.run(
        [*sop_kit(), "build", "records", "--out", str(site)],
        cwd=demo,
        text=True,
        capture_output=True,
    )
    if not (site / "index.html").exists():
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"sop-kit build failed (exit {proc.returncode})")
    log(f"site built in {site}")
    return site


def scaffold_step(demo: Path) -> tuple[str, str]:
    """`sop-kit new` a case in (a copy of) the demo archive; return the
    archive-relative path and the text of its step 2 file."""
    before = set((demo / "records" / "kasus").glob("*/*"))
    run(
        [*sop_kit(), "new", "--root", str(demo / "records"), "--no-input", *NEW_CASE],
        cwd=demo,
        capture_output=True,
    )
    new = sorted(set((demo / "records" / "kasus").glob("*/*")) - before)
    if len(new) != 1:
        sys.exit(f"sop-kit new: expected one new case folder, got {new}")
    step = sorted((new[0] / "langkah").glob("02-*.yaml"))[0]
    return step.relative_to(demo).as_posix(), step.read_text(encoding="utf-8")


def set_key(text: str, key: str, value: str) -> str:
    """Set a top-level `key:` line of the scaffold (commented lines kept)."""
    new, n = re.subn(rf"(?m)^{re.escape(key)}:.*$", f"{key}: {value}".rstrip(), text, count=1)
    if n != 1:
        sys.exit(f"the scaffolded step file has no top-level '{key}:' line")
    return new


def line_of(text: str, prefix: str) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if line.startswith(prefix):
            return i
    sys.exit(f"no line starting with {prefix!r} in the step file")


def filled_in(text: str) -> str:
    """The step as a clerk would have filled it in by hand."""
    text = set_key(text, "pelaksana", "agus-permana")
    text = set_key(text, "mulai", "2026-03-03 09:00")
    text = set_key(text, "selesai", "2026-03-03 09:50")
    text = set_key(text, "keputusan", "ya")
    return text


# --------------------------------------------------------------------------
# Editor screenshots


def build_editor() -> None:
    if not shutil.which("npm"):
        sys.exit("npm not found: the editor screenshots need Node.js and npm")
    if not (EDITOR / "node_modules" / "monaco-yaml").exists():
        run(["npm", "ci", "--no-audit", "--no-fund"], cwd=EDITOR)
    run(["node", "build.mjs"], cwd=EDITOR)


def open_editor(driver: Any, base: str, rel_path: str, text: str) -> None:
    """Write the page's data and load it: the step file at
    file:///arsip/<rel_path>, its $schema comment resolved against that uri."""
    data = DIST / "data"
    data.mkdir(exist_ok=True)
    shutil.copy(REPO / "schema" / "langkah.schema.json", data / "langkah.schema.json")
    file_uri = "file:///arsip/" + rel_path
    m = re.search(r"(?m)^#\s*yaml-language-server:\s*\$schema=(\S+)", text)
    if m:
        target = posixpath.normpath(posixpath.join("/arsip", posixpath.dirname(rel_path), m.group(1)))
        schema_uri = "file://" + target
    else:
        log("warning: the step file has no yaml-language-server comment; using fileMatch only")
        schema_uri = "file:///arsip/schema/langkah.schema.json"
    page = {
        "path": rel_path,
        "uri": file_uri,
        "text": text,
        "fontSize": 16,
        "schemas": [
            {
                "uri": schema_uri,
                "file": "langkah.schema.json",
                # as in the .vscode/settings.json that `sop-kit init` writes
                "fileMatch": ["**/records/kasus/**/langkah/*.yaml"],
            }
        ],
    }
    (data / "page.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    set_viewport(driver, *EDITOR_SIZE)
    driver.get(base + "index.html?" + str(time.time_ns()))
    wait_for(driver, "return window.shotReady || window.shotError", "the editor page", 60)
    err = driver.execute_script("return window.shotError || null")
    if err:
        sys.exit("editor page failed: " + err)


def wait_markers(driver: Any, needle: str, line: int) -> list[dict[str, Any]]:
    """Wait until the language server reported a marker containing NEEDLE
    and Monaco drew its squiggle (LINE scrolled into view: Monaco draws only
    the visible lines)."""
    driver.execute_script("window.shot.reveal(arguments[0])", line)
    markers: list[dict[str, Any]] = wait_for(
        driver,
        """
        const ms = window.shot.markers();
        const hit = ms.some(m => m.message.includes(arguments[0]));
        const drawn = document.querySelectorAll('.squiggly-error, .squiggly-warning').length > 0;
        return hit && drawn ? ms : null;
        """,
        f"a diagnostic containing {needle!r}",
        60,
        needle,
    )
    return markers


def wait_hover(driver: Any, needle: str) -> None:
    wait_for(
        driver,
        """
        const hs = [...document.querySelectorAll('.monaco-hover')]
          .filter(h => h.offsetParent !== null && !h.classList.contains('hidden'));
        return hs.some(h => h.innerText.includes(arguments[0]));
        """,
        f"a hover containing {needle!r}",
        30,
        needle,
    )
    time.sleep(0.6)  # let the hover finish its layout


def wait_suggest(driver: Any, needle: str, down: int = 0) -> None:
    """Wait for the suggestion list, move DOWN items, open the details."""
    wait_for(
        driver,
        """
        const w = document.querySelector('.suggest-widget.visible');
        return w && w.innerText.includes(arguments[0]) &&
               !w.querySelector('.message:not([aria-hidden="true"])')?.offsetParent;
        """,
        f"a suggestion list containing {needle!r}",
        30,
        needle,
    )
    time.sleep(0.3)
    for _ in range(down):
        driver.execute_script("window.shot.suggestNext()")
        time.sleep(0.2)
    driver.execute_script("window.shot.suggestDetails()")
    wait_for(
        driver,
        """
        const d = document.querySelector('.suggest-details-container .suggest-details');
        return d && d.offsetParent !== null && d.innerText.trim().length > 0;
        """,
        "the details of the selected suggestion",
        10,
    )
    time.sleep(0.6)


def editor_shots(driver: Any, base: str, rel_path: str, scaffold: str, out: Path) -> list[Path]:
    shots = []
    w, h = EDITOR_SIZE

    # (a) a typo in status: squiggle + hover with the server's message
    text = set_key(filled_in(scaffold), "status", "selesei")
    open_editor(driver, base, rel_path, text)
    line = line_of(text, "status:")
    markers = wait_markers(driver, "selesai", line)
    log("diagnostics: " + "; ".join(f"{m['line']}:{m['col']} {m['message']}" for m in markers))
    driver.execute_script("window.shot.hoverAt(arguments[0], arguments[1])", line, len("status: ") + 3)
    wait_hover(driver, "selesai")
    path = out / "editor-validasi.png"
    capture(driver, path, w, h)
    shots.append(path)

    # (a') an unknown key: "catatn" for "catatan"
    text = filled_in(scaffold)
    text = set_key(text, "status", "selesai")
    text = re.sub(r"(?m)^catatan:.*$", "catatn: Dari 6 KK yang diusulkan, 3 KK valid.", text, count=1)
    open_editor(driver, base, rel_path, text)
    line = line_of(text, "catatn:")
    wait_markers(driver, "catatn", line)
    driver.execute_script("window.shot.hoverAt(arguments[0], arguments[1])", line, 3)
    wait_hover(driver, "catatn")
    path = out / "editor-validasi-kunci.png"
    capture(driver, path, w, h)
    shots.append(path)

    # (b) autocomplete of the status values after "status: "
    text = set_key(filled_in(scaffold), "status", "")
    text = re.sub(r"(?m)^status:$", "status: ", text, count=1)
    open_editor(driver, base, rel_path, text)
    time.sleep(1.0)  # let the worker start and load the schema
    line = line_of(text, "status:")
    driver.execute_script("window.shot.suggestAt(arguments[0], arguments[1])", line, len("status: ") + 1)
    wait_suggest(driver, "berjalan")
    path = out / "editor-lengkapi.png"
    capture(driver, path, w, h)
    shots.append(path)

    # (b') autocomplete of the fields of an attachment under dokumen:
    text = filled_in(scaffold)
    text = set_key(text, "status", "selesai")
    text = re.sub(r"(?m)^dokumen:.*$", "dokumen:\n  - jenis: dokumen-data\n    ", text, count=1)
    open_editor(driver, base, rel_path, text)
    time.sleep(1.0)
    line = line_of(text, "  - jenis:") + 1
    driver.execute_script("window.shot.suggestAt(arguments[0], arguments[1], true)", line, 5)
    wait_suggest(driver, "keterangan", down=1)  # 0 is the whole-item snippet; 1 is berkas
    path = out / "editor-lengkapi-dokumen.png"
    capture(driver, path, w, h)
    shots.append(path)
    return shots


# --------------------------------------------------------------------------
# Site screenshots


def page_height(driver: Any) -> int:
    return int(
        driver.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    )


def site_shot(driver: Any, url: str, path: Path, width: int = SITE_WIDTH) -> None:
    set_viewport(driver, width, SITE_MIN_HEIGHT)
    driver.get(url)
    wait_for(
        driver, "return document.readyState === 'complete' && document.fonts.status === 'loaded'", f"{url} to load", 60
    )
    height = min(max(page_height(driver), SITE_MIN_HEIGHT), SITE_MAX_HEIGHT)
    # A taller viewport rather than a scrolled capture: Material's header stays on top.
    set_viewport(driver, width, height)
    time.sleep(0.8)
    driver.execute_script("window.scrollTo(0, 0)")
    capture(driver, path, width, height)


def site_shots(driver: Any, base: str, out: Path, kasus: str | None) -> list[Path]:
    shots = []
    path = out / "situs-beranda.png"
    site_shot(driver, base, path, SITE_WIDTH_HOME)
    shots.append(path)

    if kasus:
        case_url = base + "kasus/" + kasus[:4] + "/" + kasus + "/"
    else:
        # the first case the home page links to
        driver.get(base)
        case_url = driver.execute_script(
            "const a = [...document.querySelectorAll('.md-content a[href]')]"
            ".find(a => /\\/kasus\\/\\d{4}\\/[^/]+\\/?$/.test(a.href)); return a ? a.href : null"
        )
        if not case_url:
            sys.exit("the home page links to no case page; pass --kasus ID")
    log(f"case page: {case_url}")
    path = out / "situs-kasus.png"
    site_shot(driver, case_url, path)
    shots.append(path)

    path = out / "situs-temuan.png"
    site_shot(driver, base + "temuan/", path)
    shots.append(path)
    return shots


# --------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "gambar", help="where the PNGs go")
    ap.add_argument("--only", choices=["editor", "site"], help="take only one group")
    ap.add_argument("--kasus", help="case id for situs-kasus.png (default: first case on the home page)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    args = ap.parse_args()

    out = args.out.absolute()  # not resolve(): docs/ may be a symlink
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="sop-kit-shots-"))
    shots: list[Path] = []
    try:
        demo = make_demo(tmp)
        site = build_site(demo, tmp) if args.only != "editor" else None
        if args.only != "site":
            rel_path, scaffold = scaffold_step(demo)
            build_editor()
        with browser(tmp / "chromium-profile") as driver:
            if args.only != "site":
                with serve(DIST) as base:
                    shots += editor_shots(driver, base, rel_path, scaffold, out)
            if site is not None:
                with serve(site) as base:
                    shots += site_shots(driver, base, out, args.kasus)
        for path in shots:
            optimize(path)
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    log("done: " + ", ".join(p.name for p in shots))


if __name__ == "__main__":
    main()
