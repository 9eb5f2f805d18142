"""The entries of an Office file's zip archive: the parts to parse read once each, and the
archive written anew with an entry that did not change copied as it was compressed.

Reading checks what a zip bomb or a crafted archive tries: every entry's name is one the kind
knows (any other may hold what is not rewritten: photos of ID cards, embedded files), none is
there twice, encrypted or compressed as Office does not, every byte before the directory
belongs to an entry it names, and the parts read inflate to no more than a few times the
inspection limit and to the size they state (a zip bomb inflates a thousand times).

Writing copies the compressed bytes of every entry that did not change: deflating again is
most of a masked document's time (the 800 KB of styles python-docx writes, a workbook's theme),
and an entry passed as it came needs no more trust than the file passed unmasked would.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Collection, Mapping
from typing import Final

from .inspection import InspectionError

# How many times the inspection limit the parts read may hold once inflated. XML deflates five
# to ten times: a file of a few MB is read, and what is held in memory stays within a few times
# what a text body may be.
_INFLATED_MAX: Final = 4

# The records of a zip archive without zip64 (APPNOTE 4.3.7, 4.3.12, 4.3.16).
_LOCAL: Final = struct.Struct("<4s5H3L2H")
_CENTRAL: Final = struct.Struct("<4s6H3L5H2L")
_END: Final = struct.Struct("<4s4H2LH")
_LOCAL_SIGNATURE: Final = b"PK\x03\x04"
# A data descriptor's CRC and sizes (4.3.9), after its optional signature: four bytes each, or
# eight for the sizes with zip64.
_DESCRIPTORS: Final = (struct.Struct("<3L"), struct.Struct("<L2Q"))
# What zipfile raises on an archive or an entry it cannot read: a bad directory, a version it
# does not know, an offset before the start (ValueError from seek), a corrupt deflate stream.
_UNREADABLE: Final = (zipfile.BadZipFile, ValueError, NotImplementedError, OSError, EOFError, zlib.error)
_UTF8_NAME: Final = 0x800  # general purpose flag bit 11: the name is UTF-8, not code page 437


def read_parts(
    body: bytes, known: re.Pattern[str], wanted: re.Pattern[str], max_bytes: int, kind: str
) -> dict[str, bytes]:
    """The ``wanted`` parts by name, in the archive's order, each one checked; every entry must
    be ``known`` (``kind`` names the file in errors: "workbook", "document")."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except _UNREADABLE as exc:
        raise InspectionError("unparseable", f"the {kind} is not a readable zip archive: {exc}") from None
    budget = max_bytes * _INFLATED_MAX
    seen: set[str] = set()
    parts: dict[str, bytes] = {}
    with archive:
        _check_laid_out(body, archive.infolist(), archive.start_dir, kind)
        for info in archive.infolist():
            name = info.filename
            if name in seen:
                # Two entries of one name: readers disagree on which one counts.
                raise InspectionError("unparseable", f"the {kind} holds {name} twice")
            seen.add(name)
            if info.flag_bits & 0x1:
                raise InspectionError("unparseable", f"the {kind}'s part {name} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                # Office writes no other; bzip2 and LZMA would bring their own errors and bombs.
                raise InspectionError("unparseable", f"the {kind}'s part {name} is compressed as Office does not")
            if name.endswith("/") and info.file_size == 0:
                continue  # a folder's entry
            if not known.fullmatch(name):
                raise InspectionError("binary", f"a {kind}'s part {name!r} cannot be inspected")
            if not wanted.fullmatch(name):
                continue
            budget -= info.file_size
            if budget < 0:
                raise InspectionError("too_large", f"the {kind}'s parts exceed the inspection limit once inflated")
            try:
                with archive.open(info) as part:
                    data = part.read(info.file_size + 1)  # the size the directory states is checked too
            except _UNREADABLE as exc:
                raise InspectionError("unparseable", f"the {kind}'s part {name} cannot be read: {exc}") from None
            if len(data) != info.file_size:
                raise InspectionError("unparseable", f"the {kind}'s part {name} is not the size it states")
            parts[name] = data
    return parts


def entry_names(body: bytes) -> list[str]:
    """The names of the entries of an archive ``read_parts`` has read, in its order."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return archive.namelist()


def write_parts(body: bytes, changed: Mapping[str, bytes], dropped: Collection[str]) -> bytes:
    """The archive written anew, its entries in their order: one in ``changed`` with its new
    content (deflated, or stored as it was), one in ``dropped`` left out, any other copied as
    it was compressed. Entry and archive comments and extra fields are not kept."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        infos = archive.infolist()
    out = bytearray()
    directory = bytearray()
    count = 0
    for info in infos:
        name = info.filename
        if name in dropped:
            continue
        if name in changed:
            content = changed[name]
            method = info.compress_type  # stored or deflated: read_parts refuses any other
            packed: bytes | memoryview = content if method == zipfile.ZIP_STORED else _deflate(content)
            crc, size, needs = zlib.crc32(content), len(content), 20
        else:
            packed = _compressed(body, info)
            method, crc, size, needs = info.compress_type, info.CRC, info.file_size, info.extract_version
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        time, date = _dos_time(info.date_time)
        offset = len(out)
        out += _LOCAL.pack(_LOCAL_SIGNATURE, needs, flags, method, time, date, crc, len(packed), size, len(encoded), 0)
        out += encoded
        out += packed
        made_by = info.create_system << 8 | info.create_version
        directory += _CENTRAL.pack(
            b"PK\x01\x02", made_by, needs, flags, method, time, date, crc, len(packed), size, len(encoded), 0, 0, 0,
            info.internal_attr, info.external_attr, offset,
        )  # fmt: skip
        directory += encoded
        count += 1
    if count > 0xFFFF or len(out) + len(directory) > 0xFFFFFFFF:
        raise InspectionError("too_large", "the masked archive would need zip64")
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), len(out), 0)
    return bytes(out + directory + end)


def drop_references(
    parts: Mapping[str, bytes], changed: dict[str, bytes], holders: tuple[str, ...], refs: re.Pattern[str]
) -> None:
    """The ``holders`` (the content types, a relationships part) with the elements ``refs``
    matches taken out, put in ``changed`` where that changed them: what named a dropped part."""
    for name in holders:
        if name in parts:
            text = parts[name].decode("utf-8")
            kept = refs.sub("", text)
            if kept != text:
                changed[name] = kept.encode("utf-8")


def _check_laid_out(body: bytes, infos: list[zipfile.ZipInfo], directory: int, kind: str) -> None:
    """Every byte before the central directory belongs to an entry the directory names, one
    after the other. Bytes of no entry are read by no reader of the directory, but a reader that
    walks the local headers (Java's ZipInputStream among them) finds an entry hidden there, and
    the file would go out unread whenever nothing in it is masked."""
    at = 0
    for info in sorted(infos, key=lambda info: info.header_offset):
        if info.header_offset != at:
            raise InspectionError("unparseable", f"the {kind} holds bytes that no entry of its directory names")
        at = _data_span(body, info)[1]
        if info.flag_bits & 0x8:
            at += _descriptor_length(body, at, info)
    if at != directory:
        raise InspectionError("unparseable", f"the {kind} holds bytes that no entry of its directory names")


def _data_span(body: bytes, info: zipfile.ZipInfo) -> tuple[int, int]:
    """Where an entry's compressed bytes start and end, after its local header."""
    at = info.header_offset
    if at < 0 or at + _LOCAL.size > len(body):
        raise InspectionError("unparseable", f"the archive's entry {info.filename} is not where it is said to be")
    fields = _LOCAL.unpack_from(body, at)
    if fields[0] != _LOCAL_SIGNATURE:
        raise InspectionError("unparseable", f"the archive's entry {info.filename} has no local header")
    start = at + _LOCAL.size + fields[9] + fields[10]
    end = start + info.compress_size
    if end > len(body):
        raise InspectionError("unparseable", f"the archive's entry {info.filename} ends past the archive")
    return start, end


def _descriptor_length(body: bytes, at: int, info: zipfile.ZipInfo) -> int:
    """The length of the data descriptor at ``at`` (written after an entry whose sizes were not
    known before it: a streamed archive), which must state what the directory does."""
    signed = 4 if body[at : at + 4] == b"PK\x07\x08" else 0
    for layout in _DESCRIPTORS:
        end = at + signed + layout.size
        if end <= len(body) and layout.unpack_from(body, at + signed) == (info.CRC, info.compress_size, info.file_size):
            return signed + layout.size
    raise InspectionError("unparseable", f"the archive's entry {info.filename} has a data descriptor of other sizes")


def _compressed(body: bytes, info: zipfile.ZipInfo) -> memoryview:
    """An entry's compressed bytes, as they stand after its local header."""
    start, end = _data_span(body, info)
    return memoryview(body)[start:end]


def _deflate(content: bytes) -> bytes:
    """Raw deflate at zlib's default level, as zipfile writes an entry."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """(time, date) as MS-DOS writes them, in two-second steps."""
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
