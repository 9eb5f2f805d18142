"""A social security card's own number (社会保障卡卡号, 社保卡号): one letter and eight digits.

The number printed on the card names the card, and through it its holder: the card carries a
bank account in most provinces (its financial function), and a lost card is reported and
traced by it. It is not the social security number (社会保障号码), which is the holder's resident
ID number and found as one. No check digit is printed in the card's number, and a letter and
eight digits is also an order's, a case's or a model's number (案号A12345678): a match counts
only with the card's word before it (within 16 characters, as a passport's) or under the card's
key (its score is below the threshold).

After the card's own label (社保卡号, 社会保障卡卡号) and a medical insurance card's (医保卡号,
医疗保险卡号, 医保号: this card in most provinces, elsewhere a city's own) one rule holds, whatever
the shape: the card's number was a letter and eight digits in the first series only, provinces
have issued others since (two letters, a region's code and a serial, ten or fourteen digits), and
in many the card's number is the holder's ID number; whatever it is, after the label it names the
insured. So six digits or more there (letters, hyphens) are the card (``find``), and under its
key 8-20 letters and digits (``looks_like``). An ID number there is left to RESIDENT_ID (the
holder's number: the persons it names, a minor's): a valid one the scanner finds by itself; a
legacy one of 15 digits, and one mistyped or cut before its check character (an ID number's
shape with a real province and date of birth: ``resident_id.mistyped``, ``truncated``), are
found after the card's label as RESIDENT_ID, as they are after an ID number's label.
"""

from __future__ import annotations

import re
from typing import Final

from . import resident_id
from .base import EntitySpec, PatternSpec

ENTITY: Final = "SOCIAL_SECURITY_CARD"

PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec("social_security_card", r"(?<![0-9A-Za-z])[A-Za-z][0-9]{8}(?![0-9A-Za-z])", 0.2),
)
# The card's words: 社保卡 and 社会保障卡 open every label of its number (社保卡号, 社保卡卡号,
# 社会保障卡卡号), 医保卡 and 医疗保险卡 the medical insurance card's (this card in most provinces);
# not 社会保障号 (the ID number's) nor 医保 alone (医保报销, 医保局: no card).
CONTEXT: tuple[str, ...] = ("社保卡", "社会保障卡", "sbkh", "shbzkh", "social security card", "医保卡", "医疗保险卡")


# The card's labels: 社保卡号, 社保卡卡号, 社会保障卡(卡)号, and the medical insurance card's: 医保卡号,
# 医保卡卡号, 医保号, 医保编号, 医保个人编号, 医疗保险卡号, 医疗保险号码; a colon, a space or 为 before
# the number, which holds six digits or more (not 医保卡号：3, a list's index) and letters and
# hyphens. Not 社会保障号码 (the ID number's label), 医保结算单号 nor 医保局审批编号: a word between.
# Label and number apart for the presidio recognizers (recognizers/labelled.py).
LABEL: Final = (
    r"(?:(?:社保|社会保障|医保|医疗保险)卡卡?(?:号码?|编号)|医保(?:个人编号|编号|号码?)|医疗保险(?:编号|号码?))"
    r"[\s:：=为是]{0,3}"
)
LABELLED_NUMBER: Final = r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*(?![0-9A-Za-z])"
_LABELLED: Final = re.compile(LABEL + f"({LABELLED_NUMBER})")
_MEDICAL_MIN_DIGITS = 6


def find(text: str) -> list[tuple[int, int, str]]:
    """The cards' numbers after their labels in ``text``: (start, end, entity), the card's, or
    RESIDENT_ID for an ID number legacy, mistyped or cut (``labelled_id``; a valid one of 18 the
    scanner finds by itself)."""
    # One character first (permits.find says why), then the labels' words.
    if "保" not in text or not ("医保" in text or "医疗保险" in text or "社保卡" in text or "社会保障卡" in text):
        return []
    found: list[tuple[int, int, str]] = []
    for m in _LABELLED.finditer(text):
        number = m.group(1)
        if labelled_card(number):
            found.append((*m.span(1), ENTITY))
        elif labelled_id(number):
            found.append((*m.span(1), resident_id.ENTITY))
    return found


def labelled_card(number: str) -> bool:
    """Six digits or more, no digit repeated alone (A00000000, a placeholder), and no ID number
    (valid, legacy, mistyped or cut: RESIDENT_ID's)."""
    digits = sum(1 for c in number if "0" <= c <= "9")
    return (
        digits >= _MEDICAL_MIN_DIGITS
        and validate(number) is None
        and resident_id.validate(number) is False
        and not labelled_id(number)
    )


def labelled_id(number: str) -> bool:
    """An ID number the scanner does not take alone, after a card's label: legacy (15 digits with
    a plausible province and date of birth), mistyped, or cut before its check character."""
    if len(number) == 15:
        return resident_id.validate(number) is None
    return len(number) in (17, 18) and (resident_id.mistyped(number) or resident_id.truncated(number))


def validate(text: str) -> bool | None:
    """A run of one digit repeated (A00000000) is a placeholder, not a number."""
    if len(set(text[1:])) == 1:
        return False
    return None


def looks_like(compact: str) -> bool:
    """A value under the card's key: letters and digits of a card number's length (a province's
    older cards and a city's medical insurance cards are numbered otherwise; the key says what it
    is), but an ID number (医保号 is the holder's ID number in some provinces: RESIDENT_ID's)."""
    return (
        8 <= len(compact) <= 20
        and compact.isalnum()
        and compact.isascii()
        and any(c.isdigit() for c in compact)
        and resident_id.validate(compact) is False
    )


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
