"""Text sent as hexadecimal: the UTF-8 bytes of a line of text written two hex digits each
(``"sfzh": "363130393032…"`` is an ID number's digits, ``e5bca0e4bc9f`` is 张伟), as some systems
pass an identifier through a layer that takes only ASCII, or to keep it from the eye. Read as it
is, it is digits and letters that no pattern finds; decoded, it is inspected as text, and once
masked it is written again in hex, in the case it came in, so that a client that decodes it still
can.

Only a whole value is taken, of ``MIN_LENGTH`` hex digits or more and an even count, and only
when it decodes to UTF-8 text without control characters: a hash, a UUID or a key decodes to
bytes that are no such text (its 16 bytes all printable once in millions).
"""

from __future__ import annotations

import codecs
import re
from typing import Final, NamedTuple

from . import base64text

# 22 hex digits are 11 bytes: a mobile number's digits.
MIN_LENGTH: Final = 22
_HEX: Final = re.compile("[0-9A-Fa-f]+")
# The same, an even count (may_contain's shape of a value).
_HEX_PAIRS: Final = re.compile("(?:[0-9A-Fa-f]{2})+")
# A value of a NUL-joined column (columns.maybe) that could be one, for RE2: the same shape, whole.
# (Values of 24 characters or more match base64text.COLUMN_HINT as well.)
COLUMN_HINT: Final = rf"(?:^|\x00)(?:[0-9A-Fa-f]{{2}}){{{MIN_LENGTH // 2},}}(?:\x00|$)"
# Control characters that no text holds (tab and line ends do).
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# How much of a long value is decoded first: a file in hex is no UTF-8 text from its first bytes
# on, and decoding megabytes of it to find that out costs milliseconds (as base64text._PROBE).
_PROBE: Final = 512


class Decoded(NamedTuple):
    text: str
    upper: bool  # written with A-F, not a-f


def may_contain(joined: str) -> bool:
    """Could a value of this NUL-joined column be text in hex (see ``decoded``)?"""
    return base64text.any_value(joined, MIN_LENGTH, _HEX_PAIRS)


def decoded(value: str) -> Decoded | None:
    """The text ``value`` encodes, or None when it is no hex of text."""
    # (bytes.fromhex skips spaces between the pairs: the pattern asks for hex digits alone)
    if len(value) < MIN_LENGTH or len(value) % 2 or _HEX.fullmatch(value, 0, _PROBE) is None:
        return None
    try:
        if len(value) > _PROBE:
            # A character cut at the probe's end is no error: the decoder waits for its rest.
            start = codecs.getincrementaldecoder("utf-8")().decode(bytes.fromhex(value[:_PROBE]), final=False)
            if _CONTROL.search(start) or _HEX.fullmatch(value, _PROBE) is None:
                return None
        text = bytes.fromhex(value).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip() or _CONTROL.search(text):
        return None
    return Decoded(text, value.lower() != value)


def encoded(text: str, upper: bool) -> str:
    """``text`` in hex as ``decoded`` found it written."""
    out = text.encode("utf-8").hex()
    return out.upper() if upper else out
