"""A household named by its head, with no label: before a count of its members (张伟户，3口人,
李娜家庭，4人, 王秀英家共2口人, 张伟户（3人）), or before what a council or a check found of it
(评议结果：王秀英户符合条件, 刘洋户月人均收入不足, 张伟户已纳入低保). A case summary, a survey's record
or a council's minutes refer to a household so, and the name went out in clear.

The evidence is the household's word and what follows it (``HOUSEHOLD_HINT``: 户, 家, 家庭 or 一家,
maybe a comma or a bracket, maybe 共, 成员 or 家庭人口, a number of one or two digits or numerals,
人 or 口人; or 户 or 家庭 before a finding, ``_FINDINGS``), and the CJK run before it a name whole as at
a run's head (``name_heads._head_name``: a listed surname, no place, household, group or prose word)
and none of the words a household is called by that have a name's shape (``_KINDS_OF_HOUSEHOLD``):
申请家庭3口人, 单亲家庭2人, 该户3口人, 张家港户，3人, 文明户3人, 全家3口人 (one character), 个体户已
登记 and 张伟户籍 stay. A category before the name (低保户张伟家) is ``name_runs._category_runs``'.

Its pre-check (:func:`may_contain`) finds each 户 and 家 and matches ``HOUSEHOLD_HINT`` there; RE2's
column pattern searches it.
"""

from __future__ import annotations

import re
from typing import Final

from .name_heads import _head_name
from .name_tests import cjk_start

# What a council or a check finds of a household, after 户 or 家庭 (符合条件, 月人均收入, 已纳入,
# 存在冒领).
_FINDINGS = "符合|不符合|月人均|人均|共有|属于|享受|纳入|退出|停发|停保|申请|存在|被|经|于|因|已|未|现"
# The household's word (一家 is 家 after 一), a separator, a word for the count, the count and 人
# (口人: the members' mouths, as a household's size is written); or 户 or 家庭 and a finding. RE2
# reads it in the column pre-check (no look-arounds); ``re`` matches it only at each 户 and 家: no
# alternative of it opens with a character, so ``re`` had no first characters to skip to, and a
# search tried it at every position (82,700 instructions an inspection of the corpus document).
HOUSEHOLD_HINT: Final = (
    "(?:家庭|户|家)[ \t]?[,，:：(]?[ \t]?(?:共有|共计|共|计|家庭人口|家庭成员|成员|人口)?[ \t]?"
    f"[0-9一二两三四五六七八九十]{{1,2}}[ \t]?口?人|(?:户|家庭)(?:{_FINDINGS})"
)
_HOUSEHOLD_RE: Final = re.compile(HOUSEHOLD_HINT)

# Words of a surname's shape that name a kind of household, not its head (平安家庭, 包联户, 单人户:
# a probe of some 120 such words found these; ``_head_name`` knows the rest as prose or places).
_KINDS_OF_HOUSEHOLD: Final = frozenset(
    [
        *("康乐", "方圆", "白领", "蓝领", "金色", "安居", "房客", "舒心", "安心"),
        *("齐心", "连心", "包保", "平安", "温馨", "包联", "马帮", "单人", "文明"),
    ]
)


# What a decision writes before the household it decides on, in the same run (同意将刘洋家庭纳入最低生活
# 保障, 拟同意刘洋户享受低保, 对刘洋家庭停发低保金, 决定对李娜户停保): the name is the rest of the run.
# The longest first: 同意将 before 同意. (name_owned reads them before a name and 的 too.)
DECISIONS: Final = (
    *("拟同意将", "同意将", "拟同意", "拟将", "决定将", "决定对", "现将"),
    *("同意", "准予", "批准", "不予", "取消", "对", "将"),
)


def _word_starts(text: str) -> list[int]:
    """Where a household's word and what follows it (``HOUSEHOLD_HINT``) stand in ``text``: a find
    of 户 and of 家, and a match at each."""
    starts: list[int] = []
    for char in "户家":
        at = text.find(char)
        while at >= 0:
            if _HOUSEHOLD_RE.match(text, at) is not None:
                starts.append(at)
            at = text.find(char, at + 1)
    return starts


def may_contain(text: str) -> bool:
    """Could ``text`` hold a household's name before its count or a finding (``HOUSEHOLD_HINT``)?"""
    return bool(_word_starts(text))


def household_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names before a household's count or a finding, each the whole CJK run before the
    household's word: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for end in _word_starts(text):
        if text[end] == "家" and text[end - 1 : end] == "一":
            end -= 1  # 张伟一家3口人
        start = cjk_start(text, end)
        opened = name_after(text[start:end], DECISIONS)
        if opened is not None and text[start + opened : end] not in _KINDS_OF_HOUSEHOLD:
            found.append((start + opened, end, 0.85, "surname+household"))
    return found


def name_after(run: str, words: tuple[str, ...]) -> int | None:
    """Where a name whole as at a run's head (``name_heads._head_name``) begins in ``run``: 0 when
    the run is one, after the word of ``words`` that opens it when the rest is one (对刘洋, 核实
    王秀英), None when neither."""
    if _head_name(run):
        return 0
    word = next((word for word in words if run.startswith(word)), "")
    return len(word) if word and _head_name(run[len(word) :]) else None
