"""Numbers round nineteen: a second number's tail after a slash (13912345678/79), checked through
``Inspector.inspect`` for the strict and the caseworker profile, as a plain-text body and as a JSON
string, beside look-alikes that must stay (docs/classifiers-rounds.md, the thirty-fourth session).
The session's accounts after an English label, a person's own account and a bank's 账户 are rows
of test_numbers_round_fourteen.py's tables."""

from __future__ import annotations

import pytest

from support.inspected import kept_in_both, leaks


# A second number's tail after a slash, its head the first's (scanner._with_extensions,
# landline.SECOND_TAIL): the first was masked, the tail went out (/8765 the second mobile's last
# four digits, /46 the second landline's last two).
@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("联系电话13912345678/8765", "/8765"),
        ("手机：13912345678/79，住址汉滨区", "/79"),
        ("电话：0915-3212345/46", "/46"),
        ("电话：3212345/46", "/46"),
        ("Tel 13912345678/79", "/79"),
        ("手机１３９１２３４５６７８／７９", "／７９"),
    ],
)
def test_a_second_numbers_tail_after_a_slash_is_masked(text: str, tail: str) -> None:
    leaks(text, [tail])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电话13912345678/2024年回访", "/2024年"),
        ("手机13912345678/2人", "/2人"),
        ("电话13912345678/12/25回访", "/12/25回访"),
        ("电话13912345678/12-25回访", "/12-25回访"),
        ("电话0915-3212345/50元", "/50元"),
        ("编号2024/12", "编号2024/12"),  # no phone before the slash
    ],
)
def test_numbers_after_a_phones_slash_that_are_no_tail_stay(text: str, value: str) -> None:
    kept_in_both(text, value)
