"""Text wrapped inside a longer value: a JSON Web Token's claims and a ``data:`` URI of text.

``base64text`` reads a value that is wholly base64. A JWT (RFC 7519: ``header.payload.signature``,
three base64url parts joined by dots, the payload a JSON object of claims) is not: its claims
(``{"sfzh": …, "xm": …}``) went out in clear inside ``"token": "eyJ…"``, a ``Set-Cookie`` or an
``X-Token`` header. Neither is a ``data:`` URI (RFC 2397) of text, base64 or percent-escaped
(``data:application/json;base64,eyJ…``, ``data:text/csv;charset=utf-8,%E5%A7%93…``, a
spreadsheet export's download link).

Nor is text in base64 inside a longer text (``附件:5byg5Lyf…==``, ``payload=5aeT…&type=1``): a
run of 16 base64 characters or more, padded or in mixed case (a word, a number or a hex
digest is neither), that decodes to text (``base64text.decoded``, once a run) is taken too.

This module finds them and decodes what they carry; ``run.Run`` inspects it as what it is
(a data URI's type: a CSV's names under their heading). A data URI is
masked inside and encoded again the way it came. A token whose claims hold something the
caller's profile masks is redacted whole: masked claims would break its signature anyway, and
a token is a credential besides (see ``Run._in_tokens``).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple
from urllib.parse import quote

from . import base64text, hextext, urls
from .structured import unquote_escapes

# Header and claims are JSON objects: their base64url begins "eyJ" ('{"').
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.(eyJ[A-Za-z0-9_-]{8,})\.[A-Za-z0-9_-]*")
# A data URI: its type, parameters, ";base64" or not, and its data up to what ends a URL in text.
_DATA = re.compile(r"data:([A-Za-z0-9.+/-]*)(?:;[A-Za-z0-9.+_-]+=[^;,\s\"'<>]*)*(;base64)?,([^\s\"'<>)]*)", re.I)
_SCHEME = re.compile(r"data:", re.I)
# Types of text (an image's or a file's data URI is embedded_file's).
_TEXT_TYPE = re.compile(r"(?:text/.*|.*[/+](?:json|xml|csv|javascript|x-www-form-urlencoded)|)", re.I)
# A run of base64 inside a text: it begins where a run of its characters does (its first
# character matched, then the one before checked: a leading class lets ``re`` skip in C).
RUN_MIN_LENGTH: Final = 16
_RUN = re.compile(rf"[A-Za-z0-9+/_-](?<![A-Za-z0-9+/_-]{{2}})[A-Za-z0-9+/_-]{{{RUN_MIN_LENGTH - 1},}}={{0,2}}")
# For a column's pre-check (columns.maybe): where such a value may begin, for RE2 too (a run of
# base64 as a superset: RE2 cannot say "mixed case", see run_may_be_text).
# A character beyond ASCII written as a \u escape, as a log writes JSON in ASCII alone
# (\u59d3\u540d\uff1a\u5f20\u4f1f: 姓名：张伟); a line holding one is read decoded (_escaped_lines).
_U_TEXT = re.compile(r"(?<!\\)\\u(?!00[0-7])[0-9a-fA-F]{4}")
_U_ESCAPE = re.compile(r"(?<!\\)\\u([0-9a-fA-F]{4})")
COLUMN_HINT = rf"eyJ[A-Za-z0-9_-]+\.eyJ|(?i:data:)|[A-Za-z0-9+/_-]{{{RUN_MIN_LENGTH},}}|\\u[0-9a-fA-F]{{4}}"

JWT = "jwt"
DATA_BASE64 = "base64"
DATA_ESCAPED = "escaped"
BASE64_RUN = "run"  # text in base64 inside a longer text
BASE64_RUN_URL_SAFE = "run-url-safe"
U_ESCAPED = "u-escaped"  # a line of text in \u escapes


class Wrapped(NamedTuple):
    start: int  # of what is rewritten: the whole token, or a data URI's data
    end: int
    text: str  # what it carries, decoded
    kind: str  # JWT, DATA_BASE64 or DATA_ESCAPED
    padded: bool  # a DATA_BASE64's "=" at the end
    encoding: str  # of a DATA_ESCAPED's escapes ("utf-8", else "gb18030")
    media_type: str  # what it is: a data URI's type (text/plain when it names none), JSON for claims


def may_contain(text: str) -> bool:
    """Could ``text`` (a value, or a NUL-joined column) hold one (``found``)? A scheme is
    case-insensitive (RFC 3986: ``Data:`` opens as ``data:`` does); its last letter and colon
    first, a substring search, before the regex. A search of two or three characters only where
    one of them stands: one character is a ``memchr``, more are widened to the text's width first
    (~300 instructions a search in a remark of CJK, against ~130)."""
    return (
        ("J" in text and "eyJ" in text)
        or (":" in text and ("a:" in text or "A:" in text) and _SCHEME.search(text) is not None)
        or (_may_hold_runs(text) and _has_text_run(text))
        or ("\\" in text and "\\u" in text and _U_TEXT.search(text) is not None)
    )


def _has_text_run(text: str) -> bool:
    """Does ``text`` hold a run of base64 that ``run_may_be_text``?"""
    m = _RUN.search(text)
    while m is not None:
        if run_may_be_text(m.group()):
            return True
        m = _RUN.search(text, m.end())
    return False


def _may_hold_runs(text: str) -> bool:
    """Could ``text`` hold a run of base64 inside it? Not when it is too short, nor when it is
    letters and digits of ASCII alone (an ID number, a card, a code: a run of base64 that is the
    whole value is base64text's), nor without a "=" or both cases of letters. Flags and C loops,
    before the pattern: the pattern over every value and every short column's joined values cost
    the demo document +2.5 % (a column of ages enters its matcher at every digit)."""
    return (
        len(text) > RUN_MIN_LENGTH
        and not (text.isascii() and text.isalnum())
        # what run_may_be_text asks of a run, asked of the whole text: padding, or both cases
        and ("=" in text or _both_cases(text))
    )


def _both_cases(text: str) -> bool:
    """Does ``text`` hold a capital and a small letter of ASCII, as a run of base64 in mixed case
    does? Beyond ASCII, one walk over the code points: ``lower()`` and ``upper()`` of a remark in
    CJK looked every character up in Unicode's tables (~3,000 instructions). The letters they
    change beyond ASCII (É, é) are in no run of base64: what ``_has_text_run`` and ``_runs`` find
    behind this gate is what they found behind those two."""
    if text.isascii():
        return text.lower() != text and text.upper() != text
    capital = small = False
    for at in range(len(text)):
        code = ord(text[at])
        if 65 <= code <= 90:
            capital = True
        elif 97 <= code <= 122:
            small = True
        else:
            continue
        if capital and small:
            return True
    return False


def run_may_be_text(run: str) -> bool:
    """Is a run of base64 characters padded or in mixed case, as base64 of text is (a word, a
    number, a hex digest or a path in lower case is neither)?"""
    return run[-1] == "=" or (run != run.lower() and run != run.upper())


def found(value: str) -> list[Wrapped]:
    """The tokens and data URIs of text in ``value`` whose content decodes, in order."""
    if not may_contain(value):
        return []
    out: list[Wrapped] = []
    if "eyJ" in value:
        for m in _JWT.finditer(value):
            claims = base64text.decoded(m.group(1))
            if claims is not None:
                out.append(Wrapped(m.start(), m.end(), claims.text, JWT, False, "", "application/json"))
    for m in _DATA.finditer(value):
        media_type = m.group(1) or "text/plain"
        data = m.group(3)
        if not data or _TEXT_TYPE.fullmatch(media_type) is None:
            continue
        if m.group(2):
            inner = base64text.decoded(data)
            if inner is not None:
                out.append(Wrapped(m.start(3), m.end(3), inner.text, DATA_BASE64, inner.padded, "", media_type))
            continue
        # "+" is itself in a data URI, no space as in a form.
        text, encoding = unquote_escapes(data.replace("+", "%2B"), "utf-8")
        if text != data:
            out.append(Wrapped(m.start(3), m.end(3), text, DATA_ESCAPED, False, encoding, media_type))
    if _may_hold_runs(value):
        out += _runs(value, out)
    if "\\u" in value:
        out += _escaped_lines(value, out)
    out.sort()
    return out


def _escaped_lines(value: str, found: list[Wrapped]) -> list[Wrapped]:
    r"""Each line of ``value`` holding a character beyond ASCII in a \u escape, decoded whole (the
    label before an escaped name may be escaped or not: 姓名：\u5f20\u4f1f), outside what is ``found``
    already. Its ``encoding`` says how to write it again: in escapes of lower or upper case when the
    line was ASCII, else as text."""
    out: list[Wrapped] = []
    hit = _U_TEXT.search(value)
    while hit is not None:
        start = value.rfind("\n", 0, hit.start()) + 1
        end = value.find("\n", hit.end())
        end = len(value) if end < 0 else end
        line = value[start:end]
        if not any(w.start < end and start < w.end for w in found):
            try:
                text = _U_ESCAPE.sub(_unescaped, line).encode("utf-16", "surrogatepass").decode("utf-16")
            except UnicodeError:  # a lone surrogate: no text
                text = line
            if text != line:
                case = ("upper" if hit.group()[2:].isupper() else "lower") if line.isascii() else ""
                out.append(Wrapped(start, end, text, U_ESCAPED, False, case, "text/plain"))
        hit = _U_TEXT.search(value, end)
    return out


def _unescaped(escape: re.Match[str]) -> str:
    return chr(int(escape.group(1), 16))


def _escaped(text: str, case: str) -> str:
    r"""``text`` with each character beyond ASCII as a \u escape (two for one beyond the BMP)."""
    units = text.encode("utf-16-be", "surrogatepass")
    out: list[str] = []
    for at in range(0, len(units), 2):
        unit = (units[at] << 8) | units[at + 1]
        out.append(chr(unit) if unit < 0x80 else f"\\u{unit:04X}" if case == "upper" else f"\\u{unit:04x}")
    return "".join(out)


def _runs(value: str, found: list[Wrapped]) -> list[Wrapped]:
    """Text in base64 inside ``value`` (not the whole value: ``base64text`` reads that), outside
    the tokens and data URIs ``found``; each run decoded once."""
    out: list[Wrapped] = []
    for m in _RUN.finditer(value):
        run = m.group()
        if len(run) == len(value) or not run_may_be_text(run):
            continue
        if any(w.start < m.end() and m.start() < w.end for w in found):
            continue
        inner = base64text.decoded(run, RUN_MIN_LENGTH)
        if inner is not None:
            kind = BASE64_RUN_URL_SAFE if inner.url_safe else BASE64_RUN
            out.append(Wrapped(m.start(), m.end(), inner.text, kind, inner.padded, "", "text/plain"))
    return out


def encoded(wrapped: Wrapped, new: str) -> str:
    """A data URI's data or a run of base64 written again, as it came, with ``new`` for the text it carried."""
    if wrapped.kind == DATA_BASE64 or wrapped.kind == BASE64_RUN:
        return base64text.encoded(new, False, wrapped.padded)
    if wrapped.kind == BASE64_RUN_URL_SAFE:
        return base64text.encoded(new, True, wrapped.padded)
    if wrapped.kind == U_ESCAPED:
        return _escaped(new, wrapped.encoding) if wrapped.encoding else new
    return quote(new, safe="*", encoding=wrapped.encoding)


def plain(value: str) -> bool:
    """Is ``value`` read only as it is written: no text in base64 or hex (``base64text``,
    ``hextext``), no URL with pieces to read decoded (``urls``), no JWT or data URI? Only a plain
    value in which detection found nothing may be remembered as clean (``Detections.detected``)."""
    return (
        base64text.decoded(value) is None
        and hextext.decoded(value) is None
        and not urls.pieces(value)
        and not found(value)
    )
