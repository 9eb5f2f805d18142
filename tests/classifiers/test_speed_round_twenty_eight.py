"""Speed round twenty-eight: the English names' pattern searched only from a space before an
ideograph. Each faster form
answers as the one it replaced, compared on seeded random texts; the names the gates let
through are still found, their look-alikes left in clear."""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
from types import ModuleType

import pytest

from classifiers.entities import name_english
from support.inspected import ROLES, as_bodies, out
from support.random_texts import random_texts

# SRE_INFO_PREFIX and SRE_INFO_CHARSET (as in test_speed_round_twenty_seven.py): the compiled
# pattern's INFO block says whether the search skips in C to where a match can begin.
_SKIPS = 0b1 | 0b100


def _info_flags(pattern: re.Pattern[str]) -> int:
    """The flags of ``pattern``'s INFO block, as ``re.DEBUG`` prints them."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        re.compile(pattern.pattern, pattern.flags | re.DEBUG)
    info = next(line for line in printed.getvalue().splitlines() if line.split()[1:2] == ["INFO"])
    return int(info.split()[3], 2)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (name_english, "_SPACE_CJK_RE"),  # the space before an English sentence's name
    ],
)
def test_searched_from_its_first_characters(module: ModuleType, name: str) -> None:
    assert _info_flags(getattr(module, name)) & _SKIPS, name


def _english_may_contain_before(text: str) -> bool:
    """``name_english.may_contain`` as it was: the pattern searched over the whole text."""
    first = text[:1]
    return (
        first != ""
        and first < "\x80"
        and not ("0" <= first <= "9")
        and not text.isascii()
        and name_english._NAME_RE.search(text) is not None
    )


# Every word in three cases, the exceptions' tail, a full stop, a colon and a comma, spaces, the
# ideographs of a name and of one too long, a NUL (the columns' separator), digits, letters that
# glue to a word (Xperson: no boundary), a space glued before a name. The words are many: the rest is listed again so that a
# word is drawn about as often as a space, and ten times as often as each of the rest.
_WORD_PIECES = sorted(
    {
        *name_english._WORDS,
        *(word.upper() for word in name_english._WORDS),
        *(word.title() for word in name_english._WORDS),
    }
)
_OTHER_PIECES = [
    "Exception:",
    "NotFoundException:",
    "xException",
    ".",
    ":",
    ",",
    "  ",
    "张",
    "张伟",
    "王秀英",
    "欧阳娜娜伟",
    " 张伟",
    " 王秀英",
    ": 李娜",
    ". 欧阳娜娜伟",
    " 张",
    "\x00",
    "1",
    "x",
    "_",
    "not found",
    "，",
]
_ENGLISH_PIECES = [*_WORD_PIECES, *[" "] * len(_WORD_PIECES), *_OTHER_PIECES * (len(_WORD_PIECES) // 10)]


def test_english_names_from_a_space_answer_as_the_search() -> None:
    """``may_contain`` searches from ``_REACH`` characters before the first space before an
    ideograph: the answers of the pattern searched whole."""
    r = random.Random(2801)
    found = 0
    for text in random_texts(r, _ENGLISH_PIECES, 150_000, 8):
        expected = _english_may_contain_before(text)
        found += expected
        assert name_english.may_contain(text) == expected, text
    assert 2_000 < found < 100_000


def test_the_reach_covers_the_longest_word() -> None:
    """A match begins at most ``_REACH`` characters before its space: the longest word with its
    full stop and colon, and an exception's name."""
    longest = max(name_english._WORDS, key=len)
    for text in (f"{longest.upper()}.: 张伟", "xNotFoundException: 张伟", f"a {longest}.: 张伟"):
        assert name_english.may_contain(text), text


# The names behind the changed gates, masked for both profiles, and look-alikes in clear.
_LEAKS = [
    ("Person 张伟 not found", "张伟"),
    ("his mother 王秀英 lives with him", "王秀英"),
    ("UserNotFoundException: 李娜", "李娜"),
    ("GRANDDAUGHTER.: 李娜 visited", "李娜"),
]
_IN_CLEAR = [
    ("Category 低保 not found", "低保"),
    ("order for 周报 sent on 2024-03-15, amount 4464.87", "周报"),
    ("Region 汉滨区 not found, order 1391234567", "1391234567"),
]


@pytest.mark.parametrize(("text", "name"), _LEAKS)
def test_names_behind_the_gates_are_masked(text: str, name: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            assert name not in out(body, media_type, role), (role, media_type, text)


@pytest.mark.parametrize(("text", "kept"), _IN_CLEAR)
def test_look_alikes_stay_in_clear(text: str, kept: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            assert kept in out(body, media_type, role), (role, media_type, text)


@pytest.mark.parametrize(("text", "name"), [*_LEAKS[:4], ("Person 张伟 not found", "张伟")])
def test_a_column_opening_with_an_empty_value_is_searched(text: str, name: str) -> None:
    """A column of records whose first value is empty is joined with a NUL first, as the demo
    document's are: the name in a later value is found."""
    body = json.dumps([{"bz": ""}, {"bz": "无"}, {"bz": text}, {"bz": "2024-03-15"}], ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        assert name not in masked, (role, masked)
        assert "2024-03-15" in masked, (role, masked)
