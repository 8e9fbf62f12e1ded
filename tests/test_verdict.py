"""One verdict per case that the people it judges cannot change: forgeries tried on a copy of
the signed demo archive as a hostile clerk would, each reported by `sop-kit check` with default
settings and the same on the case page, in the dossier and in the JSON report."""

from __future__ import annotations

import hashlib
import html as htmllib
import json
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from PIL import Image
from pypdf import PdfReader

from sop_kit.bag.export import BagOptions, export_bag
from sop_kit.check.audit import audit, audit_case
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.demo.build import build_demo
from sop_kit.pdf.templating import tanggal
from sop_kit.records.fieldtypes import WIB
from sop_kit.trail.findings import NOT_APPROVED

from .conftest import REPO, DemoSite

OPEN = "2026-05-cibuntu-kpnv"  # step 2 under way: a decision still to be taken
RUNNING = "2026-05-cisalada-f4kt"  # step 4 started, not done
CLOSED = "2025-08-cibening-dhaq"  # closed and clean
OTHER = "2025-10-sukadami-qtdh"  # closed and clean too
STEP5 = "2026-04-ciherang-7wzz"  # step 5 under way
FORGED = "2026-02-campakasari-5jgz"  # planted: a decision signed by a clerk's key
UNSIGNED = "2026-01-ciseureuh-h7oz"  # planted: an approval without a signature
SOP_FILE = "records/sop/61.1.D.049-I-2020.yaml"
NAMES = {
    "rizki-ramadhan": "Rizki Ramadhan, A.Md. (fiktif)",
    "agus-permana": "Agus Permana, S.Sos. (fiktif)",
    "hendra-gunawan": "Drs. Hendra Gunawan, M.Si. (fiktif)",
    "dewi-lestari": "Dewi Lestari, S.Kesos. (fiktif)",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("verdict") / "arsip", REPO / "records").target


@pytest.fixture
def top(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo repository, its keys included, for one test to tamper with."""
    copy = tmp_path / "arsip"
    shutil.copytree(demo, copy, symlinks=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SOP_KIT_SIGNATURES", raising=False)
    monkeypatch.delenv("SOP_KIT_TRUST_ROOT", raising=False)
    return copy


def git(top: Path, *args: str, env: dict[str, str] | None = None) -> str:
    base = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    full = {**base, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "HOME": str(top.parent), **(env or {})}
    run = subprocess.run(["git", "-C", str(top), *args], capture_output=True, text=True, env=full, check=True)
    return run.stdout.strip()


def commit(top: Path, message: str, signer: str | None, author: str, when: str, author_when: str | None = None) -> str:
    """Commit everything, signed with ``signer``'s demo key (None: unsigned), under ``author``'s name."""
    name = NAMES.get(author, author)
    env = {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": f"{author}@contoh.id",
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": f"{author}@contoh.id",
        "GIT_AUTHOR_DATE": author_when or when,
        "GIT_COMMITTER_DATE": when,
    }
    git(top, "add", "-A")
    if signer:
        key = top / ".kunci-demo" / signer
        git(top, "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "-S", "-q", "-m", message, env=env)
    else:
        git(top, "-c", "commit.gpgsign=false", "commit", "-q", "-m", message, env=env)
    return git(top, "rev-parse", "HEAD")


def check(top: Path) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(main, ["check", str(top / "records"), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def step(top: Path, case: str, no: int, *args: str, refused: tuple[str, ...] = ()) -> Result:
    """``sop-kit step``, which succeeds, or is refused naming each error code of ``refused``
    (the record is then written and not committed, as the clerk is told)."""
    result = CliRunner().invoke(main, ["step", case, str(no), "--root", str(top / "records"), *args])
    assert result.exit_code == (1 if refused else 0), result.output
    for code in refused:
        assert f"galat[{code}]" in result.output, result.output
    return result


def a_pdf(path: Path, shade: int) -> Path:
    Image.new("L", (120, 160), shade).save(path, "PDF")
    return path


def errors_of(findings: list[dict[str, Any]], case: str | None) -> set[tuple[object, object]]:
    return {
        (f["code"], str(f["file"]).rsplit("/", 1)[-1])
        for f in findings
        if f["case"] == case and f["severity"] == "error"
    }


def decide(top: Path, tmp_path: Path, who: str, refused: tuple[str, ...] = ()) -> None:
    """Step 2 of the open case, done and decided 'ya' by ``who`` (as the clerk types it)."""
    pdf = a_pdf(tmp_path / "verifikasi.pdf", 90)
    args = ("--pelaksana", who, "--selesai", "2026-05-06 10:50", "--keputusan", "ya", "--lampir", str(pdf))
    step(top, OPEN, 2, *args, refused=refused)


def refer(top: Path, when: str) -> None:
    """Step 4 of the running case done by Dewi at ``when``, with its Surat rujukan."""
    step(
        top,
        RUNNING,
        4,
        "--pelaksana",
        "dewi-lestari",
        "--selesai",
        when,
        "--lampir",
        str(a_pdf(top.parent / "rujukan.pdf", 70)),
    )


def widen_the_sop(top: Path) -> str:
    """A clerk adds her own role to step 2 of the SOP, signed with her own key."""
    sop = top / SOP_FILE
    text = sop.read_text("utf-8")
    assert "    pelaksana: [kasi-pkk]\n    kelengkapan: Dokumen/Data\n    dokumen_wajib: [dokumen-data]" in text
    sop.write_text(
        text.replace(
            "    pelaksana: [kasi-pkk]\n    kelengkapan: Dokumen/Data",
            "    pelaksana: [kasi-pkk, pelaksana]\n    kelengkapan: Dokumen/Data",
            1,
        ),
        "utf-8",
    )
    return commit(
        top, "SOP: langkah 2 juga oleh pelaksana", "rizki-ramadhan", "rizki-ramadhan", "2026-05-20T09:00:00+07:00"
    )


def switch_signatures_off(top: Path) -> str:
    settings = top / "sop-kit.yaml"
    settings.write_text(settings.read_text("utf-8").replace("tanda_tangan: wajib", "tanda_tangan: laporkan"), "utf-8")
    return commit(top, "pengaturan", None, "rizki-ramadhan", "2026-05-20T10:00:00+07:00")


def replace_the_sk(top: Path, tmp_path: Path) -> str:
    """The SK of a closed, approved case swapped for another file, its hash updated to match."""
    case = next((top / "records" / "kasus").glob(f"*/{CLOSED}"))
    record = next((case / "langkah").glob("03-*.yaml"))
    text = record.read_text("utf-8")
    path = re.search(r"berkas: (lampiran/03-[^\n]+\.pdf)", text)
    old = re.search(r"sha256: \"?([0-9a-f]{64})", text)
    assert path and old
    new = a_pdf(case / path.group(1), 30)
    digest = __import__("hashlib").sha256(new.read_bytes()).hexdigest()
    record.write_text(text.replace(old.group(1), digest), "utf-8")
    return commit(top, "SK diperbarui", "dewi-lestari", "dewi-lestari", "2026-05-20T11:00:00+07:00")


def test_a_clerk_cannot_widen_the_sop_to_decide_herself(top: Path, tmp_path: Path) -> None:
    code, before = check(top)
    assert ("trail.wrong_role", "02-verifikasi-validasi.yaml") in errors_of(before, FORGED)
    sop_commit = widen_the_sop(top)
    # The step command judges by the SOP in force, as check does, and says why the SOP on disk
    # does not count; the clerk commits anyway.
    decide(top, tmp_path, "rizki-ramadhan", refused=("step.wrong_role", "trail.unauthorised_change"))
    decision = commit(top, f"kasus {OPEN}: langkah 2", "rizki-ramadhan", "rizki-ramadhan", "2026-05-20T09:30:00+07:00")
    code, found = check(top)
    assert code == 1
    (change,) = [f for f in found if f["code"] == "trail.unauthorised_change"]
    assert change["file"].endswith(SOP_FILE) and change["severity"] == "error"
    assert change["params"]["commit"] == sop_commit[:10] and change["params"]["who"] == NAMES["rizki-ramadhan"]
    assert {
        ("trail.wrong_role", "02-verifikasi-validasi.yaml"),
        ("step.wrong_role", "02-verifikasi-validasi.yaml"),
    } <= errors_of(found, OPEN)
    assert [f["params"]["commit"] for f in found if f["code"] == "trail.wrong_role" and f["case"] == OPEN] == [
        decision[:10]
    ]
    # The planted forgery elsewhere is judged exactly as before, by the SOP in force.
    assert errors_of(found, FORGED) == errors_of(before, FORGED)
    judged = audit(top / "records", CheckOptions(use_cache=False))
    assert judged.archive.sops[("61.1.D.049/I/2020", 0)].step(2).pelaksana == ["kasi-pkk"]
    assert any(f.code == "governed.not_in_force" for f in judged.archive.findings) is False  # committed: no local edit


def test_an_unsigned_commit_cannot_switch_signatures_off(top: Path, tmp_path: Path) -> None:
    settings = switch_signatures_off(top)
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", None, "agus-permana", "2026-05-20T10:30:00+07:00")
    code, found = check(top)
    assert code == 1
    (change,) = [f for f in found if f["code"] == "trail.unauthorised_change"]
    assert change["file"] == "sop-kit.yaml" and change["params"]["commit"] == settings[:10]
    # An unsigned commit has no signer to name: the message says it is unsigned by an admin.
    assert "tidak ditandatangani pemegang admin_arsip" in change["message"]
    assert "penanda tangan" not in change["message"]
    assert ("trail.unverified", "02-verifikasi-validasi.yaml") in errors_of(found, OPEN)
    # Made by the Kepala Dinas (admin_arsip), the same change counts, from the next commit on.
    settings_file = top / "sop-kit.yaml"
    settings_file.write_text(settings_file.read_text("utf-8") + "# disahkan\n", "utf-8")
    commit(top, "pengaturan: laporkan", "hendra-gunawan", "hendra-gunawan", "2026-05-21T08:00:00+07:00")
    refer(top, "2026-05-21 09:00")
    commit(top, f"kasus {RUNNING}: langkah 4", None, "dewi-lestari", "2026-05-21T09:30:00+07:00")
    _, after = check(top)
    unsigned = [f for f in after if f["code"] == "trail.unverified" and f["case"] == RUNNING]
    assert [f["severity"] for f in unsigned] == ["info"]


def test_a_document_replaced_after_approval_fails_the_check(top: Path, tmp_path: Path) -> None:
    code, before = check(top)
    assert errors_of(before, CLOSED) == set()
    swap = replace_the_sk(top, tmp_path)
    code, found = check(top)
    assert code == 1
    # Both the record (its hash) and the document it names changed after approval: errors both.
    changed = [f for f in found if f["code"] == "trail.changed_after_approval" and f["case"] == CLOSED]
    assert {f["severity"] for f in changed} == {"error"} and {f["params"]["commit"] for f in changed} == {swap[:10]}
    assert any(str(f["params"]["path"]).startswith("lampiran/03-") for f in changed)
    # The office may soften it, in a commit signed by an admin_arsip; it is still reported.
    settings = top / "sop-kit.yaml"
    settings.write_text(settings.read_text("utf-8") + "diubah_setelah_disetujui: peringatan\n", "utf-8")
    commit(top, "pengaturan", "hendra-gunawan", "hendra-gunawan", "2026-05-21T08:00:00+07:00")
    _, softened = check(top)
    softer = {f["severity"] for f in softened if f["code"] == "trail.changed_after_approval" and f["case"] == CLOSED}
    assert softer == {"warning"}


def test_a_merge_brings_no_approval_its_signer_could_not_give(top: Path, tmp_path: Path) -> None:
    git(top, "checkout", "-q", "-b", "cabang")
    decide(top, tmp_path, "agus-permana")  # recorded as the Kasi's decision, signed by a clerk
    commit(top, f"kasus {OPEN}: langkah 2", "rizki-ramadhan", "rizki-ramadhan", "2026-05-20T09:00:00+07:00")
    git(top, "checkout", "-q", "main")
    (top / "records" / "catatan.txt").write_text("ringkasan rapat\n", "utf-8")
    commit(top, "catatan rapat", "dewi-lestari", "dewi-lestari", "2026-05-20T12:00:00+07:00")
    env = {"GIT_COMMITTER_DATE": "2026-05-21T08:00:00+07:00", "GIT_AUTHOR_DATE": "2026-05-21T08:00:00+07:00"}
    key = top / ".kunci-demo" / "hendra-gunawan"
    signing = [
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={key}",
        "-c",
        "user.name=Hendra",
        "-c",
        "user.email=h@x.id",
    ]
    git(top, *signing, "merge", "-S", "-q", "--no-ff", "-m", "gabung", "cabang", env=env)
    code, found = check(top)
    assert code == 1
    assert ("trail.wrong_role", "02-verifikasi-validasi.yaml") in errors_of(found, OPEN)


def test_a_change_slipped_into_a_merge_is_a_change_after_approval(top: Path, tmp_path: Path) -> None:
    git(top, "checkout", "-q", "-b", "cabang")
    (top / "records" / "catatan.txt").write_text("cabang\n", "utf-8")
    commit(top, "catatan", "dewi-lestari", "dewi-lestari", "2026-05-20T09:00:00+07:00")
    git(top, "checkout", "-q", "main")
    env = {"GIT_COMMITTER_DATE": "2026-05-21T08:00:00+07:00", "GIT_AUTHOR_DATE": "2026-05-21T08:00:00+07:00"}
    key = top / ".kunci-demo" / "dewi-lestari"
    git(
        top,
        "-c",
        "user.name=Dewi",
        "-c",
        "user.email=d@contoh.id",
        "merge",
        "-q",
        "--no-ff",
        "--no-commit",
        "cabang",
        env=env,
    )
    case = next((top / "records" / "kasus").glob(f"*/{CLOSED}"))
    record = next((case / "langkah").glob("03-*.yaml"))
    record.write_text(
        record.read_text("utf-8").replace("status: selesai", "status: selesai\ncatatan: diubah diam-diam"), "utf-8"
    )
    git(top, "add", "-A")
    signing = [
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={key}",
        "-c",
        "user.name=Dewi",
        "-c",
        "user.email=d@x.id",
    ]
    git(top, *signing, "commit", "-S", "-q", "-m", "gabung", env=env)
    code, found = check(top)
    assert code == 1
    assert ("trail.changed_after_approval", record.name) in errors_of(found, CLOSED)


def test_a_key_removed_from_the_registry_signs_nothing(top: Path, tmp_path: Path) -> None:
    staff = top / "records" / "staf.yaml"
    text = staff.read_text("utf-8")
    start = text.index("  - id: agus-permana")
    line = re.compile(r"    kunci_ssh: \[[^\]]*\]\n|    kunci_ssh:\n(?:      - .*\n)+")
    found_key = line.search(text, start)
    assert found_key
    staff.write_text(text[: found_key.start()] + text[found_key.end() :], "utf-8")
    commit(top, "kunci Agus dicabut", "hendra-gunawan", "hendra-gunawan", "2026-05-20T08:00:00+07:00")
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", "agus-permana", "agus-permana", "2026-05-20T09:00:00+07:00")
    code, found = check(top)
    assert code == 1
    (unverified,) = [f for f in found if f["code"] == "trail.unverified" and f["case"] == OPEN]
    assert unverified["severity"] == "error" and "tidak terdaftar" in str(unverified["message"])


def _staff_change(top: Path, *args: str) -> None:
    """``sop-kit staf …`` on the main line, committed and signed by the Kepala Dinas (admin_staf)."""
    result = CliRunner().invoke(main, ["staf", *args, "--root", str(top / "records")])
    assert result.exit_code == 0, result.output
    commit(top, f"staf {args[0]}", "hendra-gunawan", "hendra-gunawan", "2026-05-20T08:00:00+07:00")


def _merged(top: Path, branch: str, pulled: bool) -> None:
    """``branch`` merged into main by a clerk (main the first parent), or, ``pulled``, as
    ``git pull`` on the branch's laptop merges it (the branch the first parent) before main
    takes the result as it is (a fast-forward push)."""
    env = {"GIT_COMMITTER_DATE": "2026-05-21T08:00:00+07:00", "GIT_AUTHOR_DATE": "2026-05-21T08:00:00+07:00"}
    signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={top / '.kunci-demo' / 'dewi-lestari'}",
               "-c", "user.name=Dewi", "-c", "user.email=d@x.id"]  # fmt: skip
    if pulled:
        git(top, "checkout", "-q", branch)
        git(top, *signing, "merge", "-S", "-q", "--no-ff", "-m", "pull", "main", env=env)
        git(top, "checkout", "-q", "main")
        git(top, "merge", "-q", "--ff-only", branch)
    else:
        git(top, *signing, "merge", "-S", "-q", "--no-ff", "-m", "gabung", branch, env=env)


@pytest.mark.parametrize("pulled", [False, True], ids=["merged-into-main", "pulled-on-the-laptop"])
@pytest.mark.parametrize("revoked", ["key", "tenure"], ids=["key-revoked", "tenure-ended"])
def test_a_revocation_binds_a_branch_begun_before_it(top: Path, tmp_path: Path, revoked: str, pulled: bool) -> None:
    """The Kasi's laptop is stolen (his key revoked) or he leaves (his tenure ended) on the main
    line, signed by the Kepala Dinas; on the laptop's clone, begun before, a decision is signed
    with his key, dated before, and merged: by a clerk, or by ``git pull`` on the laptop, which
    makes its own branch the main line. History does not say which came first, so the
    revocation binds the signature: not verified, his name shown."""
    git(top, "branch", "laptop")
    if revoked == "key":
        _staff_change(top, "ubah", "agus-permana", "--cabut-kunci", str(top / ".kunci-demo" / "agus-permana.pub"))
        assert "kunci_ssh: []" in (top / "records" / "staf.yaml").read_text("utf-8")
    else:
        _staff_change(top, "akhiri", "agus-permana", "--sampai", "2026-05-19")
    git(top, "checkout", "-q", "laptop")
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", "agus-permana", "agus-permana", "2026-05-19T09:00:00+07:00")
    git(top, "checkout", "-q", "main")
    _merged(top, "laptop", pulled)
    code, found = check(top)
    assert code == 1
    (unverified,) = [f for f in found if f["case"] == OPEN]
    assert unverified["code"] == "trail.unverified", unverified
    assert "dicabut di staf.yaml pada cabang yang digabung dengan commit ini" in str(unverified["message"])
    trail = CliRunner().invoke(main, ["trail", OPEN, "--root", str(top / "records")]).output
    assert "Agus Permana" in trail and "tidak terverifikasi" in trail, trail
    if revoked == "key" and pulled:  # one variant through every surface (a site and PDFs are built)
        same_on_every_surface(top, tmp_path, found, [(OPEN, "trail.unverified")])


def test_what_a_branch_never_knew_is_not_revoked_by_it(top: Path, tmp_path: Path) -> None:
    """A registry change on a long-lived branch binds only by what it took away. On the main
    line the Kasi registers his new laptop's key and decides step 2 with it; on a branch begun
    before, the Kepala Dinas adds a person. The branch's registry never listed the new key:
    that is no revocation, and the decision stands."""
    git(top, "branch", "kantor-lama")
    new_key = top / ".kunci-demo" / "agus-baru"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "agus", "-f", str(new_key)], check=True)
    _staff_change(top, "ubah", "agus-permana", "--kunci", f"{new_key}.pub")
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", "agus-baru", "agus-permana", "2026-05-20T09:00:00+07:00")
    git(top, "checkout", "-q", "kantor-lama")
    _staff_change(top, "tambah", "nina-marlina", "--nama", "Nina Marlina, S.Sos.", "--nip", "199201152019032007",
                  "--jabatan", "Pengelola Data", "--peran", "pelaksana", "--mulai", "2026-05-18")  # fmt: skip
    git(top, "checkout", "-q", "main")
    _merged(top, "kantor-lama", pulled=False)
    assert [f for f in check(top)[1] if f["case"] == OPEN] == []


def test_a_revoked_administrators_key_changes_no_sop_on_a_branch_begun_before(top: Path, tmp_path: Path) -> None:
    """The same binding for the governed files: the Kepala Dinas (admin_sop) revokes his own
    key after losing his laptop; on the laptop's clone, begun before, his key signs a change of
    the SOP (a clerk may now decide step 2), pulled and pushed. The change does not count."""
    git(top, "branch", "laptop")
    _staff_change(top, "ubah", "hendra-gunawan", "--cabut-kunci", str(top / ".kunci-demo" / "hendra-gunawan.pub"))
    git(top, "checkout", "-q", "laptop")
    sop = top / SOP_FILE
    sop.write_text(sop.read_text("utf-8").replace("    pelaksana: [kasi-pkk]\n    kelengkapan: Dokumen/Data",
                                                  "    pelaksana: [kasi-pkk, pelaksana]\n    kelengkapan: Dokumen/Data",
                                                  1), "utf-8")  # fmt: skip
    changed = commit(top, "SOP: langkah 2 juga oleh pelaksana", "hendra-gunawan", "hendra-gunawan",
                     "2026-05-19T09:00:00+07:00")  # fmt: skip
    git(top, "checkout", "-q", "main")
    _merged(top, "laptop", pulled=True)
    found = check(top)[1]
    (unauthorised,) = [f for f in found if f["code"] == "trail.unauthorised_change"]
    assert unauthorised["file"].endswith(SOP_FILE) and unauthorised["params"]["commit"] == changed[:10]
    judged = audit(top / "records", CheckOptions(use_cache=False))
    assert judged.archive.sops[("61.1.D.049/I/2020", 0)].step(2).pelaksana == ["kasi-pkk"]


def test_a_registry_change_alongside_that_revokes_nothing_binds_nothing(top: Path, tmp_path: Path) -> None:
    """The same branch while the main line only adds a person: the decision stands."""
    git(top, "branch", "laptop")
    _staff_change(top, "tambah", "nina-marlina", "--nama", "Nina Marlina, S.Sos.", "--nip", "199201152019032007",
                  "--jabatan", "Pengelola Data", "--peran", "pelaksana", "--mulai", "2026-05-18")  # fmt: skip
    git(top, "checkout", "-q", "laptop")
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", "agus-permana", "agus-permana", "2026-05-19T09:00:00+07:00")
    git(top, "checkout", "-q", "main")
    _merged(top, "laptop", pulled=True)
    found = check(top)[1]
    assert [f for f in found if f["case"] == OPEN] == []
    assert "nina-marlina" in (top / "records" / "staf.yaml").read_text("utf-8")


def test_a_backdated_approval_is_an_error(top: Path, tmp_path: Path) -> None:
    """Signed by the Kasi, but dated a year back, before his appointment to the role: the time
    counts from history, and the date written by hand is itself an error of the case."""
    decide(top, tmp_path, "agus-permana")
    commit(top, f"kasus {OPEN}: langkah 2", "agus-permana", "agus-permana", "2025-05-06T11:00:00+07:00")
    code, found = check(top)
    assert code == 1
    assert ("trail.backdated", "kasus.yaml") in errors_of(found, OPEN)
    assert not [f for f in found if f["case"] == OPEN and f["code"] in ("trail.unverified", "trail.wrong_role")]
    same_on_every_surface(top, tmp_path, found, [(OPEN, "trail.backdated")])  # the bag's trail file keeps both dates


def test_a_forged_signer_with_an_early_author_date_is_an_error(top: Path, tmp_path: Path) -> None:
    decide(top, tmp_path, "agus-permana")
    commit(
        top,
        f"kasus {OPEN}: langkah 2",
        "rizki-ramadhan",
        "agus-permana",
        "2026-05-20T09:00:00+07:00",
        "2025-01-01T09:00:00+07:00",
    )
    code, found = check(top)
    assert code == 1
    assert ("trail.wrong_role", "02-verifikasi-validasi.yaml") in errors_of(found, OPEN)


def page_text(site: Path, case: str) -> str:
    html = next(site.glob(f"kasus/*/{case}/index.html")).read_text("utf-8")
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(path).pages))


def test_every_forgery_shows_the_same_on_the_case_page_and_in_the_dossier(top: Path, tmp_path: Path) -> None:
    widen_the_sop(top)
    decide(top, tmp_path, "rizki-ramadhan", refused=("step.wrong_role",))
    commit(top, f"kasus {OPEN}: langkah 2", "rizki-ramadhan", "rizki-ramadhan", "2026-05-20T09:30:00+07:00")
    switch_signatures_off(top)
    refer(top, "2026-05-20 10:40")
    commit(top, f"kasus {RUNNING}: langkah 4", None, "dewi-lestari", "2026-05-20T10:45:00+07:00")
    replace_the_sk(top, tmp_path)
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(top / "records"), "--out", str(site), "-q"])
    assert result.exit_code == 0, result.output
    _, found = check(top)
    for case in (OPEN, RUNNING, CLOSED, FORGED, UNSIGNED):
        errors = [f for f in found if f["case"] == case and f["severity"] == "error"]
        assert errors, case
        page = page_text(site, case)
        dossier = pdf_text(next(site.glob(f"pdf/kasus/{case}/berkas-pembinaan-{case}.pdf")))
        assert f"Tidak sesuai SOP — {len(errors)} galat" in page, case
        assert f"TIDAK SESUAI SOP: {len(errors)} galat" in dossier, case
        for f in errors:
            words = re.sub(r"\s+", " ", str(f["message"]))
            assert words in page, (case, words)
            assert words.replace(" ", "") in dossier.replace(" ", ""), (case, words)  # PDF lines break anywhere
        assert "(no_role)" not in dossier and "(unsigned)" not in dossier and " error " not in dossier
    # The site names whose key signed the forged decision, beside the name the commit claims.
    forged = page_text(site, FORGED)
    assert NAMES["rizki-ramadhan"] in forged and f"nama di commit: {NAMES['agus-permana']}" in forged
    # No draft SK designates a location on a decision nobody can vouch for.
    assert not list(site.glob(f"pdf/kasus/{FORGED}/sk-penetapan-*.pdf"))
    assert not list(site.glob(f"pdf/kasus/{OPEN}/sk-penetapan-*.pdf"))


def test_an_approved_record_edited_and_not_committed_shows_the_same_on_every_surface(top: Path, tmp_path: Path) -> None:
    """A closed, clean case whose approved step 6 note is edited on the laptop and not
    committed: check, status, the case page, the dossier and the bag all say the same errors."""
    record = next((top / "records" / "kasus").glob(f"*/{CLOSED}/langkah/06-*.yaml"))
    record.write_text(record.read_text("utf-8").replace("catatan:", "catatan: Ditambah tanpa commit.", 1), "utf-8")
    _, found = check(top)
    errors = sorted(str(f["message"]) for f in found if f["case"] == CLOSED and f["severity"] == "error")
    assert [f["code"] for f in found if f["case"] == CLOSED and f["severity"] == "error"] == ["trail.uncommitted"]
    site = tmp_path / "site"
    built = CliRunner().invoke(main, ["build", str(top / "records"), "--out", str(site), "-q"])
    assert built.exit_code == 0, built.output
    page = page_text(site, CLOSED)
    dossier = pdf_text(next(site.glob(f"pdf/kasus/{CLOSED}/berkas-pembinaan-{CLOSED}.pdf")))
    assert "Tidak sesuai SOP — 1 galat" in page and "TIDAK SESUAI SOP: 1 galat" in dossier
    for message in errors:
        words = re.sub(r"\s+", " ", message)
        assert words in page and words.replace(" ", "") in dossier.replace(" ", ""), words
    status = CliRunner().invoke(main, ["status", CLOSED, "--root", str(top / "records")], env={"SOP_KIT_LANG": "id"})
    assert "Putusan: TIDAK SESUAI SOP — 1 galat" in status.output, status.output
    judged = audit(top / "records")
    bag = export_bag(judged, CLOSED, BagOptions(tmp_path / "kasus.bag", date(2026, 6, 1), force=True))
    recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
    assert sorted(f["message"] for f in recorded if f["case"] == CLOSED and f["severity"] == "error") == errors


def test_every_surface_shows_the_same_verdict_for_every_case(demo_site: DemoSite, tmp_path: Path) -> None:
    """One verdict per case: check's JSON, status, the case page, the dossier, the case index,
    the findings export and the BagIt export all show the same errors, for every demo case."""
    judged = audit(demo_site.archive, CheckOptions(cache_dir=demo_site.cache))
    index = {r["id"]: r for r in json.loads((demo_site.site / "ekspor" / "kasus.json").read_text("utf-8"))["kasus"]}
    exported = json.loads((demo_site.site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    runner = CliRunner()
    assert len(judged.report.verdicts) == 18
    for verdict in judged.report.verdicts.values():
        case = verdict.case
        errors = sorted((f.code, f.message("id")) for f in verdict.findings if f.severity.value == "error")
        assert index[case]["galat"] == len(errors), case
        assert (
            sorted((f["code"], f["message"]) for f in exported if f["case"] == case and f["severity"] == "error")
            == errors
        )
        status = runner.invoke(main, ["status", case, "--root", str(demo_site.archive)], env={"SOP_KIT_LANG": "id"})
        assert status.exit_code == 0, status.output
        said = re.search(r"Putusan: TIDAK SESUAI SOP — (\d+) galat", status.output)
        assert (int(said.group(1)) if said else 0) == len(errors), (case, status.output)
        assert bool(said) != ("Putusan: sesuai SOP" in status.output)
        page = page_text(demo_site.site, case)
        dossier = pdf_text(demo_site.site / "pdf" / "kasus" / case / f"berkas-pembinaan-{case}.pdf")
        if errors:
            assert (
                f"Tidak sesuai SOP — {len(errors)} galat" in page
                and f"TIDAK SESUAI SOP: {len(errors)} galat" in dossier
            )
        else:
            assert "Sesuai SOP —" in page and "SESUAI SOP: tidak ada galat" in dossier and "TIDAK SESUAI" not in dossier
        for _, message in errors:
            words = re.sub(r"\s+", " ", message)
            assert words in page and words.replace(" ", "") in dossier.replace(" ", ""), (case, words)
        bag = export_bag(judged, case, BagOptions(tmp_path / f"{case}.bag", date(2026, 6, 1), force=True))
        recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
        assert (
            sorted((f["code"], f["message"]) for f in recorded if f["case"] == case and f["severity"] == "error")
            == errors
        )
    # The agenda's approvals waiting are the verdicts' steps without their doer's approval.
    args = ["agenda", "--root", str(demo_site.archive), "--tanggal", "2026-06-01", "--format", "json"]
    agenda = json.loads(runner.invoke(main, args).output)
    items = [i for p in agenda["staf"] for i in p["agenda"]] + agenda["tanpa_staf"]
    waiting = {(i["kasus"], i["langkah"]) for i in items if i["jenis"] == "persetujuan"}
    unapproved = {
        (v.case, f.params["no"]) for v in judged.report.verdicts.values() for f in v.findings if f.code in NOT_APPROVED
    }
    assert waiting == unapproved and len(unapproved) == 3, (waiting, unapproved)  # unsigned, forged, replaced


def test_the_new_forgeries_show_the_same_on_every_surface(top: Path, tmp_path: Path) -> None:
    """One file as two documents (doc.reused), an approval dated before the step's own end
    (trail.approved_before_done), a case stopped by someone who does not decide
    (case.stop_wrong_role) and a commit dated in 2099 before them all (trail.future_dated),
    each committed: check, status, the case page, the dossier and the bag say the same errors
    for each case, and no commit after the one of 2099 reads as backdated."""
    records = top / "records"
    five = next(records.glob(f"kasus/*/{STEP5}/langkah/05-*.yaml"))
    five.write_text(five.read_text("utf-8") + "# catatan\n", "utf-8")
    commit(top, f"kasus {STEP5}: catatan", None, "rizki-ramadhan", "2099-01-01T09:00:00+07:00")
    closed = next(records.glob(f"kasus/*/{CLOSED}"))
    six = next(closed.glob("langkah/06-*.yaml"))
    letter = closed / "lampiran" / "05-surat-koordinasi.pdf"
    digest = hashlib.sha256(letter.read_bytes()).hexdigest()
    listed = r'berkas: lampiran/06-daftar-hadir.pdf\n    sha256: "[0-9a-f]+"'
    text = re.sub(listed, f'berkas: lampiran/05-surat-koordinasi.pdf\n    sha256: "{digest}"', six.read_text("utf-8"))
    six.write_text(text, "utf-8")
    commit(top, f"kasus {CLOSED}: daftar hadir", "budi-santoso", "budi-santoso", "2026-05-20T09:00:00+07:00")
    four = next(records.glob(f"kasus/*/{RUNNING}/langkah/04-*.yaml"))
    four.write_text(four.read_text("utf-8").replace("status: berjalan", "status: selesai")
                    + "selesai: 2026-06-30 10:00\n", "utf-8")  # fmt: skip
    commit(top, f"kasus {RUNNING}: langkah 4", "yuni-kartika", "yuni-kartika", "2026-05-20T10:00:00+07:00")
    kasus = next(records.glob(f"kasus/*/{OPEN}/kasus.yaml"))
    kasus.write_text(kasus.read_text("utf-8") + "dihentikan:\n  status: batal\n  tanggal: 2026-05-20\n"
                     "  oleh: rizki-ramadhan\n  alasan: Data ganda\n", "utf-8")  # fmt: skip
    commit(top, f"kasus {OPEN}: dibatalkan", "rizki-ramadhan", "rizki-ramadhan", "2026-05-20T11:00:00+07:00")

    _, found = check(top)
    assert "trail.backdated" not in {f["code"] for f in found}
    forged = (CLOSED, "doc.reused"), (RUNNING, "trail.approved_before_done"), (OPEN, "case.stop_wrong_role")
    same_on_every_surface(top, tmp_path, found, (*forged, (STEP5, "trail.future_dated")))


def test_what_two_cases_share_is_an_error_of_both_on_every_surface(top: Path, tmp_path: Path) -> None:
    """A photo of one case's coaching recycled as another's (doc.other_case) and a letter number
    typed into a second case (nomor.two_cases) are errors of both cases, the same whether the
    archive or one case is asked: check, status, the case page, the dossier and the bag."""
    records = top / "records"
    honest, recycled = next(records.glob(f"kasus/*/{CLOSED}")), next(records.glob(f"kasus/*/{OTHER}"))
    photo = recycled / "foto" / "07-foto-02.jpg"
    before = hashlib.sha256(photo.read_bytes()).hexdigest()
    shutil.copyfile(honest / "foto" / "07-foto-01.jpg", photo)
    seven = next(recycled.glob("langkah/07-*.yaml"))
    seven.write_text(seven.read_text("utf-8").replace(before, hashlib.sha256(photo.read_bytes()).hexdigest()), "utf-8")
    number = re.search(r'^nomor_surat: "(.+)"$', next(honest.glob("langkah/05-*.yaml")).read_text("utf-8"), re.M)
    assert number is not None
    five = next(recycled.glob("langkah/05-*.yaml"))
    five.write_text(re.sub(r'^nomor_surat: ".+"$', f'nomor_surat: "{number.group(1)}"', five.read_text("utf-8"),
                           flags=re.M), "utf-8")  # fmt: skip
    commit(top, f"kasus {OTHER}: foto dan nomor", "dewi-lestari", "dewi-lestari", "2026-05-20T09:00:00+07:00")
    _, found = check(top)
    shared = [(case, code) for case in (CLOSED, OTHER) for code in ("doc.other_case", "nomor.two_cases")]
    same_on_every_surface(top, tmp_path, found, shared)
    line = next(f["line"] for f in found if f["case"] == OTHER and f["code"] == "doc.other_case")
    assert seven.read_text("utf-8").splitlines()[line - 1].strip() == "berkas: foto/07-foto-02.jpg"


def test_the_step_command_says_what_the_verdict_says(top: Path, tmp_path: Path) -> None:
    """A hurried clerk attaches a photo from the wrong folder: another case's. `sop-kit step`
    names it as `status` does (its check of the written record is the case's verdict, the
    cases it shares files with included), and exits 1."""
    records = top / "records"
    photo = tmp_path / "IMG_2031.jpg"
    shutil.copyfile(next(records.glob(f"kasus/*/{CLOSED}/foto/07-foto-01.jpg")), photo)
    args = ["--pelaksana", "agus-permana", "--selesai", "2026-05-06 10:50", "--keputusan", "ya", "--lampir", str(photo)]
    done = CliRunner().invoke(main, ["step", OPEN, "2", "--root", str(records), *args])
    assert done.exit_code == 1, done.output
    said = [line for line in done.output.splitlines() if "galat[" in line]
    assert len(said) == 1 and "galat[doc.other_case]" in said[0] and CLOSED in said[0], done.output
    status = CliRunner().invoke(main, ["status", OPEN, "--root", str(records), "--no-trail"])
    assert "Putusan: TIDAK SESUAI SOP — 1 galat" in status.output, status.output


def test_the_step_command_judges_by_the_registry_in_force(top: Path, tmp_path: Path) -> None:
    """A clerk gives himself the Kasi's role in staf.yaml, not committed, and decides step 2.
    `sop-kit step` read the working registry: "sesuai SOP", committed, while check refused the
    decision. It judges by the registry in force now, as status does, names staf.yaml as not
    in force, and commits nothing."""
    staff = top / "records" / "staf.yaml"
    text = staff.read_text("utf-8")
    at = text.index("        peran: [pelaksana]\n", text.index("  - id: rizki-ramadhan"))
    staff.write_text(text[:at] + "        peran: [pelaksana, kasi-pkk]\n" + text[at + 27 :], "utf-8")
    head = git(top, "rev-parse", "HEAD")
    registry = git(top, "log", "-1", "--format=%H", "--", "records/staf.yaml")
    pdf = a_pdf(tmp_path / "verifikasi.pdf", 90)
    args = ["--pelaksana", "rizki-ramadhan", "--selesai", "2026-05-06 10:50", "--keputusan", "ya", "--lampir", str(pdf)]
    done = CliRunner().invoke(main, ["step", OPEN, "2", "--root", str(top / "records"), *args, "--commit"])
    assert done.exit_code == 1, done.output
    said = [line for line in done.output.splitlines() if "galat[" in line or "peringatan[" in line]
    assert len(said) == 2 and "galat[step.wrong_role]" in said[0], done.output
    why = "versi berkas ini di folder kerja tidak berlaku: yang menilai kasus adalah versi sah dari commit"
    assert said[1].endswith(f"staf.yaml: peringatan[governed.not_in_force]: {why} {registry[:10]}"), said
    assert git(top, "rev-parse", "HEAD") == head
    status = CliRunner().invoke(main, ["status", OPEN, "--root", str(top / "records")])
    assert "Putusan: TIDAK SESUAI SOP" in status.output and "galat[step.wrong_role]" in status.output, status.output
    assert "Rizki Ramadhan, A.Md. (fiktif), yang pada 2026-05-06 tidak memegang peran" in said[0], said


def test_the_step_names_a_refused_registry_change_only_until_it_is_mended(top: Path, tmp_path: Path) -> None:
    """A clerk's self-given Kasi role, committed with his own key, is refused by history; the
    Kepala Dinas then restores staf.yaml with his signature. Months later a hurried clerk's step
    misses its document: the step named the old refusal beside it, as if it were the reason.
    While the working registry is the refused one, the step names the refusal, as before."""
    staff = top / "records" / "staf.yaml"
    honest = staff.read_text("utf-8")
    at = honest.index("        peran: [pelaksana]\n", honest.index("  - id: rizki-ramadhan"))
    staff.write_text(honest[:at] + "        peran: [pelaksana, kasi-pkk]\n" + honest[at + 27 :], "utf-8")
    commit(top, "staf: peran", "rizki-ramadhan", "rizki-ramadhan", "2026-05-06T08:00:00+07:00")
    args = ("--pelaksana", "agus-permana", "--selesai", "2026-05-06 10:50", "--keputusan", "ya")
    step(top, OPEN, 2, *args, refused=("doc.missing", "trail.registry_unauthorised"))
    git(top, "checkout", "-q", "--", "records")
    staff.write_text(honest, "utf-8")
    commit(top, "staf: dipulihkan", "hendra-gunawan", "hendra-gunawan", "2026-05-07T08:00:00+07:00")
    _, found = check(top)
    assert "trail.registry_unauthorised" in {f["code"] for f in found}  # history still says so
    later = step(top, OPEN, 2, *args, refused=("doc.missing",))
    said = [line for line in later.output.splitlines() if "galat[" in line or "peringatan[" in line]
    assert len(said) == 1 and "galat[doc.missing]" in said[0], later.output


def test_a_family_named_in_part_is_the_same_error_on_every_surface(top: Path, tmp_path: Path) -> None:
    """A hurried clerk's public note names a family member after "Bu" and another family's
    RT/RW: the step command, check, status, one case asked alone, the bag and the internal
    site give the same error; the public site is not built, and names the same line."""
    records = top / "records"
    case = "2026-04-gandasoli-2j7r"  # step 3 under way; families Jajang Nurjaman (Popon Rosita), Engkos Kosasih
    note = "Bu Popon dan keluarga di RT 05/RW 03 belum hadir"
    said = CliRunner().invoke(main, ["step", case, "3", "--root", str(records), "--catatan", note])
    assert said.exit_code == 1 and "galat[privacy.public_field]" in said.output, said.output
    _, found = check(top)
    mine = [f for f in found if f["case"] == case and f["severity"] == "error"]
    assert [f["code"] for f in mine] == ["privacy.public_field"], mine
    (message,) = [str(f["message"]) for f in mine]
    assert "Popon" not in message and message in said.output
    _one_error_everywhere(records, case, message, f"{Path(mine[0]['file']).name}:{mine[0]['line']}", tmp_path)


def test_a_step_approved_in_a_departed_doers_stead_is_approved_on_every_surface(top: Path, tmp_path: Path) -> None:
    """The planted unsigned step 6: the Kabid who did it leaves his post, and the Kasi, who holds
    the step's other role, approves it in his stead. Check, status, the case page, the dossier
    and the bag all say the case is as the SOP wants, and name who approved it."""
    staff = top / "records" / "staf.yaml"
    tenure = "        peran: [kabid]\n        mulai: 2020-07-01\n"
    assert staff.read_text("utf-8").count(tenure) == 1
    staff.write_text(staff.read_text("utf-8").replace(tenure, tenure + "        sampai: 2026-06-30\n"), "utf-8")
    commit(top, "staf: jabatan Kabid berakhir", "hendra-gunawan", "hendra-gunawan", "2026-07-01T08:00:00+07:00")
    six = next((top / "records").glob(f"kasus/*/{UNSIGNED}/langkah/06-*.yaml"))
    six.write_text(six.read_text("utf-8") + "disetujui: 2026-07-02 09:00\n", "utf-8")
    commit(top, f"kasus {UNSIGNED}: langkah 6 disetujui pengganti", "agus-permana", "agus-permana",
           "2026-07-02T09:00:00+07:00")  # fmt: skip
    _, found = check(top)
    assert [(f["code"], f["severity"]) for f in found if f["case"] == UNSIGNED] == [
        ("trail.approved_by_successor", "info")
    ]
    same_on_every_surface(top, tmp_path, found, [(UNSIGNED, "trail.approved_by_successor")])
    page = page_text(tmp_path / "site", UNSIGNED)
    dossier = pdf_text(next((tmp_path / "site").glob(f"pdf/kasus/{UNSIGNED}/berkas-pembinaan-{UNSIGNED}.pdf")))
    assert "langkah 6 disetujui pengganti pelaksananya" in page and "disetujui pengganti pelaksananya" in dossier


def test_a_step_recorded_done_and_not_committed_shows_the_same_on_every_surface(top: Path, tmp_path: Path) -> None:
    """The running case's step 4 marked done on the laptop and not committed: nobody approved
    it, and check, status, the case page, the dossier and the bag all say so."""
    four = next((top / "records").glob(f"kasus/*/{RUNNING}/langkah/04-*.yaml"))
    text = four.read_text("utf-8").replace("status: berjalan", "status: selesai", 1)
    four.write_text(text.replace("mulai: 2026-05-14 08:30", "mulai: 2026-05-14 08:30\nselesai: 2026-05-14 11:30", 1))
    _, found = check(top)
    same_on_every_surface(top, tmp_path, found, [(RUNNING, "trail.done_not_committed")])


def same_on_every_surface(top: Path, tmp_path: Path, found: list[dict[str, Any]], cases: Any) -> None:
    """For each (case, code): check's findings hold the code, and check, status (one case
    asked alone), the case page, the dossier and the bag give the same errors (or none)."""
    records = top / "records"
    site = tmp_path / "site"
    built = CliRunner().invoke(main, ["build", str(records), "--out", str(site), "-q"])
    assert built.exit_code == 0, built.output
    judged = audit(records)
    codes: dict[str, set[str]] = {}
    for case, code in cases:
        codes.setdefault(case, set()).add(code)
    for case, wanted in codes.items():
        errors = sorted(str(f["message"]) for f in found if f["case"] == case and f["severity"] == "error")
        assert wanted <= {f["code"] for f in found if f["case"] == case}, (case, errors)
        page = page_text(site, case)
        dossier = pdf_text(next(site.glob(f"pdf/kasus/{case}/berkas-pembinaan-{case}.pdf")))
        if errors:
            assert f"Tidak sesuai SOP — {len(errors)} galat" in page
            assert f"TIDAK SESUAI SOP: {len(errors)} galat" in dossier
        else:
            assert "Sesuai SOP —" in page and "SESUAI SOP: tidak ada galat" in dossier and "TIDAK SESUAI" not in dossier
        for message in errors:
            words = re.sub(r"\s+", " ", message)
            assert words in page and words.replace(" ", "") in dossier.replace(" ", ""), (case, words)
        status = CliRunner().invoke(main, ["status", case, "--root", str(records)], env={"SOP_KIT_LANG": "id"})
        verdict = f"Putusan: TIDAK SESUAI SOP — {len(errors)} galat" if errors else "Putusan: sesuai SOP"
        assert verdict in status.output, status.output
        assert all(message in status.output for message in errors), status.output  # each named, not only counted
        alone = audit_case(records, case)[0].report.verdict(case)
        assert (
            alone is not None
            and sorted(f.message("id") for f in alone.findings if f.severity.value == "error") == errors
        )
        bag = export_bag(judged, case, BagOptions(tmp_path / f"{case}.bag", date(2026, 6, 1), force=True))
        recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
        assert sorted(f["message"] for f in recorded if f["case"] == case and f["severity"] == "error") == errors


def test_the_dashboard_names_the_commit_it_was_built_from(top: Path, tmp_path: Path) -> None:
    """An inspector reading the public site can tell which state of the archive it shows, and
    repeat the check there; a site built from files not committed says it is a preview."""
    records, site = top / "records", tmp_path / "site"
    head = git(top, "rev-parse", "HEAD")

    def home(*extra: str) -> str:
        built = CliRunner().invoke(main, ["build", str(records), "--out", str(site), "--no-pdf", "-q", *extra])
        assert built.exit_code == 0, built.output
        html = (site / "index.html").read_text("utf-8")
        return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", html)))

    when = datetime.fromisoformat(git(top, "show", "-s", "--format=%cI", "HEAD")).astimezone(WIB)
    clean = home()
    assert f"Dibangun dari commit {head[:10]} ({tanggal(when)} {when:%H:%M} WIB), dengan sop-kit" in clean
    assert f"git checkout {head[:10]} lalu sop-kit check" in clean and "belum di-commit" not in clean
    step = next(records.glob(f"kasus/*/{RUNNING}/langkah/04-*.yaml"))
    recorded = step.read_text("utf-8")
    step.write_text(recorded + "catatan: belum di-commit\n", "utf-8")
    preview = home()
    assert f"commit {head[:10]} (" in preview and "ditambah perubahan yang belum di-commit" in preview
    step.write_text(recorded, "utf-8")
    assert "belum di-commit" not in home()
    where = ["--kecamatan", "Campaka", "--desa", "Campakasari", "--mulai", "2026-05-20", "--sop", "61.1.D.049/I/2020"]
    opened = CliRunner().invoke(main, ["new", "--root", str(records), *where, "--oleh", "rizki-ramadhan", "--no-input"])
    assert opened.exit_code == 0, opened.output
    assert "ditambah perubahan yang belum di-commit" in home()  # a case folder no commit holds yet
    assert "Dibangun dari commit" not in home("--no-trail")  # without git's history, no claim of a commit


def test_a_case_deleted_by_a_clerk_is_on_every_archive_surface_and_no_other_case(top: Path, tmp_path: Path) -> None:
    """A clerk's commit that deletes a closed case took its verdict off every surface: the check
    passed on what was left. Now the deletion is the archive's error on the check and the site,
    and no other case's: its status, page and bag (exported without --force) are unchanged."""
    shutil.rmtree(top / "records" / "kasus" / "2025" / OTHER)
    commit(top, "rapikan arsip lama", "dewi-lestari", "dewi-lestari", "2026-06-01T08:00:00+07:00")
    code, found = check(top)
    deleted = [f for f in found if f["code"] == "trail.case_deleted"]
    assert code == 1 and [(f["severity"], f["case"]) for f in deleted] == [("error", OTHER)]
    records, site = top / "records", tmp_path / "site"
    built = CliRunner().invoke(main, ["build", str(records), "--out", str(site), "--no-pdf", "-q"])
    assert built.exit_code == 0, built.output
    findings_page = htmllib.unescape((site / "temuan" / "index.html").read_text("utf-8"))
    assert f"kasus {OTHER} dihapus dari arsip" in findings_page and "Dewi Lestari" in findings_page
    exported = json.loads((site / "ekspor" / "temuan.json").read_text("utf-8"))["temuan"]
    assert [row["code"] for row in exported if row["code"].startswith("trail.case")] == ["trail.case_deleted"]
    assert errors_of(found, CLOSED) == set()
    history = CliRunner().invoke(main, ["trail", OTHER, "--root", str(records)], env={"SOP_KIT_LANG": "id"})
    assert history.exit_code == 0 and "[trail.case_deleted]" in history.output, (
        history.output
    )  # the auditor's next step
    assert history.output.startswith(f"Jejak persetujuan kasus {OTHER}")
    status = CliRunner().invoke(main, ["status", CLOSED, "--root", str(records)], env={"SOP_KIT_LANG": "id"})
    assert "Putusan: sesuai SOP" in status.output, status.output
    bag = export_bag(audit(records), CLOSED, BagOptions(tmp_path / "bag", date(2026, 6, 2)))
    recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
    assert not any(f["code"].startswith("trail.case") for f in recorded)


def test_a_case_moved_with_a_change_shows_the_change_where_it_now_is_on_every_surface(
    top: Path, tmp_path: Path
) -> None:
    """A closed case moved to another year's folder (as case.year_folder's hint says) keeps its
    approvals; a step note edited in the same unsigned commit is the one change after approval,
    named at the case's new place by check, status, the case page, the dossier and the bag."""
    records = top / "records"
    old = next(records.glob(f"kasus/*/{CLOSED}"))
    new = records / "kasus" / "2026" / CLOSED
    shutil.move(old, new)
    six = next(new.glob("langkah/06-*.yaml"))
    six.write_text(six.read_text("utf-8").replace("catatan: ", "catatan: (disunting) ", 1), "utf-8")
    commit(top, f"kasus {CLOSED}: pindah folder", None, "dewi-lestari", "2026-05-20T09:00:00+07:00")
    _, found = check(top)
    mine = [(f["code"], f["file"]) for f in found if f["case"] == CLOSED and f["code"].startswith("trail.")]
    assert [code for code, _ in mine] == ["trail.changed_after_approval"], mine
    assert mine[0][1].endswith(f"records/kasus/2026/{CLOSED}/langkah/{six.name}"), mine
    same_on_every_surface(top, tmp_path, found, [(CLOSED, "trail.changed_after_approval")])


def test_a_number_reserved_and_never_used_is_the_same_warning_on_every_surface(top: Path, tmp_path: Path) -> None:
    """A second SK number taken for a step completed with another (nomor.unused) is a warning
    of that case: the same in check, status, one case asked alone, the case page, the dossier
    and the bag."""
    records = top / "records"
    taken = CliRunner().invoke(main, ["nomor", "ambil", "sk-penetapan", "--kasus", CLOSED, "--oleh", "agus-permana",
                                      "--tanggal", "2026-05-20", "--lagi", "--root", str(records)])  # fmt: skip
    assert taken.exit_code == 0, taken.output
    commit(top, "nomor: SK kedua", "agus-permana", "agus-permana", "2026-05-20T09:00:00+07:00")
    _, found = check(top)
    (message,) = [str(f["message"]) for f in found if f["case"] == CLOSED and f["code"] == "nomor.unused"]
    status = CliRunner().invoke(main, ["status", CLOSED, "--root", str(records)], env={"SOP_KIT_LANG": "id"})
    assert "Putusan: sesuai SOP" in status.output and message in status.output, status.output
    alone = audit_case(records, CLOSED)[0].report.verdict(CLOSED)
    assert alone is not None and message in [f.message("id") for f in alone.findings if f.code == "nomor.unused"]
    bag = export_bag(audit(records), CLOSED, BagOptions(tmp_path / "kasus.bag", date(2026, 6, 1), force=True))
    recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
    assert [f["message"] for f in recorded if f["code"] == "nomor.unused"] == [message]
    site = tmp_path / "site"
    built = CliRunner().invoke(main, ["build", str(records), "--out", str(site), "-q"])
    assert built.exit_code == 0, built.output
    words = re.sub(r"\s+", " ", message)
    assert words in page_text(site, CLOSED)
    dossier = pdf_text(next(site.glob(f"pdf/kasus/{CLOSED}/berkas-pembinaan-{CLOSED}.pdf")))
    assert words.replace(" ", "") in dossier.replace(" ", "")


def test_a_file_named_after_the_family_is_the_same_error_on_every_surface(top: Path, tmp_path: Path) -> None:
    """A scan renamed by hand after the family it is about ("…-jajang-nurjaman.pdf"): the site
    would publish that name. check, status, one case asked alone, the bag and the internal site
    give the same error at the record's line; the public site is not built and names that line."""
    records = top / "records"
    case = "2026-04-gandasoli-2j7r"  # families Jajang Nurjaman (Popon Rosita), Engkos Kosasih
    (folder,) = records.glob(f"kasus/*/{case}")
    (record,) = folder.glob("langkah/01-*-putaran-2.yaml")  # round 2's data collection, not begun
    new = "lampiran/01-rekap-kk-jajang-nurjaman.pdf"
    shutil.copyfile(folder / "lampiran" / "01-rekap-data-rawan.pdf", folder / new)
    digest = hashlib.sha256((folder / new).read_bytes()).hexdigest()
    text = record.read_text("utf-8").replace("status: belum", "status: berjalan\nmulai: 2026-06-15 09:00", 1)
    record.write_text(f"{text}dokumen:\n  - jenis: dokumen-data\n    berkas: {new}\n    sha256: {digest}\n", "utf-8")
    commit(top, f"kasus {case}: langkah 1 putaran 2", "yuni-kartika", "yuni-kartika", "2026-06-15T10:00:00+07:00")
    _, found = check(top)
    mine = [f for f in found if f["case"] == case and f["severity"] == "error"]
    assert [f["code"] for f in mine] == ["privacy.file_name"], mine
    line = record.read_text("utf-8").splitlines().index(f"    berkas: {new}") + 1
    assert mine[0]["line"] == line
    (message,) = [str(f["message"]) for f in mine]
    assert "jajang" not in message.lower()
    _one_error_everywhere(records, case, message, f"{record.name}:{line}", tmp_path)


def _one_error_everywhere(records: Path, case: str, message: str, where: str, tmp_path: Path) -> None:
    """``message`` is the case's one error in status, the case asked alone, the bag and the
    internal site; the public site is not built, its refusal naming ``where`` (file:line)."""
    status = CliRunner().invoke(main, ["status", case, "--root", str(records)], env={"SOP_KIT_LANG": "id"})
    assert "Putusan: TIDAK SESUAI SOP — 1 galat" in status.output and message in status.output, status.output
    alone = audit_case(records, case)[0].report.verdict(case)
    assert alone is not None and [f.message("id") for f in alone.findings if f.severity.value == "error"] == [message]
    bag = export_bag(audit(records), case, BagOptions(tmp_path / "kasus.bag", date(2026, 6, 1), force=True))
    recorded = json.loads((bag / "data" / "temuan-ekspor.json").read_text("utf-8"))["findings"]
    assert [f["message"] for f in recorded if f["case"] == case and f["severity"] == "error"] == [message]
    internal = tmp_path / "intern"
    built = CliRunner().invoke(main, ["build", str(records), "--internal", "--out", str(internal), "--no-pdf", "-q"])
    assert built.exit_code == 0, built.output
    page = page_text(internal, case)
    assert "Tidak sesuai SOP — 1 galat" in page and re.sub(r"\s+", " ", message) in page
    public = CliRunner().invoke(main, ["build", str(records), "--out", str(tmp_path / "site"), "--no-pdf", "-q"])
    assert public.exit_code != 0 and where in public.output, public.output
    assert not (tmp_path / "site").exists()


def test_a_scan_git_never_held_shows_the_same_on_every_surface(top: Path, tmp_path: Path) -> None:
    """Step 5 recorded with its letter while this computer ignores '*.pdf', and committed by its
    doer without it: approved, and the letter in no copy but this one. Every surface made here
    says so, as a clone's missing file does there."""
    (top / ".git" / "info").mkdir(exist_ok=True)
    (top / ".git" / "info" / "exclude").write_text("*.pdf\n", "utf-8")
    letter = tmp_path / "surat-koordinasi.pdf"
    Image.new("RGB", (200, 280), "white").save(letter, "PDF")
    recorded = CliRunner().invoke(
        main,
        ["step", STEP5, "5", "--root", str(top / "records"), "--pelaksana", "budi-santoso",
         "--mulai", "2026-04-22 09:00", "--selesai", "2026-04-22 10:00", "--lampir", str(letter)],
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.output
    commit(top, f"kasus {STEP5}: langkah 5 selesai", "budi-santoso", "budi-santoso", "2026-04-22T10:30:00+07:00")
    assert "lampiran/05-surat-koordinasi" in git(top, "status", "--porcelain", "--ignored")
    _, found = check(top)
    same_on_every_surface(top, tmp_path, found, [(STEP5, "trail.ignored_file")])


def test_a_bag_judges_with_the_registry_in_force_and_says_the_case_fails(top: Path, tmp_path: Path) -> None:
    """A clerk gives himself the Kasi's role in staf.yaml (committed with his own key, no admin's)
    and decides step 2. The office's check refuses both; the bag made of the case (--force) held
    the working registry, its check found the decision made by a Kasi, and verify-bag said "SAH
    ... lolos pemeriksaan". It holds the registry in force, its check finds the same error, and
    its verdict says the case is not as the SOP wants, naming what only history could show."""
    staff = top / "records" / "staf.yaml"
    text = staff.read_text("utf-8")
    start = text.index("  - id: rizki-ramadhan")
    tenure = "        peran: [pelaksana]\n        mulai: 2019-02-01\n"
    at = text.index(tenure, start) + len(tenure)
    kasi = "      - jabatan: Kepala Seksi PKK\n        peran: [kasi-pkk]\n        mulai: 2026-01-01\n"
    staff.write_text(text[:at] + kasi + text[at:], "utf-8")
    commit(top, "staf: penugasan baru", "rizki-ramadhan", "rizki-ramadhan", "2026-05-06T08:00:00+07:00")
    decide(top, tmp_path, "rizki-ramadhan", refused=("step.wrong_role", "trail.registry_unauthorised"))
    commit(top, f"kasus {OPEN}: langkah 2", "rizki-ramadhan", "rizki-ramadhan", "2026-05-06T11:00:00+07:00")
    _, found = check(top)
    wrong = {(f["code"], f["file"].rsplit("/", 1)[-1]) for f in found if f["severity"] == "error"}
    assert {("step.wrong_role", "02-verifikasi-validasi.yaml"), ("trail.registry_unauthorised", "staf.yaml")} <= wrong
    judged = audit(top / "records")
    bag = export_bag(judged, OPEN, BagOptions(tmp_path / "bag", date(2026, 6, 1), force=True))
    bagged = (bag / "data" / "records" / "staf.yaml").read_text("utf-8")
    assert kasi not in bagged and bagged.count("kasi-pkk") == staff.read_text("utf-8").count("kasi-pkk") - 1
    verified = CliRunner().invoke(main, ["verify-bag", str(bag)], env={"SOP_KIT_LANG": "id"})
    out = verified.output
    assert "[step.wrong_role]" in out and "[trail.registry_unauthorised]" in out and "[trail.wrong_role]" in out, out
    assert "TIDAK SESUAI SOP" in out and "lolos pemeriksaan" not in out, out


def test_a_verdict_made_without_the_trail_says_so_on_every_surface(top: Path, tmp_path: Path) -> None:
    """The clerk's forged Kasi role (staf.yaml committed with his own key) and his decision:
    with the trail every surface refuses it; with --no-trail the working registry judges and the
    case "sesuai SOP". A site built so said of itself that every case was checked against git
    history, "0 kasus dengan persetujuan tidak terverifikasi", and the dossier and status said
    "sesuai SOP" alone. Each surface now says that approvals were not verified, and why."""
    staff = top / "records" / "staf.yaml"
    text = staff.read_text("utf-8")
    at = text.index("        peran: [pelaksana]\n", text.index("  - id: rizki-ramadhan"))
    staff.write_text(text[:at] + "        peran: [pelaksana, kasi-pkk]\n" + text[at + 27 :], "utf-8")
    commit(top, "staf: peran", "rizki-ramadhan", "rizki-ramadhan", "2026-05-06T08:00:00+07:00")
    decide(top, tmp_path, "rizki-ramadhan", refused=("step.wrong_role", "trail.registry_unauthorised"))
    commit(top, f"kasus {OPEN}: langkah 2", "rizki-ramadhan", "rizki-ramadhan", "2026-05-06T11:00:00+07:00")
    records = str(top / "records")
    not_read = "jejak persetujuan tidak dibaca (--no-trail, atau arsip di luar git): tidak ada persetujuan"
    for trail, read in ((["--no-trail"], False), ([], True)):
        checked = CliRunner().invoke(main, ["check", records, *trail])
        assert (not_read in checked.output) is not read, checked.output
        as_json = CliRunner().invoke(main, ["check", records, *trail, "--format", "json"])
        assert json.loads(as_json.stdout)["trail_read"] is read
        status = CliRunner().invoke(main, ["status", OPEN, "--root", records, *trail]).output
        assert ("Putusan: sesuai SOP" in status) is not read, status
        assert ("(tanpa jejak persetujuan: persetujuan tidak diverifikasi" in status) is not read, status
        site = tmp_path / f"site-{read}"
        built = CliRunner().invoke(main, ["build", records, "--out", str(site), "--no-pdf", "-q", *trail])
        assert built.exit_code == 0, built.output
        home = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", (site / "index.html").read_text("utf-8"))))
        assert ("Tanpa jejak persetujuan. Riwayat git tidak dibaca pada build ini" in home) is not read, home
        assert ("diperiksa terhadap SOP yang berlaku saat dimulai dan terhadap riwayat git" in home) is read, home
        assert ("kasus dengan persetujuan tidak terverifikasi" in home) is read, home
        for name in ("kasus.json", "temuan.json"):
            assert json.loads((site / "ekspor" / name).read_text("utf-8"))["jejak_persetujuan_dibaca"] is read
        case = page_text(site, OPEN)
        assert ("Sesuai SOP — tidak ada galat pemeriksaan; persetujuan tidak diverifikasi" in case) is not read, case
        assert ("Tidak sesuai SOP" in case) is read, case
        pdfs = tmp_path / f"pdf-{read}"
        made = CliRunner().invoke(main, ["pdf", records, "--case", OPEN, "--out", str(pdfs), *trail])
        assert made.exit_code == 0, made.output
        dossier = pdf_text(next(pdfs.rglob(f"berkas-pembinaan-{OPEN}.pdf")))
        wanted = "SESUAI SOP: tidak ada galat pemeriksaan; persetujuan tidak diverifikasi (riwayat git tidak dibaca)."
        assert (wanted in dossier) is not read and ("TIDAK SESUAI SOP" in dossier) is read, dossier[:600]
        reports = tmp_path / f"laporan-{read}"
        args = ["laporan", "2026-05", "--root", records, "--out", str(reports), "--format", "json", "--format", "pdf"]
        assert CliRunner().invoke(main, [*args, *trail]).exit_code == 0
        assert (
            json.loads((reports / "laporan-bulanan-2026-05.json").read_text("utf-8"))["jejak_persetujuan_dibaca"]
            is read
        )
        summary = pdf_text(reports / "laporan-bulanan-2026-05.pdf")
        said = "tanpa jejak persetujuan: riwayat git tidak dibaca, persetujuan tidak diverifikasi"
        assert (said in summary) is not read, summary[:800]
        bag = tmp_path / f"bag-{read}"
        exported = CliRunner().invoke(main, ["export", OPEN, "--root", records, "--out", str(bag), "--force", *trail])
        assert exported.exit_code == 0, exported.output
        verified = CliRunner().invoke(main, ["verify-bag", str(bag)]).output
        assert ("lolos pemeriksaan sop-kit TANPA jejak persetujuan" in verified) is not read, verified
        assert ("bag-info mencatat Jejak-Persetujuan: tidak disertakan (--no-trail)." in verified) is not read, verified
        assert ("kasusnya TIDAK SESUAI SOP" in verified) is read, verified


def test_a_scan_kept_in_git_lfs_is_proven_in_the_bag_and_named_where_lfs_is_missing(top: Path, tmp_path: Path) -> None:
    """An office keeping its scans in Git LFS: git stores each as a pointer naming its SHA-256.
    The bag held the pointer in place of the PDF (its export undid line endings by writing what
    git stores), and its proof compared the PDF with the pointer: TIDAK SAH. Now the bag holds
    the PDF, proven by the pointer the commit signed; and a clone without Git LFS, which holds
    the pointer, is told so instead of 'changed since it was recorded'."""
    if subprocess.run(["git", "lfs", "version"], capture_output=True).returncode != 0:
        message = "git-lfs is needed (apt-get install git-lfs)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    git(top, "lfs", "install", "--local")
    rule = f"records/kasus/*/{RUNNING}/lampiran/04-*.pdf filter=lfs diff=lfs merge=lfs -text\n"
    attributes = top / ".gitattributes"
    attributes.write_text(attributes.read_text("utf-8") + rule, "utf-8")
    commit(top, "arsip: surat rujukan di Git LFS", "hendra-gunawan", "hendra-gunawan", "2026-05-20T08:00:00+07:00")
    refer(top, "2026-05-20 10:00")
    commit(top, f"kasus {RUNNING}: langkah 4", "dewi-lestari", "dewi-lestari", "2026-05-20T10:30:00+07:00")
    (stored,) = git(top, "ls-files", f"records/kasus/*/{RUNNING}/lampiran/04-*.pdf").split()
    assert git(top, "cat-file", "-p", f"HEAD:{stored}").startswith("version https://git-lfs.github.com/spec/v1")
    _, found = check(top)
    assert not errors_of(found, RUNNING), errors_of(found, RUNNING)
    bag = tmp_path / "bag"
    made = CliRunner().invoke(main, ["export", RUNNING, "--root", str(top / "records"), "--out", str(bag), "--force"])
    assert made.exit_code == 0, made.output
    assert (bag / "data" / stored).read_bytes().startswith(b"%PDF-")
    checked = CliRunner().invoke(main, ["verify-bag", str(bag)], env={"SOP_KIT_LANG": "id"})
    assert checked.exit_code == 0 and "4 dari 4" in checked.output and "TIDAK" not in checked.output, checked.output

    clone = tmp_path / "tanpa-lfs"
    env = {"GIT_LFS_SKIP_SMUDGE": "1"}
    subprocess.run(["git", "clone", "-q", str(top), str(clone)], check=True, env={**os.environ, **env})
    assert (clone / stored).read_bytes().startswith(b"version https://git-lfs")
    _, there = check(clone)
    assert ("file.lfs_pointer", "04-merujuk-mendampingi.yaml") in errors_of(there, RUNNING), errors_of(there, RUNNING)


def test_scans_moved_into_git_lfs_keep_their_approvals(top: Path, tmp_path: Path) -> None:
    """An office that starts keeping scans in Git LFS (`git lfs track`, then `git add
    --renormalize`) changes how git stores every approved PDF, not the PDFs: each blob becomes a
    pointer naming the scan's SHA-256. The trail read a change after approval in each. It reads
    none, and a scan whose content changed in the same commit is still one."""
    if subprocess.run(["git", "lfs", "version"], capture_output=True).returncode != 0:
        message = "git-lfs is needed (apt-get install git-lfs)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    _, before = check(top)
    git(top, "lfs", "install", "--local")
    attributes = top / ".gitattributes"
    rule = f"records/kasus/*/{CLOSED}/lampiran/*.pdf filter=lfs diff=lfs merge=lfs -text\n"
    attributes.write_text(attributes.read_text("utf-8") + rule, "utf-8")
    git(top, "add", "--renormalize", ".")
    commit(top, "arsip: pindai ke Git LFS", "hendra-gunawan", "hendra-gunawan", "2026-06-01T08:00:00+07:00")
    pdfs = git(top, "ls-files", f"records/kasus/*/{CLOSED}/lampiran/*.pdf").split()
    assert pdfs and all(git(top, "cat-file", "-p", f"HEAD:{p}").startswith("version https://git-lfs") for p in pdfs)
    _, after = check(top)
    assert errors_of(after, CLOSED) == errors_of(before, CLOSED) == set()

    scan = top / pdfs[0]
    a_pdf(scan, 33)  # another scan under the same name, committed as LFS stores it
    commit(top, f"kasus {CLOSED}: pindai ulang", "hendra-gunawan", "hendra-gunawan", "2026-06-02T08:00:00+07:00")
    _, changed = check(top)
    assert {"trail.changed_after_approval", "file.hash_mismatch"} <= {code for code, _ in errors_of(changed, CLOSED)}
