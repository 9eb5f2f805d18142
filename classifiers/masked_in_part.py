"""Values an upstream masked in part before the gateway saw them: 6109021990****1235,
6109021990XXXX1235, 6222 #### 3456 7890, 1380013××××. What is left in clear may be more than the
caller's profile shows, so such a value is judged, and masked again, as the whole value: each
mask character stands for a digit. ``*`` and ``×`` are masks wherever they stand; ``X``, ``x``
and ``#`` only two or more in a row, since one X is an ID number's check character and one #
an extension's mark (0915-3212345#8001).

Detection finds every such value that leaves a digit (or a given name's character) in clear;
what it is for a caller is the caller's profile's to say (``as_came``, asked by Run._masked):
610902********1235, 138****8000 and 张** are what the caseworker's profile writes, no finding for
a caseworker and left as they came, while the strict profile redacts them. So the gateway's own
output, inspected again for the caller it was made for (a Location's query is masked, then the
header read whole: gateway/stages/inspect.py), finds nothing new."""

from __future__ import annotations

import re
from typing import Final

from .business_numbers import after_business_label
from .entities import mobile, resident_id
from .matches import Match
from .normalise import Folded

_MASK_RUN = re.compile(r"[*×]+|[#Xx]{2,}")


def may_hold_mask(text: str) -> bool:
    """May ``text`` hold a mask? Substring tests, in C, before any pattern is tried. A pair is
    looked for only where its character stands: a test of one character is a ``memchr``, one of
    two (an ASCII pair in a text of CJK) widens the pair to the text's width first (~400
    instructions against ~130, asked of every remark the scanner reads)."""
    return (
        "*" in text
        or "×" in text
        or ("X" in text and "XX" in text)
        or ("x" in text and "xx" in text)
        or ("#" in text and "##" in text)
    )


def as_stars(text: str) -> str:
    """``text`` with its mask characters written ``*``."""
    return _MASK_RUN.sub(lambda m: "*" * len(m.group()), text)


# What a mask leaves out of a number besides its digits and mask characters: a country code
# before a mobile, and the separators between groups (+86 138-****-8000 is 138****8000).
_NOT_SHOWN = re.compile(r"^(?:\+|00)?86[ -]?(?=1)|[ -]")


def as_came(original: str, replacement: str) -> bool:
    """Is ``replacement``, the caller's mask of a value masked upstream in part, that value as
    it came? Then the caller sees nothing the upstream did not already let out, and the value
    is no finding for this caller. Written otherwise (a full-width ＊, 1380013****), it is one:
    masked again, and counted, which errs on the side of masking."""
    return replacement == original or _NOT_SHOWN.sub("", as_stars(original)) == replacement


_SCORE = 0.9  # below a valid number's: where one overlaps, it wins
_DIGIT = re.compile("[0-9]")  # (read after the fold: full-width digits are ASCII by then)


def masked_in_part(text: str) -> bool:
    """Does ``text`` hold a mask beside digits left in clear?"""
    return may_hold_mask(text) and _MASK_RUN.search(text) is not None and _DIGIT.search(text) is not None


# An ID number masked in part with no key or label to say what it is (a row of plain cells,
# 王**（610902********1235）): 18 characters from a province's code on, a mask among them, is no
# business number's shape, unless a business number's label says it is one (订单号…). A mobile's 11
# are not read so (138****8000 is many a code's shape too), nor a card's.
_BARE_ID = re.compile(r"(?<![0-9A-Za-z*×#])[1-9][0-9]{5}[0-9*×#Xx]{11}[0-9Xx*×#](?![0-9A-Za-z*×#])")


def bare_ids(plain: Folded) -> list[Match]:
    """The ID numbers masked in part in ``plain`` (a text that may hold a mask: ``may_hold_mask``,
    asked once by the scanner) by their shape alone."""
    return [
        Match(resident_id.ENTITY, *plain.span(*m.span()), _SCORE, "shape+masked-in-part")
        for m in _BARE_ID.finditer(plain.text)
        if int(m.group()[:2]) in resident_id.PROVINCE_CODES
        and masked_in_part(m.group())
        and not after_business_label(plain.text, m.start())
    ]


# A mobile masked in part after a phone's label in prose (联系电话：1380013****, 手机 138****8000),
# in groups too (138-****-8000, 138 **** 8000: as_came reads them without the separators).
# Seven digits or fewer in clear, it holds nothing else the scanner's pre-check looks for: the
# pre-check looks for this too (LABELLED_MOBILE_HINT, may_be_labelled_mobile).
PHONE_LABEL: Final[str] = r"(?:手机|电话|联系方式)[^0-9\n*×#]{0,6}?"
MASKED_MOBILE: Final[str] = r"(?:\+86[- ]?)?1[3-9][0-9*×#Xx](?:[ -]?[0-9*×#Xx]{4}){2}"
LABELLED_MOBILE_HINT: Final[str] = PHONE_LABEL + MASKED_MOBILE
_LABELLED_MOBILE = re.compile(PHONE_LABEL + f"({MASKED_MOBILE})" + r"(?![0-9A-Za-z*×#])")
_HINT: Final = re.compile(LABELLED_MOBILE_HINT)


def may_be_labelled_mobile(text: str) -> bool:
    """Could ``text`` hold a mobile masked in part after its label? Substring tests first."""
    return (
        ("话" in text or "机" in text or "联系方式" in text) and may_hold_mask(text) and _HINT.search(text) is not None
    )


def labelled_mobiles(plain: Folded) -> list[Match]:
    """The mobiles masked in part after a phone's label in ``plain`` (a text that may hold a
    mask: ``may_hold_mask``, asked once by the scanner)."""
    text = plain.text
    if not ("话" in text or "机" in text or "联系方式" in text):
        return []
    return [
        Match(mobile.ENTITY, *plain.span(*m.span(1)), _SCORE, "label+masked-in-part")
        for m in _LABELLED_MOBILE.finditer(text)
        if masked_in_part(m.group(1))
    ]
