"""Registry versions made alongside a commit, on a branch merged with it.

Time comes from history order, and two commits on branches merged later have none: neither is
before the other. A signature is judged by the registry in force before its commit; a key
removed or a tenure ended on the other branch must bind it too, or a clone from before the
revocation (a stolen laptop's, a departed Kasi's) could go on approving on a branch and merge.
Which parent of the merge is the "first" is the merger's choice (``git pull`` on that laptop
makes its own branch the main line), so both sides bind each other: a commit is judged by its
own registry and by every registry version made concurrently with it, as in force when the two
first stand in one history (the earliest commit that has both as ancestors). What either side
grants alone (a person, a key, a role added on one branch) does not count for the other's
commits: they are approved again once merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ..records.models import Staf
from ..records.models.staff import Penugasan
from .gitlog import Commit


@dataclass
class Registry:
    """The registry's people by id and by key, as the trail judges signatures by it."""

    staff: dict[str, Staf]
    by_key: dict[str, Staf]
    shared: frozenset[str] = frozenset()  # keys listed for two people or more: nobody's
    wider: Registry | None = field(default=None, repr=False)  # this one before concurrent versions narrowed it


Joins = dict[str, list[tuple[str, datetime]]]  # commit -> [(a concurrent one, when the two joined)]


def joins(commits: list[Commit], marked: Collection[str], when: Mapping[str, datetime], since: int = 0) -> Joins:
    """For each commit from ``since`` on, the ``marked`` commits concurrent with it (neither its
    ancestor nor its descendant), each with when the two first stand in one history: the first
    commit, in the order of ``commits`` (parents before children), that has both as ancestors.
    Which marked commits are ancestors and descendants of each commit is one pass each way."""
    out: Joins = defaultdict(list)
    if not any(len(c.parents) > 1 for c in commits[since:]):
        return out  # one line from the kept commits on: each commit descends from all before it
    index = {c.sha: i for i, c in enumerate(commits)}
    ordered = sorted((sha for sha in marked if sha in index), key=index.__getitem__)
    bit = {sha: 1 << i for i, sha in enumerate(ordered)}
    up: dict[str, int] = {}  # the marked commits among each commit's ancestors (and itself)
    for c in commits:
        mask = bit.get(c.sha, 0)
        for p in c.parents:
            mask |= up.get(p, 0)
        up[c.sha] = mask
    down: dict[str, int] = {}  # … among its descendants (and itself)
    for c in reversed(commits):
        mask = down.get(c.sha, 0) | bit.get(c.sha, 0)
        down[c.sha] = mask
        for p in c.parents:
            down[p] = down.get(p, 0) | mask
    every = (1 << len(ordered)) - 1
    for i in range(since, len(commits)):
        commit = commits[i]
        pending = every & ~up[commit.sha] & ~down[commit.sha]
        if not pending:
            continue
        below = {commit.sha}  # its descendants so far
        for later in commits[i + 1 :]:
            if not any(p in below for p in later.parents):
                continue
            below.add(later.sha)
            met = up[later.sha] & pending
            for b in range(len(ordered)) if met else ():
                if met >> b & 1:
                    out[commit.sha].append((ordered[b], when[later.sha]))
            pending &= ~met
            if not pending:
                break
    return out


def narrowed(own: Registry, other: Registry, day: date) -> Registry:
    """``own`` as far as ``other`` (a concurrent version, in force from ``day`` for this commit)
    agrees: a key both give the same person, each tenure as far as both hold it. ``other`` is
    read from ``day`` on, never before: a tenure it ends before then is over for this commit."""
    people: dict[str, Staf] = {}
    for pid, person in own.staff.items():
        theirs = other.staff.get(pid)
        if theirs is not None:
            tenures = [t for a in person.penugasan for b in theirs.penugasan if (t := _both(a, b, day))]
            people[pid] = person.model_copy(update={"penugasan": tenures})
    by_key = {
        fpr: people[p.id]
        for fpr, p in own.by_key.items()
        if p.id in people and (o := other.by_key.get(fpr)) is not None and o.id == p.id
    }
    return Registry(people, by_key, own.shared | other.shared, own.wider or own)


def _both(a: Penugasan, b: Penugasan, day: date) -> Penugasan | None:
    """The days ``a`` covers on which ``b``, read from ``day`` on, covers too, with the roles and
    rights both give; None when there are none."""
    if b.covers(day):
        start, end = a.mulai, b.sampai  # every earlier day reads b on ``day``, which it covers
    else:
        start, end = max(a.mulai, b.mulai, day), b.sampai
    if a.sampai is not None:
        end = a.sampai if end is None else min(end, a.sampai)
    if end is not None and end < start:
        return None
    return Penugasan.model_construct(
        jabatan=a.jabatan,
        peran=[r for r in a.peran if r in b.peran],
        mulai=start,
        sampai=end,
        admin_staf=a.admin_staf and b.admin_staf,
        admin_sop=a.admin_sop and b.admin_sop,
        admin_arsip=a.admin_arsip and b.admin_arsip,
    )
