"""Values an upstream masked in part before the gateway saw them: 6109021990****1235,
610902XXXXXXXX1235, 6222 #### #### 7890, 138××××8000. What is left in clear may be more than the
caller's profile shows, so such a value is judged, and masked again, as the whole value: each
mask character stands for a digit. ``*`` and ``×`` are masks wherever they stand; ``X``, ``x``
and ``#`` only two or more in a row, since one X is an ID number's check character and one #
an extension's mark (0915-3212345#8001)."""

from __future__ import annotations

import re

from .entities import mobile
from .matches import Match
from .normalise import Folded

_MASK_RUN = re.compile(r"[*×]+|[#Xx]{2,}")


def may_hold_mask(text: str) -> bool:
    """May ``text`` hold a mask? Substring tests, in C, before any pattern is tried."""
    return "*" in text or "×" in text or "XX" in text or "xx" in text or "##" in text


def as_stars(text: str) -> str:
    """``text`` with its mask characters written ``*``."""
    return _MASK_RUN.sub(lambda m: "*" * len(m.group()), text)


def masked_in_part(text: str) -> bool:
    """Does ``text`` hold a mask beside digits left in clear?"""
    return _MASK_RUN.search(text) is not None and any(c.isdigit() for c in text)


# A mobile masked in part after a phone's label in prose (联系电话：1380013****, 手机 138××××8000):
# with digits of the middle in clear it shows more than the caseworker's 138****8000. (A text
# whose runs of digits are four or fewer, 手机138****8000, never reaches the scan: the pre-check
# passes over it. It shows what the caseworker's mask does.)
_LABELLED_MOBILE = re.compile(
    r"(?:手机|电话|联系方式)[^0-9\n*×#]{0,6}?((?:\+86[- ]?)?1[3-9][0-9*×#Xx]{9})(?![0-9A-Za-z*×#])"
)
_SCORE = 0.9  # below a valid number's: where one overlaps, it wins


def labelled_mobiles(plain: Folded) -> list[Match]:
    """The mobiles masked in part after a phone's label in ``plain``."""
    text = plain.text
    if not may_hold_mask(text) or not ("话" in text or "机" in text or "联系方式" in text):
        return []
    return [
        Match(mobile.ENTITY, *plain.span(*m.span(1)), _SCORE, "label+masked-in-part")
        for m in _LABELLED_MOBILE.finditer(text)
        if masked_in_part(m.group(1))
    ]
