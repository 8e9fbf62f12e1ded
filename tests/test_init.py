"""`sop-kit init`: a new office's archive repository that checks clean, takes its first case,
runs its own pre-commit hook for real, and whose CI files are what GitHub and GitLab accept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from sop_kit.clerk.init import DEFAULT_SOP, FILES, TEMPLATES
from sop_kit.clerk.schema import SCHEMA_FILES
from sop_kit.cli.main import main
from sop_kit.records.yamlsafe import load_file

from .conftest import REPO

BIN = Path(sys.executable).parent  # the venv running the tests: sop-kit and pre-commit are there
EXPECTED = sorted(
    [
        ".github/workflows/sop-kit.yml",
        ".gitattributes",
        ".gitignore",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "README.md",
        "kantor/lambang.png",
        "mkdocs.yml",
        "records/kasus/README.md",
        "records/sop/61.1.D.049-I-2020.yaml",
        "records/staf.yaml",
        "sop-kit.yaml",
        *(f"schema/{name}" for name in SCHEMA_FILES.values()),
    ]
)


def env(tmp: Path) -> dict[str, str]:
    """No network, no user settings: this venv first on PATH, caches and git config in tmp."""
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "PRE_COMMIT_HOME": str(tmp / "pre-commit"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "SOP_KIT_LANG": "id",
    }


def run(args: list[str], cwd: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env(tmp), capture_output=True, text=True, timeout=300)


def emblem(folder: Path) -> Path:
    """A small PNG standing in for the regional emblem."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lambang-uji.png"
    Image.new("RGB", (40, 48), (22, 101, 52)).save(path)
    return path


# A new office's profile, as `sop-kit init` is told it: the fresh archive then checks clean.
PROFILE = ["--alamat", "Jalan Uji No. 1, Purwakarta", "--telepon", "(0264) 200 100", "--email", "dinas@uji.go.id",
           "--laman", "https://dinas.uji.go.id"]  # fmt: skip


def init(target: Path, *args: str) -> Any:
    lambang = ["--lambang", str(emblem(target.parent / "lambang"))]
    return CliRunner().invoke(main, ["init", str(target), "--no-input", *PROFILE, *lambang, *args])


@pytest.fixture(scope="module")
def arsip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("init") / "arsip"
    result = init(target)
    assert result.exit_code == 0, result.output
    return target


def files_of(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)


def uncomment_example(staff_yaml: str) -> str:
    """The registry as the office fills it in: `staf: []` removed, the example uncommented."""
    head, example = staff_yaml.split("#\n# staf:\n", 1)
    lines = ["staf:", *(line.removeprefix("# ") for line in example.splitlines())]
    return head.replace("staf: []\n", "") + "\n".join(lines) + "\n"


# --- what init writes ------------------------------------------------------------------


def test_init_writes_the_archive_and_a_git_repository_on_main(arsip: Path, tmp_path: Path) -> None:
    assert files_of(arsip) == EXPECTED
    head = run(["git", "symbolic-ref", "HEAD"], arsip, tmp_path)
    assert head.stdout.strip() == "refs/heads/main"
    assert run(["git", "rev-parse", "--verify", "-q", "HEAD"], arsip, tmp_path).returncode != 0  # no commit made
    assert (arsip / "records/sop/61.1.D.049-I-2020.yaml").read_bytes() == DEFAULT_SOP.read_bytes()
    for name in SCHEMA_FILES.values():
        assert (arsip / "schema" / name).read_text("utf-8") == (REPO / "schema" / name).read_text("utf-8")


def test_init_prints_what_it_made_and_the_next_steps(tmp_path: Path) -> None:
    result = init(tmp_path / "baru")
    assert result.exit_code == 0
    assert "arsip baru dibuat di" in result.output
    for rel in EXPECTED:
        assert f"  {rel}\n" in result.output
    assert "git config user.signingkey" in result.output and "pre-commit install" in result.output
    english = CliRunner().invoke(main, ["init", str(tmp_path / "new"), "--no-input", "--lang", "en"])
    assert "new archive created in" in english.output and "Next steps:" in english.output


def test_the_shipped_default_sop_is_the_repositorys_own() -> None:
    assert DEFAULT_SOP.read_bytes() == (REPO / "records/sop/61.1.D.049-I-2020.yaml").read_bytes()


def test_every_template_is_used_and_is_package_data() -> None:
    assert sorted(p.name for p in TEMPLATES.iterdir()) == sorted(FILES)
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert '"templates/init/*"' in pyproject and '"data/sop/*.yaml"' in pyproject
    assert not any(name.startswith(".") for name in FILES)  # setuptools' globs skip dot files


def test_a_fresh_archive_checks_clean(arsip: Path, tmp_path: Path) -> None:
    result = run(["sop-kit", "check", "records", "--no-trail"], arsip, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 kasus diperiksa: 0 galat, 0 peringatan" in result.stdout


def test_the_staff_example_is_a_valid_entry_once_uncommented(arsip: Path, tmp_path: Path) -> None:
    from sop_kit.records.models import Registri

    filled = uncomment_example((arsip / "records/staf.yaml").read_text("utf-8"))
    path = tmp_path / "staf.yaml"
    path.write_text(filled, "utf-8")
    registry = Registri.model_validate(load_file(path).data)
    assert [s.id for s in registry.staf] == ["nama-petugas"]
    assert registry.staf[0].penugasan[0].peran == ["pelaksana"]  # a role of the shipped SOP
    schema = json.loads((arsip / "schema/staf.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(load_file(path).data)


def test_generated_yaml_and_json_files_load_with_the_strict_loader(arsip: Path) -> None:
    for rel in EXPECTED:
        if rel.endswith((".yaml", ".yml")):
            load_file(arsip / rel)  # no tags, anchors or duplicate keys anywhere
        elif rel.endswith(".json"):
            json.loads((arsip / rel).read_text("utf-8"))
    config = load_file(arsip / "sop-kit.yaml").data
    profile = config.pop("kantor")
    assert config == {"format": "sop-kit/konfigurasi/1", "tanda_tangan": "laporkan"}
    assert (profile["alamat"], profile["telepon"]) == ("Jalan Uji No. 1, Purwakarta", "(0264) 200 100")
    assert (arsip / profile["lambang"]["berkas"]).is_file()  # the emblem copied beside the settings
    mkdocs = load_file(arsip / "mkdocs.yml").data
    assert set(mkdocs) <= {"site_name", "site_description", "copyright", "theme"}  # keys the site reads


def test_vscode_associates_every_schema_and_recommends_the_yaml_extension(arsip: Path) -> None:
    settings = json.loads((arsip / ".vscode/settings.json").read_text("utf-8"))
    associated = settings["yaml.schemas"]
    assert sorted(associated) == sorted(f"./schema/{name}" for name in SCHEMA_FILES.values())
    assert all((arsip / key).is_file() for key in associated)
    extensions = json.loads((arsip / ".vscode/extensions.json").read_text("utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    assert "# yaml-language-server: $schema=../schema/staf.schema.json" in (arsip / "records/staf.yaml").read_text()


def test_instansi_option_names_the_office(tmp_path: Path) -> None:
    name = 'Dinas Sosial Kabupaten Contoh: "Uji"'
    result = init(tmp_path / "a", "--instansi", name)
    assert result.exit_code == 0, result.output
    assert load_file(tmp_path / "a/records/staf.yaml").data["instansi"] == name
    assert load_file(tmp_path / "a/mkdocs.yml").data["copyright"] == name
    assert name in (tmp_path / "a/README.md").read_text("utf-8")
    bad = init(tmp_path / "b", "--instansi", "dua\nbaris")
    assert bad.exit_code == 2 and "satu baris" in bad.output
    assert not (tmp_path / "b").exists()


def test_the_profiles_dinas_names_the_office_on_its_site_and_registry(tmp_path: Path) -> None:
    """Told its dinas ("Dinas Sosial P3A") and nothing for --instansi, init named the office in
    staf.yaml and on the site's header and footer after the SOP's unit ("Dinas Sosial
    Pemberdayaan ... Kabupaten Purwakarta"): two names for one office on one page, the letters'
    and the site's. The profile's dinas, with its region, names it everywhere."""
    result = init(tmp_path / "a", "--dinas", "Dinas Sosial P3A", "--pemerintah", "Pemerintah Kota Contoh")
    assert result.exit_code == 0, result.output
    name = "Dinas Sosial P3A Kota Contoh"
    assert load_file(tmp_path / "a/records/staf.yaml").data["instansi"] == name
    mkdocs = load_file(tmp_path / "a/mkdocs.yml").data
    assert (mkdocs["site_name"], mkdocs["copyright"]) == (f"Arsip Audit — {name}", name)
    assert load_file(tmp_path / "a/sop-kit.yaml").data["kantor"]["dinas"] == "Dinas Sosial P3A"


# --- what init refuses ------------------------------------------------------------------


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "ada"
    target.mkdir()
    (target / "catatan.txt").write_text("punya kantor", "utf-8")
    result = init(target)
    assert result.exit_code == 2
    assert "tidak kosong" in result.output and "tidak pernah menimpa" in result.output
    assert files_of(target) == ["catatan.txt"] and not (target / ".git").exists()
    assert init(tmp_path / "ada/catatan.txt").exit_code == 2  # a file is no folder


def test_init_into_an_empty_folder_works(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    assert init(tmp_path / "kosong").exit_code == 0


def test_init_with_another_sop_validates_it_first(tmp_path: Path) -> None:
    sop = load_file(DEFAULT_SOP).data
    other = tmp_path / "sop-lain.yaml"
    other.write_text(DEFAULT_SOP.read_text("utf-8").replace("nomor: 61.1.D.049/I/2020", "nomor: 99.9/X/2026"))
    result = init(tmp_path / "a", "--sop", str(other))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a/records/sop/sop-lain.yaml").read_bytes() == other.read_bytes()
    assert "99.9/X/2026" in (tmp_path / "a/README.md").read_text("utf-8")
    assert sop["nomor"] == "61.1.D.049/I/2020"

    broken = tmp_path / "rusak.yaml"
    broken.write_text(
        DEFAULT_SOP.read_text("utf-8").replace("format: sop-kit/sop/1", "format: sop-kit/sop/1\nwarna: biru")
    )
    result = init(tmp_path / "b", "--sop", str(broken))
    assert result.exit_code == 2
    assert f"{broken}:" in result.output and "warna" in result.output
    assert not (tmp_path / "b").exists()
    assert "tidak ditemukan" in init(tmp_path / "c", "--sop", str(tmp_path / "tidak-ada.yaml")).output
    (tmp_path / "sop.yml").write_text(DEFAULT_SOP.read_text("utf-8"))
    assert ".yaml" in init(tmp_path / "d", "--sop", str(tmp_path / "sop.yml")).output


# --- the daily workflow in the new repository, with its own pre-commit hook -------------------


def test_first_case_commit_and_the_pre_commit_hook_for_real(tmp_path: Path) -> None:
    repo = tmp_path / "arsip"
    assert init(repo).exit_code == 0
    staff = repo / "records/staf.yaml"
    staff.write_text(uncomment_example(staff.read_text("utf-8")), "utf-8")
    run(["git", "config", "user.name", "Petugas Uji"], repo, tmp_path)
    run(["git", "config", "user.email", "petugas@contoh.go.id"], repo, tmp_path)
    run(["git", "config", "commit.gpgsign", "false"], repo, tmp_path)

    where = ["--kecamatan", "Campaka", "--desa", "Campakasari", "--mulai", "2026-03-02"]
    new = run(
        ["sop-kit", "new", "--root", "records", *where, "--judul", "Uji", "--oleh", "nama-petugas", "--no-input"],
        repo,
        tmp_path,
    )
    assert new.returncode == 0, new.stdout + new.stderr
    [case_file] = list((repo / "records/kasus/2026").glob("*/kasus.yaml"))
    shown = str(case_file.relative_to(repo))
    assert run(["sop-kit", "check", "records", "--no-trail"], repo, tmp_path).returncode == 0

    assert run(["git", "add", "-A"], repo, tmp_path).returncode == 0
    first = run(["git", "commit", "-q", "-m", "Arsip awal dan kasus pertama"], repo, tmp_path)
    assert first.returncode == 0, first.stderr
    assert run(["git", "status", "--porcelain"], repo, tmp_path).stdout == ""  # .gitignore covers nothing made yet

    hook = run(["pre-commit", "run", "--all-files"], repo, tmp_path)
    assert hook.returncode == 0, hook.stdout + hook.stderr
    assert "sop-kit check" in hook.stdout and "Passed" in hook.stdout

    # A record with a required key deleted: the hook fails and names the file.
    text = case_file.read_text("utf-8")
    assert "\njudul: " in text
    case_file.write_text("".join(line for line in text.splitlines(True) if not line.startswith("judul:")), "utf-8")
    hook = run(["pre-commit", "run", "--all-files"], repo, tmp_path)
    assert hook.returncode == 1
    assert "Failed" in hook.stdout and shown in hook.stdout and "judul" in hook.stdout

    # Installed as a git hook, it stops the commit itself.
    assert run(["pre-commit", "install"], repo, tmp_path).returncode == 0
    run(["git", "add", shown], repo, tmp_path)
    blocked = run(["git", "commit", "-q", "-m", "judul dihapus"], repo, tmp_path)
    assert blocked.returncode != 0 and shown in blocked.stdout + blocked.stderr
    assert run(["git", "rev-list", "--count", "HEAD"], repo, tmp_path).stdout.strip() == "1"


def test_pre_commit_accepts_the_generated_config_and_the_shipped_hook_manifest(arsip: Path, tmp_path: Path) -> None:
    config = run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], arsip, tmp_path)
    assert config.returncode == 0, config.stdout + config.stderr
    manifest = run(["pre-commit", "validate-manifest", ".pre-commit-hooks.yaml"], REPO, tmp_path)
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "sop-kit-check" and hook["language"] == "python"
    assert (hook["entry"], hook["args"], hook["pass_filenames"]) == ("sop-kit check", ["records", "--no-trail"], False)
    [local] = yaml.safe_load((arsip / ".pre-commit-config.yaml").read_text("utf-8"))["repos"]
    assert local["repo"] == "local"
    [hook] = local["hooks"]
    assert hook["id"] == "sop-kit-check" and hook["language"] == "system"
    assert hook["entry"] == "sop-kit check records --no-trail"


# --- CI files ---------------------------------------------------------------------------------


def vendored(name: str) -> dict[str, Any]:
    text = (resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def workflow(arsip: Path) -> dict[str, Any]:
    data: dict[Any, Any] = yaml.safe_load((arsip / ".github/workflows/sop-kit.yml").read_text("utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
    return data


def test_github_workflow_is_valid_and_publishes_from_main_only(arsip: Path) -> None:
    data = workflow(arsip)
    jsonschema.Draft7Validator(vendored("github-workflows.json")).validate(data)
    assert {"push", "pull_request"} <= set(data["on"])
    steps = {job: [s.get("run", "") for s in spec["steps"]] for job, spec in data["jobs"].items()}
    assert "sop-kit check records --format github" in steps["check"]
    assert "sop-kit build records --out site" in steps["site"]
    for job in ("check", "site"):
        checkout = data["jobs"][job]["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in data["jobs"]["site"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    deploy = data["jobs"]["deploy"]
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert upload["if"] == main_only and deploy["if"] == main_only
    assert deploy["needs"] == "site" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"  # survived templating
    assert data["permissions"] == {"contents": "read"}
    assert data["env"]["SOP_KIT_PACKAGE"].startswith("sop-kit==")


def test_gitlab_ci_is_valid_and_publishes_pages_from_the_default_branch(arsip: Path) -> None:
    data: dict[str, Any] = yaml.safe_load((arsip / ".gitlab-ci.yml").read_text("utf-8"))
    jsonschema.Draft7Validator(vendored("gitlab-ci.json")).validate(data)  # the schema has no remote $ref
    assert data["variables"]["GIT_DEPTH"] == "0"
    assert data["variables"]["SOP_KIT_PACKAGE"].startswith("sop-kit==")
    assert 'pip install -q "$SOP_KIT_PACKAGE"' in data["default"]["before_script"]
    assert "sop-kit check records --format text" in data["check"]["script"]
    assert data["check"]["artifacts"]["paths"] == ["sop-kit-check.json"]
    pages = data["pages"]
    assert pages["script"] == ["sop-kit build records --out public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    triggers = [rule["if"] for rule in data["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in triggers and "$CI_COMMIT_BRANCH" in triggers


def test_the_ci_schemas_do_reject_a_broken_file(arsip: Path) -> None:
    data = workflow(arsip)
    data["jobs"]["check"]["runs-on-typo"] = "ubuntu-latest"
    assert not jsonschema.Draft7Validator(vendored("github-workflows.json")).is_valid(data)
    gitlab: dict[str, Any] = yaml.safe_load((arsip / ".gitlab-ci.yml").read_text("utf-8"))
    gitlab["pages"]["artifacts"]["paths"] = "public"  # must be a list
    assert not jsonschema.Draft7Validator(vendored("gitlab-ci.json")).is_valid(gitlab)


def test_every_wrong_profile_answer_is_said_at_once_and_nothing_is_made(tmp_path: Path) -> None:
    """A hurried admin learnt of one wrong answer per run (the postcode, then the e-mail, then
    the website typed as printed on letters, without https://)."""
    target = tmp_path / "arsip"
    result = init(target, "--kode-pos", "4115", "--email", "bukan-surel")
    assert result.exit_code == 2 and not target.exists()
    assert "profil kantor tidak sah: kode_pos ('4115'); email ('bukan-surel')" in result.output, result.output
    result = init(target, "--kode-pos", "41151", "--laman", "dinsos.purwakartakab.go.id")  # the later --laman counts
    assert result.exit_code == 0, result.output
    assert load_file(target / "sop-kit.yaml").data["kantor"]["laman"] == "https://dinsos.purwakartakab.go.id"
