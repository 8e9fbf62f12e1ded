"""Files a clerk attaches to a step: checked by content and by name, copied in under a safe
name, and written together with the record that names them, or not at all."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..check.privacy import content_hits, personal_kind
from ..core.errors import ConfigError
from ..records.archive import Archive, CaseFolder
from ..records.extensions import ENDINGS, ending, fits
from ..records.filetypes import PHONE_FORMATS, matches, sniff
from ..records.ids import slug
from ..records.models import Berkas, Sop

MAX_ATTACHMENT = 50 * 1024 * 1024  # the check's limit for one file


@dataclass(frozen=True)
class NewAttachment:
    """A file to attach to the step: copied in, its type checked by content, its hash recorded."""

    source: Path
    jenis: str | None = None  # default: the step's one mandated kind, or the photo kind for a photo
    judul: str | None = None
    pribadi: bool | None = None
    bersama: tuple[str, ...] = ()  # other cases of one activity held jointly (each names this one too)


def inside(folder: Path, path: Path, archive: Archive) -> Path:
    """``path`` itself, once it is known to be no link and to lie in the case folder."""
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        raise ConfigError("record.outside", archive.show(path))
    return path


class Staging:
    """Files written beside their target and put in place together (and files removed with
    them); nothing changes on failure."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path]] = []
        self.claimed: set[Path] = set()
        self.removed: list[Path] = []

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

    def remove(self, target: Path) -> None:
        self.removed.append(target)


@contextmanager
def staged(folder: Path, archive: Archive) -> Iterator[Staging]:
    staging = Staging()
    try:
        yield staging
        for target in [t for _, t in staging.pending] + staging.removed:
            inside(folder, target, archive)  # every target checked before any is replaced
    except BaseException:
        for tmp, _ in staging.pending:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staging.pending:  # attachments first, the record that names them last
        os.replace(tmp, target)
    for target in staging.removed:
        target.unlink(missing_ok=True)


def joint_case(archive: Archive, case: CaseFolder, other: str, where: Path) -> Path:
    """The folder of ``other``, a case of the archive other than ``case`` (``--bersama``)."""
    folder = next((c for c in archive.case_dirs() if c.name == other), None)
    if folder is None or other == case.path.name:
        raise ConfigError("record.joint_unknown", str(where), id=other)
    return folder


@dataclass(frozen=True)
class Attached:
    entry: Berkas  # the record's entry for the file
    withheld: bool = False  # the file's own name held a family's personal data: named after its kind
    reused: bool = False  # the case held the same file already (another round's, say): named, not copied


def attach(
    archive: Archive, case: CaseFolder, sop: Sop, no: int, a: NewAttachment, staging: Staging, into: str
) -> Attached:
    """Check ``a`` and stage its copy into the case folder, for the step record ``into`` (its
    file name in langkah/)."""
    source = a.source
    if not source.is_file():
        raise ConfigError("record.no_file", str(source))
    size = source.stat().st_size
    if size == 0 or size > MAX_ATTACHMENT:
        raise ConfigError("record.bad_size", str(source), size=size, limit=MAX_ATTACHMENT)
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
    if not matches(found, kind.format):  # a phone's photo format is named, with how to save it as JPEG
        if found is None:
            code, shown = "record.unknown_type", "-"
        elif found in PHONE_FORMATS:
            code, shown = "record.phone_photo", PHONE_FORMATS[found]
        else:
            code, shown = "record.wrong_type", found
        raise ConfigError(code, str(source), found=shown, kind=kind.nama, formats=", ".join(kind.format))
    if not fits(found, source.name):
        raise ConfigError(
            "record.wrong_ending",
            str(source),
            found=found or "?",
            ending=ending(source.name) or "-",
            endings=", ".join(f".{e}" for e in ENDINGS.get(found or "", ())),
        )
    for other in a.bersama:
        joint_case(archive, case, other, source)
    if found == "pdf" and not a.pribadi:
        _refuse_personal_content(archive, case, source)
    digest = sha256(source)
    held = [(step, doc) for step in case.steps for doc in step.record.dokumen if doc.sha256 == digest]
    for step, doc in held:  # another step's file is another document: a slip, as the same one twice is
        if step.name == into or step.record.langkah != no:
            raise ConfigError("record.already_attached", str(source), where=doc.berkas, step=step.record.langkah)
    sub = "foto" if kind.id in sop.foto_wajib else "lampiran"
    same = [doc for _, doc in held if doc.berkas.startswith(f"{sub}/") and (case.path / doc.berkas).is_file()]
    if same:  # one file, named by each round's record of the step that used it (the same data again)
        entry = Berkas(
            jenis=kind.id,
            berkas=same[0].berkas,
            sha256=digest,
            judul=a.judul if sub == "lampiran" else None,
            keterangan=a.judul if sub == "foto" else None,
            pribadi=True if a.pribadi or any(d.pribadi for d in same) else None,  # private once, private here
            bersama=list(a.bersama),
        )
        return Attached(entry, reused=True)
    name = re.sub(r"^[0-9]{1,2}-", "", slug(source.stem))[:60] or "berkas"  # '01-rekap' keeps one step prefix
    # The site publishes the name: one naming the family ("kk-jajang-nurjaman") gives way to the kind's.
    withheld = personal_kind(case, archive, name) is not None
    if withheld:
        name = kind.id
    target = _free_name(case.path / sub, f"{no:02d}-{name}", ending(source.name), staging.claimed)
    staging.claimed.add(target)
    staging.copy(source, target)
    entry = Berkas(
        jenis=kind.id,
        berkas=f"{sub}/{target.name}",
        sha256=digest,
        judul=a.judul if sub == "lampiran" else None,
        keterangan=a.judul if sub == "foto" else None,
        pribadi=a.pribadi,
        bersama=list(a.bersama),
    )
    return Attached(entry, withheld=withheld)


def _refuse_personal_content(archive: Archive, case: CaseFolder, source: Path) -> None:
    """A public PDF is published as it is. One whose text holds a NIK or KK number, a mobile
    number, or a value this case records as personal would stop the site's build, whose scan
    reads it the same way (:func:`~sop_kit.check.privacy.content_hits`, as the check does),
    after the clerk had committed it: said now."""
    hits = content_hits(archive, case.personal_values(archive.public_names()), source.read_bytes())
    if hits:
        kinds = ", ".join(dict.fromkeys(h.what for h in hits))
        raise ConfigError("record.personal_content", str(source), kinds=kinds, excerpt=hits[0].excerpt)


def _default_kind(sop: Sop, no: int, found: str | None) -> str | None:
    mandated = sop.step(no).dokumen_wajib
    photos = [k for k in mandated if k in sop.foto_wajib]
    if photos and found in ("jpeg", "png"):
        return photos[0]
    return mandated[0] if len(mandated) == 1 else None


def _free_name(folder: Path, stem: str, suffix: str, claimed: set[Path]) -> Path:
    candidate, n = folder / f"{stem}.{suffix}", 1
    while candidate.exists() or candidate.is_symlink() or candidate in claimed:
        n += 1
        candidate = folder / f"{stem}-{n}.{suffix}"
    return candidate


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
