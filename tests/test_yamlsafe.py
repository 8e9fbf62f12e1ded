"""The strict loader: every bad-YAML class gets a located error, never a traceback or a
silently changed value."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sop_kit.core.errors import SopKitError
from sop_kit.records import yamlsafe
from sop_kit.records.yamlsafe import MAX_BYTES, MAX_DEPTH, load_bytes, load_file


def error_of(raw: bytes) -> SopKitError:
    with pytest.raises(SopKitError) as info:
        load_bytes(raw, "x.yaml")
    return info.value


@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"a: 1\nb: 2\na: 3\n", "yaml.duplicate_key", 3),
        (b"a: &x 1\nb: *x\n", "yaml.anchor", 1),
        (b"a: 1\nb:\n  c: *x\n", "yaml.anchor", 3),
        (b"a: !!int 3\n", "yaml.tag", 1),
        (b"a: 1\nb: !custom x\n", "yaml.tag", 2),
        (b"a: !!python/object:os.system x\n", "yaml.tag", 1),
        (b"a: 1\n---\nb: 2\n", "yaml.multi_doc", 2),
        (b"? [a, b]\n: 1\n", "yaml.complex_key", 1),
        (b"a: 1\nb: [\n", "yaml.syntax", 3),
        (b"a:\n\tb: 1\n", "yaml.syntax", 2),
        (b"a: 1\nb: caf\xe9\n", "yaml.not_utf8", 2),
        (b"a: 1\nb: x\x00y\n", "yaml.bad_char", 2),
        ("a: 1\nb: ok\u202eevil\n".encode(), "yaml.bad_char", 2),
        ("a: 1\n\nb: \u2066x\u2069\n".encode(), "yaml.bad_char", 3),
        # The same characters written as escapes in a double-quoted scalar, which libyaml decodes.
        (b'a: 1\nb: "x\\e[2Ky"\n', "yaml.bad_escape", 2),
        (b'a:\n  - ok\n  - "ok\\u202eevil"\n', "yaml.bad_escape", 3),
        (b'a: "x\\ry"\n', "yaml.bad_escape", 1),
        (b'a: "\\x85"\n', "yaml.bad_escape", 1),
        (b'"k\\x00": 1\n', "yaml.bad_escape", 1),
    ],
)
def test_bad_yaml_is_located(raw: bytes, code: str, line: int) -> None:
    err = error_of(raw)
    assert (err.code, err.file, err.line) == (code, "x.yaml", line)


def test_tab_and_newline_escapes_stay_text() -> None:
    assert load_bytes(b"a: \"x\\ty\\nz\"\nb: '\\e'\n", "x.yaml").data == {"a": "x\ty\nz", "b": "\\e"}


def test_too_large_is_rejected() -> None:
    err = error_of(b"a: " + b"x" * MAX_BYTES + b"\n")
    assert err.code == "yaml.too_large"


def test_too_deep_is_rejected() -> None:
    deep = "".join("  " * i + "k:\n" for i in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n"
    assert error_of(deep.encode()).code == "yaml.too_deep"
    nested_flow = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    assert error_of(nested_flow.encode()).code == "yaml.too_deep"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),  # YAML 1.1 would make this False
        ("yes", "yes"),
        ("off", "off"),
        ("010", "010"),  # YAML 1.1 octal 8
        ("0o10", "0o10"),
        ("0x1F", "0x1F"),
        ("12:30", "12:30"),  # YAML 1.1 sexagesimal 750
        ("1_000", "1_000"),
        ("1e3", "1e3"),
        (".inf", ".inf"),
        ("081234567890", "081234567890"),  # phone keeps its leading zero
        ("+6281234567890", "+6281234567890"),
        ("2024-02-30", "2024-02-30"),  # dates stay text; the models judge them
        ("3214131203800001", 3214131203800001),  # canonical decimal: exact int
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("-5", -5),
        ("1.5", 1.5),
    ],
)
def test_scalars_resolve_only_canonically(text: str, expected: object) -> None:
    data = load_bytes(f"v: {text}\n".encode(), "x.yaml").data
    assert data["v"] == expected
    assert type(data["v"]) is type(expected)


def test_quoted_scalars_are_always_text() -> None:
    data = load_bytes(b"a: 'true'\nb: \"5\"\nc: |\n  12\n", "x.yaml").data
    assert data == {"a": "true", "b": "5", "c": "12\n"}


def test_lines_are_remembered_for_keys_and_items() -> None:
    loaded = load_bytes(b"a: 1\nlist:\n  - x: 1\n    y: 2\n  - z\n", "x.yaml")
    assert loaded.line_of(("list", 0, "y")) == 4
    assert loaded.line_of(("list", 1)) == 5
    assert loaded.line_of(("list", 0, "missing")) == 3  # falls back to the nearest ancestor


def test_bom_is_tolerated() -> None:
    assert load_bytes(b"\xef\xbb\xbfa: 1\n", "x.yaml").data == {"a": 1}


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SopKitError) as info:
        load_file(tmp_path / "missing.yaml", "missing.yaml")
    assert info.value.code == "io.unreadable"


# --- the fast way (libyaml's composer) gives what the reference (events) gives -----------

REPO = Path(__file__).resolve().parent.parent

VALID = [
    "",
    "# only a comment\n",
    "plain\n",
    "---\na: 1\n...\n",
    "%YAML 1.1\n---\na: no\n",
    "a: 1\nb: -2\nc: 1.50\nd: 01\ne: 0x1F\nf: 1e3\ng: .inf\nh: ~\ni:\nj: null\nk: True\nl: FALSE\nm: yes\n",
    "a: '1'\nb: \"true\"\nc: |\n  12\n  13\nd: >-\n  lipat\n  teks\ne: |+\n  keep\n\n",
    "a: [1, two, '3', {b: c}, []]\nd: {}\ne: {f: [g, {h: null}]}\n",
    "? a\n: 1\n? b\n: [x]\n",
    "'1': a\n\"2\": b\n3: c\n<<: d\n",
    "teks: baris satu\n  baris dua\n  baris tiga\n",
    "- a\n- - b\n  - c\n- d: e\n  f: [g]\n",
    "kosong: ''\nspasi: ' '\nunicode: Désa Cibening — 12:30 \u00e9\n",
    'waktu: 2026-03-04 08:00\ntanggal: 2026-03-04\ntelepon: 081234567890\nnik: "3214131203800001"\n',
    "a:\n  b:\n    c:\n      d: [1, [2, [3]]]\n",
]


@pytest.mark.parametrize("text", VALID)
def test_the_fast_way_gives_the_reference_values(text: str) -> None:
    assert yamlsafe._compose(text) == yamlsafe._parse(text, "x.yaml", False)[0]
    assert load_bytes(text.encode(), "x.yaml").data == yamlsafe._parse(text, "x.yaml", False)[0]


def test_every_shipped_yaml_file_loads_the_same_both_ways() -> None:
    files = [p for p in REPO.glob("**/*.yaml") if ".venv" not in p.parts and "out" not in p.parts]
    assert len(files) > 100
    for path in files:
        text = path.read_text("utf-8")
        if yamlsafe._MAY_HOLD_NODE_PROPERTIES.search(text):
            continue  # the fast way is never taken for these
        try:
            reference = yamlsafe._parse(text, str(path), False)[0]
        except SopKitError:
            continue  # the corpus's deliberately broken records
        assert yamlsafe._compose(text) == reference, path


@pytest.mark.parametrize(
    "raw",
    [
        b"a: 1\nb: 2\na: 3\n",
        b"? [a, b]\n: 1\n",
        b"a: 1\n---\nb: 2\n",
        b"a: 1\nb: [\n",
        "".join("  " * i + "k:\n" for i in range(MAX_DEPTH + 2)).encode(),
        b"a: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n",
    ],
    ids=["duplicate", "complex-key", "two-documents", "syntax", "deep-block", "deep-flow"],
)
def test_what_the_fast_way_refuses_the_reference_locates(raw: bytes) -> None:
    text = raw.decode()
    with pytest.raises((yamlsafe._Refer, yaml.YAMLError)):
        yamlsafe._compose(text)
    with pytest.raises(SopKitError) as fast:
        load_bytes(raw, "x.yaml")
    with pytest.raises(SopKitError) as reference:
        yamlsafe._parse(text, "x.yaml", False)
    assert (fast.value.code, fast.value.line) == (reference.value.code, reference.value.line)


def test_text_that_may_hold_anchors_or_tags_never_takes_the_fast_way() -> None:
    # The composer would silently share an aliased node and forget an unused anchor.
    for raw in (b"a: &x 1\n", b"a: &x 1\nb: *x\n", b"a: !!str 1\n", b"a: !x 1\n"):
        assert yamlsafe._MAY_HOLD_NODE_PROPERTIES.search(raw.decode())
        assert error_of(raw).code in ("yaml.anchor", "yaml.tag")
    assert load_bytes(b"a: Terima kasih! & salam *\n", "x.yaml").data == {"a": "Terima kasih! & salam *"}
