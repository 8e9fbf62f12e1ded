"""What the letters of a case need beyond the dossier's context: kop surat, legal basis,
numbers, dates, addressee and signatories, derived from the SOP, its letter declaration, the
office profile and the case's records.

Which documents a case gets, from which template and at which step, is the SOP's own data
(``surat:`` in its file, :class:`~sop_kit.records.models.Surat`). The shipped templates draft
the documents the office's clerks type by hand today for SOP 61.1.D.049/I/2020: the SK
designating the vulnerable location, the coordination letter to the Kepala Desa / Lurah /
Camat, the attendance sheet and the coaching report; each finds the step it is made from in
that declaration. Nothing here is personal data: addressees are addressed by their position,
and the report counts the target families without naming them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ..records.models import Sop, Staf, Surat
from ..records.office import DIVISION, HEAD, Kantor, Kop, town
from ..views.case import CaseDocument, CaseInfo, Execution, StepView

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
LOCAL_HEADS = ("Kepala Desa", "Lurah", "Camat")  # addressees of the coordination letter, in that order
# The shipped templates whose context is drafted here; another template gets the generic keys.
SK, LETTER, REPORT = "sk.html", "surat-koordinasi.html", "laporan.html"


def has_letters(sop: Sop) -> bool:
    """Whether the SOP declares documents for its cases."""
    return bool(sop.surat)


def declared(sop: Sop, template: str) -> Surat | None:
    return next((s for s in sop.surat if s.templat == template), None)


def letter_context(
    sop: Sop,
    doc: CaseDocument,
    staff: Mapping[str, Staf] | None = None,
    kop: Kop | None = None,
    profile: Kantor | None = None,
) -> dict[str, Any]:
    """Extra context keys for the letter templates (sk, surat-koordinasi, daftar-hadir, laporan).

    ``doc`` is the case's view (:mod:`sop_kit.views.case`). ``staff`` (the archive's registry)
    is optional: with it the SK is signed by the Kepala Dinas in office on its date and
    signatories get their NIP; without it the SOP's ratifier signs the SK and a NIP not in the
    view is left as a blank to fill in. ``kop`` is the office's letterhead and ``profile`` its
    default signatories; without them the SOP's unit names the office, with no address.
    """
    steps = doc.steps_by_no
    case = doc.case
    families = doc.jumlah_keluarga
    kop = kop or Kop(sop.unit.pemerintah, sop.unit.instansi, sop.unit.bidang, "", "", town(sop.unit.pemerintah),
                     None, False)  # fmt: skip
    signatories = profile.penandatangan if profile else {}
    ratifier = {
        "jabatan": signatories[HEAD].jabatan if HEAD in signatories else sop.disahkan_oleh.jabatan,
        "nama": sop.disahkan_oleh.nama,
        "nip": nip_text(sop.disahkan_oleh.nip),
    }
    kabid = signatories[DIVISION].jabatan if DIVISION in signatories else _division(sop)
    place = f"{case.jenis_desa.capitalize()} {case.desa}"
    decision = sop.decision_steps[0].no if sop.decision_steps else None
    sk_decl, letter_decl, report_decl = declared(sop, SK), declared(sop, LETTER), declared(sop, REPORT)
    sk_step = _at(steps, sk_decl.langkah if sk_decl else None)
    letter_step = _at(steps, letter_decl.langkah if letter_decl else None)
    prepared = _at(steps, letter_decl.setelah_langkah if letter_decl else None)
    coaching = _at(steps, report_decl.setelah_langkah if report_decl else None)
    closing = _at(steps, report_decl.langkah if report_decl else None)
    sk_date = _day(sk_step.selesai or sk_step.mulai) if sk_step else None
    meeting = letter_step.mulai if letter_step else None
    # The letter goes out once the preparation is done, before the meeting it asks for.
    sent = _day(prepared.selesai if prepared else None) or _day(meeting)
    if sent and meeting and sent > meeting.date():
        sent = meeting.date()
    report_day = _day((closing.selesai if closing else None) or (coaching.selesai if coaching else None))
    kasi = sk_step if sk_step and sk_step.who else _at(steps, decision)
    kepada = _addressee(doc)
    office = f"Kantor Kecamatan {case.kecamatan}" if kepada["camat"] else f"Kantor {place}"
    head = _signatory(signatories, HEAD, staff, sk_date) or _head_on(staff, sk_date, ratifier)
    team_steps = tuple(n for n in (letter_step.no if letter_step else None, coaching.no if coaching else None) if n)
    team = _team(doc, staff, team_steps)
    return {
        "dasar_hukum": list(sop.dasar_hukum),
        "kop": kop.to_dict(),
        "kepala_dinas": ratifier,
        "sk": {
            "nomor": sk_step.nomor_surat if sk_step else None,
            "tanggal": sk_date,
            "tahun": (sk_date or case.mulai).year,
            "lokasi": f"{place} Kecamatan {case.kecamatan}",
            "penandatangan": head,
            "salinan": [_regent(kop.pemerintah), f"Camat {case.kecamatan}", _local_head(case)],
            "verifikasi": decision,
        },
        "surat": {
            "nomor": letter_step.nomor_surat if letter_step else None,
            "tanggal": sent,
            "sifat": "Biasa",
            "lampiran": "1 (satu) berkas" if sk_step and sk_step.nomor_surat else "-",
            "perihal": "Koordinasi Pembinaan Ketahanan Keluarga",
            "kepada": kepada,
            "acara": {
                "hari": HARI[meeting.weekday()] if meeting else None,
                "tanggal": _day(meeting),
                "jam": f"{meeting:%H.%M}" if meeting else None,
                "tempat": office,
            },
            "pengirim": _sender(letter_step, ratifier, kabid, staff),
            "tembusan": _copies(doc, letter_step, ratifier, kepada),
        },
        "laporan": {
            "tanggal": report_day,
            "tahun": (report_day or case.mulai).year,
            "hari": HARI[coaching.mulai.weekday()] if coaching and coaching.mulai else None,
            "tempat": f"{place}, Kecamatan {case.kecamatan}, {kop.pemerintah.removeprefix('Pemerintah ')}",
            "pelaksana": team,
            "keluarga": families or None,
            "keluarga_terbilang": terbilang(families),
            "penandatangan": {**_signer(kasi, staff), "jabatan": kasi.position or kasi.roles} if kasi else {},
            "mengetahui": _division_head(team, kabid, signatories, staff, report_day),
            "langkah_koordinasi": letter_step.no if letter_step else None,
            "langkah_pembinaan": coaching.no if coaching else None,
        },
    }


def _at(steps: Mapping[int, StepView], no: int | None) -> StepView | None:
    return steps.get(no) if no is not None else None


def _division(sop: Sop) -> str:
    return f"Kepala {sop.unit.bidang}" if sop.unit.bidang else "Kepala Bidang"


def _signatory(
    signatories: Mapping[str, Any], role: str, staff: Mapping[str, Staf] | None, day: date | None
) -> dict[str, Any] | None:
    """The profile's default signatory for ``role``, named from the registry when it names
    them and they hold a post on ``day`` (or no date is known yet)."""
    chosen = signatories.get(role)
    person = staff.get(chosen.staf) if chosen and chosen.staf and staff else None
    if chosen is None or person is None or (day is not None and person.position_on(day) is None):
        return None
    return {"jabatan": chosen.jabatan, "nama": person.nama, "nip": nip_text(person.nip)}


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


def _sender(
    step: StepView | None, head: dict[str, Any], kabid: str, staff: Mapping[str, Staf] | None
) -> dict[str, Any]:
    """Who signs the coordination letter, with the a.n. / u.b. lines of the naskah dinas.

    The staff member who carried out the coordination step signs on behalf of (a.n.) the
    Kepala Dinas; a section head signs through (u.b.) the Kepala Bidang. Nobody recorded yet:
    a Kepala Bidang block with the name left blank.
    """
    if step is None or not step.who:
        return {"an": head["jabatan"], "ub": None, "jabatan": kabid, "nama": None, "nip": None}
    position = step.position or ""
    signer = _signer(step, staff)
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
    return "Bupati " + town(pemerintah)


def _copies(doc: CaseDocument, step: StepView | None, head: dict[str, Any], kepada: dict[str, Any]) -> list[str]:
    """Tembusan: the Kepala Dinas when someone signs on his behalf, the Camat when not addressed."""
    copies = []
    if not ((step.position if step else None) or "").startswith("Kepala Dinas"):
        copies.append(f"{head['jabatan']} (sebagai laporan)")
    if not kepada["camat"]:
        copies.append(f"Camat {doc.case.kecamatan}")
    copies.append("Arsip")
    return copies


def _division_head(
    team: list[dict[str, Any]],
    kabid: str,
    signatories: Mapping[str, Any],
    staff: Mapping[str, Staf] | None,
    day: date | None,
) -> dict[str, Any]:
    """The Kepala Bidang who took part in coordination or coaching acknowledges the report;
    else the profile's Kepala Bidang; else a blank block under the division's title."""
    for member in team:
        if str(member["jabatan"] or "").startswith("Kepala Bidang"):
            return {"jabatan": member["jabatan"], "nama": member["nama"], "nip": member["nip"]}
    return _signatory(signatories, DIVISION, staff, day) or {"jabatan": kabid, "nama": None, "nip": None}


def _team(doc: CaseDocument, staff: Mapping[str, Staf] | None, steps: tuple[int, ...]) -> list[dict[str, Any]]:
    """Who carried out the coordination and the coaching, each once, in order."""
    team: dict[str, dict[str, Any]] = {}
    for ex in doc.executions:
        if ex.no in steps and ex.who and ex.status == "selesai":
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
