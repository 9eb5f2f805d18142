"""A JSON body parsed and written back: orjson where it reads the body losslessly, else json.

orjson parses and serialises a document in a third of json's time; integers beyond 64 bits
(which it reads as floats) and whatever it refuses go through ``jsonnumbers``.
"""

from __future__ import annotations

import re
from typing import Any, Final

import orjson

from . import jsonnumbers
from .charsets import plain_utf8
from .inspection import InspectionError

# orjson reads integers beyond 64 bits as floats (digits lost); those bodies take json,
# which keeps them, and keeps a number a double cannot hold as sent (jsonnumbers). Numbers
# orjson reads as the nearest double are not looked for here (1e-400 as 0.0, a fraction of
# 17-19 digits; 1e400 it refuses, and a fraction of 20+ digits is a run of them): each
# further substring search costs ~1.7 % of a 4 KB document's inspection.
_HUGE_INT = re.compile(r"[0-9]{20}|-[0-9]{19}")
# The same test on UTF-8 bytes (where every byte of a multi-byte character is >= 0x80, so
# digit runs are the text's). ``re`` tries the pattern at every digit, 40 µs on a 4 KB
# document. Both shapes hold a run of 19 digits, and any 19 bytes in a row hold exactly one
# index that is a multiple of 19: only those bytes are read, and a digit there is followed
# to both ends of its run. A 4 KB document costs some 27,000 instructions so, where making
# every digit "0" and searching the copy twice cost 62,000 (2.3 % of a request).
_RUN: Final = 19  # Final: compiled, a constant rather than a look-up in the globals


def _huge_int(text: str, utf8: bytes | None) -> bool:
    if utf8 is None:
        return _HUGE_INT.search(text) is not None
    return _digit_run(utf8)


def _digit_run(data: bytes) -> bool:
    """``_huge_int`` on UTF-8 bytes (a function of its own: compiled, ``data`` is then bytes
    and not a union checked at every read)."""
    size = len(data)
    at = 0
    while at < size:
        # A digit, in a run that may be 19 long: such a run through `at` reaches 9 bytes
        # before it or 9 after it (a phone number or a date seldom does).
        if 48 <= data[at] <= 57 and (
            (at >= 9 and 48 <= data[at - 9] <= 57) or (at + 9 < size and 48 <= data[at + 9] <= 57)
        ):
            start, end = at, at + 1
            while start > 0 and 48 <= data[start - 1] <= 57:
                start -= 1
            while end < size and 48 <= data[end] <= 57:
                end += 1
            if end - start >= 20 or (end - start == _RUN and start > 0 and data[start - 1] == 45):  # "-"
                return True
        at += _RUN
    return False


_NOT_PARSED = object()


def _loads_utf8(body: bytes, charset: str | None) -> Any:
    """The document, when orjson reads the body as it is (UTF-8 without a BOM, no integer it
    would read lossily, JSON it accepts); else ``_NOT_PARSED``, and ``_loads`` decides."""
    if not plain_utf8(body, charset) or _huge_int("", body):
        return _NOT_PARSED
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return _NOT_PARSED


def _dumps_utf8(doc: Any) -> bytes:
    """``_dumps`` of a document orjson parsed, as UTF-8 bytes without a decode and encode."""
    try:
        return orjson.dumps(doc)
    except orjson.JSONEncodeError:
        return jsonnumbers.dumps(doc).encode()


def _dumps(doc: Any, fast: bool) -> str:
    """The walked document as compact JSON: orjson's, when it parsed the body and can write it
    (it reads 1,024 levels of nesting but writes 254), else json's."""
    if fast:
        try:
            return orjson.dumps(doc).decode()
        except orjson.JSONEncodeError:
            pass
    return jsonnumbers.dumps(doc)


def _loads(text: str, utf8: bytes | None = None) -> tuple[Any, bool]:
    """The parsed document, and whether orjson parsed it (then it also serialises it).
    ``utf8``: the body, when ``text`` is its UTF-8 decoding.

    orjson parses and serialises a 4 KB document in a third of json's time, keeps key
    order and writes compact UTF-8 like ``jsonnumbers.dumps``; the only visible difference
    is the exponent of very small or large floats (1e-7, not 1e-07). Whatever it refuses
    (NaN, lone surrogates, a BOM, nesting beyond 1024) goes through json as before, so
    accepted input and error messages are json's.
    """
    if not _huge_int(text, utf8):
        try:
            return orjson.loads(text), True
        except orjson.JSONDecodeError:
            pass
    try:
        return jsonnumbers.loads(text), False
    except (ValueError, RecursionError) as exc:
        raise InspectionError("unparseable", f"body declared as JSON does not parse: {exc}") from None
