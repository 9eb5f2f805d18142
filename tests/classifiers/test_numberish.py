"""numberish: the one test of "could this hold a number" for bytes and for text."""

from __future__ import annotations

import pytest

from classifiers.numberish import bytes_may_hold_number, text_may_hold_number


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("13912345678", True),
        ("139 1234 5678", True),
        ("(0915)3212345", True),
        ("+86-139.1234/5678", True),
        ("610902199001011235", True),
        ("1391234567", False),  # ten: the least a number takes is eleven
        ("Calibri 11pt 1.5", False),
        ("139a12345678", False),  # a letter parts the run
        ("", False),
    ],
)
def test_bytes_and_text_agree(text: str, holds: bool) -> None:
    assert text_may_hold_number(text) is holds
    assert bytes_may_hold_number(text.encode()) is holds
