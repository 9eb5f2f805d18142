"""Presidio wiring for the deep-analysis path (batch scans, audits of stored data).

The request path does not use this module (see ``classifiers.scanner``): importing
presidio pulls in spaCy and costs seconds, which the gateway must not pay per process
start for nothing, let alone per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NoOpNlpEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistryProvider

from .custom import parse

# Imported for presidio: a `predefined` recognizer of the YAML is looked up by its class name
# among the EntityRecognizer subclasses loaded.
from .recognizers import (  # noqa: F401
    address,
    bank_card,
    email,
    embedded_file,
    labelled,
    landline,
    licence_plate,
    mobile,
    passport,
    person_name,
    register_number,
    resident_id,
    social_security_card,
    uscc,
)
from .recognizers._pattern import SpecPatternRecognizer, patterns_of

LANGUAGE = "zh"
RECOGNIZERS_PATH = Path(__file__).with_name("recognizers.yaml")
_OURS = f"{__package__}.recognizers."


def recognizer_registry(custom_entities: Mapping[str, Any] | None = None) -> RecognizerRegistry:
    """The recognizers of ``recognizers.yaml``, and one for each entity a deployment declares
    (``inspection.custom_entities``, classifiers/custom.py)."""
    registry = RecognizerRegistryProvider(conf_file=RECOGNIZERS_PATH).create_recognizer_registry()
    # Presidio finds a `predefined` class by its bare name among every EntityRecognizer subclass
    # loaded, its own included, in no set order: a name two classes share (its EmailRecognizer
    # and ours were) gave either, from one process to the next.
    foreign = [type(r).__name__ for r in registry.recognizers if not type(r).__module__.startswith(_OURS)]
    if foreign:
        raise RuntimeError(f"{RECOGNIZERS_PATH.name}: {foreign} resolved to classes outside {_OURS}: rename ours")
    for entity in parse(custom_entities or {}):
        spec = entity.spec
        name = f"{spec.entity}Recognizer"
        registry.add_recognizer(SpecPatternRecognizer(patterns_of(spec), list(spec.context), LANGUAGE, name, spec))
    return registry


def analyzer_engine(custom_entities: Mapping[str, Any] | None = None) -> AnalyzerEngine:
    """An AnalyzerEngine that needs no model download.

    Presidio ships ``NoOpNlpEngine`` for exactly this: all our recognizers are
    self-contained, so an empty NLP pass is enough. Passing it explicitly stops
    AnalyzerEngine from trying to load spaCy's ``en_core_web_lg``. Context words in the
    analysed text are not seen by presidio's lemma enhancer (no tokens); our
    recognizers validate by checksum, and the name/address finders check context
    themselves.
    """
    nlp_engine = NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "none"}])
    return AnalyzerEngine(
        registry=recognizer_registry(custom_entities),
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
    )
