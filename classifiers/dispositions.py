"""The file name a Content-Disposition gives, read as browsers read it, and the header written
back with a masked one: for the gateway's response header (gateway/stages/dispositions.py) and
for a multipart body's part (its Content-Disposition, and the ``name=`` of its Content-Type that
mail clients read as the file's name).

A download is saved under that name, and an export named after its person (张伟_身份证.xlsx)
names them in the caller's download list and on their disk. Browsers read the name in more
spellings than the header's bytes show: RFC 8187's ``filename*=`` in any charset they know
(``GBK''%D5%C5…``), RFC 2231's continuations (``filename*0*=…; filename*1*=…``, joined by
Firefox), RFC 2047's encoded words (``=?UTF-8?Q?=E5=BC=A0…?=``) and percent escapes in a plain
``filename=`` (Chrome). The inspector read each as the bytes it is, and the name went out.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final
from urllib.parse import quote, unquote_to_bytes

# One parameter: its name, and a quoted string or a token (RFC 9110 5.6.6).
_PARAM = re.compile(r'\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^;]*)')
_CONTINUED = re.compile(r"([^\s=;*]+)\*(\d+)(\*?)")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=")
_NEEDS_QUOTES = re.compile(r'[\s;"\\]')
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


@dataclass(frozen=True, slots=True)
class Disposition:
    kind: str  # "attachment" or "inline": what comes before the first parameter, as written
    param: str  # the parameter that gives the file name: "filename" (a Content-Type's: "name")
    others: list[str]  # the parameters that are no file name, as written
    plain: str | None  # filename=, decoded
    extended: str | None  # filename*= (or its continuations), decoded
    quoted: bool  # filename= was a quoted string


def parse(value: str, param: str = "filename") -> Disposition | None:
    """The value's file names (``param``, its extended form and continuations), decoded; None
    when it gives none."""
    kind, sep, rest = value.partition(";")
    if not sep:
        return None
    others: list[str] = []
    plain: str | None = None
    quoted = False
    pieces: dict[int, tuple[bool, str]] = {}
    for match in _PARAM.finditer(rest):
        name, raw = match.group(1).lower(), match.group(2).strip()
        continued = _CONTINUED.fullmatch(name)
        if name == param:
            plain, quoted = _plain(_unquoted(raw)), raw.startswith('"')
        elif name == param + "*":
            pieces[-1] = (True, _unquoted(raw))
        elif continued is not None and continued.group(1) == param:
            pieces[int(continued.group(2))] = (bool(continued.group(3)), _unquoted(raw))
        else:
            others.append(match.group().strip())
    if plain is None and not pieces:
        return None
    extended = _extended([pieces[i] for i in sorted(pieces)]) if pieces else None
    return Disposition(kind.strip(), param, others, plain, extended, quoted)


def written(disposition: Disposition, plain: str | None, extended: str | None) -> str:
    """The header with these file names: the plain one as it came (a quoted string where it
    was one, or where it must be), the extended one in UTF-8 (which RFC 8187 requires every
    reader to know), continuations joined."""
    params = [disposition.kind, *disposition.others]
    if plain is not None and (disposition.quoted or _NEEDS_QUOTES.search(plain)):
        params.append(disposition.param + '="' + plain.replace("\\", "\\\\").replace('"', '\\"') + '"')
    elif plain is not None:
        params.append(disposition.param + "=" + plain)
    if extended is not None:
        params.append(disposition.param + "*=UTF-8''" + quote(extended, safe=""))
    return "; ".join(params)


def _unquoted(raw: str) -> str:
    if raw.startswith('"'):
        return re.sub(r"\\(.)", r"\1", raw[1:-1] if raw.endswith('"') and len(raw) > 1 else raw[1:])
    return raw


def _plain(text: str) -> str:
    """A plain file name as Chrome shows it: encoded words decoded, then percent escapes
    that spell UTF-8 or GB18030 text."""
    text = _ENCODED_WORD.sub(_encoded_word, text)
    return _ESCAPES.sub(lambda m: _text(unquote_to_bytes(m.group()), ("utf-8", "gb18030")) or m.group(), text)


def _encoded_word(match: re.Match[str]) -> str:
    charset, kind, data = match.groups()
    try:
        if kind in "Bb":
            raw = base64.b64decode(data + "=" * (-len(data) % 4))
        else:
            raw = unquote_to_bytes(data.replace("_", " ").replace("%", "%25").replace("=", "%"))
    except (binascii.Error, ValueError):
        return match.group()
    return _text(raw, (charset,)) or match.group()


def _extended(pieces: list[tuple[bool, str]]) -> str:
    """RFC 8187 / 2231: the first encoded piece is ``charset'language'escapes``; the pieces'
    bytes joined, read in that charset (or, unknown, as UTF-8 and then GB18030)."""
    charset = ""
    raw = b""
    for encoded, text in pieces:
        if encoded and not charset and text.count("'") >= 2:
            charset, _, text = text.split("'", 2)
        raw += unquote_to_bytes(text) if encoded else text.encode("utf-8")
    return _text(raw, (charset, "utf-8", "gb18030")) or raw.decode("latin-1")


def _text(raw: bytes, charsets: tuple[str, ...]) -> str | None:
    for charset in charsets:
        try:
            codecs.lookup(charset)
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


# A multipart part's headers that give a file name, and the parameter that gives it.
_NAMING_HEADERS: Final = {"content-disposition": "filename", "content-type": "name"}
_HEADER_LINE = re.compile(r"([^\r\n:]+):([^\r\n]*)")


def masked_headers(headers: str, masked: Callable[[str], str | None]) -> str:
    """A multipart part's headers with the file names their Content-Disposition and
    Content-Type give (``filename*=GBK''%D5%C5…``, continuations, encoded words) read decoded:
    ``masked`` gives a name masked (None: nothing found), and the header is written back with
    it (``written``). Read as the bytes they are, a name spelled so went out."""
    out: list[str] = []
    last = 0
    for line in _HEADER_LINE.finditer(headers):
        param = _NAMING_HEADERS.get(line.group(1).strip().lower())
        disposition = None if param is None else parse(line.group(2), param)
        if disposition is None:
            continue
        plain = None if disposition.plain is None else masked(disposition.plain)
        extended = None if disposition.extended is None else masked(disposition.extended)
        if plain is None and extended is None:
            continue
        value = written(disposition, plain or disposition.plain, extended or disposition.extended)
        out += [headers[last : line.start(2)], " " + value]
        last = line.end()
    if not out:
        return headers
    out.append(headers[last:])
    return "".join(out)
