"""Common base for the pattern recognizers: class-level PATTERNS/CONTEXT from a spec."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from ..entities.base import EntitySpec


def patterns_of(spec: EntitySpec) -> list[Pattern]:
    return [Pattern(p.name, p.regex, p.score) for p in spec.patterns]


class SpecPatternRecognizer(PatternRecognizer):
    """A presidio ``PatternRecognizer`` whose patterns, context and validation come from a spec."""

    SPEC: ClassVar[EntitySpec]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "zh",
    ) -> None:
        super().__init__(
            supported_entity=self.SPEC.entity,
            patterns=patterns if patterns is not None else self.PATTERNS,
            context=context if context is not None else self.CONTEXT,
            supported_language=supported_language,
            # Our patterns spell out both letter cases; IGNORECASE would let "x" into
            # the digit classes of other scripts for nothing.
            global_regex_flags=0,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return self.SPEC.validate(pattern_text)
