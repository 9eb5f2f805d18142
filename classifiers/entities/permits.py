"""Numbers of two permits, after their labels: the Taiwan residents' travel permit (台湾居民来往大陆
通行证, 台胞证) and a foreigner's permanent residence ID of the 2017 series (外国人永久居留身份证).

The Taiwan permit is numbered with eight digits (two more, or a letter or two in brackets, for
an older card's renewals): a date's or a serial's shape far more often than a permit's, so a
number counts only after the permit's label. The older permanent residence ID is three letters
(the holder's nationality, ISO 3166 alpha-3) and twelve digits, a product's or an order's shape
alone. Both are identity documents of a person as a passport is, and found as PASSPORT (the
passport's series already hold the permits of Hong Kong and Macau residents, 回乡证). The 2023
permanent residence ID is 18 digits under GB 11643's check and a RESIDENT_ID (resident_id.py).
"""

from __future__ import annotations

import re
from typing import Final

# The labels: 台胞证, the permit's full name, and the permanent residence ID's names (永居证 for
# short); 号, 号码 or 编号 after them, or nothing.
_TAIWAN = r"(?:台胞证|台湾居民来往大陆通行证)"
_RESIDENCE = r"(?:(?:外国人)?永久居留(?:身份)?证|永居证)"
_NUMBER_WORD = r"(?:号码?|编号)?"
_BETWEEN = r"[\s:：=为是]{0,3}"
# The labels and the numbers apart, for the presidio recognizers (recognizers/labelled.py), which
# read a label as a look-behind.
TAIWAN_LABEL: Final = _TAIWAN + _NUMBER_WORD + _BETWEEN
# Eight digits; two more digits or a bracketed renewal's mark (12345678(01), 12345678(B)); or the
# Taiwan ID written there (a letter and nine digits).
TAIWAN_NUMBER: Final = (
    r"(?<![0-9A-Za-z])(?:[0-9]{8}(?:[0-9]{2}|[（(][0-9A-Za-z]{1,2}[)）])?|[A-Za-z][0-9]{9})(?![0-9A-Za-z])"
)
RESIDENCE_LABEL: Final = _RESIDENCE + _NUMBER_WORD + _BETWEEN
RESIDENCE_NUMBER: Final = r"[A-Za-z]{3}[0-9]{12}(?![0-9A-Za-z])"
_TAIWAN_RE: Final = re.compile(TAIWAN_LABEL + f"({TAIWAN_NUMBER})")
_RESIDENCE_RE: Final = re.compile(RESIDENCE_LABEL + f"({RESIDENCE_NUMBER})")


def find(text: str) -> list[tuple[int, int]]:
    """The permits' numbers after their labels in ``text``: (start, end)."""
    found: list[tuple[int, int]] = []
    # What every label holds, by substring tests (in C) before a pattern is tried: one character
    # first (found by memchr; a test of two characters walks a remark at some 8 instructions a
    # character, and four of them cost 20,000 an inspection of the corpus document).
    if "台" in text and ("台胞证" in text or "台湾居民来往" in text):
        found += [m.span(1) for m in _TAIWAN_RE.finditer(text) if len(set(m.group(1)[-8:])) > 1]
    if "永" in text and ("永久居留" in text or "永居证" in text):
        found += [m.span(1) for m in _RESIDENCE_RE.finditer(text)]
    return found


def residence_2017(compact: str) -> bool:
    """Is ``compact`` (under an ID number's key) a permanent residence ID of the 2017 series?"""
    return len(compact) == 15 and compact.isascii() and compact[:3].isalpha() and compact[3:].isdigit()
