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
from .name_patterns import LOG_DONE, LOG_OUTCOMES, LOG_STAMP, after_stamp, log_line
from .name_tests import cjk_start

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_LOG_RE: Final = re.compile(log_line(f"([{_CJK}]{{2,4}}?)"))
# A log line's stamp (opened by a digit: ``re`` skips to one in C), then, matched where it ends, the
# name after it and what was done, or what was done after a name before it.
_STAMP_RE: Final = re.compile(LOG_STAMP)
_NAME_DONE_RE: Final = re.compile(after_stamp(f"([{_CJK}]{{2,4}}?)"))
_DONE_RE: Final = re.compile(f"[ \t]+{LOG_DONE}")
# What a line's name opening it may stand after (【操作日志】张伟 2026-11-01 登录系统).
_LINE_OPENS: Final = frozenset("\n]】")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name in an operation log's line (``LOG_HINT``)? Every operator's word
    holds 用户, 操作 or 员: three substring tests, where the search alone cost the corpus document
    48,000 instructions an inspection. A stamped line is looked for from each stamp: searched as
    one pattern, whose name opening a line ``re`` tried at every position, it cost the corpus
    document 330,000 instructions an inspection (5.7 %)."""
    return (("用户" in text or "操作" in text or "员" in text) and _LOG_RE.search(text) is not None) or bool(
        stamped_names(text)
    )


def logged_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names between an operator's word and an act in ``text``, or in a stamped line:
    (start, end, score, evidence)."""
    found = [
        (match.start(1), match.end(1), 0.85, "surname+log")
        for match in _LOG_RE.finditer(text)
        if match.group(1) not in LOG_OUTCOMES and _name(match.group(1))
    ]
    return found + [(start, end, 0.85, "surname+log") for start, end in stamped_names(text)]


def stamped_names(text: str) -> list[tuple[int, int]]:
    """The names in ``text``'s stamped lines, after a stamp or opening a line before its date. A
    space or a tab parts the name from the stamp, a name is no ASCII, and a stamp holds a separator:
    a value that lacks one (most remarks, an ID, a phone, a date alone) is passed over by tests in C,
    where the search, asked of each value three times, cost the corpus document 4 % of its
    instructions (0.6 % behind the tests for ASCII and a separator, before the test for a space)."""
    found: list[tuple[int, int]] = []
    if (
        not (" " in text or "\t" in text)
        or text.isascii()
        or not (":" in text or "-" in text or "/" in text or "." in text)
    ):
        return found
    for stamp in _STAMP_RE.finditer(text):
        after = _NAME_DONE_RE.match(text, stamp.end())
        if after is not None:
            span = after.span(1)
        elif ":" not in text[stamp.start() : stamp.start() + 3] and _DONE_RE.match(text, stamp.end()):
            span = _line_opening_name(text, stamp.start())  # a date's, not a time alone's
        else:
            continue
        if span[1] - span[0] >= 2 and text[span[0] : span[1]] not in LOG_OUTCOMES and _name(text[span[0] : span[1]]):
            found.append(span)
    return found


def _line_opening_name(text: str, stamp: int) -> tuple[int, int]:
    """The CJK run of two to four characters that opens its line (spaces before it at most) and
    stands before the stamp at ``stamp``, spaces between; an empty span if none."""
    end = stamp
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = cjk_start(text, end, max(0, end - 4))
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if end == stamp or (before > 0 and text[before - 1] not in _LINE_OPENS):
        return (0, 0)
    return (start, end)
