"""Commit signatures checked in process must say what git says: a differential test.

A real temporary git repository gets commits of every kind the trail meets, signed by keys
ssh-keygen makes here: good signatures (Ed25519, RSA with rsa-sha2-512 and rsa-sha2-256,
ECDSA P-256/384/521, SSHSIG hash sha256 and sha512, and commits made by ``git commit -S``
itself), unsigned commits, payloads edited after signing (message, author, tree), keys not
in the allowed list, a key dropped from the registry, signatures for another namespace, and
layouts the in-process checker leaves to git (armour wrapped differently, garbage armour, a
PGP block, a certificate, two signature headers, a malleated Ed25519 ``S``).

Every commit is then judged three ways, with one allowed-signers file: by ``git
verify-commit`` and ``git log --format=%G?%GF`` (the reference); by
:func:`sop_kit.trail.signatures.verify` (what the trail uses); and by the in-process checker
alone (:class:`sop_kit.trail.sshsig.Checker`) wherever it gives a verdict. No disagreement is
allowed. It runs twice, with and without the dropped key in the file.

The normal suite runs a few hundred commits; ``SOP_KIT_SIG_COMMITS=3000`` runs thousands.
"""

from __future__ import annotations

import base64
import os
import random
import struct
import subprocess
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from sop_kit import open_archive
from sop_kit.records.config import load_config
from sop_kit.trail.build import build_trail
from sop_kit.trail.signatures import SignatureCache, allowed_set, read_commits, verify
from sop_kit.trail.sshsig import Checker, Unsupported, dearmor, parse_key

from .signed_repo import SignedRepo

COMMITS = int(os.environ.get("SOP_KIT_SIG_COMMITS") or 264)
ED25519_L = 2**252 + 27742317777372353535851937790883648493


@dataclass(frozen=True)
class Kind:
    name: str
    key: str | None  # which key signs (None: unsigned)
    namespace: str = "git"
    option: str = ""  # ssh-keygen -O …
    after: str = ""  # what happens after signing
    leaves_to_git: bool = False  # the in-process checker must not judge it
    stamp: int | None = None  # the committer date, if not an ordinary one


KINDS = (
    Kind("good-ed25519", "ana"),
    Kind("good-ed25519-budi", "budi"),
    Kind("good-rsa-sha512", "rsa"),
    Kind("good-rsa-sha256", "rsa", after="rsa-sha2-256"),
    Kind("good-ecdsa-256", "ec256"),
    Kind("good-ecdsa-384", "ec384"),
    Kind("good-ecdsa-521", "ec521"),
    Kind("good-sshsig-sha256", "ana", option="hashalg=sha256"),
    Kind("good-rsa-sshsig-sha256", "rsa", option="hashalg=sha256"),
    Kind("unsigned", None),
    Kind("tampered-message", "ana", after="message"),
    Kind("tampered-author", "rsa", after="author"),
    Kind("tampered-tree", "ec256", after="tree"),
    Kind("tampered-encoding", "budi", after="encoding"),
    Kind("unlisted-key", "orang-asing"),
    Kind("unlisted-rsa", "rsa-asing"),
    Kind("dropped-key", "lama"),
    Kind("namespace-file", "ana", namespace="file"),
    Kind("namespace-file-rsa", "rsa", namespace="file"),
    Kind("namespace-file-unlisted", "orang-asing", namespace="file"),
    Kind("signed-other-payload", "budi", after="other-payload"),
    Kind("armour-64-columns", "ana", after="rewrap", leaves_to_git=True),
    Kind("armour-garbage", "ana", after="garbage", leaves_to_git=True),
    Kind("pgp-block", None, after="pgp", leaves_to_git=True),
    Kind("certificate", "cert", leaves_to_git=True),
    Kind("two-signature-headers", "ana", after="twice", leaves_to_git=True),
    Kind("ed25519-s-plus-l", "ana", after="malleate", leaves_to_git=True),
    Kind("sshsig-trailing-data", "budi", after="trailing", leaves_to_git=True),
    # git hands ssh-keygen the committer date as YYYYMMDDHHMMSS (none for date 0)
    Kind("committer-year-10000", "ana", stamp=253402300800 + 400 * 86400, leaves_to_git=True),
    Kind("committer-date-0", "budi", stamp=0, leaves_to_git=True),
)


def run(
    args: list[str], cwd: Path, data: bytes | None = None, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(args, cwd=cwd, input=data, capture_output=True, check=check)


@dataclass
class Corpus:
    repo: Path
    full: dict[str, list[str]]  # principal -> keys, with the dropped key
    reduced: dict[str, list[str]]  # the same without it
    commits: list[tuple[str, str]]  # (sha, kind name)


@pytest.fixture(scope="module", autouse=True)
def quiet_git(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """git and gpg read nothing of the machine's configuration, for every call in this module."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.setenv("GIT_CONFIG_GLOBAL", os.devnull)
        mp.setenv("GNUPGHOME", str(home / "gnupg"))
        yield


def _keys(folder: Path) -> dict[str, Path]:
    specs = {
        "ana": ["-t", "ed25519"],
        "budi": ["-t", "ed25519"],
        "rsa": ["-t", "rsa", "-b", "2048"],
        "ec256": ["-t", "ecdsa", "-b", "256"],
        "ec384": ["-t", "ecdsa", "-b", "384"],
        "ec521": ["-t", "ecdsa", "-b", "521"],
        "orang-asing": ["-t", "ed25519"],
        "rsa-asing": ["-t", "rsa", "-b", "2048"],
        "lama": ["-t", "ed25519"],
        "ca": ["-t", "ed25519"],
    }
    paths = {}
    for name, spec in specs.items():
        path = folder / name
        run(["ssh-keygen", "-q", *spec, "-N", "", "-C", name, "-f", str(path)], folder)
        paths[name] = path
    # a certificate for ana's key, signed by a CA nobody lists
    cert_key = folder / "cert"
    cert_key.write_bytes(paths["ana"].read_bytes())
    cert_key.chmod(0o600)
    (folder / "cert.pub").write_bytes((folder / "ana.pub").read_bytes())
    run(["ssh-keygen", "-q", "-s", str(paths["ca"]), "-I", "uji", "-n", "ana", str(folder / "cert.pub")], folder)
    paths["cert"] = folder / "cert-cert.pub"
    return paths


def _public(path: Path) -> str:
    pub = path if path.suffix == ".pub" else path.with_name(path.name + ".pub")
    return pub.read_text().strip()


def _splice(payload: bytes, signature: bytes) -> bytes:
    """git's own layout: the signature as the last header, continuation lines indented."""
    head, _, message = payload.partition(b"\n\n")
    return head + b"\ngpgsig " + signature.rstrip(b"\n").replace(b"\n", b"\n ") + b"\n\n" + message


def _armour(blob: bytes, width: int = 70) -> bytes:
    b64 = base64.b64encode(blob)
    lines = [b64[i : i + width] for i in range(0, len(b64), width)]
    return b"-----BEGIN SSH SIGNATURE-----\n" + b"\n".join(lines) + b"\n-----END SSH SIGNATURE-----\n"


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _rsa_sha256(private: Path, payload: bytes) -> bytes:
    """An SSHSIG whose RSA signature is rsa-sha2-256 (ssh-keygen always writes rsa-sha2-512)."""
    key = serialization.load_ssh_private_key(private.read_bytes(), None)
    assert isinstance(key, rsa.RSAPrivateKey)
    pub = base64.b64decode(_public(private).split()[1])
    digest = hashes.Hash(hashes.SHA512())
    digest.update(payload)
    signed = b"SSHSIG" + _string(b"git") + _string(b"") + _string(b"sha512") + _string(digest.finalize())
    sig = key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
    blob = b"SSHSIG" + struct.pack(">I", 1) + _string(pub) + _string(b"git") + _string(b"")
    blob += _string(b"sha512") + _string(_string(b"rsa-sha2-256") + _string(sig))
    return _armour(blob)


def _after(kind: Kind, payload: bytes, sig: bytes, rng: random.Random, trees: tuple[str, str], sig_of: bytes) -> bytes:
    """The commit object for one kind, from its unsigned payload and ssh-keygen's signature."""
    what = kind.after
    if what in ("", "rsa-sha2-256"):
        return _splice(payload, sig)
    if what == "message":
        return _splice(payload, sig).replace(b"\n\nuji ", b"\n\nuji (diubah) ", 1)
    if what == "author":
        return _splice(payload, sig).replace(b"author Ana", b"author Ani", 1)
    if what == "tree":
        head, _, rest = _splice(payload, sig).partition(b"\n")
        other = trees[0] if head != f"tree {trees[0]}".encode() else trees[1]
        return f"tree {other}".encode() + b"\n" + rest
    if what == "encoding":
        head, _, message = _splice(payload, sig).partition(b"\ngpgsig ")
        return head + b"\nencoding ISO-8859-1\ngpgsig " + message
    if what == "other-payload":
        return _splice(payload, sig_of)  # a valid signature, of another commit
    if what == "rewrap":
        return _splice(payload, _armour(dearmor(sig), 64))
    if what == "garbage":
        body = bytearray(sig.split(b"\n")[2])
        body[rng.randrange(len(body))] = ord("!")
        return _splice(payload, b"-----BEGIN SSH SIGNATURE-----\n" + bytes(body) + b"\n-----END SSH SIGNATURE-----\n")
    if what == "pgp":
        pgp = b"-----BEGIN PGP SIGNATURE-----\n\niHUEABYKAB0WIQQ=\n=abcd\n-----END PGP SIGNATURE-----\n"
        return _splice(payload, pgp)
    if what == "twice":
        once = _splice(payload, sig)
        head, _, message = once.partition(b"\n\n")
        return head + b"\ngpgsig " + sig.rstrip(b"\n").replace(b"\n", b"\n ") + b"\n\n" + message
    if what == "malleate":
        # (R, S + L) for S: OpenSSH reduces S and accepts it, OpenSSL refuses it
        blob = dearmor(sig)
        s = int.from_bytes(blob[-32:], "little") + ED25519_L
        assert s < 2**253, "OpenSSH would refuse this one outright (almost never drawn)"
        return _splice(payload, _armour(blob[:-32] + s.to_bytes(32, "little")))
    if what == "trailing":
        blob = dearmor(sig)
        return _splice(payload, _armour(blob + b"\0\0\0\0"))
    raise AssertionError(what)


def _make_corpus(top: Path, count: int) -> Corpus:
    repo = top / "repo"
    repo.mkdir(parents=True)
    run(["git", "init", "-q", "-b", "main"], repo)
    keys = _keys(top)
    listed = ("ana", "budi", "rsa", "ec256", "ec384", "ec521", "lama")
    full = {name: [_public(keys[name])] for name in listed}
    full["ana"].append(_public(keys["ana"]))  # the same key twice is harmless
    reduced = {name: k for name, k in full.items() if name != "lama"}
    empty_tree = run(["git", "hash-object", "-t", "tree", "-w", "--stdin"], repo, b"").stdout.decode().strip()
    (repo / "berkas.txt").write_text("isi\n")
    run(["git", "add", "berkas.txt"], repo)
    tree = run(["git", "write-tree"], repo).stdout.decode().strip()
    rng = random.Random(19)

    # a few commits signed by git commit -S itself, one per key type, on a line of history
    commits: list[tuple[str, str]] = []
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ana", "GIT_AUTHOR_EMAIL": "ana@contoh.id"}
    env |= {"GIT_COMMITTER_NAME": "Ana", "GIT_COMMITTER_EMAIL": "ana@contoh.id"}
    for n, name in enumerate(("ana", "rsa", "ec256", "ec521", "orang-asing")):
        stamp = f"2026-01-0{n + 1}T09:00:00+07:00"
        args = ["git", "-c", "gpg.format=ssh", "-c", f"user.signingkey={keys[name]}", "commit", "-q", "-S"]
        args += ["--allow-empty", "-m", f"commit -S {name}"]
        subprocess.run(args, cwd=repo, env={**env, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}, check=True)
        head = run(["git", "rev-parse", "HEAD"], repo).stdout.decode().strip()
        commits.append((head, "git-commit-S-" + ("unlisted" if name == "orang-asing" else name)))
    parent = commits[-1][0]

    # the rest written directly: payloads signed in one ssh-keygen call per key and namespace
    plan = [KINDS[i % len(KINDS)] for i in range(max(0, count - len(commits)))]
    work = top / "sign"
    work.mkdir()
    payloads = []
    for i, kind in enumerate(plan):
        when = 1767225600 + i * 3607 if kind.stamp is None else kind.stamp
        name = "Ana Lestari" if i % 3 else "Ana Lestari, S.Sos. (fiktif) ñ"
        lines = [f"tree {tree if i % 2 else empty_tree}"]
        if i % 4:
            lines.append(f"parent {parent}")
        lines += [f"author {name} <ana@contoh.id> {when} +0700", f"committer {name} <ana@contoh.id> {when} +0700"]
        payloads.append(("\n".join(lines) + f"\n\nuji {i}: {kind.name}\n\nbaris kedua {rng.random()}\n").encode())
    groups: dict[tuple[str, str, str], list[int]] = {}
    for i, kind in enumerate(plan):
        (work / str(i)).write_bytes(payloads[i])
        signer = kind.key or "ana"  # unsigned kinds get a signature that is then thrown away
        groups.setdefault((signer, kind.namespace, kind.option), []).append(i)
    for (signer, namespace, option), members in groups.items():
        args = ["ssh-keygen", "-q", "-Y", "sign", "-f", str(keys[signer]), "-n", namespace]
        args += ["-O", option] if option else []
        for start in range(0, len(members), 400):
            run([*args, *(str(work / str(i)) for i in members[start : start + 400])], work)
    objects = []
    for i, kind in enumerate(plan):
        sig = (work / f"{i}.sig").read_bytes()
        if kind.after == "rsa-sha2-256":
            sig = _rsa_sha256(keys["rsa"], payloads[i])
        other = (work / f"{(i + 1) % len(plan)}.sig").read_bytes()
        body = (
            payloads[i]
            if kind.key is None and not kind.after
            else _after(kind, payloads[i], sig, rng, (tree, empty_tree), other)
        )
        (work / f"{i}.commit").write_bytes(body)
        objects.append(str(work / f"{i}.commit"))
    if objects:
        out = run(
            ["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin-paths"],
            repo,
            "\n".join(objects).encode() + b"\n",
        )
        commits += [(sha, kind.name) for sha, kind in zip(out.stdout.decode().split(), plan, strict=True)]
    assert len({sha for sha, _ in commits}) == len(commits), "every commit object differs"
    return Corpus(repo, full, reduced, commits)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return _make_corpus(tmp_path_factory.mktemp("signatures"), COMMITS)


def git_letters(repo: Path, shas: list[str], cfg: list[str]) -> dict[str, tuple[str, str | None]]:
    """``git log --format=%G? %GF``; a batch git dies on is split, a lone commit tried again.

    git 2.39 dies of SIGPIPE now and then when ssh-keygen refuses a signature before reading
    the payload (``-Y check-novalidate`` on garbage): that is a race in git, not a verdict."""
    for _ in range(5):
        log = run(
            ["git", *cfg, "log", "--no-walk=unsorted", "--stdin", "--format=%H %G? %GF"],
            repo,
            "\n".join(shas).encode() + b"\n",
            check=False,
        )
        if log.returncode == 0:
            letters = {}
            for line in log.stdout.decode().splitlines():
                sha, letter, *fpr = line.split(" ")
                letters[sha] = (letter, fpr[0] if fpr and fpr[0] else None)
            return letters
        if len(shas) > 1:
            half = len(shas) // 2
            return {**git_letters(repo, shas[:half], cfg), **git_letters(repo, shas[half:], cfg)}
    return {shas[0]: ("E", None)}


def git_verdicts(repo: Path, shas: list[str], signers: Path) -> dict[str, tuple[str, str | None, bool]]:
    """git's %G? and %GF of each commit, and whether ``git verify-commit`` accepts it."""
    cfg = ["-c", f"gpg.ssh.allowedSignersFile={signers}"]
    letters = git_letters(repo, shas, cfg)

    def accepted(sha: str) -> bool:
        return run(["git", *cfg, "verify-commit", sha], repo, check=False).returncode == 0

    with ThreadPoolExecutor(4) as pool:
        ok = dict(zip(shas, pool.map(accepted, shas), strict=True))
    return {sha: (*letters[sha], ok[sha]) for sha in shas}


@pytest.mark.parametrize("which", ["full", "reduced"])
def test_in_process_verdicts_agree_with_git(corpus: Corpus, which: str, tmp_path: Path) -> None:
    keys = corpus.full if which == "full" else corpus.reduced
    allowed = allowed_set(keys)
    signers = tmp_path / "allowed_signers"
    signers.write_text(allowed.text)
    shas = [sha for sha, _ in corpus.commits]
    kind_of = dict(corpus.commits)
    reference = git_verdicts(corpus.repo, shas, signers)

    counts: Counter[str] = Counter()
    ours = verify(corpus.repo, shas, keys, None, counts=counts)
    checker = Checker(allowed.blobs)
    raw = {sha: body or b"" for sha, body in read_commits(corpus.repo, shas)}
    disagreements: list[tuple[str, str, tuple[str, str | None], tuple[str, str | None, bool]]] = []
    judged: Counter[str] = Counter()
    left: set[str] = set()
    for sha in shas:
        letter, fpr, accepted = reference[sha]
        mine = ours[sha]
        if (mine.status, mine.fingerprint) != (letter, fpr) or (mine.status == "G") != accepted:
            disagreements.append((kind_of[sha], "verify", (mine.status, mine.fingerprint), reference[sha]))
        try:
            verdict = checker.commit(raw[sha])
        except Unsupported:
            left.add(kind_of[sha])
            continue
        judged[kind_of[sha]] += 1
        got = ("N", None) if verdict is None else (verdict.status, verdict.fingerprint)
        if got != (letter, fpr) or (got[0] == "G") != accepted:
            disagreements.append((kind_of[sha], "checker", got, reference[sha]))
    assert disagreements == []
    # the checker judged every ordinary kind, and left exactly the unusual ones to git
    assert left == {k.name for k in KINDS if k.leaves_to_git} & set(kind_of.values())
    assert set(judged) == set(kind_of.values()) - left
    assert counts["in_process"] > 0 and counts["git"] > 0 and counts["in_process"] + counts["git"] == len(shas)
    # the corpus holds what it says: each verdict of git's is present
    seen = Counter(reference[sha][0] for sha in shas)
    assert {"G", "U", "B", "N"} <= set(seen)
    statuses = {kind_of[sha]: reference[sha][0] for sha in shas}
    assert statuses["good-rsa-sha256"] == statuses["good-ecdsa-521"] == statuses["ed25519-s-plus-l"] == "G"
    assert statuses["dropped-key"] == ("G" if which == "full" else "U")
    assert statuses["tampered-tree"] == statuses["namespace-file"] == statuses["signed-other-payload"] == "B"


def test_the_verdict_cache_holds_for_one_allowed_signers_file(corpus: Corpus, tmp_path: Path) -> None:
    sha = next(sha for sha, kind in corpus.commits if kind == "dropped-key")
    cache = SignatureCache(corpus.repo, tmp_path)
    assert verify(corpus.repo, [sha], corpus.reduced, cache)[sha].status == "U"
    counts: Counter[str] = Counter()
    again = SignatureCache(corpus.repo, tmp_path)
    assert verify(corpus.repo, [sha], corpus.reduced, again, counts=counts)[sha].status == "U"
    assert counts["cached"] == 1
    counts.clear()
    listed = SignatureCache(corpus.repo, tmp_path)
    assert verify(corpus.repo, [sha], corpus.full, listed, counts=counts)[sha].status == "G"
    assert counts == Counter(cached=0, in_process=1, git=0)


def test_a_registry_entry_that_is_no_key_is_left_out(corpus: Corpus) -> None:
    good = corpus.full["ana"][0]
    keys = {
        "ana": ["ssh-ed25519", "ssh-ed25519 bukan-base64!", "ssh-rsa " + good.split()[1], good],
        "budi": ["tidak ada kunci"],
    }
    assert allowed_set(keys).text == f'ana namespaces="git" {" ".join(good.split()[:2])}\n'


def test_keys_ssh_keygen_writes_are_read_exactly(corpus: Corpus) -> None:
    for keys in corpus.full.values():
        for key in keys:
            blob = base64.b64decode(key.split()[1])
            assert parse_key(blob).blob == blob


def test_git_dying_on_a_commit_makes_it_unreadable_not_good(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    run(["git", "init", "-q"], repo)
    tree = run(["git", "hash-object", "-t", "tree", "-w", "--stdin"], repo, b"").stdout.decode().strip()
    body = f"tree {tree}\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1 +0000\ngpgsig bukan tanda tangan\n\npesan\n"
    sha = run(["git", "hash-object", "-t", "commit", "-w", "--literally", "--stdin"], repo, body.encode())
    found = verify(repo, [sha.stdout.decode().strip()], {}, None)
    assert [s.status for s in found.values()] == ["E"]


def test_a_key_dropped_from_the_registry_no_longer_approves(tmp_path: Path) -> None:
    """The in-process verdict (G) stays attributed by the registry as of the parent commit."""
    repo = SignedRepo(tmp_path / "arsip")
    people = ("hendra-gunawan", "dewi-lestari", "agus-permana")
    repo.start_archive(people)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    staff = repo.records / "staf.yaml"
    staff.write_text(repo.staff_with_keys(("hendra-gunawan", "agus-permana")))
    repo.commit("Kunci Dewi dicabut", "hendra-gunawan", "Hendra Gunawan", "2026-03-03T08:00:00+07:00")
    step1 = repo.case_dir() / "langkah" / "01-pengumpulan-data.yaml"
    step1.write_text(step1.read_text() + "# disimpan ulang\n")
    repo.commit("Langkah 1 disimpan ulang", "dewi-lestari", "Dewi Lestari", "2026-03-04T09:00:00+07:00")
    archive = open_archive(repo.records)
    config, _ = load_config(archive)
    trail = build_trail(archive, config.trust_root, cache_dir=tmp_path / "c")
    assert trail is not None
    events = [(e.kind, e.signer, e.signature) for ct in trail.cases.values() for e in ct.events]
    assert ("selesai", "dewi-lestari", "G") in events  # before the key was dropped
    after = [e for ct in trail.cases.values() for e in ct.events if e.commit == repo.git("rev-parse", "HEAD")]
    assert after and all(e.signature == "G" and e.signer is None for e in after)
