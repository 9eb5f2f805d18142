"""A household named by its head before a count of its members, with no label: 张伟户，3口人,
李娜家庭，4人, 王秀英家共2口人, 张伟户（3人）. A case summary or a survey's record opens with it
(张伟户，3口人，月人均收入…), and the name went out in clear.

The evidence is the count (``_COUNTED_RE``: 户, 家, 家庭 or 一家, maybe a comma or a bracket, maybe
共, 成员 or 家庭人口, a number of one or two digits or numerals, 人 or 口人) and the CJK run before it a name
whole as at a run's head (``name_heads._head_name``: a listed surname, no place, household, group or
prose word) and none of the words a household is called by that have a name's shape (``_NOT_COUNTED``):
申请家庭3口人, 单亲家庭2人, 该户3口人, 张家港户，3人, 文明户3人 and 全家3口人 (one character) stay.
A category before the name (低保户张伟家) is ``name_runs._category_runs``'.

Its pre-check (:func:`may_contain`) is a substring test for 人, then the search; 人 is a context word
of ``person_name.may_contain`` and of the scanner's pre-check, so a value that holds a count reaches
this module.
"""

from __future__ import annotations

import re
from typing import Final

from .name_heads import _head_name
from .name_tests import cjk_start

# The household's word, a separator, a word for the count, the count and 人 (口人: the members'
# mouths, as a household's size is written).
_COUNTED_RE: Final = re.compile(
    "(?:家庭|一家|户|家)[ \t]?[,，:：(]?[ \t]?(?:共有|共计|共|计|家庭人口|家庭成员|成员|人口)?[ \t]?"
    "[0-9一二两三四五六七八九十]{1,2}[ \t]?口?人"
)

# Words of a surname's shape that name a kind of household, not its head (平安家庭, 包联户, 单人户:
# a probe of some 120 such words found these; ``_head_name`` knows the rest as prose or places).
_NOT_COUNTED: Final = frozenset(
    [
        *("康乐", "方圆", "白领", "蓝领", "金色", "安居", "房客", "舒心", "安心"),
        *("齐心", "连心", "包保", "平安", "温馨", "包联", "马帮", "单人", "文明"),
    ]
)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a household's name before its count (``_COUNTED_RE``)?"""
    return "人" in text and _COUNTED_RE.search(text) is not None


def counted_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names before a household's count, each the whole CJK run before the household's word:
    (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _COUNTED_RE.finditer(text):
        end = match.start()
        start = cjk_start(text, end)
        run = text[start:end]
        if _head_name(run) and run not in _NOT_COUNTED:
            found.append((start, end, 0.85, "surname+household"))
    return found
