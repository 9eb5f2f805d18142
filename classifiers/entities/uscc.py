"""Unified social credit codes of institutions (统一社会信用代码), GB 32100-2015."""

from __future__ import annotations

import re
from typing import Final

from .base import EntitySpec, PatternSpec
from .resident_id import PROVINCE_CODES

ENTITY: Final = "USCC"

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)  # GB 32100; see check_char
_CLASS = "[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]"
# First character: the registering authority (1 编制, 5 民政, 9 市场监管, Y other, ...).
_AUTHORITIES: Final = frozenset("123456789ANY")
# Characters 3-4 open a GB/T 2260 division code: a province, or 10 for central registrations.
# Without these checks one in 31 random 18-digit serial numbers would pass the checksum.
_REGIONS: Final = frozenset({10, *PROVINCE_CODES})
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "uscc",
        r"(?<![0-9A-Za-z])" + _CLASS + r"{2}[0-9]{6}" + _CLASS + r"{10}(?![0-9A-Za-z])",
        0.3,
    ),
)
CONTEXT: tuple[str, ...] = ("统一社会信用代码", "信用代码", "社会信用代码", "uscc", "creditcode")


# The weights are 3^i mod 31 and 34 = 3 (mod 31): the weighted sum is the reversed body
# read as a base-34 number, mod 31, once each character is written as the base-34 digit
# of its value (one C-level int() instead of a loop; an 18-digit serial is checked per
# value of a business column).
_BASE34 = str.maketrans(ALPHABET, "0123456789ABCDEFGHIJKLMNOPQRSTU")
_CODE: Final = re.compile("[" + ALPHABET + "]{18}")


def check_char(body17: str) -> str:
    # Digits are their own base-34 digits: a body of them (a business column's serials) needs no
    # translation, which cost some 3,000 instructions.
    digits = body17 if body17.isdigit() else body17.translate(_BASE34)
    total = int(digits[::-1], 34)
    return ALPHABET[(31 - total % 31) % 31]


# Characters 9-17 are the body's organisation code (主体标识码, GB 11714), whose last character
# checks its first eight: weights 3 7 9 10 5 8 4 2 (a letter is worth 10 for A up to 35 for Z),
# 11 less the sum mod 11, written X for 10 and 0 for 11. A random 18-digit serial passes it one
# time in eleven, and passed the code's own checksum one time in 31 before that: a business
# column's serials were masked as credit codes (21 of 9,020 business values in the corpus).
_ORG_WEIGHTS: Final = (3, 7, 9, 10, 5, 8, 4, 2)


def org_check_char(body8: str) -> str:
    total = sum(int(char, 36) * weight for char, weight in zip(body8, _ORG_WEIGHTS, strict=True))
    return "0123456789X0"[11 - total % 11]


# Characters 3-4 as written (_REGIONS), for the test that comes first.
_REGION_PAIRS: Final = frozenset(f"{code:02d}" for code in _REGIONS)


def validate(text: str) -> bool | None:
    # An ASCII text (every candidate the patterns find) is first asked its length and characters
    # 3-4, which two in three 18-digit serials of a business column fail: the pattern, the
    # authority and the checksum after them cost some 5,000 instructions a serial. (Upper case
    # can lengthen other texts, "ß" -> "SS": those take the checks in their order.)
    if text.isascii() and (len(text) != 18 or text[2:4] not in _REGION_PAIRS):
        return False
    code = text.upper()
    if _CODE.fullmatch(code) is None:
        return False
    if code[0] not in _AUTHORITIES or not code[2:4].isdigit() or int(code[2:4]) not in _REGIONS:
        return False
    # (the code's own check first: one C-level conversion, where the organisation code's is a loop)
    return (check_char(code[:17]) == code[17] and org_check_char(code[8:16]) == code[16]) or False


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
