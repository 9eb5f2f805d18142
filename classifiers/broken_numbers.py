"""Numbers broken by line ends (a narrow column, a form's text wrapped, a number typed one group
a line): the scanner's pass over a value with a line end (scanner.py).

The digit groups on either side of each line end are read as one chain (139\\n1234\\n5678,
610902\\r\\n19900101\\r\\n1235, 139 1234\\n5678), and the windows of consecutive groups that
cross a line end and hold a number's digits are tried: 18 that pass an ID number's checksum, or 11
of an allocated mobile segment written as a mobile is (3, 4, 4) or after a word for a phone. A
line end parts a table's cells far more often than it breaks a number: an ID number's checksum (and
its date and region) and a mobile's grouping or label are what tells the two apart; a column of
counts and amounts printed as text joins into neither (numbers round seventeen measured it).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from .entities import landline, mobile, resident_id
from .entities.base import VALIDATED_SCORE
from .matches import CONTEXT_WINDOW, DIGIT_RUN, Match
from .normalise import Folded

# Digit groups parted by spaces and hyphens, or by a line end with spaces about it (and a hyphen
# before it: 139-\r\n1234-5678), one line end at least among them; an ID number's check
# character after the last. A line end is U+2029 too, what markup writes for an HTML <br> or a
# block between an element's texts (markup_text: Value.break_line), and a <br> tag itself in a
# text that is no document ("备注：手机139<br>1234<br>5678" in a JSON string).
# A tab between two groups on a line is a break too (手机：139\t1234\t5678), read only after a word
# for the number on the same line (_number): between a table's cells it parts two numbers.
_CHAIN = re.compile(
    r"(?<![0-9])[0-9]+(?:(?:[ \t-]*(?:\r?\n|\u2029|<[Bb][Rr] ?/?>)[ \t]*| *\t[ \t]*|[ -])[0-9]+)+"
    r"(?:[Xx](?![0-9A-Za-z]))?(?![0-9])"
)
_SEPARATORS = " -"
_LINE_ENDS = "\n\u2029>"  # what ends a line in a break (the > of a <br> tag)
_AFTER_LABEL = " \t:：=为是"  # what may stand between a word for a number and the number
# For the pre-check (precheck.py: RE2 reads it too): digits on both sides of a <br> tag, which a
# number with six digits in a row or ten in groups would not otherwise be.
BR_HINT = "[0-9][ \t]*<[Bb][Rr] ?/?>[ \t]*[0-9]"
_BR: Final = re.compile(BR_HINT)


def may_hold_br(text: str) -> bool:
    """Digits about a <br> tag in ``text``?"""
    return "<" in text and _BR.search(text) is not None


# For the pre-check: digits about a tab, which a number in groups parted by tabs would not
# otherwise be (tabs group no number to the pre-check: fold_tables.LOOSE_SEPARATORS says why).
TAB_HINT = "[0-9] *\t[ \t]*[0-9]"
_TAB: Final = re.compile(TAB_HINT)


def may_hold_tab(text: str) -> bool:
    """Digits about a tab in ``text``?"""
    return "\t" in text and _TAB.search(text) is not None


def may_be_broken(text: str) -> bool:
    """Could ``text`` hold a number broken by a line end (a line feed, U+2029, a <br> tag) or
    by tabs?"""
    return "\n" in text or "\u2029" in text or "\t" in text or may_hold_br(text)


_MOBILE_GROUPS = [3, 4, 4]
_ID_LENGTH = 18
_MOBILE_LENGTH = 11


def broken_numbers(plain: Folded) -> list[Match]:
    """The ID numbers and mobiles in ``plain`` that line ends break into groups, and a landline
    after its label with its area code on the line before."""
    text = plain.text
    found: list[Match] = []
    for chain in _CHAIN.finditer(text):
        groups = [(m.start() + chain.start(), m.end() + chain.start()) for m in DIGIT_RUN.finditer(chain.group())]
        if not any(_broken(text, a[1], b[0]) for a, b in pairwise(groups)):
            continue  # spaces and hyphens alone: the scanner's joined pass and windows read them
        checked = text[chain.end() - 1] in "Xx"
        found += _in_groups(plain, groups, chain.end() if checked else -1)
    found += [
        Match(landline.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "label+broken")
        for start, end in landline.labelled_broken(text)
    ]
    return found


def _in_groups(plain: Folded, groups: list[tuple[int, int]], check_end: int) -> list[Match]:
    """The numbers of windows over ``groups`` (a chain's digit runs) that cross a line end, from
    the left, a window taken leaving the groups it holds (``check_end``: where the chain's check
    character ends, -1 without one). From one group an ID number wins over a mobile in its first
    eleven digits."""
    text = plain.text
    found: list[Match] = []
    i = 0
    while i < len(groups):
        best: tuple[Match, int] | None = None
        length = 0
        for j in range(i, len(groups)):
            length += groups[j][1] - groups[j][0]
            if length > _ID_LENGTH:
                break
            # A window of whole lines: it starts a line's groups and ends one ("139 1234\n5678 9012"
            # is 15 digits, no mobile in its first eleven).
            lines = (i == 0 or _broken(text, groups[i - 1][1], groups[i][0]) or _code_before(text, groups, i)) and (
                j + 1 == len(groups) or _broken(text, groups[j][1], groups[j + 1][0])
            )
            if j > i and lines and _broken(text, groups[i][1], groups[j][0]):
                hit = _number(plain, groups[i : j + 1], len(groups) == j + 1 - i, check_end)
                if hit is not None and (best is None or hit.entity == resident_id.ENTITY):
                    best = (hit, j + 1)
        if best is None:
            i += 1
            continue
        found.append(best[0])
        i = best[1]
    return found


def _broken(text: str, start: int, end: int) -> bool:
    """Is the gap ``text[start:end]`` between two of a chain's groups a line end (anything but
    spaces and hyphens)?"""
    return bool(text[start:end].strip(_SEPARATORS))


def _code_before(text: str, groups: list[tuple[int, int]], i: int) -> bool:
    """Is the group before the ``i``-th a country code written apart (+86 139 1234\n5678)?"""
    return i == 1 and text[groups[0][0] : groups[0][1]] in ("86", "0086")


def _one_line_end(text: str, window: list[tuple[int, int]]) -> bool:
    return sum(_broken(text, a[1], b[0]) for a, b in pairwise(window)) == 1


def _number(plain: Folded, window: list[tuple[int, int]], whole: bool, check_end: int) -> Match | None:
    """The ID number or the mobile ``window`` holds, or None. Across two line ends or more,
    without a word for the number before it, only a chain taken whole: a table printed as text,
    one cell a line or one row, chains its cells (a region's code, a date and a count read as an
    ID number, 199\n2023\n1632 as a mobile: numbers round seventeen's measure)."""
    text = plain.text
    digits = "".join(text[s:e] for s, e in window)
    start, end = window[0][0], window[-1][1]
    if len(digits) == _ID_LENGTH - 1 and end + 1 == check_end:
        digits, end = digits + text[end], check_end
    if len(digits) == _ID_LENGTH:
        entity, context = resident_id.ENTITY, resident_id.CONTEXT
        if resident_id.validate(digits) is not True:
            return None
    elif len(digits) == _MOBILE_LENGTH and digits[0] == "1" and mobile.validate(digits) is None:
        entity, context = mobile.ENTITY, mobile.CONTEXT
    else:
        return None
    before = text[max(0, start - CONTEXT_WINDOW) : start].lower()
    if _tabbed(text, window):
        # Tabs: only after a word for the number on the same line. A row of a table's cells
        # (610928\t20170919\t2020, 139\t1234\t5678) is a number's groups to no checksum.
        return _labelled(plain, window, before[before.rfind("\n") + 1 :], entity, context, end)
    labelled = any(word in before for word in context)
    if not labelled and not whole and not _one_line_end(text, window):
        return None
    if entity == resident_id.ENTITY:
        return Match(entity, *plain.span(start, end), VALIDATED_SCORE, resident_id.SPEC.strong_evidence)
    # A mobile across two line ends or more only after a phone's word: "金额\n139\n1234\n5678" is a
    # column of amounts (test_leaks_numerals), with no checksum to tell it from one.
    if labelled or ([e - s for s, e in window] == _MOBILE_GROUPS and _one_line_end(text, window)):
        return Match(entity, *plain.span(start, end), mobile.PATTERNS[0].score, "pattern+broken")
    return None


def _tabbed(text: str, window: list[tuple[int, int]]) -> bool:
    """Does a tab part two of ``window``'s groups on one line?"""
    for a, b in pairwise(window):
        gap = text[a[1] : b[0]]
        if "\t" in gap and not any(c in gap for c in _LINE_ENDS):
            return True
    return False


def _labelled(
    plain: Folded, window: list[tuple[int, int]], line: str, entity: str, context: tuple[str, ...], end: int
) -> Match | None:
    """The number in ``window`` when ``line`` (before it) ends with a word for it, a colon or
    spaces after the word at most: a row's label (电话咨询\t156\t2024\t1203, a count a column) is
    a word for the row, not for the number."""
    line = line.rstrip(_AFTER_LABEL)
    if not any(line.endswith(word) for word in context):
        return None
    start = window[0][0]
    if entity == resident_id.ENTITY:
        return Match(entity, *plain.span(start, end), VALIDATED_SCORE, resident_id.SPEC.strong_evidence)
    # A mobile grouped as it is written (3, 4, 4): a row labelled 手机 (a channel's counts,
    # 手机\t158\t20250821) gave allocated segments in 3-8 and 4-4-3 (numbers round eighteen's
    # measure of tables printed with tabs).
    if [e - s for s, e in window] != _MOBILE_GROUPS:
        return None
    return Match(entity, *plain.span(start, end), mobile.PATTERNS[0].score, "pattern+tabs")
