"""Personal data typed into public free text, caught where it is typed.

The fields a clerk writes freely and the audit site publishes (a case's title and summary, a
step's reason, note, letter number, file titles and file names, corrections) are read for the
shapes of a NIK or KK number and of a mobile number, and for the values the same case records
under its personal fields (the target families' names, numbers and addresses, contacts'
phones), also written in part: a name after a word of address ("Bu Aminah"), an address by its
RT/RW (:mod:`sop_kit.records.personal`). A hit is reported at its ``file:line`` naming the
field and the kind of value, never the value.

The site's own scan (:mod:`sop_kit.site.privacy`) reads the built pages as a second line of
defence; this one tells the clerk at check time, before anything is committed or built.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from ..core.errors import ConfigError
from ..core.findings import Finding, Severity
from ..records.archive import Archive, CaseFolder
from ..records.filetypes import sniff
from ..records.models import Sop
from ..records.personal import (
    addressed,
    addressed_word,
    digit_runs,
    fold,
    personal_numbers,
    place_form,
    rt_rw,
)
from ..records.yamlsafe import Loaded, Loc

if TYPE_CHECKING:  # pypdf and PIL load only when a PDF is read
    from ..records.privacyscan import Hit

_STEP_FIELDS = ("alasan", "alasan_waktu", "nomor_surat", "catatan")
_PUNCTUATION = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    """Text as it is searched here: folded and lower-case as the site's scan reads it,
    punctuation aside ("Bpk. Dadang" as "bpk dadang", "RT.002/RW.001" as "rt 002 rw 001")."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text).lower()).split())


def _personal_values(case: CaseFolder, officials: frozenset[str]) -> tuple[set[str], set[str]]:
    """The case's personal words (as :func:`_words` makes them, with the forms a value is also
    written in) and numbers (digits only): the values the site's scan searches its pages for,
    so a note the check passes the build does too."""
    words: set[str] = set()
    numbers: set[str] = set()
    for value in case.personal_values(officials):
        digits = re.sub(r"[^0-9]", "", value)
        if len(digits) >= 8 and not re.search(r"[^\W\d_]", value):
            numbers.add(digits)
        elif key := _words(value):
            words.add(key)
    return words, numbers


def _kind(text: str, words: set[str], numbers: set[str], office: frozenset[str] = frozenset()) -> str | None:
    """What personal value ``text`` holds, if any: 'nik', 'telepon', 'nilai' (a value of the
    case), 'sebutan' (a family member's name word after a word of address) or 'rt_rw' (the
    RT/RW of a family's address). ``office``: the office's own numbers (Archive.public_numbers)."""
    if any(digits in numbers for digits in digit_runs(text)):
        return "nilai"
    for _, _, shape in personal_numbers(fold(text), office):
        return shape
    folded = _words(text)
    for word in words:
        if not addressed_word(word) and not place_form(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            return "nilai"
    for word in filter(None, map(addressed_word, words)):
        for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", folded):
            if addressed(folded, found.start()) is not None:
                return "sebutan"
    if any(form in words for _, _, form in rt_rw(folded)):
        return "rt_rw"
    return None


def _texts(data: object, sop: Sop | None) -> Iterator[tuple[Loc, str]]:
    """(location, text) of the public free-text fields of a step record's data."""
    if not isinstance(data, dict):
        return
    for key in _STEP_FIELDS:
        if isinstance(data.get(key), str):
            yield (key,), data[key]
    for list_key, fields in (("dokumen", ("judul", "keterangan")), ("koreksi", ("alasan",))):
        items = data.get(list_key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            for key in fields:
                if isinstance(item, dict) and isinstance(item.get(key), str):
                    yield (list_key, i, key), item[key]
            if isinstance(item, dict) and isinstance(item.get("berkas"), str) and _name_shown(item, sop):
                yield (list_key, i, "berkas"), item["berkas"]


def _name_shown(item: dict[str, object], sop: Sop | None) -> bool:
    """Whether the site shows a file's name: in its published copy's name, unless the file is
    personal (by the SOP's rule), and as its title when it has neither title nor caption
    (site.collect)."""
    marked = item.get("pribadi") is True
    personal = sop.is_personal(str(item.get("jenis")), marked) if sop else marked
    return not personal or not (item.get("judul") or item.get("keterangan"))


def personal_data(case: CaseFolder, archive: Archive, sop: Sop | None = None) -> Iterator[Finding]:
    """Every public free-text field of the case that holds a personal value, the office's own
    names and numbers aside (:meth:`~sop_kit.records.archive.Archive.public_names`,
    ``public_numbers``); ``sop`` is the case's SOP (its kinds that are always personal; without
    it, files marked so)."""
    kasus, loaded = case.kasus, case.kasus_loaded
    if kasus is None or loaded is None:
        return
    words, numbers = _personal_values(case, archive.public_names())
    office = archive.public_numbers()
    public: list[tuple[Loaded, Loc, str]] = [(loaded, ("judul",), kasus.judul)]
    if kasus.ringkasan:
        public.append((loaded, ("ringkasan",), kasus.ringkasan))
    if kasus.dihentikan and kasus.dihentikan.alasan:
        public.append((loaded, ("dihentikan", "alasan"), kasus.dihentikan.alasan))
    for step in case.steps:
        public += [(step.loaded, loc, value) for loc, value in _texts(step.loaded.data, sop)]
    for where, loc, value in public:
        kind = _kind(value, words, numbers, office)
        if kind is not None:
            field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
            params = {"field": field, "kind": f"@privacy.kind.{kind}"}
            code = "privacy.file_name" if loc[-1] == "berkas" else "privacy.public_field"
            yield Finding(Severity.ERROR, code, where.file, where.line_of(loc), params, case.id)


def content_hits(archive: Archive, values: Collection[str], data: bytes) -> list[Hit]:
    """What the site's scan finds in a public PDF (:func:`~sop_kit.records.privacyscan.scan_document`:
    page text, notes, form fields, bookmarks, earlier revisions): ``values`` (a case's personal
    values) and the shapes of NIK/KK and mobile numbers, the office's own phone aside. Its name
    is left out: a name is :func:`personal_data`'s (``privacy.file_name``), and one naming the
    family is replaced when a clerk files it."""
    from ..records.privacyscan import Identifiers, scan_document  # pypdf: only when a PDF is read

    return scan_document("lampiran.pdf", data, values, Identifiers(numbers=archive.public_numbers()))


def personal_content(
    case: CaseFolder, archive: Archive, published: list[tuple[str, Callable[[], int], str]]
) -> Iterator[Finding]:
    """Every public PDF of the case (``published``: record file, its line, the name in the
    case folder, each already found a regular file of its kind inside it) whose content holds
    personal data (:func:`content_hits`). The site publishes such a file as it is and its build
    stops at it; the check says so first, at the record line, without the value."""
    if not published:
        return
    values = case.personal_values(archive.public_names())
    for file, line, name in published:
        fd = os.open(f"{case.path}/{name}", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read()
        if sniff(data[:4096], case.path / name) != "pdf":
            continue  # an image of a kind that allows both: the site publishes a re-encoded copy
        hits = content_hits(archive, values, data)
        if hits:
            kind = "nilai" if hits[0].what == "nilai-pribadi" else hits[0].what
            params = {"path": name, "kind": f"@privacy.kind.{kind}"}
            yield Finding(Severity.ERROR, "privacy.file_content", file, line(), params, case.id)


def personal_kind(case: CaseFolder, archive: Archive, text: str) -> str | None:
    """What personal value of ``case`` (or shape of one) ``text`` holds, as the check reads a
    public field: 'nik', 'telepon', 'nilai', 'sebutan', 'rt_rw'; None if it holds none."""
    words, numbers = _personal_values(case, archive.public_names())
    return _kind(text, words, numbers, archive.public_numbers())


def refuse_personal(case: CaseFolder, archive: Archive, field: str, option: str) -> None:
    """What a clerk's command is about to write, refused as the check would report it: the
    finding at ``field`` of ``case`` (the record as it would be), named by the command's
    ``option``, since nothing is written yet."""
    for found in personal_data(case, archive):
        if found.params.get("field") == field:
            raise ConfigError(found.code, None, **{**found.params, "field": option})
