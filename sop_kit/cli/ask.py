"""``sop-kit new`` without options: every choice offered as a numbered list, each answer
checked as soon as it is given and asked again (with the nearest names) when it is wrong.

The answers given so far are kept in :class:`Answers`; whatever ends the questions early
(Ctrl+C, end of input, a refusal at the end) prints them as a ready ``sop-kit new`` command,
so nothing typed is lost.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, fields
from datetime import date

import click

from ..clerk.new import choose_sop, lookup_desa, lookup_kecamatan, suggest_staff
from ..core.errors import ConfigError
from ..core.messages import render, text
from ..records.archive import Archive
from ..records.wilayah import purwakarta
from .dates import parse_day


@dataclass
class Answers:
    kecamatan: str | None = None
    desa: str | None = None
    mulai: str | None = None
    oleh: str | None = None
    sop: str | None = None

    def command(self, root: str) -> str:
        """The ``sop-kit new`` command that carries on from these answers."""
        parts = ["sop-kit", "new", "--root", root]
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                parts += [f"--{f.name}", value]
        return shlex.join(parts)


def _pick(prompt: str, choices: list[str], labels: list[str] | None = None) -> str:
    """A numbered list; the answer is a number or a name."""
    for i, label in enumerate(labels or choices, 1):
        click.echo(f"  {i:>2}. {label}", err=True)
    answer = str(click.prompt(prompt, err=True)).strip()
    return choices[int(answer) - 1] if answer.isdigit() and 1 <= int(answer) <= len(choices) else answer


def _say(code: str, lang: str, **params: object) -> None:
    message, hint = render(code, lang, params)
    click.echo(message + (f"\n  {hint}" if hint else ""), err=True)


def ask_location(answers: Answers, lang: str) -> None:
    """Ask until the register knows both names; a typo is answered with the nearest names."""
    reg = purwakarta()
    while (kec := lookup_kecamatan(reg, answers.kecamatan or "")) is None:
        if answers.kecamatan:
            near = ", ".join(reg.suggest_kecamatan(answers.kecamatan)) or "-"
            _say("new.unknown_kecamatan", lang, name=answers.kecamatan, suggestions=near)
        answers.kecamatan = _pick(text("new.prompt_kecamatan", lang), sorted(k.nama for k in reg.kecamatan.values()))
    answers.kecamatan = kec.nama
    while not answers.desa or (found := lookup_desa(reg, kec, answers.desa)) is None:
        if answers.desa:
            near = ", ".join(reg.suggest_desa(kec, answers.desa)) or "-"
            elsewhere = ", ".join(k.nama for k in reg.kecamatan_of_desa(answers.desa)) or "-"
            _say("new.unknown_desa", lang, name=answers.desa, kecamatan=kec.nama, suggestions=near, elsewhere=elsewhere)
        names = sorted(d.nama for d in reg.desa[kec.kode].values())
        answers.desa = _pick(text("new.prompt_desa", lang, kecamatan=kec.nama), names)
    answers.desa = found.nama


def ask_start(answers: Answers, lang: str, today: date) -> date:
    """The start date, asked again until it is a real date."""
    while True:
        if answers.mulai is None:
            answers.mulai = str(click.prompt(text("new.prompt_mulai", lang), default=today.isoformat(), err=True))
        day = parse_day(answers.mulai)
        if day is not None:
            return day
        _say("new.bad_date", lang, value=answers.mulai)
        answers.mulai = None


def ask_staff(archive: Archive, answers: Answers, start: date, lang: str) -> None:
    """Who opens the case: the registry as a numbered list, with each person's roles then."""
    people = sorted(archive.staff.values(), key=lambda p: p.id)
    while answers.oleh not in archive.staff:
        if answers.oleh:
            near = ", ".join(suggest_staff(archive, answers.oleh)) or "-"
            _say("new.unknown_staff", lang, who=answers.oleh, suggestions=near)
        labels = [
            f"{p.id} — {p.nama} ({_roles(archive, p.roles_on(start)) or p.position_on(start) or '-'})" for p in people
        ]
        answers.oleh = _pick(text("new.prompt_staff", lang), [p.id for p in people], labels)


def _roles(archive: Archive, ids: set[str]) -> str:
    """Role ids by the names the SOPs give them."""
    names = {r.id: r.singkatan or r.nama for sop in archive.sops.values() for r in sop.peran}
    return ", ".join(sorted(names.get(i, i) for i in ids))


def ask_sop(archive: Archive, answers: Answers, start: date, lang: str) -> None:
    """Which SOP the case follows, asked only when the archive holds several, and until one
    is in force on the start date."""
    numbers = sorted({n for n, _ in archive.sops})
    if len(numbers) < 2 and answers.sop is None:
        return
    names = {s.nomor: s.nama for s in archive.sops.values()}
    while True:
        if answers.sop:
            try:
                choose_sop(archive, answers.sop, start)
                return
            except ConfigError as exc:
                _say(exc.code, lang, **exc.params)
        answers.sop = _pick(text("new.prompt_sop", lang), numbers, [f"{n} — {names[n]}" for n in numbers])
