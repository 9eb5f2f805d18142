"""Decode a body in its declared charset and encode the masked text back the same way."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_ALIASES = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "gbk": "gbk",
    "gb2312": "gbk",
    "cp936": "gbk",
    "x-gbk": "gbk",
    "windows-936": "gbk",
    "gb18030": "gb18030",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    # Before UTF-16's: UTF-32-LE's BOM begins with UTF-16-LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class CharsetError(ValueError):
    """``code`` is "unsupported_encoding" for both unknown charsets and undecodable bytes."""


@dataclass(frozen=True, slots=True)
class Codec:
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def plain_utf8(body: bytes, charset: str | None) -> bool:
    """Would ``decode`` read this body as UTF-8 without a BOM (if it decodes at all)?"""
    if charset and _ALIASES.get(charset.strip().strip("\"'").lower()) != "utf-8":
        return False
    return not body.startswith(tuple(bom for bom, _ in _BOMS))


def decode(body: bytes, charset: str | None) -> tuple[str, Codec]:
    """Text of ``body`` and how to encode it back.

    Without a declared charset: a BOM decides, else UTF-8, else GB18030 (a superset of
    GBK and GB2312), because legacy civil-affairs systems often omit the charset.
    """
    declared = None
    if charset:
        name = charset.strip().strip("\"'").lower()
        declared = _ALIASES.get(name)
        if declared is None:
            raise CharsetError(f"unsupported charset {charset!r}: use utf-8, gbk, gb18030 or utf-16")
    for bom, encoding in _BOMS:
        if body.startswith(bom) and (declared in (None, encoding) or (declared == "utf-16" and "16" in encoding)):
            return _decode(body[len(bom) :], Codec(encoding, bom))
    if declared == "utf-16":
        raise CharsetError("charset utf-16 declared but the body has no byte-order mark")
    if b"\x00" in body and (declared is None or not declared.startswith("utf-16")):
        return _with_nul_bytes(body, declared)
    if declared is not None:
        return _decode(body, Codec(declared))
    try:
        return body.decode("utf-8"), Codec("utf-8")
    except UnicodeDecodeError:
        return _decode(body, Codec("gb18030"))


def _with_nul_bytes(body: bytes, declared: str | None) -> tuple[str, Codec]:
    """A body with NUL bytes is UTF-16 without a byte-order mark, or refused. Text has no NUL;
    read as UTF-8 or GB18030, UTF-16's NULs would stand between the digits of every number
    and hide them from the scanner (ASCII in UTF-16 is valid UTF-8)."""
    if declared is None and len(body) % 2 == 0:
        even, odd = body[0::2].count(0), body[1::2].count(0)
        # ASCII characters put a NUL in every other byte: many NULs, nearly all on one side
        # (a CJK character such as U+4E00 may put one on the other). A stray NUL is no UTF-16.
        if max(even, odd) * 16 >= len(body) and min(even, odd) * 10 <= max(even, odd):
            text, codec = _decode(body, Codec("utf-16-le" if odd > even else "utf-16-be"))
            if "\x00" not in text:
                return text, codec
    raise CharsetError(
        f"body holds NUL bytes and is not {'UTF-16 text' if declared is None else declared}: "
        "declare its charset (UTF-16 needs a byte-order mark or utf-16le/utf-16be)"
    )


def _decode(raw: bytes, codec: Codec) -> tuple[str, Codec]:
    try:
        return raw.decode(codec.encoding), codec
    except UnicodeDecodeError as exc:
        raise CharsetError(
            f"body is not valid {codec.encoding}: byte {exc.start} ({raw[exc.start : exc.start + 1]!r})"
        ) from None
