"""Presidio wiring for the deep-analysis path (batch scans, audits of stored data).

The request path does not use this module (see ``classifiers.scanner``): importing
presidio pulls in spaCy and costs seconds, which the gateway must not pay per process
start for nothing, let alone per request.
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NoOpNlpEngine

from .recognizers.address import AddressRecognizer
from .recognizers.bank_card import BankCardRecognizer
from .recognizers.email import EmailRecognizer
from .recognizers.embedded_file import EmbeddedFileRecognizer
from .recognizers.landline import LandlineRecognizer
from .recognizers.mobile import MobileRecognizer
from .recognizers.person_name import PersonNameRecognizer
from .recognizers.resident_id import ResidentIdRecognizer
from .recognizers.uscc import UsccRecognizer

LANGUAGE = "zh"


def recognizers(language: str = LANGUAGE) -> list[EntityRecognizer]:
    return [
        ResidentIdRecognizer(supported_language=language),
        MobileRecognizer(supported_language=language),
        LandlineRecognizer(supported_language=language),
        BankCardRecognizer(supported_language=language),
        EmailRecognizer(supported_language=language),
        UsccRecognizer(supported_language=language),
        PersonNameRecognizer(supported_language=language),
        AddressRecognizer(supported_language=language),
        EmbeddedFileRecognizer(supported_language=language),
    ]


def recognizer_registry(language: str = LANGUAGE) -> RecognizerRegistry:
    """A registry holding only our recognizers (presidio's English ones would misfire on Chinese)."""
    return RecognizerRegistry(recognizers=recognizers(language), supported_languages=[language])


def analyzer_engine(language: str = LANGUAGE) -> AnalyzerEngine:
    """An AnalyzerEngine that needs no model download.

    Presidio ships ``NoOpNlpEngine`` for exactly this: all our recognizers are
    self-contained, so an empty NLP pass is enough. Passing it explicitly stops
    AnalyzerEngine from trying to load spaCy's ``en_core_web_lg``. Context words in the
    analysed text are not seen by presidio's lemma enhancer (no tokens); our
    recognizers validate by checksum, and the name/address finders check context
    themselves.
    """
    nlp_engine = NoOpNlpEngine(models=[{"lang_code": language, "model_name": "none"}])
    return AnalyzerEngine(
        registry=recognizer_registry(language),
        nlp_engine=nlp_engine,
        supported_languages=[language],
    )
