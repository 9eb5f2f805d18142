"""Names in a system's operation log (操作日志) with no label's colon: a user's or an operator's
word glued before the name and what the system did at the person's hand after it (用户张伟登录成功,
操作员李娜删除了低保对象记录, 管理员王强导出了数据), the name bracketed or spaced as logs write it
(用户[张伟]登录系统, 用户 张伟 修改了密码), a time between (用户李娜于2024-03-01 10:00登录); or no
operator's word, in a line a log's export writes: the name after the time (2026-11-01 09:30:12 张伟
登录系统) or opening the line before its date (【操作日志】张伟 2026-11-01 登录系统).

What stands between the operator's word and the act is a user's field as often as a name (用户
信息修改, 用户密码重置, 管理员账号登录, 用户成功登录), so the run must be a name as a list's item is
(``name_lists._name``: a listed surname, no place, household, pseudonym or prose word). A label and
a colon (操作人：张伟) are name_words.KIN_LABELS'. The pre-check is ``name_patterns.LOG_HINT``
(RE2 reads it in precheck.MAYBE and name_patterns.MAYBE_PATTERN); :func:`may_contain` searches
the finder's pattern.
"""

from __future__ import annotations

import re
from typing import Final

from .name_lists import _name
from .name_patterns import LOG_DATE, LOG_OUTCOMES, LOG_TIME, log_line, stamped_line

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_NAME: Final = f"([{_CJK}]{{2,4}}?)"
_LOG_RE: Final = re.compile(log_line(_NAME))
_STAMPED_RE: Final = re.compile(stamped_line(_NAME))
# A time or a date, which every stamped line holds (opened by a digit: ``re`` skips to one in C).
_STAMP_RE: Final = re.compile(f"{LOG_TIME}|{LOG_DATE}")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name in an operation log's line (``LOG_HINT``)? Every operator's word
    holds 用户, 操作 or 员: three substring tests, where the search alone cost the corpus document
    48,000 instructions an inspection. A stamped line holds a time or a date, searched first."""
    return (("用户" in text or "操作" in text or "员" in text) and _LOG_RE.search(text) is not None) or (
        _STAMP_RE.search(text) is not None and _STAMPED_RE.search(text) is not None
    )


def logged_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names between an operator's word and an act in ``text``, or in a stamped line:
    (start, end, score, evidence)."""
    found = [
        (match.start(1), match.end(1), 0.85, "surname+log")
        for match in _LOG_RE.finditer(text)
        if match.group(1) not in LOG_OUTCOMES and _name(match.group(1))
    ]
    if _STAMP_RE.search(text) is None:
        return found
    for match in _STAMPED_RE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if match.group(group) not in LOG_OUTCOMES and _name(match.group(group)):
            found.append((match.start(group), match.end(group), 0.85, "surname+log"))
    return found
