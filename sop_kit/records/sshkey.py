"""An OpenSSH public key line as the staff registry holds it (``ssh-ed25519 AAAA… comment``).

One reading for the registry's check, the trail's allowed signers and the bag's signer: the
base64 must decode, the key blob must name the type the line names and, for the plain key
types, hold just the fields that type has (a key cut short by a copy and paste, or pasted under
another type, is no key: ssh-keygen skips such a line).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable

from .models import Staf


def key_blob(line: str) -> tuple[str, bytes] | None:
    """(type, blob) of a public key line, or None when no OpenSSH could read it as a key."""
    parts = line.split()
    if len(parts) < 2 or not parts[0].isascii():
        return None
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (ValueError, binascii.Error):
        return None
    if parts[0] in _FIELDS:
        fields = _fields(blob) or []
        whole = len(fields) == _FIELDS[parts[0]] and fields[0] == parts[0].encode()
        return (parts[0], blob) if whole else None
    # Another type (a certificate holds fixed-size numbers, not only fields): its name, as git reads it.
    size = int.from_bytes(blob[:4], "big") if len(blob) >= 4 else -1
    return (parts[0], blob) if 0 <= size <= len(blob) - 4 and blob[4 : 4 + size] == parts[0].encode() else None


# How many length-prefixed fields each key type's blob holds (RFC 4253, 5656, 8709; OpenSSH's
# PROTOCOL.u2f): a key pasted without its end has fewer, or a field longer than what is left.
_FIELDS = {
    "ssh-ed25519": 2,
    "ssh-rsa": 3,
    "ssh-dss": 5,
    "ecdsa-sha2-nistp256": 3,
    "ecdsa-sha2-nistp384": 3,
    "ecdsa-sha2-nistp521": 3,
    "sk-ssh-ed25519@openssh.com": 3,
    "sk-ecdsa-sha2-nistp256@openssh.com": 4,
}


def _fields(blob: bytes) -> list[bytes] | None:
    """The blob as length-prefixed fields that fill it exactly, or None."""
    out, pos = [], 0
    while pos < len(blob):
        if pos + 4 > len(blob):
            return None
        size = int.from_bytes(blob[pos : pos + 4], "big")
        if pos + 4 + size > len(blob):
            return None
        out.append(blob[pos + 4 : pos + 4 + size])
        pos += 4 + size
    return out


def blob_fingerprint(blob: bytes) -> str:
    """``SHA256:…``, as ssh-keygen and git print it."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def fingerprint(line: str) -> str | None:
    """The fingerprint of a public key line, None when it is no key."""
    found = key_blob(line)
    return blob_fingerprint(found[1]) if found else None


def signer_of(staff: dict[str, Staf], key_line: str) -> Staf | None:
    """The registry's one holder of the key ``key_line``: a key two people list is nobody's,
    as in the trail (staff.key_shared)."""
    ids = holders(staff.values()).get(fingerprint(key_line) or "", [])
    return staff[ids[0]] if len(ids) == 1 else None


def holders(people: Iterable[Staf]) -> dict[str, list[str]]:
    """Each key's fingerprint -> the ids of the people listing it, in registry order. A key is
    one person's: listed for two, a signature with it names no one (staff.key_shared)."""
    out: dict[str, list[str]] = {}
    for person in people:
        for key in person.kunci_ssh:
            fpr = fingerprint(key)
            if fpr is not None and person.id not in out.setdefault(fpr, []):
                out[fpr].append(person.id)
    return out
