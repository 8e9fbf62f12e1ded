"""What a case bag holds, where: shared by :mod:`sop_kit.bag.export` and :mod:`sop_kit.bag.verify`.

A bag's payload is a miniature archive plus what the office knew about the case::

    data/records/sop/<sop>.yaml             every revision of the SOP the case follows
    data/records/staf.yaml                  the staff registry it was judged against
    data/records/kasus/<tahun>/<id>/...     the case folder, file for file
    data/berkas/berkas-pembinaan-<id>.pdf   the internal dossier (personal data: a closed transfer)
    data/jejak/jejak-<id>.json, .txt        the approval trail from git (unless --no-trail)
    data/jejak/bukti/<object id>            git's objects proving each verified approval (bag.proof)
    data/temuan-ekspor.json                 the check's findings at export time
"""

from __future__ import annotations

import logging

from ..records.layout import RECORDS_DIR

CHECKSUMS = ["sha256", "sha512"]  # sha512 too: archives keep bags for decades, and ask for it
RECORDS = RECORDS_DIR
DOSSIER_DIR = "berkas"
TRAIL_DIR = "jejak"
PROOF_DIR = "bukti"  # inside TRAIL_DIR
PROOF_FIELD = "Bukti-Persetujuan"
FINDINGS_FILE = "temuan-ekspor.json"
TRAIL_FIELD = "Jejak-Persetujuan"
# Values of TRAIL_FIELD: fixed words, read back by verify_bag, so not translated.
TRAIL_INCLUDED = "disertakan"
TRAIL_OMITTED = "tidak disertakan (--no-trail)"
TRAIL_UNAVAILABLE = "tidak tersedia (arsip tidak berada di repositori git)"
# bagit logs every problem it finds as a warning; sop-kit reports them itself, in its own
# language, so they must not also reach stderr through logging's last-resort handler.
logging.getLogger("bagit").addHandler(logging.NullHandler())


def dossier_name(case_id: str) -> str:
    return f"berkas-pembinaan-{case_id}.pdf"


def relative(shown_root: str, file: str) -> str:
    """A finding's file relative to the archive root, whatever the root was called."""
    prefix = "" if shown_root in ("", ".") else shown_root.rstrip("/") + "/"
    return file[len(prefix) :] if prefix and file.startswith(prefix) else file
