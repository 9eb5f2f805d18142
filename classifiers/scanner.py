"""The request-path scanner: one combined regex over the folded string, shared validators.

It must stay cheap because the gateway runs it over every string of every response:
no presidio, one ``re`` search loop, and early exits for strings that cannot hold any
entity. The presidio recognizers in ``classifiers.recognizers`` read the same
``EntitySpec`` objects, so both paths agree on what is valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .entities import address, bank_card, email, landline, mobile, person_name, resident_id, uscc
from .entities.base import CONTEXT_BOOST, THRESHOLD, VALIDATED_SCORE, EntitySpec
from .normalise import Folded, fold, has_separated_digits

# Priority order for ties at the same position: an 18-digit run that is a valid ID is an
# ID even if it also passes Luhn; bank cards before institution codes.
SPECS: tuple[EntitySpec, ...] = (
    resident_id.SPEC,
    bank_card.SPEC,
    uscc.SPEC,
    mobile.SPEC,
    landline.SPEC,
    email.SPEC,
)
_CONTEXT_WINDOW = 16
_ASCII_MAYBE = re.compile(r"[0-9@]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Match:
    """A detected entity; ``start``/``end`` index the string given to :meth:`Scanner.scan`."""

    entity: str
    start: int
    end: int
    score: float
    evidence: str


@dataclass(frozen=True, slots=True)
class _Compiled:
    spec: EntitySpec
    regex: re.Pattern[str]
    score: float
    context: tuple[str, ...]


class Scanner:
    """Find entities in one string value."""

    def __init__(self, specs: Iterable[EntitySpec] = SPECS, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._patterns = [
            _Compiled(spec, re.compile(p.regex), p.score, tuple(w.lower() for w in spec.context))
            for spec in specs
            for p in spec.patterns
        ]
        # Only used to jump to the next position where *some* pattern matches.
        self._combined = re.compile("|".join(f"(?:{c.regex.pattern})" for c in self._patterns))

    def scan(self, text: str, *, hints: frozenset[str] = frozenset(), hint_evidence: str = "") -> list[Match]:
        """All accepted matches in ``text``, sorted by start, non-overlapping.

        ``hints`` are entities a field name vouches for; they lift a weak match (a legacy
        15-digit ID, a phone without its area-code separator) over the threshold.
        """
        if text.isascii() and _ASCII_MAYBE.search(text) is None:
            return []
        plain = fold(text, join_digits=False)
        has_cjk = _CJK.search(plain.text) is not None
        if not has_cjk and _ASCII_MAYBE.search(plain.text) is None:
            return []
        found = self._patterns_in(plain, hints, hint_evidence)
        if has_cjk:
            found += self._free_text(plain)
        if has_separated_digits(plain.text):
            # Digits grouped with spaces/hyphens: look again with the groups joined.
            found += self._patterns_in(fold(text), hints, hint_evidence)
        return _resolve(found)

    def _patterns_in(self, folded: Folded, hints: frozenset[str], hint_evidence: str) -> list[Match]:
        text = folded.text
        lowered: str | None = None
        out: list[Match] = []
        pos = 0
        while (hit := self._combined.search(text, pos)) is not None:
            at = hit.start()
            best: tuple[float, int, str, str] | None = None  # score, end, entity, evidence
            for compiled in self._patterns:
                m = compiled.regex.match(text, at)
                if m is None:
                    continue
                verdict = compiled.spec.validate(m.group())
                if verdict is False:
                    continue
                score, evidence = (
                    (VALIDATED_SCORE, compiled.spec.strong_evidence) if verdict else (compiled.score, "pattern")
                )
                if score < self.threshold:
                    if compiled.spec.entity in hints:
                        score, evidence = score + CONTEXT_BOOST, f"{evidence}+{hint_evidence}"
                    else:
                        lowered = text.lower() if lowered is None else lowered
                        window = lowered[max(0, at - _CONTEXT_WINDOW) : at]
                        if any(word in window for word in compiled.context):
                            score, evidence = score + CONTEXT_BOOST, f"{evidence}+context"
                if score >= self.threshold and (best is None or score > best[0]):
                    best = (score, m.end(), compiled.spec.entity, evidence)
            if best is None:
                pos = at + 1
                continue
            start, end = folded.span(at, best[1])
            out.append(Match(best[2], start, end, min(best[0], 1.0), best[3]))
            pos = best[1]
        return out

    def _free_text(self, folded: Folded) -> list[Match]:
        text = folded.text
        out: list[Match] = []
        if person_name.may_contain(text):
            for start, end, score, evidence in person_name.find(text):
                out.append(Match(person_name.ENTITY, *folded.span(start, end), score, evidence))
        if address.may_contain(text):
            for start, end, score, evidence in address.find(text):
                out.append(Match(address.ENTITY, *folded.span(start, end), score, evidence))
        return out


def _resolve(found: list[Match]) -> list[Match]:
    """Drop overlaps: higher score wins, then the longer span, then the earlier one."""
    if len(found) < 2:
        return found
    kept: list[Match] = []
    for m in sorted(found, key=lambda m: (-m.score, m.start - m.end, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept
