"""Presidio recognizer: images and documents embedded as base64 (photos, scans of ID cards)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern, PatternRecognizer

from ..entities import embedded_file as spec_module
from ._pattern import patterns_of


class EmbeddedFileRecognizer(PatternRecognizer):
    """The patterns on the text as given: base64 has nothing for folding to undo, and the
    digit-group windows of the other recognizers would only find numbers inside the image."""

    PATTERNS: ClassVar[list[Pattern]] = patterns_of(spec_module.SPEC)
    CONTEXT: ClassVar[list[str]] = list(spec_module.CONTEXT)

    def __init__(self, supported_language: str = "zh") -> None:
        super().__init__(
            supported_entity=spec_module.ENTITY,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            global_regex_flags=0,  # the alphabets are spelt out in both cases
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return spec_module.validate(pattern_text)
