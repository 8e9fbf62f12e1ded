"""A git repository of N synthetic cases whose history is a signed approval trail.

    python -m bench.trail_generate --cases 10000

Case content comes from the check benchmark's generator (``bench.generate``, written by
``sop_kit.demo.sample.write_case``). The history is what an office using sop-kit would have:

* the first commit (SOP, staff registry, ``sop-kit.yaml``) is signed by the Kepala Dinas,
  who administers the registry; ``sop-kit.yaml`` pins that registry's sha256
  (``akar_kepercayaan``) and requires signatures (``tanda_tangan: wajib``);
* in January 2025 the Kasubag Umum (also a registry admin) adds a second key for one clerk,
  who signs with it from then on;
* a case gets one commit per run of consecutive steps done by the same person (the case
  identity goes with step 1), signed with that person's ed25519 key and written under their
  name, at the time the run of steps ended; so a complete case has about five commits;
* staff share one ``main`` branch and pull with rebase, so most of the history is a single
  line, the cases' commits interleaved in time; about 10% of the cases are worked on a
  branch of their own (field work) and merged, with a signed merge, when the last step is in;
* about 3% of the step commits are unsigned (a forgotten ``-S``), about 1% of the Kasi's and
  Kabid's commits are signed by a clerk under the Kasi's or Kabid's name (a forgery), and
  about 3% of the cases get a later correction of an approved Kasi step by a clerk, half
  of them followed by the Kasi's re-approval.

Signing is real and checked by git itself. A commit's signed payload names its parent, so
a single line of history must be signed one commit after the other, and one ``ssh-keygen
-Y sign`` process costs about 6 ms. So the history is written in two passes:
``git fast-import`` writes every blob and tree (with unsigned commits); then every commit
object is written again from its tree, its (new) parents and its signature. The signature
is an SSHSIG (the format ``ssh-keygen -Y sign -n git`` writes and git checks) whose Ed25519
signature OpenSSL's libcrypto computes in this process (about 70 µs). Ed25519 is
deterministic, so before use the result is compared, byte for byte, with ``ssh-keygen``'s
own signature of the same payload for every key; without libcrypto, or on any difference,
``ssh-keygen`` signs everything (commits with no path between them go to one call, level
by level, but a single line of history still needs one call per commit: slow). Commit
objects are hashed by ``git hash-object`` (which also checks their format), the
repository is packed with ``git gc`` as an office's would be, and git's own ``%G?`` must
find a good signature on a sample of signed commits and none on unsigned ones.

Alongside the repository, ``manifest.json`` records what the trail must find: commits,
signed commits, approvals by verdict, corrections and re-approvals, and per case the
number of commits (for the naive baseline). The verdicts are worked out here from the
rules in the issue, independently of ``sop_kit.trail.build``. Everything is deterministic for a
seed except the keys, which ssh-keygen draws; they are kept under ``keys/`` and reused.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import ctypes
import ctypes.util
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.generate import REPO, SOP_REF, _case, _pool
from sop_kit.clerk.steptext import step_file_stem
from sop_kit.demo.sample import CaseSpec, Raw, StepSpec, write_case
from sop_kit.records.archive import open_archive
from sop_kit.records.layout import CASE_FILE, STEPS_DIR
from sop_kit.records.models import Sop, Staf

HERE = Path(__file__).resolve().parent
VERSION = 3  # bump when the generated history or its expected verdicts change, so cached repositories are rebuilt
WIB = timezone(timedelta(hours=7))

ROOT_ADMIN = "hendra-gunawan"  # Kepala Dinas: signs the first registry
ROTATION_ADMIN = "ratna-sari"  # Kasubag Umum: signs the key rotation
ROTATED = "dewi-lestari"  # gets a second key in the rotation
KEYED = (
    "hendra-gunawan",
    "ratna-sari",
    "budi-santoso",
    "siti-nurhaliza",
    "agus-permana",
    "dewi-lestari",
    "rizki-ramadhan",
    "yuni-kartika",
)
ROOT_TIME = datetime(2023, 12, 1, 8, 0)
ROTATION_TIME = datetime(2025, 1, 2, 9, 0)
UNSIGNED_RATE = 0.03  # step commits made without -S
FORGED_RATE = 0.01  # Kasi/Kabid step commits signed by a clerk under the Kasi's/Kabid's name
EDIT_RATE = 0.03  # cases where a clerk later corrects an approved Kasi step
REAPPROVE_RATE = 0.5  # of those, the Kasi re-approves afterwards
BRANCH_RATE = 0.1  # cases worked on a branch of their own and merged
NEW_KEY = "-2025"  # suffix of the rotated person's second key


def out_dir(cases: int) -> Path:
    return HERE / "out" / f"trail-{cases}"


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    proc = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args[:3])} failed: {proc.stderr.decode(errors='replace')[-2000:]}")
    return proc.stdout.decode()


# --- keys and the registry -----------------------------------------------------------------


class Keys:
    """One ed25519 key per person (two for the rotated one), made by ssh-keygen, kept."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def private(self, name: str) -> Path:
        path = self.folder / name
        if not path.exists():
            comment = f"{name}@contoh.purwakarta.go.id (fiktif, benchmark; jangan dipakai)"
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", str(path)], check=True)
        return path

    def public(self, name: str) -> str:
        self.private(name)
        return (self.folder / f"{name}.pub").read_text().strip()

    def allowed_signers(self) -> str:
        lines = []
        for who in KEYED:
            for name in (who, who + NEW_KEY) if who == ROTATED else (who,):
                kind, blob = self.public(name).split()[:2]
                lines.append(f'{who} namespaces="git" {kind} {blob}')
        return "\n".join(lines) + "\n"


def registry_text(keys: Keys, rotated: bool) -> str:
    """records/staf.yaml with ``kunci_ssh`` for every keyed person (v1), or after the rotation (v2)."""
    text = (REPO / "records" / "staf.yaml").read_text("utf-8")
    note = "# Kunci SSH di bawah dibuat untuk benchmark (data fiktif); jangan dipakai untuk tanda tangan sungguhan.\n"
    text = text.replace("format: sop-kit/staf/1\n", note + "format: sop-kit/staf/1\n", 1)
    for who in KEYED:
        marker = f"  - id: {who}\n"
        start = text.index(marker)
        eol = text.index("\n", text.index("    nip:", start))
        names = [who, who + NEW_KEY] if rotated and who == ROTATED else [who]
        listed = ", ".join(f'"{keys.public(n)}"' for n in names)
        text = text[: eol + 1] + f"    kunci_ssh: [{listed}]\n" + text[eol + 1 :]
    return text


# --- the planned history -------------------------------------------------------------------


@dataclass
class Commit:
    parents: list[int]
    when: datetime
    author: tuple[str, str]  # name, e-mail: shown only; the signature is the identity
    signer: str | None  # staff id whose key signs it; None: unsigned
    message: str
    files: list[tuple[str, bytes]] = field(default_factory=list)
    ref: str = "main"
    new_key: bool = False  # the rotated person signs with the second key


@dataclass
class CasePlan:
    folder: str  # records/kasus/<year>/<id>
    commits: list[Commit]
    final: dict[str, bytes]  # path -> content at the end
    first: datetime
    last: datetime
    branch: bool = False  # worked on a branch of its own, then merged
    clerk: str = ""  # who recorded step 1 (and merges the branch)
    # What the oracle judges, in order: ("approval" | "edit" | "again", signer, commit time, step).
    # Judged once the plan's place in history is known: a branch's commits count from its merge.
    judged: list[tuple[str, str | None, datetime, StepSpec]] = field(default_factory=list)


class Oracle:
    """The verdicts the issue's rules give; counted here, compared with the trail by the runner."""

    def __init__(self, sop: Sop, staff: Mapping[str, Staf]):
        self.sop, self.staff = sop, staff
        self.expect: Counter[str] = Counter()

    def verdict(self, signer: str | None, when: datetime, step: int, recorded: str | None) -> str | None:
        if signer is None:
            return "unsigned"
        roles = set(self.sop.step(step).pelaksana)
        if not self.staff[signer].roles_on(when.date()) & roles:
            return "no_role"
        if recorded != signer:
            return "not_recorded_person"
        return None

    def approval(self, signer: str | None, when: datetime, step: StepSpec) -> None:
        if step.status == "selesai":
            reason = self.verdict(signer, when, step.no, step.pelaksana)
            self.expect[f"approval.{reason or 'verified'}"] += 1

    def change(self, signer: str | None, when: datetime, step: StepSpec) -> bool:
        """An edit of an approved step: True if it re-approves (a verified role holder)."""
        again = self.verdict(signer, when, step.no, step.pelaksana) is None
        self.expect["disetujui_ulang" if again else "diubah"] += 1
        return again

    def judge(self, plan: CasePlan, merged: datetime | None) -> None:
        """The plan's approvals and edits, each at the time it counts from: its commit's, or for
        a case worked on a branch, the merge that brought it into the main line."""
        open_changes, edited = 0, False
        for kind, signer, when, step in plan.judged:
            at = max(when, merged) if merged is not None else when
            if kind == "approval":
                self.approval(signer, at, step)
            else:
                edited = True
                again = self.change(signer, at, step)
                open_changes = 0 if again else (1 if kind == "edit" else open_changes + 1)
        if edited:
            self.expect["open_changes"] += open_changes


def _holders(staff: Mapping[str, Staf], role: str, day: date) -> list[str]:
    return sorted(s.id for s in staff.values() if role in s.roles_on(day))


def _ident(staff: Mapping[str, Staf], who: str) -> tuple[str, str]:
    person = staff[who]
    return person.nama, person.email or f"{who}@contoh.purwakarta.go.id"


def plan_case(
    spec: CaseSpec, case_dir: Path, folder: str, sop: Sop, staff: Mapping[str, Staf], rng: random.Random
) -> CasePlan:
    """The case's branch: one commit per run of steps by one person, then any corrections (the
    oracle judges them once the case's place in history is known: :meth:`Oracle.judge`)."""
    case_id = spec.kasus.id
    step_files: list[tuple[str, bytes, list[tuple[str, bytes]]]] = []
    for s in spec.steps:
        name = f"{STEPS_DIR}/{step_file_stem(sop.step(s.no), s.putaran)}.yaml"
        attachments = []
        for f in s.files:
            assert isinstance(f.content, Raw), "the benchmark's attachments are ready-made bytes"
            attachments.append((f"{f.folder}/{f.name}", f.content.data))
        step_files.append((name, (case_dir / name).read_bytes(), attachments))
    final = {f"{folder}/{CASE_FILE}": (case_dir / CASE_FILE).read_bytes()}
    for name, data, attachments in step_files:
        final[f"{folder}/{name}"] = data
        final.update((f"{folder}/{rel}", blob) for rel, blob in attachments)

    groups: list[list[int]] = []
    for i, s in enumerate(spec.steps):
        if groups and spec.steps[groups[-1][-1]].pelaksana == s.pelaksana:
            groups[-1].append(i)
        else:
            groups.append([i])
    commits = []
    judged: list[tuple[str, str | None, datetime, StepSpec]] = []
    for g, members in enumerate(groups):
        steps = [spec.steps[i] for i in members]
        who = steps[0].pelaksana or ""
        when = max(s.selesai or s.mulai or ROOT_TIME for s in steps)  # every step has a start
        boss_steps = all("pelaksana" not in sop.step(s.no).pelaksana for s in steps)
        signer: str | None = who
        if boss_steps and rng.random() < FORGED_RATE:
            clerks = [c for c in _holders(staff, "pelaksana", when.date()) if c != who]
            signer = rng.choice(clerks)
        elif rng.random() < UNSIGNED_RATE:
            signer = None
        files = [(f"{folder}/{CASE_FILE}", final[f"{folder}/{CASE_FILE}"])] if g == 0 else []
        for i in members:
            name, data, attachments = step_files[i]
            files += [(f"{folder}/{rel}", blob) for rel, blob in attachments]
            files.append((f"{folder}/{name}", data))
            judged.append(("approval", signer, when, spec.steps[i]))
        done = ", ".join(f"{s.no}" + (f" (putaran {s.putaran})" if s.putaran > 1 else "") for s in steps)
        state = "selesai" if steps[-1].status == "selesai" else "dicatat"
        commits.append(
            Commit([], when, _ident(staff, who), signer, f"{case_id}: langkah {done} {state}\n", files, "kasus")
        )

    last = commits[-1].when
    targets = [
        i
        for i, s in enumerate(spec.steps)
        if s.status == "selesai" and "pelaksana" not in sop.step(s.no).pelaksana and s.pelaksana
    ]
    if targets and rng.random() < EDIT_RATE:
        i = rng.choice(targets)
        step, (name, data, _) = spec.steps[i], step_files[i]
        when = datetime.combine(last.date() + timedelta(days=rng.randint(1, 5)), datetime.min.time()) + timedelta(
            hours=10
        )
        clerk = rng.choice([c for c in _holders(staff, "pelaksana", when.date()) if c != step.pelaksana])
        data += f"# Koreksi {when:%Y-%m-%d} oleh {clerk}: ejaan nama kepala keluarga.\n".encode()
        judged.append(("edit", clerk, when, step))
        commits.append(
            Commit([], when, _ident(staff, clerk), clerk, f"{case_id}: koreksi {name}\n", [(f"{folder}/{name}", data)])
        )
        if rng.random() < REAPPROVE_RATE:
            when += timedelta(days=rng.randint(1, 3), hours=1)
            who = step.pelaksana or ""
            data += f"# Diperiksa ulang {when:%Y-%m-%d} oleh {who}: koreksi disetujui.\n".encode()
            judged.append(("again", who, when, step))
            commits.append(
                Commit(
                    [],
                    when,
                    _ident(staff, who),
                    who,
                    f"{case_id}: {name} disetujui ulang\n",
                    [(f"{folder}/{name}", data)],
                )
            )
        final[f"{folder}/{name}"] = data
        (case_dir / name).write_bytes(data)
        last = commits[-1].when
    return CasePlan(folder, commits, final, commits[0].when, last, clerk=spec.steps[0].pelaksana or "", judged=judged)


# --- writing the repository ----------------------------------------------------------------


def _stamp(when: datetime) -> str:
    return f"{int(when.replace(tzinfo=WIB).timestamp())} +0700"


def fast_import(repo: Path, commits: Sequence[Commit], marks: Path) -> None:
    """Every blob, tree and (unsigned) commit; commit i gets mark i+1."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    proc = subprocess.Popen(
        ["git", "-C", str(repo), "fast-import", "--quiet", "--date-format=raw", f"--export-marks={marks}"],
        stdin=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    out = proc.stdin
    blobs: dict[bytes, int] = {}
    next_mark = len(commits) + 1
    for i, c in enumerate(commits):
        ops = []
        for path, data in c.files:
            mark = blobs.get(data)
            if mark is None:
                mark = blobs[data] = next_mark
                next_mark += 1
                out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)) + data + b"\n")
            ops.append(f"M 100644 :{mark} {path}\n")
        name, email = c.author
        msg = c.message.encode()
        head = f"commit refs/heads/{c.ref}\nmark :{i + 1}\n"
        head += f"author {name} <{email}> {_stamp(c.when)}\ncommitter {name} <{email}> {_stamp(c.when)}\n"
        out.write(head.encode() + b"data %d\n" % len(msg) + msg)
        if c.parents:
            out.write(f"from :{c.parents[0] + 1}\n".encode())
        for p in c.parents[1:]:
            out.write(f"merge :{p + 1}\n".encode())
        out.write("".join(ops).encode() + b"\n")
    out.write(b"done\n")
    out.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")


def _ssh_string(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


def _take(data: bytes, pos: int) -> tuple[bytes, int]:
    end = pos + 4 + int.from_bytes(data[pos : pos + 4], "big")
    return data[pos + 4 : end], end


class OpenSSLSigner:
    """SSHSIG signatures (namespace ``git``) whose Ed25519 part OpenSSL's libcrypto computes."""

    NID_ED25519 = 1087

    def __init__(self, keys: Keys):
        name = ctypes.util.find_library("crypto")
        if name is None:
            raise OSError("libcrypto not found")
        lib = ctypes.CDLL(name)
        lib.EVP_PKEY_new_raw_private_key.restype = ctypes.c_void_p
        lib.EVP_PKEY_new_raw_private_key.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.EVP_MD_CTX_new.restype = ctypes.c_void_p
        lib.EVP_MD_CTX_free.argtypes = [ctypes.c_void_p]
        lib.EVP_DigestSignInit.argtypes = [ctypes.c_void_p] * 5
        lib.EVP_DigestSign.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_size_t),
            ctypes.c_char_p,
            ctypes.c_size_t,
        ]
        self.lib, self.keys = lib, keys
        self.loaded: dict[str, tuple[bytes, int]] = {}  # key name -> (public key blob, EVP_PKEY*)

    def _key(self, name: str) -> tuple[bytes, int]:
        """An unencrypted OpenSSH ed25519 private key file, read as PROTOCOL.key describes it."""
        if name not in self.loaded:
            text = self.keys.private(name).read_text()
            data = base64.b64decode("".join(line for line in text.splitlines() if not line.startswith("-----")))
            magic = b"openssh-key-v1\0"
            if not data.startswith(magic):
                raise ValueError(f"{name}: not an OpenSSH private key")
            cipher, pos = _take(data, len(magic))
            _kdf, pos = _take(data, pos)
            _kdf_options, pos = _take(data, pos)
            public_blob, pos = _take(data, pos + 4)  # after the number of keys (one)
            private, _ = _take(data, pos)
            kind, at = _take(private, 8)  # after two check integers
            _public, at = _take(private, at)
            secret, _ = _take(private, at)  # seed (32 bytes) + public key (32 bytes)
            if cipher != b"none" or kind != b"ssh-ed25519" or len(secret) != 64:
                raise ValueError(f"{name}: not an unencrypted ed25519 key")
            pkey = self.lib.EVP_PKEY_new_raw_private_key(self.NID_ED25519, None, secret[:32], 32)
            if not pkey:
                raise OSError("libcrypto refused the ed25519 key")
            self.loaded[name] = (public_blob, int(pkey))
        return self.loaded[name]

    def _ed25519(self, pkey: int, message: bytes) -> bytes:
        ctx = self.lib.EVP_MD_CTX_new()
        try:
            sig, size = ctypes.create_string_buffer(64), ctypes.c_size_t(64)
            if self.lib.EVP_DigestSignInit(ctx, None, None, None, pkey) != 1 or (
                self.lib.EVP_DigestSign(ctx, sig, ctypes.byref(size), message, len(message)) != 1
            ):
                raise OSError("libcrypto could not sign")
            return sig.raw[: size.value]
        finally:
            self.lib.EVP_MD_CTX_free(ctx)

    def sign(self, name: str, payload: bytes) -> bytes:
        """What ``ssh-keygen -Y sign -n git -f <key>`` writes for ``payload`` (PROTOCOL.sshsig)."""
        public_blob, pkey = self._key(name)
        fields = _ssh_string(b"git") + _ssh_string(b"") + _ssh_string(b"sha512")
        signed = b"SSHSIG" + fields + _ssh_string(hashlib.sha512(payload).digest())
        signature = _ssh_string(b"ssh-ed25519") + _ssh_string(self._ed25519(pkey, signed))
        blob = b"SSHSIG" + (1).to_bytes(4, "big") + _ssh_string(public_blob) + fields + _ssh_string(signature)
        text = base64.b64encode(blob)
        lines = [text[i : i + 70] for i in range(0, len(text), 70)]
        return b"\n".join([b"-----BEGIN SSH SIGNATURE-----", *lines, b"-----END SSH SIGNATURE-----"]) + b"\n"

    def sign_all(self, todo: Mapping[int, tuple[str, bytes]]) -> dict[int, bytes]:
        return {i: self.sign(name, payload) for i, (name, payload) in todo.items()}


class KeygenSigner:
    """``ssh-keygen -Y sign``: one call per key with all the payload files it signs in a round."""

    def __init__(self, keys: Keys, tmp: Path):
        self.keys, self.tmp = keys, tmp
        self.workers = os.cpu_count() or 1
        self.pool = ThreadPoolExecutor(self.workers)

    @staticmethod
    def _run(key: Path, files: Sequence[Path]) -> None:
        proc = subprocess.run(
            ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", str(key), *map(str, files)], capture_output=True
        )
        if proc.returncode != 0:
            raise SystemExit(f"ssh-keygen -Y sign failed: {proc.stderr.decode(errors='replace')[-1000:]}")

    def sign_all(self, todo: Mapping[int, tuple[str, bytes]]) -> dict[int, bytes]:
        by_key: dict[str, list[int]] = {}
        for i, (name, payload) in todo.items():
            (self.tmp / str(i)).write_bytes(payload)
            (self.tmp / f"{i}.sig").unlink(missing_ok=True)
            by_key.setdefault(name, []).append(i)
        jobs = []
        for name, items in by_key.items():
            size = max(1, -(-len(items) // self.workers))
            for start in range(0, len(items), size):
                jobs.append((self.keys.private(name), [self.tmp / str(i) for i in items[start : start + size]]))
        list(self.pool.map(lambda job: self._run(*job), jobs))
        return {i: (self.tmp / f"{i}.sig").read_bytes() for i in todo}


def pick_signer(keys: Keys, tmp: Path) -> tuple[OpenSSLSigner | KeygenSigner, str]:
    """libcrypto if it signs exactly as ssh-keygen does with every key, else ssh-keygen itself."""
    keygen = KeygenSigner(keys, tmp)
    try:
        fast = OpenSSLSigner(keys)
        names = [n for who in KEYED for n in _key_names(who)]
        probe = {i: (name, f"tree 0\nauthor uji {i}\n\nuji tanda tangan\n".encode()) for i, name in enumerate(names)}
        if fast.sign_all(probe) == keygen.sign_all(probe):
            return fast, "OpenSSL libcrypto in process (identical to ssh-keygen -Y sign for every key)"
        reason = "its signatures differ from ssh-keygen's"
    except (OSError, ValueError, AttributeError) as exc:
        reason = str(exc)
    print(f"  signing with ssh-keygen, one call per commit on a line of history: {reason}", file=sys.stderr)
    return keygen, "ssh-keygen -Y sign"


def sign_commits(
    repo: Path, commits: Sequence[Commit], trees: Sequence[str], signer: OpenSSLSigner | KeygenSigner, tmp: Path
) -> list[str]:
    """Write every commit again, signed, in rounds; returns the commit ids.

    A round (level) is the number of signed commits on the longest path from the root: the
    signed commits of one level depend only on earlier levels, so they are signed together;
    the unsigned ones follow, parents first."""
    level = [0] * len(commits)
    for i, c in enumerate(commits):
        level[i] = max((level[p] for p in c.parents), default=0) + (1 if c.signer else 0)
    by_level: dict[int, list[int]] = {}
    for i in range(len(commits)):
        by_level.setdefault(level[i], []).append(i)
    shas: list[str] = [""] * len(commits)
    bodies: list[bytes] = [b""] * len(commits)

    def payload(i: int) -> bytes:
        c = commits[i]
        name, email = c.author
        ident = f"{name} <{email}> {_stamp(c.when)}"
        parents = "".join(f"parent {shas[p]}\n" for p in c.parents)
        return f"tree {trees[i]}\n{parents}author {ident}\ncommitter {ident}\n\n".encode() + c.message.encode()

    def finish(i: int, body: bytes) -> None:
        bodies[i] = body
        shas[i] = hashlib.sha1(b"commit %d\0" % len(body) + body).hexdigest()

    for lvl in sorted(by_level):
        members = by_level[lvl]
        todo = {}
        for i in members:
            c = commits[i]
            if c.signer:
                todo[i] = (c.signer + (NEW_KEY if c.new_key else ""), payload(i))
        sigs = signer.sign_all(todo)
        for i in members:  # in order: an unsigned commit may follow a signed one of its level
            if i in sigs:
                head, _, msg = todo[i][1].partition(b"\n\n")
                # git's own layout: the armoured signature as a "gpgsig" header, continuation
                # lines indented by one space, before the blank line that ends the header
                finish(i, head + b"\ngpgsig " + sigs[i].rstrip(b"\n").replace(b"\n", b"\n ") + b"\n\n" + msg)
            else:
                finish(i, payload(i))
    # git hashes and writes them (checking each commit's format); its ids must be ours
    folder = tmp / "commits"
    folder.mkdir()
    paths = []
    for i, body in enumerate(bodies):
        (folder / str(i)).write_bytes(body)
        paths.append(str(folder / str(i)))
    written = git(repo, "hash-object", "-t", "commit", "-w", "--stdin-paths", stdin="\n".join(paths).encode() + b"\n")
    if written.split() != shas:
        raise SystemExit("git hashed the signed commits differently from the generator")
    return shas


def _tree_ids(repo: Path, marks: Path, count: int) -> list[str]:
    commit_of = {}
    for line in marks.read_text().splitlines():
        mark, sha = line.split()
        n = int(mark[1:])
        if n <= count:
            commit_of[n - 1] = sha
    specs = "".join(f"{commit_of[i]}^{{tree}}\n" for i in range(count))
    return git(repo, "cat-file", "--batch-check=%(objectname)", stdin=specs.encode()).split()


def _check_signatures(
    repo: Path, keys: Keys, shas: Sequence[str], commits: Sequence[Commit], rng: random.Random
) -> None:
    """git itself must find a good signature on a sample of signed commits, none on unsigned ones."""
    signed = [s for s, c in zip(shas, commits, strict=True) if c.signer]
    unsigned = [s for s, c in zip(shas, commits, strict=True) if not c.signer]
    sample = rng.sample(signed, min(300, len(signed))) + rng.sample(unsigned, min(30, len(unsigned)))
    with tempfile.NamedTemporaryFile("w", suffix=".allowed") as fh:
        fh.write(keys.allowed_signers())
        fh.flush()
        out = git(
            repo,
            "-c",
            f"gpg.ssh.allowedSignersFile={fh.name}",
            "log",
            "--no-walk=unsorted",
            "--stdin",
            "--format=%H %G?",
            stdin="\n".join(sample).encode() + b"\n",
        )
    verdicts = dict(line.split() for line in out.splitlines())
    bad = [s for s in signed if s in verdicts and verdicts[s] != "G"]
    bad += [s for s in unsigned if s in verdicts and verdicts[s] != "N"]
    if bad or len(verdicts) != len(sample):
        raise SystemExit(f"git does not verify the generated signatures as expected: {bad[:5]}")


# --- the whole --------------------------------------------------------------------------


def generate(cases: int, seed: int = 0, log: bool = True) -> dict[str, Any]:
    """Build ``bench/out/trail-<cases>/`` (repository, keys, manifest) and return the manifest."""
    started = time.perf_counter()
    timings: dict[str, float] = {}

    def say(what: str) -> None:
        timings[what] = round(time.perf_counter() - started, 1)
        if log:
            print(f"  {timings[what]:7.1f} s  {what}", file=sys.stderr, flush=True)

    base = out_dir(cases)
    repo = base / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    (base / "manifest.json").unlink(missing_ok=True)
    keys = Keys(base / "keys")
    records = repo / "records"
    records.mkdir(parents=True)
    shutil.copytree(REPO / "records" / "sop", records / "sop")
    staff_v1 = registry_text(keys, rotated=False).encode()
    staff_v2 = registry_text(keys, rotated=True).encode()
    config = (
        "format: sop-kit/konfigurasi/1\n"
        "tanda_tangan: wajib\n"
        f'akar_kepercayaan: "{hashlib.sha256(staff_v1).hexdigest()}"\n'
    ).encode()
    (records / "staf.yaml").write_bytes(staff_v1)
    (repo / "sop-kit.yaml").write_bytes(config)
    archive = open_archive(records)
    sop, staff = archive.sops[SOP_REF], archive.staff
    assert all(staff[w].kunci_ssh for w in KEYED), "the registry lists every key"
    oracle = Oracle(sop, staff)

    # the cases, written once in their final form; their history is planned beside them
    pdfs, jpegs = _pool()
    rng, fate = random.Random(seed), random.Random(seed + 1)
    plans: list[CasePlan] = []
    while len(plans) < cases:
        spec = _case(rng, sop, staff, pdfs, jpegs)
        try:
            case_dir = write_case(records / "kasus", spec, sop, staff)
        except FileExistsError:
            continue  # the same id drawn twice: draw another case
        folder = case_dir.relative_to(repo).as_posix()
        plans.append(plan_case(spec, case_dir, folder, sop, staff, fate))
    (records / "staf.yaml").write_bytes(staff_v2)
    say(f"{cases} cases written and planned")

    # main: the first commit, the key rotation, the cases' commits in time order; a case on
    # a branch of its own forks from main as it stood at its first commit and comes back
    # in a merge two hours after its last
    root_files = [("sop-kit.yaml", config), ("records/staf.yaml", staff_v1)]
    root_files += [(f"records/sop/{p.name}", p.read_bytes()) for p in sorted((records / "sop").glob("*.yaml"))]
    first_message = "Arsip dimulai: SOP, daftar staf, konfigurasi\n"
    root = Commit([], ROOT_TIME, _ident(staff, ROOT_ADMIN), ROOT_ADMIN, first_message, root_files)
    rotation = Commit(
        [],
        ROTATION_TIME,
        _ident(staff, ROTATION_ADMIN),
        ROTATION_ADMIN,
        f"Daftar staf: kunci SSH kedua untuk {ROTATED}\n",
        [("records/staf.yaml", staff_v2)],
    )
    events: list[tuple[datetime, str, int, Commit | CasePlan]] = [
        (ROOT_TIME, "", 0, root),
        (ROTATION_TIME, "", 0, rotation),
    ]
    for plan in plans:
        plan.branch = fate.random() < BRANCH_RATE
        oracle.judge(plan, plan.last + timedelta(hours=2) if plan.branch else None)
        if plan.branch:
            events.append((plan.last + timedelta(hours=2), plan.folder, 0, plan))
        else:
            events += [(c.when, plan.folder, n, c) for n, c in enumerate(plan.commits)]
    events.sort(key=lambda e: e[:3])
    times = [e[0] for e in events]
    rotation_at = next(k for k, e in enumerate(events) if e[3] is rotation)
    commits: list[Commit] = []
    main: list[int] = []  # the commit index of each main event
    for k, (when, _, _, item) in enumerate(events):
        if isinstance(item, Commit):
            item.parents = [main[-1]] if main else []
            item.new_key = item.signer == ROTATED and k > rotation_at
            commits.append(item)
        else:
            fork = bisect.bisect_left(times, item.first) - 1  # main as it stood then
            parent = main[fork]
            for c in item.commits:
                c.parents, c.ref = [parent], "kasus"
                c.new_key = c.signer == ROTATED and fork >= rotation_at
                commits.append(c)
                parent = len(commits) - 1
            who = item.clerk
            name = item.folder.rsplit("/", 1)[-1]
            merge = Commit([main[-1], parent], when, _ident(staff, who), who, f"Gabungkan cabang kasus/{name}\n")
            merge.files, merge.new_key = sorted(item.final.items()), who == ROTATED and k > rotation_at
            commits.append(merge)
        main.append(len(commits) - 1)
    per_case = {p.folder: [len(p.commits), sum(1 for c in p.commits if c.signer)] for p in plans}
    say(f"{len(commits)} commits planned")

    shm = "/dev/shm" if Path("/dev/shm").is_dir() else None  # many small files
    with tempfile.TemporaryDirectory(prefix="sop-kit-trail-", dir=shm) as t:
        tmp = Path(t)
        git(repo, "init", "-q", "-b", "main")
        fast_import(repo, commits, tmp / "marks")
        say("git fast-import: blobs, trees, unsigned commits")
        trees = _tree_ids(repo, tmp / "marks", len(commits))
        (tmp / "sign").mkdir()
        signer, signed_by = pick_signer(keys, tmp / "sign")
        shas = sign_commits(repo, commits, trees, signer, tmp)
        say(f"commits signed and written ({signed_by})")
    git(repo, "update-ref", "refs/heads/main", shas[-1])
    git(repo, "update-ref", "-d", "refs/heads/kasus")
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "--prune=now", "--quiet")
    say("git gc (unsigned originals dropped)")
    git(repo, "reset", "-q")  # the index from HEAD; the work tree already holds the final files
    if git(repo, "status", "--porcelain"):  # also refreshes the index (racy git) before any timing
        raise SystemExit("the work tree differs from the generated history")
    _check_signatures(repo, keys, shas, commits, random.Random(seed))
    say("index refreshed, signatures sampled with git")

    expect = Counter(oracle.expect)
    expect["cases"] = cases
    expect["commits"] = len(commits)  # every commit touches records/ (merges bring a case in)
    expect["signed"] = sum(1 for c in commits if c.signer)
    expect["merges"] = sum(1 for c in commits if len(c.parents) > 1)
    manifest = {
        "version": VERSION,
        "cases": cases,
        "seed": seed,
        "head": shas[-1],
        "signed_by": signed_by,
        "branch_cases": sum(1 for p in plans if p.branch),
        "records": "records",
        "generation_seconds": round(time.perf_counter() - started, 1),
        "steps": timings,
        "expect": dict(sorted(expect.items())),
        "keys": {who: [str((base / "keys" / n).relative_to(base)) for n in _key_names(who)] for who in KEYED},
        "per_case": per_case,
        "new_commit": _new_commit_target(plans, staff),
    }
    (base / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return manifest


def _key_names(who: str) -> list[str]:
    return [who, who + NEW_KEY] if who == ROTATED else [who]


def _new_commit_target(plans: Iterable[CasePlan], staff: Mapping[str, Staf]) -> dict[str, str]:
    """A complete, untouched case whose last step a clerk with an open-ended post recorded."""
    for p in sorted(plans, key=lambda p: p.folder):
        last = p.commits[-1]
        path = next((f for f, _ in last.files if f.endswith("-dokumentasi-foto.yaml")), None)
        who = last.signer
        complete = last.message.endswith(" selesai\n")  # not a correction, not a step still running
        if path and who and complete and all(t.sampai is None for t in staff[who].penugasan):
            name, email = _ident(staff, who)
            return {"path": path, "person": who, "name": name, "email": email}
    raise SystemExit("no case fits the new-commit measurement")


def load(cases: int, seed: int = 0, log: bool = True) -> tuple[Path, dict[str, Any]]:
    """The cached repository if it is complete and current, else a fresh one.

    The manifest is written last, so its presence means generation finished; its commit must
    still be in the repository (the runner moves HEAD back to it if a run was interrupted)."""
    base = out_dir(cases)
    try:
        manifest: dict[str, Any] = json.loads((base / "manifest.json").read_text("utf-8"))
        current = manifest["version"] == VERSION and manifest["seed"] == seed
        if current and git(base / "repo", "cat-file", "-t", manifest["head"]).strip() == "commit":
            manifest["cached"] = True
            return base, manifest
    except (OSError, ValueError, KeyError, SystemExit):
        pass
    if log:
        print(f"generating {base} (a few minutes) ...", file=sys.stderr, flush=True)
    manifest = generate(cases, seed, log)
    manifest["cached"] = False
    return base, manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--force", action="store_true", help="regenerate even if a current one is cached")
    args = parser.parse_args()
    if args.force:
        (out_dir(args.cases) / "manifest.json").unlink(missing_ok=True)
    base, manifest = load(args.cases, args.seed)
    shown = {k: v for k, v in manifest.items() if k not in ("per_case", "keys")}
    print(json.dumps({"out": str(base), **shown}, indent=1))


if __name__ == "__main__":
    main()
