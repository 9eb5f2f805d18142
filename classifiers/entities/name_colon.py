"""A name beside a colon with no label naming it (names round twenty-seven): a line's key before a
category of persons or a sex (吴敏：低保户, 张伟：特困人员, 王秀英：孤寡老人，独居, 张伟：男，80岁), and
the value after a benefit's or a service's label, alone before a comma (高龄津贴：王秀英，每月200元,
能力评估：王秀英，失能等级二级, 临时救助：李娜，1000元). A roster typed by hand and a visit's note write
them so; the context words' rules want a label before the name (户主：张伟), and here the label is
what the person is, or gets.

The name is a whole CJK run as at a run's head (``name_heads._head_name``: a listed surname, no
place, household, relation, role, group or prose word): 类别：低保户, 张家：低保户, 王家庄：低保户5户,
性别：男, 临时救助：已发放，, 高龄津贴：全部， stay. A key's run opens its line or clause; what
follows the colon is the CJK run that ends with a category (``PERSON_CATEGORIES``: 孤寡老人, 农村低保户),
or 男, 女, 男性, 女性 alone. A benefit's value is the whole run after the colon, and something other
than a CJK character (a comma, a digit, the text's end) follows it.

The pre-check (:func:`may_contain`) is a colon's substring test, then ``name_patterns.COLON_HINT``,
which RE2's column pattern reads too. ``find`` reads the folded text, whose colons are ASCII.
"""

from __future__ import annotations

import re
from typing import Final

from .name_heads import _head_name
from .name_patterns import BENEFIT_LABELS, COLON_HINT, PERSON_CATEGORIES
from .name_tests import after_spaces, before_spaces, cjk_end, cjk_start

_HINT_RE: Final = re.compile(COLON_HINT)
# The sexes a line's key goes before, as the whole run after the colon.
_SEXES: Final = frozenset(["男", "女", "男性", "女性"])
# How many characters may stand before a category in the run after a key's colon (孤寡老人, 农村低保户,
# 城市低保对象).
_BEFORE_CATEGORY: Final = 4
_BENEFITS: Final = frozenset(BENEFIT_LABELS)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name beside a colon (``COLON_HINT``)? Most texts hold no colon."""
    return (":" in text or "：" in text) and _HINT_RE.search(text) is not None


def colon_names(text: str) -> list[tuple[int, int, float, str]]:
    """The names that key a line before a category or a sex, and those after a benefit's label:
    (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    at = text.find(":")
    while at >= 0:
        key = _key(text, at)
        if key is not None:
            found.append((key[0], key[1], 0.85, "surname+colon-key"))
        else:
            value = _after_benefit(text, at)
            if value is not None:
                found.append((value[0], value[1], 0.85, "surname+colon-benefit"))
        at = text.find(":", at + 1)
    return found


def _key(text: str, colon: int) -> tuple[int, int] | None:
    """The span of the name before the colon at ``colon`` when the run after it is a category or a
    sex (吴敏：低保户, 张伟：男，80岁)."""
    end = before_spaces(text, colon)
    start = cjk_start(text, end)
    if not 2 <= end - start <= 4 or not _head_name(text[start:end]):
        return None
    after = after_spaces(text, colon + 1)
    value = text[after : cjk_end(text, after)]
    if value in _SEXES or (
        value.endswith(PERSON_CATEGORIES)  # one test in C first: most runs end with none
        and any(value.endswith(word) and len(value) - len(word) <= _BEFORE_CATEGORY for word in PERSON_CATEGORIES)
    ):
        return start, end
    return None


def _after_benefit(text: str, colon: int) -> tuple[int, int] | None:
    """The span of the name after the colon at ``colon`` when a benefit's or a service's label ends
    before it (高龄津贴：王秀英，每月200元): the whole run after the colon, nothing CJK after it."""
    if not text.endswith(BENEFIT_LABELS, 0, before_spaces(text, colon)):
        return None
    start = after_spaces(text, colon + 1)
    end = cjk_end(text, start)
    # (护理：全护理, 救助：高额救助: a kind of the benefit, its word last)
    if 2 <= end - start <= 4 and text[end - 2 : end] not in _BENEFITS and _head_name(text[start:end]):
        return start, end
    return None
