"""Common base for the pattern recognizers: class-level PATTERNS/CONTEXT from a spec."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..entities.base import EntitySpec
from ..normalise import Folded, escapes_take_digits, fold, loose_as_spaces

# Grouped digits ("139 1234 5678 138 0013 8000") and the lengths a window of groups may have.
_GROUPED = re.compile(r"[0-9]+(?:[ .\-]+[0-9]+)+")
_DIGITS = re.compile(r"[0-9]+")
_WINDOW_LENGTHS = frozenset({11, 15, 16, 17, 18, 19})
# And 13 opening with 86: a mobile with its country code glued to its first group (+861391 2345 678),
# as the fast path reads it (scanner._CODE_AND_MOBILE).


def _windows(plain: Folded) -> Iterator[Folded]:
    """Every run of consecutive digit groups whose digits could make one number, joined."""
    for run in _GROUPED.finditer(plain.text):
        groups = [m.span() for m in _DIGITS.finditer(plain.text, run.start(), run.end())]
        for i in range(len(groups)):
            length = 0
            for j in range(i, len(groups)):
                length += groups[j][1] - groups[j][0]
                if length > 19:
                    break
                if j > i and (
                    length in _WINDOW_LENGTHS or (length == 13 and plain.text.startswith("86", groups[i][0]))
                ):
                    chunk = groups[i : j + 1]
                    spans = [plain.span(k, k + 1) for s, e in chunk for k in range(s, e)]
                    ends = tuple(e for _, e in spans) if plain.ends is not None else None
                    text = "".join(plain.text[s:e] for s, e in chunk)
                    yield Folded(text, tuple(s for s, _ in spans), plain.original_length, ends)


def patterns_of(spec: EntitySpec) -> list[Pattern]:
    return [Pattern(p.name, p.regex, p.score) for p in spec.patterns]


class SpecPatternRecognizer(PatternRecognizer):
    """A presidio ``PatternRecognizer`` whose patterns, context and validation come from a spec.

    Presidio runs the patterns on the text as given, where a full-width digit, a zero-width
    space or "139 1234 5678" defeats them. ``analyze`` runs them on the folded text instead
    (as the fast path does) and maps every span back to the caller's text, so presidio's
    AnalyzerEngine reports the original offsets. Two folds: one with separators inside digit
    runs removed (grouped numbers), one keeping them; and, as in the fast path, windows of
    digit groups, so that two grouped numbers back to back are not one run that matches
    nothing (a window's hit counts only if it covers the whole window).
    """

    SPEC: ClassVar[EntitySpec]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
        name: str | None = None,
        spec: EntitySpec | None = None,
    ) -> None:
        # ``spec``: an entity a deployment declares (classifiers/custom.py), given per instance;
        # the built-in recognizers name theirs as a class attribute.
        self.spec = spec if spec is not None else self.SPEC
        super().__init__(
            name=name or type(self).__name__,
            supported_entity=self.spec.entity,
            patterns=patterns if patterns is not None else self.PATTERNS,
            context=context if context is not None else self.CONTEXT,
            supported_language=supported_language,
            # Our patterns spell out both letter cases; IGNORECASE would let "x" into
            # the digit classes of other scripts for nothing.
            global_regex_flags=0,
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        found: dict[tuple[int, int], RecognizerResult] = {}
        views: list[tuple[Folded, bool]] = []
        # A '%' whose escape took a digit ("…1235%36", "%13912…") read a second time as a
        # separator, as the fast path does (scanner.Scanner._scan); same length, same offsets.
        for reading in [text, text.replace("%", " ")] if escapes_take_digits(text) else [text]:
            spaced = loose_as_spaces(reading)  # "139/1234/5678" as the fast path reads it; same length
            plain = fold(spaced, join_digits=False)
            joined = fold(spaced)
            views += [(plain, False), (joined, False)] if joined.text != plain.text else [(plain, False)]
            views += [(window, True) for window in _windows(plain)]
        for view, whole in views:
            for result in super().analyze(view.text, entities, nlp_artifacts, regex_flags):
                if whole and (result.start, result.end) != (0, len(view.text)):
                    continue
                result.start, result.end = view.span(result.start, result.end)
                best = found.get((result.start, result.end))
                if best is None or result.score > best.score:
                    found[(result.start, result.end)] = result
        return sorted(found.values(), key=lambda r: (r.start, r.end))

    def validate_result(self, pattern_text: str) -> bool | None:
        return self.spec.validate(pattern_text)
