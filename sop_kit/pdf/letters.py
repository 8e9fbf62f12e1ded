"""What the letters of a case need beyond the dossier's context: kop surat, legal basis,
numbers, dates, addressee and signatories, derived from the SOP and the case's records.

The letters are the documents the office's clerks type by hand today, for the cases of SOP
61.1.D.049/I/2020 (:data:`LETTER_SOPS`): the draft SK
designating the vulnerable location (step 3), the coordination letter to the Kepala Desa /
Lurah / Camat (step 5), the attendance sheet (step 6) and the coaching report (after steps
6–7). Nothing here is personal data: addressees are addressed by their position, and the
report counts the target families without naming them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ..records.models import Sop, Staf
from ..views.case import CaseDocument, CaseInfo, Execution, StepView

# The templates follow this SOP's steps; another SOP's step 3 is not a designation, so its
# cases get the dossier only. Keyed by number: every revision keeps the same letters.
LETTER_SOPS = frozenset({"61.1.D.049/I/2020"})
SK_STEP = 3  # Penetapan lokasi: the step whose record holds the SK's number
LETTER_STEP = 5  # Koordinasi dengan pemerintah setempat: the coordination letter's number
COACHING_STEP = 6  # Pelaksanaan pembinaan
PHOTO_STEP = 7  # Dokumentasi/foto: the report is signed once it is done
# The SOP data has no office address yet; letters print this placeholder, marked as such.
PLACEHOLDER_ADDRESS = "Jalan Contoh Raya No. 1, Purwakarta 41111"
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
LOCAL_HEADS = ("Kepala Desa", "Lurah", "Camat")  # addressees of the coordination letter, in that order


def has_letters(sop: Sop) -> bool:
    """Whether the letter templates (SK, coordination letter, attendance sheet, report) are
    drafted for the cases of ``sop``."""
    return sop.nomor in LETTER_SOPS


def letter_context(sop: Sop, doc: CaseDocument, staff: Mapping[str, Staf] | None = None) -> dict[str, Any]:
    """Extra context keys for the letter templates (sk, surat-koordinasi, daftar-hadir, laporan).

    ``doc`` is the case's view (:mod:`sop_kit.views.case`). ``staff`` (the archive's
    registry) is optional: with it the SK is signed by the Kepala Dinas in office on its date
    and signatories get their NIP; without it the SOP's ratifier signs the SK and a NIP not in
    the view is left as a blank to fill in.
    """
    steps = doc.steps_by_no
    case = doc.case
    families = doc.jumlah_keluarga
    town = _town(sop.unit.pemerintah)
    head = {
        "jabatan": sop.disahkan_oleh.jabatan,
        "nama": sop.disahkan_oleh.nama,
        "nip": nip_text(sop.disahkan_oleh.nip),
    }
    place = f"{case.jenis_desa.capitalize()} {case.desa}"
    sk_step, letter_step = steps[SK_STEP], steps[LETTER_STEP]
    sk_date = _day(sk_step.selesai or sk_step.mulai)
    meeting = letter_step.mulai
    # The letter goes out once the preparation (step 4) is done, before the meeting it asks for.
    sent = _day(steps[LETTER_STEP - 1].selesai) or _day(meeting)
    if sent and meeting and sent > meeting.date():
        sent = meeting.date()
    coaching = steps[COACHING_STEP]
    report_day = _day(steps[PHOTO_STEP].selesai or coaching.selesai)
    kasi = sk_step if sk_step.who else steps[SK_STEP - 1]
    kepada = _addressee(doc)
    office = f"Kantor Kecamatan {case.kecamatan}" if kepada["camat"] else f"Kantor {place}"
    return {
        "dasar_hukum": list(sop.dasar_hukum),
        "kop": {
            "pemerintah": sop.unit.pemerintah,
            "instansi": sop.unit.instansi,
            "bidang": sop.unit.bidang,
            "alamat": PLACEHOLDER_ADDRESS,
            "alamat_contoh": True,
            "kota": town,
        },
        "kepala_dinas": head,
        "sk": {
            "nomor": sk_step.nomor_surat,
            "tanggal": sk_date,
            "tahun": (sk_date or case.mulai).year,
            "lokasi": f"{place} Kecamatan {case.kecamatan}",
            "penandatangan": _head_on(staff, sk_date, head),
            "salinan": [_regent(sop.unit.pemerintah), f"Camat {case.kecamatan}", _local_head(case)],
        },
        "surat": {
            "nomor": letter_step.nomor_surat,
            "tanggal": sent,
            "sifat": "Biasa",
            "lampiran": "1 (satu) berkas" if sk_step.nomor_surat else "-",
            "perihal": "Koordinasi Pembinaan Ketahanan Keluarga",
            "kepada": kepada,
            "acara": {
                "hari": HARI[meeting.weekday()] if meeting else None,
                "tanggal": _day(meeting),
                "jam": f"{meeting:%H.%M}" if meeting else None,
                "tempat": office,
            },
            "pengirim": _sender(sop, letter_step, head, staff),
            "tembusan": _copies(doc, letter_step, head, kepada),
        },
        "laporan": {
            "tanggal": report_day,
            "tahun": (report_day or case.mulai).year,
            "hari": HARI[coaching.mulai.weekday()] if coaching.mulai else None,
            "tempat": f"{place}, Kecamatan {case.kecamatan}, {sop.unit.pemerintah.removeprefix('Pemerintah ')}",
            "pelaksana": _team(doc, staff),
            "keluarga": families or None,
            "keluarga_terbilang": terbilang(families),
            "penandatangan": {**_signer(kasi, staff), "jabatan": kasi.position or kasi.roles},
            "mengetahui": _division_head(doc, sop, staff),
        },
    }


def _town(pemerintah: str) -> str:
    """Pemerintah Kabupaten Purwakarta → Purwakarta: where the office dates its letters."""
    for prefix in ("Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi "):
        if pemerintah.startswith(prefix):
            return pemerintah.removeprefix(prefix)
    return pemerintah


def _day(moment: datetime | date | None) -> date | None:
    if isinstance(moment, datetime):
        return moment.date()
    return moment


def _nip(step: Execution, staff: Mapping[str, Staf] | None) -> str | None:
    if step.nip:
        return nip_text(step.nip)
    person = _by_name(staff, step.who)
    return nip_text(person.nip) if person else None


def nip_text(nip: str) -> str:
    """197508022002121004 → 19750802 200212 1 004: a NIP as letters print it (birth, appointment, sex, serial)."""
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _by_name(staff: Mapping[str, Staf] | None, name: Any) -> Staf | None:
    if not staff or not name:
        return None
    return next((p for p in staff.values() if p.nama == name), None)


def _head_on(staff: Mapping[str, Staf] | None, day: date | None, fallback: dict[str, Any]) -> dict[str, Any]:
    """The Kepala Dinas in office on ``day`` per the staff registry; else the SOP's ratifier."""
    if staff and day:
        for person in staff.values():
            position = person.position_on(day)
            if position and position.startswith("Kepala Dinas"):
                return {"jabatan": fallback["jabatan"], "nama": person.nama, "nip": nip_text(person.nip)}
    return fallback


def _signer(step: Execution, staff: Mapping[str, Staf] | None) -> dict[str, Any]:
    return {"nama": step.who, "jabatan": step.position, "nip": _nip(step, staff)}


def _sender(sop: Sop, step: StepView, head: dict[str, Any], staff: Mapping[str, Staf] | None) -> dict[str, Any]:
    """Who signs the coordination letter, with the a.n. / u.b. lines of the naskah dinas.

    The staff member who carried out step 5 signs on behalf of (a.n.) the Kepala Dinas; a
    section head signs through (u.b.) the Kepala Bidang. Nobody recorded yet: a Kepala Bidang
    block with the name left blank.
    """
    kabid = f"Kepala {sop.unit.bidang}" if sop.unit.bidang else "Kepala Bidang"
    position = step.position or ""
    signer = _signer(step, staff)
    if not step.who:
        return {"an": head["jabatan"], "ub": None, "jabatan": kabid, "nama": None, "nip": None}
    if position.startswith("Kepala Dinas"):
        return {"an": None, "ub": None, **signer, "jabatan": head["jabatan"]}
    if position.startswith(("Kepala Bidang", "Sekretaris")) or not position:  # unknown position: left blank
        return {"an": head["jabatan"], "ub": None, **signer, "jabatan": position or None}
    return {"an": head["jabatan"], "ub": kabid, **signer}


def _addressee(doc: CaseDocument) -> dict[str, Any]:
    """The local head from the case's contacts (by position); else the desa's or kelurahan's head."""
    case = doc.case
    for title in LOCAL_HEADS:
        for contact in doc.kontak:
            if contact.jabatan.startswith(title):
                camat = title == "Camat"
                return {
                    "jabatan": contact.jabatan,
                    "wilayah": None if camat else f"Kecamatan {case.kecamatan}",
                    "camat": camat,
                }
    return {"jabatan": _local_head(case), "wilayah": f"Kecamatan {case.kecamatan}", "camat": False}


def _local_head(case: CaseInfo) -> str:
    return f"{'Lurah' if case.jenis_desa == 'kelurahan' else 'Kepala Desa'} {case.desa}"


def _regent(pemerintah: str) -> str:
    """Pemerintah Kabupaten Purwakarta → Bupati Purwakarta (Kota: Wali Kota)."""
    if pemerintah.startswith("Pemerintah Kota "):
        return "Wali Kota " + pemerintah.removeprefix("Pemerintah Kota ")
    return "Bupati " + _town(pemerintah)


def _copies(doc: CaseDocument, step: StepView, head: dict[str, Any], kepada: dict[str, Any]) -> list[str]:
    """Tembusan: the Kepala Dinas when someone signs on his behalf, the Camat when not addressed."""
    copies = []
    if not (step.position or "").startswith("Kepala Dinas"):
        copies.append(f"{head['jabatan']} (sebagai laporan)")
    if not kepada["camat"]:
        copies.append(f"Camat {doc.case.kecamatan}")
    copies.append("Arsip")
    return copies


def _division_head(doc: CaseDocument, sop: Sop, staff: Mapping[str, Staf] | None) -> dict[str, Any]:
    """The Kepala Bidang who took part in steps 5–6 acknowledges the report; else a blank block."""
    for member in _team(doc, staff):
        if str(member["jabatan"] or "").startswith("Kepala Bidang"):
            return {"jabatan": member["jabatan"], "nama": member["nama"], "nip": member["nip"]}
    return {"jabatan": f"Kepala {sop.unit.bidang}" if sop.unit.bidang else "Kepala Bidang", "nama": None, "nip": None}


def _team(doc: CaseDocument, staff: Mapping[str, Staf] | None) -> list[dict[str, Any]]:
    """Who carried out the coordination and the coaching (steps 5–6), each once, in order."""
    team: dict[str, dict[str, Any]] = {}
    for ex in doc.executions:
        if ex.no in (LETTER_STEP, COACHING_STEP) and ex.who and ex.status == "selesai":
            member = team.setdefault(
                ex.who, {"nama": ex.who, "jabatan": ex.position, "nip": _nip(ex, staff), "langkah": []}
            )
            if ex.no not in member["langkah"]:
                member["langkah"].append(ex.no)
    return list(team.values())


_SATUAN = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")


def terbilang(n: int) -> str:
    """A whole number in Indonesian words, as letters spell counts out: 2 → dua, 125 → seratus dua puluh lima."""
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        return f"{_SATUAN[n // 10]} puluh" + (f" {_SATUAN[n % 10]}" if n % 10 else "")
    if n < 1000:
        head = "seratus" if n < 200 else f"{_SATUAN[n // 100]} ratus"
        return head + (f" {terbilang(n % 100)}" if n % 100 else "")
    if n < 1_000_000:
        head = "seribu" if n < 2000 else f"{terbilang(n // 1000)} ribu"
        return head + (f" {terbilang(n % 1000)}" if n % 1000 else "")
    return str(n)
