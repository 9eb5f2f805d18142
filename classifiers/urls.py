"""A value that is a URL or a path (``"href": "/persons/张伟"``, ``<a href="…">``,
``"next": "/persons?xm=张伟&page=2"``): the pieces of it that the scan of the whole value
cannot read.

Scanned as one string, a name in a path segment or in a query parameter has no evidence
(no key, no context word), and a percent-escaped one (``%E5%BC%A0%E4%BC%9F``, or GBK's
``%D5%C5%CE%B0``) is no text at all. This module finds those pieces; ``run.Run`` inspects
them decoded (a path segment shaped like a full name as a name, a query value under its
parameter's name) and writes them back escaped as they came. What the whole value's scan
reads (an ID number in a path, digits grouped by slashes) stays with the scan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

from . import base64text
from .detect import Plan
from .entities import embedded_file, person_name

# A whole value: an absolute path, or a URL with a scheme and a host, or a query alone; no
# white space (a sentence with a slash in it is no URL).
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]*)?/[^\s]*|\?[^\s]*")
# Inside a longer text (详见 http://…?xm=%E5%BC%A0%E4%BC%9F, a log's GET /query?xm=…, 参数
# xm=%E5…&sfzh=…): a run of printable ASCII holding an escape of a byte beyond ASCII, which the
# characters of a name are and what a scan of the text cannot read. Text and punctuation beyond
# ASCII end it (详见http://…&page=2。).
_ESCAPED = "%[89A-Fa-f][0-9A-Fa-f]"
_ESCAPED_RE = re.compile(_ESCAPED)
# (Runs first, then an escape in each: as one pattern, [!-~]*%[89A-F]…, a long run without such an
# escape, a photo's URL-escaped base64, was tried from each of its characters to its end.)
_ASCII_RUN = re.compile("[!-~]+")
# What closes a sentence or a bracket after a URL in text, not part of it.
_TRAILING = ".,;:!?)]}>'\""
# A column (values joined by NUL) that may hold such a value worth reading: one beginning
# with a slash or a scheme, with an escape or a character beyond ASCII in it (a path of
# ASCII letters holds nothing a scan of the whole would miss); or a text with such a run.
# An escaped character beyond ASCII that is text, not one byte: two escapes in a row, the first
# beyond ASCII (a Chinese character is three in UTF-8, two in GBK). Escaped text outside a URL or a
# query string (备注：%E5%A7%93%E5%90%8D%3A%E5%BC%A0…, 姓名:张伟 with its colon escaped) is read whole.
_ESCAPED_TEXT = f"{_ESCAPED}%[0-9A-Fa-f]{{2}}"
_ESCAPED_TEXT_RE = re.compile(_ESCAPED_TEXT)
COLUMN_HINT = (
    r"(?:^|\x00)(?:[0-9.]+[ \t]*[;,]?[ \t]*(?:[Uu][Rr][Ll][ \t]*=[ \t]*)?['\"]?)?"  # a refresh's delay (REFRESH)
    r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?[/?][^\x00\s]*(?:%[0-9A-Fa-f]{2}|[^\x00-\x7f])"
    f"|[=/][!-~]*{_ESCAPED}|{_ESCAPED_TEXT}"
)
_COLUMN: Final = re.compile(COLUMN_HINT)
# A refresh (``0;url=/persons/张伟``: a Refresh header's value, an HTML <meta http-equiv="refresh">'s
# content): a delay, then the URL browsers go to as they follow a redirect. (The gateway reads the
# header with it: gateway/stages/inspect.py.)
REFRESH: Final = re.compile(r"(?is)(\s*[0-9.]+\s*[;,]?\s*(?:url\s*=\s*)?['\"]?)(.*?)(['\"]?\s*)")
# A target of a Link header (RFC 8288): ``<URI-reference>`` before its parameters.
_LINK_TARGET = re.compile(r"<([^<>\s]*)>")
# A file's extension after a name (``/photos/张伟.jpg``).
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


# Path segments under which a segment shaped like a full name is one (``/persons/张伟``):
# a path's words begin with a surname as often as names do (``/api/文件``, ``/余额``,
# ``/reports/平均``), and a segment that names a person stands under one of these.
PERSON_SEGMENTS = frozenset(
    [
        "person",
        "persons",
        "people",
        "user",
        "users",
        "member",
        "members",
        "resident",
        "residents",
        "applicant",
        "applicants",
        "individual",
        "individuals",
        "citizen",
        "citizens",
        "profile",
        "profiles",
        "name",
        "names",
        "photo",
        "photos",
        "avatar",
        "avatars",
        "ry",
        "renyuan",
        "人员",
        "个人",
        "成员",
        "户主",
        "居民",
        "申请人",
        "对象",
        "救助对象",
        "姓名",
        "照片",
        "头像",
        # A record's own page, a person's as often as not (/detail/张伟, /persons/detail/张伟).
        "detail",
        "details",
        "view",
        "info",
        "详情",
        "档案",
    ]
)


class Piece(NamedTuple):
    start: int  # in the value, escaped as written
    end: int
    key: str | None  # the query parameter's name; None for a path segment
    under: str  # a path segment's parent segment, as written ("" for a query value)


def may_contain(joined: str) -> bool:
    """Could a value of this NUL-joined column be or hold a URL with something to read (``pieces``)?"""
    return ("/" in joined or "?" in joined or "%" in joined) and _COLUMN.search(joined) is not None


def pieces(value: str) -> list[Piece]:
    """The path segments and query values of a value that is wholly a URL or a path, or of
    each target of a Link header's value (``</persons/张伟>; rel="self"``), where something
    beyond a plain scan may hide: escaped (``%``), beyond ASCII, or long enough to be text in
    base64 (``/persons/eyJzZnpoIjoi…``). In any other value, those of the URLs and query
    strings in it that hold an escaped character beyond ASCII (``_in_text``)."""
    if value[:1] not in ("/", "?", "<") and "://" not in value:
        # (A refresh goes to a path or a URL: a value beginning with a digit and holding no
        # slash, a date or an amount, is asked nothing more.)
        if value[:1].isdigit() and "/" in value and (refresh := REFRESH.fullmatch(value)) is not None:
            return _refresh(value, refresh)
        return _in_text(value) if "%" in value else []
    if value.isascii() and "%" not in value and len(value) <= base64text.MIN_LENGTH:
        return []
    if value[:1] != "<":
        if _URL.fullmatch(value) is not None:
            return _pieces(value, 0)
        return _in_text(value) if "%" in value else []
    out: list[Piece] = []
    for target in _LINK_TARGET.finditer(value):
        if _URL.fullmatch(target.group(1)) is not None:
            out += _pieces(target.group(1), target.start(1))
    return out


def _refresh(value: str, refresh: re.Match[str]) -> list[Piece]:
    """``pieces`` of the URL a refresh goes to (``0;url=/persons/张伟?sfzh=…``): read as text,
    the value is no URL, and the name in its path had no evidence."""
    url = refresh.group(2)
    if _URL.fullmatch(url) is None or (url.isascii() and "%" not in url and len(url) <= base64text.MIN_LENGTH):
        return _in_text(value) if "%" in value else []
    return _pieces(url, refresh.start(2))


def _in_text(value: str) -> list[Piece]:
    """``pieces`` of the URLs, paths and bare query strings (``xm=%E5…&sfzh=…``) inside a text,
    each a run of printable ASCII holding an escaped character beyond ASCII; or such a run whole,
    when it is none of them and holds escaped text (``_ESCAPED_TEXT``)."""
    out: list[Piece] = []
    if _ESCAPED_RE.search(value) is None:
        return out
    for run in _ASCII_RUN.finditer(value):
        if _ESCAPED_RE.search(run.group()) is None:
            continue
        text = run.group().rstrip(_TRAILING)
        at = run.start()
        scheme = text.find("://")
        if scheme > 0:  # (a word glued before the scheme is no part of it: 见http://…)
            begin = _SCHEME_START.search(text, 0, scheme + 1)
            if begin is not None:
                text, at = text[begin.start() :], at + begin.start()
        if text[:1] in ("/", "?") or "://" in text:
            if _URL.fullmatch(text) is not None:
                out += _pieces(text, at)
        elif "=" in text:  # a query string without its "?"
            out += [p._replace(start=p.start - 1, end=p.end - 1) for p in _pieces("?" + text, at)]
        elif _ESCAPED_TEXT_RE.search(text) is not None:  # escaped text, no URL: read as a value of its own
            out.append(Piece(at, at + len(text), None, ""))
    return out


_SCHEME_START = re.compile("[A-Za-z][A-Za-z0-9+.-]*://")


def _pieces(value: str, offset: int) -> list[Piece]:
    """``pieces`` of one URL, at ``offset`` in the value it stands in."""
    end = len(value)
    for mark in "#?":
        at = value.find(mark)
        if 0 <= at < end:
            end = at
    start = 0
    scheme = value.find("://")
    if 0 <= scheme < end:
        start = value.find("/", scheme + 3)
        start = end if start < 0 or start > end else start
    out: list[Piece] = []
    at = start
    parent = ""
    while at < end:
        stop = value.find("/", at + 1)
        stop = end if stop < 0 or stop > end else stop
        first = at + 1 if value[at] == "/" else at
        if first < stop and _worth(value, first, stop):
            out.append(Piece(offset + first, offset + stop, None, parent))
        parent = value[first:stop]
        at = stop
    query = value.find("?")
    if query >= 0:
        fragment = value.find("#", query)
        last = len(value) if fragment < 0 else fragment
        at = query + 1
        while at < last:
            stop = value.find("&", at)
            stop = last if stop < 0 or stop > last else stop
            equals = value.find("=", at, stop)
            if equals >= 0 and equals + 1 < stop and _worth(value, equals + 1, stop):
                out.append(Piece(offset + equals + 1, offset + stop, value[at:equals], ""))
            at = stop + 1
    return out


def _worth(value: str, start: int, end: int) -> bool:
    piece = value[start:end]
    return "%" in piece or not piece.isascii() or (end - start >= base64text.MIN_LENGTH and "." not in piece)


def stem(segment: str) -> str:
    """A path segment without a file's extension (``张伟.jpg``: ``张伟``)."""
    m = _EXTENSION.search(segment)
    return segment if m is None else segment[: m.start()]


def names_person(segment: str, plan_of: Callable[[str], Plan]) -> bool:
    """Does a path segment name persons, or a person's name or photo, so that the segment
    after it may be a name (``PERSON_SEGMENTS``, or a key the catalog knows as a name's or a
    photo's: ``xm``, ``zp``)?"""
    if segment.lower() in PERSON_SEGMENTS:
        return True
    info = plan_of(segment).info
    return info is not None and info.entity in (person_name.ENTITY, embedded_file.ENTITY)
