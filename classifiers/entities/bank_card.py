"""Bank card numbers: 16-19 digits passing the Luhn check."""

from __future__ import annotations

from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "BANK_CARD"

# Leading digit 3 (JCB), 4 (Visa), 5 (Mastercard), 6 (UnionPay 62...), 9 (old domestic debit).
PATTERNS: tuple[PatternSpec, ...] = (PatternSpec("bank_card", r"(?<![0-9])[3-69][0-9]{15,18}(?![0-9])", 0.3),)
CONTEXT: tuple[str, ...] = ("银行卡", "银行卡号", "卡号", "账号", "帐号", "开户行", "账户", "card", "account")


# Every second digit from the right is doubled and its digits summed: 5 -> 10 -> 1 etc.
_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn_ok(number: str) -> bool:
    """Luhn check of an ASCII digit string, done with C-level slicing, translate and sum."""
    reverse = number[::-1]
    digits = (reverse[0::2] + reverse[1::2].translate(_DOUBLED)).encode("ascii")
    return (sum(digits) - 48 * len(digits)) % 10 == 0


def validate(text: str) -> bool | None:
    number = text if text.isdigit() and text.isascii() else "".join(c for c in text if "0" <= c <= "9")
    if not 16 <= len(number) <= 19 or number.count(number[0]) == len(number):
        return False
    return luhn_ok(number)


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
