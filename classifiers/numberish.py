"""Could a text hold a number worth a check? A test for what is passed unscanned when it is
plain (Office styles and themes, markup's names): digits and what a number is written with
between them read as one character each, eleven in a row being the least a mobile, an ID or
a landline with its area code takes. The same test for bytes and for text, so the two stay in step."""

from __future__ import annotations

from typing import Final

_CHARS: Final = "0123456789 ._/-()+"
_RUN_LENGTH: Final = 11
_TEXT_TABLE: Final = str.maketrans(dict.fromkeys(_CHARS, "0"))
_TEXT_RUN: Final = "0" * _RUN_LENGTH
_BYTES_TABLE: Final = bytes.maketrans(_CHARS.encode(), b"0" * len(_CHARS))
_BYTES_RUN: Final = b"0" * _RUN_LENGTH


def text_may_hold_number(text: str) -> bool:
    return _TEXT_RUN in text.translate(_TEXT_TABLE)


def bytes_may_hold_number(data: bytes) -> bool:
    return _BYTES_RUN in data.translate(_BYTES_TABLE)
