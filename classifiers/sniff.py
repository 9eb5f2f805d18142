"""What a text body holds when its type does not say (text/plain, untyped, or a binary type
around text): a table, markup, a MIME multipart body, or JSON documents inside text (JSONP,
server-sent events, a script's assignment). Read as one string, such a body's keys and column
headings were no evidence, and names under them went out in clear."""

from __future__ import annotations

import json
import re

from . import fastcsv
from .markup_lexer import SPREADSHEET_NS
from .structured import looks_like_header, sniff_delimiter

# Where a JSON document may begin inside text: a line's start (after "data:", as in
# server-sent events, or RFC 7464's record separator), an opening parenthesis (JSONP) or
# an assignment; and what may follow its first character.
_JSON_START = re.compile(r"(?:^(?:data:)?|[(=\x1e])[ \t]*(\{\s*[\"}]|\[\s*[\"{\[\]\-0-9tfn])", re.MULTILINE)
# No document: a number's first digits in brackets with its other digits after them
# ("[139]-1234-5678", a mobile): read as an array of one number, the mobile was cut in two.
_BRACKETED_GROUP = re.compile(r"\[[0-9]{1,4}\][ \-\u2010-\u2015\u2212]{0,3}[0-9]")
_JSON_DECODER = json.JSONDecoder()
_JSON_FAILURES_MAX = 256


def json_spans(text: str) -> list[tuple[int, int]]:
    """Where objects and arrays that parse as JSON stand in ``text``, in order.

    A candidate that does not parse costs what the decoder read, and its error message
    counts the lines before it: after 256 of them, or once they have read the text twice
    over, the rest is left to be scanned as text (as all of it was before), so that a log
    of "[2024-…" lines is not read in quadratic time."""
    spans: list[tuple[int, int]] = []
    budget = 2 * len(text)
    failures = 0
    after = 0
    for m in _JSON_START.finditer(text):
        start = m.start(1)
        if start < after or _BRACKETED_GROUP.match(text, start) is not None:
            continue
        try:
            _, end = _JSON_DECODER.raw_decode(text, start)
        except json.JSONDecodeError as failed:
            budget -= failed.pos - start
            failures += 1
        except RecursionError:
            budget -= len(text) - start
            failures += 1
        else:
            spans.append((start, end))
            after = end
        if budget < 0 or failures >= _JSON_FAILURES_MAX:
            break
    return spans


# A MIME multipart body: delimiter lines, "--" and the boundary (RFC 2046 5.1.1: up to 70
# of these characters), the last one closed by "--"; before the first, a preamble ("This is a
# multi-part message in MIME format."). A part is headers, a blank line, the body.
_DELIMITER_LINE = re.compile(r"^--([0-9A-Za-z'()+_,\-./:=? ]{1,70})\r?$", re.MULTILINE)
PART_HEAD = re.compile(r"\r?\n?((?:[^\r\n]+\r?\n)*?)\r?\n")
MULTIPART_DEPTH_MAX = 4


_LEADING_SPACE = re.compile(r"[\ufeff \t\r\n]*")
_SAMPLE_CHARS = 4096


def boundary(text: str) -> str | None:
    """The boundary of a multipart body: a delimiter line near its start that also closes it
    (the first few such lines only: each is a search of the whole text)."""
    for i, line in enumerate(_DELIMITER_LINE.finditer(text, 0, _SAMPLE_CHARS)):
        boundary = line.group(1).rstrip(" ")
        if f"\n--{boundary}--" in text:
            return boundary
        if i >= 8:
            break
    return None


def text_kind(text: str) -> str:
    """What a body typed as plain text (or untyped, or typed as binary but text) holds.
    Legacy exports send CSV as application/vnd.ms-excel, octet-stream or without a type,
    and an "Excel" export is as often an HTML table: read as one string, their column
    headings key nothing, and names under 姓名 went out in clear."""
    start = _LEADING_SPACE.match(text)
    first = text[start.end() : start.end() + 1] if start is not None else ""
    if first == "<":
        # Excel 2003 XML ("XML 表格 2003") sent as application/vnd.ms-excel: read as HTML its
        # <Row>/<Cell> are no table, and the names under its 姓名 column went out in clear.
        return "xml" if SPREADSHEET_NS in text[:_SAMPLE_CHARS] else "html"
    if boundary(text) is not None:
        return "multipart"
    if fastcsv.EXCEL_SEP.match(text) is not None:
        return "csv"
    lines = [line for line in text[:_SAMPLE_CHARS].splitlines() if line.strip()][:3]
    if len(lines) == 3 and sniff_delimiter(lines[1]) not in lines[0]:
        lines = lines[1:]  # a title line above the header ("低保人员花名册")
    if len(lines) < 2:
        return "text"
    delimiter = sniff_delimiter(lines[0])
    header = lines[0].split(delimiter)
    # Header and first row have as many fields: a table, not prose with commas; and a JSON
    # document's members (server-sent events, one a line) are no column headings.
    if (
        len(header) > 1
        and lines[1].count(delimiter) == len(header) - 1
        and looks_like_header(header)
        and "{" not in lines[0]
    ):
        return "csv"
    return "text"
