"""Names after a staff number, as an office's system writes its user (工号1024 张伟, 操作员：10086
李娜, 审核人：1024-李娜, 经办人(1024)李娜): the label, the number and the name after it. A label and
a colon right before a name are read elsewhere (person_name's context words); the number between
them hid it.

The name is the CJK run after the number whole, two to four characters (``name_lists.whole_run_name``:
a listed surname, no place, household, pseudonym, prose or label word: 工号1024 姓名 张伟 leaves
姓名 to the label's own rule), or the run cut before what the user did (``STAFF_ACTS``, or a word
that follows a name: 工号1024 张伟审核通过, 工号1024 张伟已离职). Read from the text's runs of
digits, which ``person_name.find`` has: a search of the labels over every text that reached it cost
the corpus document 2 %. The pre-check of a value (:func:`may_contain`) is one search of
``name_patterns.STAFF_HINT``, which RE2's pattern of every value's pre-check reads too.
"""

from __future__ import annotations

import re
from string import ascii_letters
from typing import Final

from .name_lists import whole_run_name
from .name_patterns import STAFF_ACTS, STAFF_HINT, STAFF_LABELS
from .name_tests import cjk_end, ends_before_prose

_HINT_RE: Final = re.compile(STAFF_HINT)
# What may stand between the label and the number (工号：1024, 经办人(1024), 操作员：A1024: full-width
# colons and brackets are ASCII once folded), and between the number and the name.
_BEFORE: Final = " \t:：(（"
_AFTER: Final = frozenset(" \t_-/:：)）")
# The last characters of the labels (工号, 用户, 操作员, 经办人 …), and what may stand right before a
# staff number's digits.
_LABEL_ENDS: Final = frozenset(label[-1] for label in STAFF_LABELS)
_NEXT_TO_NUMBER: Final = frozenset(_BEFORE + ascii_letters) | _LABEL_ENDS


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name after a staff number (``STAFF_HINT``)?"""
    return _HINT_RE.search(text) is not None


def staff_names(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int, float, str]]:
    """The names after a staff number (``runs``: the text's runs of digits): (start, end, score,
    evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for start, end in runs:
        # Most runs follow a character no label ends with (2024年3月, 800元): one look-up each
        if end - start > 10 or text[start - 1 : start] not in _NEXT_TO_NUMBER:
            continue
        before = text[max(0, start - 12) : start]
        letters = before.rstrip(ascii_letters)
        label = letters.rstrip(_BEFORE)
        if len(before) - len(letters) > 4 or label[-1:] not in _LABEL_ENDS or not label.endswith(STAFF_LABELS):
            continue
        at = end
        while at < len(text) and text[at] in _AFTER:
            at += 1
        stop = _name_end(text, at, cjk_end(text, at))
        if stop > at:
            found.append((at, stop, 0.85, "surname+staff-number"))
    return found


def _name_end(text: str, at: int, stop: int) -> int:
    """Where the name in the CJK run ``text[at:stop]`` after a staff number ends: the run whole, or
    cut before what the user did; ``at`` where the run holds no name."""
    if 2 <= stop - at <= 4 and whole_run_name(text[at:stop]):
        return stop
    for end in range(at + 2, min(stop, at + 5)):
        if (text.startswith(STAFF_ACTS, end) or ends_before_prose(text, end)) and whole_run_name(text[at:end]):
            return end
    return at
