"""The approvals of a bagged case, proven inside the bag.

A bag's checksums show it unchanged since its manifests were made, not who approved what, and
its trail (``jejak-<id>.json``) is the office's report. When the trail is included, the bag
also carries, for each approved step, the git objects that prove the approval, as git stores
them: the signed commit and the trees from its root down to the case folder and everything
below it (``data/jejak/bukti/<object id>``). ``verify-bag`` checks them without git and
without the office's repository:

- every object is the one its id names (git's SHA-1 or SHA-256 of its header and bytes), so
  nothing in it can be swapped without changing the commit id the trail reports;
- the commit's SSH signature (namespace ``git``) is good, by a key that the bag's staff
  registry gives the person the trail names as its signer (a bag signed with a key the
  archive trusts vouches for that registry);
- in the tree the commit signed, the step record and every document it lists are, byte for
  byte, the files in the bag (a document kept in Git LFS: the pointer the commit signed names
  the SHA-256 and size of the file in the bag; the bag carries that pointer too).

- the signer is the person the step record names, and held one of the step's roles (for
  ``kasus.yaml``, of its SOP's decision steps) on the date the signed commit bears, by the
  positions the bag's staff registry gives them.

Not proven here, only in the office's repository: the registry as it stood that day (the bag
carries today's, positions and their dates included), and when the commit entered the main line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ..records.filetypes import lfs_pointer
from ..records.layout import STEPS_DIR
from ..trail.gitlog import BlobReader
from ..trail.model import IDENTITY, Trail
from ..trail.signatures import allowed_set
from ..trail.sshsig import Checker, Unsupported
from .contents import PROOF_DIR, TRAIL_DIR

_FOLDER = b"40000"  # a tree entry's mode for a folder

# --- export -------------------------------------------------------------------------------


def write_proof(trail: Trail, case_id: str, out: Path) -> int:
    """Write into ``out`` the objects proving the case's verified approvals; their number of commits."""
    ct = trail.cases.get(case_id)
    if ct is None:
        return 0
    # each approval's commit, and the case folder then (a case moved since was elsewhere)
    commits = sorted(
        {(e.commit, e.folder or ct.folder) for st in ct.steps.values() if (e := st.approval) and e.verified}
    )
    if not commits:
        return 0
    out.mkdir(parents=True, exist_ok=True)
    with BlobReader(trail.top) as objects:

        def keep(object_id: str) -> bytes:
            data = objects.read(object_id)
            if data is None:
                raise OSError(f"git object {object_id} missing")
            (out / object_id).write_bytes(data)
            return data

        read: set[str] = set()
        for sha, folder in commits:
            tree = _tree_id(keep(sha))
            for name in folder.split("/"):
                tree = dict(_entries(keep(tree), len(sha))).get(name, (b"", ""))[1]
                if not tree:
                    raise OSError(f"{folder} not in commit {sha}")
            pending = [tree]
            while pending:  # the case folder and every folder below it
                for mode, object_id in dict(_entries(keep(pending.pop()), len(sha))).values():
                    if mode == _FOLDER:
                        pending.append(object_id)
                    elif object_id not in read:  # each file once, however many approvals hold it
                        read.add(object_id)
                        if (blob := objects.read(object_id)) is not None and lfs_pointer(blob) is not None:
                            (out / object_id).write_bytes(blob)  # what the commit signed of a Git LFS file
    return len({sha for sha, _ in commits})


# --- verification ---------------------------------------------------------------------------


@dataclass
class Proof:
    """What the objects in a bag prove of its approvals. ``problems`` contradict the bag (an
    object that is not what its id says, a bad signature, a file other than the one signed);
    ``notes`` are approvals the bag cannot prove (a key its registry does not give the signer)."""

    proven: set[str] = field(default_factory=set)  # step files (or kasus.yaml) whose approval is proven
    judged: set[str] = field(default_factory=set)  # ... whose verified approval the trail names
    problems: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    notes: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


def check_proof(
    bag_dir: Path,
    trail: Mapping[str, Any],
    case_dir: str,
    documents: Mapping[str, Sequence[str]],
    keys: Mapping[str, Sequence[str]],
    refused: Callable[[str, str, date, str], str | None],
) -> Proof:
    """Check the approvals ``trail`` (the bag's ``jejak`` JSON) reports against the objects in
    the bag. ``case_dir`` is the case folder inside the bag (``data/records/kasus/…``);
    ``documents`` the files each step record lists (by step file name, as the bag's records
    say); ``keys`` the public keys of each person in the bag's staff registry; ``refused(person,
    step file, day, kind)`` why the bag's records and registry say that person could not give
    that kind of approval of the step that day (None: they could)."""
    proof = Proof()
    store = bag_dir / "data" / TRAIL_DIR / PROOF_DIR
    events, folder = trail.get("events") or [], str(trail.get("folder") or "")
    for step_file, step in sorted((trail.get("steps") or {}).items()):
        index = step.get("approval")
        if index is None or not 0 <= index < len(events) or not events[index].get("verified"):
            continue
        event = events[index]
        where = f"data/{TRAIL_DIR}/{PROOF_DIR}/{event['commit']}"
        proof.judged.add(step_file)
        then = str(event.get("folder") or folder)  # where the case was when approved
        problem = _check_approval(bag_dir, store, event, then, case_dir, step_file, documents, keys, refused)
        if problem is None:
            proof.proven.add(step_file)
            continue
        code, file, params = problem
        params = {"no": step.get("step"), "commit": str(event["commit"])[:10], **params}
        if code == "bag.proof_changed" and step.get("changed_after_approval"):
            proof.notes.append(("bag.proof_changed_recorded", file, params))
        elif code in ("bag.proof_unknown_key", "bag.proof_unreadable", "bag.proof_no_role", "bag.proof_other_person"):
            proof.notes.append((code, file or where, params))
        else:
            proof.problems.append((code, file or where, params))
    return proof


def _check_approval(
    bag_dir: Path,
    store: Path,
    event: Mapping[str, Any],
    folder: str,
    case_dir: str,
    step_file: str,
    documents: Mapping[str, Sequence[str]],
    keys: Mapping[str, Sequence[str]],
    refused: Callable[[str, str, date, str], str | None],
) -> tuple[str, str, dict[str, Any]] | None:
    sha = str(event.get("commit") or "")
    raw = _object(store, sha, b"commit")
    if raw is None:
        return "bag.proof_missing", "", {}
    signer = str(event.get("signer") or "")
    allowed = allowed_set({signer: keys.get(signer, ())}).blobs
    try:
        verdict = Checker(allowed).commit(raw, b"gpgsig" if len(sha) == 40 else b"gpgsig-sha256")
    except Unsupported:
        return "bag.proof_unreadable", "", {}
    if verdict is None or verdict.status == "B":
        return "bag.proof_bad_signature", "", {}
    if verdict.status != "G":
        return "bag.proof_unknown_key", "", {"who": signer, "fingerprint": verdict.fingerprint or "-"}
    mode, tree_id = _lookup(store, _tree_id(raw), folder.split("/"), len(sha))
    if mode != _FOLDER or (event.get("tree") and event["tree"] != tree_id):
        return "bag.proof_missing", "", {}
    # each file as the commit signed it, and where the bag holds it (a step record renamed since
    # approval is signed under the name it had then: the event's)
    then = str(event.get("file") or step_file) if step_file != IDENTITY else IDENTITY
    record = [(IDENTITY, IDENTITY)] if step_file == IDENTITY else [(f"{STEPS_DIR}/{then}", f"{STEPS_DIR}/{step_file}")]
    for signed_name, name in [*record, *((d, d) for d in documents.get(step_file, ()))]:
        inside = _inside(signed_name) and _inside(name)  # names from the bag's trail: never read outside it
        mode, signed = _lookup(store, tree_id, signed_name.split("/"), len(sha)) if inside else (b"", "")
        bagged = bag_dir / case_dir / name
        data = bagged.read_bytes() if signed and mode != _FOLDER and bagged.is_file() else None
        if data is None or not _signed_as(store, data, signed):
            return "bag.proof_changed", f"{case_dir}/{name}", {"path": name}
    day = _signed_day(raw)
    reason = refused(signer, step_file, day, str(event.get("kind") or "")) if day is not None else "bag.proof_no_role"
    return (reason, "", {"who": signer, "date": f"{day or '-'}"}) if reason else None


def _signed_as(store: Path, data: bytes, signed: str) -> bool:
    """Whether ``data`` is the file the commit signed as the blob ``signed``: that blob, or, for
    a file kept in Git LFS, the pointer naming its SHA-256 and size (the pointer in the bag)."""
    if _object_id(b"blob", data, len(signed)) == signed:
        return True
    pointer = _object(store, signed, b"blob")
    found = lfs_pointer(pointer) if pointer is not None else None
    return found is not None and found == (hashlib.sha256(data).hexdigest(), len(data))


def _signed_day(commit: bytes) -> date | None:
    """The day the commit's committer line gives it, in its own offset (as the trail reads it)."""
    for line in commit.split(b"\n\n", 1)[0].split(b"\n"):
        if line.startswith(b"committer "):
            try:
                stamp, offset = line.rsplit(b" ", 2)[1:]
                sign = -1 if offset.startswith(b"-") else 1
                tz = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
                return datetime.fromtimestamp(int(stamp), tz).date()
            except (ValueError, OverflowError, OSError):
                return None
    return None


def _inside(name: str) -> bool:
    """A path that stays in the case folder (the bag's records are the bag maker's: a listed
    document named '../../x' is never read)."""
    parts = name.split("/")
    return not name.startswith("/") and "\\" not in name and all(p not in ("", ".", "..") for p in parts)


def _lookup(store: Path, tree_id: str, parts: list[str], id_len: int) -> tuple[bytes, str]:
    """(mode, object id) of the entry at the path ``parts`` below the stored tree ``tree_id``;
    ``(b"", "")`` when a tree on the way is missing, altered or has no such entry."""
    mode = _FOLDER
    for part in parts:
        tree = _object(store, tree_id, b"tree") if mode == _FOLDER else None
        mode, tree_id = dict(_entries(tree, id_len)).get(part, (b"", "")) if tree is not None else (b"", "")
        if not tree_id:
            return b"", ""
    return mode, tree_id


def _object(store: Path, object_id: str, kind: bytes) -> bytes | None:
    """The stored object ``object_id``, if it is one of ``kind`` whose bytes hash to that id."""
    if len(object_id) not in (40, 64) or any(c not in "0123456789abcdef" for c in object_id):
        return None
    path = store / object_id
    data = path.read_bytes() if path.is_file() else None
    if data is None or _object_id(kind, data, len(object_id)) != object_id:
        return None
    return data


def _object_id(kind: bytes, data: bytes, id_len: int) -> str:
    algorithm = hashlib.sha1 if id_len == 40 else hashlib.sha256
    return algorithm(kind + b" %d\0" % len(data) + data).hexdigest()


def _tree_id(commit: bytes) -> str:
    first = commit.split(b"\n", 1)[0]
    return first[5:].decode("ascii", "replace") if first.startswith(b"tree ") else ""


def _entries(tree: bytes, id_len: int) -> Iterable[tuple[str, tuple[bytes, str]]]:
    """A tree object's entries: name -> (mode, object id)."""
    size = id_len // 2
    pos = 0
    while pos < len(tree):
        space, nul = tree.find(b" ", pos), tree.find(b"\0", pos)
        if space < 0 or nul < space or nul + 1 + size > len(tree):
            return  # not a tree git wrote: its names are not read
        mode, name = tree[pos:space], tree[space + 1 : nul].decode("utf-8", "surrogateescape")
        yield name, (mode, tree[nul + 1 : nul + 1 + size].hex())
        pos = nul + 1 + size
