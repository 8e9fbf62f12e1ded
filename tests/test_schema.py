"""The editor schemas: generated from the models, shipped in schema/, valid draft-07, in Bahasa
Indonesia, and they accept exactly what the records are — checked on every shipped record."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from sop_kit.clerk.schema import KETERANGAN, SCHEMA_FILES, Kind, dumps, schema_dir, schemas, write_schemas
from sop_kit.cli.main import main
from sop_kit.records.yamlsafe import load_file

from .conftest import REPO

SCHEMAS = schemas()


def validator(kind: Kind) -> jsonschema.protocols.Validator:
    cls = jsonschema.Draft7Validator
    return cls(SCHEMAS[kind], format_checker=cls.FORMAT_CHECKER)


def kind_of(path: Path) -> Kind:
    if path.name == "kasus.yaml":
        return "kasus"
    if path.parent.name == "langkah":
        return "langkah"
    if path.name == "staf.yaml":
        return "staf"
    if path.parent.name == "nomor":
        return "nomor"
    assert path.parent.name == "sop", path
    return "sop"


def objects(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [schema, *schema.get("definitions", {}).values()]


def test_shipped_schema_folder_is_what_the_models_produce() -> None:
    shipped = REPO / "schema"
    assert sorted(p.name for p in shipped.iterdir()) == sorted(SCHEMA_FILES.values())
    for kind, name in SCHEMA_FILES.items():
        assert (shipped / name).read_text("utf-8") == dumps(SCHEMAS[kind]), (
            f"schema/{name} is stale: run `sop-kit schema --out schema`"
        )


def test_every_schema_is_valid_draft_07_with_identity() -> None:
    for kind, data in SCHEMAS.items():
        jsonschema.Draft7Validator.check_schema(data)
        assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert data["$id"] == f"urn:sop-kit:schema:{kind}:1"
        assert data["title"] and data["additionalProperties"] is False
        assert "$defs" not in json.dumps(data)  # draft-07 refs point into definitions


def test_every_model_and_field_has_an_indonesian_description() -> None:
    for data in SCHEMAS.values():
        for obj in objects(data):
            assert obj.get("description"), obj["title"]
            for name, prop in obj["properties"].items():
                assert prop.get("description"), f"{obj['title']}.{name}: add it to KETERANGAN in sop_kit/schema.py"
    # No stale entries: every model and field KETERANGAN names exists.
    from sop_kit.records.config import Konfigurasi
    from sop_kit.records.models import CatatanLangkah, Kasus, Registri, Sop
    from sop_kit.records.nomor import Register

    fields: dict[str, set[str]] = {}
    for model in (Kasus, CatatanLangkah, Registri, Sop, Konfigurasi, Register):
        raw = model.model_json_schema()
        for obj in [raw, *raw.get("$defs", {}).values()]:
            fields[obj["title"]] = {"", *obj["properties"]}
    for model_name, texts in KETERANGAN.items():
        assert set(texts) <= fields.get(model_name, set()), (model_name, set(texts) - fields.get(model_name, set()))


def test_hover_texts_are_indonesian_and_personal_fields_say_so() -> None:
    kasus = SCHEMAS["kasus"]
    assert kasus["description"].startswith("Identitas satu kasus")
    family = kasus["definitions"]["KeluargaSasaran"]["properties"]
    assert family["nik"]["description"] == "NIK kepala keluarga, 16 angka. Data pribadi: tidak pernah diterbitkan."
    # A model-typed field keeps its description where draft-07 reads it: beside allOf, not $ref.
    assert kasus["properties"]["sop"] == {
        "allOf": [{"$ref": "#/definitions/SopRef"}],
        "description": "SOP yang diikuti kasus ini, dan revisinya.",
    }


SHIPPED = sorted((REPO / "records").rglob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(REPO / "records")))
def test_every_shipped_record_is_accepted(path: Path) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator(kind_of(path)).iter_errors(load_file(path).data)
    ]
    assert errors == []


def test_the_shipped_records_cover_every_record_kind() -> None:
    assert {kind_of(p) for p in SHIPPED} == {"kasus", "langkah", "staf", "sop", "nomor"}
    assert len(SHIPPED) > 20


def test_archive_config_is_accepted_and_a_bad_policy_rejected() -> None:
    check = validator("konfigurasi")
    assert check.is_valid({"format": "sop-kit/konfigurasi/1", "tanda_tangan": "wajib", "akar_kepercayaan": "a" * 64})
    assert not check.is_valid({"format": "sop-kit/konfigurasi/1", "tanda_tangan": "kadang"})
    assert not check.is_valid({"format": "sop-kit/konfigurasi/1", "akar_kepercayaan": "not-a-digest"})


def a_step() -> dict[str, Any]:
    steps = sorted(REPO.glob("records/kasus/*/*/langkah/*.yaml"))
    data: dict[str, Any] = load_file(steps[0]).data
    return data


def test_wrong_records_are_rejected_where_they_are_wrong() -> None:
    step = a_step()
    assert validator("langkah").is_valid(step)
    unknown_key = {**copy.deepcopy(step), "catatn": "salah ketik"}
    bad_status = {**copy.deepcopy(step), "status": "beres"}
    bad_time = {**copy.deepcopy(step), "mulai": "2026-13-01 09:00"}  # caught by the check, not the pattern
    assert {e.validator for e in validator("langkah").iter_errors(unknown_key)} == {"additionalProperties"}
    assert [tuple(e.absolute_path) for e in validator("langkah").iter_errors(bad_status)] == [("status",)]
    assert validator("langkah").is_valid(bad_time)  # the schema is a typing aid; the check stays the judge

    case: dict[str, Any] = load_file(next(REPO.glob("records/kasus/*/*/kasus.yaml"))).data
    missing = {k: v for k, v in case.items() if k != "lokasi"}
    assert [e.message for e in validator("kasus").iter_errors(missing)] == ["'lokasi' is a required property"]
    bad_date = copy.deepcopy(case)
    bad_date["periode"]["mulai"] = "2026-02-30"
    assert [tuple(e.absolute_path) for e in validator("kasus").iter_errors(bad_date)] == [("periode", "mulai")]


def test_numbers_the_loader_reads_as_integers_are_accepted_like_the_check_does() -> None:
    staff: dict[str, Any] = load_file(REPO / "records" / "staf.yaml").data
    person = staff["staf"][0]
    person["nip"] = int(person["nip"].replace(" ", ""))  # written unquoted, without spaces
    assert validator("staf").is_valid(staff)
    person["nip"] = "1965 abc"
    assert not validator("staf").is_valid(staff)


def test_cli_writes_the_schemas_beside_the_records_by_default(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    result = CliRunner().invoke(main, ["schema", "--root", str(tmp_path / "records")])
    assert result.exit_code == 0, result.output
    out = schema_dir(tmp_path / "records")
    assert sorted(p.name for p in out.iterdir()) == sorted(SCHEMA_FILES.values())
    assert f"{len(SCHEMA_FILES)} skema JSON ditulis" in result.output
    for name in SCHEMA_FILES.values():
        assert (out / name).read_text("utf-8") == (REPO / "schema" / name).read_text("utf-8")


def test_cli_out_option_and_english(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path / "x" / "y"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"{len(SCHEMA_FILES)} JSON schemas written" in result.output
    assert (tmp_path / "x" / "y" / "kasus.schema.json").is_file()


def test_write_schemas_is_deterministic(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in write_schemas(tmp_path / "a")]
    second = [p.read_bytes() for p in write_schemas(tmp_path / "b")]
    assert first == second
    assert all(b.endswith(b"}\n") for b in first)
