"""A name written in two fields, its surname and its given name each after a label of its own:
姓：张 名：伟, 姓氏：欧阳 名字：娜娜 (forms that follow a foreign template, exports that keep the
two columns apart and print them on one line). Neither part is a name alone, so no other pass
reads them: 张 after 姓 is one character, 伟 after 名 no label of a name's.

The evidence is both labels in that order, the surname one of the dictionary's (``SURNAMES``,
``COMPOUND_SURNAMES``) and the given name one to three CJK characters, no placeholder or pseudonym
(姓：无 名：无, 姓：王 名：某, 名：不详 stay). The pre-check (:func:`may_contain`) is two substring
tests, 姓 and 名, then one search of ``name_patterns.SPLIT_HINT``, which RE2 reads too.
"""

from __future__ import annotations

import re
from typing import Final

from .name_patterns import SPLIT_HINT
from .name_words import COMPOUND_SURNAMES, PLACEHOLDERS, SURNAMES

_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff"
# The two fields, each part a group; what parts them: spaces, a comma, a semicolon, a bar, an &.
_SPLIT_RE: Final = re.compile(
    f"姓氏?[ \t]*[:=：][ \t]*([{_CJK}]{{1,2}})[ \t,;，；/|&]*名字?[ \t]*[:=：][ \t]*([{_CJK}]{{1,3}})(?![{_CJK}])"
)
# The pre-check's (name_patterns.SPLIT_HINT, which RE2 reads in precheck.MAYBE and MAYBE_PATTERN).
_HINT_RE: Final = re.compile(SPLIT_HINT)
# What stands where a given name is missing or withheld.
_NOT_GIVEN: Final = frozenset("某无空略")


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name in two fields (``SPLIT_HINT``)? Two substring tests first."""
    return "姓" in text and "名" in text and _HINT_RE.search(text) is not None


def split_names(text: str) -> list[tuple[int, int, float, str]]:
    """Each name written in two fields (姓：张 名：伟): (start, end, score, evidence), one span from
    the surname to the given name's end, the label between them with it: a mask that keeps a
    name's first character (张**) would show the given name's first, alone (伟**)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _SPLIT_RE.finditer(text):
        surname, given = match.group(1), match.group(2)
        if (
            (surname in SURNAMES or surname in COMPOUND_SURNAMES)
            and given[0] not in _NOT_GIVEN
            and given not in PLACEHOLDERS
            and surname + given not in PLACEHOLDERS
        ):
            found.append((match.start(1), match.end(2), 0.85, "surname+split"))
    return found
