"""SSH commit signatures checked in this process, for the cases this module fully understands.

What git does (git 2.39, ``gpg-interface.c``; ``git verify-commit`` and ``%G?`` alike), for a
commit whose ``gpgsig`` header holds ``-----BEGIN SSH SIGNATURE-----``:

1. the signed payload is the commit object without its ``gpgsig`` header (and the header's
   continuation lines); the signature is that header's text, one line per line;
2. ``ssh-keygen -Y find-principals -f <allowedSignersFile> -s <sig> -Overify-time=<committer
   date>`` lists the principals whose line holds the signature's key. It looks at the key
   only: not at the namespace, nor at the signature itself;
3. with principals: ``ssh-keygen -Y verify -n git -I <principal> …`` for each until one says
   ``Good``: the SSHSIG namespace must be ``git``, the signature must be valid, and the
   allowed-signers line must allow the namespace (``namespaces="git"``) and the time
   (``valid-after``/``valid-before`` against the committer date). ``Good`` gives ``G``;
4. without: ``ssh-keygen -Y check-novalidate -n git`` checks the signature alone; a good one
   gives ``U`` (good, key not allowed), with the key's fingerprint; anything else ``B``.

sop-kit writes the allowed-signers file itself (:func:`sop_kit.trail.signatures.allowed_signers`):
one line per registry key, ``namespaces="git"``, never ``valid-after``/``valid-before`` (a
committer can set the date they are checked against; sop-kit takes time from history order
instead) and no ``cert-authority``. So for the commits handled here the verdict is: ``N``
without a signature; else ``G`` for a valid ``git`` signature by a listed key, ``U`` by a key
that is not listed, ``B`` otherwise.

The signature's cryptography is OpenSSL's, through ``cryptography``. Handled here:
``ssh-ed25519``, ``ssh-rsa`` (signatures ``rsa-sha2-256`` and ``rsa-sha2-512``; git signs
with the SSHSIG default, sha512) and ``ecdsa-sha2-nistp256/384/521``, in the exact encodings
OpenSSH itself writes. Anything else raises :class:`Unsupported` and its caller asks git:
other key types (security keys, certificates, DSA), another armour layout, SSHSIG version or
hash, a non-minimal number, an Ed25519 ``S`` not below the group order (OpenSSH and OpenSSL
treat those differently), more than one signature header, a signature of another kind (PGP,
X.509), an unusual committer line.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from ..records.sshkey import blob_fingerprint

BEGIN = b"-----BEGIN SSH SIGNATURE-----"
END = b"-----END SSH SIGNATURE-----"
NAMESPACE = b"git"
_HASHES = {b"sha256": hashlib.sha256, b"sha512": hashlib.sha512}
_RSA_SIGS = {b"rsa-sha2-256": hashes.SHA256, b"rsa-sha2-512": hashes.SHA512}
_CURVES: dict[bytes, tuple[bytes, ec.EllipticCurve, type[hashes.HashAlgorithm], int]] = {
    b"ecdsa-sha2-nistp256": (b"nistp256", ec.SECP256R1(), hashes.SHA256, 32),
    b"ecdsa-sha2-nistp384": (b"nistp384", ec.SECP384R1(), hashes.SHA384, 48),
    b"ecdsa-sha2-nistp521": (b"nistp521", ec.SECP521R1(), hashes.SHA512, 66),
}
# Ed25519's group order: OpenSSH reduces a larger S, OpenSSL rejects it; git decides those.
_ED25519_L = 2**252 + 27742317777372353535851937790883648493
# What git's ident parser certainly reads, with a date (it reads more; those go to git).
_COMMITTER = re.compile(rb"committer [^<>\n]*<[^<>\n]*> ([0-9]{1,15}) [+-][0-9]{4}")
_SAFE_DATES = (2 * 86400, 253402300799 - 2 * 86400)  # 1970-01-03 .. 9999-12-29, in any time zone


class Unsupported(Exception):
    """Not understood in this process: git must judge it."""


# --- the SSH wire format -------------------------------------------------------------------


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def string(self) -> bytes:
        if self.pos + 4 > len(self.data):
            raise Unsupported("truncated")
        (n,) = struct.unpack_from(">I", self.data, self.pos)
        start = self.pos + 4
        if start + n > len(self.data):
            raise Unsupported("truncated")
        self.pos = start + n
        return self.data[start : self.pos]

    def mpint(self) -> int:
        """A positive number in OpenSSH's own (minimal) encoding; anything else is not ours."""
        raw = self.string()
        if not raw or raw[0] & 0x80 or (raw[0] == 0 and (len(raw) == 1 or not raw[1] & 0x80)):
            raise Unsupported("mpint")
        return int.from_bytes(raw, "big")

    def end(self) -> None:
        if self.pos != len(self.data):
            raise Unsupported("trailing data")


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _mpint(n: int) -> bytes:
    return _string(n.to_bytes((n.bit_length() + 8) // 8, "big"))  # a leading zero only before a high bit


# --- public keys ---------------------------------------------------------------------------

Verifier = Callable[[bytes, bytes], bool]  # (signature blob, signed data) -> valid


@dataclass(frozen=True)
class PublicKey:
    kind: str
    blob: bytes  # as OpenSSH writes it (checked): byte equality is key equality
    fingerprint: str  # SHA256:…, as ssh-keygen and git's %GF print it
    check: Verifier


def parse_key(blob: bytes) -> PublicKey:
    """A public key of a type checked here, in OpenSSH's exact encoding; else :class:`Unsupported`."""
    r = _Reader(blob)
    kind = r.string()
    try:
        if kind == b"ssh-ed25519":
            raw = r.string()
            r.end()
            if len(raw) != 32:
                raise Unsupported("ed25519 key length")
            return PublicKey("ssh-ed25519", blob, blob_fingerprint(blob), _ed25519(raw))
        if kind == b"ssh-rsa":
            e, n = r.mpint(), r.mpint()
            r.end()
            if not 1024 <= n.bit_length() <= 16384:  # OpenSSH's bounds (ssh-keygen refuses outside)
                raise Unsupported("rsa key size")
            if _string(kind) + _mpint(e) + _mpint(n) != blob:
                raise Unsupported("rsa encoding")
            return PublicKey("ssh-rsa", blob, blob_fingerprint(blob), _rsa(rsa.RSAPublicNumbers(e, n).public_key()))
        if kind in _CURVES:
            name, curve, hash_type, size = _CURVES[kind]
            if r.string() != name:
                raise Unsupported("curve name")
            point = r.string()
            r.end()
            if len(point) != 1 + 2 * size or point[0] != 4:  # uncompressed, as OpenSSH requires
                raise Unsupported("ec point")
            key = ec.EllipticCurvePublicKey.from_encoded_point(curve, point)
            # OpenSSH (sshkey_ec_validate_public) also refuses a coordinate of half the order's
            # bits or fewer; OpenSSL does not check that
            order_bits = curve.key_size
            if (
                min(int.from_bytes(point[1 : 1 + size], "big"), int.from_bytes(point[1 + size :], "big")).bit_length()
                <= order_bits // 2
            ):
                raise Unsupported("ec point OpenSSH refuses")
            return PublicKey(kind.decode(), blob, blob_fingerprint(blob), _ecdsa(kind, key, hash_type()))
    except (ValueError, UnsupportedAlgorithm) as exc:  # not a valid key for OpenSSL
        raise Unsupported(str(exc)) from exc
    raise Unsupported("key type")


def _ed25519(raw: bytes) -> Verifier:
    key = ed25519.Ed25519PublicKey.from_public_bytes(raw)

    def check(sig_blob: bytes, data: bytes) -> bool:
        r = _Reader(sig_blob)
        if r.string() != b"ssh-ed25519":
            raise Unsupported("signature type")
        sig = r.string()
        r.end()
        if len(sig) != 64 or int.from_bytes(sig[32:], "little") >= _ED25519_L:
            raise Unsupported("ed25519 signature encoding")
        try:
            key.verify(sig, data)
        except InvalidSignature:
            return False
        return True

    return check


def _rsa(key: rsa.RSAPublicKey) -> Verifier:
    size = (key.key_size + 7) // 8

    def check(sig_blob: bytes, data: bytes) -> bool:
        r = _Reader(sig_blob)
        hash_type = _RSA_SIGS.get(r.string())
        if hash_type is None:  # ssh-rsa (SHA-1) and others: OpenSSH's sshsig refuses; git says so
            raise Unsupported("rsa signature type")
        sig = r.string()
        r.end()
        if not 0 < len(sig) <= size:
            raise Unsupported("rsa signature length")
        try:  # OpenSSH pads a short signature with leading zeros; OpenSSL wants the full length
            key.verify(sig.rjust(size, b"\0"), data, padding.PKCS1v15(), hash_type())
        except InvalidSignature:
            return False
        return True

    return check


def _ecdsa(kind: bytes, key: ec.EllipticCurvePublicKey, hash_type: hashes.HashAlgorithm) -> Verifier:
    def check(sig_blob: bytes, data: bytes) -> bool:
        r = _Reader(sig_blob)
        if r.string() != kind:
            raise Unsupported("signature type")
        inner = _Reader(r.string())
        r.end()
        rs, ss = inner.mpint(), inner.mpint()
        inner.end()
        try:
            key.verify(encode_dss_signature(rs, ss), data, ec.ECDSA(hash_type))
        except InvalidSignature:
            return False
        return True

    return check


# --- SSHSIG --------------------------------------------------------------------------------


def dearmor(text: bytes) -> bytes:
    """The SSHSIG blob of an armoured signature written as ssh-keygen writes it (70 columns)."""
    lines = text.split(b"\n")
    if len(lines) < 4 or lines[0] != BEGIN or lines[-2] != END or lines[-1] != b"":
        raise Unsupported("armour")
    body = b"".join(lines[1:-2])
    try:
        blob = base64.b64decode(body, validate=True)
    except binascii.Error as exc:
        raise Unsupported("base64") from exc
    encoded = base64.b64encode(blob)
    if [encoded[i : i + 70] for i in range(0, len(encoded), 70)] != lines[1:-2]:
        raise Unsupported("armour layout")
    return blob


@dataclass(frozen=True)
class Verdict:
    status: str  # G, U or B, as git's %G? would say with sop-kit's allowed-signers file
    fingerprint: str | None = None


class Checker:
    """Checks SSHSIG signatures of commits; keys parsed once; ``allowed`` are the listed key blobs."""

    def __init__(self, allowed: frozenset[bytes]):
        self.allowed = allowed
        self.keys: dict[bytes, PublicKey] = {}

    def key(self, blob: bytes) -> PublicKey:
        found = self.keys.get(blob)
        if found is None:
            found = self.keys[blob] = parse_key(blob)
        return found

    def signature(self, armoured: bytes, payload: bytes, namespace: bytes = NAMESPACE) -> Verdict:
        """The verdict on ``armoured``, an SSHSIG of ``payload`` in ``namespace`` (git's by default)."""
        blob = dearmor(armoured)
        if blob[:6] != b"SSHSIG":
            raise Unsupported("magic")
        r = _Reader(blob[6:])
        if r.pos + 4 > len(r.data) or struct.unpack_from(">I", r.data)[0] != 1:
            raise Unsupported("sshsig version")
        r.pos = 4
        key_blob, signed_in, reserved, hash_name, sig_blob = r.string(), r.string(), r.string(), r.string(), r.string()
        r.end()
        digest = _HASHES.get(hash_name)
        if reserved or digest is None or b"\0" in signed_in:
            raise Unsupported("sshsig fields")
        key = self.key(key_blob)
        if signed_in != namespace:  # ssh-keygen -Y verify -n git and -Y check-novalidate -n git refuse it
            return Verdict("B")
        signed = b"SSHSIG" + _string(namespace) + _string(b"") + _string(hash_name) + _string(digest(payload).digest())
        if not key.check(sig_blob, signed):
            return Verdict("B")
        return Verdict("G" if key.blob in self.allowed else "U", key.fingerprint)

    def commit(self, raw: bytes, header: bytes = b"gpgsig") -> Verdict | None:
        """The verdict on a raw commit object; None when it is unsigned."""
        split = split_commit(raw, header)
        return None if split is None else self.signature(split[1], split[0])


def split_commit(raw: bytes, header: bytes = b"gpgsig") -> tuple[bytes, bytes] | None:
    """(signed payload, armoured signature) of a raw commit object, None when unsigned.

    git's ``parse_buffer_signed_by_header``, for the layout git writes: header lines (ended by
    ``\\n`` alone) up to the first empty line; the signature header's value and its
    continuation lines (one leading space each) are the signature, everything else is the
    payload. ``header`` is ``gpgsig`` in a SHA-1 repository, ``gpgsig-sha256`` in a SHA-256 one."""
    if b"\0" in raw:
        raise Unsupported("NUL byte")  # parts of git read the object as a C string
    payload: list[bytes] = []
    signature: list[bytes] = []
    blocks = committers = 0
    inside = False
    pos = 0
    while True:
        eol = raw.find(b"\n", pos)
        if eol < 0:
            raise Unsupported("no message separator")
        line = raw[pos : eol + 1]
        if line == b"\n":
            break  # the message follows: all of it is payload
        pos = eol + 1
        if inside and line.startswith(b" "):
            signature.append(line[1:])
            continue
        inside = False
        if line.startswith(b"gpgsig"):
            if not line.startswith(header + b" ") or blocks:
                raise Unsupported("other or repeated signature header")  # git handles those
            blocks += 1
            inside = True
            signature.append(line[len(header) + 1 :])
            continue
        if line.startswith(b"committer "):
            committers += 1
            _check_committer(line)
        payload.append(line)
    if not blocks:
        return None
    if committers != 1:
        raise Unsupported("committer lines")
    armoured = b"".join(signature)
    if not armoured.startswith(BEGIN):
        raise Unsupported("not an SSH signature")  # PGP, X.509: git asks gpg or gpgsm
    return b"".join(payload) + raw[pos:], armoured


def _check_committer(line: bytes) -> None:
    """A committer line git reads with its date, a date ssh-keygen reads back.

    git passes the committer date to ssh-keygen as ``-Overify-time=%Y%m%d%H%M%S`` in local
    time (none for date 0); ssh-keygen refuses a year of other than four digits, and then the
    signature is bad. Dates near either end of that range are left to git."""
    found = _COMMITTER.fullmatch(line.rstrip(b"\n"))
    if not found or not _SAFE_DATES[0] <= int(found.group(1)) <= _SAFE_DATES[1]:
        raise Unsupported("committer line")
