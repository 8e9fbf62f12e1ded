"""What a PDF may load: files inside its case folder and sop-kit's own templates, nothing else.

WeasyPrint asks this fetcher for every stylesheet, image and attachment a document names.
Everything outside the allowed folders is refused: other local files (also through
symbolic links), http(s) and every other scheme, FIFOs and devices, large ``data:`` URLs,
and images whose pixel count would make decoding them a decompression bomb. Refusals are
recorded so the caller can report them: a refused resource is a finding, not a silence.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..check.files import header_refusal

MAX_FILE_BYTES = 64 << 20
MAX_DATA_URL = 4 << 20
_MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".css": "text/css",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}
_DATA_TYPES = ("data:image/png", "data:image/jpeg", "data:image/svg+xml")


class SafeFetcher(URLFetcher):  # type: ignore[misc]
    def __init__(self, roots: Sequence[Path]):
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False, timeout=1)
        self.roots = [Path(os.path.realpath(r)) for r in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            if len(url) > MAX_DATA_URL or not url.startswith(_DATA_TYPES):
                self._refuse(url[:40] + "…", "data")
            return super().fetch(url, headers)
        if not url.startswith("file:"):
            self._refuse(url, "scheme")
        path = Path(os.path.realpath(url2pathname(urlsplit(url).path)))
        if not any(path == root or path.is_relative_to(root) for root in self.roots):
            self._refuse(url, "outside")
        try:
            info = os.stat(path)
        except OSError:
            self._refuse(url, "missing")
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            self._refuse(url, "not-regular")
        data = path.read_bytes()
        mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
        if mime in ("image/png", "image/jpeg"):
            check_image(data, url, self)
        return URLFetcherResponse(url, body=data, headers={"Content-Type": mime})

    def _refuse(self, url: str, why: str) -> Any:
        self.refused.append(f"{why}: {url}")
        raise ValueError(f"sop-kit refused to load {url} ({why})")


def check_image(data: bytes, url: str, fetcher: SafeFetcher | None = None) -> None:
    """Refuse what is not a PNG or JPEG, and images too large to decode safely, from the header."""
    refusal = header_refusal(data, url)
    if refusal is not None:
        if fetcher:
            fetcher._refuse(url, refusal[0])
        raise ValueError(refusal[1])
