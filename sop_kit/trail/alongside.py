"""Registry versions made alongside a commit, on a branch merged with it.

Time comes from history order, and two commits on branches merged later have none: neither is
before the other. A signature is judged by the registry in force before its commit; a key
removed or a tenure ended on the other branch must bind it too, or a clone from before the
revocation (a stolen laptop's, a departed Kasi's) could go on approving on a branch and merge.
Which parent of the merge is the "first" is the merger's choice (``git pull`` on that laptop
makes its own branch the main line), so both sides bind each other: a commit is judged by its
own registry less what each registry version made concurrently with it took away (a person, a
key, a role or right), as read from when the two first stand in one history (the earliest
commit that has both as ancestors). What a version grants binds nothing, and neither does what
it never had: a person added on the other side since the two parted is not revoked by it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from pydantic import PrivateAttr

from ..records.models import Staf
from .gitlog import Commit


@dataclass
class Registry:
    """The registry's people by id and by key, as the trail judges signatures by it."""

    staff: dict[str, Staf]
    by_key: dict[str, Staf]
    shared: frozenset[str] = frozenset()  # keys listed for two people or more: nobody's
    wider: Registry | None = field(default=None, repr=False)  # this one before concurrent versions bound it


Joins = dict[str, list[tuple[str, datetime]]]  # commit -> [(a concurrent one, when the two joined)]


def joins(commits: list[Commit], marked: Collection[str], when: Mapping[str, datetime], since: int = 0) -> Joins:
    """For each commit from ``since`` on, the ``marked`` commits concurrent with it (neither its
    ancestor nor its descendant), each with when the two first stand in one history: the first
    commit, in the order of ``commits`` (parents before children), that has both as ancestors.

    Which marked commits are ancestors and descendants of each commit is one pass each way.
    The join is one more pass backwards over each marked commit's concurrent ones: the first
    commit having both a commit and the marked one as ancestors is the earliest of its children
    that descend from the marked one and of the joins of those that do not. Walking forward from
    each concurrent commit instead cost the square of their number: an administrator's clone a
    year behind, its registry change merged, makes every commit of that year one."""
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
    concurrent = {c.sha: m for c in commits[since:] if (m := every & ~up[c.sha] & ~down[c.sha])}
    if not concurrent:
        return out
    by_version: dict[int, list[int]] = defaultdict(list)  # a marked one's concurrent commits, by place
    for sha, mask in concurrent.items():
        while mask:
            low = mask & -mask
            by_version[low.bit_length() - 1].append(index[sha])
            mask ^= low
    lowest = min(index[sha] for sha in concurrent)
    children: dict[str, list[str]] = defaultdict(list)
    for c in commits[lowest:]:
        for p in c.parents:
            children[p].append(c.sha)
    found: list[tuple[int, int, str]] = []  # (the join's place, the marked one's, the commit)
    for b, places in by_version.items():
        flag = 1 << b
        # A child of a commit concurrent with the marked one is its descendant or concurrent
        # with it too (never its ancestor): only the concurrent commits need a pass.
        first: dict[str, int] = {}  # the earliest commit descending from it and from the marked one
        for i in sorted(places, reverse=True):
            sha = commits[i].sha
            kids = children.get(sha, ())
            joined = [index[k] if up[k] & flag else first[k] for k in kids if up[k] & flag or k in first]
            if joined:
                first[sha] = min(joined)
                found.append((first[sha], b, sha))
    for j, b, sha in sorted(found):  # per commit, as the joins come in history order
        out[sha].append((ordered[b], when[commits[j].sha]))
    return out


def bound(own: Registry, before: Registry | None, after: Registry | None, day: date) -> Registry:
    """``own`` less what a concurrent registry version took away (``before`` it, ``after`` it),
    read from ``day`` on, never before: a person removed, a key taken out, a role or right a
    changed tenure no longer gives. Only what that version changed binds: what it never had
    (a person added on ``own``'s side since the two parted) is no revocation."""
    if before is None or after is None:
        return own
    gone = {pid for pid in before.staff if pid not in after.staff}
    keys_gone = {fpr for fpr, p in before.by_key.items() if (a := after.by_key.get(fpr)) is None or a.id != p.id}
    people: dict[str, Staf] = {}
    for pid, person in own.staff.items():
        was, now = before.staff.get(pid), after.staff.get(pid)
        if pid in gone:
            continue
        if was is not None and now is not None and was.penugasan != now.penugasan:
            cut = Bound.model_construct(**{name: getattr(person, name) for name in Staf.model_fields})
            cut._cuts = [*(person._cuts if isinstance(person, Bound) else []), (was, now, day)]
            person = cut
        people[pid] = person
    by_key = {fpr: people[p.id] for fpr, p in own.by_key.items() if fpr not in keys_gone and p.id in people}
    if by_key.keys() == own.by_key.keys() and all(people.get(pid) is p for pid, p in own.staff.items()):
        return own  # nothing it took away touches this registry
    return Registry(people, by_key, own.shared, own.wider or own)


class Bound(Staf):
    """A person as a registry bound by concurrent revocations reads them: each (before, after,
    joined) takes away the roles and rights ``before`` gave and ``after`` does not, as read on
    ``joined`` or later."""

    _cuts: list[tuple[Staf, Staf, date]] = PrivateAttr(default_factory=list)

    def roles_on(self, day: date) -> set[str]:
        roles = super().roles_on(day)
        for was, now, joined in self._cuts:
            at = max(day, joined)
            roles -= was.roles_on(at) - now.roles_on(at)
        return roles

    def holds(self, right: str, day: date) -> bool:
        return super().holds(right, day) and not any(
            was.holds(right, max(day, joined)) and not now.holds(right, max(day, joined))
            for was, now, joined in self._cuts
        )
