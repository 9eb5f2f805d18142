"""A name spaced out character by character with no label before it (张 伟, 王 秀 英 in a
caseworker's remark: 备注：王 秀 英 已领取, 经核实，张 伟 不在家). Rosters pad a two-character name
to a three's width, and a remark typed from one keeps the spaces; after a label the spaced name
was read (姓名：张 伟, ``name_patterns._SPACED``), alone it went out in clear.

Prose spaces out single characters only in a form's labels and headings (姓 名, 金 额：, 封 面,
通 知), so the characters, joined, must be a name whole at a run's head is (``name_heads``: a
listed surname, no prose word, label, place or one of its look-alikes), two or three of them (four
with a compound surname: 欧 阳 娜 娜), each alone, and no colon after them (a spaced label's), no surname and an honorific (王 先 生, as 王先生 stays). Its pre-check is :func:`may_contain` (``person_name.may_follow_role`` asks it;
RE2's column pattern reads ``name_patterns.SPACED_HINT``).
"""

from __future__ import annotations

import re

from .name_heads import _head_name
from .name_patterns import HONORIFICS
from .name_tests import cjk_at
from .name_words import COMPOUND_SURNAMES, SURNAMES

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"

# Single CJK characters parted by one or two spaces, each alone: none glued to a character before
# or after it (张 伟 不在家: 不 is glued to 在家, and ends the spaced characters before it).
_SPACED_RE = re.compile(f"(?<![{_CJK}])[{_CJK}](?: {{1,2}}[{_CJK}](?![{_CJK}]))+")
# What may open a spaced name: a surname, or a compound surname's first character (欧 阳 娜 娜).
_FIRSTS = frozenset(SURNAMES | {word[0] for word in COMPOUND_SURNAMES})
# Headings, notices and words spaced out that pass for a name (封 面 of a file, 严 禁, 平 安): none.
_NOT_SPACED = frozenset(("封面", "左右", "严禁", "房间", "包干", "文明", "平安", "金州"))
# A gender a roster writes after the name, spaced as its characters are (张 伟 男).
_GENDERS = frozenset("男女")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a spaced name: a surname alone before a space (no character glued before
    it), one or two spaces, then one character alone? From each space, by ``str.find`` (a
    ``memchr``): most remarks hold none, or none after a lone character."""
    at = text.find(" ")
    while at > 0:
        if text[at - 1] in _FIRSTS and (at == 1 or not cjk_at(text, at - 2)):
            after = at + 2 if text.startswith("  ", at) else at + 1
            if after < len(text) and cjk_at(text, after) and (after + 1 == len(text) or not cjk_at(text, after + 1)):
                return True
        at = text.find(" ", at + 1)
    return False


def spaced_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names spaced out character by character in ``text`` with no label before them."""
    found: list[tuple[int, int, float, str]] = []
    for match in _SPACED_RE.finditer(text):
        start, end = match.span()
        word = "".join(match.group().split())
        if word[-1] in _GENDERS and len(word) > 2:
            word = word[:-1]  # 王 秀 英 女: a roster's gender after the name, no part of it
            end = text.rindex(" ", start, end - 1)
            while text[end - 1] == " ":
                end -= 1
        compound = word[:2] in COMPOUND_SURNAMES
        if not 2 <= len(word) <= (4 if compound else 3) or (not compound and word[0] not in SURNAMES):
            continue
        if text[match.end() : match.end() + 3].lstrip(" ")[:1] in (":", "："):
            continue  # 金 额：, 封 面: a spaced label
        if word not in _NOT_SPACED and not word.endswith(HONORIFICS) and _head_name(word):
            found.append((start, end, 0.85, "surname+spaced"))
    return found
