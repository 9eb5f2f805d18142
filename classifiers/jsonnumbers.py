"""JSON numbers that a double cannot hold, written back as the client's upstream sent them.

A masked JSON body is re-serialised from its parse. Python reads a JSON number with a
fraction or an exponent as a double: ``1e400`` became ``inf`` and was written ``Infinity``
(no JSON: the client's parser refuses the whole body), ``1e-400`` became ``0.0`` and
``1.0000000000000000000001`` became ``1.0`` (an amount or a coordinate changed). Such a
number is parsed into a ``Number`` that keeps its text, and written back as that text.
Integers need nothing: Python's are exact.
"""

from __future__ import annotations

import json
import re
import secrets
from decimal import Decimal
from typing import Any

# Up to 15 significant digits a double gives back exactly (DBL_DIG), exponents aside.
_SHORT = 16


class Number:
    """A JSON number as sent, where ``float`` would change it. Not scanned: the walkers
    read floats as nothing (columns.join, fastjson's scalars)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def exact_float(text: str) -> float | Number:
    """``json``'s ``parse_float``: the double when it writes back as the same number."""
    value = float(text)
    if len(text) < _SHORT and "e" not in text and "E" not in text:
        return value
    if value - value == 0 and Decimal(repr(value)) == Decimal(text):  # finite, and the same number
        return value
    return Number(text)


class _HoldsNumber(Exception):
    """A ``Number`` met by ``_ENCODER``: the document takes ``dumps``' placeholders."""


def _no_number(node: Any) -> Any:
    """``_ENCODER``'s ``default``: what ``dumps``' placeholder does for anything but a ``Number``."""
    if type(node) is Number:
        raise _HoldsNumber
    raise TypeError(f"Object of type {type(node).__name__} is not JSON serializable")


# One decoder and one encoder for every call, as ``json.loads`` and ``json.dumps`` would build
# them from these arguments (``json`` shares its own for calls without any): building them each
# call, in the interpreter, and drawing ``dumps``' nonce cost more than the C scanner and encoder
# spent on a short document (a JSON value inside a string).
_DECODER = json.JSONDecoder(parse_float=exact_float)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_no_number)


def loads(text: str) -> Any:
    """``json.loads(text, parse_float=exact_float)``."""
    if text.startswith("\ufeff"):  # refused by json.loads before its decoder: its own error
        return json.loads(text, parse_float=exact_float)
    return _DECODER.decode(text)


def dumps(doc: Any) -> str:
    """Compact UTF-8 JSON with each ``Number`` written as its text: json
    writes a placeholder string for it, one no body can hold (a random nonce), then each
    placeholder, quotes included, is replaced by the text. A document without one (almost
    all) is written by the shared encoder, with no nonce drawn."""
    try:
        return _ENCODER.encode(doc)
    except _HoldsNumber:
        pass
    texts: list[str] = []
    nonce = secrets.token_hex(8)

    def placeholder(node: Any) -> str:
        if type(node) is not Number:
            raise TypeError(f"Object of type {type(node).__name__} is not JSON serializable")
        texts.append(node.text)
        return f"{nonce}:{len(texts) - 1}"

    out = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), default=placeholder)
    if not texts:
        return out
    return re.sub(f'"{nonce}:([0-9]+)"', lambda m: texts[int(m.group(1))], out)
