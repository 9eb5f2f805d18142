"""Numbers round eighteen: a second local number after a labelled one, an ID number with a wrong
check character after an English label, a soldier's or an officer's papers after their labels, a
landline's area code on one line and its number on the next, a tab between a number's digit
groups after its label, and an e-mail address spelled with (at) after its label; checked through
``Inspector.inspect`` for the strict and the caseworker profile, as a plain-text body and as a
JSON string, each beside look-alikes that must stay (docs/classifiers-rounds.md, the
twenty-eighth round)."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, as_bodies, leaks, out


# 1. A second local number after one read by its phone's label (scanner._second_local: the first
# is all subscriber, so the second has its whole length).
@pytest.mark.parametrize(
    "text",
    [
        "电话：3212345/3212346",
        "电话：3212345、3212346",
        "电话：3212345，3212346",
        "联系电话：3212345, 3212346",
        "座机 3212345/3212346，手机13912345678",
        "电话：0915-3212345/3212346",  # a guard: after an area code, masked before
    ],
)
def test_a_second_local_number_after_a_labelled_one_is_masked(text: str) -> None:
    leaks(text, ["3212346", "212346"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电话：3212345，2024年3月回访", "2024年3月"),
        ("电话：3212345，1234567元", "1234567元"),
        ("电话：62345678，20240315", "20240315"),  # a date of the record after it
        ("电话：3212345，共12345678户", "12345678户"),  # another length, and a word between
        ("电话：3212345 共3212346户", "3212346户"),
        ("电话费：1234567/1234568", "电话费：1234567/1234568"),  # no phone's label
    ],
)
def test_numbers_after_a_labelled_local_number_stay(text: str, value: str) -> None:
    kept(text, value)


def kept(text: str, value: str) -> None:
    """``value`` comes out of ``text`` in clear, in either body, for either role."""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            assert value in out(body, media_type, role), (role, media_type, text)
