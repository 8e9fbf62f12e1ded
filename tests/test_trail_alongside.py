"""Registry versions made alongside a commit (sop_kit.trail.alongside): the concurrent
commits and their joins against a brute-force reading of random histories, and a registry
narrowed by a concurrent version."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from sop_kit.records.models import Staf
from sop_kit.records.models.staff import Penugasan
from sop_kit.trail.alongside import Registry, bound, joins
from sop_kit.trail.gitlog import Commit

START = datetime(2026, 1, 5, tzinfo=UTC)


def history(seed: int, size: int, reach: int = 8) -> list[Commit]:
    """A main line with branches begun from earlier commits (up to ``reach`` back: a clone long
    behind, its branch merged at last) and merged later, either way round."""
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
            tips.append(add([rng.choice(commits[-reach:]).sha]))  # a branch begun some way back
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


@pytest.mark.parametrize("reach", [8, 120])
@pytest.mark.parametrize("seed", range(12))
def test_concurrent_versions_and_their_joins_are_those_of_a_brute_force_reading(seed: int, reach: int) -> None:
    commits = history(seed, 120, reach)
    rng = random.Random(seed)
    marked = {c.sha for c in rng.sample(commits, 6)}
    when = {c.sha: c.when for c in commits}
    for since in (0, 40, 90):
        found = {
            sha: sorted(v, key=lambda rw: int(rw[0], 16)) for sha, v in joins(commits, marked, when, since).items()
        }
        assert found == brute(commits, marked, since), (seed, since)
    assert any(joins(commits, marked, when).values())  # the histories do hold concurrent versions


def person(pid: str, *tenures: Penugasan) -> Staf:
    return Staf.model_construct(id=pid, nama=pid.title(), nip="1", kunci_ssh=[], penugasan=list(tenures))


def registry(*people: tuple[Staf, str]) -> Registry:
    return Registry({p.id: p for p, _ in people}, {key: p for p, key in people})


def test_a_registry_bound_by_a_concurrent_version_loses_only_what_that_version_took_away() -> None:
    kasi = Penugasan(jabatan="Kasi", peran=["kasi-pkk"], mulai=date(2024, 1, 1), admin_sop=True)
    ended = kasi.model_copy(update={"sampai": date(2026, 5, 19)})
    agus, nina = person("agus", kasi), person("nina", kasi)
    own = registry((agus, "SHA256:agus"), (nina, "SHA256:nina"))  # Nina added on this side since
    before = registry((agus, "SHA256:agus"))
    later = bound(own, before, registry((person("agus", ended), "SHA256:agus")), date(2026, 5, 21))
    cut = later.by_key["SHA256:agus"]
    assert cut.roles_on(date(2026, 5, 18)) == set() and not cut.holds(
        "admin_sop", date(2026, 5, 18)
    )  # read from the join
    assert later.by_key["SHA256:nina"].roles_on(date(2026, 5, 18)) == {"kasi-pkk"}  # never in the other: not revoked
    assert later.wider is own
    sooner = bound(own, before, registry((person("agus", ended), "SHA256:agus")), date(2026, 5, 10))
    cut = sooner.by_key["SHA256:agus"]
    assert cut.roles_on(date(2026, 5, 18)) == {"kasi-pkk"} and cut.roles_on(date(2026, 5, 20)) == set()
    assert cut.holds("admin_sop", date(2026, 5, 18)) and not cut.holds("admin_sop", date(2026, 5, 20))
    assert bound(own, before, registry((agus, "SHA256:baru")), date(2026, 5, 10)).by_key.keys() == {"SHA256:nina"}
    assert bound(own, before, Registry({}, {}), date(2026, 5, 10)).staff.keys() == {"nina"}  # Agus removed
    granted = registry((agus, "SHA256:agus"), (agus, "SHA256:kedua"))
    assert bound(own, before, granted, date(2026, 5, 10)) is own  # a grant binds nothing
    assert bound(own, before, before, date(2026, 5, 10)) is own  # nor an unauthorised change, which leaves it
