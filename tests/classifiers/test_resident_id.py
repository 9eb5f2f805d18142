import datetime as dt
import random

import pytest

from classifiers.entities import resident_id
from classifiers.normalise import fold
from classifiers.scanner import Scanner
from support.random_texts import random_texts
from support.synth_people import bad_check, make_id

VALID = make_id()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (VALID, True),
        (VALID.lower(), True),
        (make_id(birth="20000229"), True),  # 2000 is a leap year
        (make_id(birth="19000229"), False),  # 1900 is not
        (make_id(birth="19901301"), False),  # month 13
        (make_id(birth="19900230"), False),
        (make_id(region="990902"), False),  # no province 99
        (make_id(region="710000"), True),  # Taiwan
        (make_id(region="820000"), True),  # Macao
        (bad_check(VALID), False),
        ("61090290010112", False),  # 14 digits
        ("610902900101123", None),  # legacy 15 digits: plausible, no checksum
        ("610902901301123", False),  # legacy with month 13
        ("990902900101123", False),
    ],
)
def test_validate(text: str, expected: bool | None) -> None:
    assert resident_id.validate(text) is expected


def test_future_birth_date_is_invalid() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert resident_id.validate(make_id(birth=tomorrow.strftime("%Y%m%d"))) is False


def test_check_char_x() -> None:
    # Find a body whose check character is X, and show that lower-case x is accepted.
    number = next(make_id(seq=f"{i:03d}") for i in range(1000) if make_id(seq=f"{i:03d}").endswith("X"))
    assert resident_id.validate(number) is True
    assert resident_id.validate(number[:-1] + "x") is True


def test_to18_legacy() -> None:
    assert resident_id.to18("610902900101123") == make_id(birth="19900101", seq="123")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"身份证号{VALID}。", [VALID]),
        (f"a{VALID}b", [VALID]),
        (f"1{VALID}", []),  # inside a longer digit run
        (f"{VALID}9", []),
        (bad_check(VALID), []),  # look-alike: checksum fails (and Luhn/USCC fail too)
        ("610902900101123", []),  # legacy number alone is too weak
        ("身份证号：610902900101123", ["610902900101123"]),  # ... but context lifts it
    ],
)
def test_scan(text: str, found: list[str]) -> None:
    matches = [m for m in Scanner().scan(text) if m.entity == "RESIDENT_ID"]
    assert [text[m.start : m.end] for m in matches] == found


def test_check_char_against_the_standard_example() -> None:
    # GB 11643-1999's worked example; the base-13 shortcut must agree with the weight table.
    assert resident_id.check_char("11010519491231002") == "X"
    assert resident_id.validate("11010519491231002X") is True


def test_canonical_keeps_letters_and_digits_only() -> None:
    """``canonical`` of numbers with and without what it drops (slashes, underscores, the line
    ends and spaces about them of a number broken across lines, brackets and quotes)."""
    r = random.Random(6)
    pieces = [*"0123456789xX/_ -\r\n\t（）“”、,", "\u200b", "１"]
    for text in random_texts(r, pieces, 20000, 22):
        folded = "".join(c for c in fold(text).text if c.isalnum())
        if len(folded.strip()) == 15:  # a legacy number's check character: digits only
            continue
        assert resident_id.canonical(text) == resident_id.to18(folded), repr(text)


def test_validate_equals_the_checks_in_their_first_order() -> None:
    """``validate`` reads an ASCII text of 18 characters by its code points, the checksum first and
    the clock only for a date after the day it last computed. Same verdict as the checks in their
    first order (upper case, the digits, the province, the date, the checksum by ``check_char``) on
    seeded random texts: valid numbers of every province and of dates about today, 29 February,
    wrong months and days, lower-case x, a wrong check character, other letters and other scripts'
    digits (which ``int()`` reads), 15 and 17 characters."""

    def before(text: str) -> bool | None:
        number = text.upper()
        if len(number) == 18:
            if not number[:17].isdigit() or not resident_id._issued_ok(number):
                return False
            if not resident_id._birth_ok(number[6:14]):
                return False
            return resident_id.check_char(number[:17]) == number[17] or False
        if len(number) == 15 and number.isdigit():
            return None if resident_id._prefix_ok(number) and resident_id._birth_ok("19" + number[6:12]) else False
        return False

    r = random.Random(41)
    today = dt.date.today()
    days = [today + dt.timedelta(days=d) for d in (-1, 0, 1, 400)]
    births = [d.strftime("%Y%m%d") for d in days] + ["18991231", "19000101", "20000229", "19000229", "20240229"]
    texts: list[str] = []
    # 830000: a Taiwan resident's residence permit; 911840, 931826: a foreigner's permanent
    # residence ID (9, the issuing province, the nationality).
    regions = ("610902", "110101", "710000", "820000", "830000", "911840", "931826", "990902", "000000")
    for _ in range(20000):
        region = r.choice([*regions, f"{r.randrange(10**6):06d}"])
        birth = (
            r.choice(births)
            if r.random() < 0.3
            else f"{r.randint(1890, 2030)}{r.randint(0, 13):02d}{r.randint(0, 32):02d}"
        )
        number = make_id(region, birth, f"{r.randrange(1000):03d}")
        texts += [number, number.lower(), bad_check(number), number[:17] + r.choice("xXaY٣１")]
        at = r.randrange(17)
        texts.append(number[:at] + r.choice("a٣１ ") + number[at + 1 :])
    texts += [f"{r.randrange(10**18):018d}" for _ in range(5000)]
    texts += [VALID[:17], VALID[:15], "610902900101123", "990902900101123"]
    assert sum(1 for text in texts if before(text) is True) > 10000  # valid ones among them
    for text in texts:
        assert resident_id.validate(text) is before(text), repr(text)
