"""A name before 名下 (经查刘洋名下有房产: name_owned.py) or before 的 and what is the person's
(张伟的低保申请), after the labels of who collected a payment for someone or in another's place
(代领人, 冒领人) and after 致电; and the words before 名下 and 的, after those labels and after 致电
that must stay."""

from __future__ import annotations

import pytest

from support.inspected import leaks, unchanged


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("车辆登记在刘洋名下", "刘洋"),
        ("核查发现刘洋名下有车辆一台", "刘洋"),
        ("经查刘洋名下有房产", "刘洋"),
        ("经查欧阳娜娜名下有存款", "欧阳娜娜"),
        ("经核查王秀英名下有商铺一间", "王秀英"),
    ],
)
def test_a_name_before_its_property_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "其名下有车辆",
        "本人名下无房产",
        "申请人名下有存款",
        "家庭成员名下有车",
        "任何人名下",
        "王某名下有房",
        "子女名下无财产",
    ],
)
def test_a_word_before_its_property_stays(text: str) -> None:
    unchanged(text)


# A name before 的 and what is the person's: a case, a benefit, papers, property or kin (thirty-fifth
# session: name_owned.names_before_of), the whole run before 的.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("张伟的低保申请已受理", "张伟"),
        ("王秀英的银行卡被冻结", "王秀英"),
        ("刘洋的母亲反映", "刘洋"),
        ("经查，张伟的房产2处", "张伟"),
        ("欧阳娜娜的监护人为其祖母", "欧阳娜娜"),
        ("李娜的养老金已停发", "李娜"),
        ("张伟的母亲长期患病", "张伟"),  # round ten kept it as a look-alike: the relative unnamed
        # after what a check or a decision does, in the same run
        ("核实王秀英的银行卡", "王秀英"),
        ("取消刘洋的低保资格", "刘洋"),
        ("停发李娜的养老金", "李娜"),
        ("经研究，同意将张伟的申请退回", "张伟"),
    ],
)
def test_a_name_before_what_is_the_persons_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "申请人的低保申请",
        "该户的房屋",
        "严格的申请审核",
        "王某的申请",
        "常规的申请流程",
        "文明的家庭",
        "路边的房屋",
        "低保户的家庭",
        "大家的申请",
        "群众的低保",
        "老人的子女",
        "本人的身份证",
        "全体村民的户口",
        "白色的车辆",
        "高层的房屋",
        "王女士的女儿",
        "核实申请人的银行卡",
        "取消该户的低保",
        "停发全部的补贴",
        "对常规的申请",
        "核查家庭的收入",
        "受理群众的申请",
        "张大爷的儿子",
    ],
)
def test_a_word_before_what_is_the_persons_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("冒领人：刘洋", "刘洋"),
        ("冒领人刘洋已退回资金", "刘洋"),
        ("代领人：陈静", "陈静"),
        ("代领人陈静，系其女儿", "陈静"),
        ("致电张伟，无人接听", "张伟"),
        ("致电刘洋未果", "刘洋"),
    ],
)
def test_a_name_after_a_collectors_label_or_a_call_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize("text", ["代领人：3人", "冒领人：无", "致电民政局", "致电社区"])
def test_a_collectors_count_and_a_call_to_an_office_stay(text: str) -> None:
    unchanged(text)
