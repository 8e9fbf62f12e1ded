"""Assemble the SOP data from what the readers found, derive what the text lacks, and report."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import ConfigError
from ..core.findings import Finding
from ..core.messages import text as msg
from ..records.models.sop import Sop
from ..records.parse import validate
from ..records.yamlsafe import load_text
from ..records.yamlwrite import dump_yaml
from . import identity
from .block import add_identity, unit, values_of
from .flowchart import is_flowchart_header, read_flowchart
from .notes import Notes
from .readers import read_source
from .steps import add_steps
from .text import Line

_SOP_AP_CORE = ("nomor", "nama", "disahkan_oleh", "tanggal_pembuatan", "tanggal_efektif")


@dataclass
class ImportResult:
    source: str  # the document as named to the user
    data: dict[str, Any]
    notes: Notes
    sop: Sop | None = None
    findings: list[Finding] = field(default_factory=list)  # validation, located in the written YAML
    text: str = ""  # the YAML as it will be written
    written: Path | None = None  # where write_import wrote it

    @property
    def valid(self) -> bool:
        return self.sop is not None


def default_out(result: ImportResult) -> Path:
    return Path(re.sub(r"[^\w.]+", "-", str(result.data.get("nomor") or "sop")).strip("-.") + ".yaml")


def write_import(path: str | Path, out: Path | None = None, force: bool = False, lang: str = "id") -> ImportResult:
    """Import the document at ``path`` and write its SOP data file to ``out`` (default: named
    after the SOP's number, here); findings name the file as written. Refuses an ``out`` that
    exists unless ``force``, and one that cannot be written, with nothing written."""
    result = import_sop(path, str(path), lang=lang)
    target = out or default_out(result)
    if target.exists() and not force:
        raise ConfigError("import.exists", None, path=str(target))
    if target.name != "sop.yaml":
        result = import_sop(path, str(path), out_name=str(target), lang=lang)
    try:
        target.write_text(result.text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError("import.write_failed", str(target), reason=exc.strerror or type(exc).__name__) from None
    result.written = target
    return result


def import_sop(
    path: str | Path, shown: str | None = None, out_name: str = "sop.yaml", lang: str = "id"
) -> ImportResult:
    """Read an SOP AP document and turn it into SOP data, validated; refuses what is no SOP AP."""
    path = Path(path)
    shown = shown or str(path)
    notes = Notes(lang=lang)
    source = read_source(path, shown, notes)
    notes.places = source.places
    data = _assemble(source.lines, shown, notes)
    result = ImportResult(shown, data, notes)
    result.text = render_yaml(result, out_name, lang)
    loaded = load_text(result.text, out_name)
    result.sop, result.findings = validate(loaded, loaded.data, Sop)
    return result


def _assemble(lines: list[Line], shown: str, notes: Notes) -> dict[str, Any]:
    head = next((i for i, line in enumerate(lines) if is_flowchart_header(line)), len(lines))
    labels = [(i, lab) for i, line in enumerate(lines[:head]) if (lab := identity.match_label(line))]
    found = {lab.field for _, lab in labels}
    if len(found & set(_SOP_AP_CORE)) < 2:
        other = identity.other_format_labels(lines)
        if len(other) >= 3:
            raise ConfigError("import.not_sop_ap", shown, labels=", ".join(other))
        raise ConfigError("import.no_identity", shown)
    for _, lab in labels:
        if lab.score < 1:
            notes.guess("import.label_guess", lab.line, printed=lab.printed, label=identity.LABELS[lab.field][0],
                        score=lab.score)  # fmt: skip
    data: dict[str, Any] = {"format": "sop-kit/sop/1"}
    data["unit"] = unit(lines, labels[0][0] if labels else head, notes)
    values = values_of(lines, labels, head)
    words = Counter(w for line in lines for w in re.findall(r"[a-z]{5,}", line.text.lower()))
    add_identity(values, data, notes, words)
    flow = read_flowchart(lines, head, notes)
    if flow is None or not flow.rows:
        notes.problem("import.no_flowchart", lines[head].no if head < len(lines) else None)
        data.update(peran=[], jenis_dokumen=[], langkah=[])
        return data
    add_steps(lines, flow, data, notes)
    data["sumber"] = Path(shown).name
    return data


def render_yaml(result: ImportResult, out_name: str, lang: str) -> str:
    """The YAML with a header: imported from where, then every guess and every problem."""
    header = [msg("import.header", lang, file=Path(result.source).name), ""]
    for kind, title in (("problem", "import.header_problems"), ("guess", "import.header_guesses"),
                        ("review", "import.header_review")):  # fmt: skip
        items = [n for n in result.notes if n.kind == kind]
        if items:
            header.append(msg(title, lang))
            header += [f"- {_where(result.source, n.line)}{n.message(lang)}" for n in items]
            header.append("")
    # An absent value (no revision date) is left out: the model's default is None.
    return dump_yaml({k: v for k, v in result.data.items() if v is not None}, header=header)


def _where(source: str, line: int | str | None) -> str:
    return f"{Path(source).name}:{line}: " if line else ""
