"""Typed values shared by the record models.

Records come from :mod:`sop_kit.records.yamlsafe`, which leaves dates, times and anything
ambiguous as text; these types parse that text strictly and say what was wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import nip as nip_rules

WIB = timezone(timedelta(hours=7), "WIB")  # Purwakarta's time: records hold local times without a zone
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")  # fmt: skip


CLOCK_SKEW = timedelta(minutes=10)  # a laptop clock a few minutes off the office's is no typo


def office_time(moment: datetime) -> datetime:
    """``moment`` as records hold times: the office's wall time (WIB), without a zone. A time
    without a zone is one already."""
    return in_wib(moment).replace(tzinfo=None)


def in_wib(moment: datetime) -> datetime:
    """``moment`` in WIB, with its zone, as pages and documents show a time. A time without a
    zone is the office's wall time already."""
    return moment.astimezone(WIB) if moment.tzinfo else moment.replace(tzinfo=WIB)


def office_now() -> datetime:
    """The office's wall time to the minute (WIB, as records hold times), whatever zone the
    machine is set to: a laptop or CI runner on UTC is seven hours behind Purwakarta."""
    return datetime.now(WIB).replace(tzinfo=None, second=0, microsecond=0)


def office_today() -> date:
    """The office's date (WIB): between midnight and 07.00 a UTC machine is still on yesterday."""
    return datetime.now(WIB).date()


STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

# Marks a field as personal data: never published, redacted from public outputs.
PERSONAL: dict[str, Any] = {"x-pribadi": True}
# What kind of personal value a field holds, where it is also written in part: a person's name
# ("Bu Aminah" for Siti Aminah), an address (its RT/RW). See sop_kit.records.personal.
FORM = "x-pribadi-bentuk"
PERSONAL_NAME: dict[str, Any] = {**PERSONAL, FORM: "nama"}
PERSONAL_ADDRESS: dict[str, Any] = {**PERSONAL, FORM: "alamat"}
# A public official's name (a Kepala Desa): its words, after "Pak"/"Bu", are not a family's.
PUBLIC_NAME = "nama-publik"


def _err(code: str, **ctx: Any) -> PydanticCustomError:
    # The catalogue renders the message; the template here is only a fallback.
    return PydanticCustomError(code, code + " {value}", {"value": "", **ctx})


def _date(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise _err("date_format", value=value)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _err("date_invalid", value=value) from None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise _err("date_format", value=repr(value))


def _datetime(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", value):
            raise _err("datetime_format", value=value)
        try:
            return datetime.fromisoformat(value.replace(" ", "T"))
        except ValueError:
            raise _err("date_invalid", value=value) from None
    if isinstance(value, datetime):
        return value
    raise _err("datetime_format", value=repr(value))


def _year_month(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return value
    raise _err("year_month_format", value=str(value))


def _digits_text(value: Any) -> Any:
    # The loader only yields an int for canonical decimal text, so str() restores it exactly.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _nip(value: str) -> str:
    value = nip_rules.normalise(value)
    problem = nip_rules.nip_problem(value)
    if problem:
        raise _err(problem[0].replace(".", "_"), **problem[1])
    return value


Tanggal = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
WaktuLokal = Annotated[
    datetime,
    BeforeValidator(_datetime),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$"}),
]
BulanTahun = Annotated[
    str, BeforeValidator(_year_month), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$"})
]
Teks = Annotated[str, Field(min_length=1, max_length=4000)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
# The editor schema accepts what the check does: unquoted digits load as an integer.
NIP = Annotated[
    str,
    BeforeValidator(_digits_text),
    AfterValidator(_nip),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^ *(?:[0-9] *){18}$"}, {"type": "integer"}]}),
]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", max_length=200)]

# Personal data. NIK and KK numbers are 16 digits; phone numbers keep their leading 0 or +62.
NIK = Annotated[
    str,
    BeforeValidator(_digits_text),
    Field(pattern=r"^[1-9][0-9]{15}$", json_schema_extra=PERSONAL),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^[1-9][0-9]{15}$"},
                {"type": "integer", "minimum": 10**15, "maximum": 10**16 - 1},
            ],
            **PERSONAL,
        }
    ),
]
NomorKK = NIK
Telepon = Annotated[str, Field(pattern=r"^(?:\+62|0)[0-9]{8,13}$", json_schema_extra=PERSONAL)]
NamaPribadi = Annotated[str, Field(min_length=1, max_length=200, json_schema_extra=PERSONAL_NAME)]
