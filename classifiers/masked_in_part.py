"""Values an upstream masked in part before the gateway saw them: 6109021990****1235,
6109021990XXXX1235, 6222 #### 3456 7890, 1380013××××. What is left in clear may be more than the
caller's profile shows, so such a value is judged, and masked again, as the whole value: each
mask character stands for a digit. ``*`` and ``×`` are masks wherever they stand; ``X``, ``x``
and ``#`` only two or more in a row, since one X is an ID number's check character and one #
an extension's mark (0915-3212345#8001).

Only a value that shows more than the shipped partial masks leave in clear (``shows_more``):
610902********1235, 138****8000 and 张** are what the caseworker's profile writes, and are left as
they come. The gateway's own output, inspected again (a Location's query is masked, then the
header read whole: gateway/stages/inspect.py), must find nothing new."""

from __future__ import annotations

import re
from typing import Final

from .entities import bank_card, landline, mobile, resident_id
from .matches import Match
from .normalise import Folded

_MASK_RUN = re.compile(r"[*×]+|[#Xx]{2,}")


def may_hold_mask(text: str) -> bool:
    """May ``text`` hold a mask? Substring tests, in C, before any pattern is tried."""
    return "*" in text or "×" in text or "XX" in text or "xx" in text or "##" in text


# What the shipped partial masks leave in clear (policies/masking.yaml, the caseworker's profile):
# the first and the last characters of each number.
_SHOWN: Final = {resident_id.ENTITY: (6, 4), bank_card.ENTITY: (6, 4), mobile.ENTITY: (3, 4), landline.ENTITY: (3, 4)}


def shows_more(entity: str, number: str) -> bool:
    """Does ``number``, its mask characters written ``*``, show a digit those masks hide?"""
    first, last = _SHOWN[entity]
    return any(c.isdigit() for c in number[first : len(number) - last])


def phone_shows_more(number: str) -> bool:
    """``shows_more`` for a phone: a mobile's 11 national digits (+86 138****8000's), or a
    landline's, whose masks leave as much in clear."""
    if len(number) > 11 and number[-11] == "1":
        number = number[-11:]
    return shows_more(mobile.ENTITY, number)


def as_stars(text: str) -> str:
    """``text`` with its mask characters written ``*``."""
    return _MASK_RUN.sub(lambda m: "*" * len(m.group()), text)


_DIGIT = re.compile("[0-9]")  # (read after the fold: full-width digits are ASCII by then)


def masked_in_part(text: str) -> bool:
    """Does ``text`` hold a mask beside digits left in clear?"""
    return may_hold_mask(text) and _MASK_RUN.search(text) is not None and _DIGIT.search(text) is not None


# A mobile masked in part after a phone's label in prose (联系电话：1380013****, 手机 13800××××00):
# with digits of the middle in clear it shows more than the caseworker's 138****8000.
_LABELLED_MOBILE = re.compile(
    r"(?:手机|电话|联系方式)[^0-9\n*×#]{0,6}?((?:\+86[- ]?)?1[3-9][0-9*×#Xx]{9})(?![0-9A-Za-z*×#])"
)
_SCORE = 0.9  # below a valid number's: where one overlaps, it wins


def labelled_mobiles(plain: Folded) -> list[Match]:
    """The mobiles masked in part after a phone's label in ``plain`` (a text that may hold a
    mask: ``may_hold_mask``, asked once by the scanner)."""
    text = plain.text
    if not ("话" in text or "机" in text or "联系方式" in text):
        return []
    return [
        Match(mobile.ENTITY, *plain.span(*m.span(1)), _SCORE, "label+masked-in-part")
        for m in _LABELLED_MOBILE.finditer(text)
        if masked_in_part(m.group(1)) and phone_shows_more(as_stars(m.group(1)))
    ]
