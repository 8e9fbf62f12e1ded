"""``sop-kit init``: a new office's archive repository, ready for its first commit.

Everything it writes comes from ``templates/init/`` (package data). The templates use
``@@name@@`` placeholders and plain string replacement, because the files are full of other
people's syntax that must pass through untouched: GitHub's ``${{ … }}``, GitLab's and the
shell's ``$VAR``, YAML's braces. A placeholder left unfilled is a bug, caught here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

from ..core import resources
from ..core.errors import ConfigError
from ..records.layout import CASES_DIR, RECORDS_DIR, SOP_DIR, STAFF_FILE
from ..records.models import Sop
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
}


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


def _office_name(sop: Sop, instansi: str | None) -> str:
    if instansi is None:
        # "Dinas Sosial …" + "Kabupaten Purwakarta" from "Pemerintah Kabupaten Purwakarta"
        region = sop.unit.pemerintah.removeprefix("Pemerintah ").strip()
        instansi = f"{sop.unit.instansi} {region}" if region and region not in sop.unit.instansi else sop.unit.instansi
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


def init_archive(target: Path, sop_file: Path | None = None, instansi: str | None = None) -> list[Path]:
    """Create the archive repository in ``target`` (new or empty); the files written, relative to it.

    Nothing is overwritten: a non-empty ``target`` is refused before anything is written, and
    git is initialised first, so a missing git leaves no half-made archive behind.
    """
    _check_target(target)
    source = sop_file or DEFAULT_SOP
    sop = _load_sop(source)
    office = _office_name(sop, instansi)
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
    except OSError as exc:
        raise ConfigError("init.write_failed", None, path=str(target), error=exc.strerror or exc) from None
    return sorted(p.relative_to(target) for p in written)
