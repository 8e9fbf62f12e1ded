"""The steps of the SOP from its flowchart (and responsibility) tables: who does each one,
what it needs, its standard time, the decisions — and every guess said as such."""

from __future__ import annotations

import re
from typing import Any

from .flowchart import Flowchart, Row, lane_label, read_responsibility, target_in
from .notes import Notes
from .roles import match_role, role_id, split_roles
from .text import Line, slug, tidy
from .times import WORKDAY_MINUTES, Duration

_EQUIPMENT = re.compile(r"\b(kendaraan|alat|sarana|prasarana|komputer|printer|atk|laptop|telepon|proyektor)\b", re.I)
_PHOTO = re.compile(r"\bfoto\b", re.I)
_PERSONAL = re.compile(r"\b(daftar hadir|kk|ktp|nik|kartu keluarga|biodata)\b", re.I)
_FLEXIBLE = re.compile(r"\bwaktu\s+(?:disesuaikan|menyesuaikan|fleksibel)\b", re.I)


def add_steps(lines: list[Line], flow: Flowchart, data: dict[str, Any], notes: Notes) -> None:
    lanes = flow.lanes
    abbreviation: dict[str, str] = {}
    seen_as: dict[str, list[str]] = {lane: [] for lane in lanes}
    step_roles = _step_roles(lines, flow, abbreviation, seen_as, notes)
    ids = _role_ids(lanes, abbreviation, notes)
    data["peran"] = [
        {"id": ids[lane], "nama": lane}
        | ({"singkatan": abbreviation[lane]} if lane in abbreviation else {})
        | ({"nama_di_sumber": seen_as[lane]} if seen_as[lane] else {})
        for lane in lanes
    ]
    kinds: dict[str, dict[str, Any]] = {}
    steps = [_step(row, [ids[n] for n in step_roles[row.no]], kinds, notes) for row in flow.rows]
    _decisions(flow, steps, step_roles, notes)
    data["jenis_dokumen"] = list(kinds.values())
    if any(_PHOTO.search(p) for p in data.get("peringatan", [])) and "foto" in kinds:
        data["foto_wajib"] = ["foto"]
        notes.review("import.review_photos", None, id="foto")
    data["langkah"] = steps


def _step_roles(lines: list[Line], flow: Flowchart, abbreviation: dict[str, str], seen_as: dict[str, list[str]],
                notes: Notes) -> dict[int, list[str]]:  # fmt: skip
    """Who does each step: the responsibility table where there is one, else the actor's mark
    in a swimlane; its times and remarks fill what the flowchart row lacks."""
    lanes = flow.lanes
    responsible = {r.no: r for r in read_responsibility(lines, 0, notes)}
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
            names = [lanes[i] for i, cell in row.lanes if i is not None and i < len(lanes) and not lane_label(cell)]
        if not names:
            notes.problem("import.no_role", row.line, step=row.no)
        step_roles[row.no] = names
    return step_roles


def _step(row: Row, roles: list[str], kinds: dict[str, dict[str, Any]], notes: Notes) -> dict[str, Any]:
    step: dict[str, Any] = {"no": row.no, "kegiatan": row.kegiatan, "pelaksana": roles}
    kelengkapan = tidy(row.mutu.get("kelengkapan", ""))
    if not kelengkapan:
        notes.problem("import.missing_cell", row.line, step=row.no, column="Kelengkapan")
    step["kelengkapan"] = kelengkapan
    documents, sarana = _split_kelengkapan(kelengkapan)
    if _PHOTO.search(f"{row.kegiatan} {kelengkapan}"):
        documents = "Foto dokumentasi"
    if documents:
        step["dokumen_wajib"] = [_kind(documents, row.line, kinds, notes)]
    if sarana:
        step["sarana"] = sarana
        notes.review("import.review_sarana", row.line, step=row.no, text=", ".join(sarana))
    if row.duration:
        step["waktu_menit"] = row.duration.minutes
        step["waktu_teks"] = row.duration.text
        _time_notes(row.duration, row.line, notes)
    keterangan = tidy(row.mutu.get("keterangan", ""))
    if keterangan and _FLEXIBLE.search(keterangan):
        step["waktu_fleksibel"] = True
    output = tidy(row.mutu.get("output", ""))
    if not output:
        notes.problem("import.missing_cell", row.line, step=row.no, column="Output")
    step["output"] = output
    if keterangan:
        step["keterangan"] = keterangan
    return step


def _kind(documents: str, line: int, kinds: dict[str, dict[str, Any]], notes: Notes) -> str:
    photo = documents == "Foto dokumentasi"
    kind = slug("foto" if photo else documents)
    if kind not in kinds:
        kinds[kind] = {"id": kind, "nama": documents, "format": ["jpeg", "png"] if photo else ["pdf"]}
        if _PERSONAL.search(documents):
            kinds[kind]["pribadi"] = True
        notes.review("import.review_kind", line, id=kind, name=documents, formats=", ".join(kinds[kind]["format"]))
    return kind


def _time_notes(duration: Duration, line: int, notes: Notes) -> None:
    """What the Waktu text left open and the importer decided, each said."""
    if duration.workdays:
        notes.guess("import.time_workday", line, printed=duration.text, minutes=duration.minutes, day=WORKDAY_MINUTES)
    if duration.range_upper:
        notes.guess("import.time_range", line, printed=duration.text, minutes=duration.minutes)
    if duration.rounded:
        notes.guess("import.time_rounded", line, printed=duration.text, minutes=duration.minutes)


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
    step, 'Tidak' to the step a Keterangan names ('kembali ke langkah 1'), else back to the last
    earlier step of the lane the label stands in. Where the table lost its lanes (flattened with
    spaces) and no Keterangan says, the target is unknown: a problem to fix, never a guess."""
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
        ya = row.no + 1 if row.no + 1 in numbers else row.no
        question = f"{steps[k]['kegiatan']}?"
        steps[k]["keputusan"] = {"pertanyaan": question, "ya": ya} | ({"tidak": back} if back else {})
        if back is None:
            notes.problem("import.no_target", row.line, step=row.no)
        else:
            notes.guess("import.decision", row.line, step=row.no, ya=ya, tidak=back)
        notes.review("import.review_question", row.line, step=row.no, question=question)
