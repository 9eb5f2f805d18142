"""A social security card's own number (社会保障卡卡号, 社保卡号): one letter and eight digits.

The number printed on the card names the card, and through it its holder: the card carries a
bank account in most provinces (its financial function), and a lost card is reported and
traced by it. It is not the social security number (社会保障号码), which is the holder's resident
ID number and found as one. No check digit is printed in the card's number, and a letter and
eight digits is also an order's, a case's or a model's number (案号A12345678): a match counts
only with the card's word before it (within 16 characters, as a passport's) or under the card's
key (its score is below the threshold).
"""

from __future__ import annotations

from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "SOCIAL_SECURITY_CARD"

PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec("social_security_card", r"(?<![0-9A-Za-z])[A-Za-z][0-9]{8}(?![0-9A-Za-z])", 0.2),
)
# The card's words: 社保卡 and 社会保障卡 open every label of its number (社保卡号, 社保卡卡号,
# 社会保障卡卡号); not 社会保障号 (the ID number's) nor 医保 (a medical insurance number is the
# ID number or the same card's, and its label is written both ways).
CONTEXT: tuple[str, ...] = ("社保卡", "社会保障卡", "sbkh", "shbzkh", "social security card")


def validate(text: str) -> bool | None:
    """A run of one digit repeated (A00000000) is a placeholder, not a number."""
    if len(set(text[1:])) == 1:
        return False
    return None


def looks_like(compact: str) -> bool:
    """A value under the card's key: letters and digits of a card number's length (a province's
    older cards are numbered otherwise; the key says what it is)."""
    return 8 <= len(compact) <= 12 and compact.isalnum() and compact.isascii() and any(c.isdigit() for c in compact)


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
