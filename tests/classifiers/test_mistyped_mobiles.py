"""A mobile mistyped after its label, a digit left out or one too many (classifiers/mistyped_mobiles.py):
under a phone key such a value was claimed, after a label in text it went out in clear."""

from __future__ import annotations

import pytest

from support.inspected import leaks, out, unchanged


@pytest.mark.parametrize(
    "text",
    [
        "手机：1391234567",
        "手机号：139123456789",
        "手机号码 1391234567",
        "联系电话：1391234567，住址不详",
        "电话为1391234567",
        "联系方式：1581234567",
        "户主张伟，手机1391234567，低保户",
    ],
)
def test_a_mobile_a_digit_short_or_long_after_its_label_is_masked(text: str) -> None:
    leaks(text, ["1234567", "123456"])


@pytest.mark.parametrize(
    "text",
    [
        "手机：1391234567元",  # an amount
        "电话费1391234567",  # no label: a fee
        "编号：1391234567",  # another number's label
        "手机：1391234567890123",  # sixteen digits
        "联系电话：1091234567",  # no mobile's second digit
        "手机：1391234567ab",
    ],
)
def test_other_numbers_after_a_label_or_without_one_stay(text: str) -> None:
    unchanged(text)


def test_the_mask_keeps_what_a_mobiles_keeps_and_no_digit_more() -> None:
    assert out("手机：1391234567", "text/plain", "caseworker") == "手机：139***4567"
    assert out("手机号：139123456789", "text/plain", "caseworker") == "手机号：139*****6789"
