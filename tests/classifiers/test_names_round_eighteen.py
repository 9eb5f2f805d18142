"""Persons' names that went out in clear, or more than a name masked (names round eighteen),
through ``Inspector.inspect`` with the strict and the caseworker profiles; the look-alikes beside
them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged

# A council's record: each member's vote at a run's head, with no preposition (经张伟同意 has one),
# and a list of members before their vote or 参加.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("民主评议记录：张伟同意，李娜反对", ["张伟", "李娜"]),
        ("评议结果：张伟弃权", ["张伟"]),
        ("张伟同意", ["张伟"]),
        ("王秀英反对", ["王秀英"]),
        ("张伟、李娜参加评议", ["张伟", "李娜"]),
        ("张伟、李娜、王秀英同意", ["张伟", "李娜", "王秀英"]),
    ],
)
def test_a_council_members_vote(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "全体同意",
        "村委同意",
        "张家同意",  # a household, no one's name (as 张家不在家, round seventeen)
        "李庄反对",
        "全票同意",
        "高票同意",
        "单方同意",
        "房主同意",
        "一致同意",
        "经研究同意",
        "党委同意",
        "低保、特困参加",
        "张家、李家同意",
        "村民代表参加评议",
        "全体村民参加",
        "评议：同意",
    ],
)
def test_votes_of_no_one_stay(text: str) -> None:
    unchanged(text)
