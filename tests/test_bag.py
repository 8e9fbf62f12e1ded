"""``sop-kit export CASE --bagit`` and ``sop-kit verify-bag``: a real case of the signed demo
repository, bagged once (one PDF render), checked with the bagit library's own validator,
then copied and tampered with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import bagit
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from sop_kit.bag.export import BagOptions, export_bag
from sop_kit.bag.proof import write_proof
from sop_kit.bag.signature import trusted_keys
from sop_kit.bag.verify import format_bag_report, verify_bag
from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.core.errors import SopKitError
from sop_kit.demo.build import build_demo
from sop_kit.records.layout import locate
from sop_kit.trail.load import load_trail

from .conftest import REPO, MakeArchive

CASE = "2026-01-cilalawi-kf5h"  # closed, clean, every approval signed
CASE_REL = f"data/records/kasus/2026/{CASE}"
DAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """records/ of a signed demo repository (the session's demo_site would also build a site)."""
    return build_demo(tmp_path_factory.mktemp("bag-demo") / "arsip", REPO / "records").records


@pytest.fixture(scope="module")
def bag(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bags") / f"{CASE}.bag"
    options = BagOptions(out, DAY, "Dewi Lestari", "dewi@contoh.purwakarta.go.id")
    path = export_bag(audit(demo, CheckOptions(use_cache=False)), CASE, options)
    assert path == out.resolve()
    return path


def copy_of(bag: Path, tmp_path: Path) -> Path:
    target = tmp_path / "salinan.bag"
    shutil.copytree(bag, target, symlinks=True)
    return target


def test_the_bag_passes_the_bagit_librarys_own_validator(bag: Path) -> None:
    library = bagit.Bag(str(bag))
    assert library.validate()
    assert library.is_valid()
    assert library.version_info == (1, 0)  # RFC 8493
    assert sorted(library.algorithms) == ["sha256", "sha512"]
    assert (bag / "bagit.txt").read_text() == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def test_bag_info_carries_the_office_sop_and_case(bag: Path) -> None:
    info = bagit.Bag(str(bag)).info
    # As every letterhead names the office: the profile in force (sop-kit.yaml), not the
    # working copy's staf.yaml, which a clerk can edit without anyone's signature.
    assert info["Source-Organization"] == (
        "Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak, Pemerintah Kabupaten Purwakarta"
    )
    assert info["Organization-Address"] == "Jalan Purnawarman Timur No. 117, Purwakarta 41151"
    assert info["Contact-Name"] == "Dewi Lestari"
    assert info["Contact-Email"] == "dewi@contoh.purwakarta.go.id"
    assert info["External-Identifier"] == CASE
    assert "SOP 61.1.D.049/I/2020 Pembinaan Ketahanan Keluarga" in info["External-Description"]
    assert "Cilalawi" in info["External-Description"]
    assert info["Bagging-Date"] == "2026-03-02"
    assert info["Bag-Group-Identifier"] == "61.1.D.049/I/2020"
    assert info["SOP-Nomor"] == "61.1.D.049/I/2020"
    assert info["SOP-Revisi"] == "0"
    assert info["Kasus-Status"] == "selesai"
    assert info["Kasus-Periode"] == "2026-01-19/2026-02-05"
    assert (info["Kecamatan"], info["Desa"]) == ("Sukatani", "Cilalawi")
    assert info["Jejak-Persetujuan"] == "disertakan"
    assert info["Temuan-Saat-Ekspor"] == "0 galat, 0 peringatan, 0 catatan"
    assert info["Sop-Kit-Version"]
    assert "Diekspor-Dengan-Force" not in info


def test_the_payload_is_exactly_the_case_folder_plus_its_sop_registry_dossier_and_trail(demo: Path, bag: Path) -> None:
    source = demo / "kasus" / "2026" / CASE
    case_files = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    bagged = sorted(p.relative_to(bag / CASE_REL).as_posix() for p in (bag / CASE_REL).rglob("*") if p.is_file())
    assert bagged == case_files
    for name in case_files:
        assert (bag / CASE_REL / name).read_bytes() == (source / name).read_bytes()
    assert (bag / "data/records/sop/61.1.D.049-I-2020.yaml").read_bytes() == (
        demo / "sop" / "61.1.D.049-I-2020.yaml"
    ).read_bytes()
    assert (bag / "data/records/staf.yaml").read_bytes() == (demo / "staf.yaml").read_bytes()
    others = {p.name for p in (bag / "data/records/kasus/2026").iterdir()} | {
        p.name for p in (bag / "data/records/kasus").iterdir()
    }
    assert others == {"2026", CASE}  # no other case came along
    assert not any(p.name.startswith(".") for p in bag.rglob("*"))  # no temporary leftovers


def test_the_dossier_is_the_internal_one_a_real_pdf_naming_the_case(bag: Path) -> None:
    pdf = PdfReader(BytesIO((bag / f"data/berkas/berkas-pembinaan-{CASE}.pdf").read_bytes()))
    assert pdf.metadata is not None and pdf.metadata.title == f"Berkas Pembinaan {CASE}"
    words = " ".join(page.extract_text() for page in pdf.pages)
    assert CASE in words
    assert "kasus.yaml" in (pdf.attachments or {})  # the internal dossier embeds the records


def test_the_trail_is_there_as_json_and_text(bag: Path) -> None:
    data = json.loads((bag / f"data/jejak/jejak-{CASE}.json").read_text())
    assert data["case"] == CASE
    done = [e for e in data["events"] if e["kind"] in ("selesai", "keputusan")]
    assert len(done) == 7 and all(e["verified"] for e in done)
    assert all(len(e["commit"]) == 40 for e in data["events"])
    text = (bag / f"data/jejak/jejak-{CASE}.txt").read_text()
    assert text.startswith(f"Jejak persetujuan kasus {CASE}")
    assert "terverifikasi" in text


def test_verify_bag_says_valid(bag: Path) -> None:
    report = verify_bag(bag)
    assert report.valid, format_bag_report(report)
    assert report.case == CASE and report.notes == []
    assert report.files == int(bagit.Bag(str(bag)).info["Payload-Oxum"].split(".")[1])
    # every approval of the trail, proven by the signed commit carried in the bag
    assert report.proven == 7 and bagit.Bag(str(bag)).info["Bukti-Persetujuan"] == "7 commit (data/jejak/bukti)"
    assert report.done == 7
    assert "7 of the 7 step records done are proven approved by the signed commits" in format_bag_report(report, "en")


def test_an_approved_record_replaced_in_a_bag_with_new_manifests_is_not_what_was_signed(
    demo: Path, bag: Path, tmp_path: Path
) -> None:
    """Checksums cannot see a file changed and every manifest written again, and the bagged
    trail is only a report. The commits in the bag can: the step record, a document it lists,
    the commit itself or the signer's key, each changed, is named; the rest still proven."""
    copy = copy_of(bag, tmp_path)
    record = copy / CASE_REL / "langkah" / "06-pembinaan-lokasi.yaml"
    record.write_text(record.read_text("utf-8") + "# peserta ditambah kemudian\n", "utf-8")
    bagit.Bag(str(copy)).save(manifests=True)
    assert bagit.Bag(str(copy)).is_valid()
    report = verify_bag(copy)
    assert [(p.code, p.file, p.params["no"]) for p in report.problems] == [
        ("bag.proof_changed", f"{CASE_REL}/langkah/06-pembinaan-lokasi.yaml", 6)
    ]
    assert report.proven == 6 and "TIDAK SAH" in format_bag_report(report)

    copy = copy_of(bag, tmp_path / "2")
    shutil.copy2(demo / "kasus" / "2026" / "2026-02-cadassari-lsl6" / "foto" / "07-foto-01.jpg",
                 copy / CASE_REL / "foto" / "07-foto-01.jpg")  # fmt: skip
    bagit.Bag(str(copy)).save(manifests=True)
    codes = [(p.code, p.file) for p in verify_bag(copy).problems]
    assert ("bag.proof_changed", f"{CASE_REL}/foto/07-foto-01.jpg") in codes  # the check sees the hash too

    copy = copy_of(bag, tmp_path / "3")
    trail = json.loads((copy / f"data/jejak/jejak-{CASE}.json").read_text("utf-8"))
    step1 = trail["events"][trail["steps"]["01-pengumpulan-data.yaml"]["approval"]]["commit"]
    commit = copy / "data/jejak/bukti" / step1
    commit.write_bytes(commit.read_bytes().replace(b"langkah 1", b"langkah 1 (disunting)"))
    bagit.Bag(str(copy)).save(manifests=True)
    assert [(p.code, p.params["no"]) for p in verify_bag(copy).problems] == [("bag.proof_missing", 1)]

    copy = copy_of(bag, tmp_path / "4")
    staff = copy / "data/records/staf.yaml"
    agus = (demo.parent / ".kunci-demo" / "agus-permana.pub").read_text("utf-8").split()[1]
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "baru")], check=True)
    new_key = (tmp_path / "baru.pub").read_text("utf-8").split()[1]
    staff.write_text(staff.read_text("utf-8").replace(agus, new_key), "utf-8")
    bagit.Bag(str(copy)).save(manifests=True)
    report = verify_bag(copy)  # a key replaced since: not a contradiction, an approval not proven here
    assert report.valid and {p.code for p in report.notes} == {"bag.proof_unknown_key"}
    assert report.proven == 7 - len(report.notes)

    copy = copy_of(bag, tmp_path / "6")  # the trail rewritten so that step 6's approval is not checked
    trail_file = copy / f"data/jejak/jejak-{CASE}.json"
    trail = json.loads(trail_file.read_text("utf-8"))
    trail["events"][trail["steps"]["06-pembinaan-lokasi.yaml"]["approval"]]["verified"] = False
    trail_file.write_text(json.dumps(trail), "utf-8")
    bagit.Bag(str(copy)).save(manifests=True)
    report = verify_bag(copy)
    assert [(p.code, p.params["no"]) for p in report.notes] == [("bag.proof_none", 6)]
    assert (report.proven, report.done) == (6, 7) and "6 of the 7 step records" in format_bag_report(report, "en")

    copy = copy_of(bag, tmp_path / "5")
    shutil.rmtree(copy / "data/jejak/bukti")  # the proof taken out, the manifests written again
    bagit.Bag(str(copy)).save(manifests=True)
    assert [p.code for p in verify_bag(copy).problems] == ["bag.proof_removed"]
    info = copy / "bag-info.txt"  # and the line naming it: as a bag made before the proof travelled
    info.write_text("".join(x for x in info.read_text("utf-8").splitlines(True) if "Bukti-Persetujuan" not in x))
    bagit.Bag(str(copy)).save(manifests=True)
    report = verify_bag(copy)
    assert report.valid and report.proven == 0 and [p.code for p in report.notes] == ["bag.proof_absent"]


def test_a_changed_payload_file_fails_naming_it(bag: Path, tmp_path: Path) -> None:
    copy = copy_of(bag, tmp_path)
    scan = copy / CASE_REL / "lampiran" / "03-sk-penetapan-lokasi.pdf"
    data = bytearray(scan.read_bytes())
    data[-10] ^= 0x01  # same size: Payload-Oxum still matches, only fixity can tell
    scan.write_bytes(bytes(data))
    assert not bagit.Bag(str(copy)).is_valid()
    report = verify_bag(copy)
    assert not report.valid
    where = f"{CASE_REL}/lampiran/03-sk-penetapan-lokasi.pdf"
    assert [(p.code, p.file) for p in report.problems if p.code == "bag.changed"] == [("bag.changed", where)]
    # sop-kit's own check sees it too: the step record pins the scan's sha256
    assert any(
        p.code == "bag.check_error" and p.finding and p.finding.code == "file.hash_mismatch" for p in report.problems
    )
    assert where in format_bag_report(report, "en")


def test_a_removed_file_fails_naming_it(bag: Path, tmp_path: Path) -> None:
    copy = copy_of(bag, tmp_path)
    (copy / CASE_REL / "foto" / "07-foto-02.jpg").unlink()
    report = verify_bag(copy)
    assert not report.valid
    assert ("bag.missing", f"{CASE_REL}/foto/07-foto-02.jpg") in [(p.code, p.file) for p in report.problems]
    assert any(p.code == "bag.invalid" and "Payload-Oxum" in p.params["error"] for p in report.problems)


def test_a_changed_tag_file_fails(bag: Path, tmp_path: Path) -> None:
    copy = copy_of(bag, tmp_path)
    info = copy / "bag-info.txt"
    info.write_text(info.read_text().replace("Kasus-Status: selesai", "Kasus-Status: berjalan"))
    assert ("bag.changed", "bag-info.txt") in [(p.code, p.file) for p in verify_bag(copy).problems]


def test_a_symlink_inside_a_bag_is_refused_before_anything_is_read(bag: Path, tmp_path: Path) -> None:
    copy = copy_of(bag, tmp_path)
    os.symlink("/etc/hostname", copy / "data" / "luar.txt")
    report = verify_bag(copy)
    assert [(p.code, p.file) for p in report.problems] == [("bag.symlink", "data/luar.txt")]


def test_a_manifest_path_out_of_the_bag_is_named_in_the_readers_words(bag: Path, tmp_path: Path) -> None:
    """A hostile manifest line `… data/../../etc/hostname` was refused by the library in English
    ('Path "…" in manifest "…" is unsafe'); the reader is told in their own words, at the manifest."""
    copy = copy_of(bag, tmp_path)
    manifest = copy / "manifest-sha256.txt"
    manifest.write_text(manifest.read_text("utf-8") + f"{'0' * 64}  data/../../etc/hostname\n", "utf-8")
    report = verify_bag(copy)
    assert [(p.code, p.file, p.params) for p in report.problems] == [
        ("bag.unsafe_path", "manifest-sha256.txt", {"path": "../etc/hostname"})  # as the library resolves it
    ]


def test_not_a_bag_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(SopKitError) as err:
        verify_bag(tmp_path)
    assert err.value.code == "bag.not_a_bag"


def test_a_case_with_a_symlink_out_of_its_folder_is_refused_and_nothing_is_written(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    case = root / "kasus" / "2026" / "2026-03-cibening-t3st"
    os.symlink("/etc/passwd", case / "lampiran" / "sandi.pdf")
    out = tmp_path / "keluar"
    out.mkdir()
    with pytest.raises(SopKitError) as err:
        export_bag(audit(root, CheckOptions(trail=False)), case.name, BagOptions(out / "x.bag", DAY))
    assert err.value.code == "export.symlink"
    assert list(out.iterdir()) == []


def test_a_closed_case_with_errors_and_an_unfinished_case_are_refused(demo: Path, tmp_path: Path) -> None:
    for case, code in (("2026-02-cadassari-lsl6", "export.has_errors"), ("2026-04-ciherang-7wzz", "export.unfinished")):
        with pytest.raises(SopKitError) as err:
            export_bag(audit(demo, CheckOptions(use_cache=False)), case, BagOptions(tmp_path / f"{case}.bag", DAY))
        assert err.value.code == code
    assert list(tmp_path.iterdir()) == []


def test_an_output_inside_the_archive_is_refused(demo: Path) -> None:
    with pytest.raises(SopKitError) as err:
        export_bag(audit(demo), CASE, BagOptions(demo / "kasus" / "x.bag", DAY))
    assert err.value.code == "export.out_in_archive"


# --- the commands --------------------------------------------------------------------------


def test_cli_verify_bag_in_both_languages(bag: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["verify-bag", str(bag)])
    assert ok.exit_code == 0, ok.output
    assert "SAH: bag utuh" in ok.output
    assert "bukan siapa yang membuat atau menyetujuinya" in ok.output  # what the checksums do not prove
    copy = copy_of(bag, tmp_path)
    (copy / CASE_REL / "langkah" / "07-dokumentasi-foto.yaml").unlink()
    bad = runner.invoke(main, ["verify-bag", str(copy), "--lang", "en"])
    assert bad.exit_code == 1
    assert f"{CASE_REL}/langkah/07-dokumentasi-foto.yaml: listed in the manifest but missing" in bad.output
    assert "NOT VALID" in bad.output
    notbag = runner.invoke(main, ["verify-bag", str(tmp_path)])
    assert notbag.exit_code == 2
    assert "bukan bag BagIt" in notbag.output and "Traceback" not in notbag.output


def test_cli_export_refusals_in_both_languages(demo: Path, bag: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    root = ["--root", str(demo)]
    exists = runner.invoke(main, ["export", CASE, "--bagit", *root, "--out", str(bag)])
    assert exists.exit_code == 2
    assert "sudah ada dan tidak kosong" in exists.output
    missing = runner.invoke(main, ["export", "2026-01-tidak-ada", "--bagit", *root, "--lang", "en"])
    assert missing.exit_code == 2 and "case '2026-01-tidak-ada' not found" in missing.output
    errors = runner.invoke(main, ["export", "2026-02-cadassari-lsl6", "--bagit", *root, "--out", str(tmp_path / "a")])
    assert errors.exit_code == 2
    assert "punya 3 galat" in errors.output and "--force" in errors.output  # hash, missing SK, changed after approval
    open_case = runner.invoke(
        main, ["export", "2026-05-cibuntu-kpnv", "--bagit", *root, "--out", str(tmp_path / "b"), "--lang", "en"]
    )
    assert open_case.exit_code == 2
    assert "is not finished (awaiting a decision)" in open_case.output and "--force" in open_case.output
    assert list(tmp_path.iterdir()) == []
    for result in (exists, missing, errors, open_case):
        assert "Traceback" not in result.output
    # BagIt is the only format: a hurried clerk who leaves out --bagit gets the bag, not a refusal.
    plain = runner.invoke(main, ["export", CASE, *root, "--out", str(tmp_path / "c")])
    assert plain.exit_code == 0 and (tmp_path / "c" / "bagit.txt").is_file(), plain.output


def test_cli_forced_export_records_the_errors_and_verify_bag_knows_them(demo: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "paksa.bag"
    case = "2026-02-cadassari-lsl6"  # the demo's SK scan replaced after approval
    made = runner.invoke(main, ["export", case, "--bagit", "--root", str(demo), "--out", str(out), "--force"])
    assert made.exit_code == 0, made.output
    assert f"bag BagIt kasus {case} dibuat di {out.resolve()}" in made.output
    info = bagit.Bag(str(out)).info
    assert info["Diekspor-Dengan-Force"] == "ya" and info["Temuan-Saat-Ekspor"].startswith("3 galat")
    recorded = json.loads((out / "data" / "temuan-ekspor.json").read_text())["findings"]
    assert {f["code"] for f in recorded if f["severity"] == "error"} >= {"file.hash_mismatch", "doc.missing"}
    assert all(not f["file"].startswith("/") for f in recorded)  # no path of the exporting machine
    checked = runner.invoke(main, ["verify-bag", str(out), "--lang", "en"])
    assert checked.exit_code == 0, checked.output  # intact: the errors were there when it was sent
    assert "note: error already recorded at export (--force) [file.hash_mismatch]" in checked.output


# --- who sent it: the signed bag -------------------------------------------------------------


@pytest.fixture(scope="module")
def signed(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same case, signed by the Kasi with the key he signs his commits with."""
    out = tmp_path_factory.mktemp("signed") / f"{CASE}.bag"
    options = BagOptions(out, DAY, sign_key=demo.parent / ".kunci-demo" / "agus-permana")
    return export_bag(audit(demo, CheckOptions(use_cache=False)), CASE, options)


def office_key(demo: Path, who: str) -> frozenset[str]:
    return trusted_keys((str(demo.parent / ".kunci-demo" / f"{who}.pub"),))


def resign(bag: Path, demo: Path, who: str, claim: str) -> None:
    """What a forger with a key of their own does after changing a bag: write ``claim`` as
    the signer in bag-info, write the manifests again and sign the new tag manifest."""
    info = bag / "bag-info.txt"
    lines = [line for line in info.read_text("utf-8").splitlines() if not line.startswith("Ditandatangani-Oleh:")]
    info.write_text("\n".join([*lines, f"Ditandatangani-Oleh: {claim}"]) + "\n", "utf-8")
    (bag / "tagmanifest-sha256.txt.sig").unlink()
    bagit.Bag(str(bag)).save(manifests=True)
    manifest = str(bag / "tagmanifest-sha256.txt")
    sign = ["ssh-keygen", "-Y", "sign", "-n", "sop-kit-bag", "-f", str(demo.parent / ".kunci-demo" / who), manifest]
    subprocess.run(sign, check=True, capture_output=True)


def test_a_signed_bag_holds_against_the_office_key_and_names_its_signer(demo: Path, signed: Path) -> None:
    """Checksums alone say nothing of who made a bag. Signed with the Kasi's registered key,
    it is valid against that key given from outside the bag, and against no other."""
    info = bagit.Bag(str(signed)).info
    assert bagit.Bag(str(signed)).is_valid()  # the signature beside the tag manifest is no unexpected file
    fpr = next(iter(office_key(demo, "agus-permana")))
    assert info["Ditandatangani-Oleh"] == f"Agus Permana, S.Sos. (fiktif) (agus-permana), {fpr}"
    alone = verify_bag(signed)  # no key given: the bag's own claim, as a note
    assert alone.valid and not alone.anchored
    assert [p.code for p in alone.notes] == ["bag.signed_unanchored"] and fpr in alone.notes[0].message("en")
    anchored = verify_bag(signed, office_key(demo, "agus-permana"))
    assert anchored.valid and anchored.anchored and anchored.notes == []
    assert "signed by Agus Permana" in format_bag_report(anchored, "en")
    other = verify_bag(signed, office_key(demo, "budi-santoso"))
    assert [p.code for p in other.problems] == ["bag.signer_not_trusted"]


def test_a_signed_bag_changed_with_new_manifests_fails(demo: Path, signed: Path, tmp_path: Path) -> None:
    """The forgery checksums cannot see: a payload file changed and every manifest written
    again. bagit calls it valid; the signature does not match; signed again by another key,
    it holds only for that key, never for the office's."""
    copy = copy_of(signed, tmp_path)
    note = copy / CASE_REL / "langkah" / "06-pembinaan-lokasi.yaml"
    note.write_text(note.read_text("utf-8") + "# ditambahkan kemudian\n", "utf-8")
    bagit.Bag(str(copy)).save(manifests=True)
    assert bagit.Bag(str(copy)).is_valid()
    changed = "bag.proof_changed"  # and the record is not the one the step's signed commit approved
    assert [p.code for p in verify_bag(copy).problems] == ["bag.signature_bad", changed]
    budi, agus = (next(iter(office_key(demo, who))) for who in ("budi-santoso", "agus-permana"))
    resign(copy, demo, "budi-santoso", f"Agus Permana (agus-permana), {budi}")  # a name is only a claim
    anchored = verify_bag(copy, office_key(demo, "agus-permana"))
    assert [p.code for p in anchored.problems] == ["bag.signer_not_trusted", changed]
    resign(copy, demo, "budi-santoso", f"Agus Permana (agus-permana), {agus}")  # a key it was not signed with
    assert [p.code for p in verify_bag(copy).problems] == ["bag.signer_mismatch", changed]


def test_an_unsigned_bag_is_not_valid_when_a_key_is_expected(demo: Path, bag: Path) -> None:
    report = verify_bag(bag, office_key(demo, "agus-permana"))
    assert [p.code for p in report.problems] == ["bag.unsigned"]
    result = CliRunner().invoke(main, ["verify-bag", str(bag), "--kunci", str(demo.parent / ".kunci-demo" / "x.pub")])
    assert result.exit_code == 2 and "x.pub" in result.output and "Traceback" not in result.output


def test_only_a_registered_key_signs_and_a_refusal_writes_nothing(demo: Path, tmp_path: Path) -> None:
    stranger = tmp_path / "kunci" / "orang-luar"
    stranger.parent.mkdir()
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True)
    judged = audit(demo, CheckOptions(use_cache=False))
    out = tmp_path / "keluar"
    out.mkdir()
    for key, code in ((stranger, "export.sign_unknown_key"), (tmp_path / "tidak-ada", "export.sign_no_public_key")):
        with pytest.raises(SopKitError) as err:
            export_bag(judged, CASE, BagOptions(out / "x.bag", DAY, sign_key=key))
        assert err.value.code == code
    assert list(out.iterdir()) == []
    # A key two people list is nobody's, as in the trail: it signs no bag either.
    staff = judged.archive.staff
    staff["rizki-ramadhan"] = staff["rizki-ramadhan"].model_copy(update={"kunci_ssh": staff["dewi-lestari"].kunci_ssh})
    with pytest.raises(SopKitError) as err:
        export_bag(judged, CASE, BagOptions(out / "x.bag", DAY, sign_key=demo.parent / ".kunci-demo" / "dewi-lestari"))
    assert err.value.code == "export.sign_unknown_key" and list(out.iterdir()) == []
    # The CLI, as the clerk types it: signed, and told how the archive checks it.
    done = CliRunner().invoke(main, ["export", CASE, "--bagit", "--root", str(demo), "--out", str(out / "y.bag"),
                                     "--tandatangani", str(demo.parent / ".kunci-demo" / "dewi-lestari")])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "ditandatangani: Dewi Lestari" in done.output and "--kunci" in done.output
    checked = CliRunner().invoke(main, ["verify-bag", str(out / "y.bag"), "--kunci",
                                        str(demo.parent / ".kunci-demo" / "dewi-lestari.pub")])  # fmt: skip
    assert checked.exit_code == 0 and "dengan kunci yang Anda percayai" in checked.output, checked.output


def test_a_case_moved_to_another_year_still_proves_its_approvals(demo: Path, tmp_path: Path) -> None:
    """Its approvals were signed while the case sat in another folder: the proof carries the
    trees of that folder, and the bag's trail says where each approval found it."""
    top = tmp_path / "arsip"
    shutil.copytree(demo.parent, top, symlinks=True)
    git = ["git", "-C", str(top), "-c", "user.name=Dewi", "-c", "user.email=d@contoh.id", "-c", "commit.gpgsign=false"]
    (top / "records/kasus/2025").mkdir(exist_ok=True)
    subprocess.run([*git, "mv", f"records/kasus/2026/{CASE}", "records/kasus/2025/"], check=True)
    subprocess.run([*git, "commit", "-qm", "pindah"], check=True)
    out = tmp_path / "pindah.bag"
    export_bag(audit(top / "records", CheckOptions(use_cache=False)), CASE, BagOptions(out, DAY, "Dewi", "d@x.id"))
    report = verify_bag(out)
    assert report.valid and report.problems == [] and report.notes == [], format_bag_report(report)
    assert (report.proven, report.done) == (7, 7)
    trail = json.loads((out / f"data/jejak/jejak-{CASE}.json").read_text())
    assert trail["folder"] == f"records/kasus/2025/{CASE}"
    assert [e["file"] for e in trail["events"] if e["kind"] == "dipindah"] == [f"kasus/2026/{CASE}"]


def test_an_approval_by_someone_the_bags_registry_gives_no_role_that_day_is_not_proven(
    bag: Path, tmp_path: Path
) -> None:
    """The role is proven as the key is: by the bag's staf.yaml, on the date the signed commit
    bears. Agus Permana's position as Kasi PKK moved in the bag to start a month later: his
    January approvals are not proven here, a note naming him and the day."""
    copy = copy_of(bag, tmp_path)
    staff = copy / "data/records/staf.yaml"
    text = staff.read_text("utf-8")
    kasi = "        peran: [kasi-pkk]\n        mulai: 2025-07-01\n"
    assert text.count(kasi) == 1
    staff.write_text(text.replace(kasi, kasi.replace("2025-07-01", "2026-02-01")), "utf-8")
    bagit.Bag(str(copy)).save(manifests=True)
    report = verify_bag(copy)
    unproven = sorted((p.params["no"], p.params["who"], p.params["date"]) for p in report.notes
                      if p.code == "bag.proof_no_role")  # fmt: skip
    assert [(no, who) for no, who, _ in unproven] == [(2, "agus-permana"), (3, "agus-permana"), (5, "agus-permana")]
    assert all(day.startswith("2026-01-") for _, _, day in unproven)
    assert report.proven == 4
    # the bag's own check sees the same registry: the records name him in a role he did not hold
    assert {(p.code, p.params["rule"]) for p in report.problems} == {("bag.check_error", "step.wrong_role")}


def test_a_trail_claiming_an_unverified_approval_verified_is_not_proven(demo: Path, tmp_path: Path) -> None:
    """The demo's campakasari step 2 was signed by someone who could not approve it (the trail
    says so: trail.wrong_role). A bag sent with --force, its trail then edited to call that
    approval verified (manifests written again): the signed commit in the bag shows who signed
    it, and the bag's own records and registry say they could not."""
    case = "2026-02-campakasari-5jgz"
    out = tmp_path / "paksa.bag"
    made = CliRunner().invoke(main, ["export", case, "--bagit", "--root", str(demo), "--out", str(out), "--force"])
    assert made.exit_code == 0, made.output
    trail_file = out / f"data/jejak/jejak-{case}.json"
    trail = json.loads(trail_file.read_text("utf-8"))
    step2 = trail["events"][trail["steps"]["02-verifikasi-validasi.yaml"]["approval"]]
    assert not step2["verified"] and step2["signer"]  # signed by a registered key, not one that may approve it
    before = verify_bag(out).proven
    step2["verified"], step2["reason"] = True, None
    trail_file.write_text(json.dumps(trail), "utf-8")
    found = load_trail(locate(demo), cache_dir=tmp_path / "c")  # the forger copies the commit's objects in
    assert found is not None
    approval = found.cases[case].steps["02-verifikasi-validasi.yaml"].approval
    assert approval is not None
    approval.verified = True
    write_proof(found, case, out / "data/jejak/bukti")
    bagit.Bag(str(out)).save(manifests=True)
    report = verify_bag(out)
    refused = [(p.code, p.params["no"], p.params["who"]) for p in report.notes if p.code.startswith("bag.proof_")]
    assert refused in ([("bag.proof_other_person", 2, step2["signer"])], [("bag.proof_no_role", 2, step2["signer"])])
    assert report.proven == before  # the claim proves nothing more


def test_a_step_record_renamed_since_approval_is_still_proven(demo: Path, tmp_path: Path) -> None:
    """The commit signed the record under its old name; the bag holds it under the new one."""
    top = tmp_path / "arsip"
    shutil.copytree(demo.parent, top, symlinks=True)
    git = ["git", "-C", str(top), "-c", "user.name=Dewi", "-c", "user.email=d@contoh.id", "-c", "commit.gpgsign=false"]
    steps = f"records/kasus/2026/{CASE}/langkah"
    subprocess.run(
        [*git, "mv", f"{steps}/06-pembinaan-lokasi.yaml", f"{steps}/06-pembinaan-di-lokasi.yaml"], check=True
    )
    subprocess.run([*git, "commit", "-qm", "ganti nama"], check=True)
    out = tmp_path / "nama.bag"
    judged = audit(top / "records", CheckOptions(use_cache=False))
    assert not [f for f in judged.report.findings if f.case == CASE and f.code.startswith("trail.")]
    export_bag(judged, CASE, BagOptions(out, DAY, "Dewi", "d@x.id"))
    report = verify_bag(out)
    assert report.valid and report.problems == [] and report.notes == [], format_bag_report(report)
    assert (report.proven, report.done) == (7, 7)
