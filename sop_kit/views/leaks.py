"""Where a personal-data hit came from: the record lines that hold the value it matched, so the
message names the file a clerk must fix, not only the page or PDF the value reached.

Only the records of the cases an output belongs to are searched (its path names the case),
or every case's when it belongs to none (a listing, the findings page); a value written over
several lines of a record is traced to its file without a line. A hit in a published copy of
a case's file (its text or its metadata) is traced first to the record line that attaches it,
where it can be marked personal. Other hits without a value (links) have no record to trace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..core.errors import SopKitError
from ..records.ids import published_stem
from ..records.layout import CASE_FILE, PUBLISHED_FILES, STEPS_DIR, Layout
from ..records.models import CatatanLangkah, Kasus
from ..records.personal import fold, personal_at
from ..records.privacyscan import Hit
from ..records.scan import named
from ..records.yamlsafe import load_bytes
from .photos import THUMB_SUFFIX

MAX_PLACES = 3  # record lines named per leaked value
MAX_OUTPUTS = 3  # published files named per leaked value, then how many more


@dataclass(frozen=True)
class Leak:
    """One value found in what was to be published, and where it came from."""

    what: str  # privacy.KINDS
    excerpt: str  # masked
    outputs: tuple[str, ...]  # the published files it was found in
    places: tuple[tuple[str, int | None], ...]  # record files (as shown) and lines holding it

    def describe(self) -> str:
        """One line: where it came from, what it is (masked) and where it was found."""
        source = ", ".join(f"{f}:{n}" if n else f for f, n in self.places) or "?"
        shown = ", ".join(self.outputs[:MAX_OUTPUTS])
        more = len(self.outputs) - MAX_OUTPUTS
        return f"{source}: {self.what} «{self.excerpt}» → {shown}" + (f" (+{more})" if more > 0 else "")


def trace(hits: Iterable[Hit], layout: Layout, cases: Sequence[Path] | None = None) -> list[Leak]:
    """Every hit, one :class:`Leak` per value (with all the files it reached), traced to the
    records of ``cases`` (default: every case folder of the archive)."""
    folders = list(cases) if cases is not None else layout.case_dirs()
    by_name = {folder.name: folder for folder in folders}
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.what, hit.value or f"\0{hit.file}\0{hit.excerpt}"), []).append(hit)
    texts: dict[Path, _Text] = {}
    out = []
    for (what, _), found in groups.items():
        outputs = tuple(sorted({h.file for h in found}))
        value = found[0].value
        places = _attached_at(outputs, by_name, layout)
        if value:
            named = [by_name[p] for o in outputs for p in o.split("/") if p in by_name]
            for folder in dict.fromkeys(named) or folders:
                places += _places(value, folder, layout, texts)
                if len(places) >= MAX_PLACES:
                    break
        out.append(Leak(what, found[0].excerpt, outputs, tuple(places[:MAX_PLACES])))
    return sorted(out, key=lambda leak: (leak.places[0][0] if leak.places else "~", leak.outputs))


def _attached_at(outputs: tuple[str, ...], by_name: dict[str, Path], layout: Layout) -> list[tuple[str, int | None]]:
    """The record lines attaching the case files of which ``outputs`` holds published copies
    (``kasus/<year>/<id>/berkas/<name>``: a second source of the same name gets ``-2``, a
    photo's thumbnail :data:`THUMB_SUFFIX`), each record read as the check reads it."""
    places: list[tuple[str, int | None]] = []
    for output in outputs:
        parts = output.split("/")
        if len(parts) < 3 or parts[-2] != PUBLISHED_FILES or parts[-3] not in by_name:
            continue
        name = parts[-1].rsplit(".", 1)[0]
        for path in sorted(named(by_name[parts[-3]].glob(f"{STEPS_DIR}/*.yaml"))):
            try:
                loaded = load_bytes(path.read_bytes(), str(path))
            except (OSError, SopKitError):
                continue
            docs = loaded.data.get("dokumen") if isinstance(loaded.data, dict) else None
            for i, doc in enumerate(docs if isinstance(docs, list) else []):
                berkas = doc.get("berkas") if isinstance(doc, dict) else None
                if not isinstance(berkas, str):
                    continue
                if re.fullmatch(rf"{re.escape(published_stem(berkas))}(?:-[0-9]+)?(?:{THUMB_SUFFIX})?", name):
                    places.append((layout.show(path), loaded.line_of(("dokumen", i, "berkas"))))
    return list(dict.fromkeys(places))


def _places(value: str, folder: Path, layout: Layout, texts: dict[Path, _Text]) -> list[tuple[str, int | None]]:
    """The lines of the case's records that hold ``value`` (folded as the scan folds text):
    first those outside personal fields (where it leaked), then, if none, its own field (a
    template printed it)."""
    # A number written in groups is found by its digits; the scan may have glued a digit of
    # the next table cell or line to it, so without its last group too.
    groups = value.split(" ")
    numbers = [" ".join(groups), " ".join(groups[:-1])] if value.replace(" ", "").isdigit() else []
    digits = [n.replace(" ", "") for n in numbers if len(n.replace(" ", "")) >= 8]
    leaked: list[tuple[str, int | None]] = []
    own: list[tuple[str, int | None]] = []
    records: list[tuple[Path, type[BaseModel]]] = [(folder / CASE_FILE, Kasus)]
    records += [(p, CatatanLangkah) for p in sorted(named(folder.glob(f"{STEPS_DIR}/*.yaml")))]
    for path, model in records:
        if path not in texts:
            texts[path] = _read(path, model)
        lines, personal = texts[path]
        hit = [i + 1 for i, line in enumerate(lines) if value in line or any(d in _digits(line) for d in digits)]
        shown = layout.show(path)
        if not hit and value in " ".join(lines):  # folded over several lines
            leaked.append((shown, None))
        leaked += [(shown, n) for n in hit if n not in personal]
        own += [(shown, n) for n in hit if n in personal]
    return leaked or own


_Text = tuple[list[str], set[int]]  # a record's lines, folded; the lines of its personal fields


def _read(path: Path, model: type[BaseModel]) -> _Text:
    try:
        raw = path.read_bytes()
    except OSError:
        return [], set()
    lines = [fold(line).lower() for line in raw.decode("utf-8", "replace").splitlines()]
    try:
        located = load_bytes(raw, str(path)).lines
    except SopKitError:
        return lines, set()
    return lines, {n for loc, n in located.items() if personal_at(model, loc)}


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
