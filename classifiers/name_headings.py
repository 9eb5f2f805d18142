"""Keys and headings that are persons' names, not field names.

A map keyed by name ({"张伟": {"sfzh": …}}), a table turned so that each person is a
column, a pivot by person (月份,张三,李四): the names are in the keys or the header, where
the walks look for field names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from .detect import Plan
from .entities import address, person_name
from .entities.name_tests import plausible
from .jsonshapes import PlanOf
from .normalise import unpadded


def name_shaped(key: str, plan_of: PlanOf) -> bool:
    """Is a key or a label shaped like a person's name? A surname and one to three characters
    (or a dotted minority name), no key the catalog knows (金额, 方式 start with surnames), no
    region or place (maps by district: 安康, 汉滨区, 石泉, 高新; 王府井), no word for a group
    (成员, 单位, 高龄); a two-character name padded to three's width (张　伟) too."""
    key = unpadded(key)
    return (
        "\u3400" <= key[:1] <= "\u9fff"
        and key[-1] not in address.TRIGGERS
        and person_name.is_keyed_name(key, require_surname=True)
        and key not in person_name.GROUP_WORDS
        and not address.is_place_name(key)
        and plan_of(key).info is None
        and address.parse_at(key) is None
    )


def full_name(word: str) -> bool:
    """Is a cell or a key shaped like a name (``name_shaped``) a full name, told by nothing but
    itself: ``name_tests.plausible`` (no pseudonym, 王某; no group or status), and no county-level
    city's short name (张家港 for 张家港市), which ``name_shaped`` lets through; 张　伟 as 张伟."""
    word = unpadded(word)
    return plausible(word) and not address.is_region_stem(word)


# Keys of an object that holds persons, keyed by their names ({"persons": {"张伟": {"age": 80}}},
# {"家庭成员": {"王秀英": "母亲"}}): a key shaped like a full name there (``name_shaped``, and
# ``name_tests.plausible``) is a name, whatever its value holds. Elsewhere such a key is a name only
# over a record with an ID number or a bank card (a place's or a unit's record has a mobile too).
PERSONS_KEYS: Final = frozenset(
    [
        "persons",
        "people",
        "members",
        "familyMembers",
        "householdMembers",
        "residents",
        "elders",
        "jtcy",
        "家庭成员",
        "成员",
        "人员",
        "共同申请人",
        "老人",
        "儿童",
    ]
)

# Members only a person's record holds: an age, a gender, a birth date, a relation to the
# household's head, a nationality. A key shaped like a full name over an object holding one is a
# name whatever the key above says ({"data": {"张伟": {"age": 80, "lxdh": …}}}); a place's or a
# unit's record holds a phone and an address as well ({"王府井": {"lxdh": …, "dz": …}}).
PERSONAL_FIELDS = frozenset(
    [
        "age",
        "nl",
        "年龄",
        "gender",
        "sex",
        "xb",
        "性别",
        "birthday",
        "birthDate",
        "csrq",
        "出生日期",
        "relation",
        "relationship",
        "yhzgx",
        "与户主关系",
        "mz",
        "民族",
    ]
)

# An amount, a count or a date, as a pivot's cells hold them (1,200.00, 35%, ¥300, 2024-01-05,
# 2024年1月, 8:00); empty cells too.
_AMOUNT_RE = re.compile(r"[-+]?[¥￥]?[0-9][0-9,.:/%-]*(?:元|年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?)?|")

# Headings of civil-affairs reports that have a full name's shape (a surname and one or two
# characters) and head columns of amounts or dates, so that a report with two of them of two
# surnames (月份,余额,平均) was taken for a pivot by person and its headings masked as names.
# fmt: off
_REPORT_HEADINGS = frozenset([
    # periods and weekdays
    "全年", "上半年", "下半年", "本月", "上月", "本年", "本期", "上期", "同期", "当月", "当年", "全月", "周一", "周二", "周三",
    "周四", "周五", "周六", "周日",
    # totals, averages and changes
    "合计", "小计", "总计", "共计", "平均", "均值", "同比", "环比", "增长", "增幅", "余额", "结余", "差额", "占比", "比例", "户均",
    "人均", "累计",
    # money and plans
    "应发", "实发", "补发", "应收", "应付", "万元", "钱数", "金额", "方案", "标准", "计划", "完成", "预算", "支出", "收入", "资金",
    "到位", "日期", "时间", "王牌", "单价", "总额",
    # programmes and groups of persons
    "低保", "特困", "五保", "孤儿", "优抚", "高龄", "党员", "包户", "残疾", "临时救助", "医疗救助", "教育救助", "住房救助", "分散供养",
    "集中供养",
    # regions of the country and place-like words
    "华东", "华南", "华北", "华中", "华西", "西北", "西南", "东北", "东南", "温泉", "向阳",
])
# fmt: on

# fmt: on
# Endings of a quantity's heading (发放金额, 户数, 完成率, 合计, 服务费), which names rarely have.
_QUANTITY_ENDINGS = frozenset("额数率计款费")


def _pivot_by_person(header: list[str], below: list[list[str]], plan_of: Callable[[str | None], Plan]) -> list[int]:
    """The columns of a pivot by person under its rows' label (月份,张三,李四 with amounts
    or dates below; [] if the header is none). Many ordinary headings start with a surname
    (应收, 余额, 周一, 华东), so every heading after the first must be a full name's shape and
    no report's heading (``_REPORT_HEADINGS``, a quantity's ending) (a total may end the row),
    two at least, of two surnames at least (周一, 周二 … and 华东, 华南 are one word's family),
    and the cells below them amounts or dates, a digit among them."""
    columns: list[int] = []
    for col in range(1, len(header)):
        cell = header[col]
        if (
            cell not in _REPORT_HEADINGS
            and cell[-1:] not in _QUANTITY_ENDINGS
            and name_shaped(cell, plan_of)
            and person_name.is_name(cell)
        ):
            columns.append(col)
        elif col < len(header) - 1:
            return []
    surnames = {header[col][: person_name.surname_length(header[col])] for col in columns}
    if len(columns) < 2 or len(surnames) < 2:
        return []
    cells = [row[col].strip() for row in below for col in columns if col < len(row)]
    if not any(any(c.isdigit() for c in cell) for cell in cells):
        return []
    return columns if all(_AMOUNT_RE.fullmatch(cell) for cell in cells) else []
