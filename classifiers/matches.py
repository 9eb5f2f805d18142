"""What the scanner reports (``Match``), and what it shares with the passes kept apart from it."""

from __future__ import annotations

import re
from typing import NamedTuple

# How far before a number the scanner looks for its context words.
CONTEXT_WINDOW = 16
DIGIT_RUN = re.compile("[0-9]+")


class Match(NamedTuple):
    """A detected entity; ``start``/``end`` index the string given to :meth:`Scanner.scan`.

    A named tuple, not a frozen dataclass: one is built per finding, and a frozen
    dataclass's ``__init__`` costs several times as much."""

    entity: str
    start: int
    end: int
    score: float
    evidence: str
