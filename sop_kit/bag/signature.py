"""Who sent a bag: an SSH signature over its tag manifest, by a key of the staff registry.

A bag's checksums prove it unchanged since its manifests were made, not who made them: anyone
can edit a bag and write new manifests. ``sop-kit export --tandatangani KEY`` signs
``tagmanifest-sha256.txt`` (which holds the digest of ``bag-info.txt`` and of the payload
manifest, so of every file) with ``ssh-keygen -Y sign`` in its own namespace, the same keys
staff sign their commits with. The signature sits beside it as an unlisted tag file, which
BagIt allows. ``verify-bag --kunci`` checks it in this process against keys the archive got
from the office outside the bag: the bag's own registry could have been rewritten with it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import ConfigError
from ..records.sshkey import fingerprint
from ..trail.sshsig import Checker, Unsupported

NAMESPACE = "sop-kit-bag"  # not git's: a commit signature can never pass as a bag's, nor the reverse
SIGNED = "tagmanifest-sha256.txt"
SIGNATURE = SIGNED + ".sig"
SIGNER_FIELD = "Ditandatangani-Oleh"
_KEY = re.compile(r"(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+ [A-Za-z0-9+/]+=*")
_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")


def public_key(key: Path) -> str:
    """The public key line of ``key`` (a private key with its ``.pub`` beside it, or the
    ``.pub`` itself, as git's ``user.signingkey`` takes them)."""
    pub = key if key.suffix == ".pub" else key.with_name(key.name + ".pub")
    try:
        found = _KEY.search(pub.read_text("utf-8", errors="replace"))
    except OSError:
        found = None
    if found is None:
        raise ConfigError("export.sign_no_public_key", str(key), pub=str(pub))
    return found.group(0)


def sign(bag: Path, key: Path) -> None:
    """Write ``SIGNATURE`` for ``bag``'s tag manifest with ``key`` (ssh-keygen asks for its
    passphrase, or uses the agent for a ``.pub``)."""
    try:
        done = subprocess.run(
            ["ssh-keygen", "-Y", "sign", "-n", NAMESPACE, "-f", str(key), str(bag / SIGNED)],
            capture_output=True,
            text=True,
        )
    except OSError as exc:
        raise ConfigError("export.sign_failed", str(key), error=str(exc)) from None
    if done.returncode != 0 or not (bag / SIGNATURE).is_file():
        raise ConfigError("export.sign_failed", str(key), error=(done.stderr or done.stdout).strip()[-300:])


@dataclass(frozen=True)
class Signed:
    """What a bag's signature says: ``status`` good, bad, unsupported or none, and the key's fingerprint."""

    status: str
    fingerprint: str | None = None


def check(bag: Path) -> Signed:
    """The bag's signature checked against its tag manifest (not yet against any trusted key)."""
    sig = bag / SIGNATURE
    if not sig.is_file():
        return Signed("none")
    try:
        verdict = Checker(frozenset()).signature(sig.read_bytes(), (bag / SIGNED).read_bytes(), NAMESPACE.encode())
    except Unsupported:
        return Signed("unsupported")
    except (OSError, ValueError):
        return Signed("bad")
    return Signed("good", verdict.fingerprint) if verdict.status == "U" else Signed("bad")


def trusted_keys(values: tuple[str, ...]) -> frozenset[str]:
    """Fingerprints from ``--kunci`` values: a ``SHA256:…`` fingerprint, or a file holding
    public key lines (a ``.pub``, an allowed-signers file, the office's ``staf.yaml``)."""
    out: set[str] = set()
    for value in values:
        if _FINGERPRINT.fullmatch(value.strip()):
            out.add(value.strip())
            continue
        try:
            content = Path(value).read_text("utf-8", errors="replace")
        except OSError:
            raise ConfigError("bag.key_unreadable", value, value=value) from None
        found = {f for f in (fingerprint(m.group(0)) for m in _KEY.finditer(content)) if f}
        if not found:
            raise ConfigError("bag.key_unreadable", value, value=value)
        out |= found
    return frozenset(out)
