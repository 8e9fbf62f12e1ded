"""Hostile archive content (issue 15), as a clerk with push access would write it: templates
that reach for Python, PDFs that run code, names Windows cannot hold, images that explode when
decoded, personal values typed where they do not fit. Each attack is made for real here, and
each test says what sop-kit now does about it. The site's side is in test_hostile_site.py, the
file system's refusals in test_hostile_io.py."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from sop_kit.check.audit import audit
from sop_kit.check.run import CheckOptions
from sop_kit.cli.main import main
from sop_kit.core.errors import SopKitError
from sop_kit.pdf.build import PdfOptions, archive_jobs
from sop_kit.pdf.render import RenderReport, render_all
from sop_kit.records.layout import locate
from sop_kit.records.models import Kasus
from sop_kit.records.personal import raw_personal_values
from sop_kit.records.yamlsafe import load_bytes

from .conftest import BASE_ID, REPO, MakeArchive, judge
from .signed_repo import SignedRepo

NO_CACHE = CheckOptions(use_cache=False, trail=False)


def case_of(root: Path) -> Path:
    return root / "kasus" / "2026" / BASE_ID


def attach(case: Path, step: str, jenis: str, berkas: str, data: bytes | None = None) -> None:
    """Add a file to the case and name it in a step record, with its sha256 (so only what is
    wrong with the file itself is found)."""
    path = case / berkas
    if data is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    record = case / "langkah" / step
    line = f"    sha256: {hashlib.sha256(path.read_bytes()).hexdigest()}\n" if path.is_file() else ""
    record.write_text(record.read_text() + f"  - jenis: {jenis}\n    berkas: '{berkas}'\n" + line)


def found(root: Path) -> list[tuple[str, str, dict[str, object]]]:
    return [(f.code, Path(f.file).name, f.params) for f in judge(root, NO_CACHE).sorted()]


# --- 1. templates: a sandbox, the public view, the versions in force -----------------------


def dossier_only(root: Path, out: Path, internal: Path | None = None) -> RenderReport:
    """The case's public (and internal) dossier rendered with the archive's templates in force."""
    judged = audit(root, NO_CACHE)
    jobs = archive_jobs(judged, PdfOptions(out, internal, BASE_ID))
    dossiers = [j for j in jobs if j.template == "dossier.html"]
    return render_all(dossiers, out, judged.archive.templates, processes=1)


def override(root: Path, text: str, name: str = "dossier.html") -> None:
    folder = root.parent / "templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, "utf-8")


ESCAPES = [
    '{{ cycler.__init__.__globals__.os.popen("touch MARKER").read() }}',
    '{{ lipsum.__globals__["os"].popen("touch MARKER").read() }}',
    '{{ self.__init__.__globals__.__builtins__.__import__("os").system("touch MARKER") }}',
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ case.__class__.__init__.__globals__ }}",
    "{{ sop.unit.clear() }}",  # an immutable sandbox: no value can be changed either
]


@pytest.mark.parametrize("payload", ESCAPES)
def test_a_template_cannot_reach_python(
    payload: str, make_archive: MakeArchive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_archive()
    monkeypatch.chdir(tmp_path)  # where "touch MARKER" would write
    override(root, '{% extends "default:dossier.html" %}\n{% block body %}' + payload + "{{ super() }}{% endblock %}")
    report = dossier_only(root, tmp_path / "publik")
    [outcome] = report.outcomes
    assert not outcome.rendered and outcome.unsafe and "SecurityError" in (outcome.error or "")
    assert (outcome.template, outcome.line) == ("templates/dossier.html", 2)
    assert not (tmp_path / "MARKER").exists()
    assert not outcome.target.exists()


def test_the_build_stops_at_the_template_and_runs_nothing(make_archive: MakeArchive, tmp_path: Path) -> None:
    """The issue's attack: a report template that extends the shipped one and runs `id`."""
    root = make_archive()
    marker = tmp_path / "MARKER"
    override(
        root,
        '{% extends "default/laporan.html" %}\n{% block body %}'
        f'<p>{{{{ cycler.__init__.__globals__.os.popen("id; touch {marker}").read() }}}}</p>'
        "{{ super() }}{% endblock %}",
        "laporan.html",
    )
    override(
        root, '{% extends "default/dossier.html" %}\n{% block body %}{{ cycler.__init__.__globals__ }}{% endblock %}'
    )
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(root), "--out", str(out), "--no-cache", "-q"])
    assert result.exit_code == 2, result.output
    assert "templates/" in result.output and "sandbox" in result.output and "Traceback" not in result.output
    first = result.output.splitlines()[0]
    assert first.startswith(("galat: ", "error: ")) and ".html:2: " in first
    assert not marker.exists() and not out.exists()


def test_a_public_document_sees_the_public_view_only(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    override(
        root,
        '{% extends "default:dossier.html" %}{% block body %}<p>UJI {{ sasaran | length }} '
        "{{ kontak[0].telepon }} {{ internal }}</p>{{ super() }}{% endblock %}",
    )
    report = dossier_only(root, tmp_path / "publik", tmp_path / "internal")
    assert all(o.rendered for o in report.outcomes), report.outcomes
    public = _text(tmp_path / "publik" / "kasus" / BASE_ID / f"berkas-pembinaan-{BASE_ID}.pdf")
    internal = _text(tmp_path / "internal" / "kasus" / BASE_ID / f"berkas-pembinaan-{BASE_ID}.pdf")
    assert "UJI 0 None False" in public
    assert "UJI 1 081234567890 True" in internal  # the office's own copy has what it needs


def test_a_public_document_cannot_pull_in_the_case_records(make_archive: MakeArchive, tmp_path: Path) -> None:
    """Knowing the path is not enough: a public document loads nothing from the case folder."""
    root = make_archive()
    case = case_of(root).resolve()
    override(
        root,
        '{% extends "default:dossier.html" %}{% block body %}'
        f'<a rel="attachment" href="file://{case}/kasus.yaml">k</a><img src="file://{case}/foto/07-pembinaan-1.jpg">'
        "{{ super() }}{% endblock %}",
    )
    report = dossier_only(root, tmp_path / "publik")
    [outcome] = report.outcomes
    assert len(outcome.refused) == 2 and all(r.startswith("outside: ") for r in outcome.refused)  # reported
    assert PdfReader(outcome.target).attachments == {}


def test_pdf_scans_public_documents_for_personal_data(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    out = tmp_path / "publik"
    good = CliRunner().invoke(main, ["pdf", str(root), "--out", str(out), "--case", BASE_ID, "--no-cache"])
    assert good.exit_code == 0, good.output
    dossier = out / "kasus" / BASE_ID / f"berkas-pembinaan-{BASE_ID}.pdf"
    before = dossier.read_bytes()
    step = case_of(root) / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text() + 'catatan: "Rumah Rina Suryana (fiktif), NIK 3214131203800001"\n')
    line = len(step.read_text().splitlines())
    result = CliRunner().invoke(
        main, ["pdf", str(root), "--out", str(out), "--internal", str(tmp_path / "internal"), "--case", BASE_ID]
    )
    assert result.exit_code == 1
    assert f"04-persiapan.yaml:{line}: " in result.output
    assert "3214131203800001" not in result.output and "Rina Suryana" not in result.output  # masked
    assert dossier.read_bytes() == before  # the previous public dossier stays
    internal = tmp_path / "internal" / "kasus" / BASE_ID / f"berkas-pembinaan-{BASE_ID}.pdf"
    assert "3214131203800001" in _text(internal)  # the internal copy may hold it


def test_the_readme_template_example_extends_the_original(make_archive: MakeArchive, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text("utf-8") + (REPO / "templates" / "README.md").read_text("utf-8")
    example = '{% extends "default:dossier.html" %}'
    assert example in readme
    for n, extends in enumerate((example, example.replace("default:", "default/"))):
        root = make_archive(f"arsip-{n}")
        override(root, extends + "{% block body %}<p>KOP KHUSUS DINAS</p>{{ super() }}{% endblock %}")
        report = dossier_only(root, tmp_path / f"publik-{n}")
        assert all(o.rendered for o in report.outcomes), report.outcomes
        text = _text(report.outcomes[0].target)
        assert "KOP KHUSUS DINAS" in text and BASE_ID in text


@pytest.mark.parametrize(
    ("text", "line", "unsafe"),
    [
        ("<p>satu</p>\n<p>dua</p>\n{% if %}\n", 3, False),  # a syntax error
        ("<p>satu</p>\n{{ kolom_yang_tidak_ada }}\n", 2, False),  # StrictUndefined
        ("<p>{% for i in range(10**9) %}{{ i }}{% endfor %}</p>", 1, False),  # the sandbox caps range()
    ],
)
def test_a_broken_template_is_named_with_its_line(
    text: str, line: int, unsafe: bool, make_archive: MakeArchive, tmp_path: Path
) -> None:
    root = make_archive()
    override(root, text)
    [outcome] = dossier_only(root, tmp_path / "publik").outcomes
    assert (outcome.template, outcome.line, outcome.unsafe) == ("templates/dossier.html", line, unsafe)


def test_a_template_that_is_not_text_is_a_located_error(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    (root.parent / "templates").mkdir()
    (root.parent / "templates" / "dossier.html").write_bytes(b"<p>baik</p>\n<p>\xff\xfe</p>\n")
    [outcome] = dossier_only(root, tmp_path / "publik").outcomes
    assert (outcome.template, outcome.line) == ("templates/dossier.html", 2) and "UTF-8" in (outcome.error or "")


def test_a_symlinked_template_is_not_read(make_archive: MakeArchive, tmp_path: Path) -> None:
    root = make_archive()
    secret = tmp_path / "rahasia.html"
    secret.write_text("<p>ISI RAHASIA {{ case.id }}</p>")
    (root.parent / "templates").mkdir()
    (root.parent / "templates" / "dossier.html").symlink_to(secret)
    judged = audit(root, NO_CACHE)
    assert judged.archive.templates == {}


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


PEOPLE = ("hendra-gunawan", "dewi-lestari", "agus-permana", "budi-santoso")


def test_templates_and_site_settings_count_only_in_the_version_in_force(tmp_path: Path) -> None:
    """Under `tanda_tangan: wajib`, a template or mkdocs.yml a clerk commits (or leaves in the
    working tree) renders nothing; the Kepala Dinas's signed version does."""
    repo = SignedRepo(tmp_path / "arsip")
    repo.start_archive(PEOPLE)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    templates = repo.top / "templates"
    templates.mkdir()
    body = '{% extends "default:dossier.html" %}{% block body %}<p>TEMPLAT {}</p>{{ super() }}{% endblock %}'
    (templates / "dossier.html").write_text(body.replace("{}", "KLERK"))
    (repo.top / "mkdocs.yml").write_text("site_name: Situs Klerk\n")
    repo.commit("Templat baru", "dewi-lestari", "Dewi Lestari", "2026-03-03T09:00:00+07:00")
    options = CheckOptions(cache_dir=tmp_path / "c")
    judged = audit(repo.records, options)
    assert judged.archive.templates == {} and judged.archive.site_settings is None
    unauthorised = {Path(f.file).name for f in judged.report.findings if f.code == "trail.unauthorised_change"}
    assert unauthorised == {"dossier.html", "mkdocs.yml"}

    (templates / "dossier.html").write_text(body.replace("{}", "KEPALA DINAS"))
    (repo.top / "mkdocs.yml").write_text("site_name: Situs Dinas\n")
    repo.commit("Templat disahkan", "hendra-gunawan", "Hendra Gunawan", "2026-03-04T09:00:00+07:00")
    (templates / "dossier.html").write_text(body.replace("{}", "LOKAL"))  # not committed
    judged = audit(repo.records, options)
    assert judged.archive.site_settings == b"site_name: Situs Dinas\n"
    assert b"KEPALA DINAS" in judged.archive.templates["dossier.html"]
    assert "governed.not_in_force" in {f.code for f in judged.report.findings}
    jobs = [
        j for j in archive_jobs(judged, PdfOptions(tmp_path / "pdf", None, BASE_ID)) if j.template == "dossier.html"
    ]
    [outcome] = render_all(jobs, tmp_path / "pdf", judged.archive.templates, processes=1).outcomes
    assert "TEMPLAT KEPALA DINAS" in _text(outcome.target)


# --- 3. active content in PDF attachments --------------------------------------------------


def _pdf(change: Callable[[pikepdf.Pdf], object] | None = None) -> bytes:
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(200, 200))
        if change is not None:
            change(pdf)
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()


def _js(code: str = "app.alert(1)") -> pikepdf.Dictionary:
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(code))


def _annot(pdf: pikepdf.Pdf, **keys: Any) -> None:
    annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Rect=[0, 0, 100, 100], **keys)
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(annot)]))


def _open_action(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = _js()


def _names_js(pdf: pikepdf.Pdf) -> None:
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=[pikepdf.String("a"), _js()]))


def _launch(pdf: pikepdf.Pdf) -> None:
    action = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    _annot(pdf, Subtype=pikepdf.Name.Link, A=action)


def _page_aa(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pdf.make_indirect(_js()))


def _embedded(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["data.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ bukan dokumen")


def _file_annotation(pdf: pikepdf.Pdf) -> None:
    spec = pikepdf.AttachedFileSpec(pdf, b"isi", filename="isi.txt")
    _annot(pdf, Subtype=pikepdf.Name.FileAttachment, FS=spec.obj)


def _xfa(pdf: pikepdf.Pdf) -> None:
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[], XFA=pdf.make_stream(b"<xdp:xdp><script>x</script></xdp:xdp>"))


def _submit(pdf: pikepdf.Pdf) -> None:
    action = pikepdf.Dictionary(S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://contoh.invalid/"))
    _annot(pdf, Subtype=pikepdf.Name.Link, A=action)


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (_open_action, {"JavaScript", "OpenAction"}),
        (_names_js, {"JavaScript"}),
        (_launch, {"Launch"}),
        (_page_aa, {"AA", "JavaScript"}),
        (_embedded, {"EmbeddedFile"}),
        (_file_annotation, {"EmbeddedFile"}),
        (_xfa, {"XFA"}),
        (_submit, {"SubmitForm"}),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:] or None,
)
def test_a_pdf_with_active_content_is_refused(
    change: Callable[[pikepdf.Pdf], object], what: set[str], make_archive: MakeArchive
) -> None:
    root = make_archive()
    attach(case_of(root), "01-pengumpulan-data.yaml", "dokumen-data", "lampiran/aktif.pdf", _pdf(change))
    refused = [p for code, _, p in found(root) if code == "file.pdf_active"]
    assert len(refused) == 1 and refused[0]["path"] == "lampiran/aktif.pdf"
    assert what <= set(str(refused[0]["what"]).split(", "))


def test_a_plain_pdf_passes_and_a_broken_one_is_refused(make_archive: MakeArchive) -> None:
    root = make_archive()
    attach(case_of(root), "01-pengumpulan-data.yaml", "dokumen-data", "lampiran/biasa.pdf", _pdf())
    attach(case_of(root), "01-pengumpulan-data.yaml", "dokumen-data", "lampiran/rusak.pdf", b"%PDF-1.4\n" + bytes(300))
    assert [(c, p["path"]) for c, _, p in found(root)] == [("file.pdf_unreadable", "lampiran/rusak.pdf")]


# --- 4. findings never quote personal values -------------------------------------------------

TYPOS = {
    "nik": ('nik: "3214131203800001"', 'nik: "321413120380001"', "321413120380001"),  # 15 digits
    "kk": ('nomor_kk: "3214130101200001"', 'nomor_kk: "3214 1301 0120 0001"', "3214 1301 0120 0001"),
    "hubungan": ("hubungan: istri", "hubungan: Euis Suryani binti Oman", "Euis Suryani binti Oman"),
    "telepon": ('telepon: "085712345678"', 'telepon: "0857 1234 5678"', "0857 1234 5678"),
    "kunci": (
        "kepala_keluarga: Ujang Suryana (fiktif)",
        "kepala_keluarga: Ujang Suryana (fiktif)\n    Siti Rahmawati: anak angkat",
        "Siti Rahmawati",
    ),
}


def test_findings_about_personal_fields_never_quote_them(make_archive: MakeArchive) -> None:
    root = make_archive()
    kasus = case_of(root) / "kasus.yaml"
    text = kasus.read_text()
    for old, new, _ in TYPOS.values():
        assert old in text
        text = text.replace(old, new, 1)
    kasus.write_text(text)
    for lang in ("id", "en"):
        result = CliRunner().invoke(main, ["check", str(root), "--format", "json", "--no-cache", "--lang", lang])
        assert result.exit_code == 1, result.output
        findings = json.loads(result.stdout)["findings"]
        assert len({f["line"] for f in findings}) == len(TYPOS) and all(f["line"] > 1 for f in findings)  # located
        for _, _, value in TYPOS.values():
            assert value not in result.stdout, value
    fields = {f["params"]["field"] for f in findings}
    assert {"sasaran[0].nik", "sasaran[0].nomor_kk", "sasaran[0].anggota[0].hubungan"} <= fields


def test_every_value_typed_into_a_personal_field_is_searched_for(make_archive: MakeArchive) -> None:
    """However it is mistyped, a value in a personal field is personal; the field's own
    choices and dates are not (they would match everywhere)."""
    root = make_archive()
    kasus = case_of(root) / "kasus.yaml"
    text = kasus.read_text()
    for old, new, _ in TYPOS.values():
        text = text.replace(old, new, 1)
    values = raw_personal_values(load_bytes(text.encode(), "kasus.yaml").data, Kasus)
    assert {value for _, _, value in TYPOS.values()} <= values
    assert not values & {"anak", "istri", "2015-06-01", "Asep Hidayat (fiktif)"}  # a choice, a date, a public name
    assert "081234567890" in values  # the Kepala Desa is public, his phone is not


# --- 9. names Windows cannot hold or tell apart ---------------------------------------------


def test_names_that_break_a_windows_checkout(make_archive: MakeArchive) -> None:
    root = make_archive()
    case = case_of(root)
    photo = (case / "foto" / "07-pembinaan-1.jpg").read_bytes()
    pdf = (case / "lampiran" / "01-data-rawan.pdf").read_bytes()
    other = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(other, "JPEG")
    for name, data in [("foto/FOTO.JPG", photo), ("foto/foto.jpg", other.getvalue())]:
        attach(case, "07-dokumentasi.yaml", "foto", name, data)
    for name in ["lampiran/caf\u00e9.pdf", "lampiran/cafe\u0301.pdf", "lampiran/CON.pdf", "lampiran/aux.pdf"]:
        attach(case, "01-pengumpulan-data.yaml", "dokumen-data", name, pdf)
    for name in ["lampiran/COM1.pdf", "lampiran/x|y.pdf", "lampiran/a:b.pdf", "lampiran/titik."]:
        attach(case, "01-pengumpulan-data.yaml", "dokumen-data", name, pdf)
    attach(case, "07-dokumentasi.yaml", "foto", "foto/nul.jpg", photo)
    got = {(c, p["path"]): p for c, _, p in found(root) if c.startswith("file.name_")}
    assert set(got) == {
        ("file.name_clash", "foto/foto.jpg"),
        ("file.name_clash", "lampiran/caf\u00e9.pdf"),
        ("file.name_reserved", "lampiran/CON.pdf"),
        ("file.name_reserved", "lampiran/aux.pdf"),
        ("file.name_reserved", "lampiran/COM1.pdf"),
        ("file.name_reserved", "foto/nul.jpg"),
        ("file.name_char", "lampiran/x|y.pdf"),
        ("file.name_char", "lampiran/a:b.pdf"),
        ("file.name_trailing", "lampiran/titik."),
    }
    assert got[("file.name_char", "lampiran/a:b.pdf")]["char"] == ":"
    assert "U+0301" in str(got[("file.name_clash", "lampiran/caf\u00e9.pdf")]["other"])  # the difference shown
    codes = [c for c, _, _ in found(root)]
    assert "file.outside" not in codes  # 'a:b.pdf' is a name Windows refuses, inside the folder


def test_a_path_too_long_for_a_windows_checkout(make_archive: MakeArchive) -> None:
    # A scanner's name copied in by hand: Git for Windows cannot check out a path over 260
    # characters, the clone's folder (C:\\Users\\…\\Documents\\arsip\\) included.
    root = make_archive()
    case = case_of(root)
    pdf = (case / "lampiran" / "01-data-rawan.pdf").read_bytes()
    folder = len(f"{root.name}/kasus/{case.parent.name}/{case.name}/lampiran/")
    fits = "lampiran/" + "s" * (200 - folder - 4) + ".pdf"  # 200 characters from the archive folder on
    over = "lampiran/" + "t" * (200 - folder - 3) + ".pdf"
    for name in (fits, over):
        attach(case, "01-pengumpulan-data.yaml", "dokumen-data", name, pdf)
    got = {p["path"]: p for c, _, p in found(root) if c == "file.path_long"}
    assert list(got) == [over] and got[over]["length"] == 201


@pytest.mark.parametrize(
    "berkas", ["C:/Windows/win.ini", "c:\\\\x.pdf", "file:///etc/passwd", "https://x.invalid/a.pdf"]
)
def test_drives_and_urls_still_point_outside(berkas: str, make_archive: MakeArchive) -> None:
    root = make_archive()
    attach(case_of(root), "01-pengumpulan-data.yaml", "dokumen-data", berkas)
    assert ("file.outside", "01-pengumpulan-data.yaml") in {(c, f) for c, f, _ in found(root)}


# --- 10. sizes and pixels --------------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` x ``height`` pixels: its header alone, and a tiny body."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_a_decompression_bomb_is_refused_from_its_header(make_archive: MakeArchive) -> None:
    root = make_archive()
    attach(case_of(root), "07-dokumentasi.yaml", "foto", "foto/bom.png", _png_header(60000, 60000))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        refused = [p for c, _, p in found(root) if c == "file.too_many_pixels"]
    assert refused == [{"path": "foto/bom.png", "width": 60000, "height": 60000, "limit": 40}]
    assert not [w for w in caught if "Bomb" in w.category.__name__]


def test_a_large_image_brings_no_pillow_warning_to_the_terminal(make_archive: MakeArchive, tmp_path: Path) -> None:
    """10000 x 10000: over Pillow's warning threshold (89 megapixels), under its error one."""
    root = make_archive()
    attach(case_of(root), "07-dokumentasi.yaml", "foto", "foto/besar.png", _png_header(10000, 10000))
    for args in (
        ["check", str(root), "--no-cache"],
        ["pdf", str(root), "--out", str(tmp_path / "p"), "--case", BASE_ID],
    ):
        run = subprocess.run(
            [sys.executable, "-m", "sop_kit", *args],  # warnings as a terminal shows them
            capture_output=True,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
        )
        assert "Warning" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert "file.too_many_pixels" in CliRunner().invoke(main, ["check", str(root), "--no-cache"]).output


def test_size_limits_per_file_and_per_case_come_from_the_settings(make_archive: MakeArchive) -> None:
    root = make_archive()
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.Root.Isi = pdf.make_stream(os.urandom(1_500_000))
        buf = io.BytesIO()
        pdf.save(buf, compress_streams=False)
    attach(case_of(root), "01-pengumpulan-data.yaml", "dokumen-data", "lampiran/besar.pdf", buf.getvalue())
    assert not [c for c, _, _ in found(root) if "large" in c]  # within the defaults (50 MB, 500 MB)
    settings = root.parent / "sop-kit.yaml"
    settings.write_text("format: sop-kit/konfigurasi/1\nberkas_maks_mb: 1\nkasus_maks_mb: 2\n")
    big = [(c, p) for c, _, p in found(root) if "large" in c]
    assert big == [("file.too_large", {"path": "lampiran/besar.pdf", "size": "1.5", "limit": "1.0"})]
    settings.write_text("format: sop-kit/konfigurasi/1\nkasus_maks_mb: 1\n")
    assert [c for c, _, _ in found(root) if "large" in c] == ["file.case_too_large"]


# --- the smaller ones --------------------------------------------------------------------------


def test_a_duplicate_key_names_both_lines() -> None:
    with pytest.raises(SopKitError) as caught:
        load_bytes(b"status: selesai\nlangkah: 4\nstatus: berjalan\n", "04.yaml")
    assert (caught.value.line, caught.value.params) == (3, {"key": "status", "first": 1})


def test_a_finding_is_printed_once_when_two_folders_share_a_case_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    repo = SignedRepo(tmp_path / "arsip")
    repo.start_archive(PEOPLE)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", None, "Dewi Lestari", "2026-03-02T09:00:00+07:00")  # unsigned: trail.unverified
    shutil.copytree(repo.case_dir(), repo.records / "kasus" / "2025" / BASE_ID)  # e.g. after a merge
    result = CliRunner().invoke(main, ["check", str(repo.records)])
    lines = [line for line in result.output.splitlines() if "[" in line]
    assert len(lines) == len(set(lines))
    assert sum("trail.unverified" in line for line in lines) == 1


def test_a_file_every_case_shares_names_five_others_and_counts_the_rest(make_archive: MakeArchive) -> None:
    # One form attached to every case of a year: each finding named every other case, so at
    # 10,000 cases the check built 10,000 findings of 10,000 names each (19 GB, 17 minutes).
    root = make_archive()
    case = case_of(root)
    copies = [f"{BASE_ID[:-4]}{n}cpy" for n in range(8)]
    for ident in copies:
        shutil.copytree(case, case.with_name(ident))
        identity = case.with_name(ident) / "kasus.yaml"
        identity.write_text(identity.read_text("utf-8").replace(BASE_ID, ident), "utf-8")
    shared = [p for c, _, p in found(root) if c in ("doc.shared", "doc.other_case")]
    assert shared and len(shared) % 9 == 0  # each file, in each of the nine cases
    everyone = sorted([BASE_ID, *copies])
    for params in shared:
        named = str(params["others"])
        assert named.endswith(" (+3)") and len(named.removesuffix(" (+3)").split(", ")) == 5
    first = next(p for p in shared if p["path"] == shared[0]["path"])
    assert str(first["others"]).split(" (+")[0].split(", ") == everyone[1:6]  # by id: the same list everywhere


def test_a_nik_or_phone_typed_as_a_bare_number_is_not_quoted_by_its_finding(
    make_archive: MakeArchive, tmp_path: Path
) -> None:
    """A NIK typed unquoted in a note is a number where text belongs: the finding said so
    quoting it ("tertulis: 3214…", in the terminal, the CI annotations and the Temuan page).
    It names the field, not the value; quoted, the note is then the privacy error it is."""
    root = make_archive()
    step = case_of(root) / "langkah" / "04-persiapan.yaml"
    step.write_text(step.read_text("utf-8") + "catatan: 3214131203800001\n", "utf-8")
    other = case_of(root) / "langkah" / "06-pembinaan.yaml"
    other.write_text(other.read_text("utf-8") + "catatan: 6281298765432\n", "utf-8")
    runner = CliRunner()
    for fmt in ("text", "github", "json"):
        out = runner.invoke(main, ["check", str(root), "--no-cache", "--format", fmt]).output
        assert "schema.expected_text" in out and "04-persiapan.yaml" in out and "06-pembinaan.yaml" in out, out
        assert "3214131203800001" not in out and "81298765432" not in out, out
    typed = [(c, p["field"]) for c, _, p in found(root) if c.startswith("schema.")]
    assert typed == [("schema.expected_text", "catatan")] * 2
    step.write_text(step.read_text("utf-8").replace("catatan: 3214131203800001", 'catatan: "3214131203800001"'))
    assert ("privacy.public_field", "04-persiapan.yaml") in [(c, f) for c, f, _ in found(root)]
    other.write_text(other.read_text("utf-8").replace("catatan: 6281298765432", "catatan: 42"))
    said = [p for c, f, p in found(root) if c == "schema.expected_text_quote" and f == "06-pembinaan.yaml"]
    assert said and said[0]["value"] == "42"  # an ordinary number is still quoted, with its fix


def test_a_scan_left_as_a_git_lfs_pointer_says_so(make_archive: MakeArchive) -> None:
    """An office keeping its scans in Git LFS, checked out where Git LFS is not installed (a CI
    runner, a new PC): each PDF is a 130-byte pointer. The check said 'changed since it was
    recorded' for every scan, naming no cause; it names the pointer and what to install."""
    root = make_archive()
    case = case_of(root)
    real = (case / "lampiran" / "01-data-rawan.pdf").read_bytes()
    oid = hashlib.sha256(real).hexdigest()
    pointer = f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize {len(real)}\n".encode()
    (case / "lampiran" / "01-data-rawan.pdf").write_bytes(pointer)
    out = [(c, f, p) for c, f, p in found(root) if f == "01-data.yaml" or "01-" in f]
    assert [(c, p["path"]) for c, _, p in out if c.startswith("file.")] == [
        ("file.lfs_pointer", "lampiran/01-data-rawan.pdf")
    ]
    said = CliRunner().invoke(main, ["check", str(root), "--no-cache"], env={"SOP_KIT_LANG": "id"}).output
    assert "penunjuk Git LFS" in said and "git lfs pull" in said, said


def _step_1_approved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SignedRepo:
    """A case whose step 1 its doer committed, signed: approved."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    repo = SignedRepo(tmp_path / "arsip")
    repo.start_archive(PEOPLE)
    repo.add_identity()
    repo.add_step("01-pengumpulan-data.yaml", ("lampiran/01-data-rawan.pdf",))
    repo.commit("Langkah 1", "dewi-lestari", "Dewi Lestari", "2026-03-02T09:00:00+07:00")
    return repo


def test_a_dropped_approval_names_its_commit_without_a_placeholder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _step_1_approved(tmp_path, monkeypatch)
    repo.add_step("02-verifikasi.yaml", ("lampiran/02-hasil-verifikasi.pdf",))
    dropped = repo.commit("Langkah 2", "agus-permana", "Agus Permana", "2026-03-03T10:00:00+07:00")
    args = ["check", str(repo.records)]
    CliRunner().invoke(main, args)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    result = CliRunner().invoke(main, args)
    line = next(line for line in result.output.splitlines() if "trail.approval_dropped" in line)
    assert dropped[:10] in line and "{" not in line


def test_a_dropped_approval_of_a_case_gone_with_it_names_where_the_case_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A clerk undoes a case opened by mistake with `git reset --hard`: its step-1 approval went
    # too, and the error names the step file where it was, not a path that never existed.
    repo = _step_1_approved(tmp_path, monkeypatch)
    step = repo.case_dir() / "langkah" / "01-pengumpulan-data.yaml"
    args = ["check", str(repo.records)]
    CliRunner().invoke(main, args)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    assert not repo.case_dir().exists()
    result = CliRunner().invoke(main, args)
    line = next(line for line in result.output.splitlines() if "trail.approval_dropped" in line)
    assert line.startswith(f"{repo.records}/{step.relative_to(repo.records).as_posix()}:")
    # The hint's own command brings the signed commit back, and the error goes with it.
    hint = result.output.splitlines()[result.output.splitlines().index(line) + 1]
    merge = re.search(r"`git merge (\w+)`", hint)
    assert merge is not None and f"sop-kit hentikan {BASE_ID} batal" in hint
    repo.git("merge", "-q", merge.group(1))
    again = CliRunner().invoke(main, args)
    assert step.is_file() and "trail." not in again.output


def test_settings_limits_have_defaults(tmp_path: Path) -> None:
    from sop_kit.records.config import ArchiveConfig

    config = ArchiveConfig()
    assert (config.max_file_bytes, config.max_case_bytes, config.third_party_analytics) == (50e6, 500e6, False)
    schema = json.loads((REPO / "schema" / "konfigurasi.schema.json").read_text("utf-8"))
    assert schema["properties"]["berkas_maks_mb"]["default"] == 50


def test_job_key_depends_on_the_templates_in_force(make_archive: MakeArchive, tmp_path: Path) -> None:
    """A changed template re-renders its documents, an unchanged one reuses them."""
    root = make_archive()
    first = dossier_only(root, tmp_path / "publik")
    assert first.rendered == 1
    assert dossier_only(root, tmp_path / "publik").skipped == 1
    override(root, '{% extends "default:dossier.html" %}')
    assert dossier_only(root, tmp_path / "publik").rendered == 1


def _walked_cases(root: Path) -> list[Path]:
    """The case folders as os.walk finds them (what Layout.case_dirs did before it was made
    to stat a case instead of listing it)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root / "kasus"):
        if "kasus.yaml" in filenames or "langkah" in dirnames:
            found.append(Path(dirpath))
            dirnames.clear()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    return sorted(found)


def test_case_folders_are_found_as_a_walk_finds_them_among_links_and_odd_names(tmp_path: Path) -> None:
    """Links to folders are not entered, a kasus.yaml that is a folder does not make a case but
    a dangling link named kasus.yaml does, a langkah/ that links to a folder does, hidden and
    nested folders: the same list as os.walk's, in the same order."""
    root = tmp_path / "records"
    kasus = root / "kasus"
    (root / "sop").mkdir(parents=True)
    outside = tmp_path / "outside"
    (outside / "2026-01-luar-aaaa").mkdir(parents=True)
    (outside / "2026-01-luar-aaaa" / "kasus.yaml").write_text("id: x\n")

    def folder(rel: str) -> Path:
        (kasus / rel).mkdir(parents=True, exist_ok=True)
        return kasus / rel

    (folder("2026/2026-01-biasa-aaaa") / "kasus.yaml").write_text("id: x\n")
    folder("2026/2026-01-langkah-bbbb/langkah")
    folder("2026/2026-01-folder-cccc/kasus.yaml")  # a folder named kasus.yaml: not a case
    folder("2026/2026-01-folder-cccc/dalam/lagi")
    (folder("2026/2026-01-folder-cccc/dalam/kasus-dddd") / "kasus.yaml").write_text("id: x\n")
    (folder("2026/2026-01-patah-eeee") / "kasus.yaml").symlink_to(tmp_path / "tidak-ada")
    (folder("2026/2026-01-tautan-ffff") / "langkah").symlink_to(outside)
    (kasus / "2026" / "2026-01-luar-aaaa").symlink_to(outside / "2026-01-luar-aaaa")  # not entered
    (kasus / "2025").symlink_to(outside)
    (folder("2026/.tersembunyi/2026-01-sembunyi-gggg") / "kasus.yaml").write_text("id: x\n")
    (folder("2026/2026-01-induk-hhhh") / "kasus.yaml").write_text("id: x\n")
    (folder("2026/2026-01-induk-hhhh/lampiran/2026-01-anak-iiii") / "kasus.yaml").write_text("id: x\n")
    (folder("2026-01-dangkal-jjjj") / "kasus.yaml").write_text("id: x\n")
    folder("2024")  # an empty year
    (kasus / "2026" / "catatan.txt").write_text("bukan kasus\n")

    expected = _walked_cases(root)
    assert [p.name for p in expected] == [
        "2026-01-biasa-aaaa",
        "kasus-dddd",
        "2026-01-induk-hhhh",
        "2026-01-langkah-bbbb",
        "2026-01-patah-eeee",
        "2026-01-tautan-ffff",
        "2026-01-dangkal-jjjj",
    ]
    assert locate(root).case_dirs() == expected
