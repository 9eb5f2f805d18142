import random

import pytest

from classifiers.entities import mobile
from classifiers.scanner import Scanner
from support.random_texts import random_texts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("手机13912345678", ["13912345678"]),
        ("+8613912345678", ["+8613912345678"]),
        ("0086 13912345678", ["0086 13912345678"]),
        ("8613912345678", ["8613912345678"]),  # a bare country code glued to the number
        ("86 13912345678", ["86 13912345678"]),  # found with the groups joined
        ("18613912345678", []),  # 14 digits
        ("19912345678", ["19912345678"]),
        ("12912345678", []),  # 12x is not a mobile segment
        ("14012345678", []),  # unallocated segment
        ("139123456789", []),  # 12 digits
        ("913912345678", []),  # inside a longer run
        ("13900000000", []),  # placeholder
        ("139.1234.5678", ["139.1234.5678"]),  # dots as group separators
        ("来访IP 183.230.113.45", []),  # an IPv4 address joins into 11 digits: no mobile
        ("金额1391234567.8元", []),  # an amount's decimal point is no separator
        # its first digits in brackets, as an area code is written
        ("电话(139)1234-5678", ["(139)1234-5678"]),
        ("电话（139）1234 5678", ["（139）1234 5678"]),
        ("(139) 12345678", ["(139) 12345678"]),
        ("（139 1234 5678）", ["139 1234 5678"]),
        ("１３９-１２３４-５６７８", ["１３９-１２３４-５６７８"]),
        ("(139)1234-567", []),  # 10 digits
        ("(0915)3212345", []),  # a landline
    ],
)
def test_scan(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "MOBILE"]
    assert [text[m.start : m.end] for m in matches] == found


def test_digits() -> None:
    assert mobile.digits("+86 139-1234-5678") == "13912345678"


def test_digits_of_any_ascii_text() -> None:
    """``digits`` hands a text of digits back as it is and strips the rest from others: the
    last 11 ASCII digits either way."""
    r = random.Random(4)
    for _ in range(20000):
        text = "".join(r.choice("0123456789+- ()abX") for _ in range(r.randint(0, 16)))
        assert mobile.digits(text) == "".join(c for c in text if c in "0123456789")[-11:], repr(text)


def _validate_with_a_set(text: str) -> bool | None:
    """``validate`` as it was, its placeholder check by a set of the last eight digits."""
    number = mobile.digits(text)
    if len(number) != 11 or number[:3] not in mobile._PREFIXES:
        return False
    return False if len(set(number[3:])) == 1 else None


def test_validate_equals_the_placeholder_check_by_a_set() -> None:
    """Seeded numbers: allocated and unallocated segments, digits repeated, other scripts' digits
    and separators, prefixes."""
    pieces = [*"0123456789 -+()١２", "86", "139", "154", "0000", "8888", "１３９", "13988888888", "1390000000"]
    for text in random_texts(random.Random(61), pieces, 40000, 12):
        assert mobile.validate(text) is _validate_with_a_set(text), repr(text)
