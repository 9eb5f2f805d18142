"""How an export's lines end (``csvfields._newline``), found line by line with finds of one
character, against the three counts over the whole text it replaced (2026-12-01), on seeded
random texts of line ends, quotes and fields."""

import random

from classifiers.csvfields import _newline
from support.random_texts import random_texts


def _counted(text: str) -> str | None:
    """``_newline`` as it was: the line ends counted over the whole text."""
    if '"' in text:
        return None
    crs = text.count("\r")
    if crs == 0:
        return "\n"
    if crs == text.count("\r\n") and text.count("\n") == crs:
        return "\r\n"
    return None


def test_line_ends_found_line_by_line_equal_the_counts() -> None:
    r = random.Random(19)
    pieces = ("\r\n", "\r\n", "\r\n", "\r", "\n", "\n\r", '"', "a", "张伟", ",", "61090219900101123X", "")
    seen: set[str | None] = set()
    for text in random_texts(r, pieces, 40_000, 12):
        expected = _counted(text)
        seen.add(expected)
        assert _newline(text) == expected, repr(text)
    assert seen == {None, "\n", "\r\n"}  # every outcome drawn


def test_line_ends_of_long_lines_equal_the_counts() -> None:
    r = random.Random(20)
    field = "陕西省安康市汉滨区,13912345678,"
    for _ in range(2_000):
        lines = [field * r.randint(0, 4) for _ in range(r.randint(1, 6))]
        text = "\r\n".join(lines) + r.choice(("\r\n", "", "\r", "\n"))
        if r.random() < 0.3:
            at = r.randint(0, len(text))
            text = text[:at] + r.choice(("\r", "\n", "\r\n")) + text[at:]
        assert _newline(text) == _counted(text), repr(text)
