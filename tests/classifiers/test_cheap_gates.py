"""Cheap gates in front of regular expressions (twentieth round, speed): each gate answers
"no match" only where the pattern it guards finds none, compared with the pattern on seeded
random texts."""

from __future__ import annotations

import random

from classifiers.detect import _LATIN_LABEL_HINT, LABEL_HINT, holds_label_mark
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
