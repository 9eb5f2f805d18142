"""Names round twenty-eight (forty-second session): a full name before an officer's or a staff
member's title (张伟主任, 李娜书记, 王强村长, 陈静老师, 刘洋医生, 张伟副主任), as a notice or a minute
writes them, and a record line's name and age with no gender between (张伟，68岁，患有高血压). With
the look-alikes that must stay (王主任, 常务副主任, 党支部书记, 家庭医生, 合计，68岁)."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟主任", ["张伟"]),
        ("李娜书记到场", ["李娜"]),
        ("王强村长反映", ["王强"]),
        ("陈静老师家访", ["陈静"]),
        ("刘洋医生出诊", ["刘洋"]),
        ("张伟副主任", ["张伟"]),
        ("李娜副书记签字", ["李娜"]),
        ("欧阳娜娜老师", ["欧阳娜娜"]),
    ],
)
def test_a_full_name_before_a_title(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    [
        *("王主任", "找王主任", "李老师", "张主任", "欧阳主任", "申请人：欧阳书记", "请王书记签字", "社区副主任"),
        "村委会主任",
        *("党支部书记", "村党支部书记", "第一书记", "纪委书记", "党委书记", "居委会主任", "常务副主任"),
        *("班主任", "家庭医生", "全科医生", "乡村医生", "代课老师", "幼儿园老师", "班主任老师"),
    ],
)
def test_before_a_title_no_name(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("张伟，68岁，患有高血压", ["张伟"]),
        ("王秀英， 82周岁，独居", ["王秀英"]),
        ("张伟,68岁", ["张伟"]),
        ("走访情况：李娜，45岁，无业", ["李娜"]),
    ],
)
def test_a_name_and_an_age(text: str, names: list[str]) -> None:
    leaks(text, names)


@pytest.mark.parametrize(
    "text",
    ["合计，68岁", "全家，3岁孩子", "其中，68岁以上2人", "本人，68岁", "平均，72岁", "户主，80岁"],
)
def test_an_age_after_no_name(text: str) -> None:
    unchanged(text)
