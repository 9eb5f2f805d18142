"""A mobile mistyped after its label: "手机：1391234567" (a digit left out), "手机号：139123456789" (one
too many). Under a phone key such a value is claimed (detect.Detector._whole_value: 7 to 15
digits); after a label in text it went out in clear, ten of its eleven digits.

Only after a mobile's or a phone's label, right before the number (the label is the evidence: ten
digits from 13 are any count or serial elsewhere); only ten or twelve digits from 1 and a mobile's
second digit, standing alone (no digit, letter, decimal or amount after them). A landline's ten
digits open with 0.
"""

from __future__ import annotations

import re
from typing import Final

from .entities import landline, mobile
from .matches import Match
from .normalise import Folded

# What every label starts with, found by ``in`` first (and presidio's context words).
LABEL_STARTS: Final = ("手机", "电话", "联系方式")
# The label and what may stand between it and the number (a colon, 为, 是, spaces): searched in the
# twelve characters before the number, ending where it starts.
LABEL: Final = r"(?:手机(?:号码?)?|电话(?:号码)?|联系方式)[ \t]*[:：为是]?[ \t]*"
_LABEL_BEFORE: Final = re.compile(LABEL + "$")
# What may not follow the number: more of a number or a code, a decimal, an amount.
AFTER: Final = r"(?![0-9A-Za-z]|\.[0-9]|元|万|%)"
_ALONE: Final = re.compile(AFTER)
# Ten and twelve digits as the presidio recognizers read them (recognizers/labelled.py).
SHORT: Final = r"(?<![0-9])1[3-9][0-9]{8}"
LONG: Final = r"(?<![0-9])1[3-9][0-9]{10}"
_MISTYPED_SCORE: Final = 0.9  # below a valid number's: where one overlaps, it wins
_MOBILE_SECOND: Final = frozenset("3456789")


def mistyped_mobiles(plain: Folded, runs: list[tuple[int, int]]) -> list[Match]:
    """The mobiles in ``plain`` (``runs``: its runs of digits) after a label, a digit left out
    or one too many."""
    text = plain.text
    if not any(start in text for start in LABEL_STARTS):
        return []
    found: list[Match] = []
    for start, end in runs:
        if (
            (end - start == 10 or end - start == 12)
            and text[start] == "1"
            and text[start + 1] in _MOBILE_SECOND
            and _ALONE.match(text, end) is not None
            and _LABEL_BEFORE.search(text, max(0, start - 12), start) is not None
        ):
            # (twelve as a landline, as under a phone key: the mobile's mask reads the last eleven,
            # a country code's place, and left the first digit out)
            entity = mobile.ENTITY if end - start == 10 else landline.ENTITY
            found.append(Match(entity, *plain.span(start, end), _MISTYPED_SCORE, "label+mistyped"))
    return found
