"""Pydantic models of every record file sop-kit reads."""

from .case import Berkas, CatatanLangkah, Kasus, KeluargaSasaran, Koreksi, Penghentian
from .sop import JenisDokumen, Langkah, Peran, Sop, Surat
from .staff import Penugasan, Registri, Staf

__all__ = [
    "Berkas",
    "CatatanLangkah",
    "JenisDokumen",
    "Kasus",
    "KeluargaSasaran",
    "Koreksi",
    "Langkah",
    "Penghentian",
    "Penugasan",
    "Peran",
    "Registri",
    "Sop",
    "Staf",
    "Surat",
]
