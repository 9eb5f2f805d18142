"""The values under a name key that are not a name whole (``keyedcolumns.odd_names``), from the column
joined by the caller as from the values: the same positions, for columns short enough for
``re`` and long enough for RE2, with context words, placeholders and group words among the
names (seeded random columns)."""

from __future__ import annotations

import random

from classifiers.catalog import Catalog, KeyInfo
from classifiers.columns import SEPARATOR
from classifiers.detect import keyed_name
from classifiers.entities import person_name
from classifiers.keyedcolumns import NOT_NAMES as _NOT_NAMES
from classifiers.keyedcolumns import odd_names as _odd_names
from support.random_texts import random_texts

CATALOG = Catalog.load()
NAMES = [
    "张伟",
    "李娜",
    "王秀英",
    "欧阳娜娜",
    "扎西多吉",
    "不详",
    "未填写",
    "无",
    "老人",
    "高龄",
    "户主",
    "姓名张伟",
    "申请人",
]


def test_odd_names_from_the_joined_column_equal_those_from_the_values() -> None:
    r = random.Random(53)
    for key in ("姓名", "xm", "name", "联系人"):
        info = CATALOG.lookup(key)
        for _ in range(300):
            values = list(random_texts(r, NAMES, r.choice((1, 5, 40, 300)), 1))
            values = [v or "张伟" for v in values]
            joined = SEPARATOR.join(values)
            assert _odd_names(values, info, joined) == _odd_names(values, info), (key, values[:5])


def _odd_names_before(values: list[str], info: KeyInfo | None) -> list[int]:
    """``_odd_names`` before the placeholders were looked for in the column's RE2 pass: the
    reference."""
    if person_name.may_contain(SEPARATOR.join(values)) or not person_name.PLACEHOLDERS.isdisjoint(values):
        return [k for k, v in enumerate(values) if not keyed_name(v, info)]
    if info is None or not info.weak:
        return []
    return [k for k, v in enumerate(values) if not person_name.surname_length(v) or v in _NOT_NAMES]


def test_odd_names_equal_those_found_before() -> None:
    """Columns of names, short and long, with now and then a placeholder (alone, or among
    context words and group words)."""
    r = random.Random(59)
    placeholders = sorted(person_name.PLACEHOLDERS)
    for key in ("姓名", "xm", "name", "联系人"):
        info = CATALOG.lookup(key)
        for _ in range(300):
            odd = r.choice((placeholders, NAMES))
            values = [
                r.choice(NAMES[:5]) if r.random() < 0.997 else r.choice(odd) for _ in range(r.choice((3, 40, 900)))
            ]
            joined = SEPARATOR.join(values)
            assert _odd_names(values, info, joined) == _odd_names_before(values, info), (key, values[:5])
