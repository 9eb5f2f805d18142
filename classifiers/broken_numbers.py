"""Numbers broken by one line end (a narrow column, a form's text wrapped): the scanner's passes
over a value with a line end (scanner.py)."""

from __future__ import annotations

import re

from .entities import mobile, resident_id
from .entities.base import VALIDATED_SCORE
from .matches import CONTEXT_WINDOW, DIGIT_RUN, Match
from .normalise import Folded

# An ID number broken by one line end (a narrow column, a form's text wrapped): two pieces of
# digits, the second maybe ending in X, spaces about the line end. Only a checksum-valid number
# of 18 joins: a line end parts a table's columns and a list's values far more often.
_BROKEN_ID = re.compile(r"(?<![0-9])([0-9]{1,17})[ \t]*\r?\n[ \t]*([0-9]{1,17}[0-9Xx]?)(?![0-9A-Za-z])")


def broken_ids(plain: Folded) -> list[Match]:
    found: list[Match] = []
    for m in _BROKEN_ID.finditer(plain.text):
        number = m.group(1) + m.group(2)
        if len(number) == 18 and resident_id.validate(number) is True:
            start, end = plain.span(m.start(), m.end())
            found.append(Match(resident_id.ENTITY, start, end, VALIDATED_SCORE, resident_id.SPEC.strong_evidence))
    return found


# A mobile broken by one line end (139 1234\n5678, 139-\r\n1234-5678): digit groups on both sides.
# It has no checksum, and a line end parts a column of numbers far more often: only 11 digits of
# an allocated segment written as a mobile is grouped (3, 4, 4), or after a word for a phone.
_BROKEN_MOBILE = re.compile(r"(?<![0-9])([0-9]+(?:[ -][0-9]+)*)[ \t-]*\r?\n[ \t]*([0-9]+(?:[ -][0-9]+)*)(?![0-9])")
_MOBILE_GROUPS = [3, 4, 4]


def broken_mobiles(plain: Folded) -> list[Match]:
    found: list[Match] = []
    for m in _BROKEN_MOBILE.finditer(plain.text):
        groups = DIGIT_RUN.findall(m.group(1)) + DIGIT_RUN.findall(m.group(2))
        if groups[0] in ("86", "0086"):  # a country code written apart
            groups = groups[1:]
        number = "".join(groups)
        if len(number) != 11 or number[0] != "1" or mobile.validate(number) is not None:
            continue
        before = plain.text[max(0, m.start() - CONTEXT_WINDOW) : m.start()].lower()
        if [len(g) for g in groups] == _MOBILE_GROUPS or any(word in before for word in mobile.CONTEXT):
            start, end = plain.span(m.start(), m.end())
            found.append(Match(mobile.ENTITY, start, end, mobile.PATTERNS[0].score, "pattern+broken"))
    return found
