"""The approval trail: who completed or decided each step, proven by git history.

A step is *approved* by the commit that first records it ``selesai`` (for a decision step,
also any commit that changes the decision). The approval is *verified* only when its SSH
signature is good, by a key that the staff registry, as it stood before that commit, lists
for the person recorded as doing the step, and that person held one of the step's roles, in
the SOP revision then authorised, when the commit counts from. Author names prove nothing
and are only shown.

Time comes from history, not from dates a committer can set: a commit counts from when it
entered the main line (the first-parent commit that brought it in), and never from before
any of its ancestors. A commit dated before its parent is itself a finding. A commit dated
after the check's clock is one too, and is no ancestor's date for the commits after it: its
date cannot be true, so it neither lifts their times nor makes their honest dates "backdated".

The files every verdict rests on (the registry, the SOPs, the settings, the templates) are
under the same rule: see :mod:`sop_kit.trail.governed`. The registry's very first version
must match the pinned trust root (``sop-kit.yaml`` or ``SOP_KIT_TRUST_ROOT``).

After approval, any commit touching the step record or a document it names, or the case's
identity (``kasus.yaml``), is a change after approval ("diubah setelah disetujui") until a
verified role holder approves again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from ..core.cache import cache_base, read_json, repo_file, write_json
from ..core.errors import SopKitError
from ..core.feedback import SILENT, Reporter
from ..core.findings import Finding, Severity
from ..records.archive import StepFile
from ..records.config import POLICY_PIN, ROOT_PIN, ArchiveConfig, Konfigurasi, settle
from ..records.fieldtypes import WIB
from ..records.filetypes import lfs_pointer
from ..records.layout import CASE_FILE, CASES_DIR, STAFF_FILE, STEPS_DIR, Layout
from ..records.models import CatatanLangkah, Kasus, Registri, Sop, Staf
from ..records.revisions import SopKey, sop_for
from ..records.rounds import file_closed_on, progress_of
from ..records.sshkey import holders
from ..records.yamlsafe import load_bytes
from . import resume
from .alongside import Registry as _Registry
from .alongside import bound, joins
from .gitlog import BlobReader, Commit, current_branch, head_commit, records_prefix, top_level
from .governed import FLAGS, Authorised, GovernedPaths, Kind
from .history import history, tree_ids
from .model import APPROVALS, IDENTITY, CaseTrail, Event, StepTrail, Trail
from .register import RegisterHistory
from .signatures import UNSIGNED, Signature, SignatureCache, verify

M = TypeVar("M", bound=BaseModel)
BACKDATED = timedelta(hours=1)  # a commit dated this much before its parent was dated by hand
FUTURE_SLACK = timedelta(days=1)  # a laptop clock off by hours is not yet a date set by hand
# Keeping the fold costs seconds at 10,000 cases (a 44 MB file); reading a few hundred commits
# again on the kept one costs a tenth of that. So it is kept again only once this many new
# commits (or a twentieth of the history) have been read on it.
KEEP_AFTER = 500
CaseSopRef = tuple[str, int | None, str]  # a case's SOP number, named revision (or None) and start month
Version = tuple[_Registry | None, _Registry | None]  # the registry before a registry commit, and after it


class StepState(NamedTuple):
    """What the trail needs of one version of a step record."""

    langkah: int
    putaran: int
    status: str
    keputusan: str | None
    pelaksana: str | None
    dokumen: tuple[str, ...]  # the paths it names
    selesai: datetime | None  # when it says the step was done (WIB, no zone)


def _registry(model: Registri) -> _Registry:
    """The registry's people by id and by key; a key listed for two people is nobody's: its
    signature cannot say which of them signed (the check names it, staff.key_shared)."""
    owners = holders(model.staf)
    people = {p.id: p for p in model.staf}
    by_key = {fpr: people[ids[0]] for fpr, ids in owners.items() if len(ids) == 1}
    return _Registry(people, by_key, frozenset(fpr for fpr, ids in owners.items() if len(ids) > 1))


@dataclass(frozen=True)
class _State:
    """What is in force after a commit: the registry, the governed files' authorised
    versions, the SOPs and settings they hold. Shared between commits until one changes it."""

    version: int = 0
    registry: _Registry | None = None
    files: Mapping[str, Authorised] = field(default_factory=dict)
    sops: Mapping[SopKey, Sop] = field(default_factory=dict)
    config: ArchiveConfig = field(default_factory=ArchiveConfig)


def build_trail(
    layout: Layout,
    trust_root: str | None,
    cache_dir: Path | None = None,
    jobs: int = 0,
    use_cache: bool = True,
    reporter: Reporter | None = None,
    now: datetime | None = None,
    head: str | None = None,
) -> Trail | None:
    """The trail of every case in the archive at ``layout``, or None when it is not in a git
    repository; ``trust_root`` pins the registry's first version (sop-kit.yaml or the
    environment). ``reporter`` hears of each commit whose signature is verified; ``now`` is
    the check's clock (default: the machine's), after which no commit can have been made;
    ``head`` the commit whose history it reads (default: HEAD as it is now)."""
    reporter = reporter or SILENT
    now = now or datetime.now(UTC)
    top = top_level(layout.root)
    if top is None:
        return None
    paths = GovernedPaths.of(records_prefix(layout.root, top))
    commits = history(top, paths.history(), head or head_commit(top), cache_dir, use_cache)
    builder = _Builder(layout, trust_root, top, paths, commits, cache_dir, use_cache, now)
    with BlobReader(top) as blobs:
        builder.load_registries(blobs)
        cache = SignatureCache(top, cache_dir) if use_cache else None
        builder.sigs = verify(top, [c.sha for c in commits], builder.all_keys, cache, jobs, reporter)
        kept = builder.kept() if use_cache else None
        late = builder.bind_alongside(blobs, kept.count if kept else 0)
        start = builder.resume(kept) if kept and not late else 0
        if start:
            reporter.note("progress.trail_resumed", kept=start, new=len(commits) - start)
        builder.fold(commits[start:], blobs)
        if use_cache and commits and (not start or len(commits) - start >= max(KEEP_AFTER, start // 20)):
            builder.keep()
        builder.finish(blobs)
    builder.blobs_seen.save()
    builder.add_trees()
    if use_cache:
        builder.check_dropped(cache_dir)
    trail = builder.trail
    trail.commits = len(commits)
    trail.built = now
    trail.future_from = min((c.when for c in commits if c.sha in builder.future), default=None)
    trail.signed = sum(1 for s in builder.sigs.values() if s.status != "N")
    return trail


def effective_times(commits: list[Commit], future: frozenset[str] = frozenset()) -> dict[str, datetime]:
    """When each commit counts from: when it entered the main line (the first-parent chain of
    the newest commit), and never before any of its ancestors, except those dated in the
    ``future``: a date that cannot be true lifts only its own commit's time."""
    floor: dict[str, datetime] = {}
    carried: dict[str, datetime | None] = {}  # the floor a commit hands on to its children
    for c in commits:  # parents come first
        inherited = max((t for t in (carried.get(p) for p in c.parents) if t is not None), default=None)
        floor[c.sha] = c.when if inherited is None else max(c.when, inherited)
        carried[c.sha] = inherited if c.sha in future else floor[c.sha]
    by_sha = {c.sha: c for c in commits}
    mainline: list[Commit] = []
    tip = commits[-1] if commits else None
    while tip is not None:
        mainline.append(tip)
        tip = by_sha.get(tip.parents[0]) if tip.parents else None
    entered: dict[str, str] = {}
    for m in reversed(mainline):  # oldest first: each commit enters with the first that reaches it
        stack = [m.sha]
        while stack:
            sha = stack.pop()
            if sha in entered or sha not in by_sha:
                continue
            entered[sha] = m.sha
            stack.extend(by_sha[sha].parents)
    return {sha: floor[entered.get(sha, sha)] for sha in floor}


# What the fold has after each commit: what :meth:`_Builder.keep` keeps. The rest of the
# builder is the history, its times and signatures (read again each run) or caches.
FOLDED = (
    "trail", "after", "latest", "versions", "records", "case_sop", "files", "deleted", "approved",
    "pinned_seen", "unpinned", "dated", "register",
)  # fmt: skip


class _Builder:
    def __init__(
        self,
        layout: Layout,
        trust_root: str | None,
        top: Path,
        paths: GovernedPaths,
        commits: list[Commit],
        cache_dir: Path | None,
        use_cache: bool,
        now: datetime,
    ):
        self.layout, self.trust_root, self.top, self.paths, self.commits = layout, trust_root, top, paths, commits
        self.cache_dir, self.use_cache, self.now = cache_dir, use_cache, now
        self.future = frozenset(c.sha for c in commits if c.when > now + FUTURE_SLACK)
        self.dated: dict[str, Commit] = {}  # each commit's own, or its nearest ancestor's date that can be true
        self.trail = Trail(top)
        self.sigs: dict[str, Signature] = {}
        self.staff_path = paths.records + STAFF_FILE
        self.cases_prefix = paths.records + CASES_DIR + "/"
        self.register = RegisterHistory(paths.records)
        self.registry_blobs: dict[str, bytes] = {}
        self.all_keys: dict[str, list[str]] = {}
        self.after: dict[str, _State] = {}
        self.latest = _State(config=settle(None, None))
        self.versions = 0
        self.records: dict[tuple[str, str], StepState] = {}  # (case, step file) -> latest version
        self.blobs_seen = _BlobCache(top, cache_dir if use_cache else None, use_cache)
        self.sop_models: dict[str, Sop | None] = {}  # by blob
        self.case_sop: dict[str, CaseSopRef] = {}
        # Every case file's current blob, by (case folder, name in it), and each approved step's
        # files as approved: a change that puts them back undoes what it changed.
        self.files: dict[str, dict[str, str]] = {}  # case folder -> name in it -> blob
        # the commit that last deleted a kasus.yaml, and the case's files just before it
        self.deleted: dict[str, tuple[Commit, _State, dict[str, str]]] = {}
        self.approved: dict[tuple[str, str], dict[str, str]] = {}
        self.pinned_seen = False
        self.unpinned: dict[str, str] = {}  # the first registry version that was not the pinned one
        self.when = effective_times(commits, self.future)
        # registry versions made on a branch merged with a commit: (their commit, when joined);
        # set once the registry's versions are known (:func:`.alongside.joins`)
        self.alongside: dict[str, list[tuple[str, datetime]]] = {}
        self.first_pass: dict[str, Version] = {}  # a version folded after a commit it binds
        self.by_sha = {c.sha: c for c in commits}

    def show(self, repo_path: str) -> str:
        return self.layout.show(self.top / repo_path) if repo_path.startswith(self.paths.records) else repo_path

    # --- the registry --------------------------------------------------------------------

    def load_registries(self, blobs: BlobReader) -> None:
        """Every version of staf.yaml ever committed, and the union of their keys (for git)."""
        for commit in self.commits:
            for change in commit.changes:
                if change.path == self.staff_path and change.status != "D":
                    data = blobs.read(change.blob)
                    if data is not None:
                        self.registry_blobs[commit.sha] = data
                        model = _parse_registry(data)
                        for person in model.staf if model else []:
                            self.all_keys.setdefault(person.id, []).extend(person.kunci_ssh)

    def _before(self, commit: Commit) -> _State:
        """What is in force as of the commit's parents (the newest among them)."""
        # parents outside the archive's history: the one before it in order
        return self._parents_state(commit) or self.latest

    def _parents_state(self, commit: Commit) -> _State | None:
        known = [self.after[p] for p in commit.parents if p in self.after]
        return max(known, key=lambda s: s.version) if known else None

    def _judged(self, commit: Commit, before: _State) -> _State:
        """What ``commit`` is judged by: ``before``, its registry less what every version made
        alongside it took away (:mod:`.alongside`). What it hands on to its children is
        ``before``'s."""

        def version(sha: str) -> Version:
            if sha in self.after:
                was = self._parents_state(self.by_sha[sha])
                return (was.registry if was else None), self.after[sha].registry
            return self.first_pass.get(sha, (None, None))

        registry = self._bound(commit, before.registry, version)
        return before if registry is before.registry else replace(before, registry=registry)

    def _bound(self, commit: Commit, registry: _Registry | None, version: Callable[[str], Version]) -> _Registry | None:
        """``registry`` less what each registry version concurrent with ``commit`` (before and
        after it, as ``version`` gives them) took away, from when the two joined."""
        for sha, joined in self.alongside.get(commit.sha, ()):
            if registry is not None:
                registry = bound(registry, *version(sha), joined.date())
        return registry

    def bind_alongside(self, blobs: BlobReader, since: int = 0) -> bool:
        """Find the registry versions concurrent with each commit from ``since`` on (the
        commits before are the kept fold's, already judged), and whether the kept fold cannot
        be taken up: a new registry version that does not descend from its last commit is
        concurrent with commits it read (a revocation merged from a branch begun before), and
        a version read after a commit it binds was not there when that commit was judged. In
        the latter case each version's registry is learnt first (:meth:`_registries_first`)."""
        regs = self.registry_blobs.keys()
        whole = bool(since) and not _descend(self.commits, since, regs)
        if whole:
            since = 0
        self.alongside = joins(self.commits, regs, self.when, since)
        order = {c.sha: i for i, c in enumerate(self.commits)}
        late = any(order[r] > order[s] for s, found in self.alongside.items() for r, _ in found)
        if late and since:
            self.alongside = joins(self.commits, regs, self.when)
        if late:
            self.first_pass = self._registries_first()
        return late or whole

    def _registries_first(self) -> dict[str, Version]:
        """The registry before and after each registry version, read as the fold reads them but from the
        governed files' commits alone (a fold of the whole history costs 22 s at 10,000 cases).
        Its findings are the fold's to make: they go to a scratch builder's trail."""
        scratch = _Builder(self.layout, self.trust_root, self.top, self.paths, [], None, False, self.now)
        scratch.registry_blobs, scratch.sigs = self.registry_blobs, self.sigs
        states: dict[str, tuple[int, _Registry | None]] = {}
        latest: tuple[int, _Registry | None] = (0, None)
        versions, out = 0, dict[str, Version]()
        for commit in self.commits:
            known = [states[p] for p in commit.parents if p in states]
            before = max(known, key=lambda s: s[0]) if known else latest  # as _before chooses
            if any(self.paths.kind(change.path) is not None for change in commit.changes):
                registry = before[1]
                if commit.sha in self.registry_blobs:
                    judge = self._bound(commit, registry, lambda sha: out.get(sha, (None, None)))
                    registry = scratch._registry_change(commit, registry, judge, self.when[commit.sha])
                    out[commit.sha] = (before[1] if known else None, registry)
                versions += 1
                before = (versions, registry)
            states[commit.sha] = latest = before
        return out

    def _registry_change(
        self, commit: Commit, before: _Registry | None, judge: _Registry | None, when: datetime
    ) -> _Registry | None:
        data = self.registry_blobs[commit.sha]
        model = _parse_registry(data)
        shown = self.show(self.staff_path)
        if model is None:
            self._finding(Severity.ERROR, "trail.registry_invalid", shown, commit=commit.sha[:10])
            return before
        if before is None:
            # No trusted registry yet: only the pinned version (kept outside the records) can
            # start the chain. Versions before it, e.g. one without keys, verify nothing.
            digest = hashlib.sha256(data).hexdigest()
            if self.trust_root is None:
                self._finding(Severity.WARNING, "trail.trust_root_unpinned", shown, commit=commit.sha[:10], sha=digest)
            elif digest != self.trust_root:
                self.unpinned.setdefault("commit", commit.sha[:10])
                self.unpinned.setdefault("sha", digest)
                return None
            self.pinned_seen = True
            return _registry(model)
        sig = self.sigs.get(commit.sha, UNSIGNED)
        admin = judge.by_key.get(sig.fingerprint or "") if sig.good and judge else None
        if admin is None or not admin.holds("admin_staf", when.date()):
            who = admin.nama if admin else (sig.fingerprint or commit.author)
            self._finding(Severity.ERROR, "trail.registry_unauthorised", shown, commit=commit.sha[:10], who=who)
            return before
        return _registry(model)

    # --- the governed files --------------------------------------------------------------

    def _govern(
        self, commit: Commit, before: _State, judged: _State, changes: list[tuple[Kind, str, str]], blobs: BlobReader
    ) -> _State:
        """The state after a commit that changes governed files: each change counts when an
        administrator of that kind of file signed it; otherwise it is reported, and under
        ``wajib`` (the policy in force before the commit) it does not count."""
        when = self.when[commit.sha]
        registry = before.registry
        if any(kind == "staf" for kind, _, _ in changes) and commit.sha in self.registry_blobs:
            registry = self._registry_change(commit, before.registry, judged.registry, when)
        # Before the trust chain starts there is no one to authorise a change: what is there when
        # the registry's first version (the trust root) arrives is what that root adopts.
        adopting = before.registry is None
        signer = self._signer(commit, judged)
        files = dict(before.files)
        for kind, path, blob in changes:
            allowed = adopting or (kind == "staf" and registry is not before.registry)
            if kind != "staf" and not adopting:
                flag = FLAGS[kind]
                allowed = signer is not None and signer.holds(flag, when.date())
                if not allowed:
                    who = self._who(commit, judged)
                    severity = Severity.ERROR if before.config.policy == "wajib" else Severity.WARNING
                    self._finding(
                        severity, "trail.unauthorised_change", self.show(path), commit=commit.sha[:10], who=who,
                        flag=flag,
                    )  # fmt: skip
            if allowed or (kind != "staf" and before.config.policy == "laporkan"):
                if blob:
                    files[path] = Authorised(blob, commit.sha)
                else:
                    files.pop(path, None)
        self.versions += 1
        sops = before.sops
        if any(kind == "sop" for kind, _, _ in changes):
            sops = self._sops(files, blobs)
        config = before.config
        if self.paths.config and any(path == self.paths.config for _, path, _ in changes):
            config = self._config(files.get(self.paths.config), blobs)
        return _State(self.versions, registry, files, sops, config)

    def _signer(self, commit: Commit, before: _State) -> Staf | None:
        """The registered person whose key signed ``commit``, by the registry in force before it."""
        sig = self.sigs.get(commit.sha, UNSIGNED)
        return before.registry.by_key.get(sig.fingerprint or "") if before.registry and sig.good else None

    def _who(self, commit: Commit, before: _State) -> str:
        """Who a finding names for ``commit``: its registered signer, else its author (and the key)."""
        signer, sig = self._signer(commit, before), self.sigs.get(commit.sha, UNSIGNED)
        return signer.nama if signer else (f"{commit.author} ({sig.fingerprint})" if sig.good else commit.author)

    def _sops(self, files: Mapping[str, Authorised], blobs: BlobReader) -> dict[SopKey, Sop]:
        out: dict[SopKey, Sop] = {}
        for path, authorised in sorted(files.items()):
            if self.paths.kind(path) != "sop":
                continue
            if authorised.blob not in self.sop_models:
                self.sop_models[authorised.blob] = _parse(blobs.read(authorised.blob), Sop)
            sop = self.sop_models[authorised.blob]
            if sop is not None:
                out.setdefault(sop.ref, sop)
        return out

    def _config(self, authorised: Authorised | None, blobs: BlobReader) -> ArchiveConfig:
        model = _parse(blobs.read(authorised.blob), Konfigurasi) if authorised else None
        return settle(model, self.paths.config)

    # --- keeping the fold --------------------------------------------------------------

    def _fold_key(self) -> str:
        return resume.fold_key(
            self.top, self.layout.shown, self.paths.history(), self.trust_root, (ROOT_PIN, POLICY_PIN)
        )

    def kept(self) -> resume.Kept | None:
        """The fold kept after a reading of the first commits of this history, when they read
        now as they did then (:mod:`.resume`)."""
        kept = resume.load(self.top, self.cache_dir, self.commits)
        if kept is None or not 0 < kept.count <= len(self.commits) or kept.key != self._fold_key():
            return None
        if kept.read != resume.digest(self.commits[: kept.count], self.when, self.sigs, self.future):
            return None
        return kept if set(FOLDED) <= kept.state.keys() else None

    def resume(self, kept: resume.Kept) -> int:
        """Take ``kept`` up; how many commits that spares."""
        for name in FOLDED:
            setattr(self, name, kept.state[name])
        return kept.count

    def keep(self) -> None:
        """Keep the fold as it is after every commit, before :meth:`finish` adds to it."""
        read = resume.digest(self.commits, self.when, self.sigs, self.future)
        state = {name: getattr(self, name) for name in FOLDED}
        resume.save(self.top, self.cache_dir, resume.Kept(self._fold_key(), read, len(self.commits), state))

    # --- the cases -----------------------------------------------------------------------

    def fold(self, commits: list[Commit], blobs: BlobReader) -> None:
        """Read ``commits`` (the next ones of the history, in order) into the trail."""
        for commit in commits:
            before = self._before(commit)
            judged = self._judged(commit, before)
            governed: list[tuple[Kind, str, str]] = []
            for change in commit.changes:
                kind = self.paths.kind(change.path)
                if kind is not None:
                    governed.append((kind, change.path, "" if change.status == "D" else change.blob))
                    self.trail.heads[change.path] = "" if change.status == "D" else change.blob
            after = self._govern(commit, before, judged, governed, blobs) if governed else before
            self.after[commit.sha] = self.latest = after
            before = judged  # the commit's own changes are judged by the bound registry
            for change in commit.changes:
                if self.register.holds(change.path):
                    self.register.change(commit, self._who(commit, before), change, blobs)
            touched: dict[str, list[tuple[str, str, str]]] = {}
            for change in commit.changes:
                if change.path.startswith(self.cases_prefix):
                    rest = change.path[len(self.cases_prefix) :].split("/")
                    if len(rest) >= 3:
                        case_folder = self.cases_prefix + "/".join(rest[:2])
                        touched.setdefault(case_folder, []).append(("/".join(rest[2:]), change.status, change.blob))
            for old, new in self._moves(touched):
                self._move(commit, before, old, new, touched)
            for folder, changes in touched.items():
                if changes:
                    self._case_commit(commit, before, folder, changes, blobs)
            self._dates(commit, list(touched))
            if commit.sha in self.future:
                self._future(commit, list(touched))

    def finish(self, blobs: BlobReader) -> None:
        """What the whole history means at its tip; changes the trail, so the fold is kept before."""
        self._removed_cases(blobs)
        for ct in self.trail.cases.values():  # an event names its folder only when the case has moved since
            for e in ct.events:
                e.folder = e.folder if e.folder != ct.folder else None
        shown = {path: self.show(path) for path, _ in self.register.broken}
        self.trail.findings += self.register.findings(blobs, shown)
        for case_id, ct in self.trail.cases.items():  # named in the findings' hints
            sop = self._sop(case_id, self.latest)
            ct.deciders = sop.deciders_named if sop else ct.deciders
        self.trail.authorised = dict(self.latest.files)
        self.trail.policy, self.trail.changed_after = self.latest.config.policy, self.latest.config.changed_after
        self.trail.heads = {path: blob for path, blob in self.trail.heads.items() if blob}
        if self.trust_root and not self.pinned_seen and self.unpinned:
            self._finding(Severity.ERROR, "trail.trust_root_mismatch", self.show(self.staff_path), **self.unpinned)

    def _moves(self, touched: Mapping[str, list[tuple[str, str, str]]]) -> list[tuple[str, str]]:
        """Case folders moved (a year folder corrected): the case's kasus.yaml added to a folder
        of the same name while it is deleted from the one the trail knows it in, in this commit
        or one before (a clerk's ``git rm -r``, then the copy committed)."""
        moves = []
        for new, changes in touched.items():
            ct = self.trail.cases.get(new.rsplit("/", 1)[-1])
            if ct is None or ct.folder == new or CASE_FILE in self.files.get(new, {}):
                continue
            if not any(n == CASE_FILE and s != "D" for n, s, _ in changes):
                continue
            here = any(n == CASE_FILE and s == "D" for n, s, _ in touched.get(ct.folder, ()))
            if here or (ct.folder in self.deleted and CASE_FILE not in self.files.get(ct.folder, {})):
                moves.append((ct.folder, new))
        return moves

    def _move(
        self, commit: Commit, before: _State, old: str, new: str, touched: dict[str, list[tuple[str, str, str]]]
    ) -> None:
        """Carry the case from ``old`` to ``new``: what it held there (as its kasus.yaml was
        deleted) is what it holds here, so only the files that differ between the two are this
        commit's changes to it (a move changes no content, and approves none). Files left
        behind leave the case; a deletion committed before is undone by the move."""
        ct = self.trail.cases[new.rsplit("/", 1)[-1]]
        left = self.files.pop(old, {})
        held = left if old in touched else self.deleted.pop(old)[2]
        now = dict(self.files.get(new, {}))
        for name, status, blob in touched[new]:
            if status == "D":
                now.pop(name, None)
            else:
                now[name] = blob
        self.files[new] = {**self.files.get(new, {}), **held}
        for key in [k for k in self.approved if k[0] == old]:
            self.approved[(new, key[1])] = self.approved.pop(key)
        touched.pop(old, None)
        gone = [(name, "D", "") for name in sorted(held.keys() - now.keys())]
        differ = [(n, "M" if n in held else "A", blob) for n, blob in sorted(now.items()) if held.get(n) != blob]
        touched[new] = gone + differ
        shown = old[len(self.paths.records) :]
        ct.events.append(replace(self._event(commit, before, old), kind="dipindah", file=shown))
        ct.folder = new
        if not touched[new]:  # nothing differs: a change the deletion made is undone (see _case_commit)
            self._restored(ct, new)

    def _event(self, commit: Commit, before: _State, folder: str) -> Event:
        """What every event of ``commit`` in the case at ``folder`` says: when, who, signed by whom."""
        sig, signer, when = self.sigs.get(commit.sha, UNSIGNED), self._signer(commit, before), self.when[commit.sha]
        if signer is None and before.registry is not None and before.registry.wider is not None:
            signer = self._signer(commit, replace(before, registry=before.registry.wider))  # named, not counted
        return Event(
            "",
            commit.sha,
            when,
            commit.author,
            signer=signer.id if signer else None,
            signer_name=signer.nama if signer else None,
            signature=sig.status,
            dated=commit.when if commit.when != when else None,
            folder=folder,
        )

    def _removed_cases(self, blobs: BlobReader) -> None:
        """A case folder gone from the archive (its id in no folder now) is a record destroyed:
        only the holder of ``admin_arsip`` may transfer or destroy records, under the retention
        schedule. Their signed removal of a case the schedule lets go is a note, so the auditor
        still sees it; of a case not yet due, or not finished, an error, as anyone else's removal
        is (a warning under ``laporkan``). Of the archive while no folder holds the case; of the
        case again when one is put back uncommitted."""
        alive = {folder.rsplit("/", 1)[-1] for folder, names in self.files.items() if CASE_FILE in names}
        for folder, (commit, before, held) in sorted(self.deleted.items()):
            case_id = folder.rsplit("/", 1)[-1]
            if case_id in alive:
                continue  # moved to another folder (a year corrected), not removed
            if case_id in self.trail.cases:
                self.trail.cases[case_id].removed = True
            when = self.when[commit.sha]
            signer = self._signer(commit, before)
            params = {"id": case_id, "commit": commit.sha[:10], "who": self._who(commit, before),
                      "date": f"{when.astimezone(WIB):%Y-%m-%d}"}  # fmt: skip
            severity = Severity.ERROR if before.config.policy == "wajib" else Severity.WARNING
            if signer is None or not signer.holds("admin_arsip", when.date()):
                self._finding(severity, "trail.case_deleted", self._show(folder, ""), case_id, **params)
                continue
            closed, due = self._retention(case_id, before, held, blobs)
            if due is not None and closed is None:
                self._finding(severity, "trail.case_removed_open", self._show(folder, ""), case_id, **params)
            elif due is not None and when.astimezone(WIB).date() < due:
                dates = {"closed": f"{closed}", "due": f"{due}"}
                self._finding(severity, "trail.case_removed_early", self._show(folder, ""), case_id, **params, **dates)
            else:
                self._finding(Severity.INFO, "trail.case_removed", self._show(folder, ""), case_id, **params)

    def _retention(
        self, case_id: str, before: _State, held: Mapping[str, str], blobs: BlobReader
    ) -> tuple[date | None, date | None]:
        """When a removed case closed, and from when its JRA let it leave the office (the end of
        its active period), by its records and the SOP and profile in force when it was removed.
        (None, a date): it had not closed. (…, None): nothing to judge by (no JRA entry, records
        that do not read). A case withdrawn or closed early closed on the day it was stopped."""
        kasus = _parse(blobs.read(held[CASE_FILE]) if CASE_FILE in held else None, Kasus)
        sop = self._sop(case_id, before)
        profile = before.config.kantor
        jra = (sop.retensi or (profile.retensi if profile else None)) if sop else None
        if kasus is None or sop is None or jra is None:
            return None, None
        steps = []
        for name, blob in sorted(held.items()):
            if name.startswith(STEPS_DIR + "/") and name.endswith(".yaml") and (data := blobs.read(blob)) is not None:
                try:
                    loaded = load_bytes(data, name)
                    steps.append(StepFile(CatatanLangkah.model_validate(loaded.data), loaded, name))
                except (SopKitError, ValidationError):
                    return None, None  # a record that does not read: its state cannot be told
        stop = kasus.dihentikan
        prog = progress_of(sop, steps, stop.status if stop else None)
        closed = file_closed_on(prog, stop.tanggal if stop else None)
        return closed, jra.active_until(closed) if closed else date.max

    def _dates(self, commit: Commit, cases: list[str]) -> None:
        """A commit dated well before one of its parents: one of the two dates was set by hand
        or made on a wrong clock (which, history cannot tell). A parent dated after the check's
        clock is the wrong one, reported by :meth:`_future`; the commit is compared with its
        nearest ancestor dated before that clock. An error of each case it touches (a clock off by
        minutes is not: the time is taken from history)."""
        parents = [self.dated[p] for p in commit.parents if p in self.dated]
        newest = max(parents, key=lambda p: p.when, default=None)
        if commit.sha not in self.future:
            self.dated[commit.sha] = commit
        elif newest is not None:  # a date that cannot be true is no child's to be compared with
            self.dated[commit.sha] = newest
        if newest is None or newest.when - commit.when <= BACKDATED:
            return
        dates = {
            "commit": commit.sha[:10],
            "date": f"{commit.when.astimezone(WIB):%Y-%m-%d %H:%M}",  # both in the office's time
            "parent": f"{newest.when.astimezone(WIB):%Y-%m-%d %H:%M}",
            "parent_commit": newest.sha[:10],
        }
        for folder in cases:
            case_id = folder.rsplit("/", 1)[-1]
            self._finding(Severity.ERROR, "trail.backdated", self._show(folder, CASE_FILE), case_id, **dates)
        if not cases:
            self._finding(Severity.ERROR, "trail.backdated", self.show(self.paths.records or "."), **dates)

    def _future(self, commit: Commit, cases: list[str]) -> None:
        """A commit dated after the check's clock (by more than :data:`FUTURE_SLACK`): its date
        was set by hand or its machine's clock is wrong. An error of each case it touches, like
        a backdated one; of the archive when it touches none."""
        dated = {"commit": commit.sha[:10], "date": f"{commit.when.astimezone(WIB):%Y-%m-%d %H:%M}"}
        for folder in cases:
            case_id = folder.rsplit("/", 1)[-1]
            self._finding(Severity.ERROR, "trail.future_dated", self._show(folder, CASE_FILE), case_id, **dated)
        if not cases:
            self._finding(Severity.ERROR, "trail.future_dated", self.show(self.paths.records or "."), **dated)

    def _case_commit(
        self,
        commit: Commit,
        before: _State,
        folder: str,
        changes: list[tuple[str, str, str]],
        blobs: BlobReader,
    ) -> None:
        case_id = folder.rsplit("/", 1)[-1]
        trail = self.trail.cases.setdefault(case_id, CaseTrail(case_id, folder))
        sig = self.sigs.get(commit.sha, UNSIGNED)
        signer = self._signer(commit, before)
        base = self._event(commit, before, folder)
        changes = self._renamed_steps(trail, folder, changes, base)
        approved_here: set[str] = set()
        snapshots: list[tuple[str, tuple[str, ...]]] = []  # approved here: (step, its files)
        opened = False  # the case is created by this commit
        for name, status, blob in sorted(changes):  # kasus.yaml before langkah/
            if name == CASE_FILE:
                created = len(trail.events)
                if self._identity(trail, base, before, signer, sig, case_id, status, blob, blobs):
                    snapshots.append((IDENTITY, (CASE_FILE,)))
                opened = any(e.kind == "dibuat" for e in trail.events[created:])
                continue
            if not name.startswith(STEPS_DIR + "/") or not name.endswith(".yaml"):
                continue
            step_name = name[len(STEPS_DIR) + 1 :]
            record = self.blobs_seen.step(blob, blobs) if status != "D" else None
            previous = self.records.get((case_id, step_name))
            if record is not None:
                self.records[(case_id, step_name)] = record
            st = trail.steps.get(step_name)
            approving = (
                record is not None
                and record.status == "selesai"
                and (previous is None or previous.status != "selesai" or previous.keputusan != record.keputusan)
            )
            if approving and record is not None:
                event = self._approval(base, before, signer, sig, case_id, step_name, record)
                if st is None:
                    st = trail.steps[step_name] = StepTrail(record.langkah, record.putaran, step_name)
                st.approval, st.changed_after = event, []
                st.documents, st.done = set(record.dokumen), record.selesai
                trail.events.append(event)
                approved_here.add(step_name)
                snapshots.append((step_name, (name, *record.dokumen)))
                if IDENTITY not in trail.steps and (folder, IDENTITY) not in self.approved:
                    snapshots.append((IDENTITY, (CASE_FILE,)))  # kasus.yaml as the first approval found it
            elif st is not None and st.approval is not None:
                event = self._change(base, before, signer, sig, case_id, step_name, record, st)
                trail.events.append(event)
                if event.kind in APPROVALS:
                    st.approval, st.changed_after = event, []
                    if record is not None:
                        st.documents, st.done = set(record.dokumen), record.selesai
                    approved_here.add(step_name)  # a file it adds is part of what it approves
                    snapshots.append((step_name, (name, *st.documents)))
                else:
                    st.changed_after.append(event)
            elif record is not None and not (previous is None and record.status == "belum" and opened):
                # (``sop-kit new`` writes every step's blank record with the case: no step recorded)
                trail.events.append(
                    replace(base, kind="dicatat", step=record.langkah, round=record.putaran, file=step_name)
                )
        known = self.files.get(folder, {})
        for name, _, blob in changes:  # documents changed after the step naming them was approved
            stepped = [
                (step_name, st)
                for step_name, st in trail.steps.items()
                if name in st.documents and step_name not in approved_here and st.approval is not None
            ]
            if stepped and _same_file(known.get(name), blob, blobs):
                for step_name, _ in stepped:  # moved into (or out of) Git LFS: the approved content still
                    self.approved.get((folder, step_name), {})[name] = blob
                continue
            for _, st in stepped:
                event = replace(base, kind="berkas_diubah", step=st.step, round=st.round, file=name)
                trail.events.append(event)
                st.changed_after.append(event)
        files = self.files.setdefault(folder, {})
        if any(name == CASE_FILE and status == "D" for name, status, _ in changes):
            self.deleted[folder] = (commit, before, dict(files))  # the case as it was removed
        for name, status, blob in changes:
            if status == "D":
                files.pop(name, None)
            else:
                files[name] = blob
        for step_name, names in snapshots:
            self.approved[(folder, step_name)] = {n: files.get(n, "") for n in names}
        self._restored(trail, folder)

    def _renamed_steps(
        self, trail: CaseTrail, folder: str, changes: list[tuple[str, str, str]], base: Event
    ) -> list[tuple[str, str, str]]:
        """A step record renamed with its content unchanged (``step.filename``'s hint: a name that
        sorts in order) is the same record: its approval and history go with the name, and the
        rename is a line of the timeline, not a change. The changes left to judge."""
        files = self.files.setdefault(folder, {})
        record = [(n, s, b) for n, s, b in changes if n.startswith(STEPS_DIR + "/") and n.endswith(".yaml")]
        gone = {files[n]: n for n, s, _ in record if s == "D" and n in files}
        renames = {gone[b]: n for n, s, b in record if s != "D" and n not in files and b in gone}
        for old, new in renames.items():
            before, after = old[len(STEPS_DIR) + 1 :], new[len(STEPS_DIR) + 1 :]
            if before in trail.steps:
                trail.steps[after] = replace(trail.steps.pop(before), file=after)
            if (trail.case, before) in self.records:
                self.records[(trail.case, after)] = self.records.pop((trail.case, before))
            if (folder, before) in self.approved:
                approved = self.approved.pop((folder, before))
                self.approved[(folder, after)] = {new if n == old else n: b for n, b in approved.items()}
            files[new] = files.pop(old)
            trail.events.append(replace(base, kind="diganti_nama", file=f"{before} → {after}"))
        moved = {*renames, *renames.values()}
        return [c for c in changes if c[0] not in moved]

    def _restored(self, trail: CaseTrail, folder: str) -> None:
        files = self.files.get(folder, {})
        for step_name, st in trail.steps.items():
            approved = self.approved.get((folder, step_name))
            if st.changed_after and approved and all(files.get(n, "") == b for n, b in approved.items()):
                st.changed_after = []  # every file put back as approved (a revert): nothing changed stands

    def _identity(
        self,
        trail: CaseTrail,
        base: Event,
        before: _State,
        signer: Staf | None,
        sig: Signature,
        case_id: str,
        status: str,
        blob: str,
        blobs: BlobReader,
    ) -> bool:
        """kasus.yaml: the case's creation, and any change to it once a step is approved (its
        title, period, location, families) until someone who may decide re-approves it. True
        when this change is such a re-approval."""
        ref = self.blobs_seen.sop_ref(blob, blobs) if status != "D" else None
        if case_id not in self.case_sop:
            if ref is not None:
                trail.events.append(replace(base, kind="dibuat"))
                self.case_sop[case_id] = ref
            return False
        if status == "D":
            return False  # the case removed: judged as a whole (_removed_cases)
        if ref is not None:
            self.case_sop[case_id] = ref
        approved = [st for name, st in trail.steps.items() if name != IDENTITY and st.approval is not None]
        if not approved:
            return False
        identity = trail.steps.setdefault(IDENTITY, StepTrail(0, 0, IDENTITY, approval=approved[-1].approval))
        sop = self._sop(case_id, before)
        deciders = {r.id for r in sop.deciders} if sop else set()
        if sig.good and signer is not None and signer.roles_on(base.when.date()) & deciders:
            event = replace(base, kind="disetujui_ulang", file=CASE_FILE, verified=True)
            identity.approval, identity.changed_after = event, []
        else:
            event = replace(base, kind="identitas_diubah", file=CASE_FILE)
            identity.changed_after.append(event)
        trail.events.append(event)
        return event.kind == "disetujui_ulang"

    def _verdict(
        self,
        before: _State,
        signer: Staf | None,
        sig: Signature,
        record: StepState,
        sop: Sop | None,
        when: datetime,
        then: datetime | None = None,
    ) -> str | None:
        """Why the approval is not verified (None: it is). The role is held ``when`` the commit
        counts from, or ``then`` (the completion it approves counted from) when given."""
        if sig.status == "N":
            return "unsigned"
        if not sig.good:
            return "bad_signature"
        if before.registry is None:
            return "no_registry"
        wider = before.registry.wider.by_key.get(sig.fingerprint or "") if before.registry.wider else None
        if signer is None:
            if wider is not None:
                return "revoked_alongside"
            return "shared_key" if sig.fingerprint in before.registry.shared else "unknown_key"
        days = [when.date(), *([then.date()] if then is not None else [])]
        if sop is None or not sop.done_by(record.langkah, {r for day in days for r in signer.roles_on(day)}):
            held = {r for day in days for r in wider.roles_on(day)} if wider else set()
            return "revoked_alongside" if sop is not None and sop.done_by(record.langkah, held) else "no_role"
        if record.pelaksana != signer.id:
            return "not_recorded_person"
        return None

    @staticmethod
    def _succeeds(
        before: _State, signer: Staf | None, record: StepState, sop: Sop | None, when: datetime, st: StepTrail
    ) -> bool:
        """Whether ``signer`` approves for the step's recorded pelaksana, who held one of its
        roles as the approval standing counted, or on the day the record says it was done, and
        holds none ``when`` this commit counts from (:meth:`Sop.handed_over`)."""
        doer = before.registry.staff.get(record.pelaksana or "") if before.registry else None
        if sop is None or signer is None or doer is None or st.approval is None:
            return False
        then = {st.approval.when.date(), *([record.selesai.date()] if record.selesai else [])}
        held, now = [doer.roles_on(day) for day in then], when.date()
        return sop.handed_over(record.langkah, held, doer.roles_on(now), signer.roles_on(now))

    def _sop(self, case_id: str, state: _State) -> Sop | None:
        """The case's SOP revision as authorised when the commit was made."""
        ref = self.case_sop.get(case_id)
        return sop_for(state.sops, ref[0], ref[2], ref[1]) if ref else None

    def _approval(
        self,
        base: Event,
        before: _State,
        signer: Staf | None,
        sig: Signature,
        case_id: str,
        step_name: str,
        record: StepState,
    ) -> Event:
        sop = self._sop(case_id, before)
        reason = self._verdict(before, signer, sig, record, sop, base.when)
        is_decision = bool(sop and record.langkah <= len(sop.langkah) and sop.step(record.langkah).keputusan)
        return replace(
            base,
            kind="keputusan" if is_decision else "selesai",
            step=record.langkah,
            round=record.putaran,
            file=step_name,
            verified=reason is None,
            reason=reason,
            decision=record.keputusan,
        )

    def _change(
        self,
        base: Event,
        before: _State,
        signer: Staf | None,
        sig: Signature,
        case_id: str,
        step_name: str,
        record: StepState | None,
        st: StepTrail,
    ) -> Event:
        """An edit of an approved record: a re-approval if a verified role holder made it (its
        first approval, when the one before was not verified: another's commit of it)."""
        if record is not None and record.status == "selesai":
            first = st.approval is not None and not st.approval.verified
            # Its doer's first approval of a completion another committed: they may give it after
            # leaving the step's role (moved, retired), when they held it as the completion counted.
            then = st.approval.when if first and st.approval is not None else None
            sop = self._sop(case_id, before)
            reason = self._verdict(before, signer, sig, record, sop, base.when, then)
            kind = "disetujui" if first else "disetujui_ulang"
            if reason == "not_recorded_person" and self._succeeds(before, signer, record, sop, base.when, st):
                reason, kind = None, "disetujui_pengganti"
            if reason is None:
                return replace(
                    base,
                    kind=kind,
                    step=st.step,
                    round=st.round,
                    file=step_name,
                    verified=True,
                    decision=record.keputusan,
                )
        return replace(base, kind="diubah", step=st.step, round=st.round, file=step_name)

    # --- afterwards ----------------------------------------------------------------------

    def add_trees(self) -> None:
        """The exact content of the case folder at each approval: its git tree id."""
        approvals = [
            (t, e)
            for t in self.trail.cases.values()
            for e in t.events
            if e.verified or e.kind in ("selesai", "keputusan")
        ]
        ids = tree_ids(
            self.top, [f"{e.commit}:{e.folder or t.folder}" for t, e in approvals], self.cache_dir, self.use_cache
        )
        for t, e in approvals:
            e.tree = ids.get(f"{e.commit}:{e.folder or t.folder}")

    def check_dropped(self, cache_dir: Path | None) -> None:
        """Approvals a previous run saw on this branch whose commits are no longer in its history.

        Kept per branch: switching to another branch is not a rewrite."""
        base = cache_base(cache_dir)
        # Per repository (its path and its first commit, so a rebuilt repository at the same
        # path starts afresh) and per branch.
        branch = current_branch(self.top)
        root = self.commits[0].sha if self.commits else "-"
        key = hashlib.sha256(f"{self.top}\0{root}\0{branch}".encode()).hexdigest()[:16]
        file = base / f"approvals-{key}.json"
        present = {c.sha for c in self.commits}
        try:
            known: dict[str, list[str]] = json.loads(file.read_text("utf-8"))
        except (OSError, ValueError):
            known = {}
        # A step its role holder approved again in the history as it is now (an approval amended
        # to mend a typo, and signed anew): the loss is said, not held against the step, whose
        # record the rest of the trail judges against that newer approval.
        approved = {
            (t.case, e.file) for t in self.trail.cases.values() for e in t.events if e.kind in APPROVALS and e.verified
        }
        for sha, (case_id, step_file, *where) in known.items():
            if sha not in present:
                # A case whose every commit went with the rewrite is named where it was (runs
                # before the folder was kept: where the case's year puts it).
                folder = (
                    self.trail.cases[case_id].folder
                    if case_id in self.trail.cases
                    else where[0]
                    if where
                    else f"{self.paths.records}{CASES_DIR}/{case_id[:4]}/{case_id}"
                )
                again = (case_id, step_file) in approved
                self._finding(
                    Severity.INFO if again else Severity.ERROR,
                    "trail.approval_replaced" if again else "trail.approval_dropped",
                    self._show(folder, step_file),
                    case_id,
                    commit=sha[:10],
                    id=case_id,
                )
        current = {
            e.commit: [t.case, e.file or "", e.folder or t.folder]
            for t in self.trail.cases.values()
            for e in t.events
            if e.kind in APPROVALS
        }
        known.update(current)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(known), "utf-8")
        except OSError:
            pass

    def _show(self, folder: str, name: str) -> str:
        if name == CASE_FILE:
            return self.layout.show(self.top / folder / CASE_FILE)
        return self.layout.show(self.top / folder / STEPS_DIR / name if name else self.top / folder)

    def _finding(self, sev: Severity, code: str, file: str, case: str | None = None, **params: object) -> None:
        self.trail.findings.append(Finding(sev, code, file, None, dict(params), case))


def _descend(commits: list[Commit], since: int, marked: Collection[str]) -> bool:
    """Whether every ``marked`` commit from ``since`` on descends from ``commits[since - 1]``
    (the last commit a kept fold read: every earlier one is its ancestor)."""
    below = {commits[since - 1].sha}
    for c in commits[since:]:
        if any(p in below for p in c.parents):
            below.add(c.sha)
        elif c.sha in marked:
            return False
    return True


def _same_file(before: str | None, after: str, blobs: BlobReader) -> bool:
    """Whether the blob ``after`` holds the file ``before`` held, one of them as the Git LFS
    pointer naming the other's SHA-256 and size: ``git lfs track`` and ``git add --renormalize``
    of an archive, or LFS given up, change how git stores an approved scan, not the scan."""
    if before is None or not after or set(after) == {"0"}:
        return False
    old, new = blobs.read(before), blobs.read(after)
    if old is None or new is None:
        return False
    for pointer, content in ((new, old), (old, new)):
        found = lfs_pointer(pointer)
        if found is not None and found == (hashlib.sha256(content).hexdigest(), len(content)):
            return True
    return False


class _BlobCache:
    """What each blob of a step record or case identity says; blobs never change, so a
    rebuild after a new commit parses only the new versions."""

    def __init__(self, top: Path, cache_dir: Path | None, use_cache: bool):
        self.file = repo_file(cache_dir, "blobs", top)
        self.use_cache = use_cache
        found = read_json(self.file) if use_cache else None
        self.entries: dict[str, Any] = found if isinstance(found, dict) else {}
        self.dirty = False

    def _get(self, blob: str, blobs: BlobReader, make: Any) -> Any:
        if blob not in self.entries:
            self.entries[blob] = make(blobs.read(blob))
            self.dirty = True
        return self.entries[blob]

    def step(self, blob: str, blobs: BlobReader) -> StepState | None:
        def make(data: bytes | None) -> list[Any] | None:
            rec = _parse(data, CatatanLangkah)
            if rec is None:
                return None
            done = rec.selesai.isoformat() if rec.selesai else None
            return [
                rec.langkah,
                rec.putaran,
                rec.status,
                rec.keputusan,
                rec.pelaksana,
                [d.berkas for d in rec.dokumen],
                done,
            ]

        found = self._get(blob, blobs, make)
        if found and len(found) == 6:  # cached before the end time was kept: read the blob again
            del self.entries[blob]
            found = self._get(blob, blobs, make)
        if not found:
            return None
        langkah, putaran, status, keputusan, pelaksana, dokumen, done = found
        when = datetime.fromisoformat(done) if done else None
        return StepState(langkah, putaran, status, keputusan, pelaksana, tuple(dokumen), when)

    def sop_ref(self, blob: str, blobs: BlobReader) -> CaseSopRef | None:
        def make(data: bytes | None) -> list[Any] | None:
            kasus = _parse(data, Kasus)
            return [kasus.sop.nomor, kasus.sop.revisi, f"{kasus.periode.mulai:%Y-%m}"] if kasus else None

        found = self._get(blob, blobs, make)
        if found and len(found) == 2:  # cached before the start month was kept: read the blob again
            del self.entries[blob]
            found = self._get(blob, blobs, make)
        return (found[0], found[1], found[2]) if found else None

    def save(self) -> None:
        if self.use_cache and self.dirty:
            write_json(self.file, self.entries)


def _parse(data: bytes | None, model: type[M]) -> M | None:
    """A record as it was at some commit; a version that does not validate is skipped."""
    if data is None:
        return None
    try:
        return model.model_validate(load_bytes(data, "-").data)
    except (SopKitError, ValidationError):
        return None


def _parse_registry(data: bytes) -> Registri | None:
    try:
        return Registri.model_validate(load_bytes(data, STAFF_FILE).data)
    except (SopKitError, ValidationError):
        return None


def authorised_content(trail: Trail, paths: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the authorised versions of governed files (repository paths)."""
    out: dict[str, bytes] = {}
    with BlobReader(trail.top) as blobs:
        for path in paths:
            found = trail.authorised.get(path)
            data = blobs.read(found.blob) if found else None
            if data is not None:
                out[path] = data
    return out
