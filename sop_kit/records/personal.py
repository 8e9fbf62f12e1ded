"""Which record values are personal data: those of the fields (or whole models) that the models
mark ``x-pribadi``, read from their JSON schema, so a new field is personal by its mark alone.

Two readers: :mod:`.parse`, so that a finding about a personal field never quotes what was
typed there, and the searches for personal values in public text: the check of what a clerk
typed (:mod:`sop_kit.check.privacy`) and the scan of what is published
(:mod:`sop_kit.records.privacyscan`). Both search the same values, with the same forms in which a value
is also written in part (:func:`spoken_forms`: "Bu Aminah" for Siti Aminah, an address by its
RT/RW), so the check never passes what the build then refuses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from .fieldtypes import FORM, PERSONAL, PUBLIC_NAME
from .yamlsafe import Loc

MIN_VALUE = 4  # shorter values ("Ani") would match ordinary words everywhere
MIN_WORD = 3  # after a word of address a short name is one too ("Bu Ani")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # can hide inside a word
(_MARK,) = PERSONAL


# For matching, hyphens and underscores count as spaces: a name slugged into a URL or file name.
_FOLD = {**INVISIBLE, **dict.fromkeys(map(ord, "-_\u2010\u2011"), " ")}

# Words by which people speak of a person (Indonesian and Sundanese titles, kin, "keluarga"):
# followed by one word of a family member's name, they name that member ("Bu Aminah", "Kang
# Dadang", "keluarga Dadang", "Aminah binti Dadang").
_ADDRESS_WORDS = frozenset((
    "ibu", "bu", "bunda", "bapak", "pak", "bpk", "ayah", "saudara", "saudari", "sdr", "sdri", "nyonya", "ny", "tuan",
    "tn", "nona", "nn", "almarhum", "almarhumah", "alm", "almh", "mbak", "mba", "mas", "kakak", "kak", "adik",
    "adek", "dik", "dek", "nenek", "nek", "kakek", "kek", "mbah", "om", "tante", "haji", "hajah", "hajjah", "hj",
    "h", "ustaz", "ustadz", "ustazah", "ustadzah", "teh", "teteh", "kang", "akang", "aa", "neng", "ceu", "euceu",
    "mang", "emang", "bi", "bibi", "uwa", "abah", "ema", "emak", "mak", "aki", "nini", "nyai", "nyi", "ujang",
    "jang", "den", "keluarga", "anak", "istri", "suami", "putra", "putri", "menantu", "mertua", "bin",
    "binti",
))  # fmt: skip
ADDRESSED = "sdr"  # a name's form "sdr aminah": "aminah" after any word of address
# The word of address, maybe abbreviated ("Bpk."), right before a position (searched to it).
_ADDRESS_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(_ADDRESS_WORDS, key=len, reverse=True)) + r")\.?[ ]+$")
_LONGEST_ADDRESS = max(map(len, _ADDRESS_WORDS)) + 8  # the word, a full stop and spaces (folded: one)
# A neighbourhood (RT) and its hamlet (RW), however written: "RT 002/RW 001", "rt.2 rw.1", "RT02/RW01".
# Literal first, so the search skips to candidates in C; the word start is checked after it.
_PLACE_FORM = re.compile(r"rt [0-9]+ rw [0-9]+")
_RT_RW = re.compile(r"rt(?<!\wrt)[ .]*0*([0-9]{1,3})[ ]*[/,.]?[ ]*rw[ .]*0*([0-9]{1,3})(?!\w)")


# A run of digits with single spaces, dots or hyphens between them (0812-3456-7890, 3214 0101 …).
_DIGITS = re.compile(r"(?<![0-9A-Za-z])\+?[0-9](?:[ .\-]?[0-9])+(?![0-9A-Za-z])")
# A NIK or KK (16 digits) and a mobile number (08…, 628… or +628…: 9 to 14 digits), whole or in
# groups split by single spaces, dots or hyphens ("0812.3456.7890", "3214 0101 0101 0001"); the
# whole run of digits is the number. The mobile's "8x" is written together, so a date
# ("08-01-2026 09:30", "08.01.2026") is not one, nor a decimal ("0.8123456"). The pattern starts
# with a character class, so the engine skips to candidates in C (twice as fast as a leading
# lookbehind): the checks that it is not glued to a word or continuing a run come right after.
_SEP = r"[ .\-]?"
_NUMBERS = re.compile(
    r"[+0-9](?<![0-9A-Za-z+].)(?<![0-9][ .\-].)"
    rf"(?:(?<=[1-9])(?:{_SEP}[0-9]){{15}}(?P<nik>)"
    rf"|(?:(?<=\+)62{_SEP}|(?<=6)2{_SEP}|(?<=0)[ \-]?)8[0-9]{_SEP}[0-9](?:{_SEP}[0-9]){{5,9}}(?P<telepon>))"
    r"(?![0-9A-Za-z]|[ .\-][0-9])"
)
_PROVINCES = frozenset(
    [*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66), *range(71, 77), 81, 82, *range(91, 98)]
)


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def digit_runs(text: str) -> Iterator[str]:
    """The digits of each number written in ``text``, its spaces, dots and hyphens left out."""
    for match in _DIGITS.finditer(text):
        yield _digits(match.group())


def personal_numbers(text: str, office: Collection[str] = ()) -> Iterator[tuple[int, int, str]]:
    """(start, end, 'nik' or 'telepon') of every NIK/KK and mobile number written in ``text``:
    personal whatever field holds them, unless it is one of ``office``, the office's own
    numbers (:func:`number_key` of each: Archive.public_numbers). The one reading of these
    shapes, for the check of what a clerk typed and the scan of what is published, so that
    neither passes what the other refuses. A NIK/KK has a province code and a (birth or issue)
    date where one has them: sixteen-digit constants in JavaScript (9007199254740991) have
    neither."""
    for match in _NUMBERS.finditer(text):
        kind = match.lastgroup or ""
        shaped = kind == "telepon" or _plausible_nik(_digits(match.group()))
        if shaped and not (office and number_key(match.group()) in office):
            yield match.start(), match.end(), kind


def number_key(text: str) -> str:
    """A number as compared with another: its digits, a mobile's +62 read as its 0."""
    digits = _digits(text)
    return "0" + digits[2:] if digits.startswith("628") else digits


def _plausible_nik(digits: str) -> bool:
    day, month = int(digits[6:8]), int(digits[8:10])
    return int(digits[:2]) in _PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def shaped_number(text: str) -> bool:
    """Whether ``text`` holds a number of a personal shape (:func:`personal_numbers`)."""
    return any(personal_numbers(fold(text)))


def clean(text: str) -> str:
    """Invisible characters out, runs of white space as one space."""
    return " ".join(text.translate(INVISIBLE).split())


def fold(text: str) -> str:
    """Text as values are matched in it: invisible characters out, hyphens and underscores as
    spaces, runs of white space as one."""
    return " ".join(text.translate(_FOLD).split())


def addressed(low: str, start: int) -> int | None:
    """Where the word of address right before ``low[start:]`` begins ("bu " before "aminah"),
    if there is one; ``low`` is folded, lower-case text."""
    found = _ADDRESS_BEFORE.search(low, max(0, start - _LONGEST_ADDRESS), start)
    return found.start() if found else None


def rt_rw(low: str) -> Iterator[tuple[int, int, str]]:
    """Every RT/RW in folded, lower-case text: (start, end, its form "rt N rw M")."""
    if "rt" in low:
        for m in _RT_RW.finditer(low):
            yield m.start(), m.end(), f"rt {int(m.group(1))} rw {int(m.group(2))}"


def spoken_forms(value: str, form: str, officials: Iterable[str] = ()) -> set[str]:
    """The forms in which a personal value is also written in part, lower-case.

    A name (``form`` "nama"): each of its words of at least :data:`MIN_WORD` letters after a
    word of address, as "sdr aminah" (:func:`addressed` finds "Bu Aminah", "Kang Aminah", …),
    except the words of ``officials``' names (the office's staff and signatories, the case's
    ``kontak``, marked ``PUBLIC_NAME``: "Pak Dadang" is the Kepala Desa, not the family's
    Dadang). An address ("alamat"): its RT/RW as "rt 2 rw 1", which in a desa narrows it to a
    few houses."""
    return _spoken_forms(value, form, _name_words(officials))


def _name_words(names: Iterable[str]) -> frozenset[str]:
    """The words of ``names`` as :func:`spoken_forms` compares them (lower-case)."""
    return frozenset(w for name in names for w in re.findall(r"\w+", fold(name).lower()))


@lru_cache(maxsize=8)
def _archive_words(names: frozenset[str]) -> frozenset[str]:
    """:func:`_name_words` of one archive's officials: the same for each of its cases."""
    return _name_words(names)


def _spoken_forms(value: str, form: str, taken: frozenset[str]) -> set[str]:
    low = fold(value).lower()
    if form == "nama":
        return {
            f"{ADDRESSED} {w}"
            for w in re.findall(r"\w+", low)
            if len(w) >= MIN_WORD and w not in taken and w not in _ADDRESS_WORDS
        }
    if form == "alamat":
        return {found for _, _, found in rt_rw(low)}
    return set()


def place_form(value: str) -> bool:
    """Is ``value`` an RT/RW's form, "rt N rw M" (:func:`rt_rw`)?"""
    return _PLACE_FORM.fullmatch(value) is not None


def spoken(value: str) -> bool:
    """Is ``value`` one of the :func:`spoken_forms`, found only with its case's own text?"""
    return addressed_word(value) is not None or place_form(value)


def addressed_word(value: str) -> str | None:
    """The name word of a form "sdr aminah", or None for any other value."""
    head, _, word = value.partition(" ")
    return word if head == ADDRESSED and word and " " not in word else None


def personal_at(model: type[BaseModel], loc: Loc) -> bool:
    """Is the value at ``loc`` in a record of ``model`` personal (its field, or a model that
    holds it, is marked)? A key the model does not know is as personal as its holder."""
    schema, defs = _schema(model)
    node = _deref(schema, defs)
    if _marked(node):
        return True
    for part in loc:
        key = "items" if isinstance(part, int) else "properties"
        found = _part(node, defs, key)
        node = _deref((found if isinstance(part, int) else (found or {}).get(part)) or {}, defs)
        if _marked(node):
            return True
    return False


def personal_values(records: Iterable[BaseModel], officials: Iterable[str] = ()) -> set[str]:
    """Every personal value of validated records (:func:`raw_personal_values` of each)."""
    out: set[str] = set()
    officials = frozenset(officials)
    for record in records:
        if _holds_personal(type(record)):  # a step record has no personal field: not walked
            out |= raw_personal_values(record.model_dump(), type(record), officials)
    return out


def raw_personal_values(data: object, model: type[BaseModel], officials: Iterable[str] = ()) -> set[str]:
    """Every value typed into a personal field of a record of ``model``, read from its data as
    loaded, valid or not: a NIK one digit short, a name typed into ``hubungan`` or typed as a
    key of a family's record is as personal as a valid one. Whitespace-collapsed, at least
    :data:`MIN_VALUE` characters; with them, the :func:`spoken_forms` of names and addresses
    (``officials``: names of officials outside the record, whose words are not a family's).

    Left out: values the field's own choices list (``hubungan: anak`` names no one), and
    dates: a birth date alone identifies no one, and the site shows hundreds of dates, so a
    child born on the day a step was done would fail every build.
    """
    walk = _Walk()
    schema, defs = _schema(model)
    walk.walk(data, schema, defs, False)
    taken = _name_words(walk.officials) | _archive_words(frozenset(officials))
    for value, form in walk.forms:
        walk.out |= _spoken_forms(value, form, taken)
    return walk.out


class _Walk:
    def __init__(self) -> None:
        self.out: set[str] = set()
        self.forms: list[tuple[str, str]] = []  # personal values written in part too, and their form
        self.officials: list[str] = []  # names of officials in the record (a case's kontak)

    def walk(self, data: object, schema: dict[str, Any], defs: dict[str, Any], personal: bool) -> None:
        schema = _deref(schema, defs)
        personal = personal or _marked(schema)
        if isinstance(data, dict):
            props = _part(schema, defs, "properties") or {}
            for key, item in data.items():
                if personal and key not in props:  # a key no model knows, typed among personal data
                    self.walk(str(key), {}, defs, personal)
                self.walk(item, props.get(key, {}), defs, personal)
        elif isinstance(data, list | tuple):
            items = _part(schema, defs, "items") or {}
            for item in data:
                self.walk(item, items, defs, personal)
        elif isinstance(data, str) and not personal and _part(schema, defs, FORM) == PUBLIC_NAME:
            self.officials.append(data)
        elif personal and isinstance(data, str | int | float | Enum) and not isinstance(data, bool):
            if _part(schema, defs, "format") in ("date", "date-time"):
                return
            text = clean(str(data.value if isinstance(data, Enum) else data))
            form = _part(schema, defs, FORM)
            if isinstance(form, str):
                self.forms.append((text, form))
            if len(text) >= MIN_VALUE and text not in _choices(schema, defs):
                self.out.add(text)


@cache
def _holds_personal(model: type[BaseModel]) -> bool:
    """Is any field of ``model``, or of a model it holds, marked?"""
    return json.dumps({_MARK: True})[1:-1] in json.dumps(_schema(model)[0])


@cache
def _schema(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    schema = model.model_json_schema()
    return schema, schema.get("$defs", {})


def _marked(schema: object) -> bool:
    """Does this schema carry the mark (also inside anyOf, items, …)? A nested model's own
    fields are not looked into: they are judged when its data is reached."""
    if isinstance(schema, dict):
        if schema.get(_MARK) is True:
            return True
        return any(_marked(v) for k, v in schema.items() if k not in ("properties", "$defs"))
    if isinstance(schema, list):
        return any(_marked(v) for v in schema)
    return False


def _deref(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return {**defs.get(ref.removeprefix("#/$defs/"), {}), **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def _part(schema: dict[str, Any], defs: dict[str, Any], key: str) -> Any:
    """``schema[key]``, or the first one among its anyOf/allOf options (``X | None``)."""
    if key in schema:
        return schema[key]
    for option in [*schema.get("anyOf", []), *schema.get("allOf", [])]:
        found = _part(_deref(option, defs), defs, key)
        if found is not None:
            return found
    return None


def _choices(schema: dict[str, Any], defs: dict[str, Any]) -> set[str]:
    const = _part(schema, defs, "const")
    return {str(c) for c in [*(_part(schema, defs, "enum") or []), *([] if const is None else [const])]}
