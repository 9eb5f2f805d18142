"""A name that a mark sets apart, with no label before it: in quotes at a run's head before what
the remark says of the person (“张伟”来访, “王秀英”已故) or after a preposition before what the
person said or did (据“张伟”反映, 由“李娜”代领); a remark that is a bracketed name alone (（张伟）,
a signature's line typed in) or a name after 及 alone (及王秀英, a list's last item cut off); a dotted name alone or after a visit's word (阿依古丽·买买提,
走访阿依古丽·买买提); a name at a run's head before its votes in brackets (民主评议：张伟（同意7票）). After a label each was read (申请人“张伟”, 户主：阿依古丽·买买提); here the
mark parts the name from its word, and ``name_heads`` reads a run glued to its word only.

A quoted or bracketed name must be one as at a run's head (``name_heads._head_name``: a listed
surname, no prose word, label, place or one of its look-alikes), and a quoted one stand before one
of ``name_heads``' words (``HEAD_WORDS``, ``HEAD_PROSE``; ``HEAD_SAID`` after a preposition): quotes
hold slogans and terms as often (“三无”老人, “一户一档”管理). A dotted name needs a part of
transliterating characters (阿依古丽, 买买提), no group's word and no place: the dot parts slogans and
places as often (中国·安康, 汉中·城固, 幸福·家园). Its pre-check is :func:`may_contain` (RE2's
column pattern reads ``name_patterns.MARKED_HINT``).
"""

from __future__ import annotations

import re
from typing import Final

from . import address
from .name_heads import _BETWEEN, _COUNT_RE, _FORM_AFTER, _SAID, _WORD, _head_name, _prose_at, _word_at
from .name_patterns import (
    AFTER_AND,
    DOTS,
    HEAD_PREPOSITIONS,
    HEAD_SAID,
    HEAD_WORDS,
    MARKED_RE,
    VISIT_COLON,
    VISITS,
    VOTES,
)
from .name_tests import is_transliterated
from .name_words import GROUP_WORDS

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# The whole remark a bracketed name (（张伟）): brackets about two to four CJK characters; or a name
# after 及, a list's last item cut from the rest (及王秀英: 及时, 及以上, 及家属 are no names).
_BRACKETED_RE = re.compile(f"[ \t]*(?:[（(]([{_CJK}]{{2,4}})[）)]|及([{_CJK}]{{2,4}}))[ \t]*")
# Words in brackets alone that pass for a name: a form's sample, regions of old (（范例）, （江南）).
_NOT_BRACKETED = frozenset(("范例", "样例", "江南", "华夏", "洪山"))
# A dotted name as a whole run, or after a visit's word (走访阿依古丽·买买提).
_DOTTED_RE = re.compile(
    f"(?:{VISITS}{VISIT_COLON}|^|(?<=[^{_CJK}]))([{_CJK}]{{2,6}}(?:[{DOTS}][{_CJK}]{{2,6}})+)(?![{_CJK}{DOTS}])"
)
_DOTS_RE = re.compile(f"[{DOTS}]")
# A dot between two CJK characters: MARKED_HINT's, which the pre-check answers as RE2 does (a run
# of seven before the dot, 一二三四五六七·男女, is no dotted name, and RE2's hint is still read).
_DOT_HINT_RE = re.compile(f"[{_CJK}][{DOTS}][{_CJK}]")
# A name, the whole run, before its votes in brackets (张伟（同意7票）).
_VOTED_RE = re.compile(f"(?:^|(?<=[^{_CJK}]))([{_CJK}]{{2,4}}){VOTES}")
# What a region's short name is read with (阿克苏 of 阿克苏地区, 新疆 of 新疆维吾尔自治区).
_PLACE_ENDS = ("", "市", "地区", "自治区")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a quoted name before a word, a dotted name or a name before its votes,
    or be a bracketed name or one after 及 alone? Substring tests first: few values hold a closing
    quote, a dot or 票, end with a bracket or open with 及."""
    return (
        (("”" in text or "」" in text or "』" in text or '"' in text) and MARKED_RE.search(text) is not None)
        or (_may_be_alone(text) and _BRACKETED_RE.fullmatch(text) is not None)
        or (("·" in text or "•" in text or "・" in text) and _DOT_HINT_RE.search(text) is not None)
        or ("票" in text and _VOTED_RE.search(text) is not None)
    )


# A bracketed name's remark ends with ）, ), a space or a tab; one after 及 holds it in its first three.
_CLOSE_FULL: Final = 0xFF09  # ）
_CLOSE: Final = 0x29  # )
_AND: Final = 0x53CA  # 及


def _may_be_alone(text: str) -> bool:
    """``text[-1:] in "）) \t" or "及" in text[:3]``, by code point (False for an empty text, which
    ``_BRACKETED_RE`` never matches): the two slices made strings, ~200 instructions each, and
    may_contain is asked of every remark (names round twenty: ~5,500 an inspection of the corpus
    document)."""
    n = len(text)
    if n == 0:
        return False
    last = ord(text[n - 1])
    if last in (_CLOSE_FULL, _CLOSE, 0x20, 0x09):  # a tuple of literals: mypyc compares each
        return True
    return ord(text[0]) == _AND or (n > 1 and ord(text[1]) == _AND) or (n > 2 and ord(text[2]) == _AND)


def marked_names(text: str) -> list[tuple[int, int, float, str]]:
    """The quoted names before one of ``name_heads``' words, the bracketed name alone, the dotted
    names alone or after a visit's word, and the names before their votes."""
    found: list[tuple[int, int, float, str]] = []
    alone = _BRACKETED_RE.fullmatch(text)
    if alone is not None:
        group = 1 if alone.group(1) is not None else 2  # （张伟）, or 及王秀英
        name = alone.group(group)
        if name not in _NOT_BRACKETED and not (group == 2 and name[0] in AFTER_AND) and _head_name(name):
            found.append((alone.start(group), alone.end(group), 0.85, "surname+brackets"))
    for match in MARKED_RE.finditer(text):
        opened = match.group(1) in HEAD_PREPOSITIONS  # 据“张伟”反映
        if _said_at(text, match.end(), opened) and _head_name(match.group(2)):
            found.append((match.start(2), match.end(2), 0.85, "surname+quotes"))
    if "·" in text or "•" in text or "・" in text:
        for match in _DOTTED_RE.finditer(text):
            if _dotted_name(match.group(1)):
                found.append((match.start(1), match.end(1), 0.85, "dotted+marks"))
    if "票" in text:
        for match in _VOTED_RE.finditer(text):
            if _head_name(match.group(1)):
                found.append((match.start(1), match.end(1), 0.85, "surname+votes"))
    return found


def _said_at(text: str, at: int, opened: bool) -> bool:
    """Does one of ``name_heads``' words stand at ``at``, after a quoted name (已, 现 or 均 maybe
    between: “王秀英”已故)? ``HEAD_SAID`` only after a preposition (据“张伟”反映)."""
    if at >= len(text):
        return False
    if text.startswith("已故", at):
        return True
    if text[at] in _BETWEEN and at + 1 < len(text) and _prose_at(text, at + 1):
        return True  # “张伟”已外出
    if text.startswith("申请", at) and text[at + 2 : at + 3] in _FORM_AFTER:
        return False  # “张伟”申请表: a form
    if text[at] == "等":
        return _COUNT_RE.match(text, at + 1) is not None  # “张伟”等3户
    return (
        _prose_at(text, at)
        or _word_at(text, at, HEAD_WORDS, _WORD)
        or (opened and _word_at(text, at, HEAD_SAID, _SAID))
    )


def _dotted_name(name: str) -> bool:
    """Is ``name``, CJK runs parted by dots, a minority-language name: a part of transliterating
    characters, none a group's word or a place (新疆·阿克苏)?"""
    parts = _DOTS_RE.split(name)
    return any(is_transliterated(part) for part in parts) and not any(
        part in GROUP_WORDS or any(address.is_place_name(part + end) for end in _PLACE_ENDS) for part in parts
    )
