"""Baselines for the check benchmark, each a whole process on one core.

    python -m bench.baseline read ROOT        read every file's bytes
    python -m bench.baseline parse ROOT       yaml.load(..., Loader=yaml.CSafeLoader) every YAML file
    python -m bench.baseline parse-hash ROOT  the same, plus the SHA-256 of every other file: the
                                              least any cold check of the archive must do

It prints how many files it handled, so the runner can tell a baseline that found nothing.
"""

from __future__ import annotations

import hashlib
import os
import sys

import yaml


def files(root: str) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names)


def main() -> None:
    what, root = sys.argv[1], sys.argv[2]
    found = files(root)
    yamls = [f for f in found if f.endswith(".yaml")]
    if what == "read":
        for name in found:
            with open(name, "rb") as fh:
                fh.read()
        print(f"{len(found)} files read")
    elif what in ("parse", "parse-hash"):
        for name in yamls:
            with open(name, "rb") as fh:
                yaml.load(fh, Loader=yaml.CSafeLoader)
        hashed = 0
        if what == "parse-hash":
            for name in found:
                if not name.endswith(".yaml"):
                    with open(name, "rb") as fh:
                        hashlib.file_digest(fh, "sha256")
                    hashed += 1
        print(f"{len(yamls)} YAML files parsed, {hashed} files hashed")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
