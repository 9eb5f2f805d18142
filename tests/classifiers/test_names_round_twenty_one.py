"""Persons' names that went out in clear (names round twenty-one), through ``Inspector.inspect``
with the strict and the caseworker profiles, as a plain-text body and as a JSON string; the
look-alikes beside them must stay as they are."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

# A labelled list's last name before 及 and what is no name (领取人：张伟、李娜及其家属): the item
# 李娜及其家属 was no name, nor two joined by 及, so the list stopped before it.


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("领取人：张伟、李娜及其家属", ["张伟", "李娜"]),
        ("领取人：张伟、李娜及家属", ["张伟", "李娜"]),
        ("申请人：张伟、李娜及其子女", ["张伟", "李娜"]),
        ("领取人：张伟、李娜及时领取", ["张伟", "李娜"]),
        ("走访：张伟、李娜及其家属", ["张伟", "李娜"]),
        ("领取人：张伟、王秀英及其家属", ["张伟", "王秀英"]),
        ("领取人：张伟、欧阳娜娜及其家属", ["张伟", "欧阳娜娜"]),
        ("领取人：张伟、李娜及以上人员", ["张伟", "李娜"]),
        ("领取人：张伟、李娜等", ["张伟", "李娜"]),  # caught before
        ("走访张伟、李娜及王秀英", ["张伟", "李娜", "王秀英"]),  # caught before
    ],
)
def test_a_listed_name_before_and(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("领取人：张伟、李娜及其家属", "及其家属"),
        ("领取人：张伟、李娜及时领取", "及时领取"),
        ("户主：张伟、低保及其他", "低保及其他"),
        ("户主：张伟、周一及周三", "周一及周三"),
        ("户主：张伟、本人及家属", "本人及家属"),
        ("户主：张伟、张家及其他", "张家及其他"),
        ("户主：张伟、王某及其家属", "王某及其家属"),
        ("户主：张伟、汉滨区及以上", "汉滨区及以上"),
        ("领取人：张伟、家属及其子女", "家属及其子女"),
        ("领取人：张伟、社区及时发放", "社区及时发放"),
    ],
)
def test_what_follows_a_listed_name_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert kept in out(text, "text/plain", role), (role, text)


@pytest.mark.parametrize(
    "text",
    [
        "低保及其他",
        "家属及其子女",
        "及时领取",
        "本人及家属",
        "周一及周三",
        "社区及时发放",
        "领取人及其家属",
        "申请人及其子女",
        "户主及家庭成员",
        "资金及时发放到位",
    ],
)
def test_and_with_no_one_named_stays(text: str) -> None:
    unchanged(text)
