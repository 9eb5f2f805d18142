"""Speed round twenty-eight: the English names' pattern searched only from a space before an
ideograph, and a role's name in brackets searched as a pattern of its own. Each faster form
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

from classifiers.entities import name_english, name_patterns
from support.inspected import ROLES, kept_in_both, leaks, out
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
        (name_patterns, "_ROLE_BRACKETED_RE"),  # may_follow_role's name in brackets
        (name_patterns, "_ROLE_HINT_RE"),  # may_follow_role's roles and relations
    ],
)
def test_searched_from_its_first_characters(module: ModuleType, name: str) -> None:
    assert _info_flags(getattr(module, name)) & _SKIPS, name


def test_each_role_pattern_holds_one_cjk_class_at_most() -> None:
    """``re.compile`` fills a table of 65,536 entries in Python for each CJK class a pattern holds:
    the brackets' alternative written out by bracket held five and cost 57.6 M instructions at
    import."""
    for name in ("_ROLE_HINT_RE", "_ROLE_BRACKETED_RE"):
        pattern: re.Pattern[str] | None = getattr(name_patterns, name, None)
        assert pattern is not None, name
        assert pattern.pattern.count(name_patterns._CJK) <= 1, name


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


# A role's or relation's characters, 之 and 其, 长 and 次, every opening and closing bracket around
# names of one to five characters, and what else stands.
_ROLE_PIECES = sorted(
    {
        *"男女方逝死者当事受助赡养抚扶代委托表人特困保户残疾对象孤儿童老之其妻夫子父母长次配孙侄群众村民居患丈亲",
        *name_patterns._OPEN.replace("\\", ""),
        *name_patterns._CLOSE.replace("\\", ""),
        "张",
        "张伟",
        "王秀英",
        "阿依古丽买",
        "委托人（李娜）",
        "【李娜】",
        "[王秀英]",
        "〔张伟〕",
        "(李娜)",
        "1",
        " ",
        "a",
    }
)


def test_roles_and_brackets_apart_answer_as_the_core() -> None:
    """``_ROLE_HINT_RE`` or ``_ROLE_BRACKETED_RE`` finds a match where ``_ROLE_HINT_CORE``, RE2's
    form, does, from every place ``may_follow_role`` starts a search."""
    before = re.compile(name_patterns._ROLE_HINT_CORE)
    r = random.Random(2802)
    found = 0
    for text in random_texts(r, _ROLE_PIECES, 100_000, 8):
        at = r.randint(0, len(text))
        expected = before.search(text, at) is not None
        found += expected
        got = (
            name_patterns._ROLE_HINT_RE.search(text, at) is not None
            or name_patterns._ROLE_BRACKETED_RE.search(text, at) is not None
        )
        assert got == expected, (text, at)
    assert 5_000 < found < 95_000


# The names behind the changed gates, masked for both profiles, and look-alikes in clear.
_LEAKS = [
    ("Person 张伟 not found", "张伟"),
    ("his mother 王秀英 lives with him", "王秀英"),
    ("UserNotFoundException: 李娜", "李娜"),
    ("GRANDDAUGHTER.: 李娜 visited", "李娜"),
    ("委托人（李娜）代为办理。", "李娜"),
    ("受助对象【王秀英】已入户核查。", "王秀英"),
]
_IN_CLEAR = [
    ("Category 低保 not found", "低保"),
    ("order for 周报 sent on 2024-03-15, amount 4464.87", "周报"),
    ("Region 汉滨区 not found, order 1391234567", "1391234567"),
    ("委托书（原件）已收，金额4464.87元。", "原件"),
    ("特困人员（2024年）名单", "2024年"),
]


@pytest.mark.parametrize(("text", "name"), _LEAKS)
def test_names_behind_the_gates_are_masked(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(("text", "kept"), _IN_CLEAR)
def test_look_alikes_stay_in_clear(text: str, kept: str) -> None:
    kept_in_both(text, kept)


@pytest.mark.parametrize(("text", "name"), [*_LEAKS[:4], ("Person 张伟 not found", "张伟")])
def test_a_column_opening_with_an_empty_value_is_searched(text: str, name: str) -> None:
    """A column of records whose first value is empty is joined with a NUL first, as the demo
    document's are: the name in a later value is found."""
    body = json.dumps([{"bz": ""}, {"bz": "无"}, {"bz": text}, {"bz": "2024-03-15"}], ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        assert name not in masked, (role, masked)
        assert "2024-03-15" in masked, (role, masked)
