"""The scanner's pass for the entities a deployment declares (custom.py).

Their patterns are searched in the text folded as written and, where that differs, with digit
groups joined: a declared shape may spell its separators out (MZ-2024-000123) or a number may
come grouped (DB 6109020001 written DB 6109 0200 01 matches ``DB ?[0-9]{10}``). A pattern's score
under the threshold counts with a context word within 16 characters before the match or under
one of the entity's keys, as for the built-in entities.
"""

from __future__ import annotations

import re

from .entities.base import CONTEXT_BOOST, THRESHOLD, EntitySpec
from .matches import CONTEXT_WINDOW, Match
from .normalise import Folded, fold
from .scanner import CompiledPattern, Scanner, resolve


class DeclaringScanner(Scanner):
    """The scanner with a pass for the declared entities after its own scan, and not behind its
    shortcuts (the pre-check, whole values). A subclass, so that a gateway that declares
    nothing scans with the plain Scanner and pays nothing for this."""

    def __init__(self, specs: tuple[EntitySpec, ...], threshold: float = THRESHOLD) -> None:
        super().__init__(threshold=threshold)
        self._declared = [
            CompiledPattern(spec, re.compile(p.regex), p.score, tuple(w.lower() for w in spec.context))
            for spec in specs
            for p in spec.patterns
        ]
        self.custom_entities = frozenset(spec.entity for spec in specs)

    def scan(self, text: str, *, hints: frozenset[str] = frozenset(), hint_evidence: str = "") -> list[Match]:
        found = super().scan(text, hints=hints, hint_evidence=hint_evidence)
        declared = self._find(text, hints, hint_evidence)
        return resolve(found + declared) if declared else found

    def may_hold_custom(self, text: str) -> bool:
        """Does any declared pattern match ``text`` (a value, or a NUL-joined column)? The
        pre-check (precheck.MAYBE) knows only the built-in entities."""
        return any(p.regex.search(view.text) is not None for view in _views(text) for p in self._declared)

    def _find(self, text: str, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        """Every match over the threshold, in both views (``resolve`` drops the overlaps)."""
        out: list[Match] = []
        for folded in _views(text):
            lowered = folded.text.lower()
            for pattern in self._declared:
                for m in pattern.regex.finditer(folded.text):
                    score, evidence = pattern.score, "pattern"
                    if score < self.threshold:
                        before = lowered[max(0, m.start() - CONTEXT_WINDOW) : m.start()]
                        if pattern.spec.entity in hints:
                            score, evidence = score + CONTEXT_BOOST, f"pattern+{hint_evidence}"
                        elif any(word in before for word in pattern.context):
                            score, evidence = score + CONTEXT_BOOST, "pattern+context"
                    if score >= self.threshold and m.end() > m.start():
                        out.append(
                            Match(pattern.spec.entity, *folded.span(m.start(), m.end()), min(score, 1.0), evidence)
                        )
        return out


def _views(text: str) -> list[Folded]:
    plain = fold(text, join_digits=False)
    joined = fold(text)
    return [plain] if joined.text == plain.text else [plain, joined]
