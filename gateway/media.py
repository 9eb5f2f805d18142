"""What a body is (media type, charset) and how to undo its content coding, with a size cap."""

from __future__ import annotations

import re
import zlib

import brotli

from classifiers.mediatypes import DOCUMENT, WORKBOOK

from .types import Headers

# Media types the inspector can read. A response without Content-Type is treated as text:
# upstreams that forget the header still send JSON, and it must not escape inspection.
_TEXTUAL_TYPES = frozenset(
    {
        "application/json",
        "application/x-json",
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/x-jsonlines",
        "application/xml",
        "application/javascript",
        "application/x-www-form-urlencoded",
        "application/csv",
        # YAML and TOML answers, read as the data they hold (classifiers/datatext.py): sniffed,
        # they were plain text, or JSON that does not parse (TOML's [[items]]).
        "application/yaml",
        "application/x-yaml",
        "application/toml",
    }
)


# Statuses whose answers have no content, whatever their headers say (RFC 9110 6.4.1): a
# 304's Content-Type and Content-Encoding describe the representation the caller holds.
NO_CONTENT = frozenset({204, 304})


class DecodeError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """("application/json", "utf-8") from 'application/json; charset=UTF-8'; ("", None) if absent."""
    if not value:
        return "", None
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip().strip('"').lower()
    return media_type.strip().lower(), charset


def is_textual(media_type: str) -> bool:
    return (
        media_type == ""
        or media_type.startswith("text/")
        or media_type in _TEXTUAL_TYPES
        or media_type.endswith(("+json", "+xml"))
    )


def sniff(head: bytes) -> str | None:
    """What a body labelled as binary really is, judged from its first bytes.

    Upstreams mislabel JSON and CSV as application/octet-stream; a gateway that trusted the
    label would let personal data through uninspected. Returns "application/json" or
    "text/plain" for text, None for what looks binary (a NUL byte, or not UTF-8/GB18030).
    """
    sample = head[:1024]
    if not sample or b"\x00" in sample:
        return None
    for codec in ("utf-8", "gb18030"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 4:  # a character cut at the end of the sample
                text = sample[: exc.start].decode(codec, "ignore")
            else:
                continue
        stripped = text.lstrip("\ufeff \t\r\n")
        if any(ord(c) < 32 and c not in "\t\r\n" for c in stripped):
            return None
        return "application/json" if stripped[:1] in ("{", "[") else "text/plain"
    return None


# A zip archive's first bytes, and the names a download of a workbook or a Word document is given.
_ZIP_MAGIC = b"PK\x03\x04"
_OFFICE_NAME = re.compile(rb"(?i)\.(xls[xm]|doc[xm])\s*(?:[\"';]|$)")
# Types that upstreams give such a download: the old binary formats' (an .xls or a .doc is
# no zip), or none that says anything.
_OLD_TYPES = {"application/vnd.ms-excel": WORKBOOK, "application/msword": DOCUMENT}
_OFFICE_LABELS = frozenset({*_OLD_TYPES, "application/octet-stream", "application/zip", ""})


def office_type(media_type: str, head: bytes, headers: Headers) -> str | None:
    """The media type of an .xlsx workbook or a .docx document (inspected part by part,
    classifiers/workbook.py and wordfile.py), or None for any other body. Its own type says
    so; or a zip archive under the old binary format's type, or under a type that says
    nothing, downloaded as a file named so (EasyExcel's examples answer with
    application/vnd.ms-excel, Spring's with application/octet-stream)."""
    if media_type in (WORKBOOK, DOCUMENT):
        return media_type
    if not head.startswith(_ZIP_MAGIC) or media_type not in _OFFICE_LABELS:
        return None
    if media_type in _OLD_TYPES:
        return _OLD_TYPES[media_type]
    for name, value in headers:
        if name.lower() == b"content-disposition" and (m := _OFFICE_NAME.search(value)) is not None:
            return WORKBOOK if m.group(1).lower().startswith(b"xls") else DOCUMENT
    return None


def content_coding(headers: Headers) -> str:
    """The codings applied to a body, in order, from every Content-Encoding line ("" for
    none). RFC 9110 5.3: lines of a list header are one comma-joined list, so "gzip" then
    "gzip" on two lines is gzip twice; reading only the first line refused such bodies as
    unparseable. "identity" is no coding at all, and is left out."""
    values = [value.decode("latin-1") for name, value in headers if name.lower() == b"content-encoding"]
    codings = [c.strip() for value in values for c in value.split(",")]
    return ", ".join(c for c in codings if c and c.lower() != "identity")


def decode_content(body: bytes, encoding: str, limit: int) -> bytes:
    """Undo Content-Encoding (gzip, deflate, br; stacked codings too), never past `limit` bytes.

    The cap is checked while decompressing, so a small bomb cannot allocate its full size.
    """
    codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
    for coding in reversed(codings):  # the last coding applied is listed last
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip", "deflate"):
            body = _inflate(body, coding, limit)
        elif coding == "br":
            body = _unbrotli(body, limit)
        else:
            raise DecodeError("unsupported_encoding", f"content coding {coding!r} is not supported")
    return body


def _inflate(body: bytes, coding: str, limit: int) -> bytes:
    # wbits: 16+ for a gzip header; for deflate accept both zlib-wrapped and raw streams.
    wbits_options = [16 + zlib.MAX_WBITS] if coding != "deflate" else [zlib.MAX_WBITS, -zlib.MAX_WBITS]
    for wbits in wbits_options:
        try:
            return _inflate_members(body, wbits, coding, limit)
        except zlib.error:
            continue
    raise DecodeError("unparseable", f"body is not valid {coding}")


def _inflate_members(body: bytes, wbits: int, coding: str, limit: int) -> bytes:
    """Every member of a gzip body (RFC 1952 allows several, and gzip(1) reads them all), or
    the one deflate stream; bytes after the end are refused, never dropped: a client reading
    the raw body would get them, uninspected."""
    out = bytearray()
    rest = body
    while True:
        inflater = zlib.decompressobj(wbits)
        out += inflater.decompress(rest, limit + 1 - len(out))  # never 0: that means no limit
        if len(out) > limit or inflater.unconsumed_tail:
            raise DecodeError("too_large", f"decoded body exceeds {limit} bytes")
        if not inflater.eof:
            raise DecodeError("unparseable", f"{coding} stream is truncated")
        rest = inflater.unused_data
        if not rest:
            return bytes(out)
        if wbits < 16 or not rest.startswith(b"\x1f\x8b"):
            raise DecodeError("unparseable", f"{len(rest)} bytes follow the end of the {coding} stream")


def _unbrotli(body: bytes, limit: int) -> bytes:
    decompressor = brotli.Decompressor()
    out = bytearray()
    try:
        # output_buffer_limit stops each call at the cap, so a bomb never allocates its size.
        out += decompressor.process(body, output_buffer_limit=limit + 1)
        while len(out) <= limit and not decompressor.is_finished() and not decompressor.can_accept_more_data():
            out += decompressor.process(b"", output_buffer_limit=limit + 1 - len(out))
    except brotli.error:
        raise DecodeError("unparseable", "body is not valid brotli") from None
    if len(out) > limit:
        raise DecodeError("too_large", f"decoded body exceeds {limit} bytes")
    if not decompressor.is_finished():
        raise DecodeError("unparseable", "brotli stream is truncated")
    return bytes(out)
