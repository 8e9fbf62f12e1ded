"""The identity block as SOP data: the unit heading, each labelled value, the numbered lists,
the official who ratified it; what cannot be read is reported, a value is never rewritten."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import identity
from .notes import Notes
from .signer import ratified_by
from .text import Line, fold, tidy, title_case


def unit(lines: list[Line], first_label: int, notes: Notes) -> dict[str, Any]:
    """The heading above the identity block: PEMERINTAH …, the agency (over one or more lines);
    a 'BIDANG …' or 'SEKSI …' heading anywhere outside the tables."""
    heading = [line for line in lines[:first_label] if not line.blank]
    unit: dict[str, Any] = {}
    agency: list[str] = []
    for line in heading:
        t = line.text
        if fold(t).startswith("pemerintah") and "pemerintah" not in unit:
            unit["pemerintah"] = title_case(tidy(t))
        elif re.match(r"(?i)(bidang|seksi|sub ?bagian)\b", t):
            continue
        elif "pemerintah" in unit:
            agency.append(t)
    if agency:
        unit["instansi"] = title_case(tidy(" ".join(agency)))
    for line in lines:
        t = line.text
        if line.tabbed or len(line.filled) != 1 or len(t) > 120:
            continue
        if m := re.match(r"(?i)(bidang|seksi)\s+\S", t):
            key = m.group(1).lower()
            unit.setdefault(key, title_case(tidy(t)))
    for key in ("pemerintah", "instansi"):
        if key not in unit:
            notes.problem("import.missing_field", heading[0].no if heading else 1, label=key)
    return unit


def values_of(
    lines: list[Line], labels: list[tuple[int, identity.Label]], head: int
) -> dict[str, tuple[identity.Label, list[Line]]]:
    out: dict[str, tuple[identity.Label, list[Line]]] = {}
    for k, (i, lab) in enumerate(labels):
        end = labels[k + 1][0] if k + 1 < len(labels) else head
        body = lines[i + 1 : end]
        if lab.field not in identity.LISTS:
            # A single value may wrap onto following lines, up to the first blank one.
            cut = next((j for j, line in enumerate(body) if line.blank), len(body))
            body = (
                body[:cut] if lab.value else body[: next((j for j, ln in enumerate(body[cut:]) if ln.blank), 0) + cut]
            )
        else:
            body = _list_body(body)
        out.setdefault(lab.field, (lab, body))
    return out


def _list_body(body: list[Line]) -> list[Line]:
    """Items and their continuation lines; after a blank line, only a line starting a new item."""
    kept: list[Line] = []
    gap = False
    for line in body:
        if line.blank:
            gap = bool(kept)
            continue
        starts_item = bool(re.match(r"^\(?(\d{1,2}|[a-z])[.)]\s|^[-•·*–]\s", line.text))
        if gap and not starts_item:
            break
        kept.append(line)
        gap = False
    return kept


def add_identity(
    values: dict[str, tuple[identity.Label, list[Line]]], data: dict[str, Any], notes: Notes, words: Counter[str]
) -> None:
    def single(name: str) -> tuple[str, int | None]:
        if name not in values:
            return "", None
        lab, body = values[name]
        return " ".join([lab.value, *(ln.text for ln in body)]).strip(), lab.line

    nomor, line = single("nomor")
    if nomor and not identity.is_empty_value(nomor):
        data["nomor"] = re.sub(r"\s*/\s*", "/", nomor).split()[0].rstrip(".,;")
    else:  # a '-' is no number: the file must not carry it as one
        notes.problem("import.missing_field", line, label="Nomor SOP")
    revisi, _ = single("revisi")
    data["revisi"] = 0
    if revisi and (m := re.search(r"\d+", revisi)):
        data["revisi"] = int(m.group())
    elif (in_date := identity.revision_in(single("tanggal_revisi")[0])[0]) is not None:
        data["revisi"] = in_date  # 'Tgl Revisi: 5 Agustus 2024 (rev 01)'
        revisi = str(in_date)
    for name, printed in (("tanggal_pembuatan", "Tgl Pembuatan"), ("tanggal_revisi", "Tgl Revisi"),
                          ("tanggal_efektif", "Tgl Efektif")):  # fmt: skip
        value, vline = single(name)
        if name == "tanggal_revisi" and identity.is_empty_value(value):
            data[name] = None
            continue
        ym = identity.year_month(value)
        if ym is None:
            notes.problem("import.bad_date" if value else "import.missing_field", vline, label=printed, value=value)
        data[name] = ym
        if name == "tanggal_revisi" and ym and not revisi:
            data["revisi"] = 1
            notes.review("import.revision_guess", vline, revisi=1)
    signer, sline = single("disahkan_oleh")
    parts = [values["disahkan_oleh"][0].value, *(ln.text for ln in values["disahkan_oleh"][1])] if signer else []
    parsed = ratified_by(parts) if signer else None
    if parsed:
        data["disahkan_oleh"] = {"jabatan": parsed[0], "nama": parsed[1], "nip": parsed[2]}
    else:
        notes.problem("import.bad_pengesah" if signer else "import.missing_field", sline, label="Disahkan Oleh")
    nama, nline = single("nama")
    if nama:
        data["nama"] = title_case(tidy(nama))
        _suspect_typos(data["nama"], words, nline, notes)
    else:
        notes.problem("import.missing_field", nline, label="Nama SOP")
    for name in identity.LISTS:
        if name not in values:
            notes.problem("import.missing_field", None, label=identity.LABELS[name][0].title())
            data[name] = []
            continue
        lab, body = values[name]
        items = identity.list_items(lab.value if not identity.is_empty_value(lab.value) else "", body)
        data[name] = [text for _, text in items if not identity.is_empty_value(text)]


def _suspect_typos(value: str, words: Counter[str], line: int | None, notes: Notes) -> None:
    """A word of the title that the document spells differently, and more often, elsewhere
    ('KELUAGA' beside 'KELUARGA' in every heading) may be a typo. The title is a value, so it
    is kept as printed ('Tenaga Kependidikan' is no misspelt 'Tenaga Pendidikan'): the reviewer
    is told, and decides."""
    import difflib

    for word in value.split(" "):
        key = word.lower().strip(".,;")
        if len(key) >= 5 and words[key] <= 1:
            close = [c for c in difflib.get_close_matches(key, list(words), n=3, cutoff=0.85) if words[c] >= 3]
            if close:
                notes.review("import.typo_suspect", line, printed=word, word=close[0])
