"""The numbered list's pre-check read a run of digits at a time (name_numbered.may_contain): the
same answer as a search of NUMBERED_HINT, which it replaced, on seeded random texts of digits, list
marks, separators and names; and the lists behind it are still found."""

from __future__ import annotations

import random
import re

import pytest

from classifiers.entities import name_numbered, name_patterns
from support.inspected import kept_in_both, leaks
from support.random_texts import random_texts

_PIECES = [
    *"0123456789",
    "12",
    "2024",
    "13912345678",
    *".、)( \t\n,;。/|，；",
    "（",
    "张伟",
    "李娜",
    "王秀英",
    "号楼",
    "年",
    "a",
    "①",
    "\x00",
    "- ",
    "*",
    "•",
    "\n- ",
    "床",  # a bed before its resident (1号床 王桂英: name_patterns.BED_HINT)
    "号床",
    "床位",
    "：",
]
_SEARCHED = re.compile(name_patterns.NUMBERED_HINT)


@pytest.mark.parametrize("seed", range(4))
def test_the_hint_read_a_run_at_a_time_answers_as_the_search(seed: int) -> None:
    for text in random_texts(random.Random(seed), _PIECES, 20_000, 14):
        assert name_numbered.may_contain(text) == (_SEARCHED.search(text) is not None), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("公示名单：1.张伟 2.李娜 3.王秀英", "李娜"),
        ("身份证号610902199001011234，1.张伟 2.李娜", "李娜"),
        ("13912345678 1张伟 2李娜", "张伟"),
        ("（1）张伟（2）李娜", "李娜"),
    ],
)
def test_lists_after_long_numbers_are_found(text: str, name: str) -> None:
    leaks(text, [name])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("1.总则 2.申请条件", "申请条件"),
        ("2024年1月 2月", "2024年1月"),
    ],
)
def test_look_alikes_stay(text: str, kept: str) -> None:
    kept_in_both(text, kept)
