"""Check-digit helpers for the synthetic identifiers of the demo upstream.

The demo data has to *look* real to a masking engine: resident ID numbers must carry a
valid GB 11643 check character, bank cards must pass the Luhn test and unified social
credit codes (USCC) must carry a valid GB 32100 check character. The same helpers build
the deliberate near-misses (serial numbers with a wrong ID check character) that a good
engine must not mask.
"""

from __future__ import annotations

import datetime as dt

# GB 11643-1999: weight of position i is 2**(17 - i) mod 11; the check character is
# looked up at (sum of digit x weight) mod 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

# GB 32100-2015: 31 symbols (no I, O, Z, S, V), weights 3**i mod 31.
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_check_char(first17: str) -> str:
    """Return the GB 11643 check character ("0"-"9" or "X") for 17 leading digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need exactly 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def is_valid_id_number(number: str) -> bool:
    """True for an 18-character resident ID with a valid birth date and check character.

    Only the canonical ASCII shape is accepted; full-width digits and the like are the
    gateway's normalisation problem, not this helper's.
    """
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return id_check_char(number[:17]) == number[17]


def wrong_check_char(first17: str, pick: int) -> str:
    """A digit that is NOT the check character of ``first17``; ``pick`` chooses which.

    Used for business serial numbers that are shaped like ID numbers but must fail the
    checksum, so that they exercise a masking engine's validation.
    """
    right = id_check_char(first17)
    wrong = [digit for digit in "0123456789" if digit != right]
    return wrong[pick % len(wrong)]


def luhn_check_digit(payload: str) -> str:
    """Return the Luhn digit that, appended to ``payload``, makes a valid card number."""
    if not payload.isascii() or not payload.isdigit():
        raise ValueError(f"need ASCII digits, got {payload!r}")
    total = 0
    # Walking from the right, every digit at an even offset will sit in an "odd"
    # position once the check digit is appended, so it is the one that gets doubled.
    for offset, char in enumerate(reversed(payload)):
        digit = int(char)
        if offset % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def is_luhn_valid(number: str) -> bool:
    """True if ``number`` (ASCII digits only, at least 2) passes the Luhn test."""
    if len(number) < 2 or not number.isascii() or not number.isdigit():
        return False
    return luhn_check_digit(number[:-1]) == number[-1]


def org_code_check_char(first8: str) -> str:
    """Return the GB 11714 check character of an organisation code's first 8 characters (a USCC's
    characters 9-16; its 17th is this check)."""
    if len(first8) != 8 or any(c not in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in first8):
        raise ValueError(f"need 8 organisation code characters, got {first8!r}")
    total = sum(int(c, 36) * w for c, w in zip(first8, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    return {10: "X", 11: "0"}.get(11 - total % 11, str(11 - total % 11))


def uscc_check_char(first17: str) -> str:
    """Return the GB 32100 check character for the first 17 characters of a USCC."""
    if len(first17) != 17 or any(c not in USCC_CHARS for c in first17):
        raise ValueError(f"need 17 USCC characters, got {first17!r}")
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]
