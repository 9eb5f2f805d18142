"""A name before 名下, the property registered under it, with no label: 经查刘洋名下有房产,
车辆登记在刘洋名下, 核查发现王秀英名下有存款. An economic check of a household (家庭经济状况核对)
writes its findings so, and the name went out in clear unless it opened its run (刘洋名下有车辆
was name_heads').

The evidence is 名下 and the end of the CJK run before it a name whole (``name_lists.tail_whole``:
a listed surname, none of the labels, relations, roles or prose words): 其名下, 本人名下, 申请人名下,
家庭成员名下, 子女名下, 他人名下 and 王某名下 stay, and so does 任何人名下 (a tail that ends in 人).
The pre-check is a substring test for 名下 (``person_name.find``'s, which spares most values the
call: some 2,600 instructions an inspection of the corpus document), and ``name_patterns.PHRASES``
holds 名下 for the scanner's.

And a name before 的 and what is the person's, a case, a benefit, papers, property or kin
(:func:`names_before_of`: 张伟的低保申请已受理, 刘洋的母亲反映), the whole run before 的.
"""

from __future__ import annotations

import re
from typing import Final

from .name_addressed import _ADDRESS_ENDS
from .name_heads import _head_name
from .name_households import DECISIONS, name_after
from .name_lists import tail_whole
from .name_patterns import OWNED_HINT as OWNED_HINT
from .name_tests import cjk_start

# 的 and what is the person's after it.
_OF_RE = re.compile(OWNED_HINT)
# What a check or a decision does to the person's case, in the same run before the name (核实王秀英的
# 银行卡, 取消刘洋的低保资格, 停发李娜的养老金): the name is the rest of the run. A word before any
# that opens it (同意将 before 同意).
_ACTS_ON: Final = (
    *("核实", "核查", "冻结", "停发", "恢复", "受理", "审核", "调查", "走访", "查询", "暂停", "终止"),
    *("追回", "收回", "注销", "变更", "推荐"),
    # what was done with the person's case or papers (已将张伟的情况上报, 把李娜的材料退回)
    *("已将", "把"),
    *DECISIONS,
)


# What one does with another's papers, money or name, in the run before the other's name and 的
# (代理人李娜持张伟的委托书, 村干部王强扣留张伟的低保金, 刘洋以张伟的名义冒领补贴, 刘洋用张伟的银行卡取款):
# a fund diversion's record names both.
_TAKES: Final = (
    *("持", "以", "用", "扣留", "截留", "克扣", "侵占", "挪用", "冒领", "冒用", "盗用", "私分", "扣押"),
    *("拿走", "保管", "借用", "占用", "将", "把", "替"),
)


def _taken_from(text: str, start: int, at: int) -> int | None:
    """Where, in the run from ``start`` to 的 at ``at``, a name of two to four characters begins
    after one of ``_TAKES``; None if none does."""
    for size in (2, 3, 4):
        cut = at - size
        if cut > start and text.endswith(_TAKES, start, cut) and _head_name(text[cut:at]):
            return cut - start
    return None


def owned_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names right before each 名下 in ``text``: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    at = text.find("名下")
    while at >= 0:
        run = text[cjk_start(text, at) : at]
        size = tail_whole(run) if run[-1:] != "人" else 0
        if size:
            found.append((at - size, at, 0.85, "surname+owned"))
        at = text.find("名下", at + 2)
    return found


def may_own(text: str) -> bool:
    """Could ``text`` hold a name before 的 and what is the person's (``OWNED_OF``)?"""
    return "的" in text and _OF_RE.search(text) is not None


def names_before_of(text: str) -> list[tuple[int, int, float, str]]:
    """The names before 的 and what is the person's (张伟的低保申请已受理, 刘洋的母亲反映), each the
    whole CJK run before 的, a name as at a run's head (``name_heads._head_name``: a listed
    surname, no place, household, pseudonym or prose word): 申请人的低保申请, 该户的房屋, 严格的
    申请, 王某的申请 and 王女士的女儿 stay; or the rest of the run after what a check or a decision
    does (核实王秀英的银行卡, 取消刘洋的低保资格: ``_ACTS_ON``)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _OF_RE.finditer(text):
        at = match.start()
        start = cjk_start(text, at)
        opened = name_after(text[start:at], _ACTS_ON)
        if opened is None and at > start and text[at - 1] == "家":  # 张伟家的房屋为危房: the household's
            at -= 1
            opened = name_after(text[start:at], _ACTS_ON)
        if opened is None:
            opened = _taken_from(text, start, at)  # 代理人李娜持张伟的委托书, 王强扣留张伟的低保金
        # (王女士的女儿: a surname and an address)
        if opened is not None and not text[start + opened : at].endswith(_ADDRESS_ENDS):
            found.append((start + opened, at, 0.85, "surname+owned"))
    return found
