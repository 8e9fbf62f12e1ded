"""The clerks' guide (``sop_kit/guide/panduan-petugas.md``, also ``docs/`` in the source
tree) published on every site as ``panduan/``, with its screenshots.

The guide is sop-kit's own text, not record text, so it is published as written. Only the
guide goes out: ``format-kasus.md`` quotes the demo archive's (fictional) personal data,
which the public site's scan rightly refuses.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from .markup import front_matter

GUIDE_FILE = "panduan-petugas.md"
PAGE = "panduan/index.md"
IMAGES = "gambar"


def guide_dir() -> Traversable:
    return resources.files("sop_kit").joinpath("guide")


def guide_page() -> str:
    text = guide_dir().joinpath(GUIDE_FILE).read_text("utf-8")
    return front_matter({"title": "Panduan petugas"}) + text


def guide_images() -> dict[str, bytes]:
    """docs-relative path -> bytes of every screenshot the guide shows."""
    folder = guide_dir().joinpath(IMAGES)
    if not folder.is_dir():
        return {}
    return {f"panduan/{IMAGES}/{f.name}": f.read_bytes() for f in folder.iterdir() if f.name.endswith(".png")}
