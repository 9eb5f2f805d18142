"""What the scanner reports (``Match``), and what it shares with the passes kept apart from it."""

from __future__ import annotations

import re
from typing import Final

# How far before a number the scanner looks for its context words.
CONTEXT_WINDOW: Final = 16
DIGIT_RUN = re.compile("[0-9]+")


class Match:
    """A detected entity; ``start``/``end`` index the string given to :meth:`Scanner.scan`.

    A plain class, which mypyc compiles to a struct built by a C call (some 400 instructions):
    a named tuple's ``__new__`` is Python code run by the interpreter (some 3,200), and one is
    built per finding. Compared and hashed by its fields, as the named tuple it replaced was."""

    __slots__ = ("end", "entity", "evidence", "score", "start")

    def __init__(self, entity: str, start: int, end: int, score: float, evidence: str) -> None:
        self.entity = entity
        self.start = start
        self.end = end
        self.score = score
        self.evidence = evidence

    def _fields(self) -> tuple[str, int, int, float, str]:
        return self.entity, self.start, self.end, self.score, self.evidence

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Match) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Match(entity={self.entity!r}, start={self.start!r}, end={self.end!r}, "
            f"score={self.score!r}, evidence={self.evidence!r})"
        )
