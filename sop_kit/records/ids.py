"""Case ids: ``YYYY-MM-<desa>-<4 random base32 chars>``.

Two clerks creating cases for the same desa and month on different branches get different
ids from the random tail (32^4 = 1,048,576 values); should two ever meet after a merge,
``sop-kit check`` reports the duplicate (rule ``case.duplicate_id``).
"""

from __future__ import annotations

import random
import re
import secrets
import unicodedata
from datetime import date

CASE_ID_PATTERN = r"^[0-9]{4}-[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*-[a-z0-9]{4}$"
_BASE32 = "abcdefghijklmnopqrstuvwxyz234567"


def slug(text: str) -> str:
    """'Taringgul Tonggoh' -> 'taringgul-tonggoh'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def published_stem(berkas: str) -> str:
    """The name, without its ending, a case's file is published under on the site (its path in
    the case folder as one slug: ``lampiran/01-Rekap.pdf`` -> ``lampiran-01-rekap``)."""
    return slug(berkas.rsplit(".", 1)[0].replace("/", "-")) or "berkas"


def new_case_id(start: date, desa: str, rng: random.Random | None = None) -> str:
    """A fresh id; pass a seeded ``rng`` only for reproducible sample data."""
    choose = rng.choice if rng is not None else secrets.choice
    return f"{start:%Y-%m}-{slug(desa)}-{''.join(choose(_BASE32) for _ in range(4))}"
