"""The scanner's pass for the entities a deployment declares (custom.py).

Their patterns are searched in the text folded as written and, where that differs, with digit
groups joined: a declared shape may spell its separators out (MZ-2024-000123) or a number may
come grouped (DB 6109020001 written DB 6109 0200 01 matches ``DB ?[0-9]{10}``). A pattern's score
under the threshold counts with a context word within 16 characters before the match or under
one of the entity's keys, as for the built-in entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities.base import CONTEXT_BOOST, EntitySpec
from .matches import CONTEXT_WINDOW, Match
from .normalise import Folded, fold


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity: str
    regex: re.Pattern[str]
    score: float
    context: tuple[str, ...]


class DeclaredPass:
    def __init__(self, specs: tuple[EntitySpec, ...], threshold: float) -> None:
        self.threshold = threshold
        self._patterns = [
            _Pattern(spec.entity, re.compile(p.regex), p.score, tuple(w.lower() for w in spec.context))
            for spec in specs
            for p in spec.patterns
        ]
        self.entities = frozenset(spec.entity for spec in specs)

    def may_hold(self, text: str) -> bool:
        """Does any declared pattern match ``text`` (a value, or a NUL-joined column)?"""
        return any(p.regex.search(view.text) is not None for view in _views(text) for p in self._patterns)

    def find(self, text: str, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        """Every match over the threshold, in both views (the scanner resolves overlaps)."""
        out: list[Match] = []
        for folded in _views(text):
            lowered = folded.text.lower()
            for pattern in self._patterns:
                for m in pattern.regex.finditer(folded.text):
                    score, evidence = pattern.score, "pattern"
                    if score < self.threshold:
                        before = lowered[max(0, m.start() - CONTEXT_WINDOW) : m.start()]
                        if pattern.entity in hints:
                            score, evidence = score + CONTEXT_BOOST, f"pattern+{hint_evidence}"
                        elif any(word in before for word in pattern.context):
                            score, evidence = score + CONTEXT_BOOST, "pattern+context"
                    if score >= self.threshold and m.end() > m.start():
                        out.append(Match(pattern.entity, *folded.span(m.start(), m.end()), min(score, 1.0), evidence))
        return out


def _views(text: str) -> list[Folded]:
    plain = fold(text, join_digits=False)
    joined = fold(text)
    return [plain] if joined.text == plain.text else [plain, joined]
