"""The values under a name key that are not a name whole (``run._odd_names``), from the column
joined by the caller as from the values: the same positions, for columns short enough for
``re`` and long enough for RE2, with context words, placeholders and group words among the
names (seeded random columns)."""

from __future__ import annotations

import random

from classifiers.catalog import Catalog
from classifiers.columns import SEPARATOR
from classifiers.run import _odd_names
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
