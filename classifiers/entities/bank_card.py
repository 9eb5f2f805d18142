"""Bank card numbers: 16-19 digits passing the Luhn check."""

from __future__ import annotations

from .base import EntitySpec, PatternSpec

ENTITY = "BANK_CARD"

# Leading digit 3 (JCB), 4 (Visa), 5 (Mastercard), 6 (UnionPay 62...), 9 (old domestic debit).
PATTERNS = (PatternSpec("bank_card", r"(?<![0-9])[3-69][0-9]{15,18}(?![0-9])", 0.3),)
CONTEXT = ("银行卡", "银行卡号", "卡号", "账号", "帐号", "开户行", "账户", "card", "account")


def luhn_ok(number: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(number)):
        d = ord(char) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def validate(text: str) -> bool | None:
    number = "".join(c for c in text if c.isdigit())
    if not 16 <= len(number) <= 19 or len(set(number)) == 1:
        return False
    return luhn_ok(number)


SPEC = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
