"""A name in the caption of a table or a form about one person or household (张伟家庭成员表,
李娜户家庭情况登记表, 王秀英低保申请表, 张伟户档案, 张伟户籍材料, 王秀英档案): a sheet's, a document's or a report's title names
whom it is about, with no label, and the name went out in clear.

A caption names a place or a group as often (汉滨区家庭成员表, 张家港低保申请表, 困难群众花名册), so
the name must be the whole CJK run before the caption's words (and 户 or 的 after it), and be
one as a list's item is (``name_lists._name``: a listed surname, no place, household, pseudonym or
prose word) and no label, relation or role. The pre-check is ``name_patterns.PROSE_HINT_RE`` (the
captions' last two characters, ``CAPTION_TAILS``, are among its hints), and :func:`may_contain` for
a person's papers (``PERSONAL_CAPTIONS``).
"""

from __future__ import annotations

import re
from typing import Final

from .name_lists import whole_run_name
from .name_patterns import FORM_CAPTIONS, HOUSEHOLD_CAPTIONS, PERSONAL_CAPTIONS
from .name_tests import cjk_start
from .name_words import GIVEN_CHARS

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"


def _words(text: str) -> list[str]:
    """The words of ``text``, split at spaces."""
    return text.split()


# A caption's words: a household's papers, after 户 or not (张伟家庭成员表, 张伟户家庭成员表), or a
# form's after 户 or 的 (张伟户档案, 李娜的申请表).
_CAPTION_RE = re.compile(
    rf"户?(?:{'|'.join(sorted((*HOUSEHOLD_CAPTIONS, *PERSONAL_CAPTIONS), key=len, reverse=True))})"
    rf"|[户的](?:{'|'.join(sorted(FORM_CAPTIONS, key=len, reverse=True))})"
)
# A form's word glued to the name with no 户 or 的 (王秀英档案, 欧阳娜娜申请表): of three characters
# or more, few names' look-alikes are words (_NOT_CAPTIONED lists them), and a place is no name
# (张家庄档案, 王府井申请表). Of two, the words of a name's shape a form's word follows make no closed
# list (项目, 文件, 季度, 金融, 许可, 林业, 房东 …), so the given name's character must be one that
# common given names are written with (name_words.GIVEN_CHARS: 张伟档案, 李娜申请书), and the run
# none of the words those make with a surname (_NOT_GLUED).
_GLUED_FORM_RE = re.compile(rf"(?<![户的])(?:{'|'.join(sorted(FORM_CAPTIONS, key=len, reverse=True))})")
# Words of a surname's shape before a caption that name no one (项目, 文件, 季度 …).
# And of three before a form's word glued (高血压档案, 房地产档案, 许可证申请表).
_NOT_CAPTIONED = frozenset(
    [
        *("项目", "文书", "文件", "季度", "周转", "单元", "史料", "金融", "石油", "周报"),
        *("高血压", "房地产", "党组织", "房产证", "林权证", "许可证", "金融业", "安居房", "穆斯林", "童养媳"),
    ]
)


# Words and places of a surname and one of GIVEN_CHARS (by a dictionary's words of two characters that
# are no one's name, tagged so; those a form's word might follow).
_NOT_GLUED = frozenset(
    _words(
        "文明 高峰 高明 高超 高亮 高强 冷静 平静 文静 宁静 严明 申明 全军 单晶 季军 文华 万华 华龙 金华 江华 龙华"
        " 宁波 米兰 苏丹 罗兰 安宁 江波 苏波 吉兰 康健 华丽 包涵"
    )
)


def _pairs(words: tuple[str, ...]) -> tuple[str, ...]:
    """Pairs of characters, each inside one or more of ``words``, that together reach every word: the
    pair that most words left hold first (the first in sorted order of those as many hold)."""
    pairs: list[str] = []
    left = set(words)
    while left:
        held = sorted({word[at : at + 2] for word in left for at in range(len(word) - 1)})
        pair = max(held, key=lambda candidate: sum(candidate in word for word in left))
        pairs.append(pair)
        left = {word for word in left if pair not in word}
    return tuple(pairs)


# A text that holds a caption holds one of these (个人, 户籍, 况说: three substring tests, where the six
# words took six in each value ``may_follow_role`` asked). Made from the tuple, so a word the names
# rounds add is reached.
_PAIRS: Final = _pairs(PERSONAL_CAPTIONS)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a person's own papers (``PERSONAL_CAPTIONS``)? Substring tests, of
    ``_PAIRS`` first."""
    return any(pair in text for pair in _PAIRS) and any(word in text for word in PERSONAL_CAPTIONS)


def captioned_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names before a caption's words (``_CAPTION_RE``), each the whole CJK run before them."""
    found: list[tuple[int, int, float, str]] = []
    for match in _CAPTION_RE.finditer(text):
        end = match.start()
        start = cjk_start(text, end)
        word = text[start:end]
        if 2 <= len(word) <= 4 and whole_run_name(word, _NOT_CAPTIONED):
            found.append((start, end, 0.85, "surname+caption"))
    for match in _GLUED_FORM_RE.finditer(text):
        end = match.start()
        start = cjk_start(text, end)
        word = text[start:end]
        if not whole_run_name(word, _NOT_CAPTIONED) or len(word) > 4:
            continue
        if len(word) >= 3 or (word[1] in GIVEN_CHARS and word not in _NOT_GLUED):
            found.append((start, end, 0.85, "surname+caption"))
    return found
