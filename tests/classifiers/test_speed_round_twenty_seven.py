"""Speed round twenty-seven: patterns ``re`` searches by their first characters, and a caption's
gate by pairs of characters. Each faster form answers as the one it replaced, compared on seeded
random texts; the names the gates let through are still found, their look-alikes left in clear."""

from __future__ import annotations

import contextlib
import io
import random
import re

import pytest

from classifiers.entities import name_captions, name_heads, name_patterns, numerals
from classifiers.entities.name_tests import cjk_at, cjk_start
from classifiers.entities.name_words import SURNAMES
from support.inspected import kept_in_both, leaks
from support.random_texts import random_texts

# SRE_INFO_PREFIX (a literal prefix) and SRE_INFO_CHARSET (a set of first characters): the
# compiled pattern's INFO block, which ``re.DEBUG`` prints, says whether the search skips in C to
# where a match can begin or tries the whole pattern at every position.
_SKIPS = 0b1 | 0b100


def _info_flags(pattern: re.Pattern[str]) -> int:
    """The flags of ``pattern``'s INFO block, as ``re.DEBUG`` prints them (a debug compile is not
    cached: the pattern is compiled again)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        re.compile(pattern.pattern, pattern.flags | re.DEBUG)
    info = next(line for line in printed.getvalue().splitlines() if line.split()[1:2] == ["INFO"])
    return int(info.split()[3], 2)


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("person_name.may_contain's context words and eleven digits", name_patterns._MAYBE_RE),
        ("may_follow_role's roles, relations and brackets", name_patterns._ROLE_HINT_RE),
        ("the labels before a name", name_patterns._FREE_RE),
    ],
)
def test_searched_from_its_first_characters(name: str, pattern: re.Pattern[str]) -> None:
    assert _info_flags(pattern) & _SKIPS, name


# Every context word, its first character alone, runs of digits one short of a mobile's, as long
# and longer, 姓 and 名 a space or two apart, a mention, the honorifics, what stands beside them.
_CONTEXT_PIECES = [
    *name_patterns.CONTEXT,
    *{word[0] for word in name_patterns.CONTEXT},
    "名字",
    "叫",
    "同志",
    "女士",
    "先生",
    "阿姨",
    "老汉",
    "1380013800",
    "13800138000",
    "0",
    "9",
    "5",
    "姓",
    "名",
    " ",
    "  ",
    "@",
    "@张伟",
    "@a",
    "张伟",
    "，",
    "a",
]


def test_context_words_by_first_character_answer_as_the_pattern() -> None:
    """``_MAYBE_RE`` (eleven digits written out by their first) finds what ``_CONTEXT_PATTERN``
    finds, RE2's form, at the same spans."""
    before = re.compile(name_patterns._CONTEXT_PATTERN)
    r = random.Random(2701)
    found = 0
    for text in random_texts(r, _CONTEXT_PIECES, 100_000, 6):
        expected = [m.span() for m in before.finditer(text)]
        found += bool(expected)
        assert [m.span() for m in name_patterns._MAYBE_RE.finditer(text)] == expected, text
    assert 20_000 < found < 98_000  # the texts reach the pattern's words, and miss them too


# Each role's and relation's character, 之 and 其 before each kin character and others, 长 and 次,
# the opening and closing brackets around names of one to five characters, and what else stands.
_ROLE_PIECES = sorted(
    {
        *"男女方逝死者当事受助赡养抚扶代委托表人特困保户残疾对象孤儿童老之其妻夫子父母长次配孙侄群众村民居患丈亲",
        *name_patterns._OPEN.replace("\\", ""),
        *name_patterns._CLOSE.replace("\\", ""),
        "张",
        "张伟",
        "王秀英",
        "阿依古丽买",
        "其子",
        "之女",
        "长女",
        "（张伟）",
        "【李娜】",
        "[王秀英]",
        "〔张伟〕",
        "(李娜)",
        "1",
        " ",
        "a",
    }
)


def test_roles_by_first_character_answer_as_the_core() -> None:
    """``_ROLE_HINT_RE`` (its classes written out by character) and ``_ROLE_BRACKETED_RE`` (a
    name in brackets, apart since speed round twenty-eight) find what ``_ROLE_HINT_CORE`` finds,
    RE2's form, from every place ``may_follow_role`` starts a search: the first of their matches."""
    before = re.compile(name_patterns._ROLE_HINT_CORE)
    r = random.Random(2702)
    found = 0
    for text in random_texts(r, _ROLE_PIECES, 100_000, 8):
        at = r.randint(0, len(text))
        expected = before.search(text, at)
        found += expected is not None
        matches = [
            match.span()
            for match in (
                name_patterns._ROLE_HINT_RE.search(text, at),
                name_patterns._ROLE_BRACKETED_RE.search(text, at),
            )
            if match is not None
        ]
        assert min(matches, default=None) == (None if expected is None else expected.span()), text
    assert 10_000 < found < 95_000


# The captions' words, their halves, every pair and character of them, and the pairs and words
# around them that hold none (个人所得, 户籍地, 情况).
_CAPTION_PIECES = sorted(
    {
        *name_patterns.PERSONAL_CAPTIONS,
        *(word[at : at + 2] for word in name_patterns.PERSONAL_CAPTIONS for at in range(len(word) - 1)),
        *(char for word in name_patterns.PERSONAL_CAPTIONS for char in word),
        *(word[: len(word) // 2] for word in name_patterns.PERSONAL_CAPTIONS),
        *(word[len(word) // 2 :] for word in name_patterns.PERSONAL_CAPTIONS),
        "张伟",
        "个人所得",
        "户籍地",
        "，",
        "a",
    }
)


def test_caption_pairs_answer_as_the_words() -> None:
    """``name_captions.may_contain`` asks its pairs (``_PAIRS``) first: the words' answers."""
    pairs = name_captions._pairs(name_patterns.PERSONAL_CAPTIONS)
    assert all(any(pair in word for pair in pairs) for word in name_patterns.PERSONAL_CAPTIONS)
    assert pairs == name_captions._PAIRS
    r = random.Random(2703)
    found = 0
    for text in random_texts(r, _CAPTION_PIECES, 100_000, 6):
        expected = any(word in text for word in name_patterns.PERSONAL_CAPTIONS)
        found += expected
        assert name_captions.may_contain(text) == expected, text
    assert 5_000 < found < 90_000


def test_a_word_added_to_the_captions_is_reached() -> None:
    """The pairs are made from the words: one a names round adds is reached too."""
    words = (*name_patterns.PERSONAL_CAPTIONS, "婚姻状况说明", "病历")
    pairs = name_captions._pairs(words)
    assert all(any(pair in word for pair in pairs) for word in words)


def _time_before_before(text: str, at: int) -> bool:
    """``name_heads._time_before`` as it was: characters compared as strings (names round twenty's
    期间 as 时)."""
    return (at >= 4 and _ends_time(text, at - 3) and text[at - 2] in SURNAMES) or (
        at >= 5 and _ends_time(text, at - 4) and text[at - 3] in SURNAMES
    )


def _found_before_before(text: str, at: int) -> bool:
    """``name_heads._found_before`` by slices (names round thirty-one's: a finding's word, a
    surname two or three characters before ``at``: 追回刘洋冒领资金)."""
    return any(
        at >= size + 2
        and text[at - size] in SURNAMES
        and cjk_at(text, at - 2)
        and text[: at - size].endswith(name_patterns.HEAD_FINDINGS)
        for size in (2, 3)
    )


def _ends_time(text: str, at: int) -> bool:
    return text[at] == "时" or text[at - 1 : at + 1] == "期间"


def _heads_may_contain_before(text: str) -> bool:
    """``name_heads.may_contain`` as it was: the run read back by ``cjk_start``, its first
    character looked up in the sets."""
    for at in name_heads.word_starts(text):
        start = cjk_start(text, at, max(0, at - 8))
        size = at - start
        if _time_before_before(text, at) or _found_before_before(text, at):
            return True
        if size == 0 or size > 7 or (start > 0 and cjk_at(text, start - 1)):
            continue
        if start > 0 and text[start - 1] in name_patterns.DOTS:
            return True
        if size >= 2 and (
            text[start] in SURNAMES
            or text[start] in name_patterns.HEAD_PREPOSITIONS
            or (  # names round twenty's: 今与张伟联系, before a preposition only
                size >= 3
                and text[start] in name_patterns.BEFORE_PREPOSITIONS
                and text[start + 1] in name_patterns.HEAD_PREPOSITIONS
            )
        ):
            return True
    return False


# The words' first characters (HEAD_FROM) and whole words, surnames, the prepositions, 时, the dots,
# runs of one to nine characters that open none, punctuation, and the blocks' ends beside them.
_HEAD_PIECES = sorted(
    {
        *name_patterns.HEAD_FROM,
        *name_patterns.HEAD_WORDS,
        *name_patterns.HEAD_SAID,
        *name_patterns.HEAD_PREPOSITIONS,
        *name_patterns.DOTS,
        "张",
        "欧阳",
        "李娜",
        "王秀英",
        "时",
        "调查时",
        "期间",
        "追回",
        "经调查",
        "举报称",
        "今",
        "村委会",
        "汉滨区城关镇",
        "\u3400",
        "\u4dbf",
        "\u4dc0",
        "\u33ff",
        "\u9fff",
        "\ua000",
        "\u4e00",
        "，",
        " ",
        "1",
        "a",
    }
)


def test_heads_read_by_code_point_answer_as_before() -> None:
    """``name_heads.may_contain`` reads the run back and its first character by code point, and
    ``_time_before`` compares code points: the answers of the string tests and ``cjk_start``."""
    r = random.Random(2704)
    found = 0
    for text in random_texts(r, _HEAD_PIECES, 100_000, 8):
        expected = _heads_may_contain_before(text)
        found += expected
        assert name_heads.may_contain(text) == expected, text
        at = r.randint(0, len(text) - 1) if text else 0
        if text:
            assert name_heads._time_before(text, at) == _time_before_before(text, at), (text, at)
    assert 10_000 < found < 90_000


_RUN_BEFORE = re.compile(numerals.RUN)

# Digits and numerals alone and in runs of ten, eleven and twelve, the space and the hyphen (one,
# two, both), the numerals' neighbours by code point, what else breaks a run.
_RUN_PIECES = [
    "1",
    "0",
    "9",
    "一",
    "〇",
    "幺",
    "玖",
    "\u3006",
    "\u3008",
    "1380013800",
    "一三九一二三四五六七八",
    "139 1234 5678",
    "139-1234",
    " ",
    "-",
    "  ",
    " -",
    "--",
    "张",
    "，",
    "a",
    "X",
]


def test_runs_walked_answer_as_the_search() -> None:
    """``numerals.holds_run`` walks the code points from where ``may_contain`` starts: the answers
    of ``RUN``'s search."""
    r = random.Random(2705)
    found = 0
    for text in random_texts(r, _RUN_PIECES, 100_000, 10):
        start = r.randint(0, len(text))
        expected = _RUN_BEFORE.search(text, start) is not None
        found += expected
        assert numerals.holds_run(text, start) == expected, (text, start)
    assert 10_000 < found < 90_000


# The names the changed gates let through, each found as before, and look-alikes beside them in
# clear: a name after a relation and after a role in brackets (_ROLE_HINT_RE), after a context
# word (_MAYBE_RE), beside a mobile (its eleven digits), before a person's papers (name_captions).
_LEAKS = [
    ("其子张伟在外务工，联系电话未留。", "张伟"),
    ("委托人（李娜）代为办理。", "李娜"),
    ("户主长女王芳已婚，户口已迁出。", "王芳"),
    ("家属王秀英称家中困难。", "王秀英"),
    ("王秀英 13912345678", "王秀英"),
    ("张伟户籍材料已归档。", "张伟"),
    ("欧阳娜娜个人情况说明", "欧阳娜娜"),
]
_IN_CLEAR = [
    ("其他材料齐全，已归档。", "其他材料齐全"),
    ("委托书（原件）已收。", "原件"),
    ("长期居住本村，补助624元。", "补助624元"),
    ("订单号 1391234567，金额 4464.87 元，2023-04-23。", "4464.87"),
    ("户籍地：陕西省安康市。", "户籍地"),
    ("个人所得税已申报。", "个人所得税"),
]


@pytest.mark.parametrize(("text", "name"), _LEAKS)
def test_names_behind_the_gates_are_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(("text", "kept"), _IN_CLEAR)
def test_look_alikes_stay_in_clear(text: str, kept: str) -> None:
    kept_in_both(text, kept)
