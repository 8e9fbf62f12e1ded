"""``sop-kit init``: a new office's archive repository, ready for its first commit.

Everything it writes comes from ``templates/init/`` (package data). The templates use
``@@name@@`` placeholders and plain string replacement, because the files are full of other
people's syntax that must pass through untouched: GitHub's ``${{ … }}``, GitLab's and the
shell's ``$VAR``, YAML's braces. A placeholder left unfilled is a bug, caught here.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..core import resources
from ..core.errors import ConfigError
from ..records.filetypes import sniff
from ..records.layout import CASES_DIR, OFFICE_DIR, RECORDS_DIR, SOP_DIR, STAFF_FILE
from ..records.models import Sop
from ..records.nomor import FORMAT as NOMOR_FORMAT
from ..records.nomor import REGISTER_DIR, JenisSurat, Register, register_text
from ..records.office import EMBLEM_FORMATS, HEAD, Kantor, town
from ..records.parse import parse_file
from .schema import schema_comment, schema_dir, write_schemas

TEMPLATES = resources.TEMPLATES / "init"
DEFAULT_SOP = resources.DATA / "sop" / "61.1.D.049-I-2020.yaml"
RECORDS = RECORDS_DIR
_PLACEHOLDER = re.compile(r"@@([a-z_]+)@@")

# template file -> where it goes in the new repository (dot files are not package data by glob)
FILES = {
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "sop-kit.yaml": "sop-kit.yaml",
    "mkdocs.yml": "mkdocs.yml",
    "staf.yaml": f"{RECORDS}/{STAFF_FILE}",
    "kasus-README.md": f"{RECORDS}/{CASES_DIR}/README.md",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/sop-kit.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
    "gitattributes": ".gitattributes",
}
PROFILE_EXAMPLE = """# Profil kantor: kop surat, alamat, kontak, lambang dan penandatangan. Selama belum diisi,
# `sop-kit check` memberi peringatan office.missing dan surat hanya memuat nama dinas dari SOP.
# Hapus tanda "# " di bawah dan isi dengan data kantor (lihat README, bagian Profil kantor).
# kantor:
#   pemerintah: Pemerintah Kabupaten …
#   dinas: Dinas …
#   alamat: Jalan … No. …
#   kota: …
#   telepon: (0264) …
#   email: …@….go.id
#   laman: https://….go.id
#   lambang:                       # berkas PNG/JPEG di samping sop-kit.yaml, dan sidik SHA-256-nya
#     berkas: kantor/lambang.png
#     sha256: "…"
#   penandatangan:
#     kepala-dinas:
#       jabatan: Kepala Dinas …
"""


@dataclass(frozen=True)
class OfficeAnswers:
    """The office profile as ``sop-kit init`` asks for it; empty fields take the SOP's unit."""

    alamat: str | None = None
    kota: str | None = None
    pemerintah: str | None = None
    dinas: str | None = None
    bidang: str | None = None
    kode_pos: str | None = None
    telepon: str | None = None
    email: str | None = None
    laman: str | None = None
    lambang: Path | None = None  # a PNG or JPEG, copied to kantor/
    kepala_dinas: str | None = None  # the head's title, as letters print it
    kode_unit: str | None = None  # the unit code in letter numbers (DSP3A)
    klasifikasi: str = "400.9"  # the classification code of the SOP's letters

    @property
    def complete(self) -> bool:
        return bool(self.alamat)


def fill(template: str, values: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        return values[match.group(1)]  # KeyError: a template names a value nobody provides

    return _PLACEHOLDER.sub(one, template)


def _yaml_text(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: safe for any text, colons and quotes included.
    return json.dumps(value, ensure_ascii=False)


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ConfigError("init.not_a_folder", None, path=str(target))
    if target.is_dir() and any(target.iterdir()):
        raise ConfigError("init.not_empty", None, path=str(target))


def _load_sop(sop_file: Path) -> Sop:
    if not sop_file.is_file():
        raise ConfigError("init.sop_missing", None, path=str(sop_file))
    if sop_file.suffix != ".yaml":
        raise ConfigError("init.sop_not_yaml", None, path=str(sop_file))
    sop, _, findings = parse_file(sop_file, str(sop_file), Sop)
    if sop is None:
        # The first problem exactly as `sop-kit check` words it, located in the SOP file.
        first = findings[0]
        raise ConfigError(first.code, first.file, first.line, **first.params)
    return sop


def _office_name(sop: Sop, instansi: str | None, answers: OfficeAnswers) -> str:
    """The office's full name in staf.yaml and mkdocs.yml: as given, else the profile's dinas
    (else the SOP's unit) with its region, "Dinas Sosial …" + "Kabupaten Purwakarta" from
    "Pemerintah Kabupaten Purwakarta": one office, named alike on its letters and its site."""
    if instansi is None:
        dinas = answers.dinas or sop.unit.instansi
        region = (answers.pemerintah or sop.unit.pemerintah).removeprefix("Pemerintah ").strip()
        instansi = f"{dinas} {region}" if region and region not in dinas else dinas
    instansi = instansi.strip()
    if not instansi or len(instansi) > 4000 or any(c in instansi for c in "\r\n\t\x00"):
        raise ConfigError("init.bad_instansi", None)
    return instansi


def _git_init(target: Path) -> None:
    # `git init -b` needs git 2.28; symbolic-ref names the first branch on any git.
    for args in (["init", "-q"], ["symbolic-ref", "HEAD", "refs/heads/main"]):
        try:
            subprocess.run(["git", *args], cwd=target, check=True, capture_output=True, text=True)
        except FileNotFoundError as exc:
            raise ConfigError("init.git_failed", None, path=str(target), error=exc.strerror or "git") from None
        except subprocess.CalledProcessError as exc:
            error = (exc.stderr or exc.stdout or str(exc)).strip().splitlines()[-1]
            raise ConfigError("init.git_failed", None, path=str(target), error=error) from None


def _version() -> str:
    try:
        return metadata.version("sop-kit")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0.1.0"


def office_profile(sop: Sop, answers: OfficeAnswers) -> tuple[Kantor | None, bytes | None]:
    """The profile to write, validated as ``check`` will read it, and the emblem's bytes; no
    profile while the address is unknown (check then says it is missing)."""
    if not answers.complete:
        return None, None
    emblem = None
    lambang = None
    if answers.lambang is not None:
        try:
            emblem = answers.lambang.read_bytes()
        except OSError as exc:
            raise ConfigError("init.emblem", str(answers.lambang), why=exc.strerror or str(exc)) from None
        kind = sniff(emblem[:4096], answers.lambang)
        if kind not in EMBLEM_FORMATS:
            raise ConfigError("init.emblem", str(answers.lambang), why="@office.emblem_not_image")
        ext = "png" if kind == "png" else "jpg"
        lambang = {"berkas": f"{OFFICE_DIR}/lambang.{ext}", "sha256": hashlib.sha256(emblem).hexdigest()}
    dinas = answers.dinas or sop.unit.instansi
    data = {
        "pemerintah": answers.pemerintah or sop.unit.pemerintah,
        "dinas": dinas,
        "bidang": answers.bidang or sop.unit.bidang,
        "alamat": answers.alamat,
        "kota": answers.kota or town(answers.pemerintah or sop.unit.pemerintah),
        "kode_pos": answers.kode_pos,
        "telepon": answers.telepon,
        "email": answers.email,
        # "dsp3a.purwakartakab.go.id", as it is printed on letters, is the https:// site
        "laman": f"https://{answers.laman}" if answers.laman and "://" not in answers.laman else answers.laman,
        "lambang": lambang,
        "penandatangan": {HEAD: {"jabatan": answers.kepala_dinas or f"Kepala {dinas}"}},
    }
    try:
        profile = Kantor.model_validate({k: v for k, v in data.items() if v})
    except ValidationError as exc:  # every answer to mend at once, not one per run
        said = [(".".join(str(p) for p in e["loc"]) or "kantor", str(e.get("input", ""))[:80]) for e in exc.errors()]
        field = "; ".join(f"{name} ('{value}')" for name, value in said)
        raise ConfigError("init.bad_profile", None, field=field) from None
    return profile, emblem


def _profile_yaml(profile: Kantor | None) -> str:
    if profile is None:
        return PROFILE_EXAMPLE

    data = {"kantor": profile.model_dump(mode="json", exclude_none=True, exclude_defaults=True)}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)


def _register(sop: Sop, answers: OfficeAnswers, year: int) -> str | None:
    """records/nomor/<year>.yaml with a kind per numbered document the SOP declares."""
    kinds = sorted({s.jenis_nomor for s in sop.surat if s.jenis_nomor})
    if not kinds or not answers.kode_unit:
        return None
    pattern = "{klasifikasi}/{urut}/{unit}/{tahun}"
    titles = {s.jenis_nomor: s.judul for s in sop.surat if s.jenis_nomor}
    jenis = {
        k: JenisSurat(nama=titles[k], pola=pattern, klasifikasi=answers.klasifikasi, unit=answers.kode_unit,
                      deret="surat-keluar")
        for k in kinds
    }  # fmt: skip
    return register_text(Register(format=NOMOR_FORMAT, tahun=year, jenis=jenis))


def init_archive(
    target: Path,
    sop_file: Path | None = None,
    instansi: str | None = None,
    answers: OfficeAnswers | None = None,
    year: int | None = None,
) -> list[Path]:
    """Create the archive repository in ``target`` (new or empty); the files written, relative to it.
    ``answers`` fill the office profile (without an address it is left for the office to fill in);
    ``year`` starts that year's letter-number register when the answers give the unit code.

    Nothing is overwritten: a non-empty ``target`` is refused before anything is written, and
    git is initialised first, so a missing git leaves no half-made archive behind.
    """
    _check_target(target)
    source = sop_file or DEFAULT_SOP
    sop = _load_sop(source)
    answers = answers or OfficeAnswers()
    office = _office_name(sop, instansi, answers)
    profile, emblem = office_profile(sop, replace(answers, dinas=answers.dinas or (instansi and office)))
    register = _register(sop, answers, year) if year is not None else None
    target.mkdir(parents=True, exist_ok=True)
    _git_init(target)

    records = target / RECORDS
    version = _version()
    values = {
        "instansi": office,
        "instansi_yaml": _yaml_text(office),
        "site_name_yaml": _yaml_text(f"Arsip Audit — {office}"),
        "site_description_yaml": _yaml_text(f"Arsip kasus {sop.nama} (SOP {sop.nomor}), diperiksa sop-kit."),
        "sop_nama": sop.nama,
        "sop_nomor": sop.nomor,
        "peran": ", ".join(f"{p.id} ({p.nama})" for p in sop.peran),
        "peran_contoh": sop.peran[0].id,
        "schema_comment": schema_comment(records / STAFF_FILE, records, "staf"),
        "version": version,
        "package": f"sop-kit=={version}",
        "kantor": _profile_yaml(profile),
    }
    written: list[Path] = []
    try:
        for template, rel in FILES.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fill((TEMPLATES / template).read_text("utf-8"), values), "utf-8")
            written.append(path)
        sop_target = records / SOP_DIR / source.name
        sop_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, sop_target)  # byte for byte: the SOP's own comments are its provenance
        written.append(sop_target)
        written += write_schemas(schema_dir(records))
        if emblem is not None and profile is not None and profile.lambang is not None:
            path = target / profile.lambang.berkas
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(emblem)
            written.append(path)
        if register is not None and year is not None:
            path = records / REGISTER_DIR / f"{year}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(register, "utf-8")
            written.append(path)
    except OSError as exc:
        raise ConfigError("init.write_failed", None, path=str(target), error=exc.strerror or exc) from None
    return sorted(p.relative_to(target) for p in written)
