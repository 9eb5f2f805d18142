"""name_heads reads the words at a head from tables of their first two characters by code point
before any string test: the same spans and names as the string tests alone, written out here."""

from __future__ import annotations

import random

from classifiers.entities import name_heads
from classifiers.entities.name_patterns import DOTS, HEAD_PREPOSITIONS, HEAD_PROSE, HEAD_SAID, HEAD_WORDS
from classifiers.entities.name_tests import cjk_at, cjk_start
from classifiers.entities.name_words import CATEGORIES
from support.random_texts import random_texts


def _run_before_before(text: str, at: int) -> tuple[int, int] | None:
    """``name_heads._run_before`` as it was: a slice looked up in HEAD_PROSE, then ``startswith``
    of HEAD_WORDS and HEAD_SAID."""
    end = at
    if text[at : at + 2] in HEAD_PROSE or text[at] == "于":  # (names round eighteen's: 张伟已于)
        if at > 1 and text[at - 2 : at] in name_heads._BETWEEN_WORDS:
            end -= 2  # names round nineteen's: 张伟多次来访
        elif at > 0 and text[at - 1] in "已现均":
            end -= 1
        end -= 2 if text[end - 2 : end] in name_heads._KIN_AFTER else 0  # names round twenty's
    elif text[at] == "故":  # names round nineteen's: 故 of 已故 only
        if at == 0 or text[at - 1] != "已":
            return None
        end -= 1
        end -= 2 if text[end - 2 : end] in name_heads._KIN_AFTER else 0  # names round twenty's: 老伴已故
    elif not text.startswith(HEAD_WORDS, at) and not text.startswith(HEAD_SAID, at):
        return None
    start = cjk_start(text, end, max(0, end - 7, at - 8))  # (names round nineteen's: within nine)
    if end - start < 1 or (start > 0 and cjk_at(text, start - 1)):
        return None
    if start > 0 and text[start - 1].isdigit() and text[start] in "年月日号":  # names round twenty-seven's
        start += 2 if text.startswith("月份", start) else 1  # 3月张伟申请
    if end - start < 2 and not (start >= 2 and text[start - 1] in DOTS):
        return None
    return start, end


def _head_names_before(text: str) -> list[tuple[int, int, float, str]]:
    """``name_heads.head_names`` as it was, the same string tests (its other steps its own)."""
    found: list[tuple[int, int, float, str]] = []
    for at in name_heads.word_starts(text):
        if at > 0 and text[at - 1] == "不" and text.startswith("在家", at):
            continue  # names round twenty's: 不在家 is read at 不
        span = _run_before_before(text, at)
        if span is None:
            found += name_heads._after_clause(
                text, at, name_heads._timed(text)
            )  # names round eighteen's (its own step)
            continue
        start, end = span
        if start >= 2 and text[start - 1] in DOTS:
            found += name_heads._dotted(text, start, end)
            continue
        if at > 0 and text[at - 1] in name_heads._GLUED_BEFORE.get(text[at], ""):
            continue
        if text.startswith("等", at) and name_heads._COUNT_RE.match(text, at + 1) is None:
            continue
        if (
            text.startswith(("申请", "审核", "审批", "受理", "复核"), at)
            and text[at + 2 : at + 3] in name_heads._FORM_AFTER
        ):
            continue  # names round seventeen's and twenty-seven's: a form or a person (申请表, 审核人)
        is_word = text.startswith("是", at) or text.startswith("不是", at)  # names round twenty-seven's
        if is_word and not text.startswith((*CATEGORIES, "户主"), text.index("是", at) + 1):
            continue  # 张伟是低保户 only
        if end - start > 3 and text[start] in "今已曾" and text[start + 1] in HEAD_PREPOSITIONS:
            start += 1  # names round twenty's: 今与张伟联系
        opened = text[start] in HEAD_PREPOSITIONS and end - start > 2
        if opened:
            start += 1
            if end - start > 2 and text[start] in "与向" and name_heads._names(text, start + 1, end):
                found += name_heads._names(text, start + 1, end)  # names round eighteen's: 经与张伟核实
                continue
        elif text[at] in "称说":
            pass  # names round eighteen's: said at a head with no preposition (李娜称其子在外务工)
        elif not text.startswith(HEAD_WORDS, at) and text[at : at + 2] not in HEAD_PROSE:
            continue
        elif end - start > 2 and text[end - 1] in "称说":
            end -= 1  # names round eighteen's: 张伟称家中困难 masks 张伟 alone
        kin = text[at : at + 2] in HEAD_PROSE  # names round twenty's: 妻子李娜务农
        found += name_heads._names(text, start, end, kin) or name_heads._after_clause(text, at, name_heads._timed(text))
    return found


# HEAD_PROSE is a set: sorted, so that the texts drawn are the same whatever the hash seed.
_WORDS = [*HEAD_WORDS, *HEAD_SAID, *sorted(HEAD_PROSE)]
# Every word, its characters alone and the code points on either side of each, names and
# prepositions before them (drawn as often as the rest together), 已 between, a run's breaks.
_NEIGHBOURS = [
    *_WORDS,
    *sorted({char for word in _WORDS for char in word}),
    *sorted({chr(ord(char) + step) for word in _WORDS for char in word for step in (-1, 1)}),
]
_PIECES = [
    *_NEIGHBOURS,
    *_WORDS * 3,
    *["张伟", "王秀英", "李", "由", "与", "，"] * (len(_NEIGHBOURS) // 6),
    "张伟",
    "王秀英",
    "李",
    "由",
    "经",
    "与",
    "·",
    "热合曼",
    "已",
    "，",
    " ",
    "a",
]


def test_words_read_from_the_tables_equal_the_string_tests() -> None:
    """At every place ``word_starts`` gives, and at every character, ``_run_before`` gives the span
    the string tests gave; ``head_names`` the same names."""
    r = random.Random(2029)
    spans = names = 0
    for text in random_texts(r, _PIECES, 30_000, 9):
        for at in range(len(text)):
            expected = _run_before_before(text, at)
            spans += expected is not None
            assert name_heads._run_before(text, at) == expected, (text, at)
        heads = _head_names_before(text)
        names += bool(heads)
        assert name_heads.head_names(text) == heads, text
    assert spans > 15_000
    assert names > 1_500
