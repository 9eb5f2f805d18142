"""A name a text addresses with no label: a letter's or a notice's salutation (致张伟：, 尊敬的李娜：)
and a mention in a chat or a work order's remark (@张伟 请核实, @李娜). The name went
out in clear.

What is addressed is a group or an office as often (致全体居民：, 尊敬的用户：, @民政局, @所有人), and 致
ends words of prose (因病致贫, 导致): the name must be the whole CJK run after the word (the run ends
at a colon, a comma, a space or the text's end), 致 must open its run, and the run must be a name
as a list's item is (``name_lists._name``: a listed surname, no place, household, pseudonym or
prose word), no label, relation or role, and no surname with an address (尊敬的王先生：, 致张大爷:
the file names no one further). The pre-checks: ``name_patterns.PROSE_HINT_RE`` for the salutations,
``name_patterns._CONTEXT_PATTERN`` for a mention.
"""

from __future__ import annotations

import re

from .name_lists import _name
from .name_patterns import CONTEXT
from .name_words import RELATIONS, ROLES

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"

# The salutation or the mention, and the whole CJK run after it.
_ADDRESSED_RE = re.compile(rf"(?:(?<![{_CJK}])致|尊敬的|@)([{_CJK}]{{2,4}})(?![{_CJK}])")
# What follows a surname as an address, no given name (王先生, 李女士, 张大爷, 王老师).
_ADDRESS_ENDS = ("先生", "女士", "老师", "大爷", "大妈", "阿姨", "师傅", "同志", "老人")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a salutation or a mention? Substring tests."""
    return "致" in text or "尊敬的" in text or "@" in text


def addressed_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names after a salutation or a mention (``_ADDRESSED_RE``), each its whole run."""
    found: list[tuple[int, int, float, str]] = []
    for match in _ADDRESSED_RE.finditer(text):
        word = match.group(1)
        if (
            _name(word)
            and word not in CONTEXT
            and word not in RELATIONS
            and word not in ROLES
            and not word.endswith(_ADDRESS_ENDS)
        ):
            found.append((match.start(1), match.end(1), 0.85, "surname+addressed"))
    return found
