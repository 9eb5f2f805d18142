"""What a response's media type says it is: the kind of text the inspector walks it as, or a
binary type it refuses; and the charset an XML or HTML body declares itself.
"""

from __future__ import annotations

import re

from . import datatext
from .inspection import InspectionError

# Media types that are never text: refuse rather than "mask" bytes of an image.
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset(
    {
        "application/octet-stream",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-protobuf",
        "application/protobuf",
        "application/vnd.ms-excel",
        "application/msword",
    }
)
# An Office Open XML workbook (.xlsx), read part by part (workbook.py).
WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An Office Open XML word-processing document (.docx), read part by part (wordfile.py).
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# JSON lines (NDJSON): a document per line.
_JSON_LINES = frozenset({"application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"})

# Where an XML prolog or an HTML <meta> declares the encoding (used when the header does not;
# a BOM still wins, as in XML 1.0 appendix F and the HTML encoding sniffing algorithm).
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)|<meta[^>]*?charset\s*=\s*["']?([A-Za-z0-9._-]+)""",
    re.IGNORECASE,
)


def declared_charset(body: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> in the first 1 KB names, if any."""
    if body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    m = _DECLARED.search(body[:1024])
    return (m.group(1) or m.group(2)).decode("ascii") if m else None


def _kind(media_type: str) -> str:
    base = media_type.split(";", 1)[0].strip().lower()
    if base in _JSON_LINES:
        return "ndjson"
    if base.endswith(("/json", "+json", "/x-json")):
        return "json"
    if base in ("text/html", "application/xhtml+xml"):  # XHTML as served is rarely well-formed XML
        return "html"
    if base in ("application/xml", "text/xml") or base.endswith("+xml"):
        return "xml"
    if base in ("text/csv", "application/csv", "text/tab-separated-values"):
        return "csv"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "text/event-stream":
        return "events"
    if base == WORKBOOK:
        return "workbook"
    if base == DOCUMENT:
        return "document"
    if base in datatext.KINDS:
        return datatext.KINDS[base]
    if base in _BINARY_TYPES or base.startswith(_BINARY_PREFIXES):
        raise InspectionError("unsupported_encoding", f"media type {base!r} is not text")
    return "text"
