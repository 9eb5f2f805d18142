"""A name before 名下 (经查刘洋名下有房产: name_owned.py), after the labels of who collected a payment
for someone or in another's place (代领人, 冒领人) and after 致电; and the words before 名下, after
those labels and after 致电 that must stay."""

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
