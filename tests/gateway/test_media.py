from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from classifiers.mediatypes import DOCUMENT, WORKBOOK
from gateway.media import (
    DecodeError,
    content_coding,
    decode_content,
    is_textual,
    office_type,
    parse_content_type,
    sniff,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("application/json", ("application/json", None)),
        ("application/json; charset=UTF-8", ("application/json", "utf-8")),
        ('text/csv; charset="GBK"', ("text/csv", "gbk")),
        (None, ("", None)),
    ],
)
def test_parse_content_type(header: str | None, expected: tuple[str, str | None]) -> None:
    assert parse_content_type(header) == expected


@pytest.mark.parametrize(
    ("media_type", "textual"),
    [
        ("application/json", True),
        ("application/problem+json", True),
        ("application/jsonl", True),  # JSON lines: sniffed as one JSON document, they would not parse
        ("text/csv", True),
        ("", True),  # no Content-Type: inspect anyway
        ("image/png", False),
        ("application/octet-stream", False),
        ("application/pdf", False),
    ],
)
def test_is_textual(media_type: str, textual: bool) -> None:
    assert is_textual(media_type) is textual


BODY = ('{"idNumber": "11010519491231002X"}' * 100).encode()


@pytest.mark.parametrize(
    ("encoding", "encoded"),
    [
        ("gzip", gzip.compress(BODY)),
        ("deflate", zlib.compress(BODY)),
        ("deflate", zlib.compress(BODY)[2:-4]),  # raw deflate, as some servers send it
        ("br", brotli.compress(BODY)),
        ("gzip, br", brotli.compress(gzip.compress(BODY))),
        ("gzip", gzip.compress(BODY[:1000]) + gzip.compress(BODY[1000:])),  # two members, as gzip(1) appends
        ("identity", BODY),
    ],
)
def test_decode_content(encoding: str, encoded: bytes) -> None:
    assert decode_content(encoded, encoding, 1 << 20) == BODY


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], ""),
        ([b"gzip"], "gzip"),
        ([b"identity"], ""),  # no coding: the body is what it is (sniffed when typed as binary)
        ([b"gzip", b"gzip"], "gzip, gzip"),  # two lines are one list (RFC 9110 5.3)
        ([b"gzip", b"identity"], "gzip"),
        ([b"gzip, br", b" Identity ", b"deflate"], "gzip, br, deflate"),
    ],
)
def test_content_coding_reads_every_line(lines: list[bytes], expected: str) -> None:
    headers = [(b"content-type", b"application/json"), *((b"content-encoding", line) for line in lines)]
    assert content_coding(headers) == expected


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_decompression_bombs_are_capped(encoding: str) -> None:
    bomb_plain = b"0" * (50 * 1024 * 1024)
    bomb = gzip.compress(bomb_plain) if encoding == "gzip" else brotli.compress(bomb_plain)
    assert len(bomb) < 200 * 1024
    with pytest.raises(DecodeError) as error:
        decode_content(bomb, encoding, 1024 * 1024)
    assert error.value.code == "too_large"


@pytest.mark.parametrize(
    ("encoding", "body", "code"),
    [
        ("gzip", b"not gzip at all", "unparseable"),
        ("gzip", gzip.compress(BODY)[:-20], "unparseable"),
        # Bytes after the stream would reach a client that reads the raw body, uninspected.
        ("gzip", gzip.compress(BODY) + b'{"idNumber": "11010519491231002X"}', "unparseable"),
        ("deflate", zlib.compress(BODY) + zlib.compress(BODY), "unparseable"),
        ("br", b"\xff\xff\xff", "unparseable"),
        ("compress", b"x", "unsupported_encoding"),
    ],
)
def test_bad_encodings(encoding: str, body: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as error:
        decode_content(body, encoding, 1 << 20)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"idNumber": "11010519491231002X"}', "application/json"),
        (b"\xef\xbb\xbf[1, 2]", "application/json"),
        ("姓名,身份证号码\r\n张伟,11010519491231002X".encode(), "text/plain"),
        ("姓名,身份证号码".encode("gbk"), "text/plain"),
        ("张伟".encode()[:-1], "text/plain"),  # a character cut by the sample's end
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),
        (b"%PDF-1.7\n\x00", None),
        (b"\x01\x02\x03binary", None),
        (b"", None),
    ],
)
def test_sniff(head: bytes, expected: str | None) -> None:
    assert sniff(head) == expected


def test_a_brotli_bomb_never_allocates_its_size() -> None:
    import tracemalloc

    bomb = brotli.compress(b"0" * (512 * 1024 * 1024), quality=5)  # 512 MiB from under 1 KiB
    tracemalloc.start()
    try:
        with pytest.raises(DecodeError):
            decode_content(bomb, "br", 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


_ZIP = b"PK\x03\x04\x14\x00"


@pytest.mark.parametrize(
    ("media_type", "head", "disposition", "office"),
    [
        (WORKBOOK, b"", None, WORKBOOK),  # its own type: the inspector judges the bytes
        (DOCUMENT, b"", None, DOCUMENT),
        ("application/vnd.ms-excel", _ZIP, None, WORKBOOK),  # an .xls is no zip
        ("application/vnd.ms-excel", b"\xd0\xcf\x11\xe0", None, None),  # an .xls
        ("application/msword", _ZIP, None, DOCUMENT),  # a .doc is no zip
        ("application/msword", b"\xd0\xcf\x11\xe0", None, None),  # a .doc
        ("application/octet-stream", _ZIP, b'attachment; filename="export.xlsx"', WORKBOOK),
        ("application/octet-stream", _ZIP, b"attachment; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C.XLSX", WORKBOOK),
        ("", _ZIP, b"attachment; filename=a.xlsm", WORKBOOK),
        ("application/zip", _ZIP, b"attachment; filename=a.xlsx", WORKBOOK),
        ("application/octet-stream", _ZIP, 'attachment; filename="审批表.docx"'.encode(), DOCUMENT),
        ("", _ZIP, b"attachment; filename*=UTF-8''%E5%AE%A1.DOCX", DOCUMENT),
        ("application/octet-stream", _ZIP, None, None),  # a zip of something else
        ("application/octet-stream", _ZIP, b"attachment; filename=a.xlsx.zip", None),
        ("application/zip", _ZIP, b"attachment; filename=photos.zip", None),
        ("application/octet-stream", _ZIP, b"attachment; filename=a.doc.zip", None),
        ("application/pdf", _ZIP, b"attachment; filename=a.xlsx", None),
        ("application/octet-stream", b"%PDF-1.4", b"attachment; filename=a.docx", None),
    ],
)
def test_office_type(media_type: str, head: bytes, disposition: bytes | None, office: str | None) -> None:
    headers = [(b"Content-Type", media_type.encode())]
    headers += [] if disposition is None else [(b"Content-Disposition", disposition)]
    assert office_type(media_type, head, headers) == office
