"""Names in an election's tally with no label: a candidate's name before the votes counted
(选举结果：张伟52票，李娜48票, 候选人张伟得票123票, 张伟 得票：52票). A village committee's election
(村民委员会选举), which a civil-affairs bureau runs, posts its results so.

The evidence is the count of votes right after the name (digits and 票, maybe 得票 or 获得 between)
and the CJK run before it a name whole (``name_lists.whole_run_name``: a listed surname, no place,
household, pseudonym or prose word), or the name after a candidate's word (候选人张伟得票123票):
赞成52票, 反对3票, 弃权1票, 有效票52票 and 候选人得票 stay. The pre-check (:func:`may_contain`) is a
substring test for 票, then one search of ``name_patterns.VOTES_HINT``, which RE2's column pattern
reads too.
"""

from __future__ import annotations

import re
from typing import Final

from .name_lists import whole_run_name
from .name_patterns import VOTES_HINT
from .name_tests import cjk_at

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_HINT_RE: Final = re.compile(VOTES_HINT)
# The name, what was won and the count; the character before the run is checked apart.
_VOTES_RE: Final = re.compile(f"([{_CJK}]{{2,7}}?)[ \t]*(?:得票|获票|获得)?[ \t:：]*[0-9]{{1,6}}[ \t]?票")
# A candidate's word before the name (候选人张伟得票123票).
_CANDIDATES: Final = ("候选人", "当选人")
# Words of a name's shape a tally counts that are no candidate's (赞成, 反对, 弃权: name_lists knows
# the rest as prose).
_NOT_CANDIDATES: Final = frozenset(
    ["赞成", "反对", "弃权", "同意", "有效", "无效", "废票", "总票", "得票", "合计", "共计"]
)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name before a count of votes (``VOTES_HINT``)?"""
    return "票" in text and _HINT_RE.search(text) is not None


def voted_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names before a count of votes in ``text``: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _VOTES_RE.finditer(text):
        start, end = match.span(1)
        if start > 0 and cjk_at(text, start - 1):
            continue  # the run goes on before: a longer word's tail
        run = match.group(1)
        word = next((word for word in _CANDIDATES if run.startswith(word)), "")
        name = run[len(word) :]
        if name not in _NOT_CANDIDATES and 2 <= len(name) <= 4 and whole_run_name(name):
            found.append((start + len(word), end, 0.85, "surname+votes"))
    return found
