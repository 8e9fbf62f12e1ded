"""``sop-kit demo DIR``: a demo archive whose own git history is the approval trail.

The project's history belongs to its developers, so it cannot show an auditor signed
approvals. :func:`build_demo` makes a separate, self-contained git repository instead:

* ``records/``: the SOPs and cases of a source archive (normally the shipped ``records/``),
  with the staff registry given SSH public keys (``kunci_ssh``) made for the demo;
* ``sop-kit.yaml``: ``tanda_tangan: wajib`` and the pinned trust root (``akar_kepercayaan``,
  the sha256 of the first committed ``staf.yaml``);
* ``.kunci-demo/``: the private keys, ignored by git and marked as never to be used for real.

The history replays every case as it would have happened: the first commit by a staff
administrator (the Kepala Dinas) with the SOP and the registry; then, in date order, each
case's ``kasus.yaml`` by the clerk who created it and one commit per step record (with the
documents it names), signed by the person recorded as ``pelaksana``, dated with the step's
``selesai`` (or ``mulai``) time in WIB. Three irregularities are planted, each in its own
case, for ``sop-kit check`` and ``sop-kit trail`` to find: a step approved without a
signature, a scanned SK replaced after its approval, and a step-2 decision written in the
Kasi's name but signed with a clerk's key.

git runs with no system or global configuration (``GIT_CONFIG_NOSYSTEM``, a temporary
``HOME``) and every setting on its command line, so neither the caller's repository nor
their git settings are read or touched. Dates come from the records; only the keys (and so
the signatures and commit ids) differ between runs.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..core import resources
from ..core.errors import ConfigError
from ..core.feedback import SILENT, Reporter
from ..records.archive import CaseFolder, open_archive
from ..records.config import CONFIG_FILE, office_settings
from ..records.fieldtypes import WIB
from ..records.layout import CASE_FILE, CASES_DIR, RECORDS_DIR, STAFF_FILE, STEPS_DIR, locate
from ..records.models import Registri, Sop, Staf

KEYS_DIR = ".kunci-demo"
RECORDS = RECORDS_DIR
UNSIGNED, CHANGED, FORGED = "unsigned", "changed_after_approval", "forged"
# What `sop-kit check` reports for each planted irregularity.
CODES = {
    UNSIGNED: ("trail.unverified",),
    CHANGED: ("trail.changed_after_approval", "file.hash_mismatch", "doc.missing"),
    FORGED: ("trail.wrong_role",),
}


@dataclass(frozen=True)
class Planted:
    """One irregularity put into the demo history on purpose."""

    kind: str  # unsigned | changed_after_approval | forged
    case: str
    step: int
    round: int
    commit: str
    file: str  # path inside the case folder: the step record, or the replaced document
    author: str  # the name on the commit
    signer: str | None  # the staff id whose key signed it; None when unsigned

    @property
    def codes(self) -> tuple[str, ...]:
        return CODES[self.kind]


@dataclass
class DemoResult:
    target: Path  # the demo repository (absolute)
    records: Path  # its archive folder
    keys: Path  # the demo keys (never committed)
    commits: int
    cases: list[str]
    signers: dict[str, str]  # staff id -> name, for everyone with a demo key
    planted: list[Planted] = field(default_factory=list)
    example: str | None = None  # a case without planted irregularities, for the tour


@dataclass
class _Event:
    when: datetime
    message: str
    author: Staf
    signer: str | None  # staff id whose key signs; None: an unsigned commit
    files: list[tuple[str, Path | bytes]]  # path inside the repository -> source file or content
    case: str = ""
    step: int = 0
    round: int = 0
    file: str = ""  # for a planted event: the file it is about, inside the case folder
    planted: str | None = None


def build_demo(target: Path | str, source: Path | str = Path(RECORDS), reporter: Reporter | None = None) -> DemoResult:
    """Create ``target`` as a demo archive repository replaying the cases of ``source``;
    ``reporter`` hears of each commit made (each one signed by ssh-keygen: a few seconds).

    Raises :class:`ConfigError` when ``target`` exists and is neither an empty folder nor an
    earlier demo (which is replaced), when ``source`` is not an archive that can be replayed,
    or when git or ssh-keygen is missing. On failure the previous folder stays as it was.
    """
    shown = str(target)
    target = Path(os.path.abspath(target))
    earlier = _is_demo(target)
    if target.exists() and not earlier and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError("config.demo_not_empty", shown, path=shown)
    if earlier and (kept := _worked_in(target)) is not None:
        raise ConfigError("config.demo_changed", shown, path=shown, what=kept)
    for tool in ("git", "ssh-keygen"):
        if shutil.which(tool) is None:
            raise ConfigError("config.demo_tool_missing", None, tool=tool)
    plan = _Plan(source)
    if Path(os.path.realpath(target)).is_relative_to(plan.root):
        raise ConfigError("config.demo_inside_source", shown, path=shown)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="sop-kit-demo-home-") as home:
            result = plan.build(work, Path(home), target, reporter or SILENT)
            # What this demo's history ends at: a later run replaces it only while it does.
            (work / ".git" / DEMO_HEAD).write_text(_git(work, Path(home), "rev-parse", "HEAD"), "utf-8")
        mask = os.umask(0)
        os.umask(mask)
        work.chmod(0o777 & ~mask)  # mkdtemp made it private; the demo is an ordinary folder
        old = None
        if earlier:
            old = target.with_name(f".{target.name}.lama-{os.getpid()}")
            os.rename(target, old)
        elif target.exists():
            target.rmdir()
        os.rename(work, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    result.target, result.records, result.keys = target, target / RECORDS, target / KEYS_DIR
    return result


DEMO_HEAD = "sop-kit-demo-head"
# What the tour's own commands write into the demo folder: outputs made again from the records.
_TOUR_OUTPUT = re.compile(r"\.?(?:site|site-internal|pdf|internal)(?:\..*)?")


def _worked_in(folder: Path) -> str | None:
    """Why an earlier demo may not be replaced, or None: a commit after those the demo made,
    or a file changed or added outside the tour's outputs (someone practised in it, or made
    it their archive). Replacing it would lose that work."""
    try:
        made = (folder / ".git" / DEMO_HEAD).read_text("utf-8").strip()
    except OSError:
        return ".git"  # made before demos said where they end: whose work it holds is unknown
    with tempfile.TemporaryDirectory(prefix="sop-kit-demo-home-") as home:
        try:
            head = _git(folder, Path(home), "rev-parse", "HEAD").strip()
            status = _git(folder, Path(home), "status", "--porcelain", "--untracked-files=all")
        except ConfigError:
            return ".git"
    if head != made:
        return f"commit {head[:10]}"
    for line in status.splitlines():
        path = line[3:].strip('"')
        if not _TOUR_OUTPUT.fullmatch(path.split("/", 1)[0]):
            return path
    return None


def _is_demo(folder: Path) -> bool:
    """A folder an earlier ``sop-kit demo`` made: its keys folder, settings and repository."""
    return (folder / KEYS_DIR).is_dir() and (folder / "sop-kit.yaml").is_file() and (folder / ".git").is_dir()


# --- what to replay -------------------------------------------------------------------------


class _Plan:
    def __init__(self, source: Path | str):
        layout = locate(source)
        self.root = layout.root
        self.archive = open_archive(source)
        self.staff = self.archive.staff
        if not self.staff:
            raise ConfigError("config.demo_bad_case", self.archive.show(self.root / STAFF_FILE))
        self.cases = [self.archive.read_case(path) for path in layout.case_dirs()]
        for case in self.cases:
            if case.kasus is None or case.kasus.dibuat_oleh not in self.staff:
                raise ConfigError("config.demo_bad_case", self.archive.show(case.path / CASE_FILE))
            for step in case.steps:
                if step.record.pelaksana is not None and step.record.pelaksana not in self.staff:
                    raise ConfigError("config.demo_bad_case", self.archive.show(case.path / STEPS_DIR / step.name))
        self.first = self._start_time()
        admins = [
            p for p in self.staff.values() if any(t.admin_staf and t.covers(self.first.date()) for t in p.penugasan)
        ]
        if not admins:
            raise ConfigError("config.demo_no_admin", self.archive.show(self.root / STAFF_FILE))
        self.admin = admins[0]
        self.choose_planted()

    def _start_time(self) -> datetime:
        times = [t for case in self.cases for t in [_case_start(case)] if t is not None]
        first = min(times) if times else datetime(2020, 1, 6, 8, 0, tzinfo=WIB)
        return (first - timedelta(days=7)).replace(hour=8, minute=0)

    def _sop(self, case: CaseFolder) -> Sop | None:
        assert case.kasus is not None
        return self.archive.sop_of(case.kasus)

    def choose_planted(self) -> None:
        """The three most recent cases whose every step is done in one round, one irregularity each."""
        complete = []
        for case in self.cases:
            sop = self._sop(case)
            done = {s.record.langkah for s in case.steps if s.record.status == "selesai" and s.record.putaran == 1}
            single = all(s.record.putaran == 1 for s in case.steps)
            if sop and single and done >= {step.no for step in sop.langkah} and self._has_sk(case):
                complete.append(case)
        complete.sort(key=lambda c: c.id)
        if len(complete) < 3:
            raise ConfigError("config.demo_few_cases", self.archive.show(self.root / CASES_DIR), found=len(complete))
        self.unsigned, self.changed, self.forged = (c.id for c in complete[-3:])
        others = [c.id for c in complete if c.id not in (self.unsigned, self.changed, self.forged)]
        self.example = others[-1] if others else None

    def _decision_no(self, case: CaseFolder) -> int | None:
        """The case's decision step (SOP 61.1.D.049: step 2), None if its SOP has none."""
        sop = self._sop(case)
        return sop.decision_steps[0].no if sop and sop.decision_steps else None

    def _after_decision(self, case: CaseFolder) -> int | None:
        """The step a 'ya' leads to, whose document is replaced (SOP 61.1.D.049: step 3, the SK)."""
        sop = self._sop(case)
        decision = sop.decision_steps[0].keputusan if sop and sop.decision_steps else None
        return decision.ya if decision else None

    def _has_sk(self, case: CaseFolder) -> bool:
        after = self._after_decision(case)
        return any(s.record.langkah == after and s.record.dokumen for s in case.steps)

    # --- the events -----------------------------------------------------------------------

    def case_events(self, case: CaseFolder) -> list[_Event]:
        assert case.kasus is not None
        clerk = self.staff[case.kasus.dibuat_oleh]
        folder = case.path.relative_to(self.root).as_posix()
        repo = f"{RECORDS}/{folder}"
        steps = sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah, s.name))
        named: dict[str, str] = {}  # document -> first step file naming it
        for s in steps:
            for doc in s.record.dokumen:
                named.setdefault(doc.berkas, s.name)
        step_files = {f"{STEPS_DIR}/{s.name}" for s in steps}
        on_disk = sorted(
            p.relative_to(case.path).as_posix() for p in case.path.rglob("*") if p.is_file() and not p.is_symlink()
        )
        # Files no step names (and unreadable records) arrive with the case itself.
        extra = [f for f in on_disk if f != CASE_FILE and f not in step_files and f not in named]
        start = _case_start(case) or datetime.combine(case.kasus.periode.mulai, datetime.min.time(), WIB).replace(
            hour=8
        )
        events = [
            _Event(
                start,
                f"{case.id}: kasus dibuat",
                clerk,
                clerk.id,
                [(f"{repo}/{f}", case.path / f) for f in [CASE_FILE, *extra]],
                case.id,
            )
        ]
        for s in steps:
            r = s.record
            when = _local(r.selesai or r.mulai) or events[-1].when + timedelta(minutes=1)
            who = self.staff[r.pelaksana] if r.pelaksana else clerk
            docs = [d for d, first in named.items() if first == s.name and (case.path / d).is_file()]
            files: list[tuple[str, Path | bytes]] = [(f"{repo}/{STEPS_DIR}/{s.name}", case.path / STEPS_DIR / s.name)]
            files += [(f"{repo}/{d}", case.path / d) for d in docs]
            event = _Event(when, _message(case.id, r.langkah, r.putaran, r.status, r.keputusan), who, who.id, files)
            event.case, event.step, event.round, event.file = case.id, r.langkah, r.putaran, f"{STEPS_DIR}/{s.name}"
            if case.id == self.unsigned and r.langkah == self._unsigned_step(case) and r.putaran == 1:
                event.signer, event.planted = None, UNSIGNED
            if case.id == self.forged and r.langkah == self._decision_no(case) and r.putaran == 1:
                event.signer, event.planted = self._forger(case, when).id, FORGED
            events.append(event)
        if case.id == self.changed:
            events.append(self._replacement(case, clerk, repo, events[-1].when))
        return events

    def _unsigned_step(self, case: CaseFolder) -> int:
        """The last step done by someone other than the case's clerk (SOP 61.1.D.049: step 6,
        the coaching by the Kasi or Kabid), else the last step done."""
        assert case.kasus is not None
        done = sorted((s.record.langkah, s.record.pelaksana) for s in case.steps if s.record.status == "selesai")
        others = [no for no, who in done if who != case.kasus.dibuat_oleh]
        return others[-1] if others else done[-1][0]

    def _forger(self, case: CaseFolder, when: datetime) -> Staf:
        """A clerk who does not hold the decision's role: the case's creator, or another clerk."""
        assert case.kasus is not None
        sop = self._sop(case)
        decision = self._decision_no(case)
        roles = set(sop.step(decision).pelaksana) if sop and decision else set()
        creator = self.staff[case.kasus.dibuat_oleh]
        candidates = [creator, *sorted(self.signers(), key=lambda p: p.id)]  # people with a demo key
        for person in candidates:
            if person.roles_on(when.date()) and not person.roles_on(when.date()) & roles:
                return person
        return creator

    def _replacement(self, case: CaseFolder, clerk: Staf, repo: str, after: datetime) -> _Event:
        """The clerk replaces the approved SK scan, the day after the case closed."""
        designation = self._after_decision(case)
        sk_step = next(s for s in case.steps if s.record.langkah == designation and s.record.dokumen)
        doc = sk_step.record.dokumen[0].berkas
        when = (after + timedelta(days=1)).replace(hour=10, minute=0)
        event = _Event(
            when,
            f"{case.id}: pindaian {doc} diganti",
            clerk,
            clerk.id,
            [(f"{repo}/{doc}", _replacement_scan(case.id, when))],
            case.id,
            sk_step.record.langkah,
            sk_step.record.putaran,
            doc,
            CHANGED,
        )
        return event

    # --- the repository -------------------------------------------------------------------

    def signers(self) -> list[Staf]:
        ids = {self.admin.id}
        for case in self.cases:
            assert case.kasus is not None
            ids.add(case.kasus.dibuat_oleh)
            ids.update(s.record.pelaksana for s in case.steps if s.record.pelaksana)
        return [p for p in self.staff.values() if p.id in ids]

    def build(self, top: Path, home: Path, final: Path, reporter: Reporter) -> DemoResult:
        """Build in ``top``, which will be renamed to ``final``."""
        repo = _Repo(top, home)
        repo.git("init", "-q", "-b", "main", "--template=")
        # So that `git log --show-signature` in the demo names the signers (sop-kit uses its own list).
        repo.git("config", "gpg.ssh.allowedSignersFile", str(final / KEYS_DIR / "allowed_signers"))
        keys = top / KEYS_DIR
        keys.mkdir(mode=0o700)
        people = self.signers()
        public = {p.id: _keygen(keys / p.id, p) for p in people}
        (keys / "README.md").write_text(_keys_readme(people), "utf-8")
        (keys / "allowed_signers").write_text(
            "".join(f'{pid} namespaces="git" {" ".join(key.split()[:2])}\n' for pid, key in public.items()), "utf-8"
        )
        # As an office's repository from `sop-kit init` has them: what builds write is ignored (and
        # the documents the demo's own hint writes here, personal data among them), and the
        # number registers merge line by line.
        ignored = (resources.TEMPLATES / "init" / "gitignore").read_text("utf-8")
        (top / ".gitignore").write_text(f"{KEYS_DIR}/\n/pdf/\n/internal/\n{ignored}", "utf-8")
        shutil.copyfile(resources.TEMPLATES / "init" / "gitattributes", top / ".gitattributes")

        staff_text = _with_keys((self.root / STAFF_FILE).read_text("utf-8"), public)
        staff_bytes = staff_text.encode("utf-8")
        office, emblem = office_settings(self.root)  # the source archive's office profile and its emblem
        config = (
            "# Pengaturan arsip demo sop-kit (dibuat oleh `sop-kit demo`).\n"
            "# Settings of the sop-kit demo archive (made by `sop-kit demo`).\n"
            "format: sop-kit/konfigurasi/1\n"
            f"{office}"
            "tanda_tangan: wajib\n"
            f'akar_kepercayaan: "{hashlib.sha256(staff_bytes).hexdigest()}"\n'
        )
        first: list[tuple[str, Path | bytes]] = [
            (".gitignore", top / ".gitignore"),
            (".gitattributes", top / ".gitattributes"),
            (CONFIG_FILE, config.encode("utf-8")),
            (f"{RECORDS}/{STAFF_FILE}", staff_bytes),
            *emblem,
        ]
        case_paths = [case.path for case in self.cases]
        for path in sorted(self.root.rglob("*")):  # the SOPs and anything else outside the cases
            if not path.is_file() or path.is_symlink() or path == self.root / STAFF_FILE:
                continue
            if not any(path.is_relative_to(c) for c in case_paths):
                first.append((f"{RECORDS}/{path.relative_to(self.root).as_posix()}", path))
        start = _Event(
            self.first, "Arsip dimulai: SOP dan daftar staf dengan kunci SSH demo", self.admin, self.admin.id, first
        )
        timeline = [start, *heapq.merge(*(self.case_events(c) for c in self.cases), key=lambda e: e.when)]
        planted = []
        count = 0
        with reporter.task("demo", len(timeline)):
            for event in timeline:
                repo.commit(event, keys)
                count += 1
                reporter.note("progress.demo_commit", when=f"{event.when:%Y-%m-%d %H:%M}", message=event.message)
                reporter.advance(item=event.case or None)
                if event.planted:
                    sha = repo.git("rev-parse", "HEAD").strip()
                    planted.append(
                        Planted(
                            event.planted,
                            event.case,
                            event.step,
                            event.round,
                            sha,
                            event.file,
                            event.author.nama,
                            event.signer,
                        )
                    )
        order = {UNSIGNED: 0, CHANGED: 1, FORGED: 2}
        return DemoResult(
            top,
            top / RECORDS,
            keys,
            count,
            sorted(c.id for c in self.cases),
            {p.id: p.nama for p in people},
            sorted(planted, key=lambda p: order[p.kind]),
            self.example,
        )


class _Repo:
    def __init__(self, top: Path, home: Path):
        self.top, self.home = top, home

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        return _git(self.top, self.home, *args, env=env)

    def commit(self, event: _Event, keys: Path) -> None:
        for path, content in event.files:
            dest = self.top / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                dest.write_bytes(content)
            elif content != dest:
                shutil.copyfile(content, dest)
        self.git("add", "--", *[path for path, _ in event.files])
        person = event.author
        email = person.email or f"{person.id}@contoh.id"
        stamp = event.when.isoformat()
        env = {
            "GIT_AUTHOR_NAME": person.nama,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": person.nama,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        if event.signer:
            sign = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={keys / event.signer}", "commit", "-S"]
        else:
            sign = ["-c", "commit.gpgsign=false", "commit"]
        self.git(*sign, "-q", "-m", event.message, env=env)


def _git(top: Path, home: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """git in the demo repository only: no system, global or inherited repository settings."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "SSH_AUTH_SOCK"}
    full = {
        **base,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GIT_TERMINAL_PROMPT": "0",
        **(env or {}),
    }
    proc = subprocess.run(
        ["git", "-C", str(top), "-c", "core.autocrlf=false", "-c", "core.hooksPath=/dev/null", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full,
        check=False,
    )
    if proc.returncode != 0:
        raise ConfigError("git.failed", str(top), command=" ".join(args[:3]), reason=proc.stderr.strip()[:300])
    return proc.stdout


def _keygen(private: Path, person: Staf) -> str:
    comment = f"{person.id} DEMO-SAJA-JANGAN-DIPAKAI"
    proc = subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", str(private)],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    if proc.returncode != 0:
        raise ConfigError("config.demo_tool_missing", None, tool=f"ssh-keygen ({proc.stderr.strip()[:200]})")
    return private.with_name(private.name + ".pub").read_text("utf-8").strip()


# --- file contents ----------------------------------------------------------------------------


def _with_keys(text: str, keys: dict[str, str]) -> str:
    """The registry with each person's demo public key as ``kunci_ssh``, comments kept."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    current: str | None = None
    pending: str | None = None  # a key line to write after this person's nip line

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            out.append(pending)
            pending = None

    for line in lines:
        stripped = line.strip()
        if line.startswith("  - id:"):
            flush()
            current = stripped.split(":", 1)[1].strip().strip("\"'")
            pending = f'    kunci_ssh: ["{keys[current]}"]\n' if current in keys else None
            out.append(line)
            continue
        if current is not None and line.startswith("    kunci_ssh:"):
            continue  # replaced by the demo key (or dropped for people without one)
        if current is not None and not line.startswith("    ") and stripped and not stripped.startswith("#"):
            flush()
            current = None
        out.append(line)
        if current is not None and line.startswith("    nip:"):
            flush()
    flush()
    notice = (
        "# KUNCI DEMO: kunci_ssh di bawah dibuat oleh `sop-kit demo` untuk arsip demo ini saja.\n"
        "# DEMO KEYS: the kunci_ssh below were made by `sop-kit demo` for this demo archive only.\n"
    )
    index = next((i for i, line in enumerate(out) if line.startswith("format:")), 0)
    result = "".join([*out[:index], notice, *out[index:]])
    _check_keys(result, keys)
    return result


def _check_keys(text: str, keys: dict[str, str]) -> None:
    from ..records.yamlsafe import load_bytes

    registry = Registri.model_validate(load_bytes(text.encode("utf-8"), STAFF_FILE).data)
    found = {p.id: p.kunci_ssh for p in registry.staf}
    if any(found.get(pid) != [key] for pid, key in keys.items()):
        raise ConfigError("config.demo_bad_case", STAFF_FILE)


def _keys_readme(people: list[Staf]) -> str:
    rows = "\n".join(f"- `{p.id}`, `{p.id}.pub` — {p.nama}" for p in people)
    return f"""# KUNCI DEMO — JANGAN PERNAH DIPAKAI UNTUK TANDA TANGAN SUNGGUHAN

Kunci SSH di folder ini dibuat oleh `sop-kit demo` **hanya untuk arsip demo ini**, atas
nama staf fiktif. Kunci privatnya tanpa kata sandi: siapa pun yang memegang folder ini dapat
menandatangani atas nama mereka. **Jangan pernah** memakainya untuk commit sungguhan, jangan
menyalinnya ke `~/.ssh`, dan jangan menaruh kunci privat di `records/` atau di repositori
mana pun (folder ini diabaikan git lewat `.gitignore`). Kunci publiknya tercatat di
`records/staf.yaml` (`kunci_ssh`). Untuk kantor sungguhan, lihat panduan tanda tangan SSH
di README sop-kit.

# DEMO KEYS — NEVER USE THEM FOR REAL SIGNING

The SSH keys in this folder were made by `sop-kit demo` **for this demo archive only**, in
the names of fictional staff. The private keys have no passphrase: anyone holding this folder
can sign as those people. **Never** use them for real commits, never copy them to `~/.ssh`,
and never put private keys in `records/` or in any repository (git ignores this folder
through `.gitignore`). The public keys are listed in `records/staf.yaml` (`kunci_ssh`).

{rows}
- `allowed_signers` — untuk/for `git log --show-signature`
"""


def _replacement_scan(case_id: str, when: datetime) -> bytes:
    """A different scan in place of the approved SK: still a PDF, with another hash."""
    from .sample import scan_pdf

    with tempfile.TemporaryDirectory(prefix="sop-kit-demo-") as tmp:
        path = Path(tmp) / "sk.pdf"
        scan_pdf(
            path,
            "SURAT KEPUTUSAN PENETAPAN LOKASI RAWAN KETAHANAN KELUARGA (PINDAIAN PENGGANTI)",
            [
                f"Kasus {case_id}.",
                "Pindaian ini menggantikan SK yang telah disetujui Kasi, tanpa persetujuan ulang.",
                "Kejanggalan yang sengaja ditanam oleh sop-kit demo. DATA FIKTIF.",
            ],
            seed=int(hashlib.sha256(case_id.encode()).hexdigest()[:8], 16),
            kop=(
                "PEMERINTAH KABUPATEN PURWAKARTA",
                "DINAS SOSIAL PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
                "dokumen contoh berisi data fiktif",
            ),
            watermark="DATA FIKTIF",
            created=when.replace(tzinfo=None),
        )
        return path.read_bytes()


# --- helpers ----------------------------------------------------------------------------------


def _local(value: datetime | None) -> datetime | None:
    """A record's local time (WIB) as an aware datetime."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def _case_start(case: CaseFolder) -> datetime | None:
    """When the clerk opened the case: the first step's start, else its first recorded time."""
    times = [
        t
        for s in sorted(case.steps, key=lambda s: (s.record.putaran, s.record.langkah))
        for t in [_local(s.record.mulai or s.record.selesai)]
        if t is not None
    ]
    return times[0] if times else None


def _message(case: str, no: int, putaran: int, status: str, keputusan: str | None) -> str:
    suffix = f" (putaran {putaran})" if putaran > 1 else ""
    if status == "selesai" and keputusan:
        return f"{case}: langkah {no}{suffix} diputuskan: {keputusan}"
    what = {"selesai": "selesai", "berjalan": "dimulai"}.get(status, "dicatat")
    return f"{case}: langkah {no}{suffix} {what}"


# --- the tour ---------------------------------------------------------------------------------


def format_tour(result: DemoResult, shown: str, lang: str = "id", prog: str = "sop-kit") -> str:
    """What was built and what to run next, for the person who asked for the demo."""
    from ..core.messages import text

    base = shown.rstrip("/") or "."
    records = f"{base}/{RECORDS}"
    lang_arg = " --lang en" if lang == "en" else ""
    out = [
        text("cli.demo_done", lang, path=base, commits=result.commits, cases=len(result.cases)),
        "  " + text("cli.demo_history", lang),
        "  " + text("cli.demo_keys", lang, path=f"{base}/{KEYS_DIR}/", count=len(result.signers)),
        "",
        text("cli.demo_planted", lang),
    ]
    for p in result.planted:
        signer = result.signers.get(p.signer or "", p.signer or "-")
        line = text(f"cli.demo_{p.kind}", lang, case=p.case, no=p.step, author=p.author, signer=signer, path=p.file)
        out.append(f"  - {line} → {', '.join(p.codes)}")
    out += ["", text("cli.demo_next", lang)]

    def command(args: list[str], note: str) -> Iterator[str]:
        yield "  " + " ".join([prog, *(shlex.quote(a) for a in args)]) + lang_arg
        yield "      " + note

    out += command(["check", records], text("cli.demo_next_check", lang))
    for p in result.planted:
        out += command(["trail", p.case, "--root", records], text(f"cli.demo_next_{p.kind}", lang))
    if result.example:
        out += command(["trail", result.example, "--root", records], text("cli.demo_next_example", lang))
    out += command(
        ["pdf", records, "--out", f"{base}/pdf", "--internal", f"{base}/internal"], text("cli.demo_next_pdf", lang)
    )
    return "\n".join(out) + "\n"
