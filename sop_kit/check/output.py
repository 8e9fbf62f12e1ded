"""A check report as text for people, JSON for tools, or GitHub workflow annotations."""

from __future__ import annotations

import functools
import json

from ..core.findings import Finding, Severity
from ..core.inert import one_line
from ..core.messages import render, text
from .report import Report

FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_report(report: Report, fmt: str = "text", lang: str = "id", summary: bool = True) -> str:
    """The report in ``fmt``; without ``summary`` (``--quiet``) text and GitHub output hold
    only the findings, so a clean archive prints nothing. JSON is always complete."""
    if fmt == "json":
        return _json(report, lang)
    if fmt == "github":
        return _github(report, lang, summary)
    return _text(report, lang, summary)


def _summary(report: Report, lang: str) -> str:
    return text(
        "cli.summary",
        lang,
        cases=report.cases_checked,
        errors=report.count(Severity.ERROR),
        warnings=report.count(Severity.WARNING),
        infos=report.count(Severity.INFO),
    )


def finding_lines(f: Finding, lang: str) -> list[str]:
    """``file:line: severity[code]: message`` and, when there is one, the hint below it."""
    where = one_line(f"{f.file}:{f.line}" if f.line else f.file)
    message, hint = render(f.code, lang, f.params)  # once: 100,000 findings at 10,000 cases
    lines = [f"{where}: {_label('sev.' + f.severity.value, lang)}[{f.code}]: {message}"]
    if hint:
        lines.append(f"    {_label('cli.hint', lang)}: {hint}")
    return lines


@functools.cache
def _label(code: str, lang: str) -> str:
    return text(code, lang)


def _text(report: Report, lang: str, summary: bool = True) -> str:
    out = []
    for f in report.sorted():
        out += finding_lines(f, lang)
    if summary:
        out.append(_summary(report, lang))
        if not report.trail_read:
            out.append(text("cli.trail_not_read", lang))
        if not report.findings:
            out.append(text("cli.clean", lang))
    return "".join(line + "\n" for line in out)


def _json(report: Report, lang: str) -> str:
    data = {
        "cases": report.cases_checked,
        "trail_read": report.trail_read,
        "counts": {s.value: report.count(s) for s in Severity},
        "findings": [f.to_dict(lang) for f in report.sorted()],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _github(report: Report, lang: str, summary: bool = True) -> str:
    out = []
    for f in report.sorted():
        props = f"file={_escape_prop(f.file)}"
        if f.line:
            props += f",line={f.line}"
        props += f",title={_escape_prop(f.code)}"
        message, hint = render(f.code, lang, f.params)
        message += f" — {hint}" if hint else ""
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(message)}")
    if summary:
        out.append(_summary(report, lang))
        if not report.trail_read:
            out.append(f"::warning title=trail::{_escape_data(text('cli.trail_not_read', lang))}")
    return "".join(line + "\n" for line in out)
