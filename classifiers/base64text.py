"""Text sent as base64: a JSON document or a line of text encoded into a string value or a
header (``"payload": "eyJ4bSI6…"``, ``X-Data: eyJ…``). Read as it is, its ID numbers and
names are letters and digits that no pattern finds; decoded, it is inspected as what it is,
and once masked it is encoded again the way it came (alphabet and padding), so that a client
that decodes it still can.

Only a whole value is taken, at least ``MIN_LENGTH`` characters of one base64 alphabet, and
only when it decodes to UTF-8 text without control characters: a hash, a token or a key
decodes to bytes that are no such text, and a photo's base64 (``entities/embedded_file.py``)
is given up after its first bytes.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from typing import Final, NamedTuple

# 24 characters are 18 bytes: an ID number's digits alone.
MIN_LENGTH: Final = 24
_STANDARD = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_URL_SAFE = re.compile(r"[A-Za-z0-9_-]+={0,2}")
# A value of a NUL-joined column (columns.maybe) that could be one, for RE2: the same shape, whole.
COLUMN_HINT = rf"(?:^|\x00)[A-Za-z0-9+/_-]{{{MIN_LENGTH},}}={{0,2}}(?:\x00|$)"
_SHAPE: Final = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
# Control characters that no text holds (tab and line ends do).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# How much of a long value is decoded first: a photo or a file is no UTF-8 text from its
# first bytes on, and decoding megabytes of it to find that out costs milliseconds.
_PROBE = 512


class Decoded(NamedTuple):
    text: str
    url_safe: bool  # "-" and "_" for "+" and "/"
    padded: bool  # "=" at the end when the length asks for it (as far as one can tell)


def may_contain(joined: str) -> bool:
    """Could a value of this NUL-joined column be base64 (see ``decoded``)?"""
    return any_value(joined, MIN_LENGTH, _SHAPE)


def any_value(joined: str, min_length: int, shape: re.Pattern[str]) -> bool:
    """Is a value of this NUL-joined column ``min_length`` characters or more, all of ``shape``?
    Value by value: most are too short, and a regex tried at every position of the column costs
    more. (hextext.may_contain asks it too.)"""
    start = 0
    n = len(joined)
    while n - start >= min_length:
        end = joined.find("\x00", start)
        end = n if end < 0 else end
        if end - start >= min_length and shape.fullmatch(joined, start, end) is not None:
            return True
        start = end + 1
    return False


def decoded(value: str, min_length: int = MIN_LENGTH) -> Decoded | None:
    """The text ``value`` encodes, or None when it is no base64 of text (``min_length``: of a
    run inside a longer text, ``tokens.RUN_MIN_LENGTH``)."""
    # isascii() reads a flag of the string: most values (names, addresses) end here.
    if len(value) < min_length or len(value) % 4 == 1 or not value.isascii():
        return None
    # The alphabet from the first characters only: the decoder checks every other one.
    head = value[:_PROBE]
    url_safe = _STANDARD.fullmatch(head) is None
    if url_safe and _URL_SAFE.fullmatch(head) is None:
        return None
    padded = len(value) % 4 == 0  # else written without its "="
    altchars = b"-_" if url_safe else None
    try:
        if len(value) > _PROBE:
            start = base64.b64decode(head, altchars=altchars, validate=True)
            # A character cut at the probe's end is no error: the decoder waits for its rest.
            if _CONTROL.search(codecs.getincrementaldecoder("utf-8")().decode(start, final=False)):
                return None
        whole = value + "=" * (-len(value) % 4)
        text = base64.b64decode(whole, altchars=altchars, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not text.strip() or _CONTROL.search(text):
        return None
    return Decoded(text, url_safe, padded)


def encoded(text: str, url_safe: bool, padded: bool) -> str:
    """``text`` in base64 as ``decoded`` found it written."""
    out = base64.b64encode(text.encode("utf-8"), altchars=b"-_" if url_safe else None).decode("ascii")
    return out if padded else out.rstrip("=")
