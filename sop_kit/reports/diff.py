"""``sop-kit sop diff``: what changed between two revisions of an SOP, and the site's
revision history of each SOP."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..core.errors import ConfigError
from ..core.inert import one_line
from ..core.messages import text
from ..records.archive import Archive
from ..records.models import Sop
from ..records.parse import parse_file
from ..records.revisions import SopKey, revisions_of

Section = Literal["identitas", "langkah", "peran", "dokumen"]


@dataclass(frozen=True)
class Change:
    """One difference. ``field`` None: the whole step, role or document kind was added
    (``old`` None) or removed (``new`` None)."""

    section: Section
    key: str  # identity field name, step number, role id or document kind id
    field: str | None
    old: Any
    new: Any
    label: str = ""  # what the item is called (the step's kegiatan, the role's name), for the text


@dataclass
class SopDiff:
    a: SopKey
    b: SopKey
    changes: list[Change] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "sop-kit/sop-diff/1",
            "a": {"nomor": self.a[0], "revisi": self.a[1]},
            "b": {"nomor": self.b[0], "revisi": self.b[1]},
            "changes": [asdict(c) for c in self.changes],
        }


IDENTITY_FIELDS = (
    "nomor",
    "revisi",
    "nama",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "unit",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan",
    "peringatan",
    "pencatatan",
    "foto_wajib",
)
STEP_FIELDS = (
    "kegiatan",
    "pelaksana",
    "waktu_menit",
    "waktu_teks",
    "waktu_fleksibel",
    "dokumen_wajib",
    "minimal_berkas",
    "kelengkapan",
    "sarana",
    "output",
    "keterangan",
    "setelah",
    "keputusan",
)


def _plain(value: Any) -> Any:
    """Models as plain data, so that changes compare and serialise alike."""
    return value.model_dump() if hasattr(value, "model_dump") else value


def diff_sops(a: Sop, b: Sop) -> SopDiff:
    """What changed from ``a`` to ``b``: identity, steps (matched by number), roles, document kinds."""
    out = SopDiff(a.ref, b.ref)
    add = out.changes.append
    for name in IDENTITY_FIELDS:
        old, new = _plain(getattr(a, name)), _plain(getattr(b, name))
        if old != new:
            add(Change("identitas", name, name, old, new))
    steps_a, steps_b = {s.no: s for s in a.langkah}, {s.no: s for s in b.langkah}
    for no in sorted(steps_a.keys() | steps_b.keys()):
        sa, sb = steps_a.get(no), steps_b.get(no)
        if sa is None or sb is None:
            step = sa or sb
            assert step is not None
            add(Change("langkah", str(no), None, _plain(sa), _plain(sb), step.kegiatan))
            continue
        for name in STEP_FIELDS:
            old, new = _plain(getattr(sa, name)), _plain(getattr(sb, name))
            if old != new:
                add(Change("langkah", str(no), name, old, new, sb.kegiatan))
    for section, items_a, items_b in (
        ("peran", {r.id: r for r in a.peran}, {r.id: r for r in b.peran}),
        ("dokumen", {k.id: k for k in a.jenis_dokumen}, {k.id: k for k in b.jenis_dokumen}),
    ):
        for key in [*items_a, *(k for k in items_b if k not in items_a)]:
            ia, ib = items_a.get(key), items_b.get(key)
            if ia is None or ib is None:
                item = ia or ib
                assert item is not None
                add(Change(section, key, None, _plain(ia), _plain(ib), item.nama))  # type: ignore[arg-type]
                continue
            old_d, new_d = _plain(ia), _plain(ib)
            for name in old_d:
                if old_d[name] != new_d[name]:
                    add(Change(section, key, name, old_d[name], new_d[name], ib.nama))  # type: ignore[arg-type]
    return out


def _show(value: Any, lang: str, sop: Sop | None = None) -> str:
    """A value for the text; ``sop`` given: role ids shown by the role's name in it."""
    if value is None or value == []:
        return "-"
    if isinstance(value, bool):
        return text(f"diff.{str(value).lower()}", lang)
    if isinstance(value, list):
        return ", ".join(_show(v, lang, sop) for v in value)
    if isinstance(value, dict):
        if "pertanyaan" in value:  # a decision: its labels are the SOP's own words
            yes, no = f"{value['label_ya']} → {value['ya']}", f"{value['label_tidak']} → {value['tidak']}"
            return f"{value['pertanyaan']} ({yes}, {no})"
        return "; ".join(f"{k} {_show(v, lang)}" for k, v in value.items() if v not in (None, [], False))
    if sop is not None and any(r.id == value for r in sop.peran):
        return sop.role(str(value)).nama
    return str(value)


def _listed(codes: tuple[str, str, str], lang: str, old: list[Any], new: list[Any], **params: Any) -> str:
    """Items added and removed (``codes``: added, removed, reordered), only the parts there are."""
    added = [v for v in new if v not in old]
    removed = [v for v in old if v not in new]
    parts = [text(codes[0], lang, items=_show(added, lang), **params)] if added else []
    parts += [text(codes[1], lang, items=_show(removed, lang), **params)] if removed else []
    return "; ".join(parts) or text(codes[2], lang, **params)


IDENTITY_LIST = ("diff.identity_added", "diff.identity_removed", "diff.identity_reordered")
STEP_DOCUMENTS = ("diff.step_documents_added", "diff.step_documents_removed", "diff.step_documents_reordered")


def format_diff(diff: SopDiff, lang: str, a: Sop | None = None, b: Sop | None = None) -> str:
    """The diff as lines of text; ``a`` and ``b`` give role names for the steps' pelaksana."""
    lines = [text("diff.header", lang, nomor=diff.a[0], a=diff.a[1], nomor_b=diff.b[0], b=diff.b[1])]
    lines += [f"  {one_line(line)}" for line in change_lines(diff.changes, lang, a, b)]
    lines.append(text("diff.summary", lang, count=len(diff.changes)) if diff.changes else text("diff.none", lang))
    return "\n".join(lines) + "\n"


def change_lines(changes: Iterable[Change], lang: str, a: Sop | None = None, b: Sop | None = None) -> list[str]:
    return [_line(c, lang, a, b) for c in changes]


def _line(c: Change, lang: str, a: Sop | None, b: Sop | None) -> str:
    if c.field is None:
        what = {"langkah": "step", "peran": "role", "dokumen": "kind"}[c.section]
        return text(f"diff.{what}_{'added' if c.old is None else 'removed'}", lang, key=c.key, label=c.label)
    if c.section == "identitas":
        if isinstance(c.old, list) and isinstance(c.new, list):
            return _listed(IDENTITY_LIST, lang, c.old, c.new, field=c.field)
        return text("diff.identity", lang, field=c.field, old=_show(c.old, lang), new=_show(c.new, lang))
    if c.section == "langkah":
        if c.field == "waktu_menit":
            return text("diff.step_time", lang, no=c.key, old=c.old, new=c.new)
        if c.field == "pelaksana":
            return text("diff.step_roles", lang, no=c.key, old=_show(c.old, lang, a), new=_show(c.new, lang, b))
        if c.field == "dokumen_wajib":
            return _listed(STEP_DOCUMENTS, lang, c.old, c.new, no=c.key)
        return text("diff.step_field", lang, no=c.key, field=c.field, old=_show(c.old, lang), new=_show(c.new, lang))
    what = "role" if c.section == "peran" else "kind"
    return text(f"diff.{what}_field", lang, key=c.key, field=c.field, old=_show(c.old, lang), new=_show(c.new, lang))


def resolve_sop(arg: str, archive: Archive | None) -> Sop:
    """An SOP named on the command line: a file, or ``NOMOR@REVISI`` / ``NOMOR`` (its latest
    revision) among the archive's SOPs (``archive`` None: only files can be named)."""
    path = Path(arg)
    if path.suffix.lower() in (".yaml", ".yml") or path.is_file():
        if not path.is_file():
            raise ConfigError("diff.no_file", str(path))
        sop, _, problems = parse_file(path, str(path), Sop)
        if sop is None:
            first = next((p for p in problems if p.severity.value == "error"), problems[0] if problems else None)
            if first is None:
                raise ConfigError("diff.no_file", str(path))
            raise ConfigError(first.code, first.file, first.line, **first.params)
        return sop
    if archive is None:
        raise ConfigError("diff.no_file", str(path))
    nomor, _, rev = arg.rpartition("@") if "@" in arg else (arg, "", "")
    known = ", ".join(f"{n}@{r}" for n, r in sorted(archive.sops)) or "-"
    if rev and not rev.isdigit():
        raise ConfigError("diff.bad_ref", None, ref=arg, known=known)
    revisions = revisions_of(archive.sops, nomor)
    found = archive.sops.get((nomor, int(rev))) if rev else (revisions[-1] if revisions else None)
    if found is None:
        raise ConfigError("diff.unknown_ref", None, ref=arg, known=known)
    return found


# --- the site's revision history ----------------------------------------------------------


@dataclass
class RevisionEntry:
    sop: Sop
    cases: int
    changes: list[str]  # the diff to the previous revision, as text lines (empty: the first)


def history(
    sops: Mapping[SopKey, Sop], nomor: str, cases: Mapping[SopKey, int], lang: str = "id"
) -> list[RevisionEntry]:
    """Each revision of ``nomor``, oldest first, with its case count and what it changed."""
    out: list[RevisionEntry] = []
    previous: Sop | None = None
    for sop in revisions_of(sops, nomor):
        lines = change_lines(diff_sops(previous, sop).changes, lang, previous, sop) if previous else []
        out.append(RevisionEntry(sop, cases.get(sop.ref, 0), lines))
        previous = sop
    return out
