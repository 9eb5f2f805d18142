"""Cheap gates in front of regular expressions (twentieth round, speed): each gate answers
"no match" only where the pattern it guards finds none, compared with the pattern on seeded
random texts."""

from __future__ import annotations

import random

from classifiers.detect import _LATIN_LABEL_HINT, LABEL_HINT, holds_label_mark
from classifiers.fold_tables import _SEP_IN_DIGITS_RE
from classifiers.normalise import has_separated_digits
from support.random_texts import random_texts

# Label marks and their look-alikes, CJK, Latin letters, spaces and quotes: every way the
# two hints can match or just miss.
_LABEL_PIECES = [
    *":=：|｜",
    "姓名",
    "张伟",
    "联系人",
    "，",
    "。",
    "、",
    "；",
    "﹕",
    "︰",
    "∶",
    "¦",
    "Zhang",
    "wei",
    "139",
    " ",
    "\t",
    '"',
    "'",
    "\u3000",
    "\n",
]


def test_label_gate_closes_only_where_both_hints_miss() -> None:
    r = random.Random(20)
    opened = 0
    for text in random_texts(r, _LABEL_PIECES, 40_000, 10):
        hinted = _LATIN_LABEL_HINT.search(text) is not None or LABEL_HINT.search(text) is not None
        if hinted:
            opened += 1
            assert holds_label_mark(text), text
    assert opened > 5_000  # the texts reach the hints, not only the gate


# Every separator of the pattern, its look-alikes (full-width hyphen and dot, which NFKC folds
# but the pattern does not hold), digits, CJK and Latin text.
_DIGIT_PIECES = [
    *" .-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\u3000\u00a0",
    "\uff0d",
    "\uff0e",
    "\u2015",
    "_",
    "/",
    "0",
    "7",
    "139",
    "6109",
    "号",
    "电话",
    "a",
    "，",
    "\t",
]


def _separated_before(text: str) -> bool:
    """``normalise.has_separated_digits`` as it was: the pattern alone."""
    return _SEP_IN_DIGITS_RE.search(text) is not None


def test_separated_digits_gate_equals_the_pattern() -> None:
    r = random.Random(2020)
    found = 0
    for text in random_texts(r, _DIGIT_PIECES, 40_000, 8):
        expected = _separated_before(text)
        found += expected
        assert has_separated_digits(text) == expected, text
        assert has_separated_digits(text + "中") == _separated_before(text + "中"), text
    assert found > 1_000
