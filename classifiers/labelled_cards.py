"""A bank card number written in pieces after its label, parted by what the scanner does not join:
"银行卡号：6222,0212,3456,7890,128", "卡号：622202（1234567890）128", "开户账号 “622202”“1234567890128”".
The scanner joins digit groups parted by spaces, hyphens, dots and slashes only, so such a card went
out in clear (an ID number in pieces had the same gap: labelled_ids.py).

Only after a card's or an account's label (the label is the evidence the pieces are one number),
and only 16 to 19 digits in all that pass the Luhn check (one run of digits in ten does: the label
carries the rest) and are no digit repeated. And a card the upstream masked in part after its
label (6222****1234567890), masked again as the whole number.
"""

from __future__ import annotations

import re

from .entities import bank_card
from .entities.base import VALIDATED_SCORE
from .labelled_ids import APART, UNJOINED, apart
from .masked_in_part import as_stars, masked_in_part
from .matches import Match
from .normalise import Folded

_LABEL = r"(?:银行卡号?|卡号|(?:银行|开户)?[账帐](?:号|户))"
_LABELLED = re.compile(
    _LABEL
    + r"[^0-9\n]{0,6}?"  # ：, 为; no digit before the number
    + rf"([0-9](?:{APART}[0-9])*)(?![0-9A-Za-z])"
)
# A card the upstream masked in part after its label (银行卡号：6222****1234567890, 6222 XXXX XXXX
# 7890): its digits in clear may be more than the caller's profile shows (Run._masked asks it).
_MASKED = re.compile(_LABEL + r"[^0-9\n*×]{0,6}?([0-9*×][0-9*×#Xx ]{10,26}[0-9*×#Xx])(?![0-9A-Za-z*×#])")


def labelled_cards(plain: Folded, runs: list[tuple[int, int]], masked: bool) -> list[Match]:
    """The bank card numbers in ``plain`` (``runs``: its runs of digits) written in pieces after
    a card's label, each from its first digit to its last, and those masked in part (``masked``:
    the text may hold a mask, ``may_hold_mask``)."""
    text = plain.text
    # What every label holds, by substring tests (in C; a generator over them cost 1,300
    # instructions a text) before the pieces are looked for and the label's pattern matched.
    if not ("卡" in text or "账" in text or "帐" in text):
        return []
    found = _masked_in_part(plain) if masked else []
    if apart(text, runs) != UNJOINED:
        return found
    for m in _LABELLED.finditer(text):
        start, end = m.span(1)
        digits = "".join(c for c in text[start:end] if "0" <= c <= "9")
        if end - start > len(digits) and bank_card.validate(digits) is True:
            found.append(Match(bank_card.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "pieces+label"))
    return found


def _masked_in_part(plain: Folded) -> list[Match]:
    found: list[Match] = []
    for m in _MASKED.finditer(plain.text):
        number = as_stars(m.group(1)).replace(" ", "")
        if masked_in_part(number) and 12 <= len(number) <= 19 and number.replace("*", "").isdigit():
            found.append(Match(bank_card.ENTITY, *plain.span(*m.span(1)), VALIDATED_SCORE, "label+masked-in-part"))
    return found
