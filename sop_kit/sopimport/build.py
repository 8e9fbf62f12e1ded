"""Assemble the SOP data from what the readers found, derive what the text lacks, and report."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ConfigError
from ..core.findings import Finding
from ..core.messages import text as msg
from ..records.models.sop import Sop
from ..records.parse import validate
from ..records.yamlsafe import load_text
from ..records.yamlwrite import dump_yaml
from . import identity
from .flowchart import Flowchart, lane_label, read_flowchart, read_responsibility, target_in
from .notes import Notes
from .readers import read_lines
from .roles import match_role, role_id, split_roles
from .text import Line, fold, slug, tidy, title_case

_EQUIPMENT = re.compile(r"\b(kendaraan|alat|sarana|prasarana|komputer|printer|atk|laptop|telepon|proyektor)\b", re.I)
_PHOTO = re.compile(r"\bfoto\b", re.I)
_PERSONAL = re.compile(r"\b(daftar hadir|kk|ktp|nik|kartu keluarga|biodata)\b", re.I)
_FLEXIBLE = re.compile(r"\bwaktu\s+(?:disesuaikan|menyesuaikan|fleksibel)\b", re.I)
_SOP_AP_CORE = ("nomor", "nama", "disahkan_oleh", "tanggal_pembuatan", "tanggal_efektif")


@dataclass
class ImportResult:
    source: str  # the document as named to the user
    data: dict[str, Any]
    notes: Notes
    sop: Sop | None = None
    findings: list[Finding] = field(default_factory=list)  # validation, located in the written YAML
    text: str = ""  # the YAML as it will be written

    @property
    def valid(self) -> bool:
        return self.sop is not None


def default_out(result: ImportResult) -> Path:
    return Path(re.sub(r"[^\w.]+", "-", str(result.data.get("nomor") or "sop")).strip("-.") + ".yaml")


def import_sop(
    path: str | Path, shown: str | None = None, out_name: str = "sop.yaml", lang: str = "id"
) -> ImportResult:
    """Read an SOP AP document and turn it into SOP data, validated; refuses what is no SOP AP."""
    path = Path(path)
    shown = shown or str(path)
    lines = read_lines(path, shown)
    notes = Notes()
    data = _assemble(lines, shown, notes)
    result = ImportResult(shown, data, notes)
    result.text = render_yaml(result, out_name, lang)
    loaded = load_text(result.text, out_name)
    result.sop, result.findings = validate(loaded, loaded.data, Sop)
    return result


def _assemble(lines: list[Line], shown: str, notes: Notes) -> dict[str, Any]:
    head = next((i for i, line in enumerate(lines) if _flow_start(line)), len(lines))
    labels = [(i, lab) for i, line in enumerate(lines[:head]) if (lab := identity.match_label(line))]
    found = {lab.field for _, lab in labels}
    if len(found & set(_SOP_AP_CORE)) < 2:
        other = identity.other_format_labels(lines)
        if len(other) >= 3:
            raise ConfigError("import.not_sop_ap", shown, labels=", ".join(other))
        raise ConfigError("import.no_identity", shown)
    for _, lab in labels:
        if lab.score < 1:
            notes.guess("import.label_guess", lab.line, printed=lab.printed, label=identity.LABELS[lab.field][0],
                        score=lab.score)  # fmt: skip
    data: dict[str, Any] = {"format": "sop-kit/sop/1"}
    data["unit"] = _unit(lines, labels[0][0] if labels else head, notes)
    values = _values(lines, labels, head)
    words = Counter(w for line in lines for w in re.findall(r"[a-z]{5,}", line.text.lower()))
    _identity(values, data, notes, words)
    flow = read_flowchart(lines, head, notes)
    if flow is None or not flow.rows:
        notes.problem("import.no_flowchart", lines[head].no if head < len(lines) else None)
        data.update(peran=[], jenis_dokumen=[], langkah=[])
        return data
    _steps(lines, flow, data, notes)
    data["sumber"] = Path(shown).name
    return data


def _flow_start(line: Line) -> bool:
    from .flowchart import is_flowchart_header

    return is_flowchart_header(line)


def _unit(lines: list[Line], first_label: int, notes: Notes) -> dict[str, Any]:
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


def _values(
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


def _identity(
    values: dict[str, tuple[identity.Label, list[Line]]], data: dict[str, Any], notes: Notes, words: Counter[str]
) -> None:
    def single(name: str) -> tuple[str, int | None]:
        if name not in values:
            return "", None
        lab, body = values[name]
        return " ".join([lab.value, *(ln.text for ln in body)]).strip(), lab.line

    nomor, line = single("nomor")
    if nomor:
        data["nomor"] = nomor.split()[0].rstrip(".,;")
    else:
        notes.problem("import.missing_field", line, label="Nomor SOP")
    revisi, _ = single("revisi")
    data["revisi"] = 0
    if revisi and (m := re.search(r"\d+", revisi)):
        data["revisi"] = int(m.group())
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
    parsed = identity.ratified_by(signer) if signer else None
    if parsed:
        data["disahkan_oleh"] = {"jabatan": parsed[0], "nama": parsed[1], "nip": parsed[2]}
    else:
        notes.problem("import.bad_pengesah" if signer else "import.missing_field", sline, label="Disahkan Oleh")
    nama, nline = single("nama")
    if nama:
        data["nama"] = _fix_typos(title_case(tidy(nama)), words, nline, notes)
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


def _fix_typos(value: str, words: Counter[str], line: int | None, notes: Notes) -> str:
    """A word of the title that the document spells differently, and more often, elsewhere
    ('KELUAGA' beside 'KELUARGA' in every heading) is taken as a typo; the guess is reported."""
    import difflib

    out = []
    for word in value.split(" "):
        key = word.lower().strip(".,;")
        if len(key) >= 5 and words[key] <= 1:
            close = [c for c in difflib.get_close_matches(key, list(words), n=3, cutoff=0.85) if words[c] >= 3]
            if close:
                fixed = close[0].capitalize() if word[:1].isupper() else close[0]
                notes.guess("import.typo_fixed", line, printed=word, word=fixed)
                word = fixed
        out.append(word)
    return " ".join(out)


def _steps(lines: list[Line], flow: Flowchart, data: dict[str, Any], notes: Notes) -> None:
    lanes = flow.lanes
    responsible = {r.no: r for r in read_responsibility(lines, 0, notes)}
    abbreviation: dict[str, str] = {}
    seen_as: dict[str, list[str]] = {lane: [] for lane in lanes}
    step_roles: dict[int, list[str]] = {}
    expected = 1
    for row in flow.rows:
        if row.no != expected:
            notes.problem("import.step_gap", row.line, step=row.no)
        expected = row.no + 1
        names: list[str] = []
        if row.no in responsible:
            resp = responsible[row.no]
            names = _match_names(resp.printed, resp.line, row.no, lanes, abbreviation, seen_as, notes)
            if resp.duration and row.duration and resp.duration.minutes != row.duration.minutes:
                notes.problem("import.time_mismatch", resp.line, step=row.no, first=row.duration.text,
                              second=resp.duration.text)  # fmt: skip
            if row.duration is None and resp.duration:
                row.duration = resp.duration
            if resp.keterangan and "keterangan" not in row.mutu:
                row.mutu["keterangan"] = resp.keterangan
        else:
            # No responsibility table: an actor's mark in a lane names the role.
            names = [lanes[i] for i, cell in row.lanes if i is not None and i < len(lanes) and not lane_label(cell)]
        if not names:
            notes.problem("import.no_role", row.line, step=row.no)
        step_roles[row.no] = names
    ids = _role_ids(lanes, abbreviation, notes)
    data["peran"] = [
        {"id": ids[lane], "nama": lane}
        | ({"singkatan": abbreviation[lane]} if lane in abbreviation else {})
        | ({"nama_di_sumber": seen_as[lane]} if seen_as[lane] else {})
        for lane in lanes
    ]
    kinds: dict[str, dict[str, Any]] = {}
    steps = []
    for row in flow.rows:
        step: dict[str, Any] = {
            "no": row.no,
            "kegiatan": row.kegiatan,
            "pelaksana": [ids[n] for n in step_roles[row.no]],
        }
        kelengkapan = tidy(row.mutu.get("kelengkapan", ""))
        if not kelengkapan:
            notes.problem("import.missing_cell", row.line, step=row.no, column="Kelengkapan")
        step["kelengkapan"] = kelengkapan
        documents, sarana = _split_kelengkapan(kelengkapan)
        if _PHOTO.search(f"{row.kegiatan} {kelengkapan}"):
            documents = "Foto dokumentasi"
        if documents:
            kind = slug("foto" if documents == "Foto dokumentasi" else documents)
            if kind not in kinds:
                photo = documents == "Foto dokumentasi"
                kinds[kind] = {"id": kind, "nama": documents, "format": ["jpeg", "png"] if photo else ["pdf"]}
                if _PERSONAL.search(documents):
                    kinds[kind]["pribadi"] = True
                notes.review("import.review_kind", row.line, id=kind, name=documents,
                             formats=", ".join(kinds[kind]["format"]))  # fmt: skip
            step["dokumen_wajib"] = [kind]
        if sarana:
            step["sarana"] = sarana
            notes.review("import.review_sarana", row.line, step=row.no, text=", ".join(sarana))
        if row.duration:
            step["waktu_menit"] = row.duration.minutes
            step["waktu_teks"] = row.duration.text
            if re.search(r"(?i)\bhr\b", row.duration.text):
                notes.guess("import.time_hr", row.line, printed=row.duration.text, minutes=row.duration.minutes)
        keterangan = tidy(row.mutu.get("keterangan", ""))
        if keterangan and _FLEXIBLE.search(keterangan):
            step["waktu_fleksibel"] = True
        output = tidy(row.mutu.get("output", ""))
        if not output:
            notes.problem("import.missing_cell", row.line, step=row.no, column="Output")
        step["output"] = output
        if keterangan:
            step["keterangan"] = keterangan
        steps.append(step)
    _decisions(flow, steps, step_roles, notes)
    data["jenis_dokumen"] = list(kinds.values())
    if any(_PHOTO.search(p) for p in data.get("peringatan", [])) and "foto" in kinds:
        data["foto_wajib"] = ["foto"]
        notes.review("import.review_photos", None, id="foto")
    data["langkah"] = steps


def _match_names(printed: str, line: int, step: int, lanes: list[str], abbreviation: dict[str, str],
                 seen_as: dict[str, list[str]], notes: Notes) -> list[str]:  # fmt: skip
    whole, _ = match_role(printed, lanes)
    parts = [printed] if whole and whole.score >= 0.9 else split_roles(printed)
    names = []
    for part in parts:
        found, ambiguous = match_role(part, lanes)
        if found is None or ambiguous:
            notes.problem("import.unknown_role", line, step=step, printed=part, roles=", ".join(lanes))
            continue
        if found.score < 1:
            if found.abbreviation:
                abbreviation.setdefault(found.role, part)
            elif part not in seen_as[found.role]:
                seen_as[found.role].append(part)
            if not any(n.code == "import.role_guess" and n.params["printed"] == part for n in notes):
                notes.guess("import.role_guess", line, printed=part, role=found.role, score=found.score)
        if found.role not in names:
            names.append(found.role)
    return names


def _role_ids(lanes: list[str], abbreviation: dict[str, str], notes: Notes) -> dict[str, str]:
    ids: dict[str, str] = {}
    for lane in lanes:
        rid = role_id(lane, abbreviation.get(lane))
        while rid in ids.values():
            rid = f"{rid}-2"
        ids[lane] = rid
        notes.review("import.review_role_id", None, id=rid, role=lane)
    return ids


def _split_kelengkapan(text: str) -> tuple[str, list[str]]:
    """'Dokumen/Kendaraan/Alat komunikasi' -> ('Dokumen', ['Kendaraan', 'Alat komunikasi']):
    equipment is not a file a case can hold."""
    parts = [p.strip() for p in re.split(r"[/,]", text) if p.strip()]
    documents = [p for p in parts if not _EQUIPMENT.match(p)]
    sarana = [p for p in parts if _EQUIPMENT.match(p)]
    return "/".join(documents), sarana


def _decisions(flow: Flowchart, steps: list[dict[str, Any]], roles: dict[int, list[str]], notes: Notes) -> None:
    """A 'Tidak' arrow label in a row makes that step the decision: 'Ya' goes on to the next
    step, 'Tidak' back to the last earlier step of the lane the label stands in (or the step a
    Keterangan names: 'kembali ke langkah 1')."""
    numbers = [s["no"] for s in steps]
    decided = {row.no for row in flow.rows if any(lane_label(c) == "tidak" for _, c in row.lanes)}
    for k, row in enumerate(flow.rows):
        labels = [(i, lane_label(c)) for i, c in row.lanes if lane_label(c)]
        if not any(lab == "tidak" for _, lab in labels):
            if labels and not ({row.no - 1, row.no + 1} & decided):
                notes.problem("import.stray_label", row.line, label=row.lanes[0][1])
            continue
        lane = next(i for i, lab in labels if lab == "tidak")
        back = target_in(row.mutu.get("keterangan", ""))
        if back is None and lane is not None and lane < len(flow.lanes):
            back = next((n for n in reversed(numbers[:k]) if flow.lanes[lane] in roles.get(n, [])), None)
        if back is None:
            back = max(1, row.no - 1)
        ya = row.no + 1 if row.no + 1 in numbers else row.no
        question = f"{steps[k]['kegiatan']}?"
        steps[k]["keputusan"] = {"pertanyaan": question, "ya": ya, "tidak": back}
        notes.guess("import.decision", row.line, step=row.no, ya=ya, tidak=back)
        notes.review("import.review_question", row.line, step=row.no, question=question)


def render_yaml(result: ImportResult, out_name: str, lang: str) -> str:
    """The YAML with a header: imported from where, then every guess and every problem."""
    header = [msg("import.header", lang, file=Path(result.source).name), ""]
    for kind, title in (("problem", "import.header_problems"), ("guess", "import.header_guesses"),
                        ("review", "import.header_review")):  # fmt: skip
        items = [n for n in result.notes if n.kind == kind]
        if items:
            header.append(msg(title, lang))
            header += [f"- {_where(result.source, n.line)}{n.message(lang)}" for n in items]
            header.append("")
    # An absent value (no revision date) is left out: the model's default is None.
    return dump_yaml({k: v for k, v in result.data.items() if v is not None}, header=header)


def _where(source: str, line: int | None) -> str:
    return f"{Path(source).name}:{line}: " if line else ""
