"""Hostile documents, made at test time: zip bombs posing as .docx (one that declares its 2 GiB,
one that lies about its size, one of thousands of members), broken XML, an XML entity bomb,
text that is not UTF-8, bytes that are not text, a truncated PDF."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from . import corpus

GIB2 = 2 << 30
# zlib.crc32 of 2 GiB of zero bytes, worked out once (it takes seconds to compute).
CRC_ZEROS_2GIB = 0x4DBDF21C


def _deflated(head: bytes, fill: int, blocks: int, tail: bytes) -> bytes:
    """Raw deflate of head + blocks x 1 MiB of ``fill`` + tail, built from one compressed block:
    a full flush makes every block of the same input compress to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(bytes([fill]) * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    return start + block * blocks + c.compress(tail) + c.flush()


def _zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> None:
    """A zip written by hand from (name, raw deflate data, crc, declared size): what a zip
    library would refuse to write, an attacker writes anyway."""
    out, central = b"", b""
    for name, data, crc, size in members:
        raw = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(raw), 0, 0, 0, 0, 0, len(out)) + raw  # fmt: skip
        out += (
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0) + raw + data
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    path.write_bytes(out + central + end)


def _member(name: str, text: bytes) -> tuple[str, bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, c.compress(text) + c.flush(), zlib.crc32(text), len(text)


_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def _word_parts(folder: Path) -> list[tuple[str, bytes, int, int]]:
    """Every part of a real SOP .docx but its document.xml: the bomb poses as a Word document."""
    with zipfile.ZipFile(corpus.write("docx", folder)) as z:
        return [_member(i.filename, z.read(i)) for i in z.infolist() if i.filename != "word/document.xml"]


def zip_bomb(folder: Path, path: Path) -> None:
    """2 MB on disk, word/document.xml inflating to 2 GiB, its size declared honestly."""
    bomb = ("word/document.xml", _deflated(b"", 0, GIB2 >> 20, b""), CRC_ZEROS_2GIB, GIB2)
    _zip(path, [*_word_parts(folder), bomb])


def lying_zip_bomb(folder: Path, path: Path) -> None:
    """word/document.xml inflates to 64 MiB of XML but declares 1000 bytes."""
    head, tail = b'<?xml version="1.0"?><w:document xmlns:w="urn:x">', b"</w:document>"
    _zip(path, [*_word_parts(folder), ("word/document.xml", _deflated(head, 0x20, 64, tail), 0, 1000)])


def many_members(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", _TYPES)
        for i in range(5000):
            z.writestr(f"word/media/x{i}.xml", "<a/>")


def _replace_document(source: Path, path: Path, document: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, document if item.filename == "word/document.xml" else old.read(item))


def broken_xml(folder: Path, path: Path) -> None:
    """A real SOP .docx whose document.xml is cut off in the middle, as a failed copy leaves it."""
    good = corpus.write("docx-ap", folder)
    with zipfile.ZipFile(good) as z:
        xml = z.read("word/document.xml")
    _replace_document(good, path, xml[: len(xml) // 2])


def entity_bomb(folder: Path, path: Path) -> None:
    """'Billion laughs' in document.xml: entities that expand to gigabytes if resolved."""
    good = corpus.write("docx", folder)
    levels = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "ha">{levels}]><d>&e9;</d>'.encode()
    _replace_document(good, path, xml)


def windows_1252(folder: Path, path: Path) -> None:
    """The corpus SOP saved by Notepad on an Indonesian office's Windows: its dash is byte 0x97."""
    text = corpus.write("txt", folder).read_text("utf-8")
    path.write_bytes(text.encode("cp1252"))


def binary_as_text(path: Path) -> None:
    path.write_bytes(b"NOMOR SOP : 1\nTGL PEMBUATAN : Januari 2020\n" + bytes(range(256)))


def truncated_pdf(folder: Path, path: Path) -> None:
    data = corpus.write("pdf-a4", folder).read_bytes()
    path.write_bytes(data[: len(data) // 3])
