"""Names in a numbered list with no label before each: a notice's list of recipients
(公示名单：1.张伟 2.李娜 3.王秀英), items in brackets (（1）张伟（2）李娜) or circled numbers (①张伟 ②李娜),
one a line or one after the other. A label before the list (公示名单：) is read for the first item
only, and not when a number stands between them; the numbers part every name from the next, so no
other pass reads them.

The evidence is the list itself: two items or more whose numbers follow each other (1, 2, 3), each
item a run of CJK characters alone (nothing but spaces and punctuation before the next number), and
every run a name as a list's item is (``name_lists.whole_run_name``: a listed surname, no place,
day, household, pseudonym, relation or role; no word of ``name_heads._NOT_HEADS``, 黄金, 石油).
Numbered headings and options (1.总则 2.申请条件, （1）低保（2）特困, ①周一 ②周三, 1.张家 2.李家)
have some item that is none, and stay whole.

A list by dashes, stars or bullets, one item a line (家庭成员：\n- 张伟\n- 李娜: a Markdown list, a YAML
sequence sent as text), is read the same way: two items or more, on lines one after the other, every
run a name (- 低保\n- 特困 stays), alone on its line or before a gender (- 张伟 男 45岁).

A care home's bed before its resident (1号床 王桂英, 3床：李秀兰, 1床张伟 2床李娜: a ward's round,
a nursing record) names one person a bed: its run whole, a name as a list's item is (3号床 空床,
1号床 已入住 stay), or at the run's head before what a nursing record notes or a word that follows
a name (3号床王桂英血压正常, 5床李秀兰已出院; 3床张大爷血压正常 stays).

The scanner reads a folded text, where ① is 1 and （1） is (1). Its pre-check (:func:`may_contain`)
answers as a search of ``name_patterns.NUMBERED_HINT`` would, which RE2's column pattern reads.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from .name_heads import _NOT_HEADS
from .name_lists import is_day_or_place, whole_run_name
from .name_patterns import (
    BED,
    BED_HINT,
    BULLETED_GENDER,
    BULLETED_HINT,
    NUMBERED_AFTER_DIGIT,
    NUMBERED_BETWEEN,
    NUMBERED_TAILED_HINT,
)
from .name_runs import _ends_name
from .name_words import COMPOUND_SURNAMES

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
# What a nursing record notes of a bed's resident right after the name (3号床王桂英血压正常, 5床李秀兰
# 夜间睡眠差).
_CARE_NOTES: Final = (
    *("血压", "体温", "血糖", "心率", "脉搏", "呼吸", "夜间", "晨间", "睡眠", "饮食", "进食", "精神"),
    *("神志", "意识", "情绪", "大便", "小便", "咳嗽", "发热", "主诉", "自诉", "诉"),
)
# An item: its number (1., 1、, 1), (1), or a bare 1 of a folded ①) and its run of CJK characters.
_ITEM: Final = f"(?:[(][0-9]{{1,2}}|[0-9]{{1,2}})[.、)]?[ \t]*[{_CJK}]{{2,6}}"
# Two items or more, each run whole (no CJK after it), parted by spaces, line ends or punctuation
# (name_patterns.NUMBERED_BETWEEN). The character before the first number is checked apart (a
# look-behind first would be tried at every position).
_LIST_RE: Final = re.compile(f"{_ITEM}(?![{_CJK}])(?:{NUMBERED_BETWEEN}{_ITEM}(?![{_CJK}]))+")
_ITEM_RE: Final = re.compile(f"[(]?([0-9]{{1,2}})[.、)]?[ \t]*([{_CJK}]{{2,6}})")
# What every list holds (name_patterns.NUMBERED_HINT, which RE2 reads in precheck.MAYBE): a digit
# and what follows an item's number. Only a run's last digit can open it, so the text is read in
# one anchored match, a run of digits at a time, each run asked once what follows it: searched
# as written, the hint was tried from every digit of every ID and mobile (4 % of the corpus
# document's inspection). The same answer as ``re.search(NUMBERED_HINT, text)``
# (test_speed_numbered_hint.py).
# The match opens at the first digit, which a search finds in C: a text with none (most of a
# column's names, words and categories) is read once, where the match read it twice.
_HINT_RE: Final = re.compile(
    f"(?:[^0-9]*+[0-9]++(?!{NUMBERED_AFTER_DIGIT}))*+[^0-9]*+[0-9]++(?={NUMBERED_AFTER_DIGIT})"
)
_DIGIT_RE: Final = re.compile("[0-9]")
# Items that say more after the name and a comma (（1）张伟，低保户；（2）李娜，特困), one a line or each
# up to a semicolon: two or more, each item's number, name and comma read at its start.
_TAILED_ITEM: Final = f"(?:[(][0-9]{{1,2}}|[0-9]{{1,2}})[.、)]?[ \t]*[{_CJK}]{{2,6}},[^;\n]*"
_TAILED_LIST_RE: Final = re.compile(f"{_TAILED_ITEM}(?:[;\n][ \t]*{_TAILED_ITEM})+")
_TAILED_HEAD_RE: Final = re.compile(f"[;\n]?[ \t]*[(]?([0-9]{{1,2}})[.、)]?[ \t]*([{_CJK}]{{2,6}}),")
_TAILED_HINT_RE: Final = re.compile(NUMBERED_TAILED_HINT)
_ITEM_ENDS_RE: Final = re.compile("[;\n]")
# An item of a list by dashes, stars or bullets: its mark at a line's start, its run alone on the
# line or before a gender (- 张伟 男 45岁).
_BULLETED_ITEM_RE: Final = re.compile(f"^[ \t]*[-*•][ \t]+([{_CJK}]{{2,6}}){BULLETED_GENDER}[ \t]*\r?$", re.MULTILINE)
_BULLETED_HINT_RE: Final = re.compile(BULLETED_HINT)
# A bed's number and the run after it (name_patterns.BED_HINT).
_BED_RE: Final = re.compile(f"[0-9]{{1,4}}{BED}[ \t:]*([{_CJK}]{{2,16}})")
_BED_HINT_RE: Final = re.compile(BED_HINT)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a numbered list of two names or more (``NUMBERED_HINT``: a number and
    a run of CJK characters, then the next number and two more; or items with more after a comma,
    parted by semicolons or lines, which a text without a comma and either holds none of: finds in
    C first, where the hint's search tried each digit of every ID and mobile, and a search for what
    opens a next item cost the corpus document 35,000 instructions an inspection, eight times the
    finds)?"""
    first = _DIGIT_RE.search(text)
    if first is None:
        return may_be_bulleted(text)
    if _HINT_RE.match(text, first.start()) is not None:
        return True
    return (
        (
            ("," in text or "，" in text)
            and (";" in text or "；" in text or "\n" in text)
            and _TAILED_HINT_RE.search(text) is not None
        )
        or may_be_bulleted(text)
        or ("床" in text and _BED_HINT_RE.search(text) is not None)
    )


def may_be_bulleted(text: str) -> bool:
    """Could ``text`` hold a list of names by dashes, stars or bullets (``BULLETED_HINT``)? A line
    end and a mark first, by substring tests."""
    return (
        "\n" in text
        and ("- " in text or "* " in text or "•" in text or "-\t" in text or "*\t" in text)
        and _BULLETED_HINT_RE.search(text) is not None
    )


def _name(run: str) -> bool:
    """Is ``run``, an item's whole run, a name: one as a list's item is, no day or place, and none
    of the words of a name's shape a remark's head holds as often (黄金, 林地: ``name_heads``)?"""
    return whole_run_name(run) and not is_day_or_place(run) and run not in _NOT_HEADS


def numbered_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names of each numbered list in ``text``: (start, end, score, evidence), all of a list's
    items or none."""
    found: list[tuple[int, int, float, str]] = []
    for match in _LIST_RE.finditer(text):
        if not _glued_to_a_number(text, match.start()):
            found += _items_named(list(_ITEM_RE.finditer(text, match.start(), match.end())))
    if "," in text:
        found += _tailed_names(text)
    if may_be_bulleted(text):
        found += _bulleted_names(text)
    if "床" in text:
        found += bed_names(text)
    return found


def bed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The residents named after a bed's number in ``text`` (1号床 王桂英, 3号床王桂英血压正常): the
    run whole, or its head before a nursing record's note or a word that follows a name."""
    found: list[tuple[int, int, float, str]] = []
    for match in _BED_RE.finditer(text):
        if _glued_to_a_number(text, match.start()):
            continue
        run, start = match.group(1), match.start(1)
        size = len(run) if len(run) <= 4 and _name(run) else _head_before_note(run)
        if size:
            found.append((start, start + size, 0.85, "surname+bed"))
    return found


def _head_before_note(run: str) -> int:
    """How many characters at the head of ``run`` are a name before a nursing record's note or a
    word that follows a name (王桂英血压正常: 3); 0 if none."""
    for size in (4, 3, 2) if run[:2] in COMPOUND_SURNAMES else (3, 2):
        if (run.startswith(_CARE_NOTES, size) or _ends_name(run, size)) and _name(run[:size]):
            return size
    return 0


def _bulleted_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names of each list by dashes, stars or bullets in ``text`` (a run of such lines, one
    after the other): all of a list's items or none, two at least, each a name as a numbered
    list's item is."""
    found: list[tuple[int, int, float, str]] = []
    items: list[re.Match[str]] = []
    for item in _BULLETED_ITEM_RE.finditer(text):
        if items and text[items[-1].end() : item.start()] != "\n":
            found += _all_named(items)
            items = []
        items.append(item)
    return found + _all_named(items)


def _all_named(items: list[re.Match[str]]) -> list[tuple[int, int, float, str]]:
    """Each item's run (group 1) when the items are two or more and every run is a name, else none."""
    if len(items) < 2 or not all(_name(item.group(1)) for item in items):
        return []
    return [(item.start(1), item.end(1), 0.85, "surname+listed") for item in items]


def _tailed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names of each numbered list whose items say more after the name and a comma
    (（1）张伟，低保户；（2）李娜，特困): all of a list's items or none, as in :func:`numbered_names`."""
    found: list[tuple[int, int, float, str]] = []
    for match in _TAILED_LIST_RE.finditer(text):
        start = match.start()
        if _glued_to_a_number(text, start):
            continue
        heads = [_TAILED_HEAD_RE.match(text, start)]
        heads += [_TAILED_HEAD_RE.match(text, end.start()) for end in _ITEM_ENDS_RE.finditer(text, start, match.end())]
        items = [head for head in heads if head is not None]
        if len(items) == len(heads):
            found += _items_named(items)
    return found


def _glued_to_a_number(text: str, start: int) -> bool:
    """Is the list's first number, at ``start``, part of another (12.5, A1)?"""
    before = text[start - 1 : start]
    return before == "." or (before.isascii() and before.isalnum())


def _items_named(items: list[re.Match[str]]) -> list[tuple[int, int, float, str]]:
    """The names of a list's items (group 1 the number, group 2 the run): all of them when the
    numbers follow each other and every run is a name, else none."""
    numbers = [int(item.group(1)) for item in items]
    if any(later != earlier + 1 for earlier, later in pairwise(numbers)):
        return []
    if not all(_name(item.group(2)) for item in items):
        return []
    return [(item.start(2), item.end(2), 0.85, "surname+numbered") for item in items]
