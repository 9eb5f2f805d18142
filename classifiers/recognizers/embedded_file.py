"""Presidio recognizer: images and documents embedded as base64 (photos, scans of ID cards)."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..entities import embedded_file as spec_module
from ._pattern import patterns_of


class EmbeddedFileRecognizer(PatternRecognizer):
    """The fast path's own search on the text as given: base64 has nothing for folding to
    undo, and the digit-group windows of the other recognizers would only find numbers
    inside the image.

    ``PATTERNS`` name the runs for presidio (a data URI, a signed run), but ``analyze`` reads
    them with ``embedded_file.find``: the runs as the gateway meets them too, URL-escaped
    (``%2F9j%2F…``, a data URI in a query string) or broken by spaces (a form's decoded '+',
    wrapped lines), each ending where its spaces stop looking like base64's. The patterns
    alone took only the first stretch of such a run, or nothing.
    """

    PATTERNS: ClassVar[list[Pattern]] = patterns_of(spec_module.SPEC)
    CONTEXT: ClassVar[list[str]] = list(spec_module.CONTEXT)

    def __init__(self, supported_language: str = "zh", name: str | None = None) -> None:
        super().__init__(
            name=name or type(self).__name__,
            supported_entity=spec_module.ENTITY,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            global_regex_flags=0,  # the alphabets are spelt out in both cases
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if not spec_module.may_contain(text):  # the fast path's own gate: most texts end here
            return []
        return [
            RecognizerResult(
                entity_type=spec_module.ENTITY,
                start=start,
                end=end,
                score=EntityRecognizer.MAX_SCORE,
                analysis_explanation=AnalysisExplanation(
                    recognizer=type(self).__name__,
                    original_score=EntityRecognizer.MAX_SCORE,
                    pattern_name=evidence,
                    textual_explanation=f"embedded file ({evidence})",
                ),
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                },
            )
            for start, end, evidence in spec_module.find(text)
        ]

    def validate_result(self, pattern_text: str) -> bool | None:
        return spec_module.validate(pattern_text)
