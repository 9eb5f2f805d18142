"""A Chinese name in an English sentence, after a word that says a person: ``his mother 王秀英 lives
with him``, ``Person 张伟 not found``, ``user 李娜 already exists``, ``NotFoundException: 王秀英`` (an
error message, a log line, a remark an outsourced team writes in English). No other names pass
reads an English word as a name's context, and the scanner's pre-check let no such text through.

The evidence is the English word right before the name (a colon or a comma between at most) and
the name standing alone: two to four ideographs with no ideograph on either side, shaped as a
name and no place, unit, group or pseudonym (``name_tests.beside_number``): ``Category 低保``,
``Region 汉滨区`` and ``order for 周报`` (no word for a person) stay.

Only a text that opens with an ASCII character other than a digit (or with a log line's ISO date)
and holds a space before an ideograph is searched (``may_contain``): one comparison for the
Chinese texts, which open with an ideograph, a digit or a full-width sign, and a substring test
for a column of values.
"""

from __future__ import annotations

import re
from typing import Final

from .name_lists import whole_run_name
from .name_patterns import _CJK
from .name_tests import beside_number

# A letter's or a message's greeting (Dear 张伟, Hi 李娜, your application …): it addresses a
# teacher, a household or an office as often (Dear 王老师, Hi 张家), so the name after it must be one
# whole as a list's item is (name_lists.whole_run_name).
_GREETINGS: Final = ("dear", "hi", "hello")
# English words a person's name follows: a person's role in a case, a relative, a title, a
# visit, and an exception's name before its message's colon (UserNotFoundException: 张伟).
_WORDS: Final = (
    "person",
    "persons",
    "people",
    "user",
    "applicant",
    "resident",
    "citizen",
    "member",
    "customer",
    "client",
    "patient",
    "elder",
    "householder",
    "owner",
    "recipient",
    "beneficiary",
    "guardian",
    "contact",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "spouse",
    "brother",
    "sister",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "child",
    "mr",
    "mrs",
    "ms",
    "miss",
    "name",
    "named",
    "visited",
    "visiting",
    "called",
    *_GREETINGS,
)
_NAME_RE: Final = re.compile(rf"(?:\b(?i:{'|'.join(_WORDS)})\.?[:,]?|[A-Za-z]Exception:) ([{_CJK}]{{2,4}})(?![{_CJK}])")
# What every match holds: the space before the name and the name's first ideograph. Opened by a
# literal, which ``re`` skips to in C; _NAME_RE opens with a word boundary, which it tries at
# every position.
_SPACE_CJK_RE: Final = re.compile(f" [{_CJK}]")
# How far before that space a match may begin: the longest word, a full stop and a colon or a
# comma, or an exception's name's last letter and ``Exception:``.
_REACH: Final = max(max(map(len, _WORDS)) + 2, len("xException:"))


def may_contain(text: str) -> bool:
    """Could ``text`` hold a name in an English sentence? It opens with an ASCII character other
    than a digit, holds a character past ASCII (a name's) and a space before an ideograph, and
    the pattern finds one from there. The pattern opens with a word boundary, which ``re`` tries
    at every position: asked of every ASCII value of the demo document, it cost 4 % of an
    inspection, and searched whole over the columns that open with an empty value (a NUL),
    43,000 instructions of the demo document's inspection."""
    first = text[:1]
    if (
        first == ""
        or first >= "\x80"
        or ("0" <= first <= "9" and not _log_line(text))
        or text.isascii()
        or " " not in text
    ):
        return False
    space = _SPACE_CJK_RE.search(text)
    return space is not None and _NAME_RE.search(text, max(0, space.start() - _REACH)) is not None


def _log_line(text: str) -> bool:
    """Does ``text``, opening with a digit, open as a log line does, with an ISO date
    (``2024-01-01 ERROR user 张伟 not found``)? Two comparisons: a Chinese text that opens with a
    digit (an amount, a date written 2024年) has no dash at its fifth and eighth characters."""
    return text[4:5] == "-" and text[7:8] == "-"


def names(text: str) -> list[tuple[int, int, float, str]]:
    """The names after an English word that says a person: (start, end, score, evidence)."""
    found: list[tuple[int, int, float, str]] = []
    for match in _NAME_RE.finditer(text):
        word = text[match.start() : match.start(1) - 1].rstrip(".:,").lower()
        if beside_number(match.group(1)) and (word not in _GREETINGS or whole_run_name(match.group(1))):
            found.append((match.start(1), match.end(1), 0.85, "surname+english-context"))
    return found
