"""The opened archive: its settings, SOPs, staff registry, document templates and site
settings, read once per command and handed to everything that judges or shows a case; and
the reading of one case folder. Where things are is in :mod:`sop_kit.records.layout`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..core.errors import SopKitError
from ..core.findings import Finding, Severity
from .config import CONFIG_FILE, ArchiveConfig, load_config, settle
from .layout import CASE_FILE, SITE_FILE, SOP_DIR, STAFF_FILE, STEPS_DIR, Layout, locate
from .models import Berkas, CatatanLangkah, Kasus, Registri, Sop, Staf
from .parse import error_finding, parse_file, parse_text, validate
from .personal import fold, number_key, personal_numbers, personal_values
from .revisions import sop_for
from .scan import Listing, named, scan, unshowable
from .sshkey import fingerprint
from .yamlsafe import Loaded, load_bytes, load_file


@dataclass
class Archive(Layout):
    """The archive-wide records every case is judged against."""

    config: ArchiveConfig = field(default_factory=ArchiveConfig)
    digest: str = ""  # of the settings, SOPs and registry in force: what every verdict rests on
    sops: dict[tuple[str, int], Sop] = field(default_factory=dict)
    sop_files: dict[tuple[str, int], str] = field(default_factory=dict)
    staff: dict[str, Staf] = field(default_factory=dict)
    staff_readable: bool = False  # False: staf.yaml missing or unparsable, so staff rules are skipped
    staff_invalid: set[object] = field(default_factory=set)  # ids of entries that failed validation
    findings: list[Finding] = field(default_factory=list)
    # The office's files in force, as bytes: its document templates by name inside templates/
    # and its mkdocs.yml (None: none). Rendered and read from here, never from the working tree.
    templates: dict[str, bytes] = field(default_factory=dict)
    site_settings: bytes | None = None
    # The versions in force of the files verdicts rest on, by path, when history decides them
    # (open_archive's ``governed``): what a bag of a case holds of them. None: the working tree.
    in_force: Governed | None = None

    def unknown_staff(self, who: str) -> bool:
        """Should ``who`` be reported as unknown? Not when staf.yaml itself could not be read,
        nor when their entry is there but invalid: staf.yaml's own errors say that."""
        return self.staff_readable and who not in self.staff and who not in self.staff_invalid

    def public_names(self) -> frozenset[str]:
        """The names the office's own outputs print: its staff and the officials who ratified
        its SOPs. A word of one is no family's name after "Pak" or "H." (records.personal)."""
        return frozenset([*(s.nama for s in self.staff.values()), *(s.disahkan_oleh.nama for s in self.sops.values())])

    def public_numbers(self) -> frozenset[str]:
        """The office's own phone as every letterhead prints it (the profile in force), when
        it is a mobile number, as small offices' hotlines are: no family's, so never refused
        as personal data (:func:`~sop_kit.records.personal.number_key` of each)."""
        phone = fold((self.config.kantor.telepon if self.config.kantor else None) or "")
        return frozenset(number_key(phone[start:end]) for start, end, _ in personal_numbers(phone))

    def doer(self, sop: Sop, record: CatatanLangkah) -> Staf | None:
        """The person a step record names as doing it, when they held one of the step's roles
        on its date (its end, else its start): the one who approves it."""
        person = self.staff.get(record.pelaksana or "")
        when = record.selesai or record.mulai
        held = person is not None and when is not None and sop.done_by(record.langkah, person.roles_on(when.date()))
        return person if held else None

    def successors(self, sop: Sop, record: CatatanLangkah, day: date) -> list[Staf]:
        """Who may approve the step for its recorded doer on ``day``, when the doer held one of
        its roles on its date and holds none that day (:meth:`Sop.handed_over`): the role's
        holders then. Empty while the doer still holds it."""
        doer = self.doer(sop, record)
        when = record.selesai or record.mulai
        if doer is None or when is None:
            return []
        then, now = [doer.roles_on(when.date())], doer.roles_on(day)
        return [p for p in self.staff.values() if sop.handed_over(record.langkah, then, now, p.roles_on(day))]

    def approvers(self, sop: Sop, record: CatatanLangkah, day: date, entered: date | None = None) -> list[Staf]:
        """Who approves the step by a signed commit counted on ``day``, as the trail judges it:
        its doer (:meth:`doer`) while they hold one of its roles; a doer who has left, when the
        completion entered history (``entered``: committed by another, not yet approved) while
        they held one, and the role's holders on ``day`` (:meth:`successors`) too; otherwise
        those holders alone. With nobody else, the doer. Empty without a doer."""
        doer = self.doer(sop, record)
        if doer is None:
            return []
        if sop.done_by(record.langkah, doer.roles_on(day)):
            return [doer]
        successors = self.successors(sop, record, day)
        if entered is not None and sop.done_by(record.langkah, doer.roles_on(entered)):
            return [doer, *successors]
        return successors or [doer]

    def sop_for(self, nomor: str, start: date | str, revisi: int | None = None) -> Sop | None:
        """The revision ``revisi`` of SOP ``nomor``; without one, the revision in force on
        ``start`` (see :mod:`sop_kit.records.revisions`)."""
        return sop_for(self.sops, nomor, start, revisi)

    def sop_of(self, kasus: Kasus) -> Sop | None:
        """The SOP revision a case is judged by."""
        return self.sop_for(kasus.sop.nomor, kasus.periode.mulai, kasus.sop.revisi)

    def read_case(self, path: Path, files: Listing | None = None) -> CaseFolder:
        """Parse a case folder's records; ``files`` is its :func:`scan` if already made."""
        return _read_case(self, path, files)


Governed = Mapping[Path, bytes]  # the versions in force of the files verdicts rest on, by path


def open_archive(root: Path | str | Layout, governed: Governed | None = None) -> Archive:
    """Open the archive at ``root``: its settings (``sop-kit.yaml`` and the environment's
    pins), SOPs and staff registry. A command opens it once and hands it on.

    ``governed`` gives, instead of the working tree's files, the versions in force of the
    settings, the SOP files, the registry, the templates and mkdocs.yml (as history authorised
    them): then exactly the SOP files and templates it holds are read, and a file it lacks is
    absent.

    Raises :class:`ConfigError` when ``root`` is not an archive at all; problems inside its
    files become findings on the returned archive.
    """
    layout = locate(root)
    config_path = layout.root.parent / CONFIG_FILE
    if governed is None:
        config, problems = load_config(layout)
    elif config_path in governed:
        config, problems = load_config(layout, governed[config_path])
    else:
        config, problems = settle(None, None), []
    archive = Archive(layout.root, layout.shown, config, findings=problems)
    sop_dir = archive.root / SOP_DIR
    if governed is None:
        listed = sorted(sop_dir.glob("*.yaml"))
        files = named(listed)
        for path in sorted(set(listed) - set(files)):  # a name that is not text: reported, never read
            spelled = f"{SOP_DIR}/{unshowable(path.name)}"
            shown = archive.show(archive.root / spelled)
            archive.findings.append(Finding(Severity.ERROR, "file.name_encoding", shown, None, {"path": spelled}))
    else:
        files = sorted(p for p in governed if p.parent == sop_dir)
    for path in files:
        shown = archive.show(path)
        if governed is None:
            sop, loaded, problems = parse_file(path, shown, Sop)
        else:
            sop, loaded, problems = parse_text(governed[path], shown, Sop)
        archive.findings += problems
        if sop is None or loaded is None:
            continue
        if sop.ref in archive.sops:
            archive.findings.append(
                Finding(
                    Severity.ERROR,
                    "sop.duplicate",
                    loaded.file,
                    loaded.line_of(("nomor",)),
                    {"nomor": sop.nomor, "revisi": sop.revisi, "other": archive.sop_files[sop.ref]},
                )
            )
            continue
        archive.sops[sop.ref] = sop
        archive.sop_files[sop.ref] = loaded.file
    if not archive.sops:
        archive.findings.append(Finding(Severity.ERROR, "sop.none", archive.show(archive.root / SOP_DIR), None))
    _load_staff(archive, governed)
    digest = hashlib.sha256()
    for path in [config_path, *files, archive.root / STAFF_FILE]:
        data = (governed or {}).get(path) if governed is not None else _bytes(path)
        digest.update(path.name.encode() + b"\0" + (data if data is not None else b"-") + b"\0")
    archive.digest = digest.hexdigest()
    _load_office_files(archive, governed)
    archive.in_force = governed
    return archive


def _load_office_files(archive: Archive, governed: Governed | None) -> None:
    """The templates and mkdocs.yml beside the records folder: the versions in force, or the
    working tree's regular files (a symbolic link is never followed out of the folder)."""
    folder, site = archive.templates_dir, archive.root.parent / SITE_FILE
    if governed is not None:
        archive.templates = {
            p.relative_to(folder).as_posix(): d for p, d in governed.items() if p.is_relative_to(folder)
        }
        archive.site_settings = governed.get(site)
        return
    for top, dirs, names in os.walk(folder) if not folder.is_symlink() else ():
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
        for path in named(Path(top, name) for name in names):
            if not path.is_symlink() and path.is_file():
                data = _bytes(path)
                if data is not None:
                    archive.templates[path.relative_to(folder).as_posix()] = data
    archive.site_settings = None if site.is_symlink() else _bytes(site)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _load_staff(archive: Archive, governed: Governed | None) -> None:
    path = archive.root / STAFF_FILE
    shown = archive.show(path)
    if (governed is None and not path.is_file()) or (governed is not None and path not in governed):
        archive.findings.append(Finding(Severity.ERROR, "staff.missing", shown, None))
        return
    # Each person is validated alone: one mistyped NIP must not make every case's staff unknown.
    try:
        loaded = load_file(path, shown) if governed is None else load_bytes(governed[path], shown)
    except SopKitError as exc:
        archive.findings.append(error_finding(exc))
        return
    data = loaded.data if isinstance(loaded.data, dict) else {}
    people: list[Any] = data["staf"] if isinstance(data.get("staf"), list) else []
    _, problems = validate(loaded, {**data, "staf": []}, Registri)
    archive.findings += problems
    archive.staff_readable = True
    known_roles = {role.id for sop in archive.sops.values() for role in sop.peran}
    seen_nip: dict[str, str] = {}
    seen_key: dict[str, str] = {}  # fingerprint -> the id of the first person listing it
    for i, entry in enumerate(people):
        person, problems = validate(loaded, entry, Staf, prefix=("staf", i))
        archive.findings += problems
        if person is None:
            archive.staff_invalid.add(entry.get("id") if isinstance(entry, dict) else None)
            continue
        line = loaded.line_of(("staf", i))
        if person.id in archive.staff:
            archive.findings.append(Finding(Severity.ERROR, "staff.duplicate_id", shown, line, {"id": person.id}))
            continue
        if person.nip in seen_nip:
            archive.findings.append(
                Finding(
                    Severity.ERROR,
                    "staff.duplicate_nip",
                    shown,
                    line,
                    {"nip": person.nip, "other": seen_nip[person.nip]},
                )
            )
        seen_nip[person.nip] = person.id
        archive.staff[person.id] = person
        for k, key in enumerate(person.kunci_ssh):
            at = loaded.line_of(("staf", i, "kunci_ssh", k))
            fpr = fingerprint(key)
            if fpr is None:  # cut short by a copy and paste: this person's signatures verify nothing
                archive.findings.append(Finding(Severity.ERROR, "staff.key_invalid", shown, at, {"id": person.id}))
            elif seen_key.setdefault(fpr, person.id) != person.id:  # a signature by it names no one person
                params = {"id": person.id, "other": seen_key[fpr], "fingerprint": fpr}
                archive.findings.append(Finding(Severity.ERROR, "staff.key_shared", shown, at, params))
        for j, tenure in enumerate(person.penugasan):
            for k, role in enumerate(tenure.peran):
                if known_roles and role not in known_roles:
                    archive.findings.append(
                        Finding(
                            Severity.ERROR,
                            "staff.unknown_role",
                            shown,
                            loaded.line_of(("staf", i, "penugasan", j, "peran", k)),
                            {"role": role, "roles": ", ".join(sorted(known_roles))},
                        )
                    )


@dataclass
class StepFile:
    record: CatatanLangkah
    loaded: Loaded
    name: str  # file name inside langkah/


@dataclass
class CaseFolder:
    """One case folder as read from disk, before any rule is applied."""

    path: Path
    shown: str
    kasus: Kasus | None = None
    kasus_loaded: Loaded | None = None
    files: Listing = field(default_factory=dict)
    steps: list[StepFile] = field(default_factory=list)
    loaded_steps: list[Loaded] = field(default_factory=list)  # every step file that loaded, valid or not
    findings: list[Finding] = field(default_factory=list)
    unreadable_steps: int = 0

    @property
    def id(self) -> str:
        return self.kasus.id if self.kasus else self.path.name

    def marked_private(self, sop: Sop) -> list[Berkas]:
        """The entries a record marks as personal data (``pribadi``, or a kind that always is)."""
        return [d for s in self.steps for d in s.record.dokumen if sop.is_personal(d.jenis, d.pribadi)]

    def private_files(self, sop: Sop) -> frozenset[str]:
        """The files kept off the public site (:meth:`marked_private`): one that two records
        name (a new round's step with the same data) is private when either says so, and so is
        a copy of it under another name (the same recorded SHA-256), so that no other entry
        publishes it."""
        marked = self.marked_private(sop)
        digests = {d.sha256 for d in marked if d.sha256}
        copies = (d.berkas for s in self.steps for d in s.record.dokumen if d.sha256 in digests)
        return frozenset([*(d.berkas for d in marked), *copies])

    def personal_values(self, officials: Iterable[str] = ()) -> set[str]:
        """The personal values of its valid records: what public text of this case must not
        hold; ``officials`` are the archive's :meth:`Archive.public_names`."""
        return personal_values([self.kasus, *(s.record for s in self.steps)], officials) if self.kasus else set()


def _read_case(archive: Archive, path: Path, files: Listing | None = None) -> CaseFolder:
    """Parse a case folder's records; ``files`` is its :func:`scan` if already made."""
    case = CaseFolder(path, archive.show(path), files=files if files is not None else scan(path))
    identity = case.files.get(CASE_FILE)
    if identity is not None and identity.kind == "file":
        case_file = path / CASE_FILE
        case.kasus, case.kasus_loaded, problems = parse_file(case_file, archive.show(case_file), Kasus, path.name)
        case.findings += problems
    else:
        case.findings.append(
            Finding(Severity.ERROR, "case.no_identity", archive.show(path / CASE_FILE), None, {}, path.name)
        )
    prefix = STEPS_DIR + "/"
    base = str(path)
    for name, entry in sorted(case.files.items()):
        if not name.startswith(prefix):
            continue
        step_path = f"{base}/{name}"  # a string: Path joins cost more than the rules here
        shown = archive.show(step_path)
        if entry.kind == "link":
            case.findings.append(Finding(Severity.ERROR, "file.symlink", shown, None, {"path": name}, path.name))
            continue
        if "/" in name[len(prefix) :] or entry.kind == "dir" or not name.endswith(".yaml"):
            if "/" not in name[len(prefix) :]:
                # A step saved as .yml, .YAML or .yaml.txt would otherwise just look missing.
                case.findings.append(Finding(Severity.WARNING, "step.not_yaml", shown, None, {"path": name}, path.name))
            continue
        if entry.kind != "file":
            case.findings.append(Finding(Severity.ERROR, "file.not_regular", shown, None, {"path": name}, path.name))
            continue
        record, loaded, problems = parse_file(step_path, shown, CatatanLangkah, path.name)
        case.findings += problems
        case.unreadable_steps += record is None
        if loaded is not None:
            case.loaded_steps.append(loaded)
        if record is not None and loaded is not None:
            case.steps.append(StepFile(record, loaded, name[len(prefix) :]))
    return case
