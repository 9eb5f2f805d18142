"""Names in a decision's record with no label: the person between the decision's word and the
benefit it grants, stops or resumes (取消王强低保资格, 停发刘洋低保金, 恢复张伟特困供养待遇, 核减李娜家
低保金, 经评议，同意王秀英享受特困供养, 审批意见：同意李娜申请, 拟同意张伟临时救助2000元). A case's life
(审批, 停发, 取消, 恢复) is what a fund's audit reads, and its decisions name the person in prose; so
does its ledger, which pays or holds back what was granted (补发张伟2024年1月低保金, 发放李娜高龄津贴).

The evidence is the decision's word and the benefit's (``name_patterns.DECISIONS``,
``DECIDED_OF``), and the run between them a name whole as at a run's head (``name_heads._head_name``:
a listed surname, no place, household, relation, role or group): 取消低保资格, 停止享受低保待遇,
同意其申请, 同意该户享受, 恢复正常供养 stay. Its pre-check (:func:`may_contain`) is
``name_patterns.DECIDED_HINT`` matched where a decision's first character stands; RE2's column
pattern reads it too.
"""

from __future__ import annotations

import re
from typing import Final

from .ideographs import TABLE_FROM, TABLE_TO, table
from .name_heads import _head_name
from .name_patterns import DECIDED_HINT, DECISIONS, decided

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_HINT_RE: Final = re.compile(DECIDED_HINT)
# The decisions' first characters by code point (``ideographs``).
_FIRST: Final = table("".join(sorted({word[0] for word in DECISIONS})), "DECISIONS")
# The same with the name as a group, as short as the benefit allows (取消王秀英低保).
_DECIDED_RE: Final = re.compile(decided(f"([{_CJK}]{{2,4}}?)"))


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name between a decision's word and a benefit (``DECIDED_HINT``)? The
    hint is matched only where a decision's first character stands, found by a walk over the code
    points (``_FIRST``): ``re``'s search tested each character against the words' first characters
    one by one, ~85 instructions a character (55,000 an inspection of the corpus document)."""
    for at in range(len(text) - 5):  # a decision's word, a name and a benefit: six at least
        code = ord(text[at])
        if TABLE_FROM <= code < TABLE_TO and _FIRST[code - TABLE_FROM] and _HINT_RE.match(text, at) is not None:
            return True
    return False


def decided_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names between a decision's word and a benefit: (start, end, score, evidence)."""
    return [
        (match.start(1), match.end(1), 0.85, "surname+decided")
        for match in _DECIDED_RE.finditer(text)
        if _head_name(match.group(1))
    ]
