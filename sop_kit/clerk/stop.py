"""``sop-kit hentikan``: a case withdrawn (batal) or closed before the SOP's end (ditutup).

The case stays in the archive, with its records as they were; kasus.yaml says when, by whom
and why (``dihentikan``), and the end of its period. kasus.yaml is edited round-trip, so its
comments survive, and read back through the strict loader before it replaces the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..check.privacy import refuse_personal
from ..core.errors import ConfigError
from ..records.archive import Archive, CaseFolder
from ..records.fieldtypes import office_today
from ..records.layout import CASE_FILE
from ..records.models import Kasus, Sop
from ..records.parse import validate
from ..records.rounds import Status, case_progress
from ..records.writelock import one_writer
from ..records.yamlsafe import load_text
from . import gitops
from .attach import inside, staged
from .new import check_staff


@dataclass(frozen=True)
class Stop:
    status: Literal["batal", "ditutup"]
    tanggal: date
    oleh: str
    alasan: str


@dataclass
class Stopped:
    case_id: str
    folder: Path
    path: Path
    message: str
    deciders: list[str]  # the roles whose signed commit makes it count once steps were approved

    def commit(self, sign: bool = True) -> str:
        return gitops.commit(self.folder, [self.path], self.message, sign)


@one_writer
def stop_case(archive: Archive, case: str, stop: Stop, today: date | None = None) -> Stopped:
    """Record ``stop`` in the case's kasus.yaml; ``today`` (default: the clock's) bounds its date."""
    today = today or office_today()
    if stop.tanggal > today:  # a mistyped year: a case is stopped when it is, not ahead
        raise ConfigError("stop.future", None, date=stop.tanggal.isoformat(), today=today.isoformat())
    folder = archive.find_case(case)
    current = archive.read_case(folder)
    path = inside(folder, folder / CASE_FILE, archive)
    kasus = current.kasus
    if kasus is None:
        raise ConfigError("record.case_invalid", archive.show(path))
    if kasus.dihentikan is not None:
        raise ConfigError(
            "stop.already",
            archive.show(path),
            status=kasus.dihentikan.status,
            date=kasus.dihentikan.tanggal,
            path=archive.show(path),
        )
    if not stop.alasan.strip():
        raise ConfigError("stop.no_reason", None)
    check_staff(archive, stop.oleh)
    sop = archive.sop_of(kasus)
    if sop is not None and case_progress(sop, current).status is Status.DONE:
        raise ConfigError("stop.finished", archive.show(path), id=kasus.id)
    person = archive.staff.get(stop.oleh)
    if sop is not None and person is not None and not sop.decides(person.roles_on(stop.tanggal)):
        # As the check's case.stop_wrong_role: stopping a case is its deciders' decision.
        holders = sorted(p.id for p in archive.staff.values() if sop.decides(p.roles_on(stop.tanggal)))
        raise ConfigError(
            "stop.wrong_role", None, who=person.nama, date=str(stop.tanggal),
            required=sop.deciders_named, holders=", ".join(holders) or "-",
        )  # fmt: skip
    _refuse_before_steps(archive, current, stop)
    text = _edit(path.read_text("utf-8"), stop)
    loaded = load_text(text, archive.show(path))
    model, problems = validate(loaded, loaded.data, Kasus)
    if model is None or problems:
        first = problems[0] if problems else None
        raise ConfigError(first.code if first else "record.invalid", archive.show(path), first.line if first else None,
                          **(first.params if first else {"detail": "-", "field": "-"}))  # fmt: skip
    # The reason is published: refused here as check would report it, before anything is written
    # (a stopped case cannot be stopped again to mend it).
    after = replace(current, kasus=model, kasus_loaded=loaded)
    refuse_personal(after, archive, "dihentikan.alasan", "--alasan")
    with staged(folder, archive) as staging:
        staging.write(path, text.encode("utf-8"))
    words = "dibatalkan" if stop.status == "batal" else "ditutup"
    message = f"kasus {kasus.id}: {words} ({stop.alasan.strip()})"
    return Stopped(kasus.id, folder, path, message, _deciders(sop))


def _refuse_before_steps(archive: Archive, case: CaseFolder, stop: Stop) -> None:
    """A case is not stopped before a step it went on to: a mistyped date, refused (the check
    only warns of such a record written by hand, ``case.step_after_stop``)."""
    started = [(s.record.mulai, s) for s in case.steps if s.record.mulai is not None]
    if not started:
        return
    moment, last = max(started, key=lambda pair: pair[0])
    if moment.date() > stop.tanggal:
        raise ConfigError(
            "stop.before_steps", last.loaded.file, last.loaded.line_of(("mulai",)),
            date=str(stop.tanggal), no=last.record.langkah, started=f"{moment:%Y-%m-%d}",
        )  # fmt: skip


def _deciders(sop: Sop | None) -> list[str]:
    return [r.nama for r in sop.deciders] if sop else []


def _edit(original: str, stop: Stop) -> str:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    data = y.load(original)
    if not isinstance(data, CommentedMap):
        raise ConfigError("record.not_mapping", None)
    entry = CommentedMap()
    entry["status"], entry["tanggal"], entry["oleh"], entry["alasan"] = (
        stop.status, stop.tanggal, stop.oleh, stop.alasan.strip(),
    )  # fmt: skip
    data["dihentikan"] = entry
    data.yaml_set_comment_before_after_key(
        "dihentikan",
        before="Kasus dibatalkan (batal) atau ditutup sebelum selesai (ditutup): kapan, oleh siapa, mengapa.",
    )
    periode = data.get("periode")
    if isinstance(periode, dict) and periode.get("sampai") in (None, ""):
        periode["sampai"] = date.fromordinal(stop.tanggal.toordinal())  # its own object: no YAML alias
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()
