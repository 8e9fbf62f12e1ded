"""``sop-kit staf tambah|ubah|akhiri``: the staff registry edited from the command line.

records/staf.yaml is edited as text by a round-trip YAML library, so its comments and layout
survive; the result is read back through the strict loader and the registry's models (a NIP
that cannot be one, an unknown SOP role or a duplicate id refuses the edit) before it
replaces the file. The registry is a governed file: a change counts only from a commit
signed by an administrator of it (``admin_staf``), which the result names.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.serialization import load_ssh_public_key
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..check.audit import trail_of
from ..check.run import CheckOptions
from ..core.errors import ConfigError
from ..records.archive import Archive
from ..records.ids import slug
from ..records.layout import STAFF_FILE, STEPS_DIR
from ..records.models import Registri, Staf
from ..records.nip import normalise
from ..records.parse import parse_text, validate
from ..records.sshkey import fingerprint, holders
from ..records.writelock import one_writer
from ..records.yamlsafe import load_text
from ..trail.findings import NOT_APPROVED
from .gitops import committed

SSH_DEFAULTS = ("id_ed25519.pub", "id_ecdsa.pub", "id_rsa.pub")  # ~/.ssh, in the order ssh-keygen suggests


@dataclass(frozen=True)
class Tenure:
    """A position held from a date, with the SOP roles and rights it carries."""

    jabatan: str
    mulai: date
    peran: tuple[str, ...] = ()
    admin_staf: bool = False
    admin_sop: bool = False
    admin_arsip: bool = False


@dataclass(frozen=True)
class PersonChange:
    """What ``tambah`` writes, or the fields ``ubah`` changes (None: unchanged)."""

    id: str
    nama: str | None = None
    nip: str | None = None
    email: str | None = None
    keys: tuple[str, ...] = ()  # public key lines to add
    tenure: Tenure | None = None  # a new position to add
    fiktif: bool | None = None
    revoked: tuple[str, ...] = ()  # fingerprints of keys to take out (a lost laptop)


@dataclass
class StaffEdit:
    path: Path
    person: Staf
    admins: list[str] = field(default_factory=list)  # who may authorise the change (admin_staf today)
    first: bool = False  # no version committed yet: the first commit is where trust starts


def read_key(path: Path | None, home: Path | None = None) -> str:
    """One OpenSSH public key line: from ``path``, or else the first of ~/.ssh's usual keys."""
    candidates = [path] if path is not None else [(home or Path.home()) / ".ssh" / n for n in SSH_DEFAULTS]
    source = next((p for p in candidates if p.is_file()), None)
    if source is None:
        raise ConfigError("staff.no_key", str(path or (home or Path.home()) / ".ssh"))
    if source.stat().st_size > 16384:
        raise ConfigError("staff.bad_key", str(source))
    line = next((ln.strip() for ln in source.read_text("utf-8", errors="replace").splitlines() if ln.strip()), "")
    if line.startswith("-----BEGIN") or "PRIVATE" in line:
        raise ConfigError("staff.private_key", str(source))
    try:
        load_ssh_public_key(line.encode())
    except (ValueError, TypeError, NotImplementedError, UnsupportedAlgorithm):  # a text that is no key
        raise ConfigError("staff.bad_key", str(source)) from None
    return line


def fingerprint_of(given: str) -> str:
    """A key to revoke as its ``SHA256:…`` fingerprint: given so, or read from a .pub file (a
    key the person no longer has is named by the fingerprint the trail or ``ssh-keygen -l`` shows)."""
    if given.startswith("SHA256:"):
        return given
    found = fingerprint(read_key(Path(given)))
    assert found is not None  # read_key accepts only a key that loads
    return found


def _refuse_taken_keys(archive: Archive, change: PersonChange) -> None:
    """A key is one person's: a key another person already lists would make both people's
    signatures with it verify no one (staff.key_shared)."""
    taken = holders(p for p in archive.staff.values() if p.id != change.id)
    for key in change.keys:
        wanted = fingerprint(key)
        if wanted is not None and wanted in taken:
            shown = archive.show(archive.root / STAFF_FILE)
            raise ConfigError("staff.key_taken", shown, other=taken[wanted][0], fingerprint=wanted)


def add_person(archive: Archive, change: PersonChange, today: date) -> StaffEdit:
    """Add a person with their first position; refused if the id or NIP is taken."""
    if change.id in archive.staff:
        raise ConfigError("staff.exists", archive.show(archive.root / STAFF_FILE), id=change.id)
    if change.nama is None or change.nip is None or change.tenure is None:
        raise ConfigError("staff.add_needs", None)
    if slug(change.id) != change.id:  # said before the registry's schema says 'format salah'
        # The name without its degrees and titles ("Drs. Hendra Gunawan, M.Si." -> hendra-gunawan).
        bare = " ".join(w for w in change.nama.split(",")[0].split() if not w.endswith("."))
        raise ConfigError("staff.bad_id", None, id=change.id, example=slug(bare) or slug(change.id) or "-")
    _refuse_taken_keys(archive, change)

    def edit(data: CommentedMap) -> None:
        entry = CommentedMap()
        entry["id"], entry["nama"], entry["nip"] = change.id, change.nama, _nip_text(change.nip or "")
        if change.email:
            entry["email"] = change.email
        if change.keys:
            entry["kunci_ssh"] = CommentedSeq(change.keys)
        if change.fiktif:
            entry["fiktif"] = True
        entry["penugasan"] = CommentedSeq([_tenure(change.tenure)])  # type: ignore[arg-type]
        people = data.get("staf")
        if not isinstance(people, CommentedSeq) or not people:
            data["staf"] = people = CommentedSeq()
        people.append(entry)

    return _edit(archive, change.id, edit, today)


def change_person(archive: Archive, change: PersonChange, today: date) -> StaffEdit:
    """Change a person's name, NIP or e-mail, add signing keys or a new position."""
    _refuse_taken_keys(archive, change)

    def edit(data: CommentedMap) -> None:
        entry = _entry(archive, data, change.id)
        for key, value in (("nama", change.nama), ("email", change.email)):
            if value is not None:
                _put(entry, key, value)
        if change.nip is not None:
            _put(entry, "nip", _nip_text(change.nip))
        if change.revoked:
            _revoke(entry, change.id, change.revoked)
        if change.keys:
            keys = entry.get("kunci_ssh")
            if not isinstance(keys, list):
                _put(entry, "kunci_ssh", CommentedSeq())
                keys = entry["kunci_ssh"]
            for key in change.keys:
                if key not in keys:
                    keys.append(key)
        if change.tenure is not None:
            entry["penugasan"].append(_tenure(change.tenure))

    return _edit(archive, change.id, edit, today)


def _revoke(entry: Any, who: str, fingerprints: tuple[str, ...]) -> None:
    """Take the keys with these fingerprints out of a person's entry; each must be theirs."""
    keys = entry.get("kunci_ssh")
    listed = [str(k) for k in keys] if isinstance(keys, list) else []
    for wanted in fingerprints:
        if wanted not in {fingerprint(k) for k in listed}:
            shown = ", ".join(f for f in (fingerprint(k) for k in listed) if f) or "-"
            raise ConfigError("staff.key_not_listed", None, fingerprint=wanted, id=who, listed=shown)
    for i in reversed(range(len(listed))):
        if fingerprint(listed[i]) in fingerprints:
            del keys[i]


def end_tenure(archive: Archive, who: str, last_day: date, jabatan: str | None, today: date) -> StaffEdit:
    """Close a person's open position (the one named, or their only open one) on ``last_day``."""

    def edit(data: CommentedMap) -> None:
        entry = _entry(archive, data, who)
        open_ = [t for t in entry["penugasan"] if t.get("sampai") in (None, "")]
        if jabatan is not None:
            open_ = [t for t in open_ if t.get("jabatan") == jabatan]
        if len(open_) != 1:
            names = ", ".join(str(t.get("jabatan")) for t in entry["penugasan"] if t.get("sampai") in (None, ""))
            raise ConfigError("staff.which_tenure", None, id=who, open=names or "-")
        _put(open_[0], "sampai", last_day)

    return _edit(archive, who, edit, today)


def left_in_progress(archive: Archive, person: Staf, last_day: date) -> list[tuple[str, int, int]]:
    """(case id, step, round) of each step in progress that ``person`` is recorded doing and
    whose roles they hold none of after ``last_day``: work nobody would see on an agenda but
    theirs, to be given to someone else (``step CASE N --pelaksana ID``)."""
    after = last_day + timedelta(days=1)
    out = []
    for folder in archive.case_dirs():
        case = archive.read_case(folder)
        sop = archive.sop_of(case.kasus) if case.kasus is not None else None
        if sop is None or case.kasus is None or case.kasus.dihentikan is not None:
            continue
        for step in case.steps:
            rec = step.record
            if (
                rec.status == "berjalan"
                and rec.pelaksana == person.id
                and not sop.done_by(rec.langkah, person.roles_on(after))
            ):
                out.append((case.id, rec.langkah, rec.putaran))
    return sorted(out)


def left_unapproved(archive: Archive, person: Staf) -> list[tuple[str, int, int]]:
    """(case id, step, round) of each completed step recorded as ``person``'s that holds no
    standing approval of theirs (someone else committed it, or changed it since), as the trail
    judges: theirs to approve while they still hold the role. After it, they may only if the
    completion entered history while they held it; else a holder of the role approves in their
    stead (:meth:`Sop.handed_over`)."""
    trail = trail_of(archive, CheckOptions())
    found = [f for f in trail.findings if f.code in NOT_APPROVED and f.case in trail.cases] if trail else []
    waiting = {f.file for f in found}
    out = []
    for folder in sorted({trail.top / trail.cases[f.case].folder for f in found if f.case} if trail else set()):
        if not folder.is_dir():
            continue  # a case moved or removed since: its own finding says so
        case = archive.read_case(folder)
        for step in case.steps:
            rec = step.record
            shown = archive.show(folder / STEPS_DIR / step.name)
            if rec.status == "selesai" and rec.pelaksana == person.id and shown in waiting:
                out.append((case.id, rec.langkah, rec.putaran))
    return sorted(out)


def _last(node: Any) -> tuple[Any, Any] | None:
    """The innermost last key of a mapping: where ruamel keeps the comment printed after it."""
    while isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = node[key]
        if isinstance(inner, CommentedSeq) and inner and isinstance(inner[-1], CommentedMap):
            node = inner[-1]
        elif isinstance(inner, CommentedMap) and inner:
            node = inner
        else:
            return node, key
    return None


def _detach_trailing_comment(data: CommentedMap) -> Any:
    """The comment lines after the registry's last person (the template's guide), taken off
    so that an edit puts nothing after them; :func:`_attach_trailing_comment` puts them back
    at the end."""
    people = data.get("staf")
    found = _last(people[-1]) if isinstance(people, CommentedSeq) and people else None
    token = found[0].ca.items.get(found[1]) if found else None
    if token and len(token) > 2 and token[2] is not None:
        comment, token[2] = token[2], None
        return comment
    return None


def _attach_trailing_comment(data: CommentedMap, comment: Any) -> None:
    people = data.get("staf")
    found = _last(people[-1]) if comment is not None and isinstance(people, CommentedSeq) and people else None
    if found is not None:
        found[0].ca.items[found[1]] = [None, None, comment, None]


def _entry(archive: Archive, data: CommentedMap, who: str) -> Any:
    for entry in data.get("staf") or []:
        if isinstance(entry, dict) and entry.get("id") == who:
            return entry
    known = ", ".join(sorted(archive.staff)) or "-"
    raise ConfigError("staff.unknown_id", archive.show(archive.root / STAFF_FILE), id=who, known=known)


def _tenure(t: Tenure) -> CommentedMap:
    out = CommentedMap()
    out["jabatan"] = t.jabatan
    if t.peran:
        seq = CommentedSeq(t.peran)
        seq.fa.set_flow_style()
        out["peran"] = seq
    out["mulai"] = t.mulai
    for flag in ("admin_staf", "admin_sop", "admin_arsip"):
        if getattr(t, flag):
            out[flag] = True
    return out


def _nip_text(nip: str) -> str:
    """The NIP in its printed grouping, '19800517 200604 2 008', always quoted."""
    digits = normalise(nip.strip())
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}" if len(digits) == 18 else nip


def _put(entry: CommentedMap, key: str, value: Any) -> None:
    """Set ``key``, adding it where the model puts it when it is new."""
    if key in entry:
        entry[key] = value
        return
    order = list(Staf.model_fields) + list(entry)
    before = set(order[: order.index(key)]) if key in order else set(entry)
    position = max((i + 1 for i, k in enumerate(entry) if k in before), default=len(entry))
    entry.insert(position, key, value)


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(str, _quoted_digits)
    return y


def _quoted_digits(representer: Any, value: str) -> Any:
    """NIPs and other numbers-as-text stay quoted, as the registry writes them."""
    style = '"' if value.replace(" ", "").isdigit() else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


@one_writer
def _edit(archive: Archive, who: str, edit: Any, today: date) -> StaffEdit:
    path = archive.root / STAFF_FILE
    shown = archive.show(path)
    if path.is_symlink() or not path.is_file():
        raise ConfigError("staff.missing_file", shown)
    original = path.read_text("utf-8")
    loaded = load_text(original, shown)  # the strict loader first: a conflicted or broken file is said as such
    data = _yaml().load(original)
    if not isinstance(data, CommentedMap):
        raise ConfigError("record.not_mapping", shown)
    trailing = _detach_trailing_comment(data)
    edit(data)
    _attach_trailing_comment(data, trailing)
    out = io.StringIO()
    _yaml().dump(data, out)
    text = out.getvalue().rstrip("\n") + "\n"
    person, people = _read_back(archive, shown, text, who)
    before, _ = validate(loaded, loaded.data, Registri)
    lost = sorted(_open_admin(before.staf if before is not None else []) - _open_admin(people))
    if lost:
        raise ConfigError("staff.last_admin", shown, id=who, flags=", ".join(lost))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
    # Who may authorise it: the administrators of the last committed registry, not of a working
    # copy anyone could have edited (themselves made admin); before any commit, of the new one.
    head = committed(path)
    if head is not None:
        registry, _, _ = parse_text(head, shown, Registri)
        people = registry.staf if registry is not None else []
    admins = [p.nama for p in people if any(t.admin_staf and t.covers(today) for t in p.penugasan)]
    return StaffEdit(path, person, admins, head is None)


ADMIN_FLAGS = ("admin_staf", "admin_sop", "admin_arsip")


def _open_admin(people: list[Staf]) -> set[str]:
    """The administrative rights someone holds in a position with no last day: the registry,
    the SOPs and the settings change only by the signed commit of a holder. A registry that
    ends the last holder's post leaves no one to authorise the next change (not even the
    successor's entry), and the archive is shut for good."""
    return {f for p in people for t in p.penugasan if t.sampai is None for f in ADMIN_FLAGS if getattr(t, f)}


def _read_back(archive: Archive, shown: str, text: str, who: str) -> tuple[Staf, list[Staf]]:
    """The edited person and registry as ``check`` reads them; a problem refuses the edit, located."""
    loaded = load_text(text, shown)
    _, problems = validate(loaded, {**loaded.data, "staf": []}, Registri)
    people = loaded.data.get("staf") or []
    roles = {r.id for sop in archive.sops.values() for r in sop.peran}
    found: Staf | None = None
    staff: list[Staf] = []
    ids: set[str] = set()
    nips: dict[str, str] = {}
    for i, entry in enumerate(people):
        person, more = validate(loaded, entry, Staf, prefix=("staf", i))
        problems += more
        if person is None:
            continue
        line = loaded.line_of(("staf", i))
        if person.id in ids:
            raise ConfigError("staff.duplicate_id", shown, line, id=person.id)
        if normalise(person.nip) in nips:
            raise ConfigError("staff.duplicate_nip", shown, line, nip=person.nip, other=nips[normalise(person.nip)])
        ids.add(person.id)
        nips[normalise(person.nip)] = person.id
        staff.append(person)
        unknown = [r for t in person.penugasan for r in t.peran if roles and r not in roles]
        if person.id == who:
            found = person
            if unknown:
                raise ConfigError("staff.unknown_role", shown, None, role=unknown[0], roles=", ".join(sorted(roles)))
    if problems:  # the registry's own located error: a NIP that cannot be one, a missing field…
        first = problems[0]
        raise ConfigError(first.code, shown, first.line, **first.params)
    assert found is not None
    return found, staff
