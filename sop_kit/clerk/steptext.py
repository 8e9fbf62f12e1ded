"""How step records are named and introduced, from the SOP's own wording.

Shared by everything that writes step files: ``sop-kit new`` and ``sop-kit step`` (a new
round), the demo archive and the benchmark generators.
"""

from __future__ import annotations

import re

from ..records.models import Sop
from ..records.models.sop import Langkah

_VERBS = {"melaksanakan", "membuat", "melakukan", "menyusun"}
_FILLER = {"dan", "dengan", "di", "yang", "atas", "sesuai", "ke", "dari", "untuk", "pada"}


def step_file_stem(step: Langkah, putaran: int = 1) -> str:
    """'07-dokumentasi-foto', '01-pengumpulan-data-putaran-2': from the SOP's own wording."""
    words = [w for w in re.split(r"[^a-z0-9]+", step.kegiatan.lower()) if w]
    words = [w for w in words[1:] if w not in _FILLER] if words and words[0] in _VERBS else words
    words = [w for w in words if w not in _FILLER][:2]
    round_part = f"-putaran-{putaran}" if putaran > 1 else ""
    return f"{step.no:02d}-{'-'.join(words)}{round_part}"


def step_header(sop: Sop, no: int, putaran: int = 1) -> list[str]:
    """The comment atop a step file: the step, who is responsible, its standard and documents."""
    spec = sop.step(no)
    roles = " / ".join(sop.role(r).nama for r in spec.pelaksana)
    docs = ", ".join(sop.kind(k).nama for k in spec.dokumen_wajib) or "tidak ada berkas wajib"
    if set(spec.dokumen_wajib) & set(sop.foto_wajib):
        docs += " (kasus tidak dapat ditutup tanpa foto)"
    time = f"{spec.waktu_menit} menit" + (" (waktu disesuaikan)" if spec.waktu_fleksibel else "")
    lines = [
        f"Langkah {no} — {spec.kegiatan}" + (f" (putaran {putaran})" if putaran > 1 else ""),
        f"Pelaksana: {roles}. Standar waktu: {time}.",
        f"Dokumen wajib: {docs}.",
    ]
    if spec.sarana:
        lines.append(f"Sarana (tidak diperiksa sebagai berkas): {', '.join(spec.sarana)}.")
    if spec.keputusan:
        k = spec.keputusan
        lines.append(
            f"Keputusan: {k.pertanyaan} ya → langkah {k.ya}; tidak → kembali ke langkah {k.tidak} (putaran baru)."
        )
    return lines
