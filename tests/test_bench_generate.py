"""The benchmark's archive generator: reproducible, resumable, varied, and clean of personal data
where the site publishes."""

from __future__ import annotations

import json
import re
from datetime import datetime
from io import BytesIO
from pathlib import Path

import yaml
from PIL import ExifTags, Image
from pypdf import PdfReader

from bench.generate import Media, generate, manifest_path
from sop_kit.records.archive import open_archive

SMALL = Media(photos=(1, 2), scan_pages=(1, 2), scale=0.05)


def _minute(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_seed_gives_the_same_bytes_on_any_number_of_cores(tmp_path: Path) -> None:
    generate(tmp_path / "a" / "records", 3, seed=7, media=SMALL, jobs=1)
    generate(tmp_path / "b" / "records", 3, seed=7, media=SMALL, jobs=2)
    assert _tree(tmp_path / "a" / "records") == _tree(tmp_path / "b" / "records")
    generate(tmp_path / "c" / "records", 1, seed=8, media=SMALL, jobs=1)
    assert _tree(tmp_path / "a" / "records") != _tree(tmp_path / "c" / "records")


def test_an_interrupted_run_resumes_to_the_same_archive(tmp_path: Path) -> None:
    whole = tmp_path / "whole" / "records"
    generate(whole, 3, seed=1, media=SMALL, jobs=1)
    broken = tmp_path / "broken" / "records"
    generate(broken, 3, seed=1, media=SMALL, jobs=1)
    # as a killed run leaves it: one case never renamed into place, a half-written scratch folder
    gone = sorted((broken / "kasus").glob("*/*"))[1]
    for path in sorted(gone.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    gone.rmdir()
    (broken.with_name("records.scratch") / "half").mkdir(parents=True)
    mfile = manifest_path(broken)
    mfile.write_text(json.dumps({**json.loads(mfile.read_text()), "complete": False}))
    manifest = generate(broken, 3, seed=1, media=SMALL, jobs=1)
    assert manifest["complete"] and not broken.with_name("records.scratch").exists()
    assert _tree(whole) == _tree(broken)


def test_other_parameters_are_refused_on_an_existing_archive(tmp_path: Path) -> None:
    root = tmp_path / "records"
    generate(root, 1, seed=1, media=SMALL, jobs=1)
    try:
        generate(root, 2, seed=1, media=SMALL, jobs=1)
    except SystemExit as exc:
        assert "generated with" in str(exc)
    else:
        raise AssertionError("a different size was accepted")


def test_cases_have_varied_attachments_exif_in_their_step_and_free_text(tmp_path: Path) -> None:
    root = tmp_path / "records"
    generate(root, 5, seed=3, media=SMALL, jobs=2)
    archive = open_archive(root)
    assert not archive.findings
    digests, notes = set(), []
    photos = 0
    for case in sorted((root / "kasus").glob("*/*")):
        kasus = yaml.safe_load((case / "kasus.yaml").read_text("utf-8"))
        notes.append(kasus["ringkasan"])
        personal = {v for fam in kasus["sasaran"] for v in fam.values()}
        for step_file in sorted((case / "langkah").glob("*.yaml")):
            step = yaml.safe_load(step_file.read_text("utf-8"))
            public = [step.get("catatan"), step.get("alasan"), kasus["ringkasan"]]
            public += [d.get("keterangan") for d in step.get("dokumen", [])]
            for text in filter(None, public):
                assert not any(str(v) in text for v in personal)
                assert not re.search(r"\d{10,}", text)  # no NIK, KK or telephone numbers
            if step.get("catatan"):
                notes.append(step["catatan"])
            for doc in step.get("dokumen", []):
                data = (case / doc["berkas"]).read_bytes()
                digests.add(data)
                if doc["jenis"] == "foto":
                    photos += 1
                    with Image.open(BytesIO(data)) as im:
                        stamp = im.getexif().get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal]
                    taken = datetime.strptime(stamp, "%Y:%m:%d %H:%M:%S")
                    assert _minute(step["mulai"]) <= taken <= _minute(step["selesai"])
                else:
                    assert 1 <= len(PdfReader(BytesIO(data)).pages) <= 2
    assert photos >= 2
    assert len(digests) == sum(1 for _ in (root / "kasus").rglob("*") if _.suffix in (".pdf", ".jpg"))  # all distinct
    # short notes ("Cuaca cerah.") may meet again, as real ones do; most do not
    assert len(set(notes)) >= 0.8 * len(notes) and sum(map(len, notes)) / len(notes) > 60
