"""Common base for recognizers that find entities with a finder function, not a regex."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..normalise import fold

Finder = Callable[[str], list[tuple[int, int, float, str]]]


class FinderRecognizer(EntityRecognizer):
    """Runs a shared finder over the folded text; spans are mapped back to the input."""

    ENTITY: ClassVar[str]
    CONTEXT: ClassVar[list[str]]

    def __init__(self, supported_language: str = "zh", name: str | None = None) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            context=self.CONTEXT,
            name=name or type(self).__name__,
        )

    def load(self) -> None:
        """Nothing to load: the dictionaries are module constants."""

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if self.ENTITY not in entities:
            return []
        folded = fold(text, join_digits=False)
        results = []
        for start, end, score, evidence in self.find(folded.text):
            o_start, o_end = folded.span(start, end)
            explanation = AnalysisExplanation(
                recognizer=type(self).__name__, original_score=score, textual_explanation=evidence
            )
            results.append(
                RecognizerResult(
                    self.ENTITY,
                    o_start,
                    o_end,
                    score,
                    explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results
