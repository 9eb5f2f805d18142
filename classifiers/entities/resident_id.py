"""Resident identity card numbers (居民身份证号码), GB 11643-1999, plus 15-digit legacy numbers.

A foreigner's permanent residence ID of the 2023 series (外国人永久居留身份证) is numbered under the
same standard: 9 (no province's), the issuing province, the nationality's three digits, the date
of birth, a serial and the same check character. Systems store it in the ID number's column and
check it as one: it is a RESIDENT_ID here (``_issued_ok``). The 2017 series (three letters and
twelve digits) has no check: a PASSPORT after its label (permits.py).
"""

from __future__ import annotations

import datetime as _dt
import re
import time
from typing import Final

from ..normalise import fold
from .base import EntitySpec, PatternSpec

ENTITY: Final = "RESIDENT_ID"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS: Final = "10X98765432"
# Province-level region codes actually in use (GB/T 2260) plus 71 Taiwan, 81 HK, 82 Macao.
PROVINCE_CODES: Final = frozenset(
    (
        11,
        12,
        13,
        14,
        15,
        21,
        22,
        23,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        41,
        42,
        43,
        44,
        45,
        46,
        50,
        51,
        52,
        53,
        54,
        61,
        62,
        63,
        64,
        65,
        71,
        81,
        82,
    )
)
# What opens an 18-character number: a province's code, and 83, which opens the residence permits
# of Taiwan residents (830000; 810000 and 820000 are Hong Kong's and Macao's): a permit of 830000
# went out in clear where one of 810000 was masked. Not among PROVINCE_CODES, which the USCC's
# regions read (no USCC's region opens with 83).
_OPENINGS: Final = frozenset({*PROVINCE_CODES, 83})
_EARLIEST_TEXT = "19000101"

# The end of an ID number: no digit after it, or a mobile's 11 digits and no digit after them.
GLUED_END = r"(?!(?!1[3-9][0-9]{9}(?![0-9]))[0-9])"
# A disability card's category and grade after the ID number (see PATTERNS); or the grade alone,
# written with 级 (残疾证：…3级): the ID number is the 18 characters before it.
DISABILITY = r"(?:[1-7][1-4](?![0-9]))?"
GRADE_AFTER = r"(?=[1-4]级)"
_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
PATTERNS: tuple[PatternSpec, ...] = (
    # The digit look-arounds keep a number that is part of a longer digit run out, but for a
    # mobile glued after the check character (11010519491231002X13800138000, and with a digit
    # there 29 digits in a row: two fields of a form pasted together): the scanner takes the
    # mobile after it (Scanner._patterns_in), and the checksum says the 18 digits are an ID.
    # A disability card's number (残疾人证号) is the holder's ID number and two digits, the
    # disability's category (1-7) and grade (1-4): the ID number inside went out in clear, its
    # 20 digits no number's. Read as an ID number of 20 characters (validate, masking).
    PatternSpec(
        "resident_id_18",
        r"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}"
        + _DATE
        + r"[0-9]{3}[0-9Xx]"
        + f"(?:{GRADE_AFTER}|{DISABILITY}{GLUED_END})",
        0.5,
    ),
    # Legacy numbers carry no check digit: too weak alone, context or a key must back them.
    PatternSpec("resident_id_15", r"(?<![0-9])[1-9][0-9]{7}" + _DATE + r"[0-9]{3}(?![0-9])", 0.4),
)
CONTEXT: tuple[str, ...] = (
    "身份证",
    "身份证号",
    "身份证号码",
    "公民身份号码",
    "证件号码",
    "证件号",
    "身份号码",
    # 身分证: the older writing, still in forms and exports (a 15-digit number after it went out);
    # 省份证 and 身份号, the commonest slips of a pinyin input (shen/sheng) and of a hurried hand.
    "身分证",
    "省份证",
    "身份号",
    # The social security number is the ID number (社会保障号码), 社保号 for short.
    "社会保障号",
    "社保号",
    "id",
    "idcard",
    "sfzh",
)


def check_char(body17: str) -> str:
    """GB 11643 check character for the first 17 digits.

    The weight of digit i (1-based) is 2^(18-i) mod 11, and 13 = 2 (mod 11), so the
    weighted sum is twice the 17 digits read as a base-13 number, mod 11: one C-level
    int() instead of a loop over the digits.
    """
    return _CHECK_CHARS[2 * int(body17, 13) % 11]


_MONTH_DAYS: Final = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _birth_ok(text: str, today: _dt.date | None = None) -> bool:
    """Is ``YYYYMMDD`` a real date between 1900-01-01 and today? (String compares, no date object.)"""
    if len(text) != 8 or not text.isdigit():
        return False
    year, month, day = int(text[0:4]), int(text[4:6]), int(text[6:8])
    if not 1 <= month <= 12 or not 1 <= day <= _MONTH_DAYS[month]:
        return False
    if month == 2 and day == 29 and (year % 4 or (year % 100 == 0 and year % 400)):
        return False
    return _EARLIEST_TEXT <= text <= (today.strftime("%Y%m%d") if today else _today_text())


_today_cache: Final[list[float | str]] = [0.0, ""]  # (monotonic time of computation, YYYYMMDD)


def _today_text() -> str:
    """Today's date as YYYYMMDD, recomputed at most once a second (strftime per ID is costly)."""
    now = time.monotonic()
    if now - float(_today_cache[0]) > 1.0:
        _today_cache[:] = [now, _dt.date.today().strftime("%Y%m%d")]
    return str(_today_cache[1])


def _prefix_ok(number: str) -> bool:
    return int(number[:2]) in PROVINCE_CODES


def _issued_ok(number: str) -> bool:
    """An 18-character number's opening: a province's code, or 9 and the issuing province's (a
    foreigner's permanent residence ID, 2023 series)."""
    return int(number[:2]) in _OPENINGS or (number[0] == "9" and int(number[1:3]) in PROVINCE_CODES)


def to18(number: str) -> str:
    """Normalise to the 18-character form (upper-case X; legacy numbers get "19" and a check)."""
    number = number.strip().upper()
    if len(number) == 15:
        body = number[:6] + "19" + number[6:]
        return body + check_char(body)
    return number


# What parts the pieces of one number that fold keeps: the group separators (normalise.LOOSE_SEPARATORS:
# "610902/19470415/8177" is one person), a line end with the spaces about it ("610902\n19470415…":
# broken_numbers.broken_ids) and the brackets, commas and quotes after a label
# ("610902（19470415）8177": labelled_ids). Anything but letters and digits.
_APART = re.compile(r"[\W_]+")


def canonical(text: str) -> str:
    """The one spelling persons are tokenised in, wherever the number was found or typed:
    folded (full-width digits, zero-width characters, separators), 18 characters, upper-case X.
    Callers decide whether it must also validate."""
    folded = fold(text).text
    return to18(folded if folded.isalnum() else _APART.sub("", folded))


def birth_date(number: str) -> _dt.date | None:
    """Birth date encoded in a (15- or 18-digit) number, or None when it is not a date."""
    full = to18(number)
    try:
        return _dt.date(int(full[6:10]), int(full[10:12]), int(full[12:14]))
    except ValueError:
        return None


def validate(text: str) -> bool | None:
    """True for a valid 18-digit number, None for a plausible legacy one, else False."""
    if len(text) == 18 and text.isascii():
        return _valid_ascii18(text)
    if len(text) == 20 and "1" <= text[18] <= "7" and "1" <= text[19] <= "4":
        return disability_card(text)
    number = text.upper()
    if len(number) == 18:
        if not number[:17].isdigit() or not _issued_ok(number):
            return False
        if not _birth_ok(number[6:14]):
            return False
        return check_char(number[:17]) == number[17] or False
    if len(number) == 15 and number.isdigit():
        if _prefix_ok(number) and _birth_ok("19" + number[6:12]):
            return None
        return False
    return False


def _valid_ascii18(number: str) -> bool:
    """``validate`` of an ASCII text of 18 characters, its tests in another order and on the
    code points (which mypyc reads in C): the checksum from the digits as they are read, the
    province and the date from the digits already read, where three slices, four ``int()`` of
    them, a base-13 ``int()`` and the clock cost a number some 10,000 instructions."""
    # The 17 digits read as a base-13 number, mod 11 (see check_char), in machine integers: a
    # module's tuple of weights indexed in the loop was a dictionary lookup and boxed integers a digit.
    rest = 0
    for i in range(17):
        code = ord(number[i])
        if code < 48 or code > 57:  # "0" to "9"
            return False
        rest = (rest * 13 + code - 48) % 11
    last = number[17]
    if _CHECK_CHARS[2 * rest % 11] != ("X" if last == "x" else last):
        return False
    opening = (ord(number[0]) - 48) * 10 + ord(number[1]) - 48
    # A province's code, or 9 and the issuing province's (a permanent residence ID: _issued_ok).
    if opening not in _OPENINGS and (opening < 90 or (opening - 90) * 10 + ord(number[2]) - 48 not in PROVINCE_CODES):
        return False
    month = (ord(number[10]) - 48) * 10 + ord(number[11]) - 48
    day = (ord(number[12]) - 48) * 10 + ord(number[13]) - 48
    if not 1 <= month <= 12 or not 1 <= day <= _MONTH_DAYS[month]:
        return False
    year = (ord(number[6]) - 48) * 1000 + (ord(number[7]) - 48) * 100 + (ord(number[8]) - 48) * 10 + ord(number[9]) - 48
    if month == 2 and day == 29 and (year % 4 or (year % 100 == 0 and year % 400)):
        return False
    born = number[6:14]
    # Today never comes before the day last computed: a date up to that one needs no clock.
    return year >= 1900 and (born <= str(_today_cache[1]) or born <= _today_text())


def disability_card(number: str) -> bool:
    """A disability card's number (残疾人证号): a valid ID number, then the disability's category
    (1-7) and grade (1-4)."""
    return len(number) == 20 and number[18] in "1234567" and number[19] in "1234" and validate(number[:18]) is True


def mistyped(number: str) -> bool:
    """An 18-character number with a real province and date of birth whose check character is
    wrong: a typing error in an ID number (masked where a label or a key says what it is)."""
    number = number.upper()
    return (
        len(number) == 18
        and number[:17].isdigit()
        and (number[17].isdigit() or number[17] == "X")
        and validate(number) is False  # most are valid: the quick test first
        and _issued_ok(number)
        and _birth_ok(number[6:14])
    )


def truncated(number: str) -> bool:
    """17 digits with a real province and date of birth: an ID number cut before its check
    character (a column of 17 characters, a copy that lost the last one), masked where a label
    says what it is."""
    return (
        len(number) == 17 and number.isascii() and number.isdigit() and _issued_ok(number) and _birth_ok(number[6:14])
    )


def looks_like(text: str) -> bool:
    """ID-shaped: 15 digits, 17 digits and a digit/X, or the 17 digits alone (a form that
    keeps the check character in a field of its own: sfzh17 and jym). Used with key evidence
    only."""
    number = text.strip().upper()
    if len(number) in (15, 17):
        return number.isdigit()
    return len(number) == 18 and number[:17].isdigit() and (number[17].isdigit() or number[17] == "X")


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
