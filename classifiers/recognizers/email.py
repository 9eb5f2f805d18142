"""Presidio recognizer: E-mail addresses."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from ..entities import email as spec_module
from ..entities.base import EntitySpec
from ._pattern import SpecPatternRecognizer, patterns_of


class FoldedEmailRecognizer(SpecPatternRecognizer):
    """Named apart from presidio's own EmailRecognizer: the registry YAML names classes, and
    presidio looks a name up among every EntityRecognizer subclass loaded."""

    SPEC: ClassVar[EntitySpec] = spec_module.SPEC
    PATTERNS: ClassVar[list[Pattern]] = patterns_of(spec_module.SPEC)
    CONTEXT: ClassVar[list[str]] = list(spec_module.CONTEXT)
