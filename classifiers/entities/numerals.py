"""Mobile, ID and bank card numbers written in Chinese numerals (一三九一二三四五六七八九, 幺三九…,
壹叁玖…), as a caseworker dictates a number into a remark or a form field that refuses digits;
also mixed with digits (139一二三四5678) and in groups (一三九 一二三四 五六七八).

Numerals are ordinary words too (一二三, 二〇二四年), so only a run that is a whole number is
taken: 11 digits that make a mobile of an allocated segment, 17 and a check character that make
a valid ID number, or 16 to 19 that make a bank card passing the Luhn check (one run in ten
passes it: the scanner takes such a card only after a card's or a bank's words or under a card's
key, ``card_context``). A longer or shorter run is no such number; a run in groups may hold
several, each of whole groups.
"""

from __future__ import annotations

import re
from typing import Final

from . import bank_card, mobile, resident_id
from .ideographs import TABLE_FROM, TABLE_TO, table

# 幺 is how 1 is read aloud in numbers; the financial forms (壹…玖) are how amounts and
# numbers are written so that they cannot be changed.
_NUMERAL = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖"
_DIGITS = str.maketrans(_NUMERAL, "001234567891123456789")
_DIGIT = f"0-9{_NUMERAL}"
# Any 11 digits or numerals in a row, groups parted by one space or hyphen: the pre-check
# (scanner.MAYBE, which RE2 reads too: no look-arounds), and all a text needs to hold one
# (``holds_run`` reads it for may_contain).
RUN = f"[{_DIGIT}](?:[ -]?[{_DIGIT}]){{10}}"
# A whole run of digits and numerals in groups (an ID number's check character X may end one).
_NUMBER_RE = re.compile(rf"(?<![{_DIGIT}])[{_DIGIT}](?:[ -]?[{_DIGIT}])*[Xx]?(?![{_DIGIT}Xx])")
_GROUP_RE = re.compile(rf"[{_DIGIT}]+[Xx]?")
_LENGTHS = frozenset({11, 16, 17, 18, 19})
# What says a run of numerals is a card: the card's own words, or a bank's name before it
# (中国农业银行六二二八…, 开户行：农信社，…).
_CARD_CONTEXT = (*bank_card.CONTEXT, "银行", "信用社", "农信", "农商", "工行", "农行", "中行", "建行", "交行", "邮储")


# The numerals by code point: 〇 (U+3007) alone, the others in a table (``ideographs``). ``re``'s
# search of their class tested each character of a remark at ~70 instructions.
_ZERO: Final = 0x3007
_NUMERALS_TABLE: Final = table(_NUMERAL.replace("〇", ""), "the numerals")


def first_numeral(text: str) -> int:
    """Where the first numeral (``_NUMERAL``) stands in ``text``; -1 where none does."""
    for at in range(len(text)):
        code = ord(text[at])
        if code == _ZERO or (TABLE_FROM <= code < TABLE_TO and _NUMERALS_TABLE[code - TABLE_FROM]):
            return at
    return -1


def holds_run(text: str, start: int) -> bool:
    """``re.search(RUN, text[start:]) is not None``, by a walk over the code points: eleven digits
    or numerals, a space or a hyphen at most between two. ``re`` entered the pattern's repeat at
    every digit after ``start`` (a remark's ID number, mobile, address and amount: ~23,000
    instructions a search on the corpus document)."""
    digits = 0
    parted = False  # a space or a hyphen stands after the last digit
    for at in range(start, len(text)):
        code = ord(text[at])
        if 48 <= code <= 57 or code == _ZERO or (TABLE_FROM <= code < TABLE_TO and _NUMERALS_TABLE[code - TABLE_FROM]):
            digits += 1
            if digits == 11:
                return True
            parted = False
        elif (code == 32 or code == 45) and digits > 0 and not parted:
            parted = True
        else:
            digits = 0
            parted = False
    return False


def may_contain(text: str) -> bool:
    """Cheap pre-check for :func:`find`: a numeral (``first_numeral``), then a run of 11 (RUN:
    ``holds_run``) from up to 20 characters before it."""
    at = first_numeral(text)
    return at >= 0 and holds_run(text, max(0, at - 20))


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity) of each whole mobile, ID or bank card number written in numerals,
    alone or with digits. Runs of digits alone are left to the scanner's patterns."""
    found: list[tuple[int, int, str]] = []
    if not may_contain(text):
        return found
    for match in _NUMBER_RE.finditer(text):
        run = match.group()
        if run.isascii():
            continue
        at = match.start()
        entity = _entity(run)
        if entity is not None:
            found.append((at, match.end(), entity))
        elif " " in run or "-" in run:
            found += _windows(text, [(at + m.start(), at + m.end()) for m in _GROUP_RE.finditer(run)])
    return found


def card_context(before: str) -> bool:
    """Do the words before a run of numerals that passes the Luhn check say it is a card?"""
    lowered = before.lower()
    return any(word in lowered for word in _CARD_CONTEXT)


def _windows(text: str, groups: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Numbers of whole groups inside a run that is none (two mobiles written one after the
    other): from each group, groups are added until a number is made or none can be."""
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(groups):
        length, j, entity = 0, i, None
        while j < len(groups) and length < 19:
            length += groups[j][1] - groups[j][0]
            if length in _LENGTHS:
                piece = text[groups[i][0] : groups[j][1]]
                entity = None if piece.isascii() else _entity(piece)
                if entity is not None:
                    break
            j += 1
        if entity is None:
            i += 1
            continue
        found.append((groups[i][0], groups[j][1], entity))
        i = j + 1
    return found


def _entity(run: str) -> str | None:
    """The entity a run of digits and numerals (and separators) is whole, or None."""
    number = run.translate(_DIGITS).replace(" ", "").replace("-", "")
    length = len(number)
    if length == 11:
        return mobile.ENTITY if number.isdigit() and mobile.validate(number) is None else None
    if length == 18 and resident_id.validate(number) is True:
        return resident_id.ENTITY
    if 16 <= length <= 19 and number.isdigit() and number[0] in "34569" and bank_card.validate(number) is True:
        return bank_card.ENTITY
    return None
