"""A name after 给, 给予, 向, 为, 帮 (帮助), 协助 or 对 before what was done for the person, with no
label: 给张伟送去米面油, 向李娜发放救助金, 为王秀英办理低保, 帮张伟申请临时救助, 今天给张伟打电话,
给予覃桂芬一次性临时救助, 协助李娜办理, 对张伟家进行入户调查 (visit notes, the records of relief handed
out and the decisions granting it, a survey's record). ``name_heads`` reads 向 before what the
person said only (向张伟了解), and 给, 为 and 帮 open too many prose words for its walk over every
remark's heads. The name may stand before its household's 家 (给李娜家送去).

The evidence is the preposition, the act right after the name (``name_patterns.SERVED_ACTS``:
送去, 发放, 办理, 申请, 打电话…) and the run between them a name whole as at a run's head
(``name_heads._head_name``: a listed surname, no place, household, relation, role or group):
给社区送去, 向民政局发放, 为老人办理, 帮孩子申请, 为其办理, 向贫困户发放 stay, and so do 帮助困难群众,
为民服务, 向前 (no act after a name's length), and a run ending as a word does (常态化, 黄金周).
After 对, whose 进行 and 开展 follow things as often (对路灯进行维修, 对党建开展督查, 对黄河滩进行治理),
the given name must hold a common given name's character (``name_words.GIVEN_CHARS``: 对张伟进行询问,
对王秀英进行批评教育) or the name stand before 家.

Its pre-check (:func:`may_contain`) is one search of ``name_patterns.SERVED_HINT``, opened by one of
the six characters (``re`` skips to them in C); RE2's column pattern reads it too.
"""

from __future__ import annotations

import re
from typing import Final

from .name_heads import _head_name
from .name_patterns import SERVED_HINT, served
from .name_words import GIVEN_CHARS

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_HINT_RE: Final = re.compile(SERVED_HINT)
# The same with the name as a group, as short as the act allows (为王秀英办理).
_SERVED_RE: Final = re.compile(served(f"([{_CJK}]{{2,4}}?)"))


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name after 给, 向, 为, 帮, 协助 or 对 before an act (``SERVED_HINT``)?"""
    return _HINT_RE.search(text) is not None


# What ends a word of a name's shape before an act, and no name (常态化落实, 黄金周安排, 常规性发放).
_NOT_NAME_ENDS: Final = frozenset("化性周")


def served_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names after 给, 向, 为, 帮, 协助 or 对 before an act: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _SERVED_RE.finditer(text):
        run = match.group(1)
        # (the preposition is what stands before the name; 家 after the name is the household's, as
        # no act begins with it)
        before, home = text[match.start() : match.start(1)], text[match.end(1)] == "家"
        if before == "协" or (before == "对" and not home and GIVEN_CHARS.isdisjoint(run[1:])):
            continue  # 协同王强办理; 对路灯进行维修, 对黄河滩进行治理
        if _head_name(run) and run[-1] not in _NOT_NAME_ENDS:
            found.append((match.start(1), match.end(1), 0.85, "surname+served"))
    return found
