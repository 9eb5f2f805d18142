"""The surname table (``name_words.SURNAMES``): names in prose with one of the common surnames it
lacked went out in clear where no label stood before them (已死亡人员萧玉珍仍在领取养老金); the
words such a surname's character opens stay (thirty-fourth session)."""

from __future__ import annotations

import pytest

from classifiers.entities.name_words import SURNAMES
from support.inspected import leaks, unchanged

# Surnames among the three hundred most common that open no common word of a case file.
ADDED = "庞颜柳翁骆缪娄窦岑佟臧姬隋虞敖邝匡鄢谌奚冼阚禹卿狄晁芮阙邸雍辜裘亓邰赫逯茹嵇湛戎昝萧檀"
# And those left out on purpose: each opens a word a case file writes often (费用, 卫生, 纪委, 巩固,
# 尤其, 仲裁, 查看, 宣传, 盖章, 危房, 由, 银行, 公示, 居住, 母亲, 解决, 信息, 元).
LEFT_OUT = "费卫纪巩尤仲查宣盖危由银公居母解信元"


def test_the_table_holds_the_added_surnames_and_not_the_words_heads() -> None:
    assert set(ADDED) <= SURNAMES
    assert not set(LEFT_OUT) & SURNAMES


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("经比对，已死亡人员萧玉珍仍在领取养老金", "萧玉珍"),
        ("低保户庞建国家庭人均收入不足", "庞建国"),
        ("其子窦志强在外务工", "窦志强"),
        ("经与岑丽华核实，情况属实", "岑丽华"),
        ("特困人员佟桂兰，女，82岁", "佟桂兰"),
        ("由其女臧美玲照料", "臧美玲"),
    ],
)
def test_a_name_with_one_of_the_added_surnames_is_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        "柳树下有一口井",
        "颜色鲜艳",
        "庞大的开支",
        "市场萧条",
        "辜负了群众的信任",
        "赫然在列",
        "娄底市",
        "湛江市",
        "雍和宫",
    ],
)
def test_words_and_places_those_surnames_open_stay(text: str) -> None:
    unchanged(text)
