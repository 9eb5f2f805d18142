"""Mobile and ID numbers written in Chinese numerals (一三九一二三四五六七八九, 幺三九…,
壹叁玖…), as a caseworker dictates a number into a remark or a form field that refuses digits.

Numerals are ordinary words too (一二三, 二〇二四年), so only a run that is a whole number is
taken: 11 numerals that make a mobile of an allocated segment, or 17 and a check character
that make a valid ID number. A longer or shorter run is no such number.
"""

from __future__ import annotations

import re

from . import mobile, resident_id

# 幺 is how 1 is read aloud in numbers; the financial forms (壹…玖) are how amounts and
# numbers are written so that they cannot be changed.
_DIGITS = str.maketrans("〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖", "001234567891123456789")
_NUMERAL = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖"
# Any 11 numerals in a row: the pre-check (scanner.MAYBE), and all a text needs to hold one.
RUN = f"[{_NUMERAL}]{{11}}"
_RUN_RE = re.compile(RUN)
_NUMBER_RE = re.compile(rf"(?<![{_NUMERAL}])(?:[{_NUMERAL}]{{11}}|[{_NUMERAL}]{{17}}[{_NUMERAL}Xx])(?![{_NUMERAL}Xx])")


def may_contain(text: str) -> bool:
    """Cheap pre-check for :func:`find` (a pattern opening with a class: ``re`` skips to it in C)."""
    return _RUN_RE.search(text) is not None


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, entity) of each whole mobile or ID number written in numerals."""
    found: list[tuple[int, int, str]] = []
    if not may_contain(text):
        return found
    for match in _NUMBER_RE.finditer(text):
        number = match.group().translate(_DIGITS)
        if len(number) == 11:
            if mobile.validate(number) is None:
                found.append((match.start(), match.end(), mobile.ENTITY))
        elif resident_id.validate(number) is True:
            found.append((match.start(), match.end(), resident_id.ENTITY))
    return found
