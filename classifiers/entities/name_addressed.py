"""A name a text addresses with no label: a letter's or a notice's salutation (致张伟：, 尊敬的李娜：,
亲爱的李娜用户),
a text message's greeting (张伟，您好！), a system's welcome (欢迎您，张伟), the addressee before what a
notice or a message tells them (刘洋：\n你于…提出, 短信内容：张伟，您的申请已受理) and a mention in a chat
or a work order's remark (@张伟 请核实, @李娜). The name went out in clear.

What is addressed is a group or an office as often (致全体居民：, 尊敬的用户：, @民政局, @所有人), and 致
ends words of prose (因病致贫, 导致): the name must be the whole CJK run after the word (the run ends
at a colon, a comma, a space or the text's end), 致 must open its run, and the run must be a name
as a list's item is (``name_lists._name``: a listed surname, no place, household, pseudonym or
prose word), no label, relation or role, and no surname with an address (尊敬的王先生：, 致张大爷:
the file names no one further); before a greeting, the name opens its run (大家好, 老师您好). The pre-checks: ``name_patterns.PROSE_HINT_RE`` for the salutations and greetings,
``name_patterns._CONTEXT_PATTERN`` for a mention.
"""

from __future__ import annotations

import re

from .name_lists import whole_run_name
from .name_patterns import ADDRESSED_YOU

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
# What a message calls its reader after the name (尊敬的李娜用户, 亲爱的刘思琪同学, 尊敬的张伟家长).
_READERS = ("用户", "同学", "家长", "会员", "居民")

# The salutation or the mention, and the whole CJK run after it, or the run before what a system's
# message calls its reader (尊敬的李娜用户, 亲爱的刘思琪同学: 尊敬的用户 is none).
_ADDRESSED_RE = re.compile(
    rf"(?:(?<![{_CJK}])致|尊敬的|亲爱的|@)([{_CJK}]{{2,4}}?)(?:{'|'.join(_READERS)})?(?![{_CJK}])"
)
# A greeting after the name, as a notice's text message opens (张伟，您好！您的申请已受理, 李娜你好):
# the whole CJK run before it.
_GREETED_RE = re.compile(rf"(?<![{_CJK}])([{_CJK}]{{2,4}})[ ,:]?(?:您好|你好)")
# A greeting before the name, as a reply or a system's page opens (您好，张伟, 欢迎您，张伟: full-width
# commas are ASCII once folded).
_GREETING_FIRST_RE = re.compile(rf"(?:您好|你好|欢迎您)[ ,!]*([{_CJK}]{{2,4}})(?![{_CJK}])")
# A letter's closing and the name signed under it (此致 张伟, 此致敬礼 李娜, 此致\n敬礼！\n王秀英): the
# whole CJK run after it (full-width marks are ASCII once folded).
_CLOSING_RE = re.compile(rf"此致[ \t\r\n]*(?:敬礼[!。.]?)?[ \t\r\n,]*([{_CJK}]{{2,4}})(?![{_CJK}])")
# A decision's notice or a text message, addressed to whom it is for: the whole CJK run, opening a
# line or after a colon, then a colon or a comma and what the notice tells them (刘洋：\n你于2024年3月
# 提出的低保申请, 李娜：您的申请已受理, 短信内容：张伟，您的申请已受理; full-width marks are ASCII once
# folded).
_SALUTED_RE = re.compile(rf"(?:^|[\n\r:])[ \t]*([{_CJK}]{{2,4}})[ \t]*[:,][ \t\r\n]*{ADDRESSED_YOU}")
# What follows a surname as an address, no given name (王先生, 李女士, 张大爷, 王老师).
_ADDRESS_ENDS = ("先生", "女士", "老师", "大爷", "大妈", "阿姨", "师傅", "同志", "老人", "同学")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a salutation, a greeting or a mention? Substring tests."""
    return (
        "致" in text
        or "尊敬的" in text
        or "亲爱的" in text
        or "@" in text
        or "好" in text
        or "你" in text
        or "您" in text
    )


def addressed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names after a salutation or a mention (``_ADDRESSED_RE``), before or after a greeting
    (``_GREETED_RE``, ``_GREETING_FIRST_RE``), under a letter's closing (``_CLOSING_RE``) or opening a
    decision's notice (``_SALUTED_RE``), each its whole run."""
    found: list[tuple[int, int, float, str]] = []
    for pattern in (_ADDRESSED_RE, _GREETED_RE, _GREETING_FIRST_RE, _CLOSING_RE, _SALUTED_RE):
        for match in pattern.finditer(text):
            if _addressed_name(match.group(1)):
                found.append((match.start(1), match.end(1), 0.85, "surname+addressed"))
    return found


def _addressed_name(word: str) -> bool:
    """Is ``word``, addressed, a name and no label, relation, role or surname with an address?"""
    return whole_run_name(word) and not word.endswith(_ADDRESS_ENDS)
