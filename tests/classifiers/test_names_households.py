"""A household named by its head: before a count of its members or a finding, with no label
(张伟户，3口人, 李娜家庭，4人, 王秀英户符合条件: name_households.py), and after a category, before its
household's word (军属张伟家, 特困人员王秀英家: name_runs._household_ends); and the kinds of
households that must stay."""

from __future__ import annotations

import random
import re

import pytest

from classifiers.entities import name_households
from support.inspected import leaks, unchanged
from support.random_texts import random_texts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("张伟户，3口人", "张伟"),
        ("李娜家庭，4人", "李娜"),
        ("王秀英家共2口人", "王秀英"),
        ("张伟户（3人）", "张伟"),
        ("张伟户(3人)，月人均收入500元", "张伟"),
        ("欧阳娜娜户，家庭人口3人", "欧阳娜娜"),
        ("王秀英家庭成员3人", "王秀英"),
        ("经入户调查，张伟户3口人，其妻李娜务农", "张伟"),
        ("张伟一家3口人", "张伟"),
        ("刘洋户，两口人", "刘洋"),
        ("陈静家 共三人", "陈静"),
    ],
)
def test_a_households_head_before_its_count_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "申请家庭3口人",
        "单亲家庭2人",
        "全家3口人",
        "该户3口人",
        "张家港户，3人",
        "王家3口人",
        "贫困户，2口人",
        "五保户1人",
        "常住户3人",
        "城乡低保家庭3人",
        "建档立卡户3人",
        "华侨家庭2人",
        "党员家庭3人",
        "林业户2人",
        "关爱家庭2人",
        # the words of a name's shape that name a kind of household (name_households._KINDS_OF_HOUSEHOLD)
        "平安家庭3人",
        "温馨家庭3人",
        "文明户3人",
        "包联户3人",
        "单人户1人",
        "连心户2人",
    ],
)
def test_a_kind_of_household_before_a_count_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("军属张伟家", "张伟"),
        ("烈属王秀英家", "王秀英"),
        ("特困人员王秀英家", "王秀英"),
        ("军属张伟家已领取", "张伟"),
        ("走访低保户张伟家中", "张伟"),
        ("低保户李娜一家", "李娜"),
        ("老人王秀英家里", "王秀英"),
        ("特困供养对象王秀英户", "王秀英"),
        ("低保户张伟户已领取", "张伟"),
        # a household's word of two characters before anything (thirty-fourth session)
        ("低保户马德福家庭人均收入不足", "马德福"),
        ("烈属王秀英家中无劳动力", "王秀英"),
        ("低保户李娜家人反映", "李娜"),
    ],
)
def test_a_name_between_a_category_and_its_household_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "残疾人之家",
        "留守儿童之家",
        "五保户李家庄",
        "低保户家庭",
        "老人家中",
        "老人家里无人",
        "残疾人家庭",
        "低保户户主",
        "低保户张家庭院",
        "低保户高家庭困难",
        "低保户家庭人均收入",
        "特困人员家属签字",
    ],
)
def test_a_categorys_household_words_alone_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("评议结果：王秀英户符合条件", "王秀英"),
        ("刘洋户月人均收入不足", "刘洋"),
        ("张伟户已纳入低保", "张伟"),
        ("经评议，李娜家庭不符合条件", "李娜"),
        ("刘洋户被取消低保资格", "刘洋"),
        # a decision's words before the household, in the same run (thirty-fifth session)
        ("经审核，同意将刘洋家庭纳入最低生活保障范围", "刘洋"),
        ("拟同意王秀英户享受低保，保障人口3人", "王秀英"),
        ("对刘洋家庭停发低保金", "刘洋"),
        ("决定对李娜户停保", "李娜"),
    ],
)
def test_a_households_head_before_a_finding_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "个体户已登记",
        "低保户已纳入",
        "五保户符合条件",
        "该户符合条件",
        "全户已退出",
        "张家户已退出",
        "用户已申请",
        "农户因病致贫",
        "一户一档",
        "同意将申请家庭纳入低保",
        "对该户停发低保金",
        "对困难家庭纳入低保",
        "同意将张家港户纳入",
        "拟同意平安家庭3人",
    ],
)
def test_a_kind_of_household_before_a_finding_stays(text: str) -> None:
    unchanged(text)


_PIECES = [
    *"户家庭一口人共计成员 \t,，:：(3两",
    "家庭人口",
    "符合",
    "月人均",
    "已",
    "张伟",
    "李娜",
    "低保户",
    "12",
]


def test_the_pre_check_answers_as_a_search_of_the_hint() -> None:
    """``may_contain`` matches HOUSEHOLD_HINT at each 户 and 家 only: the same answer as a search
    of it, which RE2 runs over a column (precheck.MAYBE)."""
    hint = re.compile(name_households.HOUSEHOLD_HINT)
    r = random.Random(30)
    found = 0
    for text in random_texts(r, _PIECES, 20_000, 8):
        expected = hint.search(text) is not None
        assert name_households.may_contain(text) == expected, repr(text)
        found += expected
    assert found > 300  # the pieces make hints often enough for the comparison to mean something
