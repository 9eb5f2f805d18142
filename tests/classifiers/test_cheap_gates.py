"""Cheap gates in front of regular expressions (twentieth round, speed): each gate answers
"no match" only where the pattern it guards finds none, compared with the pattern on seeded
random texts."""

from __future__ import annotations

import random
import re

from classifiers import tokens
from classifiers.detect import _LATIN_LABEL_HINT, LABEL_HINT, holds_label_mark
from classifiers.entities import address, name_captions, name_heads, name_patterns, name_prose, numerals, person_name
from classifiers.entities.name_patterns import HEAD_FROM
from classifiers.entities.name_tests import cjk_at, cjk_start
from classifiers.fold_tables import _SETTLED
from classifiers.masked_in_part import may_hold_mask
from classifiers.normalise import _settled, has_separated_digits
from classifiers.precheck import _holds_number
from support.random_texts import random_texts

# Label marks and their look-alikes, CJK, Latin letters, spaces and quotes: every way the
# two hints can match or just miss.
_LABEL_PIECES = [
    *":=：|｜",
    "姓名",
    "张伟",
    "联系人",
    "，",
    "。",
    "、",
    "；",
    "﹕",
    "︰",
    "∶",
    "¦",
    "Zhang",
    "wei",
    "139",
    " ",
    "\t",
    '"',
    "'",
    "\u3000",
    "\n",
]


def test_label_gate_closes_only_where_both_hints_miss() -> None:
    r = random.Random(20)
    opened = 0
    for text in random_texts(r, _LABEL_PIECES, 40_000, 10):
        hinted = _LATIN_LABEL_HINT.search(text) is not None or LABEL_HINT.search(text) is not None
        if hinted:
            opened += 1
            assert holds_label_mark(text), text
    assert opened > 5_000  # the texts reach the hints, not only the gate


# Every separator of the pattern, its look-alikes (full-width hyphen and dot, which NFKC folds
# but the pattern does not hold), digits, CJK and Latin text.
_DIGIT_PIECES = [
    *" .-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\u3000\u00a0",
    "\uff0d",
    "\uff0e",
    "\u2015",
    "_",
    "/",
    "0",
    "7",
    "139",
    "6109",
    "号",
    "电话",
    "a",
    "，",
    "\t",
]


# The pattern has_separated_digits answered by before the twenty-second speed round.
_SEP_IN_DIGITS_RE = re.compile("[0-9][ .\\-\u2010-\u2014\u2212\ufe63\u3000\u00a0]+[0-9]")


def _separated_before(text: str) -> bool:
    """``normalise.has_separated_digits`` as it was: the pattern alone."""
    return _SEP_IN_DIGITS_RE.search(text) is not None


def test_separated_digits_gate_equals_the_pattern() -> None:
    r = random.Random(2020)
    found = 0
    for text in random_texts(r, _DIGIT_PIECES, 40_000, 8):
        expected = _separated_before(text)
        found += expected
        assert has_separated_digits(text) == expected, text
        assert has_separated_digits(text + "中") == _separated_before(text + "中"), text
    assert found > 1_000


# The numbers _holds_number looks for in an ASCII text: digits, every character that groups
# them, runs of digits near six and ten, and what parts blocks (letters, a column's NUL, a tab).
_NUMBER_PIECES = [
    *" -.()/_\r\n",
    "0",
    "7",
    "12",
    "139",
    "6109",
    "12345",
    "2022-12-23",
    "a",
    "X",
    "\x00",
    "\t",
    "@",
    ",",
]
_BLOCK_BEFORE = re.compile(r"[0-9][0-9 \-.()/_\r\n]{5,}+")


def _holds_number_before(text: str) -> bool:
    """``precheck._holds_number`` as it was: block by block, each block's characters counted."""
    for block in _BLOCK_BEFORE.finditer(text):
        digits = in_row = 0
        for char in block.group():
            if "0" <= char <= "9":
                digits += 1
                in_row += 1
                if digits == 10 or in_row == 6:
                    return True
            else:
                in_row = 0
    return False


def test_numbers_walked_from_the_first_block_equal_the_blocks() -> None:
    r = random.Random(2021)
    found = 0
    for text in random_texts(r, _NUMBER_PIECES, 40_000, 12):
        expected = _holds_number_before(text)
        found += expected
        assert _holds_number(text) == expected, text
    assert 5_000 < found < 35_000  # both answers are reached


# ASCII, the edges of both ranges of ideographs, the marks that fold to themselves, and what
# folds or lies just past them: full-width punctuation and digits, dashes, a middle dot, an
# emoji (past the basic plane), a lone surrogate.
_SETTLED_PIECES = [
    "a",
    "1",
    "\x00",
    "\x7f",
    "\x80",
    "\u3400",
    "\u33ff",
    "\u4dbf",
    "\u4dc0",
    "\u4dff",
    "\u4e00",
    "\u9fff",
    "\ua000",
    "张伟",
    *_SETTLED,
    "，",
    "１",
    "\u2015",
    "\u2013",
    "\u30fb",
    "\u00b8",
    "\U0001f600",
    "\ud800",
    "\u3000",
]
# The pattern _fold_one_to_one searched before the twenty-second speed round.
_UNSETTLED_RE = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff" + _SETTLED + "]")


def test_settled_walk_equals_the_pattern() -> None:
    r = random.Random(2022)
    settled = 0
    for text in random_texts(r, _SETTLED_PIECES, 40_000, 6):
        expected = _UNSETTLED_RE.search(text) is None
        settled += expected
        assert _settled(text) == expected, ascii(text)
    assert 2_000 < settled < 38_000  # both answers are reached


# Twenty-second session's speed round: three pre-checks of the scanner asked by substring tests
# of one character. Each is compared with the code it replaced, written out.
_MASK_PIECES = [*"*×Xx#", "XX", "xx", "##", "X1", "6109", "张伟", "，", "\u3000", "a", "1"]


def _may_hold_mask_before(text: str) -> bool:
    """``masked_in_part.may_hold_mask`` as it was."""
    return "*" in text or "×" in text or "XX" in text or "xx" in text or "##" in text


def test_mask_gate_equals_the_pairs() -> None:
    r = random.Random(2023)
    held = 0
    for text in random_texts(r, _MASK_PIECES, 40_000, 8):
        expected = _may_hold_mask_before(text)
        held += expected
        assert may_hold_mask(text) == expected, text
    assert 5_000 < held < 35_000


# Every trigger and estate end, 号 bare and after digits and letters of ASCII and full width,
# the ends without a trigger and their halves, the labels of an address in English.
_ADDRESS_PIECES = [
    *(address.TRIGGERS + address.ESTATE_ENDS),
    "身份证号",
    "12号",
    "A号",
    "１号",
    "号",
    "居委",
    "居委会",
    "花园",
    "家",
    "胡同",
    "胡",
    "座",
    "单元",
    "单",
    "房",
    "住址：",
    "址",
    "户籍地",
    "No. 12 Yucai Road",
    "张伟",
    "，",
    "7",
    "a",
]
_ADDRESS_MAYBE_BEFORE = re.compile(f"[{address.TRIGGERS}{address.ESTATE_ENDS}]")
_FINE_ENDS_BEFORE = ("居委会", "花园", "家园", "胡同", "座", "单元", "房")


def _address_may_contain_before(text: str) -> bool:
    """``address.may_contain`` as it was: the class searched from each bare 号 on."""
    hit = _ADDRESS_MAYBE_BEFORE.search(text)
    bare_number_sign = False
    while hit is not None:
        at = hit.start()
        if text[at] != "号" or (at > 0 and text[at - 1].isascii() and text[at - 1].isalnum()):
            return True
        bare_number_sign = True
        hit = _ADDRESS_MAYBE_BEFORE.search(text, at + 1)
    return (bare_number_sign and any(word in text for word in _FINE_ENDS_BEFORE)) or address.may_follow_label(text)


def test_address_gate_equals_the_class_search() -> None:
    r = random.Random(2024)
    found = 0
    rare = [p for p in _ADDRESS_PIECES if p not in address.TRIGGERS + address.ESTATE_ENDS or p == "号"]
    for pieces in (_ADDRESS_PIECES, rare):  # the second reaches the bare 号 and what follows it
        for text in random_texts(r, pieces, 20_000, 6):
            expected = _address_may_contain_before(text)
            found += expected
            assert address.may_contain(text) == expected, text
    assert 10_000 < found < 35_000


# What the token pre-check looks for and its halves: a JWT's "eyJ", a scheme's colon, \u
# escapes, runs of base64 padded, in one case or in both, letters beyond ASCII that lower()
# and upper() change, CJK and a column's NUL.
_TOKEN_PIECES = [
    "eyJ",
    "J",
    "ey",
    "data:",
    "Data:",
    "DATA:",
    "a:",
    "A:",
    ":",
    "\\u5f20",
    "\\u",
    "\\",
    "\\\\u5f20",
    "QUJDREVGR0hJSktMTU5PUA",
    "==",
    "=",
    "abcdefghijklmnop",
    "ABCDEFGHIJKLMNOP",
    "0123456789abcdef",
    "Zz",
    "É",
    "é",
    "ǅ",
    "张伟",
    "，",
    "\x00",
    " ",
    "-",
]


def _may_hold_runs_before(text: str) -> bool:
    """``tokens._may_hold_runs`` as it was: the cases by ``lower()`` and ``upper()``."""
    return (
        len(text) > tokens.RUN_MIN_LENGTH
        and not (text.isascii() and text.isalnum())
        and ("=" in text or (text.lower() != text and text.upper() != text))
    )


def _tokens_may_contain_before(text: str) -> bool:
    """``tokens.may_contain`` as it was."""
    return (
        "eyJ" in text
        or (("a:" in text or "A:" in text) and tokens._SCHEME.search(text) is not None)
        or (_may_hold_runs_before(text) and tokens._has_text_run(text))
        or ("\\u" in text and tokens._U_TEXT.search(text) is not None)
    )


def test_token_gates_answer_as_before() -> None:
    r = random.Random(2025)
    found = 0
    for text in random_texts(r, _TOKEN_PIECES, 40_000, 8):
        expected = _tokens_may_contain_before(text)
        found += expected
        assert tokens.may_contain(text) == expected, text
        # found(): the runs behind the new gate are those behind the old one
        gate = tokens._may_hold_runs(text)
        assert not gate or _may_hold_runs_before(text), text
        assert gate or not tokens._runs(text, []) or not _may_hold_runs_before(text), text
    assert 5_000 < found < 35_000


# Names, prepositions, the words after a head (系, 于, 等, 已外出…) and their first characters
# alone, runs of other CJK to lengthen a run past a name's, dots, separators.
_HEAD_PIECES = [
    "张伟",
    "王秀英",
    "欧阳娜娜",
    "阿卜杜",
    "·",
    "热合曼",
    "由",
    "经",
    "与",
    "和",
    "系户主",
    "于2023年",
    "为",
    "因病",
    "本人",
    "代领",
    "等3户",
    "等",
    "已外出务工",
    "常年外出",
    "同意",
    "说",
    "已",
    "家",
    "林地",
    "入户调查",
    "，",
    "。",
    " ",
    "a",
    "7",
]


_HEAD_FROM_BEFORE = re.compile(f"[{HEAD_FROM}]")


def _head_places_before(text: str) -> list[int]:
    """The places name_heads read back from, as it was: every first character of a word."""
    return [m.start() for m in _HEAD_FROM_BEFORE.finditer(text)]


def test_head_places_hold_every_place_a_head_can_stand() -> None:
    """The places ``word_starts`` gives, in a run's first nine characters, are those of the
    old search where a run of a name's length stands before: may_contain and head_names, run over
    every old place, answer as they do over the new ones."""
    r = random.Random(2026)
    found = 0
    for text in random_texts(r, _HEAD_PIECES, 40_000, 10):
        old, new = _head_places_before(text), name_heads.word_starts(text)
        assert set(new) <= set(old), text
        for at in set(old) - set(new):
            assert name_heads._run_before(text, at) is None, text  # nothing to read there
            start = cjk_start(text, at, max(0, at - 8))
            assert at - start == 0 or at - start > 7 or (start > 0 and cjk_at(text, start - 1)), text
        found += bool(name_heads.head_names(text))
    assert found > 2_000


def _word_starts_before(text: str) -> list[int]:
    """``name_heads.word_starts`` as it was: each character of a run's first nine made a string and
    looked up in ``HEAD_FROM``."""
    starts: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        if not cjk_at(text, i):
            i += 1
            continue
        j = i + 1
        first = min(n, i + 9)
        while j < first and cjk_at(text, j):
            if text[j] in HEAD_FROM:
                starts.append(j)
            j += 1
        while j < n and cjk_at(text, j):
            j += 1
        i = j
    return starts


# Each of HEAD_FROM's characters and the code points on either side of it, the ends of the two
# blocks of ideographs cjk_at reads and what lies just outside them, a run's breaks.
_TABLE_PIECES = [
    *HEAD_FROM,
    *(chr(ord(char) + step) for char in HEAD_FROM for step in (-1, 1)),
    *"\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000",
    "张伟",
    "，",
    " ",
    "a",
    "7",
]


def test_word_starts_by_the_table_equal_the_string_test() -> None:
    """``word_starts`` reads HEAD_FROM's characters from a table of bytes by code point: the same
    places as the test of a string of one character."""
    r = random.Random(2027)
    found = 0
    for text in random_texts(r, _TABLE_PIECES, 40_000, 14):
        expected = _word_starts_before(text)
        found += len(expected)
        assert name_heads.word_starts(text) == expected, text
    assert found > 50_000


def test_find_walks_once_and_passes_the_places_on() -> None:
    """``person_name.find`` walks a text once (``word_starts``) and passes the places to
    ``may_follow_role`` and ``head_names``: their answers are those of the walk each made, and
    every name at a run's head is among find's."""
    r = random.Random(2028)
    found = 0
    for text in random_texts(r, _HEAD_PIECES, 20_000, 10):
        starts = name_heads.word_starts(text)
        assert person_name.may_follow_role(text, starts) == person_name.may_follow_role(text), text
        heads = name_heads.head_names(text)
        assert name_heads.head_names(text, starts) == heads, text
        assert name_heads.may_contain(text, starts) == name_heads.may_contain(text), text
        found += bool(heads)
        names = set(person_name.find(text))
        assert all(head in names for head in heads), text
    assert found > 1_000


_NUMERALS = "〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖"
_NUMERAL_RE = re.compile(f"[{_NUMERALS}]")
_NUMERALS_RUN_RE = re.compile(f"[0-9{_NUMERALS}](?:[ -]?[0-9{_NUMERALS}]){{10}}")


def _numerals_may_contain_before(text: str) -> bool:
    """``numerals.may_contain`` as it was: the numerals' class searched by ``re``."""
    numeral = _NUMERAL_RE.search(text)
    return numeral is not None and _NUMERALS_RUN_RE.search(text, max(0, numeral.start() - 20)) is not None


# Every numeral and the code points on either side of it, runs of them and of digits (so that the
# run of eleven is found and just missed), spaces and hyphens that group them, the blocks' ends.
_NUMERAL_PIECES = [
    *_NUMERALS,
    *(chr(ord(char) + step) for char in _NUMERALS for step in (-1, 1)),
    *"\u3006\u3008\u4dff\u4e00\u9fff\ua000",
    "一三九一二三四",
    "五六七八",
    "一三九一二三四五六七八",
    "壹叁玖 壹贰叁肆 伍陆柒捌",
    "139",
    "1234",
    "5678",
    " ",
    "-",
    "张伟",
    "，",
    "a",
]


def test_numerals_walked_equal_the_class_search() -> None:
    """``numerals.may_contain`` finds its first numeral by a walk over the code points (〇 and a
    table of bytes): the same answers as ``re``'s class search, and ``first_numeral`` its start."""
    r = random.Random(2029)
    found = 0
    for text in random_texts(r, _NUMERAL_PIECES, 40_000, 12):
        expected = _numerals_may_contain_before(text)
        found += expected
        assert numerals.may_contain(text) == expected, text
        numeral = _NUMERAL_RE.search(text)
        assert numerals.first_numeral(text) == (-1 if numeral is None else numeral.start()), text
    assert 2_000 < found < 38_000


# name_prose.may_call as it was (names round seventeen): 联系 by a substring test, then the search
# of the visit's and the call's pattern over the whole text.
_VISITED_LAST_BEFORE = re.compile(
    rf"(?:{name_patterns.VISITS}|联系了?)({name_patterns.CALL_NAME}?)"
    rf"(?:{name_patterns.CALL_OUTCOMES}|并|(?![\u3400-\u4dbf\u4e00-\u9fff]))"
)


def _may_call_before(text: str) -> bool:
    return "联系" in text and _VISITED_LAST_BEFORE.search(text) is not None


def _may_follow_role_before(text: str) -> bool:
    """``person_name.may_follow_role`` as it was, with ``_may_call_before``."""
    if any(word in text for word in name_patterns.CHILD_PLACES):
        return True
    start = name_patterns._ROLE_FROM.search(text)
    if start is None:
        return (
            name_prose.may_care(text)
            or _may_call_before(text)
            or name_heads.may_contain(text)
            or name_captions.may_contain(text)
        )
    at = max(0, start.start() - 1)
    return (
        name_patterns._ROLE_HINT_RE.search(text, at) is not None
        or name_patterns._ROLE_BRACKETED_RE.search(text, at) is not None
        or name_prose.may_contain(text, at)
        or name_prose.may_care(text)
        or _may_call_before(text)
        or name_heads.may_contain(text)
        or name_captions.may_contain(text)
    )


# 联系 and 联系了 before a surname's character (a compound surname's first too) and before what
# opens none (电话, 人, 方式), a visit's words, what ends a call's name, and the characters beside.
_CALL_PIECES = [
    "联系",
    "联系了",
    "了",
    "联",
    "系",
    "张",
    "欧",
    "欧阳",
    "伟",
    "李娜",
    "王秀英",
    "电话",
    "人",
    "方式",
    "13800000000",
    "看望",
    "走访",
    "慰问",
    "帮扶",
    "回访",
    "探望",
    "未果",
    "无人接听",
    "不在家",
    "并",
    "成功",
    "网格员",
    "监护",
    "长女",
    "长",
    "次",
    "次子",
    "子",
    "其",
    "（",
    "系",
    "档案",
    "，",
    "。",
    " ",
    "a",
]


def test_call_gate_answers_as_the_search() -> None:
    """``name_prose.may_call`` tests the character after each 联系 (or 联系了) against
    ``CALL_FIRST`` before its search: the call's answers of the whole pattern's search, and
    ``may_follow_role``'s answers as before (a visit's name is hinted by ``PROSE_HINT_RE``)."""
    assert "了" not in name_patterns.CALL_FIRST  # 联系了 reads the character after 了
    called = re.compile(_VISITED_LAST_BEFORE.pattern.replace(f"{name_patterns.VISITS}|", "", 1))
    r = random.Random(2030)
    calls = roles = 0
    for text in random_texts(r, _CALL_PIECES, 40_000, 10):
        expected = "联系" in text and called.search(text) is not None
        calls += expected
        assert name_prose.may_call(text) == expected, text
        role = _may_follow_role_before(text)
        roles += role
        assert person_name.may_follow_role(text) == role, text
    assert 800 < calls < 3_000  # the texts reach a call's name, not only the gate
    assert 15_000 < roles < 30_000


# Every character of _ROLE_FROM's class and the code points on either side of it, the table's
# ends, digits, Latin letters and CJK that opens none.
_ROLE_FROM_PIECES = sorted(
    {
        *(chr(ord(char) + step) for char in name_patterns.ROLE_FROM_CHARS for step in (-1, 0, 1)),
        *(chr(ord(char) + step) for char in name_patterns._OPEN.replace("\\", "") for step in (-1, 0, 1)),
        *"\u4dff\u4e00\u9fff\ua000",
        "张伟",
        "联系电话",
        "139",
        " ",
        "a",
    }
)


def test_role_from_walked_equals_the_class_search() -> None:
    """``person_name.role_from`` finds the first of ``_ROLE_FROM``'s characters by a walk over the
    code points (a table for the ideographs, the brackets by code point): ``re``'s answers."""
    assert {ord(char) for char in name_patterns._OPEN.replace("\\", "")} == {0x28, 0x5B, 0x3010, 0x3014, 0xFF08}
    r = random.Random(2031)
    found = 0
    for text in random_texts(r, _ROLE_FROM_PIECES, 40_000, 8):
        match = name_patterns._ROLE_FROM.search(text)
        found += match is not None
        assert person_name.role_from(text) == (-1 if match is None else match.start()), text
    assert 5_000 < found < 38_000


_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# A dotted name's pattern as it was, its first run greedy (name_patterns._DOTTED).
_DOTTED_BEFORE = rf"[{_CJK}]{{1,10}}(?:[{name_patterns.DOTS}][{_CJK}]{{1,10}})+"
_FREE_BEFORE = re.compile(
    rf"(?:{name_patterns._CTX}){name_patterns._LABEL_TAIL}(?:(?:{name_patterns._CTX}){name_patterns._LABEL_TAIL})*"
    rf"({_DOTTED_BEFORE}|{name_patterns._SPACED}|[{_CJK}]{{2,4}})"
)
_PROFILE_NAME_BEFORE = re.compile(
    rf"(?<![{_CJK}{name_patterns.DOTS}])({_DOTTED_BEFORE}|[{_CJK}]{{2,4}})"
    rf"[{name_patterns._SEPARATORS}]*[（(]?{name_patterns._PROFILE_RE.pattern}"
)
# Labels, names of every length, the dots, spaces, a record line's gender and age, what ends a run.
_DOTTED_PIECES = [
    *name_patterns.DOTS,
    "姓名：",
    "户主",
    "申请人",
    "联系人（其子）",
    "张",
    "伟",
    "阿依古丽",
    "买买提",
    "扎西多吉次仁",
    "欧阳",
    " ",
    "\t",
    "，",
    "男",
    "女",
    "45岁",
    "男45岁",
    "·买买提",
    "艾力·买买提，男，",
    "汉族",
    "1",
    "a",
]


def test_dotted_names_possessive_answer_as_before() -> None:
    """A dotted name's first run is possessive (``name_patterns._DOTTED``): the same matches and
    groups of ``_FREE_RE``, ``_DOTTED_RE`` and ``_PROFILE_NAME_RE`` as with the greedy run."""
    r = random.Random(2032)
    dotted = profiles = 0
    for text in random_texts(r, _DOTTED_PIECES, 30_000, 12):
        expected = [(m.span(), m.span(1)) for m in _FREE_BEFORE.finditer(text)]
        assert [(m.span(), m.span(1)) for m in name_patterns._FREE_RE.finditer(text)] == expected, text
        whole = re.fullmatch(_DOTTED_BEFORE, text) is not None
        dotted += whole
        assert (name_patterns._DOTTED_RE.fullmatch(text) is not None) == whole, text
        profile = [(m.span(), m.span(1)) for m in _PROFILE_NAME_BEFORE.finditer(text)]
        profiles += any(char in text[start:end] for _, (start, end) in profile for char in name_patterns.DOTS)
        assert [(m.span(), m.span(1)) for m in name_patterns._PROFILE_NAME_RE.finditer(text)] == profile, text
    assert dotted > 200  # dotted names whole, not only their look-alikes
    assert profiles > 300  # and before a record line's gender
