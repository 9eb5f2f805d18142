"""A relative's name glued to the relation, the two a whole run: 户主张伟，妻子李娜，儿子张强 (a visit's
household written out), 女婿王强。; or a space or two apart, as members are listed in text (妻子 温桂香，
长子 马小军). A relation before a colon is a label (name_runs: 妻子：李娜), one glued to a name is
read before what the relative does (name_heads: 妻子李娜务农), and 配偶, 长子 or 其妻 glued to a name
were read (name_runs); a run of 妻子, 儿子, 父亲… and the name alone was not.

The evidence is the relation (``name_patterns.KIN_GLUED``) opening a CJK run and the rest of the run
a name whole as at a run's head (``name_heads._head_name``: a listed surname, no place, household,
group, pseudonym or prose word): 妻子在家, 儿子张家, 女儿王某, 父亲高龄, 母亲去世 stay.

Its pre-check (:func:`may_contain`) is one search of ``name_patterns.KIN_HINT``, which RE2 reads
too: a relation, two to four CJK characters and the run's end.
"""

from __future__ import annotations

import re
from typing import Final

from .name_heads import OPENERS, _head_name
from .name_patterns import KIN_GLUED, KIN_HINT
from .name_tests import cjk_at
from .name_words import ADVERB_ENDS

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_HINT_RE: Final = re.compile(KIN_HINT)
# What may end the run after a name, before a date or a place in digits (女儿李娜于2020年, 儿子张强在3组),
# or before what was said (长子张伟说：…, 女儿李娜称: 张伟说 was masked, one character too many).
_AFTER_NAME: Final = frozenset("于在说称")
# The relation and the name, a whole run (the character before the relation is checked apart).
_KIN_RE: Final = re.compile(f"(?:{'|'.join(KIN_GLUED)})[ \t]{{0,2}}([{_CJK}]{{2,4}})(?![{_CJK}])")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a relation glued to a name, the two a whole run (``KIN_HINT``)?"""
    return _HINT_RE.search(text) is not None


def _opened(text: str, start: int) -> bool:
    """Does what opens a clause (``name_heads.OPENERS``) open the run before ``start``?"""
    return text[start - 2 : start] in OPENERS and not (start > 2 and cjk_at(text, start - 3))


def kin_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names glued after a relation that opens a whole run: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _KIN_RE.finditer(text):
        start = match.start()
        # 户主之妻子李娜: the run opens before the relation; unless with what opens a clause (其中妻子李娜,
        # 另有儿子张强)
        if start > 0 and cjk_at(text, start - 1) and not _opened(text, start):
            continue
        run, end = match.group(1), match.end(1)
        if run[-1] in _AFTER_NAME and _head_name(run[:-1]):
            end -= 1  # 女儿李娜于2020年出嫁: 于 before the date is no part of the name
        elif not _head_name(run):
            continue
        if text[end - 1] in ADVERB_ENDS:
            continue  # 儿子高兴地说: an adverb, no name
        found.append((match.start(1), end, 0.85, "run+relation-glued"))
    return found
