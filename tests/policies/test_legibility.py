"""policies/legibility.py: one predicate for what an officer cannot read as it was sent."""

from __future__ import annotations

import pytest

from policies.legibility import acting, illegible


@pytest.mark.parametrize(
    ("char", "acts"),
    [
        ("\x00", True),
        ("\x1b", True),  # a terminal's escape
        ("\x9b", True),  # C1: its one-byte form
        ("\u200b", True),  # zero-width space
        ("\u202e", True),  # bidi override
        ("\ufeff", True),  # BOM
        ("\U000e0041", True),  # tag character
        ("\ud800", True),  # lone surrogate
        ("\ue000", True),  # private use
        ("\u0378", True),  # unassigned
        ("\u2028", True),  # line separator
        ("\u2029", True),  # paragraph separator
        ("a", False),
        ("张", False),
        (" ", False),
        ("\u3000", False),  # ideographic space: it shows as space
        ("\xa0", False),
        ("·", False),
        ("\U00020000", False),  # CJK extension B
    ],
)
def test_acting(char: str, acts: bool) -> None:
    assert acting(char) is acts
    assert illegible("张伟" + char + "x") is acts


def test_plain_text_is_legible() -> None:
    for text in ("", "zhangwei", "张伟(caseworker,辖区610902)", "王　芳", "阿依古丽·买买提"):
        assert not illegible(text)
