"""``sop-kit step``: record one step's progress in its file, keeping every comment.

The file is edited as text by a round-trip YAML library (ruamel.yaml), so the clerk's own
comments and layout survive; only the keys asked for change. The result is read back through
the strict loader and the step model before it replaces the file, attachments are copied in
under safe names with their type checked by content, and nothing outside the one case folder
is written. A failed step leaves the folder as it was.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from ..check.rules import check_case
from ..core.errors import ConfigError
from ..core.findings import Finding
from ..records.archive import Archive, CaseFolder
from ..records.filetypes import matches, sniff
from ..records.ids import slug
from ..records.layout import STEPS_DIR
from ..records.models import Berkas, CatatanLangkah, Sop
from ..records.nomor import ensure_reserved
from ..records.parse import validate
from ..records.rounds import progress_of
from ..records.yamlsafe import load_text
from ..trail.gitlog import top_level
from .new import check_staff, step_text
from .steptext import step_file_stem

StepStatus = Literal["belum", "berjalan", "selesai"]
_EXTENSIONS = {"jpeg": "jpg", "txt": "txt"}  # sniffed format -> file suffix, where they differ
_MAX_ATTACHMENT = 50 * 1024 * 1024  # the check's limit for one file


@dataclass(frozen=True)
class NewAttachment:
    """A file to attach to the step: copied in, its type checked by content, its hash recorded."""

    source: Path
    jenis: str | None = None  # default: the step's one mandated kind, or the photo kind for a photo
    judul: str | None = None
    pribadi: bool | None = None


@dataclass(frozen=True)
class StepUpdate:
    no: int
    putaran: int | None = None  # default: the round now due for this step
    status: StepStatus | None = None  # default: 'selesai' once there is an end time, 'berjalan' once a start
    pelaksana: str | None = None
    mulai: datetime | None = None
    selesai: datetime | None = None
    keputusan: Literal["ya", "tidak"] | None = None
    alasan: str | None = None
    alasan_waktu: str | None = None
    nomor_surat: str | None = None
    catatan: str | None = None
    lampiran: tuple[NewAttachment, ...] = ()

    def is_empty(self) -> bool:
        return all(getattr(self, k) is None for k in _FIELDS) and not self.lampiran


_FIELDS = ("status", "pelaksana", "mulai", "selesai", "keputusan", "alasan", "alasan_waktu", "nomor_surat", "catatan")


@dataclass
class Recorded:
    case_id: str
    folder: Path
    step_file: Path
    created: bool  # a new round's file was written
    attached: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # what check now says about this step
    record: CatatanLangkah | None = None
    message: str = ""  # the commit message

    @property
    def paths(self) -> list[Path]:
        return [self.step_file, *self.attached]


def record_step(archive: Archive, case: str, update: StepUpdate) -> Recorded:
    """Record ``update`` in step ``update.no`` of the case ``case`` (an id or a folder)."""
    folder = archive.find_case(case)
    current = archive.read_case(folder)
    if current.kasus is None:
        raise ConfigError("record.case_invalid", archive.show(folder / "kasus.yaml"))
    sop = archive.sop_of(current.kasus)
    if sop is None:
        raise ConfigError("record.unknown_sop", archive.show(folder / "kasus.yaml"), nomor=current.kasus.sop.nomor)
    if not 1 <= update.no <= len(sop.langkah):
        raise ConfigError("record.unknown_step", None, no=update.no, count=len(sop.langkah))
    spec = sop.step(update.no)
    if update.keputusan is not None and spec.keputusan is None:
        decisions = ", ".join(str(s.no) for s in sop.decision_steps) or "-"
        raise ConfigError("record.no_decision", None, no=update.no, steps=decisions)
    if update.pelaksana is not None:
        check_staff(archive, update.pelaksana)
    putaran = update.putaran or due_round(sop, current, update.no)
    if update.nomor_surat is not None:  # only a number the register holds for this case
        ensure_reserved(archive, current.id, update.no, update.nomor_surat)
    existing = next((s for s in current.steps if (s.record.langkah, s.record.putaran) == (update.no, putaran)), None)
    steps_dir = _inside(folder, folder / STEPS_DIR, archive)
    if existing is not None:
        path = _inside(folder, steps_dir / existing.name, archive)
        original = path.read_text("utf-8")
    else:
        path = steps_dir / f"{step_file_stem(spec, putaran)}.yaml"
        if path.exists() or path.is_symlink():
            raise ConfigError("record.unreadable_step", archive.show(path))
        original = step_text(archive, sop, spec, current.id, path, putaran)
    with _staged(folder, archive) as staged:
        docs = [_attach(archive, current, sop, update.no, a, staged) for a in update.lampiran]
        text = edit_text(original, update, docs)
        record = _read_back(archive, path, text)
        staged.write(path, text.encode("utf-8"))
    result = Recorded(current.id, folder, path, existing is None, [folder / d.berkas for d in docs], record=record)
    shown = archive.show(path)
    result.findings = [f for f in check_case(archive, archive.read_case(folder)).findings if f.file == shown]
    result.message = commit_message(current.id, sop, record)
    return result


def due_round(sop: Sop, case: CaseFolder, no: int) -> int:
    """The round a step is recorded in now: a 'tidak' decision opens the next one for the
    steps it sends back to, until that round's record of the step exists."""
    prog = progress_of(sop, case.steps)
    last = prog.final_round
    if no in prog.repeating() and prog.decision(last) == "tidak":
        return last + 1
    rounds = [r for r, steps in prog.rounds.items() if no in steps]
    return max(rounds, default=1)


def _inside(folder: Path, path: Path, archive: Archive) -> Path:
    """``path`` itself, once it is known to be no link and to lie in the case folder."""
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        raise ConfigError("record.outside", archive.show(path))
    return path


class _Staging:
    """Files written beside their target and put in place together; removed on failure."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []
        self.claimed: set[Path] = set()

    def _temp(self, target: Path) -> Path:
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(fd)
        self.pending.append((Path(tmp), target))
        return Path(tmp)

    def write(self, target: Path, data: bytes) -> None:
        self._temp(target).write_bytes(data)

    def copy(self, source: Path, target: Path) -> None:
        shutil.copyfile(source, self._temp(target))


@contextmanager
def _staged(folder: Path, archive: Archive) -> Iterator[_Staging]:
    staging = _Staging()
    try:
        yield staging
    except BaseException:
        for tmp, _ in staging.pending:
            tmp.unlink(missing_ok=True)
        raise
    try:
        for _, target in staging.pending:
            _inside(folder, target, archive)  # every target checked before any is replaced
    except BaseException:
        for tmp, _ in staging.pending:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staging.pending:  # attachments first, the record that names them last
        os.replace(tmp, target)


def _attach(archive: Archive, case: CaseFolder, sop: Sop, no: int, a: NewAttachment, staged: _Staging) -> Berkas:
    source = a.source
    if not source.is_file():
        raise ConfigError("record.no_file", str(source))
    size = source.stat().st_size
    if size == 0 or size > _MAX_ATTACHMENT:
        raise ConfigError("record.bad_size", str(source), size=size, limit=_MAX_ATTACHMENT)
    with source.open("rb") as fh:
        found = sniff(fh.read(4096), source)
    spec = sop.step(no)
    kind_id = a.jenis or _default_kind(sop, no, found)
    if kind_id is None:
        kinds = ", ".join(k.id for k in sop.jenis_dokumen)
        raise ConfigError("record.which_kind", str(source), no=no, kinds=kinds)
    if kind_id not in {k.id for k in sop.jenis_dokumen}:
        raise ConfigError("record.unknown_kind", str(source), kind=kind_id, kinds=", ".join(spec.dokumen_wajib) or "-")
    kind = sop.kind(kind_id)
    if not matches(found, kind.format):
        raise ConfigError(
            "record.wrong_type", str(source), found=found or "?", kind=kind.nama, formats=", ".join(kind.format)
        )
    digest = _sha256(source)
    for step in case.steps:
        for doc in step.record.dokumen:
            if doc.sha256 == digest:
                raise ConfigError("record.already_attached", str(source), where=doc.berkas, step=step.record.langkah)
    sub = "foto" if kind.id in sop.foto_wajib else "lampiran"
    name = re.sub(r"^[0-9]{1,2}-", "", slug(source.stem))[:60] or "berkas"  # '01-rekap' keeps one step prefix
    stem = f"{no:02d}-{name}"
    target = _free_name(case.path / sub, stem, _suffix(found, source), staged.claimed)
    staged.claimed.add(target)
    staged.copy(source, target)
    return Berkas(
        jenis=kind.id,
        berkas=f"{sub}/{target.name}",
        sha256=digest,
        judul=a.judul if sub == "lampiran" else None,
        keterangan=a.judul if sub == "foto" else None,
        pribadi=a.pribadi,
    )


def _default_kind(sop: Sop, no: int, found: str | None) -> str | None:
    mandated = sop.step(no).dokumen_wajib
    photos = [k for k in mandated if k in sop.foto_wajib]
    if photos and found in ("jpeg", "png"):
        return photos[0]
    return mandated[0] if len(mandated) == 1 else None


def _suffix(found: str | None, source: Path) -> str:
    if found == "txt" and source.suffix.lower() == ".csv":
        return "csv"
    return _EXTENSIONS.get(found or "", found or "bin")


def _free_name(folder: Path, stem: str, suffix: str, claimed: set[Path]) -> Path:
    candidate, n = folder / f"{stem}.{suffix}", 1
    while candidate.exists() or candidate.is_symlink() or candidate in claimed:
        n += 1
        candidate = folder / f"{stem}-{n}.{suffix}"
    return candidate


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _yaml() -> YAML:
    y = YAML()  # round-trip: comments, key order and quoting survive
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the clerk's lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def edit_text(original: str, update: StepUpdate, docs: list[Berkas]) -> str:
    """``original`` with the update applied; every other line, comments included, as it was."""
    data = _yaml().load(original)
    if not isinstance(data, CommentedMap):
        raise ConfigError("record.not_mapping", None)
    values: dict[str, Any] = {k: getattr(update, k) for k in _FIELDS if getattr(update, k) is not None}
    if update.status is None:
        ends = update.selesai is not None or data.get("selesai") not in (None, "")
        starts = update.mulai is not None or data.get("mulai") not in (None, "")
        if ends and data.get("status") != "selesai":
            values["status"] = "selesai"
        elif starts and data.get("status") in (None, "belum"):
            values["status"] = "berjalan"
    for key, value in values.items():
        _set(data, key, PlainScalarString(f"{value:%Y-%m-%d %H:%M}") if isinstance(value, datetime) else value)
    if docs:
        listing = data.get("dokumen")
        if not isinstance(listing, list):
            _set(data, "dokumen", [])
            listing = data["dokumen"]
        for doc in docs:
            entry = CommentedMap()
            for key, value in doc.model_dump(exclude_none=True).items():
                entry[key] = DoubleQuotedScalarString(value) if key == "sha256" else value
            listing.append(entry)
        if hasattr(listing, "fa"):
            listing.fa.set_block_style()
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _set(data: CommentedMap, key: str, value: Any) -> None:
    """Set ``key``, adding it after the keys the model puts before it when it is new."""
    if key in data:
        data[key] = value
        return
    order = list(CatatanLangkah.model_fields)
    before = set(order[: order.index(key)])
    position = max((i + 1 for i, k in enumerate(data) if k in before), default=len(data))
    data.insert(position, key, value)


def _read_back(archive: Archive, path: Path, text: str) -> CatatanLangkah:
    """The edited record as ``check`` will read it; any problem refuses the edit."""
    loaded = load_text(text, archive.show(path))
    record, problems = validate(loaded, loaded.data, CatatanLangkah)
    if record is None or problems:
        first = problems[0] if problems else None
        raise ConfigError(
            "record.invalid",
            archive.show(path),
            first.line if first else None,
            detail=first.code if first else "-",
            field=first.params.get("field", "-") if first else "-",
        )
    assert isinstance(record, CatatanLangkah)
    return record


def commit_message(case_id: str, sop: Sop, record: CatatanLangkah) -> str:
    """'kasus 2026-03-…: langkah 2 selesai (verifikasi validasi), keputusan ya'."""
    step = sop.step(record.langkah)
    words = step_file_stem(step).split("-", 1)[1].replace("-", " ")
    parts = [f"kasus {case_id}: langkah {record.langkah} {record.status} ({words})"]
    if record.putaran > 1:
        parts.append(f"putaran {record.putaran}")
    if record.keputusan:
        parts.append(f"keputusan {record.keputusan}")
    return ", ".join(parts)


def commit(recorded: Recorded, sign: bool = True) -> str:
    """``git add`` and ``git commit [-S]`` of exactly this step's files; the new commit's id."""
    top = top_level(recorded.folder)
    if top is None:
        raise ConfigError("record.no_git", str(recorded.folder))
    paths = [os.path.relpath(p, top) for p in recorded.paths]
    for args in (
        ["add", "--", *paths],
        ["commit", *(["-S"] if sign else []), "-q", "-m", recorded.message, "--", *paths],
    ):
        proc = subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise ConfigError("record.git_failed", str(top), command=args[0], reason=proc.stderr.strip()[:300])
    head = subprocess.run(["git", "-C", str(top), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    return head.stdout.strip()
