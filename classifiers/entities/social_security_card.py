"""A social security card's own number (社会保障卡卡号, 社保卡号): one letter and eight digits.

The number printed on the card names the card, and through it its holder: the card carries a
bank account in most provinces (its financial function), and a lost card is reported and
traced by it. It is not the social security number (社会保障号码), which is the holder's resident
ID number and found as one. No check digit is printed in the card's number, and a letter and
eight digits is also an order's, a case's or a model's number (案号A12345678): a match counts
only with the card's word before it (within 16 characters, as a passport's) or under the card's
key (its score is below the threshold).

A medical insurance card's number (医保卡号, 医疗保险卡号, 医保号) is this card's in most provinces
(the card is the insured's medical card), elsewhere a city's own (ten or fourteen digits, a
letter before them): whatever its shape, it names the insured as the card does, and after its
label (``find``) or under its key it is found as the card. One that is an ID number is left to
RESIDENT_ID (the holder's number: the persons it names, a minor's); a legacy one of 15 digits,
which the scanner takes only beside an ID number's label, is found after the card's label as
RESIDENT_ID.
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


# The medical insurance card's labels: 医保卡号, 医保卡卡号, 医保号, 医保编号, 医保个人编号, 医疗保险卡号,
# 医疗保险号码; a colon, a space or 为 before the number, which holds six digits or more (not 医保卡号：3,
# a list's index) and letters and hyphens. Not 医保结算单号 nor 医保局审批编号: a word between. Label and
# number apart for the presidio recognizers (recognizers/labelled.py).
LABEL: Final = r"(?:医保(?:卡卡?号|个人编号|编号|号码?)|医疗保险(?:卡卡?号|卡?编号|卡?号码?))[\s:：=为是]{0,3}"
LABELLED_NUMBER: Final = r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*(?![0-9A-Za-z])"
_LABELLED: Final = re.compile(LABEL + f"({LABELLED_NUMBER})")
_MEDICAL_MIN_DIGITS = 6


def find(text: str) -> list[tuple[int, int, str]]:
    """The medical insurance cards' numbers after their labels in ``text``: (start, end, entity),
    the card's, or RESIDENT_ID for a legacy ID number of 15 digits (a valid one of 18 the scanner
    finds by itself)."""
    # One character first (permits.find says why), then the labels' words.
    if "医" not in text or ("医保" not in text and "医疗保险" not in text):
        return []
    found: list[tuple[int, int, str]] = []
    for m in _LABELLED.finditer(text):
        number = m.group(1)
        if labelled_card(number):
            found.append((*m.span(1), ENTITY))
        elif len(number) == 15 and resident_id.validate(number) is None:
            found.append((*m.span(1), resident_id.ENTITY))
    return found


def labelled_card(number: str) -> bool:
    """Six digits or more, and no ID number (valid or legacy: RESIDENT_ID's)."""
    digits = sum(1 for c in number if "0" <= c <= "9")
    return digits >= _MEDICAL_MIN_DIGITS and resident_id.validate(number) is False


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
