"""Registry versions made alongside a commit (sop_kit.trail.alongside): the concurrent
commits and their joins against a brute-force reading of random histories, and a registry
narrowed by a concurrent version."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from sop_kit.records.models import Staf
from sop_kit.records.models.staff import Penugasan
from sop_kit.trail.alongside import Registry, joins, narrowed
from sop_kit.trail.gitlog import Commit

START = datetime(2026, 1, 5, tzinfo=UTC)


def history(seed: int, size: int) -> list[Commit]:
    """A main line with branches begun from earlier commits and merged later, either way round."""
    rng = random.Random(seed)
    commits: list[Commit] = []
    tips: list[str] = []

    def add(parents: list[str]) -> str:
        sha = f"{len(commits):040x}"
        commits.append(Commit(sha, tuple(parents), "a", "a", "a", "a", START + timedelta(hours=len(commits))))
        return sha

    head = add([])
    while len(commits) < size:
        roll = rng.random()
        if roll < 0.2:
            tips.append(add([rng.choice(commits[-8:]).sha]))  # a branch begun a little back
        elif roll < 0.35 and tips:
            tip = tips.pop(rng.randrange(len(tips)))
            head = add([head, tip] if rng.random() < 0.5 else [tip, head])  # merged, or pulled
        elif roll < 0.5 and tips:
            i = rng.randrange(len(tips))
            tips[i] = add([tips[i]])
        else:
            head = add([head])
    for tip in tips:
        head = add([head, tip])
    return commits


def brute(commits: list[Commit], marked: set[str], since: int) -> dict[str, list[tuple[str, datetime]]]:
    below: dict[str, set[str]] = {}
    for c in commits:
        below[c.sha] = {c.sha}.union(*(below[p] for p in c.parents))  # ancestors and itself
    out: dict[str, list[tuple[str, datetime]]] = {}
    for c in commits[since:]:
        for r in sorted(marked, key=lambda sha: int(sha, 16)):
            if r in below[c.sha] or c.sha in below[r]:
                continue
            join = next(d for d in commits if c.sha in below[d.sha] and r in below[d.sha])
            out.setdefault(c.sha, []).append((r, join.when))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_concurrent_versions_and_their_joins_are_those_of_a_brute_force_reading(seed: int) -> None:
    commits = history(seed, 120)
    rng = random.Random(seed)
    marked = {c.sha for c in rng.sample(commits, 6)}
    when = {c.sha: c.when for c in commits}
    for since in (0, 40, 90):
        found = {
            sha: sorted(v, key=lambda rw: int(rw[0], 16)) for sha, v in joins(commits, marked, when, since).items()
        }
        assert found == brute(commits, marked, since), (seed, since)
    assert any(joins(commits, marked, when).values())  # the histories do hold concurrent versions


def person(*tenures: Penugasan, key: str = "SHA256:agus") -> tuple[Staf, str]:
    staf = Staf.model_construct(id="agus", nama="Agus", nip="1", kunci_ssh=[], penugasan=list(tenures))
    return staf, key


def registry(staf: Staf, key: str | None) -> Registry:
    return Registry({staf.id: staf}, {key: staf} if key else {})


def test_a_registry_narrowed_keeps_what_both_versions_give_from_the_join_on() -> None:
    kasi = Penugasan(jabatan="Kasi", peran=["kasi-pkk"], mulai=date(2024, 1, 1), admin_sop=True)
    own = registry(*person(kasi))
    ended = Penugasan(jabatan="Kasi", peran=["kasi-pkk"], mulai=date(2024, 1, 1), sampai=date(2026, 5, 19))
    other = registry(*person(ended))
    later = narrowed(own, other, date(2026, 5, 21))  # joined after the tenure ended
    assert later.by_key["SHA256:agus"].roles_on(date(2026, 5, 18)) == set()  # read from the join: over
    assert later.wider is own
    sooner = narrowed(own, other, date(2026, 5, 10))  # joined while it still ran
    agus = sooner.by_key["SHA256:agus"]
    assert agus.roles_on(date(2026, 5, 18)) == {"kasi-pkk"} and agus.roles_on(date(2026, 5, 20)) == set()
    assert not any(t.admin_sop for t in agus.penugasan)  # a right only one version gives
    assert narrowed(own, registry(*person(kasi, key="SHA256:baru")), date(2026, 5, 10)).by_key == {}
    assert narrowed(own, Registry({}, {}), date(2026, 5, 10)).staff == {}
