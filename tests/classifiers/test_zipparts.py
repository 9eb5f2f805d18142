"""The zip archive of an Office file: parts read, and the archive written anew with the entries
that did not change copied as they were compressed."""

from __future__ import annotations

import io
import re
import struct
import zipfile

import pytest

from classifiers.inspection import InspectionError
from classifiers.zipparts import read_parts, write_parts

_ANY = re.compile(r".*")
_STYLES = b'<?xml version="1.0"?><styles>' + b"<style/>" * 5000 + b"</styles>"


def _archive(*entries: tuple[str, bytes, int], stream: bool = False) -> bytes:
    """A zip of (name, content, compression) entries, deflated at a level the writer does not
    use (so that an entry deflated anew would differ); ``stream`` writes it as to a pipe, each
    entry's sizes in a data descriptor after it."""
    out = io.BytesIO()
    target: io.BytesIO | _Pipe = _Pipe(out) if stream else out
    with zipfile.ZipFile(target, "w") as archive:  # type: ignore[arg-type]
        for name, content, compression in entries:
            info = zipfile.ZipInfo(name, (2024, 5, 17, 9, 30, 12))
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compresslevel=1)
    return out.getvalue()


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, as a response being written is."""

    def __init__(self, out: io.BytesIO) -> None:
        self.out = out

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return self.out.write(data)

    def flush(self) -> None:
        pass


def _compressed(body: bytes) -> dict[str, bytes]:
    """Each entry's compressed bytes, read from its local header."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        for info in archive.infolist():
            name_len, extra_len = struct.unpack_from("<2H", body, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            found[info.filename] = body[start : start + info.compress_size]
    return found


def _read(body: bytes) -> dict[str, tuple[bytes, int, tuple[int, ...], int]]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return {
            i.filename: (archive.read(i), i.compress_type, i.date_time, i.external_attr) for i in archive.infolist()
        }


@pytest.mark.parametrize("stream", [False, True], ids=["seekable", "data-descriptors"])
def test_unchanged_entries_are_copied_as_compressed(stream: bool) -> None:
    body = _archive(
        ("[Content_Types].xml", b"<Types/>", zipfile.ZIP_DEFLATED),
        ("word/styles.xml", _STYLES, zipfile.ZIP_DEFLATED),
        ("word/document.xml", "<w>张伟</w>".encode(), zipfile.ZIP_DEFLATED),
        ("docProps/thumbnail.jpeg", b"\xff\xd8 a picture", zipfile.ZIP_STORED),
        stream=stream,
    )
    masked = write_parts(body, {"word/document.xml": "<w>张*</w>".encode()}, ("docProps/thumbnail.jpeg",))
    before, after = _read(body), _read(masked)
    assert list(after) == ["[Content_Types].xml", "word/styles.xml", "word/document.xml"]
    assert after["word/document.xml"][0] == "<w>张*</w>".encode()
    for name in ("[Content_Types].xml", "word/styles.xml"):
        assert after[name] == before[name]
        assert _compressed(masked)[name] == _compressed(body)[name]
    assert after["word/document.xml"][1:] == before["word/document.xml"][1:]


def test_a_changed_entry_keeps_stored_or_deflated() -> None:
    body = _archive(("a.xml", b"<a>1</a>", zipfile.ZIP_STORED), ("b.xml", b"<b>1</b>" * 100, zipfile.ZIP_DEFLATED))
    masked = write_parts(body, {"a.xml": b"<a>2</a>", "b.xml": b"<b>2</b>" * 100}, ())
    with zipfile.ZipFile(io.BytesIO(masked)) as archive:
        assert [(i.compress_type, archive.read(i)) for i in archive.infolist()] == [
            (zipfile.ZIP_STORED, b"<a>2</a>"),
            (zipfile.ZIP_DEFLATED, b"<b>2</b>" * 100),
        ]


def test_a_name_out_of_ascii_is_written_as_utf8() -> None:
    body = _archive(("xl/worksheets/sheet١.xml", b"<s/>", zipfile.ZIP_DEFLATED), ("x.xml", b"<x/>", 8))
    masked = write_parts(body, {"x.xml": b"<y/>"}, ())
    assert list(_read(masked)) == ["xl/worksheets/sheet١.xml", "x.xml"]


def test_an_entry_not_where_the_directory_says_is_refused() -> None:
    body = bytearray(_archive(("a.xml", b"<a/>", 8), ("b.xml", b"<b/>", 8)))
    at = body.index(b"PK\x03\x04", 1)  # b.xml's local header
    body[at : at + 4] = b"XX\x03\x04"
    with pytest.raises(InspectionError) as raised:
        write_parts(bytes(body), {"a.xml": b"<c/>"}, ())
    assert raised.value.code == "unparseable"


def test_only_the_wanted_parts_are_read() -> None:
    body = _archive(("a.xml", b"<a/>", 8), ("styles.xml", _STYLES, 8))
    assert read_parts(body, _ANY, re.compile(r"a\.xml"), 1 << 20, "document") == {"a.xml": b"<a/>"}
    # The budget counts only what is inflated.
    assert read_parts(body, _ANY, re.compile(r"a\.xml"), 10, "document") == {"a.xml": b"<a/>"}
    with pytest.raises(InspectionError) as raised:
        read_parts(body, _ANY, _ANY, 10_000, "document")
    assert raised.value.code == "too_large"


def test_a_part_not_known_is_refused_even_unread() -> None:
    body = _archive(("a.xml", b"<a/>", 8), ("word/media/image1.png", b"\x89PNG", 0))
    with pytest.raises(InspectionError) as raised:
        read_parts(body, re.compile(r"a\.xml"), re.compile(r"a\.xml"), 1 << 20, "document")
    assert raised.value.code == "binary"


def _corrupt(body: bytes, where: str) -> bytes:
    """The archive with one thing in it broken as a damaged or crafted file has it."""
    out = bytearray(body)
    directory = out.index(b"PK\x01\x02")
    end = out.index(b"PK\x05\x06")
    if where == "stored-as-deflated":  # the first entry's method, in both headers
        out[8:10] = out[directory + 10 : directory + 12] = (8).to_bytes(2, "little")
    elif where == "directory-moved":  # the end record's offset of the directory, past it
        stated = int.from_bytes(out[end + 16 : end + 20], "little")
        out[end + 16 : end + 20] = (stated + 1000).to_bytes(4, "little")
    elif where == "version-unknown":
        out[directory + 6 : directory + 8] = (99).to_bytes(2, "little")
    return bytes(out)


@pytest.mark.parametrize("where", ["stored-as-deflated", "directory-moved", "version-unknown"])
def test_a_broken_archive_is_refused_not_crashed(where: str) -> None:
    """Found by fuzzing: zipfile's own errors (zlib.error, ValueError from a seek before the
    start, NotImplementedError) went out of the inspector as a crash."""
    body = _corrupt(_archive(("a.xml", b"<a>1234567890</a>", 0), ("b.xml", b"<b/>", 8)), where)
    with pytest.raises(InspectionError) as raised:
        read_parts(body, _ANY, _ANY, 1 << 20, "document")
    assert raised.value.code == "unparseable"


@pytest.mark.parametrize("compression", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_a_part_compressed_as_office_does_not_is_refused(compression: int) -> None:
    body = _archive(("a.xml", b"<a/>", 8), ("b.xml", b"<b/>", compression))
    with pytest.raises(InspectionError) as raised:
        read_parts(body, _ANY, re.compile(r"a\.xml"), 1 << 20, "document")
    assert raised.value.code == "unparseable"


def _hiding(body: bytes, hidden: str) -> bytes:
    """The archive with its entry ``hidden`` left out of the central directory, its local header
    and bytes still there: a reader of the directory does not see it, one of the local headers
    (Java's ZipInputStream) does."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        start = archive.start_dir
    end = body.index(b"PK\x05\x06")
    entries = body[start:end].split(b"PK\x01\x02")[1:]
    kept = b"".join(b"PK\x01\x02" + e for e in entries if hidden.encode() not in e[42:])
    count = len(entries) - 1
    return body[:start] + kept + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(kept), start, 0)


@pytest.mark.parametrize(
    "body",
    [
        _hiding(_archive(("a.xml", b"<a/>", 8), ("hidden.xml", b"<x>610902194912310022</x>", 0)), "hidden.xml"),
        _hiding(_archive(("hidden.xml", b"<x>610902194912310022</x>", 0), ("a.xml", b"<a/>", 8)), "hidden.xml"),
        b"610902194912310022" + _archive(("a.xml", b"<a/>", 8)),
    ],
    ids=["entry-hidden-last", "entry-hidden-first", "bytes-before"],
)
def test_bytes_no_entry_names_are_refused(body: bytes) -> None:
    """A file with nothing to mask goes out as it came: what no entry names would go with it."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.namelist() == ["a.xml"]
    with pytest.raises(InspectionError) as raised:
        read_parts(body, _ANY, _ANY, 1 << 20, "document")
    assert raised.value.code == "unparseable"


def test_a_streamed_archive_is_read_and_its_descriptors_checked() -> None:
    body = _archive(("a.xml", b"<a/>", 8), ("b.xml", b"<b/>", 8), stream=True)
    assert read_parts(body, _ANY, _ANY, 1 << 20, "document") == {"a.xml": b"<a/>", "b.xml": b"<b/>"}
    at = body.index(b"PK\x07\x08")  # the first entry's descriptor: its CRC changed
    wrong = body[: at + 4] + bytes(4) + body[at + 8 :]
    with pytest.raises(InspectionError):
        read_parts(wrong, _ANY, _ANY, 1 << 20, "document")
